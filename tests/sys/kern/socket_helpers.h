/*
 * socket_helpers.h: what the socket test programs in tests/sys/kern share
 * (socket_test, sockopt_test, unix_stream_test, unix_dgram_test,
 * unix_seqpacket_test, unix_scm_test, socket_poll_test,
 * socket_signal_test).  Header-only: each program includes it once.
 *
 * SOCKET_TC(name) declares a test case whose body runs between a snapshot
 * of the kernel's socket counters and a check that they came back:
 * sockets allocated (kern.ipc.numopensockets), mbufs and clusters in use
 * (kern.ipc.mbufs_inuse, kern.ipc.mbclusters_inuse) and descriptors in
 * flight in SCM_RIGHTS messages (kern.ipc.unp_inflight).  The last
 * reference to a closed socket may be dropped by a netisr thread a moment
 * after close() returns, so the check polls for up to SETTLE_TRIES *
 * SETTLE_STEP_US before it fails; that is a hang guard, never a timing
 * assertion.  A body must close every descriptor and reap every child it
 * made.  SOCKET_TC also arms alarm(HANG_GUARD_S), so that a case stuck in a
 * blocking call dies with SIGALRM instead of eating the suite's time.
 *
 * The other helpers fail the case on error, so that a case body reads as
 * the behaviour it checks.  AF_UNIX names are relative paths: atf-run runs
 * every case in a fresh directory, and each case names its own files.
 */
#ifndef _SOCKET_HELPERS_H_
#define _SOCKET_HELPERS_H_

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysctl.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <atf-c.h>

#define	SETTLE_TRIES	1000		/* counter polls before "leak" */
#define	SETTLE_STEP_US	10000		/* ... 10 ms apart: 10 s in all */
#define	HANG_GUARD_S	90		/* alarm() per case */
#define	WAIT_MS		10000		/* poll() hang guard */

/* An address no process ever maps (page 0), for the EFAULT cases. */
#define	BAD_PTR		((void *)0x10)

/* ---- Counters and the leak check ----------------------------------------- */

/*
 * Reads an integer sysctl of 4 or 8 bytes; fails the case if it is
 * missing, since every counter used here is part of the interface.
 */
static inline long
sysctl_long(const char *name)
{
	union {
		int32_t	i32;
		int64_t	i64;
	} v;
	size_t len = sizeof(v);

	memset(&v, 0, sizeof(v));
	ATF_REQUIRE_MSG(sysctlbyname(name, &v, &len, NULL, 0) == 0,
	    "sysctl %s: %s", name, strerror(errno));
	ATF_REQUIRE_MSG(len == 4 || len == 8, "sysctl %s: %zu bytes",
	    name, len);
	return (len == 4 ? (long)v.i32 : (long)v.i64);
}

/* Sets an integer sysctl, written in the width the kernel keeps it in. */
static inline void
sysctl_set_long(const char *name, long value)
{
	int32_t v32 = (int32_t)value;
	int64_t v64 = value;
	size_t len = 0;

	ATF_REQUIRE_MSG(sysctlbyname(name, NULL, &len, NULL, 0) == 0,
	    "sysctl %s: %s", name, strerror(errno));
	ATF_REQUIRE_MSG(len == 4 || len == 8, "sysctl %s: %zu bytes",
	    name, len);
	ATF_REQUIRE_MSG(sysctlbyname(name, NULL, NULL,
	    len == 4 ? (void *)&v32 : (void *)&v64, len) == 0,
	    "sysctl %s=%ld: %s", name, value, strerror(errno));
}

struct sock_counters {
	long	sockets;	/* kern.ipc.numopensockets */
	long	mbufs;		/* kern.ipc.mbufs_inuse */
	long	clusters;	/* kern.ipc.mbclusters_inuse */
	long	inflight;	/* kern.ipc.unp_inflight */
};

static inline void
counters_read(struct sock_counters *c)
{
	c->sockets = sysctl_long("kern.ipc.numopensockets");
	c->mbufs = sysctl_long("kern.ipc.mbufs_inuse");
	c->clusters = sysctl_long("kern.ipc.mbclusters_inuse");
	c->inflight = sysctl_long("kern.ipc.unp_inflight");
}

