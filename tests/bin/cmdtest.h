/*
 * cmdtest.h: helpers for the guest test programs of the shell and the
 * commands (tests/bin/X/X_test.c, tests/sbin/X/X_test.c): run a program
 * or a shell command line, capture what it writes and how it ended.
 *
 * run_cmd() forks, gives the child INPUT on standard input (or /dev/null),
 * its standard output through a pipe into r->out, its standard error
 * through the file "stderr.out" in the test's working directory into
 * r->err, and waits.  r->status is the exit status, or -N after a signal
 * N; r->pid is the child's pid.  run_sh(r, LINE) is run_cmd on
 * "/bin/sh -c LINE".  Output beyond the buffers is dropped, and the case
 * fails if a fork, pipe or file step fails.  BINDIR and SBINDIR say where
 * the programs are ("/bin", "/sbin").
 */
#ifndef _TESTS_BIN_CMDTEST_H_
#define _TESTS_BIN_CMDTEST_H_

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

/* Where the programs under test live (overridable to try them on a host). */
#ifndef BINDIR
#define	BINDIR	"/bin"
#endif
#ifndef SBINDIR
#define	SBINDIR	"/sbin"
#endif

struct cmdresult {
	char	out[8192];
	char	err[4096];
	int	status;		/* exit status, or -signal */
	pid_t	pid;		/* the child's process id */
};

/* Create path with the given text and mode (umask permitting). */
static inline void
cmd_write_file_mode(const char *path, const char *text, mode_t mode)
{
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	ATF_REQUIRE_MSG(fd >= 0, "open %s: %s", path, strerror(errno));
	ATF_REQUIRE_EQ((ssize_t)strlen(text), write(fd, text, strlen(text)));
	ATF_REQUIRE_EQ(0, close(fd));
}

static inline void
cmd_write_file(const char *path, const char *text)
{
	cmd_write_file_mode(path, text, 0644);
}

/* Read a whole file (at most len - 1 bytes) as a string. */
static inline void
cmd_read_file(const char *path, char *buf, size_t len)
{
	ssize_t n;
	size_t got = 0;
	int fd;

	buf[0] = '\0';
	fd = open(path, O_RDONLY);
	ATF_REQUIRE_MSG(fd >= 0, "open %s: %s", path, strerror(errno));
	while (got + 1 < len && (n = read(fd, buf + got, len - 1 - got)) > 0)
		got += n;
	buf[got] = '\0';
	close(fd);
}

static inline void
cmd_child(int outfd, const char *input, char *const argv[])
{
	int fd;

	if (input != NULL)
		fd = open("stdin.in", O_RDONLY);
	else
		fd = open("/dev/null", O_RDONLY);
	if (fd >= 0) {
		dup2(fd, 0);
		close(fd);
	}
	fd = open("stderr.out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		dup2(fd, 2);
		close(fd);
	}
	dup2(outfd, 1);
	close(outfd);
	execv(argv[0], argv);
	fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

static inline void
run_cmd(struct cmdresult *r, const char *input, char *const argv[])
{
	size_t got = 0;
	int pfd[2], st;
	ssize_t n;
	pid_t pid;
	char drop[256];

	memset(r, 0, sizeof(*r));
	if (input != NULL)
		cmd_write_file("stdin.in", input);
	ATF_REQUIRE_EQ_MSG(0, pipe(pfd), "pipe: %s", strerror(errno));
	pid = fork();
	ATF_REQUIRE_MSG(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		close(pfd[0]);
		cmd_child(pfd[1], input, argv);
	}
	close(pfd[1]);
	r->pid = pid;
	for (;;) {
		if (got + 1 < sizeof(r->out))
			n = read(pfd[0], r->out + got,
			    sizeof(r->out) - 1 - got);
		else
			n = read(pfd[0], drop, sizeof(drop));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (got + 1 < sizeof(r->out))
			got += n;
	}
	r->out[got] = '\0';
	close(pfd[0]);
	while (waitpid(pid, &st, 0) < 0)
		ATF_REQUIRE_EQ_MSG(EINTR, errno, "waitpid: %s",
		    strerror(errno));
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
	cmd_read_file("stderr.out", r->err, sizeof(r->err));
}

static inline void
run_sh(struct cmdresult *r, const char *line)
{
	char *argv[] = { BINDIR "/sh", "-c", (char *)line, NULL };

	run_cmd(r, NULL, argv);
}

/* The checks most cases make, with the command's stderr in the message. */
#define CHECK_OUT(r, want)						\
	ATF_CHECK_MSG(strcmp((want), (r)->out) == 0,			\
	    "stdout is '%s', want '%s'; stderr: %s", (r)->out, (want),	\
	    (r)->err)
#define CHECK_STATUS(r, want)						\
	ATF_CHECK_EQ_MSG((want), (r)->status, "stdout: %s; stderr: %s",	\
	    (r)->out, (r)->err)

#endif /* !_TESTS_BIN_CMDTEST_H_ */
