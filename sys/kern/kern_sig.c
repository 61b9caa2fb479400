/*
 * kern/kern_sig.c: signals (machine-independent part).
 *
 * Posting: psignal() (to a process) and tdsignal() (to a thread) add the
 * signal to p_siglist/td_siglist under p_spin and "kick" a thread that
 * can take it: set TDF_ASTPENDING, abort its interruptible sleep if it is
 * in one (sleep_abort), and IPI its CPU so a thread running in user mode
 * enters the kernel.
 *
 * Taking: every return to user mode goes through userret(), which delivers
 * all pending unmasked signals: the default action (terminate, ignore), or
 * a handler frame built by cpu_sendsig() (amd64/vm_machdep.c).  A PCATCH
 * sleep ends with EINTR, or ERESTART when the signal's action has
 * SA_RESTART (the system call is then restarted after the handler).
 *
 * No lost signal between "check" and "sleep" (see kern_synch.c):
 *
 *   sleeper                              poster
 *   queue on bucket, TDF_SINTR           add to siglist, set ASTPENDING
 *   release interlock                    sleep_abort(td): on a bucket?
 *   ASTPENDING and a signal? abort self      yes: dequeue, EINTR
 *
 * Each side writes its flag before it looks at the other's, so at least one
 * of them sees the other.
 *
 * Waiting: sigtimedwait(2), sigwaitinfo(2) and sigwait(2) (kern_sigtimedwait)
 * take a signal of a set (normally blocked by the caller) off the pending
 * sets without running its handler.  The waiter publishes the set in
 * td_sigwait; a poster treats a waited signal like an unblocked one (it
 * picks and kicks that thread) and does not drop a default-ignored one
 * (sigwait(SIGCHLD) must see it).  td_sigmask is never touched, so no
 * handler can run for a waited signal.  p_spin is held from the pending
 * check until the waiter is on its sleep queue (ssleep's interlock):
 *
 *   waiter                                poster
 *   lock p_spin; td_sigwait = set
 *   nothing of set pending
 *   ssleep: queue on bucket, TDF_SINTR,
 *   unlock p_spin                         lock p_spin; add to siglist
 *                                         td_sigwait has it: kick ->
 *                                         sleep_abort: on a bucket, EINTR
 *   wakes, lock p_spin, takes it
 *   td_sigwait = empty; unlock
 *
 * A poster that gets p_spin first has added the signal before the waiter
 * looks; one that gets it after finds the waiter queued.  Either way the
 * signal is seen.  After the wait the set's signals are blocked again, so
 * any left pending stay for the next sigwait or for sigprocmask.
 * Senders are recorded per signal number in p_sigsrc (for siginfo).
 *
 * Not implemented yet: stop/continue (SIGSTOP, SIGTSTP... are ignored),
 * process groups (kill(0, sig) signals the caller only), sigaltstack,
 * queued real-time signals.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>
#include <machine/md_var.h>
#include <machine/asmacros.h>
#include <machine/frame.h>

#define SP_KILL		0x01	/* default: terminate */
#define SP_IGNORE	0x02	/* default: ignore */
#define SP_CANTMASK	0x04	/* SIGKILL, SIGSTOP */

static int
sigprop(int sig)
{
	switch (sig) {
	case SIGKILL:
		return (SP_KILL | SP_CANTMASK);
	case SIGSTOP:
		return (SP_IGNORE | SP_CANTMASK);	/* stop: not built */
	case SIGCHLD: case SIGURG: case SIGWINCH: case SIGINFO:
	case SIGCONT: case SIGIO: case SIGTHR:
	case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return (SP_IGNORE);
	default:
		return (SP_KILL);
	}
}

void	sleep_abort(struct thread *td);		/* kern_synch.c */

/* The sender of signals the kernel raises itself (SIGPIPE, SIGCHLD...). */
static const struct sigsrc sigsrc_kernel = { 0, 0, SI_KERNEL };

static int
sig_ignored(struct proc *p, int sig)
{
	void *h = p->p_sigacts[_SIG_IDX(sig)].sa_handler;

	if (sig == SIGKILL)
		return (0);
	return (h == SIG_IGN || (h == SIG_DFL && (sigprop(sig) & SP_IGNORE)));
}

/* Will td take sig now: unblocked, unmaskable or sig*waited?  p_spin. */
static int
sig_wanted(struct thread *td, int sig)
{
	return (!SIGISMEMBER(td->td_sigmask, sig) || sig == SIGKILL ||
	    SIGISMEMBER(td->td_sigwait, sig));
}

