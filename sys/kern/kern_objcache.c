/*
 * kern/kern_objcache.c: fixed-size object caches with per-CPU magazines.
 *
 * Entry points: objcache_create/destroy (subsystem init code),
 * objcache_get/put (anyone, any context for M_NOWAIT; a put may happen on
 * another CPU than the get), objcache_stats/foreach (sysctl, leak checks
 * in kern_kmalloc.c), objcache_reclaim/reclaim_all (memory pressure:
 * kmalloc and objcache_get call reclaim_all before failing or sleeping).
 * objcache_init() is called by kmalloc_init() on the BSP at boot.
 *
 * Theory of operation (after Bonwick's magazines, as in DragonFly).
 *
 * Three layers hold the free objects of a cache:
 *
 *   per CPU    two magazines, pc_loaded and pc_prev, each an array of up
 *              to OC_MAGSIZE object pointers.  Only the owning CPU touches
 *              them, inside crit_enter()/crit_exit(): threads never leave
 *              their CPU and the kernel is not preemptive, so the critical
 *              section (interrupts off) is the only protection needed.
 *   depot      lists of full and of empty magazines, under oc_lock.
 *   slabs      blocks of pages from vm_page_alloc_order() cut into
 *              objects; a slab's head vm_page keeps its free-object list
 *              and its count of objects out (p_slabfree, p_slabused).
 *              Slabs with free objects sit on oc_partial, under oc_lock.
 *
 * objcache_get pops from pc_loaded; if it is empty and pc_prev is full it
 * swaps the two; if both are empty it trades pc_prev for a full magazine
 * from the depot; failing that it takes one object from a slab, growing a
 * new slab (outside any lock) when there is none.  objcache_put mirrors
 * it with empty magazines, allocating a new magazine when the depot has
 * none, and returns the object to its slab only when no magazine can be
 * had.  The invariant that makes each exchange cost one lock round trip:
 * pc_prev is always either NULL, completely full or completely empty.
 *
 * Magazines and the struct objcache themselves come from two internal
 * caches that have no per-CPU layer (OC_NOMAG: every get and put goes to
 * their slabs), so allocating a magazine never recurses into magazines.
 *
 * Memory goes back to the page allocator when a slab becomes empty while
 * the cache holds at least another slab's worth of free objects, and on
 * objcache_reclaim(), which drains the depot and the calling CPU's
 * magazines into the slabs and frees every empty slab.  Other CPUs'
 * magazines (at most 2 * OC_MAGSIZE objects per CPU) are left alone.
 *
 * Accounting: per CPU, written by that CPU inside its critical section:
 * gets minus puts (pc_inuse; a cross-CPU put makes one CPU's count
 * negative, the sum is right), successful gets and M_NOWAIT failures.
 * Free objects are never "in use", so leak checks compare in-use counts.
 *
 * INVARIANTS: a free object is filled with OC_POISON (except the slab
 * free-list link while it is on a slab list), and the whole object is
 * checked when it is handed out again: a write through a stale pointer
 * panics with "use after free" and the cache's name.  Each object also
 * has a tag word beside it (after the objects in its slab): OC_TAG_FREE
 * while the cache holds it, anything else while in use, so a double put
 * or an object handed out twice panics.
 *
 * Lock order: objcache_list_lock (SPINRANK_MEMLIST) may be held over one
 * cache's oc_lock (SPINRANK_MEM).  Two oc_locks are never held together,
 * and the page allocator is never called with an oc_lock held.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/queue.h>
#include <sys/spinlock.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/malloc.h>
#include <sys/objcache.h>
#include <machine/atomic.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>

#define OC_MAGSIZE	30		/* a magazine is 256 bytes */
#define OC_NOMAG	0x0100		/* no per-CPU layer (internal) */
#define OC_POISON	0xdeadc0dedeadc0deUL
#define OC_ALIGN	16
#define OC_WAIT_TICKS	(hz / 10)	/* M_WAITOK retry period */
#ifdef INVARIANTS
#define OC_TAGSIZE	sizeof(uintptr_t)
#else
#define OC_TAGSIZE	0
#endif

