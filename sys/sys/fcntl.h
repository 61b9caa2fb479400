/*
 * sys/fcntl.h: open(2) and fcntl(2) flags with FreeBSD's values, and the
 * kernel's file-status flags (f_flag, sys/file.h) derived from them.
 *
 * The values are FreeBSD's (amd64) so that binaries and libc agree with the
 * kernel.  The kernel keeps an open file's access mode as FREAD|FWRITE in
 * f_flag (FFLAGS/OFLAGS convert); the other O_* bits that survive open are
 * the same bits in f_flag (FNONBLOCK == O_NONBLOCK...).  The libc engineer's
 * user fcntl.h must match every value here.
 */
#ifndef _SYS_FCNTL_H_
#define _SYS_FCNTL_H_

/* open(2) flags. */
#define O_RDONLY	0x0000
#define O_WRONLY	0x0001
#define O_RDWR		0x0002
#define O_ACCMODE	0x0003
#define O_NONBLOCK	0x0004		/* no delay */
#define O_APPEND	0x0008		/* writes go to the end */
#define O_SHLOCK	0x0010		/* not supported: EOPNOTSUPP */
#define O_EXLOCK	0x0020		/* not supported: EOPNOTSUPP */
#define O_ASYNC		0x0040		/* SIGIO on readiness */
#define O_FSYNC		0x0080		/* accepted: all in memory */
#define O_SYNC		0x0080
#define O_NOFOLLOW	0x0100		/* last name not a symlink */
#define O_CREAT		0x0200
#define O_TRUNC		0x0400
#define O_EXCL		0x0800
#define O_NOCTTY	0x8000		/* ignored */
#define O_DIRECT	0x00010000	/* accepted, no effect */
#define O_DIRECTORY	0x00020000	/* ENOTDIR unless a directory */
#define O_EXEC		0x00040000	/* open for execute only */
#define O_SEARCH	O_EXEC
#define O_TTY_INIT	0x00080000	/* ignored */
#define O_CLOEXEC	0x00100000
#define O_VERIFY	0x00200000	/* not supported */
#define O_PATH		0x00400000	/* not supported: EINVAL */
#define O_RESOLVE_BENEATH 0x00800000	/* not supported: EINVAL */
#define O_DSYNC		0x01000000
#define O_EMPTY_PATH	0x02000000	/* not supported: EINVAL */

/* *at() system calls. */
#define AT_FDCWD		-100
#define AT_EACCESS		0x0100
#define AT_SYMLINK_NOFOLLOW	0x0200
#define AT_SYMLINK_FOLLOW	0x0400
#define AT_REMOVEDIR		0x0800
#define AT_RESOLVE_BENEATH	0x2000
#define AT_EMPTY_PATH		0x4000

/* fcntl(2) commands. */
#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETOWN	5
#define F_SETOWN	6
#define F_OGETLK	7
#define F_OSETLK	8
#define F_OSETLKW	9
#define F_DUP2FD	10
#define F_GETLK		11
#define F_SETLK		12
#define F_SETLKW	13
#define F_SETLK_REMOTE	14
#define F_READAHEAD	15
#define F_RDAHEAD	16
#define F_DUPFD_CLOEXEC	17
#define F_DUP2FD_CLOEXEC 18
#define F_ADD_SEALS	19
#define F_GET_SEALS	20
#define F_ISUNIONSTACK	21
#define F_KINFO		22

#define FD_CLOEXEC	1		/* F_GETFD/F_SETFD */

/* Record locking (F_GETLK...): not implemented, EOPNOTSUPP. */
#define F_RDLCK		1
#define F_UNLCK		2
#define F_WRLCK		3

/* close_range(2) flags. */
#define CLOSE_RANGE_CLOEXEC	(1 << 2)

#ifdef _KERNEL
/*
 * File-status flags kept in struct file's f_flag.  The access mode is
 * FREAD|FWRITE instead of O_ACCMODE: FFLAGS() turns open(2) flags into
 * f_flag bits, OFLAGS() turns them back for F_GETFL.
 */
#define FREAD		0x0001
#define FWRITE		0x0002
#define FNONBLOCK	O_NONBLOCK
#define FAPPEND		O_APPEND
#define FASYNC		O_ASYNC
#define FFSYNC		O_FSYNC
#define FDSYNC		O_DSYNC
#define FEXEC		O_EXEC
#define FFLAGS(oflags)	((oflags) & O_EXEC ? (oflags) : (oflags) + 1)
#define OFLAGS(fflags)	((fflags) & O_EXEC ? (fflags) : (fflags) - 1)
/* Bits kept in f_flag after open. */
#define FMASK		(FREAD | FWRITE | FAPPEND | FASYNC | FFSYNC | \
			 FDSYNC | FNONBLOCK | O_DIRECT | FEXEC)
/* Bits F_SETFL may change. */
#define FCNTLFLAGS	(FAPPEND | FASYNC | FFSYNC | FDSYNC | FNONBLOCK | \
			 O_DIRECT)
#endif /* _KERNEL */

#endif /* !_SYS_FCNTL_H_ */
