/*
 * machine/pmap.h: address-space layout, the direct map and user page
 * tables (amd64/pmap.c).
 *
 *   0x0000000000000000 .. 0x0000000000000fff  never mapped (NULL)
 *   VM_MINUSER_ADDRESS .. VM_MAXUSER_ADDRESS   user space, per process
 *     SHAREDPAGE = VM_MAXUSER_ADDRESS - 4096   the signal trampoline page,
 *                                              read/execute, in every process
 *     USRSTACK = SHAREDPAGE                    the initial stack grows down
 *                                              from here
 *   DMAP_BASE ..              all physical memory (first 4 GiB at boot)
 *   KERNBASE ..               the kernel image (physical 0 .. 1 GiB)
 *
 * The last user page (VM_MAXUSER_ADDRESS .. 0x00007fffffffffff) is never
 * mapped, so a `syscall' instruction can never leave a non-canonical
 * return address in %rcx (sysretq would fault in ring 0 on Intel CPUs).
 *
 * Page tables.  Kernel threads run on boot_pml4 (locore.S), whose low half
 * still holds the boot identity map of 0 .. 1 GiB (the AP trampoline needs
 * it).  Every user address space (struct vmspace, vm/vm_map.h) has its own
 * PML4 whose low half (entries 0..255) is private and empty at creation and
 * whose high half (entries 256..511) is copied from boot_pml4: the kernel
 * PDPTs are shared, so kernel mappings are the same everywhere.  (The
 * PML4 entries themselves are copied when the address space is made: a
 * new top-level kernel mapping must be added before the first process.)
 *
 * Leaf PTEs carry PG_MANAGED (a software bit) when the page belongs to the
 * mapping: pmap_remove() frees such pages.  Unmanaged leaves (the shared
 * signal page, pages of shared anonymous memory) belong to someone else.
 *
 * Ownership key: [I] immutable after pmap_pinit, [v] the owning vmspace's
 * vm_lock (vm/vm_map.h), [a] atomic.
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <machine/asmacros.h>

#define PHYS_TO_DMAP(pa)	((void *)((uint64_t)(pa) + DMAP_BASE))
#define DMAP_TO_PHYS(va)	((uint64_t)(va) - DMAP_BASE)
#define KVTOP(va)		((uint64_t)(va) - KERNBASE)

/* User address space (no UL suffixes: assembly includes this). */
#define VM_MINUSER_ADDRESS	0x0000000000001000
#define VM_MAXUSER_ADDRESS	0x00007ffffffff000
#define SHAREDPAGE		0x00007fffffffe000
#define USRSTACK		SHAREDPAGE

/* Page-table entry bits. */
#define PG_V		0x001		/* present */
#define PG_RW		0x002		/* writable */
#define PG_U		0x004		/* user accessible */
#define PG_A		0x020		/* accessed */
#define PG_M		0x040		/* dirty */
#define PG_PS		0x080		/* large page (PDPT/PD level) */
#define PG_MANAGED	0x200		/* software: the mapping owns the page */
#define PG_NX		0x8000000000000000	/* no execute (if EFER.NXE) */
#define PG_FRAME	0x000ffffffffff000

#ifndef __ASSEMBLY__
#include <sys/types.h>

/*
 * End of the direct map: locore.S maps the first 4 GiB; machdep.c extends
 * the map with 1 GiB pages to cover all RAM the boot loader reports.
 */
extern unsigned long dmap_max_phys;		/* [I] */
#define DMAP_MAX_PHYS		dmap_max_phys

struct pmap {
	uint64_t	*pm_pml4;	/* [I] top-level table (direct map) */
	vm_paddr_t	pm_pml4_pa;	/* [I] its physical address (%cr3) */
	volatile u_int	pm_active;	/* [a] CPUs that have it in %cr3 */
	uint64_t	pm_ptpages;	/* [v] page-table pages below the PML4 */
	uint64_t	pm_resident;	/* [v] user pages mapped */
};

extern struct pmap kernel_pmap;		/* boot_pml4: kernel threads */

/* vm_prot_t bits (vm/vm_map.h has the names). */
int	pmap_pinit(struct pmap *pm);		/* 0 or ENOMEM */
void	pmap_release(struct pmap *pm);		/* all mappings removed */
int	pmap_enter(struct pmap *pm, vm_offset_t va, vm_paddr_t pa, int prot,
	    int managed);			/* 0 or ENOMEM */
vm_paddr_t pmap_extract(struct pmap *pm, vm_offset_t va, uint64_t *ptep);
void	pmap_remove(struct pmap *pm, vm_offset_t sva, vm_offset_t eva);
void	pmap_protect(struct pmap *pm, vm_offset_t sva, vm_offset_t eva,
	    int prot);
int	pmap_copy_managed(struct pmap *dst, struct pmap *src, vm_offset_t sva,
	    vm_offset_t eva);			/* fork: 0 or ENOMEM */
void	pmap_activate(struct pmap *pm);		/* this CPU; intr off */
struct pmap *pmap_current(void);		/* what this CPU runs on */
int	pmap_nx_enabled(void);
#endif /* !__ASSEMBLY__ */

#endif
