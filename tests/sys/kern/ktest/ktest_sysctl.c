/*
 * ktest_sysctl.c: self tests for the sysctl MIB (kern/kern_sysctl.c):
 * values, name2oid and the other meta nodes, buffer-size semantics
 * (ENOMEM with the size still reported), permissions and errnos.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <sys/sysctl.h>

static long
kt_sysctl(const int *name, u_int namelen, void *old, size_t *oldlenp,
    const void *new, size_t newlen)
{
	return (-(long)kernel_sysctl(curthread, name, namelen, old, oldlenp,
	    new, newlen, NULL));
}

static long
kt_sysctlbyname(const char *name, void *old, size_t *oldlenp,
    const void *new, size_t newlen)
{
	return (-(long)kernel_sysctlbyname(curthread, name, old, oldlenp, new,
	    newlen, NULL));
}

KTEST(sysctl_kern_ostype_is_Damselfly, 30)
{
	int mib[2] = { CTL_KERN, KERN_OSTYPE };
	char buf[32];
	size_t len = sizeof(buf);

	KT_ASSERT_EQ(kt_sysctl(mib, 2, buf, &len, NULL, 0), 0);
	KT_ASSERT_EQ(len, 10);
	KT_ASSERT(strcmp(buf, "Damselfly") == 0);
}

KTEST(sysctl_size_query_with_no_buffer, 30)
{
	int mib[2] = { CTL_KERN, KERN_OSTYPE };
	size_t len = 0;

	KT_ASSERT_EQ(kt_sysctl(mib, 2, NULL, &len, NULL, 0), 0);
	KT_ASSERT_EQ(len, 10);
}

KTEST(sysctl_short_buffer_ENOMEM_copies_what_fits, 30)
{
	int mib[2] = { CTL_KERN, KERN_OSTYPE };
	char buf[8];
	size_t len = 4;

	memset(buf, '#', sizeof(buf));
	KT_ASSERT_EQ(kt_sysctl(mib, 2, buf, &len, NULL, 0), -ENOMEM);
	KT_ASSERT_EQ(len, 4);
	KT_ASSERT(memcmp(buf, "Dams#", 5) == 0);
}

KTEST(sysctl_name2oid_and_back, 30)
{
	int mib[CTL_MAXNAME], meta[CTL_MAXNAME + 2];
	const char *name = "kern.ipc.somaxconn";
	char buf[64];
	size_t len = sizeof(mib);

	meta[0] = 0;
	meta[1] = 3;
	KT_ASSERT_EQ(kt_sysctl(meta, 2, mib, &len, name, strlen(name)), 0);
	KT_ASSERT_EQ(len, 3 * sizeof(int));
	KT_ASSERT_EQ(mib[0], CTL_KERN);
	KT_ASSERT_EQ(mib[1], KERN_IPC);
	KT_ASSERT_EQ(mib[2], KIPC_SOMAXCONN);
	/* {0,1}: the name of an OID. */
	meta[1] = 1;
	memcpy(meta + 2, mib, 3 * sizeof(int));
	len = sizeof(buf);
	KT_ASSERT_EQ(kt_sysctl(meta, 5, buf, &len, NULL, 0), 0);
	KT_ASSERT(strcmp(buf, name) == 0);
	KT_ASSERT_EQ(len, strlen(name) + 1);
	/* Unknown names. */
	meta[1] = 3;
	len = sizeof(mib);
	KT_ASSERT_EQ(kt_sysctl(meta, 2, mib, &len, "kern.nosuch", 11),
	    -ENOENT);
	KT_ASSERT_EQ(kt_sysctl(meta, 2, mib, &len, "kern", 4), 0);
	KT_ASSERT_EQ(len, sizeof(int));
}

KTEST(sysctl_oidfmt_reports_kind_and_format, 30)
{
	int meta[4] = { 0, 4, CTL_KERN, KERN_HOSTNAME };
	char buf[32];
	size_t len = sizeof(buf);
	u_int kind;

	KT_ASSERT_EQ(kt_sysctl(meta, 4, buf, &len, NULL, 0), 0);
	memcpy(&kind, buf, sizeof(kind));
	KT_ASSERT_EQ(kind & CTLTYPE, CTLTYPE_STRING);
	KT_ASSERT(kind & CTLFLAG_WR);
	KT_ASSERT(strcmp(buf + sizeof(kind), "A") == 0);
}

KTEST(sysctl_errnos_ENOENT_ENOTDIR_EISDIR_EINVAL_EPERM, 30)
{
	int nosuch[2] = { CTL_KERN, 9999 };
	int pastleaf[3] = { CTL_KERN, KERN_OSTYPE, 1 };
	int node[2] = { CTL_KERN, KERN_IPC };
	int one[1] = { CTL_KERN };
	int ro[2] = { CTL_KERN, KERN_OSTYPE };
	char buf[16];
	size_t len = sizeof(buf);

	KT_ASSERT_EQ(kt_sysctl(nosuch, 2, buf, &len, NULL, 0), -ENOENT);
	KT_ASSERT_EQ(kt_sysctl(pastleaf, 3, buf, &len, NULL, 0), -ENOTDIR);
	KT_ASSERT_EQ(kt_sysctl(node, 2, buf, &len, NULL, 0), -EISDIR);
	KT_ASSERT_EQ(kt_sysctl(one, 1, buf, &len, NULL, 0), -EINVAL);
	KT_ASSERT_EQ(kt_sysctl(ro, 2, NULL, NULL, "Linux", 5), -EPERM);
	len = sizeof(buf);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.ostype", buf, &len, NULL, 0), 0);
	KT_ASSERT(strcmp(buf, "Damselfly") == 0);
}

