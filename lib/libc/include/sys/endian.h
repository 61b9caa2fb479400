/*
 * sys/endian.h (user space): byte-order conversions (BSD names).
 */
#ifndef _SYS_ENDIAN_H_
#define _SYS_ENDIAN_H_

#include <sys/_types.h>
#include <machine/endian.h>

#define	bswap16(x)	__bswap16(x)
#define	bswap32(x)	__bswap32(x)
#define	bswap64(x)	__bswap64(x)
#define	htobe16(x)	__bswap16(x)
#define	htobe32(x)	__bswap32(x)
#define	htobe64(x)	__bswap64(x)
#define	htole16(x)	((__uint16_t)(x))
#define	htole32(x)	((__uint32_t)(x))
#define	htole64(x)	((__uint64_t)(x))
#define	be16toh(x)	__bswap16(x)
#define	be32toh(x)	__bswap32(x)
#define	be64toh(x)	__bswap64(x)
#define	le16toh(x)	((__uint16_t)(x))
#define	le32toh(x)	((__uint32_t)(x))
#define	le64toh(x)	((__uint64_t)(x))

static __inline __uint16_t
be16dec(const void *pp)
{
	const unsigned char *p = (const unsigned char *)pp;

	return ((__uint16_t)((p[0] << 8) | p[1]));
}

static __inline __uint32_t
be32dec(const void *pp)
{
	const unsigned char *p = (const unsigned char *)pp;

	return (((__uint32_t)p[0] << 24) | ((__uint32_t)p[1] << 16) |
	    ((__uint32_t)p[2] << 8) | p[3]);
}

static __inline void
be16enc(void *pp, __uint16_t u)
{
	unsigned char *p = (unsigned char *)pp;

	p[0] = (unsigned char)(u >> 8);
	p[1] = (unsigned char)u;
}

static __inline void
be32enc(void *pp, __uint32_t u)
{
	unsigned char *p = (unsigned char *)pp;

	p[0] = (unsigned char)(u >> 24);
	p[1] = (unsigned char)(u >> 16);
	p[2] = (unsigned char)(u >> 8);
	p[3] = (unsigned char)u;
}

#endif /* !_SYS_ENDIAN_H_ */
