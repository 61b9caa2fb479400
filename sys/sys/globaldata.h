/*
 * sys/globaldata.h: per-CPU data (DragonFly's globaldata).
 *
 * Each CPU's struct globaldata is reached through %gs (gd_self at offset 0),
 * so `mycpu` is one instruction.  Fields are owned by their CPU unless
 * marked: [I] immutable after boot, [r] gd_runqlock, [a] atomic.
 */
#ifndef _SYS_GLOBALDATA_H_
#define _SYS_GLOBALDATA_H_

#include <sys/types.h>
#include <sys/param.h>
#include <sys/queue.h>
#include <sys/spinlock.h>

struct thread;
struct callout;

#define GD_MAXSPINHELD	16

struct globaldata {
	struct globaldata *gd_self;		/* [I] %gs:0 */
	struct thread	*gd_curthread;		/* %gs:8, current thread */
	int		gd_cpuid;		/* [I] 0..ncpus-1 */
	uint32_t	gd_apicid;		/* [I] local APIC id */
	struct thread	*gd_idlethread;		/* [I] */
	struct thread	*gd_softclock;		/* [I] callout thread */

	/* Scheduler. */
	struct spinlock	gd_runqlock;
	TAILQ_HEAD(, thread) gd_runq;		/* [r] runnable threads */
	int		gd_idling;		/* [a] halted in idle loop */
	int		gd_reqflags;		/* [a] RQF_* */
	TAILQ_HEAD(, thread) gd_deadq;		/* [r] exited, to be freed */

	/* Lock-order check: spinlocks this CPU holds, innermost last. */
	struct spinlock	*gd_spinheld[GD_MAXSPINHELD];
	int		gd_nspinheld;

	/* Clock and callouts. */
	volatile uint64_t gd_ticks;		/* ticks since boot on this CPU */
	struct spinlock	gd_calloutlock;
	TAILQ_HEAD(, callout) gd_callouts;	/* pending, sorted by c_time */
	struct callout	*gd_callout_running;	/* [gd_calloutlock] */

	/* IPI remote call queue, see lwkt_ipiq.c. */
	struct spinlock	gd_ipiqlock;
	struct ipiq_entry {
		void	(*func)(void *);
		void	*arg;
		volatile int *done;
	} gd_ipiq[64];				/* [gd_ipiqlock] ring */
	u_int		gd_ipiq_head, gd_ipiq_tail;

	/* Statistics, readable by anyone. */
	uint64_t	gd_cnt_switch;		/* context switches */
	uint64_t	gd_cnt_intr;		/* interrupts taken */
	uint64_t	gd_cnt_ipi;		/* IPIs received */

	void		*gd_tss;		/* [I] task state segment */
	char		gd_kassert_buf[256];	/* KASSERT message formatting */
} __cachealign;

#define RQF_RESCHED	0x0001	/* a user thread should yield at return */

extern struct globaldata *globaldata_find_array[MAXCPU];
extern int ncpus;			/* [I] CPUs started */
extern volatile u_int smp_started_mask;	/* [a] CPUs that finished boot */

static inline struct globaldata *
_get_mycpu(void)
{
	struct globaldata *gd;

	__asm__ volatile("movq %%gs:0, %0" : "=r"(gd));
	return (gd);
}
#define mycpu		(_get_mycpu())
#define mycpuid		(mycpu->gd_cpuid)

static inline struct thread *
_get_curthread(void)
{
	struct thread *td;

	__asm__ volatile("movq %%gs:8, %0" : "=r"(td));
	return (td);
}
#define curthread	(_get_curthread())

static inline struct globaldata *
globaldata_find(int cpu)
{
	return (globaldata_find_array[cpu]);
}

#endif /* !_SYS_GLOBALDATA_H_ */