/* Does td block sig or sig*wait for it?  p_spin held. */
static int
sig_held(struct thread *td, int sig)
{
	return (SIGISMEMBER(td->td_sigmask, sig) ||
	    SIGISMEMBER(td->td_sigwait, sig));
}

/*
 * Drop a newly posted sig at once?  Ignored signals go, except one that is
 * ignored only by default (SIGCHLD, SIGIO...) while td (td NULL: any thread
 * of p) blocks it or waits for it: sigwait(SIGCHLD) must still see it.
 * Once unblocked it is discarded by sig_take_locked.  p_spin held.
 */
static int
sig_discard(struct proc *p, struct thread *td, int sig)
{
	struct thread *td2;

	if (!sig_ignored(p, sig))
		return (0);
	if (p->p_sigacts[_SIG_IDX(sig)].sa_handler != SIG_DFL)
		return (1);			/* SIG_IGN */
	if (td != NULL)
		return (!sig_held(td, sig));
	TAILQ_FOREACH(td2, &p->p_threads, td_plist)
		if (sig_held(td2, sig))
			return (0);
	return (1);
}

void
siginit(struct proc *p)
{
	for (int i = 0; i < _SIG_MAXSIG; i++) {
		p->p_sigacts[i].sa_handler = SIG_DFL;
		SIGEMPTYSET(p->p_sigacts[i].sa_mask);
		p->p_sigacts[i].sa_flags = 0;
	}
	SIGEMPTYSET(p->p_siglist);
	SIGEMPTYSET(p->p_sigignore);
	SIGEMPTYSET(p->p_sigcatch);
}

/* exec: caught signals go back to their default; ignored stay ignored. */
void
execsigs(struct proc *p)
{
	spin_lock(&p->p_spin);
	for (int i = 0; i < _SIG_MAXSIG; i++) {
		struct sigacts_entry *sa = &p->p_sigacts[i];

		if (sa->sa_handler != SIG_IGN)
			sa->sa_handler = SIG_DFL;
		SIGEMPTYSET(sa->sa_mask);
		sa->sa_flags = 0;
	}
	SIGEMPTYSET(p->p_sigcatch);
	spin_unlock(&p->p_spin);
}

/* Make td look at its signals soon.  Caller holds td's p_spin. */
void
tdsignal_locked_kick(struct thread *td)
{
	atomic_set_int(&td->td_flags, TDF_ASTPENDING);
	sleep_abort(td);
	if (td->td_gd != mycpu && td->td_state == TDS_RUNNING)
		lapic_ipi(td->td_gd->gd_apicid, IDT_IPI_WAKEUP);
}

static void
psignal_src(struct proc *p, int sig, const struct sigsrc *src)
{
	struct thread *td, *target = NULL;

	KASSERT(_SIG_VALID(sig), ("psignal: bad signal %d", sig));
	spin_lock(&p->p_spin);
	if (p->p_state != PRS_NORMAL || sig_discard(p, NULL, sig)) {
		spin_unlock(&p->p_spin);
		return;
	}
	SIGADDSET(p->p_siglist, sig);
	p->p_sigsrc[_SIG_IDX(sig)] = *src;
	TAILQ_FOREACH(td, &p->p_threads, td_plist) {
		if (sig_wanted(td, sig)) {
			target = td;
			break;
		}
	}
	if (target != NULL)
		tdsignal_locked_kick(target);
	spin_unlock(&p->p_spin);
}

void
psignal(struct proc *p, int sig)
{
	psignal_src(p, sig, &sigsrc_kernel);
}

void
tdsignal(struct thread *td, int sig)
{
	struct proc *p = td->td_proc;

	spin_lock(&p->p_spin);
	if (!sig_discard(p, td, sig)) {
		SIGADDSET(td->td_siglist, sig);
		p->p_sigsrc[_SIG_IDX(sig)] = sigsrc_kernel;
		if (sig_wanted(td, sig))
			tdsignal_locked_kick(td);
	}
	spin_unlock(&p->p_spin);
}

/*
 * The next signal td should take, removed from the pending sets, or 0.
 * Ignored signals found on the way are discarded.  p_spin held.
 */
static int
sig_take_locked(struct thread *td)
{
	struct proc *p = td->td_proc;

	for (int sig = 1; sig <= _SIG_MAXSIG; sig++) {
		int pend = SIGISMEMBER(td->td_siglist, sig) ||
		    SIGISMEMBER(p->p_siglist, sig);

		if (!pend || (SIGISMEMBER(td->td_sigmask, sig) &&
		    !(sigprop(sig) & SP_CANTMASK)))
			continue;
		SIGDELSET(td->td_siglist, sig);
		SIGDELSET(p->p_siglist, sig);
		if (sig_ignored(p, sig))
			continue;
		return (sig);
	}
	return (0);
}

