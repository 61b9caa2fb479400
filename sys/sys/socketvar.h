/*
 * sys/socketvar.h: struct socket and struct sockbuf, who may write each
 * field, and the socket layer's kernel interface.
 *
 * The model (../shared/design/socket-layer.md; the life-cycle theory is
 * at the top of sys/kern/uipc_socket.c, the request API at the top of
 * sys/kern/uipc_msg.c): every socket is owned by one netisr thread, the
 * one serving so->so_port.  Protocol state is touched only by that
 * thread; a process inside a system call asks the owner by message.
 *
 * Ownership key.  Every field below carries one or more of these letters.
 *   [I]  set before the socket is reachable by another thread, then
 *        immutable.  No assertion.
 *   [p]  written only by the owning netisr thread (or a handler it runs
 *        inline); user context may read it as a snapshot but must not act
 *        on it without asking the owner.  ASSERT_SO_OWNER(so).
 *   [u]  written only from user context, with atomic read-modify-write;
 *        the owner only reads.  No assertion.
 *   [a]  atomic operations only.  No assertion.
 *   [r]  so_rcv's spinlock.  SOCKBUF_LOCK_ASSERT(&so->so_rcv).
 *   [s]  so_snd's spinlock.  SOCKBUF_LOCK_ASSERT(&so->so_snd).
 *   [b]  in struct sockbuf: that buffer's own spinlock ([r] or [s]).
 *   [q]  the listening socket's accept-queue spinlock, so_qlock.
 *        SOQ_LOCK_ASSERT(head).
 *   Two letters mean both rules hold: [r][p] is written by the owner with
 *   so_rcv's lock held, and may be read under either.
 *
 * Lock order (sys/sys/spinlock.h ranks): so_snd/so_rcv (SOCKBUF) <
 * so_qlock (SOQ, a leaf: nothing is taken under it) < port locks.  The
 * two sockbuf locks of one socket are never held together, nor the
 * sockbufs of two sockets.
 */
#ifndef _SYS_SOCKETVAR_H_
#define _SYS_SOCKETVAR_H_

#include <sys/types.h>

/*
 * so_state: the protocol half, written only by the owner [p].  SS_INCOMP
 * and SS_COMP are also [q]: they change only with the head's so_qlock.
 */
#define SS_ISCONNECTED		0x0002	/* connected to a peer */
#define SS_ISCONNECTING		0x0004	/* connect() in progress */
#define SS_ISDISCONNECTING	0x0008	/* disconnect in progress */
#define SS_ISCONFIRMING		0x0400	/* accepting, not yet confirmed */
#define SS_INCOMP		0x0800	/* on the head's so_incomp */
#define SS_COMP			0x1000	/* on the head's so_comp */
#define SS_ISDISCONNECTED	0x2000	/* was connected, no more */

/* so_ustate: the user half [u]. */
#define SS_NOFDREF		0x0001	/* no descriptor (closed or never) */
#define SS_NBIO			0x0100	/* non-blocking I/O */
#define SS_ASYNC		0x0200	/* SIGIO on readiness */
#define SS_ISCLOSING		0x4000	/* soclose() has begun */

/* sb_state: written by the owner under the buffer's lock [b][p]. */
#define SBS_CANTSENDMORE	0x0010	/* so_snd: no more sends */
#define SBS_CANTRCVMORE		0x0020	/* so_rcv: EOF after the data */
#define SBS_RCVATMARK		0x0040	/* so_rcv: at the OOB mark */

/*
 * What kern.ipc.socklist returns: one snapshot per socket.  User space
 * has the same layout in lib/libc/include/sys/socketvar.h.
 */
