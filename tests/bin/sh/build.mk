# Guest ATF tests of /bin/sh (run by the wrapper sh_test -> tests/guest_bridge).
ATF_TESTS_C	:= sh_test
TESTSDIR	:= /usr/tests/bin/sh
