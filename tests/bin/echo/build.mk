# Guest ATF tests of /bin/echo (run by the wrapper echo_test -> tests/guest_bridge).
ATF_TESTS_C	:= echo_test
TESTSDIR	:= /usr/tests/bin/echo
