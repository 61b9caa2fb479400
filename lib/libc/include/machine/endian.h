/*
 * machine/endian.h (user space): amd64 is little-endian.
 */
#ifndef _MACHINE_ENDIAN_H_
#define _MACHINE_ENDIAN_H_

#include <sys/_types.h>

#define	_LITTLE_ENDIAN	1234
#define	_BIG_ENDIAN	4321
#define	_PDP_ENDIAN	3412
#define	_BYTE_ORDER	_LITTLE_ENDIAN
#define	LITTLE_ENDIAN	_LITTLE_ENDIAN
#define	BIG_ENDIAN	_BIG_ENDIAN
#define	PDP_ENDIAN	_PDP_ENDIAN
#define	BYTE_ORDER	_BYTE_ORDER

#define	__bswap16(x)	((__uint16_t)__builtin_bswap16(x))
#define	__bswap32(x)	((__uint32_t)__builtin_bswap32(x))
#define	__bswap64(x)	((__uint64_t)__builtin_bswap64(x))
#define	__htonl(x)	__bswap32(x)
#define	__htons(x)	__bswap16(x)
#define	__ntohl(x)	__bswap32(x)
#define	__ntohs(x)	__bswap16(x)

#endif /* !_MACHINE_ENDIAN_H_ */
