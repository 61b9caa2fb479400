/*
 * sched.h (user space).
 */
#ifndef _SCHED_H_
#define _SCHED_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#define	SCHED_FIFO	1
#define	SCHED_OTHER	2
#define	SCHED_RR	3

struct sched_param {
	int	sched_priority;
};

__BEGIN_DECLS
int	sched_get_priority_max(int);
int	sched_get_priority_min(int);
int	sched_yield(void);
int	sched_getcpu(void);
__END_DECLS

#endif /* !_SCHED_H_ */