/* Without taking it: the first deliverable signal, or 0. */
int
cursig(struct thread *td)
{
	struct proc *p = td->td_proc;
	int found = 0;

	spin_lock(&p->p_spin);
	for (int sig = 1; sig <= _SIG_MAXSIG && !found; sig++) {
		if ((SIGISMEMBER(td->td_siglist, sig) ||
		    SIGISMEMBER(p->p_siglist, sig)) &&
		    (!SIGISMEMBER(td->td_sigmask, sig) ||
		    (sigprop(sig) & SP_CANTMASK)) && !sig_ignored(p, sig))
			found = sig;
	}
	spin_unlock(&p->p_spin);
	return (found);
}

/* PCATCH: should the sleep end?  0, EINTR or ERESTART. */
int
sig_sleep_check(struct thread *td)
{
	struct proc *p = td->td_proc;
	int sig, restart;

	if (p == NULL)
		return (0);
	if (p->p_flag & P_WEXIT)
		return (EINTR);
	sig = cursig(td);
	if (sig == 0)
		return (0);
	spin_lock(&p->p_spin);
	restart = (p->p_sigacts[_SIG_IDX(sig)].sa_flags & SA_RESTART) != 0 &&
	    p->p_sigacts[_SIG_IDX(sig)].sa_handler != SIG_DFL;
	spin_unlock(&p->p_spin);
	return (restart ? ERESTART : EINTR);
}

void
sigexit(struct thread *td, int sig)
{
	exit1(td, W_EXITCODE(0, sig));
}

/* Deliver sig to td now: default action or a handler frame. */
static void
postsig(struct thread *td, int sig, int code, void *addr)
{
	struct proc *p = td->td_proc;
	struct sigacts_entry sa;
	sigset_t oldmask;

	spin_lock(&p->p_spin);
	sa = p->p_sigacts[_SIG_IDX(sig)];
	if (sa.sa_handler == SIG_DFL) {
		spin_unlock(&p->p_spin);
		if (sigprop(sig) & SP_KILL)
			sigexit(td, sig);
		return;
	}
	if (td->td_pflags & TDP_OLDMASK) {
		oldmask = td->td_oldsigmask;
		td->td_pflags &= ~TDP_OLDMASK;
	} else
		oldmask = td->td_sigmask;
	for (int i = 0; i < 4; i++)
		td->td_sigmask.__bits[i] |= sa.sa_mask.__bits[i];
	if (!(sa.sa_flags & SA_NODEFER))
		SIGADDSET(td->td_sigmask, sig);
	SIGDELSET(td->td_sigmask, SIGKILL);
	SIGDELSET(td->td_sigmask, SIGSTOP);
	if (sa.sa_flags & SA_RESETHAND) {
		p->p_sigacts[_SIG_IDX(sig)].sa_handler = SIG_DFL;
		SIGDELSET(p->p_sigcatch, sig);
	}
	spin_unlock(&p->p_spin);
	if (cpu_sendsig(td, sig, &sa, &oldmask, code, addr) != 0)
		sigexit(td, SIGILL);	/* no room for the frame */
}

void
userret(struct thread *td)
{
	struct proc *p = td->td_proc;
	struct globaldata *gd;
	int sig;

	for (;;) {
		atomic_clear_int(&td->td_flags, TDF_ASTPENDING);
		if (p->p_flag & P_WEXIT)
			proc_thread_exit(td);
		spin_lock(&p->p_spin);
		sig = sig_take_locked(td);
		spin_unlock(&p->p_spin);
		if (sig == 0)
			break;
		postsig(td, sig, SI_USER, NULL);
	}
	td->td_pflags &= ~TDP_OLDMASK;
	gd = mycpu;
	if (gd->gd_reqflags & RQF_RESCHED) {
		atomic_clear_int(&gd->gd_reqflags, RQF_RESCHED);
		lwkt_yield();
	}
}

/*
 * A fault in user mode.  A blocked or ignored synchronous signal cannot be
 * postponed: like FreeBSD, reset it to the default action (which kills).
 */
