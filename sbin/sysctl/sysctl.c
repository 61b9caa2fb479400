/*
 * sysctl: read and set kernel state.
 *
 *	sysctl [-n] name[=value] ...
 *	sysctl [-n] -a
 *
 * "name" prints "name: value"; for a node it prints every leaf below it.
 * "name=value" sets an integer or string leaf and prints
 * "name: old -> new".  -a prints every leaf; -n prints values alone.
 * Opaque leaves are shown as their length in bytes when named, and left
 * out of -a and node walks.
 *
 * Implemented over sysctl(3) with the kernel's meta nodes, as on FreeBSD:
 * {0,3} turns a name into an OID, {0,1,OID} an OID into its name,
 * {0,4,OID} gives its kind (CTLTYPE_*) and format, and {0,2,OID} gives the
 * next leaf after OID, which is how trees are walked.
 * Exit status 0, or 1 if any name was unknown or could not be set.
 */
#include <sys/types.h>
#include <sys/sysctl.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Meta-node numbers (FreeBSD's values; older headers lack the names). */
#ifndef CTL_SYSCTL
#define CTL_SYSCTL		0
#endif
#ifndef CTL_SYSCTL_NAME
#define CTL_SYSCTL_NAME		1
#define CTL_SYSCTL_NEXT		2
#define CTL_SYSCTL_NAME2OID	3
#define CTL_SYSCTL_OIDFMT	4
#endif
#ifndef CTL_MAXNAME
#define CTL_MAXNAME		24
#endif

struct oid {
	int	o_name[CTL_MAXNAME];
	u_int	o_len;
};

static int nflag;

/* Ask a meta node about an OID: {0, op, oid...}. */
static int
meta(int op, const struct oid *o, void *buf, size_t *lenp)
{
	int mib[CTL_MAXNAME + 2];

	mib[0] = CTL_SYSCTL;
	mib[1] = op;
	memcpy(mib + 2, o->o_name, o->o_len * sizeof(int));
	return (sysctl(mib, o->o_len + 2, buf, lenp, NULL, 0));
}

static int
name2oid(const char *name, struct oid *o)
{
	int mib[2] = { CTL_SYSCTL, CTL_SYSCTL_NAME2OID };
	size_t len = sizeof(o->o_name);

	if (sysctl(mib, 2, o->o_name, &len, name, strlen(name)) != 0)
		return (-1);
	o->o_len = len / sizeof(int);
	return (0);
}

static int
oid_kind(const struct oid *o, u_int *kindp, char *fmt, size_t fmtlen)
{
	char buf[sizeof(u_int) + 64];
	size_t len = sizeof(buf);

	memset(buf, 0, sizeof(buf));
	if (meta(CTL_SYSCTL_OIDFMT, o, buf, &len) != 0)
		return (-1);
	memcpy(kindp, buf, sizeof(u_int));
	snprintf(fmt, fmtlen, "%s", buf + sizeof(u_int));
	return (0);
}

/* Print a numeric leaf: elements of elsz bytes, signed or not. */
static void
print_numbers(const char *v, size_t len, size_t elsz, int issigned)
{
	size_t i;
	int64_t s = 0;
	uint64_t u = 0;

	for (i = 0; i + elsz <= len; i += elsz) {
		switch (elsz) {
		case 1: s = *(const int8_t *)(v + i);
			u = *(const uint8_t *)(v + i); break;
		case 2: s = *(const int16_t *)(v + i);
			u = *(const uint16_t *)(v + i); break;
		case 4: s = *(const int32_t *)(v + i);
			u = *(const uint32_t *)(v + i); break;
		default: s = *(const int64_t *)(v + i);
			u = *(const uint64_t *)(v + i); break;
		}
		if (i > 0)
			putchar(' ');
		if (issigned)
			printf("%lld", (long long)s);
		else
			printf("%llu", (unsigned long long)u);
	}
}

/* Size and signedness of a numeric CTLTYPE; 0 if not numeric. */
static size_t
type_size(u_int type, int *issigned)
{
	*issigned = 1;
	switch (type) {
	case CTLTYPE_INT: case CTLTYPE_S32: return (4);
	case CTLTYPE_S64: return (8);
	case CTLTYPE_LONG: return (sizeof(long));
	case CTLTYPE_S8: return (1);
	case CTLTYPE_S16: return (2);
	}
	*issigned = 0;
	switch (type) {
	case CTLTYPE_UINT: case CTLTYPE_U32: return (4);
	case CTLTYPE_U64: return (8);
	case CTLTYPE_ULONG: return (sizeof(u_long));
	case CTLTYPE_U8: return (1);
	case CTLTYPE_U16: return (2);
	}
	return (0);
}

static void
print_value(u_int type, const char *v, size_t len)
{
	size_t elsz;
	int issigned;

	if (type == CTLTYPE_STRING) {
		len = strnlen(v, len);
		if (len > 0 && v[len - 1] == '\n')
			len--;		/* text tables end in one */
		printf("%.*s", (int)len, v);
	} else if ((elsz = type_size(type, &issigned)) != 0)
		print_numbers(v, len, elsz, issigned);
	else
		printf("<opaque, %zu bytes>", len);
}

/* Fetch a leaf's value into a malloc'd buffer (NUL-terminated). */
static char *
get_value(const struct oid *o, size_t *lenp)
{
	size_t len = 0;
	char *buf = NULL;
	int tries;

	for (tries = 0; tries < 5; tries++) {
		if (sysctl(o->o_name, o->o_len, NULL, &len, NULL, 0) != 0)
			return (NULL);
		len += len / 2 + 64;	/* it may grow before we read it */
		free(buf);
		if ((buf = malloc(len + 1)) == NULL)
			return (NULL);
		if (sysctl(o->o_name, o->o_len, buf, &len, NULL, 0) == 0) {
			buf[len] = '\0';
			*lenp = len;
			return (buf);
		}
		if (errno != ENOMEM)
			break;
	}
	free(buf);
	return (NULL);
}

