/*
 * sockopt_test: getsockopt(2)/setsockopt(2) at SOL_SOCKET on AF_UNIX
 * sockets, as FreeBSD answers them: the read-only options (SO_TYPE,
 * SO_DOMAIN, SO_PROTOCOL, SO_ACCEPTCONN, SO_ERROR, SO_LISTENQLIMIT,
 * SO_LISTENQLEN, SO_LISTENINCQLEN), the flag options (SO_REUSEADDR,
 * SO_REUSEPORT, SO_KEEPALIVE, SO_NOSIGPIPE), buffer sizes and low-water
 * marks, timeouts, SO_LINGER; defaults, value rules (EINVAL, EDOM,
 * ENOBUFS, ENOPROTOOPT), truncation and EFAULT.  The SOL_LOCAL options are
 * in unix_scm_test.
 *
 * FreeBSD's getsockopt of a flag option returns the option's bit in
 * so_options (SO_KEEPALIVE reads back as SO_KEEPALIVE, not 1); the cases
 * below hold the kernel to that.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "socket_helpers.h"

#define	DEFAULT_SNDLOWAT 2048		/* FreeBSD: MCLBYTES */

static const int flag_options[] = {
	SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, SO_NOSIGPIPE,
};
#define	NFLAGS	(int)(sizeof(flag_options) / sizeof(flag_options[0]))

/* ---- Read-only options --------------------------------------------------- */

SOCKET_TC(so_type_reports_the_socket_type)
{
	int s[3], i;
	static const int types[3] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };

	for (i = 0; i < 3; i++) {
		s[i] = unix_socket(types[i]);
		ATF_CHECK_EQ(sockopt_int(s[i], SOL_SOCKET, SO_TYPE), types[i]);
		ATF_REQUIRE_EQ(close(s[i]), 0);
	}
}

