// SPDX-License-Identifier: MIT
// bh_ir_verify: the IR's invariants, checked after lowering in debug and
// test builds (a failure is a front end bug, reported through bh_assert,
// never a user-visible diagnostic). See include/bulkhead/ir.h for the
// invariants themselves; this file only restates them as checks.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/ir.h"

typedef struct {
	bh_arena *arena;
	const char **why;
} verifier;

static bool fail(verifier *v, const char *fmt, unsigned a, unsigned b)
{
	if (v->why)
		*v->why = v->arena ? bh_arena_sprintf(v->arena, fmt, a, b) : fmt;
	return false;
}

static bool opnd_ok(const bh_ir_func *fn, const bh_ir_opnd *o)
{
	switch (o->kind) {
	case BH_IR_OPND_NONE:
	case BH_IR_OPND_INT:
	case BH_IR_OPND_FLOAT:
		return true;
	case BH_IR_OPND_VAR:
		return o->var < fn->nvars;
	case BH_IR_OPND_STR:
		return o->str == NULL || o->len == 0 || o->str[o->len] == '\0';
	case BH_IR_OPND_FUNC:
		return o->str != NULL;
	}
	return false;
}

static bool has(const uint32_t *list, uint32_t n, uint32_t x)
{
	for (uint32_t i = 0; i < n; i++)
		if (list[i] == x)
			return true;
	return false;
}

