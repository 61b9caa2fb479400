/*
 * paths.h (user space): well-known paths.
 */
#ifndef _PATHS_H_
#define _PATHS_H_

#define	_PATH_DEFPATH	"/usr/bin:/bin"
#define	_PATH_STDPATH	"/usr/bin:/bin:/usr/sbin:/sbin"
#define	_PATH_BSHELL	"/bin/sh"
#define	_PATH_CONSOLE	"/dev/console"
#define	_PATH_DEVNULL	"/dev/null"
#define	_PATH_DEVZERO	"/dev/zero"
#define	_PATH_TTY	"/dev/tty"
#define	_PATH_TMP	"/tmp/"
#define	_PATH_VARTMP	"/var/tmp/"
#define	_PATH_DEV	"/dev/"
#define	_PATH_ETC	"/etc"
#define	_PATH_SHELLS	"/etc/shells"
#define	_PATH_KYUA	"/usr/bin/kyua"

#endif /* !_PATHS_H_ */
