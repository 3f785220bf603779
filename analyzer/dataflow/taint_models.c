// SPDX-License-Identifier: MIT
// Taint models: the parser of the model lines (rules/c/taint.models, and the
// user's lines from .bulkhead.json) and the lookup by function name that the
// taint analysis uses at every call.
//
//   line   = kind function place [ "->" place ] [ text ]
//   kind   = "source" | "byte-source" | "local-source" | "propagate" | "sink"
//          | "sanitize" | "guard" | "returns"
//   place  = "ret" | "arg" N [ ".." ] | "param" N | "global:" NAME
//
// A source's text names the data in messages; a sink's text is a rule id of
// the registry. A bad line is a diagnostic and is skipped: one typo in a
// user's config must not turn the analysis off.
#include <stddef.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/taint.h"
#include "dataflow/flow_models.h"

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

static bool parse_place(const char *word, bh_taint_place *out)
{
	memset(out, 0, sizeof(*out));
	if (strcmp(word, "ret") == 0) {
		out->kind = BH_TAINT_PLACE_RET;
		return true;
	}
	if (strncmp(word, "arg", 3) == 0) {
		out->kind = BH_TAINT_PLACE_ARG;
		return bh_flow__parse_index(word + 3, &out->index, &out->and_after);
	}
	if (strncmp(word, "param", 5) == 0) {
		out->kind = BH_TAINT_PLACE_PARAM;
		return bh_flow__parse_index(word + 5, &out->index, NULL);
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
		{ "guard", BH_TAINT_GUARD },         { "returns", BH_TAINT_RETURNS },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++)
		if (strcmp(word, kinds[i].name) == 0) {
			*out = kinds[i].kind;
			return true;
		}
	return false;
}

// Parse one line (comment already removed); NULL on success, else why not.
static const char *parse_line(bh_taint_model *m, bh_arena *arena, const char *line)
{
	const char *p = line;
	const char *kind = bh_flow__next_word(arena, &p), *fn = bh_flow__next_word(arena, &p);
	const char *place = bh_flow__next_word(arena, &p);
	if (!kind || !fn || !place)
		return "expected: kind function place";
	if (!parse_kind(kind, &m->kind))
		return "unknown kind (source, byte-source, local-source, propagate, sink, sanitize, guard or returns)";
	m->bounded = strcmp(kind, "byte-source") == 0;
	m->local = strcmp(kind, "local-source") == 0;
	m->function = fn;
	if (m->kind == BH_TAINT_PROPAGATE) {
		const char *arrow = bh_flow__next_word(arena, &p), *to = bh_flow__next_word(arena, &p);
		if (!arrow || strcmp(arrow, "->") != 0 || !to)
			return "propagate needs: function from -> to";
		if (!parse_place(place, &m->from) || !parse_place(to, &m->to))
			return "bad place (ret, argN, argN.., paramN or global:NAME)";
		if (m->from.kind == BH_TAINT_PLACE_PARAM || m->to.kind == BH_TAINT_PLACE_PARAM)
			return "propagate works on ret, argN and global:NAME";
	} else if (!parse_place(place, &m->to)) {
		return "bad place (ret, argN, argN.., paramN or global:NAME)";
	}
	const char *rest = bh_flow__trimmed(arena, p);
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
	case BH_TAINT_RETURNS:
		if (m->to.kind != BH_TAINT_PLACE_ARG || m->to.and_after)
			return "returns works on argN";
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

static const char *parse_model(void *model, bh_arena *arena, const char *line)
{
	return parse_line(model, arena, line);
}

size_t bh_taint_models_parse(bh_taint_models *m, bh_arena *arena, const char *text,
			     const char *origin_path, unsigned first_line, bh_diags *diags)
{
	bh_assert(!m->sealed);
	static const bh_flow__model_format format = {
		sizeof(bh_taint_model), offsetof(bh_taint_model, origin), "taint.bad-model", "taint model", parse_model,
	};
	return bh_flow__parse_models(&format, (void **)&m->items.items, &m->items.len, &m->items.cap,
				     arena, text, origin_path, first_line, diags);
}

void bh_taint_models_add_builtin(bh_taint_models *m, bh_arena *arena, bh_diags *diags)
{
	bh_taint_models_parse(m, arena, bh_taint__builtin_models, "rules/c/taint.models", 1, diags);
}

const bh_taint_model *bh_taint_models_find(bh_taint_models *m, const char *function,
					   size_t *count)
{
	if (!m->sealed) {
		bh_flow__sort_models(m->items.items, m->items.len, sizeof(*m->items.items),
				     offsetof(bh_taint_model, function));
		m->sealed = true;
	}
	return bh_flow__find_models(m->items.items, m->items.len, sizeof(*m->items.items),
				    offsetof(bh_taint_model, function), function, count);
}
