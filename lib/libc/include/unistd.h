/*
 * unistd.h (user space).
 */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define	STDIN_FILENO	0	/* standard input file descriptor */
#define	STDOUT_FILENO	1	/* standard output file descriptor */
#define	STDERR_FILENO	2	/* standard error file descriptor */

#define	F_ULOCK		0	/* unlock locked section */
#define	F_LOCK		1	/* lock a section for exclusive use */
#define	F_TLOCK		2	/* test and lock a section for exclusive use */
#define	F_TEST		3	/* test a section for locks by other procs */

#define	F_OK		0	/* test for existence of file */
#define	X_OK		0x01	/* test for execute or search permission */
#define	W_OK		0x02	/* test for write permission */
#define	R_OK		0x04	/* test for read permission */

#ifndef SEEK_SET
#define	SEEK_SET	0	/* set file offset to offset */
#define	SEEK_CUR	1	/* set file offset to current plus offset */
#define	SEEK_END	2	/* set file offset to EOF plus offset */
#endif
#define	SEEK_DATA	3	/* set file offset to next data past offset */
#define	SEEK_HOLE	4	/* set file offset to next hole past offset */

#define	L_SET		SEEK_SET
#define	L_INCR		SEEK_CUR
#define	L_XTND		SEEK_END

#define	_POSIX_VERSION		200809L
#define	_POSIX2_VERSION		199212L
#define	_POSIX_THREADS		200112L
#define	_POSIX_TIMERS		200112L
#define	_POSIX_MONOTONIC_CLOCK	200112L
#define	_POSIX_JOB_CONTROL	1
#define	_POSIX_SAVED_IDS	1
#define	_XOPEN_VERSION		700

/* configurable pathname variables */
#define	_PC_LINK_MAX		 1
#define	_PC_MAX_CANON		 2
#define	_PC_MAX_INPUT		 3
#define	_PC_NAME_MAX		 4
#define	_PC_PATH_MAX		 5
#define	_PC_PIPE_BUF		 6
#define	_PC_CHOWN_RESTRICTED	 7
#define	_PC_NO_TRUNC		 8
#define	_PC_VDISABLE		 9

/* configurable system variables */
#define	_SC_ARG_MAX		 1
#define	_SC_CHILD_MAX		 2
#define	_SC_CLK_TCK		 3
#define	_SC_NGROUPS_MAX		 4
#define	_SC_OPEN_MAX		 5
#define	_SC_JOB_CONTROL		 6
#define	_SC_SAVED_IDS		 7
#define	_SC_VERSION		 8
#define	_SC_BC_BASE_MAX		 9
#define	_SC_BC_DIM_MAX		10
#define	_SC_BC_SCALE_MAX	11
#define	_SC_BC_STRING_MAX	12
#define	_SC_COLL_WEIGHTS_MAX	13
#define	_SC_EXPR_NEST_MAX	14
#define	_SC_LINE_MAX		15
#define	_SC_RE_DUP_MAX		16
#define	_SC_2_VERSION		17
#define	_SC_STREAM_MAX		26
#define	_SC_TZNAME_MAX		27
#define	_SC_IOV_MAX		56
#define	_SC_PAGESIZE		47
#define	_SC_PAGE_SIZE		_SC_PAGESIZE
#define	_SC_NPROCESSORS_CONF	57
#define	_SC_NPROCESSORS_ONLN	58
#define	_SC_GETGR_R_SIZE_MAX	70
#define	_SC_GETPW_R_SIZE_MAX	71
#define	_SC_HOST_NAME_MAX	72
#define	_SC_LOGIN_NAME_MAX	73
#define	_SC_MONOTONIC_CLOCK	74
#define	_SC_THREAD_KEYS_MAX	86
#define	_SC_THREAD_STACK_MIN	93
#define	_SC_THREAD_THREADS_MAX	94
#define	_SC_THREADS		96
#define	_SC_PHYS_PAGES		121

extern char **environ;
extern char *optarg;			/* getopt(3) external variables */
extern int opterr, optind, optopt;
extern int optreset;

