/*
 * getenv.c: the environment (environ) and getenv/setenv/unsetenv/putenv.
 *
 * environ starts as the vector the kernel passed.  The first change
 * copies the vector to a malloc'd one owned by libc (the strings it adds
 * are malloc'd too and never freed, since old getenv results must stay
 * valid).  env_lock serializes changes; getenv is not locked (as in
 * FreeBSD, changing the environment while other threads read it is the
 * caller's problem).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libc_private.h"

static libc_lock_t env_lock = LIBC_LOCK_INITIALIZER;
static char **env_owned;		/* environ when we allocated it */
static size_t env_cap;

static size_t
env_count(void)
{
	size_t n;

	n = 0;
	if (environ != NULL)
		while (environ[n] != NULL)
			n++;
	return (n);
}

/* Index of name (namelen bytes) in environ, or -1. */
static long
env_find(const char *name, size_t namelen)
{
	size_t i;

	if (environ == NULL)
		return (-1);
	for (i = 0; environ[i] != NULL; i++)
		if (strncmp(environ[i], name, namelen) == 0 &&
		    environ[i][namelen] == '=')
			return ((long)i);
	return (-1);
}

char *
getenv(const char *name)
{
	size_t len;
	long i;

	len = strcspn(name, "=");
	if (name[len] != '\0')
		return (NULL);
	i = env_find(name, len);
	return (i < 0 ? NULL : environ[i] + len + 1);
}

/* Make sure environ is ours with room for one more entry. */
static int
env_grow(void)
{
	size_t n;
	char **nenv;

	n = env_count();
	if (environ == env_owned && n + 2 <= env_cap)
		return (0);
	env_cap = (n + 2) * 2;
	nenv = malloc(env_cap * sizeof(char *));
	if (nenv == NULL)
		return (-1);
	if (n > 0)
		memcpy(nenv, environ, n * sizeof(char *));
	nenv[n] = NULL;
	if (env_owned != NULL)
		free(env_owned);
	environ = env_owned = nenv;
	return (0);
}

static int
env_put(char *entry, size_t namelen, int overwrite)
{
	size_t n;
	long i;

	i = env_find(entry, namelen);
	if (i >= 0) {
		if (overwrite)
			environ[i] = entry;
		return (0);
	}
	if (env_grow() != 0)
		return (-1);
	n = env_count();
	environ[n] = entry;
	environ[n + 1] = NULL;
	return (0);
}

int
setenv(const char *name, const char *value, int overwrite)
{
	size_t nlen, vlen;
	char *entry;
	int error;

	if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
		errno = EINVAL;
		return (-1);
	}
	nlen = strlen(name);
	vlen = strlen(value);
	_libc_lock(&env_lock);
	if (!overwrite && env_find(name, nlen) >= 0) {
		_libc_unlock(&env_lock);
		return (0);
	}
	entry = malloc(nlen + vlen + 2);
	if (entry == NULL) {
		_libc_unlock(&env_lock);
		return (-1);
	}
	memcpy(entry, name, nlen);
	entry[nlen] = '=';
	memcpy(entry + nlen + 1, value, vlen + 1);
	error = env_put(entry, nlen, 1);
	_libc_unlock(&env_lock);
	if (error != 0)
		free(entry);
	return (error);
}

int
putenv(char *string)
{
	char *eq;
	int error;

	if (string == NULL || (eq = strchr(string, '=')) == NULL ||
	    eq == string) {
		errno = EINVAL;
		return (-1);
	}
	_libc_lock(&env_lock);
	error = env_put(string, (size_t)(eq - string), 1);
	_libc_unlock(&env_lock);
	return (error);
}

int
unsetenv(const char *name)
{
	size_t len, n;
	long i;

	if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
		errno = EINVAL;
		return (-1);
	}
	len = strlen(name);
	_libc_lock(&env_lock);
	if (env_grow() != 0) {
		_libc_unlock(&env_lock);
		return (-1);
	}
	while ((i = env_find(name, len)) >= 0) {
		n = env_count();
		memmove(&environ[i], &environ[i + 1],
		    (n - (size_t)i) * sizeof(char *));
	}
	_libc_unlock(&env_lock);
	return (0);
}

int
clearenv(void)
{

	_libc_lock(&env_lock);
	if (env_owned == NULL || environ != env_owned) {
		environ = NULL;
		_libc_unlock(&env_lock);
		return (env_grow());
	}
	environ[0] = NULL;
	_libc_unlock(&env_lock);
	return (0);
}
