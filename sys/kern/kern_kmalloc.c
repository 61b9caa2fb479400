/*
 * kern/kern_kmalloc.c: kmalloc, kfree, krealloc by named malloc type.
 *
 * Entry points: kmalloc/kfree/krealloc/kmalloc_usable_size (anyone;
 * M_NOWAIT from any context, M_WAITOK only where sleeping is allowed),
 * kmalloc_init (init_main.c, on the BSP after vm_page_startup and before
 * the other CPUs start), malloc_type_stats/foreach (sysctl), the leak
 * check API (the ktest runner, subr_ktest.c), malloc_type_alloced/freed
 * (kern_objcache.c, for caches that charge a type).
 *
 * How an allocation is served:
 *   size <= KMEM_MAXSMALL   from one of KMEM_NCLASS object caches of
 *                           power-of-two sizes 16..2048 (kern_objcache.c,
 *                           per-CPU magazines, no lock in the common case);
 *   larger                  a block of 2^k pages from vm_page_alloc_order,
 *                           the head page marked VPU_KMEM with the type.
 * kfree() finds the page's struct vm_page through the direct map: a slab
 * page names its objcache (and so the size class), a VPU_KMEM head page
 * names the type and order.  No header is kept in front of objects.
 *
 * Types are charged the usable size (the class size or the whole block),
 * per CPU: ks_cpu[cpu] is written only by that CPU inside a critical
 * section, readers sum the CPUs (a free on another CPU than the
 * allocation leaves one CPU negative; the sum is right).  The high-water
 * mark is the largest such sum seen after an allocation (approximate
 * under concurrency, exact when one thread allocates).
 *
 * INVARIANTS: every small object's objcache tag (see objcache.h) holds its
 * malloc type while allocated, so kfree() panics on a double free or a
 * type mismatch; freed memory is filled with 0xdeadc0de by the objcache
 * (small) or the page allocator (large), and checked when handed out
 * again, so writes after free panic.  A large block's type is in its
 * head page and is checked in every build.
 *
 * M_WAITOK: when memory is short, reclaim the objcaches' free objects,
 * then tsleep() KMEM_WAIT_TICKS and retry, for ever.  M_NOWAIT: one
 * reclaim, then NULL, counted in the type's failures.
 *
 * Locks: none of its own; see kern_objcache.c and vm/vm_page.c.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/linker_set.h>
#include <sys/malloc.h>
#include <sys/objcache.h>
#include <machine/atomic.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>

#define KMEM_MINSHIFT	4			/* 16 bytes */
#define KMEM_NCLASS	8			/* 16 .. 2048 */
#define KMEM_MAXSMALL	(1UL << (KMEM_MINSHIFT + KMEM_NCLASS - 1))
#define KMEM_MAXLARGE	(PAGE_SIZE << VM_MAX_ORDER)
#define KMEM_WAIT_TICKS	(hz / 10)

MALLOC_DEFINE(M_TEMP, "temp", "miscellaneous temporary buffers");
MALLOC_DEFINE(M_DEVBUF, "devbuf", "device driver memory");
/* M_THREAD is defined by its user, kern/lwkt_thread.c. */
static MALLOC_DEFINE(M_KMSNAP, "kmalloc_snapshot", "leak check snapshots");

SET_DECLARE(set_malloc_types, struct malloc_type);

static struct objcache *kmem_class[KMEM_NCLASS];	/* [I] */
static const char *const kmem_class_name[KMEM_NCLASS] = {
	"kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-128",
	"kmalloc-256", "kmalloc-512", "kmalloc-1024", "kmalloc-2048",
};
static int kmem_wait_chan;			/* tsleep channel only */

#define MTC_ADD(p, v)	__atomic_store_n((p), *(p) + (v), __ATOMIC_RELAXED)
#define MTC_LOAD(p)	__atomic_load_n((p), __ATOMIC_RELAXED)

void
kmalloc_init(void)
{
	struct malloc_type *const *mtp;

	objcache_init();
	for (int i = 0; i < KMEM_NCLASS; i++)
		kmem_class[i] = objcache_create_flags(kmem_class_name[i],
		    1UL << (KMEM_MINSHIFT + i), NULL, OC_INTERNAL);
	SET_FOREACH(mtp, set_malloc_types)
		VERIFY((*mtp)->ks_shortdesc != NULL);
}

/* --- Per-type statistics ------------------------------------------ */

