# Guest ATF tests of /bin/cat (run by the wrapper cat_test -> tests/guest_bridge).
ATF_TESTS_C	:= cat_test
TESTSDIR	:= /usr/tests/bin/cat
