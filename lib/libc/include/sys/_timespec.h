/*
 * sys/_timespec.h (user space): struct timespec.
 */
#ifndef _SYS__TIMESPEC_H_
#define _SYS__TIMESPEC_H_

#include <sys/_types.h>

#ifndef _TIME_T_DECLARED
typedef	__time_t	time_t;
#define	_TIME_T_DECLARED
#endif

struct timespec {
	time_t	tv_sec;		/* seconds */
	long	tv_nsec;	/* and nanoseconds */
};

#endif /* !_SYS__TIMESPEC_H_ */
