/*
 * sys/uio.h: scatter/gather I/O descriptions.
 *
 * struct iovec is the user ABI (readv/writev).  struct uio describes one
 * transfer between a file and memory: the iovecs, where they live
 * (UIO_USERSPACE: user addresses, copied with copyin/copyout and so may
 * fault and sleep; UIO_SYSSPACE: kernel buffers, memcpy), the direction,
 * the file offset and the bytes still to move.  uiomove() moves bytes
 * between a kernel buffer and the uio, advancing both; every file type's
 * read and write work through it, so kernel callers (ktests, exec, a
 * future kernel client) use the same paths with UIO_SYSSPACE.
 */
#ifndef _SYS_UIO_H_
#define _SYS_UIO_H_

#include <sys/types.h>

struct iovec {
	void	*iov_base;
	size_t	iov_len;
};

#define UIO_MAXIOV	1024		/* IOV_MAX */

#ifdef _KERNEL
#include <sys/malloc.h>

struct thread;
MALLOC_DECLARE(M_IOV);

enum uio_rw { UIO_READ, UIO_WRITE };
enum uio_seg { UIO_USERSPACE, UIO_SYSSPACE };

struct uio {
	struct iovec	*uio_iov;	/* the segments, consumed in order */
	int		uio_iovcnt;
	off_t		uio_offset;	/* file offset of the next byte */
	ssize_t		uio_resid;	/* bytes still to move */
	enum uio_seg	uio_segflg;
	enum uio_rw	uio_rw;		/* UIO_READ: file -> memory */
	struct thread	*uio_td;	/* owner of user addresses, or NULL */
};

/* Move up to n bytes between kbuf and uio (direction: uio_rw). */
int	uiomove(void *kbuf, size_t n, struct uio *uio);
/* Move bytes of buf starting at uio_offset (reads of small objects). */
int	uiomove_frombuf(void *buf, size_t buflen, struct uio *uio);
/*
 * Copy a user iovec array in and build a uio for it (one M_IOV block,
 * freed with kfree(uio, M_IOV)); EINVAL for iovcnt > UIO_MAXIOV or a
 * total that does not fit in ssize_t.
 */
int	copyinuio(const struct iovec *iovp, u_int iovcnt, struct uio **uiop);
/* A one-segment kernel uio (UIO_SYSSPACE). */
void	uio_init_kernel(struct uio *uio, struct iovec *iov, void *buf,
	    size_t len, off_t off, enum uio_rw rw);


/* read/write back ends (kern/sys_generic.c); byte count in td_retval[0]. */
int	kern_readv(struct thread *td, int fd, struct uio *uio);
int	kern_preadv(struct thread *td, int fd, struct uio *uio, off_t off);
int	kern_writev(struct thread *td, int fd, struct uio *uio);
int	kern_pwritev(struct thread *td, int fd, struct uio *uio, off_t off);
int	kern_ioctl(struct thread *td, int fd, u_long com, void *data);
#endif /* _KERNEL */

#endif /* !_SYS_UIO_H_ */
