/*
 * kern/vfs_lookup.c: path name lookup (namei) and directory paths.
 *
 * Entry points: namei() and nameidone() from vfs_syscalls.c and
 * vfs_vnops.c; vn_fullpath_dir() (getcwd, chdir, fchdir); vn_cwd().
 *
 * The caller holds rootmount's mnt_lock (see vfs_subr.c) across namei()
 * and its use of the result.  A relative path starts at ni_startdir (the
 * *at() calls) or at the process's current directory, which is kept as
 * an absolute path string (p_cwd) and simply prefixed to the path.
 * Components are looked up one at a time: "." stays, ".." goes to the
 * parent (the root is its own parent), a symbolic link met before the
 * last component, or as the last one with NI_FOLLOW or a trailing slash,
 * is replaced by its target (at most MAXSYMLINKS times: ELOOP).
 *
 * Results: ni_vp is the named vnode, referenced, or NULL when the last
 * component does not exist and the operation is NI_CREATE or NI_RENAME
 * (then ni_name/ni_namelen hold it and ni_dvp its directory).  With
 * NI_WANTPARENT ni_dvp is the directory of the last component,
 * referenced.  A path whose last component is "." or "..", or that is
 * only slashes, sets ni_dotlast (creating or removing it is an error the
 * caller reports).  nameidone() drops both references.
 *
 * Errors: ENOENT (missing component, empty path), ENOTDIR (a non-final
 * component, or a trailing slash, names a non-directory), ENAMETOOLONG
 * (component > NAME_MAX, path >= MAXPATHLEN), ELOOP, EACCES (search
 * permission on a directory, for non-root).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/malloc.h>
#include <sys/uio.h>
#include <sys/vnode.h>

static MALLOC_DEFINE(M_NAMEI, "namei", "path name buffers");

int	vn_access_cred(struct vnode *vp, int mode, struct proc *p);

int
vn_cwd(struct proc *p, char *buf, size_t size)
{
	size_t n;

	if (p == NULL) {
		strlcpy(buf, "/", size);
		return (0);
	}
	spin_lock(&p->p_spin);
	n = strlcpy(buf, p->p_cwd[0] == '/' ? p->p_cwd : "/", size);
	spin_unlock(&p->p_spin);
	return (n >= size ? ENAMETOOLONG : 0);
}

/* Replace the text before `rest' in buf by the link target of vp. */
static int
namei_follow(struct vnode *vp, char *buf, const char *rest)
{
	struct iovec iov;
	struct uio uio;
	char *target;
	size_t tlen, rlen = strlen(rest);
	int error;

	target = kmalloc(MAXPATHLEN, M_NAMEI, M_WAITOK);
	uio_init_kernel(&uio, &iov, target, MAXPATHLEN - 1, 0, UIO_READ);
	error = vp->v_op->vop_readlink(vp, &uio);
	tlen = MAXPATHLEN - 1 - uio.uio_resid;
	if (error == 0 && tlen == 0)
		error = ENOENT;
	if (error == 0 && tlen + rlen + 1 >= MAXPATHLEN)
		error = ENAMETOOLONG;
	if (error == 0) {
		memmove(buf + tlen, rest, rlen + 1);
		memcpy(buf, target, tlen);
	}
	kfree(target, M_NAMEI);
	return (error);
}

static int
namei_dotdot(struct vnode *dp, struct vnode **vpp)
{
	char name[NAME_MAX + 1];

	if (dp->v_vflag & VV_ROOT) {
		vref(dp);
		*vpp = dp;
		return (0);
	}
	return (dp->v_op->vop_parent(dp, name, sizeof(name), vpp));
}

