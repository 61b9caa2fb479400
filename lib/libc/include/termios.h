/*
 * termios.h (user space): terminal control through the TIOC* ioctls.
 */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/_termios.h>
#include <sys/ttycom.h>

#ifndef _PID_T_DECLARED
typedef	__pid_t		pid_t;
#define	_PID_T_DECLARED
#endif

#define	TCSANOW		0		/* make change immediate */
#define	TCSADRAIN	1		/* drain output, then change */
#define	TCSAFLUSH	2		/* drain output, flush input */
#define	TCSASOFT	0x10		/* flag - don't alter h.w. state */

#define	TCIFLUSH	1
#define	TCOFLUSH	2
#define	TCIOFLUSH	3
#define	TCOOFF		1
#define	TCOON		2
#define	TCIOFF		3
#define	TCION		4

__BEGIN_DECLS
speed_t	cfgetispeed(const struct termios *);
speed_t	cfgetospeed(const struct termios *);
int	cfsetispeed(struct termios *, speed_t);
int	cfsetospeed(struct termios *, speed_t);
int	cfsetspeed(struct termios *, speed_t);
void	cfmakeraw(struct termios *);
int	tcgetattr(int, struct termios *);
int	tcsetattr(int, int, const struct termios *);
int	tcdrain(int);
int	tcflow(int, int);
int	tcflush(int, int);
int	tcsendbreak(int, int);
pid_t	tcgetsid(int);
int	tcgetwinsize(int, struct winsize *);
int	tcsetwinsize(int, const struct winsize *);
__END_DECLS

#endif /* !_TERMIOS_H_ */
