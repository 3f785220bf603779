// SPDX-License-Identifier: MIT
// Dominators of a bh_ir function: Cooper, Harvey and Kennedy, "A Simple,
// Fast Dominance Algorithm" (iterating idom intersections in reverse
// postorder), then pre/post numbers on the dominator tree so that "does
// a dominate b" is two comparisons. The null and bounds rules ask it of
// every check they find ("is this use guarded on every path?").
//
// Requires: a verified bh_ir_func (every block reachable from the
// entry).  Provides: bh_flow_dom.
#include <stdlib.h>

#include "bulkhead/arena.h"
#include "bulkhead/flow.h"

#define UNDEF UINT32_MAX

static uint32_t intersect(const uint32_t *idom, const uint32_t *rpo_index, uint32_t a, uint32_t b)
{
	while (a != b) {
		while (rpo_index[a] > rpo_index[b])
			a = idom[a];
		while (rpo_index[b] > rpo_index[a])
			b = idom[b];
	}
	return a;
}

bh_flow_outcome bh_flow_compute_dom(bh_flow_dom **out, bh_arena *arena, const bh_ir_func *fn)
{
	uint32_t n = fn->nblocks;
	bh_flow_dom *d = bh_arena_alloc(arena, sizeof(*d));
	d->fn = fn;
	d->idom = bh_arena_alloc(arena, (n ? n : 1) * sizeof(uint32_t));
	d->pre = bh_arena_alloc(arena, (n ? n : 1) * sizeof(uint32_t));
	d->post = bh_arena_alloc(arena, (n ? n : 1) * sizeof(uint32_t));
	*out = d;
	if (n == 0)
		return BH_FLOW_DONE;

	uint32_t *rpo, *rpo_index;
	bh_flow_rpo(&rpo, &rpo_index, arena, fn);
	for (uint32_t b = 0; b < n; b++)
		d->idom[b] = UNDEF;
	d->idom[0] = 0;
	// The algorithm converges in a few passes on reducible graphs and in
	// O(n) passes on any; the cap is only there for hostile input.
	size_t passes = 0, max_passes = (size_t)n + 8;
	bool changed = true;
	while (changed) {
		if (passes++ >= max_passes) {
			d->outcome = BH_FLOW_BUDGET;
			break;
		}
		changed = false;
		for (uint32_t i = 1; i < n; i++) {
			uint32_t b = rpo[i];
			const bh_ir_block *blk = &fn->blocks[b];
			uint32_t nd = UNDEF;
			for (uint32_t k = 0; k < blk->npreds; k++) {
				uint32_t p = blk->preds[k];
				if (d->idom[p] == UNDEF)
					continue;
				nd = nd == UNDEF ? p : intersect(d->idom, rpo_index, p, nd);
			}
			if (nd != UNDEF && d->idom[b] != nd) {
				d->idom[b] = nd;
				changed = true;
			}
		}
	}
	// Unreached blocks (none in verified IR) hang off the entry.
	for (uint32_t b = 0; b < n; b++)
		if (d->idom[b] == UNDEF)
			d->idom[b] = 0;

	// Children lists of the tree (CSR), then an iterative DFS numbering.
	uint32_t *start = bh_xcalloc((size_t)n + 1, sizeof(*start));
	uint32_t *kids = bh_xmalloc(n * sizeof(*kids));
	for (uint32_t b = 1; b < n; b++)
		start[d->idom[b] + 1]++;
	for (uint32_t b = 0; b < n; b++)
		start[b + 1] += start[b];
	uint32_t *fill = bh_xmalloc(((size_t)n + 1) * sizeof(*fill));
	for (uint32_t b = 0; b <= n; b++)
		fill[b] = start[b];
	for (uint32_t b = 1; b < n; b++)
		kids[fill[d->idom[b]]++] = b;
	uint32_t *stack = bh_xmalloc(n * sizeof(*stack));
	uint32_t *next = bh_xcalloc(n, sizeof(*next));
	uint32_t clock = 0;
	size_t sp = 0;
	stack[sp++] = 0;
	d->pre[0] = clock++;
	while (sp) {
		uint32_t b = stack[sp - 1];
		if (start[b] + next[b] < start[b + 1]) {
			uint32_t c = kids[start[b] + next[b]++];
			d->pre[c] = clock++;
			stack[sp++] = c;
			continue;
		}
		d->post[b] = clock++;
		sp--;
	}
	free(start);
	free(kids);
	free(fill);
	free(stack);
	free(next);
	return d->outcome;
}

bool bh_flow_dominates(const bh_flow_dom *d, uint32_t a, uint32_t b)
{
	if (a >= d->fn->nblocks || b >= d->fn->nblocks)
		return false;
	return d->pre[a] <= d->pre[b] && d->post[b] <= d->post[a];
}

bool bh_flow_instr_dominates(const bh_flow_dom *d, uint32_t a, uint32_t b)
{
	const bh_ir_instr *x = bh_ir_instr_at(d->fn, a), *y = bh_ir_instr_at(d->fn, b);
	if (!x || !y)
		return false;
	if (x->block == y->block)
		return a <= b;
	return bh_flow_dominates(d, x->block, y->block);
}
