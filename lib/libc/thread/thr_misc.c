/*
 * thr_misc.c: pthread_once, thread-specific data, attributes, read/write
 * locks, barriers and spin locks.
 *
 * Keys: thr_keys[] (under thr_key_lock) says which keys exist and their
 * destructors; each thread's values live in its struct pthread.  A key's
 * generation is not tracked: deleting a key and creating another may
 * reuse the slot, whose stale values pthread_key_create clears in the
 * calling thread only (other threads see NULL only if they never set it),
 * which POSIX leaves undefined anyway.
 */
#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "thr_private.h"

/* pthread_once: 0 not run, 1 running, 2 done. */
int
pthread_once(pthread_once_t *once, void (*init)(void))
{

	for (;;) {
		if (atomic_load_acq(&once->__state) == 2)
			return (0);
		if (atomic_cas_uint((volatile u_int *)&once->__state, 0, 1)) {
			init();
			atomic_store_rel(&once->__state, 2);
			_thr_umtx_wake((volatile u_int *)&once->__state,
			    INT_MAX);
			return (0);
		}
		(void)_thr_umtx_wait((volatile u_int *)&once->__state, 1,
		    NULL);
	}
}

static struct {
	int	used;
	void	(*destructor)(void *);
} thr_keys[PTHREAD_KEYS_MAX];
static libc_lock_t thr_key_lock = LIBC_LOCK_INITIALIZER;

int
pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	int i;

	_libc_lock(&thr_key_lock);
	for (i = 0; i < PTHREAD_KEYS_MAX; i++) {
		if (!thr_keys[i].used) {
			thr_keys[i].used = 1;
			thr_keys[i].destructor = destructor;
			_libc_unlock(&thr_key_lock);
			__libc_curthread()->td_specific[i] = NULL;
			*key = i;
			return (0);
		}
	}
	_libc_unlock(&thr_key_lock);
	return (EAGAIN);
}

int
pthread_key_delete(pthread_key_t key)
{
	int error;

	if (key < 0 || key >= PTHREAD_KEYS_MAX)
		return (EINVAL);
	error = 0;
	_libc_lock(&thr_key_lock);
	if (!thr_keys[key].used)
		error = EINVAL;
	thr_keys[key].used = 0;
	thr_keys[key].destructor = NULL;
	_libc_unlock(&thr_key_lock);
	return (error);
}

void *
pthread_getspecific(pthread_key_t key)
{

	if (key < 0 || key >= PTHREAD_KEYS_MAX)
		return (NULL);
	return (__libc_curthread()->td_specific[key]);
}

int
pthread_setspecific(pthread_key_t key, const void *value)
{
	struct pthread *td;

	if (key < 0 || key >= PTHREAD_KEYS_MAX || !thr_keys[key].used)
		return (EINVAL);
	td = __libc_curthread();
	td->td_specific[key] = __DECONST(void *, value);
	td->td_specific_used = 1;
	return (0);
}

void
_thr_run_key_destructors(struct pthread *td)
{
	void (*destructor)(void *);
	void *value;
	int i, iter, again;

	if (!td->td_specific_used)
		return;
	for (iter = 0; iter < PTHREAD_DESTRUCTOR_ITERATIONS; iter++) {
		again = 0;
		for (i = 0; i < PTHREAD_KEYS_MAX; i++) {
			value = td->td_specific[i];
			if (value == NULL)
				continue;
			td->td_specific[i] = NULL;
			_libc_lock(&thr_key_lock);
			destructor = thr_keys[i].used ?
			    thr_keys[i].destructor : NULL;
			_libc_unlock(&thr_key_lock);
			if (destructor != NULL) {
				destructor(value);
				again = 1;
			}
		}
		if (!again)
			break;
	}
}

/* Attributes. */
int
pthread_attr_init(pthread_attr_t *attr)
{

	memset(attr, 0, sizeof(*attr));
	attr->__stacksize = THR_STACK_DEFAULT;
	attr->__guardsize = THR_PAGE;
	attr->__schedpolicy = SCHED_OTHER;
	attr->__inheritsched = PTHREAD_INHERIT_SCHED;
	return (0);
}

int
pthread_attr_destroy(pthread_attr_t *attr)
{

	return (0);
}

