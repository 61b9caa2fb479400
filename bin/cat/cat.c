/*
 * cat: copy files, or standard input, to standard output.
 *
 *	cat [-u] [file ...]
 *
 * A file named "-" is standard input.  Output is never buffered (-u is
 * accepted for compatibility).  Exit status 0, or 1 if any file could not
 * be read or the output could not be written; messages go to stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char buf[16384];

static int
write_all(const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(1, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += w;
		n -= w;
	}
	return (0);
}

/* Copy fd to stdout; returns 0, 1 on a read error, 2 on a write error. */
static int
copy_fd(int fd, const char *name)
{
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n == 0)
			return (0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return (1);
		}
		if (write_all(buf, n) != 0) {
			fprintf(stderr, "cat: stdout: %s\n", strerror(errno));
			return (2);
		}
	}
}

int
main(int argc, char **argv)
{
	int ch, fd, r, rv = 0;

	while ((ch = getopt(argc, argv, "u")) != -1) {
		if (ch != 'u') {
			fprintf(stderr, "usage: cat [-u] [file ...]\n");
			return (1);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		return (copy_fd(0, "stdin") != 0);
	for (; *argv != NULL; argv++) {
		if (strcmp(*argv, "-") == 0)
			fd = 0;
		else if ((fd = open(*argv, O_RDONLY)) < 0) {
			fprintf(stderr, "cat: %s: %s\n", *argv,
			    strerror(errno));
			rv = 1;
			continue;
		}
		r = copy_fd(fd, *argv);
		if (fd != 0)
			close(fd);
		if (r == 2)
			return (1);
		if (r != 0)
			rv = 1;
	}
	return (rv);
}
