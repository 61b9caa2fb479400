# /bin/kill
PROG	:= kill
BINDIR	:= /bin
