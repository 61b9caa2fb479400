/*
 * kern/kern_clock.c: the periodic clock interrupt.
 *
 * Every CPU's local APIC timer interrupts it hz times a second; hardclock()
 * runs in interrupt context on that CPU: it advances the CPU's tick count,
 * wakes its softclock thread when a callout is due, and asks a running
 * user thread to yield at its next return to user mode (RQF_RESCHED; the
 * kernel itself is not preempted).
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/callout.h>
#include <machine/atomic.h>
#include <machine/frame.h>

volatile uint64_t ticks;	/* [a] CPU 0's tick count, system-wide time */

void	hardclock(struct trapframe *tf);

void
hardclock(struct trapframe *tf)
{
	struct globaldata *gd = mycpu;

	gd->gd_ticks++;
	if (gd->gd_cpuid == 0)
		ticks++;
	callout_tick(gd);
	if ((tf->tf_cs & 3) != 0)
		atomic_set_int(&gd->gd_reqflags, RQF_RESCHED);
}
