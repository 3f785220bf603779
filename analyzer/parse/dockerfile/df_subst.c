// SPDX-License-Identifier: MIT
// Variable substitution in Dockerfile words, as BuildKit's shell lexer does
// it (frontend/dockerfile/shell/lex.go): `$VAR`, `${VAR}`, the `-`, `:-`,
// `+` and `:+` modifiers, quotes, and the escape character.
//
// One deliberate difference: Docker expands a variable it does not know to
// the empty string, but a variable we do not know may well be set (by the
// base image's ENV, by --build-arg), so its reference is kept as written
// and the result is marked unknown. Rules then reason symbolically instead
// of on a value that is silently wrong.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "df_internal.h"

#define MAX_DEPTH 16 // nesting of ${a:-${b:-...}}

const char *bh_df_vars_get(const bh_df_vars *vars, const char *name, bool *found)
{
	for (size_t i = vars ? vars->len : 0; i-- > 0;) {
		if (strcmp(vars->items[i].name, name) == 0) {
			if (found)
				*found = true;
			return vars->items[i].value;
		}
	}
	if (found)
		*found = false;
	return NULL;
}

void bh_df_vars_set(bh_df_vars *vars, const char *name, const char *value)
{
	for (size_t i = 0; i < vars->len; i++) {
		if (strcmp(vars->items[i].name, name) == 0) {
			vars->items[i].value = value;
			return;
		}
	}
	bh_vec_push(vars, ((bh_df_var){ name, value }));
}

typedef struct {
	char *buf;
	size_t len, cap;
} strbuf;

static void put(strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->buf = bh_xrealloc(b->buf, b->cap);
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

static void putc_(strbuf *b, char c)
{
	put(b, &c, 1);
}

typedef struct {
	char escape;
	const bh_df_vars *vars;
	bool unknown;
} expander;

static void expand_into(expander *ex, strbuf *out, const char *s, size_t n, int depth);

// End of a ${...} reference starting at s[0] == '$', s[1] == '{': index of
// the matching '}' or n if unbalanced.
static size_t brace_end(const char *s, size_t n)
{
	int level = 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i] == '{')
			level++;
		else if (s[i] == '}' && --level == 0)
			return i;
	}
	return n;
}

// reference = "$" name | "${" name ( modifier word )? "}"
// Returns the number of bytes consumed at `s` (s[0] == '$').
static size_t expand_reference(expander *ex, strbuf *out, const char *s, size_t n, int depth)
{
	if (n >= 2 && s[1] == '{') {
		size_t end = brace_end(s, n);
		if (end == n) { // unbalanced: literal, as far as we can tell
			put(out, s, n);
			ex->unknown = true;
			return n;
		}
		size_t i = 2;
		while (i < end && (isalnum((unsigned char)s[i]) || s[i] == '_'))
			i++;
		char *name = bh_xstrndup(s + 2, i - 2);
		bool found = false;
		const char *val = bh_df_vars_get(ex->vars, name, &found);
		free(name);
		bool known = found && val;
		const char *op = s + i;
		size_t oplen = (op[0] == ':' && i + 1 < end) ? 2 : 1;
		const char *word = op + (i < end ? oplen : 0);
		size_t wlen = (size_t)(s + end - word);
		if (i == end) { // ${name}
			if (known)
				put(out, val, strlen(val));
		} else if (known && (op[0] == '-' || (op[0] == ':' && op[1] == '-'))) {
			if (op[0] == '-' || *val)
				put(out, val, strlen(val));
			else if (depth < MAX_DEPTH)
				expand_into(ex, out, word, wlen, depth + 1);
		} else if (known && (op[0] == '+' || (op[0] == ':' && op[1] == '+'))) {
			if ((op[0] == '+' || *val) && depth < MAX_DEPTH)
				expand_into(ex, out, word, wlen, depth + 1);
		} else {
			known = false; // unknown variable or an operator we do not model
		}
		if (!known) {
			put(out, s, end + 1);
			ex->unknown = true;
		}
		return end + 1;
	}
	size_t i = 1;
	if (i < n && (isalpha((unsigned char)s[i]) || s[i] == '_')) {
		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
			i++;
	}
	if (i == 1) { // "$" not followed by a name is a literal dollar
		putc_(out, '$');
		return 1;
	}
	char *name = bh_xstrndup(s + 1, i - 1);
	const char *val = bh_df_vars_get(ex->vars, name, NULL);
	free(name);
	if (val) {
		put(out, val, strlen(val));
	} else {
		put(out, s, i);
		ex->unknown = true;
	}
	return i;
}

static void expand_into(expander *ex, strbuf *out, const char *s, size_t n, int depth)
{
	char quote = 0;
	size_t i = 0;
	while (i < n) {
		char c = s[i];
		if (quote == '\'') {
			if (c == '\'')
				quote = 0;
			else
				putc_(out, c);
			i++;
		} else if (quote == '"') {
			if (c == '"') {
				quote = 0;
				i++;
			} else if (c == ex->escape && i + 1 < n &&
				   (s[i + 1] == '"' || s[i + 1] == '$' || s[i + 1] == ex->escape)) {
				putc_(out, s[i + 1]);
				i += 2;
			} else if (c == '$') {
				i += expand_reference(ex, out, s + i, n - i, depth);
			} else {
				putc_(out, c);
				i++;
			}
		} else if (c == ex->escape && i + 1 < n) {
			putc_(out, s[i + 1]);
			i += 2;
		} else if (c == '\'' || c == '"') {
			quote = c;
			i++;
		} else if (c == '$') {
			i += expand_reference(ex, out, s + i, n - i, depth);
		} else {
			putc_(out, c);
			i++;
		}
	}
}

const char *bh_df_expand(bh_arena *arena, const char *word, char escape,
			 const bh_df_vars *vars, bool *unknown)
{
	expander ex = { escape ? escape : '\\', vars, false };
	strbuf out = { 0 };
	put(&out, "", 0);
	expand_into(&ex, &out, word, strlen(word), 0);
	const char *r = bh_arena_strndup(arena, out.buf, out.len);
	free(out.buf);
	if (unknown)
		*unknown = ex.unknown;
	return r;
}
