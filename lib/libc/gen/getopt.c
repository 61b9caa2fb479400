/*
 * getopt.c: getopt(3) with BSD's optreset, and getopt_long(3).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libc_private.h"

char	*optarg;
int	opterr = 1;
int	optind = 1;
int	optopt;
int	optreset;

static const char *getopt_place = "";

static int
getopt_error(const char *fmt, int c, const char *opts)
{

	if (opterr && *opts != ':')
		fprintf(stderr, fmt, __progname, c);
	return ('?');
}

int
getopt(int argc, char * const argv[], const char *opts)
{
	const char *oli;

	if (optreset || *getopt_place == '\0') {
		optreset = 0;
		if (optind >= argc || *(getopt_place = argv[optind]) != '-') {
			getopt_place = "";
			return (-1);
		}
		if (getopt_place[1] != '\0' && *++getopt_place == '-' &&
		    getopt_place[1] == '\0') {
			++optind;
			getopt_place = "";
			return (-1);
		}
		if (*getopt_place == '\0') {
			/* A lone "-" is an operand. */
			getopt_place = "";
			return (-1);
		}
	}
	optopt = *getopt_place++;
	if (optopt == ':' || (oli = strchr(opts, optopt)) == NULL) {
		if (*getopt_place == '\0')
			++optind;
		return (getopt_error("%s: illegal option -- %c\n", optopt,
		    opts));
	}
	if (oli[1] != ':') {
		optarg = NULL;
		if (*getopt_place == '\0')
			++optind;
		return (optopt);
	}
	if (*getopt_place != '\0')
		optarg = __DECONST(char *, getopt_place);
	else if (++optind >= argc) {
		getopt_place = "";
		if (*opts == ':')
			return (':');
		return (getopt_error("%s: option requires an argument -- %c\n",
		    optopt, opts));
	} else
		optarg = argv[optind];
	getopt_place = "";
	++optind;
	return (optopt);
}

int
getopt_long(int argc, char * const *argv, const char *opts,
    const struct option *longopts, int *idx)
{
	const char *arg, *eq;
	size_t len;
	int i;

	if (optreset || *getopt_place == '\0') {
		if (optind < argc && strncmp(argv[optind], "--", 2) == 0 &&
		    argv[optind][2] != '\0') {
			arg = argv[optind] + 2;
			eq = strchr(arg, '=');
			len = eq ? (size_t)(eq - arg) : strlen(arg);
			optind++;
			for (i = 0; longopts[i].name != NULL; i++) {
				if (strlen(longopts[i].name) != len ||
				    strncmp(longopts[i].name, arg, len) != 0)
					continue;
				if (idx != NULL)
					*idx = i;
				optarg = NULL;
				if (eq != NULL) {
					if (longopts[i].has_arg == no_argument)
						return ('?');
					optarg = __DECONST(char *, eq + 1);
				} else if (longopts[i].has_arg ==
				    required_argument) {
					if (optind >= argc)
						return (*opts == ':' ? ':' : '?');
					optarg = argv[optind++];
				}
				if (longopts[i].flag != NULL) {
					*longopts[i].flag = longopts[i].val;
					return (0);
				}
				return (longopts[i].val);
			}
			if (opterr)
				fprintf(stderr, "%s: unrecognized option '--%.*s'\n",
				    __progname, (int)len, arg);
			return ('?');
		}
	}
	return (getopt(argc, argv, opts));
}
