/*
 * vm/vm_map.c: user address spaces: map entries, demand-zero faults,
 * fork's copy, and the mmap/munmap/mprotect/madvise system calls.
 *
 * The model (kinds of entries, callers, the vm_lock rule) is described at
 * the top of vm/vm_map.h; page tables are amd64/pmap.c.
 *
 * Entries are a sorted TAILQ: processes have tens of mappings, and every
 * operation is linear in them.  A range operation first clips the entries
 * at its ends (vm_map_clip), so it only ever works on whole entries.
 *
 * Page ownership.  A private page belongs to the leaf PTE that maps it
 * (PG_MANAGED): pmap_remove frees it, pmap_copy_managed copies it for
 * fork.  A shared anonymous page belongs to its struct vm_anon, which is
 * freed with its pages when the last entry referring to it goes; the PTEs
 * that map it are unmanaged.  Two processes may fault the same vm_anon
 * slot at once under different vm_locks: the slot is filled with a
 * compare-and-swap and the loser frees its page.
 *
 * Errors follow FreeBSD's mmap(2) family: EINVAL for bad arguments or
 * ranges outside user space, ENOMEM when no address range fits (or, for
 * mprotect, when part of the range is not mapped), EACCES for a forbidden
 * protection change.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/lock.h>
#include <sys/ipiq.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>
#include <vm/vm_map.h>

MALLOC_DEFINE(M_VMSPACE, "vmspace", "user address spaces and map entries");

/* The top of what mappings may use: the shared page is above. */
#define VM_MAP_TOP	SHAREDPAGE
#define VM_32BIT_TOP	0x80000000UL
#define VM_ANON_MAXPAGES ((PAGE_SIZE << VM_MAX_ORDER) / sizeof(vm_paddr_t))

extern char	sigcode_page[];		/* amd64/syscall.S: page aligned */

static int	vm_fault_locked(struct vmspace *vs, vm_offset_t va, int ftype,
		    int ignore_prot, vm_paddr_t *pap);

static void
vm_lock_x(struct vmspace *vs)
{
	lockmgr(&vs->vm_lock, LK_EXCLUSIVE);
}

static void
vm_unlock(struct vmspace *vs)
{
	lockmgr(&vs->vm_lock, LK_RELEASE);
}

#define VM_LOCK_ASSERT(vs)	LOCK_ASSERT_XLOCKED(&(vs)->vm_lock)

/* Is [start, start + len) a non-empty page-aligned range below `top'? */
static int
vm_range_ok(vm_offset_t start, size_t len, vm_offset_t top)
{
	return (len != 0 && (start & PAGE_MASK) == 0 &&
	    (len & PAGE_MASK) == 0 && start >= VM_MINUSER_ADDRESS &&
	    start < top && len <= top - start);
}

/*
 * Shared anonymous memory.
 */
static struct vm_anon *
vm_anon_alloc(size_t npages)
{
	struct vm_anon *an;

	if (npages > VM_ANON_MAXPAGES)
		return (NULL);
	an = kmalloc(sizeof(*an), M_VMSPACE, M_WAITOK | M_ZERO);
	an->an_pages = kmalloc(npages * sizeof(vm_paddr_t), M_VMSPACE,
	    M_NOWAIT | M_ZERO);
	if (an->an_pages == NULL) {
		kfree(an, M_VMSPACE);
		return (NULL);
	}
	an->an_refs = 1;
	an->an_npages = npages;
	return (an);
}

static void
vm_anon_release(struct vm_anon *an)
{
	if (atomic_fetchadd_int(&an->an_refs, -1) != 1)
		return;
	for (size_t i = 0; i < an->an_npages; i++)
		if (an->an_pages[i] != 0)
			vm_page_free(an->an_pages[i]);
	kfree(an->an_pages, M_VMSPACE);
	kfree(an, M_VMSPACE);
}

/* The page of slot i, allocated zeroed on first use; 0 if no memory. */
static vm_paddr_t
vm_anon_page(struct vm_anon *an, size_t i)
{
	vm_paddr_t pa;

	KASSERT(i < an->an_npages, ("vm_anon_page: slot %zu of %zu", i,
	    an->an_npages));
	if ((pa = atomic_load_ptr(&an->an_pages[i])) != 0)
		return (pa);
	if ((pa = vm_page_alloc()) == 0)
		return (0);
	memset(PHYS_TO_DMAP(pa), 0, PAGE_SIZE);
	if (!atomic_cmpset_long(&an->an_pages[i], 0, pa)) {
		vm_page_free(pa);		/* another process won */
		pa = an->an_pages[i];
	}
	return (pa);
}

