/*
 * libc_private.h: interfaces private to lib/libc (never installed).
 *
 * Who owns what:
 *  - csu/libc_start.c runs first (from crt1.S _start): it records argv,
 *    environ and the auxiliary vector, sets up the main thread's TLS
 *    (gen/tls.c) and its struct pthread (thread/thr_init.c), runs the
 *    constructors and calls exit(main(...)).
 *  - thread/: pthreads and the futex-style locks every other part of libc
 *    uses (_libc_lock: malloc, atexit, stdio's FILE list, environ).
 *  - gen/errno.c: errno lives in TLS; before TLS works (a kernel without
 *    sysarch(AMD64_SET_FSBASE)) a process-wide fallback is used.
 * Lock order: a FILE's lock, then the FILE-list lock, then malloc's lock;
 * the thread-list lock is a leaf.
 */
#ifndef _LIBC_PRIVATE_H_
#define _LIBC_PRIVATE_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/_timespec.h>
#include <sys/_sigset.h>
#include <stdarg.h>

struct pthread;
struct rusage;
struct sigaction;
struct stat;
struct timespec;
struct thr_param;

/* The raw system-call stubs (obj/lib/libc/sys/NAME.S): -1 and errno. */
void	__sys_exit(int) __dead2;
int	__sys_fork(void);
int	__sys_sigprocmask(int, const sigset_t *, sigset_t *);
int	__sys_sigaction(int, const struct sigaction *, struct sigaction *);
int	__sys_sigwait(const sigset_t *, int *);
int	__sys_getlogin(char *, u_int);
int	__sys_thr_self(long *);
void	__sys_thr_exit(long *) __dead2;
int	__sys_thr_kill(long, int);
int	__sys_thr_new(struct thr_param *, int);
int	__sys__umtx_op(void *, int, u_long, void *, void *);
int	__sys_sysarch(int, void *);
int	__sys_sched_yield(void);
int	__sys_getpid(void);
int	__sys_kill(int, int);
int	__sys___getcwd(char *, size_t);
int	__sys___sysctl(const int *, u_int, void *, size_t *, const void *,
	    size_t);
int	__sys_fstatat(int, const char *, struct stat *, int);
ssize_t	__sys_write(int, const void *, size_t);
int	__sys_close_range(u_int, u_int, int);
int	__sys_pipe2(int *, int);
int	__sys_clock_gettime(int, struct timespec *);
int	__sys_nanosleep(const struct timespec *, struct timespec *);
ssize_t	__sys_getrandom(void *, size_t, u_int);
void	*__sys_mmap(void *, size_t, int, int, int, off_t);
int	__sys_munmap(void *, size_t);

/* csu/libc_start.c */
extern char	**environ;
extern const char *__progname;
extern long	*__libc_auxv;		/* ELF auxiliary vector, or NULL */
long	__libc_auxv_get(int type, long dflt);

/* gen/tls.c: static TLS (variant II: block below the thread pointer). */
struct tcb {
	struct tcb	*tcb_self;	/* %fs:0, as the ABI requires */
	void		*tcb_dtv;	/* unused: no dynamic modules */
	struct pthread	*tcb_thread;	/* %fs:16 */
};
extern int	__libc_tls_ok;		/* %fs works (sysarch succeeded) */
size_t	__libc_tls_area_size(void);	/* bytes for TLS block + TCB */
struct tcb *__libc_tls_init_area(void *area, struct pthread *td);
void	__libc_tls_init_main(void);

/* thread/: identity and the futex-style primitives. */
struct pthread *__libc_curthread(void);
long	__libc_thread_id(void);		/* kernel thread id */
void	__libc_thread_init(void);	/* main thread, before constructors */
void	__libc_thread_atfork_child(void);
extern int __libc_threaded;	/* a second thread was ever created */
int	_thr_umtx_wait(volatile u_int *addr, u_int val,
	    const struct timespec *rel);	/* 0, ETIMEDOUT or EINTR */
void	_thr_umtx_wake(volatile u_int *addr, int n);
void	_thr_yield(void);

typedef	struct { volatile u_int lk_word; } libc_lock_t;
#define	LIBC_LOCK_INITIALIZER	{ 0 }
void	_libc_lock(libc_lock_t *);
void	_libc_unlock(libc_lock_t *);

/* A lock a thread may take again while holding it (FILE locks). */
typedef	struct {
	libc_lock_t	rl_lock;
	volatile long	rl_owner;
	int		rl_count;
} libc_rlock_t;
#define	LIBC_RLOCK_INITIALIZER	{ LIBC_LOCK_INITIALIZER, 0, 0 }
void	_libc_rlock(libc_rlock_t *);
int	_libc_rtrylock(libc_rlock_t *);
void	_libc_runlock(libc_rlock_t *);

/* Timespec helpers (gen/time.c). */
int	__libc_abs_to_rel(int clock, const struct timespec *abstime,
	    struct timespec *rel);	/* 0, or ETIMEDOUT if already past */

/* stdio/: called by exit(). */
void	__libc_stdio_flushall(void);
void	__libc_stdio_atfork_child(void);

/* stdio/vfprintf.c: the formatting engine behind every printf. */
typedef	int (*__printf_sink_t)(void *cookie, const char *buf, size_t len);
int	__libc_vformat(__printf_sink_t sink, void *cookie, const char *fmt,
	    va_list ap);

/* stdlib/malloc.c */
void	__libc_malloc_atfork_prepare(void);
void	__libc_malloc_atfork_parent(void);
void	__libc_malloc_atfork_child(void);

/* stdlib/arc4random.c */
void	__libc_arc4random_atfork_child(void);

/* gen/exit.c */
void	__libc_run_atexit(void);

#endif /* !_LIBC_PRIVATE_H_ */
