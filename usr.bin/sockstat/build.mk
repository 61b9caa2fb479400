# /usr/bin/sockstat
PROG	:= sockstat
BINDIR	:= /usr/bin
