/*
 * net/netmsg.c: shared reply ports for network messages.
 *
 * Entry point: netmsg_rports_init(), called by netisr_init() before any
 * netisr starts.  Users: anyone sending a netmsg whose reply nobody waits
 * for (the socket layer's so_pru_*_async(), protocol timers, packets):
 *
 *   netisr_afree_rport   the reply frees the message: kfree(msg,
 *                        M_LWKTMSG).  Allocate such messages with
 *                        kmalloc(size, M_LWKTMSG, ...) and netmsg_base
 *                        first.
 *   netisr_adone_rport   the reply only marks the message done; the
 *                        sender polls lwkt_checkmsg() or lwkt_waitmsg()s.
 *   netisr_apanic_rport  replying panics: for messages that are never
 *                        supposed to come back.
 *
 * The ports hold no state besides their counters (mp_cnt_reply).
 *
 * The socket half of this file: so_afree_rport (asynchronous socket
 * requests: the reply drops the message's socket reference, then frees
 * it), and the two rules of section 5 of the design that keep per-socket
 * FIFO order while a socket changes owner:
 *
 *   move   The handler running on the old owner unlinks whatever the
 *          protocol keeps per CPU, then forwards the same message to the
 *          new owner.  so_port changes in the enqueue receipt, under the
 *          new port's lock, i.e. only once the message is queued there.
 *   chase  A handler that finds so_port is not its own port forwards the
 *          message to so_port and returns (netmsg_so_chase).
 *
 * Why order holds.  Let M be the move message and X any later message
 * for the same socket, sent by a thread that read so_port:
 *
 *   old netisr A                 new netisr B           sender of X
 *   ------------                 ------------           -----------
 *   runs M: unlink pcb
 *   forward M to B --receipt-->  [M] queued;
 *                                so_port := B
 *                                                       reads so_port
 *     case 1: it read A (before the receipt) ---------> X queued on A
 *   runs X: so_port == B: chase  [M, X] queued on B
 *     case 2: it read B (after the receipt) ----------> X queued on B
 *                                [M, X]
 *
 * In both cases X is queued behind M on B, so B runs M first.  Messages
 * sent before M were queued on A before M (A's port is FIFO) and ran
 * before it.  The inline optimisation cannot reorder either: it runs a
 * message only when the target port is empty and idle, and M sits in
 * B's queue until B runs it.
 *
 * Those two rules are not enough once a socket moves twice, which
 * ktest socket_move_keeps_per_socket_fifo_order showed at 4 CPUs:
 *
 *   sender T            A                B                C
 *   X1 -> A (stale)     [M1, X1]
 *                       M1: so_port:=B   [M1]
 *                                        M1 runs; M2: so_port:=C
 *   X2 -> C (current)                                     [M2, X2]
 *                       X1: chase -> C                    [M2, X2, X1]
 *
 * T sent X1 before X2, yet C sees X2 first.  So every request also
 * carries a number (nm_seq, from so_seq_send, taken just before it is
 * queued) and the owner runs a socket's requests in number order: one
 * that arrives early is parked on so_msgpark until the gap is filled
 * (netmsg_so_chase), and the parked ones run after each handler
 * (netmsg_so_unpark) or travel with the socket when it moves
 * (netmsg_so_move).  Gaps are short: a number is taken right before the
 * enqueue, with nothing that sleeps in between.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/mbuf.h>
#include <net/netmsg.h>
#include <net/netisr2.h>

struct lwkt_port netisr_afree_rport;
struct lwkt_port netisr_adone_rport;
struct lwkt_port netisr_apanic_rport;
struct lwkt_port so_afree_rport;

static void netmsg_so_afree(lwkt_msg_t lmsg);

static void
netmsg_afree(lwkt_msg_t msg)
{
	kfree(msg, M_LWKTMSG);
}

void
netmsg_rports_init(void)
{
	lwkt_initport_replyonly_free(&netisr_afree_rport, netmsg_afree);
	lwkt_initport_replyonly_done(&netisr_adone_rport);
	lwkt_initport_panic(&netisr_apanic_rport);
	lwkt_initport_replyonly_free(&so_afree_rport, netmsg_so_afree);
}

/*
 * An asynchronous socket request came back (handlers reply to them like
 * any other).  Runs in the replier, usually the owner's netisr: sorele()
 * there may free the socket, which never sleeps.
 */