struct xsocket {
	uint32_t	xso_len;	/* sizeof(struct xsocket) */
	uint32_t	xso_refs;
	uint64_t	xso_so;		/* kernel address, an id */
	uint64_t	xso_head;	/* listener's xso_so if queued, else 0 */
	int32_t		xso_family;
	int32_t		xso_type;
	int32_t		xso_protocol;
	int32_t		xso_cpu;	/* owning netisr */
	uint32_t	xso_options;
	uint32_t	xso_state;
	uint32_t	xso_ustate;
	uint32_t	xso_qlen, xso_incqlen, xso_qlimit;
	uint32_t	xso_rcv_cc, xso_rcv_hiwat, xso_rcv_state;
	uint32_t	xso_snd_cc, xso_snd_hiwat, xso_snd_state;
	int32_t		xso_pid;	/* creator, 0 for the kernel */
	uint32_t	xso_pad;
	char		xso_laddr[108];	/* a sockaddr, sa_len first, or zeroes */
	char		xso_faddr[108];
};

#ifdef _KERNEL

#include <sys/queue.h>
#include <sys/spinlock.h>
#include <sys/selinfo.h>
#include <sys/msgport.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <machine/atomic.h>
#include <net/netmsg.h>

struct mbuf;
struct protosw;
struct sockaddr;
struct sockopt;
struct uio;
struct thread;
struct file;

/*
 * A socket buffer.  The receive buffer is filled by the owner and drained
 * by the reader in user context; the send buffer is filled (charged) by
 * sosend in user context and drained by the owner.  Either side that
 * changes sb_cc or sb_state wakes the other (sorwakeup/sowwakeup).
 */
struct sockbuf {
	struct spinlock	sb_lock;	/* [I] the buffer's lock */
	struct mbuf	*sb_mb;		/* [b] first record (m_nextpkt chain) */
	struct mbuf	*sb_mbtail;	/* [b] last mbuf of the last record */
	struct mbuf	*sb_lastrecord;	/* [b] first mbuf of the last record */
	u_int		sb_cc;		/* [b] data bytes held */
	u_int		sb_ctl;		/* [b] of which control bytes */
	u_int		sb_mbcnt;	/* [b] storage held (mbufs, clusters) */
	u_int		sb_prealloc;	/* [b] charged by sosend, not yet
					   handed over by the owner */
	u_int		sb_hiwat;	/* [b] high-water mark (SO_*BUF) */
	u_int		sb_lowat;	/* [b] low-water mark (SO_*LOWAT) */
	u_int		sb_mbmax;	/* [b] storage limit */
	int		sb_state;	/* [b][p] SBS_* */
	int		sb_flags;	/* [b] SB_* */
	int		sb_timeo;	/* [a] SO_SNDTIMEO/SO_RCVTIMEO, ticks */
	struct thread	*sb_iolock;	/* [b] holder of the I/O lock */
	uint64_t	sb_total;	/* [b][p] bytes ever appended (so_rcv:
					   the stream index of so_oobmark) */
	uint64_t	sb_consumed;	/* [b] bytes ever removed by the reader */
	struct selinfo	sb_sel;		/* [b] poll/select waiters */
};

#define SB_WAIT		0x0004	/* a thread sleeps for data or space */
#define SB_SEL		0x0008	/* a poller recorded itself */
#define SB_IOWANT	0x0010	/* a thread waits for the I/O lock */
#define SB_NOINTR	0x0040	/* the I/O lock wait is not interruptible */
#define SB_AUTOSIZE	0x0800	/* (unused: no automatic sizing) */

/*
 * The accept-queue link and, for listeners, the queues.  Grouped so the
 * so_qlock rule is visible at a glance.
 */
TAILQ_HEAD(soqhead, socket);

struct socket {
	volatile u_int	so_refs;	/* [a] holders, see uipc_socket.c */
	short		so_type;	/* [I] SOCK_* */
	short		so_pad0;
	struct protosw	*so_proto;	/* [I] */
	struct lwkt_port *so_port;	/* [p] the owner's port; changed only
					   by so_move's receipt (section 5) */
	void		*so_pcb;	/* [p] protocol control block */
	volatile u_int	so_options;	/* [u] SO_* bits */
	volatile u_int	so_ustate;	/* [u] SS_NBIO, SS_ASYNC, ... */
	volatile u_int	so_state;	/* [p] SS_ISCONNECTED, ...; written
					   with atomic bit operations (the
					   [q] bits SS_INCOMP/SS_COMP too) */
	volatile int	so_error;	/* [a] consumed by exchange with 0 */
	volatile int	so_linger;	/* [u] SO_LINGER seconds */
	u_long		so_oobmark;	/* [p] stream index of the OOB mark */
	volatile pid_t	so_sigio;	/* [p] SIGIO/SIGURG target, 0: none */
	void		(*so_upcall)(struct socket *, void *, int);
					/* [p] called by the owner on wakeups */
	void		*so_upcallarg;	/* [p] */
	void		*so_accf;	/* [p] accept filter (none built) */

