/*
 * ktest_copyin.c: self tests for the user/kernel boundary: copyin,
 * copyout, copyinstr and the single-word accessors (amd64/vm_machdep.c,
 * support.S), and real trips through ring 3: the syscall instruction
 * entry and return (amd64/syscall.S, kern/kern_syscall.c), user page
 * faults, the signal frame, trampoline and sigreturn, and FPU/SSE state
 * across context switches.
 *
 * The ring-3 cases run small position-independent programs (assembled
 * into the kernel's .rodata below, copied into a fresh address space) in
 * a user thread of a minimal stand-in process.  Each program ends with
 * ud2; trap_user_hook catches the resulting #UD (or any other user trap)
 * before it would become a signal, records the registers and ends the
 * thread.  The stand-in process has only what the syscall, trap and
 * userret paths read: p_vmspace, p_spin, p_pid, p_state, no signals.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/signal.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <machine/frame.h>
#include <machine/md_var.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <vm/vm_map.h>

#define UVA		0x400000UL
#define RW		(VM_PROT_READ | VM_PROT_WRITE)

static struct vmspace *
vs_rw(size_t npages)
{
	struct vmspace *vs = vmspace_alloc();
	vm_offset_t addr = UVA;

	if (vs != NULL && vm_map_anon(vs, &addr, npages * PAGE_SIZE, RW,
	    VM_MAP_FIXED) != 0) {
		vmspace_free(vs);
		vs = NULL;
	}
	return (vs);
}

KTEST(copyin_copyout_roundtrip, 30)
{
	struct vmspace *vs = vs_rw(2);
	char a[100], b[100];

	KT_ASSERT(vs != NULL);
	for (int i = 0; i < 100; i++)
		a[i] = i;
	vmspace_activate(vs);
	KT_ASSERT_EQ(copyout(a, (void *)(UVA + PAGE_SIZE - 50), 100), 0);
	KT_ASSERT_EQ(copyin((void *)(UVA + PAGE_SIZE - 50), b, 100), 0);
	KT_ASSERT_EQ(copyin(NULL, b, 0), 0);		/* nothing to copy */
	vmspace_activate(NULL);
	KT_ASSERT(memcmp(a, b, 100) == 0);
	vmspace_free(vs);
}

KTEST(copyin_copyout_bad_addresses_EFAULT, 30)
{
	static int kernel_word = 5;
	struct vmspace *vs = vs_rw(1);
	char buf[32];

	KT_ASSERT(vs != NULL);
	vmspace_activate(vs);
	KT_ASSERT_EQ(copyin(NULL, buf, 1), EFAULT);
	KT_ASSERT_EQ(copyout(buf, NULL, 1), EFAULT);
	KT_ASSERT_EQ(copyin((void *)(UVA + 64 * PAGE_SIZE), buf, 4), EFAULT);
	KT_ASSERT_EQ(copyin(&kernel_word, buf, 4), EFAULT);
	KT_ASSERT_EQ(copyout(buf, &kernel_word, 4), EFAULT);
	KT_ASSERT_EQ(kernel_word, 5);
	/* Ranges that wrap, or cross the end of user space. */
	KT_ASSERT_EQ(copyin((void *)(UVA + 16), buf, ~0UL - 8), EFAULT);
	KT_ASSERT_EQ(copyin((void *)0xfffffffffffff000UL, buf, 0x2000),
	    EFAULT);
	KT_ASSERT_EQ(copyin((void *)(VM_MAXUSER_ADDRESS - 8), buf, 16),
	    EFAULT);
	KT_ASSERT_EQ(copyout(buf, (void *)(VM_MAXUSER_ADDRESS - 8), 16),
	    EFAULT);
	/* Partly mapped: the first page is there, the second is not. */
	KT_ASSERT_EQ(copyin((void *)(UVA + PAGE_SIZE - 16), buf, 32), EFAULT);
	KT_ASSERT_EQ(copyout(buf, (void *)(UVA + PAGE_SIZE - 16), 32), EFAULT);
	/* The signal trampoline page is readable, not writable. */
	KT_ASSERT_EQ(copyin((void *)SHAREDPAGE, buf, 8), 0);
	KT_ASSERT_EQ(copyout(buf, (void *)SHAREDPAGE, 8), EFAULT);
	vmspace_activate(NULL);
	vmspace_free(vs);
}

