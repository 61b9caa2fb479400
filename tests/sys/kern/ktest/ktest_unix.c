/*
 * Self-tests of the local domain's internals (sys/kern/uipc_usrreq.c):
 * the garbage collector on cycles built in the kernel, a connect that
 * moves the client to its listener's netisr, datagrams that chase a
 * target moving between netisrs, the ECONNRESET notice a closing
 * datagram target sends across CPUs, the stream back-pressure mirror,
 * and attach failing for want of memory.
 *
 * The cases run as a kernel thread given a minimal process
 * (ktest_files.h), so descriptors, SCM_RIGHTS and the kern_* system-call
 * back ends work with kernel buffers.  Rights are internalized the way
 * sosend() does it for a process, through localdomain.dom_internalize,
 * and sent with sosend() from the kernel (a ready mbuf chain).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/thread.h>
#include <sys/ktest.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/fcntl.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/domain.h>
#include <sys/mbuf.h>
#include <sys/un.h>
#include <sys/unpcb.h>
#include <sys/sysctl.h>
#include <net/netisr2.h>
#include "ktest_files.h"

MALLOC_DECLARE(M_UNPCB);

static long
kt_sysctl_int(const char *name)
{
	int v = 0;
	size_t len = sizeof(v);

	if (kernel_sysctlbyname(curthread, name, &v, &len, NULL, 0,
	    NULL) != 0)
		return (-1);
	return (v);
}

/* A socket made into a descriptor of the test's process. */
static int
kt_sofd(struct socket *so)
{
	struct file *fp;
	int fd;

	if (falloc(curthread, &fp, &fd, 0) != 0)
		return (-1);
	finit(fp, FREAD | FWRITE, DTYPE_SOCKET, so, &socketops);
	fdrop(fp);
	return (fd);
}

/* The socket behind a descriptor (no reference kept: fd holds one). */
static struct socket *
kt_fdso(int fd)
{
	struct file *fp;
	struct socket *so;

	if (fget(curthread, fd, &fp) != 0)
		return (NULL);
	so = fp->f_data;
	fdrop(fp);
	return (so);
}

/* socketpair(2) without the system call: fds in fd[0], fd[1]. */
static int
kt_unix_pair(int type, int fd[2])
{
	struct socket *so1, *so2;
	int error;

	error = socreate(AF_UNIX, &so1, type, 0, curthread);
	if (error != 0)
		return (error);
	error = socreate(AF_UNIX, &so2, type, 0, curthread);
	if (error != 0) {
		(void)soclose(so1);
		return (error);
	}
	error = soconnect2(so1, so2);
	if (error == 0 && type == SOCK_DGRAM &&
	    !(so2->so_state & SS_ISCONNECTED))
		error = soconnect2(so2, so1);
	fd[0] = kt_sofd(so1);
	fd[1] = kt_sofd(so2);
	return (error);
}

/* A one-byte send carrying descriptor `pass' over fd s. */
static int
kt_send_fd(int s, int pass)
{
	struct cmsghdr *cm;
	struct mbuf *ctl, *m;
	struct socket *so = kt_fdso(s);
	int error;

	ctl = m_get(M_WAITOK, MT_CONTROL);
	m = m_gethdr(M_WAITOK, MT_DATA);
	if (ctl == NULL || m == NULL || so == NULL) {
		m_freem(ctl);
		m_freem(m);
		return (ENOBUFS);
	}
	cm = mtod(ctl, struct cmsghdr *);
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	memcpy(CMSG_DATA(cm), &pass, sizeof(int));
	ctl->m_len = CMSG_SPACE(sizeof(int));
	error = localdomain.dom_internalize(&ctl, curthread);
	if (error != 0) {
		m_freem(m);
		return (error);
	}
	*mtod(m, char *) = 'r';
	m->m_len = m->m_pkthdr.len = 1;
	return (sosend(so, NULL, NULL, m, ctl, 0, curthread));
}

/* Wait (bounded) until fd's socket has `want' bytes to read. */
static int
kt_wait_rcv(int fd, u_int want)
{
	struct socket *so = kt_fdso(fd);

	for (int i = 0; i < 500 && so != NULL; i++) {
		if (atomic_load_int(&so->so_rcv.sb_cc) >= want)
			return (1);
		tsleep(&kt_wait_rcv, 0, "ktunix", 1);
	}
	return (0);
}

