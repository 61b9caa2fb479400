/*
 * vfprintf.c: the formatting engine behind every printf-family function.
 *
 * __libc_vformat(sink, cookie, fmt, ap) formats into a sink callback
 * (a FILE, a string buffer, a growing buffer, a descriptor) and returns
 * the number of bytes produced, or -1 if the sink failed.
 *
 * Conversions: d i u o x X c s p n % and e E f F g G (double and long
 * double); flags - + space # 0 and ' (ignored: C locale); field width and
 * precision, literal or '*'; length modifiers hh h l ll q j z t L.
 * Floating point is converted through long double and 128-bit integers:
 * exact for values below about 1e20 with up to 17 fraction digits (ties
 * round to even), approximate in the last digits beyond that.
 */
#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "local.h"

#define	F_MINUS		0x01
#define	F_PLUS		0x02
#define	F_SPACE		0x04
#define	F_ALT		0x08
#define	F_ZERO		0x10

struct out {
	__printf_sink_t	sink;
	void		*cookie;
	size_t		count;
	int		failed;
	char		buf[128];	/* batches small writes */
	size_t		len;
};

static void
out_flush(struct out *o)
{

	if (o->len > 0 && !o->failed && o->sink(o->cookie, o->buf, o->len) != 0)
		o->failed = 1;
	o->len = 0;
}

static void
out_put(struct out *o, const char *s, size_t n)
{
	size_t m;

	o->count += n;
	while (n > 0) {
		if (o->len == sizeof(o->buf))
			out_flush(o);
		m = sizeof(o->buf) - o->len;
		if (m > n)
			m = n;
		memcpy(o->buf + o->len, s, m);
		o->len += m;
		s += m;
		n -= m;
	}
}

static void
out_pad(struct out *o, char c, long n)
{
	char pad[16];

	memset(pad, c, sizeof(pad));
	while (n > 0) {
		out_put(o, pad, n < 16 ? (size_t)n : 16);
		n -= 16;
	}
}

/*
 * Emit prefix (sign, 0x), zeros to reach precision, the digits, padded
 * to width as the flags say.
 */
static void
out_field(struct out *o, int flags, long width, const char *prefix,
    long zeros, const char *body, size_t bodylen)
{
	long plen, total;

	plen = (long)strlen(prefix);
	total = plen + zeros + (long)bodylen;
	if (!(flags & F_MINUS) && !(flags & F_ZERO))
		out_pad(o, ' ', width - total);
	out_put(o, prefix, (size_t)plen);
	if (!(flags & F_MINUS) && (flags & F_ZERO))
		out_pad(o, '0', width - total);
	out_pad(o, '0', zeros);
	out_put(o, body, bodylen);
	if (flags & F_MINUS)
		out_pad(o, ' ', width - total);
}

static int
utoa(char *end, unsigned __int128 v, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;

	do {
		*--p = digits[(unsigned)(v % base)];
		v /= base;
	} while (v != 0);
	return ((int)(end - p));
}

static void
fmt_integer(struct out *o, int flags, long width, long prec, int conv,
    uintmax_t uv, int negative)
{
	char buf[72], prefix[4];
	unsigned base;
	int n, upper;
	long zeros;

	prefix[0] = '\0';
	upper = (conv == 'X');
	switch (conv) {
	case 'o':
		base = 8;
		break;
	case 'x':
	case 'X':
	case 'p':
		base = 16;
		break;
	default:
		base = 10;
		break;
	}
	if (conv == 'd' || conv == 'i') {
		if (negative)
			strcpy(prefix, "-");
		else if (flags & F_PLUS)
			strcpy(prefix, "+");
		else if (flags & F_SPACE)
			strcpy(prefix, " ");
	}
	if (prec == 0 && uv == 0)
		n = 0;
	else
		n = utoa(buf + sizeof(buf), uv, base, upper);
	if ((flags & F_ALT) || conv == 'p') {
		if (base == 16 && (uv != 0 || conv == 'p'))
			strcpy(prefix, upper ? "0X" : "0x");
		else if (base == 8 && (n == 0 || buf[sizeof(buf) - n] != '0')) {
			if (prec <= n)
				prec = n + 1;
		}
	}
	zeros = (prec > n) ? prec - n : 0;
	if (prec >= 0)
		flags &= ~F_ZERO;
	out_field(o, flags, width, prefix, zeros, buf + sizeof(buf) - n,
	    (size_t)n);
}

