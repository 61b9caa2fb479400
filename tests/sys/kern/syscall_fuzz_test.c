/*
 * syscall_fuzz_test: random system calls with random and adversarial
 * arguments from several threads, for a fixed count and seed.  The kernel
 * must neither panic nor hang nor leak: after the fuzzing process exits
 * (and the files it made are removed), every kmalloc type's allocation
 * count must return to where it was (kern.malloc_stats).
 *
 * Knobs (environment): FUZZ_ITERS per thread (default 3000), FUZZ_SEED
 * (default 1), FUZZ_THREADS (default 4).  A watchdog thread interrupts
 * calls that block (a read on an empty pipe, a long sleep) with SIGUSR1.
 * Calls that would end the experiment rather than test the kernel are left
 * out: exit, fork, execve, reboot, kill of other processes, thr_exit,
 * sigreturn, signal mask and handler changes, fs-base changes, and
 * MAP_FIXED mappings (which could unmap the fuzzer itself).
 */
#include <sys/param.h>
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

/* A raw FreeBSD amd64 system call: no libc wrapper in between. */
static long
raw_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	register long r10 __asm__("r10") = a3;
	register long r8 __asm__("r8") = a4;
	register long r9 __asm__("r9") = a5;
	long ret;

	__asm__ volatile("syscall"
	    : "=a"(ret), "+r"(r10), "+r"(r8), "+r"(r9)
	    : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
	    : "rcx", "r11", "memory", "cc");
	return (ret);
}

/* Implemented calls worth hammering, with FreeBSD numbers. */
static const int fuzz_calls[] = {
	SYS_read, SYS_write, SYS_open, SYS_close, SYS_wait4, SYS_link,
	SYS_unlink, SYS_chdir, SYS_fchdir, SYS_chmod, SYS_getpid,
	SYS_getuid, SYS_access, SYS_dup, SYS_ioctl, SYS_symlink,
	SYS_readlink, SYS_umask, SYS_dup2, SYS_fcntl, SYS_fsync, SYS_readv,
	SYS_writev, SYS_rename, SYS_mkdir, SYS_rmdir, SYS___sysctl,
	SYS_poll, SYS_getrlimit, SYS_setrlimit, SYS_clock_gettime,
	SYS_clock_getres, SYS_nanosleep, SYS_pread, SYS_pwrite, SYS_mmap,
	SYS_munmap, SYS_mprotect, SYS_lseek, SYS_ftruncate, SYS_openat,
	SYS_pipe2, SYS_fstat, SYS_fstatat, SYS_getdirentries, SYS_thr_self,
	SYS_gettimeofday, SYS_getitimer, SYS_issetugid, SYS_getppid,
	SYS_close_range, SYS___getcwd, SYS_select, SYS_getdtablesize,
	SYS_sigpending, SYS_truncate, SYS_unlinkat, SYS_mkdirat,
	SYS_renameat, SYS_fchmod, SYS_madvise,
};

/*
 * Path names the calls get.  Nothing outside the test's own directory that
 * the harness needs (such as /tmp, where atf-run keeps the result file):
 * root may rename or remove it, and the run would lose its result.
 */
static const char *const fuzz_names[] = {
	"a", "b", "d", "d/x", "l", "", ".", "/dev/zero", "/nonexistent/x",
};

#define SCRATCH	8192
static __thread uint64_t rng;
static char *longname;		/* guarded like the scratch buffers */
static volatile int fuzz_stop;

static uint64_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (rng);
}

static long
fuzz_arg(char *scratch)
{
	switch (rnd() % 14) {
	case 0:	return (0);
	case 1:	return (-1);
	case 2:	return ((long)(rnd() % 64));
	case 3:	return ((long)rnd());
	case 4:	return ((long)scratch);
	case 5:	return ((long)(scratch + SCRATCH - 1 - rnd() % 16));
	case 6:	return ((long)0xffffffff80200000UL);	/* kernel text */
	case 7:	return ((long)0xffff800000001000UL);	/* direct map */
	case 8:	return (0x10);				/* page 0 */
	case 9:	return ((long)0x00007fff00000000UL);	/* unmapped */
	case 10: return ((long)fuzz_names[rnd() % nitems(fuzz_names)]);
	case 11: return ((long)longname);
	case 12: return ((long)(1UL << (rnd() % 64)));
	default: return ((long)(rnd() % 4096));
	}
}

