/*
 * unistd.c: the thin wrappers that turn FreeBSD's system calls into the
 * POSIX and BSD interfaces (one call each; no state of their own).
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysctl.h>
#include <sys/ucred.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "libc_private.h"

int
pipe(int *fds)
{

	return (__sys_pipe2(fds, 0));
}

int
dup3(int oldfd, int newfd, int flags)
{
	int how;

	if (oldfd == newfd || (flags & ~O_CLOEXEC) != 0) {
		errno = EINVAL;
		return (-1);
	}
	how = (flags & O_CLOEXEC) ? F_DUP2FD_CLOEXEC : F_DUP2FD;
	return (fcntl(oldfd, how, newfd));
}

void
closefrom(int lowfd)
{

	if (lowfd < 0)
		lowfd = 0;
	(void)__sys_close_range((u_int)lowfd, ~0U, 0);
}

int
creat(const char *path, mode_t mode)
{

	return (open(path, O_WRONLY | O_CREAT | O_TRUNC, mode));
}

int
stat(const char *path, struct stat *sb)
{

	return (__sys_fstatat(AT_FDCWD, path, sb, 0));
}

int
lstat(const char *path, struct stat *sb)
{

	return (__sys_fstatat(AT_FDCWD, path, sb, AT_SYMLINK_NOFOLLOW));
}

int
mknod(const char *path, mode_t mode, dev_t dev)
{

	return (mknodat(AT_FDCWD, path, mode, dev));
}

int
getpagesize(void)
{

	return (4096);
}

char *
getcwd(char *buf, size_t size)
{
	char *p;

	if (buf != NULL && size == 0) {
		errno = EINVAL;
		return (NULL);
	}
	/* The kernel wants room for at least "/"; too small is ERANGE. */
	if (buf != NULL && size == 1) {
		errno = ERANGE;
		return (NULL);
	}
	p = buf;
	if (p == NULL) {
		size = PATH_MAX;
		if ((p = malloc(size)) == NULL)
			return (NULL);
	}
	if (__sys___getcwd(p, size) != 0) {
		if (buf == NULL)
			free(p);
		return (NULL);
	}
	return (p);
}

static int
sysctl_string(int top, int second, char *buf, size_t len)
{
	int mib[2] = { top, second };

	return (sysctl(mib, 2, buf, &len, NULL, 0));
}

int
gethostname(char *name, size_t namelen)
{
	size_t len;
	int mib[2] = { CTL_KERN, KERN_HOSTNAME };

	len = namelen;
	if (sysctl(mib, 2, name, &len, NULL, 0) != 0) {
		if (errno == ENOMEM)
			errno = ENAMETOOLONG;
		return (-1);
	}
	return (0);
}

int
sethostname(const char *name, int namelen)
{
	int mib[2] = { CTL_KERN, KERN_HOSTNAME };

	return (sysctl(mib, 2, NULL, NULL, name, (size_t)namelen));
}

int
uname(struct utsname *u)
{
	size_t len;
	int mib[2] = { CTL_HW, HW_MACHINE };

	memset(u, 0, sizeof(*u));
	if (sysctl_string(CTL_KERN, KERN_OSTYPE, u->sysname,
	    sizeof(u->sysname)) != 0)
		strlcpy(u->sysname, "Damselfly", sizeof(u->sysname));
	if (gethostname(u->nodename, sizeof(u->nodename)) != 0)
		u->nodename[0] = '\0';
	if (sysctl_string(CTL_KERN, KERN_OSRELEASE, u->release,
	    sizeof(u->release)) != 0)
		strlcpy(u->release, "0", sizeof(u->release));
	if (sysctl_string(CTL_KERN, KERN_VERSION, u->version,
	    sizeof(u->version)) != 0)
		strlcpy(u->version, u->sysname, sizeof(u->version));
	len = sizeof(u->machine);
	if (sysctl(mib, 2, u->machine, &len, NULL, 0) != 0)
		strlcpy(u->machine, "amd64", sizeof(u->machine));
	return (0);
}

char *
getlogin(void)
{
	static char name[33];

	if (__sys_getlogin(name, sizeof(name)) != 0)
		return (NULL);
	if (name[0] == '\0')
		return (NULL);
	return (name);
}

