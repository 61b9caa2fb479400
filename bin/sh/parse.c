/*
 * parse.c: turn one input text into the shell's command tree.
 *
 * Entry point: parse(), called by main.c for each complete input (a line,
 * or several lines when a quote or a trailing | && || was left open).
 * Two passes: lex() cuts the text into tokens (words keep their quotes and
 * $ references raw; expand.c interprets them at run time), then a
 * recursive-descent parser builds struct list / andor / pipeline / cmd
 * (sh.h) in the caller's arena.  Grammar:
 *
 *	list	 := andor ((';' | '&' | NL) andor)* [';' | '&']
 *	andor	 := pipeline (('&&' | '||') NL* pipeline)*
 *	pipeline := ['!'] command ('|' NL* command)*
 *	command	 := (NAME=value)* (word | redirection)+
 *	redirection := [digits]('<' | '>' | '>>' | '<&' | '>&') word
 *
 * An input that ends inside a quote, after a backslash, or right after
 * | && || returns PARSE_INCOMPLETE so the caller can read one more line.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

enum tok_kind {
	T_WORD,
	T_PIPE,		/* | */
	T_OR,		/* || */
	T_AMP,		/* & */
	T_AND,		/* && */
	T_SEMI,		/* ; */
	T_NL,		/* newline */
	T_REDIR,	/* < > >> <& >&, with t_fd */
	T_EOF,
};

struct token {
	enum tok_kind	 t_kind;
	char		*t_text;	/* T_WORD: raw word */
	enum redir_op	 t_op;		/* T_REDIR */
	int		 t_fd;		/* T_REDIR: given fd or -1 */
};

struct parser {
	struct arena	*ps_arena;
	struct token	*ps_toks;
	int		 ps_ntoks;
	int		 ps_cap;
	int		 ps_pos;
	int		 ps_incomplete;
	int		 ps_error;
};

static const char *
tok_name(const struct token *t)
{
	static const char *names[] = {
		[T_WORD] = "word", [T_PIPE] = "|", [T_OR] = "||",
		[T_AMP] = "&", [T_AND] = "&&", [T_SEMI] = ";",
		[T_NL] = "newline", [T_REDIR] = "redirection",
		[T_EOF] = "end of input",
	};

	return (names[t->t_kind]);
}

static struct token *
add_token(struct parser *ps, enum tok_kind kind)
{
	struct token *nt;

	if (ps->ps_ntoks == ps->ps_cap) {
		ps->ps_cap = ps->ps_cap ? ps->ps_cap * 2 : 32;
		nt = arena_alloc(ps->ps_arena, ps->ps_cap * sizeof(*nt));
		if (ps->ps_ntoks > 0)
			memcpy(nt, ps->ps_toks, ps->ps_ntoks * sizeof(*nt));
		ps->ps_toks = nt;
	}
	nt = &ps->ps_toks[ps->ps_ntoks++];
	memset(nt, 0, sizeof(*nt));
	nt->t_kind = kind;
	nt->t_fd = -1;
	return (nt);
}

static int
is_op_char(int c)
{
	return (c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
	    c == '\n');
}

/*
 * Find the end of the word starting at s.  Returns NULL when a quote,
 * ${ or trailing backslash is left open.
 */
static const char *
word_end(const char *s)
{
	while (*s != '\0' && *s != ' ' && *s != '\t' && !is_op_char(*s)) {
		switch (*s) {
		case '\\':
			if (s[1] == '\0')
				return (NULL);
			s += 2;
			break;
		case '\'':
			s = strchr(s + 1, '\'');
			if (s == NULL)
				return (NULL);
			s++;
			break;
		case '"':
			for (s++; *s != '"'; s++) {
				if (*s == '\0')
					return (NULL);
				if (*s == '\\' && s[1] != '\0')
					s++;
			}
			s++;
			break;
		case '$':
			if (s[1] == '{') {
				s = strchr(s + 2, '}');
				if (s == NULL)
					return (NULL);
			}
			s++;
			break;
		default:
			s++;
		}
	}
	return (s);
}

