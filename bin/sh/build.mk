# /bin/sh: the shell (see sh.h for how the pieces fit).
PROG	:= sh
SRCS	:= main.c parse.c expand.c exec.c builtins.c
BINDIR	:= /bin
