/*
 * ktest_msgport.c: self tests for LWKT messages and ports
 * (sys/kern/lwkt_msgport.c; the rules tested are in its theory statement).
 *
 * Most cases talk to "servers": helper threads that publish their own
 * td_msgport and then serve it with lwkt_waitport() until a QUIT message.
 * Assertions that can fail sit in a *_body() function, so a failure still
 * reaches the code that stops the servers, and the case ends instead of
 * hanging.  Servers never KT_ASSERT: they count what they saw, and the
 * case checks the counts.
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

extern volatile uint64_t ticks;

/* Test messages. */
enum { TOP_ECHO = 1, TOP_QUIT, TOP_FORWARD, TOP_SLOW, TOP_TWICE };

struct tmsg {
	struct lwkt_msg	m;
	int		op;
	int		sender;		/* which sender (FIFO cases) */
	int		seq;		/* sender's sequence number */
	int		value;
	int		ran_cpu;	/* set by the handler */
	struct thread	*ran_td;	/* set by the handler */
	int		receipt_seen;	/* set by a receipt callback */
	int		receipt_seq;	/* order the receipt ran in */
	volatile int	processing;	/* TOP_SLOW: the handler has it */
};

static void
tmsg_init(struct tmsg *t, int op, lwkt_port_t rport, u_int flags)
{
	bzero(t, sizeof(*t));
	lwkt_initmsg(&t->m, rport, flags);
	t->op = op;
	t->ran_cpu = -1;
}

/* The answer an ECHO handler gives, so the sender can check it. */
#define ECHO_RESULT(v)	(2 * (long)(v) + 1)
#define ECHO_ERROR(v)	((v) % 7)

/*
 * Servers.
 */
struct srv;
typedef int (*srv_handler_t)(struct srv *, struct tmsg *);

struct srv {
	lwkt_port_t	port;		/* [a] published when serving */
	struct thread	*td;
	int		cpu;
	srv_handler_t	handle;		/* returns 1 to stop serving */
	volatile int	gate;		/* serve only once nonzero */
	lwkt_port_t	fwd;		/* TOP_FORWARD: where to */
	lwkt_receipt_t	fwd_receipt;
	int		handled;	/* [a] messages handled */
	int		bad;		/* [a] violations seen */
	int		wrong_cpu;	/* [a] ran on another CPU */
	/* FIFO and receipt-order checks, [server thread]. */
	int		next_seq[MAXCPU * 2];
	int		next_receipt_seq;
};

static void
srv_echo(struct srv *s, struct tmsg *t)
{
	t->ran_cpu = mycpuid;
	t->ran_td = curthread;
	t->m.u.ms_result = ECHO_RESULT(t->value);
	lwkt_replymsg(&t->m, ECHO_ERROR(t->value));
}

/* The default handler: echo, forward, slow and quit. */
static int
srv_default(struct srv *s, struct tmsg *t)
{
	uint64_t t0;

	switch (t->op) {
	case TOP_QUIT:
		lwkt_replymsg(&t->m, 0);
		return (1);
	case TOP_FORWARD:
		t->op = TOP_ECHO;
		if (s->fwd_receipt != NULL)
			lwkt_forwardmsg_receipt(s->fwd, &t->m, s->fwd_receipt,
			    s);
		else
			lwkt_forwardmsg(s->fwd, &t->m);
		return (0);
	case TOP_SLOW:
		/* Hold the message until the sender aborts (10 s at most). */
		atomic_store_int(&t->processing, 1);
		t0 = ticks;
		while (!lwkt_msg_aborted(&t->m) && ticks - t0 < 10 * hz)
			tsleep(t, 0, "slow", 1);
		lwkt_replymsg(&t->m, lwkt_msg_aborted(&t->m) ? ECANCELED : 0);
		return (0);
	case TOP_TWICE:
		srv_echo(s, t);
		lwkt_replymsg(&t->m, 0);	/* must panic */
		return (0);
	default:
		srv_echo(s, t);
		return (0);
	}
}

