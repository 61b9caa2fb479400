/*
 * tc.c: test cases: metadata, configuration access, and the result
 * semantics of running a body.
 *
 * A body runs in the current process with a context ("ctx") recording
 * the current expectation.  The outcome is written to the result file as
 * one line kyua parses:
 *
 *   passed                       body returned, no check failed
 *   failed: REASON               a requirement failed (ATF_REQUIRE,
 *                                atf_tc_fail), or checks failed
 *                                ("N checks failed; see output ...")
 *   skipped: REASON              atf_tc_skip
 *   expected_failure: WHY: REASON  a failure while expect_fail was on
 *   expected_exit(N): WHY, expected_signal(N): WHY, expected_death: WHY,
 *   expected_timeout: WHY        written when the expectation is set;
 *                                kyua matches them against how the
 *                                process actually ended
 *
 * Contradictions ("expected a failure but none was raised", "expected to
 * exit but continued") turn into "failed: ...", exactly as atf-c does.
 * Reasons are prefixed with "file:line: " when they come from the
 * macros, and newlines in them become spaces (the file is one line).
 */
#include <sys/types.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atf_private.h"

enum expect {
	EXPECT_PASS,
	EXPECT_FAIL,
	EXPECT_EXIT,
	EXPECT_SIGNAL,
	EXPECT_DEATH,
	EXPECT_TIMEOUT,
};

static struct {
	const atf_tc_t	*tc;
	const char	*resfile;
	size_t		fail_count;		/* failed checks (expect pass) */
	size_t		expect_fail_count;	/* failures while expect_fail */
	size_t		expect_previous_fail_count;
	enum expect	expect;
	char		expect_reason[1024];
} ctx;

struct atf_error {
	int	code;
};

static struct atf_error no_memory = { ENOMEM };

atf_error_t
atf_no_error(void)
{

	return (NULL);
}

atf_error_t
atf_no_memory_error(void)
{

	return (&no_memory);
}

bool
atf_is_error(const atf_error_t e)
{

	return (e != NULL);
}

void
atf_error_free(atf_error_t e)
{
}

void
atf_fatal(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", getprogname());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	exit(EXIT_FAILURE);
}

/* ---- key/value lists ---------------------------------------------------- */

const char *
atf_kv_get(const struct atf_kv *kv, const char *key)
{

	for (; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, key) == 0)
			return (kv->value);
	return (NULL);
}

int
atf_kv_set(struct atf_kv **head, const char *key, const char *value)
{
	struct atf_kv *kv, **tail;
	char *v;

	if ((v = strdup(value)) == NULL)
		return (-1);
	for (tail = head; *tail != NULL; tail = &(*tail)->next) {
		if (strcmp((*tail)->key, key) == 0) {
			free((*tail)->value);
			(*tail)->value = v;
			return (0);
		}
	}
	if ((kv = calloc(1, sizeof(*kv))) == NULL ||
	    (kv->key = strdup(key)) == NULL) {
		free(kv);
		free(v);
		return (-1);
	}
	kv->value = v;
	*tail = kv;
	return (0);
}

/* ---- metadata and configuration --------------------------------------- */

int
atf_tc_init_impl(atf_tc_t *tc, struct atf_kv **config)
{

	if (tc->pimpl != NULL)
		return (0);
	if ((tc->pimpl = calloc(1, sizeof(*tc->pimpl))) == NULL)
		return (-1);
	tc->pimpl->config = config;
	if (atf_kv_set(&tc->pimpl->md, "ident", tc->m_ident) != 0)
		return (-1);
	if (tc->m_cleanup != NULL &&
	    atf_kv_set(&tc->pimpl->md, "has.cleanup", "true") != 0)
		return (-1);
	if (tc->m_head != NULL)
		tc->m_head(tc);
	if (strcmp(atf_tc_get_md_var(tc, "ident"), tc->m_ident) != 0)
		atf_fatal("test case head modified the read-only 'ident' "
		    "property");
	return (0);
}

atf_error_t
atf_tc_set_md_var(atf_tc_t *tc, const char *name, const char *fmt, ...)
{
	va_list ap;
	char *value;
	int rv;

	va_start(ap, fmt);
	rv = vasprintf(&value, fmt, ap);
	va_end(ap);
	if (rv < 0)
		return (atf_no_memory_error());
	rv = atf_kv_set(&tc->pimpl->md, name, value);
	free(value);
	return (rv == 0 ? atf_no_error() : atf_no_memory_error());
}

