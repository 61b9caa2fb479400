/*
 * kern/lwkt_thread.c: LWKT threads and the per-CPU scheduler.
 *
 * Theory of operation
 * -------------------
 * Each CPU schedules only its own threads.  A thread is bound to a CPU
 * (td_gd) for its whole life.  The CPU's runnable threads sit on gd_runq,
 * ordered by priority (higher first, FIFO within a priority), under the
 * CPU's run-queue spinlock gd_runqlock.  The idle thread is never queued:
 * it runs when the queue is empty.
 *
 * The kernel is not preemptive.  A kernel thread runs until it sleeps,
 * yields or exits; interrupts run on its stack and return to it.  (User
 * threads will be preempted at the clock tick: hardclock() sets
 * RQF_RESCHED, checked on return to user mode.)
 *
 * Making a thread runnable (lwkt_schedule) may happen on any CPU: it takes
 * the target CPU's run-queue lock, queues the thread and, if that CPU is
 * halted in its idle loop, sends it IDT_IPI_WAKEUP.
 *
 * Sleeping is a two-step commit that cannot lose a wakeup:
 *
 *   sleeper (CPU A)                        waker (any CPU)
 *   set TDF_SLEEPING, publish on a
 *   sleep queue (kern_synch.c)
 *                                          find td, clear TDF_SLEEPING
 *                                          under A's runq lock; td is
 *                                          RUNNING so nothing to queue
 *   lwkt_switch_sleep(): take runq lock,
 *   TDF_SLEEPING is clear: keep running
 *
 * Had the waker come after the switch, it would have found td in TDS_SLEEP
 * and queued it.  The TDF_SLEEPING test and the switch happen under the
 * same lock the waker takes, so one of the two cases always holds.
 *
 * The run-queue lock is held across cpu_switch_stacks(); the thread that
 * resumes (or a new thread, in lwkt_thread_start) releases it.  Because the
 * held-lock bookkeeping is per CPU and every thread enters the switch with
 * exactly one critical-section level for this lock, the counts balance.
 *
 * An exiting thread queues itself on gd_deadq and switches away forever;
 * whichever thread runs next on that CPU frees it after dropping the lock
 * (lwkt_reap), so no thread frees the stack it stands on.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/malloc.h>
#include <sys/msgport.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>
#include <machine/asmacros.h>

MALLOC_DEFINE(M_THREAD, "thread", "kernel threads and their stacks");

static struct thread idle_threads[MAXCPU];
static struct spinlock alltd_lock = SPINLOCK_INITIALIZER("alltd",
    SPINRANK_MEM - 1);
static LIST_HEAD(, thread) alltd = LIST_HEAD_INITIALIZER(alltd);
static int nthreads;			/* [alltd_lock] */
static uint64_t next_tid = 1;		/* [a] */

void	cpu_switch_stacks(void **from_sp, void *to_sp);
void	lwkt_thread_start(struct thread *td) __dead2;

static void
runq_insert(struct globaldata *gd, struct thread *td)
{
	struct thread *t;

	SPIN_LOCK_ASSERT(&gd->gd_runqlock);
	TAILQ_FOREACH(t, &gd->gd_runq, td_runq) {
		if (t->td_pri < td->td_pri) {
			TAILQ_INSERT_BEFORE(t, td, td_runq);
			return;
		}
	}
	TAILQ_INSERT_TAIL(&gd->gd_runq, td, td_runq);
}

/*
 * Switch to the best runnable thread.  The caller holds gd_runqlock and
 * has already set the current thread's next state (TDS_RUNQ and queued,
 * TDS_SLEEP, or TDS_DEAD).  Returns when the current thread runs again.
 */
static void
lwkt_switch_locked(struct globaldata *gd)
{
	struct thread *td = gd->gd_curthread, *ntd;

	SPIN_LOCK_ASSERT(&gd->gd_runqlock);
	KASSERT(gd->gd_nspinheld == 1, ("switch with %d spinlocks held "
	    "(innermost %s)", gd->gd_nspinheld,
	    gd->gd_spinheld[gd->gd_nspinheld - 1]->sl_name));
	ntd = TAILQ_FIRST(&gd->gd_runq);
	if (ntd != NULL)
		TAILQ_REMOVE(&gd->gd_runq, ntd, td_runq);
	else
		ntd = gd->gd_idlethread;
	if (ntd == td) {
		td->td_state = TDS_RUNNING;
		return;
	}
	KASSERT(ntd->td_gd == gd, ("thread %s on the wrong cpu", ntd->td_comm));
	ntd->td_state = TDS_RUNNING;
	gd->gd_curthread = ntd;
	gd->gd_cnt_switch++;
	/* User threads: FPU state, page tables, kernel stack in the TSS. */
	if (td->td_proc != NULL || ntd->td_proc != NULL)
		cpu_switch_user(td, ntd);
	cpu_switch_stacks(&td->td_sp, ntd->td_sp);
	/* Running again as td, on gd (threads never migrate). */
}