/*
 * Map entries.
 */
static struct vm_map_entry *
vm_entry_alloc(vm_offset_t start, vm_offset_t end, int prot, int flags)
{
	struct vm_map_entry *e;

	e = kmalloc(sizeof(*e), M_VMSPACE, M_WAITOK | M_ZERO);
	e->e_start = start;
	e->e_end = end;
	e->e_prot = prot;
	e->e_flags = flags;
	return (e);
}

static void
vm_entry_insert(struct vmspace *vs, struct vm_map_entry *ne)
{
	struct vm_map_entry *e;

	VM_LOCK_ASSERT(vs);
	TAILQ_FOREACH(e, &vs->vm_entries, e_link) {
		if (e->e_start >= ne->e_end)
			break;
		KASSERT(e->e_end <= ne->e_start, ("vm_entry_insert: "
		    "[%#lx, %#lx) overlaps [%#lx, %#lx)", ne->e_start,
		    ne->e_end, e->e_start, e->e_end));
	}
	if (e != NULL)
		TAILQ_INSERT_BEFORE(e, ne, e_link);
	else
		TAILQ_INSERT_TAIL(&vs->vm_entries, ne, e_link);
	vs->vm_nentries++;
}

/* Unlink, unmap and free one entry. */
static void
vm_entry_delete(struct vmspace *vs, struct vm_map_entry *e)
{
	VM_LOCK_ASSERT(vs);
	TAILQ_REMOVE(&vs->vm_entries, e, e_link);
	vs->vm_nentries--;
	pmap_remove(&vs->vm_pmap, e->e_start, e->e_end);
	if (e->e_anon != NULL)
		vm_anon_release(e->e_anon);
	kfree(e, M_VMSPACE);
}

static struct vm_map_entry *
vm_map_lookup(struct vmspace *vs, vm_offset_t va)
{
	struct vm_map_entry *e;

	TAILQ_FOREACH(e, &vs->vm_entries, e_link) {
		if (va < e->e_start)
			return (NULL);
		if (va < e->e_end)
			return (e);
	}
	return (NULL);
}

/* Split the entry containing va (if any) so that an entry starts at va. */
static void
vm_map_clip(struct vmspace *vs, vm_offset_t va)
{
	struct vm_map_entry *e = vm_map_lookup(vs, va), *ne, *next;

	if (e == NULL || e->e_start == va)
		return;
	ne = vm_entry_alloc(va, e->e_end, e->e_prot, e->e_flags);
	if (e->e_anon != NULL) {
		ne->e_anon = e->e_anon;
		ne->e_anonoff = e->e_anonoff + (va - e->e_start) / PAGE_SIZE;
		atomic_add_int(&e->e_anon->an_refs, 1);
	}
	e->e_end = va;
	if ((next = TAILQ_NEXT(e, e_link)) != NULL)
		TAILQ_INSERT_BEFORE(next, ne, e_link);
	else
		TAILQ_INSERT_TAIL(&vs->vm_entries, ne, e_link);
	vs->vm_nentries++;
}

/* Remove every mapping in [start, end). */
static void
vm_map_delete(struct vmspace *vs, vm_offset_t start, vm_offset_t end)
{
	struct vm_map_entry *e, *next;

	VM_LOCK_ASSERT(vs);
	vm_map_clip(vs, start);
	vm_map_clip(vs, end);
	TAILQ_FOREACH_SAFE(e, &vs->vm_entries, e_link, next) {
		if (e->e_start >= end)
			break;
		if (e->e_start >= start)
			vm_entry_delete(vs, e);
	}
}

static int
vm_map_range_free(struct vmspace *vs, vm_offset_t start, vm_offset_t end)
{
	struct vm_map_entry *e;

	TAILQ_FOREACH(e, &vs->vm_entries, e_link)
		if (e->e_start < end && e->e_end > start)
			return (0);
	return (1);
}

