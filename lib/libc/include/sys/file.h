/*
 * sys/file.h (user space): flock(2) and the fcntl values.
 */
#include <sys/types.h>
#include <sys/fcntl.h>
