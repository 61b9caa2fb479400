/*
 * kern/uipc_socket2.c: socket buffers, the state changes protocols make,
 * new connections on a listener, and wakeups.
 *
 * Who calls what (ownership key in sys/sys/socketvar.h):
 *   - The owner (a protocol handler in the owning netisr) appends to
 *     so_rcv (sbappend*_locked), changes so_state (soisconnected & co.)
 *     and sb_state (socantsendmore, socantrcvmore), creates children on a
 *     listener (sonewconn), and wakes the other side (sorwakeup,
 *     sowwakeup).  Each such function asserts ASSERT_SO_OWNER.
 *   - User context (soreceive, sosend in uipc_socket.c) takes data out of
 *     so_rcv and charges so_snd (sb_prealloc) under the buffer's lock,
 *     and sleeps with sbwait(): the check and the sleep happen under the
 *     same spinlock the owner holds to change the buffer, so no wakeup is
 *     lost (see kern_synch.c's interlocked sleep).
 *   - sblock/sbunlock: the per-buffer I/O lock that serialises readers
 *     (and writers) of one socket in user context; it is a sleep lock
 *     built on the buffer's spinlock.
 *
 * Record layout in a buffer: sb_mb is the first record, records are
 * linked through m_nextpkt, the mbufs of one record through m_next.  A
 * datagram record is [MT_SONAME] [MT_CONTROL...] [MT_DATA...]; a stream
 * is one record that grows at its tail.  sb_lastrecord and sb_mbtail
 * make appends O(1).
 *
 * Wakeups run with the buffer's lock held up to the point where it is
 * dropped (sowakeup): selwakeup may be called under it, signals and
 * upcalls are sent after.  Lock order: so_rcv/so_snd (SOCKBUF) <
 * so_qlock (SOQ, leaf) < port locks; never two sockbufs at once.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/protosw.h>
#include <sys/domain.h>
#include <sys/mbuf.h>
#include <net/netisr2.h>

/* ---- Buffer accounting ---------------------------------------------- */

void
sbinit(struct sockbuf *sb, const char *name)
{
	memset(sb, 0, sizeof(*sb));
	spin_init(&sb->sb_lock, name, SPINRANK_SOCKBUF);
}

static u_int
sb_mbsize(struct mbuf *m)
{
	return (MSIZE + ((m->m_flags & M_EXT) ? m->m_ext.ext_size : 0));
}

void
sballoc_locked(struct sockbuf *sb, struct mbuf *m)
{
	SOCKBUF_LOCK_ASSERT(sb);
	sb->sb_cc += m->m_len;
	if (m->m_type == MT_CONTROL || m->m_type == MT_SONAME)
		sb->sb_ctl += m->m_len;
	else
		sb->sb_total += m->m_len;
	sb->sb_mbcnt += sb_mbsize(m);
}

void
sbfree_locked(struct sockbuf *sb, struct mbuf *m)
{
	SOCKBUF_LOCK_ASSERT(sb);
	KASSERT(sb->sb_cc >= (u_int)m->m_len && sb->sb_mbcnt >= sb_mbsize(m),
	    ("sbfree: sockbuf %p: cc %u mbcnt %u, mbuf len %d", sb,
	    sb->sb_cc, sb->sb_mbcnt, m->m_len));
	sb->sb_cc -= m->m_len;
	if (m->m_type == MT_CONTROL || m->m_type == MT_SONAME)
		sb->sb_ctl -= m->m_len;
	else
		sb->sb_consumed += m->m_len;
	sb->sb_mbcnt -= sb_mbsize(m);
}

/*
 * Release bytes sosend() charged (sb_prealloc) once the owner has taken
 * the data.  Any thread; takes the lock.
 */
void
sbprealloc_release(struct sockbuf *sb, u_int len)
{
	if (len == 0)
		return;
	SOCKBUF_LOCK(sb);
	KASSERT(sb->sb_prealloc >= len,
	    ("sbprealloc_release: sockbuf %p: %u charged, releasing %u", sb,
	    sb->sb_prealloc, len));
	sb->sb_prealloc -= len;
	SOCKBUF_UNLOCK(sb);
}

