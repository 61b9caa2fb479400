/*
 * signal_test: sigaction handlers, masks, kill, EINTR vs SA_RESTART,
 * SIGALRM from setitimer/alarm, SIGCHLD, nanosleep interruption,
 * sigtimedwait/sigwaitinfo/sigwait.
 */
#include <sys/types.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <pthread.h>
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

/*
 * sig*wait.  Each case blocks the signals it waits for first (sigwait's
 * contract); signals sent "while waiting" come from a child or a thread
 * after a short delay, and the result is the same if they come earlier.
 */
static void
block_one(int sig, sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, sig);
	ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, set, NULL), 0);
}

/* A child that sends sig to its parent after delay_us, then exits. */
static pid_t
fork_kill_parent(int sig, useconds_t delay_us)
{
	pid_t pid = fork();

	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		usleep(delay_us);
		_exit(kill(getppid(), sig) == 0 ? 0 : 1);
	}
	return (pid);
}

static void
reap_ok(pid_t pid)
{
	int status;

	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_takes_pending_without_handler);
ATF_TC_BODY(sigtimedwait_takes_pending_without_handler, tc)
{
	struct timespec ts = { 5, 0 };
	siginfo_t si;
	sigset_t set, pend;

	got = 0;
	install(SIGUSR1, 0);
	block_one(SIGUSR1, &set);
	ATF_REQUIRE_EQ(kill(getpid(), SIGUSR1), 0);
	memset(&si, 0xa5, sizeof(si));
	ATF_REQUIRE_EQ(sigtimedwait(&set, &si, &ts), SIGUSR1);
	ATF_REQUIRE_EQ(si.si_signo, SIGUSR1);
	ATF_REQUIRE_EQ(si.si_code, SI_USER);
	ATF_REQUIRE_EQ(si.si_pid, getpid());
	ATF_REQUIRE_EQ(sigpending(&pend), 0);
	ATF_REQUIRE(!sigismember(&pend, SIGUSR1));
	/* Taken, not delivered: unblocking runs no handler. */
	ATF_REQUIRE_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	ATF_REQUIRE_EQ(got, 0);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_times_out_EAGAIN);
ATF_TC_BODY(sigtimedwait_times_out_EAGAIN, tc)
{
	struct timespec ts = { 0, 200000000 }, t0, t1;
	sigset_t set;
	long ms;

	block_one(SIGUSR1, &set);
	ATF_REQUIRE_EQ(clock_gettime(CLOCK_MONOTONIC, &t0), 0);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), -1);
	ATF_REQUIRE_EQ(errno, EAGAIN);
	ATF_REQUIRE_EQ(clock_gettime(CLOCK_MONOTONIC, &t1), 0);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000000;
	ATF_REQUIRE_MSG(ms >= 200, "waited only %ld ms", ms);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_zero_timeout_polls);
ATF_TC_BODY(sigtimedwait_zero_timeout_polls, tc)
{
	struct timespec ts = { 0, 0 };
	sigset_t set;

	block_one(SIGUSR2, &set);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), -1);
	ATF_REQUIRE_EQ(errno, EAGAIN);
	ATF_REQUIRE_EQ(kill(getpid(), SIGUSR2), 0);
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), SIGUSR2);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), -1);
	ATF_REQUIRE_EQ(errno, EAGAIN);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_bad_nsec_EINVAL);
ATF_TC_BODY(sigtimedwait_bad_nsec_EINVAL, tc)
{
	struct timespec big = { 0, 1000000000 }, neg = { 0, -1 };
	sigset_t set;

	block_one(SIGUSR1, &set);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &big), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &neg), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_bad_pointers_EFAULT);
ATF_TC_BODY(sigtimedwait_bad_pointers_EFAULT, tc)
{
	struct timespec ts = { 0, 0 };
	sigset_t set, pend;

	block_one(SIGUSR1, &set);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait((sigset_t *)16, NULL, &ts), -1);
	ATF_REQUIRE_EQ(errno, EFAULT);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, (struct timespec *)16), -1);
	ATF_REQUIRE_EQ(errno, EFAULT);
	/* A bad siginfo address fails before the signal is taken. */
	ATF_REQUIRE_EQ(kill(getpid(), SIGUSR1), 0);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, (siginfo_t *)16, &ts), -1);
	ATF_REQUIRE_EQ(errno, EFAULT);
	ATF_REQUIRE_EQ(sigpending(&pend), 0);
	ATF_REQUIRE(sigismember(&pend, SIGUSR1));
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), SIGUSR1);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_returns_signal_child_sends_later);
ATF_TC_BODY(sigtimedwait_returns_signal_child_sends_later, tc)
{
	struct timespec ts = { 20, 0 };
	siginfo_t si;
	sigset_t set;
	pid_t pid;

	got = 0;
	install(SIGUSR2, 0);
	block_one(SIGUSR2, &set);
	pid = fork_kill_parent(SIGUSR2, 200000);
	ATF_REQUIRE_EQ(sigtimedwait(&set, &si, &ts), SIGUSR2);
	ATF_REQUIRE_EQ(si.si_pid, pid);
	ATF_REQUIRE_EQ(got, 0);
	reap_ok(pid);
}

