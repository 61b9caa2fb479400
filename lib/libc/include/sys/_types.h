/*
 * sys/_types.h (user space): the underlying types, FreeBSD amd64 widths.
 * Public headers typedef the names they expose from these, each guarded
 * by a _NAME_DECLARED macro so any header may expose any of them.
 */
#ifndef _SYS__TYPES_H_
#define _SYS__TYPES_H_

#include <sys/cdefs.h>

typedef	signed char		__int8_t;
typedef	unsigned char		__uint8_t;
typedef	short			__int16_t;
typedef	unsigned short		__uint16_t;
typedef	int			__int32_t;
typedef	unsigned int		__uint32_t;
typedef	long			__int64_t;
typedef	unsigned long		__uint64_t;
typedef	long			__intptr_t;
typedef	unsigned long		__uintptr_t;
typedef	long			__intmax_t;
typedef	unsigned long		__uintmax_t;
typedef	long			__ptrdiff_t;
typedef	long			__register_t;
typedef	unsigned long		__u_register_t;
typedef	unsigned long		__size_t;
typedef	long			__ssize_t;
typedef	unsigned long		__vm_offset_t;
typedef	unsigned long		__vm_size_t;
typedef	unsigned long		__vm_paddr_t;

typedef	__int32_t		__blksize_t;
typedef	__int64_t		__blkcnt_t;
typedef	__int32_t		__clock_t;
typedef	__int32_t		__clockid_t;
typedef	__uint64_t		__dev_t;
typedef	__uint32_t		__fflags_t;
typedef	__uint64_t		__fsblkcnt_t;
typedef	__uint64_t		__fsfilcnt_t;
typedef	__uint32_t		__gid_t;
typedef	__int64_t		__id_t;
typedef	__uint64_t		__ino_t;
typedef	long			__key_t;
typedef	__int32_t		__lwpid_t;
typedef	__uint16_t		__mode_t;
typedef	__uint64_t		__nlink_t;
typedef	__int64_t		__off_t;
typedef	__int64_t		__off64_t;
typedef	__int32_t		__pid_t;
typedef	__int64_t		__rlim_t;
typedef	__uint8_t		__sa_family_t;
typedef	__uint32_t		__socklen_t;
typedef	long			__suseconds_t;
typedef	__int64_t		__time_t;
typedef	__uint32_t		__uid_t;
typedef	unsigned int		__useconds_t;
typedef	int			__cpuwhich_t;
typedef	int			__cpulevel_t;
typedef	int			__cpusetid_t;
typedef	int			__wchar_t;
typedef	int			__wint_t;
typedef	int			__nl_item;
typedef	__uint32_t		__fixpt_t;
typedef	__builtin_va_list	__va_list;
typedef	__builtin_va_list	__gnuc_va_list;

struct __timer;
struct __mq;

typedef	struct __sigset {
	__uint32_t	__bits[4];
} __sigset_t;

typedef	union {
	char		__mbstate8[128];
	__int64_t	_mbstateL;
} __mbstate_t;

#endif /* !_SYS__TYPES_H_ */
