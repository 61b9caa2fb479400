/*
 * sys/un.h (kernel): AF_UNIX addresses and the local domain's socket
 * options, with FreeBSD's values.  User space's copy is
 * lib/libc/include/sys/un.h.  The protocol is sys/kern/uipc_usrreq.c.
 */
#ifndef _SYS_UN_H_
#define _SYS_UN_H_

#include <sys/types.h>
#include <sys/socket.h>

struct sockaddr_un {
	u_char		sun_len;	/* with the NUL, if any */
	sa_family_t	sun_family;	/* AF_UNIX */
	char		sun_path[104];	/* not necessarily NUL-terminated */
};

/* Options at level 0 (SOL_LOCAL). */
#define SOL_LOCAL		0
#define LOCAL_PEERCRED		1	/* struct xucred of the peer */
#define LOCAL_CREDS		2	/* receive SCM_CREDS (struct sockcred) */
#define LOCAL_CONNWAIT		4
#define LOCAL_VENDOR		SO_VENDOR
#define LOCAL_CREDS_PERSISTENT	3

/* struct xucred, as LOCAL_PEERCRED returns it (FreeBSD sys/ucred.h). */
#define XU_NGROUPS	16
#define XUCRED_VERSION	0
struct xucred {
	u_int	cr_version;
	uid_t	cr_uid;
	short	cr_ngroups;
	gid_t	cr_groups[XU_NGROUPS];
	union {
		void	*_cr_unused1;
		pid_t	cr_pid;
	};
};

#endif /* !_SYS_UN_H_ */
