/*
 * socket_poll_test: poll(2) and select(2) readiness of AF_UNIX sockets in
 * every state, as FreeBSD's sopoll reports it: a connected idle socket is
 * writable only; arriving data makes it readable (POLLIN|POLLRDNORM); the
 * peer's SHUT_WR makes it readable with end of file but not hung up; the
 * peer's close adds POLLHUP; a full send side is not writable until the
 * peer drains; a listener is readable with a connection waiting and never
 * writable; a finished non-blocking connect is writable; SO_RCVLOWAT
 * holds POLLIN back.  Blocking polls wake when another process acts.
 */
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

/* select() on one descriptor; returns which of read/write it reported. */
#define	SEL_READ	1
#define	SEL_WRITE	2
static int
select_one(int fd, int want, int wait)
{
	struct timeval tv = { wait ? WAIT_MS / 1000 : 0, 0 };
	fd_set rd, wr;
	int n, got = 0;

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	if (want & SEL_READ)
		FD_SET(fd, &rd);
	if (want & SEL_WRITE)
		FD_SET(fd, &wr);
	n = select(fd + 1, &rd, &wr, NULL, &tv);
	ATF_REQUIRE_MSG(n >= 0, "select: %s", strerror(errno));
	if (FD_ISSET(fd, &rd))
		got |= SEL_READ;
	if (FD_ISSET(fd, &wr))
		got |= SEL_WRITE;
	return (got);
}

/* ---- poll(2) ------------------------------------------------------------- */

SOCKET_TC(connected_idle_stream_is_writable_only)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(poll_now(sv[0], POLLIN | POLLOUT), POLLOUT);
	ATF_REQUIRE_EQ(poll_now(sv[1], POLLIN | POLLPRI | POLLOUT), POLLOUT);
	close_pair(sv);
}

SOCKET_TC(arriving_data_sets_POLLIN_and_POLLRDNORM)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "d", 1), 1);
	ATF_REQUIRE_EQ(wait_fd(sv[1], POLLIN | POLLRDNORM),
	    POLLIN | POLLRDNORM);
	ATF_REQUIRE_EQ(poll_now(sv[1], POLLIN | POLLOUT), POLLIN | POLLOUT);
	close_pair(sv);
}

SOCKET_TC(blocked_poll_wakes_when_peer_writes)
{
	int sv[2];
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		usleep(100000);
		_exit(write(sv[0], "w", 1) == 1 ? 0 : 1);
	}
	ATF_REQUIRE_EQ(wait_fd(sv[1], POLLIN), POLLIN);
	wait_child_ok(pid);
	close_pair(sv);
}

/* The peer's SHUT_WR: readable (read returns 0), still writable, not
 * hung up. */
SOCKET_TC(peer_shutdown_wr_gives_POLLIN_without_POLLHUP)
{
	char c;
	int sv[2];
	short rev;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	rev = wait_revents(sv[1], POLLIN | POLLOUT, POLLIN);
	ATF_REQUIRE_EQ(rev, POLLIN | POLLOUT);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 0);
	close_pair(sv);
}