/* Kernel threads run on boot_pml4, whose low half maps physical memory. */
KTEST(copyin_without_user_space_EFAULT, 30)
{
	char buf[8];
	size_t done = 99;

	KT_ASSERT(vmspace_current() == NULL);
	KT_ASSERT_EQ(copyin((void *)0x100000, buf, 8), EFAULT);
	KT_ASSERT_EQ(copyout(buf, (void *)0x100000, 8), EFAULT);
	KT_ASSERT_EQ(copyinstr((void *)0x100000, buf, 8, &done), EFAULT);
	KT_ASSERT_EQ(done, 0);
	KT_ASSERT_EQ(fubyte((void *)0x100000), -1);
}

KTEST(copyinstr_lengths_and_errors, 30)
{
	struct vmspace *vs = vs_rw(1);
	char buf[16];
	size_t done;

	KT_ASSERT(vs != NULL);
	KT_ASSERT_EQ(vm_copyout_to(vs, UVA, "hello", 6), 0);
	/* A string that ends exactly at the end of the mapping. */
	KT_ASSERT_EQ(vm_copyout_to(vs, UVA + PAGE_SIZE - 3, "ab", 3), 0);
	vmspace_activate(vs);
	KT_ASSERT_EQ(copyinstr((void *)UVA, buf, sizeof(buf), &done), 0);
	KT_ASSERT_EQ(done, 6);
	KT_ASSERT(strcmp(buf, "hello") == 0);
	KT_ASSERT_EQ(copyinstr((void *)UVA, buf, 6, &done), 0);
	KT_ASSERT_EQ(done, 6);
	KT_ASSERT_EQ(copyinstr((void *)UVA, buf, 5, &done), ENAMETOOLONG);
	KT_ASSERT_EQ(done, 5);
	KT_ASSERT_EQ(copyinstr((void *)UVA, buf, 0, &done), ENAMETOOLONG);
	KT_ASSERT_EQ(done, 0);
	KT_ASSERT_EQ(copyinstr((void *)UVA, buf, 3, NULL), ENAMETOOLONG);
	KT_ASSERT_EQ(copyinstr((void *)(UVA + PAGE_SIZE - 3), buf, 16,
	    &done), 0);
	KT_ASSERT_EQ(done, 3);
	vmspace_activate(NULL);
	/* One that runs off it. */
	KT_ASSERT_EQ(vm_copyout_to(vs, UVA + PAGE_SIZE - 4, "wxyz", 4), 0);
	vmspace_activate(vs);
	KT_ASSERT_EQ(copyinstr((void *)(UVA + PAGE_SIZE - 4), buf, 16,
	    &done), EFAULT);
	KT_ASSERT_EQ(done, 4);
	KT_ASSERT_EQ(copyinstr(NULL, buf, 16, &done), EFAULT);
	KT_ASSERT_EQ(copyinstr((void *)(VM_MAXUSER_ADDRESS), buf, 16, &done),
	    EFAULT);
	vmspace_activate(NULL);
	vmspace_free(vs);
}

