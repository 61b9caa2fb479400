/*
 * ktest_mbuf.c: self tests for mbufs and clusters (kern/uipc_mbuf.c):
 * allocation and its caps and counters, cluster sharing by reference
 * count, every chain operation the socket layer uses (copy, split, trim,
 * pull up, append, prepend, concatenate), the uio copies with their
 * errors, the netisr no-sleep rule and the INVARIANTS checks.
 *
 * Chains are filled with a pattern (byte i of the chain is PAT(i)), so a
 * check reads back any range and compares.  Every case frees what it
 * allocated; the runner's leak check covers the mbuf and cluster caches.
 * Cases that lower a cap restore it before asserting.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/malloc.h>
#include <sys/msgport.h>
#include <sys/msgport2.h>
#include <sys/sysctl.h>
#include <sys/uio.h>
#include <sys/mbuf.h>
#include <sys/ktest.h>
#include <machine/atomic.h>
#include <vm/vm_map.h>
#include <net/netmsg.h>
#include <net/netisr2.h>

#define PAT(i)		((char)((i) * 7 + 3))

/* Fill len bytes of m's data with the pattern from chain offset base. */
static void
kt_fill(struct mbuf *m, int len, int base)
{
	for (int i = 0; i < len; i++)
		mtod(m, char *)[m->m_len + i] = PAT(base + i);
	m->m_len += len;
}

/*
 * A chain of n mbufs holding lens[i] bytes each (a cluster where the
 * bytes do not fit an mbuf), the pattern running across them.
 */
static struct mbuf *
kt_chain(const int *lens, int n, int hdr)
{
	struct mbuf *top = NULL, **np = &top, *m;
	int off = 0;

	for (int i = 0; i < n; i++) {
		int flags = (hdr && i == 0) ? M_PKTHDR : 0;

		if (lens[i] > ((flags & M_PKTHDR) ? MHLEN : MLEN))
			m = m_getcl(M_WAITOK, MT_DATA, flags);
		else if (flags & M_PKTHDR)
			m = m_gethdr(M_WAITOK, MT_DATA);
		else
			m = m_get(M_WAITOK, MT_DATA);
		kt_fill(m, lens[i], off);
		off += lens[i];
		*np = m;
		np = &m->m_next;
	}
	if (hdr)
		top->m_pkthdr.len = off;
	return (top);
}

/* Do bytes [off, off + len) of m equal the pattern from pbase on? */
static int
kt_pattern_at(struct mbuf *m, int off, int len, int pbase)
{
	static char buf[8192];

	if (len > (int)sizeof(buf))
		return (0);
	m_copydata(m, off, len, buf);
	for (int i = 0; i < len; i++)
		if (buf[i] != PAT(pbase + i))
			return (0);
	return (1);
}

static int
kt_count(const struct mbuf *m)
{
	int n = 0;

	for (; m != NULL; m = m->m_next)
		n++;
	return (n);
}

/* --- Allocation ------------------------------------------------------ */

KTEST(mbuf_get_is_empty_with_MLEN_of_room, 30)
{
	struct mbuf *m = m_get(M_WAITOK, MT_DATA);
	struct mbuf *h = m_gethdr(M_NOWAIT, MT_HEADER);

	KT_ASSERT(m != NULL && h != NULL);
	KT_ASSERT_EQ(m->m_len, 0);
	KT_ASSERT_EQ(m->m_type, MT_DATA);
	KT_ASSERT_EQ(m->m_flags, 0);
	KT_ASSERT(m->m_next == NULL && m->m_nextpkt == NULL);
	KT_ASSERT(m->m_data == m->m_dat);
	KT_ASSERT_EQ(M_TRAILINGSPACE(m), MLEN);
	KT_ASSERT_EQ(M_LEADINGSPACE(m), 0);
	KT_ASSERT_EQ(h->m_flags, M_PKTHDR);
	KT_ASSERT_EQ(h->m_type, MT_HEADER);
	KT_ASSERT_EQ(h->m_pkthdr.len, 0);
	KT_ASSERT(h->m_pkthdr.rcvif == NULL);
	KT_ASSERT_EQ(M_TRAILINGSPACE(h), MHLEN);
	KT_ASSERT_EQ(M_SIZE(h), MHLEN);
	m_free(m);
	m_free(h);
}

KTEST(mbuf_getcl_has_writable_2k_cluster, 30)
{
	struct mbuf *m = m_getcl(M_WAITOK, MT_DATA, M_PKTHDR);

	KT_ASSERT(m != NULL);
	KT_ASSERT_EQ(m->m_flags, M_EXT | M_PKTHDR);
	KT_ASSERT_EQ(m->m_ext.ext_size, MCLBYTES);
	KT_ASSERT_EQ(*m->m_ext.ext_refcnt, 1);
	KT_ASSERT(m->m_data == m->m_ext.ext_buf);
	KT_ASSERT(M_WRITABLE(m));
	KT_ASSERT_EQ(M_TRAILINGSPACE(m), MCLBYTES);
	memset(mtod(m, char *), 0x5a, MCLBYTES);	/* all of it is ours */
	m->m_len = MCLBYTES;
	M_ASSERT_SANE(m);
	m_freem(m);
}

KTEST(mbuf_free_returns_next_and_freem_takes_null, 30)
{
	struct mbuf *a = m_get(M_WAITOK, MT_DATA);
	struct mbuf *b = m_get(M_WAITOK, MT_DATA);

	a->m_next = b;
	KT_ASSERT(m_free(a) == b);
	KT_ASSERT(m_free(b) == NULL);
	m_freem(NULL);
}

