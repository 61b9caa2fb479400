# /bin/echo
PROG	:= echo
BINDIR	:= /bin
