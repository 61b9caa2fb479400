/*
 * sysctl_test: sysctl(3) against the kernel MIB: values by name and by
 * number, sizes, ENOMEM on a short buffer, errnos, writable nodes.
 */
#include <sys/types.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(kern_ostype_is_Damselfly);
ATF_TC_BODY(kern_ostype_is_Damselfly, tc)
{
	int mib[2] = { CTL_KERN, KERN_OSTYPE };
	char buf[64];
	size_t len = sizeof(buf);

	ATF_REQUIRE_EQ(sysctl(mib, 2, buf, &len, NULL, 0), 0);
	ATF_REQUIRE_STREQ(buf, "Damselfly");
	ATF_REQUIRE_EQ(len, strlen("Damselfly") + 1);
	len = sizeof(buf);
	ATF_REQUIRE_EQ(sysctlbyname("kern.ostype", buf, &len, NULL, 0), 0);
	ATF_REQUIRE_STREQ(buf, "Damselfly");
}

ATF_TC_WITHOUT_HEAD(size_query_then_short_buffer_ENOMEM);
ATF_TC_BODY(size_query_then_short_buffer_ENOMEM, tc)
{
	char buf[4];
	size_t len = 0;

	ATF_REQUIRE_EQ(sysctlbyname("kern.ostype", NULL, &len, NULL, 0), 0);
	ATF_REQUIRE_EQ(len, 10);
	len = sizeof(buf);
	errno = 0;
	ATF_REQUIRE_EQ(sysctlbyname("kern.ostype", buf, &len, NULL, 0), -1);
	ATF_REQUIRE_EQ(errno, ENOMEM);
	ATF_REQUIRE_EQ(len, sizeof(buf));
	ATF_REQUIRE(memcmp(buf, "Dams", 4) == 0);
}

ATF_TC_WITHOUT_HEAD(nametomib_and_errnos);
ATF_TC_BODY(nametomib_and_errnos, tc)
{
	int mib[CTL_MAXNAME], v;
	size_t n = CTL_MAXNAME, len = sizeof(v);

	ATF_REQUIRE_EQ(sysctlnametomib("kern.ipc.somaxconn", mib, &n), 0);
	ATF_REQUIRE_EQ(n, 3);
	ATF_REQUIRE_EQ(sysctl(mib, 3, &v, &len, NULL, 0), 0);
	ATF_REQUIRE_EQ(v, 128);
	errno = 0;
	ATF_REQUIRE_EQ(sysctlbyname("kern.no_such_thing", &v, &len, NULL, 0),
	    -1);
	ATF_REQUIRE_EQ(errno, ENOENT);
	errno = 0;
	ATF_REQUIRE_EQ(sysctlbyname("kern.ostype", NULL, NULL, "x", 1), -1);
	ATF_REQUIRE_EQ(errno, EPERM);
	mib[0] = CTL_KERN;
	errno = 0;
	ATF_REQUIRE_EQ(sysctl(mib, 1, &v, &len, NULL, 0), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(hostname_set_and_get);
ATF_TC_BODY(hostname_set_and_get, tc)
{
	char saved[256], buf[256];
	size_t len = sizeof(saved);

	ATF_REQUIRE_EQ(sysctlbyname("kern.hostname", saved, &len, NULL, 0), 0);
	ATF_REQUIRE_EQ(sysctlbyname("kern.hostname", NULL, NULL, "atf-host",
	    8), 0);
	ATF_REQUIRE_EQ(gethostname(buf, sizeof(buf)), 0);
	ATF_REQUIRE_STREQ(buf, "atf-host");
	ATF_REQUIRE_EQ(sysctlbyname("kern.hostname", NULL, NULL, saved,
	    strlen(saved)), 0);
}

ATF_TC_WITHOUT_HEAD(hw_ncpu_positive);
ATF_TC_BODY(hw_ncpu_positive, tc)
{
	int ncpu = 0;
	size_t len = sizeof(ncpu);

	ATF_REQUIRE_EQ(sysctlbyname("hw.ncpu", &ncpu, &len, NULL, 0), 0);
	ATF_REQUIRE(ncpu >= 1);
	ATF_REQUIRE_EQ(len, sizeof(int));
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, kern_ostype_is_Damselfly);
	ATF_TP_ADD_TC(tp, size_query_then_short_buffer_ENOMEM);
	ATF_TP_ADD_TC(tp, nametomib_and_errnos);
	ATF_TP_ADD_TC(tp, hostname_set_and_get);
	ATF_TP_ADD_TC(tp, hw_ncpu_positive);
	return (atf_no_error());
}
