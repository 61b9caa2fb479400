/*
 * ktest_netisr.c: self tests for the netisr threads (sys/net/netisr.c):
 * where handlers run, the deadlock rule, "a netisr never sleeps", inline
 * dispatch, counters, and a stress case with every CPU exchanging
 * messages with every netisr and with each other.
 *
 * Handlers never KT_ASSERT (they run in netisr threads, which must keep
 * serving): they record what they saw in the message, and the case checks
 * it after the reply.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <net/netmsg.h>
#include <net/netisr2.h>

extern volatile uint64_t ticks;

struct nmsg {
	struct netmsg_base base;	/* first */
	int		cpu;		/* the netisr it is for */
	int		peer;		/* a second netisr, for some handlers */
	int		value;
	int		seq;
	/* Recorded by the handler. */
	struct thread	*ran_td;
	int		ran_cpu;
	int		acting;		/* IN_NETISR_NCPU(cpu) */
	int		in_netisr;	/* IN_NETISR() */
	u_int		ran_flags;	/* curthread->td_flags */
	int		in_crit;
	int		nested_error;
	struct thread	*nested_td;
	int		order;		/* dispatch order (per case counter) */
};

#define NM_RESULT(v)	((long)(v) * 3 + 1)
#define NM_ERROR(v)	((v) % 5)

static int dispatch_order;		/* [the one netisr a case uses] */

static void
nmsg_init(struct nmsg *m, lwkt_port_t rport, int cpu, netisr_fn_t fn)
{
	bzero(m, sizeof(*m));
	netmsg_init(&m->base, NULL, rport, 0, fn);
	m->cpu = cpu;
	m->ran_cpu = -1;
}

static void
nm_record(struct nmsg *m)
{
	struct thread *td = curthread;

	m->ran_td = td;
	m->ran_cpu = mycpuid;
	m->acting = IN_NETISR_NCPU(m->cpu);
	m->in_netisr = IN_NETISR();
	m->ran_flags = td->td_flags;
	m->in_crit = IN_CRITICAL_SECT(td);
	m->order = dispatch_order++;
}

/* Record and reply with an answer the sender can check. */
static void
nh_record(netmsg_t msg)
{
	struct nmsg *m = (struct nmsg *)msg;

	nm_record(m);
	m->base.lmsg.u.ms_result = NM_RESULT(m->value);
	netisr_replymsg(msg, NM_ERROR(m->value));
}

/* Checks that a handler ran as netisr m->cpu, in that netisr's thread. */
static int
ran_in_netisr_thread(struct nmsg *m)
{
	struct thread *td = netisr_cpus[m->cpu].ni_td;
	char name[24];

	ksnprintf(name, sizeof(name), "netisr %d", m->cpu);
	return (m->ran_td == td && m->ran_cpu == m->cpu && m->acting &&
	    m->in_netisr && (m->ran_flags & TDF_NETISR) &&
	    (m->ran_flags & TDF_NOSLEEP) && !m->in_crit &&
	    strcmp(td->td_comm, name) == 0);
}

static int
wait_done(lwkt_msg_t lmsg)
{
	uint64_t t0 = ticks;

	while (!lwkt_checkmsg(lmsg) && ticks - t0 < 10 * hz)
		tsleep(lmsg, 0, "nmwait", 1);
	return (lwkt_checkmsg(lmsg));
}

KTEST(netisr_ports_identify_their_threads_and_cpus, 30)
{
	struct netisr_stats st;
	lwkt_port_t port;
	char name[24];

	KT_ASSERT(!IN_NETISR());
	for (int cpu = 0; cpu < ncpus; cpu++) {
		port = netisr_cpuport(cpu);
		ksnprintf(name, sizeof(name), "netisr %d", cpu);
		KT_ASSERT(port->mp_td == netisr_cpus[cpu].ni_td);
		KT_ASSERT(strcmp(port->mp_td->td_comm, name) == 0);
		KT_ASSERT(port->mp_flags & MSGPORTF_NETISR);
		KT_ASSERT_EQ(port->mp_cpuid, cpu);
		KT_ASSERT(port->mp_td->td_gd == globaldata_find(cpu));
		KT_ASSERT(port->mp_td->td_flags & TDF_NOSLEEP);
		KT_ASSERT_EQ(netisr_stats(cpu, &st), 0);
	}
	KT_ASSERT_EQ(netisr_stats(ncpus, &st), EINVAL);
	KT_ASSERT_EQ(netisr_stats(-1, &st), EINVAL);
}

