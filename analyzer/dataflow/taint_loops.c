// SPDX-License-Identifier: MIT
// Loops whose input bound cannot make much work: the bound is divided or
// shifted down on every pass (`while (n >= 10) { n /= 10; d++; }`, lua's
// luaO_utf8esc() `do { …; x >>= 6; } while (x > mfb);`). Such a loop runs
// at most as many times as the number has digits or bits, whatever the
// input says, so its bound is no c.tainted-loop-bound.
#include <stdlib.h>

#include "dataflow/taint_func_internal.h"

// Is block `to` reached from block `from` without entering a block that
// `avoid` marks? (`from` itself is not checked.)
static bool reaches(const bh_ir_func *fn, uint32_t from, uint32_t to, const bool *avoid)
{
	bool *seen = bh_xcalloc(fn->nblocks + 1, sizeof(*seen));
	uint32_t *stack = bh_xmalloc((fn->nblocks + 1) * sizeof(*stack));
	uint32_t n = 0;
	bool found = false;
	stack[n++] = from;
	seen[from] = true;
	while (n && !found) {
		const bh_ir_block *b = &fn->blocks[stack[--n]];
		for (uint32_t i = 0; i < b->nsuccs && !found; i++) {
			uint32_t s = b->succs[i];
			if (s == to) {
				found = true;
			} else if (!seen[s] && !(avoid && avoid[s])) {
				seen[s] = true;
				stack[n++] = s;
			}
		}
	}
	free(seen);
	free(stack);
	return found;
}

// `v = v >> k` (k >= 1, unsigned) or `v = v / k` (k >= 2): the magnitude
// at least halves. `d` assigns v, directly or through the temporary the
// block computed for it.
static bool shrinks(const bh_taint__fctx *c, const bh_ir_instr *d, uint32_t v)
{
	if (d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_VAR &&
	    c->fn->vars[d->args[0].var].kind == BH_IR_VAR_TEMP)
		d = bh_ir_def_before(c->fn, d, d->args[0].var);
	if (!d || d->op != BH_IR_BINOP || d->nargs != 2 || d->args[0].kind != BH_IR_OPND_VAR ||
	    d->args[0].var != v)
		return false;
	int64_t k;
	if (!bh_flow_const_of(&c->consts, &d->args[1], &k))
		return false;
	// A negative signed number shifted right stays negative (-1 forever).
	bool is_unsigned = (c->fn->vars[v].flags & BH_IR_VAR_UNSIGNED) != 0;
	return (d->sub == BH_IR_BIN_SHR && k >= 1 && is_unsigned) || (d->sub == BH_IR_BIN_DIV && k >= 2);
}

// The blocks of the loop that the test in block `here` ends, when side
// `stay` of it stays in the loop: its header is `stay`'s target when
// that target dominates the test (a do-while's test at the bottom), else
// the test's own block; the loop is the header and every block that goes
// back to it along a back edge without passing it. NULL when the side
// does not stay (it comes back only through an outer loop's header).
static bool *loop_blocks(bh_taint__fctx *c, uint32_t here, uint32_t target)
{
	const bh_ir_func *fn = c->fn;
	uint32_t header = bh_flow_dominates(c->dom, target, here) ? target : here;
	bool *in = bh_xcalloc(fn->nblocks + 1, sizeof(*in));
	bool *avoid = bh_xcalloc(fn->nblocks + 1, sizeof(*avoid));
	avoid[header] = true;
	const bh_ir_block *h = &fn->blocks[header];
	for (uint32_t i = 0; i < h->npreds; i++) {
		uint32_t latch = h->preds[i];
		if (!bh_flow_dominates(c->dom, header, latch))
			continue; // the way in, not a back edge
		for (uint32_t b = 0; b < fn->nblocks; b++)
			in[b] |= b == latch || (b != header && reaches(fn, b, latch, avoid));
	}
	in[header] = true;
	free(avoid);
	if (!in[target] || !in[here]) {
		free(in);
		return NULL;
	}
	return in;
}

bool bh_taint__shrinks_each_pass(bh_taint__fctx *c, const bh_ir_instr *br, uint32_t k)
{
	const bh_ir_func *fn = c->fn;
	const bh_taint__edge *e = &c->edges[br->block];
	const bh_ir_opnd *o = &e->cmp[k];
	if (o->kind != BH_IR_OPND_VAR || br->op != BH_IR_BR || br->target[0] == br->target[1])
		return false;
	uint32_t v = o->var;
	if (fn->vars[v].kind == BH_IR_VAR_TEMP) {
		const bh_ir_instr *d = bh_ir_def_before(fn, br, v);
		if (!d || d->op != BH_IR_ASSIGN || d->args[0].kind != BH_IR_OPND_VAR)
			return false;
		v = d->args[0].var;
	}
	if (fn->vars[v].kind == BH_IR_VAR_TEMP || bh_ir_var_is_global(&fn->vars[v]) ||
	    (fn->vars[v].flags & BH_IR_VAR_ADDRESSED))
		return false;
	if (!c->dom && bh_flow_compute_dom(&c->dom, c->arena, fn) != BH_FLOW_DONE)
		return false;
	// Which side stays in the loop; it must need the bound large: `n >=
	// 10` true, `x <= mfb` false.
	uint32_t here = br->block;
	bool *loop0 = loop_blocks(c, here, br->target[0]), *loop1 = loop_blocks(c, here, br->target[1]);
	if (!loop0 == !loop1) {
		free(loop0);
		free(loop1);
		return false;
	}
	int stay = loop0 ? 0 : 1;
	bool *in_loop = loop0 ? loop0 : loop1;
	int op = e->cmp_op;
	if (stay == 1)
		op = bh_ir_cmp_negate(op);
	bool bound_left = k == 0;
	bool needs_large = bound_left ? (op == BH_IR_BIN_GT || op == BH_IR_BIN_GE)
				      : (op == BH_IR_BIN_LT || op == BH_IR_BIN_LE);
	// Every assignment of v in the loop shrinks it, and every pass back
	// to the test goes through one. `avoid`: the shrinking blocks and
	// those outside the loop (a `break` leaves it).
	bool *avoid = bh_xcalloc(fn->nblocks + 1, sizeof(*avoid));
	bool ok = needs_large, any = false, in_test_block = false;
	for (uint32_t b = 0; b < fn->nblocks && ok; b++) {
		avoid[b] = !in_loop[b];
		if (!in_loop[b])
			continue; // set before the loop, or after it
		const bh_ir_block *blk = &fn->blocks[b];
		for (uint32_t i = 0; i < blk->ninstrs && ok; i++) {
			const bh_ir_instr *d = &blk->instrs[i];
			if (d->dst.kind != BH_IR_OPND_VAR || d->dst.var != v)
				continue;
			ok = shrinks(c, d, v);
			any |= ok;
			avoid[b] |= ok;
			in_test_block |= ok && b == here && d->id < br->id;
		}
	}
	if (ok && any && !in_test_block) {
		uint32_t s = br->target[stay];
		ok = avoid[s] || !reaches(fn, s, here, avoid);
	}
	free(avoid);
	free(in_loop);
	return ok && any;
}
