/*
 * init: process 1.  The kernel starts /sbin/init with the words of its
 * command line that follow a lone "--":
 *
 *	/sbin/init			interactive: a shell on the console
 *	/sbin/init PROGRAM [ARG...]	run one program, then end the VM
 *
 * Both modes first make /dev/console descriptors 0, 1 and 2 and give the
 * environment PATH=/bin:/sbin:/usr/bin, HOME=/ and TERM=vt100 where the
 * kernel did not set them.
 *
 * Interactive mode runs "/bin/sh -i" in / and starts a new shell whenever
 * the last one exits (the shell's poweroff builtin, or /sbin/poweroff,
 * ends the VM).  It also collects every orphan the kernel hands to init.
 *
 * Program mode (tools/vmrun -- PROGRAM ARGS) makes a fresh directory with
 * mkdtemp("/tmp/work.XXXXXX"), runs PROGRAM there (searched in $PATH when
 * it has no '/'), waits for it and exits with a status the kernel hands to
 * the host as the VM's exit status:
 *
 *	0..116	the program's own exit status
 *	117	the program could not be started (not found, not
 *		executable, exec failed, no work directory); init says
 *		why.  A program that itself exits with 117 looks the same.
 *	118	the program exited with a status above 117 (init prints it)
 *	119	the program was killed by a signal: init prints
 *		"init: PROGRAM killed by signal N (NAME)"
 *
 * Arguments are percent-decoded (%XX is the byte with hex value XX): the
 * kernel command line splits words at white space, so tools/vmrun encodes
 * spaces, quotes and % in the arguments it passes this way.
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
#include <time.h>
#include <unistd.h>

#define	STATUS_NOSTART	117
#define	STATUS_BIG	118
#define	STATUS_SIGNAL	119

extern char **environ;

static void
setup_console(void)
{
	int fd;

	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;		/* keep whatever the kernel gave us */
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

static void
setup_env(void)
{
	setenv("PATH", "/bin:/sbin:/usr/bin", 0);
	setenv("HOME", "/", 0);
	setenv("TERM", "vt100", 0);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Decode %XX escapes in place (see the top of the file). */
static void
percent_decode(char *s)
{
	char *d = s;
	int hi, lo;

	while (*s != '\0') {
		if (s[0] == '%' && (hi = hexval(s[1])) >= 0 &&
		    (lo = hexval(s[2])) >= 0) {
			*d++ = (char)(hi << 4 | lo);
			s += 3;
		} else
			*d++ = *s++;
	}
	*d = '\0';
}

static int
is_executable(const char *path, int *errp)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		*errp = errno;
		return (0);
	}
	if (!S_ISREG(st.st_mode) || (st.st_mode & 0111) == 0) {
		*errp = EACCES;
		return (0);
	}
	return (1);
}

/*
 * Find the program to run: a name with a '/' as it is, else the first
 * executable $PATH/name.  Returns 0, or an errno.
 */
static int
find_program(const char *name, char *buf, size_t len)
{
	const char *path, *p, *colon;
	int err = ENOENT, e;

	if (strchr(name, '/') != NULL) {
		snprintf(buf, len, "%s", name);
		return (is_executable(buf, &err) ? 0 : err);
	}
	path = getenv("PATH");
	for (p = path; p != NULL; p = colon != NULL ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		snprintf(buf, len, "%.*s/%s", (int)(colon != NULL ?
		    colon - p : (long)strlen(p)), p, name);
		if (is_executable(buf, &e))
			return (0);
		if (e != ENOENT && e != ENOTDIR)
			err = e;
	}
	return (err);
}

/* Wait for pid, collecting any orphans that end meanwhile. */
static int
wait_for(pid_t pid, int *statusp)
{
	pid_t got;

	for (;;) {
		got = waitpid(-1, statusp, 0);
		if (got == pid)
			return (0);
		if (got < 0 && errno != EINTR) {
			printf("init: waitpid: %s\n", strerror(errno));
			return (-1);
		}
	}
}

static int
run_program(char **argv)
{
	char path[1024], workdir[] = "/tmp/work.XXXXXX";
	int err, i, status;
	pid_t pid;

	for (i = 0; argv[i] != NULL; i++)
		percent_decode(argv[i]);
	if ((err = find_program(argv[0], path, sizeof(path))) != 0) {
		printf("init: %s: %s\n", argv[0], strerror(err));
		return (STATUS_NOSTART);
	}
	if (mkdtemp(workdir) == NULL || chdir(workdir) != 0) {
		printf("init: work directory %s: %s\n", workdir,
		    strerror(errno));
		return (STATUS_NOSTART);
	}
	setenv("PWD", workdir, 1);
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("init: fork: %s\n", strerror(errno));
		return (STATUS_NOSTART);
	}
	if (pid == 0) {
		execve(path, argv, environ);
		printf("init: cannot execute %s: %s\n", path, strerror(errno));
		fflush(stdout);
		_exit(STATUS_NOSTART);
	}
	if (wait_for(pid, &status) != 0)
		return (STATUS_NOSTART);
	if (WIFSIGNALED(status)) {
		printf("init: %s killed by signal %d (%s)\n", argv[0],
		    WTERMSIG(status), strsignal(WTERMSIG(status)));
		return (STATUS_SIGNAL);
	}
	status = WEXITSTATUS(status);
	if (status > STATUS_NOSTART) {
		printf("init: %s exited with status %d (reported as %d)\n",
		    argv[0], status, STATUS_BIG);
		return (STATUS_BIG);
	}
	return (status);
}

/* Interactive mode: keep a shell running on the console.  Never returns. */
static void
run_shells(void)
{
	char *shargv[] = { "sh", "-i", NULL };
	time_t started;
	int status;
	pid_t pid;

	chdir("/");
	for (;;) {
		started = time(NULL);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			execve("/bin/sh", shargv, environ);
			printf("init: cannot execute /bin/sh: %s\n",
			    strerror(errno));
			fflush(stdout);
			_exit(STATUS_NOSTART);
		}
		if (pid < 0)
			printf("init: fork: %s\n", strerror(errno));
		else if (wait_for(pid, &status) == 0 && WIFSIGNALED(status))
			printf("init: /bin/sh killed by signal %d\n",
			    WTERMSIG(status));
		/* A shell that dies at once must not make us spin. */
		if (pid < 0 || time(NULL) - started < 2) {
			printf("init: starting a new shell in 5 s\n");
			fflush(stdout);
			sleep(5);
		}
	}
}

int
main(int argc, char **argv)
{
	int status;

	setup_console();
	setup_env();
	if (argc > 1) {
		status = run_program(argv + 1);
		fflush(stdout);
		exit(status);
	}
	run_shells();
	return (0);
}
