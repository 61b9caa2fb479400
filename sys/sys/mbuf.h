/*
 * sys/mbuf.h: memory buffers (mbufs) and 2 KiB clusters, the storage of
 * every byte a socket buffer holds.
 *
 * An mbuf is a 256-byte object (MSIZE): a small header, then either its
 * own data area (MLEN bytes; MHLEN when a packet header is kept in it) or
 * a reference to external storage, a 2 KiB cluster (MCLBYTES).  Mbufs
 * are linked with m_next into a chain (one record: a datagram, a stream
 * segment); chains are linked with m_nextpkt into a queue of records (a
 * socket buffer).  The first mbuf of a record may carry a packet header
 * (M_PKTHDR: m_pkthdr.len is the record's length).
 *
 * Sharing: m_copym() and m_split() make new mbufs that point into the
 * same cluster; a cluster counts its mbufs (*m_ext.ext_refcnt, atomic)
 * and goes back to its cache with the last one.  Shared storage is read
 * only: M_WRITABLE() is false, M_LEADINGSPACE()/M_TRAILINGSPACE() are 0,
 * and the functions that write data in place assert it.
 *
 * Ownership: an mbuf chain has exactly one owner at a time (the thread
 * that allocated it, then whoever it was handed to: a socket buffer under
 * its lock, a netmsg, a protocol); nothing in an mbuf is locked.  Only
 * the cluster reference count is shared, and it is atomic.
 *
 * Contexts: every function may be called from user context (system
 * calls; how = M_WAITOK may sleep for memory) or from a netisr thread,
 * which never sleeps and must pass M_NOWAIT (asserted).  Allocation fails
 * (NULL) when a cap is reached, kern.ipc.nmbufs or kern.ipc.nmbclusters,
 * whatever `how' says: M_WAITOK waits for memory, never for the cap.
 *
 * Implementation, statistics and sysctls: kern/uipc_mbuf.c.
 */
#ifndef _SYS_MBUF_H_
#define _SYS_MBUF_H_

#include <sys/types.h>

#define MSIZE		256		/* an mbuf, header included */
#define MLEN		224		/* data in an mbuf */
#define MHLEN		200		/* data in an mbuf with a pkthdr */
#define MCLSHIFT	11
#define MCLBYTES	(1 << MCLSHIFT)	/* a cluster */
#define MINCLSIZE	(MHLEN + 1)	/* less than this fits in an mbuf */
#define M_COPYALL	1000000000	/* m_copym(): to the end of the chain */

/* m_type */
#define MT_FREE		0		/* not an mbuf (freed) */
#define MT_DATA		1		/* data */
#define MT_HEADER	2		/* a packet header */
#define MT_SONAME	8		/* a socket address */
#define MT_CONTROL	14		/* ancillary data (cmsgs) */
#define MT_OOBDATA	15		/* out-of-band data */
#define MT_NTYPES	16

/* m_flags */
#define M_EXT		0x0001		/* storage is m_ext (a cluster) */
#define M_PKTHDR	0x0002		/* first of a record: m_pkthdr valid */
#define M_EOR		0x0004		/* end of record */
#define M_RDONLY	0x0008		/* storage may never be written */
#define M_BCAST		0x0010		/* sent/received as broadcast */
#define M_MCAST		0x0020		/* sent/received as multicast */
#define M_PROTO1	0x0100		/* protocol-specific */
#define M_PROTO2	0x0200
#define M_PROTO3	0x0400
#define M_PROTO4	0x0800
#define M_PROTOFLAGS	(M_PROTO1 | M_PROTO2 | M_PROTO3 | M_PROTO4)
/* Flags that describe the record and follow its packet header around. */
#define M_COPYFLAGS	(M_PKTHDR | M_EOR | M_BCAST | M_MCAST | M_PROTOFLAGS)
#define M_ALLFLAGS	(M_EXT | M_RDONLY | M_COPYFLAGS)

/* m_ext.ext_type */
#define EXT_CLUSTER	1		/* a MCLBYTES cluster from its cache */

/*
 * Statistics (mbuf_stats(), kern.ipc.mbstat).  Counters since boot;
 * "limited" counts the failures that were the caps, not memory.
 */
