// SPDX-License-Identifier: MIT
// The generic dataflow solver: a worklist over the blocks of one bh_ir
// function, ordered by reverse postorder (forward analyses) or postorder
// (backward ones) so that most facts are final after one sweep of an
// acyclic region, with widening at loop heads and a hard visit budget.
//
// Requires: a verified bh_ir_func (every block reachable from the entry,
// predecessors the inverse of successors). Provides: bh_flow_result, the
// facts at both ends of every block.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/flow.h"

#define DEFAULT_WIDEN_AFTER 3

// ---------------------------------------------------------------- orders

void bh_flow_rpo(uint32_t **order_out, uint32_t **index_out, bh_arena *arena, const bh_ir_func *fn)
{
	uint32_t n = fn->nblocks;
	uint32_t *order = bh_arena_alloc(arena, (n ? n : 1) * sizeof(*order));
	uint32_t *index = bh_arena_alloc(arena, (n ? n : 1) * sizeof(*index));
	// Iterative DFS: a frame is (block, next successor to look at).
	uint32_t *stack = bh_xmalloc((n ? n : 1) * sizeof(*stack));
	uint32_t *next = bh_xcalloc(n ? n : 1, sizeof(*next));
	bool *seen = bh_xcalloc(n ? n : 1, sizeof(*seen));
	uint32_t post = 0;
	size_t sp = 0;
	if (n) {
		stack[sp++] = 0;
		seen[0] = true;
	}
	while (sp) {
		uint32_t b = stack[sp - 1];
		const bh_ir_block *blk = &fn->blocks[b];
		if (next[b] < blk->nsuccs) {
			// Successors last to first: the first successor (a loop's
			// body, an if's then) then comes first in RPO, so a loop
			// is finished before the code after it is visited.
			uint32_t s = blk->succs[blk->nsuccs - 1 - next[b]++];
			if (!seen[s]) {
				seen[s] = true;
				stack[sp++] = s;
			}
			continue;
		}
		sp--;
		order[n - 1 - post++] = b;
	}
	// Unreachable blocks (not in verified IR, but be safe) go first in
	// the order after the reachable ones are placed from the end.
	if (post < n) {
		uint32_t k = 0;
		uint32_t *tmp = bh_xmalloc(n * sizeof(*tmp));
		for (uint32_t i = n - post; i < n; i++)
			tmp[k++] = order[i];
		for (uint32_t b = 0; b < n; b++)
			if (!seen[b])
				tmp[k++] = b;
		memcpy(order, tmp, n * sizeof(*tmp));
		free(tmp);
	}
	for (uint32_t i = 0; i < n; i++)
		index[order[i]] = i;
	free(stack);
	free(next);
	free(seen);
	*order_out = order;
	if (index_out)
		*index_out = index;
}

// ------------------------------------------------------------- worklist

// A min-heap of positions in the visiting order, each at most once.
typedef struct {
	uint32_t *heap;
	bool *queued;   // by position
	uint32_t len;
} worklist;

static void wl_push(worklist *w, uint32_t pos)
{
	if (w->queued[pos])
		return;
	w->queued[pos] = true;
	uint32_t i = w->len++;
	w->heap[i] = pos;
	while (i > 0) {
		uint32_t parent = (i - 1) / 2;
		if (w->heap[parent] <= w->heap[i])
			break;
		uint32_t t = w->heap[parent];
		w->heap[parent] = w->heap[i];
		w->heap[i] = t;
		i = parent;
	}
}

static uint32_t wl_pop(worklist *w)
{
	uint32_t top = w->heap[0];
	w->queued[top] = false;
	w->heap[0] = w->heap[--w->len];
	uint32_t i = 0;
	for (;;) {
		uint32_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < w->len && w->heap[l] < w->heap[m])
			m = l;
		if (r < w->len && w->heap[r] < w->heap[m])
			m = r;
		if (m == i)
			break;
		uint32_t t = w->heap[m];
		w->heap[m] = w->heap[i];
		w->heap[i] = t;
		i = m;
	}
	return top;
}

// ----------------------------------------------------------------- facts

// Facts are never changed once stored, so blocks can share them: a block
// whose only incoming fact crosses its edge unchanged takes its
// predecessor's fact instead of a copy, and blocks not reached yet share
// one bottom. Each buffer carries a use count and goes back to a free list
// when no block holds it, so a function never has more than two live
// facts per block and a few in flight. (Three copies of each block's whole
// fact per visit were 44 % of the taint analysis' instructions on redis.)
typedef struct fact_hdr {
	size_t uses;
	struct fact_hdr *next_free;
} fact_hdr;

