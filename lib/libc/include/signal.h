/*
 * signal.h (user space).
 */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/signal.h>
#include <sys/_timespec.h>
#include <sys/_pthreadtypes.h>

#ifndef _PID_T_DECLARED
typedef	__pid_t		pid_t;
#define	_PID_T_DECLARED
#endif
#ifndef _UID_T_DECLARED
typedef	__uid_t		uid_t;
#define	_UID_T_DECLARED
#endif
#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif

extern const char * const sys_signame[];
extern const char * const sys_siglist[];
extern const int sys_nsig;

__BEGIN_DECLS
int	raise(int);
__sighandler_t *signal(int, __sighandler_t *);
int	kill(__pid_t, int);
int	killpg(__pid_t, int);
int	pthread_kill(pthread_t, int);
int	pthread_sigmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int	sigaction(int, const struct sigaction *__restrict,
	    struct sigaction *__restrict);
int	sigaddset(sigset_t *, int);
int	sigdelset(sigset_t *, int);
int	sigemptyset(sigset_t *);
int	sigfillset(sigset_t *);
int	sigismember(const sigset_t *, int);
int	sigpending(sigset_t *);
int	sigprocmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int	sigsuspend(const sigset_t *);
int	sigwait(const sigset_t *__restrict, int *__restrict);
int	sigtimedwait(const sigset_t *__restrict, siginfo_t *__restrict,
	    const struct timespec *__restrict);
int	sigwaitinfo(const sigset_t *__restrict, siginfo_t *__restrict);
int	sigqueue(__pid_t, int, const union sigval);
int	sigaltstack(const stack_t *__restrict, stack_t *__restrict);
int	siginterrupt(int, int);
void	psignal(int, const char *);
int	sigisemptyset(const sigset_t *);
int	sigorset(sigset_t *, const sigset_t *, const sigset_t *);
int	sigandset(sigset_t *, const sigset_t *, const sigset_t *);
__END_DECLS

#endif /* !_SIGNAL_H_ */
