// SPDX-License-Identifier: MIT
// The Makefile reader of discovery, and Makefiles as a source of compile
// flags for C units without a compile_commands.json entry. disc_infer.c
// picks the Makefile that applies to a unit and calls bh_disc_make_flags;
// disc_make_rules.c reads the rules of a Makefile through the same reader
// (bh_disc__make_*, see disc_internal.h).
//
// A Makefile is read, never run: there is no make, no shell and no file
// other than the one given. The reader understands the part of GNU make
// that most projects put their flags and rules in: variable assignments of
// every flavour, `override`, command-line variables, continuation lines and
// references to variables of the same file; in full mode also the common
// text functions, substitution references and automatic variables.
// Everything else (`$(shell)`, `$(call)`, `!=`, included files, the
// environment) is unknown; text that depended on it keeps a `$`, so
// unknown input can only lose words, never invent them. Assignments inside
// conditional blocks are skipped: both branches are usually present and we
// cannot tell which one runs.
//
// The file is hostile input: NUL bytes read as blanks, unterminated `$(`
// is literal, a self-referencing variable expands once, and the number of
// variables, the size of values and the work of expansion are bounded;
// reaching a bound sets `limited`, which the users turn into one
// "disc.makefile-limit" warning.
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/fileio.h"
#include "bulkhead/img.h"
#include "bulkhead/strset.h"
#include "bulkhead/text.h"
#include "disc_internal.h"

#define MAX_VARS 4096                 // distinct variable names
#define MAX_VALUE (4u << 20)          // bytes of one value or one expansion
#define MAX_NAME 256                  // bytes of a computed variable name
#define MAX_TOTAL (32u << 20)         // bytes of all variable values together
#define MAX_WORK (128u << 20)         // bytes copied in all, expansions included
#define MAX_DEPTH 32                  // nested references
#define MAX_STEPS 2000000u            // references expanded in one file
#define MAX_MATCHES 4000000u          // file names compared by $(wildcard) in one file
#define MAX_ARGS 3                    // arguments of the functions we know
#define TABLE_SIZE 8192               // hash slots, twice MAX_VARS (a power of 2)

// What an unknown reference expands to: one word that holds a `$`.
#define UNRESOLVED "$(?)"

/* ---------------------------------------------------------------- state */

// A growable NUL-terminated heap string.
typedef struct {
	char *s;
	size_t len, cap;
} buf;

// Who set a variable: an assignment of lower origin cannot change it.
typedef enum { ORIGIN_FILE, ORIGIN_COMMAND, ORIGIN_OVERRIDE } var_origin;

typedef struct {
	char *name;      // heap
	buf value;
	bool simple;     // `:=`: expanded when set; else `=`: expanded when used
	bool expanding;  // on the current expansion stack: the recursion guard
	bool defined;    // false: only assigned inside conditionals (full mode)
	var_origin origin;
	uint32_t line;   // the assignment that gave its current value (+= keeps it)
} make_var;

struct bh_disc__make {
	bh_disc__make_options opts;
	const bh_disc__make_auto *autos; // borrowed, NULL outside recipes
	make_var *vars;       // heap, nvars used
	size_t nvars;
	uint32_t *table;      // TABLE_SIZE slots: index + 1 into vars, 0 when empty
	bh_strset files;      // opts.files as a set, built when first needed
	size_t steps;         // references expanded so far
	size_t total;         // bytes held by variable values
	size_t work;          // bytes appended to any buffer so far
	size_t matches;       // file names compared by $(wildcard)
	size_t cond_refs;     // references to conditional-only variables
	bool limited;         // a bound was reached
	// Line parser state.
	bool in_define;       // between define and endef
	int cond_depth;       // inside ifeq/ifdef/... blocks
	bool seen_rule;       // a rule line was seen: tab lines are recipes
};

typedef bh_disc__make make_state;