static inline void
counters_begin(struct sock_counters *c0)
{
	alarm(HANG_GUARD_S);
	counters_read(c0);
}

static inline int
counters_back(const struct sock_counters *c0, const struct sock_counters *c)
{
	return (c->sockets <= c0->sockets && c->mbufs <= c0->mbufs &&
	    c->clusters <= c0->clusters && c->inflight <= c0->inflight);
}

/* The leak check every case ends with. */
static inline void
counters_settle(const struct sock_counters *c0)
{
	struct sock_counters c;
	int i;

	for (i = 0; i < SETTLE_TRIES; i++) {
		counters_read(&c);
		if (counters_back(c0, &c)) {
			alarm(0);
			return;
		}
		usleep(SETTLE_STEP_US);
	}
	atf_tc_fail("leak: sockets %ld -> %ld, mbufs %ld -> %ld, "
	    "clusters %ld -> %ld, fds in flight %ld -> %ld",
	    c0->sockets, c.sockets, c0->mbufs, c.mbufs, c0->clusters,
	    c.clusters, c0->inflight, c.inflight);
}

/*
 * Polls the sysctl until it reaches at least want; returns the last value.
 * A hang guard for counters that a netisr or the AF_UNIX garbage
 * collector updates after the system call returned.
 */
static inline long
sysctl_wait_at_least(const char *name, long want)
{
	long v;
	int i;

	for (i = 0; i < SETTLE_TRIES; i++) {
		if ((v = sysctl_long(name)) >= want)
			return (v);
		usleep(SETTLE_STEP_US);
	}
	return (v);
}

#define	SOCKET_TC(name)							\
	static void name##_spec(void);					\
	ATF_TC_WITHOUT_HEAD(name);					\
	ATF_TC_BODY(name, tc)						\
	{								\
		struct sock_counters c0;				\
									\
		counters_begin(&c0);					\
		name##_spec();						\
		counters_settle(&c0);					\
	}								\
	static void							\
	name##_spec(void)

/* ---- Addresses and sockets ----------------------------------------------- */

/* Fills sun with path; returns SUN_LEN, the length bind/connect take. */
static inline socklen_t
sun_fill(struct sockaddr_un *sun, const char *path)
{
	memset(sun, 0, sizeof(*sun));
	ATF_REQUIRE(strlen(path) < sizeof(sun->sun_path));
	sun->sun_family = AF_UNIX;
	strlcpy(sun->sun_path, path, sizeof(sun->sun_path));
	sun->sun_len = SUN_LEN(sun);
	return (sun->sun_len);
}

static inline int
unix_socket(int type)
{
	int s;

	s = socket(AF_UNIX, type, 0);
	ATF_REQUIRE_MSG(s >= 0, "socket(AF_UNIX, %d): %s", type,
	    strerror(errno));
	return (s);
}

static inline int
unix_bound(int type, const char *path)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	s = unix_socket(type);
	len = sun_fill(&sun, path);
	ATF_REQUIRE_MSG(bind(s, (struct sockaddr *)&sun, len) == 0,
	    "bind %s: %s", path, strerror(errno));
	return (s);
}

static inline int
unix_listener(int type, const char *path, int backlog)
{
	int s;

	s = unix_bound(type, path);
	ATF_REQUIRE_MSG(listen(s, backlog) == 0, "listen %s: %s", path,
	    strerror(errno));
	return (s);
}

/* connect(2) to path; returns the call's result, errno as it left it. */
static inline int
unix_connect(int s, const char *path)
{
	struct sockaddr_un sun;
	socklen_t len;

	len = sun_fill(&sun, path);
	return (connect(s, (struct sockaddr *)&sun, len));
}

/* A new socket of type, connected to path. */
static inline int
unix_client(int type, const char *path)
{
	int s;

	s = unix_socket(type);
	ATF_REQUIRE_MSG(unix_connect(s, path) == 0, "connect %s: %s", path,
	    strerror(errno));
	return (s);
}

/*
 * A connected pair made the long way (bind, listen, connect, accept); the
 * listener is closed and its name unlinked before returning.
 */
