/*
 * stdint.h (user space): LP64 integer types and limits.
 */
#ifndef _STDINT_H_
#define _STDINT_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_stdint.h>

typedef	__int8_t	int_least8_t;
typedef	__int16_t	int_least16_t;
typedef	__int32_t	int_least32_t;
typedef	__int64_t	int_least64_t;
typedef	__uint8_t	uint_least8_t;
typedef	__uint16_t	uint_least16_t;
typedef	__uint32_t	uint_least32_t;
typedef	__uint64_t	uint_least64_t;
typedef	__int32_t	int_fast8_t;
typedef	__int32_t	int_fast16_t;
typedef	__int32_t	int_fast32_t;
typedef	__int64_t	int_fast64_t;
typedef	__uint32_t	uint_fast8_t;
typedef	__uint32_t	uint_fast16_t;
typedef	__uint32_t	uint_fast32_t;
typedef	__uint64_t	uint_fast64_t;

#define	INT8_C(c)	(c)
#define	INT16_C(c)	(c)
#define	INT32_C(c)	(c)
#define	INT64_C(c)	(c ## L)
#define	UINT8_C(c)	(c)
#define	UINT16_C(c)	(c)
#define	UINT32_C(c)	(c ## U)
#define	UINT64_C(c)	(c ## UL)
#define	INTMAX_C(c)	INT64_C(c)
#define	UINTMAX_C(c)	UINT64_C(c)

#define	INT8_MIN	(-0x7f - 1)
#define	INT16_MIN	(-0x7fff - 1)
#define	INT32_MIN	(-0x7fffffff - 1)
#define	INT64_MIN	(-0x7fffffffffffffffL - 1)
#define	INT8_MAX	0x7f
#define	INT16_MAX	0x7fff
#define	INT32_MAX	0x7fffffff
#define	INT64_MAX	0x7fffffffffffffffL
#define	UINT8_MAX	0xff
#define	UINT16_MAX	0xffff
#define	UINT32_MAX	0xffffffffU
#define	UINT64_MAX	0xffffffffffffffffUL

#define	INT_LEAST8_MIN	INT8_MIN
#define	INT_LEAST16_MIN	INT16_MIN
#define	INT_LEAST32_MIN	INT32_MIN
#define	INT_LEAST64_MIN	INT64_MIN
#define	INT_LEAST8_MAX	INT8_MAX
#define	INT_LEAST16_MAX	INT16_MAX
#define	INT_LEAST32_MAX	INT32_MAX
#define	INT_LEAST64_MAX	INT64_MAX
#define	UINT_LEAST8_MAX	UINT8_MAX
#define	UINT_LEAST16_MAX UINT16_MAX
#define	UINT_LEAST32_MAX UINT32_MAX
#define	UINT_LEAST64_MAX UINT64_MAX
#define	INT_FAST8_MIN	INT32_MIN
#define	INT_FAST16_MIN	INT32_MIN
#define	INT_FAST32_MIN	INT32_MIN
#define	INT_FAST64_MIN	INT64_MIN
#define	INT_FAST8_MAX	INT32_MAX
#define	INT_FAST16_MAX	INT32_MAX
#define	INT_FAST32_MAX	INT32_MAX
#define	INT_FAST64_MAX	INT64_MAX
#define	UINT_FAST8_MAX	UINT32_MAX
#define	UINT_FAST16_MAX	UINT32_MAX
#define	UINT_FAST32_MAX	UINT32_MAX
#define	UINT_FAST64_MAX	UINT64_MAX

#define	INTPTR_MIN	INT64_MIN
#define	INTPTR_MAX	INT64_MAX
#define	UINTPTR_MAX	UINT64_MAX
#define	INTMAX_MIN	INT64_MIN
#define	INTMAX_MAX	INT64_MAX
#define	UINTMAX_MAX	UINT64_MAX
#define	PTRDIFF_MIN	INT64_MIN
#define	PTRDIFF_MAX	INT64_MAX
#define	SIZE_MAX	UINT64_MAX
#define	RSIZE_MAX	(SIZE_MAX >> 1)
#define	SIG_ATOMIC_MIN	INT32_MIN
#define	SIG_ATOMIC_MAX	INT32_MAX
#define	WCHAR_MIN	INT32_MIN
#define	WCHAR_MAX	INT32_MAX
#define	WINT_MIN	INT32_MIN
#define	WINT_MAX	INT32_MAX

#endif /* !_STDINT_H_ */
