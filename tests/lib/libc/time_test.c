/*
 * time_test: calendar conversions (local time is UTC) and strftime.
 */
#include <string.h>
#include <time.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(gmtime_r_splits_epoch_seconds);
ATF_TC_BODY(gmtime_r_splits_epoch_seconds, tc)
{
	struct tm tm;
	time_t t;

	t = 0;
	ATF_REQUIRE(gmtime_r(&t, &tm) == &tm);
	ATF_REQUIRE_EQ(tm.tm_year, 70);
	ATF_REQUIRE_EQ(tm.tm_mon, 0);
	ATF_REQUIRE_EQ(tm.tm_mday, 1);
	ATF_REQUIRE_EQ(tm.tm_wday, 4);
	t = 951782400;		/* 2000-02-29 00:00:00, a leap day */
	gmtime_r(&t, &tm);
	ATF_REQUIRE_EQ(tm.tm_year, 100);
	ATF_REQUIRE_EQ(tm.tm_mon, 1);
	ATF_REQUIRE_EQ(tm.tm_mday, 29);
	ATF_REQUIRE_EQ(tm.tm_yday, 59);
	ATF_REQUIRE_EQ(tm.tm_wday, 2);
	t = -1;
	gmtime_r(&t, &tm);
	ATF_REQUIRE_EQ(tm.tm_year, 69);
	ATF_REQUIRE_EQ(tm.tm_hour, 23);
	ATF_REQUIRE_EQ(tm.tm_sec, 59);
}

ATF_TC_WITHOUT_HEAD(timegm_inverts_gmtime_and_normalizes);
ATF_TC_BODY(timegm_inverts_gmtime_and_normalizes, tc)
{
	struct tm tm;
	time_t t;

	for (t = -100000000; t < 4000000000; t += 86399 * 37) {
		gmtime_r(&t, &tm);
		ATF_REQUIRE_EQ(timegm(&tm), t);
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 124;
	tm.tm_mon = 12;		/* January of the next year */
	tm.tm_mday = 1;
	ATF_REQUIRE_EQ(timegm(&tm), 1735689600);
	ATF_REQUIRE_EQ(tm.tm_year, 125);
	ATF_REQUIRE_EQ(tm.tm_mon, 0);
}

ATF_TC_WITHOUT_HEAD(strftime_formats_common_conversions);
ATF_TC_BODY(strftime_formats_common_conversions, tc)
{
	struct tm tm;
	char buf[64];
	time_t t = 1700000000;	/* 2023-11-14 22:13:20 UTC, a Tuesday */

	gmtime_r(&t, &tm);
	ATF_REQUIRE_EQ(strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm), 19);
	ATF_REQUIRE_STREQ(buf, "2023-11-14 22:13:20");
	strftime(buf, sizeof(buf), "%a %b %e %j %%", &tm);
	ATF_REQUIRE_STREQ(buf, "Tue Nov 14 318 %");
	ATF_REQUIRE_EQ(strftime(buf, 5, "%Y-%m", &tm), 0);
	ATF_REQUIRE_STREQ(asctime(&tm), "Tue Nov 14 22:13:20 2023\n");
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, gmtime_r_splits_epoch_seconds);
	ATF_TP_ADD_TC(tp, timegm_inverts_gmtime_and_normalizes);
	ATF_TP_ADD_TC(tp, strftime_formats_common_conversions);
	return (atf_no_error());
}
