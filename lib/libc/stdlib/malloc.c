/*
 * malloc.c: the memory allocator.
 *
 * Every block starts with a 16-byte header (so user pointers are 16-byte
 * aligned) saying what it is:
 *   small    sizes up to SMALL_MAX: power-of-two classes 32 B .. 64 KiB
 *            (header included), carved from arenas and kept on one free
 *            list per class.  Arenas are a static 128 KiB area first (so
 *            small programs work before the kernel has mmap), then
 *            1 MiB anonymous mappings.
 *   large    anything bigger: its own mmap(MAP_ANON), unmapped on free.
 *   aligned  posix_memalign's shifted pointer: the header records the
 *            distance back to the real block.
 * free() checks the header's magic and aborts on a pointer malloc did not
 * return or a double free (freed small blocks are marked FREE).
 *
 * One lock (malloc_lock) guards the free lists and arenas; fork() holds it
 * across the fork (see gen/fork.c) so the child inherits consistent lists.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc_private.h"

#define	HDR_SIZE	16
#define	MIN_SHIFT	5			/* 32-byte smallest class */
#define	MAX_SHIFT	16			/* 64 KiB largest class */
#define	NCLASSES	(MAX_SHIFT - MIN_SHIFT + 1)
#define	SMALL_MAX	((1UL << MAX_SHIFT) - HDR_SIZE)
#define	ARENA_SIZE	(1UL << 20)
#define	PAGE		4096UL

#define	MAGIC_SMALL	0x6d616c6c6f63UL	/* "malloc" */
#define	MAGIC_LARGE	0x6c61726765UL		/* "large" */
#define	MAGIC_ALIGNED	0x616c69676eUL		/* "align" */
#define	MAGIC_FREE	0x66726565UL		/* "free" */

struct hdr {
	size_t	h_size;		/* class, mapping length or back offset */
	size_t	h_magic;
};

struct freeblk {
	struct freeblk	*next;
};

static libc_lock_t malloc_lock = LIBC_LOCK_INITIALIZER;
static struct freeblk *freelist[NCLASSES];	/* [malloc_lock] */
static char	*arena_next;			/* [malloc_lock] */
static char	*arena_end;			/* [malloc_lock] */
static char	static_arena[128 * 1024] __aligned(HDR_SIZE);
static int	static_arena_used;		/* [malloc_lock] */

static void
malloc_corrupt(const char *what, const void *p)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%s: %s %p\n", __progname, what, p);
	(void)__sys_write(2, buf, strlen(buf));
	abort();
}

static int
size_class(size_t total)
{
	int c;

	for (c = 0; (1UL << (c + MIN_SHIFT)) < total; c++)
		;
	return (c);
}

