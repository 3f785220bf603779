// SPDX-License-Identifier: MIT
// The `#define` lines of a C file, found by a lexer that knows comments,
// string and character literals and line continuations, as tree-sitter
// ranges: in macros scope only those lines are parsed (the rest of a file
// libclang covered holds nothing the fast path checks), not the whole
// file. Columns and rows are those of the file, so nodes keep their
// places.
//
// Requires: nothing. Provides: bh_tsc__define_lines.
#include <string.h>

#include "parse/c/tsc_internal.h"

typedef enum { CODE, BLOCK_COMMENT, LINE_COMMENT, STRING, CHAR } lex_state;

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
}

static bool is_ident(char ch, bool first)
{
	return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (!first && ch >= '0' && ch <= '9');
}

// A backslash-newline at `i` (`\` then `\n` or `\r\n`): its length, or 0.
static size_t continuation(const char *t, size_t len, size_t i)
{
	if (t[i] != '\\')
		return 0;
	if (i + 1 < len && t[i + 1] == '\n')
		return 2;
	if (i + 2 < len && t[i + 1] == '\r' && t[i + 2] == '\n')
		return 3;
	return 0;
}

// The state after character `i` (not a newline) in state `st`, moving `*i`
// past a two-character `/*`, `*/`, `//` or escape.
static lex_state step(const char *t, size_t len, size_t *i, lex_state st)
{
	char ch = t[*i];
	bool two = *i + 1 < len;
	switch (st) {
	case BLOCK_COMMENT:
		if (ch == '*' && two && t[*i + 1] == '/') {
			(*i)++;
			return CODE;
		}
		return st;
	case LINE_COMMENT:
		return st;
	case STRING:
	case CHAR:
		if (ch == '\\' && two && t[*i + 1] != '\n')
			(*i)++;
		else if (ch == (st == STRING ? '"' : '\''))
			return CODE;
		return st;
	case CODE:
		if (ch == '/' && two && (t[*i + 1] == '*' || t[*i + 1] == '/')) {
			(*i)++;
			return t[*i] == '*' ? BLOCK_COMMENT : LINE_COMMENT;
		}
		return ch == '"' ? STRING : ch == '\'' ? CHAR : CODE;
	}
	return st;
}

// The end of the directive that starts at `from`: just past the newline
// that ends its logical line (the grammar wants it), or `len`, with the
// rows it spans in `*rows` and the offset of its last line's start in
// `*last_line`.
static size_t directive_end(const char *t, size_t len, size_t from, uint32_t *rows, size_t *last_line)
{
	lex_state st = CODE;
	*rows = 0;
	*last_line = from;
	for (size_t i = from; i < len; i++) {
		size_t k = continuation(t, len, i);
		if (k && st != BLOCK_COMMENT) {
			i += k - 1;
			(*rows)++;
			*last_line = i + 1;
			continue;
		}
		char ch = t[i];
		if (ch == '\n') {
			(*rows)++;
			*last_line = i + 1;
			if (st != BLOCK_COMMENT)
				return i + 1; // (an unterminated literal ends here too)
			continue;
		}
		st = step(t, len, &i, st);
	}
	return len;
}

// Is there a `define NAME` directive body at `i` (just after the `#` and
// blanks)? Its name, truncated as the prefilter truncates it, in `name`.
static bool define_at(const char *t, size_t len, size_t i, char name[128])
{
	if (len - i < 7 || memcmp(t + i, "define", 6) != 0 || !is_blank(t[i + 6]))
		return false;
	i += 6;
	while (i < len && is_blank(t[i]))
		i++;
	size_t n = 0;
	while (i < len && n + 1 < 128 && is_ident(t[i], n == 0))
		name[n++] = t[i++];
	name[n] = '\0';
	return n > 0;
}

// Does the `{` at `i` open an `extern "C" {` block (a C header made fit
// for C++: xxhash.h wraps its whole body in one)? Its directives are at
// file scope all the same.
static bool opens_extern_c(const char *t, size_t i)
{
	static const char tail[] = "extern \"C\"";
	size_t j = i;
	while (j > 0 && (is_blank(t[j - 1]) || t[j - 1] == '\n'))
		j--;
	size_t n = sizeof(tail) - 1;
	return j >= n && memcmp(t + j - n, tail, n) == 0 && (j == n || !is_ident(t[j - n - 1], false));
}

size_t bh_tsc__define_lines(const char *t, size_t len, bool (*wanted)(const char *name), TSRange *out,
			    size_t max)
{
	lex_state st = CODE;
	bool line_start = true; // only blanks so far on this line, in code
	uint32_t row = 0;
	size_t line = 0, n = 0;
	long depth = 0;         // braces open: a directive inside a body is parsed with it
	long extern_c = 0;      // `extern "C" {` blocks open at file scope
	for (size_t i = 0; i < len; i++) {
		size_t k = continuation(t, len, i);
		if (k && st != BLOCK_COMMENT) {
			i += k - 1;
			row++;
			line = i + 1;
			continue;
		}
		char ch = t[i];
		if (ch == '\n') {
			row++;
			line = i + 1;
			if (st != BLOCK_COMMENT)
				st = CODE;
			line_start = st == CODE;
			continue;
		}
		if (st != CODE) {
			st = step(t, len, &i, st);
			continue;
		}
		if (line_start && is_blank(ch))
			continue;
		if (line_start && ch == '#') {
			size_t j = i + 1;
			while (j < len && is_blank(t[j]))
				j++;
			char name[128];
			uint32_t rows;
			size_t last, end;
			// (A value without a string literal is nothing the
			// credential rules report: `#define XXH_SECRET_SIZE 192`.)
			if (define_at(t, len, j, name) && wanted(name) &&
			    memchr(t + j, '"', (end = directive_end(t, len, i, &rows, &last)) - j)) {
				// (Inside a function its finding names the function:
				// only the whole file says which.)
				if (n == max || depth != 0)
					return SIZE_MAX;
				out[n++] = (TSRange){
					.start_point = { row, 0 },
					.end_point = { row + rows, (uint32_t)(end - last) },
					.start_byte = (uint32_t)line,
					.end_byte = (uint32_t)end,
				};
			}
		}
		line_start = false;
		st = step(t, len, &i, st);
		if (st == CODE && ch == '{' && depth == 0 && opens_extern_c(t, i))
			extern_c++;
		else if (st == CODE && ch == '{')
			depth++;
		else if (st == CODE && ch == '}' && depth == 0 && extern_c > 0)
			extern_c--;
		else if (st == CODE && ch == '}')
			depth--;
	}
	return n;
}
