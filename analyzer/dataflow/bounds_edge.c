// SPDX-License-Identifier: MIT
// What a branch says on each of its edges, for the bounds analysis: an
// edge a constant condition never takes is unreachable; a comparison
// narrows the variables it tests (also `i + 63 < len`, a copy of a
// variable, a pointer against an array's start); a NUL test on a byte
// read bounds the index by the string's length.
#include <string.h>

#include "dataflow/bounds_internal.h"

// ----------------------------------------------------------------- edges

// Does nothing between instruction `d` and the end of block `b` write a
// field slot (a store, a call, an opaque construct)?
static bool slot_unchanged_after(const bh_ir_block *b, const bh_ir_instr *d)
{
	for (uint32_t i = 0; i < b->ninstrs; i++) {
		const bh_ir_instr *in = &b->instrs[i];
		if (in->id <= d->id)
			continue;
		if (in->op == BH_IR_FIELD_STORE || in->op == BH_IR_STORE || in->op == BH_IR_CALL ||
		    in->op == BH_IR_OPAQUE)
			return false;
	}
	return true;
}

// The value (index among the fact's values: a tracked variable or a field
// slot) that operand `o` of `at` (in block `b`) is, plus a constant `*k`,
// still unchanged at the block's end: refining it refines what the
// condition tested. UINT32_MAX when there is none.
static uint32_t tested_lin(const bh_bnd_fctx *c, const bh_ir_block *b, const bh_ir_instr *at,
			   const bh_ir_opnd *o, int64_t *k)
{
	*k = 0;
	if (o->kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	uint32_t v = o->var;
	// An array is its address (edge_value), not a value in the fact.
	if (c->var_obj[v] && c->objs[c->var_obj[v] - 1].kind == BH_BND_OBJ_ARRAY)
		return UINT32_MAX;
	for (int hops = 0; hops < 4; hops++) {
		const bh_ir_instr *last = bh_ir_block_last_def(b, v);
		if (c->track[v] != UINT32_MAX && (!last || last->id < at->id))
			return c->track[v];
		// A copy made just for the test (`%1 = i; %2 = %1 < 10`), the
		// tested value offset by a constant (`i + 63 < len`), or a field
		// slot read for it (`t.len < 31`).
		const bh_ir_instr *d = bh_ir_def_before(c->fn, at, v);
		if (!d || !d->nargs || d->args[0].kind != BH_IR_OPND_VAR)
			return UINT32_MAX;
		if (d->op == BH_IR_FIELD) {
			uint32_t s = bh_bnd_slot_of(c, d);
			const bh_ir_instr *base_def = bh_ir_block_last_def(b, d->args[0].var);
			if (s == UINT32_MAX || (base_def && base_def->id > d->id) || !slot_unchanged_after(b, d))
				return UINT32_MAX;
			return s;
		}
		if (d->op == BH_IR_BINOP && !d->size && d->nargs == 2 && d->args[1].kind == BH_IR_OPND_INT &&
		    (d->sub == BH_IR_BIN_ADD || d->sub == BH_IR_BIN_SUB) && d->args[1].ival > -(1 << 30) &&
		    d->args[1].ival < (1 << 30)) {
			*k += d->sub == BH_IR_BIN_ADD ? d->args[1].ival : -d->args[1].ival;
		} else if (d->op != BH_IR_ASSIGN) {
			return UINT32_MAX;
		}
		at = d;
		v = d->args[0].var;
	}
	return UINT32_MAX;
}

static uint32_t tested_var(const bh_bnd_fctx *c, const bh_ir_block *b, const bh_ir_instr *at,
			   const bh_ir_opnd *o)
{
	int64_t k;
	uint32_t v = tested_lin(c, b, at, o, &k);
	return k == 0 ? v : UINT32_MAX;
}

// The value of a compared operand at the end of block `b`: a constant, a
// value that `tested_lin` found (index `at`), else unknown.
static bh_bnd_val edge_value(const bh_bnd_fctx *c, void *f, uint32_t at, const bh_ir_opnd *o)
{
	if (at != UINT32_MAX) {
		bh_bnd_val x = bh_bnd_vals_of(c, f)[at];
		if (!x.obj && !x.rel.sym && at < c->ntracked)
			x.rel = bh_bnd_rel_self(c, bh_bnd_sym_value(c->fn, c->tracked_var[at]));
		return x;
	}
	// An array stands for its address (`p == buf`).
	if (o->kind == BH_IR_OPND_VAR && c->var_obj[o->var] &&
	    c->objs[c->var_obj[o->var] - 1].kind == BH_BND_OBJ_ARRAY)
		return bh_bnd_eval(c, f, o);
	int64_t k;
	if (bh_flow_const_of(&c->consts, o, &k))
		return bh_bnd_const(k);
	// A temporary the block computed for the test (`sizeof buf -
	// strlen(buf)`): only that block writes it, and the fact the edge
	// starts from comes from the same run of the block.
	if (o->kind == BH_IR_OPND_VAR && c->track[o->var] == UINT32_MAX &&
	    c->fn->vars[o->var].kind == BH_IR_VAR_TEMP)
		return c->scratch[o->var];
	return bh_bnd_top();
}

// The relation `a + k op b` being `truth` gives a: at most b - k (`i <=
// n`), b - k - 1 (`i < n`), or b - k (`i == n`). An exact relation a
// already has is kept (`len = strlen(s)` tested against a limit is
// still strlen(s)), and so is a tighter bound to the same symbol.
static bh_bnd_rel tested_rel(int op, bool truth, int64_t k, bh_bnd_val a, bh_bnd_val b)
{
	if (!truth)
		op = bh_ir_cmp_negate(op);
	if (!b.rel.sym || a.obj || (op != BH_IR_BIN_LT && op != BH_IR_BIN_LE && op != BH_IR_BIN_EQ) ||
	    (a.rel.sym && !a.rel.upper))
		return a.rel;
	bh_bnd_rel t = bh_bnd_rel_shift(b.rel, -k - (op == BH_IR_BIN_LT));
	if (!t.sym)
		return a.rel;
	if (op != BH_IR_BIN_EQ)
		t.upper = 1;
	if (a.rel.sym == t.sym && a.rel.k == t.k && a.rel.c < t.c)
		return a.rel;
	return t;
}

// Refine value `at` of the fact, which is `a`, by `a + k op b` being `truth`.
static bool refine(bh_bnd_fctx *c, void *f, int op, bool is_unsigned, bool truth, uint32_t at,
		   int64_t k, bh_bnd_val a, bh_bnd_val b)
{
	if (at == UINT32_MAX || a.obj != b.obj || (a.obj && !bh_bnd_itv_finite(b.v)))
		return true;
	// The variable's relation to itself is no relation to keep.
	if (at < c->ntracked && a.rel.sym == bh_bnd_sym_value(c->fn, c->tracked_var[at]) + 1)
		memset(&a.rel, 0, sizeof(a.rel));
	bh_bnd_val shifted = k ? bh_bnd_val_add(bh_bnd_as_int(a), bh_bnd_const(k)) : a;
	bh_bnd_val r = bh_bnd_val_refine(op, is_unsigned && !a.obj, truth, shifted, b);
	if (bh_bnd_itv_is_empty(r.v))
		return false;
	if (k) {
		uint32_t ev = r.ev;
		r = bh_bnd_val_sub(bh_bnd_as_int(r), bh_bnd_const(k));
		r.ev = ev;
	}
	r.obj = a.obj;
	r.input = a.input;
	r.wrap = 0; // the program tests the value: a wrap is seen to
	r.rel = tested_rel(op, truth, k, a, b);
	bh_bnd_rel_note(c, r.rel);
	bh_bnd_vals_of(c, f)[at] = r;
	return true;
}

// A test of a value computed from tracked variables in the block (`if
// (total / size != n)`, `if (sum < a)`) checks them for wrap-around:
// their marks go (see bounds_wrap.c).
static void forget_tested_wraps(bh_bnd_fctx *c, void *f, const bh_ir_instr *at, const bh_ir_opnd *o,
				int depth)
{
	if (o->kind != BH_IR_OPND_VAR || depth > 4)
		return;
	if (c->track[o->var] != UINT32_MAX)
		bh_bnd_vals_of(c, f)[c->track[o->var]].wrap = 0;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, at, o->var);
	if (d && (d->op == BH_IR_BINOP || d->op == BH_IR_ASSIGN))
		for (uint32_t i = 0; i < d->nargs; i++)
			forget_tested_wraps(c, f, d, &d->args[i], depth + 1);
}

