/*
 * amd64/db_trace.c: symbolised stack backtraces for panic().
 *
 * The kernel is built with frame pointers, so each frame starts with the
 * caller's %rbp followed by the return address.  Function names come from
 * the table tools/mksyms.sh generates into the .ksyms section (second link,
 * see the Makefile); ksym_lookup() binary-searches it.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <machine/md_var.h>
#include <machine/pmap.h>

struct ksym {
	uint64_t	addr;
	const char	*name;
};
extern const struct ksym ksyms_table[];
extern const uint64_t ksyms_count;
extern char __kernel_start[], __etext[], __kernel_end[];

const char *
ksym_lookup(uint64_t addr, uint64_t *offp)
{
	uint64_t lo = 0, hi = ksyms_count;

	if (hi == 0 || addr < ksyms_table[0].addr || addr >= (uint64_t)__etext)
		return (NULL);
	while (hi - lo > 1) {
		uint64_t mid = (lo + hi) / 2;

		if (ksyms_table[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offp = addr - ksyms_table[lo].addr;
	return (ksyms_table[lo].name);
}

static void
db_print_pc(int depth, uint64_t pc)
{
	const char *name;
	uint64_t off = 0;

	name = ksym_lookup(pc, &off);
	if (name != NULL)
		kprintf("#%d %016lx %s+0x%lx\n", depth, pc, name, off);
	else
		kprintf("#%d %016lx ?\n", depth, pc);
}

/* A frame pointer we may dereference: kernel image or direct map. */
static int
db_frame_ok(uint64_t fp)
{
	if ((fp & 7) != 0)
		return (0);
	if (fp >= (uint64_t)__kernel_start && fp < (uint64_t)__kernel_end)
		return (1);
	return (fp >= DMAP_BASE && fp < DMAP_BASE + DMAP_MAX_PHYS - 16);
}

void
db_backtrace(uint64_t rbp, uint64_t rip)
{
	int depth = 0;

	if (rip != 0)
		db_print_pc(depth++, rip);
	while (depth < 32 && rbp != 0 && db_frame_ok(rbp)) {
		uint64_t *frame = (uint64_t *)rbp;

		if (frame[1] == 0)
			break;
		db_print_pc(depth++, frame[1]);
		if (frame[0] <= rbp)
			break;		/* stacks grow down: callers are above */
		rbp = frame[0];
	}
}
