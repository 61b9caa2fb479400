/*
 * amd64/lapic.c: local APIC (xAPIC, memory mapped) and I/O APIC.
 *
 * Every CPU programs its own local APIC (lapic_init on the BSP,
 * lapic_init_ap on each AP): spurious vector, the periodic timer at hz,
 * and the ICR for IPIs.  The I/O APIC routes ISA IRQs (after the MADT's
 * interrupt source overrides) to CPU 0.  Addresses come from the ACPI MADT
 * (acpi.c); the defaults below are the architectural ones.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>
#include <machine/pmap.h>
#include <machine/asmacros.h>

#define LAPIC_ID	0x020
#define LAPIC_EOI	0x0b0
#define LAPIC_SVR	0x0f0
#define LAPIC_ICR_LO	0x300
#define LAPIC_ICR_HI	0x310
#define LAPIC_LVT_TIMER	0x320
#define LAPIC_LVT_LINT0	0x350
#define LAPIC_LVT_LINT1	0x360
#define LAPIC_TIMER_ICR	0x380
#define LAPIC_TIMER_CCR	0x390
#define LAPIC_TIMER_DCR	0x3e0
#define ICR_BUSY	0x1000
#define LVT_MASKED	0x10000
#define LVT_PERIODIC	0x20000

uint64_t	lapic_pa = 0xfee00000;		/* [I] */
uint64_t	ioapic_pa = 0xfec00000;		/* [I] */
int		irq_override[16];		/* [I] ISA IRQ -> GSI */
int		irq_flags[16];			/* [I] MPS INTI flags */
static uint32_t	lapic_timer_count;		/* [I] per tick */

static inline uint32_t
lapic_read(int reg)
{
	return (*(volatile uint32_t *)((char *)PHYS_TO_DMAP(lapic_pa) + reg));
}

static inline void
lapic_write(int reg, uint32_t v)
{
	*(volatile uint32_t *)((char *)PHYS_TO_DMAP(lapic_pa) + reg) = v;
}

uint32_t
lapic_id(void)
{
	return (lapic_read(LAPIC_ID) >> 24);
}

void
lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

static void
lapic_enable(void)
{
	lapic_write(LAPIC_SVR, 0x100 | IDT_SPURIOUS);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_TIMER_DCR, 0x3);		/* divide by 16 */
}

void
lapic_init(void)
{
	for (int i = 0; i < 16; i++)
		irq_override[i] = i;
	wrmsr(MSR_APICBASE, rdmsr(MSR_APICBASE) | 0x800);
	lapic_enable();
	/* Legacy PIC off: mask all its lines; the I/O APIC takes over. */
	outb(0x21, 0xff);
	outb(0xa1, 0xff);
}

void
lapic_init_ap(void)
{
	wrmsr(MSR_APICBASE, rdmsr(MSR_APICBASE) | 0x800);
	lapic_enable();
}

static void
lapic_icr_wait(void)
{
	while (lapic_read(LAPIC_ICR_LO) & ICR_BUSY)
		cpu_pause();
}

/* Callers keep interrupts off across the two ICR writes (crit section). */
static void
lapic_send(uint32_t apicid, uint32_t lo)
{
	uint64_t rf = intr_disable();

	lapic_icr_wait();
	lapic_write(LAPIC_ICR_HI, apicid << 24);
	lapic_write(LAPIC_ICR_LO, lo);
	lapic_icr_wait();
	intr_restore(rf);
}

void
lapic_ipi(uint32_t apicid, int vector)
{
	lapic_send(apicid, 0x4000 | vector);		/* fixed, assert */
}

void
lapic_ipi_nmi(uint32_t apicid)
{
	lapic_send(apicid, 0x4400);			/* NMI */
}

void	lapic_startup_ap(uint32_t apicid, uint32_t vector_page);
void
lapic_startup_ap(uint32_t apicid, uint32_t vector_page)
{
	lapic_send(apicid, 0x4500);			/* INIT, assert */
	DELAY(10000);
	lapic_send(apicid, 0x4600 | vector_page);	/* STARTUP */
	DELAY(200);
	lapic_send(apicid, 0x4600 | vector_page);
	DELAY(200);
}

/*
 * Measure the timer's rate against the TSC (already calibrated), then run
 * it periodically at `rate` Hz.  The count is measured once, on the BSP.
 */
void
lapic_timer_start(int rate)
{
	if (lapic_timer_count == 0) {
		uint32_t elapsed;

		lapic_write(LAPIC_TIMER_ICR, 0xffffffff);
		DELAY(10000);
		elapsed = 0xffffffff - lapic_read(LAPIC_TIMER_CCR);
		lapic_write(LAPIC_TIMER_ICR, 0);
		lapic_timer_count = (uint32_t)((uint64_t)elapsed * 100 / rate);
		if (lapic_timer_count == 0)
			lapic_timer_count = 1;
	}
	lapic_write(LAPIC_LVT_TIMER, LVT_PERIODIC | IDT_LAPIC_TIMER);
	lapic_write(LAPIC_TIMER_ICR, lapic_timer_count);
}

static void
ioapic_write(int reg, uint32_t v)
{
	volatile uint32_t *base = PHYS_TO_DMAP(ioapic_pa);

	base[0] = reg;
	base[4] = v;
}

/* Route ISA `irq` (through the MADT overrides) to `vector` on `apicid`. */
void
ioapic_route(int irq, int vector, uint32_t apicid)
{
	int gsi = irq < 16 ? irq_override[irq] : irq;
	uint32_t lo = vector;

	if (irq < 16 && (irq_flags[irq] & 0x3) == 0x3)
		lo |= 1 << 13;				/* active low */
	if (irq < 16 && (irq_flags[irq] & 0xc) == 0xc)
		lo |= 1 << 15;				/* level */
	ioapic_write(0x10 + 2 * gsi + 1, apicid << 24);
	ioapic_write(0x10 + 2 * gsi, lo);
}
