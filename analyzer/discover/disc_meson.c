// SPDX-License-Identifier: MIT
// The build recipes of a meson.build (bh_meson_recipes): which executables
// and libraries it declares, from which C sources, with which flags, and
// where `meson install` puts them. Part of discovery; image correlation
// uses it to follow a `meson setup`/`ninja` build in a Dockerfile RUN to
// the programs it links. Targets are collected in the model shared with
// the CMake reader (bh_disc__target*, disc_internal.h), which also writes
// the result.
//
// The file is read, never run. It is cut into tokens (newlines count only
// outside brackets), then statements are evaluated in order by a small
// recursive-descent evaluator over values: strings, numbers, booleans,
// arrays, files, targets, dependencies, and UNKNOWN for everything we do
// not model (f-strings, method calls, dictionaries, other functions).
// Conditions are not evaluated: as in the Makefile and CMake readers, the
// assignments of if/elif/else branches are skipped, but the targets they
// declare are kept, and the variables they assign are tainted (what uses
// them is incomplete). foreach bodies are skipped and taint what they
// assign. An unknown value is never guessed at.
//
// The text is hostile input: NUL bytes read as blanks, an unterminated
// string ends the file, nesting, tokens, values and files are bounded and
// subdir() cycles are cut; a bound reached becomes one "disc.meson-limit"
// warning.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/fileio.h"
#include "bulkhead/strset.h"
#include "bulkhead/text.h"
#include "disc_internal.h"

#define MAX_TOKENS 4000000u     // tokens read, all files together
#define MAX_DEPTH 64            // nested expressions
#define MAX_FILES 1024          // files read through subdir()
#define MAX_FILE_DEPTH 32       // nested subdir()
#define MAX_ITEMS 4000000u      // array items made in all (`+` copies arrays)

typedef bh_disc__str_vec str_vec;

/* ----------------------------------------------------------- tokenizer */

typedef enum {
	T_EOF, T_NL, T_ID, T_STR, T_FSTR, T_NUM, T_OP,
} tok_kind;

typedef struct {
	tok_kind kind;
	const char *s;          // T_STR: the decoded value (scratch); else the text
	size_t n;
	uint32_t line;
} token;

typedef BH_VEC(token) tok_vec;

typedef struct ms_reader ms_reader;

static bool is_id_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_id_char(char c)
{
	return is_id_start(c) || (c >= '0' && c <= '9');
}

// A string '...' (escapes decoded) or '''...''' from s[*pi]; false when
// it is not closed (on its line, for the first form).
static bool read_string(bh_arena *scratch, const char *s, size_t n, size_t *pi, uint32_t *line,
			token *t)
{
	size_t i = *pi;
	if (n - i >= 3 && memcmp(s + i, "'''", 3) == 0) {
		size_t start = i + 3;
		for (i = start; i + 2 < n; i++) {
			if (memcmp(s + i, "'''", 3) == 0) {
				t->s = bh_arena_strndup(scratch, s + start, i - start);
				t->n = i - start;
				*pi = i + 3;
				return true;
			}
			if (s[i] == '\n')
				(*line)++;
		}
		return false;
	}
	size_t len = 0, start = ++i;
	for (; i < n && s[i] != '\'' && s[i] != '\n'; i++)
		i += s[i] == '\\' && i + 1 < n && s[i + 1] != '\n';
	if (i >= n || s[i] != '\'')
		return false;
	char *out = bh_arena_alloc(scratch, i - start + 1);
	for (size_t k = start; k < i; k++) {
		char c = s[k];
		if (c == '\\' && k + 1 < i) {
			char d = s[++k];
			c = d == 'n' ? '\n' : d == 't' ? '\t' : d;
		}
		out[len++] = c;
	}
	out[len] = '\0';
	t->s = out;
	t->n = len;
	*pi = i + 1;
	return true;
}

// Cut s[0..n) into tokens. Newlines inside (), [] and {} are blanks, as
// in meson; an unterminated string ends the text. False if *budget ran out.
static bool tokenize(bh_arena *scratch, const char *s, size_t n, tok_vec *out, size_t *budget)
{
	static const char *const ops2[] = { "+=", "==", "!=", "<=", ">=" };
	size_t i = 0, depth = 0;
	uint32_t line = 1;
	bool ok = true;
	while (i < n) {
		char c = s[i];
		token t = { .line = line };
		if (*budget == 0) {
			ok = false;
			break;
		}
		if (c == '\n') {
			line++;
			i++;
			if (depth == 0 && out->len && out->items[out->len - 1].kind != T_NL) {
				t.kind = T_NL;
				bh_vec_push(out, t);
				--*budget;
			}
			continue;
		}
		if (c == '#') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\0' || c == '\\') {
			i++;
			continue;
		}
		if (c == 'f' && i + 1 < n && s[i + 1] == '\'') {
			i++;
			t.kind = T_FSTR;
			if (!read_string(scratch, s, n, &i, &line, &t))
				break;
		} else if (c == '\'') {
			t.kind = T_STR;
			if (!read_string(scratch, s, n, &i, &line, &t))
				break;
		} else if (is_id_start(c)) {
			t.kind = T_ID;
			t.s = s + i;
			while (i < n && is_id_char(s[i]))
				i++;
			t.n = (size_t)(s + i - t.s);
		} else if (c >= '0' && c <= '9') {
			t.kind = T_NUM;
			t.s = s + i;
			while (i < n && is_id_char(s[i]))
				i++;
			t.n = (size_t)(s + i - t.s);
		} else {
			t.kind = T_OP;
			t.s = s + i;
			t.n = 1;
			for (size_t k = 0; k < BH_ARRAY_LEN(ops2); k++)
				if (i + 1 < n && s[i] == ops2[k][0] && s[i + 1] == ops2[k][1])
					t.n = 2;
			if (strchr("([{", c))
				depth++;
			else if (strchr(")]}", c) && depth)
				depth--;
			i += t.n;
		}
		bh_vec_push(out, t);
		--*budget;
	}
	token end = { .kind = T_NL, .line = line };
	bh_vec_push(out, end);
	end.kind = T_EOF;
	bh_vec_push(out, end);
	return ok;
}