static void
srv_main(void *arg)
{
	struct srv *s = arg;
	lwkt_msg_t m;
	int stop = 0;

	s->td = curthread;
	atomic_store_ptr(&s->port, &curthread->td_msgport);
	while (!atomic_load_int(&s->gate))
		tsleep(&s->gate, 0, "gate", 1);
	do {
		m = lwkt_waitport(&curthread->td_msgport, 0);
		if (m == NULL || m->ms_state != MSGS_RECEIVED) {
			atomic_add_int(&s->bad, 1);
			continue;
		}
		if (mycpuid != s->cpu)
			atomic_add_int(&s->wrong_cpu, 1);
		atomic_add_int(&s->handled, 1);
		stop = s->handle(s, (struct tmsg *)m);
	} while (!stop);
}

/* Start a server on `cpu`; gated servers do not serve until srv_open(). */
static void
srv_start_gated(struct srv *s, int cpu, srv_handler_t handle, int gate)
{
	bzero(s, sizeof(*s));
	s->cpu = cpu;
	s->handle = handle != NULL ? handle : srv_default;
	s->gate = !gate;
	ktest_spawn(srv_main, s, cpu, "msgsrv");
	while (atomic_load_ptr(&s->port) == NULL)
		tsleep(s, 0, "srvup", 1);
}

static void
srv_start(struct srv *s, int cpu, srv_handler_t handle)
{
	srv_start_gated(s, cpu, handle, 0);
}

static void
srv_open(struct srv *s)
{
	atomic_store_int(&s->gate, 1);
	wakeup(&s->gate);
}

/* Stop a server: a synchronous QUIT, which also drains what came before. */
static void
srv_stop(struct srv *s)
{
	struct tmsg q;

	srv_open(s);
	tmsg_init(&q, TOP_QUIT, NULL, 0);
	lwkt_domsg(s->port, &q.m, 0);
}

/* Sleep a tick at a time until *p is nonzero (or 10 s pass). */
static int
wait_nonzero(volatile int *p)
{
	uint64_t t0 = ticks;

	while (atomic_load_int(p) == 0 && ticks - t0 < 10 * hz)
		tsleep(__DEVOLATILE(int *, p), 0, "ktwait", 1);
	return (atomic_load_int(p) != 0);
}

static int
other_cpu(void)
{
	return (ncpus > 1 ? ncpus - 1 : 0);
}

static void
note_single_cpu(const char *what)
{
	if (ncpus == 1)
		kprintf("KTEST NOTE 1 cpu: %s runs on one CPU only\n", what);
}

/*
 * Synchronous round trips.
 */
static struct srv srv_a, srv_b;

static void
domsg_round_trip_body(struct srv *s, int n)
{
	struct tmsg t;
	int error;

	for (int i = 1; i <= n; i++) {
		tmsg_init(&t, TOP_ECHO, NULL, 0);
		t.value = i;
		error = lwkt_domsg(s->port, &t.m, 0);
		KT_ASSERT_EQ(error, ECHO_ERROR(i));
		KT_ASSERT_EQ(t.m.ms_error, ECHO_ERROR(i));
		KT_ASSERT_EQ(t.m.u.ms_result, ECHO_RESULT(i));
		KT_ASSERT_EQ(t.m.ms_state, MSGS_DONE);
		KT_ASSERT_EQ(t.m.ms_flags &
		    (MSGF_DONE | MSGF_REPLY | MSGF_SYNC),
		    MSGF_DONE | MSGF_REPLY | MSGF_SYNC);
		KT_ASSERT(t.m.ms_reply_port == &curthread->td_msgport);
		KT_ASSERT_EQ(t.ran_cpu, s->cpu);
		KT_ASSERT(t.ran_td == s->td);
	}
}

KTEST(msgport_domsg_same_cpu_round_trip_returns_handler_error, 30)
{
	KT_ASSERT_EQ(mycpuid, 0);
	srv_start(&srv_a, 0, NULL);
	domsg_round_trip_body(&srv_a, 200);
	srv_stop(&srv_a);
	ktest_join();
	KT_ASSERT_EQ(srv_a.handled, 201);
	KT_ASSERT_EQ(srv_a.bad, 0);
	KT_ASSERT_EQ(srv_a.wrong_cpu, 0);
}

KTEST(msgport_domsg_cross_cpu_round_trip_returns_handler_error, 30)
{
	note_single_cpu("cross-CPU round trip");
	srv_start(&srv_a, other_cpu(), NULL);
	domsg_round_trip_body(&srv_a, 200);
	srv_stop(&srv_a);
	ktest_join();
	KT_ASSERT_EQ(srv_a.handled, 201);
	KT_ASSERT_EQ(srv_a.bad, 0);
	KT_ASSERT_EQ(srv_a.wrong_cpu, 0);
}

