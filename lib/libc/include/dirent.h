/*
 * dirent.h (user space): directory streams over getdirentries(2).
 */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/cdefs.h>
#include <sys/_types.h>
#include <sys/dirent.h>

typedef struct _dirdesc DIR;

#define	DIRBLKSIZ	1024

__BEGIN_DECLS
int	 alphasort(const struct dirent **, const struct dirent **);
int	 closedir(DIR *);
int	 dirfd(DIR *);
DIR	*fdopendir(int);
DIR	*opendir(const char *);
struct dirent *readdir(DIR *);
int	 readdir_r(DIR *, struct dirent *, struct dirent **);
void	 rewinddir(DIR *);
int	 scandir(const char *, struct dirent ***,
	    int (*)(const struct dirent *),
	    int (*)(const struct dirent **, const struct dirent **));
void	 seekdir(DIR *, long);
long	 telldir(DIR *);
__ssize_t getdirentries(int, char *, __size_t, __off_t *);
__END_DECLS

#endif /* !_DIRENT_H_ */
