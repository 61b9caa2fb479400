/*
 * kern/uipc_socket.c: the protocol-independent socket layer, user side.
 *
 * BIG THEORY STATEMENT: THE SOCKET LIFE CYCLE
 *
 * Background.  A socket is shared by two kinds of threads: processes in
 * system calls (user context) and the netisr thread that owns it (see
 * ../shared/design/socket-layer.md; ownership letters on every field in
 * sys/sys/socketvar.h).  Locks would make every path a question of which
 * lock covers what; here most of the answer is "the owner": protocol
 * state is touched only by one thread, and user context asks it by
 * message (uipc_msg.c).  What remains shared is small and named: the
 * socket buffers (a spinlock each), the accept queues (one leaf spinlock
 * in the listener), the user-owned flag words (atomics), so_error (an
 * atomic exchange), and the reference count.
 *
 * References.  so_refs [a] counts every holder; the socket is freed only
 * by the sorele() that drops the last one, in sofree(), the one free
 * path.  The holders:
 *   D  the descriptor (its struct file): from socreate()/soaccept() to
 *      soclose(), or the creator's reference for kernel sockets;
 *   P  the protocol: from a successful pru_attach until pru_detach or
 *      pru_abort, which cannot fail and drop it (sorele in the owner);
 *   Q  membership in a listener's accept queue (the child's own first
 *      reference, handed to the descriptor by soaccept());
 *   H  a queued child's hold on its listener (so_head);
 *   M  every in-flight message naming the socket (uipc_msg.c): taken
 *      when it is built, dropped when it is replied or consumed.
 *
 * Who calls what, and the counts it asserts:
 *   soalloc()    socreate(), sonewconn(): a zeroed socket, refs 1.
 *   socreate()   user or kernel thread: soalloc, pick the owner
 *                (pr_initcpu), pru_attach by message.  Returns refs 2
 *                (D + P) on success; on failure the one reference is
 *                dropped and the socket freed.
 *   sonewconn()  the listener's owner, in a protocol handler: soalloc,
 *                attach directly (we are the owner), queue on the head:
 *                refs 2 (Q + P), and H on the head.
 *   soaccept()   user context: dequeue under so_qlock; Q becomes D;
 *                drops H.
 *   soclose()    user context, from the last fdrop: a listener first
 *                marks its queues closed (SQ_CLOSED, under so_qlock: no
 *                sonewconn can queue after that), takes every child off,
 *                and for each sends pru_abort (drops P) then drops Q and
 *                H.  Then pru_detach (drops P) and finally sorele (D).
 *   soabort      is pru_abort through so_pru_abort(): only for sockets
 *                that never reached a descriptor.
 *   sofree()     only from sorele() at zero: asserts no pcb, not queued,
 *                empty queues; disposes of buffered data (control
 *                messages through dom_dispose, which never sleeps, since
 *                a netisr may drop the last reference).
 *
 * Why no close can free what a protocol thread still uses: the protocol
 * holds P until its own detach handler runs, in its own thread; every
 * message in flight holds M; a queued child holds H on its head.  So a
 * handler that runs has a live socket, whatever order closes and
 * deliveries happen in, and a late message for a detached socket finds
 * so_pcb == NULL and gets ECONNRESET (sys/net/netmsg.c) instead of a
 * freed pcb.
 *
 *   close() in user context              owner netisr
 *   -----------------------              ------------
 *   so_pru_send_async (M+1) ---------->  [send queued]
 *   soclose: so_pru_detach (M+1) ----->  [send, detach queued]
 *                                        runs send: pcb alive
 *                                        runs detach: pcb freed, P-1
 *   <---------------------------------  reply detach, M-1
 *                                        send's reply: M-1 (afree port)
 *   sorele: D-1; the last of D, M frees
 *
 * Alternatives rejected: FreeBSD's sotryfree()/SS_PROTOREF flag dance
 * (two free paths, each with its own lock order); DragonFly's
 * tokens around the pcb (ordering again rests on a lock).
 *
 * Entry points (all user context unless said): socreate, sobind,
 * solisten, soaccept, soconnect, sosend, soreceive, soshutdown, soclose,
 * sosetopt, sogetopt, sopoll; sorele anywhere.  Sending and receiving
 * follow section 6 of the design: see the comments at sosend() and
 * soreceive().
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/thread.h>
#include <sys/signalvar.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/domain.h>
#include <sys/mbuf.h>
#include <sys/uio.h>
#include <sys/poll.h>
#include <sys/sysctl.h>
#include <net/netisr2.h>

/* SO_SNDTIMEO/SO_RCVTIMEO's value: FreeBSD amd64's struct timeval. */
struct so_timeval {
	int64_t	tv_sec;
	long	tv_usec;
};

MALLOC_DEFINE(M_SOCKET, "socket", "struct socket");
MALLOC_DEFINE(M_SONAME, "soname", "socket addresses");

int numopensockets;			/* [a] sockets allocated now */
static u_int so_gencnt;			/* [a] allocation numbers */
static struct spinlock so_list_lock;	/* covers so_list */
static LIST_HEAD(, socket) so_list = LIST_HEAD_INITIALIZER(so_list);
static int so_list_ready;

static void
solist_init(void)
{
	if (!atomic_load_int(&so_list_ready)) {
		spin_init(&so_list_lock, "solist", SPINRANK_SOLIST);
		atomic_store_int(&so_list_ready, 1);
	}
}

/* ---- Allocation and the one free path ------------------------------ */

struct socket *
soalloc(struct protosw *pr, int type, int how)
{
	struct socket *so;

	so = kmalloc(sizeof(*so), M_SOCKET, how | M_ZERO);
	if (so == NULL)
		return (NULL);
	so->so_refs = 1;
	so->so_type = type;
	so->so_proto = pr;
	sbinit(&so->so_rcv, "so_rcv");
	sbinit(&so->so_snd, "so_snd");
	spin_init(&so->so_qlock, "so_qlock", SPINRANK_SOQ);
	TAILQ_INIT(&so->so_incomp);
	TAILQ_INIT(&so->so_comp);
	TAILQ_INIT(&so->so_msgpark);
	so->so_seq_next = 1;
	so->so_gen = atomic_fetchadd_int(&so_gencnt, 1);
	atomic_add_int(&numopensockets, 1);
	atomic_add_int(&pr->pr_nsockets, 1);
	spin_lock(&so_list_lock);
	LIST_INSERT_HEAD(&so_list, so, so_all);
	spin_unlock(&so_list_lock);
	return (so);
}

