# /usr/bin/sockbench
PROG	:= sockbench
BINDIR	:= /usr/bin
