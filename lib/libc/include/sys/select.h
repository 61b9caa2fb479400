/*
 * sys/select.h (user space): select(2) descriptor sets, FreeBSD's layout
 * (FD_SETSIZE 1024 bits in 64-bit words), identical to sys/sys/select.h.
 */
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_sigset.h>
#include <sys/_timeval.h>
#include <sys/_timespec.h>

typedef	unsigned long	__fd_mask;
#define	_NFDBITS	(sizeof(__fd_mask) * 8)
#define	NFDBITS		_NFDBITS
typedef	__fd_mask	fd_mask;

#ifndef FD_SETSIZE
#define	FD_SETSIZE	1024
#endif

#define	_howmany(x, y)	(((x) + ((y) - 1)) / (y))

typedef	struct fd_set {
	__fd_mask	__fds_bits[_howmany(FD_SETSIZE, _NFDBITS)];
} fd_set;
#define	fds_bits	__fds_bits

#define	__fdset_mask(n)	((__fd_mask)1 << ((n) % _NFDBITS))
#define	FD_CLR(n, p)	((p)->__fds_bits[(n) / _NFDBITS] &= ~__fdset_mask(n))
#define	FD_COPY(f, t)	(void)(*(t) = *(f))
#define	FD_ISSET(n, p)	(((p)->__fds_bits[(n) / _NFDBITS] & __fdset_mask(n)) != 0)
#define	FD_SET(n, p)	((p)->__fds_bits[(n) / _NFDBITS] |= __fdset_mask(n))
#define	FD_ZERO(p) do {							\
	fd_set *_p = (p);						\
	__size_t _n = _howmany(FD_SETSIZE, _NFDBITS);			\
	while (_n > 0)							\
		_p->__fds_bits[--_n] = 0;				\
} while (0)

__BEGIN_DECLS
int	pselect(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict,
	    const struct timespec *__restrict, const sigset_t *__restrict);
int	select(int, fd_set *, fd_set *, fd_set *, struct timeval *);
__END_DECLS

#endif /* !_SYS_SELECT_H_ */
