/*
 * atf_helpers: test cases with known outcomes, run by atf_c_test to
 * check libatf-c's test-program interface and result file.  Not a test
 * program of its own (not in the Kyuafile).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC(pass);
ATF_TC_HEAD(pass, tc)
{

	atf_tc_set_md_var(tc, "descr", "A case that passes");
	atf_tc_set_md_var(tc, "timeout", "%d", 30);
}
ATF_TC_BODY(pass, tc)
{

	ATF_CHECK(1);
	ATF_REQUIRE_EQ(2, 2);
}

ATF_TC_WITHOUT_HEAD(fail_require);
ATF_TC_BODY(fail_require, tc)
{
	int x = 1;

	ATF_REQUIRE_EQ(x, 2);
	printf("not reached\n");
}

ATF_TC_WITHOUT_HEAD(fail_explicit);
ATF_TC_BODY(fail_explicit, tc)
{

	atf_tc_fail("custom %s %d", "reason", 7);
}

ATF_TC_WITHOUT_HEAD(checks_fail);
ATF_TC_BODY(checks_fail, tc)
{

	ATF_CHECK(0);
	ATF_CHECK_EQ(1, 2);
	atf_tc_fail_nonfatal("third");
}

ATF_TC_WITHOUT_HEAD(skip);
ATF_TC_BODY(skip, tc)
{

	atf_tc_skip("not today");
}

ATF_TC_WITHOUT_HEAD(expect_fail_raised);
ATF_TC_BODY(expect_fail_raised, tc)
{

	atf_tc_expect_fail("bug 123");
	ATF_REQUIRE(0);
}

ATF_TC_WITHOUT_HEAD(expect_fail_not_raised);
ATF_TC_BODY(expect_fail_not_raised, tc)
{

	atf_tc_expect_fail("bug 123");
}

ATF_TC_WITHOUT_HEAD(expect_fail_checks);
ATF_TC_BODY(expect_fail_checks, tc)
{

	atf_tc_expect_fail("known");
	ATF_CHECK(0);
	atf_tc_expect_pass();
	ATF_CHECK(1);
}

ATF_TC_WITHOUT_HEAD(expect_exit);
ATF_TC_BODY(expect_exit, tc)
{

	atf_tc_expect_exit(3, "exits with %d", 3);
	exit(3);
}

ATF_TC_WITHOUT_HEAD(expect_exit_continues);
ATF_TC_BODY(expect_exit_continues, tc)
{

	atf_tc_expect_exit(-1, "should exit");
}

ATF_TC_WITHOUT_HEAD(expect_signal);
ATF_TC_BODY(expect_signal, tc)
{

	atf_tc_expect_signal(SIGABRT, "aborts");
	abort();
}

ATF_TC_WITHOUT_HEAD(expect_timeout);
ATF_TC_BODY(expect_timeout, tc)
{

	atf_tc_expect_timeout("hangs");
	exit(0);
}

ATF_TC_WITHOUT_HEAD(require_errno_mismatch);
ATF_TC_BODY(require_errno_mismatch, tc)
{

	errno = ENOENT;
	ATF_REQUIRE_ERRNO(EBADF, 1);
}

ATF_TC_WITHOUT_HEAD(require_errno_match);
ATF_TC_BODY(require_errno_match, tc)
{

	ATF_REQUIRE_ERRNO(EBADF, close(-1) == -1);
}

ATF_TC_WITHOUT_HEAD(config);
ATF_TC_BODY(config, tc)
{

	ATF_REQUIRE(atf_tc_has_config_var(tc, "srcdir"));
	ATF_REQUIRE_STREQ(atf_tc_get_config_var(tc, "color"), "blue");
	ATF_REQUIRE_STREQ(atf_tc_get_config_var_wd(tc, "none", "dflt"), "dflt");
	ATF_REQUIRE(atf_tc_get_config_var_as_bool_wd(tc, "flag", false));
	ATF_REQUIRE(!atf_tc_has_config_var(tc, "none"));
}

ATF_TC_WITH_CLEANUP(with_cleanup);
ATF_TC_HEAD(with_cleanup, tc)
{

	atf_tc_set_md_var(tc, "descr", "Has a cleanup routine");
}
ATF_TC_BODY(with_cleanup, tc)
{
}
ATF_TC_CLEANUP(with_cleanup, tc)
{

	atf_utils_create_file("cleanup-ran", "yes\n");
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, pass);
	ATF_TP_ADD_TC(tp, fail_require);
	ATF_TP_ADD_TC(tp, fail_explicit);
	ATF_TP_ADD_TC(tp, checks_fail);
	ATF_TP_ADD_TC(tp, skip);
	ATF_TP_ADD_TC(tp, expect_fail_raised);
	ATF_TP_ADD_TC(tp, expect_fail_not_raised);
	ATF_TP_ADD_TC(tp, expect_fail_checks);
	ATF_TP_ADD_TC(tp, expect_exit);
	ATF_TP_ADD_TC(tp, expect_exit_continues);
	ATF_TP_ADD_TC(tp, expect_signal);
	ATF_TP_ADD_TC(tp, expect_timeout);
	ATF_TP_ADD_TC(tp, require_errno_mismatch);
	ATF_TP_ADD_TC(tp, require_errno_match);
	ATF_TP_ADD_TC(tp, config);
	ATF_TP_ADD_TC(tp, with_cleanup);
	return (atf_no_error());
}
