// SPDX-License-Identifier: MIT
// Post-dominators of a bh_ir function and the control dependence they
// give: Cooper, Harvey and Kennedy's algorithm (as in flow_dom.c) on the
// reversed CFG, rooted at a virtual exit that every return, every block
// after a noreturn call and every block that cannot reach a return leads
// to. A block is control dependent on a branch when the branch decides
// whether it runs (Ferrante, Ottenstein and Warren): it post-dominates
// one successor of the branch but not the branch itself. c.toctou asks it
// of the branches on a check's outcome ("does the check decide the use?").
//
// Requires: a verified bh_ir_func.  Provides: bh_flow_postdom.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/flow.h"

#define UNDEF (UINT32_MAX - 1)

static bool edge_ok(uint32_t from, uint32_t to, bool (*ok)(uint32_t, uint32_t, void *),
		    void *payload)
{
	return !ok || ok(from, to, payload);
}

// `order` is the postorder of the reversed graph, the exit last: walking
// up the tree raises it (Cooper, Harvey and Kennedy's finger rule).
static uint32_t intersect(const uint32_t *ipdom, const uint32_t *order, uint32_t a, uint32_t b)
{
	while (a != b) {
		while (order[a] < order[b])
			a = ipdom[a];
		while (order[b] < order[a])
			b = ipdom[b];
	}
	return a;
}

// Blocks that lead straight to the virtual exit: returns, blocks with no
// usable successor, and (so that every block has a post-dominator) blocks
// from which no exit can be reached, such as `for (;;)` without a break.
static bool *find_exits(const bh_ir_func *fn, bool (*ok)(uint32_t, uint32_t, void *), void *payload)
{
	uint32_t n = fn->nblocks;
	bool *exit = bh_xcalloc((size_t)n + 1, sizeof(*exit));
	bool *reaches = bh_xcalloc((size_t)n + 1, sizeof(*reaches));
	uint32_t *stack = bh_xmalloc(((size_t)n + 1) * sizeof(*stack));
	size_t sp = 0;
	for (uint32_t b = 0; b < n; b++) {
		const bh_ir_block *blk = &fn->blocks[b];
		bool out = false;
		for (uint32_t k = 0; k < blk->nsuccs && !out; k++)
			out = edge_ok(b, blk->succs[k], ok, payload);
		if (!out) {
			exit[b] = reaches[b] = true;
			stack[sp++] = b;
		}
	}
	while (sp) {
		uint32_t b = stack[--sp];
		for (uint32_t k = 0; k < fn->blocks[b].npreds; k++) {
			uint32_t p = fn->blocks[b].preds[k];
			if (!reaches[p] && edge_ok(p, b, ok, payload)) {
				reaches[p] = true;
				stack[sp++] = p;
			}
		}
	}
	for (uint32_t b = 0; b < n; b++)
		if (!reaches[b])
			exit[b] = true;
	free(reaches);
	free(stack);
	return exit;
}

// Postorder of the reversed graph from the virtual exit `n`: order[b] is
// b's position; a higher position is closer to the exit. Iterative DFS.
static uint32_t *reverse_postorder(const bh_ir_func *fn, const bool *exit,
				   bool (*ok)(uint32_t, uint32_t, void *), void *payload,
				   uint32_t **seq_out)
{
	uint32_t n = fn->nblocks;
	uint32_t *order = bh_xmalloc(((size_t)n + 1) * sizeof(*order));
	uint32_t *seq = bh_xmalloc(((size_t)n + 1) * sizeof(*seq));
	bool *seen = bh_xcalloc((size_t)n + 1, sizeof(*seen));
	uint32_t *stack = bh_xmalloc(((size_t)n + 1) * sizeof(*stack));
	uint32_t *next = bh_xcalloc((size_t)n + 1, sizeof(*next));
	uint32_t clock = 0;
	size_t sp = 0;
	stack[sp++] = n;
	seen[n] = true;
	while (sp) {
		uint32_t b = stack[sp - 1];
		// Reverse successors: of the exit, the exit blocks; of a block,
		// its predecessors along usable edges.
		uint32_t found = UINT32_MAX;
		if (b == n) {
			for (uint32_t x = next[n]; x < n && found == UINT32_MAX; x++) {
				next[n] = x + 1;
				if (exit[x] && !seen[x])
					found = x;
			}
		} else {
			const bh_ir_block *blk = &fn->blocks[b];
			while (next[b] < blk->npreds && found == UINT32_MAX) {
				uint32_t p = blk->preds[next[b]++];
				if (!seen[p] && edge_ok(p, b, ok, payload))
					found = p;
			}
		}
		if (found != UINT32_MAX) {
			seen[found] = true;
			stack[sp++] = found;
			continue;
		}
		order[b] = clock;
		seq[clock++] = b;
		sp--;
	}
	free(seen);
	free(stack);
	free(next);
	*seq_out = seq;
	return order;
}