/* Bytes in use on the started CPUs (for the approximate high-water). */
static int64_t
malloc_type_inuse(struct malloc_type *type)
{
	int n = atomic_load_int(&ncpus);
	int64_t sum = 0;

	for (int i = 0; i < n; i++)
		sum += MTC_LOAD(&type->ks_cpu[i].mtc_inuse);
	return (sum);
}

static void
malloc_type_update_highwater(struct malloc_type *type)
{
	int64_t now = malloc_type_inuse(type), hw;

	while (now > (hw = MTC_LOAD(&type->ks_highwater)))
		if (atomic_cmpset_long((volatile u_long *)&type->ks_highwater,
		    hw, now))
			break;
}

void
malloc_type_alloced(struct malloc_type *type, size_t bytes)
{
	struct malloc_type_cpu *mtc;

	crit_enter();
	mtc = &type->ks_cpu[mycpuid];
	MTC_ADD(&mtc->mtc_inuse, (int64_t)bytes);
	MTC_ADD(&mtc->mtc_count, 1);
	MTC_ADD(&mtc->mtc_total, 1);
	crit_exit();
	malloc_type_update_highwater(type);
}

void
malloc_type_freed(struct malloc_type *type, size_t bytes)
{
	struct malloc_type_cpu *mtc;

	crit_enter();
	mtc = &type->ks_cpu[mycpuid];
	MTC_ADD(&mtc->mtc_inuse, -(int64_t)bytes);
	MTC_ADD(&mtc->mtc_count, -1);
	crit_exit();
}

static void
malloc_type_failed(struct malloc_type *type)
{
	crit_enter();
	MTC_ADD(&type->ks_cpu[mycpuid].mtc_failures, 1);
	crit_exit();
}

void
malloc_type_stats(struct malloc_type *type, struct malloc_stats *ms)
{
	memset(ms, 0, sizeof(*ms));
	for (int i = 0; i < MAXCPU; i++) {
		struct malloc_type_cpu *mtc = &type->ks_cpu[i];

		ms->ms_inuse += MTC_LOAD(&mtc->mtc_inuse);
		ms->ms_count += MTC_LOAD(&mtc->mtc_count);
		ms->ms_total += MTC_LOAD(&mtc->mtc_total);
		ms->ms_failures += MTC_LOAD(&mtc->mtc_failures);
	}
	ms->ms_highwater = MTC_LOAD(&type->ks_highwater);
}

void
malloc_type_foreach(void (*fn)(struct malloc_type *, void *), void *arg)
{
	struct malloc_type *const *mtp;

	SET_FOREACH(mtp, set_malloc_types)
		fn(*mtp, arg);
}

void
kmalloc_fail_inject(struct malloc_type *type, int n)
{
	atomic_store_int(&type->ks_failinject, n);
}

/* Consume one injected failure, if any are pending. */
static int
kmem_injected_failure(struct malloc_type *type)
{
	int n;

	while ((n = atomic_load_int(&type->ks_failinject)) > 0)
		if (atomic_cmpset_int((volatile u_int *)&type->ks_failinject,
		    n, n - 1))
			return (1);
	return (0);
}

/* --- Allocation ------------------------------------------------------ */

static int
kmem_size_class(size_t size)
{
	int shift;

	if (size <= (1UL << KMEM_MINSHIFT))
		return (0);
	shift = 64 - __builtin_clzl(size - 1);	/* ceil(log2(size)) */
	return (shift - KMEM_MINSHIFT);
}

static int
kmem_large_order(size_t size)
{
	size_t npages = howmany(size, PAGE_SIZE);

	if (npages <= 1)
		return (0);
	return (64 - __builtin_clzl(npages - 1));
}

static void *
kmem_alloc_small(size_t size, struct malloc_type *type, int flags,
    size_t *usable)
{
	int cls = kmem_size_class(size);
	void *p;

	p = objcache_get(kmem_class[cls], flags & (M_WAITOK | M_NOWAIT));
	if (p == NULL)
		return (NULL);
#ifdef INVARIANTS
	*objcache_tag(kmem_class[cls], p) = (uintptr_t)type;
#endif
	*usable = 1UL << (KMEM_MINSHIFT + cls);
	return (p);
}