/* --------------------------------------------------------------- values */

typedef enum {
	V_UNKNOWN, V_NONE, V_STR, V_BOOL, V_INT, V_ARRAY, V_FILE, V_TARGET, V_DEP,
} val_kind;

typedef struct mval mval;
struct mval {
	val_kind kind;
	bool tainted;           // an assignment we skipped may have changed it
	const char *s;          // V_STR; V_FILE: its context-relative path
	long long i;            // V_BOOL, V_INT
	mval **items;           // V_ARRAY
	size_t n;
	size_t target;          // V_TARGET: the index of the target
	mval *links, *sources, *args, *link_args; // V_DEP: arrays, NULL for none
};

typedef struct {
	const char *name;
	const mval *value;
} kwarg;

typedef struct {
	BH_VEC(const mval *) pos;
	BH_VEC(kwarg) kw;
} call_args;

struct ms_reader {
	bh_arena *scratch;
	bh_disc__targets t;
	BH_VEC(bool) link_unknown; // parallel to t.items
	bh_strmap var_index;    // variable name -> index into vars, in decimal
	BH_VEC(const mval *) vars;
	bh_strmap opts;         // options of the command line
	bh_strmap defaults;     // project(default_options:)
	str_vec cflags, lflags; // add_project_arguments() and the like, in order (scratch)
	const char *const *files;
	size_t nfiles;
	bh_strset file_set;
	bool (*read)(const char *ctx_path, const char **text, size_t *len, void *payload);
	void *payload;
	const char *top_dir;    // directory of the top meson.build
	BH_VEC(const char *) stack; // files being run: the cycle guard
	size_t budget;          // tokens still allowed
	size_t items;           // array items made
	size_t nread;
	bool missed;            // a subdir() could not be read
	bool limited;
};

// The state of one file being evaluated.
typedef struct {
	ms_reader *ms;
	const tok_vec *toks;
	size_t pos;
	const char *dir;        // context-relative directory of the file
	int cond;               // depth of if blocks
	int depth;              // expression nesting
	bool stop;              // the statement is broken (or `done`): stop reading it
	bool done;              // subdir_done() or a bound: stop reading the file
} parser;

static mval *new_val(ms_reader *ms, val_kind kind)
{
	mval *v = bh_arena_alloc(ms->scratch, sizeof(*v));
	v->kind = kind;
	return v;
}

static mval *unknown(ms_reader *ms)
{
	return new_val(ms, V_UNKNOWN);
}

static mval *str_val(ms_reader *ms, const char *s)
{
	mval *v = new_val(ms, V_STR);
	v->s = s;
	return v;
}

// Count n more array items against MAX_ITEMS.
static bool spend_items(ms_reader *ms, size_t n)
{
	if (ms->items + n > MAX_ITEMS) {
		ms->limited = true;
		return false;
	}
	ms->items += n;
	return true;
}

static mval *array_of(ms_reader *ms, mval **items, size_t n)
{
	if (!spend_items(ms, n))
		return unknown(ms);
	mval *v = new_val(ms, V_ARRAY);
	v->items = bh_arena_alloc(ms->scratch, (n ? n : 1) * sizeof(*v->items));
	if (n)
		memcpy(v->items, items, n * sizeof(*items));
	v->n = n;
	return v;
}

static mval *with_taint(ms_reader *ms, const mval *v, bool tainted)
{
	mval *c = bh_arena_memdup(ms->scratch, v, sizeof(*v));
	c->tainted |= tainted;
	return c;
}

// `p` joined to `dir` and cleaned (scratch), "" for the top directory.
static const char *join_clean(ms_reader *ms, const char *dir, const char *p)
{
	const char *out = bh_disc__join_clean(ms->scratch, dir, p);
	return strcmp(out, ".") == 0 ? "" : out;
}

/* ------------------------------------------------------------ variables */

static const mval *get_var(ms_reader *ms, const char *name)
{
	const char *v = bh_strmap_get(&ms->var_index, name);
	return v ? ms->vars.items[strtoull(v, NULL, 10)] : NULL;
}

static void set_var(ms_reader *ms, const char *name, const mval *value)
{
	const char *v = bh_strmap_get(&ms->var_index, name);
	if (v) {
		ms->vars.items[strtoull(v, NULL, 10)] = value;
		return;
	}
	char num[24];
	snprintf(num, sizeof(num), "%zu", ms->vars.len);
	bh_strmap_put(&ms->var_index, name, num);
	bh_vec_push(&ms->vars, value);
}

// A variable an assignment we skipped may have changed: it keeps its
// value, tainted, or is unknown if it had none.
static void taint_var(ms_reader *ms, const char *name)
{
	const mval *v = get_var(ms, name);
	mval *t = v ? with_taint(ms, v, true) : unknown(ms);
	t->tainted = true;
	set_var(ms, name, t);
}

