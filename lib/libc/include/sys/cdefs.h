/*
 * sys/cdefs.h (user space): compiler glue and FreeBSD's namespace macros.
 *
 * Every libc header includes this first.  Only GCC (and Clang) are
 * supported.  The kernel has its own sys/sys/cdefs.h; user programs see
 * this one because they compile with -nostdinc -isystem lib/libc/include.
 */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#ifdef __cplusplus
#define __BEGIN_DECLS	extern "C" {
#define __END_DECLS	}
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

/* Everything is visible: BSD, POSIX 2008, XSI and C11. */
#define __BSD_VISIBLE		1
#define __POSIX_VISIBLE		200809
#define __XSI_VISIBLE		700
#define __ISO_C_VISIBLE		2011
#define __EXT1_VISIBLE		0

#define __CONCAT1(x, y)	x ## y
#define __CONCAT(x, y)	__CONCAT1(x, y)
#define __STRING(x)	#x
#define __XSTRING(x)	__STRING(x)

#define __const		const
#define __signed	signed
#define __volatile	volatile
#define __restrict	restrict
#define __inline	inline

#define __dead2		__attribute__((__noreturn__))
#define __pure2		__attribute__((__const__))
#define __pure		__attribute__((__pure__))
#define __unused	__attribute__((__unused__))
#define __used		__attribute__((__used__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(x)	__attribute__((__section__(x)))
#define __always_inline	__attribute__((__always_inline__))
#define __noinline	__attribute__((__noinline__))
#define __malloc_like	__attribute__((__malloc__))
#define __alloc_size(x)	__attribute__((__alloc_size__(x)))
#define __alloc_size2(n, x) __attribute__((__alloc_size__(n, x)))
#define __alloc_align(x) __attribute__((__alloc_align__(x)))
#define __result_use_check __attribute__((__warn_unused_result__))
#define __nodiscard	__attribute__((__warn_unused_result__))
#define __returns_twice	__attribute__((__returns_twice__))
#define __weak_symbol	__attribute__((__weak__))
#define __hidden	__attribute__((__visibility__("hidden")))
#define __exported	__attribute__((__visibility__("default")))
#define __deprecated	__attribute__((__deprecated__))
#define __nonnull(x)	__attribute__((__nonnull__ x))
#define __nonnull_all	__attribute__((__nonnull__))
#define __printflike(fmtarg, firstvararg) \
	__attribute__((__format__(__printf__, fmtarg, firstvararg)))
#define __scanflike(fmtarg, firstvararg) \
	__attribute__((__format__(__scanf__, fmtarg, firstvararg)))
#define __format_arg(fmtarg) __attribute__((__format_arg__(fmtarg)))
#define __printf0like(fmtarg, firstvararg)
#define __predict_true(exp)	__builtin_expect(!!(exp), 1)
#define __predict_false(exp)	__builtin_expect(!!(exp), 0)
#define __noreturn	_Noreturn
#define __nosanitizeaddress
#define __nosanitizethread
#define __lock_annotate(x)
#define __locks_exclusive(...)
#define __unlocks(...)
#define __requires_exclusive(...)
#define __no_lock_analysis

#define __offsetof(type, field)	__builtin_offsetof(type, field)
#define __rangeof(type, start, end) \
	(__offsetof(type, end) - __offsetof(type, start))
#define __containerof(x, s, m) ({					\
	const volatile __typeof(((s *)0)->m) *__x = (x);		\
	(s *)(void *)((const volatile char *)__x - __offsetof(s, m));	\
})
#define __alignof(x)	__alignof__(x)
#define __typeof(x)	__typeof__(x)
#define __min_size(x)	static (x)
#define __generic(expr, t, yes, no) \
	_Generic(expr, t: yes, default: no)

#define __DECONST(type, var)	((type)(__UINTPTR_TYPE__)(const void *)(var))
#define __DEVOLATILE(type, var)	((type)(__UINTPTR_TYPE__)(volatile void *)(var))
#define __DEQUALIFY(type, var)	((type)(__UINTPTR_TYPE__)(const volatile void *)(var))

/* Identification strings: kept out of the binary. */
#define __IDSTRING(name, string)
#define __FBSDID(s)		struct __hack
#define __RCSID(s)		struct __hack
#define __RCSID_SOURCE(s)	struct __hack
#define __SCCSID(s)		struct __hack
#define __COPYRIGHT(s)		struct __hack

/* Symbol aliases (ELF, GNU as). */
#define __weak_reference(sym, alias)					\
	__asm__(".weak " #alias);					\
	__asm__(".equ "  #alias ", " #sym)
#define __strong_reference(sym, aliassym)				\
	extern __typeof(sym) aliassym __attribute__((__alias__(#sym)))
#define __warn_references(sym, msg)
#define __sym_compat(sym, impl, verid)
#define __sym_default(sym, impl, verid)

#define __GNUCLIKE_ASM		3
#define __GNUCLIKE_BUILTIN_VARARGS 1
#define __GNUCLIKE_BUILTIN_STDARG 1
#define __GNUCLIKE_BUILTIN_NEXT_ARG 1
#define __GNUC_PREREQ__(ma, mi)						\
	(__GNUC__ > (ma) || (__GNUC__ == (ma) && __GNUC_MINOR__ >= (mi)))
#define __CC_SUPPORTS___INLINE	1
#define __CC_SUPPORTS_WARNING	1

#ifndef __has_feature
#define __has_feature(x)	0
#endif
#ifndef __has_extension
#define __has_extension(x)	0
#endif
#ifndef __has_include
#define __has_include(x)	0
#endif

#endif /* !_SYS_CDEFS_H_ */
