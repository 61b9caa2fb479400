/*
 * kern/lwkt_msgport.c: LWKT messages and message ports.
 *
 * Entry points (sys/msgport.h): lwkt_initport_{thread,replyonly_free,
 * replyonly_done,panic}, lwkt_initmsg, lwkt_sendmsg[_receipt], lwkt_domsg,
 * lwkt_forwardmsg[_receipt], lwkt_replymsg, lwkt_waitmsg, lwkt_waitport,
 * lwkt_getport, lwkt_abortmsg, lwkt_checkmsg.  lwkt_create() calls
 * lwkt_initport_thread() for every new thread's td_msgport.  Callers: the
 * netisr layer (sys/net/netisr.c) and, through it, the socket layer.
 *
 * Owns: nothing global.  Each port owns its queue under its spinlock
 * (SPINRANK_PORT); each message is owned by whoever its ms_state names.
 * Lock order: mp_lock -> (ssleep's sleep-queue lock).  wakeup() is called
 * after mp_lock is dropped.  No sleeping with mp_lock held except through
 * ssleep()'s interlock.  Callable from thread context only.
 *
 * ======================================================================
 * THEORY OF OPERATION
 * ======================================================================
 *
 * Background
 * ----------
 * Damselfly's socket layer gives every piece of protocol state one owner,
 * a protocol thread ("netisr N") bound to CPU N.  Anyone else who wants
 * that state read or changed asks the owner with a message.  A message
 * port is the mailbox; a message is a small header (struct lwkt_msg)
 * placed first in a larger request (struct netmsg_*).  Messages are never
 * allocated here: the sender provides the memory (often on its stack for
 * a synchronous request), so sending cannot fail and needs no memory.
 *
 * Who owns a message, and when
 * ----------------------------
 * At any instant a message belongs to exactly one party, written in
 * ms_state, and only that party may touch it.  The transitions:
 *
 *   lwkt_initmsg
 *        |
 *        v                  send (putport, under the target's lock)
 *     [IDLE] ------------------------------------------+
 *                                                      v
 *     [DONE] -- send again -----------------------> [QUEUED] <--+
 *       ^  ^                                           |        |
 *       |  |                dequeue by the owner       |        | forward
 *       |  |                (getport, waitport), abort v        |
 *       |  |                                      [RECEIVED] ---+
 *       |  |  reply: SYNC, or a done/free port         |
 *       |  +-------------------------------------------+
 *       |                                              | reply: async,
 *       |  dequeue by the reply port's owner,          | thread port
 *       |  or lwkt_waitmsg() pulls it off              v
 *       +------------------------------------------ [REPLYQ]
 *
 *   (An mp_dosync hook may also take IDLE/DONE straight to RECEIVED.)
 *
 *   IDLE/DONE  the sender.  It may fill the message in and send it.
 *   QUEUED     the target port: the message sits on mp_msgq and nobody
 *              but the port (under mp_lock) may touch it.
 *   RECEIVED   the handler that dequeued it.  It must eventually reply
 *              or forward it; until then the sender must not touch it.
 *   REPLYQ     the reply port: the reply sits on its queue.
 *   DONE       the sender again (MSGF_DONE|MSGF_REPLY are set).
 *
 * Every function asserts the state it expects before it moves a message
 * on: replying a message that is not RECEIVED panics (so does a double
 * reply), sending a message that is QUEUED or RECEIVED panics, and so on.
 * The asserted state is re-checked under the port lock where two parties
 * could race.  The practical rule for callers: once you have handed a
 * message on (send, forward, reply), do not look at it again, because its
 * next owner may already have replied to it and freed it.  This file
 * follows the rule too: after a message is queued or marked done, only
 * the port (never the message) is touched, and a wakeup on the message's
 * address uses the address as a sleep channel only, never dereferencing
 * it (a stale wakeup is harmless: every sleeper re-checks its condition).
 *
 * Port kinds
 * ----------
 * A port is a queue plus two behaviours, mp_putport (what sending means)
 * and mp_replyport (what replying means), chosen by lwkt_initport_*():
 *
 *   thread         Messages queue FIFO on the port; the owning thread
 *                  (mp_td, only it) takes them with lwkt_waitport (sleeps
 *                  while empty) or lwkt_getport (does not).  Asynchronous
 *                  replies queue on it as REPLYQ; synchronous replies
 *                  (MSGF_SYNC) do not queue: they mark the message DONE and
 *                  wake the waiter.  Every thread has one, td_msgport.
 *   replyonly_done A reply marks the message DONE (and wakes a waiter in
 *                  lwkt_waitmsg); nothing queues.  For "fire, then poll
 *                  with lwkt_checkmsg or wait later" senders.
 *   replyonly_free A reply hands the message to mp_freefn, which frees it.
 *                  For fire-and-forget requests.  Nobody may wait for such
 *                  a message: it does not exist after the reply.
 *   panic          Anything put or replied to it panics: the reply port of
 *                  messages that must never be replied (and a tripwire).
 *
 * Putting to a reply-only port panics: they receive replies only.
 *
 * A kind may also supply mp_dosync, which lwkt_domsg() calls instead of
 * "put, then wait".  Netisr ports use it (sys/net/netisr.c) to enforce
 * their deadlock rule and to run some requests inline; such a hook still
 * moves the message through the states above, using
 * lwkt_msg_receive_inline() (IDLE/DONE -> RECEIVED, asserted) when it
 * hands the message straight to a handler instead of queueing it.
 *
 * Synchronous and asynchronous use
 * --------------------------------
 * lwkt_sendmsg() queues a message and returns; the reply arrives later on
 * the reply port chosen at lwkt_initmsg() time.  lwkt_domsg() sends and
 * waits: it makes the caller's own port (curthread->td_msgport) the reply
 * port, sets MSGF_SYNC, and sleeps on the message until the replier marks
 * it DONE.  lwkt_waitmsg() turns an asynchronous message into a waited
 * one after the fact: it sets MSGF_SYNC under the reply port's lock, so a
 * replier either saw the flag (and will wake us) or had already queued the
 * reply (and we pull it off the reply queue ourselves).
 *
 * No lost wakeups.  Both sleeps use ssleep() with the port's mp_lock as
 * the interlock, and both wakers change the condition under that lock:
 *
 *   waiter (owner of port P)            putter / replier
 *   ------------------------            ----------------
 *   lock P
 *   queue empty? / msg not DONE?
 *   set MSGPORTF_WAITING (port case)
 *   ssleep(chan, &P->mp_lock): on the
 *     sleep queue, then P unlocked
 *                                       lock P
 *                                       queue msg / mark DONE
 *                                       WAITING? clear it, remember
 *                                       unlock P
 *                                       wakeup(chan)
 *   relock P, re-check, dequeue
 *
 * The putter cannot slip between the waiter's check and its sleep,
 * because the check and the putter's change both happen under P.  The
 * waiter returns only after re-taking P, so it never frees its message
 * (or exits, freeing its port) while the replier still holds P.
 *
 * Cross-CPU delivery
 * ------------------
 * There is nothing CPU-specific here: a port's lock is an ordinary
 * spinlock any CPU can take.  A putter on CPU A wakes an owner bound to
 * CPU B through wakeup(), which makes the thread runnable on B with
 * lwkt_schedule(); that sends B an IPI when B is idle.  The owner runs the
 * handler on its own CPU, which is the point of the exercise.
 *
 * Forwarding and enqueue receipts
 * -------------------------------
 * A handler that is not the right owner passes the message on with
 * lwkt_forwardmsg() (RECEIVED -> QUEUED on the new port); the reply still
 * goes to the original sender.  lwkt_sendmsg_receipt() and
 * lwkt_forwardmsg_receipt() also run receipt(msg, port, arg) under the
 * target port's lock right after the message is queued, before the
 * target's owner can possibly dequeue it.  The socket layer uses this to
 * move a socket between netisrs (socket-layer.md section 5): so_port is
 * switched to the new owner in the receipt.  The race it closes:
 *
 *   netisr A (old owner)          netisr B (new owner)     user thread U
 *   --------------------          --------------------     -------------
 *   handles m1 (connect),
 *   unlinks the pcb
 *   forwardmsg_receipt(B, m1):
 *     lock B, queue m1,
 *     receipt: so_port = B,
 *     unlock B
 *                                                          so_port is B:
 *                                                          send m2 to B
 *                                 dequeues m1, then m2
 *
 *   * Without a receipt, writing so_port = B before queueing m1 would let
 *     U queue m2 on B ahead of m1 (m2 handled before the connect).
 *   * Writing so_port = B after unlocking B would let B dequeue m1, move
 *     the socket on again (so_port = C), and then A's late store would
 *     overwrite C with B: a stale owner.  Inside the receipt, B cannot
 *     have dequeued m1 yet, so every later change by B comes after ours.
 *   * A message U queued on A before the switch reaches A after m1 was
 *     forwarded; A sees so_port != A and forwards it too ("port
 *     chasing"), so it lands on B behind m1.  Per-socket FIFO holds.
 *
 * Receipts run in queue order (both happen under the same lock), so the
 * order receipts observe is the order receivers will dequeue in.
 *
 * Abort
 * -----
 * lwkt_abortmsg() lets a waiting sender give up on a MSGF_ABORTABLE
 * message without breaking ownership:
 *   * still QUEUED on its target: it is removed from the queue (under the
 *     target's lock, after checking ms_target_port is still that port) and
 *     replied with ECANCELED; returns 0.
 *   * RECEIVED (a handler owns it): MSGF_ABORTED is set; the handler may
 *     notice (lwkt_msg_aborted()) and reply early; returns EINPROGRESS.
 *   * already replied: nothing to do; returns EALREADY.
 * In every case the waiter still waits for the reply, so no message
 * outlives its sender's wait and no handler is left holding a message
 * whose memory went away.  ECANCELED rather than EINTR: the message layer
 * says what happened to the request; whether the system call reports
 * EINTR or restarts is the signal code's decision.  Hook for signals
 * (not wired yet, there are no signals): lwkt_waitmsg() with PCATCH,
 * when ssleep() returns EINTR/ERESTART, aborts an abortable message and
 * keeps waiting without PCATCH.  Messages that must be delivered (one
 * that drops a socket reference, say) are simply not MSGF_ABORTABLE.
 *
 * Alternatives rejected
 * ---------------------
 *   * Lock-free (MPSC) queues: they make "queued" and "visible to the
 *     receiver" two different moments, which is exactly what receipts and
 *     abort need to be one; hold times here are a few stores.
 *   * Enqueue by IPI on the owner's CPU (DragonFly's cross-CPU path):
 *     costs an interrupt per message even when the owner is busy and
 *     would find the message anyway; under TCG an IPI is expensive.
 *   * A private deschedule/schedule handshake for port waits instead of
 *     ssleep/wakeup: duplicates the scheduler's lost-wakeup logic.
 *   * An abort callback run by the aborter (ms_abortfn): it would run
 *     concurrently with the handler that owns the message; a flag the
 *     owner reads keeps a single owner.
 *   * Always queueing replies, even synchronous ones: costs the waiter a
 *     dequeue and makes it share its port's queue with unrelated traffic.
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
#include <machine/atomic.h>

MALLOC_DEFINE(M_LWKTMSG, "lwkt_msg", "LWKT messages freed on reply");

static const char *const msgstate_names[] = {
	[MSGS_IDLE] = "IDLE",
	[MSGS_QUEUED] = "QUEUED",
	[MSGS_RECEIVED] = "RECEIVED",
	[MSGS_REPLYQ] = "REPLYQ",
	[MSGS_DONE] = "DONE",
};

const char *
lwkt_msg_state_name(int state)
{
	if (state < 0 || state >= (int)nitems(msgstate_names))
		return ("BAD");
	return (msgstate_names[state]);
}

/* The panic text leads with the operation and the states (ktest matches). */
#define MSG_ASSERT_STATE(msg, st, op)					\
	KASSERT((msg)->ms_state == (st),				\
	    ("%s: message in state %s, expected %s (msg %p)", (op),	\
	    lwkt_msg_state_name((msg)->ms_state),			\
	    lwkt_msg_state_name(st), (msg)))

