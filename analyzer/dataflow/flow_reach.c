// SPDX-License-Identifier: MIT
// Reaching definitions over bh_ir, as a forward bitset analysis on the
// generic solver: the first client of flow.c and the base of def-use
// chains for taint ("which assignment gave n its value here?").
//
// Requires: a verified bh_ir_func.  Provides: bh_flow_reach (facts at
// block boundaries; bh_flow_reach_at replays a block for one point).
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/flow.h"

typedef struct {
	const bh_ir_func *fn;
	const bh_flow_def *defs;
	uint32_t ndefs;
	size_t nwords;
	uint32_t *instr_def;   // instruction id -> def index, or UINT32_MAX
	uint32_t *bit;         // def index -> bit in the facts, or UINT32_MAX (block-local temporary)
	uint32_t *var_index;   // bh_flow_track_vars: UINT32_MAX for untracked variables
	uint32_t nbits;
	uint32_t *var_start;   // CSR: defs of variable v are var_defs[var_start[v] .. var_start[v+1])
	uint32_t *var_defs;
	// The same sets as bitset words, so that a whole-variable write kills
	// with one AND per word touched instead of one per definition (a
	// variable assigned in thousands of places is common in generated
	// code): words of v are kill[kill_start[v] .. kill_start[v+1]).
	uint32_t *kill_start;
	struct kill_word {
		uint32_t word;
		bh_flow_word mask;
	} *kill;
} reach_ctx;

// -------------------------------------------------------------- lattice

static void rd_init(void *fact, void *payload)
{
	reach_ctx *c = payload;
	memset(fact, 0, c->nwords * sizeof(bh_flow_word));
}

// Parameters enter with the caller's values: their entry definitions.
static void rd_boundary(void *fact, void *payload)
{
	reach_ctx *c = payload;
	rd_init(fact, payload);
	for (uint32_t d = 0; d < c->ndefs && c->defs[d].instr == UINT32_MAX; d++)
		if (c->bit[d] != UINT32_MAX)
			bh_flow_set_bit(fact, c->bit[d]);
}

static void rd_join(void *dst, const void *src, void *payload)
{
	reach_ctx *c = payload;
	bh_flow_word *d = dst;
	const bh_flow_word *s = src;
	for (size_t i = 0; i < c->nwords; i++)
		d[i] |= s[i];
}

static bool rd_equal(const void *a, const void *b, void *payload)
{
	reach_ctx *c = payload;
	return memcmp(a, b, c->nwords * sizeof(bh_flow_word)) == 0;
}

static void rd_copy(void *dst, const void *src, void *payload)
{
	reach_ctx *c = payload;
	memcpy(dst, src, c->nwords * sizeof(bh_flow_word));
}