KTEST(mbuf_stats_return_to_zero, 30)
{
	struct mbstat s0, s1, s2;
	struct mbuf *top = NULL, *m;

	mbuf_stats(&s0);
	for (int i = 0; i < 40; i++) {
		m = (i % 4 == 0) ? m_getcl(M_WAITOK, MT_DATA, 0) :
		    m_get(M_WAITOK, MT_DATA);
		m->m_next = top;
		top = m;
	}
	mbuf_stats(&s1);
	m_freem(top);
	mbuf_stats(&s2);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse - s0.mbs_mbufs_inuse, 40);
	KT_ASSERT_EQ(s1.mbs_clusters_inuse - s0.mbs_clusters_inuse, 10);
	KT_ASSERT_EQ(s1.mbs_mbufs_total - s0.mbs_mbufs_total, 40);
	KT_ASSERT_EQ(s1.mbs_clusters_total - s0.mbs_clusters_total, 10);
	KT_ASSERT(s1.mbs_mbufs_highwater >= s1.mbs_mbufs_inuse);
	KT_ASSERT(s1.mbs_clusters_highwater >= s1.mbs_clusters_inuse);
	KT_ASSERT_EQ(s2.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
	KT_ASSERT_EQ(s2.mbs_clusters_inuse, s0.mbs_clusters_inuse);
	KT_ASSERT_EQ(s2.mbs_mbufs_failures, s0.mbs_mbufs_failures);
}

KTEST(mbuf_getchain_uses_clusters_for_what_does_not_fit, 30)
{
	struct mbuf *m, *last;
	int cap = 0;

	m = m_getchain(5000, M_WAITOK, MT_DATA, M_PKTHDR | M_EOR);
	KT_ASSERT(m != NULL);
	for (struct mbuf *n = m; n != NULL; n = n->m_next) {
		KT_ASSERT_EQ(n->m_len, 0);
		cap += M_TRAILINGSPACE(n);
	}
	m_length(m, &last);
	KT_ASSERT(m->m_flags & M_PKTHDR);
	KT_ASSERT(last->m_flags & M_EOR);
	KT_ASSERT(!(m->m_flags & M_EOR));
	KT_ASSERT_EQ(kt_count(m), 3);	/* 2048 + 2048 + 2048 */
	KT_ASSERT(cap >= 5000);
	m_freem(m);
	/* What fits one mbuf takes one mbuf, even with nothing in it. */
	m = m_getchain(MHLEN, M_WAITOK, MT_DATA, M_PKTHDR);
	KT_ASSERT(!(m->m_flags & M_EXT) && m->m_next == NULL);
	m_freem(m);
	m = m_getchain(0, M_WAITOK, MT_DATA, 0);
	KT_ASSERT(m != NULL && m->m_next == NULL && m->m_len == 0);
	m_freem(m);
}

/* --- Caps and failures ----------------------------------------------- */

KTEST(mbuf_cap_reached_returns_null_and_counts_failure, 30)
{
	struct mbstat s0, s1;
	struct mbuf *a, *b, *c;
	int saved = nmbufs;

	mbuf_stats(&s0);
	atomic_store_int(&nmbufs, (int)s0.mbs_mbufs_inuse + 2);
	a = m_get(M_NOWAIT, MT_DATA);
	b = m_get(M_WAITOK, MT_DATA);	/* the cap does not make it wait */
	c = m_get(M_WAITOK, MT_DATA);
	atomic_store_int(&nmbufs, saved);
	mbuf_stats(&s1);
	m_freem(a);
	m_freem(b);
	m_freem(c);
	KT_ASSERT(a != NULL && b != NULL);
	KT_ASSERT(c == NULL);
	KT_ASSERT_EQ(s1.mbs_mbufs_failures - s0.mbs_mbufs_failures, 1);
	KT_ASSERT_EQ(s1.mbs_mbufs_limited - s0.mbs_mbufs_limited, 1);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse - s0.mbs_mbufs_inuse, 2);
}

KTEST(mbuf_cluster_cap_fails_getcl_without_leaking_the_mbuf, 30)
{
	struct mbstat s0, s1;
	struct mbuf *m;
	int saved = nmbclusters;

	mbuf_stats(&s0);
	atomic_store_int(&nmbclusters, (int)s0.mbs_clusters_inuse);
	m = m_getcl(M_WAITOK, MT_DATA, M_PKTHDR);
	atomic_store_int(&nmbclusters, saved);
	mbuf_stats(&s1);
	m_freem(m);
	KT_ASSERT(m == NULL);
	KT_ASSERT_EQ(s1.mbs_clusters_failures - s0.mbs_clusters_failures, 1);
	KT_ASSERT_EQ(s1.mbs_clusters_limited - s0.mbs_clusters_limited, 1);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
	KT_ASSERT_EQ(s1.mbs_clusters_inuse, s0.mbs_clusters_inuse);
}

KTEST(mbuf_getchain_failure_part_way_frees_what_it_had, 30)
{
	struct mbstat s0, s1;
	struct mbuf *m;
	int saved = nmbclusters;

	mbuf_stats(&s0);
	/* 5000 bytes need three clusters; only one may be had. */
	atomic_store_int(&nmbclusters, (int)s0.mbs_clusters_inuse + 1);
	m = m_getchain(5000, M_WAITOK, MT_DATA, M_PKTHDR);
	atomic_store_int(&nmbclusters, saved);
	mbuf_stats(&s1);
	m_freem(m);
	KT_ASSERT(m == NULL);
	KT_ASSERT_EQ(s1.mbs_clusters_total - s0.mbs_clusters_total, 1);
	KT_ASSERT_EQ(s1.mbs_mbufs_total - s0.mbs_mbufs_total, 2);
	KT_ASSERT_EQ(s1.mbs_clusters_failures - s0.mbs_clusters_failures, 1);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
	KT_ASSERT_EQ(s1.mbs_clusters_inuse, s0.mbs_clusters_inuse);
}

KTEST(mbuf_fail_inject_fails_the_next_allocations_even_waitok, 30)
{
	struct mbstat s0, s1;
	struct mbuf *a, *b, *c;

	mbuf_stats(&s0);
	mbuf_fail_inject(2);
	a = m_get(M_WAITOK, MT_DATA);
	b = m_getcl(M_NOWAIT, MT_DATA, 0);	/* its mbuf fails */
	c = m_getcl(M_WAITOK, MT_DATA, 0);
	mbuf_fail_inject(0);
	mbuf_stats(&s1);
	m_freem(c);
	KT_ASSERT(a == NULL && b == NULL && c != NULL);
	KT_ASSERT_EQ(s1.mbs_mbufs_failures - s0.mbs_mbufs_failures, 2);
	KT_ASSERT_EQ(s1.mbs_mbufs_limited, s0.mbs_mbufs_limited);
}

/* --- Copies ------------------------------------------------------------ */

