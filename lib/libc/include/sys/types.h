/*
 * sys/types.h (user space): the POSIX and BSD system types, FreeBSD amd64
 * widths.  The kernel's sys/sys/types.h is a different, kernel-only header.
 */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_stdint.h>
#include <sys/_pthreadtypes.h>
#include <machine/endian.h>

typedef	unsigned char	u_char;
typedef	unsigned short	u_short;
typedef	unsigned int	u_int;
typedef	unsigned long	u_long;
typedef	unsigned short	ushort;
typedef	unsigned int	uint;

typedef	__uint8_t	u_int8_t;
typedef	__uint16_t	u_int16_t;
typedef	__uint32_t	u_int32_t;
typedef	__uint64_t	u_int64_t;
typedef	__uint64_t	u_quad_t;
typedef	__int64_t	quad_t;
typedef	quad_t		*qaddr_t;
typedef	char		*caddr_t;
typedef	const char	*c_caddr_t;
typedef	__register_t	register_t;
typedef	__u_register_t	u_register_t;
typedef	__vm_offset_t	vm_offset_t;
typedef	__vm_size_t	vm_size_t;
typedef	__vm_paddr_t	vm_paddr_t;
typedef	__int64_t	sbintime_t;
typedef	__fixpt_t	fixpt_t;

typedef	__blksize_t	blksize_t;
typedef	__blkcnt_t	blkcnt_t;
typedef	__fflags_t	fflags_t;
typedef	__fsblkcnt_t	fsblkcnt_t;
typedef	__fsfilcnt_t	fsfilcnt_t;
typedef	__ino_t		ino_t;
typedef	__nlink_t	nlink_t;
typedef	__lwpid_t	lwpid_t;
typedef	__rlim_t	rlim_t;
typedef	__cpuwhich_t	cpuwhich_t;
typedef	__cpulevel_t	cpulevel_t;
typedef	__cpusetid_t	cpusetid_t;
typedef	__int64_t	daddr_t;

#ifndef _CLOCK_T_DECLARED
typedef	__clock_t	clock_t;
#define	_CLOCK_T_DECLARED
#endif
#ifndef _CLOCKID_T_DECLARED
typedef	__clockid_t	clockid_t;
#define	_CLOCKID_T_DECLARED
#endif
#ifndef _DEV_T_DECLARED
typedef	__dev_t		dev_t;
#define	_DEV_T_DECLARED
#endif
#ifndef _GID_T_DECLARED
typedef	__gid_t		gid_t;
#define	_GID_T_DECLARED
#endif
#ifndef _ID_T_DECLARED
typedef	__id_t		id_t;
#define	_ID_T_DECLARED
#endif
#ifndef _KEY_T_DECLARED
typedef	__key_t		key_t;
#define	_KEY_T_DECLARED
#endif
#ifndef _MODE_T_DECLARED
typedef	__mode_t	mode_t;
#define	_MODE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef	__off_t		off_t;
#define	_OFF_T_DECLARED
#endif
#ifndef _OFF64_T_DECLARED
typedef	__off64_t	off64_t;
#define	_OFF64_T_DECLARED
#endif
#ifndef _PID_T_DECLARED
typedef	__pid_t		pid_t;
#define	_PID_T_DECLARED
#endif
#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif
#ifndef _SSIZE_T_DECLARED
typedef	__ssize_t	ssize_t;
#define	_SSIZE_T_DECLARED
#endif
#ifndef _SUSECONDS_T_DECLARED
typedef	__suseconds_t	suseconds_t;
#define	_SUSECONDS_T_DECLARED
#endif
#ifndef _TIME_T_DECLARED
typedef	__time_t	time_t;
#define	_TIME_T_DECLARED
#endif
#ifndef _TIMER_T_DECLARED
typedef	struct __timer	*timer_t;
#define	_TIMER_T_DECLARED
#endif
#ifndef _UID_T_DECLARED
typedef	__uid_t		uid_t;
#define	_UID_T_DECLARED
#endif
#ifndef _USECONDS_T_DECLARED
typedef	__useconds_t	useconds_t;
#define	_USECONDS_T_DECLARED
#endif

#include <sys/select.h>

#define	major(d)	((int)((((d) >> 32) & 0xffffff00) | (((d) >> 8) & 0xff)))
#define	minor(d)	((int)((((d) >> 24) & 0xff00) | ((d) & 0xffff00ff)))
#define	makedev(M, m)	((dev_t)((((__uint64_t)(M) & 0xffffff00) << 32) | \
	(((M) & 0xff) << 8) | (((__uint64_t)(m) & 0xff00) << 24) | ((m) & 0xffff00ff)))

#endif /* !_SYS_TYPES_H_ */