/* ------------------------------------------------------------- options */

// An option's value: the command line's, then project(default_options:),
// then meson's default; NULL when unknown.
static const char *option(const ms_reader *ms, const char *name)
{
	static const char *const builtin[][2] = {
		{ "prefix", "/usr/local" },  { "bindir", "bin" },
		{ "sbindir", "sbin" },       { "libdir", "lib" },
		{ "libexecdir", "libexec" }, { "datadir", "share" },
		{ "includedir", "include" }, { "sysconfdir", "etc" },
		{ "localstatedir", "var" },  { "default_library", "shared" },
	};
	const char *v = bh_strmap_get(&ms->opts, name);
	if (!v)
		v = bh_strmap_get(&ms->defaults, name);
	for (size_t i = 0; !v && i < BH_ARRAY_LEN(builtin); i++)
		if (strcmp(name, builtin[i][0]) == 0)
			v = builtin[i][1];
	return v;
}

// A `meson setup` word: -Dname=value (or the pair "-D" "name=value") or
// --prefix=dir (or "--prefix" "dir"), and the other directory options.
static size_t take_option(ms_reader *ms, const char *const *words, size_t n, size_t i)
{
	static const char *const dirs[] = { "prefix", "bindir", "sbindir", "libdir",
					    "libexecdir", "default-library" };
	const char *w = words[i];
	const char *def = strcmp(w, "-D") == 0 && i + 1 < n ? words[i + 1]
			: strncmp(w, "-D", 2) == 0 ? w + 2 : NULL;
	size_t used = strcmp(w, "-D") == 0 ? 2 : 1;
	if (def) {
		const char *eq = strchr(def, '=');
		if (eq && eq > def) {
			char *name = bh_xstrndup(def, (size_t)(eq - def));
			bh_strmap_put(&ms->opts, name, eq + 1);
			free(name);
		}
		return used;
	}
	for (size_t k = 0; k < BH_ARRAY_LEN(dirs); k++) {
		size_t len = strlen(dirs[k]);
		if (strncmp(w, "--", 2) != 0 || strncmp(w + 2, dirs[k], len) != 0)
			continue;
		const char *v = w[2 + len] == '=' ? w + 3 + len
			      : !w[2 + len] && i + 1 < n ? words[i + 1] : NULL;
		if (!v)
			continue;
		bh_strmap_put(&ms->opts, k == 5 ? "default_library" : dirs[k], v);
		return w[2 + len] == '=' ? 1 : 2;
	}
	return 1;
}

/* --------------------------------------------------------------- parser */

static const token *peek(const parser *p)
{
	return &p->toks->items[p->pos];
}

static bool is_op(const token *t, const char *op)
{
	return t->kind == T_OP && t->n == strlen(op) && memcmp(t->s, op, t->n) == 0;
}

static bool is_word(const token *t, const char *w)
{
	return t->kind == T_ID && t->n == strlen(w) && memcmp(t->s, w, t->n) == 0;
}

static bool accept_op(parser *p, const char *op)
{
	if (!is_op(peek(p), op))
		return false;
	p->pos++;
	return true;
}

static void advance(parser *p)
{
	if (peek(p)->kind != T_EOF)
		p->pos++;
}

static mval *parse_expr(parser *p);

// The value a call's argument list gives for keyword `name`, or NULL.
static const mval *kw(const call_args *a, const char *name)
{
	for (size_t i = 0; i < a->kw.len; i++)
		if (strcmp(a->kw.items[i].name, name) == 0)
			return a->kw.items[i].value;
	return NULL;
}

// args = [ arg { "," arg } [ "," ] ] ")"     arg = expr | identifier ":" expr
static void parse_args(parser *p, call_args *out)
{
	while (!p->stop && peek(p)->kind != T_EOF && !is_op(peek(p), ")")) {
		const token *t = peek(p);
		if (t->kind == T_ID && is_op(&p->toks->items[p->pos + 1], ":")) {
			const char *name = bh_arena_strndup(p->ms->scratch, t->s, t->n);
			p->pos += 2;
			bh_vec_push(&out->kw, ((kwarg){ name, parse_expr(p) }));
		} else {
			bh_vec_push(&out->pos, parse_expr(p));
		}
		if (!accept_op(p, ","))
			break;
	}
	if (!accept_op(p, ")"))
		p->stop = true; // broken text: the rest of the file is not read
}

static mval *call_function(parser *p, const char *name, const call_args *a, uint32_t line);

