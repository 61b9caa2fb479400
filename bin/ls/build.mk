# /bin/ls
PROG	:= ls
BINDIR	:= /bin
