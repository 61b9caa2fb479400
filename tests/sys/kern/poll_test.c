/*
 * poll_test: poll(2) and select(2) readiness on pipes, timeouts,
 * POLLNVAL/POLLHUP, EBADF, EINVAL, and interruption by a signal (EINTR).
 */
#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <atf-c.h>

static long
elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return ((t1.tv_sec - t0->tv_sec) * 1000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000000);
}

ATF_TC_WITHOUT_HEAD(poll_pipe_readable_only_after_write);
ATF_TC_BODY(poll_pipe_readable_only_after_write, tc)
{
	struct pollfd pfd[2];
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	pfd[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	ATF_REQUIRE_EQ(poll(pfd, 2, 0), 1);
	ATF_REQUIRE_EQ(pfd[0].revents, 0);
	ATF_REQUIRE_EQ(pfd[1].revents, POLLOUT);
	ATF_REQUIRE_EQ(write(fds[1], "r", 1), 1);
	ATF_REQUIRE_EQ(poll(pfd, 2, 0), 2);
	ATF_REQUIRE_EQ(pfd[0].revents, POLLIN);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(poll_timeout_elapses_and_returns_0);
ATF_TC_BODY(poll_timeout_elapses_and_returns_0, tc)
{
	struct timespec t0;
	struct pollfd pfd;
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ATF_REQUIRE_EQ(poll(&pfd, 1, 200), 0);
	ATF_REQUIRE(elapsed_ms(&t0) >= 190);
	ATF_REQUIRE_EQ(pfd.revents, 0);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(poll_closed_fd_POLLNVAL_negative_fd_ignored);
ATF_TC_BODY(poll_closed_fd_POLLNVAL_negative_fd_ignored, tc)
{
	struct pollfd pfd[2];
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	close(fds[0]);
	close(fds[1]);
	pfd[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = -1, .events = POLLIN };
	ATF_REQUIRE_EQ(poll(pfd, 2, 0), 1);
	ATF_REQUIRE_EQ(pfd[0].revents, POLLNVAL);
	ATF_REQUIRE_EQ(pfd[1].revents, 0);
}

ATF_TC_WITHOUT_HEAD(poll_POLLHUP_when_writer_closes);
ATF_TC_BODY(poll_POLLHUP_when_writer_closes, tc)
{
	struct pollfd pfd;
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	close(fds[1]);
	pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	ATF_REQUIRE_EQ(poll(&pfd, 1, 0), 1);
	ATF_REQUIRE(pfd.revents & POLLHUP);
	close(fds[0]);
}

ATF_TC_WITHOUT_HEAD(poll_negative_timeout_other_than_INFTIM_EINVAL);
ATF_TC_BODY(poll_negative_timeout_other_than_INFTIM_EINVAL, tc)
{
	struct pollfd pfd = { .fd = 0, .events = POLLIN };

	errno = 0;
	ATF_REQUIRE_EQ(poll(&pfd, 1, -2), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(poll_wakes_when_child_writes);
ATF_TC_BODY(poll_wakes_when_child_writes, tc)
{
	struct pollfd pfd;
	int fds[2], status;
	pid_t pid;

	ATF_REQUIRE_EQ(pipe(fds), 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		usleep(100000);
		_exit(write(fds[1], "w", 1) == 1 ? 0 : 1);
	}
	pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	ATF_REQUIRE_EQ(poll(&pfd, 1, INFTIM), 1);
	ATF_REQUIRE_EQ(pfd.revents, POLLIN);
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	close(fds[0]);
	close(fds[1]);
}

static void
on_alarm(int sig)
{
}

ATF_TC_WITHOUT_HEAD(poll_interrupted_by_signal_EINTR);
ATF_TC_BODY(poll_interrupted_by_signal_EINTR, tc)
{
	struct sigaction sa;
	struct pollfd pfd;
	int fds[2];

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	ATF_REQUIRE_EQ(sigaction(SIGALRM, &sa, NULL), 0);
	ATF_REQUIRE_EQ(pipe(fds), 0);
	pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	alarm(1);
	errno = 0;
	ATF_REQUIRE_EQ(poll(&pfd, 1, 10000), -1);
	ATF_REQUIRE_EQ(errno, EINTR);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(select_reports_readable_and_writable);
ATF_TC_BODY(select_reports_readable_and_writable, tc)
{
	struct timeval tv = { 0, 0 };
	fd_set r, w;
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(fds[0], &r);
	FD_SET(fds[1], &w);
	ATF_REQUIRE_EQ(select(fds[1] + 1, &r, &w, NULL, &tv), 1);
	ATF_REQUIRE(!FD_ISSET(fds[0], &r));
	ATF_REQUIRE(FD_ISSET(fds[1], &w));
	ATF_REQUIRE_EQ(write(fds[1], "s", 1), 1);
	FD_SET(fds[0], &r);
	ATF_REQUIRE_EQ(select(fds[1] + 1, &r, NULL, NULL, &tv), 1);
	ATF_REQUIRE(FD_ISSET(fds[0], &r));
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(select_closed_fd_EBADF_bad_timeout_EINVAL);
ATF_TC_BODY(select_closed_fd_EBADF_bad_timeout_EINVAL, tc)
{
	struct timeval tv = { 0, 0 }, bad = { 0, 1000000 };
	fd_set r;
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	close(fds[1]);
	FD_ZERO(&r);
	FD_SET(fds[1], &r);
	errno = 0;
	ATF_REQUIRE_EQ(select(fds[1] + 1, &r, NULL, NULL, &tv), -1);
	ATF_REQUIRE_EQ(errno, EBADF);
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	errno = 0;
	ATF_REQUIRE_EQ(select(fds[0] + 1, &r, NULL, NULL, &bad), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
	close(fds[0]);
}

ATF_TC_WITHOUT_HEAD(select_timeout_returns_0_and_clears_sets);
ATF_TC_BODY(select_timeout_returns_0_and_clears_sets, tc)
{
	struct timeval tv = { 0, 100000 };
	fd_set r;
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	ATF_REQUIRE_EQ(select(fds[0] + 1, &r, NULL, NULL, &tv), 0);
	ATF_REQUIRE(!FD_ISSET(fds[0], &r));
	close(fds[0]);
	close(fds[1]);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, poll_pipe_readable_only_after_write);
	ATF_TP_ADD_TC(tp, poll_timeout_elapses_and_returns_0);
	ATF_TP_ADD_TC(tp, poll_closed_fd_POLLNVAL_negative_fd_ignored);
	ATF_TP_ADD_TC(tp, poll_POLLHUP_when_writer_closes);
	ATF_TP_ADD_TC(tp, poll_negative_timeout_other_than_INFTIM_EINVAL);
	ATF_TP_ADD_TC(tp, poll_wakes_when_child_writes);
	ATF_TP_ADD_TC(tp, poll_interrupted_by_signal_EINTR);
	ATF_TP_ADD_TC(tp, select_reports_readable_and_writable);
	ATF_TP_ADD_TC(tp, select_closed_fd_EBADF_bad_timeout_EINVAL);
	ATF_TP_ADD_TC(tp, select_timeout_returns_0_and_clears_sets);
	return (atf_no_error());
}
