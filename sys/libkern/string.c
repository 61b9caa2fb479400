/*
 * libkern/string.c: the string and memory routines the kernel uses.
 * Plain C; the compiler is told -fno-builtin so these are real calls.
 */
#include <sys/types.h>
#include <sys/systm.h>

void *
memcpy(void *dst, const void *src, size_t len)
{
	void *d = dst;

	__asm__ volatile("rep movsb"
	    : "+D"(d), "+S"(src), "+c"(len) : : "memory");
	return (dst);
}

void *
memmove(void *dst, const void *src, size_t len)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || len == 0)
		return (dst);
	if (d < s || d >= s + len) {
		while (len--)
			*d++ = *s++;
	} else {
		d += len;
		s += len;
		while (len--)
			*--d = *--s;
	}
	return (dst);
}

void *
memset(void *dst, int c, size_t len)
{
	void *d = dst;

	__asm__ volatile("rep stosb"
	    : "+D"(d), "+c"(len) : "a"(c) : "memory");
	return (dst);
}

int
memcmp(const void *a, const void *b, size_t len)
{
	const unsigned char *p = a, *q = b;

	for (; len > 0; len--, p++, q++)
		if (*p != *q)
			return (*p - *q);
	return (0);
}

size_t
strlen(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return (n);
}

size_t
strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return (n);
}

int
strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return ((unsigned char)*a - (unsigned char)*b);
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return ((unsigned char)*a - (unsigned char)*b);
		if (*a == '\0')
			break;
	}
	return (0);
}

char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (__DECONST(char *, s));
		if (*s == '\0')
			return (NULL);
	}
}

char *
strstr(const char *s, const char *find)
{
	size_t n = strlen(find);

	for (; *s != '\0'; s++)
		if (strncmp(s, find, n) == 0)
			return (__DECONST(char *, s));
	return (n == 0 ? __DECONST(char *, s) : NULL);
}

size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return (len);
}

long
strtol(const char *s, char **end, int base)
{
	long v = 0;
	int neg = 0, d;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	} else if (base == 0)
		base = (s[0] == '0') ? 8 : 10;
	for (;; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'z')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'Z')
			d = *s - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	if (end != NULL)
		*end = __DECONST(char *, s);
	return (neg ? -v : v);
}