struct oc_magazine {
	SLIST_ENTRY(oc_magazine) mag_link;	/* [d] on a depot list */
	int		mag_rounds;		/* objects in mag_objs */
	int		mag_unused;
	void		*mag_objs[OC_MAGSIZE];
};
CTASSERT(sizeof(struct oc_magazine) == 256);

SLIST_HEAD(oc_maglist, oc_magazine);
TAILQ_HEAD(oc_slablist, vm_page);

/* Per-CPU state: [c] the owning CPU, inside a critical section. */
struct oc_percpu {
	struct oc_magazine *pc_loaded;	/* [c] */
	struct oc_magazine *pc_prev;	/* [c] NULL, full or empty */
	int64_t		pc_inuse;	/* [c] gets minus puts here */
	uint64_t	pc_total;	/* [c] successful gets here */
	uint64_t	pc_failures;	/* [c] M_NOWAIT failures here */
} __cachealign;

/*
 * Ownership key: [I] set by objcache_create, [d] oc_lock (depot and
 * slabs), [L] objcache_list_lock, [c] see struct oc_percpu.
 */
struct objcache {
	struct spinlock	oc_lock;
	char		oc_name[32];	/* [I] */
	size_t		oc_size;	/* [I] size asked for */
	size_t		oc_objsize;	/* [I] stride in a slab */
	struct malloc_type *oc_type;	/* [I] charged for objects in use */
	int		oc_flags;	/* [I] OC_* */
	int		oc_slaborder;	/* [I] pages per slab, log2 */
	int		oc_slabobjs;	/* [I] objects per slab */
	uint64_t	oc_id;		/* [I] unique, never reused */
	LIST_ENTRY(objcache) oc_link;	/* [L] on objcache_list */
	struct oc_maglist oc_full;	/* [d] full magazines */
	struct oc_maglist oc_empty;	/* [d] empty magazines */
	int		oc_nfull;	/* [d] */
	int		oc_nempty;	/* [d] */
	struct oc_slablist oc_partial;	/* [d] slabs with free objects */
	int64_t		oc_nslabs;	/* [d] slabs owned */
	int64_t		oc_slabfree;	/* [d] free objects on slab lists */
	struct oc_percpu oc_cpu[MAXCPU];
};

static struct spinlock objcache_list_lock = SPINLOCK_INITIALIZER(
    "objcache_list", SPINRANK_MEMLIST);
static LIST_HEAD(, objcache) objcache_list =
    LIST_HEAD_INITIALIZER(objcache_list);		/* [L] */
static uint64_t objcache_nextid = 1;			/* [L] */
static int objcache_inited;				/* [I] */

/* The two bootstrap caches: struct objcache and magazines. */
static struct objcache oc_cache_cache;
static struct objcache oc_mag_cache;

static void *oc_get_internal(struct objcache *oc, int mflags, int reclaim);

/* Counters written only by their own CPU, read racily by anyone. */
#define PC_ADD(p, v)	__atomic_store_n((p), *(p) + (v), __ATOMIC_RELAXED)
#define PC_LOAD(p)	__atomic_load_n((p), __ATOMIC_RELAXED)

/*
 * Slab geometry: the smallest block that wastes at most 1/8 of itself
 * (stopping at 8 pages), holding at least one object and its tag.
 */
static void
oc_size_slabs(struct objcache *oc)
{
	size_t per = oc->oc_objsize + OC_TAGSIZE, bytes, n;
	int order;

	for (order = 0;; order++) {
		if (order > VM_MAX_ORDER)
			panic("objcache_create: %s: objects of %lu bytes are "
			    "too large", oc->oc_name, oc->oc_size);
		bytes = PAGE_SIZE << order;
		n = bytes / per;
		if (n >= 1 && ((bytes - n * per) * 8 <= bytes || order >= 3))
			break;
	}
	oc->oc_slaborder = order;
	oc->oc_slabobjs = n;
}

