/*
 * ffs.c: find first/last set bit (1-based, 0 if none).
 */
#include <strings.h>

int ffs(int v) { return (v ? __builtin_ctz((unsigned)v) + 1 : 0); }
int ffsl(long v) { return (v ? __builtin_ctzl((unsigned long)v) + 1 : 0); }
int ffsll(long long v) { return (v ? __builtin_ctzll((unsigned long long)v) + 1 : 0); }
int fls(int v) { return (v ? 32 - __builtin_clz((unsigned)v) : 0); }
int flsl(long v) { return (v ? 64 - __builtin_clzl((unsigned long)v) : 0); }
int flsll(long long v) { return (v ? 64 - __builtin_clzll((unsigned long long)v) : 0); }
