/*
 * kern/kern_exec.c: execve(2), the ELF64 loader, and the start of init.
 *
 * kern_execve() replaces the calling process's image:
 *   1. gather the arguments and environment into one kernel buffer
 *      (ARG_MAX bytes at most, E2BIG beyond);
 *   2. look the file up (namei_kernel), check it is a static x86-64 ELF64
 *      executable, and build a NEW address space holding its PT_LOAD
 *      segments (read with vn_read_kernel, written with vm_copyout_to) and
 *      a stack with argc, argv, envp and the auxiliary vector;
 *   3. only then, past the point of no failure, make the process single
 *      threaded, switch it to the new address space, close close-on-exec
 *      descriptors, reset caught signals, and set the registers
 *      (cpu_exec_setregs: %rdi and %rsp point at argc, as FreeBSD's crt1
 *      expects).
 * A failure before step 3 leaves the caller's image untouched.
 *
 * start_init() makes pid 1: a process whose first thread execs /sbin/init
 * with the words after a lone "--" on the kernel command line as its
 * arguments (tools/vmrun -- PROGRAM ARGS).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/signalvar.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/stat.h>
#include <sys/sysproto.h>
#include <vm/vm_map.h>
#include <machine/md_var.h>

MALLOC_DEFINE(M_EXEC, "exec", "execve argument buffers");

#define ARG_MAX		262144
#define USTACK_SIZE	DFLSSIZ		/* 8 MiB, demand-zero */
#define EXEC_MAXARGS	16384
#define PATH_MAX_K	1024

#define PT_LOAD		1
#define PF_X		1
#define PF_W		2
#define PF_R		4
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_ENTRY	9

typedef struct {
	unsigned char	e_ident[16];
	uint16_t	e_type;
	uint16_t	e_machine;
	uint32_t	e_version;
	uint64_t	e_entry;
	uint64_t	e_phoff;
	uint64_t	e_shoff;
	uint32_t	e_flags;
	uint16_t	e_ehsize;
	uint16_t	e_phentsize;
	uint16_t	e_phnum;
	uint16_t	e_shentsize;
	uint16_t	e_shnum;
	uint16_t	e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t	p_type;
	uint32_t	p_flags;
	uint64_t	p_offset;
	uint64_t	p_vaddr;
	uint64_t	p_paddr;
	uint64_t	p_filesz;
	uint64_t	p_memsz;
	uint64_t	p_align;
} Elf64_Phdr;

#define EXEC_MAXPHDR	32

struct image_args {
	char	*buf;		/* argv strings, then envp strings */
	size_t	used;
	int	argc;
	int	envc;
};

static int
args_add(struct image_args *ia, const char *s, size_t len)
{
	if (ia->used + len + 1 > ARG_MAX || ia->argc + ia->envc >= EXEC_MAXARGS)
		return (E2BIG);
	memcpy(ia->buf + ia->used, s, len);
	ia->buf[ia->used + len] = '\0';
	ia->used += len + 1;
	return (0);
}

/* Copy a NULL-terminated user array of strings. */
static int
args_copyin_user(struct image_args *ia, char *const *uv, int *countp)
{
	char *up;
	size_t done;
	int error;

	if (uv == NULL)
		return (0);
	for (;;) {
		if ((error = copyin(uv, &up, sizeof(up))) != 0)
			return (error);
		if (up == NULL)
			return (0);
		if (ia->argc + ia->envc >= EXEC_MAXARGS)
			return (E2BIG);
		error = copyinstr(up, ia->buf + ia->used, ARG_MAX - ia->used,
		    &done);
		if (error == ENAMETOOLONG)
			return (E2BIG);
		if (error != 0)
			return (error);
		ia->used += done;
		(*countp)++;
		uv++;
	}
}

static int
elf_check(const Elf64_Ehdr *eh)
{
	if (memcmp(eh->e_ident, "\177ELF", 4) != 0 || eh->e_ident[4] != 2 ||
	    eh->e_ident[5] != 1)
		return (ENOEXEC);
	if (eh->e_type != 2 || eh->e_machine != 62)	/* ET_EXEC, x86-64 */
		return (ENOEXEC);
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > EXEC_MAXPHDR)
		return (ENOEXEC);
	return (0);
}

static int
elf_load_segment(struct vmspace *vs, struct vnode *vp, const Elf64_Phdr *ph,
    char *chunk)
{
	vm_offset_t start = trunc_page(ph->p_vaddr);
	vm_offset_t end = round_page(ph->p_vaddr + ph->p_memsz);
	int prot = 0, error;
	size_t resid;

	if (ph->p_filesz > ph->p_memsz || ph->p_vaddr < VM_MINUSER_ADDRESS ||
	    ph->p_vaddr + ph->p_memsz > VM_MAXUSER_ADDRESS ||
	    ph->p_vaddr + ph->p_memsz < ph->p_vaddr)
		return (ENOEXEC);
	if (ph->p_flags & PF_R)
		prot |= VM_PROT_READ;
	if (ph->p_flags & PF_W)
		prot |= VM_PROT_WRITE;
	if (ph->p_flags & PF_X)
		prot |= VM_PROT_EXECUTE;
	error = vm_map_anon(vs, &start, end - start, prot, VM_MAP_FIXED);
	if (error != 0)
		return (error);
	for (uint64_t off = 0; off < ph->p_filesz; off += PAGE_SIZE) {
		size_t n = MIN(PAGE_SIZE, ph->p_filesz - off);

		error = vn_read_kernel(vp, chunk, n, ph->p_offset + off, &resid);
		if (error != 0)
			return (error);
		if (resid != 0)
			return (ENOEXEC);	/* file shorter than headers say */
		error = vm_copyout_to(vs, ph->p_vaddr + off, chunk, n);
		if (error != 0)
			return (error);
	}
	return (0);
}

