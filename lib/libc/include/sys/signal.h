/*
 * sys/signal.h (user space): signal numbers, sigaction, siginfo and
 * sigaltstack with FreeBSD's values and layouts (the kernel's view is
 * sys/sys/signal.h; both must agree).
 */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_sigset.h>

#define	SIGHUP		1	/* hangup */
#define	SIGINT		2	/* interrupt */
#define	SIGQUIT		3	/* quit */
#define	SIGILL		4	/* illegal instr. */
#define	SIGTRAP		5	/* trace trap */
#define	SIGABRT		6	/* abort() */
#define	SIGIOT		SIGABRT
#define	SIGEMT		7	/* EMT instruction */
#define	SIGFPE		8	/* floating point exception */
#define	SIGKILL		9	/* kill (cannot be caught or ignored) */
#define	SIGBUS		10	/* bus error */
#define	SIGSEGV		11	/* segmentation violation */
#define	SIGSYS		12	/* non-existent system call invoked */
#define	SIGPIPE		13	/* write on a pipe with no one to read it */
#define	SIGALRM		14	/* alarm clock */
#define	SIGTERM		15	/* software termination signal from kill */
#define	SIGURG		16	/* urgent condition on IO channel */
#define	SIGSTOP		17	/* sendable stop signal not from tty */
#define	SIGTSTP		18	/* stop signal from tty */
#define	SIGCONT		19	/* continue a stopped process */
#define	SIGCHLD		20	/* to parent on child stop or exit */
#define	SIGTTIN		21	/* to readers pgrp upon background tty read */
#define	SIGTTOU		22	/* like TTIN if (tp->t_local&LTOSTOP) */
#define	SIGIO		23	/* input/output possible signal */
#define	SIGXCPU		24	/* exceeded CPU time limit */
#define	SIGXFSZ		25	/* exceeded file size limit */
#define	SIGVTALRM	26	/* virtual time alarm */
#define	SIGPROF		27	/* profiling time alarm */
#define	SIGWINCH	28	/* window size changes */
#define	SIGINFO		29	/* information request */
#define	SIGUSR1		30	/* user defined signal 1 */
#define	SIGUSR2		31	/* user defined signal 2 */
#define	SIGTHR		32	/* reserved by thread library */
#define	SIGLWP		SIGTHR
#define	SIGLIBRT	33	/* reserved by real-time library */
#define	SIGRTMIN	65
#define	SIGRTMAX	126
#define	NSIG		32	/* number of old signals (counting 0) */

#define	SIG_DFL		((__sighandler_t *)0)
#define	SIG_IGN		((__sighandler_t *)1)
#define	SIG_ERR		((__sighandler_t *)-1)
#define	SIG_HOLD	((__sighandler_t *)3)

typedef	void __sighandler_t(int);
typedef	int sig_atomic_t;

union sigval {
	int	sival_int;
	void	*sival_ptr;
	int	sigval_int;
	void	*sigval_ptr;
};

struct sigevent {
	int	sigev_notify;		/* notification type */
	int	sigev_signo;		/* signal number */
	union sigval sigev_value;	/* signal value */
	union {
		__lwpid_t	_threadid;
		struct {
			void (*_function)(union sigval);
			void *_attribute;	/* pthread_attr_t * */
		} _sigev_thread;
		unsigned short _kevent_flags;
		long __spare__[8];
	} _sigev_un;
};
#define	sigev_notify_kqueue		sigev_signo
#define	sigev_notify_kevent_flags	_sigev_un._kevent_flags
#define	sigev_notify_thread_id		_sigev_un._threadid
#define	sigev_notify_function		_sigev_un._sigev_thread._function
#define	sigev_notify_attributes		_sigev_un._sigev_thread._attribute
#define	SIGEV_NONE	0
#define	SIGEV_SIGNAL	1
#define	SIGEV_THREAD	2
#define	SIGEV_KEVENT	3
#define	SIGEV_THREAD_ID	4