/* First fit at or above hint, aligned; wraps around to `min' once. */
static int
vm_map_findspace(struct vmspace *vs, vm_offset_t hint, size_t len,
    vm_offset_t align, vm_offset_t min, vm_offset_t max, vm_offset_t *addrp)
{
	struct vm_map_entry *e;
	vm_offset_t addr;

	for (int pass = 0; pass < 2; pass++) {
		addr = roundup2(MAX(hint, min), align);
		TAILQ_FOREACH(e, &vs->vm_entries, e_link) {
			if (e->e_end <= addr)
				continue;
			if (addr + len <= e->e_start)
				break;
			addr = roundup2(e->e_end, align);
		}
		if (addr < max && len <= max - addr) {
			*addrp = addr;
			return (0);
		}
		if (hint <= min)
			break;
		hint = min;
	}
	return (ENOMEM);
}

/*
 * Address spaces.
 */
struct vmspace *
vmspace_alloc(void)
{
	struct vmspace *vs;
	struct vm_map_entry *e;

	vs = kmalloc(sizeof(*vs), M_VMSPACE, M_WAITOK | M_ZERO);
	if (pmap_pinit(&vs->vm_pmap) != 0) {
		kfree(vs, M_VMSPACE);
		return (NULL);
	}
	lockinit(&vs->vm_lock, "vmspace");
	TAILQ_INIT(&vs->vm_entries);
	e = vm_entry_alloc(SHAREDPAGE, SHAREDPAGE + PAGE_SIZE,
	    VM_PROT_READ | VM_PROT_EXECUTE, ME_SHAREDPAGE);
	vm_lock_x(vs);
	vm_entry_insert(vs, e);
	if (pmap_enter(&vs->vm_pmap, SHAREDPAGE, KVTOP(sigcode_page),
	    e->e_prot, 0) != 0) {
		vm_unlock(vs);
		vmspace_free(vs);
		return (NULL);
	}
	vm_unlock(vs);
	return (vs);
}

/* Copy one entry of the parent into the child (both locked). */
static int
vmspace_fork_entry(struct vmspace *nvs, struct vmspace *vs,
    struct vm_map_entry *e)
{
	struct vm_map_entry *ne;

	ne = vm_entry_alloc(e->e_start, e->e_end, e->e_prot, e->e_flags);
	if (e->e_anon != NULL) {
		ne->e_anon = e->e_anon;
		ne->e_anonoff = e->e_anonoff;
		atomic_add_int(&e->e_anon->an_refs, 1);
	}
	vm_entry_insert(nvs, ne);
	if (e->e_flags & (ME_SHARED | ME_GUARD))
		return (0);		/* shared pages fault in on demand */
	return (pmap_copy_managed(&nvs->vm_pmap, &vs->vm_pmap, e->e_start,
	    e->e_end));
}

struct vmspace *
vmspace_fork(struct vmspace *vs)
{
	struct vmspace *nvs;
	struct vm_map_entry *e;
	int error = 0;

	if ((nvs = vmspace_alloc()) == NULL)
		return (NULL);
	vm_lock_x(vs);
	vm_lock_x(nvs);
	TAILQ_FOREACH(e, &vs->vm_entries, e_link) {
		if (e->e_flags & ME_SHAREDPAGE)
			continue;
		if ((error = vmspace_fork_entry(nvs, vs, e)) != 0)
			break;
	}
	vm_unlock(nvs);
	vm_unlock(vs);
	if (error != 0) {
		vmspace_free(nvs);
		return (NULL);
	}
	return (nvs);
}

/* IPI: a CPU still running on a dying address space leaves it. */
static void
vmspace_drop_cpu(void *arg)
{
	struct pmap *pm = arg;

	if (pmap_current() != pm)
		return;
	KASSERT(curthread->td_proc == NULL ||
	    curthread->td_proc->p_vmspace == NULL ||
	    &curthread->td_proc->p_vmspace->vm_pmap != pm,
	    ("vmspace_free: %s still runs in it", curthread->td_comm));
	pmap_activate(&kernel_pmap);
}

