/*
 * kern/sys_pipe.c: pipes.
 *
 * Entry points: sys_pipe2 (pipe2(2); libc's pipe() is pipe2(fds, 0)),
 * kern_pipe (kernel callers), pipe_pair_files (ktests: two unattached
 * files), and the pipe fileops reached through read/write/poll/ioctl/
 * fstat/close on a descriptor.
 *
 * A pipe is a pair of ends; like FreeBSD's, each end can read and write:
 * bytes written to one end are read from the other.  Each end owns the
 * buffer it is read from (a 16 KiB ring, allocated on the first write),
 * so a write to end A goes into A's peer's buffer.
 *
 * Locking.  One spinlock per pair, pp_spin (SPINRANK_PIPE), protects
 * every field marked [p].  Data is never copied under it: a reader takes
 * the end's read I/O lock (PIPE_RLOCK, a flag slept on under pp_spin)
 * and a writer the target buffer's write I/O lock (PIPE_WLOCK), then
 * copies with pp_spin dropped.  With one reader and one writer per buffer
 * the ring is single-producer/single-consumer: the reader owns pb_out and
 * the bytes [out, out+cnt), the writer owns pb_in and the free bytes;
 * pb_cnt changes only under pp_spin.
 *
 * Atomicity.  Writers copy one at a time (the write I/O lock), and a
 * write of at most PIPE_BUF bytes waits until the whole of it fits
 * before copying anything (POSIX), so it is never split; a non-blocking
 * one either writes everything or fails with EAGAIN.  Larger writes may
 * interleave with others at the points where they wait for room, as
 * POSIX allows; the I/O locks are dropped while waiting.
 *
 * End of file and EPIPE.  Closing an end sets PIPE_GONE on it and
 * PIPE_EOF on its peer, and wakes everyone: the peer's readers see EOF
 * once its buffer is empty, the peer's writers get EPIPE (and SIGPIPE,
 * sent by dofilewrite).  The second close frees the pair.
 *
 * Poll.  An end is readable when its buffer holds data or the peer is
 * gone (then POLLHUP too); writable when the peer's buffer has room for
 * PIPE_BUF bytes or the peer is gone (a write then fails with EPIPE).
 * Waiters record on the polled end's pipe_sel; whoever adds data to a
 * buffer wakes that end's pipe_sel, whoever frees space wakes the
 * peer's.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/spinlock.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/poll.h>
#include <sys/selinfo.h>
#include <sys/pipe.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/sysctl.h>
#include <sys/vnode.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>

static MALLOC_DEFINE(M_PIPE, "pipe", "pipe structures");
static MALLOC_DEFINE(M_PIPEBUF, "pipebuf", "pipe buffers");

/*
 * Ownership key: [p] pp_spin; [I] set at creation; [r] the reader holding
 * PIPE_RLOCK of the end; [w] the writer holding PIPE_WLOCK of the end.
 */
struct pipebuf {
	char		*pb_buf;	/* [p] NULL until the first write */
	u_int		pb_size;	/* [I] */
	u_int		pb_in;		/* [w] writer: next byte to fill */
	u_int		pb_out;		/* [r] reader: next to read */
	u_int		pb_cnt;		/* [p] bytes in the ring */
};

struct pipepair;
struct pipe {
	struct pipebuf	pipe_buffer;	/* what this end reads */
	struct selinfo	pipe_sel;	/* pollers of this end */
	struct pipe	*pipe_peer;	/* [I] */
	struct pipepair	*pipe_pair;	/* [I] */
	int		pipe_state;	/* [p] PIPE_* */
	int		pipe_sigio;	/* [p] FIOSETOWN pid, 0: none */
	uint64_t	pipe_ino;	/* [I] */
	struct timespec	pipe_ctime;	/* [I] */
};
#define PIPE_EOF	0x0001	/* the peer is closed: no more data */
#define PIPE_GONE	0x0002	/* this end is closed */
#define PIPE_RLOCK	0x0004	/* a reader of this end's buffer */
#define PIPE_WLOCK	0x0008	/* a writer into this end's buffer */
#define PIPE_LWANT	0x0010	/* someone waits for an I/O lock */
#define PIPE_WANTR	0x0020	/* a reader waits for data */
#define PIPE_WANTW	0x0040	/* a writer waits for room */
#define PIPE_ASYNC	0x0080	/* FIOASYNC: SIGIO on new data */

