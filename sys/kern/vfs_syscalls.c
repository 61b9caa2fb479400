/*
 * kern/vfs_syscalls.c: the file-system system calls.
 *
 * Each sys_xxx copies its path in (copyinstr, EFAULT/ENAMETOOLONG) and
 * calls kern_xxx with kernel-space arguments; ktests and other kernel
 * code call kern_xxx directly.  kern_xxx takes rootmount's mnt_lock
 * (exclusive when it changes the tree) around namei and the operation;
 * see vfs_subr.c for the locking design and vfs_lookup.c for namei.
 *
 * Implemented: open, openat, link, linkat, unlink, unlinkat, chdir,
 * fchdir, chmod, fchmod, fchmodat, chown, fchown, lchown, fchownat,
 * access, eaccess, faccessat, symlink, symlinkat, readlink, readlinkat,
 * umask, fsync, fdatasync, rename, renameat, mkdir, mkdirat, rmdir,
 * lseek, truncate, ftruncate, __getcwd, getdirentries, fstatat, mkfifo
 * and mkfifoat (EOPNOTSUPP: no FIFOs yet; the path is checked first, so
 * ENOENT/EEXIST still come out right).  fstat is in kern_descrip.c.
 *
 * Errors follow FreeBSD: unlink of a directory EPERM, rmdir of "."
 * EINVAL and of ".." ENOTEMPTY, rmdir of / EBUSY, open O_NOFOLLOW of a
 * symlink EMLINK, open of a socket EOPNOTSUPP, getdirentries on a
 * non-directory EINVAL.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <sys/sysproto.h>

MALLOC_DEFINE(M_PATH, "path", "path names copied in");

extern struct fileops vnops;
int	vn_open(struct proc *p, struct vnode *dirvp, const char *path,
	    int fmode, int cmode, struct vnode **vpp);
int	vn_access_cred(struct vnode *vp, int mode, struct proc *p);

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4
#define F_OK		0
#define X_OK		0x01
#define W_OK		0x02
#define R_OK		0x04

static struct proc *
td_proc(struct thread *td)
{
	return (td != NULL ? td->td_proc : NULL);
}

static int
getpath(const char *upath, char **kpathp)
{
	char *kpath;
	int error;

	kpath = kmalloc(MAXPATHLEN, M_PATH, M_WAITOK);
	error = copyinstr(upath, kpath, MAXPATHLEN, NULL);
	if (error != 0) {
		kfree(kpath, M_PATH);
		return (error);
	}
	*kpathp = kpath;
	return (0);
}

static void
freepath(char *kpath)
{
	kfree(kpath, M_PATH);
}

/*
 * The starting directory of an *at() call: NULL for AT_FDCWD or an
 * absolute path, else fd's vnode (referenced; ENOTDIR unless a directory).
 */
static int
at_dir(struct thread *td, int fd, const char *path, struct vnode **dvpp)
{
	struct file *fp;
	int error;

	*dvpp = NULL;
	if (fd == AT_FDCWD || path[0] == '/')
		return (0);
	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (fp->f_type != DTYPE_VNODE || fp->f_vnode->v_type != VDIR)
		error = ENOTDIR;
	else {
		*dvpp = fp->f_vnode;
		vref(*dvpp);
	}
	fdrop(fp);
	return (error);
}

static void
at_done(struct vnode *dvp)
{
	if (dvp != NULL)
		vrele(dvp);
}

static void
nd_init(struct nameidata *nd, struct thread *td, struct vnode *dvp,
    const char *path, enum ni_op op, int flags)
{
	memset(nd, 0, sizeof(*nd));
	nd->ni_path = path;
	nd->ni_op = op;
	nd->ni_flags = flags;
	nd->ni_startdir = dvp;
	nd->ni_proc = td_proc(td);
}

/* Look up path under mnt_lock (held by the caller). */
static int
lookup_at(struct thread *td, struct vnode *dvp, const char *path,
    int follow, struct nameidata *nd)
{
	nd_init(nd, td, dvp, path, NI_LOOKUP, follow ? NI_FOLLOW : 0);
	return (namei(nd));
}

/*
 * open
 */