#define HDR_SIZE ((sizeof(fact_hdr) + 15u) & ~(size_t)15u)

struct bh_flow_pool {
	bh_arena *arena;
	size_t fact_size;
	fact_hdr *free;
};

static fact_hdr *hdr_of(unsigned char *fact)
{
	return (fact_hdr *)(void *)(fact - HDR_SIZE);
}

static unsigned char *fact_new(bh_flow_pool *p)
{
	fact_hdr *h = p->free;
	if (h)
		p->free = h->next_free;
	else
		h = bh_arena_alloc_raw(p->arena, HDR_SIZE + p->fact_size);
	h->uses = 1;
	return (unsigned char *)h + HDR_SIZE;
}

static unsigned char *fact_hold(unsigned char *fact)
{
	hdr_of(fact)->uses++;
	return fact;
}

static void fact_drop(bh_flow_pool *p, unsigned char *fact)
{
	fact_hdr *h = hdr_of(fact);
	if (--h->uses == 0) {
		h->next_free = p->free;
		p->free = h;
	}
}

// ---------------------------------------------------------------- solver

typedef struct {
	const bh_flow_lattice *lat;
	const bh_ir_func *fn;
	void *payload;
	bool forward;
	bh_flow_pool *pool;
	bh_flow_result *r;
	unsigned char *bottom, *bound;
	unsigned char *edge; // scratch for a fact crossing an edge that acts
} solver;

static void transfer(const solver *s, void *fact, const bh_ir_block *b)
{
	if (s->lat->transfer_block) {
		s->lat->transfer_block(fact, s->fn, b, s->payload);
		return;
	}
	if (s->forward) {
		for (uint32_t i = 0; i < b->ninstrs; i++)
			s->lat->transfer_instr(fact, s->fn, &b->instrs[i], s->payload);
	} else {
		for (uint32_t i = b->ninstrs; i-- > 0;)
			s->lat->transfer_instr(fact, s->fn, &b->instrs[i], s->payload);
	}
}

// Does the edge between block `b` and its neighbour `other` (predecessor
// forward, successor backward) change what crosses it?
static bool edge_acts(const solver *s, uint32_t other, uint32_t b)
{
	const bh_flow_lattice *lat = s->lat;
	if (!lat->transfer_edge)
		return false;
	if (!lat->edge_acts)
		return true;
	return s->forward ? lat->edge_acts(s->fn, other, b, s->payload)
			  : lat->edge_acts(s->fn, b, other, s->payload);
}

static void cross_edge(const solver *s, void *fact, uint32_t other, uint32_t b)
{
	if (s->forward)
		s->lat->transfer_edge(fact, s->fn, other, b, s->payload);
	else
		s->lat->transfer_edge(fact, s->fn, b, other, s->payload);
}

// The meet over the facts coming into block `b` (the boundary fact where
// facts enter), as a held fact: shared where it is one incoming fact
// unchanged, fresh otherwise.
static unsigned char *meet_into(const solver *s, uint32_t b)
{
	const bh_flow_lattice *lat = s->lat;
	const bh_ir_block *blk = &s->fn->blocks[b];
	const uint32_t *from = s->forward ? blk->preds : blk->succs;
	uint32_t nfrom = s->forward ? blk->npreds : blk->nsuccs;
	unsigned char **side = s->forward ? s->r->out : s->r->in;
	bool is_boundary = s->forward ? b == 0 : blk->nsuccs == 0;
	if (nfrom == 0)
		return fact_hold(is_boundary ? s->bound : s->bottom);
	if (!is_boundary && nfrom == 1 && !edge_acts(s, from[0], b))
		return fact_hold(side[from[0]]);
	unsigned char *meet = fact_new(s->pool);
	// The first incoming fact is copied, not joined into bottom (the
	// lattice's join promises the same bytes): a join costs more.
	bool empty = true;
	if (is_boundary) {
		lat->copy(meet, s->bound, s->payload);
		empty = false;
	}
	for (uint32_t k = 0; k < nfrom; k++) {
		const unsigned char *src = side[from[k]];
		if (edge_acts(s, from[k], b)) {
			unsigned char *into = empty ? meet : s->edge;
			lat->copy(into, src, s->payload);
			cross_edge(s, into, from[k], b);
			src = into;
		} else if (empty) {
			lat->copy(meet, src, s->payload);
			src = meet;
		}
		if (src != meet)
			lat->join(meet, src, s->payload);
		empty = false;
	}
	return meet;
}

