/*
 * stddef.h (user space).
 */
#ifndef _STDDEF_H_
#define _STDDEF_H_

#include <sys/_types.h>

#ifndef _PTRDIFF_T_DECLARED
typedef	__ptrdiff_t	ptrdiff_t;
#define	_PTRDIFF_T_DECLARED
#endif
#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif
#ifndef __cplusplus
#ifndef _WCHAR_T_DECLARED
typedef	__wchar_t	wchar_t;
#define	_WCHAR_T_DECLARED
#endif
#endif
#ifndef _RSIZE_T_DECLARED
typedef	__size_t	rsize_t;
#define	_RSIZE_T_DECLARED
#endif

typedef	struct {
	long long	__max_align1 __attribute__((__aligned__(_Alignof(long long))));
	long double	__max_align2 __attribute__((__aligned__(_Alignof(long double))));
} max_align_t;

#ifndef NULL
#define	NULL	((void *)0)
#endif

#define	offsetof(type, field)	__builtin_offsetof(type, field)

#endif /* !_STDDEF_H_ */