int
getlogin_r(char *name, size_t len)
{

	if (__sys_getlogin(name, (u_int)len) != 0)
		return (errno);
	return (0);
}

int
isatty(int fd)
{
	struct termios t;

	return (tcgetattr(fd, &t) == 0);
}

int
tcgetattr(int fd, struct termios *t)
{

	return (ioctl(fd, TIOCGETA, t));
}

int
tcsetattr(int fd, int action, const struct termios *t)
{
	unsigned long cmd;

	switch (action & ~TCSASOFT) {
	case TCSANOW:
		cmd = TIOCSETA;
		break;
	case TCSADRAIN:
		cmd = TIOCSETAW;
		break;
	case TCSAFLUSH:
		cmd = TIOCSETAF;
		break;
	default:
		errno = EINVAL;
		return (-1);
	}
	return (ioctl(fd, cmd, __DECONST(struct termios *, t)));
}

int
tcdrain(int fd)
{

	return (ioctl(fd, TIOCDRAIN, 0));
}

int
tcflush(int fd, int which)
{
	int com;

	switch (which) {
	case TCIFLUSH:
		com = 1;	/* FREAD */
		break;
	case TCOFLUSH:
		com = 2;	/* FWRITE */
		break;
	case TCIOFLUSH:
		com = 3;
		break;
	default:
		errno = EINVAL;
		return (-1);
	}
	return (ioctl(fd, TIOCFLUSH, &com));
}

int
tcflow(int fd, int action)
{

	switch (action) {
	case TCOOFF:
		return (ioctl(fd, TIOCSTOP, 0));
	case TCOON:
		return (ioctl(fd, TIOCSTART, 0));
	default:
		errno = EINVAL;
		return (-1);
	}
}

int
tcsendbreak(int fd, int len)
{

	if (ioctl(fd, TIOCSBRK, 0) != 0)
		return (-1);
	(void)usleep(400000);
	return (ioctl(fd, TIOCCBRK, 0));
}

pid_t
tcgetpgrp(int fd)
{
	int pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return ((pid_t)-1);
	return (pgrp);
}

int
tcsetpgrp(int fd, pid_t pgrp)
{
	int p = pgrp;

	return (ioctl(fd, TIOCSPGRP, &p));
}

pid_t
tcgetsid(int fd)
{
	int sid;

	if (ioctl(fd, TIOCGSID, &sid) < 0)
		return ((pid_t)-1);
	return (sid);
}

int
tcgetwinsize(int fd, struct winsize *w)
{

	return (ioctl(fd, TIOCGWINSZ, w));
}

int
tcsetwinsize(int fd, const struct winsize *w)
{

	return (ioctl(fd, TIOCSWINSZ, __DECONST(struct winsize *, w)));
}

speed_t
cfgetispeed(const struct termios *t)
{

	return (t->c_ispeed);
}

speed_t
cfgetospeed(const struct termios *t)
{

	return (t->c_ospeed);
}

int
cfsetispeed(struct termios *t, speed_t speed)
{

	t->c_ispeed = speed;
	return (0);
}

int
cfsetospeed(struct termios *t, speed_t speed)
{

	t->c_ospeed = speed;
	return (0);
}

int
cfsetspeed(struct termios *t, speed_t speed)
{

	t->c_ispeed = t->c_ospeed = speed;
	return (0);
}

