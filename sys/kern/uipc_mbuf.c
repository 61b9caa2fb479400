/*
 * kern/uipc_mbuf.c: mbufs and clusters: allocation, caps, statistics and
 * the chain operations the socket layer and protocols use.
 *
 * Entry points (declared in sys/mbuf.h): m_get, m_gethdr, m_getcl,
 * m_clget, m_getchain, m_free, m_freem; the chain operations m_copydata,
 * m_copyback, m_copym, m_copypacket, m_dup, m_pullup, m_adj, m_cat,
 * m_append, m_prepend, m_split, m_length, m_fixhdr; m_uiotombuf(2) and
 * m_mbuftouio for sosend()/soreceive().  Callers: the socket layer in
 * user context (M_WAITOK allowed) and protocol handlers in netisr threads
 * (M_NOWAIT only; asserted).  mbuf_init() is called once by mi_startup()
 * before any socket can exist (before domaininit()).  mbuf_stats() and
 * the kern.ipc sysctls below report the counters.
 *
 * Storage.  Mbufs (MSIZE bytes) and clusters come from two object caches
 * (kern_objcache.c), so the common path is a per-CPU magazine pop inside
 * a critical section, and a freed object is poisoned and checked under
 * INVARIANTS by the cache.  A cluster object is MCLBYTES of data followed
 * by its reference count and a magic word (struct mb_cluster): the count
 * lives with the storage, so sharing a cluster costs one atomic add and
 * no allocation, and the magic catches a write that ran past the data.
 *
 * Caps.  kern.ipc.nmbufs and kern.ipc.nmbclusters bound the objects in
 * use.  An allocation first charges the in-use counter (one atomic add on
 * a global word) and backs the charge out if it went over the cap, so the
 * cap is never exceeded, even transiently in the objects handed out; such
 * a failure is immediate for M_WAITOK too (sleeping for someone else to
 * free socket buffers could wait for ever).  Lowering a cap below the
 * count in use only makes new allocations fail until enough are freed,
 * which is also how tests provoke ENOBUFS.
 *
 * Counters.  In-use counts are the global atomic words above (the caps
 * need them exact); the high-water marks are raised with compare-and-set
 * only when a new maximum is reached.  Totals and failures are per-CPU,
 * written by their CPU inside a critical section, summed on read.
 *
 * Sharing rule.  A cluster referenced by more than one mbuf is read only
 * for all of them (M_WRITABLE() false).  Writers (m_copyback, m_cat,
 * m_append, m_pullup, M_PREPEND) check M_WRITABLE or the space macros,
 * which already say 0 for shared storage.  Only a holder of a reference
 * can add one, so a count of 1 seen by the holder cannot grow behind it.
 *
 * Lock order: none.  Nothing here takes a lock except inside the object
 * cache (a leaf); mbufs themselves belong to one owner at a time.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/thread2.h>
#include <sys/malloc.h>
#include <sys/objcache.h>
#include <sys/sysctl.h>
#include <sys/uio.h>
#include <sys/mbuf.h>
#include <machine/atomic.h>
#include <net/netisr2.h>

static MALLOC_DEFINE(M_MBUF, "mbuf", "mbufs");
static MALLOC_DEFINE(M_MBUFCL, "mbuf_cluster", "mbuf clusters");

CTASSERT(__builtin_offsetof(struct mbuf, m_dat) == MSIZE - MLEN);
CTASSERT(__builtin_offsetof(struct mbuf, m_pktdat) == MSIZE - MHLEN);
CTASSERT(sizeof(struct mbuf) <= MSIZE);
CTASSERT(MT_NTYPES <= 0x7fff);

#define MCL_MAGIC	0x6d636c21U	/* "mcl!" */

/* A cluster: the data first, so ext_buf is the object's address. */
struct mb_cluster {
	char		mcl_buf[MCLBYTES];
	volatile u_int	mcl_refs;	/* [a] mbufs pointing into mcl_buf */
	u_int		mcl_magic;	/* MCL_MAGIC while allocated */
};

/* The two kinds of object and their counters. */
enum { MBK_MBUF, MBK_CLUSTER, MBK_N };

struct mb_kind {
	struct objcache	*mk_cache;	/* [I] mbuf_init() */
	int		*mk_limit;	/* [I] the cap, itself [a] */
	int64_t		mk_inuse;	/* [a] */
	int64_t		mk_highwater;	/* [a] */
};

/* Per-CPU counters: [c] the owning CPU, inside a critical section. */
struct mb_pcpu {
	uint64_t	mp_total[MBK_N];	/* [c] */
	uint64_t	mp_failures[MBK_N];	/* [c] */
	uint64_t	mp_limited[MBK_N];	/* [c] */
	uint64_t	mp_shared;		/* [c] cluster refs added */
} __cachealign;

int	nmbufs = 65536;			/* [a] */
int	nmbclusters = 16384;		/* [a] */

static struct mb_kind mb_kinds[MBK_N] = {
	[MBK_MBUF] = { .mk_limit = &nmbufs },
	[MBK_CLUSTER] = { .mk_limit = &nmbclusters },
};
static struct mb_pcpu mb_pcpu[MAXCPU];
static int mb_failinject;		/* [a] test hook */

#ifdef INVARIANTS
#define MB_ASSERT_ONE(m)	mb_check_one((m), __func__)
#else
#define MB_ASSERT_ONE(m)	((void)0)
#endif

