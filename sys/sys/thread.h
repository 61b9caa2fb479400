/*
 * sys/thread.h: LWKT kernel threads (after DragonFly).
 *
 * A thread is bound to one CPU (td_gd) for life and is scheduled only by
 * that CPU; other CPUs make it runnable through lwkt_schedule(), which
 * takes the target CPU's run-queue lock and kicks the CPU with an IPI.
 * The kernel is not preemptive: a kernel thread runs until it blocks,
 * yields or exits (interrupts run on its stack and return to it).
 * See the theory statement at the top of sys/kern/lwkt_thread.c.
 *
 * Ownership key: [I] immutable after creation, [r] the run-queue lock of
 * td_gd, [q] the sleep-queue bucket lock, [c] only the thread itself,
 * [a] atomic.  Kernel-only inlines (critical sections) are in thread2.h.
 */
#ifndef _SYS_THREAD_H_
#define _SYS_THREAD_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/callout.h>
#include <sys/msgport.h>

struct globaldata;
struct proc;
struct trapframe;
struct savefpu;

/* FreeBSD's signal set: 128 signals. */
#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef struct __sigset {
	uint32_t	__bits[4];
} sigset_t;
#endif

struct thread {
	TAILQ_ENTRY(thread) td_runq;	/* [r] on gd_runq */
	TAILQ_ENTRY(thread) td_sleepq;	/* [q] on a sleep-queue bucket */
	LIST_ENTRY(thread) td_allq;	/* [alltd lock] every thread */
	struct globaldata *td_gd;	/* [I] the CPU it runs on */
	void		*td_sp;		/* [r] saved stack while switched out */
	char		*td_kstack;	/* [I] */
	size_t		td_kstack_size;	/* [I] */
	volatile int	td_state;	/* [r] TDS_* */
	volatile u_int	td_flags;	/* [a] TDF_* */
	int		td_pri;		/* [I] TDPRI_*, higher runs first */
	int		td_critcount;	/* [c] critical section depth */
	uint64_t	td_crit_rflags;	/* [c] rflags at outermost crit_enter */
	const volatile void *td_wchan;	/* [q] sleep channel */
	const char	*td_wmesg;	/* [q] why it sleeps */
	int		td_slpres;	/* [q] 0, EWOULDBLOCK (timeout), EINTR */
	struct callout	td_slpcallout;	/* [c] tsleep timeout */
	struct lwkt_port td_msgport;	/* the thread's own port */
	void		(*td_func)(void *); /* [I] start function */
	void		*td_arg;	/* [I] */
	uint64_t	td_id;		/* [I] */
	int		td_nest_sleep;	/* [c] may sleep despite TDF_NOSLEEP */
	char		td_comm[24];	/* [I] name */

	/*
	 * User threads (td_proc != NULL).  [p] is the process's p_spin.
	 */
	struct proc	*td_proc;	/* [I] owning process, NULL: kernel */
	struct trapframe *td_frame;	/* [c] user registers at kernel entry */
	void		*td_onfault;	/* [c] copyin/copyout recovery point */
	uint64_t	td_retval[2];	/* [c] system call results */
	int		td_tid;		/* [I] user-visible id (>= 100000) */
	int		td_pflags;	/* [c] TDP_* */
	sigset_t	td_sigmask;	/* [p] blocked signals */
	sigset_t	td_siglist;	/* [p] signals pending for this thread */
	sigset_t	td_oldsigmask;	/* [c] mask to restore (TDP_OLDMASK) */
	sigset_t	td_sigwait;	/* [p] sig*wait(2) set, or empty */
	TAILQ_ENTRY(thread) td_plist;	/* [p] on p_threads */
	struct savefpu	*td_fpu;	/* [c] FPU/SSE state while in kernel */
	uint64_t	td_fsbase;	/* [c] user %fs base (TLS) */
	uint64_t	td_gsbase;	/* [c] user %gs base */
	void		*td_sel;	/* [c] select/poll records (sys_generic.c) */
};

/* td_pflags: owned by the thread itself. */
#define TDP_INSYSCALL	0x0001	/* inside a system call */
#define TDP_OLDMASK	0x0002	/* restore td_oldsigmask after a handler */

/* td_state */
#define TDS_NEW		0	/* created, not yet scheduled */
#define TDS_RUNQ	1	/* on gd_runq */
#define TDS_RUNNING	2	/* gd_curthread */
#define TDS_SLEEP	3	/* switched out, waiting for lwkt_schedule */
#define TDS_DEAD	4	/* exited, to be freed */

/* td_flags */
#define TDF_SLEEPING	0x0001	/* committed to sleep; lwkt_schedule clears */
#define TDF_NETISR	0x0002	/* a netisr thread */
#define TDF_NOSLEEP	0x0004	/* asserting: this thread never sleeps */
#define TDF_IDLE	0x0008	/* the CPU's idle thread */
#define TDF_TIMEOUT	0x0010	/* tsleep timed out */
#define TDF_SYSTHREAD	0x0020	/* permanent kernel thread */
#define TDF_SINTR	0x0040	/* sleeping interruptibly (PCATCH) */
#define TDF_ASTPENDING	0x0080	/* check signals/resched before user return */

/* td_pri */
#define TDPRI_IDLE	0
#define TDPRI_USER	10
#define TDPRI_KERN	20
#define TDPRI_NETISR	30
#define TDPRI_SOFTCLOCK	40

int	lwkt_create(void (*func)(void *), void *arg, struct thread **tdp,
	    int cpu, int pri, const char *fmt, ...) __printflike(6, 7);
struct thread *lwkt_alloc(void (*func)(void *), void *arg, int cpu, int pri,
	    const char *name);
void	lwkt_free_unstarted(struct thread *td);
void	lwkt_exit(void) __dead2;
void	lwkt_schedule(struct thread *td);	/* make runnable */
void	lwkt_yield(void);
void	lwkt_switch_sleep(void);	/* switch out if TDF_SLEEPING held */
int	lwkt_nthreads(void);

/* Sleep and wakeup (sys/kern/kern_synch.c). */
struct spinlock;
#define PCATCH		0x0100	/* a signal may interrupt the sleep */
int	tsleep(const volatile void *chan, int flags, const char *wmesg,
	    int timo);
int	ssleep(const volatile void *chan, struct spinlock *interlock,
	    int flags, const char *wmesg, int timo);
void	wakeup(const volatile void *chan);
void	wakeup_one(const volatile void *chan);
void	sleepq_init(void);

/* The tsleep assertion: netisr threads (TDF_NOSLEEP) must never sleep. */
#define ASSERT_MAY_SLEEP()						\
	KASSERT(!(curthread->td_flags & TDF_NOSLEEP) ||			\
	    curthread->td_nest_sleep > 0,				\
	    ("thread %s may not sleep", curthread->td_comm))

#endif /* !_SYS_THREAD_H_ */
