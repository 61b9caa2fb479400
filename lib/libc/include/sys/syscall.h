/*
 * sys/syscall.h (user space): the generated system-call numbers, shared
 * with the kernel (sys/sys/syscall.h, from sys/kern/syscalls.master).
 */
#include "../../../../sys/sys/syscall.h"