#define MB_LOAD(p)	__atomic_load_n((p), __ATOMIC_RELAXED)
#define MB_COUNT(field, v) do {						\
	crit_enter();							\
	mb_pcpu[mycpuid].field += (v);					\
	crit_exit();							\
} while (0)

/* --- Checks ---------------------------------------------------------- */

/* One mbuf: panics, naming `where', unless it is well formed. */
static void
mb_check_one(const struct mbuf *m, const char *where)
{
	const char *start, *why = NULL;

	if (m->m_type <= MT_FREE || m->m_type >= MT_NTYPES)
		why = "bad type (freed, or not an mbuf)";
	else if (m->m_len < 0)
		why = "negative length";
	else if (m->m_flags & ~M_ALLFLAGS)
		why = "unknown flags";
	else if ((m->m_flags & M_EXT) && (m->m_ext.ext_type != EXT_CLUSTER ||
	    m->m_ext.ext_size != MCLBYTES || m->m_ext.ext_refcnt == NULL ||
	    ((const struct mb_cluster *)m->m_ext.ext_buf)->mcl_magic !=
	    MCL_MAGIC))
		why = "bad cluster (overrun or freed)";
	else if ((m->m_flags & M_EXT) && *m->m_ext.ext_refcnt == 0)
		why = "cluster with no references";
	if (why == NULL) {
		start = m_start(m);
		if (m->m_data < start || m->m_data + m->m_len > start +
		    m_size(m))
			why = "data outside its storage";
	}
	if (why != NULL)
		panic("%s: mbuf %p: %s (type %d flags 0x%x len %d data %p)",
		    where, m, why, m->m_type, m->m_flags, m->m_len,
		    m->m_data);
}

/*
 * The whole chain: every mbuf well formed, a packet header only on the
 * first.  (m_nextpkt is not followed: one record at a time.)
 */
void
m_sanity(const struct mbuf *m, const char *where)
{
	for (const struct mbuf *n = m; n != NULL; n = n->m_next) {
		mb_check_one(n, where);
		if (n != m && (n->m_flags & M_PKTHDR))
			panic("%s: mbuf %p: packet header inside chain %p",
			    where, n, m);
	}
}

/* --- Allocation ------------------------------------------------------ */

static void
mb_check_how(int how)
{
	KASSERT(how == M_WAITOK || how == M_NOWAIT,
	    ("mbuf: how 0x%x is neither M_WAITOK nor M_NOWAIT", how));
	KASSERT(how == M_NOWAIT || !IN_NETISR(),
	    ("mbuf: M_WAITOK from netisr %d (netisr threads never sleep)",
	    netisr_self()));
}

static int
mb_injected_failure(void)
{
	int n;

	while ((n = atomic_load_int(&mb_failinject)) > 0)
		if (atomic_cmpset_int((volatile u_int *)&mb_failinject, n,
		    n - 1))
			return (1);
	return (0);
}

/* Count one more object in use, unless the cap is reached. */
static int
mb_charge(struct mb_kind *mk)
{
	int64_t n, hw;

	n = atomic_fetchadd_long(&mk->mk_inuse, 1) + 1;
	if (n > atomic_load_int(mk->mk_limit)) {
		atomic_subtract_long(&mk->mk_inuse, 1);
		return (0);
	}
	while (n > (hw = MB_LOAD(&mk->mk_highwater)))
		if (atomic_cmpset_long((volatile u_long *)&mk->mk_highwater,
		    hw, n))
			break;
	return (1);
}

static void *
mb_alloc(int kind, int how)
{
	struct mb_kind *mk = &mb_kinds[kind];
	void *obj;

	mb_check_how(how);
	KASSERT(mk->mk_cache != NULL, ("mbuf: used before mbuf_init()"));
	if (!mb_charge(mk)) {
		MB_COUNT(mp_limited[kind], 1);
		MB_COUNT(mp_failures[kind], 1);
		return (NULL);
	}
	if (mb_injected_failure() ||
	    (obj = objcache_get(mk->mk_cache, how)) == NULL) {
		atomic_subtract_long(&mk->mk_inuse, 1);
		MB_COUNT(mp_failures[kind], 1);
		return (NULL);
	}
	MB_COUNT(mp_total[kind], 1);
	return (obj);
}

static void
mb_release(int kind, void *obj)
{
	struct mb_kind *mk = &mb_kinds[kind];

	objcache_put(mk->mk_cache, obj);
	atomic_subtract_long(&mk->mk_inuse, 1);
}

static void
mb_setup(struct mbuf *m, int type, int flags)
{
	KASSERT(type > MT_FREE && type < MT_NTYPES,
	    ("mbuf: bad type %d", type));
	KASSERT((flags & ~(M_COPYFLAGS | M_RDONLY)) == 0,
	    ("mbuf: bad flags 0x%x", flags));
	m->m_next = NULL;
	m->m_nextpkt = NULL;
	m->m_len = 0;
	m->m_flags = flags;
	m->m_type = type;
	if (flags & M_PKTHDR) {
		m->m_data = m->m_pktdat;
		memset(&m->m_pkthdr, 0, sizeof(m->m_pkthdr));
	} else {
		m->m_data = m->m_dat;
	}
}

