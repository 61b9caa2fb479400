/*
 * string.h (user space).  Pulls in strings.h, as FreeBSD's does.
 */
#ifndef _STRING_H_
#define _STRING_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif
#ifndef NULL
#define	NULL	((void *)0)
#endif

#include <strings.h>

__BEGIN_DECLS
void	*memccpy(void * __restrict, const void * __restrict, int, size_t);
void	*memchr(const void *, int, size_t) __pure;
void	*memrchr(const void *, int, size_t) __pure;
int	 memcmp(const void *, const void *, size_t) __pure;
void	*memcpy(void * __restrict, const void * __restrict, size_t);
void	*memmem(const void *, size_t, const void *, size_t) __pure;
void	*memmove(void *, const void *, size_t);
void	*mempcpy(void * __restrict, const void * __restrict, size_t);
void	*memset(void *, int, size_t);
char	*stpcpy(char * __restrict, const char * __restrict);
char	*stpncpy(char * __restrict, const char * __restrict, size_t);
char	*strcasestr(const char *, const char *) __pure;
char	*strcat(char * __restrict, const char * __restrict);
char	*strchr(const char *, int) __pure;
char	*strchrnul(const char *, int) __pure;
int	 strcmp(const char *, const char *) __pure;
int	 strcoll(const char *, const char *);
char	*strcpy(char * __restrict, const char * __restrict);
size_t	 strcspn(const char *, const char *) __pure;
char	*strdup(const char *) __malloc_like;
char	*strerror(int);
int	 strerror_r(int, char *, size_t);
size_t	 strlcat(char * __restrict, const char * __restrict, size_t);
size_t	 strlcpy(char * __restrict, const char * __restrict, size_t);
size_t	 strlen(const char *) __pure;
char	*strncat(char * __restrict, const char * __restrict, size_t);
int	 strncmp(const char *, const char *, size_t) __pure;
char	*strncpy(char * __restrict, const char * __restrict, size_t);
char	*strndup(const char *, size_t) __malloc_like;
size_t	 strnlen(const char *, size_t) __pure;
char	*strnstr(const char *, const char *, size_t) __pure;
char	*strpbrk(const char *, const char *) __pure;
char	*strrchr(const char *, int) __pure;
char	*strsep(char **, const char *);
char	*strsignal(int);
size_t	 strspn(const char *, const char *) __pure;
char	*strstr(const char *, const char *) __pure;
char	*strtok(char * __restrict, const char * __restrict);
char	*strtok_r(char *, const char *, char **);
size_t	 strxfrm(char * __restrict, const char * __restrict, size_t);
void	 explicit_bzero(void *, size_t);
int	 timingsafe_bcmp(const void *, const void *, size_t);
int	 timingsafe_memcmp(const void *, const void *, size_t);
void	 strmode(int, char *);
__END_DECLS

#endif /* !_STRING_H_ */
