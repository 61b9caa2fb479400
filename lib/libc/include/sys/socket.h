/*
 * sys/socket.h (user space): sockets, FreeBSD's values and layouts
 * (sa_len/ss_len-prefixed addresses, 128-byte sockaddr_storage, BSD
 * msghdr and control-message macros).  Until the socket layer lands the
 * kernel answers the socket calls with ENOSYS.
 */
#ifndef _SYS_SOCKET_H_
#define _SYS_SOCKET_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_iovec.h>
#include <machine/endian.h>

#ifndef _GID_T_DECLARED
typedef	__gid_t		gid_t;
#define	_GID_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef	__off_t		off_t;
#define	_OFF_T_DECLARED
#endif
#ifndef _PID_T_DECLARED
typedef	__pid_t		pid_t;
#define	_PID_T_DECLARED
#endif
#ifndef _SA_FAMILY_T_DECLARED
typedef	__sa_family_t	sa_family_t;
#define	_SA_FAMILY_T_DECLARED
#endif
#ifndef _SOCKLEN_T_DECLARED
typedef	__socklen_t	socklen_t;
#define	_SOCKLEN_T_DECLARED
#endif
#ifndef _SSIZE_T_DECLARED
typedef	__ssize_t	ssize_t;
#define	_SSIZE_T_DECLARED
#endif
#ifndef _UID_T_DECLARED
typedef	__uid_t		uid_t;
#define	_UID_T_DECLARED
#endif

/* Types */
#define	SOCK_STREAM	1		/* stream socket */
#define	SOCK_DGRAM	2		/* datagram socket */
#define	SOCK_RAW	3		/* raw-protocol interface */
#define	SOCK_RDM	4		/* reliably-delivered message */
#define	SOCK_SEQPACKET	5		/* sequenced packet stream */

/* Creation flags, OR'ed into socket() and socketpair() type argument. */
#define	SOCK_CLOEXEC	0x10000000
#define	SOCK_NONBLOCK	0x20000000

/* Option flags per-socket. */
#define	SO_DEBUG	0x00000001	/* turn on debugging info recording */
#define	SO_ACCEPTCONN	0x00000002	/* socket has had listen() */
#define	SO_REUSEADDR	0x00000004	/* allow local address reuse */
#define	SO_KEEPALIVE	0x00000008	/* keep connections alive */
#define	SO_DONTROUTE	0x00000010	/* just use interface addresses */
#define	SO_BROADCAST	0x00000020	/* permit sending of broadcast msgs */
#define	SO_USELOOPBACK	0x00000040	/* bypass hardware when possible */
#define	SO_LINGER	0x00000080	/* linger on close if data present */
#define	SO_OOBINLINE	0x00000100	/* leave received OOB data in line */
#define	SO_REUSEPORT	0x00000200	/* allow local address & port reuse */
#define	SO_TIMESTAMP	0x00000400	/* timestamp received dgram traffic */
#define	SO_NOSIGPIPE	0x00000800	/* no SIGPIPE from EPIPE */
#define	SO_ACCEPTFILTER	0x00001000	/* there is an accept filter */
#define	SO_BINTIME	0x00002000	/* timestamp received dgram traffic */
#define	SO_NO_OFFLOAD	0x00004000	/* socket cannot be offloaded */
#define	SO_NO_DDP	0x00008000	/* disable direct data placement */
#define	SO_REUSEPORT_LB	0x00010000	/* reuse with load balancing */
#define	SO_RERROR	0x00020000	/* keep track of receive errors */

/* Additional options, not kept in so_options. */
#define	SO_SNDBUF	0x1001		/* send buffer size */
#define	SO_RCVBUF	0x1002		/* receive buffer size */
#define	SO_SNDLOWAT	0x1003		/* send low-water mark */
#define	SO_RCVLOWAT	0x1004		/* receive low-water mark */
#define	SO_SNDTIMEO	0x1005		/* send timeout */
#define	SO_RCVTIMEO	0x1006		/* receive timeout */
#define	SO_ERROR	0x1007		/* get error status and clear */
#define	SO_TYPE		0x1008		/* get socket type */
#define	SO_LABEL	0x1009		/* socket's MAC label */
#define	SO_PEERLABEL	0x1010		/* socket's peer's MAC label */
#define	SO_LISTENQLIMIT	0x1011		/* socket's backlog limit */
#define	SO_LISTENQLEN	0x1012		/* socket's complete queue length */
#define	SO_LISTENINCQLEN 0x1013		/* socket's incomplete queue length */
#define	SO_SETFIB	0x1014		/* use this FIB to route */
#define	SO_USER_COOKIE	0x1015		/* user cookie (dummynet etc.) */
#define	SO_PROTOCOL	0x1016		/* get socket protocol (Linux name) */
#define	SO_PROTOTYPE	SO_PROTOCOL	/* alias for SO_PROTOCOL (SunOS name) */
#define	SO_TS_CLOCK	0x1017		/* clock type used for SO_TIMESTAMP */
#define	SO_MAX_PACING_RATE 0x1018	/* socket's max TX pacing rate */
#define	SO_DOMAIN	0x1019		/* get socket domain */

