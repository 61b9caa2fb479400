/*
 * amd64/trap.c: exception, interrupt and IPI dispatch.
 *
 * exception.S:alltraps calls trap() with interrupts disabled (all IDT
 * entries are interrupt gates) on the current thread's kernel stack.
 * Handlers run to completion with interrupts off and must not sleep;
 * they may take spinlocks (which nest as critical sections) and call
 * wakeup()/lwkt_schedule().  A kernel-mode exception is fatal: panic with
 * the trap frame.  User-mode exceptions become signals (user space issue).
 *
 * Device IRQs are routed through the IOAPIC to CPU 0 as vector 32 + irq.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/intr.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/md_var.h>
#include <machine/asmacros.h>

#define NIRQ	24

static struct {
	void		(*handler)(void *);
	void		*arg;
	const char	*name;
	uint64_t	count;
} irq_table[NIRQ];			/* [I] after intr_establish */

extern const struct trapframe *panic_trapframe;
void	hardclock(struct trapframe *tf);
void	ipiq_process(void);

extern volatile int panic_cpu;

static const char *const trap_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range", "invalid opcode", "device not available",
	"double fault", "coprocessor overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 FPU error", "alignment check",
	"machine check", "SIMD exception", "virtualization",
	"control protection",
};

void
intr_establish(int irq, void (*handler)(void *), void *arg, const char *name)
{
	VERIFY(irq >= 0 && irq < NIRQ && irq_table[irq].handler == NULL);
	irq_table[irq].arg = arg;
	irq_table[irq].name = name;
	irq_table[irq].handler = handler;
	ioapic_route(irq, IDT_IRQ_BASE + irq, globaldata_find(0)->gd_apicid);
}

void
print_trapframe(const struct trapframe *tf)
{
	kprintf("rip %016lx  cs %04lx  rflags %08lx  rsp %016lx  ss %04lx\n",
	    tf->tf_rip, tf->tf_cs, tf->tf_rflags, tf->tf_rsp, tf->tf_ss);
	kprintf("rax %016lx  rbx %016lx  rcx %016lx  rdx %016lx\n",
	    tf->tf_rax, tf->tf_rbx, tf->tf_rcx, tf->tf_rdx);
	kprintf("rsi %016lx  rdi %016lx  rbp %016lx  r8  %016lx\n",
	    tf->tf_rsi, tf->tf_rdi, tf->tf_rbp, tf->tf_r8);
	kprintf("r9  %016lx  r10 %016lx  r11 %016lx  r12 %016lx\n",
	    tf->tf_r9, tf->tf_r10, tf->tf_r11, tf->tf_r12);
	kprintf("r13 %016lx  r14 %016lx  r15 %016lx  err %lx\n",
	    tf->tf_r13, tf->tf_r14, tf->tf_r15, tf->tf_err);
}

static void __dead2
trap_fatal(struct trapframe *tf)
{
	const char *name = tf->tf_trapno < 32 ? trap_names[tf->tf_trapno] : NULL;

	panic_trapframe = tf;
	if (tf->tf_trapno == 14)
		panic("fatal trap %lu (%s) at rip %lx, fault address %lx, "
		    "error %lx", tf->tf_trapno, name, tf->tf_rip, rcr2(),
		    tf->tf_err);
	panic("fatal trap %lu (%s) at rip %lx, error %lx", tf->tf_trapno,
	    name != NULL ? name : "reserved", tf->tf_rip, tf->tf_err);
}

/* A user-mode exception: the process layer turns it into a signal. */
void	(*trap_user_hook)(struct trapframe *tf);

void
trap(struct trapframe *tf)
{
	struct globaldata *gd = mycpu;
	uint64_t vec = tf->tf_trapno;

	gd->gd_cnt_intr++;
	if (vec == 2) {				/* NMI: panic stop request */
		if (panic_cpu >= 0 && panic_cpu != gd->gd_cpuid)
			cpu_stopped();
		trap_fatal(tf);
	}
	if (vec < 32) {
		if ((tf->tf_cs & 3) != 0 && trap_user_hook != NULL) {
			trap_user_hook(tf);
			return;
		}
		trap_fatal(tf);
	}
	if (vec >= IDT_IRQ_BASE && vec < IDT_IRQ_BASE + NIRQ) {
		int irq = vec - IDT_IRQ_BASE;

		irq_table[irq].count++;
		if (irq_table[irq].handler != NULL)
			irq_table[irq].handler(irq_table[irq].arg);
		lapic_eoi();
		return;
	}
	switch (vec) {
	case IDT_LAPIC_TIMER:
		lapic_eoi();
		hardclock(tf);
		break;
	case IDT_IPI_WAKEUP:
		gd->gd_cnt_ipi++;
		lapic_eoi();
		break;
	case IDT_IPI_CALL:
		gd->gd_cnt_ipi++;
		lapic_eoi();
		ipiq_process();
		break;
	case IDT_IPI_STOP:
		cpu_stopped();
	case IDT_SPURIOUS:
		break;
	default:
		kprintf("cpu%d: stray interrupt vector %lu\n", gd->gd_cpuid,
		    vec);
		lapic_eoi();
		break;
	}
}
