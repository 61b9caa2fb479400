/*
 * ktest_vm_map.c: self tests for user address spaces (vm/vm_map.c,
 * amd64/pmap.c): creation and destruction, anonymous mappings, demand-zero
 * faults, fork's copy, protection, unmapping and TLB shootdown.
 *
 * The test thread is a kernel thread: to touch user addresses it
 * activates the address space (vs_enter) around copyin/copyout, and does
 * not sleep meanwhile (cpu_switch_user would object).  vm_copyout_to and
 * vm_copyin_from reach an address space without activating it.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>
#include <vm/vm_page.h>
#include <vm/vm_map.h>

#define UVA		0x400000UL	/* where these tests map things */
#define RW		(VM_PROT_READ | VM_PROT_WRITE)

static void
vs_enter(struct vmspace *vs)
{
	vmspace_activate(vs);
}

static void
vs_leave(void)
{
	vmspace_activate(NULL);
}

static struct vmspace *
vs_with_anon(vm_offset_t va, size_t len, int prot, int flags)
{
	struct vmspace *vs = vmspace_alloc();
	vm_offset_t addr = va;

	if (vs == NULL)
		return (NULL);
	if (vm_map_anon(vs, &addr, len, prot, flags | VM_MAP_FIXED) != 0 ||
	    addr != va) {
		vmspace_free(vs);
		return (NULL);
	}
	return (vs);
}

/* Build, use and destroy an address space of every kind of mapping. */
static int
vs_churn(void)
{
	struct vmspace *vs, *child;
	vm_offset_t sh = 0;
	char buf[64];

	vs = vs_with_anon(UVA, 16 * PAGE_SIZE, RW, 0);
	if (vs == NULL)
		return (ENOMEM);
	memset(buf, 0x5a, sizeof(buf));
	for (int i = 0; i < 16; i += 3)
		vm_copyout_to(vs, UVA + i * PAGE_SIZE + 100, buf, sizeof(buf));
	if (vm_map_anon(vs, &sh, 4 * PAGE_SIZE, RW, VM_MAP_SHARED) != 0)
		return (ENOMEM);
	vm_copyout_to(vs, sh + PAGE_SIZE, buf, sizeof(buf));
	child = vmspace_fork(vs);
	if (child == NULL)
		return (ENOMEM);
	vm_copyout_to(child, sh + 2 * PAGE_SIZE, buf, sizeof(buf));
	vm_map_remove(vs, UVA + 4 * PAGE_SIZE, 4 * PAGE_SIZE);
	vmspace_free(vs);
	vmspace_free(child);
	return (0);
}

KTEST(vmspace_create_destroy_leaks_no_pages, 30)
{
	uint64_t before;

	KT_ASSERT_EQ(vs_churn(), 0);	/* warm the allocator caches */
	before = vm_page_free_count();
	for (int i = 0; i < 20; i++)
		KT_ASSERT_EQ(vs_churn(), 0);
	KT_ASSERT_EQ(vm_page_free_count(), before);
}

KTEST(vmspace_alloc_maps_only_the_shared_page, 30)
{
	struct vmspace *vs = vmspace_alloc();
	uint64_t pte;

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vmspace_resident(vs), 1);
	KT_ASSERT_EQ(vs->vm_nentries, 1);
	KT_ASSERT(pmap_extract(vmspace_pmap(vs), SHAREDPAGE, &pte) != 0);
	KT_ASSERT((pte & (PG_V | PG_U)) == (PG_V | PG_U));
	KT_ASSERT(!(pte & PG_RW));
	KT_ASSERT(!(pte & PG_MANAGED));
	KT_ASSERT(!(pte & PG_NX));
	/* The kernel half is shared with boot_pml4. */
	for (int i = 256; i < 512; i++)
		KT_ASSERT_EQ(vs->vm_pmap.pm_pml4[i], kernel_pmap.pm_pml4[i]);
	vmspace_free(vs);
}

/* Kernel threads' boot_pml4 maps 0..1 GiB; a user space must not. */
KTEST(vmspace_has_no_boot_identity_map, 30)
{
	struct vmspace *vs = vmspace_alloc();
	char c;

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vs->vm_pmap.pm_pml4[0], 0);
	vs_enter(vs);
	KT_ASSERT_EQ(copyin((void *)0x100000, &c, 1), EFAULT);
	vs_leave();
	vmspace_free(vs);
}