/* Clients on every CPU do round trips with servers on every CPU. */
static struct srv pair_srv[MAXCPU];
static int pair_bad, pair_done;

static void
pair_client(void *arg)
{
	struct tmsg t;
	int error;

	for (int i = 0; i < 50; i++) {
		for (int c = 0; c < ncpus; c++) {
			tmsg_init(&t, TOP_ECHO, NULL, 0);
			t.value = i * 16 + c;
			error = lwkt_domsg(pair_srv[c].port, &t.m, 0);
			if (error != ECHO_ERROR(t.value) ||
			    t.m.u.ms_result != ECHO_RESULT(t.value) ||
			    t.ran_cpu != c || t.m.ms_state != MSGS_DONE)
				atomic_add_int(&pair_bad, 1);
		}
	}
	atomic_add_int(&pair_done, 1);
}

KTEST(msgport_domsg_between_every_cpu_pair_round_trips, 60)
{
	int handled = 0;

	pair_bad = pair_done = 0;
	for (int c = 0; c < ncpus; c++)
		srv_start(&pair_srv[c], c, NULL);
	for (int c = 0; c < ncpus; c++)
		ktest_spawn(pair_client, NULL, c, "pairclient");
	while (atomic_load_int(&pair_done) < ncpus)
		tsleep(&pair_done, 0, "pairs", 1);
	for (int c = 0; c < ncpus; c++)
		srv_stop(&pair_srv[c]);
	ktest_join();
	for (int c = 0; c < ncpus; c++) {
		handled += pair_srv[c].handled;
		KT_ASSERT_EQ(pair_srv[c].wrong_cpu, 0);
		KT_ASSERT_EQ(pair_srv[c].bad, 0);
	}
	KT_ASSERT_EQ(pair_bad, 0);
	KT_ASSERT_EQ(handled, ncpus * ncpus * 50 + ncpus);
}

/*
 * Asynchronous sends, one case per reply-port kind.
 */
#define NFREE	64
static struct lwkt_port free_port;
static int free_count[NFREE], free_total, free_badstate;

static void
test_freefn(lwkt_msg_t m)
{
	struct tmsg *t = (struct tmsg *)m;

	if (m->ms_state != MSGS_DONE ||
	    (m->ms_flags & (MSGF_DONE | MSGF_REPLY)) !=
	    (MSGF_DONE | MSGF_REPLY) ||
	    m->ms_error != ECHO_ERROR(t->value) ||
	    m->u.ms_result != ECHO_RESULT(t->value))
		atomic_add_int(&free_badstate, 1);
	if (t->seq >= 0 && t->seq < NFREE)
		atomic_add_int(&free_count[t->seq], 1);
	atomic_add_int(&free_total, 1);
	kfree(t, M_LWKTMSG);
}

KTEST(msgport_async_reply_to_free_port_runs_freefn_once_per_message, 30)
{
	struct tmsg *t;
	uint64_t t0;

	bzero(free_count, sizeof(free_count));
	free_total = free_badstate = 0;
	lwkt_initport_replyonly_free(&free_port, test_freefn);
	srv_start(&srv_a, other_cpu(), NULL);
	for (int i = 0; i < NFREE; i++) {
		t = kmalloc(sizeof(*t), M_LWKTMSG, M_WAITOK);
		tmsg_init(t, TOP_ECHO, &free_port, 0);
		t->seq = i;
		t->value = i;
		lwkt_sendmsg(srv_a.port, &t->m);
	}
	t0 = ticks;
	while (atomic_load_int(&free_total) < NFREE && ticks - t0 < 10 * hz)
		tsleep(&free_total, 0, "frees", 1);
	srv_stop(&srv_a);	/* FIFO: every ECHO was handled before */
	ktest_join();
	KT_ASSERT_EQ(free_total, NFREE);
	for (int i = 0; i < NFREE; i++)
		KT_ASSERT_MSG(free_count[i] == 1, "message %d freed %d times",
		    i, free_count[i]);
	KT_ASSERT_EQ(free_badstate, 0);
	KT_ASSERT_EQ(free_port.mp_cnt_reply, NFREE);
}

static struct lwkt_port done_port;