/* The peer's close: POLLHUP with POLLIN (read returns 0). */
SOCKET_TC(peer_close_gives_POLLHUP_and_POLLIN)
{
	char c;
	int sv[2];
	short rev;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	rev = wait_revents(sv[1], POLLIN, POLLIN | POLLHUP);
	ATF_REQUIRE_EQ(rev & (POLLIN | POLLHUP), POLLIN | POLLHUP);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

/* POLLHUP is reported even when not asked for. */
SOCKET_TC(peer_close_POLLHUP_reported_without_being_requested)
{
	int sv[2];
	short rev;

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	rev = wait_revents(sv[1], POLLOUT, POLLHUP);
	ATF_REQUIRE(rev & POLLHUP);
	ATF_REQUIRE_EQ(rev & POLLIN, 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

SOCKET_TC(full_send_side_is_not_writable)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	fill_socket(sv[0], 1024, 1);
	ATF_REQUIRE_EQ(poll_now(sv[0], POLLOUT | POLLWRNORM), 0);
	ATF_REQUIRE_EQ(poll_now(sv[1], POLLIN) & POLLIN, POLLIN);
	close_pair(sv);
}

/* A writer polling on a full socket wakes when another process drains. */
SOCKET_TC(blocked_poll_for_POLLOUT_wakes_when_peer_drains)
{
	size_t filled;
	int sv[2];
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	filled = fill_socket(sv[0], 1024, 1);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		usleep(100000);
		read_discard(sv[1], filled);
		_exit(0);
	}
	ATF_REQUIRE_EQ(wait_fd(sv[0], POLLOUT), POLLOUT);
	wait_child_ok(pid);
	close_pair(sv);
}

SOCKET_TC(listener_with_waiting_connection_is_readable_only)
{
	int l, c;

	l = unix_listener(SOCK_STREAM, "poll_l.sock", 5);
	c = unix_client(SOCK_STREAM, "poll_l.sock");
	ATF_REQUIRE_EQ(wait_fd(l, POLLIN | POLLRDNORM), POLLIN | POLLRDNORM);
	ATF_REQUIRE_EQ(poll_now(l, POLLIN | POLLOUT), POLLIN);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(idle_listener_reports_nothing)
{
	int l;

	l = unix_listener(SOCK_STREAM, "poll_idle.sock", 5);
	ATF_REQUIRE_EQ(poll_now(l, POLLIN | POLLOUT | POLLPRI), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(blocked_poll_on_listener_wakes_when_client_connects)
{
	int l, a;
	pid_t pid;

	l = unix_listener(SOCK_STREAM, "poll_wake.sock", 5);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		int c;

		usleep(100000);
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		_exit(c >= 0 && unix_connect(c, "poll_wake.sock") == 0 ? 0 : 1);
	}
	ATF_REQUIRE_EQ(wait_fd(l, POLLIN), POLLIN);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* connect(2): a non-blocking connect that is done is writable, with no
 * error pending (a local connect may even finish in the call). */
SOCKET_TC(finished_nonblocking_connect_is_writable)
{
	int l, c, a, r;

	l = unix_listener(SOCK_STREAM, "poll_nbc.sock", 5);
	c = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	ATF_REQUIRE(c >= 0);
	r = unix_connect(c, "poll_nbc.sock");
	ATF_REQUIRE(r == 0 || errno == EINPROGRESS);
	ATF_REQUIRE_EQ(wait_fd(c, POLLOUT), POLLOUT);
	ATF_REQUIRE_EQ(sockopt_int(c, SOL_SOCKET, SO_ERROR), 0);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* After our own SHUT_WR a write fails at once: writable, not hung up. */
SOCKET_TC(own_shutdown_wr_leaves_socket_writable)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_EQ(poll_now(sv[0], POLLIN | POLLOUT), POLLOUT);
	close_pair(sv);
}

SOCKET_TC(own_shutdown_rd_makes_socket_readable)
{
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_RD), 0);
	ATF_REQUIRE_EQ(poll_now(sv[0], POLLIN), POLLIN);
	ATF_REQUIRE_EQ(read(sv[0], &c, 1), 0);
	close_pair(sv);
}

SOCKET_TC(own_shutdown_rdwr_gives_POLLHUP)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_RDWR), 0);
	ATF_REQUIRE(poll_now(sv[0], POLLIN) & POLLHUP);
	close_pair(sv);
}

