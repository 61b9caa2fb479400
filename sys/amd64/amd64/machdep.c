/*
 * amd64/machdep.c: machine-dependent bring-up.
 *
 * locore.S jumps to hammer_time() on the boot CPU (BSP) with the physical
 * address of the PVH hvm_start_info block.  hammer_time():
 *   1. starts the serial console (polled output),
 *   2. sets up this CPU's GDT/TSS/IDT and %gs -> globaldata,
 *   3. reads the command line and memory map from the start info and hands
 *      usable RAM to the page allocator,
 *   4. calls mi_startup() (kern/init_main.c), which never returns.
 * APs enter through mpboot.S -> mp_machdep.c:ap_init(), which calls
 * gdt_idt_init_cpu() for themselves.
 *
 * Descriptor tables: one GDT shared by all CPUs, with a TSS descriptor per
 * CPU; one IDT shared by all.  Both are written on the BSP before APs start
 * (except each AP's own TSS slot, written by that AP).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>
#include <machine/pmap.h>
#include <machine/frame.h>
#include <vm/vm_page.h>

struct hvm_start_info {
	uint32_t	magic;
	uint32_t	version;
	uint32_t	flags;
	uint32_t	nr_modules;
	uint64_t	modlist_paddr;
	uint64_t	cmdline_paddr;
	uint64_t	rsdp_paddr;
	uint64_t	memmap_paddr;
	uint32_t	memmap_entries;
	uint32_t	reserved;
};
#define HVM_START_MAGIC	0x336ec578

struct hvm_memmap_entry {
	uint64_t	addr;
	uint64_t	size;
	uint32_t	type;
	uint32_t	reserved;
};
#define HVM_MEMMAP_RAM	1

struct hvm_modlist_entry {
	uint64_t	paddr;
	uint64_t	size;
	uint64_t	cmdline_paddr;
	uint64_t	reserved;
};

struct tss {
	uint32_t	reserved0;
	uint64_t	rsp0;
	uint64_t	rsp1;
	uint64_t	rsp2;
	uint64_t	reserved1;
	uint64_t	ist[7];
	uint64_t	reserved2;
	uint16_t	reserved3;
	uint16_t	iomap_base;
} __packed;

struct gate {
	uint16_t	off0;
	uint16_t	sel;
	uint8_t		ist;
	uint8_t		type;
	uint16_t	off1;
	uint32_t	off2;
	uint32_t	zero;
} __packed;

struct desc_ptr {
	uint16_t	limit;
	uint64_t	base;
} __packed;

#define NGDT	(GSEL_TSS / 8 + 2 * MAXCPU)

char		kernel_cmdline[512];
vm_paddr_t	initrd_pa;		/* first boot module: the initrd */
size_t		initrd_size;
unsigned long	dmap_max_phys = 4UL << 30;	/* locore.S maps 0..4 GiB */
extern uint64_t	boot_pdpt_dmap[512];
uint64_t	acpi_rsdp_pa;
static uint64_t	gdt[NGDT] __aligned(16);
static struct gate idt[256] __aligned(16);
static struct tss tss[MAXCPU] __aligned(64);
static char	nmi_stack[MAXCPU][4096] __aligned(16);	/* IST1: NMI */
static char	df_stack[MAXCPU][4096] __aligned(16);	/* IST2: #DF */
extern uint64_t	idt_vectors[256];

static struct globaldata gd_storage[MAXCPU];
struct globaldata *globaldata_find_array[MAXCPU];
int		ncpus = 1;

#define MAXPHYSRANGES	32
static struct phys_range phys_avail[MAXPHYSRANGES];
static int	nphys_avail;
uint64_t	physmem_total;	/* bytes of usable RAM reported */

extern char	__kernel_start[], __kernel_end[];

void	hammer_time(uint32_t start_info_pa);
void	mi_startup(void) __dead2;
void	lwkt_init_idle_thread(struct globaldata *gd);

