/*
 * kern/kern_environment.c: the kernel command line as name=value pairs.
 *
 * The boot loader's command line (machdep.c: kernel_cmdline) is split once
 * into words; kenv_get("name") returns the value of "name=value" (or "" for
 * a bare "name"), NULL when absent.  Read-only after boot.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <machine/md_var.h>

const char *
kenv_get(const char *name)
{
	static char value[256];
	size_t nlen = strlen(name);
	const char *p = kernel_cmdline;

	while (*p != '\0') {
		const char *w = p;
		size_t wlen;

		while (*p != '\0' && *p != ' ')
			p++;
		wlen = p - w;
		while (*p == ' ')
			p++;
		if (wlen < nlen || strncmp(w, name, nlen) != 0)
			continue;
		if (wlen == nlen)
			return ("");
		if (w[nlen] != '=')
			continue;
		wlen -= nlen + 1;
		if (wlen >= sizeof(value))
			wlen = sizeof(value) - 1;
		memcpy(value, w + nlen + 1, wlen);
		value[wlen] = '\0';
		return (value);
	}
	return (NULL);
}

int
kenv_get_int(const char *name, int dflt)
{
	const char *v = kenv_get(name);

	return (v != NULL && *v != '\0' ? (int)strtol(v, NULL, 0) : dflt);
}
