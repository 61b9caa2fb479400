/*
 * net/netisr.c: the protocol threads, one per CPU ("netisr N").
 *
 * Entry points: netisr_init() (mi_startup(), once, after every CPU is
 * up), netisr_stats(), netisr_sync_check(); and, through the mp_dosync
 * hook of every netisr port, lwkt_domsg() on a netisr port.  Helpers and
 * assertions (netisr_cpuport, IN_NETISR, ASSERT_NETISR...) are inlines
 * in netisr2.h; struct netmsg_base is in netmsg.h.
 *
 * Owns: netisr_cpus[] (ownership key in netisr2.h) and the netisr
 * threads.  Locks: only the netisr ports' mp_lock (SPINRANK_PORT), never
 * held across a handler.
 *
 * ======================================================================
 * THEORY OF OPERATION
 * ======================================================================
 *
 * Background
 * ----------
 * The socket layer's one rule (design/socket-layer.md, section 1) is that
 * protocol state has a single owner, a thread, so it needs no locks.  The
 * owners are the netisr threads: netisr N is bound to CPU N, created by
 * netisr_init() with priority TDPRI_NETISR, and serves its own thread port
 * (td_msgport, reached as netisr_cpuport(N)).  Its whole life is:
 *
 *	for (;;) { msg = lwkt_waitport(port); msg->nm_dispatch(msg); }
 *
 * A handler (nm_dispatch) owns the message from then on and must reply to
 * it or forward it, now or later (lwkt_msgport.c's theory covers message
 * ownership, forwarding and receipts).
 *
 * A netisr thread never sleeps
 * ----------------------------
 * A handler that slept would stall every socket its netisr owns, and a
 * netisr that waits for another can deadlock.  So netisr threads carry
 * TDF_NOSLEEP and tsleep()/ssleep() assert ASSERT_MAY_SLEEP(); handlers
 * allocate with M_NOWAIT and answer ENOBUFS when memory is short.  Two
 * waits are exempt, by raising td_nest_sleep around them: the idle wait in
 * lwkt_waitport() between messages (nothing is mid-flight), and netisr 0
 * waiting for a synchronous reply from another netisr (next section).
 *
 * The deadlock rule
 * -----------------
 * Only these may send netisr N a synchronous message (lwkt_domsg):
 *   * a thread that is not a netisr (user context, kernel threads);
 *   * netisr 0, the one netisr allowed to block, and only on netisrs
 *     (it coordinates work that spans CPUs, e.g. configuration changes);
 *   * netisr N itself, as a nested call: it cannot wait for itself, so
 *     the handler runs inline, right there, in its own thread.
 * Waits-for edges then only go from non-netisrs and netisr 0 to netisrs,
 * and a netisr other than 0 never waits: no cycle is possible.  (netisr 1
 * waiting for netisr 2 while netisr 2 waits for netisr 1 is the deadlock
 * this forbids; it needs no such coincidence to be caught: any forbidden
 * send panics, naming both threads, the first time it happens.)  Forwards
 * and asynchronous sends are always allowed: the sender does not wait.
 * netisr 0 sending a synchronous message to a port that is not a netisr's
 * trips ASSERT_MAY_SLEEP in lwkt_domsg(): it may block on netisrs only.
 *
 * Inline dispatch (design section 1's optimisation)
 * -------------------------------------------------
 * A synchronous request from a non-netisr thread running on CPU N to
 * netisr N, N != 0, while netisr N's port is empty and no handler for N is
 * running, is dispatched inline: the sender's thread runs the handler in
 * a critical section, acting as netisr N (IN_NETISR_NCPU(N) is true,
 * TDF_NOSLEEP is set for the duration), and skips two context switches.
 * Why this keeps a single owner and per-socket FIFO order:
 *   * The kernel is not preemptive and netisr N's thread is bound to CPU
 *     N.  While the sender runs on CPU N, netisr N is not running; it is
 *     mid-handler only if a handler blocked, which handlers never do,
 *     except netisr 0's synchronous waits (hence N != 0).  ni_busy, set
 *     by whoever runs a handler for N, makes this a checked condition, and
 *     the netisr thread asserts no inline runner exists when it starts a
 *     handler.
 *   * The critical section keeps interrupts (and so anything that could
 *     switch threads) off CPU N until the handler returns.
 *   * An empty port means no earlier message from this sender (or anyone)
 *     is waiting for N, so running this one now reorders nothing.  A
 *     message queued by another CPU after the check is ordered after ours.
 * Asynchronous messages are never run inline: the sender asked not to
 * wait.  A handler that forwards an inline-dispatched message leaves the
 * sender waiting normally, outside the critical section.
 *
 * Counters
 * --------
 * Per netisr: handlers run, of which inline, synchronous requests, and
 * (from the port) messages queued, forwarded, replies.  netisr_stats()
 * copies them; sysctl and a netstat-like tool will read them.
 *
 * Alternatives rejected
 * ---------------------
 *   * Handlers that may sleep (with a per-socket lock to protect state
 *     while they do): that is the locked socket layer this design exists
 *     to avoid.
 *   * Letting any netisr wait for any other, with a timeout: deadlocks
 *     become latency spikes that nobody can diagnose.
 *   * Inline dispatch for netisr 0 too: one of its handlers may block in
 *     lwkt_domsg(), which an inline runner inside a critical section must
 *     never do.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <net/netmsg.h>
#include <net/netisr2.h>

struct netisr_cpu netisr_cpus[MAXCPU];

/* Run one handler for netisr `ni`; the caller acts as that netisr. */
static void
netisr_run(struct netisr_cpu *ni, lwkt_msg_t lmsg)
{
	netmsg_t msg = __containerof(lmsg, struct netmsg_base, lmsg);

	KASSERT(msg->nm_dispatch != NULL,
	    ("netisr %d: message %p has no dispatch function", ni->ni_cpu,
	    msg));
	atomic_add_long(&ni->ni_cnt_dispatch, 1);
	msg->nm_dispatch(msg);
}

