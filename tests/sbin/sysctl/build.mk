# Guest ATF tests of /sbin/sysctl (run by the wrapper sysctl_test -> tests/guest_bridge).
ATF_TESTS_C	:= sysctl_test
TESTSDIR	:= /usr/tests/sbin/sysctl
