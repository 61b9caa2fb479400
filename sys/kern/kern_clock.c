/*
 * kern/kern_clock.c: the periodic clock interrupt.
 *
 * Every CPU's local APIC timer interrupts it hz times a second; hardclock()
 * runs in interrupt context on that CPU: it advances the CPU's tick count,
 * wakes its softclock thread when a callout is due, and asks a running
 * user thread (in user mode or in a system call) to yield at its next
 * return to user mode (RQF_RESCHED; the kernel itself is not preempted).
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
	/*
	 * A user thread yields at its next return to user mode, wherever
	 * the tick caught it: one that spends its time in system calls
	 * (a sched_yield loop, say) would otherwise rarely be caught in
	 * user mode and could keep a runnable netisr off its CPU.
	 */
	if ((tf->tf_cs & 3) != 0 || gd->gd_curthread->td_proc != NULL)
		atomic_set_int(&gd->gd_reqflags, RQF_RESCHED);
}