KTEST(netisr_async_handler_runs_in_netisr_thread_on_every_cpu, 30)
{
	static struct nmsg m[MAXCPU];
	lwkt_port_t me = &curthread->td_msgport;
	lwkt_msg_t got;

	for (int cpu = 0; cpu < ncpus; cpu++) {
		nmsg_init(&m[cpu], me, cpu, nh_record);
		m[cpu].value = cpu + 10;
		lwkt_sendmsg(netisr_cpuport(cpu), &m[cpu].base.lmsg);
	}
	for (int n = 0; n < ncpus; n++) {
		got = lwkt_waitport(me, 0);
		KT_ASSERT(got != NULL && (got->ms_flags & MSGF_REPLY));
	}
	for (int cpu = 0; cpu < ncpus; cpu++) {
		KT_ASSERT_MSG(ran_in_netisr_thread(&m[cpu]),
		    "netisr %d: handler ran in %s on cpu %d", cpu,
		    m[cpu].ran_td != NULL ? m[cpu].ran_td->td_comm : "?",
		    m[cpu].ran_cpu);
		KT_ASSERT_EQ(m[cpu].base.lmsg.ms_error, NM_ERROR(cpu + 10));
		KT_ASSERT_EQ(m[cpu].base.lmsg.u.ms_result, NM_RESULT(cpu + 10));
	}
}

KTEST(netisr_sync_from_other_cpu_is_queued_and_counted, 30)
{
	struct netisr_stats before, after;
	struct nmsg m;
	int error;

	KT_ASSERT_EQ(mycpuid, 0);
	for (int cpu = 0; cpu < ncpus; cpu++) {
		KT_ASSERT_EQ(netisr_stats(cpu, &before), 0);
		nmsg_init(&m, NULL, cpu, nh_record);
		m.value = cpu + 1;
		error = lwkt_domsg(netisr_cpuport(cpu), &m.base.lmsg, 0);
		KT_ASSERT_EQ(netisr_stats(cpu, &after), 0);
		KT_ASSERT_EQ(error, NM_ERROR(cpu + 1));
		KT_ASSERT_EQ(m.base.lmsg.u.ms_result, NM_RESULT(cpu + 1));
		/* CPU 0 is never inlined; the others are not our CPU. */
		KT_ASSERT(ran_in_netisr_thread(&m));
		KT_ASSERT_EQ(after.ns_sync - before.ns_sync, 1);
		KT_ASSERT_EQ(after.ns_dispatched - before.ns_dispatched, 1);
		KT_ASSERT_EQ(after.ns_queued - before.ns_queued, 1);
		KT_ASSERT_EQ(after.ns_inline - before.ns_inline, 0);
		KT_ASSERT_EQ(after.ns_forwards - before.ns_forwards, 0);
	}
}

/*
 * Inline dispatch: a helper thread on CPU n sends netisr n a synchronous
 * message while its port is idle.
 */
static struct nmsg inl_m;
static struct netisr_stats inl_before, inl_after;
static struct thread *inl_td;
static u_int inl_flags_after;
static int inl_error, inl_in_netisr_after;

static void
inline_sender(void *arg)
{
	int cpu = (int)(intptr_t)arg;

	inl_td = curthread;
	netisr_stats(cpu, &inl_before);
	nmsg_init(&inl_m, NULL, cpu, nh_record);
	inl_m.value = 7;
	inl_error = lwkt_domsg(netisr_cpuport(cpu), &inl_m.base.lmsg, 0);
	netisr_stats(cpu, &inl_after);
	inl_flags_after = curthread->td_flags;
	inl_in_netisr_after = IN_NETISR();
}

