/*
 * sys/select.h: select(2) descriptor sets, FreeBSD's layout (an array of
 * 64-bit words, FD_SETSIZE 1024).  sys_select() (kern/sys_generic.c) maps
 * each set onto poll events: read -> POLLRDNORM|POLLHUP, write ->
 * POLLWRNORM|POLLHUP, except -> POLLRDBAND; a descriptor that is not open
 * fails the call with EBADF.
 */
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <sys/types.h>

typedef unsigned long	__fd_mask;
#define _NFDBITS	(sizeof(__fd_mask) * 8)

#ifndef FD_SETSIZE
#define FD_SETSIZE	1024
#endif

typedef struct fd_set {
	__fd_mask	__fds_bits[(FD_SETSIZE + _NFDBITS - 1) / _NFDBITS];
} fd_set;

#define __fdset_mask(n)	((__fd_mask)1 << ((n) % _NFDBITS))
#define FD_CLR(n, p)	((p)->__fds_bits[(n) / _NFDBITS] &= ~__fdset_mask(n))
#define FD_ISSET(n, p)							\
	(((p)->__fds_bits[(n) / _NFDBITS] & __fdset_mask(n)) != 0)
#define FD_SET(n, p)	((p)->__fds_bits[(n) / _NFDBITS] |= __fdset_mask(n))
#define FD_ZERO(p)	do {						\
	for (unsigned int _i = 0; _i < sizeof(*(p)) / sizeof(__fd_mask); _i++) \
		(p)->__fds_bits[_i] = 0;				\
} while (0)

#ifdef _KERNEL
struct thread;
/*
 * in[k]/out[k]: read, write, except sets of nd bits (NULL: not asked);
 * timeout_ns < 0: no limit.  The number of bits set in td_retval[0].
 */
int	kern_select(struct thread *td, int nd, __fd_mask *in[3],
	    __fd_mask *out[3], long timeout_ns);
#endif

#endif /* !_SYS_SELECT_H_ */