/* An unconnected stream socket can neither be read nor written. */
SOCKET_TC(unconnected_stream_reports_nothing)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_EQ(poll_now(s, POLLIN | POLLOUT), 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* A datagram socket needs no connection to send. */
SOCKET_TC(unconnected_dgram_is_writable)
{
	int s;

	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(poll_now(s, POLLIN | POLLOUT), POLLOUT);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(arriving_datagram_and_record_set_POLLIN)
{
	int d[2], q[2];

	unix_pair(SOCK_DGRAM, d);
	unix_pair(SOCK_SEQPACKET, q);
	ATF_REQUIRE_EQ(poll_now(d[1], POLLIN), 0);
	ATF_REQUIRE_EQ(poll_now(q[1], POLLIN), 0);
	ATF_REQUIRE_EQ(send(d[0], "g", 1, 0), 1);
	ATF_REQUIRE_EQ(send(q[0], "q", 1, MSG_EOR), 1);
	ATF_REQUIRE_EQ(wait_fd(d[1], POLLIN), POLLIN);
	ATF_REQUIRE_EQ(wait_fd(q[1], POLLIN), POLLIN);
	close_pair(d);
	close_pair(q);
}

/* POLLRDNORM and POLLWRNORM asked alone are answered alone. */
SOCKET_TC(rdnorm_and_wrnorm_are_reported_when_asked_alone)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "n", 1), 1);
	ATF_REQUIRE_EQ(wait_fd(sv[1], POLLRDNORM), POLLRDNORM);
	ATF_REQUIRE_EQ(poll_now(sv[1], POLLRDNORM | POLLWRNORM),
	    POLLRDNORM | POLLWRNORM);
	close_pair(sv);
}

/* Readable means at least SO_RCVLOWAT bytes (or end of file). */
SOCKET_TC(so_rcvlowat_holds_back_POLLIN)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	set_sockopt_int(sv[1], SOL_SOCKET, SO_RCVLOWAT, 10);
	ATF_REQUIRE_EQ(write(sv[0], "12345", 5), 5);
	ATF_REQUIRE_EQ(wait_fionread(sv[1], 5), 5);
	ATF_REQUIRE_EQ(poll_now(sv[1], POLLIN), 0);
	ATF_REQUIRE_EQ(write(sv[0], "67890", 5), 5);
	ATF_REQUIRE_EQ(wait_fd(sv[1], POLLIN), POLLIN);
	close_pair(sv);
}

/* The client of a connection aborted on the listener's queue hangs up. */
SOCKET_TC(queued_client_of_closed_listener_gets_POLLHUP)
{
	int l, c;
	short rev;

	l = unix_listener(SOCK_STREAM, "poll_abort.sock", 5);
	c = unix_client(SOCK_STREAM, "poll_abort.sock");
	ATF_REQUIRE_EQ(poll_now(c, POLLIN), 0);
	ATF_REQUIRE_EQ(close(l), 0);
	rev = wait_revents(c, POLLIN, POLLIN | POLLHUP);
	ATF_REQUIRE_EQ(rev & (POLLIN | POLLHUP), POLLIN | POLLHUP);
	ATF_REQUIRE_EQ(close(c), 0);
}

/* Of several sockets, only the ready one is reported. */
SOCKET_TC(poll_reports_only_the_ready_socket)
{
	struct pollfd pfd[3];
	int sv[3][2], i;

	for (i = 0; i < 3; i++) {
		unix_pair(SOCK_STREAM, sv[i]);
		pfd[i] = (struct pollfd){ .fd = sv[i][1], .events = POLLIN };
	}
	ATF_REQUIRE_EQ(write(sv[1][0], "m", 1), 1);
	ATF_REQUIRE_EQ(poll(pfd, 3, WAIT_MS), 1);
	ATF_REQUIRE_EQ(pfd[0].revents, 0);
	ATF_REQUIRE_EQ(pfd[1].revents, POLLIN);
	ATF_REQUIRE_EQ(pfd[2].revents, 0);
	for (i = 0; i < 3; i++)
		close_pair(sv[i]);
}

SOCKET_TC(select_idle_is_writable_and_arriving_data_readable)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(select_one(sv[1], SEL_READ | SEL_WRITE, 0), SEL_WRITE);
	ATF_REQUIRE_EQ(write(sv[0], "s", 1), 1);
	ATF_REQUIRE_EQ(select_one(sv[1], SEL_READ, 1), SEL_READ);
	close_pair(sv);
}

