/*
 * sh_test: the shell (/bin/sh), one behaviour per case: quoting,
 * parameters, redirections, pipelines, lists, builtins and exit statuses.
 * Each case runs "sh -c LINE" (or a script) through cmdtest.h and checks
 * the exact output and status.
 */
#include <sys/stat.h>

#include "../cmdtest.h"

#define SH_CASE(name, line, want_out, want_status)			\
	ATF_TC_WITHOUT_HEAD(name);					\
	ATF_TC_BODY(name, tc)						\
	{								\
		struct cmdresult r;					\
									\
		run_sh(&r, (line));					\
		CHECK_OUT(&r, (want_out));				\
		CHECK_STATUS(&r, (want_status));			\
	}

SH_CASE(status_is_last_command, "true; false", "", 1)
SH_CASE(exit_builtin_sets_status, "exit 7; echo not reached", "", 7)
SH_CASE(exit_without_argument_keeps_last_status, "false; exit", "", 1)
SH_CASE(single_quotes_keep_spaces_and_dollars,
    "x=1; echo 'a  $x  b'", "a  $x  b\n", 0)
SH_CASE(double_quotes_expand_but_keep_spaces,
    "x=1; echo \"a  $x  b\"", "a  1  b\n", 0)
SH_CASE(backslash_quotes_one_character, "echo a\\ b \\$x \"\\\"\"",
    "a b $x \"\n", 0)
SH_CASE(adjacent_quoted_parts_make_one_word, "echo 'a'\"b\"c",
    "abc\n", 0)
SH_CASE(question_mark_is_last_status, "false; echo $?; true; echo $?",
    "1\n0\n", 0)
SH_CASE(assignment_then_expansion, "x=hello; echo $x ${x}!",
    "hello hello!\n", 0)
SH_CASE(unset_variable_expands_to_nothing, "echo \"[$nosuchvar]\"",
    "[]\n", 0)
SH_CASE(export_reaches_children, "export V=val; sh -c 'echo $V'",
    "val\n", 0)
SH_CASE(prefix_assignment_is_for_that_command_only,
    "V=1 sh -c 'echo $V'; echo \"[$V]\"", "1\n[]\n", 0)
SH_CASE(semicolons_and_newlines_separate_commands,
    "echo a; echo b\necho c", "a\nb\nc\n", 0)
SH_CASE(comment_runs_to_end_of_line, "echo a # echo b\necho c",
    "a\nc\n", 0)
SH_CASE(and_runs_second_only_after_success,
    "true && echo yes; false && echo no", "yes\n", 1)
SH_CASE(or_runs_second_only_after_failure,
    "false || echo yes; true || echo no", "yes\n", 0)
SH_CASE(bang_negates_status, "! false; echo $?; ! true; echo $?",
    "0\n1\n", 0)
SH_CASE(pipeline_carries_output, "echo abc | cat | cat", "abc\n", 0)
SH_CASE(pipeline_status_is_last_command_true, "false | true", "", 0)
SH_CASE(pipeline_status_is_last_command_false, "true | false", "", 1)
SH_CASE(pipeline_may_continue_on_next_line, "echo x |\ncat", "x\n", 0)
SH_CASE(redirect_output_creates_file, "echo hi > f; cat f", "hi\n", 0)
SH_CASE(redirect_output_truncates, "echo long > f; echo s > f; cat f",
    "s\n", 0)
SH_CASE(redirect_append_adds, "echo a > f; echo b >> f; cat f",
    "a\nb\n", 0)
SH_CASE(redirect_input_reads_file, "echo data > f; cat < f", "data\n", 0)
SH_CASE(redirect_without_command_creates_file, "> f; cat f; echo $?",
    "0\n", 0)
SH_CASE(redirect_to_missing_directory_fails, "echo x > /nonexistent/f",
    "", 1)
SH_CASE(command_not_found_is_127, "nosuchcommand", "", 127)
SH_CASE(directory_is_not_executable_126, "/", "", 126)
SH_CASE(signal_death_is_128_plus_signal,
    "sh -c 'kill -9 $$'; echo $?", "137\n", 0)
