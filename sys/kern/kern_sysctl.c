/*
 * kern/kern_sysctl.c: the sysctl MIB: registration, lookup, the
 * __sysctl and __sysctlbyname system calls, the standard handlers and
 * the kernel-wide nodes (kern.*, hw.*, vm.*, net.isr.*).
 *
 * Entry points: sys___sysctl, sys___sysctlbyname (system calls);
 * kernel_sysctl, kernel_sysctlbyname (kernel callers, ktests);
 * sysctl_init (mi_startup, or the first request); the SYSCTL_* macros in
 * sys/sysctl.h (every file that exports a value).
 *
 * Registration: every OID is a static struct put in the linker set
 * set_sysctl by its macro.  sysctl_init() walks the set once, in two
 * passes (fixed numbers first, then OID_AUTO numbers handed out from
 * CTL_AUTO_START upward in each parent), inserting each OID in its
 * parent's list sorted by number.  After that the tree is immutable and
 * read with no lock; handlers synchronise their own data.
 *
 * A request (struct sysctl_req) carries the old buffer (oldptr/oldlen,
 * oldidx counting the bytes the value needs) and the new value
 * (newptr/newlen/newidx).  SYSCTL_OUT copies what fits and keeps
 * counting, so a handler runs once and the caller learns the full size;
 * the call ends with ENOMEM if the old buffer was short.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/objcache.h>
#include <sys/spinlock.h>
#include <sys/linker_set.h>
#include <sys/stdarg.h>
#include <sys/sysctl.h>
#include <sys/uio.h>
#include <sys/sysproto.h>
#include <machine/atomic.h>
#include <machine/md_var.h>
#include <machine/cpufunc.h>
#include <vm/vm_page.h>
#include <net/netisr2.h>

static MALLOC_DEFINE(M_SYSCTL, "sysctl", "sysctl request buffers");

#define SYSCTL_NAMEMAX	1024		/* longest dotted name */

SET_DECLARE(set_sysctl, struct sysctl_oid);

struct sysctl_oid_list sysctl__children;	/* the root */

/* Both locks are leaves: nothing is taken while they are held. */
static struct spinlock sysctl_init_lock = SPINLOCK_INITIALIZER("sysctl init",
    SPINRANK_SYSCTL);
static int sysctl_ready;			/* [a] */
/* Serialises string updates against readers (sysctl_handle_string). */
static struct spinlock sysctl_str_lock = SPINLOCK_INITIALIZER("sysctl str",
    SPINRANK_SYSCTLSTR);

/*
 * Registration.
 */
static void
sysctl_insert(struct sysctl_oid *oidp)
{
	struct sysctl_oid_list *list = oidp->oid_parent;
	struct sysctl_oid *p, *prev = NULL;

	if (oidp->oid_number == OID_AUTO) {
		int n = CTL_AUTO_START;

		SLIST_FOREACH(p, list, oid_link)
			if (p->oid_number >= n)
				n = p->oid_number + 1;
		oidp->oid_number = n;
	}
	SLIST_FOREACH(p, list, oid_link) {
		KASSERT(p->oid_number != oidp->oid_number ||
		    strcmp(p->oid_name, oidp->oid_name) == 0,
		    ("sysctl: %s and %s share number %d", p->oid_name,
		    oidp->oid_name, p->oid_number));
		if (p->oid_number > oidp->oid_number)
			break;
		prev = p;
	}
	if (prev == NULL)
		SLIST_INSERT_HEAD(list, oidp, oid_link);
	else {
		/* queue.h has no SLIST_INSERT_AFTER; link by hand. */
		oidp->oid_link.sle_next = prev->oid_link.sle_next;
		prev->oid_link.sle_next = oidp;
	}
}

void
sysctl_init(void)
{
	struct sysctl_oid *const *oidpp;

	if (atomic_load_int(&sysctl_ready))
		return;
	spin_lock(&sysctl_init_lock);
	if (!sysctl_ready) {
		SET_FOREACH(oidpp, set_sysctl)
			if ((*oidpp)->oid_number != OID_AUTO)
				sysctl_insert(*oidpp);
		SET_FOREACH(oidpp, set_sysctl)
			if ((*oidpp)->oid_number == OID_AUTO)
				sysctl_insert(*oidpp);
		atomic_store_int(&sysctl_ready, 1);
	}
	spin_unlock(&sysctl_init_lock);
}

static int
oid_is_node(struct sysctl_oid *oidp)
{
	return ((oidp->oid_kind & CTLTYPE) == CTLTYPE_NODE);
}

/*
 * Find the OID for name[0..namelen).  *consumed: components used (a node
 * with a handler stops the walk and gets the rest).
 */