#define MSG_SENDER_OWNS(msg)						\
	((msg)->ms_state == MSGS_IDLE || (msg)->ms_state == MSGS_DONE)
#define MSG_ASSERT_SENDER_OWNS(msg, op)					\
	KASSERT(MSG_SENDER_OWNS(msg),					\
	    ("%s: message in state %s, expected IDLE or DONE (msg %p)",	\
	    (op), lwkt_msg_state_name((msg)->ms_state), (msg)))

#define PORT_ASSERT_OWNER(port, op)					\
	KASSERT((port)->mp_td == curthread,				\
	    ("%s: thread %s does not own port %s", (op),		\
	    curthread->td_comm, (port)->mp_name))

static void	thread_putport(lwkt_port_t, lwkt_msg_t, lwkt_receipt_t,
		    void *);
static void	thread_replyport(lwkt_port_t, lwkt_msg_t);
static void	replyonly_putport(lwkt_port_t, lwkt_msg_t, lwkt_receipt_t,
		    void *);
static void	done_replyport(lwkt_port_t, lwkt_msg_t);
static void	free_replyport(lwkt_port_t, lwkt_msg_t);
static void	panic_putport(lwkt_port_t, lwkt_msg_t, lwkt_receipt_t,
		    void *);
static void	panic_replyport(lwkt_port_t, lwkt_msg_t);

