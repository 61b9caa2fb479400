/*
 * kern/uipc_syscalls.c: the socket system calls.
 *
 * Entry points (sysent, sys/kern/syscalls.master, FreeBSD numbers):
 * socket, socketpair, bind, listen, accept, accept4, connect, shutdown,
 * sendto, sendmsg, recvfrom, recvmsg, setsockopt, getsockopt,
 * getsockname, getpeername.  libc builds send/recv on sendto/recvfrom,
 * getpeereid on getsockopt(LOCAL_PEERCRED) and sockatmark on
 * ioctl(SIOCATMARK).  Also sodupsockaddr() for the socket layer.
 *
 * Shape (FreeBSD's): sys_X copies the user's arguments in (addresses
 * with getsockaddr(), control messages with sockargs_control(), iovecs
 * with copyinuio()), kern_X works on kernel copies and calls the socket
 * layer's user-context interface (socreate, sobind, solisten, soaccept,
 * soconnect, sosend, soreceive, soshutdown, sosetopt/sogetopt,
 * so_pru_sockaddr/peeraddr: kern/uipc_socket.c, kern/uipc_msg.c), and
 * sys_X copies results out.  Nothing here touches a [p] field except to
 * read a snapshot (so_state for EALREADY/EINPROGRESS/ENOTCONN, the same
 * checks FreeBSD makes under no lock that matters), and nothing here
 * calls a protocol handler.
 *
 * Descriptors: a new socket's file is made with falloc() before the
 * socket (so EMFILE wins over every other error, as in FreeBSD) and
 * stays unusable (badfileops: EBADF to other threads) until finit();
 * every failure after falloc() undoes it with fdclose() + fdrop(), and
 * the last fdrop() of a finit'ed file closes the socket (soo_close).
 * Sockets made but not yet given to a file are closed with soclose().
 *
 * Errors and leaks: every user pointer goes through copyin/copyout
 * (EFAULT), every kmalloc'ed address (M_SONAME) and mbuf made here is
 * freed or handed on, on every path.  Received SCM_RIGHTS descriptors
 * that do not fit the caller's control buffer (MSG_CTRUNC: whole
 * control mbufs are copied or none of one, as in FreeBSD), or that
 * cannot be copied out, are closed again here: the receiver never holds
 * a descriptor it was not told about.
 *
 * SIGPIPE: kern_sendit raises it for EPIPE unless MSG_NOSIGNAL or
 * SO_NOSIGPIPE, as sys_socket.c's soo_write does for write(2); sosend
 * itself never signals, so kernel callers get only the error.
 *
 * Lock order: none taken here; the socket layer's own.
 */
#include <sys/types.h>
#include <machine/atomic.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/fcntl.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/uio.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/mbuf.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/domain.h>
#include <sys/sysproto.h>

/* accept(2): the new descriptor inherits FNONBLOCK/FASYNC (FreeBSD). */
#define ACCEPT_INHERIT	0x1

#define SOCK_SSIZE_MAX	((size_t)__LONG_MAX__)	/* SSIZE_MAX */

/*
 * Helpers.
 */

/* fd -> referenced file and its socket; EBADF or ENOTSOCK. */
static int
getsock(struct thread *td, int fd, struct file **fpp, struct socket **sop)
{
	struct file *fp;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (fp->f_type != DTYPE_SOCKET) {
		fdrop(fp);
		return (ENOTSOCK);
	}
	*fpp = fp;
	*sop = fp->f_data;
	return (0);
}

/*
 * Copy a user's address in: ENAMETOOLONG past SOCK_MAXADDRLEN, EINVAL
 * shorter than sa_len and sa_family, EFAULT.  sa_len is set to the
 * length given, whatever the user wrote there (FreeBSD).  Free with
 * kfree(sa, M_SONAME).
 */
