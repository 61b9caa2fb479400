/*
 * socket_stress_test: concurrency stress programs for AF_UNIX sockets.
 * Several threads work on the same sockets at once (sending, receiving,
 * shutting down, closing, setting options, connecting, accepting, passing
 * descriptors), each case doing a fixed amount of work, and each checking
 * that nothing was lost or corrupted and that the kernel's socket, mbuf
 * and in-flight descriptor counters come back to where they started.
 * The wrappers run it at 2 and 4 CPUs (socket_stress_test_smp2/_smp4).
 *
 * Run length: every case's counts (records, rounds, operations; never
 * the number of threads) are multiplied by STRESS_ITERS from the
 * environment, else by the ATF configuration variable stress_iters
 * (atf-run -v stress_iters=10; kyua -v test_suites.damselfly.stress_iters=10),
 * default 1.  The counts are the NAME_ITERS and NAME_ROUNDS defines
 * at the top of each case.
 *
 * Rules every case follows:
 * - Worker threads report with CHECK(), which fails the whole case from
 *   whichever thread sees a problem first (the process exit stops the
 *   others); the main thread uses ATF_REQUIRE as usual.
 * - Nothing is timed.  poll() timeouts (30 s) and a per-case watchdog
 *   (WATCHDOG_SECS x the multiplier) are hang guards only: when one
 *   fires, the case fails and prints what every thread was doing.
 * - case_end() waits up to SETTLE_MS for the counters to come back (the
 *   last reference to a socket may be dropped in a netisr a moment after
 *   close()), then compares every one with its value at case_begin(), and
 *   also the number of open descriptors.
 * - A descriptor number is never used after close() while another thread
 *   could be handed the same number: closes that race with system calls
 *   happen only in windows where no thread allocates descriptors, or are
 *   done with dup2() onto a placeholder so the number stays taken.
 * - SIGPIPE is ignored; EPIPE is checked where it can occur.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/un.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <atf-c.h>

#define	STRESS_TIMEOUT	600	/* ATF timeout of a case at 1x, seconds */
#define	WATCHDOG_SECS	120	/* hang guard at 1x, seconds */
#define	SETTLE_MS	10000	/* how long counters may take to settle */
#define	HANG_MS		30000	/* poll() hang guard */
#define	MAXSLOTS	16	/* threads of one case, main included */

#define	LOAD(p)		__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define	STORE(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define	ADD(p, v)	__atomic_fetch_add((p), (v), __ATOMIC_RELAXED)

/* ---- Run length -------------------------------------------------------- */

static long mult = 1;

static long
stress_mult(const atf_tc_t *tc)
{
	const char *s;
	long v;

	s = getenv("STRESS_ITERS");
	if (s == NULL && tc != NULL &&
	    atf_tc_has_config_var(tc, "stress_iters"))
		s = atf_tc_get_config_var(tc, "stress_iters");
	if (s == NULL)
		return (1);
	v = strtol(s, NULL, 10);
	return (v < 1 ? 1 : v);
}

static long
iters(long base)
{

	return (base * mult);
}

/*
 * A case with a head that scales its ATF timeout with STRESS_ITERS.  The
 * configuration variable is not visible to heads, so a run with -v
 * stress_iters=N keeps STRESS_TIMEOUT: enough for N=10, since every case
 * takes well under 30 s at 1x.
 */
#define	STRESS_TC(name, what)						\
	ATF_TC(name);							\
	ATF_TC_HEAD(name, tc)						\
	{								\
		atf_tc_set_md_var(tc, "descr", "%s", what);		\
		atf_tc_set_md_var(tc, "timeout", "%ld",			\
		    (long)STRESS_TIMEOUT * stress_mult(NULL));		\
	}

/* ---- Random numbers: xorshift64*, one state per thread ---------------- */

static uint32_t
rnd(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return ((uint32_t)((x * 0x2545F4914F6CDD1DULL) >> 32));
}

/* Uniform in [lo, hi]. */
static uint32_t
rnd_range(uint64_t *s, uint32_t lo, uint32_t hi)
{

	return (lo + rnd(s) % (hi - lo + 1));
}

static uint64_t
seed_for(int slot)
{

	return (0x9E3779B97F4A7C15ULL * (uint64_t)(slot + 1) ^ 0x5EED5EEDULL);
}

/* ---- What each thread is doing, and failing from any thread ----------- */

struct slot_note {
	const char	*sn_name;	/* set once by the thread */
	const char	*sn_what;	/* the call it is in or about to make */
	long		 sn_iter;	/* its round, record or operation */
};
static struct slot_note notes[MAXSLOTS];
static pthread_mutex_t fail_mtx = PTHREAD_MUTEX_INITIALIZER;

static void
note_name(int slot, const char *name)
{

	STORE(&notes[slot].sn_name, name);
}

static void
note(int slot, const char *what, long iter)
{

	STORE(&notes[slot].sn_iter, iter);
	STORE(&notes[slot].sn_what, what);
}

static void
dump_notes(void)
{
	const char *name, *what;

	for (int i = 0; i < MAXSLOTS; i++) {
		name = LOAD(&notes[i].sn_name);
		what = LOAD(&notes[i].sn_what);
		if (name == NULL)
			continue;
		fprintf(stderr, "  thread %d (%s): %s, #%ld\n", i, name,
		    what != NULL ? what : "-", LOAD(&notes[i].sn_iter));
	}
}

/*
 * A text sysctl (kern.threads, net.isr.stats) to stderr, for a hang
 * report; best effort.
 */
static void
dump_sysctl_text(const char *name)
{
	size_t len = 0;
	char *buf;

	if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
		return;
	len += 4096;
	buf = malloc(len);
	if (buf != NULL && sysctlbyname(name, buf, &len, NULL, 0) == 0)
		fprintf(stderr, "%s:\n%.*s\n", name, (int)len, buf);
	free(buf);
}

static int hang_report;		/* the watchdog is failing the case */

/*
 * The first failure wins: fail_mtx is never released, so a second thread
 * failing at the same time waits here until the process exits.
 */
static void stress_fail(const char *, int, const char *, ...)
    __attribute__((__noreturn__, __format__(__printf__, 3, 4)));

static void
stress_fail(const char *file, int line, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	pthread_mutex_lock(&fail_mtx);
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s:%d: %s\nthreads at the time:\n", file, line, buf);
	dump_notes();
	if (LOAD(&hang_report)) {
		dump_sysctl_text("kern.threads");
		dump_sysctl_text("net.isr.stats");
	}
	fflush(stderr);
	atf_tc_fail_requirement(file, line, "%s", buf);
}

#define	CHECK(cond, ...) do {						\
	if (!(cond))							\
		stress_fail(__FILE__, __LINE__, __VA_ARGS__);		\
} while (0)

/* errno_in(e, ERRS(EPIPE, ECONNRESET)): is e one of the listed errors? */
#define	ERRS(...)	((const int []){ __VA_ARGS__, 0 })

static bool
errno_in(int e, const int *set)
{

	for (; *set != 0; set++)
		if (e == *set)
			return (true);
	return (false);
}

/* ---- Threads ---------------------------------------------------------- */

static void
spawn(pthread_t *t, void *(*fn)(void *), void *arg)
{

	ATF_REQUIRE_EQ(pthread_create(t, NULL, fn, arg), 0);
}

static void
join(pthread_t t)
{

	ATF_REQUIRE_EQ(pthread_join(t, NULL), 0);
}

