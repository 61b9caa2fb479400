/*
 * misc.c: small library functions with no better home: program name,
 * assertion failures, basename/dirname, the locale stubs.
 */
#include <sys/types.h>
#include <assert.h>
#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc_private.h"

const char *
getprogname(void)
{

	return (__progname);
}

void
setprogname(const char *name)
{
	const char *p;

	p = strrchr(name, '/');
	__progname = (p != NULL) ? p + 1 : name;
}

void
__assert(const char *func, const char *file, int line, const char *expr)
{

	if (func == NULL)
		fprintf(stderr, "Assertion failed: (%s), file %s, line %d.\n",
		    expr, file, line);
	else
		fprintf(stderr,
		    "Assertion failed: (%s), function %s, file %s, line %d.\n",
		    expr, func, file, line);
	abort();
}

/* basename(3), modifying its argument as POSIX allows. */
char *
basename(char *path)
{
	char *end, *start;

	if (path == NULL || *path == '\0')
		return (__DECONST(char *, "."));
	end = path + strlen(path) - 1;
	while (end > path && *end == '/')
		*end-- = '\0';
	if (end == path && *end == '/')
		return (path);
	start = strrchr(path, '/');
	return (start != NULL ? start + 1 : path);
}

char *
dirname(char *path)
{
	char *end;

	if (path == NULL || *path == '\0')
		return (__DECONST(char *, "."));
	end = path + strlen(path) - 1;
	while (end > path && *end == '/')
		end--;
	while (end > path && *end != '/')
		end--;
	if (end == path) {
		if (*end == '/')
			path[1] = '\0';
		else
			return (__DECONST(char *, "."));
		return (path);
	}
	while (end > path && *end == '/')
		end--;
	end[1] = '\0';
	return (path);
}

static struct lconv c_lconv = {
	".", "", "", "", "", "", "", "", "", "",
	CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
	CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
};

char *
setlocale(int category, const char *locale)
{

	if (category < LC_ALL || category > LC_MESSAGES)
		return (NULL);
	if (locale == NULL || *locale == '\0' || strcmp(locale, "C") == 0 ||
	    strcmp(locale, "POSIX") == 0 || strcmp(locale, "C.UTF-8") == 0)
		return (__DECONST(char *, "C"));
	return (NULL);
}

struct lconv *
localeconv(void)
{

	return (&c_lconv);
}

int
mblen(const char *s, size_t n)
{

	if (s == NULL)
		return (0);
	if (n == 0)
		return (-1);
	return (*s != '\0');
}
