// SPDX-License-Identifier: MIT
// Memory models: the parser of the model lines (rules/c/memory.models, and
// the user's lines from .bulkhead.json) and the lookup by function name.
//
//   line   = kind function place [ family ] [ "may-fail" ] [ "nonzero-fails" ]
//            [ "when" "arg" N "=" integer ]
//   kind   = "alloc" | "release" | "realloc" | "may-null" | "deref" | "borrow"
//          | "format" | "adopt"
//   place  = "ret" | "arg" N [ ".." ] | "out" N
//   family = "heap" | "stream" | "pipe" | "dir" | "map" | "fd" | "stack"
//
// A bad line is a diagnostic and is skipped.
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/diag.h"
#include "bulkhead/mem.h"
#include "dataflow/flow_models.h"

// The built-in models, embedded from rules/c/memory.models at build time.
extern const char bh_mem__builtin_models[];

static const char *const family_names[BH_MEM__FAMILY_COUNT] = {
	[BH_MEM_FAMILY_NONE] = "", [BH_MEM_FAMILY_HEAP] = "heap", [BH_MEM_FAMILY_STREAM] = "stream",
	[BH_MEM_FAMILY_PIPE] = "pipe", [BH_MEM_FAMILY_DIR] = "dir", [BH_MEM_FAMILY_MAP] = "map",
	[BH_MEM_FAMILY_FD] = "fd", [BH_MEM_FAMILY_STACK] = "stack",
};

static const char *const releasers[BH_MEM__FAMILY_COUNT] = {
	[BH_MEM_FAMILY_NONE] = "a release function", [BH_MEM_FAMILY_HEAP] = "free",
	[BH_MEM_FAMILY_STREAM] = "fclose", [BH_MEM_FAMILY_PIPE] = "pclose",
	[BH_MEM_FAMILY_DIR] = "closedir", [BH_MEM_FAMILY_MAP] = "munmap",
	[BH_MEM_FAMILY_FD] = "close",
	[BH_MEM_FAMILY_STACK] = "nothing (it is freed when the function returns)",
};

const char *bh_mem__family_name(bh_mem_family f)
{
	return (unsigned)f < BH_MEM__FAMILY_COUNT ? family_names[f] : family_names[0];
}

bool bh_mem__family_parse(const char *word, bh_mem_family *out)
{
	for (unsigned f = 1; f < BH_MEM__FAMILY_COUNT; f++)
		if (strcmp(word, family_names[f]) == 0) {
			*out = (bh_mem_family)f;
			return true;
		}
	return false;
}

const char *bh_mem_family_releaser(bh_mem_family f)
{
	return (unsigned)f < BH_MEM__FAMILY_COUNT ? releasers[f] : releasers[0];
}

void bh_mem_models_init(bh_mem_models *m)
{
	memset(m, 0, sizeof(*m));
}

void bh_mem_models_dispose(bh_mem_models *m)
{
	bh_vec_dispose(&m->items);
	m->sealed = false;
}

static bool parse_kind(const char *word, bh_mem_model_kind *out)
{
	static const struct {
		const char *name;
		bh_mem_model_kind kind;
	} kinds[] = {
		{ "alloc", BH_MEM_ALLOC },       { "release", BH_MEM_RELEASE },
		{ "realloc", BH_MEM_REALLOC },   { "may-null", BH_MEM_MAY_NULL },
		{ "deref", BH_MEM_DEREF },       { "borrow", BH_MEM_BORROW },
		{ "format", BH_MEM_FORMAT },     { "adopt", BH_MEM_ADOPT },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++)
		if (strcmp(word, kinds[i].name) == 0) {
			*out = kinds[i].kind;
			return true;
		}
	return false;
}

static bool parse_place(const char *word, bh_mem_model *m)
{
	if (strcmp(word, "ret") == 0) {
		m->ret = true;
		return true;
	}
	if (strncmp(word, "arg", 3) == 0)
		return bh_flow__parse_index(word + 3, &m->arg, &m->and_after);
	if (strncmp(word, "out", 3) == 0) {
		m->out = true;
		return bh_flow__parse_index(word + 3, &m->arg, NULL);
	}
	return false;
}

static bool parse_family(const char *word, bh_mem_family *out)
{
	return bh_mem__family_parse(word, out);
}

