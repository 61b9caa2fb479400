/*
 * sys/sysctl.h: the kernel's management information base (MIB).
 *
 * The MIB is a tree of OIDs.  Each OID has a number (fixed, or assigned
 * at registration for OID_AUTO, from CTL_AUTO_START up, in link order) and
 * a name; a leaf has a type, flags and a handler that moves its value
 * between the kernel and the request with SYSCTL_OUT/SYSCTL_IN.  OIDs are
 * declared statically with the SYSCTL_* macros below, which put them in
 * the linker set set_sysctl; sysctl_init() links them into their parents'
 * lists once (it is also run on first use), after which the tree never
 * changes and is read without a lock.
 *
 * __sysctl(2) follows FreeBSD: a name of 2..CTL_MAXNAME ints, an old
 * buffer (oldp, *oldlenp) and a new value (newp, newlen).  With oldp NULL
 * the size the value needs is returned in *oldlenp.  A too-short old
 * buffer gets as much as fits, *oldlenp says how much, and the call fails
 * with ENOMEM.  The {0, x} meta nodes: {0,1,oid..} name, {0,2,oid..}
 * next leaf (for listings), {0,3} name2oid (new = the dotted name),
 * {0,4,oid..} kind and format, {0,5,oid..} description.  Errors: ENOENT
 * unknown name, ENOTDIR the name goes on past a leaf, EISDIR it stops at
 * a node, EPERM writing a read-only OID (or non-root), EINVAL bad length.
 *
 * A node may have its own handler: it receives the rest of the name in
 * arg1/arg2 and interprets it (kern.proc.pid.<pid>-style tables).
 *
 * Writing a handler (e.g. the process layer's kern.proc tables under the
 * kern.proc node declared here):
 *
 *	static int
 *	sysctl_kern_proc_pid(SYSCTL_HANDLER_ARGS)
 *	{
 *		int *name = arg1;	// the rest of the name
 *		u_int namelen = arg2;	// e.g. { pid }
 *		struct kinfo_proc kp;	// filled under p_spin...
 *		...
 *		return (SYSCTL_OUT(req, &kp, sizeof(kp)));	// ...sent after
 *	}
 *	SYSCTL_NODE(_kern_proc, KERN_PROC_PID, pid, CTLFLAG_RD,
 *	    sysctl_kern_proc_pid, "Process by pid");
 *	SYSCTL_PROC(_kern_proc, KERN_PROC_ALL, all,
 *	    CTLTYPE_OPAQUE | CTLFLAG_RD, NULL, 0, sysctl_kern_proc_all,
 *	    "S,kinfo_proc", "Every process");
 *
 * SYSCTL_OUT and SYSCTL_IN may fault and sleep (user buffers): never call
 * them holding a spinlock; copy the data to a kernel buffer first.  A
 * handler that lists things calls SYSCTL_OUT once per record: with no old
 * buffer it only counts, so the same code answers the size query.
 */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_

#include <sys/types.h>

#define CTL_MAXNAME	24

/* Kinds: the low 4 bits are the type. */
#define CTLTYPE		0xf
#define CTLTYPE_NODE	1
#define CTLTYPE_INT	2
#define CTLTYPE_STRING	3
#define CTLTYPE_S64	4
#define CTLTYPE_OPAQUE	5
#define CTLTYPE_STRUCT	CTLTYPE_OPAQUE
#define CTLTYPE_UINT	6
#define CTLTYPE_LONG	7
#define CTLTYPE_ULONG	8
#define CTLTYPE_U64	9
#define CTLTYPE_U8	0xa
#define CTLTYPE_U16	0xb
#define CTLTYPE_S8	0xc
#define CTLTYPE_S16	0xd
#define CTLTYPE_S32	0xe
#define CTLTYPE_U32	0xf

#define CTLFLAG_RD	0x80000000
#define CTLFLAG_WR	0x40000000
#define CTLFLAG_RW	(CTLFLAG_RD | CTLFLAG_WR)
#define CTLFLAG_DORMANT	0x20000000
#define CTLFLAG_ANYBODY	0x10000000	/* non-root may write */
#define CTLFLAG_SECURE	0x08000000
#define CTLFLAG_PRISON	0x04000000
#define CTLFLAG_DYN	0x02000000
#define CTLFLAG_SKIP	0x01000000	/* hidden from {0,2} listings */
#define CTLFLAG_TUN	0x00080000
#define CTLFLAG_RDTUN	(CTLFLAG_RD | CTLFLAG_TUN)
#define CTLFLAG_RWTUN	(CTLFLAG_RW | CTLFLAG_TUN)
#define CTLFLAG_MPSAFE	0x00040000
#define CTLFLAG_VNET	0x00020000
#define CTLFLAG_STATS	0x00002000
#define CTLFLAG_NOFETCH	0x00001000
#define CTLFLAG_CAPRD	0x00008000
#define CTLFLAG_CAPWR	0x00004000
#define CTLFLAG_CAPRW	(CTLFLAG_CAPRD | CTLFLAG_CAPWR)

