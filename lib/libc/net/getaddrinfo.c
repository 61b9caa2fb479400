/*
 * getaddrinfo.c: getaddrinfo, freeaddrinfo, gai_strerror, getnameinfo and
 * the small static databases behind getservbyname/getprotobyname.
 *
 * There is no resolver and no /etc/hosts parsing: a host must be a
 * numeric IPv4 or IPv6 address, "localhost", or NULL (the wildcard with
 * AI_PASSIVE, else the loopback address).  A service must be numeric or
 * one of the few well-known names below.  Results are returned for each
 * requested socket type (SOCK_STREAM/TCP, SOCK_DGRAM/UDP, SOCK_RAW when
 * asked for explicitly), IPv6 first when both families are allowed.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	h_errno;

static const struct {
	const char	*name;
	int		port;
	const char	*proto;		/* NULL: tcp and udp */
} services[] = {
	{ "echo", 7, NULL }, { "discard", 9, NULL }, { "daytime", 13, NULL },
	{ "chargen", 19, NULL }, { "ftp", 21, "tcp" }, { "ssh", 22, NULL },
	{ "telnet", 23, "tcp" }, { "smtp", 25, "tcp" }, { "domain", 53, NULL },
	{ "http", 80, NULL }, { "pop3", 110, NULL }, { "ntp", 123, NULL },
	{ "imap", 143, "tcp" }, { "https", 443, NULL }, { "syslog", 514, "udp" },
	{ NULL, 0, NULL }
};

static const struct {
	const char	*name;
	int		proto;
} protocols[] = {
	{ "ip", IPPROTO_IP }, { "icmp", IPPROTO_ICMP }, { "igmp", IPPROTO_IGMP },
	{ "tcp", IPPROTO_TCP }, { "udp", IPPROTO_UDP }, { "ipv6", IPPROTO_IPV6 },
	{ "ipv6-icmp", IPPROTO_ICMPV6 }, { "sctp", IPPROTO_SCTP },
	{ "raw", IPPROTO_RAW }, { NULL, 0 }
};

static const char *const gai_errors[] = {
	"Success",
	"Address family for hostname not supported",	/* EAI_ADDRFAMILY */
	"Temporary failure in name resolution",		/* EAI_AGAIN */
	"Invalid value for ai_flags",			/* EAI_BADFLAGS */
	"Non-recoverable failure in name resolution",	/* EAI_FAIL */
	"ai_family not supported",			/* EAI_FAMILY */
	"Memory allocation failure",			/* EAI_MEMORY */
	"No address associated with hostname",		/* EAI_NODATA */
	"hostname nor servname provided, or not known",	/* EAI_NONAME */
	"servname not supported for ai_socktype",	/* EAI_SERVICE */
	"ai_socktype not supported",			/* EAI_SOCKTYPE */
	"System error returned in errno",		/* EAI_SYSTEM */
	"Invalid value for hints",			/* EAI_BADHINTS */
	"Resolved protocol is unknown",			/* EAI_PROTOCOL */
	"Argument buffer overflow",			/* EAI_OVERFLOW */
};

const char *
gai_strerror(int code)
{

	if (code >= 0 && code < EAI_MAX)
		return (gai_errors[code]);
	return ("Unknown error");
}

void
freeaddrinfo(struct addrinfo *ai)
{
	struct addrinfo *next;

	for (; ai != NULL; ai = next) {
		next = ai->ai_next;
		free(ai->ai_canonname);
		free(ai);
	}
}

/* Port (host order) for servname and socktype, or -1. */
static int
service_port(const char *serv, int socktype, int numeric_only)
{
	const char *proto;
	char *end;
	long v;
	int i;

	if (serv == NULL)
		return (0);
	v = strtol(serv, &end, 10);
	if (*serv != '\0' && *end == '\0')
		return ((v >= 0 && v <= 65535) ? (int)v : -1);
	if (numeric_only)
		return (-1);
	proto = (socktype == SOCK_DGRAM) ? "udp" : "tcp";
	for (i = 0; services[i].name != NULL; i++)
		if (strcmp(services[i].name, serv) == 0 &&
		    (services[i].proto == NULL ||
		    strcmp(services[i].proto, proto) == 0))
			return (services[i].port);
	return (-1);
}

