/*
 * kern/kern_proc.c: the process table.
 *
 * Every process is on allproc and in the pid hash-free table below, both
 * under proctree_lock, which also covers parent/child links (p_pptr,
 * p_children, p_sibling).  Lock order: proctree_lock, then a process's
 * p_spin.  A struct proc is freed only by its parent's wait4 (or by
 * init's when the parent died first), after the process became a zombie
 * and its last thread exited: see kern_exit.c.
 *
 * Pids are allocated round-robin from 2 (pid 1 is init) skipping those in
 * use, so a pid is not reused soon after its process is reaped.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/signalvar.h>
#include <machine/atomic.h>
#include <machine/md_var.h>

MALLOC_DEFINE(M_PROC, "proc", "processes");

struct spinlock proctree_lock = SPINLOCK_INITIALIZER("proctree",
    SPINRANK_PROCTREE);
struct proclist allproc = LIST_HEAD_INITIALIZER(allproc); /* [proctree] */
struct proc *initproc;
static int nprocs;			/* [proctree] */
static pid_t lastpid = 1;		/* [proctree] */
static int next_tid = TID_MIN;		/* [a] */
static u_int next_cpu;			/* [a] placement of new threads */

int
proc_count(void)
{
	return (nprocs);
}

/* Pick the CPU for a new user thread: round robin over all CPUs. */
int
proc_pick_cpu(void)
{
	return ((int)(atomic_fetchadd_int(&next_cpu, 1) % (u_int)ncpus));
}

int
proc_alloc_tid(void)
{
	return (atomic_fetchadd_int(&next_tid, 1));
}

static struct proc *
pfind_locked(pid_t pid)
{
	struct proc *p;

	SPIN_LOCK_ASSERT(&proctree_lock);
	LIST_FOREACH(p, &allproc, p_list)
		if (p->p_pid == pid)
			return (p);
	return (NULL);
}

/*
 * Find a live (not zombie) process.  The result may only be used while the
 * caller keeps it from being reaped; callers that signal it do so under
 * proctree_lock (see kill()).
 */
struct proc *
pfind(pid_t pid)
{
	struct proc *p;

	spin_lock(&proctree_lock);
	p = pfind_locked(pid);
	if (p != NULL && p->p_state != PRS_NORMAL)
		p = NULL;
	spin_unlock(&proctree_lock);
	return (p);
}

/*
 * Allocate a process with the next free pid (or `pid` if nonzero, for
 * init), link it under `parent` and on allproc, in state PRS_NEW.
 */
struct proc *
proc_alloc(struct proc *parent, pid_t pid)
{
	struct proc *p = kmalloc(sizeof(*p), M_PROC, M_WAITOK | M_ZERO);

	spin_init(&p->p_spin, "proc", SPINRANK_PROC);
	LIST_INIT(&p->p_children);
	TAILQ_INIT(&p->p_threads);
	p->p_state = PRS_NEW;
	p->p_start_ns = nanouptime();
	spin_lock(&proctree_lock);
	if (pid == 0) {
		do {
			if (++lastpid > PID_MAX)
				lastpid = 2;
		} while (pfind_locked(lastpid) != NULL);
		pid = lastpid;
	}
	p->p_pid = pid;
	p->p_pptr = parent;
	if (parent != NULL)
		LIST_INSERT_HEAD(&parent->p_children, p, p_sibling);
	LIST_INSERT_HEAD(&allproc, p, p_list);
	nprocs++;
	spin_unlock(&proctree_lock);
	return (p);
}

/* Unlink and free a reaped zombie.  Caller holds proctree_lock. */
void
proc_free_locked(struct proc *p)
{
	SPIN_LOCK_ASSERT(&proctree_lock);
	KASSERT(p->p_state == PRS_ZOMBIE && p->p_nthreads == 0,
	    ("proc_free: pid %d state %d threads %d", p->p_pid, p->p_state,
	    p->p_nthreads));
	LIST_REMOVE(p, p_list);
	if (p->p_pptr != NULL)
		LIST_REMOVE(p, p_sibling);
	nprocs--;
}

void
proc_free(struct proc *p)
{
	kfree(p, M_PROC);
}

/* Call fn on every process (for the kern.proclist sysctl and ps). */
void
proc_foreach(void (*fn)(struct proc *, void *), void *arg)
{
	struct proc *p;

	spin_lock(&proctree_lock);
	LIST_FOREACH(p, &allproc, p_list)
		fn(p, arg);
	spin_unlock(&proctree_lock);
}
