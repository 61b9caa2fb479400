/*
 * ktest_kmalloc.c: self tests for kmalloc/kfree/krealloc and the leak
 * check API (sys/kern/kern_kmalloc.c).
 *
 * Each case charges a malloc type of its own, so the exact byte and
 * allocation counts it checks cannot be disturbed by other threads.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/malloc.h>
#include <sys/objcache.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>

static MALLOC_DEFINE(M_KT_STATS, "ktest_stats", "kmalloc ktest: stats");
static MALLOC_DEFINE(M_KT_HW, "ktest_highwater", "kmalloc ktest: highwater");
static MALLOC_DEFINE(M_KT_MISC, "ktest_misc", "kmalloc ktest: misc");
static MALLOC_DEFINE(M_KT_OTHER, "ktest_other", "kmalloc ktest: wrong type");
static MALLOC_DEFINE(M_KT_LEAK, "ktest_leak", "kmalloc ktest: leak check");
static MALLOC_DEFINE(M_KT_FAIL, "ktest_fail", "kmalloc ktest: failures");
static MALLOC_DEFINE(M_KT_WAIT, "ktest_wait", "kmalloc ktest: M_WAITOK");
static MALLOC_DEFINE(M_KT_STRESS, "ktest_stress", "kmalloc ktest: stress");

static int
all_bytes_are(const void *p, int c, size_t len)
{
	const u_char *b = p;

	for (size_t i = 0; i < len; i++)
		if (b[i] != (u_char)c)
			return (0);
	return (1);
}

KTEST(kmalloc_stats_account_bytes_and_count, 30)
{
	struct malloc_stats before, during, after;
	void *p;

	malloc_type_stats(M_KT_STATS, &before);
	p = kmalloc(100, M_KT_STATS, M_WAITOK);
	KT_ASSERT(p != NULL);
	malloc_type_stats(M_KT_STATS, &during);
	KT_ASSERT_EQ(kmalloc_usable_size(p), 128);
	KT_ASSERT_EQ(during.ms_inuse, before.ms_inuse + 128);
	KT_ASSERT_EQ(during.ms_count, before.ms_count + 1);
	KT_ASSERT_EQ(during.ms_total, before.ms_total + 1);
	kfree(p, M_KT_STATS);
	malloc_type_stats(M_KT_STATS, &after);
	KT_ASSERT_EQ(after.ms_inuse, before.ms_inuse);
	KT_ASSERT_EQ(after.ms_count, before.ms_count);
	KT_ASSERT_EQ(after.ms_total, before.ms_total + 1);
	KT_ASSERT_EQ(after.ms_failures, before.ms_failures);
}

KTEST(kmalloc_usable_size_rounds_to_class, 30)
{
	static const size_t req[] = { 0, 1, 16, 17, 100, 1024, 2048, 2049,
	    4096, 4097, 3 * PAGE_SIZE + 1 };
	static const size_t want[] = { 16, 16, 16, 32, 128, 1024, 2048, 4096,
	    4096, 8192, 16384 };

	for (size_t i = 0; i < nitems(req); i++) {
		void *p = kmalloc(req[i], M_KT_MISC, M_WAITOK);
		size_t got = kmalloc_usable_size(p);

		kfree(p, M_KT_MISC);
		KT_ASSERT_MSG(got == want[i], "kmalloc(%lu): usable %lu, "
		    "want %lu", req[i], got, want[i]);
	}
}

KTEST(kmalloc_highwater, 30)
{
	struct malloc_stats s0, s1, s2;
	int64_t want;
	void *p[3], *q;

	malloc_type_stats(M_KT_HW, &s0);
	for (int i = 0; i < 3; i++)
		p[i] = kmalloc(1000, M_KT_HW, M_WAITOK);
	for (int i = 0; i < 3; i++)
		kfree(p[i], M_KT_HW);
	malloc_type_stats(M_KT_HW, &s1);
	want = MAX(s0.ms_highwater, s0.ms_inuse + 3 * 1024);
	KT_ASSERT_EQ(s1.ms_highwater, want);
	KT_ASSERT_EQ(s1.ms_inuse, s0.ms_inuse);
	/* A smaller peak later does not lower it. */
	q = kmalloc(1000, M_KT_HW, M_WAITOK);
	kfree(q, M_KT_HW);
	malloc_type_stats(M_KT_HW, &s2);
	KT_ASSERT_EQ(s2.ms_highwater, want);
}