KTEST(mbuf_copydata_reads_across_mbufs, 30)
{
	static const int lens[] = { 10, 0, 100, 1500, 3 };
	struct mbuf *m = kt_chain(lens, 5, 1);
	int ok1, ok2, ok3, ok4;

	ok1 = kt_pattern_at(m, 0, 1613, 0);
	ok2 = kt_pattern_at(m, 5, 10, 5);	/* spans the empty mbuf */
	ok3 = kt_pattern_at(m, 110, 1503, 110);
	ok4 = kt_pattern_at(m, 1613, 0, 0);	/* nothing, at the end */
	m_freem(m);
	KT_ASSERT(ok1 && ok2 && ok3 && ok4);
}

KTEST(mbuf_copym_shares_cluster_refcount, 30)
{
	static const int lens[] = { 1000 };
	struct mbuf *m = kt_chain(lens, 1, 0), *c;
	struct mbstat s0, s1;
	u_int refs_shared, refs_after;
	int w_orig, w_copy, lead, trail, w_after, same, data;

	mbuf_stats(&s0);
	c = m_copym(m, 100, 500, M_WAITOK);
	mbuf_stats(&s1);
	refs_shared = *m->m_ext.ext_refcnt;
	same = c->m_ext.ext_buf == m->m_ext.ext_buf &&
	    c->m_ext.ext_refcnt == m->m_ext.ext_refcnt;
	data = c->m_len == 500 && c->m_data == m->m_data + 100 &&
	    kt_pattern_at(c, 0, 500, 100);
	w_orig = M_WRITABLE(m);
	w_copy = M_WRITABLE(c);
	lead = M_LEADINGSPACE(c);
	trail = M_TRAILINGSPACE(m);
	m_freem(c);
	refs_after = *m->m_ext.ext_refcnt;
	w_after = M_WRITABLE(m);
	m_freem(m);
	KT_ASSERT_EQ(refs_shared, 2);
	KT_ASSERT(same && data);
	KT_ASSERT(!w_orig && !w_copy);
	KT_ASSERT_EQ(lead, 0);
	KT_ASSERT_EQ(trail, 0);
	KT_ASSERT_EQ(refs_after, 1);
	KT_ASSERT(w_after);
	KT_ASSERT_EQ(s1.mbs_clusters_inuse, s0.mbs_clusters_inuse);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse - s0.mbs_mbufs_inuse, 1);
	KT_ASSERT_EQ(s1.mbs_clusters_shared - s0.mbs_clusters_shared, 1);
}

KTEST(mbuf_cluster_freed_by_last_reference_either_order, 30)
{
	static const int lens[] = { 1500 };
	struct mbuf *m = kt_chain(lens, 1, 0), *c;
	struct mbstat s0, s1, s2;
	int ok;

	mbuf_stats(&s0);
	c = m_copym(m, 0, M_COPYALL, M_WAITOK);
	m_freem(m);			/* the original goes first */
	mbuf_stats(&s1);
	ok = *c->m_ext.ext_refcnt == 1 && M_WRITABLE(c) &&
	    kt_pattern_at(c, 0, 1500, 0);
	m_freem(c);
	mbuf_stats(&s2);
	KT_ASSERT(ok);
	KT_ASSERT_EQ(s1.mbs_clusters_inuse, s0.mbs_clusters_inuse);
	KT_ASSERT_EQ(s0.mbs_clusters_inuse - s2.mbs_clusters_inuse, 1);
}

KTEST(mbuf_copym_copies_mbuf_data_independently, 30)
{
	static const int lens[] = { 50, 60 };
	struct mbuf *m = kt_chain(lens, 2, 0), *c;
	int ok;

	c = m_copym(m, 0, M_COPYALL, M_WAITOK);
	memset(mtod(m, char *), 0, 50);	/* the copy must not see this */
	ok = c != NULL && kt_count(c) == 2 && m_length(c, NULL) == 110 &&
	    kt_pattern_at(c, 0, 110, 0) && c->m_data != m->m_data &&
	    !(c->m_flags & M_EXT) && M_WRITABLE(c);
	m_freem(c);
	m_freem(m);
	KT_ASSERT(ok);
}

KTEST(mbuf_copym_from_offset_spans_mbufs_and_sets_pkthdr_len, 30)
{
	static const int lens[] = { 100, 2000, 200 };
	struct mbuf *m = kt_chain(lens, 3, 1), *c, *h, *all;
	int ok_mid, ok_hdr, ok_all;

	c = m_copym(m, 50, 2100, M_WAITOK);	/* 50 + 2000 + 50 */
	ok_mid = c != NULL && !(c->m_flags & M_PKTHDR) &&
	    kt_count(c) == 3 && m_length(c, NULL) == 2100 &&
	    kt_pattern_at(c, 0, 2100, 50);
	h = m_copym(m, 0, 120, M_WAITOK);
	ok_hdr = h != NULL && (h->m_flags & M_PKTHDR) &&
	    h->m_pkthdr.len == 120 && m_length(h, NULL) == 120 &&
	    kt_pattern_at(h, 0, 120, 0);
	all = m_copypacket(m, M_WAITOK);
	ok_all = all != NULL && all->m_pkthdr.len == 2300 &&
	    m_length(all, NULL) == 2300 && kt_pattern_at(all, 0, 2300, 0);
	m_freem(c);
	m_freem(h);
	m_freem(all);
	m_freem(m);
	KT_ASSERT(ok_mid);
	KT_ASSERT(ok_hdr);
	KT_ASSERT(ok_all);
}

KTEST(mbuf_copym_of_empty_packet_gives_empty_header_mbuf, 30)
{
	struct mbuf *m = m_gethdr(M_WAITOK, MT_DATA), *c;
	int ok;

	c = m_copypacket(m, M_WAITOK);
	ok = c != NULL && (c->m_flags & M_PKTHDR) && c->m_len == 0 &&
	    c->m_pkthdr.len == 0 && c->m_next == NULL;
	m_freem(c);
	m_freem(m);
	KT_ASSERT(ok);
}

