/*
 * inttypes.h (user space): printf/scanf macros for stdint types (LP64).
 */
#ifndef _INTTYPES_H_
#define _INTTYPES_H_

#include <sys/cdefs.h>
#include <stdint.h>

#define	PRId8		"d"
#define	PRId16		"d"
#define	PRId32		"d"
#define	PRId64		"ld"
#define	PRIi8		"i"
#define	PRIi16		"i"
#define	PRIi32		"i"
#define	PRIi64		"li"
#define	PRIo8		"o"
#define	PRIo16		"o"
#define	PRIo32		"o"
#define	PRIo64		"lo"
#define	PRIu8		"u"
#define	PRIu16		"u"
#define	PRIu32		"u"
#define	PRIu64		"lu"
#define	PRIx8		"x"
#define	PRIx16		"x"
#define	PRIx32		"x"
#define	PRIx64		"lx"
#define	PRIX8		"X"
#define	PRIX16		"X"
#define	PRIX32		"X"
#define	PRIX64		"lX"
#define	PRIdMAX		"jd"
#define	PRIiMAX		"ji"
#define	PRIoMAX		"jo"
#define	PRIuMAX		"ju"
#define	PRIxMAX		"jx"
#define	PRIXMAX		"jX"
#define	PRIdPTR		"ld"
#define	PRIiPTR		"li"
#define	PRIoPTR		"lo"
#define	PRIuPTR		"lu"
#define	PRIxPTR		"lx"
#define	PRIXPTR		"lX"
#define	PRIdLEAST8	PRId8
#define	PRIdLEAST16	PRId16
#define	PRIdLEAST32	PRId32
#define	PRIdLEAST64	PRId64
#define	PRIuLEAST8	PRIu8
#define	PRIuLEAST16	PRIu16
#define	PRIuLEAST32	PRIu32
#define	PRIuLEAST64	PRIu64
#define	PRIdFAST32	PRId32
#define	PRIdFAST64	PRId64
#define	PRIuFAST32	PRIu32
#define	PRIuFAST64	PRIu64

#define	SCNd8		"hhd"
#define	SCNd16		"hd"
#define	SCNd32		"d"
#define	SCNd64		"ld"
#define	SCNi32		"i"
#define	SCNi64		"li"
#define	SCNu8		"hhu"
#define	SCNu16		"hu"
#define	SCNu32		"u"
#define	SCNu64		"lu"
#define	SCNx8		"hhx"
#define	SCNx16		"hx"
#define	SCNx32		"x"
#define	SCNx64		"lx"
#define	SCNdMAX		"jd"
#define	SCNuMAX		"ju"
#define	SCNxMAX		"jx"

typedef struct {
	intmax_t	quot;
	intmax_t	rem;
} imaxdiv_t;

__BEGIN_DECLS
intmax_t	imaxabs(intmax_t);
imaxdiv_t	imaxdiv(intmax_t, intmax_t);
intmax_t	strtoimax(const char * __restrict, char ** __restrict, int);
uintmax_t	strtoumax(const char * __restrict, char ** __restrict, int);
__END_DECLS

#endif /* !_INTTYPES_H_ */
