# tests/lib/libatf-c: tests of lib/libatf-c (see mk/user.mk).
ATF_TESTS_C	:= atf_c_test
PROGS		:= atf_helpers
LIBADD		:= atf-c
TESTSDIR	:= /usr/tests/lib/libatf-c
FILES		:= Kyuafile
