/*
 * crt1.S: the process entry point.
 *
 * The kernel starts a new image at _start (the ELF entry) with the
 * FreeBSD amd64 conventions of exec_setregs(): %rdi points at the argument
 * block -- argc, argv[0..argc-1], NULL, envp[..], NULL, then the ELF
 * auxiliary vector (AT_* pairs ending with AT_NULL) -- and %rsp is just
 * below it.  If %rdi is zero we fall back to the System V convention
 * (%rsp points at argc).  We align the stack and hand the block to
 * __libc_start1() (csu/libc_start.c), which never returns.
 */
	.text
	.globl	_start
	.type	_start,@function
_start:
	.cfi_startproc
	.cfi_undefined rip
	xorl	%ebp, %ebp
	testq	%rdi, %rdi
	jnz	1f
	movq	%rsp, %rdi
1:	andq	$-16, %rsp
	call	__libc_start1
	hlt
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack,"",@progbits
