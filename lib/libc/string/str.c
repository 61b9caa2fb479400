/*
 * str.c: the NUL-terminated string functions.
 */
#include <sys/types.h>
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return ((size_t)(p - s));
}

size_t
strnlen(const char *s, size_t max)
{
	size_t n;

	for (n = 0; n < max && s[n] != '\0'; n++)
		;
	return (n);
}

int
strcmp(const char *a, const char *b)
{

	for (; *a == *b; a++, b++)
		if (*a == '\0')
			return (0);
	return (*(const unsigned char *)a - *(const unsigned char *)b);
}

int
strncmp(const char *a, const char *b, size_t n)
{

	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return (*(const unsigned char *)a -
			    *(const unsigned char *)b);
		if (*a == '\0')
			return (0);
	}
	return (0);
}

int
strcoll(const char *a, const char *b)
{

	return (strcmp(a, b));
}

size_t
strxfrm(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len;

	len = strlen(src);
	if (n > 0) {
		size_t m = len < n - 1 ? len : n - 1;
		memcpy(dst, src, m);
		dst[m] = '\0';
	}
	return (len);
}

char *
strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;

	while ((*d++ = *src++) != '\0')
		;
	return (dst);
}

char *
stpcpy(char *restrict dst, const char *restrict src)
{

	while ((*dst = *src++) != '\0')
		dst++;
	return (dst);
}

char *
strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i] != '\0'; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return (dst);
}

char *
stpncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i] != '\0'; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return (dst + strnlen(dst, n));
}

char *
strcat(char *restrict dst, const char *restrict src)
{

	strcpy(dst + strlen(dst), src);
	return (dst);
}

char *
strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst + strlen(dst);

	while (n-- > 0 && *src != '\0')
		*d++ = *src++;
	*d = '\0';
	return (dst);
}

char *
strchr(const char *s, int c)
{

	for (;; s++) {
		if (*s == (char)c)
			return ((char *)(uintptr_t)s);
		if (*s == '\0')
			return (NULL);
	}
}

char *
strchrnul(const char *s, int c)
{

	while (*s != '\0' && *s != (char)c)
		s++;
	return ((char *)(uintptr_t)s);
}

char *
index(const char *s, int c)
{

	return (strchr(s, c));
}

char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return ((char *)(uintptr_t)last);
	}
}

char *
rindex(const char *s, int c)
{

	return (strrchr(s, c));
}

char *
strstr(const char *big, const char *little)
{
	size_t len;

	len = strlen(little);
	if (len == 0)
		return ((char *)(uintptr_t)big);
	for (; *big != '\0'; big++)
		if (*big == *little && strncmp(big, little, len) == 0)
			return ((char *)(uintptr_t)big);
	return (NULL);
}

char *
strnstr(const char *big, const char *little, size_t n)
{
	size_t len;

	len = strlen(little);
	if (len == 0)
		return ((char *)(uintptr_t)big);
	for (; n >= len && *big != '\0'; big++, n--)
		if (*big == *little && strncmp(big, little, len) == 0)
			return ((char *)(uintptr_t)big);
	return (NULL);
}

char *
strcasestr(const char *big, const char *little)
{
	size_t len;

	len = strlen(little);
	if (len == 0)
		return ((char *)(uintptr_t)big);
	for (; *big != '\0'; big++)
		if (strncasecmp(big, little, len) == 0)
			return ((char *)(uintptr_t)big);
	return (NULL);
}

size_t
strspn(const char *s, const char *accept)
{
	const char *p;

	for (p = s; *p != '\0' && strchr(accept, *p) != NULL; p++)
		;
	return ((size_t)(p - s));
}

size_t
strcspn(const char *s, const char *reject)
{
	const char *p;

	for (p = s; *p != '\0' && strchr(reject, *p) == NULL; p++)
		;
	return ((size_t)(p - s));
}

char *
strpbrk(const char *s, const char *accept)
{

	s += strcspn(s, accept);
	return (*s != '\0' ? (char *)(uintptr_t)s : NULL);
}
