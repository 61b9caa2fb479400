/*
 * socket_signal_test: signals and ioctls of AF_UNIX sockets as FreeBSD
 * programs see them: SIGPIPE with EPIPE on writing to a connection that
 * cannot take data, suppressed by MSG_NOSIGNAL and SO_NOSIGPIPE; SIGIO on
 * readiness once FIOASYNC (or O_ASYNC) and an owner (FIOSETOWN, F_SETOWN)
 * are set; the calls that read the owner back (FIOGETOWN, F_GETOWN, and
 * SIOCGPGRP negated); MSG_OOB refused with EOPNOTSUPP; SIOCATMARK,
 * FIONREAD, FIONWRITE, FIONSPACE, FIONBIO.
 */
#include <sys/types.h>
#include <sys/filio.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/sockio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

static volatile sig_atomic_t sigpipes;

static void
on_sigpipe(int sig)
{
	sigpipes++;
}

static void
catch_sigpipe(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigpipe;
	sigemptyset(&sa.sa_mask);
	ATF_REQUIRE_EQ(sigaction(SIGPIPE, &sa, NULL), 0);
	sigpipes = 0;
}

static int
ioctl_int(int fd, unsigned long req)
{
	int v = -12345;

	ATF_REQUIRE_MSG(ioctl(fd, req, &v) == 0, "ioctl %#lx: %s", req,
	    strerror(errno));
	return (v);
}

static void
ioctl_set_int(int fd, unsigned long req, int v)
{
	ATF_REQUIRE_MSG(ioctl(fd, req, &v) == 0, "ioctl %#lx(%d): %s", req, v,
	    strerror(errno));
}

/* Polls an int ioctl until it reads want (hang guard); returns the last. */
static int
wait_ioctl_int(int fd, unsigned long req, int want)
{
	int i, v = 0;

	for (i = 0; i < SETTLE_TRIES; i++) {
		if ((v = ioctl_int(fd, req)) == want)
			break;
		usleep(SETTLE_STEP_US);
	}
	return (v);
}

/*
 * One message there and back on sv: once it has come back, every wakeup
 * the earlier traffic caused has been delivered.
 */
static void
round_trip(int sv[2])
{
	char c;

	ATF_REQUIRE_EQ(write(sv[0], "t", 1), 1);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 1);
	ATF_REQUIRE_EQ(write(sv[1], "t", 1), 1);
	ATF_REQUIRE_EQ(read(sv[0], &c, 1), 1);
}

/* ---- SIGPIPE ------------------------------------------------------------- */

SOCKET_TC(write_to_closed_peer_EPIPE_and_SIGPIPE)
{
	char c;
	int sv[2];

	catch_sigpipe();
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
	ATF_REQUIRE_EQ(read(sv[0], &c, 1), 0);	/* the close has landed */
	ATF_REQUIRE_ERRNO(EPIPE, write(sv[0], "x", 1) == -1);
	ATF_REQUIRE_EQ(sigpipes, 1);
	ATF_REQUIRE_ERRNO(EPIPE, send(sv[0], "x", 1, 0) == -1);
	ATF_REQUIRE_EQ(sigpipes, 2);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
}

SOCKET_TC(write_after_own_shutdown_wr_EPIPE_and_SIGPIPE)
{
	int sv[2];

	catch_sigpipe();
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_ERRNO(EPIPE, write(sv[0], "x", 1) == -1);
	ATF_REQUIRE_EQ(sigpipes, 1);
	close_pair(sv);
}

SOCKET_TC(sendmsg_to_closed_peer_EPIPE_and_SIGPIPE)
{
	struct msghdr msg;
	struct iovec iov;
	char c;
	int sv[2];

	catch_sigpipe();
	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
	ATF_REQUIRE_EQ(recv(sv[0], &c, 1, 0), 0);
	iov.iov_base = "m";
	iov.iov_len = 1;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ATF_REQUIRE_ERRNO(EPIPE, sendmsg(sv[0], &msg, MSG_EOR) == -1);
	ATF_REQUIRE_EQ(sigpipes, 1);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
}

SOCKET_TC(dgram_send_after_shutdown_wr_EPIPE_and_SIGPIPE)
{
	int sv[2];

	catch_sigpipe();
	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_ERRNO(EPIPE, send(sv[0], "x", 1, 0) == -1);
	ATF_REQUIRE_EQ(sigpipes, 1);
	close_pair(sv);
}

SOCKET_TC(sigpipe_kills_the_writer_by_default)
{
	int status;
	pid_t pid;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		int sv[2];

		signal(SIGPIPE, SIG_DFL);
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 ||
		    shutdown(sv[0], SHUT_WR) != 0)
			_exit(1);
		(void)write(sv[0], "x", 1);
		_exit(2);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE_MSG(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	    "status %#x", status);
}

