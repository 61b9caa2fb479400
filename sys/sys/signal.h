/*
 * sys/signal.h: signal numbers, actions and siginfo with FreeBSD's values
 * and layouts (user space sees them through lib/libc/include/signal.h).
 */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#include <sys/types.h>
#include <sys/thread.h>		/* sigset_t */

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGEMT		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGBUS		10
#define SIGSEGV		11
#define SIGSYS		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGURG		16
#define SIGSTOP		17
#define SIGTSTP		18
#define SIGCONT		19
#define SIGCHLD		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGIO		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGINFO		29
#define SIGUSR1		30
#define SIGUSR2		31
#define SIGTHR		32
#define _SIG_MAXSIG	128

#define SIG_DFL		((void *)0)
#define SIG_IGN		((void *)1)

#define SA_ONSTACK	0x0001
#define SA_RESTART	0x0002
#define SA_RESETHAND	0x0004
#define SA_NODEFER	0x0010
#define SA_NOCLDWAIT	0x0020
#define SA_SIGINFO	0x0040
#define SA_NOCLDSTOP	0x0008

#define SIG_BLOCK	1
#define SIG_UNBLOCK	2
#define SIG_SETMASK	3

/* si_code values. */
#define SI_USER		0x10001
#define SI_QUEUE	0x10002
#define SI_TIMER	0x10003
#define SI_KERNEL	0x10006
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRERR	2
#define ILL_ILLOPC	1
#define FPE_INTDIV	2
#define TRAP_BRKPT	1
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3

union sigval_k {
	int		sival_int;
	void		*sival_ptr;
};

typedef struct __siginfo {
	int		si_signo;
	int		si_errno;
	int		si_code;
	int32_t		si_pid;
	uint32_t	si_uid;
	int		si_status;
	void		*si_addr;
	union sigval_k	si_value;
	union {
		struct { int _trapno; } _fault;
		struct { int _timerid; int _overrun; } _timer;
		struct { long _band; } _poll;
		struct { long __spare1__; int __spare2__[7]; } __spare__;
	} _reason;
} siginfo_t;
_Static_assert(sizeof(siginfo_t) == 80, "siginfo_t layout");

/* The sigaction structure user space passes (FreeBSD layout). */
struct sigaction_k {
	void		*sa_handler;	/* or sa_sigaction */
	int		sa_flags;
	sigset_t	sa_mask;
};

#endif /* !_SYS_SIGNAL_H_ */