KTEST(netisr_sync_from_same_cpu_runs_inline_when_port_idle, 30)
{
	int cpu = ncpus - 1;

	if (cpu == 0)
		kprintf("KTEST NOTE 1 cpu: netisr 0 is never inlined (its "
		    "handlers may block); checking that it is queued\n");
	ktest_spawn(inline_sender, (void *)(intptr_t)cpu, cpu, "inliner");
	ktest_join();
	KT_ASSERT_EQ(inl_error, NM_ERROR(7));
	KT_ASSERT_EQ(inl_m.base.lmsg.u.ms_result, NM_RESULT(7));
	KT_ASSERT_EQ(inl_m.ran_cpu, cpu);
	KT_ASSERT(inl_m.acting && inl_m.in_netisr);
	KT_ASSERT_EQ(inl_after.ns_sync - inl_before.ns_sync, 1);
	KT_ASSERT_EQ(inl_after.ns_dispatched - inl_before.ns_dispatched, 1);
	KT_ASSERT(!inl_in_netisr_after);
	KT_ASSERT((inl_flags_after & TDF_NOSLEEP) == 0);
	if (cpu == 0) {
		KT_ASSERT(ran_in_netisr_thread(&inl_m));
		KT_ASSERT_EQ(inl_after.ns_inline - inl_before.ns_inline, 0);
		KT_ASSERT_EQ(inl_after.ns_queued - inl_before.ns_queued, 1);
		return;
	}
	/* Ran in the sender's thread, in a critical section, no sleeping. */
	KT_ASSERT(inl_m.ran_td == inl_td);
	KT_ASSERT(inl_m.in_crit);
	KT_ASSERT(inl_m.ran_flags & TDF_NOSLEEP);
	KT_ASSERT_EQ(inl_after.ns_inline - inl_before.ns_inline, 1);
	KT_ASSERT_EQ(inl_after.ns_queued - inl_before.ns_queued, 0);
}

/*
 * An asynchronous message queued first keeps a later synchronous one from
 * the same thread out of the inline path, so the two stay in order.
 */
#define NBEFORE	4
static struct nmsg ord_async[NBEFORE], ord_sync;
static struct netisr_stats ord_before, ord_after;

static void
ordered_sender(void *arg)
{
	int cpu = (int)(intptr_t)arg;

	netisr_stats(cpu, &ord_before);
	for (int i = 0; i < NBEFORE; i++) {
		nmsg_init(&ord_async[i], &netisr_adone_rport, cpu, nh_record);
		lwkt_sendmsg(netisr_cpuport(cpu), &ord_async[i].base.lmsg);
	}
	nmsg_init(&ord_sync, NULL, cpu, nh_record);
	lwkt_domsg(netisr_cpuport(cpu), &ord_sync.base.lmsg, 0);
	netisr_stats(cpu, &ord_after);
	for (int i = 0; i < NBEFORE; i++)
		wait_done(&ord_async[i].base.lmsg);
}

KTEST(netisr_sync_after_async_from_same_cpu_is_queued_behind_it, 30)
{
	int cpu = ncpus - 1;

	dispatch_order = 0;
	ktest_spawn(ordered_sender, (void *)(intptr_t)cpu, cpu, "ordered");
	ktest_join();
	for (int i = 0; i < NBEFORE; i++) {
		KT_ASSERT(lwkt_checkmsg(&ord_async[i].base.lmsg));
		KT_ASSERT_EQ(ord_async[i].order, i);
		KT_ASSERT(ran_in_netisr_thread(&ord_async[i]));
	}
	KT_ASSERT_EQ(ord_sync.order, NBEFORE);
	KT_ASSERT(ran_in_netisr_thread(&ord_sync));
	KT_ASSERT_EQ(ord_after.ns_inline - ord_before.ns_inline, 0);
	KT_ASSERT_EQ(ord_after.ns_queued - ord_before.ns_queued, NBEFORE + 1);
}

/*
 * Handlers that send synchronous messages themselves.
 */
static void
nh_nested(netmsg_t msg)
{
	struct nmsg *m = (struct nmsg *)msg;

	nm_record(m);
	m->nested_td = curthread;
	netisr_replymsg(msg, EDOM);
}

