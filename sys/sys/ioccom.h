/*
 * sys/ioccom.h: how an ioctl(2) command word encodes its argument
 * (FreeBSD's encoding, so command values match FreeBSD's exactly).
 *
 *   bits 31..29  direction: IOC_VOID (value argument), IOC_OUT (kernel
 *                writes), IOC_IN (kernel reads), IOC_INOUT
 *   bits 28..16  argument size in bytes (at most IOCPARM_MAX)
 *   bits 15..8   group character ('f' files, 't' terminals, 's' sockets)
 *   bits 7..0    number within the group
 *
 * sys_ioctl() (kern/sys_generic.c) copies IOC_IN arguments in and IOC_OUT
 * arguments out around the file's fo_ioctl, which always sees a kernel
 * buffer.  IOC_VOID commands with a size of sizeof(int) pass the int value
 * itself (FreeBSD's _IOWINT).
 */
#ifndef _SYS_IOCCOM_H_
#define _SYS_IOCCOM_H_

#define IOCPARM_SHIFT	13
#define IOCPARM_MASK	((1 << IOCPARM_SHIFT) - 1)
#define IOCPARM_LEN(x)	(((x) >> 16) & IOCPARM_MASK)
#define IOCBASECMD(x)	((x) & ~(IOCPARM_MASK << 16))
#define IOCGROUP(x)	(((x) >> 8) & 0xff)
#define IOCPARM_MAX	(1 << IOCPARM_SHIFT)

#define IOC_VOID	0x20000000UL
#define IOC_OUT		0x40000000UL
#define IOC_IN		0x80000000UL
#define IOC_INOUT	(IOC_IN | IOC_OUT)
#define IOC_DIRMASK	(IOC_VOID | IOC_OUT | IOC_IN)

#define _IOC(inout, group, num, len)					\
	((unsigned long)((inout) | (((len) & IOCPARM_MASK) << 16) |	\
	((group) << 8) | (num)))
#define _IO(g, n)	_IOC(IOC_VOID, (g), (n), 0)
#define _IOWINT(g, n)	_IOC(IOC_VOID, (g), (n), sizeof(int))
#define _IOR(g, n, t)	_IOC(IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)	_IOC(IOC_IN, (g), (n), sizeof(t))
#define _IOWR(g, n, t)	_IOC(IOC_INOUT, (g), (n), sizeof(t))

#endif /* !_SYS_IOCCOM_H_ */
