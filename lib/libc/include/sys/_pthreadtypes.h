/*
 * sys/_pthreadtypes.h (user space): the pthread object types.
 *
 * Unlike FreeBSD's libthr (where pthread_mutex_t and friends are pointers
 * to objects allocated on first use), these are the objects themselves, so
 * static initializers need no allocation.  Programs only use the names and
 * the PTHREAD_*_INITIALIZER macros, so source compatibility holds.  The
 * fields are private to lib/libc/thread.
 */
#ifndef _SYS__PTHREADTYPES_H_
#define _SYS__PTHREADTYPES_H_

#include <sys/_types.h>

struct pthread;

#ifndef _PTHREAD_T_DECLARED
typedef	struct pthread	*pthread_t;
#define	_PTHREAD_T_DECLARED
#endif

typedef	struct pthread_attr {
	__size_t	__stacksize;
	void		*__stackaddr;
	__size_t	__guardsize;
	int		__detachstate;
	int		__inheritsched;
	int		__schedpolicy;
	int		__schedprio;
	int		__scope;
} pthread_attr_t;

typedef	struct pthread_mutex {
	volatile unsigned int __state;	/* 0 free, 1 locked, 2 contended */
	int		__type;		/* PTHREAD_MUTEX_*, 0: default */
	volatile long	__owner;	/* thread id of the holder */
	int		__count;	/* recursion depth */
	int		__spare;
} pthread_mutex_t;

typedef	struct pthread_mutexattr {
	int		__type;
	int		__pshared;
	int		__protocol;
	int		__robust;
} pthread_mutexattr_t;

typedef	struct pthread_cond {
	volatile unsigned int __seq;	/* bumped by every signal/broadcast */
	volatile unsigned int __waiters;
	int		__clock;	/* CLOCK_REALTIME (0) or MONOTONIC */
	int		__spare;
} pthread_cond_t;

typedef	struct pthread_condattr {
	int		__clock;
	int		__pshared;
} pthread_condattr_t;

typedef	struct pthread_rwlock {
	pthread_mutex_t	__lock;
	pthread_cond_t	__readers_ok;
	pthread_cond_t	__writer_ok;
	int		__readers;	/* active readers */
	int		__writer;	/* 1 while a writer holds it */
	int		__waiting_writers;
	int		__spare;
} pthread_rwlock_t;

typedef	struct pthread_rwlockattr {
	int		__pshared;
} pthread_rwlockattr_t;

typedef	struct pthread_barrier {
	pthread_mutex_t	__lock;
	pthread_cond_t	__cv;
	unsigned int	__count;
	unsigned int	__waiting;
	unsigned int	__cycle;
	int		__spare;
} pthread_barrier_t;

typedef	struct pthread_barrierattr {
	int		__pshared;
} pthread_barrierattr_t;

typedef	struct pthread_once {
	volatile int	__state;	/* 0 not run, 1 running, 2 done */
	int		__spare;
} pthread_once_t;

typedef	volatile int	pthread_spinlock_t;
typedef	int		pthread_key_t;

#endif /* !_SYS__PTHREADTYPES_H_ */