__BEGIN_DECLS
void	 _exit(int) __dead2;
int	 access(const char *, int);
unsigned int alarm(unsigned int);
int	 chdir(const char *);
int	 chown(const char *, uid_t, gid_t);
int	 close(int);
void	 closefrom(int);
int	 close_range(unsigned int, unsigned int, int);
int	 dup(int);
int	 dup2(int, int);
int	 dup3(int, int, int);
int	 eaccess(const char *, int);
int	 execl(const char *, const char *, ...);
int	 execle(const char *, const char *, ...);
int	 execlp(const char *, const char *, ...);
int	 execv(const char *, char * const *);
int	 execve(const char *, char * const *, char * const *);
int	 execvp(const char *, char * const *);
int	 execvP(const char *, const char *, char * const *);
int	 fexecve(int, char * const *, char * const *);
int	 faccessat(int, const char *, int, int);
int	 fchdir(int);
int	 fchown(int, uid_t, gid_t);
int	 fchownat(int, const char *, uid_t, gid_t, int);
int	 fdatasync(int);
pid_t	 fork(void);
long	 fpathconf(int, int);
int	 fsync(int);
int	 ftruncate(int, off_t);
char	*getcwd(char *, size_t);
int	 getdtablesize(void);
gid_t	 getegid(void);
int	 getentropy(void *, size_t);
uid_t	 geteuid(void);
gid_t	 getgid(void);
int	 getgroups(int, gid_t []);
int	 gethostname(char *, size_t);
char	*getlogin(void);
int	 getlogin_r(char *, size_t);
int	 getopt(int, char * const [], const char *);
int	 getpagesize(void) __pure2;
int	 getpeereid(int, uid_t *, gid_t *);
pid_t	 getpgid(pid_t);
pid_t	 getpgrp(void);
pid_t	 getpid(void);
pid_t	 getppid(void);
int	 getresgid(gid_t *, gid_t *, gid_t *);
int	 getresuid(uid_t *, uid_t *, uid_t *);
pid_t	 getsid(pid_t);
uid_t	 getuid(void);
int	 isatty(int);
int	 issetugid(void);
int	 lchown(const char *, uid_t, gid_t);
int	 link(const char *, const char *);
int	 linkat(int, const char *, int, const char *, int);
off_t	 lseek(int, off_t, int);
int	 nice(int);
long	 pathconf(const char *, int);
int	 pause(void);
int	 pipe(int *);
int	 pipe2(int *, int);
ssize_t	 pread(int, void *, size_t, off_t);
ssize_t	 pwrite(int, const void *, size_t, off_t);
ssize_t	 read(int, void *, size_t);
ssize_t	 readlink(const char * __restrict, char * __restrict, size_t);
ssize_t	 readlinkat(int, const char * __restrict, char * __restrict, size_t);
int	 reboot(int);
int	 rmdir(const char *);
int	 setegid(gid_t);
int	 seteuid(uid_t);
int	 setgid(gid_t);
int	 setgroups(int, const gid_t *);
int	 sethostname(const char *, int);
int	 setlogin(const char *);
int	 setpgid(pid_t, pid_t);
int	 setpgrp(pid_t, pid_t);
int	 setregid(gid_t, gid_t);
int	 setreuid(uid_t, uid_t);
int	 setresgid(gid_t, gid_t, gid_t);
int	 setresuid(uid_t, uid_t, uid_t);
pid_t	 setsid(void);
int	 setuid(uid_t);
unsigned int sleep(unsigned int);
int	 symlink(const char * __restrict, const char * __restrict);
int	 symlinkat(const char *, int, const char *);
void	 sync(void);
long	 sysconf(int);
pid_t	 tcgetpgrp(int);
int	 tcsetpgrp(int, pid_t);
int	 truncate(const char *, off_t);
int	 unlink(const char *);
int	 unlinkat(int, const char *, int);
int	 usleep(useconds_t);
pid_t	 vfork(void) __returns_twice;
ssize_t	 write(int, const void *, size_t);
char	*mkdtemp(char *);
int	 mkstemp(char *);
char	*mktemp(char *);
int	 rfork(int);
int	 chroot(const char *);
__END_DECLS

#endif /* !_UNISTD_H_ */
