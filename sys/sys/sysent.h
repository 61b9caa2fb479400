/*
 * sys/sysent.h: the system-call dispatch table entry.
 *
 * sysent[] (sys/kern/init_sysent.c, generated from sys/kern/syscalls.master
 * by tools/makesyscalls.sh) is indexed by the FreeBSD amd64 system-call
 * number taken from %rax at the syscall instruction.  The syscall entry code
 * (machine dependent) checks the number against SYS_MAXSYSCALL, gathers
 * sy_narg argument words -- %rdi, %rsi, %rdx, %r10, %r8, %r9, then further
 * words from the user stack starting at user %rsp + 8 (above the stub's
 * return address) -- into an array of uint64_t and calls
 * sy_call(td, array).  The handler casts it to its struct NAME_args
 * (sys/sysproto.h), whose members each occupy one 8-byte slot.
 *
 * A handler returns 0 or an errno; results go in td->td_retval[0] and [1]
 * (%rax and %rdx).  On error the entry code sets the carry flag and returns
 * the errno in %rax; ERESTART and EJUSTRETURN are handled there too.
 *
 * The table is immutable after the kernel is linked: [I] for every field.
 */
#ifndef _SYS_SYSENT_H_
#define _SYS_SYSENT_H_

#include <sys/types.h>

struct thread;

typedef	int	sy_call_t(struct thread *, void *);

struct sysent {
	int		sy_narg;	/* [I] argument words to gather */
	sy_call_t	*sy_call;	/* [I] handler, sys_nosys if absent */
	const char	*sy_name;	/* [I] for tracing and panics */
};

extern struct sysent sysent[];

/* The handler of every number not marked STD: returns ENOSYS. */
int	sys_nosys(struct thread *td, void *uap);

#endif /* !_SYS_SYSENT_H_ */