// primary = identifier [ "(" args ")" ] | string | f-string | number
//         | "[" [ expr { "," expr } [ "," ] ] "]" | "{" dict "}" | "(" expr ")"
static mval *parse_primary(parser *p)
{
	ms_reader *ms = p->ms;
	const token *t = peek(p);
	advance(p);
	if (t->kind == T_STR)
		return str_val(ms, t->s);
	if (t->kind == T_FSTR)
		return unknown(ms);
	if (t->kind == T_NUM) {
		// The token points into the text, which need not end after it.
		char num[32];
		size_t n = t->n < sizeof(num) - 1 ? t->n : sizeof(num) - 1;
		memcpy(num, t->s, n);
		num[n] = '\0';
		mval *v = new_val(ms, V_INT);
		v->i = strtoll(num, NULL, 0);
		return v;
	}
	if (t->kind == T_ID) {
		if (is_word(t, "true") || is_word(t, "false")) {
			mval *v = new_val(ms, V_BOOL);
			v->i = is_word(t, "true");
			return v;
		}
		const char *name = bh_arena_strndup(ms->scratch, t->s, t->n);
		if (accept_op(p, "(")) {
			call_args a = { 0 };
			parse_args(p, &a);
			mval *v = p->stop ? unknown(ms) : call_function(p, name, &a, t->line);
			bh_vec_dispose(&a.pos);
			bh_vec_dispose(&a.kw);
			return v;
		}
		const mval *v = get_var(ms, name);
		return v ? (mval *)v : unknown(ms);
	}
	if (is_op(t, "[")) {
		BH_VEC(mval *) items = { 0 };
		while (!p->stop && peek(p)->kind != T_EOF && !is_op(peek(p), "]")) {
			bh_vec_push(&items, parse_expr(p));
			if (!accept_op(p, ","))
				break;
		}
		p->stop |= !accept_op(p, "]");
		bool tainted = false;
		for (size_t i = 0; i < items.len; i++)
			tainted |= items.items[i]->tainted;
		mval *v = with_taint(ms, array_of(ms, items.items, items.len), tainted);
		bh_vec_dispose(&items);
		return v;
	}
	if (is_op(t, "{")) {
		while (!p->stop && peek(p)->kind != T_EOF && !is_op(peek(p), "}")) {
			parse_expr(p);
			if (accept_op(p, ":"))
				parse_expr(p);
			if (!accept_op(p, ","))
				break;
		}
		p->stop |= !accept_op(p, "}");
		return unknown(ms);
	}
	if (is_op(t, "(")) {
		mval *v = parse_expr(p);
		p->stop |= !accept_op(p, ")");
		return v;
	}
	p->stop = true; // not an expression: the statement is broken
	return unknown(ms);
}

// postfix = primary { "[" expr "]" | "." identifier "(" args ")" }
static mval *parse_postfix(parser *p)
{
	ms_reader *ms = p->ms;
	mval *v = parse_primary(p);
	while (!p->stop) {
		if (accept_op(p, "[")) {
			mval *i = parse_expr(p);
			p->stop |= !accept_op(p, "]");
			bool ok = v->kind == V_ARRAY && i->kind == V_INT;
			long long k = ok && i->i < 0 ? (long long)v->n + i->i : i->i;
			v = ok && k >= 0 && (size_t)k < v->n
				    ? with_taint(ms, v->items[k], v->tainted || i->tainted)
				    : unknown(ms);
		} else if (accept_op(p, ".")) {
			advance(p); // the method's name: every method gives an unknown value
			if (accept_op(p, "(")) {
				call_args a = { 0 };
				parse_args(p, &a);
				bh_vec_dispose(&a.pos);
				bh_vec_dispose(&a.kw);
			}
			v = unknown(ms);
		} else {
			return v;
		}
	}
	return v;
}

// `a + b` on strings and arrays, `a / b` on paths; anything else unknown.
static mval *binary(parser *p, char op, const mval *a, const mval *b)
{
	ms_reader *ms = p->ms;
	bool tainted = a->tainted || b->tainted;
	mval *v = NULL;
	if (op == '+' && a->kind == V_STR && b->kind == V_STR) {
		v = str_val(ms, bh_arena_sprintf(ms->scratch, "%s%s", a->s, b->s));
	} else if (op == '+' && a->kind == V_ARRAY) {
		size_t n = a->n + (b->kind == V_ARRAY ? b->n : 1);
		if (!spend_items(ms, n))
			return unknown(ms);
		mval **items = bh_arena_alloc(ms->scratch, (n ? n : 1) * sizeof(*items));
		if (a->n)
			memcpy(items, a->items, a->n * sizeof(*items));
		if (b->kind != V_ARRAY)
			items[a->n] = (mval *)b;
		else if (b->n)
			memcpy(items + a->n, b->items, b->n * sizeof(*items));
		v = new_val(ms, V_ARRAY);
		v->items = items;
		v->n = n;
	} else if (op == '+' && a->kind == V_INT && b->kind == V_INT) {
		long long sum;
		if (__builtin_add_overflow(a->i, b->i, &sum))
			return unknown(ms); // meson stops there; we know nothing
		v = new_val(ms, V_INT);
		v->i = sum;
	} else if (op == '/' && a->kind == V_STR && b->kind == V_STR) {
		v = str_val(ms, b->s[0] == '/' ? b->s
					 : join_clean(ms, a->s, b->s[0] ? b->s : "."));
	} else {
		v = unknown(ms);
	}
	v->tainted |= tainted;
	return v;
}

// mul = postfix { ("*" | "/" | "%") postfix }     add = mul { ("+" | "-") mul }
static mval *parse_mul(parser *p)
{
	mval *v = parse_postfix(p);
	while (!p->stop && (is_op(peek(p), "*") || is_op(peek(p), "/") || is_op(peek(p), "%"))) {
		char op = peek(p)->s[0];
		advance(p);
		v = binary(p, op, v, parse_postfix(p));
	}
	return v;
}

static mval *parse_add(parser *p)
{
	mval *v = parse_mul(p);
	while (!p->stop && (is_op(peek(p), "+") || is_op(peek(p), "-"))) {
		char op = peek(p)->s[0];
		advance(p);
		v = binary(p, op, v, parse_mul(p));
	}
	return v;
}

// unary = ("not" | "-") unary | add
// cmp   = unary { ("==" | "!=" | "<" | ">" | "<=" | ">=" | "in" | "not" "in") unary }
// and   = cmp { "and" cmp }      or = and { "or" and }
// expr  = or [ "?" expr ":" expr ]
// Everything but `+` and `/` gives an unknown value.
static mval *parse_unary(parser *p)
{
	if (is_word(peek(p), "not") || is_op(peek(p), "-")) {
		advance(p);
		if (++p->depth > MAX_DEPTH) {
			p->ms->limited = true;
			p->stop = p->done = true;
		} else {
			parse_unary(p);
		}
		p->depth--;
		return unknown(p->ms);
	}
	return parse_add(p);
}

static bool is_cmp(const parser *p)
{
	const token *t = peek(p);
	return is_op(t, "==") || is_op(t, "!=") || is_op(t, "<") || is_op(t, ">") ||
	       is_op(t, "<=") || is_op(t, ">=") || is_word(t, "in") ||
	       (is_word(t, "not") && is_word(t + 1, "in"));
}

static mval *parse_binary_chain(parser *p, int level)
{
	mval *v = level == 0 ? parse_unary(p) : parse_binary_chain(p, level - 1);
	while (!p->stop) {
		const token *t = peek(p);
		bool more = level == 0 ? is_cmp(p)
			  : level == 1 ? is_word(t, "and") : is_word(t, "or");
		if (!more)
			break;
		p->pos += is_word(t, "not") ? 2 : 1;
		if (level == 0)
			parse_unary(p);
		else
			parse_binary_chain(p, level - 1);
		v = unknown(p->ms);
	}
	return v;
}

static mval *parse_expr(parser *p)
{
	if (++p->depth > MAX_DEPTH) {
		p->ms->limited = true;
		p->stop = p->done = true;
		p->depth--;
		return unknown(p->ms);
	}
	mval *v = parse_binary_chain(p, 2);
	if (!p->stop && accept_op(p, "?")) {
		parse_expr(p);
		p->stop |= !accept_op(p, ":");
		parse_expr(p);
		v = unknown(p->ms);
	}
	p->depth--;
	return v;
}

/* ------------------------------------------------------------ functions */

static bool file_exists(ms_reader *ms, const char *ctx_path)
{
	return bh_disc__file_listed(ms->files, ms->nfiles, &ms->file_set, ctx_path);
}

// The C sources in a value (strings relative to `dir`, files, arrays of
// them) onto target ti; an unknown part makes it incomplete.
static void add_sources(parser *p, size_t ti, const mval *v, int depth)
{
	ms_reader *ms = p->ms;
	bh_disc__target *t = &ms->t.items.items[ti];
	t->incomplete |= v->tainted;
	if (v->kind == V_ARRAY && depth < MAX_DEPTH) {
		for (size_t i = 0; i < v->n; i++)
			add_sources(p, ti, v->items[i], depth + 1);
	} else if (v->kind == V_STR || v->kind == V_FILE) {
		if (!bh_str_ends_with(v->s, ".c"))
			return;
		char *cp = v->kind == V_FILE ? bh_xstrdup(v->s)
					     : bh_disc__make_ctx_path(p->dir, v->s);
		if (cp && file_exists(ms, cp))
			bh_vec_push(&t->sources, bh_arena_strdup(ms->scratch, cp));
		free(cp);
	} else if (v->kind == V_DEP) {
		if (v->sources)
			add_sources(p, ti, v->sources, depth + 1);
	} else if (v->kind != V_NONE) {
		t->incomplete = true;
	}
}

// The options (strings starting with '-') in a value, appended to `out`.
static void add_args(ms_reader *ms, str_vec *out, const mval *v, int depth)
{
	if (v->kind == V_ARRAY && depth < MAX_DEPTH)
		for (size_t i = 0; i < v->n; i++)
			add_args(ms, out, v->items[i], depth + 1);
	else if (v->kind == V_STR && v->s[0] == '-')
		bh_vec_push(out, v->s);
}

// The targets a link_with:/dependencies: value names, onto target ti.
static void add_links(parser *p, size_t ti, const mval *v, str_vec *flags, int depth)
{
	ms_reader *ms = p->ms;
	ms->link_unknown.items[ti] |= v->tainted;
	if (v->kind == V_ARRAY && depth < MAX_DEPTH) {
		for (size_t i = 0; i < v->n; i++)
			add_links(p, ti, v->items[i], flags, depth + 1);
	} else if (v->kind == V_TARGET) {
		if (v->target != ti)
			bh_vec_push(&ms->t.items.items[ti].links, v->target);
	} else if (v->kind == V_DEP) {
		if (v->links)
			add_links(p, ti, v->links, flags, depth + 1);
		if (v->sources)
			add_sources(p, ti, v->sources, depth + 1);
		if (v->args)
			add_args(ms, flags, v->args, 0);
		if (v->link_args)
			add_args(ms, flags, v->link_args, 0);
	} else if (v->kind != V_NONE) {
		ms->link_unknown.items[ti] = true;
	}
}

static const char *str_kw(const call_args *a, const char *name)
{
	const mval *v = kw(a, name);
	return v && v->kind == V_STR && !v->tainted ? v->s : NULL;
}