static void
sofree(struct socket *so)
{
	SO_REFS_ASSERT(so, so->so_refs == 0);
	KASSERT(so->so_pcb == NULL, ("sofree: socket %p: pcb %p", so,
	    so->so_pcb));
	KASSERT(so->so_head == NULL && !(so->so_state & (SS_INCOMP | SS_COMP)),
	    ("sofree: socket %p still queued on %p", so, so->so_head));
	KASSERT(TAILQ_EMPTY(&so->so_incomp) && TAILQ_EMPTY(&so->so_comp),
	    ("sofree: listener %p: queues not empty", so));
	KASSERT(so->so_snd.sb_iolock == NULL && so->so_rcv.sb_iolock == NULL,
	    ("sofree: socket %p: I/O lock held", so));
	KASSERT(TAILQ_EMPTY(&so->so_msgpark),
	    ("sofree: socket %p: parked messages", so));
	spin_lock(&so_list_lock);
	LIST_REMOVE(so, so_all);
	spin_unlock(&so_list_lock);
	sbrelease(&so->so_rcv, so);
	sbrelease(&so->so_snd, so);
	seldrain(&so->so_rcv.sb_sel);
	seldrain(&so->so_snd.sb_sel);
	atomic_subtract_int(&so->so_proto->pr_nsockets, 1);
	atomic_subtract_int(&numopensockets, 1);
	kfree(so, M_SOCKET);
}

void
sorele(struct socket *so)
{
	u_int old = atomic_fetchadd_int(&so->so_refs, -1);

	KASSERT(old > 0 && old < 0x10000000,
	    ("sorele: socket %p: so_refs was %u", so, old));
	if (old == 1)
		sofree(so);
}

/* Take a reference unless the socket is already on its way out. */
static int
soref_live(struct socket *so)
{
	u_int old;

	do {
		old = atomic_load_int(&so->so_refs);
		if (old == 0)
			return (0);
	} while (!atomic_cmpset_int(&so->so_refs, old, old + 1));
	return (1);
}

int
sockets_inuse(void)
{
	return (atomic_load_int(&numopensockets));
}

/* ---- Creation, naming, connection ---------------------------------- */

int
socreate(int dom, struct socket **aso, int type, int proto,
    struct thread *td)
{
	struct protosw *pr;
	struct socket *so;
	struct proc *p = td != NULL ? td->td_proc : NULL;
	int cpu, error;

	ASSERT_SO_USER();
	solist_init();
	if (proto != 0)
		pr = pffindproto(dom, proto, type);
	else
		pr = pffindtype(dom, type);
	if (pr == NULL || pr->pr_usrreqs == NULL) {
		if (pffinddomain(dom) == NULL)
			return (EAFNOSUPPORT);
		if (proto == 0 && type != 0)
			return (EPROTOTYPE);
		return (EPROTONOSUPPORT);
	}
	if (pr->pr_type != type)
		return (EPROTOTYPE);
	so = soalloc(pr, type, M_WAITOK);
	if (p != NULL) {
		so->so_cred = p->p_ucred;
		so->so_pid = p->p_pid;
	}
	cpu = pr->pr_initcpu != NULL ? pr->pr_initcpu(so) : mycpuid;
	so->so_port = netisr_cpuport(cpu);
	error = so_pru_attach(so, proto, td);
	if (error != 0) {
		KASSERT(so->so_pcb == NULL,
		    ("socreate: failed attach left pcb %p", so->so_pcb));
		atomic_set_int(&so->so_ustate, SS_NOFDREF);
		SO_REFS_ASSERT(so, so->so_refs == 1);
		sorele(so);
		return (error);
	}
	SO_REFS_ASSERT(so, so->so_refs == 2);		/* D + P */
	*aso = so;
	return (0);
}

int
sobind(struct socket *so, struct sockaddr *nam, struct thread *td)
{
	ASSERT_SO_USER();
	return (so_pru_bind(so, nam, td));
}

/*
 * listen(): the protocol checks and records what it needs in its handler;
 * the queue limit and SQ_LISTEN are set here, under so_qlock, once the
 * protocol agreed.  backlog < 0 or > somaxconn means somaxconn.
 */
int
solisten(struct socket *so, int backlog, struct thread *td)
{
	int max = atomic_load_int(&somaxconn), error;

	ASSERT_SO_USER();
	if (backlog < 0 || backlog > max)
		backlog = max;
	error = so_pru_listen(so, backlog, td);
	if (error != 0)
		return (error);
	SOQ_LOCK(so);
	if (!(so->so_qstate & SQ_CLOSED)) {
		so->so_qlimit = backlog;
		so->so_qstate |= SQ_LISTEN;
	}
	SOQ_UNLOCK(so);
	atomic_set_int(&so->so_options, SO_ACCEPTCONN);
	return (0);
}

/* Take the first completed connection off head (so_qlock held). */
static struct socket *
soq_takefirst(struct socket *head)
{
	struct socket *so;

	SOQ_LOCK_ASSERT(head);
	so = TAILQ_FIRST(&head->so_comp);
	if (so == NULL)
		return (NULL);
	TAILQ_REMOVE(&head->so_comp, so, so_qlist);
	head->so_qlen--;
	atomic_clear_int(&so->so_state, SS_COMP);
	so->so_head = NULL;
	return (so);
}

/*
 * accept(): wait for a completed connection.  The sleep's interlock is
 * the head's so_rcv lock, which sonewconn()/soisconnected() take (in
 * sorwakeup) after queueing; the queue itself is read under so_qlock,
 * taken inside (SOCKBUF < SOQ).
 */
int
soaccept(struct socket *head, int nbio, struct socket **aso)
{
	struct socket *so = NULL;
	int error = 0;

	ASSERT_SO_USER();
	if (!(atomic_load_int(&head->so_options) & SO_ACCEPTCONN))
		return (EINVAL);
	SOCKBUF_LOCK(&head->so_rcv);
	for (;;) {
		SOQ_LOCK(head);
		if (head->so_qstate & SQ_CLOSED)
			error = ECONNABORTED;
		else
			so = soq_takefirst(head);
		SOQ_UNLOCK(head);
		if (so != NULL || error != 0)
			break;
		if ((error = sogeterror(head)) != 0)
			break;
		if (head->so_rcv.sb_state & SBS_CANTRCVMORE) {
			error = ECONNABORTED;
			break;
		}
		if (nbio) {
			error = EWOULDBLOCK;
			break;
		}
		error = sbwait(&head->so_rcv, "accept");
		if (error != 0)
			break;
	}
	SOCKBUF_UNLOCK(&head->so_rcv);
	if (so == NULL)
		return (error);
	sorele(head);				/* H */
	atomic_clear_int(&so->so_ustate, SS_NOFDREF);
	*aso = so;				/* Q becomes D */
	return (0);
}

int
soaccept_getname(struct socket *so, struct sockaddr **nam)
{
	return (so_pru_accept(so, nam));
}

/*
 * connect().  Connection-oriented sockets connect once (EISCONN); others
 * may reconnect.  The owner sets SS_ISCONNECTING and clears it, however
 * the attempt ends: we only wait for that, under so_rcv's lock (the
 * owner changes so_state under it, see so_setstate()).
 */
int
soconnect(struct socket *so, struct sockaddr *nam, struct thread *td,
    int nbio)
{
	int error;

	ASSERT_SO_USER();
	if (atomic_load_int(&so->so_options) & SO_ACCEPTCONN)
		return (EOPNOTSUPP);
	if (so->so_state & SS_ISCONNECTING)
		return (EALREADY);
	if ((so->so_state & SS_ISCONNECTED) &&
	    (so->so_proto->pr_flags & PR_CONNREQUIRED))
		return (EISCONN);
	error = so_pru_connect(so, nam, td, nbio ? PRUC_NBIO : 0);
	if (error != 0)
		return (error);
	return (sowaitconnect(so, nbio));
}