/* Free threads that exited on this CPU.  Called without spinlocks. */
static void
lwkt_reap(struct globaldata *gd)
{
	struct thread *td;

	for (;;) {
		spin_lock(&gd->gd_runqlock);
		td = TAILQ_FIRST(&gd->gd_deadq);
		if (td != NULL)
			TAILQ_REMOVE(&gd->gd_deadq, td, td_runq);
		spin_unlock(&gd->gd_runqlock);
		if (td == NULL)
			return;
		if (td->td_fpu != NULL)
			kfree(td->td_fpu, M_THREAD);
		kfree(td->td_kstack, M_THREAD);
		kfree(td, M_THREAD);
	}
}

void
lwkt_schedule(struct thread *td)
{
	struct globaldata *gd = td->td_gd;

	spin_lock(&gd->gd_runqlock);
	atomic_clear_int(&td->td_flags, TDF_SLEEPING);
	if (td->td_state == TDS_SLEEP || td->td_state == TDS_NEW) {
		td->td_state = TDS_RUNQ;
		runq_insert(gd, td);
		if (gd != mycpu && atomic_load_int(&gd->gd_idling))
			lapic_ipi(gd->gd_apicid, IDT_IPI_WAKEUP);
	}
	spin_unlock(&gd->gd_runqlock);
}

void
lwkt_switch_sleep(void)
{
	struct thread *td = curthread;
	struct globaldata *gd = td->td_gd;

	KASSERT(!(td->td_flags & TDF_IDLE), ("idle thread may not sleep"));
	spin_lock(&gd->gd_runqlock);
	if (td->td_flags & TDF_SLEEPING) {
		td->td_state = TDS_SLEEP;
		lwkt_switch_locked(gd);
	}
	spin_unlock(&gd->gd_runqlock);
	lwkt_reap(gd);
}

void
lwkt_yield(void)
{
	struct thread *td = curthread;
	struct globaldata *gd = td->td_gd;

	spin_lock(&gd->gd_runqlock);
	if (!TAILQ_EMPTY(&gd->gd_runq) && !(td->td_flags & TDF_IDLE)) {
		td->td_state = TDS_RUNQ;
		runq_insert(gd, td);
		lwkt_switch_locked(gd);
	}
	spin_unlock(&gd->gd_runqlock);
	lwkt_reap(gd);
}

void
lwkt_thread_start(struct thread *td)
{
	struct globaldata *gd = td->td_gd;

	/* We arrive holding gd_runqlock from the switch that chose us. */
	spin_unlock(&gd->gd_runqlock);
	lwkt_reap(gd);
	KASSERT(td->td_critcount == 0, ("new thread in a critical section"));
	td->td_func(td->td_arg);
	lwkt_exit();
}

void
lwkt_exit(void)
{
	struct thread *td = curthread;
	struct globaldata *gd = td->td_gd;

	KASSERT(!(td->td_flags & TDF_SYSTHREAD), ("system thread %s exits",
	    td->td_comm));
	spin_lock(&alltd_lock);
	LIST_REMOVE(td, td_allq);
	nthreads--;
	spin_unlock(&alltd_lock);
	spin_lock(&gd->gd_runqlock);
	td->td_state = TDS_DEAD;
	TAILQ_INSERT_TAIL(&gd->gd_deadq, td, td_runq);
	lwkt_switch_locked(gd);
	panic("dead thread %s resumed", td->td_comm);
}

/*
 * Build a new thread's stack so that the first switch to it "returns" into
 * cpu_thread_start with td in %r12, the stack 16-byte aligned for the call.
 */
static void
lwkt_init_stack(struct thread *td)
{
	uint64_t *sp = (uint64_t *)(td->td_kstack + td->td_kstack_size);

	*--sp = (uint64_t)cpu_thread_start;	/* return address */
	*--sp = 0;				/* rbp */
	*--sp = 0;				/* rbx */
	*--sp = (uint64_t)td;			/* r12 */
	*--sp = 0;				/* r13 */
	*--sp = 0;				/* r14 */
	*--sp = 0;				/* r15 */
	td->td_sp = sp;
	/*
	 * The thread first runs inside the switch that chose it, holding the
	 * run-queue lock: one critical-section level, released in
	 * lwkt_thread_start() with interrupts enabled.
	 */
	td->td_critcount = 1;
	td->td_crit_rflags = PSL_I;
}

static void
lwkt_thread_common_init(struct thread *td, struct globaldata *gd, int pri)
{
	td->td_gd = gd;
	td->td_pri = pri;
	td->td_id = atomic_fetchadd_long(&next_tid, 1);
	callout_init_cpu(&td->td_slpcallout, gd->gd_cpuid);
	lwkt_initport_thread(&td->td_msgport, td);
	spin_lock(&alltd_lock);
	LIST_INSERT_HEAD(&alltd, td, td_allq);
	nthreads++;
	spin_unlock(&alltd_lock);
}

/*
 * Allocate a thread on `cpu` without making it runnable (the caller
 * finishes setting it up, then calls lwkt_schedule()).
 */
