# Damselfly top-level build.
#
#   make            build the INVARIANTS kernel (obj/kernel)
#   make run        boot it under QEMU with 4 CPUs, console on this terminal
#   make test       build, then run the whole kyua suite (tools/runtests)
#   make bench      build a non-INVARIANTS kernel and run the benchmarks
#   make INVARIANTS=0   the same without assertions (for benchmarks)
#   make user       libc, libatf-c and every user program (mk/user.mk)
#   make initrd     the boot image obj/initrd.cpio (mk/initrd.mk)
#
# Only Debian's gcc and binutils are used; nothing is downloaded.

INVARIANTS	?= 1
OBJDIR		?= obj
CC		:= gcc
LD		:= ld

KSRCS	:= $(shell find sys -name '*.c' -not -path 'sys/machine/*' | sort)
KASRCS	:= $(shell find sys -name '*.S' -not -path 'sys/machine/*' | sort)
ifeq ($(INVARIANTS),1)
# Kernel self-test cases (ktest) live in tests/, mirroring sys/.
KSRCS	+= $(shell find tests -path '*/ktest/*.c' | sort)
endif
# --- System calls (owner: libc engineer; see mk/user.mk) -------------------
# sys/kern/init_sysent.c is generated from sys/kern/syscalls.master; it is
# kept in the tree but listed explicitly so the kernel always links it.
KSRCS	:= $(filter-out sys/kern/init_sysent.c,$(KSRCS)) sys/kern/init_sysent.c
# ---------------------------------------------------------------------------

KOBJS	:= $(patsubst %.c,$(OBJDIR)/%.o,$(KSRCS)) \
	   $(patsubst %.S,$(OBJDIR)/%.o,$(KASRCS))

KCFLAGS	:= -std=gnu11 -O2 -g -ffreestanding -fno-builtin -nostdinc \
	   -mno-red-zone -mcmodel=kernel -mno-sse -mno-sse2 -mno-mmx \
	   -mno-avx -mno-3dnow -mgeneral-regs-only -fno-pic -fno-pie \
	   -fno-stack-protector -fno-omit-frame-pointer \
	   -fno-optimize-sibling-calls -fno-asynchronous-unwind-tables \
	   -fno-strict-aliasing -fno-common \
	   -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	   -Wmissing-prototypes -Wstrict-prototypes -Werror \
	   -Isys -D_KERNEL
ifeq ($(INVARIANTS),1)
KCFLAGS	+= -DINVARIANTS
endif
KASFLAGS := -D_KERNEL -D__ASSEMBLY__ -Isys -g
KLDFLAGS := -nostdlib -z max-page-size=4096 -z noexecstack \
	    --no-warn-rwx-segments -T sys/amd64/conf/ldscript.amd64

.PHONY: all kernel run test bench bench-kernel clean
all: kernel
kernel: $(OBJDIR)/kernel

$(OBJDIR)/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(KCFLAGS) -MMD -MP -c $< -o $@

$(OBJDIR)/%.o: %.S Makefile
	@mkdir -p $(dir $@)
	@echo "AS $<"
	@$(CC) $(KASFLAGS) -MMD -MP -c $< -o $@

# Two links: the second carries the function symbol table for backtraces.
$(OBJDIR)/ksyms0.o: tools/mksyms.sh
	@mkdir -p $(OBJDIR)
	@printf '\t.section .ksyms,"a"\n\t.align 8\n\t.globl ksyms_table\nksyms_table:\n\t.globl ksyms_count\nksyms_count:\n\t.quad 0\n' > $(OBJDIR)/ksyms0.S
	@$(CC) -c $(OBJDIR)/ksyms0.S -o $@

$(OBJDIR)/kernel: $(KOBJS) $(OBJDIR)/ksyms0.o sys/amd64/conf/ldscript.amd64
	@echo "LD $@"
	@$(LD) $(KLDFLAGS) -o $(OBJDIR)/kernel.0 $(KOBJS) $(OBJDIR)/ksyms0.o
	@tools/mksyms.sh $(OBJDIR)/kernel.0 $(OBJDIR)/ksyms.S
	@$(CC) -c $(OBJDIR)/ksyms.S -o $(OBJDIR)/ksyms.o
	@$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(OBJDIR)/ksyms.o
	@nm -n $(OBJDIR)/kernel.0 | grep ' [tT] ' > $(OBJDIR)/syms.0
	@nm -n $@ | grep ' [tT] ' > $(OBJDIR)/syms.1
	@cmp -s $(OBJDIR)/syms.0 $(OBJDIR)/syms.1 || \
	    { echo "symbol table moved functions"; exit 1; }

run: all
	tools/vmrun -i -smp 4 -t 0

# The suite needs the boot image (guest tests); building the non-INVARIANTS
# kernel too keeps that configuration compiling (it once broke unnoticed).
test: all bench-kernel
	tools/runtests

bench-kernel:
	@$(MAKE) --no-print-directory OBJDIR=obj-bench INVARIANTS=0 kernel

bench: bench-kernel initrd
	tools/bench obj-bench/kernel $(INITRD)

clean:
	rm -rf $(OBJDIR) obj-bench

-include $(KOBJS:.o=.d)

# --- User space (owner: libc engineer) -------------------------------------
include mk/user.mk
all: user
# ---------------------------------------------------------------------------

# --- Boot image (owner: userland engineer) ---------------------------------
include mk/initrd.mk
all: initrd
# ---------------------------------------------------------------------------
