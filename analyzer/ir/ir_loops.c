// SPDX-License-Identifier: MIT
// Loops that run exactly once become straight code.
//
// `for (i = 0; i < 1; i++) { ... }` (Juliet's flow variant 17, and
// macros that wrap a statement in a counted loop) runs its body once. A
// CFG that keeps the back edge lets every analysis go round it a second
// time: a block allocated in the body is "overwritten" by the second
// pass (a false leak), one freed in the body is "freed again", and what
// the body sets is only "maybe set" after it. The loop is rewritten as
// what it does: the header's test always takes the body, and the
// increment leaves the loop.
//
// What makes a loop single-trip here, all checked on the CFG:
// - the header holds only `t = i OP K; br t, body, exit` (K a constant);
// - it has two predecessors: the entry, whose last write to i is `i =
//   C`, and one latch inside the loop;
// - in the loop (the blocks that reach the latch without passing the
//   header), the only write to i is the latch's `i = i + 1`;
// - i is a local or parameter whose address is never taken, so nothing
//   else writes it;
// - `C OP K` holds and `C + 1 OP K` does not.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/common.h"
#include "bulkhead/ir.h"

static bool compare(int op, int64_t a, int64_t b, bool *out)
{
	switch (op) {
	case BH_IR_BIN_LT: *out = a < b; return true;
	case BH_IR_BIN_LE: *out = a <= b; return true;
	case BH_IR_BIN_GT: *out = a > b; return true;
	case BH_IR_BIN_GE: *out = a >= b; return true;
	case BH_IR_BIN_NE: *out = a != b; return true;
	case BH_IR_BIN_EQ: *out = a == b; return true;
	default: return false;
	}
}

// The header's test as `i OP K`: the counter, the comparison and K.
static bool header_test(const bh_ir_func *fn, const bh_ir_block *h, uint32_t *var, int *op, int64_t *k)
{
	const bh_ir_instr *t = bh_ir_block_terminator(h);
	if (h->ninstrs != 2 || t->op != BH_IR_BR || t->nargs != 1 || t->args[0].kind != BH_IR_OPND_VAR ||
	    t->target[0] == h->id || t->target[1] == h->id || t->target[0] == t->target[1])
		return false;
	const bh_ir_instr *cmp = &h->instrs[0];
	if (cmp->op != BH_IR_BINOP || cmp->dst.kind != BH_IR_OPND_VAR || cmp->dst.var != t->args[0].var ||
	    cmp->nargs != 2)
		return false;
	const bh_ir_opnd *a = &cmp->args[0], *b = &cmp->args[1];
	*op = cmp->sub;
	if (a->kind == BH_IR_OPND_INT && b->kind == BH_IR_OPND_VAR) {
		const bh_ir_opnd *swap = a;
		a = b;
		b = swap;
		*op = bh_ir_cmp_mirror(cmp->sub);
	}
	if (a->kind != BH_IR_OPND_VAR || b->kind != BH_IR_OPND_INT)
		return false;
	const bh_ir_var *v = &fn->vars[a->var];
	if ((v->kind != BH_IR_VAR_LOCAL && v->kind != BH_IR_VAR_PARAM) ||
	    (v->flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD | BH_IR_VAR_POINTER)))
		return false;
	*var = a->var;
	*k = b->ival;
	return true;
}

static bool writes(const bh_ir_instr *in, uint32_t var)
{
	return in->dst.kind == BH_IR_OPND_VAR && in->dst.var == var;
}

// The constant the entry block last assigns to `var` before it jumps to
// the header.
static bool entry_value(const bh_ir_block *p, uint32_t var, int64_t *c)
{
	const bh_ir_instr *d = bh_ir_block_last_def(p, var);
	if (!d || d->op != BH_IR_ASSIGN || d->nargs != 1 || d->args[0].kind != BH_IR_OPND_INT)
		return false;
	*c = d->args[0].ival;
	return true;
}

static bool is_increment(const bh_ir_instr *in, uint32_t var)
{
	if (in->op != BH_IR_BINOP || in->sub != BH_IR_BIN_ADD || in->nargs != 2 || !writes(in, var))
		return false;
	const bh_ir_opnd *a = &in->args[0], *b = &in->args[1];
	return (a->kind == BH_IR_OPND_VAR && a->var == var && b->kind == BH_IR_OPND_INT && b->ival == 1) ||
	       (b->kind == BH_IR_OPND_VAR && b->var == var && a->kind == BH_IR_OPND_INT && a->ival == 1);
}

