/*
 * ktest_spinlock.c: self tests for ranked spinlocks and the lock-order
 * check (sys/kern/kern_spinlock.c), and for panic itself.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/spinlock.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>

static struct spinlock outer = SPINLOCK_INITIALIZER("test outer",
    SPINRANK_TEST_OUTER);
static struct spinlock inner = SPINLOCK_INITIALIZER("test inner",
    SPINRANK_TEST_INNER);

KTEST(spinlock_increasing_rank_order_allowed, 30)
{
	spin_lock(&outer);
	spin_lock(&inner);
	KT_ASSERT(spin_held(&outer) && spin_held(&inner));
	KT_ASSERT_EQ(read_rflags() & PSL_I, 0);	/* interrupts off */
	spin_unlock(&inner);
	spin_unlock(&outer);
	KT_ASSERT(!spin_held(&outer));
	KT_ASSERT(read_rflags() & PSL_I);
}

KTEST_EXPECT_PANIC(spinlock_order_reversal_panics,
    "lock order reversal: taking test outer (rank 10) while holding "
    "test inner (rank 11)", 30)
{
	spin_lock(&inner);
	spin_lock(&outer);
}

KTEST_EXPECT_PANIC(spinlock_recursion_panics,
    "spinlock test outer: recursive acquisition", 30)
{
	spin_lock(&outer);
	spin_lock(&outer);
}

KTEST(spinlock_trylock_fails_when_held_elsewhere, 30)
{
	KT_ASSERT(spin_trylock(&outer));
	spin_unlock(&outer);
	outer.sl_lock = 1;		/* as if another CPU held it */
	KT_ASSERT(!spin_trylock(&outer));
	outer.sl_lock = 0;
	KT_ASSERT_EQ(mycpu->gd_nspinheld, 0);
}

/* Mutual exclusion under contention from every CPU: no update lost. */
#define SPIN_ITERS	20000
static struct spinlock counter_lock = SPINLOCK_INITIALIZER("counter",
    SPINRANK_TEST_OUTER);
static volatile long counter;

static void
spin_incr(void *arg)
{
	for (int i = 0; i < SPIN_ITERS; i++) {
		spin_lock(&counter_lock);
		counter = counter + 1;	/* a non-atomic read-modify-write */
		spin_unlock(&counter_lock);
	}
}

KTEST(spinlock_mutual_exclusion_stress, 240)
{
	counter = 0;
	for (int i = 0; i < ncpus; i++)
		ktest_spawn(spin_incr, NULL, i, "spinincr");
	ktest_join();
	KT_ASSERT_EQ(counter, (long)SPIN_ITERS * ncpus);
}

KTEST_EXPECT_PANIC(kassert_failure_panics_with_expression,
    "assertion \"ncpus < 0\" failed in ktest_fn_kassert_failure_panics_with"
    "_expression", 30)
{
	KASSERT(ncpus < 0, ("deliberate"));
}

KTEST_EXPECT_PANIC(kernel_page_fault_panics_with_trap_frame,
    "fatal trap 14 (page fault) at rip", 30)
{
	*(volatile int *)0x0000700000000000UL = 1;	/* unmapped */
}