#define	SO_TS_REALTIME_MICRO	0
#define	SO_TS_BINTIME		1
#define	SO_TS_REALTIME		2
#define	SO_TS_MONOTONIC		3
#define	SO_TS_DEFAULT		SO_TS_REALTIME_MICRO
#define	SO_TS_CLOCK_MAX		SO_TS_MONOTONIC

#define	SO_VENDOR	0x80000000

struct linger {
	int	l_onoff;		/* option on/off */
	int	l_linger;		/* linger time */
};

struct accept_filter_arg {
	char	af_name[16];
	char	af_arg[256 - 16];
};

#define	SOL_SOCKET	0xffff		/* options for socket level */

/* Address families. */
#define	AF_UNSPEC	0		/* unspecified */
#define	AF_LOCAL	AF_UNIX		/* local to host (pipes, portals) */
#define	AF_UNIX		1		/* standardized name for AF_LOCAL */
#define	AF_INET		2		/* internetwork: UDP, TCP, etc. */
#define	AF_IMPLINK	3
#define	AF_PUP		4
#define	AF_CHAOS	5
#define	AF_NETBIOS	6
#define	AF_ISO		7
#define	AF_OSI		AF_ISO
#define	AF_ECMA		8
#define	AF_DATAKIT	9
#define	AF_CCITT	10
#define	AF_SNA		11
#define	AF_DECnet	12
#define	AF_DLI		13
#define	AF_LAT		14
#define	AF_HYLINK	15
#define	AF_APPLETALK	16
#define	AF_ROUTE	17		/* Internal Routing Protocol */
#define	AF_LINK		18		/* Link layer interface */
#define	pseudo_AF_XTP	19
#define	AF_COIP		20
#define	AF_CNT		21
#define	pseudo_AF_RTIP	22
#define	AF_IPX		23
#define	AF_SIP		24
#define	pseudo_AF_PIP	25
#define	AF_ISDN		26
#define	AF_E164		AF_ISDN
#define	pseudo_AF_KEY	27
#define	AF_INET6	28		/* IPv6 */
#define	AF_NATM		29
#define	AF_ATM		30
#define	pseudo_AF_HDRCMPLT 31
#define	AF_NETGRAPH	32
#define	AF_SLOW		33
#define	AF_SCLUSTER	34
#define	AF_ARP		35
#define	AF_BLUETOOTH	36
#define	AF_IEEE80211	37
#define	AF_NETLINK	38
#define	AF_INET_SDP	40
#define	AF_INET6_SDP	42
#define	AF_HYPERV	43
#define	AF_DIVERT	44
#define	AF_MAX		44

#define	SOCK_MAXADDRLEN	255		/* longest possible addresses */

struct sockaddr {
	unsigned char	sa_len;		/* total length */
	sa_family_t	sa_family;	/* address family */
	char		sa_data[14];	/* actually longer; address value */
};

#define	_SS_MAXSIZE	128U
#define	_SS_ALIGNSIZE	(sizeof(__int64_t))
#define	_SS_PAD1SIZE	(_SS_ALIGNSIZE - sizeof(unsigned char) - \
			    sizeof(sa_family_t))
#define	_SS_PAD2SIZE	(_SS_MAXSIZE - sizeof(unsigned char) - \
			    sizeof(sa_family_t) - _SS_PAD1SIZE - _SS_ALIGNSIZE)

struct sockaddr_storage {
	unsigned char	ss_len;		/* address length */
	sa_family_t	ss_family;	/* address family */
	char		__ss_pad1[_SS_PAD1SIZE];
	__int64_t	__ss_align;	/* force desired struct alignment */
	char		__ss_pad2[_SS_PAD2SIZE];
};

struct sockproto {
	unsigned short	sp_family;		/* address family */
	unsigned short	sp_protocol;		/* protocol */
};