int
kern_openat(struct thread *td, int fd, const char *path, int flags,
    int mode)
{
	struct vnode *dvp, *vp;
	struct file *fp;
	int fmode, error, newfd;

	if ((flags & O_ACCMODE) == O_ACCMODE ||
	    ((flags & O_EXEC) && (flags & O_ACCMODE) != O_RDONLY))
		return (EINVAL);
	if (flags & (O_PATH | O_EMPTY_PATH | O_RESOLVE_BENEATH))
		return (EINVAL);
	if (flags & (O_SHLOCK | O_EXLOCK))
		return (EOPNOTSUPP);
	fmode = FFLAGS(flags);
	error = at_dir(td, fd, path, &dvp);
	if (error != 0)
		return (error);
	error = vn_open(td_proc(td), dvp, path, fmode, mode, &vp);
	at_done(dvp);
	if (error != 0)
		return (error);
	falloc_noinstall(td, &fp);
	fp->f_vnode = vp;
	finit(fp, fmode & FMASK, DTYPE_VNODE, vp, &vnops);
	error = finstall(td, fp, &newfd, flags & O_CLOEXEC);
	fdrop(fp);
	if (error == 0)
		td->td_retval[0] = newfd;
	return (error);
}

int
sys_open(struct thread *td, struct open_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_openat(td, AT_FDCWD, path, uap->flags, uap->mode);
		freepath(path);
	}
	return (error);
}

int
sys_openat(struct thread *td, struct openat_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_openat(td, uap->fd, path, uap->flag, uap->mode);
		freepath(path);
	}
	return (error);
}

/*
 * Creating names: mkdir, symlink, link, mkfifo.
 */
static int
create_at(struct thread *td, int fd, const char *path, enum vtype type,
    int mode, const char *target)
{
	struct proc *p = td_proc(td);
	struct nameidata nd;
	struct vnode *dvp, *vp;
	struct vattr va;
	int error;

	error = at_dir(td, fd, path, &dvp);
	if (error != 0)
		return (error);
	vfs_lock(rootmount, 1);
	nd_init(&nd, td, dvp, path, NI_CREATE, NI_WANTPARENT);
	error = namei(&nd);
	if (error == 0 && nd.ni_vp != NULL)
		error = EEXIST;
	if (error == 0 && nd.ni_trailing_slash && type != VDIR)
		error = ENOENT;
	if (error == 0)
		error = vn_access_cred(nd.ni_dvp, VWRITE, p);
	if (error == 0 && type == VFIFO)
		error = EOPNOTSUPP;	/* no FIFOs yet */
	if (error == 0) {
		vattr_null(&va);
		va.va_type = type;
		va.va_mode = mode & ALLPERMS;
		if (p != NULL) {
			spin_lock(&p->p_spin);
			va.va_mode &= ~p->p_umask;
			spin_unlock(&p->p_spin);
			va.va_uid = p->p_ucred.cr_uid;
			va.va_gid = p->p_ucred.cr_gid;
		} else {
			va.va_uid = va.va_gid = 0;
		}
		error = nd.ni_dvp->v_op->vop_create(nd.ni_dvp, nd.ni_name,
		    nd.ni_namelen, &va, target, NULL, &vp);
		if (error == 0)
			vrele(vp);
	}
	nameidone(&nd);
	vfs_unlock(rootmount);
	at_done(dvp);
	return (error);
}

int
kern_mkdirat(struct thread *td, int fd, const char *path, int mode)
{
	return (create_at(td, fd, path, VDIR, mode, NULL));
}

int
kern_symlinkat(struct thread *td, const char *target, int fd,
    const char *path)
{
	if (strnlen(target, MAXPATHLEN) >= MAXPATHLEN)
		return (ENAMETOOLONG);
	return (create_at(td, fd, path, VLNK, ACCESSPERMS, target));
}

int
kern_mkfifoat(struct thread *td, int fd, const char *path, int mode)
{
	return (create_at(td, fd, path, VFIFO, mode, NULL));
}

int
sys_mkdir(struct thread *td, struct mkdir_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_mkdirat(td, AT_FDCWD, path, uap->mode);
		freepath(path);
	}
	return (error);
}

int
sys_mkdirat(struct thread *td, struct mkdirat_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_mkdirat(td, uap->fd, path, uap->mode);
		freepath(path);
	}
	return (error);
}

int
sys_mkfifo(struct thread *td, struct mkfifo_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_mkfifoat(td, AT_FDCWD, path, uap->mode);
		freepath(path);
	}
	return (error);
}

int
sys_mkfifoat(struct thread *td, struct mkfifoat_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_mkfifoat(td, uap->fd, path, uap->mode);
		freepath(path);
	}
	return (error);
}

