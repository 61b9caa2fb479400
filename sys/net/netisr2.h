/*
 * net/netisr2.h: kernel-only netisr helpers: which netisr owns which port,
 * who the current thread is, and the assertions built on that.
 *
 * See the theory statement at the top of sys/net/netisr.c.  In short: CPU
 * N runs one protocol thread, "netisr N", serving netisr_cpuport(N); a
 * netisr thread never sleeps; only netisr 0, netisr N itself or a
 * non-netisr thread may send netisr N a synchronous message.
 *
 * "Acting as netisr N" (IN_NETISR_NCPU) is true in netisr N's thread and
 * in a thread that runs a handler for netisr N inline (the idle-port
 * optimisation, see netisr.c): handlers may assert their owner either way.
 *
 * Entry points: netisr_init() (called once by mi_startup() after every
 * CPU is up), netisr_cpuport(), netisr_curport(), netisr_stats().
 *
 * Ownership key for struct netisr_cpu: [I] set before netisr N is
 * announced up, [n] only code acting as netisr N, on CPU N (the netisr
 * thread or an inline runner inside a critical section), [a] atomic.
 */
#ifndef _NET_NETISR2_H_
#define _NET_NETISR2_H_

#ifndef _KERNEL
#error "netisr2.h is kernel-only"
#endif

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/msgport.h>

struct netisr_cpu {
	struct thread	*ni_td;		/* [I] netisr N's thread */
	int		ni_cpu;		/* [I] N */
	int		ni_up;		/* [a] published by netisr_init() */
	int		ni_busy;	/* [n] a handler for N is running */
	struct thread	*ni_inline_td;	/* [n] runs a handler for N inline */
	uint64_t	ni_cnt_dispatch; /* [a] handlers run for N */
	uint64_t	ni_cnt_inline;	/* [a] of which without queueing */
	uint64_t	ni_cnt_sync;	/* [a] lwkt_domsg requests to N */
	uint64_t	ni_cnt_chase;	/* [a] socket messages N passed on to
					   their socket's new owner */
	uint64_t	ni_cnt_move;	/* [a] sockets N handed to another */
	void		*ni_unpark_so;	/* [n] socket whose parked requests
					   N is running (netmsg.c) */
} __cachealign;

extern struct netisr_cpu netisr_cpus[MAXCPU];

/*
 * The netisr the current thread acts as, or -1.  Threads are bound to
 * their CPU, so netisr N's thread only ever runs on CPU N.
 */
static inline int
netisr_self(void)
{
	struct thread *td = curthread;
	int cpu = mycpuid;

	if (netisr_cpus[cpu].ni_td == td || netisr_cpus[cpu].ni_inline_td == td)
		return (cpu);
	return (-1);
}

#define IN_NETISR()		(netisr_self() >= 0)
#define IN_NETISR_NCPU(n)	(netisr_self() == (n))
#define ASSERT_NETISR(n)						\
	KASSERT(IN_NETISR_NCPU(n), ("thread %s on cpu %d is not netisr %d",\
	    curthread->td_comm, mycpuid, (n)))
#define ASSERT_NETISR0		ASSERT_NETISR(0)
#define ASSERT_IN_NETISR						\
	KASSERT(IN_NETISR(), ("thread %s is not a netisr",		\
	    curthread->td_comm))

/* netisr N's port. */
static inline lwkt_port_t
netisr_cpuport(int cpu)
{
	KASSERT(cpu >= 0 && cpu < ncpus && netisr_cpus[cpu].ni_td != NULL,
	    ("netisr_cpuport: no netisr %d", cpu));
	return (&netisr_cpus[cpu].ni_td->td_msgport);
}

/* The port of the netisr we act as. */
static inline lwkt_port_t
netisr_curport(void)
{
	ASSERT_IN_NETISR;
	return (netisr_cpuport(mycpuid));
}

/*
 * The deadlock rule as a predicate: may code acting as netisr `from` (-1:
 * not a netisr) send netisr `to` a synchronous message?
 */
static inline int
netisr_sync_allowed(int from, int to)
{
	return (from < 0 || from == 0 || from == to);
}

/* Panics, naming both threads, unless netisr_sync_allowed(from, to). */
void	netisr_sync_check(int from, int to);

/* Counters for one netisr; sysctl and a netstat-like tool come later. */
struct netisr_stats {
	uint64_t	ns_dispatched;	/* handlers run (queued and inline) */
	uint64_t	ns_inline;	/* of which without queueing: self
					   calls and idle-port dispatches */
	uint64_t	ns_sync;	/* lwkt_domsg requests sent to it */
	uint64_t	ns_queued;	/* messages queued on its port */
	uint64_t	ns_forwards;	/* received by it, then forwarded */
	uint64_t	ns_replies;	/* replies delivered to its port */
	uint64_t	ns_chases;	/* socket messages chased to the
					   socket's new owner */
	uint64_t	ns_moves;	/* sockets moved away from it */
};
int	netisr_stats(int cpu, struct netisr_stats *st);	/* 0 or EINVAL */

void	netisr_init(void);		/* mi_startup(), all CPUs up */

#endif /* !_NET_NETISR2_H_ */
