/*
 * unix_stream_test: AF_UNIX SOCK_STREAM as FreeBSD's unix(4) describes it:
 * names in the file system (created by bind, kept after close until
 * unlink), connect errors (ENOENT, ENOTSOCK, ECONNREFUSED, EPROTOTYPE),
 * addresses on both ends, the listen queue (backlog, somaxconn's 3/2 rule,
 * FIFO order, listener close with queued connections), non-blocking
 * connect and accept, shutdown in each direction, peer close, MSG_PEEK,
 * MSG_WAITALL, MSG_DONTWAIT, and back-pressure between the two ends.
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

/* ---- Names --------------------------------------------------------------- */

SOCKET_TC(bind_creates_a_socket_file)
{
	struct stat st;
	int s;

	ATF_REQUIRE_ERRNO(ENOENT, stat("created.sock", &st) == -1);
	s = unix_bound(SOCK_STREAM, "created.sock");
	ATF_REQUIRE_EQ(stat("created.sock", &st), 0);
	ATF_REQUIRE(S_ISSOCK(st.st_mode));
	ATF_REQUIRE_EQ(close(s), 0);
}

/* Any existing file, socket or not, makes the name in use. */
SOCKET_TC(bind_to_existing_name_EADDRINUSE)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s1, s2, fd;

	s1 = unix_bound(SOCK_STREAM, "inuse.sock");
	s2 = unix_socket(SOCK_STREAM);
	len = sun_fill(&sun, "inuse.sock");
	ATF_REQUIRE_ERRNO(EADDRINUSE,
	    bind(s2, (struct sockaddr *)&sun, len) == -1);
	fd = open("plain.file", O_CREAT | O_WRONLY, 0644);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(close(fd), 0);
	len = sun_fill(&sun, "plain.file");
	ATF_REQUIRE_ERRNO(EADDRINUSE,
	    bind(s2, (struct sockaddr *)&sun, len) == -1);
	ATF_REQUIRE_EQ(close(s2), 0);
	ATF_REQUIRE_EQ(close(s1), 0);
}

/* unix(4): "This file is not removed when the socket is closed --
 * unlink(2) must be used to remove the file." */
