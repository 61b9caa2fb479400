/*
 * kern/subr_prf.c: kprintf and friends.
 *
 * One formatter (kvformat) feeds either the console or a buffer.  Console
 * output is serialised by cons_lock so lines from different CPUs do not
 * interleave; panic() sets spin_panicking, after which the console lock is
 * ignored (another CPU may have died holding it).
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <sys/spinlock.h>

struct fmt_out {
	void	(*put)(struct fmt_out *, char);
	char	*buf;
	size_t	size;
	size_t	len;
};

static struct spinlock cons_lock = SPINLOCK_INITIALIZER("console",
    SPINRANK_CONS);

static void
fmt_put_number(struct fmt_out *o, uint64_t v, int base, int neg,
    int width, char pad, int upper, int left)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v != 0);
	len = n + neg;
	if (neg && pad == '0')
		o->put(o, '-');
	if (!left)
		for (; width > len; width--)
			o->put(o, pad);
	if (neg && pad != '0')
		o->put(o, '-');
	while (n > 0)
		o->put(o, tmp[--n]);
	if (left)
		for (; width > len; width--)
			o->put(o, ' ');
}

static void
fmt_put_string(struct fmt_out *o, const char *s, int width, int prec, int left)
{
	int len;

	if (s == NULL)
		s = "(null)";
	len = (prec >= 0) ? (int)strnlen(s, prec) : (int)strlen(s);
	if (!left)
		for (; width > len; width--)
			o->put(o, ' ');
	for (int i = 0; i < len; i++)
		o->put(o, s[i]);
	if (left)
		for (; width > len; width--)
			o->put(o, ' ');
}

static void
kvformat(struct fmt_out *o, const char *fmt, va_list ap)
{
	for (; *fmt != '\0'; fmt++) {
		int width = 0, prec = -1, lng = 0, left = 0, alt = 0;
		char pad = ' ';
		uint64_t u;
		int64_t s;

		if (*fmt != '%') {
			o->put(o, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				left = 1;
			else if (*fmt == '#')
				alt = 1;
			else if (*fmt == '0')
				pad = '0';
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		} else
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
		}
		while (*fmt == 'l' || *fmt == 'z' || *fmt == 'j' ||
		    *fmt == 't' || *fmt == 'h') {
			if (*fmt != 'h')
				lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i':
			s = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
			fmt_put_number(o, s < 0 ? -(uint64_t)s : (uint64_t)s,
			    10, s < 0, width, pad, 0, left);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			u = lng ? va_arg(ap, uint64_t) : va_arg(ap, u_int);
			if (alt && u != 0 && (*fmt == 'x' || *fmt == 'X')) {
				o->put(o, '0');
				o->put(o, *fmt);
			}
			fmt_put_number(o, u, *fmt == 'u' ? 10 :
			    *fmt == 'o' ? 8 : 16, 0, width, pad,
			    *fmt == 'X', left);
			break;
		case 'p':
			u = (uint64_t)va_arg(ap, void *);
			o->put(o, '0');
			o->put(o, 'x');
			fmt_put_number(o, u, 16, 0, width, pad, 0, left);
			break;
		case 's':
			fmt_put_string(o, va_arg(ap, const char *), width,
			    prec, left);
			break;
		case 'c':
			o->put(o, (char)va_arg(ap, int));
			break;
		case '%':
			o->put(o, '%');
			break;
		case '\0':
			return;
		default:
			o->put(o, '%');
			o->put(o, *fmt);
			break;
		}
	}
}

static void
cons_put(struct fmt_out *o, char c)
{
	if (c == '\n')
		cons_putc('\r');
	cons_putc(c);
	o->len++;
}

static void
buf_put(struct fmt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

int
kvprintf(const char *fmt, va_list ap)
{
	struct fmt_out o = { cons_put, NULL, 0, 0 };
	int locked = 0;

	if (!spin_panicking) {
		spin_lock(&cons_lock);
		locked = 1;
	}
	kvformat(&o, fmt, ap);
	if (locked)
		spin_unlock(&cons_lock);
	return ((int)o.len);
}

int
kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvprintf(fmt, ap);
	va_end(ap);
	return (n);
}

int
kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_out o = { buf_put, buf, size, 0 };

	kvformat(&o, fmt, ap);
	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return ((int)o.len);
}

int
ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (n);
}
