/*
 * kern/uipc_usrreq.c: the local domain (AF_UNIX): stream, datagram and
 * seqpacket sockets named in the file system, descriptor passing
 * (SCM_RIGHTS) and its garbage collector, credentials (SCM_CREDS,
 * LOCAL_CREDS, LOCAL_PEERCRED).
 *
 * BIG THEORY STATEMENT
 *
 * Entry points.  The socket layer reaches this file three ways:
 *   - handlers (uipc_attach ... uipc_ctloutput, the pr_usrreqs below):
 *     netmsg dispatch functions run by the socket's owning netisr
 *     (sys/net/netmsg.c has already chased a moved socket, asserted
 *     ownership and answered by itself for a socket whose pcb is gone).
 *     They never sleep: M_NOWAIT, ENOBUFS when short.
 *   - resolve hooks (unp_resolve/unp_unresolve): user context, before
 *     and after a bind, connect or sendto message; they may sleep (the
 *     file system) and never touch [p] state.
 *   - domain hooks (unp_internalize, unp_externalize: user context;
 *     unp_dispose: any context) for control messages, and sysctls;
 *     unp_gc_schedule (kern_descrip.c: a descriptor of a file in flight
 *     was closed) and unp_gc_sync (tests) for the collector.
 * The pcb (sys/sys/unpcb.h) is [p]: only the owner of its socket reads
 * or writes it, except for the few [L] fields under unp_spin.
 *
 * Owners.  A socket is born on its creator's CPU (uipc_initcpu).  A
 * connected stream or seqpacket pair and its listener always share one
 * owner, so both ends of a pair change together with no lock at all:
 * the send handler appends straight to the peer's so_rcv, a close
 * disconnects both ends in one handler.  To get there, connect() moves
 * the connecting socket to the listener's owner before connecting:
 *
 *   client's netisr A             listener's netisr B
 *   -----------------             -------------------
 *   uipc_connect(msg): checks,
 *   netmsg_so_move(msg, B) ---->  [msg] queued; so_port := B
 *                                 uipc_connect(msg) again: now we own
 *                                 client and listener: sonewconn(),
 *                                 link client <-> child, both connected
 *
 * The move follows the receipt and chase rules of sys/net/netmsg.c, so
 * messages for the client sent meanwhile run after the connect, on B.
 * socketpair() moves so2 to so1's owner the same way (uipc_msg.c)
 * before uipc_connect2.  A listener never moves by itself.
 *
 * Datagrams cross owners.  A datagram socket may send to any other; the
 * send (synchronous, so the sender learns ENOBUFS) runs on the sender's
 * owner, which copies the sender's name into the message's scratch
 * (nm_from), then changes nm_dispatch to unp_dgram_deliver and forwards
 * the message to the target's owner.  The delivery acts on the TARGET
 * (nm_res, referenced by the message) and never on the sender's [p]
 * state; it chases the target if it moved, appends with
 * sbappendaddr_locked and replies.  A connected datagram socket holds a
 * reference on its destination; the destination keeps the list of its
 * referrers (unp_refs, [L]) each with a notice message made at connect
 * time, so its detach can tell every referrer's owner to disconnect
 * with ECONNRESET (FreeBSD's unp_drop) without allocating:
 *
 *   referrer's netisr A            destination's netisr B
 *   -------------------            ----------------------
 *   connect: soref(dst), under     detach: under unp_spin, take every
 *   unp_spin link onto dst's       referrer off unp_refs with its
 *   unp_refs with a notice         notice, clear so_pcb; send notices
 *                     <----------  notice (names A, dst, generation)
 *   unp_drop_dispatch: still
 *   connected to dst, same
 *   generation?  disconnect,
 *   so_error = ECONNRESET
 *
 * A datagram the delivery finds addressed to a detached target is
 * dropped with success: it was sent before the close in a valid order.
 *
 * Back-pressure between stream peers.  The sender's so_snd holds no
 * data: its sb_cc and sb_mbcnt mirror what the peer's so_rcv holds, so
 * sbspace(so_snd) in sosend counts both the bytes charged by sends in
 * flight (sb_prealloc) and the bytes the reader has not taken.  The send
 * handler releases the charge and refreshes the mirror; pru_rcvd (the
 * reader consumed data) refreshes it and wakes blocked writers.
 *
 * Names.  bind() resolves in user context: vn_bind_socket() creates the
 * VSOCK node with v_socket = so (EEXIST means EADDRINUSE), the handler
 * keeps the referenced vnode; detach clears v_socket under v_spin, then
 * vrele (never sleeps).  The name stays until unlink, as in FreeBSD.
 * connect() and sendto() resolve the path to a referenced socket taken
 * under v_spin, so it cannot be freed between lookup and use.
 *
 * Descriptors in flight and the garbage collector.  unp_internalize
 * turns SCM_RIGHTS descriptors into referenced struct file pointers and
 * counts each copy in f_msgcount; unp_externalize installs them in the
 * receiver and uncounts them.  Copies that nobody will receive (a
 * buffer flushed at close, a failed send) go to unp_dispose, which
 * hands them to the "unp_gc" thread: dropping a file may close a socket
 * and sleep, which a netisr must not do, and a queue instead of
 * recursion keeps chains of sockets-in-sockets off the kernel stack.
 *
 * A file whose every reference is a copy in flight (f_count ==
 * f_msgcount) is reachable only through the receive buffers holding
 * those copies.  If those buffers belong to sockets in the same state,
 * the lot may be an unreachable cycle (a socket sent over itself, two
 * sockets sent into each other, then closed).  The collector (FreeBSD's
 * algorithm) works on the AF_UNIX socket files with copies in flight,
 * kept on unp_flight ([L]):
 *   1. candidates: f_count == f_msgcount; refs := f_msgcount;
 *   2. for each copy found in a candidate's receive buffer (a
 *      listener's: its queued children's buffers), refs-- on the file;
 *   3. refs > 0 means a copy lies outside the candidates (in a live
 *      socket's buffer, in a message not yet appended, in a receiver
 *      between soreceive and externalize): live; everything found in a
 *      live candidate's buffer is live too (closure);
 *   4. the others are dead: their receive buffers are flushed and the
 *      copies released, which closes them.
 * Internalize and externalize hold unp_gc_lock shared, the scan holds it
 * exclusive, so no copy enters or leaves a buffer during the scan except
 * by disposal (which only makes files less referenced: the scan stays
 * conservative).  The scan holds a reference of its own on each file it
 * looks at (so f_count == f_msgcount + 1 is its test):
 *
 *   process                 netisr                 unp_gc
 *   -------                 ------                 ------
 *   sendmsg(s0, [s0]):
 *    internalize: fget,
 *    f_msgcount 1  (shared lock)
 *    async send -------->   [send queued]
 *   close(s0), close(s1)                           X lock; s0: count 2
 *                                                  (ours + copy) ==
 *                                                  msgcount 1 + 1:
 *                                                  candidate, refs 1;
 *                                                  s1 not in flight:
 *                                                  nothing scanned
 *                                                  finds the copy:
 *                                                  s0 live (refs 1)
 *                           append to s1's so_rcv
 *                           (s1 closed: its free
 *                           disposes the copy)
 * The copy in the queued message was never found, so s0 stayed live;
 * it dies normally when s1's buffer is disposed.  Had the copy gone
 * into s0's own buffer, the next scan finds it there: refs 0, dead.
 *
 * The collector runs when asked (a local socket detaches while copies
 * are in flight, a descriptor of a file in flight is closed: see
 * unp_gc_schedule, rights are disposed) and, while copies are in
 * flight, once a second, after a cheap check that a candidate exists
 * and that something changed since the last fruitless pass.
 *
 * Lock order: unp_gc_lock (sleep lock) before anything; unp_spin is a
 * leaf (wakeup only under it); v_spin, SOCKBUF and SOQ are never held
 * together with it.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/thread.h>
#include <sys/lock.h>
#include <sys/spinlock.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/fcntl.h>
#include <sys/vnode.h>
#include <sys/sysctl.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/domain.h>
#include <sys/mbuf.h>
#include <sys/un.h>
#include <sys/unpcb.h>
#include <net/netmsg.h>
#include <net/netisr2.h>


MALLOC_DEFINE(M_UNPCB, "unpcb", "AF_UNIX protocol control blocks");
MALLOC_DEFINE(M_UNPGC, "unpgc", "AF_UNIX resolve results and collector");

/*
 * Default buffer sizes (FreeBSD 14's): a datagram socket's send space is
 * the largest datagram it may send.
 */
static u_long	unpst_sendspace = 8192;
static u_long	unpst_recvspace = 8192;
static u_long	unpdg_maxdgram = 2048;
static u_long	unpdg_recvspace = 16384;
static u_long	unpsp_sendspace = 8192;
static u_long	unpsp_recvspace = 8192;

static int	unp_inflight;		/* [a] SCM_RIGHTS copies in flight */
static int	unp_gc_runs;		/* [a] full collector passes */
static int	unp_gc_collected;	/* [a] socket files it freed */
static u_long	unp_dgram_forwarded;	/* [a] datagrams sent to another CPU */

/* Moves a connect may make chasing a listener that moves (EAGAIN). */
#define UNP_MAXMOVES	8

static const struct sockaddr sun_noname = {
	.sa_len = sizeof(struct sockaddr),
	.sa_family = AF_LOCAL,
};

/*
 * unp_spin [L]: the datagram referrer lists, so_pcb and unp_addr as seen
 * by other owners, the in-flight file list, the collector's queue.
 */
static struct spinlock unp_spin = SPINLOCK_INITIALIZER("unp", SPINRANK_UNP);
static LIST_HEAD(, file) unp_flight = LIST_HEAD_INITIALIZER(unp_flight);
static u_int	unp_nflight;		/* [L] files on unp_flight */
static struct mbuf *unp_defer_head;	/* [L] packets to release (gc) */
static struct mbuf *unp_defer_tail;	/* [L] */
static int	unp_gc_wanted;		/* [L] a pass was asked for */
static int	unp_gc_force;		/* [L] ... even if nothing changed */
static u_int	unp_gc_gen;		/* [a] rights entered or left */
static struct lock unp_gc_lock;		/* see the top comment */
static struct thread *unp_gc_td;	/* [I] */
static int	unp_inited;

/* The ECONNRESET notice a datagram destination sends its referrers. */
struct unp_dropmsg {
	struct netmsg_base ud_base;	/* nm_so: the referrer (referenced) */
	struct socket	*ud_dst;	/* compared, never dereferenced */
	u_int		ud_gen;		/* the referrer's unp_conngen */
	struct unp_dropmsg *ud_next;	/* detach's private list */
};

