/*
 * vm/vm_page.c: the physical page allocator (a buddy allocator).
 *
 * Entry points:
 *   vm_page_startup()      machdep.c, once, on the BSP before the APs start
 *   vm_page_alloc_order()  kern_kmalloc.c (large allocations),
 *                          kern_objcache.c (slabs), anyone needing pages
 *   vm_page_free_order()   the same callers
 *   vm_page_lookup()       kfree() and objcache_put() find a page's owner
 *
 * Theory of operation.
 *
 * Usable RAM arrives as a few page-aligned ranges ("segments").  Each
 * managed page has a struct vm_page in one array, carved at startup from
 * the first segment that can hold it.  Free memory is kept as blocks of
 * 2^k pages, 0 <= k <= VM_MAX_ORDER, on one free list per order.  A block
 * of order k starts at a physical address that is a multiple of its size,
 * so its buddy (the other half of the order k+1 block containing it) is
 * at pa ^ (PAGE_SIZE << k).  Allocation takes the smallest free block
 * that is big enough and splits it, putting the upper halves back on the
 * lower lists; freeing merges the block with its buddy for as long as the
 * buddy is a free block of the same order inside the same segment.
 *
 * Only the first page of a block (its head) says what the block is:
 * PG_FREE with p_order on a free list, or PG_ALLOC with p_order while
 * allocated.  A free of anything but the head of an allocated block of
 * that order (a double free, a tail page, a wrong order) panics, in every
 * build, before the memory is touched.
 *
 * Locking: one spinlock, vm_page_lock (rank SPINRANK_MEM), guards the
 * free lists, the counters and every page's p_flags/p_order.  It is a
 * leaf: nothing else is taken while it is held, and it is held only for
 * list surgery, never while memory is filled or checked.  The allocator
 * never sleeps; an empty allocator returns 0 (physical page 0 is never
 * managed).
 *
 * INVARIANTS: a freed block is filled with VM_PAGE_POISON before it goes
 * back on a free list, and every page that was poisoned is checked when
 * it is handed out again, so a write through a stale pointer into a free
 * page panics with the page's address.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/queue.h>
#include <sys/spinlock.h>
#include <machine/atomic.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>

#define VM_MAXSEGS	16

struct vm_seg {
	vm_paddr_t	vs_start;	/* [I] first managed byte */
	vm_paddr_t	vs_end;		/* [I] exclusive */
	struct vm_page	*vs_pages;	/* [I] metadata of vs_start */
};

TAILQ_HEAD(vm_freelist, vm_page);

static struct spinlock vm_page_lock = SPINLOCK_INITIALIZER("vm_page",
    SPINRANK_MEM);
static struct vm_freelist vm_free[VM_MAX_ORDER + 1];	/* [m] */
static uint64_t vm_free_pages;				/* [m], read racy */
static uint64_t vm_total_pages;				/* [I] */
static struct vm_seg vm_segs[VM_MAXSEGS];		/* [I] */
static int vm_nsegs;					/* [I] */

#define BLOCK_BYTES(order)	(PAGE_SIZE << (order))

static struct vm_seg *
vm_seg_find(vm_paddr_t pa)
{
	for (int i = 0; i < vm_nsegs; i++)
		if (pa >= vm_segs[i].vs_start && pa < vm_segs[i].vs_end)
			return (&vm_segs[i]);
	return (NULL);
}

struct vm_page *
vm_page_lookup(vm_paddr_t pa)
{
	struct vm_seg *vs = vm_seg_find(pa);

	if (vs == NULL)
		return (NULL);
	return (&vs->vs_pages[(pa - vs->vs_start) >> PAGE_SHIFT]);
}

/*
 * Free-page poisoning (INVARIANTS).  The holder owns the block while it
 * fills or checks it, so no lock is needed.
 */
static void
vm_page_poison(struct vm_page *m, int order)
{
#ifdef INVARIANTS
	for (u_long i = 0; i < (1UL << order); i++) {
		uint64_t *w = PHYS_TO_DMAP(m[i].p_phys);

		for (u_long j = 0; j < PAGE_SIZE / sizeof(*w); j++)
			w[j] = VM_PAGE_POISON;
		m[i].p_poisoned = 1;
	}
#endif
}