static inline void
unix_connected(int type, const char *path, int *client, int *server)
{
	int l;

	l = unix_listener(type, path, 5);
	*client = unix_client(type, path);
	*server = accept(l, NULL, NULL);
	ATF_REQUIRE_MSG(*server >= 0, "accept %s: %s", path,
	    strerror(errno));
	ATF_REQUIRE_EQ(close(l), 0);
	ATF_REQUIRE_EQ(unlink(path), 0);
}

static inline void
unix_pair(int type, int sv[2])
{
	ATF_REQUIRE_MSG(socketpair(AF_UNIX, type, 0, sv) == 0,
	    "socketpair(AF_UNIX, %d): %s", type, strerror(errno));
}

static inline void
close_pair(int sv[2])
{
	ATF_REQUIRE_EQ(close(sv[0]), 0);
	ATF_REQUIRE_EQ(close(sv[1]), 0);
}

static inline void
set_nonblock(int fd)
{
	int fl;

	fl = fcntl(fd, F_GETFL);
	ATF_REQUIRE(fl != -1);
	ATF_REQUIRE_EQ(fcntl(fd, F_SETFL, fl | O_NONBLOCK), 0);
}

static inline int
sockopt_int(int s, int level, int name)
{
	socklen_t len = sizeof(int);
	int v;

	ATF_REQUIRE_MSG(getsockopt(s, level, name, &v, &len) == 0,
	    "getsockopt(%d, %#x): %s", level, name, strerror(errno));
	ATF_REQUIRE_EQ(len, sizeof(int));
	return (v);
}

static inline void
set_sockopt_int(int s, int level, int name, int v)
{
	ATF_REQUIRE_MSG(setsockopt(s, level, name, &v, sizeof(v)) == 0,
	    "setsockopt(%d, %#x, %d): %s", level, name, v, strerror(errno));
}

/* ---- Data ---------------------------------------------------------------- */

/* A byte stream no two offsets of which repeat within 251 bytes. */
static inline void
pattern_fill(unsigned char *buf, size_t len, size_t off)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (unsigned char)((off + i) % 251);
}

static inline int
pattern_ok(const unsigned char *buf, size_t len, size_t off)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (buf[i] != (unsigned char)((off + i) % 251))
			return (0);
	return (1);
}

/* Writes all of buf (blocking); fails the case on error. */
static inline void
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		ATF_REQUIRE_MSG(n > 0, "write: %zd, %s", n, strerror(errno));
		p += n;
		len -= n;
	}
}

/* Reads exactly len bytes (blocking); fails on error or early EOF. */
static inline void
read_all(int fd, void *buf, size_t len)
{
	char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = read(fd, p, len);
		ATF_REQUIRE_MSG(n > 0, "read: %zd, %s", n, strerror(errno));
		p += n;
		len -= n;
	}
}

/*
 * Sends with MSG_DONTWAIT until the socket refuses with EAGAIN: chunks of
 * chunk bytes first, then (stream sockets) single bytes, so that the send
 * side is full to the last byte.  Returns the bytes sent.
 */
static inline size_t
fill_socket(int fd, size_t chunk, int bytewise)
{
	static unsigned char buf[4096];
	size_t total = 0;
	ssize_t n;

	ATF_REQUIRE(chunk <= sizeof(buf));
	for (;;) {
		n = send(fd, buf, chunk, MSG_DONTWAIT);
		if (n < 0)
			break;
		total += n;
	}
	ATF_REQUIRE_MSG(errno == EAGAIN, "fill: %s", strerror(errno));
	while (bytewise && send(fd, buf, 1, MSG_DONTWAIT) == 1)
		total++;
	if (bytewise)
		ATF_REQUIRE_MSG(errno == EAGAIN, "fill: %s", strerror(errno));
	ATF_REQUIRE(total > 0);
	return (total);
}

/* Reads and throws away exactly len bytes (blocking). */
static inline void
read_discard(int fd, size_t len)
{
	static unsigned char buf[4096];
	ssize_t n;

	while (len > 0) {
		n = read(fd, buf, len < sizeof(buf) ? len : sizeof(buf));
		ATF_REQUIRE_MSG(n > 0, "read: %zd, %s", n, strerror(errno));
		len -= n;
	}
}

/* ---- Processes, descriptors, waiting ------------------------------------- */