static int
sysctl_find_oid(const int *name, u_int namelen, struct sysctl_oid **oidpp,
    u_int *consumed)
{
	struct sysctl_oid_list *list = &sysctl__children;
	struct sysctl_oid *oidp;
	u_int i = 0;

	while (i < namelen) {
		SLIST_FOREACH(oidp, list, oid_link)
			if (oidp->oid_number == name[i])
				break;
		if (oidp == NULL)
			return (ENOENT);
		i++;
		if (oid_is_node(oidp)) {
			if (oidp->oid_handler != NULL || i == namelen) {
				*oidpp = oidp;
				*consumed = i;
				return (0);
			}
			list = SYSCTL_CHILDREN(oidp);
		} else if (i == namelen) {
			*oidpp = oidp;
			*consumed = i;
			return (0);
		} else {
			return (ENOTDIR);
		}
	}
	return (ENOENT);
}

static struct sysctl_oid *
sysctl_find_name(struct sysctl_oid_list *list, const char *name, size_t len)
{
	struct sysctl_oid *oidp;

	SLIST_FOREACH(oidp, list, oid_link)
		if (strlen(oidp->oid_name) == len &&
		    memcmp(oidp->oid_name, name, len) == 0)
			return (oidp);
	return (NULL);
}

/* Dotted name -> numbers. */
static int
sysctl_name2oid(const char *name, int *oid, u_int *lenp)
{
	struct sysctl_oid_list *list = &sysctl__children;
	struct sysctl_oid *oidp;
	const char *p = name, *dot;
	u_int n = 0;

	if (*name == '\0')
		return (ENOENT);
	for (;;) {
		dot = strchr(p, '.');
		if (dot == NULL)
			dot = p + strlen(p);
		if (n == CTL_MAXNAME || list == NULL)
			return (ENOENT);
		oidp = sysctl_find_name(list, p, dot - p);
		if (oidp == NULL)
			return (ENOENT);
		oid[n++] = oidp->oid_number;
		if (*dot == '\0')
			break;
		p = dot + 1;
		list = oid_is_node(oidp) && oidp->oid_handler == NULL ?
		    SYSCTL_CHILDREN(oidp) : NULL;
	}
	*lenp = n;
	return (0);
}

/*
 * The first leaf (or node with a handler) after name in depth-first
 * order; name may be empty (the first one).  Returns 1 if found.
 */
static int
sysctl_next_in(struct sysctl_oid_list *list, const int *name, u_int namelen,
    int *out, u_int depth, u_int *outlen)
{
	struct sysctl_oid *oidp;
	int same;

	if (depth >= CTL_MAXNAME)
		return (0);
	SLIST_FOREACH(oidp, list, oid_link) {
		if (namelen > 0 && oidp->oid_number < name[0])
			continue;
		if (oidp->oid_kind & CTLFLAG_SKIP)
			continue;
		same = namelen > 0 && oidp->oid_number == name[0];
		out[depth] = oidp->oid_number;
		if (oid_is_node(oidp) && oidp->oid_handler == NULL) {
			if (sysctl_next_in(SYSCTL_CHILDREN(oidp),
			    same ? name + 1 : NULL, same ? namelen - 1 : 0,
			    out, depth + 1, outlen))
				return (1);
			continue;
		}
		if (same)
			continue;	/* the given OID: strictly after */
		*outlen = depth + 1;
		return (1);
	}
	return (0);
}

/*
 * Requests.
 */
int
sysctl_out(struct sysctl_req *req, const void *p, size_t len)
{
	size_t n = 0;
	int error = 0;

	if (req->oldptr != NULL && req->oldidx < req->oldlen) {
		n = MIN(len, req->oldlen - req->oldidx);
		if (req->user)
			error = copyout(p, (char *)req->oldptr + req->oldidx,
			    n);
		else
			memcpy((char *)req->oldptr + req->oldidx, p, n);
	}
	req->oldidx += len;
	if (error != 0)
		return (error);
	if (req->oldptr != NULL && n != len)
		return (ENOMEM);
	return (0);
}

int
sysctl_in(struct sysctl_req *req, void *p, size_t len)
{
	int error = 0;

	if (req->newptr == NULL)
		return (0);
	if (req->newlen - req->newidx < len)
		return (EINVAL);
	if (req->user)
		error = copyin((const char *)req->newptr + req->newidx, p, len);
	else
		memcpy(p, (const char *)req->newptr + req->newidx, len);
	req->newidx += len;
	return (error);
}

/*
 * Standard handlers.
 */
int
sysctl_handle_int(SYSCTL_HANDLER_ARGS)
{
	int v = arg1 != NULL ? atomic_load_int((int *)arg1) : (int)arg2;
	int error;

	error = SYSCTL_OUT(req, &v, sizeof(v));
	if (error != 0 || req->newptr == NULL)
		return (error);
	if (arg1 == NULL)
		return (EPERM);
	error = SYSCTL_IN(req, &v, sizeof(v));
	if (error == 0)
		atomic_store_int((int *)arg1, v);
	return (error);
}

