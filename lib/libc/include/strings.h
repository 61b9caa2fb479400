/*
 * strings.h (user space).
 */
#ifndef _STRINGS_H_
#define _STRINGS_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif

__BEGIN_DECLS
int	 bcmp(const void *, const void *, size_t) __pure;
void	 bcopy(const void *, void *, size_t);
void	 bzero(void *, size_t);
int	 ffs(int) __pure2;
int	 ffsl(long) __pure2;
int	 ffsll(long long) __pure2;
int	 fls(int) __pure2;
int	 flsl(long) __pure2;
int	 flsll(long long) __pure2;
char	*index(const char *, int) __pure;
char	*rindex(const char *, int) __pure;
int	 strcasecmp(const char *, const char *) __pure;
int	 strncasecmp(const char *, const char *, size_t) __pure;
__END_DECLS

#endif /* !_STRINGS_H_ */
