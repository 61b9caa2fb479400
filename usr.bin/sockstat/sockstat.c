/*
 * sockstat: list the kernel's sockets, and optionally the socket layer's
 * counters.
 *
 *	sockstat [-clsuv]
 *
 * Reads sysctl kern.ipc.socklist (an array of struct xsocket, see
 * <sys/socketvar.h>) and prints a header and one line per socket:
 *
 *	ID	 low 32 bits of the kernel address, in hex: an id that
 *		 matches the ACCEPT-Q column of queued sockets
 *	PROTO	 family/type, e.g. unix/stream, unix/dgram
 *	STATE	 LISTEN, CONNECTED, CONNECTING, DISCONNECTING,
 *		 DISCONNECTED or "-" (none of these)
 *	CPU	 the CPU whose netisr thread owns the socket
 *	REFS	 references held on the socket
 *	RECV-Q	 bytes in the receive buffer / its high-water mark
 *	SEND-Q	 the same for the send buffer
 *	ACCEPT-Q listeners: queued/incomplete/limit; a socket waiting in a
 *		 listener's queue: "comp:ID" or "incomp:ID" of that
 *		 listener; otherwise "-"
 *	PID	 the process that created the socket (0: the kernel)
 *	LOCAL, FOREIGN  the addresses: the path for AF_UNIX, "-" for none
 *
 * Options: -u only AF_UNIX sockets; -l only listeners; -c only connected
 * sockets (-l and -c together: both); -v adds the raw state bits of each
 * socket; -s prints, after the list, the counters (sockets per type,
 * mbufs and clusters in use, AF_UNIX descriptor passing, and each
 * netisr's message counters from net.isr.stats_raw).  A counter the
 * kernel does not have prints as "-".
 *
 * The list is a snapshot taken while sockets come and go; a socket can be
 * gone by the time its line is printed.  Exit status 0, or 1 with a
 * message (unknown option, no kern.ipc.socklist, records of a size this
 * program was not built for).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/sysctl.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet6/in6.h>
#include <arpa/inet.h>

#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Static_assert(sizeof(struct xsocket) == 312,
    "struct xsocket must match the kernel's");

/* What to show; set from the command line. */
static int	only_unix, only_listen, only_conn, verbose, counters;

/* One netisr's counters, as net.isr.stats_raw lays them out. */
struct isr_stats {
	uint64_t	dispatched, inlined, sync, queued;
	uint64_t	forwards, replies, chases, moves;
};

static void
usage(void)
{
	fprintf(stderr, "usage: sockstat [-clsuv]\n");
	exit(1);
}

/*
 * Fetch an opaque sysctl whose size may change between the size query
 * and the read: ask for the size, add room, retry on ENOMEM.  Returns a
 * malloc'd buffer (never NULL, even for an empty answer) and its length,
 * or NULL with errno set.
 */
static void *
fetch_opaque(const char *name, size_t *lenp)
{
	void *buf = NULL;
	size_t len;
	int tries, error;

	for (tries = 0; tries < 16; tries++) {
		len = 0;
		if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
			break;
		len += len / 4 + 8 * sizeof(struct xsocket);
		free(buf);
		if ((buf = malloc(len)) == NULL)
			errx(1, "out of memory");
		if (sysctlbyname(name, buf, &len, NULL, 0) == 0) {
			*lenp = len;
			return (buf);
		}
		if (errno != ENOMEM)
			break;
	}
	error = tries == 16 ? EAGAIN : errno;
	free(buf);
	errno = error;
	return (NULL);
}

/* The socket list, checked record by record; *np gets the count. */
static struct xsocket *
fetch_socklist(size_t *np)
{
	struct xsocket *xs;
	size_t len, i;

	if ((xs = fetch_opaque("kern.ipc.socklist", &len)) == NULL)
		err(1, "sysctl kern.ipc.socklist");
	if (len % sizeof(*xs) != 0)
		errx(1, "kern.ipc.socklist: %zu bytes, not a whole number "
		    "of %zu-byte records", len, sizeof(*xs));
	*np = len / sizeof(*xs);
	for (i = 0; i < *np; i++)
		if (xs[i].xso_len != sizeof(*xs))
			errx(1, "kern.ipc.socklist: record %zu says it is %u "
			    "bytes, this sockstat knows %zu", i,
			    xs[i].xso_len, sizeof(*xs));
	return (xs);
}

