/*
 * kern/vfs_mountroot.c: build the root file system from the initrd.
 *
 * Entry point: vfs_mountroot(), called once by mi_startup() after
 * kmalloc and the other CPUs are up, before the first process.
 *
 * / is a tmpfs (kern/vfs_tmpfs.c).  The boot loader hands the kernel a
 * cpio archive in the "newc" format (initrd_pa/initrd_size, machdep.c);
 * every directory, regular file and symbolic link in it is created in the
 * tmpfs.  A regular file's data is not copied: the tmpfs node points at
 * the bytes inside the archive (its pages are kept from the allocator for
 * ever) until the file is first modified.  Then /tmp (mode 1777) and
 * /dev are made if the archive lacks them, and /dev is populated
 * (vfs_dev.c).  The whole tree is writable; /tmp is a directory, not a
 * separate mount.
 *
 * newc: each member is a 110-byte ASCII header ("070701" or "070702",
 * then 13 eight-digit hex fields: ino, mode, uid, gid, nlink, mtime,
 * filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check),
 * the NUL-terminated name, padding to 4 bytes, the data, padding to 4;
 * the member named "TRAILER!!!" ends the archive.  Device nodes, FIFOs
 * and sockets in the archive are skipped; hard links are stored as
 * separate files.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/malloc.h>
#include <sys/stat.h>
#include <sys/vnode.h>
#include <machine/md_var.h>
#include <machine/pmap.h>

int	tmpfs_mount(struct mount **mpp);
void	tmpfs_set_external(struct vnode *vp, const char *data, size_t len);

#define CPIO_HDRLEN	110

struct cpio_member {
	const char	*cm_name;	/* in the archive, NUL-ended */
	const char	*cm_data;
	size_t		cm_size;
	uint32_t	cm_mode;
	uint32_t	cm_uid, cm_gid;
	uint64_t	cm_mtime;
};

static int
hex8(const char *p, uint32_t *v)
{
	uint32_t r = 0;

	for (int i = 0; i < 8; i++) {
		char c = p[i];
		int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return (EINVAL);
		r = r << 4 | d;
	}
	*v = r;
	return (0);
}

/*
 * Parse the member at *offp; advance *offp past it.  Returns 0, ENOENT
 * at the trailer, EINVAL for a malformed archive.
 */
static int
cpio_next(const char *base, size_t size, size_t *offp, struct cpio_member *m)
{
	size_t off = *offp, namesz;
	uint32_t f[13];

	if (off + CPIO_HDRLEN > size)
		return (EINVAL);
	if (memcmp(base + off, "07070", 5) != 0 ||
	    (base[off + 5] != '1' && base[off + 5] != '2'))
		return (EINVAL);
	for (int i = 0; i < 13; i++)
		if (hex8(base + off + 6 + 8 * i, &f[i]) != 0)
			return (EINVAL);
	namesz = f[11];
	if (namesz == 0 || off + CPIO_HDRLEN + namesz > size ||
	    base[off + CPIO_HDRLEN + namesz - 1] != '\0')
		return (EINVAL);
	m->cm_name = base + off + CPIO_HDRLEN;
	m->cm_mode = f[1];
	m->cm_uid = f[2];
	m->cm_gid = f[3];
	m->cm_mtime = f[5];
	m->cm_size = f[6];
	off = roundup(off + CPIO_HDRLEN + namesz, 4);
	if (off + m->cm_size > size)
		return (EINVAL);
	m->cm_data = base + off;
	*offp = roundup(off + m->cm_size, 4);
	if (strcmp(m->cm_name, "TRAILER!!!") == 0)
		return (ENOENT);
	return (0);
}

static int
only_slashes(const char *s)
{
	while (*s == '/')
		s++;
	return (*s == '\0');
}

/* Look up name in dvp, or make it a directory.  *vpp referenced. */
static int
mr_dir(struct vnode *dvp, const char *name, size_t len, int mode,
    struct vnode **vpp)
{
	struct vattr va;
	int error;

	error = dvp->v_op->vop_lookup(dvp, name, len, vpp);
	if (error != ENOENT)
		return (error);
	vattr_null(&va);
	va.va_type = VDIR;
	va.va_mode = mode;
	va.va_uid = va.va_gid = 0;
	return (dvp->v_op->vop_create(dvp, name, len, &va, NULL, NULL, vpp));
}

/*
 * Walk (creating directories) to the parent of path's last component;
 * returns the parent referenced and the last component in *namep, *lenp.
 */
