/*
 * kern/vfs_vnops.c: vnodes as open files, and vnode helpers for the
 * rest of the kernel.
 *
 * Entry points:
 *   vn_open()          open(2)'s work: lookup/create, checks, truncate
 *   vnops              the fileops of DTYPE_VNODE files
 *   vn_stat()          struct stat from a vnode (fstat, stat)
 *   vn_access()        permission checks
 *   namei_kernel(), vn_read_kernel(), vn_write_kernel(),
 *   vn_getattr_kernel() for exec and other kernel users
 *   vn_bind_socket()   AF_UNIX bind (socket layer, next issue)
 *
 * Reads and writes of regular files hold the file's offset lock (unless
 * pread/pwrite) and then rootmount's mnt_lock, shared to read, exclusive
 * to write: a read never sees half of a write.  Character devices are
 * called without mnt_lock (a console read may block for ever).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/lock.h>
#include <sys/file.h>
#include <sys/filio.h>
#include <sys/poll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vnode.h>

int	vn_access_cred(struct vnode *vp, int mode, struct proc *p);
int	vn_open(struct proc *p, struct vnode *dirvp, const char *path,
	    int fmode, int cmode, struct vnode **vpp);

static int
vtype_to_mode(enum vtype t)
{
	switch (t) {
	case VREG:	return (S_IFREG);
	case VDIR:	return (S_IFDIR);
	case VLNK:	return (S_IFLNK);
	case VCHR:	return (S_IFCHR);
	case VSOCK:	return (S_IFSOCK);
	case VFIFO:	return (S_IFIFO);
	default:	return (0);
	}
}

int
vn_stat(struct vnode *vp, struct stat *sb)
{
	struct vattr va;
	int error;

	vattr_null(&va);
	error = vp->v_op->vop_getattr(vp, &va);
	if (error != 0)
		return (error);
	memset(sb, 0, sizeof(*sb));
	sb->st_dev = va.va_fsid;
	sb->st_ino = va.va_fileid;
	sb->st_nlink = va.va_nlink;
	sb->st_mode = vtype_to_mode(va.va_type) | (va.va_mode & ALLPERMS);
	sb->st_uid = va.va_uid;
	sb->st_gid = va.va_gid;
	sb->st_rdev = va.va_rdev == (uint64_t)VNOVAL ? 0 : va.va_rdev;
	sb->st_atim = va.va_atime;
	sb->st_mtim = va.va_mtime;
	sb->st_ctim = va.va_ctime;
	sb->st_birthtim = va.va_birthtime;
	sb->st_size = va.va_size;
	sb->st_blocks = howmany(va.va_bytes, 512);
	sb->st_blksize = va.va_blocksize;
	return (0);
}

/*
 * Permission check for process p (NULL: the kernel, as root).  Root may
 * do anything except execute a regular file with no execute bit.
 */
