/*
 * thread_test: pthreads on several CPUs (thr_new, _umtx_op): mutual
 * exclusion and condition variables under contention, join, per-thread
 * errno, thread ids.
 */
#include <sys/types.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include <atf-c.h>

#define NTHREADS	8
#define ITERS		20000

static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *
incr(void *arg)
{
	for (int i = 0; i < ITERS; i++) {
		pthread_mutex_lock(&mtx);
		counter++;
		pthread_mutex_unlock(&mtx);
	}
	return (arg);
}

ATF_TC_WITHOUT_HEAD(mutex_counts_every_increment);
ATF_TC_BODY(mutex_counts_every_increment, tc)
{
	pthread_t t[NTHREADS];
	void *ret;

	counter = 0;
	for (long i = 0; i < NTHREADS; i++)
		ATF_REQUIRE_EQ(pthread_create(&t[i], NULL, incr, (void *)i), 0);
	for (long i = 0; i < NTHREADS; i++) {
		ATF_REQUIRE_EQ(pthread_join(t[i], &ret), 0);
		ATF_REQUIRE_EQ((long)ret, i);
	}
	ATF_REQUIRE_EQ(counter, (long)NTHREADS * ITERS);
}

/* A bounded queue with two condition variables. */
static pthread_cond_t notempty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t notfull = PTHREAD_COND_INITIALIZER;
static int queue_len, produced, consumed;
#define ITEMS	5000

static void *
producer(void *arg)
{
	for (int i = 0; i < ITEMS; i++) {
		pthread_mutex_lock(&mtx);
		while (queue_len == 4)
			pthread_cond_wait(&notfull, &mtx);
		queue_len++;
		produced++;
		pthread_cond_signal(&notempty);
		pthread_mutex_unlock(&mtx);
	}
	return (NULL);
}

static void *
consumer(void *arg)
{
	for (int i = 0; i < ITEMS; i++) {
		pthread_mutex_lock(&mtx);
		while (queue_len == 0)
			pthread_cond_wait(&notempty, &mtx);
		queue_len--;
		consumed++;
		pthread_cond_signal(&notfull);
		pthread_mutex_unlock(&mtx);
	}
	return (NULL);
}

ATF_TC_WITHOUT_HEAD(condvar_producers_consumers_lose_nothing);
ATF_TC_BODY(condvar_producers_consumers_lose_nothing, tc)
{
	pthread_t p[3], c[3];

	queue_len = produced = consumed = 0;
	for (int i = 0; i < 3; i++) {
		ATF_REQUIRE_EQ(pthread_create(&p[i], NULL, producer, NULL), 0);
		ATF_REQUIRE_EQ(pthread_create(&c[i], NULL, consumer, NULL), 0);
	}
	for (int i = 0; i < 3; i++) {
		ATF_REQUIRE_EQ(pthread_join(p[i], NULL), 0);
		ATF_REQUIRE_EQ(pthread_join(c[i], NULL), 0);
	}
	ATF_REQUIRE_EQ(produced, 3 * ITEMS);
	ATF_REQUIRE_EQ(consumed, 3 * ITEMS);
	ATF_REQUIRE_EQ(queue_len, 0);
}

static void *
set_errno(void *arg)
{
	errno = (int)(long)arg;
	usleep(10000);
	return ((void *)(long)errno);
}

ATF_TC_WITHOUT_HEAD(errno_is_per_thread);
ATF_TC_BODY(errno_is_per_thread, tc)
{
	pthread_t a, b;
	void *ra, *rb;

	errno = 0;
	ATF_REQUIRE_EQ(pthread_create(&a, NULL, set_errno, (void *)11L), 0);
	ATF_REQUIRE_EQ(pthread_create(&b, NULL, set_errno, (void *)22L), 0);
	ATF_REQUIRE_EQ(pthread_join(a, &ra), 0);
	ATF_REQUIRE_EQ(pthread_join(b, &rb), 0);
	ATF_REQUIRE_EQ((long)ra, 11);
	ATF_REQUIRE_EQ((long)rb, 22);
	ATF_REQUIRE_EQ(errno, 0);
}

static void *
self_id(void *arg)
{
	*(pthread_t *)arg = pthread_self();
	return (NULL);
}

ATF_TC_WITHOUT_HEAD(pthread_self_matches_create_and_differs);
ATF_TC_BODY(pthread_self_matches_create_and_differs, tc)
{
	pthread_t t, seen;

	ATF_REQUIRE_EQ(pthread_create(&t, NULL, self_id, &seen), 0);
	ATF_REQUIRE_EQ(pthread_join(t, NULL), 0);
	ATF_REQUIRE(pthread_equal(t, seen));
	ATF_REQUIRE(!pthread_equal(t, pthread_self()));
}

/*
 * sched_yield() is a real yield: a thread spinning on it lets the other
 * thread of its CPU run (this once returned ENOSYS, and such a spin could
 * keep a netisr off its CPU).
 */
static volatile int yield_flag;

static void *
yield_setter(void *arg)
{
	(void)arg;
	yield_flag = 1;
	return (NULL);
}

ATF_TC_WITHOUT_HEAD(sched_yield_returns_0_and_lets_others_run);
ATF_TC_BODY(sched_yield_returns_0_and_lets_others_run, tc)
{
	pthread_t t;

	ATF_REQUIRE_EQ(sched_yield(), 0);
	yield_flag = 0;
	ATF_REQUIRE_EQ(pthread_create(&t, NULL, yield_setter, NULL), 0);
	while (!yield_flag)
		ATF_REQUIRE_EQ(sched_yield(), 0);
	ATF_REQUIRE_EQ(pthread_join(t, NULL), 0);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, mutex_counts_every_increment);
	ATF_TP_ADD_TC(tp, condvar_producers_consumers_lose_nothing);
	ATF_TP_ADD_TC(tp, errno_is_per_thread);
	ATF_TP_ADD_TC(tp, pthread_self_matches_create_and_differs);
	ATF_TP_ADD_TC(tp, sched_yield_returns_0_and_lets_others_run);
	return (atf_no_error());
}