KTEST(mbuf_copym_keeps_eor_only_with_the_last_byte, 30)
{
	static const int lens[] = { 100 };
	struct mbuf *m = kt_chain(lens, 1, 0), *part, *tail;
	int part_eor, tail_eor;

	m->m_flags |= M_EOR;
	part = m_copym(m, 0, 50, M_WAITOK);
	tail = m_copym(m, 50, 50, M_WAITOK);
	part_eor = part->m_flags & M_EOR;
	tail_eor = tail->m_flags & M_EOR;
	m_freem(part);
	m_freem(tail);
	m_freem(m);
	KT_ASSERT(!part_eor);
	KT_ASSERT(tail_eor);
}

KTEST(mbuf_copym_failure_frees_partial_copy, 30)
{
	static const int lens[] = { 10, 20, 30 };
	struct mbuf *m = kt_chain(lens, 3, 0), *c;
	struct mbstat s0, s1;
	int saved = nmbufs;

	mbuf_stats(&s0);
	atomic_store_int(&nmbufs, (int)s0.mbs_mbufs_inuse + 2);
	c = m_copym(m, 0, M_COPYALL, M_NOWAIT);
	atomic_store_int(&nmbufs, saved);
	mbuf_stats(&s1);
	m_freem(c);
	m_freem(m);
	KT_ASSERT(c == NULL);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
}

KTEST(mbuf_dup_is_a_writable_deep_copy, 30)
{
	static const int lens[] = { 100, 1800, 5, 700 };
	struct mbuf *m = kt_chain(lens, 4, 1), *d;
	int ok, unshared;

	m->m_pkthdr.flowid = 77;
	m_length(m, NULL);
	d = m_dup(m, M_WAITOK);
	memset(mtod(m->m_next, char *), 0, 1800);
	unshared = 1;
	for (struct mbuf *n = d; n != NULL; n = n->m_next)
		if (!M_WRITABLE(n))
			unshared = 0;
	ok = d != NULL && (d->m_flags & M_PKTHDR) && d->m_pkthdr.len == 2605 &&
	    d->m_pkthdr.flowid == 77 && m_length(d, NULL) == 2605 &&
	    kt_pattern_at(d, 0, 2605, 0) && kt_count(d) == 2;
	m_freem(d);
	m_freem(m);
	KT_ASSERT(ok);
	KT_ASSERT(unshared);
}

KTEST(mbuf_copyback_overwrites_and_extends_with_zero_gap, 30)
{
	static const int lens[] = { 100, 100 };
	struct mbuf *m = kt_chain(lens, 2, 1);
	char buf[300], want[300];
	int error1, error2, len;

	memset(want, 'x', 50);
	error1 = m_copyback(m, 80, 50, want);	/* across the boundary */
	error2 = m_copyback(m, 250, 10, want);	/* 50 bytes past the end */
	len = m_length(m, NULL);
	m_copydata(m, 0, 260, buf);
	KT_ASSERT_EQ(m->m_pkthdr.len, 260);
	m_freem(m);
	KT_ASSERT_EQ(error1, 0);
	KT_ASSERT_EQ(error2, 0);
	KT_ASSERT_EQ(len, 260);
	for (int i = 0; i < 260; i++) {
		char c = (i >= 80 && i < 130) || i >= 250 ? 'x' :
		    i >= 200 ? 0 : PAT(i);

		KT_ASSERT_MSG(buf[i] == c, "byte %d is %d, not %d", i, buf[i],
		    c);
	}
}

/* --- Editing ----------------------------------------------------------- */

KTEST(mbuf_pullup_makes_prefix_contiguous_in_place, 30)
{
	static const int lens[] = { 10, 30, 40 };
	struct mbuf *m = kt_chain(lens, 3, 1), *first;
	int ok;

	first = m;
	m = m_pullup(m, 50);
	ok = m == first && m->m_len == 50 && kt_count(m) == 2 &&
	    m->m_next->m_len == 30 && m->m_pkthdr.len == 80 &&
	    kt_pattern_at(m, 0, 80, 0);
	m_freem(m);
	KT_ASSERT(ok);
}

KTEST(mbuf_pullup_from_cluster_head_moves_pkthdr_to_new_mbuf, 30)
{
	static const int lens[] = { 0, 300 };
	struct mbuf *m = kt_chain(lens, 2, 0), *h, *c;
	int ok;

	/* A header mbuf holding a shared (read-only) cluster: no room. */
	h = m_getcl(M_WAITOK, MT_DATA, M_PKTHDR);
	c = m_copym(h, 0, M_COPYALL, M_WAITOK);
	h->m_next = m;
	h->m_pkthdr.len = 300;
	h = m_pullup(h, 20);
	ok = h != NULL && (h->m_flags & M_PKTHDR) && !(h->m_flags & M_EXT) &&
	    h->m_len == 20 && h->m_pkthdr.len == 300 &&
	    !(h->m_next->m_flags & M_PKTHDR) && kt_pattern_at(h, 0, 300, 0);
	m_freem(h);
	m_freem(c);
	KT_ASSERT(ok);
}

