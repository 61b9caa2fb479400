/*
 * ktest_vfs.c: self tests for the VFS (kern/vfs_*.c, tmpfs): lookup,
 * create/unlink/rename/mkdir/rmdir semantics and their errnos, symbolic
 * links, directory listing, truncate/lseek, the cwd, devices, the exec
 * helpers, concurrent namespace changes, and no leaks.  Each case works
 * in its own directory under /tmp and removes everything it made.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/fcntl.h>
#include <sys/stat.h>
#include <sys/dirent.h>
#include <sys/filio.h>
#include "ktest_files.h"

#define D	"/tmp/ktvfs"

static long
kt_mkdir(const char *path, int mode)
{
	return (KT_ERR(kern_mkdirat(curthread, AT_FDCWD, path, mode)));
}

static long
kt_unlink(const char *path)
{
	return (KT_ERR(kern_unlinkat(curthread, AT_FDCWD, path, 0)));
}

static long
kt_rmdir(const char *path)
{
	return (KT_ERR(kern_unlinkat(curthread, AT_FDCWD, path,
	    AT_REMOVEDIR)));
}

static long
kt_rename(const char *from, const char *to)
{
	return (KT_ERR(kern_renameat(curthread, AT_FDCWD, from, AT_FDCWD,
	    to)));
}

static long
kt_stat(const char *path, struct stat *sb)
{
	return (KT_ERR(kern_fstatat(curthread, AT_FDCWD, path, sb, 0)));
}

static long
kt_lstat(const char *path, struct stat *sb)
{
	return (KT_ERR(kern_fstatat(curthread, AT_FDCWD, path, sb,
	    AT_SYMLINK_NOFOLLOW)));
}

/* Create path holding the string s; 0 or -errno. */
static long
kt_mkfile(const char *path, const char *s)
{
	long fd, n;

	fd = kt_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return (fd);
	n = kt_write(fd, s, strlen(s));
	kt_close(fd);
	return (n < 0 ? n : 0);
}

static struct proc *
vfs_enter(void)
{
	struct proc *p = ktp_enter(64);

	if (kt_mkdir(D, 0755) != 0)
		kprintf("ktest_vfs: cannot make %s\n", D);
	return (p);
}

static void
vfs_leave(struct proc *p)
{
	if (kt_rmdir(D) != 0)
		ktest_fail(__FILE__, __LINE__, "%s not empty at the end", D);
	ktp_leave(p);
}

static void
root_body(void)
{
	struct stat sb;

	KT_ASSERT(rootvnode != NULL);
	KT_ASSERT_EQ(kt_stat("/", &sb), 0);
	KT_ASSERT(S_ISDIR(sb.st_mode));
	KT_ASSERT_EQ(kt_stat("/tmp", &sb), 0);
	KT_ASSERT_EQ(sb.st_mode, S_IFDIR | 01777);
	KT_ASSERT_EQ(kt_stat("/dev/null", &sb), 0);
	KT_ASSERT(S_ISCHR(sb.st_mode));
}

KTEST(vfs_root_and_tmp_exist, 30)
{
	struct proc *p = ktp_enter(64);

	root_body();
	ktp_leave(p);
}

static void
rw_body(void)
{
	char buf[64];
	struct stat sb;
	long fd;

	fd = kt_open(D "/f", O_RDWR | O_CREAT | O_EXCL, 0666);
	KT_ASSERT_EQ(fd, 0);
	KT_ASSERT_EQ(kt_write(fd, "hello, tmpfs", 12), 12);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 0)), 0);
	KT_ASSERT_EQ(kt_read(fd, buf, sizeof(buf)), 12);
	KT_ASSERT(memcmp(buf, "hello, tmpfs", 12) == 0);
	KT_ASSERT_EQ(kt_read(fd, buf, sizeof(buf)), 0);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, fd, &sb)), 0);
	KT_ASSERT_EQ(sb.st_size, 12);
	KT_ASSERT_EQ(sb.st_mode, S_IFREG | 0644);	/* umask 022 */
	KT_ASSERT_EQ(sb.st_nlink, 1);
	KT_ASSERT_EQ(kt_close(fd), 0);
	KT_ASSERT_EQ(kt_open(D "/f", O_RDWR | O_CREAT | O_EXCL, 0666),
	    -EEXIST);
	KT_ASSERT_EQ(kt_unlink(D "/f"), 0);
	KT_ASSERT_EQ(kt_unlink(D "/f"), -ENOENT);
}