KTEST(fuword_suword_casueword32, 30)
{
	struct vmspace *vs = vs_rw(1);
	uint32_t *u32 = (uint32_t *)UVA, old;
	int64_t *u64 = (int64_t *)(UVA + 8);
	int32_t v32;
	int64_t v64;

	KT_ASSERT(vs != NULL);
	vmspace_activate(vs);
	KT_ASSERT_EQ(suword32(u32, 17), 0);
	KT_ASSERT_EQ(fueword32(u32, &v32), 0);
	KT_ASSERT_EQ(v32, 17);
	KT_ASSERT_EQ(suword64(u64, -5), 0);
	KT_ASSERT_EQ(fueword64(u64, &v64), 0);
	KT_ASSERT_EQ(v64, -5);
	KT_ASSERT_EQ(subyte((char *)UVA + 20, 0xab), 0);
	KT_ASSERT_EQ(fubyte((char *)UVA + 20), 0xab);
	KT_ASSERT_EQ(casueword32(u32, 17, &old, 99), 0);
	KT_ASSERT_EQ(old, 17);
	KT_ASSERT_EQ(casueword32(u32, 17, &old, 5), 1);
	KT_ASSERT_EQ(old, 99);
	KT_ASSERT_EQ(fueword32(u32, &v32), 0);
	KT_ASSERT_EQ(v32, 99);
	KT_ASSERT_EQ(casueword32((uint32_t *)(UVA + PAGE_SIZE), 0, &old, 1),
	    -1);
	KT_ASSERT_EQ(fueword32((void *)(UVA + PAGE_SIZE), &v32), -1);
	KT_ASSERT_EQ(suword64((void *)(VM_MAXUSER_ADDRESS - 4), 1), -1);
	KT_ASSERT_EQ(fubyte(NULL), -1);
	vmspace_activate(NULL);
	vmspace_free(vs);
}

/*
 * Ring 3.
 */

/* The user programs (position independent, copied to UVA). */
__asm__(
"	.section .rodata\n"
"	.globl	ut_prog_syscall, ut_prog_syscall_ud2, ut_prog_syscall_end\n"
/*
 * mmap(0, 8192, RW, MAP_ANON|MAP_PRIVATE, -1, 0) -> %rbx; demand-zero
 * write and read; munmap(1, 4096) must fail EINVAL with carry set;
 * sysarch(AMD64_SET_FSBASE, &base) with base = the mapping, then read
 * through %fs; __syscall(SYS_munmap, 1, 4096) -> EINVAL in %r8; call
 * 100000 -> ENOSYS in %r9.
 */
"ut_prog_syscall:\n"
"	movl	$477, %eax\n"
"	xorl	%edi, %edi\n"
"	movl	$8192, %esi\n"
"	movl	$3, %edx\n"
"	movl	$0x1002, %r10d\n"
"	movq	$-1, %r8\n"
"	xorl	%r9d, %r9d\n"
"	syscall\n"
"	jc	1f\n"
"	movq	%rax, %rbx\n"
"	movabsq	$0x1122334455667788, %rcx\n"
"	movq	%rcx, 4096(%rbx)\n"
"	movq	4096(%rbx), %r12\n"
"	movq	8(%rbx), %r13\n"
"	xorl	%r14d, %r14d\n"
"	movl	$73, %eax\n"
"	movl	$1, %edi\n"
"	movl	$4096, %esi\n"
"	syscall\n"
"	setc	%r14b\n"
"	movq	%rax, %r15\n"
"	movq	%rbx, (%rbx)\n"
"	movl	$165, %eax\n"
"	movl	$129, %edi\n"
"	movq	%rbx, %rsi\n"
"	syscall\n"
"	movq	%fs:4096, %rbp\n"
"	movl	$198, %eax\n"
"	movl	$73, %edi\n"
"	movl	$1, %esi\n"
"	movl	$4096, %edx\n"
"	syscall\n"
"	movq	%rax, %r8\n"
"	movl	$100000, %eax\n"
"	syscall\n"
"	movq	%rax, %r9\n"
"ut_prog_syscall_ud2:\n"
"	ud2\n"
"1:	movq	$-1, %rbx\n"
"	ud2\n"
"ut_prog_syscall_end:\n"

/* Touch an unmapped address, then a read-only one. */
"	.globl	ut_prog_fault, ut_prog_fault_end\n"
"ut_prog_fault:\n"
"	movq	(%rdi), %rax\n"
"	ud2\n"
"ut_prog_fault_end:\n"

/*
 * Signals: the test delivers SIGUSR1 at the first ud2; the handler
 * checks its arguments and stack alignment, sets mc_rbx and steps
 * mc_rip over the ud2; sigreturn resumes at the second ud2.
 */
"	.globl	ut_prog_signal, ut_prog_signal_ud2, ut_prog_signal_handler\n"
"	.globl	ut_prog_signal_end\n"
"ut_prog_signal:\n"
"	movq	$0x5555, %rbx\n"
"	movq	$0x7777, %r12\n"
"	movq	$0x3333, %rcx\n"
"	ud2\n"
"ut_prog_signal_ud2:\n"
"	ud2\n"
"ut_prog_signal_handler:\n"
"	movq	$0x1234, %rax\n"
"	cmpl	$30, %edi\n"
"	jne	9f\n"
"	cmpl	$30, (%rsi)\n"
"	jne	9f\n"
"	leaq	8(%rsp), %r8\n"
"	testq	$15, %r8\n"
"	jnz	9f\n"
"	movq	%rax, 80(%rdx)\n"		/* uc_mcontext.mc_rbx */
"	addq	$2, 176(%rdx)\n"		/* uc_mcontext.mc_rip */
"	movq	$-1, %rbx\n"			/* clobbered; sigreturn restores */
"	ret\n"
"9:	movq	$0xbad, 80(%rdx)\n"
"	addq	$2, 176(%rdx)\n"
"	ret\n"
"ut_prog_signal_end:\n"

/*
 * FPU/SSE: keep a pattern in %xmm0..%xmm1 and a rounding mode in MXCSR
 * (from %rdi and %rsi) across many clock preemptions; ud2 at the end
 * with %rbx = 0 if nothing changed, else the failing iteration count.
 */
"	.globl	ut_prog_fpu, ut_prog_fpu_end\n"
"ut_prog_fpu:\n"
"	movq	%rdi, %xmm0\n"
"	movq	%rdi, %xmm1\n"
"	pxor	%xmm0, %xmm1\n"
"	movl	%esi, -8(%rsp)\n"
"	ldmxcsr	-8(%rsp)\n"
"	movl	$40000000, %ecx\n"
"	xorl	%ebx, %ebx\n"
"2:	movq	%xmm0, %rax\n"
"	cmpq	%rdi, %rax\n"
"	jne	3f\n"
"	movq	%xmm1, %rax\n"
"	testq	%rax, %rax\n"
"	jnz	3f\n"
"	stmxcsr	-16(%rsp)\n"
"	cmpl	%esi, -16(%rsp)\n"
"	jne	3f\n"
"	decl	%ecx\n"
"	jnz	2b\n"
"	ud2\n"
"3:	movl	%ecx, %ebx\n"
"	orl	$1, %ebx\n"
"	ud2\n"
"ut_prog_fpu_end:\n"
"	.text\n");

