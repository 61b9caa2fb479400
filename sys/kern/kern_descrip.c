/*
 * kern/kern_descrip.c: descriptor tables and the life cycle of open files.
 *
 * Entry points:
 *   process layer (kern_fork.c, kern_exit.c, kern_exec.c):
 *     fdinit, fdcopy, fdfree, fdcloseexec
 *   file types (sys_pipe.c, vfs_syscalls.c, the socket layer):
 *     falloc, falloc_noinstall + finstall, finit, fdclose, fget, fhold,
 *     fdrop
 *   system calls: close, dup, dup2, fcntl, getdtablesize, close_range,
 *     fstat
 *
 * Life cycle of a struct file:
 *
 *   falloc_noinstall()  f_count 1 (the caller), f_ops = badfileops
 *   finit()             type, data and ops set; still private
 *   finstall()          +1 for the table slot; now visible to other
 *                       threads of the process through the descriptor
 *   ... fget() +1 / fdrop() -1 around every use by a system call ...
 *   close(), dup2() over it, fdfree(): the slot is cleared under fd_spin,
 *                       then its reference dropped outside the lock
 *   last fdrop()        fo_close(), the file is freed
 *
 * falloc() is falloc_noinstall + finstall and returns the file with the
 * caller's reference (so the caller may keep using it even if another
 * thread closes the new descriptor at once); the caller ends with fdrop().
 * A file type that fails after falloc() undoes the descriptor with
 * fdclose() (which only clears the slot if it still holds that file).
 *
 * Locking: fd_spin (SPINRANK_FILEDESC) protects the table; nothing else
 * is taken under it except atomics on f_count.  The table array grows by
 * allocating a bigger copy with fd_spin dropped and swapping it in; a
 * racing grower simply frees its copy.  A file's f_flag is changed only
 * with atomic operations (F_SETFL, FIONBIO).
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
#include <sys/unpcb.h>
#include <sys/filedesc.h>
#include <sys/filio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/sysctl.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>

#define INT32_MAX_FD	0x7fffffff

MALLOC_DEFINE(M_FILEDESC, "filedesc", "descriptor tables");
MALLOC_DEFINE(M_FILE, "file", "open files");

int maxfilesperproc = 4096;
SYSCTL_INT(_kern, KERN_MAXFILESPERPROC, maxfilesperproc, CTLFLAG_RW,
    &maxfilesperproc, 0, "Maximum open files per process");
static int openfiles;			/* [a] struct files in existence */
SYSCTL_INT(_kern, OID_AUTO, openfiles, CTLFLAG_RD, &openfiles, 0,
    "Open files system wide");

/*
 * Operations of a file that falloc() made and finit() has not set up
 * yet: another thread that finds it through the descriptor gets EBADF.
 */
static int
badfo_rdwr(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	return (EBADF);
}

static int
badfo_ioctl(struct file *fp, u_long com, void *data, struct thread *td)
{
	return (EBADF);
}

static int
badfo_poll(struct file *fp, int events, struct thread *td)
{
	return (0);
}

static int
badfo_stat(struct file *fp, struct stat *sb, struct thread *td)
{
	return (EBADF);
}

static int
badfo_close(struct file *fp, struct thread *td)
{
	return (0);
}

static int
badfo_truncate(struct file *fp, off_t length, struct thread *td)
{
	return (EBADF);
}

struct fileops badfileops = {
	.fo_read = badfo_rdwr,
	.fo_write = badfo_rdwr,
	.fo_truncate = badfo_truncate,
	.fo_ioctl = badfo_ioctl,
	.fo_poll = badfo_poll,
	.fo_stat = badfo_stat,
	.fo_close = badfo_close,
	.fo_flags = 0,
};

int
invfo_rdwr(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	return (EOPNOTSUPP);
}

int
invfo_ioctl(struct file *fp, u_long com, void *data, struct thread *td)
{
	return (ENOTTY);
}

int
invfo_poll(struct file *fp, int events, struct thread *td)
{
	return (0);
}

int
invfo_truncate(struct file *fp, off_t length, struct thread *td)
{
	return (EINVAL);
}

/*
 * Files.
 */
