/*
 * vm/vm_map.h: user address spaces (vm/vm_map.c).
 *
 * A struct vmspace is one process's address space: its page tables (a
 * struct pmap, machine/pmap.h) and a list of map entries, sorted by
 * address and never overlapping, each [start, end) page aligned with a
 * protection and a kind:
 *   private anonymous  demand-zero memory; its pages belong to the page
 *                      tables (PG_MANAGED) and are copied, eagerly, by fork;
 *   shared anonymous   (VM_MAP_SHARED, mmap MAP_SHARED|MAP_ANON) pages held
 *                      by a reference-counted struct vm_anon that fork
 *                      shares with the child;
 *   guard              (VM_MAP_GUARD) address space reserved, never
 *                      accessible (mprotect leaves it alone);
 *   shared page        the signal trampoline page at SHAREDPAGE, read and
 *                      execute, in every address space (kernel-owned).
 * There is no copy-on-write and no paging: a page, once touched, stays
 * until unmapped.
 *
 * Callers:
 *   exec (kern_exec.c)   vmspace_alloc, vm_map_anon(FIXED) for segments and
 *                        the stack, vm_copyout_to to fill them, then
 *                        vmspace_activate and vmspace_free of the old one;
 *   fork (kern_fork.c)   vmspace_fork;  exit: vmspace_activate(NULL) then
 *                        vmspace_free;
 *   the scheduler        cpu_switch_user (amd64/vm_machdep.c) activates the
 *                        vmspace of the thread it switches to;
 *   trap.c               vm_fault for user page faults and for faults in
 *                        copyin/copyout;
 *   system calls         mmap, munmap, mprotect, madvise (here).
 *
 * Locking: vm_lock, a sleep lock, serialises every change to the entries
 * and to the page tables, and every fault (faults may allocate and so may
 * sleep).  It is taken before any spinlock (kmalloc, the page allocator,
 * IPIs for TLB shootdown) and never while a thread of this vmspace might
 * hold it already: copyin/copyout must not be called with vm_lock held.
 *
 * Ownership key: [I] immutable after creation, [v] vm_lock, [a] atomic.
 */
#ifndef _VM_VM_MAP_H_
#define _VM_VM_MAP_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/lock.h>
#include <machine/pmap.h>

/* Protections (the same values as PROT_* in sys/mman.h). */
#define VM_PROT_NONE	0x00
#define VM_PROT_READ	0x01
#define VM_PROT_WRITE	0x02
#define VM_PROT_EXECUTE	0x04
#define VM_PROT_ALL	0x07

/* vm_map_anon() flags. */
#define VM_MAP_FIXED	0x0001	/* exactly at *addr, replacing mappings */
#define VM_MAP_EXCL	0x0002	/* with FIXED: EINVAL if anything is there */
#define VM_MAP_STACK	0x0004	/* a thread stack (only recorded) */
#define VM_MAP_SHARED	0x0008	/* shared with children across fork */
#define VM_MAP_GUARD	0x0010	/* reserve only: never accessible */
#define VM_MAP_32BIT	0x0020	/* anywhere below 2 GiB */
#define VM_MAP_ALIGN_SHIFT 24	/* anywhere, aligned to 1 << (flags >> 24) */
#define VM_MAP_ALIGNED(n)	((n) << VM_MAP_ALIGN_SHIFT)

/* Where "anywhere" mappings start looking when given no hint. */
#define VM_MMAP_BASE	0x0000000800000000UL	/* 32 GiB */
#define DFLSSIZ		(8UL << 20)		/* initial stack: 8 MiB */

/* Shared anonymous memory: pages shared by every entry that maps it. */
struct vm_anon {
	u_int		an_refs;	/* [a] entries referring to it */
	size_t		an_npages;	/* [I] */
	vm_paddr_t	*an_pages;	/* [a] 0 until first touched (cmpxchg) */
};

struct vm_map_entry {
	TAILQ_ENTRY(vm_map_entry) e_link; /* [v] vm_entries, sorted */
	vm_offset_t	e_start;	/* [v] page aligned */
	vm_offset_t	e_end;		/* [v] exclusive */
	int		e_prot;		/* [v] VM_PROT_* */
	int		e_flags;	/* [v] ME_* */
	struct vm_anon	*e_anon;	/* [v] ME_SHARED: the pages */
	size_t		e_anonoff;	/* [v] page index of e_start in e_anon */
};

#define ME_STACK	0x0001
#define ME_SHARED	0x0002	/* shared anonymous: e_anon */
#define ME_GUARD	0x0004
#define ME_SHAREDPAGE	0x0008	/* the signal trampoline page */

struct vmspace {
	struct pmap	vm_pmap;	/* [v] page tables */
	struct lock	vm_lock;
	TAILQ_HEAD(, vm_map_entry) vm_entries; /* [v] */
	int		vm_nentries;	/* [v] */
};

#define vmspace_pmap(vs)	(&(vs)->vm_pmap)

struct vmspace *vmspace_alloc(void);		/* NULL: no memory */
struct vmspace *vmspace_fork(struct vmspace *vs); /* NULL: no memory */
void	vmspace_free(struct vmspace *vs);
void	vmspace_activate(struct vmspace *vs);	/* NULL: the kernel's */
struct vmspace *vmspace_current(void);		/* NULL: kernel tables */

int	vm_map_anon(struct vmspace *vs, vm_offset_t *addr, size_t len,
	    int prot, int flags);
int	vm_map_remove(struct vmspace *vs, vm_offset_t addr, size_t len);
int	vm_map_protect(struct vmspace *vs, vm_offset_t addr, size_t len,
	    int prot);
int	vm_copyout_to(struct vmspace *vs, vm_offset_t uva, const void *k,
	    size_t len);
int	vm_copyin_from(struct vmspace *vs, vm_offset_t uva, void *k,
	    size_t len);
int	vm_fault(struct vmspace *vs, vm_offset_t va, int fault_type);
size_t	vmspace_resident(struct vmspace *vs);	/* pages mapped */

#endif /* !_VM_VM_MAP_H_ */
