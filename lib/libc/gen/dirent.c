/*
 * dirent.c: directory streams over getdirentries(2).
 *
 * A DIR holds one buffer of raw entries; readdir returns them in turn,
 * refilling from the kernel when the buffer is used up.  Entries with
 * d_fileno 0 (deleted) are skipped.  telldir/seekdir use the kernel's
 * d_off cookies: telldir returns the d_off of the entry readdir returned
 * last (the position of the next one).
 */
#include <sys/types.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc_private.h"

#define	DIRBUF	4096

struct _dirdesc {
	int	dd_fd;
	long	dd_loc;		/* offset in dd_buf of the next entry */
	long	dd_size;	/* bytes in dd_buf */
	off_t	dd_seek;	/* cookie of the first entry in the buffer */
	off_t	dd_next;	/* kernel's base after the last fill */
	off_t	dd_cookie;	/* d_off of the last entry returned */
	libc_lock_t dd_lock;
	char	dd_buf[DIRBUF];
};

DIR *
fdopendir(int fd)
{
	DIR *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return (NULL);
	d->dd_fd = fd;
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	return (d);
}

DIR *
opendir(const char *name)
{
	DIR *d;
	int fd, saved;

	fd = open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return (NULL);
	if ((d = fdopendir(fd)) == NULL) {
		saved = errno;
		(void)close(fd);
		errno = saved;
	}
	return (d);
}

int
closedir(DIR *d)
{
	int fd;

	fd = d->dd_fd;
	free(d);
	return (close(fd));
}

int
dirfd(DIR *d)
{

	return (d->dd_fd);
}

static struct dirent *
readdir_locked(DIR *d)
{
	struct dirent *dp;
	off_t base;
	ssize_t n;

	for (;;) {
		if (d->dd_loc >= d->dd_size) {
			base = d->dd_next;
			n = getdirentries(d->dd_fd, d->dd_buf, DIRBUF, &base);
			if (n <= 0)
				return (NULL);
			d->dd_seek = d->dd_next;
			d->dd_next = base;
			d->dd_size = n;
			d->dd_loc = 0;
		}
		dp = (struct dirent *)(d->dd_buf + d->dd_loc);
		if (dp->d_reclen == 0 || dp->d_reclen > d->dd_size - d->dd_loc) {
			d->dd_loc = d->dd_size;
			return (NULL);
		}
		d->dd_loc += dp->d_reclen;
		if (dp->d_fileno != 0) {
			d->dd_cookie = dp->d_off;
			return (dp);
		}
	}
}

struct dirent *
readdir(DIR *d)
{
	struct dirent *dp;

	_libc_lock(&d->dd_lock);
	dp = readdir_locked(d);
	_libc_unlock(&d->dd_lock);
	return (dp);
}

int
readdir_r(DIR *d, struct dirent *entry, struct dirent **result)
{
	struct dirent *dp;
	int saved;

	saved = errno;
	errno = 0;
	_libc_lock(&d->dd_lock);
	dp = readdir_locked(d);
	if (dp != NULL)
		memcpy(entry, dp, dp->d_reclen);
	_libc_unlock(&d->dd_lock);
	if (dp == NULL && errno != 0)
		return (errno);
	errno = saved;
	*result = (dp != NULL) ? entry : NULL;
	return (0);
}

long
telldir(DIR *d)
{

	return ((long)d->dd_cookie);
}

void
seekdir(DIR *d, long loc)
{

	_libc_lock(&d->dd_lock);
	d->dd_next = (off_t)loc;
	d->dd_cookie = (off_t)loc;
	d->dd_loc = d->dd_size = 0;
	(void)lseek(d->dd_fd, (off_t)loc, SEEK_SET);
	_libc_unlock(&d->dd_lock);
}

void
rewinddir(DIR *d)
{

	seekdir(d, 0);
}

int
alphasort(const struct dirent **a, const struct dirent **b)
{

	return (strcmp((*a)->d_name, (*b)->d_name));
}

int
scandir(const char *dirname, struct dirent ***namelist,
    int (*select)(const struct dirent *),
    int (*compar)(const struct dirent **, const struct dirent **))
{
	struct dirent *dp, *copy, **list, **nlist;
	size_t n, cap;
	DIR *d;

	if ((d = opendir(dirname)) == NULL)
		return (-1);
	list = NULL;
	n = cap = 0;
	while ((dp = readdir(d)) != NULL) {
		if (select != NULL && !select(dp))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			nlist = realloc(list, cap * sizeof(*list));
			if (nlist == NULL)
				goto fail;
			list = nlist;
		}
		if ((copy = malloc(dp->d_reclen)) == NULL)
			goto fail;
		memcpy(copy, dp, dp->d_reclen);
		list[n++] = copy;
	}
	(void)closedir(d);
	if (n > 0 && compar != NULL)
		qsort(list, n, sizeof(*list),
		    (int (*)(const void *, const void *))compar);
	*namelist = list;
	return ((int)n);
fail:
	while (n > 0)
		free(list[--n]);
	free(list);
	(void)closedir(d);
	errno = ENOMEM;
	return (-1);
}
