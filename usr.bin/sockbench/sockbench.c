/*
 * sockbench: AF_UNIX socket benchmarks, run inside the guest.
 *
 *	sockbench stream   [-PT] [-b BYTES] [-s SIZE]
 *	sockbench pingpong [-PT] [-n ROUNDS]
 *	sockbench dgram    [-T] [-n COUNT] [-s SIZE]
 *
 * Every mode does a fixed amount of work between two peers on one
 * socketpair(2): the main process and a forked child (or, with -T, a
 * second thread of the same process).
 *   stream    the peer writes BYTES (default 64m) in SIZE-byte writes, the
 *             main side reads them all (read size SIZE) until EOF; without
 *             -s, two passes: 64k and 4k writes.  Reports MB/s (10^6
 *             bytes per second).
 *   pingpong  ROUNDS (default 20000) one-byte round trips: the main side
 *             writes a byte and reads the peer's echo.  Reports round
 *             trips per second.
 *   dgram     the peer sends COUNT (default 20000) datagrams of SIZE
 *             (default 256) bytes on a SOCK_DGRAM pair, the main side
 *             receives them all and checks each one's length.  A send
 *             that fails with ENOBUFS (receiver full) is retried after a
 *             yield; the retries are reported.  Reports datagrams/s.
 * -P runs stream and pingpong over pipes instead, as a baseline (one
 * pipe per direction).  BYTES and SIZE take a k, m or g suffix (powers of
 * 1024).
 *
 * Around each run the netisr counters (sysctl net.isr.stats_raw: eight
 * uint64_t per CPU) are read before and after, and the differences,
 * summed over the CPUs, are printed: messages dispatched, how many of
 * those ran inline in the sender, how many were queued on a netisr's
 * port, synchronous requests, forwards, socket chases and moves.  They
 * count everything the netisrs did meanwhile, not only this run.
 *
 * Output, for tools/bench to collect (WHAT names the run, e.g.
 * stream_64k, stream_4k, pingpong, dgram_256; "_thr" is appended with -T,
 * and the first word is "pipe" with -P):
 *	BENCH unix WHAT VALUE UNIT
 *	BENCH unix WHAT inline=N queued=N dispatched=N sync=N forwards=N
 *	    chases=N moves=N		(one line)
 * plus a "sockbench:" line describing the run.  Exit status 0, or 1 with
 * a message (a system call failed, a peer failed, bytes went missing).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/sysctl.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define	KB		1024UL
#define	MB		(1024UL * 1024UL)
#define	MAX_IOSIZE	(16 * MB)
#define	MAX_CPUS	256

/* One netisr's counters, in net.isr.stats_raw's order. */
struct isr_stats {
	uint64_t	dispatched, inlined, sync, queued;
	uint64_t	forwards, replies, chases, moves;
};

/*
 * The two peers' descriptors.  For a socketpair rd == wr on each side;
 * for pipes each side reads one pipe and writes the other.
 */
struct end {
	int	rd, wr;
};

struct run {
	const char	*what;		/* e.g. "stream_64k" */
	int		 use_pipe;	/* -P */
	int		 use_threads;	/* -T */
	struct end	 main_end;	/* this process / thread */
	struct end	 peer_end;	/* the child or the second thread */
	size_t		 bytes;		/* stream: total */
	size_t		 size;		/* stream: write size; dgram: length */
	unsigned long	 count;		/* pingpong rounds; dgram datagrams */
	unsigned long	 retries;	/* dgram: ENOBUFS retries (peer) */
	int		 (*peer)(struct run *);
	pid_t		 pid;		/* forked peer */
	pthread_t	 thread;	/* threaded peer */
	volatile int	 thread_done;	/* threaded peer has returned */
	int		 reaped;	/* forked peer already waited for */
	int		 status;	/* ... and its wait status */
	int		 have_isr;	/* the counters below are valid */
	struct isr_stats isr0, isr1;	/* summed counters before, after */
	struct timespec	 t0, t1;
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sockbench stream [-PT] [-b BYTES] [-s SIZE]\n"
	    "       sockbench pingpong [-PT] [-n ROUNDS]\n"
	    "       sockbench dgram [-T] [-n COUNT] [-s SIZE]\n");
	exit(1);
}

