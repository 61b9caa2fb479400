/*
 * sys/socket.h (kernel): the socket ABI shared with user space, with
 * FreeBSD's values and layouts: sa_len-prefixed addresses, the 128-byte
 * sockaddr_storage, struct msghdr, control messages and their macros,
 * socket types, options, message flags, shutdown directions.
 *
 * User space has its own copy (lib/libc/include/sys/socket.h); the build
 * checks that both agree on every SOCK_, SO_, AF_, MSG_, SCM_ and SHUT_
 * value (mk/user.mk, socket-check).  Kernel-only declarations are at the
 * end, under _KERNEL.
 */
#ifndef _SYS_SOCKET_H_
#define _SYS_SOCKET_H_

#include <sys/types.h>
#include <sys/uio.h>

typedef uint8_t		sa_family_t;
typedef uint32_t	socklen_t;

/* Types. */
#define SOCK_STREAM	1
#define SOCK_DGRAM	2
#define SOCK_RAW	3
#define SOCK_RDM	4
#define SOCK_SEQPACKET	5
/* Flags or'ed into socket()/socketpair()'s type. */
#define SOCK_CLOEXEC	0x10000000
#define SOCK_NONBLOCK	0x20000000

/* Boolean options kept in so_options. */
#define SO_DEBUG	0x00000001
#define SO_ACCEPTCONN	0x00000002	/* listen() was called (read only) */
#define SO_REUSEADDR	0x00000004
#define SO_KEEPALIVE	0x00000008
#define SO_DONTROUTE	0x00000010
#define SO_BROADCAST	0x00000020
#define SO_USELOOPBACK	0x00000040
#define SO_LINGER	0x00000080	/* set with SO_LINGER's struct */
#define SO_OOBINLINE	0x00000100
#define SO_REUSEPORT	0x00000200
#define SO_TIMESTAMP	0x00000400
#define SO_NOSIGPIPE	0x00000800
#define SO_ACCEPTFILTER	0x00001000
#define SO_BINTIME	0x00002000
#define SO_NO_OFFLOAD	0x00004000
#define SO_NO_DDP	0x00008000
#define SO_REUSEPORT_LB	0x00010000
#define SO_RERROR	0x00020000

/* Other options, not bits in so_options. */
#define SO_SNDBUF	0x1001
#define SO_RCVBUF	0x1002
#define SO_SNDLOWAT	0x1003
#define SO_RCVLOWAT	0x1004
#define SO_SNDTIMEO	0x1005
#define SO_RCVTIMEO	0x1006
#define SO_ERROR	0x1007
#define SO_TYPE		0x1008
#define SO_LABEL	0x1009
#define SO_PEERLABEL	0x1010
#define SO_LISTENQLIMIT	0x1011
#define SO_LISTENQLEN	0x1012
#define SO_LISTENINCQLEN 0x1013
#define SO_SETFIB	0x1014
#define SO_USER_COOKIE	0x1015
#define SO_PROTOCOL	0x1016
#define SO_PROTOTYPE	SO_PROTOCOL
#define SO_TS_CLOCK	0x1017
#define SO_MAX_PACING_RATE 0x1018
#define SO_DOMAIN	0x1019
#define SO_VENDOR	0x80000000

struct linger {
	int	l_onoff;
	int	l_linger;		/* seconds */
};

#define SOL_SOCKET	0xffff

/* Address (and protocol) families. */
#define AF_UNSPEC	0
#define AF_UNIX		1
#define AF_LOCAL	AF_UNIX
#define AF_INET		2
#define AF_ROUTE	17
#define AF_LINK		18
#define AF_INET6	28
#define AF_MAX		44
#define PF_UNSPEC	AF_UNSPEC
#define PF_UNIX		AF_UNIX
#define PF_LOCAL	AF_LOCAL
#define PF_INET		AF_INET
#define PF_INET6	AF_INET6
#define PF_MAX		AF_MAX

