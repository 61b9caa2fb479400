# Guest ATF tests of /bin/ps (run by the wrapper ps_test -> tests/guest_bridge).
ATF_TESTS_C	:= ps_test
TESTSDIR	:= /usr/tests/bin/ps