struct mbuf *
m_get(int how, int type)
{
	struct mbuf *m;

	if ((m = mb_alloc(MBK_MBUF, how)) != NULL)
		mb_setup(m, type, 0);
	return (m);
}

struct mbuf *
m_gethdr(int how, int type)
{
	struct mbuf *m;

	if ((m = mb_alloc(MBK_MBUF, how)) != NULL)
		mb_setup(m, type, M_PKTHDR);
	return (m);
}

void *
m_clget(struct mbuf *m, int how)
{
	struct mb_cluster *cl;

	KASSERT(!(m->m_flags & M_EXT), ("m_clget: %p has storage", m));
	KASSERT(m->m_len == 0, ("m_clget: %p holds %d bytes", m, m->m_len));
	if ((cl = mb_alloc(MBK_CLUSTER, how)) == NULL)
		return (NULL);
	cl->mcl_refs = 1;
	cl->mcl_magic = MCL_MAGIC;
	m->m_ext.ext_buf = cl->mcl_buf;
	m->m_ext.ext_refcnt = &cl->mcl_refs;
	m->m_ext.ext_size = MCLBYTES;
	m->m_ext.ext_type = EXT_CLUSTER;
	m->m_flags |= M_EXT;
	m->m_data = m->m_ext.ext_buf;
	return (m->m_ext.ext_buf);
}

struct mbuf *
m_getcl(int how, int type, int flags)
{
	struct mbuf *m;

	if ((m = mb_alloc(MBK_MBUF, how)) == NULL)
		return (NULL);
	mb_setup(m, type, flags);
	if (m_clget(m, how) == NULL) {
		m_free(m);
		return (NULL);
	}
	return (m);
}

/*
 * A chain with room for at least len bytes, every m_len 0: clusters for
 * what does not fit in an mbuf.  The first mbuf gets `flags' (M_PKTHDR:
 * a packet header with len 0), the last M_EOR if asked.  len 0 gives one
 * empty mbuf.
 */
struct mbuf *
m_getchain(int len, int how, int type, int flags)
{
	struct mbuf *top = NULL, **np = &top, *m = NULL;
	int mflags = flags & ~M_EOR;

	KASSERT(len >= 0, ("m_getchain: len %d", len));
	do {
		if ((m = mb_alloc(MBK_MBUF, how)) == NULL)
			goto fail;
		mb_setup(m, type, mflags);
		*np = m;
		np = &m->m_next;
		if (len > m_size(m) && m_clget(m, how) == NULL)
			goto fail;
		len -= m_size(m);
		mflags = 0;
	} while (len > 0);
	if (flags & M_EOR)
		m->m_flags |= M_EOR;
	return (top);
fail:
	m_freem(top);
	return (NULL);
}

/* Drop m's reference to its cluster; the last one frees it. */
static void
mb_ext_release(struct mbuf *m)
{
	struct mb_cluster *cl = (struct mb_cluster *)m->m_ext.ext_buf;
	u_int old;

	VERIFY(cl->mcl_magic == MCL_MAGIC);
	old = atomic_fetchadd_int(m->m_ext.ext_refcnt, -1);
	KASSERT(old >= 1, ("mbuf %p: cluster %p refcount %u", m, cl, old));
	if (old == 1) {
		cl->mcl_magic = 0;
		mb_release(MBK_CLUSTER, cl);
	}
}

/* n points into m's cluster too. */
static void
mb_ext_share(struct mbuf *n, const struct mbuf *m)
{
	KASSERT(m->m_flags & M_EXT, ("mb_ext_share: %p has no cluster", m));
	KASSERT(!(n->m_flags & M_EXT), ("mb_ext_share: %p has storage", n));
	atomic_add_int(m->m_ext.ext_refcnt, 1);
	n->m_ext = m->m_ext;
	n->m_flags |= M_EXT | (m->m_flags & M_RDONLY);
	MB_COUNT(mp_shared, 1);
}

struct mbuf *
m_free(struct mbuf *m)
{
	struct mbuf *n;

	KASSERT(m != NULL, ("m_free: NULL"));
	MB_ASSERT_ONE(m);
	n = m->m_next;
	if (m->m_flags & M_EXT)
		mb_ext_release(m);
	m->m_type = MT_FREE;
	mb_release(MBK_MBUF, m);
	return (n);
}

void
m_freem(struct mbuf *m)
{
	while (m != NULL)
		m = m_free(m);
}

/* --- Packet headers ---------------------------------------------------- */

/* The flags that travel with a packet header (M_EOR stays with its byte). */
#define MB_HDRFLAGS	(M_COPYFLAGS & ~M_EOR)

/* `to' (empty, or with a cluster) takes over from's packet header. */
void
m_move_pkthdr(struct mbuf *to, struct mbuf *from)
{
	m_dup_pkthdr(to, from);
	from->m_flags &= ~M_PKTHDR;
}

/* `to' (empty, or with a cluster) gets a copy of from's packet header. */
void
m_dup_pkthdr(struct mbuf *to, const struct mbuf *from)
{
	KASSERT(from->m_flags & M_PKTHDR, ("m_dup_pkthdr: %p has none",
	    from));
	KASSERT(!(to->m_flags & M_PKTHDR), ("m_dup_pkthdr: %p has one", to));
	KASSERT((to->m_flags & M_EXT) || to->m_len == 0,
	    ("m_dup_pkthdr: %p holds data where the header goes", to));
	to->m_flags = (to->m_flags & (M_EXT | M_RDONLY | M_EOR)) |
	    (from->m_flags & MB_HDRFLAGS);
	if (!(to->m_flags & M_EXT))
		to->m_data = to->m_pktdat;
	to->m_pkthdr = from->m_pkthdr;
}