int
sowaitconnect(struct socket *so, int nbio)
{
	int error = 0;

	SOCKBUF_LOCK(&so->so_rcv);
	while ((so->so_state & SS_ISCONNECTING) && so->so_error == 0) {
		if (nbio) {
			error = EINPROGRESS;
			break;
		}
		error = ssleep(&so->so_state, &so->so_rcv.sb_lock, PCATCH,
		    "connec", 0);
		if (error != 0)
			break;
	}
	SOCKBUF_UNLOCK(&so->so_rcv);
	if (error == 0)
		error = sogeterror(so);
	return (error);
}

int
soconnect2(struct socket *so1, struct socket *so2)
{
	ASSERT_SO_USER();
	return (so_pru_connect2(so1, so2));
}

/* ---- Sending ------------------------------------------------------- */

static int
so_nbio(struct socket *so, int flags)
{
	return ((flags & (MSG_DONTWAIT | MSG_NBIO)) ||
	    (atomic_load_int(&so->so_ustate) & SS_NBIO));
}

/*
 * Wait until len bytes (atomic) or at least the low-water mark fit in
 * so_snd, then charge what we will send to sb_prealloc.  Returns with
 * the lock dropped; *chargep is the charge.
 */
static int
sosend_reserve(struct socket *so, struct sockaddr *addr, long resid,
    long clen, int flags, int whole, u_int *chargep)
{
	struct sockbuf *sb = &so->so_snd;
	int atomic = (so->so_proto->pr_flags & PR_ATOMIC) || whole, error;
	long space;

	SOCKBUF_LOCK(sb);
	for (;;) {
		if (sb->sb_state & SBS_CANTSENDMORE) {
			error = EPIPE;
			break;
		}
		if ((error = sogeterror(so)) != 0)
			break;
		if (!(so->so_state & SS_ISCONNECTED)) {
			if (so->so_proto->pr_flags & PR_CONNREQUIRED) {
				error = ENOTCONN;
				break;
			}
			if (addr == NULL) {
				error = EDESTADDRREQ;
				break;
			}
		} else if (addr != NULL &&
		    (so->so_proto->pr_flags & PR_CONNREQUIRED)) {
			error = EISCONN;
			break;
		}
		if (atomic && resid > sb->sb_hiwat) {
			error = EMSGSIZE;
			break;
		}
		space = sbspace(sb);
		if (space >= resid + clen || (!atomic && space > 0 &&
		    space >= (long)sb->sb_lowat && space >= clen)) {
			if (space > resid + clen)
				space = resid + clen;
			*chargep = space;
			sb->sb_prealloc += space;
			SOCKBUF_UNLOCK(sb);
			return (0);
		}
		if (so_nbio(so, flags)) {
			error = EWOULDBLOCK;
			break;
		}
		error = sbwait(sb, "sbwait");
		if (error != 0)
			break;
	}
	SOCKBUF_UNLOCK(sb);
	return (error);
}

/*
 * sosend: copy user data into mbufs and hand them to the owner.  The
 * send I/O lock keeps writers in order; space is charged before the copy
 * (sb_prealloc) so asynchronous sends cannot overrun the buffer; the
 * owner releases the charge when it has taken the data.  Datagram
 * protocols (PR_ADDR) send synchronously so the caller gets ENOBUFS or
 * ECONNREFUSED from the receiver; others asynchronously.
 *
 * Kernel callers pass top (a ready chain) and no uio.  EPIPE comes back
 * without a signal: the system-call layer raises SIGPIPE.
 */
int
sosend(struct socket *so, struct sockaddr *addr, struct uio *uio,
    struct mbuf *top, struct mbuf *control, int flags, struct thread *td)
{
	struct protosw *pr = so->so_proto;
	struct mbuf *rawcontrol;
	long resid, resid0, clen;
	u_int charge;
	int error, prflags, sent = 0;

	ASSERT_SO_USER();
	resid = uio != NULL ? uio->uio_resid : m_length(top, NULL);
	resid0 = resid;
	/* Until internalized, a user's control message holds no files. */
	rawcontrol = (td != NULL && td->td_proc != NULL && uio != NULL &&
	    uio->uio_segflg == UIO_USERSPACE) ? control : NULL;
	/* FreeBSD: a byte stream has no records for MSG_EOR to end. */
	if (resid < 0 || (so->so_type == SOCK_STREAM && (flags & MSG_EOR))) {
		error = EINVAL;
		goto out;
	}
	if (resid == 0 && control == NULL && !(pr->pr_flags & PR_ATOMIC)) {
		error = 0;		/* nothing to send on a stream */
		goto out;
	}
	if (flags & MSG_OOB) {
		error = EOPNOTSUPP;	/* no protocol here has urgent data */
		goto out;
	}
	if (control != NULL && rawcontrol != NULL &&
	    pr->pr_domain->dom_internalize != NULL) {
		error = pr->pr_domain->dom_internalize(&control, td);
		if (error != 0) {
			control = NULL;	/* internalize freed it */
			goto out;
		}
	}
	rawcontrol = NULL;
	clen = control != NULL ? m_length(control, NULL) : 0;
	error = sblock(&so->so_snd, (flags & MSG_DONTWAIT) ? 0 : SBL_WAIT);
	if (error != 0)
		goto out;
	do {
		error = sosend_reserve(so, addr, resid, clen, flags,
		    top != NULL, &charge);
		if (error != 0)
			break;
		if (uio != NULL && charge == clen) {
			top = m_gethdr(M_WAITOK, MT_DATA);
			if (top == NULL) {
				sbprealloc_release(&so->so_snd, charge);
				error = ENOBUFS;
				break;
			}
		} else if (uio != NULL) {
			error = m_uiotombuf2(uio, M_WAITOK, charge - clen,
			    (pr->pr_flags & PR_ATOMIC) ? M_PKTHDR : 0, &top);
			if (error != 0) {
				sbprealloc_release(&so->so_snd, charge);
				break;
			}
		}
		prflags = 0;
		if ((flags & MSG_EOR) || (pr->pr_flags & PR_ATOMIC))
			prflags |= PRUS_EOR;
		if (flags & MSG_EOF)
			prflags |= PRUS_EOF;
		resid -= charge - clen;
		sent += charge - clen;
		/*
		 * The last piece goes synchronously, so that when write()
		 * returns the data is in the receiver's buffer (poll and
		 * FIONREAD on the peer see it, as in FreeBSD), and so a
		 * datagram sender gets ENOBUFS or ECONNREFUSED.  Earlier
		 * pieces of a long write go asynchronously: they are ahead
		 * of the last one on the owner's port (per-socket order),
		 * so its reply means all of them were taken.
		 */
		if (resid == 0 || (pr->pr_flags & PR_ADDR) || top != NULL ||
		    uio == NULL)
			error = so_pru_send(so, prflags, top, addr, control,
			    td, charge);
		else
			so_pru_send_async(so, prflags, top, addr, control,
			    charge);
		top = NULL;
		control = NULL;
		clen = 0;
	} while (resid > 0 && error == 0);
	sbunlock(&so->so_snd);
	/* A record that was not sent was not sent at all. */
	if (error != 0 && (pr->pr_flags & PR_ATOMIC) && uio != NULL)
		uio->uio_resid = resid0;
	/* A full datagram receiver: non-blocking senders see EAGAIN. */
	if (error == ENOBUFS && (pr->pr_flags & PR_ADDR) && so_nbio(so, flags))
		error = EWOULDBLOCK;
	/* A partial write that was interrupted or would block succeeds. */
	if (sent > 0 && uio != NULL && !(pr->pr_flags & PR_ATOMIC) &&
	    (error == EWOULDBLOCK || error == EINTR || error == ERESTART))
		error = 0;
out:
	m_freem(top);
	if (control != NULL && control == rawcontrol)
		m_freem(control);
	else if (control != NULL)
		sodispose_control(so, control);
	return (error);
}

