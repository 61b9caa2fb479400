/*
 * errno.h (user space): errno is per thread (lib/libc/gen/errno.c).
 */
#include <sys/errno.h>