static void
oc_setup(struct objcache *oc, const char *name, size_t size,
    struct malloc_type *type, int flags)
{
	memset(oc, 0, sizeof(*oc));
	strlcpy(oc->oc_name, name, sizeof(oc->oc_name));
	spin_init(&oc->oc_lock, oc->oc_name, SPINRANK_MEM);
	oc->oc_size = size;
	oc->oc_objsize = roundup2(size == 0 ? 1 : size, OC_ALIGN);
	oc->oc_type = type;
	oc->oc_flags = flags;
	SLIST_INIT(&oc->oc_full);
	SLIST_INIT(&oc->oc_empty);
	TAILQ_INIT(&oc->oc_partial);
	oc_size_slabs(oc);

	spin_lock(&objcache_list_lock);
	oc->oc_id = objcache_nextid++;
	LIST_INSERT_HEAD(&objcache_list, oc, oc_link);
	spin_unlock(&objcache_list_lock);
}

void
objcache_init(void)
{
	VERIFY(!objcache_inited);
	oc_setup(&oc_mag_cache, "objcache_magazine",
	    sizeof(struct oc_magazine), NULL, OC_NOMAG | OC_INTERNAL);
	oc_setup(&oc_cache_cache, "objcache", sizeof(struct objcache), NULL,
	    OC_NOMAG | OC_INTERNAL);
	objcache_inited = 1;
}

/* --- Slabs -------------------------------------------------------- */

static size_t
oc_slab_bytes(struct objcache *oc)
{
	return (PAGE_SIZE << oc->oc_slaborder);
}

/* The head page of the slab holding obj; panics if obj is not ours. */
static struct vm_page *
oc_slab_of(struct objcache *oc, void *obj)
{
	vm_paddr_t pa = DMAP_TO_PHYS(obj);
	vm_paddr_t base = rounddown2(pa, oc_slab_bytes(oc));
	struct vm_page *m = vm_page_lookup(base);

	if (m == NULL || m->p_use != VPU_SLAB || m->p_owner != oc ||
	    (pa - base) % oc->oc_objsize != 0 ||
	    (pa - base) / oc->oc_objsize >= (size_t)oc->oc_slabobjs)
		panic("objcache %s: %p is not one of its objects",
		    oc->oc_name, obj);
	return (m);
}

uintptr_t *
objcache_tag(struct objcache *oc, void *obj)
{
#ifdef INVARIANTS
	struct vm_page *m = oc_slab_of(oc, obj);
	char *base = PHYS_TO_DMAP(m->p_phys);
	size_t idx = ((char *)obj - base) / oc->oc_objsize;

	return ((uintptr_t *)(base + oc->oc_slabobjs * oc->oc_objsize) + idx);
#else
	return (NULL);
#endif
}

static void
oc_poison(struct objcache *oc, void *obj)
{
#ifdef INVARIANTS
	uint64_t *w = obj;

	for (size_t i = 0; i < oc->oc_objsize / sizeof(*w); i++)
		w[i] = OC_POISON;
#endif
}

static void *
oc_slab_get_locked(struct objcache *oc)
{
	struct vm_page *m;
	void *obj;

	SPIN_LOCK_ASSERT(&oc->oc_lock);
	if ((m = TAILQ_FIRST(&oc->oc_partial)) == NULL)
		return (NULL);
	obj = m->p_slabfree;
	KKASSERT(obj != NULL && m->p_slabused < (uint32_t)oc->oc_slabobjs);
	m->p_slabfree = *(void **)obj;
	m->p_slabused++;
	oc->oc_slabfree--;
	if (m->p_slabfree == NULL)
		TAILQ_REMOVE(&oc->oc_partial, m, p_link);
#ifdef INVARIANTS
	*(uint64_t *)obj = OC_POISON;		/* the link word */
#endif
	return (obj);
}