/* What bind's resolve made: the name, to keep or to undo. */
struct unp_bindres {
	struct vnode	*ub_vp;		/* referenced, v_socket = so */
	struct sockaddr_un *ub_addr;	/* M_SONAME copy of the address */
	struct proc	*ub_proc;	/* for the undo's lookup */
	char		ub_path[];	/* NUL-terminated */
};

static void	unp_init(void);
static int	uipc_initcpu(struct socket *so);
static void	uipc_abort(netmsg_t msg);
static void	uipc_accept(netmsg_t msg);
static void	uipc_attach(netmsg_t msg);
static void	uipc_bind(netmsg_t msg);
static void	uipc_connect(netmsg_t msg);
static void	uipc_connect2(netmsg_t msg);
static void	uipc_control(netmsg_t msg);
static void	uipc_detach(netmsg_t msg);
static void	uipc_disconnect(netmsg_t msg);
static void	uipc_listen(netmsg_t msg);
static void	uipc_peeraddr(netmsg_t msg);
static void	uipc_rcvd(netmsg_t msg);
static void	uipc_send(netmsg_t msg);
static void	uipc_shutdown(netmsg_t msg);
static void	uipc_sockaddr(netmsg_t msg);
static void	uipc_ctloutput(netmsg_t msg);
static int	unp_resolve(struct socket *so, int req, struct sockaddr *nam,
		    struct thread *td, void **resp);
static void	unp_unresolve(struct socket *so, int req, void *res);
static int	unp_internalize(struct mbuf **controlp, struct thread *td);
static int	unp_externalize(struct mbuf *control, int flags);
static void	unp_dispose(struct mbuf *control);
static void	unp_dgram_deliver(netmsg_t msg);
static void	unp_drop_dispatch(netmsg_t msg);
static void	unp_gc_wakeup(int force);

static struct pr_usrreqs uipc_usrreqs = {
	.pru_abort =		uipc_abort,
	.pru_accept =		uipc_accept,
	.pru_attach =		uipc_attach,
	.pru_bind =		uipc_bind,
	.pru_connect =		uipc_connect,
	.pru_connect2 =		uipc_connect2,
	.pru_control =		uipc_control,
	.pru_detach =		uipc_detach,
	.pru_disconnect =	uipc_disconnect,
	.pru_listen =		uipc_listen,
	.pru_peeraddr =		uipc_peeraddr,
	.pru_rcvd =		uipc_rcvd,
	.pru_send =		uipc_send,
	.pru_shutdown =		uipc_shutdown,
	.pru_sockaddr =		uipc_sockaddr,
	.pru_resolve =		unp_resolve,
	.pru_unresolve =	unp_unresolve,
};

static struct protosw localsw[] = {
	{
		.pr_type =	SOCK_STREAM,
		.pr_domain =	&localdomain,
		.pr_flags =	PR_CONNREQUIRED | PR_WANTRCVD | PR_RIGHTS,
		.pr_ctloutput =	uipc_ctloutput,
		.pr_init =	unp_init,
		.pr_initcpu =	uipc_initcpu,
		.pr_usrreqs =	&uipc_usrreqs,
		.pr_name =	"unix/stream",
	},
	{
		.pr_type =	SOCK_DGRAM,
		.pr_domain =	&localdomain,
		.pr_flags =	PR_ATOMIC | PR_ADDR | PR_RIGHTS,
		.pr_ctloutput =	uipc_ctloutput,
		.pr_init =	unp_init,
		.pr_initcpu =	uipc_initcpu,
		.pr_usrreqs =	&uipc_usrreqs,
		.pr_name =	"unix/dgram",
	},
	{
		.pr_type =	SOCK_SEQPACKET,
		.pr_domain =	&localdomain,
		.pr_flags =	PR_ATOMIC | PR_CONNREQUIRED | PR_WANTRCVD |
				    PR_RIGHTS,
		.pr_ctloutput =	uipc_ctloutput,
		.pr_init =	unp_init,
		.pr_initcpu =	uipc_initcpu,
		.pr_usrreqs =	&uipc_usrreqs,
		.pr_name =	"unix/seqpacket",
	},
};

struct domain localdomain = {
	.dom_family =		AF_LOCAL,
	.dom_name =		"local",
	.dom_init =		unp_init,
	.dom_internalize =	unp_internalize,
	.dom_externalize =	unp_externalize,
	.dom_dispose =		unp_dispose,
	.dom_protosw =		localsw,
	.dom_protoswNPROTOSW =	&localsw[nitems(localsw)],
};

/* ---- sysctl --------------------------------------------------------- */

SYSCTL_NODE(_net, AF_LOCAL, local, CTLFLAG_RW, 0, "Local domain");
SYSCTL_NODE(_net_local, SOCK_STREAM, stream, CTLFLAG_RW, 0, "SOCK_STREAM");
SYSCTL_NODE(_net_local, SOCK_DGRAM, dgram, CTLFLAG_RW, 0, "SOCK_DGRAM");
SYSCTL_NODE(_net_local, SOCK_SEQPACKET, seqpacket, CTLFLAG_RW, 0,
    "SOCK_SEQPACKET");
SYSCTL_ULONG(_net_local_stream, OID_AUTO, sendspace, CTLFLAG_RW,
    &unpst_sendspace, 0, "Default stream send space");
SYSCTL_ULONG(_net_local_stream, OID_AUTO, recvspace, CTLFLAG_RW,
    &unpst_recvspace, 0, "Default stream receive space");
SYSCTL_ULONG(_net_local_dgram, OID_AUTO, maxdgram, CTLFLAG_RW,
    &unpdg_maxdgram, 0, "Largest datagram (default send space)");
SYSCTL_ULONG(_net_local_dgram, OID_AUTO, recvspace, CTLFLAG_RW,
    &unpdg_recvspace, 0, "Default datagram receive space");
SYSCTL_ULONG(_net_local_dgram, OID_AUTO, forwarded, CTLFLAG_RD,
    &unp_dgram_forwarded, 0, "Datagrams delivered by another CPU");
SYSCTL_ULONG(_net_local_seqpacket, OID_AUTO, maxseqpacket, CTLFLAG_RW,
    &unpsp_sendspace, 0, "Default seqpacket send space");
SYSCTL_ULONG(_net_local_seqpacket, OID_AUTO, recvspace, CTLFLAG_RW,
    &unpsp_recvspace, 0, "Default seqpacket receive space");
SYSCTL_INT(_net_local, OID_AUTO, inflight, CTLFLAG_RD, &unp_inflight, 0,
    "Descriptors in flight (kern.ipc.unp_inflight)");
SYSCTL_INT(_kern_ipc, OID_AUTO, unp_inflight, CTLFLAG_RD, &unp_inflight, 0,
    "Descriptors in flight in SCM_RIGHTS messages");
SYSCTL_INT(_kern_ipc, OID_AUTO, unp_gc_runs, CTLFLAG_RD, &unp_gc_runs, 0,
    "AF_UNIX garbage collector passes");
SYSCTL_INT(_kern_ipc, OID_AUTO, unp_gc_collected, CTLFLAG_RD,
    &unp_gc_collected, 0, "Unreachable sockets the collector freed");
SYSCTL_UINT(_kern_ipc, OID_AUTO, sockets_unix_stream, CTLFLAG_RD,
    &localsw[0].pr_nsockets, 0, "AF_UNIX stream sockets in use");
SYSCTL_UINT(_kern_ipc, OID_AUTO, sockets_unix_dgram, CTLFLAG_RD,
    &localsw[1].pr_nsockets, 0, "AF_UNIX datagram sockets in use");
SYSCTL_UINT(_kern_ipc, OID_AUTO, sockets_unix_seqpacket, CTLFLAG_RD,
    &localsw[2].pr_nsockets, 0, "AF_UNIX seqpacket sockets in use");

/* ---- Small helpers --------------------------------------------------- */

/* A new socket is born on its creator's CPU. */
static int
uipc_initcpu(struct socket *so __unused)
{
	return (mycpuid);
}

static int
unp_is_conn(struct socket *so)
{
	return (so->so_type == SOCK_STREAM || so->so_type == SOCK_SEQPACKET);
}

/* so_state's SS_ISCONNECTED, cleared the way so_setstate() does. */
static void
unp_clear_connected(struct socket *so)
{
	ASSERT_SO_OWNER(so);
	SOCKBUF_LOCK(&so->so_rcv);
	atomic_clear_int(&so->so_state, SS_ISCONNECTED);
	SOCKBUF_UNLOCK(&so->so_rcv);
}

/*
 * Copy so's name (or the unnamed address) into dst, a sockaddr_un.  Any
 * thread: so_pcb and unp_addr are read under unp_spin, which detach and
 * bind hold to change them.
 */
static void
unp_copy_name(struct socket *so, struct sockaddr_un *dst)
{
	struct unpcb *unp;

	spin_lock(&unp_spin);
	unp = so != NULL ? sotounpcb(so) : NULL;
	if (unp != NULL && unp->unp_addr != NULL)
		memcpy(dst, unp->unp_addr, unp->unp_addr->sun_len);
	else
		memcpy(dst, &sun_noname, sizeof(sun_noname));
	spin_unlock(&unp_spin);
}

/* A handler's answer to getsockname/getpeername/accept: M_NOWAIT. */
static int
unp_name_reply(struct socket *so, struct sockaddr **namp)
{
	struct sockaddr_un *sun;

	sun = kmalloc(sizeof(*sun), M_SONAME, M_NOWAIT | M_ZERO);
	if (sun == NULL)
		return (ENOBUFS);
	unp_copy_name(so, sun);
	*namp = (struct sockaddr *)sun;
	return (0);
}

/*
 * LOCAL_PEERCRED's record of a process: td's if it belongs to one (the
 * thread waits in connect/listen, so its process is alive), else the
 * socket creator's.
 */
static void
unp_xucred_fill(struct xucred *xu, struct thread *td, struct socket *so)
{
	struct proc *p = td != NULL ? td->td_proc : NULL;

	memset(xu, 0, sizeof(*xu));
	xu->cr_version = XUCRED_VERSION;
	xu->cr_ngroups = 1;
	if (p != NULL) {
		spin_lock(&p->p_spin);
		xu->cr_uid = p->p_ucred.cr_uid;
		xu->cr_groups[0] = p->p_ucred.cr_gid;
		spin_unlock(&p->p_spin);
		xu->cr_pid = p->p_pid;
	} else {
		xu->cr_uid = so->so_cred.cr_uid;
		xu->cr_groups[0] = so->so_cred.cr_gid;
		xu->cr_pid = so->so_pid;
	}
}

/* A control mbuf holding one cmsg with size bytes of data, zeroed. */
static struct mbuf *
unp_ctl_alloc(size_t size, int type, int how)
{
	struct cmsghdr *cm;
	struct mbuf *m;

	if (CMSG_SPACE(size) > MCLBYTES)
		return (NULL);
	if (CMSG_SPACE(size) > MLEN)
		m = m_getcl(how, MT_CONTROL, 0);
	else
		m = m_get(how, MT_CONTROL);
	if (m == NULL)
		return (NULL);
	cm = mtod(m, struct cmsghdr *);
	memset(cm, 0, CMSG_SPACE(size));
	cm->cmsg_len = CMSG_LEN(size);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = type;
	m->m_len = CMSG_SPACE(size);
	return (m);
}

