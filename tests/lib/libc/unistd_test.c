/*
 * unistd_test: libc's wrappers around the process and descriptor system
 * calls (pipe, dup3, closefrom, getcwd, isatty, sysctlbyname, uname,
 * raise, sleep, clock_gettime) behave as FreeBSD's.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/sysctl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(pipe_carries_bytes_in_order);
ATF_TC_BODY(pipe_carries_bytes_in_order, tc)
{
	char buf[8];
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	ATF_REQUIRE_EQ(write(fds[1], "abc", 3), 3);
	ATF_REQUIRE_EQ(read(fds[0], buf, sizeof(buf)), 3);
	ATF_REQUIRE_EQ(memcmp(buf, "abc", 3), 0);
	ATF_REQUIRE_EQ(fcntl(fds[0], F_GETFD), 0);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(dup3_sets_cloexec_and_rejects_same_fd);
ATF_TC_BODY(dup3_sets_cloexec_and_rejects_same_fd, tc)
{
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	ATF_REQUIRE_EQ(dup3(fds[0], 20, O_CLOEXEC), 20);
	ATF_REQUIRE_EQ(fcntl(20, F_GETFD), FD_CLOEXEC);
	ATF_REQUIRE_ERRNO(EINVAL, dup3(20, 20, 0) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, dup3(fds[0], 21, O_NONBLOCK) == -1);
	close(20);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(closefrom_closes_every_higher_descriptor);
ATF_TC_BODY(closefrom_closes_every_higher_descriptor, tc)
{
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	ATF_REQUIRE_EQ(dup2(fds[0], 30), 30);
	ATF_REQUIRE_EQ(dup2(fds[0], 31), 31);
	closefrom(30);
	ATF_REQUIRE_ERRNO(EBADF, fcntl(30, F_GETFD) == -1);
	ATF_REQUIRE_ERRNO(EBADF, fcntl(31, F_GETFD) == -1);
	ATF_REQUIRE(fcntl(fds[0], F_GETFD) != -1);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(getcwd_follows_chdir);
ATF_TC_BODY(getcwd_follows_chdir, tc)
{
	char buf[PATH_MAX], *p;

	ATF_REQUIRE(getcwd(buf, sizeof(buf)) == buf);
	ATF_REQUIRE_EQ(buf[0], '/');
	ATF_REQUIRE_EQ(mkdir("sub", 0755), 0);
	ATF_REQUIRE_EQ(chdir("sub"), 0);
	p = getcwd(NULL, 0);
	ATF_REQUIRE(p != NULL);
	ATF_REQUIRE_EQ(strncmp(p, buf, strlen(buf)), 0);
	ATF_REQUIRE_STREQ(p + strlen(buf), "/sub");
	free(p);
	ATF_REQUIRE_ERRNO(ERANGE, getcwd(buf, 1) == NULL);
}

ATF_TC_WITHOUT_HEAD(isatty_false_for_pipe_ENOTTY);
ATF_TC_BODY(isatty_false_for_pipe_ENOTTY, tc)
{
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	errno = 0;
	ATF_REQUIRE_EQ(isatty(fds[0]), 0);
	ATF_REQUIRE_EQ(errno, ENOTTY);
	ATF_REQUIRE_ERRNO(EBADF, isatty(-1) == 0);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(sysctlbyname_matches_mib_lookup);
ATF_TC_BODY(sysctlbyname_matches_mib_lookup, tc)
{
	int mib[CTL_MAXNAME], ncpu1, ncpu2;
	size_t len, miblen;

	miblen = CTL_MAXNAME;
	ATF_REQUIRE_EQ(sysctlnametomib("hw.ncpu", mib, &miblen), 0);
	ATF_REQUIRE_EQ(miblen, 2);
	ATF_REQUIRE_EQ(mib[0], CTL_HW);
	ATF_REQUIRE_EQ(mib[1], HW_NCPU);
	len = sizeof(ncpu1);
	ATF_REQUIRE_EQ(sysctlbyname("hw.ncpu", &ncpu1, &len, NULL, 0), 0);
	ATF_REQUIRE_EQ(len, sizeof(int));
	len = sizeof(ncpu2);
	ATF_REQUIRE_EQ(sysctl(mib, 2, &ncpu2, &len, NULL, 0), 0);
	ATF_REQUIRE_EQ(ncpu1, ncpu2);
	ATF_REQUIRE(ncpu1 >= 1);
	ATF_REQUIRE_ERRNO(ENOENT,
	    sysctlbyname("no.such.node", &ncpu1, &len, NULL, 0) == -1);
}

ATF_TC_WITHOUT_HEAD(uname_reports_system_name);
ATF_TC_BODY(uname_reports_system_name, tc)
{
	struct utsname u;

	ATF_REQUIRE_EQ(uname(&u), 0);
	ATF_REQUIRE(u.sysname[0] != '\0');
	ATF_REQUIRE_STREQ(u.machine, "amd64");
}

static volatile sig_atomic_t got;

static void
on_usr1(int sig)
{

	got = sig;
}

ATF_TC_WITHOUT_HEAD(raise_runs_handler_before_returning);
ATF_TC_BODY(raise_runs_handler_before_returning, tc)
{

	ATF_REQUIRE(signal(SIGUSR1, on_usr1) != SIG_ERR);
	ATF_REQUIRE_EQ(raise(SIGUSR1), 0);
	ATF_REQUIRE_EQ(got, SIGUSR1);
	ATF_REQUIRE(signal(SIGUSR1, SIG_DFL) == on_usr1);
}

ATF_TC_WITHOUT_HEAD(abort_kills_with_SIGABRT);
ATF_TC_BODY(abort_kills_with_SIGABRT, tc)
{
	pid_t pid;
	int status;

	pid = fork();
	ATF_REQUIRE(pid != -1);
	if (pid == 0) {
		signal(SIGABRT, SIG_IGN);
		abort();
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFSIGNALED(status));
	ATF_REQUIRE_EQ(WTERMSIG(status), SIGABRT);
}

ATF_TC_WITHOUT_HEAD(exit_flushes_stdio_and_runs_atexit);
static void
at_exit_handler(void)
{

	printf("atexit\n");
}
ATF_TC_BODY(exit_flushes_stdio_and_runs_atexit, tc)
{
	pid_t pid;

	pid = atf_utils_fork();
	if (pid == 0) {
		atexit(at_exit_handler);
		printf("buffered ");
		exit(3);
	}
	atf_utils_wait(pid, 3, "buffered atexit\n", "");
}

ATF_TC_WITHOUT_HEAD(_exit_skips_stdio_flush);
ATF_TC_BODY(_exit_skips_stdio_flush, tc)
{
	pid_t pid;

	pid = atf_utils_fork();
	if (pid == 0) {
		printf("lost");
		_exit(4);
	}
	atf_utils_wait(pid, 4, "", "");
}

ATF_TC_WITHOUT_HEAD(sleep_and_nanosleep_take_at_least_their_time);
ATF_TC_BODY(sleep_and_nanosleep_take_at_least_their_time, tc)
{
	struct timespec a, b, ts = { 0, 100 * 1000 * 1000 };
	long ms;

	ATF_REQUIRE_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
	ATF_REQUIRE_EQ(nanosleep(&ts, NULL), 0);
	ATF_REQUIRE_EQ(usleep(50000), 0);
	ATF_REQUIRE_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
	ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	ATF_REQUIRE_MSG(ms >= 150, "slept %ld ms", ms);
	ATF_REQUIRE(time(NULL) > 0);
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, pipe_carries_bytes_in_order);
	ATF_TP_ADD_TC(tp, dup3_sets_cloexec_and_rejects_same_fd);
	ATF_TP_ADD_TC(tp, closefrom_closes_every_higher_descriptor);
	ATF_TP_ADD_TC(tp, getcwd_follows_chdir);
	ATF_TP_ADD_TC(tp, isatty_false_for_pipe_ENOTTY);
	ATF_TP_ADD_TC(tp, sysctlbyname_matches_mib_lookup);
	ATF_TP_ADD_TC(tp, uname_reports_system_name);
	ATF_TP_ADD_TC(tp, raise_runs_handler_before_returning);
	ATF_TP_ADD_TC(tp, abort_kills_with_SIGABRT);
	ATF_TP_ADD_TC(tp, exit_flushes_stdio_and_runs_atexit);
	ATF_TP_ADD_TC(tp, _exit_skips_stdio_flush);
	ATF_TP_ADD_TC(tp, sleep_and_nanosleep_take_at_least_their_time);
	return (atf_no_error());
}
