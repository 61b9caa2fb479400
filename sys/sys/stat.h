/*
 * sys/stat.h: file status, FreeBSD 12+ layout (amd64: 224 bytes, 64-bit
 * st_ino and st_nlink, st_dev before st_ino, st_birthtim, st_gen, spares).
 *
 * This is the kernel's view; the user header in lib/libc must have the
 * identical layout (offsets are asserted below: st_dev 0, st_ino 8,
 * st_nlink 16, st_mode 24, st_uid 28, st_gid 32, st_rdev 40, st_atim 48,
 * st_mtim 64, st_ctim 80, st_birthtim 96, st_size 112, st_blocks 120,
 * st_blksize 128, st_flags 132, st_gen 136, st_spare 144..223).
 * Times are struct timespec {int64 tv_sec; long tv_nsec}.
 */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <sys/types.h>

#ifndef _TIMESPEC_DECLARED
#define _TIMESPEC_DECLARED
struct timespec {
	int64_t	tv_sec;		/* time_t */
	long	tv_nsec;
};
#endif

struct stat {
	uint64_t	st_dev;		/* dev_t: file system id */
	uint64_t	st_ino;		/* ino_t */
	uint64_t	st_nlink;	/* nlink_t */
	uint16_t	st_mode;	/* mode_t: S_IF* | permissions */
	int16_t		st_bsdflags;
	uint32_t	st_uid;
	uint32_t	st_gid;
	int32_t		st_padding1;
	uint64_t	st_rdev;	/* dev_t: device (S_IFCHR) */
	struct timespec	st_atim;
	struct timespec	st_mtim;
	struct timespec	st_ctim;
	struct timespec	st_birthtim;
	int64_t		st_size;	/* off_t */
	int64_t		st_blocks;	/* blkcnt_t: 512-byte blocks */
	int32_t		st_blksize;	/* blksize_t: best I/O size */
	uint32_t	st_flags;	/* fflags_t */
	uint64_t	st_gen;
	uint64_t	st_spare[10];
};

#define st_atime	st_atim.tv_sec
#define st_mtime	st_mtim.tv_sec
#define st_ctime	st_ctim.tv_sec
#define st_birthtime	st_birthtim.tv_sec

#define S_IFMT		0170000
#define S_IFIFO		0010000
#define S_IFCHR		0020000
#define S_IFDIR		0040000
#define S_IFBLK		0060000
#define S_IFREG		0100000
#define S_IFLNK		0120000
#define S_IFSOCK	0140000
#define S_IFWHT		0160000

#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000
#define S_IRWXU		0000700
#define S_IRUSR		0000400
#define S_IWUSR		0000200
#define S_IXUSR		0000100
#define S_IRWXG		0000070
#define S_IRGRP		0000040
#define S_IWGRP		0000020
#define S_IXGRP		0000010
#define S_IRWXO		0000007
#define S_IROTH		0000004
#define S_IWOTH		0000002
#define S_IXOTH		0000001
#define ALLPERMS	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)
#define ACCESSPERMS	(S_IRWXU | S_IRWXG | S_IRWXO)
#define DEFFILEMODE	(S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | \
			 S_IWOTH)

#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define UTIME_NOW	-1
#define UTIME_OMIT	-2

#ifdef _KERNEL
_Static_assert(sizeof(struct stat) == 224, "struct stat: FreeBSD 12 size");
_Static_assert(__builtin_offsetof(struct stat, st_mode) == 24, "st_mode");
_Static_assert(__builtin_offsetof(struct stat, st_rdev) == 40, "st_rdev");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 112, "st_size");
_Static_assert(__builtin_offsetof(struct stat, st_blksize) == 128, "blksize");
_Static_assert(__builtin_offsetof(struct stat, st_gen) == 136, "st_gen");
#endif

#endif /* !_SYS_STAT_H_ */
