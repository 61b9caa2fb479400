/*
 * thr_cond.c: condition variables.
 *
 * __seq counts signals and broadcasts.  A waiter reads __seq, releases
 * the mutex and sleeps on __seq while it still has that value, so a
 * signal sent after the mutex was released cannot be lost:
 *
 *   waiter                         signaller
 *   seq = c->__seq (with m held)
 *   unlock m
 *                                  lock m; change state; c->__seq++;
 *                                  wake(&c->__seq)
 *   wait(&c->__seq, seq) returns at once: the value changed
 *
 * Wakeups may be spurious, as POSIX allows; callers loop on their
 * predicate.  __waiters lets signal skip the system call when nobody
 * waits.
 */
#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "thr_private.h"

int	_thr_mutex_release_for_wait(pthread_mutex_t *, int *);
void	_thr_mutex_reacquire_after_wait(pthread_mutex_t *, int);

int
pthread_condattr_init(pthread_condattr_t *attr)
{

	memset(attr, 0, sizeof(*attr));
	attr->__clock = CLOCK_REALTIME;
	return (0);
}

int
pthread_condattr_destroy(pthread_condattr_t *attr)
{

	return (0);
}

int
pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{

	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC &&
	    clock != CLOCK_UPTIME)
		return (EINVAL);
	attr->__clock = clock;
	return (0);
}

int
pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{

	*clock = attr->__clock;
	return (0);
}

int
pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{

	if (pshared != PTHREAD_PROCESS_PRIVATE)
		return (pshared == PTHREAD_PROCESS_SHARED ? ENOTSUP : EINVAL);
	return (0);
}

int
pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared)
{

	*pshared = PTHREAD_PROCESS_PRIVATE;
	return (0);
}

int
pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{

	memset(c, 0, sizeof(*c));
	c->__clock = (attr != NULL) ? attr->__clock : CLOCK_REALTIME;
	return (0);
}

int
pthread_cond_destroy(pthread_cond_t *c)
{

	return (c->__waiters != 0 ? EBUSY : 0);
}

static int
cond_wait_common(pthread_cond_t *c, pthread_mutex_t *m,
    const struct timespec *abstime)
{
	struct timespec rel;
	u_int seq;
	int count, error;

	seq = c->__seq;
	error = _thr_mutex_release_for_wait(m, &count);
	if (error != 0)
		return (error);
	atomic_add_uint(&c->__waiters, 1);
	if (abstime == NULL)
		(void)_thr_umtx_wait(&c->__seq, seq, NULL);
	else {
		error = __libc_abs_to_rel(c->__clock, abstime, &rel);
		if (error == 0 &&
		    _thr_umtx_wait(&c->__seq, seq, &rel) == ETIMEDOUT &&
		    c->__seq == seq)
			error = ETIMEDOUT;
	}
	atomic_add_uint(&c->__waiters, -1);
	_thr_mutex_reacquire_after_wait(m, count);
	return (error);
}

int
pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{

	return (cond_wait_common(c, m, NULL));
}

int
pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
    const struct timespec *abstime)
{

	if (abstime == NULL || abstime->tv_nsec < 0 ||
	    abstime->tv_nsec >= 1000000000L)
		return (EINVAL);
	return (cond_wait_common(c, m, abstime));
}

int
pthread_cond_signal(pthread_cond_t *c)
{

	atomic_add_uint(&c->__seq, 1);
	if (c->__waiters != 0)
		_thr_umtx_wake(&c->__seq, 1);
	return (0);
}

int
pthread_cond_broadcast(pthread_cond_t *c)
{

	atomic_add_uint(&c->__seq, 1);
	if (c->__waiters != 0)
		_thr_umtx_wake(&c->__seq, INT_MAX);
	return (0);
}