int
falloc_noinstall(struct thread *td, struct file **fpp)
{
	struct file *fp;

	fp = kmalloc(sizeof(*fp), M_FILE, M_WAITOK | M_ZERO);
	fp->f_count = 1;
	fp->f_ops = &badfileops;
	fp->f_type = DTYPE_NONE;
	lockinit(&fp->f_offlock, "foffset");
	atomic_add_int(&openfiles, 1);
	*fpp = fp;
	return (0);
}

void
finit(struct file *fp, u_int flag, short type, void *data,
    struct fileops *ops)
{
	fp->f_data = data;
	fp->f_flag = flag & FMASK;
	fp->f_type = type;
	/* Publish the operations last: they make the file usable. */
	__atomic_store_n(&fp->f_ops, ops, __ATOMIC_RELEASE);
}

void
fhold(struct file *fp)
{
	u_int old __unused = atomic_fetchadd_int(&fp->f_count, 1);

	KASSERT(old > 0, ("fhold: file %p already freed", fp));
}

static int
fdrop_last(struct file *fp)
{
	int error;

	error = fp->f_ops->fo_close(fp, curthread);
	atomic_subtract_int(&openfiles, 1);
#ifdef INVARIANTS
	fp->f_ops = NULL;
	fp->f_data = (void *)0xdeadc0dedeadc0deUL;
#endif
	kfree(fp, M_FILE);
	return (error);
}

/* Drop a reference; returns the close error if it was the last. */
static int
fdrop_error(struct file *fp)
{
	u_int old = atomic_fetchadd_int(&fp->f_count, -1);

	KASSERT(old > 0, ("fdrop: file %p count underflow", fp));
	if (old == 1)
		return (fdrop_last(fp));
	/*
	 * A file with copies in flight in SCM_RIGHTS messages lost a
	 * reference: it may now be reachable only through them, an
	 * unreachable cycle for the AF_UNIX collector to look at.
	 */
	if (atomic_load_int(&fp->f_msgcount) != 0)
		unp_gc_schedule();
	return (0);
}

void
fdrop(struct file *fp)
{
	(void)fdrop_error(fp);
}

/*
 * Tables.
 */
static struct filedesc *
fd_alloc_table(int nfiles)
{
	struct filedesc *fdp;

	fdp = kmalloc(sizeof(*fdp), M_FILEDESC, M_WAITOK | M_ZERO);
	spin_init(&fdp->fd_spin, "filedesc", SPINRANK_FILEDESC);
	fdp->fd_ofiles = kmalloc(nfiles * sizeof(struct filedescent),
	    M_FILEDESC, M_WAITOK | M_ZERO);
	fdp->fd_nfiles = nfiles;
	fdp->fd_lastfile = -1;
	return (fdp);
}

struct filedesc *
fdinit(void)
{
	return (fd_alloc_table(NDFILE));
}

static struct filedesc *
fd_of(struct thread *td)
{
	KASSERT(td->td_proc != NULL && td->td_proc->p_fd != NULL,
	    ("thread %s has no descriptor table", td->td_comm));
	return (td->td_proc->p_fd);
}

int
fd_limit(struct thread *td)
{
	int64_t lim = INT32_MAX_FD;

	if (td != NULL && td->td_proc != NULL)
		lim = __atomic_load_n(
		    &td->td_proc->p_rlimit[RLIMIT_NOFILE_K].rlim_cur,
		    __ATOMIC_RELAXED);
	if (lim > maxfilesperproc)
		lim = maxfilesperproc;
	if (lim < 0)
		lim = 0;
	return ((int)lim);
}

/*
 * Make the table at least `want' slots long.  Called without fd_spin;
 * allocates, then swaps under the lock unless someone else grew it.
 */
static void
fd_grow(struct filedesc *fdp, int want)
{
	struct filedescent *nt, *old = NULL;
	int n;

	n = NDFILE;
	while (n < want)
		n *= 2;
	nt = kmalloc(n * sizeof(*nt), M_FILEDESC, M_WAITOK | M_ZERO);
	spin_lock(&fdp->fd_spin);
	if (fdp->fd_nfiles < n) {
		memcpy(nt, fdp->fd_ofiles,
		    fdp->fd_nfiles * sizeof(*nt));
		old = fdp->fd_ofiles;
		fdp->fd_ofiles = nt;
		fdp->fd_nfiles = n;
		nt = NULL;
	}
	spin_unlock(&fdp->fd_spin);
	if (nt != NULL)
		kfree(nt, M_FILEDESC);
	if (old != NULL)
		kfree(old, M_FILEDESC);
}