// executable(name, sources..., kwargs) and the library functions.
static mval *declare_target(parser *p, bh_build_kind kind, const call_args *a, uint32_t line)
{
	ms_reader *ms = p->ms;
	const mval *name = a->pos.len ? a->pos.items[0] : NULL;
	if (!name || name->kind != V_STR || !name->s[0])
		return unknown(ms);
	if (!bh_disc__target_add(&ms->t, name->s, line))
		return unknown(ms);
	size_t ti = ms->t.items.len - 1;
	bh_vec_push(&ms->link_unknown, name->tainted);
	ms->t.items.items[ti].kind = kind;
	for (size_t i = 1; i < a->pos.len; i++)
		add_sources(p, ti, a->pos.items[i], 0);
	if (kw(a, "sources"))
		add_sources(p, ti, kw(a, "sources"), 0);
	str_vec cflags = { 0 }, lflags = { 0 };
	for (size_t i = 0; i < ms->cflags.len; i++)
		bh_vec_push(&cflags, ms->cflags.items[i]);
	for (size_t i = 0; i < ms->lflags.len; i++)
		bh_vec_push(&lflags, ms->lflags.items[i]);
	if (kw(a, "c_args"))
		add_args(ms, &cflags, kw(a, "c_args"), 0);
	if (kw(a, "link_args"))
		add_args(ms, &lflags, kw(a, "link_args"), 0);
	static const char *const link_kws[] = { "link_with", "link_whole", "dependencies" };
	for (size_t k = 0; k < BH_ARRAY_LEN(link_kws); k++)
		if (kw(a, link_kws[k]))
			add_links(p, ti, kw(a, link_kws[k]), &lflags, 0);
	bh_disc__target *t = &ms->t.items.items[ti];
	for (size_t i = 0; i < cflags.len; i++)
		bh_vec_push(&t->flags, cflags.items[i]);
	for (size_t i = 0; i < lflags.len; i++)
		bh_vec_push(&t->flags, lflags.items[i]);
	bh_vec_dispose(&cflags);
	bh_vec_dispose(&lflags);

	bool lib = kind != BH_BUILD_EXECUTABLE;
	const char *prefix = str_kw(a, "name_prefix"), *suffix = str_kw(a, "name_suffix");
	const char *file = bh_arena_sprintf(ms->scratch, "%s%s%s%s%s",
					    prefix ? prefix : lib ? "lib" : "", name->s,
					    suffix ? "." : "", suffix ? suffix : "",
					    suffix ? "" : kind == BH_BUILD_SHARED_LIB ? ".so"
						 : kind == BH_BUILD_STATIC_LIB ? ".a" : "");
	size_t nd = strlen(ms->top_dir);
	const char *bin = !nd ? p->dir : strncmp(p->dir, ms->top_dir, nd) == 0 && p->dir[nd] == '/'
				? p->dir + nd + 1 : strcmp(p->dir, ms->top_dir) == 0 ? "" : p->dir;
	t->path = bin[0] ? join_clean(ms, bin, file) : file;

	const mval *inst = kw(a, "install");
	if (inst && inst->kind == V_BOOL && inst->i && !inst->tainted) {
		const char *dir = str_kw(a, "install_dir");
		const char *pfx = option(ms, "prefix");
		const char *sub = option(ms, kind == BH_BUILD_EXECUTABLE ? "bindir" : "libdir");
		if (kw(a, "install_dir") && !dir)
			sub = NULL;
		else if (dir)
			sub = dir;
		if (sub && (sub[0] == '/' || (pfx && pfx[0] == '/'))) {
			const char *d = sub[0] == '/' ? sub : join_clean(ms, pfx, sub);
			t->install = bh_arena_strdup(ms->t.arena, join_clean(ms, d, file));
		}
	}
	mval *v = new_val(ms, V_TARGET);
	v->target = ti;
	return v;
}

// The strings of a value (flattened), or false if one is unknown.
static bool strings_of(const mval *v, str_vec *out, int depth)
{
	if (v->kind == V_STR) {
		bh_vec_push(out, v->s);
		return true;
	}
	if (v->kind != V_ARRAY || depth >= MAX_DEPTH)
		return false;
	bool ok = true;
	for (size_t i = 0; i < v->n; i++)
		ok &= strings_of(v->items[i], out, depth + 1);
	return ok;
}

static void run_file(ms_reader *ms, const char *path, const char *dir, const char *text,
		     size_t len, int cond);

// subdir('name'): its meson.build runs now, in the same scope.
static void run_subdir(parser *p, const call_args *a)
{
	ms_reader *ms = p->ms;
	const mval *v = a->pos.len ? a->pos.items[0] : NULL;
	char *dir = v && v->kind == V_STR ? bh_disc__make_ctx_path(p->dir, v->s) : NULL;
	if (!dir || !ms->read) {
		ms->missed = true;
		free(dir);
		return;
	}
	const char *path = dir[0] ? bh_arena_sprintf(ms->scratch, "%s/meson.build", dir)
				  : "meson.build";
	const char *sdir = bh_arena_strdup(ms->scratch, dir);
	free(dir);
	for (size_t i = 0; i < ms->stack.len; i++) {
		if (strcmp(ms->stack.items[i], path) == 0) {
			ms->limited = true;
			return;
		}
	}
	if (ms->stack.len >= MAX_FILE_DEPTH || ms->nread >= MAX_FILES) {
		ms->limited = true;
		return;
	}
	const char *text = NULL;
	size_t len = 0;
	if (!ms->read(path, &text, &len, ms->payload)) {
		ms->missed = true;
		return;
	}
	ms->nread++;
	run_file(ms, path, sdir, text, len, p->cond);
}

