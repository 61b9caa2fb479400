/*
 * kill_test: /bin/kill sends TERM by default, the signal named with -s
 * NAME, -NAME or -N otherwise; -0 only checks that the process exists;
 * -l names signals.
 */
#include <signal.h>

#include "../cmdtest.h"

/* A child that waits to be killed; exits 0 if nothing comes in 60 s. */
static pid_t
start_victim(void)
{
	pid_t pid;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		sleep(60);
		_exit(0);
	}
	return (pid);
}

/* Run kill with FLAG (may be NULL) on pid; return how the victim died. */
static int
kill_victim(char *flag1, char *flag2)
{
	struct cmdresult r;
	char pidstr[16];
	char *argv[5] = { BINDIR "/kill" };
	int n = 1, status;
	pid_t pid;

	pid = start_victim();
	snprintf(pidstr, sizeof(pidstr), "%d", (int)pid);
	if (flag1 != NULL)
		argv[n++] = flag1;
	if (flag2 != NULL)
		argv[n++] = flag2;
	argv[n++] = pidstr;
	argv[n] = NULL;
	run_cmd(&r, NULL, argv);
	CHECK_STATUS(&r, 0);
	ATF_REQUIRE_EQ(pid, waitpid(pid, &status, 0));
	ATF_REQUIRE_MSG(WIFSIGNALED(status), "victim was not killed "
	    "(status %#x); kill said: %s", status, r.err);
	return (WTERMSIG(status));
}

ATF_TC_WITHOUT_HEAD(default_signal_is_TERM);
ATF_TC_BODY(default_signal_is_TERM, tc)
{
	ATF_CHECK_EQ(SIGTERM, kill_victim(NULL, NULL));
}

ATF_TC_WITHOUT_HEAD(s_flag_names_signal);
ATF_TC_BODY(s_flag_names_signal, tc)
{
	ATF_CHECK_EQ(SIGUSR1, kill_victim("-s", "USR1"));
}

ATF_TC_WITHOUT_HEAD(dash_name_with_SIG_prefix);
ATF_TC_BODY(dash_name_with_SIG_prefix, tc)
{
	ATF_CHECK_EQ(SIGHUP, kill_victim("-SIGHUP", NULL));
}

ATF_TC_WITHOUT_HEAD(dash_number);
ATF_TC_BODY(dash_number, tc)
{
	ATF_CHECK_EQ(SIGKILL, kill_victim("-9", NULL));
}

ATF_TC_WITHOUT_HEAD(signal_zero_checks_existence);
ATF_TC_BODY(signal_zero_checks_existence, tc)
{
	char *argv[] = { BINDIR "/kill", "-0", NULL, NULL };
	struct cmdresult r;
	char pidstr[16];
	int status;
	pid_t pid;

	pid = start_victim();
	snprintf(pidstr, sizeof(pidstr), "%d", (int)pid);
	argv[2] = pidstr;
	run_cmd(&r, NULL, argv);
	CHECK_STATUS(&r, 0);
	ATF_REQUIRE_EQ(0, kill(pid, SIGKILL));
	ATF_REQUIRE_EQ(pid, waitpid(pid, &status, 0));
	run_cmd(&r, NULL, argv);
	CHECK_STATUS(&r, 1);
	ATF_CHECK_MSG(strstr(r.err, pidstr) != NULL,
	    "stderr does not name the pid: %s", r.err);
}

ATF_TC_WITHOUT_HEAD(unknown_signal_is_usage_error);
ATF_TC_BODY(unknown_signal_is_usage_error, tc)
{
	char *argv[] = { BINDIR "/kill", "-NOSUCH", "1", NULL };
	struct cmdresult r;

	run_cmd(&r, NULL, argv);
	CHECK_STATUS(&r, 2);
	CHECK_OUT(&r, "");
}

ATF_TC_WITHOUT_HEAD(l_names_exit_status_signal);
ATF_TC_BODY(l_names_exit_status_signal, tc)
{
	char *argv[] = { BINDIR "/kill", "-l", "137", NULL };
	struct cmdresult r;

	run_cmd(&r, NULL, argv);
	CHECK_OUT(&r, "KILL\n");
	CHECK_STATUS(&r, 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, default_signal_is_TERM);
	ATF_TP_ADD_TC(tp, s_flag_names_signal);
	ATF_TP_ADD_TC(tp, dash_name_with_SIG_prefix);
	ATF_TP_ADD_TC(tp, dash_number);
	ATF_TP_ADD_TC(tp, signal_zero_checks_existence);
	ATF_TP_ADD_TC(tp, unknown_signal_is_usage_error);
	ATF_TP_ADD_TC(tp, l_names_exit_status_signal);
	return (atf_no_error());
}
