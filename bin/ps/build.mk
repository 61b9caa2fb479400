# /bin/ps
PROG	:= ps
BINDIR	:= /bin