/* Wait (bounded) for the socket count to come back to n. */
static int
kt_settle_sockets(int n)
{
	for (int i = 0; i < 500; i++) {
		unp_gc_sync();
		if (sockets_inuse() <= n &&
		    kt_sysctl_int("kern.ipc.unp_inflight") == 0)
			return (1);
		tsleep(&kt_settle_sockets, 0, "ktunix", 1);
	}
	return (0);
}

/*
 * Two connections, each carrying the other's receiving end, then every
 * descriptor closed: an unreachable cycle.  The collector frees both
 * socket files and everything in flight.
 */
KTEST(unix_gc_collects_two_socket_cycle, 60)
{
	struct proc *p = ktp_enter(32);
	int a[2], b[2], n0 = sockets_inuse();
	long runs, collected;

	unp_gc_sync();
	runs = kt_sysctl_int("kern.ipc.unp_gc_runs");
	collected = kt_sysctl_int("kern.ipc.unp_gc_collected");
	KT_ASSERT_EQ(kt_unix_pair(SOCK_STREAM, a), 0);
	KT_ASSERT_EQ(kt_unix_pair(SOCK_STREAM, b), 0);
	KT_ASSERT_EQ(kt_send_fd(b[0], a[1]), 0);
	KT_ASSERT_EQ(kt_send_fd(a[0], b[1]), 0);
	KT_ASSERT(kt_wait_rcv(a[1], 1) && kt_wait_rcv(b[1], 1));
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.unp_inflight"), 2);
	for (int i = 0; i < 2; i++) {
		KT_ASSERT_EQ(kt_close(a[i]), 0);
		KT_ASSERT_EQ(kt_close(b[i]), 0);
	}
	KT_ASSERT(kt_settle_sockets(n0));
	KT_ASSERT(kt_sysctl_int("kern.ipc.unp_gc_runs") > runs);
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.unp_gc_collected") - collected,
	    2);
	ktp_leave(p);
}

/*
 * A socket sent into its own receive buffer, then its descriptor closed:
 * nobody can read that buffer again, so it is garbage even while its
 * peer is open; the peer then reads EOF.
 */
KTEST(unix_gc_collects_socket_sent_over_itself, 60)
{
	struct proc *p = ktp_enter(32);
	int a[2], n0 = sockets_inuse();
	long collected;
	char c;

	unp_gc_sync();
	collected = kt_sysctl_int("kern.ipc.unp_gc_collected");
	KT_ASSERT_EQ(kt_unix_pair(SOCK_STREAM, a), 0);
	KT_ASSERT_EQ(kt_send_fd(a[0], a[1]), 0);
	KT_ASSERT(kt_wait_rcv(a[1], 1));
	KT_ASSERT_EQ(kt_close(a[1]), 0);
	unp_gc_sync();
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.unp_gc_collected") - collected,
	    1);
	KT_ASSERT_EQ(kt_read(a[0], &c, 1), 0);
	KT_ASSERT_EQ(kt_close(a[0]), 0);
	KT_ASSERT(kt_settle_sockets(n0));
	ktp_leave(p);
}

/*
 * A descriptor whose only reference is in flight, but in the buffer of
 * a socket that is still open, is live: a pass leaves it alone, and the
 * receiver gets a working descriptor.
 */
KTEST(unix_gc_spares_descriptor_reachable_from_open_socket, 60)
{
	struct proc *p = ktp_enter(32);
	int a[2], b[2], n0 = sockets_inuse(), fd;
	char c = 0;
	long collected;

	unp_gc_sync();
	collected = kt_sysctl_int("kern.ipc.unp_gc_collected");
	KT_ASSERT_EQ(kt_unix_pair(SOCK_STREAM, a), 0);
	KT_ASSERT_EQ(kt_unix_pair(SOCK_STREAM, b), 0);
	KT_ASSERT_EQ(kt_send_fd(a[0], b[0]), 0);
	KT_ASSERT(kt_wait_rcv(a[1], 1));
	KT_ASSERT_EQ(kt_close(b[0]), 0);
	unp_gc_sync();
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.unp_gc_collected"), collected);
	{
		struct socket *so = kt_fdso(a[1]);
		struct mbuf *ctl = NULL;
		struct iovec iov;
		struct uio uio;
		int flags = 0;

		uio_init_kernel(&uio, &iov, &c, 1, 0, UIO_READ);
		KT_ASSERT_EQ(soreceive(so, NULL, &uio, NULL, &ctl, &flags), 0);
		KT_ASSERT(ctl != NULL);
		KT_ASSERT_EQ(mtod(ctl, struct cmsghdr *)->cmsg_len,
		    CMSG_LEN(sizeof(int)));
		memcpy(&fd, CMSG_DATA(mtod(ctl, struct cmsghdr *)),
		    sizeof(int));
		m_freem(ctl);
	}
	KT_ASSERT_EQ(c, 'r');
	KT_ASSERT_EQ(kt_write(fd, "z", 1), 1);
	KT_ASSERT_EQ(kt_read(b[1], &c, 1), 1);
	KT_ASSERT_EQ(c, 'z');
	KT_ASSERT_EQ(kt_close(fd), 0);
	KT_ASSERT_EQ(kt_close(a[0]), 0);
	KT_ASSERT_EQ(kt_close(a[1]), 0);
	KT_ASSERT_EQ(kt_close(b[1]), 0);
	KT_ASSERT(kt_settle_sockets(n0));
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.unp_gc_collected"), collected);
	ktp_leave(p);
}

