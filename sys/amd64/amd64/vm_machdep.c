/*
 * amd64/vm_machdep.c: the machine-dependent side of user threads.
 *
 * Entry points and callers:
 *   fpu_init_cpu, syscall_init_cpu   CPU bring-up, on every CPU (BSP and
 *                                    APs), before any user thread runs
 *   cpu_thread_alloc                 a new user thread (TDS_NEW): place
 *                                    its trapframe at the top of its stack
 *   cpu_switch_user                  lwkt_switch_locked, interrupts off,
 *                                    before the stacks are switched
 *   cpu_fork, cpu_set_upcall,        fork1, thr_new, exec: the registers a
 *   cpu_set_user_tls,                thread starts user mode with
 *   cpu_exec_setregs
 *   cpu_enter_user                   a new thread's first entry to user mode
 *   cpu_sendsig, sys_sigreturn       signal delivery (kern_sig.c:postsig)
 *                                    and return from a handler
 *   sys_sysarch                      %fs/%gs base for TLS (libc)
 *   copyin, copyout, copyinstr, fubyte, subyte, fueword32/64,
 *   suword32/64, casueword32         everyone touching user memory
 *
 * User thread state (see machine/pcb.h): the trapframe at the top of the
 * kernel stack (td_frame), the FPU/SSE registers (live in the CPU while
 * the thread runs, in td_fpu while it is switched out: the kernel is built
 * without SSE, so no kernel code disturbs them), td_fsbase/td_gsbase
 * (live in MSR_FSBASE and, while in the kernel after swapgs,
 * MSR_KGSBASE).  cpu_switch_user saves the FPU of a user thread that
 * leaves the CPU and loads everything of one that arrives; a kernel
 * thread runs on the kernel's page tables.
 *
 * The first switch into a user thread happens inside lwkt_thread_start,
 * on the stack lwkt_alloc built at the top of the kernel stack, where the
 * trapframe must go; cpu_thread_alloc moves that initial switch frame
 * below the trapframe.
 *
 * FreeBSD conventions kept here (user programs and libc rely on them):
 *   fork: the child returns %rax = 0, %rdx = 1, carry clear; the parent
 *     gets the child's pid in %rax and %rdx = 0 (sys_fork sets those).
 *   exec: %rip = ELF entry, %rdi = the address of argc on the new stack
 *     (argc, argv[], NULL, envp[], NULL, auxv...), %rsp = that address
 *     rounded down to 8 mod 16 (as if _start had been called; crt1 must
 *     find argc through %rdi, not %rsp), every other register 0 (so
 *     crt1's cleanup argument in %rsi is NULL), %rflags = IF, FPU state
 *     reset, %fs/%gs bases 0.
 *   thread upcall: %rip = entry, %rdi = arg, %rsp = (stack top & ~15) - 8.
 *   signals: see machine/signal.h.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/md_var.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <machine/signal.h>
#include <machine/ucontext.h>
#include <vm/vm_map.h>

/* syscall.S and support.S */
extern char	syscall_stubs[], syscall_stubs_end[];
extern struct syscall_pcpu {
	uint64_t	sp_rsp0;	/* kernel stack top of the user thread */
	uint64_t	sp_usp;		/* scratch: user %rsp at entry */
	uint64_t	sp_pad[6];
} syscall_pcpu[];
void	cpu_enter_user_frame(struct trapframe *tf) __dead2;
int	copy_user_raw(void *dst, const void *src, size_t len, void **onfault);
int	copyinstr_raw(const void *src, void *dst, size_t max, size_t *done,
	    void **onfault);
int	fetch_user_8(const volatile void *u, void *v, void *z, void **of);
int	fetch_user_32(const volatile void *u, void *v, void *z, void **of);
int	fetch_user_64(const volatile void *u, void *v, void *z, void **of);
int	store_user_8(volatile void *u, uint64_t v, void *z, void **of);
int	store_user_32(volatile void *u, uint64_t v, void *z, void **of);
int	store_user_64(volatile void *u, uint64_t v, void *z, void **of);
int	cas_user_32(volatile uint32_t *u, uint32_t old, uint32_t new,
	    uint32_t *oldp, void **of);

