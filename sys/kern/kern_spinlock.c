/*
 * kern/kern_spinlock.c: ranked spinlocks and the lock-order check.
 *
 * spin_lock() enters a critical section (interrupts off on this CPU), then
 * spins on an atomic exchange.  Each CPU keeps the stack of spinlocks it
 * holds in gd_spinheld[] (per CPU, not per thread: the scheduler holds
 * the run-queue lock across a context switch, see lwkt_thread.c).
 *
 * The lock-order check (INVARIANTS): a lock may only be taken when its
 * rank is greater than the rank of every lock this CPU already holds.
 * Taking an equal or lower rank panics and names both locks.  Ranks are
 * listed in sys/spinlock.h.  This catches an inversion the first time the
 * two acquisitions happen on one CPU in the wrong order, whether or not
 * another CPU is racing at that moment.
 *
 * A spinner that has waited "too long" (about 10 s of TSC time) panics
 * naming the lock and its holder's CPU: a deadlock becomes a diagnosis.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/spinlock.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>

volatile int spin_panicking;

void
spin_init(struct spinlock *sl, const char *name, int rank)
{
	sl->sl_lock = 0;
	sl->sl_rank = rank;
	sl->sl_name = name;
	sl->sl_cpu = -1;
	sl->sl_pc = NULL;
}

#ifdef INVARIANTS
static void
spin_order_check(struct globaldata *gd, struct spinlock *sl)
{
	for (int i = 0; i < gd->gd_nspinheld; i++) {
		struct spinlock *held = gd->gd_spinheld[i];

		if (held == sl)
			panic("spinlock %s: recursive acquisition on cpu %d",
			    sl->sl_name, gd->gd_cpuid);
		if (held->sl_rank >= sl->sl_rank)
			panic("lock order reversal: taking %s (rank %d) while "
			    "holding %s (rank %d)", sl->sl_name, sl->sl_rank,
			    held->sl_name, held->sl_rank);
	}
}
#endif

static void
spin_held_push(struct globaldata *gd, struct spinlock *sl)
{
	VERIFY(gd->gd_nspinheld < GD_MAXSPINHELD);
	gd->gd_spinheld[gd->gd_nspinheld++] = sl;
	sl->sl_cpu = gd->gd_cpuid;
	sl->sl_pc = __builtin_return_address(0);
}

static void
spin_held_pop(struct globaldata *gd, struct spinlock *sl)
{
	int i;

	for (i = gd->gd_nspinheld - 1; i >= 0; i--)
		if (gd->gd_spinheld[i] == sl)
			break;
	if (i < 0 && !spin_panicking)
		panic("spin_unlock: %s not held by cpu %d", sl->sl_name,
		    gd->gd_cpuid);
	if (i < 0)
		return;
	for (; i < gd->gd_nspinheld - 1; i++)
		gd->gd_spinheld[i] = gd->gd_spinheld[i + 1];
	gd->gd_nspinheld--;
	sl->sl_cpu = -1;
}

void
spin_lock(struct spinlock *sl)
{
	struct globaldata *gd;
	uint64_t start = 0;

	crit_enter();
	gd = mycpu;
#ifdef INVARIANTS
	if (!spin_panicking)
		spin_order_check(gd, sl);
#endif
	while (atomic_swap_int(&sl->sl_lock, 1) != 0) {
		if (start == 0)
			start = rdtsc();
		while (sl->sl_lock != 0) {
			cpu_pause();
			if (tsc_freq != 0 && !spin_panicking &&
			    rdtsc() - start > 10 * tsc_freq)
				panic("spinlock %s held too long by cpu %d "
				    "(taken at %p)", sl->sl_name, sl->sl_cpu,
				    sl->sl_pc);
		}
	}
	spin_held_push(gd, sl);
}

int
spin_trylock(struct spinlock *sl)
{
	crit_enter();
	if (atomic_swap_int(&sl->sl_lock, 1) != 0) {
		crit_exit();
		return (0);
	}
	spin_held_push(mycpu, sl);
	return (1);
}

void
spin_unlock(struct spinlock *sl)
{
	spin_held_pop(mycpu, sl);
	atomic_store_int(&sl->sl_lock, 0);
	crit_exit();
}

int
spin_held(const struct spinlock *sl)
{
	struct globaldata *gd = mycpu;

	for (int i = 0; i < gd->gd_nspinheld; i++)
		if (gd->gd_spinheld[i] == sl)
			return (1);
	return (0);
}
