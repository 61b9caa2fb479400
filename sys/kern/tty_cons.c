/*
 * kern/tty_cons.c: /dev/console, a small terminal on the serial console.
 *
 * Entry points: cons_cdevsw (opened through /dev/console, vfs_dev.c);
 * ct_open starts the input thread on the first open.
 *
 * Input: a kernel thread, "consd" on CPU 0, waits in cons_getc() (the
 * UART's receive ring, dev/ns16550.c) and feeds each character to
 * ct_input(), which does what a BSD line discipline does for the flags
 * this terminal honours: ICRNL; ISIG (^C posts SIGINT to the process set
 * with TIOCSPGRP, when there is one); ICANON line editing (erase ^? and
 * ^H, kill ^U, EOF ^D, lines end at \n); ECHO, ECHOE, ECHOCTL.  Finished
 * lines (canonical) or single characters (raw) go into the input queue,
 * then readers and pollers are woken.  Once started, consd owns
 * cons_getc(); the kernel monitor must not run at the same time.
 *
 * Output: OPOST|ONLCR turns \n into \r\n; writes go to cons_putc() under
 * ct_outspin, so two writers' chunks do not interleave mid-chunk.
 *
 * ioctls: TIOCGETA/TIOCSETA/TIOCSETAW/TIOCSETAF with FreeBSD's 44-byte
 * struct termios (what libc's isatty and tcgetattr use), TIOCGWINSZ
 * (24x80) and TIOCSWINSZ, TIOCGPGRP/TIOCSPGRP, TIOCSCTTY/TIOCNOTTY (no
 * effect), FIONREAD, FIONBIO, FIOASYNC.
 *
 * Locking: ct_spin (SPINRANK_TTY), key [t], for the queue, the line being
 * edited and the termios; ct_outspin (SPINRANK_TTYOUT) around console output,
 * taken inside ct_spin for echo.  Readers copy bytes out of the queue
 * under ct_spin into a local buffer, then to the user without it.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/proc.h>
#include <sys/spinlock.h>
#include <sys/cons.h>
#include <sys/fcntl.h>
#include <sys/filio.h>
#include <sys/ioccom.h>
#include <sys/poll.h>
#include <sys/selinfo.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <machine/atomic.h>

/* FreeBSD's struct termios and its flag values. */
#define NCCS		20
struct termios_k {
	uint32_t	c_iflag;
	uint32_t	c_oflag;
	uint32_t	c_cflag;
	uint32_t	c_lflag;
	uint8_t		c_cc[NCCS];
	uint32_t	c_ispeed;
	uint32_t	c_ospeed;
};
CTASSERT(sizeof(struct termios_k) == 44);
struct winsize_k {
	uint16_t	ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#define VEOF		0
#define VEOL		1
#define VEOL2		2
#define VERASE		3
#define VWERASE		4
#define VKILL		5
#define VREPRINT	6
#define VERASE2		7
#define VINTR		8
#define VQUIT		9
#define VSUSP		10
#define VDSUSP		11
#define VSTART		12
#define VSTOP		13
#define VLNEXT		14
#define VDISCARD	15
#define VMIN		16
#define VTIME		17
#define VSTATUS		18
#define _POSIX_VDISABLE	0xff

#define BRKINT		0x00000002
#define ICRNL		0x00000100
#define IGNCR		0x00000080
#define IXON		0x00000200
#define IXANY		0x00000800
#define IMAXBEL		0x00002000
#define OPOST		0x00000001
#define ONLCR		0x00000002
#define CS8		0x00000300
#define CREAD		0x00000800
#define HUPCL		0x00004000
#define ECHOKE		0x00000001
#define ECHOE		0x00000002
#define ECHOK		0x00000004
#define ECHO		0x00000008
#define ECHOCTL		0x00000040
#define ISIG		0x00000080
#define ICANON		0x00000100
#define IEXTEN		0x00000400

#define TIOCGETA	_IOR('t', 19, struct termios_k)
#define TIOCSETA	_IOW('t', 20, struct termios_k)
#define TIOCSETAW	_IOW('t', 21, struct termios_k)
#define TIOCSETAF	_IOW('t', 22, struct termios_k)
#define TIOCSCTTY	_IO('t', 97)
#define TIOCSWINSZ	_IOW('t', 103, struct winsize_k)
#define TIOCGWINSZ	_IOR('t', 104, struct winsize_k)
#define TIOCNOTTY	_IO('t', 113)
#define TIOCSPGRP	_IOW('t', 118, int)
#define TIOCGPGRP	_IOR('t', 119, int)
CTASSERT(TIOCGETA == 0x402c7413);

#define CT_QSIZE	1024		/* input queue bytes */
#define CT_LINEMAX	255		/* canonical line length */
#define CT_NLINES	64		/* complete lines queued */

struct cons_tty {
	struct spinlock	ct_spin;
	struct spinlock	ct_outspin;
	char		ct_q[CT_QSIZE];		/* [t] input ring */
	u_int		ct_qhead, ct_qtail;	/* [t] */
	/* Canonical mode: lengths of the complete lines in ct_q. */
	u_short		ct_llen[CT_NLINES];	/* [t] ring */
	u_int		ct_lhead, ct_ltail;	/* [t] */
	char		ct_line[CT_LINEMAX];	/* [t] line in edit */
	u_int		ct_linelen;		/* [t] */
	struct termios_k ct_termios;		/* [t] */
	struct winsize_k ct_winsize;		/* [t] */
	int		ct_pgrp;		/* [t] TIOCSPGRP */
	struct selinfo	ct_sel;
	int		ct_started;		/* [a] consd running */
};

static struct cons_tty ct = {
	.ct_spin = SPINLOCK_INITIALIZER("cons tty", SPINRANK_TTY),
	.ct_outspin = SPINLOCK_INITIALIZER("cons out", SPINRANK_TTYOUT),
	.ct_termios = {
		.c_iflag = BRKINT | ICRNL | IXON | IXANY | IMAXBEL,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = CREAD | CS8 | HUPCL,
		.c_lflag = ICANON | ISIG | IEXTEN | ECHO | ECHOE | ECHOK |
		    ECHOKE | ECHOCTL,
		.c_cc = {
			[VEOF] = 4, [VEOL] = _POSIX_VDISABLE,
			[VEOL2] = _POSIX_VDISABLE, [VERASE] = 0x7f,
			[VWERASE] = 0x17, [VKILL] = 0x15, [VREPRINT] = 0x12,
			[VERASE2] = 0x08, [VINTR] = 0x03, [VQUIT] = 0x1c,
			[VSUSP] = 0x1a, [VDSUSP] = 0x19, [VSTART] = 0x11,
			[VSTOP] = 0x13, [VLNEXT] = 0x16, [VDISCARD] = 0x0f,
			[VMIN] = 1, [VTIME] = 0, [VSTATUS] = 0x14,
		},
		.c_ispeed = 115200,
		.c_ospeed = 115200,
	},
	.ct_winsize = { 24, 80, 0, 0 },
};

#define CT_LOCK_ASSERT()	SPIN_LOCK_ASSERT(&ct.ct_spin)

/* Output one character with output processing; ct_outspin held. */
static void
ct_putc_locked(int c)
{
	if (c == '\n' && (ct.ct_termios.c_oflag & (OPOST | ONLCR)) ==
	    (OPOST | ONLCR))
		cons_putc('\r');
	cons_putc(c);
}

static void
ct_echo(int c)
{
	uint32_t lflag = ct.ct_termios.c_lflag;

	CT_LOCK_ASSERT();
	if (!(lflag & ECHO))
		return;
	spin_lock(&ct.ct_outspin);
	if ((lflag & ECHOCTL) && c < 0x20 && c != '\n' && c != '\t') {
		ct_putc_locked('^');
		ct_putc_locked(c + '@');
	} else {
		ct_putc_locked(c);
	}
	spin_unlock(&ct.ct_outspin);
}

static void
ct_echo_erase(void)
{
	CT_LOCK_ASSERT();
	if ((ct.ct_termios.c_lflag & (ECHO | ECHOE)) != (ECHO | ECHOE))
		return;
	spin_lock(&ct.ct_outspin);
	ct_putc_locked('\b');
	ct_putc_locked(' ');
	ct_putc_locked('\b');
	spin_unlock(&ct.ct_outspin);
}

static u_int
ct_qlen(void)
{
	return (ct.ct_qhead - ct.ct_qtail);
}

static void
ct_qput(int c)
{
	if (ct_qlen() < CT_QSIZE)
		ct.ct_q[ct.ct_qhead++ % CT_QSIZE] = c;
}

/* End the line being edited (with its terminator, if any). */
static void
ct_endline(int term)
{
	u_int len = ct.ct_linelen;

	if (ct.ct_lhead - ct.ct_ltail >= CT_NLINES ||
	    ct_qlen() + len + 1 > CT_QSIZE)
		return;			/* queue full: line lost */
	for (u_int i = 0; i < len; i++)
		ct_qput(ct.ct_line[i]);
	if (term >= 0) {
		ct_qput(term);
		len++;
	}
	ct.ct_llen[ct.ct_lhead++ % CT_NLINES] = len;
	ct.ct_linelen = 0;
}

/* Returns a signal to post, or 0. */
static int
ct_input_locked(int c)
{
	struct termios_k *t = &ct.ct_termios;
	const uint8_t *cc = t->c_cc;

	CT_LOCK_ASSERT();
	if (c == '\r' && (t->c_iflag & IGNCR))
		return (0);
	if (c == '\r' && (t->c_iflag & ICRNL))
		c = '\n';
	if ((t->c_lflag & ISIG) && (c == cc[VINTR] || c == cc[VQUIT])) {
		ct_echo(c);
		ct_echo('\n');
		ct.ct_linelen = 0;
		return (c == cc[VINTR] ? SIGINT : SIGQUIT);
	}
	if (!(t->c_lflag & ICANON)) {
		ct_qput(c);
		ct_echo(c);
		return (0);
	}
	if (c == cc[VERASE] || c == cc[VERASE2]) {
		if (ct.ct_linelen > 0) {
			ct.ct_linelen--;
			ct_echo_erase();
		}
	} else if (c == cc[VKILL]) {
		while (ct.ct_linelen > 0) {
			ct.ct_linelen--;
			ct_echo_erase();
		}
	} else if (c == cc[VEOF]) {
		ct_endline(-1);		/* an empty line reads as EOF */
	} else if (c == '\n' || c == cc[VEOL] || c == cc[VEOL2]) {
		ct_echo(c);
		ct_endline(c);
	} else if (ct.ct_linelen < CT_LINEMAX - 1) {
		ct.ct_line[ct.ct_linelen++] = c;
		ct_echo(c);
	}
	return (0);
}

static void
ct_input(int c)
{
	struct proc *p;
	int sig, pgrp;

	spin_lock(&ct.ct_spin);
	sig = ct_input_locked(c);
	pgrp = ct.ct_pgrp;
	spin_unlock(&ct.ct_spin);
	wakeup(&ct);
	selwakeup(&ct.ct_sel);
	if (sig != 0 && pgrp > 0 && (p = pfind(pgrp)) != NULL)
		psignal(p, sig);
}

static void
consd(void *arg)
{
	for (;;)
		ct_input(cons_getc());
}

static int
ct_open(struct cdevsw *dev, int fflags)
{
	if (atomic_load_int(&ct.ct_started) == 0 &&
	    atomic_swap_int(&ct.ct_started, 1) == 0)
		lwkt_create(consd, NULL, NULL, 0, TDPRI_KERN, "consd");
	return (0);
}

/* Bytes a read may take now: canonical, up to the end of a line. */
static u_int
ct_readable(void)
{
	CT_LOCK_ASSERT();
	if (ct.ct_termios.c_lflag & ICANON) {
		if (ct.ct_lhead == ct.ct_ltail)
			return (0);
		return (ct.ct_llen[ct.ct_ltail % CT_NLINES]);
	}
	return (ct_qlen());
}

static int
ct_has_input(void)
{
	if (ct.ct_termios.c_lflag & ICANON)
		return (ct.ct_lhead != ct.ct_ltail);
	return (ct_qlen() > 0);
}

/* Take up to max bytes (of one line, canonical) into buf. */
static u_int
ct_take(char *buf, u_int max)
{
	u_int n = MIN(ct_readable(), max);

	for (u_int i = 0; i < n; i++)
		buf[i] = ct.ct_q[ct.ct_qtail++ % CT_QSIZE];
	if (ct.ct_termios.c_lflag & ICANON) {
		u_short *len = &ct.ct_llen[ct.ct_ltail % CT_NLINES];

		*len -= n;
		if (*len == 0)
			ct.ct_ltail++;
	}
	return (n);
}

static int
ct_read(struct cdevsw *dev, struct uio *uio, int fflags)
{
	char buf[128];
	u_int n;
	int error = 0;

	spin_lock(&ct.ct_spin);
	while (!ct_has_input()) {
		if (!(ct.ct_termios.c_lflag & ICANON) &&
		    ct.ct_termios.c_cc[VMIN] == 0)
			break;		/* VMIN 0: return what there is */
		if (fflags & FNONBLOCK) {
			error = EAGAIN;
			break;
		}
		error = ssleep(&ct, &ct.ct_spin, PCATCH, "ttyin", 0);
		if (error != 0)
			break;
	}
	if (error == 0 && ct_has_input()) {
		/* An EOF line (length 0) is consumed and reads as 0 bytes. */
		if ((ct.ct_termios.c_lflag & ICANON) && ct_readable() == 0) {
			ct.ct_ltail++;
			spin_unlock(&ct.ct_spin);
			return (0);
		}
		n = ct_take(buf, (u_int)MIN((size_t)uio->uio_resid,
		    sizeof(buf)));
		spin_unlock(&ct.ct_spin);
		error = uiomove(buf, n, uio);
		/* Canonical reads stop at the end of a line. */
		spin_lock(&ct.ct_spin);
		while (error == 0 && uio->uio_resid > 0 && ct_readable() > 0 &&
		    n == sizeof(buf)) {
			n = ct_take(buf, (u_int)MIN((size_t)uio->uio_resid,
			    sizeof(buf)));
			spin_unlock(&ct.ct_spin);
			error = uiomove(buf, n, uio);
			spin_lock(&ct.ct_spin);
		}
	}
	spin_unlock(&ct.ct_spin);
	return (error);
}

static int
ct_write(struct cdevsw *dev, struct uio *uio, int fflags)
{
	char buf[256];
	size_t n;
	int error = 0;

	while (uio->uio_resid > 0 && error == 0) {
		n = MIN(sizeof(buf), (size_t)uio->uio_resid);
		error = uiomove(buf, n, uio);
		if (error != 0)
			break;
		spin_lock(&ct.ct_outspin);
		for (size_t i = 0; i < n; i++)
			ct_putc_locked((unsigned char)buf[i]);
		spin_unlock(&ct.ct_outspin);
	}
	return (error);
}

static int
ct_ioctl(struct cdevsw *dev, u_long com, void *data, int fflags)
{
	int error = 0;

	spin_lock(&ct.ct_spin);
	switch (com) {
	case TIOCGETA:
		memcpy(data, &ct.ct_termios, sizeof(ct.ct_termios));
		break;
	case TIOCSETAF:
		ct.ct_qhead = ct.ct_qtail = 0;
		ct.ct_lhead = ct.ct_ltail = 0;
		ct.ct_linelen = 0;
		/* FALLTHROUGH */
	case TIOCSETA:
	case TIOCSETAW:
		/* Leaving canonical mode makes the edited line readable. */
		if ((ct.ct_termios.c_lflag & ICANON) &&
		    !(((struct termios_k *)data)->c_lflag & ICANON)) {
			for (u_int i = 0; i < ct.ct_linelen; i++)
				ct_qput(ct.ct_line[i]);
			ct.ct_linelen = 0;
			ct.ct_lhead = ct.ct_ltail = 0;
		}
		memcpy(&ct.ct_termios, data, sizeof(ct.ct_termios));
		break;
	case TIOCGWINSZ:
		memcpy(data, &ct.ct_winsize, sizeof(ct.ct_winsize));
		break;
	case TIOCSWINSZ:
		memcpy(&ct.ct_winsize, data, sizeof(ct.ct_winsize));
		break;
	case TIOCGPGRP:
		*(int *)data = ct.ct_pgrp;
		break;
	case TIOCSPGRP:
		ct.ct_pgrp = *(int *)data;
		break;
	case TIOCSCTTY:
	case TIOCNOTTY:
	case FIONBIO:
	case FIOASYNC:
		break;
	case FIONREAD:
		*(int *)data = (int)ct_readable();
		break;
	default:
		error = ENOTTY;
		break;
	}
	spin_unlock(&ct.ct_spin);
	wakeup(&ct);	/* a mode change may make data readable */
	return (error);
}

static int
ct_poll(struct cdevsw *dev, int events, struct thread *td)
{
	int revents = events & (POLLOUT | POLLWRNORM);

	spin_lock(&ct.ct_spin);
	if ((events & (POLLIN | POLLRDNORM)) && ct_has_input())
		revents |= events & (POLLIN | POLLRDNORM);
	if (revents == 0)
		selrecord(td, &ct.ct_sel);
	spin_unlock(&ct.ct_spin);
	return (revents);
}

struct cdevsw cons_cdevsw = {
	.d_name = "console",
	.d_open = ct_open,
	.d_read = ct_read,
	.d_write = ct_write,
	.d_ioctl = ct_ioctl,
	.d_poll = ct_poll,
	.d_unit = 0,
};
