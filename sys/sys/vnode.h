/*
 * sys/vnode.h: the virtual file system: vnodes, mounts, path lookup,
 * character devices.
 *
 * A vnode is the kernel's handle on one file-system object (file,
 * directory, symbolic link, character device, or the name an AF_UNIX
 * socket is bound to).  v_usecount counts references: open files,
 * lookups in progress, a bound AF_UNIX socket, exec while it reads an
 * image.  A vnode lives while it is referenced or still has a name in a
 * directory; the last of those to go frees it (VOP_RECLAIM), decided
 * under v_spin so that a concurrent unlink and vrele free it exactly
 * once.
 *
 * One file system for now: tmpfs (kern/vfs_tmpfs.c), mounted at / and
 * filled at boot from the initrd cpio archive (kern/vfs_mountroot.c), so
 * the whole tree is writable and lives in memory; /tmp is an ordinary
 * directory (mode 1777) in it, /dev holds console, null and zero
 * (kern/vfs_dev.c).  Namespace locking is one sleep lock per mount,
 * mnt_lock: shared for lookups and reads, exclusive for anything that
 * changes a directory, a file's data or its attributes.  See the theory
 * statement at the top of kern/vfs_subr.c.
 *
 * Ownership key:
 *   [I] set when the vnode is created, then immutable
 *   [v] v_spin (a leaf spinlock)
 *   [m] the mount's mnt_lock (exclusive to write, shared to read)
 *   [s] the socket layer's rules (v_socket: set by bind under [m]
 *       exclusive, cleared by the socket's detach under v_spin)
 */
#ifndef _SYS_VNODE_H_
#define _SYS_VNODE_H_

#include <sys/types.h>
#include <sys/spinlock.h>
#include <sys/lock.h>
#include <sys/stat.h>

#ifdef _KERNEL
#include <sys/uio.h>
#include <sys/fcntl.h>


#define MAXPATHLEN	1024		/* including the NUL */
#define NAME_MAX	255
#define MAXSYMLINKS	32

struct cdevsw;
struct mount;
struct proc;
struct selinfo;
struct socket;
struct thread;
struct uio;
struct vnode;

enum vtype { VNON, VREG, VDIR, VBLK, VCHR, VLNK, VSOCK, VFIFO, VBAD };

/* Attributes, for VOP_GETATTR/VOP_SETATTR; VNOVAL: "not set". */
#define VNOVAL		(-1)
struct vattr {
	enum vtype	va_type;
	int		va_mode;	/* permission bits only */
	uint64_t	va_nlink;
	uint32_t	va_uid;
	uint32_t	va_gid;
	uint64_t	va_fsid;
	uint64_t	va_fileid;
	int64_t		va_size;
	int64_t		va_bytes;
	int32_t		va_blocksize;
	uint64_t	va_rdev;
	struct timespec	va_atime;
	struct timespec	va_mtime;
	struct timespec	va_ctime;
	struct timespec	va_birthtime;
};
void	vattr_null(struct vattr *vap);	/* every field VNOVAL */

/*
 * File-system operations.  The generic layer holds the mount's mnt_lock
 * as noted: (s) shared or exclusive, (x) exclusive.  Names are not
 * NUL-terminated; "." and ".." never reach them (namei handles those).
 */
struct vop_vector {
	/* (s) Find name in dvp; *vpp referenced.  ENOENT if absent. */
	int	(*vop_lookup)(struct vnode *dvp, const char *name,
		    size_t len, struct vnode **vpp);
	/* (x) Make a new VREG/VDIR/VLNK/VSOCK/VCHR node; *vpp referenced. */
	int	(*vop_create)(struct vnode *dvp, const char *name,
		    size_t len, struct vattr *vap, const char *target,
		    struct cdevsw *dev, struct vnode **vpp);
	/* (x) Remove the entry name -> vp (vp not a directory). */
	int	(*vop_remove)(struct vnode *dvp, const char *name,
		    size_t len, struct vnode *vp);
	/* (x) Remove the empty directory name -> vp. */
	int	(*vop_rmdir)(struct vnode *dvp, const char *name,
		    size_t len, struct vnode *vp);
	/* (x) Add a name for vp. */
	int	(*vop_link)(struct vnode *dvp, const char *name,
		    size_t len, struct vnode *vp);
	/* (x) Move fdvp/fname (fvp) to tdvp/tname, replacing tvp if any. */
	int	(*vop_rename)(struct vnode *fdvp, const char *fname,
		    size_t flen, struct vnode *fvp, struct vnode *tdvp,
		    const char *tname, size_t tlen, struct vnode *tvp);
	int	(*vop_read)(struct vnode *vp, struct uio *uio);	/* (s) */
	int	(*vop_write)(struct vnode *vp, struct uio *uio,
		    int ioflag);				/* (x) */
	/* (s) Entries from uio_offset (a cookie) as struct dirent. */
	int	(*vop_readdir)(struct vnode *vp, struct uio *uio);
	/* (s) */
	int	(*vop_readlink)(struct vnode *vp, struct uio *uio);
	/* (s) */
	int	(*vop_getattr)(struct vnode *vp, struct vattr *vap);
	/* (x) Size (truncate/extend), mode, uid/gid, times. */
	int	(*vop_setattr)(struct vnode *vp, struct vattr *vap);
	/* (s) The name of directory vp in its parent, and the parent. */
	int	(*vop_parent)(struct vnode *vp, char *name, size_t size,
		    struct vnode **dvpp);
	/* No lock: the last reference and the last name are gone. */
	void	(*vop_reclaim)(struct vnode *vp);
};
#define IO_APPEND	0x0001		/* vop_write: at end of file */

