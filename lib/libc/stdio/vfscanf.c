/*
 * vfscanf.c: the scanf family over a character source (a FILE or a
 * string).  Conversions: d i u o x X p c s [ n % and e f g E G (a F);
 * '*' suppression, field widths, length modifiers hh h l ll q j z t L.
 * Returns the number of assignments, or EOF on input failure before the
 * first conversion.
 */
#include <sys/types.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "local.h"

struct src {
	int	(*getc)(void *);
	void	(*ungetc)(int, void *);
	void	*cookie;
	size_t	count;		/* characters consumed */
};

static int
src_get(struct src *s)
{
	int c;

	c = s->getc(s->cookie);
	if (c != EOF)
		s->count++;
	return (c);
}

static void
src_unget(struct src *s, int c)
{

	if (c == EOF)
		return;
	s->ungetc(c, s->cookie);
	s->count--;
}

static int
skip_space(struct src *s)
{
	int c;

	while ((c = src_get(s)) != EOF && isspace(c))
		;
	src_unget(s, c);
	return (c);
}

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_LD };

static void
store_int(va_list *ap, int len, uintmax_t v)
{

	switch (len) {
	case L_HH: *va_arg(*ap, char *) = (char)v; break;
	case L_H: *va_arg(*ap, short *) = (short)v; break;
	case L_L: *va_arg(*ap, long *) = (long)v; break;
	case L_LL: *va_arg(*ap, long long *) = (long long)v; break;
	case L_J: *va_arg(*ap, intmax_t *) = (intmax_t)v; break;
	case L_Z: *va_arg(*ap, size_t *) = (size_t)v; break;
	case L_T: *va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)v; break;
	default: *va_arg(*ap, int *) = (int)v; break;
	}
}

/* Collect the characters of a number into buf; returns its length. */
static size_t
scan_number(struct src *s, char *buf, size_t size, long width, int base,
    int isfloat)
{
	size_t n = 0;
	int c, seen_digit = 0, seen_dot = 0, seen_exp = 0;

	if (width <= 0 || width > (long)size - 1)
		width = (long)size - 1;
	while (n < (size_t)width) {
		c = src_get(s);
		if (c == EOF)
			break;
		if ((c == '+' || c == '-') && (n == 0 ||
		    (isfloat && (buf[n - 1] == 'e' || buf[n - 1] == 'E')))) {
			buf[n++] = (char)c;
			continue;
		}
		if (!isfloat) {
			if (base == 0 && !seen_digit && c == '0') {
				buf[n++] = (char)c;
				seen_digit = 1;
				base = 8;
				c = src_get(s);
				if ((c == 'x' || c == 'X') && n < (size_t)width) {
					buf[n++] = (char)c;
					base = 16;
					seen_digit = 0;
					continue;
				}
				src_unget(s, c);
				continue;
			}
			if (base == 16 && n > 0 && buf[n - 1] == '0' &&
			    (c == 'x' || c == 'X') && (n == 1 || (n == 2 &&
			    (buf[0] == '-' || buf[0] == '+')))) {
				buf[n++] = (char)c;
				continue;
			}
			if (base == 0)
				base = 10;
			if ((base <= 10 && c >= '0' && c < '0' + base) ||
			    (base == 16 && isxdigit(c))) {
				buf[n++] = (char)c;
				seen_digit = 1;
				continue;
			}
		} else {
			if (isdigit(c)) {
				buf[n++] = (char)c;
				seen_digit = 1;
				continue;
			}
			if (c == '.' && !seen_dot && !seen_exp) {
				buf[n++] = (char)c;
				seen_dot = 1;
				continue;
			}
			if ((c == 'e' || c == 'E') && seen_digit && !seen_exp) {
				buf[n++] = (char)c;
				seen_exp = 1;
				continue;
			}
			if (isalpha(c) && (n == 0 || isalpha((unsigned char)buf[n - 1]) ||
			    buf[n - 1] == '+' || buf[n - 1] == '-') &&
			    strchr("infatyINFATY", c) != NULL) {
				buf[n++] = (char)c;	/* inf, nan */
				continue;
			}
		}
		src_unget(s, c);
		break;
	}
	buf[n] = '\0';
	return (n);
}