void
vmspace_free(struct vmspace *vs)
{
	struct vm_map_entry *e;
	u_int mask;

	/*
	 * Page tables are switched lazily: a kernel thread may run on the
	 * tables of the user thread that ran before it.  Leave them here;
	 * only a thread of a process that still uses vs may not free it.
	 */
	if (pmap_current() == &vs->vm_pmap) {
		KASSERT(curthread->td_proc == NULL ||
		    curthread->td_proc->p_vmspace != vs,
		    ("vmspace_free: %s frees the address space it runs in",
		    curthread->td_comm));
		vmspace_activate(NULL);
	}
	/* Threads that just exited on other CPUs may still have it loaded. */
	mask = atomic_load_int(&vs->vm_pmap.pm_active);
	for (int cpu = 0; mask != 0; cpu++, mask >>= 1)
		if (mask & 1)
			lwkt_cpusync(globaldata_find(cpu), vmspace_drop_cpu,
			    &vs->vm_pmap);
	vm_lock_x(vs);
	while ((e = TAILQ_FIRST(&vs->vm_entries)) != NULL)
		vm_entry_delete(vs, e);
	vm_unlock(vs);
	pmap_release(&vs->vm_pmap);
	kfree(vs, M_VMSPACE);
}

void
vmspace_activate(struct vmspace *vs)
{
	uint64_t rf = intr_disable();

	pmap_activate(vs != NULL ? &vs->vm_pmap : &kernel_pmap);
	intr_restore(rf);
}

struct vmspace *
vmspace_current(void)
{
	struct pmap *pm = pmap_current();

	if (pm == &kernel_pmap)
		return (NULL);
	return ((struct vmspace *)((char *)pm -
	    __builtin_offsetof(struct vmspace, vm_pmap)));
}

size_t
vmspace_resident(struct vmspace *vs)
{
	return (vs->vm_pmap.pm_resident);
}

/*
 * Mapping, unmapping, protecting.
 */
/*
 * Choose [start, start + len) for a new mapping (vm_lock held): the fixed
 * address, after removing what is there, or a free range.
 */
static int
vm_map_place(struct vmspace *vs, vm_offset_t *addr, size_t len, int flags)
{
	vm_offset_t start = *addr, align = PAGE_SIZE, max = VM_MAP_TOP;
	int shift = flags >> VM_MAP_ALIGN_SHIFT;

	VM_LOCK_ASSERT(vs);
	if (flags & VM_MAP_FIXED) {
		if (!vm_range_ok(start, len, VM_MAP_TOP))
			return (EINVAL);
		if ((flags & VM_MAP_EXCL) &&
		    !vm_map_range_free(vs, start, start + len))
			return (EINVAL);
		vm_map_delete(vs, start, start + len);
		return (0);
	}
	if (shift != 0) {
		if (shift < PAGE_SHIFT || shift > 46)
			return (EINVAL);
		align = 1UL << shift;
	}
	if (flags & VM_MAP_32BIT)
		max = VM_32BIT_TOP;
	start = trunc_page(start);
	if (start == 0 && !(flags & VM_MAP_32BIT))
		start = VM_MMAP_BASE;
	return (vm_map_findspace(vs, start, len, align, VM_MINUSER_ADDRESS,
	    max, addr));
}

/*
 * Map len bytes (rounded up to pages) of anonymous memory with prot.
 * *addr is the address (VM_MAP_FIXED) or a hint, and on success the
 * address chosen.  0, EINVAL or ENOMEM.
 */
int
vm_map_anon(struct vmspace *vs, vm_offset_t *addr, size_t len, int prot,
    int flags)
{
	struct vm_anon *an = NULL;
	struct vm_map_entry *e;
	int eflags = 0, error;

	len = round_page(len);
	if (len == 0 || (prot & ~VM_PROT_ALL) != 0)
		return (EINVAL);
	if (flags & VM_MAP_GUARD) {
		prot = VM_PROT_NONE;
		eflags |= ME_GUARD;
	}
	if (flags & VM_MAP_STACK)
		eflags |= ME_STACK;
	if (flags & VM_MAP_SHARED) {
		if ((an = vm_anon_alloc(len / PAGE_SIZE)) == NULL)
			return (ENOMEM);
		eflags |= ME_SHARED;
	}
	vm_lock_x(vs);
	if ((error = vm_map_place(vs, addr, len, flags)) == 0) {
		e = vm_entry_alloc(*addr, *addr + len, prot, eflags);
		e->e_anon = an;
		an = NULL;
		vm_entry_insert(vs, e);
	}
	vm_unlock(vs);
	if (an != NULL)
		vm_anon_release(an);
	return (error);
}