KTEST(kmalloc_zero_flag, 30)
{
	static const size_t sizes[] = { 24, 200, 2000, 5000, 3 * PAGE_SIZE };

	for (size_t i = 0; i < nitems(sizes); i++) {
		void *p = kmalloc(sizes[i], M_KT_MISC, M_WAITOK);
		size_t usable = kmalloc_usable_size(p);
		int zero;

		memset(p, 0xa5, usable);
		kfree(p, M_KT_MISC);
		p = kmalloc(sizes[i], M_KT_MISC, M_WAITOK | M_ZERO);
		zero = all_bytes_are(p, 0, kmalloc_usable_size(p));
		kfree(p, M_KT_MISC);
		KT_ASSERT_MSG(zero, "kmalloc(%lu, M_ZERO) not zeroed",
		    sizes[i]);
	}
}

KTEST(kmalloc_large_allocation, 30)
{
	size_t size = 3 * PAGE_SIZE + 1;
	struct malloc_stats before, during, after;
	u_char *p;
	int ok;

	malloc_type_stats(M_KT_MISC, &before);
	p = kmalloc(size, M_KT_MISC, M_WAITOK);
	KT_ASSERT(p != NULL);
	KT_ASSERT_EQ((uintptr_t)p & PAGE_MASK, 0);
	KT_ASSERT_EQ(kmalloc_usable_size(p), 4 * PAGE_SIZE);
	malloc_type_stats(M_KT_MISC, &during);
	for (size_t i = 0; i < 4 * PAGE_SIZE; i++)
		p[i] = (u_char)(i * 7);
	ok = 1;
	for (size_t i = 0; i < 4 * PAGE_SIZE; i++)
		ok &= p[i] == (u_char)(i * 7);
	kfree(p, M_KT_MISC);
	malloc_type_stats(M_KT_MISC, &after);
	KT_ASSERT(ok);
	KT_ASSERT_EQ(during.ms_inuse, before.ms_inuse + 4 * PAGE_SIZE);
	KT_ASSERT_EQ(during.ms_count, before.ms_count + 1);
	KT_ASSERT_EQ(after.ms_inuse, before.ms_inuse);
	KT_ASSERT_EQ(after.ms_count, before.ms_count);
}

static void
fill_seq(u_char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (u_char)(i * 13 + 5);
}

static int
check_seq(const u_char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (u_char)(i * 13 + 5))
			return (0);
	return (1);
}

KTEST(kmalloc_realloc_preserves_data, 30)
{
	struct malloc_stats before, during;
	u_char *p;

	malloc_type_stats(M_KT_MISC, &before);
	p = kmalloc(40, M_KT_MISC, M_WAITOK);
	fill_seq(p, 40);
	p = krealloc(p, 1500, M_KT_MISC, M_WAITOK);	/* small to small */
	KT_ASSERT(p != NULL && kmalloc_usable_size(p) >= 1500);
	KT_ASSERT(check_seq(p, 40));
	fill_seq(p, 1500);
	p = krealloc(p, 3 * PAGE_SIZE, M_KT_MISC, M_WAITOK); /* to pages */
	KT_ASSERT(p != NULL && kmalloc_usable_size(p) >= 3 * PAGE_SIZE);
	KT_ASSERT(check_seq(p, 1500));
	malloc_type_stats(M_KT_MISC, &during);
	KT_ASSERT_EQ(during.ms_count, before.ms_count + 1);
	p = krealloc(p, 20, M_KT_MISC, M_WAITOK);	/* shrink to 32 */
	KT_ASSERT(p != NULL);
	KT_ASSERT_EQ(kmalloc_usable_size(p), 32);
	KT_ASSERT(check_seq(p, 20));
	kfree(p, M_KT_MISC);
	malloc_type_stats(M_KT_MISC, &during);
	KT_ASSERT_EQ(during.ms_count, before.ms_count);
	KT_ASSERT_EQ(during.ms_inuse, before.ms_inuse);
}