extern const char ut_prog_syscall[], ut_prog_syscall_ud2[],
    ut_prog_syscall_end[];
extern const char ut_prog_fault[], ut_prog_fault_end[];
extern const char ut_prog_signal[], ut_prog_signal_ud2[],
    ut_prog_signal_handler[], ut_prog_signal_end[];
extern const char ut_prog_fpu[], ut_prog_fpu_end[];

extern int (*trap_user_hook)(struct trapframe *tf, int sig, int code,
    void *addr);

#define UR_STACK_TOP	0x7fff00000000UL
#define UR_STACK_SIZE	(4 * PAGE_SIZE)
#define UR_MAX		2

struct urun {
	struct proc	*ur_proc;
	struct vmspace	*ur_vs;
	struct thread	*ur_td;
	uint64_t	ur_rdi, ur_rsi;	/* initial argument registers */
	int		ur_signal;	/* deliver at the first trap, or 0 */
	vm_offset_t	ur_handler;
	int		ur_ntraps;
	struct trapframe ur_tf;		/* at the last trap */
	int		ur_sig, ur_code;
	void		*ur_addr;
	volatile int	ur_done;
};

static struct urun *urun_active[UR_MAX];	/* [hook] the running ones */

static struct urun *
urun_find(struct thread *td)
{
	for (int i = 0; i < UR_MAX; i++)
		if (urun_active[i] != NULL && urun_active[i]->ur_td == td)
			return (urun_active[i]);
	return (NULL);
}

