/*
 * sys/unpcb.h (kernel only): the AF_UNIX protocol control block.
 *
 * One struct unpcb hangs off so_pcb of every local-domain socket, from
 * pru_attach until pru_detach or pru_abort (sys/kern/uipc_usrreq.c, whose
 * top comment is the theory statement: who owns a pair, why connect moves
 * the connecting socket, how datagrams cross owners, how the garbage
 * collector finds descriptors lost in cycles).
 *
 * Ownership key (the socket layer's letters, socketvar.h, plus one):
 *   [I]  set by pru_attach before the pcb is reachable, then immutable.
 *   [p]  the owner of unp_socket (its netisr, ASSERT_SO_OWNER) only.
 *   [L]  unp_spin, the local domain's one spinlock (uipc_usrreq.c).  It
 *        covers what two owners share: the datagram referrer lists and
 *        the in-flight descriptor list.  A leaf: nothing is taken under
 *        it but the sleep-queue lock of wakeup().
 *   [p][L] written by the owner with unp_spin held; the owner reads it
 *        freely, any other thread only under unp_spin.
 *
 * Nothing outside uipc_usrreq.c may look inside a unpcb (user context
 * never dereferences so_pcb).
 */
#ifndef _SYS_UNPCB_H_
#define _SYS_UNPCB_H_

#ifndef _KERNEL
#error "sys/unpcb.h is kernel-only"
#endif

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/un.h>

struct socket;
struct vnode;
struct unp_dropmsg;

struct unpcb {
	struct socket	*unp_socket;	/* [I] our socket */
	/*
	 * The other end.  Stream and seqpacket: the peer, owned by the
	 * same netisr as we are; no reference, each end's disconnect
	 * clears the other's pointer.  Datagram: the default destination
	 * (connect), referenced (soref), owned by any netisr.
	 */
	struct socket	*unp_conn;	/* [p] */
	u_int		unp_flags;	/* [p] UNP_* */
	u_int		unp_conngen;	/* [p] datagram connections made */
	struct vnode	*unp_vnode;	/* [p] bound name, referenced */
	struct sockaddr_un *unp_addr;	/* [p][L] bound name; an accepted
					   socket has its listener's */
	struct xucred	unp_peercred;	/* [p] valid with UNP_HAVEPC */

	/*
	 * Datagram connections across owners.  A socket connected to us
	 * is on our unp_refs with a notice ready (unp_dropmsg) that our
	 * detach sends to its owner, which then disconnects it with
	 * ECONNRESET.
	 */
	LIST_HEAD(, unpcb) unp_refs;	/* [L] datagram sockets aimed at us */
	LIST_ENTRY(unpcb) unp_reflink;	/* [L] on unp_refhost->unp_refs */
	struct unpcb	*unp_refhost;	/* [L] whose unp_refs we are on */
	struct unp_dropmsg *unp_dropmsg; /* [L] our notice while linked */
};

#define UNP_HAVEPC	0x0001	/* unp_peercred holds the peer's */
#define UNP_HAVEPCCACHED 0x0002	/* listener: unp_peercred is ours, for
				   the clients (captured by listen) */
#define UNP_WANTCRED	0x0004	/* LOCAL_CREDS: SCM_CREDS on receive
				   (stream, seqpacket: the next message
				   only; datagram: every datagram) */
#define UNP_CONNWAIT	0x0008	/* LOCAL_CONNWAIT (accepted, no effect) */

#define sotounpcb(so)	((struct unpcb *)(so)->so_pcb)

/*
 * A descriptor whose file has copies in flight (f_msgcount != 0) was
 * closed: the garbage collector may now find a cycle.  Cheap; callable
 * from any context that may take a spinlock (kern/kern_descrip.c).
 */
void	unp_gc_schedule(void);

/*
 * For tests: run a collector pass now and wait until it and the release
 * of every disposed descriptor are done.  User or kernel thread.
 */
void	unp_gc_sync(void);

#endif /* !_SYS_UNPCB_H_ */
