/*
 * sys/ioctl.h (user space): ioctl(2) and the common command sets.
 */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <sys/ioccom.h>
#include <sys/filio.h>
#include <sys/sockio.h>
#include <sys/ttycom.h>

#endif /* !_SYS_IOCTL_H_ */