static void
barrier(pthread_barrier_t *b)
{
	int r;

	r = pthread_barrier_wait(b);
	CHECK(r == 0 || r == PTHREAD_BARRIER_SERIAL_THREAD,
	    "pthread_barrier_wait: %d", r);
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* Wait until fd has one of events; hang guard only. */
static void
wait_fd(int fd, short events, const char *what)
{
	struct pollfd pfd = { .fd = fd, .events = events };
	int n;

	do
		n = poll(&pfd, 1, HANG_MS);
	while (n == -1 && errno == EINTR);
	CHECK(n == 1, "%s: fd %d not ready after %d ms (poll %d, %s)", what,
	    fd, HANG_MS, n, n == -1 ? strerror(errno) : "timeout");
}

/* ---- Kernel counters -------------------------------------------------- */

static const char *const counter_names[] = {
	"kern.ipc.numopensockets",
	"kern.ipc.sockets_unix_stream",
	"kern.ipc.sockets_unix_dgram",
	"kern.ipc.sockets_unix_seqpacket",
	"kern.ipc.mbufs_inuse",
	"kern.ipc.mbclusters_inuse",
	"kern.ipc.unp_inflight",
};
#define	NCOUNTERS	(sizeof(counter_names) / sizeof(counter_names[0]))

struct counters {
	long	c_v[NCOUNTERS];
};

/* An integer sysctl of 4 or 8 bytes. */
static long
sysctl_long(const char *name)
{
	union {
		int32_t	i32;
		int64_t	i64;
	} u;
	size_t len = sizeof(u);

	memset(&u, 0, sizeof(u));
	CHECK(sysctlbyname(name, &u, &len, NULL, 0) == 0,
	    "sysctl %s: %s", name, strerror(errno));
	CHECK(len == 4 || len == 8, "sysctl %s: %zu bytes", name, len);
	return (len == 4 ? (long)u.i32 : (long)u.i64);
}

static void
counters_read(struct counters *c)
{

	for (size_t i = 0; i < NCOUNTERS; i++)
		c->c_v[i] = sysctl_long(counter_names[i]);
}

static bool
counters_equal(const struct counters *a, const struct counters *b)
{

	return (memcmp(a->c_v, b->c_v, sizeof(a->c_v)) == 0);
}

/*
 * Open descriptors, counted one by one: a socketpair() or accept() that
 * failed half way must not leave one behind.
 */
static int fd_scan_max;

static int
count_fds(void)
{
	int n = 0;

	for (int fd = 0; fd < fd_scan_max; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return (n);
}

/* ---- Case start and end: counters, descriptors, watchdog -------------- */

static struct counters start_counters;
static int start_fds;
static pthread_t watchdog_thread;
static int watchdog_stop;
static long watchdog_ms;

static void *
watchdog(void *arg)
{
	long t0 = now_ms();

	note_name(MAXSLOTS - 1, "watchdog");
	while (!LOAD(&watchdog_stop)) {
		usleep(100000);
		if (now_ms() - t0 < watchdog_ms)
			continue;
		STORE(&hang_report, 1);
		CHECK(0, "watchdog: the case did not finish in %ld s (hang?)",
		    watchdog_ms / 1000);
	}
	return (arg);
}

static void
case_begin(const atf_tc_t *tc)
{
	struct rlimit rl;
	const char *t;
	long timeout;

	mult = stress_mult(tc);
	ATF_REQUIRE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	ATF_REQUIRE_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
	fd_scan_max = rl.rlim_cur > 8192 ? 8192 : (int)rl.rlim_cur;
	note_name(0, "main");
	note(0, "body", 0);
	counters_read(&start_counters);
	start_fds = count_fds();

	t = atf_tc_has_md_var(tc, "timeout") ?
	    atf_tc_get_md_var(tc, "timeout") : NULL;
	timeout = t != NULL ? strtol(t, NULL, 10) : STRESS_TIMEOUT;
	watchdog_ms = (long)WATCHDOG_SECS * 1000 * mult;
	if (timeout > 60 && watchdog_ms > (timeout - 30) * 1000)
		watchdog_ms = (timeout - 30) * 1000;
	STORE(&watchdog_stop, 0);
	spawn(&watchdog_thread, watchdog, NULL);
}

static void
counters_fail(const struct counters *now)
{
	char buf[512];
	size_t off = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < NCOUNTERS; i++) {
		if (now->c_v[i] == start_counters.c_v[i])
			continue;
		off += snprintf(buf + off, sizeof(buf) - off, " %s %ld -> %ld",
		    counter_names[i], start_counters.c_v[i], now->c_v[i]);
		if (off >= sizeof(buf))
			break;
	}
	CHECK(0, "counters not back after %d ms:%s", SETTLE_MS, buf);
}

static void
case_end(void)
{
	struct counters now;
	long t0;
	int fds;

	note(0, "settle", 0);
	fds = count_fds();
	CHECK(fds == start_fds, "%d descriptors open at the end, %d at the "
	    "start", fds, start_fds);
	t0 = now_ms();
	for (;;) {
		counters_read(&now);
		if (counters_equal(&now, &start_counters))
			break;
		if (now_ms() - t0 > SETTLE_MS)
			counters_fail(&now);
		usleep(10000);
	}
	STORE(&watchdog_stop, 1);
	join(watchdog_thread);
}

/* ---- Data patterns and records ---------------------------------------- */

/* Byte off of stream number stream: anything misplaced shows. */
static uint8_t
pattern_byte(uint32_t stream, uint64_t off)
{
	uint64_t x;

	x = (off + 1) * 0x9E3779B97F4A7C15ULL ^
	    (uint64_t)stream * 0xC2B2AE3D27D4EB4FULL;
	return ((uint8_t)(x >> 56));
}

static void
fill_pattern(uint8_t *buf, uint32_t stream, uint64_t off, size_t len)
{

	for (size_t i = 0; i < len; i++)
		buf[i] = pattern_byte(stream, off + i);
}

/* The index of the first wrong byte, or -1. */
static long
check_pattern(const uint8_t *buf, uint32_t stream, uint64_t off, size_t len)
{

	for (size_t i = 0; i < len; i++)
		if (buf[i] != pattern_byte(stream, off + i))
			return ((long)i);
	return (-1);
}

/*
 * A record: header, then rh_len payload bytes whose contents depend on
 * (source, sequence), so a record that is torn, merged, duplicated,
 * reordered or truncated is caught.
 */
struct rec_hdr {
	uint32_t	rh_magic;
	uint32_t	rh_src;		/* sending thread */
	uint32_t	rh_seq;		/* 0, 1, 2 ... per source */
	uint32_t	rh_len;		/* payload bytes after the header */
};
#define	REC_MAGIC	0x5354524dU
#define	REC_HDR		sizeof(struct rec_hdr)

static uint32_t
rec_stream(uint32_t src, uint32_t seq)
{

	return (src << 24 ^ seq);
}

static size_t
rec_build(uint8_t *buf, uint32_t src, uint32_t seq, uint32_t len)
{
	struct rec_hdr h = { REC_MAGIC, src, seq, len };

	memcpy(buf, &h, REC_HDR);
	fill_pattern(buf + REC_HDR, rec_stream(src, seq), 0, len);
	return (REC_HDR + len);
}

/* Check a header that arrived; returns it. */
static struct rec_hdr
rec_header(const uint8_t *buf, uint32_t nsrc, uint32_t maxlen, const char *who)
{
	struct rec_hdr h;

	memcpy(&h, buf, REC_HDR);
	CHECK(h.rh_magic == REC_MAGIC && h.rh_src < nsrc && h.rh_len <= maxlen,
	    "%s: bad record header (magic %#x src %u seq %u len %u)", who,
	    h.rh_magic, h.rh_src, h.rh_seq, h.rh_len);
	return (h);
}

static void
rec_payload(const uint8_t *buf, const struct rec_hdr *h, const char *who)
{
	long bad;

	bad = check_pattern(buf + REC_HDR, rec_stream(h->rh_src, h->rh_seq), 0,
	    h->rh_len);
	CHECK(bad == -1, "%s: record src %u seq %u len %u: wrong byte at %ld",
	    who, h->rh_src, h->rh_seq, h->rh_len, bad);
}

/* ---- Addresses -------------------------------------------------------- */

static socklen_t
unaddr(struct sockaddr_un *sun, const char *path)
{

	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	snprintf(sun->sun_path, sizeof(sun->sun_path), "%s", path);
	return ((socklen_t)(offsetof(struct sockaddr_un, sun_path) +
	    strlen(path) + 1));
}

static int
bound_socket(int type, const char *path)
{
	struct sockaddr_un sun;
	socklen_t len;
	int s;

	len = unaddr(&sun, path);
	(void)unlink(path);
	s = socket(AF_UNIX, type, 0);
	ATF_REQUIRE_MSG(s >= 0, "socket: %s", strerror(errno));
	ATF_REQUIRE_MSG(bind(s, (struct sockaddr *)&sun, len) == 0,
	    "bind %s: %s", path, strerror(errno));
	return (s);
}

/*
 * ---- stream_many_writers_one_reader_no_bytes_lost -----------------------
 *
 * One SOCK_STREAM pair, one reader, writers in two phases.  Phase 1:
 * records of up to 24 KB (bigger than the send buffer, so a write sleeps
 * half way), a mutex around each record's write so records cannot
 * interleave whatever the kernel does.  Phase 2: records of at most 1 KB,
 * one send() each, no mutex: FreeBSD holds the send I/O lock across a
 * whole blocking send, so another writer's bytes never land inside a
 * record.  The reader reads in random sizes, sometimes with MSG_WAITALL,
 * and checks every record's contents and each writer's sequence.
 */
#define	SW_WRITERS	4		/* per phase */
#define	SW_BIG_ITERS	80		/* records per writer, phase 1 */
#define	SW_BIG_MAX	(24 * 1024)
#define	SW_SMALL_ITERS	800		/* records per writer, phase 2 */
#define	SW_SMALL_MAX	(1024 - REC_HDR)
#define	SW_BUFSZ	(64 * 1024)

struct sw_writer {
	int		sw_slot;
	uint32_t	sw_src;
	int		sw_fd;
	long		sw_records;
	bool		sw_big;
	uint64_t	sw_bytes;	/* written, headers included */
};

static pthread_mutex_t sw_lock = PTHREAD_MUTEX_INITIALIZER;

static void
sw_write_record(struct sw_writer *w, const uint8_t *buf, size_t size,
    long seq)
{
	size_t done = 0;
	ssize_t n;

	if (!w->sw_big) {
		note(w->sw_slot, "send", seq);
		n = send(w->sw_fd, buf, size, 0);
		CHECK(n == (ssize_t)size, "writer %u: send of %zu bytes "
		    "returned %zd (%s)", w->sw_src, size, n,
		    n == -1 ? strerror(errno) : "short");
		return;
	}
	note(w->sw_slot, "lock", seq);
	pthread_mutex_lock(&sw_lock);
	note(w->sw_slot, "write", seq);
	while (done < size) {
		n = write(w->sw_fd, buf + done, size - done);
		CHECK(n > 0, "writer %u: write: %s", w->sw_src,
		    n == 0 ? "0" : strerror(errno));
		done += n;
	}
	pthread_mutex_unlock(&sw_lock);
}

static void *
sw_writer(void *arg)
{
	struct sw_writer *w = arg;
	uint64_t seed = seed_for(w->sw_slot);
	uint32_t max = w->sw_big ? SW_BIG_MAX : SW_SMALL_MAX;
	uint8_t *buf;
	size_t size;

	note_name(w->sw_slot, w->sw_big ? "writer, locked" : "writer");
	buf = malloc(REC_HDR + max);
	CHECK(buf != NULL, "malloc");
	for (long seq = 0; seq < w->sw_records; seq++) {
		size = rec_build(buf, w->sw_src, (uint32_t)seq,
		    rnd_range(&seed, 0, max));
		sw_write_record(w, buf, size, seq);
		w->sw_bytes += size;
	}
	note(w->sw_slot, "done", w->sw_records);
	free(buf);
	return (NULL);
}

struct sw_reader {
	int		sr_fd;
	uint64_t	sr_bytes;
	uint32_t	sr_next[2 * SW_WRITERS];	/* next seq expected */
};

/* Check and drop every complete record at the front of buf. */
static size_t
sw_consume(struct sw_reader *r, uint8_t *buf, size_t have)
{
	struct rec_hdr h;
	size_t size;

	while (have >= REC_HDR) {
		h = rec_header(buf, 2 * SW_WRITERS, SW_BIG_MAX, "reader");
		size = REC_HDR + h.rh_len;
		if (have < size)
			break;
		CHECK(h.rh_seq == r->sr_next[h.rh_src], "reader: writer %u "
		    "record %u arrived, expected %u", h.rh_src, h.rh_seq,
		    r->sr_next[h.rh_src]);
		rec_payload(buf, &h, "reader");
		r->sr_next[h.rh_src]++;
		memmove(buf, buf + size, have - size);
		have -= size;
	}
	return (have);
}

/* Bytes still missing from the record at the front of buf. */
static size_t
sw_missing(const uint8_t *buf, size_t have)
{
	struct rec_hdr h;

	if (have < REC_HDR)
		return (REC_HDR - have);
	memcpy(&h, buf, REC_HDR);
	return (REC_HDR + h.rh_len - have);
}

static void *
sw_reader(void *arg)
{
	struct sw_reader *r = arg;
	uint64_t seed = seed_for(1);
	uint8_t *buf;
	size_t have = 0, want;
	ssize_t n;
	long calls = 0;

	note_name(1, "reader");
	buf = malloc(SW_BUFSZ);
	CHECK(buf != NULL, "malloc");
	for (;; calls++) {
		if (rnd(&seed) % 4 == 0) {
			want = sw_missing(buf, have);
			note(1, "recv WAITALL", calls);
			n = recv(r->sr_fd, buf + have, want, MSG_WAITALL);
			CHECK(n == -1 || n == 0 || (size_t)n == want,
			    "reader: MSG_WAITALL for %zu returned %zd "
			    "before EOF", want, n);
		} else {
			want = rnd_range(&seed, 1, SW_BUFSZ - have);
			note(1, "read", calls);
			n = read(r->sr_fd, buf + have, want);
		}
		CHECK(n >= 0, "reader: %s", strerror(errno));
		if (n == 0)
			break;
		r->sr_bytes += n;
		have = sw_consume(r, buf, have + n);
	}
	CHECK(have == 0, "reader: EOF inside a record (%zu bytes left)", have);
	free(buf);
	return (NULL);
}

static void
sw_phase(struct sw_writer *w, int fd, bool big)
{
	pthread_t t[SW_WRITERS];

	for (int i = 0; i < SW_WRITERS; i++) {
		w[i] = (struct sw_writer){
			.sw_slot = 2 + i + (big ? 0 : SW_WRITERS),
			.sw_src = i + (big ? 0 : SW_WRITERS),
			.sw_fd = fd,
			.sw_records = iters(big ? SW_BIG_ITERS :
			    SW_SMALL_ITERS),
			.sw_big = big,
		};
		spawn(&t[i], sw_writer, &w[i]);
	}
	for (int i = 0; i < SW_WRITERS; i++)
		join(t[i]);
}

STRESS_TC(stream_many_writers_one_reader_no_bytes_lost,
    "Writers on one stream socket, a reader on its peer: every record "
    "arrives whole, in each writer's order, and the byte totals match");
ATF_TC_BODY(stream_many_writers_one_reader_no_bytes_lost, tc)
{
	struct sw_writer w[2 * SW_WRITERS];
	struct sw_reader r;
	uint64_t sent = 0;
	pthread_t rt;
	int sv[2];

	case_begin(tc);
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	memset(&r, 0, sizeof(r));
	r.sr_fd = sv[1];
	spawn(&rt, sw_reader, &r);
	note(0, "phase 1", 0);
	sw_phase(&w[0], sv[0], true);
	note(0, "phase 2", 0);
	sw_phase(&w[SW_WRITERS], sv[0], false);
	note(0, "shutdown", 0);
	ATF_REQUIRE_EQ(shutdown(sv[0], SHUT_WR), 0);
	join(rt);
	for (int i = 0; i < 2 * SW_WRITERS; i++) {
		ATF_REQUIRE_EQ_MSG(r.sr_next[i], (uint32_t)w[i].sw_records,
		    "writer %d", i);
		sent += w[i].sw_bytes;
	}
	ATF_REQUIRE_EQ(r.sr_bytes, sent);
	printf("%ju bytes in %ld records\n", (uintmax_t)sent,
	    (long)SW_WRITERS * (iters(SW_BIG_ITERS) + iters(SW_SMALL_ITERS)));
	close(sv[0]);
	close(sv[1]);
	case_end();
}

/*
 * ---- seqpacket_concurrent_senders_records_intact ------------------------
 *
 * Senders share one end of a SOCK_SEQPACKET pair, two receivers share the
 * other.  Every recvmsg() must return exactly one record, whole (no
 * MSG_TRUNC, the length its header says), each record arrives once, and
 * each receiver sees every sender's records in increasing order (the
 * receivers take turns at one FIFO queue).
 */
#define	SP_SENDERS	4
#define	SP_RECEIVERS	2
#define	SP_ITERS	600		/* records per sender */
#define	SP_MAX		(4096 - REC_HDR)

struct sp_state {
	int		sp_fd[2];
	long		sp_records;
	pthread_mutex_t	sp_lock;
	uint8_t		*sp_seen[SP_SENDERS];	/* [sp_lock] */
	long		sp_received;		/* [sp_lock] */
};

struct sp_thread {
	struct sp_state	*st_sp;
	int		 st_slot;
	uint32_t	 st_id;
};

static void *
sp_sender(void *arg)
{
	struct sp_thread *t = arg;
	uint64_t seed = seed_for(t->st_slot);
	uint8_t *buf;
	size_t size;
	ssize_t n;
	int flags;

	note_name(t->st_slot, "sender");
	buf = malloc(REC_HDR + SP_MAX);
	CHECK(buf != NULL, "malloc");
	for (long seq = 0; seq < t->st_sp->sp_records; seq++) {
		size = rec_build(buf, t->st_id, (uint32_t)seq,
		    rnd_range(&seed, 0, SP_MAX));
		flags = rnd(&seed) % 2 ? MSG_EOR : 0;
		note(t->st_slot, "send", seq);
		n = send(t->st_sp->sp_fd[0], buf, size, flags);
		CHECK(n == (ssize_t)size, "sender %u: send of %zu returned "
		    "%zd (%s)", t->st_id, size, n,
		    n == -1 ? strerror(errno) : "short");
	}
	note(t->st_slot, "done", t->st_sp->sp_records);
	free(buf);
	return (NULL);
}

static void
sp_mark(struct sp_state *sp, const struct rec_hdr *h, uint32_t receiver)
{

	pthread_mutex_lock(&sp->sp_lock);
	CHECK(h->rh_seq < sp->sp_records, "receiver %u: sender %u seq %u out "
	    "of range", receiver, h->rh_src, h->rh_seq);
	CHECK(sp->sp_seen[h->rh_src][h->rh_seq] == 0, "receiver %u: sender "
	    "%u record %u arrived twice", receiver, h->rh_src, h->rh_seq);
	sp->sp_seen[h->rh_src][h->rh_seq] = 1;
	sp->sp_received++;
	pthread_mutex_unlock(&sp->sp_lock);
}

static void *
sp_receiver(void *arg)
{
	struct sp_thread *t = arg;
	struct sp_state *sp = t->st_sp;
	int64_t last[SP_SENDERS];
	struct rec_hdr h;
	struct msghdr msg;
	struct iovec iov;
	uint8_t *buf;
	ssize_t n;

	note_name(t->st_slot, "receiver");
	buf = malloc(2 * (REC_HDR + SP_MAX));
	CHECK(buf != NULL, "malloc");
	for (int i = 0; i < SP_SENDERS; i++)
		last[i] = -1;
	for (long calls = 0;; calls++) {
		iov = (struct iovec){ buf, 2 * (REC_HDR + SP_MAX) };
		memset(&msg, 0, sizeof(msg));
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		note(t->st_slot, "recvmsg", calls);
		n = recvmsg(sp->sp_fd[1], &msg, 0);
		CHECK(n >= 0, "receiver %u: recvmsg: %s", t->st_id,
		    strerror(errno));
		if (n == 0)
			break;
		CHECK((msg.msg_flags & MSG_TRUNC) == 0 && n >= (ssize_t)REC_HDR,
		    "receiver %u: %zd bytes, flags %#x", t->st_id, n,
		    msg.msg_flags);
		h = rec_header(buf, SP_SENDERS, SP_MAX, "receiver");
		CHECK(n == (ssize_t)(REC_HDR + h.rh_len), "receiver %u: sender "
		    "%u record %u of %zu bytes came as %zd (split or merged)",
		    t->st_id, h.rh_src, h.rh_seq, REC_HDR + h.rh_len, n);
		rec_payload(buf, &h, "receiver");
		CHECK((int64_t)h.rh_seq > last[h.rh_src], "receiver %u: sender "
		    "%u record %u after %jd", t->st_id, h.rh_src, h.rh_seq,
		    (intmax_t)last[h.rh_src]);
		last[h.rh_src] = h.rh_seq;
		sp_mark(sp, &h, t->st_id);
	}
	free(buf);
	return (NULL);
}

STRESS_TC(seqpacket_concurrent_senders_records_intact,
    "Senders on one SOCK_SEQPACKET end, two receivers on the other: each "
    "record arrives exactly once, whole and unmerged, in sender order");
ATF_TC_BODY(seqpacket_concurrent_senders_records_intact, tc)
{
	struct sp_thread st[SP_SENDERS], rt[SP_RECEIVERS];
	pthread_t s[SP_SENDERS], r[SP_RECEIVERS];
	struct sp_state sp;

	case_begin(tc);
	memset(&sp, 0, sizeof(sp));
	pthread_mutex_init(&sp.sp_lock, NULL);
	sp.sp_records = iters(SP_ITERS);
	for (int i = 0; i < SP_SENDERS; i++) {
		sp.sp_seen[i] = calloc(sp.sp_records, 1);
		ATF_REQUIRE(sp.sp_seen[i] != NULL);
	}
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sp.sp_fd), 0);
	for (int i = 0; i < SP_RECEIVERS; i++) {
		rt[i] = (struct sp_thread){ &sp, 1 + i, i };
		spawn(&r[i], sp_receiver, &rt[i]);
	}
	for (int i = 0; i < SP_SENDERS; i++) {
		st[i] = (struct sp_thread){ &sp, 1 + SP_RECEIVERS + i, i };
		spawn(&s[i], sp_sender, &st[i]);
	}
	for (int i = 0; i < SP_SENDERS; i++)
		join(s[i]);
	note(0, "shutdown", 0);
	ATF_REQUIRE_EQ(shutdown(sp.sp_fd[0], SHUT_WR), 0);
	for (int i = 0; i < SP_RECEIVERS; i++)
		join(r[i]);
	ATF_REQUIRE_EQ(sp.sp_received, SP_SENDERS * sp.sp_records);
	printf("%ld records\n", sp.sp_received);
	close(sp.sp_fd[0]);
	close(sp.sp_fd[1]);
	for (int i = 0; i < SP_SENDERS; i++)
		free(sp.sp_seen[i]);
	case_end();
}

