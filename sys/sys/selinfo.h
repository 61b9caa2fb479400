/*
 * sys/selinfo.h: the generic wait mechanism behind select(2) and poll(2).
 *
 * Every object that can be polled (a pipe end, a socket buffer, the
 * console) embeds a struct selinfo.  A zero-filled selinfo is valid.
 *
 *   fo_poll:  lock the object; if not ready, selrecord(td, &obj->sel);
 *             unlock.  (selrecord does nothing unless td is inside
 *             poll/select.)
 *   change:   lock the object; make it ready; unlock; selwakeup(&obj->sel).
 *   destroy:  seldrain(&obj->sel) before the memory is freed.
 *
 * The record is made under the same lock the waker takes to change the
 * state, so a change either happens before the check (the poller sees it)
 * or after the record (the waker finds the record): no lost wakeups.  See
 * the theory statement in kern/sys_generic.c for the records, their
 * locks and why nothing dangles after the call returns.
 *
 * Ownership: si_records [P] the selinfo's pool spinlock (a hash of the
 * selinfo address, so the lock outlives the object).
 */
#ifndef _SYS_SELINFO_H_
#define _SYS_SELINFO_H_

#include <sys/queue.h>

struct selfd;
struct thread;

struct selinfo {
	LIST_HEAD(, selfd) si_records;	/* [P] threads waiting on this */
};

/* Spinlock ranks (ask the lead to move these into sys/spinlock.h). */

void	selrecord(struct thread *td, struct selinfo *sip);
void	selwakeup(struct selinfo *sip);
void	seldrain(struct selinfo *sip);

#endif /* !_SYS_SELINFO_H_ */