static const char *
family_name(int family)
{
	switch (family) {
	case AF_UNIX:
		return ("unix");
	case AF_INET:
		return ("inet");
	case AF_INET6:
		return ("inet6");
	default:
		return (NULL);
	}
}

static const char *
type_name(int type)
{
	switch (type) {
	case SOCK_STREAM:
		return ("stream");
	case SOCK_DGRAM:
		return ("dgram");
	case SOCK_RAW:
		return ("raw");
	case SOCK_SEQPACKET:
		return ("seqpacket");
	default:
		return (NULL);
	}
}

static void
format_proto(const struct xsocket *xs, char *buf, size_t size)
{
	const char *f = family_name(xs->xso_family);
	const char *t = type_name(xs->xso_type);
	char fb[16], tb[16];

	if (f == NULL) {
		snprintf(fb, sizeof(fb), "af%d", xs->xso_family);
		f = fb;
	}
	if (t == NULL) {
		snprintf(tb, sizeof(tb), "type%d", xs->xso_type);
		t = tb;
	}
	snprintf(buf, size, "%s/%s", f, t);
}

static const char *
state_name(const struct xsocket *xs)
{
	if (xs->xso_options & SO_ACCEPTCONN)
		return ("LISTEN");
	if (xs->xso_state & SS_ISDISCONNECTING)
		return ("DISCONNECTING");
	if (xs->xso_state & SS_ISCONNECTED)
		return ("CONNECTED");
	if (xs->xso_state & SS_ISCONNECTING)
		return ("CONNECTING");
	if (xs->xso_state & SS_ISDISCONNECTED)
		return ("DISCONNECTED");
	return ("-");
}

/* The id printed for a kernel address: its low 32 bits. */
static unsigned int
short_id(uint64_t so)
{
	return ((unsigned int)(so & 0xffffffffu));
}

static void
format_acceptq(const struct xsocket *xs, char *buf, size_t size)
{
	if (xs->xso_options & SO_ACCEPTCONN)
		snprintf(buf, size, "%u/%u/%u", xs->xso_qlen,
		    xs->xso_incqlen, xs->xso_qlimit);
	else if (xs->xso_head != 0)
		snprintf(buf, size, "%s:%08x",
		    (xs->xso_state & SS_INCOMP) ? "incomp" : "comp",
		    short_id(xs->xso_head));
	else
		snprintf(buf, size, "-");
}

/*
 * Format one address field: a sockaddr with its length first, or all
 * zeroes for none.  The bytes come from the kernel, so every length is
 * clamped to the 108-byte field.
 */
static void
format_addr(const char *raw, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)raw;
	size_t salen = p[0], max;
	char tmp[64];

	if (salen == 0 || salen > 108)
		salen = 108;
	switch (p[1]) {
	case AF_UNIX:
		/* sun_path starts after sun_len and sun_family. */
		max = salen > 2 ? salen - 2 : 0;
		if (strnlen(raw + 2, max) == 0)
			snprintf(buf, size, "-");
		else
			snprintf(buf, size, "%.*s", (int)strnlen(raw + 2, max),
			    raw + 2);
		return;
	case AF_INET: {
		struct sockaddr_in sin;

		memcpy(&sin, raw, sizeof(sin));
		if (inet_ntop(AF_INET, &sin.sin_addr, tmp, sizeof(tmp)) ==
		    NULL)
			break;
		snprintf(buf, size, "%s:%u", tmp, ntohs(sin.sin_port));
		return;
	}
	case AF_INET6: {
		struct sockaddr_in6 sin6;

		memcpy(&sin6, raw, sizeof(sin6));
		if (inet_ntop(AF_INET6, &sin6.sin6_addr, tmp, sizeof(tmp)) ==
		    NULL)
			break;
		snprintf(buf, size, "[%s]:%u", tmp, ntohs(sin6.sin6_port));
		return;
	}
	case AF_UNSPEC:
		snprintf(buf, size, "-");
		return;
	}
	snprintf(buf, size, "af%u", p[1]);
}

static int
wanted(const struct xsocket *xs)
{
	int listener = (xs->xso_options & SO_ACCEPTCONN) != 0;
	int connected = (xs->xso_state & SS_ISCONNECTED) != 0;

	if (only_unix && xs->xso_family != AF_UNIX)
		return (0);
	if (only_listen || only_conn)
		return ((only_listen && listener) || (only_conn && connected));
	return (1);
}

