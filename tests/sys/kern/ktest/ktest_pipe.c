/*
 * ktest_pipe.c: self tests for pipes (kern/sys_pipe.c) and for poll and
 * select on them (kern/sys_generic.c): data, EOF, EPIPE, blocking and
 * wakeups across CPUs, PIPE_BUF atomicity with concurrent writers,
 * non-blocking behaviour, poll readiness transitions, timeouts.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/fcntl.h>
#include <sys/filio.h>
#include <sys/pipe.h>
#include <sys/poll.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <machine/atomic.h>
#include <machine/md_var.h>
#include "ktest_files.h"

static int
other_cpu(void)
{
	return (ncpus > 1 ? 1 : 0);
}

KTEST(pipe_bytes_written_are_read_in_order, 30)
{
	struct file *fp[2];
	char buf[16];

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, fp, 0)), 0);
	KT_ASSERT_EQ(kt_fo_rw(fp[1], "hello", 5, 1), 5);
	KT_ASSERT_EQ(kt_fo_rw(fp[1], " world", 6, 1), 6);
	KT_ASSERT_EQ(kt_fo_rw(fp[0], buf, sizeof(buf), 0), 11);
	KT_ASSERT(memcmp(buf, "hello world", 11) == 0);
	/* FreeBSD pipes are bidirectional. */
	KT_ASSERT_EQ(kt_fo_rw(fp[0], "back", 4, 1), 4);
	KT_ASSERT_EQ(kt_fo_rw(fp[1], buf, sizeof(buf), 0), 4);
	fdrop(fp[0]);
	fdrop(fp[1]);
}

KTEST(pipe_read_empty_nonblocking_EAGAIN, 30)
{
	struct file *fp[2];
	char buf[4];

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, fp, O_NONBLOCK)), 0);
	KT_ASSERT_EQ(kt_fo_rw(fp[0], buf, sizeof(buf), 0), -EAGAIN);
	fdrop(fp[0]);
	fdrop(fp[1]);
}

KTEST(pipe_read_after_writer_closed_is_EOF_after_data, 30)
{
	struct file *fp[2];
	char buf[8];

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, fp, 0)), 0);
	KT_ASSERT_EQ(kt_fo_rw(fp[1], "abc", 3, 1), 3);
	fdrop(fp[1]);
	KT_ASSERT_EQ(kt_fo_rw(fp[0], buf, sizeof(buf), 0), 3);
	KT_ASSERT_EQ(kt_fo_rw(fp[0], buf, sizeof(buf), 0), 0);
	KT_ASSERT_EQ(kt_fo_rw(fp[0], buf, sizeof(buf), 0), 0);
	fdrop(fp[0]);
}

KTEST(pipe_write_after_reader_closed_EPIPE, 30)
{
	struct file *fp[2];

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, fp, 0)), 0);
	fdrop(fp[0]);
	KT_ASSERT_EQ(kt_fo_rw(fp[1], "x", 1, 1), -EPIPE);
	fdrop(fp[1]);
}

KTEST(pipe2_rejects_unknown_flags_EINVAL, 30)
{
	struct file *fp[2];

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, fp, O_APPEND)), -EINVAL);
}

/* A reader blocked on one CPU is woken by a writer on another. */
static struct file *wk_fp[2];
static volatile long wk_result;

static void
wk_reader(void *arg)
{
	char buf[32];

	wk_result = kt_fo_rw(wk_fp[0], buf, sizeof(buf), 0);
}

KTEST(pipe_blocked_reader_woken_by_writer_on_other_cpu, 30)
{
	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, wk_fp, 0)), 0);
	wk_result = -1000;
	ktest_spawn(wk_reader, NULL, other_cpu(), "piperd");
	tsleep(&wk_result, 0, "wait", hz / 10);
	KT_ASSERT_EQ(wk_result, -1000);		/* still blocked */
	KT_ASSERT_EQ(kt_fo_rw(wk_fp[1], "wake", 4, 1), 4);
	ktest_join();
	KT_ASSERT_EQ(wk_result, 4);
	fdrop(wk_fp[0]);
	fdrop(wk_fp[1]);
}

/* Closing the write end wakes a blocked reader with EOF. */
KTEST(pipe_blocked_reader_sees_EOF_on_close, 30)
{
	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, wk_fp, 0)), 0);
	wk_result = -1000;
	ktest_spawn(wk_reader, NULL, other_cpu(), "piperd");
	tsleep(&wk_result, 0, "wait", hz / 10);
	fdrop(wk_fp[1]);
	ktest_join();
	KT_ASSERT_EQ(wk_result, 0);
	fdrop(wk_fp[0]);
}