static void
netmsg_so_afree(lwkt_msg_t lmsg)
{
	struct netmsg_base *msg = (struct netmsg_base *)lmsg;

	if (msg->nm_so != NULL)
		sorele(msg->nm_so);
	kfree(msg, M_LWKTMSG);
}

/*
 * Per-socket order.  Park msg, which overtook an earlier request for its
 * socket, in number order on so_msgpark until the gap is filled.
 */
static void
netmsg_so_park(struct socket *so, netmsg_t msg)
{
	struct lwkt_msg *lm;

	TAILQ_FOREACH(lm, &so->so_msgpark, ms_node) {
		if (((netmsg_t)lm)->nm_seq > msg->nm_seq)
			break;
	}
	if (lm != NULL)
		TAILQ_INSERT_BEFORE(lm, &msg->lmsg, ms_node);
	else
		TAILQ_INSERT_TAIL(&so->so_msgpark, &msg->lmsg, ms_node);
}

/*
 * The owner's gate, first thing in every socket request's dispatch:
 * returns 1 when the caller must not run the handler now, because the
 * message went on to the socket's new owner (a chase) or arrived ahead
 * of an earlier request (parked).  Returns 0, having let the message
 * through (nm_seq = 0), when it is this socket's next request.
 */
int
netmsg_so_chase(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	lwkt_port_t port;

	ASSERT_IN_NETISR;
	port = atomic_load_ptr(&so->so_port);
	if (port != netisr_curport()) {
		atomic_add_long(&netisr_cpus[mycpuid].ni_cnt_chase, 1);
		lwkt_forwardmsg(port, &msg->lmsg);
		return (1);
	}
	if (msg->nm_seq == 0)
		return (0);		/* direct, or a move's second leg */
	KASSERT(msg->nm_seq >= so->so_seq_next,
	    ("socket %p: request %lu after %lu already ran", so,
	    (u_long)msg->nm_seq, (u_long)so->so_seq_next));
	if (msg->nm_seq != so->so_seq_next) {
		netmsg_so_park(so, msg);
		return (1);
	}
	msg->nm_seq = 0;
	so->so_seq_next++;
	return (0);
}

/*
 * After a handler: run the parked requests whose turn has come.  A
 * handler that moved the socket handed the parked list over with it.
 */
static void
netmsg_so_unpark(struct socket *so)
{
	struct netisr_cpu *ni = &netisr_cpus[mycpuid];
	struct lwkt_msg *lm;
	netmsg_t msg;

	/*
	 * The handlers we run come back here through their dispatchers;
	 * only the outermost call loops, so the stack does not grow with
	 * the number of parked requests.
	 */
	if (ni->ni_unpark_so == so)
		return;
	KASSERT(ni->ni_unpark_so == NULL,
	    ("netmsg_so_unpark: socket %p inside %p's", so, ni->ni_unpark_so));
	ni->ni_unpark_so = so;
	while (atomic_load_ptr(&so->so_port) == netisr_curport() &&
	    (lm = TAILQ_FIRST(&so->so_msgpark)) != NULL &&
	    ((netmsg_t)lm)->nm_seq == so->so_seq_next) {
		TAILQ_REMOVE(&so->so_msgpark, lm, ms_node);
		msg = (netmsg_t)lm;
		msg->nm_dispatch(msg);
	}
	ni->ni_unpark_so = NULL;
}

/* The receipt: runs under the new port's lock, the message is queued. */
static void
netmsg_so_move_receipt(lwkt_msg_t lmsg, lwkt_port_t port, void *arg)
{
	struct socket *so = arg;

	atomic_store_ptr(&so->so_port, port);
}

