/*
 * atf-c.h: the ATF C testing API (a compatible reimplementation of the
 * interface FreeBSD's test programs use; implemented in lib/libatf-c).
 *
 * A test program defines test cases with ATF_TC, ATF_TC_HEAD, ATF_TC_BODY
 * and ATF_TC_CLEANUP and lists them in ATF_TP_ADD_TCS, which also provides
 * main().  main() speaks the ATF test-program interface kyua drives:
 *   prog [-s srcdir] [-v var=value]... -l
 *	lists the test cases and their metadata;
 *   prog [-r resfile] [-s srcdir] [-v var=value]... case[:body|:cleanup]
 *	runs one part of one case and writes its result to resfile
 *	("passed", "failed: reason", "skipped: reason", "expected_*").
 * See lib/libatf-c/tc.c for the result semantics (they follow atf-c's).
 */
#ifndef _ATF_C_H_
#define _ATF_C_H_

#include <sys/types.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

#define	ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(a, b) \
	__attribute__((__format__(__printf__, a, b)))
#define	ATF_DEFS_ATTRIBUTE_NORETURN	__attribute__((__noreturn__))
#define	ATF_DEFS_ATTRIBUTE_UNUSED	__attribute__((__unused__))

/* Errors: NULL is success. */
typedef struct atf_error *atf_error_t;
atf_error_t	atf_no_error(void);
atf_error_t	atf_no_memory_error(void);
bool		atf_is_error(const atf_error_t);
void		atf_error_free(atf_error_t);

struct atf_tc_impl;
typedef struct atf_tc atf_tc_t;
struct atf_tc {
	const char	*m_ident;
	void		(*m_head)(atf_tc_t *);
	void		(*m_body)(const atf_tc_t *);
	void		(*m_cleanup)(const atf_tc_t *);
	struct atf_tc_impl *pimpl;	/* metadata and configuration */
};

typedef struct atf_tp atf_tp_t;

/* Test case definition. */
#define	ATF_TC_NAME(tc)		(atfu_ ## tc ## _tc)
#define	ATF_TC_PACK_NAME(tc)	(atfu_ ## tc ## _tc)
#define	ATF_TC_HEAD_NAME(tc)	(atfu_ ## tc ## _head)
#define	ATF_TC_BODY_NAME(tc)	(atfu_ ## tc ## _body)
#define	ATF_TC_CLEANUP_NAME(tc)	(atfu_ ## tc ## _cleanup)

#define	ATF_TC(tc)							\
	static void atfu_ ## tc ## _head(atf_tc_t *);			\
	static void atfu_ ## tc ## _body(const atf_tc_t *);		\
	static atf_tc_t atfu_ ## tc ## _tc = {				\
		#tc, atfu_ ## tc ## _head, atfu_ ## tc ## _body, NULL, NULL }

#define	ATF_TC_WITHOUT_HEAD(tc)						\
	static void atfu_ ## tc ## _body(const atf_tc_t *);		\
	static atf_tc_t atfu_ ## tc ## _tc = {				\
		#tc, NULL, atfu_ ## tc ## _body, NULL, NULL }

#define	ATF_TC_WITH_CLEANUP(tc)						\
	static void atfu_ ## tc ## _head(atf_tc_t *);			\
	static void atfu_ ## tc ## _body(const atf_tc_t *);		\
	static void atfu_ ## tc ## _cleanup(const atf_tc_t *);		\
	static atf_tc_t atfu_ ## tc ## _tc = {				\
		#tc, atfu_ ## tc ## _head, atfu_ ## tc ## _body,	\
		atfu_ ## tc ## _cleanup, NULL }

#define	ATF_TC_WITHOUT_HEAD_WITH_CLEANUP(tc)				\
	static void atfu_ ## tc ## _body(const atf_tc_t *);		\
	static void atfu_ ## tc ## _cleanup(const atf_tc_t *);		\
	static atf_tc_t atfu_ ## tc ## _tc = {				\
		#tc, NULL, atfu_ ## tc ## _body,			\
		atfu_ ## tc ## _cleanup, NULL }

#define	ATF_TC_HEAD(tc, tcptr)						\
	static void atfu_ ## tc ## _head(atf_tc_t *tcptr ATF_DEFS_ATTRIBUTE_UNUSED)
#define	ATF_TC_BODY(tc, tcptr)						\
	static void atfu_ ## tc ## _body(const atf_tc_t *tcptr ATF_DEFS_ATTRIBUTE_UNUSED)
#define	ATF_TC_CLEANUP(tc, tcptr)					\
	static void atfu_ ## tc ## _cleanup(const atf_tc_t *tcptr ATF_DEFS_ATTRIBUTE_UNUSED)

