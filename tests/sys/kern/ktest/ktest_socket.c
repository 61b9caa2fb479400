/*
 * Self-tests of the socket layer's ownership machinery (sys/kern/uipc_msg.c,
 * sys/net/netmsg.c): per-socket FIFO order across moves between netisrs
 * (design section 5), references held by messages in flight (section 4),
 * and closing sockets while messages for them are queued.
 *
 * The cases use a private protocol, "ktproto", that is never registered
 * as a domain: its send handler checks that each sender's sequence numbers
 * arrive in order on the socket's current owner.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/thread.h>
#include <sys/ktest.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/domain.h>
#include <sys/mbuf.h>
#include <net/netisr2.h>

#define KT_NSENDERS	4
#define KT_NSOCKS	4

struct ktpcb {
	uint32_t	kp_next[KT_NSENDERS];	/* [p] next expected seq */
	uint32_t	kp_count;		/* [p] messages handled */
	uint32_t	kp_misorder;		/* [p] out-of-order arrivals */
	uint32_t	kp_notowner;		/* [p] ran off the owner */
	int		kp_lastcpu;		/* [p] */
	uint32_t	kp_cpuchanges;		/* [p] */
};

struct ktrec {
	uint32_t	kr_sender;
	uint32_t	kr_seq;
};

static void
kt_attach(netmsg_t msg)
{
	struct socket *so = msg->nm_so;
	struct ktpcb *kp;

	kp = kmalloc(sizeof(*kp), M_TEMP, M_NOWAIT | M_ZERO);
	if (kp == NULL) {
		netisr_replymsg(msg, ENOBUFS);
		return;
	}
	kp->kp_lastcpu = mycpuid;
	so->so_pcb = kp;
	soref(so);				/* P */
	netisr_replymsg(msg, 0);
}

static void
kt_detach(netmsg_t msg)
{
	struct socket *so = msg->nm_so;

	kfree(so->so_pcb, M_TEMP);
	so->so_pcb = NULL;
	sorele(so);				/* P */
	netisr_replymsg(msg, 0);
}

static void
kt_send(netmsg_t msg)
{
	struct netmsg_pru_send *sm = (struct netmsg_pru_send *)msg;
	struct socket *so = msg->nm_so;
	struct ktpcb *kp = so->so_pcb;
	struct ktrec r;

	if (!so_owned_by_curthread(so))
		kp->kp_notowner++;
	if (kp->kp_lastcpu != mycpuid) {
		kp->kp_cpuchanges++;
		kp->kp_lastcpu = mycpuid;
	}
	m_copydata(sm->nm_m, 0, sizeof(r), &r);
	if (r.kr_sender >= KT_NSENDERS || r.kr_seq != kp->kp_next[r.kr_sender])
		kp->kp_misorder++;
	else
		kp->kp_next[r.kr_sender]++;
	kp->kp_count++;
	m_freem(sm->nm_m);
	netisr_replymsg(msg, 0);
}

/* A no-op that, being FIFO behind everything sent before, drains. */
static void
kt_control(netmsg_t msg)
{
	struct netmsg_pru_control *cm = (struct netmsg_pru_control *)msg;

	memcpy(cm->nm_data, msg->nm_so->so_pcb, sizeof(struct ktpcb));
	netisr_replymsg(msg, 0);
}

static void
kt_unsupported(netmsg_t msg)
{
	netisr_replymsg(msg, EOPNOTSUPP);
}

static struct pr_usrreqs kt_usrreqs = {
	.pru_abort = kt_detach,
	.pru_accept = kt_unsupported,
	.pru_attach = kt_attach,
	.pru_bind = kt_unsupported,
	.pru_connect = kt_unsupported,
	.pru_connect2 = kt_unsupported,
	.pru_control = kt_control,
	.pru_detach = kt_detach,
	.pru_disconnect = kt_unsupported,
	.pru_listen = kt_unsupported,
	.pru_peeraddr = kt_unsupported,
	.pru_rcvd = kt_unsupported,
	.pru_send = kt_send,
	.pru_shutdown = kt_unsupported,
	.pru_sockaddr = kt_unsupported,
};

static struct domain kt_domain;
static struct protosw kt_protosw = {
	.pr_type = SOCK_DGRAM,
	.pr_domain = &kt_domain,
	.pr_usrreqs = &kt_usrreqs,
	.pr_name = "ktest/dgram",
};
static struct domain kt_domain = {
	.dom_family = 250,
	.dom_name = "ktest",
	.dom_protosw = &kt_protosw,
	.dom_protoswNPROTOSW = &kt_protosw + 1,
};

static struct socket *
kt_socket(int cpu)
{
	struct socket *so;

	so = soalloc(&kt_protosw, SOCK_DGRAM, M_WAITOK);
	so->so_port = netisr_cpuport(cpu);
	if (so_pru_attach(so, 0, NULL) != 0) {
		sorele(so);
		return (NULL);
	}
	return (so);
}

static void
kt_close(struct socket *so)
{
	(void)so_pru_detach(so);
	atomic_set_int(&so->so_ustate, SS_NOFDREF);
	sorele(so);
}

static struct socket *kt_socks[KT_NSOCKS];
static volatile int kt_stop;
static uint32_t kt_per_sender;
static volatile u_int kt_moves_done;

static void
kt_sender(void *arg)
{
	uint32_t id = (uint32_t)(uintptr_t)arg;

	for (uint32_t seq = 0; seq < kt_per_sender; seq++) {
		for (int i = 0; i < KT_NSOCKS; i++) {
			struct ktrec r = { id, seq };
			struct mbuf *m = m_get(M_WAITOK, MT_DATA);

			if (m == NULL) {
				ktest_fail(__FILE__, __LINE__, "m_get");
				return;
			}
			memcpy(mtod(m, void *), &r, sizeof(r));
			m->m_len = sizeof(r);
			so_pru_send_async(kt_socks[i], 0, m, NULL, NULL, 0);
		}
		if ((seq & 63) == 0)
			lwkt_yield();
	}
}

