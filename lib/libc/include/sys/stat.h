/*
 * sys/stat.h (user space): struct stat, FreeBSD 12+ amd64 layout (224
 * bytes; must match sys/sys/stat.h, whose offsets are listed there).
 */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_timespec.h>
#include <sys/types.h>

struct stat {
	dev_t		st_dev;		/* inode's device */
	ino_t		st_ino;		/* inode's number */
	nlink_t		st_nlink;	/* number of hard links */
	mode_t		st_mode;	/* inode protection mode */
	__int16_t	st_bsdflags;	/* misc. flags */
	uid_t		st_uid;		/* user ID of the file's owner */
	gid_t		st_gid;		/* group ID of the file's group */
	__int32_t	st_padding1;
	dev_t		st_rdev;	/* device type */
	struct timespec	st_atim;	/* time of last access */
	struct timespec	st_mtim;	/* time of last data modification */
	struct timespec	st_ctim;	/* time of last file status change */
	struct timespec	st_birthtim;	/* time of file creation */
	off_t		st_size;	/* file size, in bytes */
	blkcnt_t	st_blocks;	/* blocks allocated for file */
	blksize_t	st_blksize;	/* optimal blocksize for I/O */
	fflags_t	st_flags;	/* user defined flags for file */
	__uint64_t	st_gen;		/* file generation number */
	__uint64_t	st_spare[10];
};
#define	st_atime	st_atim.tv_sec
#define	st_mtime	st_mtim.tv_sec
#define	st_ctime	st_ctim.tv_sec
#define	st_birthtime	st_birthtim.tv_sec
#define	st_atimespec	st_atim
#define	st_mtimespec	st_mtim
#define	st_ctimespec	st_ctim
#define	st_birthtimespec st_birthtim

#define	S_ISUID	0004000			/* set user id on execution */
#define	S_ISGID	0002000			/* set group id on execution */
#define	S_ISTXT	0001000			/* sticky bit */
#define	S_IRWXU	0000700			/* RWX mask for owner */
#define	S_IRUSR	0000400			/* R for owner */
#define	S_IWUSR	0000200			/* W for owner */
#define	S_IXUSR	0000100			/* X for owner */
#define	S_IREAD		S_IRUSR
#define	S_IWRITE	S_IWUSR
#define	S_IEXEC		S_IXUSR
#define	S_IRWXG	0000070			/* RWX mask for group */
#define	S_IRGRP	0000040			/* R for group */
#define	S_IWGRP	0000020			/* W for group */
#define	S_IXGRP	0000010			/* X for group */
#define	S_IRWXO	0000007			/* RWX mask for other */
#define	S_IROTH	0000004			/* R for other */
#define	S_IWOTH	0000002			/* W for other */
#define	S_IXOTH	0000001			/* X for other */
#define	S_IFMT	 0170000		/* type of file mask */
#define	S_IFIFO	 0010000		/* named pipe (fifo) */
#define	S_IFCHR	 0020000		/* character special */
#define	S_IFDIR	 0040000		/* directory */
#define	S_IFBLK	 0060000		/* block special */
#define	S_IFREG	 0100000		/* regular */
#define	S_IFLNK	 0120000		/* symbolic link */
#define	S_IFSOCK 0140000		/* socket */
#define	S_ISVTX	 0001000		/* save swapped text even after use */
#define	S_IFWHT  0160000		/* whiteout */

#define	S_ISDIR(m)	(((m) & 0170000) == 0040000)
#define	S_ISCHR(m)	(((m) & 0170000) == 0020000)
#define	S_ISBLK(m)	(((m) & 0170000) == 0060000)
#define	S_ISREG(m)	(((m) & 0170000) == 0100000)
#define	S_ISFIFO(m)	(((m) & 0170000) == 0010000)
#define	S_ISLNK(m)	(((m) & 0170000) == 0120000)
#define	S_ISSOCK(m)	(((m) & 0170000) == 0140000)
#define	S_ISWHT(m)	(((m) & 0170000) == 0160000)

#define	ACCESSPERMS	(S_IRWXU|S_IRWXG|S_IRWXO)	/* 0777 */
#define	ALLPERMS	(S_ISUID|S_ISGID|S_ISTXT|S_IRWXU|S_IRWXG|S_IRWXO)
#define	DEFFILEMODE	(S_IRUSR|S_IWUSR|S_IRGRP|S_IWGRP|S_IROTH|S_IWOTH)
#define	S_BLKSIZE	512

#define	UF_NODUMP	0x00000001
#define	UF_IMMUTABLE	0x00000002
#define	UF_APPEND	0x00000004
#define	SF_IMMUTABLE	0x00020000
#define	SF_APPEND	0x00040000

#define	UTIME_NOW	-1
#define	UTIME_OMIT	-2

__BEGIN_DECLS
int	chmod(const char *, mode_t);
int	fchmod(int, mode_t);
int	fchmodat(int, const char *, mode_t, int);
int	lchmod(const char *, mode_t);
int	chflags(const char *, unsigned long);
int	fchflags(int, unsigned long);
int	fstat(int, struct stat *);
int	fstatat(int, const char *, struct stat *, int);
int	lstat(const char *__restrict, struct stat *__restrict);
int	stat(const char *__restrict, struct stat *__restrict);
int	mkdir(const char *, mode_t);
int	mkdirat(int, const char *, mode_t);
int	mkfifo(const char *, mode_t);
int	mkfifoat(int, const char *, mode_t);
int	mknod(const char *, mode_t, dev_t);
int	mknodat(int, const char *, mode_t, dev_t);
mode_t	umask(mode_t);
int	futimens(int, const struct timespec *);
int	utimensat(int, const char *, const struct timespec *, int);
__END_DECLS

#endif /* !_SYS_STAT_H_ */
