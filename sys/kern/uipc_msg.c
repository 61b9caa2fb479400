/*
 * kern/uipc_msg.c: the only way user context reaches a protocol.
 *
 * Protocol state belongs to the netisr thread that owns the socket
 * (so->so_port; ../shared/design/socket-layer.md section 1, the life
 * cycle at the top of uipc_socket.c).  A process in a system call never
 * calls a pr_usrreqs handler: it builds a netmsg naming the socket and
 * sends it to the owner through one of the functions here.
 *
 *   so_pru_X()        synchronous: lwkt_domsg(), returns the handler's
 *                     error.  The message lives on the caller's stack.
 *   so_pru_X_async()  asynchronous: a kmalloc'ed message replied to
 *                     so_afree_rport, which drops its socket reference and
 *                     frees it.  Nobody reads the error.
 *   so_pru_X_direct() the caller already acts as the owner (a handler
 *                     creating a socket with sonewconn, say): the handler
 *                     runs right here, on a stack message.
 *
 * References: every message holds one on its socket from when it is
 * built until it is replied (sync: the wrapper drops it after the reply;
 * async: so_afree_rport drops it).  So no close, however it races with
 * delivery, can free a socket a message still names.
 *
 * Order: each request takes the next number of its socket
 * (so_seq_send) just before it is queued, and the owner runs requests in
 * that order (sys/net/netmsg.c), whatever path they took; nothing can
 * come between taking the number and queueing, since the kernel does
 * not preempt.  The inline optimisation of lwkt_domsg() on a netisr
 * port (sys/net/netisr.c: only on the owner's CPU, only when its port is
 * empty and no handler runs) cannot overtake a queued message either.
 *
 * Callers: uipc_socket.c, uipc_syscalls.c, sys_socket.c, and kernel
 * threads with no process (section 6).  Synchronous requests may come
 * from any thread the deadlock rule allows (not netisr N itself unless it
 * owns the socket, then the request runs nested).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/domain.h>
#include <sys/mbuf.h>
#include <net/netmsg.h>
#include <net/netisr2.h>

int
so_owned_by_curthread(struct socket *so)
{
	int self = netisr_self();

	return (self >= 0 &&
	    atomic_load_ptr(&so->so_port) == netisr_cpuport(self));
}

int
so_owner_cpu(struct socket *so)
{
	lwkt_port_t port = atomic_load_ptr(&so->so_port);

	return (port->mp_cpuid);
}

/* Build a request on the caller's stack; it holds a reference on so. */
static void
so_msg_init(struct netmsg_base *msg, struct socket *so, netisr_fn_t fn)
{
	soref(so);
	netmsg_init(msg, so, &netisr_adone_rport, 0, fn);
}

/* Send it to the owner, wait, drop the message's reference. */
static int
so_msg_do(struct netmsg_base *msg)
{
	struct socket *so = msg->nm_so;
	int error;

	msg->nm_seq = atomic_fetchadd_long(&so->so_seq_send, 1) + 1;
	error = lwkt_domsg(atomic_load_ptr(&so->so_port), &msg->lmsg, 0);
	sorele(so);
	return (error);
}

/* An asynchronous request: the reply frees it and drops the reference. */
static void *
so_msg_alloc(struct socket *so, size_t size, netisr_fn_t fn)
{
	struct netmsg_base *msg;

	msg = kmalloc(size, M_LWKTMSG, M_WAITOK | M_ZERO);
	soref(so);
	netmsg_init(msg, so, &so_afree_rport, 0, fn);
	return (msg);
}

static void
so_msg_send(struct netmsg_base *msg)
{
	msg->nm_seq = atomic_fetchadd_long(&msg->nm_so->so_seq_send, 1) + 1;
	lwkt_sendmsg(atomic_load_ptr(&msg->nm_so->so_port), &msg->lmsg);
}

/* Run a handler for a socket we already own, on a stack message. */
static int
so_msg_direct(struct netmsg_base *msg)
{
	ASSERT_SO_OWNER(msg->nm_so);
	lwkt_msg_receive_direct(msg->nm_so->so_port, &msg->lmsg);
	msg->nm_dispatch(msg);
	KASSERT(lwkt_checkmsg(&msg->lmsg),
	    ("so_msg_direct: handler %p did not reply", msg->nm_dispatch));
	sorele(msg->nm_so);
	return (msg->lmsg.ms_error);
}

int
so_pru_attach(struct socket *so, int proto, struct thread *td)
{
	struct netmsg_pru_attach msg;

	so_msg_init(&msg.base, so, netmsg_pru_attach);
	msg.nm_proto = proto;
	msg.nm_td = td;
	return (so_msg_do(&msg.base));
}

int
so_pru_attach_direct(struct socket *so, int proto)
{
	struct netmsg_pru_attach msg;

	so_msg_init(&msg.base, so, so->so_proto->pr_usrreqs->pru_attach);
	msg.nm_proto = proto;
	msg.nm_td = NULL;
	return (so_msg_direct(&msg.base));
}

