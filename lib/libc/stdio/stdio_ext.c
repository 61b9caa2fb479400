/*
 * stdio_ext.c: getdelim/getline, memory streams (fmemopen,
 * open_memstream) and pipes to commands (popen/pclose).
 */
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <paths.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

ssize_t
getdelim(char **linep, size_t *capp, int delim, FILE *fp)
{
	size_t len, ncap;
	char *nline;
	int c;

	if (linep == NULL || capp == NULL) {
		errno = EINVAL;
		return (-1);
	}
	if (*linep == NULL)
		*capp = 0;
	len = 0;
	FLOCK(fp);
	for (;;) {
		c = __sgetc(fp);
		if (c == EOF)
			break;
		if (len + 2 > *capp) {
			ncap = *capp ? *capp * 2 : 128;
			if ((nline = realloc(*linep, ncap)) == NULL) {
				FUNLOCK(fp);
				return (-1);
			}
			*linep = nline;
			*capp = ncap;
		}
		(*linep)[len++] = (char)c;
		if (c == delim)
			break;
	}
	FUNLOCK(fp);
	if (len == 0)
		return (-1);
	(*linep)[len] = '\0';
	return ((ssize_t)len);
}

ssize_t
getline(char **linep, size_t *capp, FILE *fp)
{

	return (getdelim(linep, capp, '\n', fp));
}

/* fmemopen: a fixed buffer. */
struct fmem {
	char	*buf;
	size_t	size;		/* capacity */
	size_t	len;		/* current contents */
	size_t	pos;
	int	owned;
	int	append;
};

static ssize_t
fmem_read(void *cookie, char *p, size_t n)
{
	struct fmem *m = cookie;

	if (m->pos >= m->len)
		return (0);
	if (n > m->len - m->pos)
		n = m->len - m->pos;
	memcpy(p, m->buf + m->pos, n);
	m->pos += n;
	return ((ssize_t)n);
}

static ssize_t
fmem_write(void *cookie, const char *p, size_t n)
{
	struct fmem *m = cookie;

	if (m->append)
		m->pos = m->len;
	if (m->pos >= m->size) {
		errno = ENOSPC;
		return (-1);
	}
	if (n > m->size - m->pos)
		n = m->size - m->pos;
	memcpy(m->buf + m->pos, p, n);
	m->pos += n;
	if (m->pos > m->len) {
		m->len = m->pos;
		if (m->len < m->size)
			m->buf[m->len] = '\0';
	}
	return ((ssize_t)n);
}

static off_t
fmem_seek(void *cookie, off_t off, int whence)
{
	struct fmem *m = cookie;
	off_t base;

	base = (whence == SEEK_SET) ? 0 : (whence == SEEK_CUR) ?
	    (off_t)m->pos : (off_t)m->len;
	if (base + off < 0 || base + off > (off_t)m->size) {
		errno = EINVAL;
		return (-1);
	}
	m->pos = (size_t)(base + off);
	return ((off_t)m->pos);
}

static int
fmem_close(void *cookie)
{
	struct fmem *m = cookie;

	if (m->owned)
		free(m->buf);
	free(m);
	return (0);
}

FILE *
fmemopen(void *buf, size_t size, const char *mode)
{
	struct fmem *m;
	FILE *fp;
	int flags, oflags;

	if (size == 0 || (flags = __sflags(mode, &oflags)) == 0) {
		errno = EINVAL;
		return (NULL);
	}
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return (NULL);
	m->size = size;
	if (buf == NULL) {
		if ((m->buf = calloc(1, size)) == NULL) {
			free(m);
			return (NULL);
		}
		m->owned = 1;
	} else
		m->buf = buf;
	if (*mode == 'r')
		m->len = size;
	else if (*mode == 'w') {
		m->buf[0] = '\0';
		m->len = 0;
	} else {
		m->len = strnlen(m->buf, size);
		m->pos = m->len;
		m->append = 1;
	}
	if ((fp = __sfp_alloc()) == NULL) {
		fmem_close(m);
		return (NULL);
	}
	fp->fp_flags = flags;
	fp->fp_cookie = m;
	fp->fp_read = fmem_read;
	fp->fp_write = fmem_write;
	fp->fp_seek = fmem_seek;
	fp->fp_close = fmem_close;
	return (fp);
}

