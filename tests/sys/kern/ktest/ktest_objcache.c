/*
 * ktest_objcache.c: self tests for the object caches
 * (sys/kern/kern_objcache.c): per-CPU magazines, cross-CPU puts,
 * statistics, reclaim, M_NOWAIT failure and the INVARIANTS checks
 * (use after free, double put, foreign objects).
 *
 * Every case creates its own cache and destroys it before returning.
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

static MALLOC_DEFINE(M_KT_OC, "ktest_objcache", "objcache ktest: charged");

KTEST(objcache_get_put_same_cpu, 30)
{
	struct objcache *oc = objcache_create("kt_same", 100, NULL);
	struct objcache_stats s1, s2, s3;
	void *o, *again;

	o = objcache_get(oc, M_WAITOK);
	KT_ASSERT(o != NULL);
	KT_ASSERT_EQ((uintptr_t)o & 15, 0);
	memset(o, 0x11, 100);
	objcache_stats(oc, &s1);
	objcache_put(oc, o);
	objcache_stats(oc, &s2);
	/* The CPU's magazine is last in, first out. */
	again = objcache_get(oc, M_WAITOK);
	objcache_put(oc, again);
	objcache_stats(oc, &s3);
	objcache_destroy(oc);
	KT_ASSERT_EQ(s1.os_inuse, 1);
	KT_ASSERT_EQ(s1.os_total, 1);
	KT_ASSERT_EQ(s2.os_inuse, 0);
	KT_ASSERT(s2.os_cached >= 1);
	KT_ASSERT(again == o);
	KT_ASSERT_EQ(s3.os_total, 2);
	KT_ASSERT_EQ(s3.os_inuse, 0);
	KT_ASSERT_EQ(s3.os_failures, 0);
}

KTEST(objcache_name_is_kept, 30)
{
	char name[16];
	struct objcache *oc;
	int same;

	strlcpy(name, "kt_named", sizeof(name));
	oc = objcache_create(name, 32, NULL);
	name[0] = 'X';			/* the cache keeps its own copy */
	same = strcmp(objcache_name(oc), "kt_named") == 0;
	objcache_destroy(oc);
	KT_ASSERT(same);
}

/* Many live objects: each has its own memory, none overlap. */
#define DIST_N	300

KTEST(objcache_objects_do_not_overlap, 30)
{
	static uint32_t *objs[DIST_N];
	struct objcache *oc = objcache_create("kt_overlap", 72, NULL);
	int bad = -1;

	for (int i = 0; i < DIST_N; i++) {
		objs[i] = objcache_get(oc, M_WAITOK);
		for (int w = 0; w < 72 / 4; w++)
			objs[i][w] = (uint32_t)i;
	}
	for (int i = 0; i < DIST_N && bad < 0; i++)
		for (int w = 0; w < 72 / 4; w++)
			if (objs[i][w] != (uint32_t)i)
				bad = i;
	for (int i = 0; i < DIST_N; i++)
		objcache_put(oc, objs[i]);
	objcache_destroy(oc);
	KT_ASSERT_EQ(bad, -1);
}

KTEST(objcache_zero_flag, 30)
{
	struct objcache *oc = objcache_create("kt_zero", 200, NULL);
	u_char *o;
	int zero = 1;

	o = objcache_get(oc, M_WAITOK);
	memset(o, 0xa5, 200);
	objcache_put(oc, o);
	o = objcache_get(oc, M_WAITOK | M_ZERO);
	for (int i = 0; i < 200; i++)
		zero &= o[i] == 0;
	objcache_put(oc, o);
	objcache_destroy(oc);
	KT_ASSERT(zero);
}

/* A cache with a malloc type charges it for objects in use only. */
KTEST(objcache_type_charged_for_objects_in_use, 30)
{
	struct objcache *oc = objcache_create("kt_typed", 96, M_KT_OC);
	struct malloc_stats before, held, back;
	void *o;

	malloc_type_stats(M_KT_OC, &before);
	o = objcache_get(oc, M_WAITOK);
	malloc_type_stats(M_KT_OC, &held);
	objcache_put(oc, o);
	malloc_type_stats(M_KT_OC, &back);
	objcache_destroy(oc);
	KT_ASSERT_EQ(held.ms_count, before.ms_count + 1);
	KT_ASSERT_EQ(held.ms_inuse, before.ms_inuse + 96);
	KT_ASSERT_EQ(back.ms_count, before.ms_count);
	KT_ASSERT_EQ(back.ms_inuse, before.ms_inuse);
}

/*
 * Objects taken on CPU a are returned on CPU b, for every a: the counts
 * (kept per CPU) still add up, and the objects are reusable.
 */
#define XC_N	100

static struct objcache *xc_oc;
static void *xc_objs[XC_N];