KTEST(kmalloc_realloc_null_allocates, 30)
{
	void *p = krealloc(NULL, 64, M_KT_MISC, M_WAITOK);

	KT_ASSERT(p != NULL);
	KT_ASSERT_EQ(kmalloc_usable_size(p), 64);
	kfree(p, M_KT_MISC);
}

KTEST(kmalloc_nowait_failure_counted, 30)
{
	struct malloc_stats before, after;
	void *p, *q;

	malloc_type_stats(M_KT_FAIL, &before);
	kmalloc_fail_inject(M_KT_FAIL, 1);
	p = kmalloc(64, M_KT_FAIL, M_NOWAIT);
	q = kmalloc(64, M_KT_FAIL, M_NOWAIT);	/* only one was injected */
	malloc_type_stats(M_KT_FAIL, &after);
	kfree(q, M_KT_FAIL);
	KT_ASSERT(p == NULL);
	KT_ASSERT(q != NULL);
	KT_ASSERT_EQ(after.ms_failures, before.ms_failures + 1);
	KT_ASSERT_EQ(after.ms_total, before.ms_total + 1);
	KT_ASSERT_EQ(after.ms_count, before.ms_count + 1);
}

KTEST(kmalloc_standard_types_registered, 30)
{
	static const char *const names[] = { "temp", "devbuf", "thread" };
	struct malloc_type *want[] = { M_TEMP, M_DEVBUF, M_THREAD };

	for (size_t i = 0; i < nitems(names); i++) {
		KT_ASSERT(want[i]->ks_shortdesc != NULL);
		KT_ASSERT_MSG(strcmp(want[i]->ks_shortdesc, names[i]) == 0,
		    "type %lu is called %s", i, want[i]->ks_shortdesc);
	}
}

static void
count_type(struct malloc_type *type, void *arg)
{
	if (type == M_TEMP || type == M_DEVBUF || type == M_THREAD ||
	    type == M_KT_MISC)
		(*(int *)arg)++;
}

KTEST(kmalloc_type_foreach_visits_every_type, 30)
{
	int seen = 0;

	malloc_type_foreach(count_type, &seen);
	KT_ASSERT_EQ(seen, 4);
}

KTEST_EXPECT_PANIC(kmalloc_double_free_panics, "double free", 30)
{
	void *p = kmalloc(64, M_KT_MISC, M_WAITOK);

	kfree(p, M_KT_MISC);
	kfree(p, M_KT_MISC);
}

KTEST_EXPECT_PANIC(kmalloc_wrong_type_panics,
    "allocated as ktest_misc, freed as ktest_other", 30)
{
	void *p = kmalloc(64, M_KT_MISC, M_WAITOK);

	kfree(p, M_KT_OTHER);
}

KTEST_EXPECT_PANIC(kmalloc_large_double_free_panics, "double free", 30)
{
	void *p = kmalloc(2 * PAGE_SIZE, M_KT_MISC, M_WAITOK);

	kfree(p, M_KT_MISC);
	kfree(p, M_KT_MISC);
}

KTEST_EXPECT_PANIC(kmalloc_large_wrong_type_panics,
    "allocated as ktest_misc, freed as ktest_other", 30)
{
	void *p = kmalloc(2 * PAGE_SIZE, M_KT_MISC, M_WAITOK);

	kfree(p, M_KT_OTHER);
}

KTEST_EXPECT_PANIC(kmalloc_free_of_non_kmalloc_memory_panics,
    "is not allocated by kmalloc", 30)
{
	static char not_heap[64];

	kfree(not_heap, M_KT_MISC);
}

KTEST(kmalloc_free_poisons_memory, 30)
{
	uint32_t *p = kmalloc(64, M_KT_MISC, M_WAITOK);

	memset(p, 0, 64);
	kfree(p, M_KT_MISC);
	/* Reading freed memory is harmless here; the words are poisoned. */
	for (int i = 0; i < 16; i++)
		KT_ASSERT_MSG(p[i] == KMALLOC_POISON32,
		    "word %d of freed memory is 0x%x", i, p[i]);
}

