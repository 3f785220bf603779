// SPDX-License-Identifier: MIT
// Call models: the parser of the model lines of c.unchecked-return and
// c.toctou (rules/c/calls.models) and the lookup by function name.
//
//   line     = "must-check" function failure [ verify ] [ text ]
//            | "status" function failure
//            | "count" function place
//            | "check" function place [ out ]
//            | "use" function place
//   failure  = "minus1" | "errno" | "null" | "map-failed"
//   verify   = "verify=" name { "," name }
//   place    = "arg" N
//   out      = "out" N
//   text     = the rest of the line: what goes wrong when the failure is ignored
//
// A bad line is a diagnostic and is skipped.
#include <stddef.h>
#include <string.h>

#include "bulkhead/call_checks.h"
#include "bulkhead/diag.h"
#include "dataflow/flow_models.h"

// The built-in models, embedded from rules/c/calls.models at build time.
extern const char bh_calls__builtin_models[];

void bh_calls_models_init(bh_calls_models *m)
{
	memset(m, 0, sizeof(*m));
}

void bh_calls_models_dispose(bh_calls_models *m)
{
	bh_vec_dispose(&m->items);
	m->sealed = false;
}

static bool parse_kind(const char *word, bh_calls_model_kind *out)
{
	static const struct {
		const char *name;
		bh_calls_model_kind kind;
	} kinds[] = {
		{ "must-check", BH_CALLS_MUST_CHECK },
		{ "status", BH_CALLS_STATUS },
		{ "count", BH_CALLS_COUNT },
		{ "check", BH_CALLS_CHECK },
		{ "use", BH_CALLS_USE },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++)
		if (strcmp(word, kinds[i].name) == 0) {
			*out = kinds[i].kind;
			return true;
		}
	return false;
}

static bool parse_failure(const char *word, bh_calls_failure *out)
{
	static const struct {
		const char *name;
		bh_calls_failure failure;
	} failures[] = {
		{ "minus1", BH_CALLS_FAIL_MINUS1 },
		{ "errno", BH_CALLS_FAIL_ERRNO },
		{ "null", BH_CALLS_FAIL_NULL },
		{ "map-failed", BH_CALLS_FAIL_MAP_FAILED },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(failures); i++)
		if (strcmp(word, failures[i].name) == 0) {
			*out = failures[i].failure;
			return true;
		}
	return false;
}

// "argN" or "outN" (prefix given) into `*index`.
static bool parse_place(const char *word, const char *prefix, unsigned *index)
{
	size_t n = strlen(prefix);
	return strncmp(word, prefix, n) == 0 && bh_flow__parse_index(word + n, index, NULL);
}

// "verify=getuid,geteuid": the names, at most BH_CALLS_MAX_VERIFY.
static const char *parse_verify(bh_calls_model *m, bh_arena *arena, const char *word)
{
	const char *s = word + strlen("verify=");
	size_t n = 0;
	while (*s) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		if (len == 0)
			return "empty name in verify=";
		if (n == BH_CALLS_MAX_VERIFY)
			return "too many verify= functions (at most 4)";
		m->verify[n++] = bh_arena_strndup(arena, s, len);
		s += len + (comma ? 1 : 0);
	}
	return n ? NULL : "verify= needs function names";
}

// The rest of a must-check line: optional verify=, then the text.
static const char *parse_must_check_tail(bh_calls_model *m, bh_arena *arena, const char *p)
{
	const char *save = p;
	const char *word = bh_flow__next_word(arena, &p);
	if (word && strncmp(word, "verify=", 7) == 0) {
		const char *why = parse_verify(m, arena, word);
		if (why)
			return why;
	} else {
		p = save;
	}
	m->consequence = bh_flow__trimmed(arena, p);
	return NULL;
}

// Parse one line (comment already removed); NULL on success, else why not.
static const char *parse_line(bh_calls_model *m, bh_arena *arena, const char *line)
{
	const char *p = line;
	const char *kind = bh_flow__next_word(arena, &p), *fn = bh_flow__next_word(arena, &p);
	const char *third = bh_flow__next_word(arena, &p);
	m->out = -1;
	if (!kind || !fn || !third)
		return "expected: kind function failure|place";
	if (!parse_kind(kind, &m->kind))
		return "unknown kind (must-check, status, count, check or use)";
	m->function = fn;
	switch (m->kind) {
	case BH_CALLS_MUST_CHECK:
		if (!parse_failure(third, &m->failure))
			return "unknown failure (minus1, errno, null or map-failed)";
		return parse_must_check_tail(m, arena, p);
	case BH_CALLS_STATUS:
		if (!parse_failure(third, &m->failure))
			return "unknown failure (minus1, errno, null or map-failed)";
		break;
	case BH_CALLS_COUNT:
	case BH_CALLS_USE:
	case BH_CALLS_CHECK:
		if (!parse_place(third, "arg", &m->arg))
			return "bad place (argN)";
		if (m->kind == BH_CALLS_CHECK) {
			const char *save = p;
			const char *out = bh_flow__next_word(arena, &p);
			unsigned o;
			if (out && parse_place(out, "out", &o))
				m->out = (int)o;
			else
				p = save;
		}
		break;
	}
	if (bh_flow__next_word(arena, &p))
		return "unexpected text after the model";
	return NULL;
}

static const char *parse_model(void *model, bh_arena *arena, const char *line)
{
	return parse_line(model, arena, line);
}

size_t bh_calls_models_parse(bh_calls_models *m, bh_arena *arena, const char *text,
			     const char *origin_path, unsigned first_line, bh_diags *diags)
{
	bh_assert(!m->sealed);
	static const bh_flow__model_format format = {
		sizeof(bh_calls_model),
		offsetof(bh_calls_model, origin),
		"calls.bad-model",
		"call model",
		parse_model,
	};
	return bh_flow__parse_models(&format, (void **)&m->items.items, &m->items.len,
				     &m->items.cap, arena, text, origin_path, first_line, diags);
}

void bh_calls_models_add_builtin(bh_calls_models *m, bh_arena *arena, bh_diags *diags)
{
	bh_calls_models_parse(m, arena, bh_calls__builtin_models, "rules/c/calls.models", 1, diags);
}

const bh_calls_model *bh_calls_models_find(bh_calls_models *m, const char *function, size_t *count)
{
	if (!m->sealed) {
		bh_flow__sort_models(m->items.items, m->items.len, sizeof(*m->items.items),
				     offsetof(bh_calls_model, function));
		m->sealed = true;
	}
	return bh_flow__find_models(m->items.items, m->items.len, sizeof(*m->items.items),
				    offsetof(bh_calls_model, function), function, count);
}