static void
vm_page_check_poison(struct vm_page *m, int order)
{
#ifdef INVARIANTS
	for (u_long i = 0; i < (1UL << order); i++) {
		const uint64_t *w = PHYS_TO_DMAP(m[i].p_phys);

		if (!m[i].p_poisoned)
			continue;
		for (u_long j = 0; j < PAGE_SIZE / sizeof(*w); j++)
			if (w[j] != VM_PAGE_POISON)
				panic("vm_page: page 0x%lx modified after "
				    "free (offset %lu: 0x%lx)", m[i].p_phys,
				    j * sizeof(*w), w[j]);
		m[i].p_poisoned = 0;
	}
#endif
}

static void
vm_freelist_insert_locked(struct vm_page *m, int order)
{
	SPIN_LOCK_ASSERT(&vm_page_lock);
	m->p_flags = PG_FREE;
	m->p_order = order;
	TAILQ_INSERT_HEAD(&vm_free[order], m, p_link);
}

static void
vm_freelist_remove_locked(struct vm_page *m)
{
	SPIN_LOCK_ASSERT(&vm_page_lock);
	KKASSERT(m->p_flags == PG_FREE);
	TAILQ_REMOVE(&vm_free[m->p_order], m, p_link);
	m->p_flags = 0;
}

/*
 * Startup: carve the metadata array from the first segment big enough to
 * hold it, then put every remaining page on the free lists as the largest
 * naturally aligned blocks that fit (such blocks are never buddies of one
 * another, so no merging is needed).
 */
static vm_paddr_t
vm_page_steal_meta(struct phys_range *r, int n, uint64_t bytes)
{
	vm_paddr_t pa;

	bytes = round_page(bytes);
	for (int i = 0; i < n; i++) {
		if (r[i].pr_end - r[i].pr_start < bytes)
			continue;
		pa = r[i].pr_start;
		r[i].pr_start += bytes;
		return (pa);
	}
	panic("vm_page_startup: no range holds %lu bytes of page metadata",
	    bytes);
}

static void
vm_page_add_range(struct vm_seg *vs)
{
	vm_paddr_t pa = vs->vs_start;
	int order;

	while (pa < vs->vs_end) {
		order = VM_MAX_ORDER;
		while ((pa & (BLOCK_BYTES(order) - 1)) != 0 ||
		    pa + BLOCK_BYTES(order) > vs->vs_end)
			order--;
		vm_freelist_insert_locked(
		    &vs->vs_pages[(pa - vs->vs_start) >> PAGE_SHIFT], order);
		vm_free_pages += 1UL << order;
		pa += BLOCK_BYTES(order);
	}
}

void
vm_page_startup(const struct phys_range *ranges, int nranges)
{
	struct phys_range r[VM_MAXSEGS];
	struct vm_page *meta;
	uint64_t npages = 0, idx = 0, metabytes;

	VERIFY(nranges > 0 && nranges <= VM_MAXSEGS);
	VERIFY(vm_nsegs == 0);
	for (int i = 0; i < nranges; i++) {
		r[i] = ranges[i];
		VERIFY((r[i].pr_start & PAGE_MASK) == 0);
		VERIFY((r[i].pr_end & PAGE_MASK) == 0);
		VERIFY(r[i].pr_start > 0 && r[i].pr_start < r[i].pr_end);
		VERIFY(r[i].pr_end <= DMAP_MAX_PHYS);
		npages += (r[i].pr_end - r[i].pr_start) >> PAGE_SHIFT;
	}
	for (int o = 0; o <= VM_MAX_ORDER; o++)
		TAILQ_INIT(&vm_free[o]);

	/* Sized for every page; the few holding the array go unused. */
	metabytes = npages * sizeof(struct vm_page);
	meta = PHYS_TO_DMAP(vm_page_steal_meta(r, nranges, metabytes));
	memset(meta, 0, metabytes);

	spin_lock(&vm_page_lock);
	for (int i = 0; i < nranges; i++) {
		struct vm_seg *vs = &vm_segs[vm_nsegs];
		uint64_t n = (r[i].pr_end - r[i].pr_start) >> PAGE_SHIFT;

		if (n == 0)
			continue;
		vs->vs_start = r[i].pr_start;
		vs->vs_end = r[i].pr_end;
		vs->vs_pages = &meta[idx];
		for (uint64_t j = 0; j < n; j++)
			meta[idx + j].p_phys = vs->vs_start + j * PAGE_SIZE;
		idx += n;
		vm_nsegs++;
		vm_page_add_range(vs);
	}
	vm_total_pages = vm_free_pages;
	spin_unlock(&vm_page_lock);

	kprintf("vm_page: %lu pages (%lu MiB) in %d ranges, %lu KiB of "
	    "metadata\n", vm_total_pages, vm_total_pages >> (20 - PAGE_SHIFT),
	    vm_nsegs, round_page(metabytes) >> 10);
}

