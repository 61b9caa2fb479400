/*
 * string_test: the string and memory functions of string.h/strings.h,
 * one behaviour per case, exact results.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(strlcpy_truncates_and_returns_source_length);
ATF_TC_BODY(strlcpy_truncates_and_returns_source_length, tc)
{
	char buf[4];

	memset(buf, 'x', sizeof(buf));
	ATF_REQUIRE_EQ(strlcpy(buf, "abcdef", sizeof(buf)), 6);
	ATF_REQUIRE_STREQ(buf, "abc");
	ATF_REQUIRE_EQ(strlcpy(buf, "ab", sizeof(buf)), 2);
	ATF_REQUIRE_STREQ(buf, "ab");
	buf[0] = 'q';
	ATF_REQUIRE_EQ(strlcpy(buf, "abc", 0), 3);
	ATF_REQUIRE_EQ(buf[0], 'q');
}

ATF_TC_WITHOUT_HEAD(strlcat_appends_and_returns_total_length);
ATF_TC_BODY(strlcat_appends_and_returns_total_length, tc)
{
	char buf[8] = "abc";

	ATF_REQUIRE_EQ(strlcat(buf, "defgh", sizeof(buf)), 8);
	ATF_REQUIRE_STREQ(buf, "abcdefg");
	/* Destination not terminated within size: size + strlen(src). */
	ATF_REQUIRE_EQ(strlcat(buf, "xy", 3), 5);
}

ATF_TC_WITHOUT_HEAD(strchr_strrchr_find_first_and_last);
ATF_TC_BODY(strchr_strrchr_find_first_and_last, tc)
{
	const char *s = "a/b/c";

	ATF_REQUIRE_EQ(strchr(s, '/'), s + 1);
	ATF_REQUIRE_EQ(strrchr(s, '/'), s + 3);
	ATF_REQUIRE_EQ(strchr(s, '\0'), s + 5);
	ATF_REQUIRE_EQ(strchr(s, 'z'), NULL);
	ATF_REQUIRE_EQ(index(s, 'b'), s + 2);
	ATF_REQUIRE_EQ(rindex(s, 'a'), s);
}

ATF_TC_WITHOUT_HEAD(strstr_finds_substring_or_null);
ATF_TC_BODY(strstr_finds_substring_or_null, tc)
{
	const char *s = "hello world";

	ATF_REQUIRE_EQ(strstr(s, "world"), s + 6);
	ATF_REQUIRE_EQ(strstr(s, ""), s);
	ATF_REQUIRE_EQ(strstr(s, "worlds"), NULL);
	ATF_REQUIRE_EQ(strnstr(s, "world", 10), NULL);
	ATF_REQUIRE_EQ(strnstr(s, "world", 11), s + 6);
	ATF_REQUIRE_EQ(strcasestr(s, "WORLD"), s + 6);
}

ATF_TC_WITHOUT_HEAD(strcmp_family_orders_as_unsigned_bytes);
ATF_TC_BODY(strcmp_family_orders_as_unsigned_bytes, tc)
{

	ATF_REQUIRE(strcmp("abc", "abd") < 0);
	ATF_REQUIRE(strcmp("abc", "abc") == 0);
	ATF_REQUIRE(strcmp("\xff", "a") > 0);
	ATF_REQUIRE(strncmp("abcx", "abcy", 3) == 0);
	ATF_REQUIRE(strcasecmp("HeLLo", "hello") == 0);
	ATF_REQUIRE(strncasecmp("HeLLoX", "helloY", 5) == 0);
	ATF_REQUIRE(strcasecmp("a", "B") < 0);
	ATF_REQUIRE(memcmp("\x80", "\x01", 1) > 0);
}

ATF_TC_WITHOUT_HEAD(memmove_handles_overlap_both_ways);
ATF_TC_BODY(memmove_handles_overlap_both_ways, tc)
{
	char buf[16];

	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 5);
	ATF_REQUIRE_STREQ(buf, "0101234789");
	strcpy(buf, "0123456789");
	memmove(buf, buf + 3, 5);
	ATF_REQUIRE_STREQ(buf, "3456756789");
	bcopy("ab", buf, 2);
	ATF_REQUIRE_EQ(buf[0], 'a');
}

ATF_TC_WITHOUT_HEAD(memset_memchr_memmem);
ATF_TC_BODY(memset_memchr_memmem, tc)
{
	char buf[32];

	memset(buf, 'z', sizeof(buf));
	ATF_REQUIRE_EQ(buf[31], 'z');
	bzero(buf, 8);
	ATF_REQUIRE_EQ(buf[7], 0);
	ATF_REQUIRE_EQ(buf[8], 'z');
	ATF_REQUIRE_EQ(memchr(buf, 'z', sizeof(buf)), buf + 8);
	ATF_REQUIRE_EQ(memchr(buf, 'q', sizeof(buf)), NULL);
	ATF_REQUIRE_EQ(memmem("abcabd", 6, "abd", 3), (void *)("abcabd" + 3));
}