/* "64m", "4k", "100": a positive size, at most MAX. */
static size_t
parse_size(const char *s, size_t max)
{
	unsigned long long v, mult = 1;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *s == '-')
		errx(1, "bad size '%s'", s);
	switch (*end) {
	case 'k':
	case 'K':
		mult = KB;
		end++;
		break;
	case 'm':
	case 'M':
		mult = MB;
		end++;
		break;
	case 'g':
	case 'G':
		mult = 1024 * MB;
		end++;
		break;
	}
	if (*end != '\0' || v == 0 || v > max / mult)
		errx(1, "bad size '%s' (1 to %zu)", s, max);
	return ((size_t)(v * mult));
}

/* "64k" for 65536, "3m" for 3 MiB, else the number. */
static void
size_label(size_t n, char *buf, size_t len)
{
	if (n % MB == 0)
		snprintf(buf, len, "%zum", n / MB);
	else if (n % KB == 0)
		snprintf(buf, len, "%zuk", n / KB);
	else
		snprintf(buf, len, "%zu", n);
}

static double
seconds(const struct timespec *a, const struct timespec *b)
{
	return ((double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9);
}

/* The netisr counters summed over all CPUs; 0, or -1 with errno set. */
static int
isr_snapshot(struct isr_stats *sum)
{
	static struct isr_stats st[MAX_CPUS];
	size_t len = sizeof(st), i;

	memset(sum, 0, sizeof(*sum));
	if (sysctlbyname("net.isr.stats_raw", st, &len, NULL, 0) != 0)
		return (-1);
	for (i = 0; i < len / sizeof(st[0]); i++) {
		sum->dispatched += st[i].dispatched;
		sum->inlined += st[i].inlined;
		sum->sync += st[i].sync;
		sum->queued += st[i].queued;
		sum->forwards += st[i].forwards;
		sum->replies += st[i].replies;
		sum->chases += st[i].chases;
		sum->moves += st[i].moves;
	}
	return (0);
}

/* ---- Descriptors --------------------------------------------------- */

static void
open_pair(struct run *r, int type)
{
	int a[2], b[2];

	if (r->use_pipe) {
		/* a: peer -> main; b: main -> peer. */
		if (pipe(a) != 0 || pipe(b) != 0)
			err(1, "pipe");
		r->main_end.rd = a[0];
		r->peer_end.wr = a[1];
		r->peer_end.rd = b[0];
		r->main_end.wr = b[1];
		return;
	}
	if (socketpair(AF_UNIX, type, 0, a) != 0)
		err(1, "socketpair");
	r->main_end.rd = r->main_end.wr = a[0];
	r->peer_end.rd = r->peer_end.wr = a[1];
}

static void
close_end(struct end *e)
{
	if (e->rd >= 0)
		close(e->rd);
	if (e->wr >= 0 && e->wr != e->rd)
		close(e->wr);
	e->rd = e->wr = -1;
}

/* Write all of buf; 0, or -1 with errno set. */
static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		buf += n;
		len -= (size_t)n;
	}
	return (0);
}

/* ---- Starting and ending the peer ------------------------------------ */

static void *
peer_thread(void *arg)
{
	struct run *r = arg;
	int status;

	status = r->peer(r);
	__atomic_store_n(&r->thread_done, 1, __ATOMIC_RELEASE);
	return ((void *)(intptr_t)status);
}

/*
 * Has the peer finished?  A datagram socket has no end of file, so the
 * dgram receiver asks this when recv() times out, rather than wait
 * forever for datagrams a failed sender will never send.
 */
static int
peer_finished(struct run *r)
{
	if (r->use_threads)
		return (__atomic_load_n(&r->thread_done, __ATOMIC_ACQUIRE));
	if (!r->reaped && waitpid(r->pid, &r->status, WNOHANG) == r->pid)
		r->reaped = 1;
	return (r->reaped);
}

