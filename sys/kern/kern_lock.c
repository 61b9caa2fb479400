/*
 * kern/kern_lock.c: sleep locks (shared/exclusive) for long holds.
 *
 * lockmgr(lk, LK_EXCLUSIVE | LK_SHARED | LK_RELEASE [| LK_NOWAIT]).
 * State changes happen under lk_spin; a thread that must wait sleeps on
 * the lock with lk_spin as the interlock (no lost wakeups), and every
 * release that could admit a waiter wakes all waiters, which re-check.
 * Exclusive acquisition has no writer preference: simple, and enough for
 * the kernel's current users (documented weakness).
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/lock.h>

void
lockinit(struct lock *lk, const char *name)
{
	spin_init(&lk->lk_spin, name, SPINRANK_LOCKMGR);
	lk->lk_name = name;
	lk->lk_shared = 0;
	lk->lk_owner = NULL;
	lk->lk_waiters = 0;
}

static int
lock_wait(struct lock *lk, int flags)
{
	if (flags & LK_NOWAIT)
		return (EBUSY);
	lk->lk_waiters++;
	ssleep(lk, &lk->lk_spin, 0, lk->lk_name, 0);
	lk->lk_waiters--;
	return (0);
}

int
lockmgr(struct lock *lk, int flags)
{
	struct thread *td = curthread;
	int error = 0;

	if (!(flags & LK_RELEASE))
		ASSERT_MAY_SLEEP();
	spin_lock(&lk->lk_spin);
	switch (flags & (LK_EXCLUSIVE | LK_SHARED | LK_RELEASE)) {
	case LK_EXCLUSIVE:
		if (lk->lk_owner == td)
			panic("lockmgr: %s: recursive exclusive lock by %s",
			    lk->lk_name, td->td_comm);
		while (error == 0 && (lk->lk_owner != NULL || lk->lk_shared))
			error = lock_wait(lk, flags);
		if (error == 0)
			lk->lk_owner = td;
		break;
	case LK_SHARED:
		KASSERT(lk->lk_owner != td, ("lockmgr: %s: shared request "
		    "by its exclusive holder", lk->lk_name));
		while (error == 0 && lk->lk_owner != NULL)
			error = lock_wait(lk, flags);
		if (error == 0)
			lk->lk_shared++;
		break;
	case LK_RELEASE:
		if (lk->lk_owner != NULL) {
			KASSERT(lk->lk_owner == td, ("lockmgr: %s released by "
			    "%s, owned by %s", lk->lk_name, td->td_comm,
			    lk->lk_owner->td_comm));
			lk->lk_owner = NULL;
		} else {
			VERIFY(lk->lk_shared > 0);
			lk->lk_shared--;
		}
		if (lk->lk_waiters > 0 && lk->lk_owner == NULL &&
		    lk->lk_shared == 0)
			wakeup(lk);
		break;
	default:
		panic("lockmgr: %s: bad flags %#x", lk->lk_name, flags);
	}
	spin_unlock(&lk->lk_spin);
	return (error);
}

int
lockstatus(struct lock *lk)
{
	if (lk->lk_owner == curthread)
		return (LK_EXCLUSIVE);
	return (lk->lk_shared > 0 ? LK_SHARED : 0);
}
