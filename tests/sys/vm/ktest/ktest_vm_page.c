/*
 * ktest_vm_page.c: self tests for the physical page allocator
 * (sys/vm/vm_page.c): block alignment, accounting, buddy merging,
 * exhaustion, double-free detection and free-page poisoning.
 *
 * Several cases take every free page for a moment.  They give everything
 * back before asserting, so a failing case does not starve the runner.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>

/* Every free page, chained through its first word. */
struct page_chain {
	vm_paddr_t	pc_head;
	uint64_t	pc_n;
};

static void
chain_alloc_all(struct page_chain *c)
{
	vm_paddr_t pa;

	c->pc_head = 0;
	c->pc_n = 0;
	while ((pa = vm_page_alloc()) != 0) {
		*(vm_paddr_t *)PHYS_TO_DMAP(pa) = c->pc_head;
		c->pc_head = pa;
		c->pc_n++;
	}
}

static void
chain_free_all(struct page_chain *c)
{
	vm_paddr_t pa;

	while ((pa = c->pc_head) != 0) {
		c->pc_head = *(vm_paddr_t *)PHYS_TO_DMAP(pa);
		vm_page_free(pa);
	}
}

KTEST(vm_page_alloc_free_roundtrip, 30)
{
	uint64_t before = vm_page_free_count();
	vm_paddr_t pa;

	pa = vm_page_alloc();
	KT_ASSERT(pa != 0);
	KT_ASSERT_EQ(pa & PAGE_MASK, 0);
	KT_ASSERT(vm_page_lookup(pa) != NULL);
	KT_ASSERT_EQ(vm_page_lookup(pa)->p_phys, pa);
	KT_ASSERT_EQ(vm_page_free_count(), before - 1);
	memset(PHYS_TO_DMAP(pa), 0x5a, PAGE_SIZE);	/* usable memory */
	vm_page_free(pa);
	KT_ASSERT_EQ(vm_page_free_count(), before);
}

KTEST(vm_page_blocks_are_aligned_to_their_size, 30)
{
	for (int order = 0; order <= VM_MAX_ORDER; order++) {
		uint64_t before = vm_page_free_count();
		vm_paddr_t pa = vm_page_alloc_order(order);

		KT_ASSERT_MSG(pa != 0, "no block of order %d", order);
		KT_ASSERT_EQ(pa & ((PAGE_SIZE << order) - 1), 0);
		KT_ASSERT_EQ(vm_page_free_count(), before - (1UL << order));
		vm_page_free_order(pa, order);
		KT_ASSERT_EQ(vm_page_free_count(), before);
	}
}

/*
 * Taking every page one at a time splits every block down to single
 * pages; giving them back must merge buddies all the way up again, so a
 * largest-order block is available afterwards.
 */
KTEST(vm_page_buddy_coalesces, 120)
{
	uint64_t before = vm_page_free_count();
	struct page_chain c;
	vm_paddr_t pa, big_when_empty;

	pa = vm_page_alloc_order(VM_MAX_ORDER);
	KT_ASSERT_MSG(pa != 0, "no order %d block to start with",
	    VM_MAX_ORDER);
	vm_page_free_order(pa, VM_MAX_ORDER);

	chain_alloc_all(&c);
	big_when_empty = vm_page_alloc_order(VM_MAX_ORDER);
	chain_free_all(&c);

	KT_ASSERT_EQ(big_when_empty, 0);
	KT_ASSERT_EQ(c.pc_n, before);
	KT_ASSERT_EQ(vm_page_free_count(), before);
	pa = vm_page_alloc_order(VM_MAX_ORDER);
	KT_ASSERT_MSG(pa != 0, "order %d block not rebuilt by merging",
	    VM_MAX_ORDER);
	vm_page_free_order(pa, VM_MAX_ORDER);
}

