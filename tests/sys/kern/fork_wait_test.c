/*
 * fork_wait_test: fork, _exit, wait4/waitpid and their errors.
 */
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(fork_child_exit_status_reported);
ATF_TC_BODY(fork_child_exit_status_reported, tc)
{
	pid_t pid, w;
	int status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		_exit(42);
	w = waitpid(pid, &status, 0);
	ATF_REQUIRE_EQ(w, pid);
	ATF_REQUIRE(WIFEXITED(status));
	ATF_REQUIRE_EQ(WEXITSTATUS(status), 42);
}

ATF_TC_WITHOUT_HEAD(fork_child_has_own_memory);
ATF_TC_BODY(fork_child_has_own_memory, tc)
{
	static volatile int shared_before = 7;
	pid_t pid;
	int status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		shared_before = 99;
		_exit(shared_before == 99 ? 0 : 1);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ATF_REQUIRE_EQ(shared_before, 7);
}

ATF_TC_WITHOUT_HEAD(getppid_in_child_is_parent);
ATF_TC_BODY(getppid_in_child_is_parent, tc)
{
	pid_t parent = getpid(), pid;
	int status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		_exit(getppid() == parent ? 0 : 1);
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE_EQ(WEXITSTATUS(status), 0);
	ATF_REQUIRE(pid != parent);
}

ATF_TC_WITHOUT_HEAD(wait_without_children_ECHILD);
ATF_TC_BODY(wait_without_children_ECHILD, tc)
{
	int status;

	errno = 0;
	ATF_REQUIRE_EQ(waitpid(-1, &status, 0), -1);
	ATF_REQUIRE_EQ(errno, ECHILD);
}

ATF_TC_WITHOUT_HEAD(waitpid_WNOHANG_running_child_returns_0);
ATF_TC_BODY(waitpid_WNOHANG_running_child_returns_0, tc)
{
	int fds[2], status;
	char c = 0;
	pid_t pid;

	ATF_REQUIRE_EQ(pipe(fds), 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		close(fds[1]);
		(void)read(fds[0], &c, 1);	/* until the parent says go */
		_exit(3);
	}
	close(fds[0]);
	ATF_REQUIRE_EQ(waitpid(pid, &status, WNOHANG), 0);
	ATF_REQUIRE_EQ(write(fds[1], &c, 1), 1);
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE_EQ(WEXITSTATUS(status), 3);
}

ATF_TC_WITHOUT_HEAD(waitpid_bad_options_EINVAL);
ATF_TC_BODY(waitpid_bad_options_EINVAL, tc)
{
	int status;

	errno = 0;
	ATF_REQUIRE_EQ(waitpid(-1, &status, 0x40000000), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(wait_status_EFAULT);
ATF_TC_BODY(wait_status_EFAULT, tc)
{
	pid_t pid = fork();

	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		_exit(0);
	errno = 0;
	ATF_REQUIRE_EQ(waitpid(pid, (int *)1, 0), -1);
	ATF_REQUIRE_EQ(errno, EFAULT);
}

ATF_TC_WITHOUT_HEAD(child_killed_by_signal_reported);
ATF_TC_BODY(child_killed_by_signal_reported, tc)
{
	pid_t pid;
	int status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		for (;;)
			pause();
	}
	ATF_REQUIRE_EQ(kill(pid, SIGTERM), 0);
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFSIGNALED(status));
	ATF_REQUIRE_EQ(WTERMSIG(status), SIGTERM);
}

ATF_TC_WITHOUT_HEAD(many_children_all_reaped);
ATF_TC_BODY(many_children_all_reaped, tc)
{
	int n = 20, seen = 0, status;
	pid_t pid;

	for (int i = 0; i < n; i++) {
		pid = fork();
		ATF_REQUIRE(pid >= 0);
		if (pid == 0)
			_exit(i);
	}
	while ((pid = wait(&status)) > 0) {
		ATF_REQUIRE(WIFEXITED(status));
		seen |= 1 << WEXITSTATUS(status);
		n--;
	}
	ATF_REQUIRE_EQ(errno, ECHILD);
	ATF_REQUIRE_EQ(n, 0);
	ATF_REQUIRE_EQ(seen, (1 << 20) - 1);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, fork_child_exit_status_reported);
	ATF_TP_ADD_TC(tp, fork_child_has_own_memory);
	ATF_TP_ADD_TC(tp, getppid_in_child_is_parent);
	ATF_TP_ADD_TC(tp, wait_without_children_ECHILD);
	ATF_TP_ADD_TC(tp, waitpid_WNOHANG_running_child_returns_0);
	ATF_TP_ADD_TC(tp, waitpid_bad_options_EINVAL);
	ATF_TP_ADD_TC(tp, wait_status_EFAULT);
	ATF_TP_ADD_TC(tp, child_killed_by_signal_reported);
	ATF_TP_ADD_TC(tp, many_children_all_reaped);
	return (atf_no_error());
}