struct pipepair {
	struct spinlock	pp_spin;
	struct pipe	pp_end[2];
};

static int pipe_nbufs;			/* [a] buffers allocated */
SYSCTL_INT(_kern_ipc, OID_AUTO, pipebuffers, CTLFLAG_RD, &pipe_nbufs, 0,
    "Pipe buffers in use");
static uint64_t pipe_ino_next = 1;	/* [a] */
#define PIPE_DEV	0xfffffffeUL	/* st_dev of every pipe */

static fo_rdwr_t pipe_read;
static fo_rdwr_t pipe_write;
static fo_ioctl_t pipe_ioctl;
static fo_poll_t pipe_poll;
static fo_stat_t pipe_stat;
static fo_close_t pipe_close;

static struct fileops pipeops = {
	.fo_read = pipe_read,
	.fo_write = pipe_write,
	.fo_truncate = invfo_truncate,
	.fo_ioctl = pipe_ioctl,
	.fo_poll = pipe_poll,
	.fo_stat = pipe_stat,
	.fo_close = pipe_close,
	.fo_flags = DFLAG_PASSABLE,
};

#define PIPE_LOCK(p)	spin_lock(&(p)->pipe_pair->pp_spin)
#define PIPE_UNLOCK(p)	spin_unlock(&(p)->pipe_pair->pp_spin)
#define PIPE_LOCK_ASSERT(p) SPIN_LOCK_ASSERT(&(p)->pipe_pair->pp_spin)

static struct pipepair *
pipepair_alloc(void)
{
	struct pipepair *pp;
	struct timespec now;

	pp = kmalloc(sizeof(*pp), M_PIPE, M_WAITOK | M_ZERO);
	spin_init(&pp->pp_spin, "pipe", SPINRANK_PIPE);
	vfs_timestamp(&now);
	for (int i = 0; i < 2; i++) {
		struct pipe *p = &pp->pp_end[i];

		p->pipe_peer = &pp->pp_end[1 - i];
		p->pipe_pair = pp;
		p->pipe_buffer.pb_size = PIPE_SIZE;
		p->pipe_ino = atomic_fetchadd_long(&pipe_ino_next, 1);
		p->pipe_ctime = now;
	}
	return (pp);
}

static void
pipepair_free(struct pipepair *pp)
{
	for (int i = 0; i < 2; i++) {
		struct pipe *p = &pp->pp_end[i];

		seldrain(&p->pipe_sel);
		if (p->pipe_buffer.pb_buf != NULL) {
			kfree(p->pipe_buffer.pb_buf, M_PIPEBUF);
			atomic_subtract_int(&pipe_nbufs, 1);
		}
	}
	kfree(pp, M_PIPE);
}

/*
 * I/O locks: PIPE_RLOCK/PIPE_WLOCK on the end whose buffer is used.
 * Called and returns with pp_spin held; may sleep (PCATCH).  They are
 * held only while bytes are copied, never while waiting for data or
 * room, so even a non-blocking caller waits for them: the wait is short.
 */
static int
pipe_iolock(struct pipe *p, int which)
{
	int error;

	PIPE_LOCK_ASSERT(p);
	while (p->pipe_state & which) {
		p->pipe_state |= PIPE_LWANT;
		error = ssleep(&p->pipe_state, &p->pipe_pair->pp_spin, PCATCH,
		    "pipelk", 0);
		if (error != 0)
			return (error);
	}
	p->pipe_state |= which;
	return (0);
}

static void
pipe_iounlock(struct pipe *p, int which)
{
	PIPE_LOCK_ASSERT(p);
	KASSERT(p->pipe_state & which, ("pipe I/O lock %#x not held", which));
	p->pipe_state &= ~which;
	if (p->pipe_state & PIPE_LWANT) {
		p->pipe_state &= ~PIPE_LWANT;
		wakeup(&p->pipe_state);
	}
}

