/*
 * kern/vfs_tmpfs.c: tmpfs, the in-memory file system that holds / .
 *
 * Entry points: tmpfs_mount() (vfs_mountroot.c), the vop vector
 * tmpfs_vnops reached through the generic layer, and tmpfs_set_external()
 * which lets the initrd loader point a file at bytes that stay in memory
 * (the cpio archive itself) instead of copying them.
 *
 * Nodes.  A tmpfs node embeds its vnode (one for one, for the node's
 * whole life); the node is freed by vop_reclaim when it has neither a
 * name nor a reference (see vfs_subr.c).  Regular files keep their data
 * in an array of pages (NULL: a hole, reads as zeros), or, until first
 * modified, in an external read-only byte range (initrd files); the first
 * write or truncate copies external data into pages.  Directories keep
 * a list of entries in creation order, each with a cookie that only
 * grows, used as the getdirentries offset: "." is 0, ".." is 1, entries
 * start at 2.  Directories know their parent (for ".." and getcwd).
 *
 * Locking: everything marked [m] is under the mount's mnt_lock
 * (exclusive to write); see the vop_vector comments in sys/vnode.h for
 * which operations run shared.  Data pages are allocated M_NOWAIT: a
 * full memory (or the mount's page limit, half of RAM) is ENOSPC, never
 * a sleep that could last for ever.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/malloc.h>
#include <sys/queue.h>
#include <sys/lock.h>
#include <sys/uio.h>
#include <sys/dirent.h>
#include <sys/vnode.h>
#include <sys/sysctl.h>
#include <machine/atomic.h>
#include <machine/md_var.h>

static MALLOC_DEFINE(M_TMPFSNODE, "tmpfs node", "tmpfs nodes");
static MALLOC_DEFINE(M_TMPFSDIRENT, "tmpfs dirent", "tmpfs names");
static MALLOC_DEFINE(M_TMPFSDATA, "tmpfs data", "tmpfs file pages");
static MALLOC_DEFINE(M_TMPFSMNT, "tmpfs mount", "tmpfs mounts");

struct tmpfs_node;

struct tmpfs_dirent {
	TAILQ_ENTRY(tmpfs_dirent) de_link;	/* [m] */
	struct tmpfs_node *de_node;		/* [m] */
	uint64_t	de_cookie;		/* [m] */
	uint16_t	de_namelen;
	char		de_name[];
};

struct tmpfs_mount {
	struct mount	tm_mount;
	uint64_t	tm_nextino;		/* [m] */
	int64_t		tm_pages;		/* [a] data pages used */
	int64_t		tm_maxpages;		/* [I] */
};

struct tmpfs_node {
	struct vnode	tn_vnode;		/* must be first */
	uint64_t	tn_ino;			/* [I] */
	int		tn_mode;		/* [m] permission bits */
	uint32_t	tn_uid, tn_gid;		/* [m] */
	uint64_t	tn_nlink;		/* [m] */
	int64_t		tn_size;		/* [m] */
	/* [m] */
	struct timespec	tn_atime, tn_mtime, tn_ctime, tn_birthtime;
	/* VDIR */
	TAILQ_HEAD(, tmpfs_dirent) tn_dir;	/* [m] */
	struct tmpfs_node *tn_parent;		/* [m] */
	uint64_t	tn_nextcookie;		/* [m] */
	int		tn_nentries;		/* [m] */
	/* VREG */
	char		**tn_pages;		/* [m] tn_npages slots */
	size_t		tn_npages;		/* [m] */
	const char	*tn_ext;		/* [m] external data */
	/* VLNK */
	char		*tn_link;		/* [I] tn_size bytes */
};

#define VTOTN(vp)	((struct tmpfs_node *)(vp)->v_data)
#define TNTOV(tn)	(&(tn)->tn_vnode)
#define VFSTOTM(mp)	((struct tmpfs_mount *)(mp))
/* No file may be bigger than the mount's page budget. */
#define TMPFS_MAXFILESIZE(vp)	\
	(VFSTOTM((vp)->v_mount)->tm_maxpages * (int64_t)PAGE_SIZE)

