/*
 * expand.c: turn a raw word from parse.c into the string a command sees.
 *
 * Entry point: expand_word(), called by exec.c for every word, assignment
 * and redirection target just before the command runs.  It removes quotes
 * and backslashes and substitutes parameters:
 *
 *	'...'	 literal
 *	"..."	 $ substitutions; \ escapes only $ " \ ` and newline
 *	\c	 c (outside quotes); backslash-newline disappears
 *	$NAME ${NAME} $? $$ $! $# $0..$9 $@ $*	parameters
 *	~ ~/...	 $HOME at the start of an unquoted word
 *
 * A word always expands to exactly one string: there is no field
 * splitting and no globbing.  The result lives in the caller's arena.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct sbuf {
	char	*sb_buf;
	size_t	 sb_len;
	size_t	 sb_cap;
};

static void
sb_addn(struct sbuf *sb, const char *s, size_t n)
{
	char *nb;

	if (sb->sb_len + n + 1 > sb->sb_cap) {
		sb->sb_cap = (sb->sb_len + n + 1) * 2;
		nb = realloc(sb->sb_buf, sb->sb_cap);
		if (nb == NULL) {
			sh_warn("out of memory");
			exit(2);
		}
		sb->sb_buf = nb;
	}
	memcpy(sb->sb_buf + sb->sb_len, s, n);
	sb->sb_len += n;
	sb->sb_buf[sb->sb_len] = '\0';
}

static void
sb_addc(struct sbuf *sb, char c)
{
	sb_addn(sb, &c, 1);
}

static void
sb_adds(struct sbuf *sb, const char *s)
{
	if (s != NULL)
		sb_addn(sb, s, strlen(s));
}

static void
sb_addint(struct sbuf *sb, long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", v);
	sb_adds(sb, num);
}

/* $@ and $*: the positional parameters joined by spaces. */
static void
add_all_params(struct sbuf *sb)
{
	int i;

	for (i = 1; i < sh.sh_argc; i++) {
		if (i > 1)
			sb_addc(sb, ' ');
		sb_adds(sb, sh.sh_argv[i]);
	}
}

/* Look up a variable by name (not NUL-terminated). */
static void
add_var(struct sbuf *sb, const char *name, size_t len)
{
	char buf[256];

	if (len >= sizeof(buf))
		return;
	memcpy(buf, name, len);
	buf[len] = '\0';
	sb_adds(sb, getenv(buf));
}

/*
 * Expand the parameter reference at s (which points at the '$').
 * Returns the number of characters consumed.
 */
static size_t
expand_param(struct sbuf *sb, const char *s)
{
	const char *e;
	size_t n;
	int c = s[1];

	if (c == '{') {
		e = strchr(s + 2, '}');
		if (e == NULL) {		/* "${x" inside quotes */
			sb_adds(sb, s);
			return (strlen(s));
		}
		n = e - (s + 2);
		if (n == 1 && (s[2] == '?' || s[2] == '#' || s[2] == '$' ||
		    s[2] == '!' ||
		    s[2] == '@' || s[2] == '*' ||
		    (s[2] >= '0' && s[2] <= '9'))) {
			char tmp[3] = { '$', s[2], '\0' };

			expand_param(sb, tmp);
		} else if (valid_name(s + 2, n))
			add_var(sb, s + 2, n);
		else
			sh_warn("${%.*s}: bad substitution", (int)n, s + 2);
		return (e - s + 1);
	}
	if (c == '?') {
		sb_addint(sb, sh.sh_status);
		return (2);
	}
	if (c == '$') {
		sb_addint(sb, (long)getpid());
		return (2);
	}
	if (c == '!') {
		if (sh.sh_lastbg != 0)
			sb_addint(sb, sh.sh_lastbg);
		return (2);
	}
	if (c == '#') {
		sb_addint(sb, sh.sh_argc - 1);
		return (2);
	}
	if (c == '@' || c == '*') {
		add_all_params(sb);
		return (2);
	}
	if (c >= '0' && c <= '9') {
		if (c - '0' < sh.sh_argc)
			sb_adds(sb, sh.sh_argv[c - '0']);
		return (2);
	}
	for (n = 1; valid_name(s + 1, n); n++)
		;
	n--;
	if (n == 0) {
		sb_addc(sb, '$');	/* a lone $ is itself */
		return (1);
	}
	add_var(sb, s + 1, n);
	return (n + 1);
}

/* Inside "...": returns the characters consumed, including the quotes. */
static size_t
expand_dquoted(struct sbuf *sb, const char *s)
{
	const char *p = s + 1;

	while (*p != '"' && *p != '\0') {
		if (*p == '\\' && p[1] != '\0' &&
		    strchr("$\"\\`\n", p[1]) != NULL) {
			if (p[1] != '\n')
				sb_addc(sb, p[1]);
			p += 2;
		} else if (*p == '$')
			p += expand_param(sb, p);
		else
			sb_addc(sb, *p++);
	}
	if (*p == '"')
		p++;
	return (p - s);
}

char *
expand_word(struct arena *a, const char *w)
{
	struct sbuf sb = { NULL, 0, 0 };
	const char *p = w, *q;
	char *res;

	sb_adds(&sb, "");
	if (p[0] == '~' && (p[1] == '\0' || p[1] == '/')) {
		sb_adds(&sb, getenv("HOME"));
		p++;
	}
	while (*p != '\0') {
		switch (*p) {
		case '\'':
			q = strchr(p + 1, '\'');
			if (q == NULL)
				q = p + strlen(p);
			sb_addn(&sb, p + 1, q - p - 1);
			p = *q != '\0' ? q + 1 : q;
			break;
		case '"':
			p += expand_dquoted(&sb, p);
			break;
		case '\\':
			if (p[1] != '\n' && p[1] != '\0')
				sb_addc(&sb, p[1]);
			p += p[1] != '\0' ? 2 : 1;
			break;
		case '$':
			p += expand_param(&sb, p);
			break;
		default:
			sb_addc(&sb, *p++);
		}
	}
	res = arena_strndup(a, sb.sb_buf, sb.sb_len);
	free(sb.sb_buf);
	return (res);
}
