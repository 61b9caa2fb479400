/*
 * local.h: stdio's private view of FILE.
 *
 * A stream is a buffer over an I/O object: a descriptor (fd >= 0) or a
 * cookie with read/write/seek/close functions (fmemopen, open_memstream).
 * At any time a stream is either reading (unread bytes in [rpos, rend))
 * or writing (pending bytes in [buf, wpos)); switching direction flushes
 * or discards.  fp_lock (recursive, so flockfile nests) guards every
 * field; every public function takes it.  The list of all streams
 * (__sfiles, for fflush(NULL) and exit) has its own lock, taken after a
 * stream's lock never before it.
 */
#ifndef _STDIO_LOCAL_H_
#define _STDIO_LOCAL_H_

#include <sys/types.h>
#include <stdio.h>

#include "libc_private.h"

#define	__SRD	0x0001		/* may read */
#define	__SWR	0x0002		/* may write */
#define	__SEOF	0x0004		/* end of file seen */
#define	__SERR	0x0008		/* error seen */
#define	__SLBF	0x0010		/* line buffered */
#define	__SNBF	0x0020		/* unbuffered */
#define	__SMBF	0x0040		/* fp_buf was malloc'd by us */
#define	__SAPP	0x0080		/* append: seek to end before writes */
#define	__SWRITING 0x0100	/* [buf, wpos) holds pending output */
#define	__SREADING 0x0200	/* [rpos, rend) holds unread input */
#define	__SBUFSET 0x0400	/* buffering decided (setvbuf or first use) */
#define	__SSTATIC 0x0800	/* the FILE itself is static (std streams) */
#define	__SNOCLOSE 0x1000	/* do not close fd (popen bookkeeping) */

struct __sFILE {
	int		fp_fd;		/* descriptor, or -1 for a cookie */
	int		fp_flags;
	unsigned char	*fp_buf;
	size_t		fp_bufsize;
	unsigned char	*fp_rpos;	/* next unread byte */
	unsigned char	*fp_rend;	/* end of unread bytes */
	unsigned char	*fp_wpos;	/* end of pending output */
	int		fp_ungot;	/* ungetc'd byte beyond the buffer, -1 */
	void		*fp_cookie;
	ssize_t		(*fp_read)(void *, char *, size_t);
	ssize_t		(*fp_write)(void *, const char *, size_t);
	off_t		(*fp_seek)(void *, off_t, int);
	int		(*fp_close)(void *);
	pid_t		fp_pid;		/* popen child */
	libc_rlock_t	fp_lock;
	struct __sFILE	*fp_next;	/* [sfiles_lock] */
	unsigned char	fp_nbuf[1];	/* unbuffered streams' buffer */
};

#define	FLOCK(fp)	_libc_rlock(&(fp)->fp_lock)
#define	FUNLOCK(fp)	_libc_runlock(&(fp)->fp_lock)

FILE	*__sfp_alloc(void);
void	__sfp_release(FILE *);
int	__sflags(const char *mode, int *oflags);
int	__sflush(FILE *);			/* locked */
int	__srefill(FILE *);			/* locked; 0 or EOF */
size_t	__swrite(FILE *, const void *, size_t);	/* locked */
int	__sgetc(FILE *);			/* locked */
int	__sputc(int, FILE *);			/* locked */
void	__smakebuf(FILE *);			/* locked */
int	__vfscanf_source(int (*getc)(void *), void (*ungetc)(int, void *),
	    void *cookie, const char *fmt, va_list ap);

#endif /* !_STDIO_LOCAL_H_ */