/*
 * Find the lowest free slot >= minfd below `limit'.  fd_spin held.
 * Returns the slot, -1 if the table must grow first, -2 if the limit
 * is reached (EMFILE).
 */
static int
fd_find_locked(struct filedesc *fdp, int minfd, int limit)
{
	int fd;

	SPIN_LOCK_ASSERT(&fdp->fd_spin);
	if (minfd < fdp->fd_freefile)
		minfd = fdp->fd_freefile;
	for (fd = minfd; fd < fdp->fd_nfiles && fd < limit; fd++)
		if (fdp->fd_ofiles[fd].fde_file == NULL)
			return (fd);
	if (fd >= limit)
		return (-2);
	return (-1);
}

static void
fd_set_locked(struct filedesc *fdp, int fd, struct file *fp, int flags)
{
	SPIN_LOCK_ASSERT(&fdp->fd_spin);
	KASSERT(fdp->fd_ofiles[fd].fde_file == NULL, ("fd %d in use", fd));
	fdp->fd_ofiles[fd].fde_file = fp;
	fdp->fd_ofiles[fd].fde_flags = flags;
	fdp->fd_nopen++;
	if (fd > fdp->fd_lastfile)
		fdp->fd_lastfile = fd;
	if (fd == fdp->fd_freefile)
		fdp->fd_freefile = fd + 1;
}

/* Clear slot fd; returns the file it held (the caller drops it). */
static struct file *
fd_clear_locked(struct filedesc *fdp, int fd)
{
	struct file *fp = fdp->fd_ofiles[fd].fde_file;

	SPIN_LOCK_ASSERT(&fdp->fd_spin);
	KASSERT(fp != NULL, ("fd %d not in use", fd));
	fdp->fd_ofiles[fd].fde_file = NULL;
	fdp->fd_ofiles[fd].fde_flags = 0;
	fdp->fd_nopen--;
	if (fd < fdp->fd_freefile)
		fdp->fd_freefile = fd;
	while (fdp->fd_lastfile >= 0 &&
	    fdp->fd_ofiles[fdp->fd_lastfile].fde_file == NULL)
		fdp->fd_lastfile--;
	return (fp);
}

/*
 * Install fp at the lowest free slot >= minfd; takes a reference for the
 * slot.
 */
static int
fd_install_min(struct thread *td, struct file *fp, int minfd, int flags,
    int *fdp_out)
{
	struct filedesc *fdp = fd_of(td);
	int limit = fd_limit(td), fd, nfiles;

	for (;;) {
		spin_lock(&fdp->fd_spin);
		fd = fd_find_locked(fdp, minfd, limit);
		if (fd >= 0) {
			fhold(fp);
			fd_set_locked(fdp, fd, fp,
			    (flags & O_CLOEXEC) ? UF_EXCLOSE : 0);
			spin_unlock(&fdp->fd_spin);
			*fdp_out = fd;
			return (0);
		}
		nfiles = fdp->fd_nfiles;
		spin_unlock(&fdp->fd_spin);
		if (fd == -2)
			return (EMFILE);
		fd_grow(fdp, MAX(nfiles + 1, minfd + 1));
	}
}

int
finstall(struct thread *td, struct file *fp, int *fdp, int flags)
{
	return (fd_install_min(td, fp, 0, flags, fdp));
}

int
falloc(struct thread *td, struct file **fpp, int *fdp, int flags)
{
	struct file *fp;
	int error;

	falloc_noinstall(td, &fp);
	error = finstall(td, fp, fdp, flags);
	if (error != 0) {
		fdrop(fp);
		return (error);
	}
	*fpp = fp;
	return (0);
}

