/*
 * limits.h (user space): C and POSIX limits, FreeBSD amd64 values.
 */
#ifndef _LIMITS_H_
#define _LIMITS_H_

#include <sys/cdefs.h>
#include <sys/syslimits.h>

#define	CHAR_BIT	8
#define	SCHAR_MAX	0x7f
#define	SCHAR_MIN	(-0x7f - 1)
#define	UCHAR_MAX	0xff
#define	CHAR_MAX	SCHAR_MAX
#define	CHAR_MIN	SCHAR_MIN
#define	USHRT_MAX	0xffff
#define	SHRT_MAX	0x7fff
#define	SHRT_MIN	(-0x7fff - 1)
#define	UINT_MAX	0xffffffffU
#define	INT_MAX		0x7fffffff
#define	INT_MIN		(-0x7fffffff - 1)
#define	ULONG_MAX	0xffffffffffffffffUL
#define	LONG_MAX	0x7fffffffffffffffL
#define	LONG_MIN	(-0x7fffffffffffffffL - 1)
#define	ULLONG_MAX	0xffffffffffffffffULL
#define	LLONG_MAX	0x7fffffffffffffffLL
#define	LLONG_MIN	(-0x7fffffffffffffffLL - 1)
#define	SSIZE_MAX	LONG_MAX
#define	SIZE_T_MAX	ULONG_MAX
#define	OFF_MAX		LONG_MAX
#define	OFF_MIN		LONG_MIN
#define	UQUAD_MAX	ULONG_MAX
#define	QUAD_MAX	LONG_MAX
#define	QUAD_MIN	LONG_MIN
#define	LONG_BIT	64
#define	WORD_BIT	32
#define	MB_LEN_MAX	6

#define	_POSIX_ARG_MAX		4096
#define	_POSIX_CHILD_MAX	25
#define	_POSIX_LINK_MAX		8
#define	_POSIX_MAX_CANON	255
#define	_POSIX_MAX_INPUT	255
#define	_POSIX_NAME_MAX		14
#define	_POSIX_NGROUPS_MAX	8
#define	_POSIX_OPEN_MAX		20
#define	_POSIX_PATH_MAX		256
#define	_POSIX_PIPE_BUF		512
#define	_POSIX_SSIZE_MAX	32767
#define	_POSIX_STREAM_MAX	8
#define	_POSIX_HOST_NAME_MAX	255
#define	_POSIX_LOGIN_NAME_MAX	9
#define	_POSIX_THREAD_KEYS_MAX	128
#define	_POSIX_THREAD_THREADS_MAX 64
#define	_POSIX2_LINE_MAX	2048
#define	_XOPEN_IOV_MAX		16
#define	_XOPEN_NAME_MAX		255
#define	_XOPEN_PATH_MAX		1024

#define	PTHREAD_KEYS_MAX	256
#define	PTHREAD_STACK_MIN	(2048 * 4)
#define	PTHREAD_THREADS_MAX	((unsigned long)-1)
#define	PTHREAD_DESTRUCTOR_ITERATIONS 4

#endif /* !_LIMITS_H_ */