/* Test program definition: provides main(). */
#define	ATF_TP_ADD_TCS(tps)						\
	static atf_error_t atfu_tp_add_tcs(atf_tp_t *);			\
	int atf_tp_main(int, char **, atf_error_t (*)(atf_tp_t *));	\
	int								\
	main(int argc, char **argv)					\
	{								\
		return (atf_tp_main(argc, argv, atfu_tp_add_tcs));	\
	}								\
	static atf_error_t						\
	atfu_tp_add_tcs(atf_tp_t *tps)

#define	ATF_TP_ADD_TC(tp, tc)						\
	do {								\
		atf_error_t atfu_err;					\
		atfu_err = atf_tp_add_tc(tp, &atfu_ ## tc ## _tc);	\
		if (atf_is_error(atfu_err))				\
			return (atfu_err);				\
	} while (0)

atf_error_t	atf_tp_add_tc(atf_tp_t *, atf_tc_t *);
int		atf_tp_main(int, char **, atf_error_t (*)(atf_tp_t *));

/* Metadata and configuration. */
atf_error_t	atf_tc_set_md_var(atf_tc_t *, const char *, const char *, ...)
		    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(3, 4);
const char	*atf_tc_get_md_var(const atf_tc_t *, const char *);
bool		atf_tc_has_md_var(const atf_tc_t *, const char *);
char		**atf_tc_get_md_vars(const atf_tc_t *);
const char	*atf_tc_get_ident(const atf_tc_t *);
bool		atf_tc_has_config_var(const atf_tc_t *, const char *);
const char	*atf_tc_get_config_var(const atf_tc_t *, const char *);
const char	*atf_tc_get_config_var_wd(const atf_tc_t *, const char *,
		    const char *);
bool		atf_tc_get_config_var_as_bool(const atf_tc_t *, const char *);
bool		atf_tc_get_config_var_as_bool_wd(const atf_tc_t *,
		    const char *, const bool);
long		atf_tc_get_config_var_as_long(const atf_tc_t *, const char *);
long		atf_tc_get_config_var_as_long_wd(const atf_tc_t *,
		    const char *, const long);

/* Results and expectations. */
void	atf_tc_fail(const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2) ATF_DEFS_ATTRIBUTE_NORETURN;
void	atf_tc_fail_nonfatal(const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2);
void	atf_tc_pass(void) ATF_DEFS_ATTRIBUTE_NORETURN;
void	atf_tc_skip(const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2) ATF_DEFS_ATTRIBUTE_NORETURN;
void	atf_tc_expect_pass(void);
void	atf_tc_expect_fail(const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2);
void	atf_tc_expect_exit(const int, const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(2, 3);
void	atf_tc_expect_signal(const int, const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(2, 3);
void	atf_tc_expect_death(const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2);
void	atf_tc_expect_timeout(const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2);

/* Used by the macros below. */
void	atf_tc_fail_check(const char *, const size_t, const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(3, 4);
void	atf_tc_fail_requirement(const char *, const size_t, const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(3, 4) ATF_DEFS_ATTRIBUTE_NORETURN;
void	atf_tc_check_errno(const char *, const size_t, const int,
	    const char *, const bool);
void	atf_tc_require_errno(const char *, const size_t, const int,
	    const char *, const bool);

#define	ATF_REQUIRE_MSG(expression, fmt, ...) do {			\
	if (!(expression))						\
		atf_tc_fail_requirement(__FILE__, __LINE__, fmt, ##__VA_ARGS__); \
} while (0)

#define	ATF_CHECK_MSG(expression, fmt, ...) do {			\
	if (!(expression))						\
		atf_tc_fail_check(__FILE__, __LINE__, fmt, ##__VA_ARGS__); \
} while (0)

#define	ATF_REQUIRE(expression) do {					\
	if (!(expression))						\
		atf_tc_fail_requirement(__FILE__, __LINE__, "%s",	\
		    #expression " not met");				\
} while (0)

#define	ATF_CHECK(expression) do {					\
	if (!(expression))						\
		atf_tc_fail_check(__FILE__, __LINE__, "%s",		\
		    #expression " not met");				\
} while (0)

#define	ATF_REQUIRE_EQ(expected, actual)				\
	ATF_REQUIRE_MSG((expected) == (actual), "%s != %s", #expected, #actual)
#define	ATF_CHECK_EQ(expected, actual)					\
	ATF_CHECK_MSG((expected) == (actual), "%s != %s", #expected, #actual)
#define	ATF_REQUIRE_EQ_MSG(expected, actual, fmt, ...)			\
	ATF_REQUIRE_MSG((expected) == (actual), "%s != %s: " fmt,	\
	    #expected, #actual, ##__VA_ARGS__)
#define	ATF_CHECK_EQ_MSG(expected, actual, fmt, ...)			\
	ATF_CHECK_MSG((expected) == (actual), "%s != %s: " fmt,		\
	    #expected, #actual, ##__VA_ARGS__)

#define	ATF_REQUIRE_NE(expected, actual)				\
	ATF_REQUIRE_MSG((expected) != (actual), "%s == %s", #expected, #actual)
#define	ATF_CHECK_NE(expected, actual)					\
	ATF_CHECK_MSG((expected) != (actual), "%s == %s", #expected, #actual)
#define	ATF_REQUIRE_NE_MSG(expected, actual, fmt, ...)			\
	ATF_REQUIRE_MSG((expected) != (actual), "%s == %s: " fmt,	\
	    #expected, #actual, ##__VA_ARGS__)
#define	ATF_CHECK_NE_MSG(expected, actual, fmt, ...)			\
	ATF_CHECK_MSG((expected) != (actual), "%s == %s: " fmt,		\
	    #expected, #actual, ##__VA_ARGS__)

#define	ATF_REQUIRE_STREQ(expected, actual)				\
	ATF_REQUIRE_MSG(strcmp(expected, actual) == 0, "%s != %s (%s != %s)", \
	    #expected, #actual, expected, actual)
#define	ATF_CHECK_STREQ(expected, actual)				\
	ATF_CHECK_MSG(strcmp(expected, actual) == 0, "%s != %s (%s != %s)", \
	    #expected, #actual, expected, actual)
#define	ATF_REQUIRE_STREQ_MSG(expected, actual, fmt, ...)		\
	ATF_REQUIRE_MSG(strcmp(expected, actual) == 0,			\
	    "%s != %s (%s != %s): " fmt, #expected, #actual, expected,	\
	    actual, ##__VA_ARGS__)
#define	ATF_CHECK_STREQ_MSG(expected, actual, fmt, ...)			\
	ATF_CHECK_MSG(strcmp(expected, actual) == 0,			\
	    "%s != %s (%s != %s): " fmt, #expected, #actual, expected,	\
	    actual, ##__VA_ARGS__)

#define	ATF_REQUIRE_INTEQ(expected, actual)				\
	ATF_REQUIRE_MSG((expected) == (actual), "%s != %s (%jd != %jd)", \
	    #expected, #actual, (intmax_t)(expected), (intmax_t)(actual))
#define	ATF_CHECK_INTEQ(expected, actual)				\
	ATF_CHECK_MSG((expected) == (actual), "%s != %s (%jd != %jd)",	\
	    #expected, #actual, (intmax_t)(expected), (intmax_t)(actual))
#define	ATF_REQUIRE_INTEQ_MSG(expected, actual, fmt, ...)		\
	ATF_REQUIRE_MSG((expected) == (actual), "%s != %s (%jd != %jd): " fmt, \
	    #expected, #actual, (intmax_t)(expected), (intmax_t)(actual), \
	    ##__VA_ARGS__)
#define	ATF_CHECK_INTEQ_MSG(expected, actual, fmt, ...)			\
	ATF_CHECK_MSG((expected) == (actual), "%s != %s (%jd != %jd): " fmt, \
	    #expected, #actual, (intmax_t)(expected), (intmax_t)(actual), \
	    ##__VA_ARGS__)

#define	ATF_REQUIRE_ERRNO(exp_errno, bool_expr)				\
	atf_tc_require_errno(__FILE__, __LINE__, exp_errno, #bool_expr, bool_expr)
#define	ATF_CHECK_ERRNO(exp_errno, bool_expr)				\
	atf_tc_check_errno(__FILE__, __LINE__, exp_errno, #bool_expr, bool_expr)

/* Utilities (lib/libatf-c/utils.c). */
void	atf_utils_cat_file(const char *, const char *);
bool	atf_utils_compare_file(const char *, const char *);
void	atf_utils_copy_file(const char *, const char *);
void	atf_utils_create_file(const char *, const char *, ...)
	    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(2, 3);
bool	atf_utils_file_exists(const char *);
pid_t	atf_utils_fork(void);
void	atf_utils_free_charpp(char **);
char	*atf_utils_readline(int);
void	atf_utils_redirect(const int, const char *);
void	atf_utils_wait(const pid_t, const int, const char *, const char *);

#ifdef __cplusplus
}
#endif

#endif /* !_ATF_C_H_ */