/*
 * ---- dgram_many_senders_one_receiver_counts_match -----------------------
 *
 * Senders, each with its own SOCK_DGRAM socket (half connect() then
 * send(), half sendto(), one of them non-blocking), flood one bound
 * receiver.  A full receiver answers ENOBUFS (EAGAIN when non-blocking)
 * and the sender sends the same datagram again, so the receiver must get
 * every datagram exactly once, whole, in each sender's order: a
 * datagram reported as failed but delivered shows as a duplicate, one
 * reported as sent but dropped shows as a gap.
 */
#define	DG_SENDERS	4
#define	DG_ITERS	1500		/* datagrams per sender */
#define	DG_MAX		(1400 - REC_HDR)
#define	DG_PATH		"stress_dgram.sock"

struct dg_sender {
	int		ds_slot;
	uint32_t	ds_id;
	long		ds_count;
	long		ds_retries;	/* ENOBUFS or EAGAIN */
};

static void *
dg_sender(void *arg)
{
	struct dg_sender *d = arg;
	uint64_t seed = seed_for(d->ds_slot);
	struct sockaddr_un sun;
	uint8_t buf[REC_HDR + DG_MAX];
	bool connected = d->ds_id % 2 == 1;
	socklen_t len;
	size_t size;
	ssize_t n;
	int s;

	note_name(d->ds_slot, connected ? "sender, connected" : "sender");
	len = unaddr(&sun, DG_PATH);
	s = socket(AF_UNIX, SOCK_DGRAM | (d->ds_id == 3 ? SOCK_NONBLOCK : 0),
	    0);
	CHECK(s >= 0, "socket: %s", strerror(errno));
	if (connected)
		CHECK(connect(s, (struct sockaddr *)&sun, len) == 0,
		    "connect: %s", strerror(errno));
	for (long seq = 0; seq < d->ds_count; seq++) {
		size = rec_build(buf, d->ds_id, (uint32_t)seq,
		    rnd_range(&seed, 0, DG_MAX));
		for (;;) {
			note(d->ds_slot, "send", seq);
			n = connected ? send(s, buf, size, 0) :
			    sendto(s, buf, size, 0, (struct sockaddr *)&sun,
			    len);
			if (n != -1 || !errno_in(errno, ERRS(ENOBUFS, EAGAIN)))
				break;
			d->ds_retries++;
			note(d->ds_slot, "backoff", seq);
			usleep(rnd_range(&seed, 100, 1000));
		}
		CHECK(n == (ssize_t)size, "sender %u: datagram %ld of %zu "
		    "bytes: %zd (%s)", d->ds_id, seq, size, n,
		    n == -1 ? strerror(errno) : "short");
	}
	note(d->ds_slot, "done", d->ds_count);
	close(s);
	return (NULL);
}

static void
dg_receive(int fd, long total, uint32_t *next)
{
	uint8_t buf[2 * (REC_HDR + DG_MAX)];
	struct rec_hdr h;
	ssize_t n;

	for (long got = 0; got < total; got++) {
		note(0, "recv", got);
		wait_fd(fd, POLLIN, "receiver (a datagram lost?)");
		n = recv(fd, buf, sizeof(buf), 0);
		CHECK(n >= (ssize_t)REC_HDR, "receiver: recv %zd (%s)", n,
		    n == -1 ? strerror(errno) : "short");
		h = rec_header(buf, DG_SENDERS, DG_MAX, "receiver");
		CHECK(n == (ssize_t)(REC_HDR + h.rh_len), "receiver: sender "
		    "%u datagram %u: %zd bytes, expected %zu", h.rh_src,
		    h.rh_seq, n, REC_HDR + h.rh_len);
		CHECK(h.rh_seq == next[h.rh_src], "receiver: sender %u "
		    "datagram %u, expected %u (lost, duplicated or reordered)",
		    h.rh_src, h.rh_seq, next[h.rh_src]);
		rec_payload(buf, &h, "receiver");
		next[h.rh_src]++;
	}
}

STRESS_TC(dgram_many_senders_one_receiver_counts_match,
    "Datagram senders flood one bound receiver, retrying on ENOBUFS/EAGAIN: "
    "every datagram arrives exactly once, whole, in sender order");
ATF_TC_BODY(dgram_many_senders_one_receiver_counts_match, tc)
{
	struct dg_sender d[DG_SENDERS];
	uint32_t next[DG_SENDERS];
	pthread_t t[DG_SENDERS];
	long retries = 0;
	char c;
	int r;

	case_begin(tc);
	r = bound_socket(SOCK_DGRAM, DG_PATH);
	memset(next, 0, sizeof(next));
	for (int i = 0; i < DG_SENDERS; i++) {
		d[i] = (struct dg_sender){ .ds_slot = 1 + i, .ds_id = i,
		    .ds_count = iters(DG_ITERS) };
		spawn(&t[i], dg_sender, &d[i]);
	}
	dg_receive(r, DG_SENDERS * iters(DG_ITERS), next);
	for (int i = 0; i < DG_SENDERS; i++) {
		join(t[i]);
		retries += d[i].ds_retries;
	}
	ATF_REQUIRE_MSG(recv(r, &c, 1, MSG_DONTWAIT) == -1 && errno == EAGAIN,
	    "a datagram too many");
	printf("%ld datagrams, %ld retries after ENOBUFS/EAGAIN\n",
	    DG_SENDERS * iters(DG_ITERS), retries);
	close(r);
	ATF_REQUIRE_EQ(unlink(DG_PATH), 0);
	case_end();
}

/*
 * ---- send_recv_racing_shutdown_no_hang ----------------------------------
 *
 * Each round: a SOCK_STREAM or SOCK_SEQPACKET pair, a sender and a
 * receiver per direction, and the main thread doing the four shutdowns
 * (each end SHUT_RD and SHUT_WR) in a random order at a random moment.
 * Every call must return: a sender ends with EPIPE (ENOTCONN, ECONNRESET
 * tolerated), a receiver with EOF (ENOTCONN, ECONNRESET tolerated).
 * Data received before the first shutdown must be the exact prefix of
 * what was sent; after it, SHUT_RD may discard data, so it is only
 * counted.
 */
#define	SH_ROUNDS	200
#define	SH_STREAM_MAX	16384
#define	SH_SEQ_MAX	2048
#define	SH_WORKERS	4

struct sh_dir {
	int		sd_sfd, sd_rfd;	/* sender's end, receiver's end */
	uint64_t	sd_sent;	/* bytes send() reported */
	uint64_t	sd_tried;	/* ... plus the last attempt */
	uint64_t	sd_rcvd;	/* [atomic] */
	uint64_t	sd_checked;	/* bytes compared with the pattern */
};