KTEST(vm_copyout_to_then_copyin_through_user_address, 30)
{
	struct vmspace *vs = vs_with_anon(UVA, 3 * PAGE_SIZE,
	    VM_PROT_READ, 0);
	char src[300], dst[300];

	KT_ASSERT(vs != NULL);
	for (int i = 0; i < (int)sizeof(src); i++)
		src[i] = i * 7;
	/* Straddles a page boundary; the mapping is read-only to users. */
	KT_ASSERT_EQ(vm_copyout_to(vs, UVA + PAGE_SIZE - 100, src,
	    sizeof(src)), 0);
	KT_ASSERT_EQ(vmspace_resident(vs), 1 + 2);
	vs_enter(vs);
	KT_ASSERT_EQ(copyin((void *)(UVA + PAGE_SIZE - 100), dst,
	    sizeof(dst)), 0);
	vs_leave();
	KT_ASSERT(memcmp(src, dst, sizeof(src)) == 0);
	memset(dst, 0, sizeof(dst));
	KT_ASSERT_EQ(vm_copyin_from(vs, UVA + PAGE_SIZE - 100, dst,
	    sizeof(dst)), 0);
	KT_ASSERT(memcmp(src, dst, sizeof(src)) == 0);
	vmspace_free(vs);
}

KTEST(vm_copyout_to_unmapped_or_shared_page_EFAULT, 30)
{
	struct vmspace *vs = vs_with_anon(UVA, PAGE_SIZE, RW, 0);
	char buf[16] = "x";

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vm_copyout_to(vs, UVA + PAGE_SIZE - 8, buf, 16), EFAULT);
	KT_ASSERT_EQ(vm_copyout_to(vs, SHAREDPAGE, buf, 1), EFAULT);
	KT_ASSERT_EQ(vm_copyout_to(vs, 0, buf, 1), EFAULT);
	KT_ASSERT_EQ(vm_copyout_to(vs, VM_MAXUSER_ADDRESS, buf, 1), EFAULT);
	vmspace_free(vs);
}

KTEST(vm_fault_demand_zero_fills_zero_pages, 30)
{
	static char buf[2 * 4096];
	struct vmspace *vs = vs_with_anon(UVA, 2 * PAGE_SIZE, RW, 0);
	vm_paddr_t pa;

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vmspace_resident(vs), 1);	/* nothing faulted yet */
	memset(buf, 0xee, sizeof(buf));
	vs_enter(vs);
	KT_ASSERT_EQ(copyin((void *)UVA, buf, sizeof(buf)), 0);
	vs_leave();
	for (size_t i = 0; i < sizeof(buf); i++)
		KT_ASSERT_MSG(buf[i] == 0, "byte %zu is %#x", i, buf[i] & 0xff);
	KT_ASSERT_EQ(vmspace_resident(vs), 3);
	pa = pmap_extract(vmspace_pmap(vs), UVA, NULL);
	KT_ASSERT(pa != 0);
	KT_ASSERT(vm_page_lookup(pa) != NULL);
	vmspace_free(vs);
}

KTEST(vm_fault_direct_reports_mapping_and_access_errors, 30)
{
	struct vmspace *vs = vs_with_anon(UVA, PAGE_SIZE, VM_PROT_READ, 0);

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vm_fault(vs, UVA + 5, VM_PROT_READ), 0);
	KT_ASSERT_EQ(vm_fault(vs, UVA + 5, VM_PROT_READ), 0);	/* again */
	KT_ASSERT_EQ(vm_fault(vs, UVA, VM_PROT_WRITE), EACCES);
	KT_ASSERT_EQ(vm_fault(vs, UVA, VM_PROT_EXECUTE), EACCES);
	KT_ASSERT_EQ(vm_fault(vs, UVA + PAGE_SIZE, VM_PROT_READ), EFAULT);
	KT_ASSERT_EQ(vm_fault(vs, 0, VM_PROT_READ), EFAULT);
	KT_ASSERT_EQ(vm_fault(vs, VM_MAXUSER_ADDRESS, VM_PROT_READ), EFAULT);
	vmspace_free(vs);
}