int
sysctl_handle_long(SYSCTL_HANDLER_ARGS)
{
	long v = arg1 != NULL ?
	    __atomic_load_n((long *)arg1, __ATOMIC_RELAXED) : (long)arg2;
	int error;

	error = SYSCTL_OUT(req, &v, sizeof(v));
	if (error != 0 || req->newptr == NULL)
		return (error);
	if (arg1 == NULL)
		return (EPERM);
	error = SYSCTL_IN(req, &v, sizeof(v));
	if (error == 0)
		__atomic_store_n((long *)arg1, v, __ATOMIC_RELAXED);
	return (error);
}

int
sysctl_handle_64(SYSCTL_HANDLER_ARGS)
{
	uint64_t v = arg1 != NULL ?
	    __atomic_load_n((uint64_t *)arg1, __ATOMIC_RELAXED) :
	    (uint64_t)arg2;
	int error;

	error = SYSCTL_OUT(req, &v, sizeof(v));
	if (error != 0 || req->newptr == NULL)
		return (error);
	if (arg1 == NULL)
		return (EPERM);
	error = SYSCTL_IN(req, &v, sizeof(v));
	if (error == 0)
		__atomic_store_n((uint64_t *)arg1, v, __ATOMIC_RELAXED);
	return (error);
}

/*
 * arg1: the string; arg2: its buffer size if writable (0: read-only).
 * The old value is the string with its NUL.  A new value must leave
 * room for the NUL (EINVAL otherwise).
 */
int
sysctl_handle_string(SYSCTL_HANDLER_ARGS)
{
	size_t len, size = arg2 != 0 ? (size_t)arg2 : strlen(arg1) + 1;
	char *tmp;
	int error;

	tmp = kmalloc(size + 1, M_SYSCTL, M_WAITOK);
	spin_lock(&sysctl_str_lock);
	len = strlcpy(tmp, arg1, size + 1);
	spin_unlock(&sysctl_str_lock);
	error = SYSCTL_OUT(req, tmp, len + 1);
	if (error != 0 || req->newptr == NULL)
		goto out;
	if (arg2 == 0) {
		error = EPERM;
		goto out;
	}
	len = req->newlen - req->newidx;
	if (len >= size) {
		error = EINVAL;
		goto out;
	}
	error = SYSCTL_IN(req, tmp, len);
	if (error == 0) {
		tmp[len] = '\0';
		spin_lock(&sysctl_str_lock);
		memcpy(arg1, tmp, len + 1);
		spin_unlock(&sysctl_str_lock);
	}
out:
	kfree(tmp, M_SYSCTL);
	return (error);
}

int
sysctl_handle_opaque(SYSCTL_HANDLER_ARGS)
{
	int error;

	error = SYSCTL_OUT(req, arg1, arg2);
	if (error != 0 || req->newptr == NULL)
		return (error);
	return (SYSCTL_IN(req, arg1, arg2));
}

void
sysctl_sbuf_init(struct sysctl_sbuf *sb, size_t size)
{
	sb->sb_buf = kmalloc(size, M_SYSCTL, M_WAITOK);
	sb->sb_buf[0] = '\0';
	sb->sb_len = 0;
	sb->sb_size = size;
	sb->sb_overflow = 0;
}

void
sysctl_sbuf_printf(struct sysctl_sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->sb_overflow)
		return;
	va_start(ap, fmt);
	n = kvsnprintf(sb->sb_buf + sb->sb_len, sb->sb_size - sb->sb_len, fmt,
	    ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sb->sb_size - sb->sb_len) {
		sb->sb_overflow = 1;
		sb->sb_buf[sb->sb_len] = '\0';
		return;
	}
	sb->sb_len += n;
}

/*
 * A text report of unknown length: fill() writes it into a buffer that
 * doubles until the report fits, then it is sent to the caller.
 */
int
sysctl_sbuf_report(struct sysctl_req *req, size_t size,
    void (*fill)(struct sysctl_sbuf *))
{
	struct sysctl_sbuf sb;

	for (;;) {
		sysctl_sbuf_init(&sb, size);
		fill(&sb);
		if (!sb.sb_overflow)
			break;
		kfree(sb.sb_buf, M_SYSCTL);
		size *= 2;
	}
	return (sysctl_sbuf_finish(&sb, req));
}

int
sysctl_sbuf_finish(struct sysctl_sbuf *sb, struct sysctl_req *req)
{
	int error;

	error = SYSCTL_OUT(req, sb->sb_buf, sb->sb_len + 1);
	kfree(sb->sb_buf, M_SYSCTL);
	sb->sb_buf = NULL;
	return (error);
}

/*
 * The meta nodes {0, x}.
 */
