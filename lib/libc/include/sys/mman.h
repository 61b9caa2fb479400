/*
 * sys/mman.h (user space): memory mapping, FreeBSD's values.
 */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <sys/cdefs.h>
#include <sys/_types.h>

#ifndef _SIZE_T_DECLARED
typedef	__size_t	size_t;
#define	_SIZE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef	__off_t		off_t;
#define	_OFF_T_DECLARED
#endif
#ifndef _MODE_T_DECLARED
typedef	__mode_t	mode_t;
#define	_MODE_T_DECLARED
#endif

#define	PROT_NONE	0x00	/* no permissions */
#define	PROT_READ	0x01	/* pages can be read */
#define	PROT_WRITE	0x02	/* pages can be written */
#define	PROT_EXEC	0x04	/* pages can be executed */

#define	MAP_SHARED	0x0001		/* share changes */
#define	MAP_PRIVATE	0x0002		/* changes are private */
#define	MAP_COPY	MAP_PRIVATE
#define	MAP_FIXED	0x0010		/* map addr must be exactly as requested */
#define	MAP_RESERVED0020 0x0020
#define	MAP_RESERVED0040 0x0040
#define	MAP_RESERVED0080 0x0080
#define	MAP_RESERVED0100 0x0100
#define	MAP_HASSEMAPHORE 0x0200
#define	MAP_STACK	0x0400		/* region grows down, like a stack */
#define	MAP_NOSYNC	0x0800		/* page to but do not sync underlying file */
#define	MAP_FILE	0x0000		/* map from file (default) */
#define	MAP_ANON	0x1000		/* allocated from memory, swap space */
#define	MAP_ANONYMOUS	MAP_ANON
#define	MAP_GUARD	0x00002000	/* reserve but don't map address range */
#define	MAP_EXCL	0x00004000	/* for MAP_FIXED, fail if address is used */
#define	MAP_NOCORE	0x00020000	/* dont include these pages in a coredump */
#define	MAP_PREFAULT_READ 0x00040000
#define	MAP_32BIT	0x00080000	/* map in the low 2GB of address space */
#define	MAP_FAILED	((void *)-1)

#define	MS_SYNC		0x0000	/* msync synchronously */
#define	MS_ASYNC	0x0001	/* return immediately */
#define	MS_INVALIDATE	0x0002	/* invalidate all cached data */

#define	MCL_CURRENT	0x0001	/* Lock only current memory */
#define	MCL_FUTURE	0x0002	/* Lock all future memory as well */

#define	MADV_NORMAL	0	/* no further special treatment */
#define	MADV_RANDOM	1	/* expect random page references */
#define	MADV_SEQUENTIAL	2	/* expect sequential page references */
#define	MADV_WILLNEED	3	/* will need these pages */
#define	MADV_DONTNEED	4	/* dont need these pages */
#define	MADV_FREE	5	/* dont need these pages, and junk contents */
#define	MADV_NOSYNC	6
#define	MADV_AUTOSYNC	7
#define	MADV_NOCORE	8
#define	MADV_CORE	9
#define	MADV_PROTECT	10
#define	POSIX_MADV_NORMAL	MADV_NORMAL
#define	POSIX_MADV_RANDOM	MADV_RANDOM
#define	POSIX_MADV_SEQUENTIAL	MADV_SEQUENTIAL
#define	POSIX_MADV_WILLNEED	MADV_WILLNEED
#define	POSIX_MADV_DONTNEED	MADV_DONTNEED

__BEGIN_DECLS
void	*mmap(void *, size_t, int, int, int, off_t);
int	munmap(void *, size_t);
int	mprotect(void *, size_t, int);
int	madvise(void *, size_t, int);
int	posix_madvise(void *, size_t, int);
int	msync(void *, size_t, int);
int	mlock(const void *, size_t);
int	munlock(const void *, size_t);
int	mlockall(int);
int	munlockall(void);
int	mincore(const void *, size_t, char *);
int	shm_open(const char *, int, mode_t);
int	shm_unlink(const char *);
int	shm_open2(const char *, int, mode_t, int, const char *);
__END_DECLS

#endif /* !_SYS_MMAN_H_ */