static int
urun_hook(struct trapframe *tf, int sig, int code, void *addr)
{
	struct thread *td = curthread;
	struct urun *u = urun_find(td);
	struct sigacts_entry sa;
	sigset_t mask;

	if (u == NULL)
		return (0);
	if (u->ur_signal != 0 && u->ur_ntraps++ == 0) {
		memset(&sa, 0, sizeof(sa));
		memset(&mask, 0, sizeof(mask));
		sa.sa_handler = (void *)u->ur_handler;
		sa.sa_flags = SA_SIGINFO;
		if (cpu_sendsig(td, u->ur_signal, &sa, &mask, SI_USER,
		    NULL) == 0)
			return (1);		/* into the handler */
	}
	u->ur_tf = *tf;
	u->ur_sig = sig;
	u->ur_code = code;
	u->ur_addr = addr;
	atomic_store_int(&u->ur_done, 1);
	wakeup(u);
	vmspace_activate(NULL);			/* as proc_thread_exit does */
	td->td_proc = NULL;
	lwkt_exit();
}

static void
urun_start(void *arg)
{
	cpu_enter_user(curthread);
}

/* A stand-in process around a fresh address space holding `code'. */
static int
urun_setup(struct urun *u, const char *code, size_t len, int cpu)
{
	vm_offset_t va = UVA, sva = UR_STACK_TOP - UR_STACK_SIZE;
	struct trapframe *tf;
	struct thread *td;
	struct proc *p;

	memset(u, 0, sizeof(*u));
	if ((u->ur_vs = vmspace_alloc()) == NULL)
		return (ENOMEM);
	if (vm_map_anon(u->ur_vs, &va, len, VM_PROT_READ | VM_PROT_EXECUTE,
	    VM_MAP_FIXED) != 0 ||
	    vm_copyout_to(u->ur_vs, UVA, code, len) != 0 ||
	    vm_map_anon(u->ur_vs, &sva, UR_STACK_SIZE, RW,
	    VM_MAP_FIXED | VM_MAP_STACK) != 0)
		return (ENOMEM);
	p = kmalloc(sizeof(*p), M_TEMP, M_WAITOK | M_ZERO);
	spin_init(&p->p_spin, "ktest proc", SPINRANK_PROC);
	TAILQ_INIT(&p->p_threads);
	p->p_pid = 4242;
	p->p_state = PRS_NORMAL;
	p->p_vmspace = u->ur_vs;
	u->ur_proc = p;
	td = lwkt_alloc(urun_start, u, cpu, TDPRI_USER, "ktest-user");
	td->td_proc = p;
	td->td_fpu = kmalloc(sizeof(struct savefpu), M_THREAD,
	    M_WAITOK | M_ZERO);
	fpu_init_state(td->td_fpu);
	cpu_thread_alloc(td);
	tf = td->td_frame;
	tf->tf_rip = UVA;
	tf->tf_rsp = UR_STACK_TOP - 8;
	u->ur_td = td;
	return (0);
}

static void
urun_go(struct urun *u)
{
	u->ur_td->td_frame->tf_rdi = u->ur_rdi;
	u->ur_td->td_frame->tf_rsi = u->ur_rsi;
	lwkt_schedule(u->ur_td);
}

static int
urun_wait(struct urun *u)
{
	for (int i = 0; i < 100 && !atomic_load_int(&u->ur_done); i++)
		tsleep(u, 0, "urun", hz / 10);
	return (atomic_load_int(&u->ur_done));
}

static void
urun_teardown(struct urun *u)
{
	if (u->ur_vs != NULL)
		vmspace_free(u->ur_vs);
	if (u->ur_proc != NULL)
		kfree(u->ur_proc, M_TEMP);
}