SOCKET_TC(so_domain_is_AF_UNIX_and_so_protocol_is_0)
{
	int s;

	s = unix_socket(SOCK_DGRAM);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_DOMAIN), AF_UNIX);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_PROTOCOL), 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(so_acceptconn_is_set_by_listen_only)
{
	int s, sv[2];

	s = unix_bound(SOCK_STREAM, "acceptconn.sock");
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_ACCEPTCONN), 0);
	ATF_REQUIRE_EQ(listen(s, 5), 0);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_ACCEPTCONN),
	    SO_ACCEPTCONN);
	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(sockopt_int(sv[0], SOL_SOCKET, SO_ACCEPTCONN), 0);
	close_pair(sv);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(read_only_options_cannot_be_set_ENOPROTOOPT)
{
	static const int ro[] = { SO_TYPE, SO_ERROR, SO_ACCEPTCONN, SO_DOMAIN,
	    SO_PROTOCOL, SO_LISTENQLIMIT, SO_LISTENQLEN, SO_LISTENINCQLEN };
	int s, v = 1;
	size_t i;

	s = unix_socket(SOCK_STREAM);
	for (i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
		ATF_CHECK_ERRNO(ENOPROTOOPT,
		    setsockopt(s, SOL_SOCKET, ro[i], &v, sizeof(v)) == -1);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_TYPE), SOCK_STREAM);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(unknown_socket_level_option_ENOPROTOOPT)
{
	socklen_t len = sizeof(int);
	int s, v = 1;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(ENOPROTOOPT,
	    setsockopt(s, SOL_SOCKET, 0x7777, &v, sizeof(v)) == -1);
	ATF_REQUIRE_ERRNO(ENOPROTOOPT,
	    getsockopt(s, SOL_SOCKET, 0x7777, &v, &len) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* Levels other than SOL_SOCKET go to the protocol; AF_UNIX knows only
 * SOL_LOCAL and answers EINVAL for any other level. */
SOCKET_TC(unknown_level_on_unix_socket_EINVAL)
{
	socklen_t len = sizeof(int);
	int s, v = 1;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(EINVAL,
	    setsockopt(s, 12345, 1, &v, sizeof(v)) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, getsockopt(s, 12345, 1, &v, &len) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* FreeBSD's uipc_ctloutput: unknown SOL_LOCAL get is EOPNOTSUPP, set is
 * ENOPROTOOPT. */
SOCKET_TC(unknown_SOL_LOCAL_option_get_EOPNOTSUPP_set_ENOPROTOOPT)
{
	socklen_t len = sizeof(int);
	int s, v = 1;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(EOPNOTSUPP,
	    getsockopt(s, SOL_LOCAL, 0x777, &v, &len) == -1);
	ATF_REQUIRE_ERRNO(ENOPROTOOPT,
	    setsockopt(s, SOL_LOCAL, 0x777, &v, sizeof(v)) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* Off by default; any non-zero value sets and zero clears, one option
 * at a time; getsockopt returns the option's bit. */
SOCKET_TC(flag_options_default_off_and_read_back_their_bit)
{
	int s, i, j;

	s = unix_socket(SOCK_DGRAM);
	for (i = 0; i < NFLAGS; i++) {
		ATF_CHECK_EQ(sockopt_int(s, SOL_SOCKET, flag_options[i]), 0);
		set_sockopt_int(s, SOL_SOCKET, flag_options[i], 42);
		ATF_CHECK_EQ(sockopt_int(s, SOL_SOCKET, flag_options[i]),
		    flag_options[i]);
	}
	for (i = 0; i < NFLAGS; i++) {
		set_sockopt_int(s, SOL_SOCKET, flag_options[i], 0);
		for (j = 0; j < NFLAGS; j++)
			ATF_CHECK_EQ(sockopt_int(s, SOL_SOCKET,
			    flag_options[j]), j <= i ? 0 : flag_options[j]);
	}
	ATF_REQUIRE_EQ(close(s), 0);
}

/* An option value shorter than the option's type is refused. */
SOCKET_TC(setsockopt_value_shorter_than_option_EINVAL)
{
	struct timeval tv = { 1, 0 };
	struct linger l = { 1, 1 };
	int s, v = 1;

	s = unix_socket(SOCK_STREAM);
	ATF_CHECK_ERRNO(EINVAL,
	    setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v) - 1) == -1);
	ATF_CHECK_ERRNO(EINVAL,
	    setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, 0) == -1);
	ATF_CHECK_ERRNO(EINVAL, setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv) - 1) == -1);
	ATF_CHECK_ERRNO(EINVAL, setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv,
	    sizeof(int)) == -1);
	ATF_CHECK_ERRNO(EINVAL, setsockopt(s, SOL_SOCKET, SO_LINGER, &l,
	    sizeof(int)) == -1);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_KEEPALIVE), 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(setsockopt_bad_value_pointer_EFAULT)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(EFAULT,
	    setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, NULL, sizeof(int)) == -1);
	ATF_REQUIRE_ERRNO(EFAULT,
	    setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, BAD_PTR, sizeof(int)) ==
	    -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(getsockopt_bad_pointers_EFAULT)
{
	socklen_t len = sizeof(int);
	int s, v;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_ERRNO(EFAULT,
	    getsockopt(s, SOL_SOCKET, SO_TYPE, BAD_PTR, &len) == -1);
	ATF_REQUIRE_ERRNO(EFAULT,
	    getsockopt(s, SOL_SOCKET, SO_TYPE, &v, BAD_PTR) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* getsockopt(2): the value is truncated to the space given, and optlen
 * says how much was copied. */
SOCKET_TC(getsockopt_short_buffer_truncates_value_and_length)
{
	unsigned char buf[4];
	socklen_t len = 2;
	int s;

	s = unix_socket(SOCK_SEQPACKET);
	memset(buf, 0xa5, sizeof(buf));
	ATF_REQUIRE_EQ(getsockopt(s, SOL_SOCKET, SO_TYPE, buf, &len), 0);
	ATF_REQUIRE_EQ(len, 2);
	ATF_REQUIRE_EQ(buf[0], SOCK_SEQPACKET);	/* little-endian int */
	ATF_REQUIRE_EQ(buf[1], 0);
	ATF_REQUIRE_EQ(buf[2], 0xa5);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* unix(4): the defaults are the net.local sysctls; a datagram socket's
 * send buffer size is the largest datagram. */
SOCKET_TC(buffer_sizes_default_to_net_local_sysctls)
{
	static const struct {
		int		type;
		const char	*snd, *rcv;
	} t[3] = {
		{ SOCK_STREAM, "net.local.stream.sendspace",
		    "net.local.stream.recvspace" },
		{ SOCK_DGRAM, "net.local.dgram.maxdgram",
		    "net.local.dgram.recvspace" },
		{ SOCK_SEQPACKET, "net.local.seqpacket.maxseqpacket",
		    "net.local.seqpacket.recvspace" },
	};
	int s, i;

	for (i = 0; i < 3; i++) {
		s = unix_socket(t[i].type);
		ATF_CHECK_EQ(sockopt_int(s, SOL_SOCKET, SO_SNDBUF),
		    sysctl_long(t[i].snd));
		ATF_CHECK_EQ(sockopt_int(s, SOL_SOCKET, SO_RCVBUF),
		    sysctl_long(t[i].rcv));
		ATF_REQUIRE_EQ(close(s), 0);
	}
}

SOCKET_TC(net_local_stream_sendspace_applies_to_new_sockets)
{
	long old, new;
	int s;

	old = sysctl_long("net.local.stream.sendspace");
	new = old + 4096;
	sysctl_set_long("net.local.stream.sendspace", new);
	s = unix_socket(SOCK_STREAM);
	sysctl_set_long("net.local.stream.sendspace", old);
	ATF_CHECK_EQ(sockopt_int(s, SOL_SOCKET, SO_SNDBUF), new);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(buffer_sizes_set_then_read_back)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	set_sockopt_int(s, SOL_SOCKET, SO_SNDBUF, 12345);
	set_sockopt_int(s, SOL_SOCKET, SO_RCVBUF, 23456);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_SNDBUF), 12345);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_RCVBUF), 23456);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* Values below 1 make no sense for sizes or marks. */
