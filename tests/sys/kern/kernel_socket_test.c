/*
 * kernel_socket_test: a kernel thread with no process uses the socket
 * layer (design section 6) against this program as its peer.  Writing a
 * path to debug.kso_echo (tests/sys/kern/ktest/ktest_kso.c, INVARIANTS
 * kernels) makes the kernel connect to it, send a 3000-byte mbuf chain
 * with no uio, and wait for the same bytes upper-cased, received as an
 * mbuf chain; the sysctl write returns the kernel thread's verdict.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/sysctl.h>
#include <sys/un.h>
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#define KSO_LEN	3000

static char kso_path[104];
static int kso_result = -1;

static void *
kso_writer(void *arg)
{
	(void)arg;
	if (sysctlbyname("debug.kso_echo", NULL, NULL, kso_path,
	    strlen(kso_path)) == 0)
		kso_result = 0;
	else
		kso_result = errno;
	return (NULL);
}

static int
listen_on(const char *path)
{
	struct sockaddr_un sun;
	int s;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	sun.sun_len = sizeof(sun);
	strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	ATF_REQUIRE(s >= 0);
	ATF_REQUIRE_EQ(bind(s, (struct sockaddr *)&sun, sizeof(sun)), 0);
	ATF_REQUIRE_EQ(listen(s, 1), 0);
	return (s);
}

ATF_TC_WITHOUT_HEAD(kernel_thread_sends_and_receives_mbuf_chains);
ATF_TC_BODY(kernel_thread_sends_and_receives_mbuf_chains, tc)
{
	char buf[KSO_LEN], cwd[64];
	pthread_t t;
	ssize_t n;
	int l, c, got = 0;

	/* The kernel thread has no current directory: an absolute path. */
	ATF_REQUIRE(getcwd(cwd, sizeof(cwd)) != NULL);
	snprintf(kso_path, sizeof(kso_path), "%s/kso.sock", cwd);
	l = listen_on(kso_path);
	ATF_REQUIRE_EQ(pthread_create(&t, NULL, kso_writer, NULL), 0);
	c = accept(l, NULL, NULL);
	ATF_REQUIRE(c >= 0);
	while (got < KSO_LEN) {
		n = read(c, buf + got, sizeof(buf) - got);
		ATF_REQUIRE(n > 0);
		got += n;
	}
	for (int i = 0; i < KSO_LEN; i++) {
		ATF_REQUIRE_EQ(buf[i], 'a' + i % 26);
		buf[i] = toupper((unsigned char)buf[i]);
	}
	ATF_REQUIRE_EQ(write(c, buf, KSO_LEN), KSO_LEN);
	ATF_REQUIRE_EQ(pthread_join(t, NULL), 0);
	ATF_REQUIRE_EQ_MSG(kso_result, 0, "kernel thread: %s",
	    strerror(kso_result));
	/* The kernel closed its end: EOF. */
	ATF_REQUIRE_EQ(read(c, buf, 1), 0);
	close(c);
	close(l);
	unlink(kso_path);
}

ATF_TC_WITHOUT_HEAD(kernel_thread_connect_to_missing_path_ENOENT);
ATF_TC_BODY(kernel_thread_connect_to_missing_path_ENOENT, tc)
{
	char cwd[64];

	ATF_REQUIRE(getcwd(cwd, sizeof(cwd)) != NULL);
	snprintf(kso_path, sizeof(kso_path), "%s/nobody.sock", cwd);
	kso_writer(NULL);
	ATF_REQUIRE_EQ(kso_result, ENOENT);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, kernel_thread_sends_and_receives_mbuf_chains);
	ATF_TP_ADD_TC(tp, kernel_thread_connect_to_missing_path_ENOENT);
	return (atf_no_error());
}