struct mbstat {
	int64_t		mbs_mbufs_inuse;
	int64_t		mbs_mbufs_highwater;
	uint64_t	mbs_mbufs_total;	/* successful allocations */
	uint64_t	mbs_mbufs_failures;
	uint64_t	mbs_mbufs_limited;	/* of the failures: the cap */
	int64_t		mbs_clusters_inuse;
	int64_t		mbs_clusters_highwater;
	uint64_t	mbs_clusters_total;
	uint64_t	mbs_clusters_failures;
	uint64_t	mbs_clusters_limited;
	uint64_t	mbs_clusters_shared;	/* references added by copies */
	int		mbs_nmbufs;		/* the caps */
	int		mbs_nmbclusters;
};

#ifdef _KERNEL
#include <sys/malloc.h>			/* M_WAITOK, M_NOWAIT */

struct uio;

/* The first mbuf of a record describes the whole record. */
struct pkthdr {
	void		*rcvif;		/* receiving interface, or NULL */
	int		len;		/* bytes in the chain */
	uint32_t	flowid;		/* hash choosing the owning netisr */
	int		csum_flags;
	int		csum_data;
};

/* External storage: a cluster, shared by reference count. */
struct m_ext {
	char		*ext_buf;	/* start of the storage */
	volatile u_int	*ext_refcnt;	/* mbufs pointing into it */
	u_int		ext_size;	/* MCLBYTES */
	int		ext_type;	/* EXT_CLUSTER */
};

/*
 * An mbuf.  Its data are m_len bytes at m_data, which points into the
 * mbuf's own area (m_dat, or m_pktdat with a packet header) or into
 * m_ext.ext_buf (M_EXT).  An mbuf with M_EXT keeps the packet header area
 * before m_ext whether or not it has M_PKTHDR.  All fields belong to the
 * chain's owner (see the top of this file).
 */
struct mbuf {
	struct mbuf	*m_next;	/* next mbuf of this record */
	struct mbuf	*m_nextpkt;	/* first mbuf of the next record */
	char		*m_data;	/* first byte of data */
	int		m_len;		/* bytes of data here */
	uint16_t	m_flags;	/* M_* */
	int16_t		m_type;		/* MT_* */
	union {
		struct {
			struct pkthdr	m_pkthdr;	/* M_PKTHDR */
			union {
				struct m_ext	m_ext;	/* M_EXT */
				char		m_pktdat[0];
			};
		};
		char		m_dat[0];
	};
};

/* Kernel-visible counters (also as sysctls, see uipc_mbuf.c). */
extern int nmbufs;			/* kern.ipc.nmbufs: cap */
extern int nmbclusters;			/* kern.ipc.nmbclusters: cap */

/* Where this mbuf's storage starts, and how big it is. */
static inline char *
m_start(const struct mbuf *m)
{
	if (m->m_flags & M_EXT)
		return (m->m_ext.ext_buf);
	if (m->m_flags & M_PKTHDR)
		return ((char *)m->m_pktdat);
	return ((char *)m->m_dat);
}

static inline int
m_size(const struct mbuf *m)
{
	if (m->m_flags & M_EXT)
		return ((int)m->m_ext.ext_size);
	return ((m->m_flags & M_PKTHDR) ? MHLEN : MLEN);
}

/*
 * May the storage be written?  A cluster referenced once can be: its only
 * reference is ours, so nobody can add another while we look.
 */
static inline int
m_writable(const struct mbuf *m)
{
	if (m->m_flags & M_RDONLY)
		return (0);
	return (!(m->m_flags & M_EXT) ||
	    __atomic_load_n(m->m_ext.ext_refcnt, __ATOMIC_ACQUIRE) == 1);
}

static inline int
m_leadingspace(const struct mbuf *m)
{
	return (m_writable(m) ? (int)(m->m_data - m_start(m)) : 0);
}

static inline int
m_trailingspace(const struct mbuf *m)
{
	return (m_writable(m) ?
	    (int)(m_start(m) + m_size(m) - (m->m_data + m->m_len)) : 0);
}