KTEST(mbuf_pullup_too_long_frees_chain_returns_null, 30)
{
	static const int lens[] = { 100, 200 };
	struct mbstat s0, s1, s2;
	struct mbuf *m;

	mbuf_stats(&s0);
	m = kt_chain(lens, 2, 1);
	m = m_pullup(m, MHLEN + 1);		/* cannot fit a header mbuf */
	mbuf_stats(&s1);
	KT_ASSERT(m == NULL);
	m = kt_chain(lens, 2, 1);
	m = m_pullup(m, 301);			/* longer than the chain */
	mbuf_stats(&s2);
	KT_ASSERT(m == NULL);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
	KT_ASSERT_EQ(s2.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
}

KTEST(mbuf_adj_positive_trims_head, 30)
{
	static const int lens[] = { 10, 20, 30 };
	struct mbuf *m = kt_chain(lens, 3, 1);
	int ok;

	m_adj(m, 25);
	ok = m->m_len == 0 && m->m_next->m_len == 5 && kt_count(m) == 3 &&
	    m->m_pkthdr.len == 35 && m_length(m, NULL) == 35 &&
	    kt_pattern_at(m, 0, 35, 25);
	m_freem(m);
	KT_ASSERT(ok);
}

KTEST(mbuf_adj_negative_trims_tail, 30)
{
	static const int lens[] = { 10, 20, 30 };
	struct mbuf *m = kt_chain(lens, 3, 1);
	int ok;

	m_adj(m, -35);
	ok = m->m_len == 10 && m->m_next->m_len == 15 &&
	    m->m_next->m_next->m_len == 0 && m->m_pkthdr.len == 25 &&
	    kt_pattern_at(m, 0, 25, 0);
	m_freem(m);
	KT_ASSERT(ok);
}

KTEST(mbuf_adj_more_than_length_empties_chain, 30)
{
	static const int lens[] = { 10, 20 };
	struct mbuf *a = kt_chain(lens, 2, 1), *b = kt_chain(lens, 2, 1);
	int ok;

	m_adj(a, 1000);
	m_adj(b, -1000);
	ok = m_length(a, NULL) == 0 && a->m_pkthdr.len == 0 &&
	    m_length(b, NULL) == 0 && b->m_pkthdr.len == 0 &&
	    kt_count(a) == 2 && kt_count(b) == 2;
	m_freem(a);
	m_freem(b);
	KT_ASSERT(ok);
}

KTEST(mbuf_cat_copies_small_data_into_trailing_space, 30)
{
	static const int lens[] = { 10 };
	static const int nlens[] = { 20, 30 };
	struct mbuf *m = kt_chain(lens, 1, 1), *n, *big;
	struct mbstat s0, s1;
	int ok, linked;

	n = kt_chain(nlens, 2, 1);
	for (struct mbuf *x = n; x != NULL; x = x->m_next)	/* pattern */
		for (int i = 0; i < x->m_len; i++)
			mtod(x, char *)[i] = PAT(10 + (x == n ? 0 : 20) + i);
	mbuf_stats(&s0);
	m_cat(m, n);
	mbuf_stats(&s1);
	ok = kt_count(m) == 1 && m->m_len == 60 && kt_pattern_at(m, 0, 60, 0);
	/* A cluster is linked, not copied; its header is dropped. */
	big = m_getcl(M_WAITOK, MT_DATA, M_PKTHDR);
	kt_fill(big, 100, 60);
	m_cat(m, big);
	linked = m->m_next == big && !(big->m_flags & M_PKTHDR) &&
	    kt_pattern_at(m, 0, 160, 0);
	M_ASSERT_SANE(m);
	m_freem(m);
	KT_ASSERT(ok);
	KT_ASSERT(linked);
	KT_ASSERT_EQ(s0.mbs_mbufs_inuse - s1.mbs_mbufs_inuse, 2);
}

KTEST(mbuf_append_grows_chain_and_pkthdr_len, 30)
{
	static const int lens[] = { 200 };
	struct mbuf *m = kt_chain(lens, 1, 1);
	static char src[3000];
	int ok, r;

	for (int i = 0; i < 3000; i++)
		src[i] = PAT(200 + i);
	r = m_append(m, 3000, src);
	ok = m->m_pkthdr.len == 3200 && m_length(m, NULL) == 3200 &&
	    kt_pattern_at(m, 0, 3200, 0);
	m_freem(m);
	KT_ASSERT_EQ(r, 1);
	KT_ASSERT(ok);
}

KTEST(mbuf_append_at_cap_returns_0_keeping_what_fitted, 30)
{
	static const int lens[] = { 10 };
	struct mbuf *m = kt_chain(lens, 1, 1);
	static char src[1000];
	struct mbstat s0;
	int saved = nmbufs, r, len;

	mbuf_stats(&s0);
	atomic_store_int(&nmbufs, (int)s0.mbs_mbufs_inuse);
	r = m_append(m, 1000, src);
	atomic_store_int(&nmbufs, saved);
	len = m->m_pkthdr.len;
	m_freem(m);
	KT_ASSERT_EQ(r, 0);
	KT_ASSERT_EQ(len, MHLEN);	/* the header mbuf's space was used */
}

KTEST(mbuf_prepend_uses_leading_space_else_new_mbuf_with_pkthdr, 30)
{
	struct mbuf *m = m_gethdr(M_WAITOK, MT_DATA), *first;
	int in_place, moved;

	M_ALIGN(m, 40);
	kt_fill(m, 40, 100);
	m->m_pkthdr.len = 40;
	m->m_pkthdr.flowid = 9;
	first = m;
	M_PREPEND(m, 8, M_WAITOK);
	in_place = m == first && m->m_len == 48 && m->m_pkthdr.len == 48;
	M_PREPEND(m, MHLEN, M_NOWAIT);		/* more than is left */
	moved = m != NULL && m != first && m->m_next == first &&
	    (m->m_flags & M_PKTHDR) && !(first->m_flags & M_PKTHDR) &&
	    m->m_len == MHLEN && m->m_pkthdr.len == MHLEN + 48 &&
	    m->m_pkthdr.flowid == 9 && kt_pattern_at(m, MHLEN + 8, 40, 100);
	M_ASSERT_SANE(m);
	m_freem(m);
	KT_ASSERT(in_place);
	KT_ASSERT(moved);
}

KTEST(mbuf_prepend_failure_frees_chain, 30)
{
	struct mbuf *m = m_gethdr(M_WAITOK, MT_DATA);
	struct mbstat s0, s1;

	mbuf_stats(&s0);
	kt_fill(m, MHLEN, 0);
	mbuf_fail_inject(1);
	M_PREPEND(m, 4, M_NOWAIT);
	mbuf_fail_inject(0);
	mbuf_stats(&s1);
	KT_ASSERT(m == NULL);
	KT_ASSERT_EQ(s0.mbs_mbufs_inuse - s1.mbs_mbufs_inuse, 1);
}

KTEST(mbuf_split_inside_cluster_shares_it, 30)
{
	static const int lens[] = { 100, 1500 };
	struct mbuf *m = kt_chain(lens, 2, 1), *t;
	int ok_head, ok_tail;

	t = m_split(m, 600, M_WAITOK);
	ok_head = m->m_pkthdr.len == 600 && m_length(m, NULL) == 600 &&
	    kt_pattern_at(m, 0, 600, 0);
	ok_tail = t != NULL && (t->m_flags & M_PKTHDR) &&
	    t->m_pkthdr.len == 1000 && m_length(t, NULL) == 1000 &&
	    (t->m_flags & M_EXT) &&
	    t->m_ext.ext_buf == m->m_next->m_ext.ext_buf &&
	    *t->m_ext.ext_refcnt == 2 && kt_pattern_at(t, 0, 1000, 600);
	M_ASSERT_SANE(m);
	M_ASSERT_SANE(t);
	m_freem(t);
	m_freem(m);
	KT_ASSERT(ok_head);
	KT_ASSERT(ok_tail);
}

KTEST(mbuf_split_plain_mbufs_copies_tail, 30)
{
	static const int lens[] = { 100, 200, 50 };
	struct mbuf *m = kt_chain(lens, 3, 0), *t, *u;
	int ok1, ok2;

	t = m_split(m, 150, M_WAITOK);		/* inside the second */
	ok1 = t != NULL && !(t->m_flags & M_PKTHDR) &&
	    m_length(m, NULL) == 150 && m_length(t, NULL) == 200 &&
	    kt_pattern_at(m, 0, 150, 0) && kt_pattern_at(t, 0, 200, 150);
	u = m_split(m, 100, M_WAITOK);		/* on a boundary */
	ok2 = u != NULL && m->m_next == NULL && m_length(m, NULL) == 100 &&
	    kt_pattern_at(u, 0, 50, 100);
	m_freem(u);
	m_freem(t);
	m_freem(m);
	KT_ASSERT(ok1);
	KT_ASSERT(ok2);
}

KTEST(mbuf_split_full_mbuf_tail_with_header_goes_behind_empty_header, 30)
{
	static const int lens[] = { 10, MLEN };
	struct mbuf *m = kt_chain(lens, 2, 1), *t;
	int ok;

	t = m_split(m, 12, M_WAITOK);		/* MLEN - 2 > MHLEN bytes */
	ok = t != NULL && t->m_len == 0 && (t->m_flags & M_PKTHDR) &&
	    t->m_next != NULL && t->m_next->m_len == MLEN - 2 &&
	    t->m_pkthdr.len == MLEN - 2 && m->m_pkthdr.len == 12 &&
	    kt_pattern_at(t, 0, MLEN - 2, 12);
	M_ASSERT_SANE(t);
	m_freem(t);
	m_freem(m);
	KT_ASSERT(ok);
}

KTEST(mbuf_split_past_end_returns_null_chain_unchanged, 30)
{
	static const int lens[] = { 10, 20 };
	struct mbuf *m = kt_chain(lens, 2, 1), *t;
	int ok;

	t = m_split(m, 31, M_WAITOK);
	ok = t == NULL && m->m_pkthdr.len == 30 && m_length(m, NULL) == 30 &&
	    kt_count(m) == 2 && kt_pattern_at(m, 0, 30, 0);
	m_freem(m);
	KT_ASSERT(ok);
}

KTEST(mbuf_length_reports_total_and_last, 30)
{
	static const int lens[] = { 1, 2, 3 };
	struct mbuf *m = kt_chain(lens, 3, 1), *last, *none = NULL;
	int len, fixed, zero;

	len = m_length(m, &last);
	m->m_pkthdr.len = 999;
	fixed = m_fixhdr(m);
	zero = m_length(NULL, &none);
	KT_ASSERT(last == m->m_next->m_next);
	m_freem(m);
	KT_ASSERT_EQ(len, 6);
	KT_ASSERT_EQ(fixed, 6);
	KT_ASSERT_EQ(zero, 0);
	KT_ASSERT(none == NULL);
}

/* --- uio ---------------------------------------------------------------- */

static char kt_ubuf[6000];

KTEST(mbuf_uiotombuf_copies_all_of_resid_into_clusters, 30)
{
	struct iovec iov[2];
	struct uio uio;
	struct mbuf *m, *last;
	int error, ok;

	for (int i = 0; i < 5000; i++)
		kt_ubuf[i] = PAT(i);
	/* Two segments, to cross an iovec boundary inside an mbuf. */
	iov[0].iov_base = kt_ubuf;
	iov[0].iov_len = 1000;
	iov[1].iov_base = kt_ubuf + 1000;
	iov[1].iov_len = 4000;
	uio.uio_iov = iov;
	uio.uio_iovcnt = 2;
	uio.uio_offset = 0;
	uio.uio_resid = 5000;
	uio.uio_segflg = UIO_SYSSPACE;
	uio.uio_rw = UIO_WRITE;
	uio.uio_td = NULL;
	error = m_uiotombuf2(&uio, M_WAITOK, 0, M_PKTHDR | M_EOR, &m);
	KT_ASSERT_EQ(error, 0);
	m_length(m, &last);
	ok = m->m_pkthdr.len == 5000 && m_length(m, NULL) == 5000 &&
	    kt_count(m) == 3 && (m->m_flags & M_EXT) &&
	    (last->m_flags & M_EOR) && !(m->m_flags & M_EOR) &&
	    kt_pattern_at(m, 0, 5000, 0);
	M_ASSERT_SANE(m);
	m_freem(m);
	KT_ASSERT(ok);
	KT_ASSERT_EQ(uio.uio_resid, 0);
}

KTEST(mbuf_uiotombuf_len_limits_the_copy, 30)
{
	struct iovec iov;
	struct uio uio;
	struct mbuf *m;
	int ok;

	for (int i = 0; i < 300; i++)
		kt_ubuf[i] = PAT(i);
	uio_init_kernel(&uio, &iov, kt_ubuf, 300, 0, UIO_WRITE);
	m = m_uiotombuf(&uio, M_WAITOK, 120, 0, 0);
	ok = m != NULL && m_length(m, NULL) == 120 && m->m_next == NULL &&
	    !(m->m_flags & (M_EXT | M_PKTHDR)) && kt_pattern_at(m, 0, 120, 0);
	m_freem(m);
	KT_ASSERT(ok);
	KT_ASSERT_EQ(uio.uio_resid, 180);
}

KTEST(mbuf_uiotombuf_align_leaves_leading_space, 30)
{
	struct iovec iov;
	struct uio uio;
	struct mbuf *m;
	int lead, len;

	uio_init_kernel(&uio, &iov, kt_ubuf, 100, 0, UIO_WRITE);
	m = m_uiotombuf(&uio, M_WAITOK, 0, 64, M_PKTHDR);
	KT_ASSERT(m != NULL);
	lead = M_LEADINGSPACE(m);
	len = m->m_pkthdr.len;
	m_freem(m);
	KT_ASSERT_EQ(lead, 64);
	KT_ASSERT_EQ(len, 100);
}

KTEST(mbuf_uiotombuf_empty_uio_gives_one_empty_mbuf, 30)
{
	struct iovec iov;
	struct uio uio;
	struct mbuf *m;
	int error, ok;

	uio_init_kernel(&uio, &iov, kt_ubuf, 0, 0, UIO_WRITE);
	error = m_uiotombuf2(&uio, M_WAITOK, 0, M_PKTHDR | M_EOR, &m);
	KT_ASSERT_EQ(error, 0);
	ok = m != NULL && m->m_len == 0 && m->m_next == NULL &&
	    m->m_pkthdr.len == 0 && m->m_flags == (M_PKTHDR | M_EOR);
	m_freem(m);
	KT_ASSERT(ok);
}

/* Kernel threads have no user space: any user address faults. */
KTEST(mbuf_uiotombuf_efault_on_bad_pointer, 30)
{
	struct mbstat s0, s1;
	struct iovec iov[2];
	struct uio uio;
	struct mbuf *m = (struct mbuf *)1;
	int error;

	KT_ASSERT(vmspace_current() == NULL);
	mbuf_stats(&s0);
	iov[0].iov_base = (void *)0x100000;
	iov[0].iov_len = 3000;
	uio.uio_iov = iov;
	uio.uio_iovcnt = 1;
	uio.uio_offset = 0;
	uio.uio_resid = 3000;
	uio.uio_segflg = UIO_USERSPACE;
	uio.uio_rw = UIO_WRITE;
	uio.uio_td = curthread;
	error = m_uiotombuf2(&uio, M_WAITOK, 0, M_PKTHDR, &m);
	mbuf_stats(&s1);
	KT_ASSERT_EQ(error, EFAULT);
	KT_ASSERT(m == NULL);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
	KT_ASSERT_EQ(s1.mbs_clusters_inuse, s0.mbs_clusters_inuse);
}

KTEST(mbuf_uiotombuf_enobufs_at_cap_leaves_resid, 30)
{
	struct mbstat s0;
	struct iovec iov;
	struct uio uio;
	struct mbuf *m = (struct mbuf *)1;
	int saved = nmbclusters, error;

	mbuf_stats(&s0);
	uio_init_kernel(&uio, &iov, kt_ubuf, 4000, 0, UIO_WRITE);
	atomic_store_int(&nmbclusters, (int)s0.mbs_clusters_inuse);
	error = m_uiotombuf2(&uio, M_WAITOK, 0, 0, &m);
	atomic_store_int(&nmbclusters, saved);
	KT_ASSERT_EQ(error, ENOBUFS);
	KT_ASSERT(m == NULL);
	KT_ASSERT_EQ(uio.uio_resid, 4000);
}

KTEST(mbuf_mbuftouio_copies_up_to_len, 30)
{
	static const int lens[] = { 30, 0, 2000, 70 };
	struct mbuf *m = kt_chain(lens, 4, 1);
	struct iovec iov;
	struct uio uio;
	int error1, error2, ok;

	memset(kt_ubuf, 0, sizeof(kt_ubuf));
	uio_init_kernel(&uio, &iov, kt_ubuf, sizeof(kt_ubuf), 0, UIO_READ);
	error1 = m_mbuftouio(&uio, m, 1500);
	KT_ASSERT_EQ(uio.uio_resid, sizeof(kt_ubuf) - 1500);
	/* Without a limit: the whole chain, here into a short buffer. */
	uio_init_kernel(&uio, &iov, kt_ubuf + 3000, 2050, 0, UIO_READ);
	error2 = m_mbuftouio(&uio, m, 0);
	ok = uio.uio_resid == 0;
	for (int i = 0; i < 1500; i++)
		if (kt_ubuf[i] != PAT(i) || kt_ubuf[3000 + i] != PAT(i))
			ok = 0;
	if (kt_ubuf[1500] != 0 || kt_ubuf[3000 + 2049] != PAT(2049))
		ok = 0;
	m_freem(m);
	KT_ASSERT_EQ(error1, 0);
	KT_ASSERT_EQ(error2, 0);
	KT_ASSERT(ok);
}

/* --- Contexts: netisr threads, other CPUs ----------------------------- */

struct kt_nmsg {
	struct netmsg_base base;	/* first */
	int		how;
	int		was_netisr;
	int		ok;
};

/* Builds, copies and frees a chain the way a protocol handler would. */
static void
kt_netisr_alloc(netmsg_t msg)
{
	struct kt_nmsg *km = (struct kt_nmsg *)msg;
	struct mbuf *m, *c;

	km->was_netisr = IN_NETISR();
	m = m_gethdr(km->how, MT_DATA);
	if (m != NULL && m_append(m, 3000, kt_ubuf)) {	/* clusters */
		c = m_copypacket(m, km->how);
		km->ok = c != NULL && c->m_pkthdr.len == 3000;
		m_freem(c);
		c = m_dup(m, km->how);
		km->ok = km->ok && c != NULL && m_length(c, NULL) == 3000;
		m_freem(c);
	}
	m_freem(m);
	netisr_replymsg(msg, 0);
}

KTEST(mbuf_nowait_allocation_works_in_every_netisr, 30)
{
	struct kt_nmsg km;

	for (int cpu = 0; cpu < ncpus; cpu++) {
		bzero(&km, sizeof(km));
		netmsg_init(&km.base, NULL, NULL, 0, kt_netisr_alloc);
		km.how = M_NOWAIT;
		KT_ASSERT_EQ(lwkt_domsg(netisr_cpuport(cpu), &km.base.lmsg, 0),
		    0);
		KT_ASSERT(km.was_netisr);
		KT_ASSERT(km.ok);
	}
}

KTEST_EXPECT_PANIC(mbuf_waitok_in_netisr_panics, "M_WAITOK from netisr",
    30)
{
	static struct kt_nmsg km;

	netmsg_init(&km.base, NULL, &netisr_adone_rport, 0, kt_netisr_alloc);
	km.how = M_WAITOK;
	lwkt_sendmsg(netisr_cpuport(0), &km.base.lmsg);
	tsleep(&km, 0, "waitok", 5 * hz);
}

/*
 * Two CPUs copy the same clusters at once and free their copies, and
 * free mbufs the other CPU allocated: the reference counts and the
 * in-use counters come back exact.
 */
#define SHARE_ROUNDS	2000
static struct mbuf *kt_share_src;
static struct mbuf *kt_handoff[2][64];

static void
kt_share_worker(void *arg)
{
	int me = (int)(intptr_t)arg;

	for (int r = 0; r < SHARE_ROUNDS; r++) {
		struct mbuf *c = m_copym(kt_share_src, 0, M_COPYALL, M_WAITOK);
		struct mbuf *mine = m_getcl(M_WAITOK, MT_DATA, 0);
		struct mbuf *theirs;

		m_freem(c);
		/* Swap one cluster mbuf with the other worker. */
		theirs = atomic_swap_ptr(&kt_handoff[me][r % 64], mine);
		m_freem(theirs);
		theirs = atomic_swap_ptr(&kt_handoff[!me][r % 64], NULL);
		m_freem(theirs);
		if ((r & 63) == 0)
			lwkt_yield();
	}
}

KTEST(mbuf_cluster_refs_exact_after_concurrent_copies_on_two_cpus, 60)
{
	static const int lens[] = { 1500, 1500 };
	struct mbstat s0, s1;

	kt_share_src = kt_chain(lens, 2, 1);
	mbuf_stats(&s0);
	ktest_spawn(kt_share_worker, (void *)0, 0, "ktmb0");
	ktest_spawn(kt_share_worker, (void *)1, 1 % ncpus, "ktmb1");
	ktest_join();
	for (int w = 0; w < 2; w++)
		for (int i = 0; i < 64; i++) {
			m_freem(kt_handoff[w][i]);
			kt_handoff[w][i] = NULL;
		}
	mbuf_stats(&s1);
	KT_ASSERT_EQ(*kt_share_src->m_ext.ext_refcnt, 1);
	KT_ASSERT_EQ(*kt_share_src->m_next->m_ext.ext_refcnt, 1);
	m_freem(kt_share_src);
	KT_ASSERT_EQ(s1.mbs_mbufs_inuse, s0.mbs_mbufs_inuse);
	KT_ASSERT_EQ(s1.mbs_clusters_inuse, s0.mbs_clusters_inuse);
	KT_ASSERT_EQ(s1.mbs_clusters_shared - s0.mbs_clusters_shared,
	    2 * 2 * SHARE_ROUNDS);
}

/* --- sysctl ------------------------------------------------------------ */

static int
kt_sysctl_int(const char *name, int *v, const int *newv)
{
	size_t len = sizeof(*v);

	return (kernel_sysctlbyname(curthread, name, v, &len, newv,
	    newv != NULL ? sizeof(*newv) : 0, NULL));
}

KTEST(mbuf_sysctls_report_inuse_and_take_caps, 30)
{
	struct mbuf *m = m_getcl(M_WAITOK, MT_DATA, 0);
	struct mbstat s;
	int inuse, clinuse, fail, cap, old, newcap, neg = -1, after, ebad;
	int saved = nmbclusters;

	mbuf_stats(&s);
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.mbufs_inuse", &inuse, NULL), 0);
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.mbclusters_inuse", &clinuse,
	    NULL), 0);
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.mbuf_failures", &fail, NULL), 0);
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.nmbclusters", &cap, NULL), 0);
	newcap = cap + 1;
	KT_ASSERT_EQ(kt_sysctl_int("kern.ipc.nmbclusters", &old, &newcap), 0);
	after = nmbclusters;
	ebad = kt_sysctl_int("kern.ipc.nmbclusters", &old, &neg);
	atomic_store_int(&nmbclusters, saved);
	m_freem(m);
	KT_ASSERT_EQ(inuse, s.mbs_mbufs_inuse);
	KT_ASSERT_EQ(clinuse, s.mbs_clusters_inuse);
	KT_ASSERT(clinuse >= 1);
	KT_ASSERT_EQ(fail, s.mbs_mbufs_failures + s.mbs_clusters_failures);
	KT_ASSERT_EQ(cap, saved);
	KT_ASSERT_EQ(after, saved + 1);
	KT_ASSERT_EQ(ebad, EINVAL);
	KT_ASSERT_EQ(old, saved + 1);		/* the failed write read it */
}

