/*
 * amd64/clock.c: the TSC clock.
 *
 * clock_init() (BSP, early) measures the TSC against the i8254 PIT: channel
 * 0 counts down from 0xffff at 1.193182 MHz and we poll its latched count
 * for about 20 ms (no port 0x61 gate is needed, so this works on the
 * microvm machine too).  nanouptime() is TSC based and monotonic; QEMU
 * keeps the TSCs of its virtual CPUs in step.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>

#define PIT_HZ		1193182
uint64_t	tsc_freq;		/* [I] */
uint64_t	boot_tsc;		/* [I] TSC at kernel entry (machdep.c) */

static uint16_t
pit_read(void)
{
	uint8_t lo, hi;

	outb(0x43, 0x00);		/* latch channel 0 */
	lo = inb(0x40);
	hi = inb(0x40);
	return ((uint16_t)(hi << 8) | lo);
}

void
clock_init(void)
{
	uint64_t t0, t1, pit_elapsed = 0;
	uint16_t prev, cur;

	outb(0x43, 0x34);		/* channel 0, lo/hi, mode 2 */
	outb(0x40, 0xff);
	outb(0x40, 0xff);
	prev = pit_read();
	t0 = rdtsc();
	while (pit_elapsed < PIT_HZ / 50) {
		cur = pit_read();
		pit_elapsed += (uint16_t)(prev - cur);
		prev = cur;
	}
	t1 = rdtsc();
	tsc_freq = (t1 - t0) * PIT_HZ / pit_elapsed;
	if (tsc_freq == 0)
		panic("clock_init: TSC does not count");
}

uint64_t
nanouptime(void)
{
	uint64_t d = rdtsc() - boot_tsc;

	return (d / tsc_freq * 1000000000ULL +
	    (d % tsc_freq) * 1000000000ULL / tsc_freq);
}

void
DELAY(uint64_t usec)
{
	uint64_t end = rdtsc() + usec * tsc_freq / 1000000;

	while (rdtsc() < end)
		cpu_pause();
}