int
vm_map_remove(struct vmspace *vs, vm_offset_t addr, size_t len)
{
	if (!vm_range_ok(addr, len, VM_MAP_TOP))
		return (EINVAL);
	vm_lock_x(vs);
	vm_map_delete(vs, addr, addr + len);
	vm_unlock(vs);
	return (0);
}

int
vm_map_protect(struct vmspace *vs, vm_offset_t addr, size_t len, int prot)
{
	vm_offset_t end = addr + len, va;
	struct vm_map_entry *e;
	int error = 0;

	if (!vm_range_ok(addr, len, VM_MAXUSER_ADDRESS) ||
	    (prot & ~VM_PROT_ALL) != 0)
		return (EINVAL);
	vm_lock_x(vs);
	/* The whole range must be mapped, and not by the shared page. */
	for (va = addr; va < end; va = e->e_end) {
		if ((e = vm_map_lookup(vs, va)) == NULL) {
			error = ENOMEM;
			goto out;
		}
		if (e->e_flags & ME_SHAREDPAGE) {
			error = EACCES;
			goto out;
		}
	}
	vm_map_clip(vs, addr);
	vm_map_clip(vs, end);
	TAILQ_FOREACH(e, &vs->vm_entries, e_link) {
		if (e->e_start >= end)
			break;
		if (e->e_start < addr || (e->e_flags & ME_GUARD))
			continue;
		e->e_prot = prot;
		pmap_protect(&vs->vm_pmap, e->e_start, e->e_end, prot);
	}
out:
	vm_unlock(vs);
	return (error);
}

/*
 * Faults.
 */

/*
 * Make the page at va present.  ftype is the access (VM_PROT_*) the
 * entry must allow unless ignore_prot (the kernel writing a new image).
 * 0, EFAULT (nothing mapped there), EACCES (not allowed) or ENOMEM.
 */
static int
vm_fault_locked(struct vmspace *vs, vm_offset_t va, int ftype,
    int ignore_prot, vm_paddr_t *pap)
{
	struct vm_map_entry *e;
	vm_paddr_t pa;
	int managed, error;

	VM_LOCK_ASSERT(vs);
	va = trunc_page(va);
	if ((e = vm_map_lookup(vs, va)) == NULL)
		return (EFAULT);
	if ((e->e_flags & ME_GUARD) ||
	    (!ignore_prot && (e->e_prot & ftype) != ftype))
		return (EACCES);
	if ((pa = pmap_extract(&vs->vm_pmap, va, NULL)) != 0)
		goto done;		/* another thread got here first */
	if (e->e_flags & ME_SHARED) {
		pa = vm_anon_page(e->e_anon,
		    e->e_anonoff + (va - e->e_start) / PAGE_SIZE);
		managed = 0;
	} else {
		if ((pa = vm_page_alloc()) != 0)
			memset(PHYS_TO_DMAP(pa), 0, PAGE_SIZE);
		managed = 1;
	}
	if (pa == 0)
		return (ENOMEM);
	if ((error = pmap_enter(&vs->vm_pmap, va, pa, e->e_prot,
	    managed)) != 0) {
		if (managed)
			vm_page_free(pa);
		return (error);
	}
done:
	if (pap != NULL)
		*pap = pa;
	return (0);
}

/*
 * A page fault at va in vs, for an access of fault_type (VM_PROT_READ,
 * VM_PROT_WRITE or VM_PROT_EXECUTE).  Called by trap() with interrupts
 * enabled and no spinlocks held; may sleep.
 */
int
vm_fault(struct vmspace *vs, vm_offset_t va, int fault_type)
{
	int error;

	if (va < VM_MINUSER_ADDRESS || va >= VM_MAXUSER_ADDRESS)
		return (EFAULT);
	KASSERT(lockstatus(&vs->vm_lock) != LK_EXCLUSIVE,
	    ("vm_fault: the faulting thread holds vm_lock (copyin under "
	    "vm_lock?)"));
	vm_lock_x(vs);
	error = vm_fault_locked(vs, va, fault_type, 0, NULL);
	vm_unlock(vs);
	return (error);
}

