/*
 * amd64/pmap.c: user page tables.
 *
 * Entry points (all but pmap_activate/pmap_current with the owning
 * vmspace's vm_lock held, see vm/vm_map.h):
 *   pmap_pinit/pmap_release   vmspace_alloc/vmspace_free
 *   pmap_enter                vm_fault, vm_map (shared page)
 *   pmap_extract              vm_fault, vm_copyout_to, tests
 *   pmap_remove/pmap_protect  munmap, mprotect, vmspace_free
 *   pmap_copy_managed         vmspace_fork (eager copy of private pages)
 *   pmap_activate             vmspace_activate and cpu_switch_user, with
 *                             interrupts disabled
 * The layout, the PML4 sharing rule and the PTE bits are described in
 * machine/pmap.h.
 *
 * Only 4 KiB leaves are used in user space.  Page-table pages are freed
 * when the pmap is released, not when they become empty.
 *
 * Which CPUs use a pmap.  pmap_cur[cpu] is the pmap in that CPU's %cr3;
 * pm_active has a bit for each such CPU (the kernel pmap keeps no bits).
 * A CPU changes both only in pmap_activate, interrupts disabled, setting
 * its bit before loading %cr3 and clearing the old pmap's bit after.
 *
 * TLB shootdown.  Whoever changes or removes a present leaf calls
 * pmap_invalidate() afterwards: a full fence, then every CPU in
 * pm_active runs pmap_inval_cpu() (lwkt_cpusync), which flushes the range
 * if the pmap is still its current one.  No CPU can miss the change:
 *
 *   changer (CPU A)                      switcher (CPU B)
 *   store PTE; mfence                    set bit in pm_active (locked)
 *   read pm_active                       load %cr3 (walks see new PTEs)
 *
 * If A does not see B's bit, B set it after A's read, hence after A's
 * store, and B's page walks start after that.  Freed pages are returned
 * to the allocator only after the shootdown, so no CPU can write to a
 * page that has been handed out again.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/ipiq.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>
#include <vm/vm_map.h>

#define NPTE		512
#define NUPML4E		256		/* user half of the PML4 */
#define PG_PROTNONE	0x400		/* software: page held, no access */
#define PG_HOLDS	(PG_V | PG_PROTNONE)
#define INVAL_MAXPAGES	32		/* beyond this, flush the whole TLB */
#define FREE_BATCH	64

extern uint64_t	boot_pml4[NPTE];

struct pmap	kernel_pmap = {
	.pm_pml4 = boot_pml4,
	.pm_pml4_pa = (vm_paddr_t)boot_pml4 - KERNBASE,
};
static struct pmap *pmap_cur[MAXCPU] = {
	[0 ... MAXCPU - 1] = &kernel_pmap
};
uint64_t	pg_nx;			/* [I] PG_NX once EFER.NXE is on */

int
pmap_nx_enabled(void)
{
	return (pg_nx != 0);
}

static uint64_t *
pmap_table(uint64_t entry)
{
	return (PHYS_TO_DMAP(entry & PG_FRAME));
}

/* The leaf bits for a protection. */
static uint64_t
pmap_prot_bits(int prot)
{
	uint64_t bits;

	if ((prot & VM_PROT_ALL) == VM_PROT_NONE)
		return (PG_PROTNONE);
	bits = PG_V | PG_U | PG_A;
	if (prot & VM_PROT_WRITE)
		bits |= PG_RW | PG_M;
	if (!(prot & VM_PROT_EXECUTE))
		bits |= pg_nx;
	return (bits);
}

/*
 * The leaf entry for va, or NULL if a table on the way is missing and
 * alloc is 0 (or no page could be had for it).
 */
static uint64_t *
pmap_pte(struct pmap *pm, vm_offset_t va, int alloc)
{
	uint64_t *table = pm->pm_pml4;
	vm_paddr_t pa;

	KASSERT(va < VM_MAXUSER_ADDRESS, ("pmap_pte: %#lx not user", va));
	for (int shift = 39; shift > PAGE_SHIFT; shift -= 9) {
		uint64_t *e = &table[(va >> shift) & (NPTE - 1)];

		if (!(*e & PG_V)) {
			if (!alloc || (pa = vm_page_alloc()) == 0)
				return (NULL);
			memset(PHYS_TO_DMAP(pa), 0, PAGE_SIZE);
			pm->pm_ptpages++;
			*e = pa | PG_V | PG_RW | PG_U;
		}
		KASSERT(!(*e & PG_PS), ("pmap_pte: large page at %#lx", va));
		table = pmap_table(*e);
	}
	return (&table[(va >> PAGE_SHIFT) & (NPTE - 1)]);
}

/*
 * Call fn on every leaf that holds a page in [sva, eva), skipping missing
 * tables a whole table's span at a time.  fn returns 0 to go on.
 */