static struct {
	pthread_barrier_t sh_bar;
	int		sh_type;
	int		sh_started;	/* [atomic] first shutdown begun */
	int		sh_done;	/* no more rounds */
	long		sh_round;
	struct sh_dir	sh_dir[2];
} sh;

static void
sh_send(int slot, struct sh_dir *d, uint32_t dir, uint64_t *seed)
{
	uint8_t buf[SH_STREAM_MAX];
	size_t len, max;
	ssize_t n;

	max = sh.sh_type == SOCK_STREAM ? SH_STREAM_MAX : SH_SEQ_MAX;
	for (;;) {
		len = rnd_range(seed, 1, max);
		fill_pattern(buf, dir, d->sd_sent, len);
		d->sd_tried = d->sd_sent + len;
		note(slot, "send", sh.sh_round);
		if (rnd(seed) % 2)
			n = send(d->sd_sfd, buf, len, MSG_NOSIGNAL);
		else
			n = write(d->sd_sfd, buf, len);
		if (n == -1) {
			CHECK(errno_in(errno,
			    ERRS(EPIPE, ENOTCONN, ECONNRESET)),
			    "round %ld sender %u: %s", sh.sh_round, dir,
			    strerror(errno));
			return;
		}
		CHECK(n > 0 && (size_t)n <= len, "round %ld sender %u: sent "
		    "%zd of %zu", sh.sh_round, dir, n, len);
		CHECK(sh.sh_type == SOCK_STREAM || (size_t)n == len,
		    "round %ld sender %u: record of %zu sent as %zd",
		    sh.sh_round, dir, len, n);
		d->sd_sent += n;
	}
}

static void
sh_recv(int slot, struct sh_dir *d, uint32_t dir, uint64_t *seed)
{
	uint8_t buf[SH_STREAM_MAX];
	size_t len;
	ssize_t n;
	long bad;

	for (;;) {
		len = sh.sh_type == SOCK_STREAM ?
		    rnd_range(seed, 1, SH_STREAM_MAX) : SH_SEQ_MAX;
		note(slot, "recv", sh.sh_round);
		n = rnd(seed) % 2 ? recv(d->sd_rfd, buf, len, 0) :
		    read(d->sd_rfd, buf, len);
		if (n == -1) {
			CHECK(errno_in(errno, ERRS(ENOTCONN, ECONNRESET)),
			    "round %ld receiver %u: %s", sh.sh_round, dir,
			    strerror(errno));
			return;
		}
		if (n == 0)
			return;
		if (!LOAD(&sh.sh_started)) {
			bad = check_pattern(buf, dir, d->sd_rcvd, n);
			CHECK(bad == -1, "round %ld receiver %u: wrong byte "
			    "at stream offset %ju", sh.sh_round, dir,
			    (uintmax_t)(d->sd_rcvd + bad));
			d->sd_checked = d->sd_rcvd + n;
		}
		STORE(&d->sd_rcvd, d->sd_rcvd + n);
	}
}

static void *
sh_worker(void *arg)
{
	int w = (int)(intptr_t)arg, slot = 1 + w;
	uint64_t seed = seed_for(slot);
	uint32_t dir = w / 2;

	note_name(slot, w % 2 == 0 ? "sender" : "receiver");
	for (;;) {
		note(slot, "start barrier", sh.sh_round);
		barrier(&sh.sh_bar);
		if (sh.sh_done)
			break;
		if (w % 2 == 0)
			sh_send(slot, &sh.sh_dir[dir], dir, &seed);
		else
			sh_recv(slot, &sh.sh_dir[dir], dir, &seed);
		note(slot, "end barrier", sh.sh_round);
		barrier(&sh.sh_bar);
	}
	return (NULL);
}

/* Wait a random while: not at all, a little, or until data moves. */
static void
sh_delay(uint64_t *seed)
{
	long t0;

	switch (rnd(seed) % 3) {
	case 0:
		break;
	case 1:
		usleep(rnd_range(seed, 0, 3000));
		break;
	case 2:
		t0 = now_ms();
		while (LOAD(&sh.sh_dir[0].sd_rcvd) < SH_STREAM_MAX &&
		    now_ms() - t0 < 100)
			sched_yield();
		break;
	}
}

static void
sh_shutdowns(int sv[2], uint64_t *seed)
{
	int ops[4] = { 0, 1, 2, 3 }, j, tmp, end, how;

	for (int i = 3; i > 0; i--) {
		j = rnd_range(seed, 0, i);
		tmp = ops[i];
		ops[i] = ops[j];
		ops[j] = tmp;
	}
	STORE(&sh.sh_started, 1);
	for (int i = 0; i < 4; i++) {
		end = ops[i] / 2;
		how = ops[i] % 2 ? SHUT_WR : SHUT_RD;
		note(0, how == SHUT_WR ? "shutdown WR" : "shutdown RD",
		    sh.sh_round);
		CHECK(shutdown(sv[end], how) == 0 || errno == ENOTCONN,
		    "round %ld: shutdown(end %d, %d): %s", sh.sh_round, end,
		    how, strerror(errno));
		if (rnd(seed) % 2)
			sched_yield();
	}
}

STRESS_TC(send_recv_racing_shutdown_no_hang,
    "Senders and receivers in both directions while another thread shuts "
    "both ends down: every call returns, with EPIPE or EOF, and the data "
    "before the shutdown is intact");
ATF_TC_BODY(send_recv_racing_shutdown_no_hang, tc)
{
	uint64_t seed = seed_for(0), moved = 0;
	pthread_t t[SH_WORKERS];
	int sv[2];

	case_begin(tc);
	memset(&sh, 0, sizeof(sh));
	ATF_REQUIRE_EQ(pthread_barrier_init(&sh.sh_bar, NULL,
	    SH_WORKERS + 1), 0);
	for (int i = 0; i < SH_WORKERS; i++)
		spawn(&t[i], sh_worker, (void *)(intptr_t)i);
	for (sh.sh_round = 0; sh.sh_round < iters(SH_ROUNDS); sh.sh_round++) {
		sh.sh_type = sh.sh_round % 2 ? SOCK_SEQPACKET : SOCK_STREAM;
		ATF_REQUIRE_EQ(socketpair(AF_UNIX, sh.sh_type, 0, sv), 0);
		memset(sh.sh_dir, 0, sizeof(sh.sh_dir));
		sh.sh_dir[0] = (struct sh_dir){ .sd_sfd = sv[0],
		    .sd_rfd = sv[1] };
		sh.sh_dir[1] = (struct sh_dir){ .sd_sfd = sv[1],
		    .sd_rfd = sv[0] };
		STORE(&sh.sh_started, 0);
		barrier(&sh.sh_bar);
		sh_delay(&seed);
		sh_shutdowns(sv, &seed);
		note(0, "end barrier", sh.sh_round);
		barrier(&sh.sh_bar);
		for (int d = 0; d < 2; d++) {
			CHECK(sh.sh_dir[d].sd_checked <= sh.sh_dir[d].sd_tried,
			    "round %ld direction %d: %ju bytes received "
			    "before the shutdown, at most %ju sent",
			    sh.sh_round, d,
			    (uintmax_t)sh.sh_dir[d].sd_checked,
			    (uintmax_t)sh.sh_dir[d].sd_tried);
			moved += sh.sh_dir[d].sd_rcvd;
		}
		ATF_REQUIRE_EQ(close(sv[0]), 0);
		ATF_REQUIRE_EQ(close(sv[1]), 0);
	}
	sh.sh_done = 1;
	barrier(&sh.sh_bar);
	for (int i = 0; i < SH_WORKERS; i++)
		join(t[i]);
	pthread_barrier_destroy(&sh.sh_bar);
	printf("%ld rounds, %ju bytes received\n", iters(SH_ROUNDS),
	    (uintmax_t)moved);
	case_end();
}

/*
 * ---- close_racing_send_recv_no_crash_no_leak ----------------------------
 *
 * Each round: a SOCK_STREAM or SOCK_SEQPACKET pair (a, b).  Through dups
 * of a, one thread receives and one sends (a big stream, so it sleeps on
 * a full buffer); through a dup of b a third thread receives, and a
 * fourth sends and receives non-blocking on b's own number.  The main
 * thread then closes both descriptors of b (and sometimes a's original,
 * which must not disturb the threads using a's dups).  Expected, as in
 * FreeBSD: closing a descriptor does not wake a call already in progress
 * on the same file, so b lives until the calls on it return; the next
 * call on a closed number gets EBADF; once b is gone, a's receiver gets
 * EOF and a's sender EPIPE.  No descriptor is allocated during a round,
 * so a closed number is never reused under a thread's feet.
 */
#define	CL_ROUNDS	200
#define	CL_WORKERS	4
#define	CL_BUF		16384

static struct {
	pthread_barrier_t cl_bar;
	int		cl_type;
	int		cl_done;
	long		cl_round;
	int		cl_a_r, cl_a_s, cl_b_r, cl_b;
	uint64_t	cl_bytes[CL_WORKERS];	/* moved by each worker */
	uint64_t	cl_b_rcvd;		/* worker 3's receives */
	uint64_t	cl_a_tried;	/* worker 1's, with its last attempt */
} cl;

/* Worker 0: receive on a dup of a until EOF. */
static void
cl_recv_a(int slot)
{
	uint8_t buf[CL_BUF];
	ssize_t n;

	for (;;) {
		note(slot, "recv a", cl.cl_round);
		n = recv(cl.cl_a_r, buf, sizeof(buf), 0);
		if (n == 0)
			return;
		if (n == -1) {
			CHECK(errno == ECONNRESET, "round %ld: recv on a: %s",
			    cl.cl_round, strerror(errno));
			return;
		}
		cl.cl_bytes[0] += n;
	}
}

/* Worker 1: send on a dup of a until the peer is gone. */
static void
cl_send_a(int slot, uint64_t *seed)
{
	uint8_t buf[CL_BUF];
	size_t len;
	ssize_t n;

	memset(buf, 'a', sizeof(buf));
	for (;;) {
		len = rnd_range(seed, 1, cl.cl_type == SOCK_STREAM ? CL_BUF :
		    2048);
		/* A send that fails half way may have sent some of it. */
		cl.cl_a_tried = cl.cl_bytes[1] + len;
		note(slot, "send a", cl.cl_round);
		n = send(cl.cl_a_s, buf, len, MSG_NOSIGNAL);
		if (n == -1) {
			CHECK(errno_in(errno,
			    ERRS(EPIPE, ECONNRESET, ENOTCONN)),
			    "round %ld: send on a: %s", cl.cl_round,
			    strerror(errno));
			return;
		}
		CHECK(n > 0 && (size_t)n <= len, "round %ld: send on a: %zd "
		    "of %zu", cl.cl_round, n, len);
		cl.cl_bytes[1] += n;
	}
}

/* Worker 2: receive on a dup of b until that descriptor is closed. */
static void
cl_recv_b(int slot)
{
	uint8_t buf[CL_BUF];
	ssize_t n;

	for (;;) {
		note(slot, "recv b", cl.cl_round);
		n = recv(cl.cl_b_r, buf, sizeof(buf), 0);
		if (n == -1) {
			CHECK(errno == EBADF, "round %ld: recv on b's dup: %s",
			    cl.cl_round, strerror(errno));
			return;
		}
		CHECK(n > 0, "round %ld: EOF on b while a is open",
		    cl.cl_round);
		cl.cl_bytes[2] += n;
	}
}

/* Worker 3: non-blocking send and receive on b until EBADF. */
static void
cl_poke_b(int slot, uint64_t *seed)
{
	uint8_t buf[CL_BUF];
	ssize_t n;

	memset(buf, 'b', sizeof(buf));
	for (;;) {
		note(slot, "poke b", cl.cl_round);
		if (rnd(seed) % 2) {
			n = send(cl.cl_b, buf, rnd_range(seed, 1, 512),
			    MSG_DONTWAIT | MSG_NOSIGNAL);
			if (n > 0)
				cl.cl_bytes[3] += n;
		} else {
			n = recv(cl.cl_b, buf, sizeof(buf), MSG_DONTWAIT);
			CHECK(n != 0, "round %ld: EOF on b while a is open",
			    cl.cl_round);
			if (n > 0)
				cl.cl_b_rcvd += n;
		}
		if (n >= 0)
			continue;
		if (errno == EBADF)
			return;
		CHECK(errno == EAGAIN, "round %ld: on b: %s", cl.cl_round,
		    strerror(errno));
		sched_yield();
	}
}

