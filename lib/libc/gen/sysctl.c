/*
 * sysctl.c: sysctl(3), sysctlbyname(3), sysctlnametomib(3).
 *
 * sysctlbyname translates the name with FreeBSD's name-to-OID meta node:
 * __sysctl({CTL_SYSCTL, CTL_SYSCTL_NAME2OID}, 2, oid, &len, name,
 * strlen(name)) returns the OID as an array of ints (len in bytes), which
 * is then used for the real request.
 */
#include <sys/types.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <string.h>

#include "libc_private.h"

int
sysctl(const int *name, u_int namelen, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen)
{

	return (__sys___sysctl(name, namelen, oldp, oldlenp, newp, newlen));
}

int
sysctlnametomib(const char *name, int *mibp, size_t *sizep)
{
	int oid[2] = { CTL_SYSCTL, CTL_SYSCTL_NAME2OID };
	size_t len;

	len = *sizep * sizeof(int);
	if (__sys___sysctl(oid, 2, mibp, &len, name, strlen(name)) != 0)
		return (-1);
	*sizep = len / sizeof(int);
	return (0);
}

int
sysctlbyname(const char *name, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen)
{
	int mib[CTL_MAXNAME];
	size_t miblen;

	miblen = CTL_MAXNAME;
	if (sysctlnametomib(name, mib, &miblen) != 0)
		return (-1);
	return (__sys___sysctl(mib, (u_int)miblen, oldp, oldlenp, newp,
	    newlen));
}
