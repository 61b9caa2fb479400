/*
 * poll.h (user space).
 */
#include <sys/poll.h>
