/*
 * netinet/tcp.h (user space): the TCP header and TCP socket options,
 * FreeBSD's values.  struct tcp_info has FreeBSD 13's layout.
 */
#ifndef _NETINET_TCP_H_
#define _NETINET_TCP_H_

#include <sys/cdefs.h>
#include <sys/types.h>

typedef	__uint32_t tcp_seq;

#define	tcp6_seq	tcp_seq
#define	tcp6hdr		tcphdr

struct tcphdr {
	__uint16_t	th_sport;		/* source port */
	__uint16_t	th_dport;		/* destination port */
	tcp_seq		th_seq;			/* sequence number */
	tcp_seq		th_ack;			/* acknowledgement number */
	__uint8_t	th_x2:4,		/* upper 4 (reserved) flags */
			th_off:4;		/* data offset */
	__uint8_t	th_flags;
	__uint16_t	th_win;			/* window */
	__uint16_t	th_sum;			/* checksum */
	__uint16_t	th_urp;			/* urgent pointer */
};

#define	TH_FIN	0x01
#define	TH_SYN	0x02
#define	TH_RST	0x04
#define	TH_PUSH	0x08
#define	TH_ACK	0x10
#define	TH_URG	0x20
#define	TH_ECE	0x40
#define	TH_CWR	0x80
#define	TH_AE	0x100
#define	TH_FLAGS	(TH_FIN|TH_SYN|TH_RST|TH_PUSH|TH_ACK|TH_URG|TH_ECE|TH_CWR)

#define	TCPOPT_EOL		0
#define	TCPOLEN_EOL		1
#define	TCPOPT_PAD		0
#define	TCPOLEN_PAD		1
#define	TCPOPT_NOP		1
#define	TCPOLEN_NOP		1
#define	TCPOPT_MAXSEG		2
#define	TCPOLEN_MAXSEG		4
#define	TCPOPT_WINDOW		3
#define	TCPOLEN_WINDOW		3
#define	TCPOPT_SACK_PERMITTED	4
#define	TCPOLEN_SACK_PERMITTED	2
#define	TCPOPT_SACK		5
#define	TCPOLEN_SACKHDR		2
#define	TCPOLEN_SACK		8
#define	TCPOPT_TIMESTAMP	8
#define	TCPOLEN_TIMESTAMP	10
#define	TCPOLEN_TSTAMP_APPA	(TCPOLEN_TIMESTAMP+2)
#define	TCPOPT_SIGNATURE	19
#define	TCPOLEN_SIGNATURE	18
#define	TCPOPT_FAST_OPEN	34

#define	TCP_MSS			512
#define	TCP6_MSS		1024
#define	TCP_MAXWIN		65535
#define	TTCP_CLIENT_SND_WND	4096
#define	TCP_MAX_WINSHIFT	14
#define	TCP_MAXBURST		4
#define	TCP_MAXHLEN		(0xf<<2)
#define	TCP_MAXOLEN		(TCP_MAXHLEN - sizeof(struct tcphdr))

/* User-settable options (used with setsockopt). */
#define	TCP_NODELAY	1	/* don't delay send to coalesce packets */
#define	TCP_MAXSEG	2	/* set maximum segment size */
#define	TCP_NOPUSH	4	/* don't push last block of write */
#define	TCP_NOOPT	8	/* don't use TCP options */
#define	TCP_MD5SIG	16	/* use MD5 digests (RFC2385) */
#define	TCP_INFO	32	/* retrieve tcp_info structure */
#define	TCP_STATS	33	/* retrieve stats blob structure */
#define	TCP_LOG		34	/* configure event logging for connection */
#define	TCP_LOGBUF	35	/* retrieve event log for connection */
#define	TCP_LOGID	36	/* configure log ID to correlate connections */
#define	TCP_LOGDUMP	37	/* dump connection log events to device */
#define	TCP_LOGDUMPID	38	/* dump events from connections with same ID */
#define	TCP_TXTLS_ENABLE 39	/* TLS framing and encryption for transmit */
#define	TCP_TXTLS_MODE	40	/* Transmit TLS mode */
#define	TCP_RXTLS_ENABLE 41	/* TLS framing and encryption for receive */
#define	TCP_RXTLS_MODE	42	/* Receive TLS mode */
#define	TCP_IWND_NB	43	/* Override initial window (units: bytes) */
#define	TCP_IWND_NSEG	44	/* Override initial window (units: MSS segs) */
#define	TCP_LOGID_CNT	46	/* get number of connections with the same ID */
#define	TCP_LOG_TAG	47	/* configure tag for grouping logs */
#define	TCP_USER_LOG	48	/* userspace log event */
#define	TCP_CONGESTION	64	/* get/set congestion control algorithm */
#define	TCP_CCALGOOPT	65	/* get/set cc algorithm specific options */
#define	TCP_MAXUNACKTIME 68	/* maximum time without making progress (sec) */
#define	TCP_MAXPEAKRATE	69	/* maximum peak rate allowed (kbps) */
#define	TCP_IDLE_REDUCE	70	/* Reduce cwnd on idle input */
#define	TCP_REMOTE_UDP_ENCAPS_PORT 71	/* Enable TCP over UDP tunneling */
#define	TCP_DELACK	72	/* socket option for delayed ack */
#define	TCP_FIN_IS_RST	73	/* A fin from the peer is treated has a RST */
#define	TCP_LOG_LIMIT	74	/* Limit to number of records in tcp-log */
#define	TCP_SHARED_CWND_ALLOWED 75	/* Use of a shared cwnd is allowed */
#define	TCP_PROC_ACCOUNTING 76	/* Do accounting on tcp cpu usage and size */
#define	TCP_USE_CMP_ACKS 77	/* The transport can handle the Compressed mbuf acks */
#define	TCP_PERF_INFO	78	/* retrieve accounting counters */
#define	TCP_LRD		79	/* toggle Lost Retransmission Detection */
#define	TCP_KEEPINIT	128	/* N, time to establish connection */
#define	TCP_KEEPIDLE	256	/* L,N,X start keeplives after this period */
#define	TCP_KEEPINTVL	512	/* L,N interval between keepalives */
#define	TCP_KEEPCNT	1024	/* L,N number of keepalives before close */
#define	TCP_FASTOPEN	1025	/* enable TFO / was created via TFO */
#define	TCP_PCAP_OUT	2048	/* number of output packets to keep */
#define	TCP_PCAP_IN	4096	/* number of input packets to keep */
#define	TCP_FUNCTION_BLK 8192	/* Set the tcp function pointers to the specified stack */
#define	TCP_FUNCTION_ALIAS 8193	/* Get a stack alias */