static int
sysctl_meta_name(struct sysctl_req *req, const int *name, u_int namelen)
{
	struct sysctl_oid_list *list = &sysctl__children;
	struct sysctl_oid *oidp;
	char num[16];
	int error = 0;

	for (u_int i = 0; i < namelen && error == 0; i++) {
		const char *s;

		oidp = NULL;
		if (list != NULL)
			SLIST_FOREACH(oidp, list, oid_link)
				if (oidp->oid_number == name[i])
					break;
		if (oidp == NULL && list != NULL)
			return (ENOENT);
		if (i > 0)
			error = SYSCTL_OUT(req, ".", 1);
		if (error != 0)
			break;
		if (oidp != NULL) {
			s = oidp->oid_name;
			list = oid_is_node(oidp) && oidp->oid_handler == NULL ?
			    SYSCTL_CHILDREN(oidp) : NULL;
		} else {
			ksnprintf(num, sizeof(num), "%d", name[i]);
			s = num;	/* below a node with a handler */
		}
		error = SYSCTL_OUT(req, s, strlen(s));
	}
	if (error == 0)
		error = SYSCTL_OUT(req, "", 1);
	return (error);
}

static int
sysctl_meta(struct sysctl_req *req, const int *name, u_int namelen)
{
	struct sysctl_oid *oidp;
	int oid[CTL_MAXNAME];
	u_int len, used, kind;
	char *buf;
	int error;

	if (name[1] != 3 && req->newptr != NULL)
		return (EPERM);
	switch (name[1]) {
	case 1:				/* name */
		return (sysctl_meta_name(req, name + 2, namelen - 2));
	case 2:				/* next */
		if (!sysctl_next_in(&sysctl__children, name + 2, namelen - 2,
		    oid, 0, &len))
			return (ENOENT);
		return (SYSCTL_OUT(req, oid, len * sizeof(int)));
	case 3:				/* name2oid */
		if (req->newptr == NULL || req->newlen == 0)
			return (ENOENT);
		if (req->newlen >= SYSCTL_NAMEMAX)
			return (ENAMETOOLONG);
		buf = kmalloc(req->newlen + 1, M_SYSCTL, M_WAITOK);
		error = SYSCTL_IN(req, buf, req->newlen);
		buf[req->newlen] = '\0';
		if (error == 0)
			error = sysctl_name2oid(buf, oid, &len);
		kfree(buf, M_SYSCTL);
		if (error == 0)
			error = SYSCTL_OUT(req, oid, len * sizeof(int));
		return (error);
	case 4:				/* oidfmt */
	case 5:				/* oiddescr */
		error = sysctl_find_oid(name + 2, namelen - 2, &oidp, &used);
		if (error != 0)
			return (error);
		if (name[1] == 5)
			return (SYSCTL_OUT(req, oidp->oid_descr ?
			    oidp->oid_descr : "", strlen(oidp->oid_descr ?
			    oidp->oid_descr : "") + 1));
		kind = oidp->oid_kind;
		error = SYSCTL_OUT(req, &kind, sizeof(kind));
		if (error == 0)
			error = SYSCTL_OUT(req, oidp->oid_fmt,
			    strlen(oidp->oid_fmt) + 1);
		return (error);
	default:
		return (ENOENT);
	}
}

static int
sysctl_root(struct sysctl_req *req, const int *name, u_int namelen)
{
	struct sysctl_oid *oidp;
	u_int used;
	int error;

	sysctl_init();
	if (namelen < 2 || namelen > CTL_MAXNAME)
		return (EINVAL);
	if (name[0] == 0)
		return (sysctl_meta(req, name, namelen));
	error = sysctl_find_oid(name, namelen, &oidp, &used);
	if (error != 0)
		return (error);
	if (oid_is_node(oidp) && oidp->oid_handler == NULL)
		return (EISDIR);
	if (req->newptr != NULL) {
		if (!(oidp->oid_kind & CTLFLAG_WR))
			return (EPERM);
		if (req->td != NULL && req->td->td_proc != NULL &&
		    req->td->td_proc->p_ucred.cr_uid != 0 &&
		    !(oidp->oid_kind & CTLFLAG_ANYBODY))
			return (EPERM);
	}
	if (oidp->oid_handler == NULL)
		return (EINVAL);
	if (oid_is_node(oidp))
		return (oidp->oid_handler(oidp, __DECONST(int *, name + used),
		    namelen - used, req));
	return (oidp->oid_handler(oidp, oidp->oid_arg1, oidp->oid_arg2, req));
}

/* Run a request; *retval gets the size of the old value. */
static int
sysctl_run(struct sysctl_req *req, const int *name, u_int namelen,
    size_t *retval)
{
	int error;

	error = sysctl_root(req, name, namelen);
	if (retval != NULL) {
		if (req->oldptr != NULL && req->oldidx > req->oldlen)
			*retval = req->oldlen;
		else
			*retval = req->oldidx;
	}
	return (error);
}

