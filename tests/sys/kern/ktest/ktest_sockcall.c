/*
 * ktest_sockcall.c: self tests for the socket system calls
 * (kern/uipc_syscalls.c) and the socket file operations
 * (kern/sys_socket.c), run from a kernel thread that ktp_enter() gave a
 * descriptor table.  Only calls whose arguments are not user pointers
 * can run this way (socket, listen, shutdown; read, write, ioctl, fcntl,
 * fstat, close through their kern_xxx back ends); a user pointer here is
 * a kernel address, which copyin/copyout refuse with EFAULT, and that is
 * what the error-path cases use.  The AF_UNIX behaviour itself is tested
 * from user space (tests/sys/kern/socket_test.c and friends).
 *
 * Every case checks that the sockets it made are gone again
 * (kern.ipc.numopensockets, through sockets_inuse()): the last reference
 * may be dropped by a netisr a moment after close, so the check waits a
 * little before failing.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/fcntl.h>
#include <sys/filio.h>
#include <sys/sockio.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>
#include "ktest_files.h"

/* Wait up to 2 s for the socket count to come back to n. */
static int
kts_settled(int n)
{
	for (int i = 0; i < 200 && sockets_inuse() != n; i++)
		tsleep(&n, 0, "ktsock", 1);
	return (sockets_inuse() == n);
}

static long
kts_socket(int domain, int type, int protocol)
{
	struct socket_args a = {
		.domain = domain, .type = type, .protocol = protocol
	};

	return (kt_ret(sys_socket(curthread, &a)));
}

static long
kts_ioctl(int fd, u_long com, int *v)
{
	return (KT_ERR(kern_ioctl(curthread, fd, com, v)));
}

/* The socket behind descriptor fd (no reference kept: the fd holds it). */
static struct socket *
kts_so(int fd)
{
	struct file *fp;
	struct socket *so;

	if (fget(curthread, fd, &fp) != 0)
		return (NULL);
	so = fp->f_type == DTYPE_SOCKET ? fp->f_data : NULL;
	fdrop(fp);
	return (so);
}

/*
 * A connected AF_UNIX stream pair on two descriptors, made the way
 * socketpair(2) does it but without copying the descriptors out.
 */
static int
kts_pair(int fd[2], int nbio)
{
	struct socket *so[2];
	int i;

	for (i = 0; i < 2; i++) {
		fd[i] = (int)kts_socket(AF_UNIX, SOCK_STREAM |
		    (nbio ? SOCK_NONBLOCK : 0), 0);
		if (fd[i] < 0)
			return (-fd[i]);
		so[i] = kts_so(fd[i]);
	}
	return (soconnect2(so[0], so[1]));
}

