// SPDX-License-Identifier: MIT
// The lattice of the bounds analysis (values and object states, see
// bounds_internal.h): bottom, the entry fact of a function (in a calling
// context, what the caller passed), join, widening, and the narrowing
// passes that follow the widened fixpoint.
#include <stdlib.h>
#include <string.h>

#include "dataflow/bounds_internal.h"
#include "dataflow/flow_random.h"

// ------------------------------------------------------------- lattice

static void init(void *fact, void *payload)
{
	const bh_bnd_fctx *c = payload;
	memset(fact, 0, c->fact_size);
}

// What the caller keeps behind or inside the arguments, in the callee's
// slots of the parameters: `*p` of `&x`, `s.f` of a struct passed by
// value, `p->f` of one passed by address, `p[2]` of an array.
static void enter_parts(const bh_bnd_fctx *c, bh_bnd_val *vals)
{
	for (uint32_t i = 0; c->ctx && i < c->ctx->nparts; i++) {
		const bh_bnd_part *pt = &c->ctx->part[i];
		const bh_bnd_arg *a = &pt->value;
		if (!a->known || pt->param >= c->fn->nparams)
			continue;
		bool arrow = !(c->fn->vars[pt->param].flags & BH_IR_VAR_RECORD);
		uint32_t s = bh_bnd_find_slot(c, pt->param, pt->field, arrow);
		if (s == UINT32_MAX)
			continue;
		bh_bnd_val *x = &vals[c->ntracked + s];
		if (!a->pointer) {
			*x = bh_bnd_int(a->v, a->ev);
			x->input = a->input ? BH_BND_INPUT_CALLER : 0;
		} else if (c->part_obj[i]) {
			*x = bh_bnd_ptr(c->part_obj[i], a->v, a->ev);
		}
	}
}

static void boundary(void *fact, void *payload)
{
	const bh_bnd_fctx *c = payload;
	memset(fact, 0, c->fact_size);
	bh_bnd_head_of(fact)->reached = 1;
	bh_bnd_ostate *os = bh_bnd_objs_of(fact);
	for (uint32_t o = 0; o < c->nobjs; o++) {
		const bh_bnd_object *ob = &c->objs[o];
		os[o].len = bh_bnd_itv_make(0, BH_BND_PINF);
		if (ob->size >= 0)
			os[o].size = bh_bnd_itv_const(ob->size);
		else
			os[o].size = bh_bnd_itv_make(1, 0); // not allocated yet
		if (ob->kind == BH_BND_OBJ_LITERAL) {
			const bh_ir_instr *in = bh_ir_instr_of(c->fn, ob->site);
			os[o].len = bh_bnd_itv_const((int64_t)strnlen(in->args[0].str, in->args[0].len));
		} else if (ob->kind == BH_BND_OBJ_PARAM) {
			const bh_bnd_arg *a = bh_bnd_object_arg(c, ob);
			os[o].size = a->obj.size;
			os[o].len = a->obj.len;
		}
	}
	bh_bnd_val *vals = bh_bnd_vals_of(c, fact);
	const bh_bnd_val top = bh_bnd_top();
	for (uint32_t t = 0; t < c->nvals; t++)
		vals[t] = top;
	for (uint32_t v = 0; c->ctx && v < c->fn->nvars; v++) {
		const bh_bnd_arg *a = bh_bnd_ctx_arg(c, v);
		if (!a || !a->known || c->track[v] == UINT32_MAX)
			continue;
		if (!a->pointer) {
			vals[c->track[v]] = bh_bnd_int(a->v, a->ev);
			vals[c->track[v]].input = a->input ? BH_BND_INPUT_CALLER : 0;
			vals[c->track[v]].wrap = a->wrap && v < c->fn->nparams ? BH_BND_WRAP_PARAM + v : 0;
		} else if (c->var_obj[v])
			vals[c->track[v]] = bh_bnd_ptr(c->var_obj[v], a->v, a->ev);
	}
	enter_parts(c, vals);
}

static bool is_null(bh_bnd_val v)
{
	int64_t k;
	return v.obj == 0 && bh_bnd_itv_is_const(v.v, &k) && k == 0;
}

// The static size of the object pointer `v` points into, or -1.
static int64_t object_size(const bh_bnd_fctx *c, const void *fact, bh_bnd_val v)
{
	if (!v.obj || v.obj > c->nobjs)
		return -1;
	const bh_bnd_ostate *st = &bh_bnd_objs_of((void *)fact)[v.obj - 1];
	int64_t k;
	return bh_bnd_itv_is_const(st->size, &k) ? k : -1;
}

// `random`: the sides of a test of a pseudo-random value meet here. Two
// objects meeting in one pointer are then not lost: each side is a path
// that runs, whatever later tests of other random values choose, so the
// pointer is taken to point into the smaller one, and an access that
// overflows it is an overflow on the path that chose it.
static bh_bnd_val join_val(const bh_bnd_fctx *c, const void *fact, bh_bnd_val a, bh_bnd_val b, bool random)
{
	if (a.obj == b.obj)
		return bh_bnd_val_join(a, b);
	// NULL on one side: where the pointer is not NULL it is the other one
	// (dereferencing NULL is the null checker's business).
	if (is_null(a))
		return b;
	if (is_null(b))
		return a;
	int64_t sa = random ? object_size(c, fact, a) : -1, sb = random ? object_size(c, fact, b) : -1;
	if (sa >= 0 && sb >= 0)
		return sb < sa ? b : a;
	return bh_bnd_top();
}