void
netisr_sync_check(int from, int to)
{
	struct thread *target;

	if (netisr_sync_allowed(from, to))
		return;
	target = netisr_cpus[to].ni_td;
	panic("netisr deadlock rule: sync message from netisr %d to netisr %d "
	    "(sender thread %s, target thread %s): only netisr 0, netisr %d "
	    "itself or a non-netisr thread may wait on netisr %d", from, to,
	    curthread->td_comm, target != NULL ? target->td_comm : "none",
	    to, to);
}

/*
 * The idle-port optimisation (see the theory statement).  Runs the
 * handler in the caller's thread and returns 1, or returns 0 when netisr
 * N's port is not empty or a handler for N is running.
 */
static int
netisr_try_inline(struct netisr_cpu *ni, lwkt_port_t port, lwkt_msg_t msg)
{
	struct thread *td = curthread;
	u_int had_nosleep;
	int idle, nest, crit __unused;

	crit_enter_td(td);
	crit = td->td_critcount;
	KASSERT(mycpuid == ni->ni_cpu && ni->ni_cpu != 0,
	    ("netisr_try_inline: netisr %d from cpu %d", ni->ni_cpu, mycpuid));
	spin_lock(&port->mp_lock);
	idle = TAILQ_EMPTY(&port->mp_msgq) && !ni->ni_busy;
	spin_unlock(&port->mp_lock);
	if (!idle) {
		crit_exit_td(td);
		return (0);
	}
	KASSERT(ni->ni_inline_td == NULL,
	    ("netisr %d: inline runner %s already active", ni->ni_cpu,
	    ni->ni_inline_td->td_comm));
	ni->ni_busy = 1;
	ni->ni_inline_td = td;
	had_nosleep = td->td_flags & TDF_NOSLEEP;
	nest = td->td_nest_sleep;
	atomic_set_int(&td->td_flags, TDF_NOSLEEP);
	td->td_nest_sleep = 0;

	lwkt_msg_receive_inline(port, msg);
	atomic_add_long(&ni->ni_cnt_inline, 1);
	netisr_run(ni, msg);

	KASSERT(td->td_nest_sleep == 0 && td->td_critcount == crit,
	    ("netisr %d: inline handler left nest_sleep %d critcount %d",
	    ni->ni_cpu, td->td_nest_sleep, td->td_critcount - crit + 1));
	td->td_nest_sleep = nest;
	if (!had_nosleep)
		atomic_clear_int(&td->td_flags, TDF_NOSLEEP);
	ni->ni_inline_td = NULL;
	ni->ni_busy = 0;
	crit_exit_td(td);
	return (1);
}

/*
 * lwkt_domsg() on a netisr port (mp_dosync): the deadlock rule, nested
 * self calls, inline dispatch, then an ordinary put and wait.
 */
static int
netisr_dosync(lwkt_port_t port, lwkt_msg_t msg, int flags)
{
	struct netisr_cpu *ni = port->mp_priv;
	struct thread *td = curthread;
	int from, to, error;

	to = ni->ni_cpu;
	from = netisr_self();
	netisr_sync_check(from, to);
	atomic_add_long(&ni->ni_cnt_sync, 1);

	if (from == to) {
		/* A nested call: netisr N cannot wait for itself. */
		lwkt_msg_receive_inline(port, msg);
		atomic_add_long(&ni->ni_cnt_inline, 1);
		netisr_run(ni, msg);
	} else if (from < 0 && to != 0 && mycpuid == to &&
	    netisr_try_inline(ni, port, msg)) {
		/* Ran inline; the handler replied or forwarded it. */
	} else {
		if (from == 0) {
			KASSERT(td == netisr_cpus[0].ni_td,
			    ("netisr_dosync: inline runner %s acts as netisr 0",
			    td->td_comm));
		} else {
			ASSERT_MAY_SLEEP();
		}
		port->mp_putport(port, msg, NULL, NULL);
	}

	/*
	 * Collect the reply.  It is usually there already, except after a
	 * put or when the handler forwarded the message; then only netisr 0
	 * (and non-netisr threads) may wait: anyone else panics in ssleep().
	 */
	if (from == 0)
		td->td_nest_sleep++;
	error = lwkt_waitmsg(msg, flags);
	if (from == 0)
		td->td_nest_sleep--;
	return (error);
}