int
kernel_sysctl(struct thread *td, const int *name, u_int namelen, void *old,
    size_t *oldlenp, const void *new, size_t newlen, size_t *retval)
{
	struct sysctl_req req;
	size_t len;
	int error;

	memset(&req, 0, sizeof(req));
	req.td = td;
	req.user = 0;
	if (oldlenp != NULL) {
		req.oldlen = *oldlenp;
		req.oldptr = old;
	}
	req.newptr = new;
	req.newlen = new != NULL ? newlen : 0;
	error = sysctl_run(&req, name, namelen, &len);
	if ((error == 0 || error == ENOMEM) && oldlenp != NULL)
		*oldlenp = len;
	if (retval != NULL)
		*retval = len;
	return (error);
}

int
kernel_sysctlbyname(struct thread *td, const char *name, void *old,
    size_t *oldlenp, const void *new, size_t newlen, size_t *retval)
{
	int oid[CTL_MAXNAME];
	u_int len;
	int error;

	sysctl_init();
	error = sysctl_name2oid(name, oid, &len);
	if (error != 0)
		return (error);
	return (kernel_sysctl(td, oid, len, old, oldlenp, new, newlen, retval));
}

int
userland_sysctl(struct thread *td, const int *name, u_int namelen, void *old,
    size_t *oldlenp, const void *new, size_t newlen, size_t *retval)
{
	struct sysctl_req req;
	size_t len = 0;
	int error;

	memset(&req, 0, sizeof(req));
	req.td = td;
	req.user = 1;
	if (oldlenp != NULL) {
		error = copyin(oldlenp, &req.oldlen, sizeof(req.oldlen));
		if (error != 0)
			return (error);
		req.oldptr = old;
	}
	req.newptr = new;
	req.newlen = new != NULL ? newlen : 0;
	error = sysctl_run(&req, name, namelen, &len);
	if (error != 0 && error != ENOMEM)
		return (error);
	if (oldlenp != NULL) {
		int e = copyout(&len, oldlenp, sizeof(len));

		if (e != 0)
			return (e);
	}
	if (retval != NULL)
		*retval = len;
	return (error);
}

int
sys___sysctl(struct thread *td, struct __sysctl_args *uap)
{
	int name[CTL_MAXNAME];
	size_t len;
	int error;

	if (uap->namelen > CTL_MAXNAME || uap->namelen < 2)
		return (EINVAL);
	error = copyin(uap->name, name, uap->namelen * sizeof(int));
	if (error != 0)
		return (error);
	error = userland_sysctl(td, name, uap->namelen, uap->old,
	    uap->oldlenp, uap->new, uap->newlen, &len);
	return (error);
}

int
sys___sysctlbyname(struct thread *td, struct __sysctlbyname_args *uap)
{
	int oid[CTL_MAXNAME];
	char *name;
	u_int len;
	size_t rlen;
	int error;

	if (uap->namelen >= SYSCTL_NAMEMAX)
		return (ENAMETOOLONG);
	name = kmalloc(uap->namelen + 1, M_SYSCTL, M_WAITOK);
	error = copyin(uap->name, name, uap->namelen);
	name[uap->namelen] = '\0';
	if (error == 0) {
		sysctl_init();
		error = sysctl_name2oid(name, oid, &len);
	}
	kfree(name, M_SYSCTL);
	if (error != 0)
		return (error);
	return (userland_sysctl(td, oid, len, uap->old, uap->oldlenp,
	    uap->new, uap->newlen, &rlen));
}

/*
 * The tree's top and the kernel-wide nodes.
 */
SYSCTL_NODE(, CTL_KERN, kern, CTLFLAG_RW, 0, "High kernel");
SYSCTL_NODE(, CTL_VM, vm, CTLFLAG_RW, 0, "Virtual memory");
SYSCTL_NODE(, CTL_VFS, vfs, CTLFLAG_RW, 0, "File systems");
SYSCTL_NODE(, CTL_NET, net, CTLFLAG_RW, 0, "Networking");
SYSCTL_NODE(, CTL_DEBUG, debug, CTLFLAG_RW, 0, "Debugging");
SYSCTL_NODE(, CTL_HW, hw, CTLFLAG_RW, 0, "Hardware");
SYSCTL_NODE(, CTL_MACHDEP, machdep, CTLFLAG_RW, 0, "Machine dependent");
SYSCTL_NODE(, CTL_USER, user, CTLFLAG_RW, 0, "User-level");
SYSCTL_NODE(_kern, KERN_IPC, ipc, CTLFLAG_RW, 0, "IPC");
SYSCTL_NODE(_kern, KERN_PROC, proc, CTLFLAG_RD, 0,
    "Processes (children added by the process layer)");
