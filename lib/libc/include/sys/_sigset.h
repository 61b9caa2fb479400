/*
 * sys/_sigset.h (user space): the 128-signal set, FreeBSD's layout.
 */
#ifndef _SYS__SIGSET_H_
#define _SYS__SIGSET_H_

#include <sys/_types.h>

#define	_SIG_WORDS	4
#define	_SIG_MAXSIG	128
#define	_SIG_IDX(sig)	((sig) - 1)
#define	_SIG_WORD(sig)	(_SIG_IDX(sig) >> 5)
#define	_SIG_BIT(sig)	(1U << (_SIG_IDX(sig) & 31))
#define	_SIG_VALID(sig)	((sig) <= _SIG_MAXSIG && (sig) > 0)

#ifndef _SIGSET_T_DECLARED
typedef	__sigset_t	sigset_t;
#define	_SIGSET_T_DECLARED
#endif

#endif /* !_SYS__SIGSET_H_ */
