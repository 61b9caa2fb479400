/*
 * netinet/udp.h (user space): the UDP header and options, FreeBSD's.
 */
#ifndef _NETINET_UDP_H_
#define _NETINET_UDP_H_

#include <sys/types.h>

struct udphdr {
	__uint16_t	uh_sport;	/* source port */
	__uint16_t	uh_dport;	/* destination port */
	__uint16_t	uh_ulen;	/* udp length */
	__uint16_t	uh_sum;		/* udp checksum */
};

#define	UDP_ENCAP		1
#define	UDP_VENDOR		SO_VENDOR
#define	UDP_ENCAP_ESPINUDP_NON_IKE	1
#define	UDP_ENCAP_ESPINUDP	2

#endif /* !_NETINET_UDP_H_ */