static const char tmpfs_zeros[PAGE_SIZE];
extern const struct vop_vector tmpfs_vnops;

static int64_t tmpfs_data_pages;	/* [a] all mounts */
SYSCTL_LONG(_vfs, OID_AUTO, tmpfs_pages, CTLFLAG_RD, &tmpfs_data_pages, 0,
    "tmpfs data pages in use");

static void
tmpfs_touch(struct tmpfs_node *tn, int mtime)
{
	struct timespec now;

	vfs_timestamp(&now);
	tn->tn_ctime = now;
	if (mtime)
		tn->tn_mtime = now;
}

/*
 * Nodes.
 */
static struct tmpfs_node *
tmpfs_node_alloc(struct tmpfs_mount *tm, enum vtype type, int mode,
    uint32_t uid, uint32_t gid)
{
	struct tmpfs_node *tn;

	tn = kmalloc(sizeof(*tn), M_TMPFSNODE, M_WAITOK | M_ZERO);
	vnode_init(TNTOV(tn), &tm->tm_mount, type, &tmpfs_vnops, tn);
	tn->tn_ino = tm->tm_nextino++;
	tn->tn_mode = mode & ALLPERMS;
	tn->tn_uid = uid;
	tn->tn_gid = gid;
	tn->tn_nlink = type == VDIR ? 2 : 1;
	TAILQ_INIT(&tn->tn_dir);
	tn->tn_nextcookie = 2;
	vfs_timestamp(&tn->tn_birthtime);
	tn->tn_atime = tn->tn_mtime = tn->tn_ctime = tn->tn_birthtime;
	return (tn);
}

static void
tmpfs_free_pages(struct tmpfs_node *tn, size_t from)
{
	struct tmpfs_mount *tm = VFSTOTM(TNTOV(tn)->v_mount);

	for (size_t i = from; i < tn->tn_npages; i++) {
		if (tn->tn_pages[i] == NULL)
			continue;
		kfree(tn->tn_pages[i], M_TMPFSDATA);
		tn->tn_pages[i] = NULL;
		atomic_subtract_long(&tm->tm_pages, 1);
		atomic_subtract_long(&tmpfs_data_pages, 1);
	}
}

static void
tmpfs_reclaim(struct vnode *vp)
{
	struct tmpfs_node *tn = VTOTN(vp);

	KASSERT(TAILQ_EMPTY(&tn->tn_dir), ("tmpfs: reclaiming a full dir"));
	if (tn->tn_pages != NULL) {
		tmpfs_free_pages(tn, 0);
		kfree(tn->tn_pages, M_TMPFSDATA);
	}
	if (tn->tn_link != NULL)
		kfree(tn->tn_link, M_TMPFSDATA);
	kfree(tn, M_TMPFSNODE);
}

/*
 * Directory entries.
 */
static struct tmpfs_dirent *
tmpfs_dir_find(struct tmpfs_node *dn, const char *name, size_t len)
{
	struct tmpfs_dirent *de;

	TAILQ_FOREACH(de, &dn->tn_dir, de_link)
		if (de->de_namelen == len &&
		    memcmp(de->de_name, name, len) == 0)
			return (de);
	return (NULL);
}

static struct tmpfs_dirent *
tmpfs_dirent_alloc(const char *name, size_t len, struct tmpfs_node *tn)
{
	struct tmpfs_dirent *de;

	de = kmalloc(sizeof(*de) + len, M_TMPFSDIRENT, M_WAITOK | M_ZERO);
	memcpy(de->de_name, name, len);
	de->de_namelen = len;
	de->de_node = tn;
	return (de);
}

static void
tmpfs_dir_attach(struct tmpfs_node *dn, struct tmpfs_dirent *de)
{
	de->de_cookie = dn->tn_nextcookie++;
	TAILQ_INSERT_TAIL(&dn->tn_dir, de, de_link);
	dn->tn_nentries++;
	dn->tn_size += _GENERIC_DIRLEN(de->de_namelen);
	if (de->de_node->tn_vnode.v_type == VDIR) {
		de->de_node->tn_parent = dn;
		dn->tn_nlink++;
	}
	tmpfs_touch(dn, 1);
}