static int
mr_parent(const char *path, struct vnode **dvpp, const char **namep,
    size_t *lenp)
{
	struct vnode *dvp = rootvnode, *vp;
	const char *p = path, *end;
	int error;

	vref(dvp);
	for (;;) {
		while (*p == '/')
			p++;
		end = p;
		while (*end != '\0' && *end != '/')
			end++;
		if (only_slashes(end))
			break;
		if (end - p > NAME_MAX) {
			vrele(dvp);
			return (ENAMETOOLONG);
		}
		error = mr_dir(dvp, p, end - p, 0755, &vp);
		vrele(dvp);
		if (error != 0)
			return (error);
		if (vp->v_type != VDIR) {
			vrele(vp);
			return (ENOTDIR);
		}
		dvp = vp;
		p = end;
	}
	*dvpp = dvp;
	*namep = p;
	*lenp = end - p;
	return (*lenp > NAME_MAX ? ENAMETOOLONG : 0);
}

static int
mr_member(struct cpio_member *m)
{
	const char *name = m->cm_name, *last;
	struct vnode *dvp, *vp = NULL;
	struct vattr va;
	char *target = NULL;
	size_t len;
	int error;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	if (*name == '\0' || strcmp(name, ".") == 0)
		return (0);
	error = mr_parent(name, &dvp, &last, &len);
	if (error != 0)
		return (error);
	vattr_null(&va);
	va.va_mode = m->cm_mode & ALLPERMS;
	va.va_uid = m->cm_uid;
	va.va_gid = m->cm_gid;
	switch (m->cm_mode & S_IFMT) {
	case S_IFDIR:
		error = mr_dir(dvp, last, len, va.va_mode, &vp);
		break;
	case S_IFREG:
		va.va_type = VREG;
		error = dvp->v_op->vop_create(dvp, last, len, &va, NULL, NULL,
		    &vp);
		if (error == 0)
			tmpfs_set_external(vp, m->cm_data, m->cm_size);
		break;
	case S_IFLNK:
		if (m->cm_size == 0 || m->cm_size >= MAXPATHLEN) {
			error = EINVAL;
			break;
		}
		target = kmalloc(m->cm_size + 1, M_TEMP, M_WAITOK);
		memcpy(target, m->cm_data, m->cm_size);
		target[m->cm_size] = '\0';
		va.va_type = VLNK;
		error = dvp->v_op->vop_create(dvp, last, len, &va, target,
		    NULL, &vp);
		kfree(target, M_TEMP);
		break;
	default:
		break;			/* devices, FIFOs: skipped */
	}
	if (error == 0 && vp != NULL) {
		/* Permissions and times as archived (mkdir -p made 0755). */
		vattr_null(&va);
		va.va_mode = m->cm_mode & ALLPERMS;
		va.va_uid = m->cm_uid;
		va.va_gid = m->cm_gid;
		va.va_mtime.tv_sec = (int64_t)m->cm_mtime;
		va.va_mtime.tv_nsec = 0;
		if (vp->v_type != VLNK)
			error = vp->v_op->vop_setattr(vp, &va);
	}
	if (vp != NULL)
		vrele(vp);
	vrele(dvp);
	return (error);
}

static void
mr_unpack(const char *base, size_t size)
{
	struct cpio_member m;
	size_t off = 0;
	int error, n = 0;

	while ((error = cpio_next(base, size, &off, &m)) == 0) {
		error = mr_member(&m);
		if (error != 0)
			kprintf("vfs: initrd: %s: error %d, skipped\n",
			    m.cm_name, error);
		else
			n++;
	}
	if (error != ENOENT)
		kprintf("vfs: initrd: malformed archive at offset %zu\n", off);
	kprintf("vfs: initrd: %d entries, %zu bytes\n", n, size);
}

static void
mr_ensure_dir(const char *name, int mode)
{
	struct vnode *vp;
	struct vattr va;

	if (mr_dir(rootvnode, name, strlen(name), mode, &vp) != 0)
		return;
	if (strcmp(name, "tmp") == 0 && vp->v_type == VDIR) {
		vattr_null(&va);
		va.va_mode = mode;
		(void)vp->v_op->vop_setattr(vp, &va);
	}
	vrele(vp);
}

int
vfs_mountroot(void)
{
	int error;

	KASSERT(rootmount == NULL, ("vfs_mountroot called twice"));
	error = tmpfs_mount(&rootmount);
	if (error != 0)
		panic("vfs_mountroot: tmpfs: error %d", error);
	rootvnode = rootmount->mnt_root;
	vfs_lock(rootmount, 1);
	if (initrd_size != 0)
		mr_unpack(PHYS_TO_DMAP(initrd_pa), initrd_size);
	else
		kprintf("vfs: no initrd; / is an empty tmpfs\n");
	mr_ensure_dir("tmp", 01777);
	mr_ensure_dir("dev", 0755);
	vfs_unlock(rootmount);
	devfs_populate();
	return (0);
}