/* Copy between the kernel and a (possibly inactive) address space. */
static int
vm_copy_user(struct vmspace *vs, vm_offset_t uva, void *k, size_t len,
    int out)
{
	vm_paddr_t pa;
	size_t n;
	int error = 0;

	if (len == 0)
		return (0);
	if (uva < VM_MINUSER_ADDRESS || uva >= VM_MAXUSER_ADDRESS ||
	    len > VM_MAXUSER_ADDRESS - uva)
		return (EFAULT);
	vm_lock_x(vs);
	while (len > 0) {
		struct vm_map_entry *e = vm_map_lookup(vs, uva);

		if (out && e != NULL && (e->e_flags & ME_SHAREDPAGE)) {
			error = EFAULT;		/* the kernel's page */
			break;
		}
		if (vm_fault_locked(vs, uva, VM_PROT_NONE, 1, &pa) != 0) {
			error = EFAULT;
			break;
		}
		n = MIN(len, PAGE_SIZE - (uva & PAGE_MASK));
		if (out)
			memcpy((char *)PHYS_TO_DMAP(pa) + (uva & PAGE_MASK), k,
			    n);
		else
			memcpy(k, (char *)PHYS_TO_DMAP(pa) + (uva & PAGE_MASK),
			    n);
		uva += n;
		k = (char *)k + n;
		len -= n;
	}
	vm_unlock(vs);
	return (error);
}

int
vm_copyout_to(struct vmspace *vs, vm_offset_t uva, const void *k, size_t len)
{
	return (vm_copy_user(vs, uva, (void *)(uintptr_t)k, len, 1));
}

int
vm_copyin_from(struct vmspace *vs, vm_offset_t uva, void *k, size_t len)
{
	return (vm_copy_user(vs, uva, k, len, 0));
}

/*
 * System calls: mmap (anonymous memory only), munmap, mprotect, madvise.
 * Constants are FreeBSD's sys/mman.h.
 */
#define PROT_ALL_K		0x07
#define PROT_MAX_SHIFT_K	16
#define MAP_SHARED_K		0x0001
#define MAP_PRIVATE_K		0x0002
#define MAP_FIXED_K		0x0010
#define MAP_RESERVED0080_K	0x0080
#define MAP_RESERVED0100_K	0x0100
#define MAP_STACK_K		0x0400
#define MAP_ANON_K		0x1000
#define MAP_GUARD_K		0x2000
#define MAP_EXCL_K		0x4000
#define MAP_32BIT_K		0x00080000
#define MAP_ALIGNMENT_SHIFT_K	24
#define MAP_ALIGNED_SUPER_K	1
#define MADV_NORMAL_K		0
#define MADV_CORE_K		9	/* the last one FreeBSD defines */

static int
mmap_check(struct mmap_args *uap, int *flagsp)
{
	int flags = uap->flags, prot = uap->prot;
	int align = (uint32_t)flags >> MAP_ALIGNMENT_SHIFT_K;

	if ((prot & ~(PROT_ALL_K | (PROT_ALL_K << PROT_MAX_SHIFT_K))) != 0)
		return (EINVAL);
	if (flags & (MAP_RESERVED0080_K | MAP_RESERVED0100_K))
		return (EINVAL);
	if ((flags & (MAP_SHARED_K | MAP_PRIVATE_K)) ==
	    (MAP_SHARED_K | MAP_PRIVATE_K))
		return (EINVAL);
	if (flags & MAP_STACK_K) {
		if (uap->fd != -1 || (prot & 3) != 3)
			return (EINVAL);
		flags |= MAP_ANON_K;
	}
	if (flags & MAP_GUARD_K) {
		if ((prot & PROT_ALL_K) != 0 || uap->fd != -1 ||
		    uap->pos != 0 || (flags & ~(MAP_GUARD_K | MAP_FIXED_K |
		    MAP_EXCL_K | MAP_32BIT_K | (0xff << MAP_ALIGNMENT_SHIFT_K))))
			return (EINVAL);
		flags |= MAP_ANON_K;
	}
	if ((flags & MAP_ANON_K) && (uap->fd != -1 || uap->pos != 0))
		return (EINVAL);
	if (!(flags & MAP_ANON_K))
		return (ENODEV);	/* file mappings are not supported */
	if ((flags & MAP_EXCL_K) && !(flags & MAP_FIXED_K))
		return (EINVAL);
	if (uap->len == 0)
		return (EINVAL);
	if (align != 0 && align != MAP_ALIGNED_SUPER_K &&
	    (align < PAGE_SHIFT || align >= 47))
		return (EINVAL);
	*flagsp = flags;
	return (0);
}