static void
tmpfs_dir_detach(struct tmpfs_node *dn, struct tmpfs_dirent *de)
{
	TAILQ_REMOVE(&dn->tn_dir, de, de_link);
	dn->tn_nentries--;
	dn->tn_size -= _GENERIC_DIRLEN(de->de_namelen);
	if (de->de_node->tn_vnode.v_type == VDIR)
		dn->tn_nlink--;
	tmpfs_touch(dn, 1);
}

/* One name of tn is gone: count it, and tell the VFS at zero. */
static void
tmpfs_drop_link(struct tmpfs_node *tn)
{
	if (tn->tn_vnode.v_type == VDIR)
		tn->tn_nlink = 0;	/* "." and the parent's entry */
	else
		tn->tn_nlink--;
	tmpfs_touch(tn, 0);
	if (tn->tn_nlink == 0)
		vn_unlinked(TNTOV(tn));
}

/*
 * Operations.
 */
static int
tmpfs_lookup(struct vnode *dvp, const char *name, size_t len,
    struct vnode **vpp)
{
	struct tmpfs_dirent *de;

	ASSERT_VFS_LOCKED(dvp->v_mount);
	if (dvp->v_type != VDIR)
		return (ENOTDIR);
	de = tmpfs_dir_find(VTOTN(dvp), name, len);
	if (de == NULL)
		return (ENOENT);
	*vpp = TNTOV(de->de_node);
	vref(*vpp);
	return (0);
}

static int
tmpfs_create(struct vnode *dvp, const char *name, size_t len,
    struct vattr *vap, const char *target, struct cdevsw *dev,
    struct vnode **vpp)
{
	struct tmpfs_mount *tm = VFSTOTM(dvp->v_mount);
	struct tmpfs_node *dn = VTOTN(dvp), *tn;
	struct tmpfs_dirent *de;

	ASSERT_VFS_XLOCKED(dvp->v_mount);
	if (dn->tn_nlink == 0)
		return (ENOENT);	/* the directory was removed */
	if (tmpfs_dir_find(dn, name, len) != NULL)
		return (EEXIST);
	tn = tmpfs_node_alloc(tm, vap->va_type, vap->va_mode, vap->va_uid,
	    vap->va_gid);
	if (vap->va_type == VLNK) {
		tn->tn_size = strlen(target);
		tn->tn_link = kmalloc(tn->tn_size + 1, M_TMPFSDATA, M_WAITOK);
		memcpy(tn->tn_link, target, tn->tn_size + 1);
	}
	if (vap->va_type == VCHR)
		tn->tn_vnode.v_rdev = dev;
	de = tmpfs_dirent_alloc(name, len, tn);
	tmpfs_dir_attach(dn, de);
	*vpp = TNTOV(tn);
	vref(*vpp);
	return (0);
}

static int
tmpfs_remove(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct tmpfs_node *dn = VTOTN(dvp);
	struct tmpfs_dirent *de;

	ASSERT_VFS_XLOCKED(dvp->v_mount);
	de = tmpfs_dir_find(dn, name, len);
	if (de == NULL || TNTOV(de->de_node) != vp)
		return (ENOENT);
	tmpfs_dir_detach(dn, de);
	kfree(de, M_TMPFSDIRENT);
	tmpfs_drop_link(VTOTN(vp));
	return (0);
}

static int
tmpfs_rmdir(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct tmpfs_node *tn = VTOTN(vp);

	ASSERT_VFS_XLOCKED(dvp->v_mount);
	if (tn->tn_nentries != 0)
		return (ENOTEMPTY);
	return (tmpfs_remove(dvp, name, len, vp));
}

static int
tmpfs_link(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct tmpfs_node *dn = VTOTN(dvp), *tn = VTOTN(vp);

	ASSERT_VFS_XLOCKED(dvp->v_mount);
	if (dn->tn_nlink == 0)
		return (ENOENT);
	if (tmpfs_dir_find(dn, name, len) != NULL)
		return (EEXIST);
	tn->tn_nlink++;
	tmpfs_touch(tn, 0);
	tmpfs_dir_attach(dn, tmpfs_dirent_alloc(name, len, tn));
	return (0);
}

