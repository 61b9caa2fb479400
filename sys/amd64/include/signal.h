/*
 * machine/signal.h: the signal frame cpu_sendsig() (amd64/vm_machdep.c)
 * pushes on the user stack, in FreeBSD/amd64's layout, and the signal
 * trampoline that returns from a handler.
 *
 * Delivery: below the interrupted %rsp, past the 128-byte red zone, the
 * kernel writes a struct sigframe aligned to 16 bytes and enters user mode
 * at the trampoline (SIGCODE_VA, in the read-only shared page every
 * process has) with
 *	%rsp = the sigframe	%rdi = signal number
 *	%rsi = &sf_si (SA_SIGINFO) or the si_code (plain handler)
 *	%rdx = &sf_uc		%rcx = the fault address (or 0)
 * The trampoline calls the handler through sf_ahu (so the handler sees a
 * normal call: %rsp + 8 is 16-byte aligned), then calls
 * sigreturn(&sf_uc) (SYS_sigreturn, 417), which restores the interrupted
 * registers, FPU state and signal mask.  Nothing in libc is involved: a
 * handler installed with a plain sigaction() works.
 */
#ifndef _MACHINE_SIGNAL_H_
#define _MACHINE_SIGNAL_H_

#include <sys/types.h>
#include <sys/signal.h>
#include <machine/ucontext.h>
#include <machine/pmap.h>

struct sigframe {
	union {
		void	(*sf_action)(int, siginfo_t *, void *);
		void	(*sf_handler)(int);
	} sf_ahu;
	ucontext_k_t	sf_uc;
	siginfo_t	sf_si;
};
_Static_assert(__builtin_offsetof(struct sigframe, sf_uc) == 16, "sf_uc");
_Static_assert(__builtin_offsetof(struct sigframe, sf_si) == 896, "sf_si");
_Static_assert(sizeof(struct sigframe) == 976, "sigframe size");

/* The trampoline: at the start of the shared page. */
#define SIGCODE_VA	SHAREDPAGE

#endif /* !_MACHINE_SIGNAL_H_ */
