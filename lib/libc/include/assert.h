/*
 * assert.h (user space).  May be included more than once, with NDEBUG
 * set differently each time.
 */
#include <sys/cdefs.h>

#undef assert
#undef _assert

#ifdef NDEBUG
#define	assert(e)	((void)0)
#define	_assert(e)	((void)0)
#else
#define	_assert(e)	assert(e)
#define	assert(e)	((e) ? (void)0 : __assert(__func__, __FILE__, \
			    __LINE__, #e))
#endif

#ifndef _ASSERT_H_
#define _ASSERT_H_
#if !defined(__cplusplus)
#define	static_assert	_Static_assert
#endif
__BEGIN_DECLS
void __assert(const char *, const char *, int, const char *) __dead2;
__END_DECLS
#endif /* !_ASSERT_H_ */