void
cfmakeraw(struct termios *t)
{

	t->c_iflag &= ~(IMAXBEL | IXOFF | INPCK | BRKINT | PARMRK | ISTRIP |
	    INLCR | IGNCR | ICRNL | IXON | IGNPAR);
	t->c_iflag |= IGNBRK;
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL | ICANON | ISIG |
	    IEXTEN | NOFLSH | TOSTOP | PENDIN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8 | CREAD;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

long
sysconf(int name)
{
	struct rlimit rl;
	int mib[2], value;
	size_t len;

	switch (name) {
	case _SC_ARG_MAX:
		return (ARG_MAX);
	case _SC_CHILD_MAX:
		return (CHILD_MAX);
	case _SC_CLK_TCK:
		return (128);
	case _SC_NGROUPS_MAX:
		return (NGROUPS_MAX);
	case _SC_OPEN_MAX:
		if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
			return (OPEN_MAX);
		return (rl.rlim_cur == RLIM_INFINITY ? -1 : (long)rl.rlim_cur);
	case _SC_JOB_CONTROL:
	case _SC_SAVED_IDS:
		return (1);
	case _SC_VERSION:
		return (_POSIX_VERSION);
	case _SC_LINE_MAX:
		return (LINE_MAX);
	case _SC_IOV_MAX:
		return (IOV_MAX);
	case _SC_PAGESIZE:
		return (getpagesize());
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		mib[0] = CTL_HW;
		mib[1] = HW_NCPU;
		len = sizeof(value);
		if (sysctl(mib, 2, &value, &len, NULL, 0) != 0)
			return (1);
		return (value);
	case _SC_HOST_NAME_MAX:
		return (HOST_NAME_MAX);
	case _SC_LOGIN_NAME_MAX:
		return (LOGIN_NAME_MAX);
	case _SC_THREAD_KEYS_MAX:
		return (256);
	case _SC_THREAD_STACK_MIN:
		return (PTHREAD_STACK_MIN);
	case _SC_GETPW_R_SIZE_MAX:
	case _SC_GETGR_R_SIZE_MAX:
		return (1024);
	case _SC_MONOTONIC_CLOCK:
	case _SC_THREADS:
		return (200112L);
	case _SC_STREAM_MAX:
		return (20);
	default:
		errno = EINVAL;
		return (-1);
	}
}

int
setpgrp(pid_t pid, pid_t pgrp)
{

	return (setpgid(pid, pgrp));
}

int
nice(int incr)
{
	int prio;

	errno = 0;
	prio = getpriority(PRIO_PROCESS, 0);
	if (prio == -1 && errno != 0)
		return (-1);
	if (setpriority(PRIO_PROCESS, 0, prio + incr) != 0)
		return (-1);
	return (getpriority(PRIO_PROCESS, 0));
}

pid_t
wait(int *status)
{

	return (wait4(WAIT_ANY, status, 0, NULL));
}

pid_t
waitpid(pid_t pid, int *status, int options)
{

	return (wait4(pid, status, options, NULL));
}

pid_t
wait3(int *status, int options, struct rusage *ru)
{

	return (wait4(WAIT_ANY, status, options, ru));
}

int
waitid(idtype_t idtype, id_t id, siginfo_t *info, int flags)
{
	int status;
	pid_t ret;

	ret = wait6(idtype, id, &status, flags, NULL, info);
	if (ret < 0)
		return (-1);
	if (ret == 0 && info != NULL)
		memset(info, 0, sizeof(*info));
	return (0);
}

int
getpeereid(int s, uid_t *euid, gid_t *egid)
{
	struct xucred xuc;
	socklen_t len;

	len = sizeof(xuc);
	if (getsockopt(s, SOL_LOCAL, LOCAL_PEERCRED, &xuc, &len) != 0)
		return (-1);
	if (xuc.cr_version != XUCRED_VERSION) {
		errno = EINVAL;
		return (-1);
	}
	*euid = xuc.cr_uid;
	*egid = xuc.cr_gid;
	return (0);
}

int
sockatmark(int s)
{
	int atmark;

	if (ioctl(s, SIOCATMARK, &atmark) == -1)
		return (-1);
	return (atmark);
}

ssize_t
recv(int s, void *buf, size_t len, int flags)
{

	return (recvfrom(s, buf, len, flags, NULL, NULL));
}

ssize_t
send(int s, const void *buf, size_t len, int flags)
{

	return (sendto(s, buf, len, flags, NULL, 0));
}

int
getentropy(void *buf, size_t len)
{
	ssize_t n;
	char *p;

	if (len > 256) {
		errno = EINVAL;
		return (-1);
	}
	for (p = buf; len > 0; p += n, len -= (size_t)n) {
		n = __sys_getrandom(p, len, 0);
		if (n < 0) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			return (-1);
		}
	}
	return (0);
}

int
posix_madvise(void *addr, size_t len, int advice)
{

	if (madvise(addr, len, advice) != 0)
		return (errno);
	return (0);
}

int
shm_open(const char *path, int flags, mode_t mode)
{

	return (shm_open2(path, flags | O_CLOEXEC, mode, 0, NULL));
}