static void *
cl_worker(void *arg)
{
	int w = (int)(intptr_t)arg, slot = 1 + w;
	static const char *const names[CL_WORKERS] = { "recv a", "send a",
	    "recv b", "poke b" };
	uint64_t seed = seed_for(slot);

	note_name(slot, names[w]);
	for (;;) {
		note(slot, "start barrier", cl.cl_round);
		barrier(&cl.cl_bar);
		if (cl.cl_done)
			break;
		switch (w) {
		case 0:
			cl_recv_a(slot);
			break;
		case 1:
			cl_send_a(slot, &seed);
			break;
		case 2:
			cl_recv_b(slot);
			break;
		case 3:
			cl_poke_b(slot, &seed);
			break;
		}
		note(slot, "end barrier", cl.cl_round);
		barrier(&cl.cl_bar);
	}
	return (NULL);
}

/*
 * Close b's two descriptors in random order, and maybe a's original;
 * returns whether it closed a.
 */
static bool
cl_close_b(int a, uint64_t *seed)
{
	bool closed_a = false;

	long t0;

	switch (rnd(seed) % 3) {
	case 0:
		break;
	case 1:
		usleep(rnd_range(seed, 0, 3000));
		break;
	case 2:
		t0 = now_ms();
		while (LOAD(&cl.cl_bytes[1]) < 2 * CL_BUF &&
		    now_ms() - t0 < 100)
			sched_yield();
		break;
	}
	note(0, "close", cl.cl_round);
	if (rnd(seed) % 2) {
		ATF_REQUIRE_EQ(close(a), 0);
		closed_a = true;
	}
	if (rnd(seed) % 2) {
		ATF_REQUIRE_EQ(close(cl.cl_b), 0);
		ATF_REQUIRE_EQ(close(cl.cl_b_r), 0);
	} else {
		ATF_REQUIRE_EQ(close(cl.cl_b_r), 0);
		ATF_REQUIRE_EQ(close(cl.cl_b), 0);
	}
	return (closed_a);
}

STRESS_TC(close_racing_send_recv_no_crash_no_leak,
    "Closing one end of a pair while threads are blocked in send and recv "
    "on both ends: they end with EOF, EPIPE or EBADF and nothing leaks");
ATF_TC_BODY(close_racing_send_recv_no_crash_no_leak, tc)
{
	uint64_t seed = seed_for(0), moved = 0;
	pthread_t t[CL_WORKERS];
	bool closed_a;
	int sv[2];

	case_begin(tc);
	memset(&cl, 0, sizeof(cl));
	ATF_REQUIRE_EQ(pthread_barrier_init(&cl.cl_bar, NULL,
	    CL_WORKERS + 1), 0);
	for (int i = 0; i < CL_WORKERS; i++)
		spawn(&t[i], cl_worker, (void *)(intptr_t)i);
	for (cl.cl_round = 0; cl.cl_round < iters(CL_ROUNDS); cl.cl_round++) {
		cl.cl_type = rnd(&seed) % 2 ? SOCK_SEQPACKET : SOCK_STREAM;
		ATF_REQUIRE_EQ(socketpair(AF_UNIX, cl.cl_type, 0, sv), 0);
		cl.cl_a_r = dup(sv[0]);
		cl.cl_a_s = dup(sv[0]);
		cl.cl_b_r = dup(sv[1]);
		cl.cl_b = sv[1];
		ATF_REQUIRE(cl.cl_a_r >= 0 && cl.cl_a_s >= 0 && cl.cl_b_r >= 0);
		memset(cl.cl_bytes, 0, sizeof(cl.cl_bytes));
		cl.cl_b_rcvd = cl.cl_a_tried = 0;
		barrier(&cl.cl_bar);
		closed_a = cl_close_b(sv[0], &seed);
		note(0, "end barrier", cl.cl_round);
		barrier(&cl.cl_bar);
		ATF_REQUIRE(cl.cl_bytes[0] <= cl.cl_bytes[3]);
		ATF_REQUIRE(cl.cl_bytes[2] + cl.cl_b_rcvd <= cl.cl_a_tried);
		moved += cl.cl_bytes[0] + cl.cl_bytes[2] + cl.cl_b_rcvd;
		if (!closed_a)
			ATF_REQUIRE_EQ(close(sv[0]), 0);
		ATF_REQUIRE_EQ(close(cl.cl_a_r), 0);
		ATF_REQUIRE_EQ(close(cl.cl_a_s), 0);
	}
	cl.cl_done = 1;
	barrier(&cl.cl_bar);
	for (int i = 0; i < CL_WORKERS; i++)
		join(t[i]);
	pthread_barrier_destroy(&cl.cl_bar);
	printf("%ld rounds, %ju bytes received\n", iters(CL_ROUNDS),
	    (uintmax_t)moved);
	case_end();
}

/*
 * ---- setsockopt_racing_io_consistent ------------------------------------
 *
 * A writer streams a pattern through a SOCK_STREAM pair to a reader while
 * two threads keep changing SO_SNDBUF, SO_RCVBUF, SO_SNDLOWAT,
 * SO_RCVLOWAT, SO_SNDTIMEO and SO_RCVTIMEO on both ends and reading
 * options back.  Timeouts make send and recv return early (a short count,
 * or EAGAIN with nothing moved) and the writer and reader carry on from
 * where they were; every byte must arrive, in order.  The values keep
 * both low-water marks (<= 512) below the smallest buffer (1024) so that
 * no setting can leave the reader waiting for bytes the writer is not
 * allowed to send.  The writer and the reader pause now and then so that
 * the timeouts do expire.
 */
#define	OPT_BYTES	(4 * 1024 * 1024)
#define	OPT_FLIPPERS	2
#define	OPT_FLIP_ITERS	5000		/* option changes per flipper */
#define	OPT_IO_MAX	(32 * 1024)

static struct {
	int		ot_sv[2];	/* writer's end, reader's end */
	uint64_t	ot_total;
	long		ot_flips;
	long		ot_timeouts;	/* EAGAIN from SO_SND/RCVTIMEO */
} opt;

/*
 * Now and then stop for up to 20 ms, so that the other side's send or
 * receive timeout has time to expire.
 */
static void
opt_pause(uint64_t *seed, int slot)
{

	if (rnd(seed) % 16 != 0)
		return;
	note(slot, "pause", 0);
	usleep(rnd_range(seed, 0, 20000));
}

static void *
opt_writer(void *arg)
{
	uint64_t seed = seed_for(1), off = 0;
	uint8_t *buf;
	size_t len;
	ssize_t n;

	note_name(1, "writer");
	buf = malloc(OPT_IO_MAX);
	CHECK(buf != NULL, "malloc");
	while (off < opt.ot_total) {
		len = rnd_range(&seed, 1, OPT_IO_MAX);
		if (len > opt.ot_total - off)
			len = opt.ot_total - off;
		fill_pattern(buf, 0, off, len);
		opt_pause(&seed, 1);
		note(1, "send", (long)off);
		n = send(opt.ot_sv[0], buf, len, 0);
		if (n == -1) {
			CHECK(errno == EAGAIN, "writer: send: %s",
			    strerror(errno));
			ADD(&opt.ot_timeouts, 1);
			continue;
		}
		CHECK(n > 0 && (size_t)n <= len, "writer: sent %zd of %zu", n,
		    len);
		off += n;
	}
	note(1, "shutdown", (long)off);
	CHECK(shutdown(opt.ot_sv[0], SHUT_WR) == 0, "shutdown: %s",
	    strerror(errno));
	free(buf);
	return (NULL);
}

static void *
opt_reader(void *arg)
{
	uint64_t seed = seed_for(2), off = 0;
	uint8_t *buf;
	size_t len;
	ssize_t n;
	long bad;

	note_name(2, "reader");
	buf = malloc(OPT_IO_MAX);
	CHECK(buf != NULL, "malloc");
	for (;;) {
		len = rnd_range(&seed, 1, OPT_IO_MAX);
		opt_pause(&seed, 2);
		note(2, "recv", (long)off);
		n = recv(opt.ot_sv[1], buf, len,
		    rnd(&seed) % 4 == 0 ? MSG_WAITALL : 0);
		if (n == -1) {
			CHECK(errno == EAGAIN, "reader: recv: %s",
			    strerror(errno));
			ADD(&opt.ot_timeouts, 1);
			continue;
		}
		if (n == 0)
			break;
		bad = check_pattern(buf, 0, off, n);
		CHECK(bad == -1, "reader: wrong byte at stream offset %ju",
		    (uintmax_t)(off + bad));
		off += n;
	}
	CHECK(off == opt.ot_total, "reader: EOF after %ju of %ju bytes",
	    (uintmax_t)off, (uintmax_t)opt.ot_total);
	free(buf);
	return (NULL);
}

static void
opt_set(int fd, int name, const void *v, socklen_t len)
{

	CHECK(setsockopt(fd, SOL_SOCKET, name, v, len) == 0,
	    "setsockopt(%#x): %s", name, strerror(errno));
}

static int
opt_get(int fd, int name)
{
	socklen_t len = sizeof(int);
	int v = -1;

	CHECK(getsockopt(fd, SOL_SOCKET, name, &v, &len) == 0 &&
	    len == sizeof(int), "getsockopt(%#x): %s", name, strerror(errno));
	return (v);
}

static void
opt_flip(int fd, uint64_t *seed)
{
	static const int bufs[] = { 1024, 2048, 4096, 8192, 16384, 32768,
	    65536 };
	static const int usecs[] = { 0, 1000, 5000, 50000 };
	struct timeval tv;
	int v;

	switch (rnd(seed) % 7) {
	case 0:
	case 1:
		v = bufs[rnd(seed) % 7];
		opt_set(fd, rnd(seed) % 2 ? SO_SNDBUF : SO_RCVBUF, &v,
		    sizeof(v));
		break;
	case 2:
	case 3:
		v = rnd_range(seed, 1, 512);
		opt_set(fd, rnd(seed) % 2 ? SO_SNDLOWAT : SO_RCVLOWAT, &v,
		    sizeof(v));
		break;
	case 4:
	case 5:
		v = usecs[rnd(seed) % 4];
		tv = (struct timeval){ v / 1000000, v % 1000000 };
		opt_set(fd, rnd(seed) % 2 ? SO_SNDTIMEO : SO_RCVTIMEO, &tv,
		    sizeof(tv));
		break;
	case 6:
		CHECK(opt_get(fd, SO_SNDBUF) > 0, "SO_SNDBUF <= 0");
		CHECK(opt_get(fd, SO_RCVBUF) > 0, "SO_RCVBUF <= 0");
		CHECK(opt_get(fd, SO_RCVLOWAT) >= 1, "SO_RCVLOWAT < 1");
		CHECK(opt_get(fd, SO_TYPE) == SOCK_STREAM, "SO_TYPE");
		CHECK(opt_get(fd, SO_ERROR) == 0, "SO_ERROR set");
		break;
	}
}

static void *
opt_flipper(void *arg)
{
	int slot = (int)(intptr_t)arg;
	uint64_t seed = seed_for(slot);

	note_name(slot, "flipper");
	for (long i = 0; i < opt.ot_flips; i++) {
		note(slot, "setsockopt", i);
		opt_flip(opt.ot_sv[rnd(&seed) % 2], &seed);
	}
	return (NULL);
}

STRESS_TC(setsockopt_racing_io_consistent,
    "Threads change buffer sizes, low-water marks and timeouts on both ends "
    "of a stream pair while data moves: every byte still arrives in order");
ATF_TC_BODY(setsockopt_racing_io_consistent, tc)
{
	pthread_t w, r, f[OPT_FLIPPERS];
	struct timeval zero = { 0, 0 };

	case_begin(tc);
	memset(&opt, 0, sizeof(opt));
	opt.ot_total = (uint64_t)iters(OPT_BYTES);
	opt.ot_flips = iters(OPT_FLIP_ITERS);
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, opt.ot_sv), 0);
	spawn(&w, opt_writer, NULL);
	spawn(&r, opt_reader, NULL);
	for (int i = 0; i < OPT_FLIPPERS; i++)
		spawn(&f[i], opt_flipper, (void *)(intptr_t)(3 + i));
	for (int i = 0; i < OPT_FLIPPERS; i++)
		join(f[i]);
	/* The last timeouts set would only make the rest spin. */
	for (int i = 0; i < 2; i++) {
		opt_set(opt.ot_sv[i], SO_SNDTIMEO, &zero, sizeof(zero));
		opt_set(opt.ot_sv[i], SO_RCVTIMEO, &zero, sizeof(zero));
	}
	join(w);
	join(r);
	printf("%ju bytes, %ld option changes, %ld timeouts\n",
	    (uintmax_t)opt.ot_total, OPT_FLIPPERS * opt.ot_flips,
	    opt.ot_timeouts);
	close(opt.ot_sv[0]);
	close(opt.ot_sv[1]);
	case_end();
}