static void
fuzz_one(char *scratch)
{
	int nr = fuzz_calls[rnd() % nitems(fuzz_calls)];
	long a[6];

	for (int i = 0; i < 6; i++)
		a[i] = fuzz_arg(scratch);
	switch (nr) {
	case SYS_mmap:
		a[3] &= ~(long)(MAP_FIXED | 0x100000);	/* no MAP_FIXED/EXCL */
		break;
	case SYS_munmap:
	case SYS_mprotect:
	case SYS_madvise:
		a[0] = (long)0x0000700000000000UL + (rnd() % 64) * 4096;
		break;
	case SYS_nanosleep:
	case SYS_select:
	case SYS_poll:
		if (nr == SYS_poll)
			a[2] = (long)(rnd() % 20);	/* ms, never infinite */
		break;
	case SYS_close:
	case SYS_dup2:
	case SYS_close_range:
		if (a[0] >= 0 && a[0] <= 2)
			a[0] = 3;			/* keep stdio */
		break;
	}
	(void)raw_syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

struct fuzz_thread {
	pthread_t	ft_td;
	uint64_t	ft_seed;
	long		ft_iters;
	long		ft_done;
};

static void *
fuzz_main(void *arg)
{
	struct fuzz_thread *ft = arg;
	char *scratch;

	/*
	 * The scratch buffer sits in its own mapping with a PROT_NONE guard
	 * page after it, so a call that writes too far faults (EFAULT)
	 * instead of corrupting the fuzzer's heap.
	 */
	scratch = mmap(NULL, SCRATCH + 4096, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	if (scratch == MAP_FAILED)
		return (NULL);
	mprotect(scratch + SCRATCH, 4096, PROT_NONE);

	rng = ft->ft_seed * 0x9e3779b97f4a7c15ULL + 1;
	for (ft->ft_done = 0; ft->ft_done < ft->ft_iters; ft->ft_done++) {
		memset(scratch, (int)(rnd() & 0xff), SCRATCH);
		fuzz_one(scratch);
	}
	munmap(scratch, SCRATCH + 4096);
	return (NULL);
}

static void
on_usr1(int sig)
{
}

/* The fuzzing process: threads, a watchdog, then a report on stdout. */
static void __attribute__((noreturn))
fuzz_child(int nthreads, long iters, uint64_t seed)
{
	struct fuzz_thread ft[16];
	struct sigaction sa;
	int running;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;		/* no SA_RESTART: EINTR */
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	longname = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	memset(longname, 'x', 4095);
	mprotect(longname + 4096, 4096, PROT_NONE);
	close(0);
	open("/dev/null", O_RDONLY);		/* never block on the console */
	for (int i = 0; i < nthreads; i++) {
		ft[i].ft_seed = seed * 131 + i;
		ft[i].ft_iters = iters;
		pthread_create(&ft[i].ft_td, NULL, fuzz_main, &ft[i]);
	}
	do {
		usleep(50000);
		running = 0;
		for (int i = 0; i < nthreads; i++) {
			if (ft[i].ft_done < ft[i].ft_iters) {
				running++;
				pthread_kill(ft[i].ft_td, SIGUSR1);
			}
		}
	} while (running > 0);
	for (int i = 0; i < nthreads; i++)
		pthread_join(ft[i].ft_td, NULL);
	_exit(0);
}

/* Sum of allocation counts per type, from kern.malloc_stats. */
#define MAXTYPES	64
struct mstat {
	char	name[32];
	long	count;
};

static int
read_mstats(struct mstat *ms)
{
	static char buf[16384];
	size_t len = sizeof(buf) - 1;
	char *line, *save;
	int n = 0;

	if (sysctlbyname("kern.malloc_stats", buf, &len, NULL, 0) != 0)
		return (-1);
	buf[len] = '\0';
	for (line = strtok_r(buf, "\n", &save); line != NULL && n < MAXTYPES;
	    line = strtok_r(NULL, "\n", &save)) {
		long inuse, count;

		if (sscanf(line, "%31s %ld %ld", ms[n].name, &inuse, &count) == 3) {
			ms[n].count = count;
			n++;
		}
	}
	return (n);
}

static int
leak_report(struct mstat *a, int na, struct mstat *b, int nb, char *why,
    size_t len)
{
	int diffs = 0;

	why[0] = '\0';
	for (int i = 0; i < nb; i++) {
		long before = 0;

		if (strcmp(b[i].name, "sysctl") == 0)
			continue;		/* our own reading of the stats */
		for (int j = 0; j < na; j++)
			if (strcmp(a[j].name, b[i].name) == 0)
				before = a[j].count;
		if (b[i].count != before) {
			diffs++;
			if (strlen(why) + 48 < len)
				snprintf(why + strlen(why), len - strlen(why),
				    " %.31s %+ld", b[i].name,
				    b[i].count - before);
		}
	}
	return (diffs);
}

static void
cleanup_names(void)
{
	for (int round = 0; round < 3; round++) {
		for (int i = (int)nitems(fuzz_names) - 1; i >= 0; i--) {
			const char *n = fuzz_names[i];

			if (n[0] == '/' || n[0] == '.' || n[0] == '\0')
				continue;
			(void)unlink(n);
			(void)rmdir(n);
		}
	}
}

static long
env_long(const char *name, long dflt)
{
	const char *v = getenv(name);

	return (v != NULL && *v != '\0' ? strtol(v, NULL, 0) : dflt);
}

ATF_TC(fuzz_no_panic_no_leak);
ATF_TC_HEAD(fuzz_no_panic_no_leak, tc)
{
	atf_tc_set_md_var(tc, "timeout", "600");
}
ATF_TC_BODY(fuzz_no_panic_no_leak, tc)
{
	struct mstat before[MAXTYPES], after[MAXTYPES];
	long iters = env_long("FUZZ_ITERS", 3000);
	long threads = env_long("FUZZ_THREADS", 4);
	uint64_t seed = (uint64_t)env_long("FUZZ_SEED", 1);
	int nb, na, status, diffs = 1;
	char why[4096];
	pid_t pid;

	ATF_REQUIRE(threads >= 1 && threads <= 16);
	ATF_REQUIRE(mkdir("fz", 0755) == 0 && chdir("fz") == 0);
	nb = read_mstats(before);
	ATF_REQUIRE_MSG(nb > 0, "kern.malloc_stats unreadable");
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		fuzz_child((int)threads, iters, seed);
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	printf("fuzz: %ld threads x %ld calls, seed %lu: child %s %d\n",
	    threads, iters, (unsigned long)seed,
	    WIFEXITED(status) ? "exited" : "killed by signal",
	    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	cleanup_names();
	/* Exited threads are freed by their CPUs shortly after exit. */
	for (int tries = 0; tries < 40 && diffs != 0; tries++) {
		usleep(50000);
		na = read_mstats(after);
		ATF_REQUIRE(na > 0);
		diffs = leak_report(before, nb, after, na, why, sizeof(why));
	}
	ATF_REQUIRE_MSG(diffs == 0, "kmalloc counts changed:%s", why);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, fuzz_no_panic_no_leak);
	return (atf_no_error());
}