static bool same_field(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void rd_transfer(void *fact, const bh_ir_func *fn, const bh_ir_instr *in, void *payload)
{
	(void)fn;
	reach_ctx *c = payload;
	uint32_t d = c->instr_def[in->id];
	if (d == UINT32_MAX || c->bit[d] == UINT32_MAX)
		return;
	const bh_flow_def *def = &c->defs[d];
	bh_flow_word *set = fact;
	// A whole-variable write kills every definition of the variable and
	// of its fields; `s.f = v` kills only earlier writes of s.f.
	if (!def->field) {
		for (uint32_t k = c->kill_start[def->var]; k < c->kill_start[def->var + 1]; k++)
			set[c->kill[k].word] &= ~c->kill[k].mask;
	} else {
		for (uint32_t k = c->var_start[def->var]; k < c->var_start[def->var + 1]; k++) {
			uint32_t other = c->var_defs[k];
			if (same_field(c->defs[other].field, def->field))
				bh_flow_clear_bit(fact, c->bit[other]);
		}
	}
	bh_flow_set_bit(fact, c->bit[d]);
}

// ------------------------------------------------------------- defs

// The definition an instruction makes, if any: its variable and field.
static bool instr_defines(const bh_ir_instr *in, uint32_t *var, const char **field)
{
	if (in->dst.kind == BH_IR_OPND_VAR) {
		*var = in->dst.var;
		*field = NULL;
		return true;
	}
	if (in->op == BH_IR_FIELD_STORE && !in->arrow && in->nargs >= 1 &&
	    in->args[0].kind == BH_IR_OPND_VAR) {
		*var = in->args[0].var;
		*field = in->name;
		return true;
	}
	return false;
}

bh_flow_outcome bh_flow_compute_reach(bh_flow_reach **out, bh_arena *arena, const bh_ir_func *fn,
				      const bh_flow_options *opts)
{
	bh_flow_reach *r = bh_arena_alloc(arena, sizeof(*r));
	r->fn = fn;
	// Count, then fill: parameters' entry definitions first, then the
	// instructions in id order.
	uint32_t n = fn->nparams;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			uint32_t v;
			const char *f;
			n += instr_defines(&fn->blocks[b].instrs[i], &v, &f);
		}
	r->defs = bh_arena_alloc(arena, (n ? n : 1) * sizeof(*r->defs));
	reach_ctx c = { .fn = fn, .defs = r->defs };
	c.instr_def = bh_arena_alloc(arena, (fn->ninstrs ? fn->ninstrs : 1) * sizeof(uint32_t));
	for (uint32_t p = 0; p < fn->nparams; p++) {
		bh_flow_def *d = &r->defs[r->ndefs++];
		d->instr = UINT32_MAX;
		d->var = p;
	}
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			uint32_t v;
			const char *f;
			c.instr_def[in->id] = UINT32_MAX;
			if (!instr_defines(in, &v, &f))
				continue;
			c.instr_def[in->id] = r->ndefs;
			bh_flow_def *d = &r->defs[r->ndefs++];
			d->instr = in->id;
			d->var = v;
			d->field = f;
		}
	}
	c.ndefs = r->ndefs;
	// Only definitions of variables that cross block boundaries get a
	// bit: a temporary used in its own block needs no global fact.
	bh_flow_track_vars(&c.var_index, arena, fn);
	c.bit = bh_arena_alloc(arena, (r->ndefs ? r->ndefs : 1) * sizeof(uint32_t));
	for (uint32_t d = 0; d < r->ndefs; d++)
		c.bit[d] = c.var_index[r->defs[d].var] != UINT32_MAX ? c.nbits++ : UINT32_MAX;
	c.nwords = r->nwords = BH_FLOW_WORDS(c.nbits ? c.nbits : 1);

	// Definitions grouped by variable (counting sort).
	c.var_start = bh_arena_alloc(arena, (fn->nvars + 1) * sizeof(uint32_t));
	c.var_defs = bh_arena_alloc(arena, (r->ndefs ? r->ndefs : 1) * sizeof(uint32_t));
	for (uint32_t d = 0; d < r->ndefs; d++)
		c.var_start[r->defs[d].var + 1]++;
	for (uint32_t v = 0; v < fn->nvars; v++)
		c.var_start[v + 1] += c.var_start[v];
	uint32_t *fill = bh_xmalloc((fn->nvars + 1) * sizeof(*fill));
	memcpy(fill, c.var_start, (fn->nvars + 1) * sizeof(*fill));
	for (uint32_t d = 0; d < r->ndefs; d++)
		c.var_defs[fill[r->defs[d].var]++] = d;
	free(fill);
	// Kill words: each variable's defs are ascending, so consecutive
	// defs in the same word merge into one entry.
	c.kill_start = bh_arena_alloc(arena, (fn->nvars + 1) * sizeof(uint32_t));
	c.kill = bh_arena_alloc(arena, (r->ndefs ? r->ndefs : 1) * sizeof(*c.kill));
	uint32_t nk = 0;
	for (uint32_t v = 0; v < fn->nvars; v++) {
		c.kill_start[v] = nk;
		for (uint32_t k = c.var_start[v]; k < c.var_start[v + 1]; k++) {
			uint32_t d = c.bit[c.var_defs[k]];
			if (d == UINT32_MAX)
				break; // all of v's defs are untracked alike
			uint32_t word = d / 64u;
			if (nk == c.kill_start[v] || c.kill[nk - 1].word != word) {
				c.kill[nk].word = word;
				c.kill[nk].mask = 0;
				nk++;
			}
			c.kill[nk - 1].mask |= (bh_flow_word)1u << (d % 64u);
		}
	}
	c.kill_start[fn->nvars] = nk;

	bh_flow_lattice lat = {
		.fact_size = c.nwords * sizeof(bh_flow_word),
		.init = rd_init,
		.boundary = rd_boundary,
		.join = rd_join,
		.equal = rd_equal,
		.copy = rd_copy,
		.transfer_instr = rd_transfer,
	};
	bh_flow_options o = opts ? *opts : (bh_flow_options)BH_FLOW_OPTIONS_INIT;
	o.dir = BH_FLOW_FORWARD;
	// The context is needed again by bh_flow_reach_at: keep a copy.
	reach_ctx *kept = bh_arena_memdup(arena, &c, sizeof(c));
	bh_flow_outcome res = bh_flow_solve(&r->result, arena, fn, &lat, &o, kept);
	r->ctx = kept;
	*out = r;
	return res;
}

size_t bh_flow_reach_at(const bh_flow_reach *r, uint32_t instr, uint32_t var,
			uint32_t *defs_out, size_t max)
{
	const bh_ir_instr *at = bh_ir_instr_at(r->fn, instr);
	if (!at || var >= r->fn->nvars)
		return 0;
	reach_ctx *c = r->ctx;
	const bh_ir_block *b = &r->fn->blocks[at->block];
	if (c->var_index[var] == UINT32_MAX) {
		// A block-local temporary: its one definition is earlier in
		// this block.
		for (uint32_t i = at->id - b->instrs[0].id; i-- > 0;) {
			uint32_t d = c->instr_def[b->instrs[i].id];
			if (d != UINT32_MAX && r->defs[d].var == var) {
				if (max)
					defs_out[0] = d;
				return 1;
			}
		}
		return 0;
	}
	if (!bh_flow_in(&r->result, at->block))
		return 0;
	bh_flow_word *fact = bh_xmalloc(c->nwords * sizeof(bh_flow_word));
	memcpy(fact, bh_flow_in(&r->result, at->block), c->nwords * sizeof(bh_flow_word));
	for (uint32_t i = 0; i < b->ninstrs && b->instrs[i].id != instr; i++)
		rd_transfer(fact, r->fn, &b->instrs[i], c);
	size_t n = 0;
	for (uint32_t k = c->var_start[var]; k < c->var_start[var + 1]; k++) {
		uint32_t d = c->var_defs[k];
		if (!bh_flow_bit(fact, c->bit[d]))
			continue;
		if (n < max)
			defs_out[n] = d;
		n++;
	}
	free(fact);
	return n;
}
