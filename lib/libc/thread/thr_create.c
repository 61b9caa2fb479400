/*
 * thr_create.c: pthread_create, pthread_exit, pthread_join,
 * pthread_detach and the thread life cycle.
 *
 * A thread's memory is one anonymous mapping: its stack at the bottom
 * (unless pthread_attr_setstack gave one) and, at the top, its TLS block,
 * TCB and struct pthread.  thr_new(2) starts it
 * in thread_start() with %fs = its TCB.  When it finishes, thr_exit(2)
 * stores 1 in td_exited and wakes waiters on it once the thread will never
 * touch its stack again; only then may the mapping be unmapped:
 *
 *   joinable:  pthread_join waits for td_exited == 1, then unmaps.
 *   detached:  pthread_exit puts the thread on thr_dead; a later
 *              pthread_create unmaps every dead thread whose td_exited is 1.
 *
 * The last thread to exit (counted in thr_count) ends the process with
 * exit(0), as FreeBSD's libthr does.  Lock: thr_list_lock (a leaf) guards
 * thr_count, thr_dead and the [l] fields of struct pthread.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/thr.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <pthread_np.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "thr_private.h"

static TAILQ_HEAD(, pthread) thr_dead = TAILQ_HEAD_INITIALIZER(thr_dead);
static int thr_count = 1;		/* [l] live threads */

static void
thread_unmap(struct pthread *td)
{

	(void)__sys_munmap(td->td_map, td->td_mapsize);
}

/* Wait until the kernel reports td off its stack (td_exited == 1). */
static void
thread_wait_exited(struct pthread *td)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	while (atomic_load_acq(&td->td_exited) == 0)
		(void)_thr_umtx_wait((volatile u_int *)&td->td_exited, 0, &ts);
}

static void
thread_reap_dead(void)
{
	struct pthread *td, *next;
	TAILQ_HEAD(, pthread) gone = TAILQ_HEAD_INITIALIZER(gone);

	_libc_lock(&thr_list_lock);
	TAILQ_FOREACH_SAFE(td, &thr_dead, td_link, next) {
		if (atomic_load_acq(&td->td_exited) == 0)
			continue;
		TAILQ_REMOVE(&thr_dead, td, td_link);
		TAILQ_INSERT_TAIL(&gone, td, td_link);
	}
	_libc_unlock(&thr_list_lock);
	while ((td = TAILQ_FIRST(&gone)) != NULL) {
		TAILQ_REMOVE(&gone, td, td_link);
		thread_unmap(td);
	}
}

static void
thread_start(void *arg)
{
	struct pthread *td = arg;

	pthread_exit(td->td_start(td->td_arg));
}

/*
 * Map a new thread's memory: its stack (unless the caller supplied one
 * with pthread_attr_setstack) and, above it, its TLS block, TCB and
 * struct pthread.
 */
static int
thread_alloc(const pthread_attr_t *attr, struct pthread **tdp, char **stack,
    size_t *stacksize, struct tcb **tcbp)
{
	size_t ssize, top, mapsize;
	char *map, *ustack;
	struct pthread *td;

	ssize = THR_STACK_DEFAULT;
	if (attr != NULL && attr->__stacksize != 0)
		ssize = attr->__stacksize;
	ustack = (attr != NULL) ? attr->__stackaddr : NULL;
	if (ustack == NULL)
		ssize = (ssize + THR_PAGE - 1) & ~(THR_PAGE - 1);
	top = __libc_tls_area_size() + sizeof(struct pthread) + 64;
	top = (top + THR_PAGE - 1) & ~(THR_PAGE - 1);
	mapsize = (ustack != NULL) ? top : ssize + top;
	map = __sys_mmap(NULL, mapsize, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE | MAP_STACK, -1, 0);
	if (map == MAP_FAILED)
		return (EAGAIN);
	td = (struct pthread *)(map + mapsize - sizeof(struct pthread));
	td = (struct pthread *)((uintptr_t)td & ~(uintptr_t)63);
	memset(td, 0, sizeof(*td));
	td->td_map = map;
	td->td_mapsize = mapsize;
	*tcbp = __libc_tls_init_area(map + mapsize - top, td);
	*stack = (ustack != NULL) ? ustack : map;
	*stacksize = ssize;
	*tdp = td;
	return (0);
}

