// SPDX-License-Identifier: MIT
// Makefiles as a source of compile flags, for C units without a
// compile_commands.json entry. Part of discovery (bh_disc): disc_infer.c
// picks the Makefile that applies to a unit and calls bh_disc_make_flags.
//
// A Makefile is read, never run: there is no make, no shell and no file
// other than the one given. The reader understands the simple part of GNU
// make that most projects put their flags in: variable assignments of every
// flavour, continuation lines, and references to other variables of the
// same file. Everything else (functions, `!=`, conditionals, included
// files, the environment) is unknown; text that depended on it keeps a
// `$` and any flag holding one is dropped, so unknown input can only lose
// flags, never invent them. Conditional blocks are skipped entirely: both
// branches are usually present and we cannot tell which one runs.
//
// The file is hostile input: NUL bytes read as blanks, unterminated `$(`
// is literal, a self-referencing variable expands once, and the number of
// variables, the size of values and the work of expansion are bounded;
// reaching a bound gives one "disc.makefile-limit" warning.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/fileio.h"
#include "bulkhead/img.h"
#include "disc_internal.h"

#define MAX_VARS 4096                 // distinct variable names
#define MAX_VALUE (4u << 20)          // bytes of one value or one expansion
#define MAX_NAME 256                  // bytes of a computed variable name
#define MAX_TOTAL (32u << 20)         // bytes of all variable values together
#define MAX_WORK (128u << 20)         // bytes copied in all, expansions included
#define MAX_DEPTH 32                  // nested references
#define MAX_STEPS 2000000u            // references expanded in one file
#define MAX_RECIPES 2048              // recipe lines kept for examination
#define TABLE_SIZE 8192               // hash slots, twice MAX_VARS (a power of 2)

// What an unknown reference expands to: one word that holds a `$`.
#define UNRESOLVED "$(?)"

/* ---------------------------------------------------------------- state */

// A growable NUL-terminated heap string.
typedef struct {
	char *s;
	size_t len, cap;
} buf;

typedef struct {
	char *name;      // heap
	buf value;
	bool simple;     // `:=`: expanded when set; else `=`: expanded when used
	bool expanding;  // on the current expansion stack: the recursion guard
	uint32_t line;   // the assignment that gave its current value (+= keeps it)
} make_var;

typedef struct {
	char *text;      // heap, the logical line without its tab
	uint32_t line;
} recipe;

typedef struct {
	make_var *vars;       // heap, nvars used
	size_t nvars;
	uint32_t *table;      // TABLE_SIZE slots: index + 1 into vars, 0 when empty
	BH_VEC(recipe) recipes;
	size_t steps;         // references expanded so far
	size_t total;         // bytes held by variable values
	size_t work;          // bytes appended to any buffer so far
	bool limited;         // a bound was reached
	// Line parser state.
	bool in_define;       // between define and endef
	int cond_depth;       // inside ifeq/ifdef/... blocks
	bool seen_rule;       // a rule line was seen: tab lines are recipes
} make_state;

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
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = bh_xrealloc(b->s, cap);
		b->cap = cap;
	}
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return true;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
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

/* ------------------------------------------------------------ expansion */

static void expand(make_state *st, buf *out, const char *s, size_t n, int depth);

// Automatic variables ($@, $<, $(@D), ...) have no value outside a rule run.
static bool is_automatic(const char *s, size_t n)
{
	if (n == 0 || !strchr("@<^+*?|%", s[0]))
		return false;
	return n == 1 || (n == 2 && (s[1] == 'D' || s[1] == 'F'));
}

