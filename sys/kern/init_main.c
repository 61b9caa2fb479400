/*
 * kern/init_main.c: machine-independent startup.
 *
 * hammer_time() (amd64/machdep.c) calls mi_startup() on the boot CPU with
 * interrupts off, the page allocator ready and the boot context already
 * turned into CPU 0's idle thread.  mi_startup() brings up, in order:
 * the TSC clock, sleep queues, kmalloc, the local APIC, the other CPUs
 * (mp_machdep.c), the clock interrupt, a softclock thread per CPU, console
 * input, the netisr threads, the root file system (from the initrd), and
 * finally the kernel's init thread; then CPU 0 becomes its idle loop.  The
 * init thread runs self tests or benchmarks when the command line asks
 * (ktest=..., bench=...); otherwise it starts pid 1, /sbin/init, passing
 * it the words after a lone "--" on the command line (kern_exec.c), or
 * falls back to the kernel monitor when the image has no /sbin/init.
 */
#include <sys/types.h>
#include <sys/domain.h>
#include <sys/mbuf.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/callout.h>
#include <sys/malloc.h>
#include <sys/cons.h>
#include <sys/ktest.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>
#include <vm/vm_page.h>
#include <net/netisr2.h>
#include <sys/proc.h>
#include <sys/vnode.h>

void	mi_startup(void) __dead2;
void	lwkt_register_idle_thread(struct globaldata *gd);
void	lwkt_idle_loop(void) __dead2;
void	ipiq_cpu_init(struct globaldata *gd);
void	softclock_start(struct globaldata *gd);
void	lwkt_thread_foreach(void (*fn)(struct thread *, void *), void *arg);
void	kernel_bench(const char *which);
void	rtc_init(void);
void	umtx_init(void);

static void monitor(void) __dead2;
static const char *init_cmdline_args(void);

static void
init_thread(void *arg)
{
	const char *bench;

	vfs_mountroot();			/* / from the initrd, or empty */
	ktest_run_from_cmdline();		/* returns only without ktest= */
	bench = kenv_get("bench");
	if (bench != NULL) {
		char which[32];

		strlcpy(which, bench, sizeof(which));
		kernel_bench(which);
		vm_exit(VMEXIT_SUCCESS);
	}
	if (initrd_size == 0) {
		kprintf("init: no initrd, so no /sbin/init: kernel monitor\n");
		monitor();
	}
	start_init(init_cmdline_args());
}

/* The words after a lone "--" on the kernel command line, or NULL. */
static const char *
init_cmdline_args(void)
{
	const char *p = kernel_cmdline;

	for (; *p != '\0'; p++) {
		if (p[0] == '-' && p[1] == '-' && (p == kernel_cmdline ||
		    p[-1] == ' ') && (p[2] == ' ' || p[2] == '\0'))
			return (p[2] == ' ' ? p + 3 : p + 2);
	}
	return (NULL);
}

void
mi_startup(void)
{
	struct globaldata *gd = mycpu;

	clock_init();
	kprintf("clock: TSC %lu.%03lu MHz; kernel entered %lu us after reset\n",
	    tsc_freq / 1000000, (tsc_freq / 1000) % 1000,
	    boot_tsc * 1000000 / tsc_freq);
	kprintf("memory: %lu MiB reported, %lu pages free\n",
	    physmem_total >> 20, vm_page_free_count());
	if (initrd_size != 0)
		kprintf("initrd: %lu bytes at %#lx\n", initrd_size, initrd_pa);
	sleepq_init();
	ipiq_cpu_init(gd);
	callout_cpu_init(gd);
	kmalloc_init();
	lwkt_register_idle_thread(gd);
	lapic_init();
	fpu_init_cpu();
	syscall_init_cpu();
	rtc_init();
	umtx_init();
	gd->gd_apicid = lapic_id();
	kprintf("cpu0: up (boot cpu, apic %u)\n", gd->gd_apicid);
	mp_start_aps();
	for (int i = 1; i < ncpus; i++)
		kprintf("cpu%d: up (apic %u)\n", i,
		    globaldata_find(i)->gd_apicid);
	kprintf("smp: %d cpus\n", ncpus);
	lapic_timer_start(hz);
	cpu_enable_intr();
	for (int i = 0; i < ncpus; i++)
		softclock_start(globaldata_find(i));
	cons_intr_init();
	netisr_init();
	mbuf_init();
	domaininit();			/* AF_UNIX; may start its threads */
	lwkt_create(init_thread, NULL, NULL, 0, TDPRI_KERN, "init");
	lwkt_idle_loop();
}

/*
 * The kernel monitor: a line editor on the console with a few commands,
 * until user space brings a shell.
 */
static void
ps_one(struct thread *td, void *arg)
{
	static const char *const states[] = { "new", "runq", "run", "sleep",
	    "dead" };

	kprintf("%5lu  %3d  %3d  %-6s %-10s %s\n", td->td_id,
	    td->td_gd->gd_cpuid, td->td_pri, states[td->td_state],
	    td->td_wmesg != NULL && td->td_state == TDS_SLEEP ?
	    td->td_wmesg : "-", td->td_comm);
}

static void
monitor_cmd(const char *line)
{
	if (strcmp(line, "") == 0)
		return;
	if (strcmp(line, "help") == 0) {
		kprintf("commands: help, ps, cpus, mem, uptime, poweroff\n");
	} else if (strcmp(line, "ps") == 0) {
		kprintf("  TID  CPU  PRI  STATE  WAIT       NAME\n");
		lwkt_thread_foreach(ps_one, NULL);
	} else if (strcmp(line, "cpus") == 0) {
		for (int i = 0; i < ncpus; i++) {
			struct globaldata *g = globaldata_find(i);

			kprintf("cpu%d: apic %u ticks %lu switches %lu "
			    "interrupts %lu ipis %lu\n", i, g->gd_apicid,
			    g->gd_ticks, g->gd_cnt_switch, g->gd_cnt_intr,
			    g->gd_cnt_ipi);
		}
	} else if (strcmp(line, "mem") == 0) {
		kprintf("pages: %lu free of %lu\n", vm_page_free_count(),
		    vm_page_total_count());
	} else if (strcmp(line, "uptime") == 0) {
		kprintf("%lu ms\n", nanouptime() / 1000000);
	} else if (strcmp(line, "poweroff") == 0) {
		kprintf("powering off\n");
		vm_exit(VMEXIT_SUCCESS);
	} else {
		kprintf("%s: unknown command (try help)\n", line);
	}
}

static void
monitor(void)
{
	char line[128];
	size_t len;

	kprintf("Damselfly kernel monitor (no user space yet); type help\n");
	for (;;) {
		kprintf("damselfly> ");
		len = 0;
		for (;;) {
			int c = cons_getc();

			if (c == '\r' || c == '\n') {
				kprintf("\n");
				break;
			}
			if ((c == 0x7f || c == 0x08) && len > 0) {
				len--;
				kprintf("\b \b");
				continue;
			}
			if (c >= 0x20 && c < 0x7f && len < sizeof(line) - 1) {
				line[len++] = c;
				kprintf("%c", c);
			}
		}
		line[len] = '\0';
		monitor_cmd(line);
	}
}