/*
 * Port initialisation.
 */
static void
port_init_common(lwkt_port_t port, const char *name)
{
	spin_init(&port->mp_lock, "msgport", SPINRANK_PORT);
	TAILQ_INIT(&port->mp_msgq);
	port->mp_td = NULL;
	port->mp_flags = 0;
	port->mp_cpuid = -1;
	port->mp_name = name;
	port->mp_putport = NULL;
	port->mp_replyport = NULL;
	port->mp_freefn = NULL;
	port->mp_dosync = NULL;
	port->mp_priv = NULL;
	port->mp_cnt_put = 0;
	port->mp_cnt_reply = 0;
	port->mp_cnt_forward = 0;
	port->mp_cnt_abort = 0;
}

/* Called by lwkt_create() for td->td_msgport, before td first runs. */
void
lwkt_initport_thread(lwkt_port_t port, struct thread *td)
{
	port_init_common(port, td->td_comm);
	port->mp_td = td;
	port->mp_cpuid = td->td_gd != NULL ? td->td_gd->gd_cpuid : -1;
	port->mp_putport = thread_putport;
	port->mp_replyport = thread_replyport;
}

void
lwkt_initport_replyonly_free(lwkt_port_t port, void (*freefn)(lwkt_msg_t))
{
	KASSERT(freefn != NULL, ("lwkt_initport_replyonly_free: no freefn"));
	port_init_common(port, "replyonly-free");
	port->mp_putport = replyonly_putport;
	port->mp_replyport = free_replyport;
	port->mp_freefn = freefn;
}

