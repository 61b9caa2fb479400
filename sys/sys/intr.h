/*
 * sys/intr.h: device interrupt registration.  Handlers run in interrupt
 * context on the CPU the IRQ is routed to (CPU 0), with interrupts
 * disabled: they may take spinlocks and call wakeup(), never sleep.
 */
#ifndef _SYS_INTR_H_
#define _SYS_INTR_H_

void	intr_establish(int irq, void (*handler)(void *), void *arg,
	    const char *name);

#endif
