/*
 * atf_c_test: libatf-c speaks the ATF test-program interface: it runs
 * atf_helpers (installed next to it) the way kyua does and checks the
 * listing, the result file line and the exit status of each case.
 */
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

/*
 * Run the helper with extra arguments (NULL-terminated), its standard
 * output going to "stdout.txt"; return the wait status.
 */
static int
run_helper(const atf_tc_t *tc, const char *arg, ...)
{
	char path[1024];
	const char *argv[16];
	va_list ap;
	pid_t pid;
	int n, status;

	snprintf(path, sizeof(path), "%s/atf_helpers",
	    atf_tc_get_config_var(tc, "srcdir"));
	argv[0] = path;
	n = 1;
	va_start(ap, arg);
	for (; arg != NULL && n < 15; arg = va_arg(ap, const char *))
		argv[n++] = arg;
	va_end(ap);
	argv[n] = NULL;
	pid = fork();
	ATF_REQUIRE(pid != -1);
	if (pid == 0) {
		atf_utils_redirect(STDOUT_FILENO, "stdout.txt");
		atf_utils_redirect(STDERR_FILENO, "stderr.txt");
		execv(path, (char *const *)argv);
		_exit(127);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	return (status);
}

/* Run one case of the helper; return its exit status (-signal if killed). */
static int
run_case(const atf_tc_t *tc, const char *name)
{
	int status;

	(void)unlink("result");
	status = run_helper(tc, "-r", "result", "-v", "color=blue",
	    "-v", "flag=yes", name, NULL);
	if (WIFSIGNALED(status))
		return (-WTERMSIG(status));
	ATF_REQUIRE(WIFEXITED(status));
	return (WEXITSTATUS(status));
}

static void
require_result(const char *expected)
{

	ATF_REQUIRE_MSG(atf_utils_compare_file("result", expected),
	    "result file differs from '%s'", expected);
}

ATF_TC_WITHOUT_HEAD(list_prints_header_then_each_case);
ATF_TC_BODY(list_prints_header_then_each_case, tc)
{
	int status;

	status = run_helper(tc, "-l", NULL);
	ATF_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ATF_REQUIRE(atf_utils_compare_file("stdout.txt",
	    "Content-Type: application/X-atf-tp; version=\"1\"\n"
	    "\n"
	    "ident: pass\n"
	    "descr: A case that passes\n"
	    "timeout: 30\n"
	    "\n"
	    "ident: fail_require\n"
	    "\n"
	    "ident: fail_explicit\n"
	    "\n"
	    "ident: checks_fail\n"
	    "\n"
	    "ident: skip\n"
	    "\n"
	    "ident: expect_fail_raised\n"
	    "\n"
	    "ident: expect_fail_not_raised\n"
	    "\n"
	    "ident: expect_fail_checks\n"
	    "\n"
	    "ident: expect_exit\n"
	    "\n"
	    "ident: expect_exit_continues\n"
	    "\n"
	    "ident: expect_signal\n"
	    "\n"
	    "ident: expect_timeout\n"
	    "\n"
	    "ident: require_errno_mismatch\n"
	    "\n"
	    "ident: require_errno_match\n"
	    "\n"
	    "ident: config\n"
	    "\n"
	    "ident: with_cleanup\n"
	    "has.cleanup: true\n"
	    "descr: Has a cleanup routine\n"));
}

ATF_TC_WITHOUT_HEAD(passing_body_writes_passed);
ATF_TC_BODY(passing_body_writes_passed, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "pass"), 0);
	require_result("passed\n");
	ATF_REQUIRE_EQ(run_case(tc, "require_errno_match"), 0);
	require_result("passed\n");
}

ATF_TC_WITHOUT_HEAD(failed_requirement_writes_failed_with_location);
ATF_TC_BODY(failed_requirement_writes_failed_with_location, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "fail_require"), 1);
	require_result("failed: tests/lib/libatf-c/atf_helpers.c:33: x != 2\n");
	ATF_REQUIRE(atf_utils_compare_file("stdout.txt", ""));
	ATF_REQUIRE_EQ(run_case(tc, "fail_explicit"), 1);
	require_result("failed: custom reason 7\n");
}

ATF_TC_WITHOUT_HEAD(failed_checks_fail_at_end_with_count);
ATF_TC_BODY(failed_checks_fail_at_end_with_count, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "checks_fail"), 1);
	require_result("failed: 3 checks failed; see output for more details\n");
	ATF_REQUIRE(atf_utils_compare_file("stderr.txt",
	    "*** Check failed: tests/lib/libatf-c/atf_helpers.c:48: 0 not met\n"
	    "*** Check failed: tests/lib/libatf-c/atf_helpers.c:49: 1 != 2\n"
	    "*** Check failed: third\n"));
}