KTEST(vmspace_fork_copies_private_shares_shared, 30)
{
	struct vmspace *parent = vs_with_anon(UVA, 2 * PAGE_SIZE, RW, 0);
	struct vmspace *child;
	vm_offset_t sh = 0;
	char buf[16];

	KT_ASSERT(parent != NULL);
	KT_ASSERT_EQ(vm_map_anon(parent, &sh, PAGE_SIZE, RW, VM_MAP_SHARED),
	    0);
	KT_ASSERT(sh >= VM_MMAP_BASE);
	KT_ASSERT_EQ(vm_copyout_to(parent, UVA + 10, "parent", 7), 0);
	KT_ASSERT_EQ(vm_copyout_to(parent, sh, "shared0", 8), 0);
	child = vmspace_fork(parent);
	KT_ASSERT(child != NULL);
	KT_ASSERT_EQ(child->vm_nentries, parent->vm_nentries);
	/* Only the touched private page was copied (plus the shared page). */
	KT_ASSERT_EQ(vmspace_resident(child), 2);

	KT_ASSERT_EQ(vm_copyin_from(child, UVA + 10, buf, 7), 0);
	KT_ASSERT(strcmp(buf, "parent") == 0);
	KT_ASSERT_EQ(vm_copyout_to(child, UVA + 10, "child", 6), 0);
	KT_ASSERT_EQ(vm_copyin_from(parent, UVA + 10, buf, 7), 0);
	KT_ASSERT(strcmp(buf, "parent") == 0);
	KT_ASSERT(pmap_extract(vmspace_pmap(child), UVA, NULL) !=
	    pmap_extract(vmspace_pmap(parent), UVA, NULL));

	KT_ASSERT_EQ(vm_copyin_from(child, sh, buf, 8), 0);
	KT_ASSERT(strcmp(buf, "shared0") == 0);
	KT_ASSERT_EQ(vm_copyout_to(child, sh, "shared1", 8), 0);
	KT_ASSERT_EQ(vm_copyin_from(parent, sh, buf, 8), 0);
	KT_ASSERT(strcmp(buf, "shared1") == 0);

	/* A write through the active child is invisible to the parent. */
	vs_enter(child);
	KT_ASSERT_EQ(copyout("kid", (void *)(UVA + PAGE_SIZE), 4), 0);
	vs_leave();
	KT_ASSERT_EQ(vm_copyin_from(parent, UVA + PAGE_SIZE, buf, 4), 0);
	KT_ASSERT_EQ(buf[0], 0);
	vmspace_free(parent);
	/* The shared page outlives the parent's mapping of it. */
	KT_ASSERT_EQ(vm_copyin_from(child, sh, buf, 8), 0);
	KT_ASSERT(strcmp(buf, "shared1") == 0);
	vmspace_free(child);
}

KTEST(vm_map_protect_readonly_makes_copyout_EFAULT, 30)
{
	struct vmspace *vs = vs_with_anon(UVA, 2 * PAGE_SIZE, RW, 0);
	int v = 42, r = 0;

	KT_ASSERT(vs != NULL);
	vs_enter(vs);
	KT_ASSERT_EQ(copyout(&v, (void *)UVA, sizeof(v)), 0);
	vs_leave();
	KT_ASSERT_EQ(vm_map_protect(vs, UVA, PAGE_SIZE, VM_PROT_READ), 0);
	KT_ASSERT_EQ(vs->vm_nentries, 3);	/* clipped: RO, RW, shared */
	vs_enter(vs);
	KT_ASSERT_EQ(copyout(&v, (void *)UVA, sizeof(v)), EFAULT);
	KT_ASSERT_EQ(copyout(&v, (void *)(UVA + PAGE_SIZE), sizeof(v)), 0);
	KT_ASSERT_EQ(copyin((void *)UVA, &r, sizeof(r)), 0);
	vs_leave();
	KT_ASSERT_EQ(r, 42);
	KT_ASSERT_EQ(vm_map_protect(vs, UVA, PAGE_SIZE, VM_PROT_NONE), 0);
	vs_enter(vs);
	KT_ASSERT_EQ(copyin((void *)UVA, &r, sizeof(r)), EFAULT);
	vs_leave();
	KT_ASSERT_EQ(vm_map_protect(vs, UVA, 2 * PAGE_SIZE, RW), 0);
	r = 0;
	vs_enter(vs);
	KT_ASSERT_EQ(copyin((void *)UVA, &r, sizeof(r)), 0);
	KT_ASSERT_EQ(copyout(&v, (void *)UVA, sizeof(v)), 0);
	vs_leave();
	KT_ASSERT_EQ(r, 42);			/* the page survived PROT_NONE */
	vmspace_free(vs);
}

