/*
 * sys/cons.h: the system console (COM1).
 *
 * Output is polled (works from any context, including panic).  Input is
 * interrupt driven: the IRQ 4 handler fills a ring and wakes readers.
 */
#ifndef _SYS_CONS_H_
#define _SYS_CONS_H_

void	cons_init(void);	/* early: polled output only */
void	cons_intr_init(void);	/* after the IOAPIC is up: input interrupts */
void	cons_putc(int c);
int	cons_getc(void);	/* sleeps until a character arrives */
int	cons_trygetc(void);	/* -1 if none */

#endif
