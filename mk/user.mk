# mk/user.mk: the user-space build (libc, libatf-c, programs, tests).
# Included by the top-level Makefile; owner: the libc engineer.
#
# Programs are static ELF64 executables linked at 0x400000 with Debian's
# gcc but none of the host's headers or libraries: they see only
# lib/libc/include (-nostdinc -isystem) and link crt1.o, libc.a and gcc's
# own libgcc.a.  Everything lands under $(OBJDIR)/user/, mirroring the
# source tree.
#
# How to add a program: put a build.mk in its directory (any directory
# under bin, sbin, usr.bin, usr.sbin, libexec or tests), setting
#	PROG	 := name		one program ...
#	SRCS	 := a.c b.c		... from these sources (default name.c)
#	BINDIR	 := /bin		where it goes in the boot image
# and/or
#	ATF_TESTS_C := foo_test bar_test  ATF C test programs, each from
#				NAME.c, linked with libatf-c
#	PROGS	 := x y			more programs, each from NAME.c
#	TESTSDIR := /usr/tests/...	BINDIR for ATF_TESTS_C (and PROGS)
#	FILES	 := Kyuafile		files installed as they are
#	LIBADD	 := atf-c		extra libraries for PROG/PROGS
#	CFLAGS_PROG := -DFOO		extra compiler flags for this directory
# Paths in SRCS/FILES are relative to the directory of build.mk.
#
# `make user` builds everything; $(OBJDIR)/user/MANIFEST lists
# "built-file install-path mode" lines for whoever builds the boot image.
#
# The generated system-call glue: sys/kern/syscalls.master ->
# tools/makesyscalls.sh -> sys/sys/{syscall,sysproto}.h and
# sys/kern/init_sysent.c (kernel, kept in the tree) and one stub per call
# in $(OBJDIR)/user/lib/libc/sys/gen/ (libc).

UCC		:= gcc
UAR		:= ar
UOBJ		:= $(OBJDIR)/user
LIBGCC		:= $(shell $(UCC) -print-libgcc-file-name)

UCFLAGS_BASE	:= -std=gnu11 -O2 -g -nostdinc -isystem lib/libc/include \
		   -fno-pie -fno-pic -fno-stack-protector -fno-common \
		   -ffunction-sections -fdata-sections
# libc and libatf-c are held to the kernel's warning standard.
ULIB_CFLAGS	:= $(UCFLAGS_BASE) -Wall -Wextra -Wno-unused-parameter \
		   -Wno-sign-compare -Wno-missing-field-initializers \
		   -Wno-format-truncation -Werror
LIBC_CFLAGS	:= $(ULIB_CFLAGS) -Ilib/libc -fno-tree-loop-distribute-patterns \
		   -fno-builtin-malloc -fno-builtin-calloc
# Programs from elsewhere get the usual warnings but not -Werror.
UPROG_CFLAGS	:= $(UCFLAGS_BASE) -Wall -Wno-unused-parameter
UASFLAGS	:= -nostdinc -isystem lib/libc/include -g
ULDFLAGS	:= -static -nostdlib -no-pie -Wl,-z,max-page-size=4096 \
		   -Wl,--build-id=none -Wl,-z,noexecstack -Wl,--gc-sections \
		   -Wl,-Ttext-segment=0x400000

.PHONY: user libc libatf-c syscall-glue errno-check socket-check

# ---- System-call glue -----------------------------------------------------

SYSCALL_MASTER	:= sys/kern/syscalls.master
SYSCALL_KGEN	:= sys/sys/syscall.h sys/sys/sysproto.h sys/kern/init_sysent.c
LIBC_SYSCONF	:= lib/libc/sys/syscalls.libc
LIBC_STUBDIR	:= $(UOBJ)/lib/libc/sys/gen

$(SYSCALL_KGEN) &: $(SYSCALL_MASTER) tools/makesyscalls.sh
	@echo "GEN syscall tables"
	@tools/makesyscalls.sh kernel $(SYSCALL_MASTER) $(SYSCALL_KGEN)

syscall-glue: $(SYSCALL_KGEN)

$(LIBC_STUBDIR)/stubs.mk: $(SYSCALL_MASTER) $(LIBC_SYSCONF) tools/makesyscalls.sh
	@echo "GEN libc system-call stubs"
	@tools/makesyscalls.sh libc $(SYSCALL_MASTER) $(LIBC_SYSCONF) $(LIBC_STUBDIR)