SOCKET_TC(name_stays_EADDRINUSE_after_close_until_unlink)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	s = unix_bound(SOCK_STREAM, "stays.sock");
	ATF_REQUIRE_EQ(close(s), 0);
	s = unix_socket(SOCK_STREAM);
	len = sun_fill(&sun, "stays.sock");
	ATF_REQUIRE_ERRNO(EADDRINUSE,
	    bind(s, (struct sockaddr *)&sun, len) == -1);
	ATF_REQUIRE_EQ(unlink("stays.sock"), 0);
	ATF_REQUIRE_EQ(bind(s, (struct sockaddr *)&sun, len), 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(bind_in_missing_directory_ENOENT)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	s = unix_socket(SOCK_STREAM);
	len = sun_fill(&sun, "no_such_dir/x.sock");
	ATF_REQUIRE_ERRNO(ENOENT, bind(s, (struct sockaddr *)&sun, len) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* unix(4): names of up to 104 bytes; the NUL is not part of the address. */
SOCKET_TC(name_of_104_bytes_binds_and_connects)
{
	struct sockaddr_un sun;
	int l, c, a;

	memset(&sun, 0, sizeof(sun));
	sun.sun_len = sizeof(sun);
	sun.sun_family = AF_UNIX;
	memset(sun.sun_path, 'L', sizeof(sun.sun_path));
	l = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_EQ(bind(l, (struct sockaddr *)&sun, sizeof(sun)), 0);
	ATF_REQUIRE_EQ(listen(l, 1), 0);
	c = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_EQ(connect(c, (struct sockaddr *)&sun, sizeof(sun)), 0);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(relative_and_absolute_names_reach_one_listener)
{
	char cwd[PATH_MAX], abspath[PATH_MAX];
	int l, c1, c2, a1, a2;

	ATF_REQUIRE_EQ(mkdir("sub", 0755), 0);
	l = unix_listener(SOCK_STREAM, "sub/rel.sock", 5);
	ATF_REQUIRE(getcwd(cwd, sizeof(cwd)) != NULL);
	if ((size_t)snprintf(abspath, sizeof(abspath), "%s/sub/rel.sock",
	    cwd) >= sizeof(((struct sockaddr_un *)0)->sun_path))
		atf_tc_skip("working directory name too long: %s", cwd);
	c1 = unix_client(SOCK_STREAM, "./sub/rel.sock");
	c2 = unix_client(SOCK_STREAM, abspath);
	a1 = accept(l, NULL, NULL);
	a2 = accept(l, NULL, NULL);
	ATF_REQUIRE(a1 >= 0 && a2 >= 0);
	ATF_REQUIRE_EQ(close(a1), 0);
	ATF_REQUIRE_EQ(close(a2), 0);
	ATF_REQUIRE_EQ(close(c1), 0);
	ATF_REQUIRE_EQ(close(c2), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* ---- Connect errors ------------------------------------------------------ */

SOCKET_TC(connect_to_missing_name_ENOENT)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENOENT, unix_connect(s, "missing.sock") == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(connect_to_regular_file_ENOTSOCK)
{
	int s, fd;

	fd = open("regular.file", O_CREAT | O_WRONLY, 0644);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(close(fd), 0);
	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENOTSOCK, unix_connect(s, "regular.file") == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* A bound socket that is not listening, or one closed since, refuses. */
SOCKET_TC(connect_to_socket_not_listening_ECONNREFUSED)
{
	int b, l, s;

	b = unix_bound(SOCK_STREAM, "bound_only.sock");
	l = unix_listener(SOCK_STREAM, "gone.sock", 5);
	ATF_REQUIRE_EQ(close(l), 0);
	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ECONNREFUSED,
	    unix_connect(s, "bound_only.sock") == -1);
	ATF_REQUIRE_ERRNO(ECONNREFUSED, unix_connect(s, "gone.sock") == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(b), 0);
}

/* The name belongs to a socket of another type. */
SOCKET_TC(connect_to_other_socket_type_EPROTOTYPE)
{
	int d, l, s;

	d = unix_bound(SOCK_DGRAM, "dgram_name.sock");
	l = unix_listener(SOCK_SEQPACKET, "seq_listener.sock", 5);
	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(EPROTOTYPE, unix_connect(s, "dgram_name.sock") == -1);
	ATF_REQUIRE_ERRNO(EPROTOTYPE,
	    unix_connect(s, "seq_listener.sock") == -1);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLEN), 0);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE_EQ(close(d), 0);
}

/* After the name is gone, connections made stay; new ones find nothing. */
SOCKET_TC(unlinked_name_keeps_connections_refuses_new_ENOENT)
{
	char c;
	int l, c1, a, s;

	l = unix_listener(SOCK_STREAM, "unlinked.sock", 5);
	c1 = unix_client(SOCK_STREAM, "unlinked.sock");
	ATF_REQUIRE_EQ(unlink("unlinked.sock"), 0);
	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENOENT, unix_connect(s, "unlinked.sock") == -1);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(write(c1, "u", 1), 1);
	ATF_REQUIRE_EQ(read(a, &c, 1), 1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c1), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* ---- Connections and their addresses ------------------------------------- */

SOCKET_TC(connect_and_accept_carry_bytes_both_ways)
{
	char buf[16];
	int c, a;

	unix_connected(SOCK_STREAM, "both_ways.sock", &c, &a);
	ATF_REQUIRE_EQ(write(c, "request", 7), 7);
	read_all(a, buf, 7);
	ATF_REQUIRE(memcmp(buf, "request", 7) == 0);
	ATF_REQUIRE_EQ(write(a, "reply", 5), 5);
	read_all(c, buf, 5);
	ATF_REQUIRE(memcmp(buf, "reply", 5) == 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
}

/* A local connection is complete before accept: data waits for it. */
SOCKET_TC(client_can_write_before_accept)
{
	char buf[8];
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "early.sock", 5);
	c = unix_client(SOCK_STREAM, "early.sock");
	ATF_REQUIRE_EQ(write(c, "early", 5), 5);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	read_all(a, buf, 5);
	ATF_REQUIRE(memcmp(buf, "early", 5) == 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(bound_client_name_reported_by_accept_and_getpeername)
{
	struct sockaddr_un sun;
	socklen_t len;
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "srv.sock", 5);
	c = unix_bound(SOCK_STREAM, "cli.sock");
	ATF_REQUIRE_EQ(unix_connect(c, "srv.sock"), 0);
	len = sizeof(sun);
	a = accept(l, (struct sockaddr *)&sun, &len);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE_STREQ(sun.sun_path, "cli.sock");
	memset(&sun, 0, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getpeername(a, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_STREQ(sun.sun_path, "cli.sock");
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* The accepted socket carries the listener's name; the client sees it as
 * its peer. */
SOCKET_TC(listener_name_is_accepted_name_and_client_peer)
{
	struct sockaddr_un sun;
	socklen_t len;
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "lname.sock", 5);
	c = unix_client(SOCK_STREAM, "lname.sock");
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	memset(&sun, 0, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getsockname(a, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE_STREQ(sun.sun_path, "lname.sock");
	memset(&sun, 0, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getpeername(c, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE_STREQ(sun.sun_path, "lname.sock");
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(unbound_client_has_no_name_on_either_end)
{
	struct sockaddr_un sun;
	socklen_t len;
	int c, a;

	unix_connected(SOCK_STREAM, "anon.sock", &c, &a);
	memset(&sun, 0xa5, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getpeername(a, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE(len == offsetof(struct sockaddr_un, sun_path) ||
	    sun.sun_path[0] == '\0');
	memset(&sun, 0xa5, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getsockname(c, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE(len == offsetof(struct sockaddr_un, sun_path) ||
	    sun.sun_path[0] == '\0');
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
}

/* ---- Non-blocking connect and accept ------------------------------------- */

/* A local connect completes in the call, even on a non-blocking socket. */
SOCKET_TC(nonblocking_connect_to_listener_completes_at_once)
{
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "nbconnect.sock", 5);
	c = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	ATF_REQUIRE(c >= 0);
	ATF_REQUIRE_EQ(unix_connect(c, "nbconnect.sock"), 0);
	ATF_REQUIRE_EQ(sockopt_int(c, SOL_SOCKET, SO_ERROR), 0);
	ATF_REQUIRE_EQ(write(c, "n", 1), 1);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(nonblocking_accept_EAGAIN_then_takes_new_connection)
{
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "nbaccept.sock", 5);
	set_nonblock(l);
	ATF_REQUIRE_ERRNO(EWOULDBLOCK, accept(l, NULL, NULL) == -1);
	c = unix_client(SOCK_STREAM, "nbaccept.sock");
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_ERRNO(EAGAIN, accept(l, NULL, NULL) == -1);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* A blocked accept() wakes when a client connects. */
SOCKET_TC(blocking_accept_waits_for_a_client)
{
	char c1;
	pid_t pid;
	int l, a;

	l = unix_listener(SOCK_STREAM, "waitaccept.sock", 5);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		int c;

		usleep(100000);
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		if (c < 0 || unix_connect(c, "waitaccept.sock") != 0 ||
		    write(c, "w", 1) != 1)
			_exit(1);
		_exit(0);
	}
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(read(a, &c1, 1), 1);
	ATF_REQUIRE_EQ(c1, 'w');
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* ---- The listen queue ---------------------------------------------------- */

/*
 * FreeBSD refuses a connection when the queue already holds more than
 * 3/2 of the backlog: backlog 1 takes two pending connections, not three.
 */
SOCKET_TC(backlog_1_refuses_third_pending_connection_ECONNREFUSED)
{
	int l, c[3], a;

	l = unix_listener(SOCK_STREAM, "backlog1.sock", 1);
	c[0] = unix_client(SOCK_STREAM, "backlog1.sock");
	c[1] = unix_client(SOCK_STREAM, "backlog1.sock");
	c[2] = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ECONNREFUSED,
	    unix_connect(c[2], "backlog1.sock") == -1);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLEN), 2);
	/* Accepting makes room again. */
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(unix_connect(c[2], "backlog1.sock"), 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c[0]), 0);
	ATF_REQUIRE_EQ(close(c[1]), 0);
	ATF_REQUIRE_EQ(close(c[2]), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(backlog_0_takes_one_pending_connection)
{
	int l, c1, c2;

	l = unix_listener(SOCK_STREAM, "backlog0.sock", 0);
	c1 = unix_client(SOCK_STREAM, "backlog0.sock");
	c2 = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ECONNREFUSED,
	    unix_connect(c2, "backlog0.sock") == -1);
	ATF_REQUIRE_EQ(close(c2), 0);
	ATF_REQUIRE_EQ(close(c1), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(accept_returns_connections_in_connect_order)
{
	char tag;
	int l, c[4], a, i;

	l = unix_listener(SOCK_STREAM, "fifo.sock", 5);
	for (i = 0; i < 4; i++) {
		c[i] = unix_client(SOCK_STREAM, "fifo.sock");
		tag = '0' + i;
		ATF_REQUIRE_EQ(write(c[i], &tag, 1), 1);
	}
	for (i = 0; i < 4; i++) {
		a = accept(l, NULL, NULL);
		ATF_REQUIRE(a >= 0);
		ATF_REQUIRE_EQ(read(a, &tag, 1), 1);
		ATF_REQUIRE_EQ(tag, '0' + i);
		ATF_REQUIRE_EQ(close(a), 0);
	}
	for (i = 0; i < 4; i++)
		ATF_REQUIRE_EQ(close(c[i]), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* Children connect at once; every connection is accepted and intact. */
SOCKET_TC(concurrent_connects_from_children_are_all_accepted)
{
	enum { NCHILD = 4, PER = 8 };
	pid_t pids[NCHILD];
	int seen[NCHILD] = { 0 };
	int l, a, i, n;

	l = unix_listener(SOCK_STREAM, "many.sock", NCHILD * PER);
	for (i = 0; i < NCHILD; i++) {
		pids[i] = fork();
		ATF_REQUIRE(pids[i] >= 0);
		if (pids[i] == 0) {
			for (n = 0; n < PER; n++) {
				int c = socket(AF_UNIX, SOCK_STREAM, 0);
				char tag = 'A' + i;

				if (c < 0 ||
				    unix_connect(c, "many.sock") != 0 ||
				    write(c, &tag, 1) != 1)
					_exit(1);
				close(c);
			}
			_exit(0);
		}
	}
	for (n = 0; n < NCHILD * PER; n++) {
		char tag;

		a = accept(l, NULL, NULL);
		ATF_REQUIRE(a >= 0);
		ATF_REQUIRE_EQ(read(a, &tag, 1), 1);
		ATF_REQUIRE(tag >= 'A' && tag < 'A' + NCHILD);
		seen[tag - 'A']++;
		ATF_REQUIRE_EQ(read(a, &tag, 1), 0);
		ATF_REQUIRE_EQ(close(a), 0);
	}
	for (i = 0; i < NCHILD; i++) {
		wait_child_ok(pids[i]);
		ATF_REQUIRE_EQ(seen[i], PER);
	}
	ATF_REQUIRE_EQ(close(l), 0);
}

/* ---- Listener close with queued connections ------------------------------ */

/* The queued connection is aborted: the client reads ECONNRESET once,
 * then end of file. */
SOCKET_TC(listener_close_gives_queued_client_ECONNRESET_then_EOF)
{
	char c1;
	int l, c;

	l = unix_listener(SOCK_STREAM, "abort_read.sock", 5);
	c = unix_client(SOCK_STREAM, "abort_read.sock");
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE_ERRNO(ECONNRESET, read(c, &c1, 1) == -1);
	ATF_REQUIRE_EQ(read(c, &c1, 1), 0);
	ATF_REQUIRE_EQ(close(c), 0);
}

SOCKET_TC(listener_close_gives_queued_client_EPIPE_on_write)
{
	int l, c;

	ATF_REQUIRE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	l = unix_listener(SOCK_STREAM, "abort_write.sock", 5);
	c = unix_client(SOCK_STREAM, "abort_write.sock");
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE(wait_fd(c, POLLIN) & POLLHUP);
	ATF_REQUIRE_ERRNO(EPIPE, write(c, "x", 1) == -1);
	ATF_REQUIRE_EQ(close(c), 0);
}

/* Every queued socket, with the data its client sent, is freed. */
SOCKET_TC(listener_close_frees_every_queued_connection)
{
	static unsigned char buf[4096];
	int l, c[6], i;

	l = unix_listener(SOCK_STREAM, "abort_many.sock", 8);
	for (i = 0; i < 6; i++) {
		c[i] = unix_client(SOCK_STREAM, "abort_many.sock");
		ATF_REQUIRE_EQ(write(c[i], buf, sizeof(buf)), sizeof(buf));
	}
	ATF_REQUIRE_EQ(close(l), 0);
	for (i = 0; i < 6; i++) {
		ATF_REQUIRE(wait_fd(c[i], POLLIN) & POLLHUP);
		ATF_REQUIRE_EQ(close(c[i]), 0);
	}
}

SOCKET_TC(listener_close_leaves_accepted_connections_alone)
{
	char buf[4];
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "survivor.sock", 5);
	c = unix_client(SOCK_STREAM, "survivor.sock");
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE_EQ(write(c, "live", 4), 4);
	read_all(a, buf, 4);
	ATF_REQUIRE(memcmp(buf, "live", 4) == 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
}

/* ---- Peer close and shutdown --------------------------------------------- */

SOCKET_TC(peer_close_reader_gets_buffered_data_then_EOF)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "last", 4), 4);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	read_all(sv[1], buf, 4);
	ATF_REQUIRE(memcmp(buf, "last", 4) == 0);
	ATF_REQUIRE_EQ(read(sv[1], buf, sizeof(buf)), 0);
	ATF_REQUIRE_EQ(read(sv[1], buf, sizeof(buf)), 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

/* shutdown(2) SHUT_WR: the peer reads what was sent, then end of file. */
SOCKET_TC(shutdown_wr_gives_peer_data_then_EOF)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "bye", 3), 3);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	read_all(sv[1], buf, 3);
	ATF_REQUIRE(memcmp(buf, "bye", 3) == 0);
	ATF_REQUIRE_EQ(read(sv[1], buf, sizeof(buf)), 0);
	close_pair(sv);
}

SOCKET_TC(shutdown_wr_still_receives_from_peer)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	ATF_REQUIRE_EQ(write(sv[1], "still", 5), 5);
	read_all(sv[0], buf, 5);
	ATF_REQUIRE(memcmp(buf, "still", 5) == 0);
	close_pair(sv);
}

/* shutdown(2) SHUT_RD: data already received is discarded; reads see end
 * of file at once. */
SOCKET_TC(shutdown_rd_discards_buffered_data_and_reads_EOF)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "dropped", 7), 7);
	ATF_REQUIRE_EQ(shutdown(sv[1], SHUT_RD), 0);
	ATF_REQUIRE_EQ(read(sv[1], buf, sizeof(buf)), 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), 0);
	close_pair(sv);
}

/* A reader blocked in read() (here another process sharing the socket)
 * is woken with end of file. */
SOCKET_TC(shutdown_rd_wakes_blocked_reader_with_EOF)
{
	int sv[2];
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		char c;

		_exit(read(sv[1], &c, 1) == 0 ? 0 : 1);
	}
	usleep(100000);			/* let it block; not required */
	ATF_REQUIRE_EQ(shutdown(sv[1], SHUT_RD), 0);
	wait_child_ok(pid);
	close_pair(sv);
}

SOCKET_TC(shutdown_rdwr_gives_EOF_both_ways_and_EPIPE)
{
	char c;
	int sv[2];

	ATF_REQUIRE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_RDWR), 0);
	ATF_REQUIRE_EQ(read(sv[0], &c, 1), 0);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 0);
	ATF_REQUIRE_ERRNO(EPIPE, write(sv[0], "x", 1) == -1);
	close_pair(sv);
}

/* ---- Receive flags ------------------------------------------------------- */

SOCKET_TC(msg_peek_leaves_data_for_the_next_read)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "peek", 4), 4);
	ATF_REQUIRE_EQ(recv(sv[1], buf, 2, MSG_PEEK), 2);
	ATF_REQUIRE(memcmp(buf, "pe", 2) == 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_PEEK), 4);
	ATF_REQUIRE_EQ(read(sv[1], buf, sizeof(buf)), 4);
	ATF_REQUIRE(memcmp(buf, "peek", 4) == 0);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