void
lwkt_initport_replyonly_done(lwkt_port_t port)
{
	port_init_common(port, "replyonly-done");
	port->mp_putport = replyonly_putport;
	port->mp_replyport = done_replyport;
}

void
lwkt_initport_panic(lwkt_port_t port)
{
	port_init_common(port, "panic");
	port->mp_putport = panic_putport;
	port->mp_replyport = panic_replyport;
}

int
lwkt_port_is_thread(lwkt_port_t port)
{
	return (port->mp_replyport == thread_replyport);
}

int
lwkt_port_frees_on_reply(lwkt_port_t port)
{
	return (port->mp_replyport == free_replyport);
}

/*
 * Queue helpers.  The caller holds port->mp_lock.
 */

/* Take the owner's "I am asleep in lwkt_waitport" note; 1 if it was set. */
static int
port_take_waiter_locked(lwkt_port_t port)
{
	if ((port->mp_flags & MSGPORTF_WAITING) == 0)
		return (0);
	port->mp_flags &= ~MSGPORTF_WAITING;
	return (1);
}

/* Dequeue the head: a request becomes RECEIVED, a reply DONE. */
static lwkt_msg_t
port_dequeue_locked(lwkt_port_t port)
{
	lwkt_msg_t msg;

	msg = TAILQ_FIRST(&port->mp_msgq);
	if (msg == NULL)
		return (NULL);
	TAILQ_REMOVE(&port->mp_msgq, msg, ms_node);
	if (msg->ms_state == MSGS_QUEUED) {
		msg->ms_state = MSGS_RECEIVED;
	} else {
		MSG_ASSERT_STATE(msg, MSGS_REPLYQ, "lwkt_getport");
		msg->ms_state = MSGS_DONE;
	}
	return (msg);
}

