/*
 * printf_test: the printf family's conversions, flags, widths,
 * precisions, length modifiers and return values.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <atf-c.h>

#define	FMT_IS(expect, ...) do {					\
	char _buf[256];							\
	int _n = snprintf(_buf, sizeof(_buf), __VA_ARGS__);		\
	ATF_CHECK_STREQ_MSG(expect, _buf, "format %s", #__VA_ARGS__);	\
	ATF_CHECK_EQ_MSG((int)strlen(expect), _n, "length of %s", expect); \
} while (0)

ATF_TC_WITHOUT_HEAD(signed_decimal_with_flags_and_width);
ATF_TC_BODY(signed_decimal_with_flags_and_width, tc)
{

	FMT_IS("42", "%d", 42);
	FMT_IS("-42", "%i", -42);
	FMT_IS("   42", "%5d", 42);
	FMT_IS("42   |", "%-5d|", 42);
	FMT_IS("00042", "%05d", 42);
	FMT_IS("-0042", "%05d", -42);
	FMT_IS("+42", "%+d", 42);
	FMT_IS(" 42", "% d", 42);
	FMT_IS("  042", "%5.3d", 42);
	FMT_IS("", "%.0d", 0);
	FMT_IS("-2147483648", "%d", INT_MIN);
	FMT_IS("   42", "%*d", 5, 42);
	FMT_IS("42   ", "%*d", -5, 42);
	FMT_IS("00042", "%.*d", 5, 42);
}

ATF_TC_WITHOUT_HEAD(unsigned_hex_octal_with_alternate_form);
ATF_TC_BODY(unsigned_hex_octal_with_alternate_form, tc)
{

	FMT_IS("4294967295", "%u", UINT_MAX);
	FMT_IS("ff", "%x", 255);
	FMT_IS("FF", "%X", 255);
	FMT_IS("0xff", "%#x", 255);
	FMT_IS("0XFF", "%#X", 255);
	FMT_IS("0", "%#x", 0);
	FMT_IS("377", "%o", 255);
	FMT_IS("0377", "%#o", 255);
	FMT_IS("0", "%#o", 0);
	FMT_IS("0x00ff", "%#06x", 255);
}

ATF_TC_WITHOUT_HEAD(length_modifiers_select_argument_width);
ATF_TC_BODY(length_modifiers_select_argument_width, tc)
{

	FMT_IS("-1", "%hhd", 255);
	FMT_IS("255", "%hhu", 255);
	FMT_IS("-1", "%hd", 65535);
	FMT_IS("9223372036854775807", "%ld", LONG_MAX);
	FMT_IS("-9223372036854775808", "%lld", LLONG_MIN);
	FMT_IS("18446744073709551615", "%lu", ULONG_MAX);
	FMT_IS("18446744073709551615", "%zu", SIZE_MAX);
	FMT_IS("-5", "%zd", (ssize_t)-5);
	FMT_IS("123", "%jd", (intmax_t)123);
	FMT_IS("-7", "%td", (ptrdiff_t)-7);
	FMT_IS("ffffffffffffffff", "%" PRIx64, UINT64_MAX);
}

ATF_TC_WITHOUT_HEAD(strings_chars_pointers_percent);
ATF_TC_BODY(strings_chars_pointers_percent, tc)
{

	FMT_IS("hello", "%s", "hello");
	FMT_IS("hel", "%.3s", "hello");
	FMT_IS("  hi", "%4s", "hi");
	FMT_IS("hi  |", "%-4s|", "hi");
	FMT_IS("(null)", "%s", (char *)NULL);
	FMT_IS("x", "%c", 'x');
	FMT_IS("  x", "%3c", 'x');
	FMT_IS("100%", "%d%%", 100);
	FMT_IS("0x1234", "%p", (void *)0x1234);
}

ATF_TC_WITHOUT_HEAD(n_stores_count_so_far);
ATF_TC_BODY(n_stores_count_so_far, tc)
{
	char buf[32];
	int n = -1;

	snprintf(buf, sizeof(buf), "abc%ndef", &n);
	ATF_REQUIRE_EQ(n, 3);
}

ATF_TC_WITHOUT_HEAD(floating_point_conversions);
ATF_TC_BODY(floating_point_conversions, tc)
{

	FMT_IS("3.141593", "%f", 3.14159265);
	FMT_IS("3.14", "%.2f", 3.14159265);
	FMT_IS("3", "%.0f", 3.14159265);
	FMT_IS("3.", "%#.0f", 3.14159265);
	FMT_IS("-0.500000", "%f", -0.5);
	FMT_IS("  1.50", "%6.2f", 1.5);
	FMT_IS("001.50", "%06.2f", 1.5);
	FMT_IS("+1.0", "%+.1f", 1.0);
	FMT_IS("0.12", "%.2f", 0.125);
	FMT_IS("1.000000e+00", "%e", 1.0);
	FMT_IS("1.234560E+05", "%E", 123456.0);
	FMT_IS("1.5e-07", "%.1e", 1.5e-7);
	FMT_IS("100000", "%g", 100000.0);
	FMT_IS("1e+06", "%g", 1000000.0);
	FMT_IS("0.0001", "%g", 0.0001);
	FMT_IS("1e-05", "%g", 0.00001);
	FMT_IS("3.14159", "%g", 3.14159265);
	FMT_IS("2.50000", "%#g", 2.5);
	FMT_IS("inf", "%f", 1.0 / 0.0);
	FMT_IS("-INF", "%F", -1.0 / 0.0);
	FMT_IS("1234567.000", "%.3f", 1234567.0);
	FMT_IS("0.333333333333", "%.12f", 1.0 / 3.0);
}

ATF_TC_WITHOUT_HEAD(snprintf_truncates_and_returns_full_length);
ATF_TC_BODY(snprintf_truncates_and_returns_full_length, tc)
{
	char buf[5];

	memset(buf, 'x', sizeof(buf));
	ATF_REQUIRE_EQ(snprintf(buf, sizeof(buf), "%s", "abcdefgh"), 8);
	ATF_REQUIRE_STREQ(buf, "abcd");
	buf[0] = 'q';
	ATF_REQUIRE_EQ(snprintf(buf, 0, "%d", 12345), 5);
	ATF_REQUIRE_EQ(buf[0], 'q');
	ATF_REQUIRE_EQ(snprintf(NULL, 0, "%d", -1), 2);
}

ATF_TC_WITHOUT_HEAD(asprintf_allocates_long_results);
ATF_TC_BODY(asprintf_allocates_long_results, tc)
{
	char *p;
	int n;

	n = asprintf(&p, "%0500d|%s", 7, "end");
	ATF_REQUIRE_EQ(n, 504);
	ATF_REQUIRE_EQ(strlen(p), 504);
	ATF_REQUIRE_EQ(p[499], '7');
	ATF_REQUIRE_STREQ(p + 500, "|end");
	free(p);
}

ATF_TC_WITHOUT_HEAD(sprintf_writes_terminated_string);
ATF_TC_BODY(sprintf_writes_terminated_string, tc)
{
	char buf[32];

	ATF_REQUIRE_EQ(sprintf(buf, "%s-%d", "x", 9), 3);
	ATF_REQUIRE_STREQ(buf, "x-9");
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, signed_decimal_with_flags_and_width);
	ATF_TP_ADD_TC(tp, unsigned_hex_octal_with_alternate_form);
	ATF_TP_ADD_TC(tp, length_modifiers_select_argument_width);
	ATF_TP_ADD_TC(tp, strings_chars_pointers_percent);
	ATF_TP_ADD_TC(tp, n_stores_count_so_far);
	ATF_TP_ADD_TC(tp, floating_point_conversions);
	ATF_TP_ADD_TC(tp, snprintf_truncates_and_returns_full_length);
	ATF_TP_ADD_TC(tp, asprintf_allocates_long_results);
	ATF_TP_ADD_TC(tp, sprintf_writes_terminated_string);
	return (atf_no_error());
}
