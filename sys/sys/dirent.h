/*
 * sys/dirent.h: directory entries as getdirentries(2) returns them,
 * FreeBSD 12+ layout: 64-bit d_fileno and d_off, then d_reclen, d_type,
 * d_namlen and a NUL-terminated name; each record is 8-byte aligned
 * (GENERIC_DIRSIZ).  d_off is the directory offset just past the entry,
 * to pass back as the starting point.  The user header must match.
 */
#ifndef _SYS_DIRENT_H_
#define _SYS_DIRENT_H_

#include <sys/types.h>

#define MAXNAMLEN	255

struct dirent {
	uint64_t	d_fileno;	/* ino_t */
	int64_t		d_off;		/* off_t: next entry's cookie */
	uint16_t	d_reclen;	/* bytes in this record */
	uint8_t		d_type;		/* DT_* */
	uint8_t		d_pad0;
	uint16_t	d_namlen;	/* strlen(d_name) */
	uint16_t	d_pad1;
	char		d_name[MAXNAMLEN + 1];
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14

/* Record size for a name of namlen bytes: header, name, NUL, 8-aligned. */
#define _GENERIC_DIRLEN(namlen)						\
	((__builtin_offsetof(struct dirent, d_name) + (namlen) + 1 + 7) & ~7)
#define _GENERIC_DIRSIZ(dp)	_GENERIC_DIRLEN((dp)->d_namlen)
#define GENERIC_DIRSIZ(dp)	_GENERIC_DIRSIZ(dp)

#ifdef _KERNEL
_Static_assert(__builtin_offsetof(struct dirent, d_name) == 24,
    "struct dirent: FreeBSD 12 layout");
#endif

#endif /* !_SYS_DIRENT_H_ */