struct vnode {
	struct spinlock	v_spin;
	u_int		v_usecount;	/* [v] references */
	u_int		v_vflag;	/* [v] VV_* */
	enum vtype	v_type;		/* [I] */
	struct mount	*v_mount;	/* [I] */
	const struct vop_vector *v_op;	/* [I] */
	void		*v_data;	/* [I] file system node */
	struct cdevsw	*v_rdev;	/* [I] VCHR: the device */
	struct socket	*v_socket;	/* [s] VSOCK: the bound socket */
};
#define VV_ROOT		0x0001		/* root of its mount */
#define VV_NOLINKS	0x0002		/* no name: free at last vrele */
#define VV_RECLAIMED	0x0004		/* being freed */

struct mount {
	struct lock	mnt_lock;	/* namespace and data, see above */
	struct vnode	*mnt_root;	/* [I] referenced */
	const struct vop_vector *mnt_op; /* [I] */
	void		*mnt_data;	/* [I] file system private */
	uint64_t	mnt_fsid;	/* [I] st_dev of its files */
};

extern struct mount *rootmount;		/* [I] after vfs_mountroot */
extern struct vnode *rootvnode;		/* [I] */

/* Vnode life cycle (kern/vfs_subr.c). */
void	vnode_init(struct vnode *vp, struct mount *mp, enum vtype type,
	    const struct vop_vector *ops, void *data);
void	vref(struct vnode *vp);
void	vrele(struct vnode *vp);
void	vn_unlinked(struct vnode *vp);	/* fs: last name removed */
int	vfs_mountroot(void);		/* mi_startup: / from the initrd */

/* Mount locking helpers (kern/vfs_subr.c). */
void	vfs_lock(struct mount *mp, int exclusive);
void	vfs_unlock(struct mount *mp);
#define ASSERT_VFS_LOCKED(mp)	KASSERT(lockstatus(&(mp)->mnt_lock) != 0, \
	("mount lock not held"))
#define ASSERT_VFS_XLOCKED(mp)	LOCK_ASSERT_XLOCKED(&(mp)->mnt_lock)

/*
 * Path lookup (kern/vfs_lookup.c).  The caller holds rootmount's
 * mnt_lock (exclusive for NI_CREATE/NI_DELETE/NI_RENAME) across namei()
 * and whatever it does with the result.
 */
enum ni_op { NI_LOOKUP, NI_CREATE, NI_DELETE, NI_RENAME };
#define NI_FOLLOW	0x0001		/* follow a final symlink */
#define NI_WANTPARENT	0x0002		/* return the parent in ni_dvp */
struct nameidata {
	/* in */
	const char	*ni_path;	/* kernel copy of the path */
	enum ni_op	ni_op;
	int		ni_flags;
	struct vnode	*ni_startdir;	/* relative start; NULL: cwd */
	struct proc	*ni_proc;	/* cwd owner; NULL: root */
	/* out */
	struct vnode	*ni_dvp;	/* parent (NI_WANTPARENT), referenced */
	/* The result, referenced; NULL if absent (NI_CREATE/NI_RENAME). */
	struct vnode	*ni_vp;
	char		ni_name[NAME_MAX + 1];	/* last component */
	size_t		ni_namelen;
	int		ni_trailing_slash; /* the path ended in '/' */
	int		ni_dotlast;	/* last name was "." or ".." */
};
int	namei(struct nameidata *ndp);
void	nameidone(struct nameidata *ndp);	/* drop ni_dvp, ni_vp */
/* Absolute path of directory vp into buf (kern/vfs_lookup.c). */
int	vn_fullpath_dir(struct vnode *dvp, char *buf, size_t size);
int	vn_cwd(struct proc *p, char *buf, size_t size);	/* copy p_cwd */

