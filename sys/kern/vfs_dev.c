/*
 * kern/vfs_dev.c: /dev and the simple devices.
 *
 * Entry point: devfs_populate(), called by vfs_mountroot() once / exists;
 * it makes /dev/console (tty_cons.c), /dev/null and /dev/zero as VCHR
 * nodes in the root tmpfs whose v_rdev points at the device's cdevsw.
 * Opening such a node gives a DTYPE_VNODE file whose reads, writes,
 * ioctls and polls go straight to the cdevsw (vfs_vnops.c), without the
 * mount lock.  No state: the functions here are reentrant.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/filio.h>
#include <sys/poll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vnode.h>

static const char dev_zeros[256];

static int
null_read(struct cdevsw *dev, struct uio *uio, int fflags)
{
	return (0);			/* end of file */
}

/* Writes to null and zero are accepted and discarded. */
static int
null_write(struct cdevsw *dev, struct uio *uio, int fflags)
{
	while (uio->uio_resid > 0) {
		struct iovec *iov = uio->uio_iov;
		size_t n = MIN(iov->iov_len, (size_t)uio->uio_resid);

		if (n == 0) {
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		iov->iov_base = (char *)iov->iov_base + n;
		iov->iov_len -= n;
		uio->uio_resid -= n;
		uio->uio_offset += n;
	}
	return (0);
}

static int
zero_read(struct cdevsw *dev, struct uio *uio, int fflags)
{
	int error = 0;

	while (uio->uio_resid > 0 && error == 0)
		error = uiomove(__DECONST(char *, dev_zeros),
		    MIN(sizeof(dev_zeros), (size_t)uio->uio_resid), uio);
	return (error);
}

static int
mem_ioctl(struct cdevsw *dev, u_long com, void *data, int fflags)
{
	switch (com) {
	case FIONBIO:
	case FIOASYNC:
		return (0);
	default:
		return (ENOTTY);
	}
}

static int
mem_poll(struct cdevsw *dev, int events, struct thread *td)
{
	return (events & (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM));
}

static struct cdevsw null_cdevsw = {
	.d_name = "null",
	.d_read = null_read,
	.d_write = null_write,
	.d_ioctl = mem_ioctl,
	.d_poll = mem_poll,
	.d_unit = 2,
};

static struct cdevsw zero_cdevsw = {
	.d_name = "zero",
	.d_read = zero_read,
	.d_write = null_write,
	.d_ioctl = mem_ioctl,
	.d_poll = mem_poll,
	.d_unit = 3,
};

static void
make_dev(struct vnode *devdir, struct cdevsw *dev, int mode)
{
	struct vnode *vp;
	struct vattr va;
	size_t len = strlen(dev->d_name);

	if (devdir->v_op->vop_lookup(devdir, dev->d_name, len, &vp) == 0) {
		vrele(vp);		/* already there (from the initrd?) */
		return;
	}
	vattr_null(&va);
	va.va_type = VCHR;
	va.va_mode = mode;
	va.va_uid = va.va_gid = 0;
	if (devdir->v_op->vop_create(devdir, dev->d_name, len, &va, NULL, dev,
	    &vp) == 0)
		vrele(vp);
}

void
devfs_populate(void)
{
	struct vnode *devdir;

	vfs_lock(rootmount, 1);
	if (rootvnode->v_op->vop_lookup(rootvnode, "dev", 3, &devdir) != 0) {
		vfs_unlock(rootmount);
		kprintf("vfs: no /dev directory\n");
		return;
	}
	make_dev(devdir, &cons_cdevsw, 0620);
	make_dev(devdir, &null_cdevsw, 0666);
	make_dev(devdir, &zero_cdevsw, 0666);
	vrele(devdir);
	vfs_unlock(rootmount);
}
