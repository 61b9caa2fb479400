/*
 * sys/dirent.h (user space): directory entries as getdirentries(2)
 * returns them, FreeBSD 12+ layout (identical to the kernel's).
 */
#ifndef _SYS_DIRENT_H_
#define _SYS_DIRENT_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _INO_T_DECLARED
typedef	__ino_t		ino_t;
#define	_INO_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef	__off_t		off_t;
#define	_OFF_T_DECLARED
#endif

struct dirent {
	ino_t		d_fileno;		/* file number of entry */
	off_t		d_off;			/* directory offset of next entry */
	__uint16_t	d_reclen;		/* length of this record */
	__uint8_t	d_type;			/* file type, see below */
	__uint8_t	d_pad0;
	__uint16_t	d_namlen;		/* length of string in d_name */
	__uint16_t	d_pad1;
#define	MAXNAMLEN	255
	char		d_name[MAXNAMLEN + 1];	/* name must be no longer than this */
};
#define	d_ino		d_fileno

#define	DT_UNKNOWN	 0
#define	DT_FIFO		 1
#define	DT_CHR		 2
#define	DT_DIR		 4
#define	DT_BLK		 6
#define	DT_REG		 8
#define	DT_LNK		10
#define	DT_SOCK		12
#define	DT_WHT		14

#define	IFTODT(mode)	(((mode) & 0170000) >> 12)
#define	DTTOIF(dirtype)	((dirtype) << 12)

#define	_GENERIC_DIRLEN(namlen)					\
	((__offsetof(struct dirent, d_name) + (namlen) + 1 + 7) & ~7)
#define	_GENERIC_DIRSIZ(dp)	_GENERIC_DIRLEN((dp)->d_namlen)
#define	GENERIC_DIRSIZ(dp)	_GENERIC_DIRSIZ(dp)

#endif /* !_SYS_DIRENT_H_ */
