/*
 * sys/param.h (user space): system parameters and BSD helper macros.
 */
#ifndef _SYS_PARAM_H_
#define _SYS_PARAM_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/syslimits.h>
#include <machine/endian.h>

#define	BSD		199506
#define	BSD4_3		1
#define	BSD4_4		1

#ifndef NULL
#define	NULL		((void *)0)
#endif

#define	MAXCOMLEN	19		/* max command name remembered */
#define	MAXINTERP	PATH_MAX	/* max interpreter file name length */
#define	MAXLOGNAME	33		/* max login name length (incl. NUL) */
#define	MAXUPRC		CHILD_MAX	/* max simultaneous processes */
#define	NCARGS		ARG_MAX		/* max bytes for an exec function */
#define	NGROUPS		(NGROUPS_MAX + 1) /* max number groups */
#define	NOFILE		OPEN_MAX	/* max open files per process */
#define	NOGROUP		65535		/* marker for empty group set member */
#define	MAXHOSTNAMELEN	256		/* max hostname size */
#define	SPECNAMELEN	255		/* max length of devicename */
#define	MAXPATHLEN	PATH_MAX
#define	MAXSYMLINKS	32
#define	MAXBSIZE	65536
#define	DEV_BSHIFT	9
#define	DEV_BSIZE	(1 << DEV_BSHIFT)
#define	NBBY		8		/* number of bits in a byte */

#define	PAGE_SHIFT	12
#define	PAGE_SIZE	(1 << PAGE_SHIFT)
#define	PAGE_MASK	(PAGE_SIZE - 1)
#define	MAXCPU		256

#define	MSIZE		256		/* size of an mbuf */
#define	MCLSHIFT	11
#define	MCLBYTES	(1 << MCLSHIFT)	/* size of an mbuf cluster */
#define	MJUMPAGESIZE	PAGE_SIZE
#define	MJUM9BYTES	(9 * 1024)
#define	MJUM16BYTES	(16 * 1024)

#define	_ALIGNBYTES	(sizeof(long) - 1)
#define	_ALIGN(p)	(((__uintptr_t)(p) + _ALIGNBYTES) & ~_ALIGNBYTES)
#define	ALIGNBYTES	_ALIGNBYTES
#define	ALIGN(p)	_ALIGN(p)

#define	setbit(a, i)	(((unsigned char *)(a))[(i) / NBBY] |= 1 << ((i) % NBBY))
#define	clrbit(a, i)	(((unsigned char *)(a))[(i) / NBBY] &= ~(1 << ((i) % NBBY)))
#define	isset(a, i)							\
	(((const unsigned char *)(a))[(i) / NBBY] & (1 << ((i) % NBBY)))
#define	isclr(a, i)							\
	((((const unsigned char *)(a))[(i) / NBBY] & (1 << ((i) % NBBY))) == 0)

#define	howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define	nitems(x)	(sizeof((x)) / sizeof((x)[0]))
#define	rounddown(x, y)	(((x) / (y)) * (y))
#define	rounddown2(x, y) ((x) & (~((y) - 1)))
#define	roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#define	roundup2(x, y)	(((x) + ((y) - 1)) & (~((y) - 1)))
#define	powerof2(x)	((((x) - 1) & (x)) == 0)

#define	MIN(a, b)	(((a) < (b)) ? (a) : (b))
#define	MAX(a, b)	(((a) > (b)) ? (a) : (b))

#define	trunc_page(x)	((x) & ~PAGE_MASK)
#define	round_page(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)

#endif /* !_SYS_PARAM_H_ */
