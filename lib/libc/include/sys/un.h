/*
 * sys/un.h (user space): UNIX-domain socket addresses and options.
 */
#ifndef _SYS_UN_H_
#define _SYS_UN_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _SA_FAMILY_T_DECLARED
typedef	__sa_family_t	sa_family_t;
#define	_SA_FAMILY_T_DECLARED
#endif

struct sockaddr_un {
	unsigned char	sun_len;	/* sockaddr len including null */
	sa_family_t	sun_family;	/* AF_UNIX */
	char	sun_path[104];		/* path name (gag) */
};

/* Socket options. */
#define	LOCAL_PEERCRED		1	/* retrieve peer credentials */
#define	LOCAL_CREDS		2	/* pass credentials to receiver */
#define	LOCAL_CREDS_PERSISTENT	3	/* pass credentials to receiver */
#define	LOCAL_CONNWAIT		4	/* connects block until accepted */
#define	LOCAL_VENDOR		SO_VENDOR

#define	SOL_LOCAL		0	/* level for the options above */

/* actual length of an initialized sockaddr_un */
#define	SUN_LEN(su) \
	(sizeof(*(su)) - sizeof((su)->sun_path) + __builtin_strlen((su)->sun_path))

#include <sys/ucred.h>

#endif /* !_SYS_UN_H_ */