KTEST(vfs_create_write_read_back, 30)
{
	struct proc *p = vfs_enter();

	rw_body();
	vfs_leave(p);
}

static void
errno_body(void)
{
	struct stat sb;

	KT_ASSERT_EQ(kt_open(D "/missing", O_RDONLY, 0), -ENOENT);
	KT_ASSERT_EQ(kt_open("", O_RDONLY, 0), -ENOENT);
	KT_ASSERT_EQ(kt_mkfile(D "/file", "x"), 0);
	KT_ASSERT_EQ(kt_open(D "/file/x", O_RDONLY, 0), -ENOTDIR);
	KT_ASSERT_EQ(kt_open(D "/file/", O_RDONLY, 0), -ENOTDIR);
	KT_ASSERT_EQ(kt_open(D "/file", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	KT_ASSERT_EQ(kt_open(D, O_WRONLY, 0), -EISDIR);
	KT_ASSERT_EQ(kt_open(D, O_RDONLY | O_CREAT, 0644), -EISDIR);
	KT_ASSERT_EQ(kt_mkdir(D "/file", 0755), -EEXIST);
	KT_ASSERT_EQ(kt_mkdir(D "/no/such", 0755), -ENOENT);
	KT_ASSERT_EQ(kt_rmdir(D "/file"), -ENOTDIR);
	KT_ASSERT_EQ(kt_mkdir(D "/dir", 0755), 0);
	KT_ASSERT_EQ(kt_unlink(D "/dir"), -EPERM);
	KT_ASSERT_EQ(kt_mkfile(D "/dir/inner", "y"), 0);
	KT_ASSERT_EQ(kt_rmdir(D "/dir"), -ENOTEMPTY);
	KT_ASSERT_EQ(kt_rmdir(D "/dir/."), -EINVAL);
	KT_ASSERT_EQ(kt_rmdir(D "/dir/.."), -ENOTEMPTY);
	KT_ASSERT_EQ(kt_rmdir("/"), -EBUSY);
	KT_ASSERT_EQ(kt_stat(D "/dir/../file", &sb), 0);
	KT_ASSERT_EQ(kt_stat(D "/./dir/./inner", &sb), 0);
	KT_ASSERT_EQ(kt_stat("/../../tmp", &sb), 0);
	KT_ASSERT_EQ(kt_unlink(D "/dir/inner"), 0);
	KT_ASSERT_EQ(kt_rmdir(D "/dir/"), 0);
	KT_ASSERT_EQ(kt_unlink(D "/file"), 0);
}

KTEST(vfs_namespace_errnos_match_freebsd, 30)
{
	struct proc *p = vfs_enter();

	errno_body();
	vfs_leave(p);
}

static void
rename_body(void)
{
	struct stat a, b;
	char buf[8];
	long fd;

	KT_ASSERT_EQ(kt_mkfile(D "/a", "AAA"), 0);
	KT_ASSERT_EQ(kt_mkfile(D "/b", "B"), 0);
	KT_ASSERT_EQ(kt_stat(D "/a", &a), 0);
	/* Replacing a file: b's name now leads to a's inode. */
	KT_ASSERT_EQ(kt_rename(D "/a", D "/b"), 0);
	KT_ASSERT_EQ(kt_stat(D "/a", &b), -ENOENT);
	KT_ASSERT_EQ(kt_stat(D "/b", &b), 0);
	KT_ASSERT_EQ(a.st_ino, b.st_ino);
	fd = kt_open(D "/b", O_RDONLY, 0);
	KT_ASSERT_EQ(kt_read(fd, buf, sizeof(buf)), 3);
	kt_close(fd);
	KT_ASSERT_EQ(kt_rename(D "/missing", D "/c"), -ENOENT);
	/* Directories. */
	KT_ASSERT_EQ(kt_mkdir(D "/d1", 0755), 0);
	KT_ASSERT_EQ(kt_mkdir(D "/d1/sub", 0755), 0);
	KT_ASSERT_EQ(kt_rename(D "/d1", D "/d1/sub/x"), -EINVAL);
	KT_ASSERT_EQ(kt_rename(D "/b", D "/d1"), -EISDIR);
	KT_ASSERT_EQ(kt_rename(D "/d1", D "/b"), -ENOTDIR);
	KT_ASSERT_EQ(kt_mkdir(D "/d2", 0755), 0);
	KT_ASSERT_EQ(kt_rename(D "/d2", D "/d1"), -ENOTEMPTY);
	KT_ASSERT_EQ(kt_rename(D "/d1/sub", D "/d2"), 0);	/* empty: ok */
	KT_ASSERT_EQ(kt_stat(D "/d2/..", &a), 0);
	KT_ASSERT_EQ(kt_stat(D, &b), 0);
	KT_ASSERT_EQ(a.st_ino, b.st_ino);
	KT_ASSERT_EQ(kt_stat(D "/d1", &a), 0);
	KT_ASSERT_EQ(a.st_nlink, 2);
	KT_ASSERT_EQ(kt_rename(D "/b", D "/b"), 0);
	KT_ASSERT_EQ(kt_rename(D "/.", D "/x"), -EINVAL);
	KT_ASSERT_EQ(kt_rmdir(D "/d1"), 0);
	KT_ASSERT_EQ(kt_rmdir(D "/d2"), 0);
	KT_ASSERT_EQ(kt_unlink(D "/b"), 0);
}

KTEST(vfs_rename_semantics, 30)
{
	struct proc *p = vfs_enter();

	rename_body();
	vfs_leave(p);
}

static void
unlinked_body(void)
{
	char buf[8];
	long fd;

	KT_ASSERT_EQ(kt_mkfile(D "/gone", "still"), 0);
	fd = kt_open(D "/gone", O_RDONLY, 0);
	KT_ASSERT(fd >= 0);
	KT_ASSERT_EQ(kt_unlink(D "/gone"), 0);
	KT_ASSERT_EQ(kt_open(D "/gone", O_RDONLY, 0), -ENOENT);
	KT_ASSERT_EQ(kt_read(fd, buf, sizeof(buf)), 5);
	KT_ASSERT_EQ(kt_close(fd), 0);		/* the node is freed here */
}

KTEST(vfs_unlinked_open_file_stays_readable, 30)
{
	struct proc *p = vfs_enter();

	unlinked_body();
	vfs_leave(p);
}

static void
link_body(void)
{
	struct stat sb;
	char buf[64];

	KT_ASSERT_EQ(kt_mkfile(D "/t", "target"), 0);
	KT_ASSERT_EQ(KT_ERR(kern_linkat(curthread, AT_FDCWD, D "/t",
	    AT_FDCWD, D "/hard", 0)), 0);
	KT_ASSERT_EQ(kt_stat(D "/t", &sb), 0);
	KT_ASSERT_EQ(sb.st_nlink, 2);
	KT_ASSERT_EQ(KT_ERR(kern_linkat(curthread, AT_FDCWD, D "/t",
	    AT_FDCWD, D "/hard", 0)), -EEXIST);
	KT_ASSERT_EQ(KT_ERR(kern_linkat(curthread, AT_FDCWD, D,
	    AT_FDCWD, D "/dirlink", 0)), -EPERM);
	KT_ASSERT_EQ(KT_ERR(kern_symlinkat(curthread, "t", AT_FDCWD,
	    D "/sym")), 0);
	KT_ASSERT_EQ(kt_lstat(D "/sym", &sb), 0);
	KT_ASSERT(S_ISLNK(sb.st_mode));
	KT_ASSERT_EQ(sb.st_size, 1);
	KT_ASSERT_EQ(kt_stat(D "/sym", &sb), 0);
	KT_ASSERT(S_ISREG(sb.st_mode));
	KT_ASSERT_EQ(kt_open(D "/sym", O_RDONLY | O_NOFOLLOW, 0), -EMLINK);
	KT_ASSERT_EQ(kt_ret(kern_readlinkat(curthread, AT_FDCWD, D "/sym",
	    buf, sizeof(buf), UIO_SYSSPACE)), 1);
	KT_ASSERT_EQ(buf[0], 't');
	KT_ASSERT_EQ(kt_ret(kern_readlinkat(curthread, AT_FDCWD, D "/t",
	    buf, sizeof(buf), UIO_SYSSPACE)), -EINVAL);
	/* A loop. */
	KT_ASSERT_EQ(KT_ERR(kern_symlinkat(curthread, "loop", AT_FDCWD,
	    D "/loop")), 0);
	KT_ASSERT_EQ(kt_open(D "/loop", O_RDONLY, 0), -ELOOP);
	/* A link to a directory, used in the middle of a path. */
	KT_ASSERT_EQ(KT_ERR(kern_symlinkat(curthread, "/tmp", AT_FDCWD,
	    D "/tmplink")), 0);
	KT_ASSERT_EQ(kt_stat(D "/tmplink/ktvfs/t", &sb), 0);
	KT_ASSERT_EQ(kt_unlink(D "/tmplink"), 0);
	KT_ASSERT_EQ(kt_unlink(D "/loop"), 0);
	KT_ASSERT_EQ(kt_unlink(D "/sym"), 0);
	KT_ASSERT_EQ(kt_unlink(D "/hard"), 0);
	KT_ASSERT_EQ(kt_stat(D "/t", &sb), 0);
	KT_ASSERT_EQ(sb.st_nlink, 1);
	KT_ASSERT_EQ(kt_unlink(D "/t"), 0);
}

KTEST(vfs_hard_and_symbolic_links, 30)
{
	struct proc *p = vfs_enter();

	link_body();
	vfs_leave(p);
}

/* getdirentries: ".", "..", then the entries; small buffers resume. */
static void
readdir_body(void)
{
	char *buf = kmalloc(4096, M_TEMP, M_WAITOK);
	int seen = 0, calls = 0;
	off_t base;
	long fd, n;

	KT_ASSERT_EQ(kt_mkfile(D "/one", "1"), 0);
	KT_ASSERT_EQ(kt_mkdir(D "/two", 0755), 0);
	KT_ASSERT_EQ(kt_mkfile(D "/three", "3"), 0);
	fd = kt_open(D, O_RDONLY | O_DIRECTORY, 0);
	KT_ASSERT(fd >= 0);
	KT_ASSERT_EQ(kt_read(fd, buf, 100), -EISDIR);
	/* 40 bytes hold one record: one entry per call. */
	for (;;) {
		n = kt_ret(kern_getdirentries(curthread, fd, buf, 40, &base,
		    UIO_SYSSPACE));
		KT_ASSERT(n >= 0);
		if (n == 0)
			break;
		calls++;
		for (long off = 0; off < n; ) {
			struct dirent *dp = (struct dirent *)(buf + off);

			KT_ASSERT_EQ(dp->d_reclen, _GENERIC_DIRLEN(dp->d_namlen));
			KT_ASSERT_EQ(strlen(dp->d_name), dp->d_namlen);
			if (strcmp(dp->d_name, ".") == 0)
				seen |= 1;
			else if (strcmp(dp->d_name, "..") == 0)
				seen |= 2;
			else if (strcmp(dp->d_name, "one") == 0 &&
			    dp->d_type == DT_REG)
				seen |= 4;
			else if (strcmp(dp->d_name, "two") == 0 &&
			    dp->d_type == DT_DIR)
				seen |= 8;
			else if (strcmp(dp->d_name, "three") == 0)
				seen |= 16;
			else
				seen |= 32;
			off += dp->d_reclen;
		}
	}
	KT_ASSERT_EQ(seen, 31);
	KT_ASSERT_EQ(calls, 5);
	/* Too small for any record: EINVAL. */
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 0)), 0);
	KT_ASSERT_EQ(kt_ret(kern_getdirentries(curthread, fd, buf, 8, &base,
	    UIO_SYSSPACE)), -EINVAL);
	kt_close(fd);
	fd = kt_open(D "/one", O_RDONLY, 0);
	KT_ASSERT_EQ(kt_ret(kern_getdirentries(curthread, fd, buf, 4096,
	    &base, UIO_SYSSPACE)), -EINVAL);
	kt_close(fd);
	KT_ASSERT_EQ(kt_unlink(D "/one"), 0);
	KT_ASSERT_EQ(kt_rmdir(D "/two"), 0);
	KT_ASSERT_EQ(kt_unlink(D "/three"), 0);
	kfree(buf, M_TEMP);
}