/* recv(2) MSG_WAITALL: block until the full request is satisfied. */
SOCKET_TC(msg_waitall_collects_several_writes)
{
	unsigned char buf[4000];
	int sv[2], i;
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		pattern_fill(buf, sizeof(buf), 0);
		for (i = 0; i < 4; i++) {
			usleep(20000);
			if (write(sv[0], buf + i * 1000, 1000) != 1000)
				_exit(1);
		}
		_exit(0);
	}
	memset(buf, 0, sizeof(buf));
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_WAITALL),
	    sizeof(buf));
	ATF_REQUIRE(pattern_ok(buf, sizeof(buf), 0));
	wait_child_ok(pid);
	close_pair(sv);
}

/* ... or until end of file, which cuts it short. */
SOCKET_TC(msg_waitall_returns_short_count_at_EOF)
{
	char buf[100];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "0123456789", 10), 10);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), MSG_WAITALL), 10);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

SOCKET_TC(msg_dontwait_on_empty_blocking_socket_EAGAIN)
{
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], &c, 1, MSG_DONTWAIT) == -1);
	ATF_REQUIRE_EQ(fcntl(sv[1], F_GETFL) & O_NONBLOCK, 0);
	close_pair(sv);
}

SOCKET_TC(stream_keeps_no_write_boundaries)
{
	char buf[16];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "abc", 3), 3);
	ATF_REQUIRE_EQ(write(sv[0], "defg", 4), 4);
	ATF_REQUIRE_EQ(wait_fionread(sv[1], 7), 7);
	ATF_REQUIRE_EQ(read(sv[1], buf, sizeof(buf)), 7);
	ATF_REQUIRE(memcmp(buf, "abcdefg", 7) == 0);
	close_pair(sv);
}