#define SYSCALL_STUB_SIZE	32

CTASSERT(sizeof(struct syscall_pcpu) == 64);
CTASSERT(sizeof(struct trapframe) == 176);
CTASSERT(__builtin_offsetof(struct trapframe, tf_r11) == 32);
CTASSERT(__builtin_offsetof(struct trapframe, tf_rcx) == 96);
CTASSERT(__builtin_offsetof(struct trapframe, tf_trapno) == 120);
CTASSERT(__builtin_offsetof(struct trapframe, tf_rip) == 136);
CTASSERT(__builtin_offsetof(struct trapframe, tf_cs) == 144);
CTASSERT(__builtin_offsetof(struct trapframe, tf_rflags) == 152);
CTASSERT(__builtin_offsetof(struct trapframe, tf_ss) == 168);

#define CR0_MP		0x00000002
#define CR0_EM		0x00000004
#define CR0_TS		0x00000008
#define CR0_NE		0x00000020
#define CR4_OSFXSR	0x00000200
#define CR4_OSXMMEXCPT	0x00000400
#define EFER_SCE	0x00000001
#define EFER_NXE	0x00000800
#define CPUID_EXT_NX	(1u << 20)
#define SFMASK_BITS	(PSL_I | PSL_T | PSL_D | PSL_AC | PSL_NT)

/* sysarch(2) operations (FreeBSD machine/sysarch.h). */
#define AMD64_GET_FSBASE	128
#define AMD64_SET_FSBASE	129
#define AMD64_GET_GSBASE	130
#define AMD64_SET_GSBASE	131

#define UCODE_SEL	(GSEL_UCODE | 3)
#define UDATA_SEL	(GSEL_UDATA | 3)

extern uint64_t	pg_nx;			/* pmap.c */
static uint32_t	fpu_mxcsr_mask = 0xffbf; /* [I] MXCSR bits fxrstor takes */

/* Which per-CPU initialisations ran: a user thread needs both. */
#define CPU_USER_FPU	0x1
#define CPU_USER_SYSCALL 0x2
static u_int	cpu_user_ready[MAXCPU];	/* [I] after bring-up */

