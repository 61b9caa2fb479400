/*
 * sys/fcntl.h (user space): open(2) and fcntl(2) values, FreeBSD's
 * (must match sys/sys/fcntl.h).
 */
#ifndef _SYS_FCNTL_H_
#define _SYS_FCNTL_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _MODE_T_DECLARED
typedef	__mode_t	mode_t;
#define	_MODE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef	__off_t		off_t;
#define	_OFF_T_DECLARED
#endif
#ifndef _PID_T_DECLARED
typedef	__pid_t		pid_t;
#define	_PID_T_DECLARED
#endif

#define	O_RDONLY	0x0000		/* open for reading only */
#define	O_WRONLY	0x0001		/* open for writing only */
#define	O_RDWR		0x0002		/* open for reading and writing */
#define	O_ACCMODE	0x0003		/* mask for above modes */
#define	O_NONBLOCK	0x0004		/* no delay */
#define	O_APPEND	0x0008		/* set append mode */
#define	O_SHLOCK	0x0010		/* open with shared file lock */
#define	O_EXLOCK	0x0020		/* open with exclusive file lock */
#define	O_ASYNC		0x0040		/* signal pgrp when data ready */
#define	O_FSYNC		0x0080		/* synchronous writes */
#define	O_SYNC		0x0080		/* POSIX synonym for O_FSYNC */
#define	O_NOFOLLOW	0x0100		/* don't follow symlinks */
#define	O_CREAT		0x0200		/* create if nonexistent */
#define	O_TRUNC		0x0400		/* truncate to zero length */
#define	O_EXCL		0x0800		/* error if already exists */
#define	O_NOCTTY	0x8000		/* don't assign controlling terminal */
#define	O_DIRECT	0x00010000
#define	O_DIRECTORY	0x00020000	/* Fail if not directory */
#define	O_EXEC		0x00040000	/* Open for execute only */
#define	O_SEARCH	O_EXEC
#define	O_TTY_INIT	0x00080000	/* Restore default termios attributes */
#define	O_CLOEXEC	0x00100000
#define	O_VERIFY	0x00200000	/* open only after verification */
#define	O_PATH		0x00400000	/* fd is only a path */
#define	O_RESOLVE_BENEATH 0x00800000	/* Do not allow name resolution to walk out of cwd */
#define	O_DSYNC		0x01000000	/* POSIX data sync */
#define	O_EMPTY_PATH	0x02000000
#define	O_NDELAY	O_NONBLOCK
#define	FAPPEND		O_APPEND
#define	FASYNC		O_ASYNC
#define	FFSYNC		O_FSYNC
#define	FDSYNC		O_DSYNC
#define	FNONBLOCK	O_NONBLOCK
#define	FNDELAY		O_NONBLOCK
#define	O_FNDELAY	O_NONBLOCK

#define	AT_FDCWD		-100
#define	AT_EACCESS		0x0100
#define	AT_SYMLINK_NOFOLLOW	0x0200
#define	AT_SYMLINK_FOLLOW	0x0400
#define	AT_REMOVEDIR		0x0800
#define	AT_RESOLVE_BENEATH	0x2000
#define	AT_EMPTY_PATH		0x4000

#define	F_DUPFD		0		/* duplicate file descriptor */
#define	F_GETFD		1		/* get file descriptor flags */
#define	F_SETFD		2		/* set file descriptor flags */
#define	F_GETFL		3		/* get file status flags */
#define	F_SETFL		4		/* set file status flags */
#define	F_GETOWN	5		/* get SIGIO/SIGURG proc/pgrp */
#define	F_SETOWN	6		/* set SIGIO/SIGURG proc/pgrp */
#define	F_OGETLK	7
#define	F_OSETLK	8
#define	F_OSETLKW	9
#define	F_DUP2FD	10		/* duplicate file descriptor to arg */
#define	F_GETLK		11		/* get record locking information */
#define	F_SETLK		12		/* set record locking information */
#define	F_SETLKW	13		/* F_SETLK; wait if blocked */
#define	F_SETLK_REMOTE	14
#define	F_READAHEAD	15
#define	F_RDAHEAD	16
#define	F_DUPFD_CLOEXEC	17		/* Like F_DUPFD, but FD_CLOEXEC is set */
#define	F_DUP2FD_CLOEXEC 18		/* Like F_DUP2FD, but FD_CLOEXEC is set */
#define	F_ADD_SEALS	19
#define	F_GET_SEALS	20
#define	F_ISUNIONSTACK	21
#define	F_KINFO		22

#define	FD_CLOEXEC	1		/* close-on-exec flag */

#define	F_RDLCK		1		/* shared or read lock */
#define	F_UNLCK		2		/* unlock */
#define	F_WRLCK		3		/* exclusive or write lock */

struct flock {
	off_t	l_start;	/* starting offset */
	off_t	l_len;		/* len = 0 means until end of file */
	pid_t	l_pid;		/* lock owner */
	short	l_type;		/* lock type: read/write, etc. */
	short	l_whence;	/* type of l_start */
	int	l_sysid;	/* remote system id or zero for local */
};

#define	LOCK_SH		0x01		/* shared file lock */
#define	LOCK_EX		0x02		/* exclusive file lock */
#define	LOCK_NB		0x04		/* don't block when locking */
#define	LOCK_UN		0x08		/* unlock file */

#define	POSIX_FADV_NORMAL	0
#define	POSIX_FADV_RANDOM	1
#define	POSIX_FADV_SEQUENTIAL	2
#define	POSIX_FADV_WILLNEED	3
#define	POSIX_FADV_DONTNEED	4
#define	POSIX_FADV_NOREUSE	5

#ifndef SEEK_SET
#define	SEEK_SET	0
#define	SEEK_CUR	1
#define	SEEK_END	2
#endif

__BEGIN_DECLS
int	open(const char *, int, ...);
int	openat(int, const char *, int, ...);
int	creat(const char *, mode_t);
int	fcntl(int, int, ...);
int	flock(int, int);
__END_DECLS

#endif /* !_SYS_FCNTL_H_ */
