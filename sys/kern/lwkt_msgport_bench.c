/*
 * kern/lwkt_msgport_bench.c: message-port throughput benchmark.
 *
 * Entry point: msgport_bench(), called by the boot code's benchmark
 * dispatcher when the kernel command line says bench=msgport, from a
 * thread that may sleep.  Not a test: it checks only that every message
 * came back, and prints one line per measurement:
 *
 *   BENCH msgport <what> <count> msgs <ns> ns <rate> msgs/s
 *
 * What is measured (each for about BENCH_NS of wall time):
 *   domsg_same_cpu     lwkt_domsg round trips to a thread on the same CPU
 *   domsg_cross_cpu    ... to a thread on another CPU
 *   async_same_cpu     lwkt_sendmsg with BENCH_WINDOW messages in flight,
 *                      replies collected on the sender's port
 *   async_cross_cpu    ... to a thread on another CPU
 *   netisr_domsg_inline   lwkt_domsg to netisr N from CPU N (N != 0):
 *                      the idle-port inline dispatch
 *   netisr_domsg_queued_same_cpu  lwkt_domsg to netisr 0 from CPU 0 (never
 *                      inlined): two context switches per message
 *   netisr_domsg_cross_cpu lwkt_domsg to a netisr on another CPU
 *   netisr_async_cross_cpu asynchronous netmsgs to a netisr on another CPU
 * Cross-CPU and inline lines are skipped (and say so) on a single CPU.
 *
 * Each measurement runs in a client thread created on the CPU it needs;
 * servers are plain kernel threads that echo until told to quit.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <machine/atomic.h>
#include <machine/md_var.h>
#include <net/netmsg.h>
#include <net/netisr2.h>

#define BENCH_NS	500000000UL	/* per measurement */
#define BENCH_BATCH	256		/* messages between clock reads */
#define BENCH_WINDOW	32		/* asynchronous messages in flight */

#define BQUIT		(-1L)		/* u.ms_result of the quit message */

enum bench_kind { BK_DOMSG, BK_ASYNC };

struct bench {
	const char	*b_what;
	int		b_kind;
	int		b_netisr;	/* target is a netisr's port */
	int		b_client_cpu;
	int		b_server_cpu;
	lwkt_port_t	b_server;	/* [a] published by the server */
	uint64_t	b_count;
	uint64_t	b_ns;
	volatile int	b_done;
};

static void
bench_server(void *arg)
{
	struct bench *b = arg;
	lwkt_port_t port = &curthread->td_msgport;
	lwkt_msg_t msg;
	long r;

	atomic_store_ptr(&b->b_server, port);
	wakeup(&b->b_server);
	for (;;) {
		msg = lwkt_waitport(port, 0);
		r = msg->u.ms_result;
		lwkt_replymsg(msg, 0);
		if (r == BQUIT)
			break;
	}
}

static void
bench_netisr_echo(netmsg_t msg)
{
	netisr_replymsg(msg, 0);
}

static void
bench_msg_init(struct netmsg_base *m, lwkt_port_t rport)
{
	netmsg_init(m, NULL, rport, 0, bench_netisr_echo);
}

static uint64_t
bench_domsg(struct bench *b, lwkt_port_t port)
{
	struct netmsg_base m;
	uint64_t n = 0, t0 = nanouptime();

	do {
		for (int i = 0; i < BENCH_BATCH; i++) {
			bench_msg_init(&m, NULL);
			lwkt_domsg(port, &m.lmsg, 0);
		}
		n += BENCH_BATCH;
	} while (nanouptime() - t0 < BENCH_NS);
	b->b_ns = nanouptime() - t0;
	return (n);
}

/* Keep BENCH_WINDOW messages in flight; resend each as its reply lands. */
static uint64_t
bench_async(struct bench *b, lwkt_port_t port)
{
	struct netmsg_base m[BENCH_WINDOW];
	lwkt_port_t me = &curthread->td_msgport;
	uint64_t n = 0, t0 = nanouptime();
	lwkt_msg_t got;
	int out = 0;

	for (int i = 0; i < BENCH_WINDOW; i++) {
		bench_msg_init(&m[i], me);
		lwkt_sendmsg(port, &m[i].lmsg);
		out++;
	}
	for (;;) {
		for (int i = 0; i < BENCH_BATCH; i++) {
			got = lwkt_waitport(me, 0);
			n++;
			lwkt_sendmsg(port, got);
		}
		if (nanouptime() - t0 >= BENCH_NS)
			break;
	}
	for (; out > 0; out--) {
		lwkt_waitport(me, 0);
		n++;
	}
	/* Every message is back: the window may leave our stack now. */
	b->b_ns = nanouptime() - t0;
	return (n);
}

static void
bench_client(void *arg)
{
	struct bench *b = arg;
	lwkt_port_t port;
	struct netmsg_base quit;

	if (b->b_netisr) {
		port = netisr_cpuport(b->b_server_cpu);
	} else {
		lwkt_create(bench_server, b, NULL, b->b_server_cpu, TDPRI_KERN,
		    "bench server");
		while ((port = atomic_load_ptr(&b->b_server)) == NULL)
			tsleep(&b->b_server, 0, "bserver", 1);
	}
	if (b->b_kind == BK_DOMSG)
		b->b_count = bench_domsg(b, port);
	else
		b->b_count = bench_async(b, port);
	if (!b->b_netisr) {
		bench_msg_init(&quit, NULL);
		quit.lmsg.u.ms_result = BQUIT;
		lwkt_domsg(port, &quit.lmsg, 0);
	}
	atomic_store_int(&b->b_done, 1);
	wakeup(b);
}

static void
bench_one(const char *what, int kind, int netisr, int client_cpu,
    int server_cpu)
{
	struct bench b;

	if (client_cpu >= ncpus || server_cpu >= ncpus ||
	    (ncpus == 1 && (strstr(what, "cross") || strstr(what, "inline")))) {
		kprintf("BENCH msgport %s skipped: needs 2 cpus\n", what);
		return;
	}
	bzero(&b, sizeof(b));
	b.b_what = what;
	b.b_kind = kind;
	b.b_netisr = netisr;
	b.b_client_cpu = client_cpu;
	b.b_server_cpu = server_cpu;
	lwkt_create(bench_client, &b, NULL, client_cpu, TDPRI_KERN,
	    "bench client");
	while (!atomic_load_int(&b.b_done))
		tsleep(&b, 0, "bench", hz / 10);
	kprintf("BENCH msgport %s %lu msgs %lu ns %lu msgs/s\n", what,
	    b.b_count, b.b_ns, b.b_ns != 0 ?
	    b.b_count * 1000000000UL / b.b_ns : 0);
}

void
msgport_bench(void)
{
	int other = ncpus > 1 ? 1 : 0;

	kprintf("BENCH msgport: %d cpus, %lu ms per measurement\n", ncpus,
	    BENCH_NS / 1000000);
	bench_one("domsg_same_cpu", BK_DOMSG, 0, 0, 0);
	bench_one("domsg_cross_cpu", BK_DOMSG, 0, 0, other);
	bench_one("async_same_cpu", BK_ASYNC, 0, 0, 0);
	bench_one("async_cross_cpu", BK_ASYNC, 0, 0, other);
	bench_one("netisr_domsg_inline", BK_DOMSG, 1, other, other);
	bench_one("netisr_domsg_queued_same_cpu", BK_DOMSG, 1, 0, 0);
	bench_one("netisr_domsg_cross_cpu", BK_DOMSG, 1, 0, other);
	bench_one("netisr_async_cross_cpu", BK_ASYNC, 1, 0, other);
}
