/*
 * kern/sys_socket.c: the file operations of a socket descriptor.
 *
 * A DTYPE_SOCKET file (made by socket(), socketpair() and accept() in
 * kern/uipc_syscalls.c) carries its socket in f_data and these
 * operations in f_ops.  They run in user context, in the system call of
 * the process that holds the descriptor (read, write, readv, writev,
 * ioctl, fcntl, poll, select, fstat, close), and reach the socket only
 * through the socket layer's user-context interface (kern/uipc_socket.c,
 * kern/uipc_msg.c): they never touch a [p] field except to read a
 * snapshot, and never call a protocol handler.
 *
 *   soo_read/soo_write  soreceive()/sosend() on the uio.  Non-blocking
 *	mode is SS_NBIO in so_ustate, which FIONBIO keeps equal to the
 *	file's FNONBLOCK: kern_ioctl() and fcntl(F_SETFL) update f_flag
 *	first, then call fo_ioctl(FIONBIO) (kern/sys_generic.c,
 *	kern/kern_descrip.c).  A write that fails with EPIPE raises SIGPIPE
 *	here unless SO_NOSIGPIPE is set (dofilewrite leaves sockets alone;
 *	sosend never signals, so kernel callers get no signal).
 *   soo_ioctl  the generic file ioctls (FIONBIO, FIOASYNC, FIONREAD,
 *	FIONWRITE, FIONSPACE, FIOSETOWN/FIOGETOWN, which fcntl
 *	F_SETOWN/F_GETOWN arrive as) and SIOCATMARK/SIOCSPGRP/SIOCGPGRP;
 *	anything else is the protocol's, through so_pru_control().
 *   soo_poll   sopoll().
 *   soo_stat   S_IFSOCK, the unread byte count, the send buffer size.
 *   soo_close  soclose(): the descriptor's socket reference goes with
 *	the last reference to the file.
 *
 * Ownership: the file holds one socket reference from finit() until
 * soo_close(); f_data never changes in between.  Counts read here under
 * a sockbuf lock ([r], [s]) are snapshots: they may be stale the moment
 * the lock drops, as for any ioctl.
 */
#include <sys/types.h>
#include <machine/atomic.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/filio.h>
#include <sys/sockio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>

static fo_rdwr_t soo_read;
static fo_rdwr_t soo_write;
static fo_ioctl_t soo_ioctl;
static fo_poll_t soo_poll;
static fo_stat_t soo_stat;
static fo_close_t soo_close;

struct fileops socketops = {
	.fo_read = soo_read,
	.fo_write = soo_write,
	.fo_truncate = invfo_truncate,
	.fo_ioctl = soo_ioctl,
	.fo_poll = soo_poll,
	.fo_stat = soo_stat,
	.fo_close = soo_close,
	.fo_flags = DFLAG_PASSABLE,
};

#define SOCKET_DEV	(~(uint64_t)0)	/* st_dev of every socket (NODEV) */

static struct socket *
fp_socket(struct file *fp)
{
	KASSERT(fp->f_type == DTYPE_SOCKET && fp->f_data != NULL,
	    ("file %p is not a socket", fp));
	return (fp->f_data);
}

/*
 * A listening socket has no data: FreeBSD answers EINVAL to the buffer
 * ioctls on it.  SO_ACCEPTCONN is set by solisten() once the protocol
 * agreed, and never cleared.
 */
static int
so_listening(struct socket *so)
{
	return ((atomic_load_int(&so->so_options) & SO_ACCEPTCONN) != 0);
}

static int
soo_read(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	return (soreceive(fp_socket(fp), NULL, uio, NULL, NULL, NULL));
}

static int
soo_write(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	struct socket *so = fp_socket(fp);
	int error;

	error = sosend(so, NULL, uio, NULL, NULL, 0, td);
	if (error == EPIPE && !(so->so_options & SO_NOSIGPIPE) &&
	    td != NULL && td->td_proc != NULL)
		tdsignal(td, SIGPIPE);
	return (error);
}

/* Set or clear one of the user-half bits ([u]: atomic, user context). */
static void
so_ustate_onoff(struct socket *so, u_int bit, int on)
{
	if (on)
		atomic_set_int(&so->so_ustate, bit);
	else
		atomic_clear_int(&so->so_ustate, bit);
}

/*
 * SIOCATMARK: the reader has consumed exactly the bytes before the mark
 * (design section 2: the mark is an absolute index into the receive
 * stream, so_oobmark, compared with the reader's sb_consumed).  A mark of
 * 0 means no urgent data was ever announced.
 */