/* SO_SNDBUF/SO_RCVBUF: FreeBSD's limit, sb_max scaled for mbuf overhead. */
int
sbreserve_locked(struct sockbuf *sb, u_long cc)
{
	u_long max = __atomic_load_n(&sb_max, __ATOMIC_RELAXED);

	SOCKBUF_LOCK_ASSERT(sb);
	if (cc == 0 || cc > max * MCLBYTES / (MSIZE + MCLBYTES))
		return (ENOBUFS);
	sb->sb_hiwat = cc;
	sb->sb_mbmax = cc * 8 < max ? cc * 8 : max;
	if (sb->sb_lowat > sb->sb_hiwat)
		sb->sb_lowat = sb->sb_hiwat;
	return (0);
}

int
soreserve(struct socket *so, u_long sndcc, u_long rcvcc)
{
	int error;

	SOCKBUF_LOCK(&so->so_snd);
	error = sbreserve_locked(&so->so_snd, sndcc);
	if (so->so_snd.sb_lowat == 0)
		so->so_snd.sb_lowat = MCLBYTES < sndcc ? MCLBYTES : sndcc;
	SOCKBUF_UNLOCK(&so->so_snd);
	if (error != 0)
		return (error);
	SOCKBUF_LOCK(&so->so_rcv);
	error = sbreserve_locked(&so->so_rcv, rcvcc);
	if (so->so_rcv.sb_lowat == 0)
		so->so_rcv.sb_lowat = 1;
	SOCKBUF_UNLOCK(&so->so_rcv);
	return (error);
}

/* ---- Appending (the owner) ------------------------------------------ */

/* The last mbuf of a chain. */
static struct mbuf *
m_last(struct mbuf *m)
{
	while (m->m_next != NULL)
		m = m->m_next;
	return (m);
}

/*
 * Link chain m after sb_mbtail, folding small mbufs into the tail's free
 * space (a 1-byte write should not cost an mbuf in the buffer).
 */
static void
sbcompress_locked(struct sockbuf *sb, struct mbuf *m, struct mbuf *tail)
{
	struct mbuf *n;
	int eor = 0;

	while (m != NULL) {
		eor |= m->m_flags & M_EOR;
		if (m->m_len == 0 && (tail != NULL || m->m_next != NULL)) {
			m = m_free(m);
			continue;
		}
		if (tail != NULL && !(tail->m_flags & M_EOR) &&
		    m->m_type == tail->m_type && m->m_len <= MCLBYTES / 4 &&
		    M_WRITABLE(tail) && m->m_len <= M_TRAILINGSPACE(tail)) {
			memcpy(mtod(tail, char *) + tail->m_len,
			    mtod(m, char *), m->m_len);
			tail->m_len += m->m_len;
			sb->sb_cc += m->m_len;
			sb->sb_total += m->m_len;
			m = m_free(m);
			continue;
		}
		n = m->m_next;
		m->m_next = NULL;
		m->m_flags &= ~M_EOR;
		if (tail != NULL)
			tail->m_next = m;
		else
			sb->sb_mb = sb->sb_lastrecord = m;
		sballoc_locked(sb, m);
		tail = m;
		m = n;
	}
	if (tail != NULL && eor)
		tail->m_flags |= M_EOR;
	sb->sb_mbtail = tail;
}

/* Stream data: grows the one record. */
void
sbappendstream_locked(struct sockbuf *sb, struct mbuf *m)
{
	SOCKBUF_LOCK_ASSERT(sb);
	if (m == NULL)
		return;
	/* A stream grows its last record (one that began with control,
	   when descriptors were passed). */
	sbcompress_locked(sb, m, sb->sb_mbtail);
}

/* Append to the last record (or start one): protocols without records. */
void
sbappend_locked(struct sockbuf *sb, struct mbuf *m)
{
	SOCKBUF_LOCK_ASSERT(sb);
	if (m == NULL)
		return;
	if (sb->sb_mb == NULL) {
		sbappendrecord_locked(sb, m);
		return;
	}
	sbcompress_locked(sb, m, sb->sb_mbtail);
}

/* A new record, linked after the last one. */
void
sbappendrecord_locked(struct sockbuf *sb, struct mbuf *m0)
{
	struct mbuf *m;

	SOCKBUF_LOCK_ASSERT(sb);
	if (m0 == NULL)
		return;
	for (m = m0; m != NULL; m = m->m_next)
		sballoc_locked(sb, m);
	if (sb->sb_lastrecord != NULL)
		sb->sb_lastrecord->m_nextpkt = m0;
	else
		sb->sb_mb = m0;
	sb->sb_lastrecord = m0;
	sb->sb_mbtail = m_last(m0);
}

