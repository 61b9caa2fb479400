/*
 * stdlib.h (user space).
 */
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif
#ifndef __cplusplus
#ifndef _WCHAR_T_DECLARED
typedef	__wchar_t	wchar_t;
#define	_WCHAR_T_DECLARED
#endif
#endif

typedef struct {
	int	quot;		/* quotient */
	int	rem;		/* remainder */
} div_t;

typedef struct {
	long	quot;
	long	rem;
} ldiv_t;

typedef struct {
	long long quot;
	long long rem;
} lldiv_t;

#ifndef NULL
#define	NULL	((void *)0)
#endif

#define	EXIT_FAILURE	1
#define	EXIT_SUCCESS	0
#define	RAND_MAX	0x7fffffff
#define	MB_CUR_MAX	((size_t)1)

__BEGIN_DECLS
void	 abort(void) __dead2;
int	 abs(int) __pure2;
int	 atexit(void (*)(void));
double	 atof(const char *);
int	 atoi(const char *);
long	 atol(const char *);
long long atoll(const char *);
void	*bsearch(const void *, const void *, size_t, size_t,
	    int (*)(const void *, const void *));
void	*calloc(size_t, size_t) __malloc_like __result_use_check;
div_t	 div(int, int) __pure2;
void	 exit(int) __dead2;
void	 _Exit(int) __dead2;
void	 free(void *);
char	*getenv(const char *);
long	 labs(long) __pure2;
ldiv_t	 ldiv(long, long) __pure2;
long long llabs(long long) __pure2;
lldiv_t	 lldiv(long long, long long) __pure2;
void	*malloc(size_t) __malloc_like __result_use_check;
int	 mblen(const char *, size_t);
void	 qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void	 qsort_r(void *, size_t, size_t,
	    int (*)(const void *, const void *, void *), void *);
int	 rand(void);
int	 rand_r(unsigned *);
void	*realloc(void *, size_t) __result_use_check;
void	*reallocf(void *, size_t) __result_use_check;
void	*reallocarray(void *, size_t, size_t) __result_use_check;
void	 srand(unsigned);
double	 strtod(const char * __restrict, char ** __restrict);
float	 strtof(const char * __restrict, char ** __restrict);
long double strtold(const char * __restrict, char ** __restrict);
long	 strtol(const char * __restrict, char ** __restrict, int);
long long strtoll(const char * __restrict, char ** __restrict, int);
unsigned long strtoul(const char * __restrict, char ** __restrict, int);
unsigned long long strtoull(const char * __restrict, char ** __restrict, int);
long long strtonum(const char *, long long, long long, const char **);
__int64_t strtoq(const char *, char **, int);
__uint64_t strtouq(const char *, char **, int);
int	 system(const char *);
void	*aligned_alloc(size_t, size_t) __malloc_like;
int	 posix_memalign(void **, size_t, size_t);
int	 at_quick_exit(void (*)(void));
void	 quick_exit(int) __dead2;

int	 setenv(const char *, const char *, int);
int	 unsetenv(const char *);
int	 putenv(char *);
int	 clearenv(void);
char	*mktemp(char *);
int	 mkstemp(char *);
int	 mkstemps(char *, int);
char	*mkdtemp(char *);
char	*realpath(const char * __restrict, char * __restrict);
long	 random(void);
void	 srandom(unsigned int);
char	*initstate(unsigned int, char *, size_t);
char	*setstate(char *);
double	 drand48(void);
double	 erand48(unsigned short[3]);
long	 lrand48(void);
long	 nrand48(unsigned short[3]);
long	 mrand48(void);
long	 jrand48(unsigned short[3]);
void	 srand48(long);
unsigned short *seed48(unsigned short[3]);
void	 lcong48(unsigned short[7]);
__uint32_t arc4random(void);
void	 arc4random_buf(void *, size_t);
__uint32_t arc4random_uniform(__uint32_t);
const char *getprogname(void);
void	 setprogname(const char *);
int	 heapsort(void *, size_t, size_t, int (*)(const void *, const void *));
int	 mergesort(void *, size_t, size_t, int (*)(const void *, const void *));
int	 posix_openpt(int);
__END_DECLS

#endif /* !_STDLIB_H_ */
