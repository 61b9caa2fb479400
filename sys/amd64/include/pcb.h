/*
 * machine/pcb.h: machine-dependent per-thread state of user threads
 * (amd64/vm_machdep.c).
 *
 * A user thread's registers at kernel entry are a struct trapframe at the
 * very top of its kernel stack (td->td_frame, set by cpu_thread_alloc());
 * TSS rsp0 and the syscall entry both point just above it.  Its FPU/SSE
 * registers live in the CPU while it runs (the kernel is built without
 * SSE and never touches them) and in td->td_fpu, a struct savefpu in the
 * fxsave64 layout, while it is switched out.  Its %fs and %gs bases are
 * td_fsbase and td_gsbase.
 */
#ifndef _MACHINE_PCB_H_
#define _MACHINE_PCB_H_

#include <sys/types.h>

/* The 512-byte fxsave64 image (Intel SDM vol. 1, 10.5.1). */
struct fpu_env64 {
	uint16_t	fe_fcw;		/* x87 control word */
	uint16_t	fe_fsw;		/* x87 status word */
	uint8_t		fe_ftw;		/* abridged tag word */
	uint8_t		fe_rsvd0;
	uint16_t	fe_fop;
	uint64_t	fe_fip;
	uint64_t	fe_fdp;
	uint32_t	fe_mxcsr;
	uint32_t	fe_mxcsr_mask;
};

struct savefpu {
	struct fpu_env64 sv_env;
	uint8_t		sv_st[8][16];	/* st0..st7, 10 bytes used each */
	uint8_t		sv_xmm[16][16];	/* xmm0..xmm15 */
	uint8_t		sv_rsvd[96];
} __aligned(16);

#ifdef _KERNEL
_Static_assert(sizeof(struct savefpu) == 512, "fxsave64 image");

#define FPU_INITIAL_FCW		0x037f	/* all x87 exceptions masked */
#define FPU_INITIAL_MXCSR	0x1f80	/* all SSE exceptions masked */

/* tf_trapno of a frame built by the syscall instruction entry. */
#define T_SYSCALL		0x100

/* User %rflags bits a program may change (popf, sigreturn). */
#define PSL_C		0x00000001
#define PSL_PF		0x00000004
#define PSL_AF		0x00000010
#define PSL_Z		0x00000040
#define PSL_N		0x00000080
#define PSL_T		0x00000100
#define PSL_D		0x00000400
#define PSL_V		0x00000800
#define PSL_NT		0x00004000
#define PSL_AC		0x00040000
#define PSL_ID		0x00200000
#define PSL_USER	0x00000202	/* IF and the always-one bit */
#define PSL_USERCHANGE	(PSL_C | PSL_PF | PSL_AF | PSL_Z | PSL_N | PSL_T | \
			 PSL_D | PSL_V | PSL_NT | PSL_AC | PSL_ID)

struct thread;

void	fpu_init_cpu(void);
void	fpu_save(struct savefpu *sv);		/* fxsave64 */
void	fpu_restore(const struct savefpu *sv);	/* fxrstor64, sanitised */
void	fpu_init_state(struct savefpu *sv);	/* the state exec starts with */
void	fpu_sanitize(struct savefpu *sv);	/* make user bits safe to load */
int	fpu_trap_code(struct thread *td, int vec); /* #MF/#XM: FPE_* */
#endif /* _KERNEL */

#endif /* !_MACHINE_PCB_H_ */
