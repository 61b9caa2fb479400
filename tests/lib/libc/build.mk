# tests/lib/libc: ATF tests of lib/libc (see mk/user.mk for the variables).
ATF_TESTS_C	:= abi_test inet_test printf_test pthread_test setjmp_test \
		   stdio_test \
		   stdlib_test string_test strtol_test time_test unistd_test
TESTSDIR	:= /usr/tests/lib/libc
FILES		:= Kyuafile
# The cases check truncation and overflow on purpose.
CFLAGS_PROG	:= -Wno-format-truncation -Wno-alloc-size-larger-than