// A fact the caller may change: `fact` itself when nothing else holds it.
static unsigned char *own(const solver *s, unsigned char *fact)
{
	if (hdr_of(fact)->uses == 1)
		return fact;
	unsigned char *mine = fact_new(s->pool);
	s->lat->copy(mine, fact, s->payload);
	fact_drop(s->pool, fact);
	return mine;
}

bh_flow_outcome bh_flow_solve(bh_flow_result *out, bh_arena *arena, const bh_ir_func *fn,
			      const bh_flow_lattice *lat, const bh_flow_options *opts,
			      void *payload)
{
	bh_flow_options defaults = BH_FLOW_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	bh_assert(lat->fact_size > 0 && lat->init && lat->join && lat->equal && lat->copy);
	bh_assert((lat->transfer_block != NULL) != (lat->transfer_instr != NULL));
	uint32_t n = fn->nblocks;
	size_t fs = lat->fact_size;
	memset(out, 0, sizeof(*out));
	out->fn = fn;
	out->dir = opts->dir;
	out->fact_size = fs;
	// At most two facts per block are live, and four more in flight.
	if (fs > BH_FLOW_MAX_FACT_BYTES / (2 * (size_t)n + 4) - HDR_SIZE) {
		out->outcome = BH_FLOW_BUDGET;
		return BH_FLOW_BUDGET;
	}
	bh_flow_pool *pool = bh_arena_alloc(arena, sizeof(*pool));
	pool->arena = arena;
	pool->fact_size = fs;
	out->pool = pool;
	out->in = bh_arena_alloc_raw(arena, (n ? n : 1) * sizeof(*out->in));
	out->out = bh_arena_alloc_raw(arena, (n ? n : 1) * sizeof(*out->out));
	solver s = { lat, fn, payload, opts->dir == BH_FLOW_FORWARD, pool, out, NULL, NULL, NULL };
	s.bottom = fact_new(pool);
	lat->init(s.bottom, payload);
	for (uint32_t b = 0; b < (n ? n : 1); b++)
		out->in[b] = out->out[b] = fact_hold(fact_hold(s.bottom));
	if (n == 0) {
		fact_drop(pool, s.bottom);
		return BH_FLOW_DONE;
	}
	s.bound = fact_new(pool);
	if (lat->boundary)
		lat->boundary(s.bound, payload);
	else
		lat->init(s.bound, payload);
	s.edge = bh_xmalloc(fs);

	uint32_t *rpo, *rpo_index;
	bh_flow_rpo(&rpo, &rpo_index, arena, fn);
	// Visiting order: RPO forward, its reverse (postorder) backward.
	uint32_t *order = bh_xmalloc(n * sizeof(*order));
	uint32_t *pos = bh_xmalloc(n * sizeof(*pos));
	for (uint32_t i = 0; i < n; i++) {
		order[i] = s.forward ? rpo[i] : rpo[n - 1 - i];
		pos[order[i]] = i;
	}
	// Loop heads: where a retreating edge (u -> h with h not after u in
	// RPO) enters, seen in the analysis' direction: h forward, u backward.
	bool *head = bh_xcalloc(n, sizeof(*head));
	for (uint32_t u = 0; u < n; u++) {
		const bh_ir_block *b = &fn->blocks[u];
		for (uint32_t k = 0; k < b->nsuccs; k++) {
			uint32_t h = b->succs[k];
			if (rpo_index[h] <= rpo_index[u])
				head[s.forward ? h : u] = true;
		}
	}
	unsigned widen_after = opts->widen_after ? opts->widen_after : DEFAULT_WIDEN_AFTER;
	size_t nedges = 0;
	for (uint32_t b = 0; b < n; b++)
		nedges += fn->blocks[b].nsuccs;
	size_t budget = opts->max_steps ? opts->max_steps : BH_FLOW_DEFAULT_STEPS(n, nedges);
	unsigned *visits = bh_xcalloc(n, sizeof(*visits));

	worklist wl = { bh_xmalloc(n * sizeof(uint32_t)), bh_xcalloc(n, sizeof(bool)), 0 };
	for (uint32_t i = 0; i < n; i++)
		wl_push(&wl, i);

	bh_flow_outcome outcome = BH_FLOW_DONE;
	while (wl.len) {
		if (out->steps >= budget) {
			outcome = BH_FLOW_BUDGET;
			break;
		}
		uint32_t b = order[wl_pop(&wl)];
		const bh_ir_block *blk = &fn->blocks[b];
		out->visits++;
		out->steps += 1u + (s.forward ? blk->npreds : blk->nsuccs);
		visits[b]++;
		unsigned char **entry_side = s.forward ? &out->in[b] : &out->out[b];
		unsigned char **exit_side = s.forward ? &out->out[b] : &out->in[b];
		unsigned char *meet = meet_into(&s, b);
		if (head[b] && lat->widen && visits[b] > widen_after) {
			meet = own(&s, meet);
			lat->widen(meet, *entry_side, payload);
		}
		// The same fact in as last time gives the same fact out, and
		// the blocks after it have seen that already.
		if (visits[b] > 1 && (meet == *entry_side || lat->equal(meet, *entry_side, payload))) {
			fact_drop(pool, meet);
			continue;
		}
		fact_drop(pool, *entry_side);
		*entry_side = meet;
		unsigned char *exit = fact_new(pool);
		lat->copy(exit, meet, payload);
		transfer(&s, exit, blk);
		if (visits[b] > 1 && lat->equal(exit, *exit_side, payload)) {
			fact_drop(pool, exit);
			continue;
		}
		fact_drop(pool, *exit_side);
		*exit_side = exit;
		const uint32_t *to = s.forward ? blk->succs : blk->preds;
		uint32_t nto = s.forward ? blk->nsuccs : blk->npreds;
		for (uint32_t k = 0; k < nto; k++)
			wl_push(&wl, pos[to[k]]);
	}
	out->outcome = outcome;

	fact_drop(pool, s.bottom);
	fact_drop(pool, s.bound);
	free(s.edge);
	free(wl.heap);
	free(wl.queued);
	free(visits);
	free(head);
	free(order);
	free(pos);
	return outcome;
}