/*
 * A datagram: [address] [control] data as one record.  Returns 0, with
 * nothing consumed, when it does not fit (the caller frees and says
 * ENOBUFS), 1 when appended.
 */
int
sbappendaddr_locked(struct sockbuf *sb, const struct sockaddr *asa,
    struct mbuf *m0, struct mbuf *control)
{
	struct mbuf *m, *n;
	long space;

	SOCKBUF_LOCK_ASSERT(sb);
	space = asa->sa_len + m_length(m0, NULL) +
	    (control != NULL ? m_length(control, NULL) : 0);
	if (asa->sa_len > MLEN || space > sbspace(sb))
		return (0);
	m = m_get(M_NOWAIT, MT_SONAME);
	if (m == NULL)
		return (0);
	memcpy(mtod(m, void *), asa, asa->sa_len);
	m->m_len = asa->sa_len;
	if (control != NULL) {
		m->m_next = control;
		n = m_last(control);
	} else
		n = m;
	n->m_next = m0;
	if (m0 != NULL)
		m_last(m0)->m_flags |= M_EOR;
	sbappendrecord_locked(sb, m);
	return (1);
}

/* Control plus data as one record; 0 (nothing consumed) if no room. */
int
sbappendcontrol_locked(struct sockbuf *sb, struct mbuf *m0,
    struct mbuf *control)
{
	long space;

	SOCKBUF_LOCK_ASSERT(sb);
	KASSERT(control != NULL, ("sbappendcontrol: no control"));
	space = m_length(control, NULL) + m_length(m0, NULL);
	if (space > sbspace(sb) + (long)sb->sb_hiwat)
		return (0);
	m_last(control)->m_next = m0;
	sbappendrecord_locked(sb, control);
	return (1);
}

/* ---- Removing (reader, or the owner) -------------------------------- */

/*
 * Detach the first record whole and return it (m_nextpkt cleared).
 */
struct mbuf *
sbcutrecord_locked(struct sockbuf *sb)
{
	struct mbuf *rec = sb->sb_mb, *m;

	SOCKBUF_LOCK_ASSERT(sb);
	if (rec == NULL)
		return (NULL);
	sb->sb_mb = rec->m_nextpkt;
	rec->m_nextpkt = NULL;
	for (m = rec; m != NULL; m = m->m_next)
		sbfree_locked(sb, m);
	if (sb->sb_mb == NULL) {
		sb->sb_lastrecord = NULL;
		sb->sb_mbtail = NULL;
	}
	return (rec);
}

/*
 * Detach len data bytes from the front of the first record (a stream),
 * splitting an mbuf if needed; returns the chain.  M_NOWAIT: a split
 * may fail, then fewer bytes come back (never zero when len > 0 and the
 * first mbuf holds data).
 */
struct mbuf *
sbcut_locked(struct sockbuf *sb, int len)
{
	struct mbuf *head = NULL, **tailp = &head, *m, *n;

	SOCKBUF_LOCK_ASSERT(sb);
	while (len > 0 && (m = sb->sb_mb) != NULL) {
		if (m->m_len > len) {
			n = m_get(M_NOWAIT, m->m_type);
			if (n == NULL && head != NULL)
				break;
			if (n != NULL && len <= MLEN) {
				memcpy(mtod(n, void *), mtod(m, void *), len);
				n->m_len = len;
				m->m_data += len;
				m->m_len -= len;
				sb->sb_cc -= len;
				sb->sb_consumed += len;
				*tailp = n;
				return (head);
			}
			if (n != NULL)
				m_free(n);
			/* Cannot split: hand out the whole mbuf's prefix. */
			n = m_copym(m, 0, len, M_NOWAIT);
			if (n == NULL)
				break;
			m_adj(m, len);
			sb->sb_cc -= len;
			sb->sb_consumed += len;
			*tailp = n;
			return (head);
		}
		sb->sb_mb = m->m_next;
		if (sb->sb_mb != NULL)
			sb->sb_mb->m_nextpkt = m->m_nextpkt;
		else
			sb->sb_mb = m->m_nextpkt;
		m->m_next = m->m_nextpkt = NULL;
		sbfree_locked(sb, m);
		len -= m->m_len;
		*tailp = m;
		tailp = &m->m_next;
	}
	if (sb->sb_mb == NULL) {
		sb->sb_lastrecord = NULL;
		sb->sb_mbtail = NULL;
	} else if (sb->sb_lastrecord == NULL || sb->sb_mb->m_nextpkt == NULL)
		sb->sb_lastrecord = sb->sb_mb;
	return (head);
}