#define OID_AUTO	(-1)
#define CTL_AUTO_START	0x100

/* Top-level names. */
#define CTL_UNSPEC	0
#define CTL_KERN	1
#define CTL_VM		2
#define CTL_VFS		3
#define CTL_NET		4
#define CTL_DEBUG	5
#define CTL_HW		6
#define CTL_MACHDEP	7
#define CTL_USER	8
#define CTL_P1003_1B	9

/* CTL_KERN names. */
#define KERN_OSTYPE		1
#define KERN_OSRELEASE		2
#define KERN_OSREV		3
#define KERN_VERSION		4
#define KERN_MAXVNODES		5
#define KERN_MAXPROC		6
#define KERN_MAXFILES		7
#define KERN_ARGMAX		8
#define KERN_SECURELVL		9
#define KERN_HOSTNAME		10
#define KERN_HOSTID		11
#define KERN_CLOCKRATE		12
#define KERN_PROC		14
#define KERN_FILE		15
#define KERN_POSIX1		17
#define KERN_NGROUPS		18
#define KERN_JOB_CONTROL	19
#define KERN_SAVED_IDS		20
#define KERN_BOOTTIME		21
#define KERN_NISDOMAINNAME	22
#define KERN_OSRELDATE		24
#define KERN_MAXFILESPERPROC	27
#define KERN_IPC		30
#define KERN_USRSTACK		33
#define KERN_IOV_MAX		35
#define KERN_HOSTUUID		36
#define KERN_ARND		37

/* CTL_KERN.KERN_IPC names. */
#define KIPC_MAXSOCKBUF		1
#define KIPC_SOCKBUF_WASTE	2
#define KIPC_SOMAXCONN		3

/* CTL_HW names. */
#define HW_MACHINE		1
#define HW_MODEL		2
#define HW_NCPU			3
#define HW_BYTEORDER		4
#define HW_PHYSMEM		5
#define HW_USERMEM		6
#define HW_PAGESIZE		7
#define HW_FLOATINGPT		10
#define HW_MACHINE_ARCH		11
#define HW_REALMEM		12

#ifdef _KERNEL
#include <sys/queue.h>
#include <sys/linker_set.h>

struct thread;
struct sysctl_oid;
struct sysctl_req;

SLIST_HEAD(sysctl_oid_list, sysctl_oid);

#define SYSCTL_HANDLER_ARGS	struct sysctl_oid *oidp, void *arg1,	\
	intmax_t arg2, struct sysctl_req *req
typedef int sysctl_handler_t(SYSCTL_HANDLER_ARGS);

struct sysctl_oid {
	struct sysctl_oid_list *oid_parent;	/* [I] */
	SLIST_ENTRY(sysctl_oid) oid_link;	/* [I] after sysctl_init */
	int		oid_number;		/* [I] after sysctl_init */
	u_int		oid_kind;		/* [I] CTLTYPE_*, CTLFLAG_* */
	void		*oid_arg1;
	intmax_t	oid_arg2;
	const char	*oid_name;
	sysctl_handler_t *oid_handler;
	const char	*oid_fmt;		/* "I", "IU", "L", "A", "N"... */
	const char	*oid_descr;
};

/* One request: where the old value goes, where the new one comes from. */
struct sysctl_req {
	struct thread	*td;		/* may be NULL (kernel thread) */
	int		user;		/* buffers are user addresses */
	void		*oldptr;
	size_t		oldlen;
	size_t		oldidx;		/* bytes produced so far */
	const void	*newptr;
	size_t		newlen;
	size_t		newidx;		/* bytes consumed so far */
};

int	sysctl_out(struct sysctl_req *req, const void *p, size_t len);
int	sysctl_in(struct sysctl_req *req, void *p, size_t len);
#define SYSCTL_OUT(req, p, l)	sysctl_out((req), (p), (l))
#define SYSCTL_IN(req, p, l)	sysctl_in((req), (p), (l))

/* Standard handlers. */
sysctl_handler_t sysctl_handle_int;	/* arg1: int *, or NULL: arg2 */
sysctl_handler_t sysctl_handle_long;	/* arg1: long *, or NULL: arg2 */
sysctl_handler_t sysctl_handle_64;	/* arg1: uint64_t * */
sysctl_handler_t sysctl_handle_string;	/* arg1: char[arg2] (arg2 0: RO) */
sysctl_handler_t sysctl_handle_opaque;	/* arg1: arg2 bytes */

/*
 * A text buffer for handlers that print a table (kern.malloc_stats...).
 * Printing never allocates (callable under a spinlock): it truncates and
 * sets sb_overflow; the handler then retries with a bigger buffer.
 * sysctl_sbuf_finish() sends the text with its NUL and frees the buffer.
 */
struct sysctl_sbuf {
	char	*sb_buf;
	size_t	sb_len;
	size_t	sb_size;
	int	sb_overflow;
};
void	sysctl_sbuf_init(struct sysctl_sbuf *sb, size_t size);
void	sysctl_sbuf_printf(struct sysctl_sbuf *sb, const char *fmt, ...)
	    __printflike(2, 3);
