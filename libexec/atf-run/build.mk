# /usr/libexec/atf-run: runs one ATF test case in the guest for tests/guest_bridge.
PROG	:= atf-run
BINDIR	:= /usr/libexec