#define	TCP_CA_NAME_MAX	16	/* max congestion control name length */

#define	TCPI_OPT_TIMESTAMPS	0x01
#define	TCPI_OPT_SACK		0x02
#define	TCPI_OPT_WSCALE		0x04
#define	TCPI_OPT_ECN		0x08
#define	TCPI_OPT_TOE		0x10
#define	TCPI_OPT_TFO		0x20
#define	TCPI_OPT_ACE		0x40

/* The TCP_INFO socket option result (FreeBSD 13 layout, 236 bytes). */
struct tcp_info {
	__uint8_t	tcpi_state;		/* TCP FSM state. */
	__uint8_t	__tcpi_ca_state;
	__uint8_t	__tcpi_retransmits;
	__uint8_t	__tcpi_probes;
	__uint8_t	__tcpi_backoff;
	__uint8_t	tcpi_options;		/* Options enabled on conn. */
	__uint8_t	tcpi_snd_wscale:4,	/* RFC1323 send shift value. */
			tcpi_rcv_wscale:4;	/* RFC1323 recv shift value. */

	__uint32_t	tcpi_rto;		/* Retransmission timeout (usec). */
	__uint32_t	__tcpi_ato;
	__uint32_t	tcpi_snd_mss;		/* Max segment size for send. */
	__uint32_t	tcpi_rcv_mss;		/* Max segment size for receive. */

	__uint32_t	__tcpi_unacked;
	__uint32_t	__tcpi_sacked;
	__uint32_t	__tcpi_lost;
	__uint32_t	__tcpi_retrans;
	__uint32_t	__tcpi_fackets;

	/* Times; measurements in usecs. */
	__uint32_t	__tcpi_last_data_sent;
	__uint32_t	__tcpi_last_ack_sent;	/* Also unimpl. on Linux? */
	__uint32_t	tcpi_last_data_recv;	/* Time since last recv data. */
	__uint32_t	__tcpi_last_ack_recv;

	/* Metrics; variable units. */
	__uint32_t	__tcpi_pmtu;
	__uint32_t	__tcpi_rcv_ssthresh;
	__uint32_t	tcpi_rtt;		/* Smoothed RTT in usecs. */
	__uint32_t	tcpi_rttvar;		/* RTT variance in usecs. */
	__uint32_t	tcpi_snd_ssthresh;	/* Slow start threshold. */
	__uint32_t	tcpi_snd_cwnd;		/* Send congestion window. */
	__uint32_t	__tcpi_advmss;
	__uint32_t	__tcpi_reordering;

	__uint32_t	__tcpi_rcv_rtt;
	__uint32_t	tcpi_rcv_space;		/* Advertised recv window. */

	/* FreeBSD extensions to tcp_info. */
	__uint32_t	tcpi_snd_wnd;		/* Advertised send window. */
	__uint32_t	tcpi_snd_bwnd;		/* No longer used. */
	__uint32_t	tcpi_snd_nxt;		/* Next egress seqno */
	__uint32_t	tcpi_rcv_nxt;		/* Next ingress seqno */
	__uint32_t	tcpi_toe_tid;		/* HWTID for TOE endpoints */
	__uint32_t	tcpi_snd_rexmitpack;	/* Retransmitted packets */
	__uint32_t	tcpi_rcv_ooopack;	/* Out-of-order packets */
	__uint32_t	tcpi_snd_zerowin;	/* Zero-sized windows sent */

	/* Padding to grow without breaking ABI. */
	__uint32_t	__tcpi_pad[26];		/* Padding. */
};

#endif /* !_NETINET_TCP_H_ */