/* Sends netisr m->peer a synchronous message, replies with its error. */
static void
nh_sync_to_peer(netmsg_t msg)
{
	struct nmsg *m = (struct nmsg *)msg;
	struct nmsg inner;

	nm_record(m);
	nmsg_init(&inner, NULL, m->peer, nh_nested);
	m->nested_error = lwkt_domsg(netisr_cpuport(m->peer),
	    &inner.base.lmsg, 0);
	m->nested_td = inner.ran_td;
	m->value = inner.ran_cpu;
	netisr_replymsg(msg, 0);
}

KTEST(netisr_sync_to_own_port_runs_nested_in_netisr_thread, 30)
{
	struct netisr_stats before, after;
	struct nmsg m;
	int cpu = ncpus - 1;

	netisr_stats(cpu, &before);
	nmsg_init(&m, NULL, cpu, nh_sync_to_peer);
	m.peer = cpu;
	KT_ASSERT_EQ(lwkt_domsg(netisr_cpuport(cpu), &m.base.lmsg, 0), 0);
	netisr_stats(cpu, &after);
	KT_ASSERT(ran_in_netisr_thread(&m));
	KT_ASSERT_EQ(m.nested_error, EDOM);
	KT_ASSERT(m.nested_td == netisr_cpus[cpu].ni_td);
	KT_ASSERT_EQ(m.value, cpu);
	KT_ASSERT_EQ(after.ns_sync - before.ns_sync, 2);
	KT_ASSERT_EQ(after.ns_dispatched - before.ns_dispatched, 2);
	KT_ASSERT_EQ(after.ns_inline - before.ns_inline, 1);
	KT_ASSERT_EQ(after.ns_queued - before.ns_queued, 1);
}

KTEST(netisr0_may_wait_for_reply_from_another_netisr, 30)
{
	struct nmsg m;
	int peer = ncpus - 1;

	if (peer == 0)
		kprintf("KTEST NOTE 1 cpu: netisr 0's only peer is itself "
		    "(a nested call)\n");
	nmsg_init(&m, NULL, 0, nh_sync_to_peer);
	m.peer = peer;
	KT_ASSERT_EQ(lwkt_domsg(netisr_cpuport(0), &m.base.lmsg, 0), 0);
	KT_ASSERT(ran_in_netisr_thread(&m));
	KT_ASSERT_EQ(m.nested_error, EDOM);
	KT_ASSERT(m.nested_td == netisr_cpus[peer].ni_td);
	KT_ASSERT_EQ(m.value, peer);
	KT_ASSERT_EQ(netisr_cpus[0].ni_td->td_nest_sleep, 1);	/* idle wait */
}

/*
 * The deadlock rule.  With enough CPUs a real netisr breaks it; with
 * fewer, the forbidden sender does not exist, so the case checks the rule
 * table and then the same check function the send path calls.
 */
static void
deadlock_case(int from, int to)
{
	static struct nmsg m;

	if (from < ncpus && to < ncpus) {
		nmsg_init(&m, &netisr_adone_rport, from, nh_sync_to_peer);
		m.peer = to;
		lwkt_sendmsg(netisr_cpuport(from), &m.base.lmsg);
		tsleep(&m, 0, "deadlock", 5 * hz);
		return;
	}
	kprintf("KTEST NOTE %d cpus: no netisr %d; checking the rule table and "
	    "netisr_sync_check(%d, %d) directly\n", ncpus, MAX(from, to),
	    from, to);
	for (int n = 0; n < 4; n++) {
		KT_ASSERT(netisr_sync_allowed(-1, n));	/* non-netisr */
		KT_ASSERT(netisr_sync_allowed(0, n));	/* netisr 0 */
		KT_ASSERT(netisr_sync_allowed(n, n));	/* itself */
		for (int f = 1; f < 4; f++)
			KT_ASSERT_EQ(netisr_sync_allowed(f, n), f == n);
	}
	/* The allowed senders pass the check, the forbidden one panics. */
	netisr_sync_check(-1, to);
	netisr_sync_check(0, to);
	netisr_sync_check(to, to);
	netisr_sync_check(from, to);
}

KTEST_EXPECT_PANIC(netisr1_sync_to_netisr0_panics,
    "sync message from netisr 1 to netisr 0", 30)
{
	deadlock_case(1, 0);
}

