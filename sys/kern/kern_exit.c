/*
 * kern/kern_exit.c: exit(2), thread exit, wait4(2).
 *
 * Exit of a process, by its last thread (exit1):
 *   1. proc_single_thread(): mark P_WEXIT, make every other thread leave
 *      (they notice at their next userret or interruptible sleep) and wait
 *      until this is the only one;
 *   2. release what the process owns: the descriptor table (fdfree), the
 *      interval timer, the address space (after switching this CPU to the
 *      kernel's page tables);
 *   3. under proctree_lock: give the children to init, become PRS_ZOMBIE
 *      with the wait status, wake the parent and send it SIGCHLD;
 *   4. the thread itself exits (its stack is freed by its CPU's reaper).
 * The parent's wait4 frees the struct proc.  When init (pid 1) exits, the
 * virtual machine ends with init's exit status: that is how
 * `tools/vmrun -- PROGRAM` reports the program's status to the host.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/signalvar.h>
#include <sys/filedesc.h>
#include <sys/sysproto.h>
#include <vm/vm_map.h>
#include <machine/md_var.h>

#define WNOHANG		1
#define WUNTRACED	2
#define WEXITED		4
#define WNOWAIT		8

void
proc_thread_exit(struct thread *td)
{
	struct proc *p = td->td_proc;

	spin_lock(&p->p_spin);
	TAILQ_REMOVE(&p->p_threads, td, td_plist);
	p->p_nthreads--;
	spin_unlock(&p->p_spin);
	wakeup(&p->p_nthreads);
	/*
	 * Leave the address space before we stop being a user thread: the
	 * scheduler only switches page tables for user threads, and the
	 * other threads' exit may free it while this CPU still uses it.
	 */
	vmspace_activate(NULL);
	td->td_proc = NULL;		/* the reaper must not look at p */
	lwkt_exit();
}

/*
 * Make td the only thread of its process: flag the process as exiting,
 * kick every other thread out of interruptible sleeps and user mode, and
 * wait for them to leave.  Returns with P_WEXIT set.
 */
int
proc_single_thread(struct thread *td)
{
	struct proc *p = td->td_proc;
	struct thread *td2;

	spin_lock(&p->p_spin);
	p->p_flag |= P_WEXIT;
	TAILQ_FOREACH(td2, &p->p_threads, td_plist)
		if (td2 != td)
			tdsignal_locked_kick(td2);
	while (p->p_nthreads > 1)
		ssleep(&p->p_nthreads, &p->p_spin, 0, "single", hz / 10);
	spin_unlock(&p->p_spin);
	return (0);
}

static void
proc_reparent_children(struct proc *p)
{
	struct proc *c;

	SPIN_LOCK_ASSERT(&proctree_lock);
	while ((c = LIST_FIRST(&p->p_children)) != NULL) {
		LIST_REMOVE(c, p_sibling);
		c->p_pptr = initproc;
		LIST_INSERT_HEAD(&initproc->p_children, c, p_sibling);
	}
	wakeup(initproc);
}

void
exit1(struct thread *td, int status)
{
	struct proc *p = td->td_proc, *pp;
	struct vmspace *vm;

	proc_single_thread(td);
	if (p == initproc) {
		kprintf("init exited with status %d\n",
		    (status & 0x7f) ? 128 + (status & 0x7f) : status >> 8);
		vm_exit((status & 0x7f) ? VMEXIT_FAILURE : (status >> 8) & 0xff);
	}
	callout_drain(&p->p_itcallout);
	fdfree(p->p_fd);
	p->p_fd = NULL;
	vm = p->p_vmspace;
	p->p_vmspace = NULL;
	vmspace_activate(NULL);		/* the kernel's page tables */
	vmspace_free(vm);

	spin_lock(&proctree_lock);
	proc_reparent_children(p);
	spin_lock(&p->p_spin);
	p->p_xstat = status;
	p->p_state = PRS_ZOMBIE;
	TAILQ_REMOVE(&p->p_threads, td, td_plist);
	p->p_nthreads--;
	spin_unlock(&p->p_spin);
	pp = p->p_pptr;
	wakeup(pp);
	psignal(pp, SIGCHLD);
	spin_unlock(&proctree_lock);
	td->td_proc = NULL;
	lwkt_exit();
}

int
sys_exit(struct thread *td, struct exit_args *uap)
{
	exit1(td, W_EXITCODE(uap->rval & 0xff, 0));
}

/* Does child c match wait4's pid argument for parent p? */
static int
wait_matches(struct proc *c, pid_t pid)
{
	return (pid == -1 || pid == 0 || c->p_pid == pid ||
	    (pid < -1 && c->p_pid == -pid));
}

static int
kern_wait(struct thread *td, pid_t pid, int *statusp, int options,
    pid_t *pidp)
{
	struct proc *p = td->td_proc, *c;
	int error, found;

	if (options & ~(WNOHANG | WUNTRACED | WEXITED | WNOWAIT))
		return (EINVAL);
	spin_lock(&proctree_lock);
	for (;;) {
		found = 0;
		LIST_FOREACH(c, &p->p_children, p_sibling) {
			if (!wait_matches(c, pid))
				continue;
			found = 1;
			if (c->p_state == PRS_ZOMBIE)
				break;
		}
		if (!found) {
			spin_unlock(&proctree_lock);
			return (ECHILD);
		}
		if (c != NULL) {
			*pidp = c->p_pid;
			*statusp = c->p_xstat;
			if (options & WNOWAIT) {
				spin_unlock(&proctree_lock);
				return (0);
			}
			proc_free_locked(c);
			spin_unlock(&proctree_lock);
			proc_free(c);
			return (0);
		}
		if (options & WNOHANG) {
			spin_unlock(&proctree_lock);
			*pidp = 0;
			return (0);
		}
		error = ssleep(p, &proctree_lock, PCATCH, "wait", 0);
		if (error != 0) {
			spin_unlock(&proctree_lock);
			return (error);
		}
	}
}

int
sys_wait4(struct thread *td, struct wait4_args *uap)
{
	int status = 0, error;
	pid_t pid = 0;

	error = kern_wait(td, uap->pid, &status, uap->options, &pid);
	if (error != 0)
		return (error);
	if (uap->status != NULL && pid != 0 &&
	    (error = copyout(&status, uap->status, sizeof(status))) != 0)
		return (error);
	if (uap->rusage != NULL) {
		char zero[144];		/* struct rusage: not accounted yet */

		memset(zero, 0, sizeof(zero));
		if ((error = copyout(zero, uap->rusage, sizeof(zero))) != 0)
			return (error);
	}
	td->td_retval[0] = pid;
	return (0);
}
