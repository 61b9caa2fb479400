/*
 * atf-run: run one ATF test program's listing or test case inside the
 * guest and print the outcome on the console between markers, for the
 * host's tests/guest_bridge to pick up.  Installed as /usr/libexec/atf-run;
 * the bridge boots a VM per call with "tools/vmrun -- /usr/libexec/atf-run
 * ...", and init (sbin/init) runs it in a fresh working directory.
 *
 *	atf-run -l -m TOKEN PROG
 *	atf-run -m TOKEN [-c] [-t SECONDS] [-v VAR=VALUE]... [-p PROG]...
 *		[-f FILE]... PROG CASE
 *
 * -l runs "PROG -l" and prints its output between
 *	@@atf-run TOKEN list-begin@@ and @@atf-run TOKEN list-end exit=N@@.
 *
 * Otherwise it checks the case's required programs (-p) and files (-f),
 * then runs "PROG -r RESFILE -s DIR [-v ...] CASE" in the current
 * directory with HOME and TMPDIR set to it, killing the body after
 * SECONDS (default 300), then "PROG ... CASE:cleanup" when -c says the
 * case has a cleanup part.  It prints
 *	@@atf-run TOKEN body STATE@@	STATE: exited N | signaled N |
 *					timeout N | skipped
 *	@@atf-run TOKEN cleanup STATE@@		(with -c)
 *	@@atf-run TOKEN result-begin@@
 *	...the result file...
 *	@@atf-run TOKEN result-end@@		(or "result-missing")
 * Every marker is on a line of its own.  TOKEN is chosen by the bridge so
 * that no test output can fake a marker.  Exit status 0 once the outcome
 * is printed, 1 if atf-run itself failed.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define	MAXLIST		64	/* -v, -p, -f arguments, each */
#define	CASE_ARGV_MAX	(7 + 2 * MAXLIST)

struct strlist {
	char	*sl_v[MAXLIST];
	int	 sl_n;
};

static const char *token;
static volatile sig_atomic_t alarmed;

static void
usage(void)
{
	fprintf(stderr, "usage: atf-run -l -m TOKEN PROG\n"
	    "       atf-run -m TOKEN [-c] [-t SECONDS] [-v VAR=VALUE]... "
	    "[-p PROG]... [-f FILE]... PROG CASE\n");
	exit(1);
}

static void
marker(const char *fmt, const char *arg)
{
	printf("\n@@atf-run %s ", token);
	printf(fmt, arg);
	printf("@@\n");
	fflush(stdout);
}

static void
add(struct strlist *sl, char *s)
{
	if (sl->sl_n == MAXLIST) {
		fprintf(stderr, "atf-run: too many arguments\n");
		exit(1);
	}
	sl->sl_v[sl->sl_n++] = s;
}

/* Copy a file to stdout; returns -1 if it cannot be opened. */
static int
print_file(const char *path)
{
	char buf[1024];
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return (-1);
	fflush(stdout);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
	return (0);
}

static void
on_alarm(int sig)
{
	alarmed = 1;
}

/*
 * Start argv in a child with the given stdout (-1: inherit); wait at most
 * timeout seconds (0: forever).  *statep gets the marker text.
 */
static int
run(char **argv, int outfd, unsigned timeout, char *state, size_t len)
{
	struct sigaction sa;
	int status, nullfd;
	pid_t pid, got;

	fflush(stdout);
	if ((pid = fork()) < 0) {
		fprintf(stderr, "atf-run: fork: %s\n", strerror(errno));
		return (-1);
	}
	if (pid == 0) {
		if ((nullfd = open("/dev/null", O_RDONLY)) >= 0) {
			dup2(nullfd, 0);
			close(nullfd);
		}
		if (outfd >= 0) {
			dup2(outfd, 1);
			close(outfd);
		}
		execv(argv[0], argv);
		fprintf(stderr, "atf-run: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);		/* no SA_RESTART */
	alarmed = 0;
	alarm(timeout);
	while ((got = waitpid(pid, &status, 0)) != pid) {
		if (got < 0 && errno != EINTR) {
			fprintf(stderr, "atf-run: waitpid: %s\n",
			    strerror(errno));
			return (-1);
		}
		if (alarmed) {
			kill(pid, SIGKILL);
			alarmed = 2;
		}
	}
	alarm(0);
	if (alarmed)
		snprintf(state, len, "timeout %u", timeout);
	else if (WIFSIGNALED(status))
		snprintf(state, len, "signaled %d", WTERMSIG(status));
	else
		snprintf(state, len, "exited %d", WEXITSTATUS(status));
	return (0);
}

static int
do_list(char *prog, const char *tmpdir)
{
	char path[256], state[64], *argv[] = { prog, "-l", NULL };
	int fd;

	snprintf(path, sizeof(path), "%s/list", tmpdir);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		fprintf(stderr, "atf-run: %s: %s\n", path, strerror(errno));
		return (1);
	}
	if (run(argv, fd, 0, state, sizeof(state)) != 0)
		return (1);
	close(fd);
	marker("list-begin", NULL);
	print_file(path);
	marker("list-end %s", strncmp(state, "exited ", 7) == 0 ?
	    state + 7 : state);
	return (0);
}

static int
is_executable(const char *path)
{
	struct stat st;

	return (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_mode & 0111) != 0);
}

