/*
 * exec.c: run the command tree built by parse.c.
 *
 * Entry points: run_list() (main.c, once per parsed input) and
 * reap_background() (main.c, before each prompt).  A pipeline of one
 * builtin or of assignments alone runs inside the shell, with its
 * redirections undone afterwards; everything else runs in children, one
 * per command, joined by pipes.  The shell waits for a foreground
 * pipeline's children and takes the last one's status; & leaves them
 * running and reap_background() collects them later.
 *
 * Exit statuses follow sh(1): the command's own status, 128+N after a
 * signal N, 127 for a command not found and 126 for one that cannot be
 * executed.
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

#include "sh.h"

extern char **environ;

#define MAXSAVED	16	/* fds an in-shell builtin may redirect */

struct saved_fd {
	int	sf_fd;		/* descriptor that was redirected */
	int	sf_copy;	/* copy of its old value, -1 if closed */
};

struct fdsave {
	struct saved_fd	fs_fds[MAXSAVED];
	int		fs_n;
};

/* Expand a NULL-ended vector of raw words. */
static char **
expand_words(struct arena *a, char **raw)
{
	char **v;
	int i, n;

	for (n = 0; raw != NULL && raw[n] != NULL; n++)
		;
	v = arena_alloc(a, (n + 1) * sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = expand_word(a, raw[i]);
	v[n] = NULL;
	return (v);
}

/* Apply NAME=value words to the environment. */
static int
apply_assignments(struct arena *a, char **assign)
{
	char *w, *eq;
	int i;

	for (i = 0; assign != NULL && assign[i] != NULL; i++) {
		w = expand_word(a, assign[i]);
		eq = strchr(w, '=');
		*eq = '\0';
		if (setenv(w, eq + 1, 1) != 0) {
			sh_warn("%s: %s", w, strerror(errno));
			return (1);
		}
	}
	return (0);
}

static int
remember_fd(struct fdsave *fs, int fd)
{
	struct saved_fd *sf;
	int i;

	if (fs == NULL)
		return (0);
	for (i = 0; i < fs->fs_n; i++)
		if (fs->fs_fds[i].sf_fd == fd)
			return (0);	/* restore the first value */
	if (fs->fs_n == MAXSAVED) {
		sh_warn("too many redirections");
		return (-1);
	}
	sf = &fs->fs_fds[fs->fs_n++];
	sf->sf_fd = fd;
	sf->sf_copy = fcntl(fd, F_DUPFD, 10);
	if (sf->sf_copy >= 0)
		fcntl(sf->sf_copy, F_SETFD, FD_CLOEXEC);
	return (0);
}

static void
restore_fds(struct fdsave *fs)
{
	struct saved_fd *sf;

	while (fs->fs_n > 0) {
		sf = &fs->fs_fds[--fs->fs_n];
		if (sf->sf_copy >= 0) {
			dup2(sf->sf_copy, sf->sf_fd);
			close(sf->sf_copy);
		} else
			close(sf->sf_fd);
	}
}

/* [n]<&m, [n]>&m and [n]>&- */
static int
redir_dup(int fd, const char *target)
{
	char *end;
	long m;

	if (strcmp(target, "-") == 0) {
		close(fd);
		return (0);
	}
	m = strtol(target, &end, 10);
	if (*target == '\0' || *end != '\0' || m < 0 || m > 255) {
		sh_warn("%s: bad file descriptor number", target);
		return (-1);
	}
	if (m != fd && dup2((int)m, fd) < 0) {
		sh_warn("%ld: %s", m, strerror(errno));
		return (-1);
	}
	return (0);
}

static int
redir_open(int fd, enum redir_op op, const char *path)
{
	int flags, nfd;

	if (op == R_IN)
		flags = O_RDONLY;
	else if (op == R_OUT)
		flags = O_WRONLY | O_CREAT | O_TRUNC;
	else
		flags = O_WRONLY | O_CREAT | O_APPEND;
	nfd = open(path, flags, 0666);
	if (nfd < 0) {
		sh_warn("%s: %s", path, strerror(errno));
		return (-1);
	}
	if (nfd != fd) {
		if (dup2(nfd, fd) < 0) {
			sh_warn("%s: %s", path, strerror(errno));
			close(nfd);
			return (-1);
		}
		close(nfd);
	}
	return (0);
}

/*
 * Perform a command's redirections, left to right.  With fs != NULL, the
 * previous descriptors are saved there for restore_fds().
 */
static int
apply_redirs(struct arena *a, struct redir *r, struct fdsave *fs)
{
	char *target;

	for (; r != NULL; r = r->r_next) {
		target = expand_word(a, r->r_word);
		if (remember_fd(fs, r->r_fd) != 0)
			return (-1);
		if (r->r_op == R_DUPIN || r->r_op == R_DUPOUT) {
			if (redir_dup(r->r_fd, target) != 0)
				return (-1);
		} else if (redir_open(r->r_fd, r->r_op, target) != 0)
			return (-1);
	}
	return (0);
}

static void
xtrace(char **argv)
{
	int i;

	if (!sh.sh_xtrace)
		return;
	fprintf(stderr, "+");
	for (i = 0; argv[i] != NULL; i++)
		fprintf(stderr, " %s", argv[i]);
	fprintf(stderr, "\n");
	fflush(stderr);
}

/* Try one path; returns only on failure, with errno set. */
static void
try_exec(const char *path, char **argv)
{
	char **nargv;
	int n;

	execve(path, argv, environ);
	if (errno != ENOEXEC)
		return;
	/* Not a binary: run it as a shell script. */
	for (n = 0; argv[n] != NULL; n++)
		;
	nargv = malloc((n + 2) * sizeof(*nargv));
	if (nargv == NULL)
		return;
	nargv[0] = "sh";
	nargv[1] = (char *)path;
	memcpy(&nargv[2], &argv[1], n * sizeof(*nargv));
	execve("/bin/sh", nargv, environ);
	errno = ENOEXEC;
	free(nargv);
}

/* Execute argv[0], searching $PATH when it has no '/'.  Never returns. */
static void
exec_command(char **argv)
{
	const char *path, *p, *colon;
	char buf[1024];
	int err = ENOENT;
	size_t dlen;

	if (strchr(argv[0], '/') != NULL) {
		try_exec(argv[0], argv);
		err = errno;
	} else {
		path = getenv("PATH");
		if (path == NULL)
			path = "/bin:/sbin:/usr/bin";
		for (p = path;; p = colon + 1) {
			colon = strchr(p, ':');
			dlen = colon != NULL ? (size_t)(colon - p) : strlen(p);
			snprintf(buf, sizeof(buf), "%.*s%s%s", (int)dlen, p,
			    dlen > 0 ? "/" : "", argv[0]);
			try_exec(buf, argv);
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;
			if (colon == NULL)
				break;
		}
	}
	if (err == ENOENT) {
		sh_warn("%s: not found", argv[0]);
		_exit(127);
	}
	sh_warn("%s: %s", argv[0], strerror(err));
	_exit(126);
}

/* Turn a wait status into $?; say so when a signal ended the command. */
static int
wait_status(int status)
{
	int sig;

	if (WIFEXITED(status))
		return (WEXITSTATUS(status));
	if (WIFSIGNALED(status)) {
		sig = WTERMSIG(status);
		if (sig != SIGINT && sig != SIGPIPE)
			fprintf(stderr, "%s\n", strsignal(sig));
		return (128 + sig);
	}
	return (1);
}

static int
wait_child(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			sh_warn("waitpid %ld: %s", (long)pid, strerror(errno));
			return (1);
		}
	}
	return (wait_status(status));
}

