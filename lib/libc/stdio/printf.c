/*
 * printf.c: the printf family, each a sink for __libc_vformat.
 */
#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

static int
sink_file(void *cookie, const char *buf, size_t len)
{
	FILE *fp = cookie;

	return (__swrite(fp, buf, len) == len ? 0 : -1);
}

int
vfprintf(FILE *fp, const char *fmt, va_list ap)
{
	int n;

	FLOCK(fp);
	n = __libc_vformat(sink_file, fp, fmt, ap);
	FUNLOCK(fp);
	return (n);
}

int
fprintf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(fp, fmt, ap);
	va_end(ap);
	return (n);
}

int
vprintf(const char *fmt, va_list ap)
{

	return (vfprintf(stdout, fmt, ap));
}

int
printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return (n);
}

struct strbuf {
	char	*buf;
	size_t	size;		/* capacity, room for the NUL included */
	size_t	len;
	int	grow;		/* asprintf: realloc as needed */
};

static int
sink_str(void *cookie, const char *p, size_t n)
{
	struct strbuf *sb = cookie;
	size_t m, nsize;
	char *nbuf;

	if (sb->grow && sb->len + n + 1 > sb->size) {
		nsize = sb->size * 2;
		while (nsize < sb->len + n + 1)
			nsize *= 2;
		if ((nbuf = realloc(sb->buf, nsize)) == NULL)
			return (-1);
		sb->buf = nbuf;
		sb->size = nsize;
	}
	if (sb->size > 0 && sb->len < sb->size - 1) {
		m = sb->size - 1 - sb->len;
		if (m > n)
			m = n;
		memcpy(sb->buf + sb->len, p, m);
	}
	sb->len += n;
	return (0);
}

int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct strbuf sb = { buf, size, 0, 0 };
	int n;

	n = __libc_vformat(sink_str, &sb, fmt, ap);
	if (size > 0)
		buf[sb.len < size ? sb.len : size - 1] = '\0';
	return (n);
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (n);
}

int
vsprintf(char *buf, const char *fmt, va_list ap)
{

	return (vsnprintf(buf, INT_MAX, fmt, ap));
}

int
sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return (n);
}

int
vasprintf(char **ret, const char *fmt, va_list ap)
{
	struct strbuf sb;
	int n;

	sb.size = 128;
	sb.len = 0;
	sb.grow = 1;
	if ((sb.buf = malloc(sb.size)) == NULL) {
		*ret = NULL;
		return (-1);
	}
	n = __libc_vformat(sink_str, &sb, fmt, ap);
	if (n < 0) {
		free(sb.buf);
		*ret = NULL;
		errno = ENOMEM;
		return (-1);
	}
	sb.buf[sb.len] = '\0';
	*ret = sb.buf;
	return (n);
}

int
asprintf(char **ret, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(ret, fmt, ap);
	va_end(ap);
	return (n);
}

static int
sink_fd(void *cookie, const char *p, size_t n)
{
	int fd = *(int *)cookie;
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += w;
		n -= (size_t)w;
	}
	return (0);
}

int
vdprintf(int fd, const char *fmt, va_list ap)
{

	return (__libc_vformat(sink_fd, &fd, fmt, ap));
}

int
dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return (n);
}