/* A listener bound to path, owned by netisr cpu. */
static struct socket *
kt_listener(const char *path, int cpu)
{
	struct sockaddr_un sun;
	struct socket *so;

	if (socreate(AF_UNIX, &so, SOCK_STREAM, 0, curthread) != 0)
		return (NULL);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
	sun.sun_len = sizeof(sun);
	if (so_move(so, cpu) != 0 ||
	    sobind(so, (struct sockaddr *)&sun, curthread) != 0 ||
	    solisten(so, 5, curthread) != 0) {
		(void)soclose(so);
		return (NULL);
	}
	return (so);
}

static int
kt_connect(struct socket *so, const char *path)
{
	struct sockaddr_un sun;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
	sun.sun_len = sizeof(sun);
	return (soconnect(so, (struct sockaddr *)&sun, curthread, 0));
}

/*
 * A listener whose descriptor is in flight only inside one of its own
 * queued (never accepted) connections: the queue is the only way to it,
 * and nobody can accept.  The collector flushes the child's buffer, the
 * listener's file closes and aborts the child.
 */
KTEST(unix_gc_collects_listener_reachable_only_from_its_queue, 60)
{
	struct proc *p = ktp_enter(32);
	struct socket *l, *c;
	int lfd, cfd, n0 = sockets_inuse();
	long collected;

	unp_gc_sync();
	collected = kt_sysctl_int("kern.ipc.unp_gc_collected");
	l = kt_listener("/tmp/kt_unix_gcl", 0);
	KT_ASSERT(l != NULL);
	lfd = kt_sofd(l);
	KT_ASSERT_EQ(socreate(AF_UNIX, &c, SOCK_STREAM, 0, curthread), 0);
	cfd = kt_sofd(c);
	KT_ASSERT_EQ(kt_connect(c, "/tmp/kt_unix_gcl"), 0);
	KT_ASSERT_EQ(kt_send_fd(cfd, lfd), 0);
	for (int i = 0; i < 500; i++) {
		struct socket *child;

		SOQ_LOCK(l);
		child = TAILQ_FIRST(&l->so_comp);
		SOQ_UNLOCK(l);
		if (child != NULL &&
		    atomic_load_int(&child->so_rcv.sb_cc) != 0)
			break;
		tsleep(&collected, 0, "ktunix", 1);
	}
	KT_ASSERT_EQ(kt_close(cfd), 0);
	KT_ASSERT_EQ(kt_close(lfd), 0);
	KT_ASSERT(kt_settle_sockets(n0));
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.unp_gc_collected") - collected,
	    1);
	KT_ASSERT_EQ(kern_unlinkat(curthread, AT_FDCWD, "/tmp/kt_unix_gcl",
	    0), 0);
	ktp_leave(p);
}

/*
 * connect() moves the client to its listener's netisr before the pair
 * is made, so the pair and the listener share one owner; data then
 * flows both ways.
 */