/* A new, empty mbuf: move m_data so len bytes end the storage. */
void
m_align(struct mbuf *m, int len)
{
	int room = m_size(m) - len;

	KASSERT(m->m_data == m_start(m) && m->m_len == 0,
	    ("m_align: mbuf %p is not new", m));
	KASSERT(room >= 0, ("m_align: %d bytes do not fit mbuf %p", len, m));
	m->m_data += room & ~(int)(sizeof(long) - 1);
}

int
m_length(const struct mbuf *m, struct mbuf **last)
{
	const struct mbuf *l = NULL;
	int len = 0;

	for (; m != NULL; m = m->m_next) {
		len += m->m_len;
		l = m;
	}
	if (last != NULL)
		*last = (struct mbuf *)l;
	return (len);
}

int
m_fixhdr(struct mbuf *m)
{
	KASSERT(m->m_flags & M_PKTHDR, ("m_fixhdr: %p has no header", m));
	m->m_pkthdr.len = m_length(m, NULL);
	return (m->m_pkthdr.len);
}

/* --- Reading and copying ------------------------------------------- */

/*
 * The mbuf holding byte *off of the chain; *off becomes the offset in it.
 * Offset 0 is the first mbuf even if it is empty (it may hold the packet
 * header); an offset equal to the chain's length gives NULL.
 */
static struct mbuf *
mb_seek(const struct mbuf *m, int *off, const char *where)
{
	KASSERT(*off >= 0, ("%s: offset %d", where, *off));
	while (*off > 0) {
		KASSERT(m != NULL, ("%s: offset past the end", where));
		MB_ASSERT_ONE(m);
		if (*off < m->m_len)
			break;
		*off -= m->m_len;
		m = m->m_next;
	}
	return ((struct mbuf *)m);
}

/* Copy len bytes from offset off of the chain into cp (asserted). */
void
m_copydata(const struct mbuf *m, int off, int len, void *cp)
{
	char *p = cp;
	int n;

	KASSERT(len >= 0, ("m_copydata: len %d", len));
	m = mb_seek(m, &off, __func__);
	for (; len > 0; m = m->m_next, off = 0) {
		KASSERT(m != NULL, ("m_copydata: %d bytes past the end", len));
		MB_ASSERT_ONE(m);
		n = MIN(m->m_len - off, len);
		memcpy(p, mtod(m, char *) + off, n);
		p += n;
		len -= n;
	}
}

/*
 * Append len bytes (zeros when cp is NULL) to the chain m0, first into
 * the last mbuf's free space, then into new mbufs and clusters (M_NOWAIT:
 * netisr handlers call this).  Returns the bytes appended; m_pkthdr.len
 * grows by as many.
 */
static int
mb_append(struct mbuf *m0, int len, const char *cp)
{
	struct mbuf *m, *n;
	int done = 0, cnt;

	m_length(m0, &m);
	while (done < len) {
		cnt = MIN(m_trailingspace(m), len - done);
		if (cnt == 0) {
			if (len - done > MLEN)
				n = m_getcl(M_NOWAIT, m->m_type, 0);
			else
				n = m_get(M_NOWAIT, m->m_type);
			if (n == NULL)
				break;
			m->m_next = n;
			m = n;
			continue;
		}
		if (cp != NULL)
			memcpy(mtod(m, char *) + m->m_len, cp + done, cnt);
		else
			memset(mtod(m, char *) + m->m_len, 0, cnt);
		m->m_len += cnt;
		done += cnt;
	}
	if (m0->m_flags & M_PKTHDR)
		m0->m_pkthdr.len += done;
	return (done);
}

/* 1 if all len bytes were appended, 0 if memory ran out part way. */
int
m_append(struct mbuf *m0, int len, const void *cp)
{
	KASSERT(len >= 0, ("m_append: len %d", len));
	return (mb_append(m0, len, cp) == len);
}

/*
 * Write len bytes of cp at offset off, over the chain's data and beyond
 * it: the chain grows (M_NOWAIT; zeros fill any gap).  The storage
 * written must not be shared (asserted).  0, or ENOBUFS if it could not
 * grow (what fitted was written).
 */
int
m_copyback(struct mbuf *m0, int off, int len, const void *cp)
{
	const char *p = cp;
	struct mbuf *m;
	int total, n;

	KASSERT(off >= 0 && len >= 0, ("m_copyback: off %d len %d", off,
	    len));
	total = m_length(m0, NULL);
	if (off > total && mb_append(m0, off - total, NULL) != off - total)
		return (ENOBUFS);
	m = m0;
	while (len > 0 && off < total) {
		MB_ASSERT_ONE(m);
		if (off >= m->m_len) {
			off -= m->m_len;
			total -= m->m_len;
			m = m->m_next;
			continue;
		}
		KASSERT(m_writable(m), ("m_copyback: mbuf %p is read only",
		    m));
		n = MIN(m->m_len - off, len);
		memcpy(mtod(m, char *) + off, p, n);
		p += n;
		len -= n;
		off += n;
	}
	if (len > 0 && mb_append(m0, len, p) != len)
		return (ENOBUFS);
	return (0);
}

