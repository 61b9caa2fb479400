/*
 * sys/poll.h (user space): poll(2), FreeBSD's values (identical to the
 * kernel's sys/sys/poll.h).
 */
#ifndef _SYS_POLL_H_
#define _SYS_POLL_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_sigset.h>
#include <sys/_timespec.h>

typedef	unsigned int	nfds_t;

struct pollfd {
	int	fd;		/* which file descriptor to poll */
	short	events;		/* events we are interested in */
	short	revents;	/* events found on return */
};

#define	POLLIN		0x0001		/* any readable data available */
#define	POLLPRI		0x0002		/* OOB/Urgent readable data */
#define	POLLOUT		0x0004		/* file descriptor is writeable */
#define	POLLRDNORM	0x0040		/* non-OOB/URG data available */
#define	POLLWRNORM	POLLOUT		/* no write type differentiation */
#define	POLLRDBAND	0x0080		/* OOB/Urgent readable data */
#define	POLLWRBAND	0x0100		/* OOB/Urgent data can be written */
#define	POLLINIGNEOF	0x2000		/* like POLLIN, except ignore EOF */
#define	POLLRDHUP	0x4000		/* half shut down */
#define	POLLERR		0x0008		/* some poll error occurred */
#define	POLLHUP		0x0010		/* file descriptor was "hung up" */
#define	POLLNVAL	0x0020		/* requested events "invalid" */
#define	POLLSTANDARD	(POLLIN|POLLPRI|POLLOUT|POLLRDNORM|POLLRDBAND|\
			 POLLWRBAND|POLLERR|POLLHUP|POLLNVAL)

#define	INFTIM		(-1)		/* infinite poll timeout */

__BEGIN_DECLS
int	poll(struct pollfd _pfd[], nfds_t _nfds, int _timeout);
int	ppoll(struct pollfd _pfd[], nfds_t _nfds,
	    const struct timespec *__restrict _timeout,
	    const sigset_t *__restrict _newsigmask);
__END_DECLS

#endif /* !_SYS_POLL_H_ */
