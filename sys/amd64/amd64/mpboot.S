/*
 * mpboot.S: the application processor trampoline.
 *
 * mp_machdep.c copies this page to MPBOOT_PA (below 1 MiB) and starts each
 * AP with INIT/SIPI at vector MPBOOT_PA >> 12.  The AP enters here in real
 * mode with %cs = MPBOOT_PA >> 4, goes through protected mode into long
 * mode using boot_pml4 (whose identity map covers this page), loads the
 * stack and entry point the BSP left in mpboot_rsp/mpboot_entry, and jumps
 * to ap_init() in the higher half.
 */
#define MPBOOT_PA	0x8000
#define REL(x)		(MPBOOT_PA + (x) - mpboot_start)

	.section .mpboot, "ax"
	.code16
	.globl	mpboot_start
mpboot_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	lgdtl	(mpboot_gdtr - mpboot_start)
	movl	%cr0, %eax
	orl	$1, %eax
	movl	%eax, %cr0
	ljmpl	$0x08, $REL(mp32)

	.code32
mp32:
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%cr4, %eax
	orl	$0xa0, %eax			/* PAE | PGE */
	movl	%eax, %cr4
	movl	REL(mpboot_cr3), %eax
	movl	%eax, %cr3
	movl	$0xc0000080, %ecx
	rdmsr
	orl	$0x100, %eax			/* LME */
	wrmsr
	movl	%cr0, %eax
	orl	$0x80010001, %eax		/* PG | WP | PE */
	movl	%eax, %cr0
	ljmpl	$0x18, $REL(mp64)

	.code64
mp64:
	movq	REL(mpboot_rsp), %rsp
	movq	REL(mpboot_entry), %rax
	xorl	%ebp, %ebp
	jmp	*%rax

	.align	16
mpboot_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* 0x08: 32-bit code */
	.quad	0x00cf92000000ffff		/* 0x10: data */
	.quad	0x00af9a000000ffff		/* 0x18: 64-bit code */
mpboot_gdtr:
	.word	mpboot_gdtr - mpboot_gdt - 1
	.long	REL(mpboot_gdt)
	.align	8
	.globl	mpboot_cr3, mpboot_rsp, mpboot_entry
mpboot_cr3:	.long	0, 0
mpboot_rsp:	.quad	0
mpboot_entry:	.quad	0
	.globl	mpboot_end
mpboot_end:
