/*
 * arc4random.c: arc4random, arc4random_buf, arc4random_uniform.
 *
 * A ChaCha20 keystream generator with fast key erasure: each refill
 * produces 16 blocks; the first 40 bytes of a refill become the next key
 * and nonce and are never handed out.  The first use (and the first use
 * after fork, in the child) keys it from the kernel: getrandom(2), else
 * the kern.arandom sysctl ({CTL_KERN, KERN_ARND}).  If the kernel offers
 * neither, it is keyed from the TSC, the clock and addresses -- not
 * secure; fine for the tests and tools that run here.
 */
#include <sys/types.h>
#include <sys/random.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "libc_private.h"

#define	KEYSZ		32
#define	NONCESZ		8
#define	BLOCKSZ		64
#define	NBLOCKS		16
#define	BUFSZ		(BLOCKSZ * NBLOCKS)

static libc_lock_t arc4_lock = LIBC_LOCK_INITIALIZER;
static uint32_t arc4_state[16];		/* [arc4_lock] */
static uint8_t	arc4_buf[BUFSZ];	/* [arc4_lock] */
static size_t	arc4_have;		/* [arc4_lock] unused bytes at end */
static int	arc4_keyed;		/* [arc4_lock] */
static size_t	arc4_count;		/* [arc4_lock] bytes since keying */

#define	ROTL(v, n)	(((v) << (n)) | ((v) >> (32 - (n))))
#define	QR(a, b, c, d) do {						\
	a += b; d ^= a; d = ROTL(d, 16);				\
	c += d; b ^= c; b = ROTL(b, 12);				\
	a += b; d ^= a; d = ROTL(d, 8);					\
	c += d; b ^= c; b = ROTL(b, 7);					\
} while (0)

static void
chacha_block(uint32_t in[16], uint8_t out[BLOCKSZ])
{
	uint32_t x[16];
	int i;

	memcpy(x, in, sizeof(x));
	for (i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (i = 0; i < 16; i++) {
		x[i] += in[i];
		out[4 * i] = (uint8_t)x[i];
		out[4 * i + 1] = (uint8_t)(x[i] >> 8);
		out[4 * i + 2] = (uint8_t)(x[i] >> 16);
		out[4 * i + 3] = (uint8_t)(x[i] >> 24);
	}
	if (++in[12] == 0)
		in[13]++;
}

static void
chacha_key(const uint8_t *kn)
{
	int i;

	arc4_state[0] = 0x61707865;	/* "expand 32-byte k" */
	arc4_state[1] = 0x3320646e;
	arc4_state[2] = 0x79622d32;
	arc4_state[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		arc4_state[4 + i] = (uint32_t)kn[4 * i] |
		    ((uint32_t)kn[4 * i + 1] << 8) |
		    ((uint32_t)kn[4 * i + 2] << 16) |
		    ((uint32_t)kn[4 * i + 3] << 24);
	arc4_state[12] = arc4_state[13] = 0;
	for (i = 0; i < 2; i++)
		arc4_state[14 + i] = (uint32_t)kn[KEYSZ + 4 * i] |
		    ((uint32_t)kn[KEYSZ + 4 * i + 1] << 8) |
		    ((uint32_t)kn[KEYSZ + 4 * i + 2] << 16) |
		    ((uint32_t)kn[KEYSZ + 4 * i + 3] << 24);
}

static void
arc4_refill(void)
{
	int i;

	for (i = 0; i < NBLOCKS; i++)
		chacha_block(arc4_state, arc4_buf + i * BLOCKSZ);
	/* Fast key erasure: the head of the output is the next key. */
	chacha_key(arc4_buf);
	memset(arc4_buf, 0, KEYSZ + NONCESZ);
	arc4_have = BUFSZ - KEYSZ - NONCESZ;
}

static int
kernel_entropy(uint8_t *p, size_t len)
{
	int mib[2] = { CTL_KERN, KERN_ARND };
	ssize_t n;
	size_t got;
	int saved;

	saved = errno;
	n = __sys_getrandom(p, len, 0);
	if (n == (ssize_t)len) {
		errno = saved;
		return (0);
	}
	got = len;
	if (__sys___sysctl(mib, 2, p, &got, NULL, 0) == 0 && got == len) {
		errno = saved;
		return (0);
	}
	errno = saved;
	return (-1);
}

static void
weak_entropy(uint8_t *p, size_t len)
{
	struct timespec ts;
	uint64_t mix[6];
	uint32_t lo, hi;
	size_t i;

	__asm__ __volatile__("rdtsc" : "=a" (lo), "=d" (hi));
	(void)__sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	mix[0] = ((uint64_t)hi << 32) | lo;
	mix[1] = (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
	mix[2] = (uint64_t)__sys_getpid();
	mix[3] = (uint64_t)(uintptr_t)&ts;
	mix[4] = (uint64_t)(uintptr_t)p;
	mix[5] = mix[0] * 0x9e3779b97f4a7c15ULL;
	for (i = 0; i < len; i++)
		p[i] ^= ((const uint8_t *)mix)[i % sizeof(mix)] ^
		    (uint8_t)(i * 131);
}

static void
arc4_stir(void)
{
	uint8_t seed[KEYSZ + NONCESZ];

	memset(seed, 0, sizeof(seed));
	if (kernel_entropy(seed, sizeof(seed)) != 0)
		weak_entropy(seed, sizeof(seed));
	chacha_key(seed);
	memset(seed, 0, sizeof(seed));
	arc4_have = 0;
	arc4_count = 0;
	arc4_keyed = 1;
}

static void
arc4_get(uint8_t *out, size_t n)
{
	size_t m;

	if (!arc4_keyed || arc4_count > 1600000)
		arc4_stir();
	while (n > 0) {
		if (arc4_have == 0)
			arc4_refill();
		m = n < arc4_have ? n : arc4_have;
		memcpy(out, arc4_buf + BUFSZ - arc4_have, m);
		memset(arc4_buf + BUFSZ - arc4_have, 0, m);
		arc4_have -= m;
		arc4_count += m;
		out += m;
		n -= m;
	}
}

void
arc4random_buf(void *buf, size_t n)
{

	_libc_lock(&arc4_lock);
	arc4_get(buf, n);
	_libc_unlock(&arc4_lock);
}

uint32_t
arc4random(void)
{
	uint32_t v;

	arc4random_buf(&v, sizeof(v));
	return (v);
}

/* Uniform in [0, bound): reject the low values that would bias mod. */
uint32_t
arc4random_uniform(uint32_t bound)
{
	uint32_t r, min;

	if (bound < 2)
		return (0);
	min = (uint32_t)(-bound) % bound;
	do
		r = arc4random();
	while (r < min);
	return (r % bound);
}

void
__libc_arc4random_atfork_child(void)
{

	arc4_lock.lk_word = 0;
	arc4_keyed = 0;
	arc4_have = 0;
}
