/*
 * machine/frame.h: the register frame exception.S builds on the stack.
 */
#ifndef _MACHINE_FRAME_H_
#define _MACHINE_FRAME_H_

#include <sys/types.h>

struct trapframe {
	uint64_t	tf_r15, tf_r14, tf_r13, tf_r12, tf_r11, tf_r10;
	uint64_t	tf_r9, tf_r8, tf_rbp, tf_rdi, tf_rsi, tf_rdx;
	uint64_t	tf_rcx, tf_rbx, tf_rax;
	uint64_t	tf_trapno;
	uint64_t	tf_err;
	uint64_t	tf_rip, tf_cs, tf_rflags, tf_rsp, tf_ss;
};

void	trap(struct trapframe *tf);
void	print_trapframe(const struct trapframe *tf);

#endif