/* ---- Receiving ----------------------------------------------------- */

/*
 * Wait (so_rcv locked) until the buffer has what the caller needs:
 * *need bytes (stream) or a record.  0 with data, or 0 at EOF (the
 * buffer is empty and SBS_CANTRCVMORE), or an errno.
 */
static int
soreceive_wait(struct socket *so, long need, int flags, int *eofp)
{
	struct sockbuf *sb = &so->so_rcv;
	long data;
	int error;

	*eofp = 0;
	for (;;) {
		SOCKBUF_LOCK_ASSERT(sb);
		data = sb->sb_mb != NULL ? (long)(sb->sb_cc - sb->sb_ctl) : -1;
		if (sb->sb_mb != NULL && (data >= need ||
		    sb->sb_mb->m_type == MT_CONTROL ||
		    sb->sb_mb->m_type == MT_SONAME ||
		    (so->so_proto->pr_flags & PR_ATOMIC)))
			return (0);
		if (atomic_load_int(&so->so_error) != 0)
			return (data > 0 ? 0 : sogeterror(so));
		if (sb->sb_state & SBS_CANTRCVMORE) {
			*eofp = 1;
			return (0);
		}
		if (data > 0 && (flags & MSG_PEEK))
			return (0);
		if (!(so->so_state & (SS_ISCONNECTED | SS_ISCONNECTING)) &&
		    (so->so_proto->pr_flags & PR_CONNREQUIRED))
			return (ENOTCONN);
		if (so_nbio(so, flags))
			return (data > 0 ? 0 : EWOULDBLOCK);
		error = sbwait(sb, "sbwait");
		if (error != 0)
			return (error);
	}
}

/* The last mbuf of a chain ends a record. */
static int
m_last_eor(struct mbuf *m)
{
	while (m->m_next != NULL)
		m = m->m_next;
	return ((m->m_flags & M_EOR) != 0);
}

/* Append chain m to the chain at *mp. */
static void
m_cat_tail(struct mbuf **mp, struct mbuf *m)
{
	while (*mp != NULL)
		mp = &(*mp)->m_next;
	*mp = m;
}

/*
 * Control messages at the front of a record go to *controlp (converted
 * for the receiving process by the domain), or are disposed of.
 */
static int
soreceive_control(struct socket *so, struct mbuf *ctl, struct mbuf **controlp,
    int flags)
{
	struct domain *dom = so->so_proto->pr_domain;
	struct mbuf **tailp, *m;
	int error = 0;

	if (controlp == NULL) {
		if (ctl != NULL)
			sodispose_control(so, ctl);
		return (0);
	}
	for (tailp = controlp; *tailp != NULL; tailp = &(*tailp)->m_next)
		;
	while (ctl != NULL) {
		m = ctl;
		ctl = ctl->m_next;
		m->m_next = NULL;
		if (dom->dom_externalize != NULL && error == 0)
			error = dom->dom_externalize(m, flags);
		else if (dom->dom_externalize != NULL) {
			sodispose_control(so, m);
			continue;
		}
		*tailp = m;
		tailp = &m->m_next;
	}
	return (error);
}

/* Put data the copy-out could not deliver back at the buffer's front. */
static void
sbprepend_data(struct sockbuf *sb, struct mbuf *m)
{
	struct mbuf *n, *last = NULL;

	if (m == NULL)
		return;
	SOCKBUF_LOCK(sb);
	for (n = m; n != NULL; n = n->m_next) {
		sballoc_locked(sb, n);
		sb->sb_total -= n->m_len;	/* not new data */
		sb->sb_consumed -= n->m_len;
		last = n;
	}
	if (sb->sb_mb == NULL) {
		sb->sb_mb = sb->sb_lastrecord = m;
		sb->sb_mbtail = last;
	} else {
		last->m_next = sb->sb_mb;
		m->m_nextpkt = sb->sb_mb->m_nextpkt;
		sb->sb_mb->m_nextpkt = NULL;
		if (sb->sb_lastrecord == sb->sb_mb)
			sb->sb_lastrecord = m;
		sb->sb_mb = m;
	}
	SOCKBUF_UNLOCK(sb);
}

/* Data bytes in the first record before any control. */
static long
sb_firstdata(struct sockbuf *sb)
{
	struct mbuf *m;
	long n = 0;

	for (m = sb->sb_mb; m != NULL; m = m->m_next)
		if (m->m_type != MT_CONTROL && m->m_type != MT_SONAME)
			n += m->m_len;
	return (n);
}

/* Cut the leading control/name mbufs of the first record. */
static struct mbuf *
sbcut_control_locked(struct sockbuf *sb)
{
	struct mbuf *head = NULL, **tailp = &head, *m;

	while ((m = sb->sb_mb) != NULL &&
	    (m->m_type == MT_CONTROL || m->m_type == MT_SONAME)) {
		sb->sb_mb = m->m_next;
		if (sb->sb_mb != NULL)
			sb->sb_mb->m_nextpkt = m->m_nextpkt;
		else
			sb->sb_mb = m->m_nextpkt;
		if (sb->sb_lastrecord == m)
			sb->sb_lastrecord = sb->sb_mb;
		if (sb->sb_mbtail == m)
			sb->sb_mbtail = NULL;
		m->m_next = m->m_nextpkt = NULL;
		sbfree_locked(sb, m);
		*tailp = m;
		tailp = &m->m_next;
	}
	if (sb->sb_mb == NULL)
		sb->sb_lastrecord = sb->sb_mbtail = NULL;
	return (head);
}

/*
 * A stream: copy what is there (all of it with MSG_WAITALL), never
 * crossing a record that starts with control after data was copied.
 */
static int
soreceive_stream(struct socket *so, struct uio *uio, struct mbuf **mp0,
    struct mbuf **controlp, int *flagsp)
{
	struct sockbuf *sb = &so->so_rcv;
	int flags = *flagsp, eof, error = 0, copied = 0;
	struct mbuf *m, *ctl;
	long len, need, resid;

