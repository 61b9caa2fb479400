/*
 * pthread_test: the pthread objects' semantics: mutex types and errors,
 * condition variable timeouts, once, thread-specific data and its
 * destructors, detached threads, read/write locks and barriers.
 */
#include <sys/time.h>
#include <errno.h>
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(default_mutex_relock_EDEADLK_foreign_unlock_EPERM);
ATF_TC_BODY(default_mutex_relock_EDEADLK_foreign_unlock_EPERM, tc)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

	ATF_REQUIRE_EQ(pthread_mutex_unlock(&m), EPERM);
	ATF_REQUIRE_EQ(pthread_mutex_lock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_lock(&m), EDEADLK);
	ATF_REQUIRE_EQ(pthread_mutex_trylock(&m), EBUSY);
	ATF_REQUIRE_EQ(pthread_mutex_destroy(&m), EBUSY);
	ATF_REQUIRE_EQ(pthread_mutex_unlock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_destroy(&m), 0);
}

ATF_TC_WITHOUT_HEAD(recursive_mutex_counts_nested_locks);
ATF_TC_BODY(recursive_mutex_counts_nested_locks, tc)
{
	pthread_mutexattr_t a;
	pthread_mutex_t m;
	int type;

	ATF_REQUIRE_EQ(pthread_mutexattr_init(&a), 0);
	ATF_REQUIRE_EQ(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
	ATF_REQUIRE_EQ(pthread_mutexattr_gettype(&a, &type), 0);
	ATF_REQUIRE_EQ(type, PTHREAD_MUTEX_RECURSIVE);
	ATF_REQUIRE_EQ(pthread_mutex_init(&m, &a), 0);
	ATF_REQUIRE_EQ(pthread_mutex_lock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_lock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_trylock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_unlock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_unlock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_destroy(&m), EBUSY);
	ATF_REQUIRE_EQ(pthread_mutex_unlock(&m), 0);
	ATF_REQUIRE_EQ(pthread_mutex_unlock(&m), EPERM);
	ATF_REQUIRE_EQ(pthread_mutex_destroy(&m), 0);
}

static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;

static void *
try_held(void *arg)
{

	return ((void *)(long)pthread_mutex_trylock(&held));
}

ATF_TC_WITHOUT_HEAD(trylock_of_mutex_held_by_other_thread_EBUSY);
ATF_TC_BODY(trylock_of_mutex_held_by_other_thread_EBUSY, tc)
{
	pthread_t t;
	void *rv;

	ATF_REQUIRE_EQ(pthread_mutex_lock(&held), 0);
	ATF_REQUIRE_EQ(pthread_create(&t, NULL, try_held, NULL), 0);
	ATF_REQUIRE_EQ(pthread_join(t, &rv), 0);
	ATF_REQUIRE_EQ((long)rv, EBUSY);
	ATF_REQUIRE_EQ(pthread_mutex_unlock(&held), 0);
}

ATF_TC_WITHOUT_HEAD(cond_timedwait_past_deadline_ETIMEDOUT);
ATF_TC_BODY(cond_timedwait_past_deadline_ETIMEDOUT, tc)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct timespec start, end, ts;
	long ms;

	ATF_REQUIRE_EQ(clock_gettime(CLOCK_REALTIME, &start), 0);
	ts = start;
	ts.tv_nsec += 200 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	ATF_REQUIRE_EQ(pthread_mutex_lock(&m), 0);
	ATF_REQUIRE_EQ(pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT);
	/* The mutex is held again on return. */
	ATF_REQUIRE_EQ(pthread_mutex_unlock(&m), 0);
	ATF_REQUIRE_EQ(clock_gettime(CLOCK_REALTIME, &end), 0);
	ms = (end.tv_sec - start.tv_sec) * 1000 +
	    (end.tv_nsec - start.tv_nsec) / 1000000;
	ATF_REQUIRE_MSG(ms >= 190, "returned after %ld ms", ms);
}

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static int q_value;

static void *
q_signaller(void *arg)
{

	usleep(50000);
	pthread_mutex_lock(&q_lock);
	q_value = 1;
	pthread_cond_broadcast(&q_cond);
	pthread_mutex_unlock(&q_lock);
	return (NULL);
}