static void
pipe_sigio(struct pipe *p)
{
	struct proc *target;
	int pid;

	pid = __atomic_load_n(&p->pipe_sigio, __ATOMIC_RELAXED);
	if (!(__atomic_load_n(&p->pipe_state, __ATOMIC_RELAXED) & PIPE_ASYNC)
	    || pid <= 0)
		return;
	target = pfind(pid);
	if (target != NULL)
		psignal(target, SIGIO);
}

/*
 * Read from rp's buffer.  Returns as soon as some bytes were read; waits
 * only while nothing has been read, the buffer is empty and the peer is
 * still open.
 */
static int
pipe_read(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	struct pipe *rp = fp->f_data;
	struct pipebuf *pb = &rp->pipe_buffer;
	int nonblock = (fp->f_flag & FNONBLOCK) != 0;
	int error, nread = 0;
	u_int n;

	PIPE_LOCK(rp);
	error = pipe_iolock(rp, PIPE_RLOCK);
	if (error != 0)
		goto out;
	while (uio->uio_resid > 0) {
		if (pb->pb_cnt > 0) {
			n = MIN(pb->pb_cnt, pb->pb_size - pb->pb_out);
			n = MIN(n, (u_int)MIN(uio->uio_resid, (ssize_t)n));
			PIPE_UNLOCK(rp);
			error = uiomove(pb->pb_buf + pb->pb_out, n, uio);
			PIPE_LOCK(rp);
			if (error != 0)
				break;
			pb->pb_out = (pb->pb_out + n) % pb->pb_size;
			pb->pb_cnt -= n;
			nread += n;
			if (rp->pipe_state & PIPE_WANTW) {
				rp->pipe_state &= ~PIPE_WANTW;
				wakeup(pb);
			}
			continue;
		}
		if (nread > 0 || (rp->pipe_state & PIPE_EOF))
			break;
		if (nonblock) {
			error = EAGAIN;
			break;
		}
		/* Wait for data without the I/O lock (see pipe_iolock). */
		rp->pipe_state |= PIPE_WANTR;
		pipe_iounlock(rp, PIPE_RLOCK);
		error = ssleep(&pb->pb_cnt, &rp->pipe_pair->pp_spin, PCATCH,
		    "piperd", 0);
		if (error == 0)
			error = pipe_iolock(rp, PIPE_RLOCK);
		if (error != 0)
			goto out;
	}
	pipe_iounlock(rp, PIPE_RLOCK);
out:
	PIPE_UNLOCK(rp);
	if (nread > 0)
		selwakeup(&rp->pipe_peer->pipe_sel);	/* room to write */
	return (error);
}

/* Make sure tp has its buffer; pp_spin held, may be dropped. */
static void
pipe_getbuf(struct pipe *tp)
{
	char *buf;

	if (tp->pipe_buffer.pb_buf != NULL)
		return;
	PIPE_UNLOCK(tp);
	buf = kmalloc(tp->pipe_buffer.pb_size, M_PIPEBUF, M_WAITOK);
	PIPE_LOCK(tp);
	if (tp->pipe_buffer.pb_buf == NULL) {
		tp->pipe_buffer.pb_buf = buf;
		atomic_add_int(&pipe_nbufs, 1);
		buf = NULL;
	}
	if (buf != NULL) {
		PIPE_UNLOCK(tp);
		kfree(buf, M_PIPEBUF);
		PIPE_LOCK(tp);
	}
}

/* Bytes a writer may put in pb now, given the whole write's size. */
static u_int
pipe_room(struct pipebuf *pb, ssize_t total, ssize_t left)
{
	u_int space = pb->pb_size - pb->pb_cnt;

	if (total <= PIPE_BUF && space < (u_int)left)
		return (0);		/* small writes go in whole */
	return (space);
}

