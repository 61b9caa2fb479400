/*
 * ktest_lwkt.c: self tests for LWKT threads, the per-CPU scheduler and
 * IPI remote calls (sys/kern/lwkt_thread.c, sys/kern/lwkt_ipiq.c).
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/ipiq.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>

static int ran_on[MAXCPU];
static int td_cpu[MAXCPU];

static void
record_cpu(void *arg)
{
	int want = (int)(intptr_t)arg;

	atomic_add_int(&ran_on[want], 1);
	td_cpu[want] = mycpuid;
	KT_ASSERT_EQ(curthread->td_gd->gd_cpuid, want);
}

KTEST(lwkt_create_runs_on_every_cpu, 30)
{
	for (int i = 0; i < ncpus; i++) {
		ran_on[i] = 0;
		td_cpu[i] = -1;
	}
	for (int i = 0; i < ncpus; i++)
		ktest_spawn(record_cpu, (void *)(intptr_t)i, i, "oncpu");
	ktest_join();
	for (int i = 0; i < ncpus; i++) {
		KT_ASSERT_EQ(ran_on[i], 1);
		KT_ASSERT_EQ(td_cpu[i], i);
	}
}

/* Two threads on one CPU that yield alternate; neither starves. */
static volatile int yield_turns[2];
static volatile int yield_seen_other[2];
static int yield_started;

static void
yielder(void *arg)
{
	int me = (int)(intptr_t)arg;

	/* Both threads must be on the CPU before the measured loop. */
	atomic_add_int(&yield_started, 1);
	while (atomic_load_int(&yield_started) < 2)
		lwkt_yield();
	for (int i = 0; i < 100; i++) {
		int before = yield_turns[!me];

		yield_turns[me]++;
		lwkt_yield();
		if (yield_turns[!me] != before)
			yield_seen_other[me]++;
	}
}

KTEST(lwkt_yield_alternates_threads_on_one_cpu, 30)
{
	yield_turns[0] = yield_turns[1] = 0;
	yield_seen_other[0] = yield_seen_other[1] = 0;
	yield_started = 0;
	ktest_spawn(yielder, (void *)0, ncpus - 1, "yield0");
	ktest_spawn(yielder, (void *)1, ncpus - 1, "yield1");
	ktest_join();
	KT_ASSERT_EQ(yield_turns[0], 100);
	KT_ASSERT_EQ(yield_turns[1], 100);
	/* Each yield let the other thread run (all but the last ones). */
	KT_ASSERT_MSG(yield_seen_other[0] >= 98 && yield_seen_other[1] >= 98,
	    "yield did not alternate: %d %d", yield_seen_other[0],
	    yield_seen_other[1]);
}

/*
 * Higher priority runs first when both are queued on one CPU.  The target
 * CPU is kept busy by a spinning thread (the kernel is not preemptive)
 * until both threads are queued; at 1 CPU the creator itself is that CPU.
 */
static int prio_order[2];
static int prio_next;
static volatile int blocker_go, blocker_running;

static void
prio_thread(void *arg)
{
	prio_order[atomic_fetchadd_int(&prio_next, 1)] = (int)(intptr_t)arg;
}

static void
prio_blocker(void *arg)
{
	blocker_running = 1;
	while (!blocker_go)
		cpu_pause();
}

KTEST(lwkt_higher_priority_runs_first, 30)
{
	int cpu = ncpus - 1;

	prio_next = 0;
	blocker_go = blocker_running = 0;
	if (cpu != 0) {
		ktest_spawn(prio_blocker, NULL, cpu, "blocker");
		while (!blocker_running)
			tsleep(&prio_next, 0, "prio", 1);
	}
	lwkt_create(prio_thread, (void *)1, NULL, cpu, TDPRI_KERN, "lo");
	lwkt_create(prio_thread, (void *)2, NULL, cpu, TDPRI_KERN + 5, "hi");
	blocker_go = 1;
	for (int i = 0; i < 100 && atomic_load_int(&prio_next) < 2; i++)
		tsleep(&prio_next, 0, "prio", 1);
	KT_ASSERT_EQ(prio_next, 2);
	KT_ASSERT_EQ(prio_order[0], 2);
	KT_ASSERT_EQ(prio_order[1], 1);
}

/* IPI remote calls: run on the target CPU, in order, none lost. */
static int ipi_hits[MAXCPU];
static int ipi_wrong_cpu;

static void
ipi_fn(void *arg)
{
	int want = (int)(intptr_t)arg;

	if (mycpuid != want)
		atomic_add_int(&ipi_wrong_cpu, 1);
	atomic_add_int(&ipi_hits[want], 1);
}

KTEST(ipi_cpusync_runs_on_target_cpu, 30)
{
	ipi_wrong_cpu = 0;
	for (int i = 0; i < ncpus; i++) {
		ipi_hits[i] = 0;
		lwkt_cpusync(globaldata_find(i), ipi_fn, (void *)(intptr_t)i);
		KT_ASSERT_EQ(ipi_hits[i], 1);
	}
	KT_ASSERT_EQ(ipi_wrong_cpu, 0);
}

#define IPI_ASYNC_COUNT	2000

static void
ipi_sender(void *arg)
{
	for (int n = 0; n < IPI_ASYNC_COUNT; n++)
		for (int i = 0; i < ncpus; i++)
			lwkt_send_ipiq(globaldata_find(i), ipi_fn,
			    (void *)(intptr_t)i);
}

KTEST(ipi_async_calls_all_delivered_stress, 120)
{
	ipi_wrong_cpu = 0;
	for (int i = 0; i < ncpus; i++)
		ipi_hits[i] = 0;
	for (int i = 0; i < ncpus; i++)
		ktest_spawn(ipi_sender, NULL, i, "ipisend");
	ktest_join();
	for (int i = 0; i < ncpus; i++) {
		for (int w = 0; w < 1000 &&
		    atomic_load_int(&ipi_hits[i]) < IPI_ASYNC_COUNT * ncpus; w++)
			tsleep(&ipi_hits, 0, "ipiw", 1);
		KT_ASSERT_EQ(ipi_hits[i], IPI_ASYNC_COUNT * ncpus);
	}
	KT_ASSERT_EQ(ipi_wrong_cpu, 0);
}

/* Many short-lived threads on every CPU: all run, all are freed. */
static int churn_count;

static void
churn_fn(void *arg)
{
	atomic_add_int(&churn_count, 1);
}

KTEST(lwkt_thread_churn_no_leak, 120)
{
	int before = lwkt_nthreads();

	churn_count = 0;
	for (int n = 0; n < 50; n++)
		for (int i = 0; i < ncpus; i++)
			ktest_spawn(churn_fn, NULL, i, "churn");
	ktest_join();
	KT_ASSERT_EQ(churn_count, 50 * ncpus);
	for (int w = 0; w < 100 && lwkt_nthreads() != before; w++)
		tsleep(&churn_count, 0, "churnw", 1);
	KT_ASSERT_EQ(lwkt_nthreads(), before);
}