	/* The accept queues: all [q], under the head's so_qlock. */
	struct spinlock	so_qlock;	/* [I] covers the fields below */
	struct socket	*so_head;	/* [q] listener we are queued on */
	TAILQ_ENTRY(socket) so_qlist;	/* [q] on head's so_incomp/so_comp */
	struct soqhead	so_incomp;	/* [q] connections in progress */
	struct soqhead	so_comp;	/* [q] ready for accept() */
	u_int		so_qlen;	/* [q] length of so_comp */
	u_int		so_incqlen;	/* [q] length of so_incomp */
	u_int		so_qlimit;	/* [q] backlog, 0 when not listening */
	u_int		so_qstate;	/* [q] SQ_* */

	struct sockbuf	so_rcv;		/* see struct sockbuf */
	struct sockbuf	so_snd;

	/* Coalesced pru_rcvd (uipc_msg.c): at most one unhandled. */
	volatile u_int	so_rcvd_busy;	/* [a] a pru_rcvd is queued */

	/*
	 * Per-socket message order (sys/net/netmsg.c): senders number their
	 * requests, the owner runs them in that order, parking any that
	 * overtook an earlier one on the way (a chase after a move).
	 */
	volatile uint64_t so_seq_send;	/* [a] last number handed out */
	uint64_t	so_seq_next;	/* [p] number the owner runs next */
	TAILQ_HEAD(, lwkt_msg) so_msgpark; /* [p] early arrivals, by number */

	struct ucred	so_cred;	/* [I] creator's credentials */
	pid_t		so_pid;		/* [I] creator, 0: kernel */
	LIST_ENTRY(socket) so_all;	/* [solist] every socket (sysctl) */
	u_int		so_gen;		/* [I] allocation number */
};

#define SQ_LISTEN	0x0001	/* [q] listening: sonewconn may queue */
#define SQ_CLOSED	0x0002	/* [q] listener closed: refuse and abort */

/* Assertions for the key. */
#define SOCKBUF_LOCK(sb)	spin_lock(&(sb)->sb_lock)
#define SOCKBUF_UNLOCK(sb)	spin_unlock(&(sb)->sb_lock)
#define SOCKBUF_LOCK_ASSERT(sb)						\
	KASSERT(spin_held(&(sb)->sb_lock),				\
	    ("sockbuf %p: lock not held", (sb)))
#define SOQ_LOCK(head)		spin_lock(&(head)->so_qlock)
#define SOQ_UNLOCK(head)	spin_unlock(&(head)->so_qlock)
#define SOQ_LOCK_ASSERT(head)						\
	KASSERT(spin_held(&(head)->so_qlock),				\
	    ("socket %p: so_qlock not held", (head)))
/* [p]: the caller acts as the netisr whose port owns so. */
#define ASSERT_SO_OWNER(so)						\
	KASSERT(so_owned_by_curthread(so),				\
	    ("socket %p: %s on cpu %d is not its owner (port %s)", (so),	\
	    curthread->td_comm, mycpuid, (so)->so_port->mp_name))
/* User context: not a netisr (so never the owner acting inline). */
#define ASSERT_SO_USER()						\
	KASSERT(!IN_NETISR(), ("%s: user-context socket call in a netisr",\
	    curthread->td_comm))
