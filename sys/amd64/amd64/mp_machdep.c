/*
 * amd64/mp_machdep.c: starting the application processors.
 *
 * mp_start_aps() runs on the BSP after the page allocator, kmalloc and the
 * BSP's own thread state exist.  For each CPU in the MADT it prepares a
 * globaldata, copies the trampoline (mpboot.S) to MPBOOT_PA, sends
 * INIT/SIPI/SIPI and waits (up to 1 s) for the AP to announce itself in
 * smp_started_mask.  APs are started one at a time because they share the
 * trampoline's stack/entry slots.
 *
 * The AP path: mpboot.S -> ap_init(), on the AP's boot stack, which becomes
 * its idle thread: descriptor tables and %gs, idle thread, local APIC and
 * timer, callouts, then the idle loop.  Its softclock and netisr threads
 * are created later by the BSP (lwkt_create on that CPU).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/callout.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>
#include <machine/pmap.h>

#define MPBOOT_PA	0x8000

extern char	mpboot_start[], mpboot_end[];
extern char	mpboot_cr3[], mpboot_rsp[], mpboot_entry[];
extern char	boot_pml4[];
extern uint32_t	cpu_apicids[MAXCPU];
extern int	cpu_count_found;

volatile u_int	smp_started_mask;
static char	ap_stacks[MAXCPU][KSTACK_SIZE] __aligned(16);
static struct globaldata *volatile ap_boot_gd;

void	ap_init(void) __dead2;
void	lapic_startup_ap(uint32_t apicid, uint32_t vector_page);
void	lwkt_init_idle_thread(struct globaldata *gd);
void	lwkt_register_idle_thread(struct globaldata *gd);
void	lwkt_idle_loop(void) __dead2;
void	ipiq_cpu_init(struct globaldata *gd);
void	acpi_find_cpus(void);

static void *
mpboot_slot(char *sym)
{
	return ((char *)PHYS_TO_DMAP(MPBOOT_PA) + (sym - mpboot_start));
}

void
ap_init(void)
{
	struct globaldata *gd = ap_boot_gd;

	gdt_idt_init_cpu(gd);
	lwkt_init_idle_thread(gd);
	gd->gd_apicid = lapic_id();
	lapic_init_ap();
	fpu_init_cpu();
	syscall_init_cpu();
	atomic_set_int(&smp_started_mask, 1u << gd->gd_cpuid);
	lapic_timer_start(hz);
	lwkt_idle_loop();
}

static int
mp_start_one(int cpu, uint32_t apicid)
{
	struct globaldata *gd = md_globaldata_alloc(cpu);
	uint64_t deadline;

	gd->gd_apicid = apicid;
	ipiq_cpu_init(gd);
	callout_cpu_init(gd);
	ap_boot_gd = gd;
	*(uint32_t *)mpboot_slot(mpboot_cr3) = (uint32_t)KVTOP(boot_pml4);
	/* As if called: %rsp is 8 mod 16 at ap_init's first instruction. */
	*(uint64_t *)mpboot_slot(mpboot_rsp) =
	    (uint64_t)&ap_stacks[cpu][KSTACK_SIZE] - 8;
	*(uint64_t *)mpboot_slot(mpboot_entry) = (uint64_t)ap_init;
	lapic_startup_ap(apicid, MPBOOT_PA >> 12);
	deadline = rdtsc() + tsc_freq;
	while ((atomic_load_int(&smp_started_mask) & (1u << cpu)) == 0) {
		if (rdtsc() > deadline)
			return (0);
		cpu_pause();
	}
	lwkt_register_idle_thread(gd);
	return (1);
}

void
mp_start_aps(void)
{
	struct globaldata *bsp = mycpu;
	int cpu = 1;

	acpi_find_cpus();
	memcpy(PHYS_TO_DMAP(MPBOOT_PA), mpboot_start,
	    mpboot_end - mpboot_start);
	atomic_set_int(&smp_started_mask, 1);
	for (int i = 0; i < cpu_count_found && cpu < MAXCPU; i++) {
		if (cpu_apicids[i] == bsp->gd_apicid)
			continue;
		if (!mp_start_one(cpu, cpu_apicids[i])) {
			kprintf("cpu%d: apic %u did not start\n", cpu,
			    cpu_apicids[i]);
			continue;
		}
		/* ncpus grows only once the CPU can take threads. */
		atomic_store_int(&ncpus, cpu + 1);
		cpu++;
	}
}

/* panic(): stop every other CPU, even with interrupts disabled (NMI). */
void
cpu_stop_others(void)
{
	struct globaldata *me = mycpu;

	for (int i = 0; i < ncpus; i++) {
		struct globaldata *gd = globaldata_find(i);

		if (gd != NULL && gd != me)
			lapic_ipi_nmi(gd->gd_apicid);
	}
	DELAY(1000);
}
