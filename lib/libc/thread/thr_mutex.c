/*
 * thr_mutex.c: pthread mutexes.
 *
 * __state is a three-state futex word (0 free, 1 locked, 2 locked and
 * maybe contended); unlock wakes one sleeper only from state 2.  __owner
 * holds the owner's thread id for error checking and recursion.  The
 * default type is PTHREAD_MUTEX_ERRORCHECK, as on FreeBSD: relocking
 * returns EDEADLK and unlocking a mutex one does not own returns EPERM.
 */
#include <sys/types.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "thr_private.h"

static int
mutex_type(const pthread_mutex_t *m)
{

	return (m->__type == 0 ? PTHREAD_MUTEX_DEFAULT : m->__type);
}

int
pthread_mutexattr_init(pthread_mutexattr_t *attr)
{

	memset(attr, 0, sizeof(*attr));
	attr->__type = PTHREAD_MUTEX_DEFAULT;
	return (0);
}

int
pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{

	return (0);
}

int
pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{

	if (type < PTHREAD_MUTEX_ERRORCHECK || type >= PTHREAD_MUTEX_TYPE_MAX)
		return (EINVAL);
	attr->__type = type;
	return (0);
}

int
pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{

	*type = attr->__type;
	return (0);
}

int
pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{

	if (pshared != PTHREAD_PROCESS_PRIVATE)
		return (pshared == PTHREAD_PROCESS_SHARED ? ENOTSUP : EINVAL);
	attr->__pshared = pshared;
	return (0);
}

int
pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{

	*pshared = attr->__pshared;
	return (0);
}

int
pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol)
{

	if (protocol != PTHREAD_PRIO_NONE)
		return (ENOTSUP);
	attr->__protocol = protocol;
	return (0);
}

int
pthread_mutexattr_getprotocol(const pthread_mutexattr_t *attr, int *protocol)
{

	*protocol = attr->__protocol;
	return (0);
}

int
pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{

	memset(m, 0, sizeof(*m));
	m->__type = (attr != NULL) ? attr->__type : PTHREAD_MUTEX_DEFAULT;
	return (0);
}

int
pthread_mutex_destroy(pthread_mutex_t *m)
{

	if (m->__state != 0)
		return (EBUSY);
	return (0);
}

/* Take the lock word; rel bounds the wait (NULL: forever). */
static int
mutex_acquire(pthread_mutex_t *m, const struct timespec *abstime)
{
	struct timespec rel;
	int error;

	if (atomic_cas_uint(&m->__state, 0, 1))
		return (0);
	while (atomic_xchg_uint(&m->__state, 2) != 0) {
		if (abstime == NULL) {
			(void)_thr_umtx_wait(&m->__state, 2, NULL);
			continue;
		}
		error = __libc_abs_to_rel(CLOCK_REALTIME, abstime, &rel);
		if (error != 0)
			return (error);
		(void)_thr_umtx_wait(&m->__state, 2, &rel);
	}
	return (0);
}

static int
mutex_lock_common(pthread_mutex_t *m, const struct timespec *abstime)
{
	long self;
	int error;

	self = __libc_thread_id();
	if (m->__owner == self) {
		switch (mutex_type(m)) {
		case PTHREAD_MUTEX_RECURSIVE:
			m->__count++;
			return (0);
		case PTHREAD_MUTEX_ERRORCHECK:
			return (EDEADLK);
		default:
			break;		/* NORMAL deadlocks, as specified */
		}
	}
	error = mutex_acquire(m, abstime);
	if (error != 0)
		return (error);
	m->__owner = self;
	m->__count = 1;
	return (0);
}

int
pthread_mutex_lock(pthread_mutex_t *m)
{

	return (mutex_lock_common(m, NULL));
}

int
pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{

	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L)
		return (EINVAL);
	return (mutex_lock_common(m, abstime));
}

int
pthread_mutex_trylock(pthread_mutex_t *m)
{
	long self;

	self = __libc_thread_id();
	if (m->__owner == self && mutex_type(m) == PTHREAD_MUTEX_RECURSIVE) {
		m->__count++;
		return (0);
	}
	if (!atomic_cas_uint(&m->__state, 0, 1))
		return (EBUSY);
	m->__owner = self;
	m->__count = 1;
	return (0);
}

int
pthread_mutex_unlock(pthread_mutex_t *m)
{
	int type;

	type = mutex_type(m);
	if (type != PTHREAD_MUTEX_NORMAL) {
		if (m->__state == 0 || m->__owner != __libc_thread_id())
			return (EPERM);
		if (type == PTHREAD_MUTEX_RECURSIVE && --m->__count > 0)
			return (0);
	}
	m->__owner = 0;
	m->__count = 0;
	if (atomic_xchg_uint(&m->__state, 0) == 2)
		_thr_umtx_wake(&m->__state, 1);
	return (0);
}

/*
 * For pthread_cond_wait: release completely (whatever the recursion depth)
 * and reacquire in the contended state, since other waiters may sleep.
 */
int
_thr_mutex_release_for_wait(pthread_mutex_t *m, int *countp)
{

	if (mutex_type(m) != PTHREAD_MUTEX_NORMAL &&
	    (m->__state == 0 || m->__owner != __libc_thread_id()))
		return (EPERM);
	*countp = m->__count;
	m->__owner = 0;
	m->__count = 0;
	if (atomic_xchg_uint(&m->__state, 0) == 2)
		_thr_umtx_wake(&m->__state, 1);
	return (0);
}

void
_thr_mutex_reacquire_after_wait(pthread_mutex_t *m, int count)
{

	while (atomic_xchg_uint(&m->__state, 2) != 0)
		(void)_thr_umtx_wait(&m->__state, 2, NULL);
	m->__owner = __libc_thread_id();
	m->__count = count;
}
