/*
 * sys/malloc.h: kernel memory allocation by named type.
 *
 * Every allocation is charged to a struct malloc_type; the per-type
 * statistics (bytes and allocations in use, high-water mark, total
 * allocations, failures) make every leak visible: ktest and the test suite
 * compare them before and after each case.  See kern/kern_kmalloc.c.
 *
 * Flags: M_WAITOK may sleep until memory is available (never from a netisr
 * thread or interrupt); M_NOWAIT returns NULL instead; M_ZERO zeroes.
 */
#ifndef _SYS_MALLOC_H_
#define _SYS_MALLOC_H_

#include <sys/types.h>
#include <sys/param.h>
#include <sys/linker_set.h>

#define M_NOWAIT	0x0001
#define M_WAITOK	0x0002
#define M_ZERO		0x0100

struct malloc_type_cpu {
	int64_t	mtc_inuse;		/* bytes allocated minus freed here */
	int64_t	mtc_count;		/* allocations minus frees here */
	uint64_t mtc_total;		/* allocations made here */
	uint64_t mtc_failures;		/* M_NOWAIT failures here */
} __cachealign;

struct malloc_type {
	const char	*ks_shortdesc;	/* [I] name, as sysctl shows it */
	const char	*ks_longdesc;	/* [I] */
	int64_t		ks_highwater;	/* [a] max bytes in use, approximate */
	int		ks_failinject;	/* [a] test hook, kmalloc_fail_inject */
	struct malloc_type_cpu ks_cpu[MAXCPU]; /* per CPU, owner CPU writes */
};

struct malloc_stats {
	int64_t		ms_inuse;	/* bytes in use */
	int64_t		ms_count;	/* allocations in use */
	int64_t		ms_highwater;
	uint64_t	ms_total;
	uint64_t	ms_failures;
};

#define MALLOC_DEFINE(type, shortdesc, longdesc)			\
	struct malloc_type type[1] = { { .ks_shortdesc = (shortdesc),	\
	    .ks_longdesc = (longdesc) } };				\
	DATA_SET(set_malloc_types, type)
#define MALLOC_DECLARE(type)	extern struct malloc_type type[1]

MALLOC_DECLARE(M_TEMP);
MALLOC_DECLARE(M_DEVBUF);
MALLOC_DECLARE(M_THREAD);

void	*kmalloc(size_t size, struct malloc_type *type, int flags);
void	kfree(void *addr, struct malloc_type *type);
void	*krealloc(void *addr, size_t size, struct malloc_type *type, int flags);
size_t	kmalloc_usable_size(const void *addr);
void	kmalloc_init(void);

void	malloc_type_stats(struct malloc_type *type, struct malloc_stats *ms);
/* Call fn for every registered type (sysctl, leak checks). */
void	malloc_type_foreach(void (*fn)(struct malloc_type *, void *), void *arg);

/*
 * Leak checking: a snapshot of every type's in-use counters and of the
 * object caches' in-use counts (free objects the caches keep do not
 * count); kmalloc_leakcheck() writes the differences into `why' (e.g.
 * "leak: temp +2 allocations (+256 bytes)") and returns the number of
 * types and caches that differ.  A cache created after the snapshot and
 * still there counts as a difference.
 */
struct kmalloc_snapshot;
struct kmalloc_snapshot *kmalloc_snapshot_take(void);
int	kmalloc_leakcheck(struct kmalloc_snapshot *snap, char *why, size_t len);
void	kmalloc_snapshot_free(struct kmalloc_snapshot *snap);

/* Test hook: the next n M_NOWAIT allocations of `type' fail. */
void	kmalloc_fail_inject(struct malloc_type *type, int n);

/* For kern_objcache.c: charge a type for objects handed out. */
void	malloc_type_alloced(struct malloc_type *type, size_t bytes);
void	malloc_type_freed(struct malloc_type *type, size_t bytes);

/* Free memory is filled with this pattern under INVARIANTS. */
#define KMALLOC_POISON32	0xdeadc0deU

#endif /* !_SYS_MALLOC_H_ */