	resid = uio != NULL ? uio->uio_resid : (mp0 != NULL ? __LONG_MAX__ / 2 : 0);
	SOCKBUF_LOCK(sb);
	while (resid > 0) {
		/*
		 * MSG_WAITALL takes what is there and waits for more, so
		 * the sender (whose space this data still occupies) can go
		 * on; otherwise wait for the low-water mark.
		 */
		if (flags & MSG_WAITALL)
			need = 1;
		else
			need = (long)sb->sb_lowat > copied ?
			    (long)sb->sb_lowat - copied : 1;
		if (need > resid)
			need = resid;
		error = soreceive_wait(so, need, flags, &eof);
		if (error != 0 || (eof && sb_firstdata(sb) == 0))
			break;
		if (sb->sb_mb == NULL)
			continue;
		if (sb->sb_mb->m_type == MT_CONTROL) {
			if (copied > 0)
				break;
			if (flags & MSG_PEEK) {
				/* Peeking leaves control where it is. */
				if (sb_firstdata(sb) == 0)
					break;
			} else {
				ctl = sbcut_control_locked(sb);
				SOCKBUF_UNLOCK(sb);
				error = soreceive_control(so, ctl, controlp,
				    flags);
				SOCKBUF_LOCK(sb);
				if (error != 0)
					break;
				continue;
			}
		}
		len = sb_firstdata(sb);
		if (len > resid)
			len = resid;
		if (len == 0)
			break;
		if (flags & MSG_PEEK) {
			m = sb->sb_mb;
			while (m != NULL && m->m_type == MT_CONTROL)
				m = m->m_next;
			m = m_copym(m, 0, len, M_NOWAIT);
			SOCKBUF_UNLOCK(sb);
			if (m == NULL)
				return (ENOBUFS);
			error = m_mbuftouio(uio, m, len);
			m_freem(m);
			if (error == 0)
				copied += len;
			goto done;
		}
		m = sbcut_locked(sb, len);
		if (m == NULL) {
			error = ENOBUFS;	/* could not split an mbuf */
			break;
		}
		len = m_length(m, NULL);
		SOCKBUF_UNLOCK(sb);
		if (mp0 != NULL) {
			m_cat_tail(mp0, m);
		} else {
			error = m_mbuftouio(uio, m, len);
			if (error != 0) {
				long left = uio->uio_resid;
				long done = resid - left;
				/* Put back what did not reach the user. */
				m_adj(m, (int)done);
				sbprepend_data(sb, m);
				copied += done;
				SOCKBUF_LOCK(sb);
				break;
			}
			m_freem(m);
		}
		copied += len;
		resid -= len;
		if (so->so_proto->pr_flags & PR_WANTRCVD)
			so_pru_rcvd_async(so);
		SOCKBUF_LOCK(sb);
		if (!(flags & MSG_WAITALL) && copied >= (long)sb->sb_lowat)
			break;
	}
	SOCKBUF_UNLOCK(sb);
done:
	if (copied > 0 && (error == EWOULDBLOCK || error == EINTR ||
	    error == ERESTART))
		error = 0;
	*flagsp = 0;
	return (error);
}

/*
 * Records (datagrams, seqpacket): one record per call; what does not fit
 * is dropped and MSG_TRUNC says so (unless peeking).  MSG_EOR reports a
 * record read to its end.
 */
static int
soreceive_record(struct socket *so, struct sockaddr **paddr, struct uio *uio,
    struct mbuf **controlp, int *flagsp)
{
	struct sockbuf *sb = &so->so_rcv;
	int flags = *flagsp, eof, error, outflags = 0;
	struct mbuf *rec, *m, *ctl = NULL, **ctlp = &ctl, *data = NULL;
	long len;

	SOCKBUF_LOCK(sb);
	error = soreceive_wait(so, 0, flags, &eof);
	if (error != 0 || eof || sb->sb_mb == NULL) {
		SOCKBUF_UNLOCK(sb);
		*flagsp = 0;
		return (error);
	}
	if (flags & MSG_PEEK)
		rec = m_copym(sb->sb_mb, 0, M_COPYALL, M_NOWAIT);
	else
		rec = sbcutrecord_locked(sb);
	SOCKBUF_UNLOCK(sb);
	if (rec == NULL)
		return (ENOBUFS);
	if (!(flags & MSG_PEEK) && (so->so_proto->pr_flags & PR_WANTRCVD))
		so_pru_rcvd_async(so);
	/* Split the record: name, control, data. */
	while ((m = rec) != NULL) {
		rec = m->m_next;
		m->m_next = NULL;
		if (m->m_type == MT_SONAME) {
			if (paddr != NULL && *paddr == NULL) {
				*paddr = kmalloc(m->m_len, M_SONAME, M_WAITOK);
				memcpy(*paddr, mtod(m, void *), m->m_len);
			}
			m_free(m);
		} else if (m->m_type == MT_CONTROL) {
			if (flags & MSG_PEEK)
				m_free(m);
			else {
				*ctlp = m;
				ctlp = &m->m_next;
			}
		} else {
			m->m_next = rec;
			data = m;
			break;
		}
	}
	len = m_length(data, NULL);
	if (data != NULL && (m_last_eor(data) ||
	    !(so->so_proto->pr_flags & PR_CONNREQUIRED)))
		outflags |= MSG_EOR;
	if (uio != NULL && len > 0) {
		long take = len < uio->uio_resid ? len : uio->uio_resid;

		error = m_mbuftouio(uio, data, take);
		if (take < len) {
			outflags |= MSG_TRUNC;
			outflags &= ~MSG_EOR;
		}
	}
	m_freem(data);
	if (ctl != NULL) {
		int cerr = soreceive_control(so, ctl, controlp, flags);

		if (error == 0)
			error = cerr;
	}
	if (so->so_type != SOCK_SEQPACKET)
		outflags &= ~MSG_EOR;
	*flagsp = outflags;
	return (error);
}

/*
 * soreceive: see section 6 of the design.  The I/O lock serialises
 * readers; data is detached from so_rcv under its spinlock and copied
 * out after the lock is dropped; the owner learns about consumed data
 * through a coalesced pru_rcvd when the protocol wants it.
 * *flagsp in: MSG_*; out: MSG_TRUNC, MSG_CTRUNC, MSG_EOR.
 */
int
soreceive(struct socket *so, struct sockaddr **paddr, struct uio *uio,
    struct mbuf **mp0, struct mbuf **controlp, int *flagsp)
{
	int flags = flagsp != NULL ? *flagsp : 0, error;

	ASSERT_SO_USER();
	if (paddr != NULL)
		*paddr = NULL;
	if (controlp != NULL)
		*controlp = NULL;
	if (mp0 != NULL)
		*mp0 = NULL;
	if (flags & MSG_OOB)
		return (EOPNOTSUPP);	/* no protocol here has urgent data */
	error = sblock(&so->so_rcv, (flags & MSG_DONTWAIT) ? 0 : SBL_WAIT);
	if (error != 0)
		return (error);
	if (so->so_proto->pr_flags & PR_ATOMIC)
		error = soreceive_record(so, paddr, uio, controlp, &flags);
	else
		error = soreceive_stream(so, uio, mp0, controlp, &flags);
	sbunlock(&so->so_rcv);
	if (flagsp != NULL)
		*flagsp = flags;
	return (error);
}

/* ---- Shutdown and close -------------------------------------------- */