#define SOCK_MAXADDRLEN	255

struct sockaddr {
	u_char		sa_len;
	sa_family_t	sa_family;
	char		sa_data[14];	/* really sa_len - 2 bytes */
};

#define _SS_MAXSIZE	128U
#define _SS_ALIGNSIZE	(sizeof(int64_t))
#define _SS_PAD1SIZE	(_SS_ALIGNSIZE - sizeof(u_char) - sizeof(sa_family_t))
#define _SS_PAD2SIZE	(_SS_MAXSIZE - sizeof(u_char) - sizeof(sa_family_t) - \
			    _SS_PAD1SIZE - _SS_ALIGNSIZE)
struct sockaddr_storage {
	u_char		ss_len;
	sa_family_t	ss_family;
	char		__ss_pad1[_SS_PAD1SIZE];
	int64_t		__ss_align;
	char		__ss_pad2[_SS_PAD2SIZE];
};

#define SOMAXCONN	128

struct msghdr {
	void		*msg_name;
	socklen_t	msg_namelen;
	struct iovec	*msg_iov;
	int		msg_iovlen;
	void		*msg_control;
	socklen_t	msg_controllen;
	int		msg_flags;
};

#define MSG_OOB		0x00000001
#define MSG_PEEK	0x00000002
#define MSG_DONTROUTE	0x00000004
#define MSG_EOR		0x00000008
#define MSG_TRUNC	0x00000010
#define MSG_CTRUNC	0x00000020
#define MSG_WAITALL	0x00000040
#define MSG_DONTWAIT	0x00000080
#define MSG_EOF		0x00000100
#define MSG_NOTIFICATION 0x00002000
#define MSG_NBIO	0x00004000
#define MSG_COMPAT	0x00008000
#define MSG_SOCALLBCK	0x00010000
#define MSG_NOSIGNAL	0x00020000
#define MSG_CMSG_CLOEXEC 0x00040000
#define MSG_WAITFORONE	0x00080000
#define MSG_MORETOCOME	0x00100000

struct cmsghdr {
	socklen_t	cmsg_len;	/* with the header */
	int		cmsg_level;
	int		cmsg_type;
	/* followed by u_char cmsg_data[] */
};

#define CMGROUP_MAX	16
struct cmsgcred {
	pid_t	cmcred_pid;
	uid_t	cmcred_uid;
	uid_t	cmcred_euid;
	gid_t	cmcred_gid;
	short	cmcred_ngroups;
	gid_t	cmcred_groups[CMGROUP_MAX];
};

struct sockcred {
	uid_t	sc_uid;
	uid_t	sc_euid;
	gid_t	sc_gid;
	gid_t	sc_egid;
	int	sc_ngroups;
	gid_t	sc_groups[1];
};
#define SOCKCREDSIZE(ngrps) \
	(sizeof(struct sockcred) + (sizeof(gid_t) * ((ngrps) - 1)))

#define _CMSG_ALIGN(n)	(((uintptr_t)(n) + (sizeof(long) - 1)) & \
			    ~(sizeof(long) - 1))
#define CMSG_DATA(cmsg)	((u_char *)(cmsg) + _CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_SPACE(l)	(_CMSG_ALIGN(sizeof(struct cmsghdr)) + _CMSG_ALIGN(l))
#define CMSG_LEN(l)	(_CMSG_ALIGN(sizeof(struct cmsghdr)) + (l))

#define SCM_RIGHTS	0x01
#define SCM_TIMESTAMP	0x02
#define SCM_CREDS	0x03
#define SCM_BINTIME	0x04

#define SHUT_RD		0
#define SHUT_WR		1
#define SHUT_RDWR	2

#ifdef _KERNEL
/* Kernel-side helpers for addresses (sys/kern/uipc_syscalls.c). */
struct sockaddr *sodupsockaddr(const struct sockaddr *sa, int how);
#endif

#endif /* !_SYS_SOCKET_H_ */
