/*
 * swtch.S: the context switch.
 *
 * cpu_switch_stacks(&from->td_sp, to->td_sp) saves the callee-saved
 * registers on the current stack, stores the stack pointer, loads the
 * other thread's and returns into it.  The caller (lwkt_thread.c) holds
 * the CPU's run-queue lock, with interrupts disabled, across the switch;
 * the thread that resumes releases it.
 *
 * A new thread's stack is built by cpu_thread_init_stack() so that its
 * first switch returns into cpu_thread_start with the thread in %r12.
 */
	.text
	.globl	cpu_switch_stacks
cpu_switch_stacks:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

	.globl	cpu_thread_start
cpu_thread_start:
	xorl	%ebp, %ebp			/* backtraces end here */
	movq	%r12, %rdi
	call	lwkt_thread_start		/* never returns */
	ud2
