/*
 * syscall.S: the `syscall' instruction entry, the first entry of a thread
 * into user mode, and the signal trampoline.
 *
 * System-call entry.  syscall_init_cpu() (vm_machdep.c) points each CPU's
 * MSR_LSTAR at its own stub below, so the stub can reach its CPU's slot
 * of syscall_pcpu[] RIP-relative, before swapgs and with no free register:
 * it parks the user %rsp in the slot, loads the kernel stack top (kept
 * equal to TSS rsp0 by cpu_switch_user) and pushes the rest of a struct
 * trapframe exactly as an interrupt from user mode would (machine/frame.h,
 * tf_trapno = T_SYSCALL).  MSR_SFMASK has cleared IF, TF, DF, AC and NT,
 * so nothing can interrupt until the frame is built and %gs swapped.
 * syscall_dispatch() (kern/kern_syscall.c) runs with interrupts enabled
 * and returns with them disabled (after userret_final).
 *
 * Return.  sysretq reloads %rip from %rcx and %rflags from %r11, so it is
 * used only when that reproduces the frame exactly: tf_rcx == tf_rip,
 * tf_r11 == tf_rflags (syscall_dispatch sets both for ordinary returns),
 * user %cs/%ss and a %rip below VM_MAXUSER_ADDRESS (sysretq with a
 * non-canonical %rcx faults in ring 0).  Anything else, e.g. a signal
 * handler frame or a sigreturn, leaves through doreti's iretq.
 *
 * User entry.  cpu_enter_user_frame(tf) loads %rsp = tf and leaves
 * through doreti: a new thread's first return to user mode.
 *
 * Signal trampoline.  sigcode_page is one page of its own in the kernel
 * image, mapped read/execute at SIGCODE_VA in every address space; see
 * machine/signal.h for the frame it runs on.
 */
#include <machine/asmacros.h>
#include <machine/pmap.h>

#define T_SYSCALL	0x100
#define SYS_SIGRETURN	417
#define NSTUBS		16		/* MAXCPU, checked in vm_machdep.c */
#define PCPU_SIZE	64		/* one cache line per CPU */
#define PCPU_RSP0	0		/* kernel stack top */
#define PCPU_USP	8		/* user %rsp while building the frame */

#define TF_R11		32
#define TF_RCX		96
#define TF_RIP		136
#define TF_CS		144
#define TF_RFLAGS	152
#define TF_SS		168

	.data
	.align	PCPU_SIZE
	.globl	syscall_pcpu
syscall_pcpu:
	.space	PCPU_SIZE * NSTUBS

	.text
	.align	32
	.globl	syscall_stubs
syscall_stubs:
	.set	i, 0
	.rept	NSTUBS
	.align	32
	movq	%rsp, syscall_pcpu + PCPU_SIZE * i + PCPU_USP(%rip)
	movq	syscall_pcpu + PCPU_SIZE * i + PCPU_RSP0(%rip), %rsp
	pushq	$(GSEL_UDATA | 3)			/* tf_ss */
	pushq	syscall_pcpu + PCPU_SIZE * i + PCPU_USP(%rip) /* tf_rsp */
	jmp	syscall_common
	.set	i, i + 1
	.endr
	.align	32
	.globl	syscall_stubs_end
syscall_stubs_end:

syscall_common:
	pushq	%r11				/* tf_rflags */
	pushq	$(GSEL_UCODE | 3)		/* tf_cs */
	pushq	%rcx				/* tf_rip */
	pushq	$0				/* tf_err */
	pushq	$T_SYSCALL			/* tf_trapno */
	swapgs
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	xorl	%ebp, %ebp			/* backtraces end here */
	sti
	call	syscall_dispatch
	cli
	movq	TF_RIP(%rsp), %rcx
	cmpq	TF_RCX(%rsp), %rcx
	jne	1f
	movq	TF_RFLAGS(%rsp), %r11
	cmpq	TF_R11(%rsp), %r11
	jne	1f
	cmpq	$(GSEL_UCODE | 3), TF_CS(%rsp)
	jne	1f
	cmpq	$(GSEL_UDATA | 3), TF_SS(%rsp)
	jne	1f
	movabsq	$VM_MAXUSER_ADDRESS, %rax
	cmpq	%rax, %rcx
	jae	1f
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11				/* == tf_rflags */
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx				/* == tf_rip */
	popq	%rbx
	popq	%rax
	addq	$16, %rsp			/* trapno, err */
	movq	24(%rsp), %rsp			/* tf_rsp */
	swapgs
	sysretq
1:	jmp	doreti

/* void cpu_enter_user_frame(struct trapframe *tf) __dead2 */
	.globl	cpu_enter_user_frame
cpu_enter_user_frame:
	cli
	movq	%rdi, %rsp
	jmp	doreti

/*
 * The signal trampoline: the handler returns here (see machine/signal.h):
 * %rsp is the struct sigframe again.
 */
	.section .rodata
	.balign	4096
	.globl	sigcode_page
sigcode_page:
	call	*(%rsp)				/* sf_ahu: the handler */
	leaq	16(%rsp), %rdi			/* &sf_uc */
	movl	$SYS_SIGRETURN, %eax
	syscall
	/* sigreturn failed: a privileged instruction ends the process. */
2:	hlt
	jmp	2b
	.balign	4096
