/*
 * sys/lock.h: sleep locks (lockmgr style) for long holds.
 *
 * A struct lock may be held across sleeps, by one exclusive holder or many
 * shared holders.  Waiters sleep; they never spin.  Not for interrupt
 * handlers or netisr threads (they may not sleep).  Fields are protected
 * by lk_spin (rank SPINRANK_LOCKMGR).
 */
#ifndef _SYS_LOCK_H_
#define _SYS_LOCK_H_

#include <sys/types.h>
#include <sys/spinlock.h>

struct thread;

struct lock {
	struct spinlock	lk_spin;
	const char	*lk_name;	/* [I] */
	int		lk_shared;	/* [lk_spin] shared holders */
	struct thread	*lk_owner;	/* [lk_spin] exclusive holder */
	int		lk_waiters;	/* [lk_spin] sleeping acquirers */
};

#define LK_EXCLUSIVE	0x0001
#define LK_SHARED	0x0002
#define LK_RELEASE	0x0004
#define LK_NOWAIT	0x0010	/* EBUSY instead of sleeping */

void	lockinit(struct lock *lk, const char *name);
int	lockmgr(struct lock *lk, int flags);
int	lockstatus(struct lock *lk);	/* LK_EXCLUSIVE if curthread owns it */

#define LOCK_ASSERT_XLOCKED(lk)	KASSERT((lk)->lk_owner == curthread,	\
	("lock %s not held exclusively by %s", (lk)->lk_name,		\
	curthread->td_comm))

#endif
