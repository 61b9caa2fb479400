/*
 * aio.h (user space): asynchronous I/O, FreeBSD's layout.  The kernel
 * has no AIO: every aio_* call fails with ENOSYS.
 */
#ifndef _AIO_H_
#define _AIO_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/signal.h>
#include <sys/_timespec.h>

#define	AIO_CANCELED		0x1
#define	AIO_NOTCANCELED		0x2
#define	AIO_ALLDONE		0x3
#define	LIO_NOP			0x0
#define	LIO_WRITE		0x1
#define	LIO_READ		0x2
#define	LIO_NOWAIT		0x0
#define	LIO_WAIT		0x1
#define	AIO_LISTIO_MAX		16

struct __aiocb_private {
	long	status;
	long	error;
	void	*kernelinfo;
};

typedef struct aiocb {
	int	aio_fildes;		/* File descriptor */
	off_t	aio_offset;		/* File offset for I/O */
	volatile void *aio_buf;		/* I/O buffer in process space */
	size_t	aio_nbytes;		/* Number of bytes for I/O */
	int	__spare__[2];
	void	*__spare2__;
	int	aio_lio_opcode;		/* LIO opcode */
	int	aio_reqprio;		/* Request priority -- ignored */
	struct	__aiocb_private	_aiocb_private;
	struct	sigevent aio_sigevent;	/* Signal to deliver */
} aiocb_t;

__BEGIN_DECLS
int	aio_read(struct aiocb *);
int	aio_write(struct aiocb *);
int	lio_listio(int, struct aiocb * const [], int, struct sigevent *);
int	aio_error(const struct aiocb *);
ssize_t	aio_return(struct aiocb *);
int	aio_cancel(int, struct aiocb *);
int	aio_suspend(const struct aiocb * const [], int, const struct timespec *);
int	aio_fsync(int op, struct aiocb *aiocbp);
ssize_t	aio_waitcomplete(struct aiocb **, struct timespec *);
__END_DECLS

#endif /* !_AIO_H_ */