KTEST(vfs_getdirentries_lists_every_entry_once, 30)
{
	struct proc *p = vfs_enter();

	readdir_body();
	vfs_leave(p);
}

static void
truncate_body(void)
{
	char buf[16];
	struct stat sb;
	long fd;

	fd = kt_open(D "/tr", O_RDWR | O_CREAT, 0644);
	KT_ASSERT(fd >= 0);
	KT_ASSERT_EQ(kt_write(fd, "0123456789", 10), 10);
	KT_ASSERT_EQ(kt_ret(kern_ftruncate(curthread, fd, 4)), 0);
	KT_ASSERT_EQ(kt_ret(kern_ftruncate(curthread, fd, -1)), -EINVAL);
	/* Grow with a hole: reads as zeros. */
	KT_ASSERT_EQ(kt_ret(kern_ftruncate(curthread, fd, 8)), 0);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 0)), 0);
	KT_ASSERT_EQ(kt_read(fd, buf, sizeof(buf)), 8);
	KT_ASSERT(memcmp(buf, "0123\0\0\0\0", 8) == 0);
	/* Writing past the end leaves a hole too. */
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 10000, 0)), 10000);
	KT_ASSERT_EQ(kt_write(fd, "Z", 1), 1);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, fd, &sb)), 0);
	KT_ASSERT_EQ(sb.st_size, 10001);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, -1, 2)), 10000);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, -20000, 1)), -EINVAL);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 7)), -EINVAL);
	KT_ASSERT_EQ(kt_close(fd), 0);
	/* O_APPEND writes at the end; O_TRUNC empties. */
	fd = kt_open(D "/tr", O_WRONLY | O_APPEND, 0);
	KT_ASSERT_EQ(kt_write(fd, "!", 1), 1);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, fd, &sb)), 0);
	KT_ASSERT_EQ(sb.st_size, 10002);
	KT_ASSERT_EQ(kt_read(fd, buf, 1), -EBADF);
	kt_close(fd);
	fd = kt_open(D "/tr", O_RDONLY, 0);
	KT_ASSERT_EQ(kt_write(fd, "x", 1), -EBADF);
	KT_ASSERT_EQ(kt_ret(kern_ftruncate(curthread, fd, 0)), -EINVAL);
	kt_close(fd);
	fd = kt_open(D "/tr", O_WRONLY | O_TRUNC, 0);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, fd, &sb)), 0);
	KT_ASSERT_EQ(sb.st_size, 0);
	kt_close(fd);
	KT_ASSERT_EQ(kt_unlink(D "/tr"), 0);
}

