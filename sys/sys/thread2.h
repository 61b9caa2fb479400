/*
 * sys/thread2.h: kernel-only inlines for threads: critical sections.
 *
 * A critical section keeps the current CPU from taking interrupts (and so
 * from running anything else): crit_enter() disables local interrupts on
 * the outermost entry and remembers the previous interrupt flag; the
 * matching outermost crit_exit() restores it.  Nesting is per thread.
 */
#ifndef _SYS_THREAD2_H_
#define _SYS_THREAD2_H_

#include <sys/systm.h>
#include <sys/thread.h>
#include <sys/globaldata.h>
#include <machine/cpufunc.h>

static inline void
crit_enter_td(struct thread *td)
{
	uint64_t rf = intr_disable();

	if (td->td_critcount++ == 0)
		td->td_crit_rflags = rf;
}

static inline void
crit_exit_td(struct thread *td)
{
	KASSERT(td->td_critcount > 0, ("crit_exit: not in a critical section"));
	if (--td->td_critcount == 0)
		intr_restore(td->td_crit_rflags);
}

#define crit_enter()	crit_enter_td(curthread)
#define crit_exit()	crit_exit_td(curthread)
#define IN_CRITICAL_SECT(td) ((td)->td_critcount > 0)

#endif /* !_SYS_THREAD2_H_ */
