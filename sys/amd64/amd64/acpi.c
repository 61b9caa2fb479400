/*
 * amd64/acpi.c: find the CPUs and the I/O APIC in the ACPI MADT, or in the
 * Intel MP table when there is no ACPI (QEMU's microvm without acpi).
 *
 * acpi_find_cpus() runs once on the BSP and fills cpu_apicids[] and the
 * I/O APIC settings used by lapic.c.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/md_var.h>
#include <machine/pmap.h>

struct acpi_sdt {
	char		signature[4];
	uint32_t	length;
	uint8_t		revision;
	uint8_t		checksum;
	char		oemid[6];
	char		oemtable[8];
	uint32_t	oemrev;
	uint32_t	creator;
	uint32_t	creatorrev;
} __packed;

struct acpi_rsdp {
	char		signature[8];
	uint8_t		checksum;
	char		oemid[6];
	uint8_t		revision;
	uint32_t	rsdt;
	uint32_t	length;
	uint64_t	xsdt;
	uint8_t		xchecksum;
	uint8_t		reserved[3];
} __packed;

uint32_t	cpu_apicids[MAXCPU];		/* [I] */
int		cpu_count_found;		/* [I] */
extern uint64_t	ioapic_pa;
extern int	irq_override[16];
extern int	irq_flags[16];

static int
checksum_ok(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	for (size_t i = 0; i < len; i++)
		sum += b[i];
	return (sum == 0);
}

static const void *
scan_for(uint64_t start, uint64_t len, const char *sig, size_t siglen,
    size_t step)
{
	for (uint64_t pa = start; pa + siglen <= start + len; pa += step) {
		const char *p = PHYS_TO_DMAP(pa);

		if (memcmp(p, sig, siglen) == 0)
			return (p);
	}
	return (NULL);
}

static const struct acpi_rsdp *
acpi_find_rsdp(void)
{
	const struct acpi_rsdp *r = NULL;
	uint64_t ebda;

	if (acpi_rsdp_pa != 0)
		return (PHYS_TO_DMAP(acpi_rsdp_pa));
	ebda = (uint64_t)*(uint16_t *)PHYS_TO_DMAP(0x40e) << 4;
	if (ebda != 0 && ebda < 0xa0000)
		r = scan_for(ebda, 1024, "RSD PTR ", 8, 16);
	if (r == NULL)
		r = scan_for(0xe0000, 0x20000, "RSD PTR ", 8, 16);
	if (r != NULL && !checksum_ok(r, 20))
		r = NULL;
	return (r);
}

static void
cpu_add(uint32_t apicid)
{
	if (cpu_count_found < MAXCPU)
		cpu_apicids[cpu_count_found++] = apicid;
}

static void
madt_parse(const struct acpi_sdt *madt)
{
	const uint8_t *p = (const uint8_t *)madt + sizeof(*madt) + 8;
	const uint8_t *end = (const uint8_t *)madt + madt->length;

	for (; p + 2 <= end && p[1] >= 2; p += p[1]) {
		switch (p[0]) {
		case 0:		/* processor local APIC */
			if (*(const uint32_t *)(p + 4) & 1)
				cpu_add(p[3]);
			break;
		case 1:		/* I/O APIC: the one serving GSI 0.. (ISA) */
			if (*(const uint32_t *)(p + 8) == 0)
				ioapic_pa = *(const uint32_t *)(p + 4);
			break;
		case 2:		/* interrupt source override */
			if (p[3] < 16) {
				irq_override[p[3]] = *(const uint32_t *)(p + 4);
				irq_flags[p[3]] = *(const uint16_t *)(p + 8);
			}
			break;
		}
	}
}

static int
acpi_find(void)
{
	const struct acpi_rsdp *rsdp = acpi_find_rsdp();
	const struct acpi_sdt *root;
	int xsdt, n;

	if (rsdp == NULL)
		return (0);
	xsdt = rsdp->revision >= 2 && rsdp->xsdt != 0;
	root = PHYS_TO_DMAP(xsdt ? rsdp->xsdt : rsdp->rsdt);
	n = (root->length - sizeof(*root)) / (xsdt ? 8 : 4);
	for (int i = 0; i < n; i++) {
		const uint8_t *ents = (const uint8_t *)(root + 1);
		uint64_t pa = xsdt ? *(const uint64_t *)(ents + 8 * i) :
		    *(const uint32_t *)(ents + 4 * i);
		const struct acpi_sdt *t = PHYS_TO_DMAP(pa);

		if (memcmp(t->signature, "APIC", 4) == 0) {
			madt_parse(t);
			return (cpu_count_found > 0);
		}
	}
	return (0);
}

/* Intel MP specification table, the fallback. */
static int
mptable_find(void)
{
	const uint8_t *fps = scan_for(0xf0000, 0x10000, "_MP_", 4, 16);
	const uint8_t *cfg, *p;
	uint16_t count;

	if (fps == NULL) {
		uint64_t ebda = (uint64_t)*(uint16_t *)PHYS_TO_DMAP(0x40e) << 4;

		if (ebda != 0 && ebda < 0xa0000)
			fps = scan_for(ebda, 1024, "_MP_", 4, 16);
	}
	if (fps == NULL || *(const uint32_t *)(fps + 4) == 0)
		return (0);
	cfg = PHYS_TO_DMAP(*(const uint32_t *)(fps + 4));
	if (memcmp(cfg, "PCMP", 4) != 0)
		return (0);
	count = *(const uint16_t *)(cfg + 34);
	p = cfg + 44;
	for (uint16_t i = 0; i < count; i++) {
		switch (p[0]) {
		case 0:		/* processor */
			if (p[3] & 1)
				cpu_add(p[1]);
			p += 20;
			break;
		case 2:		/* I/O APIC */
			ioapic_pa = *(const uint32_t *)(p + 4);
			p += 8;
			break;
		default:
			p += 8;
			break;
		}
	}
	return (cpu_count_found > 0);
}

void	acpi_find_cpus(void);
void
acpi_find_cpus(void)
{
	if (acpi_find()) {
		kprintf("acpi: MADT: %d cpus, I/O APIC at %lx\n",
		    cpu_count_found, ioapic_pa);
		return;
	}
	if (mptable_find()) {
		kprintf("mptable: %d cpus, I/O APIC at %lx\n",
		    cpu_count_found, ioapic_pa);
		return;
	}
	kprintf("acpi: no MADT or MP table; running on the boot CPU only\n");
	cpu_add(lapic_id());
}
