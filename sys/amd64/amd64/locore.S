/*
 * locore.S: the first code that runs.
 *
 * QEMU loads the kernel ELF at its physical load addresses and, finding the
 * PVH note below, enters pvh_start32 in 32-bit protected mode with paging
 * off and %ebx = physical address of the hvm_start_info block (memory map,
 * command line, modules).  We build boot page tables that map the first
 * 4 GiB three times:
 *
 *   identity          0 .. 1 GiB        (needed while paging turns on, and by
 *                                         the AP trampoline; removed later)
 *   direct map        DMAP_BASE + 0 .. 4 GiB
 *   kernel            KERNBASE + 0 .. 1 GiB (the kernel is linked here)
 *
 * then enter long mode, jump to the higher half and call hammer_time()
 * (machdep.c) on the boot stack.  APs come in through mpboot.S and reuse
 * boot_pml4.
 */
#include <machine/asmacros.h>

#define XEN_ELFNOTE_PHYS32_ENTRY 18

	.section .note.Xen, "a"
	.align	4
	.long	4			/* name size */
	.long	4			/* desc size */
	.long	XEN_ELFNOTE_PHYS32_ENTRY
	.asciz	"Xen"
	.long	pvh_start32 - KERNBASE

	.section .boot.text, "ax"
	.code32
	.globl	pvh_start32
pvh_start32:
	cli
	cld
	movl	%ebx, %esi			/* keep start_info */

	/* Zero .bss (the loader may not). */
	movl	$(__bss_start - KERNBASE), %edi
	movl	$(__bss_end - KERNBASE), %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb

	movl	%esi, (pvh_start_info_pa - KERNBASE)

	/* 2 MiB page directories covering 0 .. 4 GiB. */
	movl	$(boot_pd - KERNBASE), %edi
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$0x83, %eax			/* P | RW | PS */
	movl	%eax, (%edi, %ecx, 8)
	movl	%ecx, %eax
	shrl	$11, %eax			/* high dword: (i << 21) >> 32 */
	movl	%eax, 4(%edi, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jne	1b

	/* Low PDPT: identity 0..1 GiB. */
	movl	$(boot_pd - KERNBASE + 3), (boot_pdpt_low - KERNBASE)
	/* Direct-map PDPT: 0..4 GiB. */
	movl	$(boot_pdpt_dmap - KERNBASE), %edi
	movl	$(boot_pd - KERNBASE + 3), %eax
	movl	%eax, 0(%edi)
	addl	$4096, %eax
	movl	%eax, 8(%edi)
	addl	$4096, %eax
	movl	%eax, 16(%edi)
	addl	$4096, %eax
	movl	%eax, 24(%edi)
	/* Kernel PDPT: entry 510 = KERNBASE -> 0..1 GiB. */
	movl	$(boot_pd - KERNBASE + 3), (boot_pdpt_high - KERNBASE + 510 * 8)
	/* PML4. */
	movl	$(boot_pdpt_low - KERNBASE + 3), (boot_pml4 - KERNBASE)
	movl	$(boot_pdpt_dmap - KERNBASE + 3), (boot_pml4 - KERNBASE + 256 * 8)
	movl	$(boot_pdpt_high - KERNBASE + 3), (boot_pml4 - KERNBASE + 511 * 8)

	.globl	enter_long_mode32
enter_long_mode32:
	/* PAE + PGE, EFER.LME, CR3, paging on. */
	movl	%cr4, %eax
	orl	$0xa0, %eax
	movl	%eax, %cr4
	movl	$(boot_pml4 - KERNBASE), %eax
	movl	%eax, %cr3
	movl	$0xc0000080, %ecx
	rdmsr
	orl	$0x100, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$0x80010001, %eax		/* PG | WP | PE */
	movl	%eax, %cr0
	lgdt	(boot_gdtr - KERNBASE)
	ljmp	$0x08, $(start64_low - KERNBASE)

	.code64
start64_low:
	movabsq	$start64_high, %rax
	jmp	*%rax

	.text
start64_high:
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$(boot_stack + BOOT_STACK_SIZE), %rsp
	xorl	%ebp, %ebp
	movl	pvh_start_info_pa(%rip), %edi
	call	hammer_time
1:	hlt
	jmp	1b

	.section .boot.data, "aw"
	.align	16
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff		/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff		/* 0x10: data */
boot_gdt_end:
	.globl	boot_gdtr
boot_gdtr:
	.word	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt - KERNBASE
	.long	0

	.data
	.globl	pvh_start_info_pa
pvh_start_info_pa:
	.long	0

	.bss
	.align	4096
	.globl	boot_pml4
boot_pml4:	.space	4096
boot_pdpt_low:	.space	4096
	.globl	boot_pdpt_dmap
boot_pdpt_dmap:	.space	4096
boot_pdpt_high:	.space	4096
	.globl	boot_pd
boot_pd:	.space	4096 * 4
	.globl	boot_stack
boot_stack:	.space	BOOT_STACK_SIZE
