/*
 * ktest_descrip.c: self tests for descriptor tables and file references
 * (kern/kern_descrip.c): lowest-free allocation, dup/dup2/fcntl,
 * close-on-exec, close_range, EMFILE at RLIMIT_NOFILE, fork copies,
 * and files outliving their descriptors.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/fcntl.h>
#include <sys/stat.h>
#include <sys/sysproto.h>
#include "ktest_files.h"

static int
p_nopen(void)
{
	return (curthread->td_proc->p_fd->fd_nopen);
}

static long
kt_fcntl(int fd, int cmd, long arg)
{
	return (kt_ret(kern_fcntl(curthread, fd, cmd, arg)));
}

static long
kt_dup(int mode, int flags, int old, int new)
{
	return (kt_ret(kern_dup(curthread, mode, flags, old, new)));
}

static void
fd_lowest_body(void)
{
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), 0);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), 1);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), 2);
	KT_ASSERT_EQ(kt_close(1), 0);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), 1);
	KT_ASSERT_EQ(kt_close(0), 0);
	KT_ASSERT_EQ(kt_close(2), 0);
	KT_ASSERT_EQ(kt_dup(FDDUP_NORMAL, 0, 1, 0), 0);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), 2);
}

KTEST(fd_new_descriptor_is_lowest_free, 30)
{
	struct proc *p = ktp_enter(64);

	fd_lowest_body();
	ktp_leave(p);
}

KTEST(fd_close_unopened_EBADF, 30)
{
	struct proc *p = ktp_enter(64);

	KT_ASSERT_EQ(kt_close(5), -EBADF);
	KT_ASSERT_EQ(kt_close(-1), -EBADF);
	ktp_leave(p);
}

static void
dup2_body(void)
{
	struct stat a, b;

	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY | O_CLOEXEC, 0), 0);
	KT_ASSERT_EQ(kt_open("/dev/zero", O_RDONLY, 0), 1);
	/* dup2 onto an open descriptor replaces it, without close-on-exec. */
	KT_ASSERT_EQ(kt_dup(FDDUP_FIXED, 0, 0, 1), 1);
	KT_ASSERT_EQ(kt_fcntl(1, F_GETFD, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(0, F_GETFD, 0), FD_CLOEXEC);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, 0, &a)), 0);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, 1, &b)), 0);
	KT_ASSERT_EQ(a.st_rdev, b.st_rdev);
	/* dup2(fd, fd) returns fd and leaves its flags alone. */
	KT_ASSERT_EQ(kt_dup(FDDUP_FIXED, 0, 0, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(0, F_GETFD, 0), FD_CLOEXEC);
	KT_ASSERT_EQ(kt_dup(FDDUP_FIXED, 0, 7, 3), -EBADF);
	KT_ASSERT_EQ(kt_dup(FDDUP_FIXED, 0, 0, 64), -EBADF);
	KT_ASSERT_EQ(kt_dup(FDDUP_FIXED, 0, 0, -1), -EBADF);
	/* Beyond the current table size: the table grows. */
	KT_ASSERT_EQ(kt_dup(FDDUP_FIXED, 0, 0, 50), 50);
}

KTEST(dup2_replaces_target_and_clears_cloexec, 30)
{
	struct proc *p = ktp_enter(64);

	dup2_body();
	ktp_leave(p);
}