// A NUL test on a byte read through an index or a pointer (`s[i] != 0`,
// `*p`), on the side where the byte is not NUL: what was read lies
// before the string's terminator, so the index or the offset is below
// the string's length. This is what bounds a walk over a string.
static void refine_before_nul(bh_bnd_fctx *c, void *f, const bh_ir_block *b, const bh_ir_instr *at,
			      const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, at, o->var);
	if (!d || !d->size || (d->op != BH_IR_INDEX && d->op != BH_IR_LOAD))
		return;
	// The pointer: an array variable, or a tracked variable unchanged since.
	const bh_ir_opnd *base = &d->args[0];
	uint32_t pv = UINT32_MAX;
	bh_bnd_val p;
	if (base->kind == BH_IR_OPND_VAR && c->var_obj[base->var] &&
	    c->objs[c->var_obj[base->var] - 1].kind == BH_BND_OBJ_ARRAY) {
		p = bh_bnd_eval(c, f, base);
	} else {
		pv = tested_var(c, b, d, base);
		if (pv == UINT32_MAX)
			return;
		p = bh_bnd_vals_of(c, f)[pv];
	}
	if (!p.obj || bh_bnd_itv_is_empty(p.v) || p.v.lo == BH_BND_NINF)
		return;
	bh_bnd_itv len = bh_bnd_objs_of(f)[p.obj - 1].len;
	if (bh_bnd_itv_is_empty(len) || len.hi == BH_BND_PINF)
		return;
	// The read ends at or before the terminator: offset + size <= len.
	int64_t last = len.hi - (int64_t)d->size;
	if (d->op == BH_IR_LOAD) {
		bh_bnd_val *pp = pv != UINT32_MAX ? &bh_bnd_vals_of(c, f)[pv] : NULL;
		if (pp && pp->v.hi > last) {
			pp->v.hi = last < pp->v.lo ? pp->v.lo : last;
			pp->ev |= BH_BND_EV_HI;
		}
		return;
	}
	uint32_t iv = tested_var(c, b, d, &d->args[1]);
	if (iv == UINT32_MAX)
		return;
	bh_bnd_val *ix = &bh_bnd_vals_of(c, f)[iv];
	if (ix->obj || p.v.hi - p.v.lo > 0)
		return;
	int64_t max = (last - p.v.lo) / (int64_t)d->size;
	if (ix->v.hi > max) {
		ix->v.hi = max < ix->v.lo ? ix->v.lo : max;
		ix->ev |= BH_BND_EV_HI;
	}
}