KTEST_EXPECT_PANIC(netisr1_sync_to_netisr2_panics,
    "sync message from netisr 1 to netisr 2", 30)
{
	deadlock_case(1, 2);
}

static void
nh_sleep(netmsg_t msg)
{
	static int chan;

	tsleep(&chan, 0, "nap", 1);
	netisr_replymsg(msg, 0);
}

KTEST_EXPECT_PANIC(netisr_handler_sleep_panics,
    "thread netisr 0 may not sleep", 30)
{
	static struct nmsg m;

	nmsg_init(&m, &netisr_adone_rport, 0, nh_sleep);
	lwkt_sendmsg(netisr_cpuport(0), &m.base.lmsg);
	tsleep(&m, 0, "sleeper", 5 * hz);
}

/* netisr 0 may block on netisrs only: not on an ordinary thread's port. */
static lwkt_port_t plain_port;

static void
nh_sync_to_plain(netmsg_t msg)
{
	static struct nmsg inner;

	nmsg_init(&inner, NULL, 0, nh_record);
	lwkt_domsg(plain_port, &inner.base.lmsg, 0);
	netisr_replymsg(msg, 0);
}

KTEST_EXPECT_PANIC(netisr0_sync_to_plain_thread_port_panics,
    "thread netisr 0 may not sleep", 30)
{
	static struct nmsg m;

	plain_port = &curthread->td_msgport;
	nmsg_init(&m, &netisr_adone_rport, 0, nh_sync_to_plain);
	lwkt_sendmsg(netisr_cpuport(0), &m.base.lmsg);
	tsleep(&m, 0, "plain", 5 * hz);
}

/*
 * Forwarding between netisrs.
 */
static void
nh_forward(netmsg_t msg)
{
	struct nmsg *m = (struct nmsg *)msg;

	m->nested_td = curthread;
	m->cpu = m->peer;
	msg->nm_dispatch = nh_record;
	lwkt_forwardmsg(netisr_cpuport(m->peer), &msg->lmsg);
}

KTEST(netisr_forward_to_other_netisr_replies_to_sender, 30)
{
	struct netisr_stats a0, a1, b0, b1;
	struct nmsg m;
	int a = 0, b = ncpus - 1;

	netisr_stats(a, &a0);
	netisr_stats(b, &b0);
	nmsg_init(&m, NULL, a, nh_forward);
	m.peer = b;
	m.value = 4;
	KT_ASSERT_EQ(lwkt_domsg(netisr_cpuport(a), &m.base.lmsg, 0),
	    NM_ERROR(4));
	netisr_stats(a, &a1);
	netisr_stats(b, &b1);
	KT_ASSERT(m.nested_td == netisr_cpus[a].ni_td);
	KT_ASSERT(ran_in_netisr_thread(&m));	/* m.cpu is b now */
	KT_ASSERT_EQ(m.ran_cpu, b);
	KT_ASSERT_EQ(m.base.lmsg.u.ms_result, NM_RESULT(4));
	KT_ASSERT_EQ(a1.ns_forwards - a0.ns_forwards, 1);
	KT_ASSERT_EQ(a1.ns_sync - a0.ns_sync, 1);
	if (a != b) {
		KT_ASSERT_EQ(b1.ns_queued - b0.ns_queued, 1);
		KT_ASSERT_EQ(b1.ns_dispatched - b0.ns_dispatched, 1);
		KT_ASSERT_EQ(b1.ns_sync - b0.ns_sync, 0);
	} else {
		KT_ASSERT_EQ(a1.ns_queued - a0.ns_queued, 2);
		KT_ASSERT_EQ(a1.ns_dispatched - a0.ns_dispatched, 2);
	}
}

