// SPDX-License-Identifier: MIT
// Dockerfile lexer: from bytes to logical lines. First stage of the
// Dockerfile front end (df_lex -> df_parse -> bh_img).
//
// Docker reads a Dockerfile line by line. Parser directives are only
// recognised in the leading run of `# key=value` comments; any other line
// (a blank line, another comment, an instruction) ends them. A line whose
// last non-blank character is the escape character continues on the next
// line; comment lines and blank lines met while continuing are dropped
// (BuildKit only warns about the blank ones). Heredoc bodies are taken
// after the whole instruction line has been read.
//
// Invariants: every byte is consumed at most once, so the lexer runs in
// time linear in the input whatever it contains (NULs, a 1 MB line, no
// newline at all).
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "df_internal.h"

void bh_df__error_at(bh_df__lexer *lx, size_t offset, const char *fmt, ...)
{
	if (lx->errors->len >= lx->max_errors) {
		lx->nerrors_dropped++;
		return;
	}
	bh_df_error *e = bh_vec_grow_one(lx->errors);
	uint32_t line, col;
	bh_source_position(lx->src, offset, &line, &col);
	e->loc = (bh_loc){ lx->src->path, line, col, 0, 0 };
	va_list ap;
	va_start(ap, fmt);
	e->message = bh_arena_vsprintf(lx->arena, fmt, ap);
	va_end(ap);
}

// The physical line starting at `pos`: [start, end) without "\n" or "\r\n";
// `*next` is where the following line starts.
static void physical_line(const bh_df__lexer *lx, size_t pos, size_t *end, size_t *next)
{
	const char *nl = memchr(lx->data + pos, '\n', lx->len - pos);
	size_t e = nl ? (size_t)(nl - lx->data) : lx->len;
	*next = nl ? e + 1 : lx->len;
	if (e > pos && lx->data[e - 1] == '\r')
		e--;
	*end = e;
}

static size_t skip_blanks(const char *s, size_t pos, size_t end)
{
	while (pos < end && (s[pos] == ' ' || s[pos] == '\t'))
		pos++;
	return pos;
}

static bool is_blank_line(const bh_df__lexer *lx, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		if (!isspace((unsigned char)lx->data[i]))
			return false;
	return true;
}

static bool is_comment_line(const bh_df__lexer *lx, size_t start, size_t end)
{
	size_t p = skip_blanks(lx->data, start, end);
	return p < end && lx->data[p] == '#';
}

// directive = "#" blank* name blank* "=" blank* value blank*
// name = "syntax" | "escape" | "check"   (case-insensitive)
static bool parse_directive(bh_df__lexer *lx, bh_df_file *df, size_t start, size_t end,
			    bool *seen)
{
	const char *s = lx->data;
	size_t p = skip_blanks(s, start, end);
	if (p >= end || s[p] != '#')
		return false;
	p = skip_blanks(s, p + 1, end);
	size_t ks = p;
	while (p < end && (isalnum((unsigned char)s[p])))
		p++;
	size_t klen = p - ks;
	p = skip_blanks(s, p, end);
	if (klen == 0 || p >= end || s[p] != '=')
		return false;
	p = skip_blanks(s, p + 1, end);
	size_t ve = end;
	while (ve > p && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
		ve--;
	static const char *const names[] = { "syntax", "escape", "check" };
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++) {
		if (klen != strlen(names[i]) || strncasecmp(s + ks, names[i], klen) != 0)
			continue;
		if (seen[i]) {
			bh_df__error_at(lx, ks, "parser directive '%s' is given twice", names[i]);
			return true;
		}
		seen[i] = true;
		const char *value = bh_arena_strndup(lx->arena, s + p, ve - p);
		if (i == 0) {
			df->syntax = value;
		} else if (i == 2) {
			df->check = value;
		} else if (strcmp(value, "`") == 0 || strcmp(value, "\\") == 0) {
			df->escape = value[0];
			lx->escape = value[0];
		} else {
			bh_df__error_at(lx, p, "invalid escape character '%s': use '\\' or '`'", value);
		}
		return true;
	}
	return false; // an unknown directive is a comment: it ends the directives
}