static void *
map_anon(size_t len)
{
	void *p;

	p = __sys_mmap(NULL, len, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}

/* Carve a block of 2^(c+MIN_SHIFT) bytes; malloc_lock held. */
static struct hdr *
arena_carve(int c)
{
	size_t size;
	char *p;

	size = 1UL << (c + MIN_SHIFT);
	if (arena_next == NULL || (size_t)(arena_end - arena_next) < size) {
		if (!static_arena_used) {
			static_arena_used = 1;
			p = static_arena;
			arena_end = p + sizeof(static_arena);
		} else {
			if ((p = map_anon(ARENA_SIZE)) == NULL)
				return (NULL);
			arena_end = p + ARENA_SIZE;
		}
		arena_next = p;
		if ((size_t)(arena_end - arena_next) < size)
			return (NULL);
	}
	p = arena_next;
	arena_next += size;
	return ((struct hdr *)p);
}

static void *
malloc_small(size_t n)
{
	struct hdr *h;
	int c;

	c = size_class(n + HDR_SIZE);
	_libc_lock(&malloc_lock);
	if (freelist[c] != NULL) {
		h = (struct hdr *)((char *)freelist[c] - HDR_SIZE);
		freelist[c] = freelist[c]->next;
	} else
		h = arena_carve(c);
	_libc_unlock(&malloc_lock);
	if (h == NULL)
		return (NULL);
	h->h_size = (size_t)c;
	h->h_magic = MAGIC_SMALL;
	return ((char *)h + HDR_SIZE);
}

static void *
malloc_large(size_t n)
{
	struct hdr *h;
	size_t len;

	if (n > SIZE_MAX - HDR_SIZE - PAGE)
		return (NULL);
	len = (n + HDR_SIZE + PAGE - 1) & ~(PAGE - 1);
	if ((h = map_anon(len)) == NULL)
		return (NULL);
	h->h_size = len;
	h->h_magic = MAGIC_LARGE;
	return ((char *)h + HDR_SIZE);
}

void *
malloc(size_t n)
{
	void *p;

	if (n == 0)
		n = 1;
	p = (n <= SMALL_MAX) ? malloc_small(n) : malloc_large(n);
	if (p == NULL)
		errno = ENOMEM;
	return (p);
}

static struct hdr *
hdr_of(void *p)
{
	struct hdr *h;

	h = (struct hdr *)((char *)p - HDR_SIZE);
	if (h->h_magic == MAGIC_ALIGNED) {
		p = (char *)p - h->h_size;
		h = (struct hdr *)((char *)p - HDR_SIZE);
	}
	return (h);
}

/* Bytes usable at p (as far as the block extends past p). */
static size_t
usable_size(void *p, struct hdr *h)
{
	char *end;

	if (h->h_magic == MAGIC_SMALL)
		end = (char *)h + (1UL << (h->h_size + MIN_SHIFT));
	else
		end = (char *)h + h->h_size;
	return ((size_t)(end - (char *)p));
}

void
free(void *p)
{
	struct freeblk *fb;
	struct hdr *h;
	int c;

	if (p == NULL)
		return;
	h = hdr_of(p);
	switch (h->h_magic) {
	case MAGIC_SMALL:
		c = (int)h->h_size;
		if (c < 0 || c >= NCLASSES)
			malloc_corrupt("free: corrupt block", p);
		h->h_magic = MAGIC_FREE;
		fb = (struct freeblk *)((char *)h + HDR_SIZE);
		_libc_lock(&malloc_lock);
		fb->next = freelist[c];
		freelist[c] = fb;
		_libc_unlock(&malloc_lock);
		break;
	case MAGIC_LARGE:
		h->h_magic = MAGIC_FREE;
		(void)__sys_munmap(h, h->h_size);
		break;
	case MAGIC_FREE:
		malloc_corrupt("free: double free of", p);
		break;
	default:
		malloc_corrupt("free: pointer not from malloc:", p);
		break;
	}
}

void *
calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return (NULL);
	}
	if ((p = malloc(n * size)) != NULL)
		memset(p, 0, n * size);
	return (p);
}

void *
realloc(void *p, size_t n)
{
	struct hdr *h;
	size_t have;
	void *q;

	if (p == NULL)
		return (malloc(n));
	h = hdr_of(p);
	if (h->h_magic != MAGIC_SMALL && h->h_magic != MAGIC_LARGE)
		malloc_corrupt("realloc: pointer not from malloc:", p);
	have = usable_size(p, h);
	if (n <= have && (h->h_magic == MAGIC_LARGE || n > have / 4 ||
	    have <= 64))
		return (p);
	if ((q = malloc(n)) == NULL)
		return (NULL);
	memcpy(q, p, n < have ? n : have);
	free(p);
	return (q);
}

void *
reallocf(void *p, size_t n)
{
	void *q;

	if ((q = realloc(p, n)) == NULL)
		free(p);
	return (q);
}

void *
reallocarray(void *p, size_t n, size_t size)
{

	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return (NULL);
	}
	return (realloc(p, n * size));
}

int
posix_memalign(void **res, size_t align, size_t n)
{
	struct hdr *h;
	char *p, *q;

	if (align < sizeof(void *) || (align & (align - 1)) != 0)
		return (EINVAL);
	if (align <= HDR_SIZE) {
		if ((p = malloc(n)) == NULL)
			return (ENOMEM);
		*res = p;
		return (0);
	}
	if (n > SIZE_MAX - align - HDR_SIZE)
		return (ENOMEM);
	if ((p = malloc(n + align + HDR_SIZE)) == NULL)
		return (ENOMEM);
	q = (char *)(((uintptr_t)p + HDR_SIZE + align - 1) &
	    ~(uintptr_t)(align - 1));
	h = (struct hdr *)(q - HDR_SIZE);
	h->h_size = (size_t)(q - p);
	h->h_magic = MAGIC_ALIGNED;
	*res = q;
	return (0);
}

void *
aligned_alloc(size_t align, size_t n)
{
	void *p;
	int error;

	error = posix_memalign(&p, align < sizeof(void *) ?
	    sizeof(void *) : align, n);
	if (error != 0) {
		errno = error;
		return (NULL);
	}
	return (p);
}

void
__libc_malloc_atfork_prepare(void)
{

	_libc_lock(&malloc_lock);
}

void
__libc_malloc_atfork_parent(void)
{

	_libc_unlock(&malloc_lock);
}

void
__libc_malloc_atfork_child(void)
{

	malloc_lock.lk_word = 0;
}