/* A new mbuf for the copy of m's data from off: header or plain. */
static struct mbuf *
mb_copy_one(struct mbuf *m, int off, int len, int how, int hdr)
{
	struct mbuf *n;

	if ((n = m_get(how, m->m_type)) == NULL)
		return (NULL);
	if (hdr)
		m_dup_pkthdr(n, m);
	n->m_len = MIN(len, m->m_len - off);
	if (m->m_flags & M_EXT) {
		mb_ext_share(n, m);
		n->m_data = m->m_data + off;
	} else {
		KASSERT(n->m_len <= m_size(n), ("m_copym: %d bytes in %p",
		    n->m_len, n));
		memcpy(mtod(n, char *), mtod(m, char *) + off, n->m_len);
	}
	if (off + n->m_len == m->m_len)
		n->m_flags |= m->m_flags & M_EOR;
	return (n);
}

/*
 * Copy len bytes (M_COPYALL: to the end) from offset off: clusters are
 * shared (read only from now on), mbuf data copied, one new mbuf per
 * source mbuf.  From offset 0 of a chain with a packet header the copy
 * gets one too, with len set.  NULL if memory ran out, or for len 0.
 */
struct mbuf *
m_copym(struct mbuf *m, int off, int len, int how)
{
	struct mbuf *top = NULL, **np = &top, *n;
	int hdr = (off == 0 && (m->m_flags & M_PKTHDR));

	KASSERT(len >= 0 || len == M_COPYALL, ("m_copym: len %d", len));
	m = mb_seek(m, &off, __func__);
	while (len > 0) {
		if (m == NULL) {
			KASSERT(len == M_COPYALL,
			    ("m_copym: %d bytes past the end", len));
			break;
		}
		MB_ASSERT_ONE(m);
		if ((n = mb_copy_one(m, off, len, how, hdr)) == NULL) {
			m_freem(top);
			return (NULL);
		}
		if (hdr && len != M_COPYALL)
			n->m_pkthdr.len = len;
		hdr = 0;
		if (len != M_COPYALL)
			len -= n->m_len;
		*np = n;
		np = &n->m_next;
		m = m->m_next;
		off = 0;
	}
	return (top);
}

struct mbuf *
m_copypacket(struct mbuf *m, int how)
{
	KASSERT(m->m_flags & M_PKTHDR, ("m_copypacket: %p has no header",
	    m));
	return (m_copym(m, 0, M_COPYALL, how));
}

/*
 * A deep copy: new, writable storage, packed (clusters where the data do
 * not fit an mbuf), the packet header and the final M_EOR kept.
 */
struct mbuf *
m_dup(const struct mbuf *m, int how)
{
	struct mbuf *top, *d, *last;
	const struct mbuf *s = m;
	int total, off = 0, n;

	if (m == NULL)
		return (NULL);
	total = m_length(m, &last);
	top = m_getchain(total, how, m->m_type, (m->m_flags & M_PKTHDR) |
	    (last->m_flags & M_EOR));
	if (top == NULL)
		return (NULL);
	if (m->m_flags & M_PKTHDR) {
		top->m_flags &= ~M_PKTHDR;
		m_dup_pkthdr(top, m);
	}
	for (d = top; d != NULL && s != NULL; ) {
		MB_ASSERT_ONE(s);
		n = MIN(m_trailingspace(d), s->m_len - off);
		memcpy(mtod(d, char *) + d->m_len, mtod(s, char *) + off, n);
		d->m_len += n;
		off += n;
		if (off == s->m_len) {
			s = s->m_next;
			off = 0;
		}
		if (m_trailingspace(d) == 0)
			d = d->m_next;
	}
	return (top);
}

/* --- Editing ------------------------------------------------------- */

/*
 * Make the first len bytes contiguous in the first mbuf.  Uses the first
 * mbuf's own free space when it has enough, otherwise a new mbuf (so len
 * may be at most MHLEN, or MLEN without a packet header).  On failure
 * (len too big, chain too short, no memory) the chain is freed and NULL
 * returned.  M_NOWAIT: protocols call it in netisr threads.
 */
struct mbuf *
m_pullup(struct mbuf *n, int len)
{
	struct mbuf *m;
	int cnt;

	KASSERT(len >= 0, ("m_pullup: len %d", len));
	if (n->m_len >= len)
		return (n);
	if (n->m_next != NULL && m_trailingspace(n) >= len - n->m_len) {
		m = n;
		n = n->m_next;
		len -= m->m_len;
	} else {
		if (len > ((n->m_flags & M_PKTHDR) ? MHLEN : MLEN))
			goto bad;
		if ((m = m_get(M_NOWAIT, n->m_type)) == NULL)
			goto bad;
		if (n->m_flags & M_PKTHDR)
			m_move_pkthdr(m, n);
	}
	while (len > 0 && n != NULL) {
		MB_ASSERT_ONE(n);
		cnt = MIN(len, n->m_len);
		memcpy(mtod(m, char *) + m->m_len, mtod(n, char *), cnt);
		m->m_len += cnt;
		n->m_len -= cnt;
		len -= cnt;
		if (n->m_len > 0) {
			n->m_data += cnt;
		} else {
			m->m_flags |= n->m_flags & M_EOR;
			n = m_free(n);
		}
	}
	m->m_next = n;
	if (len > 0) {
		m_freem(m);
		return (NULL);
	}
	return (m);
bad:
	m_freem(n);
	return (NULL);
}

