/*
 * setjmp_test: non-local jumps and the signal mask they save.
 */
#include <setjmp.h>
#include <signal.h>
#include <string.h>

#include <atf-c.h>

static jmp_buf jb;
static sigjmp_buf sjb;

static void
jump_back(int val)
{

	longjmp(jb, val);
}

ATF_TC_WITHOUT_HEAD(longjmp_returns_value_to_setjmp);
ATF_TC_BODY(longjmp_returns_value_to_setjmp, tc)
{
	volatile int calls = 0;
	int rv;

	rv = setjmp(jb);
	calls++;
	if (rv == 0)
		jump_back(7);
	ATF_REQUIRE_EQ(rv, 7);
	ATF_REQUIRE_EQ(calls, 2);
}

ATF_TC_WITHOUT_HEAD(longjmp_zero_becomes_one);
ATF_TC_BODY(longjmp_zero_becomes_one, tc)
{
	int rv;

	rv = setjmp(jb);
	if (rv == 0)
		jump_back(0);
	ATF_REQUIRE_EQ(rv, 1);
}

ATF_TC_WITHOUT_HEAD(callee_saved_registers_survive);
ATF_TC_BODY(callee_saved_registers_survive, tc)
{
	volatile long a = 1, b = 2, c = 3;
	double d = 2.5;

	if (_setjmp(jb) == 0) {
		a = 10;
		_longjmp(jb, 1);
	}
	ATF_REQUIRE_EQ(a, 10);
	ATF_REQUIRE_EQ(b + c, 5);
	ATF_REQUIRE_EQ(d * 2, 5.0);
}

ATF_TC_WITHOUT_HEAD(sigsetjmp_restores_signal_mask);
ATF_TC_BODY(sigsetjmp_restores_signal_mask, tc)
{
	sigset_t set, cur;

	sigemptyset(&set);
	ATF_REQUIRE_EQ(sigprocmask(SIG_SETMASK, &set, NULL), 0);
	if (sigsetjmp(sjb, 1) == 0) {
		sigaddset(&set, SIGUSR1);
		ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
		siglongjmp(sjb, 1);
	}
	ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, NULL, &cur), 0);
	ATF_REQUIRE_EQ(sigismember(&cur, SIGUSR1), 0);
}

ATF_TC_WITHOUT_HEAD(sigsetjmp_zero_keeps_signal_mask);
ATF_TC_BODY(sigsetjmp_zero_keeps_signal_mask, tc)
{
	sigset_t set, cur;

	sigemptyset(&set);
	ATF_REQUIRE_EQ(sigprocmask(SIG_SETMASK, &set, NULL), 0);
	if (sigsetjmp(sjb, 0) == 0) {
		sigaddset(&set, SIGUSR2);
		ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
		siglongjmp(sjb, 1);
	}
	ATF_REQUIRE_EQ(sigprocmask(SIG_BLOCK, NULL, &cur), 0);
	ATF_REQUIRE_EQ(sigismember(&cur, SIGUSR2), 1);
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, longjmp_returns_value_to_setjmp);
	ATF_TP_ADD_TC(tp, longjmp_zero_becomes_one);
	ATF_TP_ADD_TC(tp, callee_saved_registers_survive);
	ATF_TP_ADD_TC(tp, sigsetjmp_restores_signal_mask);
	ATF_TP_ADD_TC(tp, sigsetjmp_zero_keeps_signal_mask);
	return (atf_no_error());
}