KTEST(vfs_truncate_lseek_append, 30)
{
	struct proc *p = vfs_enter();

	truncate_body();
	vfs_leave(p);
}

static void
cwd_body(void)
{
	char buf[64];
	struct stat sb;
	long fd;

	KT_ASSERT_EQ(kt_mkdir(D "/cwd", 0755), 0);
	KT_ASSERT_EQ(KT_ERR(kern_chdir(curthread, D "/cwd/../cwd/")), 0);
	KT_ASSERT_EQ(KT_ERR(kern_getcwd(curthread, buf, sizeof(buf))), 0);
	KT_ASSERT(strcmp(buf, D "/cwd") == 0);
	KT_ASSERT_EQ(KT_ERR(kern_getcwd(curthread, buf, 5)), -ERANGE);
	KT_ASSERT_EQ(kt_mkfile("rel", "r"), 0);
	KT_ASSERT_EQ(kt_stat(D "/cwd/rel", &sb), 0);
	KT_ASSERT_EQ(kt_stat("../cwd/rel", &sb), 0);
	KT_ASSERT_EQ(KT_ERR(kern_chdir(curthread, "rel")), -ENOTDIR);
	KT_ASSERT_EQ(KT_ERR(kern_chdir(curthread, "nope")), -ENOENT);
	fd = kt_open(D, O_RDONLY, 0);
	KT_ASSERT_EQ(KT_ERR(kern_fchdir(curthread, fd)), 0);
	KT_ASSERT_EQ(KT_ERR(kern_getcwd(curthread, buf, sizeof(buf))), 0);
	KT_ASSERT(strcmp(buf, D) == 0);
	/* openat relative to a directory descriptor. */
	KT_ASSERT_EQ(kt_ret(kern_openat(curthread, (int)fd, "cwd/rel",
	    O_RDONLY, 0)), fd + 1);
	KT_ASSERT_EQ(kt_close(fd + 1), 0);
	KT_ASSERT_EQ(kt_close(fd), 0);
	KT_ASSERT_EQ(KT_ERR(kern_chdir(curthread, "/")), 0);
	KT_ASSERT_EQ(kt_unlink(D "/cwd/rel"), 0);
	KT_ASSERT_EQ(kt_rmdir(D "/cwd"), 0);
}

