/*
 * atf_private.h: libatf-c internals shared by tc.c, tp.c and utils.c.
 *
 * One test program runs one part of one test case per process (kyua
 * starts a new process for each), so the run state is a single global
 * context (tc.c).  A test case's metadata and the program's
 * configuration variables are small ordered key/value lists.
 */
#ifndef _ATF_PRIVATE_H_
#define _ATF_PRIVATE_H_

#include <atf-c.h>

struct atf_kv {
	char		*key;
	char		*value;
	struct atf_kv	*next;
};

struct atf_tc_impl {
	struct atf_kv	*md;		/* metadata, in the order set */
	struct atf_kv	**config;	/* the program's configuration */
};

struct atf_tp {
	atf_tc_t	**tcs;
	size_t		ntcs;
	size_t		cap;
	struct atf_kv	*config;
};

const char	*atf_kv_get(const struct atf_kv *, const char *);
int		atf_kv_set(struct atf_kv **, const char *, const char *);
void		atf_fatal(const char *, ...) ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2)
		    ATF_DEFS_ATTRIBUTE_NORETURN;

/* tc.c: running one part of a test case. */
int		atf_tc_init_impl(atf_tc_t *, struct atf_kv **config);
void		atf_tc_run_body(const atf_tc_t *, const char *resfile)
		    ATF_DEFS_ATTRIBUTE_NORETURN;
void		atf_tc_run_cleanup(const atf_tc_t *)
		    ATF_DEFS_ATTRIBUTE_NORETURN;
void		atf_tc_reset_after_fork(void);

#endif /* !_ATF_PRIVATE_H_ */
