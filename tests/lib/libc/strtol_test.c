/*
 * strtol_test: the strtol family: bases, prefixes, end pointers,
 * overflow (ERANGE with the clamped value) and invalid bases (EINVAL).
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(strtol_parses_sign_space_and_sets_end);
ATF_TC_BODY(strtol_parses_sign_space_and_sets_end, tc)
{
	const char *s = "  -123abc";
	char *end;

	ATF_REQUIRE_EQ(strtol(s, &end, 10), -123);
	ATF_REQUIRE_EQ(end, s + 6);
	ATF_REQUIRE_EQ(strtol("+7", NULL, 10), 7);
}

ATF_TC_WITHOUT_HEAD(strtol_base_zero_detects_hex_and_octal);
ATF_TC_BODY(strtol_base_zero_detects_hex_and_octal, tc)
{
	char *end;

	ATF_REQUIRE_EQ(strtol("0x1f", NULL, 0), 31);
	ATF_REQUIRE_EQ(strtol("0X1F", NULL, 16), 31);
	ATF_REQUIRE_EQ(strtol("017", NULL, 0), 15);
	ATF_REQUIRE_EQ(strtol("17", NULL, 0), 17);
	ATF_REQUIRE_EQ(strtol("z", NULL, 36), 35);
	ATF_REQUIRE_EQ(strtol("101", NULL, 2), 5);
	/* "0x" without hex digits is the number 0 followed by "x". */
	ATF_REQUIRE_EQ(strtol("0xg", &end, 0), 0);
	ATF_REQUIRE_EQ(*end, 'x');
}

ATF_TC_WITHOUT_HEAD(strtol_no_digits_returns_zero_and_nptr);
ATF_TC_BODY(strtol_no_digits_returns_zero_and_nptr, tc)
{
	const char *s = "  abc";
	char *end;

	ATF_REQUIRE_EQ(strtol(s, &end, 10), 0);
	ATF_REQUIRE_EQ(end, s);
	ATF_REQUIRE_EQ(strtoul("-", &end, 10), 0);
}

ATF_TC_WITHOUT_HEAD(strtol_overflow_clamps_with_ERANGE);
ATF_TC_BODY(strtol_overflow_clamps_with_ERANGE, tc)
{
	char *end;

	errno = 0;
	ATF_REQUIRE_EQ(strtol("9223372036854775807", NULL, 10), LONG_MAX);
	ATF_REQUIRE_EQ(errno, 0);
	ATF_REQUIRE_EQ(strtol("9223372036854775808", &end, 10), LONG_MAX);
	ATF_REQUIRE_EQ(errno, ERANGE);
	ATF_REQUIRE_EQ(*end, '\0');
	errno = 0;
	ATF_REQUIRE_EQ(strtol("-9223372036854775808", NULL, 10), LONG_MIN);
	ATF_REQUIRE_EQ(errno, 0);
	ATF_REQUIRE_EQ(strtol("-9223372036854775809", NULL, 10), LONG_MIN);
	ATF_REQUIRE_EQ(errno, ERANGE);
	errno = 0;
	ATF_REQUIRE_EQ(strtoll("99999999999999999999999", NULL, 10), LLONG_MAX);
	ATF_REQUIRE_EQ(errno, ERANGE);
}

ATF_TC_WITHOUT_HEAD(strtoul_negates_and_overflows);
ATF_TC_BODY(strtoul_negates_and_overflows, tc)
{

	errno = 0;
	ATF_REQUIRE_EQ(strtoul("-1", NULL, 10), ULONG_MAX);
	ATF_REQUIRE_EQ(errno, 0);
	ATF_REQUIRE_EQ(strtoul("18446744073709551615", NULL, 10), ULONG_MAX);
	ATF_REQUIRE_EQ(errno, 0);
	ATF_REQUIRE_EQ(strtoul("18446744073709551616", NULL, 10), ULONG_MAX);
	ATF_REQUIRE_EQ(errno, ERANGE);
	errno = 0;
	ATF_REQUIRE_EQ(strtoull("0xffffffffffffffff", NULL, 16), ULLONG_MAX);
	ATF_REQUIRE_EQ(errno, 0);
	ATF_REQUIRE_EQ(strtoumax("42", NULL, 10), 42);
	ATF_REQUIRE_EQ(strtoimax("-42", NULL, 10), -42);
}

ATF_TC_WITHOUT_HEAD(strtol_invalid_base_EINVAL);
ATF_TC_BODY(strtol_invalid_base_EINVAL, tc)
{

	errno = 0;
	ATF_REQUIRE_EQ(strtol("10", NULL, 1), 0);
	ATF_REQUIRE_EQ(errno, EINVAL);
	errno = 0;
	ATF_REQUIRE_EQ(strtol("10", NULL, 37), 0);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(atoi_atol_stop_at_garbage);
ATF_TC_BODY(atoi_atol_stop_at_garbage, tc)
{

	ATF_REQUIRE_EQ(atoi("  12x"), 12);
	ATF_REQUIRE_EQ(atol("-9"), -9);
	ATF_REQUIRE_EQ(atoll("123456789012"), 123456789012LL);
	ATF_REQUIRE_EQ(atoi("x"), 0);
}

ATF_TC_WITHOUT_HEAD(strtonum_reports_range_errors);
ATF_TC_BODY(strtonum_reports_range_errors, tc)
{
	const char *err;

	ATF_REQUIRE_EQ(strtonum("5", 1, 10, &err), 5);
	ATF_REQUIRE_EQ(err, NULL);
	ATF_REQUIRE_EQ(strtonum("11", 1, 10, &err), 0);
	ATF_REQUIRE_STREQ(err, "too large");
	ATF_REQUIRE_EQ(strtonum("x", 1, 10, &err), 0);
	ATF_REQUIRE_STREQ(err, "invalid");
}

ATF_TC_WITHOUT_HEAD(strtod_parses_decimal_hex_and_specials);
ATF_TC_BODY(strtod_parses_decimal_hex_and_specials, tc)
{
	char *end;
	double d;

	ATF_REQUIRE_EQ(strtod("1.5", NULL), 1.5);
	ATF_REQUIRE_EQ(strtod("-2.5e3x", &end), -2500.0);
	ATF_REQUIRE_EQ(*end, 'x');
	ATF_REQUIRE_EQ(strtod("0x1p4", NULL), 16.0);
	ATF_REQUIRE_EQ(strtod(".25", NULL), 0.25);
	d = strtod("inf", NULL);
	ATF_REQUIRE(d > 1e308);
	d = strtod("nan", NULL);
	ATF_REQUIRE(d != d);
	ATF_REQUIRE_EQ(strtod("abc", &end), 0.0);
	ATF_REQUIRE_STREQ(end, "abc");
	ATF_REQUIRE_EQ(atof("0.1"), 0.1);
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, strtol_parses_sign_space_and_sets_end);
	ATF_TP_ADD_TC(tp, strtol_base_zero_detects_hex_and_octal);
	ATF_TP_ADD_TC(tp, strtol_no_digits_returns_zero_and_nptr);
	ATF_TP_ADD_TC(tp, strtol_overflow_clamps_with_ERANGE);
	ATF_TP_ADD_TC(tp, strtoul_negates_and_overflows);
	ATF_TP_ADD_TC(tp, strtol_invalid_base_EINVAL);
	ATF_TP_ADD_TC(tp, atoi_atol_stop_at_garbage);
	ATF_TP_ADD_TC(tp, strtonum_reports_range_errors);
	ATF_TP_ADD_TC(tp, strtod_parses_decimal_hex_and_specials);
	return (atf_no_error());
}
