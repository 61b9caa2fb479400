/*
 * signal_test: sigaction handlers, masks, kill, EINTR vs SA_RESTART,
 * SIGALRM from setitimer/alarm, SIGCHLD, nanosleep interruption.
 */
#include <sys/types.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <atf-c.h>

static volatile sig_atomic_t got;
static volatile sig_atomic_t got_sig;

static void
handler(int sig)
{
	got++;
	got_sig = sig;
}

static void
install(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	ATF_REQUIRE_EQ(sigaction(sig, &sa, NULL), 0);
}

ATF_TC_WITHOUT_HEAD(kill_self_runs_handler);
ATF_TC_BODY(kill_self_runs_handler, tc)
{
	got = 0;
	install(SIGUSR1, 0);
	ATF_REQUIRE_EQ(kill(getpid(), SIGUSR1), 0);
	ATF_REQUIRE_EQ(got, 1);
	ATF_REQUIRE_EQ(got_sig, SIGUSR1);
}

ATF_TC_WITHOUT_HEAD(blocked_signal_delivered_on_unblock);
ATF_TC_BODY(blocked_signal_delivered_on_unblock, tc)
{
	sigset_t set, pend;

	got = 0;
	install(SIGUSR2, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	ATF_REQUIRE_EQ(kill(getpid(), SIGUSR2), 0);
	ATF_REQUIRE_EQ(got, 0);
	ATF_REQUIRE_EQ(sigpending(&pend), 0);
	ATF_REQUIRE(sigismember(&pend, SIGUSR2));
	ATF_REQUIRE_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	ATF_REQUIRE_EQ(got, 1);
}

ATF_TC_WITHOUT_HEAD(sigaction_SIGKILL_EINVAL);
ATF_TC_BODY(sigaction_SIGKILL_EINVAL, tc)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	errno = 0;
	ATF_REQUIRE_EQ(sigaction(SIGKILL, &sa, NULL), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
	errno = 0;
	ATF_REQUIRE_EQ(sigaction(0, &sa, NULL), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(kill_bad_signal_EINVAL_bad_pid_ESRCH);
ATF_TC_BODY(kill_bad_signal_EINVAL_bad_pid_ESRCH, tc)
{
	errno = 0;
	ATF_REQUIRE_EQ(kill(getpid(), 4000), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
	errno = 0;
	ATF_REQUIRE_EQ(kill(99998, SIGTERM), -1);
	ATF_REQUIRE_EQ(errno, ESRCH);
	ATF_REQUIRE_EQ(kill(getpid(), 0), 0);
}

ATF_TC_WITHOUT_HEAD(alarm_interrupts_read_with_EINTR);
ATF_TC_BODY(alarm_interrupts_read_with_EINTR, tc)
{
	int fds[2];
	char c;

	got = 0;
	install(SIGALRM, 0);
	ATF_REQUIRE_EQ(pipe(fds), 0);
	alarm(1);
	errno = 0;
	ATF_REQUIRE_EQ(read(fds[0], &c, 1), -1);
	ATF_REQUIRE_EQ(errno, EINTR);
	ATF_REQUIRE_EQ(got, 1);
}

/*
 * The SIGALRM handler writes the byte the interrupted read waits for: with
 * SA_RESTART the read restarts and returns it; without, it would fail with
 * EINTR.  No timing assumption beyond "the alarm fires".
 */
static int restart_wfd = -1;

static void
write_on_alarm(int sig)
{
	got++;
	(void)write(restart_wfd, "x", 1);
}

ATF_TC_WITHOUT_HEAD(sa_restart_restarts_read);
ATF_TC_BODY(sa_restart_restarts_read, tc)
{
	struct sigaction sa;
	struct itimerval it;
	int fds[2];
	char c = 0;

	got = 0;
	ATF_REQUIRE_EQ(pipe(fds), 0);
	restart_wfd = fds[1];
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = write_on_alarm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	ATF_REQUIRE_EQ(sigaction(SIGALRM, &sa, NULL), 0);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 100000;
	ATF_REQUIRE_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	ATF_REQUIRE_EQ(read(fds[0], &c, 1), 1);
	ATF_REQUIRE_EQ(c, 'x');
	ATF_REQUIRE_EQ(got, 1);
}

ATF_TC_WITHOUT_HEAD(setitimer_interval_fires_repeatedly);
ATF_TC_BODY(setitimer_interval_fires_repeatedly, tc)
{
	struct itimerval it, old;

	got = 0;
	install(SIGALRM, 0);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 20000;
	it.it_interval.tv_usec = 20000;
	ATF_REQUIRE_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	while (got < 3)
		pause();
	memset(&it, 0, sizeof(it));
	ATF_REQUIRE_EQ(setitimer(ITIMER_REAL, &it, &old), 0);
	ATF_REQUIRE_EQ(old.it_interval.tv_usec, 20000);
	ATF_REQUIRE(got >= 3);
}

ATF_TC_WITHOUT_HEAD(nanosleep_interrupted_reports_remaining);
ATF_TC_BODY(nanosleep_interrupted_reports_remaining, tc)
{
	struct timespec req = { 100, 0 }, rem = { 0, 0 };

	got = 0;
	install(SIGALRM, SA_RESTART);	/* nanosleep is never restarted */
	alarm(1);
	errno = 0;
	ATF_REQUIRE_EQ(nanosleep(&req, &rem), -1);
	ATF_REQUIRE_EQ(errno, EINTR);
	ATF_REQUIRE_EQ(got, 1);
	/* Interrupted long before the end: some time left, less than asked. */
	ATF_REQUIRE(rem.tv_sec > 0 && rem.tv_sec < 100);
}

ATF_TC_WITHOUT_HEAD(nanosleep_bad_nsec_EINVAL);
ATF_TC_BODY(nanosleep_bad_nsec_EINVAL, tc)
{
	struct timespec req = { 0, 1000000000 };

	errno = 0;
	ATF_REQUIRE_EQ(nanosleep(&req, NULL), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(sigchld_on_child_exit);
ATF_TC_BODY(sigchld_on_child_exit, tc)
{
	pid_t pid;

	got = 0;
	install(SIGCHLD, 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		_exit(0);
	ATF_REQUIRE_EQ(waitpid(pid, NULL, 0), pid);
	/* SIGCHLD was posted before the child became waitable. */
	ATF_REQUIRE_EQ(got, 1);
	ATF_REQUIRE_EQ(got_sig, SIGCHLD);
}

ATF_TC_WITHOUT_HEAD(ignored_signal_not_delivered);
ATF_TC_BODY(ignored_signal_not_delivered, tc)
{
	ATF_REQUIRE(signal(SIGUSR1, SIG_IGN) != SIG_ERR);
	ATF_REQUIRE_EQ(kill(getpid(), SIGUSR1), 0);
	/* Still alive: the default action (terminate) did not happen. */
}

ATF_TC_WITHOUT_HEAD(segv_kills_child_on_bad_access);
ATF_TC_BODY(segv_kills_child_on_bad_access, tc)
{
	pid_t pid;
	int status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		volatile int *volatile bad = (volatile int *)16;

		*bad = 1;			/* page 0: never mapped */
		_exit(0);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFSIGNALED(status));
	ATF_REQUIRE_EQ(WTERMSIG(status), SIGSEGV);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, kill_self_runs_handler);
	ATF_TP_ADD_TC(tp, blocked_signal_delivered_on_unblock);
	ATF_TP_ADD_TC(tp, sigaction_SIGKILL_EINVAL);
	ATF_TP_ADD_TC(tp, kill_bad_signal_EINVAL_bad_pid_ESRCH);
	ATF_TP_ADD_TC(tp, alarm_interrupts_read_with_EINTR);
	ATF_TP_ADD_TC(tp, sa_restart_restarts_read);
	ATF_TP_ADD_TC(tp, setitimer_interval_fires_repeatedly);
	ATF_TP_ADD_TC(tp, nanosleep_interrupted_reports_remaining);
	ATF_TP_ADD_TC(tp, nanosleep_bad_nsec_EINVAL);
	ATF_TP_ADD_TC(tp, sigchld_on_child_exit);
	ATF_TP_ADD_TC(tp, ignored_signal_not_delivered);
	ATF_TP_ADD_TC(tp, segv_kills_child_on_bad_access);
	return (atf_no_error());
}
