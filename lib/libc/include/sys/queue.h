/*
 * sys/queue.h (user space): the kernel's list macros are plain macros
 * with no kernel dependencies, so user space shares the one header.
 */
#include "../../../../sys/sys/queue.h"
