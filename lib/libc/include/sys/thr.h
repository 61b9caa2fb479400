/*
 * sys/thr.h (user space): the kernel thread calls libc's pthreads use.
 *
 * thr_new(param, sizeof(*param)) starts a thread in this process running
 * start_func(arg) on [stack_base, stack_base + stack_size) with %fs base
 * tls_base; the new thread's id is stored at *child_tid and *parent_tid
 * (either may be NULL).  FreeBSD sets %rsp to the aligned top of the stack
 * minus 8, as if start_func had been called; start_func must not return
 * (it ends with thr_exit).  thr_exit(state) stores 1 at *state (if not
 * NULL) and wakes UMTX_OP_WAKE waiters on it, then the thread ends.
 */
#ifndef _SYS_THR_H_
#define _SYS_THR_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#define	THR_SUSPENDED		0x0001
#define	THR_SYSTEM_SCOPE	0x0002

struct rtprio;

struct thr_param {
	void	(*start_func)(void *);	/* thread entry function. */
	void	*arg;			/* argument for entry function. */
	char	*stack_base;		/* stack base address. */
	__size_t stack_size;		/* stack size. */
	char	*tls_base;		/* tls base address. */
	__size_t tls_size;		/* tls size. */
	long	*child_tid;		/* address to store new TID. */
	long	*parent_tid;		/* parent accesses the new TID here. */
	int	flags;			/* thread flags. */
	struct rtprio	*rtp;		/* Real-time scheduling priority */
	void	*spare[3];		/* reserved */
};

__BEGIN_DECLS
int	thr_new(struct thr_param *param, int param_size);
int	thr_self(long *id);
void	thr_exit(long *state);
int	thr_kill(long id, int sig);
int	thr_kill2(__pid_t pid, long id, int sig);
int	thr_suspend(const struct timespec *timeout);
int	thr_wake(long id);
int	thr_set_name(long id, const char *name);
__END_DECLS

#endif /* !_SYS_THR_H_ */
