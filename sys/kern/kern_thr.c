/*
 * kern/kern_thr.c: user threads and user-space synchronisation:
 * thr_new, thr_exit, thr_self, thr_kill, _umtx_op (wait/wake).  (sysarch,
 * which sets the %fs base libc uses for TLS, is in amd64/vm_machdep.c.)
 *
 * _umtx_op wait/wake is a futex: a waiter sleeps on a hash bucket keyed by
 * (address space, user address) only if the word still holds the expected
 * value.  No lost wakeup, without reading user memory under a spinlock:
 *
 *   waiter                                   waker
 *   lock bucket; s = seq; unlock              (stores the new value)
 *   read *addr; differs? return              lock bucket; seq++;
 *   lock bucket; seq != s? return            wakeup; unlock
 *   ssleep(bucket, interlocked)
 *
 * A wake between the read and the sleep bumps seq, which the waiter sees
 * under the bucket lock before it sleeps; a store before the read is seen
 * by the read.  Spurious returns (another address in the bucket) are
 * allowed, as with FreeBSD's umtx.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/sysproto.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>
#include <vm/vm_map.h>

#define UMTX_OP_WAIT			2
#define UMTX_OP_WAKE			3
#define UMTX_OP_WAIT_UINT		11
#define UMTX_OP_WAIT_UINT_PRIVATE	15
#define UMTX_OP_WAKE_PRIVATE		16
#define UMTX_ABSTIME			0x01


#define UMTX_BUCKETS	64

struct thr_param_k {
	void		(*start_func)(void *);
	void		*arg;
	char		*stack_base;
	size_t		stack_size;
	char		*tls_base;
	size_t		tls_size;
	long		*child_tid;
	long		*parent_tid;
	int		flags;
	void		*rtp;
	void		*spare[3];
};

static struct umtx_bucket {
	struct spinlock	ub_lock;
	uint64_t	ub_seq;		/* [ub_lock] bumped by every wake */
} umtx_buckets[UMTX_BUCKETS];

void	umtx_init(void);
void
umtx_init(void)
{
	for (int i = 0; i < UMTX_BUCKETS; i++)
		spin_init(&umtx_buckets[i].ub_lock, "umtx", SPINRANK_UMTX);
}

static struct umtx_bucket *
umtx_bucket(struct proc *p, const void *uaddr)
{
	uintptr_t h = (uintptr_t)uaddr ^ ((uintptr_t)p->p_vmspace >> 6);

	return (&umtx_buckets[(h >> 2) % UMTX_BUCKETS]);
}

/* The start of a thread made by thr_new: its registers are set up. */
static void
thr_start(void *arg)
{
	struct thread *td = arg;

	cpu_enter_user(td);		/* runs userret() itself */
}

int
sys_thr_new(struct thread *td, struct thr_new_args *uap)
{
	struct proc *p = td->td_proc;
	struct thr_param_k param;
	struct thread *td2;
	long tid;
	int error;

	if (uap->param_size < 0 || (size_t)uap->param_size < sizeof(param))
		return (EINVAL);
	if ((error = copyin(uap->param, &param, sizeof(param))) != 0)
		return (error);
	if (param.stack_base == NULL || param.stack_size == 0)
		return (EINVAL);
	td2 = proc_thread_alloc(p, thr_start, p->p_comm);
	td2->td_sigmask = td->td_sigmask;
	cpu_set_upcall(td2, param.start_func, param.arg, param.stack_base,
	    param.stack_size);
	td2->td_fsbase = (uint64_t)param.tls_base;
	tid = td2->td_tid;
	if ((param.child_tid != NULL &&
	    copyout(&tid, param.child_tid, sizeof(tid)) != 0) ||
	    (param.parent_tid != NULL &&
	    copyout(&tid, param.parent_tid, sizeof(tid)) != 0)) {
		/* Never started: free it as its CPU's reaper would. */
		td2->td_proc = NULL;
		lwkt_free_unstarted(td2);
		return (EFAULT);
	}
	spin_lock(&p->p_spin);
	if (p->p_flag & P_WEXIT) {
		spin_unlock(&p->p_spin);
		td2->td_proc = NULL;
		lwkt_free_unstarted(td2);
		return (EINTR);
	}
	spin_unlock(&p->p_spin);
	proc_thread_start(td2);
	return (0);
}

static void
umtx_wake_addr(struct proc *p, const void *uaddr, int n)
{
	struct umtx_bucket *b = umtx_bucket(p, uaddr);

	spin_lock(&b->ub_lock);
	b->ub_seq++;
	spin_unlock(&b->ub_lock);
	(void)n;		/* every waiter of the bucket re-checks */
	wakeup(b);
}