const void *bh_flow_in(const bh_flow_result *r, uint32_t b)
{
	return r->in ? r->in[b] : NULL;
}

const void *bh_flow_out(const bh_flow_result *r, uint32_t b)
{
	return r->out ? r->out[b] : NULL;
}

void bh_flow_set(bh_flow_result *r, uint32_t b, bool at_end, const void *fact)
{
	unsigned char **slot = at_end ? &r->out[b] : &r->in[b];
	if (hdr_of(*slot)->uses > 1) {
		fact_drop(r->pool, *slot);
		*slot = fact_new(r->pool);
	}
	memcpy(*slot, fact, r->fact_size);
}

// ------------------------------------------------------ tracked variables

static void note_use(const bh_ir_opnd *o, uint32_t b, const uint32_t *def_block, bool *cross)
{
	if (o->kind == BH_IR_OPND_VAR && def_block[o->var] != b)
		cross[o->var] = true;
}

uint32_t bh_flow_track_vars(uint32_t **index_out, bh_arena *arena, const bh_ir_func *fn)
{
	uint32_t nv = fn->nvars;
	uint32_t *index = bh_arena_alloc(arena, (nv ? nv : 1) * sizeof(*index));
	uint32_t *def_block = bh_xmalloc((nv ? nv : 1) * sizeof(*def_block));
	uint32_t *ndefs = bh_xcalloc(nv ? nv : 1, sizeof(*ndefs));
	bool *cross = bh_xcalloc(nv ? nv : 1, sizeof(*cross));
	for (uint32_t v = 0; v < nv; v++)
		def_block[v] = UINT32_MAX;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind == BH_IR_OPND_VAR) {
				def_block[in->dst.var] = b;
				ndefs[in->dst.var]++;
			}
		}
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			for (uint32_t a = 0; a < in->nargs; a++)
				note_use(&in->args[a], b, def_block, cross);
			note_use(&in->callee, b, def_block, cross);
		}
	uint32_t n = 0;
	for (uint32_t v = 0; v < nv; v++) {
		bool tracked = fn->vars[v].kind != BH_IR_VAR_TEMP || ndefs[v] > 1 || cross[v];
		index[v] = tracked ? n++ : UINT32_MAX;
	}
	free(def_block);
	free(ndefs);
	free(cross);
	*index_out = index;
	return n;
}
