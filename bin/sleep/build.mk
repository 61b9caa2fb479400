# /bin/sleep
PROG	:= sleep
BINDIR	:= /bin