/*
 * The body of netisr N.  netisr_init() publishes the thread and its port
 * right after creating it; we may get here first (on another CPU), so
 * wait for that, briefly, before announcing ourselves.
 */
static void
netisr_thread(void *arg)
{
	struct netisr_cpu *ni = arg;
	struct thread *td = curthread;
	lwkt_port_t port = &td->td_msgport;
	lwkt_msg_t msg;

	while (atomic_load_int(&ni->ni_up) == 0)
		cpu_pause();
	VERIFY(ni->ni_td == td && mycpuid == ni->ni_cpu);
	kprintf("netisr %d: up on cpu %d\n", ni->ni_cpu, mycpuid);

	for (;;) {
		td->td_nest_sleep++;
		msg = lwkt_waitport(port, 0);
		td->td_nest_sleep--;
		KKASSERT(msg != NULL);
		KASSERT(!ni->ni_busy && ni->ni_inline_td == NULL,
		    ("netisr %d: handler already running (inline runner %s)",
		    ni->ni_cpu, ni->ni_inline_td != NULL ?
		    ni->ni_inline_td->td_comm : "none"));
		ni->ni_busy = 1;
		netisr_run(ni, msg);
		ni->ni_busy = 0;
		KASSERT(td->td_critcount == 0 && mycpu->gd_nspinheld == 0 &&
		    td->td_nest_sleep == 0,
		    ("netisr %d: a handler returned with critcount %d, %d "
		    "spinlocks, nest_sleep %d", ni->ni_cpu, td->td_critcount,
		    mycpu->gd_nspinheld, td->td_nest_sleep));
	}
}

/* Make td netisr N and its port a netisr port, before anyone can send. */
static void
netisr_publish(struct netisr_cpu *ni, struct thread *td)
{
	lwkt_port_t port = &td->td_msgport;

	atomic_set_int(&td->td_flags, TDF_NETISR | TDF_NOSLEEP | TDF_SYSTHREAD);
	spin_lock(&port->mp_lock);
	port->mp_flags |= MSGPORTF_NETISR;
	port->mp_dosync = netisr_dosync;
	port->mp_priv = ni;
	port->mp_cpuid = ni->ni_cpu;
	atomic_store_ptr(&ni->ni_td, td);
	spin_unlock(&port->mp_lock);
	atomic_store_int(&ni->ni_up, 1);
}

/*
 * Start netisr 0 .. ncpus-1; each prints "netisr N: up on cpu N" when it
 * first runs.  Called once by mi_startup() after every CPU is up, from
 * the boot context (CPU 0's idle thread), which must not sleep: nothing
 * here waits, and netisr_cpuport(N) works as soon as this returns
 * (messages queue until netisr N first runs).
 */
void
netisr_init(void)
{
	struct netisr_cpu *ni;
	struct thread *td;
	int cpu, error;

	netmsg_rports_init();
	for (cpu = 0; cpu < ncpus; cpu++) {
		ni = &netisr_cpus[cpu];
		ni->ni_cpu = cpu;
		error = lwkt_create(netisr_thread, ni, &td, cpu, TDPRI_NETISR,
		    "netisr %d", cpu);
		if (error != 0)
			panic("netisr_init: cannot create netisr %d: %d", cpu,
			    error);
		netisr_publish(ni, td);
	}
}

int
netisr_stats(int cpu, struct netisr_stats *st)
{
	struct netisr_cpu *ni;
	lwkt_port_t port;

	if (cpu < 0 || cpu >= ncpus || netisr_cpus[cpu].ni_td == NULL)
		return (EINVAL);
	ni = &netisr_cpus[cpu];
	port = &ni->ni_td->td_msgport;
	st->ns_dispatched = atomic_load_ptr(&ni->ni_cnt_dispatch);
	st->ns_inline = atomic_load_ptr(&ni->ni_cnt_inline);
	st->ns_sync = atomic_load_ptr(&ni->ni_cnt_sync);
	st->ns_queued = atomic_load_ptr(&port->mp_cnt_put);
	st->ns_forwards = atomic_load_ptr(&port->mp_cnt_forward);
	st->ns_replies = atomic_load_ptr(&port->mp_cnt_reply);
	st->ns_chases = atomic_load_ptr(&ni->ni_cnt_chase);
	st->ns_moves = atomic_load_ptr(&ni->ni_cnt_move);
	return (0);
}