/*
 * Return obj to its slab.  A slab left empty is unlinked and returned
 * for the caller to free (after dropping the lock) when `force' is set
 * or the cache keeps another slab's worth of free objects anyway.
 */
static struct vm_page *
oc_slab_put_locked(struct objcache *oc, void *obj, int force)
{
	struct vm_page *m = oc_slab_of(oc, obj);

	SPIN_LOCK_ASSERT(&oc->oc_lock);
	KKASSERT(m->p_slabused > 0);
	if (m->p_slabfree == NULL)
		TAILQ_INSERT_HEAD(&oc->oc_partial, m, p_link);
	*(void **)obj = m->p_slabfree;
	m->p_slabfree = obj;
	m->p_slabused--;
	oc->oc_slabfree++;
	if (m->p_slabused != 0 ||
	    (!force && oc->oc_slabfree < 2 * oc->oc_slabobjs))
		return (NULL);
	TAILQ_REMOVE(&oc->oc_partial, m, p_link);
	oc->oc_slabfree -= oc->oc_slabobjs;
	oc->oc_nslabs--;
	return (m);
}

static void
oc_slab_free(struct objcache *oc, struct vm_page *m)
{
	vm_page_free_order(m->p_phys, oc->oc_slaborder);
}

static void
oc_slab_free_list(struct objcache *oc, struct oc_slablist *list)
{
	struct vm_page *m;

	while ((m = TAILQ_FIRST(list)) != NULL) {
		TAILQ_REMOVE(list, m, p_link);
		oc_slab_free(oc, m);
	}
}

/* Cut a new slab into free objects and add it; ENOMEM if no pages. */
static int
oc_slab_grow(struct objcache *oc)
{
	vm_paddr_t pa = vm_page_alloc_order(oc->oc_slaborder);
	struct vm_page *m;
	char *base;

	if (pa == 0)
		return (ENOMEM);
	m = vm_page_lookup(pa);
	for (int i = 0; i < (1 << oc->oc_slaborder); i++) {
		m[i].p_use = VPU_SLAB;
		m[i].p_owner = oc;
	}
	base = PHYS_TO_DMAP(pa);
	m->p_slabfree = NULL;
	m->p_slabused = 0;
	for (int i = oc->oc_slabobjs - 1; i >= 0; i--) {
		void *obj = base + i * oc->oc_objsize;

		oc_poison(oc, obj);
#ifdef INVARIANTS
		*objcache_tag(oc, obj) = OC_TAG_FREE;
#endif
		*(void **)obj = m->p_slabfree;
		m->p_slabfree = obj;
	}
	spin_lock(&oc->oc_lock);
	TAILQ_INSERT_TAIL(&oc->oc_partial, m, p_link);
	oc->oc_nslabs++;
	oc->oc_slabfree += oc->oc_slabobjs;
	spin_unlock(&oc->oc_lock);
	return (0);
}

/* Unlink and free every slab with no object out. */
static void
oc_slab_release_empty(struct objcache *oc)
{
	struct oc_slablist rel = TAILQ_HEAD_INITIALIZER(rel);
	struct vm_page *m, *next;

	spin_lock(&oc->oc_lock);
	TAILQ_FOREACH_SAFE(m, &oc->oc_partial, p_link, next) {
		if (m->p_slabused != 0)
			continue;
		TAILQ_REMOVE(&oc->oc_partial, m, p_link);
		oc->oc_slabfree -= oc->oc_slabobjs;
		oc->oc_nslabs--;
		TAILQ_INSERT_TAIL(&rel, m, p_link);
	}
	spin_unlock(&oc->oc_lock);
	oc_slab_free_list(oc, &rel);
}

/* --- Magazines ---------------------------------------------------- */

