/*
 * ls_test: /bin/ls lists names sorted, hides dot files without -a, and
 * shows mode, links, owner, size and name with -l.
 */
#include <sys/stat.h>

#include "../cmdtest.h"

static void
run_ls(struct cmdresult *r, char *a1, char *a2, char *a3)
{
	char *argv[] = { BINDIR "/ls", a1, a2, a3, NULL };

	run_cmd(r, NULL, argv);
}

ATF_TC_WITHOUT_HEAD(names_sorted_one_per_line);
ATF_TC_BODY(names_sorted_one_per_line, tc)
{
	struct cmdresult r;

	ATF_REQUIRE_EQ(0, mkdir("d", 0755));
	cmd_write_file("d/c", "");
	cmd_write_file("d/a", "");
	cmd_write_file("d/B", "");
	run_ls(&r, "d", NULL, NULL);
	CHECK_OUT(&r, "B\na\nc\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(no_operand_lists_working_directory);
ATF_TC_BODY(no_operand_lists_working_directory, tc)
{
	struct cmdresult r;

	cmd_write_file("only", "");
	run_ls(&r, NULL, NULL, NULL);
	/* run_cmd itself leaves stderr.out here. */
	CHECK_OUT(&r, "only\nstderr.out\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(dot_files_only_with_a);
ATF_TC_BODY(dot_files_only_with_a, tc)
{
	struct cmdresult r;

	ATF_REQUIRE_EQ(0, mkdir("d", 0755));
	cmd_write_file("d/.hidden", "");
	cmd_write_file("d/shown", "");
	run_ls(&r, "d", NULL, NULL);
	CHECK_OUT(&r, "shown\n");
	run_ls(&r, "-a", "d", NULL);
	CHECK_OUT(&r, ".\n..\n.hidden\nshown\n");
}

ATF_TC_WITHOUT_HEAD(long_format_mode_links_size_name);
ATF_TC_BODY(long_format_mode_links_size_name, tc)
{
	struct cmdresult r;

	cmd_write_file_mode("f", "12345", 0640);
	run_ls(&r, "-l", "f", NULL);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(strncmp(r.out, "-rw-r----- ", 11) == 0,
	    "mode field wrong: %s", r.out);
	ATF_CHECK_MSG(strstr(r.out, " 5 f\n") != NULL,
	    "size and name not at the end: %s", r.out);
	ATF_CHECK_MSG(strstr(r.out, "   1 ") != NULL,
	    "link count 1 missing: %s", r.out);
}

ATF_TC_WITHOUT_HEAD(long_format_directory_and_executable);
ATF_TC_BODY(long_format_directory_and_executable, tc)
{
	struct cmdresult r;

	ATF_REQUIRE_EQ(0, mkdir("d", 0755));
	cmd_write_file_mode("d/x", "#!/bin/sh\n", 0755);
	ATF_REQUIRE_EQ(0, mkdir("d/sub", 0700));
	run_ls(&r, "-l", "d", NULL);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(strstr(r.out, "drwx------ ") == r.out,
	    "sub is not first as drwx------: %s", r.out);
	ATF_CHECK_MSG(strstr(r.out, "\n-rwxr-xr-x ") != NULL,
	    "x is not -rwxr-xr-x: %s", r.out);
}

ATF_TC_WITHOUT_HEAD(F_marks_directories_and_executables);
ATF_TC_BODY(F_marks_directories_and_executables, tc)
{
	struct cmdresult r;

	ATF_REQUIRE_EQ(0, mkdir("d", 0755));
	ATF_REQUIRE_EQ(0, mkdir("d/dir", 0755));
	cmd_write_file_mode("d/exe", "", 0755);
	cmd_write_file_mode("d/plain", "", 0644);
	run_ls(&r, "-F", "d", NULL);
	CHECK_OUT(&r, "dir/\nexe*\nplain\n");
}

ATF_TC_WITHOUT_HEAD(d_lists_directory_itself);
ATF_TC_BODY(d_lists_directory_itself, tc)
{
	struct cmdresult r;

	ATF_REQUIRE_EQ(0, mkdir("d", 0755));
	cmd_write_file("d/inside", "");
	run_ls(&r, "-d", "d", NULL);
	CHECK_OUT(&r, "d\n");
}

ATF_TC_WITHOUT_HEAD(files_before_directories_with_headers);
ATF_TC_BODY(files_before_directories_with_headers, tc)
{
	struct cmdresult r;

	ATF_REQUIRE_EQ(0, mkdir("d", 0755));
	cmd_write_file("d/in", "");
	cmd_write_file("f", "");
	run_ls(&r, "d", "f", NULL);
	CHECK_OUT(&r, "f\n\nd:\nin\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(missing_operand_fails);
ATF_TC_BODY(missing_operand_fails, tc)
{
	struct cmdresult r;

	cmd_write_file("f", "");
	run_ls(&r, "/nonexistent", "f", NULL);
	CHECK_OUT(&r, "f\n");
	CHECK_STATUS(&r, 1);
	ATF_CHECK_MSG(strstr(r.err, "/nonexistent") != NULL,
	    "stderr does not name the operand: %s", r.err);
}

ATF_TC_WITHOUT_HEAD(root_holds_the_boot_image_directories);
ATF_TC_BODY(root_holds_the_boot_image_directories, tc)
{
	struct cmdresult r;

	run_ls(&r, "/", NULL, NULL);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(strstr(r.out, "bin\n") != NULL &&
	    strstr(r.out, "sbin\n") != NULL && strstr(r.out, "tmp\n") != NULL &&
	    strstr(r.out, "usr\n") != NULL && strstr(r.out, "dev\n") != NULL,
	    "ls / printed: %s", r.out);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, names_sorted_one_per_line);
	ATF_TP_ADD_TC(tp, no_operand_lists_working_directory);
	ATF_TP_ADD_TC(tp, dot_files_only_with_a);
	ATF_TP_ADD_TC(tp, long_format_mode_links_size_name);
	ATF_TP_ADD_TC(tp, long_format_directory_and_executable);
	ATF_TP_ADD_TC(tp, F_marks_directories_and_executables);
	ATF_TP_ADD_TC(tp, d_lists_directory_itself);
	ATF_TP_ADD_TC(tp, files_before_directories_with_headers);
	ATF_TP_ADD_TC(tp, missing_operand_fails);
	ATF_TP_ADD_TC(tp, root_holds_the_boot_image_directories);
	return (atf_no_error());
}
