/*
 * exception.S: interrupt and exception entry.
 *
 * Every vector has a stub that pushes a zero error code (when the CPU does
 * not push one) and the vector number, then jumps to alltraps, which saves
 * the general registers into a struct trapframe (machine/frame.h) and calls
 * trap() in trap.c.  Coming from user mode (%cs & 3) we swapgs on the way
 * in and out so %gs always points at this CPU's globaldata in the kernel.
 */
#include <machine/asmacros.h>

	.macro	VEC_NOERR num
	.align	16
vec\num:
	pushq	$0
	pushq	$\num
	jmp	alltraps
	.endm

	.macro	VEC_ERR num
	.align	16
vec\num:
	pushq	$\num
	jmp	alltraps
	.endm

	.macro	VEC_ADDR num
	.quad	vec\num
	.endm

	.text
	.altmacro
	.set	i, 0
	.rept	256
	.if (i == 8) || (i >= 10 && i <= 14) || (i == 17) || (i == 21) || (i == 29) || (i == 30)
	VEC_ERR %i
	.else
	VEC_NOERR %i
	.endif
	.set	i, i + 1
	.endr

	.globl	alltraps
alltraps:
	testb	$3, 24(%rsp)			/* saved %cs: from user? */
	jz	1f
	swapgs
1:	pushq	%rax
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
	cld
	movq	%rsp, %rdi
	movq	%rsp, %rbp			/* backtraces stop at frames */
	call	trap
	.globl	doreti
doreti:
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	addq	$16, %rsp			/* vector, error code */
	testb	$3, 8(%rsp)
	jz	2f
	swapgs
2:	iretq

	/* Table of stub addresses for idt_init(). */
	.section .rodata
	.align	8
	.globl	idt_vectors
idt_vectors:
	.set	i, 0
	.rept	256
	VEC_ADDR %i
	.set	i, i + 1
	.endr