static struct oc_magazine *
oc_mag_alloc(void)
{
	struct oc_magazine *mag;

	mag = oc_get_internal(&oc_mag_cache, M_NOWAIT, 0);
	if (mag != NULL)
		mag->mag_rounds = 0;
	return (mag);
}

static void
oc_mag_free(struct oc_magazine *mag)
{
	KKASSERT(mag->mag_rounds == 0);
	objcache_put(&oc_mag_cache, mag);
}

static void *
oc_mag_pop(struct oc_percpu *pc)
{
	struct oc_magazine *mag;

	if ((mag = pc->pc_loaded) != NULL && mag->mag_rounds > 0)
		return (mag->mag_objs[--mag->mag_rounds]);
	if ((mag = pc->pc_prev) != NULL && mag->mag_rounds > 0) {
		pc->pc_prev = pc->pc_loaded;
		pc->pc_loaded = mag;
		return (mag->mag_objs[--mag->mag_rounds]);
	}
	return (NULL);
}

static int
oc_mag_push(struct oc_percpu *pc, void *obj)
{
	struct oc_magazine *mag;

	if ((mag = pc->pc_loaded) != NULL && mag->mag_rounds < OC_MAGSIZE) {
		mag->mag_objs[mag->mag_rounds++] = obj;
		return (1);
	}
	if ((mag = pc->pc_prev) != NULL && mag->mag_rounds == 0) {
		pc->pc_prev = pc->pc_loaded;
		pc->pc_loaded = mag;
		mag->mag_objs[mag->mag_rounds++] = obj;
		return (1);
	}
	return (0);
}

/* Both magazines empty (or NULL): trade pc_prev for a full one. */
static void
oc_depot_load_full_locked(struct objcache *oc, struct oc_percpu *pc,
    struct oc_magazine *full)
{
	SPIN_LOCK_ASSERT(&oc->oc_lock);
	KKASSERT(full->mag_rounds == OC_MAGSIZE);
	if (pc->pc_prev != NULL) {
		KKASSERT(pc->pc_prev->mag_rounds == 0);
		SLIST_INSERT_HEAD(&oc->oc_empty, pc->pc_prev, mag_link);
		oc->oc_nempty++;
	}
	pc->pc_prev = pc->pc_loaded;
	pc->pc_loaded = full;
}

/* Both magazines full (or NULL): trade pc_prev for an empty one. */
static void
oc_depot_load_empty_locked(struct objcache *oc, struct oc_percpu *pc,
    struct oc_magazine *empty)
{
	SPIN_LOCK_ASSERT(&oc->oc_lock);
	KKASSERT(empty->mag_rounds == 0);
	if (pc->pc_prev != NULL) {
		KKASSERT(pc->pc_prev->mag_rounds == OC_MAGSIZE);
		SLIST_INSERT_HEAD(&oc->oc_full, pc->pc_prev, mag_link);
		oc->oc_nfull++;
	}
	pc->pc_prev = pc->pc_loaded;
	pc->pc_loaded = empty;
}

/* --- Get and put -------------------------------------------------- */

/* Depot or slab; called in the critical section with pc = this CPU. */
static void *
oc_get_depot(struct objcache *oc, struct oc_percpu *pc)
{
	struct oc_magazine *full = NULL;
	void *obj;

	spin_lock(&oc->oc_lock);
	if (!(oc->oc_flags & OC_NOMAG))
		full = SLIST_FIRST(&oc->oc_full);
	if (full != NULL) {
		SLIST_REMOVE_HEAD(&oc->oc_full, mag_link);
		oc->oc_nfull--;
		oc_depot_load_full_locked(oc, pc, full);
		obj = oc_mag_pop(pc);
	} else
		obj = oc_slab_get_locked(oc);
	spin_unlock(&oc->oc_lock);
	return (obj);
}

