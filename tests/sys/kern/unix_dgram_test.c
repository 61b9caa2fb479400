/*
 * unix_dgram_test: AF_UNIX SOCK_DGRAM as FreeBSD's unix(4) describes it:
 * datagrams keep their boundaries and carry the sender's name; sendto
 * errors (ENOENT, EPROTOTYPE, ECONNREFUSED, EISCONN, EMSGSIZE); connect and
 * reconnect; a full receiver answers ENOBUFS, or EAGAIN to a non-blocking
 * sender; truncation (MSG_TRUNC), MSG_PEEK, zero-length datagrams; the
 * receiver going away; many senders to one receiver.
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

static ssize_t
sendto_name(int s, const void *buf, size_t len, int flags, const char *path)
{
	struct sockaddr_un sun;
	socklen_t slen;

	slen = sun_fill(&sun, path);
	return (sendto(s, buf, len, flags, (struct sockaddr *)&sun, slen));
}

/*
 * Sends len-byte datagrams to s (connected) until the receiver refuses;
 * returns how many went, and errno as the refusal left it.
 */
static int
fill_receiver(int s, size_t len, int flags)
{
	static char buf[512];
	int n;

	ATF_REQUIRE(len <= sizeof(buf));
	for (n = 0; n < 100000; n++)
		if (send(s, buf, len, flags) == -1)
			return (n);
	atf_tc_fail("the receiver never filled up");
}

/* ---- Delivery and names -------------------------------------------------- */

SOCKET_TC(sendto_delivers_datagram_with_sender_name)
{
	struct sockaddr_un from;
	socklen_t len;
	char buf[8];
	int r, s;

	r = unix_bound(SOCK_DGRAM, "rcv.sock");
	s = unix_bound(SOCK_DGRAM, "snd.sock");
	ATF_REQUIRE_EQ(sendto_name(s, "hello", 5, 0, "rcv.sock"), 5);
	memset(&from, 0, sizeof(from));
	len = sizeof(from);
	ATF_REQUIRE_EQ(recvfrom(r, buf, sizeof(buf), 0,
	    (struct sockaddr *)&from, &len), 5);
	ATF_REQUIRE(memcmp(buf, "hello", 5) == 0);
	ATF_REQUIRE_EQ(from.sun_family, AF_UNIX);
	ATF_REQUIRE_STREQ(from.sun_path, "snd.sock");
	ATF_REQUIRE_EQ(len, from.sun_len);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(r), 0);
}

SOCKET_TC(unbound_sender_arrives_unnamed)
{
	struct sockaddr_un from;
	socklen_t len;
	char c;
	int r, s;

	r = unix_bound(SOCK_DGRAM, "rcv_anon.sock");
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(sendto_name(s, "a", 1, 0, "rcv_anon.sock"), 1);
	memset(&from, 0xa5, sizeof(from));
	len = sizeof(from);
	ATF_REQUIRE_EQ(recvfrom(r, &c, 1, 0, (struct sockaddr *)&from, &len),
	    1);
	ATF_REQUIRE(len >= offsetof(struct sockaddr_un, sun_path));
	ATF_REQUIRE(len <= sizeof(from));
	ATF_REQUIRE_EQ(from.sun_family, AF_UNIX);
	ATF_REQUIRE(len == offsetof(struct sockaddr_un, sun_path) ||
	    from.sun_path[0] == '\0');
	/* Sending did not bind the sender. */
	len = sizeof(from);
	ATF_REQUIRE_EQ(getsockname(s, (struct sockaddr *)&from, &len), 0);
	ATF_REQUIRE(len == offsetof(struct sockaddr_un, sun_path) ||
	    from.sun_path[0] == '\0');
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(r), 0);
}

SOCKET_TC(recvmsg_reports_sender_in_msg_name)
{
	struct sockaddr_un from;
	struct msghdr msg;
	struct iovec iov;
	char buf[8];
	int r, s;

	r = unix_bound(SOCK_DGRAM, "rcv_msg.sock");
	s = unix_bound(SOCK_DGRAM, "snd_msg.sock");
	ATF_REQUIRE_EQ(sendto_name(s, "msg", 3, 0, "rcv_msg.sock"), 3);
	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	memset(&msg, 0, sizeof(msg));
	memset(&from, 0, sizeof(from));
	msg.msg_name = &from;
	msg.msg_namelen = sizeof(from);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ATF_REQUIRE_EQ(recvmsg(r, &msg, 0), 3);
	ATF_REQUIRE_EQ(msg.msg_namelen, from.sun_len);
	ATF_REQUIRE_STREQ(from.sun_path, "snd_msg.sock");
	ATF_REQUIRE_EQ(msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC), 0);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(r), 0);
}