static int
symlink_common(struct thread *td, const char *utarget, int fd,
    const char *upath)
{
	char *target, *path;
	int error;

	error = getpath(utarget, &target);
	if (error != 0)
		return (error);
	error = getpath(upath, &path);
	if (error == 0) {
		error = kern_symlinkat(td, target, fd, path);
		freepath(path);
	}
	freepath(target);
	return (error);
}

int
sys_symlink(struct thread *td, struct symlink_args *uap)
{
	return (symlink_common(td, uap->path, AT_FDCWD, uap->link));
}

int
sys_symlinkat(struct thread *td, struct symlinkat_args *uap)
{
	return (symlink_common(td, uap->path1, uap->fd, uap->path2));
}

int
kern_linkat(struct thread *td, int fd1, const char *path1, int fd2,
    const char *path2, int flag)
{
	struct nameidata snd, tnd;
	struct vnode *dvp1, *dvp2;
	int error;

	if (flag & ~AT_SYMLINK_FOLLOW)
		return (EINVAL);
	error = at_dir(td, fd1, path1, &dvp1);
	if (error != 0)
		return (error);
	error = at_dir(td, fd2, path2, &dvp2);
	if (error != 0) {
		at_done(dvp1);
		return (error);
	}
	vfs_lock(rootmount, 1);
	error = lookup_at(td, dvp1, path1, flag & AT_SYMLINK_FOLLOW, &snd);
	if (error == 0) {
		if (snd.ni_vp->v_type == VDIR)
			error = EPERM;
		if (error == 0) {
			nd_init(&tnd, td, dvp2, path2, NI_CREATE,
			    NI_WANTPARENT);
			error = namei(&tnd);
			if (error == 0 && tnd.ni_vp != NULL)
				error = EEXIST;
			if (error == 0)
				error = vn_access_cred(tnd.ni_dvp, VWRITE,
				    td_proc(td));
			if (error == 0)
				error = tnd.ni_dvp->v_op->vop_link(tnd.ni_dvp,
				    tnd.ni_name, tnd.ni_namelen, snd.ni_vp);
			if (tnd.ni_dvp != NULL || tnd.ni_vp != NULL)
				nameidone(&tnd);
		}
		nameidone(&snd);
	}
	vfs_unlock(rootmount);
	at_done(dvp1);
	at_done(dvp2);
	return (error);
}

static int
link_common(struct thread *td, int fd1, const char *u1, int fd2,
    const char *u2, int flag)
{
	char *p1, *p2;
	int error;

	error = getpath(u1, &p1);
	if (error != 0)
		return (error);
	error = getpath(u2, &p2);
	if (error == 0) {
		error = kern_linkat(td, fd1, p1, fd2, p2, flag);
		freepath(p2);
	}
	freepath(p1);
	return (error);
}

int
sys_link(struct thread *td, struct link_args *uap)
{
	return (link_common(td, AT_FDCWD, uap->path, AT_FDCWD, uap->link,
	    AT_SYMLINK_FOLLOW));
}

int
sys_linkat(struct thread *td, struct linkat_args *uap)
{
	return (link_common(td, uap->fd1, uap->path1, uap->fd2, uap->path2,
	    uap->flag));
}

/*
 * Removing names: unlink, rmdir.
 */
int
kern_unlinkat(struct thread *td, int fd, const char *path, int flag)
{
	struct nameidata nd;
	struct vnode *dvp, *vp;
	int error, rmdir = (flag & AT_REMOVEDIR) != 0;

	if (flag & ~AT_REMOVEDIR)
		return (EINVAL);
	error = at_dir(td, fd, path, &dvp);
	if (error != 0)
		return (error);
	vfs_lock(rootmount, 1);
	nd_init(&nd, td, dvp, path, NI_DELETE, NI_WANTPARENT);
	error = namei(&nd);
	if (error != 0)
		goto out;
	vp = nd.ni_vp;
	if (rmdir) {
		if (vp->v_type != VDIR)
			error = ENOTDIR;
		else if (nd.ni_namelen == 0 || (vp->v_vflag & VV_ROOT))
			error = EBUSY;
		else if (nd.ni_dotlast)
			error = nd.ni_namelen == 1 ? EINVAL : ENOTEMPTY;
	} else if (vp->v_type == VDIR) {
		error = EPERM;
	}
	if (error == 0)
		error = vn_access_cred(nd.ni_dvp, VWRITE, td_proc(td));
	if (error == 0 && rmdir)
		error = nd.ni_dvp->v_op->vop_rmdir(nd.ni_dvp, nd.ni_name,
		    nd.ni_namelen, vp);
	else if (error == 0)
		error = nd.ni_dvp->v_op->vop_remove(nd.ni_dvp, nd.ni_name,
		    nd.ni_namelen, vp);
	nameidone(&nd);
out:
	vfs_unlock(rootmount);
	at_done(dvp);
	return (error);
}