SOCKET_TC(buffer_size_or_lowat_below_1_EINVAL)
{
	static const int opts[] = { SO_SNDBUF, SO_RCVBUF, SO_SNDLOWAT,
	    SO_RCVLOWAT };
	int s, v, zero = 0, neg = -5;
	size_t i;

	s = unix_socket(SOCK_STREAM);
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		v = sockopt_int(s, SOL_SOCKET, opts[i]);
		ATF_CHECK_ERRNO(EINVAL, setsockopt(s, SOL_SOCKET, opts[i],
		    &zero, sizeof(zero)) == -1);
		ATF_CHECK_ERRNO(EINVAL, setsockopt(s, SOL_SOCKET, opts[i],
		    &neg, sizeof(neg)) == -1);
		ATF_CHECK_EQ(sockopt_int(s, SOL_SOCKET, opts[i]), v);
	}
	ATF_REQUIRE_EQ(close(s), 0);
}

/* Beyond kern.ipc.maxsockbuf the reservation fails. */
SOCKET_TC(buffer_size_beyond_maxsockbuf_ENOBUFS)
{
	long max;
	int s, v;

	max = sysctl_long("kern.ipc.maxsockbuf");
	ATF_REQUIRE(max > 0 && max < INT_MAX);
	s = unix_socket(SOCK_STREAM);
	v = sockopt_int(s, SOL_SOCKET, SO_SNDBUF);
	ATF_REQUIRE_ERRNO(ENOBUFS, setsockopt(s, SOL_SOCKET, SO_SNDBUF,
	    &(int){ INT_MAX }, sizeof(int)) == -1);
	ATF_REQUIRE_ERRNO(ENOBUFS, setsockopt(s, SOL_SOCKET, SO_RCVBUF,
	    &(int){ (int)max + 1 }, sizeof(int)) == -1);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_SNDBUF), v);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(lowat_defaults_rcv_1_snd_2048)
{
	int s, snd;

	s = unix_socket(SOCK_STREAM);
	snd = sockopt_int(s, SOL_SOCKET, SO_SNDBUF);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_RCVLOWAT), 1);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_SNDLOWAT),
	    snd < DEFAULT_SNDLOWAT ? snd : DEFAULT_SNDLOWAT);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(lowat_above_buffer_size_is_clamped_to_it)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	set_sockopt_int(s, SOL_SOCKET, SO_RCVLOWAT, 1 << 30);
	set_sockopt_int(s, SOL_SOCKET, SO_SNDLOWAT, 1 << 30);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_RCVLOWAT),
	    sockopt_int(s, SOL_SOCKET, SO_RCVBUF));
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_SNDLOWAT),
	    sockopt_int(s, SOL_SOCKET, SO_SNDBUF));
	set_sockopt_int(s, SOL_SOCKET, SO_RCVLOWAT, 100);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_RCVLOWAT), 100);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(shrinking_buffer_below_lowat_lowers_lowat)
{
	int s;

	s = unix_socket(SOCK_STREAM);
	set_sockopt_int(s, SOL_SOCKET, SO_SNDBUF, 8192);
	set_sockopt_int(s, SOL_SOCKET, SO_SNDLOWAT, 4096);
	set_sockopt_int(s, SOL_SOCKET, SO_SNDBUF, 3000);
	ATF_REQUIRE_EQ(sockopt_int(s, SOL_SOCKET, SO_SNDLOWAT), 3000);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* ---- Timeouts ------------------------------------------------------------ */

static struct timeval
sockopt_tv(int s, int name)
{
	struct timeval tv;
	socklen_t len = sizeof(tv);

	ATF_REQUIRE_EQ(getsockopt(s, SOL_SOCKET, name, &tv, &len), 0);
	ATF_REQUIRE_EQ(len, sizeof(tv));
	return (tv);
}

SOCKET_TC(timeouts_and_linger_default_to_zero)
{
	struct timeval tv;
	struct linger l;
	socklen_t len = sizeof(l);
	int s;

	s = unix_socket(SOCK_STREAM);
	tv = sockopt_tv(s, SO_SNDTIMEO);
	ATF_REQUIRE(tv.tv_sec == 0 && tv.tv_usec == 0);
	tv = sockopt_tv(s, SO_RCVTIMEO);
	ATF_REQUIRE(tv.tv_sec == 0 && tv.tv_usec == 0);
	memset(&l, 0xa5, sizeof(l));
	ATF_REQUIRE_EQ(getsockopt(s, SOL_SOCKET, SO_LINGER, &l, &len), 0);
	ATF_REQUIRE_EQ(len, sizeof(l));
	ATF_REQUIRE_EQ(l.l_onoff, 0);
	ATF_REQUIRE_EQ(l.l_linger, 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* The kernel keeps a binary fraction: microseconds may come back one
 * short, whole seconds exactly. */
SOCKET_TC(timeouts_set_then_read_back)
{
	struct timeval tv;
	int s;

	s = unix_socket(SOCK_STREAM);
	tv = (struct timeval){ 3, 0 };
	ATF_REQUIRE_EQ(setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv,
	    sizeof(tv)), 0);
	tv = (struct timeval){ 1, 500000 };
	ATF_REQUIRE_EQ(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	tv = sockopt_tv(s, SO_SNDTIMEO);
	ATF_REQUIRE(tv.tv_sec == 3 && tv.tv_usec == 0);
	tv = sockopt_tv(s, SO_RCVTIMEO);
	ATF_REQUIRE_EQ(tv.tv_sec, 1);
	ATF_REQUIRE(tv.tv_usec >= 499999 && tv.tv_usec <= 500000);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(timeout_negative_or_usec_out_of_range_EDOM)
{
	static const struct timeval bad[] = {
		{ -1, 0 }, { 0, -1 }, { 0, 1000000 }, { 1, 2000000 },
	};
	struct timeval tv;
	int s;
	size_t i;

	s = unix_socket(SOCK_STREAM);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tv = bad[i];
		ATF_CHECK_ERRNO(EDOM, setsockopt(s, SOL_SOCKET, SO_SNDTIMEO,
		    &tv, sizeof(tv)) == -1);
		ATF_CHECK_ERRNO(EDOM, setsockopt(s, SOL_SOCKET, SO_RCVTIMEO,
		    &tv, sizeof(tv)) == -1);
	}
	tv = sockopt_tv(s, SO_RCVTIMEO);
	ATF_REQUIRE(tv.tv_sec == 0 && tv.tv_usec == 0);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* socket(2): a receive timeout ends a blocked receive with EAGAIN. */
SOCKET_TC(rcvtimeo_ends_blocked_recv_with_EAGAIN)
{
	struct timeval tv = { 0, 100000 };
	char c;
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	ATF_REQUIRE_ERRNO(EAGAIN, recv(sv[1], &c, 1, 0) == -1);
	ATF_REQUIRE_ERRNO(EAGAIN, read(sv[1], &c, 1) == -1);
	/* The socket still works afterwards. */
	ATF_REQUIRE_EQ(write(sv[0], "t", 1), 1);
	ATF_REQUIRE_EQ(read(sv[1], &c, 1), 1);
	close_pair(sv);
}

SOCKET_TC(sndtimeo_ends_blocked_send_on_full_socket_with_EAGAIN)
{
	struct timeval tv = { 0, 100000 };
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	fill_socket(sv[0], 1024, 1);
	ATF_REQUIRE_EQ(setsockopt(sv[0], SOL_SOCKET, SO_SNDTIMEO, &tv,
	    sizeof(tv)), 0);
	ATF_REQUIRE_ERRNO(EAGAIN, send(sv[0], "s", 1, 0) == -1);
	close_pair(sv);
}

SOCKET_TC(linger_set_then_read_back)
{
	struct linger l = { 1, 7 };
	socklen_t len = sizeof(l);
	int s;

	s = unix_socket(SOCK_STREAM);
	ATF_REQUIRE_EQ(setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof(l)), 0);
	memset(&l, 0, sizeof(l));
	ATF_REQUIRE_EQ(getsockopt(s, SOL_SOCKET, SO_LINGER, &l, &len), 0);
	ATF_REQUIRE_EQ(l.l_onoff, SO_LINGER);
	ATF_REQUIRE_EQ(l.l_linger, 7);
	l = (struct linger){ 0, 3 };
	ATF_REQUIRE_EQ(setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof(l)), 0);
	ATF_REQUIRE_EQ(getsockopt(s, SOL_SOCKET, SO_LINGER, &l, &len), 0);
	ATF_REQUIRE_EQ(l.l_onoff, 0);
	ATF_REQUIRE_EQ(l.l_linger, 3);
	ATF_REQUIRE_EQ(close(s), 0);
}

SOCKET_TC(linger_negative_or_above_USHRT_MAX_EDOM)
{
	struct linger l;
	int s;

	s = unix_socket(SOCK_STREAM);
	l = (struct linger){ 1, -1 };
	ATF_REQUIRE_ERRNO(EDOM,
	    setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof(l)) == -1);
	l = (struct linger){ 1, USHRT_MAX + 1 };
	ATF_REQUIRE_ERRNO(EDOM,
	    setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof(l)) == -1);
	ATF_REQUIRE_EQ(close(s), 0);
}