static int
getsockaddr(struct sockaddr **namp, const void *uaddr, socklen_t len)
{
	struct sockaddr *sa;
	int error;

	*namp = NULL;
	if (len > SOCK_MAXADDRLEN)
		return (ENAMETOOLONG);
	if (len < __builtin_offsetof(struct sockaddr, sa_data))
		return (EINVAL);
	sa = kmalloc(len, M_SONAME, M_WAITOK);
	error = copyin(uaddr, sa, len);
	if (error != 0) {
		kfree(sa, M_SONAME);
		return (error);
	}
	sa->sa_len = len;
	*namp = sa;
	return (0);
}

struct sockaddr *
sodupsockaddr(const struct sockaddr *sa, int how)
{
	struct sockaddr *sa2;

	sa2 = kmalloc(sa->sa_len, M_SONAME, how);
	if (sa2 != NULL)
		memcpy(sa2, sa, sa->sa_len);
	return (sa2);
}

/*
 * Copy an address out to a user buffer of *lenp bytes: FreeBSD copies
 * min(*lenp, sa_len) bytes and stores that length back (not the full
 * length).  sa NULL (no address) gives length 0.
 */
static int
sockaddr_copyout(const struct sockaddr *sa, void *uaddr, socklen_t *lenp)
{
	socklen_t len = 0;
	int error = 0;

	if (sa != NULL)
		len = MIN(*lenp, sa->sa_len);
	if (len > 0)
		error = copyout(sa, uaddr, len);
	*lenp = len;
	return (error);
}

/*
 * The user's control messages as one MT_CONTROL mbuf: EINVAL when
 * shorter than a cmsghdr or longer than a cluster, EFAULT, ENOBUFS.
 * The domain turns them into its kernel form in sosend
 * (dom_internalize), which also checks their contents.
 */
static int
sockargs_control(struct mbuf **mp, const void *ubuf, socklen_t len)
{
	struct mbuf *m;
	int error;

	*mp = NULL;
	if (len < sizeof(struct cmsghdr) || len > MCLBYTES)
		return (EINVAL);
	if (len > MLEN)
		m = m_getcl(M_WAITOK, MT_CONTROL, 0);
	else
		m = m_get(M_WAITOK, MT_CONTROL);
	if (m == NULL)
		return (ENOBUFS);
	error = copyin(ubuf, mtod(m, void *), len);
	if (error != 0) {
		m_freem(m);
		return (error);
	}
	m->m_len = len;
	*mp = m;
	return (0);
}

/*
 * A transfer cut short by a signal, a timeout or non-blocking mode
 * after some bytes moved reports the bytes, not the error.
 */
static int
sock_partial_ok(int error, ssize_t before, struct uio *uio)
{
	if (error != 0 && uio->uio_resid != before &&
	    (error == ERESTART || error == EINTR || error == EWOULDBLOCK))
		return (0);
	return (error);
}

/*
 * socket(2), socketpair(2): SOCK_CLOEXEC and SOCK_NONBLOCK come off the
 * type; any other bit stays in it, and socreate() rejects the type
 * (EPROTOTYPE), as in FreeBSD.
 */
static void
sock_type_flags(int *typep, int *oflagp, u_int *fflagp)
{
	*oflagp = 0;
	*fflagp = 0;
	if (*typep & SOCK_CLOEXEC) {
		*typep &= ~SOCK_CLOEXEC;
		*oflagp |= O_CLOEXEC;
	}
	if (*typep & SOCK_NONBLOCK) {
		*typep &= ~SOCK_NONBLOCK;
		*fflagp |= FNONBLOCK;
	}
}

/* Give a new socket to a falloc'ed file; SS_NBIO follows FNONBLOCK. */
static void
sock_finit(struct file *fp, struct socket *so, u_int fflag,
    struct thread *td)
{
	int on;

	finit(fp, FREAD | FWRITE | fflag, DTYPE_SOCKET, so, &socketops);
	on = (fflag & FNONBLOCK) != 0;
	(void)fo_ioctl(fp, FIONBIO, &on, td);
	on = (fflag & FASYNC) != 0;
	(void)fo_ioctl(fp, FIOASYNC, &on, td);
}

