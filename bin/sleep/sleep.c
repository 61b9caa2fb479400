/*
 * sleep: wait for a number of seconds.
 *
 *	sleep seconds
 *
 * seconds may have a fraction ("0.25").  Uses nanosleep(), restarting it
 * with the remaining time when a caught signal interrupts it.  Exit status
 * 0, or 1 for a bad argument.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Parse "S[.FFF]" into a timespec; returns -1 if it is not a number. */
static int
parse_seconds(const char *s, struct timespec *ts)
{
	long long sec = 0;
	long nsec = 0, scale = 100000000;

	if (*s < '0' || *s > '9')
		if (*s != '.')
			return (-1);
	for (; *s >= '0' && *s <= '9'; s++) {
		sec = sec * 10 + (*s - '0');
		if (sec > 100000000)
			return (-1);
	}
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, scale /= 10)
			nsec += (*s - '0') * scale;
	if (*s != '\0')
		return (-1);
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = nsec;
	return (0);
}

int
main(int argc, char **argv)
{
	struct timespec ts, rem;

	if (argc != 2 || parse_seconds(argv[1], &ts) != 0) {
		fprintf(stderr, "usage: sleep seconds\n");
		return (1);
	}
	while (nanosleep(&ts, &rem) != 0) {
		if (errno != EINTR) {
			perror("sleep: nanosleep");
			return (1);
		}
		ts = rem;
	}
	return (0);
}