void
sbdrop_locked(struct sockbuf *sb, int len)
{
	struct mbuf *m;

	SOCKBUF_LOCK_ASSERT(sb);
	m = sbcut_locked(sb, len);
	m_freem(m);
}

void
sbdroprecord_locked(struct sockbuf *sb)
{
	SOCKBUF_LOCK_ASSERT(sb);
	m_freem(sbcutrecord_locked(sb));
}

/* Take everything out; the records come back linked by m_nextpkt. */
struct mbuf *
sbflush_locked(struct sockbuf *sb)
{
	struct mbuf *head, *rec, *m;

	SOCKBUF_LOCK_ASSERT(sb);
	head = sb->sb_mb;
	for (rec = head; rec != NULL; rec = rec->m_nextpkt)
		for (m = rec; m != NULL; m = m->m_next)
			sbfree_locked(sb, m);
	sb->sb_mb = sb->sb_lastrecord = sb->sb_mbtail = NULL;
	KASSERT(sb->sb_cc == 0 && sb->sb_ctl == 0 && sb->sb_mbcnt == 0,
	    ("sbflush: sockbuf %p: cc %u ctl %u mbcnt %u left", sb, sb->sb_cc,
	    sb->sb_ctl, sb->sb_mbcnt));
	return (head);
}

/*
 * Free records taken out of a buffer (m_nextpkt-linked), handing any
 * control messages to the domain (which may hold files in flight).
 */
void
sofree_records(struct socket *so, struct mbuf *rec)
{
	struct domain *dom = so->so_proto->pr_domain;
	struct mbuf *next, *m, **mp;

	for (; rec != NULL; rec = next) {
		next = rec->m_nextpkt;
		rec->m_nextpkt = NULL;
		for (mp = &rec; (m = *mp) != NULL; ) {
			if (m->m_type == MT_CONTROL && dom->dom_dispose != NULL) {
				*mp = m->m_next;
				m->m_next = NULL;
				dom->dom_dispose(m);
				continue;
			}
			mp = &m->m_next;
		}
		m_freem(rec);
	}
}

/* A control chain nobody will receive. */
void
sodispose_control(struct socket *so, struct mbuf *control)
{
	struct domain *dom = so->so_proto->pr_domain;

	if (dom->dom_dispose != NULL)
		dom->dom_dispose(control);
	else
		m_freem(control);
}

/* The socket is being freed: drop what its buffers hold. */
void
sbrelease(struct sockbuf *sb, struct socket *so)
{
	struct mbuf *m;

	SOCKBUF_LOCK(sb);
	m = sbflush_locked(sb);
	KASSERT(sb->sb_prealloc == 0,
	    ("sbrelease: socket %p: %u bytes still charged", so,
	    sb->sb_prealloc));
	sb->sb_hiwat = sb->sb_mbmax = 0;
	SOCKBUF_UNLOCK(sb);
	sofree_records(so, m);
}

/* INVARIANTS: the counters agree with the chain. */
void
sbcheck(struct sockbuf *sb)
{
	struct mbuf *rec, *m;
	u_int cc = 0, mbcnt = 0;

	SOCKBUF_LOCK_ASSERT(sb);
	for (rec = sb->sb_mb; rec != NULL; rec = rec->m_nextpkt)
		for (m = rec; m != NULL; m = m->m_next) {
			cc += m->m_len;
			mbcnt += sb_mbsize(m);
		}
	KASSERT(cc == sb->sb_cc && mbcnt == sb->sb_mbcnt,
	    ("sbcheck: sockbuf %p: cc %u (counted %u) mbcnt %u (counted %u)",
	    sb, sb->sb_cc, cc, sb->sb_mbcnt, mbcnt));
}

