/*
 * setjmp.h (user space): non-local jumps (lib/libc/amd64/setjmp.S).
 * setjmp/longjmp save and restore the signal mask (BSD semantics);
 * _setjmp/_longjmp do not; sigsetjmp does when savemask is non-zero.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#include <sys/cdefs.h>

#define	_JBLEN	12		/* Size of the jmp_buf on AMD64. */

typedef	struct _sigjmp_buf { long _sjb[_JBLEN + 1]; } sigjmp_buf[1];
typedef	struct _jmp_buf { long _jb[_JBLEN + 1]; } jmp_buf[1];

__BEGIN_DECLS
int	setjmp(jmp_buf) __returns_twice;
void	longjmp(jmp_buf, int) __dead2;
int	_setjmp(jmp_buf) __returns_twice;
void	_longjmp(jmp_buf, int) __dead2;
int	sigsetjmp(sigjmp_buf, int) __returns_twice;
void	siglongjmp(sigjmp_buf, int) __dead2;
__END_DECLS

#endif /* !_SETJMP_H_ */
