/*
 * strtok.c: strtok, strtok_r and strsep.
 */
#include <string.h>

char *
strtok_r(char *s, const char *delim, char **last)
{
	char *tok;

	if (s == NULL && (s = *last) == NULL)
		return (NULL);
	s += strspn(s, delim);
	if (*s == '\0') {
		*last = NULL;
		return (NULL);
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s != '\0')
		*s++ = '\0';
	else
		s = NULL;
	*last = s;
	return (tok);
}

char *
strtok(char *s, const char *delim)
{
	static char *last;

	return (strtok_r(s, delim, &last));
}

char *
strsep(char **stringp, const char *delim)
{
	char *s, *tok;

	if ((s = *stringp) == NULL)
		return (NULL);
	tok = s;
	s += strcspn(s, delim);
	if (*s != '\0') {
		*s = '\0';
		*stringp = s + 1;
	} else
		*stringp = NULL;
	return (tok);
}
