/*
 * stdio.c: the stream core: opening, buffering, reading, writing,
 * seeking, flushing and closing (see local.h for the model).
 *
 * Buffering: stderr is unbuffered; stdout is line buffered when it is a
 * terminal (isatty, TIOCGETA) and fully buffered otherwise, decided at
 * its first use; other streams are fully buffered (4 KiB) unless setvbuf
 * says otherwise.  Before reading from a line-buffered or unbuffered
 * stream, all line-buffered output is flushed (so prompts appear).
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

#define	STDIO_BUFSIZE	4096

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static FILE std_files[3] = {
	{ .fp_fd = 0, .fp_flags = __SRD | __SSTATIC, .fp_buf = stdin_buf,
	  .fp_bufsize = sizeof(stdin_buf), .fp_ungot = -1,
	  .fp_lock = LIBC_RLOCK_INITIALIZER, .fp_next = &std_files[1] },
	{ .fp_fd = 1, .fp_flags = __SWR | __SSTATIC, .fp_buf = stdout_buf,
	  .fp_bufsize = sizeof(stdout_buf), .fp_ungot = -1,
	  .fp_lock = LIBC_RLOCK_INITIALIZER, .fp_next = &std_files[2] },
	{ .fp_fd = 2, .fp_flags = __SWR | __SNBF | __SBUFSET | __SSTATIC,
	  .fp_ungot = -1, .fp_lock = LIBC_RLOCK_INITIALIZER, .fp_next = NULL },
};

FILE	*__stdinp = &std_files[0];
FILE	*__stdoutp = &std_files[1];
FILE	*__stderrp = &std_files[2];

static FILE *sfiles = &std_files[0];		/* [sfiles_lock] */
static libc_lock_t sfiles_lock = LIBC_LOCK_INITIALIZER;

FILE *
__sfp_alloc(void)
{
	FILE *fp;

	if ((fp = calloc(1, sizeof(*fp))) == NULL)
		return (NULL);
	fp->fp_fd = -1;
	fp->fp_ungot = -1;
	_libc_lock(&sfiles_lock);
	fp->fp_next = sfiles;
	sfiles = fp;
	_libc_unlock(&sfiles_lock);
	return (fp);
}

void
__sfp_release(FILE *fp)
{
	FILE **pp;

	if (fp->fp_flags & __SMBF)
		free(fp->fp_buf);
	fp->fp_buf = NULL;
	fp->fp_flags &= __SSTATIC;
	if (fp->fp_flags & __SSTATIC)
		return;
	_libc_lock(&sfiles_lock);
	for (pp = &sfiles; *pp != NULL; pp = &(*pp)->fp_next)
		if (*pp == fp) {
			*pp = fp->fp_next;
			break;
		}
	_libc_unlock(&sfiles_lock);
	free(fp);
}

/* Parse an fopen mode: stream flags, and open(2) flags in *oflags. */
int
__sflags(const char *mode, int *oflags)
{
	int flags, o;

	switch (*mode++) {
	case 'r':
		flags = __SRD;
		o = O_RDONLY;
		break;
	case 'w':
		flags = __SWR;
		o = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = __SWR | __SAPP;
		o = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return (0);
	}
	for (; *mode != '\0'; mode++) {
		switch (*mode) {
		case '+':
			flags |= __SRD | __SWR;
			o = (o & ~O_ACCMODE) | O_RDWR;
			break;
		case 'x':
			o |= O_EXCL;
			break;
		case 'e':
			o |= O_CLOEXEC;
			break;
		case 'b':
			break;
		default:
			break;
		}
	}
	*oflags = o;
	return (flags);
}

void
__smakebuf(FILE *fp)
{

	if (fp->fp_flags & __SBUFSET)
		return;
	fp->fp_flags |= __SBUFSET;
	if (fp == stdout && isatty(fp->fp_fd))
		fp->fp_flags |= __SLBF;
	if (fp->fp_flags & __SNBF)
		return;
	if (fp->fp_buf == NULL) {
		fp->fp_buf = malloc(STDIO_BUFSIZE);
		if (fp->fp_buf == NULL) {
			fp->fp_flags |= __SNBF;
			return;
		}
		fp->fp_bufsize = STDIO_BUFSIZE;
		fp->fp_flags |= __SMBF;
	}
}

