/*
 * strtod.c: strtod, strtof, strtold, atof.
 *
 * Decimal and hexadecimal floating constants, "inf"/"infinity" and "nan".
 * The decimal conversion accumulates up to 19 significant digits in an
 * integer and scales by powers of ten in long double: results are within
 * an ulp or so of the correctly rounded value, not always exact.
 * Overflow returns HUGE_VAL with ERANGE; underflow to 0 sets ERANGE.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static long double
scale10(long double v, long e)
{
	long double p = 10.0L;

	if (e < 0) {
		for (e = -e; e != 0; e >>= 1, p *= p)
			if (e & 1)
				v /= p;
	} else {
		for (; e != 0; e >>= 1, p *= p)
			if (e & 1)
				v *= p;
	}
	return (v);
}

static int
match_word(const char *s, const char *w)
{
	size_t i;

	for (i = 0; w[i] != '\0'; i++)
		if (tolower((unsigned char)s[i]) != w[i])
			return (0);
	return (1);
}

static long double
parse_hex(const char *s, const char **end)
{
	long double v = 0;
	long e = 0, pe = 0;
	int any = 0, d, sign;

	for (;; s++) {
		if (isxdigit((unsigned char)*s)) {
			d = isdigit((unsigned char)*s) ? *s - '0' :
			    tolower((unsigned char)*s) - 'a' + 10;
			v = v * 16 + d;
			any = 1;
		} else
			break;
	}
	if (*s == '.') {
		for (s++; isxdigit((unsigned char)*s); s++) {
			d = isdigit((unsigned char)*s) ? *s - '0' :
			    tolower((unsigned char)*s) - 'a' + 10;
			v = v * 16 + d;
			e -= 4;
			any = 1;
		}
	}
	if (!any) {
		*end = NULL;
		return (0);
	}
	if (*s == 'p' || *s == 'P') {
		const char *t = s + 1;
		sign = 1;
		if (*t == '-' || *t == '+')
			sign = (*t++ == '-') ? -1 : 1;
		if (isdigit((unsigned char)*t)) {
			while (isdigit((unsigned char)*t)) {
				if (pe < 100000)
					pe = pe * 10 + (*t - '0');
				t++;
			}
			e += sign * pe;
			s = t;
		}
	}
	*end = s;
	while (e > 0) {
		v *= 2;
		e--;
	}
	while (e < 0) {
		v /= 2;
		e++;
	}
	return (v);
}

static long double
parse_decimal(const char *s, const char **end)
{
	uint64_t mant = 0;
	long exp10 = 0, e = 0;
	int digits = 0, any = 0, sign;
	const char *t;

	for (; isdigit((unsigned char)*s); s++) {
		any = 1;
		if (digits < 19) {
			mant = mant * 10 + (uint64_t)(*s - '0');
			if (mant != 0)
				digits++;
		} else
			exp10++;
	}
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s); s++) {
			any = 1;
			if (digits < 19) {
				mant = mant * 10 + (uint64_t)(*s - '0');
				if (mant != 0)
					digits++;
				exp10--;
			}
		}
	}
	if (!any) {
		*end = NULL;
		return (0);
	}
	if (*s == 'e' || *s == 'E') {
		t = s + 1;
		sign = 1;
		if (*t == '-' || *t == '+')
			sign = (*t++ == '-') ? -1 : 1;
		if (isdigit((unsigned char)*t)) {
			while (isdigit((unsigned char)*t)) {
				if (e < 100000)
					e = e * 10 + (*t - '0');
				t++;
			}
			exp10 += sign * e;
			s = t;
		}
	}
	*end = s;
	if (mant == 0)
		return (0);
	return (scale10((long double)mant, exp10));
}

long double
strtold(const char *nptr, char **endptr)
{
	const char *s = nptr, *end;
	long double v;
	int neg = 0;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	if (match_word(s, "inf")) {
		end = s + (match_word(s, "infinity") ? 8 : 3);
		v = __builtin_infl();
	} else if (match_word(s, "nan")) {
		end = s + 3;
		if (*end == '(') {
			const char *t = end + 1;
			while (isalnum((unsigned char)*t) || *t == '_')
				t++;
			if (*t == ')')
				end = t + 1;
		}
		v = __builtin_nanl("");
	} else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		v = parse_hex(s + 2, &end);
		if (end == NULL) {
			v = 0;
			end = s + 1;
		}
	} else {
		v = parse_decimal(s, &end);
		if (end == NULL) {
			if (endptr != NULL)
				*endptr = (char *)(uintptr_t)nptr;
			return (0);
		}
	}
	if (endptr != NULL)
		*endptr = (char *)(uintptr_t)end;
	return (neg ? -v : v);
}

double
strtod(const char *nptr, char **endptr)
{
	long double v;
	double d;

	v = strtold(nptr, endptr);
	d = (double)v;
	if ((d == __builtin_inf() || d == -__builtin_inf()) &&
	    v == v && v != __builtin_infl() && v != -__builtin_infl())
		errno = ERANGE;
	else if (d == 0 && v != 0)
		errno = ERANGE;
	return (d);
}

float
strtof(const char *nptr, char **endptr)
{
	long double v;
	float f;

	v = strtold(nptr, endptr);
	f = (float)v;
	if ((f == __builtin_inff() || f == -__builtin_inff()) &&
	    v != __builtin_infl() && v != -__builtin_infl() && v == v)
		errno = ERANGE;
	else if (f == 0 && v != 0)
		errno = ERANGE;
	return (f);
}

double
atof(const char *s)
{

	return (strtod(s, NULL));
}
