/*
 * sys/ktest.h: in-kernel self tests.
 *
 * A case is a function compiled into INVARIANTS kernels and selected on the
 * kernel command line (ktest=NAME, ktest=list).  The runner
 * (kern/subr_ktest.c) runs it in a kernel thread on CPU 0, checks that
 * kmalloc and objcache counters came back to where they were, prints
 *     KTEST PASS <name>   or   KTEST FAIL <name>: <reason>
 * and leaves the VM with status 0 or 1.  tools/vmrun and the kyua bridge
 * (tests/sys/kern/ktest_bridge) turn each case into a kyua test case.
 *
 *	KTEST(name, timeout_seconds)
 *	{
 *		KT_ASSERT(x == 1);
 *		KT_ASSERT_EQ(a, b);
 *	}
 *
 * KT_ASSERT* record the first failure and return from the function they
 * are in; helper threads use them too (the test fails, the helper ends).
 * KTEST_EXPECT_PANIC(name, "substring", timeout) passes only if the case
 * panics with a message containing the substring.
 */
#ifndef _SYS_KTEST_H_
#define _SYS_KTEST_H_

#include <sys/types.h>
#include <sys/linker_set.h>

struct ktest {
	const char	*kt_name;
	void		(*kt_func)(void);
	const char	*kt_panic_match;	/* NULL: must not panic */
	int		kt_timeout;		/* seconds, for the host */
	const char	*kt_file;
};

#ifdef INVARIANTS
#define _KTEST_DEFINE(name, match, timeout)				\
	static void ktest_fn_##name(void);				\
	static const struct ktest ktest_##name = {			\
		#name, ktest_fn_##name, (match), (timeout), __FILE__	\
	};								\
	DATA_SET(set_ktest, ktest_##name);				\
	static void ktest_fn_##name(void)
#else
/* Non-INVARIANTS kernels carry no tests: the body is compiled, unused. */
#define _KTEST_DEFINE(name, match, timeout)				\
	static void ktest_fn_##name(void) __unused;			\
	static void ktest_fn_##name(void)
#endif

#define KTEST(name, timeout)	_KTEST_DEFINE(name, NULL, timeout)
#define KTEST_EXPECT_PANIC(name, match, timeout)			\
	_KTEST_DEFINE(name, match, timeout)

void	ktest_fail(const char *file, int line, const char *fmt, ...)
	    __printflike(3, 4);
int	ktest_failed(void);
void	ktest_run_from_cmdline(void);	/* mi_startup() */

#define KT_ASSERT(e) do {						\
	if (!(e)) {							\
		ktest_fail(__FILE__, __LINE__, "%s", #e);		\
		return;							\
	}								\
} while (0)
#define KT_ASSERT_MSG(e, ...) do {					\
	if (!(e)) {							\
		ktest_fail(__FILE__, __LINE__, __VA_ARGS__);		\
		return;							\
	}								\
} while (0)
#define KT_ASSERT_EQ(a, b) do {						\
	long _a = (long)(a), _b = (long)(b);				\
	if (_a != _b) {							\
		ktest_fail(__FILE__, __LINE__, "%s == %s: %ld != %ld",	\
		    #a, #b, _a, _b);					\
		return;							\
	}								\
} while (0)

/*
 * Helper threads for tests: ktest_spawn() starts fn(arg) on `cpu`;
 * ktest_join() waits for every helper this case spawned.
 */
void	ktest_spawn(void (*fn)(void *), void *arg, int cpu, const char *name);
void	ktest_join(void);

#endif /* !_SYS_KTEST_H_ */