/* Lingering on a local socket: close returns and the peer gets all of it. */
SOCKET_TC(close_with_linger_delivers_data_then_EOF)
{
	struct linger l = { 1, 5 };
	unsigned char buf[3000];
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &l,
	    sizeof(l)), 0);
	pattern_fill(buf, sizeof(buf), 0);
	write_all(sv[0], buf, sizeof(buf));
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	memset(buf, 0, sizeof(buf));
	read_all(sv[1], buf, sizeof(buf));
	ATF_REQUIRE(pattern_ok(buf, sizeof(buf), 0));
	ATF_REQUIRE_EQ(read(sv[1], buf, 1), 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

/*
 * Closing a listener aborts the connections on its queue; FreeBSD gives
 * the client ECONNRESET, which SO_ERROR reports once and clears.
 */
SOCKET_TC(so_error_reports_ECONNRESET_once_after_queued_connection_aborted)
{
	int l, c;

	l = unix_listener(SOCK_STREAM, "so_error.sock", 5);
	c = unix_client(SOCK_STREAM, "so_error.sock");
	ATF_REQUIRE_EQ(sockopt_int(c, SOL_SOCKET, SO_ERROR), 0);
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE(wait_fd(c, POLLIN) & POLLHUP);
	ATF_REQUIRE_EQ(sockopt_int(c, SOL_SOCKET, SO_ERROR), ECONNRESET);
	ATF_REQUIRE_EQ(sockopt_int(c, SOL_SOCKET, SO_ERROR), 0);
	ATF_REQUIRE_EQ(close(c), 0);
}

/* SO_LISTENQLIMIT is the backlog; listen(2) again changes it. */
SOCKET_TC(listenqlimit_reports_the_backlog_and_follows_relisten)
{
	int l;

	l = unix_listener(SOCK_STREAM, "qlimit.sock", 5);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLIMIT), 5);
	ATF_REQUIRE_EQ(listen(l, 9), 0);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLIMIT), 9);
	ATF_REQUIRE_EQ(listen(l, 0), 0);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLIMIT), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* listen(2): a negative backlog, or one above kern.ipc.somaxconn, means
 * kern.ipc.somaxconn. */