/* A free object from any layer without growing; NULL if none. */
static void *
oc_get_cached(struct objcache *oc)
{
	struct oc_percpu *pc;
	void *obj = NULL;

	crit_enter();
	pc = &oc->oc_cpu[mycpuid];
	if (!(oc->oc_flags & OC_NOMAG))
		obj = oc_mag_pop(pc);
	if (obj == NULL)
		obj = oc_get_depot(oc, pc);
	if (obj != NULL) {
		PC_ADD(&pc->pc_inuse, 1);
		PC_ADD(&pc->pc_total, 1);
	}
	crit_exit();
	return (obj);
}

static void
oc_count_failure(struct objcache *oc)
{
	crit_enter();
	PC_ADD(&oc->oc_cpu[mycpuid].pc_failures, 1);
	crit_exit();
}

/* The object leaves the cache: check it was not written while free. */
static void
oc_hand_out(struct objcache *oc, void *obj)
{
#ifdef INVARIANTS
	const uint64_t *w = obj;
	uintptr_t *tag = objcache_tag(oc, obj);

	for (size_t i = 0; i < oc->oc_objsize / sizeof(*w); i++)
		if (w[i] != OC_POISON)
			panic("objcache %s: use after free: object %p was "
			    "modified at offset %lu (0x%lx)", oc->oc_name,
			    obj, i * sizeof(*w), w[i]);
	if (*tag != OC_TAG_FREE)
		panic("objcache %s: object %p handed out while in use "
		    "(tag 0x%lx)", oc->oc_name, obj, *tag);
	*tag = OC_TAG_INUSE;
#endif
}

static void
oc_check_mflags(int mflags)
{
	KASSERT(!(mflags & M_WAITOK) != !(mflags & M_NOWAIT),
	    ("objcache_get: flags 0x%x need one of M_WAITOK, M_NOWAIT",
	    mflags));
	if (mflags & M_WAITOK) {
		ASSERT_MAY_SLEEP();
		KASSERT(curthread->td_critcount == 0,
		    ("objcache_get(M_WAITOK) in a critical section (depth %d)",
		    curthread->td_critcount));
	}
}

static void *
oc_get_internal(struct objcache *oc, int mflags, int reclaim)
{
	int reclaimed = !reclaim;
	void *obj;

	for (;;) {
		if ((obj = oc_get_cached(oc)) != NULL)
			break;
		if (oc_slab_grow(oc) == 0)
			continue;
		if (!reclaimed) {
			objcache_reclaim_all();
			reclaimed = 1;
			continue;
		}
		if (mflags & M_NOWAIT) {
			oc_count_failure(oc);
			return (NULL);
		}
		tsleep(oc, 0, "ocwait", OC_WAIT_TICKS);
		reclaimed = !reclaim;
	}
	oc_hand_out(oc, obj);
	if (oc->oc_type != NULL)
		malloc_type_alloced(oc->oc_type, oc->oc_objsize);
	if (mflags & M_ZERO)
		memset(obj, 0, oc->oc_size);
	return (obj);
}

void *
objcache_get(struct objcache *oc, int mflags)
{
	oc_check_mflags(mflags);
	return (oc_get_internal(oc, mflags, 1));
}

/* Returning obj to the slab layer; frees the slab if it empties. */
static void
oc_put_slab(struct objcache *oc, void *obj)
{
	struct vm_page *m;

	spin_lock(&oc->oc_lock);
	m = oc_slab_put_locked(oc, obj, 0);
	spin_unlock(&oc->oc_lock);
	if (m != NULL)
		oc_slab_free(oc, m);
}

/* Magazines full: get an empty one from the depot or make one. */
static int
oc_put_depot(struct objcache *oc, struct oc_percpu *pc, void *obj)
{
	struct oc_magazine *mag;

	spin_lock(&oc->oc_lock);
	if ((mag = SLIST_FIRST(&oc->oc_empty)) != NULL) {
		SLIST_REMOVE_HEAD(&oc->oc_empty, mag_link);
		oc->oc_nempty--;
		oc_depot_load_empty_locked(oc, pc, mag);
	}
	spin_unlock(&oc->oc_lock);
	if (mag == NULL) {
		if ((mag = oc_mag_alloc()) == NULL)
			return (0);
		spin_lock(&oc->oc_lock);
		oc_depot_load_empty_locked(oc, pc, mag);
		spin_unlock(&oc->oc_lock);
	}
	VERIFY(oc_mag_push(pc, obj));
	return (1);
}