/* The first cmsg of a control mbuf, if it has a whole header. */
static struct cmsghdr *
unp_ctl_first(struct mbuf *m)
{
	if (m->m_type != MT_CONTROL || m->m_len < (int)sizeof(struct cmsghdr))
		return (NULL);
	return (mtod(m, struct cmsghdr *));
}

/*
 * Call fn(arg, fp) for every file in the SCM_RIGHTS messages of the
 * packets m (chains linked by m_next, packets by m_nextpkt).  The data
 * of an internalized SCM_RIGHTS cmsg is an array of struct file *.
 */
static void
unp_scan(struct mbuf *m0, void (*fn)(void *, struct file *), void *arg)
{
	struct mbuf *pkt, *m;
	struct cmsghdr *cm;
	struct file **fpp;
	u_int off, len, n, i;

	for (pkt = m0; pkt != NULL; pkt = pkt->m_nextpkt) {
		for (m = pkt; m != NULL; m = m->m_next) {
			if (m->m_type != MT_CONTROL)
				continue;
			for (off = 0; off + sizeof(*cm) <= (u_int)m->m_len;
			    off += CMSG_SPACE(len)) {
				cm = (struct cmsghdr *)(mtod(m, char *) + off);
				if (cm->cmsg_len < CMSG_LEN(0) ||
				    cm->cmsg_len > (u_int)m->m_len - off)
					break;
				len = cm->cmsg_len - CMSG_LEN(0);
				if (cm->cmsg_level != SOL_SOCKET ||
				    cm->cmsg_type != SCM_RIGHTS)
					continue;
				fpp = (struct file **)CMSG_DATA(cm);
				n = len / sizeof(*fpp);
				for (i = 0; i < n; i++)
					fn(arg, fpp[i]);
			}
		}
	}
}

static void
unp_count_cb(void *arg, struct file *fp __unused)
{
	(*(u_int *)arg)++;
}

static u_int
unp_nrights(struct mbuf *m)
{
	u_int n = 0;

	unp_scan(m, unp_count_cb, &n);
	return (n);
}

/* Free packets (m_nextpkt-linked chains). */
static void
unp_free_packets(struct mbuf *m)
{
	struct mbuf *next;

	for (; m != NULL; m = next) {
		next = m->m_nextpkt;
		m->m_nextpkt = NULL;
		m_freem(m);
	}
}

/* A file that is an AF_UNIX socket: the collector looks only at those. */
static int
unp_file_is_local(struct file *fp)
{
	struct socket *so;

	if (fp->f_type != DTYPE_SOCKET)
		return (0);
	so = fp->f_data;
	return (so->so_proto->pr_domain == &localdomain);
}

/* One more copy of fp in flight (internalize). */
static void
unp_right_add(struct file *fp)
{
	if (unp_file_is_local(fp)) {
		spin_lock(&unp_spin);
		if (atomic_fetchadd_int(&fp->f_msgcount, 1) == 0) {
			LIST_INSERT_HEAD(&unp_flight, fp, f_unplink);
			unp_nflight++;
		}
		spin_unlock(&unp_spin);
	} else
		atomic_add_int(&fp->f_msgcount, 1);
	atomic_add_int(&unp_inflight, 1);
	atomic_add_int(&unp_gc_gen, 1);
}

/* One copy less (externalized or discarded); before its fdrop. */
static void
unp_right_del(struct file *fp)
{
	u_int old;

	if (unp_file_is_local(fp)) {
		spin_lock(&unp_spin);
		old = atomic_fetchadd_int(&fp->f_msgcount, -1);
		if (old == 1) {
			LIST_REMOVE(fp, f_unplink);
			unp_nflight--;
		}
		spin_unlock(&unp_spin);
	} else
		old = atomic_fetchadd_int(&fp->f_msgcount, -1);
	KASSERT(old > 0, ("unp_right_del: file %p: f_msgcount 0", fp));
	atomic_subtract_int(&unp_inflight, 1);
	atomic_add_int(&unp_gc_gen, 1);
}

/* Drop a copy nobody will receive.  May sleep (the last fdrop). */
static void
unp_discard(void *arg __unused, struct file *fp)
{
	unp_right_del(fp);
	fdrop(fp);
}

/* ---- Names: resolve and undo (user context) -------------------------- */

/*
 * A sockaddr_un's path length (FreeBSD's rules): EAFNOSUPPORT for another
 * family, EINVAL for a sun_len past the structure or leaving no path.
 * The path ends at its first NUL or at sun_len.
 */
static int
unp_pathlen(const struct sockaddr *nam, size_t *lenp)
{
	const struct sockaddr_un *sun = (const struct sockaddr_un *)nam;
	int len;

	if (nam->sa_family != AF_UNIX)
		return (EAFNOSUPPORT);
	if (nam->sa_len > sizeof(struct sockaddr_un))
		return (EINVAL);
	len = nam->sa_len - (int)__builtin_offsetof(struct sockaddr_un,
	    sun_path);
	if (len <= 0)
		return (EINVAL);
	*lenp = strnlen(sun->sun_path, len);
	return (0);
}

/*
 * Bind's pre-check: FreeBSD refuses to rebind with EINVAL before it
 * touches the file system, so ask the owner whether we are bound before
 * making the name (a racing second bind is still refused by the handler,
 * and its name undone).
 */
static void
unp_bound_dispatch(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	struct unpcb *unp;

	if (netmsg_so_chase(msg))
		return;
	ASSERT_SO_OWNER(so);
	unp = sotounpcb(so);
	netisr_replymsg(msg, unp == NULL || unp->unp_vnode != NULL ?
	    EINVAL : 0);
}

static int
unp_check_unbound(struct socket *so)
{
	struct netmsg_base msg;
	int error;

	soref(so);
	netmsg_init(&msg, so, &netisr_adone_rport, 0, unp_bound_dispatch);
	error = lwkt_domsg(atomic_load_ptr(&so->so_port), &msg.lmsg, 0);
	sorele(so);
	return (error);
}

static void
unp_bindres_free(struct unp_bindres *br)
{
	if (br->ub_addr != NULL)
		kfree(br->ub_addr, M_SONAME);
	kfree(br, M_UNPGC);
}

static int
unp_resolve_bind(struct socket *so, struct sockaddr *nam, struct thread *td,
    void **resp)
{
	struct unp_bindres *br;
	size_t len;
	int error;

	error = unp_pathlen(nam, &len);
	if (error == 0)
		error = unp_check_unbound(so);
	if (error != 0)
		return (error);
	br = kmalloc(sizeof(*br) + len + 1, M_UNPGC, M_WAITOK | M_ZERO);
	memcpy(br->ub_path, ((struct sockaddr_un *)nam)->sun_path, len);
	br->ub_addr = kmalloc(sizeof(*br->ub_addr), M_SONAME,
	    M_WAITOK | M_ZERO);
	memcpy(br->ub_addr, nam, nam->sa_len);
	br->ub_proc = td != NULL ? td->td_proc : NULL;
	error = vn_bind_socket(br->ub_proc, NULL, br->ub_path, ACCESSPERMS,
	    so, &br->ub_vp);
	if (error != 0) {
		unp_bindres_free(br);
		return (error == EEXIST ? EADDRINUSE : error);
	}
	*resp = br;
	return (0);
}

/*
 * The bind failed after the name was made: forget the socket, remove
 * the name if it still names our vnode, drop the reference.
 */