typedef int pmap_visit_t(struct pmap *pm, vm_offset_t va, uint64_t *pte,
    void *arg);

static int
pmap_walk(struct pmap *pm, vm_offset_t sva, vm_offset_t eva,
    pmap_visit_t *fn, void *arg)
{
	vm_offset_t va = sva;
	int error;

	while (va < eva) {
		uint64_t *table = pm->pm_pml4, *e = NULL;
		int shift;

		for (shift = 39; shift >= PAGE_SHIFT; shift -= 9) {
			e = &table[(va >> shift) & (NPTE - 1)];
			if (shift == PAGE_SHIFT || !(*e & PG_V))
				break;
			table = pmap_table(*e);
		}
		if (shift > PAGE_SHIFT) {	/* a missing table: skip it */
			va = (va | ((1UL << shift) - 1)) + 1;
			continue;
		}
		if ((*e & PG_HOLDS) && (error = fn(pm, va, e, arg)) != 0)
			return (error);
		va += PAGE_SIZE;
	}
	return (0);
}

/* IPI (or local) handler: flush the range if pm is this CPU's pmap. */
struct pmap_inval {
	struct pmap	*pi_pmap;
	vm_offset_t	pi_sva;
	vm_offset_t	pi_eva;
};

static void
pmap_inval_cpu(void *arg)
{
	struct pmap_inval *pi = arg;

	if (pmap_cur[mycpuid] != pi->pi_pmap)
		return;
	if ((pi->pi_eva - pi->pi_sva) / PAGE_SIZE > INVAL_MAXPAGES) {
		load_cr3(rcr3());
		return;
	}
	for (vm_offset_t va = pi->pi_sva; va < pi->pi_eva; va += PAGE_SIZE)
		invlpg(va);
}

static void
pmap_invalidate(struct pmap *pm, vm_offset_t sva, vm_offset_t eva)
{
	struct pmap_inval pi = { pm, sva, eva };
	u_int mask;

	cpu_mfence();			/* PTE stores before the mask load */
	mask = atomic_load_int(&pm->pm_active);
	for (int cpu = 0; mask != 0; cpu++, mask >>= 1) {
		if (!(mask & 1))
			continue;
		if (cpu == mycpuid) {
			crit_enter();
			pmap_inval_cpu(&pi);
			crit_exit();
		} else
			lwkt_cpusync(globaldata_find(cpu), pmap_inval_cpu, &pi);
	}
}

int
pmap_pinit(struct pmap *pm)
{
	vm_paddr_t pa = vm_page_alloc();

	if (pa == 0)
		return (ENOMEM);
	memset(pm, 0, sizeof(*pm));
	pm->pm_pml4 = PHYS_TO_DMAP(pa);
	pm->pm_pml4_pa = pa;
	memset(pm->pm_pml4, 0, NUPML4E * sizeof(uint64_t));
	memcpy(&pm->pm_pml4[NUPML4E], &boot_pml4[NUPML4E],
	    (NPTE - NUPML4E) * sizeof(uint64_t));
	return (0);
}

/* Free the page-table pages under entry e of a table at `level' (3..1). */
static void
pmap_free_tables(struct pmap *pm, uint64_t e, int level)
{
	uint64_t *table = pmap_table(e);

	if (level > 1) {
		for (int i = 0; i < NPTE; i++)
			if (table[i] & PG_V)
				pmap_free_tables(pm, table[i], level - 1);
	} else {
		for (int i = 0; i < NPTE; i++)
			KASSERT(!(table[i] & PG_HOLDS),
			    ("pmap_release: page still mapped"));
	}
	vm_page_free(e & PG_FRAME);
	pm->pm_ptpages--;
}

void
pmap_release(struct pmap *pm)
{
	KASSERT(pm != &kernel_pmap, ("pmap_release: kernel pmap"));
	KASSERT(atomic_load_int(&pm->pm_active) == 0,
	    ("pmap_release: active on cpus %#x", pm->pm_active));
	KASSERT(pm->pm_resident == 0, ("pmap_release: %lu pages mapped",
	    pm->pm_resident));
	for (int i = 0; i < NUPML4E; i++)
		if (pm->pm_pml4[i] & PG_V)
			pmap_free_tables(pm, pm->pm_pml4[i], 3);
	KASSERT(pm->pm_ptpages == 0, ("pmap_release: %lu tables leaked",
	    pm->pm_ptpages));
	vm_page_free(pm->pm_pml4_pa);
	pm->pm_pml4 = NULL;
}

int
pmap_enter(struct pmap *pm, vm_offset_t va, vm_paddr_t pa, int prot,
    int managed)
{
	uint64_t *pte = pmap_pte(pm, va, 1);

	KASSERT((va & PAGE_MASK) == 0 && (pa & PAGE_MASK) == 0,
	    ("pmap_enter: unaligned %#lx -> %#lx", va, pa));
	if (pte == NULL)
		return (ENOMEM);
	KASSERT(!(*pte & PG_HOLDS), ("pmap_enter: %#lx already mapped", va));
	*pte = pa | pmap_prot_bits(prot) | (managed ? PG_MANAGED : 0);
	pm->pm_resident++;
	return (0);
}