KTEST(vfs_chdir_getcwd_and_relative_lookup, 30)
{
	struct proc *p = vfs_enter();

	cwd_body();
	vfs_leave(p);
}

static void
dev_body(void)
{
	char buf[32];
	long fd;

	fd = kt_open("/dev/null", O_RDWR, 0);
	KT_ASSERT(fd >= 0);
	KT_ASSERT_EQ(kt_write(fd, "discard", 7), 7);
	KT_ASSERT_EQ(kt_read(fd, buf, sizeof(buf)), 0);
	kt_close(fd);
	fd = kt_open("/dev/zero", O_RDONLY, 0);
	memset(buf, 'x', sizeof(buf));
	KT_ASSERT_EQ(kt_read(fd, buf, sizeof(buf)), sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		KT_ASSERT_EQ(buf[i], 0);
	kt_close(fd);
}

KTEST(vfs_dev_null_and_zero, 30)
{
	struct proc *p = ktp_enter(64);

	dev_body();
	ktp_leave(p);
}

/* What exec uses: namei_kernel, vn_getattr_kernel, vn_read_kernel. */
static void
exec_helpers_body(void)
{
	struct vnode *vp;
	struct stat sb;
	char buf[8];
	size_t resid;

	KT_ASSERT_EQ(kt_mkfile(D "/prog", "\177ELF-ish"), 0);
	KT_ASSERT_EQ(KT_ERR(kern_chdir(curthread, D)), 0);
	KT_ASSERT_EQ(KT_ERR(namei_kernel(curthread->td_proc, "prog", &vp)), 0);
	KT_ASSERT_EQ(KT_ERR(vn_getattr_kernel(vp, &sb)), 0);
	KT_ASSERT_EQ(sb.st_size, 8);
	KT_ASSERT_EQ(KT_ERR(vn_read_kernel(vp, buf, 4, 0, &resid)), 0);
	KT_ASSERT_EQ(resid, 0);
	KT_ASSERT(memcmp(buf, "\177ELF", 4) == 0);
	KT_ASSERT_EQ(KT_ERR(vn_read_kernel(vp, buf, 8, 5, &resid)), 0);
	KT_ASSERT_EQ(resid, 5);		/* 3 bytes left after offset 5 */
	/* Not executable (0644): exec would refuse. */
	KT_ASSERT_EQ(KT_ERR(vn_access(vp, VEXEC, curthread)), -EACCES);
	vrele(vp);
	KT_ASSERT_EQ(KT_ERR(namei_kernel(NULL, "/tmp/ktvfs/nope", &vp)),
	    -ENOENT);
	KT_ASSERT_EQ(KT_ERR(kern_chdir(curthread, "/")), 0);
	KT_ASSERT_EQ(kt_unlink(D "/prog"), 0);
}

KTEST(vfs_exec_helpers_read_files, 30)
{
	struct proc *p = vfs_enter();

	exec_helpers_body();
	vfs_leave(p);
}

/* Threads on every CPU create, rename and remove files in one dir. */
static struct proc *cc_proc;
static volatile int cc_fail;

static void
cc_worker(void *arg)
{
	int id = (int)(intptr_t)arg;
	char a[48], b[48];

	curthread->td_proc = cc_proc;
	for (int i = 0; i < 40; i++) {
		ksnprintf(a, sizeof(a), D "/w%d-%d", id, i);
		ksnprintf(b, sizeof(b), D "/r%d-%d", id, i);
		if (kt_mkfile(a, "data") != 0 || kt_rename(a, b) != 0 ||
		    kt_unlink(b) != 0)
			cc_fail = 1;
	}
	curthread->td_proc = NULL;
}

KTEST(vfs_concurrent_create_rename_unlink, 120)
{
	struct proc *p = vfs_enter();

	cc_proc = p;
	cc_fail = 0;
	for (int i = 0; i < 4; i++)
		ktest_spawn(cc_worker, (void *)(intptr_t)i, i % ncpus, "vfscc");
	ktest_join();
	if (cc_fail)
		ktest_fail(__FILE__, __LINE__, "a worker failed");
	vfs_leave(p);
}

/* A larger file crossing many pages, written and read in odd pieces. */
static void
bigfile_body(void)
{
	char *buf = kmalloc(20000, M_TEMP, M_WAITOK);
	long fd;

	for (int i = 0; i < 20000; i++)
		buf[i] = (char)(i % 251);
	fd = kt_open(D "/big", O_RDWR | O_CREAT, 0600);
	for (int off = 0; off < 20000; off += 777)
		KT_ASSERT_EQ(kt_write(fd, buf + off, MIN(777, 20000 - off)),
		    MIN(777, 20000 - off));
	memset(buf, 0, 20000);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 0)), 0);
	KT_ASSERT_EQ(kt_read(fd, buf, 20000), 20000);
	for (int i = 0; i < 20000; i++)
		KT_ASSERT_EQ((uint8_t)buf[i], (uint8_t)(i % 251));
	kt_close(fd);
	KT_ASSERT_EQ(kt_unlink(D "/big"), 0);
	kfree(buf, M_TEMP);
}