static void
unp_bind_undo(struct socket *so, struct unp_bindres *br)
{
	struct vnode *vp = br->ub_vp;
	struct nameidata nd;

	spin_lock(&vp->v_spin);
	if (vp->v_socket == so)
		vp->v_socket = NULL;
	spin_unlock(&vp->v_spin);
	memset(&nd, 0, sizeof(nd));
	nd.ni_path = br->ub_path;
	nd.ni_op = NI_DELETE;
	nd.ni_flags = NI_WANTPARENT;
	nd.ni_proc = br->ub_proc;
	vfs_lock(rootmount, 1);
	if (namei(&nd) == 0) {
		if (nd.ni_vp == vp)
			(void)nd.ni_dvp->v_op->vop_remove(nd.ni_dvp,
			    nd.ni_name, nd.ni_namelen, vp);
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	vrele(vp);
	unp_bindres_free(br);
}

/*
 * connect() and sendto(): the socket bound to the path, referenced.
 * FreeBSD's errors: ENOENT (and other lookup errors), ENOTSOCK for a
 * file that is not a socket, EACCES without write permission,
 * ECONNREFUSED when nobody is bound there, EPROTOTYPE across types.
 */
static int
unp_resolve_peer(struct socket *so, struct sockaddr *nam, struct thread *td,
    void **resp)
{
	struct socket *so2 = NULL;
	struct vnode *vp;
	size_t len;
	char *path;
	int error;

	error = unp_pathlen(nam, &len);
	if (error != 0)
		return (error);
	path = kmalloc(len + 1, M_UNPGC, M_WAITOK);
	memcpy(path, ((struct sockaddr_un *)nam)->sun_path, len);
	path[len] = '\0';
	error = namei_kernel(td != NULL ? td->td_proc : NULL, path, &vp);
	kfree(path, M_UNPGC);
	if (error != 0)
		return (error);
	if (vp->v_type != VSOCK)
		error = ENOTSOCK;
	if (error == 0) {
		vfs_lock(vp->v_mount, 0);
		error = vn_access(vp, VWRITE, td);
		vfs_unlock(vp->v_mount);
	}
	if (error == 0) {
		/* v_socket is cleared under v_spin before P is dropped. */
		spin_lock(&vp->v_spin);
		so2 = vp->v_socket;
		if (so2 != NULL)
			soref(so2);
		spin_unlock(&vp->v_spin);
		if (so2 == NULL)
			error = ECONNREFUSED;
	}
	vrele(vp);
	if (error == 0 && so2->so_type != so->so_type) {
		sorele(so2);
		error = EPROTOTYPE;
	}
	if (error == 0)
		*resp = so2;
	return (error);
}

static int
unp_resolve(struct socket *so, int req, struct sockaddr *nam,
    struct thread *td, void **resp)
{
	ASSERT_SO_USER();
	*resp = NULL;
	switch (req) {
	case PRR_BIND:
		return (unp_resolve_bind(so, nam, td, resp));
	case PRR_CONNECT:
		return (unp_resolve_peer(so, nam, td, resp));
	case PRR_SEND:
		/*
		 * Only datagrams go where sendto() says; a connected one
		 * refuses an address (FreeBSD: before the lookup).
		 */
		if (so->so_type != SOCK_DGRAM)
			return (0);
		if (atomic_load_int(&so->so_state) & SS_ISCONNECTED)
			return (EISCONN);
		return (unp_resolve_peer(so, nam, td, resp));
	}
	return (EINVAL);
}

/* What the handler did not keep. */
static void
unp_unresolve(struct socket *so, int req, void *res)
{
	if (req == PRR_BIND)
		unp_bind_undo(so, res);
	else
		sorele(res);
}

/* ---- Attach, detach, abort ------------------------------------------- */

static void
unp_spaces(int type, u_long *sndp, u_long *rcvp)
{
	switch (type) {
	case SOCK_STREAM:
		*sndp = unpst_sendspace;
		*rcvp = unpst_recvspace;
		break;
	case SOCK_DGRAM:
		*sndp = unpdg_maxdgram;
		*rcvp = unpdg_recvspace;
		break;
	default:
		*sndp = unpsp_sendspace;
		*rcvp = unpsp_recvspace;
		break;
	}
}

/*
 * A new socket (socreate, or sonewconn for a child, which inherited its
 * listener's buffer sizes).  The pcb holds the protocol's reference (P).
 */
static void
uipc_attach(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	struct unpcb *unp = NULL;
	u_long snd, rcv;
	int error = 0;

	ASSERT_SO_OWNER(so);
	if (so->so_snd.sb_hiwat == 0 || so->so_rcv.sb_hiwat == 0) {
		unp_spaces(so->so_type, &snd, &rcv);
		error = soreserve(so, snd, rcv);
	}
	if (error == 0) {
		unp = kmalloc(sizeof(*unp), M_UNPCB, M_NOWAIT | M_ZERO);
		if (unp == NULL)
			error = ENOBUFS;
	}
	if (error == 0) {
		unp->unp_socket = so;
		LIST_INIT(&unp->unp_refs);
		soref(so);				/* P */
		so->so_pcb = unp;
	}
	netisr_replymsg(msg, error);
}

/* so_snd mirrors the peer's so_rcv; nothing is there once apart. */
static void
unp_snd_clear(struct socket *so)
{
	SOCKBUF_LOCK(&so->so_snd);
	so->so_snd.sb_cc = 0;
	so->so_snd.sb_mbcnt = 0;
	SOCKBUF_UNLOCK(&so->so_snd);
}

/*
 * Take a stream or seqpacket pair apart (both ends are ours): each end
 * reads what is left then EOF, and writes EPIPE.
 */
static void
unp_disconnect_pair(struct socket *so, struct unpcb *unp)
{
	struct socket *peer = unp->unp_conn;
	struct unpcb *pu = sotounpcb(peer);

	ASSERT_SO_OWNER(so);
	ASSERT_SO_OWNER(peer);
	KASSERT(pu != NULL && pu->unp_conn == so,
	    ("unp_disconnect_pair: %p and %p are not a pair", so, peer));
	unp->unp_conn = NULL;
	pu->unp_conn = NULL;
	unp_snd_clear(so);
	unp_snd_clear(peer);
	/*
	 * EOF and EPIPE first: a reader that finds SS_ISCONNECTED clear
	 * before SBS_CANTRCVMORE is set would say ENOTCONN.
	 */
	socantrcvmore(so);
	socantsendmore(so);
	socantrcvmore(peer);
	socantsendmore(peer);
	soisdisconnected(so);
	soisdisconnected(peer);
}

static void
unp_dropmsg_free(struct unp_dropmsg *dm)
{
	struct socket *so = dm->ud_base.nm_so;

	kfree(dm, M_LWKTMSG);
	sorele(so);
}

/*
 * A datagram socket stops aiming at its destination: off the
 * destination's referrer list (if its detach has not taken us off
 * already), the notice freed, the reference dropped.
 */
static void
unp_dgram_unlink(struct socket *so, struct unpcb *unp)
{
	struct socket *dst = unp->unp_conn;
	struct unp_dropmsg *dm;

	ASSERT_SO_OWNER(so);
	KASSERT(dst != NULL, ("unp_dgram_unlink: %p not connected", so));
	spin_lock(&unp_spin);
	if (unp->unp_refhost != NULL) {
		LIST_REMOVE(unp, unp_reflink);
		unp->unp_refhost = NULL;
	}
	dm = unp->unp_dropmsg;
	unp->unp_dropmsg = NULL;
	spin_unlock(&unp_spin);
	if (dm != NULL)
		unp_dropmsg_free(dm);
	unp->unp_conn = NULL;
	unp_clear_connected(so);
	sorele(dst);
}

/*
 * Aim datagram socket so at dst (connect, socketpair).  On success the
 * pcb keeps the caller's reference on dst; a previous destination is
 * replaced.  ENOBUFS (no notice), ECONNREFUSED (dst detached).
 */
static int
unp_dgram_link(struct socket *so, struct unpcb *unp, struct socket *dst)
{
	struct unp_dropmsg *dm;
	struct unpcb *du;

	ASSERT_SO_OWNER(so);
	dm = kmalloc(sizeof(*dm), M_LWKTMSG, M_NOWAIT | M_ZERO);
	if (dm == NULL)
		return (ENOBUFS);
	if (unp->unp_conn != NULL)
		unp_dgram_unlink(so, unp);
	unp->unp_conngen++;
	soref(so);				/* the notice's M */
	netmsg_init(&dm->ud_base, so, &so_afree_rport, 0, unp_drop_dispatch);
	dm->ud_dst = dst;
	dm->ud_gen = unp->unp_conngen;
	spin_lock(&unp_spin);
	du = sotounpcb(dst);
	if (du != NULL) {
		LIST_INSERT_HEAD(&du->unp_refs, unp, unp_reflink);
		unp->unp_refhost = du;
		unp->unp_dropmsg = dm;
	}
	spin_unlock(&unp_spin);
	if (du == NULL) {
		unp_dropmsg_free(dm);
		return (ECONNREFUSED);
	}
	unp->unp_conn = dst;
	soisconnected(so);
	return (0);
}

/*
 * The notice a destination's detach sent: if we still aim at it (same
 * connection), disconnect; the next send reports ECONNRESET, as
 * FreeBSD's unp_drop arranges.
 */
static void
unp_drop_dispatch(netmsg_t msg)
{
	struct unp_dropmsg *dm = (struct unp_dropmsg *)msg;
	struct socket *so = msg->nm_so;
	struct unpcb *unp;

	if (netmsg_so_chase(msg))
		return;
	ASSERT_SO_OWNER(so);
	unp = sotounpcb(so);
	if (unp != NULL && unp->unp_conn == dm->ud_dst &&
	    unp->unp_conngen == dm->ud_gen) {
		unp_dgram_unlink(so, unp);
		soseterror(so, ECONNRESET);
	}
	netisr_replymsg(msg, 0);
}

/*
 * Detach (close) or abort: unlink from the peer or destination, tell
 * our datagram referrers, forget the name, free the pcb, drop P.  Under
 * unp_spin so_pcb goes NULL together with the referrer list, so no
 * datagram socket can link to us afterwards.
 */
static void
unp_detach(struct socket *so)
{
	struct unpcb *unp = sotounpcb(so), *ref;
	struct unp_dropmsg *dm, *notices = NULL;
	struct vnode *vp;

	ASSERT_SO_OWNER(so);
	KASSERT(unp != NULL, ("unp_detach: socket %p has no pcb", so));
	if (unp->unp_conn != NULL) {
		if (unp_is_conn(so))
			unp_disconnect_pair(so, unp);
		else
			unp_dgram_unlink(so, unp);
	}
	vp = unp->unp_vnode;
	unp->unp_vnode = NULL;
	if (vp != NULL) {
		spin_lock(&vp->v_spin);
		if (vp->v_socket == so)
			vp->v_socket = NULL;
		spin_unlock(&vp->v_spin);
	}
	spin_lock(&unp_spin);
	while ((ref = LIST_FIRST(&unp->unp_refs)) != NULL) {
		LIST_REMOVE(ref, unp_reflink);
		ref->unp_refhost = NULL;
		dm = ref->unp_dropmsg;
		ref->unp_dropmsg = NULL;
		KASSERT(dm != NULL, ("unp_detach: referrer %p, no notice",
		    ref));
		dm->ud_next = notices;
		notices = dm;
	}
	so->so_pcb = NULL;
	spin_unlock(&unp_spin);
	while ((dm = notices) != NULL) {
		notices = dm->ud_next;
		lwkt_sendmsg(atomic_load_ptr(&dm->ud_base.nm_so->so_port),
		    &dm->ud_base.lmsg);
	}
	if (vp != NULL)
		vrele(vp);
	unp_snd_clear(so);
	if (unp->unp_addr != NULL)
		kfree(unp->unp_addr, M_SONAME);
	kfree(unp, M_UNPCB);
	if (atomic_load_int(&unp_inflight) != 0)
		unp_gc_wakeup(0);
	sorele(so);				/* P */
}

static void
uipc_detach(netmsg_t msg)
{
	unp_detach(msg->nm_so);
	netisr_replymsg(msg, 0);
}

/*
 * A queued connection nobody accepted (its listener closed): the client
 * end reads ECONNRESET once, then EOF; writes EPIPE (FreeBSD).
 */
static void
uipc_abort(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);

	ASSERT_SO_OWNER(so);
	if (unp_is_conn(so) && unp->unp_conn != NULL)
		soseterror(unp->unp_conn, ECONNRESET);
	unp_detach(so);
	netisr_replymsg(msg, 0);
}

/* ---- Bind, listen, connect ------------------------------------------- */

static void
uipc_bind(netmsg_t msg)
{
	struct netmsg_pru_bind *bm = (struct netmsg_pru_bind *)msg;
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);
	struct unp_bindres *br = bm->nm_res;
	struct sockaddr_un *old;
	int error = 0;

	ASSERT_SO_OWNER(so);
	KASSERT(br != NULL, ("uipc_bind: socket %p: nothing resolved", so));
	if (unp->unp_vnode != NULL) {
		error = EINVAL;			/* undone by unp_unresolve */
	} else {
		unp->unp_vnode = br->ub_vp;
		spin_lock(&unp_spin);
		old = unp->unp_addr;
		unp->unp_addr = br->ub_addr;
		spin_unlock(&unp_spin);
		br->ub_addr = old;		/* an accepted socket's */
		unp_bindres_free(br);
		bm->nm_res = NULL;
	}
	netisr_replymsg(msg, error);
}

/*
 * The protocol's half of listen() (solisten sets the queue up once we
 * agree): only a bound, unconnected stream or seqpacket socket, and the
 * listener's credentials are kept for LOCAL_PEERCRED on its clients.
 */
