/*
 * socket_test: the protocol-independent socket system calls as FreeBSD
 * programs see them, exercised on AF_UNIX sockets: socket, socketpair,
 * bind, listen, accept, accept4, connect, shutdown, send/sendto/sendmsg,
 * recv/recvfrom/recvmsg, getsockname, getpeername, getpeereid, close,
 * fstat, read/write/readv/writev, lseek; the success path of each and
 * every errno FreeBSD returns for its misuse.  AF_UNIX semantics proper
 * are in unix_*_test, options in sockopt_test.  Every case ends with the
 * leak check of socket_helpers.h.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

SOCKET_TC(socket_unknown_domain_EAFNOSUPPORT)
{
	int sv[2];

	ATF_REQUIRE_ERRNO(EAFNOSUPPORT, socket(12345, SOCK_STREAM, 0) == -1);
	ATF_REQUIRE_ERRNO(EAFNOSUPPORT, socket(-1, SOCK_DGRAM, 0) == -1);
	ATF_REQUIRE_ERRNO(EAFNOSUPPORT,
	    socketpair(12345, SOCK_STREAM, 0, sv) == -1);
}

/* socket(2): "EPROTOTYPE: The socket type is not supported by the protocol." */
SOCKET_TC(socket_unix_unsupported_type_EPROTOTYPE)
{
	ATF_REQUIRE_ERRNO(EPROTOTYPE, socket(AF_UNIX, SOCK_RAW, 0) == -1);
	ATF_REQUIRE_ERRNO(EPROTOTYPE, socket(AF_UNIX, SOCK_RDM, 0) == -1);
	ATF_REQUIRE_ERRNO(EPROTOTYPE, socket(AF_UNIX, 99, 0) == -1);
}

/* AF_UNIX has only protocol 0 for each type. */
SOCKET_TC(socket_unix_nonzero_protocol_EPROTONOSUPPORT)
{
	ATF_REQUIRE_ERRNO(EPROTONOSUPPORT,
	    socket(AF_UNIX, SOCK_STREAM, 7) == -1);
	ATF_REQUIRE_ERRNO(EPROTONOSUPPORT,
	    socket(AF_UNIX, SOCK_DGRAM, 17) == -1);
}

SOCKET_TC(socket_SOCK_CLOEXEC_sets_FD_CLOEXEC)
{
	int s;

	s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	ATF_REQUIRE(s >= 0);
	ATF_REQUIRE_EQ(fcntl(s, F_GETFD), FD_CLOEXEC);
	ATF_REQUIRE_EQ(fcntl(s, F_GETFL) & O_NONBLOCK, 0);
	ATF_REQUIRE_EQ(close(s), 0);
	/* Without the flag: inherited across exec, blocking. */
	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(fcntl(s, F_GETFD), 0);
	ATF_REQUIRE_EQ(fcntl(s, F_GETFL) & O_NONBLOCK, 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(socket_SOCK_NONBLOCK_makes_accept_EAGAIN)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	s = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	ATF_REQUIRE(s >= 0);
	ATF_REQUIRE(fcntl(s, F_GETFL) & O_NONBLOCK);
	ATF_REQUIRE_EQ(fcntl(s, F_GETFD), 0);
	len = sun_fill(&sun, "nonblock.sock");
	ATF_REQUIRE_EQ(bind(s, (struct sockaddr *)&sun, len), 0);
	ATF_REQUIRE_EQ(listen(s, 1), 0);
	ATF_REQUIRE_ERRNO(EAGAIN, accept(s, NULL, NULL) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(socket_at_descriptor_limit_EMFILE)
{
	struct rlimit rl = { 32, 32 };
	int fds[32], n = 0, s, err;

	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	while ((s = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0) {
		ATF_REQUIRE(n < 32);
		fds[n++] = s;
	}
	err = errno;
	/* Give the descriptors back: atf must still write its result. */
	while (n > 0)
		close(fds[--n]);
	ATF_REQUIRE_EQ(err, EMFILE);
}

SOCKET_TC(socketpair_connects_the_two_ends_both_ways)
{
	char buf[8];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], "ping", 4), 4);
	ATF_REQUIRE_EQ(read(sv[1], buf, sizeof(buf)), 4);
	ATF_REQUIRE(memcmp(buf, "ping", 4) == 0);
	ATF_REQUIRE_EQ(write(sv[1], "pong!", 5), 5);
	ATF_REQUIRE_EQ(read(sv[0], buf, sizeof(buf)), 5);
	ATF_REQUIRE(memcmp(buf, "pong!", 5) == 0);
	close_pair(sv);
	/* A datagram pair is connected both ways too. */
	unix_pair(SOCK_DGRAM, sv);
	ATF_REQUIRE_EQ(send(sv[0], "a", 1, 0), 1);
	ATF_REQUIRE_EQ(send(sv[0], "bc", 2, 0), 2);
	ATF_REQUIRE_EQ(send(sv[1], "def", 3, 0), 3);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 1);
	ATF_REQUIRE_EQ(recv(sv[1], buf, sizeof(buf), 0), 2);
	ATF_REQUIRE(memcmp(buf, "bc", 2) == 0);
	ATF_REQUIRE_EQ(recv(sv[0], buf, sizeof(buf), 0), 3);
	ATF_REQUIRE(memcmp(buf, "def", 3) == 0);
	close_pair(sv);
}

