/*
 * netinet6/in6.h (user space, included by netinet/in.h): IPv6 addresses
 * and socket options, FreeBSD's values.  The kernel has no IPv6 yet;
 * these exist so that programs written for FreeBSD compile.
 */
#ifndef _NETINET6_IN6_H_
#define _NETINET6_IN6_H_

struct in6_addr {
	union {
		__uint8_t	__u6_addr8[16];
		__uint16_t	__u6_addr16[8];
		__uint32_t	__u6_addr32[4];
	} __u6_addr;			/* 128-bit IP6 address */
};
#define	s6_addr		__u6_addr.__u6_addr8
#define	s6_addr8	__u6_addr.__u6_addr8
#define	s6_addr16	__u6_addr.__u6_addr16
#define	s6_addr32	__u6_addr.__u6_addr32

#define	INET6_ADDRSTRLEN	46

struct sockaddr_in6 {
	__uint8_t	sin6_len;	/* length of this struct */
	sa_family_t	sin6_family;	/* AF_INET6 */
	in_port_t	sin6_port;	/* Transport layer port # */
	__uint32_t	sin6_flowinfo;	/* IP6 flow information */
	struct in6_addr	sin6_addr;	/* IP6 address */
	__uint32_t	sin6_scope_id;	/* scope zone index */
};

#define	IN6ADDR_ANY_INIT \
	{{{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, \
	    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }}}
#define	IN6ADDR_LOOPBACK_INIT \
	{{{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, \
	    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01 }}}
#define	IN6ADDR_NODELOCAL_ALLNODES_INIT \
	{{{ 0xff, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, \
	    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01 }}}
#define	IN6ADDR_LINKLOCAL_ALLNODES_INIT \
	{{{ 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, \
	    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01 }}}

__BEGIN_DECLS
extern const struct in6_addr in6addr_any;
extern const struct in6_addr in6addr_loopback;
extern const struct in6_addr in6addr_nodelocal_allnodes;
extern const struct in6_addr in6addr_linklocal_allnodes;
__END_DECLS

#define	IN6_ARE_ADDR_EQUAL(a, b)					\
	(__builtin_memcmp(&(a)->s6_addr[0], &(b)->s6_addr[0],	\
	    sizeof(struct in6_addr)) == 0)
#define	IN6_IS_ADDR_UNSPECIFIED(a)					\
	((a)->__u6_addr.__u6_addr32[0] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[1] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[2] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[3] == 0)
#define	IN6_IS_ADDR_LOOPBACK(a)						\
	((a)->__u6_addr.__u6_addr32[0] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[1] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[2] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[3] == __htonl(1))
#define	IN6_IS_ADDR_V4COMPAT(a)						\
	((a)->__u6_addr.__u6_addr32[0] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[1] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[2] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[3] != 0 &&				\
	 (a)->__u6_addr.__u6_addr32[3] != __htonl(1))
#define	IN6_IS_ADDR_V4MAPPED(a)						\
	((a)->__u6_addr.__u6_addr32[0] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[1] == 0 &&				\
	 (a)->__u6_addr.__u6_addr32[2] == __htonl(0x0000ffff))
#define	IN6_IS_ADDR_LINKLOCAL(a)					\
	(((a)->s6_addr[0] == 0xfe) && (((a)->s6_addr[1] & 0xc0) == 0x80))
#define	IN6_IS_ADDR_SITELOCAL(a)					\
	(((a)->s6_addr[0] == 0xfe) && (((a)->s6_addr[1] & 0xc0) == 0xc0))
#define	IN6_IS_ADDR_MULTICAST(a)	((a)->s6_addr[0] == 0xff)

