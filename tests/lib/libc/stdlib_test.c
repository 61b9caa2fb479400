/*
 * stdlib_test: sorting and searching, the allocator, the environment,
 * the pseudo-random generators and temporary files.
 */
#include <sys/stat.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return ((x > y) - (x < y));
}

ATF_TC_WITHOUT_HEAD(qsort_sorts_random_and_degenerate_inputs);
ATF_TC_BODY(qsort_sorts_random_and_degenerate_inputs, tc)
{
	static int v[5000];
	int i, n;

	for (n = 0; n < 3; n++) {
		for (i = 0; i < 5000; i++)
			v[i] = n == 0 ? (int)(random() % 1000) :
			    n == 1 ? i : 5000 - i;
		qsort(v, 5000, sizeof(v[0]), cmp_int);
		for (i = 1; i < 5000; i++)
			ATF_REQUIRE_MSG(v[i - 1] <= v[i], "pass %d at %d", n, i);
	}
	qsort(v, 0, sizeof(v[0]), cmp_int);
	qsort(v, 1, sizeof(v[0]), cmp_int);
}

ATF_TC_WITHOUT_HEAD(bsearch_finds_present_and_misses_absent);
ATF_TC_BODY(bsearch_finds_present_and_misses_absent, tc)
{
	int v[] = { 1, 3, 5, 7, 9, 11 };
	int key;

	for (key = 0; key <= 12; key++) {
		int *p = bsearch(&key, v, 6, sizeof(int), cmp_int);
		if (key % 2 == 1 && key <= 11) {
			ATF_REQUIRE(p != NULL);
			ATF_REQUIRE_EQ(*p, key);
		} else
			ATF_REQUIRE(p == NULL);
	}
}

ATF_TC_WITHOUT_HEAD(malloc_returns_aligned_distinct_memory);
ATF_TC_BODY(malloc_returns_aligned_distinct_memory, tc)
{
	char *p[64];
	size_t sz;
	int i;

	for (i = 0; i < 64; i++) {
		sz = (size_t)i * 37 + 1;
		p[i] = malloc(sz);
		ATF_REQUIRE(p[i] != NULL);
		ATF_REQUIRE_EQ((uintptr_t)p[i] % 16, 0);
		memset(p[i], i, sz);
	}
	for (i = 0; i < 64; i++) {
		sz = (size_t)i * 37 + 1;
		ATF_REQUIRE_EQ((unsigned char)p[i][sz - 1], i);
		free(p[i]);
	}
	/* Large blocks come from their own mappings. */
	p[0] = malloc(1 << 20);
	ATF_REQUIRE(p[0] != NULL);
	memset(p[0], 1, 1 << 20);
	free(p[0]);
}

ATF_TC_WITHOUT_HEAD(realloc_preserves_contents);
ATF_TC_BODY(realloc_preserves_contents, tc)
{
	char *p;
	int i;

	p = malloc(10);
	memcpy(p, "0123456789", 10);
	p = realloc(p, 100000);
	ATF_REQUIRE(p != NULL);
	ATF_REQUIRE_EQ(memcmp(p, "0123456789", 10), 0);
	p = realloc(p, 5);
	ATF_REQUIRE_EQ(memcmp(p, "01234", 5), 0);
	free(p);
	p = realloc(NULL, 8);
	ATF_REQUIRE(p != NULL);
	free(p);
	for (i = 0; i < 1000; i++) {
		p = calloc(i + 1, 3);
		ATF_REQUIRE(p != NULL);
		ATF_REQUIRE_EQ(p[i * 3 + 2], 0);
		free(p);
	}
}

ATF_TC_WITHOUT_HEAD(calloc_overflow_ENOMEM);
ATF_TC_BODY(calloc_overflow_ENOMEM, tc)
{

	errno = 0;
	ATF_REQUIRE(calloc(SIZE_MAX / 2, 4) == NULL);
	ATF_REQUIRE_EQ(errno, ENOMEM);
}

ATF_TC_WITHOUT_HEAD(posix_memalign_honours_alignment);
ATF_TC_BODY(posix_memalign_honours_alignment, tc)
{
	void *p;
	size_t align;

	for (align = sizeof(void *); align <= 8192; align *= 2) {
		ATF_REQUIRE_EQ(posix_memalign(&p, align, 100), 0);
		ATF_REQUIRE_EQ((uintptr_t)p % align, 0);
		memset(p, 0, 100);
		free(p);
	}
	ATF_REQUIRE_EQ(posix_memalign(&p, 3, 100), EINVAL);
}

ATF_TC_WITHOUT_HEAD(setenv_getenv_unsetenv);
ATF_TC_BODY(setenv_getenv_unsetenv, tc)
{

	ATF_REQUIRE_EQ(setenv("DAMSEL_X", "one", 1), 0);
	ATF_REQUIRE_STREQ(getenv("DAMSEL_X"), "one");
	ATF_REQUIRE_EQ(setenv("DAMSEL_X", "two", 0), 0);
	ATF_REQUIRE_STREQ(getenv("DAMSEL_X"), "one");
	ATF_REQUIRE_EQ(setenv("DAMSEL_X", "two", 1), 0);
	ATF_REQUIRE_STREQ(getenv("DAMSEL_X"), "two");
	ATF_REQUIRE_EQ(unsetenv("DAMSEL_X"), 0);
	ATF_REQUIRE_EQ(getenv("DAMSEL_X"), NULL);
	ATF_REQUIRE_ERRNO(EINVAL, setenv("A=B", "x", 1) == -1);
	ATF_REQUIRE_ERRNO(EINVAL, setenv("", "x", 1) == -1);
}

