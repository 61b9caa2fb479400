/*
 * machine/asmacros.h: constants shared by assembly and C.
 */
#ifndef _MACHINE_ASMACROS_H_
#define _MACHINE_ASMACROS_H_

#define KERNBASE	0xffffffff80000000
#define DMAP_BASE	0xffff800000000000
#define BOOT_STACK_SIZE	16384
#define KSTACK_SIZE	16384

/* GDT selectors; the user ones are laid out for SYSCALL/SYSRET. */
#define GSEL_KCODE	0x08
#define GSEL_KDATA	0x10
#define GSEL_UCODE32	0x18
#define GSEL_UDATA	0x20
#define GSEL_UCODE	0x28
#define GSEL_TSS	0x30	/* 16 bytes per CPU from here */

/* Interrupt vectors. */
#define IDT_IRQ_BASE	32	/* ISA IRQ n -> vector 32 + n (IOAPIC) */
#define IDT_LAPIC_TIMER	0xf0
#define IDT_IPI_WAKEUP	0xf1	/* kick a halted CPU: its run queue changed */
#define IDT_IPI_CALL	0xf2	/* run the remote call queue */
#define IDT_IPI_STOP	0xf3	/* panic: stop this CPU */
#define IDT_SPURIOUS	0xff

#endif
