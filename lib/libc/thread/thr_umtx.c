/*
 * thr_umtx.c: the futex-style primitives every lock in libc is built on.
 *
 * _thr_umtx_wait(addr, val, rel) sleeps while *addr == val (checked by the
 * kernel atomically with going to sleep) for at most rel (NULL: forever):
 * _umtx_op(UMTX_OP_WAIT_UINT_PRIVATE) with uaddr1 = sizeof(struct timespec)
 * and uaddr2 = rel, FreeBSD's encoding of a relative timeout.
 * _thr_umtx_wake(addr, n) wakes up to n sleepers (UMTX_OP_WAKE_PRIVATE).
 *
 * Until the kernel implements _umtx_op (ENOSYS), waiting degrades to
 * yielding the CPU, which is correct (every caller re-checks its
 * condition in a loop) but slow.
 *
 * _libc_lock is a three-state mutex (0 free, 1 held, 2 held with waiters):
 * unlock only enters the kernel when somebody may be sleeping.
 */
#include <sys/types.h>
#include <sys/umtx.h>
#include <errno.h>
#include <limits.h>
#include <time.h>

#include "thr_private.h"

static int umtx_missing;		/* the kernel said ENOSYS */

void
_thr_yield(void)
{

	if (__sys_sched_yield() != 0)
		__asm__ __volatile__("pause");
}

int
_thr_umtx_wait(volatile u_int *addr, u_int val, const struct timespec *rel)
{
	struct timespec ts;
	int error, saved;

	if (*addr != val)
		return (0);
	if (rel != NULL && rel->tv_sec == 0 && rel->tv_nsec == 0)
		return (ETIMEDOUT);
	if (!umtx_missing) {
		saved = errno;
		if (rel != NULL)
			ts = *rel;
		if (__sys__umtx_op(__DEVOLATILE(void *, addr),
		    UMTX_OP_WAIT_UINT_PRIVATE, val,
		    rel != NULL ? (void *)sizeof(ts) : NULL,
		    rel != NULL ? &ts : NULL) == 0) {
			errno = saved;
			return (0);
		}
		error = errno;
		errno = saved;
		if (error != ENOSYS)
			return (error == ETIMEDOUT || error == EINTR ? error : 0);
		umtx_missing = 1;
	}
	_thr_yield();
	return (0);
}

void
_thr_umtx_wake(volatile u_int *addr, int n)
{
	int saved;

	if (umtx_missing)
		return;
	saved = errno;
	(void)__sys__umtx_op(__DEVOLATILE(void *, addr), UMTX_OP_WAKE_PRIVATE,
	    (u_long)n, NULL, NULL);
	errno = saved;
}

void
_libc_lock(libc_lock_t *lk)
{

	if (atomic_cas_uint(&lk->lk_word, 0, 1))
		return;
	while (atomic_xchg_uint(&lk->lk_word, 2) != 0)
		(void)_thr_umtx_wait(&lk->lk_word, 2, NULL);
}

void
_libc_unlock(libc_lock_t *lk)
{

	if (atomic_xchg_uint(&lk->lk_word, 0) == 2)
		_thr_umtx_wake(&lk->lk_word, 1);
}

void
_libc_rlock(libc_rlock_t *rl)
{
	long self;

	self = __libc_thread_id();
	if (rl->rl_owner == self) {
		rl->rl_count++;
		return;
	}
	_libc_lock(&rl->rl_lock);
	rl->rl_owner = self;
	rl->rl_count = 1;
}

int
_libc_rtrylock(libc_rlock_t *rl)
{
	long self;

	self = __libc_thread_id();
	if (rl->rl_owner == self) {
		rl->rl_count++;
		return (0);
	}
	if (!atomic_cas_uint(&rl->rl_lock.lk_word, 0, 1))
		return (EBUSY);
	rl->rl_owner = self;
	rl->rl_count = 1;
	return (0);
}

void
_libc_runlock(libc_rlock_t *rl)
{

	if (--rl->rl_count > 0)
		return;
	rl->rl_owner = 0;
	_libc_unlock(&rl->rl_lock);
}
