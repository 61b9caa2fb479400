/*
 * vm/vm_page.h: the physical page allocator.
 *
 * Physical memory (from the boot loader's memory map, minus the kernel
 * image and the low 1 MiB) is handed to vm_page_startup() by machdep.c.
 * Pages are reached through the direct map (PHYS_TO_DMAP).  Allocation is
 * by power-of-two blocks of pages (a buddy allocator) under one spinlock.
 * See the theory statement at the top of vm/vm_page.c.
 *
 * Every managed page has a struct vm_page.  The allocator owns the free
 * blocks; whoever allocated a block owns it until it frees it and may
 * record what it uses the block for in the [o] fields (kern_kmalloc.c and
 * kern_objcache.c do, so kfree() can find an allocation's size and type).
 *
 * Ownership key: [I] immutable after vm_page_startup(), [m] the
 * allocator's spinlock (private to vm_page.c), [o] the holder of the
 * allocated block that contains the page (cleared by vm_page_free_order).
 */
#ifndef _VM_VM_PAGE_H_
#define _VM_VM_PAGE_H_

#include <sys/types.h>
#include <sys/queue.h>

struct phys_range {
	vm_paddr_t	pr_start;	/* page aligned */
	vm_paddr_t	pr_end;		/* exclusive */
};

struct vm_page {
	TAILQ_ENTRY(vm_page) p_link;	/* [m] free list; [o] owner's list */
	vm_paddr_t	p_phys;		/* [I] physical address */
	void		*p_owner;	/* [o] malloc type, objcache... */
	void		*p_slabfree;	/* [o] objcache slab: free objects */
	uint32_t	p_slabused;	/* [o] objcache slab: objects out */
	uint8_t		p_order;	/* [m] head of a block: its order */
	uint8_t		p_flags;	/* [m] PG_* */
	uint8_t		p_use;		/* [o] VPU_* */
	uint8_t		p_poisoned;	/* [o] INVARIANTS: holds the pattern */
};

/* p_flags: only the first page of a block (its head) carries them. */
#define PG_FREE		0x01	/* head of a free block of p_order */
#define PG_ALLOC	0x02	/* head of an allocated block of p_order */

/* p_use, set by the block's holder on every page of the block. */
#define VPU_NONE	0	/* plain vm_page_alloc_order() user */
#define VPU_KMEM	1	/* kmalloc large allocation, p_owner = type */
#define VPU_SLAB	2	/* objcache slab, p_owner = the objcache */

/* Byte pattern of free pages under INVARIANTS. */
#define VM_PAGE_POISON	0xdeadc0dedeadc0deUL

void	vm_page_startup(const struct phys_range *ranges, int nranges);
/* Allocate 2^order contiguous pages; 0 when none (never sleeps). */
vm_paddr_t vm_page_alloc_order(int order);
void	vm_page_free_order(vm_paddr_t pa, int order);
#define vm_page_alloc()		vm_page_alloc_order(0)
#define vm_page_free(pa)	vm_page_free_order((pa), 0)
uint64_t vm_page_free_count(void);	/* pages free now */
uint64_t vm_page_total_count(void);	/* pages managed */
/* The page's metadata, or NULL if the allocator does not manage it. */
struct vm_page *vm_page_lookup(vm_paddr_t pa);

#define VM_MAX_ORDER	10		/* up to 4 MiB blocks */

#endif