ATF_TC_WITHOUT_HEAD(cond_wait_wakes_on_broadcast);
ATF_TC_BODY(cond_wait_wakes_on_broadcast, tc)
{
	pthread_t t;

	ATF_REQUIRE_EQ(pthread_create(&t, NULL, q_signaller, NULL), 0);
	pthread_mutex_lock(&q_lock);
	while (q_value == 0)
		ATF_REQUIRE_EQ(pthread_cond_wait(&q_cond, &q_lock), 0);
	pthread_mutex_unlock(&q_lock);
	ATF_REQUIRE_EQ(pthread_join(t, NULL), 0);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;

static void
once_fn(void)
{

	usleep(10000);
	__atomic_add_fetch(&once_runs, 1, __ATOMIC_SEQ_CST);
}

static void *
once_thread(void *arg)
{

	pthread_once(&once, once_fn);
	return ((void *)(long)once_runs);
}

ATF_TC_WITHOUT_HEAD(once_runs_exactly_once_and_others_wait);
ATF_TC_BODY(once_runs_exactly_once_and_others_wait, tc)
{
	pthread_t t[4];
	void *rv;
	int i;

	for (i = 0; i < 4; i++)
		ATF_REQUIRE_EQ(pthread_create(&t[i], NULL, once_thread, NULL), 0);
	for (i = 0; i < 4; i++) {
		ATF_REQUIRE_EQ(pthread_join(t[i], &rv), 0);
		ATF_REQUIRE_EQ((long)rv, 1);
	}
	ATF_REQUIRE_EQ(once_runs, 1);
}

static pthread_key_t key;
static int destroyed;

static void
key_destructor(void *v)
{

	__atomic_add_fetch(&destroyed, (int)(long)v, __ATOMIC_SEQ_CST);
}

static void *
key_thread(void *arg)
{

	if (pthread_getspecific(key) != NULL)
		return ((void *)1);
	pthread_setspecific(key, arg);
	return (pthread_getspecific(key) == arg ? NULL : (void *)2);
}

ATF_TC_WITHOUT_HEAD(specific_values_are_per_thread_and_destroyed);
ATF_TC_BODY(specific_values_are_per_thread_and_destroyed, tc)
{
	pthread_t t1, t2;
	void *r1, *r2;

	ATF_REQUIRE_EQ(pthread_key_create(&key, key_destructor), 0);
	ATF_REQUIRE_EQ(pthread_setspecific(key, (void *)100), 0);
	ATF_REQUIRE_EQ(pthread_create(&t1, NULL, key_thread, (void *)3), 0);
	ATF_REQUIRE_EQ(pthread_create(&t2, NULL, key_thread, (void *)4), 0);
	ATF_REQUIRE_EQ(pthread_join(t1, &r1), 0);
	ATF_REQUIRE_EQ(pthread_join(t2, &r2), 0);
	ATF_REQUIRE_EQ(r1, NULL);
	ATF_REQUIRE_EQ(r2, NULL);
	ATF_REQUIRE_EQ(destroyed, 7);
	ATF_REQUIRE_EQ(pthread_getspecific(key), (void *)100);
	ATF_REQUIRE_EQ(pthread_key_delete(key), 0);
	ATF_REQUIRE_EQ(pthread_setspecific(key, NULL), EINVAL);
}

static volatile int detached_ran;

static void *
detached_thread(void *arg)
{

	detached_ran = 1;
	return (NULL);
}

ATF_TC_WITHOUT_HEAD(detached_thread_runs_and_cannot_be_joined);
ATF_TC_BODY(detached_thread_runs_and_cannot_be_joined, tc)
{
	pthread_attr_t a;
	pthread_t t;
	int i, state;

	ATF_REQUIRE_EQ(pthread_attr_init(&a), 0);
	ATF_REQUIRE_EQ(pthread_attr_setdetachstate(&a,
	    PTHREAD_CREATE_DETACHED), 0);
	ATF_REQUIRE_EQ(pthread_attr_getdetachstate(&a, &state), 0);
	ATF_REQUIRE_EQ(state, PTHREAD_CREATE_DETACHED);
	ATF_REQUIRE_EQ(pthread_create(&t, &a, detached_thread, NULL), 0);
	ATF_REQUIRE_EQ(pthread_join(t, NULL), EINVAL);
	for (i = 0; i < 500 && !detached_ran; i++)
		usleep(10000);
	ATF_REQUIRE(detached_ran);
	ATF_REQUIRE_EQ(pthread_join(pthread_self(), NULL), EDEADLK);
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

ATF_TC_WITHOUT_HEAD(rwlock_readers_share_writer_excludes);
ATF_TC_BODY(rwlock_readers_share_writer_excludes, tc)
{

	ATF_REQUIRE_EQ(pthread_rwlock_rdlock(&rw), 0);
	ATF_REQUIRE_EQ(pthread_rwlock_tryrdlock(&rw), 0);
	ATF_REQUIRE_EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
	ATF_REQUIRE_EQ(pthread_rwlock_unlock(&rw), 0);
	ATF_REQUIRE_EQ(pthread_rwlock_unlock(&rw), 0);
	ATF_REQUIRE_EQ(pthread_rwlock_wrlock(&rw), 0);
	ATF_REQUIRE_EQ(pthread_rwlock_tryrdlock(&rw), EBUSY);
	ATF_REQUIRE_EQ(pthread_rwlock_unlock(&rw), 0);
}

static pthread_barrier_t bar;
static int bar_serial;

static void *
barrier_thread(void *arg)
{

	if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
		__atomic_add_fetch(&bar_serial, 1, __ATOMIC_SEQ_CST);
	return (NULL);
}

ATF_TC_WITHOUT_HEAD(barrier_releases_all_with_one_serial_thread);
ATF_TC_BODY(barrier_releases_all_with_one_serial_thread, tc)
{
	pthread_t t[3];
	int i;

	ATF_REQUIRE_EQ(pthread_barrier_init(&bar, NULL, 4), 0);
	for (i = 0; i < 3; i++)
		ATF_REQUIRE_EQ(pthread_create(&t[i], NULL, barrier_thread,
		    NULL), 0);
	barrier_thread(NULL);
	for (i = 0; i < 3; i++)
		ATF_REQUIRE_EQ(pthread_join(t[i], NULL), 0);
	ATF_REQUIRE_EQ(bar_serial, 1);
	ATF_REQUIRE_EQ(pthread_barrier_destroy(&bar), 0);
}

ATF_TC_WITHOUT_HEAD(pthread_exit_value_reaches_join);
static void *
exiting_thread(void *arg)
{

	pthread_exit((void *)77);
}
ATF_TC_BODY(pthread_exit_value_reaches_join, tc)
{
	pthread_t t;
	void *rv;

	ATF_REQUIRE_EQ(pthread_create(&t, NULL, exiting_thread, NULL), 0);
	ATF_REQUIRE_EQ(pthread_join(t, &rv), 0);
	ATF_REQUIRE_EQ((long)rv, 77);
	ATF_REQUIRE(pthread_equal(pthread_self(), pthread_self()));
	ATF_REQUIRE(!pthread_equal(pthread_self(), t));
}

static void *
stack_probe(void *arg)
{
	char local;
	uintptr_t where = (uintptr_t)&local;

	__asm__ __volatile__("" : "+r" (where));	/* keep the address */
	return ((void *)where);
}

ATF_TC_WITHOUT_HEAD(thread_runs_on_stack_given_by_setstack);
ATF_TC_BODY(thread_runs_on_stack_given_by_setstack, tc)
{
	pthread_attr_t a;
	size_t size = 256 * 1024;
	char *stack;
	void *where;
	pthread_t t;

	stack = malloc(size);
	ATF_REQUIRE(stack != NULL);
	ATF_REQUIRE_EQ(pthread_attr_init(&a), 0);
	ATF_REQUIRE_EQ(pthread_attr_setstack(&a, stack, size), 0);
	ATF_REQUIRE_EQ(pthread_create(&t, &a, stack_probe, NULL), 0);
	ATF_REQUIRE_EQ(pthread_join(t, &where), 0);
	ATF_REQUIRE((char *)where >= stack && (char *)where < stack + size);
	free(stack);
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, default_mutex_relock_EDEADLK_foreign_unlock_EPERM);
	ATF_TP_ADD_TC(tp, recursive_mutex_counts_nested_locks);
	ATF_TP_ADD_TC(tp, trylock_of_mutex_held_by_other_thread_EBUSY);
	ATF_TP_ADD_TC(tp, cond_timedwait_past_deadline_ETIMEDOUT);
	ATF_TP_ADD_TC(tp, cond_wait_wakes_on_broadcast);
	ATF_TP_ADD_TC(tp, once_runs_exactly_once_and_others_wait);
	ATF_TP_ADD_TC(tp, specific_values_are_per_thread_and_destroyed);
	ATF_TP_ADD_TC(tp, detached_thread_runs_and_cannot_be_joined);
	ATF_TP_ADD_TC(tp, rwlock_readers_share_writer_excludes);
	ATF_TP_ADD_TC(tp, barrier_releases_all_with_one_serial_thread);
	ATF_TP_ADD_TC(tp, pthread_exit_value_reaches_join);
	ATF_TP_ADD_TC(tp, thread_runs_on_stack_given_by_setstack);
	return (atf_no_error());
}