KTEST(vfs_multi_page_file_round_trip, 30)
{
	struct proc *p = vfs_enter();

	bigfile_body();
	vfs_leave(p);
}

/*
 * Every regular file of the initrd (if the boot had one) is in / with
 * the archive's bytes.  The archive is walked here independently of
 * vfs_mountroot.c's parser.
 */
#include <machine/md_var.h>
#include <machine/pmap.h>

static uint32_t
kt_hex8(const char *p)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 4 | (uint32_t)(p[i] <= '9' ? p[i] - '0' :
		    (p[i] | 0x20) - 'a' + 10);
	return (v);
}

static void
initrd_body(void)
{
	const char *base = PHYS_TO_DMAP(initrd_pa);
	char *buf = kmalloc(4096, M_TEMP, M_WAITOK);
	size_t off = 0, resid;
	int files = 0;

	while (off + 110 <= initrd_size) {
		const char *h = base + off, *name = h + 110, *data;
		uint32_t mode = kt_hex8(h + 14), size = kt_hex8(h + 54);
		uint32_t namesz = kt_hex8(h + 94);
		struct vnode *vp;
		char path[256];

		KT_ASSERT(memcmp(h, "07070", 5) == 0);
		if (strcmp(name, "TRAILER!!!") == 0)
			break;
		data = base + roundup(off + 110 + namesz, 4);
		off = roundup((size_t)(data - base) + size, 4);
		if ((mode & S_IFMT) != S_IFREG)
			continue;
		ksnprintf(path, sizeof(path), "/%s", name);
		KT_ASSERT_MSG(namei_kernel(NULL, path, &vp) == 0, "%s", path);
		for (size_t o = 0; o < size; o += 4096) {
			size_t n = MIN(4096, size - o);

			KT_ASSERT_EQ(KT_ERR(vn_read_kernel(vp, buf, n, o,
			    &resid)), 0);
			KT_ASSERT_EQ(resid, 0);
			KT_ASSERT_MSG(memcmp(buf, data + o, n) == 0, "%s", path);
		}
		vrele(vp);
		files++;
	}
	kprintf("ktest: %d initrd files checked\n", files);
	kfree(buf, M_TEMP);
}