int
vn_access_cred(struct vnode *vp, int mode, struct proc *p)
{
	struct vattr va;
	uint32_t uid = 0, gid = 0;
	int bits, error;

	vattr_null(&va);
	error = vp->v_op->vop_getattr(vp, &va);
	if (error != 0)
		return (error);
	if (p != NULL) {
		uid = p->p_ucred.cr_uid;
		gid = p->p_ucred.cr_gid;
	}
	if (uid == 0) {
		if ((mode & VEXEC) && vp->v_type != VDIR &&
		    (va.va_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0)
			return (EACCES);
		return (0);
	}
	if (uid == va.va_uid)
		bits = (va.va_mode >> 6) & 7;
	else if (gid == va.va_gid)
		bits = (va.va_mode >> 3) & 7;
	else
		bits = va.va_mode & 7;
	if (((mode & VREAD) && !(bits & 4)) ||
	    ((mode & VWRITE) && !(bits & 2)) ||
	    ((mode & VEXEC) && !(bits & 1)))
		return (EACCES);
	return (0);
}

int
vn_access(struct vnode *vp, int mode, struct thread *td)
{
	return (vn_access_cred(vp, mode, td != NULL ? td->td_proc : NULL));
}

static int
vn_umask(struct proc *p)
{
	int m;

	if (p == NULL)
		return (022);
	spin_lock(&p->p_spin);
	m = p->p_umask;
	spin_unlock(&p->p_spin);
	return (m);
}

static void
vn_cred(struct proc *p, struct vattr *va)
{
	va->va_uid = p != NULL ? p->p_ucred.cr_uid : 0;
	va->va_gid = p != NULL ? p->p_ucred.cr_gid : 0;
}

/* Create a regular file at nd's free name; returns it referenced. */
static int
vn_open_create(struct proc *p, struct nameidata *nd, int cmode,
    struct vnode **vpp)
{
	struct vattr va;
	int error;

	if (nd->ni_trailing_slash)
		return (EISDIR);
	error = vn_access_cred(nd->ni_dvp, VWRITE, p);
	if (error != 0)
		return (error);
	vattr_null(&va);
	va.va_type = VREG;
	va.va_mode = cmode & ~vn_umask(p) & ALLPERMS;
	vn_cred(p, &va);
	return (nd->ni_dvp->v_op->vop_create(nd->ni_dvp, nd->ni_name,
	    nd->ni_namelen, &va, NULL, NULL, vpp));
}

/* Checks on an existing vnode being opened with fmode (FREAD...). */
static int
vn_open_check(struct proc *p, struct vnode *vp, int fmode)
{
	int mode = 0;

	if (vp->v_type == VLNK)
		return (EMLINK);	/* O_NOFOLLOW: FreeBSD's errno */
	if (vp->v_type == VSOCK)
		return (EOPNOTSUPP);
	if ((fmode & O_DIRECTORY) && vp->v_type != VDIR)
		return (ENOTDIR);
	if (vp->v_type == VDIR && (fmode & (FWRITE | O_CREAT | O_TRUNC)))
		return (EISDIR);
	if (fmode & FREAD)
		mode |= VREAD;
	if (fmode & (FWRITE | O_TRUNC))
		mode |= VWRITE;
	if (fmode & FEXEC)
		mode |= VEXEC;
	return (vn_access_cred(vp, mode, p));
}

/*
 * Open path (relative to dirvp, or p's cwd) with fmode = FFLAGS(flags);
 * cmode is the creation mode.  Returns the vnode referenced.
 */
int
vn_open(struct proc *p, struct vnode *dirvp, const char *path, int fmode,
    int cmode, struct vnode **vpp)
{
	struct nameidata nd;
	struct vnode *vp = NULL;
	struct vattr va;
	int excl = (fmode & (O_CREAT | O_TRUNC)) != 0, error, created = 0;

	vfs_lock(rootmount, excl);
	memset(&nd, 0, sizeof(nd));
	nd.ni_path = path;
	nd.ni_op = (fmode & O_CREAT) ? NI_CREATE : NI_LOOKUP;
	nd.ni_flags = NI_WANTPARENT;
	if (!(fmode & O_NOFOLLOW) &&
	    (fmode & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL))
		nd.ni_flags |= NI_FOLLOW;
	nd.ni_startdir = dirvp;
	nd.ni_proc = p;
	error = namei(&nd);
	if (error != 0)
		goto out;
	if (nd.ni_vp == NULL) {
		error = vn_open_create(p, &nd, cmode, &vp);
		created = 1;
	} else if ((fmode & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
		error = EEXIST;
	} else {
		vp = nd.ni_vp;
		vref(vp);
		error = vn_open_check(p, vp, fmode);
	}
	if (error == 0 && !created && (fmode & O_TRUNC) &&
	    vp->v_type == VREG) {
		vattr_null(&va);
		va.va_size = 0;
		error = vp->v_op->vop_setattr(vp, &va);
	}
	nameidone(&nd);
out:
	vfs_unlock(rootmount);
	if (error == 0 && vp->v_type == VCHR && vp->v_rdev->d_open != NULL)
		error = vp->v_rdev->d_open(vp->v_rdev, fmode);
	if (error != 0 && vp != NULL) {
		vrele(vp);
		vp = NULL;
	}
	*vpp = vp;
	return (error);
}

/*
 * File operations.
 */
static int
vn_rdwr_file(struct file *fp, struct uio *uio, int flags, int write)
{
	struct vnode *vp = fp->f_vnode;
	int error, ioflag = 0;

	if (vp->v_type == VCHR) {
		struct cdevsw *dev = vp->v_rdev;

		return (write ? dev->d_write(dev, uio, fp->f_flag) :
		    dev->d_read(dev, uio, fp->f_flag));
	}
	if (vp->v_type == VDIR)
		return (EISDIR);
	if (!(flags & FOF_OFFSET)) {
		lockmgr(&fp->f_offlock, LK_EXCLUSIVE);
		uio->uio_offset = fp->f_offset;
	}
	if (write && (fp->f_flag & FAPPEND))
		ioflag |= IO_APPEND;
	vfs_lock(vp->v_mount, write);
	if (write)
		error = vp->v_op->vop_write(vp, uio, ioflag);
	else
		error = vp->v_op->vop_read(vp, uio);
	vfs_unlock(vp->v_mount);
	if (!(flags & FOF_OFFSET)) {
		fp->f_offset = uio->uio_offset;
		lockmgr(&fp->f_offlock, LK_RELEASE);
	}
	return (error);
}

static int
vn_read(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	return (vn_rdwr_file(fp, uio, flags, 0));
}

static int
vn_write(struct file *fp, struct uio *uio, int flags, struct thread *td)
{
	return (vn_rdwr_file(fp, uio, flags, 1));
}

static int
vn_truncate(struct file *fp, off_t length, struct thread *td)
{
	struct vnode *vp = fp->f_vnode;
	struct vattr va;
	int error;

	if (length < 0 || !(fp->f_flag & FWRITE))
		return (EINVAL);
	if (vp->v_type == VDIR)
		return (EISDIR);
	if (vp->v_type != VREG)
		return (EINVAL);
	vattr_null(&va);
	va.va_size = length;
	vfs_lock(vp->v_mount, 1);
	error = vp->v_op->vop_setattr(vp, &va);
	vfs_unlock(vp->v_mount);
	return (error);
}

static int
vn_ioctl(struct file *fp, u_long com, void *data, struct thread *td)
{
	struct vnode *vp = fp->f_vnode;
	struct vattr va;
	int error;

	if (vp->v_type == VCHR) {
		if (vp->v_rdev->d_ioctl == NULL)
			return (ENOTTY);
		return (vp->v_rdev->d_ioctl(vp->v_rdev, com, data,
		    fp->f_flag));
	}
	switch (com) {
	case FIONBIO:
	case FIOASYNC:
		return (0);
	case FIONREAD:
		if (vp->v_type != VREG)
			return (ENOTTY);
		vattr_null(&va);
		vfs_lock(vp->v_mount, 0);
		error = vp->v_op->vop_getattr(vp, &va);
		vfs_unlock(vp->v_mount);
		if (error == 0) {
			lockmgr(&fp->f_offlock, LK_EXCLUSIVE);
			*(int *)data = va.va_size > fp->f_offset ?
			    (int)MIN(va.va_size - fp->f_offset, 0x7fffffff) : 0;
			lockmgr(&fp->f_offlock, LK_RELEASE);
		}
		return (error);
	default:
		return (ENOTTY);
	}
}

static int
vn_poll(struct file *fp, int events, struct thread *td)
{
	struct vnode *vp = fp->f_vnode;

	if (vp->v_type == VCHR && vp->v_rdev->d_poll != NULL)
		return (vp->v_rdev->d_poll(vp->v_rdev, events, td));
	/* Files and directories never block. */
	return (events & (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM));
}

static int
vn_statfile(struct file *fp, struct stat *sb, struct thread *td)
{
	struct vnode *vp = fp->f_vnode;
	int error;

	vfs_lock(vp->v_mount, 0);
	error = vn_stat(vp, sb);
	vfs_unlock(vp->v_mount);
	return (error);
}

static int
vn_closefile(struct file *fp, struct thread *td)
{
	vrele(fp->f_vnode);
	return (0);
}

struct fileops vnops = {
	.fo_read = vn_read,
	.fo_write = vn_write,
	.fo_truncate = vn_truncate,
	.fo_ioctl = vn_ioctl,
	.fo_poll = vn_poll,
	.fo_stat = vn_statfile,
	.fo_close = vn_closefile,
	.fo_flags = DFLAG_PASSABLE | DFLAG_SEEKABLE,
};

/*
 * Kernel users.
 */
int
namei_kernel(struct proc *p, const char *path, struct vnode **vpp)
{
	struct nameidata nd;
	int error;

	if (rootmount == NULL)
		return (ENOENT);
	memset(&nd, 0, sizeof(nd));
	nd.ni_path = path;
	nd.ni_op = NI_LOOKUP;
	nd.ni_flags = NI_FOLLOW;
	nd.ni_proc = p;
	vfs_lock(rootmount, 0);
	error = namei(&nd);
	vfs_unlock(rootmount);
	*vpp = error == 0 ? nd.ni_vp : NULL;
	return (error);
}

static int
vn_rdwr_kernel(struct vnode *vp, void *buf, size_t len, off_t off,
    size_t *resid, int write)
{
	struct iovec iov;
	struct uio uio;
	int error;

	if (vp->v_type == VDIR)
		return (EISDIR);
	if (vp->v_type != VREG)
		return (EINVAL);
	uio_init_kernel(&uio, &iov, buf, len, off,
	    write ? UIO_WRITE : UIO_READ);
	vfs_lock(vp->v_mount, write);
	if (write)
		error = vp->v_op->vop_write(vp, &uio, 0);
	else
		error = vp->v_op->vop_read(vp, &uio);
	vfs_unlock(vp->v_mount);
	if (resid != NULL)
		*resid = uio.uio_resid;
	else if (error == 0 && uio.uio_resid != 0)
		error = EIO;
	return (error);
}

int
vn_read_kernel(struct vnode *vp, void *buf, size_t len, off_t off,
    size_t *resid)
{
	return (vn_rdwr_kernel(vp, buf, len, off, resid, 0));
}

int
vn_write_kernel(struct vnode *vp, const void *buf, size_t len, off_t off,
    size_t *resid)
{
	return (vn_rdwr_kernel(vp, __DECONST(void *, buf), len, off, resid,
	    1));
}

int
vn_getattr_kernel(struct vnode *vp, struct stat *sb)
{
	int error;

	vfs_lock(vp->v_mount, 0);
	error = vn_stat(vp, sb);
	vfs_unlock(vp->v_mount);
	return (error);
}

int
vn_bind_socket(struct proc *p, struct vnode *dirvp, const char *path,
    int mode, struct socket *so, struct vnode **vpp)
{
	struct nameidata nd;
	struct vattr va;
	struct vnode *vp = NULL;
	int error;

	vfs_lock(rootmount, 1);
	memset(&nd, 0, sizeof(nd));
	nd.ni_path = path;
	nd.ni_op = NI_CREATE;
	nd.ni_flags = NI_WANTPARENT;
	nd.ni_startdir = dirvp;
	nd.ni_proc = p;
	error = namei(&nd);
	if (error == 0 && nd.ni_vp != NULL)
		error = EEXIST;
	if (error == 0)
		error = vn_access_cred(nd.ni_dvp, VWRITE, p);
	if (error == 0) {
		vattr_null(&va);
		va.va_type = VSOCK;
		va.va_mode = mode & ~vn_umask(p) & ALLPERMS;
		vn_cred(p, &va);
		error = nd.ni_dvp->v_op->vop_create(nd.ni_dvp, nd.ni_name,
		    nd.ni_namelen, &va, NULL, NULL, &vp);
	}
	if (error == 0) {
		spin_lock(&vp->v_spin);
		vp->v_socket = so;
		spin_unlock(&vp->v_spin);
	}
	nameidone(&nd);
	vfs_unlock(rootmount);
	*vpp = vp;
	return (error);
}