static void
async_done_body(void)
{
	static struct tmsg t1, t2;
	uint64_t t0;
	int error;

	tmsg_init(&t1, TOP_ECHO, &done_port, 0);
	t1.value = 12;
	KT_ASSERT(lwkt_checkmsg(&t1.m));	/* never sent counts as done */
	lwkt_sendmsg(srv_a.port, &t1.m);
	t0 = ticks;
	while (!lwkt_checkmsg(&t1.m) && ticks - t0 < 10 * hz)
		tsleep(&t1, 0, "done", 1);
	KT_ASSERT(lwkt_checkmsg(&t1.m));
	KT_ASSERT_EQ(t1.m.ms_state, MSGS_DONE);
	KT_ASSERT_EQ(t1.m.ms_flags & (MSGF_DONE | MSGF_REPLY),
	    MSGF_DONE | MSGF_REPLY);
	KT_ASSERT_EQ(t1.m.ms_error, ECHO_ERROR(12));
	KT_ASSERT_EQ(t1.m.u.ms_result, ECHO_RESULT(12));
	KT_ASSERT(lwkt_port_empty(&done_port));	/* nothing queues on it */

	/* lwkt_waitmsg() turns a sent message into a waited one. */
	tmsg_init(&t2, TOP_ECHO, &done_port, 0);
	t2.value = 13;
	lwkt_sendmsg(srv_a.port, &t2.m);
	error = lwkt_waitmsg(&t2.m, 0);
	KT_ASSERT_EQ(error, ECHO_ERROR(13));
	KT_ASSERT_EQ(t2.m.ms_state, MSGS_DONE);
	KT_ASSERT_EQ(t2.m.u.ms_result, ECHO_RESULT(13));
	KT_ASSERT_EQ(done_port.mp_cnt_reply, 2);
}

KTEST(msgport_async_reply_to_done_port_marks_done, 30)
{
	lwkt_initport_replyonly_done(&done_port);
	srv_start(&srv_a, other_cpu(), NULL);
	async_done_body();
	srv_stop(&srv_a);
	ktest_join();
}

#define NREPLYQ	32
static void
async_thread_port_body(struct tmsg *t)
{
	lwkt_port_t me = &curthread->td_msgport;
	lwkt_msg_t m;

	for (int i = 0; i < NREPLYQ; i++) {
		tmsg_init(&t[i], TOP_ECHO, me, 0);
		t[i].value = i;
		lwkt_sendmsg(srv_a.port, &t[i].m);
	}
	/* Replies come back on our port, in the order they were sent. */
	for (int i = 0; i < NREPLYQ; i++) {
		m = lwkt_waitport(me, 0);
		KT_ASSERT(m == &t[i].m);
		KT_ASSERT_EQ(m->ms_state, MSGS_DONE);
		KT_ASSERT(m->ms_flags & MSGF_REPLY);
		KT_ASSERT_EQ(m->ms_error, ECHO_ERROR(i));
		KT_ASSERT_EQ(m->u.ms_result, ECHO_RESULT(i));
	}
	KT_ASSERT(lwkt_getport(me) == NULL);
	/* A reply collected by lwkt_waitmsg() is pulled off the queue. */
	tmsg_init(&t[0], TOP_ECHO, me, 0);
	t[0].value = 5;
	lwkt_sendmsg(srv_a.port, &t[0].m);
	while (!lwkt_checkmsg(&t[0].m))
		tsleep(t, 0, "replyq", 1);
	KT_ASSERT_EQ(t[0].m.ms_state, MSGS_REPLYQ);
	KT_ASSERT_EQ(lwkt_waitmsg(&t[0].m, 0), ECHO_ERROR(5));
	KT_ASSERT_EQ(t[0].m.ms_state, MSGS_DONE);
	KT_ASSERT(lwkt_getport(me) == NULL);
}

KTEST(msgport_async_reply_to_thread_port_queues_reply_in_order, 30)
{
	struct tmsg *t = kmalloc(NREPLYQ * sizeof(*t), M_TEMP, M_WAITOK);

	srv_start(&srv_a, other_cpu(), NULL);
	async_thread_port_body(t);
	srv_stop(&srv_a);
	ktest_join();
	kfree(t, M_TEMP);
}

static struct lwkt_port panic_port;

