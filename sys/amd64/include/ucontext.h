/*
 * machine/ucontext.h: the machine context of a signal handler or of
 * getcontext/setcontext, in FreeBSD/amd64's layout (user space sees it
 * through ucontext_t; sigreturn(2) takes it back).
 *
 * mc_fpstate holds a struct savefpu (machine/pcb.h) when mc_fpformat is
 * _MC_FPFMT_XMM and mc_ownedfp is not _MC_FPOWNED_NONE.  mc_fsbase and
 * mc_gsbase are valid when mc_flags has _MC_HASBASES.
 */
#ifndef _MACHINE_UCONTEXT_H_
#define _MACHINE_UCONTEXT_H_

#include <sys/types.h>

#define _MC_HASSEGS		0x1
#define _MC_HASBASES		0x2
#define _MC_HASFPXSTATE		0x4
#define _MC_FLAG_MASK		(_MC_HASSEGS | _MC_HASBASES | _MC_HASFPXSTATE)

#define _MC_FPFMT_NODEV		0x10000	/* no FPU state */
#define _MC_FPFMT_XMM		0x10002	/* fxsave image */
#define _MC_FPOWNED_NONE	0x20000	/* FPU never used */
#define _MC_FPOWNED_FPU		0x20001	/* taken from the FPU */
#define _MC_FPOWNED_PCB		0x20002	/* taken from the save area */

typedef struct __mcontext {
	int64_t		mc_onstack;
	int64_t		mc_rdi;
	int64_t		mc_rsi;
	int64_t		mc_rdx;
	int64_t		mc_rcx;
	int64_t		mc_r8;
	int64_t		mc_r9;
	int64_t		mc_rax;
	int64_t		mc_rbx;
	int64_t		mc_rbp;
	int64_t		mc_r10;
	int64_t		mc_r11;
	int64_t		mc_r12;
	int64_t		mc_r13;
	int64_t		mc_r14;
	int64_t		mc_r15;
	uint32_t	mc_trapno;
	uint16_t	mc_fs;
	uint16_t	mc_gs;
	int64_t		mc_addr;
	uint32_t	mc_flags;
	uint16_t	mc_es;
	uint16_t	mc_ds;
	int64_t		mc_err;
	int64_t		mc_rip;
	int64_t		mc_cs;
	int64_t		mc_rflags;
	int64_t		mc_rsp;
	int64_t		mc_ss;
	long		mc_len;		/* sizeof(mcontext_t) */
	long		mc_fpformat;
	long		mc_ownedfp;
	long		mc_fpstate[64] __aligned(16);
	int64_t		mc_fsbase;
	int64_t		mc_gsbase;
	int64_t		mc_xfpustate;	/* not supported: must be 0 */
	int64_t		mc_xfpustate_len;
	long		mc_spare[4];
} mcontext_t;

#ifdef _KERNEL
_Static_assert(sizeof(mcontext_t) == 800, "FreeBSD mcontext_t size");
_Static_assert(__builtin_offsetof(mcontext_t, mc_rip) == 0xa0, "mc_rip");
_Static_assert(__builtin_offsetof(mcontext_t, mc_fpstate) == 0xe0,
    "mc_fpstate");

/* The kernel's view of ucontext_t (FreeBSD layout; libc names it). */
struct __stack_k {
	void		*ss_sp;
	size_t		ss_size;
	int		ss_flags;
};
#define SS_ONSTACK	0x0001
#define SS_DISABLE	0x0004

struct __ucontext;
typedef struct __ucontext_k {
	uint32_t	uc_sigmask[4];	/* sigset_t */
	mcontext_t	uc_mcontext;
	struct __ucontext *uc_link;
	struct __stack_k uc_stack;
	int		uc_flags;
	int		__spare__[4];
} ucontext_k_t;
_Static_assert(sizeof(ucontext_k_t) == 880, "FreeBSD ucontext_t size");
_Static_assert(__builtin_offsetof(ucontext_k_t, uc_mcontext) == 16,
    "uc_mcontext");
#endif /* _KERNEL */

#endif /* !_MACHINE_UCONTEXT_H_ */