KTEST(mbuf_mbstat_report_names_both_kinds, 30)
{
	static char buf[1024];
	size_t len = sizeof(buf);

	KT_ASSERT_EQ(kernel_sysctlbyname(curthread, "kern.ipc.mbstat", buf,
	    &len, NULL, 0, NULL), 0);
	KT_ASSERT(len > 1 && buf[len - 1] == '\0');
	KT_ASSERT(strstr(buf, "\nmbuf ") != NULL);
	KT_ASSERT(strstr(buf, "\ncluster ") != NULL);
	KT_ASSERT(strstr(buf, "HIGHWATER") != NULL);
}

/* --- INVARIANTS checks ------------------------------------------------ */

KTEST_EXPECT_PANIC(mbuf_double_free_panics, "freed, or not an mbuf", 30)
{
	struct mbuf *m = m_get(M_WAITOK, MT_DATA);

	m_free(m);
	m_free(m);
}

KTEST_EXPECT_PANIC(mbuf_cluster_overrun_detected_at_free,
    "bad cluster (overrun or freed)", 30)
{
	struct mbuf *m = m_getcl(M_WAITOK, MT_DATA, 0);

	memset(mtod(m, char *), 0, MCLBYTES + 8);	/* 8 bytes too many */
	m_freem(m);
}

KTEST_EXPECT_PANIC(mbuf_copyback_into_shared_cluster_panics, "read only", 30)
{
	struct mbuf *m = m_getcl(M_WAITOK, MT_DATA, 0), *c;

	m->m_len = 100;
	c = m_copym(m, 0, M_COPYALL, M_WAITOK);
	m_copyback(m, 0, 4, "abcd");
	m_freem(c);
	m_freem(m);
}

KTEST_EXPECT_PANIC(mbuf_sanity_rejects_pkthdr_inside_chain,
    "packet header inside chain", 30)
{
	struct mbuf *a = m_gethdr(M_WAITOK, MT_DATA);

	a->m_next = m_gethdr(M_WAITOK, MT_DATA);
	m_sanity(a, "kt");
}