static int
so_atmark(struct socket *so, int *atmarkp)
{
	struct sockbuf *sb = &so->so_rcv;
	int atmark;

	if (so_listening(so))
		return (EINVAL);
	SOCKBUF_LOCK(sb);
	atmark = (sb->sb_state & SBS_RCVATMARK) != 0 ||
	    (so->so_oobmark != 0 && sb->sb_consumed == so->so_oobmark);
	SOCKBUF_UNLOCK(sb);
	*atmarkp = atmark;
	return (0);
}

/* FIONREAD: data bytes waiting to be read, not counting control. */
static int
so_nread(struct socket *so, int *np)
{
	struct sockbuf *sb = &so->so_rcv;

	if (so_listening(so))
		return (EINVAL);
	SOCKBUF_LOCK(sb);
	*np = (int)(sb->sb_cc - sb->sb_ctl);
	SOCKBUF_UNLOCK(sb);
	return (0);
}

/* FIONWRITE: bytes sent but not yet consumed by the receiver. */
static int
so_nwrite(struct socket *so, int *np)
{
	struct sockbuf *sb = &so->so_snd;

	if (so_listening(so))
		return (EINVAL);
	SOCKBUF_LOCK(sb);
	*np = (int)sb->sb_cc;
	SOCKBUF_UNLOCK(sb);
	return (0);
}

/* FIONSPACE: room left in the send buffer (0 when it is overcommitted). */
static int
so_nspace(struct socket *so, int *np)
{
	struct sockbuf *sb = &so->so_snd;
	long space;

	if (so_listening(so))
		return (EINVAL);
	SOCKBUF_LOCK(sb);
	space = sbspace(sb);
	SOCKBUF_UNLOCK(sb);
	*np = space > 0 ? (int)space : 0;
	return (0);
}

static int
soo_ioctl(struct file *fp, u_long com, void *data, struct thread *td)
{
	struct socket *so = fp_socket(fp);

	switch (com) {
	case FIONBIO:
		so_ustate_onoff(so, SS_NBIO, *(int *)data);
		return (0);
	case FIOASYNC:
		so_ustate_onoff(so, SS_ASYNC, *(int *)data);
		return (0);
	case FIONREAD:
		return (so_nread(so, data));
	case FIONWRITE:
		return (so_nwrite(so, data));
	case FIONSPACE:
		return (so_nspace(so, data));
	case FIOSETOWN:
		return (sofsetown(so, *(int *)data));
	case FIOGETOWN:
		*(int *)data = atomic_load_int(&so->so_sigio);
		return (0);
	case SIOCSPGRP:
		return (sofsetown(so, -*(int *)data));
	case SIOCGPGRP:
		*(int *)data = -atomic_load_int(&so->so_sigio);
		return (0);
	case SIOCATMARK:
		return (so_atmark(so, data));
	}
	if (so->so_proto->pr_usrreqs->pru_control == NULL)
		return (EOPNOTSUPP);
	return (so_pru_control(so, com, data));
}

static int
soo_poll(struct file *fp, int events, struct thread *td)
{
	return (sopoll(fp_socket(fp), events, td));
}

/*
 * FreeBSD's answer: a socket reads as readable until it is shut down for
 * reading with nothing left to read, writable until its send side is
 * shut down; st_size is the unread data.  A listener shows only
 * S_IFSOCK.
 */
static int
soo_stat(struct file *fp, struct stat *sb, struct thread *td)
{
	struct socket *so = fp_socket(fp);
	struct sockbuf *rcv = &so->so_rcv, *snd = &so->so_snd;

	memset(sb, 0, sizeof(*sb));
	sb->st_mode = S_IFSOCK;
	sb->st_uid = so->so_cred.cr_uid;
	sb->st_gid = so->so_cred.cr_gid;
	sb->st_dev = SOCKET_DEV;
	sb->st_ino = so->so_gen;
	sb->st_blksize = snd->sb_hiwat;
	if (so_listening(so))
		return (0);
	SOCKBUF_LOCK(rcv);
	if (!(rcv->sb_state & SBS_CANTRCVMORE) || rcv->sb_cc > rcv->sb_ctl)
		sb->st_mode |= S_IRUSR | S_IRGRP | S_IROTH;
	sb->st_size = rcv->sb_cc - rcv->sb_ctl;
	SOCKBUF_UNLOCK(rcv);
	SOCKBUF_LOCK(snd);
	if (!(snd->sb_state & SBS_CANTSENDMORE))
		sb->st_mode |= S_IWUSR | S_IWGRP | S_IWOTH;
	SOCKBUF_UNLOCK(snd);
	return (0);
}

static int
soo_close(struct file *fp, struct thread *td)
{
	struct socket *so = fp->f_data;

	fp->f_data = NULL;
	if (so == NULL)
		return (0);
	return (soclose(so));
}