// `argN=V`: the condition of a `when`.
static bool parse_when(const char *word, bh_mem_model *m)
{
	const char *eq = strchr(word, '=');
	if (strncmp(word, "arg", 3) != 0 || !eq || eq == word + 3 || !eq[1])
		return false;
	unsigned n = 0;
	for (const char *d = word + 3; d < eq; d++) {
		if (*d < '0' || *d > '9' || n > 1000)
			return false;
		n = n * 10 + (unsigned)(*d - '0');
	}
	char *end;
	errno = 0;
	long long v = strtoll(eq + 1, &end, 0);
	if (*end || errno)
		return false;
	m->has_when = true;
	m->when_arg = n;
	m->when_value = v;
	return true;
}

// Parse one line (comment already removed); NULL on success, else why not.
static const char *parse_line(bh_mem_model *m, bh_arena *arena, const char *line)
{
	const char *p = line;
	const char *kind = bh_flow__next_word(arena, &p), *fn = bh_flow__next_word(arena, &p);
	const char *place = bh_flow__next_word(arena, &p);
	if (!kind || !fn || !place)
		return "expected: kind function place";
	if (!parse_kind(kind, &m->kind))
		return "unknown kind (alloc, release, realloc, may-null, deref, borrow, format or adopt)";
	m->function = fn;
	if (!parse_place(place, m))
		return "bad place (ret, argN, argN.. or outN)";
	bool has_family = m->kind == BH_MEM_ALLOC || m->kind == BH_MEM_RELEASE || m->kind == BH_MEM_REALLOC;
	if (has_family) {
		const char *family = bh_flow__next_word(arena, &p);
		if (!family || !parse_family(family, &m->family))
			return "expected a family (heap, stream, pipe, dir, map, fd or stack)";
	}
	const char *rest = bh_flow__next_word(arena, &p);
	if (rest && (m->kind == BH_MEM_ALLOC || m->kind == BH_MEM_REALLOC) &&
	    strcmp(rest, "may-fail") == 0) {
		m->may_fail = true;
		rest = bh_flow__next_word(arena, &p);
	}
	if (rest && m->out && strcmp(rest, "nonzero-fails") == 0) {
		m->nonzero_fails = true;
		rest = bh_flow__next_word(arena, &p);
	}
	if (rest && m->kind == BH_MEM_ALLOC && m->ret && strcmp(rest, "when") == 0) {
		const char *cond = bh_flow__next_word(arena, &p);
		if (!cond || !parse_when(cond, m))
			return "expected a condition after when: argN=value";
		rest = bh_flow__next_word(arena, &p);
	}
	if (rest)
		return "unexpected text after the model";
	switch (m->kind) {
	case BH_MEM_ALLOC:
		if (!m->ret && !m->out)
			return "alloc works on ret or outN";
		break;
	case BH_MEM_RELEASE:
	case BH_MEM_DEREF:
	case BH_MEM_BORROW:
	case BH_MEM_FORMAT:
	case BH_MEM_ADOPT:
		if (m->ret || m->out)
			return "release, deref, borrow, format and adopt work on argN";
		break;
	case BH_MEM_REALLOC:
		if (m->ret || m->and_after)
			return "realloc works on argN (the old block; the result is the new one) or outN";
		break;
	case BH_MEM_MAY_NULL:
		if (!m->ret)
			return "may-null works on ret";
		break;
	}
	if (m->and_after && m->kind != BH_MEM_DEREF && m->kind != BH_MEM_BORROW)
		return "argN.. is only for deref and borrow";
	return NULL;
}

static const char *parse_model(void *model, bh_arena *arena, const char *line)
{
	return parse_line(model, arena, line);
}

size_t bh_mem_models_parse(bh_mem_models *m, bh_arena *arena, const char *text,
			   const char *origin_path, unsigned first_line, bh_diags *diags)
{
	bh_assert(!m->sealed);
	static const bh_flow__model_format format = {
		sizeof(bh_mem_model), offsetof(bh_mem_model, origin), "mem.bad-model", "memory model", parse_model,
	};
	return bh_flow__parse_models(&format, (void **)&m->items.items, &m->items.len, &m->items.cap,
				     arena, text, origin_path, first_line, diags);
}

void bh_mem_models_add_builtin(bh_mem_models *m, bh_arena *arena, bh_diags *diags)
{
	bh_mem_models_parse(m, arena, bh_mem__builtin_models, "rules/c/memory.models", 1, diags);
}

const bh_mem_model *bh_mem_models_find(bh_mem_models *m, const char *function, size_t *count)
{
	if (!m->sealed) {
		bh_flow__sort_models(m->items.items, m->items.len, sizeof(*m->items.items),
				     offsetof(bh_mem_model, function));
		m->sealed = true;
	}
	return bh_flow__find_models(m->items.items, m->items.len, sizeof(*m->items.items),
				    offsetof(bh_mem_model, function), function, count);
}
