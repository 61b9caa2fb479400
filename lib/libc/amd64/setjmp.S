/*
 * setjmp.S: setjmp/longjmp, _setjmp/_longjmp, sigsetjmp/siglongjmp.
 *
 * jmp_buf layout (longs): 0 %rip, 1 %rbx, 2 %rsp, 3 %rbp, 4 %r12,
 * 5 %r13, 6 %r14, 7 %r15, 8 x87 control word (low 16 bits) and MXCSR
 * (high 32 bits), 9 non-zero if 10..11 hold a saved signal mask,
 * 10..11 the signal mask (sigset_t, 16 bytes).
 */
#define	JB_RIP	0
#define	JB_RBX	8
#define	JB_RSP	16
#define	JB_RBP	24
#define	JB_R12	32
#define	JB_R13	40
#define	JB_R14	48
#define	JB_R15	56
#define	JB_FPU	64
#define	JB_SAVEMASK 72
#define	JB_MASK	80

#define	SIG_BLOCK	1
#define	SIG_SETMASK	3

	.text

/* Save the callee-saved registers; %rdi = env.  Returns 0. */
	.p2align 4
	.type	__jb_save,@function
__jb_save:
	movq	8(%rsp), %rax		/* our caller's return address */
	movq	%rax, JB_RIP(%rdi)
	movq	%rbx, JB_RBX(%rdi)
	leaq	16(%rsp), %rax		/* our caller's caller's %rsp */
	movq	%rax, JB_RSP(%rdi)
	movq	%rbp, JB_RBP(%rdi)
	movq	%r12, JB_R12(%rdi)
	movq	%r13, JB_R13(%rdi)
	movq	%r14, JB_R14(%rdi)
	movq	%r15, JB_R15(%rdi)
	fnstcw	JB_FPU(%rdi)
	stmxcsr	JB_FPU+4(%rdi)
	xorl	%eax, %eax
	ret
	.size	__jb_save, . - __jb_save

/* Restore from %rdi = env, return %esi (1 if zero) at the saved %rip. */
	.p2align 4
	.type	__jb_restore,@function
__jb_restore:
	movl	%esi, %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movq	JB_RBX(%rdi), %rbx
	movq	JB_RBP(%rdi), %rbp
	movq	JB_R12(%rdi), %r12
	movq	JB_R13(%rdi), %r13
	movq	JB_R14(%rdi), %r14
	movq	JB_R15(%rdi), %r15
	fninit
	fldcw	JB_FPU(%rdi)
	ldmxcsr	JB_FPU+4(%rdi)
	movq	JB_RSP(%rdi), %rsp
	jmp	*JB_RIP(%rdi)
	.size	__jb_restore, . - __jb_restore

	.globl	_setjmp
	.type	_setjmp,@function
	.p2align 4
_setjmp:
	movq	$0, JB_SAVEMASK(%rdi)
	jmp	__jb_save_tail
	.size	_setjmp, . - _setjmp

	.globl	setjmp
	.type	setjmp,@function
	.p2align 4
setjmp:
	pushq	%rdi
	leaq	JB_MASK(%rdi), %rdx	/* oset */
	xorl	%esi, %esi		/* set = NULL */
	movl	$SIG_BLOCK, %edi
	call	__sys_sigprocmask
	popq	%rdi
	movq	$1, JB_SAVEMASK(%rdi)
	jmp	__jb_save_tail
	.size	setjmp, . - setjmp

/* Common tail: the return address of setjmp's caller is at (%rsp). */
	.type	__jb_save_tail,@function
__jb_save_tail:
	call	__jb_save		/* sees setjmp's return address at 8(%rsp) */
	ret
	.size	__jb_save_tail, . - __jb_save_tail

	.globl	sigsetjmp
	.type	sigsetjmp,@function
	.p2align 4
sigsetjmp:
	testl	%esi, %esi
	jz	_setjmp
	jmp	setjmp
	.size	sigsetjmp, . - sigsetjmp

	.globl	_longjmp
	.type	_longjmp,@function
	.p2align 4
_longjmp:
	jmp	__jb_restore
	.size	_longjmp, . - _longjmp

	.globl	longjmp
	.type	longjmp,@function
	.p2align 4
longjmp:
	cmpq	$0, JB_SAVEMASK(%rdi)
	je	__jb_restore
	pushq	%rdi
	pushq	%rsi
	subq	$8, %rsp
	xorl	%edx, %edx		/* oset = NULL */
	leaq	JB_MASK(%rdi), %rsi	/* set */
	movl	$SIG_SETMASK, %edi
	call	__sys_sigprocmask
	addq	$8, %rsp
	popq	%rsi
	popq	%rdi
	jmp	__jb_restore
	.size	longjmp, . - longjmp

	.globl	siglongjmp
	.set	siglongjmp, longjmp
	.type	siglongjmp,@function

	.section .note.GNU-stack,"",@progbits