KTEST(unix_connect_moves_client_to_listener_owner, 60)
{
	struct proc *p = ktp_enter(32);
	struct socket *l, *c, *a;
	int cpu = ncpus - 1, cfd, afd, n0 = sockets_inuse();
	char buf[8];

	l = kt_listener("/tmp/kt_unix_move", cpu);
	KT_ASSERT(l != NULL);
	KT_ASSERT_EQ(socreate(AF_UNIX, &c, SOCK_STREAM, 0, curthread), 0);
	KT_ASSERT_EQ(so_owner_cpu(c), mycpuid);
	cfd = kt_sofd(c);
	KT_ASSERT_EQ(kt_connect(c, "/tmp/kt_unix_move"), 0);
	KT_ASSERT_EQ(so_owner_cpu(c), cpu);
	KT_ASSERT_EQ(soaccept(l, 0, &a), 0);
	afd = kt_sofd(a);
	KT_ASSERT_EQ(so_owner_cpu(a), cpu);
	KT_ASSERT_EQ(kt_write(cfd, "ping", 4), 4);
	KT_ASSERT_EQ(kt_read(afd, buf, sizeof(buf)), 4);
	KT_ASSERT(memcmp(buf, "ping", 4) == 0);
	KT_ASSERT_EQ(kt_write(afd, "pong", 4), 4);
	KT_ASSERT_EQ(kt_read(cfd, buf, sizeof(buf)), 4);
	KT_ASSERT(memcmp(buf, "pong", 4) == 0);
	KT_ASSERT_EQ(kt_close(cfd), 0);
	KT_ASSERT_EQ(kt_close(afd), 0);
	(void)soclose(l);
	KT_ASSERT(kt_settle_sockets(n0));
	KT_ASSERT_EQ(kern_unlinkat(curthread, AT_FDCWD, "/tmp/kt_unix_move",
	    0), 0);
	ktp_leave(p);
}

/*
 * Datagrams to a target that keeps moving between netisrs: the delivery
 * message chases the target, so every datagram arrives, in order.
 */
#define KT_NDGRAM	300
static struct socket *kt_dg_target;
static volatile int kt_dg_stop;

static void
kt_dg_mover(void *arg __unused)
{
	uint32_t rnd = 4321;

	while (!atomic_load_int(&kt_dg_stop)) {
		rnd = rnd * 1103515245 + 12345;
		(void)so_move(kt_dg_target, (rnd >> 16) % ncpus);
		lwkt_yield();
	}
}

KTEST(unix_dgram_delivery_chases_moving_target_in_order, 90)
{
	struct proc *p = ktp_enter(32);
	int sv[2], n0 = sockets_inuse(), error;
	struct socket *s;
	uint32_t seq, got, v;
	u_long fwd0, fwd = 0;
	size_t len = sizeof(fwd0);

	(void)kernel_sysctlbyname(curthread, "net.local.dgram.forwarded",
	    &fwd0, &len, NULL, 0, NULL);
	KT_ASSERT_EQ(kt_unix_pair(SOCK_DGRAM, sv), 0);
	s = kt_fdso(sv[0]);
	kt_dg_target = kt_fdso(sv[1]);
	kt_dg_stop = 0;
	ktest_spawn(kt_dg_mover, NULL, ncpus - 1, "ktdgmove");
	for (seq = 0, got = 0; seq < KT_NDGRAM; ) {
		struct mbuf *m = m_gethdr(M_WAITOK, MT_DATA);

		KT_ASSERT(m != NULL);
		memcpy(mtod(m, void *), &seq, sizeof(seq));
		m->m_len = m->m_pkthdr.len = sizeof(seq);
		error = sosend(s, NULL, NULL, m, NULL, 0, curthread);
		if (error == 0) {
			seq++;
			continue;
		}
		/* The target is full: take one and try again. */
		KT_ASSERT_EQ(error, ENOBUFS);
		KT_ASSERT(got < seq);
		KT_ASSERT_EQ(kt_read(sv[1], &v, sizeof(v)), sizeof(v));
		KT_ASSERT_EQ(v, got);
		got++;
	}
	while (got < KT_NDGRAM) {
		KT_ASSERT_EQ(kt_read(sv[1], &v, sizeof(v)), sizeof(v));
		KT_ASSERT_EQ(v, got);
		got++;
	}
	atomic_store_int(&kt_dg_stop, 1);
	ktest_join();
	/*
	 * How many datagrams crossed CPUs depends on where the mover had
	 * put the target at each send: scheduling, not correctness.  The
	 * order checks above are the test; the count is only reported.
	 */
	len = sizeof(fwd);
	(void)kernel_sysctlbyname(curthread, "net.local.dgram.forwarded",
	    &fwd, &len, NULL, 0, NULL);
	kprintf("ktest: %ld datagrams forwarded across CPUs\n",
	    (long)(fwd - fwd0));
	KT_ASSERT_EQ(kt_close(sv[0]), 0);
	KT_ASSERT_EQ(kt_close(sv[1]), 0);
	KT_ASSERT(kt_settle_sockets(n0));
	ktp_leave(p);
}

/*
 * A connected datagram socket whose target, owned by another netisr,
 * closes: the target's notice disconnects it; the next send reports
 * ECONNRESET once, the one after has no destination.
 */