KTEST(sockcall_socket_gives_socket_file_with_S_IFSOCK, 30)
{
	struct proc *p = ktp_enter(16);
	int n0 = sockets_inuse(), fd;
	struct file *fp;
	struct stat sb;

	fd = (int)kts_socket(AF_UNIX, SOCK_STREAM, 0);
	KT_ASSERT(fd >= 0);
	KT_ASSERT_EQ(sockets_inuse(), n0 + 1);
	KT_ASSERT_EQ(KT_ERR(fget(curthread, fd, &fp)), 0);
	KT_ASSERT_EQ(fp->f_type, DTYPE_SOCKET);
	KT_ASSERT(fp->f_ops == &socketops);
	KT_ASSERT_EQ(fp->f_flag & (FREAD | FWRITE | FNONBLOCK),
	    FREAD | FWRITE);
	fdrop(fp);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, fd, &sb)), 0);
	KT_ASSERT(S_ISSOCK(sb.st_mode));
	KT_ASSERT(sb.st_mode & S_IRUSR);
	KT_ASSERT(sb.st_mode & S_IWUSR);
	KT_ASSERT_EQ(sb.st_size, 0);
	KT_ASSERT(sb.st_blksize > 0);
	KT_ASSERT_EQ(kt_close(fd), 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

/* FreeBSD allocates the descriptor first: a full table wins. */
KTEST(sockcall_socket_full_table_EMFILE_before_EAFNOSUPPORT, 30)
{
	struct proc *p = ktp_enter(0);
	int n0 = sockets_inuse();

	KT_ASSERT_EQ(kts_socket(AF_UNIX, SOCK_STREAM, 0), -EMFILE);
	KT_ASSERT_EQ(kts_socket(AF_MAX + 1, SOCK_STREAM, 0), -EMFILE);
	KT_ASSERT_EQ(sockets_inuse(), n0);
	ktp_leave(p);
}

KTEST(sockcall_socket_failure_leaves_no_descriptor, 30)
{
	struct proc *p = ktp_enter(16);
	int n0 = sockets_inuse();

	KT_ASSERT_EQ(kts_socket(AF_MAX + 1, SOCK_STREAM, 0), -EAFNOSUPPORT);
	KT_ASSERT_EQ(kts_socket(AF_UNIX, 77, 0), -EPROTOTYPE);
	/* An unknown flag bit stays in the type (FreeBSD). */
	KT_ASSERT_EQ(kts_socket(AF_UNIX, SOCK_STREAM | 0x40000000, 0),
	    -EPROTOTYPE);
	KT_ASSERT_EQ(p->p_fd->fd_nopen, 0);
	KT_ASSERT_EQ(sockets_inuse(), n0);
	ktp_leave(p);
}

KTEST(sockcall_socket_flags_set_cloexec_and_nonblocking, 30)
{
	struct proc *p = ktp_enter(16);
	int n0 = sockets_inuse(), fd, flags;
	struct socket *so;

	fd = (int)kts_socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC |
	    SOCK_NONBLOCK, 0);
	KT_ASSERT(fd >= 0);
	KT_ASSERT_EQ(KT_ERR(fdgetflags(curthread, fd, &flags)), 0);
	KT_ASSERT(flags & UF_EXCLOSE);
	KT_ASSERT_EQ(kt_ret(kern_fcntl(curthread, fd, F_GETFL, 0)) &
	    O_NONBLOCK, O_NONBLOCK);
	so = kts_so(fd);
	KT_ASSERT(so != NULL);
	KT_ASSERT(so->so_ustate & SS_NBIO);
	KT_ASSERT_EQ(kt_close(fd), 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

/* fcntl(F_SETFL) and FIONBIO keep SS_NBIO equal to FNONBLOCK. */
KTEST(sockcall_fcntl_and_fionbio_switch_SS_NBIO, 30)
{
	struct proc *p = ktp_enter(16);
	int n0 = sockets_inuse(), fd, on;
	struct socket *so;

	fd = (int)kts_socket(AF_UNIX, SOCK_STREAM, 0);
	KT_ASSERT(fd >= 0);
	so = kts_so(fd);
	KT_ASSERT(!(so->so_ustate & SS_NBIO));
	KT_ASSERT_EQ(kt_ret(kern_fcntl(curthread, fd, F_SETFL, O_NONBLOCK)),
	    0);
	KT_ASSERT(so->so_ustate & SS_NBIO);
	on = 0;
	KT_ASSERT_EQ(kts_ioctl(fd, FIONBIO, &on), 0);
	KT_ASSERT(!(so->so_ustate & SS_NBIO));
	on = 1;
	KT_ASSERT_EQ(kts_ioctl(fd, FIOASYNC, &on), 0);
	KT_ASSERT(so->so_ustate & SS_ASYNC);
	KT_ASSERT_EQ(kt_close(fd), 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

KTEST(sockcall_read_unconnected_stream_ENOTCONN, 30)
{
	struct proc *p = ktp_enter(16);
	int n0 = sockets_inuse(), fd;
	char c;

	fd = (int)kts_socket(AF_UNIX, SOCK_STREAM, 0);
	KT_ASSERT(fd >= 0);
	KT_ASSERT_EQ(kt_read(fd, &c, 1), -ENOTCONN);
	KT_ASSERT_EQ(kt_close(fd), 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

/* Bytes written on one end are counted by FIONREAD on the other. */
KTEST(sockcall_write_read_and_FIONREAD_on_a_pair, 30)
{
	struct proc *p = ktp_enter(16);
	int n0 = sockets_inuse(), fd[2], n = 0, i;
	char buf[8];

	KT_ASSERT_EQ(kts_pair(fd, 0), 0);
	KT_ASSERT_EQ(kt_write(fd[0], "hello", 5), 5);
	/* The send is asynchronous: wait for the owner to append it. */
	for (i = 0; i < 200; i++) {
		KT_ASSERT_EQ(kts_ioctl(fd[1], FIONREAD, &n), 0);
		if (n == 5)
			break;
		tsleep(&n, 0, "ktsock", 1);
	}
	KT_ASSERT_EQ(n, 5);
	KT_ASSERT_EQ(kt_read(fd[1], buf, sizeof(buf)), 5);
	KT_ASSERT(memcmp(buf, "hello", 5) == 0);
	KT_ASSERT_EQ(kts_ioctl(fd[1], FIONREAD, &n), 0);
	KT_ASSERT_EQ(n, 0);
	KT_ASSERT_EQ(kts_ioctl(fd[0], FIONSPACE, &n), 0);
	KT_ASSERT(n > 0);
	KT_ASSERT_EQ(kts_ioctl(fd[0], SIOCATMARK, &n), 0);
	KT_ASSERT_EQ(n, 0);
	KT_ASSERT_EQ(kt_close(fd[0]), 0);
	KT_ASSERT_EQ(kt_close(fd[1]), 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

KTEST(sockcall_read_empty_nonblocking_pair_EAGAIN, 30)
{
	struct proc *p = ktp_enter(16);
	int n0 = sockets_inuse(), fd[2];
	char c;

	KT_ASSERT_EQ(kts_pair(fd, 1), 0);
	KT_ASSERT_EQ(kt_read(fd[1], &c, 1), -EAGAIN);
	KT_ASSERT_EQ(kt_close(fd[0]), 0);
	KT_ASSERT_EQ(kt_close(fd[1]), 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

/* After the peer shut down its write side, reads see EOF. */
KTEST(sockcall_shutdown_wr_gives_peer_EOF, 30)
{
	struct proc *p = ktp_enter(16);
	struct shutdown_args a;
	int n0 = sockets_inuse(), fd[2];
	char c;

	KT_ASSERT_EQ(kts_pair(fd, 0), 0);
	memset(&a, 0, sizeof(a));
	a.s = fd[0];
	a.how = SHUT_WR;
	KT_ASSERT_EQ(KT_ERR(sys_shutdown(curthread, &a)), 0);
	KT_ASSERT_EQ(kt_read(fd[1], &c, 1), 0);
	a.how = 7;
	KT_ASSERT_EQ(KT_ERR(sys_shutdown(curthread, &a)), -EINVAL);
	KT_ASSERT_EQ(kt_close(fd[0]), 0);
	KT_ASSERT_EQ(kt_close(fd[1]), 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

/* A vector copyout cannot write: both sockets and descriptors go. */
KTEST(sockcall_socketpair_EFAULT_leaves_nothing, 30)
{
	struct proc *p = ktp_enter(16);
	struct socketpair_args a;
	int n0 = sockets_inuse(), sv[2];

	memset(&a, 0, sizeof(a));
	a.domain = AF_UNIX;
	a.type = SOCK_STREAM;
	a.rsv = sv;			/* a kernel address: EFAULT */
	KT_ASSERT_EQ(KT_ERR(sys_socketpair(curthread, &a)), -EFAULT);
	KT_ASSERT_EQ(p->p_fd->fd_nopen, 0);
	KT_ASSERT(kts_settled(n0));
	ktp_leave(p);
}

KTEST(sockcall_calls_on_non_socket_ENOTSOCK, 30)
{
	struct proc *p = ktp_enter(16);
	struct listen_args a;
	int fd;

	fd = (int)kt_open("/", O_RDONLY, 0);
	KT_ASSERT(fd >= 0);
	memset(&a, 0, sizeof(a));
	a.s = fd;
	KT_ASSERT_EQ(KT_ERR(sys_listen(curthread, &a)), -ENOTSOCK);
	a.s = fd + 1;
	KT_ASSERT_EQ(KT_ERR(sys_listen(curthread, &a)), -EBADF);
	KT_ASSERT_EQ(kt_close(fd), 0);
	ktp_leave(p);
}