/*
 * Port kinds: what putting and replying mean.
 */
static void
thread_putport(lwkt_port_t port, lwkt_msg_t msg, lwkt_receipt_t receipt,
    void *arg)
{
	int wake;

	spin_lock(&port->mp_lock);
	KASSERT(msg->ms_target_port == port,
	    ("putport: message %p targets %p, not port %s", msg,
	    msg->ms_target_port, port->mp_name));
	msg->ms_state = MSGS_QUEUED;
	TAILQ_INSERT_TAIL(&port->mp_msgq, msg, ms_node);
	atomic_add_long(&port->mp_cnt_put, 1);
	if (receipt != NULL)
		receipt(msg, port, arg);
	wake = port_take_waiter_locked(port);
	spin_unlock(&port->mp_lock);
	/* From here on msg may be another thread's (or freed). */
	if (wake)
		wakeup(port);
}

/*
 * Replies to thread and done ports.  The caller holds port->mp_lock; both
 * drop it.  A reply the sender waits for (MSGF_SYNC, set before sending
 * or by lwkt_waitmsg() under this same lock) is marked DONE and the waiter
 * woken; otherwise a thread port queues it (REPLYQ) for its owner and a
 * done port just marks it DONE.
 */
static void
reply_locked(lwkt_port_t port, lwkt_msg_t msg, int queue)
{
	int sync, wake = 0;

	MSG_ASSERT_STATE(msg, MSGS_RECEIVED, "lwkt_replymsg");
	atomic_add_long(&port->mp_cnt_reply, 1);
	sync = (msg->ms_flags & MSGF_SYNC) != 0;
	if (queue && !sync) {
		msg->ms_state = MSGS_REPLYQ;
		TAILQ_INSERT_TAIL(&port->mp_msgq, msg, ms_node);
		wake = port_take_waiter_locked(port);
	} else {
		msg->ms_state = MSGS_DONE;
	}
	atomic_set_int(&msg->ms_flags, MSGF_DONE | MSGF_REPLY);
	spin_unlock(&port->mp_lock);
	/* The waiter may be gone with msg already: a channel, not a pointer. */
	if (sync)
		wakeup(msg);
	if (wake)
		wakeup(port);
}

static void
thread_replyport(lwkt_port_t port, lwkt_msg_t msg)
{
	spin_lock(&port->mp_lock);
	reply_locked(port, msg, 1);
}

static void
done_replyport(lwkt_port_t port, lwkt_msg_t msg)
{
	spin_lock(&port->mp_lock);
	reply_locked(port, msg, 0);
}

