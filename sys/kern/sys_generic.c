/*
 * kern/sys_generic.c: the system calls that work on any descriptor:
 * read, write, readv, writev, pread, pwrite, preadv, pwritev, ioctl,
 * select, poll; uiomove; and the selinfo wait mechanism behind select and
 * poll.  Callers: the system-call table (init_sysent.c); uiomove from
 * every file type; selrecord/selwakeup/seldrain from every pollable
 * object (pipes, the console, sockets).
 *
 * Theory of select and poll
 * -------------------------
 * A thread in poll() owns a struct seltd for the duration of the call
 * (td_sel points at it, nothing else does).  It holds a fixed array of
 * records (struct selfd), two per polled descriptor, allocated before the
 * scan so that selrecord(), which runs under the polled object's
 * spinlock, never allocates.  One round is:
 *
 *   1. clear the previous round's records, then clear SELTD_PENDING;
 *   2. scan: fo_poll() on every descriptor; an object that is not ready
 *      calls selrecord(), which links a record onto its selinfo, under
 *      the object's own lock;
 *   3. something ready, or no time left: return;
 *   4. sleep on the seltd, unless SELTD_PENDING is already set (checked
 *      and slept on under st_spin), then go to 1.
 *
 * A waker changes the object's state under the object's lock and then
 * calls selwakeup(), which unlinks every record on the selinfo, sets
 * SELTD_PENDING in each record's seltd and wakes its thread:
 *
 *   poller                               waker
 *   lock obj; not ready; selrecord; unlock
 *                                        lock obj; make ready; unlock
 *                                        selwakeup: record found,
 *                                        PENDING set, wakeup(st)
 *   lock st; PENDING set -> no sleep
 *
 * The record is linked before the poller drops the object lock and the
 * waker takes that lock before it looks, so it always finds the record;
 * PENDING covers the window before the poller sleeps: no lost wakeups.
 *
 * Record lifetime.  Records live in a selinfo's list under a pool
 * spinlock chosen by hashing the selinfo's address (selpool, after
 * FreeBSD's mutex pool): the lock outlives any one object.  A record
 * leaves the list either by a waker (selwakeup, seldrain: sf_si set to
 * NULL) or by its poller in step 1 and at the end of the call, each
 * under the pool lock, and the seltd is touched by a waker only while
 * the waker holds that lock.  So when the poller has cleared all its
 * records no waker can still reach the seltd, and it is freed: nothing
 * dangles when the call returns or the thread exits.  An object that
 * dies calls seldrain() first, which unlinks its records the same way.
 *
 * If the records run out (a descriptor whose object records more than
 * twice), the poller sleeps in one-tick steps instead of missing events.
 *
 * Lock order: the object's lock (pipe, sockbuf, tty) < the pool lock
 * (SPINRANK_SELPOOL) < st_spin (SPINRANK_SELTD) < sleep queues.
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
#include <sys/ioccom.h>
#include <sys/uio.h>
#include <sys/poll.h>
#include <sys/select.h>
#include <sys/selinfo.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>
#include <machine/md_var.h>

MALLOC_DEFINE(M_IOV, "iov", "I/O vectors");	/* copyinuio() */
static MALLOC_DEFINE(M_SELECT, "select", "select/poll records");
static MALLOC_DEFINE(M_IOCTLOPS, "ioctlops", "ioctl argument buffers");

#define SSIZE_MAX_K	0x7fffffffffffffffL

/*
 * uio
 */