/* Lex an operator at *sp; returns the number of characters used. */
static int
lex_op(struct parser *ps, const char *s, int fd)
{
	struct token *t;

	if (s[0] == '<' || s[0] == '>') {
		t = add_token(ps, T_REDIR);
		t->t_fd = fd;
		if (s[0] == '<' && s[1] == '&') {
			t->t_op = R_DUPIN;
			return (2);
		}
		if (s[0] == '>' && s[1] == '&') {
			t->t_op = R_DUPOUT;
			return (2);
		}
		if (s[0] == '>' && s[1] == '>') {
			t->t_op = R_APPEND;
			return (2);
		}
		t->t_op = s[0] == '<' ? R_IN : R_OUT;
		return (1);
	}
	if (s[0] == '|' && s[1] == '|') {
		add_token(ps, T_OR);
		return (2);
	}
	if (s[0] == '&' && s[1] == '&') {
		add_token(ps, T_AND);
		return (2);
	}
	add_token(ps, s[0] == '|' ? T_PIPE : s[0] == '&' ? T_AMP :
	    s[0] == ';' ? T_SEMI : T_NL);
	return (1);
}

/* Is s[0..len) all digits, followed directly by < or >? */
static int
is_io_number(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 2 || (s[len] != '<' && s[len] != '>'))
		return (0);
	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return (0);
	return (1);
}

static int
lex(struct parser *ps, const char *s)
{
	const char *e;
	struct token *t;

	for (;;) {
		while (*s == ' ' || *s == '\t' ||
		    (*s == '\\' && s[1] == '\n'))
			s += *s == '\\' ? 2 : 1;
		if (*s == '\0')
			break;
		if (*s == '#') {
			while (*s != '\0' && *s != '\n')
				s++;
			continue;
		}
		if (is_op_char(*s)) {
			s += lex_op(ps, s, -1);
			continue;
		}
		e = word_end(s);
		if (e == NULL) {
			ps->ps_incomplete = 1;
			return (-1);
		}
		if (is_io_number(s, e - s)) {
			s = e + lex_op(ps, e, atoi(s));
			continue;
		}
		t = add_token(ps, T_WORD);
		t->t_text = arena_strndup(ps->ps_arena, s, e - s);
		s = e;
	}
	add_token(ps, T_EOF);
	return (0);
}

static struct token *
peek(struct parser *ps)
{
	return (&ps->ps_toks[ps->ps_pos]);
}

static struct token *
next(struct parser *ps)
{
	struct token *t;

	t = &ps->ps_toks[ps->ps_pos];
	if (t->t_kind != T_EOF)
		ps->ps_pos++;
	return (t);
}

static void
syntax_error(struct parser *ps, const struct token *t)
{
	if (ps->ps_error)
		return;
	ps->ps_error = 1;
	if (t->t_kind == T_WORD)
		sh_warn("syntax error near '%s'", t->t_text);
	else
		sh_warn("syntax error near '%s'", tok_name(t));
}

/* After | && ||: newlines may follow; the end of input means "more". */
static int
continue_after_op(struct parser *ps)
{
	while (peek(ps)->t_kind == T_NL)
		next(ps);
	if (peek(ps)->t_kind == T_EOF) {
		ps->ps_incomplete = 1;
		return (-1);
	}
	return (0);
}

/* A NAME=value word, with an unquoted valid name before the '='. */
static int
is_assignment(const char *w)
{
	const char *eq;

	eq = strchr(w, '=');
	return (eq != NULL && valid_name(w, eq - w));
}

/* Growable NULL-ended word vector in the arena. */
struct wordvec {
	char	**wv_v;
	int	  wv_n;
	int	  wv_cap;
};

static void
wordvec_add(struct arena *a, struct wordvec *wv, char *w)
{
	char **nv;

	if (wv->wv_n + 2 > wv->wv_cap) {
		wv->wv_cap = wv->wv_cap ? wv->wv_cap * 2 : 8;
		nv = arena_alloc(a, wv->wv_cap * sizeof(*nv));
		if (wv->wv_n > 0)
			memcpy(nv, wv->wv_v, wv->wv_n * sizeof(*nv));
		wv->wv_v = nv;
	}
	wv->wv_v[wv->wv_n++] = w;
	wv->wv_v[wv->wv_n] = NULL;
}

static int
parse_redir(struct parser *ps, struct redir ***tailp)
{
	struct token *op, *w;
	struct redir *r;

	op = next(ps);
	w = next(ps);
	if (w->t_kind != T_WORD) {
		syntax_error(ps, w);
		return (-1);
	}
	r = arena_alloc(ps->ps_arena, sizeof(*r));
	r->r_op = op->t_op;
	r->r_fd = op->t_fd;
	if (r->r_fd < 0)
		r->r_fd = (op->t_op == R_IN || op->t_op == R_DUPIN) ? 0 : 1;
	r->r_word = w->t_text;
	r->r_next = NULL;
	**tailp = r;
	*tailp = &r->r_next;
	return (0);
}

