/*
 * machine/sysarch.h (user space): amd64 sysarch(2) operations.
 * libc sets the main thread's %fs base (TLS, hence errno) with
 * sysarch(AMD64_SET_FSBASE, &base) before main().
 */
#ifndef _MACHINE_SYSARCH_H_
#define _MACHINE_SYSARCH_H_

#include <sys/cdefs.h>

#define	I386_GET_LDT		0
#define	I386_SET_LDT		1
#define	I386_GET_IOPERM		3
#define	I386_SET_IOPERM		4
#define	I386_VM86		6
#define	I386_GET_FSBASE		7
#define	I386_SET_FSBASE		8
#define	I386_GET_GSBASE		9
#define	I386_SET_GSBASE		10
#define	I386_GET_XFPUSTATE	11
#define	I386_SET_PKRU		12
#define	I386_CLEAR_PKRU		13
#define	AMD64_GET_FSBASE	128
#define	AMD64_SET_FSBASE	129
#define	AMD64_GET_GSBASE	130
#define	AMD64_SET_GSBASE	131
#define	AMD64_GET_XFPUSTATE	132
#define	AMD64_SET_PKRU		133
#define	AMD64_CLEAR_PKRU	134
#define	AMD64_GET_TLSBASE	135
#define	AMD64_SET_TLSBASE	136
#define	AMD64_DISABLE_TLSBASE	137

__BEGIN_DECLS
int	sysarch(int, void *);
int	amd64_get_fsbase(void **);
int	amd64_set_fsbase(void *);
__END_DECLS

#endif /* !_MACHINE_SYSARCH_H_ */
