/*
 * kern/kern_time.c: time system calls: clock_gettime, clock_getres,
 * gettimeofday, nanosleep, setitimer/getitimer (ITIMER_REAL).
 *
 * Monotonic time is the TSC (nanouptime()); wall-clock time is the CMOS
 * real-time clock read once at boot (rtc_init) plus the uptime.
 * ITIMER_REAL is a callout of the process (p_itcallout) that posts
 * SIGALRM and re-arms itself with the interval.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/sysproto.h>
#include <machine/cpufunc.h>
#include <machine/md_var.h>

#define CLOCK_REALTIME		0
#define CLOCK_VIRTUAL		1
#define CLOCK_PROF		2
#define CLOCK_MONOTONIC		4
#define CLOCK_UPTIME		5
#define CLOCK_UPTIME_PRECISE	7
#define CLOCK_UPTIME_FAST	8
#define CLOCK_REALTIME_PRECISE	9
#define CLOCK_REALTIME_FAST	10
#define CLOCK_MONOTONIC_PRECISE	11
#define CLOCK_MONOTONIC_FAST	12
#define CLOCK_SECOND		13
#define CLOCK_THREAD_CPUTIME_ID	14
#define CLOCK_PROCESS_CPUTIME_ID 15

#define ITIMER_REAL	0
#define NS		1000000000ULL

struct timespec_k {
	int64_t		tv_sec;
	long		tv_nsec;
};
struct timeval_k {
	int64_t		tv_sec;
	long		tv_usec;
};
struct itimerval_k {
	struct timeval_k it_interval;
	struct timeval_k it_value;
};

static uint64_t boottime_sec;		/* [I] wall clock at boot */

static int
bcd(int v)
{
	return ((v & 0x0f) + (v >> 4) * 10);
}

static int
cmos_read(int reg)
{
	outb(0x70, reg);
	return (inb(0x71));
}

static int64_t
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (era * 146097 + doe - 719468);
}

void	rtc_init(void);
void
rtc_init(void)
{
	int s, mi, h, d, mo, y, binary;

	while (cmos_read(0x0a) & 0x80)
		cpu_pause();			/* update in progress */
	s = cmos_read(0x00);
	mi = cmos_read(0x02);
	h = cmos_read(0x04);
	d = cmos_read(0x07);
	mo = cmos_read(0x08);
	y = cmos_read(0x09);
	binary = cmos_read(0x0b) & 0x04;
	if (!binary) {
		s = bcd(s);
		mi = bcd(mi);
		h = bcd(h & 0x7f);
		d = bcd(d);
		mo = bcd(mo);
		y = bcd(y);
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return;			/* no RTC: the epoch it is */
	boottime_sec = days_from_civil(2000 + y, mo, d) * 86400 +
	    h * 3600 + mi * 60 + s;
}

static uint64_t
realtime_ns(void)
{
	return (boottime_sec * NS + nanouptime());
}

static int
kern_clock_gettime(int clock_id, struct timespec_k *ts)
{
	uint64_t ns;

	switch (clock_id) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_PRECISE:
	case CLOCK_REALTIME_FAST:
	case CLOCK_SECOND:
		ns = realtime_ns();
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_PRECISE:
	case CLOCK_MONOTONIC_FAST:
	case CLOCK_UPTIME:
	case CLOCK_UPTIME_PRECISE:
	case CLOCK_UPTIME_FAST:
	/* CPU-time clocks: not accounted yet; wall time is an upper bound. */
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_PROCESS_CPUTIME_ID:
		ns = nanouptime();
		break;
	default:
		return (EINVAL);
	}
	if (clock_id == CLOCK_SECOND)
		ns -= ns % NS;
	ts->tv_sec = ns / NS;
	ts->tv_nsec = ns % NS;
	return (0);
}

int
sys_clock_gettime(struct thread *td, struct clock_gettime_args *uap)
{
	struct timespec_k ts;
	int error;

	if ((error = kern_clock_gettime(uap->clock_id, &ts)) != 0)
		return (error);
	return (copyout(&ts, uap->tp, sizeof(ts)));
}

int
sys_clock_getres(struct thread *td, struct clock_getres_args *uap)
{
	struct timespec_k ts = { 0, 1 };

	if (kern_clock_gettime(uap->clock_id, &ts) != 0)
		return (EINVAL);
	ts.tv_sec = 0;
	ts.tv_nsec = uap->clock_id == CLOCK_SECOND ? (long)NS : 1;
	if (uap->tp == NULL)
		return (0);
	return (copyout(&ts, uap->tp, sizeof(ts)));
}

int
sys_gettimeofday(struct thread *td, struct gettimeofday_args *uap)
{
	struct timeval_k tv;
	uint64_t ns = realtime_ns();
	int zero[2] = { 0, 0 };
	int error;

	tv.tv_sec = ns / NS;
	tv.tv_usec = (ns % NS) / 1000;
	if (uap->tp != NULL &&
	    (error = copyout(&tv, uap->tp, sizeof(tv))) != 0)
		return (error);
	if (uap->tzp != NULL)
		return (copyout(zero, uap->tzp, sizeof(zero)));
	return (0);
}