/* The object enters the cache: tag and poison it. */
static void
oc_take_back(struct objcache *oc, void *obj)
{
#ifdef INVARIANTS
	uintptr_t *tag = objcache_tag(oc, obj);
	uintptr_t old = *tag;

	if (old == OC_TAG_FREE ||
	    !atomic_cmpset_long((volatile u_long *)tag, old, OC_TAG_FREE))
		panic("objcache %s: double put of %p", oc->oc_name, obj);
	oc_poison(oc, obj);
#endif
}

void
objcache_put(struct objcache *oc, void *obj)
{
	struct oc_percpu *pc;
	int done = 0;

	KASSERT(obj != NULL, ("objcache_put: %s: NULL", oc->oc_name));
	oc_take_back(oc, obj);
	if (oc->oc_type != NULL)
		malloc_type_freed(oc->oc_type, oc->oc_objsize);
	crit_enter();
	pc = &oc->oc_cpu[mycpuid];
	PC_ADD(&pc->pc_inuse, -1);
	if (!(oc->oc_flags & OC_NOMAG))
		done = oc_mag_push(pc, obj) || oc_put_depot(oc, pc, obj);
	if (!done)
		oc_put_slab(oc, obj);
	crit_exit();
}

/* --- Create, destroy, reclaim ------------------------------------- */

struct objcache *
objcache_create_flags(const char *name, size_t size,
    struct malloc_type *type, int flags)
{
	struct objcache *oc;

	KASSERT(objcache_inited, ("objcache_create before kmalloc_init"));
	KASSERT((flags & ~OC_INTERNAL) == 0,
	    ("objcache_create: flags 0x%x", flags));
	oc = oc_get_internal(&oc_cache_cache, M_WAITOK, 1);
	oc_setup(oc, name, size, type, flags);
	return (oc);
}

struct objcache *
objcache_create(const char *name, size_t size, struct malloc_type *type)
{
	ASSERT_MAY_SLEEP();
	return (objcache_create_flags(name, size, type, 0));
}

/* Move every object of the magazines on `mags' to the slabs. */
static void
oc_drain_mags(struct objcache *oc, struct oc_maglist *mags)
{
	struct oc_slablist rel = TAILQ_HEAD_INITIALIZER(rel);
	struct oc_magazine *mag;
	struct vm_page *m;

	while ((mag = SLIST_FIRST(mags)) != NULL) {
		SLIST_REMOVE_HEAD(mags, mag_link);
		spin_lock(&oc->oc_lock);
		while (mag->mag_rounds > 0) {
			m = oc_slab_put_locked(oc,
			    mag->mag_objs[--mag->mag_rounds], 1);
			if (m != NULL)
				TAILQ_INSERT_TAIL(&rel, m, p_link);
		}
		spin_unlock(&oc->oc_lock);
		oc_slab_free_list(oc, &rel);
		oc_mag_free(mag);
	}
}

static void
oc_take_depot(struct objcache *oc, struct oc_maglist *mags)
{
	struct oc_magazine *mag;

	spin_lock(&oc->oc_lock);
	while ((mag = SLIST_FIRST(&oc->oc_full)) != NULL) {
		SLIST_REMOVE_HEAD(&oc->oc_full, mag_link);
		SLIST_INSERT_HEAD(mags, mag, mag_link);
	}
	while ((mag = SLIST_FIRST(&oc->oc_empty)) != NULL) {
		SLIST_REMOVE_HEAD(&oc->oc_empty, mag_link);
		SLIST_INSERT_HEAD(mags, mag, mag_link);
	}
	oc->oc_nfull = oc->oc_nempty = 0;
	spin_unlock(&oc->oc_lock);
}

