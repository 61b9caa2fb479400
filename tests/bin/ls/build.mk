# Guest ATF tests of /bin/ls (run by the wrapper ls_test -> tests/guest_bridge).
ATF_TESTS_C	:= ls_test
TESTSDIR	:= /usr/tests/bin/ls