static mval *call_function(parser *p, const char *name, const call_args *a, uint32_t line)
{
	ms_reader *ms = p->ms;
	if (strcmp(name, "executable") == 0)
		return declare_target(p, BH_BUILD_EXECUTABLE, a, line);
	if (strcmp(name, "static_library") == 0)
		return declare_target(p, BH_BUILD_STATIC_LIB, a, line);
	if (strcmp(name, "shared_library") == 0 || strcmp(name, "shared_module") == 0 ||
	    strcmp(name, "both_libraries") == 0)
		return declare_target(p, BH_BUILD_SHARED_LIB, a, line);
	if (strcmp(name, "library") == 0) {
		const char *dl = option(ms, "default_library");
		bool is_static = dl && strcmp(dl, "static") == 0;
		return declare_target(p, is_static ? BH_BUILD_STATIC_LIB : BH_BUILD_SHARED_LIB, a,
				      line);
	}
	if (strcmp(name, "files") == 0) {
		BH_VEC(mval *) items = { 0 };
		bool tainted = false;
		for (size_t i = 0; i < a->pos.len; i++) {
			str_vec words = { 0 };
			tainted |= a->pos.items[i]->tainted;
			if (!strings_of(a->pos.items[i], &words, 0))
				bh_vec_push(&items, unknown(ms));
			for (size_t k = 0; k < words.len; k++) {
				char *cp = bh_disc__make_ctx_path(p->dir, words.items[k]);
				mval *f = cp ? new_val(ms, V_FILE) : unknown(ms);
				if (cp)
					f->s = bh_arena_strdup(ms->scratch, cp);
				free(cp);
				bh_vec_push(&items, f);
			}
			bh_vec_dispose(&words);
		}
		mval *v = with_taint(ms, array_of(ms, items.items, items.len), tainted);
		bh_vec_dispose(&items);
		return v;
	}
	if (strcmp(name, "join_paths") == 0) {
		mval *v = a->pos.len ? (mval *)a->pos.items[0] : unknown(ms);
		for (size_t i = 1; i < a->pos.len; i++)
			v = binary(p, '/', v, a->pos.items[i]);
		return v;
	}
	if (strcmp(name, "get_option") == 0) {
		const mval *o = a->pos.len ? a->pos.items[0] : NULL;
		const char *v = o && o->kind == V_STR ? option(ms, o->s) : NULL;
		return v ? str_val(ms, v) : unknown(ms);
	}
	if (strcmp(name, "declare_dependency") == 0 || strcmp(name, "dependency") == 0 ||
	    strcmp(name, "find_library") == 0) {
		mval *v = new_val(ms, V_DEP);
		if (name[0] == 'd' && name[1] == 'e') {
			v->links = (mval *)kw(a, "link_with");
			v->sources = (mval *)kw(a, "sources");
			v->args = (mval *)kw(a, "compile_args");
			v->link_args = (mval *)kw(a, "link_args");
		}
		return v;
	}
	if (strcmp(name, "project") == 0) {
		str_vec words = { 0 };
		const mval *d = kw(a, "default_options");
		if (d && strings_of(d, &words, 0))
			for (size_t i = 0; i < words.len; i++) {
				const char *eq = strchr(words.items[i], '=');
				if (!eq || eq == words.items[i])
					continue;
				size_t nk = (size_t)(eq - words.items[i]);
				char *k = bh_xstrndup(words.items[i], nk);
				bh_strmap_put(&ms->defaults, k, eq + 1);
				free(k);
			}
		bh_vec_dispose(&words);
		return new_val(ms, V_NONE);
	}
	bool link = strstr(name, "link_arguments") != NULL;
	if (strcmp(name, "add_project_arguments") == 0 ||
	    strcmp(name, "add_global_arguments") == 0 ||
	    strcmp(name, "add_project_link_arguments") == 0 ||
	    strcmp(name, "add_global_link_arguments") == 0) {
		str_vec langs = { 0 };
		const mval *l = kw(a, "language");
		bool c = !l;
		if (l && strings_of(l, &langs, 0))
			for (size_t i = 0; i < langs.len; i++)
				c |= strcmp(langs.items[i], "c") == 0;
		bh_vec_dispose(&langs);
		if (c && p->cond == 0)
			for (size_t i = 0; i < a->pos.len; i++)
				add_args(ms, link ? &ms->lflags : &ms->cflags, a->pos.items[i], 0);
		return new_val(ms, V_NONE);
	}
	if (strcmp(name, "subdir") == 0) {
		run_subdir(p, a);
		return new_val(ms, V_NONE);
	}
	if (strcmp(name, "subdir_done") == 0) {
		p->done |= p->cond == 0;
		return new_val(ms, V_NONE);
	}
	if (strcmp(name, "include_directories") == 0 || strcmp(name, "message") == 0 ||
	    strcmp(name, "warning") == 0 || strcmp(name, "summary") == 0)
		return new_val(ms, V_NONE);
	return unknown(ms);
}

/* ----------------------------------------------------------- statements */

// The end of the foreach block at p->pos (after its endforeach), tainting
// every variable its body (loop variables included) assigns.
static void skip_foreach(parser *p)
{
	size_t depth = 0;
	const tok_vec *tv = p->toks;
	for (; p->pos < tv->len && tv->items[p->pos].kind != T_EOF; p->pos++) {
		const token *t = &tv->items[p->pos];
		if (is_word(t, "foreach")) {
			depth++;
			// `foreach a, b : ...`: the names and the commas between them.
			for (size_t k = p->pos + 1; k < tv->len && tv->items[k].kind == T_ID; k += 2) {
				taint_var(p->ms, bh_arena_strndup(p->ms->scratch, tv->items[k].s,
								  tv->items[k].n));
				if (!is_op(&tv->items[k + 1], ","))
					break;
			}
		} else if (is_word(t, "endforeach") && --depth == 0) {
			p->pos++;
			return;
		} else if (t->kind == T_ID && (is_op(t + 1, "=") || is_op(t + 1, "+="))) {
			taint_var(p->ms, bh_arena_strndup(p->ms->scratch, t->s, t->n));
		}
	}
}

