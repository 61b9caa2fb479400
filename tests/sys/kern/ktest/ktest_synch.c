/*
 * ktest_synch.c: self tests for tsleep/ssleep/wakeup (kern_synch.c),
 * callouts (kern_timeout.c) and sleep locks (kern_lock.c).
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/callout.h>
#include <sys/spinlock.h>
#include <sys/lock.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>

extern volatile uint64_t ticks;

KTEST(tsleep_timeout_returns_EWOULDBLOCK, 30)
{
	static int chan;
	uint64_t t0 = ticks;
	int error;

	error = tsleep(&chan, 0, "tmo", 5);
	KT_ASSERT_EQ(error, EWOULDBLOCK);
	KT_ASSERT_MSG(ticks - t0 >= 4, "slept only %lu ticks", ticks - t0);
}

/* A sleeper on another CPU is woken by a wakeup from this one. */
static struct spinlock wk_lock = SPINLOCK_INITIALIZER("wk", SPINRANK_TEST_OUTER);
static int wk_flag, wk_sleeping, wk_result;

static void
wk_sleeper(void *arg)
{
	spin_lock(&wk_lock);
	wk_sleeping = 1;
	while (!wk_flag)
		wk_result = ssleep(&wk_flag, &wk_lock, 0, "wkflag", 0);
	wk_result = (wk_result == 0 && mycpuid == (int)(intptr_t)arg) ? 1 : -1;
	spin_unlock(&wk_lock);
}

KTEST(wakeup_wakes_sleeper_on_other_cpu, 30)
{
	int cpu = ncpus > 1 ? 1 : 0;

	wk_flag = wk_sleeping = wk_result = 0;
	ktest_spawn(wk_sleeper, (void *)(intptr_t)cpu, cpu, "sleeper");
	while (!atomic_load_int(&wk_sleeping))
		tsleep(&wk_lock, 0, "wait", 1);
	spin_lock(&wk_lock);
	wk_flag = 1;
	spin_unlock(&wk_lock);
	wakeup(&wk_flag);
	ktest_join();
	KT_ASSERT_EQ(wk_result, 1);
}

/* wakeup_one wakes exactly one of several sleepers; wakeup the rest. */
static int one_sleepers, one_woken, one_go;

static void
one_sleeper(void *arg)
{
	spin_lock(&wk_lock);
	one_sleepers++;
	ssleep(&one_go, &wk_lock, 0, "one", 0);
	one_woken++;
	spin_unlock(&wk_lock);
}

KTEST(wakeup_one_wakes_exactly_one, 30)
{
	one_sleepers = one_woken = 0;
	for (int i = 0; i < 3; i++)
		ktest_spawn(one_sleeper, NULL, i % ncpus, "one");
	while (atomic_load_int(&one_sleepers) < 3)
		tsleep(&one_sleepers, 0, "wait", 1);
	/* The sleepers are queued: they went to sleep under wk_lock. */
	spin_lock(&wk_lock);
	spin_unlock(&wk_lock);
	wakeup_one(&one_go);
	tsleep(&one_woken, 0, "settle", 10);
	KT_ASSERT_EQ(atomic_load_int(&one_woken), 1);
	wakeup(&one_go);
	ktest_join();
	KT_ASSERT_EQ(one_woken, 3);
}

/*
 * Producer/consumer pairs across CPUs with interlocked sleeps: every item
 * produced is consumed exactly once; a lost wakeup would hang the case.
 */
#define PC_ITEMS	3000
static struct pc_pair {
	struct spinlock	lock;
	int		avail;		/* produced, not consumed */
	int		produced;
	int		consumed;
} pc_pairs[MAXCPU];

static void
pc_producer(void *arg)
{
	struct pc_pair *p = arg;

	for (int i = 0; i < PC_ITEMS; i++) {
		spin_lock(&p->lock);
		while (p->avail >= 4)
			ssleep(&p->avail, &p->lock, 0, "pcfull", 0);
		p->avail++;
		p->produced++;
		spin_unlock(&p->lock);
		wakeup(&p->avail);
	}
}

static void
pc_consumer(void *arg)
{
	struct pc_pair *p = arg;

	for (int i = 0; i < PC_ITEMS; i++) {
		spin_lock(&p->lock);
		while (p->avail == 0)
			ssleep(&p->avail, &p->lock, 0, "pcempty", 0);
		p->avail--;
		p->consumed++;
		spin_unlock(&p->lock);
		wakeup(&p->avail);
	}
}

KTEST(ssleep_producer_consumer_no_lost_wakeup_stress, 240)
{
	for (int i = 0; i < ncpus; i++) {
		struct pc_pair *p = &pc_pairs[i];

		spin_init(&p->lock, "pcpair", SPINRANK_TEST_OUTER);
		p->avail = p->produced = p->consumed = 0;
		ktest_spawn(pc_producer, p, i, "producer");
		ktest_spawn(pc_consumer, p, (i + 1) % ncpus, "consumer");
	}
	ktest_join();
	for (int i = 0; i < ncpus; i++) {
		KT_ASSERT_EQ(pc_pairs[i].produced, PC_ITEMS);
		KT_ASSERT_EQ(pc_pairs[i].consumed, PC_ITEMS);
		KT_ASSERT_EQ(pc_pairs[i].avail, 0);
	}
}

