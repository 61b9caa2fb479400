/*
 * thr_init.c: the initial thread and thread identity.
 *
 * __libc_thread_init() runs once from __libc_start1 before any
 * constructor: it makes the initial thread a struct pthread (static, no
 * mapping) and learns its kernel id with thr_self(2).  A kernel without
 * thr_self leaves the id at 1, which is enough to tell lock owners apart
 * while only one thread exists.
 *
 * __libc_curthread() reads the thread pointer's TCB (%fs:16).
 */
#include <sys/types.h>
#include <string.h>

#include "thr_private.h"

struct pthread	thr_main;
libc_lock_t	thr_list_lock = LIBC_LOCK_INITIALIZER;
int		__libc_threaded;

struct pthread *
__libc_curthread(void)
{
	struct pthread *td;

	if (!__libc_tls_ok)
		return (&thr_main);
	__asm__ __volatile__("movq %%fs:16, %0" : "=r" (td));
	return (td);
}

long
__libc_thread_id(void)
{

	return (__libc_curthread()->td_tid);
}

static void
thread_learn_tid(struct pthread *td)
{
	long tid;

	if (__sys_thr_self(&tid) == 0)
		td->td_tid = tid;
	else
		td->td_tid = 1;
}

void
__libc_thread_init(void)
{
	struct tcb *tcb;

	thr_main.td_main = 1;
	strlcpy(thr_main.td_name, "main", sizeof(thr_main.td_name));
	thread_learn_tid(&thr_main);
	if (__libc_tls_ok) {
		__asm__ __volatile__("movq %%fs:0, %0" : "=r" (tcb));
		tcb->tcb_thread = &thr_main;
	}
}

/*
 * In a child of fork() only the forking thread exists: it becomes the
 * main thread as far as libc is concerned, with the child's thread id.
 */
void
__libc_thread_atfork_child(void)
{
	struct pthread *td;

	td = __libc_curthread();
	thread_learn_tid(td);
	thr_list_lock.lk_word = 0;
}