void
fdclose(struct thread *td, struct file *fp, int fd)
{
	struct filedesc *fdp = fd_of(td);
	struct file *old = NULL;

	spin_lock(&fdp->fd_spin);
	if (fd >= 0 && fd < fdp->fd_nfiles &&
	    fdp->fd_ofiles[fd].fde_file == fp)
		old = fd_clear_locked(fdp, fd);
	spin_unlock(&fdp->fd_spin);
	if (old != NULL)
		fdrop(old);
}

int
fget(struct thread *td, int fd, struct file **fpp)
{
	struct filedesc *fdp;
	struct file *fp = NULL;

	if (td->td_proc == NULL || td->td_proc->p_fd == NULL)
		return (EBADF);
	fdp = td->td_proc->p_fd;
	spin_lock(&fdp->fd_spin);
	if (fd >= 0 && fd < fdp->fd_nfiles)
		fp = fdp->fd_ofiles[fd].fde_file;
	if (fp != NULL)
		fhold(fp);
	spin_unlock(&fdp->fd_spin);
	if (fp == NULL)
		return (EBADF);
	if (__atomic_load_n(&fp->f_ops, __ATOMIC_ACQUIRE) == &badfileops) {
		fdrop(fp);
		return (EBADF);
	}
	*fpp = fp;
	return (0);
}

int
fdgetflags(struct thread *td, int fd, int *flagsp)
{
	struct filedesc *fdp = fd_of(td);
	int error = EBADF;

	spin_lock(&fdp->fd_spin);
	if (fd >= 0 && fd < fdp->fd_nfiles &&
	    fdp->fd_ofiles[fd].fde_file != NULL) {
		*flagsp = fdp->fd_ofiles[fd].fde_flags;
		error = 0;
	}
	spin_unlock(&fdp->fd_spin);
	return (error);
}

int
fdsetflags(struct thread *td, int fd, int set, int clear)
{
	struct filedesc *fdp = fd_of(td);
	int error = EBADF;

	spin_lock(&fdp->fd_spin);
	if (fd >= 0 && fd < fdp->fd_nfiles &&
	    fdp->fd_ofiles[fd].fde_file != NULL) {
		fdp->fd_ofiles[fd].fde_flags =
		    (fdp->fd_ofiles[fd].fde_flags & ~clear) | set;
		error = 0;
	}
	spin_unlock(&fdp->fd_spin);
	return (error);
}

/*
 * fork: a copy of the table, every file referenced once more.  The size
 * is read unlocked, then re-checked under the lock (a concurrent grow by
 * another thread of the parent makes us retry).
 */
struct filedesc *
fdcopy(struct filedesc *src)
{
	struct filedesc *dst;
	int n;

	for (;;) {
		n = __atomic_load_n(&src->fd_nfiles, __ATOMIC_RELAXED);
		dst = fd_alloc_table(n);
		spin_lock(&src->fd_spin);
		if (src->fd_nfiles == n)
			break;
		spin_unlock(&src->fd_spin);
		fdfree(dst);
	}
	for (int fd = 0; fd <= src->fd_lastfile; fd++) {
		struct file *fp = src->fd_ofiles[fd].fde_file;

		if (fp == NULL)
			continue;
		fhold(fp);
		dst->fd_ofiles[fd] = src->fd_ofiles[fd];
	}
	dst->fd_lastfile = src->fd_lastfile;
	dst->fd_freefile = src->fd_freefile;
	dst->fd_nopen = src->fd_nopen;
	spin_unlock(&src->fd_spin);
	return (dst);
}

/*
 * Close every descriptor in [low, high] matching `match' (0: all,
 * UF_EXCLOSE: close-on-exec only).  Slots are cleared one at a time
 * under the lock; the files are dropped outside it.
 */
static void
fd_close_range(struct filedesc *fdp, int low, int high, int match)
{
	struct file *fp;

	for (int fd = low; fd <= high; fd++) {
		fp = NULL;
		spin_lock(&fdp->fd_spin);
		if (fd > fdp->fd_lastfile) {
			spin_unlock(&fdp->fd_spin);
			break;
		}
		if (fdp->fd_ofiles[fd].fde_file != NULL &&
		    (match == 0 || (fdp->fd_ofiles[fd].fde_flags & match)))
			fp = fd_clear_locked(fdp, fd);
		spin_unlock(&fdp->fd_spin);
		if (fp != NULL)
			fdrop(fp);
	}
}

