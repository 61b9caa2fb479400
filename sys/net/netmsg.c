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
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <net/netmsg.h>

struct lwkt_port netisr_afree_rport;
struct lwkt_port netisr_adone_rport;
struct lwkt_port netisr_apanic_rport;

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
}