static void
xc_getter(void *arg)
{
	for (int i = 0; i < XC_N; i++) {
		xc_objs[i] = objcache_get(xc_oc, M_WAITOK);
		KT_ASSERT(xc_objs[i] != NULL);
		*(int *)xc_objs[i] = mycpuid * 1000 + i;
	}
}

static void
xc_putter(void *arg)
{
	int from = (int)(intptr_t)arg;

	for (int i = 0; i < XC_N; i++) {
		KT_ASSERT_EQ(*(int *)xc_objs[i], from * 1000 + i);
		objcache_put(xc_oc, xc_objs[i]);
	}
}

KTEST(objcache_cross_cpu_put, 60)
{
	struct objcache_stats os;

	xc_oc = objcache_create("kt_xcpu", 64, NULL);
	for (int a = 0; a < ncpus; a++) {
		int b = (a + 1) % ncpus;

		ktest_spawn(xc_getter, NULL, a, "ocget");
		ktest_join();
		if (ktest_failed())
			break;
		ktest_spawn(xc_putter, (void *)(intptr_t)a, b, "ocput");
		ktest_join();
		objcache_stats(xc_oc, &os);
		if (os.os_inuse != 0)
			break;
	}
	objcache_stats(xc_oc, &os);
	objcache_destroy(xc_oc);
	KT_ASSERT_EQ(os.os_inuse, 0);
	KT_ASSERT_EQ(os.os_total, XC_N * ncpus);
	KT_ASSERT_EQ(os.os_failures, 0);
}

/*
 * Threads on every CPU get and put objects, writing an ownership mark
 * over each object while they hold it and checking it before letting
 * go.  A quarter of the objects are left in exchange slots and put back
 * by whichever thread (on whatever CPU) finds them.  An object handed to
 * two holders at once would have its mark overwritten.  Now and then a
 * thread holds a batch larger than two magazines, so full and empty
 * magazines go through the depot.
 */
#define ST_ITERS	20000
#define ST_BATCH	8
#define ST_BIGBATCH	100
#define ST_SLOTS	64
#define ST_WORDS	8		/* 64-byte objects */

static struct objcache *st_oc;
static void *volatile st_slot[ST_SLOTS];
static uint64_t st_gets[MAXCPU];

static void
st_mark(uint64_t *o, uint64_t mark)
{
	for (int i = 0; i < ST_WORDS; i++)
		o[i] = mark + i;
}

static int
st_check(const uint64_t *o, uint64_t mark)
{
	for (int i = 0; i < ST_WORDS; i++)
		if (o[i] != mark + i)
			return (0);
	return (1);
}

/* An object found in a slot carries its last holder's mark. */
static void
st_put_found(uint64_t *o)
{
	KT_ASSERT_MSG(st_check(o, o[0]), "exchanged object %p corrupted", o);
	objcache_put(st_oc, o);
}

static void
st_worker(void *arg)
{
	uint64_t me = (uint64_t)(uintptr_t)arg, rnd = me * 31337 + 3;
	uint64_t *held[ST_BIGBATCH];

	for (int it = 0; it < ST_ITERS; it++) {
		uint64_t mark = (me << 48) | ((uint64_t)it << 8);
		int n;

		rnd = rnd * 6364136223846793005UL + 1442695040888963407UL;
		n = (it % 16 == 0) ? ST_BIGBATCH : 1 + (rnd >> 33) % ST_BATCH;
		for (int j = 0; j < n; j++) {
			held[j] = objcache_get(st_oc, M_WAITOK);
			KT_ASSERT(held[j] != NULL);
			st_gets[me]++;
			st_mark(held[j], mark + j * ST_WORDS);
		}
		if ((it & 15) == 0)
			lwkt_yield();
		for (int j = 0; j < n; j++) {
			void *old;

			KT_ASSERT_MSG(st_check(held[j], mark + j * ST_WORDS),
			    "object %p changed while held by cpu %lu",
			    held[j], me);
			rnd = rnd * 6364136223846793005UL + 1;
			if (((rnd >> 35) & 3) != 0) {
				objcache_put(st_oc, held[j]);
				continue;
			}
			old = atomic_swap_ptr(&st_slot[(rnd >> 40) % ST_SLOTS],
			    held[j]);
			if (old != NULL)
				st_put_found(old);
		}
	}
}

KTEST(objcache_stress_all_cpus, 180)
{
	struct objcache_stats os;
	uint64_t gets = 0;

	st_oc = objcache_create("kt_stress", ST_WORDS * 8, NULL);
	for (int i = 0; i < ST_SLOTS; i++)
		st_slot[i] = NULL;
	for (int i = 0; i < MAXCPU; i++)
		st_gets[i] = 0;
	for (int i = 0; i < ncpus; i++)
		ktest_spawn(st_worker, (void *)(uintptr_t)i, i, "ocstress");
	ktest_join();
	for (int i = 0; i < ST_SLOTS; i++)
		if (st_slot[i] != NULL)
			st_put_found(st_slot[i]);
	for (int i = 0; i < ncpus; i++)
		gets += st_gets[i];
	objcache_stats(st_oc, &os);
	objcache_destroy(st_oc);
	KT_ASSERT_EQ(os.os_inuse, 0);
	KT_ASSERT_EQ(os.os_total, gets);
	KT_ASSERT(gets >= (uint64_t)ncpus * ST_ITERS);
}

