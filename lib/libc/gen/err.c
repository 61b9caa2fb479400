/*
 * err.c: err(3)/warn(3): "progname: message: strerror(errno)" on stderr.
 */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc_private.h"

static void (*err_exit)(int);

void
err_set_exit(void (*fn)(int))
{

	err_exit = fn;
}

void
vwarnc(int code, const char *fmt, va_list ap)
{

	fprintf(stderr, "%s: ", __progname);
	if (fmt != NULL) {
		vfprintf(stderr, fmt, ap);
		fprintf(stderr, ": ");
	}
	fprintf(stderr, "%s\n", strerror(code));
}

void
vwarn(const char *fmt, va_list ap)
{

	vwarnc(errno, fmt, ap);
}

void
vwarnx(const char *fmt, va_list ap)
{

	fprintf(stderr, "%s: ", __progname);
	if (fmt != NULL)
		vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
}

void
warnc(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnc(code, fmt, ap);
	va_end(ap);
}

void
warn(const char *fmt, ...)
{
	va_list ap;
	int code = errno;

	va_start(ap, fmt);
	vwarnc(code, fmt, ap);
	va_end(ap);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

static void
err_finish(int eval)
{

	if (err_exit != NULL)
		err_exit(eval);
	exit(eval);
}

void
verrc(int eval, int code, const char *fmt, va_list ap)
{

	vwarnc(code, fmt, ap);
	err_finish(eval);
	for (;;)
		;
}

void
verr(int eval, const char *fmt, va_list ap)
{

	verrc(eval, errno, fmt, ap);
}

void
verrx(int eval, const char *fmt, va_list ap)
{

	vwarnx(fmt, ap);
	err_finish(eval);
	for (;;)
		;
}

void
errc(int eval, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrc(eval, code, fmt, ap);
}

void
err(int eval, const char *fmt, ...)
{
	va_list ap;
	int code = errno;

	va_start(ap, fmt);
	verrc(eval, code, fmt, ap);
}

void
errx(int eval, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(eval, fmt, ap);
}