KTEST(netisr_afree_rport_frees_message_on_reply, 30)
{
	struct nmsg *m;
	uint64_t replies0 = netisr_afree_rport.mp_cnt_reply;
	uint64_t t0 = ticks;

	for (int cpu = 0; cpu < ncpus; cpu++) {
		m = kmalloc(sizeof(*m), M_LWKTMSG, M_WAITOK);
		nmsg_init(m, &netisr_afree_rport, cpu, nh_record);
		lwkt_sendmsg(netisr_cpuport(cpu), &m->base.lmsg);
	}
	while (netisr_afree_rport.mp_cnt_reply - replies0 < (uint64_t)ncpus &&
	    ticks - t0 < 10 * hz)
		tsleep(&t0, 0, "afree", 1);
	/* The runner's leak check proves each one was freed. */
	KT_ASSERT_EQ(netisr_afree_rport.mp_cnt_reply - replies0, ncpus);
}

/* Asynchronous messages from one thread are dispatched in order. */
#define NSEQ	300
KTEST(netisr_async_messages_from_one_thread_dispatch_in_order, 60)
{
	struct nmsg *m = kmalloc(NSEQ * sizeof(*m), M_TEMP, M_WAITOK);
	int cpu = ncpus - 1, bad = -1, order = 0;

	dispatch_order = 0;
	for (int i = 0; i < NSEQ; i++) {
		nmsg_init(&m[i], &netisr_adone_rport, cpu, nh_record);
		lwkt_sendmsg(netisr_cpuport(cpu), &m[i].base.lmsg);
	}
	for (int i = 0; i < NSEQ && bad < 0; i++) {
		if (!wait_done(&m[i].base.lmsg) || (order = m[i].order) != i)
			bad = i;
	}
	for (int i = 0; i < NSEQ; i++)
		wait_done(&m[i].base.lmsg);	/* before freeing them */
	kfree(m, M_TEMP);
	KT_ASSERT_MSG(bad < 0, "message %d dispatched as number %d", bad,
	    order);
}

/*
 * Stress: 2 * ncpus worker threads spread over every CPU.  Each round, a
 * worker sends every netisr one synchronous and one asynchronous message
 * and every other worker one asynchronous request, and serves what its
 * own port holds.  At the end it serves until every request addressed to
 * it was answered and every reply it expects came back.  Every message is
 * accounted for: sent == handled == replied.
 */
#define ST_ROUNDS	400
enum { ST_NETISR = 1, ST_PEER };

static struct st_worker {
	lwkt_port_t	port;		/* [a] published */
	int		id, cpu;
} st_workers[2 * MAXCPU];
static int st_nworkers, st_ready, st_done;
static int st_sent_sync, st_sent_async, st_sent_peer;		/* [a] */
static int st_handled_netisr, st_handled_peer;			/* [a] */
static int st_replied_sync, st_replied_async, st_bad;		/* [a] */

static void
nh_stress(netmsg_t msg)
{
	struct nmsg *m = (struct nmsg *)msg;

	if (mycpuid != m->cpu || !IN_NETISR_NCPU(m->cpu))
		atomic_add_int(&st_bad, 1);
	atomic_add_int(&st_handled_netisr, 1);
	msg->lmsg.u.ms_result = NM_RESULT(m->value);
	netisr_replymsg(msg, NM_ERROR(m->value));
}

/* Handle one message from our port; returns 1 for a reply, 0 a request. */
static int
st_serve_one(lwkt_msg_t lm)
{
	struct nmsg *m = (struct nmsg *)lm;

	if (lm->ms_flags & MSGF_REPLY) {
		if (lm->ms_state != MSGS_DONE ||
		    lm->ms_error != NM_ERROR(m->value) ||
		    lm->u.ms_result != NM_RESULT(m->value))
			atomic_add_int(&st_bad, 1);
		atomic_add_int(&st_replied_async, 1);
		return (1);
	}
	if (lm->ms_state != MSGS_RECEIVED || m->seq != ST_PEER)
		atomic_add_int(&st_bad, 1);
	atomic_add_int(&st_handled_peer, 1);
	lm->u.ms_result = NM_RESULT(m->value);
	lwkt_replymsg(lm, NM_ERROR(m->value));
	return (0);
}

