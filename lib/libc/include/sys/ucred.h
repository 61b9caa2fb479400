/*
 * sys/ucred.h (user space): struct xucred, the credentials getpeereid()
 * and LOCAL_PEERCRED return.
 */
#ifndef _SYS_UCRED_H_
#define _SYS_UCRED_H_

#include <sys/_types.h>

#define	XU_NGROUPS	16
#define	XUCRED_VERSION	0

struct xucred {
	unsigned int	cr_version;	/* structure layout version */
	__uid_t		cr_uid;		/* effective user id */
	short		cr_ngroups;	/* number of groups */
	__gid_t		cr_groups[XU_NGROUPS];	/* groups */
	union {
		void	*_cr_unused1;	/* compatibility with old ucred */
		__pid_t	cr_pid;
	};
};
#define	cr_gid	cr_groups[0]

#endif /* !_SYS_UCRED_H_ */