/* Undo falloc() after a failure: free the slot, drop our reference. */
static void
sock_fundo(struct thread *td, struct file *fp, int fd)
{
	fdclose(td, fp, fd);
	fdrop(fp);
}

/*
 * socket, socketpair
 */
static int
kern_socket(struct thread *td, int domain, int type, int protocol)
{
	struct socket *so;
	struct file *fp;
	u_int fflag;
	int fd, oflag, error;

	sock_type_flags(&type, &oflag, &fflag);
	error = falloc(td, &fp, &fd, oflag);
	if (error != 0)
		return (error);
	error = socreate(domain, &so, type, protocol, td);
	if (error != 0) {
		sock_fundo(td, fp, fd);
		return (error);
	}
	sock_finit(fp, so, fflag, td);
	fdrop(fp);
	td->td_retval[0] = fd;
	return (0);
}

int
sys_socket(struct thread *td, struct socket_args *uap)
{
	return (kern_socket(td, uap->domain, uap->type, uap->protocol));
}

/*
 * Connect a new pair.  A datagram pair is two one-way connections
 * (FreeBSD); a protocol whose connect2 already linked both ways leaves
 * so2 connected, and the second call is skipped.
 */
static int
sock_connect2(struct socket *so1, struct socket *so2, int type)
{
	int error;

	error = soconnect2(so1, so2);
	if (error == 0 && type == SOCK_DGRAM &&
	    !(atomic_load_int(&so2->so_state) & SS_ISCONNECTED))
		error = soconnect2(so2, so1);
	return (error);
}

/*
 * A connected pair on two new descriptors, rsv[0] and rsv[1]; fpp gets
 * their files, referenced, for a caller that may have to undo them.
 */
static int
kern_socketpair(struct thread *td, int domain, int type, int protocol,
    int rsv[2], struct file *fpp[2])
{
	struct socket *so1, *so2;
	struct file *fp1, *fp2;
	u_int fflag;
	int oflag, error;

	sock_type_flags(&type, &oflag, &fflag);
	error = socreate(domain, &so1, type, protocol, td);
	if (error != 0)
		return (error);
	error = socreate(domain, &so2, type, protocol, td);
	if (error != 0)
		goto close1;
	error = falloc(td, &fp1, &rsv[0], oflag);
	if (error != 0)
		goto close2;
	error = falloc(td, &fp2, &rsv[1], oflag);
	if (error != 0)
		goto undo1;
	error = sock_connect2(so1, so2, type);
	if (error != 0)
		goto undo2;
	sock_finit(fp1, so1, fflag, td);
	sock_finit(fp2, so2, fflag, td);
	fpp[0] = fp1;
	fpp[1] = fp2;
	return (0);

undo2:
	sock_fundo(td, fp2, rsv[1]);
undo1:
	sock_fundo(td, fp1, rsv[0]);
close2:
	(void)soclose(so2);
close1:
	(void)soclose(so1);
	return (error);
}

int
sys_socketpair(struct thread *td, struct socketpair_args *uap)
{
	struct file *fp[2];
	int sv[2], error, i;

	error = kern_socketpair(td, uap->domain, uap->type, uap->protocol,
	    sv, fp);
	if (error != 0)
		return (error);
	error = copyout(sv, uap->rsv, sizeof(sv));
	for (i = 0; i < 2; i++) {
		if (error != 0)
			fdclose(td, fp[i], sv[i]);
		fdrop(fp[i]);
	}
	return (error);
}

/*
 * bind, listen
 */
static int
kern_bind(struct thread *td, int fd, struct sockaddr *sa)
{
	struct socket *so;
	struct file *fp;
	int error;

	error = getsock(td, fd, &fp, &so);
	if (error != 0)
		return (error);
	error = sobind(so, sa, td);
	fdrop(fp);
	return (error);
}

int
sys_bind(struct thread *td, struct bind_args *uap)
{
	struct sockaddr *sa;
	int error;

	error = getsockaddr(&sa, uap->name, uap->namelen);
	if (error != 0)
		return (error);
	error = kern_bind(td, uap->s, sa);
	kfree(sa, M_SONAME);
	return (error);
}

