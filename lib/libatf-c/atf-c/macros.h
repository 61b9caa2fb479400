/* atf-c/macros.h: everything is in atf-c.h. */
#include <atf-c.h>
