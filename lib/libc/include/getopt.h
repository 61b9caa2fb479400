/*
 * getopt.h (user space): getopt(3) and getopt_long(3).
 */
#ifndef _GETOPT_H_
#define _GETOPT_H_

#include <sys/cdefs.h>

#define	no_argument		0
#define	required_argument	1
#define	optional_argument	2

struct option {
	const char *name;
	int has_arg;
	int *flag;
	int val;
};

__BEGIN_DECLS
int	getopt_long(int, char * const *, const char *,
	    const struct option *, int *);
int	getopt(int, char * const [], const char *);
extern char *optarg;
extern int optind, opterr, optopt, optreset;
__END_DECLS

#endif /* !_GETOPT_H_ */