static void join(void *dst, const void *src, void *payload)
{
	const bh_bnd_fctx *c = payload;
	void *s = (void *)src;
	if (!bh_bnd_head_of(s)->reached)
		return;
	if (!bh_bnd_head_of(dst)->reached) {
		memcpy(dst, src, c->fact_size);
		return;
	}
	bh_bnd_ostate *d = bh_bnd_objs_of(dst), *o = bh_bnd_objs_of(s);
	for (uint32_t i = 0; i < c->nobjs; i++) {
		d[i].size = bh_bnd_itv_join(d[i].size, o[i].size);
		d[i].len = bh_bnd_itv_join(d[i].len, o[i].len);
	}
	bool random = c->random_merge && c->random_merge[c->joining];
	bh_bnd_val *dv = bh_bnd_vals_of(c, dst), *sv = bh_bnd_vals_of(c, s);
	// (Most values are the same on both sides: a join is idempotent, and
	// skipping it was 3% of a redis scan.)
	for (uint32_t t = 0; t < c->nvals; t++)
		if (memcmp(&dv[t], &sv[t], sizeof(dv[t])) != 0)
			dv[t] = join_val(c, dst, dv[t], sv[t], random);
}

static bool equal(const void *a, const void *b, void *payload)
{
	const bh_bnd_fctx *c = payload;
	return memcmp(a, b, c->fact_size) == 0;
}

static void copy(void *dst, const void *src, void *payload)
{
	const bh_bnd_fctx *c = payload;
	memcpy(dst, src, c->fact_size);
}

static void widen(void *next, const void *prev, void *payload)
{
	bh_bnd_fctx *c = payload;
	void *p = (void *)prev;
	if (!bh_bnd_head_of(p)->reached || !bh_bnd_head_of(next)->reached)
		return;
	c->widened = true;
	bh_bnd_ostate *n = bh_bnd_objs_of(next), *o = bh_bnd_objs_of(p);
	for (uint32_t i = 0; i < c->nobjs; i++) {
		n[i].size = bh_bnd_itv_widen(o[i].size, n[i].size);
		n[i].len = bh_bnd_itv_widen(o[i].len, n[i].len);
	}
	bh_bnd_val *nv = bh_bnd_vals_of(c, next), *pv = bh_bnd_vals_of(c, p);
	for (uint32_t t = 0; t < c->nvals; t++)
		if (nv[t].obj == pv[t].obj)
			nv[t] = bh_bnd_val_widen(pv[t], nv[t]);
}

void bh_bnd_lattice(bh_flow_lattice *lat, size_t fact_size)
{
	memset(lat, 0, sizeof(*lat));
	lat->fact_size = fact_size;
	lat->init = init;
	lat->boundary = boundary;
	lat->join = join;
	lat->equal = equal;
	lat->copy = copy;
	lat->widen = widen;
	lat->transfer_block = bh_bnd_transfer_block;
	lat->transfer_edge = bh_bnd_transfer_edge;
	lat->edge_acts = bh_bnd_edge_acts;
}

static const bh_ir_func *callee_of(const bh_ir_instr *call, void *payload)
{
	return bh_bnd_callee_func(payload, call);
}

void bh_bnd_find_random_merges(bh_bnd_fctx *c)
{
	const bh_ir_func *fn = c->fn;
	bh_flow_postdom *pd = NULL;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		if (!bh_flow_tests_random(fn, &fn->blocks[b], callee_of, c))
			continue;
		if (!pd && bh_flow_compute_postdom(&pd, c->arena, fn, bh_flow_edge_survives, (void *)fn) != BH_FLOW_DONE)
			return;
		uint32_t m = pd->ipdom[b];
		if (m == BH_FLOW_EXIT)
			continue;
		if (!c->random_merge)
			c->random_merge = bh_arena_alloc(c->arena, fn->nblocks); // zeroed
		c->random_merge[m] = 1;
	}
}

// Narrowing: widening jumped loop bounds to infinity before the tests
// inside the loop could bound them (`for (x = 0; x < n && s[x]; x++)` is
// at most the string's length, but the loop head saw `x < n` first).
// From the widened fixpoint, a few passes of plain transfer without
// widening give facts that are still sound and tighter.
#define NARROWING_PASSES 2

void bh_bnd_narrow(bh_bnd_fctx *c, const bh_flow_lattice *lat)
{
	const bh_ir_func *fn = c->fn;
	bh_flow_result *r = &c->result;
	uint32_t *order;
	bh_flow_rpo(&order, NULL, c->arena, fn);
	void *meet = bh_xmalloc(c->fact_size), *edge = bh_xmalloc(c->fact_size);
	for (int pass = 0; pass < NARROWING_PASSES; pass++)
		for (uint32_t i = 0; i < fn->nblocks; i++) {
			uint32_t b = order[i];
			const bh_ir_block *blk = &fn->blocks[b];
			// The first incoming fact is copied, not joined into
			// bottom (the same bytes, as bh_flow_lattice.join promises).
			bool empty = b != 0;
			if (!empty)
				lat->boundary(meet, c);
			for (uint32_t k = 0; k < blk->npreds; k++) {
				const void *src = bh_flow_out(r, blk->preds[k]);
				if (bh_bnd_edge_acts(fn, blk->preds[k], b, c)) {
					memcpy(edge, src, c->fact_size);
					lat->transfer_edge(edge, fn, blk->preds[k], b, c);
					src = edge;
				}
				if (empty)
					memcpy(meet, src, c->fact_size);
				else
					lat->join(meet, src, c);
				empty = false;
			}
			if (empty)
				lat->init(meet, c);
			bh_flow_set(r, b, false, meet);
			bh_bnd_transfer_block(meet, fn, blk, c);
			bh_flow_set(r, b, true, meet);
		}
	free(meet);
	free(edge);
}