// statement = identifier ("=" | "+=") expr | "if" expr | "elif" expr | "else"
//           | "endif" | "foreach" ... "endforeach" | expr
static void parse_statement(parser *p)
{
	ms_reader *ms = p->ms;
	const token *t = peek(p);
	if (is_word(t, "if") || is_word(t, "elif")) {
		p->cond += is_word(t, "if");
		advance(p);
		parse_expr(p);
	} else if (is_word(t, "else") || is_word(t, "break") || is_word(t, "continue")) {
		advance(p);
	} else if (is_word(t, "endif")) {
		p->cond -= p->cond > 0;
		advance(p);
	} else if (is_word(t, "foreach")) {
		skip_foreach(p);
	} else if (t->kind == T_ID && (is_op(t + 1, "=") || is_op(t + 1, "+="))) {
		const char *name = bh_arena_strndup(ms->scratch, t->s, t->n);
		bool append = is_op(t + 1, "+=");
		p->pos += 2;
		mval *v = parse_expr(p);
		if (p->stop)
			return;
		if (p->cond > 0) { // the branch may not run
			taint_var(ms, name);
			return;
		}
		if (append) {
			const mval *old = get_var(ms, name);
			v = old ? binary(p, '+', old, v) : unknown(ms);
		}
		set_var(ms, name, v);
	} else {
		parse_expr(p);
	}
}

static void run_tokens(ms_reader *ms, const tok_vec *toks, const char *dir, int cond)
{
	parser p = { .ms = ms, .toks = toks, .dir = dir, .cond = cond };
	while (!p.done && peek(&p)->kind != T_EOF) {
		if (peek(&p)->kind == T_NL) {
			p.pos++;
			continue;
		}
		parse_statement(&p);
		if (p.done)
			break;
		if (p.stop || peek(&p)->kind != T_NL) { // broken: on to the next line
			while (peek(&p)->kind != T_NL && peek(&p)->kind != T_EOF)
				p.pos++;
			p.stop = false;
		}
	}
}

// Run the text of the meson.build at `path`, whose directory is `dir`.
static void run_file(ms_reader *ms, const char *path, const char *dir, const char *text,
		     size_t len, int cond)
{
	bh_vec_push(&ms->stack, path);
	tok_vec toks = { 0 };
	if (!tokenize(ms->scratch, text ? text : "", text ? len : 0, &toks, &ms->budget))
		ms->limited = true;
	run_tokens(ms, &toks, dir, cond);
	bh_vec_dispose(&toks);
	ms->stack.len--;
}

void bh_meson_recipes(bh_build_recipes *out, bh_arena *arena, const char *path, const char *text,
		      size_t len, const char *const *options, size_t noptions,
		      const char *const *files, size_t nfiles,
		      bool (*read)(const char *ctx_path, const char **text, size_t *len, void *payload),
		      void *payload, bh_diags *diags)
{
	memset(out, 0, sizeof(*out));
	ms_reader ms = {
		.scratch = bh_arena_new(),
		.files = files,
		.nfiles = files ? nfiles : 0,
		.read = read,
		.payload = payload,
		.budget = MAX_TOKENS,
	};
	ms.t.arena = arena;
	ms.t.scratch = ms.scratch;
	const char *file = path ? path : "meson.build";
	const char *slash = strrchr(file, '/');
	ms.top_dir = slash ? bh_arena_strndup(ms.scratch, file, (size_t)(slash - file)) : "";
	for (size_t i = 0; options && i < noptions;)
		i += options[i] ? take_option(&ms, options, noptions, i) : 1;
	run_file(&ms, file, ms.top_dir, text, len, 0);

	// A link we could not read may name a static library of the project.
	bool contributes = ms.missed;
	for (size_t i = 0; i < ms.t.items.len; i++)
		contributes |= ms.t.items.items[i].kind == BH_BUILD_STATIC_LIB;
	for (size_t i = 0; i < ms.t.items.len; i++)
		ms.t.items.items[i].incomplete |= ms.link_unknown.items[i] && contributes;
	bh_disc__targets_output(out, &ms.t);
	out->file = bh_arena_strdup(arena, file);
	if (ms.limited || ms.t.limited)
		bh_diag_add(diags, BH_LEVEL_WARNING, "disc.meson-limit", file, 0, 0,
			    "meson.build too large or too convoluted to read completely; "
			    "build recipes read from it may be incomplete");
	bh_disc__targets_dispose(&ms.t);
	bh_vec_dispose(&ms.link_unknown);
	bh_vec_dispose(&ms.vars);
	bh_vec_dispose(&ms.stack);
	bh_strmap_dispose(&ms.var_index);
	bh_strmap_dispose(&ms.opts);
	bh_strmap_dispose(&ms.defaults);
	bh_vec_dispose(&ms.cflags);
	bh_vec_dispose(&ms.lflags);
	bh_strset_dispose(&ms.file_set);
	bh_arena_free(ms.scratch);
}
