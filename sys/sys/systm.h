/*
 * sys/systm.h: kernel-wide declarations every kernel file may need:
 * assertions, console output, panic, string helpers.
 *
 * Assertions (see ../shared/design/style.md):
 *   KASSERT(expr, ("fmt", ...))  INVARIANTS only, formatted message
 *   KKASSERT(expr)               INVARIANTS only, prints the expression
 *   VERIFY(expr)                 always compiled in
 *   CTASSERT(expr)               compile time
 * A failed assertion panics, printing the expression, function, file and
 * line; panic() adds the CPU, thread, registers and a backtrace.
 */
#ifndef _SYS_SYSTM_H_
#define _SYS_SYSTM_H_

#include <sys/types.h>
#include <sys/errno.h>
#include <sys/stdarg.h>

void	panic(const char *fmt, ...) __dead2 __printflike(1, 2);
void	kassert_panic(const char *expr, const char *func, const char *file,
	    int line, const char *fmt, ...) __dead2 __printflike(5, 6);

#ifdef INVARIANTS
#define KASSERT(exp, msg) do {						\
	if (__predict_false(!(exp)))					\
		kassert_panic(#exp, __func__, __FILE__, __LINE__, "%s",	\
		    kassert_fmt msg);					\
} while (0)
#define KKASSERT(exp) do {						\
	if (__predict_false(!(exp)))					\
		kassert_panic(#exp, __func__, __FILE__, __LINE__, "%s", "");\
} while (0)
#else
#define KASSERT(exp, msg)	do { } while (0)
#define KKASSERT(exp)		do { } while (0)
#endif
#define VERIFY(exp) do {						\
	if (__predict_false(!(exp)))					\
		kassert_panic(#exp, __func__, __FILE__, __LINE__, "%s", "");\
} while (0)
#define CTASSERT(x)	_Static_assert(x, "compile-time assertion failed: " #x)

/* Format a KASSERT message into a per-CPU buffer (only used on panic). */
const char *kassert_fmt(const char *fmt, ...) __printflike(1, 2);

int	kprintf(const char *fmt, ...) __printflike(1, 2);
int	kvprintf(const char *fmt, va_list ap);
int	ksnprintf(char *buf, size_t size, const char *fmt, ...)
	    __printflike(3, 4);
int	kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

void	*memcpy(void *dst, const void *src, size_t len);
void	*memmove(void *dst, const void *src, size_t len);
void	*memset(void *dst, int c, size_t len);
int	memcmp(const void *a, const void *b, size_t len);
size_t	strlen(const char *s);
size_t	strnlen(const char *s, size_t max);
int	strcmp(const char *a, const char *b);
int	strncmp(const char *a, const char *b, size_t n);
char	*strchr(const char *s, int c);
char	*strstr(const char *s, const char *find);
size_t	strlcpy(char *dst, const char *src, size_t size);
long	strtol(const char *s, char **end, int base);
#define bzero(p, n)		memset((p), 0, (n))
#define bcopy(s, d, n)		memmove((d), (s), (n))

/* User memory access (amd64/support.S): EFAULT for any bad user pointer. */
int	copyin(const void *uaddr, void *kaddr, size_t len);
int	copyout(const void *kaddr, void *uaddr, size_t len);
int	copyinstr(const void *uaddr, char *kaddr, size_t len, size_t *done);

/* Kernel command line (boot loader supplied), parsed once at boot. */
const char *kenv_get(const char *name);
int	kenv_get_int(const char *name, int dflt);

/* Leave the virtual machine through the exit device (tools/vmrun). */
#define VMEXIT_SUCCESS	0
#define VMEXIT_FAILURE	1
#define VMEXIT_PANIC	125
void	vm_exit(int status) __dead2;

#endif /* !_SYS_SYSTM_H_ */