KTEST_EXPECT_PANIC(msgport_reply_to_panic_port_panics,
    "replied to a panic port", 30)
{
	static struct tmsg t;

	lwkt_initport_panic(&panic_port);
	srv_start(&srv_a, other_cpu(), NULL);
	tmsg_init(&t, TOP_ECHO, &panic_port, 0);
	lwkt_sendmsg(srv_a.port, &t.m);
	tsleep(&t, 0, "panic", 5 * hz);
}

KTEST_EXPECT_PANIC(msgport_send_to_panic_port_panics,
    "put on a panic port", 30)
{
	static struct tmsg t;

	lwkt_initport_panic(&panic_port);
	lwkt_initport_replyonly_done(&done_port);
	tmsg_init(&t, TOP_ECHO, &done_port, 0);
	lwkt_sendmsg(&panic_port, &t.m);
}

KTEST_EXPECT_PANIC(msgport_send_to_reply_only_port_panics,
    "port replyonly-done is reply-only", 30)
{
	static struct tmsg t;

	lwkt_initport_replyonly_done(&done_port);
	tmsg_init(&t, TOP_ECHO, &done_port, 0);
	lwkt_sendmsg(&done_port, &t.m);
}

/*
 * Forwarding.
 */
static void
forward_body(void)
{
	struct tmsg t;
	uint64_t fwd0, put0;
	int error;

	fwd0 = srv_a.port->mp_cnt_forward;
	put0 = srv_b.port->mp_cnt_put;
	tmsg_init(&t, TOP_FORWARD, NULL, 0);
	t.value = 40;
	error = lwkt_domsg(srv_a.port, &t.m, 0);
	KT_ASSERT_EQ(error, ECHO_ERROR(40));
	KT_ASSERT_EQ(t.m.u.ms_result, ECHO_RESULT(40));
	KT_ASSERT(t.ran_td == srv_b.td);
	KT_ASSERT_EQ(t.ran_cpu, srv_b.cpu);
	KT_ASSERT(t.m.ms_target_port == srv_b.port);
	KT_ASSERT_EQ(srv_a.port->mp_cnt_forward - fwd0, 1);
	KT_ASSERT_EQ(srv_b.port->mp_cnt_put - put0, 1);
}

KTEST(msgport_forward_reaches_second_port_and_replies_to_sender, 30)
{
	note_single_cpu("forwarding across CPUs");
	srv_start(&srv_b, other_cpu(), NULL);
	srv_start(&srv_a, ncpus > 2 ? 1 : 0, NULL);
	srv_a.fwd = srv_b.port;
	forward_body();
	srv_stop(&srv_a);
	srv_stop(&srv_b);
	ktest_join();
	KT_ASSERT_EQ(srv_a.handled, 2);
	KT_ASSERT_EQ(srv_b.handled, 2);
}

/*
 * Enqueue receipts.
 */
#define NRECEIPT	400
static int receipt_bad, receipt_calls;

/* Checks the receipt contract; `expect_td` is who must be running it. */
static void
receipt_check(lwkt_msg_t m, lwkt_port_t port, struct thread *expect_td)
{
	struct tmsg *t = (struct tmsg *)m;

	if (!spin_held(&port->mp_lock) || m->ms_state != MSGS_QUEUED ||
	    m->ms_target_port != port || TAILQ_NEXT(m, ms_node) != NULL ||
	    curthread != expect_td || t->receipt_seen)
		atomic_add_int(&receipt_bad, 1);
	atomic_add_int(&receipt_calls, 1);
	/* A plain store: the receiver must see it once it can dequeue. */
	t->receipt_seen = 1;
}

static void
send_receipt(lwkt_msg_t m, lwkt_port_t port, void *arg)
{
	receipt_check(m, port, arg);
}

static void
forward_receipt(lwkt_msg_t m, lwkt_port_t port, void *arg)
{
	struct srv *from = arg;

	receipt_check(m, port, from->td);
}

/* The receiver's side: the receipt must have run before we got it. */
static int
srv_receipt_checker(struct srv *s, struct tmsg *t)
{
	if (t->op == TOP_ECHO && !t->receipt_seen)
		atomic_add_int(&s->bad, 1);
	return (srv_default(s, t));
}

