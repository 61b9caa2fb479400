/*
 * signal.c: signal sets, signal(), raise(), sigwait(), psignal() and the
 * signal names.
 *
 * raise() signals the calling thread (thr_kill(2) with the thread's id),
 * as on FreeBSD, falling back to kill(getpid(), sig) where thr_kill does
 * not exist yet.  signal() installs a handler with SA_RESTART (BSD
 * semantics) and returns the previous one.
 */
#include <sys/types.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libc_private.h"

int
sigemptyset(sigset_t *set)
{

	memset(set, 0, sizeof(*set));
	return (0);
}

int
sigfillset(sigset_t *set)
{

	memset(set, 0xff, sizeof(*set));
	return (0);
}

int
sigaddset(sigset_t *set, int sig)
{

	if (!_SIG_VALID(sig)) {
		errno = EINVAL;
		return (-1);
	}
	set->__bits[_SIG_WORD(sig)] |= _SIG_BIT(sig);
	return (0);
}

int
sigdelset(sigset_t *set, int sig)
{

	if (!_SIG_VALID(sig)) {
		errno = EINVAL;
		return (-1);
	}
	set->__bits[_SIG_WORD(sig)] &= ~_SIG_BIT(sig);
	return (0);
}

int
sigismember(const sigset_t *set, int sig)
{

	if (!_SIG_VALID(sig)) {
		errno = EINVAL;
		return (-1);
	}
	return ((set->__bits[_SIG_WORD(sig)] & _SIG_BIT(sig)) != 0);
}

int
sigisemptyset(const sigset_t *set)
{
	int i;

	for (i = 0; i < _SIG_WORDS; i++)
		if (set->__bits[i] != 0)
			return (0);
	return (1);
}

int
sigorset(sigset_t *dst, const sigset_t *a, const sigset_t *b)
{
	int i;

	for (i = 0; i < _SIG_WORDS; i++)
		dst->__bits[i] = a->__bits[i] | b->__bits[i];
	return (0);
}

int
sigandset(sigset_t *dst, const sigset_t *a, const sigset_t *b)
{
	int i;

	for (i = 0; i < _SIG_WORDS; i++)
		dst->__bits[i] = a->__bits[i] & b->__bits[i];
	return (0);
}

__sighandler_t *
signal(int sig, __sighandler_t *handler)
{
	struct sigaction sa, osa;

	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (__sys_sigaction(sig, &sa, &osa) != 0)
		return (SIG_ERR);
	return (osa.sa_handler);
}

int
siginterrupt(int sig, int flag)
{
	struct sigaction sa;

	if (__sys_sigaction(sig, NULL, &sa) != 0)
		return (-1);
	if (flag)
		sa.sa_flags &= ~SA_RESTART;
	else
		sa.sa_flags |= SA_RESTART;
	return (__sys_sigaction(sig, &sa, NULL));
}

int
raise(int sig)
{
	long tid;

	tid = __libc_thread_id();
	if (__sys_thr_kill(tid, sig) == 0)
		return (0);
	if (errno != ENOSYS)
		return (-1);
	return (__sys_kill(__sys_getpid(), sig));
}

int
killpg(pid_t pgrp, int sig)
{

	if (pgrp == 1) {
		errno = ESRCH;
		return (-1);
	}
	return (kill(-pgrp, sig));
}

int
pthread_sigmask(int how, const sigset_t *set, sigset_t *oset)
{

	if (__sys_sigprocmask(how, set, oset) != 0)
		return (errno);
	return (0);
}

int
sigwait(const sigset_t *set, int *sig)
{
	int error, saved;

	/* The system call returns the error number instead of -1. */
	saved = errno;
	do {
		error = __sys_sigwait(set, sig);
		if (error == -1)
			error = errno;
	} while (error == EINTR);
	errno = saved;
	return (error);
}

const char * const sys_signame[] = {
	"Signal 0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "EMT",
	"FPE", "KILL", "BUS", "SEGV", "SYS", "PIPE", "ALRM", "TERM", "URG",
	"STOP", "TSTP", "CONT", "CHLD", "TTIN", "TTOU", "IO", "XCPU",
	"XFSZ", "VTALRM", "PROF", "WINCH", "INFO", "USR1", "USR2",
};

const char * const sys_siglist[] = {
	"Signal 0",
	"Hangup",			/* SIGHUP */
	"Interrupt",			/* SIGINT */
	"Quit",				/* SIGQUIT */
	"Illegal instruction",		/* SIGILL */
	"Trace/BPT trap",		/* SIGTRAP */
	"Abort trap",			/* SIGABRT */
	"EMT trap",			/* SIGEMT */
	"Floating point exception",	/* SIGFPE */
	"Killed",			/* SIGKILL */
	"Bus error",			/* SIGBUS */
	"Segmentation fault",		/* SIGSEGV */
	"Bad system call",		/* SIGSYS */
	"Broken pipe",			/* SIGPIPE */
	"Alarm clock",			/* SIGALRM */
	"Terminated",			/* SIGTERM */
	"Urgent I/O condition",		/* SIGURG */
	"Suspended (signal)",		/* SIGSTOP */
	"Suspended",			/* SIGTSTP */
	"Continued",			/* SIGCONT */
	"Child exited",			/* SIGCHLD */
	"Stopped (tty input)",		/* SIGTTIN */
	"Stopped (tty output)",		/* SIGTTOU */
	"I/O possible",			/* SIGIO */
	"Cputime limit exceeded",	/* SIGXCPU */
	"Filesize limit exceeded",	/* SIGXFSZ */
	"Virtual timer expired",	/* SIGVTALRM */
	"Profiling timer expired",	/* SIGPROF */
	"Window size changes",		/* SIGWINCH */
	"Information request",		/* SIGINFO */
	"User defined signal 1",	/* SIGUSR1 */
	"User defined signal 2"		/* SIGUSR2 */
};
const int sys_nsig = sizeof(sys_siglist) / sizeof(sys_siglist[0]);

char *
strsignal(int sig)
{
	static char buf[32];	/* only for unknown numbers */

	if (sig > 0 && sig < sys_nsig)
		return (__DECONST(char *, sys_siglist[sig]));
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(buf, sizeof(buf), "Real-time signal %d",
		    sig - SIGRTMIN);
	else
		snprintf(buf, sizeof(buf), "Unknown signal: %d", sig);
	return (buf);
}

void
psignal(int sig, const char *s)
{

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: ", s);
	fprintf(stderr, "%s\n", strsignal(sig));
}