/* 10^n as long double, n >= 0 */
static long double
pow10l_(int n)
{
	long double r = 1, p = 10;

	for (; n > 0; n >>= 1, p *= p)
		if (n & 1)
			r *= p;
	return (r);
}

/* Round a non-negative value to an integer, ties to even. */
static unsigned __int128
round_even(long double v)
{
	unsigned __int128 i;
	long double frac;

	i = (unsigned __int128)v;
	frac = v - (long double)i;
	if (frac > 0.5L || (frac == 0.5L && (i & 1)))
		i++;
	return (i);
}

/* Decimal exponent of v > 0: 10^e <= v < 10^(e+1). */
static int
dec_exponent(long double v)
{
	int e = 0;

	while (v >= 1e16L) {
		v /= 1e16L;
		e += 16;
	}
	while (v >= 10.0L) {
		v /= 10.0L;
		e++;
	}
	while (v < 1e-16L) {
		v *= 1e16L;
		e -= 16;
	}
	while (v < 1.0L) {
		v *= 10.0L;
		e--;
	}
	return (e);
}

/* v * 10^e for possibly negative e */
static long double
scale(long double v, int e)
{

	return (e >= 0 ? v * pow10l_(e) : v / pow10l_(-e));
}

/*
 * Digits of v (>= 0) as fixed point with prec fraction digits into buf;
 * returns the length.  Values too large for 128 bits lose low digits.
 */
static int
fixed_digits(char *buf, size_t size, long double v, int prec, int alt)
{
	char tmp[64], digits[720];
	unsigned __int128 iv;
	int n, nd, shift, ip, len, i;
	long double sv;

	shift = 0;
	sv = scale(v, prec);
	while (sv >= 1e38L) {		/* keep within 128 bits */
		sv /= 10.0L;
		shift++;
	}
	iv = round_even(sv);
	n = utoa(tmp + sizeof(tmp), iv, 10, 0);
	/* All digits, with leading zeros so at least one is integral. */
	nd = 0;
	for (i = n + shift; i <= prec && nd < (int)sizeof(digits); i++)
		digits[nd++] = '0';
	for (i = 0; i < n && nd < (int)sizeof(digits); i++)
		digits[nd++] = tmp[sizeof(tmp) - n + i];
	for (i = 0; i < shift && nd < (int)sizeof(digits); i++)
		digits[nd++] = '0';
	ip = nd - prec;
	len = 0;
	for (i = 0; i < nd && len < (int)size - 2; i++) {
		if (i == ip && (prec > 0 || alt))
			buf[len++] = '.';
		buf[len++] = digits[i];
	}
	if (prec == 0 && alt && len < (int)size - 1)
		buf[len++] = '.';
	return (len);
}

/* Mantissa digits for %e: prec fraction digits, *exp the exponent. */
static int
exp_digits(char *buf, long double v, int prec, int *exp)
{
	unsigned __int128 iv, limit;
	char tmp[64];
	int e, n;

	if (prec > 30)
		prec = 30;
	if (v == 0) {
		*exp = 0;
		memset(buf, '0', (size_t)prec + 1);
		return (prec + 1);
	}
	e = dec_exponent(v);
	iv = round_even(scale(v, prec - e));
	limit = (unsigned __int128)pow10l_(prec + 1);
	if (iv >= limit) {
		e++;
		iv = round_even(scale(v, prec - e));
	}
	n = utoa(tmp + sizeof(tmp), iv, 10, 0);
	memcpy(buf, tmp + sizeof(tmp) - n, (size_t)n);
	*exp = e;
	return (n);
}