static pthread_t sig_target;

static void *
thread_kill_target(void *arg)
{
	usleep(200000);
	return ((void *)(long)pthread_kill(sig_target, (int)(long)arg));
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_returns_signal_thread_sends_later);
ATF_TC_BODY(sigtimedwait_returns_signal_thread_sends_later, tc)
{
	struct timespec ts = { 20, 0 };
	pthread_t t;
	sigset_t set;
	void *ret;

	got = 0;
	install(SIGUSR1, 0);
	block_one(SIGUSR1, &set);	/* the new thread inherits the mask */
	sig_target = pthread_self();
	ATF_REQUIRE_EQ(pthread_create(&t, NULL, thread_kill_target,
	    (void *)(long)SIGUSR1), 0);
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), SIGUSR1);
	ATF_REQUIRE_EQ(pthread_join(t, &ret), 0);
	ATF_REQUIRE_EQ(ret, NULL);
	ATF_REQUIRE_EQ(got, 0);
}

ATF_TC_WITHOUT_HEAD(sigwait_returns_zero_and_signal);
ATF_TC_BODY(sigwait_returns_zero_and_signal, tc)
{
	sigset_t set;
	pid_t pid;
	int sig = 0;

	got = 0;
	install(SIGUSR1, 0);
	block_one(SIGUSR1, &set);
	sigaddset(&set, SIGUSR2);
	ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	pid = fork_kill_parent(SIGUSR2, 100000);
	ATF_REQUIRE_EQ(sigwait(&set, &sig), 0);
	ATF_REQUIRE_EQ(sig, SIGUSR2);
	reap_ok(pid);
	ATF_REQUIRE_EQ(kill(getpid(), SIGUSR1), 0);
	ATF_REQUIRE_EQ(sigwait(&set, &sig), 0);
	ATF_REQUIRE_EQ(sig, SIGUSR1);
	ATF_REQUIRE_EQ(got, 0);
}

ATF_TC_WITHOUT_HEAD(sigwait_sees_default_ignored_sigchld);
ATF_TC_BODY(sigwait_sees_default_ignored_sigchld, tc)
{
	sigset_t set;
	pid_t pid;
	int sig = 0;

	ATF_REQUIRE(signal(SIGCHLD, SIG_DFL) != SIG_ERR);
	block_one(SIGCHLD, &set);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		_exit(0);
	/* The child may be gone before we wait: SIGCHLD stays pending. */
	ATF_REQUIRE_EQ(sigwait(&set, &sig), 0);
	ATF_REQUIRE_EQ(sig, SIGCHLD);
	reap_ok(pid);
}

ATF_TC_WITHOUT_HEAD(sigwaitinfo_fills_signo_and_child_pid);
ATF_TC_BODY(sigwaitinfo_fills_signo_and_child_pid, tc)
{
	siginfo_t si;
	sigset_t set;
	pid_t pid;

	block_one(SIGUSR1, &set);
	pid = fork_kill_parent(SIGUSR1, 100000);
	memset(&si, 0, sizeof(si));
	ATF_REQUIRE_EQ(sigwaitinfo(&set, &si), SIGUSR1);
	ATF_REQUIRE_EQ(si.si_signo, SIGUSR1);
	ATF_REQUIRE_EQ(si.si_code, SI_USER);
	ATF_REQUIRE_EQ(si.si_pid, pid);
	ATF_REQUIRE_EQ(si.si_uid, getuid());
	reap_ok(pid);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_EINTR_by_handled_signal_outside_set);
ATF_TC_BODY(sigtimedwait_EINTR_by_handled_signal_outside_set, tc)
{
	struct timespec ts = { 20, 0 };
	sigset_t set, pend;
	pid_t pid;

	got = 0;
	install(SIGUSR2, 0);		/* unblocked, handled, no SA_RESTART */
	block_one(SIGUSR1, &set);
	pid = fork_kill_parent(SIGUSR2, 200000);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), -1);
	ATF_REQUIRE_EQ(errno, EINTR);
	ATF_REQUIRE_EQ(got, 1);
	ATF_REQUIRE_EQ(got_sig, SIGUSR2);
	ATF_REQUIRE_EQ(sigpending(&pend), 0);
	ATF_REQUIRE(!sigismember(&pend, SIGUSR1));
	reap_ok(pid);
}

ATF_TC_WITHOUT_HEAD(sigwaitinfo_EINTR_by_handled_signal_outside_set);
ATF_TC_BODY(sigwaitinfo_EINTR_by_handled_signal_outside_set, tc)
{
	sigset_t set;
	pid_t pid;

	got = 0;
	install(SIGUSR2, 0);
	block_one(SIGUSR1, &set);
	pid = fork_kill_parent(SIGUSR2, 200000);
	errno = 0;
	ATF_REQUIRE_EQ(sigwaitinfo(&set, NULL), -1);
	ATF_REQUIRE_EQ(errno, EINTR);
	ATF_REQUIRE_EQ(got, 1);
	reap_ok(pid);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_ignores_SIGKILL_in_set);
