/*
 * sys/param.h: machine-independent constants and small helpers.
 */
#ifndef _SYS_PARAM_H_
#define _SYS_PARAM_H_

#include <sys/types.h>

#define MAXCPU		16		/* QEMU gives 1..8; table sized for 16 */
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(PAGE_SIZE - 1)
#define CACHE_LINE_SIZE	64
#define __cachealign	__aligned(CACHE_LINE_SIZE)

#define nitems(x)	(sizeof((x)) / sizeof((x)[0]))
#define MIN(a, b)	(((a) < (b)) ? (a) : (b))
#define MAX(a, b)	(((a) > (b)) ? (a) : (b))
#define roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y)	(((x) / (y)) * (y))
#define roundup2(x, y)	(((x) + ((y) - 1)) & ~((__typeof(x))(y) - 1))
#define rounddown2(x, y) ((x) & ~((__typeof(x))(y) - 1))
#define powerof2(x)	((((x) - 1) & (x)) == 0)
#define howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define trunc_page(x)	((x) & ~PAGE_MASK)
#define round_page(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)

#define hz		100		/* scheduler/callout tick rate */

#endif /* !_SYS_PARAM_H_ */