static int
tmpfs_rename(struct vnode *fdvp, const char *fname, size_t flen,
    struct vnode *fvp, struct vnode *tdvp, const char *tname, size_t tlen,
    struct vnode *tvp)
{
	struct tmpfs_node *fdn = VTOTN(fdvp), *tdn = VTOTN(tdvp);
	struct tmpfs_dirent *fde, *tde, *nde;

	ASSERT_VFS_XLOCKED(fdvp->v_mount);
	fde = tmpfs_dir_find(fdn, fname, flen);
	if (fde == NULL || TNTOV(fde->de_node) != fvp)
		return (ENOENT);
	if (tdn->tn_nlink == 0)
		return (ENOENT);
	if (tvp != NULL) {
		tde = tmpfs_dir_find(tdn, tname, tlen);
		if (tde == NULL || TNTOV(tde->de_node) != tvp)
			return (ENOENT);
		if (tvp->v_type == VDIR && VTOTN(tvp)->tn_nentries != 0)
			return (ENOTEMPTY);
	}
	/* Nothing can fail from here on. */
	nde = tmpfs_dirent_alloc(tname, tlen, fde->de_node);
	if (tvp != NULL) {
		tmpfs_dir_detach(tdn, tde);
		kfree(tde, M_TMPFSDIRENT);
		tmpfs_drop_link(VTOTN(tvp));
	}
	tmpfs_dir_detach(fdn, fde);
	kfree(fde, M_TMPFSDIRENT);
	tmpfs_dir_attach(tdn, nde);
	tmpfs_touch(VTOTN(fvp), 0);
	return (0);
}

/*
 * File data.
 */
static int
tmpfs_read(struct vnode *vp, struct uio *uio)
{
	struct tmpfs_node *tn = VTOTN(vp);
	int error = 0;

	ASSERT_VFS_LOCKED(vp->v_mount);
	if (vp->v_type == VDIR)
		return (EISDIR);
	if (vp->v_type != VREG)
		return (EOPNOTSUPP);
	if (uio->uio_offset < 0)
		return (EINVAL);
	while (uio->uio_resid > 0 && uio->uio_offset < tn->tn_size &&
	    error == 0) {
		off_t off = uio->uio_offset;
		size_t pg = off / PAGE_SIZE, po = off % PAGE_SIZE;
		size_t n = MIN(PAGE_SIZE - po, (size_t)(tn->tn_size - off));
		const char *src;

		if (tn->tn_ext != NULL)
			src = tn->tn_ext + off;
		else if (pg < tn->tn_npages && tn->tn_pages[pg] != NULL)
			src = tn->tn_pages[pg] + po;
		else
			src = tmpfs_zeros + po;
		error = uiomove(__DECONST(char *, src), n, uio);
	}
	return (error);
}

/* Make room for `pages' page slots. */
static void
tmpfs_grow_array(struct tmpfs_node *tn, size_t pages)
{
	size_t n = tn->tn_npages ? tn->tn_npages : 4;
	char **np;

	if (pages <= tn->tn_npages)
		return;
	while (n < pages)
		n *= 2;
	np = kmalloc(n * sizeof(char *), M_TMPFSDATA, M_WAITOK | M_ZERO);
	if (tn->tn_pages != NULL) {
		memcpy(np, tn->tn_pages, tn->tn_npages * sizeof(char *));
		kfree(tn->tn_pages, M_TMPFSDATA);
	}
	tn->tn_pages = np;
	tn->tn_npages = n;
}

static char *
tmpfs_page(struct tmpfs_node *tn, size_t pg)
{
	struct tmpfs_mount *tm = VFSTOTM(TNTOV(tn)->v_mount);
	char *p;

	if (tn->tn_pages[pg] != NULL)
		return (tn->tn_pages[pg]);
	if (atomic_fetchadd_long(&tm->tm_pages, 1) >= tm->tm_maxpages) {
		atomic_subtract_long(&tm->tm_pages, 1);
		return (NULL);
	}
	p = kmalloc(PAGE_SIZE, M_TMPFSDATA, M_NOWAIT | M_ZERO);
	if (p == NULL) {
		atomic_subtract_long(&tm->tm_pages, 1);
		return (NULL);
	}
	atomic_add_long(&tmpfs_data_pages, 1);
	tn->tn_pages[pg] = p;
	return (p);
}