/* A builtin, or assignments alone, run inside the shell. */
static int
run_in_shell(struct arena *a, struct cmd *c, char **argv)
{
	struct fdsave fs;
	builtin_fn *fn;
	int status;

	fs.fs_n = 0;
	fflush(stdout);		/* buffered output is for the old fds */
	fflush(stderr);
	if (apply_redirs(a, c->c_redirs, &fs) != 0) {
		restore_fds(&fs);
		return (1);
	}
	status = apply_assignments(a, c->c_assign);
	if (status == 0 && argv[0] != NULL) {
		xtrace(argv);
		fn = find_builtin(argv[0]);
		status = fn(argv);
	}
	fflush(stdout);
	fflush(stderr);
	restore_fds(&fs);
	return (status);
}

/* In a child: the rest of one command of a pipeline.  Never returns. */
static void
child_command(struct arena *a, struct cmd *c, char **argv)
{
	builtin_fn *fn;
	int status;

	if (sh.sh_interactive) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
	}
	if (apply_redirs(a, c->c_redirs, NULL) != 0 ||
	    apply_assignments(a, c->c_assign) != 0)
		_exit(1);
	if (argv[0] == NULL)
		_exit(0);
	xtrace(argv);
	if ((fn = find_builtin(argv[0])) != NULL) {
		status = fn(argv);
		fflush(stdout);
		fflush(stderr);
		_exit(status);
	}
	exec_command(argv);
}