static void
receipt_body(struct tmsg *t, lwkt_port_t first, int forward)
{
	lwkt_port_t me = &curthread->td_msgport;
	lwkt_msg_t m;

	for (int i = 0; i < NRECEIPT; i++) {
		tmsg_init(&t[i], forward ? TOP_FORWARD : TOP_ECHO, me, 0);
		t[i].value = i;
		if (forward)
			lwkt_sendmsg(first, &t[i].m);
		else
			lwkt_sendmsg_receipt(first, &t[i].m, send_receipt,
			    curthread);
	}
	for (int i = 0; i < NRECEIPT; i++) {
		m = lwkt_waitport(me, 0);
		KT_ASSERT(m != NULL && ((struct tmsg *)m)->receipt_seen);
		KT_ASSERT_EQ(m->u.ms_result,
		    ECHO_RESULT(((struct tmsg *)m)->value));
	}
	KT_ASSERT_EQ(receipt_calls, NRECEIPT);
	KT_ASSERT_EQ(receipt_bad, 0);
}

KTEST(msgport_receipt_runs_locked_after_enqueue_before_dequeue, 60)
{
	struct tmsg *t = kmalloc(NRECEIPT * sizeof(*t), M_TEMP, M_WAITOK);

	note_single_cpu("a receiver racing the receipt");
	receipt_bad = receipt_calls = 0;
	srv_start(&srv_b, other_cpu(), srv_receipt_checker);
	receipt_body(t, srv_b.port, 0);
	srv_stop(&srv_b);
	ktest_join();
	kfree(t, M_TEMP);
	KT_ASSERT_EQ(srv_b.bad, 0);
}

KTEST(msgport_forward_receipt_runs_locked_on_new_port_before_dequeue, 60)
{
	struct tmsg *t = kmalloc(NRECEIPT * sizeof(*t), M_TEMP, M_WAITOK);
	uint64_t forwards;

	note_single_cpu("a receiver racing the receipt");
	receipt_bad = receipt_calls = 0;
	srv_start(&srv_b, other_cpu(), srv_receipt_checker);
	srv_start(&srv_a, ncpus > 2 ? 1 : 0, NULL);
	srv_a.fwd = srv_b.port;
	srv_a.fwd_receipt = forward_receipt;
	receipt_body(t, srv_a.port, 1);
	forwards = srv_a.port->mp_cnt_forward;	/* gone after the join */
	srv_stop(&srv_a);
	srv_stop(&srv_b);
	ktest_join();
	kfree(t, M_TEMP);
	KT_ASSERT_EQ(srv_b.bad, 0);
	KT_ASSERT_EQ(forwards, NRECEIPT);
}

/*
 * Receipt order is queue order: a counter bumped by each receipt (under
 * the port lock, so a plain increment) must come out of the queue in
 * sequence, whatever the senders' CPUs.
 */
#define NORDER_SENDERS	(2 * ncpus)
#define NORDER_MSGS	150
static int order_counter, order_done;

static void
order_receipt(lwkt_msg_t m, lwkt_port_t port, void *arg)
{
	((struct tmsg *)m)->receipt_seq = order_counter++;
}

/* Each sender's messages arrive in the order it sent them. */
static int
srv_fifo_checker(struct srv *s, struct tmsg *t)
{
	if (t->op == TOP_ECHO) {
		if (t->seq != s->next_seq[t->sender])
			atomic_add_int(&s->bad, 1);
		s->next_seq[t->sender] = t->seq + 1;
	}
	return (srv_default(s, t));
}

/* ... and receipts ran in the order messages are dequeued. */
static int
srv_order_checker(struct srv *s, struct tmsg *t)
{
	if (t->op == TOP_ECHO) {
		if (t->receipt_seq != s->next_receipt_seq)
			atomic_add_int(&s->bad, 1);
		s->next_receipt_seq = t->receipt_seq + 1;
	}
	return (srv_fifo_checker(s, t));
}

static void
order_sender(void *arg)
{
	int me = (int)(intptr_t)arg;
	lwkt_port_t rport = &curthread->td_msgport;
	struct tmsg *t = kmalloc(NORDER_MSGS * sizeof(*t), M_TEMP, M_WAITOK);

	for (int i = 0; i < NORDER_MSGS; i++) {
		tmsg_init(&t[i], TOP_ECHO, rport, 0);
		t[i].sender = me;
		t[i].seq = i;
		lwkt_sendmsg_receipt(srv_a.port, &t[i].m, order_receipt, NULL);
	}
	for (int i = 0; i < NORDER_MSGS; i++)
		if (lwkt_waitport(rport, 0) != &t[i].m)
			atomic_add_int(&srv_a.bad, 1);
	kfree(t, M_TEMP);
	atomic_add_int(&order_done, 1);
}