KTEST(vm_page_exhaustion_returns_zero, 120)
{
	uint64_t before = vm_page_free_count(), free_when_empty;
	vm_paddr_t again0, again3;
	struct page_chain c;

	chain_alloc_all(&c);
	free_when_empty = vm_page_free_count();
	again0 = vm_page_alloc();
	again3 = vm_page_alloc_order(3);
	chain_free_all(&c);

	KT_ASSERT_EQ(c.pc_n, before);
	KT_ASSERT_EQ(free_when_empty, 0);
	KT_ASSERT_EQ(again0, 0);
	KT_ASSERT_EQ(again3, 0);
	KT_ASSERT_EQ(vm_page_free_count(), before);
	KT_ASSERT(vm_page_total_count() >= before);
}

KTEST_EXPECT_PANIC(vm_page_double_free_panics, "double free", 30)
{
	vm_paddr_t pa = vm_page_alloc();

	KT_ASSERT(pa != 0);
	vm_page_free(pa);
	vm_page_free(pa);
}

KTEST_EXPECT_PANIC(vm_page_free_of_tail_page_panics,
    "is not an allocated block", 30)
{
	vm_paddr_t pa = vm_page_alloc_order(2);

	KT_ASSERT(pa != 0);
	vm_page_free(pa + PAGE_SIZE);
}

KTEST(vm_page_free_poisons_page, 30)
{
	vm_paddr_t pa = vm_page_alloc();
	const uint64_t *w;

	KT_ASSERT(pa != 0);
	w = PHYS_TO_DMAP(pa);
	memset(PHYS_TO_DMAP(pa), 0, PAGE_SIZE);
	vm_page_free(pa);
	/* Reading a free page is harmless; the allocator filled it. */
	for (u_long i = 0; i < PAGE_SIZE / sizeof(*w); i++)
		KT_ASSERT_MSG(w[i] == VM_PAGE_POISON,
		    "word %lu of a freed page is 0x%lx", i, w[i]);
}

/* A write into a free page is found when the page is handed out again. */
KTEST_EXPECT_PANIC(vm_page_write_after_free_detected, "modified after free",
    120)
{
	struct page_chain c;
	vm_paddr_t pa = vm_page_alloc();

	KT_ASSERT(pa != 0);
	vm_page_free(pa);
	((volatile uint64_t *)PHYS_TO_DMAP(pa))[17] = 1;
	chain_alloc_all(&c);		/* reaches pa, which must panic */
	chain_free_all(&c);
}

/*
 * Every CPU allocates and frees blocks of mixed orders, stamping each
 * page with its owner and checking the stamp before freeing: no block
 * is handed to two CPUs at once, and every page comes back.
 */
#define VPS_ITERS	2000
#define VPS_HELD	8

static uint64_t
vps_random(uint64_t *state)
{
	*state = *state * 6364136223846793005UL + 1442695040888963407UL;
	return (*state >> 33);
}

static void
vps_worker(void *arg)
{
	uint64_t me = (uint64_t)(uintptr_t)arg, rnd = me * 7919 + 1;
	vm_paddr_t held[VPS_HELD];
	int order[VPS_HELD];

	for (int it = 0; it < VPS_ITERS; it++) {
		int n = 0;

		for (int j = 0; j < VPS_HELD; j++) {
			order[n] = vps_random(&rnd) % 4;
			held[n] = vm_page_alloc_order(order[n]);
			if (held[n] == 0)
				continue;
			for (int p = 0; p < (1 << order[n]); p++)
				*(uint64_t *)PHYS_TO_DMAP(held[n] +
				    p * PAGE_SIZE) = (me << 32) | it;
			n++;
		}
		lwkt_yield();
		for (int j = 0; j < n; j++) {
			for (int p = 0; p < (1 << order[j]); p++)
				KT_ASSERT_EQ(*(uint64_t *)PHYS_TO_DMAP(held[j] +
				    p * PAGE_SIZE), (me << 32) | it);
			vm_page_free_order(held[j], order[j]);
		}
	}
}

KTEST(vm_page_concurrent_alloc_free_all_cpus, 120)
{
	for (int i = 0; i < ncpus; i++)
		ktest_spawn(vps_worker, (void *)(uintptr_t)i, i, "vmpstress");
	ktest_join();
	/* Thread stacks are freed lazily: only the stamps are checked. */
}