/*
 * The requests that carry an address: resolve it first (user context,
 * may sleep), undo the resolution if the handler did not keep it.
 */
static int
so_resolve(struct socket *so, int req, struct sockaddr *nam,
    struct thread *td, void **resp)
{
	struct pr_usrreqs *pru = so->so_proto->pr_usrreqs;

	*resp = NULL;
	if (pru->pru_resolve == NULL || nam == NULL)
		return (0);
	return (pru->pru_resolve(so, req, nam, td, resp));
}

static void
so_unresolve(struct socket *so, int req, void *res)
{
	if (res != NULL)
		so->so_proto->pr_usrreqs->pru_unresolve(so, req, res);
}

int
so_pru_bind(struct socket *so, struct sockaddr *nam, struct thread *td)
{
	struct netmsg_pru_bind msg;
	int error;

	so_msg_init(&msg.base, so, netmsg_pru_bind);
	msg.nm_nam = nam;
	msg.nm_td = td;
	error = so_resolve(so, PRR_BIND, nam, td, &msg.nm_res);
	if (error != 0) {
		sorele(so);
		return (error);
	}
	error = so_msg_do(&msg.base);
	so_unresolve(so, PRR_BIND, msg.nm_res);
	return (error);
}

int
so_pru_connect(struct socket *so, struct sockaddr *nam, struct thread *td,
    int flags)
{
	struct netmsg_pru_connect msg;
	int error;

	so_msg_init(&msg.base, so, netmsg_pru_connect);
	msg.nm_nam = nam;
	msg.nm_td = td;
	msg.nm_flags = flags;
	msg.nm_moves = 0;
	error = so_resolve(so, PRR_CONNECT, nam, td, &msg.nm_res);
	if (error != 0) {
		sorele(so);
		return (error);
	}
	error = so_msg_do(&msg.base);
	so_unresolve(so, PRR_CONNECT, msg.nm_res);
	return (error);
}

/*
 * socketpair(): both ends must have one owner, so so2 moves to so1's
 * first.  The message holds a reference on so2 as well.
 */
int
so_pru_connect2(struct socket *so1, struct socket *so2)
{
	struct netmsg_pru_connect2 msg;
	int error;

	if (so_owner_cpu(so2) != so_owner_cpu(so1)) {
		error = so_move(so2, so_owner_cpu(so1));
		if (error != 0)
			return (error);
	}
	soref(so2);
	so_msg_init(&msg.base, so1, netmsg_pru_connect2);
	msg.nm_so2 = so2;
	error = so_msg_do(&msg.base);
	sorele(so2);
	return (error);
}

int
so_pru_listen(struct socket *so, int backlog, struct thread *td)
{
	struct netmsg_pru_listen msg;

	so_msg_init(&msg.base, so, netmsg_pru_listen);
	msg.nm_td = td;
	msg.nm_backlog = backlog;
	return (so_msg_do(&msg.base));
}

static int
so_pru_addr(struct socket *so, struct sockaddr **nam, netisr_fn_t fn)
{
	struct netmsg_pru_addr msg;

	*nam = NULL;
	so_msg_init(&msg.base, so, fn);
	msg.nm_nam = nam;
	return (so_msg_do(&msg.base));
}

int
so_pru_accept(struct socket *so, struct sockaddr **nam)
{
	return (so_pru_addr(so, nam, netmsg_pru_accept));
}

int
so_pru_sockaddr(struct socket *so, struct sockaddr **nam)
{
	return (so_pru_addr(so, nam, netmsg_pru_sockaddr));
}

int
so_pru_peeraddr(struct socket *so, struct sockaddr **nam)
{
	return (so_pru_addr(so, nam, netmsg_pru_peeraddr));
}

/*
 * A synchronous send: the data, address and control are the handler's
 * from here on, whatever the outcome.  charged: bytes sosend() added to
 * so_snd.sb_prealloc for this data, released by the handler.
 */
int
so_pru_send(struct socket *so, int flags, struct mbuf *m,
    struct sockaddr *addr, struct mbuf *control, struct thread *td,
    u_int charged)
{
	struct netmsg_pru_send msg;
	struct sockaddr_storage from;
	int error;

	so_msg_init(&msg.base, so, netmsg_pru_send);
	msg.nm_flags = flags;
	msg.nm_m = m;
	msg.nm_addr = addr;
	msg.nm_control = control;
	msg.nm_td = td;
	msg.nm_charged = charged;
	msg.nm_from = &from;
	error = so_resolve(so, PRR_SEND, addr, td, &msg.nm_res);
	if (error != 0) {
		sbprealloc_release(&so->so_snd, charged);
		m_freem(m);
		if (control != NULL)
			sodispose_control(so, control);
		sorele(so);
		return (error);
	}
	error = so_msg_do(&msg.base);
	so_unresolve(so, PRR_SEND, msg.nm_res);
	return (error);
}