/* Run one program to its first unhandled trap. */
static int
urun_one(struct urun *u, const char *code, size_t len, int cpu)
{
	int done;

	if (urun_setup(u, code, len, cpu) != 0) {
		urun_teardown(u);
		return (0);
	}
	urun_active[0] = u;
	trap_user_hook = urun_hook;
	urun_go(u);
	done = urun_wait(u);
	trap_user_hook = NULL;
	urun_active[0] = NULL;
	return (done);
}

KTEST(usermode_syscall_entry_args_return_and_errors, 30)
{
	static struct urun u;
	struct trapframe *tf = &u.ur_tf;
	int done;

	done = urun_one(&u, ut_prog_syscall,
	    ut_prog_syscall_end - ut_prog_syscall, ncpus > 1 ? 1 : 0);
	KT_ASSERT(done);
	KT_ASSERT_EQ(tf->tf_trapno, 6);			/* #UD */
	KT_ASSERT_EQ(u.ur_sig, SIGILL);
	KT_ASSERT_EQ(u.ur_code, ILL_ILLOPC);
	KT_ASSERT_EQ(tf->tf_rip,
	    UVA + (ut_prog_syscall_ud2 - ut_prog_syscall));
	KT_ASSERT_EQ(tf->tf_cs, GSEL_UCODE | 3);
	KT_ASSERT(tf->tf_rbx >= VM_MMAP_BASE && tf->tf_rbx < SHAREDPAGE);
	KT_ASSERT_EQ(tf->tf_r12, 0x1122334455667788UL);	/* demand-zero */
	KT_ASSERT_EQ(tf->tf_r13, 0);
	KT_ASSERT_EQ(tf->tf_r14, 1);			/* carry set */
	KT_ASSERT_EQ(tf->tf_r15, EINVAL);
	KT_ASSERT_EQ(tf->tf_rbp, 0x1122334455667788UL);	/* via %fs */
	KT_ASSERT_EQ(tf->tf_r8, EINVAL);		/* indirect munmap */
	KT_ASSERT_EQ(tf->tf_r9, ENOSYS);
	KT_ASSERT(tf->tf_rflags & PSL_C);
	/* Code, shared page and the two mmap pages; the stack is untouched. */
	KT_ASSERT_EQ(vmspace_resident(u.ur_vs), 1 + 1 + 2);
	urun_teardown(&u);
}

KTEST(usermode_fault_unmapped_and_readonly_SIGSEGV, 30)
{
	static struct urun u;

	u.ur_rdi = 0x10;
	KT_ASSERT(urun_setup(&u, ut_prog_fault, ut_prog_fault_end -
	    ut_prog_fault, 0) == 0);
	u.ur_rdi = 0x10;
	urun_active[0] = &u;
	trap_user_hook = urun_hook;
	urun_go(&u);
	KT_ASSERT(urun_wait(&u));
	trap_user_hook = NULL;
	urun_active[0] = NULL;
	KT_ASSERT_EQ(u.ur_tf.tf_trapno, 14);
	KT_ASSERT_EQ(u.ur_sig, SIGSEGV);
	KT_ASSERT_EQ(u.ur_code, SEGV_MAPERR);
	KT_ASSERT_EQ((uint64_t)u.ur_addr, 0x10);
	KT_ASSERT_EQ(u.ur_tf.tf_rip, UVA);
	urun_teardown(&u);
}