int
sys_listen(struct thread *td, struct listen_args *uap)
{
	struct socket *so;
	struct file *fp;
	int error;

	error = getsock(td, uap->s, &fp, &so);
	if (error != 0)
		return (error);
	error = solisten(so, uap->backlog, td);
	fdrop(fp);
	return (error);
}

/*
 * accept, accept4
 */

/* The accepted socket's file flags: inherited (accept) or asked for. */
static u_int
accept_fflag(struct file *headfp, int flags)
{
	if (flags & ACCEPT_INHERIT)
		return (headfp->f_flag & (FNONBLOCK | FASYNC));
	return ((flags & SOCK_NONBLOCK) ? FNONBLOCK : 0);
}

/*
 * Take the next connection off listener s into a new descriptor, left
 * in td_retval[0].  *namep (if namep) gets the peer's address, M_SONAME,
 * or NULL; *fpp (if fpp) the new file, referenced, for a caller that may
 * have to undo the descriptor.  The descriptor is allocated first, so a
 * full table is EMFILE without losing a queued connection.  SIGIO
 * ownership passes to the child of accept(), not of accept4().
 */
static int
kern_accept(struct thread *td, int s, struct sockaddr **namep, int flags,
    struct file **fpp)
{
	struct socket *head, *so;
	struct file *headfp, *nfp;
	struct sockaddr *sa = NULL;
	pid_t sigio;
	int fd, error;

	if (namep != NULL)
		*namep = NULL;
	error = getsock(td, s, &headfp, &head);
	if (error != 0)
		return (error);
	if (!(atomic_load_int(&head->so_options) & SO_ACCEPTCONN)) {
		error = EINVAL;
		goto done;
	}
	error = falloc(td, &nfp, &fd, (flags & SOCK_CLOEXEC) ? O_CLOEXEC : 0);
	if (error != 0)
		goto done;
	error = soaccept(head, (atomic_load_int(&head->so_ustate) & SS_NBIO)
	    != 0, &so);
	if (error != 0) {
		sock_fundo(td, nfp, fd);
		goto done;
	}
	/* accept() passes the SIGIO owner on; accept4() does not (FreeBSD). */
	sigio = (flags & ACCEPT_INHERIT) ? atomic_load_int(&head->so_sigio) : 0;
	if (sigio != 0)
		(void)so_setsigio_msg(so, sigio);
	sock_finit(nfp, so, accept_fflag(headfp, flags), td);
	error = soaccept_getname(so, &sa);
	if (error != 0) {
		sock_fundo(td, nfp, fd);
		goto done;
	}
	td->td_retval[0] = fd;
	if (fpp != NULL)
		*fpp = nfp;
	else
		fdrop(nfp);
	if (namep != NULL)
		*namep = sa;
	else if (sa != NULL)
		kfree(sa, M_SONAME);
done:
	fdrop(headfp);
	return (error);
}

/*
 * The user's side of accept: the name length is read before accepting
 * (EFAULT costs no connection); an address that cannot be copied out
 * closes the new descriptor again, as in FreeBSD.
 */
static int
accept_common(struct thread *td, int s, struct sockaddr *uname,
    socklen_t *unamelen, int flags)
{
	struct sockaddr *sa;
	struct file *fp;
	socklen_t namelen;
	int error;

	if (uname == NULL)
		return (kern_accept(td, s, NULL, flags, NULL));
	error = copyin(unamelen, &namelen, sizeof(namelen));
	if (error != 0)
		return (error);
	error = kern_accept(td, s, &sa, flags, &fp);
	if (error != 0)
		return (error);
	error = sockaddr_copyout(sa, uname, &namelen);
	if (error == 0)
		error = copyout(&namelen, unamelen, sizeof(namelen));
	if (sa != NULL)
		kfree(sa, M_SONAME);
	if (error != 0)
		fdclose(td, fp, (int)td->td_retval[0]);
	fdrop(fp);
	return (error);
}

