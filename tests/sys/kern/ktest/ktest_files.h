/*
 * ktest_files.h: helpers shared by the descriptor, pipe, VFS and poll
 * self tests (ktest_descrip.c, ktest_pipe.c, ktest_vfs.c).
 *
 * ktp_enter() gives the calling kernel thread a minimal process (a
 * descriptor table, cwd "/", RLIMIT_NOFILE, umask 022) so that the
 * kern_xxx back ends of the system calls can run with kernel buffers;
 * ktp_leave() closes everything and takes it away again.  Nothing else
 * (signals, the process list) knows about this process.  The kt_* calls
 * return the result or a negative errno, so tests read as specifications:
 *	KT_ASSERT_EQ(kt_open("/nope", O_RDONLY, 0), -ENOENT);
 */
#ifndef _KTEST_FILES_H_
#define _KTEST_FILES_H_

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/uio.h>
#include <sys/vnode.h>

static __unused struct proc *
ktp_enter(int nofile)
{
	struct proc *p;

	p = kmalloc(sizeof(*p), M_TEMP, M_WAITOK | M_ZERO);
	spin_init(&p->p_spin, "ktest proc", SPINRANK_PROC);
	TAILQ_INIT(&p->p_threads);
	p->p_pid = PID_MAX;
	p->p_fd = fdinit();
	p->p_umask = 022;
	p->p_rlimit[RLIMIT_NOFILE_K].rlim_cur = nofile;
	p->p_rlimit[RLIMIT_NOFILE_K].rlim_max = nofile;
	strlcpy(p->p_cwd, "/", sizeof(p->p_cwd));
	curthread->td_proc = p;
	return (p);
}

static __unused void
ktp_leave(struct proc *p)
{
	KASSERT(curthread->td_proc == p, ("ktp_leave: not our process"));
	curthread->td_proc = NULL;
	fdfree(p->p_fd);
	kfree(p, M_TEMP);
}

/* Run a kern_xxx call; its result (td_retval[0]) or -errno. */
#define kt_ret(call) ({							\
	int _e;								\
									\
	curthread->td_retval[0] = 0;					\
	_e = (call);							\
	_e != 0 ? -(long)_e : (long)curthread->td_retval[0];		\
})

static __unused long
kt_open(const char *path, int flags, int mode)
{
	return (kt_ret(kern_openat(curthread, AT_FDCWD, path, flags, mode)));
}

static __unused long
kt_close(int fd)
{
	int error = kern_close(curthread, fd);

	return (error != 0 ? -error : 0);
}

static __unused long
kt_rw(int fd, void *buf, size_t len, int write)
{
	struct iovec iov;
	struct uio uio;

	uio_init_kernel(&uio, &iov, buf, len, 0, write ? UIO_WRITE : UIO_READ);
	return (kt_ret(write ? kern_writev(curthread, fd, &uio) :
	    kern_readv(curthread, fd, &uio)));
}

#define kt_read(fd, buf, len)	kt_rw((fd), (buf), (len), 0)
#define kt_write(fd, buf, len)						\
	kt_rw((fd), __DECONST(void *, (buf)), (len), 1)

/* Error of a call that returns only an errno, as 0 or -errno. */
#define KT_ERR(call)	(-(long)(call))

/* Read or write a whole file object (no descriptor). */
static __unused long
kt_fo_rw(struct file *fp, void *buf, size_t len, int write)
{
	struct iovec iov;
	struct uio uio;
	int error;

	uio_init_kernel(&uio, &iov, buf, len, 0, write ? UIO_WRITE : UIO_READ);
	uio.uio_td = curthread;
	error = write ? fo_write(fp, &uio, 0, curthread) :
	    fo_read(fp, &uio, 0, curthread);
	if (error != 0 && uio.uio_resid == (ssize_t)len)
		return (-error);
	return ((long)(len - uio.uio_resid));
}

#endif /* !_KTEST_FILES_H_ */