/*
 * Start the commands of a pipeline; returns the pid of the last one, or
 * -1 if a fork or pipe failed (children already started are waited for
 * by the caller through npids).
 */
static pid_t
start_pipeline(struct arena *a, struct pipeline *p, pid_t *pids, int *npids)
{
	struct cmd *c;
	char **argv;
	int in = -1, pfd[2];
	pid_t pid = -1;

	for (c = p->p_cmds; c != NULL; c = c->c_next) {
		pfd[0] = pfd[1] = -1;
		if (c->c_next != NULL && pipe(pfd) != 0) {
			sh_warn("pipe: %s", strerror(errno));
			pid = -1;
			break;
		}
		argv = expand_words(a, c->c_words);
		fflush(stdout);
		fflush(stderr);
		pid = fork();
		if (pid == 0) {
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (pfd[1] >= 0) {
				close(pfd[0]);
				dup2(pfd[1], 1);
				close(pfd[1]);
			}
			child_command(a, c, argv);
		}
		if (in >= 0)
			close(in);
		if (pfd[1] >= 0)
			close(pfd[1]);
		in = pfd[0];
		if (pid < 0) {
			sh_warn("fork: %s", strerror(errno));
			break;
		}
		pids[(*npids)++] = pid;
	}
	if (in >= 0)
		close(in);
	return (pid);
}

static int
count_cmds(struct pipeline *p)
{
	struct cmd *c;
	int n = 0;

	for (c = p->p_cmds; c != NULL; c = c->c_next)
		n++;
	return (n);
}

static int
run_pipeline(struct arena *a, struct pipeline *p, int async)
{
	pid_t *pids, last;
	char **argv;
	int i, n, npids = 0, status;

	n = count_cmds(p);
	if (n == 1 && !async) {
		argv = expand_words(a, p->p_cmds->c_words);
		if (argv[0] == NULL || find_builtin(argv[0]) != NULL) {
			status = run_in_shell(a, p->p_cmds, argv);
			return (p->p_bang ? !status : status);
		}
	}
	pids = arena_alloc(a, n * sizeof(*pids));
	last = start_pipeline(a, p, pids, &npids);
	if (async) {
		if (last > 0) {
			sh.sh_lastbg = (long)last;
			if (sh.sh_interactive)
				fprintf(stderr, "[%ld]\n", (long)last);
		}
		return (last > 0 ? 0 : 1);
	}
	status = 1;
	for (i = 0; i < npids; i++) {
		int st = wait_child(pids[i]);

		if (pids[i] == last)
			status = st;
	}
	if (last < 0)
		status = 1;
	return (p->p_bang ? !status : status);
}

static int
run_andor(struct arena *a, struct andor *ao, int async)
{
	int status = 0;

	for (; ao != NULL; ao = ao->ao_next) {
		if ((ao->ao_conn == C_AND && status != 0) ||
		    (ao->ao_conn == C_OR && status == 0))
			continue;
		status = run_pipeline(a, ao->ao_pipe, async);
		sh.sh_status = status;
		if (sh.sh_exit)
			break;
	}
	return (status);
}

/* An and-or list ended by &, with more than one pipeline: a subshell. */
static int
run_async_andor(struct arena *a, struct andor *ao)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		sh_warn("fork: %s", strerror(errno));
		return (1);
	}
	if (pid == 0) {
		sh.sh_interactive = 0;
		_exit(run_andor(a, ao, 0));
	}
	sh.sh_lastbg = (long)pid;
	if (sh.sh_interactive)
		fprintf(stderr, "[%ld]\n", (long)pid);
	return (0);
}

int
run_list(struct arena *a, struct list *l)
{
	int status = sh.sh_status;

	for (; l != NULL && !sh.sh_exit; l = l->l_next) {
		if (l->l_async && l->l_andor->ao_next != NULL)
			status = run_async_andor(a, l->l_andor);
		else
			status = run_andor(a, l->l_andor, l->l_async);
		sh.sh_status = status;
	}
	return (status);
}

/* Collect finished background commands; say so when interactive. */
void
reap_background(void)
{
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (!sh.sh_interactive)
			continue;
		if (WIFEXITED(status))
			fprintf(stderr, "[%ld] done, status %d\n", (long)pid,
			    WEXITSTATUS(status));
		else if (WIFSIGNALED(status))
			fprintf(stderr, "[%ld] %s\n", (long)pid,
			    strsignal(WTERMSIG(status)));
	}
}
