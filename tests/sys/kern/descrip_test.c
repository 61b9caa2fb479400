/*
 * descrip_test: descriptor semantics: lowest free descriptor, dup, dup2,
 * fcntl (F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD/F_SETFD, F_GETFL/F_SETFL),
 * EBADF, EMFILE at RLIMIT_NOFILE, closefrom, close-on-exec across exec.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(open_returns_lowest_free_descriptor);
ATF_TC_BODY(open_returns_lowest_free_descriptor, tc)
{
	int a, b;

	a = open("/dev/null", O_RDONLY);
	b = open("/dev/null", O_RDONLY);
	ATF_REQUIRE(a >= 0 && b == a + 1);
	ATF_REQUIRE_EQ(close(a), 0);
	ATF_REQUIRE_EQ(open("/dev/null", O_RDONLY), a);
	ATF_REQUIRE_EQ(dup(b), b + 1);
	close(a);
	close(b);
	close(b + 1);
}

ATF_TC_WITHOUT_HEAD(dup2_replaces_target_and_clears_cloexec);
ATF_TC_BODY(dup2_replaces_target_and_clears_cloexec, tc)
{
	int a, b;

	a = open("/dev/null", O_RDONLY | O_CLOEXEC);
	b = open("/dev/zero", O_RDONLY);
	ATF_REQUIRE(a >= 0 && b >= 0);
	ATF_REQUIRE_EQ(dup2(a, b), b);
	ATF_REQUIRE_EQ(fcntl(b, F_GETFD), 0);
	ATF_REQUIRE_EQ(fcntl(a, F_GETFD), FD_CLOEXEC);
	ATF_REQUIRE_EQ(dup2(a, a), a);
	errno = 0;
	ATF_REQUIRE_EQ(dup2(a, -1), -1);
	ATF_REQUIRE_EQ(errno, EBADF);
	close(a);
	errno = 0;
	ATF_REQUIRE_EQ(dup2(a, b), -1);
	ATF_REQUIRE_EQ(errno, EBADF);
	close(b);
}

ATF_TC_WITHOUT_HEAD(fcntl_dupfd_and_flags);
ATF_TC_BODY(fcntl_dupfd_and_flags, tc)
{
	int fd, d;

	fd = open("/dev/null", O_WRONLY | O_APPEND);
	ATF_REQUIRE(fd >= 0);
	d = fcntl(fd, F_DUPFD, 20);
	ATF_REQUIRE(d >= 20);
	ATF_REQUIRE_EQ(fcntl(d, F_GETFD), 0);
	close(d);
	d = fcntl(fd, F_DUPFD_CLOEXEC, 20);
	ATF_REQUIRE(d >= 20);
	ATF_REQUIRE_EQ(fcntl(d, F_GETFD), FD_CLOEXEC);
	ATF_REQUIRE_EQ(fcntl(d, F_SETFD, 0), 0);
	ATF_REQUIRE_EQ(fcntl(d, F_GETFD), 0);
	ATF_REQUIRE_EQ(fcntl(fd, F_GETFL), O_WRONLY | O_APPEND);
	ATF_REQUIRE_EQ(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	ATF_REQUIRE_EQ(fcntl(d, F_GETFL), O_WRONLY | O_NONBLOCK);
	errno = 0;
	ATF_REQUIRE_EQ(fcntl(fd, F_DUPFD, -1), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
	close(d);
	close(fd);
}

ATF_TC_WITHOUT_HEAD(operations_on_closed_descriptor_EBADF);
ATF_TC_BODY(operations_on_closed_descriptor_EBADF, tc)
{
	char c;

	errno = 0;
	ATF_REQUIRE_EQ(close(1000), -1);
	ATF_REQUIRE_EQ(errno, EBADF);
	errno = 0;
	ATF_REQUIRE_EQ(read(1000, &c, 1), -1);
	ATF_REQUIRE_EQ(errno, EBADF);
	errno = 0;
	ATF_REQUIRE_EQ(fcntl(1000, F_GETFD), -1);
	ATF_REQUIRE_EQ(errno, EBADF);
}

ATF_TC_WITHOUT_HEAD(open_EMFILE_at_RLIMIT_NOFILE);
ATF_TC_BODY(open_EMFILE_at_RLIMIT_NOFILE, tc)
{
	struct rlimit rl = { 32, 32 };
	int fd, first, last, err, dupres, duperr;

	ATF_REQUIRE_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	ATF_REQUIRE_EQ(getdtablesize(), 32);
	first = open("/dev/null", O_RDONLY);
	ATF_REQUIRE(first >= 0);
	last = first;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		last = fd;
	err = errno;
	errno = 0;
	dupres = dup(0);
	duperr = errno;
	/* Give the descriptors back: atf must still write its result. */
	for (fd = first; fd <= last; fd++)
		close(fd);
	ATF_REQUIRE_EQ(err, EMFILE);
	ATF_REQUIRE_EQ(last, 31);
	ATF_REQUIRE_EQ(dupres, -1);
	ATF_REQUIRE_EQ(duperr, EMFILE);
}

ATF_TC_WITHOUT_HEAD(closefrom_closes_everything_above);
ATF_TC_BODY(closefrom_closes_everything_above, tc)
{
	int fd;

	ATF_REQUIRE_EQ(dup2(0, 40), 40);
	ATF_REQUIRE_EQ(dup2(0, 41), 41);
	fd = open("/dev/null", O_RDONLY);
	ATF_REQUIRE(fd >= 0 && fd < 40);
	closefrom(40);
	ATF_REQUIRE_EQ(fcntl(40, F_GETFD), -1);
	ATF_REQUIRE_EQ(fcntl(41, F_GETFD), -1);
	ATF_REQUIRE(fcntl(fd, F_GETFD) >= 0);
	close(fd);
}

/* A close-on-exec descriptor is gone in the exec'd program. */
ATF_TC_WITHOUT_HEAD(cloexec_descriptor_closed_by_exec);
ATF_TC_BODY(cloexec_descriptor_closed_by_exec, tc)
{
	int status;
	pid_t pid;

	ATF_REQUIRE_EQ(fcntl(0, F_DUPFD_CLOEXEC, 50), 50);
	ATF_REQUIRE_EQ(fcntl(0, F_DUPFD, 51), 51);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		/* sh exits 0 only if 51 is open and 50 is not. */
		execl("/bin/sh", "sh", "-c",
		    "true <&51 && ! true <&50 2>/dev/null", (char *)NULL);
		_exit(127);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFEXITED(status));
	ATF_REQUIRE_EQ(WEXITSTATUS(status), 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, open_returns_lowest_free_descriptor);
	ATF_TP_ADD_TC(tp, dup2_replaces_target_and_clears_cloexec);
	ATF_TP_ADD_TC(tp, fcntl_dupfd_and_flags);
	ATF_TP_ADD_TC(tp, operations_on_closed_descriptor_EBADF);
	ATF_TP_ADD_TC(tp, open_EMFILE_at_RLIMIT_NOFILE);
	ATF_TP_ADD_TC(tp, closefrom_closes_everything_above);
	ATF_TP_ADD_TC(tp, cloexec_descriptor_closed_by_exec);
	return (atf_no_error());
}