static void
gdt_init(void)
{
	gdt[GSEL_KCODE / 8] = 0x00af9a000000ffffUL;
	gdt[GSEL_KDATA / 8] = 0x00cf92000000ffffUL;
	gdt[GSEL_UCODE32 / 8] = 0x00cffa000000ffffUL;
	gdt[GSEL_UDATA / 8] = 0x00cff2000000ffffUL;
	gdt[GSEL_UCODE / 8] = 0x00affa000000ffffUL;
}

static void
idt_set(int vec, uint64_t handler, int ist, int dpl)
{
	struct gate *g = &idt[vec];

	g->off0 = handler & 0xffff;
	g->sel = GSEL_KCODE;
	g->ist = ist;
	g->type = 0x8e | (dpl << 5);	/* present, 64-bit interrupt gate */
	g->off1 = (handler >> 16) & 0xffff;
	g->off2 = handler >> 32;
	g->zero = 0;
}

static void
idt_init(void)
{
	for (int i = 0; i < 256; i++)
		idt_set(i, idt_vectors[i], 0, 0);
	idt_set(2, idt_vectors[2], 1, 0);	/* NMI on its own stack */
	idt_set(8, idt_vectors[8], 2, 0);	/* double fault too */
	idt_set(3, idt_vectors[3], 0, 3);	/* int3 from user */
}

/*
 * Per-CPU descriptor state: this CPU's TSS slot, then load GDT, IDT, TR
 * and point %gs at the CPU's globaldata.  Runs on the CPU itself.
 */
void
gdt_idt_init_cpu(struct globaldata *gd)
{
	struct desc_ptr gdtr = { sizeof(gdt) - 1, (uint64_t)gdt };
	struct desc_ptr idtr = { sizeof(idt) - 1, (uint64_t)idt };
	struct tss *t = &tss[gd->gd_cpuid];
	uint64_t base = (uint64_t)t, limit = sizeof(*t) - 1;
	int slot = GSEL_TSS / 8 + 2 * gd->gd_cpuid;
	uint16_t sel = slot * 8;

	t->ist[0] = (uint64_t)&nmi_stack[gd->gd_cpuid][4096];
	t->ist[1] = (uint64_t)&df_stack[gd->gd_cpuid][4096];
	t->iomap_base = sizeof(*t);
	gd->gd_tss = t;
	gdt[slot] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
	    (0x89UL << 40) | (((limit >> 16) & 0xf) << 48) |
	    (((base >> 24) & 0xff) << 56);
	gdt[slot + 1] = base >> 32;

	__asm__ volatile("lgdt %0" : : "m"(gdtr));
	__asm__ volatile("lidt %0" : : "m"(idtr));
	__asm__ volatile(
	    "movw %w0, %%ds; movw %w0, %%es; movw %w0, %%ss;"
	    "pushq %1; leaq 1f(%%rip), %%rax; pushq %%rax; lretq; 1:"
	    : : "r"(GSEL_KDATA), "i"(GSEL_KCODE) : "rax", "memory");
	__asm__ volatile("ltr %0" : : "r"(sel));
	wrmsr(MSR_GSBASE, (uint64_t)gd);
	wrmsr(MSR_KGSBASE, 0);
}

/* The kernel stack used on entry from user mode (TSS rsp0). */
void
md_set_kstack(struct globaldata *gd, uint64_t rsp0)
{
	((struct tss *)gd->gd_tss)->rsp0 = rsp0;
}

struct globaldata *
md_globaldata_alloc(int cpu)
{
	struct globaldata *gd = &gd_storage[cpu];

	gd->gd_self = gd;
	gd->gd_cpuid = cpu;
	globaldata_find_array[cpu] = gd;
	return (gd);
}