/* An asynchronous send: connected sockets only (no address to resolve). */
void
so_pru_send_async(struct socket *so, int flags, struct mbuf *m,
    struct sockaddr *addr, struct mbuf *control, u_int charged)
{
	struct netmsg_pru_send *msg;

	KASSERT(addr == NULL, ("so_pru_send_async: socket %p: address", so));
	msg = so_msg_alloc(so, sizeof(*msg), netmsg_pru_send);
	msg->nm_flags = flags | PRUS_NOREPLY;
	msg->nm_m = m;
	msg->nm_control = control;
	msg->nm_charged = charged;
	so_msg_send(&msg->base);
}

/*
 * The reader consumed data: tell the owner, at most one message queued
 * at a time (netmsg_pru_rcvd clears so_rcvd_busy before the protocol
 * looks, so nothing consumed later is missed).
 */
void
so_pru_rcvd_async(struct socket *so)
{
	struct netmsg_pru_rcvd *msg;

	if (!atomic_cmpset_int(&so->so_rcvd_busy, 0, 1))
		return;
	msg = so_msg_alloc(so, sizeof(*msg), netmsg_pru_rcvd);
	so_msg_send(&msg->base);
}

int
so_pru_shutdown(struct socket *so, int how)
{
	struct netmsg_pru_shutdown msg;

	KASSERT(how == SHUT_WR, ("so_pru_shutdown: how %d", how));
	so_msg_init(&msg.base, so, netmsg_pru_shutdown);
	msg.nm_how = how;
	return (so_msg_do(&msg.base));
}

/* shutdown(SHUT_RD): returns what was in so_rcv for the caller to drop. */
struct mbuf *
so_pru_shutrd(struct socket *so)
{
	struct netmsg_pru_shutdown msg;

	so_msg_init(&msg.base, so, netmsg_so_shutrd);
	msg.nm_how = SHUT_RD;
	msg.base.lmsg.u.ms_resultp = NULL;
	(void)so_msg_do(&msg.base);
	return (msg.base.lmsg.u.ms_resultp);
}

static int
so_pru_simple(struct socket *so, netisr_fn_t fn)
{
	struct netmsg_base msg;

	so_msg_init(&msg, so, fn);
	return (so_msg_do(&msg));
}

int
so_pru_disconnect(struct socket *so)
{
	return (so_pru_simple(so, netmsg_pru_disconnect));
}

int
so_pru_abort(struct socket *so)
{
	return (so_pru_simple(so, netmsg_pru_abort));
}

void
so_pru_abort_direct(struct socket *so)
{
	struct netmsg_base msg;

	so_msg_init(&msg, so, so->so_proto->pr_usrreqs->pru_abort);
	(void)so_msg_direct(&msg);
}

int
so_pru_detach(struct socket *so)
{
	return (so_pru_simple(so, netmsg_pru_detach));
}

int
so_pru_control(struct socket *so, u_long cmd, void *data)
{
	struct netmsg_pru_control msg;

	so_msg_init(&msg.base, so, netmsg_pru_control);
	msg.nm_cmd = cmd;
	msg.nm_data = data;
	return (so_msg_do(&msg.base));
}

/* sopt must describe kernel buffers: the handler cannot copyin. */
int
so_pr_ctloutput(struct socket *so, struct sockopt *sopt)
{
	struct netmsg_pr_ctloutput msg;

	KASSERT(sopt->sopt_td == NULL,
	    ("so_pr_ctloutput: socket %p: user buffers", so));
	if (so->so_proto->pr_ctloutput == NULL)
		return (ENOPROTOOPT);
	so_msg_init(&msg.base, so, netmsg_pr_ctloutput);
	msg.nm_sopt = sopt;
	return (so_msg_do(&msg.base));
}

int
so_setsigio_msg(struct socket *so, pid_t pid)
{
	struct netmsg_so_setsigio msg;

	so_msg_init(&msg.base, so, netmsg_so_setsigio);
	msg.nm_pid = pid;
	return (so_msg_do(&msg.base));
}

/*
 * Hand so to netisr cpu (section 5).  The protocols built so far keep
 * nothing per CPU, so the generic handler just forwards; a protocol
 * with per-CPU tables moves its sockets from its own handlers with
 * netmsg_so_move().
 */
int
so_move(struct socket *so, int cpu)
{
	struct netmsg_so_move msg;

	if (cpu < 0 || cpu >= ncpus)
		return (EINVAL);
	if (so_owner_cpu(so) == cpu)
		return (0);
	so_msg_init(&msg.base, so, netmsg_so_move_dispatch);
	msg.nm_cpu = cpu;
	return (so_msg_do(&msg.base));
}
