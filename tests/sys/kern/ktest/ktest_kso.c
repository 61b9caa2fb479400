/*
 * Kernel-context sockets (design section 6), exercised against a user
 * peer: writing an AF_UNIX path to the sysctl debug.kso_echo starts a
 * kernel thread with no process that creates a stream socket, connects
 * to the path, sends a ready mbuf chain (no uio), receives the peer's
 * answer as an mbuf chain, checks it is the bytes it sent with every
 * letter upper-cased, and closes.  The write returns the thread's result
 * (0 or an errno).  Only INVARIANTS (test) kernels have the sysctl; the
 * user half is tests/sys/kern/kernel_socket_test.c.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/thread.h>
#include <sys/globaldata.h>
#include <sys/sysctl.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/un.h>
#include <sys/mbuf.h>

#ifdef INVARIANTS

#define KSO_LEN		3000	/* more than one mbuf, more than MLEN */

struct kso_job {
	struct sockaddr_un	kj_sun;
	int			kj_error;
	volatile int		kj_done;
};

static struct mbuf *
kso_chain(void)
{
	struct mbuf *m;
	char buf[64];
	int off = 0, n;

	m = m_gethdr(M_WAITOK, MT_DATA);
	if (m == NULL)
		return (NULL);
	while (off < KSO_LEN) {
		n = KSO_LEN - off < (int)sizeof(buf) ? KSO_LEN - off :
		    (int)sizeof(buf);
		for (int i = 0; i < n; i++)
			buf[i] = 'a' + (off + i) % 26;
		if (!m_append(m, n, buf)) {
			m_freem(m);
			return (NULL);
		}
		off += n;
	}
	return (m);
}

static int
kso_check(struct mbuf *m, int off)
{
	char c;
	int len = m_length(m, NULL);

	for (int i = 0; i < len; i++) {
		m_copydata(m, i, 1, &c);
		if (c != 'A' + (off + i) % 26)
			return (EIO);
	}
	return (0);
}

static int
kso_run(struct kso_job *kj)
{
	struct thread *td = curthread;
	struct socket *so;
	struct mbuf *m;
	int error, flags, got = 0;

	KASSERT(td->td_proc == NULL, ("kso: thread has a process"));
	error = socreate(AF_UNIX, &so, SOCK_STREAM, 0, td);
	if (error != 0)
		return (error);
	error = soconnect(so, (struct sockaddr *)&kj->kj_sun, td, 0);
	if (error == 0) {
		m = kso_chain();
		error = m == NULL ? ENOBUFS :
		    sosend(so, NULL, NULL, m, NULL, 0, td);
	}
	while (error == 0 && got < KSO_LEN) {
		flags = 0;
		m = NULL;
		error = soreceive(so, NULL, NULL, &m, NULL, &flags);
		if (error == 0 && m == NULL)
			error = ECONNRESET;	/* EOF too early */
		if (error == 0)
			error = kso_check(m, got);
		if (m != NULL)
			got += m_length(m, NULL);
		m_freem(m);
	}
	if (error == 0 && got != KSO_LEN)
		error = EMSGSIZE;
	soclose(so);
	return (error);
}

static void
kso_thread(void *arg)
{
	struct kso_job *kj = arg;

	kj->kj_error = kso_run(kj);
	atomic_store_int(&kj->kj_done, 1);
	wakeup(kj);
	lwkt_exit();
}

static int
sysctl_kso_echo(SYSCTL_HANDLER_ARGS)
{
	struct kso_job *kj;
	int error;

	if (req->newptr == NULL)
		return (0);
	if (req->newlen == 0 || req->newlen >= sizeof(kj->kj_sun.sun_path))
		return (EINVAL);
	kj = kmalloc(sizeof(*kj), M_TEMP, M_WAITOK | M_ZERO);
	error = SYSCTL_IN(req, kj->kj_sun.sun_path, req->newlen);
	if (error == 0) {
		kj->kj_sun.sun_family = AF_UNIX;
		kj->kj_sun.sun_len = sizeof(kj->kj_sun);
		error = lwkt_create(kso_thread, kj, NULL, mycpuid, TDPRI_KERN,
		    "kso_echo");
	}
	while (error == 0 && !atomic_load_int(&kj->kj_done))
		tsleep(kj, 0, "ksowait", hz / 10);
	if (error == 0)
		error = kj->kj_error;
	kfree(kj, M_TEMP);
	return (error);
}
SYSCTL_PROC(_debug, OID_AUTO, kso_echo, CTLTYPE_STRING | CTLFLAG_RW, NULL, 0,
    sysctl_kso_echo, "A",
    "Write an AF_UNIX path: a kernel thread echoes through it (tests)");

#endif /* INVARIANTS */