static void
uipc_listen(netmsg_t msg)
{
	struct netmsg_pru_listen *lm = (struct netmsg_pru_listen *)msg;
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);
	int error = 0;

	ASSERT_SO_OWNER(so);
	if (!unp_is_conn(so))
		error = EOPNOTSUPP;
	else if (unp->unp_conn != NULL ||
	    (so->so_state & (SS_ISCONNECTED | SS_ISCONNECTING)))
		error = EINVAL;
	else if (unp->unp_vnode == NULL)
		error = EDESTADDRREQ;
	else {
		unp_xucred_fill(&unp->unp_peercred, lm->nm_td, so);
		unp->unp_flags |= UNP_HAVEPCCACHED;
	}
	netisr_replymsg(msg, error);
}

/*
 * Link a stream or seqpacket pair (both ours) and call both connected.
 */
static void
unp_pair(struct socket *so, struct unpcb *unp, struct socket *so2,
    struct unpcb *u2)
{
	unp->unp_conn = so2;
	u2->unp_conn = so;
	soisconnected(so2);
	soisconnected(so);
}

/*
 * Stream and seqpacket connect.  Returns 1 when the message went on to
 * the listener's owner (the handler must return), else 0 with *errorp.
 */
static int
unp_connect_stream(struct netmsg_pru_connect *cm, int *errorp)
{
	struct socket *so = cm->base.nm_so, *head = cm->nm_res, *child;
	struct unpcb *unp = sotounpcb(so), *hu, *cu;
	struct sockaddr_un *addr = NULL;
	int cpu;

	*errorp = 0;
	if (atomic_load_int(&so->so_options) & SO_ACCEPTCONN) {
		*errorp = EOPNOTSUPP;
		return (0);
	}
	if (unp->unp_conn != NULL ||
	    (so->so_state & (SS_ISCONNECTED | SS_ISCONNECTING))) {
		*errorp = EISCONN;
		return (0);
	}
	cpu = so_owner_cpu(head);
	if (cpu != mycpuid) {
		/* Move to the listener's owner; we run again there. */
		if (cm->nm_moves++ >= UNP_MAXMOVES) {
			*errorp = EAGAIN;
			return (0);
		}
		netmsg_so_move(&cm->base, cpu);
		return (1);
	}
	ASSERT_SO_OWNER(head);
	hu = sotounpcb(head);
	if (hu == NULL ||
	    !(atomic_load_int(&head->so_options) & SO_ACCEPTCONN) ||
	    (child = sonewconn(head, 0)) == NULL) {
		*errorp = ECONNREFUSED;
		return (0);
	}
	cu = sotounpcb(child);
	if (hu->unp_addr != NULL) {
		addr = kmalloc(sizeof(*addr), M_SONAME, M_NOWAIT | M_ZERO);
		if (addr != NULL)
			memcpy(addr, hu->unp_addr, hu->unp_addr->sun_len);
	}
	spin_lock(&unp_spin);
	cu->unp_addr = addr;
	spin_unlock(&unp_spin);
	/* The child's peer is the client; the client's, the listener. */
	unp_xucred_fill(&cu->unp_peercred, cm->nm_td, so);
	cu->unp_flags |= UNP_HAVEPC | (hu->unp_flags & UNP_WANTCRED);
	unp->unp_peercred = hu->unp_peercred;
	unp->unp_flags |= UNP_HAVEPC;
	unp_pair(so, unp, child, cu);
	return (0);
}

static void
uipc_connect(netmsg_t msg)
{
	struct netmsg_pru_connect *cm = (struct netmsg_pru_connect *)msg;
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);
	int error;

	ASSERT_SO_OWNER(so);
	KASSERT(cm->nm_res != NULL, ("uipc_connect: socket %p: no peer", so));
	if (so->so_type == SOCK_DGRAM) {
		error = unp_dgram_link(so, unp, cm->nm_res);
		if (error == 0)
			cm->nm_res = NULL;	/* the pcb keeps it */
	} else if (unp_connect_stream(cm, &error))
		return;
	netisr_replymsg(msg, error);
}

/*
 * socketpair(): so2 already belongs to our owner.  A datagram pair is
 * two one-way connections; both are made here.
 */
static void
uipc_connect2(netmsg_t msg)
{
	struct netmsg_pru_connect2 *cm = (struct netmsg_pru_connect2 *)msg;
	struct socket *so = msg->nm_so, *so2 = cm->nm_so2;
	struct unpcb *unp = sotounpcb(so), *u2 = sotounpcb(so2);
	int error = 0;

	ASSERT_SO_OWNER(so);
	ASSERT_SO_OWNER(so2);
	if (so->so_type != so2->so_type)
		error = EPROTOTYPE;
	else if (u2 == NULL)
		error = EINVAL;
	else if (unp_is_conn(so)) {
		if (unp->unp_conn != NULL || u2->unp_conn != NULL)
			error = EISCONN;
		else {
			unp_xucred_fill(&unp->unp_peercred, NULL, so2);
			unp_xucred_fill(&u2->unp_peercred, NULL, so);
			unp->unp_flags |= UNP_HAVEPC;
			u2->unp_flags |= UNP_HAVEPC;
			unp_pair(so, unp, so2, u2);
		}
	} else {
		soref(so2);
		error = unp_dgram_link(so, unp, so2);
		if (error != 0)
			sorele(so2);
		if (error == 0 && u2->unp_conn == NULL) {
			soref(so);
			error = unp_dgram_link(so2, u2, so);
			if (error != 0)
				sorele(so);
		}
	}
	netisr_replymsg(msg, error);
}

static void
uipc_disconnect(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);

	ASSERT_SO_OWNER(so);
	if (unp->unp_conn != NULL) {
		if (unp_is_conn(so))
			unp_disconnect_pair(so, unp);
		else
			unp_dgram_unlink(so, unp);
	}
	netisr_replymsg(msg, 0);
}

/* ---- Names of the ends ----------------------------------------------- */

/* accept(): the client's name (FreeBSD: the peer of the new socket). */
static void
uipc_accept(netmsg_t msg)
{
	struct netmsg_pru_addr *am = (struct netmsg_pru_addr *)msg;
	struct socket *so = msg->nm_so;

	ASSERT_SO_OWNER(so);
	netisr_replymsg(msg, unp_name_reply(sotounpcb(so)->unp_conn,
	    am->nm_nam));
}

static void
uipc_sockaddr(netmsg_t msg)
{
	struct netmsg_pru_addr *am = (struct netmsg_pru_addr *)msg;

	ASSERT_SO_OWNER(msg->nm_so);
	netisr_replymsg(msg, unp_name_reply(msg->nm_so, am->nm_nam));
}

/* The peer, or a datagram socket's destination (any owner: unp_spin). */
static void
uipc_peeraddr(netmsg_t msg)
{
	struct netmsg_pru_addr *am = (struct netmsg_pru_addr *)msg;
	struct socket *so = msg->nm_so;

	ASSERT_SO_OWNER(so);
	netisr_replymsg(msg, unp_name_reply(sotounpcb(so)->unp_conn,
	    am->nm_nam));
}

/* ---- Sending ---------------------------------------------------------- */

static struct mbuf *
unp_m_last(struct mbuf *m)
{
	while (m->m_next != NULL)
		m = m->m_next;
	return (m);
}

/*
 * LOCAL_CREDS: put the sender's credentials (struct sockcred, from the
 * sending socket's so_cred [I]) in front of the control messages,
 * replacing any SCM_CREDS the sender supplied (FreeBSD).  M_NOWAIT: when
 * short, the message goes without.
 */
static struct mbuf *
unp_addsockcred(struct socket *from, struct mbuf *control)
{
	struct sockcred *sc;
	struct cmsghdr *cm;
	struct mbuf *m, *n, **np;

	m = unp_ctl_alloc(SOCKCREDSIZE(1), SCM_CREDS, M_NOWAIT);
	if (m == NULL)
		return (control);
	sc = (struct sockcred *)CMSG_DATA(mtod(m, struct cmsghdr *));
	sc->sc_uid = from->so_cred.cr_ruid;
	sc->sc_euid = from->so_cred.cr_uid;
	sc->sc_gid = from->so_cred.cr_rgid;
	sc->sc_egid = from->so_cred.cr_gid;
	sc->sc_ngroups = 1;
	sc->sc_groups[0] = from->so_cred.cr_gid;
	for (np = &control; (n = *np) != NULL; ) {
		cm = unp_ctl_first(n);
		if (cm != NULL && cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SCM_CREDS) {
			*np = n->m_next;
			m_free(n);
			continue;
		}
		np = &n->m_next;
	}
	m->m_next = control;
	return (m);
}

/*
 * Back-pressure (see the top comment): sso's so_snd mirrors rso's
 * so_rcv, less the charge of the send just handled; writers wake when
 * space grew.
 */
static void
unp_backpressure(struct socket *rso, struct socket *sso, u_int release)
{
	struct sockbuf *sb = &sso->so_snd;
	u_int cc, mbcnt;
	long before;

	SOCKBUF_LOCK(&rso->so_rcv);
	cc = rso->so_rcv.sb_cc;
	mbcnt = rso->so_rcv.sb_mbcnt;
	SOCKBUF_UNLOCK(&rso->so_rcv);
	SOCKBUF_LOCK(sb);
	before = sbspace(sb);
	KASSERT(sb->sb_prealloc >= release,
	    ("unp_backpressure: socket %p: %u charged, releasing %u", sso,
	    sb->sb_prealloc, release));
	sb->sb_prealloc -= release;
	sb->sb_cc = cc;
	sb->sb_mbcnt = mbcnt;
	if (sbspace(sb) > before)
		sowwakeup_locked(sso);
	else
		SOCKBUF_UNLOCK(sb);
}

/* shutdown(SHUT_WR) and MSG_EOF: the peer reads EOF after the data. */
static void
unp_shutdown_wr(struct socket *so, struct unpcb *unp)
{
	socantsendmore(so);
	if (unp_is_conn(so) && unp->unp_conn != NULL)
		socantrcvmore(unp->unp_conn);
}

/*
 * Stream and seqpacket: append to the peer's so_rcv (the peer is ours).
 * Asynchronous, so an error only frees the data.  Data for a peer that
 * shut its reading side down is dropped.
 */
static int
unp_send_conn(struct socket *so, struct unpcb *unp,
    struct netmsg_pru_send *sm, struct mbuf *m, struct mbuf *control)
{
	struct socket *peer = unp->unp_conn;
	struct sockbuf *sb;
	struct unpcb *pu;
	int appended = 0, error = 0;

