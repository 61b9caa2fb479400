# /sbin/init
PROG	:= init
BINDIR	:= /sbin