int
sys_mmap(struct thread *td, struct mmap_args *uap)
{
	vm_offset_t addr = (vm_offset_t)uap->addr;
	size_t len = uap->len;
	int flags, vflags = 0, align, error;

	if ((error = mmap_check(uap, &flags)) != 0)
		return (error);
	if (flags & MAP_FIXED_K) {
		if (addr & PAGE_MASK)
			return (EINVAL);
		vflags |= VM_MAP_FIXED;
		if (flags & MAP_EXCL_K)
			vflags |= VM_MAP_EXCL;
	}
	if (len > VM_MAXUSER_ADDRESS)
		return (flags & MAP_FIXED_K ? EINVAL : ENOMEM);
	if (flags & MAP_SHARED_K)
		vflags |= VM_MAP_SHARED;
	if (flags & MAP_STACK_K)
		vflags |= VM_MAP_STACK;
	if (flags & MAP_GUARD_K)
		vflags |= VM_MAP_GUARD;
	if (flags & MAP_32BIT_K)
		vflags |= VM_MAP_32BIT;
	align = (uint32_t)flags >> MAP_ALIGNMENT_SHIFT_K;
	if (align == MAP_ALIGNED_SUPER_K)
		align = len >= (2UL << 20) ? 21 : 0;
	if (!(flags & MAP_FIXED_K))
		vflags |= VM_MAP_ALIGNED(align);
	error = vm_map_anon(td->td_proc->p_vmspace, &addr, len,
	    uap->prot & PROT_ALL_K, vflags);
	if (error == 0)
		td->td_retval[0] = addr;
	return (error);
}

/* FreeBSD rounds the range out to whole pages in munmap and mprotect. */
static int
vm_user_range(const void *uaddr, size_t len, vm_offset_t *startp,
    size_t *lenp)
{
	vm_offset_t start = trunc_page((vm_offset_t)uaddr);
	vm_offset_t off = (vm_offset_t)uaddr - start;

	if (len > VM_MAXUSER_ADDRESS || (vm_offset_t)uaddr >= VM_MAXUSER_ADDRESS)
		return (EINVAL);
	*startp = start;
	*lenp = round_page(len + off);
	return (0);
}

int
sys_munmap(struct thread *td, struct munmap_args *uap)
{
	vm_offset_t start;
	size_t len;

	if (uap->len == 0 ||
	    vm_user_range(uap->addr, uap->len, &start, &len) != 0)
		return (EINVAL);
	return (vm_map_remove(td->td_proc->p_vmspace, start, len));
}

int
sys_mprotect(struct thread *td, struct mprotect_args *uap)
{
	vm_offset_t start;
	size_t len;
	int prot = uap->prot;

	if ((prot & ~(PROT_ALL_K | (PROT_ALL_K << PROT_MAX_SHIFT_K))) != 0)
		return (EINVAL);
	if (vm_user_range(uap->addr, uap->len, &start, &len) != 0)
		return (EINVAL);
	if (len == 0)
		return (0);
	return (vm_map_protect(td->td_proc->p_vmspace, start, len,
	    prot & PROT_ALL_K));
}

/*
 * madvise: advice only.  Memory is never paged, so every valid piece of
 * advice is correctly followed by doing nothing (MADV_DONTNEED and
 * MADV_FREE allow, but do not require, the pages to be discarded).
 */
int
sys_madvise(struct thread *td, struct madvise_args *uap)
{
	vm_offset_t start;
	size_t len;

	if (uap->behav < MADV_NORMAL_K || uap->behav > MADV_CORE_K)
		return (EINVAL);
	if (vm_user_range(uap->addr, uap->len, &start, &len) != 0)
		return (EINVAL);
	return (0);
}
