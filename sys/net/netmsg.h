/*
 * net/netmsg.h: network messages, the requests netisr threads serve.
 *
 * A netmsg is an LWKT message (sys/msgport.h) with a dispatch function and
 * the socket it concerns.  The netisr thread that receives one calls
 * nm_dispatch(msg); the handler owns the message from then on and must
 * reply to it (lwkt_replymsg(&msg->lmsg, error)) or forward it
 * (lwkt_forwardmsg), now or later.  Request structs for the socket layer
 * (struct netmsg_pru_*, say) put struct netmsg_base first, so a pointer
 * to one is a pointer to the other.
 *
 * The theory statement for netisr threads is at the top of
 * sys/net/netisr.c; kernel-only netisr helpers are in netisr2.h.
 *
 * Ownership key: [owner] whoever the lwkt_msg's ms_state says owns it.
 */
#ifndef _NET_NETMSG_H_
#define _NET_NETMSG_H_

#include <sys/types.h>
#include <sys/msgport.h>
#include <sys/socket.h>

struct socket;
struct netmsg_base;
typedef struct netmsg_base *netmsg_t;
typedef void (*netisr_fn_t)(netmsg_t msg);

struct netmsg_base {
	struct lwkt_msg	lmsg;		/* first: a netmsg is an lwkt_msg */
	netisr_fn_t	nm_dispatch;	/* [owner] run by the netisr */
	struct socket	*nm_so;		/* [owner] the socket, or NULL */
	uint64_t	nm_seq;		/* [owner] per-socket send order, set
					   by uipc_msg.c; 0: not sequenced
					   (or already let through) */
};

/*
 * Reply ports for netmsgs (sys/net/netmsg.c), ready once netisr_init()
 * ran: netisr_afree_rport kfree()s the message with M_LWKTMSG on reply,
 * netisr_adone_rport only marks it done (lwkt_checkmsg/lwkt_waitmsg),
 * netisr_apanic_rport panics if the message is ever replied.
 */
extern struct lwkt_port netisr_afree_rport;
extern struct lwkt_port netisr_adone_rport;
extern struct lwkt_port netisr_apanic_rport;

static inline void
netmsg_init(struct netmsg_base *msg, struct socket *so, lwkt_port_t rport,
    u_int flags, netisr_fn_t dispatch)
{
	lwkt_initmsg(&msg->lmsg, rport, flags);
	msg->nm_dispatch = dispatch;
	msg->nm_so = so;
	msg->nm_seq = 0;
}

/* A handler's reply: shorthand for lwkt_replymsg(&msg->lmsg, error). */
static inline void
netisr_replymsg(struct netmsg_base *msg, int error)
{
	lwkt_replymsg(&msg->lmsg, error);
}

void	netmsg_rports_init(void);	/* netisr_init() */

/*
 * The socket requests (sys/kern/uipc_msg.c builds them, the owner's
 * handler consumes them).  A message holds a reference on nm_so from the
 * moment it is built until it is replied or consumed (section 4 of the
 * design); the so_pru_X wrappers take and drop it.  Fields are [owner]:
 * the sender fills them before sending, the handler may write the
 * results before replying.
 */
struct mbuf;
struct sockaddr;
struct sockopt;
struct thread;

struct netmsg_pru_attach {
	struct netmsg_base base;
	int		nm_proto;
	struct thread	*nm_td;
};

struct netmsg_pru_bind {
	struct netmsg_base base;
	struct sockaddr	*nm_nam;
	struct thread	*nm_td;
	void		*nm_res;	/* pru_resolve's result; the handler
					   sets it NULL when it keeps it */
};

struct netmsg_pru_connect {
	struct netmsg_base base;
	struct sockaddr	*nm_nam;
	struct thread	*nm_td;
	void		*nm_res;	/* as for bind */
	int		nm_flags;	/* PRUC_* */
	int		nm_moves;	/* times the socket moved on the way */
};
#define PRUC_NBIO	0x01		/* the caller will not wait */

struct netmsg_pru_connect2 {
	struct netmsg_base base;
	struct socket	*nm_so2;	/* referenced by the message too */
};

struct netmsg_pru_listen {
	struct netmsg_base base;
	struct thread	*nm_td;
	int		nm_backlog;	/* already clamped to somaxconn */
};

struct netmsg_pru_addr {		/* accept, sockaddr, peeraddr */
	struct netmsg_base base;
	struct sockaddr	**nm_nam;	/* the handler allocates M_NOWAIT */
};