SH_CASE(background_and_wait, "sh -c 'exit 3' & wait $!; echo $?",
    "3\n", 0)
SH_CASE(syntax_error_is_status_2, "echo a; ; echo b", "", 2)
SH_CASE(unterminated_quote_is_status_2, "echo 'abc", "", 2)
SH_CASE(true_false_colon_builtins, "true; echo $?; false; echo $?; :; "
    "echo $?", "0\n1\n0\n", 0)
SH_CASE(unset_removes_variable, "export V=1; unset V; sh -c 'echo "
    "\"[$V]\"'", "[]\n", 0)

ATF_TC_WITHOUT_HEAD(redirect_stderr_into_pipe_stdout_away);
ATF_TC_BODY(redirect_stderr_into_pipe_stdout_away, tc)
{
	struct cmdresult r;

	run_sh(&r, "cat /nonexistent 2>&1 >/dev/null | cat");
	ATF_CHECK_MSG(strstr(r.out, "/nonexistent") != NULL,
	    "cat's error did not come through the pipe: '%s'", r.out);
	ATF_CHECK_STREQ("", r.err);
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(dollar_dollar_is_the_shell_pid);
ATF_TC_BODY(dollar_dollar_is_the_shell_pid, tc)
{
	struct cmdresult r;

	run_sh(&r, "echo $$; echo ${$}");
	ATF_CHECK_EQ_MSG(r.pid, (pid_t)atol(r.out), "$$ is '%s', sh is %d",
	    r.out, (int)r.pid);
	ATF_CHECK_EQ_MSG(atol(r.out), atol(strchr(r.out, '\n') + 1),
	    "$$ and ${$} differ: '%s'", r.out);
}

ATF_TC_WITHOUT_HEAD(positional_parameters_after_c_string);
ATF_TC_BODY(positional_parameters_after_c_string, tc)
{
	char *argv[] = { BINDIR "/sh", "-c", "echo $0 $1 $2 $#; echo \"$@\"",
	    "name", "x", "y z", NULL };
	struct cmdresult r;

	run_cmd(&r, NULL, argv);
	CHECK_OUT(&r, "name x y z 2\nx y z\n");
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(cd_changes_directory_and_pwd);
ATF_TC_BODY(cd_changes_directory_and_pwd, tc)
{
	struct cmdresult r;

	ATF_REQUIRE_EQ(0, mkdir("sub", 0755));
	run_sh(&r, "cd sub && pwd > ../where; cd /; pwd");
	CHECK_OUT(&r, "/\n");
	CHECK_STATUS(&r, 0);
	cmd_read_file("where", r.out, sizeof(r.out));
	ATF_CHECK_MSG(strlen(r.out) > 5 &&
	    strcmp(r.out + strlen(r.out) - 5, "/sub\n") == 0,
	    "pwd in sub printed '%s'", r.out);
}

ATF_TC_WITHOUT_HEAD(cd_to_missing_directory_fails);
ATF_TC_BODY(cd_to_missing_directory_fails, tc)
{
	struct cmdresult r;

	run_sh(&r, "cd /nonexistent; echo $?");
	CHECK_OUT(&r, "1\n");
	ATF_CHECK_MSG(strstr(r.err, "/nonexistent") != NULL,
	    "stderr does not name the directory: %s", r.err);
}

ATF_TC_WITHOUT_HEAD(script_file_with_arguments);
ATF_TC_BODY(script_file_with_arguments, tc)
{
	char *argv[] = { BINDIR "/sh", "script", "one", "two", NULL };
	struct cmdresult r;

	cmd_write_file("script", "echo $# $1\necho \"$2\"\nexit 5\necho no\n");
	run_cmd(&r, NULL, argv);
	CHECK_OUT(&r, "2 one\ntwo\n");
	CHECK_STATUS(&r, 5);
}

ATF_TC_WITHOUT_HEAD(commands_from_standard_input);
ATF_TC_BODY(commands_from_standard_input, tc)
{
	char *argv[] = { BINDIR "/sh", NULL };
	struct cmdresult r;

	run_cmd(&r, "echo 'multi\nline'\nfalse\n", argv);
	CHECK_OUT(&r, "multi\nline\n");
	CHECK_STATUS(&r, 1);
}

ATF_TC_WITHOUT_HEAD(interactive_prints_prompt);
ATF_TC_BODY(interactive_prints_prompt, tc)
{
	char *argv[] = { BINDIR "/sh", "-i", NULL };
	struct cmdresult r;

	run_cmd(&r, "echo hi\nexit 4\n", argv);
	CHECK_OUT(&r, "hi\n");
	CHECK_STATUS(&r, 4);
	ATF_CHECK_MSG(strcmp(r.err, "# # ") == 0, "prompts were '%s'",
	    r.err);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, status_is_last_command);
	ATF_TP_ADD_TC(tp, exit_builtin_sets_status);
	ATF_TP_ADD_TC(tp, exit_without_argument_keeps_last_status);
	ATF_TP_ADD_TC(tp, single_quotes_keep_spaces_and_dollars);
	ATF_TP_ADD_TC(tp, double_quotes_expand_but_keep_spaces);
	ATF_TP_ADD_TC(tp, backslash_quotes_one_character);
	ATF_TP_ADD_TC(tp, adjacent_quoted_parts_make_one_word);
	ATF_TP_ADD_TC(tp, question_mark_is_last_status);
	ATF_TP_ADD_TC(tp, assignment_then_expansion);
	ATF_TP_ADD_TC(tp, unset_variable_expands_to_nothing);
	ATF_TP_ADD_TC(tp, export_reaches_children);
	ATF_TP_ADD_TC(tp, prefix_assignment_is_for_that_command_only);
	ATF_TP_ADD_TC(tp, semicolons_and_newlines_separate_commands);
	ATF_TP_ADD_TC(tp, comment_runs_to_end_of_line);
	ATF_TP_ADD_TC(tp, and_runs_second_only_after_success);
	ATF_TP_ADD_TC(tp, or_runs_second_only_after_failure);
	ATF_TP_ADD_TC(tp, bang_negates_status);
	ATF_TP_ADD_TC(tp, pipeline_carries_output);
	ATF_TP_ADD_TC(tp, pipeline_status_is_last_command_true);
	ATF_TP_ADD_TC(tp, pipeline_status_is_last_command_false);
	ATF_TP_ADD_TC(tp, pipeline_may_continue_on_next_line);
	ATF_TP_ADD_TC(tp, redirect_output_creates_file);
	ATF_TP_ADD_TC(tp, redirect_output_truncates);
	ATF_TP_ADD_TC(tp, redirect_append_adds);
	ATF_TP_ADD_TC(tp, redirect_input_reads_file);
	ATF_TP_ADD_TC(tp, redirect_stderr_into_pipe_stdout_away);
	ATF_TP_ADD_TC(tp, redirect_without_command_creates_file);
	ATF_TP_ADD_TC(tp, redirect_to_missing_directory_fails);
	ATF_TP_ADD_TC(tp, command_not_found_is_127);
	ATF_TP_ADD_TC(tp, directory_is_not_executable_126);
	ATF_TP_ADD_TC(tp, signal_death_is_128_plus_signal);
	ATF_TP_ADD_TC(tp, dollar_dollar_is_the_shell_pid);
	ATF_TP_ADD_TC(tp, background_and_wait);
	ATF_TP_ADD_TC(tp, syntax_error_is_status_2);
	ATF_TP_ADD_TC(tp, unterminated_quote_is_status_2);
	ATF_TP_ADD_TC(tp, true_false_colon_builtins);
	ATF_TP_ADD_TC(tp, unset_removes_variable);
	ATF_TP_ADD_TC(tp, positional_parameters_after_c_string);
	ATF_TP_ADD_TC(tp, cd_changes_directory_and_pwd);
	ATF_TP_ADD_TC(tp, cd_to_missing_directory_fails);
	ATF_TP_ADD_TC(tp, script_file_with_arguments);
	ATF_TP_ADD_TC(tp, commands_from_standard_input);
	ATF_TP_ADD_TC(tp, interactive_prints_prompt);
	return (atf_no_error());
}