int
sys_thr_exit(struct thread *td, struct thr_exit_args *uap)
{
	struct proc *p = td->td_proc;
	long one = 1;

	if (uap->state != NULL) {
		(void)copyout(&one, uap->state, sizeof(one));
		umtx_wake_addr(p, uap->state, 0x7fffffff);
	}
	spin_lock(&p->p_spin);
	if (p->p_nthreads == 1) {
		/* The last thread leaving ends the process, status 0. */
		spin_unlock(&p->p_spin);
		exit1(td, W_EXITCODE(0, 0));
	}
	spin_unlock(&p->p_spin);
	proc_thread_exit(td);
}

int
sys_thr_self(struct thread *td, struct thr_self_args *uap)
{
	long id = td->td_tid;

	return (copyout(&id, uap->id, sizeof(id)));
}

int
sys_thr_kill(struct thread *td, struct thr_kill_args *uap)
{
	struct proc *p = td->td_proc;
	struct thread *t;
	int found = 0;

	if (uap->sig < 0 || uap->sig > _SIG_MAXSIG)
		return (EINVAL);
	spin_lock(&p->p_spin);
	TAILQ_FOREACH(t, &p->p_threads, td_plist)
		if (t->td_tid == uap->id)
			break;
	found = t != NULL;
	spin_unlock(&p->p_spin);
	if (!found)
		return (ESRCH);
	if (uap->sig != 0)
		tdsignal(t, uap->sig);	/* t stays: we are its process */
	return (0);
}

/* Relative timeout in ticks from umtx's (size, struct) pair; -1 = none. */
static int
umtx_timeout(const void *uaddr1, const void *uaddr2, int *ticksp)
{
	struct {
		int64_t tv_sec;
		long	tv_nsec;
	} ts;
	struct {
		int64_t tv_sec;
		long	tv_nsec;
		uint32_t flags;
		uint32_t clockid;
	} ut;
	size_t size = (size_t)uaddr1;
	int error;
	uint64_t ns;

	*ticksp = 0;
	if (uaddr2 == NULL)
		return (0);
	if (size > sizeof(ts)) {
		if ((error = copyin(uaddr2, &ut, sizeof(ut))) != 0)
			return (error);
		ts.tv_sec = ut.tv_sec;
		ts.tv_nsec = ut.tv_nsec;
		if (ut.flags & UMTX_ABSTIME) {
			/* Absolute CLOCK_MONOTONIC/REALTIME: treat as monotonic. */
			uint64_t now = nanouptime(), when;

			when = ts.tv_sec * 1000000000ULL + ts.tv_nsec;
			ns = when > now ? when - now : 0;
			goto out;
		}
	} else if ((error = copyin(uaddr2, &ts, sizeof(ts))) != 0)
		return (error);
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return (EINVAL);
	ns = ts.tv_sec * 1000000000ULL + ts.tv_nsec;
out:
	if (ns == 0)
		return (ETIMEDOUT);
	*ticksp = (int)MIN(howmany(ns, 1000000000ULL / hz), 0x3fffffffULL);
	return (0);
}

static int
umtx_wait(struct thread *td, const void *uaddr, u_long expect, int is32,
    const void *u1, const void *u2)
{
	struct proc *p = td->td_proc;
	struct umtx_bucket *b = umtx_bucket(p, uaddr);
	uint64_t seq, v64 = 0;
	uint32_t v32 = 0;
	int error, ticks;

	if ((error = umtx_timeout(u1, u2, &ticks)) != 0)
		return (error);
	spin_lock(&b->ub_lock);
	seq = b->ub_seq;
	spin_unlock(&b->ub_lock);
	if (is32)
		error = copyin(uaddr, &v32, sizeof(v32));
	else
		error = copyin(uaddr, &v64, sizeof(v64));
	if (error != 0)
		return (error);
	if ((is32 ? (u_long)v32 : (u_long)v64) != (is32 ?
	    (u_long)(uint32_t)expect : expect))
		return (0);
	spin_lock(&b->ub_lock);
	if (b->ub_seq != seq) {
		spin_unlock(&b->ub_lock);
		return (0);
	}
	error = ssleep(b, &b->ub_lock, PCATCH, "umtx", ticks);
	spin_unlock(&b->ub_lock);
	if (error == EWOULDBLOCK)
		return (ETIMEDOUT);
	if (error == ERESTART)
		error = EINTR;		/* waits are not restarted */
	return (error);
}

int
sys__umtx_op(struct thread *td, struct _umtx_op_args *uap)
{
	switch (uap->op) {
	case UMTX_OP_WAIT:
		return (umtx_wait(td, uap->obj, uap->val, 0, uap->uaddr1,
		    uap->uaddr2));
	case UMTX_OP_WAIT_UINT:
	case UMTX_OP_WAIT_UINT_PRIVATE:
		return (umtx_wait(td, uap->obj, uap->val, 1, uap->uaddr1,
		    uap->uaddr2));
	case UMTX_OP_WAKE:
	case UMTX_OP_WAKE_PRIVATE:
		umtx_wake_addr(td->td_proc, uap->obj, (int)uap->val);
		return (0);
	default:
		return (EINVAL);	/* other umtx operations: not built */
	}
}
