/*
 * sys/types.h: fixed-width and BSD system types (LP64).
 */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <sys/cdefs.h>

typedef signed char		int8_t;
typedef unsigned char		uint8_t;
typedef short			int16_t;
typedef unsigned short		uint16_t;
typedef int			int32_t;
typedef unsigned int		uint32_t;
typedef long			int64_t;
typedef unsigned long		uint64_t;
typedef long			intptr_t;
typedef unsigned long		uintptr_t;
typedef unsigned long		size_t;
typedef long			ssize_t;
typedef long			off_t;
typedef long			ptrdiff_t;
typedef long			intmax_t;
typedef unsigned long		uintmax_t;

typedef uint8_t			u_int8_t;
typedef uint16_t		u_int16_t;
typedef uint32_t		u_int32_t;
typedef uint64_t		u_int64_t;
typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;

typedef uint64_t		vm_paddr_t;	/* physical address */
typedef uint64_t		vm_offset_t;	/* virtual address */
typedef int32_t			pid_t;
typedef uint32_t		uid_t;
typedef uint32_t		gid_t;
typedef int64_t			sbintime_t;

#ifndef __cplusplus
typedef _Bool			bool;
#define true	1
#define false	0
#endif

#ifndef NULL
#define NULL	((void *)0)
#endif

#endif /* !_SYS_TYPES_H_ */
