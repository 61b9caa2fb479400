/*
 * qsort.c: qsort, qsort_r, heapsort, mergesort, bsearch.
 *
 * qsort is an introspective quicksort: median-of-three partitioning,
 * insertion sort for small ranges and heapsort when the recursion gets
 * too deep, so the worst case stays O(n log n).  Elements are swapped
 * byte-wise (any size and alignment).
 */
#include <sys/types.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_r_t)(const void *, const void *, void *);

struct qs {
	size_t	size;
	cmp_r_t	cmp;
	void	*thunk;
};

static inline void
swap_elems(char *a, char *b, size_t n)
{
	char t;

	while (n-- > 0) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

#define	ELEM(i)	(base + (i) * q->size)
#define	CMP(a, b)	(q->cmp((a), (b), q->thunk))

static void
insertion_sort(char *base, size_t n, const struct qs *q)
{
	size_t i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && CMP(ELEM(j - 1), ELEM(j)) > 0; j--)
			swap_elems(ELEM(j - 1), ELEM(j), q->size);
}

static void
sift_down(char *base, size_t root, size_t n, const struct qs *q)
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n && CMP(ELEM(child), ELEM(child + 1)) < 0)
			child++;
		if (CMP(ELEM(root), ELEM(child)) >= 0)
			return;
		swap_elems(ELEM(root), ELEM(child), q->size);
		root = child;
	}
}

static void
heap_sort(char *base, size_t n, const struct qs *q)
{
	size_t i;

	if (n < 2)
		return;
	for (i = n / 2; i-- > 0;)
		sift_down(base, i, n, q);
	for (i = n - 1; i > 0; i--) {
		swap_elems(ELEM(0), ELEM(i), q->size);
		sift_down(base, 0, i, q);
	}
}

static void
intro_sort(char *base, size_t n, int depth, const struct qs *q)
{
	size_t i, j, mid;

	while (n > 12) {
		if (depth-- == 0) {
			heap_sort(base, n, q);
			return;
		}
		/* Median of three to position 0. */
		mid = n / 2;
		if (CMP(ELEM(mid), ELEM(0)) < 0)
			swap_elems(ELEM(mid), ELEM(0), q->size);
		if (CMP(ELEM(n - 1), ELEM(0)) < 0)
			swap_elems(ELEM(n - 1), ELEM(0), q->size);
		if (CMP(ELEM(n - 1), ELEM(mid)) < 0)
			swap_elems(ELEM(n - 1), ELEM(mid), q->size);
		swap_elems(ELEM(0), ELEM(mid), q->size);
		/* Hoare partition around ELEM(0). */
		i = 0;
		j = n;
		for (;;) {
			do
				i++;
			while (i < n && CMP(ELEM(i), ELEM(0)) < 0);
			do
				j--;
			while (CMP(ELEM(j), ELEM(0)) > 0);
			if (i >= j)
				break;
			swap_elems(ELEM(i), ELEM(j), q->size);
		}
		swap_elems(ELEM(0), ELEM(j), q->size);
		/* Recurse into the smaller part, loop on the larger. */
		if (j < n - j - 1) {
			intro_sort(base, j, depth, q);
			base = ELEM(j + 1);
			n = n - j - 1;
		} else {
			intro_sort(ELEM(j + 1), n - j - 1, depth, q);
			n = j;
		}
	}
	insertion_sort(base, n, q);
}

void
qsort_r(void *base, size_t n, size_t size, cmp_r_t cmp, void *thunk)
{
	struct qs q = { size, cmp, thunk };
	int depth;
	size_t m;

	if (n < 2 || size == 0)
		return;
	for (depth = 0, m = n; m > 1; m >>= 1)
		depth += 2;
	intro_sort(base, n, depth, &q);
}

static int
cmp_plain(const void *a, const void *b, void *thunk)
{

	return (((int (*)(const void *, const void *))thunk)(a, b));
}

void
qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{

	qsort_r(base, n, size, cmp_plain, (void *)cmp);
}

int
heapsort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	struct qs q = { size, cmp_plain, (void *)cmp };

	if (size == 0) {
		errno = EINVAL;
		return (-1);
	}
	heap_sort(base, n, &q);
	return (0);
}

/* Stable merge sort with a temporary buffer. */
static void
merge_sort(char *base, char *tmp, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	size_t half, i, j, k;

	if (n < 2)
		return;
	half = n / 2;
	merge_sort(base, tmp, half, size, cmp);
	merge_sort(base + half * size, tmp, n - half, size, cmp);
	i = 0;
	j = half;
	k = 0;
	while (i < half && j < n) {
		if (cmp(base + j * size, base + i * size) < 0)
			memcpy(tmp + k++ * size, base + j++ * size, size);
		else
			memcpy(tmp + k++ * size, base + i++ * size, size);
	}
	while (i < half)
		memcpy(tmp + k++ * size, base + i++ * size, size);
	while (j < n)
		memcpy(tmp + k++ * size, base + j++ * size, size);
	memcpy(base, tmp, n * size);
}

int
mergesort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	char *tmp;

	if (size == 0) {
		errno = EINVAL;
		return (-1);
	}
	if (n < 2)
		return (0);
	if ((tmp = malloc(n * size)) == NULL)
		return (-1);
	merge_sort(base, tmp, n, size, cmp);
	free(tmp);
	return (0);
}

void *
bsearch(const void *key, const void *base0, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	const char *base = base0;
	const char *p;
	int c;

	while (n > 0) {
		p = base + (n / 2) * size;
		c = cmp(key, p);
		if (c == 0)
			return ((void *)(uintptr_t)p);
		if (c > 0) {
			base = p + size;
			n = n - n / 2 - 1;
		} else
			n = n / 2;
	}
	return (NULL);
}