static struct cmd *
parse_command(struct parser *ps)
{
	struct wordvec assign = { 0 }, words = { 0 };
	struct redir **rtail;
	struct cmd *c;
	struct token *t;

	c = arena_alloc(ps->ps_arena, sizeof(*c));
	memset(c, 0, sizeof(*c));
	rtail = &c->c_redirs;
	for (;;) {
		t = peek(ps);
		if (t->t_kind == T_REDIR) {
			if (parse_redir(ps, &rtail) != 0)
				return (NULL);
		} else if (t->t_kind == T_WORD) {
			next(ps);
			if (words.wv_n == 0 && is_assignment(t->t_text))
				wordvec_add(ps->ps_arena, &assign, t->t_text);
			else
				wordvec_add(ps->ps_arena, &words, t->t_text);
		} else
			break;
	}
	if (words.wv_n == 0 && assign.wv_n == 0 && c->c_redirs == NULL) {
		syntax_error(ps, peek(ps));
		return (NULL);
	}
	c->c_assign = assign.wv_v;
	c->c_words = words.wv_v;
	return (c);
}

static struct pipeline *
parse_pipeline(struct parser *ps)
{
	struct pipeline *p;
	struct cmd **tail, *c;
	struct token *t;

	p = arena_alloc(ps->ps_arena, sizeof(*p));
	p->p_cmds = NULL;
	p->p_bang = 0;
	t = peek(ps);
	if (t->t_kind == T_WORD && strcmp(t->t_text, "!") == 0) {
		next(ps);
		p->p_bang = 1;
	}
	tail = &p->p_cmds;
	for (;;) {
		if ((c = parse_command(ps)) == NULL)
			return (NULL);
		*tail = c;
		tail = &c->c_next;
		if (peek(ps)->t_kind != T_PIPE)
			break;
		next(ps);
		if (continue_after_op(ps) != 0)
			return (NULL);
	}
	return (p);
}

static struct andor *
parse_andor(struct parser *ps)
{
	struct andor *head = NULL, **tail = &head, *ao;
	enum conn conn = C_FIRST;
	struct token *t;

	for (;;) {
		ao = arena_alloc(ps->ps_arena, sizeof(*ao));
		ao->ao_next = NULL;
		ao->ao_conn = conn;
		if ((ao->ao_pipe = parse_pipeline(ps)) == NULL)
			return (NULL);
		*tail = ao;
		tail = &ao->ao_next;
		t = peek(ps);
		if (t->t_kind != T_AND && t->t_kind != T_OR)
			break;
		conn = t->t_kind == T_AND ? C_AND : C_OR;
		next(ps);
		if (continue_after_op(ps) != 0)
			return (NULL);
	}
	return (head);
}

static int
parse_list(struct parser *ps, struct list **listp)
{
	struct list *head = NULL, **tail = &head, *l;
	struct token *t;

	for (;;) {
		while (peek(ps)->t_kind == T_NL)
			next(ps);
		if (peek(ps)->t_kind == T_EOF)
			break;
		l = arena_alloc(ps->ps_arena, sizeof(*l));
		l->l_next = NULL;
		l->l_async = 0;
		if ((l->l_andor = parse_andor(ps)) == NULL)
			return (-1);
		*tail = l;
		tail = &l->l_next;
		t = next(ps);
		if (t->t_kind == T_AMP)
			l->l_async = 1;
		else if (t->t_kind != T_SEMI && t->t_kind != T_NL &&
		    t->t_kind != T_EOF) {
			syntax_error(ps, t);
			return (-1);
		}
	}
	*listp = head;
	return (0);
}

int
parse(struct arena *a, const char *text, struct list **listp)
{
	struct parser ps;

	memset(&ps, 0, sizeof(ps));
	ps.ps_arena = a;
	*listp = NULL;
	if (lex(&ps, text) != 0 || parse_list(&ps, listp) != 0) {
		if (ps.ps_incomplete && !ps.ps_error)
			return (PARSE_INCOMPLETE);
		if (!ps.ps_error)
			sh_warn("syntax error");
		return (PARSE_ERROR);
	}
	return (PARSE_OK);
}
