/*
 * sys/umtx.h (user space): _umtx_op(2), FreeBSD's operation numbers.
 * lib/libc/thread uses only UMTX_OP_WAIT_UINT_PRIVATE and
 * UMTX_OP_WAKE_PRIVATE (a futex-style wait on a 32-bit word, timeout as a
 * relative struct timespec, uaddr1 = (void *)sizeof(struct timespec)).
 */
#ifndef _SYS_UMTX_H_
#define _SYS_UMTX_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_timespec.h>

#define	UMTX_OP_RESERVED0	0
#define	UMTX_OP_RESERVED1	1
#define	UMTX_OP_WAIT		2
#define	UMTX_OP_WAKE		3
#define	UMTX_OP_MUTEX_TRYLOCK	4
#define	UMTX_OP_MUTEX_LOCK	5
#define	UMTX_OP_MUTEX_UNLOCK	6
#define	UMTX_OP_SET_CEILING	7
#define	UMTX_OP_CV_WAIT		8
#define	UMTX_OP_CV_SIGNAL	9
#define	UMTX_OP_CV_BROADCAST	10
#define	UMTX_OP_WAIT_UINT	11
#define	UMTX_OP_RW_RDLOCK	12
#define	UMTX_OP_RW_WRLOCK	13
#define	UMTX_OP_RW_UNLOCK	14
#define	UMTX_OP_WAIT_UINT_PRIVATE 15
#define	UMTX_OP_WAKE_PRIVATE	16
#define	UMTX_OP_MUTEX_WAIT	17
#define	UMTX_OP_MUTEX_WAKE	18	/* deprecated */
#define	UMTX_OP_SEM_WAIT	19	/* deprecated */
#define	UMTX_OP_SEM_WAKE	20	/* deprecated */
#define	UMTX_OP_NWAKE_PRIVATE	21
#define	UMTX_OP_MUTEX_WAKE2	22
#define	UMTX_OP_SEM2_WAIT	23
#define	UMTX_OP_SEM2_WAKE	24
#define	UMTX_OP_SHM		25
#define	UMTX_OP_ROBUST_LISTS	26
#define	UMTX_OP_GET_MIN_TIMEOUT	27
#define	UMTX_OP_SET_MIN_TIMEOUT	28

#define	UMTX_ABSTIME		0x01

struct _umtx_time {
	struct timespec	_timeout;
	__uint32_t	_flags;
	__uint32_t	_clockid;
};

__BEGIN_DECLS
int	_umtx_op(void *obj, int op, unsigned long val, void *uaddr,
	    void *uaddr2);
__END_DECLS

#endif /* !_SYS_UMTX_H_ */
