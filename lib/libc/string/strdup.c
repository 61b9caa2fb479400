/*
 * strdup.c: strdup and strndup.
 */
#include <stdlib.h>
#include <string.h>

char *
strdup(const char *s)
{
	size_t len;
	char *p;

	len = strlen(s) + 1;
	if ((p = malloc(len)) != NULL)
		memcpy(p, s, len);
	return (p);
}

char *
strndup(const char *s, size_t n)
{
	size_t len;
	char *p;

	len = strnlen(s, n);
	if ((p = malloc(len + 1)) != NULL) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return (p);
}
