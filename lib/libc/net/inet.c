/*
 * inet.c: byte order and the address conversions of arpa/inet.h.
 *
 * inet_aton accepts the classic forms a.b.c.d, a.b.c (c 16 bits), a.b
 * (b 24 bits) and a (32 bits), each part decimal, octal (0...) or hex
 * (0x...).  inet_pton is strict: AF_INET takes exactly four decimal parts
 * without leading zeros ambiguity checks beyond 0..255; AF_INET6 the
 * RFC 4291 text forms including "::" and a trailing dotted quad.
 * inet_ntop writes IPv6 addresses in RFC 5952 form (longest zero run
 * compressed, lower case, IPv4-mapped as ::ffff:a.b.c.d).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#undef htonl
#undef htons
#undef ntohl
#undef ntohs

uint32_t htonl(uint32_t x) { return (__bswap32(x)); }
uint16_t htons(uint16_t x) { return (__bswap16(x)); }
uint32_t ntohl(uint32_t x) { return (__bswap32(x)); }
uint16_t ntohs(uint16_t x) { return (__bswap16(x)); }

const struct in6_addr in6addr_any = IN6ADDR_ANY_INIT;
const struct in6_addr in6addr_loopback = IN6ADDR_LOOPBACK_INIT;
const struct in6_addr in6addr_nodelocal_allnodes =
    IN6ADDR_NODELOCAL_ALLNODES_INIT;
const struct in6_addr in6addr_linklocal_allnodes =
    IN6ADDR_LINKLOCAL_ALLNODES_INIT;

int
inet_aton(const char *cp, struct in_addr *addr)
{
	unsigned long parts[4], val;
	int n, base, any;
	const char *c;

	n = 0;
	c = cp;
	for (;;) {
		if (!isdigit((unsigned char)*c))
			return (0);
		val = 0;
		base = 10;
		if (*c == '0') {
			c++;
			if (*c == 'x' || *c == 'X') {
				c++;
				base = 16;
			} else
				base = 8;
		}
		any = (base == 8);	/* the lone "0" */
		for (;; c++) {
			if (isdigit((unsigned char)*c)) {
				if (base == 8 && *c >= '8')
					return (0);
				val = val * (unsigned)base + (unsigned)(*c - '0');
			} else if (base == 16 && isxdigit((unsigned char)*c))
				val = val * 16 + (unsigned)(10 +
				    tolower((unsigned char)*c) - 'a');
			else
				break;
			any = 1;
			if (val > 0xffffffffUL)
				return (0);
		}
		if (!any)
			return (0);
		if (*c == '.') {
			if (n >= 3 || val > 0xff)
				return (0);
			parts[n++] = val;
			c++;
			continue;
		}
		break;
	}
	if (*c != '\0' && !isspace((unsigned char)*c))
		return (0);
	parts[n] = val;
	switch (n) {
	case 0:
		break;
	case 1:
		if (val > 0xffffff)
			return (0);
		val |= parts[0] << 24;
		break;
	case 2:
		if (val > 0xffff)
			return (0);
		val |= (parts[0] << 24) | (parts[1] << 16);
		break;
	case 3:
		if (val > 0xff)
			return (0);
		val |= (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8);
		break;
	}
	if (addr != NULL)
		addr->s_addr = htonl((uint32_t)val);
	return (1);
}

in_addr_t
inet_addr(const char *cp)
{
	struct in_addr a;

	if (inet_aton(cp, &a))
		return (a.s_addr);
	return (INADDR_NONE);
}

char *
inet_ntoa_r(struct in_addr in, char *buf, socklen_t size)
{

	(void)inet_ntop(AF_INET, &in, buf, size);
	return (buf);
}

char *
inet_ntoa(struct in_addr in)
{
	static char buf[INET_ADDRSTRLEN];

	return (inet_ntoa_r(in, buf, sizeof(buf)));
}