ATF_TC_WITHOUT_HEAD(srandom_same_seed_same_sequence);
ATF_TC_BODY(srandom_same_seed_same_sequence, tc)
{
	long a[8];
	int i;

	srandom(42);
	for (i = 0; i < 8; i++)
		a[i] = random();
	srandom(42);
	for (i = 0; i < 8; i++) {
		ATF_REQUIRE_EQ(random(), a[i]);
		ATF_REQUIRE(a[i] >= 0 && a[i] <= RAND_MAX);
	}
	srand(7);
	i = rand();
	srand(7);
	ATF_REQUIRE_EQ(rand(), i);
}

ATF_TC_WITHOUT_HEAD(nrand48_stays_in_31_bits);
ATF_TC_BODY(nrand48_stays_in_31_bits, tc)
{
	unsigned short x[3] = { 1, 2, 3 };
	unsigned short y[3] = { 1, 2, 3 };
	long v;
	int i;

	for (i = 0; i < 1000; i++) {
		v = nrand48(x);
		ATF_REQUIRE(v >= 0 && v < (1L << 31));
		ATF_REQUIRE_EQ(v, nrand48(y));
	}
}

ATF_TC_WITHOUT_HEAD(arc4random_uniform_stays_below_bound);
ATF_TC_BODY(arc4random_uniform_stays_below_bound, tc)
{
	unsigned char buf[64], zero[64];
	int i, seen[10];

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < 10000; i++) {
		uint32_t v = arc4random_uniform(10);
		ATF_REQUIRE(v < 10);
		seen[v]++;
	}
	for (i = 0; i < 10; i++)
		ATF_REQUIRE_MSG(seen[i] > 700, "value %d seen %d times", i,
		    seen[i]);
	memset(zero, 0, sizeof(zero));
	arc4random_buf(buf, sizeof(buf));
	ATF_REQUIRE(memcmp(buf, zero, sizeof(buf)) != 0);
	ATF_REQUIRE_EQ(arc4random_uniform(1), 0);
}

ATF_TC_WITHOUT_HEAD(mkstemp_creates_unique_private_file);
ATF_TC_BODY(mkstemp_creates_unique_private_file, tc)
{
	char a[] = "tmp.XXXXXX", b[] = "tmp.XXXXXX";
	struct stat sb;
	int fa, fb;

	fa = mkstemp(a);
	ATF_REQUIRE(fa >= 0);
	fb = mkstemp(b);
	ATF_REQUIRE(fb >= 0);
	ATF_REQUIRE(strcmp(a, b) != 0);
	ATF_REQUIRE_EQ(fstat(fa, &sb), 0);
	ATF_REQUIRE(S_ISREG(sb.st_mode));
	ATF_REQUIRE_EQ(sb.st_mode & 0777, 0600);
	close(fa);
	close(fb);
}

ATF_TC_WITHOUT_HEAD(mkstemp_without_Xs_EINVAL);
ATF_TC_BODY(mkstemp_without_Xs_EINVAL, tc)
{
	char c[] = "noxes";

	ATF_REQUIRE_ERRNO(EINVAL, mkstemp(c) == -1);
}

ATF_TC_WITHOUT_HEAD(mkdtemp_creates_private_directory);
ATF_TC_BODY(mkdtemp_creates_private_directory, tc)
{
	char d[] = "dir.XXXXXX";
	struct stat sb;

	ATF_REQUIRE(mkdtemp(d) == d);
	ATF_REQUIRE_EQ(stat(d, &sb), 0);
	ATF_REQUIRE(S_ISDIR(sb.st_mode));
	ATF_REQUIRE_EQ(sb.st_mode & 0777, 0700);
}

ATF_TC_WITHOUT_HEAD(abs_and_div);
ATF_TC_BODY(abs_and_div, tc)
{
	div_t d;

	ATF_REQUIRE_EQ(abs(-3), 3);
	ATF_REQUIRE_EQ(labs(-3L), 3L);
	ATF_REQUIRE_EQ(llabs(-3LL), 3LL);
	d = div(7, -2);
	ATF_REQUIRE_EQ(d.quot, -3);
	ATF_REQUIRE_EQ(d.rem, 1);
}

ATF_TC_WITHOUT_HEAD(getprogname_is_basename_of_argv0);
ATF_TC_BODY(getprogname_is_basename_of_argv0, tc)
{

	ATF_REQUIRE_STREQ(getprogname(), "stdlib_test");
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, qsort_sorts_random_and_degenerate_inputs);
	ATF_TP_ADD_TC(tp, bsearch_finds_present_and_misses_absent);
	ATF_TP_ADD_TC(tp, malloc_returns_aligned_distinct_memory);
	ATF_TP_ADD_TC(tp, realloc_preserves_contents);
	ATF_TP_ADD_TC(tp, calloc_overflow_ENOMEM);
	ATF_TP_ADD_TC(tp, posix_memalign_honours_alignment);
	ATF_TP_ADD_TC(tp, setenv_getenv_unsetenv);
	ATF_TP_ADD_TC(tp, srandom_same_seed_same_sequence);
	ATF_TP_ADD_TC(tp, nrand48_stays_in_31_bits);
	ATF_TP_ADD_TC(tp, arc4random_uniform_stays_below_bound);
	ATF_TP_ADD_TC(tp, mkstemp_creates_unique_private_file);
	ATF_TP_ADD_TC(tp, mkstemp_without_Xs_EINVAL);
	ATF_TP_ADD_TC(tp, mkdtemp_creates_private_directory);
	ATF_TP_ADD_TC(tp, abs_and_div);
	ATF_TP_ADD_TC(tp, getprogname_is_basename_of_argv0);
	return (atf_no_error());
}