KTEST(msgport_receipts_run_in_queue_order_and_each_sender_stays_fifo, 60)
{
	order_counter = order_done = 0;
	srv_start_gated(&srv_a, 0, srv_order_checker, 1);
	for (int i = 0; i < NORDER_SENDERS; i++)
		ktest_spawn(order_sender, (void *)(intptr_t)i, i % ncpus,
		    "order");
	/* Let a queue build up before the server starts, then race it. */
	tsleep(&order_done, 0, "build", 2);
	srv_open(&srv_a);
	while (atomic_load_int(&order_done) < NORDER_SENDERS)
		tsleep(&order_done, 0, "order", 1);
	srv_stop(&srv_a);
	ktest_join();
	KT_ASSERT_EQ(srv_a.bad, 0);
	KT_ASSERT_EQ(order_counter, NORDER_SENDERS * NORDER_MSGS);
	KT_ASSERT_EQ(srv_a.handled, NORDER_SENDERS * NORDER_MSGS + 1);
	for (int i = 0; i < NORDER_SENDERS; i++)
		KT_ASSERT_EQ(srv_a.next_seq[i], NORDER_MSGS);
}

/* FIFO from one sender, through a port whose owner is on another CPU. */
#define NFIFO	1000
static void
fifo_body(struct tmsg *t)
{
	lwkt_port_t me = &curthread->td_msgport;

	for (int i = 0; i < NFIFO; i++) {
		tmsg_init(&t[i], TOP_ECHO, me, 0);
		t[i].sender = 0;
		t[i].seq = i;
		lwkt_sendmsg(srv_a.port, &t[i].m);
	}
	for (int i = 0; i < NFIFO; i++)
		KT_ASSERT(lwkt_waitport(me, 0) == &t[i].m);
}

KTEST(msgport_messages_from_one_sender_arrive_in_order, 60)
{
	struct tmsg *t = kmalloc(NFIFO * sizeof(*t), M_TEMP, M_WAITOK);
	uint64_t replies0 = curthread->td_msgport.mp_cnt_reply, puts;

	srv_start(&srv_a, other_cpu(), srv_fifo_checker);
	fifo_body(t);
	puts = srv_a.port->mp_cnt_put;	/* the port goes with its thread */
	srv_stop(&srv_a);
	ktest_join();
	kfree(t, M_TEMP);
	KT_ASSERT_EQ(srv_a.bad, 0);
	KT_ASSERT_EQ(srv_a.next_seq[0], NFIFO);
	KT_ASSERT_EQ(puts, NFIFO);
	/* NFIFO queued replies, and the QUIT's synchronous one. */
	KT_ASSERT_EQ(curthread->td_msgport.mp_cnt_reply - replies0, NFIFO + 1);
}

/*
 * Abort.
 */
static struct tmsg abort_msg;
static int abort_client_error, abort_client_done;

static void
abort_client(void *arg)
{
	struct srv *s = arg;

	abort_client_error = lwkt_domsg(s->port, &abort_msg.m, 0);
	atomic_store_int(&abort_client_done, 1);
	wakeup(&abort_client_done);
}

static void
abort_queued_body(void)
{
	uint64_t t0 = ticks;
	int rc;

	/* The server is gated: the message stays on its queue. */
	while (atomic_load_int(&abort_msg.m.ms_state) != MSGS_QUEUED &&
	    ticks - t0 < 10 * hz)
		tsleep(&abort_msg, 0, "queued", 1);
	KT_ASSERT_EQ(abort_msg.m.ms_state, MSGS_QUEUED);
	rc = lwkt_abortmsg(&abort_msg.m);
	KT_ASSERT_EQ(rc, 0);
	KT_ASSERT(wait_nonzero(&abort_client_done));
	KT_ASSERT_EQ(abort_client_error, ECANCELED);
	KT_ASSERT_EQ(abort_msg.m.ms_state, MSGS_DONE);
	KT_ASSERT(abort_msg.m.ms_flags & MSGF_ABORTED);
	KT_ASSERT(lwkt_port_empty(srv_a.port));
	KT_ASSERT_EQ(srv_a.port->mp_cnt_abort, 1);
	KT_ASSERT_EQ(lwkt_abortmsg(&abort_msg.m), EALREADY);
}

