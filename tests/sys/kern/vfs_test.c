/*
 * vfs_test: the file system as FreeBSD programs see it: create, read,
 * write, stat, the namespace errnos (ENOENT, EEXIST, ENOTDIR, EISDIR,
 * ENOTEMPTY, EPERM, EINVAL), rename, links, directories, the cwd,
 * truncate, lseek, O_APPEND, devices and isatty.  Each case works in the
 * directory kyua gives it.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#define REQUIRE_ERRNO(expr, err) do {					\
	errno = 0;							\
	ATF_REQUIRE_EQ((expr), -1);					\
	ATF_REQUIRE_EQ(errno, (err));					\
} while (0)

static void
mkfile(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(write(fd, s, strlen(s)), (ssize_t)strlen(s));
	ATF_REQUIRE_EQ(close(fd), 0);
}

ATF_TC_WITHOUT_HEAD(create_write_stat_read);
ATF_TC_BODY(create_write_stat_read, tc)
{
	struct stat sb;
	char buf[32];
	int fd;

	umask(022);
	fd = open("f", O_RDWR | O_CREAT | O_EXCL, 0666);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(write(fd, "contents", 8), 8);
	ATF_REQUIRE_EQ(fstat(fd, &sb), 0);
	ATF_REQUIRE(S_ISREG(sb.st_mode));
	ATF_REQUIRE_EQ(sb.st_mode & 0777, 0644);
	ATF_REQUIRE_EQ(sb.st_size, 8);
	ATF_REQUIRE_EQ(sb.st_nlink, 1);
	ATF_REQUIRE_EQ(pread(fd, buf, sizeof(buf), 2), 6);
	ATF_REQUIRE(memcmp(buf, "ntents", 6) == 0);
	ATF_REQUIRE_EQ(close(fd), 0);
	ATF_REQUIRE_EQ(stat("f", &sb), 0);
	ATF_REQUIRE_EQ(sb.st_size, 8);
	REQUIRE_ERRNO(open("f", O_RDWR | O_CREAT | O_EXCL, 0666), EEXIST);
}

ATF_TC_WITHOUT_HEAD(namespace_errnos);
ATF_TC_BODY(namespace_errnos, tc)
{
	mkfile("file", "x");
	ATF_REQUIRE_EQ(mkdir("dir", 0755), 0);
	mkfile("dir/inner", "y");
	REQUIRE_ERRNO(open("missing", O_RDONLY), ENOENT);
	REQUIRE_ERRNO(open("file/x", O_RDONLY), ENOTDIR);
	REQUIRE_ERRNO(open("dir", O_WRONLY), EISDIR);
	REQUIRE_ERRNO(open("file", O_RDONLY | O_DIRECTORY), ENOTDIR);
	REQUIRE_ERRNO(mkdir("file", 0755), EEXIST);
	REQUIRE_ERRNO(mkdir("no/such", 0755), ENOENT);
	REQUIRE_ERRNO(rmdir("dir"), ENOTEMPTY);
	REQUIRE_ERRNO(rmdir("file"), ENOTDIR);
	REQUIRE_ERRNO(rmdir("dir/."), EINVAL);
	REQUIRE_ERRNO(unlink("dir"), EPERM);
	REQUIRE_ERRNO(unlink("missing"), ENOENT);
	REQUIRE_ERRNO(rename("dir", "dir/inner/x"), ENOTDIR);
	REQUIRE_ERRNO(rename("dir", "dir/sub"), EINVAL);
	REQUIRE_ERRNO(rename("file", "dir"), EISDIR);
	REQUIRE_ERRNO(rename("dir", "file"), ENOTDIR);
	ATF_REQUIRE_EQ(unlink("dir/inner"), 0);
	ATF_REQUIRE_EQ(rmdir("dir"), 0);
	ATF_REQUIRE_EQ(unlink("file"), 0);
}

ATF_TC_WITHOUT_HEAD(rename_replaces_and_moves);
ATF_TC_BODY(rename_replaces_and_moves, tc)
{
	struct stat a, b;

	mkfile("a", "AAA");
	mkfile("b", "B");
	ATF_REQUIRE_EQ(stat("a", &a), 0);
	ATF_REQUIRE_EQ(rename("a", "b"), 0);
	REQUIRE_ERRNO(stat("a", &b), ENOENT);
	ATF_REQUIRE_EQ(stat("b", &b), 0);
	ATF_REQUIRE_EQ(a.st_ino, b.st_ino);
	ATF_REQUIRE_EQ(b.st_size, 3);
	ATF_REQUIRE_EQ(mkdir("d", 0755), 0);
	ATF_REQUIRE_EQ(rename("b", "d/b"), 0);
	ATF_REQUIRE_EQ(stat("d/b", &b), 0);
	ATF_REQUIRE_EQ(mkdir("e", 0755), 0);
	ATF_REQUIRE_EQ(rename("e", "d/e"), 0);
	ATF_REQUIRE_EQ(stat("d", &a), 0);
	ATF_REQUIRE_EQ(a.st_nlink, 3);
}

ATF_TC_WITHOUT_HEAD(unlinked_open_file_still_readable);
ATF_TC_BODY(unlinked_open_file_still_readable, tc)
{
	char buf[8];
	int fd;

	mkfile("gone", "still");
	fd = open("gone", O_RDONLY);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(unlink("gone"), 0);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 5);
	ATF_REQUIRE_EQ(close(fd), 0);
}

ATF_TC_WITHOUT_HEAD(hard_and_symbolic_links);
ATF_TC_BODY(hard_and_symbolic_links, tc)
{
	struct stat sb;
	char buf[64];

	mkfile("t", "target");
	ATF_REQUIRE_EQ(link("t", "h"), 0);
	ATF_REQUIRE_EQ(stat("t", &sb), 0);
	ATF_REQUIRE_EQ(sb.st_nlink, 2);
	REQUIRE_ERRNO(link("t", "h"), EEXIST);
	ATF_REQUIRE_EQ(symlink("t", "s"), 0);
	ATF_REQUIRE_EQ(lstat("s", &sb), 0);
	ATF_REQUIRE(S_ISLNK(sb.st_mode));
	ATF_REQUIRE_EQ(stat("s", &sb), 0);
	ATF_REQUIRE(S_ISREG(sb.st_mode));
	ATF_REQUIRE_EQ(readlink("s", buf, sizeof(buf)), 1);
	ATF_REQUIRE_EQ(buf[0], 't');
	REQUIRE_ERRNO(open("s", O_RDONLY | O_NOFOLLOW), EMLINK);
	ATF_REQUIRE_EQ(symlink("loop", "loop"), 0);
	REQUIRE_ERRNO(open("loop", O_RDONLY), ELOOP);
}

ATF_TC_WITHOUT_HEAD(readdir_lists_entries);
ATF_TC_BODY(readdir_lists_entries, tc)
{
	struct dirent *dp;
	int seen = 0;
	DIR *d;

	ATF_REQUIRE_EQ(mkdir("dir", 0755), 0);
	mkfile("dir/one", "1");
	ATF_REQUIRE_EQ(mkdir("dir/two", 0755), 0);
	d = opendir("dir");
	ATF_REQUIRE(d != NULL);
	while ((dp = readdir(d)) != NULL) {
		if (strcmp(dp->d_name, ".") == 0)
			seen |= 1;
		else if (strcmp(dp->d_name, "..") == 0)
			seen |= 2;
		else if (strcmp(dp->d_name, "one") == 0 && dp->d_type == DT_REG)
			seen |= 4;
		else if (strcmp(dp->d_name, "two") == 0 && dp->d_type == DT_DIR)
			seen |= 8;
		else
			seen |= 16;
	}
	ATF_REQUIRE_EQ(closedir(d), 0);
	ATF_REQUIRE_EQ(seen, 15);
}

ATF_TC_WITHOUT_HEAD(chdir_getcwd_relative_paths);
ATF_TC_BODY(chdir_getcwd_relative_paths, tc)
{
	char start[PATH_MAX], buf[PATH_MAX], want[PATH_MAX + 8];
	int fd;

	ATF_REQUIRE(getcwd(start, sizeof(start)) != NULL);
	ATF_REQUIRE_EQ(mkdir("sub", 0755), 0);
	ATF_REQUIRE_EQ(chdir("sub/../sub/"), 0);
	ATF_REQUIRE(getcwd(buf, sizeof(buf)) != NULL);
	snprintf(want, sizeof(want), "%s/sub", strcmp(start, "/") ? start : "");
	ATF_REQUIRE_STREQ(buf, want);
	mkfile("rel", "r");
	REQUIRE_ERRNO(chdir("rel"), ENOTDIR);
	errno = 0;
	ATF_REQUIRE(getcwd(buf, 2) == NULL);
	ATF_REQUIRE_EQ(errno, ERANGE);
	fd = open("..", O_RDONLY | O_DIRECTORY);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(fchdir(fd), 0);
	ATF_REQUIRE(getcwd(buf, sizeof(buf)) != NULL);
	ATF_REQUIRE_STREQ(buf, start);
	ATF_REQUIRE(openat(fd, "sub/rel", O_RDONLY) >= 0);
	close(fd);
}

ATF_TC_WITHOUT_HEAD(ftruncate_lseek_and_append);
ATF_TC_BODY(ftruncate_lseek_and_append, tc)
{
	struct stat sb;
	char buf[16];
	int fd;

	fd = open("t", O_RDWR | O_CREAT, 0644);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(write(fd, "0123456789", 10), 10);
	ATF_REQUIRE_EQ(ftruncate(fd, 4), 0);
	ATF_REQUIRE_EQ(ftruncate(fd, 8), 0);
	ATF_REQUIRE_EQ(lseek(fd, 0, SEEK_SET), 0);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 8);
	ATF_REQUIRE(memcmp(buf, "0123\0\0\0\0", 8) == 0);
	ATF_REQUIRE_EQ(lseek(fd, -1, SEEK_END), 7);
	REQUIRE_ERRNO(lseek(fd, -100, SEEK_CUR), EINVAL);
	close(fd);
	fd = open("t", O_WRONLY | O_APPEND);
	ATF_REQUIRE_EQ(write(fd, "!", 1), 1);
	ATF_REQUIRE_EQ(fstat(fd, &sb), 0);
	ATF_REQUIRE_EQ(sb.st_size, 9);
	close(fd);
	fd = open("t", O_RDONLY);
	REQUIRE_ERRNO(write(fd, "x", 1), EBADF);
	REQUIRE_ERRNO(ftruncate(fd, 0), EINVAL);
	close(fd);
	ATF_REQUIRE_EQ(truncate("t", 0), 0);
	ATF_REQUIRE_EQ(stat("t", &sb), 0);
	ATF_REQUIRE_EQ(sb.st_size, 0);
}

ATF_TC_WITHOUT_HEAD(dev_null_zero_and_console);
ATF_TC_BODY(dev_null_zero_and_console, tc)
{
	char buf[8];
	int fd;

	fd = open("/dev/null", O_RDWR);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(write(fd, "abc", 3), 3);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 0);
	ATF_REQUIRE(!isatty(fd));
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	memset(buf, 1, sizeof(buf));
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 8);
	ATF_REQUIRE_EQ(buf[0] | buf[7], 0);
	close(fd);
	fd = open("/dev/console", O_WRONLY);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE(isatty(fd));
	close(fd);
}

ATF_TC_WITHOUT_HEAD(mkstemp_in_tmp);
ATF_TC_BODY(mkstemp_in_tmp, tc)
{
	char path[] = "/tmp/vfs_test.XXXXXX";
	struct stat sb;
	int fd;

	fd = mkstemp(path);
	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE_EQ(fstat(fd, &sb), 0);
	ATF_REQUIRE_EQ(sb.st_mode & 0777, 0600);
	ATF_REQUIRE_EQ(unlink(path), 0);
	close(fd);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, create_write_stat_read);
	ATF_TP_ADD_TC(tp, namespace_errnos);
	ATF_TP_ADD_TC(tp, rename_replaces_and_moves);
	ATF_TP_ADD_TC(tp, unlinked_open_file_still_readable);
	ATF_TP_ADD_TC(tp, hard_and_symbolic_links);
	ATF_TP_ADD_TC(tp, readdir_lists_entries);
	ATF_TP_ADD_TC(tp, chdir_getcwd_relative_paths);
	ATF_TP_ADD_TC(tp, ftruncate_lseek_and_append);
	ATF_TP_ADD_TC(tp, dev_null_zero_and_console);
	ATF_TP_ADD_TC(tp, mkstemp_in_tmp);
	return (atf_no_error());
}