static struct addrinfo *
ai_new(int family, int socktype, int protocol, const void *addr, int port,
    const char *canon)
{
	struct addrinfo *ai;
	struct sockaddr_in *sin;
	struct sockaddr_in6 *sin6;
	size_t alen;

	alen = (family == AF_INET) ? sizeof(*sin) : sizeof(*sin6);
	if ((ai = calloc(1, sizeof(*ai) + alen)) == NULL)
		return (NULL);
	ai->ai_family = family;
	ai->ai_socktype = socktype;
	ai->ai_protocol = protocol;
	ai->ai_addrlen = (socklen_t)alen;
	ai->ai_addr = (struct sockaddr *)(ai + 1);
	if (family == AF_INET) {
		sin = (struct sockaddr_in *)ai->ai_addr;
		sin->sin_len = sizeof(*sin);
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		memcpy(&sin->sin_addr, addr, 4);
	} else {
		sin6 = (struct sockaddr_in6 *)ai->ai_addr;
		sin6->sin6_len = sizeof(*sin6);
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)port);
		memcpy(&sin6->sin6_addr, addr, 16);
	}
	if (canon != NULL && (ai->ai_canonname = strdup(canon)) == NULL) {
		free(ai);
		return (NULL);
	}
	return (ai);
}

int
getaddrinfo(const char *host, const char *serv, const struct addrinfo *hints,
    struct addrinfo **res)
{
	struct addrinfo h, *head, **tail, *ai;
	unsigned char a4[4], a6[16];
	int have4, have6, fam, i, port, proto, socktype;
	static const int types[3] = { SOCK_STREAM, SOCK_DGRAM, SOCK_RAW };

	*res = NULL;
	memset(&h, 0, sizeof(h));
	if (hints != NULL) {
		h = *hints;
		if (h.ai_addrlen != 0 || h.ai_canonname != NULL ||
		    h.ai_addr != NULL || h.ai_next != NULL)
			return (EAI_BADHINTS);
		if (h.ai_flags & ~AI_MASK)
			return (EAI_BADFLAGS);
	}
	if (h.ai_family != AF_UNSPEC && h.ai_family != AF_INET &&
	    h.ai_family != AF_INET6)
		return (EAI_FAMILY);
	if (h.ai_socktype != 0 && h.ai_socktype != SOCK_STREAM &&
	    h.ai_socktype != SOCK_DGRAM && h.ai_socktype != SOCK_RAW &&
	    h.ai_socktype != SOCK_SEQPACKET)
		return (EAI_SOCKTYPE);
	if (host == NULL && serv == NULL)
		return (EAI_NONAME);

	have4 = have6 = 0;
	if (host == NULL) {
		if (h.ai_flags & AI_PASSIVE) {
			memset(a4, 0, 4);
			memset(a6, 0, 16);
		} else {
			a4[0] = 127; a4[1] = 0; a4[2] = 0; a4[3] = 1;
			memcpy(a6, &in6addr_loopback, 16);
		}
		have4 = have6 = 1;
	} else if (inet_pton(AF_INET, host, a4) == 1)
		have4 = 1;
	else if (inet_pton(AF_INET6, host, a6) == 1)
		have6 = 1;
	else if ((h.ai_flags & AI_NUMERICHOST) == 0 &&
	    strcmp(host, "localhost") == 0) {
		a4[0] = 127; a4[1] = 0; a4[2] = 0; a4[3] = 1;
		memcpy(a6, &in6addr_loopback, 16);
		have4 = have6 = 1;
	} else
		return (EAI_NONAME);
	if (h.ai_family == AF_INET)
		have6 = 0;
	if (h.ai_family == AF_INET6)
		have4 = 0;
	if (!have4 && !have6)
		return (host != NULL ? EAI_ADDRFAMILY : EAI_FAMILY);

	head = NULL;
	tail = &head;
	for (fam = 0; fam < 2; fam++) {
		if ((fam == 0 && !have6) || (fam == 1 && !have4))
			continue;
		for (i = 0; i < 3; i++) {
			socktype = types[i];
			if (h.ai_socktype != 0 && h.ai_socktype != socktype &&
			    !(h.ai_socktype == SOCK_SEQPACKET && i == 0))
				continue;
			if (h.ai_socktype == 0 && socktype == SOCK_RAW)
				continue;
			if (h.ai_socktype == SOCK_SEQPACKET)
				socktype = SOCK_SEQPACKET;
			proto = h.ai_protocol;
			if (proto == 0)
				proto = (socktype == SOCK_DGRAM) ? IPPROTO_UDP :
				    (socktype == SOCK_RAW) ? 0 :
				    (socktype == SOCK_SEQPACKET) ? IPPROTO_SCTP :
				    IPPROTO_TCP;
			port = service_port(serv, socktype,
			    (h.ai_flags & AI_NUMERICSERV) != 0);
			if (port < 0) {
				freeaddrinfo(head);
				return (EAI_SERVICE);
			}
			if (socktype == SOCK_RAW && serv != NULL && port != 0) {
				freeaddrinfo(head);
				return (EAI_SERVICE);
			}
			ai = ai_new(fam == 0 ? AF_INET6 : AF_INET, socktype,
			    proto, fam == 0 ? (void *)a6 : (void *)a4, port,
			    (h.ai_flags & AI_CANONNAME) && head == NULL ?
			    (host != NULL ? host : "localhost") : NULL);
			if (ai == NULL) {
				freeaddrinfo(head);
				return (EAI_MEMORY);
			}
			*tail = ai;
			tail = &ai->ai_next;
		}
	}
	if (head == NULL)
		return (EAI_SOCKTYPE);
	*res = head;
	return (0);
}

