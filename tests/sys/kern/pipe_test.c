/*
 * pipe_test: pipe(2)/pipe2(2) as FreeBSD programs see them: data, EOF,
 * EPIPE and SIGPIPE, flags, non-blocking mode, PIPE_BUF atomicity between
 * processes, FIONREAD, fstat, lseek.
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(pipe_bytes_come_out_in_order);
ATF_TC_BODY(pipe_bytes_come_out_in_order, tc)
{
	char buf[32];
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	ATF_REQUIRE_EQ(write(fds[1], "abc", 3), 3);
	ATF_REQUIRE_EQ(write(fds[1], "def", 3), 3);
	ATF_REQUIRE_EQ(read(fds[0], buf, sizeof(buf)), 6);
	ATF_REQUIRE(memcmp(buf, "abcdef", 6) == 0);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(pipe_read_returns_0_after_writer_closes);
ATF_TC_BODY(pipe_read_returns_0_after_writer_closes, tc)
{
	char buf[8];
	int fds[2];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	ATF_REQUIRE_EQ(write(fds[1], "x", 1), 1);
	close(fds[1]);
	ATF_REQUIRE_EQ(read(fds[0], buf, sizeof(buf)), 1);
	ATF_REQUIRE_EQ(read(fds[0], buf, sizeof(buf)), 0);
	close(fds[0]);
}

static volatile sig_atomic_t got_sigpipe;

static void
on_sigpipe(int sig)
{
	got_sigpipe = sig;
}

ATF_TC_WITHOUT_HEAD(pipe_write_without_reader_EPIPE_and_SIGPIPE);
ATF_TC_BODY(pipe_write_without_reader_EPIPE_and_SIGPIPE, tc)
{
	int fds[2];

	ATF_REQUIRE(signal(SIGPIPE, on_sigpipe) != SIG_ERR);
	ATF_REQUIRE_EQ(pipe(fds), 0);
	close(fds[0]);
	errno = 0;
	ATF_REQUIRE_EQ(write(fds[1], "x", 1), -1);
	ATF_REQUIRE_EQ(errno, EPIPE);
	ATF_REQUIRE_EQ(got_sigpipe, SIGPIPE);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(pipe_sigpipe_kills_by_default);
ATF_TC_BODY(pipe_sigpipe_kills_by_default, tc)
{
	int fds[2], status;
	pid_t pid;

	ATF_REQUIRE_EQ(pipe(fds), 0);
	close(fds[0]);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		(void)write(fds[1], "x", 1);
		_exit(0);
	}
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFSIGNALED(status));
	ATF_REQUIRE_EQ(WTERMSIG(status), SIGPIPE);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(pipe2_sets_cloexec_and_nonblock);
ATF_TC_BODY(pipe2_sets_cloexec_and_nonblock, tc)
{
	int fds[2];

	ATF_REQUIRE_EQ(pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
	for (int i = 0; i < 2; i++) {
		ATF_REQUIRE_EQ(fcntl(fds[i], F_GETFD), FD_CLOEXEC);
		ATF_REQUIRE(fcntl(fds[i], F_GETFL) & O_NONBLOCK);
		close(fds[i]);
	}
	ATF_REQUIRE_EQ(pipe2(fds, 0), 0);
	ATF_REQUIRE_EQ(fcntl(fds[0], F_GETFD), 0);
	ATF_REQUIRE_EQ(fcntl(fds[0], F_GETFL) & O_NONBLOCK, 0);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(pipe2_unknown_flag_EINVAL);
ATF_TC_BODY(pipe2_unknown_flag_EINVAL, tc)
{
	int fds[2];

	errno = 0;
	ATF_REQUIRE_EQ(pipe2(fds, O_APPEND), -1);
	ATF_REQUIRE_EQ(errno, EINVAL);
}

ATF_TC_WITHOUT_HEAD(pipe_nonblocking_empty_read_EAGAIN);
ATF_TC_BODY(pipe_nonblocking_empty_read_EAGAIN, tc)
{
	char c;
	int fds[2];

	ATF_REQUIRE_EQ(pipe2(fds, O_NONBLOCK), 0);
	errno = 0;
	ATF_REQUIRE_EQ(read(fds[0], &c, 1), -1);
	ATF_REQUIRE_EQ(errno, EAGAIN);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(pipe_nonblocking_full_write_EAGAIN);
ATF_TC_BODY(pipe_nonblocking_full_write_EAGAIN, tc)
{
	char buf[4096];
	ssize_t n, total = 0;
	int fds[2];

	memset(buf, 'p', sizeof(buf));
	ATF_REQUIRE_EQ(pipe2(fds, O_NONBLOCK), 0);
	while ((n = write(fds[1], buf, sizeof(buf))) > 0)
		total += n;
	ATF_REQUIRE_EQ(n, -1);
	ATF_REQUIRE_EQ(errno, EAGAIN);
	ATF_REQUIRE(total >= PIPE_BUF);
	close(fds[0]);
	close(fds[1]);
}

/* Children write PIPE_BUF-byte records at once; none is split. */
ATF_TC_WITHOUT_HEAD(pipe_PIPE_BUF_writes_are_atomic_between_processes);
ATF_TC_BODY(pipe_PIPE_BUF_writes_are_atomic_between_processes, tc)
{
	enum { NCHILD = 4, NREC = 50 };
	unsigned char rec[PIPE_BUF];
	int fds[2], status;
	pid_t pids[NCHILD];

	ATF_REQUIRE_EQ(pipe(fds), 0);
	for (int c = 0; c < NCHILD; c++) {
		pids[c] = fork();
		ATF_REQUIRE(pids[c] >= 0);
		if (pids[c] == 0) {
			close(fds[0]);
			memset(rec, 'A' + c, sizeof(rec));
			for (int i = 0; i < NREC; i++)
				if (write(fds[1], rec, sizeof(rec)) !=
				    (ssize_t)sizeof(rec))
					_exit(1);
			_exit(0);
		}
	}
	close(fds[1]);
	for (int n = 0; n < NCHILD * NREC; n++) {
		size_t got = 0;

		while (got < sizeof(rec)) {
			ssize_t r = read(fds[0], rec + got, sizeof(rec) - got);

			ATF_REQUIRE(r > 0);
			got += r;
		}
		for (size_t i = 1; i < sizeof(rec); i++)
			ATF_REQUIRE_EQ(rec[i], rec[0]);
	}
	ATF_REQUIRE_EQ(read(fds[0], rec, 1), 0);
	for (int c = 0; c < NCHILD; c++) {
		ATF_REQUIRE_EQ(waitpid(pids[c], &status, 0), pids[c]);
		ATF_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	close(fds[0]);
}

ATF_TC_WITHOUT_HEAD(pipe_fionread_fstat_and_lseek);
ATF_TC_BODY(pipe_fionread_fstat_and_lseek, tc)
{
	struct stat sb;
	int fds[2], n = -1;

	ATF_REQUIRE_EQ(pipe(fds), 0);
	ATF_REQUIRE_EQ(write(fds[1], "12345", 5), 5);
	ATF_REQUIRE_EQ(ioctl(fds[0], FIONREAD, &n), 0);
	ATF_REQUIRE_EQ(n, 5);
	ATF_REQUIRE_EQ(fstat(fds[0], &sb), 0);
	ATF_REQUIRE(S_ISFIFO(sb.st_mode));
	errno = 0;
	ATF_REQUIRE_EQ(lseek(fds[0], 0, SEEK_SET), -1);
	ATF_REQUIRE_EQ(errno, ESPIPE);
	close(fds[0]);
	close(fds[1]);
}

ATF_TC_WITHOUT_HEAD(pipe_reader_blocks_until_child_writes);
ATF_TC_BODY(pipe_reader_blocks_until_child_writes, tc)
{
	char buf[8];
	int fds[2], status;
	pid_t pid;

	ATF_REQUIRE_EQ(pipe(fds), 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		usleep(100000);
		_exit(write(fds[1], "late", 4) == 4 ? 0 : 1);
	}
	ATF_REQUIRE_EQ(read(fds[0], buf, sizeof(buf)), 4);
	ATF_REQUIRE_EQ(waitpid(pid, &status, 0), pid);
	ATF_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fds[0]);
	close(fds[1]);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, pipe_bytes_come_out_in_order);
	ATF_TP_ADD_TC(tp, pipe_read_returns_0_after_writer_closes);
	ATF_TP_ADD_TC(tp, pipe_write_without_reader_EPIPE_and_SIGPIPE);
	ATF_TP_ADD_TC(tp, pipe_sigpipe_kills_by_default);
	ATF_TP_ADD_TC(tp, pipe2_sets_cloexec_and_nonblock);
	ATF_TP_ADD_TC(tp, pipe2_unknown_flag_EINVAL);
	ATF_TP_ADD_TC(tp, pipe_nonblocking_empty_read_EAGAIN);
	ATF_TP_ADD_TC(tp, pipe_nonblocking_full_write_EAGAIN);
	ATF_TP_ADD_TC(tp, pipe_PIPE_BUF_writes_are_atomic_between_processes);
	ATF_TP_ADD_TC(tp, pipe_fionread_fstat_and_lseek);
	ATF_TP_ADD_TC(tp, pipe_reader_blocks_until_child_writes);
	return (atf_no_error());
}