/*
 * ---- accept_racing_listener_close ---------------------------------------
 *
 * Clients connect to a name in a loop; each connected client sends one
 * byte and waits for it to come back.  Each round the main thread binds
 * a new non-blocking listener under that name, accepts a few connections
 * itself while an acceptor thread accepts on the same listener, then
 * closes the listener with connections still queued.  Expected:
 * - connect: 0, or ECONNREFUSED (no listener, or queue full), ENOENT (no
 *   name between rounds), ECONNRESET;
 * - accept: a socket, EAGAIN, ECONNABORTED; once the listener's number is
 *   closed, EBADF, or EINVAL if a client's new socket took the number;
 * - a client that connected is either served (its byte comes back) or
 *   aborted (EOF or ECONNRESET) when the listener closes with it queued;
 * - the sockets the servers accepted are exactly the clients served.
 */
#define	AC_ROUNDS	60
#define	AC_CLIENTS	3
#define	AC_PATH		"stress_accept.sock"

static struct {
	pthread_barrier_t ac_bar;	/* main and acceptor, per round */
	struct sockaddr_un ac_sun;
	socklen_t	ac_len;
	int		ac_listener;	/* this round's listener number */
	int		ac_done;	/* no more rounds */
	int		ac_stop;	/* [atomic] clients stop */
	long		ac_round;
	long		ac_served_srv;	/* [atomic] */
	long		ac_aborted_accept;	/* [atomic] */
} ac;

struct ac_client {
	int		acc_slot;
	uint8_t		acc_id;
	long		acc_connected, acc_served, acc_aborted, acc_refused;
};

/* One byte in, the same byte out. */
static void
ac_serve(int fd, int slot)
{
	uint8_t b;
	ssize_t n;

	note(slot, "serve", ac.ac_round);
	CHECK(fcntl(fd, F_SETFL, 0) == 0, "fcntl: %s", strerror(errno));
	wait_fd(fd, POLLIN, "server (client byte)");
	n = recv(fd, &b, 1, 0);
	CHECK(n == 1, "server: recv %zd (%s)", n,
	    n == -1 ? strerror(errno) : "EOF");
	n = send(fd, &b, 1, MSG_NOSIGNAL);
	CHECK(n == 1, "server: send %zd (%s)", n, strerror(errno));
	CHECK(close(fd) == 0, "close: %s", strerror(errno));
	ADD(&ac.ac_served_srv, 1);
}

/* A connected client: send a byte, expect it back, or EOF if aborted. */
static void
ac_talk(struct ac_client *c, int s)
{
	uint8_t b;
	ssize_t n;

	note(c->acc_slot, "send", c->acc_connected);
	n = send(s, &c->acc_id, 1, MSG_NOSIGNAL);
	if (n == -1) {
		CHECK(errno_in(errno, ERRS(EPIPE, ECONNRESET, ENOTCONN)),
		    "client %u: send: %s", c->acc_id, strerror(errno));
		c->acc_aborted++;
		return;
	}
	note(c->acc_slot, "recv", c->acc_connected);
	wait_fd(s, POLLIN, "client (no echo and no EOF)");
	n = recv(s, &b, 1, 0);
	if (n == 1) {
		CHECK(b == c->acc_id, "client %u: got %u back", c->acc_id, b);
		c->acc_served++;
	} else {
		CHECK(n == 0 || errno == ECONNRESET, "client %u: recv: %s",
		    c->acc_id, strerror(errno));
		c->acc_aborted++;
	}
}

static void *
ac_client(void *arg)
{
	struct ac_client *c = arg;
	uint64_t seed = seed_for(c->acc_slot);
	int s;

	note_name(c->acc_slot, "client");
	while (!LOAD(&ac.ac_stop)) {
		s = socket(AF_UNIX, SOCK_STREAM, 0);
		CHECK(s >= 0, "socket: %s", strerror(errno));
		note(c->acc_slot, "connect", c->acc_connected);
		if (connect(s, (struct sockaddr *)&ac.ac_sun, ac.ac_len) == 0) {
			c->acc_connected++;
			ac_talk(c, s);
		} else {
			CHECK(errno_in(errno, ERRS(ECONNREFUSED, ENOENT,
			    ECONNRESET)), "client %u: connect: %s", c->acc_id,
			    strerror(errno));
			c->acc_refused++;
			usleep(rnd_range(&seed, 100, 1000));
		}
		CHECK(close(s) == 0, "close: %s", strerror(errno));
	}
	return (NULL);
}

/* One accept() on the listener; false once its number is gone. */
static bool
ac_accept_one(int l, int slot)
{
	int a;

	note(slot, "accept", ac.ac_round);
	a = accept(l, NULL, NULL);
	if (a >= 0) {
		ac_serve(a, slot);
		return (true);
	}
	if (errno == ECONNABORTED)
		ADD(&ac.ac_aborted_accept, 1);
	else if (errno_in(errno, ERRS(EBADF, EINVAL)))
		return (false);
	else
		CHECK(errno == EAGAIN, "accept: %s", strerror(errno));
	return (true);
}

static void *
ac_acceptor(void *arg)
{
	struct pollfd pfd;

	note_name(1, "acceptor");
	for (;;) {
		note(1, "start barrier", ac.ac_round);
		barrier(&ac.ac_bar);
		if (ac.ac_done)
			break;
		pfd = (struct pollfd){ .fd = ac.ac_listener, .events = POLLIN };
		do {
			note(1, "poll", ac.ac_round);
			(void)poll(&pfd, 1, 5);
		} while (ac_accept_one(ac.ac_listener, 1));
		note(1, "end barrier", ac.ac_round);
		barrier(&ac.ac_bar);
	}
	return (NULL);
}

/* The main thread's share of a round: accept n connections. */
static void
ac_main_accepts(int l, int n)
{
	int a;

	while (n > 0) {
		note(0, "accept", ac.ac_round);
		wait_fd(l, POLLIN, "main accept (no client connects)");
		a = accept(l, NULL, NULL);
		if (a >= 0) {
			ac_serve(a, 0);
			n--;
		} else if (errno == ECONNABORTED) {
			ADD(&ac.ac_aborted_accept, 1);
		} else {
			CHECK(errno == EAGAIN, "accept: %s", strerror(errno));
		}
	}
}

static void
ac_round(uint64_t *seed)
{
	int l;

	l = bound_socket(SOCK_STREAM | SOCK_NONBLOCK, AC_PATH);
	ATF_REQUIRE_EQ(listen(l, rnd_range(seed, 1, 5)), 0);
	ac.ac_listener = l;
	barrier(&ac.ac_bar);
	ac_main_accepts(l, rnd_range(seed, 0, 3));
	usleep(rnd_range(seed, 0, 2000));
	note(0, "close listener", ac.ac_round);
	if (rnd(seed) % 2) {
		ATF_REQUIRE_EQ(unlink(AC_PATH), 0);
		ATF_REQUIRE_EQ(close(l), 0);
	} else {
		ATF_REQUIRE_EQ(close(l), 0);
		ATF_REQUIRE_EQ(unlink(AC_PATH), 0);
	}
	note(0, "end barrier", ac.ac_round);
	barrier(&ac.ac_bar);
}

STRESS_TC(accept_racing_listener_close,
    "Clients connect while listeners are created, accepted on and closed "
    "with connections queued: each connection is served or aborted, "
    "accept and connect give only the expected errors, nothing leaks");
ATF_TC_BODY(accept_racing_listener_close, tc)
{
	struct ac_client c[AC_CLIENTS];
	pthread_t ct[AC_CLIENTS], at;
	uint64_t seed = seed_for(0);
	long connected = 0, served = 0, aborted = 0, refused = 0;

	case_begin(tc);
	memset(&ac, 0, sizeof(ac));
	ac.ac_len = unaddr(&ac.ac_sun, AC_PATH);
	ATF_REQUIRE_EQ(pthread_barrier_init(&ac.ac_bar, NULL, 2), 0);
	spawn(&at, ac_acceptor, NULL);
	for (int i = 0; i < AC_CLIENTS; i++) {
		c[i] = (struct ac_client){ .acc_slot = 2 + i,
		    .acc_id = 'A' + i };
		spawn(&ct[i], ac_client, &c[i]);
	}
	for (ac.ac_round = 0; ac.ac_round < iters(AC_ROUNDS); ac.ac_round++)
		ac_round(&seed);
	ac.ac_done = 1;
	barrier(&ac.ac_bar);
	join(at);
	STORE(&ac.ac_stop, 1);
	for (int i = 0; i < AC_CLIENTS; i++) {
		join(ct[i]);
		ATF_REQUIRE_EQ(c[i].acc_connected,
		    c[i].acc_served + c[i].acc_aborted);
		connected += c[i].acc_connected;
		served += c[i].acc_served;
		aborted += c[i].acc_aborted;
		refused += c[i].acc_refused;
	}
	ATF_REQUIRE_EQ_MSG(served, ac.ac_served_srv, "clients served %ld, "
	    "servers accepted and served %ld", served, ac.ac_served_srv);
	printf("%ld rounds: %ld connected (%ld served, %ld aborted), %ld "
	    "refused, %ld ECONNABORTED from accept\n", iters(AC_ROUNDS),
	    connected, served, aborted, refused, ac.ac_aborted_accept);
	pthread_barrier_destroy(&ac.ac_bar);
	case_end();
}

/*
 * ---- connect_racing_close -----------------------------------------------
 *
 * Connector threads connect new sockets to one listener while a partner
 * thread each closes the connecting socket at a random moment: before,
 * during or after connect().  The partner closes with dup2() of a
 * placeholder (a pipe) onto the socket's number, which drops the socket
 * but keeps the number taken, so a connect() that starts after it gets
 * ENOTSOCK and can never reach another thread's socket.  An acceptor
 * thread accepts and closes.  Expected: connect gives 0, ECONNREFUSED
 * (queue full) or ENOTSOCK; every connect() that returned 0 had put a
 * connection on the queue, so the accepts (sockets plus ECONNABORTED)
 * equal the successful connects exactly; nothing leaks.
 */
#define	CR_PAIRS	3
#define	CR_ITERS	300		/* connects per connector */
#define	CR_PATH		"stress_connect.sock"

struct cr_pair {
	int		cp_slot;	/* connector's; closer's is +1 */
	long		cp_count;
	int		cp_placeholder;
	int		cp_fd;		/* [atomic] socket being connected */
	long		cp_gen;		/* [atomic] connector: fd published */
	long		cp_closed;	/* [atomic] closer: done with gen */
	long		cp_connected, cp_refused, cp_notsock;
};

static struct {
	struct sockaddr_un cr_sun;
	socklen_t	cr_len;
	int		cr_listener;
	int		cr_stop;		/* [atomic] */
	long		cr_accepted, cr_aborted;
} cr;

static void
cr_wait(long *p, long v, int slot, const char *what)
{

	note(slot, what, v);
	while (LOAD(p) < v)
		sched_yield();
}

/* Burn a random few microseconds, to shift one thread against another. */
static void
cr_spin(uint64_t *seed)
{
	volatile uint32_t spin;

	for (spin = rnd_range(seed, 0, 20000); spin > 0; spin--)
		continue;
}

static void *
cr_connector(void *arg)
{
	struct cr_pair *p = arg;
	uint64_t seed = seed_for(p->cp_slot);
	int s, r, e;

	note_name(p->cp_slot, "connector");
	for (long i = 1; i <= p->cp_count; i++) {
		s = socket(AF_UNIX, SOCK_STREAM, 0);
		CHECK(s >= 0, "socket: %s", strerror(errno));
		STORE(&p->cp_fd, s);
		STORE(&p->cp_gen, i);
		/* Sometimes give the closer a head start. */
		if (rnd(&seed) % 4 == 0)
			cr_spin(&seed);
		note(p->cp_slot, "connect", i);
		r = connect(s, (struct sockaddr *)&cr.cr_sun, cr.cr_len);
		e = errno;
		cr_wait(&p->cp_closed, i, p->cp_slot, "wait closer");
		if (r == 0)
			p->cp_connected++;
		else if (e == ENOTSOCK)
			p->cp_notsock++;
		else {
			CHECK(e == ECONNREFUSED, "connect: %s", strerror(e));
			p->cp_refused++;
			usleep(200);
		}
		/* The socket, or the placeholder's copy if it was closed. */
		CHECK(close(s) == 0, "close: %s", strerror(errno));
	}
	return (NULL);
}

