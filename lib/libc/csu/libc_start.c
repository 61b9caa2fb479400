/*
 * libc_start.c: from _start (amd64/crt1.S) to main().
 *
 * __libc_start1(ap) is entered once per process image, on the initial
 * thread, with ap pointing at argc (see crt1.S for the layout).  In order:
 * record argv/environ/auxv and the program name; set up TLS for the main
 * thread (gen/tls.c: errno needs it); make the main thread a struct
 * pthread (thread/thr_init.c); run the ELF constructors; then
 * exit(main(argc, argv, environ)), which runs atexit handlers and
 * destructors and flushes stdio.
 */
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>

#include "libc_private.h"

#define	AT_NULL		0

char	**environ;
const char *__progname = "";
long	*__libc_auxv;

int	main(int, char **, char **);

extern void (*__preinit_array_start[])(int, char **, char **) __hidden;
extern void (*__preinit_array_end[])(int, char **, char **) __hidden;
extern void (*__init_array_start[])(int, char **, char **) __hidden;
extern void (*__init_array_end[])(int, char **, char **) __hidden;

void	__libc_start1(long *ap) __dead2;

long
__libc_auxv_get(int type, long dflt)
{
	long *a;

	if (__libc_auxv == NULL)
		return (dflt);
	for (a = __libc_auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return (a[1]);
	return (dflt);
}

static void
set_progname(const char *argv0)
{
	const char *s;

	if (argv0 == NULL)
		return;
	s = strrchr(argv0, '/');
	__progname = (s != NULL) ? s + 1 : argv0;
}

static void
run_init_array(int argc, char **argv, char **env)
{
	size_t i, n;

	n = __preinit_array_end - __preinit_array_start;
	for (i = 0; i < n; i++)
		__preinit_array_start[i](argc, argv, env);
	n = __init_array_end - __init_array_start;
	for (i = 0; i < n; i++)
		__init_array_start[i](argc, argv, env);
}

void
__libc_start1(long *ap)
{
	int argc;
	char **argv, **env;

	argc = (int)ap[0];
	argv = (char **)(ap + 1);
	env = argv + argc + 1;
	environ = env;
	while (*env != NULL)
		env++;
	__libc_auxv = (long *)(env + 1);
	env = environ;
	if (argc > 0)
		set_progname(argv[0]);

	__libc_tls_init_main();
	__libc_thread_init();
	run_init_array(argc, argv, env);
	exit(main(argc, argv, env));
}