static ssize_t
raw_write(FILE *fp, const void *p, size_t n)
{

	if (fp->fp_fd < 0)
		return (fp->fp_write != NULL ?
		    fp->fp_write(fp->fp_cookie, p, n) : (errno = EBADF, -1));
	return (write(fp->fp_fd, p, n));
}

static ssize_t
raw_read(FILE *fp, void *p, size_t n)
{

	if (fp->fp_fd < 0)
		return (fp->fp_read != NULL ?
		    fp->fp_read(fp->fp_cookie, p, n) : (errno = EBADF, -1));
	return (read(fp->fp_fd, p, n));
}

static off_t
raw_seek(FILE *fp, off_t off, int whence)
{

	if (fp->fp_fd < 0)
		return (fp->fp_seek != NULL ?
		    fp->fp_seek(fp->fp_cookie, off, whence) :
		    (errno = ESPIPE, -1));
	return (lseek(fp->fp_fd, off, whence));
}

/* Write all of [p, p+n) to the object; 0 or EOF (with __SERR). */
static int
write_all(FILE *fp, const unsigned char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = raw_write(fp, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			fp->fp_flags |= __SERR;
			return (EOF);
		}
		p += w;
		n -= (size_t)w;
	}
	return (0);
}

int
__sflush(FILE *fp)
{
	size_t n;
	int rv;

	if (!(fp->fp_flags & __SWRITING))
		return (0);
	n = (size_t)(fp->fp_wpos - fp->fp_buf);
	fp->fp_wpos = fp->fp_buf;
	fp->fp_flags &= ~__SWRITING;
	if (n == 0)
		return (0);
	if ((fp->fp_flags & __SAPP) && fp->fp_fd < 0)
		(void)raw_seek(fp, 0, SEEK_END);
	rv = write_all(fp, fp->fp_buf, n);
	return (rv);
}

/* Drop buffered input, telling the object where the reader really is. */
static void
discard_input(FILE *fp)
{
	off_t unread;

	if (!(fp->fp_flags & __SREADING))
		return;
	unread = fp->fp_rend - fp->fp_rpos + (fp->fp_ungot >= 0);
	if (unread > 0)
		(void)raw_seek(fp, -unread, SEEK_CUR);
	fp->fp_rpos = fp->fp_rend = NULL;
	fp->fp_ungot = -1;
	fp->fp_flags &= ~__SREADING;
}

static void
flush_line_buffered(void)
{
	FILE *fp;

	_libc_lock(&sfiles_lock);
	for (fp = sfiles; fp != NULL; fp = fp->fp_next) {
		if ((fp->fp_flags & (__SLBF | __SWRITING)) ==
		    (__SLBF | __SWRITING) && _libc_rtrylock(&fp->fp_lock) == 0) {
			(void)__sflush(fp);
			FUNLOCK(fp);
		}
	}
	_libc_unlock(&sfiles_lock);
}

int
__srefill(FILE *fp)
{
	ssize_t n;

	if (!(fp->fp_flags & __SRD)) {
		fp->fp_flags |= __SERR;
		errno = EBADF;
		return (EOF);
	}
	__smakebuf(fp);
	if (fp->fp_flags & __SWRITING) {
		if (__sflush(fp) != 0)
			return (EOF);
	}
	if (fp->fp_flags & (__SLBF | __SNBF))
		flush_line_buffered();
	if (fp->fp_flags & __SNBF) {
		fp->fp_buf = fp->fp_nbuf;
		fp->fp_bufsize = 1;
	}
	for (;;) {
		n = raw_read(fp, fp->fp_buf, fp->fp_bufsize);
		if (n < 0 && errno == EINTR)
			continue;
		break;
	}
	fp->fp_flags |= __SREADING;
	fp->fp_rpos = fp->fp_buf;
	fp->fp_rend = fp->fp_buf + (n > 0 ? n : 0);
	if (n <= 0) {
		fp->fp_flags |= (n == 0) ? __SEOF : __SERR;
		return (EOF);
	}
	return (0);
}

