// SPDX-License-Identifier: MIT
// Dockerfile instruction vocabulary: keywords, which flags each instruction
// accepts, Docker's word splitting, the JSON (exec form) array reader and
// heredoc markers. Used by df_parse.c; every function is pure.
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "bulkhead/text.h"
#include "df_internal.h"

static const struct {
	const char *name;
	bh_df_kind kind;
} keywords[] = {
	{ "FROM", BH_DF_FROM },         { "RUN", BH_DF_RUN },
	{ "CMD", BH_DF_CMD },           { "LABEL", BH_DF_LABEL },
	{ "MAINTAINER", BH_DF_MAINTAINER }, { "EXPOSE", BH_DF_EXPOSE },
	{ "ENV", BH_DF_ENV },           { "ADD", BH_DF_ADD },
	{ "COPY", BH_DF_COPY },         { "ENTRYPOINT", BH_DF_ENTRYPOINT },
	{ "VOLUME", BH_DF_VOLUME },     { "USER", BH_DF_USER },
	{ "WORKDIR", BH_DF_WORKDIR },   { "ARG", BH_DF_ARG },
	{ "ONBUILD", BH_DF_ONBUILD },   { "STOPSIGNAL", BH_DF_STOPSIGNAL },
	{ "HEALTHCHECK", BH_DF_HEALTHCHECK }, { "SHELL", BH_DF_SHELL },
};

const char *bh_df_kind_name(bh_df_kind kind)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(keywords); i++)
		if (keywords[i].kind == kind)
			return keywords[i].name;
	return "?";
}

bh_df_kind bh_df__keyword(const char *word, size_t len)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(keywords); i++)
		if (strlen(keywords[i].name) == len && strncasecmp(keywords[i].name, word, len) == 0)
			return keywords[i].kind;
	return BH_DF_ERROR;
}

// The flags of the Dockerfile reference (dockerfile:1 labs included).
bool bh_df__flag_allowed(bh_df_kind kind, const char *flag)
{
	static const char *const from[] = { "platform", NULL };
	static const char *const run[] = { "mount", "network", "security", NULL };
	static const char *const copy[] = { "from", "chown", "chmod", "link", "parents",
					    "exclude", NULL };
	static const char *const add[] = { "chown", "chmod", "link", "checksum",
					   "keep-git-dir", "exclude", "parents", "unpack", NULL };
	static const char *const health[] = { "interval", "timeout", "start-period",
					      "start-interval", "retries", NULL };
	const char *const *list = NULL;
	switch (kind) {
	case BH_DF_FROM: list = from; break;
	case BH_DF_RUN: list = run; break;
	case BH_DF_COPY: list = copy; break;
	case BH_DF_ADD: list = add; break;
	case BH_DF_HEALTHCHECK: list = health; break;
	default: return false;
	}
	for (; *list; list++)
		if (strcmp(*list, flag) == 0)
			return true;
	return false;
}

const bh_df_flag *bh_df_flag_get(const bh_df_instr *instr, const char *name)
{
	for (size_t i = 0; i < instr->nflags; i++)
		if (strcmp(instr->flags[i].name, name) == 0)
			return &instr->flags[i];
	return NULL;
}

// Docker's parseWords: split on whitespace outside quotes; quotes and
// escapes stay in the word (expansion removes them later).
size_t bh_df_split_words(const char ***words_out, bh_arena *arena, const char *text, char escape)
{
	BH_VEC(const char *) words = { 0 };
	const char *p = text;
	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		const char *start = p;
		char quote = 0;
		while (*p) {
			if (*p == escape && p[1] && quote != '\'') {
				p += 2;
				continue;
			}
			if (quote) {
				if (*p == quote)
					quote = 0;
			} else if (*p == '"' || *p == '\'') {
				quote = *p;
			} else if (isspace((unsigned char)*p)) {
				break;
			}
			p++;
		}
		bh_vec_push(&words, bh_arena_strndup(arena, start, (size_t)(p - start)));
	}
	const char **arr = bh_arena_alloc(arena, (words.len + 1) * sizeof(*arr));
	if (words.len)
		memcpy(arr, words.items, words.len * sizeof(*arr));
	size_t n = words.len;
	bh_vec_dispose(&words);
	*words_out = arr;
	return n;
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static bool read_hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int h = bh_hex_digit(p[i]);
		if (h < 0)
			return false;
		v = v * 16 + (unsigned)h;
	}
	*out = v;
	return true;
}