static int
pipe_write(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	struct pipe *wp = fp->f_data, *tp = wp->pipe_peer;
	struct pipebuf *pb = &tp->pipe_buffer;
	int nonblock = (fp->f_flag & FNONBLOCK) != 0;
	ssize_t total = uio->uio_resid;
	int error, wrote = 0, unannounced = 0;
	u_int n, space;

	PIPE_LOCK(tp);
	if ((tp->pipe_state & PIPE_GONE) || (wp->pipe_state & PIPE_EOF)) {
		PIPE_UNLOCK(tp);
		return (EPIPE);
	}
	error = pipe_iolock(tp, PIPE_WLOCK);
	if (error != 0)
		goto out;
	pipe_getbuf(tp);
	while (uio->uio_resid > 0) {
		if (tp->pipe_state & PIPE_GONE) {
			error = EPIPE;
			break;
		}
		space = pipe_room(pb, total, uio->uio_resid);
		if (space > 0) {
			n = pb->pb_size - pb->pb_in;	/* to the end */
			n = MIN(n, space);
			n = (u_int)MIN((ssize_t)n, uio->uio_resid);
			PIPE_UNLOCK(tp);
			error = uiomove(pb->pb_buf + pb->pb_in, n, uio);
			PIPE_LOCK(tp);
			if (error != 0)
				break;
			pb->pb_in = (pb->pb_in + n) % pb->pb_size;
			pb->pb_cnt += n;
			wrote = unannounced = 1;
			if (tp->pipe_state & PIPE_WANTR) {
				tp->pipe_state &= ~PIPE_WANTR;
				wakeup(&pb->pb_cnt);
			}
			continue;
		}
		if (nonblock) {
			error = EAGAIN;
			break;
		}
		/*
		 * Pollers of the reading end must hear about what we wrote
		 * before we wait for them to make room; then look again.
		 */
		if (unannounced) {
			unannounced = 0;
			PIPE_UNLOCK(tp);
			selwakeup(&tp->pipe_sel);
			PIPE_LOCK(tp);
			continue;
		}
		tp->pipe_state |= PIPE_WANTW;
		pipe_iounlock(tp, PIPE_WLOCK);
		error = ssleep(pb, &tp->pipe_pair->pp_spin, PCATCH, "pipewr",
		    0);
		if (error == 0)
			error = pipe_iolock(tp, PIPE_WLOCK);
		if (error != 0)
			goto out;
	}
	pipe_iounlock(tp, PIPE_WLOCK);
out:
	PIPE_UNLOCK(tp);
	if (wrote) {
		selwakeup(&tp->pipe_sel);
		pipe_sigio(tp);
	}
	return (error);
}

static int
pipe_ioctl(struct file *fp, u_long com, void *data, struct thread *td)
{
	struct pipe *rp = fp->f_data;
	int error = 0;

	PIPE_LOCK(rp);
	switch (com) {
	case FIONBIO:
		break;
	case FIOASYNC:
		if (*(int *)data)
			rp->pipe_state |= PIPE_ASYNC;
		else
			rp->pipe_state &= ~PIPE_ASYNC;
		break;
	case FIONREAD:
		*(int *)data = (int)rp->pipe_buffer.pb_cnt;
		break;
	case FIOSETOWN:
		rp->pipe_sigio = *(int *)data;
		break;
	case FIOGETOWN:
		*(int *)data = rp->pipe_sigio;
		break;
	default:
		error = ENOTTY;
		break;
	}
	PIPE_UNLOCK(rp);
	return (error);
}

static int
pipe_poll(struct file *fp, int events, struct thread *td)
{
	struct pipe *rp = fp->f_data, *wp = rp->pipe_peer;
	int revents = 0;

	PIPE_LOCK(rp);
	if ((fp->f_flag & FREAD) && (events & (POLLIN | POLLRDNORM)) &&
	    (rp->pipe_buffer.pb_cnt > 0 || (rp->pipe_state & PIPE_EOF)))
		revents |= events & (POLLIN | POLLRDNORM);
	if ((fp->f_flag & FWRITE) && (events & (POLLOUT | POLLWRNORM)) &&
	    ((wp->pipe_state & PIPE_GONE) ||
	    wp->pipe_buffer.pb_size - wp->pipe_buffer.pb_cnt >= PIPE_BUF))
		revents |= events & (POLLOUT | POLLWRNORM);
	if (rp->pipe_state & PIPE_EOF)
		revents |= POLLHUP;
	if (revents == 0)
		selrecord(td, &rp->pipe_sel);
	PIPE_UNLOCK(rp);
	return (revents);
}

