// SPDX-License-Identifier: MIT
// Live variables over bh_ir, a backward bitset analysis on the generic
// solver: the backward client of flow.c, and what later tells a dead
// store or a value that is never checked.
//
// Requires: a verified bh_ir_func.  Provides: bh_flow_live.
//
// Memory is modelled coarsely: a variable whose address is taken may be
// read through any pointer, so every call, load (also p->f and p[i]) and
// opaque construct counts as reading all such variables; writes through
// pointers kill nothing.
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/flow.h"

typedef struct {
	const bh_ir_func *fn;
	size_t nwords;
	const uint32_t *bit;       // variable -> bit, or UINT32_MAX (block-local temporary)
	const uint32_t *addressed; // bits of the variables whose address is taken
	uint32_t naddressed;
} live_ctx;

static void lv_init(void *fact, void *payload)
{
	live_ctx *c = payload;
	memset(fact, 0, c->nwords * sizeof(bh_flow_word));
}

// At an exit, globals and statics may be read by whoever runs next.
static void lv_boundary(void *fact, void *payload)
{
	live_ctx *c = payload;
	lv_init(fact, payload);
	for (uint32_t v = 0; v < c->fn->nvars; v++) {
		bh_ir_var_kind k = c->fn->vars[v].kind;
		if ((k == BH_IR_VAR_GLOBAL || k == BH_IR_VAR_STATIC) && c->bit[v] != UINT32_MAX)
			bh_flow_set_bit(fact, c->bit[v]);
	}
}

static void lv_join(void *dst, const void *src, void *payload)
{
	live_ctx *c = payload;
	bh_flow_word *d = dst;
	const bh_flow_word *s = src;
	for (size_t i = 0; i < c->nwords; i++)
		d[i] |= s[i];
}

static bool lv_equal(const void *a, const void *b, void *payload)
{
	live_ctx *c = payload;
	return memcmp(a, b, c->nwords * sizeof(bh_flow_word)) == 0;
}

static void lv_copy(void *dst, const void *src, void *payload)
{
	live_ctx *c = payload;
	memcpy(dst, src, c->nwords * sizeof(bh_flow_word));
}

static void use(const live_ctx *c, bh_flow_word *fact, const bh_ir_opnd *o)
{
	if (o->kind == BH_IR_OPND_VAR && c->bit[o->var] != UINT32_MAX)
		bh_flow_set_bit(fact, c->bit[o->var]);
}

static void lv_transfer(void *fact_v, const bh_ir_func *fn, const bh_ir_instr *in, void *payload)
{
	const live_ctx *c = payload;
	bh_flow_word *fact = fact_v;
	// live-in = (live-out - def) + uses
	if (in->dst.kind == BH_IR_OPND_VAR && c->bit[in->dst.var] != UINT32_MAX)
		bh_flow_clear_bit(fact, c->bit[in->dst.var]);
	for (uint32_t a = 0; a < in->nargs; a++) {
		// s.f = v and a[i] = v on a variable write part of it: they
		// neither read it nor kill it.
		bool written_in_place = a == 0 && in->args[0].kind == BH_IR_OPND_VAR &&
			((in->op == BH_IR_FIELD_STORE && !in->arrow) ||
			 (in->op == BH_IR_INDEX_STORE &&
			  (fn->vars[in->args[0].var].flags & BH_IR_VAR_ARRAY)));
		if (!written_in_place)
			use(c, fact, &in->args[a]);
	}
	use(c, fact, &in->callee);
	if (in->op == BH_IR_CALL || in->op == BH_IR_LOAD || in->op == BH_IR_OPAQUE ||
	    (in->op == BH_IR_FIELD && in->arrow) ||
	    (in->op == BH_IR_INDEX && in->args[0].kind == BH_IR_OPND_VAR &&
	     !(fn->vars[in->args[0].var].flags & BH_IR_VAR_ARRAY))) {
		for (uint32_t k = 0; k < c->naddressed; k++)
			bh_flow_set_bit(fact, c->addressed[k]);
	}
}

bh_flow_outcome bh_flow_compute_live(bh_flow_live **out, bh_arena *arena, const bh_ir_func *fn,
				     const bh_flow_options *opts)
{
	bh_flow_live *l = bh_arena_alloc(arena, sizeof(*l));
	l->fn = fn;
	uint32_t nbits = bh_flow_track_vars(&l->bit, arena, fn);
	l->nwords = BH_FLOW_WORDS(nbits ? nbits : 1);
	uint32_t *addressed = bh_arena_alloc(arena, (fn->nvars ? fn->nvars : 1) * sizeof(uint32_t));
	uint32_t naddressed = 0;
	for (uint32_t v = 0; v < fn->nvars; v++)
		if ((fn->vars[v].flags & BH_IR_VAR_ADDRESSED) && l->bit[v] != UINT32_MAX)
			addressed[naddressed++] = l->bit[v];
	live_ctx c = { fn, l->nwords, l->bit, addressed, naddressed };
	bh_flow_lattice lat = {
		.fact_size = l->nwords * sizeof(bh_flow_word),
		.init = lv_init,
		.boundary = lv_boundary,
		.join = lv_join,
		.equal = lv_equal,
		.copy = lv_copy,
		.transfer_instr = lv_transfer,
	};
	bh_flow_options o = opts ? *opts : (bh_flow_options)BH_FLOW_OPTIONS_INIT;
	o.dir = BH_FLOW_BACKWARD;
	bh_flow_outcome res = bh_flow_solve(&l->result, arena, fn, &lat, &o, &c);
	*out = l;
	return res;
}

bool bh_flow_live_at(const bh_flow_live *l, uint32_t b, bool at_end, uint32_t var)
{
	if (b >= l->fn->nblocks || var >= l->fn->nvars || l->bit[var] == UINT32_MAX)
		return false;
	const bh_flow_word *f = at_end ? bh_flow_out(&l->result, b) : bh_flow_in(&l->result, b);
	return f && bh_flow_bit(f, l->bit[var]);
}
