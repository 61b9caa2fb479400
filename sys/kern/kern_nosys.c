/*
 * kern_nosys.c: the handler of every system-call number that has no
 * implementation (UNIMPL, OBSOL, RESERVED and unassigned entries in
 * sys/kern/syscalls.master).  The syscall entry code reaches it through
 * sysent[] like any other handler.
 *
 * FreeBSD's nosys() also sends SIGSYS, which kills a program that probes for
 * a call; here the caller only sees ENOSYS, so libc functions whose kernel
 * side does not exist yet fail cleanly with errno ENOSYS.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/sysent.h>

int
sys_nosys(struct thread *td, void *uap)
{

	return (ENOSYS);
}
