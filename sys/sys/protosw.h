/*
 * sys/protosw.h: a protocol's switch: its type, flags and the requests
 * the socket layer makes of it.
 *
 * Two kinds of entry points, kept apart on purpose:
 *   - pr_usrreqs->pru_X handlers and pr_ctloutput run only in the owning
 *     netisr thread, from a netmsg (sys/net/netmsg.h).  Each receives the
 *     message, must reply to it (netisr_replymsg) or forward it, and must
 *     never sleep.  User context reaches them only through so_pru_X()
 *     (sys/kern/uipc_msg.c), never by calling them.
 *   - pr_usrreqs->pru_resolve/pru_unresolve run in user context before a
 *     request is sent and after its reply: they may sleep (a name lookup)
 *     and must not touch [p] state.  They turn an address into something
 *     the handler can use without sleeping (AF_UNIX: a referenced vnode
 *     for bind, a referenced socket for connect and sendto).
 */
#ifndef _SYS_PROTOSW_H_
#define _SYS_PROTOSW_H_

#include <sys/types.h>
#include <net/netmsg.h>

struct domain;
struct socket;
struct sockaddr;
struct sockopt;
struct thread;

/* Which request a resolve hook prepares (pru_resolve's req). */
#define PRR_BIND	1
#define PRR_CONNECT	2
#define PRR_SEND	3

struct pr_usrreqs {
	/* Handlers: the owning netisr only; each replies or forwards. */
	netisr_fn_t	pru_abort;	/* drop a queued, never-accepted
					   socket; cannot fail */
	netisr_fn_t	pru_accept;	/* the peer's address */
	netisr_fn_t	pru_attach;	/* make so_pcb */
	netisr_fn_t	pru_bind;
	netisr_fn_t	pru_connect;
	netisr_fn_t	pru_connect2;	/* socketpair() */
	netisr_fn_t	pru_control;	/* ioctl */
	netisr_fn_t	pru_detach;	/* free so_pcb; cannot fail */
	netisr_fn_t	pru_disconnect;
	netisr_fn_t	pru_listen;
	netisr_fn_t	pru_peeraddr;
	netisr_fn_t	pru_rcvd;	/* the reader consumed data */
	netisr_fn_t	pru_send;
	netisr_fn_t	pru_shutdown;	/* SHUT_WR half */
	netisr_fn_t	pru_sockaddr;
	/* User context, may sleep; see the comment at the top. */
	int		(*pru_resolve)(struct socket *so, int req,
			    struct sockaddr *nam, struct thread *td,
			    void **resp);
	void		(*pru_unresolve)(struct socket *so, int req,
			    void *res);
};

struct protosw {
	short		pr_type;	/* SOCK_* */
	struct domain	*pr_domain;
	short		pr_protocol;	/* 0 for the domain's default */
	short		pr_flags;	/* PR_* */
	netisr_fn_t	pr_ctloutput;	/* netmsg_pr_ctloutput, owner only */
	void		(*pr_init)(void);
	/* Which netisr a new socket is born on (uipc_msg.c). */
	int		(*pr_initcpu)(struct socket *so);
	struct pr_usrreqs *pr_usrreqs;
	u_int		pr_nsockets;	/* [a] sockets of this kind in use */
	const char	*pr_name;	/* "unix/stream" for counters */
};

#define PR_ATOMIC	0x01	/* each send is one message */
#define PR_ADDR		0x02	/* addresses come with the data */
#define PR_CONNREQUIRED	0x04	/* must be connected to send */
#define PR_WANTRCVD	0x08	/* tell the owner when data is consumed */
#define PR_RIGHTS	0x10	/* passes access rights */
#define PR_IMPLOPCL	0x20	/* implied open/close (sendto connects) */
#define PR_LASTHDR	0x40

/* pru_send flags (netmsg_pru_send.nm_flags). */
#define PRUS_OOB	0x01	/* MSG_OOB data */
#define PRUS_EOF	0x02	/* send, then shut down the write side */
#define PRUS_MORETOCOME	0x04
#define PRUS_EOR	0x08	/* the data ends a record */
#define PRUS_NOREPLY	0x10	/* asynchronous: nobody reads the error */

#ifdef _KERNEL
struct protosw *pffindtype(int family, int type);
struct protosw *pffindproto(int family, int protocol, int type);
#endif

#endif /* !_SYS_PROTOSW_H_ */