/* Detach a CPU's magazines: its own CPU in a critical section, or any. */
static void
oc_take_percpu(struct oc_percpu *pc, struct oc_maglist *mags)
{
	if (pc->pc_loaded != NULL)
		SLIST_INSERT_HEAD(mags, pc->pc_loaded, mag_link);
	if (pc->pc_prev != NULL)
		SLIST_INSERT_HEAD(mags, pc->pc_prev, mag_link);
	pc->pc_loaded = pc->pc_prev = NULL;
}

void
objcache_reclaim(struct objcache *oc)
{
	struct oc_maglist mags = SLIST_HEAD_INITIALIZER(mags);

	if (!(oc->oc_flags & OC_NOMAG)) {
		oc_take_depot(oc, &mags);
		crit_enter();
		oc_take_percpu(&oc->oc_cpu[mycpuid], &mags);
		crit_exit();
		oc_drain_mags(oc, &mags);
	}
	oc_slab_release_empty(oc);
}

void
objcache_reclaim_all(void)
{
	struct objcache *oc;

	/* Newest first: the magazine cache, created first, comes last. */
	spin_lock(&objcache_list_lock);
	LIST_FOREACH(oc, &objcache_list, oc_link)
		objcache_reclaim(oc);
	spin_unlock(&objcache_list_lock);
}

void
objcache_destroy(struct objcache *oc)
{
	struct oc_maglist mags = SLIST_HEAD_INITIALIZER(mags);
	struct objcache_stats os;

	KASSERT(!(oc->oc_flags & OC_NOMAG), ("objcache_destroy: %s",
	    oc->oc_name));
	objcache_stats(oc, &os);
	if (os.os_inuse != 0)
		panic("objcache_destroy: %s: %ld objects still in use",
		    oc->oc_name, os.os_inuse);
	spin_lock(&objcache_list_lock);
	LIST_REMOVE(oc, oc_link);
	spin_unlock(&objcache_list_lock);

	/* Nobody uses the cache any more: every CPU's magazines are idle. */
	for (int i = 0; i < MAXCPU; i++)
		oc_take_percpu(&oc->oc_cpu[i], &mags);
	oc_take_depot(oc, &mags);
	oc_drain_mags(oc, &mags);
	oc_slab_release_empty(oc);
	VERIFY(oc->oc_nslabs == 0 && oc->oc_slabfree == 0);
	objcache_put(&oc_cache_cache, oc);
}

/* --- Statistics --------------------------------------------------- */

void
objcache_stats(struct objcache *oc, struct objcache_stats *os)
{
	int64_t carved;

	memset(os, 0, sizeof(*os));
	for (int i = 0; i < MAXCPU; i++) {
		struct oc_percpu *pc = &oc->oc_cpu[i];

		os->os_inuse += PC_LOAD(&pc->pc_inuse);
		os->os_total += PC_LOAD(&pc->pc_total);
		os->os_failures += PC_LOAD(&pc->pc_failures);
	}
	carved = PC_LOAD(&oc->oc_nslabs) * oc->oc_slabobjs;
	os->os_cached = MAX(carved - os->os_inuse, 0);
}

const char *
objcache_name(struct objcache *oc)
{
	return (oc->oc_name);
}

size_t
objcache_objsize(struct objcache *oc)
{
	return (oc->oc_objsize);
}

int
objcache_flags(struct objcache *oc)
{
	return (oc->oc_flags);
}

uint64_t
objcache_id(struct objcache *oc)
{
	return (oc->oc_id);
}

void
objcache_foreach(void (*fn)(struct objcache *, void *), void *arg)
{
	struct objcache *oc;

	spin_lock(&objcache_list_lock);
	LIST_FOREACH(oc, &objcache_list, oc_link)
		fn(oc, arg);
	spin_unlock(&objcache_list_lock);
}
