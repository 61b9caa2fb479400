/*
 * exec_test: execve of a program with arguments and environment, and the
 * errors execve returns.
 */
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(execve_passes_argv_and_exit_status);
ATF_TC_BODY(execve_passes_argv_and_exit_status, tc)
{
	char *argv[] = { "sh", "-c", "exit 7", NULL };
	char *envp[] = { "A=1", NULL };
	pid_t pid;
	int status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		execve("/bin/sh", argv, envp);
		_exit(127);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFEXITED(status));
	ATF_REQUIRE_EQ(WEXITSTATUS(status), 7);
}

ATF_TC_WITHOUT_HEAD(execve_missing_file_ENOENT);
ATF_TC_BODY(execve_missing_file_ENOENT, tc)
{
	char *argv[] = { "nothere", NULL };

	errno = 0;
	ATF_REQUIRE_EQ(execve("/nonexistent/prog", argv, NULL), -1);
	ATF_REQUIRE_EQ(errno, ENOENT);
}

ATF_TC_WITHOUT_HEAD(execve_not_elf_ENOEXEC);
ATF_TC_BODY(execve_not_elf_ENOEXEC, tc)
{
	char *argv[] = { "junk", NULL };
	int fd;

	fd = open("junk", O_CREAT | O_WRONLY | O_TRUNC, 0755);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(write(fd, "not an elf file at all\n", 23), 23);
	close(fd);
	errno = 0;
	ATF_REQUIRE_EQ(execve("junk", argv, NULL), -1);
	ATF_REQUIRE_EQ(errno, ENOEXEC);
}

ATF_TC_WITHOUT_HEAD(execve_bad_path_pointer_EFAULT);
ATF_TC_BODY(execve_bad_path_pointer_EFAULT, tc)
{
	char *argv[] = { "x", NULL };
	/* Laundered so the compiler does not see the bad pointer. */
	const char *volatile bad = (const char *)8;

	errno = 0;
	ATF_REQUIRE_EQ(execve(bad, argv, NULL), -1);
	ATF_REQUIRE_EQ(errno, EFAULT);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, execve_passes_argv_and_exit_status);
	ATF_TP_ADD_TC(tp, execve_missing_file_ENOENT);
	ATF_TP_ADD_TC(tp, execve_not_elf_ENOEXEC);
	ATF_TP_ADD_TC(tp, execve_bad_path_pointer_EFAULT);
	return (atf_no_error());
}