/*
 * shutdown().  POSIX wants ENOTCONN on a socket that is not connected;
 * FreeBSD returns it but still shuts an unconnected datagram socket down
 * (programs use that to wake a thread blocked in recv), and on a
 * listener it only wakes accept() with ECONNABORTED.  We do the same.
 */
int
soshutdown(struct socket *so, int how)
{
	int enotconn, listening, error = 0;

	ASSERT_SO_USER();
	if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
		return (EINVAL);
	enotconn = !(so->so_state &
	    (SS_ISCONNECTED | SS_ISCONNECTING | SS_ISDISCONNECTING));
	listening = (atomic_load_int(&so->so_options) & SO_ACCEPTCONN) != 0;
	if (enotconn && so->so_type != SOCK_DGRAM && !listening)
		return (ENOTCONN);
	if (listening) {
		if (how != SHUT_WR) {
			atomic_store_int(&so->so_error, ECONNABORTED);
			sorwakeup(so);
		}
		return (enotconn ? ENOTCONN : 0);
	}
	if (how != SHUT_WR) {
		sofree_records(so, so_pru_shutrd(so));
		/* The flushed data no longer holds the peer's writers back. */
		if (so->so_proto->pr_flags & PR_WANTRCVD)
			so_pru_rcvd_async(so);
	}
	if (how != SHUT_RD)
		error = so_pru_shutdown(so, SHUT_WR);
	return (enotconn ? ENOTCONN : error);
}

/*
 * A closing listener: no new children may queue (SQ_CLOSED), those
 * queued are taken off and aborted through their owner, and accept()
 * sleepers wake to ECONNABORTED.
 */
static void
soclose_listener(struct socket *head)
{
	struct soqhead gone;
	struct socket *so;

	TAILQ_INIT(&gone);
	SOQ_LOCK(head);
	head->so_qstate = (head->so_qstate & ~SQ_LISTEN) | SQ_CLOSED;
	while ((so = TAILQ_FIRST(&head->so_incomp)) != NULL) {
		TAILQ_REMOVE(&head->so_incomp, so, so_qlist);
		head->so_incqlen--;
		atomic_clear_int(&so->so_state, SS_INCOMP);
		so->so_head = NULL;
		TAILQ_INSERT_TAIL(&gone, so, so_qlist);
	}
	while ((so = soq_takefirst(head)) != NULL)
		TAILQ_INSERT_TAIL(&gone, so, so_qlist);
	KASSERT(head->so_qlen == 0 && head->so_incqlen == 0,
	    ("soclose_listener: %p: qlen %u incqlen %u", head, head->so_qlen,
	    head->so_incqlen));
	SOQ_UNLOCK(head);
	sorwakeup(head);
	while ((so = TAILQ_FIRST(&gone)) != NULL) {
		TAILQ_REMOVE(&gone, so, so_qlist);
		(void)so_pru_abort(so);		/* P */
		sorele(head);			/* H */
		sorele(so);			/* Q */
	}
}

int
soclose(struct socket *so)
{
	ASSERT_SO_USER();
	atomic_set_int(&so->so_ustate, SS_ISCLOSING);
	SOQ_LOCK(so);
	if (so->so_qstate & SQ_LISTEN) {
		SOQ_UNLOCK(so);
		soclose_listener(so);
	} else {
		so->so_qstate |= SQ_CLOSED;
		SOQ_UNLOCK(so);
	}
	if (atomic_load_int(&so->so_sigio) != 0)
		(void)so_setsigio_msg(so, 0);
	(void)so_pru_detach(so);		/* P (a no-op if aborted) */
	atomic_set_int(&so->so_ustate, SS_NOFDREF);
	sorele(so);				/* D */
	return (0);
}

/* F_SETOWN/FIOSETOWN: the owner writes so_sigio. */
int
sofsetown(struct socket *so, pid_t pid)
{
	if (pid != 0 && pfind(pid < 0 ? -pid : pid) == NULL)
		return (ESRCH);
	return (so_setsigio_msg(so, pid));
}

/* ---- poll/select ---------------------------------------------------- */

static int
soreadable_locked(struct socket *so)
{
	struct sockbuf *sb = &so->so_rcv;

	SOCKBUF_LOCK_ASSERT(sb);
	if (so->so_proto->pr_flags & PR_ATOMIC)
		return (sb->sb_mb != NULL);
	return (sb->sb_cc - sb->sb_ctl >= sb->sb_lowat ||
	    (sb->sb_mb != NULL && sb->sb_mb->m_type == MT_CONTROL));
}

static int
sowriteable_locked(struct socket *so)
{
	struct sockbuf *sb = &so->so_snd;

	SOCKBUF_LOCK_ASSERT(sb);
	return ((sbspace(sb) >= (long)sb->sb_lowat &&
	    ((so->so_state & SS_ISCONNECTED) ||
	    !(so->so_proto->pr_flags & PR_CONNREQUIRED))) ||
	    (sb->sb_state & SBS_CANTSENDMORE) ||
	    atomic_load_int(&so->so_error) != 0);
}

/*
 * FreeBSD's rules (sopoll_generic).  Each test runs under the lock the
 * owner holds to change it, and a thread that finds nothing records
 * itself under that same lock, so no wakeup falls between.
 */
int
sopoll(struct socket *so, int events, struct thread *td)
{
	int revents = 0, qlen, err;

	if (atomic_load_int(&so->so_options) & SO_ACCEPTCONN) {
		if (!(events & (POLLIN | POLLRDNORM)))
			return (0);
		SOCKBUF_LOCK(&so->so_rcv);
		SOQ_LOCK(so);
		qlen = so->so_qlen;
		SOQ_UNLOCK(so);
		err = atomic_load_int(&so->so_error);
		if (qlen > 0)
			revents = events & (POLLIN | POLLRDNORM);
		else if (err != 0)
			revents = (events & (POLLIN | POLLRDNORM)) | POLLHUP;
		else
			selrecord(td, &so->so_rcv.sb_sel);
		SOCKBUF_UNLOCK(&so->so_rcv);
		return (revents);
	}
	SOCKBUF_LOCK(&so->so_rcv);
	if ((events & (POLLIN | POLLRDNORM)) && (soreadable_locked(so) ||
	    atomic_load_int(&so->so_error) != 0))
		revents |= events & (POLLIN | POLLRDNORM);
	if (so->so_rcv.sb_state & SBS_CANTRCVMORE) {
		if (!(events & POLLINIGNEOF))
			revents |= events & (POLLIN | POLLRDNORM);
		revents |= events & POLLRDHUP;
	}
	if ((events & (POLLPRI | POLLRDBAND)) &&
	    (so->so_rcv.sb_state & SBS_RCVATMARK))
		revents |= events & (POLLPRI | POLLRDBAND);
	if (revents == 0 && (events & (POLLIN | POLLRDNORM | POLLPRI |
	    POLLRDBAND | POLLRDHUP)))
		selrecord(td, &so->so_rcv.sb_sel);
	SOCKBUF_UNLOCK(&so->so_rcv);

	SOCKBUF_LOCK(&so->so_snd);
	if (events & (POLLOUT | POLLWRNORM)) {
		if (sowriteable_locked(so))
			revents |= events & (POLLOUT | POLLWRNORM);
		else if (revents == 0)
			selrecord(td, &so->so_snd.sb_sel);
	}
	SOCKBUF_UNLOCK(&so->so_snd);
	if ((events & POLLINIGNEOF) == 0 &&
	    (atomic_load_int(&so->so_rcv.sb_state) & SBS_CANTRCVMORE) &&
	    (atomic_load_int(&so->so_snd.sb_state) & SBS_CANTSENDMORE))
		revents |= POLLHUP;
	return (revents);
}

