/*
 * mem.c: the memory block functions.  memcpy/memmove/memset use the x86
 * string instructions (fast on every CPU that has ERMS, and simple).
 * This directory is compiled with -fno-tree-loop-distribute-patterns so
 * that gcc does not turn these loops back into calls to themselves.
 */
#include <sys/types.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

void *
memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	void *d = dst;

	__asm__ __volatile__("rep movsb"
	    : "+D" (d), "+S" (src), "+c" (n) : : "memory");
	return (dst);
}

void *
mempcpy(void *restrict dst, const void *restrict src, size_t n)
{

	return ((char *)memcpy(dst, src, n) + n);
}

void *
memmove(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;

	if (d == s || n == 0)
		return (dst);
	if (d < s || d >= s + n)
		return (memcpy(dst, src, n));
	/* Overlap with dst above src: copy backwards. */
	d += n - 1;
	s += n - 1;
	__asm__ __volatile__("std; rep movsb; cld"
	    : "+D" (d), "+S" (s), "+c" (n) : : "memory");
	return (dst);
}

void *
memset(void *dst, int c, size_t n)
{
	void *d = dst;

	__asm__ __volatile__("rep stosb"
	    : "+D" (d), "+c" (n) : "a" (c) : "memory");
	return (dst);
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return (*p - *q);
	return (0);
}

void *
memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return ((void *)(uintptr_t)p);
	return (NULL);
}

void *
memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;

	while (n-- > 0)
		if (*--p == (unsigned char)c)
			return ((void *)(uintptr_t)p);
	return (NULL);
}

void *
memccpy(void *restrict dst, const void *restrict src, int c, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	for (; n > 0; n--) {
		if ((*d++ = *s++) == (unsigned char)c)
			return (d);
	}
	return (NULL);
}

void *
memmem(const void *big, size_t blen, const void *little, size_t llen)
{
	const char *b = big, *l = little;
	size_t i;

	if (llen == 0)
		return ((void *)(uintptr_t)big);
	if (blen < llen)
		return (NULL);
	for (i = 0; i <= blen - llen; i++)
		if (b[i] == l[0] && memcmp(b + i, l, llen) == 0)
			return ((void *)(uintptr_t)(b + i));
	return (NULL);
}

void
bzero(void *dst, size_t n)
{

	(void)memset(dst, 0, n);
}

void
explicit_bzero(void *dst, size_t n)
{

	(void)memset(dst, 0, n);
	__asm__ __volatile__("" : : "r" (dst) : "memory");
}

void
bcopy(const void *src, void *dst, size_t n)
{

	(void)memmove(dst, src, n);
}

int
bcmp(const void *a, const void *b, size_t n)
{

	return (memcmp(a, b, n) != 0);
}

int
timingsafe_bcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	unsigned char r = 0;

	for (; n > 0; n--)
		r |= *p++ ^ *q++;
	return (r != 0);
}

int
timingsafe_memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	int res = 0, done = 0, d;
	size_t i;

	for (i = 0; i < n; i++) {
		d = p[i] - q[i];
		res = done ? res : d;
		done |= (d != 0);
	}
	return (res);
}