void bh_df__lex_directives(bh_df__lexer *lx, bh_df_file *df)
{
	// A UTF-8 byte order mark is skipped, as BuildKit does.
	if (lx->len >= 3 && memcmp(lx->data, "\xEF\xBB\xBF", 3) == 0)
		lx->pos = 3;
	bool seen[3] = { false, false, false };
	while (lx->pos < lx->len) {
		size_t end, next;
		physical_line(lx, lx->pos, &end, &next);
		if (!parse_directive(lx, df, lx->pos, end, seen))
			return;
		lx->pos = next;
	}
}

// True if the line [start, end) ends with the escape character (trailing
// blanks allowed): the instruction continues on the next line. `*cut`
// gets the offset of the escape character.
static bool continues(const bh_df__lexer *lx, size_t start, size_t end, size_t *cut)
{
	size_t e = end;
	while (e > start && (lx->data[e - 1] == ' ' || lx->data[e - 1] == '\t'))
		e--;
	if (e == start || lx->data[e - 1] != lx->escape)
		return false;
	*cut = e - 1;
	return true;
}

static void append(bh_df__line *ln, size_t *cap, const char *s, size_t n, size_t src_off)
{
	if (ln->text_len + n + 1 > *cap) {
		*cap = (ln->text_len + n + 1) * 2;
		ln->text = bh_xrealloc(ln->text, *cap);
	}
	bh_vec_push(&ln->pieces, ((bh_df_piece){ (uint32_t)ln->text_len, (uint32_t)src_off }));
	memcpy(ln->text + ln->text_len, s, n);
	ln->text_len += n;
	ln->text[ln->text_len] = '\0';
}

bool bh_df__lex_line(bh_df__lexer *lx, bh_df__line *ln)
{
	memset(ln, 0, sizeof(*ln));
	size_t end, next;
	// Skip blank lines and comments between instructions.
	for (;;) {
		if (lx->pos >= lx->len)
			return false;
		physical_line(lx, lx->pos, &end, &next);
		if (!is_blank_line(lx, lx->pos, end) && !is_comment_line(lx, lx->pos, end))
			break;
		lx->pos = next;
	}
	size_t cap = 0;
	size_t start = skip_blanks(lx->data, lx->pos, end);
	ln->start = start;
	for (;;) {
		size_t cut;
		bool more = continues(lx, start, end, &cut);
		append(ln, &cap, lx->data + start, (more ? cut : end) - start, start);
		ln->end = end;
		lx->pos = next;
		if (!more)
			break;
		// Continuation: drop comment lines and blank lines, then join.
		for (;;) {
			if (lx->pos >= lx->len)
				goto done; // a trailing escape at EOF is accepted
			physical_line(lx, lx->pos, &end, &next);
			if (!is_comment_line(lx, lx->pos, end) && !is_blank_line(lx, lx->pos, end))
				break;
			lx->pos = next;
		}
		start = lx->pos;
	}
done:
	if (!ln->text) {
		ln->text = bh_xmalloc(1);
		ln->text[0] = '\0';
	}
	return true;
}

void bh_df__lex_heredocs(bh_df__lexer *lx, bh_df_heredoc *docs, size_t ndocs,
			 size_t instr_start, size_t *end_out)
{
	for (size_t i = 0; i < ndocs; i++) {
		bh_df_heredoc *h = &docs[i];
		char *body = NULL;
		size_t blen = 0, bcap = 0;
		uint32_t line, col;
		bh_source_position(lx->src, lx->pos, &line, &col);
		h->line = line;
		h->terminated = false;
		size_t wlen = strlen(h->word);
		while (lx->pos < lx->len) {
			size_t end, next;
			physical_line(lx, lx->pos, &end, &next);
			size_t s = lx->pos;
			if (h->strip_tabs)
				while (s < end && lx->data[s] == '\t')
					s++;
			lx->pos = next;
			*end_out = end;
			if (end - s == wlen && memcmp(lx->data + s, h->word, wlen) == 0) {
				h->terminated = true;
				break;
			}
			size_t n = end - s;
			if (!body || blen + n + 2 > bcap) {
				bcap = (blen + n + 2) * 2;
				body = bh_xrealloc(body, bcap);
			}
			memcpy(body + blen, lx->data + s, n);
			blen += n;
			body[blen++] = '\n';
		}
		h->body = bh_arena_strndup(lx->arena, body ? body : "", blen);
		free(body);
		if (!h->terminated)
			bh_df__error_at(lx, instr_start, "heredoc '%s' is not terminated: the file ends "
					"before a line '%s'", h->word, h->word);
	}
}