/* ---- Socket options ------------------------------------------------- */

int
sooptcopyin(struct sockopt *sopt, void *buf, size_t len, size_t minlen)
{
	size_t valsize = sopt->sopt_valsize;

	if (valsize < minlen)
		return (EINVAL);
	if (valsize > len)
		sopt->sopt_valsize = valsize = len;
	if (sopt->sopt_td != NULL)
		return (copyin(sopt->sopt_val, buf, valsize));
	memcpy(buf, sopt->sopt_val, valsize);
	return (0);
}

int
sooptcopyout(struct sockopt *sopt, const void *buf, size_t len)
{
	size_t valsize = len < sopt->sopt_valsize ? len : sopt->sopt_valsize;
	int error = 0;

	sopt->sopt_valsize = valsize;
	if (sopt->sopt_val == NULL)
		return (0);
	if (sopt->sopt_td != NULL)
		error = copyout(buf, sopt->sopt_val, valsize);
	else
		memcpy(sopt->sopt_val, buf, valsize);
	return (error);
}

/* Options for another level: copy through a kernel buffer to the owner. */
#define SOPT_MAXLEN	256
static int
so_ctloutput_user(struct socket *so, struct sockopt *sopt)
{
	struct sockopt ksopt = *sopt;
	char buf[SOPT_MAXLEN];
	int error;

	if (so->so_proto->pr_ctloutput == NULL)
		return (ENOPROTOOPT);
	if (sopt->sopt_td == NULL)
		return (so_pr_ctloutput(so, sopt));
	if (sopt->sopt_valsize > SOPT_MAXLEN)
		ksopt.sopt_valsize = SOPT_MAXLEN;
	ksopt.sopt_val = sopt->sopt_val != NULL ? buf : NULL;
	ksopt.sopt_td = NULL;
	memset(buf, 0, sizeof(buf));
	if (sopt->sopt_dir == SOPT_SET && sopt->sopt_val != NULL) {
		error = copyin(sopt->sopt_val, buf, ksopt.sopt_valsize);
		if (error != 0)
			return (error);
	}
	error = so_pr_ctloutput(so, &ksopt);
	if (error == 0 && sopt->sopt_dir == SOPT_GET) {
		if (sopt->sopt_val != NULL)
			error = copyout(buf, sopt->sopt_val,
			    ksopt.sopt_valsize);
		sopt->sopt_valsize = ksopt.sopt_valsize;
	}
	return (error);
}

static int
sotimeo_set(struct sockbuf *sb, struct sockopt *sopt)
{
	struct so_timeval tv;
	long ticks;
	int error;

	error = sooptcopyin(sopt, &tv, sizeof(tv), sizeof(tv));
	if (error != 0)
		return (error);
	if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return (EDOM);
	if (tv.tv_sec > __INT_MAX__ / hz - 1)
		return (EDOM);
	ticks = tv.tv_sec * hz + (tv.tv_usec * hz + 999999) / 1000000;
	atomic_store_int(&sb->sb_timeo, (int)ticks);
	return (0);
}

static int
sotimeo_get(struct sockbuf *sb, struct sockopt *sopt)
{
	int ticks = atomic_load_int(&sb->sb_timeo);
	struct so_timeval tv;

	tv.tv_sec = ticks / hz;
	tv.tv_usec = (ticks % hz) * (1000000 / hz);
	return (sooptcopyout(sopt, &tv, sizeof(tv)));
}

static int
sobuf_set(struct socket *so, int name, int optval)
{
	struct sockbuf *sb = (name == SO_SNDBUF || name == SO_SNDLOWAT) ?
	    &so->so_snd : &so->so_rcv;
	int error = 0;

	SOCKBUF_LOCK(sb);
	if (name == SO_SNDBUF || name == SO_RCVBUF)
		error = sbreserve_locked(sb, optval);
	else
		sb->sb_lowat = (u_int)optval > sb->sb_hiwat ? sb->sb_hiwat :
		    (u_int)optval;
	SOCKBUF_UNLOCK(sb);
	/* More room may let a writer go on. */
	if (error == 0 && sb == &so->so_snd)
		sowwakeup(so);
	else if (error == 0)
		sorwakeup(so);
	return (error);
}

int
sosetopt(struct socket *so, struct sockopt *sopt)
{
	struct linger l;
	int error, optval;

	if (sopt->sopt_level != SOL_SOCKET)
		return (so_ctloutput_user(so, sopt));
	switch (sopt->sopt_name) {
	case SO_LINGER:
		error = sooptcopyin(sopt, &l, sizeof(l), sizeof(l));
		if (error != 0)
			return (error);
		if (l.l_linger < 0 || l.l_linger > 0xffff)
			return (EDOM);		/* FreeBSD: 0..USHRT_MAX */
		atomic_store_int(&so->so_linger, l.l_linger);
		if (l.l_onoff)
			atomic_set_int(&so->so_options, SO_LINGER);
		else
			atomic_clear_int(&so->so_options, SO_LINGER);
		return (0);
	case SO_DEBUG: case SO_KEEPALIVE: case SO_DONTROUTE:
	case SO_USELOOPBACK: case SO_BROADCAST: case SO_REUSEADDR:
	case SO_REUSEPORT: case SO_REUSEPORT_LB: case SO_OOBINLINE:
	case SO_TIMESTAMP: case SO_BINTIME: case SO_NOSIGPIPE:
	case SO_NO_DDP: case SO_NO_OFFLOAD:
		error = sooptcopyin(sopt, &optval, sizeof(optval),
		    sizeof(optval));
		if (error != 0)
			return (error);
		if (optval)
			atomic_set_int(&so->so_options, sopt->sopt_name);
		else
			atomic_clear_int(&so->so_options, sopt->sopt_name);
		return (0);
	case SO_SNDBUF: case SO_RCVBUF: case SO_SNDLOWAT: case SO_RCVLOWAT:
		error = sooptcopyin(sopt, &optval, sizeof(optval),
		    sizeof(optval));
		if (error != 0)
			return (error);
		if (optval < 1)
			return (EINVAL);
		return (sobuf_set(so, sopt->sopt_name, optval));
	case SO_SNDTIMEO:
		return (sotimeo_set(&so->so_snd, sopt));
	case SO_RCVTIMEO:
		return (sotimeo_set(&so->so_rcv, sopt));
	case SO_ACCEPTFILTER:
		/* No accept filters are built: none can be found. */
		if (!(atomic_load_int(&so->so_options) & SO_ACCEPTCONN))
			return (EINVAL);
		return (sopt->sopt_val == NULL ? 0 : ENOENT);
	case SO_LABEL:
		return (EOPNOTSUPP);
	default:
		return (ENOPROTOOPT);
	}
}

