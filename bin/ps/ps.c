/*
 * ps: list the processes and threads.
 *
 *	ps
 *
 * Prints the kernel's process list: a text table the kernel formats itself
 * (a header line, then one line per thread with its thread id, CPU, state,
 * process id and command name).  The kernel is the one place that knows
 * which fields exist, so ps adds nothing to the text; it only fetches it,
 * retrying while the list grows.  The list is sysctl kern.proclist, or
 * kern.threads on kernels that have only that.
 * Exit status 0, or 1 with a message if the kernel has neither.
 */
#include <sys/types.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const lists[] = { "kern.proclist", "kern.threads" };

/* Print one text node; returns 0, or -1 with errno set. */
static int
print_list(const char *name)
{
	char *buf = NULL;
	size_t len, n;
	int tries;

	for (tries = 0; tries < 10; tries++) {
		len = 0;
		if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
			break;
		len += len / 2 + 256;
		free(buf);
		if ((buf = malloc(len + 1)) == NULL) {
			fprintf(stderr, "ps: out of memory\n");
			exit(1);
		}
		if (sysctlbyname(name, buf, &len, NULL, 0) == 0) {
			buf[len] = '\0';
			fputs(buf, stdout);
			n = strlen(buf);
			if (n > 0 && buf[n - 1] != '\n')
				putchar('\n');
			free(buf);
			return (0);
		}
		if (errno != ENOMEM)
			break;
	}
	free(buf);
	return (-1);
}

int
main(int argc, char **argv)
{
	size_t i;

	if (argc != 1) {
		fprintf(stderr, "usage: ps\n");
		return (1);
	}
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		if (print_list(lists[i]) == 0)
			return (0);
		if (errno != ENOENT) {
			fprintf(stderr, "ps: sysctl %s: %s\n", lists[i],
			    strerror(errno));
			return (1);
		}
	}
	fprintf(stderr, "ps: the kernel has no process list (no sysctl "
	    "kern.proclist or kern.threads)\n");
	return (1);
}
