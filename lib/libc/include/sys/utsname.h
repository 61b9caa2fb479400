/*
 * sys/utsname.h (user space): uname(3), filled from kern.* sysctls.
 */
#ifndef _SYS_UTSNAME_H_
#define _SYS_UTSNAME_H_

#include <sys/cdefs.h>

#define	SYS_NMLN	256

struct utsname {
	char	sysname[SYS_NMLN];	/* Name of this OS. */
	char	nodename[SYS_NMLN];	/* Name of this network node. */
	char	release[SYS_NMLN];	/* Release level. */
	char	version[SYS_NMLN];	/* Version level. */
	char	machine[SYS_NMLN];	/* Hardware type. */
};

__BEGIN_DECLS
int	uname(struct utsname *);
__END_DECLS

#endif /* !_SYS_UTSNAME_H_ */
