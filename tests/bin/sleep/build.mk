# Guest ATF tests of /bin/sleep (run by the wrapper sleep_test -> tests/guest_bridge).
ATF_TESTS_C	:= sleep_test
TESTSDIR	:= /usr/tests/bin/sleep
