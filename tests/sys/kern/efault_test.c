/*
 * efault_test: every implemented system call that takes a user pointer
 * answers EFAULT when the pointer is bad: an unmapped user address (page
 * 0) or a kernel address.  Calls are made raw, without libc wrappers, so
 * the kernel sees exactly the bad pointer.
 */
#include <sys/param.h>
#include <sys/types.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

/* Returns -errno on failure (carry set), the result otherwise. */
static long
raw(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	register long r10 __asm__("r10") = a3;
	register long r8 __asm__("r8") = a4;
	register long r9 __asm__("r9") = a5;
	long ret;
	uint8_t carry;

	__asm__ volatile("syscall; setc %1"
	    : "=a"(ret), "=q"(carry), "+r"(r10), "+r"(r8), "+r"(r9)
	    : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
	    : "rcx", "r11", "memory", "cc");
	return (carry ? -ret : ret);
}

static const long bad_ptrs[] = {
	0x10,				/* page 0: never mapped */
	(long)0xffffffff80200000UL,	/* kernel text */
	(long)0xffff800000001000UL,	/* kernel direct map */
	(long)0x00007ffffffff000UL,	/* the last user page: not mapped */
};

struct call {
	const char	*name;
	long		nr;
	long		a[6];
	int		badarg;		/* which argument gets the pointer */
};

static int rfd, wfd, dfd, ffd;

static void
setup_fds(void)
{
	int p[2];
	char c = 'x';

	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_EQ(write(p[1], &c, 1), 1);	/* something to read */
	rfd = p[0];
	wfd = p[1];
	dfd = open(".", O_RDONLY | O_DIRECTORY);
	ATF_REQUIRE(dfd >= 0);
	ffd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ATF_REQUIRE(ffd >= 0);
	ATF_REQUIRE_EQ(write(ffd, "0123456789", 10), 10);
}

static void
check_calls(const struct call *calls, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t b = 0; b < nitems(bad_ptrs); b++) {
			long a[6];
			long r;

			memcpy(a, calls[i].a, sizeof(a));
			a[calls[i].badarg] = bad_ptrs[b];
			r = raw(calls[i].nr, a[0], a[1], a[2], a[3], a[4], a[5]);
			ATF_CHECK_MSG(r == -EFAULT, "%s(arg %d = %#lx) "
			    "returned %ld, want -EFAULT (%d)", calls[i].name,
			    calls[i].badarg, bad_ptrs[b], r, -EFAULT);
		}
	}
}

ATF_TC_WITHOUT_HEAD(file_calls_EFAULT);
ATF_TC_BODY(file_calls_EFAULT, tc)
{
	setup_fds();
	const struct call calls[] = {
		{ "read", SYS_read, { rfd, 0, 1 }, 1 },
		{ "write", SYS_write, { wfd, 0, 1 }, 1 },
		{ "pread", SYS_pread, { ffd, 0, 1, 0 }, 1 },
		{ "pwrite", SYS_pwrite, { ffd, 0, 1, 0 }, 1 },
		{ "readv", SYS_readv, { rfd, 0, 1 }, 1 },
		{ "writev", SYS_writev, { wfd, 0, 1 }, 1 },
		{ "open", SYS_open, { 0, O_RDONLY }, 0 },
		{ "openat", SYS_openat, { AT_FDCWD, 0, O_RDONLY }, 1 },
		{ "unlink", SYS_unlink, { 0 }, 0 },
		{ "mkdir", SYS_mkdir, { 0, 0755 }, 0 },
		{ "rmdir", SYS_rmdir, { 0 }, 0 },
		{ "chdir", SYS_chdir, { 0 }, 0 },
		{ "access", SYS_access, { 0, 0 }, 0 },
		{ "chmod", SYS_chmod, { 0, 0644 }, 0 },
		{ "truncate", SYS_truncate, { 0, 0 }, 0 },
		{ "rename from", SYS_rename, { 0, (long)"x" }, 0 },
		{ "link to", SYS_link, { (long)".", 0 }, 1 },
		{ "symlink", SYS_symlink, { 0, (long)"y" }, 0 },
		{ "readlink buf", SYS_readlink, { (long)"/dev", 0, 10 }, 0 },
		{ "fstat", SYS_fstat, { dfd, 0 }, 1 },
		{ "fstatat path", SYS_fstatat, { AT_FDCWD, 0, 0, 0 }, 1 },
		{ "getdirentries", SYS_getdirentries, { dfd, 0, 4096, 0 }, 1 },
		{ "__getcwd", SYS___getcwd, { 0, 256 }, 0 },
		{ "pipe2", SYS_pipe2, { 0, 0 }, 0 },
		{ "ioctl FIONREAD", SYS_ioctl, { rfd, 0x4004667f, 0 }, 2 },
		{ "poll", SYS_poll, { 0, 1, 0 }, 0 },
		{ "select", SYS_select, { 4, 0, 0, 0, 0 }, 1 },
		{ "__sysctl", SYS___sysctl, { 0, 2, 0, 0, 0, 0 }, 0 },
	};

	check_calls(calls, nitems(calls));
}

ATF_TC_WITHOUT_HEAD(process_calls_EFAULT);
ATF_TC_BODY(process_calls_EFAULT, tc)
{
	const struct call calls[] = {
		{ "execve", SYS_execve, { 0, 0, 0 }, 0 },
		{ "getrlimit", SYS_getrlimit, { 8, 0 }, 1 },
		{ "setrlimit", SYS_setrlimit, { 8, 0 }, 1 },
		{ "sigaction act", SYS_sigaction, { 30, 0, 0 }, 1 },
		{ "sigaction oact", SYS_sigaction, { 30, 0, 0 }, 2 },
		{ "sigprocmask", SYS_sigprocmask, { 1, 0, 0 }, 1 },
		{ "sigpending", SYS_sigpending, { 0 }, 0 },
		{ "sigsuspend", SYS_sigsuspend, { 0 }, 0 },
		{ "thr_self", SYS_thr_self, { 0 }, 0 },
		{ "thr_new", SYS_thr_new, { 0, 104 }, 0 },
		{ "clock_gettime", SYS_clock_gettime, { 0, 0 }, 1 },
		{ "clock_getres", SYS_clock_getres, { 0, 0 }, 1 },
		{ "gettimeofday", SYS_gettimeofday, { 0, 0 }, 0 },
		{ "nanosleep", SYS_nanosleep, { 0, 0 }, 0 },
		{ "getitimer", SYS_getitimer, { 0, 0 }, 1 },
		{ "setitimer", SYS_setitimer, { 0, 0, 0 }, 1 },
		{ "sysarch", SYS_sysarch, { 128, 0 }, 1 },
	};

	check_calls(calls, nitems(calls));
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, file_calls_EFAULT);
	ATF_TP_ADD_TC(tp, process_calls_EFAULT);
	return (atf_no_error());
}