/* A writer blocked on a full pipe is woken as a reader drains it. */
static void
bulk_writer(void *arg)
{
	char *buf = kmalloc(PIPE_SIZE * 4, M_TEMP, M_WAITOK);

	for (int i = 0; i < PIPE_SIZE * 4; i++)
		buf[i] = (char)(i * 7);
	wk_result = kt_fo_rw(wk_fp[1], buf, PIPE_SIZE * 4, 1);
	kfree(buf, M_TEMP);
}

KTEST(pipe_blocked_writer_completes_as_reader_drains, 60)
{
	char buf[1000];
	long total = 0, n;

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, wk_fp, 0)), 0);
	wk_result = -1000;
	ktest_spawn(bulk_writer, NULL, other_cpu(), "pipewr");
	while (total < PIPE_SIZE * 4) {
		n = kt_fo_rw(wk_fp[0], buf, sizeof(buf), 0);
		KT_ASSERT(n > 0);
		for (long i = 0; i < n; i++)
			KT_ASSERT_EQ((uint8_t)buf[i],
			    (uint8_t)((total + i) * 7));
		total += n;
	}
	ktest_join();
	KT_ASSERT_EQ(wk_result, PIPE_SIZE * 4);
	fdrop(wk_fp[0]);
	fdrop(wk_fp[1]);
}

/*
 * Writers on several CPUs write PIPE_BUF-sized records, each filled with
 * its writer's id and a sequence number; the reader checks that every
 * record arrives whole and that each writer's records are in order.
 */
#define AT_WRITERS	4
#define AT_RECORDS	64
static volatile int at_fail;

static void
atomic_writer(void *arg)
{
	int id = (int)(intptr_t)arg;
	uint8_t rec[PIPE_BUF];

	for (int seq = 0; seq < AT_RECORDS; seq++) {
		memset(rec, id, sizeof(rec));
		rec[1] = (uint8_t)seq;
		if (kt_fo_rw(wk_fp[1], rec, sizeof(rec), 1) != PIPE_BUF)
			at_fail = 1;
	}
}

KTEST(pipe_writes_of_PIPE_BUF_are_atomic_with_concurrent_writers, 120)
{
	uint8_t rec[PIPE_BUF];
	int next[AT_WRITERS] = { 0 };
	long got;

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, wk_fp, 0)), 0);
	at_fail = 0;
	for (int i = 0; i < AT_WRITERS; i++)
		ktest_spawn(atomic_writer, (void *)(intptr_t)(i + 1),
		    i % ncpus, "pipeatom");
	for (int n = 0; n < AT_WRITERS * AT_RECORDS; n++) {
		/* Read exactly one record, in as many reads as it takes. */
		for (got = 0; got < PIPE_BUF; ) {
			long r = kt_fo_rw(wk_fp[0], rec + got, PIPE_BUF - got,
			    0);

			KT_ASSERT(r > 0);
			got += r;
		}
		int id = rec[0];
		KT_ASSERT(id >= 1 && id <= AT_WRITERS);
		KT_ASSERT_EQ(rec[1], next[id - 1]);
		next[id - 1]++;
		for (int i = 2; i < PIPE_BUF; i++)
			KT_ASSERT_EQ(rec[i], id);
	}
	ktest_join();
	KT_ASSERT_EQ(at_fail, 0);
	fdrop(wk_fp[0]);
	fdrop(wk_fp[1]);
}

KTEST(pipe_nonblocking_small_write_is_all_or_EAGAIN, 30)
{
	struct file *fp[2];
	char *buf = kmalloc(PIPE_SIZE, M_TEMP, M_WAITOK | M_ZERO);

	KT_ASSERT_EQ(KT_ERR(pipe_pair_files(curthread, fp, O_NONBLOCK)), 0);
	KT_ASSERT_EQ(kt_fo_rw(fp[1], buf, PIPE_SIZE - 100, 1),
	    PIPE_SIZE - 100);
	/* 100 bytes free: a 200-byte write (<= PIPE_BUF) must not split. */
	KT_ASSERT_EQ(kt_fo_rw(fp[1], buf, 200, 1), -EAGAIN);
	/* A big write takes what fits and reports it. */
	KT_ASSERT_EQ(kt_fo_rw(fp[1], buf, 1000, 1), 100);
	KT_ASSERT_EQ(kt_fo_rw(fp[1], buf, 1, 1), -EAGAIN);
	fdrop(fp[0]);
	fdrop(fp[1]);
	kfree(buf, M_TEMP);
}

