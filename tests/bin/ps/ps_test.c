/*
 * ps_test: /bin/ps prints the kernel's process list (sysctl
 * kern.proclist): a header and a line per thread, ps itself included.
 */
#include <ctype.h>

#include "../cmdtest.h"

/* Does the text hold n as a whole word? */
static int
has_number(const char *text, long n)
{
	const char *p;
	char num[24];
	size_t len;

	snprintf(num, sizeof(num), "%ld", n);
	len = strlen(num);
	for (p = strstr(text, num); p != NULL; p = strstr(p + 1, num))
		if ((p == text || !isdigit((unsigned char)p[-1])) &&
		    !isdigit((unsigned char)p[len]))
			return (1);
	return (0);
}

static void
run_ps(struct cmdresult *r)
{
	char *argv[] = { BINDIR "/ps", NULL };

	run_cmd(r, NULL, argv);
	if (r->status == 1 && strstr(r->err, "no process list") != NULL)
		atf_tc_skip("the kernel has no kern.proclist yet");
}

ATF_TC_WITHOUT_HEAD(lists_itself_with_its_pid);
ATF_TC_BODY(lists_itself_with_its_pid, tc)
{
	struct cmdresult r;

	run_ps(&r);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(strstr(r.out, "ps") != NULL, "no 'ps' in: %s", r.out);
	ATF_CHECK_MSG(has_number(r.out, r.pid), "pid %d not in: %s",
	    (int)r.pid, r.out);
}

ATF_TC_WITHOUT_HEAD(lists_init_and_the_test);
ATF_TC_BODY(lists_init_and_the_test, tc)
{
	struct cmdresult r;

	run_ps(&r);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(has_number(r.out, 1), "pid 1 not in: %s", r.out);
	ATF_CHECK_MSG(has_number(r.out, getpid()), "pid %d not in: %s",
	    (int)getpid(), r.out);
}

ATF_TC_WITHOUT_HEAD(arguments_are_rejected);
ATF_TC_BODY(arguments_are_rejected, tc)
{
	char *argv[] = { BINDIR "/ps", "-x", NULL };
	struct cmdresult r;

	run_cmd(&r, NULL, argv);
	CHECK_STATUS(&r, 1);
	ATF_CHECK_MSG(strstr(r.err, "usage") != NULL, "stderr: %s", r.err);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, lists_itself_with_its_pid);
	ATF_TP_ADD_TC(tp, lists_init_and_the_test);
	ATF_TP_ADD_TC(tp, arguments_are_rejected);
	return (atf_no_error());
}