#define mtod(m, t)		((t)((m)->m_data))
#define M_START(m)		m_start(m)
#define M_SIZE(m)		m_size(m)
#define M_WRITABLE(m)		m_writable(m)
#define M_LEADINGSPACE(m)	m_leadingspace(m)
#define M_TRAILINGSPACE(m)	m_trailingspace(m)
/* Put len bytes at the end of a new, empty mbuf (room to prepend). */
#define M_ALIGN(m, len)		m_align((m), (len))
#define MH_ALIGN(m, len)	m_align((m), (len))
#define M_MOVE_PKTHDR(to, from)	m_move_pkthdr((to), (from))
/* Attach a cluster to m; check (m->m_flags & M_EXT) afterwards. */
#define MCLGET(m, how)		((void)m_clget((m), (how)))

struct mbuf *m_prepend(struct mbuf *m, int len, int how);

/*
 * Make room for plen bytes at the front of the chain m (m is updated;
 * NULL if an mbuf was needed and none could be had: the chain is then
 * freed).  Keeps m_pkthdr.len.  Use as M_PREPEND(m, plen, how).
 */
static inline struct mbuf *
m_prepend_room(struct mbuf *m, int plen, int how)
{
	if (m_leadingspace(m) >= plen) {
		m->m_data -= plen;
		m->m_len += plen;
	} else if ((m = m_prepend(m, plen, how)) == NULL) {
		return (NULL);
	}
	if (m->m_flags & M_PKTHDR)
		m->m_pkthdr.len += plen;
	return (m);
}
#define M_PREPEND(m, plen, how)	((m) = m_prepend_room((m), (plen), (how)))

/* Allocation (NULL: no memory, or a cap reached). */
struct mbuf *m_get(int how, int type);
struct mbuf *m_gethdr(int how, int type);
struct mbuf *m_getcl(int how, int type, int flags);	/* + cluster */
void	*m_clget(struct mbuf *m, int how);	/* ext_buf, or NULL */
/* A chain with room for len bytes (all m_len 0); flags M_PKTHDR, M_EOR. */
struct mbuf *m_getchain(int len, int how, int type, int flags);
struct mbuf *m_free(struct mbuf *m);	/* returns m->m_next */
void	m_freem(struct mbuf *m);	/* the whole chain; NULL is fine */

/* Packet headers. */
void	m_move_pkthdr(struct mbuf *to, struct mbuf *from);
void	m_dup_pkthdr(struct mbuf *to, const struct mbuf *from);
void	m_align(struct mbuf *m, int len);
int	m_fixhdr(struct mbuf *m);	/* m_pkthdr.len = chain length */

/* Reading and editing chains. */
int	m_length(const struct mbuf *m, struct mbuf **last);
void	m_copydata(const struct mbuf *m, int off, int len, void *cp);
int	m_copyback(struct mbuf *m, int off, int len, const void *cp);
struct mbuf *m_copym(struct mbuf *m, int off, int len, int how);
struct mbuf *m_copypacket(struct mbuf *m, int how);
struct mbuf *m_dup(const struct mbuf *m, int how);
struct mbuf *m_pullup(struct mbuf *m, int len);
void	m_adj(struct mbuf *m, int req_len);
void	m_cat(struct mbuf *m, struct mbuf *n);
int	m_append(struct mbuf *m, int len, const void *cp);
struct mbuf *m_split(struct mbuf *m, int len, int how);

/* Between chains and uios. */
int	m_uiotombuf2(struct uio *uio, int how, int len, int flags,
	    struct mbuf **mp);
struct mbuf *m_uiotombuf(struct uio *uio, int how, int len, int align,
	    int flags);
int	m_mbuftouio(struct uio *uio, const struct mbuf *m, int len);

/* Checks: m_sanity() panics, naming `where', on a malformed chain. */
void	m_sanity(const struct mbuf *m, const char *where);
#ifdef INVARIANTS
#define M_ASSERT_SANE(m)	m_sanity((m), __func__)
#else
#define M_ASSERT_SANE(m)	((void)0)
#endif

/* Statistics, boot, tests. */
void	mbuf_stats(struct mbstat *ms);
void	mbuf_init(void);		/* mi_startup(), once */
void	mbuf_fail_inject(int n);	/* the next n allocations fail */

#endif /* _KERNEL */

#endif /* !_SYS_MBUF_H_ */