ATF_TC_WITHOUT_HEAD(skip_writes_skipped_with_reason);
ATF_TC_BODY(skip_writes_skipped_with_reason, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "skip"), 0);
	require_result("skipped: not today\n");
}

ATF_TC_WITHOUT_HEAD(expect_fail_outcomes);
ATF_TC_BODY(expect_fail_outcomes, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "expect_fail_raised"), 0);
	require_result("expected_failure: bug 123: "
	    "tests/lib/libatf-c/atf_helpers.c:65: 0 not met\n");
	ATF_REQUIRE_EQ(run_case(tc, "expect_fail_not_raised"), 1);
	require_result("failed: Test case was expecting a failure but none "
	    "were raised\n");
	ATF_REQUIRE_EQ(run_case(tc, "expect_fail_checks"), 0);
	require_result("expected_failure: known: 1 checks failed as "
	    "expected; see output for more details\n");
}

ATF_TC_WITHOUT_HEAD(expect_exit_written_before_exit);
ATF_TC_BODY(expect_exit_written_before_exit, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "expect_exit"), 3);
	require_result("expected_exit(3): exits with 3\n");
	ATF_REQUIRE_EQ(run_case(tc, "expect_exit_continues"), 1);
	require_result("failed: Test case was expected to exit cleanly but "
	    "it continued execution\n");
}

ATF_TC_WITHOUT_HEAD(expect_signal_written_before_death);
ATF_TC_BODY(expect_signal_written_before_death, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "expect_signal"), -SIGABRT);
	require_result("expected_signal(6): aborts\n");
	ATF_REQUIRE_EQ(run_case(tc, "expect_timeout"), 0);
	require_result("expected_timeout: hangs\n");
}

ATF_TC_WITHOUT_HEAD(require_errno_reports_both_values);
ATF_TC_BODY(require_errno_reports_both_values, tc)
{
	char expect[128];

	ATF_REQUIRE_EQ(run_case(tc, "require_errno_mismatch"), 1);
	snprintf(expect, sizeof(expect), "failed: tests/lib/libatf-c/"
	    "atf_helpers.c:121: Expected errno %d, got %d, in 1\n", EBADF,
	    ENOENT);
	require_result(expect);
}

ATF_TC_WITHOUT_HEAD(config_variables_reach_the_body);
ATF_TC_BODY(config_variables_reach_the_body, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "config"), 0);
	require_result("passed\n");
}

ATF_TC_WITHOUT_HEAD(cleanup_part_runs_cleanup_only);
ATF_TC_BODY(cleanup_part_runs_cleanup_only, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "with_cleanup"), 0);
	ATF_REQUIRE(!atf_utils_file_exists("cleanup-ran"));
	ATF_REQUIRE_EQ(run_case(tc, "with_cleanup:cleanup"), 0);
	ATF_REQUIRE(atf_utils_file_exists("cleanup-ran"));
}

ATF_TC_WITHOUT_HEAD(unknown_case_is_a_usage_error);
ATF_TC_BODY(unknown_case_is_a_usage_error, tc)
{

	ATF_REQUIRE_EQ(run_case(tc, "no_such_case"), 2);
	ATF_REQUIRE_EQ(run_case(tc, "pass:bogus"), 2);
}

ATF_TC_WITHOUT_HEAD(utils_fork_wait_capture_child_output);
ATF_TC_BODY(utils_fork_wait_capture_child_output, tc)
{
	pid_t pid;

	pid = atf_utils_fork();
	if (pid == 0) {
		printf("to stdout\n");
		fprintf(stderr, "to stderr\n");
		exit(5);
	}
	atf_utils_wait(pid, 5, "to stdout\n", "save:saved-stderr");
	ATF_REQUIRE(atf_utils_compare_file("saved-stderr", "to stderr\n"));
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, list_prints_header_then_each_case);
	ATF_TP_ADD_TC(tp, passing_body_writes_passed);
	ATF_TP_ADD_TC(tp, failed_requirement_writes_failed_with_location);
	ATF_TP_ADD_TC(tp, failed_checks_fail_at_end_with_count);
	ATF_TP_ADD_TC(tp, skip_writes_skipped_with_reason);
	ATF_TP_ADD_TC(tp, expect_fail_outcomes);
	ATF_TP_ADD_TC(tp, expect_exit_written_before_exit);
	ATF_TP_ADD_TC(tp, expect_signal_written_before_death);
	ATF_TP_ADD_TC(tp, require_errno_reports_both_values);
	ATF_TP_ADD_TC(tp, config_variables_reach_the_body);
	ATF_TP_ADD_TC(tp, cleanup_part_runs_cleanup_only);
	ATF_TP_ADD_TC(tp, unknown_case_is_a_usage_error);
	ATF_TP_ADD_TC(tp, utils_fork_wait_capture_child_output);
	return (atf_no_error());
}
