/*
 * sys/poll.h: poll(2), FreeBSD's values.
 *
 * Each file type answers fo_poll(fp, events, td) with the subset of events
 * that is ready now; when none is and the caller is waiting, it registers
 * the thread on its struct selinfo with selrecord() before dropping the
 * lock that protects its state (sys/selinfo.h explains why no wakeup can
 * be lost).  POLLERR, POLLHUP and POLLNVAL are reported whether asked for
 * or not.
 */
#ifndef _SYS_POLL_H_
#define _SYS_POLL_H_

struct pollfd {
	int	fd;
	short	events;
	short	revents;
};

#define POLLIN		0x0001	/* data to read */
#define POLLPRI		0x0002	/* urgent data */
#define POLLOUT		0x0004	/* room to write */
#define POLLRDNORM	0x0040	/* normal data to read */
#define POLLWRNORM	POLLOUT
#define POLLRDBAND	0x0080	/* priority band data to read */
#define POLLWRBAND	0x0100
#define POLLINIGNEOF	0x2000	/* POLLIN, ignoring EOF (FIFOs) */
#define POLLRDHUP	0x4000	/* peer shut down writing */
#define POLLERR		0x0008	/* always reported */
#define POLLHUP		0x0010	/* always reported */
#define POLLNVAL	0x0020	/* always reported: fd not open */

#define POLLSTANDARD	(POLLIN | POLLPRI | POLLOUT | POLLRDNORM | \
			 POLLRDBAND | POLLWRBAND | POLLERR | POLLHUP | POLLNVAL)

#define INFTIM		(-1)

#ifdef _KERNEL
struct thread;
/* timeout_ns < 0: no limit; the count of ready entries in td_retval[0]. */
int	kern_poll(struct thread *td, struct pollfd *fds, unsigned int nfds,
	    long timeout_ns);
#endif

#endif /* !_SYS_POLL_H_ */