	if (so->so_snd.sb_state & SBS_CANTSENDMORE)
		error = EPIPE;
	else if (peer == NULL)
		error = ENOTCONN;
	if (error != 0) {
		sbprealloc_release(&so->so_snd, sm->nm_charged);
		m_freem(m);
		unp_dispose(control);
		return (error);
	}
	ASSERT_SO_OWNER(peer);
	pu = sotounpcb(peer);
	if (pu->unp_flags & UNP_WANTCRED) {
		control = unp_addsockcred(so, control);
		pu->unp_flags &= ~UNP_WANTCRED;	/* once, on a connection */
	}
	if (so->so_type == SOCK_SEQPACKET && m != NULL &&
	    (sm->nm_flags & PRUS_EOR))
		unp_m_last(m)->m_flags |= M_EOR;
	sb = &peer->so_rcv;
	SOCKBUF_LOCK(sb);
	if (sb->sb_state & SBS_CANTRCVMORE) {
		/* Nobody reads any more: dropped. */
	} else if (control != NULL) {
		if (sbappendcontrol_locked(sb, m, control)) {
			m = control = NULL;
			appended = 1;
		} else
			error = ENOBUFS;
	} else if (m != NULL) {
		if (so->so_type == SOCK_STREAM)
			sbappendstream_locked(sb, m);
		else
			sbappendrecord_locked(sb, m);
		m = NULL;
		appended = 1;
	}
	if (appended)
		sorwakeup_locked(peer);
	else
		SOCKBUF_UNLOCK(sb);
	m_freem(m);
	unp_dispose(control);
	unp_backpressure(peer, so, sm->nm_charged);
	return (error);
}

/*
 * A datagram on the target's owner.  The message is still the sender's
 * (nm_so): only its immutable so_cred is read here.  The target came
 * referenced in nm_res; the sender's name is in nm_from.  A target
 * detached meanwhile swallows the datagram (it was sent before the
 * close); a full or shut target says ENOBUFS.
 */
static void
unp_dgram_deliver(netmsg_t msg)
{
	struct netmsg_pru_send *sm = (struct netmsg_pru_send *)msg;
	struct socket *dst = sm->nm_res;
	struct mbuf *m, *control;
	lwkt_port_t port;
	struct unpcb *du;
	int error = 0;

	port = atomic_load_ptr(&dst->so_port);
	if (port != netisr_curport()) {
		/* The target moved: chase it, as netmsg_so_chase does. */
		atomic_add_long(&netisr_cpus[mycpuid].ni_cnt_chase, 1);
		lwkt_forwardmsg(port, &msg->lmsg);
		return;
	}
	ASSERT_SO_OWNER(dst);
	m = sm->nm_m;
	control = sm->nm_control;
	sm->nm_m = sm->nm_control = NULL;
	du = sotounpcb(dst);
	if (du != NULL) {
		if (du->unp_flags & UNP_WANTCRED)
			control = unp_addsockcred(msg->nm_so, control);
		SOCKBUF_LOCK(&dst->so_rcv);
		if (!(dst->so_rcv.sb_state & SBS_CANTRCVMORE) &&
		    sbappendaddr_locked(&dst->so_rcv,
		    (struct sockaddr *)sm->nm_from, m, control)) {
			m = control = NULL;
			sorwakeup_locked(dst);
		} else {
			SOCKBUF_UNLOCK(&dst->so_rcv);
			error = ENOBUFS;
		}
	}
	m_freem(m);
	unp_dispose(control);
	netisr_replymsg(msg, error);
}

/*
 * A datagram on the sender's owner: pick the target (sendto's, resolved
 * and referenced in nm_res, or the connected one, referenced here for
 * the trip and released by unp_unresolve), note our name, deliver here
 * or forward to the target's owner.
 */
static void
unp_send_dgram(struct netmsg_pru_send *sm, struct mbuf *m,
    struct mbuf *control)
{
	struct socket *so = sm->base.nm_so, *dst;
	struct unpcb *unp = sotounpcb(so);
	lwkt_port_t port;
	int error = 0;

	sbprealloc_release(&so->so_snd, sm->nm_charged);
	sm->nm_charged = 0;
	if (sm->nm_addr != NULL) {
		dst = sm->nm_res;
		if (unp->unp_conn != NULL)
			error = EISCONN;
	} else {
		/*
		 * Not connected any more: the destination's notice ran
		 * after sosend() looked.  Report its ECONNRESET now (once,
		 * as sosend would have), else what sosend says unconnected.
		 */
		dst = unp->unp_conn;
		if (dst == NULL && (error = sogeterror(so)) == 0)
			error = EDESTADDRREQ;
		else if (dst != NULL) {
			soref(dst);
			sm->nm_res = dst;
		}
	}
	if (error != 0) {
		m_freem(m);
		unp_dispose(control);
		netisr_replymsg(&sm->base, error);
		return;
	}
	KASSERT(dst != NULL && sm->nm_from != NULL,
	    ("unp_send_dgram: socket %p: target %p from %p", so, dst,
	    sm->nm_from));
	unp_copy_name(so, (struct sockaddr_un *)sm->nm_from);
	sm->nm_m = m;
	sm->nm_control = control;
	sm->base.nm_dispatch = unp_dgram_deliver;
	port = atomic_load_ptr(&dst->so_port);
	if (port == netisr_curport()) {
		unp_dgram_deliver(&sm->base);
		return;
	}
	atomic_add_long(&unp_dgram_forwarded, 1);
	lwkt_forwardmsg(port, &sm->base.lmsg);
}

static void
uipc_send(netmsg_t msg)
{
	struct netmsg_pru_send *sm = (struct netmsg_pru_send *)msg;
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);
	struct mbuf *m = sm->nm_m, *control = sm->nm_control;
	int error;

	ASSERT_SO_OWNER(so);
	sm->nm_m = sm->nm_control = NULL;
	if (sm->nm_flags & PRUS_OOB) {
		sbprealloc_release(&so->so_snd, sm->nm_charged);
		m_freem(m);
		unp_dispose(control);
		netisr_replymsg(msg, EOPNOTSUPP);
		return;
	}
	if (so->so_type == SOCK_DGRAM) {
		unp_send_dgram(sm, m, control);
		return;
	}
	error = unp_send_conn(so, unp, sm, m, control);
	if (sm->nm_flags & PRUS_EOF)
		unp_shutdown_wr(so, unp);
	netisr_replymsg(msg, error);
}

/* The reader took data: refresh the peer's mirror, wake its writers. */
static void
uipc_rcvd(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);

	ASSERT_SO_OWNER(so);
	if (unp_is_conn(so) && unp->unp_conn != NULL)
		unp_backpressure(so, unp->unp_conn, 0);
	netisr_replymsg(msg, 0);
}

/* The write half of shutdown (soshutdown handles SHUT_RD itself). */
static void
uipc_shutdown(netmsg_t msg)
{
	struct socket *so = msg->nm_so;

	ASSERT_SO_OWNER(so);
	unp_shutdown_wr(so, sotounpcb(so));
	netisr_replymsg(msg, 0);
}

/* No protocol ioctls (the socket layer answers the generic ones). */
static void
uipc_control(netmsg_t msg)
{
	ASSERT_SO_OWNER(msg->nm_so);
	netisr_replymsg(msg, EOPNOTSUPP);
}

/* ---- Options (level SOL_LOCAL) --------------------------------------- */

static int
unp_getopt(struct socket *so, struct unpcb *unp, struct sockopt *sopt)
{
	int optval;

	switch (sopt->sopt_name) {
	case LOCAL_PEERCRED:
		if (unp->unp_flags & UNP_HAVEPC)
			return (sooptcopyout(sopt, &unp->unp_peercred,
			    sizeof(unp->unp_peercred)));
		return (so->so_type == SOCK_STREAM ? ENOTCONN : EINVAL);
	case LOCAL_CREDS:
		optval = (unp->unp_flags & UNP_WANTCRED) != 0;
		return (sooptcopyout(sopt, &optval, sizeof(optval)));
	case LOCAL_CONNWAIT:
		optval = (unp->unp_flags & UNP_CONNWAIT) != 0;
		return (sooptcopyout(sopt, &optval, sizeof(optval)));
	default:
		return (EOPNOTSUPP);
	}
}

static int
unp_setopt(struct unpcb *unp, struct sockopt *sopt)
{
	u_int bit;
	int error, optval;

	switch (sopt->sopt_name) {
	case LOCAL_CREDS:
		bit = UNP_WANTCRED;
		break;
	case LOCAL_CONNWAIT:
		bit = UNP_CONNWAIT;
		break;
	default:
		return (ENOPROTOOPT);
	}
	error = sooptcopyin(sopt, &optval, sizeof(optval), sizeof(optval));
	if (error != 0)
		return (error);
	if (optval)
		unp->unp_flags |= bit;
	else
		unp->unp_flags &= ~bit;
	return (0);
}

/*
 * FreeBSD's uipc_ctloutput: EINVAL for another level; getting an unknown
 * option is EOPNOTSUPP, setting one ENOPROTOOPT (LOCAL_PEERCRED is read
 * only).
 */
static void
uipc_ctloutput(netmsg_t msg)
{
	struct sockopt *sopt = ((struct netmsg_pr_ctloutput *)msg)->nm_sopt;
	struct socket *so = msg->nm_so;
	struct unpcb *unp = sotounpcb(so);
	int error;

	ASSERT_SO_OWNER(so);
	if (sopt->sopt_level != SOL_LOCAL)
		error = EINVAL;
	else if (sopt->sopt_dir == SOPT_GET)
		error = unp_getopt(so, unp, sopt);
	else
		error = unp_setopt(unp, sopt);
	netisr_replymsg(msg, error);
}

/* ---- Control messages: internalize, externalize, dispose -------------- */

/* SCM_RIGHTS: descriptors to referenced files (fget's reference stays). */
static int
unp_internalize_rights(struct thread *td, const int *fds, u_int nfds,
    struct mbuf **mp)
{
	struct file **fpp, *fp;
	struct mbuf *m;
	u_int i;
	int error;

	if (nfds == 0)
		return (0);		/* an empty SCM_RIGHTS: nothing */
	if (CMSG_SPACE(nfds * sizeof(*fpp)) > MCLBYTES)
		return (E2BIG);
	m = unp_ctl_alloc(nfds * sizeof(*fpp), SCM_RIGHTS, M_WAITOK);
	if (m == NULL)
		return (ENOBUFS);
	fpp = (struct file **)CMSG_DATA(mtod(m, struct cmsghdr *));
	for (i = 0; i < nfds; i++) {
		error = fget(td, fds[i], &fp);
		if (error == 0 && !(fp->f_ops->fo_flags & DFLAG_PASSABLE)) {
			fdrop(fp);
			error = EOPNOTSUPP;
		}
		if (error != 0) {
			while (i-- > 0)
				fdrop(fpp[i]);
			m_free(m);
			return (error);
		}
		fpp[i] = fp;
	}
	for (i = 0; i < nfds; i++)
		unp_right_add(fpp[i]);
	*mp = m;
	return (0);
}