/* Print one leaf; quiet skips opaque leaves (used for -a and nodes). */
static int
show_leaf(const struct oid *o, const char *name, int quiet)
{
	char fmt[64], *v;
	u_int kind, type;
	size_t len;

	if (oid_kind(o, &kind, fmt, sizeof(fmt)) != 0) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		return (1);
	}
	type = kind & CTLTYPE;
	if (quiet && (type == CTLTYPE_OPAQUE || type == CTLTYPE_NODE))
		return (0);
	if ((v = get_value(o, &len)) == NULL) {
		if (quiet)
			return (0);
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		return (1);
	}
	if (!nflag)
		printf("%s: ", name);
	print_value(type, v, len);
	putchar('\n');
	free(v);
	return (0);
}

static int
oid_name(const struct oid *o, char *buf, size_t len)
{
	memset(buf, 0, len);
	len--;
	return (meta(CTL_SYSCTL_NAME, o, buf, &len));
}

/* Print every leaf whose OID starts with prefix (all with plen 0). */
static int
walk(const struct oid *prefix)
{
	struct oid cur, next;
	char name[512];
	size_t len;
	int rv = 0;

	if (prefix->o_len > 0)
		cur = *prefix;
	else {
		cur.o_name[0] = 1;	/* CTL_KERN, the first node */
		cur.o_len = 1;
	}
	for (;;) {
		len = sizeof(next.o_name);
		if (meta(CTL_SYSCTL_NEXT, &cur, next.o_name, &len) != 0) {
			if (errno != ENOENT) {
				fprintf(stderr, "sysctl: walking the tree: "
				    "%s\n", strerror(errno));
				rv = 1;
			}
			break;
		}
		next.o_len = len / sizeof(int);
		if (next.o_len < prefix->o_len || memcmp(next.o_name,
		    prefix->o_name, prefix->o_len * sizeof(int)) != 0)
			break;
		if (oid_name(&next, name, sizeof(name)) == 0)
			rv |= show_leaf(&next, name, 1);
		cur = next;
	}
	return (rv);
}

/* Parse value for a leaf of the given type into buf. */
static int
parse_new(u_int type, const char *value, char *buf, size_t *lenp)
{
	size_t elsz;
	int issigned;
	char *end;
	long long s;
	unsigned long long u;

	if (type == CTLTYPE_STRING) {
		*lenp = strlen(value) + 1;
		memcpy(buf, value, *lenp);
		return (0);
	}
	if ((elsz = type_size(type, &issigned)) == 0)
		return (-1);
	errno = 0;
	if (issigned) {
		s = strtoll(value, &end, 0);
		u = (unsigned long long)s;
	} else
		u = strtoull(value, &end, 0);
	if (*value == '\0' || *end != '\0' || errno != 0)
		return (-1);
	memcpy(buf, &u, elsz);		/* little-endian: low bytes */
	*lenp = elsz;
	return (0);
}

static int
set_leaf(const struct oid *o, const char *name, const char *value)
{
	char fmt[64], newbuf[1024], *old;
	u_int kind, type;
	size_t newlen, oldlen;

	if (strlen(value) >= sizeof(newbuf) ||
	    oid_kind(o, &kind, fmt, sizeof(fmt)) != 0) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		return (1);
	}
	type = kind & CTLTYPE;
	if (type == CTLTYPE_NODE || parse_new(type, value, newbuf,
	    &newlen) != 0) {
		fprintf(stderr, "sysctl: %s: cannot set to '%s'\n", name,
		    value);
		return (1);
	}
	old = get_value(o, &oldlen);
	if (sysctl(o->o_name, o->o_len, NULL, NULL, newbuf, newlen) != 0) {
		fprintf(stderr, "sysctl: %s=%s: %s\n", name, value,
		    strerror(errno));
		free(old);
		return (1);
	}
	if (!nflag)
		printf("%s: ", name);
	if (old != NULL)
		print_value(type, old, oldlen);
	printf(" -> %s\n", value);
	free(old);
	return (0);
}

static int
do_arg(char *arg)
{
	char *eq, fmt[64];
	struct oid o;
	u_int kind;

	if ((eq = strchr(arg, '=')) != NULL)
		*eq = '\0';
	if (name2oid(arg, &o) != 0) {
		fprintf(stderr, "sysctl: unknown oid '%s'\n", arg);
		return (1);
	}
	if (eq != NULL)
		return (set_leaf(&o, arg, eq + 1));
	if (oid_kind(&o, &kind, fmt, sizeof(fmt)) == 0 &&
	    (kind & CTLTYPE) == CTLTYPE_NODE)
		return (walk(&o));
	return (show_leaf(&o, arg, 0));
}

int
main(int argc, char **argv)
{
	struct oid all;
	int ch, aflag = 0, rv = 0;

	while ((ch = getopt(argc, argv, "an")) != -1) {
		switch (ch) {
		case 'a': aflag = 1; break;
		case 'n': nflag = 1; break;
		default:
			fprintf(stderr, "usage: sysctl [-n] -a\n"
			    "       sysctl [-n] name[=value] ...\n");
			return (1);
		}
	}
	argc -= optind;
	argv += optind;
	if (aflag) {
		all.o_len = 0;
		return (walk(&all));
	}
	if (argc == 0) {
		fprintf(stderr, "usage: sysctl [-n] -a\n"
		    "       sysctl [-n] name[=value] ...\n");
		return (1);
	}
	for (; *argv != NULL; argv++)
		rv |= do_arg(*argv);
	return (rv);
}
