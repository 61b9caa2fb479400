/*
 * dev/ns16550.c: COM1 serial console (16550 UART at I/O port 0x3f8, IRQ 4).
 *
 * Entry points: cons_init() from hammer_time(); cons_intr_init() from
 * mi_startup() once interrupts can be routed; cons_putc() from kprintf on
 * any CPU (serialised by kprintf's console lock, polled, never sleeps);
 * cons_getc() from threads that read the console.
 *
 * The receive ring is filled by the interrupt handler on CPU 0 and drained
 * by readers on any CPU under rx_lock.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <sys/spinlock.h>
#include <sys/thread.h>
#include <sys/intr.h>
#include <machine/cpufunc.h>

#define COM1		0x3f8
#define COM_DATA	0
#define COM_IER		1
#define COM_FCR		2
#define COM_LCR		3
#define COM_MCR		4
#define COM_LSR		5
#define LSR_RXRDY	0x01
#define LSR_TXRDY	0x20

#define RXBUF_SIZE	256

static struct spinlock rx_lock = SPINLOCK_INITIALIZER("cons rx",
    SPINRANK_PORT);
static char rx_buf[RXBUF_SIZE];		/* [rx_lock] */
static u_int rx_head, rx_tail;		/* [rx_lock] */

void
cons_init(void)
{
	outb(COM1 + COM_IER, 0x00);
	outb(COM1 + COM_LCR, 0x80);		/* divisor latch */
	outb(COM1 + 0, 0x01);			/* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + COM_LCR, 0x03);		/* 8N1 */
	outb(COM1 + COM_FCR, 0xc7);		/* FIFO on, cleared */
	outb(COM1 + COM_MCR, 0x0b);		/* DTR, RTS, OUT2 (IRQ enable) */
}

void
cons_putc(int c)
{
	int spins = 100000;

	while ((inb(COM1 + COM_LSR) & LSR_TXRDY) == 0 && --spins > 0)
		cpu_pause();
	outb(COM1 + COM_DATA, (uint8_t)c);
}

static void
cons_rxintr(void *arg)
{
	int got = 0;

	spin_lock(&rx_lock);
	while (inb(COM1 + COM_LSR) & LSR_RXRDY) {
		char c = inb(COM1 + COM_DATA);

		if (rx_head - rx_tail < RXBUF_SIZE)
			rx_buf[rx_head++ % RXBUF_SIZE] = c;
		got = 1;
	}
	spin_unlock(&rx_lock);
	if (got)
		wakeup(&rx_head);
}

void
cons_intr_init(void)
{
	intr_establish(4, cons_rxintr, NULL, "com1");
	outb(COM1 + COM_IER, 0x01);		/* receive data available */
}

int
cons_trygetc(void)
{
	int c = -1;

	spin_lock(&rx_lock);
	if (rx_head != rx_tail)
		c = (unsigned char)rx_buf[rx_tail++ % RXBUF_SIZE];
	spin_unlock(&rx_lock);
	return (c);
}

int
cons_getc(void)
{
	int c;

	spin_lock(&rx_lock);
	while (rx_head == rx_tail)
		ssleep(&rx_head, &rx_lock, 0, "consin", 0);
	c = (unsigned char)rx_buf[rx_tail++ % RXBUF_SIZE];
	spin_unlock(&rx_lock);
	return (c);
}