int
pthread_create(pthread_t *thread, const pthread_attr_t *attr,
    void *(*start)(void *), void *arg)
{
	struct thr_param param;
	struct pthread *td;
	struct tcb *tcb;
	char *stack;
	size_t stacksize;
	int error;

	if (!__libc_tls_ok)
		return (EAGAIN);
	thread_reap_dead();
	error = thread_alloc(attr, &td, &stack, &stacksize, &tcb);
	if (error != 0)
		return (error);
	td->td_start = start;
	td->td_arg = arg;
	td->td_detached = (attr != NULL &&
	    (attr->__detachstate & PTHREAD_CREATE_DETACHED) != 0);

	memset(&param, 0, sizeof(param));
	param.start_func = thread_start;
	param.arg = td;
	param.stack_base = stack;
	param.stack_size = stacksize;
	param.tls_base = (char *)tcb;
	param.tls_size = sizeof(struct tcb);
	param.child_tid = &td->td_tid;
	param.parent_tid = &td->td_tid;

	_libc_lock(&thr_list_lock);
	thr_count++;
	_libc_unlock(&thr_list_lock);
	__libc_threaded = 1;
	if (__sys_thr_new(&param, sizeof(param)) != 0) {
		error = errno;
		_libc_lock(&thr_list_lock);
		thr_count--;
		_libc_unlock(&thr_list_lock);
		thread_unmap(td);
		return (error == ENOMEM ? EAGAIN : error);
	}
	*thread = td;
	return (0);
}

void
pthread_exit(void *retval)
{
	struct pthread *td;
	int last;

	td = __libc_curthread();
	td->td_retval = retval;
	_thr_run_key_destructors(td);

	_libc_lock(&thr_list_lock);
	last = (--thr_count == 0);
	td->td_exiting = 1;
	if (td->td_detached && td->td_map != NULL)
		TAILQ_INSERT_TAIL(&thr_dead, td, td_link);
	_libc_unlock(&thr_list_lock);
	if (last)
		exit(0);
	__sys_thr_exit(__DEVOLATILE(long *, &td->td_exited));
}

int
pthread_join(pthread_t td, void **retval)
{

	if (td == NULL)
		return (ESRCH);
	if (td == __libc_curthread())
		return (EDEADLK);
	_libc_lock(&thr_list_lock);
	if (td->td_detached || td->td_joining) {
		_libc_unlock(&thr_list_lock);
		return (EINVAL);
	}
	td->td_joining = 1;
	_libc_unlock(&thr_list_lock);

	thread_wait_exited(td);
	if (retval != NULL)
		*retval = td->td_retval;
	if (td->td_map != NULL)
		thread_unmap(td);
	return (0);
}

int
pthread_detach(pthread_t td)
{
	int error;

	if (td == NULL)
		return (ESRCH);
	error = 0;
	_libc_lock(&thr_list_lock);
	if (td->td_detached || td->td_joining)
		error = EINVAL;
	else {
		td->td_detached = 1;
		if (td->td_exiting && td->td_map != NULL)
			TAILQ_INSERT_TAIL(&thr_dead, td, td_link);
	}
	_libc_unlock(&thr_list_lock);
	return (error);
}

pthread_t
pthread_self(void)
{

	return (__libc_curthread());
}

int
pthread_equal(pthread_t a, pthread_t b)
{

	return (a == b);
}

int
pthread_main_np(void)
{

	return (__libc_curthread()->td_main);
}

int
pthread_getthreadid_np(void)
{

	return ((int)__libc_curthread()->td_tid);
}

int
pthread_setname_np(pthread_t td, const char *name)
{
	int saved;

	strlcpy(td->td_name, name, sizeof(td->td_name));
	saved = errno;
	(void)thr_set_name(td->td_tid, name);
	errno = saved;
	return (0);
}

void
pthread_set_name_np(pthread_t td, const char *name)
{

	(void)pthread_setname_np(td, name);
}

int
pthread_getname_np(pthread_t td, char *buf, size_t len)
{

	if (len == 0)
		return (ERANGE);
	strlcpy(buf, td->td_name, len);
	return (0);
}

int
pthread_kill(pthread_t td, int sig)
{

	if (td == NULL)
		return (ESRCH);
	if (sig == 0)
		return (0);
	if (__sys_thr_kill(td->td_tid, sig) != 0)
		return (errno);
	return (0);
}

int
pthread_setcancelstate(int state, int *oldstate)
{

	if (oldstate != NULL)
		*oldstate = PTHREAD_CANCEL_ENABLE;
	return (0);
}

int
pthread_setcanceltype(int type, int *oldtype)
{

	if (oldtype != NULL)
		*oldtype = PTHREAD_CANCEL_DEFERRED;
	return (0);
}

void
pthread_testcancel(void)
{
}

void
pthread_yield(void)
{

	_thr_yield();
}

int
pthread_getconcurrency(void)
{

	return (0);
}

int
pthread_setconcurrency(int level)
{

	return (level < 0 ? EINVAL : 0);
}

int
pthread_getcpuclockid(pthread_t td, clockid_t *clock)
{

	*clock = CLOCK_THREAD_CPUTIME_ID;
	return (0);
}

int
pthread_getschedparam(pthread_t td, int *policy, struct sched_param *param)
{

	*policy = SCHED_OTHER;
	param->sched_priority = 0;
	return (0);
}

int
pthread_setschedparam(pthread_t td, int policy, const struct sched_param *param)
{

	return (policy == SCHED_OTHER ? 0 : ENOTSUP);
}