int
getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
    size_t hostlen, char *serv, size_t servlen, int flags)
{
	const struct sockaddr_in *sin;
	const struct sockaddr_in6 *sin6;
	const void *addr;
	int port;

	if (sa == NULL)
		return (EAI_FAIL);
	switch (sa->sa_family) {
	case AF_INET:
		if (salen < sizeof(*sin))
			return (EAI_FAIL);
		sin = (const struct sockaddr_in *)sa;
		addr = &sin->sin_addr;
		port = ntohs(sin->sin_port);
		break;
	case AF_INET6:
		if (salen < sizeof(*sin6))
			return (EAI_FAIL);
		sin6 = (const struct sockaddr_in6 *)sa;
		addr = &sin6->sin6_addr;
		port = ntohs(sin6->sin6_port);
		break;
	default:
		return (EAI_FAMILY);
	}
	if (host != NULL && hostlen > 0) {
		if (flags & NI_NAMEREQD)
			return (EAI_NONAME);
		if (inet_ntop(sa->sa_family, addr, host, (socklen_t)hostlen) ==
		    NULL)
			return (EAI_OVERFLOW);
	}
	if (serv != NULL && servlen > 0) {
		if ((size_t)snprintf(serv, servlen, "%d", port) >= servlen)
			return (EAI_OVERFLOW);
	}
	return (0);
}

struct hostent *
gethostbyname(const char *name)
{
	static struct hostent he;
	static struct in_addr addr;
	static char *addrs[2], *aliases[1], namebuf[256];

	if (inet_aton(name, &addr) == 0) {
		if (strcmp(name, "localhost") != 0) {
			h_errno = HOST_NOT_FOUND;
			return (NULL);
		}
		addr.s_addr = htonl(INADDR_LOOPBACK);
	}
	strlcpy(namebuf, name, sizeof(namebuf));
	addrs[0] = (char *)&addr;
	addrs[1] = NULL;
	aliases[0] = NULL;
	he.h_name = namebuf;
	he.h_aliases = aliases;
	he.h_addrtype = AF_INET;
	he.h_length = 4;
	he.h_addr_list = addrs;
	return (&he);
}

static struct servent *
servent_fill(int i, const char *proto)
{
	static struct servent se;
	static char *aliases[1];

	se.s_name = (char *)(unsigned long)services[i].name;
	se.s_aliases = aliases;
	se.s_port = htons((uint16_t)services[i].port);
	se.s_proto = (char *)(unsigned long)(proto != NULL ? proto :
	    services[i].proto != NULL ? services[i].proto : "tcp");
	return (&se);
}

struct servent *
getservbyname(const char *name, const char *proto)
{
	int i;

	for (i = 0; services[i].name != NULL; i++)
		if (strcmp(services[i].name, name) == 0 && (proto == NULL ||
		    services[i].proto == NULL ||
		    strcmp(services[i].proto, proto) == 0))
			return (servent_fill(i, proto));
	return (NULL);
}

struct servent *
getservbyport(int port, const char *proto)
{
	int i;

	for (i = 0; services[i].name != NULL; i++)
		if (htons((uint16_t)services[i].port) == port &&
		    (proto == NULL || services[i].proto == NULL ||
		    strcmp(services[i].proto, proto) == 0))
			return (servent_fill(i, proto));
	return (NULL);
}

static struct protoent *
protoent_fill(int i)
{
	static struct protoent pe;
	static char *aliases[1];

	pe.p_name = (char *)(unsigned long)protocols[i].name;
	pe.p_aliases = aliases;
	pe.p_proto = protocols[i].proto;
	return (&pe);
}

struct protoent *
getprotobyname(const char *name)
{
	int i;

	for (i = 0; protocols[i].name != NULL; i++)
		if (strcmp(protocols[i].name, name) == 0)
			return (protoent_fill(i));
	return (NULL);
}

struct protoent *
getprotobynumber(int proto)
{
	int i;

	for (i = 0; protocols[i].name != NULL; i++)
		if (protocols[i].proto == proto)
			return (protoent_fill(i));
	return (NULL);
}

const char *
hstrerror(int err)
{

	switch (err) {
	case NETDB_INTERNAL: return ("Internal resolver error");
	case NETDB_SUCCESS: return ("Resolver Error 0 (no error)");
	case HOST_NOT_FOUND: return ("Unknown host");
	case TRY_AGAIN: return ("Host name lookup failure");
	case NO_RECOVERY: return ("Unknown server error");
	case NO_DATA: return ("No address associated with name");
	default: return ("Unknown resolver error");
	}
}

void
herror(const char *s)
{

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: ", s);
	fprintf(stderr, "%s\n", hstrerror(h_errno));
}