KTEST(usermode_read_code_ok_execute_nonexec_SEGV_ACCERR, 30)
{
	static struct urun u;

	/* A read of the code page is fine; a write to it is not. */
	KT_ASSERT(urun_setup(&u, ut_prog_fault, ut_prog_fault_end -
	    ut_prog_fault, 0) == 0);
	u.ur_rdi = UVA;
	urun_active[0] = &u;
	trap_user_hook = urun_hook;
	urun_go(&u);
	KT_ASSERT(urun_wait(&u));
	trap_user_hook = NULL;
	urun_active[0] = NULL;
	KT_ASSERT_EQ(u.ur_tf.tf_trapno, 6);		/* reached the ud2 */
	urun_teardown(&u);

	KT_ASSERT(urun_setup(&u, ut_prog_fault, ut_prog_fault_end -
	    ut_prog_fault, 0) == 0);
	KT_ASSERT_EQ(vm_map_protect(u.ur_vs, UVA, PAGE_SIZE, VM_PROT_READ),
	    0);
	urun_active[0] = &u;
	trap_user_hook = urun_hook;
	urun_go(&u);
	KT_ASSERT(urun_wait(&u));
	trap_user_hook = NULL;
	urun_active[0] = NULL;
	KT_ASSERT_EQ(u.ur_tf.tf_trapno, 14);
	KT_ASSERT_EQ(u.ur_sig, SIGSEGV);
	if (pmap_nx_enabled()) {
		KT_ASSERT_EQ(u.ur_code, SEGV_ACCERR);
		KT_ASSERT_EQ((uint64_t)u.ur_addr, UVA);
		KT_ASSERT(u.ur_tf.tf_err & 0x10);	/* instruction fetch */
	}
	urun_teardown(&u);
}

KTEST(usermode_signal_frame_trampoline_sigreturn, 30)
{
	static struct urun u;
	struct trapframe *tf = &u.ur_tf;

	KT_ASSERT(urun_setup(&u, ut_prog_signal, ut_prog_signal_end -
	    ut_prog_signal, ncpus > 1 ? 1 : 0) == 0);
	u.ur_signal = SIGUSR1;
	u.ur_handler = UVA + (ut_prog_signal_handler - ut_prog_signal);
	urun_active[0] = &u;
	trap_user_hook = urun_hook;
	urun_go(&u);
	KT_ASSERT(urun_wait(&u));
	trap_user_hook = NULL;
	urun_active[0] = NULL;
	KT_ASSERT_EQ(u.ur_ntraps, 2);
	KT_ASSERT_EQ(tf->tf_trapno, 6);
	KT_ASSERT_EQ(tf->tf_rip, UVA + (ut_prog_signal_ud2 - ut_prog_signal));
	KT_ASSERT_EQ(tf->tf_rbx, 0x1234);	/* set by the handler */
	KT_ASSERT_EQ(tf->tf_r12, 0x7777);	/* restored by sigreturn */
	KT_ASSERT_EQ(tf->tf_rcx, 0x3333);	/* iretq, not sysretq */
	KT_ASSERT_EQ(tf->tf_rsp, UR_STACK_TOP - 8);
	urun_teardown(&u);
}

KTEST(usermode_fpu_state_survives_preemption, 60)
{
	static struct urun u[2];
	int cpu = ncpus > 1 ? 1 : 0;
	uint64_t switches;

	for (int i = 0; i < 2; i++) {
		KT_ASSERT(urun_setup(&u[i], ut_prog_fpu, ut_prog_fpu_end -
		    ut_prog_fpu, cpu) == 0);
		u[i].ur_rdi = i == 0 ? 0x0123456789abcdefUL :
		    0xfedcba9876543210UL;
		u[i].ur_rsi = i == 0 ? 0x1f80 : 0x7f80;	/* rounding mode */
		urun_active[i] = &u[i];
	}
	trap_user_hook = urun_hook;
	switches = globaldata_find(cpu)->gd_cnt_switch;
	urun_go(&u[0]);
	urun_go(&u[1]);
	KT_ASSERT(urun_wait(&u[0]));
	KT_ASSERT(urun_wait(&u[1]));
	switches = globaldata_find(cpu)->gd_cnt_switch - switches;
	trap_user_hook = NULL;
	for (int i = 0; i < 2; i++) {
		urun_active[i] = NULL;
		KT_ASSERT_EQ(u[i].ur_tf.tf_trapno, 6);
		KT_ASSERT_EQ(u[i].ur_tf.tf_rbx, 0);
		urun_teardown(&u[i]);
	}
	/* The clock preempted them often enough to have mixed them up. */
	KT_ASSERT_MSG(switches >= 10, "only %lu context switches", switches);
}