int
pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{

	if (size < PTHREAD_STACK_MIN)
		return (EINVAL);
	attr->__stacksize = size;
	return (0);
}

int
pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{

	*size = attr->__stacksize;
	return (0);
}

int
pthread_attr_setguardsize(pthread_attr_t *attr, size_t size)
{

	attr->__guardsize = size;
	return (0);
}

int
pthread_attr_getguardsize(const pthread_attr_t *attr, size_t *size)
{

	*size = attr->__guardsize;
	return (0);
}

int
pthread_attr_setstack(pthread_attr_t *attr, void *addr, size_t size)
{

	if (size < PTHREAD_STACK_MIN)
		return (EINVAL);
	attr->__stackaddr = addr;
	attr->__stacksize = size;
	return (0);
}

int
pthread_attr_getstack(const pthread_attr_t *attr, void **addr, size_t *size)
{

	*addr = attr->__stackaddr;
	*size = attr->__stacksize;
	return (0);
}

int
pthread_attr_setstackaddr(pthread_attr_t *attr, void *addr)
{

	attr->__stackaddr = addr;
	return (0);
}

int
pthread_attr_getstackaddr(const pthread_attr_t *attr, void **addr)
{

	*addr = attr->__stackaddr;
	return (0);
}

int
pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{

	if (state != PTHREAD_CREATE_DETACHED &&
	    state != PTHREAD_CREATE_JOINABLE)
		return (EINVAL);
	attr->__detachstate = state;
	return (0);
}

int
pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{

	*state = attr->__detachstate;
	return (0);
}

int
pthread_attr_setscope(pthread_attr_t *attr, int scope)
{

	if (scope != PTHREAD_SCOPE_SYSTEM && scope != PTHREAD_SCOPE_PROCESS)
		return (EINVAL);
	attr->__scope = scope;
	return (0);
}

int
pthread_attr_getscope(const pthread_attr_t *attr, int *scope)
{

	*scope = attr->__scope;
	return (0);
}

int
pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit)
{

	attr->__inheritsched = inherit;
	return (0);
}

int
pthread_attr_getinheritsched(const pthread_attr_t *attr, int *inherit)
{

	*inherit = attr->__inheritsched;
	return (0);
}

int
pthread_attr_setschedparam(pthread_attr_t *attr, const struct sched_param *p)
{

	attr->__schedprio = p->sched_priority;
	return (0);
}

int
pthread_attr_getschedparam(const pthread_attr_t *attr, struct sched_param *p)
{

	p->sched_priority = attr->__schedprio;
	return (0);
}

int
pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy)
{

	if (policy != SCHED_OTHER)
		return (ENOTSUP);
	attr->__schedpolicy = policy;
	return (0);
}

int
pthread_attr_getschedpolicy(const pthread_attr_t *attr, int *policy)
{

	*policy = attr->__schedpolicy;
	return (0);
}

/* Read/write locks: a mutex and two condition variables; writers first. */
int
pthread_rwlockattr_init(pthread_rwlockattr_t *attr)
{

	attr->__pshared = PTHREAD_PROCESS_PRIVATE;
	return (0);
}

int
pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr)
{

	return (0);
}

int
pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *attr)
{

	memset(rw, 0, sizeof(*rw));
	rw->__lock.__type = PTHREAD_MUTEX_NORMAL;
	return (0);
}

int
pthread_rwlock_destroy(pthread_rwlock_t *rw)
{

	return (rw->__readers != 0 || rw->__writer ? EBUSY : 0);
}

static void
rw_lock(pthread_rwlock_t *rw)
{

	rw->__lock.__type = PTHREAD_MUTEX_NORMAL;
	(void)pthread_mutex_lock(&rw->__lock);
}

int
pthread_rwlock_rdlock(pthread_rwlock_t *rw)
{

	rw_lock(rw);
	while (rw->__writer || rw->__waiting_writers != 0)
		(void)pthread_cond_wait(&rw->__readers_ok, &rw->__lock);
	rw->__readers++;
	(void)pthread_mutex_unlock(&rw->__lock);
	return (0);
}