/* Take the smallest free block of at least `order', split to size. */
static struct vm_page *
vm_page_take_locked(int order)
{
	struct vm_page *m;
	int k;

	SPIN_LOCK_ASSERT(&vm_page_lock);
	for (k = order; k <= VM_MAX_ORDER; k++)
		if (!TAILQ_EMPTY(&vm_free[k]))
			break;
	if (k > VM_MAX_ORDER)
		return (NULL);
	m = TAILQ_FIRST(&vm_free[k]);
	vm_freelist_remove_locked(m);
	while (k > order) {
		k--;
		vm_freelist_insert_locked(&m[1UL << k], k);
	}
	m->p_flags = PG_ALLOC;
	m->p_order = order;
	vm_free_pages -= 1UL << order;
	return (m);
}

vm_paddr_t
vm_page_alloc_order(int order)
{
	struct vm_page *m;

	KASSERT(order >= 0 && order <= VM_MAX_ORDER,
	    ("vm_page_alloc_order: order %d", order));
	spin_lock(&vm_page_lock);
	m = vm_page_take_locked(order);
	spin_unlock(&vm_page_lock);
	if (m == NULL)
		return (0);
	vm_page_check_poison(m, order);
	return (m->p_phys);
}

/*
 * The buddy of the block at m, if it is a free block of the same order
 * wholly inside the same segment.
 */
static struct vm_page *
vm_page_free_buddy_locked(struct vm_seg *vs, struct vm_page *m, int order)
{
	vm_paddr_t bpa = m->p_phys ^ BLOCK_BYTES(order);
	struct vm_page *b;

	if (bpa < vs->vs_start || bpa + BLOCK_BYTES(order) > vs->vs_end)
		return (NULL);
	b = &vs->vs_pages[(bpa - vs->vs_start) >> PAGE_SHIFT];
	if (b->p_flags != PG_FREE || b->p_order != order)
		return (NULL);
	return (b);
}

static void
vm_page_check_free(struct vm_page *m, vm_paddr_t pa, int order)
{
	if (m == NULL)
		panic("vm_page_free_order: 0x%lx is not a managed page", pa);
	if ((pa & (BLOCK_BYTES(order) - 1)) != 0)
		panic("vm_page_free_order: 0x%lx is not aligned to order %d",
		    pa, order);
	if (m->p_flags != PG_ALLOC || m->p_order != order)
		panic("vm_page_free_order: 0x%lx order %d is not an "
		    "allocated block (flags 0x%x order %d): double free?",
		    pa, order, m->p_flags, m->p_order);
}

void
vm_page_free_order(vm_paddr_t pa, int order)
{
	struct vm_page *m = vm_page_lookup(pa), *b;
	struct vm_seg *vs;

	KASSERT(order >= 0 && order <= VM_MAX_ORDER,
	    ("vm_page_free_order: order %d", order));
	/* Check before touching the memory: it may belong to someone. */
	vm_page_check_free(m, pa, order);
	for (u_long i = 0; i < (1UL << order); i++) {
		m[i].p_use = VPU_NONE;
		m[i].p_owner = NULL;
		m[i].p_slabfree = NULL;
		m[i].p_slabused = 0;
	}
	vm_page_poison(m, order);
	vs = vm_seg_find(pa);

	spin_lock(&vm_page_lock);
	vm_page_check_free(m, pa, order);	/* a racing double free */
	m->p_flags = 0;
	vm_free_pages += 1UL << order;
	while (order < VM_MAX_ORDER &&
	    (b = vm_page_free_buddy_locked(vs, m, order)) != NULL) {
		vm_freelist_remove_locked(b);
		if (b < m)
			m = b;
		order++;
	}
	vm_freelist_insert_locked(m, order);
	spin_unlock(&vm_page_lock);
}

uint64_t
vm_page_free_count(void)
{
	return (__atomic_load_n(&vm_free_pages, __ATOMIC_RELAXED));
}

uint64_t
vm_page_total_count(void)
{
	return (vm_total_pages);
}