/* ---- Back-pressure ------------------------------------------------------- */

SOCKET_TC(nonblocking_write_to_full_socket_EAGAIN)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	set_nonblock(sv[0]);
	fill_socket(sv[0], 1024, 1);
	ATF_REQUIRE_ERRNO(EAGAIN, write(sv[0], "x", 1) == -1);
	close_pair(sv);
}

/* A non-blocking write bigger than the free space sends part of it. */
SOCKET_TC(nonblocking_large_write_returns_partial_count)
{
	static unsigned char buf[256 * 1024];
	ssize_t n;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	set_nonblock(sv[0]);
	n = write(sv[0], buf, sizeof(buf));
	ATF_REQUIRE(n > 0);
	ATF_REQUIRE(n < (ssize_t)sizeof(buf));
	read_all(sv[1], buf, n);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], buf, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

/* The send side fills while the peer does not read; a blocked writer
 * resumes as the reader drains, and every byte arrives in order. */
SOCKET_TC(blocked_writer_resumes_when_reader_drains)
{
	enum { TOTAL = 256 * 1024 };
	static unsigned char buf[TOTAL];
	int sv[2];
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		close(sv[1]);
		pattern_fill(buf, TOTAL, 0);
		/* One write: it must block and resume many times. */
		_exit(write(sv[0], buf, TOTAL) == TOTAL ? 0 : 1);
	}
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	memset(buf, 0, sizeof(buf));
	read_all(sv[1], buf, TOTAL);
	ATF_REQUIRE(pattern_ok(buf, TOTAL, 0));
	ATF_REQUIRE_EQ(read(sv[1], buf, 1), 0);
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