static int
pipe_stat(struct file *fp, struct stat *sb, struct thread *td)
{
	struct pipe *rp = fp->f_data;

	memset(sb, 0, sizeof(*sb));
	PIPE_LOCK(rp);
	sb->st_size = rp->pipe_buffer.pb_cnt;
	PIPE_UNLOCK(rp);
	sb->st_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	sb->st_blksize = PAGE_SIZE;
	sb->st_blocks = howmany(sb->st_size, 512);
	sb->st_ino = rp->pipe_ino;
	sb->st_dev = PIPE_DEV;
	sb->st_nlink = 1;
	if (td != NULL && td->td_proc != NULL) {
		sb->st_uid = td->td_proc->p_ucred.cr_uid;
		sb->st_gid = td->td_proc->p_ucred.cr_gid;
	}
	sb->st_atim = sb->st_mtim = sb->st_ctim = sb->st_birthtim =
	    rp->pipe_ctime;
	return (0);
}

static int
pipe_close(struct file *fp, struct thread *td)
{
	struct pipe *p = fp->f_data, *peer = p->pipe_peer;
	struct pipepair *pp = p->pipe_pair;
	int last;

	spin_lock(&pp->pp_spin);
	KASSERT(!(p->pipe_state & PIPE_GONE), ("pipe end closed twice"));
	p->pipe_state |= PIPE_GONE;
	peer->pipe_state |= PIPE_EOF;
	last = (peer->pipe_state & PIPE_GONE) != 0;
	/* Wake the peer's readers (EOF) and writers into us (EPIPE). */
	wakeup(&peer->pipe_buffer.pb_cnt);
	wakeup(&p->pipe_buffer);
	wakeup(&p->pipe_state);
	spin_unlock(&pp->pp_spin);
	seldrain(&p->pipe_sel);
	if (last)
		pipepair_free(pp);
	else {
		selwakeup(&peer->pipe_sel);
		pipe_sigio(peer);
	}
	return (0);
}

/*
 * Creation.
 */
int
pipe_pair_files(struct thread *td, struct file *fps[2], int flags)
{
	struct pipepair *pp;
	u_int fflag = FREAD | FWRITE;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return (EINVAL);
	if (flags & O_NONBLOCK)
		fflag |= FNONBLOCK;
	pp = pipepair_alloc();
	falloc_noinstall(td, &fps[0]);
	falloc_noinstall(td, &fps[1]);
	finit(fps[0], fflag, DTYPE_PIPE, &pp->pp_end[0], &pipeops);
	finit(fps[1], fflag, DTYPE_PIPE, &pp->pp_end[1], &pipeops);
	return (0);
}

int
kern_pipe(struct thread *td, int fildes[2], int flags)
{
	struct file *fps[2];
	int error;

	error = pipe_pair_files(td, fps, flags);
	if (error != 0)
		return (error);
	error = finstall(td, fps[0], &fildes[0], flags);
	if (error == 0) {
		error = finstall(td, fps[1], &fildes[1], flags);
		if (error != 0)
			fdclose(td, fps[0], fildes[0]);
	}
	fdrop(fps[0]);
	fdrop(fps[1]);
	return (error);
}

int
sys_pipe2(struct thread *td, struct pipe2_args *uap)
{
	int fildes[2], error;

	error = kern_pipe(td, fildes, uap->flags);
	if (error != 0)
		return (error);
	error = copyout(fildes, uap->fildes, sizeof(fildes));
	if (error != 0) {
		(void)kern_close(td, fildes[0]);
		(void)kern_close(td, fildes[1]);
	}
	return (error);
}