/*
 * Trim req_len bytes from the head (req_len > 0) or -req_len bytes from
 * the tail (req_len < 0), or everything if the chain is shorter.  Emptied
 * mbufs stay in the chain with m_len 0.  m_pkthdr.len shrinks by the
 * bytes trimmed.
 */
void
m_adj(struct mbuf *mp, int req_len)
{
	struct mbuf *m;
	int len, keep, trimmed;

	if (mp == NULL)
		return;
	if (req_len >= 0) {
		len = req_len;
		for (m = mp; m != NULL && len > 0; m = m->m_next) {
			MB_ASSERT_ONE(m);
			trimmed = MIN(m->m_len, len);
			m->m_data += trimmed;
			m->m_len -= trimmed;
			len -= trimmed;
		}
		trimmed = req_len - len;
	} else {
		keep = m_length(mp, NULL) + req_len;
		if (keep < 0)
			keep = 0;
		trimmed = 0;
		for (m = mp; m != NULL; m = m->m_next) {
			MB_ASSERT_ONE(m);
			len = MIN(m->m_len, keep);
			trimmed += m->m_len - len;
			m->m_len = len;
			keep -= len;
		}
	}
	if (mp->m_flags & M_PKTHDR)
		mp->m_pkthdr.len -= trimmed;
}

/*
 * Append chain n to chain m.  Data that fit the free space of m's last
 * mbuf are copied there (and their mbufs freed); the rest is linked.
 * n's packet header, if any, is dropped; m's is not updated.
 */
void
m_cat(struct mbuf *m0, struct mbuf *n)
{
	struct mbuf *m;

	m_length(m0, &m);
	if (n != NULL)
		n->m_flags &= ~M_PKTHDR;
	while (n != NULL) {
		MB_ASSERT_ONE(n);
		if ((n->m_flags & M_EXT) || m_trailingspace(m) < n->m_len) {
			m->m_next = n;
			return;
		}
		memcpy(mtod(m, char *) + m->m_len, mtod(n, char *), n->m_len);
		m->m_len += n->m_len;
		m->m_flags |= n->m_flags & M_EOR;
		n = m_free(n);
	}
}

/*
 * Put a new mbuf with room for len bytes (at its end, m_len = len) in
 * front of m, moving m's packet header to it.  On failure m is freed and
 * NULL returned.  Use M_PREPEND, which tries m's leading space first.
 */
struct mbuf *
m_prepend(struct mbuf *m, int len, int how)
{
	struct mbuf *mn;

	KASSERT(len >= 0 && len <= ((m->m_flags & M_PKTHDR) ? MHLEN : MLEN),
	    ("m_prepend: len %d", len));
	if ((mn = m_get(how, m->m_type)) == NULL) {
		m_freem(m);
		return (NULL);
	}
	if (m->m_flags & M_PKTHDR)
		m_move_pkthdr(mn, m);
	mn->m_next = m;
	m_align(mn, len);
	mn->m_len = len;
	return (mn);
}

/*
 * Move the bytes of m from offset len on into n (sharing m's cluster or
 * copying), with the rest of m's chain behind them.
 */
static void
mb_take_tail(struct mbuf *n, struct mbuf *m, int len)
{
	int remain = m->m_len - len;

	if (m->m_flags & M_EXT) {
		mb_ext_share(n, m);
		n->m_data = m->m_data + len;
	} else {
		KASSERT(remain <= m_trailingspace(n),
		    ("m_split: %d bytes in %p", remain, n));
		memcpy(mtod(n, char *), mtod(m, char *) + len, remain);
	}
	n->m_len = remain;
	n->m_flags |= m->m_flags & M_EOR;
	n->m_next = m->m_next;
	m->m_flags &= ~M_EOR;
	m->m_len = len;
	m->m_next = NULL;
}

/*
 * Split the chain after len0 bytes: m0 keeps them, the rest is returned
 * as a new chain.  With a packet header the tail gets one too (both
 * lengths set) and is never NULL on success; without, NULL also means
 * there was nothing after len0.  On failure (no memory, or len0 past the
 * end) NULL is returned and m0 is unchanged.
 */
struct mbuf *
m_split(struct mbuf *m0, int len0, int how)
{
	struct mbuf *m = m0, *n, *t;
	int len = len0, remain;

	KASSERT(len0 >= 0, ("m_split: len %d", len0));
	while (m != NULL && len > m->m_len) {
		MB_ASSERT_ONE(m);
		len -= m->m_len;
		m = m->m_next;
	}
	if (m == NULL)
		return (NULL);
	remain = m->m_len - len;
	if (!(m0->m_flags & M_PKTHDR)) {
		if (remain == 0) {
			n = m->m_next;
			m->m_next = NULL;
			return (n);
		}
		if ((n = m_get(how, m->m_type)) != NULL)
			mb_take_tail(n, m, len);
		return (n);
	}
	if ((n = m_get(how, m0->m_type)) == NULL)
		return (NULL);
	m_dup_pkthdr(n, m0);
	if (remain == 0) {
		n->m_next = m->m_next;
		m->m_next = NULL;
	} else if ((m->m_flags & M_EXT) || remain <= MHLEN) {
		mb_take_tail(n, m, len);
	} else {
		/* The tail of a full mbuf does not fit a header mbuf. */
		if ((t = m_get(how, m->m_type)) == NULL) {
			m_free(n);
			return (NULL);
		}
		mb_take_tail(t, m, len);
		n->m_next = t;
	}
	n->m_pkthdr.len = m0->m_pkthdr.len - len0;
	m0->m_pkthdr.len = len0;
	return (n);
}