/* Reaps pid; fails the case unless it exited with status 0. */
static inline void
wait_child_ok(pid_t pid)
{
	int status;

	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "child %d: status %#x", (int)pid, status);
}

/* poll() for events with a hang guard; returns revents (0: timed out). */
static inline short
wait_fd(int fd, short events)
{
	struct pollfd pfd = { .fd = fd, .events = events };
	int n;

	n = poll(&pfd, 1, WAIT_MS);
	ATF_REQUIRE_MSG(n >= 0, "poll: %s", strerror(errno));
	return (n == 0 ? 0 : pfd.revents);
}

/*
 * Polls fd for events until every bit of want is reported (hang guard):
 * for states a netisr reaches a moment after the call that caused them.
 * Returns the last revents.
 */
static inline short
wait_revents(int fd, short events, short want)
{
	struct pollfd pfd = { .fd = fd, .events = events };
	int i;

	for (i = 0; i < SETTLE_TRIES; i++) {
		pfd.revents = 0;
		ATF_REQUIRE(poll(&pfd, 1, SETTLE_STEP_US / 1000) >= 0);
		if ((pfd.revents & want) == want)
			break;
	}
	return (pfd.revents);
}

/* revents of a poll() that does not wait. */
static inline short
poll_now(int fd, short events)
{
	struct pollfd pfd = { .fd = fd, .events = events };

	ATF_REQUIRE(poll(&pfd, 1, 0) >= 0);
	return (pfd.revents);
}

/*
 * Waits (hang guard) until FIONREAD on fd reports at least n bytes, for
 * cases that must see several sends queued before they receive; returns
 * the last count.
 */
static inline int
wait_fionread(int fd, int n)
{
	int i, v = 0;

	for (i = 0; i < SETTLE_TRIES; i++) {
		ATF_REQUIRE_EQ(ioctl(fd, FIONREAD, &v), 0);
		if (v >= n)
			break;
		usleep(SETTLE_STEP_US);
	}
	return (v);
}

/* How many descriptors this process has open (0 .. 255). */
static inline int
open_fd_count(void)
{
	int fd, n = 0;

	for (fd = 0; fd < 256; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return (n);
}

static volatile sig_atomic_t helper_caught;

static inline void
helper_catch(int sig)
{
	helper_caught = sig;
}

/*
 * Waits (hang guard) for sig, which the caller has blocked, and takes it:
 * polls sigpending(), then lets the signal in once with a handler that
 * notes it.  Returns sig, or 0 if it did not come.  (Only sigpending and
 * sigprocmask are needed: no sigwait or sigtimedwait.)
 */
static inline int
wait_signal(int sig)
{
	struct sigaction sa, old;
	sigset_t set, pend;
	int i;

	sigemptyset(&set);
	sigaddset(&set, sig);
	for (i = 0; i < SETTLE_TRIES; i++) {
		ATF_REQUIRE_EQ(sigpending(&pend), 0);
		if (sigismember(&pend, sig))
			break;
		usleep(SETTLE_STEP_US);
	}
	if (i == SETTLE_TRIES)
		return (0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = helper_catch;
	sigemptyset(&sa.sa_mask);
	ATF_REQUIRE_EQ(sigaction(sig, &sa, &old), 0);
	helper_caught = 0;
	ATF_REQUIRE_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	ATF_REQUIRE_EQ(sigaction(sig, &old, NULL), 0);
	return (helper_caught == sig ? sig : 0);
}

static inline void
block_signal(int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
}

/*
 * Catches sig (with a handler that only notes it) and blocks it, so that
 * it stays pending until wait_signal() takes it.  A signal whose default
 * action is to be ignored (SIGIO) would be discarded, blocked or not,
 * while its action is SIG_DFL.
 */
static inline void
hold_signal(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = helper_catch;
	sigemptyset(&sa.sa_mask);
	ATF_REQUIRE_EQ(sigaction(sig, &sa, NULL), 0);
	block_signal(sig);
}

static inline int
signal_pending(int sig)
{
	sigset_t set;

	ATF_REQUIRE_EQ(sigpending(&set), 0);
	return (sigismember(&set, sig));
}

#endif /* !_SOCKET_HELPERS_H_ */