static void buf_dispose(buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

// Append n bytes unless the result would exceed `limit` (then mark the
// state limited and append nothing).
static bool buf_add(make_state *st, buf *b, const char *p, size_t n, size_t limit)
{
	if (b->len + n > limit || st->work + n > MAX_WORK) {
		st->limited = true;
		return false;
	}
	st->work += n;
	bh__vec_grow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return true;
}

// Does the buffer hold a '$' (an unknown word)?
static bool holds_dollar(const buf *b)
{
	return b->len && memchr(b->s, '$', b->len);
}

static void add_unresolved(make_state *st, buf *out)
{
	buf_add(st, out, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
}

// Append one word of a word list, with a separating space.
static void add_word(make_state *st, buf *out, const char *w, size_t n)
{
	if (out->len && out->s[out->len - 1] != ' ')
		buf_add(st, out, " ", 1, MAX_VALUE);
	buf_add(st, out, w, n, MAX_VALUE);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

// The next whitespace-separated word of s[*pos..n), or false at the end.
static bool next_word(const char *s, size_t n, size_t *pos, const char **w, size_t *wlen)
{
	size_t i = *pos;
	while (i < n && is_space(s[i]))
		i++;
	if (i >= n) {
		*pos = n;
		return false;
	}
	size_t j = i;
	while (j < n && !is_space(s[j]))
		j++;
	*w = s + i;
	*wlen = j - i;
	*pos = j;
	return true;
}

static uint32_t hash_name(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

// The variable named s[0..n), or NULL. With `create`, a new empty one is
// made (NULL when MAX_VARS is reached).
static make_var *lookup(make_state *st, const char *s, size_t n, bool create)
{
	uint32_t slot = hash_name(s, n) & (TABLE_SIZE - 1);
	for (;; slot = (slot + 1) & (TABLE_SIZE - 1)) {
		uint32_t idx = st->table[slot];
		if (idx == 0)
			break;
		make_var *v = &st->vars[idx - 1];
		if (strlen(v->name) == n && memcmp(v->name, s, n) == 0)
			return v;
	}
	if (!create)
		return NULL;
	if (st->nvars >= MAX_VARS) {
		st->limited = true;
		return NULL;
	}
	make_var *v = &st->vars[st->nvars++];
	memset(v, 0, sizeof(*v));
	v->name = bh_xstrndup(s, n);
	st->table[slot] = (uint32_t)st->nvars;
	return v;
}

// The variable if it has a value.
static make_var *find_defined(make_state *st, const char *s, size_t n)
{
	make_var *v = lookup(st, s, n, false);
	return v && v->defined ? v : NULL;
}

// GNU make's built-in variables that recipes use, for the full mode (the
// flags reader knows only CC). Recursive: they expand when used.
static const char *builtin_value(make_state *st, const char *name)
{
	static const char *const builtins[][2] = {
		{ "CC", "cc" },
		{ "AR", "ar" },
		{ "ARFLAGS", "rv" },
		{ "RM", "rm -f" },
		{ "CPP", "$(CC) -E" },
		{ "COMPILE.c", "$(CC) $(CFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c" },
		{ "LINK.c", "$(CC) $(CFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)" },
		{ "LINK.o", "$(CC) $(LDFLAGS) $(TARGET_ARCH)" },
		{ "OUTPUT_OPTION", "-o $@" },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(builtins); i++)
		if ((st->opts.full || i == 0) && strcmp(name, builtins[i][0]) == 0)
			return builtins[i][1];
	return NULL;
}

/* ------------------------------------------------------------ expansion */

static void expand(make_state *st, buf *out, const char *s, size_t n, int depth);

// Automatic variables ($@, $<, $(@D), ...) have a value only while a
// rule's recipe is expanded in full mode.
static bool is_automatic(const char *s, size_t n)
{
	if (n == 0 || !strchr("@<^+*?|%", s[0]))
		return false;
	return n == 1 || (n == 2 && (s[1] == 'D' || s[1] == 'F'));
}

// $@, $(@D), $(^F), ...: the value bound for the rule, `D` and `F` taken
// word by word as make does ("." for a word without a directory).
// Always true (it is an `||` link in reference()).
static bool automatic(make_state *st, buf *out, const char *s, size_t n)
{
	const bh_disc__make_auto *a = st->autos;
	const char *v = NULL;
	switch (s[0]) {
	case '@': v = a->target; break;
	case '<': v = a->first; break;
	case '^': case '?': v = a->all; break;
	case '+': v = a->all_dups; break;
	case '*': v = a->stem; break;
	case '|': v = a->order; break;
	default: break; // '%': archive members are not modelled
	}
	if (!v) {
		add_unresolved(st, out);
		return true;
	}
	if (n == 1) {
		buf_add(st, out, v, strlen(v), MAX_VALUE);
		return true;
	}
	const char *w;
	size_t wlen, pos = 0, len = strlen(v);
	while (next_word(v, len, &pos, &w, &wlen)) {
		const char *slash = NULL;
		for (size_t i = 0; i < wlen; i++)
			if (w[i] == '/')
				slash = w + i;
		size_t base = slash ? (size_t)(slash + 1 - w) : 0;
		if (s[1] == 'F')
			add_word(st, out, w + base, wlen - base);
		else if (!slash)
			add_word(st, out, ".", 1);
		else
			add_word(st, out, w, slash == w ? 1 : (size_t)(slash - w));
	}
	return true;
}

typedef struct {
	const char *s;
	size_t n;
} span;

// Split function arguments at commas outside parentheses; the last of
// `max` arguments keeps any further commas, as in make.
static size_t split_args(const char *s, size_t n, size_t max, span *args)
{
	size_t nargs = 0, start = 0;
	int nest = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '(' || c == '{')
			nest++;
		else if ((c == ')' || c == '}') && nest > 0)
			nest--;
		else if (c == ',' && nest == 0 && nargs + 1 < max) {
			args[nargs++] = (span){ s + start, i - start };
			start = i + 1;
		}
	}
	args[nargs++] = (span){ s + start, n - start };
	return nargs;
}

// A make pattern: the text around its first '%' (`has` false: no '%').
typedef struct {
	const char *pre, *post;
	size_t npre, npost;
	bool has;
} mk_pattern;

static mk_pattern pattern_of(const char *p, size_t n)
{
	while (n && is_space(*p)) {
		p++;
		n--;
	}
	while (n && is_space(p[n - 1]))
		n--;
	const char *pct = memchr(p, '%', n);
	if (!pct)
		return (mk_pattern){ p, NULL, n, 0, false };
	size_t at = (size_t)(pct - p);
	return (mk_pattern){ p, pct + 1, at, n - at - 1, true };
}

// Does word w match the pattern? The stem (what '%' matched) in *stem.
static bool pattern_match(const mk_pattern *pt, const char *w, size_t n, span *stem)
{
	if (!pt->has) {
		*stem = (span){ w, 0 };
		return n == pt->npre && memcmp(w, pt->pre, n) == 0;
	}
	if (n < pt->npre + pt->npost || memcmp(w, pt->pre, pt->npre) != 0 ||
	    memcmp(w + n - pt->npost, pt->post, pt->npost) != 0)
		return false;
	*stem = (span){ w + pt->npre, n - pt->npre - pt->npost };
	return true;
}

// The replacement of a pattern substitution: its '%' becomes the stem.
static void add_replacement(make_state *st, buf *out, const mk_pattern *rp, span stem)
{
	add_word(st, out, rp->pre, rp->npre);
	if (rp->has) {
		buf_add(st, out, stem.s, stem.n, MAX_VALUE);
		buf_add(st, out, rp->post, rp->npost, MAX_VALUE);
	}
}

// patsubst over the words of `text`. A word holding '$' is unknown and
// stays unknown whatever the pattern.
static void patsubst(make_state *st, buf *out, const mk_pattern *pt, const mk_pattern *rp,
		     const char *text, size_t n)
{
	const char *w;
	size_t wlen, pos = 0;
	span stem;
	while (next_word(text, n, &pos, &w, &wlen)) {
		if (memchr(w, '$', wlen))
			add_word(st, out, UNRESOLVED, strlen(UNRESOLVED));
		else if (pattern_match(pt, w, wlen, &stem))
			add_replacement(st, out, rp, stem);
		else
			add_word(st, out, w, wlen);
	}
}

// Add words sorted, without duplicates, and free them.
static void add_sorted(make_state *st, buf *out, char **words, size_t n)
{
	if (n)
		qsort(words, n, sizeof(*words), bh_str_compare_ptrs);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || strcmp(words[i], words[i - 1]) != 0)
			add_word(st, out, words[i], strlen(words[i]));
	}
	for (size_t i = 0; i < n; i++)
		free(words[i]);
}