/* SCM_CREDS: the sending process's credentials (struct cmsgcred). */
static int
unp_internalize_creds(struct thread *td, struct mbuf **mp)
{
	struct proc *p = td != NULL ? td->td_proc : NULL;
	struct cmsgcred *cc;
	struct mbuf *m;

	m = unp_ctl_alloc(sizeof(*cc), SCM_CREDS, M_WAITOK);
	if (m == NULL)
		return (ENOBUFS);
	cc = (struct cmsgcred *)CMSG_DATA(mtod(m, struct cmsghdr *));
	cc->cmcred_ngroups = 1;
	if (p != NULL) {
		spin_lock(&p->p_spin);
		cc->cmcred_uid = p->p_ucred.cr_ruid;
		cc->cmcred_euid = p->p_ucred.cr_uid;
		cc->cmcred_gid = p->p_ucred.cr_rgid;
		cc->cmcred_groups[0] = p->p_ucred.cr_gid;
		spin_unlock(&p->p_spin);
		cc->cmcred_pid = p->p_pid;
	}
	*mp = m;
	return (0);
}

/*
 * sosend: the user's control messages (consumed) become the kernel's,
 * one cmsg per mbuf.  FreeBSD's errors: EINVAL for a malformed cmsg, a
 * level other than SOL_SOCKET or an unknown type; EBADF; EOPNOTSUPP for
 * a descriptor that cannot be passed; E2BIG for too many.
 */
static int
unp_internalize(struct mbuf **controlp, struct thread *td)
{
	struct mbuf *control = *controlp, *out = NULL, **tailp = &out, *m;
	struct cmsghdr *cm;
	u_int len, off, dlen;
	char *buf;
	int error = 0;

	ASSERT_SO_USER();
	*controlp = NULL;
	len = m_length(control, NULL);
	buf = kmalloc(len + 1, M_UNPGC, M_WAITOK);
	m_copydata(control, 0, len, buf);
	m_freem(control);
	lockmgr(&unp_gc_lock, LK_SHARED);
	for (off = 0; off < len; off += CMSG_SPACE(dlen)) {
		cm = (struct cmsghdr *)(buf + off);
		if (len - off < sizeof(*cm) || cm->cmsg_level != SOL_SOCKET ||
		    cm->cmsg_len < CMSG_LEN(0) || cm->cmsg_len > len - off) {
			error = EINVAL;
			break;
		}
		dlen = cm->cmsg_len - CMSG_LEN(0);
		m = NULL;
		if (cm->cmsg_type == SCM_RIGHTS)
			error = unp_internalize_rights(td,
			    (const int *)CMSG_DATA(cm), dlen / sizeof(int), &m);
		else if (cm->cmsg_type == SCM_CREDS)
			error = unp_internalize_creds(td, &m);
		else
			error = EINVAL;
		if (error != 0)
			break;
		if (m != NULL) {
			*tailp = m;
			tailp = &m->m_next;
		}
	}
	lockmgr(&unp_gc_lock, LK_RELEASE);
	kfree(buf, M_UNPGC);
	if (error != 0) {
		unp_scan(out, unp_discard, NULL);
		m_freem(out);
		return (error);
	}
	*controlp = out;
	return (0);
}

/*
 * Install nfds files in the receiver (all or none).  The message's
 * references become the descriptor table's.  EMSGSIZE when they do not
 * all fit (FreeBSD); then none is installed and all are released.
 */
static int
unp_install(struct file **files, int *fds, u_int nfds, int flags)
{
	struct thread *td = curthread;
	u_int i, j;
	int error = 0;

	/* A kernel thread has no table to install into. */
	if (td->td_proc == NULL || td->td_proc->p_fd == NULL) {
		for (j = 0; j < nfds; j++)
			unp_discard(NULL, files[j]);
		return (EMSGSIZE);
	}
	for (i = 0; i < nfds && error == 0; i++)
		error = finstall(td, files[i], &fds[i],
		    (flags & MSG_CMSG_CLOEXEC) ? O_CLOEXEC : 0);
	if (error != 0) {
		for (j = 0; j + 1 < i; j++)
			(void)kern_close(td, fds[j]);
		for (j = 0; j < nfds; j++)
			unp_discard(NULL, files[j]);
		return (EMSGSIZE);
	}
	for (j = 0; j < nfds; j++) {
		unp_right_del(files[j]);
		fdrop(files[j]);
	}
	return (0);
}

/*
 * One cmsg of an mbuf being externalized, read at rd, rewritten at wr
 * (wr <= rd: descriptors are smaller than pointers).  Returns the bytes
 * written.
 */
static u_int
unp_externalize_cmsg(char *base, u_int rd, u_int wr, u_int len, int flags,
    int *errorp)
{
	struct cmsghdr hdr, *cm;
	struct file **files;
	u_int dlen, nfds, n, i, used, out;
	int *fds;

	memcpy(&hdr, base + rd, sizeof(hdr));
	dlen = hdr.cmsg_len - CMSG_LEN(0);
	if (hdr.cmsg_level != SOL_SOCKET || hdr.cmsg_type != SCM_RIGHTS) {
		memmove(base + wr, base + rd, hdr.cmsg_len);
		used = hdr.cmsg_len;
		out = CMSG_SPACE(dlen);
		goto pad;
	}
	nfds = dlen / sizeof(*files);
	files = kmalloc(nfds * sizeof(*files) + 1, M_UNPGC, M_WAITOK);
	fds = kmalloc(nfds * sizeof(*fds) + 1, M_UNPGC, M_WAITOK);
	memcpy(files, base + rd + CMSG_LEN(0), nfds * sizeof(*files));
	n = 0;
	if (*errorp == 0) {
		*errorp = unp_install(files, fds, nfds, flags);
		if (*errorp == 0)
			n = nfds;
	} else {
		for (i = 0; i < nfds; i++)
			unp_discard(NULL, files[i]);
	}
	cm = (struct cmsghdr *)(base + wr);
	cm->cmsg_len = CMSG_LEN(n * sizeof(int));
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	memcpy(CMSG_DATA(cm), fds, n * sizeof(int));
	kfree(files, M_UNPGC);
	kfree(fds, M_UNPGC);
	used = cm->cmsg_len;
	out = CMSG_SPACE(n * sizeof(int));
pad:
	/* Zero the alignment padding, within the bytes the mbuf held. */
	for (i = used; i < out && wr + i < len; i++)
		base[wr + i] = 0;
	return (out);
}

/*
 * soreceive: turn the kernel's control messages into the receiver's,
 * in place (SCM_RIGHTS: install the files, write descriptor numbers;
 * MSG_CMSG_CLOEXEC marks them close-on-exec).  After a failure every
 * file still carried is released and EMSGSIZE returned.
 */
static int
unp_externalize(struct mbuf *control, int flags)
{
	struct cmsghdr hdr;
	struct mbuf *m;
	u_int rd, wr, len;
	int error = 0;

	ASSERT_SO_USER();
	lockmgr(&unp_gc_lock, LK_SHARED);
	for (m = control; m != NULL; m = m->m_next) {
		if (m->m_type != MT_CONTROL)
			continue;
		len = m->m_len;
		rd = wr = 0;
		while (rd + sizeof(hdr) <= len) {
			memcpy(&hdr, mtod(m, char *) + rd, sizeof(hdr));
			if (hdr.cmsg_len < CMSG_LEN(0) ||
			    hdr.cmsg_len > len - rd)
				break;
			wr += unp_externalize_cmsg(mtod(m, char *), rd, wr,
			    len, flags, &error);
			rd += CMSG_SPACE(hdr.cmsg_len - CMSG_LEN(0));
		}
		m->m_len = wr < len ? wr : len;
	}
	lockmgr(&unp_gc_lock, LK_RELEASE);
	atomic_add_int(&unp_gc_gen, 1);
	return (error);
}

/*
 * A control message nobody will receive (dom_dispose): it is ours from
 * here on.  Without rights it is simply freed; with rights it goes to
 * the collector thread, which releases them (an fdrop may sleep, and a
 * netisr may be the caller).  Packets may be chained by m_nextpkt.
 */
static void
unp_dispose(struct mbuf *m)
{
	struct mbuf *last;

	if (m == NULL)
		return;
	if (unp_nrights(m) == 0) {
		unp_free_packets(m);
		return;
	}
	for (last = m; last->m_nextpkt != NULL; last = last->m_nextpkt)
		;
	spin_lock(&unp_spin);
	if (unp_defer_tail != NULL)
		unp_defer_tail->m_nextpkt = m;
	else
		unp_defer_head = m;
	unp_defer_tail = last;
	wakeup(&unp_gc_wanted);
	spin_unlock(&unp_spin);
}

/* The collector thread: release the rights of disposed packets. */
static void
unp_release(struct mbuf *m)
{
	unp_scan(m, unp_discard, NULL);
	unp_free_packets(m);
}

/* ---- The garbage collector -------------------------------------------- */

/* One file with copies in flight, as a pass sees it. */
struct unp_gcent {
	struct file	*ge_fp;		/* held by the pass */
	struct socket	*ge_so;
	u_int		ge_refs;	/* copies not found in candidates */
	uint8_t		ge_cand;	/* every reference is in flight */
	uint8_t		ge_live;	/* reachable */
};

struct unp_gcpass {
	struct unp_gcent *gp_v;		/* sorted by ge_fp */
	u_int		gp_n;
	u_int		*gp_stack;	/* live entries still to scan */
	u_int		gp_top;
};

static void
unp_gc_sort(struct unp_gcent *v, u_int n)
{
	struct unp_gcent t;
	u_int gap, i, j;

	for (gap = n / 2; gap > 0; gap /= 2)
		for (i = gap; i < n; i++) {
			t = v[i];
			for (j = i; j >= gap && (uintptr_t)v[j - gap].ge_fp >
			    (uintptr_t)t.ge_fp; j -= gap)
				v[j] = v[j - gap];
			v[j] = t;
		}
}