struct netmsg_pru_send {
	struct netmsg_base base;
	int		nm_flags;	/* PRUS_* */
	struct mbuf	*nm_m;		/* the data: consumed by the handler */
	struct sockaddr	*nm_addr;	/* sendto's address, or NULL */
	struct mbuf	*nm_control;	/* consumed by the handler */
	struct thread	*nm_td;		/* NULL once asynchronous */
	void		*nm_res;	/* as for bind */
	u_int		nm_charged;	/* bytes sosend charged to so_snd's
					   sb_prealloc; the handler releases */
	struct sockaddr_storage	*nm_from; /* scratch for forwarding */
};

struct netmsg_pru_rcvd {
	struct netmsg_base base;
	int		nm_flags;
};

struct netmsg_pru_shutdown {
	struct netmsg_base base;
	int		nm_how;		/* SHUT_RD, SHUT_WR or SHUT_RDWR */
};

struct netmsg_pru_control {
	struct netmsg_base base;
	u_long		nm_cmd;
	void		*nm_data;	/* kernel copy of the argument */
};

struct netmsg_pr_ctloutput {
	struct netmsg_base base;
	struct sockopt	*nm_sopt;	/* kernel buffers only (sopt_td NULL) */
};

struct netmsg_so_setsigio {		/* F_SETOWN and close: so_sigio */
	struct netmsg_base base;
	pid_t		nm_pid;
};

struct netmsg_so_move {			/* ktest and protocols: move so */
	struct netmsg_base base;
	int		nm_cpu;		/* the new owner */
};

union netmsg {
	struct netmsg_base		base;
	struct netmsg_pru_attach	attach;
	struct netmsg_pru_bind		bind;
	struct netmsg_pru_connect	connect;
	struct netmsg_pru_connect2	connect2;
	struct netmsg_pru_listen	listen;
	struct netmsg_pru_addr		addr;
	struct netmsg_pru_send		send;
	struct netmsg_pru_rcvd		rcvd;
	struct netmsg_pru_shutdown	shutdown;
	struct netmsg_pru_control	control;
	struct netmsg_pr_ctloutput	ctloutput;
	struct netmsg_so_setsigio	setsigio;
	struct netmsg_so_move		move;
};

/*
 * Socket-message plumbing (sys/net/netmsg.c):
 *   netmsg_so_chase(msg)  first thing in every socket handler: 1 if the
 *	socket moved and the message was forwarded to its new owner (the
 *	handler must return at once), 0 if we own it.
 *   netmsg_so_move(msg, cpu)  a handler on the old owner hands the socket
 *	and this message to netisr cpu; so_port changes in the enqueue
 *	receipt, under the new port's lock.  The handler must return.
 *   so_afree_rport  the reply port of asynchronous socket messages: the
 *	reply drops the message's socket reference and frees it.
 */
int	netmsg_so_chase(netmsg_t msg);
void	netmsg_so_move(netmsg_t msg, int cpu);
void	netmsg_so_move_dispatch(netmsg_t msg);
extern struct lwkt_port so_afree_rport;

/*
 * The dispatch functions of the socket requests: chase the socket if it
 * moved, assert ownership, then call the protocol's handler
 * (so->so_proto->pr_usrreqs->pru_X, or pr_ctloutput).
 */
void	netmsg_pru_abort(netmsg_t msg);
void	netmsg_pru_accept(netmsg_t msg);
void	netmsg_pru_attach(netmsg_t msg);
void	netmsg_pru_bind(netmsg_t msg);
void	netmsg_pru_connect(netmsg_t msg);
void	netmsg_pru_connect2(netmsg_t msg);
void	netmsg_pru_control(netmsg_t msg);
void	netmsg_pru_detach(netmsg_t msg);
void	netmsg_pru_disconnect(netmsg_t msg);
void	netmsg_pru_listen(netmsg_t msg);
void	netmsg_pru_peeraddr(netmsg_t msg);
void	netmsg_pru_rcvd(netmsg_t msg);
void	netmsg_pru_send(netmsg_t msg);
void	netmsg_pru_shutdown(netmsg_t msg);
void	netmsg_pru_sockaddr(netmsg_t msg);
void	netmsg_pr_ctloutput(netmsg_t msg);
void	netmsg_so_setsigio(netmsg_t msg);
void	netmsg_so_shutrd(netmsg_t msg);

#endif /* !_NET_NETMSG_H_ */