static void
fmt_float(struct out *o, int flags, long width, long prec, int conv,
    long double v)
{
	char body[720], prefix[2], mant[64];
	int upper, neg, len, n, e, i, g, P, strip;

	upper = (conv == 'E' || conv == 'F' || conv == 'G');
	neg = __builtin_signbit(v);
	if (neg)
		v = -v;
	prefix[0] = neg ? '-' : (flags & F_PLUS) ? '+' :
	    (flags & F_SPACE) ? ' ' : '\0';
	prefix[1] = '\0';
	if (v != v || v == __builtin_infl()) {
		strcpy(body, v != v ? (upper ? "NAN" : "nan") :
		    (upper ? "INF" : "inf"));
		flags &= ~F_ZERO;
		out_field(o, flags, width, prefix, 0, body, strlen(body));
		return;
	}
	if (prec < 0)
		prec = 6;
	if (prec > 300)
		prec = 300;
	g = (conv == 'g' || conv == 'G');
	strip = g && !(flags & F_ALT);
	if (g) {
		P = prec == 0 ? 1 : (int)prec;
		(void)exp_digits(mant, v, P - 1, &e);
		if (P > e && e >= -4) {
			conv = 'f';
			prec = P - 1 - e;
		} else {
			conv = upper ? 'E' : 'e';
			prec = P - 1;
		}
	}
	if (conv == 'f' || conv == 'F') {
		len = fixed_digits(body, sizeof(body), v, (int)prec,
		    flags & F_ALT);
		if (strip && memchr(body, '.', (size_t)len) != NULL) {
			while (len > 0 && body[len - 1] == '0')
				len--;
			if (len > 0 && body[len - 1] == '.')
				len--;
		}
	} else {
		n = exp_digits(mant, v, (int)prec, &e);
		len = 0;
		body[len++] = mant[0];
		if (n > 1 || (flags & F_ALT))
			body[len++] = '.';
		for (i = 1; i < n; i++)
			body[len++] = mant[i];
		if (strip && n > 1) {
			while (body[len - 1] == '0')
				len--;
			if (body[len - 1] == '.')
				len--;
		}
		body[len++] = upper ? 'E' : 'e';
		body[len++] = e < 0 ? '-' : '+';
		if (e < 0)
			e = -e;
		if (e < 10)
			body[len++] = '0';
		len += snprintf(body + len, sizeof(body) - (size_t)len, "%d", e);
	}
	out_field(o, flags, width, prefix, 0, body, (size_t)len);
}

static void
fmt_string(struct out *o, int flags, long width, long prec, const char *s)
{
	size_t n;

	if (s == NULL)
		s = "(null)";
	n = (prec >= 0) ? strnlen(s, (size_t)prec) : strlen(s);
	flags &= ~F_ZERO;
	out_field(o, flags, width, "", 0, s, n);
}

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_LD };

static uintmax_t
arg_unsigned(va_list *ap, int len)
{

	switch (len) {
	case L_HH: return ((unsigned char)va_arg(*ap, unsigned int));
	case L_H: return ((unsigned short)va_arg(*ap, unsigned int));
	case L_L: return (va_arg(*ap, unsigned long));
	case L_LL: return (va_arg(*ap, unsigned long long));
	case L_J: return (va_arg(*ap, uintmax_t));
	case L_Z: return (va_arg(*ap, size_t));
	case L_T: return ((uintmax_t)va_arg(*ap, ptrdiff_t));
	default: return (va_arg(*ap, unsigned int));
	}
}

static intmax_t
arg_signed(va_list *ap, int len)
{

	switch (len) {
	case L_HH: return ((signed char)va_arg(*ap, int));
	case L_H: return ((short)va_arg(*ap, int));
	case L_L: return (va_arg(*ap, long));
	case L_LL: return (va_arg(*ap, long long));
	case L_J: return (va_arg(*ap, intmax_t));
	case L_Z: return (va_arg(*ap, ssize_t));
	case L_T: return (va_arg(*ap, ptrdiff_t));
	default: return (va_arg(*ap, int));
	}
}

static void
store_count(va_list *ap, int len, size_t count)
{

	switch (len) {
	case L_HH: *va_arg(*ap, signed char *) = (signed char)count; break;
	case L_H: *va_arg(*ap, short *) = (short)count; break;
	case L_L: *va_arg(*ap, long *) = (long)count; break;
	case L_LL: *va_arg(*ap, long long *) = (long long)count; break;
	case L_J: *va_arg(*ap, intmax_t *) = (intmax_t)count; break;
	case L_Z: *va_arg(*ap, ssize_t *) = (ssize_t)count; break;
	case L_T: *va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)count; break;
	default: *va_arg(*ap, int *) = (int)count; break;
	}
}