// The edge of a SWITCH to `to`: the scrutinee is among the cases that go
// there (an edge no value of it takes is dead), or on the default edge
// outside all of them.
static bool refine_switch(bh_bnd_fctx *c, void *f, const bh_ir_block *b, const bh_ir_instr *sw,
			  uint32_t to)
{
	uint32_t v = tested_var(c, b, sw, &sw->args[0]);
	if (v == UINT32_MAX)
		return true;
	bh_bnd_val *x = &bh_bnd_vals_of(c, f)[v];
	if (x->obj || bh_bnd_itv_is_empty(x->v))
		return true;
	if (to == sw->target[0]) {
		// The default: dead when every value of x has a case elsewhere.
		// (Only a constant or a short range is checked value by value.)
		if (x->v.lo == BH_BND_NINF || x->v.hi == BH_BND_PINF || x->v.hi - x->v.lo > 64)
			return true;
		for (int64_t k = x->v.lo; k <= x->v.hi; k++) {
			bool cased = false;
			for (uint32_t i = 0; i < sw->ncases && !cased; i++)
				cased = k >= sw->cases[i].lo && k <= sw->cases[i].hi &&
					sw->cases[i].target != sw->target[0];
			if (!cased)
				return true;
		}
		return false;
	}
	bh_bnd_itv hull = bh_bnd_itv_make(1, 0);
	uint32_t first, n = bh_ir_switch_cases_to(sw, to, &first);
	for (uint32_t i = first; i < first + n; i++)
		hull = bh_bnd_itv_join(hull, bh_bnd_itv_meet(x->v, bh_bnd_itv_make(sw->cases[i].lo, sw->cases[i].hi)));
	if (bh_bnd_itv_is_empty(hull))
		return false;
	// An end a case moved is evidence where the old end had some quality,
	// as for a comparison (bh_bnd_val_refine).
	if (hull.lo > x->v.lo) {
		bool q = (x->ev & (BH_BND_EV_LO | BH_BND_GROW_LO)) || x->input;
		x->ev = (x->ev & ~(uint32_t)(BH_BND_EV_LO | BH_BND_GROW_LO)) | (q ? BH_BND_EV_LO : 0);
	}
	if (hull.hi < x->v.hi) {
		bool q = (x->ev & (BH_BND_EV_HI | BH_BND_GROW_HI)) || x->input;
		x->ev = (x->ev & ~(uint32_t)(BH_BND_EV_HI | BH_BND_GROW_HI)) | (q ? BH_BND_EV_HI : 0);
	}
	x->v = hull;
	return true;
}

