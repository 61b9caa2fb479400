/*
 * tp.c: the test program: registration of test cases and main(), which
 * implements the ATF test-program interface:
 *
 *   prog [-s srcdir] [-v var=value]... -l
 *	Content-Type: application/X-atf-tp; version="1"
 *	<blank line>
 *	ident: first_case          (then its other metadata, "key: value")
 *	<blank line>
 *	ident: second_case ...
 *
 *   prog [-r resfile] [-s srcdir] [-v var=value]... case[:body|:cleanup]
 *	runs the body (default) or the cleanup of one case; the body's
 *	result goes to resfile (default: standard output).  The case may
 *	be omitted when the program has exactly one.
 *
 * -s sets the "srcdir" configuration variable (default: the directory of
 * the program), -v any other.  Exit status: 0 when the case passed,
 * skipped or failed as expected, 1 when it failed, 2 on usage errors.
 */
#include <sys/types.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atf_private.h"

atf_error_t
atf_tp_add_tc(atf_tp_t *tp, atf_tc_t *tc)
{
	atf_tc_t **ntcs;
	size_t i;

	for (i = 0; i < tp->ntcs; i++)
		if (strcmp(tp->tcs[i]->m_ident, tc->m_ident) == 0)
			atf_fatal("duplicate test case '%s'", tc->m_ident);
	if (tp->ntcs == tp->cap) {
		tp->cap = tp->cap ? tp->cap * 2 : 16;
		ntcs = realloc(tp->tcs, tp->cap * sizeof(*ntcs));
		if (ntcs == NULL)
			return (atf_no_memory_error());
		tp->tcs = ntcs;
	}
	tp->tcs[tp->ntcs++] = tc;
	return (atf_no_error());
}

static void
usage(const char *msg)
{

	if (msg != NULL)
		fprintf(stderr, "%s: ERROR: %s\n", getprogname(), msg);
	fprintf(stderr, "Usage: %s [options] [test_case[:body|:cleanup]]\n"
	    "       %s [options] -l\n"
	    "Options: -r resfile  -s srcdir  -v var=value\n",
	    getprogname(), getprogname());
	exit(2);
}

static void
list_tcs(const atf_tp_t *tp)
{
	const struct atf_kv *kv;
	size_t i;

	printf("Content-Type: application/X-atf-tp; version=\"1\"\n");
	for (i = 0; i < tp->ntcs; i++) {
		printf("\n");
		for (kv = tp->tcs[i]->pimpl->md; kv != NULL; kv = kv->next)
			printf("%s: %s\n", kv->key, kv->value);
	}
	fflush(stdout);
}

static void
set_default_srcdir(atf_tp_t *tp, const char *argv0)
{
	char dir[1024], *slash;

	if (atf_kv_get(tp->config, "srcdir") != NULL)
		return;
	strlcpy(dir, argv0, sizeof(dir));
	slash = strrchr(dir, '/');
	if (slash == NULL)
		strlcpy(dir, ".", sizeof(dir));
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (atf_kv_set(&tp->config, "srcdir", dir) != 0)
		atf_fatal("out of memory");
}

int
atf_tp_main(int argc, char **argv, atf_error_t (*add_tcs)(atf_tp_t *))
{
	atf_tp_t tp;
	atf_tc_t *tc;
	const char *resfile, *part;
	char *name, *colon, *eq;
	size_t i;
	int ch, list;

	memset(&tp, 0, sizeof(tp));
	resfile = NULL;
	list = 0;
	while ((ch = getopt(argc, argv, "lr:s:v:")) != -1) {
		switch (ch) {
		case 'l':
			list = 1;
			break;
		case 'r':
			resfile = optarg;
			break;
		case 's':
			if (atf_kv_set(&tp.config, "srcdir", optarg) != 0)
				atf_fatal("out of memory");
			break;
		case 'v':
			eq = strchr(optarg, '=');
			if (eq == NULL || eq == optarg)
				usage("-v requires an argument of the form "
				    "var=value");
			*eq = '\0';
			if (atf_kv_set(&tp.config, optarg, eq + 1) != 0)
				atf_fatal("out of memory");
			*eq = '=';
			break;
		default:
			usage(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	set_default_srcdir(&tp, optind > 0 ? argv[-optind] : "");

	if (atf_is_error(add_tcs(&tp)))
		atf_fatal("cannot register the test cases: out of memory");
	for (i = 0; i < tp.ntcs; i++)
		if (atf_tc_init_impl(tp.tcs[i], &tp.config) != 0)
			atf_fatal("out of memory");

	if (list) {
		if (argc != 0)
			usage("cannot provide test case names with -l");
		list_tcs(&tp);
		return (EXIT_SUCCESS);
	}

	if (argc == 0) {
		if (tp.ntcs != 1)
			usage("must provide a test case name");
		name = strdup(tp.tcs[0]->m_ident);
	} else if (argc == 1)
		name = strdup(argv[0]);
	else
		usage("cannot provide more than one test case name");
	if (name == NULL)
		atf_fatal("out of memory");
	part = "body";
	if ((colon = strchr(name, ':')) != NULL) {
		*colon = '\0';
		part = colon + 1;
	}
	tc = NULL;
	for (i = 0; i < tp.ntcs; i++)
		if (strcmp(tp.tcs[i]->m_ident, name) == 0)
			tc = tp.tcs[i];
	if (tc == NULL) {
		fprintf(stderr, "%s: ERROR: unknown test case '%s'\n",
		    getprogname(), name);
		return (2);
	}
	if (strcmp(part, "body") == 0)
		atf_tc_run_body(tc, resfile);
	if (strcmp(part, "cleanup") == 0)
		atf_tc_run_cleanup(tc);
	fprintf(stderr, "%s: ERROR: invalid test case part '%s'\n",
	    getprogname(), part);
	return (2);
}
