/*
 * ls: list directory contents.
 *
 *	ls [-1adlF] [file ...]
 *
 * Names come one per line, sorted bytewise; the operands that are not
 * directories come first, then each directory's contents (headed by
 * "DIR:" when there is more than one operand).
 *	-a	include names starting with '.'
 *	-d	list directories themselves, not their contents
 *	-l	long format: mode, links, owner and group ids, size, name
 *	-F	append / to directories, * to executables, @ to symlinks,
 *		| to FIFOs and = to sockets
 *	-1	one name per line (always the case; accepted for scripts)
 * Exit status 0, or 1 if any operand or directory could not be read.
 */
#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int aflag, dflag, lflag, Fflag;
static int rval;

struct entry {
	char		*e_name;	/* as shown */
	struct stat	 e_st;
	int		 e_ok;		/* e_st is valid */
};

static int
entry_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct entry *)a)->e_name,
	    ((const struct entry *)b)->e_name));
}

static void
mode_string(mode_t m, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";

	s[0] = types[(m >> 12) & 0xf];
	s[1] = m & S_IRUSR ? 'r' : '-';
	s[2] = m & S_IWUSR ? 'w' : '-';
	s[3] = m & S_ISUID ? (m & S_IXUSR ? 's' : 'S') :
	    (m & S_IXUSR ? 'x' : '-');
	s[4] = m & S_IRGRP ? 'r' : '-';
	s[5] = m & S_IWGRP ? 'w' : '-';
	s[6] = m & S_ISGID ? (m & S_IXGRP ? 's' : 'S') :
	    (m & S_IXGRP ? 'x' : '-');
	s[7] = m & S_IROTH ? 'r' : '-';
	s[8] = m & S_IWOTH ? 'w' : '-';
	s[9] = m & S_ISVTX ? (m & S_IXOTH ? 't' : 'T') :
	    (m & S_IXOTH ? 'x' : '-');
	s[10] = '\0';
}

static char
type_suffix(mode_t m)
{
	if (S_ISDIR(m))
		return ('/');
	if (S_ISLNK(m))
		return ('@');
	if (S_ISFIFO(m))
		return ('|');
	if (S_ISSOCK(m))
		return ('=');
	if (S_ISREG(m) && (m & 0111) != 0)
		return ('*');
	return ('\0');
}

static void
print_entry(const struct entry *e)
{
	char mode[11], suffix = '\0';

	if (Fflag && e->e_ok)
		suffix = type_suffix(e->e_st.st_mode);
	if (lflag && e->e_ok) {
		mode_string(e->e_st.st_mode, mode);
		printf("%s %3lu %-5lu %-5lu %8lld %s", mode,
		    (unsigned long)e->e_st.st_nlink,
		    (unsigned long)e->e_st.st_uid,
		    (unsigned long)e->e_st.st_gid,
		    (long long)e->e_st.st_size, e->e_name);
	} else if (lflag)
		printf("?????????? %3s %-5s %-5s %8s %s", "?", "?", "?", "?",
		    e->e_name);
	else
		printf("%s", e->e_name);
	if (suffix != '\0')
		putchar(suffix);
	putchar('\n');
}

static void
print_entries(struct entry *v, size_t n)
{
	size_t i;

	qsort(v, n, sizeof(*v), entry_cmp);
	for (i = 0; i < n; i++)
		print_entry(&v[i]);
}

static int
add_entry(struct entry **vp, size_t *np, size_t *capp, const char *name)
{
	struct entry *nv;

	if (*np == *capp) {
		*capp = *capp ? *capp * 2 : 64;
		nv = realloc(*vp, *capp * sizeof(**vp));
		if (nv == NULL)
			return (-1);
		*vp = nv;
	}
	memset(&(*vp)[*np], 0, sizeof(**vp));
	if (((*vp)[*np].e_name = strdup(name)) == NULL)
		return (-1);
	(*np)++;
	return (0);
}

static void
free_entries(struct entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].e_name);
	free(v);
}

/* Stat dir/name for -l and -F. */
static void
stat_entry(const char *dir, struct entry *e)
{
	char path[1024];

	if (!lflag && !Fflag)
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, e->e_name);
	if (lstat(path, &e->e_st) == 0)
		e->e_ok = 1;
	else
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
}

static void
list_dir(const char *dir)
{
	struct entry *v = NULL;
	size_t i, n = 0, cap = 0;
	struct dirent *de;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "ls: %s: %s\n", dir, strerror(errno));
		rval = 1;
		return;
	}
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && !aflag)
			continue;
		if (add_entry(&v, &n, &cap, de->d_name) != 0) {
			fprintf(stderr, "ls: out of memory\n");
			exit(1);
		}
	}
	if (errno != 0) {
		fprintf(stderr, "ls: %s: %s\n", dir, strerror(errno));
		rval = 1;
	}
	closedir(d);
	for (i = 0; i < n; i++)
		stat_entry(dir, &v[i]);
	print_entries(v, n);
	free_entries(v, n);
}

int
main(int argc, char **argv)
{
	struct entry *files = NULL, *dirs = NULL;
	size_t nf = 0, capf = 0, nd = 0, capd = 0, i;
	struct stat st;
	int ch;

	while ((ch = getopt(argc, argv, "1adlF")) != -1) {
		switch (ch) {
		case '1': break;
		case 'a': aflag = 1; break;
		case 'd': dflag = 1; break;
		case 'l': lflag = 1; break;
		case 'F': Fflag = 1; break;
		default:
			fprintf(stderr, "usage: ls [-1adlF] [file ...]\n");
			return (1);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		list_dir(".");
		return (rval);
	}
	for (i = 0; i < (size_t)argc; i++) {
		if (stat(argv[i], &st) != 0 && lstat(argv[i], &st) != 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[i],
			    strerror(errno));
			rval = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode) && !dflag) {
			if (add_entry(&dirs, &nd, &capd, argv[i]) != 0)
				return (1);
		} else {
			if (add_entry(&files, &nf, &capf, argv[i]) != 0)
				return (1);
			files[nf - 1].e_st = st;
			files[nf - 1].e_ok = 1;
		}
	}
	print_entries(files, nf);
	qsort(dirs, nd, sizeof(*dirs), entry_cmp);
	for (i = 0; i < nd; i++) {
		if (argc > 1)
			printf("%s%s:\n", nf > 0 || i > 0 ? "\n" : "",
			    dirs[i].e_name);
		list_dir(dirs[i].e_name);
	}
	free_entries(files, nf);
	free_entries(dirs, nd);
	return (rval);
}
