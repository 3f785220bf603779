// SPDX-License-Identifier: MIT
// Taint models: the parser of the model lines (rules/c/taint.models, and the
// user's lines from .bulkhead.json) and the lookup by function name that the
// taint analysis uses at every call.
//
//   line   = kind function place [ "->" place ] [ text ]
//   kind   = "source" | "byte-source" | "local-source" | "propagate" | "sink"
//          | "sanitize" | "guard"
//   place  = "ret" | "arg" N [ ".." ] | "param" N | "global:" NAME
//
// A source's text names the data in messages; a sink's text is a rule id of
// the registry. A bad line is a diagnostic and is skipped: one typo in a
// user's config must not turn the analysis off.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/taint.h"

// The built-in models, embedded from rules/c/taint.models at build time.
extern const char bh_taint__builtin_models[];

void bh_taint_models_init(bh_taint_models *m)
{
	memset(m, 0, sizeof(*m));
}

void bh_taint_models_dispose(bh_taint_models *m)
{
	bh_vec_dispose(&m->items);
	m->sealed = false;
}

// One blank-separated word of `*p` (advanced past it) into `arena`, or NULL.
static const char *next_word(bh_arena *arena, const char **p)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	const char *start = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	*p = s;
	return s > start ? bh_arena_strndup(arena, start, (size_t)(s - start)) : NULL;
}

static bool parse_index(const char *s, unsigned *index, bool *and_after)
{
	if (!isdigit((unsigned char)*s))
		return false;
	char *end;
	unsigned long n = strtoul(s, &end, 10);
	if (n > 255)
		return false;
	*index = (unsigned)n;
	if (and_after && strcmp(end, "..") == 0) {
		*and_after = true;
		return true;
	}
	return *end == '\0';
}

static bool parse_place(const char *word, bh_taint_place *out)
{
	memset(out, 0, sizeof(*out));
	if (strcmp(word, "ret") == 0) {
		out->kind = BH_TAINT_PLACE_RET;
		return true;
	}
	if (strncmp(word, "arg", 3) == 0) {
		out->kind = BH_TAINT_PLACE_ARG;
		return parse_index(word + 3, &out->index, &out->and_after);
	}
	if (strncmp(word, "param", 5) == 0) {
		out->kind = BH_TAINT_PLACE_PARAM;
		return parse_index(word + 5, &out->index, NULL);
	}
	if (strncmp(word, "global:", 7) == 0 && word[7]) {
		out->kind = BH_TAINT_PLACE_GLOBAL;
		out->global = word + 7;
		return true;
	}
	return false;
}

static bool parse_kind(const char *word, bh_taint_model_kind *out)
{
	static const struct {
		const char *name;
		bh_taint_model_kind kind;
	} kinds[] = {
		{ "source", BH_TAINT_SOURCE },       { "byte-source", BH_TAINT_SOURCE },
		{ "local-source", BH_TAINT_SOURCE },
		{ "propagate", BH_TAINT_PROPAGATE },
		{ "sink", BH_TAINT_SINK },           { "sanitize", BH_TAINT_SANITIZE },
		{ "guard", BH_TAINT_GUARD },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++)
		if (strcmp(word, kinds[i].name) == 0) {
			*out = kinds[i].kind;
			return true;
		}
	return false;
}

static const char *trimmed(bh_arena *arena, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n ? bh_arena_strndup(arena, s, n) : NULL;
}

