/*
 * stdio.h (user space): buffered streams (lib/libc/stdio).  FILE is
 * opaque.  stdout is line buffered on a terminal and fully buffered
 * otherwise; stderr is unbuffered; everything is flushed by exit().
 * Streams are locked per call, so threads may share them.
 */
#ifndef _STDIO_H_
#define _STDIO_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif
#ifndef _SSIZE_T_DECLARED
typedef	__ssize_t	ssize_t;
#define	_SSIZE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef	__off_t		off_t;
#define	_OFF_T_DECLARED
#endif
#ifndef _VA_LIST_DECLARED
typedef	__va_list	va_list;
#define	_VA_LIST_DECLARED
#endif
#ifndef NULL
#define	NULL	((void *)0)
#endif

typedef	__off_t		fpos_t;
typedef	struct __sFILE	FILE;

extern FILE *__stdinp;
extern FILE *__stdoutp;
extern FILE *__stderrp;
#define	stdin	__stdinp
#define	stdout	__stdoutp
#define	stderr	__stderrp

#define	_IOFBF	0		/* setvbuf should set fully buffered */
#define	_IOLBF	1		/* setvbuf should set line buffered */
#define	_IONBF	2		/* setvbuf should set unbuffered */

#define	BUFSIZ	1024		/* size of buffer used by setbuf */
#define	EOF	(-1)

#define	FOPEN_MAX	20	/* must be <= OPEN_MAX <sys/syslimits.h> */
#define	FILENAME_MAX	1024	/* must be <= PATH_MAX <sys/syslimits.h> */
#define	P_tmpdir	"/tmp/"
#define	TMP_MAX		308915776
#define	L_cuserid	17
#define	L_ctermid	1024

#ifndef SEEK_SET
#define	SEEK_SET	0	/* set file offset to offset */
#endif
#ifndef SEEK_CUR
#define	SEEK_CUR	1	/* set file offset to current plus offset */
#endif
#ifndef SEEK_END
#define	SEEK_END	2	/* set file offset to EOF plus offset */
#endif

__BEGIN_DECLS
void	 clearerr(FILE *);
int	 fclose(FILE *);
int	 feof(FILE *);
int	 ferror(FILE *);
int	 fflush(FILE *);
int	 fgetc(FILE *);
int	 fgetpos(FILE * __restrict, fpos_t * __restrict);
char	*fgets(char * __restrict, int, FILE * __restrict);
FILE	*fopen(const char * __restrict, const char * __restrict);
int	 fprintf(FILE * __restrict, const char * __restrict, ...) __printflike(2, 3);
int	 fputc(int, FILE *);
int	 fputs(const char * __restrict, FILE * __restrict);
size_t	 fread(void * __restrict, size_t, size_t, FILE * __restrict);
FILE	*freopen(const char * __restrict, const char * __restrict, FILE * __restrict);
int	 fscanf(FILE * __restrict, const char * __restrict, ...) __scanflike(2, 3);
int	 fseek(FILE *, long, int);
int	 fsetpos(FILE *, const fpos_t *);
long	 ftell(FILE *);
size_t	 fwrite(const void * __restrict, size_t, size_t, FILE * __restrict);
int	 getc(FILE *);
int	 getchar(void);
void	 perror(const char *);
int	 printf(const char * __restrict, ...) __printflike(1, 2);
int	 putc(int, FILE *);
int	 putchar(int);
int	 puts(const char *);
int	 remove(const char *);
int	 rename(const char *, const char *);
void	 rewind(FILE *);
int	 scanf(const char * __restrict, ...) __scanflike(1, 2);
void	 setbuf(FILE * __restrict, char * __restrict);
int	 setvbuf(FILE * __restrict, char * __restrict, int, size_t);
int	 sprintf(char * __restrict, const char * __restrict, ...) __printflike(2, 3);
int	 sscanf(const char * __restrict, const char * __restrict, ...) __scanflike(2, 3);
FILE	*tmpfile(void);
int	 ungetc(int, FILE *);
int	 vfprintf(FILE * __restrict, const char * __restrict, __va_list) __printflike(2, 0);
int	 vprintf(const char * __restrict, __va_list) __printflike(1, 0);
int	 vsprintf(char * __restrict, const char * __restrict, __va_list) __printflike(2, 0);
int	 vfscanf(FILE * __restrict, const char * __restrict, __va_list) __scanflike(2, 0);
int	 vscanf(const char * __restrict, __va_list) __scanflike(1, 0);
int	 vsscanf(const char * __restrict, const char * __restrict, __va_list) __scanflike(2, 0);
int	 snprintf(char * __restrict, size_t, const char * __restrict, ...) __printflike(3, 4);
int	 vsnprintf(char * __restrict, size_t, const char * __restrict, __va_list) __printflike(3, 0);
int	 asprintf(char **, const char *, ...) __printflike(2, 3);
int	 vasprintf(char **, const char *, __va_list) __printflike(2, 0);
int	 dprintf(int, const char * __restrict, ...) __printflike(2, 3);
int	 vdprintf(int, const char * __restrict, __va_list) __printflike(2, 0);
FILE	*fdopen(int, const char *);
int	 fileno(FILE *);
int	 fseeko(FILE *, __off_t, int);
__off_t	 ftello(FILE *);
ssize_t	 getdelim(char ** __restrict, size_t * __restrict, int, FILE * __restrict);
ssize_t	 getline(char ** __restrict, size_t * __restrict, FILE * __restrict);
int	 getc_unlocked(FILE *);
int	 getchar_unlocked(void);
int	 putc_unlocked(int, FILE *);
int	 putchar_unlocked(int);
void	 flockfile(FILE *);
int	 ftrylockfile(FILE *);
void	 funlockfile(FILE *);
void	 setbuffer(FILE *, char *, int);
int	 setlinebuf(FILE *);
FILE	*fmemopen(void * __restrict, size_t, const char * __restrict);
FILE	*open_memstream(char **, size_t *);
FILE	*popen(const char *, const char *);
int	 pclose(FILE *);
int	 renameat(int, const char *, int, const char *);
int	 fpurge(FILE *);
__END_DECLS

#endif /* !_STDIO_H_ */