SOCKET_TC(select_full_send_side_is_not_writable)
{
	size_t filled;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	filled = fill_socket(sv[0], 1024, 1);
	ATF_REQUIRE_EQ(select_one(sv[0], SEL_WRITE, 0), 0);
	read_discard(sv[1], filled);
	ATF_REQUIRE_EQ(select_one(sv[0], SEL_WRITE, 1), SEL_WRITE);
	close_pair(sv);
}

SOCKET_TC(select_peer_close_is_readable)
{
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	ATF_REQUIRE_EQ(select_one(sv[1], SEL_READ, 1), SEL_READ);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

SOCKET_TC(select_listener_with_waiting_connection_is_readable)
{
	int l, c;

	l = unix_listener(SOCK_STREAM, "select_l.sock", 5);
	ATF_REQUIRE_EQ(select_one(l, SEL_READ | SEL_WRITE, 0), 0);
	c = unix_client(SOCK_STREAM, "select_l.sock");
	ATF_REQUIRE_EQ(select_one(l, SEL_READ, 1), SEL_READ);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(blocked_select_wakes_when_peer_writes)
{
	int sv[2];
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		usleep(100000);
		_exit(write(sv[0], "w", 1) == 1 ? 0 : 1);
	}
	ATF_REQUIRE_EQ(select_one(sv[1], SEL_READ, 1), SEL_READ);
	wait_child_ok(pid);
	close_pair(sv);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, connected_idle_stream_is_writable_only);
	ATF_TP_ADD_TC(tp, arriving_data_sets_POLLIN_and_POLLRDNORM);
	ATF_TP_ADD_TC(tp, blocked_poll_wakes_when_peer_writes);
	ATF_TP_ADD_TC(tp, peer_shutdown_wr_gives_POLLIN_without_POLLHUP);
	ATF_TP_ADD_TC(tp, peer_close_gives_POLLHUP_and_POLLIN);
	ATF_TP_ADD_TC(tp, peer_close_POLLHUP_reported_without_being_requested);
	ATF_TP_ADD_TC(tp, full_send_side_is_not_writable);
	ATF_TP_ADD_TC(tp, blocked_poll_for_POLLOUT_wakes_when_peer_drains);
	ATF_TP_ADD_TC(tp, listener_with_waiting_connection_is_readable_only);
	ATF_TP_ADD_TC(tp, idle_listener_reports_nothing);
	ATF_TP_ADD_TC(tp, blocked_poll_on_listener_wakes_when_client_connects);
	ATF_TP_ADD_TC(tp, finished_nonblocking_connect_is_writable);
	ATF_TP_ADD_TC(tp, own_shutdown_wr_leaves_socket_writable);
	ATF_TP_ADD_TC(tp, own_shutdown_rd_makes_socket_readable);
	ATF_TP_ADD_TC(tp, own_shutdown_rdwr_gives_POLLHUP);
	ATF_TP_ADD_TC(tp, unconnected_stream_reports_nothing);
	ATF_TP_ADD_TC(tp, unconnected_dgram_is_writable);
	ATF_TP_ADD_TC(tp, arriving_datagram_and_record_set_POLLIN);
	ATF_TP_ADD_TC(tp, rdnorm_and_wrnorm_are_reported_when_asked_alone);
	ATF_TP_ADD_TC(tp, so_rcvlowat_holds_back_POLLIN);
	ATF_TP_ADD_TC(tp, queued_client_of_closed_listener_gets_POLLHUP);
	ATF_TP_ADD_TC(tp, poll_reports_only_the_ready_socket);
	ATF_TP_ADD_TC(tp, select_idle_is_writable_and_arriving_data_readable);
	ATF_TP_ADD_TC(tp, select_full_send_side_is_not_writable);
	ATF_TP_ADD_TC(tp, select_peer_close_is_readable);
	ATF_TP_ADD_TC(tp, select_listener_with_waiting_connection_is_readable);
	ATF_TP_ADD_TC(tp, blocked_select_wakes_when_peer_writes);
	return (atf_no_error());
}