int
namei(struct nameidata *nd)
{
	struct vnode *dp, *vp = NULL;
	char *buf, *cp, *name;
	int error = 0, nlinks = 0, last;
	size_t len, plen;

	nd->ni_dvp = nd->ni_vp = NULL;
	nd->ni_namelen = 0;
	nd->ni_name[0] = '\0';
	nd->ni_trailing_slash = nd->ni_dotlast = 0;
	ASSERT_VFS_LOCKED(rootmount);
	plen = strnlen(nd->ni_path, MAXPATHLEN);
	if (plen == 0)
		return (ENOENT);
	if (plen >= MAXPATHLEN)
		return (ENAMETOOLONG);
	buf = kmalloc(MAXPATHLEN, M_NAMEI, M_WAITOK);
	if (nd->ni_path[0] == '/' || nd->ni_startdir != NULL) {
		strlcpy(buf, nd->ni_path, MAXPATHLEN);
		dp = nd->ni_path[0] == '/' ? rootvnode : nd->ni_startdir;
	} else {
		/* Relative to the cwd: prefix its absolute path. */
		error = vn_cwd(nd->ni_proc, buf, MAXPATHLEN);
		len = strlen(buf);
		if (error == 0 && len + 1 + plen >= MAXPATHLEN)
			error = ENAMETOOLONG;
		if (error != 0) {
			kfree(buf, M_NAMEI);
			return (error);
		}
		buf[len] = '/';
		memcpy(buf + len + 1, nd->ni_path, plen + 1);
		dp = rootvnode;
	}
	vref(dp);
	cp = buf;
	for (;;) {
		while (*cp == '/')
			cp++;
		if (*cp == '\0') {
			/* Only slashes (or nothing) left: dp itself. */
			nd->ni_dotlast = 1;
			if (dp->v_type != VDIR) {
				error = ENOTDIR;
				break;
			}
			vref(dp);
			vp = dp;
			if (nd->ni_flags & NI_WANTPARENT) {
				nd->ni_dvp = dp;
				dp = NULL;
			}
			break;
		}
		name = cp;
		while (*cp != '\0' && *cp != '/')
			cp++;
		len = cp - name;
		last = 1;
		for (char *t = cp; *t != '\0'; t++)
			if (*t != '/') {
				last = 0;
				break;
			}
		if (len > NAME_MAX) {
			error = ENAMETOOLONG;
			break;
		}
		if (dp->v_type != VDIR) {
			error = ENOTDIR;
			break;
		}
		error = vn_access_cred(dp, VEXEC, nd->ni_proc);
		if (error != 0)
			break;
		if (last) {
			memcpy(nd->ni_name, name, len);
			nd->ni_name[len] = '\0';
			nd->ni_namelen = len;
			nd->ni_trailing_slash = *cp == '/';
		}
		if (len == 1 && name[0] == '.') {
			vref(dp);
			vp = dp;
			error = 0;
		} else if (len == 2 && name[0] == '.' && name[1] == '.') {
			error = namei_dotdot(dp, &vp);
		} else {
			error = dp->v_op->vop_lookup(dp, name, len, &vp);
		}
		if (last && ((len == 1 && name[0] == '.') ||
		    (len == 2 && name[0] == '.' && name[1] == '.')))
			nd->ni_dotlast = 1;
		if (error == ENOENT && last && (nd->ni_op == NI_CREATE ||
		    nd->ni_op == NI_RENAME)) {
			/* The name is free: hand back its directory. */
			error = 0;
			vp = NULL;
			nd->ni_dvp = dp;
			dp = NULL;
			break;
		}
		if (error != 0)
			break;
		if (vp->v_type == VLNK &&
		    (!last || (nd->ni_flags & NI_FOLLOW) || *cp == '/')) {
			if (++nlinks > MAXSYMLINKS) {
				error = ELOOP;
				vrele(vp);
				vp = NULL;
				break;
			}
			error = namei_follow(vp, buf, cp);
			vrele(vp);
			vp = NULL;
			if (error != 0)
				break;
			cp = buf;
			if (*cp == '/') {
				vrele(dp);
				dp = rootvnode;
				vref(dp);
			}
			continue;
		}
		if (!last) {
			vrele(dp);
			dp = vp;
			vp = NULL;
			continue;
		}
		if (*cp == '/' && vp->v_type != VDIR) {
			error = ENOTDIR;
			vrele(vp);
			vp = NULL;
			break;
		}
		if (nd->ni_flags & NI_WANTPARENT) {
			nd->ni_dvp = dp;
			dp = NULL;
		}
		break;
	}
	if (dp != NULL)
		vrele(dp);
	if (error != 0) {
		if (vp != NULL)
			vrele(vp);
		if (nd->ni_dvp != NULL) {
			vrele(nd->ni_dvp);
			nd->ni_dvp = NULL;
		}
		vp = NULL;
	} else if (nd->ni_dvp != NULL && !(nd->ni_flags & NI_WANTPARENT) &&
	    vp != NULL) {
		vrele(nd->ni_dvp);
		nd->ni_dvp = NULL;
	}
	nd->ni_vp = vp;
	kfree(buf, M_NAMEI);
	return (error);
}

void
nameidone(struct nameidata *nd)
{
	if (nd->ni_vp != NULL)
		vrele(nd->ni_vp);
	if (nd->ni_dvp != NULL)
		vrele(nd->ni_dvp);
	nd->ni_vp = nd->ni_dvp = NULL;
}

/*
 * The absolute path of directory dvp, built from the leaf up with
 * vop_parent.  ENOENT if dvp (or a parent) was removed; ERANGE if it
 * does not fit.  mnt_lock held.
 */
int
vn_fullpath_dir(struct vnode *dvp, char *buf, size_t size)
{
	char name[NAME_MAX + 1];
	struct vnode *vp = dvp, *pvp;
	char *tmp, *end;
	size_t len, n;
	int error = 0;

	if (dvp->v_type != VDIR)
		return (ENOTDIR);
	tmp = kmalloc(MAXPATHLEN, M_NAMEI, M_WAITOK);
	end = tmp + MAXPATHLEN;
	*--end = '\0';
	vref(vp);
	while (!(vp->v_vflag & VV_ROOT)) {
		error = vp->v_op->vop_parent(vp, name, sizeof(name), &pvp);
		vrele(vp);
		if (error != 0) {
			vp = NULL;
			break;
		}
		vp = pvp;
		n = strlen(name);
		if ((size_t)(end - tmp) < n + 1) {
			error = ENAMETOOLONG;
			break;
		}
		end -= n;
		memcpy(end, name, n);
		*--end = '/';
	}
	if (vp != NULL)
		vrele(vp);
	if (error == 0 && *end == '\0')
		*--end = '/';
	if (error == 0) {
		len = strlen(end);
		if (len + 1 > size)
			error = ERANGE;
		else
			memcpy(buf, end, len + 1);
	}
	kfree(tmp, M_NAMEI);
	return (error);
}
