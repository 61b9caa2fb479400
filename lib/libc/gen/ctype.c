/*
 * ctype.c: the "C" locale character table and the ctype functions
 * (ctype.h also provides them as macros over __ctype_tab).
 */
#include <ctype.h>

#define	C	_CTYPE_C
#define	S	(_CTYPE_S | _CTYPE_C)
#define	B	(_CTYPE_S | _CTYPE_C | _CTYPE_B)	/* tab */
#define	SP	(_CTYPE_S | _CTYPE_B | _CTYPE_R)	/* space */
#define	P	(_CTYPE_P | _CTYPE_G | _CTYPE_R)
#define	D	(_CTYPE_D | _CTYPE_X | _CTYPE_G | _CTYPE_R)
#define	UX	(_CTYPE_U | _CTYPE_A | _CTYPE_X | _CTYPE_G | _CTYPE_R)
#define	U	(_CTYPE_U | _CTYPE_A | _CTYPE_G | _CTYPE_R)
#define	LX	(_CTYPE_L | _CTYPE_A | _CTYPE_X | _CTYPE_G | _CTYPE_R)
#define	L	(_CTYPE_L | _CTYPE_A | _CTYPE_G | _CTYPE_R)

const unsigned short __ctype_tab[256] = {
	C, C, C, C, C, C, C, C, C, B, S, S, S, S, C, C,		/* 0x00 */
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,		/* 0x10 */
	SP, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,	/* 0x20 */
	D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,		/* 0x30 */
	P, UX, UX, UX, UX, UX, UX, U, U, U, U, U, U, U, U, U,	/* 0x40 */
	U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,		/* 0x50 */
	P, LX, LX, LX, LX, LX, LX, L, L, L, L, L, L, L, L, L,	/* 0x60 */
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, C,		/* 0x70 */
};

#undef isalnum
#undef isalpha
#undef iscntrl
#undef isdigit
#undef isgraph
#undef islower
#undef isprint
#undef ispunct
#undef isspace
#undef isupper
#undef isxdigit
#undef isblank
#undef isascii
#undef toascii

int isalnum(int c) { return (__ctype_is(c, _CTYPE_A | _CTYPE_D) != 0); }
int isalpha(int c) { return (__ctype_is(c, _CTYPE_A) != 0); }
int iscntrl(int c) { return (__ctype_is(c, _CTYPE_C) != 0); }
int isdigit(int c) { return (__ctype_is(c, _CTYPE_D) != 0); }
int isgraph(int c) { return (__ctype_is(c, _CTYPE_G) != 0); }
int islower(int c) { return (__ctype_is(c, _CTYPE_L) != 0); }
int isprint(int c) { return (__ctype_is(c, _CTYPE_R) != 0); }
int ispunct(int c) { return (__ctype_is(c, _CTYPE_P) != 0); }
int isspace(int c) { return (__ctype_is(c, _CTYPE_S) != 0); }
int isupper(int c) { return (__ctype_is(c, _CTYPE_U) != 0); }
int isxdigit(int c) { return (__ctype_is(c, _CTYPE_X) != 0); }
int isblank(int c) { return (__ctype_is(c, _CTYPE_B) != 0); }
int isascii(int c) { return ((c & ~0x7f) == 0); }
int toascii(int c) { return (c & 0x7f); }
int isnumber(int c) { return (isdigit(c)); }
int ishexnumber(int c) { return (isxdigit(c)); }

int
tolower(int c)
{

	return (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

int
toupper(int c)
{

	return (c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
}

int
digittoint(int c)
{

	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (0);
}
