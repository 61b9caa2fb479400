/*
 * kern/lwkt_ipiq.c: remote function calls between CPUs.
 *
 * Each CPU has a ring of (function, argument) requests, gd_ipiq, under
 * gd_ipiqlock.  lwkt_send_ipiq() appends to the target's ring and sends it
 * IDT_IPI_CALL; the target runs the requests from its interrupt handler,
 * with interrupts disabled, so the functions must be short and must not
 * sleep.  lwkt_cpusync() additionally waits for completion.
 *
 * Deadlock avoidance: a sender that finds the target's ring full, or that
 * waits for completion, keeps draining its own ring meanwhile, so two CPUs
 * calling each other with interrupts disabled still make progress.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/ipiq.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>
#include <machine/asmacros.h>

#define IPIQ_SIZE	64

void	ipiq_process(void);

static int
ipiq_enqueue(struct globaldata *gd, void (*fn)(void *), void *arg,
    volatile int *done)
{
	struct ipiq_entry *e;

	spin_lock(&gd->gd_ipiqlock);
	if (gd->gd_ipiq_head - gd->gd_ipiq_tail >= IPIQ_SIZE) {
		spin_unlock(&gd->gd_ipiqlock);
		return (0);
	}
	e = &gd->gd_ipiq[gd->gd_ipiq_head % IPIQ_SIZE];
	e->func = fn;
	e->arg = arg;
	e->done = done;
	gd->gd_ipiq_head++;
	spin_unlock(&gd->gd_ipiqlock);
	lapic_ipi(gd->gd_apicid, IDT_IPI_CALL);
	return (1);
}

static void
ipiq_send(struct globaldata *gd, void (*fn)(void *), void *arg,
    volatile int *done)
{
	while (!ipiq_enqueue(gd, fn, arg, done)) {
		crit_enter();
		ipiq_process();
		crit_exit();
		cpu_pause();
	}
}

void
lwkt_send_ipiq(struct globaldata *gd, void (*fn)(void *), void *arg)
{
	if (gd == mycpu) {
		crit_enter();
		fn(arg);
		crit_exit();
		return;
	}
	ipiq_send(gd, fn, arg, NULL);
}

void
lwkt_cpusync(struct globaldata *gd, void (*fn)(void *), void *arg)
{
	volatile int done = 0;

	if (gd == mycpu) {
		lwkt_send_ipiq(gd, fn, arg);
		return;
	}
	KASSERT(mycpu->gd_nspinheld == 0, ("lwkt_cpusync holding %s",
	    mycpu->gd_spinheld[0]->sl_name));
	ipiq_send(gd, fn, arg, &done);
	while (atomic_load_int(&done) == 0) {
		crit_enter();
		ipiq_process();
		crit_exit();
		cpu_pause();
	}
}

/* Run this CPU's queued requests (interrupt handler or a waiting sender). */
void
ipiq_process(void)
{
	struct globaldata *gd = mycpu;
	struct ipiq_entry e;

	for (;;) {
		spin_lock(&gd->gd_ipiqlock);
		if (gd->gd_ipiq_tail == gd->gd_ipiq_head) {
			spin_unlock(&gd->gd_ipiqlock);
			return;
		}
		e = gd->gd_ipiq[gd->gd_ipiq_tail % IPIQ_SIZE];
		gd->gd_ipiq_tail++;
		spin_unlock(&gd->gd_ipiqlock);
		e.func(e.arg);
		if (e.done != NULL)
			atomic_store_int(e.done, 1);
	}
}

void	ipiq_cpu_init(struct globaldata *gd);
void
ipiq_cpu_init(struct globaldata *gd)
{
	spin_init(&gd->gd_ipiqlock, "ipiq", SPINRANK_IPIQ);
}
