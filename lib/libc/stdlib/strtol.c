/*
 * strtol.c: strtol, strtoul, strtoll, strtoull, strtoimax, strtoumax,
 * strtoq, strtouq, atoi, atol, atoll, strtonum.
 *
 * One converter (strtoumax_internal) parses the sign, the base prefix and
 * the digits into a uintmax_t magnitude and reports overflow; the public
 * functions clamp to their type's range and set ERANGE, as C requires:
 * the unsigned ones negate in their own width ("-1" is ULONG_MAX), the
 * signed ones return LONG_MIN/LONG_MAX.  An invalid base sets EINVAL;
 * when no digits are found *endptr is nptr and 0 is returned.
 */
#include <sys/types.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

static int
digit_value(int c)
{

	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'z')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'Z')
		return (c - 'A' + 10);
	return (99);
}

/*
 * Returns the magnitude (saturated at UINTMAX_MAX on overflow, *overflow
 * set), *neg for a leading '-', *endptr past the digits.
 */
static uintmax_t
strtoumax_internal(const char *nptr, char **endptr, int base, int *neg,
    int *overflow)
{
	const unsigned char *s = (const unsigned char *)nptr;
	uintmax_t acc, cutoff;
	int any, c, cutlim, d;

	*neg = 0;
	*overflow = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (endptr != NULL)
			*endptr = (char *)(uintptr_t)nptr;
		return (0);
	}
	while (isspace(*s))
		s++;
	if (*s == '-') {
		*neg = 1;
		s++;
	} else if (*s == '+')
		s++;
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	}
	if (base == 0)
		base = (*s == '0') ? 8 : 10;
	cutoff = UINTMAX_MAX / (uintmax_t)base;
	cutlim = (int)(UINTMAX_MAX % (uintmax_t)base);
	acc = 0;
	any = 0;
	for (;; s++) {
		c = *s;
		d = digit_value(c);
		if (d >= base)
			break;
		any = 1;
		if (*overflow)
			continue;
		if (acc > cutoff || (acc == cutoff && d > cutlim)) {
			*overflow = 1;
			acc = UINTMAX_MAX;
			continue;
		}
		acc = acc * (uintmax_t)base + (uintmax_t)d;
	}
	if (endptr != NULL)
		*endptr = (char *)(uintptr_t)(any ? (const char *)s : nptr);
	if (!any)
		*neg = 0;
	return (acc);
}

static intmax_t
strto_signed(const char *nptr, char **endptr, int base, intmax_t min,
    intmax_t max)
{
	uintmax_t mag;
	int neg, overflow;

	mag = strtoumax_internal(nptr, endptr, base, &neg, &overflow);
	if (neg) {
		if (overflow || mag > (uintmax_t)max + 1) {
			errno = ERANGE;
			return (min);
		}
		return (mag == (uintmax_t)max + 1 ? min : -(intmax_t)mag);
	}
	if (overflow || mag > (uintmax_t)max) {
		errno = ERANGE;
		return (max);
	}
	return ((intmax_t)mag);
}

static uintmax_t
strto_unsigned(const char *nptr, char **endptr, int base, uintmax_t max)
{
	uintmax_t mag;
	int neg, overflow;

	mag = strtoumax_internal(nptr, endptr, base, &neg, &overflow);
	if (overflow || mag > max) {
		errno = ERANGE;
		return (max);
	}
	return (neg ? (-mag) & max : mag);
}

long
strtol(const char *nptr, char **endptr, int base)
{

	return ((long)strto_signed(nptr, endptr, base, LONG_MIN, LONG_MAX));
}

long long
strtoll(const char *nptr, char **endptr, int base)
{

	return ((long long)strto_signed(nptr, endptr, base, LLONG_MIN,
	    LLONG_MAX));
}

intmax_t
strtoimax(const char *nptr, char **endptr, int base)
{

	return (strto_signed(nptr, endptr, base, INTMAX_MIN, INTMAX_MAX));
}

int64_t
strtoq(const char *nptr, char **endptr, int base)
{

	return (strto_signed(nptr, endptr, base, INT64_MIN, INT64_MAX));
}

unsigned long
strtoul(const char *nptr, char **endptr, int base)
{

	return ((unsigned long)strto_unsigned(nptr, endptr, base, ULONG_MAX));
}

unsigned long long
strtoull(const char *nptr, char **endptr, int base)
{

	return ((unsigned long long)strto_unsigned(nptr, endptr, base,
	    ULLONG_MAX));
}

uintmax_t
strtoumax(const char *nptr, char **endptr, int base)
{

	return (strto_unsigned(nptr, endptr, base, UINTMAX_MAX));
}

uint64_t
strtouq(const char *nptr, char **endptr, int base)
{

	return (strto_unsigned(nptr, endptr, base, UINT64_MAX));
}

int
atoi(const char *s)
{

	return ((int)strtol(s, NULL, 10));
}

long
atol(const char *s)
{

	return (strtol(s, NULL, 10));
}

long long
atoll(const char *s)
{

	return (strtoll(s, NULL, 10));
}

long long
strtonum(const char *s, long long minval, long long maxval,
    const char **errstrp)
{
	long long ll;
	char *ep;
	int saved;

	ll = 0;
	if (minval > maxval) {
		errno = EINVAL;
		if (errstrp != NULL)
			*errstrp = "invalid";
		return (0);
	}
	saved = errno;
	errno = 0;
	ll = strtoll(s, &ep, 10);
	if (s == ep || *ep != '\0') {
		errno = EINVAL;
		if (errstrp != NULL)
			*errstrp = "invalid";
		return (0);
	}
	if ((ll == LLONG_MIN && errno == ERANGE) || ll < minval) {
		errno = ERANGE;
		if (errstrp != NULL)
			*errstrp = "too small";
		return (0);
	}
	if ((ll == LLONG_MAX && errno == ERANGE) || ll > maxval) {
		errno = ERANGE;
		if (errstrp != NULL)
			*errstrp = "too large";
		return (0);
	}
	errno = saved;
	if (errstrp != NULL)
		*errstrp = NULL;
	return (ll);
}
