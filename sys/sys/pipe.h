/*
 * sys/pipe.h: pipe sizes and the kernel's pipe entry points
 * (kern/sys_pipe.c, which explains the design).
 */
#ifndef _SYS_PIPE_H_
#define _SYS_PIPE_H_

#define PIPE_SIZE	16384		/* bytes buffered per direction */
#define PIPE_BUF	512		/* writes up to this size are atomic */

#ifdef _KERNEL

struct file;
struct thread;

/* pipe2(2): flags O_CLOEXEC | O_NONBLOCK, else EINVAL. */
int	kern_pipe(struct thread *td, int fildes[2], int flags);
/* Two connected pipe files, not in any table (ktests); fdrop each. */
int	pipe_pair_files(struct thread *td, struct file *fps[2], int flags);
#endif

#endif /* !_SYS_PIPE_H_ */