// a followed by b, on the heap.
static char *concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = bh_xmalloc(na + nb + 1);
	memcpy(s, a, na); // NOLINT(bugprone-not-null-terminated-result): b's copy ends it
	memcpy(s + na, b, nb + 1);
	return s;
}

// Does the context have the file? -1 when there is no way to know.
static int file_known(make_state *st, const char *ctx_path)
{
	if (st->opts.exists)
		return st->opts.exists(ctx_path, st->opts.payload);
	if (!st->opts.files)
		return -1;
	if (st->files.len == 0)
		for (size_t i = 0; i < st->opts.nfiles; i++)
			bh_strset_insert(&st->files, st->opts.files[i]);
	return bh_strset_contains(&st->files, ctx_path);
}

// One word of $(wildcard): a plain name is kept if the file exists; a glob
// (* ? [...]) is matched against the context's files, the result written
// with the pattern's own directory prefix and sorted (as GNU make 4.3).
static void wildcard_word(make_state *st, buf *out, const char *w)
{
	const char *glob = strpbrk(w, "*?[");
	if (strchr(w, '$') || (glob && !st->opts.files)) {
		add_word(st, out, UNRESOLVED, strlen(UNRESOLVED));
		return;
	}
	if (!glob) {
		char *ctx_path = bh_disc__make_ctx_path(st->opts.dir, w);
		int known = ctx_path ? file_known(st, ctx_path) : -1;
		free(ctx_path);
		if (known < 0)
			add_word(st, out, UNRESOLVED, strlen(UNRESOLVED));
		else if (known)
			add_word(st, out, w, strlen(w));
		return;
	}
	const char *rest = glob;
	while (rest > w && rest[-1] != '/')
		rest--;
	size_t nprefix = (size_t)(rest - w);
	char *prefix = bh_xstrndup(w, nprefix);
	char *dir = bh_disc__make_ctx_path(st->opts.dir, nprefix ? prefix : ".");
	st->matches += st->opts.nfiles;
	if (!dir || st->matches > MAX_MATCHES) {
		st->limited |= dir != NULL;
		add_word(st, out, UNRESOLVED, strlen(UNRESOLVED));
		free(dir);
		free(prefix);
		return;
	}
	size_t ndir = strlen(dir);
	BH_VEC(char *) found = { 0 };
	for (size_t i = 0; i < st->opts.nfiles; i++) {
		const char *f = st->opts.files[i];
		if (ndir && (strncmp(f, dir, ndir) != 0 || f[ndir] != '/'))
			continue;
		const char *tail = ndir ? f + ndir + 1 : f;
		if (fnmatch(rest, tail, FNM_PATHNAME | FNM_PERIOD) == 0)
			bh_vec_push(&found, concat(prefix, tail));
	}
	add_sorted(st, out, found.items, found.len);
	bh_vec_dispose(&found);
	free(dir);
	free(prefix);
}

typedef enum {
	F_PATSUBST, F_SUBST, F_ADDPREFIX, F_ADDSUFFIX, F_FILTER, F_FILTER_OUT, F_NOTDIR, F_DIR,
	F_BASENAME, F_SUFFIX, F_SORT, F_STRIP, F_FIRSTWORD, F_LASTWORD, F_WILDCARD,
} func_id;

static const struct {
	const char *name;
	size_t nargs;
} funcs[] = {
	[F_PATSUBST] = { "patsubst", 3 },   [F_SUBST] = { "subst", 3 },
	[F_ADDPREFIX] = { "addprefix", 2 }, [F_ADDSUFFIX] = { "addsuffix", 2 },
	[F_FILTER] = { "filter", 2 },       [F_FILTER_OUT] = { "filter-out", 2 },
	[F_NOTDIR] = { "notdir", 1 },       [F_DIR] = { "dir", 1 },
	[F_BASENAME] = { "basename", 1 },   [F_SUFFIX] = { "suffix", 1 },
	[F_SORT] = { "sort", 1 },           [F_STRIP] = { "strip", 1 },
	[F_FIRSTWORD] = { "firstword", 1 }, [F_LASTWORD] = { "lastword", 1 },
	[F_WILDCARD] = { "wildcard", 1 },
};

// Does any word of the filter patterns match w?
static bool filter_match(const char *pats, size_t n, const char *w, size_t wlen)
{
	const char *p;
	size_t plen, pos = 0;
	span stem;
	while (next_word(pats, n, &pos, &p, &plen)) {
		mk_pattern pt = pattern_of(p, plen);
		if (pattern_match(&pt, w, wlen, &stem))
			return true;
	}
	return false;
}

