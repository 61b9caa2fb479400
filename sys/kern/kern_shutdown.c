/*
 * kern/kern_shutdown.c: panic.
 *
 * panic() may be called from any context on any CPU, with any locks held.
 * The first CPU to panic wins (panic_cpu); a second panicking CPU, or one
 * told to stop, parks in cpu_stopped().  The winner stops the others with
 * an NMI (which reaches CPUs that have interrupts disabled), disables the
 * console lock, prints the reason, its CPU and thread, the registers (of
 * the trap frame when a trap caused it) and a symbolised backtrace, then
 * leaves the VM with VMEXIT_PANIC.  If a ktest case expected this panic,
 * the ktest runner turns it into a pass instead (ktest_panic_hook).
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/spinlock.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/md_var.h>

volatile int panic_cpu = -1;		/* [a] CPU that is panicking */
const struct trapframe *panic_trapframe;	/* set by trap_fatal */
static char panic_msg[256];

int	ktest_panic_hook(const char *msg);

void __dead2
cpu_stopped(void)
{
	cpu_disable_intr();
	for (;;)
		cpu_halt();
}

static void
panic_print_regs(void)
{
	uint64_t rsp, rbp;

	if (panic_trapframe != NULL) {
		print_trapframe(panic_trapframe);
		return;
	}
	__asm__ volatile("movq %%rsp, %0; movq %%rbp, %1"
	    : "=r"(rsp), "=r"(rbp));
	kprintf("rsp %016lx  rbp %016lx  cr2 %016lx  cr3 %016lx\n",
	    rsp, rbp, rcr2(), rcr3());
}

void
panic(const char *fmt, ...)
{
	struct globaldata *gd;
	struct thread *td;
	va_list ap;
	int me;

	cpu_disable_intr();
	gd = mycpu;
	me = gd != NULL ? gd->gd_cpuid : 0;
	if (!atomic_cmpset_int((volatile u_int *)&panic_cpu, (u_int)-1, me)) {
		if (panic_cpu != me)
			cpu_stopped();
		/* Recursive panic on this CPU: say so and leave. */
		spin_panicking = 1;
		kprintf("\npanic: recursive panic: ");
		va_start(ap, fmt);
		kvprintf(fmt, ap);
		va_end(ap);
		kprintf("\n");
		vm_exit(VMEXIT_PANIC);
	}
	cpu_stop_others();
	spin_panicking = 1;

	va_start(ap, fmt);
	kvsnprintf(panic_msg, sizeof(panic_msg), fmt, ap);
	va_end(ap);
	td = gd != NULL ? gd->gd_curthread : NULL;
	kprintf("\npanic: %s\n", panic_msg);
	kprintf("cpuid = %d; thread = %s\n", me,
	    td != NULL ? td->td_comm : "(none)");
	panic_print_regs();
	kprintf("backtrace:\n");
	if (panic_trapframe != NULL)
		db_backtrace(panic_trapframe->tf_rbp, panic_trapframe->tf_rip);
	else
		db_backtrace((uint64_t)__builtin_frame_address(0), 0);
	if (ktest_panic_hook(panic_msg))
		vm_exit(VMEXIT_SUCCESS);
	vm_exit(VMEXIT_PANIC);
}

const char *
kassert_fmt(const char *fmt, ...)
{
	struct globaldata *gd = mycpu;
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(gd->gd_kassert_buf, sizeof(gd->gd_kassert_buf), fmt, ap);
	va_end(ap);
	return (gd->gd_kassert_buf);
}

void
kassert_panic(const char *expr, const char *func, const char *file, int line,
    const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	panic("assertion \"%s\" failed in %s at %s:%d%s%s", expr, func, file,
	    line, msg[0] != '\0' ? ": " : "", msg);
}
