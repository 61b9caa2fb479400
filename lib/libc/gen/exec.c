/*
 * exec.c: the exec family over execve(2), with PATH search for execvp.
 *
 * execvp/execlp search PATH (default _PATH_DEFPATH) when the file name
 * has no slash, trying the next directory on ENOENT, ENOTDIR, EACCES
 * (remembered) and similar; a file that exists but is not an executable
 * image (ENOEXEC) is run by /bin/sh, as POSIX requires.
 */
#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <paths.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc_private.h"

int
execv(const char *path, char * const *argv)
{

	return (execve(path, argv, environ));
}

/* Collect a variadic argument list (terminated by NULL) into argv. */
static char **
exec_collect(const char *arg0, va_list ap, char ***envp)
{
	va_list aq;
	char **argv;
	int n, i;

	va_copy(aq, ap);
	n = 1;
	while (va_arg(aq, char *) != NULL)
		n++;
	va_end(aq);
	argv = malloc((n + 1) * sizeof(char *));
	if (argv == NULL)
		return (NULL);
	argv[0] = __DECONST(char *, arg0);
	for (i = 1; i <= n; i++)
		argv[i] = va_arg(ap, char *);
	if (envp != NULL)
		*envp = va_arg(ap, char **);
	return (argv);
}

int
execl(const char *path, const char *arg0, ...)
{
	va_list ap;
	char **argv;
	int saved;

	va_start(ap, arg0);
	argv = exec_collect(arg0, ap, NULL);
	va_end(ap);
	if (argv == NULL)
		return (-1);
	(void)execve(path, argv, environ);
	saved = errno;
	free(argv);
	errno = saved;
	return (-1);
}

int
execle(const char *path, const char *arg0, ...)
{
	va_list ap;
	char **argv, **envp;
	int saved;

	va_start(ap, arg0);
	argv = exec_collect(arg0, ap, &envp);
	va_end(ap);
	if (argv == NULL)
		return (-1);
	(void)execve(path, argv, envp);
	saved = errno;
	free(argv);
	errno = saved;
	return (-1);
}

int
execlp(const char *file, const char *arg0, ...)
{
	va_list ap;
	char **argv;
	int saved;

	va_start(ap, arg0);
	argv = exec_collect(arg0, ap, NULL);
	va_end(ap);
	if (argv == NULL)
		return (-1);
	(void)execvp(file, argv);
	saved = errno;
	free(argv);
	errno = saved;
	return (-1);
}

/* Run a file the kernel refused as ENOEXEC through the shell. */
static void
exec_shell(const char *path, char * const *argv)
{
	char **nargv;
	int n;

	for (n = 0; argv[n] != NULL; n++)
		;
	nargv = malloc((n + 2) * sizeof(char *));
	if (nargv == NULL)
		return;
	nargv[0] = __DECONST(char *, "sh");
	nargv[1] = __DECONST(char *, path);
	memcpy(nargv + 2, argv + 1, n * sizeof(char *));
	(void)execve(_PATH_BSHELL, nargv, environ);
	free(nargv);
}

int
execvP(const char *name, const char *path, char * const *argv)
{
	char buf[PATH_MAX];
	const char *p, *end;
	size_t dlen, nlen;
	int eacces;

	if (*name == '\0') {
		errno = ENOENT;
		return (-1);
	}
	if (strchr(name, '/') != NULL) {
		(void)execve(name, argv, environ);
		if (errno == ENOEXEC)
			exec_shell(name, argv);
		return (-1);
	}
	nlen = strlen(name);
	eacces = 0;
	for (p = path; ; p = end + 1) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		dlen = (size_t)(end - p);
		if (dlen == 0) {
			p = ".";
			dlen = 1;
		}
		if (dlen + 1 + nlen + 1 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, name, nlen + 1);
			(void)execve(buf, argv, environ);
			switch (errno) {
			case ENOEXEC:
				exec_shell(buf, argv);
				return (-1);
			case EACCES:
				eacces = 1;
				break;
			case E2BIG:
			case ENOMEM:
			case ETXTBSY:
				return (-1);
			default:
				break;
			}
		}
		if (*end == '\0')
			break;
	}
	errno = eacces ? EACCES : ENOENT;
	return (-1);
}

int
execvp(const char *name, char * const *argv)
{
	const char *path;

	path = getenv("PATH");
	if (path == NULL)
		path = _PATH_DEFPATH;
	return (execvP(name, path, argv));
}
