// SPDX-License-Identifier: MIT
// Loop tests for c.tainted-loop-bound beyond the prepass' (a branch at a
// loop's head or on a back edge): the tests chained to those by && or ||
// (`while (p && i < n)`), which bound the loop as much. Loops that
// another test leaves on every pass once the same variable passes a
// constant (`for (i = 0; i < n && i < 64; i++)`, `if (i >= MAX) break;`):
// their input bound does not decide how long they run. And loops whose
// input bound cannot make much work: the bound is divided or shifted down
// on every pass (`while (n >= 10) { n /= 10; d++; }`, lua's
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

// The variable a compared operand stands for: a variable, or the one a
// temporary was assigned from just before `at`; UINT32_MAX if neither.
static uint32_t compared_var(const bh_taint__fctx *c, const bh_ir_instr *at, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	uint32_t v = o->var;
	if (c->fn->vars[v].kind == BH_IR_VAR_TEMP) {
		const bh_ir_instr *d = bh_ir_def_before(c->fn, at, v);
		if (!d || d->op != BH_IR_ASSIGN || d->args[0].kind != BH_IR_OPND_VAR)
			return UINT32_MAX;
		v = d->args[0].var;
	}
	return c->fn->vars[v].kind == BH_IR_VAR_TEMP ? UINT32_MAX : v;
}

bool bh_taint__have_dom(bh_taint__fctx *c)
{
	return c->dom || bh_flow_compute_dom(&c->dom, c->arena, c->fn) == BH_FLOW_DONE;
}

// The instruction that computed what `d` assigns: `d` itself, or the one
// that made the temporary it copies (`%t = x / 10; x = %t`); NULL if the
// block has none.
static const bh_ir_instr *made_by(const bh_ir_func *fn, const bh_ir_instr *d)
{
	if (d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_VAR &&
	    fn->vars[d->args[0].var].kind == BH_IR_VAR_TEMP)
		return bh_ir_def_before(fn, d, d->args[0].var);
	return d;
}