/*
 * Hand the socket over.  Requests parked here follow the move message,
 * in order; they are taken off so_msgpark first, since the new owner may
 * run the move message (and look at the list) as soon as it is queued.
 */
void
netmsg_so_move(netmsg_t msg, int cpu)
{
	struct socket *so = msg->nm_so;
	TAILQ_HEAD(, lwkt_msg) parked;
	struct lwkt_msg *lm;
	lwkt_port_t to;

	ASSERT_SO_OWNER(so);
	KASSERT(cpu >= 0 && cpu < ncpus, ("netmsg_so_move: cpu %d", cpu));
	to = netisr_cpuport(cpu);
	KASSERT(to != so->so_port,
	    ("netmsg_so_move: socket %p already on cpu %d", so, cpu));
	TAILQ_INIT(&parked);
	while ((lm = TAILQ_FIRST(&so->so_msgpark)) != NULL) {
		TAILQ_REMOVE(&so->so_msgpark, lm, ms_node);
		TAILQ_INSERT_TAIL(&parked, lm, ms_node);
	}
	atomic_add_long(&netisr_cpus[mycpuid].ni_cnt_move, 1);
	lwkt_forwardmsg_receipt(to, &msg->lmsg, netmsg_so_move_receipt, so);
	while ((lm = TAILQ_FIRST(&parked)) != NULL) {
		TAILQ_REMOVE(&parked, lm, ms_node);
		atomic_add_long(&netisr_cpus[mycpuid].ni_cnt_chase, 1);
		lwkt_forwardmsg(to, lm);
	}
}

/*
 * so_move()'s handler: an explicit move with no protocol work (nothing
 * per CPU to unlink for the protocols built so far).  It runs twice: on
 * the old owner, which forwards, and on the new one, which replies.
 */
void
netmsg_so_move_dispatch(netmsg_t msg)
{
	struct netmsg_so_move *mm = (struct netmsg_so_move *)msg;
	struct socket *so = msg->nm_so;

	if (netmsg_so_chase(msg))
		return;
	soref(so);
	if (mm->nm_cpu != mycpuid)
		netmsg_so_move(msg, mm->nm_cpu);
	else
		netisr_replymsg(msg, 0);
	netmsg_so_unpark(so);
	sorele(so);
}

/*
 * The request dispatchers.  Each chases a moved socket, asserts that we
 * own it, and hands the message to the protocol, which replies.
 */
/*
 * A request for a socket whose pcb is gone (detached or aborted while
 * the message was in flight): the protocol is not called.  Detach and
 * abort are done already; data is dropped (its charge released); every
 * other request fails with ECONNRESET.
 */
static void
netmsg_so_nopcb(netmsg_t msg, int error)
{
	struct netmsg_pru_send *sm = (struct netmsg_pru_send *)msg;
	struct socket *so = msg->nm_so;

	if (msg->nm_dispatch == netmsg_pru_send) {
		m_freem(sm->nm_m);
		if (sm->nm_control != NULL)
			sodispose_control(so, sm->nm_control);
		sbprealloc_release(&so->so_snd, sm->nm_charged);
	}
	netisr_replymsg(msg, error);
}