/*
 * Start the peer, and the clock.  A forked peer keeps only its own end; a
 * threaded one shares the descriptor table, and each side closes only the
 * end it owns.
 */
static void
start_peer(struct run *r)
{
	int error;

	r->thread_done = r->reaped = 0;
	r->have_isr = isr_snapshot(&r->isr0) == 0;
	clock_gettime(CLOCK_MONOTONIC, &r->t0);
	if (r->use_threads) {
		error = pthread_create(&r->thread, NULL, peer_thread, r);
		if (error != 0) {
			errno = error;
			err(1, "pthread_create");
		}
		return;
	}
	r->pid = fork();
	if (r->pid < 0)
		err(1, "fork");
	if (r->pid == 0) {
		close_end(&r->main_end);
		_exit(r->peer(r));
	}
	close_end(&r->peer_end);
}

/* Wait for the peer, stop the clock and read the counters again. */
static void
finish_peer(struct run *r)
{
	void *ret;
	int status, error;

	if (r->use_threads) {
		error = pthread_join(r->thread, &ret);
		if (error != 0) {
			errno = error;
			err(1, "pthread_join");
		}
		status = (int)(intptr_t)ret;
	} else {
		if (r->reaped)
			status = r->status;
		else if (waitpid(r->pid, &status, 0) != r->pid)
			err(1, "waitpid");
		if (!WIFEXITED(status))
			errx(1, "%s: the peer died (status %#x)", r->what,
			    status);
		status = WEXITSTATUS(status);
	}
	clock_gettime(CLOCK_MONOTONIC, &r->t1);
	if (r->have_isr)
		r->have_isr = isr_snapshot(&r->isr1) == 0;
	if (status != 0)
		errx(1, "%s: the peer failed (exit %d)", r->what, status);
	close_end(&r->main_end);
}

/* The BENCH lines for one run: the result, then the netisr counters. */
static void
report(const struct run *r, double value, const char *unit)
{
	const char *family = r->use_pipe ? "pipe" : "unix";
	const struct isr_stats *a = &r->isr0, *b = &r->isr1;

	printf("BENCH %s %s %.1f %s\n", family, r->what, value, unit);
	if (!r->have_isr) {
		printf("sockbench: %s: no netisr counters "
		    "(sysctl net.isr.stats_raw)\n", r->what);
		fflush(stdout);
		return;
	}
	printf("BENCH %s %s inline=%" PRIu64 " queued=%" PRIu64
	    " dispatched=%" PRIu64 " sync=%" PRIu64 " forwards=%" PRIu64
	    " chases=%" PRIu64 " moves=%" PRIu64 "\n", family, r->what,
	    b->inlined - a->inlined, b->queued - a->queued,
	    b->dispatched - a->dispatched, b->sync - a->sync,
	    b->forwards - a->forwards, b->chases - a->chases,
	    b->moves - a->moves);
	fflush(stdout);
}

/* ---- stream ---------------------------------------------------------- */

static int
stream_writer(struct run *r)
{
	char *buf;
	size_t left, n;
	int status = 0;

	if ((buf = malloc(r->size)) == NULL) {
		warnx("stream: out of memory");
		return (1);
	}
	memset(buf, 0x5a, r->size);
	for (left = r->bytes; left > 0; left -= n) {
		n = left < r->size ? left : r->size;
		if (write_all(r->peer_end.wr, buf, n) != 0) {
			warn("stream: write");
			status = 1;
			break;
		}
	}
	close_end(&r->peer_end);
	free(buf);
	return (status);
}