/* --- Between chains and uios ----------------------------------------- */

static int
mb_uiotombuf(struct uio *uio, int how, int len, int align, int flags,
    struct mbuf **mp)
{
	struct mbuf *top, *m;
	ssize_t before __unused;
	int total, error, cnt;

	KASSERT(uio->uio_rw == UIO_WRITE, ("m_uiotombuf: uio reads"));
	KASSERT(len >= 0 && align >= 0 && align < MHLEN,
	    ("m_uiotombuf: len %d align %d", len, align));
	*mp = NULL;
	total = (int)MIN(uio->uio_resid, (ssize_t)0x7fffffff);
	if (len > 0 && len < total)
		total = len;
	if ((top = m_getchain(total + align, how, MT_DATA, flags)) == NULL)
		return (ENOBUFS);
	top->m_data += align;
	for (m = top; m != NULL && total > 0; m = m->m_next) {
		cnt = MIN(m_trailingspace(m), total);
		before = uio->uio_resid;
		error = uiomove(mtod(m, char *), cnt, uio);
		if (error != 0) {
			m_freem(top);
			return (error);
		}
		KASSERT(before - uio->uio_resid == cnt,
		    ("m_uiotombuf: moved %ld of %d", before - uio->uio_resid,
		    cnt));
		m->m_len = cnt;
		total -= cnt;
		if (top->m_flags & M_PKTHDR)
			top->m_pkthdr.len += cnt;
	}
	*mp = top;
	return (0);
}

/*
 * Copy up to len bytes (0: all of uio_resid) from the uio into a new
 * chain (flags: M_PKTHDR, M_EOR on the last mbuf).  0 and *mp, or
 * ENOBUFS (no memory, or a cap) or the uiomove error (EFAULT) with *mp
 * NULL; uio_resid says how much was consumed either way.  An empty uio
 * gives one empty mbuf.
 */
int
m_uiotombuf2(struct uio *uio, int how, int len, int flags, struct mbuf **mp)
{
	return (mb_uiotombuf(uio, how, len, 0, flags, mp));
}

/* The same, leaving align bytes free at the front; NULL on any error. */
struct mbuf *
m_uiotombuf(struct uio *uio, int how, int len, int align, int flags)
{
	struct mbuf *m;

	(void)mb_uiotombuf(uio, how, len, align, flags, &m);
	return (m);
}

/*
 * Copy the chain's data out to the uio: at most len bytes (0: no limit
 * but the chain and uio_resid).  Returns the uiomove error, or 0.
 */
int
m_mbuftouio(struct uio *uio, const struct mbuf *m, int len)
{
	int limit = len > 0 ? len : 0x7fffffff, cnt, error;

	KASSERT(uio->uio_rw == UIO_READ, ("m_mbuftouio: uio writes"));
	for (; m != NULL && limit > 0 && uio->uio_resid > 0; m = m->m_next) {
		MB_ASSERT_ONE(m);
		cnt = (int)MIN((ssize_t)MIN(m->m_len, limit), uio->uio_resid);
		if ((error = uiomove(mtod(m, char *), cnt, uio)) != 0)
			return (error);
		limit -= cnt;
	}
	return (0);
}

/* --- Statistics, sysctls, boot --------------------------------------- */

void
mbuf_stats(struct mbstat *ms)
{
	struct mb_kind *mk = mb_kinds;
	struct mb_pcpu sum;

	memset(&sum, 0, sizeof(sum));
	for (int cpu = 0; cpu < ncpus; cpu++) {
		const struct mb_pcpu *mp = &mb_pcpu[cpu];

		for (int k = 0; k < MBK_N; k++) {
			sum.mp_total[k] += MB_LOAD(&mp->mp_total[k]);
			sum.mp_failures[k] += MB_LOAD(&mp->mp_failures[k]);
			sum.mp_limited[k] += MB_LOAD(&mp->mp_limited[k]);
		}
		sum.mp_shared += MB_LOAD(&mp->mp_shared);
	}
	memset(ms, 0, sizeof(*ms));
	ms->mbs_mbufs_inuse = MB_LOAD(&mk[MBK_MBUF].mk_inuse);
	ms->mbs_mbufs_highwater = MB_LOAD(&mk[MBK_MBUF].mk_highwater);
	ms->mbs_mbufs_total = sum.mp_total[MBK_MBUF];
	ms->mbs_mbufs_failures = sum.mp_failures[MBK_MBUF];
	ms->mbs_mbufs_limited = sum.mp_limited[MBK_MBUF];
	ms->mbs_clusters_inuse = MB_LOAD(&mk[MBK_CLUSTER].mk_inuse);
	ms->mbs_clusters_highwater = MB_LOAD(&mk[MBK_CLUSTER].mk_highwater);
	ms->mbs_clusters_total = sum.mp_total[MBK_CLUSTER];
	ms->mbs_clusters_failures = sum.mp_failures[MBK_CLUSTER];
	ms->mbs_clusters_limited = sum.mp_limited[MBK_CLUSTER];
	ms->mbs_clusters_shared = sum.mp_shared;
	ms->mbs_nmbufs = atomic_load_int(&nmbufs);
	ms->mbs_nmbclusters = atomic_load_int(&nmbclusters);
}

