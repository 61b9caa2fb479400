/*
 * kern/kern_syscall.c: system-call dispatch, FreeBSD amd64 ABI.
 *
 * amd64/syscall.S enters syscall_dispatch() on the calling thread's kernel
 * stack, interrupts enabled, with the user registers in a struct trapframe
 * (td->td_frame).  The ABI (FreeBSD's):
 *   %rax            the call number (sys/syscall.h, from syscalls.master)
 *   %rdi %rsi %rdx %r10 %r8 %r9
 *                   arguments 1..6, each in its own 8-byte slot of the
 *                   call's struct xxx_args (sys/sysproto.h); a 7th and 8th
 *                   come from the user stack, at %rsp + 8 and + 16
 *   numbers 0 (syscall) and 198 (__syscall): indirect, the real number is
 *                   in %rdi and the arguments shift by one register
 * Return: success clears the carry flag and puts td_retval[0] in %rax and
 * td_retval[1] in %rdx (td_retval[1] starts as the caller's %rdx, so calls
 * that set only one value leave %rdx alone); failure sets the carry flag
 * and puts the errno in %rax.  %rcx and %r11 are clobbered (they hold the
 * return %rip and %rflags, as the syscall instruction left them).
 *   ERESTART     rewind %rip over the 2-byte syscall instruction, leaving
 *                the registers as they were: the call runs again
 *                (after a signal handler, if one is being delivered);
 *   EJUSTRETURN  leave the frame as the handler made it (sigreturn, exec).
 * Before returning, userret() (kern/kern_sig.c) delivers pending signals,
 * honours exit requests and yields if the clock asked for it.
 *
 * userret_final() is the last step of every return to user mode (here
 * and in trap.c): it runs userret() until, with interrupts disabled, no
 * AST is pending, and returns with interrupts disabled.  A signal posted
 * after that check sends an IPI (tdsignal_locked_kick) that stays pending
 * until the CPU is in user mode, then enters the kernel again at once:
 *
 *   returning thread                      poster
 *   userret(): nothing pending
 *                                         set TDF_ASTPENDING, IPI
 *   cli; TDF_ASTPENDING set? -> again
 *   (or, had the poster come after the cli: the IPI waits for the
 *    iretq/sysretq, interrupts the first user instruction, userret)
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/sysent.h>
#include <sys/syscall.h>
#include <machine/atomic.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/md_var.h>
#include <machine/pcb.h>

#define SYSCALL_MAXARGS	8
#define SYSCALL_INSN_LEN 2		/* 0f 05 */
#define SYS_SYSCALL_INDIRECT	0	/* syscall(2) */
#define SYS___SYSCALL_INDIRECT	198	/* __syscall(2) */

int	syscall_dispatch(struct trapframe *tf);

void
userret_final(struct thread *td)
{
	for (;;) {
		userret(td);
		cpu_disable_intr();
		if (!(atomic_load_int(&td->td_flags) & TDF_ASTPENDING) &&
		    !(atomic_load_int(&mycpu->gd_reqflags) & RQF_RESCHED))
			return;
		cpu_enable_intr();
	}
}

/*
 * Fetch the call number and its arguments into args[].  Returns the
 * sysent entry, or NULL for a number out of range.
 */
static struct sysent *
syscall_fetch_args(struct trapframe *tf, uint64_t *args, int *codep,
    int *errorp)
{
	uint64_t regs[6] = { tf->tf_rdi, tf->tf_rsi, tf->tf_rdx, tf->tf_r10,
	    tf->tf_r8, tf->tf_r9 };
	int code = tf->tf_rax, first = 0, nregs, narg;
	struct sysent *se;

	*errorp = 0;
	if (code == SYS_SYSCALL_INDIRECT || code == SYS___SYSCALL_INDIRECT) {
		code = regs[0];
		first = 1;
	}
	*codep = code;
	if (code < 0 || code >= SYS_MAXSYSCALL)
		return (NULL);
	se = &sysent[code];
	narg = se->sy_narg;
	KASSERT(narg <= SYSCALL_MAXARGS, ("syscall %d: %d args", code, narg));
	nregs = MIN(narg, 6 - first);
	for (int i = 0; i < nregs; i++)
		args[i] = regs[first + i];
	if (narg > nregs)
		*errorp = copyin((void *)(tf->tf_rsp + 8), &args[nregs],
		    (narg - nregs) * sizeof(uint64_t));
	return (se);
}

/* Write the result of a call into the user registers. */
static void
syscall_set_result(struct thread *td, struct trapframe *tf, int error)
{
	switch (error) {
	case 0:
		tf->tf_rax = td->td_retval[0];
		tf->tf_rdx = td->td_retval[1];
		tf->tf_rflags &= ~PSL_C;
		break;
	case ERESTART:
		tf->tf_rip -= SYSCALL_INSN_LEN;
		break;
	case EJUSTRETURN:
		return;			/* the frame is the handler's */
	default:
		tf->tf_rax = error;
		tf->tf_rflags |= PSL_C;
		break;
	}
	/* What the syscall instruction left; lets syscall.S use sysretq. */
	tf->tf_rcx = tf->tf_rip;
	tf->tf_r11 = tf->tf_rflags;
}

/* Called only by amd64/syscall.S; returns 0, interrupts disabled. */
int
syscall_dispatch(struct trapframe *tf)
{
	struct thread *td = curthread;
	uint64_t args[SYSCALL_MAXARGS] = { 0 };
	struct sysent *se;
	int code, error;

	KASSERT(td->td_proc != NULL, ("syscall from kernel thread %s",
	    td->td_comm));
	KASSERT(tf == td->td_frame, ("syscall frame %p, td_frame %p",
	    tf, td->td_frame));
	td->td_pflags |= TDP_INSYSCALL;
	se = syscall_fetch_args(tf, args, &code, &error);
	if (se == NULL)
		error = ENOSYS;
	else if (error == 0) {
		td->td_retval[0] = 0;
		td->td_retval[1] = tf->tf_rdx;
		error = se->sy_call(td, args);
	}
	syscall_set_result(td, tf, error);
	td->td_pflags &= ~TDP_INSYSCALL;
	userret_final(td);
	return (0);
}