/* Protocol families, same as address families for now. */
#define	PF_UNSPEC	AF_UNSPEC
#define	PF_LOCAL	AF_LOCAL
#define	PF_UNIX		PF_LOCAL
#define	PF_INET		AF_INET
#define	PF_ROUTE	AF_ROUTE
#define	PF_LINK		AF_LINK
#define	PF_KEY		pseudo_AF_KEY
#define	PF_INET6	AF_INET6
#define	PF_NETLINK	AF_NETLINK
#define	PF_DIVERT	AF_DIVERT
#define	PF_MAX		AF_MAX

/* Maximum queue length specifiable by listen. */
#define	SOMAXCONN	128

struct msghdr {
	void		*msg_name;		/* optional address */
	socklen_t	 msg_namelen;		/* size of address */
	struct iovec	*msg_iov;		/* scatter/gather array */
	int		 msg_iovlen;		/* # elements in msg_iov */
	void		*msg_control;		/* ancillary data, see below */
	socklen_t	 msg_controllen;	/* ancillary data buffer len */
	int		 msg_flags;		/* flags on received message */
};

#define	MSG_OOB		 0x00000001	/* process out-of-band data */
#define	MSG_PEEK	 0x00000002	/* peek at incoming message */
#define	MSG_DONTROUTE	 0x00000004	/* send without using routing tables */
#define	MSG_EOR		 0x00000008	/* data completes record */
#define	MSG_TRUNC	 0x00000010	/* data discarded before delivery */
#define	MSG_CTRUNC	 0x00000020	/* control data lost before delivery */
#define	MSG_WAITALL	 0x00000040	/* wait for full request or error */
#define	MSG_DONTWAIT	 0x00000080	/* this message should be nonblocking */
#define	MSG_EOF		 0x00000100	/* data completes connection */
#define	MSG_NOTIFICATION 0x00002000	/* SCTP notification */
#define	MSG_NBIO	 0x00004000	/* FIONBIO mode, used by fifofs */
#define	MSG_COMPAT	 0x00008000	/* used in sendit() */
#define	MSG_SOCALLBCK	 0x00010000	/* for use by socket callbacks */
#define	MSG_NOSIGNAL	 0x00020000	/* do not generate SIGPIPE on EOF */
#define	MSG_CMSG_CLOEXEC 0x00040000	/* make received fds close-on-exec */
#define	MSG_WAITFORONE	 0x00080000	/* for recvmmsg() */
#define	MSG_MORETOCOME	 0x00100000	/* additional data pending */
#define	MSG_TLSAPPDATA	 0x00200000	/* do not soreceive() alert rec. */

struct cmsghdr {
	socklen_t	cmsg_len;		/* data byte count, including hdr */
	int		cmsg_level;		/* originating protocol */
	int		cmsg_type;		/* protocol-specific type */
/* followed by	u_char  cmsg_data[]; */
};

#define	CMGROUP_MAX 16

struct cmsgcred {
	pid_t	cmcred_pid;		/* PID of sending process */
	uid_t	cmcred_uid;		/* real UID of sending process */
	uid_t	cmcred_euid;		/* effective UID of sending process */
	gid_t	cmcred_gid;		/* real GID of sending process */
	short	cmcred_ngroups;		/* number or groups */
	gid_t	cmcred_groups[CMGROUP_MAX];	/* groups */
};

struct sockcred {
	uid_t	sc_uid;			/* real user id */
	uid_t	sc_euid;		/* effective user id */
	gid_t	sc_gid;			/* real group id */
	gid_t	sc_egid;		/* effective group id */
	int	sc_ngroups;		/* number of supplemental groups */
	gid_t	sc_groups[1];		/* variable length */
};
#define	SOCKCREDSIZE(ngrps) \
	(sizeof(struct sockcred) + (sizeof(gid_t) * ((ngrps) - 1)))

struct sockcred2 {
	int	sc_version;		/* version of this structure */
	pid_t	sc_pid;			/* PID of sending process */
	uid_t	sc_uid;			/* real user id */
	uid_t	sc_euid;		/* effective user id */
	gid_t	sc_gid;			/* real group id */
	gid_t	sc_egid;		/* effective group id */
	int	sc_ngroups;		/* number of supplemental groups */
	gid_t	sc_groups[1];		/* variable length */
};
#define	SOCKCRED2SIZE(ngrps) \
	(sizeof(struct sockcred2) + (sizeof(gid_t) * ((ngrps) - 1)))

#define	_CMSG_ALIGN(n)	(((__uintptr_t)(n) + (sizeof(long) - 1)) & \
			    ~(sizeof(long) - 1))