struct thread *
lwkt_alloc(void (*func)(void *), void *arg, int cpu, int pri,
    const char *name)
{
	struct thread *td;

	KASSERT(cpu >= 0 && cpu < ncpus, ("lwkt_alloc: bad cpu %d", cpu));
	td = kmalloc(sizeof(*td), M_THREAD, M_WAITOK | M_ZERO);
	td->td_kstack_size = KSTACK_SIZE;
	td->td_kstack = kmalloc(KSTACK_SIZE, M_THREAD, M_WAITOK);
	td->td_func = func;
	td->td_arg = arg;
	td->td_state = TDS_NEW;
	strlcpy(td->td_comm, name, sizeof(td->td_comm));
	lwkt_init_stack(td);
	lwkt_thread_common_init(td, globaldata_find(cpu), pri);
	return (td);
}

/* Free a thread from lwkt_alloc() that was never scheduled. */
void
lwkt_free_unstarted(struct thread *td)
{
	KASSERT(td->td_state == TDS_NEW, ("lwkt_free_unstarted: %s started",
	    td->td_comm));
	spin_lock(&alltd_lock);
	LIST_REMOVE(td, td_allq);
	nthreads--;
	spin_unlock(&alltd_lock);
	if (td->td_fpu != NULL)
		kfree(td->td_fpu, M_THREAD);
	kfree(td->td_kstack, M_THREAD);
	kfree(td, M_THREAD);
}

int
lwkt_create(void (*func)(void *), void *arg, struct thread **tdp, int cpu,
    int pri, const char *fmt, ...)
{
	struct thread *td;
	char name[sizeof(td->td_comm)];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	td = lwkt_alloc(func, arg, cpu, pri, name);
	if (tdp != NULL)
		*tdp = td;
	lwkt_schedule(td);
	return (0);
}

/*
 * Turn the boot context of a CPU into its idle thread.  Called on the CPU
 * itself before anything takes a spinlock (crit_enter needs curthread).
 */
void	lwkt_init_idle_thread(struct globaldata *gd);
void
lwkt_init_idle_thread(struct globaldata *gd)
{
	struct thread *td = &idle_threads[gd->gd_cpuid];

	td->td_gd = gd;
	td->td_state = TDS_RUNNING;
	td->td_flags = TDF_IDLE | TDF_SYSTHREAD;
	td->td_pri = TDPRI_IDLE;
	ksnprintf(td->td_comm, sizeof(td->td_comm), "idle %d", gd->gd_cpuid);
	gd->gd_curthread = td;
	gd->gd_idlethread = td;
	spin_init(&gd->gd_runqlock, "runq", SPINRANK_RUNQ);
	TAILQ_INIT(&gd->gd_runq);
	TAILQ_INIT(&gd->gd_deadq);
}

/* Registration of idle threads needs kmalloc-free list insertion only. */
void	lwkt_register_idle_thread(struct globaldata *gd);
void
lwkt_register_idle_thread(struct globaldata *gd)
{
	struct thread *td = gd->gd_idlethread;

	td->td_id = atomic_fetchadd_long(&next_tid, 1);
	lwkt_initport_thread(&td->td_msgport, td);
	spin_lock(&alltd_lock);
	LIST_INSERT_HEAD(&alltd, td, td_allq);
	nthreads++;
	spin_unlock(&alltd_lock);
}

/*
 * The idle loop: run queued threads, otherwise halt until an interrupt.
 * gd_idling is set under the run-queue lock with interrupts off and the
 * halt is "sti; hlt", so a wakeup IPI sent after we set gd_idling cannot
 * be lost: it is delivered right at the hlt and ends it.
 */
void	lwkt_idle_loop(void) __dead2;
void
lwkt_idle_loop(void)
{
	struct globaldata *gd = mycpu;

	for (;;) {
		cpu_disable_intr();
		spin_lock(&gd->gd_runqlock);
		if (!TAILQ_EMPTY(&gd->gd_runq)) {
			gd->gd_curthread->td_state = TDS_RUNQ;
			lwkt_switch_locked(gd);
			spin_unlock(&gd->gd_runqlock);
			cpu_enable_intr();
			lwkt_reap(gd);
			continue;
		}
		atomic_store_int(&gd->gd_idling, 1);
		spin_unlock(&gd->gd_runqlock);
		cpu_idle_halt();
		atomic_store_int(&gd->gd_idling, 0);
	}
}

int
lwkt_nthreads(void)
{
	return (nthreads);
}

/* Call fn for every thread (ps, debugging). */
void	lwkt_thread_foreach(void (*fn)(struct thread *, void *), void *arg);
void
lwkt_thread_foreach(void (*fn)(struct thread *, void *), void *arg)
{
	struct thread *td;

	spin_lock(&alltd_lock);
	LIST_FOREACH(td, &alltd, td_allq)
		fn(td, arg);
	spin_unlock(&alltd_lock);
}

/* sched_yield(2): let every other runnable thread of this CPU go first. */
int
sys_sched_yield(struct thread *td, struct sched_yield_args *uap)
{
	lwkt_yield();
	return (0);
}
