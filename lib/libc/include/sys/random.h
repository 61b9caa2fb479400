/*
 * sys/random.h (user space): getrandom(2).
 */
#ifndef _SYS_RANDOM_H_
#define _SYS_RANDOM_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#define	GRND_NONBLOCK	0x1
#define	GRND_RANDOM	0x2
#define	GRND_INSECURE	0x4

__BEGIN_DECLS
__ssize_t getrandom(void *buf, __size_t buflen, unsigned int flags);
int	getentropy(void *buf, __size_t buflen);
__END_DECLS

#endif /* !_SYS_RANDOM_H_ */