void
fdfree(struct filedesc *fdp)
{
	fd_close_range(fdp, 0, INT32_MAX_FD, 0);
	KASSERT(fdp->fd_nopen == 0, ("fdfree: %d still open", fdp->fd_nopen));
	kfree(fdp->fd_ofiles, M_FILEDESC);
	kfree(fdp, M_FILEDESC);
}

void
fdcloseexec(struct filedesc *fdp)
{
	fd_close_range(fdp, 0, INT32_MAX_FD, UF_EXCLOSE);
}

/*
 * close(2) and friends.
 */
int
kern_close(struct thread *td, int fd)
{
	struct filedesc *fdp = fd_of(td);
	struct file *fp = NULL;

	spin_lock(&fdp->fd_spin);
	if (fd >= 0 && fd < fdp->fd_nfiles &&
	    fdp->fd_ofiles[fd].fde_file != NULL)
		fp = fd_clear_locked(fdp, fd);
	spin_unlock(&fdp->fd_spin);
	if (fp == NULL)
		return (EBADF);
	return (fdrop_error(fp));
}

/*
 * dup, dup2, F_DUPFD, F_DUPFD_CLOEXEC, F_DUP2FD(_CLOEXEC).  The result
 * goes in td_retval[0].  dup2 onto an open descriptor closes it
 * atomically with the replacement (FreeBSD: no window where `new' is
 * free); dup2(fd, fd) only checks fd.
 */
int
kern_dup(struct thread *td, int mode, int flags, int old, int new)
{
	struct filedesc *fdp = fd_of(td);
	struct file *fp, *victim = NULL;
	int limit = fd_limit(td), error, fd;

	if (mode == FDDUP_FIXED && (new < 0 || new >= limit))
		return (EBADF);
	if (mode == FDDUP_FCNTL && (new < 0 || new >= limit))
		return (EINVAL);
	error = fget(td, old, &fp);
	if (error != 0)
		return (error);
	if (mode == FDDUP_FIXED && old == new) {
		fdrop(fp);
		td->td_retval[0] = new;
		return (0);
	}
	if (mode != FDDUP_FIXED) {
		error = fd_install_min(td, fp, mode == FDDUP_FCNTL ? new : 0,
		    (flags & FDDUP_FLAG_CLOEXEC) ? O_CLOEXEC : 0, &fd);
		fdrop(fp);
		if (error == 0)
			td->td_retval[0] = fd;
		return (error);
	}
	while (new >= __atomic_load_n(&fdp->fd_nfiles, __ATOMIC_RELAXED))
		fd_grow(fdp, new + 1);
	spin_lock(&fdp->fd_spin);
	if (fdp->fd_ofiles[new].fde_file != NULL)
		victim = fd_clear_locked(fdp, new);
	fhold(fp);
	fd_set_locked(fdp, new, fp,
	    (flags & FDDUP_FLAG_CLOEXEC) ? UF_EXCLOSE : 0);
	spin_unlock(&fdp->fd_spin);
	fdrop(fp);
	if (victim != NULL)
		fdrop(victim);
	td->td_retval[0] = new;
	return (0);
}

static int
fcntl_setfl(struct thread *td, struct file *fp, long arg)
{
	u_int old, nflag;
	int on, error;

	do {
		old = fp->f_flag;
		nflag = (old & ~FCNTLFLAGS) | (FFLAGS((int)arg) & FCNTLFLAGS);
	} while (!atomic_cmpset_int(&fp->f_flag, old, nflag));
	on = (nflag & FNONBLOCK) != 0;
	error = fo_ioctl(fp, FIONBIO, &on, td);
	if (error == ENOTTY)
		error = 0;
	if (error != 0)
		return (error);
	on = (nflag & FASYNC) != 0;
	error = fo_ioctl(fp, FIOASYNC, &on, td);
	if (error == ENOTTY)
		error = 0;
	if (error != 0)
		atomic_clear_int(&fp->f_flag, FASYNC);
	return (error);
}