/* reclaim drains this CPU's magazines and the depot into the slabs. */
#define RC_N	200

KTEST(objcache_reclaim_returns_free_objects, 30)
{
	static void *objs[RC_N];
	struct objcache *oc = objcache_create("kt_reclaim", 128, NULL);
	struct objcache_stats full, drained;

	for (int i = 0; i < RC_N; i++)
		objs[i] = objcache_get(oc, M_WAITOK);
	for (int i = 0; i < RC_N; i++)
		objcache_put(oc, objs[i]);
	objcache_stats(oc, &full);
	objcache_reclaim(oc);
	objcache_stats(oc, &drained);
	objcache_destroy(oc);
	KT_ASSERT(full.os_cached >= RC_N);
	KT_ASSERT_EQ(drained.os_cached, 0);
	KT_ASSERT_EQ(drained.os_inuse, 0);
}

/* With every page taken, a get on an empty cache fails and is counted. */
static vm_paddr_t
oc_take_all_pages(void)
{
	vm_paddr_t head = 0, pa;

	for (int round = 0; round < 3; round++) {
		while ((pa = vm_page_alloc()) != 0) {
			*(vm_paddr_t *)PHYS_TO_DMAP(pa) = head;
			head = pa;
		}
		objcache_reclaim_all();
	}
	while ((pa = vm_page_alloc()) != 0) {
		*(vm_paddr_t *)PHYS_TO_DMAP(pa) = head;
		head = pa;
	}
	return (head);
}

static void
oc_give_back_pages(vm_paddr_t head)
{
	vm_paddr_t pa;

	while ((pa = head) != 0) {
		head = *(vm_paddr_t *)PHYS_TO_DMAP(pa);
		vm_page_free(pa);
	}
}

KTEST(objcache_nowait_failure_counted, 60)
{
	struct objcache *oc = objcache_create("kt_nowait", 512, NULL);
	struct objcache_stats empty, after;
	vm_paddr_t pages;
	void *none, *some;

	pages = oc_take_all_pages();
	none = objcache_get(oc, M_NOWAIT);
	objcache_stats(oc, &empty);
	oc_give_back_pages(pages);
	some = objcache_get(oc, M_NOWAIT);
	if (none != NULL)
		objcache_put(oc, none);
	if (some != NULL)
		objcache_put(oc, some);
	objcache_stats(oc, &after);
	objcache_destroy(oc);
	KT_ASSERT(none == NULL);
	KT_ASSERT_EQ(empty.os_failures, 1);
	KT_ASSERT_EQ(empty.os_total, 0);
	KT_ASSERT(some != NULL);
	KT_ASSERT_EQ(after.os_total, 1);
	KT_ASSERT_EQ(after.os_failures, 1);
}

KTEST_EXPECT_PANIC(objcache_use_after_free_detected,
    "objcache kt_uaf: use after free", 30)
{
	struct objcache *oc = objcache_create("kt_uaf", 64, NULL);
	uint32_t *o = objcache_get(oc, M_WAITOK);

	objcache_put(oc, o);
	o[5] = 0x1234;				/* the bug */
	o = objcache_get(oc, M_WAITOK);		/* same CPU: same object */
	objcache_put(oc, o);
	objcache_destroy(oc);
}

KTEST_EXPECT_PANIC(objcache_double_put_panics, "objcache kt_dput: double put",
    30)
{
	struct objcache *oc = objcache_create("kt_dput", 64, NULL);
	void *o = objcache_get(oc, M_WAITOK);

	objcache_put(oc, o);
	objcache_put(oc, o);
	objcache_destroy(oc);
}

KTEST_EXPECT_PANIC(objcache_put_into_wrong_cache_panics,
    "is not one of its objects", 30)
{
	struct objcache *a = objcache_create("kt_a", 64, NULL);
	struct objcache *b = objcache_create("kt_b", 64, NULL);
	void *o = objcache_get(a, M_WAITOK);

	objcache_put(b, o);
	objcache_destroy(a);
	objcache_destroy(b);
}

KTEST_EXPECT_PANIC(objcache_destroy_with_objects_in_use_panics,
    "objects still in use", 30)
{
	struct objcache *oc = objcache_create("kt_busy", 64, NULL);
	void *o = objcache_get(oc, M_WAITOK);

	objcache_destroy(oc);
	objcache_put(oc, o);
}
