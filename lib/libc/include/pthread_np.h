/*
 * pthread_np.h (user space): non-portable pthread extensions.
 */
#ifndef _PTHREAD_NP_H_
#define _PTHREAD_NP_H_

#include <pthread.h>

__BEGIN_DECLS
int	pthread_getthreadid_np(void);
int	pthread_main_np(void);
void	pthread_set_name_np(pthread_t, const char *);
int	pthread_setname_np(pthread_t, const char *);
int	pthread_getname_np(pthread_t, char *, size_t);
__END_DECLS

#endif /* !_PTHREAD_NP_H_ */
