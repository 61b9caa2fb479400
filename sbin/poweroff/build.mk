# /sbin/poweroff
PROG	:= poweroff
BINDIR	:= /sbin
