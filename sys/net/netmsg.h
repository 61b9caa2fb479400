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

struct socket;
struct netmsg_base;
typedef struct netmsg_base *netmsg_t;
typedef void (*netisr_fn_t)(netmsg_t msg);

struct netmsg_base {
	struct lwkt_msg	lmsg;		/* first: a netmsg is an lwkt_msg */
	netisr_fn_t	nm_dispatch;	/* [owner] run by the netisr */
	struct socket	*nm_so;		/* [owner] the socket, or NULL */
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
}

/* A handler's reply: shorthand for lwkt_replymsg(&msg->lmsg, error). */
static inline void
netisr_replymsg(struct netmsg_base *msg, int error)
{
	lwkt_replymsg(&msg->lmsg, error);
}

void	netmsg_rports_init(void);	/* netisr_init() */

#endif /* !_NET_NETMSG_H_ */