in_addr_t
inet_lnaof(struct in_addr in)
{
	in_addr_t i = ntohl(in.s_addr);

	if (IN_CLASSA(i))
		return (i & IN_CLASSA_HOST);
	if (IN_CLASSB(i))
		return (i & IN_CLASSB_HOST);
	return (i & IN_CLASSC_HOST);
}

in_addr_t
inet_netof(struct in_addr in)
{
	in_addr_t i = ntohl(in.s_addr);

	if (IN_CLASSA(i))
		return ((i & IN_CLASSA_NET) >> IN_CLASSA_NSHIFT);
	if (IN_CLASSB(i))
		return ((i & IN_CLASSB_NET) >> IN_CLASSB_NSHIFT);
	return ((i & IN_CLASSC_NET) >> IN_CLASSC_NSHIFT);
}

struct in_addr
inet_makeaddr(in_addr_t net, in_addr_t host)
{
	struct in_addr a;

	if (net < 128)
		a.s_addr = (net << IN_CLASSA_NSHIFT) | (host & IN_CLASSA_HOST);
	else if (net < 65536)
		a.s_addr = (net << IN_CLASSB_NSHIFT) | (host & IN_CLASSB_HOST);
	else if (net < 16777216L)
		a.s_addr = (net << IN_CLASSC_NSHIFT) | (host & IN_CLASSC_HOST);
	else
		a.s_addr = net | host;
	a.s_addr = htonl(a.s_addr);
	return (a);
}

in_addr_t
inet_network(const char *cp)
{
	in_addr_t val, part;
	char *end;
	int n;

	val = 0;
	for (n = 0; n < 4; n++) {
		if (!isdigit((unsigned char)*cp))
			return (INADDR_NONE);
		part = (in_addr_t)strtoul(cp, &end, 0);
		if (part > 255)
			return (INADDR_NONE);
		val = (val << 8) | part;
		cp = end;
		if (*cp != '.')
			break;
		cp++;
	}
	if (*cp != '\0' || n == 4)
		return (INADDR_NONE);
	return (val);
}

static int
pton4(const char *src, unsigned char *dst)
{
	unsigned int val;
	int octets, digits;
	unsigned char tmp[4];

	octets = 0;
	while (octets < 4) {
		if (!isdigit((unsigned char)*src))
			return (0);
		val = 0;
		digits = 0;
		while (isdigit((unsigned char)*src)) {
			if (digits > 0 && val == 0)
				return (0);	/* leading zero */
			val = val * 10 + (unsigned)(*src++ - '0');
			if (val > 255 || ++digits > 3)
				return (0);
		}
		tmp[octets++] = (unsigned char)val;
		if (octets < 4) {
			if (*src++ != '.')
				return (0);
		}
	}
	if (*src != '\0')
		return (0);
	memcpy(dst, tmp, 4);
	return (1);
}

static int
pton6(const char *src, unsigned char *dst)
{
	unsigned char tmp[16], *tp, *endp, *colonp;
	const char *curtok;
	unsigned int val;
	int ch, saw_xdigit, digits;

	memset(tmp, 0, sizeof(tmp));
	tp = tmp;
	endp = tmp + sizeof(tmp);
	colonp = NULL;
	if (*src == ':' && *++src != ':')
		return (0);
	curtok = src;
	saw_xdigit = 0;
	digits = 0;
	val = 0;
	while ((ch = (unsigned char)*src++) != '\0') {
		if (isxdigit(ch)) {
			val = (val << 4) | (unsigned)(isdigit(ch) ? ch - '0' :
			    tolower(ch) - 'a' + 10);
			if (++digits > 4)
				return (0);
			saw_xdigit = 1;
			continue;
		}
		if (ch == ':') {
			curtok = src;
			if (!saw_xdigit) {
				if (colonp != NULL)
					return (0);
				colonp = tp;
				continue;
			}
			if (*src == '\0' || tp + 2 > endp)
				return (0);
			*tp++ = (unsigned char)(val >> 8);
			*tp++ = (unsigned char)val;
			saw_xdigit = 0;
			digits = 0;
			val = 0;
			continue;
		}
		if (ch == '.' && tp + 4 <= endp && pton4(curtok, tp) > 0) {
			tp += 4;
			saw_xdigit = 0;
			break;
		}
		return (0);
	}
	if (saw_xdigit) {
		if (tp + 2 > endp)
			return (0);
		*tp++ = (unsigned char)(val >> 8);
		*tp++ = (unsigned char)val;
	}
	if (colonp != NULL) {
		long n = tp - colonp;
		long i;

		if (tp == endp)
			return (0);
		for (i = 1; i <= n; i++) {
			endp[-i] = colonp[n - i];
			colonp[n - i] = 0;
		}
		tp = endp;
	}
	if (tp != endp)
		return (0);
	memcpy(dst, tmp, sizeof(tmp));
	return (1);
}