static const char *
parse_spec(const char *p, va_list *ap, int *flags, long *width, long *prec,
    int *len)
{

	*flags = 0;
	for (;; p++) {
		switch (*p) {
		case '-': *flags |= F_MINUS; continue;
		case '+': *flags |= F_PLUS; continue;
		case ' ': *flags |= F_SPACE; continue;
		case '#': *flags |= F_ALT; continue;
		case '0': *flags |= F_ZERO; continue;
		case '\'': continue;
		default: break;
		}
		break;
	}
	*width = 0;
	if (*p == '*') {
		*width = va_arg(*ap, int);
		if (*width < 0) {
			*flags |= F_MINUS;
			*width = -*width;
		}
		p++;
	} else
		while (*p >= '0' && *p <= '9')
			*width = *width * 10 + (*p++ - '0');
	*prec = -1;
	if (*p == '.') {
		p++;
		*prec = 0;
		if (*p == '*') {
			*prec = va_arg(*ap, int);
			if (*prec < 0)
				*prec = -1;
			p++;
		} else
			while (*p >= '0' && *p <= '9')
				*prec = *prec * 10 + (*p++ - '0');
	}
	*len = L_NONE;
	switch (*p) {
	case 'h':
		*len = (p[1] == 'h') ? (p++, L_HH) : L_H;
		p++;
		break;
	case 'l':
		*len = (p[1] == 'l') ? (p++, L_LL) : L_L;
		p++;
		break;
	case 'q': *len = L_LL; p++; break;
	case 'j': *len = L_J; p++; break;
	case 'z': *len = L_Z; p++; break;
	case 't': *len = L_T; p++; break;
	case 'L': *len = L_LD; p++; break;
	default: break;
	}
	if (*flags & F_MINUS)
		*flags &= ~F_ZERO;
	return (p);
}

int
__libc_vformat(__printf_sink_t sink, void *cookie, const char *fmt,
    va_list ap0)
{
	struct out o;
	const char *p, *start;
	long width, prec;
	int flags, len, conv;
	intmax_t sv;
	va_list ap;
	char c;

	o.sink = sink;
	o.cookie = cookie;
	o.count = 0;
	o.failed = 0;
	o.len = 0;
	va_copy(ap, ap0);
	for (p = fmt; *p != '\0'; ) {
		if (*p != '%') {
			start = p;
			while (*p != '\0' && *p != '%')
				p++;
			out_put(&o, start, (size_t)(p - start));
			continue;
		}
		start = p++;
		p = parse_spec(p, &ap, &flags, &width, &prec, &len);
		conv = *p++;
		switch (conv) {
		case 'd':
		case 'i':
			sv = arg_signed(&ap, len);
			fmt_integer(&o, flags, width, prec, conv,
			    sv < 0 ? -(uintmax_t)sv : (uintmax_t)sv, sv < 0);
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			fmt_integer(&o, flags, width, prec, conv,
			    arg_unsigned(&ap, len), 0);
			break;
		case 'p':
			fmt_integer(&o, flags | F_ALT, width, prec, 'p',
			    (uintptr_t)va_arg(ap, void *), 0);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			flags &= ~F_ZERO;
			out_field(&o, flags, width, "", 0, &c, 1);
			break;
		case 's':
			fmt_string(&o, flags, width, prec, va_arg(ap, char *));
			break;
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
			if (len == L_LD)
				fmt_float(&o, flags, width, prec, conv,
				    va_arg(ap, long double));
			else
				fmt_float(&o, flags, width, prec, conv,
				    va_arg(ap, double));
			break;
		case 'n':
			store_count(&ap, len, o.count);
			break;
		case '%':
			out_put(&o, "%", 1);
			break;
		case '\0':
			p--;
			out_put(&o, start, (size_t)(p - start));
			break;
		default:
			/* Unknown conversion: print it as written. */
			out_put(&o, start, (size_t)(p - start));
			break;
		}
	}
	va_end(ap);
	out_flush(&o);
	if (o.failed)
		return (-1);
	if (o.count > INT_MAX) {
		errno = EOVERFLOW;
		return (-1);
	}
	return ((int)o.count);
}