int
__vfscanf_source(int (*getc)(void *), void (*ungetc)(int, void *),
    void *cookie, const char *fmt, va_list ap0)
{
	struct src s = { getc, ungetc, cookie, 0 };
	char buf[512], set[256], *endp, *dst;
	const char *p;
	int assigned, suppress, len, c, base, neg, conv, matched, any;
	long width, n;
	uintmax_t uv;
	long double ld;
	va_list ap;

	va_copy(ap, ap0);
	assigned = 0;
	any = 0;
	for (p = fmt; *p != '\0'; p++) {
		if (isspace((unsigned char)*p)) {
			(void)skip_space(&s);
			continue;
		}
		if (*p != '%' || p[1] == '%') {
			if (*p == '%') {
				p++;
				(void)skip_space(&s);
			}
			c = src_get(&s);
			if (c != (unsigned char)*p) {
				src_unget(&s, c);
				if (c == EOF && !any)
					goto input_failure;
				goto done;
			}
			continue;
		}
		p++;
		suppress = (*p == '*');
		if (suppress)
			p++;
		width = 0;
		while (isdigit((unsigned char)*p))
			width = width * 10 + (*p++ - '0');
		len = L_NONE;
		switch (*p) {
		case 'h': len = (p[1] == 'h') ? (p++, L_HH) : L_H; p++; break;
		case 'l': len = (p[1] == 'l') ? (p++, L_LL) : L_L; p++; break;
		case 'q': len = L_LL; p++; break;
		case 'j': len = L_J; p++; break;
		case 'z': len = L_Z; p++; break;
		case 't': len = L_T; p++; break;
		case 'L': len = L_LD; p++; break;
		default: break;
		}
		conv = *p;
		if (conv == '\0')
			break;
		if (conv == 'n') {
			if (!suppress)
				store_int(&ap, len, s.count);
			continue;
		}
		if (conv != 'c' && conv != '[') {
			if (skip_space(&s) == EOF)
				goto input_failure;
		}
		switch (conv) {
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		case 'p':
			base = (conv == 'd' || conv == 'u') ? 10 :
			    (conv == 'o') ? 8 : (conv == 'i') ? 0 : 16;
			if (conv == 'p')
				len = L_L;
			if (scan_number(&s, buf, sizeof(buf), width, base, 0) == 0)
				goto match_failure;
			errno = 0;
			neg = (buf[0] == '-');
			if (conv == 'd' || conv == 'i')
				uv = (uintmax_t)strtoimax(buf, &endp, base);
			else
				uv = strtoumax(buf, &endp, base);
			(void)neg;
			if (endp == buf || *endp != '\0')
				goto match_failure;
			any = 1;
			if (!suppress) {
				if (conv == 'p')
					*va_arg(ap, void **) = (void *)(uintptr_t)uv;
				else
					store_int(&ap, len, uv);
				assigned++;
			}
			break;
		case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
		case 'a': case 'A':
			if (scan_number(&s, buf, sizeof(buf), width, 10, 1) == 0)
				goto match_failure;
			ld = strtold(buf, &endp);
			if (endp == buf)
				goto match_failure;
			any = 1;
			if (!suppress) {
				if (len == L_LD)
					*va_arg(ap, long double *) = ld;
				else if (len == L_L)
					*va_arg(ap, double *) = (double)ld;
				else
					*va_arg(ap, float *) = (float)ld;
				assigned++;
			}
			break;
		case 'c':
			if (width == 0)
				width = 1;
			dst = suppress ? NULL : va_arg(ap, char *);
			for (n = 0; n < width; n++) {
				c = src_get(&s);
				if (c == EOF)
					break;
				if (dst != NULL)
					dst[n] = (char)c;
			}
			if (n == 0)
				goto input_failure;
			any = 1;
			if (!suppress)
				assigned++;
			break;
		case 's':
			dst = suppress ? NULL : va_arg(ap, char *);
			for (n = 0; width == 0 || n < width; n++) {
				c = src_get(&s);
				if (c == EOF || isspace(c)) {
					src_unget(&s, c);
					break;
				}
				if (dst != NULL)
					dst[n] = (char)c;
			}
			if (n == 0)
				goto input_failure;
			any = 1;
			if (dst != NULL) {
				dst[n] = '\0';
				assigned++;
			}
			break;
		case '[':
			p++;
			neg = (*p == '^');
			if (neg)
				p++;
			memset(set, 0, sizeof(set));
			if (*p == ']')
				set[(unsigned char)*p++] = 1;
			for (; *p != '\0' && *p != ']'; p++) {
				if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
					for (c = (unsigned char)p[0];
					    c <= (unsigned char)p[2]; c++)
						set[c] = 1;
					p += 2;
				} else
					set[(unsigned char)*p] = 1;
			}
			if (*p == '\0')
				goto done;
			dst = suppress ? NULL : va_arg(ap, char *);
			matched = 0;
			for (n = 0; width == 0 || n < width; n++) {
				c = src_get(&s);
				if (c == EOF || (set[c] != 0) == neg) {
					src_unget(&s, c);
					break;
				}
				if (dst != NULL)
					dst[n] = (char)c;
				matched = 1;
			}
			if (!matched)
				goto match_failure;
			any = 1;
			if (dst != NULL) {
				dst[n] = '\0';
				assigned++;
			}
			break;
		default:
			goto done;
		}
	}
done:
	va_end(ap);
	return (assigned);
match_failure:
	va_end(ap);
	return (assigned);
input_failure:
	va_end(ap);
	return (assigned > 0 || any ? assigned : EOF);
}

struct strsrc {
	const unsigned char *p;
};

static int
str_getc(void *cookie)
{
	struct strsrc *ss = cookie;

	if (*ss->p == '\0')
		return (EOF);
	return (*ss->p++);
}

static void
str_ungetc(int c, void *cookie)
{
	struct strsrc *ss = cookie;

	ss->p--;
}

int
vsscanf(const char *str, const char *fmt, va_list ap)
{
	struct strsrc ss = { (const unsigned char *)str };

	return (__vfscanf_source(str_getc, str_ungetc, &ss, fmt, ap));
}

int
sscanf(const char *str, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(str, fmt, ap);
	va_end(ap);
	return (n);
}

static int
file_getc(void *cookie)
{

	return (__sgetc(cookie));
}

static void
file_ungetc(int c, void *cookie)
{
	FILE *fp = cookie;

	if (fp->fp_ungot < 0 && (fp->fp_flags & __SREADING) &&
	    fp->fp_rpos > fp->fp_buf)
		*--fp->fp_rpos = (unsigned char)c;
	else
		fp->fp_ungot = (unsigned char)c;
}

int
vfscanf(FILE *fp, const char *fmt, va_list ap)
{
	int n;

	FLOCK(fp);
	n = __vfscanf_source(file_getc, file_ungetc, fp, fmt, ap);
	FUNLOCK(fp);
	return (n);
}

int
fscanf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(fp, fmt, ap);
	va_end(ap);
	return (n);
}

int
vscanf(const char *fmt, va_list ap)
{

	return (vfscanf(stdin, fmt, ap));
}

int
scanf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return (n);
}
