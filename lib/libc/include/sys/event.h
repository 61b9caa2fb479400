/*
 * sys/event.h (user space): kqueue/kevent, FreeBSD's layout.  The kernel
 * has no kqueue yet: kqueue() and kevent() fail with ENOSYS.
 */
#ifndef _SYS_EVENT_H_
#define _SYS_EVENT_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_timespec.h>

#define	EVFILT_READ		(-1)
#define	EVFILT_WRITE		(-2)
#define	EVFILT_AIO		(-3)	/* attached to aio requests */
#define	EVFILT_VNODE		(-4)	/* attached to vnodes */
#define	EVFILT_PROC		(-5)	/* attached to struct proc */
#define	EVFILT_SIGNAL		(-6)	/* attached to struct proc */
#define	EVFILT_TIMER		(-7)	/* timers */
#define	EVFILT_PROCDESC		(-8)	/* attached to process descriptors */
#define	EVFILT_FS		(-9)	/* filesystem events */
#define	EVFILT_LIO		(-10)	/* attached to lio requests */
#define	EVFILT_USER		(-11)	/* User events */
#define	EVFILT_SENDFILE		(-12)	/* attached to sendfile requests */
#define	EVFILT_EMPTY		(-13)	/* empty send socket buf */
#define	EVFILT_SYSCOUNT		13

struct kevent {
	__uintptr_t	ident;		/* identifier for this event */
	short		filter;		/* filter for event */
	unsigned short	flags;		/* action flags for kqueue */
	unsigned int	fflags;		/* filter flag value */
	__int64_t	data;		/* filter data value */
	void		*udata;		/* opaque user data identifier */
	__uint64_t	ext[4];		/* extensions */
};

#define	EV_SET(kevp_, a, b, c, d, e, f) do {	\
	struct kevent *kevp = (kevp_);		\
	(kevp)->ident = (a);			\
	(kevp)->filter = (b);			\
	(kevp)->flags = (c);			\
	(kevp)->fflags = (d);			\
	(kevp)->data = (e);			\
	(kevp)->udata = (f);			\
	(kevp)->ext[0] = 0;			\
	(kevp)->ext[1] = 0;			\
	(kevp)->ext[2] = 0;			\
	(kevp)->ext[3] = 0;			\
} while (0)

/* actions */
#define	EV_ADD		0x0001		/* add event to kq (implies enable) */
#define	EV_DELETE	0x0002		/* delete event from kq */
#define	EV_ENABLE	0x0004		/* enable event */
#define	EV_DISABLE	0x0008		/* disable event (not reported) */
#define	EV_FORCEONESHOT	0x0100		/* enable _ONESHOT and force trigger */
#define	EV_KEEPUDATA	0x0200		/* do not update the udata field */
/* flags */
#define	EV_ONESHOT	0x0010		/* only report one occurrence */
#define	EV_CLEAR	0x0020		/* clear event state after reporting */
#define	EV_RECEIPT	0x0040		/* force EV_ERROR on success, data=0 */
#define	EV_DISPATCH	0x0080		/* disable event after reporting */
#define	EV_SYSFLAGS	0xF000		/* reserved by system */
#define	EV_DROP		0x1000		/* note should be dropped */
#define	EV_FLAG1	0x2000		/* filter-specific flag */
#define	EV_FLAG2	0x4000		/* filter-specific flag */
/* returned values */
#define	EV_EOF		0x8000		/* EOF detected */
#define	EV_ERROR	0x4000		/* error, data contains errno */

#define	NOTE_LOWAT	0x0001		/* low water mark */
#define	NOTE_FILE_POLL	0x0002		/* behave like poll() */
#define	NOTE_TRIGGER	0x01000000	/* Cause the event to be triggered */
#define	NOTE_EXIT	0x80000000	/* process exited */
#define	NOTE_FORK	0x40000000	/* process forked */
#define	NOTE_EXEC	0x20000000	/* process exec'd */
#define	NOTE_SECONDS	0x00000001	/* data is seconds */
#define	NOTE_MSECONDS	0x00000002	/* data is milliseconds */
#define	NOTE_USECONDS	0x00000004	/* data is microseconds */
#define	NOTE_NSECONDS	0x00000008	/* data is nanoseconds */
#define	NOTE_ABSTIME	0x00000010	/* timeout is absolute */

#define	KQUEUE_CLOEXEC	0x00000001	/* close on exec */

__BEGIN_DECLS
int	kqueue(void);
int	kqueuex(unsigned int flags);
int	kevent(int kq, const struct kevent *changelist, int nchanges,
	    struct kevent *eventlist, int nevents,
	    const struct timespec *timeout);
__END_DECLS

#endif /* !_SYS_EVENT_H_ */