int
__sgetc(FILE *fp)
{
	int c;

	if (fp->fp_ungot >= 0) {
		c = fp->fp_ungot;
		fp->fp_ungot = -1;
		return (c);
	}
	if (!(fp->fp_flags & __SREADING) || fp->fp_rpos >= fp->fp_rend) {
		if (__srefill(fp) != 0)
			return (EOF);
	}
	return (*fp->fp_rpos++);
}

size_t
__swrite(FILE *fp, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t room, done, chunk;
	const unsigned char *nl;

	if (!(fp->fp_flags & __SWR)) {
		fp->fp_flags |= __SERR;
		errno = EBADF;
		return (0);
	}
	__smakebuf(fp);
	discard_input(fp);
	if (fp->fp_flags & __SNBF) {
		if (write_all(fp, p, n) != 0)
			return (0);
		return (n);
	}
	if (!(fp->fp_flags & __SWRITING)) {
		fp->fp_wpos = fp->fp_buf;
		fp->fp_flags |= __SWRITING;
	}
	for (done = 0; done < n; done += chunk) {
		room = fp->fp_bufsize - (size_t)(fp->fp_wpos - fp->fp_buf);
		if (room == 0) {
			if (__sflush(fp) != 0)
				return (done);
			fp->fp_flags |= __SWRITING;
			room = fp->fp_bufsize;
		}
		chunk = n - done < room ? n - done : room;
		memcpy(fp->fp_wpos, p + done, chunk);
		fp->fp_wpos += chunk;
	}
	if (fp->fp_flags & __SLBF) {
		nl = memchr(p, '\n', n);
		if (nl != NULL && __sflush(fp) != 0)
			return (0);
	}
	return (n);
}

int
__sputc(int c, FILE *fp)
{
	unsigned char ch = (unsigned char)c;

	return (__swrite(fp, &ch, 1) == 1 ? ch : EOF);
}

