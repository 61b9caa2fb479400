/*
 * unix_seqpacket_test: AF_UNIX SOCK_SEQPACKET as FreeBSD's unix(4)
 * describes it: a connection, like SOCK_STREAM, that carries records:
 * each send is one record, a receive returns at most one record (MSG_EOR
 * at its end, MSG_TRUNC if the buffer was short, the rest discarded),
 * records are never split between concurrent senders, a record larger
 * than the send buffer is refused with EMSGSIZE, and back-pressure holds
 * whole records.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

/* recvmsg into buf; returns the length and the flags. */
static ssize_t
recv_record(int s, void *buf, size_t len, int flags, int *msg_flags)
{
	struct msghdr msg;
	struct iovec iov;
	ssize_t n;

	iov.iov_base = buf;
	iov.iov_len = len;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	n = recvmsg(s, &msg, flags);
	*msg_flags = msg.msg_flags;
	return (n);
}

SOCKET_TC(socketpair_keeps_record_boundaries)
{
	char buf[32];
	int sv[2];

	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(send(sv[0], "one", 3, MSG_EOR), 3);
	ATF_REQUIRE_EQ(send(sv[0], "three", 5, MSG_EOR), 5);
	ATF_REQUIRE_EQ(wait_fionread(sv[1], 8), 8);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 3);
	ATF_REQUIRE(memcmp(buf, "one", 3) == 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 5);
	ATF_REQUIRE(memcmp(buf, "three", 5) == 0);
	close_pair(sv);
}

SOCKET_TC(listen_connect_accept_carry_records_both_ways)
{
	char buf[16];
	int c, a;

	unix_connected(SOCK_SEQPACKET, "seq.sock", &c, &a);
	ATF_REQUIRE_EQ(sockopt_int(a, SOL_SOCKET, SO_TYPE), SOCK_SEQPACKET);
	ATF_REQUIRE_EQ(send(c, "ask", 3, MSG_EOR), 3);
	ATF_REQUIRE_EQ(recv(a, buf, sizeof(buf), 0), 3);
	ATF_REQUIRE_EQ(send(a, "answer", 6, MSG_EOR), 6);
	ATF_REQUIRE_EQ(recv(c, buf, sizeof(buf), 0), 6);
	ATF_REQUIRE(memcmp(buf, "answer", 6) == 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
}

SOCKET_TC(msg_eor_marks_the_end_of_a_received_record)
{
	char buf[16];
	int sv[2], fl;

	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(send(sv[0], "rec", 3, MSG_EOR), 3);
	ATF_REQUIRE_EQ(recv_record(sv[1], buf, sizeof(buf), 0, &fl), 3);
	ATF_REQUIRE(fl & MSG_EOR);
	ATF_REQUIRE_EQ(fl & MSG_TRUNC, 0);
	close_pair(sv);
}

/* The part of a record that does not fit is discarded: MSG_TRUNC. */
SOCKET_TC(short_buffer_truncates_record_MSG_TRUNC_rest_discarded)
{
	char buf[16];
	int sv[2], fl;

	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(send(sv[0], "0123456789", 10, MSG_EOR), 10);
	ATF_REQUIRE_EQ(send(sv[0], "after", 5, MSG_EOR), 5);
	ATF_REQUIRE_EQ(recv_record(sv[1], buf, 4, 0, &fl), 4);
	ATF_REQUIRE(memcmp(buf, "0123", 4) == 0);
	ATF_REQUIRE(fl & MSG_TRUNC);
	ATF_REQUIRE_EQ(recv_record(sv[1], buf, sizeof(buf), 0, &fl), 5);
	ATF_REQUIRE(memcmp(buf, "after", 5) == 0);
	ATF_REQUIRE_EQ(fl & MSG_TRUNC, 0);
	close_pair(sv);
}

SOCKET_TC(msg_peek_leaves_the_record_queued)
{
	char buf[16];
	int sv[2];

	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(send(sv[0], "peeked", 6, MSG_EOR), 6);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_PEEK), 6);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 6);
	ATF_REQUIRE(memcmp(buf, "peeked", 6) == 0);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

/* MSG_WAITALL does not join records: a receive ends with its record. */
SOCKET_TC(msg_waitall_returns_one_record)
{
	char buf[100];
	int sv[2];

	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(send(sv[0], "first", 5, MSG_EOR), 5);
	ATF_REQUIRE_EQ(send(sv[0], "second", 6, MSG_EOR), 6);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_WAITALL), 5);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_WAITALL), 6);
	close_pair(sv);
}