const char *
atf_tc_get_md_var(const atf_tc_t *tc, const char *name)
{
	const char *v;

	v = atf_kv_get(tc->pimpl->md, name);
	if (v == NULL)
		atf_fatal("test case %s has no metadata variable '%s'",
		    tc->m_ident, name);
	return (v);
}

bool
atf_tc_has_md_var(const atf_tc_t *tc, const char *name)
{

	return (atf_kv_get(tc->pimpl->md, name) != NULL);
}

char **
atf_tc_get_md_vars(const atf_tc_t *tc)
{
	const struct atf_kv *kv;
	char **vars;
	size_t n, i;

	n = 0;
	for (kv = tc->pimpl->md; kv != NULL; kv = kv->next)
		n++;
	if ((vars = calloc(2 * n + 1, sizeof(char *))) == NULL)
		return (NULL);
	i = 0;
	for (kv = tc->pimpl->md; kv != NULL; kv = kv->next) {
		vars[i++] = strdup(kv->key);
		vars[i++] = strdup(kv->value);
	}
	return (vars);
}

const char *
atf_tc_get_ident(const atf_tc_t *tc)
{

	return (tc->m_ident);
}

bool
atf_tc_has_config_var(const atf_tc_t *tc, const char *name)
{

	return (atf_kv_get(*tc->pimpl->config, name) != NULL);
}

const char *
atf_tc_get_config_var(const atf_tc_t *tc, const char *name)
{
	const char *v;

	v = atf_kv_get(*tc->pimpl->config, name);
	if (v == NULL)
		atf_tc_fail("configuration variable '%s' is not defined", name);
	return (v);
}

const char *
atf_tc_get_config_var_wd(const atf_tc_t *tc, const char *name,
    const char *defval)
{
	const char *v;

	v = atf_kv_get(*tc->pimpl->config, name);
	return (v != NULL ? v : defval);
}

static bool
parse_bool(const char *name, const char *v)
{

	if (strcasecmp(v, "true") == 0 || strcasecmp(v, "yes") == 0 ||
	    strcmp(v, "1") == 0)
		return (true);
	if (strcasecmp(v, "false") == 0 || strcasecmp(v, "no") == 0 ||
	    strcmp(v, "0") == 0)
		return (false);
	atf_tc_fail("configuration variable '%s' is not a boolean: %s", name, v);
}

bool
atf_tc_get_config_var_as_bool(const atf_tc_t *tc, const char *name)
{

	return (parse_bool(name, atf_tc_get_config_var(tc, name)));
}

bool
atf_tc_get_config_var_as_bool_wd(const atf_tc_t *tc, const char *name,
    const bool defval)
{

	if (!atf_tc_has_config_var(tc, name))
		return (defval);
	return (atf_tc_get_config_var_as_bool(tc, name));
}

long
atf_tc_get_config_var_as_long(const atf_tc_t *tc, const char *name)
{
	const char *v;
	char *end;
	long l;

	v = atf_tc_get_config_var(tc, name);
	errno = 0;
	l = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno != 0)
		atf_tc_fail("configuration variable '%s' is not an integer: %s",
		    name, v);
	return (l);
}

long
atf_tc_get_config_var_as_long_wd(const atf_tc_t *tc, const char *name,
    const long defval)
{

	if (!atf_tc_has_config_var(tc, name))
		return (defval);
	return (atf_tc_get_config_var_as_long(tc, name));
}

/* ---- result file ------------------------------------------------------ */

static void
write_resfile(const char *result, int arg, const char *reason)
{
	char line[2048], *p;
	size_t len;
	ssize_t w;
	int fd, rv;

	if (arg != -1)
		rv = snprintf(line, sizeof(line), "%s(%d)", result, arg);
	else
		rv = snprintf(line, sizeof(line), "%s", result);
	len = (size_t)rv;
	if (reason != NULL && len < sizeof(line))
		len += (size_t)snprintf(line + len, sizeof(line) - len, ": %s",
		    reason);
	if (len > sizeof(line) - 2)
		len = sizeof(line) - 2;
	for (p = line; p < line + len; p++)
		if (*p == '\n')
			*p = ' ';
	line[len++] = '\n';

	if (ctx.resfile == NULL || strcmp(ctx.resfile, "/dev/stdout") == 0)
		fd = STDOUT_FILENO;
	else if (strcmp(ctx.resfile, "/dev/stderr") == 0)
		fd = STDERR_FILENO;
	else {
		fd = open(ctx.resfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			atf_fatal("cannot create results file '%s': %s",
			    ctx.resfile, strerror(errno));
	}
	for (p = line; len > 0; p += w, len -= (size_t)w) {
		w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR) {
				w = 0;
				continue;
			}
			atf_fatal("cannot write results file: %s",
			    strerror(errno));
		}
	}
	if (fd > STDERR_FILENO)
		(void)close(fd);
}