ATF_TC_WITHOUT_HEAD(strtok_r_splits_on_any_delimiter);
ATF_TC_BODY(strtok_r_splits_on_any_delimiter, tc)
{
	char s[] = "  a,b;;c ";
	char *last, *t;

	t = strtok_r(s, " ,;", &last);
	ATF_REQUIRE_STREQ(t, "a");
	ATF_REQUIRE_STREQ(strtok_r(NULL, " ,;", &last), "b");
	ATF_REQUIRE_STREQ(strtok_r(NULL, " ,;", &last), "c");
	ATF_REQUIRE_EQ(strtok_r(NULL, " ,;", &last), NULL);
}

ATF_TC_WITHOUT_HEAD(strsep_returns_empty_fields);
ATF_TC_BODY(strsep_returns_empty_fields, tc)
{
	char s[] = "a,,b";
	char *p = s;

	ATF_REQUIRE_STREQ(strsep(&p, ","), "a");
	ATF_REQUIRE_STREQ(strsep(&p, ","), "");
	ATF_REQUIRE_STREQ(strsep(&p, ","), "b");
	ATF_REQUIRE_EQ(p, NULL);
	ATF_REQUIRE_EQ(strsep(&p, ","), NULL);
}

ATF_TC_WITHOUT_HEAD(strdup_strndup_copy);
ATF_TC_BODY(strdup_strndup_copy, tc)
{
	char *p;

	p = strdup("hello");
	ATF_REQUIRE(p != NULL);
	ATF_REQUIRE_STREQ(p, "hello");
	free(p);
	p = strndup("hello", 3);
	ATF_REQUIRE_STREQ(p, "hel");
	free(p);
	ATF_REQUIRE_EQ(strnlen("hello", 3), 3);
	ATF_REQUIRE_EQ(strnlen("hi", 3), 2);
}

ATF_TC_WITHOUT_HEAD(strspn_strcspn_strpbrk);
ATF_TC_BODY(strspn_strcspn_strpbrk, tc)
{

	ATF_REQUIRE_EQ(strspn("aabbc", "ab"), 4);
	ATF_REQUIRE_EQ(strcspn("hello, world", ",."), 5);
	ATF_REQUIRE_STREQ(strpbrk("hello, world", " ,"), ", world");
	ATF_REQUIRE_EQ(strpbrk("abc", "xyz"), NULL);
}

ATF_TC_WITHOUT_HEAD(strerror_uses_freebsd_messages);
ATF_TC_BODY(strerror_uses_freebsd_messages, tc)
{
	char buf[8];

	ATF_REQUIRE_STREQ(strerror(ENOENT), "No such file or directory");
	ATF_REQUIRE_STREQ(strerror(EAGAIN), "Resource temporarily unavailable");
	ATF_REQUIRE_STREQ(strerror(ECONNREFUSED), "Connection refused");
	ATF_REQUIRE_STREQ(strerror(12345), "Unknown error: 12345");
	ATF_REQUIRE_EQ(strerror_r(ENOENT, buf, sizeof(buf)), ERANGE);
	ATF_REQUIRE_STREQ(strsignal(SIGSEGV), "Segmentation fault");
}

ATF_TC_WITHOUT_HEAD(ffs_fls_count_from_one);
ATF_TC_BODY(ffs_fls_count_from_one, tc)
{

	ATF_REQUIRE_EQ(ffs(0), 0);
	ATF_REQUIRE_EQ(ffs(1), 1);
	ATF_REQUIRE_EQ(ffs(0x80), 8);
	ATF_REQUIRE_EQ(fls(0x80), 8);
	ATF_REQUIRE_EQ(flsl(1L << 40), 41);
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, strlcpy_truncates_and_returns_source_length);
	ATF_TP_ADD_TC(tp, strlcat_appends_and_returns_total_length);
	ATF_TP_ADD_TC(tp, strchr_strrchr_find_first_and_last);
	ATF_TP_ADD_TC(tp, strstr_finds_substring_or_null);
	ATF_TP_ADD_TC(tp, strcmp_family_orders_as_unsigned_bytes);
	ATF_TP_ADD_TC(tp, memmove_handles_overlap_both_ways);
	ATF_TP_ADD_TC(tp, memset_memchr_memmem);
	ATF_TP_ADD_TC(tp, strtok_r_splits_on_any_delimiter);
	ATF_TP_ADD_TC(tp, strsep_returns_empty_fields);
	ATF_TP_ADD_TC(tp, strdup_strndup_copy);
	ATF_TP_ADD_TC(tp, strspn_strcspn_strpbrk);
	ATF_TP_ADD_TC(tp, strerror_uses_freebsd_messages);
	ATF_TP_ADD_TC(tp, ffs_fls_count_from_one);
	return (atf_no_error());
}
