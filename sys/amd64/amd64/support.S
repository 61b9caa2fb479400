/*
 * support.S: raw access to user memory with fault recovery.
 *
 * The C entry points (copyin, copyout, copyinstr, fueword*, suword*,
 * casueword32 in amd64/vm_machdep.c) check that the range is user space
 * and that a user address space is active, then call these routines with
 * onfault = &curthread->td_onfault.  Each routine stores its recovery
 * label in *onfault for the duration of the access; a page fault that
 * vm_fault() cannot resolve makes trap() resume at that label (with the
 * registers of the faulting instruction), which clears *onfault and
 * returns the failure value.  %r8 holds onfault in every routine, so the
 * recovery code can find it.
 */
#include <machine/asmacros.h>

#define EFAULT		14
#define ENAMETOOLONG	63

	.text

/* int copy_user_raw(void *dst, const void *src, size_t len, void **onfault) */
	.globl	copy_user_raw
copy_user_raw:
	movq	%rcx, %r8
	leaq	copy_fault(%rip), %rax
	movq	%rax, (%r8)
	movq	%rdx, %rcx
	shrq	$3, %rcx
	rep movsq
	movq	%rdx, %rcx
	andq	$7, %rcx
	rep movsb
	movq	$0, (%r8)
	xorl	%eax, %eax
	ret

copy_fault:
	movq	$0, (%r8)
	movl	$EFAULT, %eax
	ret

/*
 * int copyinstr_raw(const char *src, char *dst, size_t max, size_t *done,
 *     void **onfault): copy up to max bytes, stopping after a NUL.
 * 0, ENAMETOOLONG (no NUL in max bytes) or EFAULT; *done = bytes copied
 * (including the NUL).
 */
	.globl	copyinstr_raw
copyinstr_raw:
	leaq	copystr_fault(%rip), %rax
	movq	%rax, (%r8)
	xorl	%r9d, %r9d
1:	cmpq	%rdx, %r9
	je	2f
	movb	(%rdi, %r9), %al
	movb	%al, (%rsi, %r9)
	incq	%r9
	testb	%al, %al
	jnz	1b
	xorl	%eax, %eax
	jmp	3f
2:	movl	$ENAMETOOLONG, %eax
3:	movq	$0, (%r8)
	movq	%r9, (%rcx)
	ret

copystr_fault:
	movq	$0, (%r8)
	movq	%r9, (%rcx)
	movl	$EFAULT, %eax
	ret

/* int fetch_user_N(const void *uaddr, void *val, void *unused, void **onfault) */
	.globl	fetch_user_8
fetch_user_8:
	movq	%rcx, %r8
	leaq	word_fault(%rip), %rax
	movq	%rax, (%r8)
	movzbl	(%rdi), %eax
	movb	%al, (%rsi)
	jmp	word_done

	.globl	fetch_user_32
fetch_user_32:
	movq	%rcx, %r8
	leaq	word_fault(%rip), %rax
	movq	%rax, (%r8)
	movl	(%rdi), %eax
	movl	%eax, (%rsi)
	jmp	word_done

	.globl	fetch_user_64
fetch_user_64:
	movq	%rcx, %r8
	leaq	word_fault(%rip), %rax
	movq	%rax, (%r8)
	movq	(%rdi), %rax
	movq	%rax, (%rsi)
	jmp	word_done

/* int store_user_N(void *uaddr, uint64_t val, void *unused, void **onfault) */
	.globl	store_user_8
store_user_8:
	movq	%rcx, %r8
	leaq	word_fault(%rip), %rax
	movq	%rax, (%r8)
	movb	%sil, (%rdi)
	jmp	word_done

	.globl	store_user_32
store_user_32:
	movq	%rcx, %r8
	leaq	word_fault(%rip), %rax
	movq	%rax, (%r8)
	movl	%esi, (%rdi)
	jmp	word_done

	.globl	store_user_64
store_user_64:
	movq	%rcx, %r8
	leaq	word_fault(%rip), %rax
	movq	%rax, (%r8)
	movq	%rsi, (%rdi)
	jmp	word_done

word_done:
	movq	$0, (%r8)
	xorl	%eax, %eax
	ret

word_fault:
	movq	$0, (%r8)
	movl	$-1, %eax
	ret

/*
 * int cas_user_32(volatile uint32_t *uaddr, uint32_t old, uint32_t new,
 *     uint32_t *oldp, void **onfault): atomically replace *uaddr by new if
 * it equals old.  *oldp = the value found.  0 swapped, 1 not equal,
 * -1 fault.
 */
	.globl	cas_user_32
cas_user_32:
	leaq	word_fault(%rip), %rax
	movq	%rax, (%r8)
	movl	%esi, %eax
	lock cmpxchgl %edx, (%rdi)
	movl	%eax, (%rcx)
	setne	%al
	movzbl	%al, %eax
	movq	$0, (%r8)
	ret