int
uiomove(void *kbuf, size_t n, struct uio *uio)
{
	char *cp = kbuf;
	int error = 0;

	KASSERT(uio->uio_rw == UIO_READ || uio->uio_rw == UIO_WRITE,
	    ("uiomove: bad direction"));
	while (n > 0 && uio->uio_resid > 0 && error == 0) {
		struct iovec *iov = uio->uio_iov;
		size_t cnt = iov->iov_len;

		if (cnt == 0) {
			KASSERT(uio->uio_iovcnt > 0, ("uiomove: no iovecs"));
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		if (cnt > n)
			cnt = n;
		if (uio->uio_segflg == UIO_USERSPACE) {
			if (uio->uio_rw == UIO_READ)
				error = copyout(cp, iov->iov_base, cnt);
			else
				error = copyin(iov->iov_base, cp, cnt);
			if (error != 0)
				break;
		} else if (uio->uio_rw == UIO_READ) {
			memcpy(iov->iov_base, cp, cnt);
		} else {
			memcpy(cp, iov->iov_base, cnt);
		}
		iov->iov_base = (char *)iov->iov_base + cnt;
		iov->iov_len -= cnt;
		uio->uio_resid -= cnt;
		uio->uio_offset += cnt;
		cp += cnt;
		n -= cnt;
	}
	return (error);
}

int
uiomove_frombuf(void *buf, size_t buflen, struct uio *uio)
{
	size_t offset;

	if (uio->uio_offset < 0 || uio->uio_resid < 0)
		return (EINVAL);
	offset = (size_t)uio->uio_offset;
	if (offset >= buflen)
		return (0);
	return (uiomove((char *)buf + offset, buflen - offset, uio));
}

void
uio_init_kernel(struct uio *uio, struct iovec *iov, void *buf, size_t len,
    off_t off, enum uio_rw rw)
{
	iov->iov_base = buf;
	iov->iov_len = len;
	uio->uio_iov = iov;
	uio->uio_iovcnt = 1;
	uio->uio_offset = off;
	uio->uio_resid = len;
	uio->uio_segflg = UIO_SYSSPACE;
	uio->uio_rw = rw;
	uio->uio_td = NULL;
}

int
copyinuio(const struct iovec *iovp, u_int iovcnt, struct uio **uiop)
{
	struct uio *uio;
	struct iovec *iov;
	size_t resid = 0;
	int error;

	if (iovcnt > UIO_MAXIOV)
		return (EINVAL);
	uio = kmalloc(sizeof(*uio) + iovcnt * sizeof(*iov), M_IOV, M_WAITOK);
	iov = (struct iovec *)(uio + 1);
	error = copyin(iovp, iov, iovcnt * sizeof(*iov));
	if (error != 0) {
		kfree(uio, M_IOV);
		return (error);
	}
	for (u_int i = 0; i < iovcnt; i++) {
		if (iov[i].iov_len > (size_t)SSIZE_MAX_K - resid) {
			kfree(uio, M_IOV);
			return (EINVAL);
		}
		resid += iov[i].iov_len;
	}
	uio->uio_iov = iov;
	uio->uio_iovcnt = iovcnt;
	uio->uio_offset = -1;
	uio->uio_resid = resid;
	uio->uio_segflg = UIO_USERSPACE;
	uio->uio_rw = UIO_READ;
	uio->uio_td = curthread;
	*uiop = uio;
	return (0);
}

/*
 * read and write
 */
static int
file_check_offset(struct file *fp, off_t offset)
{
	if (!(fp->f_ops->fo_flags & DFLAG_SEEKABLE))
		return (ESPIPE);
	if (offset < 0 && fp->f_type == DTYPE_VNODE)
		return (EINVAL);
	return (0);
}

/*
 * A transfer cut short by a signal or a non-blocking stop after some
 * bytes moved reports the bytes, not the error.
 */
static int
partial_ok(int error, ssize_t before, struct uio *uio)
{
	if (error != 0 && uio->uio_resid != before &&
	    (error == ERESTART || error == EINTR || error == EWOULDBLOCK))
		return (0);
	return (error);
}


static int
dofileread(struct thread *td, struct file *fp, struct uio *uio, off_t off,
    int flags)
{
	ssize_t cnt = uio->uio_resid;
	int error;

	if (!(fp->f_flag & FREAD))
		return (EBADF);
	if (flags & FOF_OFFSET) {
		error = file_check_offset(fp, off);
		if (error != 0)
			return (error);
		uio->uio_offset = off;
	}
	uio->uio_rw = UIO_READ;
	uio->uio_td = td;
	error = partial_ok(fo_read(fp, uio, flags, td), cnt, uio);
	td->td_retval[0] = cnt - uio->uio_resid;
	return (error);
}

static int
dofilewrite(struct thread *td, struct file *fp, struct uio *uio, off_t off,
    int flags)
{
	ssize_t cnt = uio->uio_resid;
	int error;

	if (!(fp->f_flag & FWRITE))
		return (EBADF);
	if (flags & FOF_OFFSET) {
		error = file_check_offset(fp, off);
		if (error != 0)
			return (error);
		uio->uio_offset = off;
	}
	uio->uio_rw = UIO_WRITE;
	uio->uio_td = td;
	error = partial_ok(fo_write(fp, uio, flags, td), cnt, uio);
	/* Sockets send SIGPIPE themselves (SO_NOSIGPIPE, MSG_NOSIGNAL). */
	if (error == EPIPE && fp->f_type != DTYPE_SOCKET &&
	    td->td_proc != NULL)
		tdsignal(td, SIGPIPE);
	td->td_retval[0] = cnt - uio->uio_resid;
	return (error);
}

static int
kern_rw(struct thread *td, int fd, struct uio *uio, off_t off, int flags,
    int write)
{
	struct file *fp;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (write)
		error = dofilewrite(td, fp, uio, off, flags);
	else
		error = dofileread(td, fp, uio, off, flags);
	fdrop(fp);
	return (error);
}

int
kern_readv(struct thread *td, int fd, struct uio *uio)
{
	return (kern_rw(td, fd, uio, 0, 0, 0));
}

int
kern_preadv(struct thread *td, int fd, struct uio *uio, off_t off)
{
	return (kern_rw(td, fd, uio, off, FOF_OFFSET, 0));
}

int
kern_writev(struct thread *td, int fd, struct uio *uio)
{
	return (kern_rw(td, fd, uio, 0, 0, 1));
}

int
kern_pwritev(struct thread *td, int fd, struct uio *uio, off_t off)
{
	return (kern_rw(td, fd, uio, off, FOF_OFFSET, 1));
}

static int
user_rw1(struct thread *td, int fd, void *buf, size_t len, off_t off,
    int flags, int write)
{
	struct uio uio;
	struct iovec iov;

	if (len > (size_t)SSIZE_MAX_K)
		return (EINVAL);
	uio_init_kernel(&uio, &iov, buf, len, 0, write ? UIO_WRITE : UIO_READ);
	uio.uio_segflg = UIO_USERSPACE;
	return (kern_rw(td, fd, &uio, off, flags, write));
}

static int
user_rwv(struct thread *td, int fd, const struct iovec *iovp, u_int iovcnt,
    off_t off, int flags, int write)
{
	struct uio *uio;
	int error;

	error = copyinuio(iovp, iovcnt, &uio);
	if (error != 0)
		return (error);
	error = kern_rw(td, fd, uio, off, flags, write);
	kfree(uio, M_IOV);
	return (error);
}

int
sys_read(struct thread *td, struct read_args *uap)
{
	return (user_rw1(td, uap->fd, uap->buf, uap->nbyte, 0, 0, 0));
}

int
sys_write(struct thread *td, struct write_args *uap)
{
	return (user_rw1(td, uap->fd, (void *)(uintptr_t)uap->buf,
	    uap->nbyte, 0, 0, 1));
}

int
sys_pread(struct thread *td, struct pread_args *uap)
{
	return (user_rw1(td, uap->fd, uap->buf, uap->nbyte, uap->offset,
	    FOF_OFFSET, 0));
}

int
sys_pwrite(struct thread *td, struct pwrite_args *uap)
{
	return (user_rw1(td, uap->fd, (void *)(uintptr_t)uap->buf,
	    uap->nbyte, uap->offset, FOF_OFFSET, 1));
}

int
sys_readv(struct thread *td, struct readv_args *uap)
{
	return (user_rwv(td, uap->fd, uap->iovp, uap->iovcnt, 0, 0, 0));
}

int
sys_writev(struct thread *td, struct writev_args *uap)
{
	return (user_rwv(td, uap->fd, uap->iovp, uap->iovcnt, 0, 0, 1));
}

int
sys_preadv(struct thread *td, struct preadv_args *uap)
{
	return (user_rwv(td, uap->fd, uap->iovp, uap->iovcnt, uap->offset,
	    FOF_OFFSET, 0));
}

int
sys_pwritev(struct thread *td, struct pwritev_args *uap)
{
	return (user_rwv(td, uap->fd, uap->iovp, uap->iovcnt, uap->offset,
	    FOF_OFFSET, 1));
}

/*
 * ioctl
 */

int
kern_ioctl(struct thread *td, int fd, u_long com, void *data)
{
	struct file *fp;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if ((fp->f_flag & (FREAD | FWRITE)) == 0) {
		fdrop(fp);
		return (EBADF);
	}
	switch (com) {
	case FIOCLEX:
		error = fdsetflags(td, fd, UF_EXCLOSE, 0);
		break;
	case FIONCLEX:
		error = fdsetflags(td, fd, 0, UF_EXCLOSE);
		break;
	case FIONBIO:
		if (*(int *)data)
			atomic_set_int(&fp->f_flag, FNONBLOCK);
		else
			atomic_clear_int(&fp->f_flag, FNONBLOCK);
		error = fo_ioctl(fp, FIONBIO, data, td);
		break;
	case FIOASYNC:
		if (*(int *)data)
			atomic_set_int(&fp->f_flag, FASYNC);
		else
			atomic_clear_int(&fp->f_flag, FASYNC);
		error = fo_ioctl(fp, FIOASYNC, data, td);
		break;
	default:
		error = fo_ioctl(fp, com, data, td);
		break;
	}
	fdrop(fp);
	return (error);
}

int
sys_ioctl(struct thread *td, struct ioctl_args *uap)
{
	u_long com = uap->com & 0xffffffffUL;
	u_int size = IOCPARM_LEN(com);
	char small[128] __aligned(8);
	void *data = NULL;
	int arg, error;

	if (size > IOCPARM_MAX ||
	    (com & (IOC_VOID | IOC_IN | IOC_OUT)) == 0 ||
	    ((com & IOC_VOID) && size > 0 && size != sizeof(int)))
		return (ENOTTY);
	if (com & IOC_VOID) {
		/* The argument is the value itself (or nothing). */
		arg = (int)(intptr_t)uap->data;
		data = &arg;
	} else if (size > 0) {
		data = size <= sizeof(small) ? small :
		    kmalloc(size, M_IOCTLOPS, M_WAITOK);
		if (com & IOC_IN)
			error = copyin(uap->data, data, size);
		else {
			memset(data, 0, size);
			error = 0;
		}
		if (error != 0)
			goto out;
	} else {
		data = &arg;
		arg = 0;
	}
	error = kern_ioctl(td, uap->fd, com, data);
	if (error == 0 && (com & IOC_OUT) && size > 0)
		error = copyout(data, uap->data, size);
out:
	if (data != NULL && data != small && data != &arg)
		kfree(data, M_IOCTLOPS);
	return (error);
}

/*
 * selinfo records
 */
#define SELPOOL_SIZE	64
static struct spinlock selpool[SELPOOL_SIZE];
static int selpool_ready;

struct seltd;
struct selfd {
	LIST_ENTRY(selfd) sf_link;	/* [P] on sf_si->si_records */
	struct selinfo	*sf_si;		/* [P] NULL: off the list */
	struct spinlock	*sf_lock;	/* [I] sf_si's pool lock */
	struct seltd	*sf_td;		/* [I] */
};

struct seltd {
	struct spinlock	st_spin;
	int		st_flags;	/* [st_spin] SELTD_* */
	int		st_nused;	/* [c] records handed out */
	int		st_nrec;	/* [I] records allocated */
	int		st_overflow;	/* [c] records ran out */
	struct selfd	st_rec[];
};
#define SELTD_PENDING	0x0001

static void
selpool_init(void)
{
	static struct spinlock init_lock = SPINLOCK_INITIALIZER("selpool init",
	    SPINRANK_SELPOOL);

	if (atomic_load_int(&selpool_ready))
		return;
	spin_lock(&init_lock);
	if (!selpool_ready) {
		for (int i = 0; i < SELPOOL_SIZE; i++)
			spin_init(&selpool[i], "selpool", SPINRANK_SELPOOL);
		atomic_store_int(&selpool_ready, 1);
	}
	spin_unlock(&init_lock);
}

static struct spinlock *
selpool_lock(struct selinfo *sip)
{
	uintptr_t h = (uintptr_t)sip;

	h = (h >> 5) ^ (h >> 13);
	return (&selpool[h % SELPOOL_SIZE]);
}

void
selrecord(struct thread *td, struct selinfo *sip)
{
	struct seltd *st = td->td_sel;
	struct selfd *sf;

	if (st == NULL)
		return;			/* not in poll/select */
	if (st->st_nused == st->st_nrec) {
		st->st_overflow = 1;
		return;
	}
	sf = &st->st_rec[st->st_nused++];
	sf->sf_td = st;
	sf->sf_lock = selpool_lock(sip);
	spin_lock(sf->sf_lock);
	sf->sf_si = sip;
	LIST_INSERT_HEAD(&sip->si_records, sf, sf_link);
	spin_unlock(sf->sf_lock);
}

static void
selwakeup_common(struct selinfo *sip)
{
	struct spinlock *lock = selpool_lock(sip);
	struct selfd *sf;
	struct seltd *st;

	spin_lock(lock);
	while ((sf = LIST_FIRST(&sip->si_records)) != NULL) {
		LIST_REMOVE(sf, sf_link);
		sf->sf_si = NULL;
		st = sf->sf_td;
		spin_lock(&st->st_spin);
		st->st_flags |= SELTD_PENDING;
		spin_unlock(&st->st_spin);
		wakeup(st);
	}
	spin_unlock(lock);
}

/*
 * The unlocked emptiness test is safe: a record made before the waker
 * changed the state was linked under the object's lock, which the waker
 * took after it; a record made later sees the new state and is not
 * needed.
 */
void
selwakeup(struct selinfo *sip)
{
	if (__atomic_load_n(&sip->si_records.lh_first, __ATOMIC_ACQUIRE) ==
	    NULL)
		return;
	selwakeup_common(sip);
}

void
seldrain(struct selinfo *sip)
{
	if (__atomic_load_n(&sip->si_records.lh_first, __ATOMIC_ACQUIRE) ==
	    NULL)
		return;
	selwakeup_common(sip);
}

static struct seltd *
seltd_alloc(struct thread *td, int nrec)
{
	struct seltd *st;

	selpool_init();
	st = kmalloc(sizeof(*st) + nrec * sizeof(struct selfd), M_SELECT,
	    M_WAITOK | M_ZERO);
	spin_init(&st->st_spin, "seltd", SPINRANK_SELTD);
	st->st_nrec = nrec;
	KASSERT(td->td_sel == NULL, ("nested poll in %s", td->td_comm));
	td->td_sel = st;
	return (st);
}

/* Unlink this round's records and forget any wakeup they produced. */
static void
seltd_clear(struct seltd *st)
{
	for (int i = 0; i < st->st_nused; i++) {
		struct selfd *sf = &st->st_rec[i];

		spin_lock(sf->sf_lock);
		if (sf->sf_si != NULL) {
			LIST_REMOVE(sf, sf_link);
			sf->sf_si = NULL;
		}
		spin_unlock(sf->sf_lock);
	}
	st->st_nused = 0;
	st->st_overflow = 0;
	spin_lock(&st->st_spin);
	st->st_flags &= ~SELTD_PENDING;
	spin_unlock(&st->st_spin);
}

static void
seltd_free(struct thread *td, struct seltd *st)
{
	seltd_clear(st);
	td->td_sel = NULL;
	kfree(st, M_SELECT);
}

/*
 * Sleep until a record fires, the deadline (ns of nanouptime, 0: none)
 * passes (EWOULDBLOCK) or a signal arrives (EINTR).
 */
static int
seltd_wait(struct seltd *st, uint64_t deadline)
{
	int timo = 0, error = 0;

	if (deadline != 0) {
		uint64_t now = nanouptime();

		if (now >= deadline)
			return (EWOULDBLOCK);
		timo = (int)MIN((deadline - now) * hz / 1000000000UL + 1,
		    (uint64_t)hz * 3600);
	}
	if (st->st_overflow && (timo == 0 || timo > 1))
		timo = 1;
	spin_lock(&st->st_spin);
	if (!(st->st_flags & SELTD_PENDING))
		error = ssleep(st, &st->st_spin, PCATCH, "select", timo);
	spin_unlock(&st->st_spin);
	if (error == ERESTART)
		error = EINTR;		/* poll/select are not restarted */
	if (error == EWOULDBLOCK &&
	    (deadline == 0 || nanouptime() < deadline))
		error = 0;		/* overflow step or early tick */
	return (error);
}

/*
 * poll
 */
static int
poll_scan(struct thread *td, struct pollfd *fds, u_int nfds)
{
	struct file *fp;
	int n = 0;

	for (u_int i = 0; i < nfds; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		if (fget(td, fds[i].fd, &fp) != 0) {
			fds[i].revents = POLLNVAL;
			n++;
			continue;
		}
		fds[i].revents = fo_poll(fp, fds[i].events, td) &
		    (fds[i].events | POLLERR | POLLHUP | POLLNVAL);
		/* POSIX: never POLLOUT together with POLLHUP. */
		if (fds[i].revents & POLLHUP)
			fds[i].revents &= ~(POLLOUT | POLLWRNORM | POLLWRBAND);
		fdrop(fp);
		if (fds[i].revents != 0)
			n++;
	}
	return (n);
}


int
kern_poll(struct thread *td, struct pollfd *fds, u_int nfds, long timeout_ns)
{
	uint64_t deadline = 0;
	struct seltd *st;
	int n, error = 0;

	if (timeout_ns > 0)
		deadline = nanouptime() + (uint64_t)timeout_ns;
	st = seltd_alloc(td, 2 * nfds + 4);
	for (;;) {
		seltd_clear(st);
		n = poll_scan(td, fds, nfds);
		if (n > 0 || timeout_ns == 0)
			break;
		error = seltd_wait(st, deadline);
		if (error != 0)
			break;
	}
	seltd_free(td, st);
	if (error == EWOULDBLOCK)
		error = 0;
	td->td_retval[0] = error == 0 ? n : 0;
	return (error);
}

int
sys_poll(struct thread *td, struct poll_args *uap)
{
	struct pollfd small[32], *fds;
	u_int nfds = uap->nfds;
	int error;

	if (nfds > (u_int)MAX(fd_limit(td), FD_SETSIZE))
		return (EINVAL);
	if (uap->timeout < INFTIM)
		return (EINVAL);
	fds = nfds <= nitems(small) ? small :
	    kmalloc(nfds * sizeof(*fds), M_SELECT, M_WAITOK);
	error = copyin(uap->fds, fds, nfds * sizeof(*fds));
	if (error == 0)
		error = kern_poll(td, fds, nfds, uap->timeout == INFTIM ? -1 :
		    (int64_t)uap->timeout * 1000000);
	if (error == 0)
		error = copyout(fds, uap->fds, nfds * sizeof(*fds));
	if (fds != small)
		kfree(fds, M_SELECT);
	return (error);
}

/*
 * select: each descriptor in any set is polled once with the union of
 * the events its sets stand for.
 */
static const int select_flags[3] = {
	POLLRDNORM | POLLHUP | POLLNVAL,	/* read */
	POLLWRNORM | POLLHUP | POLLNVAL,	/* write */
	POLLRDBAND,				/* except */
};

#define SEL_ISSET(set, fd)						\
	(((set)[(fd) / _NFDBITS] >> ((fd) % _NFDBITS)) & 1)
#define SEL_SET(set, fd)						\
	((set)[(fd) / _NFDBITS] |= 1UL << ((fd) % _NFDBITS))

static int
select_scan(struct thread *td, int nd, __fd_mask *in[3], __fd_mask *out[3],
    size_t nwords)
{
	struct file *fp;
	int n = 0, ev, rev;

	for (int k = 0; k < 3; k++)
		if (out[k] != NULL)
			memset(out[k], 0, nwords * sizeof(__fd_mask));
	for (int fd = 0; fd < nd; fd++) {
		ev = 0;
		for (int k = 0; k < 3; k++)
			if (in[k] != NULL && SEL_ISSET(in[k], fd))
				ev |= select_flags[k];
		if (ev == 0)
			continue;
		if (fget(td, fd, &fp) != 0)
			return (-1);
		rev = fo_poll(fp, ev, td);
		fdrop(fp);
		for (int k = 0; k < 3; k++)
			if (in[k] != NULL && SEL_ISSET(in[k], fd) &&
			    (rev & select_flags[k])) {
				SEL_SET(out[k], fd);
				n++;
			}
	}
	return (n);
}


int
kern_select(struct thread *td, int nd, __fd_mask *in[3], __fd_mask *out[3],
    long timeout_ns)
{
	size_t nwords = howmany(nd, _NFDBITS);
	uint64_t deadline = 0;
	struct seltd *st;
	int n, error = 0;

	if (timeout_ns > 0)
		deadline = nanouptime() + (uint64_t)timeout_ns;
	st = seltd_alloc(td, 2 * nd + 4);
	for (;;) {
		seltd_clear(st);
		n = select_scan(td, nd, in, out, nwords);
		if (n < 0) {
			error = EBADF;
			break;
		}
		if (n > 0 || timeout_ns == 0)
			break;
		error = seltd_wait(st, deadline);
		if (error != 0)
			break;
	}
	seltd_free(td, st);
	if (error == EWOULDBLOCK) {
		error = 0;
		n = 0;
		for (int k = 0; k < 3; k++)
			if (out[k] != NULL)
				memset(out[k], 0, nwords * sizeof(__fd_mask));
	}
	td->td_retval[0] = error == 0 ? n : 0;
	return (error);
}

struct timeval_k {
	int64_t	tv_sec;
	long	tv_usec;
};

int
sys_select(struct thread *td, struct select_args *uap)
{
	void *uset[3] = { uap->in, uap->ou, uap->ex };
	__fd_mask *in[3] = { NULL, NULL, NULL }, *out[3] = { NULL, NULL, NULL };
	struct timeval_k tv;
	int64_t timeout_ns = -1;
	size_t nwords, nbytes;
	int nd = uap->nd, error = 0;
	char *buf;

	if (nd < 0)
		return (EINVAL);
	spin_lock(&td->td_proc->p_fd->fd_spin);
	if (nd > td->td_proc->p_fd->fd_nfiles)
		nd = td->td_proc->p_fd->fd_nfiles;
	spin_unlock(&td->td_proc->p_fd->fd_spin);
	if (uap->tv != NULL) {
		error = copyin(uap->tv, &tv, sizeof(tv));
		if (error != 0)
			return (error);
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return (EINVAL);
		timeout_ns = tv.tv_sec > 100000000 ? 100000000L * 1000000000L :
		    tv.tv_sec * 1000000000L + tv.tv_usec * 1000L;
	}
	nwords = howmany(nd, _NFDBITS);
	nbytes = nwords * sizeof(__fd_mask);
	buf = kmalloc(6 * nbytes + 8, M_SELECT, M_WAITOK | M_ZERO);
	for (int k = 0; k < 3 && error == 0; k++) {
		if (uset[k] == NULL)
			continue;
		in[k] = (__fd_mask *)(buf + 2 * k * nbytes);
		out[k] = (__fd_mask *)(buf + (2 * k + 1) * nbytes);
		error = copyin(uset[k], in[k], nbytes);
	}
	if (error == 0)
		error = kern_select(td, nd, in, out, timeout_ns);
	for (int k = 0; k < 3 && error == 0; k++)
		if (uset[k] != NULL)
			error = copyout(out[k], uset[k], nbytes);
	kfree(buf, M_SELECT);
	return (error);
}
