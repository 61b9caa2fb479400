/*
 * unix_scm_test: control messages and credentials on AF_UNIX sockets, as
 * FreeBSD's unix(4) describes them: SCM_RIGHTS (one descriptor, several
 * per message, over each socket type, MSG_CTRUNC and a missing control
 * buffer closing what could not be delivered, MSG_CMSG_CLOEXEC, EBADF,
 * malformed control messages), descriptors in flight
 * (kern.ipc.unp_inflight) and the garbage collector that frees sockets
 * only reachable from their own or each other's queues
 * (kern.ipc.unp_gc_runs, kern.ipc.unp_gc_collected); SCM_CREDS filled in
 * by the kernel, LOCAL_CREDS, LOCAL_PEERCRED and getpeereid(3).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

#define	MAXFDS		8

union control {
	struct cmsghdr	hdr;
	char		buf[CMSG_SPACE(sizeof(int) * MAXFDS) +
			    CMSG_SPACE(sizeof(struct cmsgcred)) + 256];
};

/* Sends one byte (or data) with n descriptors in one SCM_RIGHTS message. */
static ssize_t
send_fds_flags(int s, const int *fds, int n, const void *data, size_t len,
    int flags);

static ssize_t
send_fds(int s, const int *fds, int n, const void *data, size_t len)
{
	return (send_fds_flags(s, fds, n, data, len, 0));
}

static ssize_t
send_fds_flags(int s, const int *fds, int n, const void *data, size_t len,
    int flags)
{
	union control ctl;
	struct cmsghdr *cm;
	struct msghdr msg;
	struct iovec iov;

	ATF_REQUIRE(n > 0 && n <= MAXFDS);
	iov.iov_base = (void *)(data != NULL ? data : "F");
	iov.iov_len = data != NULL ? len : 1;
	memset(&msg, 0, sizeof(msg));
	memset(&ctl, 0, sizeof(ctl));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf;
	msg.msg_controllen = CMSG_SPACE(sizeof(int) * n);
	cm = CMSG_FIRSTHDR(&msg);
	cm->cmsg_len = CMSG_LEN(sizeof(int) * n);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	memcpy(CMSG_DATA(cm), fds, sizeof(int) * n);
	return (sendmsg(s, &msg, flags));
}

/*
 * Receives one message with a control buffer of ctllen bytes; stores up
 * to max descriptors from SCM_RIGHTS in fds.  Returns the number of
 * descriptors; *flags gets msg_flags.
 */
static int
recv_fds(int s, int *fds, int max, size_t ctllen, int rflags, int *flags)
{
	union control ctl;
	struct cmsghdr *cm;
	struct msghdr msg;
	struct iovec iov;
	char buf[64];
	int n = 0, k;

	ATF_REQUIRE(ctllen <= sizeof(ctl.buf));
	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctllen > 0 ? ctl.buf : NULL;
	msg.msg_controllen = ctllen;
	ATF_REQUIRE_MSG(recvmsg(s, &msg, rflags) >= 0, "recvmsg: %s",
	    strerror(errno));
	*flags = msg.msg_flags;
	if (ctllen == 0)
		return (0);
	for (cm = CMSG_FIRSTHDR(&msg); cm != NULL; cm = CMSG_NXTHDR(&msg, cm)) {
		if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
			continue;
		k = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		ATF_REQUIRE(n + k <= max);
		memcpy(fds + n, CMSG_DATA(cm), k * sizeof(int));
		n += k;
	}
	return (n);
}

/* The pipe's write end works through fd: what goes in comes out of rd. */
static void
check_pipe_writer(int fd, int rd, char tag)
{
	char c;

	ATF_REQUIRE_EQ(write(fd, &tag, 1), 1);
	ATF_REQUIRE_EQ(read(rd, &c, 1), 1);
	ATF_REQUIRE_EQ(c, tag);
}

/*
 * Closing an AF_UNIX socket while descriptors are in flight schedules a
 * garbage collection (FreeBSD's uipc_detach); this makes one happen.
 */
static void
gc_nudge(void)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	close_pair(sv);
}

/* ---- SCM_RIGHTS ---------------------------------------------------------- */

