/*
 * utils.c: the atf_utils_* helpers for test bodies.
 *
 * atf_utils_fork() starts a child whose standard output and error go to
 * atf_utils_fork_PID_out.txt and atf_utils_fork_PID_err.txt in the
 * current (work) directory; atf_utils_wait() reaps it, prints what it
 * wrote (prefixed "subprocess stdout: " / "subprocess stderr: "),
 * requires the given exit status and compares the output with the
 * expected strings -- or saves it to a file when the expectation is
 * "save:PATH" -- and removes the files.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atf_private.h"

void
atf_utils_free_charpp(char **argv)
{
	char **p;

	if (argv == NULL)
		return;
	for (p = argv; *p != NULL; p++)
		free(*p);
	free(argv);
}

void
atf_utils_cat_file(const char *name, const char *prefix)
{
	char buf[1024];
	ssize_t n;
	int fd, at_bol;

	fd = open(name, O_RDONLY);
	ATF_REQUIRE_MSG(fd != -1, "Cannot open %s", name);
	at_bol = 1;
	while ((n = read(fd, buf, sizeof(buf) - 1)) > 0) {
		ssize_t i, start;

		for (start = i = 0; i < n; i++) {
			if (at_bol) {
				printf("%s", prefix);
				at_bol = 0;
			}
			if (buf[i] == '\n') {
				fwrite(buf + start, 1, (size_t)(i - start + 1),
				    stdout);
				start = i + 1;
				at_bol = 1;
			}
		}
		if (start < n)
			fwrite(buf + start, 1, (size_t)(n - start), stdout);
	}
	if (!at_bol)
		printf("\n");
	fflush(stdout);
	close(fd);
}

bool
atf_utils_compare_file(const char *name, const char *contents)
{
	char buf[1024];
	const char *p;
	size_t left;
	ssize_t n;
	int fd;

	fd = open(name, O_RDONLY);
	ATF_REQUIRE_MSG(fd != -1, "Cannot open %s", name);
	p = contents;
	left = strlen(contents);
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if ((size_t)n > left || memcmp(buf, p, (size_t)n) != 0) {
			close(fd);
			return (false);
		}
		p += n;
		left -= (size_t)n;
	}
	close(fd);
	return (n == 0 && left == 0);
}

void
atf_utils_copy_file(const char *src, const char *dst)
{
	struct stat sb;
	char buf[1024];
	ssize_t n;
	int in, out;

	in = open(src, O_RDONLY);
	ATF_REQUIRE_MSG(in != -1, "Cannot open %s", src);
	ATF_REQUIRE_MSG(fstat(in, &sb) != -1, "Cannot stat %s", src);
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, sb.st_mode & 07777);
	ATF_REQUIRE_MSG(out != -1, "Cannot create %s", dst);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		ATF_REQUIRE_MSG(write(out, buf, (size_t)n) == n,
		    "Cannot write %s", dst);
	close(in);
	close(out);
}

void
atf_utils_create_file(const char *name, const char *fmt, ...)
{
	char *contents;
	va_list ap;
	size_t len;
	int fd;

	va_start(ap, fmt);
	ATF_REQUIRE(vasprintf(&contents, fmt, ap) >= 0);
	va_end(ap);
	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ATF_REQUIRE_MSG(fd != -1, "Cannot create file %s", name);
	len = strlen(contents);
	ATF_REQUIRE_MSG(write(fd, contents, len) == (ssize_t)len,
	    "Cannot write file %s", name);
	close(fd);
	free(contents);
}

bool
atf_utils_file_exists(const char *name)
{

	if (access(name, F_OK) == 0)
		return (true);
	if (errno == ENOENT)
		return (false);
	atf_tc_fail("Failed to stat file %s: %s", name, strerror(errno));
}

char *
atf_utils_readline(int fd)
{
	char *line, *nline, ch;
	size_t len, cap;
	ssize_t n;

	line = NULL;
	len = cap = 0;
	while ((n = read(fd, &ch, 1)) == 1 && ch != '\n') {
		if (len + 2 > cap) {
			cap = cap ? cap * 2 : 64;
			nline = realloc(line, cap);
			ATF_REQUIRE(nline != NULL);
			line = nline;
		}
		line[len++] = ch;
	}
	ATF_REQUIRE(n != -1);
	if (n == 0 && len == 0) {
		free(line);
		return (NULL);
	}
	if (line == NULL)
		ATF_REQUIRE((line = malloc(1)) != NULL);
	line[len] = '\0';
	return (line);
}

void
atf_utils_redirect(const int target, const char *name)
{
	int fd;

	if (target == STDOUT_FILENO)
		fflush(stdout);
	else if (target == STDERR_FILENO)
		fflush(stderr);
	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd == -1)
		atf_fatal("cannot create %s: %s", name, strerror(errno));
	if (fd != target) {
		if (dup2(fd, target) == -1)
			atf_fatal("cannot redirect to %s: %s", name,
			    strerror(errno));
		close(fd);
	}
}

static void
out_filename(char *buf, size_t size, pid_t pid, const char *what)
{

	snprintf(buf, size, "atf_utils_fork_%d_%s.txt", (int)pid, what);
}

pid_t
atf_utils_fork(void)
{
	char name[64];
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == -1)
		atf_tc_fail("fork failed: %s", strerror(errno));
	if (pid == 0) {
		atf_tc_reset_after_fork();
		out_filename(name, sizeof(name), getpid(), "out");
		atf_utils_redirect(STDOUT_FILENO, name);
		out_filename(name, sizeof(name), getpid(), "err");
		atf_utils_redirect(STDERR_FILENO, name);
	}
	return (pid);
}

static void
check_output(const char *name, const char *expected)
{
	static const char save[] = "save:";

	if (strncmp(expected, save, sizeof(save) - 1) == 0 &&
	    strlen(expected) > sizeof(save) - 1)
		atf_utils_copy_file(name, expected + sizeof(save) - 1);
	else
		ATF_REQUIRE_MSG(atf_utils_compare_file(name, expected),
		    "%s does not match the expected contents", name);
}

void
atf_utils_wait(const pid_t pid, const int exitstatus, const char *expout,
    const char *experr)
{
	char outname[64], errname[64];
	pid_t waited;
	int status;

	do
		waited = waitpid(pid, &status, 0);
	while (waited == -1 && errno == EINTR);
	ATF_REQUIRE_MSG(waited == pid, "waitpid(%d) failed: %s", (int)pid,
	    strerror(errno));
	out_filename(outname, sizeof(outname), pid, "out");
	out_filename(errname, sizeof(errname), pid, "err");
	atf_utils_cat_file(outname, "subprocess stdout: ");
	atf_utils_cat_file(errname, "subprocess stderr: ");
	ATF_REQUIRE_MSG(WIFEXITED(status), "subprocess %d did not exit "
	    "cleanly (status 0x%x)", (int)pid, status);
	ATF_REQUIRE_EQ(exitstatus, WEXITSTATUS(status));
	check_output(outname, expout);
	check_output(errname, experr);
	(void)unlink(outname);
	(void)unlink(errname);
}
