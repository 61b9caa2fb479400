/*
 * sh.h: the pieces of the Damselfly shell (/bin/sh) and how they fit.
 *
 * The shell reads a line (main.c), parses it into a tree of and-or lists,
 * pipelines and simple commands (parse.c), then walks that tree (exec.c),
 * expanding each word just before its command runs (expand.c), so that
 * "x=1; echo $x" sees the new value.  Builtins are in builtins.c.
 *
 * Everything a parse allocates comes from one arena per input line and is
 * released in one go when the line has run; nothing else owns parse data.
 * The shell is single-threaded; its only global state is struct shell (sh).
 *
 * What it offers: words with '...', "..." and \ quoting; $NAME, ${NAME},
 * $?, $$, $!, $#, $0..$9, $@, $* and a leading ~; redirections [n]<, [n]>,
 * [n]>>, [n]<&m, [n]>&m; pipelines with an optional leading !; ; & && ||
 * and newlines between commands; NAME=value alone or before a command;
 * # comments; builtins cd, exit, export, unset, pwd, true, false, wait,
 * poweroff.  Not offered (yet): field splitting of expansions, globbing,
 * command substitution, here-documents, control structures, functions.
 */
#ifndef _SH_H_
#define _SH_H_

#include <stddef.h>

/* Arena: every allocation made while parsing and running one line. */
struct arena {
	struct arena_blk *a_blks;
};

void	*arena_alloc(struct arena *, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
void	 arena_free(struct arena *);

/* Redirection operators. */
enum redir_op {
	R_IN,			/* [n]< word	open for reading */
	R_OUT,			/* [n]> word	create/truncate */
	R_APPEND,		/* [n]>> word	create/append */
	R_DUPIN,		/* [n]<& word	dup; "-" closes */
	R_DUPOUT,		/* [n]>& word */
};

struct redir {
	struct redir	*r_next;
	enum redir_op	 r_op;
	int		 r_fd;		/* the fd redirected */
	char		*r_word;	/* raw (unexpanded) target */
};

/* A simple command: assignments, words and redirections, all unexpanded. */
struct cmd {
	struct cmd	*c_next;	/* next command of the pipeline */
	char		**c_assign;	/* NAME=value, NULL-ended */
	char		**c_words;	/* argv words, NULL-ended */
	struct redir	*c_redirs;
};

/* A pipeline: commands joined by |, optionally negated with !. */
struct pipeline {
	struct cmd	*p_cmds;
	int		 p_bang;
};

/* How an and-or list element is joined to the one before it. */
enum conn {
	C_FIRST,		/* first of its list */
	C_AND,			/* && */
	C_OR,			/* || */
};

struct andor {
	struct andor	*ao_next;
	enum conn	 ao_conn;
	struct pipeline	*ao_pipe;
};

/* A list: and-or lists separated by ; & or newline. */
struct list {
	struct list	*l_next;
	struct andor	*l_andor;
	int		 l_async;	/* ended by & */
};

/* parse() results. */
#define PARSE_OK		0
#define PARSE_INCOMPLETE	1	/* needs one more line */
#define PARSE_ERROR		2	/* message already printed */

int	parse(struct arena *, const char *, struct list **);

/* The shell's state. */
struct shell {
	const char	*sh_name;	/* for messages: "sh" or $0 */
	char		**sh_argv;	/* $0 $1 ... (sh_argv[0] is $0) */
	int		 sh_argc;
	int		 sh_status;	/* $? */
	int		 sh_interactive;
	int		 sh_xtrace;	/* -x */
	int		 sh_exit;	/* the exit builtin ran */
	long		 sh_lastbg;	/* $!: pid of the last & */
};

extern struct shell sh;

/* expand.c */
char	*expand_word(struct arena *, const char *);

/* exec.c */
int	 run_list(struct arena *, struct list *);
void	 reap_background(void);

/* builtins.c */
typedef int builtin_fn(char **);
builtin_fn *find_builtin(const char *);

/* main.c */
void	 sh_warn(const char *, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
int	 valid_name(const char *, size_t);

#endif /* !_SH_H_ */