static void
run_stream(struct run *r)
{
	char *buf, label[32], what[64];
	size_t got = 0;
	ssize_t n;
	double secs;

	size_label(r->size, label, sizeof(label));
	snprintf(what, sizeof(what), "stream_%s%s", label,
	    r->use_threads ? "_thr" : "");
	r->what = what;
	if ((buf = malloc(r->size)) == NULL)
		errx(1, "out of memory");
	open_pair(r, SOCK_STREAM);
	r->peer = stream_writer;
	start_peer(r);
	while ((n = read(r->main_end.rd, buf, r->size)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err(1, "%s: read", what);
		}
		got += (size_t)n;
	}
	finish_peer(r);
	free(buf);
	if (got != r->bytes)
		errx(1, "%s: read %zu bytes, the peer wrote %zu", what, got,
		    r->bytes);
	secs = seconds(&r->t0, &r->t1);
	printf("sockbench: %s: %zu bytes in %zu-byte writes, %s, "
	    "%.3f s\n", what, r->bytes, r->size,
	    r->use_threads ? "threads" : "processes", secs);
	report(r, (double)r->bytes / 1e6 / secs, "MB/s");
}

/* ---- pingpong -------------------------------------------------------- */

static int
pingpong_echo(struct run *r)
{
	char c;
	ssize_t n;
	int status = 0;

	for (;;) {
		n = read(r->peer_end.rd, &c, 1);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("pingpong: echo read");
			status = 1;
			break;
		}
		if (write_all(r->peer_end.wr, &c, 1) != 0) {
			warn("pingpong: echo write");
			status = 1;
			break;
		}
	}
	close_end(&r->peer_end);
	return (status);
}

static void
run_pingpong(struct run *r)
{
	unsigned long i;
	char what[64], c;
	ssize_t n;
	double secs;

	snprintf(what, sizeof(what), "pingpong%s",
	    r->use_threads ? "_thr" : "");
	r->what = what;
	open_pair(r, SOCK_STREAM);
	r->peer = pingpong_echo;
	start_peer(r);
	for (i = 0; i < r->count; i++) {
		c = (char)i;
		if (write_all(r->main_end.wr, &c, 1) != 0)
			err(1, "%s: write", what);
		do
			n = read(r->main_end.rd, &c, 1);
		while (n < 0 && errno == EINTR);
		if (n != 1)
			errx(1, "%s: round %lu: read returned %zd (%s)", what,
			    i, n, n < 0 ? strerror(errno) : "EOF");
		if (c != (char)i)
			errx(1, "%s: round %lu: wrong byte back", what, i);
	}
	/* Closing our end is the peer's end of file. */
	close_end(&r->main_end);
	finish_peer(r);
	secs = seconds(&r->t0, &r->t1);
	printf("sockbench: %s: %lu round trips, %s, %.3f s, %.1f us each\n",
	    what, r->count, r->use_threads ? "threads" : "processes", secs,
	    secs * 1e6 / (double)r->count);
	report(r, (double)r->count / secs, "roundtrips/s");
}

/* ---- dgram ----------------------------------------------------------- */

static int
dgram_sender(struct run *r)
{
	unsigned long i;
	char *buf;
	ssize_t n;
	int status = 0;

	if ((buf = malloc(r->size)) == NULL) {
		warnx("dgram: out of memory");
		return (1);
	}
	memset(buf, 0xa5, r->size);
	for (i = 0; i < r->count; ) {
		n = send(r->peer_end.wr, buf, r->size, 0);
		if (n == (ssize_t)r->size) {
			i++;
			continue;
		}
		if (n < 0 && errno == ENOBUFS) {
			r->retries++;
			sched_yield();
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			warn("dgram: send");
		else
			warnx("dgram: send returned %zd of %zu", n, r->size);
		status = 1;
		break;
	}
	/* A forked peer reports its retries in its own output. */
	if (!r->use_threads && r->retries > 0)
		printf("sockbench: dgram: %lu sends retried after ENOBUFS\n",
		    r->retries);
	fflush(stdout);
	close_end(&r->peer_end);
	free(buf);
	return (status);
}

/*
 * Receive datagram number i into buf (r->size + 1 bytes); returns its
 * length.  Exits if the sender finished without sending it.
 */
static ssize_t
dgram_recv_one(struct run *r, char *buf, unsigned long i)
{
	ssize_t n;
	int flags = 0;

	for (;;) {
		n = recv(r->main_end.rd, buf, r->size + 1, flags);
		if (n >= 0)
			return (n);
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN)
			err(1, "%s: recv", r->what);
		if (flags == MSG_DONTWAIT) {
			finish_peer(r);
			errx(1, "%s: the sender finished, %lu of %lu "
			    "datagrams came", r->what, i, r->count);
		}
		/* Timed out; once the sender is gone all it sent is here. */
		if (peer_finished(r))
			flags = MSG_DONTWAIT;
	}
}