FILE *
fdopen(int fd, const char *mode)
{
	FILE *fp;
	int flags, oflags, fdflags;

	if ((flags = __sflags(mode, &oflags)) == 0)
		return (NULL);
	if ((fdflags = fcntl(fd, F_GETFL)) < 0)
		return (NULL);
	if (((fdflags & O_ACCMODE) != O_RDWR &&
	    (fdflags & O_ACCMODE) != (oflags & O_ACCMODE))) {
		errno = EINVAL;
		return (NULL);
	}
	if ((oflags & O_CLOEXEC) && fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
		return (NULL);
	if ((fp = __sfp_alloc()) == NULL)
		return (NULL);
	fp->fp_fd = fd;
	fp->fp_flags = flags;
	return (fp);
}

FILE *
fopen(const char *path, const char *mode)
{
	FILE *fp;
	int flags, oflags, fd, saved;

	if ((flags = __sflags(mode, &oflags)) == 0)
		return (NULL);
	if ((fd = open(path, oflags, DEFFILEMODE)) < 0)
		return (NULL);
	if ((fp = __sfp_alloc()) == NULL) {
		saved = errno;
		(void)close(fd);
		errno = saved;
		return (NULL);
	}
	fp->fp_fd = fd;
	fp->fp_flags = flags;
	return (fp);
}

FILE *
freopen(const char *path, const char *mode, FILE *fp)
{
	int flags, oflags, fd;

	if ((flags = __sflags(mode, &oflags)) == 0) {
		(void)fclose(fp);
		return (NULL);
	}
	FLOCK(fp);
	(void)__sflush(fp);
	if (path == NULL) {
		fd = fp->fp_fd;
		if (fd >= 0 && fcntl(fd, F_SETFL, oflags & O_APPEND) < 0)
			goto fail;
	} else {
		if (fp->fp_fd >= 0)
			(void)close(fp->fp_fd);
		fp->fp_fd = -1;
		if ((fd = open(path, oflags, DEFFILEMODE)) < 0)
			goto fail;
	}
	fp->fp_fd = fd;
	fp->fp_flags = (fp->fp_flags & (__SSTATIC | __SMBF | __SBUFSET |
	    __SNBF | __SLBF)) | flags;
	fp->fp_rpos = fp->fp_rend = NULL;
	fp->fp_wpos = fp->fp_buf;
	fp->fp_ungot = -1;
	FUNLOCK(fp);
	return (fp);
fail:
	FUNLOCK(fp);
	__sfp_release(fp);
	return (NULL);
}

int
fclose(FILE *fp)
{
	int rv;

	FLOCK(fp);
	rv = __sflush(fp);
	if (fp->fp_fd >= 0) {
		if (!(fp->fp_flags & __SNOCLOSE) && close(fp->fp_fd) < 0)
			rv = EOF;
	} else if (fp->fp_close != NULL && fp->fp_close(fp->fp_cookie) < 0)
		rv = EOF;
	fp->fp_fd = -1;
	FUNLOCK(fp);
	__sfp_release(fp);
	return (rv);
}

int
fflush(FILE *fp)
{
	int rv;

	if (fp == NULL) {
		rv = 0;
		_libc_lock(&sfiles_lock);
		for (fp = sfiles; fp != NULL; fp = fp->fp_next) {
			if (!(fp->fp_flags & __SWRITING))
				continue;
			if (_libc_rtrylock(&fp->fp_lock) != 0)
				continue;	/* busy: its owner will write */
			if (__sflush(fp) != 0)
				rv = EOF;
			FUNLOCK(fp);
		}
		_libc_unlock(&sfiles_lock);
		return (rv);
	}
	FLOCK(fp);
	if (fp->fp_flags & __SWRITING)
		rv = __sflush(fp);
	else {
		discard_input(fp);
		rv = 0;
	}
	FUNLOCK(fp);
	return (rv);
}

void
__libc_stdio_flushall(void)
{
	FILE *fp;

	/* At exit other threads may hold locks forever: do not wait. */
	for (fp = sfiles; fp != NULL; fp = fp->fp_next)
		if ((fp->fp_flags & __SWRITING) &&
		    _libc_rtrylock(&fp->fp_lock) == 0) {
			(void)__sflush(fp);
			FUNLOCK(fp);
		}
}

void
__libc_stdio_atfork_child(void)
{
	FILE *fp;

	sfiles_lock.lk_word = 0;
	for (fp = sfiles; fp != NULL; fp = fp->fp_next) {
		fp->fp_lock.rl_lock.lk_word = 0;
		fp->fp_lock.rl_owner = 0;
		fp->fp_lock.rl_count = 0;
	}
}

int
setvbuf(FILE *fp, char *buf, int mode, size_t size)
{

	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return (EOF);
	FLOCK(fp);
	(void)__sflush(fp);
	discard_input(fp);
	if (fp->fp_flags & __SMBF)
		free(fp->fp_buf);
	fp->fp_flags &= ~(__SLBF | __SNBF | __SMBF);
	fp->fp_buf = NULL;
	fp->fp_bufsize = 0;
	if (mode == _IONBF)
		fp->fp_flags |= __SNBF;
	else {
		if (mode == _IOLBF)
			fp->fp_flags |= __SLBF;
		if (buf != NULL && size > 0) {
			fp->fp_buf = (unsigned char *)buf;
			fp->fp_bufsize = size;
		} else if ((fp->fp_buf = malloc(size > 0 ? size :
		    STDIO_BUFSIZE)) != NULL) {
			fp->fp_bufsize = size > 0 ? size : STDIO_BUFSIZE;
			fp->fp_flags |= __SMBF;
		} else
			fp->fp_flags |= __SNBF;
	}
	fp->fp_flags |= __SBUFSET;
	fp->fp_wpos = fp->fp_buf;
	FUNLOCK(fp);
	return (0);
}

void
setbuf(FILE *fp, char *buf)
{

	(void)setvbuf(fp, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

void
setbuffer(FILE *fp, char *buf, int size)
{

	(void)setvbuf(fp, buf, buf != NULL ? _IOFBF : _IONBF, (size_t)size);
}

int
setlinebuf(FILE *fp)
{

	return (setvbuf(fp, NULL, _IOLBF, 0));
}

int
fgetc(FILE *fp)
{
	int c;

	FLOCK(fp);
	c = __sgetc(fp);
	FUNLOCK(fp);
	return (c);
}

int
getc(FILE *fp)
{

	return (fgetc(fp));
}

int
getchar(void)
{

	return (fgetc(stdin));
}

int
getc_unlocked(FILE *fp)
{

	return (__sgetc(fp));
}

int
getchar_unlocked(void)
{

	return (__sgetc(stdin));
}

int
ungetc(int c, FILE *fp)
{

	if (c == EOF)
		return (EOF);
	FLOCK(fp);
	if ((fp->fp_flags & __SREADING) && fp->fp_rpos > fp->fp_buf &&
	    fp->fp_ungot < 0) {
		*--fp->fp_rpos = (unsigned char)c;
	} else if (fp->fp_ungot < 0) {
		fp->fp_ungot = (unsigned char)c;
		if (!(fp->fp_flags & __SREADING)) {
			(void)__sflush(fp);
			fp->fp_flags |= __SREADING;
			fp->fp_rpos = fp->fp_rend = fp->fp_buf;
		}
	} else {
		FUNLOCK(fp);
		return (EOF);
	}
	fp->fp_flags &= ~__SEOF;
	FUNLOCK(fp);
	return ((unsigned char)c);
}

int
fputc(int c, FILE *fp)
{
	int rv;

	FLOCK(fp);
	rv = __sputc(c, fp);
	FUNLOCK(fp);
	return (rv);
}

int
putc(int c, FILE *fp)
{

	return (fputc(c, fp));
}

int
putchar(int c)
{

	return (fputc(c, stdout));
}

int
putc_unlocked(int c, FILE *fp)
{

	return (__sputc(c, fp));
}

int
putchar_unlocked(int c)
{

	return (__sputc(c, stdout));
}

int
fputs(const char *s, FILE *fp)
{
	size_t n;
	int rv;

	n = strlen(s);
	FLOCK(fp);
	rv = (__swrite(fp, s, n) == n) ? 0 : EOF;
	FUNLOCK(fp);
	return (rv);
}

int
puts(const char *s)
{
	size_t n;
	int rv;

	n = strlen(s);
	FLOCK(stdout);
	rv = (__swrite(stdout, s, n) == n && __sputc('\n', stdout) != EOF) ?
	    0 : EOF;
	FUNLOCK(stdout);
	return (rv);
}

size_t
fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
	size_t total, done;

	if (size == 0 || n == 0)
		return (0);
	total = size * n;
	FLOCK(fp);
	done = __swrite(fp, p, total);
	FUNLOCK(fp);
	return (done / size);
}

size_t
fread(void *p, size_t size, size_t n, FILE *fp)
{
	unsigned char *d = p;
	size_t total, got, m;

	if (size == 0 || n == 0)
		return (0);
	total = size * n;
	got = 0;
	FLOCK(fp);
	if (fp->fp_ungot >= 0 && total > 0) {
		d[got++] = (unsigned char)fp->fp_ungot;
		fp->fp_ungot = -1;
	}
	while (got < total) {
		if (!(fp->fp_flags & __SREADING) || fp->fp_rpos >= fp->fp_rend) {
			if (__srefill(fp) != 0)
				break;
		}
		m = (size_t)(fp->fp_rend - fp->fp_rpos);
		if (m > total - got)
			m = total - got;
		memcpy(d + got, fp->fp_rpos, m);
		fp->fp_rpos += m;
		got += m;
	}
	FUNLOCK(fp);
	return (got / size);
}

char *
fgets(char *buf, int n, FILE *fp)
{
	int c, i;

	if (n <= 0) {
		errno = EINVAL;
		return (NULL);
	}
	FLOCK(fp);
	for (i = 0; i < n - 1; ) {
		c = __sgetc(fp);
		if (c == EOF)
			break;
		buf[i++] = (char)c;
		if (c == '\n')
			break;
	}
	FUNLOCK(fp);
	if (i == 0)
		return (NULL);
	buf[i] = '\0';
	return (buf);
}

int
feof(FILE *fp)
{

	return ((fp->fp_flags & __SEOF) != 0);
}

int
ferror(FILE *fp)
{

	return ((fp->fp_flags & __SERR) != 0);
}

void
clearerr(FILE *fp)
{

	FLOCK(fp);
	fp->fp_flags &= ~(__SEOF | __SERR);
	FUNLOCK(fp);
}

int
fileno(FILE *fp)
{

	if (fp->fp_fd < 0) {
		errno = EBADF;
		return (-1);
	}
	return (fp->fp_fd);
}

int
fseeko(FILE *fp, off_t off, int whence)
{
	off_t pos;

	FLOCK(fp);
	if (__sflush(fp) != 0) {
		FUNLOCK(fp);
		return (-1);
	}
	if (whence == SEEK_CUR && (fp->fp_flags & __SREADING))
		off -= fp->fp_rend - fp->fp_rpos + (fp->fp_ungot >= 0);
	fp->fp_rpos = fp->fp_rend = NULL;
	fp->fp_ungot = -1;
	fp->fp_flags &= ~(__SREADING | __SEOF);
	pos = raw_seek(fp, off, whence);
	FUNLOCK(fp);
	return (pos < 0 ? -1 : 0);
}

int
fseek(FILE *fp, long off, int whence)
{

	return (fseeko(fp, (off_t)off, whence));
}

off_t
ftello(FILE *fp)
{
	off_t pos;

	FLOCK(fp);
	pos = raw_seek(fp, 0, SEEK_CUR);
	if (pos >= 0) {
		if (fp->fp_flags & __SREADING)
			pos -= fp->fp_rend - fp->fp_rpos +
			    (fp->fp_ungot >= 0);
		else if (fp->fp_flags & __SWRITING)
			pos += fp->fp_wpos - fp->fp_buf;
	}
	FUNLOCK(fp);
	return (pos);
}

long
ftell(FILE *fp)
{

	return ((long)ftello(fp));
}

void
rewind(FILE *fp)
{

	(void)fseeko(fp, 0, SEEK_SET);
	clearerr(fp);
}

int
fgetpos(FILE *fp, fpos_t *pos)
{

	*pos = ftello(fp);
	return (*pos < 0 ? -1 : 0);
}

int
fsetpos(FILE *fp, const fpos_t *pos)
{

	return (fseeko(fp, *pos, SEEK_SET));
}

int
fpurge(FILE *fp)
{

	FLOCK(fp);
	fp->fp_wpos = fp->fp_buf;
	fp->fp_flags &= ~(__SWRITING | __SREADING);
	fp->fp_rpos = fp->fp_rend = NULL;
	fp->fp_ungot = -1;
	FUNLOCK(fp);
	return (0);
}

void
flockfile(FILE *fp)
{

	FLOCK(fp);
}

int
ftrylockfile(FILE *fp)
{

	return (_libc_rtrylock(&fp->fp_lock));
}

void
funlockfile(FILE *fp)
{

	FUNLOCK(fp);
}

int
remove(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return (rmdir(path));
	return (unlink(path));
}

FILE *
tmpfile(void)
{
	char path[] = "/tmp/tmp.XXXXXXXXXX";
	FILE *fp;
	int fd, saved;

	if ((fd = mkstemp(path)) < 0)
		return (NULL);
	(void)unlink(path);
	if ((fp = fdopen(fd, "w+")) == NULL) {
		saved = errno;
		(void)close(fd);
		errno = saved;
	}
	return (fp);
}
