/*
 * sys/file.h: open files (struct file) and the operations each file type
 * provides (struct fileops).
 *
 * A struct file is what a descriptor names: one open of a vnode, one end
 * of a pipe, one socket.  Several descriptors (dup, fork, SCM_RIGHTS) may
 * name one file; f_count counts every holder:
 *   - each descriptor-table slot that points at it,
 *   - each thread between fget() and fdrop() (a system call in progress),
 *   - whatever else takes fhold() (a message carrying SCM_RIGHTS).
 * The fdrop() that drops the last reference calls fo_close() and frees
 * the file; it may sleep there (a socket's close may wait).  Closing a
 * descriptor therefore never pulls a file out from under a system call
 * that is using it: a thread blocked in read() keeps the file until the
 * read returns.  See kern/kern_descrip.c for the life cycle.
 *
 * Ownership key:
 *   [I] set by finit() before the file is reachable by another thread,
 *       then immutable
 *   [a] atomic operations only
 *   [o] the file's offset lock f_offlock (held across a read or write
 *       that uses and advances the shared offset)
 *   [L] the AF_UNIX domain's unp_spin (kern/uipc_usrreq.c)
 *
 * Socket layer (next issue): DTYPE_SOCKET files carry the socket in
 * f_data and socketops in f_ops; fo_close is soclose() (drops the
 * descriptor's socket reference), fo_poll is sopoll (selrecord on the
 * sockbuf's sb_sel under the sockbuf lock), FIONBIO/FIOASYNC arrive in
 * fo_ioctl after f_flag was updated, F_SETOWN arrives as FIOSETOWN.
 */
#ifndef _SYS_FILE_H_
#define _SYS_FILE_H_

#include <sys/types.h>
#include <sys/fcntl.h>

#define DTYPE_NONE	0	/* not yet initialised (falloc) */
#define DTYPE_VNODE	1	/* file, directory, device */
#define DTYPE_SOCKET	2
#define DTYPE_PIPE	3
#define DTYPE_FIFO	4
#define DTYPE_KQUEUE	5

#ifdef _KERNEL
#include <sys/lock.h>
#include <sys/queue.h>

struct file;
struct stat;
struct thread;
struct uio;
struct vnode;

typedef int fo_rdwr_t(struct file *fp, struct uio *uio, int flags,
	    struct thread *td);
typedef int fo_ioctl_t(struct file *fp, u_long com, void *data,
	    struct thread *td);
typedef int fo_poll_t(struct file *fp, int events, struct thread *td);
typedef int fo_stat_t(struct file *fp, struct stat *sb, struct thread *td);
typedef int fo_close_t(struct file *fp, struct thread *td);
typedef int fo_truncate_t(struct file *fp, off_t length, struct thread *td);

/* fo_read/fo_write flags */
#define FOF_OFFSET	0x0001	/* use uio_offset, leave f_offset alone */

struct fileops {
	fo_rdwr_t	*fo_read;
	fo_rdwr_t	*fo_write;
	fo_truncate_t	*fo_truncate;	/* ftruncate; EINVAL if none */
	fo_ioctl_t	*fo_ioctl;	/* ENOTTY for unknown commands */
	fo_poll_t	*fo_poll;	/* returns the ready subset */
	fo_stat_t	*fo_stat;
	fo_close_t	*fo_close;	/* last reference gone */
	int		fo_flags;	/* DFLAG_* */
};
#define DFLAG_PASSABLE	0x01	/* may be sent with SCM_RIGHTS */
#define DFLAG_SEEKABLE	0x02	/* lseek works (else ESPIPE) */

struct file {
	volatile u_int	f_count;	/* [a] references, see above */
	volatile u_int	f_flag;		/* [a] FREAD, FWRITE, FNONBLOCK.. */
	short		f_type;		/* [I] DTYPE_* */
	struct fileops	*f_ops;		/* [I] */
	void		*f_data;	/* [I] vnode, pipe end, socket */
	struct vnode	*f_vnode;	/* [I] DTYPE_VNODE: referenced vnode */
	struct lock	f_offlock;	/* serialises users of f_offset */
	off_t		f_offset;	/* [o] */
	/*
	 * SCM_RIGHTS (kern/uipc_usrreq.c): copies of this file inside
	 * control messages not yet received, and, for an AF_UNIX socket
	 * with copies in flight, its place on the garbage collector's
	 * list ([L]: uipc_usrreq.c's unp_spin).
	 */
	volatile u_int	f_msgcount;	/* [a] */
	LIST_ENTRY(file) f_unplink;	/* [L] */
};

extern struct fileops badfileops;	/* a file not yet finit()ed */

/* kern/kern_descrip.c */
int	falloc_noinstall(struct thread *td, struct file **fpp);
void	finit(struct file *fp, u_int flag, short type, void *data,
	    struct fileops *ops);
void	fhold(struct file *fp);
void	fdrop(struct file *fp);
/* Generic helpers for file types without the operation. */
fo_rdwr_t	invfo_rdwr;		/* EOPNOTSUPP */
fo_ioctl_t	invfo_ioctl;		/* ENOTTY */
fo_poll_t	invfo_poll;		/* POLLNVAL-free: 0 */
fo_truncate_t	invfo_truncate;		/* EINVAL */

static inline int
fo_read(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	return (fp->f_ops->fo_read(fp, uio, flags, td));
}

static inline int
fo_write(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	return (fp->f_ops->fo_write(fp, uio, flags, td));
}

static inline int
fo_ioctl(struct file *fp, u_long com, void *data, struct thread *td)
{
	return (fp->f_ops->fo_ioctl(fp, com, data, td));
}

static inline int
fo_poll(struct file *fp, int events, struct thread *td)
{
	return (fp->f_ops->fo_poll(fp, events, td));
}

static inline int
fo_stat(struct file *fp, struct stat *sb, struct thread *td)
{
	return (fp->f_ops->fo_stat(fp, sb, td));
}

static inline int
fo_truncate(struct file *fp, off_t length, struct thread *td)
{
	return (fp->f_ops->fo_truncate(fp, length, td));
}
#endif /* _KERNEL */

#endif /* !_SYS_FILE_H_ */