int
inet_pton(int af, const char *src, void *dst)
{

	switch (af) {
	case AF_INET:
		return (pton4(src, dst));
	case AF_INET6:
		return (pton6(src, dst));
	default:
		errno = EAFNOSUPPORT;
		return (-1);
	}
}

static const char *
ntop4(const unsigned char *src, char *dst, socklen_t size)
{
	char tmp[INET_ADDRSTRLEN];
	int n;

	n = snprintf(tmp, sizeof(tmp), "%u.%u.%u.%u", src[0], src[1], src[2],
	    src[3]);
	if (n < 0 || (socklen_t)n >= size) {
		errno = ENOSPC;
		return (NULL);
	}
	memcpy(dst, tmp, (size_t)n + 1);
	return (dst);
}

static const char *
ntop6(const unsigned char *src, char *dst, socklen_t size)
{
	char tmp[INET6_ADDRSTRLEN], *tp;
	unsigned int words[8];
	int i, best, bestlen, cur, curlen;

	for (i = 0; i < 8; i++)
		words[i] = ((unsigned)src[2 * i] << 8) | src[2 * i + 1];
	best = -1;
	bestlen = 0;
	cur = -1;
	curlen = 0;
	for (i = 0; i < 8; i++) {
		if (words[i] == 0) {
			if (cur == -1) {
				cur = i;
				curlen = 1;
			} else
				curlen++;
			if (curlen > bestlen) {
				best = cur;
				bestlen = curlen;
			}
		} else
			cur = -1;
	}
	if (bestlen < 2)
		best = -1;
	tp = tmp;
	for (i = 0; i < 8; i++) {
		if (best != -1 && i >= best && i < best + bestlen) {
			if (i == best)
				*tp++ = ':';
			continue;
		}
		if (i != 0)
			*tp++ = ':';
		if (i == 6 && best == 0 && (bestlen == 6 ||
		    (bestlen == 5 && words[5] == 0xffff))) {
			if (ntop4(src + 12, tp, (socklen_t)(sizeof(tmp) -
			    (size_t)(tp - tmp))) == NULL)
				return (NULL);
			tp += strlen(tp);
			break;
		}
		tp += sprintf(tp, "%x", words[i]);
	}
	if (best != -1 && best + bestlen == 8)
		*tp++ = ':';
	*tp = '\0';
	if ((socklen_t)(tp - tmp) + 1 > size) {
		errno = ENOSPC;
		return (NULL);
	}
	memcpy(dst, tmp, (size_t)(tp - tmp) + 1);
	return (dst);
}

const char *
inet_ntop(int af, const void *src, char *dst, socklen_t size)
{

	switch (af) {
	case AF_INET:
		return (ntop4(src, dst, size));
	case AF_INET6:
		return (ntop6(src, dst, size));
	default:
		errno = EAFNOSUPPORT;
		return (NULL);
	}
}