/*
 * Build the initial stack in a kernel buffer mirroring [bottom, USRSTACK)
 * and copy it out.  Returns the user address of argc.
 */
static int
exec_build_stack(struct vmspace *vs, struct image_args *ia, uint64_t entry,
    uint64_t phdr, int phnum, uint64_t *spp)
{
	size_t nptr = 1 + ia->argc + 1 + ia->envc + 1 + 2 * 6;
	size_t strsz = roundup(ia->used, 16);
	size_t total = roundup(strsz + nptr * 8, 16);
	vm_offset_t top = USRSTACK, sp, strbase, bottom;
	uint64_t *vec;
	char *img;
	size_t off = 0;
	int error;

	bottom = USRSTACK - USTACK_SIZE;
	error = vm_map_anon(vs, &bottom, USTACK_SIZE,
	    VM_PROT_READ | VM_PROT_WRITE, VM_MAP_FIXED);
	if (error != 0)
		return (error);
	if (total > USTACK_SIZE / 2)
		return (E2BIG);
	img = kmalloc(total, M_EXEC, M_WAITOK | M_ZERO);
	sp = top - total;
	strbase = top - strsz;
	memcpy(img + (strbase - sp), ia->buf, ia->used);
	vec = (uint64_t *)img;
	vec[off++] = ia->argc;
	for (int i = 0, pos = 0; i < ia->argc + ia->envc; i++) {
		if (i == ia->argc)
			vec[off++] = 0;		/* end of argv */
		vec[off++] = strbase + pos;
		pos += strlen(ia->buf + pos) + 1;
	}
	if (ia->envc == 0)
		vec[off++] = 0;			/* end of argv */
	vec[off++] = 0;				/* end of envp */
	vec[off++] = AT_PAGESZ;	vec[off++] = PAGE_SIZE;
	vec[off++] = AT_ENTRY;	vec[off++] = entry;
	vec[off++] = AT_PHDR;	vec[off++] = phdr;
	vec[off++] = AT_PHENT;	vec[off++] = sizeof(Elf64_Phdr);
	vec[off++] = AT_PHNUM;	vec[off++] = phnum;
	vec[off++] = AT_NULL;	vec[off++] = 0;
	KASSERT(off * 8 <= strbase - sp, ("exec stack vector overflow"));
	error = vm_copyout_to(vs, sp, img, total);
	kfree(img, M_EXEC);
	*spp = sp;
	return (error);
}

static int
exec_load(struct vnode *vp, struct image_args *ia, struct vmspace *vs,
    uint64_t *entryp, uint64_t *spp)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph[EXEC_MAXPHDR];
	uint64_t phdr_va = 0;
	char *chunk;
	size_t resid;
	int error;

	error = vn_read_kernel(vp, &eh, sizeof(eh), 0, &resid);
	if (error == 0 && resid != 0)
		error = ENOEXEC;
	if (error == 0)
		error = elf_check(&eh);
	if (error != 0)
		return (error);
	error = vn_read_kernel(vp, ph, eh.e_phnum * sizeof(Elf64_Phdr),
	    eh.e_phoff, &resid);
	if (error == 0 && resid != 0)
		error = ENOEXEC;
	if (error != 0)
		return (error);
	chunk = kmalloc(PAGE_SIZE, M_EXEC, M_WAITOK);
	for (int i = 0; i < eh.e_phnum && error == 0; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		error = elf_load_segment(vs, vp, &ph[i], chunk);
		if (eh.e_phoff >= ph[i].p_offset &&
		    eh.e_phoff < ph[i].p_offset + ph[i].p_filesz)
			phdr_va = ph[i].p_vaddr + (eh.e_phoff - ph[i].p_offset);
	}
	kfree(chunk, M_EXEC);
	if (error != 0)
		return (error);
	*entryp = eh.e_entry;
	return (exec_build_stack(vs, ia, eh.e_entry, phdr_va, eh.e_phnum, spp));
}

static const char *
path_basename(const char *path)
{
	const char *b = path;

	for (const char *s = path; *s != '\0'; s++)
		if (*s == '/' && s[1] != '\0')
			b = s + 1;
	return (b);
}

