/*
 * kern/kern_timeout.c: per-CPU callouts and the softclock threads.
 *
 * Each CPU keeps its pending callouts on gd_callouts, sorted by the tick
 * they fire at, under gd_calloutlock.  hardclock() on that CPU advances
 * gd_ticks and, when the first callout is due, wakes the CPU's softclock
 * thread, which runs due callouts one at a time with the lock dropped.
 * A callout therefore always runs in thread context on its own CPU.
 *
 * callout_reset/stop may be called from any CPU: they take the owning
 * CPU's lock.  callout_drain() also waits for a running callout to end.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/callout.h>
#include <machine/atomic.h>

static void
callout_insert(struct globaldata *gd, struct callout *c)
{
	struct callout *t;

	TAILQ_FOREACH(t, &gd->gd_callouts, c_link) {
		if (t->c_time > c->c_time) {
			TAILQ_INSERT_BEFORE(t, c, c_link);
			return;
		}
	}
	TAILQ_INSERT_TAIL(&gd->gd_callouts, c, c_link);
}

void
callout_init_cpu(struct callout *c, int cpu)
{
	c->c_gd = globaldata_find(cpu);
	c->c_flags = CALLOUT_DID_INIT;
	c->c_func = NULL;
	c->c_arg = NULL;
}

void
callout_init(struct callout *c)
{
	callout_init_cpu(c, mycpuid);
}

void
callout_reset(struct callout *c, int ticks, void (*fn)(void *), void *arg)
{
	struct globaldata *gd = c->c_gd;

	KASSERT(c->c_flags & CALLOUT_DID_INIT, ("callout not initialised"));
	spin_lock(&gd->gd_calloutlock);
	if (c->c_flags & CALLOUT_PENDING)
		TAILQ_REMOVE(&gd->gd_callouts, c, c_link);
	c->c_time = gd->gd_ticks + (ticks > 0 ? ticks : 1);
	c->c_func = fn;
	c->c_arg = arg;
	c->c_flags |= CALLOUT_PENDING | CALLOUT_ACTIVE;
	callout_insert(gd, c);
	spin_unlock(&gd->gd_calloutlock);
}

int
callout_stop(struct callout *c)
{
	struct globaldata *gd = c->c_gd;
	int was;

	spin_lock(&gd->gd_calloutlock);
	was = (c->c_flags & CALLOUT_PENDING) != 0;
	if (was)
		TAILQ_REMOVE(&gd->gd_callouts, c, c_link);
	c->c_flags &= ~(CALLOUT_PENDING | CALLOUT_ACTIVE);
	spin_unlock(&gd->gd_calloutlock);
	return (was);
}

int
callout_drain(struct callout *c)
{
	struct globaldata *gd = c->c_gd;
	int was = callout_stop(c);

	for (;;) {
		spin_lock(&gd->gd_calloutlock);
		if (gd->gd_callout_running != c) {
			spin_unlock(&gd->gd_calloutlock);
			return (was);
		}
		KASSERT(gd != mycpu, ("callout_drain from its own callout"));
		ssleep(&gd->gd_callout_running, &gd->gd_calloutlock, 0,
		    "cdrain", 1);
		spin_unlock(&gd->gd_calloutlock);
	}
}

int
callout_pending(struct callout *c)
{
	return ((c->c_flags & CALLOUT_PENDING) != 0);
}

/* hardclock(), interrupt context: is anything due? */
void
callout_tick(struct globaldata *gd)
{
	struct callout *c;
	int due;

	spin_lock(&gd->gd_calloutlock);
	c = TAILQ_FIRST(&gd->gd_callouts);
	due = (c != NULL && c->c_time <= gd->gd_ticks);
	spin_unlock(&gd->gd_calloutlock);
	if (due && gd->gd_softclock != NULL)
		wakeup(&gd->gd_callouts);
}

static void
softclock_thread(void *arg)
{
	struct globaldata *gd = mycpu;
	struct callout *c;

	spin_lock(&gd->gd_calloutlock);
	for (;;) {
		c = TAILQ_FIRST(&gd->gd_callouts);
		if (c == NULL || c->c_time > gd->gd_ticks) {
			ssleep(&gd->gd_callouts, &gd->gd_calloutlock, 0,
			    "softclock", 0);
			continue;
		}
		TAILQ_REMOVE(&gd->gd_callouts, c, c_link);
		c->c_flags &= ~CALLOUT_PENDING;
		gd->gd_callout_running = c;
		spin_unlock(&gd->gd_calloutlock);
		c->c_func(c->c_arg);
		spin_lock(&gd->gd_calloutlock);
		gd->gd_callout_running = NULL;
		wakeup(&gd->gd_callout_running);
	}
}

void
callout_cpu_init(struct globaldata *gd)
{
	spin_init(&gd->gd_calloutlock, "callout", SPINRANK_CALLOUT);
	TAILQ_INIT(&gd->gd_callouts);
}

void	softclock_start(struct globaldata *gd);
void
softclock_start(struct globaldata *gd)
{
	struct thread *td;

	lwkt_create(softclock_thread, NULL, &td, gd->gd_cpuid,
	    TDPRI_SOFTCLOCK, "softclock %d", gd->gd_cpuid);
	atomic_set_int(&td->td_flags, TDF_SYSTHREAD);
	gd->gd_softclock = td;
}