/* A blocked SIGPIPE is left pending, not lost. */
SOCKET_TC(blocked_sigpipe_stays_pending)
{
	int sv[2];

	block_signal(SIGPIPE);
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_ERRNO(EPIPE, write(sv[0], "x", 1) == -1);
	ATF_REQUIRE(signal_pending(SIGPIPE));
	ATF_REQUIRE_EQ(wait_signal(SIGPIPE), SIGPIPE);
	close_pair(sv);
}

SOCKET_TC(msg_nosignal_gives_EPIPE_without_SIGPIPE)
{
	int sv[2];

	catch_sigpipe();
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_ERRNO(EPIPE, send(sv[0], "x", 1, MSG_NOSIGNAL) == -1);
	ATF_REQUIRE_EQ(sigpipes, 0);
	/* The flag is per call. */
	ATF_REQUIRE_ERRNO(EPIPE, send(sv[0], "x", 1, 0) == -1);
	ATF_REQUIRE_EQ(sigpipes, 1);
	close_pair(sv);
}

/* SO_NOSIGPIPE covers every way of writing: write, send, sendmsg. */
SOCKET_TC(so_nosigpipe_gives_EPIPE_without_SIGPIPE)
{
	struct msghdr msg;
	struct iovec iov;
	int sv[2];

	catch_sigpipe();
	unix_pair(SOCK_STREAM, sv);
	set_sockopt_int(sv[0], SOL_SOCKET, SO_NOSIGPIPE, 1);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_ERRNO(EPIPE, write(sv[0], "x", 1) == -1);
	ATF_REQUIRE_ERRNO(EPIPE, send(sv[0], "x", 1, 0) == -1);
	iov.iov_base = "x";
	iov.iov_len = 1;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ATF_REQUIRE_ERRNO(EPIPE, sendmsg(sv[0], &msg, 0) == -1);
	ATF_REQUIRE_EQ(sigpipes, 0);
	set_sockopt_int(sv[0], SOL_SOCKET, SO_NOSIGPIPE, 0);
	ATF_REQUIRE_ERRNO(EPIPE, write(sv[0], "x", 1) == -1);
	ATF_REQUIRE_EQ(sigpipes, 1);
	close_pair(sv);
}

/* ---- SIGIO --------------------------------------------------------------- */

SOCKET_TC(fioasync_and_fiosetown_deliver_SIGIO_on_arriving_data)
{
	int sv[2];

	hold_signal(SIGIO);
	unix_pair(SOCK_STREAM, sv);
	ioctl_set_int(sv[1], FIOSETOWN, getpid());
	ioctl_set_int(sv[1], FIOASYNC, 1);
	ATF_REQUIRE_EQ(write(sv[0], "s", 1), 1);
	ATF_REQUIRE_EQ(wait_signal(SIGIO), SIGIO);
	close_pair(sv);
}

SOCKET_TC(o_async_and_f_setown_deliver_SIGIO_on_arriving_data)
{
	int sv[2], fl;

	hold_signal(SIGIO);
	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(fcntl(sv[1], F_SETOWN, getpid()), 0);
	fl = fcntl(sv[1], F_GETFL);
	ATF_REQUIRE_EQ(fcntl(sv[1], F_SETFL, fl | O_ASYNC), 0);
	ATF_REQUIRE(fcntl(sv[1], F_GETFL) & O_ASYNC);
	ATF_REQUIRE_EQ(send(sv[0], "d", 1, 0), 1);
	ATF_REQUIRE_EQ(wait_signal(SIGIO), SIGIO);
	close_pair(sv);
}

/* An owner without async mode gets nothing. */
SOCKET_TC(no_SIGIO_without_async_mode)
{
	char c;
	int sv[2];

	hold_signal(SIGIO);
	unix_pair(SOCK_STREAM, sv);
	ioctl_set_int(sv[1], FIOSETOWN, getpid());
	ATF_REQUIRE_EQ(write(sv[0], "q", 1), 1);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 1);
	round_trip(sv);
	ATF_REQUIRE(!signal_pending(SIGIO));
	close_pair(sv);
}

/* Async mode without an owner has nobody to signal. */
SOCKET_TC(no_SIGIO_without_owner)
{
	char c;
	int sv[2];

	hold_signal(SIGIO);
	unix_pair(SOCK_STREAM, sv);
	ioctl_set_int(sv[1], FIOASYNC, 1);
	ATF_REQUIRE_EQ(write(sv[0], "q", 1), 1);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 1);
	round_trip(sv);
	ATF_REQUIRE(!signal_pending(SIGIO));
	close_pair(sv);
}