// The functions that work word by word on their last argument. `a` is the
// first argument for those that take two. A word holding '$' is unknown
// and stays so; so does every word when `a` holds one.
static void word_function(make_state *st, buf *out, func_id f, const buf *a, const buf *text)
{
	const char *w, *last = NULL;
	size_t wlen, lastlen = 0, pos = 0;
	bool a_unknown = a && holds_dollar(a);
	static const buf no_argument = { 0 };
	if (!a)
		a = &no_argument; // (the functions of one argument do not read it)
	BH_VEC(char *) sorted = { 0 };
	while (next_word(text->s ? text->s : "", text->len, &pos, &w, &wlen)) {
		if (a_unknown || memchr(w, '$', wlen)) {
			add_word(st, out, UNRESOLVED, strlen(UNRESOLVED));
			continue;
		}
		const char *slash = NULL, *dot = NULL;
		for (size_t i = 0; i < wlen; i++) {
			if (w[i] == '/')
				slash = w + i, dot = NULL;
			else if (w[i] == '.')
				dot = w + i;
		}
		size_t base = slash ? (size_t)(slash + 1 - w) : 0;
		switch (f) {
		case F_ADDPREFIX:
			add_word(st, out, a->s ? a->s : "", a->len);
			buf_add(st, out, w, wlen, MAX_VALUE);
			break;
		case F_ADDSUFFIX:
			add_word(st, out, w, wlen);
			buf_add(st, out, a->s ? a->s : "", a->len, MAX_VALUE);
			break;
		case F_FILTER:
		case F_FILTER_OUT:
			if (filter_match(a->s ? a->s : "", a->len, w, wlen) == (f == F_FILTER))
				add_word(st, out, w, wlen);
			break;
		case F_NOTDIR:
			add_word(st, out, w + base, wlen - base);
			break;
		case F_DIR:
			add_word(st, out, base ? w : "./", base ? base : 2);
			break;
		case F_BASENAME:
			add_word(st, out, w, dot ? (size_t)(dot - w) : wlen);
			break;
		case F_SUFFIX:
			if (dot)
				add_word(st, out, dot, wlen - (size_t)(dot - w));
			break;
		case F_SORT:
			bh_vec_push(&sorted, bh_xstrndup(w, wlen));
			break;
		case F_FIRSTWORD:
			if (!last)
				add_word(st, out, w, wlen);
			last = w;
			break;
		case F_LASTWORD:
			last = w, lastlen = wlen;
			break;
		case F_WILDCARD: {
			char *one = bh_xstrndup(w, wlen);
			wildcard_word(st, out, one);
			free(one);
			break;
		}
		default: // F_STRIP
			add_word(st, out, w, wlen);
			break;
		}
	}
	if (f == F_LASTWORD && last)
		add_word(st, out, last, lastlen);
	add_sorted(st, out, sorted.items, sorted.len);
	bh_vec_dispose(&sorted);
}

// $(subst from,to,text) replaces text, not words.
static void subst(make_state *st, buf *out, const buf *from, const buf *to, const buf *text)
{
	if (holds_dollar(from) || holds_dollar(to)) {
		add_unresolved(st, out);
		return;
	}
	const char *s = text->s ? text->s : "";
	size_t i = 0;
	while (from->len && i < text->len) {
		const char *hit = strstr(s + i, from->s);
		if (!hit)
			break;
		buf_add(st, out, s + i, (size_t)(hit - s) - i, MAX_VALUE);
		buf_add(st, out, to->s ? to->s : "", to->len, MAX_VALUE);
		i = (size_t)(hit - s) + from->len;
	}
	buf_add(st, out, s + i, text->len - i, MAX_VALUE);
	if (!from->len)
		buf_add(st, out, to->s ? to->s : "", to->len, MAX_VALUE);
}

// function = "$(" name blank arg { "," arg } ")"
// True if s[0..n) called a function of the table; anything else that
// looks like a call ($(shell ...), $(call ...)) is left to the caller.
static bool call_function(make_state *st, buf *out, const char *s, size_t n, int depth)
{
	size_t w = 0;
	while (w < n && !is_space(s[w]) && s[w] != ',' && s[w] != '$')
		w++;
	if (w >= n || !is_space(s[w]))
		return false;
	size_t f = 0;
	while (f < BH_ARRAY_LEN(funcs) &&
	       (strlen(funcs[f].name) != w || memcmp(funcs[f].name, s, w) != 0))
		f++;
	if (f >= BH_ARRAY_LEN(funcs))
		return false;
	while (w < n && is_space(s[w]))
		w++;
	span args[MAX_ARGS];
	size_t nargs = split_args(s + w, n - w, funcs[f].nargs, args);
	if (nargs != funcs[f].nargs) {
		add_unresolved(st, out);
		return true;
	}
	buf a[MAX_ARGS] = { { 0 } };
	for (size_t i = 0; i < nargs; i++)
		expand(st, &a[i], args[i].s, args[i].n, depth + 1);
	if (f == F_PATSUBST) {
		if (holds_dollar(&a[0]) || holds_dollar(&a[1])) {
			add_unresolved(st, out);
		} else {
			mk_pattern pt = pattern_of(a[0].s ? a[0].s : "", a[0].len);
			mk_pattern rp = pattern_of(a[1].s ? a[1].s : "", a[1].len);
			patsubst(st, out, &pt, &rp, a[2].s ? a[2].s : "", a[2].len);
		}
	} else if (f == F_SUBST) {
		subst(st, out, &a[0], &a[1], &a[2]);
	} else {
		word_function(st, out, (func_id)f, nargs == 2 ? &a[0] : NULL, &a[nargs - 1]);
	}
	for (size_t i = 0; i < nargs; i++)
		buf_dispose(&a[i]);
	return true;
}

// substitution-ref = "$(" name ":" from "=" to ")"
// `$(SRCS:.c=.o)` is `$(patsubst %.c,%.o,$(SRCS))`; with a '%' in `from`
// it is that patsubst as written. True if s[0..n) was one.
static bool substitution_ref(make_state *st, buf *out, const char *s, size_t n, int depth)
{
	size_t colon = n, eq = n;
	int nest = 0;
	for (size_t i = 0; i < n && eq == n; i++) {
		if (s[i] == '(' || s[i] == '{')
			nest++;
		else if ((s[i] == ')' || s[i] == '}') && nest > 0)
			nest--;
		else if (nest == 0 && s[i] == ':' && colon == n)
			colon = i;
		else if (nest == 0 && s[i] == '=' && colon < n)
			eq = i;
	}
	if (colon == 0 || eq == n)
		return false;
	for (size_t i = 0; i < colon; i++)
		if (is_space(s[i]))
			return false;
	buf value = { 0 }, from = { 0 }, to = { 0 };
	char *ref = bh_xmalloc(colon + 4);
	snprintf(ref, colon + 4, "$(%.*s)", (int)colon, s);
	expand(st, &value, ref, colon + 3, depth + 1);
	free(ref);
	expand(st, &from, s + colon + 1, eq - colon - 1, depth + 1);
	expand(st, &to, s + eq + 1, n - eq - 1, depth + 1);
	if (holds_dollar(&from) || holds_dollar(&to)) {
		add_unresolved(st, out);
	} else {
		mk_pattern pt = pattern_of(from.s ? from.s : "", from.len);
		mk_pattern rp = pattern_of(to.s ? to.s : "", to.len);
		if (!pt.has) // a suffix: ".c" means "%.c"
			pt = (mk_pattern){ "", pt.pre, 0, pt.npre, true };
		if (!rp.has)
			rp = (mk_pattern){ "", rp.pre, 0, rp.npre, true };
		patsubst(st, out, &pt, &rp, value.s ? value.s : "", value.len);
	}
	buf_dispose(&value);
	buf_dispose(&from);
	buf_dispose(&to);
	return true;
}