KTEST(sysctl_hostname_is_writable, 30)
{
	char saved[256], buf[256];
	size_t len = sizeof(saved);

	KT_ASSERT_EQ(kt_sysctlbyname("kern.hostname", saved, &len, NULL, 0),
	    0);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.hostname", NULL, NULL, "ktest",
	    5), 0);
	len = sizeof(buf);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.hostname", buf, &len, NULL, 0), 0);
	KT_ASSERT(strcmp(buf, "ktest") == 0);
	KT_ASSERT_EQ(len, 6);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.hostname", NULL, NULL, saved,
	    strlen(saved)), 0);
}

KTEST(sysctl_somaxconn_defaults_to_128_and_checks_range, 30)
{
	int v, old = 0, bad = 0;
	size_t len = sizeof(v);

	KT_ASSERT_EQ(kt_sysctlbyname("kern.ipc.somaxconn", &old, &len, NULL,
	    0), 0);
	KT_ASSERT_EQ(old, 128);
	v = 256;
	KT_ASSERT_EQ(kt_sysctlbyname("kern.ipc.somaxconn", NULL, NULL, &v,
	    sizeof(v)), 0);
	KT_ASSERT_EQ(somaxconn, 256);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.ipc.somaxconn", NULL, NULL, &bad,
	    sizeof(bad)), -EINVAL);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.ipc.somaxconn", NULL, NULL, &v,
	    2), -EINVAL);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.ipc.somaxconn", NULL, NULL, &old,
	    sizeof(old)), 0);
	KT_ASSERT_EQ(somaxconn, 128);
}

KTEST(sysctl_hw_ncpu_and_physmem, 30)
{
	int ncpu;
	u_long mem;
	size_t len = sizeof(ncpu);

	KT_ASSERT_EQ(kt_sysctlbyname("hw.ncpu", &ncpu, &len, NULL, 0), 0);
	KT_ASSERT_EQ(ncpu, ncpus);
	len = sizeof(mem);
	KT_ASSERT_EQ(kt_sysctlbyname("hw.physmem", &mem, &len, NULL, 0), 0);
	KT_ASSERT(mem >= 64UL << 20);
}

/* Walking {0,2} visits every leaf once, in increasing order. */
KTEST(sysctl_next_walks_every_leaf_in_order, 30)
{
	int meta[CTL_MAXNAME + 2], prev[CTL_MAXNAME];
	int found_ostype = 0, found_somaxconn = 0, count = 0;
	u_int prevlen = 0;
	size_t len;
	long error;

	for (;;) {
		meta[0] = 0;
		meta[1] = 2;
		memcpy(meta + 2, prev, prevlen * sizeof(int));
		len = sizeof(prev);
		error = kt_sysctl(meta, 2 + prevlen, prev, &len, NULL, 0);
		if (error == -ENOENT)
			break;
		KT_ASSERT_EQ(error, 0);
		prevlen = len / sizeof(int);
		KT_ASSERT(prevlen >= 2);
		if (prevlen == 2 && prev[0] == CTL_KERN &&
		    prev[1] == KERN_OSTYPE)
			found_ostype++;
		if (prevlen == 3 && prev[0] == CTL_KERN && prev[1] == KERN_IPC &&
		    prev[2] == KIPC_SOMAXCONN)
			found_somaxconn++;
		KT_ASSERT(++count < 1000);
	}
	KT_ASSERT_EQ(found_ostype, 1);
	KT_ASSERT_EQ(found_somaxconn, 1);
	KT_ASSERT(count > 15);
}

KTEST(sysctl_malloc_stats_table_lists_types, 30)
{
	size_t len = 0;
	char *buf;

	KT_ASSERT_EQ(kt_sysctlbyname("kern.malloc_stats", NULL, &len, NULL,
	    0), 0);
	KT_ASSERT(len > 100);
	len += 4096;
	buf = kmalloc(len, M_TEMP, M_WAITOK);
	KT_ASSERT_EQ(kt_sysctlbyname("kern.malloc_stats", buf, &len, NULL, 0),
	    0);
	KT_ASSERT(strstr(buf, "TYPE") != NULL);
	KT_ASSERT(strstr(buf, "filedesc") != NULL);
	KT_ASSERT(strstr(buf, "sysctl") != NULL);
	KT_ASSERT_EQ(len, strlen(buf) + 1);
	kfree(buf, M_TEMP);
}

KTEST(sysctl_netisr_and_objcache_stats_print, 30)
{
	size_t len = 0;

	KT_ASSERT_EQ(kt_sysctlbyname("net.isr.stats", NULL, &len, NULL, 0), 0);
	KT_ASSERT(len > 10);
	len = 0;
	KT_ASSERT_EQ(kt_sysctlbyname("vm.objcache_stats", NULL, &len, NULL,
	    0), 0);
	KT_ASSERT(len > 10);
	len = 0;
	KT_ASSERT_EQ(kt_sysctlbyname("kern.threads", NULL, &len, NULL, 0), 0);
	KT_ASSERT(len > 10);
}