// Parse one line (comment already removed); NULL on success, else why not.
static const char *parse_line(bh_taint_model *m, bh_arena *arena, const char *line)
{
	const char *p = line;
	const char *kind = next_word(arena, &p), *fn = next_word(arena, &p);
	const char *place = next_word(arena, &p);
	if (!kind || !fn || !place)
		return "expected: kind function place";
	if (!parse_kind(kind, &m->kind))
		return "unknown kind (source, byte-source, local-source, propagate, sink, sanitize or guard)";
	m->bounded = strcmp(kind, "byte-source") == 0;
	m->local = strcmp(kind, "local-source") == 0;
	m->function = fn;
	if (m->kind == BH_TAINT_PROPAGATE) {
		const char *arrow = next_word(arena, &p), *to = next_word(arena, &p);
		if (!arrow || strcmp(arrow, "->") != 0 || !to)
			return "propagate needs: function from -> to";
		if (!parse_place(place, &m->from) || !parse_place(to, &m->to))
			return "bad place (ret, argN, argN.., paramN or global:NAME)";
		if (m->from.kind == BH_TAINT_PLACE_PARAM || m->to.kind == BH_TAINT_PLACE_PARAM)
			return "propagate works on ret, argN and global:NAME";
	} else if (!parse_place(place, &m->to)) {
		return "bad place (ret, argN, argN.., paramN or global:NAME)";
	}
	const char *rest = trimmed(arena, p);
	switch (m->kind) {
	case BH_TAINT_SOURCE:
		m->what = rest ? rest : "untrusted input";
		break;
	case BH_TAINT_SINK:
		if (!rest)
			return "sink needs a rule id";
		m->rule = bh_rule_find(rest);
		if (!m->rule)
			return "unknown rule id";
		if (strncmp(rest, "c.", 2) != 0)
			return "a sink's rule must be a c.* rule";
		break;
	case BH_TAINT_SANITIZE:
		if (m->to.kind != BH_TAINT_PLACE_RET)
			return "sanitize works on ret";
		break;
	case BH_TAINT_GUARD:
		if (m->to.kind != BH_TAINT_PLACE_ARG)
			return "guard works on argN";
		break;
	case BH_TAINT_PROPAGATE:
		break;
	}
	if (m->kind != BH_TAINT_SOURCE && m->kind != BH_TAINT_SINK && rest)
		return "unexpected text after the place";
	if (m->to.kind == BH_TAINT_PLACE_PARAM && m->kind != BH_TAINT_SOURCE)
		return "paramN is only for sources";
	return NULL;
}

size_t bh_taint_models_parse(bh_taint_models *m, bh_arena *arena, const char *text,
			     const char *origin_path, unsigned first_line, bh_diags *diags)
{
	bh_assert(!m->sealed);
	size_t bad = 0;
	unsigned lineno = first_line;
	for (const char *s = text; s && *s; lineno++) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		const char *hash = memchr(s, '#', len);
		char *line = bh_arena_strndup(arena, s, hash ? (size_t)(hash - s) : len);
		s = nl ? nl + 1 : NULL;
		if (!trimmed(arena, line))
			continue;
		bh_taint_model model;
		memset(&model, 0, sizeof(model));
		const char *why = parse_line(&model, arena, line);
		if (why) {
			bh_diag_add(diags, BH_LEVEL_ERROR, "taint.bad-model", origin_path, lineno, 0,
				    "taint model skipped: %s", why);
			bad++;
			continue;
		}
		model.origin.path = origin_path;
		model.origin.line = lineno;
		bh_vec_push(&m->items, model);
	}
	return bad;
}

void bh_taint_models_add_builtin(bh_taint_models *m, bh_arena *arena, bh_diags *diags)
{
	bh_taint_models_parse(m, arena, bh_taint__builtin_models, "rules/c/taint.models", 1, diags);
}

// Stable sort by function name: models of one function keep their order.
static int compare_models(const void *a, const void *b)
{
	const bh_taint_model *x = a, *y = b;
	int c = strcmp(x->function, y->function);
	if (c)
		return c;
	return x < y ? -1 : x > y;
}

const bh_taint_model *bh_taint_models_find(bh_taint_models *m, const char *function,
					   size_t *count)
{
	*count = 0;
	if (!m->sealed) {
		// qsort is not stable; comparing addresses last makes it so,
		// since the items are still in insertion order.
		qsort(m->items.items, m->items.len, sizeof(*m->items.items), compare_models);
		m->sealed = true;
	}
	if (!function || !m->items.len)
		return NULL;
	size_t lo = 0, hi = m->items.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(m->items.items[mid].function, function) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < m->items.len && strcmp(m->items.items[end].function, function) == 0)
		end++;
	*count = end - lo;
	return end > lo ? &m->items.items[lo] : NULL;
}