/* Pages for a large allocation: reclaim once, then fail or sleep. */
static vm_paddr_t
kmem_alloc_pages(int order, int flags)
{
	int reclaimed = 0;
	vm_paddr_t pa;

	for (;;) {
		if ((pa = vm_page_alloc_order(order)) != 0)
			return (pa);
		if (!reclaimed) {
			objcache_reclaim_all();
			reclaimed = 1;
			continue;
		}
		if (flags & M_NOWAIT)
			return (0);
		tsleep(&kmem_wait_chan, 0, "kmwait", KMEM_WAIT_TICKS);
		reclaimed = 0;
	}
}

static void *
kmem_alloc_large(size_t size, struct malloc_type *type, int flags,
    size_t *usable)
{
	int order = kmem_large_order(size);
	struct vm_page *m;
	vm_paddr_t pa;

	if (size > KMEM_MAXLARGE) {
		if (flags & M_WAITOK)
			panic("kmalloc: %lu bytes of %s: more than the "
			    "largest block (%lu)", size, type->ks_shortdesc,
			    KMEM_MAXLARGE);
		return (NULL);
	}
	if ((pa = kmem_alloc_pages(order, flags)) == 0)
		return (NULL);
	m = vm_page_lookup(pa);
	for (int i = 0; i < (1 << order); i++) {
		m[i].p_use = VPU_KMEM;
		m[i].p_owner = type;
	}
	*usable = PAGE_SIZE << order;
	return (PHYS_TO_DMAP(pa));
}

static void
kmem_check_flags(int flags)
{
	KASSERT(!(flags & M_WAITOK) != !(flags & M_NOWAIT),
	    ("kmalloc: flags 0x%x need one of M_WAITOK, M_NOWAIT", flags));
	if (flags & M_WAITOK) {
		ASSERT_MAY_SLEEP();
		KASSERT(curthread->td_critcount == 0,
		    ("kmalloc(M_WAITOK) in a critical section (depth %d)",
		    curthread->td_critcount));
	}
}

void *
kmalloc(size_t size, struct malloc_type *type, int flags)
{
	size_t usable = 0;
	void *p;

	kmem_check_flags(flags);
	if ((flags & M_NOWAIT) && kmem_injected_failure(type))
		p = NULL;
	else if (size <= KMEM_MAXSMALL)
		p = kmem_alloc_small(size, type, flags, &usable);
	else
		p = kmem_alloc_large(size, type, flags, &usable);
	if (p == NULL) {
		malloc_type_failed(type);
		return (NULL);
	}
	malloc_type_alloced(type, usable);
	if (flags & M_ZERO)
		memset(p, 0, usable);
	return (p);
}

/* --- Free ------------------------------------------------------------ */

static int
kmem_class_of(struct objcache *oc)
{
	for (int i = 0; i < KMEM_NCLASS; i++)
		if (kmem_class[i] == oc)
			return (i);
	return (-1);
}

/* The page holding addr, which must be kmalloc memory. */
static struct vm_page *
kmem_page(const void *addr, const char *who)
{
	struct vm_page *m = NULL;

	if ((uintptr_t)addr >= (uintptr_t)PHYS_TO_DMAP(0))
		m = vm_page_lookup(DMAP_TO_PHYS(addr));
	if (m == NULL || (m->p_use != VPU_KMEM && (m->p_use != VPU_SLAB ||
	    kmem_class_of(m->p_owner) < 0)))
		panic("%s: %p is not allocated by kmalloc (double free?)",
		    who, addr);
	return (m);
}

/* INVARIANTS: the small object's tag must name `type'. */
static void
kmem_check_small_type(struct objcache *oc, const void *addr,
    struct malloc_type *type, const char *who)
{
#ifdef INVARIANTS
	uintptr_t tag = *objcache_tag(oc, __DECONST(void *, addr));

	if (tag == OC_TAG_FREE)
		panic("%s: double free of %p (%s)", who, addr,
		    type->ks_shortdesc);
	if (tag != (uintptr_t)type)
		panic("%s: %p allocated as %s, freed as %s", who, addr,
		    tag == OC_TAG_INUSE ? "?" :
		    ((struct malloc_type *)tag)->ks_shortdesc,
		    type->ks_shortdesc);
#endif
}