# Defines LIBC_SYSSTUBS; make rebuilds it first when it is out of date.
-include $(LIBC_STUBDIR)/stubs.mk

$(LIBC_STUBDIR)/%.o: $(LIBC_STUBDIR)/stubs.mk
	@$(UCC) $(UASFLAGS) -c $(LIBC_STUBDIR)/$*.S -o $@

# ---- libc -----------------------------------------------------------------

LIBC_CSRCS	:= $(sort $(shell find lib/libc -name '*.c'))
LIBC_SSRCS	:= $(filter-out lib/libc/amd64/crt1.S, \
		   $(sort $(shell find lib/libc -name '*.S')))
LIBC_OBJS	:= $(patsubst %.c,$(UOBJ)/%.o,$(LIBC_CSRCS)) \
		   $(patsubst %.S,$(UOBJ)/%.o,$(LIBC_SSRCS)) \
		   $(patsubst %,$(LIBC_STUBDIR)/%.o,$(LIBC_SYSSTUBS))
LIBC_A		:= $(UOBJ)/lib/libc/libc.a
CRT1_O		:= $(UOBJ)/lib/libc/amd64/crt1.o
LIBC_HDRS	:= $(shell find lib/libc/include -name '*.h')

$(UOBJ)/lib/libc/%.o: lib/libc/%.c mk/user.mk
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(UCC) $(LIBC_CFLAGS) -MMD -MP -c $< -o $@

$(UOBJ)/lib/libc/%.o: lib/libc/%.S mk/user.mk
	@mkdir -p $(dir $@)
	@echo "AS $<"
	@$(UCC) $(UASFLAGS) -MMD -MP -c $< -o $@

$(LIBC_A): $(LIBC_OBJS)
	@echo "AR $@"
	@rm -f $@
	@$(UAR) rcs $@ $(LIBC_OBJS)

libc: $(LIBC_A) $(CRT1_O) errno-check socket-check

# Every errno value the kernel defines must equal libc's.
errno-check: $(UOBJ)/errno-check.ok
$(UOBJ)/errno-check.ok: sys/sys/errno.h lib/libc/include/sys/errno.h
	@mkdir -p $(dir $@)
	@awk '/^#define[ \t]+E[A-Z0-9]+[ \t]+[0-9]+/ { print $$2, $$3 }' \
	    lib/libc/include/sys/errno.h | sort > $@.libc
	@awk '/^#define[ \t]+E[A-Z0-9]+[ \t]+[0-9]+/ { print $$2, $$3 }' \
	    sys/sys/errno.h | sort > $@.kern
	@if ! comm -13 $@.libc $@.kern | grep . ; then touch $@; else \
	    echo "errno-check: the kernel values above differ from libc's"; \
	    exit 1; fi

# Every socket constant the kernel's <sys/socket.h>, <sys/un.h> and
# <sys/socketvar.h> define with a number must have libc's value (libc may
# define more).
SOCKET_HDRS	:= socket.h un.h socketvar.h
socket-check: $(UOBJ)/socket-check.ok
$(UOBJ)/socket-check.ok: $(addprefix sys/sys/,$(SOCKET_HDRS)) \
    $(addprefix lib/libc/include/sys/,$(SOCKET_HDRS))
	@mkdir -p $(dir $@)
	@for h in $(SOCKET_HDRS); do awk '/^#define[ \t]+(SOCK|SO|AF|PF|MSG|SCM|SHUT|LOCAL|SS|SBS|SOL)_[A-Z0-9_]+[ \t]+(0x[0-9a-fA-F]+|[0-9]+)/ \
	    { print $$2, $$3 }' lib/libc/include/sys/$$h; done | sort > $@.libc
	@for h in $(SOCKET_HDRS); do awk '/^#define[ \t]+(SOCK|SO|AF|PF|MSG|SCM|SHUT|LOCAL|SS|SBS|SOL)_[A-Z0-9_]+[ \t]+(0x[0-9a-fA-F]+|[0-9]+)/ \
	    { print $$2, $$3 }' sys/sys/$$h; done | sort > $@.kern
	@if ! comm -13 $@.libc $@.kern | grep . ; then touch $@; else \
	    echo "socket-check: the kernel values above differ from libc's"; \
	    exit 1; fi