#define SO_REFS_ASSERT(so, cond)					\
	KASSERT((cond), ("socket %p: so_refs %u fails %s", (so),	\
	    (so)->so_refs, #cond))

int	so_owned_by_curthread(struct socket *so);	/* uipc_msg.c */

/* Space left in a buffer, counting what sosend has charged. */
static inline long
sbspace(struct sockbuf *sb)
{
	long bleft = (long)sb->sb_hiwat - sb->sb_cc - sb->sb_prealloc;
	long mleft = (long)sb->sb_mbmax - sb->sb_mbcnt;

	return (bleft < mleft ? bleft : mleft);
}

static inline void
soref(struct socket *so)
{
	u_int old __unused = atomic_fetchadd_int(&so->so_refs, 1);

	KASSERT(old > 0, ("soref: socket %p already freed", so));
}

/*
 * A socket option request, FreeBSD-shaped.  sopt_td NULL (or
 * sopt_valsize pointing to kernel memory, SOPT_KERNEL) means a kernel
 * caller: the value is copied with memcpy, not copyin/copyout.
 */
enum sopt_dir { SOPT_GET, SOPT_SET };
struct sockopt {
	enum sopt_dir	sopt_dir;
	int		sopt_level;
	int		sopt_name;
	void		*sopt_val;
	size_t		sopt_valsize;
	struct thread	*sopt_td;	/* NULL: kernel buffers */
};

/* The socket life cycle (uipc_socket.c). */
int	socreate(int dom, struct socket **aso, int type, int proto,
	    struct thread *td);
int	sobind(struct socket *so, struct sockaddr *nam, struct thread *td);
int	solisten(struct socket *so, int backlog, struct thread *td);
int	soaccept(struct socket *head, int nbio, struct socket **aso);
int	soaccept_getname(struct socket *so, struct sockaddr **nam);
int	soconnect(struct socket *so, struct sockaddr *nam, struct thread *td,
	    int nbio);
int	soconnect2(struct socket *so1, struct socket *so2);
int	sowaitconnect(struct socket *so, int nbio);
int	sosend(struct socket *so, struct sockaddr *addr, struct uio *uio,
	    struct mbuf *top, struct mbuf *control, int flags,
	    struct thread *td);
int	soreceive(struct socket *so, struct sockaddr **paddr, struct uio *uio,
	    struct mbuf **mp0, struct mbuf **controlp, int *flagsp);
int	soshutdown(struct socket *so, int how);
int	soclose(struct socket *so);
void	sorele(struct socket *so);
int	sosetopt(struct socket *so, struct sockopt *sopt);
int	sogetopt(struct socket *so, struct sockopt *sopt);
int	sooptcopyin(struct sockopt *sopt, void *buf, size_t len,
	    size_t minlen);
int	sooptcopyout(struct sockopt *sopt, const void *buf, size_t len);
int	sogeterror(struct socket *so);		/* exchange so_error with 0 */
void	soseterror(struct socket *so, int error); /* [p] store, wake all */
int	sopoll(struct socket *so, int events, struct thread *td);
int	sofsetown(struct socket *so, pid_t pid);
int	sockets_inuse(void);

/*
 * Requests to the owner (uipc_msg.c).  User context only (the deadlock
 * rule also lets netisr 0 use the synchronous ones); each takes a socket
 * reference for the message's flight.  _direct: the caller already acts
 * as the owner and runs the handler itself.
 */
MALLOC_DECLARE(M_SONAME);
int	so_pru_attach(struct socket *so, int proto, struct thread *td);
int	so_pru_attach_direct(struct socket *so, int proto);
int	so_pru_bind(struct socket *so, struct sockaddr *nam,
	    struct thread *td);
int	so_pru_connect(struct socket *so, struct sockaddr *nam,
	    struct thread *td, int flags);
int	so_pru_connect2(struct socket *so1, struct socket *so2);
int	so_pru_listen(struct socket *so, int backlog, struct thread *td);
int	so_pru_accept(struct socket *so, struct sockaddr **nam);
int	so_pru_sockaddr(struct socket *so, struct sockaddr **nam);
int	so_pru_peeraddr(struct socket *so, struct sockaddr **nam);
int	so_pru_send(struct socket *so, int flags, struct mbuf *m,
	    struct sockaddr *addr, struct mbuf *control, struct thread *td,
	    u_int charged);
void	so_pru_send_async(struct socket *so, int flags, struct mbuf *m,
	    struct sockaddr *addr, struct mbuf *control, u_int charged);
void	so_pru_rcvd_async(struct socket *so);
int	so_pru_shutdown(struct socket *so, int how);
struct mbuf *so_pru_shutrd(struct socket *so);
int	so_pru_disconnect(struct socket *so);
int	so_pru_abort(struct socket *so);
void	so_pru_abort_direct(struct socket *so);
int	so_pru_detach(struct socket *so);
int	so_pru_control(struct socket *so, u_long cmd, void *data);
int	so_pr_ctloutput(struct socket *so, struct sockopt *sopt);
int	so_setsigio_msg(struct socket *so, pid_t pid);
int	so_move(struct socket *so, int cpu);
int	so_owner_cpu(struct socket *so);

/* Socket buffers and state changes (uipc_socket2.c). */
struct socket *soalloc(struct protosw *pr, int type, int how);
struct socket *sonewconn(struct socket *head, int connstatus);
void	soisconnecting(struct socket *so);
void	soisconnected(struct socket *so);
void	soisdisconnecting(struct socket *so);
void	soisdisconnected(struct socket *so);
void	socantsendmore(struct socket *so);
void	socantrcvmore(struct socket *so);
void	sorwakeup(struct socket *so);
void	sowwakeup(struct socket *so);
void	sowakeup(struct socket *so, struct sockbuf *sb);
void	sorwakeup_locked(struct socket *so);
void	sowwakeup_locked(struct socket *so);
void	sosigio(struct socket *so, int sig);
int	soreserve(struct socket *so, u_long sndcc, u_long rcvcc);
int	sbreserve_locked(struct sockbuf *sb, u_long cc);
void	sbinit(struct sockbuf *sb, const char *name);
void	sbappend_locked(struct sockbuf *sb, struct mbuf *m);
void	sbappendstream_locked(struct sockbuf *sb, struct mbuf *m);
void	sbappendrecord_locked(struct sockbuf *sb, struct mbuf *m0);
int	sbappendaddr_locked(struct sockbuf *sb, const struct sockaddr *asa,
	    struct mbuf *m0, struct mbuf *control);
int	sbappendcontrol_locked(struct sockbuf *sb, struct mbuf *m0,
	    struct mbuf *control);
void	sbdrop_locked(struct sockbuf *sb, int len);
void	sbdroprecord_locked(struct sockbuf *sb);
struct mbuf *sbcut_locked(struct sockbuf *sb, int len);
struct mbuf *sbflush_locked(struct sockbuf *sb);
void	sbrelease(struct sockbuf *sb, struct socket *so);
struct mbuf *sbcutrecord_locked(struct sockbuf *sb);
void	sofree_records(struct socket *so, struct mbuf *rec);
void	sodispose_control(struct socket *so, struct mbuf *control);
void	sbcheck(struct sockbuf *sb);
void	sballoc_locked(struct sockbuf *sb, struct mbuf *m);
void	sbfree_locked(struct sockbuf *sb, struct mbuf *m);
int	sblock(struct sockbuf *sb, int flags);
void	sbunlock(struct sockbuf *sb);
int	sbwait(struct sockbuf *sb, const char *wmesg);
struct mbuf *sbcreatecontrol(const void *p, int size, int type, int level);
void	sbprealloc_release(struct sockbuf *sb, u_int len);
#define SBL_WAIT	0x01	/* sblock: sleep for the lock */
#define SBL_NOINTR	0x02	/* sblock: do not stop on signals */

/* kern.ipc counters (uipc_socket.c). */
extern int	somaxconn;
extern u_long	sb_max;
extern int	numopensockets;

/* The socket fileops (sys_socket.c). */
extern struct fileops socketops;

#endif /* _KERNEL */

#endif /* !_SYS_SOCKETVAR_H_ */