int
sys_accept(struct thread *td, struct accept_args *uap)
{
	return (accept_common(td, uap->s, uap->name, uap->anamelen,
	    ACCEPT_INHERIT));
}

int
sys_accept4(struct thread *td, struct accept4_args *uap)
{
	if (uap->flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return (EINVAL);
	return (accept_common(td, uap->s, uap->name, uap->anamelen,
	    uap->flags));
}

/*
 * connect
 */

/*
 * soconnect() says EALREADY while an earlier connect is in progress,
 * EINPROGRESS when non-blocking and not complete, and otherwise waits
 * for the outcome.  A signal ends the wait with EINTR and leaves the
 * connection going on (FreeBSD): a later connect says EALREADY, poll
 * says when it is done.
 */
static int
kern_connect(struct thread *td, int fd, struct sockaddr *sa)
{
	struct socket *so;
	struct file *fp;
	int error;

	error = getsock(td, fd, &fp, &so);
	if (error != 0)
		return (error);
	error = soconnect(so, sa, td,
	    (atomic_load_int(&so->so_ustate) & SS_NBIO) != 0);
	if (error == ERESTART)
		error = EINTR;
	fdrop(fp);
	return (error);
}

int
sys_connect(struct thread *td, struct connect_args *uap)
{
	struct sockaddr *sa;
	int error;

	error = getsockaddr(&sa, uap->name, uap->namelen);
	if (error != 0)
		return (error);
	error = kern_connect(td, uap->s, sa);
	kfree(sa, M_SONAME);
	return (error);
}

/*
 * shutdown
 */
int
sys_shutdown(struct thread *td, struct shutdown_args *uap)
{
	struct socket *so;
	struct file *fp;
	int error;

	error = getsock(td, uap->s, &fp, &so);
	if (error != 0)
		return (error);
	error = soshutdown(so, uap->how);
	fdrop(fp);
	return (error);
}

/*
 * sendto, sendmsg
 */

/*
 * Send uio (user data) on s, to `to' if not NULL, with `control' (raw
 * user control messages, consumed on every path).
 */
static int
kern_sendit(struct thread *td, int s, struct sockaddr *to, struct uio *uio,
    struct mbuf *control, int flags)
{
	struct socket *so;
	struct file *fp;
	ssize_t len;
	int error;

	error = getsock(td, s, &fp, &so);
	if (error != 0) {
		m_freem(control);
		return (error);
	}
	uio->uio_rw = UIO_WRITE;
	uio->uio_segflg = UIO_USERSPACE;
	uio->uio_td = td;
	uio->uio_offset = 0;
	len = uio->uio_resid;
	error = sosend(so, to, uio, NULL, control, flags, td);
	error = sock_partial_ok(error, len, uio);
	if (error == EPIPE && !(flags & MSG_NOSIGNAL) &&
	    !(atomic_load_int(&so->so_options) & SO_NOSIGPIPE) &&
	    td->td_proc != NULL)
		tdsignal(td, SIGPIPE);
	if (error == 0)
		td->td_retval[0] = len - uio->uio_resid;
	fdrop(fp);
	return (error);
}

/*
 * Copy the address and control messages of a send in, then send.  The
 * address and control are read before the descriptor is looked at, as
 * in FreeBSD (a bad address is EFAULT even on a bad descriptor).
 */
static int
sendit(struct thread *td, int s, const void *uname, socklen_t namelen,
    const void *ucontrol, socklen_t controllen, struct uio *uio, int flags)
{
	struct sockaddr *to = NULL;
	struct mbuf *control = NULL;
	int error;

	if (uname != NULL) {
		error = getsockaddr(&to, uname, namelen);
		if (error != 0)
			return (error);
	}
	if (ucontrol != NULL) {
		error = sockargs_control(&control, ucontrol, controllen);
		if (error != 0)
			goto out;
	}
	error = kern_sendit(td, s, to, uio, control, flags);
out:
	if (to != NULL)
		kfree(to, M_SONAME);
	return (error);
}

/* A one-segment user uio; EINVAL when the length does not fit ssize_t. */
static int
sock_uio1(struct uio *uio, struct iovec *iov, void *buf, size_t len)
{
	if (len > SOCK_SSIZE_MAX)
		return (EINVAL);
	iov->iov_base = buf;
	iov->iov_len = len;
	memset(uio, 0, sizeof(*uio));
	uio->uio_iov = iov;
	uio->uio_iovcnt = 1;
	uio->uio_resid = len;
	return (0);
}

/* A user iovec array: EMSGSIZE past UIO_MAXIOV (FreeBSD's copyiniov). */
static int
sock_uiov(const struct iovec *uiov, int iovlen, struct uio **uiop)
{
	if ((u_int)iovlen > UIO_MAXIOV)
		return (EMSGSIZE);
	return (copyinuio(uiov, (u_int)iovlen, uiop));
}

int
sys_sendto(struct thread *td, struct sendto_args *uap)
{
	struct uio uio;
	struct iovec iov;
	int error;

	error = sock_uio1(&uio, &iov, (void *)(uintptr_t)uap->buf, uap->len);
	if (error != 0)
		return (error);
	return (sendit(td, uap->s, uap->to, uap->tolen, NULL, 0, &uio,
	    uap->flags));
}

int
sys_sendmsg(struct thread *td, struct sendmsg_args *uap)
{
	struct msghdr msg;
	struct uio *uio;
	int error;

	error = copyin(uap->msg, &msg, sizeof(msg));
	if (error != 0)
		return (error);
	error = sock_uiov(msg.msg_iov, msg.msg_iovlen, &uio);
	if (error != 0)
		return (error);
	error = sendit(td, uap->s, msg.msg_name, msg.msg_namelen,
	    msg.msg_control, msg.msg_controllen, uio, uap->flags);
	kfree(uio, M_IOV);
	return (error);
}

/*
 * recvfrom, recvmsg
 */

/*
 * Close the SCM_RIGHTS descriptors carried by the control messages of
 * the chain m: the receiver was not given them (MSG_CTRUNC) or the call
 * failed.  dom_externalize installed them moments ago and rewrote each
 * SCM_RIGHTS message in place into descriptor numbers; the messages of
 * one mbuf are laid out as the user would see them (_CMSG_ALIGN).
 */
static void
cmsg_close_rights(struct thread *td, struct mbuf *m)
{
	struct cmsghdr cm;
	const char *base;
	u_int off, dlen, i;
	int fd;

	for (; m != NULL; m = m->m_next) {
		base = mtod(m, const char *);
		for (off = 0; off + sizeof(cm) <= (u_int)m->m_len;
		    off += _CMSG_ALIGN(cm.cmsg_len)) {
			memcpy(&cm, base + off, sizeof(cm));
			if (cm.cmsg_len < sizeof(cm) ||
			    cm.cmsg_len > (u_int)m->m_len - off)
				break;
			if (cm.cmsg_level != SOL_SOCKET ||
			    cm.cmsg_type != SCM_RIGHTS)
				continue;
			dlen = cm.cmsg_len - CMSG_LEN(0);
			for (i = 0; i + sizeof(int) <= dlen; i += sizeof(int)) {
				memcpy(&fd, base + off + CMSG_LEN(0) + i,
				    sizeof(fd));
				(void)kern_close(td, fd);
			}
		}
	}
}

/*
 * Copy received control messages to the user's buffer, whole mbufs
 * only, as far as they fit (FreeBSD): the first that does not fit sets
 * MSG_CTRUNC, and its descriptors and those of every later one are
 * closed.  msg_controllen becomes the bytes copied.  On EFAULT every
 * descriptor is closed.
 */
static int
recv_control_copyout(struct thread *td, struct msghdr *mp,
    struct mbuf *control)
{
	char *ubuf = mp->msg_control;
	socklen_t left = mp->msg_controllen;
	struct mbuf *m;
	int error;

	for (m = control; m != NULL && left >= (u_int)m->m_len;
	    m = m->m_next) {
		error = copyout(mtod(m, void *), ubuf, m->m_len);
		if (error != 0) {
			cmsg_close_rights(td, control);
			return (error);
		}
		ubuf += m->m_len;
		left -= m->m_len;
	}
	if (m != NULL) {
		mp->msg_flags |= MSG_CTRUNC;
		cmsg_close_rights(td, m);
	}
	mp->msg_controllen = ubuf - (char *)mp->msg_control;
	return (0);
}

/*
 * Receive on s into uio.  mp holds the user's msg_name/msg_namelen and
 * msg_control/msg_controllen (updated to what was copied out) and
 * msg_flags (in: MSG_* flags; out: MSG_TRUNC, MSG_CTRUNC, MSG_EOR...).
 * The byte count goes to td_retval[0].
 */
static int
kern_recvit(struct thread *td, int s, struct msghdr *mp, struct uio *uio)
{
	struct socket *so;
	struct file *fp;
	struct sockaddr *from = NULL;
	struct mbuf *control = NULL;
	ssize_t len;
	int error;

	error = getsock(td, s, &fp, &so);
	if (error != 0)
		return (error);
	uio->uio_rw = UIO_READ;
	uio->uio_segflg = UIO_USERSPACE;
	uio->uio_td = td;
	uio->uio_offset = 0;
	len = uio->uio_resid;
	error = soreceive(so, mp->msg_name != NULL ? &from : NULL, uio, NULL,
	    mp->msg_control != NULL ? &control : NULL, &mp->msg_flags);
	error = sock_partial_ok(error, len, uio);
	if (error != 0)
		goto out;
	td->td_retval[0] = len - uio->uio_resid;
	if (mp->msg_name != NULL) {
		error = sockaddr_copyout(from, mp->msg_name, &mp->msg_namelen);
		if (error != 0)
			goto out;
	}
	if (mp->msg_control != NULL) {
		error = recv_control_copyout(td, mp, control);
		goto done;
	}
out:
	if (error != 0)
		cmsg_close_rights(td, control);
done:
	m_freem(control);
	if (from != NULL)
		kfree(from, M_SONAME);
	fdrop(fp);
	return (error);
}

int
sys_recvfrom(struct thread *td, struct recvfrom_args *uap)
{
	struct msghdr msg;
	struct uio uio;
	struct iovec iov;
	int error;

	memset(&msg, 0, sizeof(msg));
	if (uap->fromlenaddr != NULL) {
		error = copyin(uap->fromlenaddr, &msg.msg_namelen,
		    sizeof(msg.msg_namelen));
		if (error != 0)
			return (error);
	}
	error = sock_uio1(&uio, &iov, uap->buf, uap->len);
	if (error != 0)
		return (error);
	msg.msg_name = uap->from;
	msg.msg_flags = uap->flags;
	error = kern_recvit(td, uap->s, &msg, &uio);
	if (error == 0 && uap->fromlenaddr != NULL)
		error = copyout(&msg.msg_namelen, uap->fromlenaddr,
		    sizeof(msg.msg_namelen));
	return (error);
}

/*
 * The msghdr is written back whole (msg_iov as the user gave it).  It
 * is probed for writing before anything is received, so a read-only
 * msghdr costs no data and no descriptors.
 */
int
sys_recvmsg(struct thread *td, struct recvmsg_args *uap)
{
	struct msghdr msg;
	struct iovec *uiov;
	struct uio *uio;
	int error;

	error = copyin(uap->msg, &msg, sizeof(msg));
	if (error != 0)
		return (error);
	error = copyout(&msg, uap->msg, sizeof(msg));
	if (error != 0)
		return (error);
	error = sock_uiov(msg.msg_iov, msg.msg_iovlen, &uio);
	if (error != 0)
		return (error);
	uiov = msg.msg_iov;
	msg.msg_flags = uap->flags;
	error = kern_recvit(td, uap->s, &msg, uio);
	if (error == 0) {
		msg.msg_iov = uiov;
		error = copyout(&msg, uap->msg, sizeof(msg));
	}
	kfree(uio, M_IOV);
	return (error);
}

/*
 * setsockopt, getsockopt: the socket layer copies the value in and out
 * (sopt_td set: user buffers).
 */
int
sys_setsockopt(struct thread *td, struct setsockopt_args *uap)
{
	struct sockopt sopt;
	struct socket *so;
	struct file *fp;
	int error;

	if (uap->val == NULL && uap->valsize != 0)
		return (EFAULT);
	if ((int)uap->valsize < 0)
		return (EINVAL);
	error = getsock(td, uap->s, &fp, &so);
	if (error != 0)
		return (error);
	sopt.sopt_dir = SOPT_SET;
	sopt.sopt_level = uap->level;
	sopt.sopt_name = uap->name;
	sopt.sopt_val = (void *)(uintptr_t)uap->val;
	sopt.sopt_valsize = uap->valsize;
	sopt.sopt_td = td;
	error = sosetopt(so, &sopt);
	fdrop(fp);
	return (error);
}

int
sys_getsockopt(struct thread *td, struct getsockopt_args *uap)
{
	struct sockopt sopt;
	struct socket *so;
	struct file *fp;
	socklen_t valsize = 0;
	int error;

	if (uap->val != NULL) {
		error = copyin(uap->avalsize, &valsize, sizeof(valsize));
		if (error != 0)
			return (error);
		if ((int)valsize < 0)
			return (EINVAL);
	}
	error = getsock(td, uap->s, &fp, &so);
	if (error != 0)
		return (error);
	sopt.sopt_dir = SOPT_GET;
	sopt.sopt_level = uap->level;
	sopt.sopt_name = uap->name;
	sopt.sopt_val = uap->val;
	sopt.sopt_valsize = valsize;
	sopt.sopt_td = td;
	error = sogetopt(so, &sopt);
	fdrop(fp);
	if (error == 0) {
		valsize = sopt.sopt_valsize;
		error = copyout(&valsize, uap->avalsize, sizeof(valsize));
	}
	return (error);
}

/*
 * getsockname, getpeername
 */

/* The local or the peer's address of fd (M_SONAME, or NULL: none). */
static int
kern_getname(struct thread *td, int fd, struct sockaddr **sap, int peer)
{
	struct socket *so;
	struct file *fp;
	int error;

	*sap = NULL;
	error = getsock(td, fd, &fp, &so);
	if (error != 0)
		return (error);
	if (!peer)
		error = so_pru_sockaddr(so, sap);
	else if (!(atomic_load_int(&so->so_state) &
	    (SS_ISCONNECTED | SS_ISCONFIRMING)))
		error = ENOTCONN;
	else
		error = so_pru_peeraddr(so, sap);
	fdrop(fp);
	if (error != 0 && *sap != NULL) {
		kfree(*sap, M_SONAME);
		*sap = NULL;
	}
	return (error);
}

static int
getname_common(struct thread *td, int fd, struct sockaddr *uasa,
    socklen_t *ualen, int peer)
{
	struct sockaddr *sa;
	socklen_t len;
	int error;

	error = copyin(ualen, &len, sizeof(len));
	if (error != 0)
		return (error);
	error = kern_getname(td, fd, &sa, peer);
	if (error != 0)
		return (error);
	error = sockaddr_copyout(sa, uasa, &len);
	if (sa != NULL)
		kfree(sa, M_SONAME);
	if (error == 0)
		error = copyout(&len, ualen, sizeof(len));
	return (error);
}

int
sys_getsockname(struct thread *td, struct getsockname_args *uap)
{
	return (getname_common(td, uap->fdes, uap->asa, uap->alen, 0));
}

int
sys_getpeername(struct thread *td, struct getpeername_args *uap)
{
	return (getname_common(td, uap->fdes, uap->asa, uap->alen, 1));
}