SOCKET_TC(datagram_boundaries_are_kept)
{
	static unsigned char buf[1000];
	static const size_t sizes[] = { 1, 100, 1000, 7 };
	int sv[2];
	size_t i;

	unix_pair(SOCK_DGRAM, sv);
	for (i = 0; i < 4; i++) {
		pattern_fill(buf, sizes[i], i);
		ATF_REQUIRE_EQ(send(sv[0], buf, sizes[i], 0),
		    (ssize_t)sizes[i]);
	}
	for (i = 0; i < 4; i++) {
		memset(buf, 0, sizeof(buf));
		ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0),
		    (ssize_t)sizes[i]);
		ATF_REQUIRE(pattern_ok(buf, sizes[i], i));
	}
	close_pair(sv);
}

/* recv(2): the excess of a datagram too long for the buffer is discarded
 * and MSG_TRUNC is set. */
SOCKET_TC(short_buffer_truncates_datagram_MSG_TRUNC)
{
	struct msghdr msg;
	struct iovec iov;
	char buf[16];
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(send(sv[0], "0123456789", 10, 0), 10);
	ATF_REQUIRE_EQ(send(sv[0], "next", 4, 0), 4);
	iov.iov_base = buf;
	iov.iov_len = 4;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ATF_REQUIRE_EQ(recvmsg(sv[1], &msg, 0), 4);
	ATF_REQUIRE(memcmp(buf, "0123", 4) == 0);
	ATF_REQUIRE(msg.msg_flags & MSG_TRUNC);
	iov.iov_len = sizeof(buf);
	ATF_REQUIRE_EQ(recvmsg(sv[1], &msg, 0), 4);
	ATF_REQUIRE(memcmp(buf, "next", 4) == 0);
	ATF_REQUIRE_EQ(msg.msg_flags & MSG_TRUNC, 0);
	close_pair(sv);
}

SOCKET_TC(msg_peek_leaves_the_datagram_queued)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(send(sv[0], "peek", 4, 0), 4);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_PEEK), 4);
	ATF_REQUIRE_EQ(recv(sv[1], buf, 2, MSG_PEEK), 2);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 4);
	ATF_REQUIRE(memcmp(buf, "peek", 4) == 0);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

SOCKET_TC(zero_length_datagram_is_delivered)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(send(sv[0], buf, 0, 0), 0);
	ATF_REQUIRE_EQ(send(sv[0], "z", 1, 0), 1);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 1);
	ATF_REQUIRE_EQ(buf[0], 'z');
	close_pair(sv);
}

/* FIONREAD counts the data of every queued datagram, not the names. */
SOCKET_TC(fionread_counts_all_queued_datagram_bytes)
{
	int r, s, n;

	r = unix_bound(SOCK_DGRAM, "fionread_rcv.sock");
	s = unix_bound(SOCK_DGRAM, "fionread_snd.sock");
	ATF_REQUIRE_EQ(sendto_name(s, "abc", 3, 0, "fionread_rcv.sock"), 3);
	ATF_REQUIRE_EQ(sendto_name(s, "defgh", 5, 0, "fionread_rcv.sock"), 5);
	n = wait_fionread(r, 8);
	ATF_REQUIRE_EQ(n, 8);
	ATF_REQUIRE_EQ(recv(r, &n, sizeof(n), 0), 3);
	ATF_REQUIRE_EQ(ioctl(r, FIONREAD, &n), 0);
	ATF_REQUIRE_EQ(n, 5);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(r), 0);
}

/* ---- sendto errors ------------------------------------------------------- */