// `v = v >> k` (k >= 1, unsigned) or `v = v / k` (k >= 2): the magnitude
// at least halves. `d` assigns v, directly or through the temporary the
// block computed for it.
static bool shrinks(const bh_taint__fctx *c, const bh_ir_instr *d, uint32_t v)
{
	d = made_by(c->fn, d);
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
	if (br->op != BH_IR_BR || br->target[0] == br->target[1])
		return false;
	uint32_t v = compared_var(c, br, o);
	if (v == UINT32_MAX || bh_ir_var_is_global(&fn->vars[v]) || (fn->vars[v].flags & BH_IR_VAR_ADDRESSED) ||
	    !bh_taint__have_dom(c))
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

// The natural loop of `header`: the header and every block that reaches
// the source of one of its back edges without passing the header, walked
// backwards from those sources (linear in the function's size).
static bool *natural_loop(bh_taint__fctx *c, uint32_t header)
{
	const bh_ir_func *fn = c->fn;
	bool *in = bh_xcalloc(fn->nblocks + 1, sizeof(*in));
	uint32_t *stack = bh_xmalloc((fn->nblocks + 1) * sizeof(*stack));
	uint32_t n = 0;
	in[header] = true;
	const bh_ir_block *h = &fn->blocks[header];
	for (uint32_t i = 0; i < h->npreds; i++) {
		uint32_t latch = h->preds[i];
		if (!in[latch] && bh_flow_dominates(c->dom, header, latch)) {
			in[latch] = true;
			stack[n++] = latch;
		}
	}
	while (n) {
		const bh_ir_block *b = &fn->blocks[stack[--n]];
		for (uint32_t i = 0; i < b->npreds; i++)
			if (!in[b->preds[i]]) {
				in[b->preds[i]] = true;
				stack[n++] = b->preds[i];
			}
	}
	free(stack);
	return in;
}

// A two-way branch ending block `b`, or NULL.
static const bh_ir_instr *two_way(const bh_ir_func *fn, uint32_t b)
{
	const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
	return t && t->op == BH_IR_BR && t->target[0] != t->target[1] ? t : NULL;
}

// Does `test` (a two-way branch ending block `block`) leave a loop whose
// condition is the marked branch ending block `marked`: inside the loop
// of a header `marked` is or goes back to, with one side out of it?
static bool leaves_loop_of(bh_taint__fctx *c, uint32_t marked, uint32_t block, const bh_ir_instr *test)
{
	const bh_ir_instr *m = two_way(c->fn, marked);
	if (!m)
		return false;
	bool shared = false;
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			shared |= m->target[i] == test->target[j] && m->target[i] != block && test->target[j] != marked;
	if (!shared)
		return false;
	// One loop, one finding: a test of a variable the marked test
	// compares already (`while (n < 0 || n-- > 0)`) is that test's.
	const bh_taint__edge *me = &c->edges[marked], *te = &c->edges[block];
	for (int i = 0; me->is_cmp && te->is_cmp && i < 2; i++)
		for (int j = 0; j < 2; j++) {
			uint32_t v = compared_var(c, m, &me->cmp[i]);
			if (v != UINT32_MAX && v == compared_var(c, test, &te->cmp[j]))
				return false;
		}
	uint32_t headers[3] = { marked, m->target[0], m->target[1] };
	for (int i = 0; i < 3; i++) {
		uint32_t h = headers[i];
		if (i > 0 && !bh_flow_dominates(c->dom, h, marked))
			continue; // not a back edge's target
		bool *in = natural_loop(c, h);
		bool leaves = in[block] && in[marked] && in[test->target[0]] != in[test->target[1]];
		free(in);
		if (leaves)
			return true;
	}
	return false;
}

// A test chained to a loop's condition by && or || (`while (p && i < n)`,
// `do { … } while (i < n && p)`, `for (;;) { if (!p || i >= n) break; …
// }`): next to a branch the prepass marked (c->loop_cond), as its
// successor or predecessor, inside that loop, with a side that leaves it,
// and sharing a target with the marked branch (the way out for &&, the
// way in for ||). Such a test bounds the loop as much as the marked one
// does. An `if` in the loop's body next to the head stays in the loop on
// both sides, and one that returns (`if (cur <= prev) return 0;`) leaves
// it elsewhere than the loop's test: neither is a test of the loop.
bool bh_taint__chained_loop_test(bh_taint__fctx *c, uint32_t block)
{
	const bh_ir_func *fn = c->fn;
	const bh_ir_instr *test = two_way(fn, block);
	if (!test || c->loop_cond[block] || !bh_taint__have_dom(c))
		return false;
	const bh_ir_block *b = &fn->blocks[block];
	for (uint32_t i = 0; i < b->npreds; i++)
		if (c->loop_cond[b->preds[i]] && leaves_loop_of(c, b->preds[i], block, test))
			return true;
	for (int k = 0; k < 2; k++)
		if (c->loop_cond[test->target[k]] && leaves_loop_of(c, test->target[k], block, test))
			return true;
	return false;
}

// Which way operand `k` of the test ending block `b` must lie from the
// other for the loop `in` marks to go on: -1 below (`k < other` stays),
// 1 above, 0 when the test does not leave the loop on one side only.
static int stays_while(const bh_taint__fctx *c, const bool *in, uint32_t b, uint32_t k)
{
	const bh_ir_instr *t = two_way(c->fn, b);
	const bh_taint__edge *e = &c->edges[b];
	if (!t || !e->is_cmp || e->on_pointers || in[t->target[0]] == in[t->target[1]])
		return 0;
	int op = in[t->target[0]] ? e->cmp_op : bh_ir_cmp_negate(e->cmp_op);
	bool below = op == BH_IR_BIN_LT || op == BH_IR_BIN_LE;
	if (!below && op != BH_IR_BIN_GT && op != BH_IR_BIN_GE)
		return 0;
	return below == (k == 0) ? -1 : 1;
}

// The innermost loop holding block `b`: the natural loop of the nearest
// header dominating `b` whose loop holds it; NULL if none. Sets `*header`.
static bool *innermost_loop(bh_taint__fctx *c, uint32_t b, uint32_t *header)
{
	for (uint32_t h = b;; h = c->dom->idom[h]) {
		const bh_ir_block *hb = &c->fn->blocks[h];
		bool has_back_edge = false;
		for (uint32_t i = 0; i < hb->npreds && !has_back_edge; i++)
			has_back_edge = bh_flow_dominates(c->dom, h, hb->preds[i]);
		if (has_back_edge) {
			bool *in = natural_loop(c, h);
			if (in[b]) {
				*header = h;
				return in;
			}
			free(in);
		}
		if (h == 0)
			return NULL;
	}
}

bool bh_taint__bounded_elsewhere(bh_taint__fctx *c, const bh_ir_instr *br, uint32_t k)
{
	const bh_ir_func *fn = c->fn;
	uint32_t b = br->block;
	const bh_taint__edge *e = &c->edges[b];
	if (!e->is_cmp || e->on_pointers || k > 1 || !bh_taint__have_dom(c))
		return false;
	uint32_t var = compared_var(c, br, &e->cmp[1 - k]);
	uint32_t header;
	bool *in = var != UINT32_MAX ? innermost_loop(c, b, &header) : NULL;
	if (!in)
		return false;
	// The variable must go on one way (against the input bound) for the
	// loop to go on: the other test must stop it going that way.
	int way = -stays_while(c, in, b, k);
	const bh_ir_block *hb = &fn->blocks[header];
	bool bounded = false;
	for (uint32_t x = 0; x < fn->nblocks && way && !bounded; x++) {
		if (x == b || !in[x])
			continue;
		const bh_ir_instr *t = two_way(fn, x);
		if (!t)
			continue;
		// Passed on every pass: it dominates every way back to the head.
		bool every_pass = true;
		for (uint32_t i = 0; i < hb->npreds && every_pass; i++)
			if (in[hb->preds[i]])
				every_pass = bh_flow_dominates(c->dom, x, hb->preds[i]);
		const bh_taint__edge *ex = &c->edges[x];
		for (uint32_t j = 0; j < 2 && every_pass && !bounded; j++) {
			int64_t limit;
			bounded = ex->is_cmp && compared_var(c, t, &ex->cmp[j]) == var &&
				  bh_flow_const_of(&c->consts, &ex->cmp[1 - j], &limit) &&
				  stays_while(c, in, x, j) == way;
		}
	}
	free(in);
	return bounded;
}

bool bh_taint__read_in_loop(bh_taint__fctx *c, const bh_ir_instr *br, const bh_ir_opnd *o)
{
	const bh_ir_func *fn = c->fn;
	uint32_t var = compared_var(c, br, o);
	if (var == UINT32_MAX || !bh_taint__have_dom(c))
		return false;
	uint32_t header;
	bool *in = innermost_loop(c, br->block, &header);
	bool read = false;
	for (uint32_t b = 0; in && b < fn->nblocks && !read; b++) {
		const bh_ir_block *blk = &fn->blocks[b];
		for (uint32_t i = 0; in[b] && i < blk->ninstrs && !read; i++) {
			const bh_ir_instr *d = &blk->instrs[i];
			if (d->dst.kind != BH_IR_OPND_VAR || d->dst.var != var)
				continue;
			d = made_by(fn, d);
			read = d && d->op == BH_IR_CALL;
		}
	}
	free(in);
	return read;
}
