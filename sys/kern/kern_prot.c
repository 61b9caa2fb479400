/*
 * kern/kern_prot.c: process identity and limits, and reboot:
 * getpid, getppid, getuid, geteuid, getgid, getegid, issetugid,
 * getrlimit, setrlimit, reboot.
 *
 * Everything runs as root (uid 0) until credentials are built; the calls
 * return what the process holds.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/sysproto.h>

#define RLIM_INFINITY	0x7fffffffffffffffL
#define RLIMIT_NOFILE	8
#define RB_HALT		0x0008
#define RB_POWEROFF	0x4000
#define DFLT_NOFILE	1024
#define MAX_NOFILE	8192

void
proc_init_limits(struct proc *p)
{
	for (int i = 0; i < RLIM_NLIMITS_K; i++) {
		p->p_rlimit[i].rlim_cur = RLIM_INFINITY;
		p->p_rlimit[i].rlim_max = RLIM_INFINITY;
	}
	p->p_rlimit[RLIMIT_NOFILE].rlim_cur = DFLT_NOFILE;
	p->p_rlimit[RLIMIT_NOFILE].rlim_max = MAX_NOFILE;
}

int
sys_getpid(struct thread *td, struct getpid_args *uap)
{
	struct proc *p = td->td_proc;

	td->td_retval[0] = p->p_pid;
	spin_lock(&proctree_lock);
	td->td_retval[1] = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	spin_unlock(&proctree_lock);
	return (0);
}

int
sys_getppid(struct thread *td, struct getppid_args *uap)
{
	struct proc *p = td->td_proc;

	spin_lock(&proctree_lock);
	td->td_retval[0] = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	spin_unlock(&proctree_lock);
	return (0);
}

int
sys_getuid(struct thread *td, struct getuid_args *uap)
{
	td->td_retval[0] = td->td_proc->p_ucred.cr_ruid;
	td->td_retval[1] = td->td_proc->p_ucred.cr_uid;
	return (0);
}

int
sys_geteuid(struct thread *td, struct geteuid_args *uap)
{
	td->td_retval[0] = td->td_proc->p_ucred.cr_uid;
	return (0);
}

int
sys_getgid(struct thread *td, struct getgid_args *uap)
{
	td->td_retval[0] = td->td_proc->p_ucred.cr_rgid;
	td->td_retval[1] = td->td_proc->p_ucred.cr_gid;
	return (0);
}

int
sys_getegid(struct thread *td, struct getegid_args *uap)
{
	td->td_retval[0] = td->td_proc->p_ucred.cr_gid;
	return (0);
}

int
sys_issetugid(struct thread *td, struct issetugid_args *uap)
{
	td->td_retval[0] = 0;
	return (0);
}

int
sys_getrlimit(struct thread *td, struct getrlimit_args *uap)
{
	struct proc *p = td->td_proc;
	struct rlimit_k rl;

	if (uap->which >= RLIM_NLIMITS_K)
		return (EINVAL);
	spin_lock(&p->p_spin);
	rl = p->p_rlimit[uap->which];
	spin_unlock(&p->p_spin);
	return (copyout(&rl, uap->rlp, sizeof(rl)));
}

int
sys_setrlimit(struct thread *td, struct setrlimit_args *uap)
{
	struct proc *p = td->td_proc;
	struct rlimit_k rl;
	int error;

	if (uap->which >= RLIM_NLIMITS_K)
		return (EINVAL);
	if ((error = copyin(uap->rlp, &rl, sizeof(rl))) != 0)
		return (error);
	if (rl.rlim_cur < 0 || rl.rlim_max < 0 || rl.rlim_cur > rl.rlim_max)
		return (EINVAL);
	if (uap->which == RLIMIT_NOFILE) {
		rl.rlim_max = MIN(rl.rlim_max, MAX_NOFILE);
		rl.rlim_cur = MIN(rl.rlim_cur, rl.rlim_max);
	}
	spin_lock(&p->p_spin);
	/* Root may raise the hard limit; everybody runs as root for now. */
	p->p_rlimit[uap->which] = rl;
	spin_unlock(&p->p_spin);
	return (0);
}

int
sys_reboot(struct thread *td, struct reboot_args *uap)
{
	if (td->td_proc->p_ucred.cr_uid != 0)
		return (EPERM);
	kprintf("reboot: %s\n", (uap->opt & (RB_POWEROFF | RB_HALT)) ?
	    "powering off" : "no reboot device; powering off");
	vm_exit(VMEXIT_SUCCESS);
}
