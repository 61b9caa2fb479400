/*
 * main.c: the Damselfly shell's entry point, input and small helpers.
 *
 *	sh [-ix] [-c string [name [arg...]]]
 *	sh [-ix] [file [arg...]]
 *
 * With -c, runs the string and exits with its status.  With a file, reads
 * commands from it.  Otherwise reads standard input; -i (which init uses
 * on the console), or a terminal on standard input, makes the shell
 * interactive: a "# " prompt ("> " while a command is incomplete), and
 * SIGINT, SIGQUIT and SIGTERM are ignored by the shell itself.  -x prints
 * each command before it runs.
 *
 * Input is read a line at a time; when a line leaves a quote or a | && ||
 * open, the next line is appended and the whole text parsed again
 * (parse.c), then run (exec.c).  The exit status is that of the last
 * command, or the exit builtin's argument; a syntax error ends a
 * non-interactive shell with status 2.
 *
 * The arena allocator at the end gives parse.c and exec.c memory that is
 * freed all at once after each input has run.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct shell sh;

void
sh_warn(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", sh.sh_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	fflush(stderr);
}

/* Is s[0..len) a variable name: a letter or _, then letters, digits, _? */
int
valid_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return (0);
	for (i = 1; i < len; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return (0);
	return (1);
}

/* Arena: a list of blocks, each carved up front to back. */
struct arena_blk {
	struct arena_blk *ab_next;
	size_t		  ab_size;
	size_t		  ab_used;
	char		  ab_data[];
};

#define ARENA_BLKSIZE	8192

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_blk *b = a->a_blks;
	size_t size;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (b == NULL || b->ab_size - b->ab_used < n) {
		size = n > ARENA_BLKSIZE ? n : ARENA_BLKSIZE;
		b = malloc(sizeof(*b) + size);
		if (b == NULL) {
			sh_warn("out of memory");
			exit(2);
		}
		b->ab_size = size;
		b->ab_used = 0;
		b->ab_next = a->a_blks;
		a->a_blks = b;
	}
	p = b->ab_data + b->ab_used;
	b->ab_used += n;
	return (p);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

void
arena_free(struct arena *a)
{
	struct arena_blk *b;

	while ((b = a->a_blks) != NULL) {
		a->a_blks = b->ab_next;
		free(b);
	}
}

/* Buffered line input from one descriptor. */
struct input {
	int	in_fd;
	char	in_buf[1024];
	size_t	in_len;
	size_t	in_pos;
};

/*
 * Append the next line (with its newline, if any) to *textp, growing it.
 * Returns 0, or -1 at end of input with nothing read.
 */
static int
read_line(struct input *in, char **textp, size_t *lenp, size_t *capp)
{
	ssize_t n;
	size_t got = 0;
	char c, *nt;

	for (;;) {
		if (in->in_pos == in->in_len) {
			n = read(in->in_fd, in->in_buf, sizeof(in->in_buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				return (got > 0 ? 0 : -1);
			in->in_len = n;
			in->in_pos = 0;
		}
		c = in->in_buf[in->in_pos++];
		if (c == '\0')
			continue;
		if (*lenp + 2 > *capp) {
			*capp = *capp ? *capp * 2 : 256;
			nt = realloc(*textp, *capp);
			if (nt == NULL) {
				sh_warn("out of memory");
				exit(2);
			}
			*textp = nt;
		}
		(*textp)[(*lenp)++] = c;
		(*textp)[*lenp] = '\0';
		got++;
		if (c == '\n')
			return (0);
	}
}

static void
prompt(int more)
{
	if (!sh.sh_interactive)
		return;
	reap_background();
	fputs(more ? "> " : "# ", stderr);
	fflush(stderr);
}

/* Parse and run one complete text; returns the PARSE_* result. */
static int
run_text(const char *text)
{
	struct arena a = { NULL };
	struct list *l;
	int r;

	r = parse(&a, text, &l);
	if (r == PARSE_OK)
		run_list(&a, l);
	else if (r == PARSE_ERROR)
		sh.sh_status = 2;
	fflush(stdout);
	arena_free(&a);
	return (r);
}

static void
run_input(int fd)
{
	struct input in;
	char *text = NULL;
	size_t len = 0, cap = 0;
	int r;

	memset(&in, 0, sizeof(in));
	in.in_fd = fd;
	for (;;) {
		prompt(len > 0);
		if (read_line(&in, &text, &len, &cap) != 0) {
			if (len > 0) {
				sh_warn("syntax error: unexpected end of file");
				sh.sh_status = 2;
			}
			break;
		}
		r = run_text(text);
		if (r == PARSE_INCOMPLETE)
			continue;
		len = 0;
		if (sh.sh_exit)
			break;
		if (r == PARSE_ERROR && !sh.sh_interactive)
			break;
	}
	free(text);
}

static void
usage(void)
{
	fprintf(stderr, "usage: sh [-ix] [-c string [name [arg ...]]]\n"
	    "       sh [-ix] [file [arg ...]]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *cmdstr = NULL;
	int ch, fd, iflag = 0;

	sh.sh_name = "sh";
	while ((ch = getopt(argc, argv, "c:ix")) != -1) {
		switch (ch) {
		case 'c':
			cmdstr = optarg;
			break;
		case 'i':
			iflag = 1;
			break;
		case 'x':
			sh.sh_xtrace = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (cmdstr != NULL) {
		/* sh -c string [name [args]]: name is $0. */
		sh.sh_argv = argc > 0 ? argv : (char *[]){ "sh", NULL };
		sh.sh_argc = argc > 0 ? argc : 1;
		if (run_text(cmdstr) == PARSE_INCOMPLETE) {
			sh_warn("syntax error: unexpected end of string");
			sh.sh_status = 2;
		}
		exit(sh.sh_status);
	}
	if (argc > 0) {
		/* sh file [args]: the file is $0. */
		sh.sh_argv = argv;
		sh.sh_argc = argc;
		sh.sh_name = argv[0];
		fd = open(argv[0], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[0],
			    strerror(errno));
			exit(127);
		}
		fcntl(fd, F_SETFD, FD_CLOEXEC);
		run_input(fd);
		exit(sh.sh_status);
	}
	sh.sh_argv = (char *[]){ "sh", NULL };
	sh.sh_argc = 1;
	sh.sh_interactive = iflag || isatty(0);
	if (sh.sh_interactive) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
	}
	run_input(0);
	exit(sh.sh_status);
}