SOCKET_TC(scm_rights_passes_a_descriptor)
{
	int sv[2], p[2], fd, fl;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_EQ(send_fds(sv[0], &p[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(close(p[1]), 0);
	ATF_REQUIRE_EQ(recv_fds(sv[1], &fd, 1, sizeof(union control), 0, &fl),
	    1);
	ATF_REQUIRE_EQ(fl & (MSG_CTRUNC | MSG_TRUNC), 0);
	check_pipe_writer(fd, p[0], 'p');
	ATF_REQUIRE_EQ(close(fd), 0);
	ATF_REQUIRE_EQ(read(p[0], &fl, 1), 0);	/* that was the last writer */
	ATF_REQUIRE_EQ(close(p[0]), 0);
	close_pair(sv);
}

/*
 * A send refused before its descriptors were taken (MSG_OOB: AF_UNIX has
 * no urgent data) drops the message as the user wrote it: descriptor
 * numbers, not files.  (Once it was handed to the collector as files:
 * a page fault in the unp_gc thread.)
 */
SOCKET_TC(scm_rights_with_MSG_OOB_EOPNOTSUPP_leaves_descriptors_alone)
{
	int sv[2], p[2];
	char c;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_ERRNO(EOPNOTSUPP,
	    send_fds_flags(sv[0], p, 2, NULL, 0, MSG_OOB) == -1);
	ATF_REQUIRE_EQ(write(p[1], "z", 1), 1);
	ATF_REQUIRE_EQ(read(p[0], &c, 1), 1);
	ATF_REQUIRE_EQ(c, 'z');
	ATF_REQUIRE_EQ(sysctl_long("kern.ipc.unp_inflight"), 0);
	close(p[0]);
	close(p[1]);
	close_pair(sv);
}

SOCKET_TC(scm_rights_passes_several_descriptors_in_order)
{
	int sv[2], p[3][2], in[3], out[3], i, fl;

	unix_pair(SOCK_STREAM, sv);
	for (i = 0; i < 3; i++) {
		ATF_REQUIRE_EQ(pipe(p[i]), 0);
		in[i] = p[i][1];
	}
	ATF_REQUIRE_EQ(send_fds(sv[0], in, 3, NULL, 0), 1);
	ATF_REQUIRE_EQ(recv_fds(sv[1], out, 3, sizeof(union control), 0, &fl),
	    3);
	for (i = 0; i < 3; i++) {
		check_pipe_writer(out[i], p[i][0], 'a' + i);
		ATF_REQUIRE_EQ(close(out[i]), 0);
		ATF_REQUIRE_EQ(close(p[i][0]), 0);
		ATF_REQUIRE_EQ(close(p[i][1]), 0);
	}
	close_pair(sv);
}

SOCKET_TC(received_descriptor_is_a_new_number_for_the_same_file)
{
	struct stat a, b;
	int sv[2], fd, fl, f;

	f = open("passed.file", O_CREAT | O_RDWR, 0644);
	ATF_REQUIRE(f >= 0);
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(send_fds(sv[0], &f, 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(recv_fds(sv[1], &fd, 1, sizeof(union control), 0, &fl),
	    1);
	ATF_REQUIRE(fd != f);
	ATF_REQUIRE_EQ(fstat(f, &a), 0);
	ATF_REQUIRE_EQ(fstat(fd, &b), 0);
	ATF_REQUIRE(a.st_dev == b.st_dev && a.st_ino == b.st_ino);
	/* The open file (and its offset) is shared, not reopened. */
	ATF_REQUIRE_EQ(write(fd, "xyz", 3), 3);
	ATF_REQUIRE_EQ(lseek(f, 0, SEEK_CUR), 3);
	ATF_REQUIRE_EQ(close(fd), 0);
	ATF_REQUIRE_EQ(close(f), 0);
	close_pair(sv);
}

SOCKET_TC(scm_rights_over_dgram_and_seqpacket)
{
	static const int types[2] = { SOCK_DGRAM, SOCK_SEQPACKET };
	int sv[2], p[2], fd, fl, i;

	ATF_REQUIRE_EQ(pipe(p), 0);
	for (i = 0; i < 2; i++) {
		unix_pair(types[i], sv);
		ATF_REQUIRE_EQ(send_fds(sv[0], &p[1], 1, NULL, 0), 1);
		ATF_REQUIRE_EQ(recv_fds(sv[1], &fd, 1, sizeof(union control),
		    0, &fl), 1);
		check_pipe_writer(fd, p[0], '0' + i);
		ATF_REQUIRE_EQ(close(fd), 0);
		close_pair(sv);
	}
	ATF_REQUIRE_EQ(close(p[0]), 0);
	ATF_REQUIRE_EQ(close(p[1]), 0);
}

/* Passing a descriptor to another process: it works there. */
SOCKET_TC(passed_descriptor_works_in_another_process)
{
	int sv[2], p[2];
	pid_t pid;
	char c;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		int fd, fl;

		close(p[1]);
		close(p[0]);
		if (recv_fds(sv[1], &fd, 1, sizeof(union control), 0,
		    &fl) != 1)
			_exit(1);
		_exit(write(fd, "c", 1) == 1 ? 0 : 2);
	}
	ATF_REQUIRE_EQ(send_fds(sv[0], &p[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(close(p[1]), 0);
	ATF_REQUIRE_EQ(read(p[0], &c, 1), 1);
	ATF_REQUIRE_EQ(c, 'c');
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(read(p[0], &c, 1), 0);
	ATF_REQUIRE_EQ(close(p[0]), 0);
	close_pair(sv);
}

/*
 * recvmsg(2): descriptors that do not fit in the control buffer are
 * closed and MSG_CTRUNC is set; none is left in the receiver's table.
 */
SOCKET_TC(short_control_buffer_MSG_CTRUNC_closes_descriptors)
{
	int sv[2], p[2], fd, fl, before;
	char c;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_EQ(send_fds(sv[0], &p[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(close(p[1]), 0);
	before = open_fd_count();
	ATF_REQUIRE_EQ(recv_fds(sv[1], &fd, 1, CMSG_LEN(0), 0, &fl), 0);
	ATF_REQUIRE(fl & MSG_CTRUNC);
	ATF_REQUIRE_EQ(open_fd_count(), before);
	ATF_REQUIRE_EQ(read(p[0], &c, 1), 0);	/* the writer is gone */
	ATF_REQUIRE_EQ(close(p[0]), 0);
	close_pair(sv);
}

/* A receive with no control buffer at all discards the descriptors. */
SOCKET_TC(recv_without_control_buffer_closes_descriptors)
{
	int sv[2], p[2], fd, fl, before;
	char c;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_EQ(send_fds(sv[0], &p[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(close(p[1]), 0);
	before = open_fd_count();
	ATF_REQUIRE_EQ(recv_fds(sv[1], &fd, 1, 0, 0, &fl), 0);
	ATF_REQUIRE_EQ(open_fd_count(), before);
	ATF_REQUIRE_EQ(read(p[0], &c, 1), 0);
	ATF_REQUIRE_EQ(close(p[0]), 0);
	close_pair(sv);
}

SOCKET_TC(msg_cmsg_cloexec_sets_close_on_exec_on_received_descriptors)
{
	int sv[2], p[2], fd[2], fl;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_EQ(send_fds(sv[0], p, 2, NULL, 0), 1);
	ATF_REQUIRE_EQ(recv_fds(sv[1], fd, 2, sizeof(union control),
	    MSG_CMSG_CLOEXEC, &fl), 2);
	ATF_REQUIRE_EQ(fcntl(fd[0], F_GETFD), FD_CLOEXEC);
	ATF_REQUIRE_EQ(fcntl(fd[1], F_GETFD), FD_CLOEXEC);
	ATF_REQUIRE_EQ(close(fd[0]), 0);
	ATF_REQUIRE_EQ(close(fd[1]), 0);
	ATF_REQUIRE_EQ(send_fds(sv[0], p, 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(recv_fds(sv[1], fd, 1, sizeof(union control), 0, &fl),
	    1);
	ATF_REQUIRE_EQ(fcntl(fd[0], F_GETFD), 0);
	ATF_REQUIRE_EQ(close(fd[0]), 0);
	ATF_REQUIRE_EQ(close(p[0]), 0);
	ATF_REQUIRE_EQ(close(p[1]), 0);
	close_pair(sv);
}

/* One bad descriptor rejects the whole message: nothing is sent. */
SOCKET_TC(scm_rights_with_closed_descriptor_EBADF_sends_nothing)
{
	int sv[2], fds[2];
	char c;

	unix_pair(SOCK_STREAM, sv);
	fds[0] = dup(0);
	ATF_REQUIRE(fds[0] >= 0);
	fds[1] = dup(0);
	ATF_REQUIRE(fds[1] >= 0);
	ATF_REQUIRE_EQ(close(fds[1]), 0);
	ATF_REQUIRE_ERRNO(EBADF, send_fds(sv[0], fds, 2, NULL, 0) == -1);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], &c, 1, MSG_DONTWAIT) == -1);
	ATF_REQUIRE_EQ(close(fds[0]), 0);
	close_pair(sv);
}

/* Builds a one-cmsghdr message with the given level/type/len and sends it. */
static ssize_t
send_raw_cmsg(int s, int level, int type, socklen_t cmlen, socklen_t ctllen)
{
	union control ctl;
	struct cmsghdr *cm;
	struct msghdr msg;
	struct iovec iov;

	iov.iov_base = "m";
	iov.iov_len = 1;
	memset(&msg, 0, sizeof(msg));
	memset(&ctl, 0, sizeof(ctl));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf;
	msg.msg_controllen = ctllen;
	cm = (struct cmsghdr *)ctl.buf;
	cm->cmsg_len = cmlen;
	cm->cmsg_level = level;
	cm->cmsg_type = type;
	*(int *)CMSG_DATA(cm) = 0;
	return (sendmsg(s, &msg, 0));
}

SOCKET_TC(malformed_control_messages_EINVAL)
{
	int sv[2];
	char c;

	unix_pair(SOCK_STREAM, sv);
	/* Not SOL_SOCKET. */
	ATF_CHECK_ERRNO(EINVAL, send_raw_cmsg(sv[0], 12345, SCM_RIGHTS,
	    CMSG_LEN(sizeof(int)), CMSG_SPACE(sizeof(int))) == -1);
	/* A type AF_UNIX does not know. */
	ATF_CHECK_ERRNO(EINVAL, send_raw_cmsg(sv[0], SOL_SOCKET, 0x7f,
	    CMSG_LEN(sizeof(int)), CMSG_SPACE(sizeof(int))) == -1);
	/* cmsg_len past the end of the control buffer. */
	ATF_CHECK_ERRNO(EINVAL, send_raw_cmsg(sv[0], SOL_SOCKET, SCM_RIGHTS,
	    CMSG_LEN(sizeof(int)) + 64, CMSG_SPACE(sizeof(int))) == -1);
	/* cmsg_len shorter than its own header. */
	ATF_CHECK_ERRNO(EINVAL, send_raw_cmsg(sv[0], SOL_SOCKET, SCM_RIGHTS,
	    sizeof(struct cmsghdr) - 1, CMSG_SPACE(sizeof(int))) == -1);
	/* A control buffer too short to hold a header at all. */
	ATF_CHECK_ERRNO(EINVAL, send_raw_cmsg(sv[0], SOL_SOCKET, SCM_RIGHTS,
	    CMSG_LEN(sizeof(int)), sizeof(struct cmsghdr) - 1) == -1);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], &c, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

/* ---- Descriptors in flight and the garbage collector --------------------- */

SOCKET_TC(unp_inflight_counts_descriptors_until_received)
{
	long base;
	int sv[2], p[2], fd[2], fl;

	base = sysctl_long("kern.ipc.unp_inflight");
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_EQ(send_fds(sv[0], p, 2, NULL, 0), 1);
	ATF_REQUIRE_EQ(sysctl_long("kern.ipc.unp_inflight"), base + 2);
	ATF_REQUIRE_EQ(recv_fds(sv[1], fd, 2, sizeof(union control), 0, &fl),
	    2);
	ATF_REQUIRE_EQ(sysctl_long("kern.ipc.unp_inflight"), base);
	ATF_REQUIRE_EQ(close(fd[0]), 0);
	ATF_REQUIRE_EQ(close(fd[1]), 0);
	ATF_REQUIRE_EQ(close(p[0]), 0);
	ATF_REQUIRE_EQ(close(p[1]), 0);
	close_pair(sv);
}

/* Descriptors never received are released when their socket goes away. */
SOCKET_TC(closing_receiver_releases_unreceived_descriptors)
{
	int sv[2], p[2];
	char c;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(pipe(p), 0);
	ATF_REQUIRE_EQ(send_fds(sv[0], &p[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(close(p[1]), 0);
	close_pair(sv);
	ATF_REQUIRE_EQ(read(p[0], &c, 1), 0);	/* blocks until released */
	ATF_REQUIRE_EQ(close(p[0]), 0);
}

/*
 * A socket sent into its own receive queue and then closed is reachable
 * from nowhere but itself: the collector frees it.
 */
SOCKET_TC(socket_passed_over_itself_is_collected)
{
	long collected;
	int sv[2];

	collected = sysctl_long("kern.ipc.unp_gc_collected");
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(send_fds(sv[0], &sv[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(wait_fionread(sv[1], 1), 1);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	gc_nudge();
	ATF_REQUIRE(sysctl_wait_at_least("kern.ipc.unp_gc_collected",
	    collected + 1) >= collected + 1);
	/* counters_settle(): the socket and the fd in flight are gone. */
}

/* Two connections, each holding the other's socket in flight: a cycle. */
SOCKET_TC(cycle_of_two_connections_is_collected)
{
	long collected, runs;
	int a[2], b[2];

	collected = sysctl_long("kern.ipc.unp_gc_collected");
	runs = sysctl_long("kern.ipc.unp_gc_runs");
	unix_pair(SOCK_STREAM, a);
	unix_pair(SOCK_STREAM, b);
	ATF_REQUIRE_EQ(send_fds(b[0], &a[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(send_fds(a[0], &b[1], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(wait_fionread(a[1], 1), 1);
	ATF_REQUIRE_EQ(wait_fionread(b[1], 1), 1);
	ATF_REQUIRE_EQ(close(a[1]), 0);
	ATF_REQUIRE_EQ(close(b[1]), 0);
	ATF_REQUIRE_EQ(close(a[0]), 0);
	ATF_REQUIRE_EQ(close(b[0]), 0);
	gc_nudge();
	ATF_REQUIRE(sysctl_wait_at_least("kern.ipc.unp_gc_collected",
	    collected + 2) >= collected + 2);
	ATF_REQUIRE(sysctl_long("kern.ipc.unp_gc_runs") > runs);
}

/* A socket in flight to a receiver that is still open is reachable: a
 * collection leaves it alone and it works once received. */
SOCKET_TC(reachable_descriptor_in_flight_survives_collection)
{
	long runs;
	int a[2], b[2], fd, fl;
	char c;

	runs = sysctl_long("kern.ipc.unp_gc_runs");
	unix_pair(SOCK_STREAM, a);
	unix_pair(SOCK_STREAM, b);
	ATF_REQUIRE_EQ(send_fds(a[0], &b[0], 1, NULL, 0), 1);
	ATF_REQUIRE_EQ(close(b[0]), 0);
	gc_nudge();
	ATF_REQUIRE(sysctl_wait_at_least("kern.ipc.unp_gc_runs", runs + 1) >
	    runs);
	ATF_REQUIRE_EQ(recv_fds(a[1], &fd, 1, sizeof(union control), 0, &fl),
	    1);
	ATF_REQUIRE_EQ(write(fd, "r", 1), 1);
	ATF_REQUIRE_EQ(read(b[1], &c, 1), 1);
	ATF_REQUIRE_EQ(c, 'r');
	ATF_REQUIRE_EQ(close(fd), 0);
	close_pair(a);
	ATF_REQUIRE_EQ(close(b[1]), 0);
}

/* ---- Credentials --------------------------------------------------------- */

/* Finds the first SOL_SOCKET/type control message of msg. */
static struct cmsghdr *
find_cmsg(struct msghdr *msg, int type)
{
	struct cmsghdr *cm;

	for (cm = CMSG_FIRSTHDR(msg); cm != NULL; cm = CMSG_NXTHDR(msg, cm))
		if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == type)
			return (cm);
	return (NULL);
}

/* Receives one message of at most len bytes with its control data. */
static ssize_t
recv_with_control(int s, void *buf, size_t len, union control *ctl,
    struct msghdr *msg, struct iovec *iov)
{
	iov->iov_base = buf;
	iov->iov_len = len;
	memset(msg, 0, sizeof(*msg));
	memset(ctl, 0, sizeof(*ctl));
	msg->msg_iov = iov;
	msg->msg_iovlen = 1;
	msg->msg_control = ctl->buf;
	msg->msg_controllen = sizeof(ctl->buf);
	return (recvmsg(s, msg, 0));
}

static ssize_t
send_scm_creds(int s)
{
	union control ctl;
	struct cmsghdr *cm;
	struct msghdr msg;
	struct iovec iov;

	iov.iov_base = "C";
	iov.iov_len = 1;
	memset(&msg, 0, sizeof(msg));
	memset(&ctl, 0xa5, sizeof(ctl));	/* the kernel overwrites it */
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf;
	msg.msg_controllen = CMSG_SPACE(sizeof(struct cmsgcred));
	cm = CMSG_FIRSTHDR(&msg);
	cm->cmsg_len = CMSG_LEN(sizeof(struct cmsgcred));
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_CREDS;
	return (sendmsg(s, &msg, 0));
}

/* unix(4) SCM_CREDS: the kernel fills in the sender's credentials. */
SOCKET_TC(scm_creds_is_filled_in_by_the_kernel)
{
	struct cmsgcred cred;
	union control ctl;
	struct cmsghdr *cm;
	struct msghdr msg;
	struct iovec iov;
	char c;
	int sv[2];
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		_exit(send_scm_creds(sv[0]) == 1 ? 0 : 1);
	wait_child_ok(pid);		/* queued, or the child failed */
	ATF_REQUIRE_EQ(recv_with_control(sv[1], &c, 1, &ctl, &msg, &iov), 1);
	cm = find_cmsg(&msg, SCM_CREDS);
	ATF_REQUIRE(cm != NULL);
	ATF_REQUIRE_EQ(cm->cmsg_len, CMSG_LEN(sizeof(struct cmsgcred)));
	memcpy(&cred, CMSG_DATA(cm), sizeof(cred));
	ATF_REQUIRE_EQ(cred.cmcred_pid, pid);
	ATF_REQUIRE_EQ(cred.cmcred_uid, getuid());
	ATF_REQUIRE_EQ(cred.cmcred_euid, geteuid());
	ATF_REQUIRE_EQ(cred.cmcred_gid, getgid());
	ATF_REQUIRE(cred.cmcred_ngroups >= 1 &&
	    cred.cmcred_ngroups <= CMGROUP_MAX);
	ATF_REQUIRE_EQ(cred.cmcred_groups[0], getegid());
	close_pair(sv);
}

SOCKET_TC(scm_creds_over_dgram)
{
	struct cmsgcred cred;
	union control ctl;
	struct cmsghdr *cm;
	struct msghdr msg;
	struct iovec iov;
	char c;
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(send_scm_creds(sv[0]), 1);
	ATF_REQUIRE_EQ(recv_with_control(sv[1], &c, 1, &ctl, &msg, &iov), 1);
	cm = find_cmsg(&msg, SCM_CREDS);
	ATF_REQUIRE(cm != NULL);
	memcpy(&cred, CMSG_DATA(cm), sizeof(cred));
	ATF_REQUIRE_EQ(cred.cmcred_pid, getpid());
	ATF_REQUIRE_EQ(cred.cmcred_euid, geteuid());
	close_pair(sv);
}

/* Checks that msg carries LOCAL_CREDS' SCM_CREDS (a struct sockcred) for
 * this process. */
static void
check_sockcred(struct msghdr *msg)
{
	struct sockcred sc;
	struct cmsghdr *cm;

	cm = find_cmsg(msg, SCM_CREDS);
	ATF_REQUIRE(cm != NULL);
	ATF_REQUIRE(cm->cmsg_len >= CMSG_LEN(SOCKCREDSIZE(1)));
	memcpy(&sc, CMSG_DATA(cm), sizeof(sc));
	ATF_REQUIRE_EQ(sc.sc_uid, getuid());
	ATF_REQUIRE_EQ(sc.sc_euid, geteuid());
	ATF_REQUIRE_EQ(sc.sc_gid, getgid());
	ATF_REQUIRE_EQ(sc.sc_egid, getegid());
	ATF_REQUIRE(sc.sc_ngroups >= 1 && sc.sc_ngroups <= CMGROUP_MAX);
	ATF_REQUIRE_EQ(cm->cmsg_len, CMSG_LEN(SOCKCREDSIZE(sc.sc_ngroups)));
}

SOCKET_TC(local_creds_set_then_read_back)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_LOCAL, LOCAL_CREDS), 0);
	set_sockopt_int(s, SOL_LOCAL, LOCAL_CREDS, 1);
	ATF_REQUIRE(sockopt_int(s, SOL_LOCAL, LOCAL_CREDS) != 0);
	set_sockopt_int(s, SOL_LOCAL, LOCAL_CREDS, 0);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_LOCAL, LOCAL_CREDS), 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* unix(4) LOCAL_CREDS on a stream: the credentials come with the first
 * message received after the option is set, and only that one. */
SOCKET_TC(local_creds_stream_receiver_gets_sockcred_once)
{
	union control ctl;
	struct msghdr msg;
	struct iovec iov;
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	set_sockopt_int(sv[1], SOL_LOCAL, LOCAL_CREDS, 1);
	ATF_REQUIRE_EQ(send(sv[0], "1", 1, 0), 1);
	ATF_REQUIRE_EQ(recv_with_control(sv[1], &c, 1, &ctl, &msg, &iov), 1);
	check_sockcred(&msg);
	ATF_REQUIRE_EQ(send(sv[0], "2", 1, 0), 1);
	ATF_REQUIRE_EQ(recv_with_control(sv[1], &c, 1, &ctl, &msg, &iov), 1);
	ATF_REQUIRE_EQ(c, '2');
	ATF_REQUIRE(find_cmsg(&msg, SCM_CREDS) == NULL);
	close_pair(sv);
}

/* On a datagram socket every datagram carries them. */
SOCKET_TC(local_creds_dgram_every_datagram_carries_sockcred)
{
	union control ctl;
	struct msghdr msg;
	struct iovec iov;
	char c;
	int sv[2], i;

	unix_pair(SOCK_DGRAM, sv);
	set_sockopt_int(sv[1], SOL_LOCAL, LOCAL_CREDS, 1);
	for (i = 0; i < 2; i++) {
		ATF_REQUIRE_EQ(send(sv[0], "d", 1, 0), 1);
		ATF_REQUIRE_EQ(recv_with_control(sv[1], &c, 1, &ctl, &msg,
		    &iov), 1);
		check_sockcred(&msg);
	}
	close_pair(sv);
}

static struct xucred
peercred(int s)
{
	struct xucred xu;
	socklen_t len = sizeof(xu);

	memset(&xu, 0, sizeof(xu));
	ATF_REQUIRE_MSG(getsockopt(s, SOL_LOCAL, LOCAL_PEERCRED, &xu, &len) ==
	    0, "LOCAL_PEERCRED: %s", strerror(errno));
	ATF_REQUIRE_EQ(len, sizeof(xu));
	ATF_REQUIRE_EQ(xu.cr_version, XUCRED_VERSION);
	return (xu);
}

/* The accepted socket's peer is the process that called connect(). */
SOCKET_TC(local_peercred_of_accepted_socket_is_connecting_process)
{
	struct xucred xu;
	int l, a, go[2];
	pid_t pid;
	char c;

	l = unix_listener(SOCK_STREAM, "peercred.sock", 5);
	ATF_REQUIRE_EQ(pipe(go), 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		int s;

		close(go[1]);
		s = socket(AF_UNIX, SOCK_STREAM, 0);
		if (s < 0 || unix_connect(s, "peercred.sock") != 0)
			_exit(1);
		/* Stay connected until the parent has looked. */
		_exit(read(go[0], &c, 1) == 0 ? 0 : 2);
	}
	ATF_REQUIRE_EQ(close(go[0]), 0);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	xu = peercred(a);
	ATF_REQUIRE_EQ(xu.cr_pid, pid);
	ATF_REQUIRE_EQ(xu.cr_uid, geteuid());
	ATF_REQUIRE(xu.cr_ngroups >= 1 && xu.cr_ngroups <= XU_NGROUPS);
	ATF_REQUIRE_EQ(xu.cr_gid, getegid());
	ATF_REQUIRE_EQ(close(go[1]), 0);
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* The client's peer is the process that called listen(). */
SOCKET_TC(local_peercred_of_client_is_listening_process)
{
	struct xucred xu;
	int c, ready[2];
	pid_t pid;
	char ch;

	ATF_REQUIRE_EQ(pipe(ready), 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		int l, a;

		close(ready[0]);
		l = socket(AF_UNIX, SOCK_STREAM, 0);
		if (l < 0)
			_exit(1);
		{
			struct sockaddr_un sun;
			socklen_t len = sun_fill(&sun, "listenercred.sock");

			if (bind(l, (struct sockaddr *)&sun, len) != 0 ||
			    listen(l, 5) != 0)
				_exit(2);
		}
		if (write(ready[1], "r", 1) != 1)
			_exit(3);
		a = accept(l, NULL, NULL);
		if (a < 0)
			_exit(4);
		_exit(read(a, &ch, 1) == 0 ? 0 : 5);
	}
	ATF_REQUIRE_EQ(close(ready[1]), 0);
	ATF_REQUIRE_EQ(read(ready[0], &ch, 1), 1);
	c = unix_client(SOCK_STREAM, "listenercred.sock");
	xu = peercred(c);
	ATF_REQUIRE_EQ(xu.cr_pid, pid);
	ATF_REQUIRE_EQ(xu.cr_uid, geteuid());
	ATF_REQUIRE_EQ(close(c), 0);
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(close(ready[0]), 0);
}

/* getpeereid(3): "ENOTCONN: The argument s does not refer to a socket
 * that is connected." */
SOCKET_TC(local_peercred_and_getpeereid_unconnected_stream_ENOTCONN)
{
	struct xucred xu;
	socklen_t len = sizeof(xu);
	uid_t uid;
	gid_t gid;
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENOTCONN,
	    getsockopt(s, SOL_LOCAL, LOCAL_PEERCRED, &xu, &len) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, getpeereid(s, &uid, &gid) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* A datagram socket has no connection-time credentials: EINVAL. */
SOCKET_TC(local_peercred_on_dgram_EINVAL)
{
	struct xucred xu;
	socklen_t len = sizeof(xu);
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_ERRNO(EINVAL,
	    getsockopt(sv[0], SOL_LOCAL, LOCAL_PEERCRED, &xu, &len) == -1);
	close_pair(sv);
}

/* FreeBSD records credentials on both ends of a socketpair(). */
SOCKET_TC(getpeereid_on_socketpair_is_own_ids)
{
	uid_t uid;
	gid_t gid;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(getpeereid(sv[0], &uid, &gid), 0);
	ATF_REQUIRE_EQ(uid, geteuid());
	ATF_REQUIRE_EQ(gid, getegid());
	ATF_REQUIRE_EQ(peercred(sv[1]).cr_pid, getpid());
	close_pair(sv);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, scm_rights_passes_a_descriptor);
	ATF_TP_ADD_TC(tp, scm_rights_with_MSG_OOB_EOPNOTSUPP_leaves_descriptors_alone);
	ATF_TP_ADD_TC(tp, scm_rights_passes_several_descriptors_in_order);
	ATF_TP_ADD_TC(tp,
	    received_descriptor_is_a_new_number_for_the_same_file);
	ATF_TP_ADD_TC(tp, scm_rights_over_dgram_and_seqpacket);
	ATF_TP_ADD_TC(tp, passed_descriptor_works_in_another_process);
	ATF_TP_ADD_TC(tp, short_control_buffer_MSG_CTRUNC_closes_descriptors);
	ATF_TP_ADD_TC(tp, recv_without_control_buffer_closes_descriptors);
	ATF_TP_ADD_TC(tp,
	    msg_cmsg_cloexec_sets_close_on_exec_on_received_descriptors);
	ATF_TP_ADD_TC(tp,
	    scm_rights_with_closed_descriptor_EBADF_sends_nothing);
	ATF_TP_ADD_TC(tp, malformed_control_messages_EINVAL);
	ATF_TP_ADD_TC(tp, unp_inflight_counts_descriptors_until_received);
	ATF_TP_ADD_TC(tp, closing_receiver_releases_unreceived_descriptors);
	ATF_TP_ADD_TC(tp, socket_passed_over_itself_is_collected);
	ATF_TP_ADD_TC(tp, cycle_of_two_connections_is_collected);
	ATF_TP_ADD_TC(tp, reachable_descriptor_in_flight_survives_collection);
	ATF_TP_ADD_TC(tp, scm_creds_is_filled_in_by_the_kernel);
	ATF_TP_ADD_TC(tp, scm_creds_over_dgram);
	ATF_TP_ADD_TC(tp, local_creds_set_then_read_back);
	ATF_TP_ADD_TC(tp, local_creds_stream_receiver_gets_sockcred_once);
	ATF_TP_ADD_TC(tp, local_creds_dgram_every_datagram_carries_sockcred);
	ATF_TP_ADD_TC(tp,
	    local_peercred_of_accepted_socket_is_connecting_process);
	ATF_TP_ADD_TC(tp, local_peercred_of_client_is_listening_process);
	ATF_TP_ADD_TC(tp,
	    local_peercred_and_getpeereid_unconnected_stream_ENOTCONN);
	ATF_TP_ADD_TC(tp, local_peercred_on_dgram_EINVAL);
	ATF_TP_ADD_TC(tp, getpeereid_on_socketpair_is_own_ids);
	return (atf_no_error());
}