KTEST_EXPECT_PANIC(kmalloc_use_after_free_write_detected, "use after free",
    30)
{
	uint64_t *p = kmalloc(64, M_KT_MISC, M_WAITOK), *q;

	kfree(p, M_KT_MISC);
	p[3] = 42;				/* the bug */
	q = kmalloc(64, M_KT_MISC, M_WAITOK);	/* same CPU: same object */
	kfree(q, M_KT_MISC);
}

KTEST(kmalloc_leakcheck_names_type_and_counts, 30)
{
	struct kmalloc_snapshot *snap = kmalloc_snapshot_take();
	char why[256];
	void *a, *b;
	int leaked, clean;

	a = kmalloc(100, M_KT_LEAK, M_WAITOK);
	b = kmalloc(120, M_KT_LEAK, M_WAITOK);
	leaked = kmalloc_leakcheck(snap, why, sizeof(why));
	kfree(a, M_KT_LEAK);
	kfree(b, M_KT_LEAK);
	clean = kmalloc_leakcheck(snap, NULL, 0);
	kmalloc_snapshot_free(snap);
	KT_ASSERT_EQ(leaked, 1);
	KT_ASSERT_MSG(strstr(why, "leak: ktest_leak +2 allocations "
	    "(+256 bytes)") != NULL, "reason: %s", why);
	KT_ASSERT_EQ(clean, 0);
}

KTEST(kmalloc_leakcheck_covers_objcaches, 30)
{
	struct objcache *oc = objcache_create("kt_leakoc", 48, NULL);
	struct kmalloc_snapshot *snap = kmalloc_snapshot_take();
	char why[256];
	int leaked, clean;
	void *o;

	o = objcache_get(oc, M_WAITOK);
	leaked = kmalloc_leakcheck(snap, why, sizeof(why));
	objcache_put(oc, o);	/* cached now, no longer in use */
	clean = kmalloc_leakcheck(snap, NULL, 0);
	kmalloc_snapshot_free(snap);
	objcache_destroy(oc);
	KT_ASSERT_EQ(leaked, 1);
	KT_ASSERT_MSG(strstr(why, "leak: objcache kt_leakoc +1 objects") !=
	    NULL, "reason: %s", why);
	KT_ASSERT_EQ(clean, 0);
}

KTEST(kmalloc_leakcheck_reports_new_objcache, 30)
{
	struct kmalloc_snapshot *snap = kmalloc_snapshot_take();
	struct objcache *oc = objcache_create("kt_newoc", 48, NULL);
	char why[256];
	int leaked, clean;

	leaked = kmalloc_leakcheck(snap, why, sizeof(why));
	objcache_destroy(oc);
	clean = kmalloc_leakcheck(snap, NULL, 0);
	kmalloc_snapshot_free(snap);
	KT_ASSERT_EQ(leaked, 1);
	KT_ASSERT_MSG(strstr(why, "objcache kt_newoc created") != NULL,
	    "reason: %s", why);
	KT_ASSERT_EQ(clean, 0);
}

/*
 * M_WAITOK when memory is exhausted: the allocation sleeps and succeeds
 * once memory is given back.  The helper is spawned before memory is
 * taken (spawning allocates) and on this CPU, whose per-CPU caches were
 * drained, so nothing it could reclaim would satisfy it early.
 */
struct wait_state {
	volatile int	ws_go;
	volatile int	ws_done;
	void		*ws_result;
};

static void
wait_helper(void *arg)
{
	struct wait_state *ws = arg;

	while (!ws->ws_go)
		tsleep(ws, 0, "ktgo", 1);
	ws->ws_result = kmalloc(2 * PAGE_SIZE, M_KT_WAIT, M_WAITOK);
	ws->ws_done = 1;
}

static void
take_all_pages(vm_paddr_t *head)
{
	vm_paddr_t pa;

	*head = 0;
	for (int round = 0; round < 3; round++) {
		while ((pa = vm_page_alloc()) != 0) {
			*(vm_paddr_t *)PHYS_TO_DMAP(pa) = *head;
			*head = pa;
		}
		objcache_reclaim_all();
	}
	while ((pa = vm_page_alloc()) != 0) {
		*(vm_paddr_t *)PHYS_TO_DMAP(pa) = *head;
		*head = pa;
	}
}

