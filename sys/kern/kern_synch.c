/*
 * kern/kern_synch.c: tsleep/ssleep/wakeup.
 *
 * A sleeping thread waits on a channel (any address).  Channels hash to
 * SLPQ_SIZE buckets, each a spinlock and a queue of sleeping threads.  A
 * wakeup on a channel makes every thread sleeping on it runnable (on its
 * own CPU, see lwkt_schedule); wakeup_one() the first only.
 *
 * Interlocked sleep: ssleep(chan, lock, ...) puts the thread on the
 * bucket before it releases `lock`, so a waker that changes the condition
 * under `lock` and then calls wakeup() always finds it:
 *
 *   sleeper                             waker
 *   spin_lock(lock); cond false
 *   bucket: queue td, TDF_SLEEPING
 *   spin_unlock(lock)
 *                                       spin_lock(lock); cond = true;
 *                                       spin_unlock(lock); wakeup(chan):
 *                                       bucket: dequeue td, lwkt_schedule
 *   lwkt_switch_sleep(): not sleeping
 *   any more, returns; retakes lock
 *
 * Timeouts use the thread's own callout, which runs on the thread's CPU;
 * since the kernel is not preemptive, the callout is never mid-run when
 * the sleeper resumes, so callout_stop() after the sleep is enough.
 *
 * Rules: never sleep holding a spinlock other than the interlock; never
 * sleep in an interrupt handler, the idle thread, or a netisr thread
 * (ASSERT_MAY_SLEEP).  Signals (PCATCH) are added with processes.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/spinlock.h>
#include <sys/callout.h>
#include <sys/signalvar.h>
#include <machine/atomic.h>

#define SLPQ_SIZE	64

static struct slpq_bucket {
	struct spinlock	sb_lock;
	TAILQ_HEAD(, thread) sb_threads;	/* [sb_lock] */
} slpq[SLPQ_SIZE] __cachealign;

void	sleep_abort(struct thread *td);

static struct slpq_bucket *
slpq_bucket(const volatile void *chan)
{
	uintptr_t h = (uintptr_t)chan;

	h = (h >> 4) ^ (h >> 12) ^ (h >> 20);
	return (&slpq[h % SLPQ_SIZE]);
}

void
sleepq_init(void)
{
	for (int i = 0; i < SLPQ_SIZE; i++) {
		spin_init(&slpq[i].sb_lock, "sleepq", SPINRANK_SLEEPQ);
		TAILQ_INIT(&slpq[i].sb_threads);
	}
}

static void
endtsleep(void *arg)
{
	struct thread *td = arg;
	const volatile void *chan = td->td_wchan;
	struct slpq_bucket *b;

	if (chan == NULL)
		return;
	b = slpq_bucket(chan);
	spin_lock(&b->sb_lock);
	if (td->td_wchan == chan) {
		TAILQ_REMOVE(&b->sb_threads, td, td_sleepq);
		td->td_wchan = NULL;
		td->td_slpres = EWOULDBLOCK;
		lwkt_schedule(td);
	}
	spin_unlock(&b->sb_lock);
}

/*
 * End td's interruptible (PCATCH) sleep with EINTR, if it is in one.
 * Called by the signal code with the target's p_spin held.
 */
void
sleep_abort(struct thread *td)
{
	const volatile void *chan = td->td_wchan;
	struct slpq_bucket *b;

	if (chan == NULL)
		return;
	b = slpq_bucket(chan);
	spin_lock(&b->sb_lock);
	if (td->td_wchan == chan && (td->td_flags & TDF_SINTR)) {
		TAILQ_REMOVE(&b->sb_threads, td, td_sleepq);
		td->td_wchan = NULL;
		td->td_slpres = EINTR;
		lwkt_schedule(td);
	}
	spin_unlock(&b->sb_lock);
}

int
ssleep(const volatile void *chan, struct spinlock *interlock, int flags,
    const char *wmesg, int timo)
{
	struct thread *td = curthread;
	struct slpq_bucket *b = slpq_bucket(chan);
	int catch = (flags & PCATCH) && td->td_proc != NULL;
	int res;

	ASSERT_MAY_SLEEP();
	KASSERT(!(td->td_flags & TDF_IDLE), ("idle thread sleeps on %s", wmesg));
	KASSERT(td->td_critcount == (interlock != NULL ? 1 : 0),
	    ("sleep on %s in a critical section (depth %d)", wmesg,
	    td->td_critcount));
	KASSERT(interlock == NULL || spin_held(interlock),
	    ("ssleep: interlock %s not held", interlock->sl_name));
	if (timo > 0)
		callout_reset(&td->td_slpcallout, timo, endtsleep, td);
	spin_lock(&b->sb_lock);
	td->td_wchan = chan;
	td->td_wmesg = wmesg;
	td->td_slpres = 0;
	TAILQ_INSERT_TAIL(&b->sb_threads, td, td_sleepq);
	atomic_set_int(&td->td_flags, TDF_SLEEPING | (catch ? TDF_SINTR : 0));
	spin_unlock(&b->sb_lock);
	if (interlock != NULL)
		spin_unlock(interlock);
	/*
	 * PCATCH: a signal already pending, or posted before we were on the
	 * queue (the poster then found no sleep to abort), ends the sleep now.
	 * We look only after queueing and after dropping the interlock, so
	 * the signal code's locks never nest inside a caller's interlock.
	 * See the timeline in kern_sig.c.
	 */
	if (catch && sig_sleep_check(td) != 0)
		sleep_abort(td);
	lwkt_switch_sleep();
	atomic_clear_int(&td->td_flags, TDF_SINTR);
	if (timo > 0)
		callout_stop(&td->td_slpcallout);
	KASSERT(td->td_wchan == NULL, ("woke up still on channel %s", wmesg));
	res = td->td_slpres;
	if (res == EINTR) {
		res = sig_sleep_check(td);
		if (res == 0)
			res = EINTR;
	}
	if (interlock != NULL)
		spin_lock(interlock);
	return (res);
}

int
tsleep(const volatile void *chan, int flags, const char *wmesg, int timo)
{
	return (ssleep(chan, NULL, flags, wmesg, timo));
}

static void
wakeup_common(const volatile void *chan, int one)
{
	struct slpq_bucket *b = slpq_bucket(chan);
	struct thread *td, *tmp;

	spin_lock(&b->sb_lock);
	TAILQ_FOREACH_SAFE(td, &b->sb_threads, td_sleepq, tmp) {
		if (td->td_wchan != chan)
			continue;
		TAILQ_REMOVE(&b->sb_threads, td, td_sleepq);
		td->td_wchan = NULL;
		lwkt_schedule(td);
		if (one)
			break;
	}
	spin_unlock(&b->sb_lock);
}

void
wakeup(const volatile void *chan)
{
	wakeup_common(chan, 0);
}

void
wakeup_one(const volatile void *chan)
{
	wakeup_common(chan, 1);
}