SYSCTL_NODE(_net, OID_AUTO, isr, CTLFLAG_RW, 0, "netisr threads");

static char ostype[] = "Damselfly";
static char osrelease[] = "0.3";
static char version[] = "Damselfly 0.3 (issue 3: user space)";
char hostname[256] = "damselfly";
SYSCTL_STRING(_kern, KERN_OSTYPE, ostype, CTLFLAG_RD, ostype, 0,
    "Operating system type");
SYSCTL_STRING(_kern, KERN_OSRELEASE, osrelease, CTLFLAG_RD, osrelease, 0,
    "Operating system release");
SYSCTL_STRING(_kern, KERN_VERSION, version, CTLFLAG_RD, version, 0,
    "Kernel version");
SYSCTL_STRING(_kern, KERN_HOSTNAME, hostname, CTLFLAG_RW, hostname,
    sizeof(hostname), "Hostname");
SYSCTL_INT(_kern, KERN_IOV_MAX, iov_max, CTLFLAG_RD, NULL, UIO_MAXIOV,
    "Maximum iovecs per readv/writev");

int somaxconn = 128;
u_long sb_max = 2 * 1024 * 1024;

static int
sysctl_somaxconn(SYSCTL_HANDLER_ARGS)
{
	int v = atomic_load_int(&somaxconn), error;

	error = SYSCTL_OUT(req, &v, sizeof(v));
	if (error != 0 || req->newptr == NULL)
		return (error);
	error = SYSCTL_IN(req, &v, sizeof(v));
	if (error != 0)
		return (error);
	if (v < 1 || v > 65535)
		return (EINVAL);
	atomic_store_int(&somaxconn, v);
	return (0);
}
SYSCTL_PROC(_kern_ipc, KIPC_SOMAXCONN, somaxconn, CTLTYPE_INT | CTLFLAG_RW,
    NULL, 0, sysctl_somaxconn, "I", "Maximum listen queue length");

static int
sysctl_maxsockbuf(SYSCTL_HANDLER_ARGS)
{
	u_long v = __atomic_load_n(&sb_max, __ATOMIC_RELAXED);
	int error;

	error = SYSCTL_OUT(req, &v, sizeof(v));
	if (error != 0 || req->newptr == NULL)
		return (error);
	error = SYSCTL_IN(req, &v, sizeof(v));
	if (error != 0)
		return (error);
	if (v < 2048 + 256)
		return (EINVAL);
	__atomic_store_n(&sb_max, v, __ATOMIC_RELAXED);
	return (0);
}
SYSCTL_PROC(_kern_ipc, KIPC_MAXSOCKBUF, maxsockbuf,
    CTLTYPE_ULONG | CTLFLAG_RW, NULL, 0, sysctl_maxsockbuf, "LU",
    "Maximum socket buffer size");

/* hw.* */
static char hw_machine[] = "amd64";
SYSCTL_STRING(_hw, HW_MACHINE, machine, CTLFLAG_RD, hw_machine, 0,
    "Machine class");
SYSCTL_STRING(_hw, HW_MACHINE_ARCH, machine_arch, CTLFLAG_RD, hw_machine, 0,
    "Machine architecture");
SYSCTL_INT(_hw, HW_NCPU, ncpu, CTLFLAG_RD, &ncpus, 0, "Number of CPUs");
SYSCTL_INT(_hw, HW_BYTEORDER, byteorder, CTLFLAG_RD, NULL, 1234,
    "Byte order");
SYSCTL_INT(_hw, HW_PAGESIZE, pagesize, CTLFLAG_RD, NULL, PAGE_SIZE,
    "Page size");
SYSCTL_ULONG(_hw, HW_PHYSMEM, physmem, CTLFLAG_RD, &physmem_total, 0,
    "Physical memory in bytes");
SYSCTL_ULONG(_hw, HW_REALMEM, realmem, CTLFLAG_RD, &physmem_total, 0,
    "Real memory in bytes");

static int
sysctl_usermem(SYSCTL_HANDLER_ARGS)
{
	u_long v = vm_page_free_count() * PAGE_SIZE;

	return (SYSCTL_OUT(req, &v, sizeof(v)));
}
SYSCTL_PROC(_hw, HW_USERMEM, usermem, CTLTYPE_ULONG | CTLFLAG_RD, NULL, 0,
    sysctl_usermem, "LU", "Free memory in bytes");

/*
 * kern.arandom: bytes from a per-call xorshift generator seeded from the
 * TSC.  Not cryptographic; enough for stack protectors and test data
 * until a real entropy source exists.
 */
static uint64_t arandom_state;		/* [a] */