/* Copy external (initrd) data into pages before the first change. */
static int
tmpfs_privatise(struct tmpfs_node *tn)
{
	const char *ext = tn->tn_ext;

	if (ext == NULL)
		return (0);
	tmpfs_grow_array(tn, howmany(tn->tn_size, PAGE_SIZE));
	for (off_t off = 0; off < tn->tn_size; off += PAGE_SIZE) {
		char *p = tmpfs_page(tn, off / PAGE_SIZE);

		if (p == NULL) {
			tmpfs_free_pages(tn, 0);
			return (ENOSPC);
		}
		memcpy(p, ext + off,
		    MIN(PAGE_SIZE, (size_t)(tn->tn_size - off)));
	}
	tn->tn_ext = NULL;
	return (0);
}

static int
tmpfs_write(struct vnode *vp, struct uio *uio, int ioflag)
{
	struct tmpfs_node *tn = VTOTN(vp);
	int error;

	ASSERT_VFS_XLOCKED(vp->v_mount);
	if (vp->v_type != VREG)
		return (vp->v_type == VDIR ? EISDIR : EOPNOTSUPP);
	if (ioflag & IO_APPEND)
		uio->uio_offset = tn->tn_size;
	if (uio->uio_offset < 0)
		return (EINVAL);
	if (uio->uio_resid == 0)
		return (0);
	if (uio->uio_resid > TMPFS_MAXFILESIZE(vp) ||
	    uio->uio_offset > TMPFS_MAXFILESIZE(vp) - uio->uio_resid)
		return (EFBIG);
	error = tmpfs_privatise(tn);
	if (error != 0)
		return (error);
	tmpfs_grow_array(tn, howmany(uio->uio_offset + uio->uio_resid,
	    PAGE_SIZE));
	while (uio->uio_resid > 0) {
		off_t off = uio->uio_offset;
		size_t po = off % PAGE_SIZE, n;
		char *p = tmpfs_page(tn, off / PAGE_SIZE);

		if (p == NULL) {
			error = ENOSPC;
			break;
		}
		n = MIN(PAGE_SIZE - po, (size_t)uio->uio_resid);
		error = uiomove(p + po, n, uio);
		if (uio->uio_offset > tn->tn_size)
			tn->tn_size = uio->uio_offset;
		if (error != 0)
			break;
	}
	tmpfs_touch(tn, 1);
	return (error);
}

static int
tmpfs_truncate(struct tmpfs_node *tn, off_t size)
{
	size_t keep;
	int error;

	if (size < 0)
		return (EINVAL);
	if (size > TMPFS_MAXFILESIZE(TNTOV(tn)))
		return (EFBIG);
	error = tmpfs_privatise(tn);
	if (error != 0)
		return (error);
	if (size < tn->tn_size) {
		keep = howmany(size, PAGE_SIZE);
		if (tn->tn_pages != NULL) {
			tmpfs_free_pages(tn, keep);
			/* Zero the tail of the last page kept. */
			if (size % PAGE_SIZE && tn->tn_pages[keep - 1] != NULL)
				memset(tn->tn_pages[keep - 1] +
				    size % PAGE_SIZE, 0,
				    PAGE_SIZE - size % PAGE_SIZE);
		}
	} else {
		tmpfs_grow_array(tn, howmany(size, PAGE_SIZE));
	}
	tn->tn_size = size;
	tmpfs_touch(tn, 1);
	return (0);
}

/*
 * Directories and links.
 */
static int
tmpfs_dirent_out(uint64_t ino, int type, const char *name, size_t len,
    off_t next, struct uio *uio)
{
	struct dirent d;
	size_t reclen = _GENERIC_DIRLEN(len);

	if ((size_t)uio->uio_resid < reclen)
		return (-1);
	memset(&d, 0, reclen);
	d.d_fileno = ino;
	d.d_off = next;
	d.d_reclen = reclen;
	d.d_type = type;
	d.d_namlen = len;
	memcpy(d.d_name, name, len);
	return (uiomove(&d, reclen, uio));
}