/*
 * Descriptor-level tests: a process, pipe2, poll, select.
 */
static long
kt_poll1(int fd, int events, long timeout_ms, short *revents)
{
	struct pollfd pfd = { fd, (short)events, 0 };
	long r;

	r = kt_ret(kern_poll(curthread, &pfd, 1,
	    timeout_ms < 0 ? -1 : timeout_ms * 1000000L));
	*revents = pfd.revents;
	return (r);
}

static void
poll_transitions_body(void)
{
	int fds[2];
	short rev;
	char c;

	KT_ASSERT_EQ(KT_ERR(kern_pipe(curthread, fds, 0)), 0);
	KT_ASSERT_EQ(fds[0], 0);
	KT_ASSERT_EQ(fds[1], 1);
	/* Empty: the write end is writable, the read end not readable. */
	KT_ASSERT_EQ(kt_poll1(fds[0], POLLIN, 0, &rev), 0);
	KT_ASSERT_EQ(rev, 0);
	KT_ASSERT_EQ(kt_poll1(fds[1], POLLOUT, 0, &rev), 1);
	KT_ASSERT_EQ(rev, POLLOUT);
	/* Data: readable. */
	KT_ASSERT_EQ(kt_write(fds[1], "z", 1), 1);
	KT_ASSERT_EQ(kt_poll1(fds[0], POLLIN | POLLRDNORM, 0, &rev), 1);
	KT_ASSERT_EQ(rev, POLLIN | POLLRDNORM);
	KT_ASSERT_EQ(kt_read(fds[0], &c, 1), 1);
	KT_ASSERT_EQ(kt_poll1(fds[0], POLLIN, 0, &rev), 0);
	/* Peer closed: readable (EOF) and POLLHUP. */
	KT_ASSERT_EQ(kt_close(fds[1]), 0);
	KT_ASSERT_EQ(kt_poll1(fds[0], POLLIN, 0, &rev), 1);
	KT_ASSERT_EQ(rev, POLLIN | POLLHUP);
	/* A closed descriptor: POLLNVAL; a negative one is ignored. */
	KT_ASSERT_EQ(kt_poll1(fds[1], POLLIN, 0, &rev), 1);
	KT_ASSERT_EQ(rev, POLLNVAL);
	KT_ASSERT_EQ(kt_poll1(-1, POLLIN, 0, &rev), 0);
	KT_ASSERT_EQ(rev, 0);
	KT_ASSERT_EQ(kt_close(fds[0]), 0);
}

KTEST(poll_reports_pipe_readiness_transitions, 30)
{
	struct proc *p = ktp_enter(64);

	poll_transitions_body();
	ktp_leave(p);
}

static void
poll_timeout_body(void)
{
	int fds[2];
	short rev;
	uint64_t t0;

	KT_ASSERT_EQ(KT_ERR(kern_pipe(curthread, fds, 0)), 0);
	t0 = nanouptime();
	KT_ASSERT_EQ(kt_poll1(fds[0], POLLIN, 100, &rev), 0);
	KT_ASSERT(nanouptime() - t0 >= 90 * 1000000UL);
	KT_ASSERT_EQ(rev, 0);
}

KTEST(poll_times_out_with_zero, 30)
{
	struct proc *p = ktp_enter(64);

	poll_timeout_body();
	ktp_leave(p);
}

/* poll() blocked on one CPU wakes when another CPU writes. */
static struct proc *pw_proc;
static int pw_fds[2];

static void
pw_writer(void *arg)
{
	curthread->td_proc = pw_proc;
	tsleep(&pw_fds, 0, "delay", hz / 10);
	kt_write(pw_fds[1], "!", 1);
	curthread->td_proc = NULL;
}

static void
poll_wakes_body(void)
{
	short rev;
	uint64_t t0;

	KT_ASSERT_EQ(KT_ERR(kern_pipe(curthread, pw_fds, 0)), 0);
	ktest_spawn(pw_writer, NULL, other_cpu(), "pollwr");
	t0 = nanouptime();
	KT_ASSERT_EQ(kt_poll1(pw_fds[0], POLLIN, 10000, &rev), 1);
	KT_ASSERT_EQ(rev, POLLIN);
	KT_ASSERT(nanouptime() - t0 < 5000000000UL);
}

KTEST(poll_wakes_when_other_cpu_writes, 30)
{
	struct proc *p = ktp_enter(64);

	pw_proc = p;
	poll_wakes_body();
	ktest_join();
	ktp_leave(p);
}

