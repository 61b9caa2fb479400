/*
 * sys/cdefs.h: compiler glue shared by the kernel and (later) user space.
 * Only GCC/Clang are supported.
 */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#define __packed        __attribute__((__packed__))
#define __aligned(x)    __attribute__((__aligned__(x)))
#define __section(x)    __attribute__((__section__(x)))
#define __used          __attribute__((__used__))
#define __unused        __attribute__((__unused__))
#define __dead2         __attribute__((__noreturn__))
#define __noinline      __attribute__((__noinline__))
#define __always_inline __attribute__((__always_inline__))
#define __printflike(f, a) __attribute__((__format__(__printf__, f, a)))
#define __predict_true(x)  __builtin_expect(!!(x), 1)
#define __predict_false(x) __builtin_expect(!!(x), 0)
#define __containerof(p, type, field) \
	((type *)((char *)(p) - __builtin_offsetof(type, field)))
#define __DECONST(type, var)    ((type)(__UINTPTR_TYPE__)(const void *)(var))
#define __DEVOLATILE(type, var) ((type)(__UINTPTR_TYPE__)(volatile void *)(var))
#define __STRING(x)     #x
#define __XSTRING(x)    __STRING(x)
#define __CONCAT1(x, y) x ## y
#define __CONCAT(x, y)  __CONCAT1(x, y)

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS   }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#endif /* !_SYS_CDEFS_H_ */