static void
free_replyport(lwkt_port_t port, lwkt_msg_t msg)
{
	KASSERT((msg->ms_flags & MSGF_SYNC) == 0,
	    ("lwkt_replymsg: message %p was waited for but replies to a "
	    "free-on-reply port", msg));
	MSG_ASSERT_STATE(msg, MSGS_RECEIVED, "lwkt_replymsg");
	atomic_add_long(&port->mp_cnt_reply, 1);
	msg->ms_state = MSGS_DONE;
	atomic_set_int(&msg->ms_flags, MSGF_DONE | MSGF_REPLY);
	port->mp_freefn(msg);
}

static void
replyonly_putport(lwkt_port_t port, lwkt_msg_t msg, lwkt_receipt_t receipt,
    void *arg)
{
	panic("lwkt_sendmsg: port %s is reply-only (msg %p)", port->mp_name,
	    msg);
}

static void
panic_putport(lwkt_port_t port, lwkt_msg_t msg, lwkt_receipt_t receipt,
    void *arg)
{
	panic("lwkt_sendmsg: message %p put on a panic port", msg);
}

static void
panic_replyport(lwkt_port_t port, lwkt_msg_t msg)
{
	panic("lwkt_replymsg: message %p replied to a panic port", msg);
}

/*
 * Messages.
 */
void
lwkt_initmsg(lwkt_msg_t msg, lwkt_port_t rport, u_int flags)
{
	KASSERT((flags & ~MSGF_ABORTABLE) == 0,
	    ("lwkt_initmsg: flags %#x not settable", flags));
	msg->ms_target_port = NULL;
	msg->ms_reply_port = rport;
	msg->ms_flags = MSGF_DONE | flags;
	msg->ms_state = MSGS_IDLE;
	msg->ms_error = 0;
	msg->u.ms_result = 0;
}

/* Common to every first send: the sender owns msg and gives it away. */
static void
msg_begin_send(lwkt_port_t port, lwkt_msg_t msg, const char *op)
{
	KASSERT(port != NULL, ("%s: NULL port", op));
	MSG_ASSERT_SENDER_OWNS(msg, op);
	KASSERT(msg->ms_reply_port != NULL,
	    ("%s: message %p has no reply port", op, msg));
	atomic_clear_int(&msg->ms_flags,
	    MSGF_DONE | MSGF_REPLY | MSGF_SYNC | MSGF_ABORTED);
	msg->ms_error = 0;
	atomic_store_ptr(&msg->ms_target_port, port);
}

void
lwkt_sendmsg(lwkt_port_t port, lwkt_msg_t msg)
{
	lwkt_sendmsg_receipt(port, msg, NULL, NULL);
}

void
lwkt_sendmsg_receipt(lwkt_port_t port, lwkt_msg_t msg, lwkt_receipt_t receipt,
    void *arg)
{
	msg_begin_send(port, msg, "lwkt_sendmsg");
	port->mp_putport(port, msg, receipt, arg);
}

/*
 * Send and wait for the reply; returns the reply's ms_error.  The reply
 * port is the caller's own td_msgport, whatever lwkt_initmsg() said.
 * flags: PCATCH (see "Abort" above).
 */
int
lwkt_domsg(lwkt_port_t port, lwkt_msg_t msg, int flags)
{
	struct thread *td = curthread;

	MSG_ASSERT_SENDER_OWNS(msg, "lwkt_domsg");
	msg->ms_reply_port = &td->td_msgport;
	msg_begin_send(port, msg, "lwkt_domsg");
	atomic_set_int(&msg->ms_flags, MSGF_SYNC);
	if (port->mp_dosync != NULL)
		return (port->mp_dosync(port, msg, flags));

	KASSERT(port->mp_td != td,
	    ("lwkt_domsg: thread %s sends a synchronous message to its own "
	    "port", td->td_comm));
	/* Assert before, not only if it happens to sleep. */
	ASSERT_MAY_SLEEP();
	port->mp_putport(port, msg, NULL, NULL);
	return (lwkt_waitmsg(msg, flags));
}