void
trapsignal(struct thread *td, int sig, int code, void *addr)
{
	struct proc *p = td->td_proc;
	struct sigacts_entry *sa = &p->p_sigacts[_SIG_IDX(sig)];

	if (sa->sa_handler == SIG_DFL && (sigprop(sig) & SP_KILL))
		kprintf("pid %d (%s): exited on signal %d (code %d, address %p, "
		    "rip %#lx)\n", p->p_pid, p->p_comm, sig, code, addr,
		    td->td_frame != NULL ? td->td_frame->tf_rip : 0);
	spin_lock(&p->p_spin);
	if (SIGISMEMBER(td->td_sigmask, sig) || sa->sa_handler == SIG_IGN) {
		SIGDELSET(td->td_sigmask, sig);
		sa->sa_handler = SIG_DFL;
	}
	spin_unlock(&p->p_spin);
	postsig(td, sig, code, addr);
}

int
sys_sigaction(struct thread *td, struct sigaction_args *uap)
{
	struct proc *p = td->td_proc;
	struct sigaction_k act, oact;
	struct sigacts_entry *sa;
	int sig = uap->sig, error;

	if (!_SIG_VALID(sig))
		return (EINVAL);
	if (uap->act != NULL &&
	    (error = copyin(uap->act, &act, sizeof(act))) != 0)
		return (error);
	if (uap->act != NULL && (sig == SIGKILL || sig == SIGSTOP) &&
	    act.sa_handler != SIG_DFL)
		return (EINVAL);
	sa = &p->p_sigacts[_SIG_IDX(sig)];
	spin_lock(&p->p_spin);
	oact.sa_handler = sa->sa_handler;
	oact.sa_flags = sa->sa_flags;
	oact.sa_mask = sa->sa_mask;
	if (uap->act != NULL) {
		sa->sa_handler = act.sa_handler;
		sa->sa_flags = act.sa_flags;
		sa->sa_mask = act.sa_mask;
		SIGDELSET(sa->sa_mask, SIGKILL);
		SIGDELSET(sa->sa_mask, SIGSTOP);
		if (sig_ignored(p, sig)) {
			SIGDELSET(p->p_siglist, sig);
			SIGADDSET(p->p_sigignore, sig);
		} else
			SIGDELSET(p->p_sigignore, sig);
		if (act.sa_handler != SIG_DFL && act.sa_handler != SIG_IGN)
			SIGADDSET(p->p_sigcatch, sig);
		else
			SIGDELSET(p->p_sigcatch, sig);
	}
	spin_unlock(&p->p_spin);
	if (uap->oact != NULL)
		return (copyout(&oact, uap->oact, sizeof(oact)));
	return (0);
}

static int
kern_sigprocmask(struct thread *td, int how, const sigset_t *set,
    sigset_t *oset)
{
	struct proc *p = td->td_proc;

	spin_lock(&p->p_spin);
	if (oset != NULL)
		*oset = td->td_sigmask;
	if (set != NULL) {
		for (int i = 0; i < 4; i++) {
			switch (how) {
			case SIG_BLOCK:
				td->td_sigmask.__bits[i] |= set->__bits[i];
				break;
			case SIG_UNBLOCK:
				td->td_sigmask.__bits[i] &= ~set->__bits[i];
				break;
			case SIG_SETMASK:
				td->td_sigmask.__bits[i] = set->__bits[i];
				break;
			default:
				spin_unlock(&p->p_spin);
				return (EINVAL);
			}
		}
		SIGDELSET(td->td_sigmask, SIGKILL);
		SIGDELSET(td->td_sigmask, SIGSTOP);
		/* Newly unblocked pending signals are taken at userret. */
		atomic_set_int(&td->td_flags, TDF_ASTPENDING);
	}
	spin_unlock(&p->p_spin);
	return (0);
}

int
sys_sigprocmask(struct thread *td, struct sigprocmask_args *uap)
{
	sigset_t set, oset;
	int error;

	if (uap->set != NULL &&
	    (error = copyin(uap->set, &set, sizeof(set))) != 0)
		return (error);
	error = kern_sigprocmask(td, uap->how, uap->set != NULL ? &set : NULL,
	    &oset);
	if (error == 0 && uap->oset != NULL)
		error = copyout(&oset, uap->oset, sizeof(oset));
	return (error);
}

int
sys_sigpending(struct thread *td, struct sigpending_args *uap)
{
	struct proc *p = td->td_proc;
	sigset_t set;

	spin_lock(&p->p_spin);
	for (int i = 0; i < 4; i++)
		set.__bits[i] = p->p_siglist.__bits[i] |
		    td->td_siglist.__bits[i];
	spin_unlock(&p->p_spin);
	return (copyout(&set, uap->set, sizeof(set)));
}

