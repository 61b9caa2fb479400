/*
 * sys/filedesc.h: a process's descriptor table.
 *
 * The table maps small integers to struct file pointers plus per-slot
 * flags (close-on-exec).  It belongs to one process (p_fd) and is shared
 * by its threads; every access takes fd_spin, a leaf spinlock that is
 * held only to read or write slots, never across a sleep, a copyin or a
 * file operation.  Files are released after fd_spin is dropped.
 *
 * Invariants: a new descriptor is always the lowest free slot at or above
 * the requested minimum; a slot is either NULL or points at a file whose
 * f_count includes the slot's reference; fd_nfiles only grows (the array
 * is reallocated outside the lock and swapped in); the number of open
 * descriptors never exceeds the process's RLIMIT_NOFILE nor
 * maxfilesperproc (EMFILE).
 *
 * Entry points (kern/kern_descrip.c):
 *   fdinit()        a new empty table (the first process)
 *   fdcopy(fdp)     fork: the child's table, every file held again
 *   fdfree(fdp)     exit: close everything, free the table
 *   fdcloseexec()   execve: close the close-on-exec descriptors
 *   falloc()        a new file installed at the lowest free descriptor
 *   finstall()      install an existing file (accept, SCM_RIGHTS)
 *   fget()          descriptor -> referenced file (EBADF)
 *   fdclose()       undo falloc after a failure
 *   kern_close()    close(2)
 *
 * Ownership key: [f] fd_spin.
 */
#ifndef _SYS_FILEDESC_H_
#define _SYS_FILEDESC_H_

#include <sys/types.h>
#include <sys/spinlock.h>


struct file;
struct stat;
struct thread;

struct filedescent {
	struct file	*fde_file;	/* [f] NULL: free */
	uint8_t		fde_flags;	/* [f] UF_* */
};
#define UF_EXCLOSE	0x01		/* close on exec */

struct filedesc {
	struct spinlock	fd_spin;
	struct filedescent *fd_ofiles;	/* [f] fd_nfiles slots */
	int		fd_nfiles;	/* [f] slots allocated */
	int		fd_freefile;	/* [f] no free slot below this */
	int		fd_lastfile;	/* [f] highest slot in use, or -1 */
	int		fd_nopen;	/* [f] slots in use */
};

#define NDFILE		20		/* initial slots */

extern int maxfilesperproc;		/* sysctl kern.maxfilesperproc */

struct filedesc *fdinit(void);
struct filedesc *fdcopy(struct filedesc *fdp);
void	fdfree(struct filedesc *fdp);
void	fdcloseexec(struct filedesc *fdp);

/* flags: O_CLOEXEC.  *fpp comes back with a reference for the caller. */
int	falloc(struct thread *td, struct file **fpp, int *fdp, int flags);
/* Install fp at the lowest free slot; the table takes its own reference. */
int	finstall(struct thread *td, struct file *fp, int *fdp, int flags);
int	fget(struct thread *td, int fd, struct file **fpp);
void	fdclose(struct thread *td, struct file *fp, int fd);
int	kern_close(struct thread *td, int fd);
int	kern_dup(struct thread *td, int mode, int flags, int old, int new);
int	kern_fcntl(struct thread *td, int fd, int cmd, long arg);
int	kern_fstat(struct thread *td, int fd, struct stat *sb);
int	fd_limit(struct thread *td);	/* current maximum descriptors */
/* Descriptor flags (UF_*), for ioctl FIOCLEX and friends. */
int	fdgetflags(struct thread *td, int fd, int *flagsp);
int	fdsetflags(struct thread *td, int fd, int set, int clear);

/* kern_dup modes */
#define FDDUP_NORMAL	0	/* dup(): lowest free */
#define FDDUP_FCNTL	1	/* F_DUPFD: lowest free >= new */
#define FDDUP_FIXED	2	/* dup2(): exactly new */
/* kern_dup flags */
#define FDDUP_FLAG_CLOEXEC 0x1

#endif /* !_SYS_FILEDESC_H_ */
