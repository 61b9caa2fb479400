/*
 * builtins.c: commands the shell runs itself.
 *
 * Entry point: find_builtin(), used by exec.c to decide whether a command
 * runs inside the shell (alone) or in a child (in a pipeline).  Each
 * builtin takes a NULL-ended argv and returns its exit status; errors go to
 * stderr as "sh: NAME: reason".
 *
 *	cd [dir]	change directory (default $HOME), update $PWD
 *	exit [n]	leave the shell with status n (default $?)
 *	export [NAME[=value]]...	set variables (all variables are
 *			exported; without arguments, list them)
 *	unset NAME...	remove variables
 *	pwd		print the working directory
 *	true, false, :	status 0, 1, 0
 *	wait [pid]	wait for background commands
 *	poweroff	power the machine off: reboot(RB_HALT | RB_POWEROFF)
 */
#include <sys/types.h>
#include <sys/reboot.h>
#include <sys/wait.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

static int
b_cd(char **argv)
{
	const char *dir = argv[1];
	char buf[PATH_MAX];

	if (dir == NULL)
		dir = getenv("HOME");
	if (dir == NULL || *dir == '\0')
		dir = "/";
	if (chdir(dir) != 0) {
		sh_warn("cd: %s: %s", dir, strerror(errno));
		return (1);
	}
	if (getcwd(buf, sizeof(buf)) != NULL)
		setenv("PWD", buf, 1);
	return (0);
}

static int
parse_status(const char *s, int *statusp)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v > 255)
		return (-1);
	*statusp = (int)v;
	return (0);
}

static int
b_exit(char **argv)
{
	int status = sh.sh_status;

	if (argv[1] != NULL && parse_status(argv[1], &status) != 0) {
		sh_warn("exit: %s: bad number", argv[1]);
		status = 2;
	}
	sh.sh_exit = 1;
	sh.sh_status = status;
	return (status);
}

static int
b_export(char **argv)
{
	char *eq;
	int i, rv = 0;

	if (argv[1] == NULL) {
		for (i = 0; environ[i] != NULL; i++)
			printf("export %s\n", environ[i]);
		return (0);
	}
	for (i = 1; argv[i] != NULL; i++) {
		eq = strchr(argv[i], '=');
		if (!valid_name(argv[i], eq ? (size_t)(eq - argv[i]) :
		    strlen(argv[i]))) {
			sh_warn("export: %s: bad variable name", argv[i]);
			rv = 1;
			continue;
		}
		if (eq == NULL)
			continue;	/* all variables are exported */
		*eq = '\0';
		if (setenv(argv[i], eq + 1, 1) != 0) {
			sh_warn("export: %s: %s", argv[i], strerror(errno));
			rv = 1;
		}
		*eq = '=';
	}
	return (rv);
}

static int
b_unset(char **argv)
{
	int i, rv = 0;

	for (i = 1; argv[i] != NULL; i++) {
		if (!valid_name(argv[i], strlen(argv[i]))) {
			sh_warn("unset: %s: bad variable name", argv[i]);
			rv = 1;
			continue;
		}
		unsetenv(argv[i]);
	}
	return (rv);
}

static int
b_pwd(char **argv)
{
	char buf[PATH_MAX];

	if (getcwd(buf, sizeof(buf)) == NULL) {
		sh_warn("pwd: %s", strerror(errno));
		return (1);
	}
	printf("%s\n", buf);
	return (0);
}

static int
b_true(char **argv)
{
	return (0);
}

static int
b_false(char **argv)
{
	return (1);
}

static int
b_wait(char **argv)
{
	pid_t pid, want = -1;
	int status, rv = 0;

	if (argv[1] != NULL)
		want = (pid_t)strtol(argv[1], NULL, 10);
	for (;;) {
		pid = waitpid(want, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (want != -1) {
				sh_warn("wait: %s: %s", argv[1],
				    strerror(errno));
				rv = 127;
			}
			break;
		}
		rv = WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status);
		if (want != -1)
			break;
	}
	return (rv);
}

static int
b_poweroff(char **argv)
{
	fflush(stdout);
	reboot(RB_HALT | RB_POWEROFF);
	sh_warn("poweroff: %s", strerror(errno));
	return (1);
}

static const struct builtin {
	const char	*b_name;
	builtin_fn	*b_fn;
} builtins[] = {
	{ ":",		b_true },
	{ "cd",		b_cd },
	{ "exit",	b_exit },
	{ "export",	b_export },
	{ "false",	b_false },
	{ "poweroff",	b_poweroff },
	{ "pwd",	b_pwd },
	{ "true",	b_true },
	{ "unset",	b_unset },
	{ "wait",	b_wait },
};

builtin_fn *
find_builtin(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].b_name, name) == 0)
			return (builtins[i].b_fn);
	return (NULL);
}