int
sys_sigsuspend(struct thread *td, struct sigsuspend_args *uap)
{
	struct proc *p = td->td_proc;
	sigset_t mask;
	int error;

	if ((error = copyin(uap->sigmask, &mask, sizeof(mask))) != 0)
		return (error);
	spin_lock(&p->p_spin);
	td->td_oldsigmask = td->td_sigmask;
	td->td_pflags |= TDP_OLDMASK;
	td->td_sigmask = mask;
	SIGDELSET(td->td_sigmask, SIGKILL);
	SIGDELSET(td->td_sigmask, SIGSTOP);
	spin_unlock(&p->p_spin);
	while (sig_sleep_check(td) == 0)
		tsleep(&td->td_oldsigmask, PCATCH, "sigsusp", 0);
	return (EINTR);		/* the old mask returns after the handler */
}

static int
kill_one(struct proc *p, int sig, const struct sigsrc *src)
{
	if (p->p_state != PRS_NORMAL)
		return (ESRCH);
	if (sig != 0)
		psignal_src(p, sig, src);
	return (0);
}

int
sys_kill(struct thread *td, struct kill_args *uap)
{
	struct proc *self = td->td_proc, *p;
	struct sigsrc src = { self->p_pid, self->p_ucred.cr_uid, SI_USER };
	int sig = uap->signum, error = ESRCH;

	if (sig < 0 || sig > _SIG_MAXSIG)
		return (EINVAL);
	if (uap->pid > 0) {
		spin_lock(&proctree_lock);
		LIST_FOREACH(p, &allproc, p_list)
			if (p->p_pid == uap->pid) {
				error = kill_one(p, sig, &src);
				break;
			}
		spin_unlock(&proctree_lock);
		return (error);
	}
	if (uap->pid == 0 || uap->pid < -1)	/* no process groups yet */
		return (kill_one(self, sig, &src));
	spin_lock(&proctree_lock);
	LIST_FOREACH(p, &allproc, p_list) {
		if (p == initproc || p == self || p->p_state != PRS_NORMAL)
			continue;
		kill_one(p, sig, &src);
	}
	spin_unlock(&proctree_lock);
	if (sig != 0)
		psignal_src(self, sig, &src);
	return (0);		/* the caller itself was signalled */
}

/*
 * sigtimedwait(2), sigwaitinfo(2), sigwait(2): see "Waiting" at the top.
 */
#define SIGWAIT_NS	1000000000L
#define SIGWAIT_MAXSEC	(1L << 31)	/* longer is forever, near enough */

struct sigwait_ts {			/* user's struct timespec */
	int64_t		tv_sec;
	long		tv_nsec;
};

/*
 * Take one pending signal of set for td, thread-directed first, and fill
 * *si from its sender record; 0 if none.  p_spin held.
 */
static int
sigwait_take_locked(struct thread *td, const sigset_t *set, siginfo_t *si)
{
	struct proc *p = td->td_proc;
	const struct sigsrc *src;

	for (int sig = 1; sig <= _SIG_MAXSIG; sig++) {
		if (!SIGISMEMBER(*set, sig))
			continue;
		if (SIGISMEMBER(td->td_siglist, sig))
			SIGDELSET(td->td_siglist, sig);
		else if (SIGISMEMBER(p->p_siglist, sig))
			SIGDELSET(p->p_siglist, sig);
		else
			continue;
		src = &p->p_sigsrc[_SIG_IDX(sig)];
		memset(si, 0, sizeof(*si));
		si->si_signo = sig;
		si->si_code = src->ss_code;
		si->si_pid = src->ss_pid;
		si->si_uid = src->ss_uid;
		return (sig);
	}
	return (0);
}

/* ns -> sleep ticks: rounded up, capped (the caller loops to the end). */
static int
sigwait_ticks(uint64_t ns)
{
	uint64_t t = ns / (SIGWAIT_NS / hz) + 1;

	return (t > (uint64_t)hz * 3600 ? hz * 3600 : (int)t);
}

/*
 * Wait for a signal of set (SIGKILL and SIGSTOP are left out) and take it
 * into *si.  timeout NULL waits forever.  0, EAGAIN (time is up), EINVAL
 * (bad timeout, checked only when nothing is pending), EINTR, or ERESTART
 * (another signal with an SA_RESTART handler; only without a timeout).
 */