void
lwkt_msg_receive_inline(lwkt_port_t port, lwkt_msg_t msg)
{
	KASSERT(port->mp_dosync != NULL && (msg->ms_flags & MSGF_SYNC),
	    ("lwkt_msg_receive_inline: only for synchronous messages to a "
	    "port with mp_dosync"));
	KASSERT(msg->ms_target_port == port,
	    ("lwkt_msg_receive_inline: message %p targets another port", msg));
	MSG_ASSERT_SENDER_OWNS(msg, "lwkt_msg_receive_inline");
	msg->ms_state = MSGS_RECEIVED;
}

/*
 * A handler that runs another handler itself (the socket layer's
 * so_pru_X_direct: the caller already owns what the message names):
 * the message goes straight from idle to received, as if port's thread
 * had taken it, without being queued.  The handler replies as usual.
 */
void
lwkt_msg_receive_direct(lwkt_port_t port, lwkt_msg_t msg)
{
	KASSERT(port->mp_td == curthread || port->mp_dosync != NULL,
	    ("lwkt_msg_receive_direct: %s does not serve port %s",
	    curthread->td_comm, port->mp_name));
	msg_begin_send(port, msg, "lwkt_msg_receive_direct");
	msg->ms_state = MSGS_RECEIVED;
}

void
lwkt_forwardmsg(lwkt_port_t port, lwkt_msg_t msg)
{
	lwkt_forwardmsg_receipt(port, msg, NULL, NULL);
}

void
lwkt_forwardmsg_receipt(lwkt_port_t port, lwkt_msg_t msg,
    lwkt_receipt_t receipt, void *arg)
{
	lwkt_port_t from;

	KASSERT(port != NULL, ("lwkt_forwardmsg: NULL port"));
	MSG_ASSERT_STATE(msg, MSGS_RECEIVED, "lwkt_forwardmsg");
	from = msg->ms_target_port;
	if (from != NULL)
		atomic_add_long(&from->mp_cnt_forward, 1);
	atomic_store_ptr(&msg->ms_target_port, port);
	port->mp_putport(port, msg, receipt, arg);
}

void
lwkt_replymsg(lwkt_msg_t msg, int error)
{
	lwkt_port_t rport;

	MSG_ASSERT_STATE(msg, MSGS_RECEIVED, "lwkt_replymsg");
	rport = msg->ms_reply_port;
	msg->ms_error = error;
	rport->mp_replyport(rport, msg);
}

/*
 * Wait for the reply to a message sent earlier (or return at once if it
 * came already, or if it was never sent).  The caller is the sender and
 * owns the reply port when it is a thread port.  Returns ms_error.
 */
int
lwkt_waitmsg(lwkt_msg_t msg, int flags)
{
	lwkt_port_t rport = msg->ms_reply_port;
	int error;

	KASSERT(rport != NULL, ("lwkt_waitmsg: message %p has no reply port",
	    msg));
	KASSERT(!lwkt_port_frees_on_reply(rport),
	    ("lwkt_waitmsg: message %p is freed by its reply", msg));
	KASSERT(rport->mp_td == NULL || rport->mp_td == curthread,
	    ("lwkt_waitmsg: thread %s waits on a reply to port %s",
	    curthread->td_comm, rport->mp_name));

	spin_lock(&rport->mp_lock);
	if ((msg->ms_flags & MSGF_DONE) == 0) {
		atomic_set_int(&msg->ms_flags, MSGF_SYNC);
		while ((msg->ms_flags & MSGF_DONE) == 0) {
			error = ssleep(msg, &rport->mp_lock, flags & PCATCH,
			    "waitmsg", 0);
			if (error == 0 || (flags & PCATCH) == 0)
				continue;
			/*
			 * Signal hook: interrupted.  Abort what can be
			 * aborted, then wait for the reply regardless.
			 */
			flags &= ~PCATCH;
			if (msg->ms_flags & MSGF_ABORTABLE) {
				spin_unlock(&rport->mp_lock);
				lwkt_abortmsg(msg);
				spin_lock(&rport->mp_lock);
			}
		}
	}
	if (msg->ms_state == MSGS_REPLYQ) {
		/* Replied before we waited: pull it off our reply queue. */
		TAILQ_REMOVE(&rport->mp_msgq, msg, ms_node);
		msg->ms_state = MSGS_DONE;
	}
	KASSERT(MSG_SENDER_OWNS(msg),
	    ("lwkt_waitmsg: message in state %s after its reply (msg %p)",
	    lwkt_msg_state_name(msg->ms_state), msg));
	spin_unlock(&rport->mp_lock);
	return (msg->ms_error);
}