SOCKET_TC(sendmsg_with_several_iovecs_is_one_record)
{
	struct msghdr msg;
	struct iovec iov[3];
	char buf[32];
	int sv[2];

	iov[0].iov_base = "ab";
	iov[0].iov_len = 2;
	iov[1].iov_base = "cde";
	iov[1].iov_len = 3;
	iov[2].iov_base = "f";
	iov[2].iov_len = 1;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = iov;
	msg.msg_iovlen = 3;
	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(sendmsg(sv[0], &msg, MSG_EOR), 6);
	ATF_REQUIRE_EQ(send(sv[0], "g", 1, MSG_EOR), 1);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 6);
	ATF_REQUIRE(memcmp(buf, "abcdef", 6) == 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 1);
	close_pair(sv);
}

SOCKET_TC(record_longer_than_send_buffer_EMSGSIZE)
{
	static char buf[128 * 1024];
	int sv[2], max;

	unix_pair(SOCK_SEQPACKET, sv);
	max = sockopt_int(sv[0], SOL_SOCKET, SO_SNDBUF);
	ATF_REQUIRE(max > 0 && max < (int)sizeof(buf));
	ATF_REQUIRE_ERRNO(EMSGSIZE, send(sv[0], buf, max + 1, MSG_EOR) == -1);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

/* A full connection refuses a non-blocking sender; what went, went as
 * whole records. */
SOCKET_TC(nonblocking_send_to_full_peer_EAGAIN_whole_records_only)
{
	static unsigned char buf[1000];
	int sv[2], sent, got, fl;

	unix_pair(SOCK_SEQPACKET, sv);
	set_nonblock(sv[0]);
	for (sent = 0; sent < 100000; sent++) {
		pattern_fill(buf, sizeof(buf), sent);
		if (send(sv[0], buf, sizeof(buf), MSG_EOR) == -1)
			break;
	}
	ATF_REQUIRE_EQ(errno, EAGAIN);
	ATF_REQUIRE(sent > 0);
	for (got = 0; got < sent; got++) {
		ATF_REQUIRE_EQ(recv_record(sv[1], buf, sizeof(buf), 0, &fl),
		    sizeof(buf));
		ATF_REQUIRE(pattern_ok(buf, sizeof(buf), got));
		ATF_REQUIRE_EQ(fl & MSG_TRUNC, 0);
	}
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

SOCKET_TC(blocked_sender_resumes_when_reader_drains)
{
	enum { NREC = 300, LEN = 1000 };
	unsigned char buf[LEN + 1];
	int sv[2], i;
	pid_t pid;

	unix_pair(SOCK_SEQPACKET, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		close(sv[1]);
		for (i = 0; i < NREC; i++) {
			pattern_fill(buf, LEN, i);
			if (send(sv[0], buf, LEN, MSG_EOR) != LEN)
				_exit(1);
		}
		_exit(0);
	}
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	for (i = 0; i < NREC; i++) {
		ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), LEN);
		ATF_REQUIRE(pattern_ok(buf, LEN, i));
	}
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

/* Two processes send on one socket at once: no record is interleaved. */
SOCKET_TC(records_of_concurrent_senders_stay_whole)
{
	enum { NCHILD = 2, NREC = 200 };
	unsigned char buf[3000];
	int count[NCHILD] = { 0 };
	pid_t pids[NCHILD];
	int sv[2], i, n, len;

	unix_pair(SOCK_SEQPACKET, sv);
	for (i = 0; i < NCHILD; i++) {
		pids[i] = fork();
		ATF_REQUIRE(pids[i] >= 0);
		if (pids[i] == 0) {
			close(sv[1]);
			for (n = 0; n < NREC; n++) {
				len = 1 + (n * 37 + i * 101) % 2999;
				memset(buf, 'A' + i, len);
				if (send(sv[0], buf, len, MSG_EOR) != len)
					_exit(1);
			}
			_exit(0);
		}
	}
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	for (n = 0; n < NCHILD * NREC; n++) {
		ssize_t r = recv(sv[1], buf, sizeof(buf), 0);

		ATF_REQUIRE(r > 0);
		i = buf[0] - 'A';
		ATF_REQUIRE(i >= 0 && i < NCHILD);
		len = 1 + (count[i] * 37 + i * 101) % 2999;
		ATF_REQUIRE_EQ(r, len);
		ATF_REQUIRE(memchr(buf, 'A' + (1 - i), r) == NULL);
		count[i]++;
	}
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
	for (i = 0; i < NCHILD; i++) {
		wait_child_ok(pids[i]);
		ATF_REQUIRE_EQ(count[i], NREC);
	}
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

SOCKET_TC(peer_close_reader_gets_records_then_EOF)
{
	char buf[16];
	int sv[2];

	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(send(sv[0], "r1", 2, MSG_EOR), 2);
	ATF_REQUIRE_EQ(send(sv[0], "r2", 2, MSG_EOR), 2);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 2);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 2);
	ATF_REQUIRE(memcmp(buf, "r2", 2) == 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

SOCKET_TC(peer_close_sender_EPIPE)
{
	char c;
	int sv[2];

	ATF_REQUIRE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
	ATF_REQUIRE_EQ(recv(sv[0], &c, 1, 0), 0);
	ATF_REQUIRE_ERRNO(EPIPE, send(sv[0], "x", 1, MSG_EOR) == -1);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
}

SOCKET_TC(shutdown_wr_gives_peer_records_then_EOF)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_SEQPACKET, sv);
	ATF_REQUIRE_EQ(send(sv[0], "end", 3, MSG_EOR), 3);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 3);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
	ATF_REQUIRE_EQ(send(sv[1], "back", 4, MSG_EOR), 4);
	ATF_REQUIRE_EQ(recv(sv[0], buf, sizeof(buf), 0), 4);
	close_pair(sv);
}

