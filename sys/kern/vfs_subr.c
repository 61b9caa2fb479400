/*
 * kern/vfs_subr.c: vnode references, mount locking, small VFS helpers.
 *
 * Theory of the VFS
 * -----------------
 * Pieces: struct vnode (sys/vnode.h) is the generic handle; a file
 * system supplies a struct vop_vector and keeps its own node behind
 * v_data (tmpfs embeds the vnode in its node, one for one).  namei()
 * (vfs_lookup.c) turns paths into vnodes; vfs_vnops.c turns vnodes into
 * open files; vfs_syscalls.c holds the system calls; vfs_mountroot.c
 * builds / from the initrd; vfs_dev.c and tty_cons.c are the devices.
 *
 * Locking.  Each mount has one sleep lock, mnt_lock.  A system call
 * takes it once, shared (lookup, read, stat, readdir) or exclusive
 * (anything that changes a directory, a file's contents or attributes),
 * and holds it across namei() and the operation, so "look up, then
 * create" is atomic and rename needs no lock ordering between
 * directories.  Alternatives rejected: per-vnode locks (FreeBSD's) give
 * parallel writes to different files, at the price of lock-order rules
 * for rename and lookup that a file system holding test programs and
 * /tmp files does not need.  Device reads and writes (the console may
 * block for ever) and socket vnodes never take mnt_lock around I/O.
 * With one mount, namei takes no lock of its own; a second file system
 * would make namei switch mounts at mount points.
 *
 * References.  v_usecount counts holders (open files, namei results in
 * use, a bound socket, exec).  A vnode's node also lives while it has a
 * name (a directory entry).  The two reasons to live are reconciled
 * under v_spin: the file system calls vn_unlinked() when the last name
 * goes (under mnt_lock exclusive), vrele() drops references; whichever
 * finds "no name and no reference" reclaims the node, exactly once:
 *
 *   unlink (mnt_lock x)                  close (no mnt lock)
 *   nlink 1 -> 0
 *   vn_unlinked: lock v_spin
 *     VV_NOLINKS; usecount 1: keep
 *   unlock v_spin
 *                                        vrele: lock v_spin
 *                                          usecount 1 -> 0, NOLINKS:
 *                                          VV_RECLAIMED
 *                                        unlock; VOP_RECLAIM
 *
 * A lookup can only find a vnode that still has a name, and names are
 * removed only under mnt_lock exclusive, so vref() after a lookup never
 * races with reclaim.  vrele() never sleeps and takes no mnt_lock: a
 * netisr thread may drop a bound AF_UNIX socket's vnode.
 *
 * Lock order: mnt_lock (sleep lock) < file-system spinlocks < v_spin
 * (SPINRANK_VNODE, a leaf).
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/lock.h>
#include <sys/vnode.h>
#include <sys/sysctl.h>
#include <machine/atomic.h>
#include <machine/md_var.h>

struct mount *rootmount;
struct vnode *rootvnode;

static int numvnodes;			/* [a] */
SYSCTL_INT(_vfs, OID_AUTO, numvnodes, CTLFLAG_RD, &numvnodes, 0,
    "Vnodes in existence");

void
vnode_init(struct vnode *vp, struct mount *mp, enum vtype type,
    const struct vop_vector *ops, void *data)
{
	spin_init(&vp->v_spin, "vnode", SPINRANK_VNODE);
	vp->v_usecount = 0;
	vp->v_vflag = 0;
	vp->v_type = type;
	vp->v_mount = mp;
	vp->v_op = ops;
	vp->v_data = data;
	vp->v_rdev = NULL;
	vp->v_socket = NULL;
	atomic_add_int(&numvnodes, 1);
}

void
vref(struct vnode *vp)
{
	spin_lock(&vp->v_spin);
	KASSERT(!(vp->v_vflag & VV_RECLAIMED), ("vref: vnode %p reclaimed",
	    vp));
	vp->v_usecount++;
	spin_unlock(&vp->v_spin);
}

static void
vn_reclaim(struct vnode *vp)
{
	atomic_subtract_int(&numvnodes, 1);
	vp->v_op->vop_reclaim(vp);
}

void
vrele(struct vnode *vp)
{
	int reclaim = 0;

	spin_lock(&vp->v_spin);
	KASSERT(vp->v_usecount > 0, ("vrele: vnode %p usecount 0", vp));
	if (--vp->v_usecount == 0 && (vp->v_vflag & VV_NOLINKS)) {
		vp->v_vflag |= VV_RECLAIMED;
		reclaim = 1;
	}
	spin_unlock(&vp->v_spin);
	if (reclaim)
		vn_reclaim(vp);
}

void
vn_unlinked(struct vnode *vp)
{
	int reclaim = 0;

	spin_lock(&vp->v_spin);
	KASSERT(!(vp->v_vflag & VV_NOLINKS), ("vn_unlinked twice: %p", vp));
	vp->v_vflag |= VV_NOLINKS;
	if (vp->v_usecount == 0) {
		vp->v_vflag |= VV_RECLAIMED;
		reclaim = 1;
	}
	spin_unlock(&vp->v_spin);
	if (reclaim)
		vn_reclaim(vp);
}

void
vfs_lock(struct mount *mp, int exclusive)
{
	if (mp == NULL)
		panic("vfs: no root file system: mi_startup must call "
		    "vfs_mountroot(), with or without an initrd");
	lockmgr(&mp->mnt_lock, exclusive ? LK_EXCLUSIVE : LK_SHARED);
}

void
vfs_unlock(struct mount *mp)
{
	lockmgr(&mp->mnt_lock, LK_RELEASE);
}

void
vattr_null(struct vattr *vap)
{
	memset(vap, 0xff, sizeof(*vap));
	vap->va_type = VNON;
}

void
vfs_timestamp(struct timespec *ts)
{
	uint64_t ns = nanouptime();

	ts->tv_sec = (int64_t)(ns / 1000000000UL);
	ts->tv_nsec = (long)(ns % 1000000000UL);
}
