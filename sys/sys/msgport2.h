/*
 * sys/msgport2.h: kernel-only helpers for LWKT messages and ports.
 *
 * The user-visible-safe declarations are in msgport.h; the theory
 * statement is at the top of sys/kern/lwkt_msgport.c.  This header is
 * for message handlers (lwkt_msg_aborted), for code that implements a
 * port kind with an mp_dosync hook (lwkt_msg_receive_inline, used by
 * sys/net/netisr.c), and for the boot code (msgport_bench).
 */
#ifndef _SYS_MSGPORT2_H_
#define _SYS_MSGPORT2_H_

#ifndef _KERNEL
#error "msgport2.h is kernel-only"
#endif

#include <sys/types.h>
#include <sys/msgport.h>
#include <sys/malloc.h>

/* Messages freed by a free-on-reply port are usually allocated from here. */
MALLOC_DECLARE(M_LWKTMSG);

/*
 * Has the sender asked to abort this message?  A handler that holds a
 * MSGF_ABORTABLE message for a while (or is about to start expensive work)
 * checks this and may reply early, conventionally with ECANCELED.  The
 * flag is only a hint: the handler owns the message and still must reply.
 */
static inline int
lwkt_msg_aborted(lwkt_msg_t msg)
{
	return ((msg->ms_flags & MSGF_ABORTED) != 0);
}

/* Is the port empty right now?  A snapshot unless the caller holds mp_lock. */
static inline int
lwkt_port_empty(lwkt_port_t port)
{
	return (TAILQ_EMPTY(&port->mp_msgq));
}

/* "IDLE", "QUEUED", ... for panic messages and tests. */
const char *lwkt_msg_state_name(int state);

/*
 * For an mp_dosync hook that runs the request in the caller's thread
 * instead of queueing it: the message passes straight from its sender to
 * the handler (IDLE/DONE -> RECEIVED), asserted.  The hook then calls the
 * handler, which replies or forwards as usual, and lwkt_waitmsg() (which
 * returns at once when the handler replied).
 */
void	lwkt_msg_receive_inline(lwkt_port_t port, lwkt_msg_t msg);
void	lwkt_msg_receive_direct(lwkt_port_t port, lwkt_msg_t msg);

/* Port kind predicates, for assertions. */
int	lwkt_port_is_thread(lwkt_port_t port);
int	lwkt_port_frees_on_reply(lwkt_port_t port);

/*
 * Message-port throughput benchmark (sys/kern/lwkt_msgport_bench.c); the
 * boot code calls it when the kernel command line says bench=msgport.
 */
void	msgport_bench(void);

#endif /* !_SYS_MSGPORT2_H_ */