static void
run_dgram(struct run *r)
{
	unsigned long i;
	struct timeval tv;
	char *buf, label[32], what[64];
	ssize_t n;
	double secs;

	size_label(r->size, label, sizeof(label));
	snprintf(what, sizeof(what), "dgram_%s%s", label,
	    r->use_threads ? "_thr" : "");
	r->what = what;
	/* One byte more than expected, to see an over-long datagram. */
	if ((buf = malloc(r->size + 1)) == NULL)
		errx(1, "out of memory");
	open_pair(r, SOCK_DGRAM);
	r->peer = dgram_sender;
	/*
	 * A receive time-out lets a blocked recv() notice a sender that
	 * failed (a datagram socket has no end of file); the common path
	 * stays one blocking recv() per datagram.
	 */
	tv.tv_sec = 1;
	tv.tv_usec = 0;
	if (setsockopt(r->main_end.rd, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)) != 0)
		warn("%s: SO_RCVTIMEO (a failed sender will hang this)",
		    what);
	start_peer(r);
	for (i = 0; i < r->count; i++) {
		n = dgram_recv_one(r, buf, i);
		if (n != (ssize_t)r->size)
			errx(1, "%s: datagram %lu is %zd bytes, not %zu", what,
			    i, n, r->size);
	}
	finish_peer(r);
	free(buf);
	secs = seconds(&r->t0, &r->t1);
	printf("sockbench: %s: %lu datagrams of %zu bytes, %s, %.3f s",
	    what, r->count, r->size,
	    r->use_threads ? "threads" : "processes", secs);
	if (r->use_threads)
		printf(", %lu sends retried after ENOBUFS", r->retries);
	printf("\n");
	report(r, (double)r->count / secs, "dgrams/s");
}

/* ---- main ------------------------------------------------------------ */

int
main(int argc, char **argv)
{
	struct run r;
	const char *mode;
	size_t bytes = 64 * MB, size = 0;
	unsigned long count = 0;
	int ch, use_pipe = 0, use_threads = 0;

	if (argc < 2)
		usage();
	mode = argv[1];
	argc--;
	argv++;
	while ((ch = getopt(argc, argv, "PTb:n:s:")) != -1) {
		switch (ch) {
		case 'P':
			use_pipe = 1;
			break;
		case 'T':
			use_threads = 1;
			break;
		case 'b':
			bytes = parse_size(optarg, (size_t)1 << 40);
			break;
		case 'n':
			count = parse_size(optarg, 1UL << 32);
			break;
		case 's':
			size = parse_size(optarg, MAX_IOSIZE);
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);

	memset(&r, 0, sizeof(r));
	r.use_pipe = use_pipe;
	r.use_threads = use_threads;
	r.bytes = bytes;
	r.count = count;
	if (strcmp(mode, "stream") == 0) {
		r.size = size != 0 ? size : 64 * KB;
		run_stream(&r);
		if (size == 0) {
			r.size = 4 * KB;
			run_stream(&r);
		}
	} else if (strcmp(mode, "pingpong") == 0) {
		if (r.count == 0)
			r.count = 20000;
		run_pingpong(&r);
	} else if (strcmp(mode, "dgram") == 0) {
		if (use_pipe)
			errx(1, "dgram: pipes carry no datagrams (-P)");
		r.count = count != 0 ? count : 20000;
		r.size = size != 0 ? size : 256;
		run_dgram(&r);
	} else
		usage();
	return (0);
}