/* A control message holding size bytes of p. */
struct mbuf *
sbcreatecontrol(const void *p, int size, int type, int level)
{
	struct cmsghdr *cp;
	struct mbuf *m;

	if (CMSG_SPACE((u_int)size) > MCLBYTES)
		return (NULL);
	if (CMSG_SPACE((u_int)size) > MLEN)
		m = m_getcl(M_NOWAIT, MT_CONTROL, 0);
	else
		m = m_get(M_NOWAIT, MT_CONTROL);
	if (m == NULL)
		return (NULL);
	cp = mtod(m, struct cmsghdr *);
	memset(cp, 0, CMSG_SPACE((u_int)size));
	if (p != NULL)
		memcpy(CMSG_DATA(cp), p, size);
	m->m_len = CMSG_SPACE(size);
	cp->cmsg_len = CMSG_LEN(size);
	cp->cmsg_level = level;
	cp->cmsg_type = type;
	return (m);
}

/* ---- Sleeping in user context --------------------------------------- */

/*
 * Wait for the buffer to change: called and returns with its lock held.
 * EWOULDBLOCK after sb_timeo ticks; EINTR/ERESTART on a signal.
 */
int
sbwait(struct sockbuf *sb, const char *wmesg)
{
	SOCKBUF_LOCK_ASSERT(sb);
	ASSERT_SO_USER();
	sb->sb_flags |= SB_WAIT;
	return (ssleep(&sb->sb_cc, &sb->sb_lock, PCATCH, wmesg,
	    atomic_load_int(&sb->sb_timeo)));
}

/* The I/O lock: one reader (or writer) of a socket at a time. */
int
sblock(struct sockbuf *sb, int flags)
{
	int error = 0;

	ASSERT_SO_USER();
	SOCKBUF_LOCK(sb);
	while (sb->sb_iolock != NULL) {
		KASSERT(sb->sb_iolock != curthread,
		    ("sblock: sockbuf %p: recursion", sb));
		if (!(flags & SBL_WAIT)) {
			error = EWOULDBLOCK;
			break;
		}
		sb->sb_flags |= SB_IOWANT;
		error = ssleep(&sb->sb_iolock, &sb->sb_lock,
		    (flags & SBL_NOINTR) ? 0 : PCATCH, "sblock", 0);
		if (error != 0)
			break;
	}
	if (error == 0)
		sb->sb_iolock = curthread;
	SOCKBUF_UNLOCK(sb);
	return (error);
}

void
sbunlock(struct sockbuf *sb)
{
	int want;

	SOCKBUF_LOCK(sb);
	KASSERT(sb->sb_iolock == curthread,
	    ("sbunlock: sockbuf %p held by %p, not us", sb, sb->sb_iolock));
	sb->sb_iolock = NULL;
	want = sb->sb_flags & SB_IOWANT;
	sb->sb_flags &= ~SB_IOWANT;
	SOCKBUF_UNLOCK(sb);
	if (want)
		wakeup(&sb->sb_iolock);
}

/* ---- Wakeups -------------------------------------------------------- */

/*
 * SIGIO (or SIGURG) to so_sigio.  FreeBSD's negative owners name a
 * process group; Damselfly has none yet, so -pid names the process pid.
 */
void
sosigio(struct socket *so, int sig)
{
	pid_t pid = atomic_load_int(&so->so_sigio);
	struct proc *p;

	if (pid == 0)
		return;
	if (sig == SIGIO && !(atomic_load_int(&so->so_ustate) & SS_ASYNC))
		return;
	p = pfind(pid < 0 ? -pid : pid);
	if (p != NULL)
		psignal(p, sig);
}

/*
 * Wake whoever waits on sb: sleepers, pollers, SIGIO, the upcall.
 * Called with sb's lock held; returns with it dropped.
 */
void
sowakeup(struct socket *so, struct sockbuf *sb)
{
	int waiters;

	SOCKBUF_LOCK_ASSERT(sb);
	waiters = sb->sb_flags & SB_WAIT;
	sb->sb_flags &= ~SB_WAIT;
	selwakeup(&sb->sb_sel);
	SOCKBUF_UNLOCK(sb);
	if (waiters)
		wakeup(&sb->sb_cc);
	sosigio(so, SIGIO);
	if (so->so_upcall != NULL && so_owned_by_curthread(so))
		so->so_upcall(so, so->so_upcallarg, M_NOWAIT);
}