// reference = "$(" name ")" | "${" name "}" | "$" char | function | substitution-ref
// `s` is the text between the delimiters. Outside full mode, a name with
// blanks, ',' or ':' (a function call or a substitution reference) is
// unknown.
static void reference(make_state *st, buf *out, const char *s, size_t n, int depth)
{
	if (++st->steps > MAX_STEPS || depth >= MAX_DEPTH) {
		st->limited = true;
		add_unresolved(st, out);
		return;
	}
	// Functions build word lists in a buffer of their own: their result
	// joins the text around the reference without a space.
	buf words = { 0 };
	if (st->opts.full && (call_function(st, &words, s, n, depth) ||
			      substitution_ref(st, &words, s, n, depth) ||
			      (st->autos && is_automatic(s, n) && automatic(st, &words, s, n)))) {
		buf_add(st, out, words.s ? words.s : "", words.len, MAX_VALUE);
		buf_dispose(&words);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (is_blank(s[i]) || s[i] == ',' || s[i] == ':' || s[i] == '\n') {
			add_unresolved(st, out);
			return;
		}
	}
	if (is_automatic(s, n)) {
		add_unresolved(st, out);
		return;
	}
	// Computed names such as $(CFLAGS_$(MODE)) expand their inner part.
	buf name = { 0 };
	if (memchr(s, '$', n))
		expand(st, &name, s, n, depth + 1);
	else
		buf_add(st, &name, s, n, MAX_NAME);
	make_var *v = NULL;
	const char *builtin = NULL;
	if (name.len == 0 || memchr(name.s, '$', name.len) || name.len > MAX_NAME) {
		add_unresolved(st, out);
	} else if (!(v = find_defined(st, name.s, name.len))) {
		// Undefined is empty, as in make, except make's built-ins. A
		// variable the file assigns only inside conditionals (full mode)
		// has a value we cannot know: unknown, not empty.
		if (lookup(st, name.s, name.len, false) != NULL) {
			st->cond_refs++;
			add_unresolved(st, out);
		} else if ((builtin = builtin_value(st, name.s))) {
			expand(st, out, builtin, strlen(builtin), depth + 1);
		}
	} else if (v->simple) {
		buf_add(st, out, v->value.s ? v->value.s : "", v->value.len, MAX_VALUE);
	} else if (v->expanding) {
		// A = $(A): make rejects it; we expand it once and stop.
		add_unresolved(st, out);
	} else {
		v->expanding = true;
		expand(st, out, v->value.s ? v->value.s : "", v->value.len, depth + 1);
		v->expanding = false;
	}
	buf_dispose(&name);
}

// Expand the references of s[0..n) onto `out`. `$$` is a literal `$`
// (which makes the word unknown later: it is the shell's); an unterminated
// `$(` leaves an unknown word and ends the text.
static void expand(make_state *st, buf *out, const char *s, size_t n, int depth)
{
	size_t i = 0;
	while (i < n) {
		// Past MAX_STEPS each reference still leaves an unknown word, so
		// that later text is not read as complete.
		if (out->len >= MAX_VALUE) {
			st->limited = true;
			return;
		}
		if (s[i] != '$') {
			const char *d = memchr(s + i, '$', n - i);
			size_t j = d ? (size_t)(d - s) : n;
			if (!buf_add(st, out, s + i, j - i, MAX_VALUE))
				return;
			i = j;
			continue;
		}
		if (i + 1 >= n || s[i + 1] == '$') {
			buf_add(st, out, "$", 1, MAX_VALUE);
			i += 2;
			continue;
		}
		char open = s[i + 1];
		if (open == '(' || open == '{') {
			char close = open == '(' ? ')' : '}';
			size_t j = i + 2;
			int nest = 1;
			for (; j < n; j++) {
				if (s[j] == open)
					nest++;
				else if (s[j] == close && --nest == 0)
					break;
			}
			if (j >= n) {
				add_unresolved(st, out);
				return;
			}
			reference(st, out, s + i + 2, j - i - 2, depth);
			i = j + 1;
			continue;
		}
		reference(st, out, s + i + 1, 1, depth);
		i += 2;
	}
}

/* ----------------------------------------------------------------- lines */

// Read the next logical line of text[*pos..len) into `out`. Physical lines
// ending in an odd number of backslashes are joined: the backslash, the
// newline and the blanks around them become one space (as make does).
// A '\r' before '\n' is dropped; NUL bytes read as spaces. `*lineno` is the
// number of the next physical line; the logical line's first is returned
// in `*first`. False at the end of the text.
static bool next_line(make_state *st, buf *out, const char *text, size_t len, size_t *pos,
		      uint32_t *lineno, uint32_t *first)
{
	out->len = 0;
	if (out->s)
		out->s[0] = '\0';
	if (*pos >= len)
		return false;
	*first = *lineno;
	for (;;) {
		const char *p = text + *pos;
		const char *nl = memchr(p, '\n', len - *pos);
		size_t n = nl ? (size_t)(nl - p) : len - *pos;
		*pos += n + (nl != NULL);
		(*lineno)++;
		if (n && p[n - 1] == '\r')
			n--;
		size_t bs = 0;
		while (bs < n && p[n - 1 - bs] == '\\')
			bs++;
		bool cont = bs % 2 == 1 && *pos < len;
		size_t take = cont ? n - 1 : n;
		size_t start = out->len;
		// The file is at most the context's size limit; a line can be
		// as long as the file.
		buf_add(st, out, p, take, SIZE_MAX / 2);
		for (size_t i = start; i < out->len; i++)
			if (out->s[i] == '\0')
				out->s[i] = ' ';
		if (!cont)
			return true;
		while (out->len > 0 && is_blank(out->s[out->len - 1]))
			out->len--;
		buf_add(st, out, " ", 1, SIZE_MAX / 2);
		while (*pos < len && is_blank(text[*pos]))
			(*pos)++;
	}
}