static int
unlink_common(struct thread *td, int fd, const char *upath, int flag)
{
	char *path;
	int error;

	error = getpath(upath, &path);
	if (error == 0) {
		error = kern_unlinkat(td, fd, path, flag);
		freepath(path);
	}
	return (error);
}

int
sys_unlink(struct thread *td, struct unlink_args *uap)
{
	return (unlink_common(td, AT_FDCWD, uap->path, 0));
}

int
sys_unlinkat(struct thread *td, struct unlinkat_args *uap)
{
	return (unlink_common(td, uap->fd, uap->path, uap->flag));
}

int
sys_rmdir(struct thread *td, struct rmdir_args *uap)
{
	return (unlink_common(td, AT_FDCWD, uap->path, AT_REMOVEDIR));
}

/*
 * rename
 */
static int
rename_checks(struct nameidata *fnd, struct nameidata *tnd)
{
	struct vnode *fvp = fnd->ni_vp, *tvp = tnd->ni_vp, *vp, *pvp;
	char name[NAME_MAX + 1];
	int error;

	if (fnd->ni_dotlast || tnd->ni_dotlast)
		return (EINVAL);
	if (fvp->v_vflag & VV_ROOT)
		return (EBUSY);
	if (tvp != NULL) {
		if (fvp->v_type == VDIR && tvp->v_type != VDIR)
			return (ENOTDIR);
		if (fvp->v_type != VDIR && tvp->v_type == VDIR)
			return (EISDIR);
	} else if (tnd->ni_trailing_slash && fvp->v_type != VDIR) {
		return (ENOTDIR);
	}
	if (fvp->v_type != VDIR)
		return (0);
	/* A directory may not move below itself. */
	vp = tnd->ni_dvp;
	vref(vp);
	while (!(vp->v_vflag & VV_ROOT)) {
		if (vp == fvp) {
			vrele(vp);
			return (EINVAL);
		}
		error = vp->v_op->vop_parent(vp, name, sizeof(name), &pvp);
		vrele(vp);
		if (error != 0)
			return (error);
		vp = pvp;
	}
	vrele(vp);
	return (0);
}

int
kern_renameat(struct thread *td, int ofd, const char *old, int nfd,
    const char *new)
{
	struct nameidata fnd, tnd;
	struct vnode *odvp, *ndvp;
	int error;

	error = at_dir(td, ofd, old, &odvp);
	if (error != 0)
		return (error);
	error = at_dir(td, nfd, new, &ndvp);
	if (error != 0) {
		at_done(odvp);
		return (error);
	}
	vfs_lock(rootmount, 1);
	nd_init(&fnd, td, odvp, old, NI_DELETE, NI_WANTPARENT);
	error = namei(&fnd);
	if (error != 0)
		goto out;
	nd_init(&tnd, td, ndvp, new, NI_RENAME, NI_WANTPARENT);
	error = namei(&tnd);
	if (error != 0) {
		nameidone(&fnd);
		goto out;
	}
	if (fnd.ni_vp == tnd.ni_vp) {
		error = 0;	/* the same file: nothing to do (POSIX) */
	} else {
		error = rename_checks(&fnd, &tnd);
		if (error == 0)
			error = vn_access_cred(fnd.ni_dvp, VWRITE,
			    td_proc(td));
		if (error == 0)
			error = vn_access_cred(tnd.ni_dvp, VWRITE,
			    td_proc(td));
		if (error == 0)
			error = fnd.ni_dvp->v_op->vop_rename(fnd.ni_dvp,
			    fnd.ni_name, fnd.ni_namelen, fnd.ni_vp, tnd.ni_dvp,
			    tnd.ni_name, tnd.ni_namelen, tnd.ni_vp);
	}
	nameidone(&tnd);
	nameidone(&fnd);
out:
	vfs_unlock(rootmount);
	at_done(odvp);
	at_done(ndvp);
	return (error);
}

static int
rename_common(struct thread *td, int ofd, const char *uold, int nfd,
    const char *unew)
{
	char *old, *new;
	int error;

	error = getpath(uold, &old);
	if (error != 0)
		return (error);
	error = getpath(unew, &new);
	if (error == 0) {
		error = kern_renameat(td, ofd, old, nfd, new);
		freepath(new);
	}
	freepath(old);
	return (error);
}