// reference = "$(" name ")" | "${" name "}" | "$" char
// `s` is the text between the delimiters. A name with blanks, ',' or ':'
// is a function call or a substitution reference: unknown.
static void reference(make_state *st, buf *out, const char *s, size_t n, int depth)
{
	if (++st->steps > MAX_STEPS || depth >= MAX_DEPTH) {
		st->limited = true;
		buf_add(st, out, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (is_blank(s[i]) || s[i] == ',' || s[i] == ':' || s[i] == '\n') {
			buf_add(st, out, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
			return;
		}
	}
	if (is_automatic(s, n)) {
		buf_add(st, out, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
		return;
	}
	// Computed names such as $(CFLAGS_$(MODE)) expand their inner part.
	buf name = { 0 };
	if (memchr(s, '$', n))
		expand(st, &name, s, n, depth + 1);
	else
		buf_add(st, &name, s, n, MAX_NAME);
	make_var *v = NULL;
	if (name.len == 0 || memchr(name.s, '$', name.len) || name.len > MAX_NAME) {
		buf_add(st, out, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
	} else if (!(v = lookup(st, name.s, name.len, false))) {
		// Undefined is empty, as in make, except make's built-in CC.
		if (strcmp(name.s, "CC") == 0)
			buf_add(st, out, "cc", 2, MAX_VALUE);
	} else if (v->simple) {
		buf_add(st, out, v->value.s ? v->value.s : "", v->value.len, MAX_VALUE);
	} else if (v->expanding) {
		// A = $(A): make rejects it; we expand it once and stop.
		buf_add(st, out, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
	} else {
		v->expanding = true;
		expand(st, out, v->value.s ? v->value.s : "", v->value.len, depth + 1);
		v->expanding = false;
	}
	buf_dispose(&name);
}

// Expand the references of s[0..n) onto `out`. `$$` is a literal `$`
// (which drops the word later: it is the shell's); an unterminated `$(`
// leaves an unknown word and ends the text.
static void expand(make_state *st, buf *out, const char *s, size_t n, int depth)
{
	size_t i = 0;
	while (i < n) {
		if (out->len >= MAX_VALUE || st->steps > MAX_STEPS) {
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
				buf_add(st, out, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
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

// Recipes are kept only when they may run a compiler ("cc", "gcc",
// "$(CC)", "clang"), to bound memory on large Makefiles.
static void add_recipe(make_state *st, const char *s, size_t n, uint32_t line)
{
	char *text = bh_xstrndup(s, n);
	if (!strstr(text, "cc") && !strstr(text, "CC") && !strstr(text, "clang")) {
		free(text);
		return;
	}
	if (st->recipes.len >= MAX_RECIPES) {
		st->limited = true;
		free(text);
		return;
	}
	bh_vec_push(&st->recipes, ((recipe){ text, line }));
}

typedef enum { OP_RECURSIVE, OP_SIMPLE, OP_COND, OP_APPEND, OP_SHELL } assign_op;

// assignment = name ( "=" | ":=" | "::=" | ":::=" | "?=" | "+=" | "!=" ) value
static void assign(make_state *st, const char *name, size_t nlen, assign_op op,
		   const char *value, size_t vlen, uint32_t line)
{
	make_var *v = lookup(st, name, nlen, false);
	if (op == OP_COND && v)
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
		buf_dispose(&more);
		return;
	}
	buf val = { 0 };
	bool simple = op == OP_SIMPLE || op == OP_SHELL;
	if (op == OP_SHELL)
		buf_add(st, &val, UNRESOLVED, strlen(UNRESOLVED), MAX_VALUE);
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
	v->line = line;
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
	if (word_is(s, w, "else") || word_is(s, w, "include") || word_is(s, w, "-include") ||
	    word_is(s, w, "sinclude") || word_is(s, w, "vpath") || word_is(s, w, "unexport"))
		return;
	// Modifiers before an assignment or a define.
	while (w < n && (word_is(s, w, "override") || word_is(s, w, "export") ||
			 word_is(s, w, "private"))) {
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
				// targets : prerequisites ; recipe
				const char *semi = memchr(s + i, ';', n - i);
				if (semi && st->cond_depth == 0)
					add_recipe(st, semi + 1, n - (size_t)(semi + 1 - s), line);
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
		size_t nlen = op_at;
		while (nlen > 0 && is_blank(s[nlen - 1]))
			nlen--;
		for (size_t k = 0; k < nlen; k++)
			if (is_blank(s[k]) || s[k] == '$')
				return; // "a b = c" or a computed name: not ours
		if (nlen == 0 || st->cond_depth > 0)
			return;
		const char *value = s + op_at + op_len;
		size_t vlen = n - (op_at + op_len);
		while (vlen > 0 && is_blank(*value)) {
			value++;
			vlen--;
		}
		assign(st, s, nlen, op, value, vlen, line);
		return;
	}
}

/* ----------------------------------------------------------------- flags */

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

// A word that ends a shell command: "&&", "||", "|", ";" or "x.c;".
static bool ends_command(const char *w)
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
		if (i > 0 && !ends_command(argv[i - 1]))
			continue;
		const char *w = argv[i];
		while (i == 0 && (*w == '@' || *w == '-' || *w == '+'))
			w++; // recipe prefixes: silent, ignore errors, always run
		if (!bh_img_is_c_compiler(w))
			continue;
		size_t end = i + 1;
		while (end < argc && !ends_command(argv[end]))
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
	make_state st = { 0 };
	st.vars = bh_xmalloc(MAX_VARS * sizeof(*st.vars));
	st.table = bh_xcalloc(TABLE_SIZE, sizeof(*st.table));
	buf line = { 0 };
	size_t pos = 0;
	uint32_t lineno = 1, first = 1;
	while (text && next_line(&st, &line, text, len, &pos, &lineno, &first)) {
		if (line.len > 0 && line.s[0] == '\t' && st.seen_rule && !st.in_define) {
			if (st.cond_depth == 0)
				add_recipe(&st, line.s + 1, line.len - 1, first);
			continue;
		}
		parse_line(&st, line.s ? line.s : "", line.len, first);
	}
	buf_dispose(&line);

	bh_arena *scratch = bh_arena_new();
	const char *slash = path ? strrchr(path, '/') : NULL;
	make_paths mp = { root, "" };
	if (slash)
		mp.dir = bh_arena_strndup(scratch, path, (size_t)(slash - path));
	bh_disc__str_vec flags = { 0 };
	uint32_t origin = 0;
	static const char *const vars[] = { "CPPFLAGS", "CFLAGS" };
	for (size_t i = 0; i < BH_ARRAY_LEN(vars); i++) {
		make_var *v = lookup(&st, vars[i], strlen(vars[i]), false);
		if (!v)
			continue;
		buf e = { 0 };
		char ref[16];
		snprintf(ref, sizeof(ref), "$(%s)", vars[i]);
		expand(&st, &e, ref, strlen(ref), 0);
		if (e.s && take_text(&flags, arena, scratch, e.s, &mp, false) &&
		    (!origin || v->line < origin))
			origin = v->line;
		buf_dispose(&e);
	}
	for (size_t i = 0; i < st.recipes.len; i++) {
		buf e = { 0 };
		expand(&st, &e, st.recipes.items[i].text, strlen(st.recipes.items[i].text), 0);
		if (e.s && take_text(&flags, arena, scratch, e.s, &mp, true) &&
		    (!origin || st.recipes.items[i].line < origin))
			origin = st.recipes.items[i].line;
		buf_dispose(&e);
		free(st.recipes.items[i].text);
	}
	if (st.limited || flags.len >= BH_DISC__MAX_FLAGS)
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
	bh_vec_dispose(&st.recipes);
	for (size_t i = 0; i < st.nvars; i++) {
		free(st.vars[i].name);
		buf_dispose(&st.vars[i].value);
	}
	free(st.vars);
	free(st.table);
	bh_arena_free(scratch);
}