ATF_TC_BODY(sigtimedwait_ignores_SIGKILL_in_set, tc)
{
	struct timespec ts = { 0, 0 };
	sigset_t set;
	pid_t pid;
	int status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		struct timespec forever = { 30, 0 };

		sigemptyset(&set);
		sigaddset(&set, SIGKILL);
		(void)sigtimedwait(&set, NULL, &forever);
		_exit(0);
	}
	usleep(200000);
	ATF_REQUIRE_EQ(kill(pid, SIGKILL), 0);
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFSIGNALED(status));
	ATF_REQUIRE_EQ(WTERMSIG(status), SIGKILL);
	sigemptyset(&set);
	sigaddset(&set, SIGKILL);
	errno = 0;
	ATF_REQUIRE_EQ(sigtimedwait(&set, NULL, &ts), -1);
	ATF_REQUIRE_EQ(errno, EAGAIN);
}

/*
 * Race: a second thread posts SIGUSR1 (to the process, or to the waiting
 * thread) at a varying moment after each round starts, so on several CPUs
 * posts land before, during and after the waiter's pending check.  One
 * signal per round.  A lost wakeup would leave the signal pending until
 * the 30 s timeout (which then still returns it): so each round must end
 * well before that.
 */
#define RACE_ROUNDS	300

static volatile int race_round;

static void *
race_poster(void *arg)
{
	for (int i = 1; i <= RACE_ROUNDS; i++) {
		while (__atomic_load_n(&race_round, __ATOMIC_ACQUIRE) < i)
			;
		for (volatile int spin = 0; spin < (i % 16) * 500; spin++)
			;
		if (i % 2)
			kill(getpid(), SIGUSR1);
		else
			pthread_kill(sig_target, SIGUSR1);
	}
	return (NULL);
}

ATF_TC_WITHOUT_HEAD(sigtimedwait_loses_no_signal_racing_the_wait);
ATF_TC_BODY(sigtimedwait_loses_no_signal_racing_the_wait, tc)
{
	struct timespec ts = { 30, 0 }, t0, t1;
	pthread_t t;
	sigset_t set;
	int i, sig;

	got = 0;
	install(SIGUSR1, 0);
	block_one(SIGUSR1, &set);
	sig_target = pthread_self();
	race_round = 0;
	ATF_REQUIRE_EQ(pthread_create(&t, NULL, race_poster, NULL), 0);
	for (i = 1; i <= RACE_ROUNDS; i++) {
		ATF_REQUIRE_EQ(clock_gettime(CLOCK_MONOTONIC, &t0), 0);
		__atomic_store_n(&race_round, i, __ATOMIC_RELEASE);
		sig = sigtimedwait(&set, NULL, &ts);
		ATF_REQUIRE_MSG(sig == SIGUSR1, "round %d: %d errno %d", i,
		    sig, errno);
		ATF_REQUIRE_EQ(clock_gettime(CLOCK_MONOTONIC, &t1), 0);
		ATF_REQUIRE_MSG(t1.tv_sec - t0.tv_sec < 5,
		    "round %d: woken only by the timeout", i);
	}
	ATF_REQUIRE_EQ(pthread_join(t, NULL), 0);
	ATF_REQUIRE_EQ(got, 0);
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
	ATF_TP_ADD_TC(tp, sigtimedwait_takes_pending_without_handler);
	ATF_TP_ADD_TC(tp, sigtimedwait_times_out_EAGAIN);
	ATF_TP_ADD_TC(tp, sigtimedwait_zero_timeout_polls);
	ATF_TP_ADD_TC(tp, sigtimedwait_bad_nsec_EINVAL);
	ATF_TP_ADD_TC(tp, sigtimedwait_bad_pointers_EFAULT);
	ATF_TP_ADD_TC(tp, sigtimedwait_returns_signal_child_sends_later);
	ATF_TP_ADD_TC(tp, sigtimedwait_returns_signal_thread_sends_later);
	ATF_TP_ADD_TC(tp, sigwait_returns_zero_and_signal);
	ATF_TP_ADD_TC(tp, sigwait_sees_default_ignored_sigchld);
	ATF_TP_ADD_TC(tp, sigwaitinfo_fills_signo_and_child_pid);
	ATF_TP_ADD_TC(tp, sigtimedwait_EINTR_by_handled_signal_outside_set);
	ATF_TP_ADD_TC(tp, sigwaitinfo_EINTR_by_handled_signal_outside_set);
	ATF_TP_ADD_TC(tp, sigtimedwait_ignores_SIGKILL_in_set);
	ATF_TP_ADD_TC(tp, sigtimedwait_loses_no_signal_racing_the_wait);
	return (atf_no_error());
}