bh_flow_outcome bh_flow_compute_postdom(bh_flow_postdom **out, bh_arena *arena,
					const bh_ir_func *fn,
					bool (*ok)(uint32_t from, uint32_t to, void *payload),
					void *payload)
{
	uint32_t n = fn->nblocks;
	bh_flow_postdom *pd = bh_arena_alloc(arena, sizeof(*pd));
	memset(pd, 0, sizeof(*pd));
	pd->fn = fn;
	pd->ipdom = bh_arena_alloc(arena, ((size_t)n + 1) * sizeof(uint32_t));
	*out = pd;
	bool *exit = find_exits(fn, ok, payload);
	uint32_t *seq;
	uint32_t *order = reverse_postorder(fn, exit, ok, payload, &seq);
	for (uint32_t b = 0; b <= n; b++)
		pd->ipdom[b] = UNDEF;
	pd->ipdom[n] = n;
	// Every block is reached from the exit (find_exits made sure), so
	// seq holds n + 1 entries, the exit last. Visit in reverse postorder
	// of the reversed graph: from the exit down.
	size_t passes = 0, max_passes = (size_t)n + 8;
	bool changed = true;
	while (changed) {
		if (passes++ >= max_passes) {
			pd->outcome = BH_FLOW_BUDGET;
			break;
		}
		changed = false;
		for (uint32_t i = n; i-- > 0;) {
			uint32_t b = seq[i];
			const bh_ir_block *blk = &fn->blocks[b];
			uint32_t nd = exit[b] ? n : UNDEF;
			for (uint32_t k = 0; k < blk->nsuccs; k++) {
				uint32_t s = blk->succs[k];
				if (pd->ipdom[s] == UNDEF || !edge_ok(b, s, ok, payload))
					continue;
				nd = nd == UNDEF ? s : intersect(pd->ipdom, order, s, nd);
			}
			if (nd != UNDEF && pd->ipdom[b] != nd) {
				pd->ipdom[b] = nd;
				changed = true;
			}
		}
	}
	for (uint32_t b = 0; b < n; b++) {
		if (pd->ipdom[b] == UNDEF)
			pd->ipdom[b] = n;
		if (pd->ipdom[b] == n)
			pd->ipdom[b] = BH_FLOW_EXIT;
	}
	pd->ipdom[n] = BH_FLOW_EXIT;
	free(exit);
	free(order);
	free(seq);
	return pd->outcome;
}

void bh_flow_control_dependents(const bh_flow_postdom *pd, uint32_t branch, bool *decided,
				bool (*ok)(uint32_t from, uint32_t to, void *payload),
				void *payload)
{
	const bh_ir_func *fn = pd->fn;
	if (branch >= fn->nblocks)
		return;
	// A worklist of branches whose dependents are still to mark: the
	// blocks a branch decides may hold branches of their own.
	bool *queued = bh_xcalloc(fn->nblocks, sizeof(*queued));
	uint32_t *work = bh_xmalloc(fn->nblocks * sizeof(*work));
	size_t nwork = 0;
	work[nwork++] = branch;
	queued[branch] = true;
	while (nwork) {
		uint32_t b = work[--nwork];
		const bh_ir_block *blk = &fn->blocks[b];
		if (blk->nsuccs < 2)
			continue;
		for (uint32_t k = 0; k < blk->nsuccs; k++) {
			if (!edge_ok(b, blk->succs[k], ok, payload))
				continue;
			// Up the post-dominator tree from the successor to the
			// branch's own post-dominator: all of these run only when
			// the branch goes this way.
			for (uint32_t r = blk->succs[k]; r != BH_FLOW_EXIT && r != pd->ipdom[b];
			     r = pd->ipdom[r]) {
				decided[r] = true;
				if (!queued[r]) {
					queued[r] = true;
					work[nwork++] = r;
				}
			}
		}
	}
	free(queued);
	free(work);
}