void
mbuf_fail_inject(int n)
{
	atomic_store_int(&mb_failinject, n);
}

void
mbuf_init(void)
{
	VERIFY(mb_kinds[MBK_MBUF].mk_cache == NULL);
	mb_kinds[MBK_MBUF].mk_cache = objcache_create("mbuf", MSIZE, M_MBUF);
	mb_kinds[MBK_CLUSTER].mk_cache = objcache_create("mbuf_cluster",
	    sizeof(struct mb_cluster), M_MBUFCL);
}

/* Read-only ints: a clamped snapshot of one counter (arg2 selects). */
enum { MBS_MBUFS_INUSE, MBS_CLUSTERS_INUSE, MBS_FAILURES };

static int
sysctl_mbuf_counter(SYSCTL_HANDLER_ARGS)
{
	struct mbstat ms;
	int64_t v;
	int out;

	mbuf_stats(&ms);
	switch (arg2) {
	case MBS_MBUFS_INUSE:
		v = ms.mbs_mbufs_inuse;
		break;
	case MBS_CLUSTERS_INUSE:
		v = ms.mbs_clusters_inuse;
		break;
	default:
		v = (int64_t)(ms.mbs_mbufs_failures +
		    ms.mbs_clusters_failures);
		break;
	}
	out = (int)MIN(v, (int64_t)0x7fffffff);
	return (SYSCTL_OUT(req, &out, sizeof(out)));
}
SYSCTL_PROC(_kern_ipc, OID_AUTO, mbufs_inuse, CTLTYPE_INT | CTLFLAG_RD,
    NULL, MBS_MBUFS_INUSE, sysctl_mbuf_counter, "I", "Mbufs in use");
SYSCTL_PROC(_kern_ipc, OID_AUTO, mbclusters_inuse, CTLTYPE_INT | CTLFLAG_RD,
    NULL, MBS_CLUSTERS_INUSE, sysctl_mbuf_counter, "I",
    "Mbuf clusters in use");
SYSCTL_PROC(_kern_ipc, OID_AUTO, mbuf_failures, CTLTYPE_INT | CTLFLAG_RD,
    NULL, MBS_FAILURES, sysctl_mbuf_counter, "I",
    "Mbuf and cluster allocations that failed (since boot)");

/* The caps: any value >= 0; below the count in use, allocations fail. */
static int
sysctl_mbuf_cap(SYSCTL_HANDLER_ARGS)
{
	int *cap = arg1, v = atomic_load_int(cap), error;

	error = SYSCTL_OUT(req, &v, sizeof(v));
	if (error != 0 || req->newptr == NULL)
		return (error);
	if ((error = SYSCTL_IN(req, &v, sizeof(v))) != 0)
		return (error);
	if (v < 0)
		return (EINVAL);
	atomic_store_int(cap, v);
	return (0);
}
SYSCTL_PROC(_kern_ipc, OID_AUTO, nmbufs, CTLTYPE_INT | CTLFLAG_RW,
    &nmbufs, 0, sysctl_mbuf_cap, "I", "Maximum mbufs in use");
SYSCTL_PROC(_kern_ipc, OID_AUTO, nmbclusters, CTLTYPE_INT | CTLFLAG_RW,
    &nmbclusters, 0, sysctl_mbuf_cap, "I", "Maximum mbuf clusters in use");

static void
mbstat_fill(struct sysctl_sbuf *sb)
{
	struct mbstat ms;

	mbuf_stats(&ms);
	sysctl_sbuf_printf(sb, "%-9s %10s %10s %10s %12s %10s %10s\n",
	    "KIND", "SIZE", "INUSE", "HIGHWATER", "TOTAL", "FAIL", "LIMIT");
	sysctl_sbuf_printf(sb, "%-9s %10d %10ld %10ld %12lu %10lu %10d\n",
	    "mbuf", MSIZE, ms.mbs_mbufs_inuse, ms.mbs_mbufs_highwater,
	    ms.mbs_mbufs_total, ms.mbs_mbufs_failures, ms.mbs_nmbufs);
	sysctl_sbuf_printf(sb, "%-9s %10d %10ld %10ld %12lu %10lu %10d\n",
	    "cluster", MCLBYTES, ms.mbs_clusters_inuse,
	    ms.mbs_clusters_highwater, ms.mbs_clusters_total,
	    ms.mbs_clusters_failures, ms.mbs_nmbclusters);
	sysctl_sbuf_printf(sb, "%lu failures at the caps; %lu cluster "
	    "references shared by copies\n", ms.mbs_mbufs_limited +
	    ms.mbs_clusters_limited, ms.mbs_clusters_shared);
}

static int
sysctl_mbstat(SYSCTL_HANDLER_ARGS)
{
	return (sysctl_sbuf_report(req, 512, mbstat_fill));
}
SYSCTL_PROC(_kern_ipc, OID_AUTO, mbstat, CTLTYPE_STRING | CTLFLAG_RD,
    NULL, 0, sysctl_mbstat, "A", "Mbuf and cluster statistics");