// Cut a comment: the first '#' not escaped by a backslash.
static size_t strip_comment(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '#' && (i == 0 || s[i - 1] != '\\'))
			return i;
	return n;
}

static bool word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(s, word, n) == 0;
}

typedef enum { OP_RECURSIVE, OP_SIMPLE, OP_COND, OP_APPEND, OP_SHELL } assign_op;

// assignment = name ( "=" | ":=" | "::=" | ":::=" | "?=" | "+=" | "!=" ) value
// An assignment of a lower origin than the variable's is ignored, as make
// ignores the file's `CFLAGS = ...` after `make CFLAGS=...`.
static void assign(make_state *st, const char *name, size_t nlen, assign_op op,
		   const char *value, size_t vlen, uint32_t line, var_origin origin)
{
	make_var *v = find_defined(st, name, nlen);
	if ((op == OP_COND && v) || (v && origin < v->origin))
		return;
	if (op == OP_APPEND && v) {
		buf more = { 0 };
		if (v->simple)
			expand(st, &more, value, vlen, 0);
		else
			buf_add(st, &more, value, vlen, MAX_VALUE);
		size_t add = more.len + (v->value.len > 0);
		if (more.len && st->total + add <= MAX_TOTAL) {
			if (v->value.len)
				buf_add(st, &v->value, " ", 1, MAX_VALUE);
			if (buf_add(st, &v->value, more.s, more.len, MAX_VALUE))
				st->total += add;
		} else if (more.len) {
			st->limited = true;
		}
		v->origin = origin;
		buf_dispose(&more);
		return;
	}
	buf val = { 0 };
	bool simple = op == OP_SIMPLE || op == OP_SHELL;
	if (op == OP_SHELL)
		add_unresolved(st, &val);
	else if (op == OP_SIMPLE)
		expand(st, &val, value, vlen, 0);
	else
		buf_add(st, &val, value, vlen, MAX_VALUE);
	if (!v)
		v = lookup(st, name, nlen, true);
	if (!v || st->total - v->value.len + val.len > MAX_TOTAL) {
		st->limited = true;
		buf_dispose(&val);
		return;
	}
	st->total = st->total - v->value.len + val.len;
	buf_dispose(&v->value);
	v->value = val;
	v->simple = simple;
	v->defined = true;
	v->origin = origin;
	v->line = line;
}

static void emit(make_state *st, bh_disc__make_event ev, const char *s, size_t n, size_t colon,
		 uint32_t line)
{
	if (st->opts.hook)
		st->opts.hook(st->opts.hook_payload, ev, s, n, colon, line, st->cond_depth > 0);
}

// The variable assigned by a line inside a conditional block: skipped, but
// in full mode remembered, so that references to it can be told apart.
static void note_conditional(make_state *st, const char *name, size_t nlen)
{
	if (st->opts.full && !lookup(st, name, nlen, false))
		lookup(st, name, nlen, true);
}

// A line that is not a recipe: a directive, an assignment or a rule.
static void parse_line(make_state *st, const char *s, size_t n, uint32_t line)
{
	n = strip_comment(s, n);
	while (n > 0 && is_blank(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	size_t w = 0;
	while (w < n && !is_blank(s[w]))
		w++;
	if (st->in_define) {
		st->in_define = !word_is(s, w, "endef");
		return;
	}
	if (n == 0)
		return;
	if (word_is(s, w, "ifeq") || word_is(s, w, "ifneq") || word_is(s, w, "ifdef") ||
	    word_is(s, w, "ifndef")) {
		st->cond_depth++;
		return;
	}
	if (word_is(s, w, "endif")) {
		st->cond_depth -= st->cond_depth > 0;
		return;
	}
	if (word_is(s, w, "else"))
		return;
	if (word_is(s, w, "include") || word_is(s, w, "-include") || word_is(s, w, "sinclude") ||
	    word_is(s, w, "vpath") || word_is(s, w, "unexport")) {
		emit(st, BH_DISC__MAKE_OTHER, s, n, 0, line);
		return;
	}
	// Modifiers before an assignment or a define.
	var_origin origin = ORIGIN_FILE;
	while (w < n && (word_is(s, w, "override") || word_is(s, w, "export") ||
			 word_is(s, w, "private"))) {
		if (word_is(s, w, "override"))
			origin = ORIGIN_OVERRIDE;
		s += w;
		n -= w;
		while (n > 0 && is_blank(*s)) {
			s++;
			n--;
		}
		for (w = 0; w < n && !is_blank(s[w]);)
			w++;
	}
	if (word_is(s, w, "define")) {
		st->in_define = true;
		emit(st, BH_DISC__MAKE_OTHER, s, n, 0, line);
		return;
	}
	// The first '=' or ':' outside references decides: an assignment or
	// a rule (target-specific assignments are rules here).
	int nest = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '$' && i + 1 < n && (s[i + 1] == '(' || s[i + 1] == '{')) {
			nest++;
			i++;
			continue;
		}
		if ((c == ')' || c == '}') && nest > 0) {
			nest--;
			continue;
		}
		if (nest > 0)
			continue;
		size_t op_at = i, op_len = 0;
		assign_op op = OP_RECURSIVE;
		if (c == ':') {
			size_t j = i;
			while (j < n && s[j] == ':')
				j++;
			if (j >= n || s[j] != '=' || j - i > 3) {
				st->seen_rule = true;
				emit(st, BH_DISC__MAKE_RULE, s, n, i, line);
				return;
			}
			op = OP_SIMPLE;
			op_len = j + 1 - i;
		} else if (c == '=') {
			op_len = 1;
		} else if ((c == '+' || c == '?' || c == '!') && i + 1 < n && s[i + 1] == '=') {
			op = c == '+' ? OP_APPEND : c == '?' ? OP_COND : OP_SHELL;
			op_len = 2;
		} else {
			continue;
		}
		emit(st, BH_DISC__MAKE_OTHER, s, n, 0, line);
		size_t nlen = op_at;
		while (nlen > 0 && is_blank(s[nlen - 1]))
			nlen--;
		for (size_t k = 0; k < nlen; k++)
			if (is_blank(s[k]) || s[k] == '$')
				return; // "a b = c" or a computed name: not ours
		if (nlen == 0)
			return;
		if (st->cond_depth > 0) {
			note_conditional(st, s, nlen);
			return;
		}
		const char *value = s + op_at + op_len;
		size_t vlen = n - (op_at + op_len);
		while (vlen > 0 && is_blank(*value)) {
			value++;
			vlen--;
		}
		assign(st, s, nlen, op, value, vlen, line, origin);
		return;
	}
}