static void
format_reason(char *buf, size_t size, const char *file, size_t line,
    const char *fmt, va_list ap)
{
	int n;

	n = 0;
	if (file != NULL)
		n = snprintf(buf, size, "%s:%zu: ", file, line);
	if (n < 0 || (size_t)n >= size)
		n = 0;
	(void)vsnprintf(buf + n, size - (size_t)n, fmt, ap);
}

static void
format_reason_fmt(char *buf, size_t size, const char *file, size_t line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format_reason(buf, size, file, line, fmt, ap);
	va_end(ap);
}

static void finish_ok(void) ATF_DEFS_ATTRIBUTE_NORETURN;
static void fail_requirement(const char *) ATF_DEFS_ATTRIBUTE_NORETURN;
static void expected_failure(const char *) ATF_DEFS_ATTRIBUTE_NORETURN;
static void error_in_expect(const char *, ...)
    ATF_DEFS_ATTRIBUTE_FORMAT_PRINTF(1, 2) ATF_DEFS_ATTRIBUTE_NORETURN;

static void
finish_ok(void)
{

	fflush(NULL);
	exit(EXIT_SUCCESS);
}

static void
expected_failure(const char *reason)
{
	char buf[2048];

	snprintf(buf, sizeof(buf), "%s: %s", ctx.expect_reason, reason);
	write_resfile("expected_failure", -1, buf);
	finish_ok();
}

static void
fail_requirement(const char *reason)
{

	switch (ctx.expect) {
	case EXPECT_FAIL:
		expected_failure(reason);
	case EXPECT_PASS:
		write_resfile("failed", -1, reason);
		fflush(NULL);
		exit(EXIT_FAILURE);
	default:
		error_in_expect("Test case raised a failure but was not "
		    "expecting one; reason was %s", reason);
	}
}

/* A contradiction of the current expectation: a plain failure. */
static void
error_in_expect(const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	format_reason(reason, sizeof(reason), NULL, 0, fmt, ap);
	va_end(ap);
	ctx.expect = EXPECT_PASS;
	fail_requirement(reason);
}

static void
fail_check(const char *reason)
{

	switch (ctx.expect) {
	case EXPECT_FAIL:
		fprintf(stderr, "*** Expected check failure: %s: %s\n",
		    ctx.expect_reason, reason);
		ctx.expect_fail_count++;
		break;
	case EXPECT_PASS:
		fprintf(stderr, "*** Check failed: %s\n", reason);
		ctx.fail_count++;
		break;
	default:
		error_in_expect("Test case raised a failure but was not "
		    "expecting one; reason was %s", reason);
	}
}

/* Leaving an expectation: check it was met so far. */
static void
validate_expect(void)
{

	switch (ctx.expect) {
	case EXPECT_DEATH:
		error_in_expect("Test case was expected to terminate abruptly "
		    "but it continued execution");
	case EXPECT_EXIT:
		error_in_expect("Test case was expected to exit cleanly but "
		    "it continued execution");
	case EXPECT_FAIL:
		if (ctx.expect_fail_count == ctx.expect_previous_fail_count)
			error_in_expect("Test case was expecting a failure but "
			    "none were raised");
		break;
	case EXPECT_PASS:
		break;
	case EXPECT_SIGNAL:
		error_in_expect("Test case was expected to receive a "
		    "termination signal but it continued execution");
	case EXPECT_TIMEOUT:
		error_in_expect("Test case was expected to hang but it "
		    "continued execution");
	}
}

void
atf_tc_run_body(const atf_tc_t *tc, const char *resfile)
{
	char reason[256];

	memset(&ctx, 0, sizeof(ctx));
	ctx.tc = tc;
	ctx.resfile = resfile;
	ctx.expect = EXPECT_PASS;
	tc->m_body(tc);
	validate_expect();
	if (ctx.fail_count > 0) {
		snprintf(reason, sizeof(reason),
		    "%zu checks failed; see output for more details",
		    ctx.fail_count);
		fail_requirement(reason);
	}
	if (ctx.expect_fail_count > 0) {
		snprintf(reason, sizeof(reason),
		    "%zu checks failed as expected; see output for more details",
		    ctx.expect_fail_count);
		expected_failure(reason);
	}
	write_resfile("passed", -1, NULL);
	finish_ok();
}

void
atf_tc_run_cleanup(const atf_tc_t *tc)
{

	memset(&ctx, 0, sizeof(ctx));
	ctx.tc = tc;
	ctx.expect = EXPECT_PASS;
	if (tc->m_cleanup != NULL)
		tc->m_cleanup(tc);
	finish_ok();
}

