/*
 * sockstat_test: /usr/bin/sockstat shows this process's sockets the way
 * sysctl kern.ipc.socklist describes them: a bound listener with its path
 * and accept-queue limit, the two connected ends of a socketpair on one
 * owning CPU, a connection waiting in a listener's queue that names the
 * listener, the -l and -c filters, the -s counters, and a list that
 * empties when the sockets are closed.  Each case runs sockstat through
 * fork/exec with its output in a file and parses the table.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/sysctl.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#define	SOCKSTAT	"/usr/bin/sockstat"
#define	OUTFILE		"sockstat.out"
#define	MAXLINES	128
#define	MAXFIELDS	24

/* The columns of a socket line, in sockstat's order. */
enum {
	F_ID, F_PROTO, F_STATE, F_CPU, F_REFS, F_RECVQ, F_SENDQ, F_ACCEPTQ,
	F_PID, F_LOCAL, F_FOREIGN, F_COUNT
};

/* One output line, split at blanks. */
struct sline {
	char	 text[512];
	char	*f[MAXFIELDS];
	int	 nf;
};

static struct sline out[MAXLINES];
static int nout;		/* lines of output */
static int ntable;		/* socket lines: out[1 .. ntable] */

static void
split_line(struct sline *l)
{
	char *p = l->text, *w;

	l->text[strcspn(l->text, "\n")] = '\0';
	l->nf = 0;
	while ((w = strsep(&p, " \t")) != NULL && l->nf < MAXFIELDS)
		if (*w != '\0')
			l->f[l->nf++] = w;
}

/*
 * Run sockstat with at most one option (NULL for none), its standard
 * output in OUTFILE, and parse the file: the header, the socket lines up
 * to the first empty line, then whatever -s adds.
 */
static void
run_sockstat(const char *opt)
{
	FILE *fp;
	pid_t pid;
	int fd, status;

	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		fd = open(OUTFILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, 1) != 1)
			_exit(126);
		execl(SOCKSTAT, "sockstat", opt, (char *)NULL);
		_exit(127);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "sockstat %s: wait status %#x", opt ? opt : "", status);

	ATF_REQUIRE((fp = fopen(OUTFILE, "r")) != NULL);
	nout = ntable = 0;
	while (nout < MAXLINES &&
	    fgets(out[nout].text, sizeof(out[nout].text), fp) != NULL)
		split_line(&out[nout++]);
	fclose(fp);
	ATF_REQUIRE_MSG(nout >= 1 && out[0].nf == F_COUNT &&
	    strcmp(out[0].f[F_ID], "ID") == 0 &&
	    strcmp(out[0].f[F_FOREIGN], "FOREIGN") == 0,
	    "sockstat printed no header");
	while (1 + ntable < nout && out[1 + ntable].nf > 0) {
		ATF_REQUIRE_MSG(out[1 + ntable].nf >= F_COUNT,
		    "short socket line %d", 1 + ntable);
		ntable++;
	}
}

static struct sline *
table_line(int i)
{
	return (&out[1 + i]);
}

/* The n-th socket line of this process with this PROTO and STATE. */
static struct sline *
find_mine(const char *proto, const char *state, int n)
{
	struct sline *l;
	int i;

	for (i = 0; i < ntable; i++) {
		l = table_line(i);
		if (atoi(l->f[F_PID]) == getpid() &&
		    strcmp(l->f[F_PROTO], proto) == 0 &&
		    strcmp(l->f[F_STATE], state) == 0 && n-- == 0)
			return (l);
	}
	return (NULL);
}

static int
count_mine(const char *proto, const char *state)
{
	int n = 0;

	while (find_mine(proto, state, n) != NULL)
		n++;
	return (n);
}

/* The value of a "name value" line printed by -s, or -1. */
static long
counter(const char *name)
{
	int i;

	for (i = 1 + ntable; i < nout; i++)
		if (out[i].nf == 2 && strcmp(out[i].f[0], name) == 0)
			return (atol(out[i].f[1]));
	return (-1);
}

static void
unix_addr(struct sockaddr_un *sun, const char *path)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_len = sizeof(*sun);
	sun->sun_family = AF_UNIX;
	strlcpy(sun->sun_path, path, sizeof(sun->sun_path));
}

