/*
 * sys/sockio.h (kernel): socket ioctls (group 's'), FreeBSD's values.
 *
 * soo_ioctl() (sys/kern/sys_socket.c) answers these itself; every other
 * command on a socket goes to the protocol's pru_control through its
 * owner.  User space has its own copy, lib/libc/include/sys/sockio.h,
 * which also carries the interface ioctls (group 'i') for later issues.
 */
#ifndef _SYS_SOCKIO_H_
#define _SYS_SOCKIO_H_

#include <sys/ioccom.h>

#define SIOCSHIWAT	_IOW('s',  0, int)	/* (unused) high watermark */
#define SIOCGHIWAT	_IOR('s',  1, int)
#define SIOCSLOWAT	_IOW('s',  2, int)	/* (unused) low watermark */
#define SIOCGLOWAT	_IOR('s',  3, int)
#define SIOCATMARK	_IOR('s',  7, int)	/* at the out-of-band mark? */
#define SIOCSPGRP	_IOW('s',  8, int)	/* SIGIO/SIGURG process group */
#define SIOCGPGRP	_IOR('s',  9, int)

#endif /* !_SYS_SOCKIO_H_ */