// json-string = '"' ( char | '\' escape )* '"'
static const char *parse_json_string(const char *p, bh_arena *arena, const char **out,
				     const char **why)
{
	const char *start = ++p;
	size_t cap = 0;
	for (const char *q = p; *q && *q != '"'; q++, cap++)
		if (*q == '\\' && q[1])
			q++;
	char *buf = bh_arena_alloc(arena, cap * 2 + 8);
	size_t len = 0;
	(void)start;
	while (*p && *p != '"') {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20) {
			*why = "control character in a string";
			return NULL;
		}
		if (c != '\\') {
			buf[len++] = (char)c;
			p++;
			continue;
		}
		p++;
		switch (*p) {
		case '"': buf[len++] = '"'; break;
		case '\\': buf[len++] = '\\'; break;
		case '/': buf[len++] = '/'; break;
		case 'b': buf[len++] = '\b'; break;
		case 'f': buf[len++] = '\f'; break;
		case 'n': buf[len++] = '\n'; break;
		case 'r': buf[len++] = '\r'; break;
		case 't': buf[len++] = '\t'; break;
		case 'u': {
			unsigned cp;
			if (!read_hex4(p + 1, &cp)) {
				*why = "bad \\u escape";
				return NULL;
			}
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
				unsigned lo;
				if (read_hex4(p + 3, &lo) && lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				}
			}
			len += bh_utf8_encode(buf + len, cp);
			break;
		}
		default:
			*why = "bad escape in a string";
			return NULL;
		}
		p++;
	}
	if (*p != '"') {
		*why = "unterminated string";
		return NULL;
	}
	buf[len] = '\0';
	*out = buf;
	return p + 1;
}

// json-array = '[' ( json-string ( ',' json-string )* )? ']'
bool bh_df__parse_json_array(const char ***out, size_t *n, bh_arena *arena,
			     const char *text, const char **why)
{
	BH_VEC(const char *) items = { 0 };
	bool ok = false;
	const char *p = skip_ws(text);
	*why = "not a JSON array";
	if (*p != '[')
		goto out;
	p = skip_ws(p + 1);
	if (*p == ']') {
		p++;
	} else {
		for (;;) {
			if (*p != '"') {
				*why = "expected a string";
				goto out;
			}
			const char *s;
			if (!(p = parse_json_string(p, arena, &s, why)))
				goto out;
			bh_vec_push(&items, s);
			p = skip_ws(p);
			if (*p == ',') {
				p = skip_ws(p + 1);
				continue;
			}
			if (*p == ']') {
				p++;
				break;
			}
			*why = *p ? "expected ',' or ']'" : "missing ']'";
			goto out;
		}
	}
	p = skip_ws(p);
	if (*p) {
		*why = "text after ']'";
		goto out;
	}
	*n = items.len;
	*out = bh_arena_alloc(arena, (items.len + 1) * sizeof(**out));
	if (items.len)
		memcpy(*out, items.items, items.len * sizeof(**out));
	ok = true;
out:
	bh_vec_dispose(&items);
	return ok;
}

// heredoc = digit* "<<" "-"? name        name = ( [^<] )+, possibly quoted
// As in BuildKit (`^(\d*)<<(-?)([^<]*)$` on each word), a marker must be a
// whole word of the instruction, so "$((1<<2))" or "a<<b" are not heredocs
// and "<<<" is a here-string; names may hold dots (`<<robots.txt`). A
// quoted name turns expansion off in the body.
size_t bh_df__find_heredocs(bh_df_heredoc **out, bh_arena *arena, const char *text, char escape)
{
	BH_VEC(bh_df_heredoc) docs = { 0 };
	const char **words;
	size_t nwords = bh_df_split_words(&words, arena, text, escape);
	for (size_t i = 0; i < nwords; i++) {
		const char *q = words[i];
		while (isdigit((unsigned char)*q))
			q++;
		if (q[0] != '<' || q[1] != '<')
			continue;
		q += 2;
		bool strip = false, quoted = false;
		if (*q == '-') {
			strip = true;
			q++;
		}
		if (!*q || strchr(q, '<'))
			continue;
		size_t wl = strlen(q);
		const char *ws = q;
		if ((q[0] == '"' || q[0] == '\'') && wl >= 3 && q[wl - 1] == q[0]) {
			ws = q + 1;
			wl -= 2;
			quoted = true;
		} else if (strpbrk(q, "\"'")) {
			continue; // unbalanced quotes: not a marker we can trust
		}
		bh_df_heredoc *h = bh_vec_grow_one(&docs);
		h->word = bh_arena_strndup(arena, ws, wl);
		h->strip_tabs = strip;
		h->quoted = quoted;
	}
	*out = bh_arena_alloc(arena, (docs.len + 1) * sizeof(**out));
	if (docs.len)
		memcpy(*out, docs.items, docs.len * sizeof(**out));
	size_t n = docs.len;
	bh_vec_dispose(&docs);
	return n;
}
