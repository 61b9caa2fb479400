/*
 * machine/atomic.h: atomic operations (sequentially consistent GCC builtins;
 * x86 locked instructions are full barriers anyway).
 */
#ifndef _MACHINE_ATOMIC_H_
#define _MACHINE_ATOMIC_H_

#include <sys/types.h>

#define atomic_load_int(p)	__atomic_load_n((p), __ATOMIC_SEQ_CST)
#define atomic_store_int(p, v)	__atomic_store_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_load_ptr(p)	__atomic_load_n((p), __ATOMIC_SEQ_CST)
#define atomic_store_ptr(p, v)	__atomic_store_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_add_int(p, v)	((void)__atomic_fetch_add((p), (v), __ATOMIC_SEQ_CST))
#define atomic_subtract_int(p, v) ((void)__atomic_fetch_sub((p), (v), __ATOMIC_SEQ_CST))
#define atomic_fetchadd_int(p, v) __atomic_fetch_add((p), (v), __ATOMIC_SEQ_CST)
#define atomic_fetchadd_long(p, v) __atomic_fetch_add((p), (v), __ATOMIC_SEQ_CST)
#define atomic_add_long(p, v)	((void)__atomic_fetch_add((p), (v), __ATOMIC_SEQ_CST))
#define atomic_subtract_long(p, v) ((void)__atomic_fetch_sub((p), (v), __ATOMIC_SEQ_CST))
#define atomic_set_int(p, v)	((void)__atomic_fetch_or((p), (v), __ATOMIC_SEQ_CST))
#define atomic_clear_int(p, v)	((void)__atomic_fetch_and((p), ~(v), __ATOMIC_SEQ_CST))
#define atomic_swap_int(p, v)	__atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_swap_ptr(p, v)	__atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_readandclear_int(p) __atomic_exchange_n((p), 0, __ATOMIC_SEQ_CST)

static inline int
atomic_cmpset_int(volatile u_int *p, u_int old, u_int new)
{
	return (__atomic_compare_exchange_n(p, &old, new, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
}

static inline int
atomic_cmpset_long(volatile u_long *p, u_long old, u_long new)
{
	return (__atomic_compare_exchange_n(p, &old, new, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
}

static inline int
atomic_cmpset_ptr(void *volatile *p, void *old, void *new)
{
	return (__atomic_compare_exchange_n(p, &old, new, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
}

#endif /* !_MACHINE_ATOMIC_H_ */
