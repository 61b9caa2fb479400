/*
 * exit.c: atexit, __cxa_atexit, exit, abort.
 *
 * exit() runs the registered handlers in reverse order of registration
 * (each at most once, even if a handler calls exit again), then the ELF
 * destructors (.fini_array), flushes every stdio stream and ends the
 * process with _exit (the exit system call, which ends all threads).
 */
#include <sys/types.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc_private.h"

#define	ATEXIT_MAX	64

struct atexit_fn {
	void	(*fn)(void *);
	void	*arg;
	int	cxa;		/* fn takes arg */
};

static struct atexit_fn atexit_fns[ATEXIT_MAX];
static int atexit_n;
static libc_lock_t atexit_lock = LIBC_LOCK_INITIALIZER;

extern void (*__fini_array_start[])(void) __hidden;
extern void (*__fini_array_end[])(void) __hidden;

void	*__dso_handle = NULL;
int	__cxa_atexit(void (*)(void *), void *, void *);

static int
atexit_register(void (*fn)(void *), void *arg, int cxa)
{

	_libc_lock(&atexit_lock);
	if (atexit_n == ATEXIT_MAX) {
		_libc_unlock(&atexit_lock);
		errno = ENOMEM;
		return (-1);
	}
	atexit_fns[atexit_n].fn = fn;
	atexit_fns[atexit_n].arg = arg;
	atexit_fns[atexit_n].cxa = cxa;
	atexit_n++;
	_libc_unlock(&atexit_lock);
	return (0);
}

int
atexit(void (*fn)(void))
{

	return (atexit_register((void (*)(void *))(void *)fn, NULL, 0));
}

int
__cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{

	return (atexit_register(fn, arg, 1));
}

void
__libc_run_atexit(void)
{
	struct atexit_fn f;

	for (;;) {
		_libc_lock(&atexit_lock);
		if (atexit_n == 0) {
			_libc_unlock(&atexit_lock);
			break;
		}
		f = atexit_fns[--atexit_n];
		_libc_unlock(&atexit_lock);
		if (f.cxa)
			f.fn(f.arg);
		else
			((void (*)(void))(void *)f.fn)();
	}
}

static void
run_fini_array(void)
{
	size_t n;

	n = __fini_array_end - __fini_array_start;
	while (n > 0)
		__fini_array_start[--n]();
}

void
exit(int status)
{

	__libc_run_atexit();
	run_fini_array();
	__libc_stdio_flushall();
	_exit(status);
}

static void (*quick_exit_fns[ATEXIT_MAX])(void);
static int quick_exit_n;

int
at_quick_exit(void (*fn)(void))
{

	_libc_lock(&atexit_lock);
	if (quick_exit_n == ATEXIT_MAX) {
		_libc_unlock(&atexit_lock);
		return (-1);
	}
	quick_exit_fns[quick_exit_n++] = fn;
	_libc_unlock(&atexit_lock);
	return (0);
}

void
quick_exit(int status)
{

	while (quick_exit_n > 0)
		quick_exit_fns[--quick_exit_n]();
	_exit(status);
}

/*
 * abort(): unblock SIGABRT and raise it; if a handler returns (or it is
 * ignored), restore the default action and raise it again.  Streams are
 * not flushed, as in FreeBSD.
 */
void
abort(void)
{
	struct sigaction sa;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	(void)sigprocmask(SIG_UNBLOCK, &set, NULL);
	(void)raise(SIGABRT);

	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGABRT, &sa, NULL);
	(void)sigprocmask(SIG_UNBLOCK, &set, NULL);
	(void)raise(SIGABRT);
	_exit(127);
}