/*
 * For exec and other kernel users (kern/vfs_vnops.c).  namei_kernel looks
 * up a kernel-space path (relative to p's cwd; p may be NULL: root),
 * following symlinks, and returns a referenced vnode; the others take no
 * locks the caller must know about.
 */
int	namei_kernel(struct proc *p, const char *path, struct vnode **vpp);
int	vn_read_kernel(struct vnode *vp, void *buf, size_t len, off_t off,
	    size_t *resid);
int	vn_write_kernel(struct vnode *vp, const void *buf, size_t len,
	    off_t off, size_t *resid);
int	vn_getattr_kernel(struct vnode *vp, struct stat *sb);
int	vn_stat(struct vnode *vp, struct stat *sb);	/* mnt_lock held */
/* Permission check for td's credentials: VREAD|VWRITE|VEXEC. */
#define VEXEC	0x0040
#define VWRITE	0x0080
#define VREAD	0x0100
int	vn_access(struct vnode *vp, int mode, struct thread *td);

/*
 * AF_UNIX support (next issue): make a VSOCK name for a socket at path
 * (relative to p's cwd or to dirvp), EEXIST (the socket layer reports
 * EADDRINUSE) if the name exists; *vpp comes back referenced, with
 * v_socket = so.  The socket layer keeps that reference while bound and
 * clears v_socket (under v_spin) before vrele at detach.  connect() uses
 * namei_kernel() and checks v_type == VSOCK (else ECONNREFUSED/ENOTSOCK).
 */
int	vn_bind_socket(struct proc *p, struct vnode *dirvp, const char *path,
	    int mode, struct socket *so, struct vnode **vpp);

/* Character devices (kern/vfs_dev.c): /dev/console, /dev/null, /dev/zero. */
struct cdevsw {
	const char	*d_name;
	int		(*d_open)(struct cdevsw *dev, int fflags);
	int		(*d_read)(struct cdevsw *dev, struct uio *uio,
			    int fflags);
	int		(*d_write)(struct cdevsw *dev, struct uio *uio,
			    int fflags);
	int		(*d_ioctl)(struct cdevsw *dev, u_long com, void *data,
			    int fflags);
	int		(*d_poll)(struct cdevsw *dev, int events,
			    struct thread *td);
	int		d_unit;		/* st_rdev */
};
/* Make the /dev nodes (vfs_mountroot, after / exists). */
void	devfs_populate(void);
/* The console's tty layer (kern/tty_cons.c). */
extern struct cdevsw cons_cdevsw;

/*
 * System-call back ends (kern/vfs_syscalls.c), kernel-space paths; fd
 * may be AT_FDCWD.  Results that are numbers go in td->td_retval[0].
 */
int	kern_openat(struct thread *td, int fd, const char *path, int flags,
	    int mode);
int	kern_mkdirat(struct thread *td, int fd, const char *path, int mode);
int	kern_mkfifoat(struct thread *td, int fd, const char *path, int mode);
int	kern_symlinkat(struct thread *td, const char *target, int fd,
	    const char *path);
int	kern_linkat(struct thread *td, int fd1, const char *path1, int fd2,
	    const char *path2, int flag);
int	kern_unlinkat(struct thread *td, int fd, const char *path, int flag);
int	kern_renameat(struct thread *td, int ofd, const char *old, int nfd,
	    const char *new);
int	kern_chdir(struct thread *td, const char *path);
int	kern_fchdir(struct thread *td, int fd);
int	kern_getcwd(struct thread *td, char *buf, size_t buflen);
int	kern_fstatat(struct thread *td, int fd, const char *path,
	    struct stat *sb, int flag);
int	kern_accessat(struct thread *td, int fd, const char *path, int amode,
	    int flag);
int	kern_readlinkat(struct thread *td, int fd, const char *path,
	    char *buf, size_t count, enum uio_seg seg);
int	kern_lseek(struct thread *td, int fd, off_t offset, int whence);
int	kern_ftruncate(struct thread *td, int fd, off_t length);
int	kern_truncate(struct thread *td, const char *path, off_t length);
int	kern_getdirentries(struct thread *td, int fd, char *buf, size_t count,
	    off_t *basep, enum uio_seg seg);

/* Timestamps: seconds since boot until a real-time clock is wired. */
void	vfs_timestamp(struct timespec *ts);

#endif /* _KERNEL */
#endif /* !_SYS_VNODE_H_ */