# ---- libatf-c -------------------------------------------------------------

LIBATF_CSRCS	:= $(sort $(shell find lib/libatf-c -name '*.c'))
LIBATF_OBJS	:= $(patsubst %.c,$(UOBJ)/%.o,$(LIBATF_CSRCS))
LIBATF_A	:= $(UOBJ)/lib/libatf-c/libatf-c.a

$(UOBJ)/lib/libatf-c/%.o: lib/libatf-c/%.c mk/user.mk
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(UCC) $(ULIB_CFLAGS) -isystem lib/libatf-c -MMD -MP -c $< -o $@

$(LIBATF_A): $(LIBATF_OBJS)
	@echo "AR $@"
	@rm -f $@
	@$(UAR) rcs $@ $(LIBATF_OBJS)

libatf-c: $(LIBATF_A)

# ---- Programs -------------------------------------------------------------

USER_PROGS	:=
USER_MANIFEST	:=

# $(call user_prog,OUTPUT,SOURCES,LIBS,CFLAGS,INSTALLPATH)
#   OUTPUT is relative to $(UOBJ); SOURCES are paths from the top;
#   LIBS are .a files linked before libc.
define user_prog
$(UOBJ)/$(1): $(patsubst %.c,$(UOBJ)/%.o,$(2)) $(3) $(LIBC_A) $(CRT1_O)
	@echo "LD $$@"
	@$(UCC) $(ULDFLAGS) -o $$@ $(CRT1_O) $(patsubst %.c,$(UOBJ)/%.o,$(2)) \
	    $(3) $(LIBC_A) $(LIBGCC) $(LIBC_A)
$(foreach s,$(2),$(eval $(UOBJ)/$(s:.c=.o): UPROG_EXTRA := $(4)))
USER_PROGS += $(UOBJ)/$(1)
USER_MANIFEST += $(UOBJ)/$(1):$(5):0755
endef

# A PROG= program or ATF test may be built from any C file in the tree.
$(UOBJ)/%.o: %.c mk/user.mk
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(UCC) $(UPROG_CFLAGS) -isystem lib/libatf-c $(UPROG_EXTRA) \
	    -MMD -MP -c $< -o $@

libadd = $(foreach l,$(1),$(if $(filter atf-c,$(l)),$(LIBATF_A)))

# Instantiate one build.mk ($(1)), whose variables are set by now.
define user_dir
$(if $(PROG),$(eval $(call user_prog,$(dir $(1))$(PROG),$(addprefix $(dir $(1)),$(or $(SRCS),$(PROG).c)),$(call libadd,$(LIBADD)),$(CFLAGS_PROG),$(or $(BINDIR),/bin)/$(PROG))))
$(foreach p,$(PROGS),$(eval $(call user_prog,$(dir $(1))$(p),$(dir $(1))$(p).c,$(call libadd,$(LIBADD)),$(CFLAGS_PROG),$(or $(TESTSDIR),$(BINDIR),/bin)/$(p))))
$(foreach t,$(ATF_TESTS_C),$(eval $(call user_prog,$(dir $(1))$(t),$(dir $(1))$(t).c,$(LIBATF_A),$(CFLAGS_PROG),$(TESTSDIR)/$(t))))
$(foreach f,$(FILES),$(eval USER_MANIFEST += $(dir $(1))$(f):$(or $(TESTSDIR),$(BINDIR))/$(notdir $(f)):0644))
endef

USER_BUILDMK	:= $(sort $(shell find bin sbin usr.bin usr.sbin libexec tests \
		   -name build.mk 2>/dev/null))
$(foreach f,$(USER_BUILDMK),$(eval PROG :=)$(eval SRCS :=)$(eval BINDIR :=) \
    $(eval PROGS :=)$(eval ATF_TESTS_C :=)$(eval TESTSDIR :=) \
    $(eval FILES :=)$(eval LIBADD :=)$(eval CFLAGS_PROG :=) \
    $(eval include $(f))$(eval $(call user_dir,$(f))))

$(UOBJ)/MANIFEST: $(USER_PROGS) $(USER_BUILDMK) mk/user.mk
	@printf '%s\n' $(USER_MANIFEST) | tr ':' ' ' > $@

user: libc libatf-c $(USER_PROGS) $(UOBJ)/MANIFEST

-include $(shell find $(UOBJ) -name '*.d' 2>/dev/null)