/* Callouts run on their own CPU, in its softclock thread. */
static struct callout co[MAXCPU];
static int co_cpu[MAXCPU], co_insoftclock[MAXCPU], co_fired[MAXCPU];

static void
co_fn(void *arg)
{
	int i = (int)(intptr_t)arg;

	co_cpu[i] = mycpuid;
	co_insoftclock[i] = (curthread == mycpu->gd_softclock);
	atomic_add_int(&co_fired[i], 1);
	wakeup(&co_fired[i]);
}

KTEST(callout_fires_on_its_cpu_in_softclock, 30)
{
	for (int i = 0; i < ncpus; i++) {
		co_fired[i] = 0;
		co_cpu[i] = -1;
		callout_init_cpu(&co[i], i);
		callout_reset(&co[i], 2, co_fn, (void *)(intptr_t)i);
	}
	for (int i = 0; i < ncpus; i++) {
		for (int w = 0; w < 100 && !atomic_load_int(&co_fired[i]); w++)
			tsleep(&co_fired[i], 0, "cowait", 1);
		KT_ASSERT_EQ(co_fired[i], 1);
		KT_ASSERT_EQ(co_cpu[i], i);
		KT_ASSERT_EQ(co_insoftclock[i], 1);
		KT_ASSERT(!callout_pending(&co[i]));
	}
}

KTEST(callout_stop_prevents_firing, 30)
{
	int cpu = ncpus - 1;

	co_fired[0] = 0;
	callout_init_cpu(&co[0], cpu);
	callout_reset(&co[0], 10, co_fn, (void *)0);
	KT_ASSERT(callout_pending(&co[0]));
	KT_ASSERT_EQ(callout_stop(&co[0]), 1);
	KT_ASSERT_EQ(callout_stop(&co[0]), 0);
	tsleep(&co_fired[0], 0, "cowait", 20);
	KT_ASSERT_EQ(co_fired[0], 0);
}

KTEST(callout_reset_replaces_pending_timeout, 30)
{
	uint64_t t0;

	co_fired[0] = 0;
	callout_init(&co[0]);
	callout_reset(&co[0], 1000, co_fn, (void *)0);
	t0 = ticks;
	callout_reset(&co[0], 3, co_fn, (void *)0);
	for (int w = 0; w < 100 && !atomic_load_int(&co_fired[0]); w++)
		tsleep(&co_fired[0], 0, "cowait", 1);
	KT_ASSERT_EQ(co_fired[0], 1);
	KT_ASSERT_MSG(ticks - t0 < 100, "fired after %lu ticks", ticks - t0);
}

/* Sleep locks: exclusive holders exclude each other across sleeps. */
static struct lock tlk;
static int lk_inside, lk_max_inside, lk_count;

static void
lk_worker(void *arg)
{
	for (int i = 0; i < 50; i++) {
		lockmgr(&tlk, LK_EXCLUSIVE);
		if (atomic_fetchadd_int(&lk_inside, 1) + 1 > lk_max_inside)
			lk_max_inside = lk_inside;
		lk_count++;
		if (i % 10 == 0)
			tsleep(&lk_count, 0, "holdlk", 1);	/* sleep holding it */
		atomic_subtract_int(&lk_inside, 1);
		lockmgr(&tlk, LK_RELEASE);
	}
}

KTEST(lockmgr_exclusive_excludes_across_sleeps, 120)
{
	lockinit(&tlk, "testlk");
	lk_inside = lk_max_inside = lk_count = 0;
	for (int i = 0; i < ncpus * 2; i++)
		ktest_spawn(lk_worker, NULL, i % ncpus, "lkworker");
	ktest_join();
	KT_ASSERT_EQ(lk_max_inside, 1);
	KT_ASSERT_EQ(lk_count, 50 * ncpus * 2);
	KT_ASSERT_EQ(lockstatus(&tlk), 0);
}

static void
lk_try_shared(void *arg)
{
	lk_count = lockmgr(&tlk, LK_SHARED | LK_NOWAIT);
}

KTEST(lockmgr_shared_holders_coexist_nowait_busy, 30)
{
	lockinit(&tlk, "testlk");
	KT_ASSERT_EQ(lockmgr(&tlk, LK_SHARED), 0);
	KT_ASSERT_EQ(lockmgr(&tlk, LK_SHARED), 0);
	KT_ASSERT_EQ(lockstatus(&tlk), LK_SHARED);
	KT_ASSERT_EQ(lockmgr(&tlk, LK_EXCLUSIVE | LK_NOWAIT), EBUSY);
	lockmgr(&tlk, LK_RELEASE);
	lockmgr(&tlk, LK_RELEASE);
	KT_ASSERT_EQ(lockmgr(&tlk, LK_EXCLUSIVE | LK_NOWAIT), 0);
	KT_ASSERT_EQ(lockstatus(&tlk), LK_EXCLUSIVE);
	lk_count = 0;
	ktest_spawn(lk_try_shared, NULL, ncpus - 1, "trysh");
	ktest_join();
	KT_ASSERT_EQ(lk_count, EBUSY);
	lockmgr(&tlk, LK_RELEASE);
}
