/*
 * kern/kern_fork.c: fork(2) and the creation of user threads.
 *
 * fork1() builds the child process under the parent's thread: a new proc
 * (pid, links), a copy of the address space (vmspace_fork: eager copy),
 * of the descriptor table (fdcopy), credentials, signal actions, limits,
 * working directory and umask; then one thread, placed round robin on the
 * CPUs, whose registers are the parent's with a zero return (cpu_fork).
 * The child becomes PRS_NORMAL and runnable only when fully built, so
 * nothing can signal or wait for a half-made process.
 *
 * User threads: proc_thread_alloc() makes an LWKT thread bound to a CPU
 * with td_proc set and an FPU save area; proc_thread_start() links it on
 * p_threads and schedules it; the thread enters user mode through its
 * start function (fork_return, thr_new's upcall, start_init).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/signalvar.h>
#include <sys/filedesc.h>
#include <sys/sysproto.h>
#include <vm/vm_map.h>
#include <machine/md_var.h>
#include <machine/pcb.h>

struct thread *
proc_thread_alloc(struct proc *p, void (*start)(void *), const char *name)
{
	struct thread *td;

	td = lwkt_alloc(start, NULL, proc_pick_cpu(), TDPRI_USER, name);
	td->td_arg = td;
	td->td_proc = p;
	td->td_tid = proc_alloc_tid();
	/* 512-byte kmalloc objects are 512-aligned: fxsave needs 16. */
	td->td_fpu = kmalloc(sizeof(struct savefpu), M_THREAD, M_WAITOK);
	KKASSERT(((uintptr_t)td->td_fpu & 15) == 0);
	fpu_init_state(td->td_fpu);
	cpu_thread_alloc(td);		/* td_frame at the top of the stack */
	return (td);
}

void
proc_thread_start(struct thread *td)
{
	struct proc *p = td->td_proc;

	spin_lock(&p->p_spin);
	TAILQ_INSERT_TAIL(&p->p_threads, td, td_plist);
	p->p_nthreads++;
	spin_unlock(&p->p_spin);
	lwkt_schedule(td);
}

/* The child's first code: go to user mode with the copied registers. */
static void
fork_return(void *arg)
{
	struct thread *td = arg;

	cpu_enter_user(td);		/* runs userret() itself */
}

int
fork1(struct thread *td, struct proc **childp)
{
	struct proc *p1 = td->td_proc, *p2;
	struct thread *td2;

	p2 = proc_alloc(p1, 0);
	p2->p_vmspace = vmspace_fork(p1->p_vmspace);
	if (p2->p_vmspace == NULL)
		goto nomem;
	p2->p_fd = fdcopy(p1->p_fd);
	spin_lock(&p1->p_spin);
	p2->p_ucred = p1->p_ucred;
	memcpy(p2->p_sigacts, p1->p_sigacts, sizeof(p2->p_sigacts));
	p2->p_sigignore = p1->p_sigignore;
	p2->p_sigcatch = p1->p_sigcatch;
	memcpy(p2->p_rlimit, p1->p_rlimit, sizeof(p2->p_rlimit));
	memcpy(p2->p_comm, p1->p_comm, sizeof(p2->p_comm));
	memcpy(p2->p_cwd, p1->p_cwd, sizeof(p2->p_cwd));
	p2->p_umask = p1->p_umask;
	spin_unlock(&p1->p_spin);
	callout_init_cpu(&p2->p_itcallout, 0);

	td2 = proc_thread_alloc(p2, fork_return, p2->p_comm);
	td2->td_sigmask = td->td_sigmask;
	cpu_fork(td, td2);
	spin_lock(&p2->p_spin);
	p2->p_state = PRS_NORMAL;
	spin_unlock(&p2->p_spin);
	proc_thread_start(td2);
	*childp = p2;
	return (0);
nomem:
	spin_lock(&proctree_lock);
	p2->p_state = PRS_ZOMBIE;
	proc_free_locked(p2);
	spin_unlock(&proctree_lock);
	proc_free(p2);
	return (ENOMEM);
}

int
sys_fork(struct thread *td, struct fork_args *uap)
{
	struct proc *p2;
	int error;

	error = fork1(td, &p2);
	if (error == 0) {
		td->td_retval[0] = p2->p_pid;
		td->td_retval[1] = 0;
	}
	return (error);
}

int
sys_vfork(struct thread *td, struct vfork_args *uap)
{
	/* vfork is fork with a full copy: correct, just not faster. */
	return (sys_fork(td, (struct fork_args *)uap));
}