SOCKET_TC(sendto_missing_name_ENOENT)
{
	int s;

	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_ERRNO(ENOENT, sendto_name(s, "x", 1, 0, "nobody.sock") ==
	    -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(sendto_stream_socket_name_EPROTOTYPE)
{
	int l, s;

	l = unix_listener(SOCK_STREAM, "stream_name.sock", 5);
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_ERRNO(EPROTOTYPE,
	    sendto_name(s, "x", 1, 0, "stream_name.sock") == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(sendto_name_of_closed_socket_ECONNREFUSED)
{
	int r, s;

	r = unix_bound(SOCK_DGRAM, "closed_rcv.sock");
	ATF_REQUIRE_EQ(close(r), 0);
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_ERRNO(ECONNREFUSED,
	    sendto_name(s, "x", 1, 0, "closed_rcv.sock") == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* sosend: a datagram longer than the send buffer can never go. */
SOCKET_TC(datagram_longer_than_send_buffer_EMSGSIZE)
{
	static char buf[64 * 1024];
	int sv[2], max;

	unix_pair(SOCK_DGRAM, sv);
	max = sockopt_int(sv[0], SOL_SOCKET, SO_SNDBUF);
	ATF_REQUIRE(max > 0 && max < (int)sizeof(buf));
	ATF_REQUIRE_ERRNO(EMSGSIZE, send(sv[0], buf, max + 1, 0) == -1);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

SOCKET_TC(raising_send_buffer_allows_longer_datagrams)
{
	static unsigned char buf[6000];
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	set_sockopt_int(sv[0], SOL_SOCKET, SO_SNDBUF, 8192);
	set_sockopt_int(sv[1], SOL_SOCKET, SO_RCVBUF, 32768);
	pattern_fill(buf, sizeof(buf), 3);
	ATF_REQUIRE_EQ(send(sv[0], buf, sizeof(buf), 0), sizeof(buf));
	memset(buf, 0, sizeof(buf));
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), sizeof(buf));
	ATF_REQUIRE(pattern_ok(buf, sizeof(buf), 3));
	close_pair(sv);
}

/* ---- connect and reconnect ----------------------------------------------- */

SOCKET_TC(connect_then_send_without_address)
{
	struct sockaddr_un sun;
	socklen_t len = sizeof(sun);
	char buf[4];
	int r, s;

	r = unix_bound(SOCK_DGRAM, "conn_rcv.sock");
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(unix_connect(s, "conn_rcv.sock"), 0);
	ATF_REQUIRE_EQ(send(s, "c1", 2, 0), 2);
	ATF_REQUIRE_EQ(write(s, "c2", 2), 2);
	ATF_REQUIRE_EQ(recv(r, buf, sizeof(buf), 0), 2);
	ATF_REQUIRE(memcmp(buf, "c1", 2) == 0);
	ATF_REQUIRE_EQ(recv(r, buf, sizeof(buf), 0), 2);
	ATF_REQUIRE(memcmp(buf, "c2", 2) == 0);
	ATF_REQUIRE_EQ(getpeername(s, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_STREQ(sun.sun_path, "conn_rcv.sock");
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(r), 0);
}

/* A datagram socket may connect again: the new peer replaces the old. */
SOCKET_TC(connect_again_switches_destination)
{
	char c;
	int r1, r2, s;

	r1 = unix_bound(SOCK_DGRAM, "first.sock");
	r2 = unix_bound(SOCK_DGRAM, "second.sock");
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(unix_connect(s, "first.sock"), 0);
	ATF_REQUIRE_EQ(send(s, "1", 1, 0), 1);
	ATF_REQUIRE_EQ(unix_connect(s, "second.sock"), 0);
	ATF_REQUIRE_EQ(send(s, "2", 1, 0), 1);
	ATF_REQUIRE_EQ(recv(r1, &c, 1, 0), 1);
	ATF_REQUIRE_EQ(c, '1');
	ATF_REQUIRE_EQ(recv(r2, &c, 1, 0), 1);
	ATF_REQUIRE_EQ(c, '2');
	ATF_REQUIRE_ERRNO(EAGAIN, recv(r1, &c, 1, MSG_DONTWAIT) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(r1), 0);
	ATF_REQUIRE_EQ(close(r2), 0);
}

SOCKET_TC(sendto_with_address_on_connected_socket_EISCONN)
{
	int r, s;

	r = unix_bound(SOCK_DGRAM, "eiscon_rcv.sock");
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(unix_connect(s, "eiscon_rcv.sock"), 0);
	ATF_REQUIRE_ERRNO(EISCONN,
	    sendto_name(s, "x", 1, 0, "eiscon_rcv.sock") == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(r), 0);
}

SOCKET_TC(connect_to_missing_name_ENOENT)
{
	int s;

	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_ERRNO(ENOENT, unix_connect(s, "absent.sock") == -1);
	ATF_REQUIRE_ERRNO(EDESTADDRREQ, send(s, "x", 1, 0) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* unix(4) datagram sockets do not filter by peer: a connected socket
 * still receives from anyone who names it. */
SOCKET_TC(connected_socket_still_receives_from_any_sender)
{
	char c;
	int a, b, other;

	a = unix_bound(SOCK_DGRAM, "a.sock");
	b = unix_bound(SOCK_DGRAM, "b.sock");
	other = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(unix_connect(a, "b.sock"), 0);
	ATF_REQUIRE_EQ(sendto_name(other, "o", 1, 0, "a.sock"), 1);
	ATF_REQUIRE_EQ(recv(a, &c, 1, 0), 1);
	ATF_REQUIRE_EQ(c, 'o');
	ATF_REQUIRE_EQ(close(other), 0);
	ATF_REQUIRE_EQ(close(b), 0);
	ATF_REQUIRE_EQ(close(a), 0);
}

/*
 * The receiver goes away: FreeBSD disconnects its connected senders and
 * leaves them ECONNRESET, reported by the next send; after that the
 * sender is simply unconnected.
 */
SOCKET_TC(receiver_close_gives_connected_sender_ECONNRESET_once)
{
	int r, s, i, err = 0;

	r = unix_bound(SOCK_DGRAM, "vanish.sock");
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(unix_connect(s, "vanish.sock"), 0);
	ATF_REQUIRE_EQ(close(r), 0);
	for (i = 0; i < SETTLE_TRIES; i++) {
		if (send(s, "x", 1, 0) == -1) {
			err = errno;
			break;
		}
		usleep(SETTLE_STEP_US);
	}
	ATF_REQUIRE_EQ(err, ECONNRESET);
	ATF_REQUIRE_ERRNO(EDESTADDRREQ, send(s, "x", 1, 0) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* ---- A full receiver ----------------------------------------------------- */

/* A datagram the receiver has no room for is dropped with ENOBUFS; the
 * sender does not block. */
SOCKET_TC(full_receiver_refuses_blocking_sender_ENOBUFS)
{
	int sv[2], n;

	unix_pair(SOCK_DGRAM, sv);
	n = fill_receiver(sv[0], 200, 0);
	ATF_REQUIRE_EQ(errno, ENOBUFS);
	ATF_REQUIRE(n > 0);
	close_pair(sv);
}

SOCKET_TC(full_receiver_refuses_nonblocking_sender_EAGAIN)
{
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	set_nonblock(sv[0]);
	ATF_REQUIRE(fill_receiver(sv[0], 200, 0) > 0);
	ATF_REQUIRE_EQ(errno, EAGAIN);
	close_pair(sv);
}

SOCKET_TC(full_receiver_refuses_MSG_DONTWAIT_EAGAIN)
{
	int sv[2];

	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE(fill_receiver(sv[0], 200, MSG_DONTWAIT) > 0);
	ATF_REQUIRE_EQ(errno, EAGAIN);
	close_pair(sv);
}

SOCKET_TC(draining_full_receiver_makes_room_again)
{
	char buf[256];
	int sv[2], n, i;

	unix_pair(SOCK_DGRAM, sv);
	n = fill_receiver(sv[0], 200, 0);
	for (i = 0; i < n; i++)
		ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 200);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	ATF_REQUIRE(fill_receiver(sv[0], 200, 0) > 0);
	close_pair(sv);
}

/* ---- shutdown ------------------------------------------------------------ */

SOCKET_TC(shutdown_wr_on_connected_dgram_then_send_EPIPE)
{
	char c;
	int sv[2];

	ATF_REQUIRE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_ERRNO(EPIPE, send(sv[0], "x", 1, 0) == -1);
	ATF_REQUIRE_EQ(send(sv[1], "y", 1, 0), 1);
	ATF_REQUIRE_EQ(recv(sv[0], &c, 1, 0), 1);
	close_pair(sv);
}

/*
 * FreeBSD's soshutdown: "POSIX mandates us to return ENOTCONN when
 * shutdown(2) is invoked on a datagram socket", yet the shutdown is still
 * done, so that a process blocked in recv can be woken.
 */
SOCKET_TC(shutdown_unconnected_dgram_ENOTCONN_but_ends_receiving)
{
	char c;
	int s;

	s = unix_bound(SOCK_DGRAM, "shut_unconn.sock");
	ATF_REQUIRE_ERRNO(ENOTCONN, shutdown(s, SHUT_RD) == -1);
	ATF_REQUIRE_EQ(recv(s, &c, 1, 0), 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* ---- Many senders -------------------------------------------------------- */

/* Children send numbered datagrams to one name; each arrives intact, once,
 * and in its sender's order.  A full receiver answers ENOBUFS: retry. */
SOCKET_TC(many_senders_to_one_receiver_every_datagram_arrives)
{
	enum { NCHILD = 4, PER = 100, LEN = 64 };
	unsigned char buf[LEN];
	int next[NCHILD] = { 0 };
	pid_t pids[NCHILD];
	int r, i, n;

	r = unix_bound(SOCK_DGRAM, "sink.sock");
	for (i = 0; i < NCHILD; i++) {
		pids[i] = fork();
		ATF_REQUIRE(pids[i] >= 0);
		if (pids[i] == 0) {
			int s = socket(AF_UNIX, SOCK_DGRAM, 0);

			if (s < 0)
				_exit(1);
			for (n = 0; n < PER; n++) {
				pattern_fill(buf, LEN, n);
				buf[0] = i;
				buf[1] = n;
				while (sendto_name(s, buf, LEN, 0,
				    "sink.sock") != LEN) {
					if (errno != ENOBUFS)
						_exit(2);
					usleep(1000);
				}
			}
			_exit(0);
		}
	}
	for (n = 0; n < NCHILD * PER; n++) {
		ATF_REQUIRE_EQ(recv(r, buf, sizeof(buf), 0), LEN);
		i = buf[0];
		ATF_REQUIRE(i < NCHILD);
		ATF_REQUIRE_EQ(buf[1], next[i]);
		ATF_REQUIRE(pattern_ok(buf + 2, LEN - 2, next[i] + 2));
		next[i]++;
	}
	for (i = 0; i < NCHILD; i++) {
		wait_child_ok(pids[i]);
		ATF_REQUIRE_EQ(next[i], PER);
	}
	ATF_REQUIRE_ERRNO(EAGAIN, recv(r, buf, 1, MSG_DONTWAIT) == -1);
	ATF_REQUIRE_EQ(close(r), 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, sendto_delivers_datagram_with_sender_name);
	ATF_TP_ADD_TC(tp, unbound_sender_arrives_unnamed);
	ATF_TP_ADD_TC(tp, recvmsg_reports_sender_in_msg_name);
	ATF_TP_ADD_TC(tp, datagram_boundaries_are_kept);
	ATF_TP_ADD_TC(tp, short_buffer_truncates_datagram_MSG_TRUNC);
	ATF_TP_ADD_TC(tp, msg_peek_leaves_the_datagram_queued);
	ATF_TP_ADD_TC(tp, zero_length_datagram_is_delivered);
	ATF_TP_ADD_TC(tp, fionread_counts_all_queued_datagram_bytes);
	ATF_TP_ADD_TC(tp, sendto_missing_name_ENOENT);
	ATF_TP_ADD_TC(tp, sendto_stream_socket_name_EPROTOTYPE);
	ATF_TP_ADD_TC(tp, sendto_name_of_closed_socket_ECONNREFUSED);
	ATF_TP_ADD_TC(tp, datagram_longer_than_send_buffer_EMSGSIZE);
	ATF_TP_ADD_TC(tp, raising_send_buffer_allows_longer_datagrams);
	ATF_TP_ADD_TC(tp, connect_then_send_without_address);
	ATF_TP_ADD_TC(tp, connect_again_switches_destination);
	ATF_TP_ADD_TC(tp, sendto_with_address_on_connected_socket_EISCONN);
	ATF_TP_ADD_TC(tp, connect_to_missing_name_ENOENT);
	ATF_TP_ADD_TC(tp, connected_socket_still_receives_from_any_sender);
	ATF_TP_ADD_TC(tp,
	    receiver_close_gives_connected_sender_ECONNRESET_once);
	ATF_TP_ADD_TC(tp, full_receiver_refuses_blocking_sender_ENOBUFS);
	ATF_TP_ADD_TC(tp, full_receiver_refuses_nonblocking_sender_EAGAIN);
	ATF_TP_ADD_TC(tp, full_receiver_refuses_MSG_DONTWAIT_EAGAIN);
	ATF_TP_ADD_TC(tp, draining_full_receiver_makes_room_again);
	ATF_TP_ADD_TC(tp, shutdown_wr_on_connected_dgram_then_send_EPIPE);
	ATF_TP_ADD_TC(tp,
	    shutdown_unconnected_dgram_ENOTCONN_but_ends_receiving);
	ATF_TP_ADD_TC(tp, many_senders_to_one_receiver_every_datagram_arrives);
	return (atf_no_error());
}