#define	IPV6_SOCKOPT_RESERVED1	3  /* reserved for future use */
#define	IPV6_UNICAST_HOPS	4  /* int; IP6 hops */
#define	IPV6_MULTICAST_IF	9  /* u_int; set/get IP6 multicast i/f  */
#define	IPV6_MULTICAST_HOPS	10 /* int; set/get IP6 multicast hops */
#define	IPV6_MULTICAST_LOOP	11 /* u_int; set/get IP6 multicast loopback */
#define	IPV6_JOIN_GROUP		12 /* ipv6_mreq; join a group membership */
#define	IPV6_LEAVE_GROUP	13 /* ipv6_mreq; leave a group membership */
#define	IPV6_PORTRANGE		14 /* int; range to choose for unspec port */
#define	ICMP6_FILTER		18 /* icmp6_filter; icmp6 filter */
#define	IPV6_CHECKSUM		26 /* int; checksum offset for raw socket */
#define	IPV6_V6ONLY		27 /* bool; make AF_INET6 sockets v6 only */
#define	IPV6_BINDV6ONLY		IPV6_V6ONLY
#define	IPV6_IPSEC_POLICY	28 /* struct; get/set security policy */
#define	IPV6_RTHDRDSTOPTS	35 /* ip6_dest; send dst option before rthdr */
#define	IPV6_RECVPKTINFO	36 /* bool; recv if, dst addr */
#define	IPV6_RECVHOPLIMIT	37 /* bool; recv hop limit */
#define	IPV6_RECVRTHDR		38 /* bool; recv routing header */
#define	IPV6_RECVHOPOPTS	39 /* bool; recv hop-by-hop option */
#define	IPV6_RECVDSTOPTS	40 /* bool; recv dst option after rthdr */
#define	IPV6_USE_MIN_MTU	42 /* bool; send packets at the minimum MTU */
#define	IPV6_RECVPATHMTU	43 /* bool; notify an according MTU */
#define	IPV6_PATHMTU		44 /* mtuinfo; get the current path MTU */
#define	IPV6_PKTINFO		46 /* in6_pktinfo; send if, src addr */
#define	IPV6_HOPLIMIT		47 /* int; send hop limit */
#define	IPV6_NEXTHOP		48 /* sockaddr; next hop addr */
#define	IPV6_HOPOPTS		49 /* ip6_hbh; send hop-by-hop option */
#define	IPV6_DSTOPTS		50 /* ip6_dest; send dst option befor rthdr */
#define	IPV6_RTHDR		51 /* ip6_rthdr; send routing header */
#define	IPV6_RECVTCLASS		57 /* bool; recv traffic class values */
#define	IPV6_AUTOFLOWLABEL	59 /* bool; attach flowlabel automagically */
#define	IPV6_TCLASS		61 /* int; send traffic class value */
#define	IPV6_DONTFRAG		62 /* bool; disable IPv6 fragmentation */
#define	IPV6_PREFER_TEMPADDR	63 /* int; prefer temporary addresses */
#define	IPV6_BINDANY		64 /* bool: allow bind to any address */
#define	IPV6_BINDMULTI		65 /* bool; allow multibind to same addr/port */
#define	IPV6_RSS_LISTEN_BUCKET	66 /* int; set RSS listen bucket */
#define	IPV6_FLOWID		67 /* int; flowid of given socket */
#define	IPV6_FLOWTYPE		68 /* int; flowtype of given socket */
#define	IPV6_RSSBUCKETID	69 /* int; RSS bucket ID of given socket */
#define	IPV6_RECVFLOWID		70 /* bool; receive IP6 flowid/flowtype */
#define	IPV6_RECVRSSBUCKETID	71 /* bool; receive IP6 RSS bucket id */
#define	IPV6_ORIGDSTADDR	72 /* bool: allow getting dstaddr /port info */
#define	IPV6_RECVORIGDSTADDR	IPV6_ORIGDSTADDR
#define	IPV6_VLAN_PCP		75 /* int; set/get PCP used for packet */

#define	IPV6_DEFAULT_MULTICAST_HOPS 1
#define	IPV6_DEFAULT_MULTICAST_LOOP 1

struct ipv6_mreq {
	struct in6_addr	ipv6mr_multiaddr;
	unsigned int	ipv6mr_interface;
};

struct in6_pktinfo {
	struct in6_addr	ipi6_addr;	/* src/dst IPv6 address */
	unsigned int	ipi6_ifindex;	/* send/recv interface index */
};

struct ip6_mtuinfo {
	struct sockaddr_in6 ip6m_addr;	/* or sockaddr_storage? */
	__uint32_t ip6m_mtu;
};

#endif /* !_NETINET6_IN6_H_ */