/* ------------------------------------------------------------ the reader */

bh_disc__make *bh_disc__make_new(const bh_disc__make_options *opts)
{
	make_state *st = bh_xcalloc(1, sizeof(*st));
	st->opts = *opts;
	if (!st->opts.dir)
		st->opts.dir = "";
	st->vars = bh_xmalloc(MAX_VARS * sizeof(*st->vars));
	st->table = bh_xcalloc(TABLE_SIZE, sizeof(*st->table));
	return st;
}

void bh_disc__make_free(bh_disc__make *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->nvars; i++) {
		free(st->vars[i].name);
		buf_dispose(&st->vars[i].value);
	}
	free(st->vars);
	free(st->table);
	bh_strset_dispose(&st->files);
	free(st);
}

void bh_disc__make_override(bh_disc__make *st, const char *word)
{
	const char *eq = strchr(word, '=');
	if (!eq || eq == word)
		return;
	size_t nlen = (size_t)(eq - word);
	assign_op op = OP_RECURSIVE;
	if (word[nlen - 1] == ':') { // NAME:=value (NAME::=value)
		op = OP_SIMPLE;
		while (nlen > 0 && word[nlen - 1] == ':')
			nlen--;
	}
	for (size_t i = 0; i < nlen; i++)
		if (is_space(word[i]) || word[i] == '$' || word[i] == '+' || word[i] == '?' ||
		    word[i] == '!')
			return;
	if (nlen)
		assign(st, word, nlen, op, eq + 1, strlen(eq + 1), 0, ORIGIN_COMMAND);
}

void bh_disc__make_read(bh_disc__make *st, const char *text, size_t len)
{
	buf line = { 0 };
	size_t pos = 0;
	uint32_t lineno = 1, first = 1;
	while (text && next_line(st, &line, text, len, &pos, &lineno, &first)) {
		if (line.len > 0 && line.s[0] == '\t' && st->seen_rule && !st->in_define) {
			emit(st, BH_DISC__MAKE_RECIPE, line.s + 1, line.len - 1, 0, first);
			continue;
		}
		parse_line(st, line.s ? line.s : "", line.len, first);
	}
	buf_dispose(&line);
}

char *bh_disc__make_expand(bh_disc__make *st, const char *s, size_t n)
{
	buf out = { 0 };
	expand(st, &out, s, n, 0);
	return out.s ? out.s : bh_xstrdup("");
}

void bh_disc__make_set_auto(bh_disc__make *st, const bh_disc__make_auto *autos)
{
	st->autos = autos;
}

uint32_t bh_disc__make_var_line(bh_disc__make *st, const char *name)
{
	make_var *v = find_defined(st, name, strlen(name));
	return v ? v->line : 0;
}

size_t bh_disc__make_cond_refs(const bh_disc__make *st)
{
	return st->cond_refs;
}

int bh_disc__make_file_known(bh_disc__make *st, const char *ctx_path)
{
	return file_known(st, ctx_path);
}

bool bh_disc__make_limited(const bh_disc__make *st)
{
	return st->limited;
}

char *bh_disc__make_ctx_path(const char *dir, const char *rel)
{
	if (rel[0] == '/')
		return NULL;
	size_t nd = strlen(dir), nr = strlen(rel);
	char *joined = bh_xmalloc(nd + nr + 2);
	memcpy(joined, dir, nd); // NOLINT(bugprone-not-null-terminated-result): rel's copy ends it
	size_t n = nd;
	if (nd)
		joined[n++] = '/';
	memcpy(joined + n, rel, nr + 1);
	n += nr;
	char *clean = bh_xmalloc(n + 2);
	bh_path_clean(clean, joined, n);
	free(joined);
	if (strcmp(clean, "..") == 0 || strncmp(clean, "../", 3) == 0 || clean[0] == '/') {
		free(clean);
		return NULL;
	}
	if (strcmp(clean, ".") == 0)
		clean[0] = '\0';
	return clean;
}

/* ----------------------------------------------------------------- flags */

#define MAX_RECIPES 2048              // recipe lines kept for examination

typedef struct {
	char *text;      // heap, the logical line without its tab
	uint32_t line;
} recipe;

typedef struct {
	bh_disc__make *mk;
	BH_VEC(recipe) recipes;
	bool limited;    // MAX_RECIPES was reached
} flags_reader;

// Recipes are kept only when they may run a compiler ("cc", "gcc",
// "$(CC)", "clang"), to bound memory on large Makefiles.
static void add_recipe(flags_reader *fr, const char *s, size_t n, uint32_t line)
{
	char *text = bh_xstrndup(s, n);
	if (!strstr(text, "cc") && !strstr(text, "CC") && !strstr(text, "clang")) {
		free(text);
		return;
	}
	if (fr->recipes.len >= MAX_RECIPES) {
		fr->limited = true;
		free(text);
		return;
	}
	bh_vec_push(&fr->recipes, ((recipe){ text, line }));
}

