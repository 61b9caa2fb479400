/*
 * sys/spinlock.h: ranked spinlocks.
 *
 * A spinlock is held with local interrupts disabled (inside a critical
 * section, see thread2.h), so an interrupt handler on the same CPU can
 * never spin on a lock its own CPU holds.  Holders must not sleep.
 *
 * Every spinlock has a name and a rank.  Locks must be taken in strictly
 * increasing rank order; under INVARIANTS spin_lock() checks the CPU's
 * stack of held locks and panics on a reversal, naming both locks (the
 * idea of WITNESS, reduced to a rank comparison).  Equal ranks are a
 * reversal too: two locks of one class are never held together.
 *
 * Rank table (outer first).  A new lock class takes a rank here.
 */
#ifndef _SYS_SPINLOCK_H_
#define _SYS_SPINLOCK_H_

#include <sys/types.h>

#define SPINRANK_SYSCTL		1	/* sysctl tree registration (leaf) */
#define SPINRANK_TEST_OUTER	10	/* ktest lock-order cases */
#define SPINRANK_TEST_INNER	11
#define SPINRANK_FILEDESC	14	/* a process's descriptor table */
#define SPINRANK_SOLIST		20	/* the list of all sockets (sysctl) */
#define SPINRANK_UNP		22	/* AF_UNIX in-flight and referrer lists */
#define SPINRANK_SOCKBUF	30	/* socket buffers */
#define SPINRANK_TTY		31	/* the console terminal */
#define SPINRANK_PIPE		32	/* a pipe pair */
#define SPINRANK_VNODE		33	/* a vnode's fields */
#define SPINRANK_SOQ		34	/* a listener's accept queues (leaf) */
#define SPINRANK_LOCKMGR	35	/* sleep-lock interlock */
#define SPINRANK_UMTX		36	/* _umtx_op wait buckets */
#define SPINRANK_PROCTREE	37	/* process tree, pids */
#define SPINRANK_PROC		38	/* process p_spin */
#define SPINRANK_PORT		40	/* message ports */
#define SPINRANK_MEMLIST	45	/* the objcache list, over cache locks */
#define SPINRANK_MEM		50	/* kmalloc, objcache, page allocator */
#define SPINRANK_SELPOOL	52	/* selinfo record pools */
#define SPINRANK_SELTD		53	/* a polling thread's record set */
#define SPINRANK_CALLOUT	60	/* per-CPU callout lists */
#define SPINRANK_SLEEPQ		70	/* tsleep/wakeup hash buckets */
#define SPINRANK_RUNQ		80	/* per-CPU run queues */
#define SPINRANK_IPIQ		90	/* per-CPU IPI call queues */
#define SPINRANK_SYSCTLSTR	99	/* sysctl string values (leaf) */
#define SPINRANK_TTYOUT		99	/* console terminal output (leaf) */
#define SPINRANK_CONS		100	/* console output */

struct spinlock {
	volatile u_int	sl_lock;	/* 0 free, 1 held */
	int		sl_rank;	/* [I] */
	const char	*sl_name;	/* [I] */
	int		sl_cpu;		/* holder's CPU (debug), -1 if free */
	const void	*sl_pc;		/* where it was taken (debug) */
};

#define SPINLOCK_INITIALIZER(name, rank) { 0, (rank), (name), -1, NULL }

void	spin_init(struct spinlock *sl, const char *name, int rank);
void	spin_lock(struct spinlock *sl);
int	spin_trylock(struct spinlock *sl);
void	spin_unlock(struct spinlock *sl);
int	spin_held(const struct spinlock *sl);	/* by this CPU */

#define SPIN_LOCK_ASSERT(sl)	KASSERT(spin_held(sl),			\
	("spinlock %s not held", (sl)->sl_name))

/* Called by panic(): stop checking and let the console lock be taken. */
extern volatile int spin_panicking;

#endif /* !_SYS_SPINLOCK_H_ */
