/* atf-c/tp.h: everything is in atf-c.h. */
#include <atf-c.h>