/* open_memstream: a growing buffer published through bufp and sizep. */
struct memstream {
	char	**bufp;
	size_t	*sizep;
	size_t	cap;
	size_t	len;
	size_t	pos;
};

static int
memstream_grow(struct memstream *ms, size_t need)
{
	size_t ncap;
	char *nbuf;

	if (need + 1 <= ms->cap)
		return (0);
	ncap = ms->cap ? ms->cap : 64;
	while (ncap < need + 1)
		ncap *= 2;
	if ((nbuf = realloc(*ms->bufp, ncap)) == NULL)
		return (-1);
	memset(nbuf + ms->cap, 0, ncap - ms->cap);
	*ms->bufp = nbuf;
	ms->cap = ncap;
	return (0);
}

static ssize_t
memstream_write(void *cookie, const char *p, size_t n)
{
	struct memstream *ms = cookie;

	if (memstream_grow(ms, ms->pos + n) != 0)
		return (-1);
	memcpy(*ms->bufp + ms->pos, p, n);
	ms->pos += n;
	if (ms->pos > ms->len)
		ms->len = ms->pos;
	(*ms->bufp)[ms->len] = '\0';
	*ms->sizep = ms->len;
	return ((ssize_t)n);
}

static off_t
memstream_seek(void *cookie, off_t off, int whence)
{
	struct memstream *ms = cookie;
	off_t base;

	base = (whence == SEEK_SET) ? 0 : (whence == SEEK_CUR) ?
	    (off_t)ms->pos : (off_t)ms->len;
	if (base + off < 0) {
		errno = EINVAL;
		return (-1);
	}
	ms->pos = (size_t)(base + off);
	if (memstream_grow(ms, ms->pos) != 0)
		return (-1);
	*ms->sizep = ms->pos < ms->len ? ms->pos : ms->len;
	return ((off_t)ms->pos);
}

static int
memstream_close(void *cookie)
{

	free(cookie);
	return (0);
}

FILE *
open_memstream(char **bufp, size_t *sizep)
{
	struct memstream *ms;
	FILE *fp;

	if (bufp == NULL || sizep == NULL) {
		errno = EINVAL;
		return (NULL);
	}
	if ((ms = calloc(1, sizeof(*ms))) == NULL)
		return (NULL);
	ms->bufp = bufp;
	ms->sizep = sizep;
	*bufp = NULL;
	*sizep = 0;
	if (memstream_grow(ms, 0) != 0 || (fp = __sfp_alloc()) == NULL) {
		free(*bufp);
		*bufp = NULL;
		free(ms);
		return (NULL);
	}
	fp->fp_flags = __SWR;
	fp->fp_cookie = ms;
	fp->fp_write = memstream_write;
	fp->fp_seek = memstream_seek;
	fp->fp_close = memstream_close;
	return (fp);
}

FILE *
popen(const char *command, const char *type)
{
	FILE *fp;
	int fds[2], rd, cloexec, saved;
	pid_t pid;

	rd = (*type == 'r');
	if ((*type != 'r' && *type != 'w') ||
	    (type[1] != '\0' && type[1] != 'e')) {
		errno = EINVAL;
		return (NULL);
	}
	cloexec = (type[1] == 'e');
	if (pipe2(fds, O_CLOEXEC) < 0)
		return (NULL);
	pid = fork();
	if (pid < 0) {
		saved = errno;
		(void)close(fds[0]);
		(void)close(fds[1]);
		errno = saved;
		return (NULL);
	}
	if (pid == 0) {
		/* The child's end becomes stdin or stdout (dup2 clears CLOEXEC). */
		if (rd)
			(void)dup2(fds[1], STDOUT_FILENO);
		else
			(void)dup2(fds[0], STDIN_FILENO);
		execl(_PATH_BSHELL, "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	(void)close(rd ? fds[1] : fds[0]);
	if (!cloexec)
		(void)fcntl(rd ? fds[0] : fds[1], F_SETFD, 0);
	fp = fdopen(rd ? fds[0] : fds[1], rd ? "r" : "w");
	if (fp == NULL) {
		(void)close(rd ? fds[0] : fds[1]);
		return (NULL);
	}
	fp->fp_pid = pid;
	return (fp);
}

int
pclose(FILE *fp)
{
	pid_t pid;
	int status;

	pid = fp->fp_pid;
	if (pid <= 0) {
		errno = ECHILD;
		return (-1);
	}
	(void)fclose(fp);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return (-1);
	}
	return (status);
}