// The reader's hook: recipe lines, and the `; recipe` of a rule line,
// outside conditional blocks.
static void flags_hook(void *payload, bh_disc__make_event ev, const char *s, size_t n,
		       size_t colon, uint32_t line, bool in_cond)
{
	flags_reader *fr = payload;
	if (in_cond)
		return;
	if (ev == BH_DISC__MAKE_RECIPE) {
		add_recipe(fr, s, n, line);
	} else if (ev == BH_DISC__MAKE_RULE) {
		// targets : prerequisites ; recipe
		const char *semi = memchr(s + colon, ';', n - colon);
		if (semi)
			add_recipe(fr, semi + 1, n - (size_t)(semi + 1 - s), line);
	}
}

typedef struct {
	const char *root; // absolute context root, no trailing '/' (or "/")
	const char *dir;  // the Makefile's directory, context-relative ("" at the root)
} make_paths;

// A path written in the Makefile, relative to its directory, made absolute
// if it stays inside the context.
static const char *map_make_path(bh_arena *arena, const char *value, bool is_dir, void *payload)
{
	(void)is_dir;
	const make_paths *mp = payload;
	const char *base = strcmp(mp->root, "/") ? mp->root : "";
	const char *joined;
	if (value[0] == '/')
		joined = value;
	else
		joined = bh_arena_sprintf(arena, "%s/%s%s%s", base, mp->dir, *mp->dir ? "/" : "",
					  value);
	size_t n = strlen(joined);
	char *clean = bh_arena_alloc(arena, n + 2);
	bh_path_clean(clean, joined, n);
	size_t rn = strlen(base);
	if (strcmp(clean, mp->root) == 0)
		return clean;
	if (strncmp(clean, base, rn) == 0 && clean[rn] == '/' && clean[rn + 1])
		return clean;
	return NULL;
}

bool bh_disc__ends_command(const char *w)
{
	size_t n = strlen(w);
	return strcmp(w, "&&") == 0 || strcmp(w, "||") == 0 || strcmp(w, "|") == 0 ||
	       (n > 0 && w[n - 1] == ';');
}

// Take the flags of an expanded text (shell words). Returns how many.
static size_t take_text(bh_disc__str_vec *out, bh_arena *arena, bh_arena *scratch,
			const char *text, make_paths *mp, bool recipe)
{
	const char **argv = NULL;
	size_t argc = bh_compdb_split_command(&argv, scratch, text);
	if (!recipe)
		return bh_disc__take_flags(out, arena, argv, argc, map_make_path, mp);
	// A recipe: the arguments of each command that runs a C compiler.
	size_t added = 0;
	for (size_t i = 0; i < argc; i++) {
		if (i > 0 && !bh_disc__ends_command(argv[i - 1]))
			continue;
		const char *w = argv[i];
		while (i == 0 && (*w == '@' || *w == '-' || *w == '+'))
			w++; // recipe prefixes: silent, ignore errors, always run
		if (!bh_img_is_c_compiler(w))
			continue;
		size_t end = i + 1;
		while (end < argc && !bh_disc__ends_command(argv[end]))
			end++;
		added += bh_disc__take_flags(out, arena, argv + i + 1, end - i - 1, map_make_path,
					     mp);
		i = end;
	}
	return added;
}

void bh_disc_make_flags(bh_disc_flags *out, bh_arena *arena, const char *root, const char *path,
			const char *text, size_t len, bh_diags *diags)
{
	flags_reader fr = { 0 };
	bh_disc__make_options o = { .hook = flags_hook, .hook_payload = &fr };
	fr.mk = bh_disc__make_new(&o);
	bh_disc__make_read(fr.mk, text, len);

	bh_arena *scratch = bh_arena_new();
	const char *slash = path ? strrchr(path, '/') : NULL;
	make_paths mp = { root, "" };
	if (slash)
		mp.dir = bh_arena_strndup(scratch, path, (size_t)(slash - path));
	bh_disc__str_vec flags = { 0 };
	uint32_t origin = 0;
	static const char *const vars[] = { "CPPFLAGS", "CFLAGS" };
	for (size_t i = 0; i < BH_ARRAY_LEN(vars); i++) {
		uint32_t line = bh_disc__make_var_line(fr.mk, vars[i]);
		if (!line)
			continue;
		char ref[16];
		snprintf(ref, sizeof(ref), "$(%s)", vars[i]);
		char *e = bh_disc__make_expand(fr.mk, ref, strlen(ref));
		if (take_text(&flags, arena, scratch, e, &mp, false) && (!origin || line < origin))
			origin = line;
		free(e);
	}
	for (size_t i = 0; i < fr.recipes.len; i++) {
		const recipe *r = &fr.recipes.items[i];
		char *e = bh_disc__make_expand(fr.mk, r->text, strlen(r->text));
		if (take_text(&flags, arena, scratch, e, &mp, true) &&
		    (!origin || r->line < origin))
			origin = r->line;
		free(e);
		free(r->text);
	}
	if (fr.limited || bh_disc__make_limited(fr.mk) || flags.len >= BH_DISC__MAX_FLAGS)
		bh_diag_add(diags, BH_LEVEL_WARNING, "disc.makefile-limit", path, 0, 0,
			    "Makefile too large or too convoluted to read completely; "
			    "flags inferred from it may be incomplete");

	out->args = bh_arena_alloc(arena, (flags.len + 1) * sizeof(*out->args));
	if (flags.len)
		memcpy(out->args, flags.items, flags.len * sizeof(*out->args));
	out->nargs = flags.len;
	out->origin = flags.len ? bh_arena_sprintf(arena, "%s:%u", path ? path : "Makefile",
						   (unsigned)origin)
				: NULL;
	bh_vec_dispose(&flags);
	bh_vec_dispose(&fr.recipes);
	bh_disc__make_free(fr.mk);
	bh_arena_free(scratch);
}