/* Take the next message off our own port, or NULL. */
lwkt_msg_t
lwkt_getport(lwkt_port_t port)
{
	lwkt_msg_t msg;

	PORT_ASSERT_OWNER(port, "lwkt_getport");
	spin_lock(&port->mp_lock);
	msg = port_dequeue_locked(port);
	spin_unlock(&port->mp_lock);
	return (msg);
}

/*
 * Take the next message off our own port, sleeping while it is empty.
 * flags: PCATCH; returns NULL if the sleep was interrupted.
 */
lwkt_msg_t
lwkt_waitport(lwkt_port_t port, int flags)
{
	lwkt_msg_t msg;

	PORT_ASSERT_OWNER(port, "lwkt_waitport");
	spin_lock(&port->mp_lock);
	while ((msg = port_dequeue_locked(port)) == NULL) {
		port->mp_flags |= MSGPORTF_WAITING;
		if (ssleep(port, &port->mp_lock, flags & PCATCH, "waitport",
		    0) != 0) {
			port->mp_flags &= ~MSGPORTF_WAITING;
			break;
		}
	}
	spin_unlock(&port->mp_lock);
	return (msg);
}

/*
 * Abort an in-flight MSGF_ABORTABLE message (see "Abort" above).  The
 * caller is the waiting sender or acts for it, so msg stays valid until
 * its reply is collected.  Returns 0 if the message was taken off its
 * queue and replied ECANCELED, EINPROGRESS if a handler owns it (now
 * flagged MSGF_ABORTED), EALREADY if it was already replied.
 */
int
lwkt_abortmsg(lwkt_msg_t msg)
{
	lwkt_port_t port;

	KASSERT(msg->ms_flags & MSGF_ABORTABLE,
	    ("lwkt_abortmsg: message %p is not abortable", msg));
	KASSERT(!lwkt_port_frees_on_reply(msg->ms_reply_port),
	    ("lwkt_abortmsg: message %p is freed by its reply", msg));
	for (;;) {
		port = atomic_load_ptr(&msg->ms_target_port);
		if (port == NULL)
			return (EALREADY);	/* never sent */
		spin_lock(&port->mp_lock);
		if (atomic_load_ptr(&msg->ms_target_port) == port)
			break;
		/* Forwarded while we were getting the lock: chase it. */
		spin_unlock(&port->mp_lock);
	}
	switch (msg->ms_state) {
	case MSGS_QUEUED:
		TAILQ_REMOVE(&port->mp_msgq, msg, ms_node);
		msg->ms_state = MSGS_RECEIVED;	/* we own it now */
		atomic_set_int(&msg->ms_flags, MSGF_ABORTED);
		atomic_add_long(&port->mp_cnt_abort, 1);
		spin_unlock(&port->mp_lock);
		lwkt_replymsg(msg, ECANCELED);
		return (0);
	case MSGS_RECEIVED:
		atomic_set_int(&msg->ms_flags, MSGF_ABORTED);
		spin_unlock(&port->mp_lock);
		return (EINPROGRESS);
	default:
		spin_unlock(&port->mp_lock);
		return (EALREADY);
	}
}

int
lwkt_checkmsg(lwkt_msg_t msg)
{
	return ((atomic_load_int(&msg->ms_flags) & MSGF_DONE) != 0);
}