SOCKET_TC(async_listener_gets_SIGIO_on_new_connection)
{
	int l, c, a;

	hold_signal(SIGIO);
	l = unix_listener(SOCK_STREAM, "sigio_l.sock", 5);
	ioctl_set_int(l, FIOSETOWN, getpid());
	ioctl_set_int(l, FIOASYNC, 1);
	c = unix_client(SOCK_STREAM, "sigio_l.sock");
	ATF_REQUIRE_EQ(wait_signal(SIGIO), SIGIO);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* No owner at first; FIOSETOWN/F_SETOWN and FIOGETOWN/F_GETOWN name the
 * same owner. */
SOCKET_TC(fiosetown_and_f_setown_read_back_either_way)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIOGETOWN), 0);
	ATF_REQUIRE_EQ(fcntl(sv[0], F_GETOWN), 0);
	ioctl_set_int(sv[0], FIOSETOWN, getpid());
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIOGETOWN), getpid());
	ATF_REQUIRE_EQ(fcntl(sv[0], F_GETOWN), getpid());
	ATF_REQUIRE_EQ(fcntl(sv[1], F_SETOWN, getpid()), 0);
	ATF_REQUIRE_EQ(ioctl_int(sv[1], FIOGETOWN), getpid());
	ioctl_set_int(sv[0], FIOSETOWN, 0);
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIOGETOWN), 0);
	close_pair(sv);
}

/* SIOCSPGRP and SIOCGPGRP speak in process groups: the owner negated. */
SOCKET_TC(siocspgrp_and_siocgpgrp_negate_the_owner)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ioctl_set_int(sv[0], FIOSETOWN, getpid());
	ATF_REQUIRE_EQ(ioctl_int(sv[0], SIOCGPGRP), -getpid());
	ioctl_set_int(sv[0], SIOCSPGRP, -getpid());
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIOGETOWN), getpid());
	ATF_REQUIRE_EQ(fcntl(sv[0], F_GETOWN), getpid());
	close_pair(sv);
}

SOCKET_TC(fiosetown_to_process_that_does_not_exist_ESRCH)
{
	int sv[2], gone;
	pid_t pid;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0)
		_exit(0);
	wait_child_ok(pid);
	gone = pid;
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(ESRCH, ioctl(sv[0], FIOSETOWN, &gone) == -1);
	ATF_REQUIRE_ERRNO(ESRCH, fcntl(sv[0], F_SETOWN, gone) == -1);
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIOGETOWN), 0);
	close_pair(sv);
}

/* accept(2) passes the listener's owner on; accept4(2) does not. */
SOCKET_TC(accept_inherits_owner_and_accept4_does_not)
{
	int l, c1, c2, a1, a2;

	l = unix_listener(SOCK_STREAM, "owner_l.sock", 5);
	ioctl_set_int(l, FIOSETOWN, getpid());
	c1 = unix_client(SOCK_STREAM, "owner_l.sock");
	c2 = unix_client(SOCK_STREAM, "owner_l.sock");
	a1 = accept(l, NULL, NULL);
	ATF_REQUIRE(a1 >= 0);
	ATF_REQUIRE_EQ(ioctl_int(a1, FIOGETOWN), getpid());
	a2 = accept4(l, NULL, NULL, 0);
	ATF_REQUIRE(a2 >= 0);
	ATF_REQUIRE_EQ(ioctl_int(a2, FIOGETOWN), 0);
	ATF_REQUIRE_EQ(close(a1), 0);
	ATF_REQUIRE_EQ(close(a2), 0);
	ATF_REQUIRE_EQ(close(c1), 0);
	ATF_REQUIRE_EQ(close(c2), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* ---- Out-of-band data ---------------------------------------------------- */

/* AF_UNIX has no out-of-band data. */
SOCKET_TC(msg_oob_on_unix_sockets_EOPNOTSUPP)
{
	static const int types[3] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };
	char c;
	int sv[2], i;

	for (i = 0; i < 3; i++) {
		unix_pair(types[i], sv);
		ATF_CHECK_ERRNO(EOPNOTSUPP, send(sv[0], "o", 1, MSG_OOB) == -1);
		ATF_CHECK_ERRNO(EOPNOTSUPP,
		    recv(sv[1], &c, 1, MSG_OOB | MSG_DONTWAIT) == -1);
		ATF_CHECK_ERRNO(EAGAIN, recv(sv[1], &c, 1, MSG_DONTWAIT) == -1);
		close_pair(sv);
	}
}

SOCKET_TC(siocatmark_and_sockatmark_report_0)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(ioctl_int(sv[1], SIOCATMARK), 0);
	ATF_REQUIRE_EQ(write(sv[0], "m", 1), 1);
	ATF_REQUIRE_EQ(wait_fionread(sv[1], 1), 1);
	ATF_REQUIRE_EQ(ioctl_int(sv[1], SIOCATMARK), 0);
	ATF_REQUIRE_EQ(sockatmark(sv[1]), 0);
	close_pair(sv);
}

/* ---- Byte-count ioctls and FIONBIO --------------------------------------- */