int
sys_rename(struct thread *td, struct rename_args *uap)
{
	return (rename_common(td, AT_FDCWD, uap->from, AT_FDCWD, uap->to));
}

int
sys_renameat(struct thread *td, struct renameat_args *uap)
{
	return (rename_common(td, uap->oldfd, uap->old, uap->newfd, uap->new));
}

/*
 * Current directory.
 */
static int
set_cwd(struct thread *td, struct vnode *vp)
{
	struct proc *p = td_proc(td);
	char *buf;
	int error;

	if (vp->v_type != VDIR)
		return (ENOTDIR);
	error = vn_access_cred(vp, VEXEC, p);
	if (error != 0)
		return (error);
	if (p == NULL)
		return (0);
	buf = kmalloc(MAXPATHLEN, M_PATH, M_WAITOK);
	error = vn_fullpath_dir(vp, buf, MAXPATHLEN);
	if (error == 0 && strlen(buf) >= sizeof(p->p_cwd))
		error = ENAMETOOLONG;
	if (error == 0) {
		spin_lock(&p->p_spin);
		strlcpy(p->p_cwd, buf, sizeof(p->p_cwd));
		spin_unlock(&p->p_spin);
	}
	kfree(buf, M_PATH);
	return (error);
}

int
kern_chdir(struct thread *td, const char *path)
{
	struct nameidata nd;
	int error;

	vfs_lock(rootmount, 0);
	error = lookup_at(td, NULL, path, 1, &nd);
	if (error == 0) {
		error = set_cwd(td, nd.ni_vp);
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	return (error);
}

int
kern_fchdir(struct thread *td, int fd)
{
	struct file *fp;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (fp->f_type != DTYPE_VNODE)
		error = ENOTDIR;
	else {
		vfs_lock(rootmount, 0);
		error = set_cwd(td, fp->f_vnode);
		vfs_unlock(rootmount);
	}
	fdrop(fp);
	return (error);
}

int
sys_chdir(struct thread *td, struct chdir_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_chdir(td, path);
		freepath(path);
	}
	return (error);
}

int
sys_fchdir(struct thread *td, struct fchdir_args *uap)
{
	return (kern_fchdir(td, uap->fd));
}