static void
kmem_check_large(struct vm_page *m, const void *addr,
    struct malloc_type *type, const char *who)
{
	if (((uintptr_t)addr & PAGE_MASK) != 0 || m->p_flags != PG_ALLOC)
		panic("%s: %p is not the start of a kmalloc block", who, addr);
	if (m->p_owner != type)
		panic("%s: %p allocated as %s, freed as %s", who, addr,
		    ((struct malloc_type *)m->p_owner)->ks_shortdesc,
		    type->ks_shortdesc);
}

void
kfree(void *addr, struct malloc_type *type)
{
	struct vm_page *m;
	struct objcache *oc;
	int order;

	if (addr == NULL)
		return;
	m = kmem_page(addr, "kfree");
	if (m->p_use == VPU_KMEM) {
		kmem_check_large(m, addr, type, "kfree");
		order = m->p_order;
		malloc_type_freed(type, PAGE_SIZE << order);
		vm_page_free_order(DMAP_TO_PHYS(addr), order);
		return;
	}
	oc = m->p_owner;
	kmem_check_small_type(oc, addr, type, "kfree");
	malloc_type_freed(type, objcache_objsize(oc));
	objcache_put(oc, addr);
}

size_t
kmalloc_usable_size(const void *addr)
{
	struct vm_page *m;

	if (addr == NULL)
		return (0);
	m = kmem_page(addr, "kmalloc_usable_size");
	if (m->p_use == VPU_KMEM)
		return (PAGE_SIZE << m->p_order);
	return (objcache_objsize(m->p_owner));
}

/*
 * Grow or shrink.  Stays in place when the new size fits the current
 * block and would not fit a class half its size; otherwise moves, and
 * on failure returns NULL leaving addr allocated and unchanged.  M_ZERO
 * zeroes only a new block (before the old contents are copied in).
 */
void *
krealloc(void *addr, size_t size, struct malloc_type *type, int flags)
{
	struct vm_page *m;
	size_t old;
	void *p;

	if (addr == NULL)
		return (kmalloc(size, type, flags));
	m = kmem_page(addr, "krealloc");
	if (m->p_use == VPU_KMEM)
		kmem_check_large(m, addr, type, "krealloc");
	else
		kmem_check_small_type(m->p_owner, addr, type, "krealloc");
	old = kmalloc_usable_size(addr);
	if (size <= old && (size > old / 2 || old <= (1UL << KMEM_MINSHIFT)))
		return (addr);
	if ((p = kmalloc(size, type, flags)) == NULL)
		return (NULL);
	memcpy(p, addr, MIN(old, size));
	kfree(addr, type);
	return (p);
}

/* --- Leak checks ----------------------------------------------------- */

#define KMS_TYPE	1
#define KMS_CACHE	2

struct kms_entry {
	int		ke_kind;	/* KMS_* */
	const void	*ke_type;	/* KMS_TYPE: the malloc type */
	uint64_t	ke_id;		/* KMS_CACHE: objcache_id() */
	int64_t		ke_bytes;	/* type: bytes in use */
	int64_t		ke_count;	/* allocations/objects in use */
};

struct kmalloc_snapshot {
	int		ks_n;
	int		ks_cap;
	int		ks_overflow;
	struct kms_entry ks_ent[];
};

struct kms_report {
	struct kmalloc_snapshot *r_snap;
	char		*r_why;
	size_t		r_len;
	size_t		r_pos;
	int		r_ndiff;
};

static void
kms_count_cache(struct objcache *oc, void *arg)
{
	(*(int *)arg)++;
}

static struct kms_entry *
kms_add(struct kmalloc_snapshot *snap, int kind)
{
	struct kms_entry *ke;

	if (snap->ks_n == snap->ks_cap) {
		snap->ks_overflow = 1;
		return (NULL);
	}
	ke = &snap->ks_ent[snap->ks_n++];
	memset(ke, 0, sizeof(*ke));
	ke->ke_kind = kind;
	return (ke);
}

static void
kms_record_type(struct malloc_type *type, void *arg)
{
	struct kms_entry *ke = kms_add(arg, KMS_TYPE);
	struct malloc_stats ms;

	if (ke == NULL)
		return;
	malloc_type_stats(type, &ms);
	ke->ke_type = type;
	ke->ke_bytes = ms.ms_inuse;
	ke->ke_count = ms.ms_count;
}

/* Runs under the objcache list lock: must not allocate. */
static void
kms_record_cache(struct objcache *oc, void *arg)
{
	struct kms_entry *ke;
	struct objcache_stats os;

	if (objcache_flags(oc) & OC_INTERNAL)
		return;
	if ((ke = kms_add(arg, KMS_CACHE)) == NULL)
		return;
	objcache_stats(oc, &os);
	ke->ke_id = objcache_id(oc);
	ke->ke_count = os.os_inuse;
}

