/*
 * time.c: sleeping, clocks and calendar time.
 *
 * sleep/usleep are nanosleep(2); time() is clock_gettime(CLOCK_REALTIME).
 * There is no time-zone database: local time is UTC.  The calendar
 * conversions use the proleptic Gregorian calendar (days-from-civil).
 */
#include <sys/types.h>
#include <sys/time.h>
#include <sys/resource.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "libc_private.h"

char *tzname[2] = { "UTC", "UTC" };

int
__libc_abs_to_rel(int clock, const struct timespec *abstime,
    struct timespec *rel)
{
	struct timespec now;

	if (clock_gettime(clock, &now) != 0)
		return (EINVAL);
	rel->tv_sec = abstime->tv_sec - now.tv_sec;
	rel->tv_nsec = abstime->tv_nsec - now.tv_nsec;
	if (rel->tv_nsec < 0) {
		rel->tv_sec--;
		rel->tv_nsec += 1000000000L;
	}
	if (rel->tv_sec < 0 || (rel->tv_sec == 0 && rel->tv_nsec == 0))
		return (ETIMEDOUT);
	return (0);
}

unsigned int
sleep(unsigned int seconds)
{
	struct timespec ts, rem;

	ts.tv_sec = seconds;
	ts.tv_nsec = 0;
	if (nanosleep(&ts, &rem) == 0)
		return (0);
	if (errno == EINTR)
		return ((unsigned int)rem.tv_sec + (rem.tv_nsec != 0));
	return (seconds);
}

int
usleep(useconds_t usec)
{
	struct timespec ts;

	ts.tv_sec = usec / 1000000;
	ts.tv_nsec = (long)(usec % 1000000) * 1000;
	return (nanosleep(&ts, NULL));
}

unsigned int
alarm(unsigned int secs)
{
	struct itimerval it, oit;

	timerclear(&it.it_interval);
	it.it_value.tv_sec = secs;
	it.it_value.tv_usec = 0;
	if (setitimer(ITIMER_REAL, &it, &oit) < 0)
		return ((unsigned int)-1);
	if (oit.it_value.tv_usec)
		oit.it_value.tv_sec++;
	return ((unsigned int)oit.it_value.tv_sec);
}

int
pause(void)
{
	sigset_t set;

	if (sigprocmask(SIG_BLOCK, NULL, &set) != 0)
		return (-1);
	return (sigsuspend(&set));
}

time_t
time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return ((time_t)-1);
	if (t != NULL)
		*t = ts.tv_sec;
	return (ts.tv_sec);
}

int
timespec_get(struct timespec *ts, int base)
{

	if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts) != 0)
		return (0);
	return (base);
}

clock_t
clock(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return ((clock_t)-1);
	return ((clock_t)((ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) *
	    CLOCKS_PER_SEC + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) *
	    CLOCKS_PER_SEC / 1000000));
}

double
difftime(time_t a, time_t b)
{

	return ((double)a - (double)b);
}

void
tzset(void)
{
}

/* Days since 1970-01-01 of a civil date (month 1..12). */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + (long)doe - 719468);
}

static int
is_leap(long y)
{

	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

struct tm *
gmtime_r(const time_t *t, struct tm *tm)
{
	static const int cum[12] = { 0, 31, 59, 90, 120, 151, 181, 212,
	    243, 273, 304, 334 };
	long days, secs, era, y;
	unsigned doe, yoe, doy, mp, d, m;

	days = *t / 86400;
	secs = *t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)((days % 7 + 11) % 7);	/* 1970-01-01: Thu */

	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = (unsigned)(days - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += (m <= 2);

	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = (int)m - 1;
	tm->tm_mday = (int)d;
	tm->tm_yday = cum[m - 1] + (int)d - 1 + (m > 2 && is_leap(y));
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = __DECONST(char *, "UTC");
	return (tm);
}

struct tm *
gmtime(const time_t *t)
{
	static struct tm tm;

	return (gmtime_r(t, &tm));
}

struct tm *
localtime_r(const time_t *t, struct tm *tm)
{

	return (gmtime_r(t, tm));
}

struct tm *
localtime(const time_t *t)
{

	return (gmtime(t));
}

time_t
timegm(struct tm *tm)
{
	long y, mon, days;
	time_t t;

	mon = tm->tm_mon;
	y = (long)tm->tm_year + 1900 + mon / 12;
	mon %= 12;
	if (mon < 0) {
		mon += 12;
		y--;
	}
	days = days_from_civil(y, (unsigned)mon + 1, 1) + tm->tm_mday - 1;
	t = (time_t)days * 86400 + (time_t)tm->tm_hour * 3600 +
	    (time_t)tm->tm_min * 60 + tm->tm_sec;
	(void)gmtime_r(&t, tm);
	return (t);
}

time_t
mktime(struct tm *tm)
{

	return (timegm(tm));
}

static const char wdays[7][4] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char months[12][4] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

char *
asctime_r(const struct tm *tm, char *buf)
{

	snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
	    wdays[(unsigned)tm->tm_wday % 7], months[(unsigned)tm->tm_mon % 12],
	    tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
	    1900 + tm->tm_year);
	return (buf);
}