/* The cwd as a string; ENOENT if it no longer names a directory. */
int
kern_getcwd(struct thread *td, char *buf, size_t buflen)
{
	struct nameidata nd;
	int error;

	if (buflen < 2)
		return (EINVAL);
	error = vn_cwd(td_proc(td), buf, buflen);
	if (error != 0)
		return (ERANGE);
	vfs_lock(rootmount, 0);
	error = lookup_at(td, NULL, buf, 1, &nd);
	if (error == 0) {
		if (nd.ni_vp->v_type != VDIR)
			error = ENOENT;
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	return (error);
}

int
sys___getcwd(struct thread *td, struct __getcwd_args *uap)
{
	size_t len = MIN(uap->buflen, MAXPATHLEN);
	char *buf;
	int error;

	if (uap->buflen < 2)
		return (EINVAL);
	buf = kmalloc(MAXPATHLEN, M_PATH, M_WAITOK);
	error = kern_getcwd(td, buf, len);
	if (error == 0)
		error = copyout(buf, uap->buf, strlen(buf) + 1);
	kfree(buf, M_PATH);
	return (error);
}

/*
 * Attributes: stat, access, chmod, chown, readlink.
 */
int
kern_fstatat(struct thread *td, int fd, const char *path, struct stat *sb,
    int flag)
{
	struct nameidata nd;
	struct vnode *dvp;
	int error;

	if (flag & ~AT_SYMLINK_NOFOLLOW)
		return (EINVAL);
	error = at_dir(td, fd, path, &dvp);
	if (error != 0)
		return (error);
	vfs_lock(rootmount, 0);
	error = lookup_at(td, dvp, path, !(flag & AT_SYMLINK_NOFOLLOW), &nd);
	if (error == 0) {
		error = vn_stat(nd.ni_vp, sb);
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	at_done(dvp);
	return (error);
}

int
sys_fstatat(struct thread *td, struct fstatat_args *uap)
{
	struct stat sb;
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error != 0)
		return (error);
	error = kern_fstatat(td, uap->fd, path, &sb, uap->flag);
	freepath(path);
	if (error == 0)
		error = copyout(&sb, uap->buf, sizeof(sb));
	return (error);
}

int
kern_accessat(struct thread *td, int fd, const char *path, int amode,
    int flag)
{
	struct nameidata nd;
	struct vnode *dvp;
	int error, mode = 0;

	if ((amode & ~(R_OK | W_OK | X_OK)) ||
	    (flag & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW)))
		return (EINVAL);
	error = at_dir(td, fd, path, &dvp);
	if (error != 0)
		return (error);
	vfs_lock(rootmount, 0);
	error = lookup_at(td, dvp, path, !(flag & AT_SYMLINK_NOFOLLOW), &nd);
	if (error == 0) {
		if (amode & R_OK)
			mode |= VREAD;
		if (amode & W_OK)
			mode |= VWRITE;
		if (amode & X_OK)
			mode |= VEXEC;
		if (mode != 0)
			error = vn_access_cred(nd.ni_vp, mode, td_proc(td));
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	at_done(dvp);
	return (error);
}

static int
access_common(struct thread *td, int fd, const char *upath, int amode,
    int flag)
{
	char *path;
	int error;

	error = getpath(upath, &path);
	if (error == 0) {
		error = kern_accessat(td, fd, path, amode, flag);
		freepath(path);
	}
	return (error);
}

int
sys_access(struct thread *td, struct access_args *uap)
{
	return (access_common(td, AT_FDCWD, uap->path, uap->amode, 0));
}

int
sys_eaccess(struct thread *td, struct eaccess_args *uap)
{
	return (access_common(td, AT_FDCWD, uap->path, uap->amode,
	    AT_EACCESS));
}

int
sys_faccessat(struct thread *td, struct faccessat_args *uap)
{
	return (access_common(td, uap->fd, uap->path, uap->amode, uap->flag));
}

/* Owner or root may chmod; only root may chown. */
static int
setattr_vp(struct thread *td, struct vnode *vp, struct vattr *va)
{
	struct proc *p = td_proc(td);
	struct vattr cur;
	uint32_t uid = p != NULL ? p->p_ucred.cr_uid : 0;
	int error;

	vattr_null(&cur);
	error = vp->v_op->vop_getattr(vp, &cur);
	if (error != 0)
		return (error);
	if (uid != 0 && (va->va_uid != (uint32_t)VNOVAL ||
	    va->va_gid != (uint32_t)VNOVAL || uid != cur.va_uid))
		return (EPERM);
	return (vp->v_op->vop_setattr(vp, va));
}

static int
setattr_at(struct thread *td, int fd, const char *path, int flag,
    struct vattr *va)
{
	struct nameidata nd;
	struct vnode *dvp;
	int error;

	if (flag & ~AT_SYMLINK_NOFOLLOW)
		return (EINVAL);
	error = at_dir(td, fd, path, &dvp);
	if (error != 0)
		return (error);
	vfs_lock(rootmount, 1);
	error = lookup_at(td, dvp, path, !(flag & AT_SYMLINK_NOFOLLOW), &nd);
	if (error == 0) {
		error = setattr_vp(td, nd.ni_vp, va);
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	at_done(dvp);
	return (error);
}

static int
setattr_fd(struct thread *td, int fd, struct vattr *va)
{
	struct file *fp;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (fp->f_type != DTYPE_VNODE)
		error = EINVAL;
	else {
		vfs_lock(rootmount, 1);
		error = setattr_vp(td, fp->f_vnode, va);
		vfs_unlock(rootmount);
	}
	fdrop(fp);
	return (error);
}

static int
chmod_common(struct thread *td, int fd, const char *upath, int mode,
    int flag)
{
	struct vattr va;
	char *path;
	int error;

	vattr_null(&va);
	va.va_mode = mode & ALLPERMS;
	if (upath == NULL)
		return (setattr_fd(td, fd, &va));
	error = getpath(upath, &path);
	if (error == 0) {
		error = setattr_at(td, fd, path, flag, &va);
		freepath(path);
	}
	return (error);
}

static int
chown_common(struct thread *td, int fd, const char *upath, int uid,
    int gid, int flag)
{
	struct vattr va;
	char *path;
	int error;

	vattr_null(&va);
	va.va_uid = (uint32_t)uid;
	va.va_gid = (uint32_t)gid;
	if (upath == NULL)
		return (setattr_fd(td, fd, &va));
	error = getpath(upath, &path);
	if (error == 0) {
		error = setattr_at(td, fd, path, flag, &va);
		freepath(path);
	}
	return (error);
}

int
sys_chmod(struct thread *td, struct chmod_args *uap)
{
	return (chmod_common(td, AT_FDCWD, uap->path, uap->mode, 0));
}

int
sys_fchmod(struct thread *td, struct fchmod_args *uap)
{
	return (chmod_common(td, uap->fd, NULL, uap->mode, 0));
}

int
sys_fchmodat(struct thread *td, struct fchmodat_args *uap)
{
	return (chmod_common(td, uap->fd, uap->path, uap->mode, uap->flag));
}

int
sys_chown(struct thread *td, struct chown_args *uap)
{
	return (chown_common(td, AT_FDCWD, uap->path, uap->uid, uap->gid, 0));
}

int
sys_lchown(struct thread *td, struct lchown_args *uap)
{
	return (chown_common(td, AT_FDCWD, uap->path, uap->uid, uap->gid,
	    AT_SYMLINK_NOFOLLOW));
}

int
sys_fchown(struct thread *td, struct fchown_args *uap)
{
	return (chown_common(td, uap->fd, NULL, uap->uid, uap->gid, 0));
}

int
sys_fchownat(struct thread *td, struct fchownat_args *uap)
{
	return (chown_common(td, uap->fd, uap->path, (int)uap->uid,
	    (int)uap->gid, uap->flag));
}

int
kern_readlinkat(struct thread *td, int fd, const char *path, char *buf,
    size_t count, enum uio_seg seg)
{
	struct nameidata nd;
	struct vnode *dvp;
	struct iovec iov;
	struct uio uio;
	int error;

	error = at_dir(td, fd, path, &dvp);
	if (error != 0)
		return (error);
	vfs_lock(rootmount, 0);
	error = lookup_at(td, dvp, path, 0, &nd);
	if (error == 0) {
		uio_init_kernel(&uio, &iov, buf, count, 0, UIO_READ);
		uio.uio_segflg = seg;
		uio.uio_td = td;
		error = nd.ni_vp->v_type != VLNK ? EINVAL :
		    nd.ni_vp->v_op->vop_readlink(nd.ni_vp, &uio);
		td->td_retval[0] = count - uio.uio_resid;
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	at_done(dvp);
	return (error);
}

static int
readlink_common(struct thread *td, int fd, const char *upath, char *ubuf,
    size_t count)
{
	char *path;
	int error;

	if (count > 0x7fffffffffffffffUL)
		return (EINVAL);
	error = getpath(upath, &path);
	if (error == 0) {
		error = kern_readlinkat(td, fd, path, ubuf, count,
		    UIO_USERSPACE);
		freepath(path);
	}
	return (error);
}

int
sys_readlink(struct thread *td, struct readlink_args *uap)
{
	return (readlink_common(td, AT_FDCWD, uap->path, uap->buf,
	    uap->count));
}

int
sys_readlinkat(struct thread *td, struct readlinkat_args *uap)
{
	return (readlink_common(td, uap->fd, uap->path, uap->buf,
	    uap->bufsize));
}

int
sys_umask(struct thread *td, struct umask_args *uap)
{
	struct proc *p = td->td_proc;

	spin_lock(&p->p_spin);
	td->td_retval[0] = p->p_umask;
	p->p_umask = uap->newmask & ALLPERMS;
	spin_unlock(&p->p_spin);
	return (0);
}

/*
 * Descriptor-based: fsync, lseek, ftruncate, getdirentries.
 */
static int
kern_fsync(struct thread *td, int fd)
{
	struct file *fp;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (fp->f_type != DTYPE_VNODE)
		error = EINVAL;		/* everything is in memory */
	fdrop(fp);
	return (error);
}

int
sys_fsync(struct thread *td, struct fsync_args *uap)
{
	return (kern_fsync(td, uap->fd));
}

int
sys_fdatasync(struct thread *td, struct fdatasync_args *uap)
{
	return (kern_fsync(td, uap->fd));
}

int
kern_lseek(struct thread *td, int fd, off_t offset, int whence)
{
	struct file *fp;
	struct vnode *vp;
	struct stat sb;
	off_t base = 0, res;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (!(fp->f_ops->fo_flags & DFLAG_SEEKABLE)) {
		fdrop(fp);
		return (ESPIPE);
	}
	vp = fp->f_vnode;
	lockmgr(&fp->f_offlock, LK_EXCLUSIVE);
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_CUR:
		base = fp->f_offset;
		break;
	case SEEK_END:
	case SEEK_DATA:
	case SEEK_HOLE:
		error = vn_getattr_kernel(vp, &sb);
		if (error != 0)
			break;
		if (whence == SEEK_END)
			base = sb.st_size;
		else if (offset >= sb.st_size || offset < 0)
			error = ENXIO;
		else if (whence == SEEK_HOLE)
			offset = sb.st_size;	/* no holes reported */
		break;
	default:
		error = EINVAL;
		break;
	}
	if (error == 0) {
		if (__builtin_add_overflow(base, offset, &res))
			error = EOVERFLOW;
		else if (res < 0 && vp->v_type != VCHR)
			error = EINVAL;
		else {
			fp->f_offset = res;
			td->td_retval[0] = res;
		}
	}
	lockmgr(&fp->f_offlock, LK_RELEASE);
	fdrop(fp);
	return (error);
}

int
sys_lseek(struct thread *td, struct lseek_args *uap)
{
	return (kern_lseek(td, uap->fd, uap->offset, uap->whence));
}

int
kern_ftruncate(struct thread *td, int fd, off_t length)
{
	struct file *fp;
	int error;

	if (length < 0)
		return (EINVAL);
	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	error = fo_truncate(fp, length, td);
	fdrop(fp);
	return (error);
}

int
sys_ftruncate(struct thread *td, struct ftruncate_args *uap)
{
	return (kern_ftruncate(td, uap->fd, uap->length));
}

int
kern_truncate(struct thread *td, const char *path, off_t length)
{
	struct nameidata nd;
	struct vattr va;
	int error;

	if (length < 0)
		return (EINVAL);
	vfs_lock(rootmount, 1);
	error = lookup_at(td, NULL, path, 1, &nd);
	if (error == 0) {
		if (nd.ni_vp->v_type == VDIR)
			error = EISDIR;
		else if (nd.ni_vp->v_type != VREG)
			error = EINVAL;
		else
			error = vn_access_cred(nd.ni_vp, VWRITE, td_proc(td));
		if (error == 0) {
			vattr_null(&va);
			va.va_size = length;
			error = nd.ni_vp->v_op->vop_setattr(nd.ni_vp, &va);
		}
		nameidone(&nd);
	}
	vfs_unlock(rootmount);
	return (error);
}

int
sys_truncate(struct thread *td, struct truncate_args *uap)
{
	char *path;
	int error;

	error = getpath(uap->path, &path);
	if (error == 0) {
		error = kern_truncate(td, path, uap->length);
		freepath(path);
	}
	return (error);
}

/*
 * Directory entries from fd's offset (a cookie, see vfs_tmpfs.c) into
 * buf; *basep gets the offset before the read.  Bytes in td_retval[0].
 */
int
kern_getdirentries(struct thread *td, int fd, char *buf, size_t count,
    off_t *basep, enum uio_seg seg)
{
	struct file *fp;
	struct vnode *vp;
	struct iovec iov;
	struct uio uio;
	int error;

	error = fget(td, fd, &fp);
	if (error != 0)
		return (error);
	if (!(fp->f_flag & FREAD)) {
		fdrop(fp);
		return (EBADF);
	}
	if (fp->f_type != DTYPE_VNODE || fp->f_vnode->v_type != VDIR) {
		fdrop(fp);
		return (EINVAL);
	}
	vp = fp->f_vnode;
	lockmgr(&fp->f_offlock, LK_EXCLUSIVE);
	uio_init_kernel(&uio, &iov, buf, count, fp->f_offset, UIO_READ);
	uio.uio_segflg = seg;
	uio.uio_td = td;
	if (basep != NULL)
		*basep = fp->f_offset;
	vfs_lock(vp->v_mount, 0);
	error = vp->v_op->vop_readdir(vp, &uio);
	vfs_unlock(vp->v_mount);
	if (error == 0) {
		fp->f_offset = uio.uio_offset;
		td->td_retval[0] = count - uio.uio_resid;
	}
	lockmgr(&fp->f_offlock, LK_RELEASE);
	fdrop(fp);
	return (error);
}

int
sys_getdirentries(struct thread *td, struct getdirentries_args *uap)
{
	off_t base;
	int error;

	error = kern_getdirentries(td, uap->fd, uap->buf, uap->count, &base,
	    UIO_USERSPACE);
	if (error == 0 && uap->basep != NULL)
		error = copyout(&base, uap->basep, sizeof(base));
	return (error);
}
