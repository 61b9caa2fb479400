/*
 * sys/signalvar.h: kernel-only signal helpers (kern/kern_sig.c).
 *
 * Signals are posted to a process (p_siglist) or a thread (td_siglist)
 * under p_spin; a thread takes a signal when it is about to return to user
 * mode (userret) or when an interruptible sleep (PCATCH) is aborted for it.
 */
#ifndef _SYS_SIGNALVAR_H_
#define _SYS_SIGNALVAR_H_

#include <sys/signal.h>

#define _SIG_IDX(sig)	((sig) - 1)
#define _SIG_WORD(sig)	(_SIG_IDX(sig) >> 5)
#define _SIG_BIT(sig)	(1u << (_SIG_IDX(sig) & 31))
#define _SIG_VALID(sig)	((sig) > 0 && (sig) <= _SIG_MAXSIG)

#define SIGADDSET(set, sig)	((set).__bits[_SIG_WORD(sig)] |= _SIG_BIT(sig))
#define SIGDELSET(set, sig)	((set).__bits[_SIG_WORD(sig)] &= ~_SIG_BIT(sig))
#define SIGISMEMBER(set, sig)	(((set).__bits[_SIG_WORD(sig)] & _SIG_BIT(sig)) != 0)
#define SIGEMPTYSET(set)	do { for (int _i = 0; _i < 4; _i++)	\
	(set).__bits[_i] = 0; } while (0)

struct proc;
struct thread;

void	psignal(struct proc *p, int sig);	/* to the process */
void	tdsignal(struct thread *td, int sig);	/* to one thread */
void	trapsignal(struct thread *td, int sig, int code, void *addr);
int	cursig(struct thread *td);		/* next deliverable, or 0 */
void	userret(struct thread *td);		/* before every return to user */
int	sig_sleep_check(struct thread *td);	/* PCATCH: 0, EINTR or ERESTART */
void	sigexit(struct thread *td, int sig) __dead2;
void	tdsignal_locked_kick(struct thread *td);	/* p_spin held */
void	siginit(struct proc *p);		/* defaults for a new process */
void	execsigs(struct proc *p);		/* exec: caught -> default */

#endif /* !_SYS_SIGNALVAR_H_ */