char *
asctime(const struct tm *tm)
{
	static char buf[26];

	return (asctime_r(tm, buf));
}

char *
ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	return (asctime_r(gmtime_r(t, &tm), buf));
}

char *
ctime(const time_t *t)
{
	static char buf[26];

	return (ctime_r(t, buf));
}

/* strftime: the common conversions (C locale). */
static size_t
strf_put(char **p, size_t *left, const char *s)
{
	size_t n;

	n = strlen(s);
	if (n >= *left) {
		*left = 0;
		return (0);
	}
	memcpy(*p, s, n);
	*p += n;
	*left -= n;
	return (n);
}

size_t
strftime(char *buf, size_t size, const char *fmt, const struct tm *tm)
{
	char tmp[64], *p;
	size_t left;

	if (size == 0)
		return (0);
	p = buf;
	left = size;
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%' || fmt[1] == '\0') {
			tmp[0] = *fmt;
			tmp[1] = '\0';
		} else {
			switch (*++fmt) {
			case 'a': snprintf(tmp, sizeof(tmp), "%s", wdays[(unsigned)tm->tm_wday % 7]); break;
			case 'b':
			case 'h': snprintf(tmp, sizeof(tmp), "%s", months[(unsigned)tm->tm_mon % 12]); break;
			case 'Y': snprintf(tmp, sizeof(tmp), "%d", tm->tm_year + 1900); break;
			case 'y': snprintf(tmp, sizeof(tmp), "%02d", (tm->tm_year + 1900) % 100); break;
			case 'm': snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mon + 1); break;
			case 'd': snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mday); break;
			case 'e': snprintf(tmp, sizeof(tmp), "%2d", tm->tm_mday); break;
			case 'j': snprintf(tmp, sizeof(tmp), "%03d", tm->tm_yday + 1); break;
			case 'H': snprintf(tmp, sizeof(tmp), "%02d", tm->tm_hour); break;
			case 'M': snprintf(tmp, sizeof(tmp), "%02d", tm->tm_min); break;
			case 'S': snprintf(tmp, sizeof(tmp), "%02d", tm->tm_sec); break;
			case 'T': snprintf(tmp, sizeof(tmp), "%02d:%02d:%02d", tm->tm_hour, tm->tm_min, tm->tm_sec); break;
			case 'F': snprintf(tmp, sizeof(tmp), "%d-%02d-%02d", tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday); break;
			case 'Z': snprintf(tmp, sizeof(tmp), "UTC"); break;
			case 'z': snprintf(tmp, sizeof(tmp), "+0000"); break;
			case 's': snprintf(tmp, sizeof(tmp), "%ld", (long)timegm(&(struct tm){ .tm_year = tm->tm_year, .tm_mon = tm->tm_mon, .tm_mday = tm->tm_mday, .tm_hour = tm->tm_hour, .tm_min = tm->tm_min, .tm_sec = tm->tm_sec })); break;
			case 'n': snprintf(tmp, sizeof(tmp), "\n"); break;
			case 't': snprintf(tmp, sizeof(tmp), "\t"); break;
			case '%': snprintf(tmp, sizeof(tmp), "%%"); break;
			case 'c': asctime_r(tm, tmp); tmp[24] = '\0'; break;
			default: snprintf(tmp, sizeof(tmp), "%%%c", *fmt); break;
			}
		}
		if (strf_put(&p, &left, tmp) == 0 && tmp[0] != '\0')
			return (0);
	}
	*p = '\0';
	return ((size_t)(p - buf));
}
