/*
 * sys/proc.h: processes.
 *
 * A process is an address space (p_vmspace), a descriptor table (p_fd),
 * credentials, signal state and one or more user threads (struct thread
 * with td_proc == p, on p_threads).  Each user thread is an LWKT thread
 * bound to one CPU; new processes and threads are spread over the CPUs.
 *
 * Ownership key: [I] immutable after fork/exec, [p] p_spin, [t] proctree
 * lock (parent/child links, the pid table), [a] atomic.  p_spin is a leaf
 * below the sleep queues (rank SPINRANK_PROC) and is the interlock for
 * waits on the process (wait4, thread exit).
 */
#ifndef _SYS_PROC_H_
#define _SYS_PROC_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/spinlock.h>
#include <sys/thread.h>
#include <sys/callout.h>

struct vmspace;
struct filedesc;

#define MAXCOMLEN	19
#define PID_MAX		99999
#define NO_PID		100000
#define TID_MIN		100001

struct ucred {
	uid_t		cr_uid;
	uid_t		cr_ruid;
	gid_t		cr_gid;
	gid_t		cr_rgid;
};

struct sigacts_entry {
	void		*sa_handler;	/* SIG_DFL, SIG_IGN or a user address */
	sigset_t	sa_mask;
	int		sa_flags;
};

/*
 * Who posted a pending signal, for sigwaitinfo/sigtimedwait's siginfo.  One
 * record per signal number (signals do not queue): the latest post wins.
 */
struct sigsrc {
	int32_t		ss_pid;		/* sender, 0: the kernel */
	uint32_t	ss_uid;
	int		ss_code;	/* SI_USER, SI_KERNEL */
};

struct rlimit_k {
	int64_t		rlim_cur;
	int64_t		rlim_max;
};
#define RLIMIT_NOFILE_K	8
#define RLIM_NLIMITS_K	15

struct proc {
	LIST_ENTRY(proc) p_list;	/* [t] allproc */
	LIST_ENTRY(proc) p_sibling;	/* [t] parent's p_children */
	LIST_HEAD(, proc) p_children;	/* [t] */
	struct proc	*p_pptr;	/* [t] parent (init if orphaned) */
	pid_t		p_pid;		/* [I] */
	struct spinlock	p_spin;
	int		p_state;	/* [p] PRS_* */
	int		p_flag;		/* [p] P_* */
	int		p_xstat;	/* [p] wait status once a zombie */
	struct vmspace	*p_vmspace;	/* [I] between execs */
	struct filedesc	*p_fd;		/* [I] */
	struct ucred	p_ucred;	/* [p] */
	struct sigacts_entry p_sigacts[128]; /* [p] */
	sigset_t	p_siglist;	/* [p] pending for the process */
	sigset_t	p_sigignore;	/* [p] */
	sigset_t	p_sigcatch;	/* [p] */
	struct sigsrc	p_sigsrc[128];	/* [p] sender of each pending signal */
	struct rlimit_k	p_rlimit[RLIM_NLIMITS_K]; /* [p] */
	TAILQ_HEAD(, thread) p_threads;	/* [p] */
	int		p_nthreads;	/* [p] */
	struct callout	p_itcallout;	/* [p] ITIMER_REAL */
	uint64_t	p_itvalue_ns;	/* [p] next expiry, nanouptime */
	uint64_t	p_itinterval_ns;/* [p] reload */
	char		p_comm[MAXCOMLEN + 1]; /* [p] */
	char		p_cwd[256];	/* [p] current directory (absolute) */
	uint16_t	p_umask;	/* [p] */
	uint64_t	p_start_ns;	/* [I] */
};

/* p_state */
#define PRS_NEW		0
#define PRS_NORMAL	1
#define PRS_ZOMBIE	2

/* p_flag */
#define P_WEXIT		0x0001	/* exiting: threads must die */
#define P_EXEC		0x0002	/* has exec'd */
#define P_WAITED	0x0004	/* stopped/continued status reported */

LIST_HEAD(proclist, proc);
extern struct proclist allproc;		/* [proctree_lock] */
extern struct proc *initproc;
extern struct spinlock proctree_lock;
struct proc *pfind(pid_t pid);		/* returns with nothing held */
int	proc_count(void);
struct proc *proc_alloc(struct proc *parent, pid_t pid);
void	proc_free_locked(struct proc *p);
void	proc_free(struct proc *p);
void	proc_foreach(void (*fn)(struct proc *, void *), void *arg);
int	proc_pick_cpu(void);
int	proc_alloc_tid(void);

/* Threads of a process (kern_thr.c, kern_fork.c). */
struct thread *proc_thread_alloc(struct proc *p, void (*start)(void *),
	    const char *name);
void	proc_thread_start(struct thread *td);
void	proc_thread_exit(struct thread *td) __dead2;
int	proc_single_thread(struct thread *td);	/* others exit; EINTR? */

int	fork1(struct thread *td, struct proc **childp);
void	exit1(struct thread *td, int status) __dead2;
int	kern_execve(struct thread *td, const char *path, char *const *argv,
	    char *const *envp);
void	start_init(const char *args);
void	proc_init_limits(struct proc *p);

/* wait(2) status words. */
#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | 0177)

#endif /* !_SYS_PROC_H_ */