SOCKET_TC(socketpair_SOCK_CLOEXEC_SOCK_NONBLOCK_apply_to_both)
{
	char c;
	int sv[2], i;

	ATF_REQUIRE_EQ(socketpair(AF_UNIX,
	    SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv), 0);
	for (i = 0; i < 2; i++) {
		ATF_REQUIRE_EQ(fcntl(sv[i], F_GETFD), FD_CLOEXEC);
		ATF_REQUIRE(fcntl(sv[i], F_GETFL) & O_NONBLOCK);
		ATF_REQUIRE_ERRNO(EAGAIN, read(sv[i], &c, 1) == -1);
	}
	close_pair(sv);
}

SOCKET_TC(socketpair_bad_vector_EFAULT_and_no_descriptor_left)
{
	int before;

	before = open_fd_count();
	ATF_REQUIRE_ERRNO(EFAULT,
	    socketpair(AF_UNIX, SOCK_STREAM, 0, BAD_PTR) == -1);
	ATF_REQUIRE_EQ(open_fd_count(), before);
}

/* Both sockets are made before the descriptors: both must be undone. */
SOCKET_TC(socketpair_with_one_free_descriptor_EMFILE)
{
	struct rlimit rl = { 32, 32 };
	int fds[32], n = 0, fd, sv[2], err;

	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	while ((fd = dup(0)) >= 0) {
		ATF_REQUIRE(n < 32);
		fds[n++] = fd;
	}
	ATF_REQUIRE(n > 0);
	close(fds[--n]);		/* exactly one slot free */
	errno = 0;
	fd = socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	err = errno;
	while (n > 0)
		close(fds[--n]);
	ATF_REQUIRE_EQ(fd, -1);
	ATF_REQUIRE_EQ(err, EMFILE);
}

/* ---- Calls on descriptors that are not sockets --------------------------- */

/* Every socket call on fd must fail with err. */
static void
every_socket_call_fails(int fd, int err)
{
	struct sockaddr_un sun;
	struct msghdr msg;
	struct iovec iov;
	socklen_t len, slen;
	char c = 'x';
	int v = 1;

	slen = sun_fill(&sun, "nowhere.sock");
	iov.iov_base = &c;
	iov.iov_len = 1;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
#define	FAILS(call)	ATF_CHECK_ERRNO(err, (call) == -1)
	FAILS(bind(fd, (struct sockaddr *)&sun, slen));
	FAILS(listen(fd, 1));
	len = sizeof(sun);
	FAILS(accept(fd, (struct sockaddr *)&sun, &len));
	len = sizeof(sun);
	FAILS(accept4(fd, (struct sockaddr *)&sun, &len, SOCK_CLOEXEC));
	FAILS(connect(fd, (struct sockaddr *)&sun, slen));
	FAILS(shutdown(fd, SHUT_RDWR));
	FAILS(send(fd, &c, 1, 0));
	FAILS(sendto(fd, &c, 1, 0, (struct sockaddr *)&sun, slen));
	FAILS(sendmsg(fd, &msg, 0));
	FAILS(recv(fd, &c, 1, MSG_DONTWAIT));
	len = sizeof(sun);
	FAILS(recvfrom(fd, &c, 1, MSG_DONTWAIT, (struct sockaddr *)&sun,
	    &len));
	FAILS(recvmsg(fd, &msg, MSG_DONTWAIT));
	len = sizeof(sun);
	FAILS(getsockname(fd, (struct sockaddr *)&sun, &len));
	len = sizeof(sun);
	FAILS(getpeername(fd, (struct sockaddr *)&sun, &len));
	FAILS(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)));
	len = sizeof(v);
	FAILS(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len));
#undef FAILS
}

SOCKET_TC(socket_calls_on_closed_descriptor_EBADF)
{
	int fd;

	fd = dup(0);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(close(fd), 0);
	every_socket_call_fails(fd, EBADF);
	every_socket_call_fails(-1, EBADF);
}

SOCKET_TC(socket_calls_on_pipe_ENOTSOCK)
{
	int p[2];

	ATF_REQUIRE_EQ(pipe(p), 0);
	every_socket_call_fails(p[0], ENOTSOCK);
	every_socket_call_fails(p[1], ENOTSOCK);
	ATF_REQUIRE_EQ(close(p[0]), 0);
	ATF_REQUIRE_EQ(close(p[1]), 0);
}