SOCKET_TC(listen_backlog_outside_0_to_somaxconn_means_somaxconn)
{
	long max;
	int l;

	max = sysctl_long("kern.ipc.somaxconn");
	l = unix_listener(SOCK_STREAM, "qneg.sock", -1);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLIMIT), max);
	ATF_REQUIRE_EQ(listen(l, 1), 0);
	ATF_REQUIRE_EQ(listen(l, -100), 0);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLIMIT), max);
	ATF_REQUIRE_EQ(listen(l, (int)max + 100), 0);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLIMIT), max);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(listen_minus_one_follows_somaxconn_sysctl)
{
	long old;
	int l;

	old = sysctl_long("kern.ipc.somaxconn");
	sysctl_set_long("kern.ipc.somaxconn", 17);
	l = unix_listener(SOCK_STREAM, "qsysctl.sock", -1);
	sysctl_set_long("kern.ipc.somaxconn", old);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLIMIT), 17);
	ATF_REQUIRE_EQ(close(l), 0);
}

SOCKET_TC(listen_queue_options_are_0_on_other_sockets)
{
	int sv[2];

	unix_pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(sockopt_int(sv[0], SOL_SOCKET, SO_LISTENQLIMIT), 0);
	ATF_REQUIRE_EQ(sockopt_int(sv[0], SOL_SOCKET, SO_LISTENQLEN), 0);
	ATF_REQUIRE_EQ(sockopt_int(sv[0], SOL_SOCKET, SO_LISTENINCQLEN), 0);
	close_pair(sv);
}

