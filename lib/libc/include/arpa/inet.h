/*
 * arpa/inet.h (user space): address conversions.
 */
#ifndef _ARPA_INET_H_
#define _ARPA_INET_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <netinet/in.h>

#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif

#ifndef INET_ADDRSTRLEN
#define	INET_ADDRSTRLEN		16
#endif
#ifndef INET6_ADDRSTRLEN
#define	INET6_ADDRSTRLEN	46
#endif

__BEGIN_DECLS
#ifndef _BYTEORDER_PROTOTYPED
#define	_BYTEORDER_PROTOTYPED
__uint32_t	(htonl)(__uint32_t);
__uint16_t	(htons)(__uint16_t);
__uint32_t	(ntohl)(__uint32_t);
__uint16_t	(ntohs)(__uint16_t);
#endif

in_addr_t	 inet_addr(const char *);
char		*inet_ntoa(struct in_addr);
char		*inet_ntoa_r(struct in_addr, char *, socklen_t);
const char	*inet_ntop(int, const void * __restrict, char * __restrict,
		    socklen_t);
int		 inet_pton(int, const char * __restrict, void * __restrict);
int		 inet_aton(const char *, struct in_addr *);
in_addr_t	 inet_lnaof(struct in_addr);
struct in_addr	 inet_makeaddr(in_addr_t, in_addr_t);
in_addr_t	 inet_netof(struct in_addr);
in_addr_t	 inet_network(const char *);
__END_DECLS

#endif /* !_ARPA_INET_H_ */
