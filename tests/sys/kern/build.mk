# Guest ATF test programs of the kernel: every tests/sys/kern/*_test.c,
# installed as /usr/tests/sys/kern/NAME and run by the kyua wrappers here
# (NAME, NAME_smpN -> ../../guest_bridge; see the Kyuafile).
ATF_TESTS_C	:= $(basename $(notdir $(wildcard tests/sys/kern/*_test.c)))
TESTSDIR	:= /usr/tests/sys/kern
