/*
 * abi_test: user-space structure layouts and constants that must equal
 * FreeBSD amd64's (and the kernel's: sys/sys/stat.h, dirent.h ...).
 */
#include <sys/types.h>
#include <sys/event.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/thr.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stddef.h>
#include <termios.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(struct_stat_has_freebsd12_layout);
ATF_TC_BODY(struct_stat_has_freebsd12_layout, tc)
{

	ATF_REQUIRE_EQ(sizeof(struct stat), 224);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_ino), 8);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_nlink), 16);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_mode), 24);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_uid), 28);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_rdev), 40);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_atim), 48);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_size), 112);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_blksize), 128);
	ATF_REQUIRE_EQ(offsetof(struct stat, st_gen), 136);
}

ATF_TC_WITHOUT_HEAD(signal_structures_have_freebsd_layout);
ATF_TC_BODY(signal_structures_have_freebsd_layout, tc)
{

	ATF_REQUIRE_EQ(sizeof(sigset_t), 16);
	ATF_REQUIRE_EQ(sizeof(struct sigaction), 32);
	ATF_REQUIRE_EQ(offsetof(struct sigaction, sa_flags), 8);
	ATF_REQUIRE_EQ(offsetof(struct sigaction, sa_mask), 12);
	ATF_REQUIRE_EQ(sizeof(siginfo_t), 80);
	ATF_REQUIRE_EQ(sizeof(stack_t), 24);
	ATF_REQUIRE_EQ(SIGUSR1, 30);
	ATF_REQUIRE_EQ(SIGCHLD, 20);
	ATF_REQUIRE_EQ(SIGTHR, 32);
}

ATF_TC_WITHOUT_HEAD(misc_structures_have_freebsd_layout);
ATF_TC_BODY(misc_structures_have_freebsd_layout, tc)
{

	ATF_REQUIRE_EQ(sizeof(struct dirent), 280);
	ATF_REQUIRE_EQ(offsetof(struct dirent, d_name), 24);
	ATF_REQUIRE_EQ(sizeof(struct timespec), 16);
	ATF_REQUIRE_EQ(sizeof(struct timeval), 16);
	ATF_REQUIRE_EQ(sizeof(struct rusage), 144);
	ATF_REQUIRE_EQ(sizeof(struct rlimit), 16);
	ATF_REQUIRE_EQ(sizeof(fd_set), 128);
	ATF_REQUIRE_EQ(sizeof(struct pollfd), 8);
	ATF_REQUIRE_EQ(sizeof(struct kevent), 64);
	ATF_REQUIRE_EQ(sizeof(struct termios), 44);
	ATF_REQUIRE_EQ(sizeof(struct sockaddr_un), 106);
	ATF_REQUIRE_EQ(sizeof(struct xucred), 88);
	ATF_REQUIRE_EQ(sizeof(struct flock), 32);
	ATF_REQUIRE_EQ(sizeof(struct thr_param), 104);
	ATF_REQUIRE_EQ(sizeof(jmp_buf), 104);
}

ATF_TC_WITHOUT_HEAD(constants_have_freebsd_values);
ATF_TC_BODY(constants_have_freebsd_values, tc)
{

	ATF_REQUIRE_EQ(O_CREAT, 0x200);
	ATF_REQUIRE_EQ(O_NONBLOCK, 4);
	ATF_REQUIRE_EQ(O_CLOEXEC, 0x100000);
	ATF_REQUIRE_EQ(AT_FDCWD, -100);
	ATF_REQUIRE_EQ(F_DUPFD_CLOEXEC, 17);
	ATF_REQUIRE_EQ(FIONREAD, 0x4004667f);
	ATF_REQUIRE_EQ(FIONBIO, 0x8004667e);
	ATF_REQUIRE_EQ(TIOCGETA, 0x402c7413);
	ATF_REQUIRE_EQ(TIOCGWINSZ, 0x40087468);
	ATF_REQUIRE_EQ(WNOHANG, 1);
	ATF_REQUIRE_EQ(POLLRDHUP, 0x4000);
	ATF_REQUIRE_EQ(SYS_read, 3);
	ATF_REQUIRE_EQ(SYS_thr_new, 455);
	ATF_REQUIRE_EQ(SYS__umtx_op, 454);
	ATF_REQUIRE_EQ(SYS_sysarch, 165);
	ATF_REQUIRE_EQ(SYS_pipe2, 542);
	ATF_REQUIRE_EQ(SYS_mmap, 477);
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, struct_stat_has_freebsd12_layout);
	ATF_TP_ADD_TC(tp, signal_structures_have_freebsd_layout);
	ATF_TP_ADD_TC(tp, misc_structures_have_freebsd_layout);
	ATF_TP_ADD_TC(tp, constants_have_freebsd_values);
	return (atf_no_error());
}