/* The physical page at va (0 if none); *ptep gets the entry if not NULL. */
vm_paddr_t
pmap_extract(struct pmap *pm, vm_offset_t va, uint64_t *ptep)
{
	uint64_t *pte = pmap_pte(pm, trunc_page(va), 0);
	uint64_t e = pte != NULL ? *pte : 0;

	if (ptep != NULL)
		*ptep = e;
	return ((e & PG_HOLDS) ? (e & PG_FRAME) : 0);
}

struct pmap_free_batch {
	vm_paddr_t	fb_pages[FREE_BATCH];
	int		fb_n;
	vm_offset_t	fb_sva;		/* range cleared since the last flush */
	vm_offset_t	fb_eva;
};

static void
pmap_free_batch_flush(struct pmap *pm, struct pmap_free_batch *fb)
{
	if (fb->fb_sva < fb->fb_eva)
		pmap_invalidate(pm, fb->fb_sva, fb->fb_eva);
	for (int i = 0; i < fb->fb_n; i++)
		vm_page_free(fb->fb_pages[i]);
	fb->fb_n = 0;
	fb->fb_sva = fb->fb_eva = 0;
}

static int
pmap_remove_one(struct pmap *pm, vm_offset_t va, uint64_t *pte, void *arg)
{
	struct pmap_free_batch *fb = arg;
	uint64_t e = *pte;

	*pte = 0;
	pm->pm_resident--;
	if (fb->fb_sva == fb->fb_eva)
		fb->fb_sva = va;
	fb->fb_eva = va + PAGE_SIZE;
	if (e & PG_MANAGED) {
		fb->fb_pages[fb->fb_n++] = e & PG_FRAME;
		if (fb->fb_n == FREE_BATCH)
			pmap_free_batch_flush(pm, fb);
	}
	return (0);
}

/* Unmap [sva, eva); managed pages go back to the allocator. */
void
pmap_remove(struct pmap *pm, vm_offset_t sva, vm_offset_t eva)
{
	struct pmap_free_batch fb;

	fb.fb_n = 0;
	fb.fb_sva = fb.fb_eva = 0;
	pmap_walk(pm, sva, eva, pmap_remove_one, &fb);
	pmap_free_batch_flush(pm, &fb);
}

static int
pmap_protect_one(struct pmap *pm, vm_offset_t va, uint64_t *pte, void *arg)
{
	uint64_t bits = *(uint64_t *)arg;

	*pte = (*pte & (PG_FRAME | PG_MANAGED)) | bits;
	return (0);
}

void
pmap_protect(struct pmap *pm, vm_offset_t sva, vm_offset_t eva, int prot)
{
	uint64_t bits = pmap_prot_bits(prot);

	pmap_walk(pm, sva, eva, pmap_protect_one, &bits);
	pmap_invalidate(pm, sva, eva);
}

static int
pmap_copy_one(struct pmap *src, vm_offset_t va, uint64_t *pte, void *arg)
{
	struct pmap *dst = arg;
	uint64_t *dpte;
	vm_paddr_t pa;

	if (!(*pte & PG_MANAGED))
		return (0);
	if ((pa = vm_page_alloc()) == 0)
		return (ENOMEM);
	if ((dpte = pmap_pte(dst, va, 1)) == NULL) {
		vm_page_free(pa);
		return (ENOMEM);
	}
	memcpy(PHYS_TO_DMAP(pa), pmap_table(*pte), PAGE_SIZE);
	*dpte = pa | (*pte & ~PG_FRAME);
	dst->pm_resident++;
	return (0);
}

/* fork: give dst a copy of every managed page src has in [sva, eva). */
int
pmap_copy_managed(struct pmap *dst, struct pmap *src, vm_offset_t sva,
    vm_offset_t eva)
{
	return (pmap_walk(src, sva, eva, pmap_copy_one, dst));
}

void
pmap_activate(struct pmap *pm)
{
	int cpu = mycpuid;
	struct pmap *old = pmap_cur[cpu];

	KASSERT(!(read_rflags() & PSL_I), ("pmap_activate: interrupts on"));
	if (old == pm)
		return;
	if (pm != &kernel_pmap)
		atomic_set_int(&pm->pm_active, 1u << cpu);
	load_cr3(pm->pm_pml4_pa);
	if (old != &kernel_pmap)
		atomic_clear_int(&old->pm_active, 1u << cpu);
	pmap_cur[cpu] = pm;
}

struct pmap *
pmap_current(void)
{
	return (pmap_cur[mycpuid]);
}