/* A stream socket bound to path and listening with this backlog. */
static int
make_listener(const char *path, int backlog)
{
	struct sockaddr_un sun;
	int s;

	unix_addr(&sun, path);
	(void)unlink(path);
	ATF_REQUIRE((s = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0);
	ATF_REQUIRE_EQ(bind(s, (struct sockaddr *)&sun, sizeof(sun)), 0);
	ATF_REQUIRE_EQ(listen(s, backlog), 0);
	return (s);
}

#define	LPATH	"/tmp/sockstat_test.sock"

ATF_TC_WITHOUT_HEAD(sockstat_shows_bound_listener_path_and_queue_limit);
ATF_TC_BODY(sockstat_shows_bound_listener_path_and_queue_limit, tc)
{
	struct sline *l;
	int s;

	s = make_listener(LPATH, 5);
	run_sockstat("-u");
	ATF_REQUIRE_EQ(count_mine("unix/stream", "LISTEN"), 1);
	l = find_mine("unix/stream", "LISTEN", 0);
	ATF_REQUIRE_EQ(strlen(l->f[F_ID]), 8);
	ATF_REQUIRE_STREQ(l->f[F_LOCAL], LPATH);
	ATF_REQUIRE_STREQ(l->f[F_FOREIGN], "-");
	ATF_REQUIRE_STREQ(l->f[F_ACCEPTQ], "0/0/5");
	ATF_REQUIRE(atoi(l->f[F_REFS]) >= 1);
	close(s);
	unlink(LPATH);
}

ATF_TC_WITHOUT_HEAD(sockstat_shows_socketpair_ends_connected_on_one_cpu);
ATF_TC_BODY(sockstat_shows_socketpair_ends_connected_on_one_cpu, tc)
{
	struct sline *a, *b;
	int sv[2];

	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	run_sockstat(NULL);
	ATF_REQUIRE_EQ(count_mine("unix/stream", "CONNECTED"), 2);
	a = find_mine("unix/stream", "CONNECTED", 0);
	b = find_mine("unix/stream", "CONNECTED", 1);
	ATF_REQUIRE(strcmp(a->f[F_ID], b->f[F_ID]) != 0);
	ATF_REQUIRE_STREQ(a->f[F_CPU], b->f[F_CPU]);
	ATF_REQUIRE_STREQ(a->f[F_LOCAL], "-");
	ATF_REQUIRE_STREQ(b->f[F_LOCAL], "-");
	ATF_REQUIRE_STREQ(a->f[F_ACCEPTQ], "-");
	close(sv[0]);
	close(sv[1]);
}

ATF_TC_WITHOUT_HEAD(sockstat_shows_dgram_socketpair_as_unix_dgram);
ATF_TC_BODY(sockstat_shows_dgram_socketpair_as_unix_dgram, tc)
{
	int sv[2];

	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	ATF_REQUIRE_EQ(send(sv[0], "hello", 5, 0), 5);
	run_sockstat("-u");
	ATF_REQUIRE_EQ(count_mine("unix/dgram", "CONNECTED"), 2);
	ATF_REQUIRE_EQ(count_mine("unix/stream", "CONNECTED"), 0);
	close(sv[0]);
	close(sv[1]);
}

ATF_TC_WITHOUT_HEAD(sockstat_queued_connection_names_its_listener);
ATF_TC_BODY(sockstat_queued_connection_names_its_listener, tc)
{
	struct sockaddr_un sun;
	struct sline *lst, *cli, *l;
	char want[32];
	int s, c, i, found = 0;

	s = make_listener(LPATH, 5);
	unix_addr(&sun, LPATH);
	ATF_REQUIRE((c = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0);
	ATF_REQUIRE_EQ(connect(c, (struct sockaddr *)&sun, sizeof(sun)), 0);
	run_sockstat(NULL);

	lst = find_mine("unix/stream", "LISTEN", 0);
	ATF_REQUIRE(lst != NULL);
	ATF_REQUIRE_STREQ(lst->f[F_ACCEPTQ], "1/0/5");
	/* The client: connected to the listener's path. */
	cli = find_mine("unix/stream", "CONNECTED", 0);
	ATF_REQUIRE(cli != NULL);
	if (strcmp(cli->f[F_ACCEPTQ], "-") != 0)
		cli = find_mine("unix/stream", "CONNECTED", 1);
	ATF_REQUIRE(cli != NULL);
	ATF_REQUIRE_STREQ(cli->f[F_ACCEPTQ], "-");
	ATF_REQUIRE_STREQ(cli->f[F_FOREIGN], LPATH);
	/* The server end, not yet accepted: on the listener's queue. */
	snprintf(want, sizeof(want), "comp:%s", lst->f[F_ID]);
	for (i = 0; i < ntable; i++) {
		l = table_line(i);
		if (strcmp(l->f[F_ACCEPTQ], want) != 0)
			continue;
		found++;
		ATF_REQUIRE_STREQ(l->f[F_PROTO], "unix/stream");
		ATF_REQUIRE_STREQ(l->f[F_STATE], "CONNECTED");
		ATF_REQUIRE_STREQ(l->f[F_LOCAL], LPATH);
	}
	ATF_REQUIRE_EQ(found, 1);
	close(c);
	close(s);
	unlink(LPATH);
}

ATF_TC_WITHOUT_HEAD(sockstat_l_lists_only_listeners);
ATF_TC_BODY(sockstat_l_lists_only_listeners, tc)
{
	int s, sv[2], i;

	s = make_listener(LPATH, 5);
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	run_sockstat("-l");
	ATF_REQUIRE_EQ(count_mine("unix/stream", "LISTEN"), 1);
	for (i = 0; i < ntable; i++)
		ATF_REQUIRE_STREQ(table_line(i)->f[F_STATE], "LISTEN");
	close(sv[0]);
	close(sv[1]);
	close(s);
	unlink(LPATH);
}

ATF_TC_WITHOUT_HEAD(sockstat_c_lists_only_connected);
ATF_TC_BODY(sockstat_c_lists_only_connected, tc)
{
	int s, sv[2], i;

	s = make_listener(LPATH, 5);
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	run_sockstat("-c");
	ATF_REQUIRE_EQ(count_mine("unix/stream", "CONNECTED"), 2);
	for (i = 0; i < ntable; i++)
		ATF_REQUIRE_STREQ(table_line(i)->f[F_STATE], "CONNECTED");
	close(sv[0]);
	close(sv[1]);
	close(s);
	unlink(LPATH);
}

ATF_TC_WITHOUT_HEAD(sockstat_s_counts_sockets_and_lists_each_netisr);
ATF_TC_BODY(sockstat_s_counts_sockets_and_lists_each_netisr, tc)
{
	size_t len;
	int s, sv[2], ncpu, i, rows = 0, header = -1;

	len = sizeof(ncpu);
	ATF_REQUIRE_EQ(sysctlbyname("hw.ncpu", &ncpu, &len, NULL, 0), 0);
	s = make_listener(LPATH, 5);
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	run_sockstat("-s");
	ATF_REQUIRE_EQ(ntable, count_mine("unix/stream", "LISTEN") +
	    count_mine("unix/stream", "CONNECTED"));
	ATF_REQUIRE(counter("kern.ipc.numopensockets") >= 3);
	ATF_REQUIRE(counter("kern.ipc.sockets_unix_stream") >= 3);
	ATF_REQUIRE(counter("kern.ipc.mbufs_inuse") >= 0);
	for (i = 1 + ntable; i < nout; i++) {
		if (out[i].nf > 0 && strcmp(out[i].f[0], "NETISR") == 0)
			header = i;
		else if (header >= 0 && out[i].nf == 9)
			rows++;
	}
	ATF_REQUIRE(header > 0);
	ATF_REQUIRE_EQ(rows, ncpu);
	close(sv[0]);
	close(sv[1]);
	close(s);
	unlink(LPATH);
}

ATF_TC_WITHOUT_HEAD(sockstat_after_close_prints_only_header);
ATF_TC_BODY(sockstat_after_close_prints_only_header, tc)
{
	size_t len;
	int s, sv[2], n = -1, i;

	s = make_listener(LPATH, 5);
	ATF_REQUIRE_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	close(sv[0]);
	close(sv[1]);
	close(s);
	unlink(LPATH);
	/* The last reference may be dropped by a netisr a moment later. */
	for (i = 0; i < 200; i++) {
		len = sizeof(n);
		ATF_REQUIRE_EQ(sysctlbyname("kern.ipc.numopensockets", &n,
		    &len, NULL, 0), 0);
		if (n == 0)
			break;
		usleep(10000);
	}
	ATF_REQUIRE_EQ(n, 0);
	run_sockstat(NULL);
	ATF_REQUIRE_EQ(ntable, 0);
	ATF_REQUIRE_EQ(nout, 1);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, sockstat_shows_bound_listener_path_and_queue_limit);
	ATF_TP_ADD_TC(tp, sockstat_shows_socketpair_ends_connected_on_one_cpu);
	ATF_TP_ADD_TC(tp, sockstat_shows_dgram_socketpair_as_unix_dgram);
	ATF_TP_ADD_TC(tp, sockstat_queued_connection_names_its_listener);
	ATF_TP_ADD_TC(tp, sockstat_l_lists_only_listeners);
	ATF_TP_ADD_TC(tp, sockstat_c_lists_only_connected);
	ATF_TP_ADD_TC(tp, sockstat_s_counts_sockets_and_lists_each_netisr);
	ATF_TP_ADD_TC(tp, sockstat_after_close_prints_only_header);
	return (atf_no_error());
}