static void
st_worker_main(void *arg)
{
	struct st_worker *w = arg;
	lwkt_port_t me = &curthread->td_msgport;
	int nasync = ST_ROUNDS * (ncpus + st_nworkers - 1);
	int expect_requests = ST_ROUNDS * (st_nworkers - 1);
	int requests = 0, replies = 0, used = 0, error;
	struct nmsg *pool, sync;
	lwkt_msg_t lm;

	pool = kmalloc(nasync * sizeof(*pool), M_TEMP, M_WAITOK);
	atomic_store_ptr(&w->port, me);
	atomic_add_int(&st_ready, 1);
	while (atomic_load_int(&st_ready) < st_nworkers)
		tsleep(&st_ready, 0, "stready", 1);

	for (int r = 0; r < ST_ROUNDS; r++) {
		for (int n = 0; n < ncpus; n++) {
			nmsg_init(&sync, NULL, n, nh_stress);
			sync.value = r * 31 + n + w->id;
			atomic_add_int(&st_sent_sync, 1);
			error = lwkt_domsg(netisr_cpuport(n), &sync.base.lmsg,
			    0);
			if (error != NM_ERROR(sync.value) ||
			    sync.base.lmsg.u.ms_result != NM_RESULT(sync.value))
				atomic_add_int(&st_bad, 1);
			atomic_add_int(&st_replied_sync, 1);

			nmsg_init(&pool[used], me, n, nh_stress);
			pool[used].value = r * 17 + n;
			atomic_add_int(&st_sent_async, 1);
			lwkt_sendmsg(netisr_cpuport(n),
			    &pool[used++].base.lmsg);
		}
		for (int p = 0; p < st_nworkers; p++) {
			if (p == w->id)
				continue;
			nmsg_init(&pool[used], me, -1, nh_stress);
			pool[used].seq = ST_PEER;
			pool[used].value = r * 13 + p;
			atomic_add_int(&st_sent_peer, 1);
			lwkt_sendmsg(st_workers[p].port,
			    &pool[used++].base.lmsg);
		}
		while ((lm = lwkt_getport(me)) != NULL) {
			if (st_serve_one(lm))
				replies++;
			else
				requests++;
		}
	}
	while (replies < used || requests < expect_requests) {
		lm = lwkt_waitport(me, 0);
		if (st_serve_one(lm))
			replies++;
		else
			requests++;
	}
	if (used != nasync || replies != used || requests != expect_requests)
		atomic_add_int(&st_bad, 1);
	kfree(pool, M_TEMP);
	atomic_add_int(&st_done, 1);
}

KTEST(netisr_stress_every_cpu_exchanges_with_netisrs_and_peers, 240)
{
	struct netisr_stats before[MAXCPU], after[MAXCPU];
	uint64_t dispatched = 0;
	int total;

	st_nworkers = 2 * ncpus;
	st_ready = st_done = st_bad = 0;
	st_sent_sync = st_sent_async = st_sent_peer = 0;
	st_handled_netisr = st_handled_peer = 0;
	st_replied_sync = st_replied_async = 0;
	for (int c = 0; c < ncpus; c++)
		netisr_stats(c, &before[c]);
	for (int i = 0; i < st_nworkers; i++) {
		st_workers[i].id = i;
		st_workers[i].cpu = i % ncpus;
		st_workers[i].port = NULL;
		ktest_spawn(st_worker_main, &st_workers[i], i % ncpus,
		    "stress");
	}
	ktest_join();
	for (int c = 0; c < ncpus; c++) {
		netisr_stats(c, &after[c]);
		dispatched += after[c].ns_dispatched - before[c].ns_dispatched;
	}
	total = st_nworkers * ST_ROUNDS * (2 * ncpus + st_nworkers - 1);
	kprintf("KTEST NOTE stress: %d workers, %d messages\n", st_nworkers,
	    total);
	KT_ASSERT_EQ(st_done, st_nworkers);
	KT_ASSERT_EQ(st_bad, 0);
	KT_ASSERT_EQ(st_sent_sync + st_sent_async + st_sent_peer, total);
	KT_ASSERT_EQ(st_sent_sync + st_sent_async, st_handled_netisr);
	KT_ASSERT_EQ(st_sent_peer, st_handled_peer);
	KT_ASSERT_EQ(st_replied_sync, st_sent_sync);
	KT_ASSERT_EQ(st_replied_async, st_sent_async + st_sent_peer);
	KT_ASSERT_EQ(dispatched, st_handled_netisr);
}
