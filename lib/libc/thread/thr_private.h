/*
 * thr_private.h: the thread library's private structures.
 *
 * Ownership key: [I] set before the thread starts, never changed;
 * [c] only the thread itself; [l] thr_list_lock; [k] written by the kernel
 * (thr_new stores td_tid, thr_exit stores 1 in td_exited and wakes it).
 */
#ifndef _THR_PRIVATE_H_
#define _THR_PRIVATE_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <pthread.h>

#include "libc_private.h"

#define	THR_STACK_DEFAULT	(2UL * 1024 * 1024)
#define	THR_NAME_MAX		32
#define	THR_PAGE		4096UL

struct pthread {
	long		td_tid;		/* [k,I] kernel thread id */
	volatile long	td_exited;	/* [k] 1 once off its stack for good */
	void		*(*td_start)(void *); /* [I] */
	void		*td_arg;	/* [I] */
	void		*td_retval;	/* [c] set before exiting */
	int		td_detached;	/* [l] */
	int		td_joining;	/* [l] a joiner owns the cleanup */
	int		td_exiting;	/* [l] past pthread_exit's bookkeeping */
	int		td_main;	/* [I] the initial thread */
	void		*td_map;	/* [I] stack + TLS mapping (0: main) */
	size_t		td_mapsize;	/* [I] */
	void		*td_specific[PTHREAD_KEYS_MAX]; /* [c] */
	int		td_specific_used; /* [c] any key set */
	char		td_name[THR_NAME_MAX]; /* [c] */
	TAILQ_ENTRY(pthread) td_link;	/* [l] all threads or the dead list */
};

extern libc_lock_t thr_list_lock;
extern struct pthread thr_main;

void	_thr_run_key_destructors(struct pthread *);

/* Atomics. */
#define	atomic_cas_uint(p, o, n)	__sync_bool_compare_and_swap((p), (o), (n))
#define	atomic_xchg_uint(p, v)		__atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#define	atomic_add_uint(p, v)		__atomic_add_fetch((p), (v), __ATOMIC_SEQ_CST)
#define	atomic_load_acq(p)		__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define	atomic_store_rel(p, v)		__atomic_store_n((p), (v), __ATOMIC_RELEASE)

#endif /* !_THR_PRIVATE_H_ */