SOCKET_TC(fionread_reports_bytes_waiting)
{
	char buf[4];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(ioctl_int(sv[1], FIONREAD), 0);
	ATF_REQUIRE_EQ(write(sv[0], "0123456789", 10), 10);
	ATF_REQUIRE_EQ(wait_fionread(sv[1], 10), 10);
	read_all(sv[1], buf, 4);
	ATF_REQUIRE_EQ(ioctl_int(sv[1], FIONREAD), 6);
	close_pair(sv);
}

/* Local streams deliver straight into the peer's receive buffer, so
 * nothing is ever left "to write" once the peer has it. */
SOCKET_TC(fionwrite_is_0_with_nothing_queued)
{
	size_t filled;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIONWRITE), 0);
	filled = fill_socket(sv[0], 1024, 1);
	read_discard(sv[1], filled);
	ATF_REQUIRE_EQ(wait_ioctl_int(sv[0], FIONWRITE, 0), 0);
	close_pair(sv);
}

SOCKET_TC(fionspace_is_send_buffer_when_idle_and_0_when_full)
{
	size_t filled;
	int sv[2], snd;

	unix_pair(SOCK_STREAM, sv);
	snd = sockopt_int(sv[0], SOL_SOCKET, SO_SNDBUF);
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIONSPACE), snd);
	filled = fill_socket(sv[0], 1024, 1);
	ATF_REQUIRE_EQ(ioctl_int(sv[0], FIONSPACE), 0);
	read_discard(sv[1], filled);
	ATF_REQUIRE_EQ(wait_ioctl_int(sv[0], FIONSPACE, snd), snd);
	close_pair(sv);
}

/* FIONBIO switches non-blocking mode, and the file status flags agree. */
SOCKET_TC(fionbio_switches_nonblocking_mode)
{
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ioctl_set_int(sv[1], FIONBIO, 1);
	ATF_REQUIRE(fcntl(sv[1], F_GETFL) & O_NONBLOCK);
	ATF_REQUIRE_ERRNO(EAGAIN, read(sv[1], &c, 1) == -1);
	ioctl_set_int(sv[1], FIONBIO, 0);
	ATF_REQUIRE_EQ(fcntl(sv[1], F_GETFL) & O_NONBLOCK, 0);
	ATF_REQUIRE_EQ(write(sv[0], "b", 1), 1);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 1);
	close_pair(sv);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, write_to_closed_peer_EPIPE_and_SIGPIPE);
	ATF_TP_ADD_TC(tp, write_after_own_shutdown_wr_EPIPE_and_SIGPIPE);
	ATF_TP_ADD_TC(tp, sendmsg_to_closed_peer_EPIPE_and_SIGPIPE);
	ATF_TP_ADD_TC(tp, dgram_send_after_shutdown_wr_EPIPE_and_SIGPIPE);
	ATF_TP_ADD_TC(tp, sigpipe_kills_the_writer_by_default);
	ATF_TP_ADD_TC(tp, blocked_sigpipe_stays_pending);
	ATF_TP_ADD_TC(tp, msg_nosignal_gives_EPIPE_without_SIGPIPE);
	ATF_TP_ADD_TC(tp, so_nosigpipe_gives_EPIPE_without_SIGPIPE);
	ATF_TP_ADD_TC(tp,
	    fioasync_and_fiosetown_deliver_SIGIO_on_arriving_data);
	ATF_TP_ADD_TC(tp, o_async_and_f_setown_deliver_SIGIO_on_arriving_data);
	ATF_TP_ADD_TC(tp, no_SIGIO_without_async_mode);
	ATF_TP_ADD_TC(tp, no_SIGIO_without_owner);
	ATF_TP_ADD_TC(tp, async_listener_gets_SIGIO_on_new_connection);
	ATF_TP_ADD_TC(tp, fiosetown_and_f_setown_read_back_either_way);
	ATF_TP_ADD_TC(tp, siocspgrp_and_siocgpgrp_negate_the_owner);
	ATF_TP_ADD_TC(tp, fiosetown_to_process_that_does_not_exist_ESRCH);
	ATF_TP_ADD_TC(tp, accept_inherits_owner_and_accept4_does_not);
	ATF_TP_ADD_TC(tp, msg_oob_on_unix_sockets_EOPNOTSUPP);
	ATF_TP_ADD_TC(tp, siocatmark_and_sockatmark_report_0);
	ATF_TP_ADD_TC(tp, fionread_reports_bytes_waiting);
	ATF_TP_ADD_TC(tp, fionwrite_is_0_with_nothing_queued);
	ATF_TP_ADD_TC(tp, fionspace_is_send_buffer_when_idle_and_0_when_full);
	ATF_TP_ADD_TC(tp, fionbio_switches_nonblocking_mode);
	return (atf_no_error());
}