/* given pointer to struct cmsghdr, return pointer to data */
#define	CMSG_DATA(cmsg)		((unsigned char *)(cmsg) + \
				 _CMSG_ALIGN(sizeof(struct cmsghdr)))

/* given pointer to struct cmsghdr, return pointer to next cmsghdr */
#define	CMSG_NXTHDR(mhdr, cmsg)						\
	((char *)(cmsg) == (char *)0 ? CMSG_FIRSTHDR(mhdr) :		\
	    ((char *)(cmsg) + _CMSG_ALIGN(((struct cmsghdr *)(cmsg))->cmsg_len) + \
	    _CMSG_ALIGN(sizeof(struct cmsghdr)) >				\
		(char *)(mhdr)->msg_control + (mhdr)->msg_controllen) ?	\
	    (struct cmsghdr *)0 :					\
	    (struct cmsghdr *)(void *)((char *)(cmsg) +			\
		_CMSG_ALIGN(((struct cmsghdr *)(cmsg))->cmsg_len)))

#define	CMSG_FIRSTHDR(mhdr) \
	((mhdr)->msg_controllen >= sizeof(struct cmsghdr) ? \
	 (struct cmsghdr *)(mhdr)->msg_control : \
	 (struct cmsghdr *)0)

#define	CMSG_SPACE(l)		(_CMSG_ALIGN(sizeof(struct cmsghdr)) + _CMSG_ALIGN(l))
#define	CMSG_LEN(l)		(_CMSG_ALIGN(sizeof(struct cmsghdr)) + (l))

/* "Socket"-level control message types: */
#define	SCM_RIGHTS	0x01		/* access rights (array of int) */
#define	SCM_TIMESTAMP	0x02		/* timestamp (struct timeval) */
#define	SCM_CREDS	0x03		/* process creds (struct cmsgcred) */
#define	SCM_BINTIME	0x04		/* timestamp (struct bintime) */
#define	SCM_REALTIME	0x05		/* timestamp (struct timespec) */
#define	SCM_MONOTONIC	0x06		/* timestamp (struct timespec) */
#define	SCM_TIME_INFO	0x07		/* timestamp info */
#define	SCM_CREDS2	0x08		/* process creds (struct sockcred2) */

/* howto arguments for shutdown(2), specified by Posix.1g. */
#define	SHUT_RD		0		/* shut down the reading side */
#define	SHUT_WR		1		/* shut down the writing side */
#define	SHUT_RDWR	2		/* shut down both sides */

/* sendfile(2) header/trailer struct */
struct sf_hdtr {
	struct iovec *headers;	/* pointer to an array of header struct iovec's */
	int hdr_cnt;		/* number of header iovec's */
	struct iovec *trailers;	/* pointer to an array of trailer struct iovec's */
	int trl_cnt;		/* number of trailer iovec's */
};
#define	SF_NODISKIO	0x00000001
#define	SF_MNOWAIT	0x00000002
#define	SF_SYNC		0x00000004
#define	SF_USER_READAHEAD 0x00000008
#define	SF_NOCACHE	0x00000010

__BEGIN_DECLS
int	accept(int, struct sockaddr * __restrict, socklen_t * __restrict);
int	accept4(int, struct sockaddr * __restrict, socklen_t * __restrict, int);
int	bind(int, const struct sockaddr *, socklen_t);
int	bindat(int, int, const struct sockaddr *, socklen_t);
int	connect(int, const struct sockaddr *, socklen_t);
int	connectat(int, int, const struct sockaddr *, socklen_t);
int	getpeername(int, struct sockaddr * __restrict, socklen_t * __restrict);
int	getsockname(int, struct sockaddr * __restrict, socklen_t * __restrict);
int	getsockopt(int, int, int, void * __restrict, socklen_t * __restrict);
int	listen(int, int);
ssize_t	recv(int, void *, __size_t, int);
ssize_t	recvfrom(int, void *, __size_t, int, struct sockaddr * __restrict,
	    socklen_t * __restrict);
ssize_t	recvmsg(int, struct msghdr *, int);
ssize_t	send(int, const void *, __size_t, int);
ssize_t	sendto(int, const void *, __size_t, int, const struct sockaddr *,
	    socklen_t);
ssize_t	sendmsg(int, const struct msghdr *, int);
int	sendfile(int, int, off_t, __size_t, struct sf_hdtr *, off_t *, int);
int	setsockopt(int, int, int, const void *, socklen_t);
int	shutdown(int, int);
int	sockatmark(int);
int	socket(int, int, int);
int	socketpair(int, int, int, int *);
__END_DECLS

#endif /* !_SYS_SOCKET_H_ */
