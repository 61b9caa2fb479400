/*
 * tls.c: static thread-local storage (amd64 TLS variant II).
 *
 * A static executable has at most one PT_TLS segment: an initialization
 * image of p_filesz bytes followed by zeroes up to p_memsz.  Each thread
 * gets a block of that size placed just below its thread pointer (the %fs
 * base), followed by the TCB, whose first word points at itself:
 *
 *	area:  [ pad | TLS block (blocksize) | struct tcb | ... ]
 *	                                      ^ tp = %fs base
 *
 * The compiler addresses TLS variables as negative offsets from tp
 * (blocksize is p_memsz rounded up to p_align, as the linker assumes).
 * The main thread's area is static or mmap'd here and installed with
 * sysarch(AMD64_SET_FSBASE); other threads' areas are carved out of their
 * stack mapping by pthread_create and installed by thr_new(2).
 *
 * If sysarch fails (a kernel without it), __libc_tls_ok stays 0: errno
 * then falls back to a process-wide variable and pthread_create refuses
 * to start threads (EAGAIN), since they could not have their own errno.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <machine/sysarch.h>
#include <string.h>

#include "libc_private.h"

#define	PT_TLS		7
#define	AT_PHDR		3
#define	AT_PHNUM	5

struct elf64_ehdr {
	unsigned char	e_ident[16];
	uint16_t	e_type, e_machine;
	uint32_t	e_version;
	uint64_t	e_entry, e_phoff, e_shoff;
	uint32_t	e_flags;
	uint16_t	e_ehsize, e_phentsize, e_phnum, e_shentsize;
	uint16_t	e_shnum, e_shstrndx;
};

struct elf64_phdr {
	uint32_t	p_type, p_flags;
	uint64_t	p_offset, p_vaddr, p_paddr;
	uint64_t	p_filesz, p_memsz, p_align;
};

extern const struct elf64_ehdr __ehdr_start __hidden;

int	__libc_tls_ok;

static const void *tls_image;		/* [I] initialization image */
static size_t	tls_filesz;		/* [I] */
static size_t	tls_memsz;		/* [I] */
static size_t	tls_align = 16;		/* [I] at least 16 */
static size_t	tls_blocksize;		/* [I] memsz rounded to p_align */

/* The main thread's area when the block is small; mmap'd otherwise. */
static char	main_area[1024] __aligned(64);

static void
tls_find_segment(void)
{
	const struct elf64_phdr *ph;
	size_t i, n, align;

	ph = (const struct elf64_phdr *)__libc_auxv_get(AT_PHDR, 0);
	n = (size_t)__libc_auxv_get(AT_PHNUM, 0);
	if (ph == NULL || n == 0) {
		ph = (const struct elf64_phdr *)((const char *)&__ehdr_start +
		    __ehdr_start.e_phoff);
		n = __ehdr_start.e_phnum;
	}
	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_TLS)
			continue;
		tls_image = (const void *)ph[i].p_vaddr;
		tls_filesz = ph[i].p_filesz;
		tls_memsz = ph[i].p_memsz;
		align = ph[i].p_align ? ph[i].p_align : 1;
		tls_blocksize = (tls_memsz + align - 1) & ~(align - 1);
		if (align > tls_align)
			tls_align = align;
		return;
	}
}

size_t
__libc_tls_area_size(void)
{

	return (tls_blocksize + tls_align + sizeof(struct tcb));
}

struct tcb *
__libc_tls_init_area(void *area, struct pthread *td)
{
	uintptr_t tp;
	struct tcb *tcb;

	tp = ((uintptr_t)area + tls_blocksize + tls_align - 1) &
	    ~(uintptr_t)(tls_align - 1);
	if (tls_blocksize != 0) {
		memcpy((void *)(tp - tls_blocksize), tls_image, tls_filesz);
		memset((char *)(tp - tls_blocksize) + tls_filesz, 0,
		    tls_blocksize - tls_filesz);
	}
	tcb = (struct tcb *)tp;
	tcb->tcb_self = tcb;
	tcb->tcb_dtv = NULL;
	tcb->tcb_thread = td;
	return (tcb);
}

void
__libc_tls_init_main(void)
{
	void *area;
	struct tcb *tcb;

	tls_find_segment();
	area = main_area;
	if (__libc_tls_area_size() > sizeof(main_area)) {
		area = __sys_mmap(NULL, __libc_tls_area_size(),
		    PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
		if (area == MAP_FAILED)
			return;
	}
	tcb = __libc_tls_init_area(area, NULL);
	if (__sys_sysarch(AMD64_SET_FSBASE, &tcb) == 0)
		__libc_tls_ok = 1;
}

int
amd64_set_fsbase(void *addr)
{

	return (__sys_sysarch(AMD64_SET_FSBASE, &addr));
}

int
amd64_get_fsbase(void **addr)
{

	return (__sys_sysarch(AMD64_GET_FSBASE, addr));
}
