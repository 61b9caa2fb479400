/*
 * cat_test: /bin/cat copies its files, "-" and standard input to standard
 * output byte for byte, reports unreadable files and goes on.
 */
#include "../cmdtest.h"

ATF_TC_WITHOUT_HEAD(files_are_copied_in_order);
ATF_TC_BODY(files_are_copied_in_order, tc)
{
	char *argv[] = { BINDIR "/cat", "a", "b", "a", NULL };
	struct cmdresult r;

	cmd_write_file("a", "first\n");
	cmd_write_file("b", "second");
	run_cmd(&r, NULL, argv);
	CHECK_OUT(&r, "first\nsecondfirst\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(no_operands_reads_standard_input);
ATF_TC_BODY(no_operands_reads_standard_input, tc)
{
	char *argv[] = { BINDIR "/cat", NULL };
	struct cmdresult r;

	run_cmd(&r, "from stdin\n", argv);
	CHECK_OUT(&r, "from stdin\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(dash_is_standard_input);
ATF_TC_BODY(dash_is_standard_input, tc)
{
	char *argv[] = { BINDIR "/cat", "a", "-", "a", NULL };
	struct cmdresult r;

	cmd_write_file("a", "A");
	run_cmd(&r, "in", argv);
	CHECK_OUT(&r, "AinA");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(missing_file_reported_and_rest_copied);
ATF_TC_BODY(missing_file_reported_and_rest_copied, tc)
{
	char *argv[] = { BINDIR "/cat", "a", "/nonexistent", "a", NULL };
	struct cmdresult r;

	cmd_write_file("a", "A");
	run_cmd(&r, NULL, argv);
	CHECK_OUT(&r, "AA");
	CHECK_STATUS(&r, 1);
	ATF_CHECK_MSG(strstr(r.err, "/nonexistent") != NULL,
	    "stderr does not name the file: %s", r.err);
}

/* 200 KiB through a shell redirection, compared byte for byte. */
ATF_TC_WITHOUT_HEAD(large_file_copied_exactly);
ATF_TC_BODY(large_file_copied_exactly, tc)
{
	static char buf[200 * 1024], copy[200 * 1024 + 1];
	struct cmdresult r;
	ssize_t n;
	size_t i, got = 0;
	int fd;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + i / 251);
	fd = open("big", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ((ssize_t)sizeof(buf), write(fd, buf, sizeof(buf)));
	ATF_REQUIRE_EQ(0, close(fd));
	run_sh(&r, "cat big > copy");
	CHECK_STATUS(&r, 0);
	fd = open("copy", O_RDONLY);
	ATF_REQUIRE(fd >= 0);
	while ((n = read(fd, copy + got, sizeof(copy) - got)) > 0)
		got += n;
	close(fd);
	ATF_REQUIRE_EQ(sizeof(buf), got);
	ATF_CHECK(memcmp(buf, copy, sizeof(buf)) == 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, files_are_copied_in_order);
	ATF_TP_ADD_TC(tp, no_operands_reads_standard_input);
	ATF_TP_ADD_TC(tp, dash_is_standard_input);
	ATF_TP_ADD_TC(tp, missing_file_reported_and_rest_copied);
	ATF_TP_ADD_TC(tp, large_file_copied_exactly);
	return (atf_no_error());
}
