/*
 * sys/ipiq.h: remote function calls between CPUs (kern/lwkt_ipiq.c).
 * The function runs on the target CPU in interrupt context: short, no
 * sleeping, spinlocks allowed.
 */
#ifndef _SYS_IPIQ_H_
#define _SYS_IPIQ_H_

struct globaldata;

void	lwkt_send_ipiq(struct globaldata *gd, void (*fn)(void *), void *arg);
void	lwkt_cpusync(struct globaldata *gd, void (*fn)(void *), void *arg);

#endif