/* Local connections complete at once: they are counted in SO_LISTENQLEN,
 * never in SO_LISTENINCQLEN. */
SOCKET_TC(listenqlen_counts_connections_waiting_for_accept)
{
	int l, c1, c2, a;

	l = unix_listener(SOCK_STREAM, "qlen.sock", 5);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLEN), 0);
	c1 = unix_client(SOCK_STREAM, "qlen.sock");
	c2 = unix_client(SOCK_STREAM, "qlen.sock");
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLEN), 2);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENINCQLEN), 0);
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(sockopt_int(l, SOL_SOCKET, SO_LISTENQLEN), 1);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c1), 0);
	ATF_REQUIRE_EQ(close(c2), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

/* A connection takes the listener's options (but SO_ACCEPTCONN), buffer
 * sizes, marks and timeouts. */
SOCKET_TC(accepted_socket_inherits_listener_options)
{
	struct timeval tv = { 4, 0 };
	int l, c, a;

	l = unix_bound(SOCK_STREAM, "inherit_opts.sock");
	set_sockopt_int(l, SOL_SOCKET, SO_KEEPALIVE, 1);
	set_sockopt_int(l, SOL_SOCKET, SO_SNDBUF, 12345);
	set_sockopt_int(l, SOL_SOCKET, SO_RCVLOWAT, 77);
	ATF_REQUIRE_EQ(setsockopt(l, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	ATF_REQUIRE_EQ(listen(l, 5), 0);
	c = unix_client(SOCK_STREAM, "inherit_opts.sock");
	a = accept(l, NULL, NULL);
	ATF_REQUIRE(a >= 0);
	ATF_REQUIRE_EQ(sockopt_int(a, SOL_SOCKET, SO_KEEPALIVE), SO_KEEPALIVE);
	ATF_REQUIRE_EQ(sockopt_int(a, SOL_SOCKET, SO_ACCEPTCONN), 0);
	ATF_REQUIRE_EQ(sockopt_int(a, SOL_SOCKET, SO_SNDBUF), 12345);
	ATF_REQUIRE_EQ(sockopt_int(a, SOL_SOCKET, SO_RCVLOWAT), 77);
	tv = sockopt_tv(a, SO_RCVTIMEO);
	ATF_REQUIRE(tv.tv_sec == 4 && tv.tv_usec == 0);
	ATF_REQUIRE_EQ(sockopt_int(c, SOL_SOCKET, SO_KEEPALIVE), 0);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(close(c), 0);
	ATF_REQUIRE_EQ(close(l), 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, so_type_reports_the_socket_type);
	ATF_TP_ADD_TC(tp, so_domain_is_AF_UNIX_and_so_protocol_is_0);
	ATF_TP_ADD_TC(tp, so_acceptconn_is_set_by_listen_only);
	ATF_TP_ADD_TC(tp, read_only_options_cannot_be_set_ENOPROTOOPT);
	ATF_TP_ADD_TC(tp, unknown_socket_level_option_ENOPROTOOPT);
	ATF_TP_ADD_TC(tp, unknown_level_on_unix_socket_EINVAL);
	ATF_TP_ADD_TC(tp,
	    unknown_SOL_LOCAL_option_get_EOPNOTSUPP_set_ENOPROTOOPT);
	ATF_TP_ADD_TC(tp, flag_options_default_off_and_read_back_their_bit);
	ATF_TP_ADD_TC(tp, setsockopt_value_shorter_than_option_EINVAL);
	ATF_TP_ADD_TC(tp, setsockopt_bad_value_pointer_EFAULT);
	ATF_TP_ADD_TC(tp, getsockopt_bad_pointers_EFAULT);
	ATF_TP_ADD_TC(tp, getsockopt_short_buffer_truncates_value_and_length);
	ATF_TP_ADD_TC(tp, buffer_sizes_default_to_net_local_sysctls);
	ATF_TP_ADD_TC(tp, net_local_stream_sendspace_applies_to_new_sockets);
	ATF_TP_ADD_TC(tp, buffer_sizes_set_then_read_back);
	ATF_TP_ADD_TC(tp, buffer_size_or_lowat_below_1_EINVAL);
	ATF_TP_ADD_TC(tp, buffer_size_beyond_maxsockbuf_ENOBUFS);
	ATF_TP_ADD_TC(tp, lowat_defaults_rcv_1_snd_2048);
	ATF_TP_ADD_TC(tp, lowat_above_buffer_size_is_clamped_to_it);
	ATF_TP_ADD_TC(tp, shrinking_buffer_below_lowat_lowers_lowat);
	ATF_TP_ADD_TC(tp, timeouts_and_linger_default_to_zero);
	ATF_TP_ADD_TC(tp, timeouts_set_then_read_back);
	ATF_TP_ADD_TC(tp, timeout_negative_or_usec_out_of_range_EDOM);
	ATF_TP_ADD_TC(tp, rcvtimeo_ends_blocked_recv_with_EAGAIN);
	ATF_TP_ADD_TC(tp,
	    sndtimeo_ends_blocked_send_on_full_socket_with_EAGAIN);
	ATF_TP_ADD_TC(tp, linger_set_then_read_back);
	ATF_TP_ADD_TC(tp, linger_negative_or_above_USHRT_MAX_EDOM);
	ATF_TP_ADD_TC(tp, close_with_linger_delivers_data_then_EOF);
	ATF_TP_ADD_TC(tp,
	    so_error_reports_ECONNRESET_once_after_queued_connection_aborted);
	ATF_TP_ADD_TC(tp,
	    listenqlimit_reports_the_backlog_and_follows_relisten);
	ATF_TP_ADD_TC(tp,
	    listen_backlog_outside_0_to_somaxconn_means_somaxconn);
	ATF_TP_ADD_TC(tp, listen_minus_one_follows_somaxconn_sysctl);
	ATF_TP_ADD_TC(tp, listen_queue_options_are_0_on_other_sockets);
	ATF_TP_ADD_TC(tp, listenqlen_counts_connections_waiting_for_accept);
	ATF_TP_ADD_TC(tp, accepted_socket_inherits_listener_options);
	return (atf_no_error());
}
