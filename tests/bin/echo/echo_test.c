/*
 * echo_test: /bin/echo prints its arguments separated by single spaces,
 * with a newline unless -n, and no escape processing.
 */
#include "../cmdtest.h"

static void
run_echo(struct cmdresult *r, char *a1, char *a2, char *a3)
{
	char *argv[] = { BINDIR "/echo", a1, a2, a3, NULL };

	run_cmd(r, NULL, argv);
}

ATF_TC_WITHOUT_HEAD(arguments_joined_by_one_space);
ATF_TC_BODY(arguments_joined_by_one_space, tc)
{
	struct cmdresult r;

	run_echo(&r, "a", "b  c", "d");
	CHECK_OUT(&r, "a b  c d\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(no_arguments_prints_newline);
ATF_TC_BODY(no_arguments_prints_newline, tc)
{
	struct cmdresult r;

	run_echo(&r, NULL, NULL, NULL);
	CHECK_OUT(&r, "\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(n_flag_omits_newline);
ATF_TC_BODY(n_flag_omits_newline, tc)
{
	struct cmdresult r;

	run_echo(&r, "-n", "x", "y");
	CHECK_OUT(&r, "x y");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(backslashes_are_printed_as_is);
ATF_TC_BODY(backslashes_are_printed_as_is, tc)
{
	struct cmdresult r;

	run_echo(&r, "a\\nb", "\\c", NULL);
	CHECK_OUT(&r, "a\\nb \\c\n");
	CHECK_STATUS(&r, 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, arguments_joined_by_one_space);
	ATF_TP_ADD_TC(tp, no_arguments_prints_newline);
	ATF_TP_ADD_TC(tp, n_flag_omits_newline);
	ATF_TP_ADD_TC(tp, backslashes_are_printed_as_is);
	return (atf_no_error());
}