static int
vtype_to_dt(enum vtype t)
{
	switch (t) {
	case VREG:	return (DT_REG);
	case VDIR:	return (DT_DIR);
	case VLNK:	return (DT_LNK);
	case VCHR:	return (DT_CHR);
	case VSOCK:	return (DT_SOCK);
	case VFIFO:	return (DT_FIFO);
	default:	return (DT_UNKNOWN);
	}
}

/*
 * Entries from the cookie in uio_offset, as many whole records as fit;
 * EINVAL if not even one fits.  uio_offset ends as the next cookie.
 */
static int
tmpfs_readdir(struct vnode *vp, struct uio *uio)
{
	struct tmpfs_node *dn = VTOTN(vp), *parent;
	struct tmpfs_dirent *de;
	off_t cookie = uio->uio_offset;
	ssize_t start = uio->uio_resid;
	int error = 0;

	ASSERT_VFS_LOCKED(vp->v_mount);
	if (vp->v_type != VDIR)
		return (ENOTDIR);
	if (cookie < 0)
		return (EINVAL);
	parent = dn->tn_parent != NULL ? dn->tn_parent : dn;
	if (cookie == 0) {
		error = tmpfs_dirent_out(dn->tn_ino, DT_DIR, ".", 1, 1, uio);
		if (error == 0)
			cookie = 1;
	}
	if (error == 0 && cookie == 1) {
		error = tmpfs_dirent_out(parent->tn_ino, DT_DIR, "..", 2, 2,
		    uio);
		if (error == 0)
			cookie = 2;
	}
	if (error == 0) {
		TAILQ_FOREACH(de, &dn->tn_dir, de_link) {
			if ((off_t)de->de_cookie < cookie)
				continue;
			error = tmpfs_dirent_out(de->de_node->tn_ino,
			    vtype_to_dt(de->de_node->tn_vnode.v_type),
			    de->de_name, de->de_namelen, de->de_cookie + 1,
			    uio);
			if (error != 0)
				break;
			cookie = de->de_cookie + 1;
		}
		if (error == 0 && cookie < (off_t)dn->tn_nextcookie)
			cookie = dn->tn_nextcookie;	/* at the end */
	}
	if (error < 0)
		error = uio->uio_resid == start ? EINVAL : 0;
	uio->uio_offset = cookie;
	return (error);
}

static int
tmpfs_readlink(struct vnode *vp, struct uio *uio)
{
	struct tmpfs_node *tn = VTOTN(vp);

	if (vp->v_type != VLNK)
		return (EINVAL);
	return (uiomove(tn->tn_link, MIN((size_t)tn->tn_size,
	    (size_t)uio->uio_resid), uio));
}

static int
tmpfs_getattr(struct vnode *vp, struct vattr *vap)
{
	struct tmpfs_node *tn = VTOTN(vp);

	vap->va_type = vp->v_type;
	vap->va_mode = tn->tn_mode;
	vap->va_nlink = tn->tn_nlink;
	vap->va_uid = tn->tn_uid;
	vap->va_gid = tn->tn_gid;
	vap->va_fsid = vp->v_mount->mnt_fsid;
	vap->va_fileid = tn->tn_ino;
	vap->va_size = tn->tn_size;
	vap->va_blocksize = PAGE_SIZE;
	vap->va_bytes = vp->v_type == VREG ? roundup(tn->tn_size, PAGE_SIZE) :
	    tn->tn_size;
	vap->va_rdev = vp->v_rdev != NULL ? (uint64_t)vp->v_rdev->d_unit :
	    (uint64_t)VNOVAL;
	vap->va_atime = tn->tn_atime;
	vap->va_mtime = tn->tn_mtime;
	vap->va_ctime = tn->tn_ctime;
	vap->va_birthtime = tn->tn_birthtime;
	return (0);
}

