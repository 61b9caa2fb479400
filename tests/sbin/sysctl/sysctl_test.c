/*
 * sysctl_test: /sbin/sysctl prints "name: value" for integer and string
 * leaves (the value alone with -n), walks nodes and the whole tree (-a)
 * through the kernel's next-OID meta node, sets leaves with name=value,
 * and fails on unknown names.  Uses FreeBSD's hw.ncpu, kern.ostype and
 * kern.hostname, and compares with what sysctlbyname(3) returns.
 */
#include <sys/types.h>
#include <sys/sysctl.h>

#include "../../bin/cmdtest.h"

static void
run_sysctl(struct cmdresult *r, char *a1, char *a2)
{
	char *argv[] = { SBINDIR "/sysctl", a1, a2, NULL };

	run_cmd(r, NULL, argv);
}

static int
ncpu(void)
{
	size_t len;
	int n;

	len = sizeof(n);
	ATF_REQUIRE_EQ_MSG(0, sysctlbyname("hw.ncpu", &n, &len, NULL, 0),
	    "sysctlbyname hw.ncpu: %s", strerror(errno));
	return (n);
}

static void
string_value(const char *name, char *buf, size_t len)
{
	ATF_REQUIRE_EQ_MSG(0, sysctlbyname(name, buf, &len, NULL, 0),
	    "sysctlbyname %s: %s", name, strerror(errno));
}

ATF_TC_WITHOUT_HEAD(integer_leaf_name_and_value);
ATF_TC_BODY(integer_leaf_name_and_value, tc)
{
	struct cmdresult r;
	char want[64];

	snprintf(want, sizeof(want), "hw.ncpu: %d\n", ncpu());
	run_sysctl(&r, "hw.ncpu", NULL);
	CHECK_OUT(&r, want);
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(n_flag_prints_value_only);
ATF_TC_BODY(n_flag_prints_value_only, tc)
{
	struct cmdresult r;
	char want[64];

	snprintf(want, sizeof(want), "%d\n", ncpu());
	run_sysctl(&r, "-n", "hw.ncpu");
	CHECK_OUT(&r, want);
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(string_leaf_name_and_value);
ATF_TC_BODY(string_leaf_name_and_value, tc)
{
	struct cmdresult r;
	char val[256], want[300];

	string_value("kern.ostype", val, sizeof(val));
	snprintf(want, sizeof(want), "kern.ostype: %s\n", val);
	run_sysctl(&r, "kern.ostype", NULL);
	CHECK_OUT(&r, want);
	CHECK_STATUS(&r, 0);
}

ATF_TC_WITHOUT_HEAD(unknown_name_fails);
ATF_TC_BODY(unknown_name_fails, tc)
{
	struct cmdresult r;

	run_sysctl(&r, "no.such.name", NULL);
	CHECK_OUT(&r, "");
	CHECK_STATUS(&r, 1);
	ATF_CHECK_MSG(strstr(r.err, "no.such.name") != NULL, "stderr: %s",
	    r.err);
}

ATF_TC_WITHOUT_HEAD(node_lists_its_leaves);
ATF_TC_BODY(node_lists_its_leaves, tc)
{
	struct cmdresult r;
	char want[64];
	const char *line;

	snprintf(want, sizeof(want), "hw.ncpu: %d\n", ncpu());
	run_sysctl(&r, "hw", NULL);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(strstr(r.out, want) != NULL, "no '%s' in: %s", want,
	    r.out);
	for (line = r.out; *line != '\0'; line = strchr(line, '\n') + 1) {
		ATF_CHECK_MSG(strncmp(line, "hw.", 3) == 0,
		    "line outside hw: %.40s", line);
		if (strchr(line, '\n') == NULL)
			break;
	}
}

ATF_TC_WITHOUT_HEAD(a_lists_the_whole_tree);
ATF_TC_BODY(a_lists_the_whole_tree, tc)
{
	struct cmdresult r;
	char want[64];

	snprintf(want, sizeof(want), "hw.ncpu: %d\n", ncpu());
	run_sysctl(&r, "-a", NULL);
	CHECK_STATUS(&r, 0);
	ATF_CHECK_MSG(strstr(r.out, want) != NULL, "no '%s' in -a", want);
	ATF_CHECK_MSG(strstr(r.out, "kern.ostype: ") != NULL,
	    "no kern.ostype in -a");
}

ATF_TC_WITHOUT_HEAD(set_string_leaf);
ATF_TC_BODY(set_string_leaf, tc)
{
	struct cmdresult r;
	char old[256], want[600], now[256];

	string_value("kern.hostname", old, sizeof(old));
	run_sysctl(&r, "kern.hostname=sysctl-test", NULL);
	snprintf(want, sizeof(want), "kern.hostname: %s -> sysctl-test\n",
	    old);
	CHECK_OUT(&r, want);
	CHECK_STATUS(&r, 0);
	string_value("kern.hostname", now, sizeof(now));
	ATF_CHECK_STREQ("sysctl-test", now);
}

ATF_TC_WITHOUT_HEAD(set_integer_from_text_fails);
ATF_TC_BODY(set_integer_from_text_fails, tc)
{
	struct cmdresult r;

	run_sysctl(&r, "hw.ncpu=many", NULL);
	CHECK_STATUS(&r, 1);
	ATF_CHECK_MSG(strstr(r.err, "hw.ncpu") != NULL, "stderr: %s", r.err);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, integer_leaf_name_and_value);
	ATF_TP_ADD_TC(tp, n_flag_prints_value_only);
	ATF_TP_ADD_TC(tp, string_leaf_name_and_value);
	ATF_TP_ADD_TC(tp, unknown_name_fails);
	ATF_TP_ADD_TC(tp, node_lists_its_leaves);
	ATF_TP_ADD_TC(tp, a_lists_the_whole_tree);
	ATF_TP_ADD_TC(tp, set_string_leaf);
	ATF_TP_ADD_TC(tp, set_integer_from_text_fails);
	return (atf_no_error());
}