int	sysctl_sbuf_finish(struct sysctl_sbuf *sb, struct sysctl_req *req);
int	sysctl_sbuf_report(struct sysctl_req *req, size_t size,
	    void (*fill)(struct sysctl_sbuf *));

#define SYSCTL_DECL(name)						\
	extern struct sysctl_oid_list sysctl_##name##_children
#define SYSCTL_CHILDREN(oidp)	((struct sysctl_oid_list *)(oidp)->oid_arg1)

#define SYSCTL_OID(parent, nbr, name, kind, a1, a2, handler, fmt, descr) \
	static struct sysctl_oid sysctl_##parent##_##name = {		\
		.oid_parent = &sysctl_##parent##_children,		\
		.oid_number = (nbr),					\
		.oid_kind = (kind),					\
		.oid_arg1 = (a1),					\
		.oid_arg2 = (a2),					\
		.oid_name = #name,					\
		.oid_handler = (handler),				\
		.oid_fmt = (fmt),					\
		.oid_descr = (descr),					\
	};								\
	DATA_SET(set_sysctl, sysctl_##parent##_##name)

/* A node; its children name it as parent `parent_name'. */
#define SYSCTL_NODE(parent, nbr, name, access, handler, descr)		\
	struct sysctl_oid_list sysctl_##parent##_##name##_children;	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_NODE | (access),		\
	    &sysctl_##parent##_##name##_children, 0, handler, "N", descr)

#define SYSCTL_INT(parent, nbr, name, access, ptr, val, descr)		\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_INT | (access), (ptr), (val), \
	    sysctl_handle_int, "I", descr)
#define SYSCTL_UINT(parent, nbr, name, access, ptr, val, descr)	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_UINT | (access), (ptr), (val), \
	    sysctl_handle_int, "IU", descr)
#define SYSCTL_LONG(parent, nbr, name, access, ptr, val, descr)	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_LONG | (access), (ptr), (val), \
	    sysctl_handle_long, "L", descr)
#define SYSCTL_ULONG(parent, nbr, name, access, ptr, val, descr)	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_ULONG | (access), (ptr), (val), \
	    sysctl_handle_long, "LU", descr)
#define SYSCTL_U64(parent, nbr, name, access, ptr, val, descr)		\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_U64 | (access), (ptr), (val), \
	    sysctl_handle_64, "QU", descr)
#define SYSCTL_S64(parent, nbr, name, access, ptr, val, descr)		\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_S64 | (access), (ptr), (val), \
	    sysctl_handle_64, "Q", descr)
#define SYSCTL_STRING(parent, nbr, name, access, arg, len, descr)	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_STRING | (access), (arg), (len), \
	    sysctl_handle_string, "A", descr)
#define SYSCTL_OPAQUE(parent, nbr, name, access, ptr, len, fmt, descr)	\
	SYSCTL_OID(parent, nbr, name, CTLTYPE_OPAQUE | (access), (ptr), (len), \
	    sysctl_handle_opaque, fmt, descr)
/* kind includes the CTLTYPE_*; the handler does the work. */
#define SYSCTL_PROC(parent, nbr, name, kind, a1, a2, handler, fmt, descr) \
	SYSCTL_OID(parent, nbr, name, (kind), (a1), (a2), handler, fmt, descr)

/* The standard top-level nodes (kern/kern_sysctl.c). */
SYSCTL_DECL(_kern);
SYSCTL_DECL(_kern_ipc);
SYSCTL_DECL(_vm);
SYSCTL_DECL(_vfs);
SYSCTL_DECL(_net);
SYSCTL_DECL(_net_isr);
SYSCTL_DECL(_debug);
SYSCTL_DECL(_hw);
SYSCTL_DECL(_machdep);
SYSCTL_DECL(_user);

extern int somaxconn;			/* kern.ipc.somaxconn */
extern u_long sb_max;			/* kern.ipc.maxsockbuf */
extern char hostname[256];		/* kern.hostname */

void	sysctl_init(void);		/* idempotent; mi_startup may call */
/*
 * Run a request.  kernel_sysctl: name and buffers in kernel space (the
 * ktests, in-kernel users); userland_sysctl: name already copied in,
 * buffers and *oldlenp in user space.  *retval: bytes of old value.
 */
int	kernel_sysctl(struct thread *td, const int *name, u_int namelen,
	    void *old, size_t *oldlenp, const void *new, size_t newlen,
	    size_t *retval);
int	kernel_sysctlbyname(struct thread *td, const char *name, void *old,
	    size_t *oldlenp, const void *new, size_t newlen, size_t *retval);
int	userland_sysctl(struct thread *td, const int *name, u_int namelen,
	    void *old, size_t *oldlenp, const void *new, size_t newlen,
	    size_t *retval);
#endif /* _KERNEL */

#endif /* !_SYS_SYSCTL_H_ */