KTEST(vfs_initrd_files_match_the_archive, 60)
{
	if (initrd_size == 0) {
		kprintf("ktest: no initrd in this boot; nothing to compare\n");
		return;
	}
	initrd_body();
}

/* A file backed by read-only memory is copied on its first write. */
void	tmpfs_set_external(struct vnode *vp, const char *data, size_t len);
static const char ext_data[5000] = "external bytes";

static void
external_body(void)
{
	struct vnode *vp;
	char buf[16];
	long fd;

	KT_ASSERT_EQ(kt_mkfile(D "/ext", ""), 0);
	KT_ASSERT_EQ(KT_ERR(namei_kernel(NULL, D "/ext", &vp)), 0);
	vfs_lock(rootmount, 1);
	tmpfs_set_external(vp, ext_data, sizeof(ext_data));
	vfs_unlock(rootmount);
	vrele(vp);
	fd = kt_open(D "/ext", O_RDWR, 0);
	KT_ASSERT_EQ(kt_read(fd, buf, 8), 8);
	KT_ASSERT(memcmp(buf, "external", 8) == 0);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 0)), 0);
	KT_ASSERT_EQ(kt_write(fd, "EX", 2), 2);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 0)), 0);
	KT_ASSERT_EQ(kt_read(fd, buf, 14), 14);
	KT_ASSERT(memcmp(buf, "EXternal bytes", 14) == 0);
	KT_ASSERT(memcmp(ext_data, "external", 8) == 0);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fd, 0, 2)), 5000);
	kt_close(fd);
	KT_ASSERT_EQ(kt_unlink(D "/ext"), 0);
}

KTEST(vfs_external_file_is_copied_on_first_write, 30)
{
	struct proc *p = vfs_enter();

	external_body();
	vfs_leave(p);
}
