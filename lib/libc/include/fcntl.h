/*
 * fcntl.h (user space).
 */
#include <sys/fcntl.h>