static void
kt_mover(void *arg)
{
	uint32_t rnd = 12345;

	while (!atomic_load_int(&kt_stop)) {
		for (int i = 0; i < KT_NSOCKS; i++) {
			rnd = rnd * 1103515245 + 12345;
			if (so_move(kt_socks[i], (rnd >> 16) % ncpus) == 0)
				atomic_add_int(&kt_moves_done, 1);
		}
		lwkt_yield();
	}
}

/*
 * Senders on every CPU post numbered messages to four sockets while a
 * mover keeps handing the sockets to random netisrs: every message must
 * be handled once, by the current owner, each sender's in order.
 */
KTEST(socket_move_keeps_per_socket_fifo_order, 60)
{
	struct ktpcb st;
	struct netisr_stats ns;
	uint64_t moves = 0;
	int i;

	kt_per_sender = 400;
	kt_stop = 0;
	for (i = 0; i < KT_NSOCKS; i++) {
		kt_socks[i] = kt_socket(i % ncpus);
		KT_ASSERT(kt_socks[i] != NULL);
	}
	for (i = 0; i < KT_NSENDERS; i++)
		ktest_spawn(kt_sender, (void *)(uintptr_t)i, i % ncpus,
		    "ktsend");
	ktest_spawn(kt_mover, NULL, ncpus - 1, "ktmove");
	/* Let the senders finish, then stop the mover. */
	for (int spin = 0; spin < 2000; spin++) {
		uint32_t total = 0;

		for (i = 0; i < KT_NSOCKS; i++) {
			KT_ASSERT_EQ(so_pru_control(kt_socks[i], 0, &st), 0);
			total += st.kp_count;
		}
		if (total == KT_NSOCKS * KT_NSENDERS * kt_per_sender)
			break;
		tsleep(&kt_stop, 0, "ktwait", 1);
	}
	atomic_store_int(&kt_stop, 1);
	ktest_join();
	for (i = 0; i < KT_NSOCKS; i++) {
		KT_ASSERT_EQ(so_pru_control(kt_socks[i], 0, &st), 0);
		KT_ASSERT_EQ(st.kp_count, KT_NSENDERS * kt_per_sender);
		KT_ASSERT_EQ(st.kp_misorder, 0);
		KT_ASSERT_EQ(st.kp_notowner, 0);
		for (int s = 0; s < KT_NSENDERS; s++)
			KT_ASSERT_EQ(st.kp_next[s], kt_per_sender);
	}
	for (i = 0; i < ncpus; i++) {
		KT_ASSERT_EQ(netisr_stats(i, &ns), 0);
		moves += ns.ns_moves;
	}
	if (ncpus > 1) {
		KT_ASSERT_MSG(kt_moves_done > 0 && moves > 0,
		    "no socket moved (%u, %lu)", kt_moves_done, moves);
	}
	for (i = 0; i < KT_NSOCKS; i++)
		kt_close(kt_socks[i]);
}

/*
 * Close (detach, drop the last descriptor reference) while senders still
 * post to the socket: queued messages keep the socket alive, find no pcb
 * and free their data; nothing leaks (the runner checks) and nothing is
 * touched after free (INVARIANTS poisons freed memory).
 */
KTEST(socket_close_with_messages_in_flight_frees_once, 60)
{
	int i;

	kt_per_sender = 200;
	for (i = 0; i < KT_NSOCKS; i++) {
		kt_socks[i] = kt_socket((i + 1) % ncpus);
		KT_ASSERT(kt_socks[i] != NULL);
		soref(kt_socks[i]);		/* the senders' hold */
	}
	for (i = 0; i < KT_NSENDERS; i++)
		ktest_spawn(kt_sender, (void *)(uintptr_t)i, i % ncpus,
		    "ktsend");
	tsleep(&kt_stop, 0, "ktwait", 2);
	for (i = 0; i < KT_NSOCKS; i++)
		kt_close(kt_socks[i]);
	ktest_join();
	for (i = 0; i < KT_NSOCKS; i++) {
		/* Wait until only our hold is left, then drop it. */
		for (int spin = 0; spin < 1000 &&
		    atomic_load_int(&kt_socks[i]->so_refs) > 1; spin++)
			tsleep(&kt_stop, 0, "ktdrain", 1);
		KT_ASSERT_EQ(kt_socks[i]->so_refs, 1);
		KT_ASSERT(kt_socks[i]->so_pcb == NULL);
		sorele(kt_socks[i]);
	}
}

/* Explicit moves: so_move() to every CPU and back; ownership follows. */
KTEST(socket_move_changes_owner_port_after_receipt, 30)
{
	struct socket *so = kt_socket(0);
	struct ktpcb st;

	KT_ASSERT(so != NULL);
	for (int cpu = 0; cpu < ncpus; cpu++) {
		KT_ASSERT_EQ(so_move(so, cpu), 0);
		KT_ASSERT_EQ(so_owner_cpu(so), cpu);
		KT_ASSERT(so->so_port == netisr_cpuport(cpu));
		KT_ASSERT_EQ(so_pru_control(so, 0, &st), 0);
	}
	KT_ASSERT_EQ(so_move(so, ncpus), EINVAL);
	KT_ASSERT_EQ(so_move(so, -1), EINVAL);
	KT_ASSERT_EQ(so_move(so, 0), 0);
	KT_ASSERT_EQ(so_owner_cpu(so), 0);
	kt_close(so);
}
