/*
 * sleep_test: /bin/sleep waits at least the time asked, fractions
 * included, and rejects what is not a number.
 */
#include <time.h>

#include "../cmdtest.h"

static double
now(void)
{
	struct timespec ts;

	ATF_REQUIRE_EQ(0, clock_gettime(CLOCK_MONOTONIC, &ts));
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

static double
timed_sleep(char *arg, struct cmdresult *r)
{
	char *argv[] = { BINDIR "/sleep", arg, NULL };
	double t0;

	t0 = now();
	run_cmd(r, NULL, argv);
	return (now() - t0);
}

ATF_TC_WITHOUT_HEAD(fraction_waits_at_least_that_long);
ATF_TC_BODY(fraction_waits_at_least_that_long, tc)
{
	struct cmdresult r;
	double t;

	t = timed_sleep("0.5", &r);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(t >= 0.5, "slept %.3f s", t);
	ATF_CHECK_MSG(t < 5, "slept %.3f s", t);
}

ATF_TC_WITHOUT_HEAD(whole_seconds);
ATF_TC_BODY(whole_seconds, tc)
{
	struct cmdresult r;
	double t;

	t = timed_sleep("1", &r);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(t >= 1.0, "slept %.3f s", t);
}

ATF_TC_WITHOUT_HEAD(zero_returns_at_once);
ATF_TC_BODY(zero_returns_at_once, tc)
{
	struct cmdresult r;
	double t;

	t = timed_sleep("0", &r);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(t < 2, "slept %.3f s", t);
}

ATF_TC_WITHOUT_HEAD(not_a_number_is_an_error);
ATF_TC_BODY(not_a_number_is_an_error, tc)
{
	struct cmdresult r;

	timed_sleep("soon", &r);
	CHECK_STATUS(&r, 1);
	ATF_CHECK_MSG(strstr(r.err, "usage") != NULL, "stderr: %s", r.err);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, fraction_waits_at_least_that_long);
	ATF_TP_ADD_TC(tp, whole_seconds);
	ATF_TP_ADD_TC(tp, zero_returns_at_once);
	ATF_TP_ADD_TC(tp, not_a_number_is_an_error);
	return (atf_no_error());
}
