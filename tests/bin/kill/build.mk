# Guest ATF tests of /bin/kill (run by the wrapper kill_test -> tests/guest_bridge).
ATF_TESTS_C	:= kill_test
TESTSDIR	:= /usr/tests/bin/kill