static void *
cr_closer(void *arg)
{
	struct cr_pair *p = arg;
	uint64_t seed = seed_for(p->cp_slot + 1);
	int fd;

	note_name(p->cp_slot + 1, "closer");
	for (long i = 1; i <= p->cp_count; i++) {
		cr_wait(&p->cp_gen, i, p->cp_slot + 1, "wait connector");
		fd = LOAD(&p->cp_fd);
		switch (rnd(&seed) % 4) {
		case 0:		/* leave it to the connector */
			STORE(&p->cp_closed, i);
			continue;
		case 1:
			break;
		case 2:
			cr_spin(&seed);
			break;
		case 3:
			sched_yield();
			break;
		}
		note(p->cp_slot + 1, "dup2", i);
		CHECK(dup2(p->cp_placeholder, fd) == fd, "dup2: %s",
		    strerror(errno));
		STORE(&p->cp_closed, i);
	}
	return (NULL);
}

static bool
cr_accept_one(void)
{
	int a;

	note(1, "accept", cr.cr_accepted);
	a = accept(cr.cr_listener, NULL, NULL);
	if (a >= 0) {
		cr.cr_accepted++;
		note(1, "close", cr.cr_accepted);
		CHECK(close(a) == 0, "close: %s", strerror(errno));
		return (true);
	}
	if (errno == ECONNABORTED) {
		cr.cr_aborted++;
		return (true);
	}
	CHECK(errno == EAGAIN, "accept: %s", strerror(errno));
	return (false);
}

static void *
cr_acceptor(void *arg)
{
	struct pollfd pfd = { .fd = cr.cr_listener, .events = POLLIN };
	long calls = 0;

	note_name(1, "acceptor");
	while (!LOAD(&cr.cr_stop)) {
		note(1, "poll", calls++);
		(void)poll(&pfd, 1, 10);
		while (cr_accept_one())
			continue;
	}
	/* Everything connect() queued is on the queue now. */
	note(1, "drain", calls);
	while (cr_accept_one())
		continue;
	return (NULL);
}

STRESS_TC(connect_racing_close,
    "Sockets closed before, during and after connect() to a listener: "
    "connect gives 0, ECONNREFUSED or ENOTSOCK, every connection is "
    "accepted exactly once, nothing leaks");
ATF_TC_BODY(connect_racing_close, tc)
{
	struct cr_pair p[CR_PAIRS];
	pthread_t conn[CR_PAIRS], clo[CR_PAIRS], at;
	long connected = 0, refused = 0, notsock = 0;
	int pfd[2];

	case_begin(tc);
	memset(&cr, 0, sizeof(cr));
	ATF_REQUIRE_EQ(pipe(pfd), 0);
	cr.cr_len = unaddr(&cr.cr_sun, CR_PATH);
	cr.cr_listener = bound_socket(SOCK_STREAM | SOCK_NONBLOCK, CR_PATH);
	ATF_REQUIRE_EQ(listen(cr.cr_listener, -1), 0);
	spawn(&at, cr_acceptor, NULL);
	for (int i = 0; i < CR_PAIRS; i++) {
		p[i] = (struct cr_pair){ .cp_slot = 2 + 2 * i,
		    .cp_count = iters(CR_ITERS), .cp_placeholder = pfd[0] };
		spawn(&conn[i], cr_connector, &p[i]);
		spawn(&clo[i], cr_closer, &p[i]);
	}
	for (int i = 0; i < CR_PAIRS; i++) {
		join(conn[i]);
		join(clo[i]);
		connected += p[i].cp_connected;
		refused += p[i].cp_refused;
		notsock += p[i].cp_notsock;
	}
	STORE(&cr.cr_stop, 1);
	join(at);
	ATF_REQUIRE_EQ_MSG(cr.cr_accepted + cr.cr_aborted, connected,
	    "%ld accepted + %ld ECONNABORTED, %ld connects succeeded",
	    cr.cr_accepted, cr.cr_aborted, connected);
	printf("%ld connects: %ld ok, %ld refused, %ld ENOTSOCK; %ld "
	    "accepted, %ld ECONNABORTED\n", CR_PAIRS * iters(CR_ITERS),
	    connected, refused, notsock, cr.cr_accepted, cr.cr_aborted);
	ATF_REQUIRE_EQ(close(cr.cr_listener), 0);
	ATF_REQUIRE_EQ(unlink(CR_PATH), 0);
	close(pfd[0]);
	close(pfd[1]);
	case_end();
}

/*
 * ---- scm_rights_storm_gc_collects_everything ----------------------------
 *
 * Threads pass descriptors (sockets of stream and datagram pairs, and
 * pipes) with SCM_RIGHTS: to the next thread round a ring of socket pairs,
 * over any socket they hold (so descriptors travel inside sockets that
 * are themselves in flight), to themselves (a socket sent over its own
 * pair, landing in its own receive buffer), and in deliberate cycles that
 * they then close, which only the garbage collector can free.  They also
 * receive what arrives, keep it or close it.  At the end every thread
 * closes everything: kern.ipc.unp_inflight and the socket counts must
 * come back to where they started, and the collector must have freed
 * something if cycles were made.
 */
#define	SR_THREADS	4
#define	SR_ITERS	1500		/* operations per thread */
#define	SR_CAP		48		/* descriptors a thread holds */
#define	SR_MAXPASS	3		/* descriptors per message */
#define	SR_MAXRECV	16		/* room for received descriptors */

struct sr_thread {
	int		st_slot;
	uint64_t	st_seed;
	int		st_ring_out;	/* to the next thread */
	int		st_ring_in;	/* from the previous thread */
	int		st_fds[SR_CAP];	/* descriptors this thread owns */
	int		st_nfds;
	long		st_ops;
	long		st_sent, st_rcvd, st_cycles, st_ctrunc;
};

static int sr_types[] = { SOCK_STREAM, SOCK_DGRAM };

static void
sr_close_at(struct sr_thread *t, int i)
{
	int fd = t->st_fds[i];

	t->st_fds[i] = t->st_fds[--t->st_nfds];
	CHECK(close(fd) == 0, "close %d: %s", fd, strerror(errno));
}

/* Keep fd, closing a random other one first if the table is full. */
static void
sr_keep(struct sr_thread *t, int fd)
{

	if (t->st_nfds == SR_CAP)
		sr_close_at(t, rnd(&t->st_seed) % t->st_nfds);
	t->st_fds[t->st_nfds++] = fd;
}

static int
sr_pick(struct sr_thread *t)
{

	return (t->st_fds[rnd(&t->st_seed) % t->st_nfds]);
}

/* A socket pair of a random type, or a pipe. */
static void
sr_new_pair(struct sr_thread *t, int fds[2], bool sockets_only)
{
	int r;

	if (!sockets_only && rnd(&t->st_seed) % 4 == 0)
		r = pipe(fds);
	else
		r = socketpair(AF_UNIX, sr_types[rnd(&t->st_seed) % 2], 0,
		    fds);
	CHECK(r == 0, "socketpair/pipe: %s", strerror(errno));
}

/*
 * Send n descriptors over fd.  Failures the sender cannot rule out: a
 * full buffer, a peer that is gone, fd not being a socket.
 */
static bool
sr_send(struct sr_thread *t, int fd, const int *fds, int n)
{
	union {
		struct cmsghdr	hdr;
		char		buf[CMSG_SPACE(sizeof(int) * SR_MAXPASS)];
	} cm;
	struct cmsghdr *cmsg;
	struct msghdr msg;
	struct iovec iov;
	char byte = 'r';

	memset(&cm, 0, sizeof(cm));
	memset(&msg, 0, sizeof(msg));
	iov = (struct iovec){ &byte, 1 };
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cm.buf;
	msg.msg_controllen = CMSG_SPACE(sizeof(int) * n);
	cmsg = CMSG_FIRSTHDR(&msg);
	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof(int) * n);
	memcpy(CMSG_DATA(cmsg), fds, sizeof(int) * n);
	note(t->st_slot, "sendmsg", t->st_ops);
	if (sendmsg(fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL) == 1) {
		t->st_sent += n;
		return (true);
	}
	CHECK(errno_in(errno, ERRS(EAGAIN, ENOBUFS, EPIPE, ENOTCONN,
	    ECONNRESET, ECONNREFUSED, ENOTSOCK, EDESTADDRREQ)),
	    "sendmsg with %d descriptors: %s", n, strerror(errno));
	return (false);
}

/* Receive one message from fd and keep the descriptors it carries. */
static void
sr_recv(struct sr_thread *t, int fd)
{
	union {
		struct cmsghdr	hdr;
		char		buf[CMSG_SPACE(sizeof(int) * SR_MAXRECV)];
	} cm;
	struct cmsghdr *cmsg;
	struct msghdr msg;
	struct iovec iov;
	char data[16];
	int fds[SR_MAXRECV], n;

	memset(&msg, 0, sizeof(msg));
	iov = (struct iovec){ data, sizeof(data) };
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cm.buf;
	msg.msg_controllen = sizeof(cm.buf);
	note(t->st_slot, "recvmsg", t->st_ops);
	if (recvmsg(fd, &msg, MSG_DONTWAIT) == -1) {
		CHECK(errno_in(errno, ERRS(EAGAIN, ENOTSOCK, ECONNRESET,
		    ENOTCONN)), "recvmsg: %s", strerror(errno));
		return;
	}
	if (msg.msg_flags & MSG_CTRUNC)
		t->st_ctrunc++;
	for (cmsg = CMSG_FIRSTHDR(&msg); cmsg != NULL;
	    cmsg = CMSG_NXTHDR(&msg, cmsg)) {
		CHECK(cmsg->cmsg_level == SOL_SOCKET &&
		    cmsg->cmsg_type == SCM_RIGHTS, "control message %d/%d",
		    cmsg->cmsg_level, cmsg->cmsg_type);
		n = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		CHECK(n >= 0 && n <= SR_MAXRECV, "%d descriptors", n);
		memcpy(fds, CMSG_DATA(cmsg), sizeof(int) * n);
		for (int i = 0; i < n; i++) {
			CHECK(fcntl(fds[i], F_GETFD) != -1, "received "
			    "descriptor %d is not open", fds[i]);
			sr_keep(t, fds[i]);
			t->st_rcvd++;
		}
	}
}

/* Pass 1..SR_MAXPASS owned descriptors over fd; maybe close them. */
static void
sr_pass(struct sr_thread *t, int fd)
{
	int fds[SR_MAXPASS], n;

	if (t->st_nfds == 0)
		return;
	n = rnd_range(&t->st_seed, 1, SR_MAXPASS);
	for (int i = 0; i < n; i++)
		fds[i] = sr_pick(t);
	if (!sr_send(t, fd, fds, n) || rnd(&t->st_seed) % 2 == 0)
		return;
	/* Moved rather than copied: close the first (it may repeat). */
	for (int i = 0; i < t->st_nfds; i++)
		if (t->st_fds[i] == fds[0]) {
			sr_close_at(t, i);
			break;
		}
}

/*
 * A socket sent over its own pair sits in its own receive buffer.  Keep
 * the pair (it is received back later), or close both ends: then the
 * socket is reachable only from itself.
 */
static void
sr_self(struct sr_thread *t)
{
	int p[2];

	sr_new_pair(t, p, true);
	if (!sr_send(t, p[0], &p[1], 1) || rnd(&t->st_seed) % 2 == 0) {
		sr_keep(t, p[0]);
		sr_keep(t, p[1]);
		return;
	}
	CHECK(close(p[0]) == 0 && close(p[1]) == 0, "close: %s",
	    strerror(errno));
	t->st_cycles++;
}

/* Two pairs, each holding the other's receiving end, then closed. */
static void
sr_cycle(struct sr_thread *t)
{
	int a[2], b[2];
	bool ok;

	sr_new_pair(t, a, true);
	sr_new_pair(t, b, true);
	ok = sr_send(t, b[0], &a[1], 1);
	ok = sr_send(t, a[0], &b[1], 1) && ok;
	for (int i = 0; i < 2; i++)
		CHECK(close(a[i]) == 0 && close(b[i]) == 0, "close: %s",
		    strerror(errno));
	if (ok)
		t->st_cycles++;
}

