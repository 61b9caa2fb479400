/*
 * fork.c: fork(), vfork() and pthread_atfork handlers.
 *
 * fork() runs the prepare handlers (last registered first), takes
 * malloc's and stdio's locks so no other thread holds them across the
 * fork, calls the system call, then releases (parent) or resets (child)
 * them and runs the parent or child handlers in registration order.  In
 * the child the calling thread is the only thread; it learns its new
 * thread id (thread/thr_init.c).  The kernel returns 0 in the child.
 *
 * vfork() is fork(): the child gets a copy, which is a correct (if
 * slower) implementation of vfork's contract.
 */
#include <sys/types.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc_private.h"

#define	ATFORK_MAX	32

static struct {
	void	(*prepare)(void);
	void	(*parent)(void);
	void	(*child)(void);
} atfork[ATFORK_MAX];
static int natfork;
static libc_lock_t atfork_lock = LIBC_LOCK_INITIALIZER;

int
_thr_atfork_register(void (*prepare)(void), void (*parent)(void),
    void (*child)(void))
{

	_libc_lock(&atfork_lock);
	if (natfork == ATFORK_MAX) {
		_libc_unlock(&atfork_lock);
		return (ENOMEM);
	}
	atfork[natfork].prepare = prepare;
	atfork[natfork].parent = parent;
	atfork[natfork].child = child;
	natfork++;
	_libc_unlock(&atfork_lock);
	return (0);
}

int	_thr_atfork_register(void (*)(void), void (*)(void), void (*)(void));

pid_t
fork(void)
{
	pid_t pid;
	int i, n, saved;

	_libc_lock(&atfork_lock);
	n = natfork;
	for (i = n - 1; i >= 0; i--)
		if (atfork[i].prepare != NULL)
			atfork[i].prepare();
	__libc_malloc_atfork_prepare();

	pid = __sys_fork();
	saved = errno;

	if (pid == 0) {
		__libc_thread_atfork_child();
		__libc_malloc_atfork_child();
		__libc_stdio_atfork_child();
		__libc_arc4random_atfork_child();
		atfork_lock.lk_word = 0;
		for (i = 0; i < n; i++)
			if (atfork[i].child != NULL)
				atfork[i].child();
	} else {
		__libc_malloc_atfork_parent();
		_libc_unlock(&atfork_lock);
		for (i = 0; i < n; i++)
			if (atfork[i].parent != NULL)
				atfork[i].parent();
	}
	errno = saved;
	return (pid);
}

pid_t
vfork(void)
{

	return (fork());
}
