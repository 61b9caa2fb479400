/*
 * amd64/trap.c: exception, interrupt and IPI dispatch.
 *
 * exception.S:alltraps calls trap() with interrupts disabled (all IDT
 * entries are interrupt gates) on the current thread's kernel stack.
 * Handlers run to completion with interrupts off and must not sleep;
 * they may take spinlocks (which nest as critical sections) and call
 * wakeup()/lwkt_schedule().  A kernel-mode exception is fatal: panic with
 * the trap frame, except a page fault on a user address inside copyin and
 * friends (td_onfault set): vm_fault() resolves it, or the access resumes
 * at td_onfault and fails with EFAULT.
 *
 * From user mode (the saved %cs has RPL 3; the frame is td->td_frame at
 * the top of the thread's kernel stack): exceptions run with interrupts
 * enabled; a page fault goes to vm_fault(), anything vm_fault cannot
 * resolve and every other exception becomes a signal (trapsignal(),
 * kern_sig.c) with FreeBSD's signal and si_code.  Every return to user
 * mode, after an exception or an interrupt, goes through userret()
 * (signals, exit requests, the clock's reschedule request).
 *
 * Device IRQs are routed through the IOAPIC to CPU 0 as vector 32 + irq.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/intr.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/md_var.h>
#include <machine/asmacros.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <vm/vm_map.h>

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

/*
 * Test hook (ktest only): a first look at user-mode exceptions that are
 * about to become signal sig (code, addr).  Returns nonzero when it dealt
 * with the trap; trapsignal() is then not called.
 */
int	(*trap_user_hook)(struct trapframe *tf, int sig, int code, void *addr);

/* si_code values sys/signal.h does not name yet (FreeBSD's values). */
#define ILL_COPROC_K	7
#define BUS_ADRALN_K	1
#define BUS_OBJERR_K	3
#define TRAP_TRACE_K	2
#define FPE_INTOVF_K	1
#define FPE_FLTSUB_K	8

/* Page-fault error code bits. */
#define PGEX_P		0x01	/* protection violation (page present) */
#define PGEX_W		0x02	/* write */
#define PGEX_U		0x04	/* from user mode */
#define PGEX_RSV	0x08	/* reserved bit set in a table entry */
#define PGEX_I		0x10	/* instruction fetch */

static int
trap_pfault_type(uint64_t err)
{
	if (err & PGEX_W)
		return (VM_PROT_WRITE);
	if (err & PGEX_I)
		return (VM_PROT_EXECUTE);
	return (VM_PROT_READ);
}

/*
 * A kernel-mode page fault.  Returns 1 if it was a user access under
 * td_onfault (resolved, or redirected to td_onfault), 0 if fatal.
 */
static int
trap_kernel_pfault(struct trapframe *tf)
{
	struct thread *td = curthread;
	vm_offset_t va = rcr2();
	struct vmspace *vs;
	int error = EFAULT;

	if (td->td_onfault == NULL || va >= VM_MAXUSER_ADDRESS ||
	    (tf->tf_err & PGEX_RSV))
		return (0);
	vs = vmspace_current();
	if (vs != NULL) {
		if ((tf->tf_rflags & PSL_I) && td->td_critcount == 0) {
			cpu_enable_intr();
			error = vm_fault(vs, va, trap_pfault_type(tf->tf_err));
			cpu_disable_intr();
		} else
			KASSERT(0, ("user memory fault at %#lx with interrupts "
			    "disabled or spinlocks held, rip %#lx", va,
			    tf->tf_rip));
	}
	if (error != 0)
		tf->tf_rip = (uint64_t)td->td_onfault;
	return (1);
}

/* The signal and si_code of each user-mode exception other than #PF. */
static const struct {
	int	ts_sig;
	int	ts_code;
} trap_sigs[32] = {
	[0] =	{ SIGFPE,	FPE_INTDIV },		/* #DE */
	[1] =	{ SIGTRAP,	TRAP_TRACE_K },		/* #DB */
	[3] =	{ SIGTRAP,	TRAP_BRKPT },		/* #BP: int3 */
	[4] =	{ SIGFPE,	FPE_INTOVF_K },		/* #OF */
	[5] =	{ SIGFPE,	FPE_FLTSUB_K },		/* #BR */
	[6] =	{ SIGILL,	ILL_ILLOPC },		/* #UD */
	[7] =	{ SIGILL,	ILL_COPROC_K },		/* #NM */
	[11] =	{ SIGBUS,	BUS_ADRERR },		/* #NP */
	[12] =	{ SIGBUS,	BUS_ADRERR },		/* #SS */
	[16] =	{ SIGFPE,	0 },			/* #MF: from the FSW */
	[17] =	{ SIGBUS,	BUS_ADRALN_K },		/* #AC */
	[19] =	{ SIGFPE,	0 },			/* #XM: from MXCSR */
};

static void
trap_user_signal(struct thread *td, int vec, int *sigp, int *codep)
{
	*sigp = trap_sigs[vec].ts_sig;
	*codep = trap_sigs[vec].ts_code;
	if (*sigp == 0) {		/* #GP, #TS and the rest */
		*sigp = SIGBUS;
		*codep = BUS_OBJERR_K;
	}
	if (vec == 16 || vec == 19)
		*codep = fpu_trap_code(td, vec);
}

/* An exception in user mode: resolve a page fault, or post a signal. */
static void
trap_user(struct trapframe *tf)
{
	struct thread *td = curthread;
	int vec = tf->tf_trapno, sig, code, error;
	vm_offset_t va = vec == 14 ? rcr2() : 0;
	void *addr = (void *)tf->tf_rip;

	KASSERT(td->td_proc != NULL && tf == td->td_frame,
	    ("user trap %d on %s, frame %p", vec, td->td_comm, tf));
	cpu_enable_intr();
	if (vec == 14) {
		if (!(tf->tf_err & PGEX_RSV)) {
			error = vm_fault(td->td_proc->p_vmspace, va,
			    trap_pfault_type(tf->tf_err));
			if (error == 0)
				goto out;
		} else
			error = EFAULT;
		sig = error == ENOMEM ? SIGBUS : SIGSEGV;
		code = error == ENOMEM ? BUS_ADRERR :
		    error == EACCES ? SEGV_ACCERR : SEGV_MAPERR;
		addr = (void *)va;
	} else
		trap_user_signal(td, vec, &sig, &code);
	if (trap_user_hook == NULL || !trap_user_hook(tf, sig, code, addr))
		trapsignal(td, sig, code, addr);
out:
	userret_final(td);
}

static void
trap_intr(struct trapframe *tf, struct globaldata *gd, uint64_t vec)
{
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
		if ((tf->tf_cs & 3) != 0 && vec != 8 && vec != 18) {
			trap_user(tf);
			return;
		}
		if (vec == 14 && trap_kernel_pfault(tf))
			return;
		trap_fatal(tf);
	}
	trap_intr(tf, gd, vec);
	if ((tf->tf_cs & 3) != 0 && curthread->td_proc != NULL) {
		cpu_enable_intr();
		userret_final(curthread);
	}
}
