# /bin/cat
PROG	:= cat
BINDIR	:= /bin
