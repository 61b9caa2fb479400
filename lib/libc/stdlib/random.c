/*
 * random.c: random/srandom (additive feedback generator, 31 words, as in
 * BSD's default state), rand/srand/rand_r, and the 48-bit family
 * (drand48 & co., the standard linear congruence a = 0x5DEECE66D,
 * c = 0xB).  None of these is cryptographic: see arc4random.c.
 */
#include <sys/types.h>
#include <stdint.h>
#include <stdlib.h>

#include "libc_private.h"

#define	DEG	31
#define	SEP	3

static uint32_t rtab[DEG];
static int rfptr = SEP, rrptr = 0;
static int rinit;
static libc_lock_t random_lock = LIBC_LOCK_INITIALIZER;

/* Park-Miller "minimal standard" generator, used to seed the table. */
static uint32_t
good_rand(uint32_t x)
{
	int32_t hi, lo;

	x = (x % 0x7ffffffe) + 1;
	hi = (int32_t)(x / 127773);
	lo = (int32_t)(x % 127773);
	x = (uint32_t)(16807 * lo - 2836 * hi);
	if ((int32_t)x < 0)
		x += 0x7fffffff;
	return (x - 1);
}

static void
srandom_locked(unsigned int seed)
{
	int i;

	rtab[0] = seed;
	for (i = 1; i < DEG; i++)
		rtab[i] = good_rand(rtab[i - 1]);
	rfptr = SEP;
	rrptr = 0;
	rinit = 1;
	for (i = 0; i < 10 * DEG; i++) {
		rtab[rfptr] += rtab[rrptr];
		if (++rfptr >= DEG)
			rfptr = 0;
		if (++rrptr >= DEG)
			rrptr = 0;
	}
}

void
srandom(unsigned int seed)
{

	_libc_lock(&random_lock);
	srandom_locked(seed);
	_libc_unlock(&random_lock);
}

long
random(void)
{
	uint32_t r;

	_libc_lock(&random_lock);
	if (!rinit)
		srandom_locked(1);
	rtab[rfptr] += rtab[rrptr];
	r = rtab[rfptr] >> 1;
	if (++rfptr >= DEG)
		rfptr = 0;
	if (++rrptr >= DEG)
		rrptr = 0;
	_libc_unlock(&random_lock);
	return ((long)r);
}

char *
initstate(unsigned int seed, char *state, size_t n)
{

	srandom(seed);
	return (state);
}

char *
setstate(char *state)
{

	return (state);
}

static unsigned int rand_next = 1;

int
rand_r(unsigned int *ctx)
{
	uint32_t x;

	x = good_rand(*ctx);
	*ctx = x;
	return ((int)(x & RAND_MAX));
}

int
rand(void)
{

	return (rand_r(&rand_next));
}

void
srand(unsigned int seed)
{

	rand_next = seed;
}

/* 48-bit linear congruential generators. */
static unsigned short r48_seed[3] = { 0x330e, 0xabcd, 0x1234 };
static unsigned short r48_mult[3] = { 0xe66d, 0xdeec, 0x0005 };
static unsigned short r48_add = 0x000b;

static uint64_t
r48_load(const unsigned short x[3])
{

	return ((uint64_t)x[0] | ((uint64_t)x[1] << 16) |
	    ((uint64_t)x[2] << 32));
}

static void
r48_store(unsigned short x[3], uint64_t v)
{

	x[0] = (unsigned short)v;
	x[1] = (unsigned short)(v >> 16);
	x[2] = (unsigned short)(v >> 32);
}

static uint64_t
r48_step(unsigned short x[3])
{
	uint64_t v;

	v = (r48_load(x) * r48_load(r48_mult) + r48_add) &
	    0xffffffffffffULL;
	r48_store(x, v);
	return (v);
}

double
erand48(unsigned short x[3])
{

	return ((double)r48_step(x) / 281474976710656.0);
}

double
drand48(void)
{

	return (erand48(r48_seed));
}

long
nrand48(unsigned short x[3])
{

	return ((long)(r48_step(x) >> 17));
}

long
lrand48(void)
{

	return (nrand48(r48_seed));
}

long
jrand48(unsigned short x[3])
{

	return ((long)(int32_t)(r48_step(x) >> 16));
}

long
mrand48(void)
{

	return (jrand48(r48_seed));
}

void
srand48(long seed)
{

	r48_seed[0] = 0x330e;
	r48_seed[1] = (unsigned short)seed;
	r48_seed[2] = (unsigned short)(seed >> 16);
	r48_store(r48_mult, 0x5deece66dULL);
	r48_add = 0xb;
}

unsigned short *
seed48(unsigned short x[3])
{
	static unsigned short old[3];

	old[0] = r48_seed[0];
	old[1] = r48_seed[1];
	old[2] = r48_seed[2];
	r48_seed[0] = x[0];
	r48_seed[1] = x[1];
	r48_seed[2] = x[2];
	r48_store(r48_mult, 0x5deece66dULL);
	r48_add = 0xb;
	return (old);
}

void
lcong48(unsigned short p[7])
{

	r48_seed[0] = p[0];
	r48_seed[1] = p[1];
	r48_seed[2] = p[2];
	r48_mult[0] = p[3];
	r48_mult[1] = p[4];
	r48_mult[2] = p[5];
	r48_add = p[6];
}