// Whether ascending `list` holds x (predecessor lists are checked
// ascending before any is searched).
static bool has_sorted(const uint32_t *list, uint32_t n, uint32_t x)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (list[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && list[lo] == x;
}

// The successors a terminator implies must be exactly the block's list;
// `listed[y] == stamp` says that y is in it (and it has no repeats).
static bool succs_match(const bh_ir_block *b, const bh_ir_instr *t, uint32_t nblocks,
			const uint32_t *listed, uint32_t stamp)
{
	switch (t->op) {
	case BH_IR_JMP:
		return b->nsuccs == 1 && b->succs[0] == t->target[0];
	case BH_IR_BR:
		if (!has(b->succs, b->nsuccs, t->target[0]) ||
		    !has(b->succs, b->nsuccs, t->target[1]))
			return false;
		return b->nsuccs == (t->target[0] == t->target[1] ? 1u : 2u);
	case BH_IR_SWITCH: {
		// Every case target and the default listed, and as many distinct
		// targets as successors (cases are sorted by target).
		if (t->target[0] >= nblocks || listed[t->target[0]] != stamp)
			return false;
		uint32_t distinct = 1;
		for (uint32_t i = 0; i < t->ncases; i++) {
			uint32_t y = t->cases[i].target;
			if (y >= nblocks || listed[y] != stamp || (i && y < t->cases[i - 1].target))
				return false;
			if ((i == 0 || y != t->cases[i - 1].target) && y != t->target[0])
				distinct++;
		}
		return distinct == b->nsuccs;
	}
	case BH_IR_RET:
	case BH_IR_UNREACHABLE:
		return b->nsuccs == 0;
	default:
		return false;
	}
}

// Successor and predecessor lists: in range, without repeats, each the
// other's inverse, and the successors those the terminator names. In time
// linear in the edges but for a log factor: a generated switch has tens of
// thousands.
static bool edges_ok(verifier *v, const bh_ir_func *fn)
{
	size_t npreds = 0, nsuccs = 0;
	for (uint32_t bi = 0; bi < fn->nblocks; bi++) {
		const bh_ir_block *b = &fn->blocks[bi];
		for (uint32_t p = 0; p < b->npreds; p++) {
			if (b->preds[p] >= fn->nblocks)
				return fail(v, "bb%u has predecessor %u out of range", bi, b->preds[p]);
			if (p && b->preds[p - 1] >= b->preds[p])
				return fail(v, "bb%u: predecessors not ascending", bi, 0);
		}
		npreds += b->npreds;
	}
	uint32_t *listed = bh_xcalloc(fn->nblocks, sizeof(*listed));
	bool ok = true;
	for (uint32_t bi = 0; ok && bi < fn->nblocks; bi++) {
		const bh_ir_block *b = &fn->blocks[bi];
		for (uint32_t s = 0; ok && s < b->nsuccs; s++) {
			uint32_t y = b->succs[s];
			if (y >= fn->nblocks)
				ok = fail(v, "bb%u has successor %u out of range", bi, y);
			else if (listed[y] == bi + 1)
				ok = fail(v, "bb%u lists successor bb%u twice", bi, y);
			else if (!has_sorted(fn->blocks[y].preds, fn->blocks[y].npreds, bi))
				ok = fail(v, "bb%u -> bb%u is missing from the predecessors", bi, y);
			else
				listed[y] = bi + 1;
		}
		nsuccs += b->nsuccs;
		if (ok && !succs_match(b, bh_ir_block_terminator(b), fn->nblocks, listed, bi + 1))
			ok = fail(v, "bb%u: successors do not match its terminator", bi, 0);
	}
	free(listed);
	// Every edge a successor list names is in a predecessor list, which
	// have no repeats: equal counts leave no predecessor without its edge.
	for (uint32_t bi = 0; ok && npreds != nsuccs && bi < fn->nblocks; bi++)
		for (uint32_t p = 0; ok && p < fn->blocks[bi].npreds; p++) {
			const bh_ir_block *x = &fn->blocks[fn->blocks[bi].preds[p]];
			if (!has(x->succs, x->nsuccs, bi))
				ok = fail(v, "bb%u has predecessor %u that does not jump to it", bi, x->id);
		}
	return ok;
}

bool bh_ir_verify(const bh_ir_func *fn, bh_arena *arena, const char **why)
{
	verifier v = { arena, why };
	if (fn->nblocks == 0)
		return fail(&v, "function has no blocks", 0, 0);
	uint32_t next_id = 0;
	bool *defined = bh_xcalloc(fn->nvars ? fn->nvars : 1, sizeof(*defined));
	bool *used = bh_xcalloc(fn->nvars ? fn->nvars : 1, sizeof(*used));
	bool *reach = bh_xcalloc(fn->nblocks, sizeof(*reach));
	uint32_t *stack = bh_xmalloc(fn->nblocks * sizeof(*stack));
	bool ok = true;
	for (uint32_t i = 0; ok && i < fn->nvars; i++)
		if (fn->vars[i].id != i)
			ok = fail(&v, "variable %u has id %u", i, fn->vars[i].id);

	for (uint32_t bi = 0; ok && bi < fn->nblocks; bi++) {
		const bh_ir_block *b = &fn->blocks[bi];
		if (b->id != bi)
			ok = fail(&v, "block %u has id %u", bi, b->id);
		else if (b->ninstrs == 0)
			ok = fail(&v, "block bb%u is empty", bi, 0);
		for (uint32_t k = 0; ok && k < b->ninstrs; k++) {
			const bh_ir_instr *in = &b->instrs[k];
			bool last = k + 1 == b->ninstrs;
			if (bh_ir_op_is_terminator(in->op) != last)
				ok = fail(&v, last ? "block bb%u does not end in a terminator"
						   : "block bb%u has a terminator at %u", bi, k);
			else if (in->id != next_id++)
				ok = fail(&v, "instruction in bb%u has id %u out of order", bi, in->id);
			else if (in->block != bi)
				ok = fail(&v, "instruction %u says block %u", in->id, in->block);
			else if (!opnd_ok(fn, &in->dst) || !opnd_ok(fn, &in->callee))
				ok = fail(&v, "instruction %u has a bad operand", in->id, 0);
			for (uint32_t a = 0; ok && a < in->nargs; a++)
				if (!opnd_ok(fn, &in->args[a]))
					ok = fail(&v, "instruction %u has a bad argument %u", in->id, a);
			if (ok && in->dst.kind == BH_IR_OPND_VAR)
				defined[in->dst.var] = true;
			for (uint32_t a = 0; ok && a < in->nargs; a++)
				if (in->args[a].kind == BH_IR_OPND_VAR)
					used[in->args[a].var] = true;
			if (ok && in->callee.kind == BH_IR_OPND_VAR)
				used[in->callee.var] = true;
		}
	}
	if (ok && next_id != fn->ninstrs)
		ok = fail(&v, "ninstrs is %u but %u instructions exist", fn->ninstrs, next_id);
	if (ok)
		ok = edges_ok(&v, fn);

	// Temporaries hold lowered values: each one read is written somewhere.
	for (uint32_t i = 0; ok && i < fn->nvars; i++)
		if (fn->vars[i].kind == BH_IR_VAR_TEMP && used[i] && !defined[i])
			ok = fail(&v, "temporary %u is never defined", i, 0);
	for (uint32_t i = 0; ok && i < fn->nvars; i++)
		if (fn->vars[i].kind == BH_IR_VAR_PARAM && i >= fn->nparams)
			ok = fail(&v, "parameter %u comes after a non-parameter", i, 0);

	// Every block reachable from the entry.
	if (ok) {
		size_t sp = 0;
		stack[sp++] = 0;
		reach[0] = true;
		while (sp) {
			const bh_ir_block *b = &fn->blocks[stack[--sp]];
			for (uint32_t s = 0; s < b->nsuccs; s++) {
				if (!reach[b->succs[s]]) {
					reach[b->succs[s]] = true;
					stack[sp++] = b->succs[s];
				}
			}
		}
		for (uint32_t i = 0; ok && i < fn->nblocks; i++)
			if (!reach[i])
				ok = fail(&v, "bb%u is unreachable", i, 0);
	}
	free(defined);
	free(used);
	free(reach);
	free(stack);
	return ok;
}