void
sorwakeup_locked(struct socket *so)
{
	sowakeup(so, &so->so_rcv);
}

void
sowwakeup_locked(struct socket *so)
{
	sowakeup(so, &so->so_snd);
}

void
sorwakeup(struct socket *so)
{
	SOCKBUF_LOCK(&so->so_rcv);
	sowakeup(so, &so->so_rcv);
}

void
sowwakeup(struct socket *so)
{
	SOCKBUF_LOCK(&so->so_snd);
	sowakeup(so, &so->so_snd);
}

/* ---- State changes (the owner) -------------------------------------- */

/*
 * so_state is written by the owner, except SS_INCOMP/SS_COMP, which
 * accept() and a closing listener clear under the head's so_qlock: so
 * every write is an atomic bit operation, or a concurrent clear of
 * SS_COMP could be undone by the owner's read-modify-write (a freed
 * socket still marked queued; stress connect_racing_close at 10x).
 */
static void
so_state_change(struct socket *so, u_int clear, u_int set)
{
	KASSERT(((clear | set) & (SS_INCOMP | SS_COMP)) == 0,
	    ("so_state_change: socket %p: queue bits %#x", so, clear | set));
	atomic_clear_int(&so->so_state, clear);
	atomic_set_int(&so->so_state, set);
}

/*
 * so_state changes under so_rcv's lock: soconnect() waits for
 * SS_ISCONNECTING to clear with that lock as the interlock.
 */
static void
so_setstate(struct socket *so, u_int clear, u_int set)
{
	ASSERT_SO_OWNER(so);
	SOCKBUF_LOCK(&so->so_rcv);
	so_state_change(so, clear, set);
	SOCKBUF_UNLOCK(&so->so_rcv);
	wakeup(&so->so_state);
}

void
soisconnecting(struct socket *so)
{
	so_setstate(so, SS_ISCONNECTED | SS_ISDISCONNECTING |
	    SS_ISDISCONNECTED, SS_ISCONNECTING);
}

/*
 * Connected.  A child still on its listener's incomplete queue moves to
 * the complete queue, where accept() finds it.
 */
void
soisconnected(struct socket *so)
{
	struct socket *head;
	int queued = 0;

	so_setstate(so, SS_ISCONNECTING | SS_ISDISCONNECTING |
	    SS_ISCONFIRMING | SS_ISDISCONNECTED, SS_ISCONNECTED);
	head = atomic_load_ptr(&so->so_head);
	if (head != NULL) {
		/* The child holds a reference on head while queued. */
		SOQ_LOCK(head);
		if (so->so_head == head && (so->so_state & SS_INCOMP)) {
			TAILQ_REMOVE(&head->so_incomp, so, so_qlist);
			head->so_incqlen--;
			atomic_clear_int(&so->so_state, SS_INCOMP);
			atomic_set_int(&so->so_state, SS_COMP);
			TAILQ_INSERT_TAIL(&head->so_comp, so, so_qlist);
			head->so_qlen++;
			queued = 1;
		}
		SOQ_UNLOCK(head);
		if (queued) {
			sorwakeup(head);
			wakeup(&head->so_comp);
		}
	}
	sorwakeup(so);
	sowwakeup(so);
}

/*
 * Disconnecting and disconnected: the end-of-stream bits and the state
 * change together under so_rcv's lock, so a reader never sees "not
 * connected" without also seeing EOF (it would say ENOTCONN instead of
 * returning 0; socket_stress_test close_racing_send_recv caught that).
 */
static void
so_setdisconnected(struct socket *so, u_int clear, u_int set)
{
	ASSERT_SO_OWNER(so);
	SOCKBUF_LOCK(&so->so_snd);
	so->so_snd.sb_state |= SBS_CANTSENDMORE;
	sowwakeup_locked(so);
	SOCKBUF_LOCK(&so->so_rcv);
	so->so_rcv.sb_state |= SBS_CANTRCVMORE;
	so_state_change(so, clear, set);
	sorwakeup_locked(so);
	wakeup(&so->so_state);
}

void
soisdisconnecting(struct socket *so)
{
	so_setdisconnected(so, SS_ISCONNECTING, SS_ISDISCONNECTING);
}