/* Many rounds of poll-then-write across CPUs: no wakeup is lost. */
static volatile int pp_done;

static void
pp_writer(void *arg)
{
	curthread->td_proc = pw_proc;
	for (int i = 0; i < 200; i++) {
		char c = (char)i;

		while (kt_write(pw_fds[1], &c, 1) != 1)
			;
		/* Wait for the reader to take it before the next byte. */
		while (atomic_load_int(&pp_done) <= i)
			lwkt_yield();
	}
	curthread->td_proc = NULL;
}

static void
ping_pong_body(void)
{
	short rev;
	char c;

	KT_ASSERT_EQ(KT_ERR(kern_pipe(curthread, pw_fds, 0)), 0);
	ktest_spawn(pp_writer, NULL, other_cpu(), "ppwr");
	for (int i = 0; i < 200; i++) {
		KT_ASSERT_EQ(kt_poll1(pw_fds[0], POLLIN, 20000, &rev), 1);
		KT_ASSERT_EQ(kt_read(pw_fds[0], &c, 1), 1);
		KT_ASSERT_EQ((uint8_t)c, (uint8_t)i);
		atomic_add_int(&pp_done, 1);
	}
}

KTEST(poll_loses_no_wakeups_in_ping_pong, 120)
{
	struct proc *p = ktp_enter(64);

	pw_proc = p;
	pp_done = 0;
	ping_pong_body();
	atomic_store_int(&pp_done, 1000);	/* release the writer on failure */
	ktest_join();
	ktp_leave(p);
}

static void
select_body(void)
{
	__fd_mask rin[1], win[1], rout[1], wout[1];
	__fd_mask *in[3] = { rin, win, NULL }, *out[3] = { rout, wout, NULL };
	int fds[2];

	KT_ASSERT_EQ(KT_ERR(kern_pipe(curthread, fds, 0)), 0);
	rin[0] = 1UL << fds[0];
	win[0] = 1UL << fds[1];
	KT_ASSERT_EQ(kt_ret(kern_select(curthread, 2, in, out, 0)), 1);
	KT_ASSERT_EQ(rout[0], 0);
	KT_ASSERT_EQ(wout[0], 1UL << fds[1]);
	KT_ASSERT_EQ(kt_write(fds[1], "s", 1), 1);
	KT_ASSERT_EQ(kt_ret(kern_select(curthread, 2, in, out, 0)), 2);
	KT_ASSERT_EQ(rout[0], 1UL << fds[0]);
	/* A bit for a descriptor that is not open: EBADF. */
	rin[0] |= 1UL << 5;
	KT_ASSERT_EQ(kt_ret(kern_select(curthread, 6, in, out, 0)), -EBADF);
}

KTEST(select_reports_readable_and_writable_pipe_ends, 30)
{
	struct proc *p = ktp_enter(64);

	select_body();
	ktp_leave(p);
}

static void
fionread_body(void)
{
	struct stat sb;
	int fds[2], n = -1;

	KT_ASSERT_EQ(KT_ERR(kern_pipe(curthread, fds, O_CLOEXEC)), 0);
	KT_ASSERT_EQ(kt_write(fds[1], "12345", 5), 5);
	KT_ASSERT_EQ(KT_ERR(kern_ioctl(curthread, fds[0], FIONREAD, &n)), 0);
	KT_ASSERT_EQ(n, 5);
	KT_ASSERT_EQ(KT_ERR(kern_fstat(curthread, fds[0], &sb)), 0);
	KT_ASSERT(S_ISFIFO(sb.st_mode));
	KT_ASSERT_EQ(sb.st_size, 5);
	KT_ASSERT_EQ(kt_ret(kern_fcntl(curthread, fds[0], F_GETFD, 0)),
	    FD_CLOEXEC);
	KT_ASSERT_EQ(kt_ret(kern_lseek(curthread, fds[0], 0, 0)), -ESPIPE);
	KT_ASSERT_EQ(kt_ret(kern_ftruncate(curthread, fds[0], 0)), -EINVAL);
	n = 1;
	KT_ASSERT_EQ(KT_ERR(kern_ioctl(curthread, fds[0], FIONBIO, &n)), 0);
	KT_ASSERT_EQ(kt_ret(kern_fcntl(curthread, fds[0], F_GETFL, 0)),
	    O_RDWR | O_NONBLOCK);
}

KTEST(pipe_fionread_fstat_fionbio_and_espipe, 30)
{
	struct proc *p = ktp_enter(64);

	fionread_body();
	ktp_leave(p);
}