static int
kern_sigtimedwait(struct thread *td, sigset_t set, siginfo_t *si,
    const struct sigwait_ts *timeout)
{
	struct proc *p = td->td_proc;
	uint64_t deadline = 0, now;
	int error = 0, badtime = 0, timo;

	SIGDELSET(set, SIGKILL);
	SIGDELSET(set, SIGSTOP);
	if (timeout != NULL) {
		if (timeout->tv_nsec < 0 || timeout->tv_nsec >= SIGWAIT_NS)
			badtime = 1;
		else if (timeout->tv_sec >= SIGWAIT_MAXSEC)
			timeout = NULL;
		else
			deadline = nanouptime() + timeout->tv_nsec +
			    (timeout->tv_sec > 0 ?
			    (uint64_t)timeout->tv_sec * SIGWAIT_NS : 0);
	}
	spin_lock(&p->p_spin);
	td->td_sigwait = set;
	for (;;) {
		if (sigwait_take_locked(td, &set, si) != 0) {
			error = 0;
			break;
		}
		if (error != 0)			/* another signal came */
			break;
		timo = 0;
		if (timeout != NULL) {
			if (badtime) {
				error = EINVAL;
				break;
			}
			now = nanouptime();
			if (now >= deadline) {
				error = EAGAIN;
				break;
			}
			timo = sigwait_ticks(deadline - now);
		}
		error = ssleep(&td->td_sigwait, &p->p_spin, PCATCH, "sigwait",
		    timo);
		if (error == EINTR || error == ERESTART) {
			/*
			 * Aborted: for a signal of set (taken above) or for
			 * another one, which sig_sleep_check reports (set's
			 * signals are blocked, so it does not see them).
			 */
			spin_unlock(&p->p_spin);
			error = sig_sleep_check(td);
			spin_lock(&p->p_spin);
		} else
			error = 0;	/* a tick: the deadline decides */
	}
	SIGEMPTYSET(td->td_sigwait);
	spin_unlock(&p->p_spin);
	if (error == ERESTART && timeout != NULL)
		error = EINTR;			/* a timeout is not restarted */
	return (error);
}

/*
 * Copy the caller's set and probe the result address, so that a bad
 * pointer fails with EFAULT before a signal is taken (and lost).
 */
static int
sigwait_args_in(const void *uset, sigset_t *set, void *uout, size_t outlen)
{
	siginfo_t zero;
	int error;

	KASSERT(outlen <= sizeof(zero), ("sigwait_args_in: %zu", outlen));
	if ((error = copyin(uset, set, sizeof(*set))) != 0)
		return (error);
	memset(&zero, 0, sizeof(zero));
	if (uout != NULL)
		error = copyout(&zero, uout, outlen);
	return (error);
}

static int
sigwaitinfo_common(struct thread *td, const sigset_t *uset, void *uinfo,
    const struct sigwait_ts *timeout)
{
	sigset_t set;
	siginfo_t si;
	int error;

	error = sigwait_args_in(uset, &set, uinfo, sizeof(si));
	if (error == 0)
		error = kern_sigtimedwait(td, set, &si, timeout);
	if (error == 0 && uinfo != NULL)
		error = copyout(&si, uinfo, sizeof(si));
	if (error == 0)
		td->td_retval[0] = si.si_signo;
	return (error);
}

int
sys_sigtimedwait(struct thread *td, struct sigtimedwait_args *uap)
{
	struct sigwait_ts ts;
	int error;

	if (uap->timeout != NULL &&
	    (error = copyin(uap->timeout, &ts, sizeof(ts))) != 0)
		return (error);
	return (sigwaitinfo_common(td, uap->set, uap->info,
	    uap->timeout != NULL ? &ts : NULL));
}

int
sys_sigwaitinfo(struct thread *td, struct sigwaitinfo_args *uap)
{
	return (sigwaitinfo_common(td, uap->set, uap->info, NULL));
}

/*
 * sigwait returns the error number as its value (libc's sigwait() in
 * gen/signal.c retries EINTR, after the interrupting handler has run).
 */
int
sys_sigwait(struct thread *td, struct sigwait_args *uap)
{
	sigset_t set;
	siginfo_t si;
	int error;

	error = sigwait_args_in(uap->set, &set, uap->sig, sizeof(int));
	if (error == 0)
		error = kern_sigtimedwait(td, set, &si, NULL);
	if (error == ERESTART)
		error = EINTR;
	if (error == 0)
		error = copyout(&si.si_signo, uap->sig, sizeof(si.si_signo));
	td->td_retval[0] = error;
	return (0);
}
