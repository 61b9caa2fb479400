/*
 * errno.c: errno is per thread.
 *
 * The variable is in TLS; __error() returns its address for the calling
 * thread.  Before TLS works (see gen/tls.c) one process-wide variable
 * stands in, which is correct because no second thread can exist then.
 */
#include <errno.h>

#include "libc_private.h"

static __thread int errno_tls;
static int errno_notls;

int *
__error(void)
{

	if (__predict_true(__libc_tls_ok))
		return (&errno_tls);
	return (&errno_notls);
}