/* Add usable RAM [start, end) minus what the kernel and low memory use. */
static void
phys_add(uint64_t start, uint64_t end)
{
	uint64_t kstart = KVTOP(__kernel_start), kend = KVTOP(__kernel_end);

	start = round_page(start);
	end = trunc_page(end);
	if (start < 0x100000)
		start = 0x100000;	/* AP trampoline and firmware below */
	if (end > DMAP_MAX_PHYS)
		end = DMAP_MAX_PHYS;
	if (start >= end)
		return;
	if (start < kend && end > kstart) {
		phys_add(start, kstart);
		phys_add(kend, end);
		return;
	}
	if (initrd_size != 0 && start < initrd_pa + initrd_size &&
	    end > initrd_pa) {
		phys_add(start, trunc_page(initrd_pa));
		phys_add(round_page(initrd_pa + initrd_size), end);
		return;
	}
	if (nphys_avail < MAXPHYSRANGES) {
		phys_avail[nphys_avail].pr_start = start;
		phys_avail[nphys_avail].pr_end = end;
		nphys_avail++;
	}
}

/*
 * Extend the direct map past the 4 GiB locore.S mapped, with 1 GiB pages,
 * so that all RAM up to `top` is reachable through PHYS_TO_DMAP.
 */
static void
dmap_extend(uint64_t top)
{
	uint32_t r[4];
	uint64_t gb = howmany(top, 1UL << 30);

	if (gb <= 4)
		return;
	cpuid(0x80000001, 0, r);
	if ((r[3] & (1u << 26)) == 0) {
		kprintf("pmap: no 1 GiB pages; RAM above 4 GiB is not used\n");
		return;
	}
	if (gb > 512)
		gb = 512;
	for (uint64_t i = 4; i < gb; i++)
		boot_pdpt_dmap[i] = (i << 30) | 0x83;	/* P | RW | PS */
	load_cr3(rcr3());
	dmap_max_phys = gb << 30;
}

static void
parse_start_info(uint32_t pa)
{
	struct hvm_start_info *si = PHYS_TO_DMAP(pa);
	struct hvm_memmap_entry *mm;
	uint64_t top = 0;

	VERIFY(si->magic == HVM_START_MAGIC);
	if (si->cmdline_paddr != 0)
		strlcpy(kernel_cmdline, PHYS_TO_DMAP(si->cmdline_paddr),
		    sizeof(kernel_cmdline));
	acpi_rsdp_pa = si->rsdp_paddr;
	if (si->nr_modules > 0 && si->modlist_paddr != 0) {
		struct hvm_modlist_entry *mod = PHYS_TO_DMAP(si->modlist_paddr);

		initrd_pa = mod[0].paddr;
		initrd_size = mod[0].size;
	}
	if (si->version < 1 || si->memmap_paddr == 0)
		panic("boot: no memory map in the PVH start info");
	mm = PHYS_TO_DMAP(si->memmap_paddr);
	for (uint32_t i = 0; i < si->memmap_entries; i++)
		if (mm[i].type == HVM_MEMMAP_RAM)
			top = MAX(top, mm[i].addr + mm[i].size);
	dmap_extend(top);
	for (uint32_t i = 0; i < si->memmap_entries; i++) {
		if (mm[i].type != HVM_MEMMAP_RAM)
			continue;
		physmem_total += mm[i].size;
		phys_add(mm[i].addr, mm[i].addr + mm[i].size);
	}
}

void
hammer_time(uint32_t start_info_pa)
{
	struct globaldata *gd;

	boot_tsc = rdtsc();
	cons_init();
	gdt_init();
	idt_init();
	gd = md_globaldata_alloc(0);
	gdt_idt_init_cpu(gd);
	lwkt_init_idle_thread(gd);	/* spinlocks need curthread */
	parse_start_info(start_info_pa);
	kprintf("Damselfly/amd64: booting, command line \"%s\"\n",
	    kernel_cmdline);
	vm_page_startup(phys_avail, nphys_avail);
	mi_startup();
}

void
vm_exit(int status)
{
	cpu_disable_intr();
	outl(0xf4, (uint32_t)status);	/* isa-debug-exit: QEMU exits */
	for (;;)
		cpu_halt();
}