struct kmalloc_snapshot *
kmalloc_snapshot_take(void)
{
	struct kmalloc_snapshot *snap;
	int n;

	for (;;) {
		n = __stop_set_malloc_types - __start_set_malloc_types + 8;
		objcache_foreach(kms_count_cache, &n);
		snap = kmalloc(sizeof(*snap) + n * sizeof(struct kms_entry),
		    M_KMSNAP, M_WAITOK);
		snap->ks_n = 0;
		snap->ks_cap = n;
		snap->ks_overflow = 0;
		/* Recorded after the allocation, so it counts itself. */
		malloc_type_foreach(kms_record_type, snap);
		objcache_foreach(kms_record_cache, snap);
		if (!snap->ks_overflow)
			return (snap);
		kfree(snap, M_KMSNAP);
	}
}

void
kmalloc_snapshot_free(struct kmalloc_snapshot *snap)
{
	kfree(snap, M_KMSNAP);
}

static struct kms_entry *
kms_find(struct kmalloc_snapshot *snap, int kind, const void *type,
    uint64_t id)
{
	for (int i = 0; i < snap->ks_n; i++) {
		struct kms_entry *ke = &snap->ks_ent[i];

		if (ke->ke_kind == kind && (kind == KMS_TYPE ?
		    ke->ke_type == type : ke->ke_id == id))
			return (ke);
	}
	return (NULL);
}

static const char *
kms_sign(int64_t v)
{
	return (v >= 0 ? "+" : "");
}

static void
kms_note(struct kms_report *r, const char *fmt, ...) __printflike(2, 3);
static void
kms_note(struct kms_report *r, const char *fmt, ...)
{
	va_list ap;

	r->r_ndiff++;
	if (r->r_why == NULL || r->r_pos + 1 >= r->r_len)
		return;
	if (r->r_pos > 0)
		r->r_pos += ksnprintf(r->r_why + r->r_pos, r->r_len - r->r_pos,
		    "; ");
	if (r->r_pos + 1 >= r->r_len)
		return;
	va_start(ap, fmt);
	r->r_pos += kvsnprintf(r->r_why + r->r_pos, r->r_len - r->r_pos, fmt,
	    ap);
	va_end(ap);
}

static void
kms_check_type(struct malloc_type *type, void *arg)
{
	struct kms_report *r = arg;
	struct kms_entry *ke = kms_find(r->r_snap, KMS_TYPE, type, 0);
	struct malloc_stats ms;
	int64_t dc, db;

	malloc_type_stats(type, &ms);
	dc = ms.ms_count - (ke != NULL ? ke->ke_count : 0);
	db = ms.ms_inuse - (ke != NULL ? ke->ke_bytes : 0);
	if (dc != 0 || db != 0)
		kms_note(r, "leak: %s %s%ld allocations (%s%ld bytes)",
		    type->ks_shortdesc, kms_sign(dc), dc, kms_sign(db), db);
}

/* Runs under the objcache list lock: must not allocate. */
static void
kms_check_cache(struct objcache *oc, void *arg)
{
	struct kms_report *r = arg;
	struct kms_entry *ke;
	struct objcache_stats os;
	int64_t d;

	if (objcache_flags(oc) & OC_INTERNAL)
		return;
	objcache_stats(oc, &os);
	ke = kms_find(r->r_snap, KMS_CACHE, NULL, objcache_id(oc));
	if (ke == NULL) {
		kms_note(r, "leak: objcache %s created and not destroyed "
		    "(%ld objects in use)", objcache_name(oc), os.os_inuse);
		return;
	}
	d = os.os_inuse - ke->ke_count;
	if (d != 0)
		kms_note(r, "leak: objcache %s %s%ld objects",
		    objcache_name(oc), kms_sign(d), d);
}

int
kmalloc_leakcheck(struct kmalloc_snapshot *snap, char *why, size_t len)
{
	struct kms_report r = { snap, why, len, 0, 0 };

	if (why != NULL && len > 0)
		why[0] = '\0';
	malloc_type_foreach(kms_check_type, &r);
	objcache_foreach(kms_check_cache, &r);
	return (r.r_ndiff);
}
