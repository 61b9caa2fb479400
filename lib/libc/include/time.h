/*
 * time.h (user space).  Time zones are not supported: local time is UTC.
 */
#ifndef _TIME_H_
#define _TIME_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_timespec.h>

#ifndef NULL
#define	NULL	((void *)0)
#endif
#ifndef _CLOCK_T_DECLARED
typedef	__clock_t	clock_t;
#define	_CLOCK_T_DECLARED
#endif
#ifndef _CLOCKID_T_DECLARED
typedef	__clockid_t	clockid_t;
#define	_CLOCKID_T_DECLARED
#endif
#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif
#ifndef _TIMER_T_DECLARED
typedef	struct __timer	*timer_t;
#define	_TIMER_T_DECLARED
#endif
#ifndef _PID_T_DECLARED
typedef	__pid_t		pid_t;
#define	_PID_T_DECLARED
#endif

#define	CLOCKS_PER_SEC	128

#include <sys/_clock_id.h>
#define	TIME_UTC	1

struct tm {
	int	tm_sec;		/* seconds after the minute [0-60] */
	int	tm_min;		/* minutes after the hour [0-59] */
	int	tm_hour;	/* hours since midnight [0-23] */
	int	tm_mday;	/* day of the month [1-31] */
	int	tm_mon;		/* months since January [0-11] */
	int	tm_year;	/* years since 1900 */
	int	tm_wday;	/* days since Sunday [0-6] */
	int	tm_yday;	/* days since January 1 [0-365] */
	int	tm_isdst;	/* Daylight Savings Time flag */
	long	tm_gmtoff;	/* offset from UTC in seconds */
	char	*tm_zone;	/* timezone abbreviation */
};

struct itimerspec {
	struct timespec	it_interval;
	struct timespec	it_value;
};

__BEGIN_DECLS
char	*asctime(const struct tm *);
char	*asctime_r(const struct tm *, char *);
clock_t	clock(void);
char	*ctime(const time_t *);
char	*ctime_r(const time_t *, char *);
double	difftime(time_t, time_t);
struct tm *gmtime(const time_t *);
struct tm *gmtime_r(const time_t *, struct tm *);
struct tm *localtime(const time_t *);
struct tm *localtime_r(const time_t *, struct tm *);
time_t	mktime(struct tm *);
time_t	timegm(struct tm *);
size_t	strftime(char *__restrict, size_t, const char *__restrict,
	    const struct tm *__restrict);
time_t	time(time_t *);
void	tzset(void);
int	clock_getres(clockid_t, struct timespec *);
int	clock_gettime(clockid_t, struct timespec *);
int	clock_settime(clockid_t, const struct timespec *);
int	clock_nanosleep(clockid_t, int, const struct timespec *,
	    struct timespec *);
int	nanosleep(const struct timespec *, struct timespec *);
int	timespec_get(struct timespec *, int);
extern char *tzname[2];
__END_DECLS

#endif /* !_TIME_H_ */