static int
sysctl_arandom(SYSCTL_HANDLER_ARGS)
{
	uint8_t buf[256];
	size_t len = MIN(req->oldlen, sizeof(buf));
	uint64_t x;

	x = atomic_fetchadd_long(&arandom_state, 0x9e3779b97f4a7c15UL) ^
	    rdtsc();
	for (size_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf[i] = (uint8_t)(x >> 24);
	}
	return (SYSCTL_OUT(req, buf, len));
}
SYSCTL_PROC(_kern, KERN_ARND, arandom, CTLTYPE_OPAQUE | CTLFLAG_RD, NULL, 0,
    sysctl_arandom, "", "Random bytes (not cryptographic yet)");

/*
 * kern.malloc_stats: a table of every malloc type; kern.malloc_types:
 * the same as an array of struct malloc_type_stat_k.
 */
struct malloc_type_stat_k {
	char		mts_name[32];
	int64_t		mts_inuse;	/* bytes */
	int64_t		mts_count;	/* allocations */
	int64_t		mts_highwater;
	uint64_t	mts_total;
	uint64_t	mts_failures;
};

static void
malloc_stats_line(struct malloc_type *type, void *arg)
{
	struct sysctl_sbuf *sb = arg;
	struct malloc_stats ms;

	malloc_type_stats(type, &ms);
	sysctl_sbuf_printf(sb, "%-20s %10ld %8ld %10ld %10lu %6lu\n",
	    type->ks_shortdesc, ms.ms_inuse, ms.ms_count, ms.ms_highwater,
	    ms.ms_total, ms.ms_failures);
}

static void
malloc_stats_fill(struct sysctl_sbuf *sb)
{
	sysctl_sbuf_printf(sb, "%-20s %10s %8s %10s %10s %6s\n",
	    "TYPE", "INUSE", "COUNT", "HIGHWATER", "TOTAL", "FAIL");
	malloc_type_foreach(malloc_stats_line, sb);
}

static int
sysctl_malloc_stats(SYSCTL_HANDLER_ARGS)
{
	return (sysctl_sbuf_report(req, 4096, malloc_stats_fill));
}
SYSCTL_PROC(_kern, OID_AUTO, malloc_stats, CTLTYPE_STRING | CTLFLAG_RD,
    NULL, 0, sysctl_malloc_stats, "A", "kmalloc statistics by type");

struct mts_collect {
	struct malloc_type_stat_k *mc_buf;
	int	mc_n, mc_max;
};

static void
malloc_types_one(struct malloc_type *type, void *arg)
{
	struct mts_collect *mc = arg;
	struct malloc_type_stat_k *s;
	struct malloc_stats ms;

	if (mc->mc_n++ >= mc->mc_max)
		return;
	s = &mc->mc_buf[mc->mc_n - 1];
	memset(s, 0, sizeof(*s));
	strlcpy(s->mts_name, type->ks_shortdesc, sizeof(s->mts_name));
	malloc_type_stats(type, &ms);
	s->mts_inuse = ms.ms_inuse;
	s->mts_count = ms.ms_count;
	s->mts_highwater = ms.ms_highwater;
	s->mts_total = ms.ms_total;
	s->mts_failures = ms.ms_failures;
}

static int
sysctl_malloc_types(SYSCTL_HANDLER_ARGS)
{
	struct mts_collect mc = { NULL, 0, 64 };
	int error;

	for (;;) {
		mc.mc_buf = kmalloc(mc.mc_max * sizeof(*mc.mc_buf), M_SYSCTL,
		    M_WAITOK);
		mc.mc_n = 0;
		malloc_type_foreach(malloc_types_one, &mc);
		if (mc.mc_n <= mc.mc_max)
			break;
		kfree(mc.mc_buf, M_SYSCTL);
		mc.mc_max = mc.mc_n * 2;
	}
	error = SYSCTL_OUT(req, mc.mc_buf, mc.mc_n * sizeof(*mc.mc_buf));
	kfree(mc.mc_buf, M_SYSCTL);
	return (error);
}
SYSCTL_PROC(_kern, OID_AUTO, malloc_types, CTLTYPE_OPAQUE | CTLFLAG_RD,
    NULL, 0, sysctl_malloc_types, "S,malloc_type_stat",
    "kmalloc statistics by type (binary)");

/* vm.objcache_stats: one line per object cache. */
static void
objcache_stats_line(struct objcache *oc, void *arg)
{
	struct sysctl_sbuf *sb = arg;
	struct objcache_stats os;

	objcache_stats(oc, &os);
	sysctl_sbuf_printf(sb, "%-20s %6zu %10ld %10lu %8ld %6lu\n",
	    objcache_name(oc), objcache_objsize(oc), os.os_inuse, os.os_total,
	    os.os_cached, os.os_failures);
}