#define NETMSG_PRU_DISPATCH(req, nopcb_error)				\
void									\
netmsg_pru_##req(netmsg_t msg)						\
{									\
	struct socket *so = msg->nm_so;					\
									\
	if (netmsg_so_chase(msg))					\
		return;							\
	ASSERT_SO_OWNER(so);						\
	soref(so);							\
	if (so->so_pcb == NULL)						\
		netmsg_so_nopcb(msg, (nopcb_error));			\
	else								\
		so->so_proto->pr_usrreqs->pru_##req(msg);		\
	netmsg_so_unpark(so);						\
	sorele(so);							\
}
NETMSG_PRU_DISPATCH(abort, 0)
NETMSG_PRU_DISPATCH(accept, ECONNABORTED)
NETMSG_PRU_DISPATCH(bind, EINVAL)
NETMSG_PRU_DISPATCH(connect, EINVAL)
NETMSG_PRU_DISPATCH(connect2, EINVAL)
NETMSG_PRU_DISPATCH(control, EOPNOTSUPP)
NETMSG_PRU_DISPATCH(detach, 0)
NETMSG_PRU_DISPATCH(disconnect, ENOTCONN)
NETMSG_PRU_DISPATCH(listen, EINVAL)
NETMSG_PRU_DISPATCH(peeraddr, ECONNRESET)
NETMSG_PRU_DISPATCH(send, EPIPE)
NETMSG_PRU_DISPATCH(shutdown, 0)
NETMSG_PRU_DISPATCH(sockaddr, ECONNRESET)
#undef NETMSG_PRU_DISPATCH

/*
 * pru_rcvd is coalesced (so_pru_rcvd_async): clear so_rcvd_busy before
 * the protocol looks at the buffer, so data consumed after that look
 * sends a new message instead of being folded into this one.
 */
void
netmsg_pru_attach(netmsg_t msg)
{
	struct socket *so = msg->nm_so;

	if (netmsg_so_chase(msg))
		return;
	ASSERT_SO_OWNER(so);
	KASSERT(so->so_pcb == NULL, ("pru_attach: socket %p has pcb %p", so,
	    so->so_pcb));
	soref(so);
	so->so_proto->pr_usrreqs->pru_attach(msg);
	netmsg_so_unpark(so);
	sorele(so);
}

void
netmsg_pru_rcvd(netmsg_t msg)
{
	struct socket *so = msg->nm_so;

	if (netmsg_so_chase(msg))
		return;
	ASSERT_SO_OWNER(so);
	atomic_store_int(&so->so_rcvd_busy, 0);
	soref(so);
	if (so->so_pcb == NULL)
		netisr_replymsg(msg, 0);
	else
		so->so_proto->pr_usrreqs->pru_rcvd(msg);
	netmsg_so_unpark(so);
	sorele(so);
}

void
netmsg_pr_ctloutput(netmsg_t msg)
{
	struct socket *so = msg->nm_so;

	if (netmsg_so_chase(msg))
		return;
	ASSERT_SO_OWNER(so);
	soref(so);
	if (so->so_pcb == NULL)
		netisr_replymsg(msg, ECONNRESET);
	else
		so->so_proto->pr_ctloutput(msg);
	netmsg_so_unpark(so);
	sorele(so);
}

/* so_sigio [p]: only the owner, which sends SIGIO and SIGURG, writes it. */
void
netmsg_so_setsigio(netmsg_t msg)
{
	struct socket *so = msg->nm_so;

	if (netmsg_so_chase(msg))
		return;
	ASSERT_SO_OWNER(so);
	atomic_store_int(&so->so_sigio,
	    ((struct netmsg_so_setsigio *)msg)->nm_pid);
	soref(so);
	netisr_replymsg(msg, 0);
	netmsg_so_unpark(so);
	sorele(so);
}

/*
 * shutdown(SHUT_RD): the owner marks the receive side finished and takes
 * the data out; soshutdown() disposes of it in user context.
 */
void
netmsg_so_shutrd(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	struct netmsg_pru_shutdown *sm = (struct netmsg_pru_shutdown *)msg;

	if (netmsg_so_chase(msg))
		return;
	ASSERT_SO_OWNER(so);
	socantrcvmore(so);
	SOCKBUF_LOCK(&so->so_rcv);
	msg->lmsg.u.ms_resultp = sbflush_locked(&so->so_rcv);
	SOCKBUF_UNLOCK(&so->so_rcv);
	(void)sm;
	soref(so);
	netisr_replymsg(msg, 0);
	netmsg_so_unpark(so);
	sorele(so);
}
