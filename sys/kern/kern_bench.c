/*
 * kern/kern_bench.c: in-kernel benchmarks, selected with bench=NAME on the
 * kernel command line (tools/bench, `make bench`).  Built into every
 * kernel; meaningful figures come from non-INVARIANTS builds.
 *
 *   bench=msgport   message-port throughput (kern/lwkt_msgport_bench.c)
 *   bench=list      the names above
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>

void	kernel_bench(const char *which);

static const struct {
	const char	*name;
	void		(*fn)(void);
} benches[] = {
	{ "msgport", msgport_bench },
};

void
kernel_bench(const char *which)
{
	for (size_t i = 0; i < nitems(benches); i++) {
		if (strcmp(which, benches[i].name) == 0) {
			benches[i].fn();
			return;
		}
		if (strcmp(which, "list") == 0)
			kprintf("BENCH available %s\n", benches[i].name);
	}
	if (strcmp(which, "list") != 0) {
		kprintf("bench: no benchmark named \"%s\"\n", which);
		vm_exit(VMEXIT_FAILURE);
	}
}