static int
find_in_path(const char *name)
{
	const char *p, *colon;
	char buf[512];

	if (name[0] == '/')
		return (is_executable(name));
	p = getenv("PATH");
	for (; p != NULL; p = colon != NULL ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)(colon != NULL ?
		    colon - p : (long)strlen(p)), p, name);
		if (is_executable(buf))
			return (1);
	}
	return (0);
}

/* Check require.progs and require.files; write a skip result if unmet. */
static int
requirements_met(struct strlist *progs, struct strlist *files,
    const char *resfile)
{
	char reason[600];
	struct stat st;
	FILE *f;
	int i;

	reason[0] = '\0';
	for (i = 0; i < progs->sl_n && reason[0] == '\0'; i++)
		if (!find_in_path(progs->sl_v[i]))
			snprintf(reason, sizeof(reason), "Required program "
			    "'%s' not found%s", progs->sl_v[i],
			    progs->sl_v[i][0] == '/' ? "" : " in the PATH");
	for (i = 0; i < files->sl_n && reason[0] == '\0'; i++)
		if (stat(files->sl_v[i], &st) != 0)
			snprintf(reason, sizeof(reason), "Required file '%s' "
			    "not found", files->sl_v[i]);
	if (reason[0] == '\0')
		return (1);
	if ((f = fopen(resfile, "w")) != NULL) {
		fprintf(f, "skipped: %s\n", reason);
		fclose(f);
	}
	return (0);
}

/* PROG -r RESFILE -s SRCDIR [-v VAR=VALUE]... CASE[:cleanup] into argv. */
static char **
case_argv(char **argv, char *prog, char *resfile, char *srcdir,
    struct strlist *vars, char *tc)
{
	int i, n = 0;

	argv[n++] = prog;
	argv[n++] = "-r";
	argv[n++] = resfile;
	argv[n++] = "-s";
	argv[n++] = srcdir;
	for (i = 0; i < vars->sl_n; i++) {
		argv[n++] = "-v";
		argv[n++] = vars->sl_v[i];
	}
	argv[n++] = tc;
	argv[n] = NULL;
	return (argv);
}

static int
do_case(char *prog, char *tc, int cleanup, unsigned timeout,
    struct strlist *vars, struct strlist *progs, struct strlist *files,
    const char *tmpdir)
{
	char resfile[256], cresfile[256], srcdir[256], cwd[256];
	char state[64], ctc[256], *slash, *argv[CASE_ARGV_MAX];

	snprintf(resfile, sizeof(resfile), "%s/result", tmpdir);
	snprintf(cresfile, sizeof(cresfile), "%s/cleanup-result", tmpdir);
	snprintf(srcdir, sizeof(srcdir), "%s", prog);
	if ((slash = strrchr(srcdir, '/')) != NULL)
		*(slash == srcdir ? slash + 1 : slash) = '\0';
	else
		snprintf(srcdir, sizeof(srcdir), ".");
	if (getcwd(cwd, sizeof(cwd)) != NULL) {
		setenv("HOME", cwd, 1);
		setenv("TMPDIR", cwd, 1);
	}
	setenv("TZ", "UTC", 1);
	setenv("LANG", "C", 1);

	if (!requirements_met(progs, files, resfile))
		marker("body %s", "skipped");
	else {
		if (run(case_argv(argv, prog, resfile, srcdir, vars, tc), -1,
		    timeout, state, sizeof(state)) != 0)
			return (1);
		marker("body %s", state);
		if (cleanup) {
			snprintf(ctc, sizeof(ctc), "%s:cleanup", tc);
			if (run(case_argv(argv, prog, cresfile, srcdir, vars,
			    ctc),
			    -1, timeout, state, sizeof(state)) != 0)
				return (1);
			marker("cleanup %s", state);
		}
	}
	marker("result-begin", NULL);
	if (print_file(resfile) != 0)
		marker("result-missing", NULL);
	else
		marker("result-end", NULL);
	return (0);
}

int
main(int argc, char **argv)
{
	struct strlist vars = { .sl_n = 0 }, progs = { .sl_n = 0 };
	struct strlist files = { .sl_n = 0 };
	char tmpdir[] = "/tmp/atf-run.XXXXXX";
	int ch, lflag = 0, cflag = 0;
	unsigned timeout = 300;

	while ((ch = getopt(argc, argv, "cf:lm:p:t:v:")) != -1) {
		switch (ch) {
		case 'c': cflag = 1; break;
		case 'f': add(&files, optarg); break;
		case 'l': lflag = 1; break;
		case 'm': token = optarg; break;
		case 'p': add(&progs, optarg); break;
		case 't': timeout = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'v': add(&vars, optarg); break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (token == NULL || argc != (lflag ? 1 : 2))
		usage();
	if (mkdtemp(tmpdir) == NULL) {
		fprintf(stderr, "atf-run: mkdtemp %s: %s\n", tmpdir,
		    strerror(errno));
		return (1);
	}
	if (lflag)
		return (do_list(argv[0], tmpdir));
	return (do_case(argv[0], argv[1], cflag, timeout, &vars, &progs,
	    &files, tmpdir));
}