typedef	struct __siginfo {
	int	si_signo;		/* signal number */
	int	si_errno;		/* errno association */
	int	si_code;		/* signal code */
	__pid_t	si_pid;			/* sending process */
	__uid_t	si_uid;			/* sender's ruid */
	int	si_status;		/* exit value */
	void	*si_addr;		/* faulting instruction */
	union sigval si_value;		/* signal value */
	union	{
		struct {
			int	_trapno;
		} _fault;
		struct {
			int	_timerid;
			int	_overrun;
		} _timer;
		struct {
			int	_mqd;
		} _mesgq;
		struct {
			long	_band;
		} _poll;
		struct {
			long	__spare1__;
			int	__spare2__[7];
		} __spare__;
	} _reason;
} siginfo_t;
#define	si_trapno	_reason._fault._trapno
#define	si_timerid	_reason._timer._timerid
#define	si_overrun	_reason._timer._overrun
#define	si_mqd		_reason._mesgq._mqd
#define	si_band		_reason._poll._band

/* si_code */
#define	ILL_ILLOPC	1
#define	ILL_ILLOPN	2
#define	ILL_ILLADR	3
#define	ILL_ILLTRP	4
#define	ILL_PRVOPC	5
#define	ILL_PRVREG	6
#define	ILL_COPROC	7
#define	ILL_BADSTK	8
#define	BUS_ADRALN	1
#define	BUS_ADRERR	2
#define	BUS_OBJERR	3
#define	BUS_OOMERR	100
#define	SEGV_MAPERR	1
#define	SEGV_ACCERR	2
#define	SEGV_PKUERR	100
#define	FPE_INTOVF	1
#define	FPE_INTDIV	2
#define	FPE_FLTDIV	3
#define	FPE_FLTOVF	4
#define	FPE_FLTUND	5
#define	FPE_FLTRES	6
#define	FPE_FLTINV	7
#define	FPE_FLTSUB	8
#define	FPE_FLTIDO	9
#define	TRAP_BRKPT	1
#define	TRAP_TRACE	2
#define	TRAP_DTRACE	3
#define	TRAP_CAP	4
#define	CLD_EXITED	1
#define	CLD_KILLED	2
#define	CLD_DUMPED	3
#define	CLD_TRAPPED	4
#define	CLD_STOPPED	5
#define	CLD_CONTINUED	6
#define	POLL_IN		1
#define	POLL_OUT	2
#define	POLL_MSG	3
#define	POLL_ERR	4
#define	POLL_PRI	5
#define	POLL_HUP	6
#define	SI_NOINFO	0
#define	SI_USER		0x10001
#define	SI_QUEUE	0x10002
#define	SI_TIMER	0x10003
#define	SI_ASYNCIO	0x10004
#define	SI_MESGQ	0x10005
#define	SI_KERNEL	0x10006
#define	SI_LWP		0x10007
#define	SI_UNDEFINED	0

struct sigaction {
	union {
		void	(*__sa_handler)(int);
		void	(*__sa_sigaction)(int, struct __siginfo *, void *);
	} __sigaction_u;		/* signal handler */
	int	sa_flags;		/* see signal options below */
	sigset_t sa_mask;		/* signal mask to apply */
};
#define	sa_handler	__sigaction_u.__sa_handler
#define	sa_sigaction	__sigaction_u.__sa_sigaction

#define	SA_ONSTACK	0x0001	/* take signal on signal stack */
#define	SA_RESTART	0x0002	/* restart system call on signal return */
#define	SA_RESETHAND	0x0004	/* reset to SIG_DFL when taking signal */
#define	SA_NOCLDSTOP	0x0008	/* do not generate SIGCHLD on child stop */
#define	SA_NODEFER	0x0010	/* don't mask the signal we're delivering */
#define	SA_NOCLDWAIT	0x0020	/* don't keep zombies around */
#define	SA_SIGINFO	0x0040	/* signal handler with SA_SIGINFO args */

#define	SS_ONSTACK	0x0001	/* take signal on alternate stack */
#define	SS_DISABLE	0x0004	/* disable taking signals on alternate stack */
#define	MINSIGSTKSZ	2048	/* minimum stack size */
#define	SIGSTKSZ	(MINSIGSTKSZ + 32768)	/* recommended stack size */

typedef	struct sigaltstack {
	void	*ss_sp;			/* signal stack base */
	__size_t ss_size;		/* signal stack length */
	int	ss_flags;		/* SS_DISABLE and/or SS_ONSTACK */
} stack_t;

#define	SIG_BLOCK	1	/* block specified signal set */
#define	SIG_UNBLOCK	2	/* unblock specified signal set */
#define	SIG_SETMASK	3	/* set specified signal set */

typedef	__sighandler_t	*sig_t;	/* type of pointer to a signal function */

#endif /* !_SYS_SIGNAL_H_ */