static inline void
load_cr0(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline void
load_cr4(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

/*
 * FPU/SSE.
 */
void
fpu_save(struct savefpu *sv)
{
	KASSERT(((uintptr_t)sv & 15) == 0, ("fpu_save: %p unaligned", sv));
	__asm__ volatile("fxsave64 %0" : "=m"(*sv) : : "memory");
}

void
fpu_restore(const struct savefpu *sv)
{
	KASSERT(((uintptr_t)sv & 15) == 0, ("fpu_restore: %p unaligned", sv));
	__asm__ volatile("fxrstor64 %0" : : "m"(*sv) : "memory");
}

void
fpu_init_state(struct savefpu *sv)
{
	memset(sv, 0, sizeof(*sv));
	sv->sv_env.fe_fcw = FPU_INITIAL_FCW;
	sv->sv_env.fe_mxcsr = FPU_INITIAL_MXCSR;
}

/* fxrstor faults on reserved MXCSR bits: clear what user space gave. */
void
fpu_sanitize(struct savefpu *sv)
{
	sv->sv_env.fe_mxcsr &= fpu_mxcsr_mask;
}

/*
 * Enable the FPU and SSE for user mode.  The BSP also learns which MXCSR
 * bits the CPU accepts (into a static buffer: AP boot stacks are not
 * guaranteed the 16-byte alignment fxsave needs).
 */
void
fpu_init_cpu(void)
{
	static struct savefpu probe;

	load_cr0((rcr0() & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
	load_cr4(rcr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	__asm__ volatile("fninit" : : : "memory");
	cpu_user_ready[mycpuid] |= CPU_USER_FPU;
	if (mycpuid != 0)
		return;
	memset(&probe, 0, sizeof(probe));
	fpu_save(&probe);
	if (probe.sv_env.fe_mxcsr_mask != 0)
		fpu_mxcsr_mask = probe.sv_env.fe_mxcsr_mask;
}

/* The x87/SSE exception that caused #MF (16) or #XM (19): an FPE_ code. */
int
fpu_trap_code(struct thread *td, int vec)
{
	static const int codes[6] = { 7 /* FPE_FLTINV */, 7, 3 /* FLTDIV */,
	    4 /* FLTOVF */, 5 /* FLTUND */, 6 /* FLTRES */ };
	struct savefpu *sv = td->td_fpu;
	u_int pending;

	fpu_save(sv);
	if (vec == 16)
		pending = sv->sv_env.fe_fsw & ~sv->sv_env.fe_fcw & 0x3f;
	else
		pending = sv->sv_env.fe_mxcsr &
		    ~(sv->sv_env.fe_mxcsr >> 7) & 0x3f;
	for (int i = 0; i < 6; i++)
		if (pending & (1u << i))
			return (codes[i]);
	return (7);
}

/*
 * The syscall instruction: enable it and point it at this CPU's stub.
 */
void
syscall_init_cpu(void)
{
	int cpu = mycpuid;
	uint32_t r[4];
	uint64_t efer = rdmsr(MSR_EFER) | EFER_SCE;

	VERIFY((syscall_stubs_end - syscall_stubs) / SYSCALL_STUB_SIZE >=
	    MAXCPU);
	cpuid(0x80000001, 0, r);
	if (r[3] & CPUID_EXT_NX) {
		efer |= EFER_NXE;
		if (cpu == 0)
			pg_nx = PG_NX;
	}
	wrmsr(MSR_EFER, efer);
	/* sysret: %cs = UCODE32 + 16 = UCODE, %ss = UCODE32 + 8 = UDATA. */
	wrmsr(MSR_STAR, ((uint64_t)(GSEL_UCODE32 | 3) << 48) |
	    ((uint64_t)GSEL_KCODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_stubs + cpu * SYSCALL_STUB_SIZE);
	wrmsr(MSR_SFMASK, SFMASK_BITS);
	cpu_user_ready[cpu] |= CPU_USER_SYSCALL;
}

/*
 * Per-thread state and the context switch.
 */
static uint64_t
cpu_kstack_top(struct thread *td)
{
	return ((uint64_t)td->td_kstack + td->td_kstack_size);
}

void
cpu_thread_alloc(struct thread *td)
{
	char *top = (char *)cpu_kstack_top(td);
	char *oldsp = td->td_sp;
	size_t used = top - oldsp;

	KASSERT(td->td_state == TDS_NEW, ("cpu_thread_alloc: %s has run",
	    td->td_comm));
	KASSERT(((uint64_t)top & 15) == 0, ("kernel stack top %p", top));
	if (td->td_frame != NULL)
		return;
	KASSERT(used < 512, ("cpu_thread_alloc: %zu bytes on a new stack",
	    used));
	td->td_frame = (struct trapframe *)top - 1;
	td->td_sp = oldsp - sizeof(struct trapframe);
	memmove(td->td_sp, oldsp, used);
	memset(td->td_frame, 0, sizeof(*td->td_frame));
	td->td_frame->tf_cs = UCODE_SEL;
	td->td_frame->tf_ss = UDATA_SEL;
	td->td_frame->tf_rflags = PSL_USER;
}

/* Load what a user thread needs on this CPU (interrupts off). */
static void
cpu_user_load(struct thread *td, int fpu)
{
	struct globaldata *gd = mycpu;
	uint64_t top = cpu_kstack_top(td);

	KASSERT(cpu_user_ready[gd->gd_cpuid] ==
	    (CPU_USER_FPU | CPU_USER_SYSCALL),
	    ("cpu%d: fpu_init_cpu() and syscall_init_cpu() must run at "
	    "bring-up before user threads", gd->gd_cpuid));
	if (fpu && td->td_fpu != NULL)
		fpu_restore(td->td_fpu);
	wrmsr(MSR_FSBASE, td->td_fsbase);
	wrmsr(MSR_KGSBASE, td->td_gsbase);
	md_set_kstack(gd, top);
	syscall_pcpu[gd->gd_cpuid].sp_rsp0 = top;
}

static struct pmap *
cpu_thread_pmap(struct thread *td)
{
	if (td->td_proc == NULL || td->td_proc->p_vmspace == NULL)
		return (&kernel_pmap);
	return (vmspace_pmap(td->td_proc->p_vmspace));
}

void
cpu_switch_user(struct thread *from, struct thread *to)
{
	KASSERT(!(read_rflags() & PSL_I), ("cpu_switch_user: interrupts on"));
	if (from->td_proc != NULL && from->td_fpu != NULL)
		fpu_save(from->td_fpu);
	KASSERT(from->td_proc != NULL || from->td_state == TDS_DEAD ||
	    pmap_current() == &kernel_pmap,
	    ("kernel thread %s blocked with a user address space active",
	    from->td_comm));
	pmap_activate(cpu_thread_pmap(to));
	if (to->td_proc != NULL)
		cpu_user_load(to, 1);
}

/* Copy the FPU state of `from' (live if it is the current thread). */
static void
cpu_fpu_copy(struct thread *from, struct thread *to)
{
	if (to->td_fpu == NULL)
		return;
	if (from == curthread && from->td_proc != NULL)
		fpu_save(to->td_fpu);
	else if (from->td_fpu != NULL)
		memcpy(to->td_fpu, from->td_fpu, sizeof(struct savefpu));
	else
		fpu_init_state(to->td_fpu);
}

void
cpu_fork(struct thread *parent, struct thread *child)
{
	struct trapframe *tf;

	cpu_thread_alloc(child);
	tf = child->td_frame;
	*tf = *parent->td_frame;
	tf->tf_rax = 0;
	tf->tf_rdx = 1;
	tf->tf_rflags &= ~PSL_C;
	cpu_fpu_copy(parent, child);
	child->td_fsbase = parent->td_fsbase;
	child->td_gsbase = parent->td_gsbase;
}

/* A user %rip the CPU can return to; anything else faults at 0. */
static uint64_t
cpu_user_rip(uint64_t rip)
{
	return (rip < VM_MAXUSER_ADDRESS ? rip : 0);
}

static int
cpu_canonical(uint64_t va)
{
	return (va < 0x0000800000000000UL || va >= 0xffff800000000000UL);
}

/* Likewise for %rsp: a bad one faults at the first push. */
static uint64_t
cpu_user_rsp(uint64_t rsp)
{
	return (cpu_canonical(rsp) ? rsp : 0);
}

void
cpu_set_upcall(struct thread *td, void (*entry)(void *), void *arg,
    void *stack, size_t stacksize)
{
	struct thread *self = curthread;
	struct trapframe *tf;

	cpu_thread_alloc(td);
	tf = td->td_frame;
	memset(tf, 0, sizeof(*tf));
	tf->tf_rip = cpu_user_rip((uint64_t)entry);
	tf->tf_rdi = (uint64_t)arg;
	tf->tf_rsp = cpu_user_rsp((((uint64_t)stack + stacksize) & ~15UL) - 8);
	tf->tf_rflags = PSL_USER;
	tf->tf_cs = UCODE_SEL;
	tf->tf_ss = UDATA_SEL;
	cpu_fpu_copy(self, td);
	if (self->td_proc != NULL) {
		td->td_fsbase = self->td_fsbase;
		td->td_gsbase = self->td_gsbase;
	}
}

int
cpu_set_user_tls(struct thread *td, void *tls_base)
{
	if ((uint64_t)tls_base >= VM_MAXUSER_ADDRESS)
		return (EINVAL);
	td->td_fsbase = (uint64_t)tls_base;
	if (td == curthread)
		wrmsr(MSR_FSBASE, td->td_fsbase);
	return (0);
}

void
cpu_exec_setregs(struct thread *td, uint64_t entry, uint64_t stack,
    uint64_t ps_strings)
{
	struct trapframe *tf = td->td_frame;

	KASSERT(td == curthread, ("cpu_exec_setregs: not curthread"));
	KASSERT(tf != NULL, ("cpu_exec_setregs: no frame: cpu_thread_alloc"));
	(void)ps_strings;	/* FreeBSD/amd64 passes it in no register */
	memset(tf, 0, sizeof(*tf));
	tf->tf_rip = cpu_user_rip(entry);
	tf->tf_rsp = cpu_user_rsp(((stack - 8) & ~15UL) + 8);
	tf->tf_rdi = stack;
	tf->tf_rflags = PSL_USER;
	tf->tf_cs = UCODE_SEL;
	tf->tf_ss = UDATA_SEL;
	/* No preemption in the kernel: nothing saves the old state over it. */
	if (td->td_fpu != NULL) {
		fpu_init_state(td->td_fpu);
		fpu_restore(td->td_fpu);
	}
	td->td_fsbase = 0;
	td->td_gsbase = 0;
	wrmsr(MSR_FSBASE, 0);
	wrmsr(MSR_KGSBASE, 0);
}

/*
 * A thread's first entry to user mode, with td_frame as set up by
 * cpu_fork, cpu_set_upcall or cpu_exec_setregs.  Pending signals are
 * taken first (userret_final), so callers need not call userret.
 */
void
cpu_enter_user(struct thread *td)
{
	KASSERT(td == curthread && td->td_proc != NULL &&
	    td->td_proc->p_vmspace != NULL && td->td_frame != NULL,
	    ("cpu_enter_user: %s is not a user thread", td->td_comm));
	userret_final(td);		/* returns with interrupts disabled */
	pmap_activate(cpu_thread_pmap(td));
	cpu_user_load(td, 0);		/* the live FPU state is already td's */
	td->td_pflags &= ~TDP_INSYSCALL;
	cpu_enter_user_frame(td->td_frame);
}

/*
 * Signals.
 */
static void
cpu_fill_mcontext(struct thread *td, mcontext_t *mc)
{
	struct trapframe *tf = td->td_frame;

	mc->mc_rdi = tf->tf_rdi;
	mc->mc_rsi = tf->tf_rsi;
	mc->mc_rdx = tf->tf_rdx;
	mc->mc_rcx = tf->tf_rcx;
	mc->mc_r8 = tf->tf_r8;
	mc->mc_r9 = tf->tf_r9;
	mc->mc_rax = tf->tf_rax;
	mc->mc_rbx = tf->tf_rbx;
	mc->mc_rbp = tf->tf_rbp;
	mc->mc_r10 = tf->tf_r10;
	mc->mc_r11 = tf->tf_r11;
	mc->mc_r12 = tf->tf_r12;
	mc->mc_r13 = tf->tf_r13;
	mc->mc_r14 = tf->tf_r14;
	mc->mc_r15 = tf->tf_r15;
	mc->mc_trapno = tf->tf_trapno;
	mc->mc_err = tf->tf_err;
	mc->mc_rip = tf->tf_rip;
	mc->mc_cs = tf->tf_cs;
	mc->mc_rflags = tf->tf_rflags;
	mc->mc_rsp = tf->tf_rsp;
	mc->mc_ss = tf->tf_ss;
	mc->mc_ds = mc->mc_es = UDATA_SEL;
	mc->mc_flags = _MC_HASSEGS | _MC_HASBASES;
	mc->mc_fsbase = td->td_fsbase;
	mc->mc_gsbase = td->td_gsbase;
	mc->mc_len = sizeof(*mc);
	mc->mc_fpformat = _MC_FPFMT_XMM;
	mc->mc_ownedfp = _MC_FPOWNED_FPU;
	fpu_save(td->td_fpu);
	memcpy(mc->mc_fpstate, td->td_fpu, sizeof(struct savefpu));
}

int
cpu_sendsig(struct thread *td, int sig, const struct sigacts_entry *sa,
    const sigset_t *oldmask, int code, void *addr)
{
	struct trapframe *tf = td->td_frame;
	struct sigframe sf, *sfp;
	uint64_t sp;

	KASSERT(td == curthread, ("cpu_sendsig: not curthread"));
	sp = tf->tf_rsp - 128 - sizeof(sf);	/* below the red zone */
	sp &= ~15UL;
	if (tf->tf_rsp < 128 + sizeof(sf) + VM_MINUSER_ADDRESS)
		return (EFAULT);
	sfp = (struct sigframe *)sp;
	memset(&sf, 0, sizeof(sf));
	sf.sf_ahu.sf_handler = (void (*)(int))sa->sa_handler;
	memcpy(sf.sf_uc.uc_sigmask, oldmask, sizeof(sf.sf_uc.uc_sigmask));
	sf.sf_uc.uc_stack.ss_flags = SS_DISABLE;
	cpu_fill_mcontext(td, &sf.sf_uc.uc_mcontext);
	sf.sf_uc.uc_mcontext.mc_addr = (int64_t)addr;
	sf.sf_si.si_signo = sig;
	sf.sf_si.si_code = code;
	sf.sf_si.si_addr = addr;
	sf.sf_si._reason._fault._trapno = tf->tf_trapno;
	if (copyout(&sf, sfp, sizeof(sf)) != 0)
		return (EFAULT);

	tf->tf_rdi = sig;
	tf->tf_rsi = (sa->sa_flags & SA_SIGINFO) ? (uint64_t)&sfp->sf_si :
	    (uint64_t)code;
	tf->tf_rdx = (uint64_t)&sfp->sf_uc;
	tf->tf_rcx = (uint64_t)addr;
	tf->tf_rsp = sp;
	tf->tf_rip = SIGCODE_VA;
	tf->tf_rflags &= ~(PSL_T | PSL_D);
	tf->tf_cs = UCODE_SEL;
	tf->tf_ss = UDATA_SEL;
	/* The handler starts with a clean FPU, like on FreeBSD. */
	fpu_init_state(td->td_fpu);
	fpu_restore(td->td_fpu);
	return (0);
}

/* Is mc safe to resume?  Nothing may grant user mode more privilege. */
static int
cpu_mcontext_ok(struct trapframe *tf, const mcontext_t *mc)
{
	if (mc->mc_len != sizeof(*mc))
		return (0);
	if (((mc->mc_rflags ^ tf->tf_rflags) & ~PSL_USERCHANGE) != 0)
		return (0);
	if (mc->mc_cs != UCODE_SEL || (uint64_t)mc->mc_rip >= VM_MAXUSER_ADDRESS)
		return (0);
	if (!cpu_canonical(mc->mc_rsp))
		return (0);
	if ((mc->mc_flags & _MC_HASBASES) &&
	    ((uint64_t)mc->mc_fsbase >= VM_MAXUSER_ADDRESS ||
	    (uint64_t)mc->mc_gsbase >= VM_MAXUSER_ADDRESS))
		return (0);
	if (mc->mc_ownedfp != _MC_FPOWNED_NONE &&
	    mc->mc_fpformat != _MC_FPFMT_XMM)
		return (0);
	return (1);
}

static void
cpu_set_mcontext(struct thread *td, const mcontext_t *mc)
{
	struct trapframe *tf = td->td_frame;

	tf->tf_rdi = mc->mc_rdi;
	tf->tf_rsi = mc->mc_rsi;
	tf->tf_rdx = mc->mc_rdx;
	tf->tf_rcx = mc->mc_rcx;
	tf->tf_r8 = mc->mc_r8;
	tf->tf_r9 = mc->mc_r9;
	tf->tf_rax = mc->mc_rax;
	tf->tf_rbx = mc->mc_rbx;
	tf->tf_rbp = mc->mc_rbp;
	tf->tf_r10 = mc->mc_r10;
	tf->tf_r11 = mc->mc_r11;
	tf->tf_r12 = mc->mc_r12;
	tf->tf_r13 = mc->mc_r13;
	tf->tf_r14 = mc->mc_r14;
	tf->tf_r15 = mc->mc_r15;
	tf->tf_rip = mc->mc_rip;
	tf->tf_rflags = mc->mc_rflags;
	tf->tf_rsp = mc->mc_rsp;
	tf->tf_cs = UCODE_SEL;
	tf->tf_ss = UDATA_SEL;
	if (mc->mc_ownedfp == _MC_FPOWNED_NONE)
		fpu_init_state(td->td_fpu);
	else {
		memcpy(td->td_fpu, mc->mc_fpstate, sizeof(struct savefpu));
		fpu_sanitize(td->td_fpu);
	}
	fpu_restore(td->td_fpu);
	if (mc->mc_flags & _MC_HASBASES) {
		td->td_fsbase = mc->mc_fsbase;
		td->td_gsbase = mc->mc_gsbase;
		wrmsr(MSR_FSBASE, td->td_fsbase);
		wrmsr(MSR_KGSBASE, td->td_gsbase);
	}
}

int
sys_sigreturn(struct thread *td, struct sigreturn_args *uap)
{
	struct proc *p = td->td_proc;
	ucontext_k_t uc;
	int error;

	if ((error = copyin(uap->sigcntxp, &uc, sizeof(uc))) != 0)
		return (error);
	if (!cpu_mcontext_ok(td->td_frame, &uc.uc_mcontext))
		return (EINVAL);
	cpu_set_mcontext(td, &uc.uc_mcontext);
	spin_lock(&p->p_spin);
	memcpy(&td->td_sigmask, uc.uc_sigmask, sizeof(td->td_sigmask));
	SIGDELSET(td->td_sigmask, SIGKILL);
	SIGDELSET(td->td_sigmask, SIGSTOP);
	spin_unlock(&p->p_spin);
	atomic_set_int(&td->td_flags, TDF_ASTPENDING);	/* unblocked ones */
	return (EJUSTRETURN);
}

/* sysarch(2): the TLS base registers. */
int
sys_sysarch(struct thread *td, struct sysarch_args *uap)
{
	uint64_t base;
	int error;

	switch (uap->op) {
	case AMD64_GET_FSBASE:
		return (copyout(&td->td_fsbase, uap->parms, sizeof(base)));
	case AMD64_GET_GSBASE:
		return (copyout(&td->td_gsbase, uap->parms, sizeof(base)));
	case AMD64_SET_FSBASE:
	case AMD64_SET_GSBASE:
		if ((error = copyin(uap->parms, &base, sizeof(base))) != 0)
			return (error);
		if (base >= VM_MAXUSER_ADDRESS)
			return (EINVAL);
		if (uap->op == AMD64_SET_FSBASE) {
			td->td_fsbase = base;
			wrmsr(MSR_FSBASE, base);
		} else {
			td->td_gsbase = base;
			wrmsr(MSR_KGSBASE, base);
		}
		return (0);
	default:
		return (EINVAL);
	}
}

/*
 * User memory access.  A range is acceptable when it lies below
 * VM_MAXUSER_ADDRESS without wrapping and a user address space is loaded
 * (kernel threads run on boot_pml4, whose low half is the boot identity
 * map: never let a user pointer reach it).  Faults are resolved by
 * trap() through vm_fault, or end in EFAULT via td_onfault.
 */
static int
user_range_ok(const volatile void *uaddr, size_t len)
{
	uint64_t a = (uint64_t)uaddr;

	return (a < VM_MAXUSER_ADDRESS && len <= VM_MAXUSER_ADDRESS - a &&
	    pmap_current() != &kernel_pmap);
}

int
copyin(const void *uaddr, void *kaddr, size_t len)
{
	if (len == 0)
		return (0);
	if (!user_range_ok(uaddr, len))
		return (EFAULT);
	return (copy_user_raw(kaddr, uaddr, len, &curthread->td_onfault));
}

int
copyout(const void *kaddr, void *uaddr, size_t len)
{
	if (len == 0)
		return (0);
	if (!user_range_ok(uaddr, len))
		return (EFAULT);
	return (copy_user_raw(uaddr, kaddr, len, &curthread->td_onfault));
}

/*
 * Copy a NUL-terminated string of at most len bytes (NUL included).
 * 0, EFAULT, or ENAMETOOLONG when there is no NUL in len bytes; *done (if
 * not NULL) gets the bytes copied, NUL included.
 */
int
copyinstr(const void *uaddr, char *kaddr, size_t len, size_t *done)
{
	uint64_t a = (uint64_t)uaddr;
	size_t copied = 0, max;
	int error;

	if (len == 0)
		error = ENAMETOOLONG;
	else if (!user_range_ok(uaddr, 1))
		error = EFAULT;
	else {
		max = MIN(len, VM_MAXUSER_ADDRESS - a);
		error = copyinstr_raw(uaddr, kaddr, max, &copied,
		    &curthread->td_onfault);
		if (error == ENAMETOOLONG && max < len)
			error = EFAULT;		/* ran into the kernel */
	}
	if (done != NULL)
		*done = copied;
	return (error);
}

int
fubyte(volatile const void *base)
{
	uint8_t v;

	if (!user_range_ok(base, 1) ||
	    fetch_user_8(base, &v, NULL, &curthread->td_onfault) != 0)
		return (-1);
	return (v);
}

int
subyte(volatile void *base, int byte)
{
	if (!user_range_ok(base, 1))
		return (-1);
	return (store_user_8(base, (uint8_t)byte, NULL,
	    &curthread->td_onfault));
}

int
fueword32(volatile const void *base, int32_t *val)
{
	if (!user_range_ok(base, 4))
		return (-1);
	return (fetch_user_32(base, val, NULL, &curthread->td_onfault));
}

int
fueword64(volatile const void *base, int64_t *val)
{
	if (!user_range_ok(base, 8))
		return (-1);
	return (fetch_user_64(base, val, NULL, &curthread->td_onfault));
}

int
suword32(volatile void *base, int32_t word)
{
	if (!user_range_ok(base, 4))
		return (-1);
	return (store_user_32(base, (uint32_t)word, NULL,
	    &curthread->td_onfault));
}

int
suword64(volatile void *base, int64_t word)
{
	if (!user_range_ok(base, 8))
		return (-1);
	return (store_user_64(base, (uint64_t)word, NULL,
	    &curthread->td_onfault));
}

/*
 * Compare-and-swap on user memory: if *base == oldval, store newval.
 * *oldvalp gets the value found.  0 if stored, 1 if the value differed,
 * -1 on a fault (FreeBSD's casueword32(9)).
 */
int
casueword32(volatile uint32_t *base, uint32_t oldval, uint32_t *oldvalp,
    uint32_t newval)
{
	if (!user_range_ok(base, 4))
		return (-1);
	return (cas_user_32(base, oldval, newval, oldvalp,
	    &curthread->td_onfault));
}