static void
sr_op(struct sr_thread *t)
{
	int p[2];

	switch (rnd(&t->st_seed) % 10) {
	case 0:
	case 1:
		sr_new_pair(t, p, false);
		sr_keep(t, p[0]);
		sr_keep(t, p[1]);
		break;
	case 2:
	case 3:
		sr_pass(t, t->st_ring_out);
		break;
	case 4:
		if (t->st_nfds > 0)
			sr_pass(t, sr_pick(t));
		break;
	case 5:
		sr_self(t);
		break;
	case 6:
		sr_cycle(t);
		break;
	case 7:
		sr_recv(t, t->st_ring_in);
		break;
	case 8:
		if (t->st_nfds > 0)
			sr_recv(t, sr_pick(t));
		break;
	case 9:
		if (t->st_nfds > 0)
			sr_close_at(t, rnd(&t->st_seed) % t->st_nfds);
		break;
	}
}

static void *
sr_worker(void *arg)
{
	struct sr_thread *t = arg;

	note_name(t->st_slot, "passer");
	for (t->st_ops = 0; t->st_ops < iters(SR_ITERS); t->st_ops++)
		sr_op(t);
	note(t->st_slot, "close all", t->st_ops);
	while (t->st_nfds > 0)
		sr_close_at(t, t->st_nfds - 1);
	return (NULL);
}

STRESS_TC(scm_rights_storm_gc_collects_everything,
    "Threads pass descriptors over socket pairs, to each other, to "
    "themselves and in cycles, then close everything: no descriptor stays "
    "in flight and no socket leaks");
ATF_TC_BODY(scm_rights_storm_gc_collects_everything, tc)
{
	struct sr_thread t[SR_THREADS];
	pthread_t th[SR_THREADS];
	int ring[SR_THREADS][2];
	long gc0, sent = 0, rcvd = 0, cycles = 0, ctrunc = 0, collected;

	case_begin(tc);
	gc0 = sysctl_long("kern.ipc.unp_gc_collected");
	for (int i = 0; i < SR_THREADS; i++)
		ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, ring[i]), 0);
	for (int i = 0; i < SR_THREADS; i++) {
		memset(&t[i], 0, sizeof(t[i]));
		t[i].st_slot = 1 + i;
		t[i].st_seed = seed_for(1 + i);
		t[i].st_ring_out = ring[i][0];
		t[i].st_ring_in = ring[(i + SR_THREADS - 1) % SR_THREADS][1];
		spawn(&th[i], sr_worker, &t[i]);
	}
	for (int i = 0; i < SR_THREADS; i++) {
		join(th[i]);
		sent += t[i].st_sent;
		rcvd += t[i].st_rcvd;
		cycles += t[i].st_cycles;
		ctrunc += t[i].st_ctrunc;
	}
	for (int i = 0; i < SR_THREADS; i++) {
		ATF_REQUIRE_EQ(close(ring[i][0]), 0);
		ATF_REQUIRE_EQ(close(ring[i][1]), 0);
	}
	case_end();
	collected = sysctl_long("kern.ipc.unp_gc_collected") - gc0;
	printf("%ld descriptors sent, %ld received, %ld cycles made, %ld "
	    "collected, %ld MSG_CTRUNC\n", sent, rcvd, cycles, collected,
	    ctrunc);
	ATF_REQUIRE_MSG(cycles == 0 || collected > 0, "%ld unreachable "
	    "cycles made, the collector freed nothing", cycles);
}

/*
 * ---- many_sockets_open_close_cycles -------------------------------------
 *
 * Phase 1: threads open batches of socket pairs of every type and flag
 * combination (some with data left in a buffer, some single sockets bound
 * to a name), and close them in random order.  Phase 2: with
 * RLIMIT_NOFILE lowered so that an odd number of descriptors is free,
 * socketpair() fills the table until EMFILE; the failed call must leave
 * the last free slot free (one socket() still succeeds, the next gets
 * EMFILE).  Phase 3: all threads run into EMFILE together, close all and
 * start again.  numopensockets and the per-type counts come back.
 */
#define	MS_THREADS	4
#define	MS_ITERS	120		/* batches per thread, phase 1 */
#define	MS_BATCH	24		/* pairs per batch, at most */
#define	MS_EMFILE_ITERS	5		/* fills per thread, phase 3 */
#define	MS_FILL_MAX	64		/* pairs a thread holds, phase 3 */

static const int ms_types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };
static const int ms_flags[] = { 0, SOCK_CLOEXEC, SOCK_NONBLOCK,
    SOCK_CLOEXEC | SOCK_NONBLOCK };

struct ms_thread {
	int		mt_slot;
	uint64_t	mt_seed;
	long		mt_pairs, mt_named, mt_emfile;
	int		mt_fds[2 * MS_FILL_MAX];
};

static bool
ms_clean_error(int e)
{

	return (errno_in(e, ERRS(EMFILE, ENFILE, ENOBUFS, ENOMEM)));
}

static void
ms_shuffle_close(struct ms_thread *t, int *fds, int n)
{
	int j, tmp;

	for (int i = n - 1; i > 0; i--) {
		j = rnd_range(&t->mt_seed, 0, i);
		tmp = fds[i];
		fds[i] = fds[j];
		fds[j] = tmp;
	}
	for (int i = 0; i < n; i++)
		CHECK(close(fds[i]) == 0, "close %d: %s", fds[i],
		    strerror(errno));
}

/* A single socket bound to a name of its own, then closed and unlinked. */
static void
ms_named(struct ms_thread *t, long batch)
{
	struct sockaddr_un sun;
	char path[32];
	socklen_t len;
	int s, type;

	snprintf(path, sizeof(path), "ms.%d.%ld", t->mt_slot, batch);
	len = unaddr(&sun, path);
	type = ms_types[rnd(&t->mt_seed) % 3];
	s = socket(AF_UNIX, type, 0);
	if (s == -1) {
		CHECK(ms_clean_error(errno), "socket: %s", strerror(errno));
		return;
	}
	CHECK(bind(s, (struct sockaddr *)&sun, len) == 0, "bind %s: %s", path,
	    strerror(errno));
	if (type != SOCK_DGRAM)
		CHECK(listen(s, 5) == 0, "listen: %s", strerror(errno));
	CHECK(close(s) == 0 && unlink(path) == 0, "close/unlink %s: %s", path,
	    strerror(errno));
	t->mt_named++;
}

/* Open up to MS_BATCH pairs, leave data in some, close in random order. */
static void
ms_batch(struct ms_thread *t, long batch)
{
	int fds[2 * MS_BATCH], n = 0, k, type;

	k = rnd_range(&t->mt_seed, 1, MS_BATCH);
	note(t->mt_slot, "open", batch);
	for (int i = 0; i < k; i++) {
		type = ms_types[rnd(&t->mt_seed) % 3] |
		    ms_flags[rnd(&t->mt_seed) % 4];
		if (socketpair(AF_UNIX, type, 0, &fds[n]) == -1) {
			CHECK(ms_clean_error(errno), "socketpair: %s",
			    strerror(errno));
			break;
		}
		if (rnd(&t->mt_seed) % 2)
			CHECK(send(fds[n], "data", 4, MSG_DONTWAIT) == 4,
			    "send: %s", strerror(errno));
		n += 2;
		t->mt_pairs++;
	}
	note(t->mt_slot, "close", batch);
	ms_shuffle_close(t, fds, n);
}

static void *
ms_opener(void *arg)
{
	struct ms_thread *t = arg;

	note_name(t->mt_slot, "opener");
	for (long b = 0; b < iters(MS_ITERS); b++) {
		ms_batch(t, b);
		if (rnd(&t->mt_seed) % 4 == 0)
			ms_named(t, b);
	}
	return (NULL);
}

/* Phase 3: open pairs until the table is full, then close them all. */
static void *
ms_filler(void *arg)
{
	struct ms_thread *t = arg;
	int n;

	note_name(t->mt_slot, "filler");
	for (long i = 0; i < iters(MS_EMFILE_ITERS); i++) {
		note(t->mt_slot, "fill", i);
		for (n = 0; n < 2 * MS_FILL_MAX; n += 2) {
			if (socketpair(AF_UNIX, ms_types[rnd(&t->mt_seed) % 3],
			    0, &t->mt_fds[n]) == -1) {
				CHECK(errno_in(errno, ERRS(EMFILE, ENFILE)),
				    "socketpair: %s", strerror(errno));
				t->mt_emfile++;
				break;
			}
			t->mt_pairs++;
		}
		note(t->mt_slot, "close", i);
		ms_shuffle_close(t, t->mt_fds, n);
	}
	return (NULL);
}

static void
ms_run(struct ms_thread *t, void *(*fn)(void *))
{
	pthread_t th[MS_THREADS];

	for (int i = 0; i < MS_THREADS; i++)
		spawn(&th[i], fn, &t[i]);
	for (int i = 0; i < MS_THREADS; i++)
		join(th[i]);
}

/* The highest open descriptor plus one. */
static int
ms_fd_top(void)
{
	int top = 0;

	for (int fd = 0; fd < fd_scan_max; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			top = fd + 1;
	return (top);
}

/* Phase 2: an odd number of free slots, filled by socketpair(). */
static void
ms_exact_emfile(const struct rlimit *old)
{
	struct rlimit rl = *old;
	int open, free_slots, n, s, t, *fds;

	open = count_fds();
	free_slots = ms_fd_top() + 41 - open;
	if (free_slots % 2 == 0)
		free_slots++;
	fds = calloc(free_slots + 1, sizeof(int));
	ATF_REQUIRE(fds != NULL);
	rl.rlim_cur = open + free_slots;
	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	for (n = 0; n < free_slots - 1; n += 2)
		ATF_REQUIRE_MSG(socketpair(AF_UNIX, SOCK_STREAM, 0,
		    &fds[n]) == 0, "socketpair %d: %s", n / 2,
		    strerror(errno));
	errno = 0;
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, &fds[n]), -1);
	ATF_REQUIRE_EQ(errno, EMFILE);
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	ATF_REQUIRE_MSG(s >= 0, "the failed socketpair took the last slot: %s",
	    strerror(errno));
	errno = 0;
	ATF_REQUIRE_EQ(socket(AF_UNIX, SOCK_DGRAM, 0), -1);
	ATF_REQUIRE_EQ(errno, EMFILE);
	ATF_REQUIRE_EQ(close(s), 0);
	for (t = 0; t < n; t++)
		ATF_REQUIRE_EQ(close(fds[t]), 0);
	free(fds);
	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, old), 0);
}

STRESS_TC(many_sockets_open_close_cycles,
    "Thousands of socket pairs opened and closed by several threads, and "
    "the descriptor table filled to EMFILE: clean errors, no leak");
ATF_TC_BODY(many_sockets_open_close_cycles, tc)
{
	struct ms_thread t[MS_THREADS];
	struct rlimit old, rl;
	long pairs = 0, named = 0, emfile = 0;

	case_begin(tc);
	for (int i = 0; i < MS_THREADS; i++) {
		memset(&t[i], 0, sizeof(t[i]));
		t[i].mt_slot = 1 + i;
		t[i].mt_seed = seed_for(1 + i);
	}
	note(0, "phase 1", 0);
	ms_run(t, ms_opener);
	ATF_REQUIRE_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
	note(0, "phase 2", 0);
	ms_exact_emfile(&old);
	note(0, "phase 3", 0);
	rl = old;
	rl.rlim_cur = count_fds() + MS_FILL_MAX;	/* one thread fills */
	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	ms_run(t, ms_filler);
	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, &old), 0);
	for (int i = 0; i < MS_THREADS; i++) {
		pairs += t[i].mt_pairs;
		named += t[i].mt_named;
		emfile += t[i].mt_emfile;
	}
	printf("%ld pairs, %ld named sockets, %ld EMFILE\n", pairs, named,
	    emfile);
	case_end();
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, stream_many_writers_one_reader_no_bytes_lost);
	ATF_TP_ADD_TC(tp, seqpacket_concurrent_senders_records_intact);
	ATF_TP_ADD_TC(tp, dgram_many_senders_one_receiver_counts_match);
	ATF_TP_ADD_TC(tp, send_recv_racing_shutdown_no_hang);
	ATF_TP_ADD_TC(tp, close_racing_send_recv_no_crash_no_leak);
	ATF_TP_ADD_TC(tp, setsockopt_racing_io_consistent);
	ATF_TP_ADD_TC(tp, accept_racing_listener_close);
	ATF_TP_ADD_TC(tp, connect_racing_close);
	ATF_TP_ADD_TC(tp, scm_rights_storm_gc_collects_everything);
	ATF_TP_ADD_TC(tp, many_sockets_open_close_cycles);
	return (atf_no_error());
}