SOCKET_TC(unconnected_send_and_recv_ENOTCONN)
{
	char c;
	int s;

	s = unix_socket(SOCK_SEQPACKET);
	ATF_REQUIRE_ERRNO(ENOTCONN, send(s, "x", 1, MSG_EOR) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, recv(s, &c, 1, 0) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(connect_to_stream_listener_EPROTOTYPE)
{
	int l, s;

	l = unix_listener(SOCK_STREAM, "stream_l.sock", 5);
	s = unix_socket(SOCK_SEQPACKET);
	ATF_REQUIRE_ERRNO(EPROTOTYPE, unix_connect(s, "stream_l.sock") == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(client_peer_name_is_listener_name)
{
	struct sockaddr_un sun;
	socklen_t len = sizeof(sun);
	int l, c, a;

	l = unix_listener(SOCK_SEQPACKET, "seq_named.sock", 5);
	c = unix_client(SOCK_SEQPACKET, "seq_named.sock");
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	memset(&sun, 0, sizeof(sun));
	ATF_REQUIRE_EQ(getpeername(c, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_STREQ(sun.sun_path, "seq_named.sock");
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(listener_close_gives_queued_client_ECONNRESET)
{
	char c1;
	int l, c;

	l = unix_listener(SOCK_SEQPACKET, "seq_abort.sock", 5);
	c = unix_client(SOCK_SEQPACKET, "seq_abort.sock");
	ATF_REQUIRE_EQ(send(c, "lost", 4, MSG_EOR), 4);
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE_ERRNO(ECONNRESET, recv(c, &c1, 1, 0) == -1);
	ATF_REQUIRE_EQ(recv(c, &c1, 1, 0), 0);
	ATF_REQUIRE_EQ(close(c), 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, socketpair_keeps_record_boundaries);
	ATF_TP_ADD_TC(tp, listen_connect_accept_carry_records_both_ways);
	ATF_TP_ADD_TC(tp, msg_eor_marks_the_end_of_a_received_record);
	ATF_TP_ADD_TC(tp,
	    short_buffer_truncates_record_MSG_TRUNC_rest_discarded);
	ATF_TP_ADD_TC(tp, msg_peek_leaves_the_record_queued);
	ATF_TP_ADD_TC(tp, msg_waitall_returns_one_record);
	ATF_TP_ADD_TC(tp, sendmsg_with_several_iovecs_is_one_record);
	ATF_TP_ADD_TC(tp, record_longer_than_send_buffer_EMSGSIZE);
	ATF_TP_ADD_TC(tp,
	    nonblocking_send_to_full_peer_EAGAIN_whole_records_only);
	ATF_TP_ADD_TC(tp, blocked_sender_resumes_when_reader_drains);
	ATF_TP_ADD_TC(tp, records_of_concurrent_senders_stay_whole);
	ATF_TP_ADD_TC(tp, peer_close_reader_gets_records_then_EOF);
	ATF_TP_ADD_TC(tp, peer_close_sender_EPIPE);
	ATF_TP_ADD_TC(tp, shutdown_wr_gives_peer_records_then_EOF);
	ATF_TP_ADD_TC(tp, unconnected_send_and_recv_ENOTCONN);
	ATF_TP_ADD_TC(tp, connect_to_stream_listener_EPROTOTYPE);
	ATF_TP_ADD_TC(tp, client_peer_name_is_listener_name);
	ATF_TP_ADD_TC(tp, listener_close_gives_queued_client_ECONNRESET);
	return (atf_no_error());
}