// The loop of header `h` and latch `l`: the blocks that reach the latch
// without passing the header, marked in `in_loop`. Does the loop write
// `var` only with the latch's increment, as its last write there?
static bool only_the_latch_counts(const bh_ir_func *fn, uint32_t h, uint32_t l, uint32_t var, bool *in_loop)
{
	uint32_t *stack = bh_xmalloc((fn->nblocks + 1) * sizeof(*stack));
	size_t sp = 0;
	in_loop[h] = true;
	in_loop[l] = true;
	stack[sp++] = l;
	while (sp) {
		const bh_ir_block *x = &fn->blocks[stack[--sp]];
		for (uint32_t p = 0; p < x->npreds; p++)
			if (!in_loop[x->preds[p]]) {
				in_loop[x->preds[p]] = true;
				stack[sp++] = x->preds[p];
			}
	}
	free(stack);
	uint32_t nwrites = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		if (!in_loop[b] || b == h)
			continue;
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++)
			if (writes(&fn->blocks[b].instrs[i], var))
				nwrites++;
	}
	const bh_ir_instr *last = bh_ir_block_last_def(&fn->blocks[l], var);
	return nwrites == 1 && last && is_increment(last, var);
}

static void replace_pred(bh_ir_block *b, uint32_t from, uint32_t to)
{
	for (uint32_t p = 0; p < b->npreds; p++)
		if (b->preds[p] == from)
			b->preds[p] = to;
	// Keep them ascending.
	for (uint32_t i = 1; i < b->npreds; i++)
		for (uint32_t j = i; j > 0 && b->preds[j - 1] > b->preds[j]; j--) {
			uint32_t x = b->preds[j];
			b->preds[j] = b->preds[j - 1];
			b->preds[j - 1] = x;
		}
}

static void remove_pred(bh_ir_block *b, uint32_t which)
{
	uint32_t n = 0;
	for (uint32_t p = 0; p < b->npreds; p++)
		if (b->preds[p] != which)
			b->preds[n++] = b->preds[p];
	b->npreds = n;
}

// Header `h` goes straight to the body; the latch `l` leaves to the exit.
static void straighten(bh_ir_func *fn, uint32_t h, uint32_t l)
{
	bh_ir_block *hb = &fn->blocks[h], *lb = &fn->blocks[l];
	bh_ir_instr *t = &hb->instrs[hb->ninstrs - 1];
	uint32_t body = t->target[0], exit = t->target[1];
	t->op = BH_IR_JMP;
	t->nargs = 0;
	t->target[1] = 0;
	hb->succs[0] = body;
	hb->nsuccs = 1;
	remove_pred(hb, l);
	bh_ir_instr *lt = &lb->instrs[lb->ninstrs - 1];
	lt->target[0] = exit;
	lb->succs[0] = exit;
	replace_pred(&fn->blocks[exit], h, l);
}

static bool single_trip(const bh_ir_func *fn, uint32_t h, uint32_t *latch, bool *in_loop)
{
	const bh_ir_block *hb = &fn->blocks[h];
	uint32_t var;
	int op;
	int64_t k, c;
	if (hb->npreds != 2 || !header_test(fn, hb, &var, &op, &k))
		return false;
	for (int e = 0; e < 2; e++) {
		const bh_ir_block *p = &fn->blocks[hb->preds[e]], *l = &fn->blocks[hb->preds[1 - e]];
		const bh_ir_instr *pt = bh_ir_block_terminator(p), *lt = bh_ir_block_terminator(l);
		if (pt->op != BH_IR_JMP || lt->op != BH_IR_JMP || l->id == h || !entry_value(p, var, &c) ||
		    c == INT64_MAX)
			continue;
		bool first, second;
		if (!compare(op, c, k, &first) || !compare(op, c + 1, k, &second) || !first || second)
			return false;
		memset(in_loop, 0, fn->nblocks * sizeof(*in_loop));
		uint32_t body = bh_ir_block_terminator(hb)->target[0], exit = bh_ir_block_terminator(hb)->target[1];
		if (!only_the_latch_counts(fn, h, l->id, var, in_loop) || !in_loop[body] || in_loop[exit] ||
		    in_loop[p->id])
			return false;
		*latch = l->id;
		return true;
	}
	return false;
}

void bh_ir_straighten_single_trip_loops(bh_ir_func *fn)
{
	if (!fn || fn->nblocks < 3)
		return;
	bool *in_loop = bh_xmalloc(fn->nblocks * sizeof(*in_loop));
	for (uint32_t h = 0; h < fn->nblocks; h++) {
		uint32_t latch;
		if (single_trip(fn, h, &latch, in_loop))
			straighten(fn, h, latch);
	}
	free(in_loop);
}
