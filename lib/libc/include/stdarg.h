/*
 * stdarg.h (user space): variable argument lists via the compiler.
 */
#ifndef _STDARG_H_
#define _STDARG_H_

#include <sys/_types.h>

#ifndef _VA_LIST_DECLARED
typedef	__va_list	va_list;
#define	_VA_LIST_DECLARED
#endif

#define	va_start(ap, last)	__builtin_va_start((ap), (last))
#define	va_arg(ap, type)	__builtin_va_arg((ap), type)
#define	va_copy(dest, src)	__builtin_va_copy((dest), (src))
#define	__va_copy(dest, src)	__builtin_va_copy((dest), (src))
#define	va_end(ap)		__builtin_va_end(ap)

#endif /* !_STDARG_H_ */