static void
objcache_stats_fill(struct sysctl_sbuf *sb)
{
	sysctl_sbuf_printf(sb, "%-20s %6s %10s %10s %8s %6s\n",
	    "CACHE", "SIZE", "INUSE", "TOTAL", "CACHED", "FAIL");
	objcache_foreach(objcache_stats_line, sb);
}

static int
sysctl_objcache_stats(SYSCTL_HANDLER_ARGS)
{
	return (sysctl_sbuf_report(req, 4096, objcache_stats_fill));
}
SYSCTL_PROC(_vm, OID_AUTO, objcache_stats, CTLTYPE_STRING | CTLFLAG_RD,
    NULL, 0, sysctl_objcache_stats, "A", "Object cache statistics");

static int
sysctl_vm_free(SYSCTL_HANDLER_ARGS)
{
	u_long v = vm_page_free_count();

	return (SYSCTL_OUT(req, &v, sizeof(v)));
}
SYSCTL_PROC(_vm, OID_AUTO, free_pages, CTLTYPE_ULONG | CTLFLAG_RD, NULL, 0,
    sysctl_vm_free, "LU", "Free physical pages");

/* net.isr.*: one line, or one struct netisr_stats, per netisr. */
SYSCTL_INT(_net_isr, OID_AUTO, numthreads, CTLFLAG_RD, &ncpus, 0,
    "netisr threads (one per CPU)");

static int
sysctl_netisr_stats(SYSCTL_HANDLER_ARGS)
{
	struct sysctl_sbuf sb;
	struct netisr_stats st;

	sysctl_sbuf_init(&sb, 256 + 160 * ncpus);
	sysctl_sbuf_printf(&sb, "%4s %12s %12s %10s %12s %10s %10s %8s %8s\n",
	    "CPU", "DISPATCHED", "INLINE", "SYNC", "QUEUED", "FORWARDS",
	    "REPLIES", "CHASES", "MOVES");
	for (int cpu = 0; cpu < ncpus; cpu++) {
		if (netisr_stats(cpu, &st) != 0)
			continue;
		sysctl_sbuf_printf(&sb, "%4d %12lu %12lu %10lu %12lu %10lu "
		    "%10lu %8lu %8lu\n", cpu, st.ns_dispatched, st.ns_inline,
		    st.ns_sync, st.ns_queued, st.ns_forwards, st.ns_replies,
		    st.ns_chases, st.ns_moves);
	}
	return (sysctl_sbuf_finish(&sb, req));
}
SYSCTL_PROC(_net_isr, OID_AUTO, stats, CTLTYPE_STRING | CTLFLAG_RD, NULL, 0,
    sysctl_netisr_stats, "A", "Per-netisr message counters");

static int
sysctl_netisr_stats_raw(SYSCTL_HANDLER_ARGS)
{
	struct netisr_stats st;
	int error = 0;

	for (int cpu = 0; cpu < ncpus && error == 0; cpu++) {
		if (netisr_stats(cpu, &st) != 0)
			memset(&st, 0, sizeof(st));
		error = SYSCTL_OUT(req, &st, sizeof(st));
	}
	return (error);
}
SYSCTL_PROC(_net_isr, OID_AUTO, stats_raw, CTLTYPE_OPAQUE | CTLFLAG_RD, NULL,
    0, sysctl_netisr_stats_raw, "S,netisr_stats",
    "struct netisr_stats per netisr");

/* kern.threads: every LWKT thread, like the kernel monitor's ps. */
void	lwkt_thread_foreach(void (*fn)(struct thread *, void *), void *arg);

static void
threads_line(struct thread *td, void *arg)
{
	static const char *const states[] = { "new", "runq", "run", "sleep",
	    "dead" };
	struct sysctl_sbuf *sb = arg;
	int st = td->td_state;

	sysctl_sbuf_printf(sb, "%6lu %3d %3d %-5s %-10s %-6d %s\n", td->td_id,
	    td->td_gd->gd_cpuid, td->td_pri,
	    st >= 0 && st < (int)nitems(states) ? states[st] : "?",
	    td->td_wmesg != NULL && st == TDS_SLEEP ? td->td_wmesg : "-",
	    td->td_proc != NULL ? td->td_proc->p_pid : -1, td->td_comm);
}

static void
threads_fill(struct sysctl_sbuf *sb)
{
	sysctl_sbuf_printf(sb, "%6s %3s %3s %-5s %-10s %-6s %s\n",
	    "TID", "CPU", "PRI", "STATE", "WAIT", "PID", "NAME");
	lwkt_thread_foreach(threads_line, sb);
}

static int
sysctl_threads(SYSCTL_HANDLER_ARGS)
{
	return (sysctl_sbuf_report(req, 8192, threads_fill));
}
SYSCTL_PROC(_kern, OID_AUTO, threads, CTLTYPE_STRING | CTLFLAG_RD, NULL, 0,
    sysctl_threads, "A", "Kernel and user threads");