/*
 * atf_utils_fork's child: failures there must not look like the
 * expectations of the parent; it reports through its exit status.
 */
void
atf_tc_reset_after_fork(void)
{

	ctx.expect = EXPECT_PASS;
	ctx.fail_count = 0;
	ctx.expect_fail_count = 0;
	ctx.expect_previous_fail_count = 0;
}

/* ---- the public result functions -------------------------------------- */

void
atf_tc_fail(const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	format_reason(reason, sizeof(reason), NULL, 0, fmt, ap);
	va_end(ap);
	fail_requirement(reason);
}

void
atf_tc_fail_nonfatal(const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	format_reason(reason, sizeof(reason), NULL, 0, fmt, ap);
	va_end(ap);
	fail_check(reason);
}

void
atf_tc_fail_check(const char *file, const size_t line, const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	format_reason(reason, sizeof(reason), file, line, fmt, ap);
	va_end(ap);
	fail_check(reason);
}

void
atf_tc_fail_requirement(const char *file, const size_t line,
    const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	format_reason(reason, sizeof(reason), file, line, fmt, ap);
	va_end(ap);
	fail_requirement(reason);
}

static void
errno_test(const char *file, const size_t line, const int exp_errno,
    const char *expr_str, const bool expr_result, int fatal)
{
	char reason[2048];
	int actual_errno = errno;

	if (expr_result) {
		if (exp_errno == actual_errno)
			return;
		format_reason_fmt(reason, sizeof(reason), file, line,
		    "Expected errno %d, got %d, in %s", exp_errno,
		    actual_errno, expr_str);
	} else
		format_reason_fmt(reason, sizeof(reason), file, line,
		    "Expected true value in %s", expr_str);
	if (fatal)
		fail_requirement(reason);
	fail_check(reason);
}

void
atf_tc_check_errno(const char *file, const size_t line, const int exp_errno,
    const char *expr_str, const bool expr_result)
{

	errno_test(file, line, exp_errno, expr_str, expr_result, 0);
}

void
atf_tc_require_errno(const char *file, const size_t line,
    const int exp_errno, const char *expr_str, const bool expr_result)
{

	errno_test(file, line, exp_errno, expr_str, expr_result, 1);
}

void
atf_tc_pass(void)
{

	switch (ctx.expect) {
	case EXPECT_FAIL:
		error_in_expect("Test case was expecting a failure but got "
		    "a pass instead");
	case EXPECT_PASS:
		write_resfile("passed", -1, NULL);
		finish_ok();
	default:
		error_in_expect("Test case asked to explicitly pass but was "
		    "not expecting such condition");
	}
}

void
atf_tc_skip(const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	format_reason(reason, sizeof(reason), NULL, 0, fmt, ap);
	va_end(ap);
	if (ctx.expect != EXPECT_PASS)
		error_in_expect("Can only skip a test case when running in "
		    "expect pass mode");
	write_resfile("skipped", -1, reason);
	finish_ok();
}

static void
set_expect(enum expect e, const char *fmt, va_list ap)
{

	validate_expect();
	ctx.expect = e;
	if (fmt != NULL)
		(void)vsnprintf(ctx.expect_reason, sizeof(ctx.expect_reason),
		    fmt, ap);
	else
		ctx.expect_reason[0] = '\0';
}

void
atf_tc_expect_pass(void)
{

	/* The reason stays: a later "checks failed as expected" uses it. */
	validate_expect();
	ctx.expect = EXPECT_PASS;
}

void
atf_tc_expect_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_expect(EXPECT_FAIL, fmt, ap);
	va_end(ap);
	ctx.expect_previous_fail_count = ctx.expect_fail_count;
}

void
atf_tc_expect_exit(const int exitcode, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_expect(EXPECT_EXIT, fmt, ap);
	va_end(ap);
	write_resfile("expected_exit", exitcode, ctx.expect_reason);
}

void
atf_tc_expect_signal(const int signo, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_expect(EXPECT_SIGNAL, fmt, ap);
	va_end(ap);
	write_resfile("expected_signal", signo, ctx.expect_reason);
}

void
atf_tc_expect_death(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_expect(EXPECT_DEATH, fmt, ap);
	va_end(ap);
	write_resfile("expected_death", -1, ctx.expect_reason);
}

void
atf_tc_expect_timeout(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_expect(EXPECT_TIMEOUT, fmt, ap);
	va_end(ap);
	write_resfile("expected_timeout", -1, ctx.expect_reason);
}