// Only a branch on a variable (or on a constant: a dead side) refines.
bool bh_bnd_edge_acts(const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	bh_bnd_fctx *c = payload;
	c->joining = to;
	const bh_ir_instr *br = bh_ir_block_terminator(&fn->blocks[from]);
	if (br->op == BH_IR_SWITCH)
		return true;
	return br->op == BH_IR_BR && br->target[0] != br->target[1];
}

void bh_bnd_transfer_edge(void *fact, const bh_ir_func *fn, uint32_t from, uint32_t to,
			  void *payload)
{
	bh_bnd_fctx *c = payload;
	c->joining = to;
	if (!bh_bnd_head_of(fact)->reached)
		return;
	if (bh_flow_edge_dead(&c->consts, fn, from, to)) {
		bh_bnd_head_of(fact)->reached = 0;
		return;
	}
	const bh_ir_block *b = &fn->blocks[from];
	const bh_ir_instr *br = bh_ir_block_terminator(b);
	if (br->op == BH_IR_SWITCH && br->nargs && br->args[0].kind == BH_IR_OPND_VAR) {
		if (!refine_switch(c, fact, b, br, to))
			bh_bnd_head_of(fact)->reached = 0;
		return;
	}
	if (br->op != BH_IR_BR || br->target[0] == br->target[1] || br->args[0].kind != BH_IR_OPND_VAR)
		return;
	bool truth = to == br->target[0];
	const bh_ir_instr *cmp = bh_ir_def_before(fn, br, br->args[0].var);
	bool ok = true;
	if (cmp && cmp->op == BH_IR_BINOP && cmp->sub >= BH_IR_BIN_LT && cmp->sub <= BH_IR_BIN_NE &&
	    cmp->nargs == 2) {
		int64_t ka, kb;
		uint32_t va = tested_lin(c, b, cmp, &cmp->args[0], &ka);
		uint32_t vb = tested_lin(c, b, cmp, &cmp->args[1], &kb);
		bh_bnd_val a = edge_value(c, fact, va, &cmp->args[0]);
		bh_bnd_val bv = edge_value(c, fact, vb, &cmp->args[1]);
		// What each side compares: the variable's value plus its constant.
		bh_bnd_val sa = a, sb = bv;
		if (va != UINT32_MAX) {
			sa.v = bh_bnd_itv_add(a.v, bh_bnd_itv_const(ka));
			sa.rel = bh_bnd_rel_shift(a.rel, ka);
		}
		if (vb != UINT32_MAX) {
			sb.v = bh_bnd_itv_add(bv.v, bh_bnd_itv_const(kb));
			sb.rel = bh_bnd_rel_shift(bv.rel, kb);
		}
		ok = refine(c, fact, cmp->sub, cmp->is_unsigned, truth, va, ka, a, sb) &&
		     refine(c, fact, bh_ir_cmp_mirror(cmp->sub), cmp->is_unsigned, truth, vb, kb, bv, sa);
		for (uint32_t i = 0; i < 2; i++)
			forget_tested_wraps(c, fact, cmp, &cmp->args[i], 0);
		int64_t k;
		bool nonzero_side = (cmp->sub == BH_IR_BIN_NE) == truth;
		if (ok && nonzero_side && (cmp->sub == BH_IR_BIN_NE || cmp->sub == BH_IR_BIN_EQ) &&
		    cmp->args[1].kind == BH_IR_OPND_INT && bh_flow_const_of(&c->consts, &cmp->args[1], &k) &&
		    k == 0)
			refine_before_nul(c, fact, b, cmp, &cmp->args[0]);
	} else {
		// `if (n)`: n is not 0 on the true side, 0 on the other.
		uint32_t v = tested_var(c, b, br, &br->args[0]);
		bh_bnd_val a = edge_value(c, fact, v, &br->args[0]);
		ok = refine(c, fact, BH_IR_BIN_NE, false, truth, v, 0, a, bh_bnd_const(0));
		if (ok && truth)
			refine_before_nul(c, fact, b, br, &br->args[0]);
	}
	if (!ok)
		bh_bnd_head_of(fact)->reached = 0;
}

