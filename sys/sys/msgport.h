/*
 * sys/msgport.h: LWKT messages and message ports (after DragonFly).
 *
 * See the theory statement at the top of sys/kern/lwkt_msgport.c.
 *
 * A message is always owned by exactly one party, recorded in ms_state:
 *
 *   MSGS_IDLE      the sender; it may fill in and (re)send it
 *   MSGS_QUEUED    the target port (on mp_msgq); only the port touches it
 *   MSGS_RECEIVED  the target's handler, until it replies or forwards
 *   MSGS_REPLYQ    the reply port (on its mp_msgq)
 *   MSGS_DONE      the sender again, after the reply
 *
 * Every transition is asserted.  Kernel-only inlines are in msgport2.h.
 *
 * Ownership key: [port] the lock of the port the message is queued on,
 * [owner] whoever ms_state says owns the message, [I] set by the port's
 * lwkt_initport_*() and never changed, [a] atomic operations only.
 */
#ifndef _SYS_MSGPORT_H_
#define _SYS_MSGPORT_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/spinlock.h>

struct thread;
typedef struct lwkt_msg		*lwkt_msg_t;
typedef struct lwkt_port	*lwkt_port_t;

/*
 * An enqueue receipt: runs under the target port's mp_lock right after the
 * message was queued, before any receiver can dequeue it.  It must be
 * short, must not sleep, must not take a spinlock of rank <= SPINRANK_PORT
 * and must not touch the message's queue linkage.
 */
typedef void (*lwkt_receipt_t)(lwkt_msg_t msg, lwkt_port_t port, void *arg);

struct lwkt_msg {
	TAILQ_ENTRY(lwkt_msg) ms_node;	/* [port] on a port's queue */
	lwkt_port_t	ms_target_port;	/* [owner] port last sent to */
	lwkt_port_t	ms_reply_port;	/* [owner] where replies go */
	volatile u_int	ms_flags;	/* [a] MSGF_* */
	volatile int	ms_state;	/* [port] or [owner]: MSGS_*, above */
	int		ms_error;	/* [owner] set by the replier */
	union {
		long	ms_result;
		void	*ms_resultp;
	} u;				/* [owner] free for the protocol */
};

#define MSGS_IDLE	0
#define MSGS_QUEUED	1
#define MSGS_RECEIVED	2
#define MSGS_REPLYQ	3
#define MSGS_DONE	4

#define MSGF_DONE	0x0001	/* replied (or never sent) */
#define MSGF_REPLY	0x0002	/* the message is a reply */
#define MSGF_SYNC	0x0004	/* sender waits in lwkt_domsg/lwkt_waitmsg */
#define MSGF_ABORTABLE	0x0008	/* the sender may abort it (lwkt_abortmsg) */
#define MSGF_ABORTED	0x0010	/* abort was requested */

struct lwkt_port {
	struct spinlock	mp_lock;
	TAILQ_HEAD(, lwkt_msg) mp_msgq;	/* [mp_lock] */
	struct thread	*mp_td;		/* [I] receiving thread, if any */
	volatile u_int	mp_flags;	/* [mp_lock] MSGPORTF_* */
	int		mp_cpuid;	/* [I] CPU of mp_td, -1 if unknown */
	const char	*mp_name;	/* [I] */
	/* The port kind's behaviour, set by lwkt_initport_*(). */
	void		(*mp_putport)(lwkt_port_t, lwkt_msg_t,
			    lwkt_receipt_t, void *);
	void		(*mp_replyport)(lwkt_port_t, lwkt_msg_t);
	void		(*mp_freefn)(lwkt_msg_t);	/* free-on-reply kind */
	/*
	 * Optional: lwkt_domsg() calls it instead of putting the message and
	 * waiting, so a port kind can apply its own rules to synchronous
	 * requests (netisr ports: the deadlock rule and inline dispatch,
	 * see sys/net/netisr.c).  Returns the reply's ms_error.
	 */
	int		(*mp_dosync)(lwkt_port_t, lwkt_msg_t, int flags);
	void		*mp_priv;			/* [I] for the kind */
	/* Statistics [a]. */
	uint64_t	mp_cnt_put;	/* messages queued here */
	uint64_t	mp_cnt_reply;	/* replies delivered here */
	uint64_t	mp_cnt_forward;	/* received here, then forwarded */
	uint64_t	mp_cnt_abort;	/* removed from the queue by an abort */
};

#define MSGPORTF_WAITING 0x0001	/* mp_td sleeps in lwkt_waitport */
#define MSGPORTF_NETISR	0x0002	/* a netisr's port (deadlock rule applies) */

/* Port kinds. */
void	lwkt_initport_thread(lwkt_port_t port, struct thread *td);
void	lwkt_initport_replyonly_free(lwkt_port_t port,
	    void (*freefn)(lwkt_msg_t));
void	lwkt_initport_replyonly_done(lwkt_port_t port);
void	lwkt_initport_panic(lwkt_port_t port);

void	lwkt_initmsg(lwkt_msg_t msg, lwkt_port_t rport, u_int flags);
void	lwkt_sendmsg(lwkt_port_t port, lwkt_msg_t msg);
void	lwkt_sendmsg_receipt(lwkt_port_t port, lwkt_msg_t msg,
	    lwkt_receipt_t receipt, void *arg);
int	lwkt_domsg(lwkt_port_t port, lwkt_msg_t msg, int flags);
void	lwkt_forwardmsg(lwkt_port_t port, lwkt_msg_t msg);
void	lwkt_forwardmsg_receipt(lwkt_port_t port, lwkt_msg_t msg,
	    lwkt_receipt_t receipt, void *arg);
void	lwkt_replymsg(lwkt_msg_t msg, int error);
int	lwkt_waitmsg(lwkt_msg_t msg, int flags);
lwkt_msg_t lwkt_waitport(lwkt_port_t port, int flags);
lwkt_msg_t lwkt_getport(lwkt_port_t port);
int	lwkt_abortmsg(lwkt_msg_t msg);	/* 0, EINPROGRESS or EALREADY */
int	lwkt_checkmsg(lwkt_msg_t msg);	/* nonzero once replied */

#endif /* !_SYS_MSGPORT_H_ */