int
kern_fcntl(struct thread *td, int fd, int cmd, long arg)
{
	struct file *fp;
	int error, flags, owner;

	switch (cmd) {
	case F_DUPFD:
		return (kern_dup(td, FDDUP_FCNTL, 0, fd, (int)arg));
	case F_DUPFD_CLOEXEC:
		return (kern_dup(td, FDDUP_FCNTL, FDDUP_FLAG_CLOEXEC, fd,
		    (int)arg));
	case F_DUP2FD:
		return (kern_dup(td, FDDUP_FIXED, 0, fd, (int)arg));
	case F_DUP2FD_CLOEXEC:
		return (kern_dup(td, FDDUP_FIXED, FDDUP_FLAG_CLOEXEC, fd,
		    (int)arg));
	case F_GETFD:
		error = fdgetflags(td, fd, &flags);
		if (error == 0)
			td->td_retval[0] = (flags & UF_EXCLOSE) ?
			    FD_CLOEXEC : 0;
		return (error);
	case F_SETFD:
		return (fdsetflags(td, fd, (arg & FD_CLOEXEC) ? UF_EXCLOSE : 0,
		    (arg & FD_CLOEXEC) ? 0 : UF_EXCLOSE));
	}
	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	switch (cmd) {
	case F_GETFL:
		td->td_retval[0] = OFLAGS(fp->f_flag & FMASK);
		break;
	case F_SETFL:
		error = fcntl_setfl(td, fp, arg);
		break;
	case F_GETOWN:
		error = fo_ioctl(fp, FIOGETOWN, &owner, td);
		if (error == 0)
			td->td_retval[0] = owner;
		break;
	case F_SETOWN:
		owner = (int)arg;
		error = fo_ioctl(fp, FIOSETOWN, &owner, td);
		break;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OGETLK:
	case F_OSETLK:
	case F_OSETLKW:
		error = EOPNOTSUPP;	/* no record locking yet */
		break;
	default:
		error = EINVAL;
		break;
	}
	fdrop(fp);
	return (error);
}

int
kern_fstat(struct thread *td, int fd, struct stat *sb)
{
	struct file *fp;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	memset(sb, 0, sizeof(*sb));
	error = fo_stat(fp, sb, td);
	fdrop(fp);
	return (error);
}

/*
 * System calls.
 */
int
sys_close(struct thread *td, struct close_args *uap)
{
	return (kern_close(td, uap->fd));
}

int
sys_dup(struct thread *td, struct dup_args *uap)
{
	return (kern_dup(td, FDDUP_NORMAL, 0, (int)uap->fd, 0));
}

int
sys_dup2(struct thread *td, struct dup2_args *uap)
{
	return (kern_dup(td, FDDUP_FIXED, 0, (int)uap->from, (int)uap->to));
}

int
sys_fcntl(struct thread *td, struct fcntl_args *uap)
{
	return (kern_fcntl(td, uap->fd, uap->cmd, uap->arg));
}

int
sys_getdtablesize(struct thread *td, struct getdtablesize_args *uap)
{
	td->td_retval[0] = fd_limit(td);
	return (0);
}

int
sys_close_range(struct thread *td, struct close_range_args *uap)
{
	u_int low = uap->lowfd, high = uap->highfd;

	if (low > high || (uap->flags & ~CLOSE_RANGE_CLOEXEC) != 0)
		return (EINVAL);
	if (high > INT32_MAX_FD)
		high = INT32_MAX_FD;
	if (low > INT32_MAX_FD)
		return (0);
	if (uap->flags & CLOSE_RANGE_CLOEXEC) {
		struct filedesc *fdp = fd_of(td);

		spin_lock(&fdp->fd_spin);
		for (u_int fd = low; fd <= high && (int)fd <= fdp->fd_lastfile;
		    fd++)
			if (fdp->fd_ofiles[fd].fde_file != NULL)
				fdp->fd_ofiles[fd].fde_flags |= UF_EXCLOSE;
		spin_unlock(&fdp->fd_spin);
		return (0);
	}
	fd_close_range(fd_of(td), (int)low, (int)high, 0);
	return (0);
}

int
sys_fstat(struct thread *td, struct fstat_args *uap)
{
	struct stat sb;
	int error;

	error = kern_fstat(td, uap->fd, &sb);
	if (error == 0)
		error = copyout(&sb, uap->sb, sizeof(sb));
	return (error);
}