static void
fcntl_dupfd_body(void)
{
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDWR, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(0, F_DUPFD, 10), 10);
	KT_ASSERT_EQ(kt_fcntl(0, F_DUPFD, 10), 11);
	KT_ASSERT_EQ(kt_fcntl(10, F_GETFD, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(0, F_DUPFD_CLOEXEC, 3), 3);
	KT_ASSERT_EQ(kt_fcntl(3, F_GETFD, 0), FD_CLOEXEC);
	KT_ASSERT_EQ(kt_fcntl(0, F_DUPFD, -1), -EINVAL);
	KT_ASSERT_EQ(kt_fcntl(0, F_DUPFD, 64), -EINVAL);
	KT_ASSERT_EQ(kt_fcntl(9, F_DUPFD, 0), -EBADF);
	KT_ASSERT_EQ(kt_fcntl(3, F_SETFD, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(3, F_GETFD, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(0, 9999, 0), -EINVAL);
}

KTEST(fcntl_dupfd_takes_lowest_at_or_above_arg, 30)
{
	struct proc *p = ktp_enter(64);

	fcntl_dupfd_body();
	ktp_leave(p);
}

static void
setfl_body(void)
{
	KT_ASSERT_EQ(kt_open("/dev/null", O_WRONLY | O_APPEND, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(0, F_GETFL, 0), O_WRONLY | O_APPEND);
	KT_ASSERT_EQ(kt_fcntl(0, F_SETFL, O_NONBLOCK), 0);
	/* The access mode never changes; O_APPEND was cleared. */
	KT_ASSERT_EQ(kt_fcntl(0, F_GETFL, 0), O_WRONLY | O_NONBLOCK);
	KT_ASSERT_EQ(kt_dup(FDDUP_NORMAL, 0, 0, 0), 1);
	/* Status flags belong to the file, shared by duplicates. */
	KT_ASSERT_EQ(kt_fcntl(1, F_GETFL, 0), O_WRONLY | O_NONBLOCK);
}

KTEST(fcntl_setfl_changes_status_flags_of_shared_file, 30)
{
	struct proc *p = ktp_enter(64);

	setfl_body();
	ktp_leave(p);
}

static void
emfile_body(void)
{
	int i;

	for (i = 0; i < 16; i++)
		KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), i);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), -EMFILE);
	KT_ASSERT_EQ(kt_dup(FDDUP_NORMAL, 0, 0, 0), -EMFILE);
	KT_ASSERT_EQ(kt_close(7), 0);
	KT_ASSERT_EQ(kt_dup(FDDUP_NORMAL, 0, 0, 0), 7);
}

KTEST(open_fails_EMFILE_at_RLIMIT_NOFILE, 30)
{
	struct proc *p = ktp_enter(16);

	emfile_body();
	ktp_leave(p);
}

static void
closeexec_body(struct proc *p)
{
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), 0);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY | O_CLOEXEC, 0), 1);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), 2);
	KT_ASSERT_EQ(KT_ERR(fdsetflags(curthread, 2, UF_EXCLOSE, 0)), 0);
	fdcloseexec(p->p_fd);
	KT_ASSERT_EQ(kt_fcntl(0, F_GETFD, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(1, F_GETFD, 0), -EBADF);
	KT_ASSERT_EQ(kt_fcntl(2, F_GETFD, 0), -EBADF);
}

KTEST(fdcloseexec_closes_only_cloexec_descriptors, 30)
{
	struct proc *p = ktp_enter(64);

	closeexec_body(p);
	ktp_leave(p);
}

static void
fdcopy_body(struct proc *p)
{
	struct filedesc *parent = p->p_fd, *child;
	char buf[4];

	KT_ASSERT_EQ(kt_open("/dev/zero", O_RDONLY, 0), 0);
	KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY | O_CLOEXEC, 0), 1);
	child = fdcopy(parent);
	KT_ASSERT_EQ(child->fd_nopen, 2);
	KT_ASSERT(child->fd_ofiles[1].fde_flags & UF_EXCLOSE);
	/* The same files: the child's close leaves the parent's open. */
	KT_ASSERT(child->fd_ofiles[0].fde_file ==
	    parent->fd_ofiles[0].fde_file);
	KT_ASSERT_EQ(parent->fd_ofiles[0].fde_file->f_count, 2);
	p->p_fd = child;
	KT_ASSERT_EQ(kt_close(0), 0);
	p->p_fd = parent;
	fdfree(child);
	KT_ASSERT_EQ(parent->fd_ofiles[0].fde_file->f_count, 1);
	KT_ASSERT_EQ(kt_read(0, buf, sizeof(buf)), 4);
}

KTEST(fdcopy_shares_files_with_own_slots, 30)
{
	struct proc *p = ktp_enter(64);

	fdcopy_body(p);
	ktp_leave(p);
}