/* Addresses, buffers and headers the process cannot read or write. */
SOCKET_TC(pointers_to_unmapped_memory_EFAULT)
{
	struct sockaddr_un sun;
	socklen_t len;
	int sv[2], s, l;

	s = unix_socket(SOCK_STREAM);
	l = unix_listener(SOCK_STREAM, "efault.sock", 5);
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(send(sv[0], "fault", 5, 0), 5);
	ATF_CHECK_ERRNO(EFAULT, bind(s, BAD_PTR, sizeof(sun)) == -1);
	ATF_CHECK_ERRNO(EFAULT, connect(s, BAD_PTR, sizeof(sun)) == -1);
	len = sizeof(sun);
	ATF_CHECK_ERRNO(EFAULT, getsockname(l, BAD_PTR, &len) == -1);
	ATF_CHECK_ERRNO(EFAULT,
	    getsockname(l, (struct sockaddr *)&sun, BAD_PTR) == -1);
	len = sizeof(sun);
	ATF_CHECK_ERRNO(EFAULT, getpeername(sv[0], BAD_PTR, &len) == -1);
	ATF_CHECK_ERRNO(EFAULT, sendmsg(sv[0], BAD_PTR, 0) == -1);
	ATF_CHECK_ERRNO(EFAULT, recvmsg(sv[1], BAD_PTR, MSG_DONTWAIT) == -1);
	ATF_CHECK_ERRNO(EFAULT, recv(sv[1], BAD_PTR, 5, 0) == -1);
	close_pair(sv);
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* bind(2): "ENAMETOOLONG: A component of a path name exceeded..."; FreeBSD
 * answers it for any address longer than SOCK_MAXADDRLEN (255) bytes. */
SOCKET_TC(bind_address_longer_than_SOCK_MAXADDRLEN_ENAMETOOLONG)
{
	char big[SOCK_MAXADDRLEN + 1 + 16];
	struct sockaddr_un *sun = (struct sockaddr_un *)big;
	int s;

	memset(big, 'n', sizeof(big));
	sun->sun_len = 0;
	sun->sun_family = AF_UNIX;
	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENAMETOOLONG, bind(s, (struct sockaddr *)big,
	    SOCK_MAXADDRLEN + 1) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* Longer than a sockaddr_un but within SOCK_MAXADDRLEN. */
SOCKET_TC(bind_address_longer_than_sockaddr_un_EINVAL)
{
	char big[200];
	struct sockaddr_un *sun = (struct sockaddr_un *)big;
	int s;

	memset(big, 0, sizeof(big));
	sun->sun_family = AF_UNIX;
	strlcpy(sun->sun_path, "long.sock", sizeof(sun->sun_path));
	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(EINVAL,
	    bind(s, (struct sockaddr *)big, sizeof(big)) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_ERRNO(ENOENT, access("long.sock", F_OK) == -1);
}

/* An address shorter than sa_len and sa_family, or with no path bytes. */
SOCKET_TC(bind_address_without_path_bytes_EINVAL)
{
	struct sockaddr_un sun;
	int s;

	s = unix_socket(SOCK_STREAM);
	sun_fill(&sun, "short.sock");
	ATF_REQUIRE_ERRNO(EINVAL, bind(s, (struct sockaddr *)&sun, 0) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, bind(s, (struct sockaddr *)&sun, 1) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, bind(s, (struct sockaddr *)&sun,
	    offsetof(struct sockaddr_un, sun_path)) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(bind_other_family_EAFNOSUPPORT)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	s = unix_socket(SOCK_STREAM);
	len = sun_fill(&sun, "family.sock");
	sun.sun_family = AF_INET;
	ATF_REQUIRE_ERRNO(EAFNOSUPPORT,
	    bind(s, (struct sockaddr *)&sun, len) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_ERRNO(ENOENT, access("family.sock", F_OK) == -1);
}

/* unix(4): a socket cannot be rebound. */
SOCKET_TC(bind_twice_EINVAL)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	s = unix_bound(SOCK_STREAM, "twice1.sock");
	len = sun_fill(&sun, "twice2.sock");
	ATF_REQUIRE_ERRNO(EINVAL, bind(s, (struct sockaddr *)&sun, len) == -1);
	ATF_REQUIRE_ERRNO(ENOENT, access("twice2.sock", F_OK) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* ---- listen(2) ----------------------------------------------------------- */

SOCKET_TC(listen_on_dgram_EOPNOTSUPP)
{
	int s;

	s = unix_bound(SOCK_DGRAM, "listen_dgram.sock");
	ATF_REQUIRE_ERRNO(EOPNOTSUPP, listen(s, 5) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* FreeBSD: a local stream socket must be bound before listen(). */
SOCKET_TC(listen_on_unbound_stream_EDESTADDRREQ)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(EDESTADDRREQ, listen(s, 5) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(listen_on_connected_socket_EINVAL)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(EINVAL, listen(sv[0], 5) == -1);
	close_pair(sv);
}

SOCKET_TC(accept_on_socket_not_listening_EINVAL)
{
	int s, u, d;

	s = unix_bound(SOCK_STREAM, "notlistening.sock");
	u = unix_socket(SOCK_STREAM);
	d = unix_bound(SOCK_DGRAM, "accept_dgram.sock");
	ATF_REQUIRE_ERRNO(EINVAL, accept(s, NULL, NULL) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, accept(u, NULL, NULL) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, accept(d, NULL, NULL) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(u), 0);
	ATF_REQUIRE_EQ(close(d), 0);
}

/*
 * The peer of an unbound client has no name: accept returns an AF_UNIX
 * address with an empty path (FreeBSD returns a bare 16-byte sockaddr).
 */
SOCKET_TC(accept_returns_unnamed_address_of_unbound_client)
{
	struct sockaddr_un sun;
	socklen_t len;
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "accept_addr.sock", 5);
	c = unix_client(SOCK_STREAM, "accept_addr.sock");
	memset(&sun, 0xa5, sizeof(sun));
	len = sizeof(sun);
	a = accept(l, (struct sockaddr *)&sun, &len);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE(len >= offsetof(struct sockaddr_un, sun_path));
	ATF_REQUIRE(len <= sizeof(sun));
	ATF_REQUIRE_EQ(sun.sun_len, len);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE(len == offsetof(struct sockaddr_un, sun_path) ||
	    sun.sun_path[0] == '\0');
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* accept(2): the returned address is truncated to the space supplied. */
SOCKET_TC(accept_truncates_address_to_given_length)
{
	struct sockaddr_un sun;
	unsigned char buf[sizeof(struct sockaddr_un)];
	socklen_t len;
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "trunc_listen.sock", 5);
	c = unix_bound(SOCK_STREAM, "trunc_client.sock");
	ATF_REQUIRE_EQ(unix_connect(c, "trunc_listen.sock"), 0);
	memset(buf, 0xa5, sizeof(buf));
	len = 4;
	a = accept(l, (struct sockaddr *)buf, &len);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(len, 4);
	sun_fill(&sun, "trunc_client.sock");
	ATF_REQUIRE_EQ(buf[1], AF_UNIX);
	ATF_REQUIRE(memcmp(buf + 2, sun.sun_path, 2) == 0);
	ATF_REQUIRE_EQ(buf[4], 0xa5);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* The length is read before a connection is taken off the queue. */
SOCKET_TC(accept_bad_length_pointer_EFAULT_leaves_connection_queued)
{
	struct sockaddr_un sun;
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "accept_efault.sock", 5);
	c = unix_client(SOCK_STREAM, "accept_efault.sock");
	ATF_REQUIRE_ERRNO(EFAULT,
	    accept(l, (struct sockaddr *)&sun, BAD_PTR) == -1);
	set_nonblock(l);		/* a lost connection fails, not hangs */
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(write(c, "q", 1), 1);
	ATF_REQUIRE_EQ(read(a, &sun, 1), 1);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* No descriptor for the new connection: it stays queued for later. */
SOCKET_TC(accept_at_descriptor_limit_EMFILE_leaves_connection_queued)
{
	struct rlimit rl;
	int fds[64], n = 0, fd, l, c, a, err;

	l = unix_listener(SOCK_STREAM, "accept_emfile.sock", 5);
	c = unix_client(SOCK_STREAM, "accept_emfile.sock");
	ATF_REQUIRE_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
	rl.rlim_cur = 32;
	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	while ((fd = dup(0)) >= 0) {
		ATF_REQUIRE(n < 64);
		fds[n++] = fd;
	}
	errno = 0;
	a = accept(l, NULL, NULL);
	err = errno;
	while (n > 0)
		close(fds[--n]);
	ATF_REQUIRE_EQ(a, -1);
	ATF_REQUIRE_EQ(err, EMFILE);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(accept4_unknown_flag_EINVAL)
{
	int l;

	l = unix_listener(SOCK_STREAM, "accept4_flags.sock", 5);
	ATF_REQUIRE_ERRNO(EINVAL, accept4(l, NULL, NULL, O_APPEND) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, accept4(l, NULL, NULL, 0x4000) == -1);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(accept4_SOCK_CLOEXEC_SOCK_NONBLOCK_apply_to_new_socket)
{
	char c1;
	int l, c, a;

	l = unix_listener(SOCK_STREAM, "accept4.sock", 5);
	c = unix_client(SOCK_STREAM, "accept4.sock");
	a = accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(fcntl(a, F_GETFD), FD_CLOEXEC);
	ATF_REQUIRE(fcntl(a, F_GETFL) & O_NONBLOCK);
	ATF_REQUIRE_ERRNO(EAGAIN, read(a, &c1, 1) == -1);
	ATF_REQUIRE_EQ(fcntl(l, F_GETFL) & O_NONBLOCK, 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/*
 * accept(2): accept() gives the new socket the listener's O_NONBLOCK;
 * accept4() takes it from SOCK_NONBLOCK instead.
 */
SOCKET_TC(accept_inherits_O_NONBLOCK_from_listener_accept4_does_not)
{
	char c1;
	int l, c, c2, a, a2;

	l = unix_listener(SOCK_STREAM, "inherit.sock", 5);
	set_nonblock(l);
	c = unix_client(SOCK_STREAM, "inherit.sock");
	c2 = unix_client(SOCK_STREAM, "inherit.sock");
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE(fcntl(a, F_GETFL) & O_NONBLOCK);
	ATF_REQUIRE_ERRNO(EAGAIN, read(a, &c1, 1) == -1);
	ATF_REQUIRE_EQ(fcntl(a, F_GETFD), 0);
	a2 = accept4(l, NULL, NULL, 0);
	ATF_REQUIRE(a2 >= 0);
	ATF_REQUIRE_EQ(fcntl(a2, F_GETFL) & O_NONBLOCK, 0);
	ATF_REQUIRE_EQ(close(a2), 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c2), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(connect_other_family_EAFNOSUPPORT)
{
	struct sockaddr_un sun;
	socklen_t len;
	int l, s;

	l = unix_listener(SOCK_STREAM, "connect_family.sock", 5);
	s = unix_socket(SOCK_STREAM);
	len = sun_fill(&sun, "connect_family.sock");
	sun.sun_family = AF_INET;
	ATF_REQUIRE_ERRNO(EAFNOSUPPORT,
	    connect(s, (struct sockaddr *)&sun, len) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(connect_on_listening_socket_EOPNOTSUPP)
{
	int l, l2;

	l = unix_listener(SOCK_STREAM, "connect_l1.sock", 5);
	l2 = unix_listener(SOCK_STREAM, "connect_l2.sock", 5);
	ATF_REQUIRE_ERRNO(EOPNOTSUPP, unix_connect(l, "connect_l2.sock") == -1);
	ATF_REQUIRE_EQ(close(l2), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* A connection-oriented socket connects once. */
SOCKET_TC(connect_connected_stream_EISCONN)
{
	int l, c, a, sv[2];

	l = unix_listener(SOCK_STREAM, "eisconn.sock", 5);
	c = unix_client(SOCK_STREAM, "eisconn.sock");
	ATF_REQUIRE_ERRNO(EISCONN, unix_connect(c, "eisconn.sock") == -1);
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(EISCONN, unix_connect(sv[0], "eisconn.sock") == -1);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(close(a), 0);
	close_pair(sv);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* ---- shutdown(2) --------------------------------------------------------- */

SOCKET_TC(shutdown_invalid_how_EINVAL)
{
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(EINVAL, shutdown(sv[0], 3) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, shutdown(sv[0], -1) == -1);
	/* Nothing was shut down. */
	ATF_REQUIRE_EQ(write(sv[0], "s", 1), 1);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 1);
	close_pair(sv);
}

SOCKET_TC(shutdown_unconnected_stream_ENOTCONN)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENOTCONN, shutdown(s, SHUT_RD) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, shutdown(s, SHUT_WR) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, shutdown(s, SHUT_RDWR) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(send_and_recv_on_unconnected_stream_ENOTCONN)
{
	char c;
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENOTCONN, send(s, "x", 1, 0) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, write(s, "x", 1) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, recv(s, &c, 1, 0) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, read(s, &c, 1) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* AF_UNIX streams have no implied connect: the address does not help. */
SOCKET_TC(sendto_with_address_on_unconnected_stream_ENOTCONN)
{
	struct sockaddr_un sun;
	socklen_t len;
	int l, s;

	l = unix_listener(SOCK_STREAM, "implied.sock", 5);
	s = unix_socket(SOCK_STREAM);
	len = sun_fill(&sun, "implied.sock");
	ATF_REQUIRE_ERRNO(ENOTCONN,
	    sendto(s, "x", 1, 0, (struct sockaddr *)&sun, len) == -1);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLEN), 0);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(send_on_unconnected_dgram_EDESTADDRREQ)
{
	int s;

	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_ERRNO(EDESTADDRREQ, send(s, "x", 1, 0) == -1);
	ATF_REQUIRE_ERRNO(EDESTADDRREQ, write(s, "x", 1) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(send_and_recv_on_listening_socket_ENOTCONN)
{
	char c;
	int l;

	l = unix_listener(SOCK_STREAM, "listen_io.sock", 5);
	ATF_REQUIRE_ERRNO(ENOTCONN, send(l, "x", 1, 0) == -1);
	ATF_REQUIRE_ERRNO(ENOTCONN, recv(l, &c, 1, 0) == -1);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(send_buffer_in_unmapped_memory_EFAULT_sends_nothing)
{
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(EFAULT, send(sv[0], BAD_PTR, 16, 0) == -1);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], &c, 1, MSG_DONTWAIT) == -1);
	close_pair(sv);
}

SOCKET_TC(sendmsg_more_than_UIO_MAXIOV_iovecs_EMSGSIZE)
{
	static struct iovec iov[UIO_MAXIOV + 1];
	struct msghdr msg;
	char c = 'v';
	int sv[2], i;

	for (i = 0; i < UIO_MAXIOV + 1; i++) {
		iov[i].iov_base = &c;
		iov[i].iov_len = 1;
	}
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = iov;
	msg.msg_iovlen = UIO_MAXIOV + 1;
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(EMSGSIZE, sendmsg(sv[0], &msg, 0) == -1);
	msg.msg_iovlen = UIO_MAXIOV;
	ATF_REQUIRE_EQ(sendmsg(sv[0], &msg, 0), UIO_MAXIOV);
	close_pair(sv);
}

/* A byte stream has no records to end. */
SOCKET_TC(send_MSG_EOR_on_stream_EINVAL)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_ERRNO(EINVAL, send(sv[0], "e", 1, MSG_EOR) == -1);
	close_pair(sv);
}

/* ---- getsockname(2), getpeername(2), getpeereid(3) ----------------------- */

SOCKET_TC(getsockname_unbound_is_AF_UNIX_without_path)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	s = unix_socket(SOCK_STREAM);
	memset(&sun, 0xa5, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getsockname(s, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE(len >= offsetof(struct sockaddr_un, sun_path));
	ATF_REQUIRE(len <= sizeof(sun));
	ATF_REQUIRE_EQ(sun.sun_len, len);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE(len == offsetof(struct sockaddr_un, sun_path) ||
	    sun.sun_path[0] == '\0');
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(getsockname_bound_returns_path_and_its_length)
{
	struct sockaddr_un want, sun;
	socklen_t len, wlen;
	int s;

	s = unix_bound(SOCK_DGRAM, "named.sock");
	wlen = sun_fill(&want, "named.sock");
	memset(&sun, 0, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getsockname(s, (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE_EQ(len, wlen);
	ATF_REQUIRE_EQ(sun.sun_len, wlen);
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE_STREQ(sun.sun_path, "named.sock");
	ATF_REQUIRE_EQ(close(s), 0);
}

/* The name is cut to the space given, and the length says what was copied. */
SOCKET_TC(getsockname_truncates_to_given_length)
{
	unsigned char buf[sizeof(struct sockaddr_un)];
	socklen_t len;
	int s;

	s = unix_bound(SOCK_STREAM, "truncname.sock");
	memset(buf, 0xa5, sizeof(buf));
	len = 5;
	ATF_REQUIRE_EQ(getsockname(s, (struct sockaddr *)buf, &len), 0);
	ATF_REQUIRE_EQ(len, 5);
	ATF_REQUIRE_EQ(buf[1], AF_UNIX);
	ATF_REQUIRE(memcmp(buf + 2, "tru", 3) == 0);
	ATF_REQUIRE_EQ(buf[5], 0xa5);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(getpeername_unconnected_ENOTCONN)
{
	struct sockaddr_un sun;
	socklen_t len = sizeof(sun);
	int s, l;

	s = unix_socket(SOCK_STREAM);
	l = unix_listener(SOCK_STREAM, "peerless.sock", 5);
	ATF_REQUIRE_ERRNO(ENOTCONN,
	    getpeername(s, (struct sockaddr *)&sun, &len) == -1);
	len = sizeof(sun);
	ATF_REQUIRE_ERRNO(ENOTCONN,
	    getpeername(l, (struct sockaddr *)&sun, &len) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(getpeername_of_socketpair_is_AF_UNIX_without_path)
{
	struct sockaddr_un sun;
	socklen_t len;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	memset(&sun, 0xa5, sizeof(sun));
	len = sizeof(sun);
	ATF_REQUIRE_EQ(getpeername(sv[0], (struct sockaddr *)&sun, &len), 0);
	ATF_REQUIRE(len >= offsetof(struct sockaddr_un, sun_path));
	ATF_REQUIRE(len <= sizeof(sun));
	ATF_REQUIRE_EQ(sun.sun_family, AF_UNIX);
	ATF_REQUIRE(len == offsetof(struct sockaddr_un, sun_path) ||
	    sun.sun_path[0] == '\0');
	close_pair(sv);
}

/* ---- The file side: fstat, lseek, read/write, dup, close ----------------- */

/* A socket is an S_IFSOCK file that cannot seek; FreeBSD reports the send
 * buffer's size as its preferred I/O size. */
SOCKET_TC(socket_file_is_S_IFSOCK_unseekable_blksize_is_sndbuf)
{
	struct stat st;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(fstat(sv[0], &st), 0);
	ATF_REQUIRE(S_ISSOCK(st.st_mode));
	ATF_REQUIRE_EQ(st.st_blksize,
	    sockopt_int(sv[0], SOL_SOCKET, SO_SNDBUF));
	ATF_REQUIRE_ERRNO(ESPIPE, lseek(sv[0], 0, SEEK_CUR) == -1);
	close_pair(sv);
}

SOCKET_TC(readv_and_writev_gather_and_scatter)
{
	struct iovec iov[3];
	char a[3], b[4], c[5];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	iov[0].iov_base = "one";
	iov[0].iov_len = 3;
	iov[1].iov_base = "two2";
	iov[1].iov_len = 4;
	iov[2].iov_base = "three";
	iov[2].iov_len = 5;
	ATF_REQUIRE_EQ(writev(sv[0], iov, 3), 12);
	iov[0].iov_base = a;
	iov[1].iov_base = b;
	iov[2].iov_base = c;
	read_all(sv[1], a, 1);		/* the stream starts where it should */
	ATF_REQUIRE_EQ(a[0], 'o');
	iov[0].iov_len = 2;
	ATF_REQUIRE_EQ(readv(sv[1], iov, 3), 11);
	ATF_REQUIRE(memcmp(a, "ne", 2) == 0);
	ATF_REQUIRE(memcmp(b, "two2", 4) == 0);
	ATF_REQUIRE(memcmp(c, "three", 5) == 0);
	close_pair(sv);
}

SOCKET_TC(recvfrom_on_stream_returns_no_address)
{
	struct sockaddr_un sun;
	socklen_t len;
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(send(sv[0], "r", 1, 0), 1);
	len = sizeof(sun);
	ATF_REQUIRE_EQ(recvfrom(sv[1], &c, 1, 0, (struct sockaddr *)&sun,
	    &len), 1);
	ATF_REQUIRE_EQ(len, 0);
	close_pair(sv);
}

SOCKET_TC(dup_keeps_socket_open_until_last_close)
{
	char c;
	int sv[2], d;

	unix_pair(SOCK_STREAM, sv);
	d = dup(sv[0]);
	ATF_REQUIRE(d >= 0);
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	ATF_REQUIRE_EQ(write(d, "d", 1), 1);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 1);
	ATF_REQUIRE_EQ(close(d), 0);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

/* kern.ipc.numopensockets and the per-type counters follow socket(2). */
SOCKET_TC(socket_counters_count_each_socket_by_type)
{
	long all, st, dg, sp;
	int s[3];

	all = sysctl_long("kern.ipc.numopensockets");
	st = sysctl_long("kern.ipc.sockets_unix_stream");
	dg = sysctl_long("kern.ipc.sockets_unix_dgram");
	sp = sysctl_long("kern.ipc.sockets_unix_seqpacket");
	s[0] = unix_socket(SOCK_STREAM);
	s[1] = unix_socket(SOCK_DGRAM);
	s[2] = unix_socket(SOCK_SEQPACKET);
	ATF_REQUIRE_EQ(sysctl_long("kern.ipc.numopensockets"), all + 3);
	ATF_REQUIRE_EQ(sysctl_long("kern.ipc.sockets_unix_stream"), st + 1);
	ATF_REQUIRE_EQ(sysctl_long("kern.ipc.sockets_unix_dgram"), dg + 1);
	ATF_REQUIRE_EQ(sysctl_long("kern.ipc.sockets_unix_seqpacket"),
	    sp + 1);
	ATF_REQUIRE_EQ(close(s[0]), 0);
	ATF_REQUIRE_EQ(close(s[1]), 0);
	ATF_REQUIRE_EQ(close(s[2]), 0);
	/* counters_settle() checks that they come back down. */
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, socket_unknown_domain_EAFNOSUPPORT);
	ATF_TP_ADD_TC(tp, socket_unix_unsupported_type_EPROTOTYPE);
	ATF_TP_ADD_TC(tp, socket_unix_nonzero_protocol_EPROTONOSUPPORT);
	ATF_TP_ADD_TC(tp, socket_SOCK_CLOEXEC_sets_FD_CLOEXEC);
	ATF_TP_ADD_TC(tp, socket_SOCK_NONBLOCK_makes_accept_EAGAIN);
	ATF_TP_ADD_TC(tp, socket_at_descriptor_limit_EMFILE);
	ATF_TP_ADD_TC(tp, socketpair_connects_the_two_ends_both_ways);
	ATF_TP_ADD_TC(tp, socketpair_SOCK_CLOEXEC_SOCK_NONBLOCK_apply_to_both);
	ATF_TP_ADD_TC(tp, socketpair_bad_vector_EFAULT_and_no_descriptor_left);
	ATF_TP_ADD_TC(tp, socketpair_with_one_free_descriptor_EMFILE);
	ATF_TP_ADD_TC(tp, socket_calls_on_closed_descriptor_EBADF);
	ATF_TP_ADD_TC(tp, socket_calls_on_pipe_ENOTSOCK);
	ATF_TP_ADD_TC(tp, pointers_to_unmapped_memory_EFAULT);
	ATF_TP_ADD_TC(tp,
	    bind_address_longer_than_SOCK_MAXADDRLEN_ENAMETOOLONG);
	ATF_TP_ADD_TC(tp, bind_address_longer_than_sockaddr_un_EINVAL);
	ATF_TP_ADD_TC(tp, bind_address_without_path_bytes_EINVAL);
	ATF_TP_ADD_TC(tp, bind_other_family_EAFNOSUPPORT);
	ATF_TP_ADD_TC(tp, bind_twice_EINVAL);
	ATF_TP_ADD_TC(tp, listen_on_dgram_EOPNOTSUPP);
	ATF_TP_ADD_TC(tp, listen_on_unbound_stream_EDESTADDRREQ);
	ATF_TP_ADD_TC(tp, listen_on_connected_socket_EINVAL);
	ATF_TP_ADD_TC(tp, accept_on_socket_not_listening_EINVAL);
	ATF_TP_ADD_TC(tp, accept_returns_unnamed_address_of_unbound_client);
	ATF_TP_ADD_TC(tp, accept_truncates_address_to_given_length);
	ATF_TP_ADD_TC(tp,
	    accept_bad_length_pointer_EFAULT_leaves_connection_queued);
	ATF_TP_ADD_TC(tp,
	    accept_at_descriptor_limit_EMFILE_leaves_connection_queued);
	ATF_TP_ADD_TC(tp, accept4_unknown_flag_EINVAL);
	ATF_TP_ADD_TC(tp,
	    accept4_SOCK_CLOEXEC_SOCK_NONBLOCK_apply_to_new_socket);
	ATF_TP_ADD_TC(tp,
	    accept_inherits_O_NONBLOCK_from_listener_accept4_does_not);
	ATF_TP_ADD_TC(tp, connect_other_family_EAFNOSUPPORT);
	ATF_TP_ADD_TC(tp, connect_on_listening_socket_EOPNOTSUPP);
	ATF_TP_ADD_TC(tp, connect_connected_stream_EISCONN);
	ATF_TP_ADD_TC(tp, shutdown_invalid_how_EINVAL);
	ATF_TP_ADD_TC(tp, shutdown_unconnected_stream_ENOTCONN);
	ATF_TP_ADD_TC(tp, send_and_recv_on_unconnected_stream_ENOTCONN);
	ATF_TP_ADD_TC(tp, sendto_with_address_on_unconnected_stream_ENOTCONN);
	ATF_TP_ADD_TC(tp, send_on_unconnected_dgram_EDESTADDRREQ);
	ATF_TP_ADD_TC(tp, send_and_recv_on_listening_socket_ENOTCONN);
	ATF_TP_ADD_TC(tp, send_buffer_in_unmapped_memory_EFAULT_sends_nothing);
	ATF_TP_ADD_TC(tp, sendmsg_more_than_UIO_MAXIOV_iovecs_EMSGSIZE);
	ATF_TP_ADD_TC(tp, send_MSG_EOR_on_stream_EINVAL);
	ATF_TP_ADD_TC(tp, getsockname_unbound_is_AF_UNIX_without_path);
	ATF_TP_ADD_TC(tp, getsockname_bound_returns_path_and_its_length);
	ATF_TP_ADD_TC(tp, getsockname_truncates_to_given_length);
	ATF_TP_ADD_TC(tp, getpeername_unconnected_ENOTCONN);
	ATF_TP_ADD_TC(tp, getpeername_of_socketpair_is_AF_UNIX_without_path);
	ATF_TP_ADD_TC(tp, socket_file_is_S_IFSOCK_unseekable_blksize_is_sndbuf);
	ATF_TP_ADD_TC(tp, readv_and_writev_gather_and_scatter);
	ATF_TP_ADD_TC(tp, recvfrom_on_stream_returns_no_address);
	ATF_TP_ADD_TC(tp, dup_keeps_socket_open_until_last_close);
	ATF_TP_ADD_TC(tp, socket_counters_count_each_socket_by_type);
	return (atf_no_error());
}