void
soisdisconnected(struct socket *so)
{
	so_setdisconnected(so, SS_ISCONNECTING | SS_ISCONNECTED |
	    SS_ISDISCONNECTING, SS_ISDISCONNECTED);
}

void
socantsendmore(struct socket *so)
{
	ASSERT_SO_OWNER(so);
	SOCKBUF_LOCK(&so->so_snd);
	so->so_snd.sb_state |= SBS_CANTSENDMORE;
	sowwakeup_locked(so);
}

void
socantrcvmore(struct socket *so)
{
	ASSERT_SO_OWNER(so);
	SOCKBUF_LOCK(&so->so_rcv);
	so->so_rcv.sb_state |= SBS_CANTRCVMORE;
	sorwakeup_locked(so);
}

/* so_error [a]: stored by the owner, consumed once by sogeterror(). */
void
soseterror(struct socket *so, int error)
{
	atomic_store_int(&so->so_error, error);
	wakeup(&so->so_state);
	sorwakeup(so);
	sowwakeup(so);
}

int
sogeterror(struct socket *so)
{
	return (atomic_swap_int(&so->so_error, 0));
}

/* ---- New connections on a listener (the listener's owner) ----------- */

/*
 * Queue one socket on head, under so_qlock, if head still listens and
 * its backlog allows (FreeBSD: refuse when so_qlen > 3 * qlimit / 2).
 * The child's reference becomes the queue's; the child takes one on
 * head for so_head.
 */
static int
soqinsert(struct socket *head, struct socket *so, int connstatus)
{
	SOQ_LOCK(head);
	if ((head->so_qstate & (SQ_LISTEN | SQ_CLOSED)) != SQ_LISTEN ||
	    head->so_qlen + head->so_incqlen > 3 * head->so_qlimit / 2) {
		SOQ_UNLOCK(head);
		return (0);
	}
	soref(head);
	so->so_head = head;
	if (connstatus) {
		atomic_set_int(&so->so_state, SS_COMP);
		TAILQ_INSERT_TAIL(&head->so_comp, so, so_qlist);
		head->so_qlen++;
	} else {
		atomic_set_int(&so->so_state, SS_INCOMP);
		TAILQ_INSERT_TAIL(&head->so_incomp, so, so_qlist);
		head->so_incqlen++;
	}
	SOQ_UNLOCK(head);
	return (1);
}

struct socket *
sonewconn(struct socket *head, int connstatus)
{
	struct socket *so;
	u_int qstate, qlen;

	ASSERT_SO_OWNER(head);
	SOQ_LOCK(head);
	qstate = head->so_qstate;
	qlen = head->so_qlen + head->so_incqlen;
	SOQ_UNLOCK(head);
	if ((qstate & (SQ_LISTEN | SQ_CLOSED)) != SQ_LISTEN ||
	    qlen > 3 * head->so_qlimit / 2)
		return (NULL);
	so = soalloc(head->so_proto, head->so_type, M_NOWAIT);
	if (so == NULL)
		return (NULL);
	so->so_port = head->so_port;
	so->so_cred = head->so_cred;
	so->so_pid = head->so_pid;
	so->so_options = head->so_options & ~SO_ACCEPTCONN;
	so->so_linger = head->so_linger;
	so->so_ustate = SS_NOFDREF;
	so->so_snd.sb_lowat = head->so_snd.sb_lowat;
	so->so_rcv.sb_lowat = head->so_rcv.sb_lowat;
	so->so_snd.sb_timeo = head->so_snd.sb_timeo;
	so->so_rcv.sb_timeo = head->so_rcv.sb_timeo;
	if (soreserve(so, head->so_snd.sb_hiwat, head->so_rcv.sb_hiwat) ||
	    so_pru_attach_direct(so, head->so_proto->pr_protocol) != 0) {
		sorele(so);
		return (NULL);
	}
	SO_REFS_ASSERT(so, so->so_refs == 2);	/* creation + protocol */
	if (!soqinsert(head, so, connstatus)) {
		so_pru_abort_direct(so);
		sorele(so);
		return (NULL);
	}
	if (connstatus) {
		atomic_set_int(&so->so_state, connstatus);
		sorwakeup(head);
		wakeup(&head->so_comp);
	}
	return (so);
}