/* ns -> ticks, rounded up, at least one. */
static int
ns_to_ticks(uint64_t ns)
{
	uint64_t t = howmany(ns, NS / hz);

	return (t > 0x3fffffff ? 0x3fffffff : (t == 0 ? 1 : (int)t));
}

int
sys_nanosleep(struct thread *td, struct nanosleep_args *uap)
{
	struct timespec_k ts, rem;
	uint64_t end, now;
	int error;

	if ((error = copyin(uap->rqtp, &ts, sizeof(ts))) != 0)
		return (error);
	if (ts.tv_nsec < 0 || ts.tv_nsec >= (long)NS || ts.tv_sec < 0)
		return (EINVAL);
	end = nanouptime() + ts.tv_sec * NS + ts.tv_nsec;
	for (;;) {
		now = nanouptime();
		if (now >= end)
			return (0);
		error = tsleep(&ts, PCATCH, "nanslp", ns_to_ticks(end - now));
		if (error == EWOULDBLOCK)
			continue;
		if (error != 0)
			break;
	}
	/* Interrupted: nanosleep is never restarted (EINTR, remaining time). */
	now = nanouptime();
	if (uap->rmtp != NULL) {
		uint64_t left = end > now ? end - now : 0;

		rem.tv_sec = left / NS;
		rem.tv_nsec = left % NS;
		if (copyout(&rem, uap->rmtp, sizeof(rem)) != 0)
			return (EFAULT);
	}
	return (EINTR);
}

static void
itimer_fire(void *arg)
{
	struct proc *p = arg;
	uint64_t now = nanouptime();

	spin_lock(&p->p_spin);
	if (p->p_itinterval_ns != 0) {
		p->p_itvalue_ns += p->p_itinterval_ns;
		if (p->p_itvalue_ns <= now)
			p->p_itvalue_ns = now + p->p_itinterval_ns;
		callout_reset(&p->p_itcallout,
		    ns_to_ticks(p->p_itvalue_ns - now), itimer_fire, p);
	} else
		p->p_itvalue_ns = 0;
	spin_unlock(&p->p_spin);
	psignal(p, SIGALRM);
}

static void
itimer_get_locked(struct proc *p, struct itimerval_k *it)
{
	uint64_t now = nanouptime(), left;

	left = p->p_itvalue_ns > now ? p->p_itvalue_ns - now : 0;
	if (p->p_itvalue_ns != 0 && left == 0)
		left = 1000;		/* due: report a tiny remainder */
	it->it_value.tv_sec = left / NS;
	it->it_value.tv_usec = (left % NS) / 1000;
	it->it_interval.tv_sec = p->p_itinterval_ns / NS;
	it->it_interval.tv_usec = (p->p_itinterval_ns % NS) / 1000;
}

int
sys_getitimer(struct thread *td, struct getitimer_args *uap)
{
	struct proc *p = td->td_proc;
	struct itimerval_k it;

	if (uap->which != ITIMER_REAL)
		return (uap->which <= 2 ? EOPNOTSUPP : EINVAL);
	memset(&it, 0, sizeof(it));
	spin_lock(&p->p_spin);
	itimer_get_locked(p, &it);
	spin_unlock(&p->p_spin);
	return (copyout(&it, uap->itv, sizeof(it)));
}

static int
tv_valid(const struct timeval_k *tv)
{
	return (tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000);
}

int
sys_setitimer(struct thread *td, struct setitimer_args *uap)
{
	struct proc *p = td->td_proc;
	struct itimerval_k it, old;
	uint64_t value, now;
	int error;

	if (uap->which != ITIMER_REAL)
		return (uap->which <= 2 ? EOPNOTSUPP : EINVAL);
	if (uap->itv == NULL)
		return (sys_getitimer(td, (struct getitimer_args *)uap));
	if ((error = copyin(uap->itv, &it, sizeof(it))) != 0)
		return (error);
	if (!tv_valid(&it.it_value) || !tv_valid(&it.it_interval))
		return (EINVAL);
	memset(&old, 0, sizeof(old));
	value = it.it_value.tv_sec * NS + it.it_value.tv_usec * 1000ULL;
	now = nanouptime();
	spin_lock(&p->p_spin);
	itimer_get_locked(p, &old);
	callout_stop(&p->p_itcallout);
	p->p_itinterval_ns = it.it_interval.tv_sec * NS +
	    it.it_interval.tv_usec * 1000ULL;
	p->p_itvalue_ns = value != 0 ? now + value : 0;
	if (value != 0)
		callout_reset(&p->p_itcallout, ns_to_ticks(value), itimer_fire,
		    p);
	spin_unlock(&p->p_spin);
	if (uap->oitv != NULL)
		return (copyout(&old, uap->oitv, sizeof(old)));
	return (0);
}