KTEST(unix_dgram_target_close_on_other_cpu_gives_ECONNRESET_once, 60)
{
	struct proc *p = ktp_enter(32);
	struct socket *s, *t;
	int sfd, tfd, n0 = sockets_inuse(), i;
	struct sockaddr_un sun;

	KT_ASSERT_EQ(socreate(AF_UNIX, &t, SOCK_DGRAM, 0, curthread), 0);
	KT_ASSERT_EQ(so_move(t, ncpus - 1), 0);
	tfd = kt_sofd(t);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strlcpy(sun.sun_path, "/tmp/kt_unix_dgt", sizeof(sun.sun_path));
	sun.sun_len = sizeof(sun);
	KT_ASSERT_EQ(sobind(t, (struct sockaddr *)&sun, curthread), 0);
	KT_ASSERT_EQ(socreate(AF_UNIX, &s, SOCK_DGRAM, 0, curthread), 0);
	sfd = kt_sofd(s);
	KT_ASSERT_EQ(soconnect(s, (struct sockaddr *)&sun, curthread, 0), 0);
	KT_ASSERT_EQ(kt_write(sfd, "a", 1), 1);
	KT_ASSERT_EQ(kt_close(tfd), 0);
	for (i = 0; i < 500 && (atomic_load_int(&s->so_state) &
	    SS_ISCONNECTED); i++)
		tsleep(&i, 0, "ktunix", 1);
	KT_ASSERT(!(s->so_state & SS_ISCONNECTED));
	KT_ASSERT_EQ(kt_write(sfd, "b", 1), -ECONNRESET);
	KT_ASSERT_EQ(kt_write(sfd, "c", 1), -EDESTADDRREQ);
	KT_ASSERT_EQ(kt_close(sfd), 0);
	KT_ASSERT(kt_settle_sockets(n0));
	KT_ASSERT_EQ(kern_unlinkat(curthread, AT_FDCWD, "/tmp/kt_unix_dgt",
	    0), 0);
	ktp_leave(p);
}

/*
 * Back-pressure: the writer's so_snd mirrors what the reader has not
 * taken (bytes and storage) and empties as the reader drains.
 */
KTEST(unix_stream_sender_mirror_follows_unread_bytes, 60)
{
	struct proc *p = ktp_enter(32);
	struct socket *w, *r;
	int sv[2], n0 = sockets_inuse(), i;
	char buf[1000];

	KT_ASSERT_EQ(kt_unix_pair(SOCK_STREAM, sv), 0);
	w = kt_fdso(sv[0]);
	r = kt_fdso(sv[1]);
	memset(buf, 'm', sizeof(buf));
	KT_ASSERT_EQ(kt_write(sv[0], buf, sizeof(buf)), sizeof(buf));
	KT_ASSERT(kt_wait_rcv(sv[1], sizeof(buf)));
	for (i = 0; i < 500 && atomic_load_int(&w->so_snd.sb_prealloc); i++)
		tsleep(&i, 0, "ktunix", 1);
	SOCKBUF_LOCK(&w->so_snd);
	KT_ASSERT_EQ(w->so_snd.sb_prealloc, 0);
	KT_ASSERT_EQ(w->so_snd.sb_cc, sizeof(buf));
	KT_ASSERT_EQ(w->so_snd.sb_mbcnt, r->so_rcv.sb_mbcnt);
	SOCKBUF_UNLOCK(&w->so_snd);
	KT_ASSERT_EQ(kt_read(sv[1], buf, sizeof(buf)), sizeof(buf));
	for (i = 0; i < 500 && atomic_load_int(&w->so_snd.sb_cc); i++)
		tsleep(&i, 0, "ktunix", 1);
	KT_ASSERT_EQ(w->so_snd.sb_cc, 0);
	KT_ASSERT_EQ(w->so_snd.sb_mbcnt, 0);
	KT_ASSERT_EQ(kt_close(sv[0]), 0);
	KT_ASSERT_EQ(kt_close(sv[1]), 0);
	KT_ASSERT(kt_settle_sockets(n0));
	ktp_leave(p);
}

/* pru_attach cannot get its pcb: socket() fails with ENOBUFS, cleanly. */
KTEST(unix_attach_without_memory_ENOBUFS, 30)
{
	struct socket *so = NULL;
	int n0 = sockets_inuse();

	kmalloc_fail_inject(M_UNPCB, 1);
	KT_ASSERT_EQ(socreate(AF_UNIX, &so, SOCK_STREAM, 0, curthread),
	    ENOBUFS);
	KT_ASSERT(so == NULL);
	KT_ASSERT_EQ(sockets_inuse(), n0);
}