/* Steps 2 and 3 above; ia holds the arguments. */
static int
do_execve(struct thread *td, const char *path, struct image_args *ia)
{
	struct proc *p = td->td_proc;
	struct vmspace *vs, *old;
	struct vnode *vp;
	struct stat st;
	uint64_t entry = 0, sp = 0;
	int error;

	error = namei_kernel(p, path, &vp);
	if (error != 0)
		return (error);
	error = vn_getattr_kernel(vp, &st);
	if (error == 0 && !S_ISREG(st.st_mode))
		error = EACCES;
	if (error == 0 && (st.st_mode & 0111) == 0)
		error = EACCES;
	if (error != 0) {
		vrele(vp);
		return (error);
	}
	vs = vmspace_alloc();
	error = exec_load(vp, ia, vs, &entry, &sp);
	vrele(vp);
	if (error != 0) {
		vmspace_free(vs);
		return (error);
	}

	/* No failure past this point. */
	if (p->p_nthreads > 1) {
		proc_single_thread(td);
		spin_lock(&p->p_spin);
		p->p_flag &= ~P_WEXIT;
		spin_unlock(&p->p_spin);
	}
	old = p->p_vmspace;
	p->p_vmspace = vs;
	vmspace_activate(vs);
	if (old != NULL)
		vmspace_free(old);
	fdcloseexec(p->p_fd);
	execsigs(p);
	spin_lock(&p->p_spin);
	strlcpy(p->p_comm, path_basename(path), sizeof(p->p_comm));
	p->p_flag |= P_EXEC;
	spin_unlock(&p->p_spin);
	strlcpy(td->td_comm, p->p_comm, sizeof(td->td_comm));
	td->td_fsbase = 0;
	td->td_gsbase = 0;
	cpu_exec_setregs(td, entry, sp, 0);
	return (EJUSTRETURN);
}

int
kern_execve(struct thread *td, const char *path, char *const *argv,
    char *const *envp)
{
	struct image_args ia = { NULL, 0, 0, 0 };
	int error = 0;

	ia.buf = kmalloc(ARG_MAX, M_EXEC, M_WAITOK);
	for (int i = 0; argv != NULL && argv[i] != NULL && error == 0; i++) {
		error = args_add(&ia, argv[i], strlen(argv[i]));
		ia.argc++;
	}
	for (int i = 0; envp != NULL && envp[i] != NULL && error == 0; i++) {
		error = args_add(&ia, envp[i], strlen(envp[i]));
		ia.envc++;
	}
	if (error == 0)
		error = do_execve(td, path, &ia);
	kfree(ia.buf, M_EXEC);
	return (error);
}

int
sys_execve(struct thread *td, struct execve_args *uap)
{
	struct image_args ia = { NULL, 0, 0, 0 };
	char *path;
	size_t done;
	int error;

	path = kmalloc(PATH_MAX_K, M_EXEC, M_WAITOK);
	error = copyinstr(uap->fname, path, PATH_MAX_K, &done);
	if (error != 0)
		goto out;
	ia.buf = kmalloc(ARG_MAX, M_EXEC, M_WAITOK);
	error = args_copyin_user(&ia, uap->argv, &ia.argc);
	if (error == 0)
		error = args_copyin_user(&ia, uap->envv, &ia.envc);
	if (error == 0)
		error = do_execve(td, path, &ia);
	kfree(ia.buf, M_EXEC);
out:
	kfree(path, M_EXEC);
	return (error);
}

/* pid 1 ------------------------------------------------------------------ */

static char *init_args;			/* [I] words after "--" */

static void
init_start(void *arg)
{
	struct thread *td = arg;
	char *argv[32], *envp[] = { "PATH=/bin:/sbin:/usr/bin", "HOME=/",
	    "TERM=vt100", NULL };
	int argc = 0, error;
	char *s = init_args;

	argv[argc++] = "/sbin/init";
	while (s != NULL && *s != '\0' && argc < (int)nitems(argv) - 1) {
		while (*s == ' ')
			*s++ = '\0';
		if (*s == '\0')
			break;
		argv[argc++] = s;
		while (*s != '\0' && *s != ' ')
			s++;
	}
	argv[argc] = NULL;
	error = kern_execve(td, "/sbin/init", argv, envp);
	if (error != EJUSTRETURN)
		panic("init: cannot exec /sbin/init: error %d", error);
	cpu_enter_user(td);
}

void
start_init(const char *args)
{
	struct proc *p = proc_alloc(NULL, 1);
	struct thread *td;

	if (args != NULL) {
		init_args = kmalloc(strlen(args) + 1, M_EXEC, M_WAITOK);
		strlcpy(init_args, args, strlen(args) + 1);
	}
	siginit(p);
	proc_init_limits(p);
	strlcpy(p->p_comm, "init", sizeof(p->p_comm));
	strlcpy(p->p_cwd, "/", sizeof(p->p_cwd));
	p->p_umask = 022;
	callout_init_cpu(&p->p_itcallout, 0);
	p->p_vmspace = vmspace_alloc();
	p->p_fd = fdinit();
	initproc = p;
	td = proc_thread_alloc(p, init_start, "init");
	p->p_state = PRS_NORMAL;
	proc_thread_start(td);
}
