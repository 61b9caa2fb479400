/*
 * sys/filio.h: generic file ioctls (group 'f'), FreeBSD's values.
 *
 * sys_ioctl() handles FIOCLEX/FIONCLEX itself (descriptor flags), updates
 * f_flag for FIONBIO/FIOASYNC and then passes them on to the file type;
 * the rest go to the file type's fo_ioctl.  Sockets answer FIONREAD,
 * FIONWRITE, FIONSPACE, FIOSETOWN/FIOGETOWN through their owner thread.
 */
#ifndef _SYS_FILIO_H_
#define _SYS_FILIO_H_

#include <sys/ioccom.h>

#define FIOCLEX		_IO('f', 1)		/* close on exec */
#define FIONCLEX	_IO('f', 2)		/* keep open on exec */
#define FIONREAD	_IOR('f', 127, int)	/* bytes ready to read */
#define FIONBIO		_IOW('f', 126, int)	/* non-blocking on/off */
#define FIOASYNC	_IOW('f', 125, int)	/* SIGIO on/off */
#define FIOSETOWN	_IOW('f', 124, int)	/* SIGIO recipient */
#define FIOGETOWN	_IOR('f', 123, int)
#define FIODTYPE	_IOR('f', 122, int)	/* device type */
#define FIOGETLBA	_IOR('f', 121, int)
#define FIONWRITE	_IOR('f', 119, int)	/* bytes queued to send */
#define FIONSPACE	_IOR('f', 118, int)	/* free space to send */
#define FIOSEEKDATA	_IOWR('f', 97, long)	/* off_t */
#define FIOSEEKHOLE	_IOWR('f', 98, long)	/* off_t */

#endif /* !_SYS_FILIO_H_ */
