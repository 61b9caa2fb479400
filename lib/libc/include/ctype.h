/*
 * ctype.h (user space): character classes of the "C" locale (ASCII),
 * table driven (lib/libc/gen/ctype.c).
 */
#ifndef _CTYPE_H_
#define _CTYPE_H_

#include <sys/cdefs.h>

#define	_CTYPE_A	0x0001		/* Alpha */
#define	_CTYPE_C	0x0002		/* Control */
#define	_CTYPE_D	0x0004		/* Digit */
#define	_CTYPE_G	0x0008		/* Graph */
#define	_CTYPE_L	0x0010		/* Lower */
#define	_CTYPE_P	0x0020		/* Punct */
#define	_CTYPE_S	0x0040		/* Space */
#define	_CTYPE_U	0x0080		/* Upper */
#define	_CTYPE_X	0x0100		/* X digit */
#define	_CTYPE_B	0x0200		/* Blank */
#define	_CTYPE_R	0x0400		/* Print */

__BEGIN_DECLS
extern const unsigned short __ctype_tab[256];
int	isalnum(int);
int	isalpha(int);
int	iscntrl(int);
int	isdigit(int);
int	isgraph(int);
int	islower(int);
int	isprint(int);
int	ispunct(int);
int	isspace(int);
int	isupper(int);
int	isxdigit(int);
int	tolower(int);
int	toupper(int);
int	isascii(int);
int	isblank(int);
int	toascii(int);
int	digittoint(int);
int	ishexnumber(int);
int	isnumber(int);
__END_DECLS

#define	__ctype_is(c, m)	(((c) & ~0xff) == 0 && (__ctype_tab[(c)] & (m)))
#define	isalnum(c)	__ctype_is((c), _CTYPE_A | _CTYPE_D)
#define	isalpha(c)	__ctype_is((c), _CTYPE_A)
#define	iscntrl(c)	__ctype_is((c), _CTYPE_C)
#define	isdigit(c)	__ctype_is((c), _CTYPE_D)
#define	isgraph(c)	__ctype_is((c), _CTYPE_G)
#define	islower(c)	__ctype_is((c), _CTYPE_L)
#define	isprint(c)	__ctype_is((c), _CTYPE_R)
#define	ispunct(c)	__ctype_is((c), _CTYPE_P)
#define	isspace(c)	__ctype_is((c), _CTYPE_S)
#define	isupper(c)	__ctype_is((c), _CTYPE_U)
#define	isxdigit(c)	__ctype_is((c), _CTYPE_X)
#define	isblank(c)	__ctype_is((c), _CTYPE_B)
#define	isascii(c)	(((c) & ~0x7f) == 0)
#define	toascii(c)	((c) & 0x7f)

#endif /* !_CTYPE_H_ */
