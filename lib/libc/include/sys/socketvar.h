/*
 * sys/socketvar.h (user space): what a program may see of the kernel's
 * sockets.  struct xsocket is one record of the sysctl kern.ipc.socklist
 * (an array of them, one per socket the kernel holds; usr.bin/sockstat
 * prints it), and the SS_* and SBS_* values are the bits its state
 * fields carry.
 *
 * The kernel's sys/sys/socketvar.h defines the same structure and values
 * for its own use; the two must match field for field and bit for bit.
 * Nothing here describes the kernel's struct socket itself: user space
 * never sees it.  A reader should check xso_len against the size it was
 * built with before trusting a record.
 */
#ifndef _SYS_SOCKETVAR_H_
#define _SYS_SOCKETVAR_H_

#include <sys/types.h>

/* xso_state: the protocol half of the socket state (the owner's). */
#define	SS_ISCONNECTED		0x0002	/* connected to a peer */
#define	SS_ISCONNECTING		0x0004	/* connect() in progress */
#define	SS_ISDISCONNECTING	0x0008	/* disconnect in progress */
#define	SS_ISCONFIRMING		0x0400	/* accepting, not yet confirmed */
#define	SS_INCOMP		0x0800	/* on a listener's incomplete queue */
#define	SS_COMP			0x1000	/* on a listener's complete queue */
#define	SS_ISDISCONNECTED	0x2000	/* was connected, no more */

/* xso_ustate: the user half (bits only system calls change). */
#define	SS_NOFDREF		0x0001	/* no descriptor (closed or never) */
#define	SS_NBIO			0x0100	/* non-blocking I/O */
#define	SS_ASYNC		0x0200	/* SIGIO on readiness */
#define	SS_ISCLOSING		0x4000	/* close has begun */

/* xso_rcv_state and xso_snd_state: the socket buffers' state. */
#define	SBS_CANTSENDMORE	0x0010	/* send buffer: no more sends */
#define	SBS_CANTRCVMORE		0x0020	/* receive buffer: EOF after data */
#define	SBS_RCVATMARK		0x0040	/* receive buffer: at the OOB mark */

/*
 * One socket as sysctl kern.ipc.socklist reports it: a snapshot, taken
 * without stopping the socket's owner, so fields may disagree a little
 * with one another.  xso_options holds the SO_* bits of <sys/socket.h>
 * (SO_ACCEPTCONN marks a listener).
 */
struct xsocket {
	uint32_t	xso_len;	/* sizeof(struct xsocket) */
	uint32_t	xso_refs;	/* references held on the socket */
	uint64_t	xso_so;		/* kernel address, an id */
	uint64_t	xso_head;	/* queued: listener's xso_so; else 0 */
	int32_t		xso_family;	/* AF_UNIX ... */
	int32_t		xso_type;	/* SOCK_STREAM ... */
	int32_t		xso_protocol;
	int32_t		xso_cpu;	/* CPU of the owning netisr */
	uint32_t	xso_options;	/* SO_* bits */
	uint32_t	xso_state;	/* SS_* protocol half */
	uint32_t	xso_ustate;	/* SS_* user half */
	uint32_t	xso_qlen, xso_incqlen, xso_qlimit; /* accept queue */
	uint32_t	xso_rcv_cc, xso_rcv_hiwat, xso_rcv_state;
	uint32_t	xso_snd_cc, xso_snd_hiwat, xso_snd_state;
	int32_t		xso_pid;	/* creating process, 0 for the kernel */
	uint32_t	xso_pad;
	char		xso_laddr[108];	/* local address: a sockaddr, sa_len
					   first, or zeroes if none */
	char		xso_faddr[108];	/* peer address, the same form */
};

#endif /* !_SYS_SOCKETVAR_H_ */