KTEST(msgport_abort_of_queued_message_replies_ECANCELED, 30)
{
	abort_client_error = -1;
	abort_client_done = 0;
	srv_start_gated(&srv_a, other_cpu(), NULL, 1);
	tmsg_init(&abort_msg, TOP_ECHO, NULL, MSGF_ABORTABLE);
	abort_msg.value = 3;
	ktest_spawn(abort_client, &srv_a, ncpus > 2 ? 1 : 0, "abortclient");
	abort_queued_body();
	srv_stop(&srv_a);
	ktest_join();
	/* The handler never saw it: only the QUIT was handled. */
	KT_ASSERT_EQ(srv_a.handled, 1);
}

static void
abort_running_body(void)
{
	int rc;

	KT_ASSERT(wait_nonzero(&abort_msg.processing));
	KT_ASSERT_EQ(abort_msg.m.ms_state, MSGS_RECEIVED);
	rc = lwkt_abortmsg(&abort_msg.m);
	KT_ASSERT_EQ(rc, EINPROGRESS);
	KT_ASSERT(wait_nonzero(&abort_client_done));
	/* The handler noticed and replied early, with its own choice. */
	KT_ASSERT_EQ(abort_client_error, ECANCELED);
	KT_ASSERT_EQ(abort_msg.m.ms_state, MSGS_DONE);
	KT_ASSERT_EQ(lwkt_abortmsg(&abort_msg.m), EALREADY);
}

KTEST(msgport_abort_of_message_being_handled_sets_MSGF_ABORTED, 30)
{
	abort_client_error = -1;
	abort_client_done = 0;
	srv_start(&srv_a, other_cpu(), NULL);
	tmsg_init(&abort_msg, TOP_SLOW, NULL, MSGF_ABORTABLE);
	ktest_spawn(abort_client, &srv_a, ncpus > 2 ? 1 : 0, "abortclient");
	abort_running_body();
	srv_stop(&srv_a);
	ktest_join();
	KT_ASSERT_EQ(srv_a.handled, 2);
}

KTEST_EXPECT_PANIC(msgport_abort_of_unabortable_message_panics,
    "is not abortable", 30)
{
	static struct tmsg t;

	lwkt_initport_replyonly_done(&done_port);
	tmsg_init(&t, TOP_ECHO, &done_port, 0);
	lwkt_abortmsg(&t.m);
}

/*
 * Ownership assertions.
 */
KTEST_EXPECT_PANIC(msgport_double_reply_panics,
    "lwkt_replymsg: message in state DONE, expected RECEIVED", 30)
{
	static struct tmsg t;

	lwkt_initport_replyonly_done(&done_port);
	srv_start(&srv_a, other_cpu(), NULL);
	tmsg_init(&t, TOP_TWICE, &done_port, 0);
	lwkt_sendmsg(srv_a.port, &t.m);
	tsleep(&t, 0, "panic", 5 * hz);
}

KTEST_EXPECT_PANIC(msgport_send_of_queued_message_panics,
    "lwkt_sendmsg: message in state QUEUED, expected IDLE or DONE", 30)
{
	static struct tmsg t;

	lwkt_initport_replyonly_done(&done_port);
	srv_start_gated(&srv_a, other_cpu(), NULL, 1);
	tmsg_init(&t, TOP_ECHO, &done_port, 0);
	lwkt_sendmsg(srv_a.port, &t.m);
	lwkt_sendmsg(srv_a.port, &t.m);
}

KTEST_EXPECT_PANIC(msgport_forward_of_unreceived_message_panics,
    "lwkt_forwardmsg: message in state IDLE, expected RECEIVED", 30)
{
	static struct tmsg t;

	lwkt_initport_replyonly_done(&done_port);
	srv_start_gated(&srv_a, other_cpu(), NULL, 1);
	tmsg_init(&t, TOP_ECHO, &done_port, 0);
	lwkt_forwardmsg(srv_a.port, &t.m);
}

KTEST_EXPECT_PANIC(msgport_domsg_to_own_port_panics,
    "sends a synchronous message to its own port", 30)
{
	static struct tmsg t;

	tmsg_init(&t, TOP_ECHO, NULL, 0);
	lwkt_domsg(&curthread->td_msgport, &t.m, 0);
}