static void
give_back_pages(vm_paddr_t head)
{
	vm_paddr_t pa;

	while ((pa = head) != 0) {
		head = *(vm_paddr_t *)PHYS_TO_DMAP(pa);
		vm_page_free(pa);
	}
}

KTEST(kmalloc_waitok_sleeps_until_memory_is_freed, 60)
{
	static struct wait_state ws;
	vm_paddr_t pages;
	int done_while_empty;

	ws.ws_go = ws.ws_done = 0;
	ws.ws_result = NULL;
	ktest_spawn(wait_helper, &ws, mycpuid, "ktwaitok");
	take_all_pages(&pages);
	ws.ws_go = 1;
	tsleep(&ws.ws_done, 0, "ktempty", hz / 2);
	done_while_empty = ws.ws_done;
	give_back_pages(pages);
	ktest_join();
	if (ws.ws_result != NULL)
		kfree(ws.ws_result, M_KT_WAIT);
	KT_ASSERT_EQ(done_while_empty, 0);
	KT_ASSERT_EQ(ws.ws_done, 1);
	KT_ASSERT(ws.ws_result != NULL);
}

/*
 * Every CPU allocates mixed sizes, small and large, stamps them, and
 * frees about a quarter of them on another CPU (through exchange slots);
 * the stamps must survive and the type's counters come back to zero.
 */
#define KS_ITERS	10000
#define KS_SLOTS	32
#define KS_MAXSIZE	9000

static void *volatile ks_slot[KS_SLOTS];

static void
ks_stamp(uint32_t *p, size_t size, uint32_t mark)
{
	for (size_t i = 0; i < size / 4; i++)
		p[i] = mark ^ (uint32_t)i;
}

static int
ks_check(const uint32_t *p, size_t size)
{
	uint32_t mark = p[0];

	for (size_t i = 0; i < size / 4; i++)
		if (p[i] != (mark ^ (uint32_t)i))
			return (0);
	return (1);
}

static void
ks_release(void *p)
{
	KT_ASSERT_MSG(ks_check(p, kmalloc_usable_size(p)),
	    "kmalloc object %p was corrupted", p);
	kfree(p, M_KT_STRESS);
}

static void
ks_worker(void *arg)
{
	uint32_t me = (uint32_t)(uintptr_t)arg;
	uint64_t rnd = me * 104729 + 17;

	for (int it = 0; it < KS_ITERS; it++) {
		size_t size;
		void *p, *old;

		rnd = rnd * 6364136223846793005UL + 1442695040888963407UL;
		size = 4 + (rnd >> 33) % (((rnd >> 20) & 7) == 0 ?
		    KS_MAXSIZE : 512);
		p = kmalloc(size, M_KT_STRESS, M_WAITOK);
		KT_ASSERT(p != NULL);
		ks_stamp(p, kmalloc_usable_size(p), (me << 24) | it);
		if (((rnd >> 40) & 3) == 0) {
			old = atomic_swap_ptr(&ks_slot[(rnd >> 44) % KS_SLOTS],
			    p);
			if (old != NULL)
				ks_release(old);
		} else
			ks_release(p);
		if ((it & 63) == 0)
			lwkt_yield();
	}
}

KTEST(kmalloc_stress_all_cpus, 180)
{
	struct malloc_stats before, after;

	malloc_type_stats(M_KT_STRESS, &before);
	for (int i = 0; i < KS_SLOTS; i++)
		ks_slot[i] = NULL;
	for (int i = 0; i < ncpus; i++)
		ktest_spawn(ks_worker, (void *)(uintptr_t)i, i, "kmstress");
	ktest_join();
	for (int i = 0; i < KS_SLOTS; i++)
		if (ks_slot[i] != NULL)
			ks_release(ks_slot[i]);
	malloc_type_stats(M_KT_STRESS, &after);
	KT_ASSERT_EQ(after.ms_count, before.ms_count);
	KT_ASSERT_EQ(after.ms_inuse, before.ms_inuse);
	KT_ASSERT_EQ(after.ms_total, before.ms_total + ncpus * KS_ITERS);
}