KTEST(vm_map_protect_unmapped_ENOMEM_shared_page_EACCES, 30)
{
	struct vmspace *vs = vs_with_anon(UVA, PAGE_SIZE, RW, 0);

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vm_map_protect(vs, UVA, 2 * PAGE_SIZE, VM_PROT_READ),
	    ENOMEM);
	KT_ASSERT_EQ(vm_map_protect(vs, SHAREDPAGE, PAGE_SIZE, RW), EACCES);
	KT_ASSERT_EQ(vm_map_protect(vs, UVA + 1, PAGE_SIZE, RW), EINVAL);
	vmspace_free(vs);
}

KTEST(vm_map_remove_middle_splits_the_entry, 30)
{
	struct vmspace *vs = vs_with_anon(UVA, 3 * PAGE_SIZE, RW, 0);
	char c = 1;

	KT_ASSERT(vs != NULL);
	for (int i = 0; i < 3; i++)
		KT_ASSERT_EQ(vm_copyout_to(vs, UVA + i * PAGE_SIZE, &c, 1), 0);
	KT_ASSERT_EQ(vmspace_resident(vs), 4);
	KT_ASSERT_EQ(vm_map_remove(vs, UVA + PAGE_SIZE, PAGE_SIZE), 0);
	KT_ASSERT_EQ(vmspace_resident(vs), 3);
	KT_ASSERT_EQ(vs->vm_nentries, 3);
	vs_enter(vs);
	KT_ASSERT_EQ(copyin((void *)UVA, &c, 1), 0);
	KT_ASSERT_EQ(copyin((void *)(UVA + PAGE_SIZE), &c, 1), EFAULT);
	KT_ASSERT_EQ(copyin((void *)(UVA + 2 * PAGE_SIZE), &c, 1), 0);
	vs_leave();
	/* Removing nothing is fine; outside user space is not. */
	KT_ASSERT_EQ(vm_map_remove(vs, UVA + PAGE_SIZE, PAGE_SIZE), 0);
	KT_ASSERT_EQ(vm_map_remove(vs, 0, PAGE_SIZE), EINVAL);
	KT_ASSERT_EQ(vm_map_remove(vs, SHAREDPAGE, PAGE_SIZE), EINVAL);
	vmspace_free(vs);
}