static void
print_header(void)
{
	printf("%-8s %-15s %-13s %3s %4s %-13s %-13s %-15s %5s %s %s\n",
	    "ID", "PROTO", "STATE", "CPU", "REFS", "RECV-Q", "SEND-Q",
	    "ACCEPT-Q", "PID", "LOCAL", "FOREIGN");
}

static void
print_socket(const struct xsocket *xs)
{
	char proto[32], rq[32], sq[32], aq[32], la[128], fa[128];

	format_proto(xs, proto, sizeof(proto));
	snprintf(rq, sizeof(rq), "%u/%u", xs->xso_rcv_cc, xs->xso_rcv_hiwat);
	snprintf(sq, sizeof(sq), "%u/%u", xs->xso_snd_cc, xs->xso_snd_hiwat);
	format_acceptq(xs, aq, sizeof(aq));
	format_addr(xs->xso_laddr, la, sizeof(la));
	format_addr(xs->xso_faddr, fa, sizeof(fa));
	printf("%08x %-15s %-13s %3d %4u %-13s %-13s %-15s %5d %s %s",
	    short_id(xs->xso_so), proto, state_name(xs), xs->xso_cpu,
	    xs->xso_refs, rq, sq, aq, xs->xso_pid, la, fa);
	if (verbose)
		printf(" state=%#x ustate=%#x options=%#x rcv=%#x snd=%#x",
		    xs->xso_state, xs->xso_ustate, xs->xso_options,
		    xs->xso_rcv_state, xs->xso_snd_state);
	putchar('\n');
}

/* Print one integer sysctl (4 or 8 bytes), or "-" if there is none. */
static void
print_counter(const char *name)
{
	union {
		int32_t		i32;
		uint64_t	u64;
	} v;
	size_t len = sizeof(v);

	memset(&v, 0, sizeof(v));
	if (sysctlbyname(name, &v, &len, NULL, 0) != 0)
		printf("%-34s -\n", name);
	else if (len == sizeof(v.i32))
		printf("%-34s %d\n", name, v.i32);
	else
		printf("%-34s %" PRIu64 "\n", name, v.u64);
}

static void
print_isr_stats(void)
{
	struct isr_stats *st;
	size_t len, n, cpu;

	st = fetch_opaque("net.isr.stats_raw", &len);
	if (st == NULL) {
		printf("net.isr.stats_raw: %s\n", strerror(errno));
		return;
	}
	n = len / sizeof(*st);
	printf("%-5s %12s %12s %10s %12s %10s %10s %8s %8s\n", "NETISR",
	    "DISPATCHED", "INLINE", "SYNC", "QUEUED", "FORWARDS", "REPLIES",
	    "CHASES", "MOVES");
	for (cpu = 0; cpu < n; cpu++)
		printf("%-5zu %12" PRIu64 " %12" PRIu64 " %10" PRIu64
		    " %12" PRIu64 " %10" PRIu64 " %10" PRIu64 " %8" PRIu64
		    " %8" PRIu64 "\n", cpu, st[cpu].dispatched,
		    st[cpu].inlined, st[cpu].sync, st[cpu].queued,
		    st[cpu].forwards, st[cpu].replies, st[cpu].chases,
		    st[cpu].moves);
	free(st);
}

static void
print_counters(void)
{
	static const char *const names[] = {
		"kern.ipc.numopensockets",
		"kern.ipc.sockets_unix_stream",
		"kern.ipc.sockets_unix_dgram",
		"kern.ipc.sockets_unix_seqpacket",
		"kern.ipc.mbufs_inuse",
		"kern.ipc.mbclusters_inuse",
		"kern.ipc.unp_inflight",
		"kern.ipc.unp_gc_runs",
		"kern.ipc.unp_gc_collected",
	};
	size_t i;

	putchar('\n');
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		print_counter(names[i]);
	putchar('\n');
	print_isr_stats();
}

int
main(int argc, char **argv)
{
	struct xsocket *xs;
	size_t n, i;
	int ch;

	while ((ch = getopt(argc, argv, "clsuv")) != -1) {
		switch (ch) {
		case 'c':
			only_conn = 1;
			break;
		case 'l':
			only_listen = 1;
			break;
		case 's':
			counters = 1;
			break;
		case 'u':
			only_unix = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	xs = fetch_socklist(&n);
	print_header();
	for (i = 0; i < n; i++)
		if (wanted(&xs[i]))
			print_socket(&xs[i]);
	free(xs);
	if (counters)
		print_counters();
	if (fflush(stdout) != 0 || ferror(stdout))
		err(1, "stdout");
	return (0);
}