static int
tmpfs_setattr(struct vnode *vp, struct vattr *vap)
{
	struct tmpfs_node *tn = VTOTN(vp);
	int error = 0;

	ASSERT_VFS_XLOCKED(vp->v_mount);
	if (vap->va_size != VNOVAL) {
		if (vp->v_type == VDIR)
			return (EISDIR);
		if (vp->v_type != VREG)
			return (EINVAL);
		error = tmpfs_truncate(tn, vap->va_size);
		if (error != 0)
			return (error);
	}
	if (vap->va_mode != VNOVAL)
		tn->tn_mode = vap->va_mode & ALLPERMS;
	if (vap->va_uid != (uint32_t)VNOVAL)
		tn->tn_uid = vap->va_uid;
	if (vap->va_gid != (uint32_t)VNOVAL)
		tn->tn_gid = vap->va_gid;
	if (vap->va_atime.tv_sec != VNOVAL)
		tn->tn_atime = vap->va_atime;
	if (vap->va_mtime.tv_sec != VNOVAL)
		tn->tn_mtime = vap->va_mtime;
	tmpfs_touch(tn, 0);
	return (0);
}

static int
tmpfs_parent(struct vnode *vp, char *name, size_t size, struct vnode **dvpp)
{
	struct tmpfs_node *tn = VTOTN(vp), *pn = tn->tn_parent;
	struct tmpfs_dirent *de;

	ASSERT_VFS_LOCKED(vp->v_mount);
	if (vp->v_type != VDIR || pn == NULL || tn->tn_nlink == 0)
		return (ENOENT);
	TAILQ_FOREACH(de, &pn->tn_dir, de_link) {
		if (de->de_node != tn)
			continue;
		if ((size_t)de->de_namelen + 1 > size)
			return (ENAMETOOLONG);
		memcpy(name, de->de_name, de->de_namelen);
		name[de->de_namelen] = '\0';
		*dvpp = TNTOV(pn);
		vref(*dvpp);
		return (0);
	}
	return (ENOENT);
}

const struct vop_vector tmpfs_vnops = {
	.vop_lookup = tmpfs_lookup,
	.vop_create = tmpfs_create,
	.vop_remove = tmpfs_remove,
	.vop_rmdir = tmpfs_rmdir,
	.vop_link = tmpfs_link,
	.vop_rename = tmpfs_rename,
	.vop_read = tmpfs_read,
	.vop_write = tmpfs_write,
	.vop_readdir = tmpfs_readdir,
	.vop_readlink = tmpfs_readlink,
	.vop_getattr = tmpfs_getattr,
	.vop_setattr = tmpfs_setattr,
	.vop_parent = tmpfs_parent,
	.vop_reclaim = tmpfs_reclaim,
};

/*
 * Mounting.
 */
int	tmpfs_mount(struct mount **mpp);
void	tmpfs_set_external(struct vnode *vp, const char *data, size_t len);

int
tmpfs_mount(struct mount **mpp)
{
	static uint64_t fsid = 0x7f000001;
	struct tmpfs_mount *tm;
	struct tmpfs_node *root;

	tm = kmalloc(sizeof(*tm), M_TMPFSMNT, M_WAITOK | M_ZERO);
	lockinit(&tm->tm_mount.mnt_lock, "tmpfs");
	tm->tm_mount.mnt_op = &tmpfs_vnops;
	tm->tm_mount.mnt_data = tm;
	tm->tm_mount.mnt_fsid = fsid++;
	tm->tm_nextino = 2;
	tm->tm_maxpages = (int64_t)(physmem_total / 2 / PAGE_SIZE);
	root = tmpfs_node_alloc(tm, VDIR, 0755, 0, 0);
	root->tn_vnode.v_vflag |= VV_ROOT;
	vref(TNTOV(root));
	tm->tm_mount.mnt_root = TNTOV(root);
	*mpp = &tm->tm_mount;
	return (0);
}

/* Point regular file vp (empty) at read-only bytes that never go away. */
void
tmpfs_set_external(struct vnode *vp, const char *data, size_t len)
{
	struct tmpfs_node *tn = VTOTN(vp);

	ASSERT_VFS_XLOCKED(vp->v_mount);
	KASSERT(vp->v_type == VREG && tn->tn_size == 0 && tn->tn_pages == NULL,
	    ("tmpfs_set_external: not an empty file"));
	tn->tn_ext = data;
	tn->tn_size = len;
}