static int
soqval(struct socket *so, int name)
{
	int v;

	if (!(atomic_load_int(&so->so_options) & SO_ACCEPTCONN))
		return (0);
	SOQ_LOCK(so);
	v = name == SO_LISTENQLIMIT ? so->so_qlimit :
	    name == SO_LISTENQLEN ? so->so_qlen : so->so_incqlen;
	SOQ_UNLOCK(so);
	return (v);
}

int
sogetopt(struct socket *so, struct sockopt *sopt)
{
	u_int options = atomic_load_int(&so->so_options);
	struct linger l;
	int optval;

	if (sopt->sopt_level != SOL_SOCKET)
		return (so_ctloutput_user(so, sopt));
	switch (sopt->sopt_name) {
	case SO_LINGER:
		memset(&l, 0, sizeof(l));
		l.l_onoff = options & SO_LINGER;
		l.l_linger = atomic_load_int(&so->so_linger);
		return (sooptcopyout(sopt, &l, sizeof(l)));
	case SO_DEBUG: case SO_KEEPALIVE: case SO_DONTROUTE:
	case SO_USELOOPBACK: case SO_BROADCAST: case SO_REUSEADDR:
	case SO_REUSEPORT: case SO_REUSEPORT_LB: case SO_OOBINLINE:
	case SO_TIMESTAMP: case SO_BINTIME: case SO_NOSIGPIPE:
	case SO_NO_DDP: case SO_NO_OFFLOAD: case SO_ACCEPTCONN:
		optval = options & sopt->sopt_name;
		break;
	case SO_TYPE:
		optval = so->so_type;
		break;
	case SO_PROTOCOL:
		optval = so->so_proto->pr_protocol;
		break;
	case SO_DOMAIN:
		optval = so->so_proto->pr_domain->dom_family;
		break;
	case SO_ERROR:
		optval = sogeterror(so);
		break;
	case SO_SNDBUF:
		optval = so->so_snd.sb_hiwat;
		break;
	case SO_RCVBUF:
		optval = so->so_rcv.sb_hiwat;
		break;
	case SO_SNDLOWAT:
		optval = so->so_snd.sb_lowat;
		break;
	case SO_RCVLOWAT:
		optval = so->so_rcv.sb_lowat;
		break;
	case SO_SNDTIMEO:
		return (sotimeo_get(&so->so_snd, sopt));
	case SO_RCVTIMEO:
		return (sotimeo_get(&so->so_rcv, sopt));
	case SO_LISTENQLIMIT: case SO_LISTENQLEN: case SO_LISTENINCQLEN:
		optval = soqval(so, sopt->sopt_name);
		break;
	case SO_ACCEPTFILTER:
		return (EINVAL);	/* not listening, or no filter */
	case SO_LABEL: case SO_PEERLABEL:
		return (EOPNOTSUPP);
	default:
		return (ENOPROTOOPT);
	}
	return (sooptcopyout(sopt, &optval, sizeof(optval)));
}

/* ---- sysctl: kern.ipc.numopensockets, kern.ipc.socklist ------------- */

SYSCTL_INT(_kern_ipc, OID_AUTO, numopensockets, CTLFLAG_RD, &numopensockets,
    0, "Sockets allocated now (every domain)");

static void
so_xaddr(struct socket *so, char *dst, int peer)
{
	struct sockaddr *sa = NULL;
	int error;

	memset(dst, 0, sizeof(((struct xsocket *)0)->xso_laddr));
	if (so->so_pcb == NULL)
		return;
	error = peer ? so_pru_peeraddr(so, &sa) : so_pru_sockaddr(so, &sa);
	if (error == 0 && sa != NULL)
		memcpy(dst, sa, sa->sa_len < sizeof(((struct xsocket *)0)->
		    xso_laddr) ? sa->sa_len : sizeof(((struct xsocket *)0)->
		    xso_laddr));
	if (sa != NULL)
		kfree(sa, M_SONAME);
}

static void
so_xsocket(struct socket *so, struct xsocket *xs)
{
	memset(xs, 0, sizeof(*xs));
	xs->xso_len = sizeof(*xs);
	xs->xso_refs = atomic_load_int(&so->so_refs);
	xs->xso_so = (uintptr_t)so;
	xs->xso_family = so->so_proto->pr_domain->dom_family;
	xs->xso_type = so->so_type;
	xs->xso_protocol = so->so_proto->pr_protocol;
	xs->xso_cpu = so_owner_cpu(so);
	xs->xso_options = atomic_load_int(&so->so_options);
	xs->xso_state = atomic_load_int(&so->so_state);
	xs->xso_ustate = atomic_load_int(&so->so_ustate);
	SOQ_LOCK(so);
	xs->xso_qlen = so->so_qlen;
	xs->xso_incqlen = so->so_incqlen;
	xs->xso_qlimit = so->so_qlimit;
	xs->xso_head = (uintptr_t)so->so_head;
	SOQ_UNLOCK(so);
	SOCKBUF_LOCK(&so->so_rcv);
	xs->xso_rcv_cc = so->so_rcv.sb_cc;
	xs->xso_rcv_hiwat = so->so_rcv.sb_hiwat;
	xs->xso_rcv_state = so->so_rcv.sb_state;
	SOCKBUF_UNLOCK(&so->so_rcv);
	SOCKBUF_LOCK(&so->so_snd);
	xs->xso_snd_cc = so->so_snd.sb_cc + so->so_snd.sb_prealloc;
	xs->xso_snd_hiwat = so->so_snd.sb_hiwat;
	xs->xso_snd_state = so->so_snd.sb_state;
	SOCKBUF_UNLOCK(&so->so_snd);
	xs->xso_pid = so->so_pid;
	so_xaddr(so, xs->xso_laddr, 0);
	if (so->so_state & SS_ISCONNECTED)
		so_xaddr(so, xs->xso_faddr, 1);
}

/*
 * Snapshot every socket: references are taken under the list lock (only
 * on sockets not already being freed), then each is described outside
 * it, asking the owner for the addresses.
 */
static int
sysctl_socklist(SYSCTL_HANDLER_ARGS)
{
	struct socket **v, *so;
	struct xsocket xs;
	int n, i, cnt = 0, error = 0;

	solist_init();
	n = atomic_load_int(&numopensockets) + 16;
	v = kmalloc(n * sizeof(*v), M_TEMP, M_WAITOK);
	spin_lock(&so_list_lock);
	LIST_FOREACH(so, &so_list, so_all) {
		if (cnt == n)
			break;
		if (soref_live(so))
			v[cnt++] = so;
	}
	spin_unlock(&so_list_lock);
	for (i = 0; i < cnt; i++) {
		if (error == 0) {
			so_xsocket(v[i], &xs);
			error = SYSCTL_OUT(req, &xs, sizeof(xs));
		}
		sorele(v[i]);
	}
	kfree(v, M_TEMP);
	return (error);
}
SYSCTL_PROC(_kern_ipc, OID_AUTO, socklist, CTLTYPE_OPAQUE | CTLFLAG_RD, NULL,
    0, sysctl_socklist, "S,xsocket", "Every socket (struct xsocket)");
