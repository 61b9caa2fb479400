/*
 * sys/linker_set.h: arrays of pointers assembled by the linker.
 * DATA_SET(set, sym) adds &sym to `set`; SET_FOREACH walks it.  The
 * section is bracketed by __start_set_X/__stop_set_X (ldscript.amd64).
 */
#ifndef _SYS_LINKER_SET_H_
#define _SYS_LINKER_SET_H_

#define DATA_SET(set, sym)						\
	static const void *const __set_##set##_sym_##sym		\
	__section(#set) __used = &(sym)

#define SET_DECLARE(set, ptype)						\
	extern ptype *const __start_##set[];				\
	extern ptype *const __stop_##set[]

#define SET_FOREACH(pvar, set)						\
	for (pvar = __start_##set; pvar < __stop_##set; pvar++)

#endif