static void
close_range_body(void)
{
	for (int i = 0; i < 8; i++)
		KT_ASSERT_EQ(kt_open("/dev/null", O_RDONLY, 0), i);
	KT_ASSERT_EQ(KT_ERR(sys_close_range(curthread,
	    &(struct close_range_args){ .lowfd = 2, .highfd = 4 })), 0);
	KT_ASSERT_EQ(kt_fcntl(1, F_GETFD, 0), 0);
	KT_ASSERT_EQ(kt_fcntl(2, F_GETFD, 0), -EBADF);
	KT_ASSERT_EQ(kt_fcntl(4, F_GETFD, 0), -EBADF);
	KT_ASSERT_EQ(kt_fcntl(5, F_GETFD, 0), 0);
	KT_ASSERT_EQ(KT_ERR(sys_close_range(curthread,
	    &(struct close_range_args){ .lowfd = 5, .highfd = ~0U,
	    .flags = CLOSE_RANGE_CLOEXEC })), 0);
	KT_ASSERT_EQ(kt_fcntl(7, F_GETFD, 0), FD_CLOEXEC);
	KT_ASSERT_EQ(KT_ERR(sys_close_range(curthread,
	    &(struct close_range_args){ .lowfd = 5, .highfd = 4 })), -EINVAL);
	/* closefrom(3) is close_range(3, ~0U, 0). */
	KT_ASSERT_EQ(KT_ERR(sys_close_range(curthread,
	    &(struct close_range_args){ .lowfd = 1, .highfd = ~0U })), 0);
	KT_ASSERT_EQ(p_nopen(), 1);
}

KTEST(close_range_closes_or_marks_a_range, 30)
{
	struct proc *p = ktp_enter(64);

	close_range_body();
	ktp_leave(p);
}

/* A file stays usable by a thread that holds it while its fd closes. */
static void
outlive_body(void)
{
	struct file *fp;
	char buf[8];

	KT_ASSERT_EQ(kt_open("/dev/zero", O_RDONLY, 0), 0);
	KT_ASSERT_EQ(KT_ERR(fget(curthread, 0, &fp)), 0);
	KT_ASSERT_EQ(fp->f_count, 2);
	KT_ASSERT_EQ(kt_close(0), 0);
	KT_ASSERT_EQ(kt_read(0, buf, sizeof(buf)), -EBADF);
	KT_ASSERT_EQ(fp->f_count, 1);
	KT_ASSERT_EQ(kt_fo_rw(fp, buf, sizeof(buf), 0), 8);
	fdrop(fp);
}

KTEST(file_outlives_its_descriptor_while_referenced, 30)
{
	struct proc *p = ktp_enter(64);

	outlive_body();
	ktp_leave(p);
}

/* Threads of one process allocate descriptors concurrently. */
static struct proc *race_proc;
static volatile int race_fail;

static void
race_worker(void *arg)
{
	long fds[32];

	curthread->td_proc = race_proc;
	for (int round = 0; round < 50; round++) {
		for (int i = 0; i < 32; i++) {
			fds[i] = kt_open("/dev/null", O_RDONLY, 0);
			if (fds[i] < 0)
				race_fail = 1;
		}
		for (int i = 0; i < 32; i++)
			if (fds[i] >= 0 && kt_close(fds[i]) != 0)
				race_fail = 1;
	}
	curthread->td_proc = NULL;
}

KTEST(descriptor_table_concurrent_open_close, 120)
{
	struct proc *p = ktp_enter(1024);

	race_proc = p;
	race_fail = 0;
	for (int i = 0; i < 4; i++)
		ktest_spawn(race_worker, NULL, i % ncpus, "fdrace");
	ktest_join();
	if (race_fail || p->p_fd->fd_nopen != 0 || p->p_fd->fd_lastfile != -1)
		ktest_fail(__FILE__, __LINE__, "fail %d, %d open, last %d",
		    race_fail, p->p_fd->fd_nopen, p->p_fd->fd_lastfile);
	ktp_leave(p);
}
