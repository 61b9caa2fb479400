/*
 * sys/_stdint.h (user space): the exact-width integer types, shared by
 * stdint.h and sys/types.h.
 */
#ifndef _SYS__STDINT_H_
#define _SYS__STDINT_H_

#include <sys/_types.h>

#ifndef _INT8_T_DECLARED
typedef	__int8_t	int8_t;
typedef	__int16_t	int16_t;
typedef	__int32_t	int32_t;
typedef	__int64_t	int64_t;
#define	_INT8_T_DECLARED
#endif
#ifndef _UINT8_T_DECLARED
typedef	__uint8_t	uint8_t;
typedef	__uint16_t	uint16_t;
typedef	__uint32_t	uint32_t;
typedef	__uint64_t	uint64_t;
#define	_UINT8_T_DECLARED
#endif
#ifndef _INTPTR_T_DECLARED
typedef	__intptr_t	intptr_t;
#define	_INTPTR_T_DECLARED
#endif
#ifndef _UINTPTR_T_DECLARED
typedef	__uintptr_t	uintptr_t;
#define	_UINTPTR_T_DECLARED
#endif
#ifndef _INTMAX_T_DECLARED
typedef	__intmax_t	intmax_t;
#define	_INTMAX_T_DECLARED
#endif
#ifndef _UINTMAX_T_DECLARED
typedef	__uintmax_t	uintmax_t;
#define	_UINTMAX_T_DECLARED
#endif

#endif /* !_SYS__STDINT_H_ */
