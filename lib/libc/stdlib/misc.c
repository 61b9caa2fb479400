/*
 * misc.c (stdlib): integer helpers, temporary files, realpath, system.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <paths.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc_private.h"

int abs(int j) { return (j < 0 ? -j : j); }
long labs(long j) { return (j < 0 ? -j : j); }
long long llabs(long long j) { return (j < 0 ? -j : j); }
intmax_t imaxabs(intmax_t j) { return (j < 0 ? -j : j); }

div_t
div(int num, int denom)
{
	div_t r = { num / denom, num % denom };

	return (r);
}

ldiv_t
ldiv(long num, long denom)
{
	ldiv_t r = { num / denom, num % denom };

	return (r);
}

lldiv_t
lldiv(long long num, long long denom)
{
	lldiv_t r = { num / denom, num % denom };

	return (r);
}

imaxdiv_t
imaxdiv(intmax_t num, intmax_t denom)
{
	imaxdiv_t r = { num / denom, num % denom };

	return (r);
}

static const char tmp_chars[] =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* Replace the trailing X's (before suffixlen bytes) with random chars. */
static int
tmp_fill(char *path, int suffixlen, char **startp)
{
	char *end, *start;

	end = path + strlen(path) - suffixlen;
	start = end;
	while (start > path && start[-1] == 'X')
		start--;
	if (end - start < 1) {
		errno = EINVAL;
		return (-1);
	}
	*startp = start;
	for (; start < end; start++)
		*start = tmp_chars[arc4random_uniform(sizeof(tmp_chars) - 1)];
	return (0);
}

static int
tmp_make(char *path, int suffixlen, int mode)	/* 0 file, 1 dir, 2 name */
{
	struct stat sb;
	char *start;
	int fd, tries;

	if (suffixlen < 0 || (size_t)suffixlen > strlen(path)) {
		errno = EINVAL;
		return (-1);
	}
	for (tries = 0; tries < 1000; tries++) {
		if (tmp_fill(path, suffixlen, &start) != 0)
			return (-1);
		switch (mode) {
		case 0:
			fd = open(path, O_CREAT | O_EXCL | O_RDWR, 0600);
			if (fd >= 0)
				return (fd);
			break;
		case 1:
			if (mkdir(path, 0700) == 0)
				return (0);
			break;
		default:
			if (lstat(path, &sb) != 0)
				return (errno == ENOENT ? 0 : -1);
			errno = EEXIST;
			break;
		}
		if (errno != EEXIST)
			return (-1);
	}
	errno = EEXIST;
	return (-1);
}

int
mkstemps(char *path, int suffixlen)
{

	return (tmp_make(path, suffixlen, 0));
}

int
mkstemp(char *path)
{

	return (tmp_make(path, 0, 0));
}

char *
mkdtemp(char *path)
{

	return (tmp_make(path, 0, 1) == 0 ? path : NULL);
}

char *
mktemp(char *path)
{

	return (tmp_make(path, 0, 2) == 0 ? path : NULL);
}

/*
 * realpath: resolve ".", ".." and symbolic links component by component
 * (at most MAXSYMLINKS links) against the current directory.
 */
char *
realpath(const char *path, char *resolved)
{
	char *res, left[PATH_MAX], next[PATH_MAX], link[PATH_MAX];
	struct stat sb;
	size_t rlen, llen;
	ssize_t n;
	char *p;
	int links;

	if (path == NULL) {
		errno = EINVAL;
		return (NULL);
	}
	if (*path == '\0') {
		errno = ENOENT;
		return (NULL);
	}
	res = resolved;
	if (res == NULL && (res = malloc(PATH_MAX)) == NULL)
		return (NULL);
	if (*path == '/') {
		res[0] = '/';
		res[1] = '\0';
		rlen = 1;
		path++;
	} else {
		if (getcwd(res, PATH_MAX) == NULL)
			goto fail;
		rlen = strlen(res);
	}
	if (strlcpy(left, path, sizeof(left)) >= sizeof(left)) {
		errno = ENAMETOOLONG;
		goto fail;
	}
	links = 0;
	while (left[0] != '\0') {
		p = strchr(left, '/');
		llen = p ? (size_t)(p - left) : strlen(left);
		memcpy(next, left, llen);
		next[llen] = '\0';
		memmove(left, left + llen + (p != NULL), strlen(left + llen +
		    (p != NULL)) + 1);
		if (llen == 0 || strcmp(next, ".") == 0)
			continue;
		if (strcmp(next, "..") == 0) {
			if (rlen > 1) {
				res[rlen - 1] = '\0';
				p = strrchr(res, '/');
				rlen = (size_t)(p - res) + 1;
				res[rlen] = '\0';
				if (rlen > 1)
					res[--rlen] = '\0';
			}
			continue;
		}
		if (rlen + 1 + llen + 1 > PATH_MAX) {
			errno = ENAMETOOLONG;
			goto fail;
		}
		if (res[rlen - 1] != '/')
			res[rlen++] = '/';
		memcpy(res + rlen, next, llen + 1);
		rlen += llen;
		if (lstat(res, &sb) != 0) {
			if (errno == ENOENT && left[0] == '\0')
				goto fail;
			goto fail;
		}
		if (!S_ISLNK(sb.st_mode)) {
			if (left[0] != '\0' && !S_ISDIR(sb.st_mode)) {
				errno = ENOTDIR;
				goto fail;
			}
			continue;
		}
		if (++links > 32) {
			errno = ELOOP;
			goto fail;
		}
		n = readlink(res, link, sizeof(link) - 1);
		if (n < 0)
			goto fail;
		link[n] = '\0';
		if (link[0] == '/') {
			res[0] = '/';
			res[1] = '\0';
			rlen = 1;
		} else {
			/* Drop the link's own name. */
			p = strrchr(res, '/');
			rlen = (size_t)(p - res) + 1;
			res[rlen] = '\0';
			if (rlen > 1)
				res[--rlen] = '\0';
		}
		if (left[0] != '\0') {
			if (strlcat(link, "/", sizeof(link)) >= sizeof(link) ||
			    strlcat(link, left, sizeof(link)) >= sizeof(link)) {
				errno = ENAMETOOLONG;
				goto fail;
			}
		}
		strlcpy(left, link, sizeof(left));
	}
	return (res);
fail:
	if (resolved == NULL)
		free(res);
	return (NULL);
}

/*
 * system: run command with /bin/sh -c, ignoring SIGINT and SIGQUIT and
 * blocking SIGCHLD in the caller while it waits.
 */
int
system(const char *command)
{
	struct sigaction ign, intsa, quitsa;
	sigset_t block, omask;
	pid_t pid;
	int status;

	if (command == NULL)
		return (access(_PATH_BSHELL, X_OK) == 0);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	(void)sigprocmask(SIG_BLOCK, &block, &omask);
	ign.sa_handler = SIG_IGN;
	ign.sa_flags = 0;
	sigemptyset(&ign.sa_mask);
	(void)sigaction(SIGINT, &ign, &intsa);
	(void)sigaction(SIGQUIT, &ign, &quitsa);
	pid = fork();
	if (pid == 0) {
		(void)sigaction(SIGINT, &intsa, NULL);
		(void)sigaction(SIGQUIT, &quitsa, NULL);
		(void)sigprocmask(SIG_SETMASK, &omask, NULL);
		execl(_PATH_BSHELL, "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	(void)sigaction(SIGINT, &intsa, NULL);
	(void)sigaction(SIGQUIT, &quitsa, NULL);
	(void)sigprocmask(SIG_SETMASK, &omask, NULL);
	return (pid < 0 ? -1 : status);
}
