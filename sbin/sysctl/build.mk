# /sbin/sysctl
PROG	:= sysctl
BINDIR	:= /sbin
