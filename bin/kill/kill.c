/*
 * kill: send a signal to processes.
 *
 *	kill [-s NAME | -NAME | -N] pid ...
 *	kill -l [status]
 *
 * The default signal is TERM.  NAME is a signal name with or without the
 * SIG prefix, in any case; N is its number (0 checks that the process
 * exists).  A negative pid signals a process group.  -l lists the signal
 * names, or gives the name for a number or a 128+N exit status.  Exit
 * status 0 if every process was signalled, else 1.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct signame {
	const char	*sn_name;
	int		 sn_num;
} signames[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
	{ "FPE", SIGFPE }, { "KILL", SIGKILL }, { "BUS", SIGBUS },
	{ "SEGV", SIGSEGV }, { "SYS", SIGSYS }, { "PIPE", SIGPIPE },
	{ "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "URG", SIGURG },
	{ "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "CONT", SIGCONT },
	{ "CHLD", SIGCHLD }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
	{ "IO", SIGIO }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "WINCH", SIGWINCH },
	{ "INFO", SIGINFO }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 },
};

#define NSIGNAMES	(sizeof(signames) / sizeof(signames[0]))

static void
usage(void)
{
	fprintf(stderr, "usage: kill [-s signal_name | -signal_name | "
	    "-signal_number] pid ...\n       kill -l [exit_status]\n");
	exit(2);
}

/* A signal name or number to its number; -1 if unknown. */
static int
signum(const char *s)
{
	char *end;
	size_t i;
	long n;

	if (*s >= '0' && *s <= '9') {
		n = strtol(s, &end, 10);
		return (*end == '\0' && n >= 0 && n < 128 ? (int)n : -1);
	}
	if ((s[0] == 'S' || s[0] == 's') && (s[1] == 'I' || s[1] == 'i') &&
	    (s[2] == 'G' || s[2] == 'g'))
		s += 3;
	for (i = 0; i < NSIGNAMES; i++)
		if (strcasecmp(s, signames[i].sn_name) == 0)
			return (signames[i].sn_num);
	return (-1);
}

static const char *
signame(int sig)
{
	size_t i;

	for (i = 0; i < NSIGNAMES; i++)
		if (signames[i].sn_num == sig)
			return (signames[i].sn_name);
	return (NULL);
}

static int
list(const char *arg)
{
	const char *name;
	size_t i;
	long n;

	if (arg == NULL) {
		for (i = 0; i < NSIGNAMES; i++)
			printf("%s%c", signames[i].sn_name,
			    i + 1 == NSIGNAMES || i % 8 == 7 ? '\n' : ' ');
		return (0);
	}
	n = strtol(arg, NULL, 10);
	if (n > 128)
		n -= 128;
	if ((name = signame((int)n)) == NULL) {
		fprintf(stderr, "kill: unknown signal %s\n", arg);
		return (1);
	}
	printf("%s\n", name);
	return (0);
}

int
main(int argc, char **argv)
{
	int i, sig = SIGTERM, rv = 0;
	char *end;
	long pid;

	if (argc < 2)
		usage();
	if (strcmp(argv[1], "-l") == 0)
		return (list(argv[2]));
	i = 1;
	if (strcmp(argv[1], "-s") == 0) {
		if (argc < 3)
			usage();
		sig = signum(argv[2]);
		i = 3;
	} else if (argv[1][0] == '-' && argv[1][1] != '\0' &&
	    !(argv[1][1] >= '0' && argv[1][1] <= '9' && argc == 2)) {
		if (strcmp(argv[1], "--") == 0)
			sig = SIGTERM;
		else
			sig = signum(argv[1] + 1);
		i = 2;
	}
	if (sig < 0) {
		fprintf(stderr, "kill: %s: unknown signal; kill -l lists "
		    "them\n", argv[i - 1]);
		return (2);
	}
	if (i >= argc)
		usage();
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0') {
			fprintf(stderr, "kill: %s: not a process id\n",
			    argv[i]);
			rv = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) != 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i],
			    strerror(errno));
			rv = 1;
		}
	}
	return (rv);
}