int
pthread_rwlock_tryrdlock(pthread_rwlock_t *rw)
{
	int error;

	rw_lock(rw);
	error = 0;
	if (rw->__writer || rw->__waiting_writers != 0)
		error = EBUSY;
	else
		rw->__readers++;
	(void)pthread_mutex_unlock(&rw->__lock);
	return (error);
}

int
pthread_rwlock_wrlock(pthread_rwlock_t *rw)
{

	rw_lock(rw);
	rw->__waiting_writers++;
	while (rw->__writer || rw->__readers != 0)
		(void)pthread_cond_wait(&rw->__writer_ok, &rw->__lock);
	rw->__waiting_writers--;
	rw->__writer = 1;
	(void)pthread_mutex_unlock(&rw->__lock);
	return (0);
}

int
pthread_rwlock_trywrlock(pthread_rwlock_t *rw)
{
	int error;

	rw_lock(rw);
	error = 0;
	if (rw->__writer || rw->__readers != 0)
		error = EBUSY;
	else
		rw->__writer = 1;
	(void)pthread_mutex_unlock(&rw->__lock);
	return (error);
}

int
pthread_rwlock_unlock(pthread_rwlock_t *rw)
{

	rw_lock(rw);
	if (rw->__writer)
		rw->__writer = 0;
	else if (rw->__readers > 0)
		rw->__readers--;
	else {
		(void)pthread_mutex_unlock(&rw->__lock);
		return (EPERM);
	}
	if (rw->__waiting_writers != 0) {
		if (rw->__readers == 0)
			(void)pthread_cond_signal(&rw->__writer_ok);
	} else
		(void)pthread_cond_broadcast(&rw->__readers_ok);
	(void)pthread_mutex_unlock(&rw->__lock);
	return (0);
}

/* Barriers. */
int
pthread_barrierattr_init(pthread_barrierattr_t *attr)
{

	attr->__pshared = PTHREAD_PROCESS_PRIVATE;
	return (0);
}

int
pthread_barrierattr_destroy(pthread_barrierattr_t *attr)
{

	return (0);
}

int
pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *attr,
    unsigned count)
{

	if (count == 0)
		return (EINVAL);
	memset(b, 0, sizeof(*b));
	b->__lock.__type = PTHREAD_MUTEX_NORMAL;
	b->__count = count;
	return (0);
}

int
pthread_barrier_destroy(pthread_barrier_t *b)
{

	return (b->__waiting != 0 ? EBUSY : 0);
}

int
pthread_barrier_wait(pthread_barrier_t *b)
{
	unsigned cycle;

	(void)pthread_mutex_lock(&b->__lock);
	cycle = b->__cycle;
	if (++b->__waiting == b->__count) {
		b->__waiting = 0;
		b->__cycle++;
		(void)pthread_cond_broadcast(&b->__cv);
		(void)pthread_mutex_unlock(&b->__lock);
		return (PTHREAD_BARRIER_SERIAL_THREAD);
	}
	while (cycle == b->__cycle)
		(void)pthread_cond_wait(&b->__cv, &b->__lock);
	(void)pthread_mutex_unlock(&b->__lock);
	return (0);
}

/* Spin locks. */
int
pthread_spin_init(pthread_spinlock_t *lock, int pshared)
{

	*lock = 0;
	return (0);
}

int
pthread_spin_destroy(pthread_spinlock_t *lock)
{

	return (*lock != 0 ? EBUSY : 0);
}

int
pthread_spin_trylock(pthread_spinlock_t *lock)
{

	return (__sync_bool_compare_and_swap(lock, 0, 1) ? 0 : EBUSY);
}

int
pthread_spin_lock(pthread_spinlock_t *lock)
{
	int spins;

	for (spins = 0; !__sync_bool_compare_and_swap(lock, 0, 1); spins++) {
		if (spins > 100)
			_thr_yield();
		else
			__asm__ __volatile__("pause");
	}
	return (0);
}

int
pthread_spin_unlock(pthread_spinlock_t *lock)
{

	__atomic_store_n(lock, 0, __ATOMIC_RELEASE);
	return (0);
}

int
pthread_atfork(void (*prepare)(void), void (*parent)(void),
    void (*child)(void))
{
	extern int _thr_atfork_register(void (*)(void), void (*)(void),
	    void (*)(void));

	return (_thr_atfork_register(prepare, parent, child));
}
