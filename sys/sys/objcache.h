/*
 * sys/objcache.h: caches of fixed-size objects with per-CPU magazines.
 *
 * Sockets, mbufs, pcbs and messages come from object caches.  Each CPU
 * keeps a small magazine of free objects it can hand out inside a
 * critical section without any lock; full and empty magazines are
 * exchanged with the cache's depot under its spinlock.  See
 * kern/kern_objcache.c.
 *
 * Objects are at least 16-byte aligned.  objcache_get(M_NOWAIT) never
 * sleeps (it may be called from an interrupt or a netisr thread);
 * M_WAITOK may sleep until memory is available.  An object may be put
 * back on any CPU.  When the cache has a malloc type, every object in use
 * is charged to it (not the free objects the cache keeps).
 */
#ifndef _SYS_OBJCACHE_H_
#define _SYS_OBJCACHE_H_

#include <sys/types.h>

struct objcache;
struct malloc_type;

struct objcache_stats {
	int64_t		os_inuse;	/* objects handed out, not returned */
	uint64_t	os_total;	/* objcache_get successes */
	uint64_t	os_failures;	/* M_NOWAIT gets that returned NULL */
	int64_t		os_cached;	/* free objects held in magazines/depot */
};

struct objcache *objcache_create(const char *name, size_t size,
	    struct malloc_type *type);
void	objcache_destroy(struct objcache *oc);	/* all objects returned */
void	*objcache_get(struct objcache *oc, int mflags);
void	objcache_put(struct objcache *oc, void *obj);
void	objcache_stats(struct objcache *oc, struct objcache_stats *os);
const char *objcache_name(struct objcache *oc);
/* fn runs with the cache list's spinlock held: it must not sleep. */
void	objcache_foreach(void (*fn)(struct objcache *, void *), void *arg);
void	objcache_reclaim(struct objcache *oc);	/* free cached objects */
/* Reclaim every cache (memory pressure; also used by tests). */
void	objcache_reclaim_all(void);

/*
 * For kern_kmalloc.c only.  objcache_init() runs from kmalloc_init().
 * OC_INTERNAL caches (kmalloc's size classes) are left out of leak
 * checks: the malloc types already account for what they hold.
 * objcache_tag() is the per-object word kept beside each object under
 * INVARIANTS (NULL otherwise): OC_TAG_FREE while the cache holds the
 * object, anything else (kmalloc stores the malloc type) while in use.
 */
#define OC_INTERNAL	0x0001
#define OC_TAG_FREE	((uintptr_t)0xf4eef4eef4eef4eeUL)
#define OC_TAG_INUSE	((uintptr_t)1)
void	objcache_init(void);
struct objcache *objcache_create_flags(const char *name, size_t size,
	    struct malloc_type *type, int flags);
uintptr_t *objcache_tag(struct objcache *oc, void *obj);
size_t	objcache_objsize(struct objcache *oc);
int	objcache_flags(struct objcache *oc);
uint64_t objcache_id(struct objcache *oc);	/* unique, never reused */

#endif