KTEST(vm_map_anon_anywhere_fixed_excl_guard, 30)
{
	struct vmspace *vs = vmspace_alloc();
	vm_offset_t a = 0, b = 0, c, g = 0;
	char buf[4];

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vm_map_anon(vs, &a, 3 * PAGE_SIZE, RW, 0), 0);
	KT_ASSERT_EQ(vm_map_anon(vs, &b, PAGE_SIZE, RW, 0), 0);
	KT_ASSERT(a >= VM_MMAP_BASE && b >= a + 3 * PAGE_SIZE);
	/* A hint that is free is honoured, one that is taken is not. */
	c = UVA;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, 0), 0);
	KT_ASSERT_EQ(c, UVA);
	c = a + PAGE_SIZE;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, 0), 0);
	KT_ASSERT(c != a + PAGE_SIZE && (c >= b + PAGE_SIZE || c < a));
	/* Alignment. */
	c = 0;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, VM_MAP_ALIGNED(21)),
	    0);
	KT_ASSERT_EQ(c & ((1UL << 21) - 1), 0);
	c = 0;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, VM_MAP_32BIT), 0);
	KT_ASSERT(c + PAGE_SIZE <= 0x80000000UL);
	/* FIXED|EXCL refuses to replace; FIXED replaces with zero pages. */
	KT_ASSERT_EQ(vm_copyout_to(vs, a, "abc", 4), 0);
	c = a;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW,
	    VM_MAP_FIXED | VM_MAP_EXCL), EINVAL);
	KT_ASSERT_EQ(vm_copyin_from(vs, a, buf, 4), 0);
	KT_ASSERT(strcmp(buf, "abc") == 0);
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, VM_MAP_FIXED), 0);
	KT_ASSERT_EQ(vm_copyin_from(vs, a, buf, 4), 0);
	KT_ASSERT_EQ(buf[0], 0);
	/* Bad requests. */
	c = SHAREDPAGE;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, VM_MAP_FIXED), EINVAL);
	c = UVA + 1;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, VM_MAP_FIXED), EINVAL);
	c = 0;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, PAGE_SIZE, RW, VM_MAP_FIXED), EINVAL);
	KT_ASSERT_EQ(vm_map_anon(vs, &c, 0, RW, 0), EINVAL);
	c = 0;
	KT_ASSERT_EQ(vm_map_anon(vs, &c, 1UL << 47, RW, 0), ENOMEM);
	/* A guard region is never accessible, even after mprotect. */
	KT_ASSERT_EQ(vm_map_anon(vs, &g, PAGE_SIZE, RW, VM_MAP_GUARD), 0);
	KT_ASSERT_EQ(vm_map_protect(vs, g, PAGE_SIZE, RW), 0);
	KT_ASSERT_EQ(vm_fault(vs, g, VM_PROT_READ), EACCES);
	KT_ASSERT_EQ(vm_copyout_to(vs, g, "x", 1), EFAULT);
	vmspace_free(vs);
}

/*
 * TLB shootdown: a helper on CPU 1 keeps the address space active and
 * the page in its TLB while CPU 0 unmaps it or makes it read-only; its
 * next access must see the change.
 */
struct shoot {
	struct vmspace	*vs;
	volatile int	step;
	int		err[4];
};

static void
shoot_wait(struct shoot *s, int step)
{
	while (atomic_load_int(&s->step) < step)
		cpu_pause();
}

static void
shoot_helper(void *arg)
{
	struct shoot *s = arg;
	int v = 7;

	vs_enter(s->vs);
	s->err[0] = copyout(&v, (void *)UVA, sizeof(v));	/* cached RW */
	s->err[1] = copyin((void *)(UVA + PAGE_SIZE), &v, sizeof(v));
	atomic_store_int(&s->step, 1);
	shoot_wait(s, 2);
	s->err[2] = copyout(&v, (void *)UVA, sizeof(v));
	s->err[3] = copyin((void *)(UVA + PAGE_SIZE), &v, sizeof(v));
	vs_leave();
	atomic_store_int(&s->step, 3);
}

KTEST(pmap_shootdown_reaches_other_cpu, 30)
{
	struct shoot s = { 0 };

	if (ncpus < 2) {
		kprintf("KTEST NOTE needs 2 cpus; skipped\n");
		return;
	}
	s.vs = vs_with_anon(UVA, 2 * PAGE_SIZE, RW, 0);
	KT_ASSERT(s.vs != NULL);
	ktest_spawn(shoot_helper, &s, 1, "shoot");
	shoot_wait(&s, 1);
	KT_ASSERT(s.vs->vm_pmap.pm_active & 2);
	KT_ASSERT_EQ(vm_map_protect(s.vs, UVA, PAGE_SIZE, VM_PROT_READ), 0);
	KT_ASSERT_EQ(vm_map_remove(s.vs, UVA + PAGE_SIZE, PAGE_SIZE), 0);
	atomic_store_int(&s.step, 2);
	ktest_join();
	KT_ASSERT_EQ(s.err[0], 0);
	KT_ASSERT_EQ(s.err[1], 0);
	KT_ASSERT_EQ(s.err[2], EFAULT);
	KT_ASSERT_EQ(s.err[3], EFAULT);
	KT_ASSERT_EQ(s.vs->vm_pmap.pm_active, 0);
	vmspace_free(s.vs);
}