/* Writes and reads of odd sizes: no byte lost, doubled or reordered. */
SOCKET_TC(odd_sized_writes_and_reads_keep_every_byte_in_order)
{
	enum { TOTAL = 200 * 1000 };
	static unsigned char buf[TOTAL];
	size_t off, len;
	ssize_t n;
	int sv[2];
	pid_t pid;

	unix_pair(SOCK_STREAM, sv);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		close(sv[1]);
		pattern_fill(buf, TOTAL, 0);
		for (off = 0, len = 1; off < TOTAL; off += len) {
			len = (len * 7 + 13) % 3001 + 1;
			if (len > TOTAL - off)
				len = TOTAL - off;
			if (write(sv[0], buf + off, len) != (ssize_t)len)
				_exit(1);
		}
		_exit(0);
	}
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	memset(buf, 0, sizeof(buf));
	for (off = 0, len = 1; off < TOTAL; off += n) {
		len = (len * 5 + 11) % 2039 + 1;
		if (len > TOTAL - off)
			len = TOTAL - off;
		n = read(sv[1], buf + off, len);
		ATF_REQUIRE(n > 0);
	}
	ATF_REQUIRE(pattern_ok(buf, TOTAL, 0));
	ATF_REQUIRE_EQ(read(sv[1], buf, 1), 0);
	wait_child_ok(pid);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, bind_creates_a_socket_file);
	ATF_TP_ADD_TC(tp, bind_to_existing_name_EADDRINUSE);
	ATF_TP_ADD_TC(tp, name_stays_EADDRINUSE_after_close_until_unlink);
	ATF_TP_ADD_TC(tp, bind_in_missing_directory_ENOENT);
	ATF_TP_ADD_TC(tp, name_of_104_bytes_binds_and_connects);
	ATF_TP_ADD_TC(tp, relative_and_absolute_names_reach_one_listener);
	ATF_TP_ADD_TC(tp, connect_to_missing_name_ENOENT);
	ATF_TP_ADD_TC(tp, connect_to_regular_file_ENOTSOCK);
	ATF_TP_ADD_TC(tp, connect_to_socket_not_listening_ECONNREFUSED);
	ATF_TP_ADD_TC(tp, connect_to_other_socket_type_EPROTOTYPE);
	ATF_TP_ADD_TC(tp, unlinked_name_keeps_connections_refuses_new_ENOENT);
	ATF_TP_ADD_TC(tp, connect_and_accept_carry_bytes_both_ways);
	ATF_TP_ADD_TC(tp, client_can_write_before_accept);
	ATF_TP_ADD_TC(tp, bound_client_name_reported_by_accept_and_getpeername);
	ATF_TP_ADD_TC(tp, listener_name_is_accepted_name_and_client_peer);
	ATF_TP_ADD_TC(tp, unbound_client_has_no_name_on_either_end);
	ATF_TP_ADD_TC(tp, nonblocking_connect_to_listener_completes_at_once);
	ATF_TP_ADD_TC(tp, nonblocking_accept_EAGAIN_then_takes_new_connection);
	ATF_TP_ADD_TC(tp, blocking_accept_waits_for_a_client);
	ATF_TP_ADD_TC(tp,
	    backlog_1_refuses_third_pending_connection_ECONNREFUSED);
	ATF_TP_ADD_TC(tp, backlog_0_takes_one_pending_connection);
	ATF_TP_ADD_TC(tp, accept_returns_connections_in_connect_order);
	ATF_TP_ADD_TC(tp, concurrent_connects_from_children_are_all_accepted);
	ATF_TP_ADD_TC(tp,
	    listener_close_gives_queued_client_ECONNRESET_then_EOF);
	ATF_TP_ADD_TC(tp, listener_close_gives_queued_client_EPIPE_on_write);
	ATF_TP_ADD_TC(tp, listener_close_frees_every_queued_connection);
	ATF_TP_ADD_TC(tp, listener_close_leaves_accepted_connections_alone);
	ATF_TP_ADD_TC(tp, peer_close_reader_gets_buffered_data_then_EOF);
	ATF_TP_ADD_TC(tp, shutdown_wr_gives_peer_data_then_EOF);
	ATF_TP_ADD_TC(tp, shutdown_wr_still_receives_from_peer);
	ATF_TP_ADD_TC(tp, shutdown_rd_discards_buffered_data_and_reads_EOF);
	ATF_TP_ADD_TC(tp, shutdown_rd_wakes_blocked_reader_with_EOF);
	ATF_TP_ADD_TC(tp, shutdown_rdwr_gives_EOF_both_ways_and_EPIPE);
	ATF_TP_ADD_TC(tp, msg_peek_leaves_data_for_the_next_read);
	ATF_TP_ADD_TC(tp, msg_waitall_collects_several_writes);
	ATF_TP_ADD_TC(tp, msg_waitall_returns_short_count_at_EOF);
	ATF_TP_ADD_TC(tp, msg_dontwait_on_empty_blocking_socket_EAGAIN);
	ATF_TP_ADD_TC(tp, stream_keeps_no_write_boundaries);
	ATF_TP_ADD_TC(tp, nonblocking_write_to_full_socket_EAGAIN);
	ATF_TP_ADD_TC(tp, nonblocking_large_write_returns_partial_count);
	ATF_TP_ADD_TC(tp, blocked_writer_resumes_when_reader_drains);
	ATF_TP_ADD_TC(tp, odd_sized_writes_and_reads_keep_every_byte_in_order);
	return (atf_no_error());
}