static struct unp_gcent *
unp_gc_find(struct unp_gcpass *gp, struct file *fp)
{
	u_int lo = 0, hi = gp->gp_n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (gp->gp_v[mid].ge_fp == fp)
			return (&gp->gp_v[mid]);
		if ((uintptr_t)gp->gp_v[mid].ge_fp < (uintptr_t)fp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (NULL);
}

/* Step 2: a copy of fp lies in a candidate's buffer. */
static void
unp_gc_unref(void *arg, struct file *fp)
{
	struct unp_gcent *e = unp_gc_find(arg, fp);

	if (e != NULL && e->ge_cand) {
		KASSERT(e->ge_refs > 0, ("unp_gc: file %p: more copies "
		    "found than in flight", fp));
		e->ge_refs--;
	}
}

/* Step 3: a copy of fp lies in a live socket's buffer. */
static void
unp_gc_mark(void *arg, struct file *fp)
{
	struct unp_gcpass *gp = arg;
	struct unp_gcent *e = unp_gc_find(gp, fp);

	if (e != NULL && e->ge_cand && !e->ge_live) {
		e->ge_live = 1;
		gp->gp_stack[gp->gp_top++] = e - gp->gp_v;
	}
}

static void
unp_gc_scan_sb(struct sockbuf *sb, void (*fn)(void *, struct file *),
    void *arg)
{
	SOCKBUF_LOCK(sb);
	unp_scan(sb->sb_mb, fn, arg);
	SOCKBUF_UNLOCK(sb);
}

/*
 * A listener's rights lie in its queued children's buffers.  The
 * children are referenced under so_qlock and used after it is dropped
 * (SOCKBUF ranks below SOQ); the caller sorele()s each and frees the
 * array.
 */
static struct socket **
unp_gc_children(struct socket *head, u_int *np)
{
	struct socket **kids = NULL, *so;
	u_int cap = 0, n;

	for (;;) {
		SOQ_LOCK(head);
		n = head->so_qlen + head->so_incqlen;
		if (n <= cap)
			break;
		SOQ_UNLOCK(head);
		if (kids != NULL)
			kfree(kids, M_UNPGC);
		cap = n + 4;
		kids = kmalloc(cap * sizeof(*kids), M_UNPGC, M_WAITOK);
	}
	n = 0;
	TAILQ_FOREACH(so, &head->so_comp, so_qlist) {
		soref(so);
		kids[n++] = so;
	}
	TAILQ_FOREACH(so, &head->so_incomp, so_qlist) {
		soref(so);
		kids[n++] = so;
	}
	SOQ_UNLOCK(head);
	*np = n;
	return (kids);
}

static void
unp_gc_scan_children(struct socket *head, void (*fn)(void *, struct file *),
    void *arg)
{
	struct socket **kids;
	u_int n, i;

	kids = unp_gc_children(head, &n);
	for (i = 0; i < n; i++) {
		unp_gc_scan_sb(&kids[i]->so_rcv, fn, arg);
		sorele(kids[i]);
	}
	if (kids != NULL)
		kfree(kids, M_UNPGC);
}

static void
unp_gc_scan_so(struct socket *so, void (*fn)(void *, struct file *),
    void *arg)
{
	if (atomic_load_int(&so->so_options) & SO_ACCEPTCONN)
		unp_gc_scan_children(so, fn, arg);
	unp_gc_scan_sb(&so->so_rcv, fn, arg);
}

/*
 * The cheap test before a pass: is any file wholly in flight, and did
 * anything change since the last pass that found nothing to collect?
 */
static int
unp_gc_needed(int force)
{
	static u_int last_gen;
	static uintptr_t last_sig;
	struct file *fp;
	uintptr_t sig = 0;
	u_int n = 0, gen;

	gen = atomic_load_int(&unp_gc_gen);
	spin_lock(&unp_spin);
	LIST_FOREACH(fp, &unp_flight, f_unplink) {
		if (atomic_load_int(&fp->f_count) ==
		    atomic_load_int(&fp->f_msgcount)) {
			n++;
			sig += (uintptr_t)fp;
		}
	}
	spin_unlock(&unp_spin);
	if (n == 0)
		return (0);
	sig += n;
	if (!force && gen == last_gen && sig == last_sig)
		return (0);
	last_gen = gen;
	last_sig = sig;
	return (1);
}

/* Steps 1 to 3 (the top comment), under unp_gc_lock exclusive. */
static void
unp_gc_mark_all(struct unp_gcpass *gp)
{
	struct unp_gcent *e;
	u_int i, count, msg;

	for (i = 0; i < gp->gp_n; i++) {
		e = &gp->gp_v[i];
		count = atomic_load_int(&e->ge_fp->f_count);
		msg = atomic_load_int(&e->ge_fp->f_msgcount);
		e->ge_so = e->ge_fp->f_data;
		e->ge_cand = count == msg + 1;	/* + the pass's hold */
		e->ge_refs = msg;
	}
	for (i = 0; i < gp->gp_n; i++)
		if (gp->gp_v[i].ge_cand)
			unp_gc_scan_so(gp->gp_v[i].ge_so, unp_gc_unref, gp);
	gp->gp_top = 0;
	for (i = 0; i < gp->gp_n; i++) {
		e = &gp->gp_v[i];
		if (e->ge_cand && e->ge_refs > 0) {
			e->ge_live = 1;
			gp->gp_stack[gp->gp_top++] = i;
		}
	}
	while (gp->gp_top > 0) {
		i = gp->gp_stack[--gp->gp_top];
		unp_gc_scan_so(gp->gp_v[i].ge_so, unp_gc_mark, gp);
	}
}

/* Take what sb holds and put it on the *deadp packet list. */
static void
unp_gc_flush_sb(struct sockbuf *sb, struct mbuf **deadp)
{
	struct mbuf *chain, *last;

	SOCKBUF_LOCK(sb);
	chain = sbflush_locked(sb);
	SOCKBUF_UNLOCK(sb);
	if (chain == NULL)
		return;
	for (last = chain; last->m_nextpkt != NULL; last = last->m_nextpkt)
		;
	last->m_nextpkt = *deadp;
	*deadp = chain;
}

/*
 * A dead socket's buffers: its own receive buffer, and for a listener
 * its queued children's (no process can accept them any more).
 */
static void
unp_gc_flush_so(struct socket *so, struct mbuf **deadp)
{
	struct socket **kids;
	u_int n, i;

	if (atomic_load_int(&so->so_options) & SO_ACCEPTCONN) {
		kids = unp_gc_children(so, &n);
		for (i = 0; i < n; i++) {
			unp_gc_flush_sb(&kids[i]->so_rcv, deadp);
			sorele(kids[i]);
		}
		if (kids != NULL)
			kfree(kids, M_UNPGC);
	}
	unp_gc_flush_sb(&so->so_rcv, deadp);
}

/*
 * One pass.  The dead sockets' receive buffers are flushed under the
 * lock; their rights are released, and the pass's holds dropped, after
 * it (the last fdrop closes a socket, which may sleep).
 */
static void
unp_gc_pass(int force)
{
	struct unp_gcpass gp;
	struct unp_gcent *e;
	struct mbuf *dead = NULL;
	struct file *fp;
	u_int i, n, ndead = 0;

	if (!unp_gc_needed(force))
		return;
	lockmgr(&unp_gc_lock, LK_EXCLUSIVE);
	spin_lock(&unp_spin);
	n = unp_nflight;
	spin_unlock(&unp_spin);
	memset(&gp, 0, sizeof(gp));
	gp.gp_v = kmalloc((n + 1) * sizeof(*gp.gp_v), M_UNPGC,
	    M_WAITOK | M_ZERO);
	gp.gp_stack = kmalloc((n + 1) * sizeof(*gp.gp_stack), M_UNPGC,
	    M_WAITOK);
	/* The list cannot grow: internalize waits for the lock. */
	spin_lock(&unp_spin);
	LIST_FOREACH(fp, &unp_flight, f_unplink) {
		if (gp.gp_n == n)
			break;
		fhold(fp);
		gp.gp_v[gp.gp_n++].ge_fp = fp;
	}
	spin_unlock(&unp_spin);
	unp_gc_sort(gp.gp_v, gp.gp_n);
	unp_gc_mark_all(&gp);
	for (i = 0; i < gp.gp_n; i++) {
		e = &gp.gp_v[i];
		if (e->ge_cand && !e->ge_live) {
			ndead++;
			unp_gc_flush_so(e->ge_so, &dead);
		}
	}
	lockmgr(&unp_gc_lock, LK_RELEASE);
	unp_release(dead);
	for (i = 0; i < gp.gp_n; i++) {
		e = &gp.gp_v[i];
		if (e->ge_cand && !e->ge_live &&
		    (e->ge_so->so_proto->pr_flags & PR_WANTRCVD))
			so_pru_rcvd_async(e->ge_so);	/* peers' mirrors */
		fdrop(e->ge_fp);
	}
	atomic_add_int(&unp_gc_runs, 1);
	atomic_add_int(&unp_gc_collected, ndead);
	kfree(gp.gp_v, M_UNPGC);
	kfree(gp.gp_stack, M_UNPGC);
}

static void
unp_gc_wakeup(int force)
{
	spin_lock(&unp_spin);
	unp_gc_wanted = 1;
	if (force)
		unp_gc_force = 1;
	wakeup(&unp_gc_wanted);
	spin_unlock(&unp_spin);
}

void
unp_gc_schedule(void)
{
	unp_gc_wakeup(0);
}

/*
 * The "unp_gc" thread: release disposed rights, then a pass if one is
 * due; every second while copies are in flight (a closed descriptor
 * may have left a cycle behind).
 */
static u_int	unp_gc_started;		/* [L] iterations begun */
static u_int	unp_gc_done;		/* [L] iterations ended */

static void
unp_gc_thread(void *arg __unused)
{
	struct mbuf *m;
	u_int me;
	int force;

	for (;;) {
		spin_lock(&unp_spin);
		while (!unp_gc_wanted && unp_defer_head == NULL) {
			if (ssleep(&unp_gc_wanted, &unp_spin, 0, "unpgc",
			    unp_nflight != 0 ? hz : 0) == EWOULDBLOCK)
				break;
		}
		m = unp_defer_head;
		unp_defer_head = unp_defer_tail = NULL;
		force = unp_gc_force;
		unp_gc_wanted = unp_gc_force = 0;
		me = ++unp_gc_started;
		spin_unlock(&unp_spin);
		unp_release(m);
		unp_gc_pass(force);
		spin_lock(&unp_spin);
		unp_gc_done = me;
		wakeup(&unp_gc_done);
		spin_unlock(&unp_spin);
	}
}

/*
 * For tests: run the collector (a forced pass) and wait for it; then
 * until nothing disposed is left, at most a few rounds.
 */
void
unp_gc_sync(void)
{
	u_int want;
	int round;

	for (round = 0; round < 16; round++) {
		spin_lock(&unp_spin);
		want = unp_gc_started + 1;
		unp_gc_wanted = unp_gc_force = 1;
		wakeup(&unp_gc_wanted);
		while ((int)(unp_gc_done - want) < 0)
			ssleep(&unp_gc_done, &unp_spin, 0, "unpgcw", hz);
		if (unp_defer_head == NULL) {
			spin_unlock(&unp_spin);
			return;
		}
		spin_unlock(&unp_spin);
	}
}

/* ---- Start-up --------------------------------------------------------- */

/* dom_init and every pr_init: once. */
static void
unp_init(void)
{
	int error;

	if (unp_inited)
		return;
	unp_inited = 1;
	lockinit(&unp_gc_lock, "unpgc");
	error = lwkt_create(unp_gc_thread, NULL, &unp_gc_td, 0, TDPRI_KERN,
	    "unp_gc");
	VERIFY(error == 0);
}
