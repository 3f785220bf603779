// SPDX-License-Identifier: MIT
// Witness paths for the uninitialised-read check: a bounded depth-first
// search from the function's entry to one candidate read, along which the
// read's location stays uninitialised and every branch can go the way the
// path goes (what a path knows is uninit_cond.c's business).
//
// Requires: the function's locations (bh_uninit__prepare) and constants.
// Provides: bh_uninit__search.
//
// States are remembered per block (by a hash) so that a loop is walked a
// few times at most; after STATES_PER_BLOCK distinct states at a loop
// head, the values that changed since the first visit are dropped (a
// counted loop is widened to "some iteration"), and after
// MAX_STATES_PER_BLOCK the block is not explored further: the search
// then cannot prove that no path exists, and says UNKNOWN.
//
// A path is weak when it relies on two related conditions being
// independent (uninit_cond.c, note_choice()); only a path that is not
// weak is a witness.
#include <stdlib.h>
#include <string.h>

#include "dataflow/uninit_path_internal.h"

#define STATES_PER_BLOCK 8
#define MAX_STATES_PER_BLOCK 32
#define MAX_NODES 10000

typedef bh_uninit__state node;

typedef struct {
	bh_uninit__fctx *c;
	const bh_ir_func *fn;
	uint32_t loc;
	bh_flow_word *mask;    // the locations that can flow into `loc`
	bool regen;            // some instruction can make `loc` uninitialised again
	bool *reach;           // blocks from which the read's block can be reached
	BH_VEC(node) nodes;
	bh_flow_word *facts;   // nwords per node
	size_t facts_cap;
	uint64_t *seen;        // open-addressing set of state hashes (0: empty)
	size_t seen_cap, seen_len;
	uint32_t *per_block;   // distinct states met per block
	node *first;           // per block: the first state met there (its values)
	bool incomplete;
} search;

// Blocks from which `target`'s block can be reached.
static void mark_reach(search *s, uint32_t target)
{
	const bh_ir_func *fn = s->fn;
	uint32_t *stack = bh_xmalloc((fn->nblocks + 1) * sizeof(*stack));
	size_t sp = 0;
	s->reach[target] = true;
	stack[sp++] = target;
	while (sp) {
		const bh_ir_block *b = &fn->blocks[stack[--sp]];
		for (uint32_t i = 0; i < b->npreds; i++)
			if (!s->reach[b->preds[i]]) {
				s->reach[b->preds[i]] = true;
				stack[sp++] = b->preds[i];
			}
	}
	free(stack);
}

// The locations that can flow into `loc` (struct copies, transitively),
// and whether some instruction can set its bit again after a write.
static void mark_sources(search *s)
{
	bh_uninit__fctx *c = s->c;
	const bh_ir_func *fn = s->fn;
	bool *vars = bh_xcalloc(fn->nvars + 1, sizeof(*vars));
	uint32_t owner = c->locs[s->loc].var;
	bool heap = c->locs[s->loc].kind == BH_UNINIT__HEAP;
	if (!heap)
		vars[owner] = true;
	bh_flow_word *f = bh_xmalloc(c->nwords * sizeof(*f));
	for (bool changed = true; changed;) {
		changed = false;
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
				const bh_ir_instr *in = &fn->blocks[b].instrs[i];
				const bh_ir_opnd *to;
				const bh_ir_opnd *from = bh_uninit__copy_of(c, in, &to);
				if (from && to->kind == BH_IR_OPND_VAR && vars[to->var] &&
				    from->kind == BH_IR_OPND_VAR && !vars[from->var]) {
					vars[from->var] = true;
					changed = true;
				}
			}
	}
	memset(f, 0xff, c->nwords * sizeof(*f));
	// A copy of an unset value starts out clear: only copies set it.
	uint8_t k = c->locs[s->loc].kind;
	s->regen = k == BH_UNINIT__CARRY || k == BH_UNINIT__GCOPY || k == BH_UNINIT__ECOPY;
	for (uint32_t b = 0; b < fn->nblocks && !s->regen; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs && !s->regen; i++) {
			bh_flow_clear_bit(f, s->loc);
			bh_uninit__step(c, f, &fn->blocks[b].instrs[i]);
			s->regen = bh_flow_bit(f, s->loc);
		}
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (vars[v] && c->var_first[v] != BH_UNINIT__NONE)
			for (uint32_t i = 0; i < c->var_count[v]; i++)
				bh_flow_set_bit(s->mask, c->var_first[v] + i);
	bh_flow_set_bit(s->mask, s->loc);
	// (A local carrying a caller's value gets it from that location.)
	if (c->locs[s->loc].kind == BH_UNINIT__CARRY)
		bh_flow_set_bit(s->mask, c->xv[owner].from);
	free(f);
	free(vars);
}

static uint64_t state_hash(const search *s, const node *n, const bh_flow_word *f)
{
	uint64_t h = bh_uninit__mix(n->block);
	for (size_t i = 0; i < s->c->nwords; i++)
		h = bh_uninit__mix(h ^ (f[i] & s->mask[i]));
	h = bh_uninit__mix(h ^ bh_uninit__knowledge_hash(n));
	return h ? h : 1;
}

// Add `h` to the set of states met; false if it was there.
static bool remember(search *s, uint64_t h)
{
	if (2 * (s->seen_len + 1) > s->seen_cap) {
		size_t cap = s->seen_cap ? 2 * s->seen_cap : 256;
		uint64_t *t = bh_xcalloc(cap, sizeof(*t));
		for (size_t i = 0; i < s->seen_cap; i++)
			if (s->seen[i]) {
				size_t j = s->seen[i] & (cap - 1);
				while (t[j])
					j = (j + 1) & (cap - 1);
				t[j] = s->seen[i];
			}
		free(s->seen);
		s->seen = t;
		s->seen_cap = cap;
	}
	size_t j = h & (s->seen_cap - 1);
	while (s->seen[j]) {
		if (s->seen[j] == h)
			return false;
		j = (j + 1) & (s->seen_cap - 1);
	}
	s->seen[j] = h;
	s->seen_len++;
	return true;
}

// Is block `b` the target of a back edge?
static bool is_loop_head(const bh_uninit__fctx *c, uint32_t b)
{
	const bh_ir_block *blk = &c->fn->blocks[b];
	for (uint32_t i = 0; i < blk->npreds; i++)
		if (c->rpo_index[blk->preds[i]] >= c->rpo_index[b])
			return true;
	return false;
}

// Should the path go on into `n` (not met in this state before)?
static bool admit(search *s, node *n, const bh_flow_word *f)
{
	uint32_t *count = &s->per_block[n->block];
	if (*count >= MAX_STATES_PER_BLOCK || s->nodes.len >= MAX_NODES) {
		s->incomplete = true;
		return false;
	}
	// A loop head met often: forget the values that changed since the
	// first visit (a counter: some iteration), keep the ones that did
	// not (a pointer still NULL, a flag still 0).
	if (*count >= STATES_PER_BLOCK && is_loop_head(s->c, n->block))
		bh_uninit__widen(n, &s->first[n->block]);
	if (!remember(s, state_hash(s, n, f)))
		return false;
	if (!*count)
		s->first[n->block] = *n;
	(*count)++;
	return true;
}

static void push(search *s, const node *n, const bh_flow_word *f)
{
	size_t nw = s->c->nwords;
	if ((s->nodes.len + 1) * nw > s->facts_cap) {
		s->facts_cap = s->facts_cap ? 2 * s->facts_cap : 64 * nw;
		s->facts = bh_xrealloc(s->facts, s->facts_cap * sizeof(*s->facts));
	}
	memcpy(s->facts + s->nodes.len * nw, f, nw * sizeof(*f));
	bh_vec_push(&s->nodes, *n);
}

// Mark in `kills` the blocks from which a write of the location that
// precedes the read can be reached (a write after the read explains
// nothing, unless a loop brings the path back to the read).
// @return the number of blocks that hold such a write.
static size_t mark_kills(const search *s, const bh_ir_instr *target, bool *kills)
{
	bh_uninit__fctx *c = s->c;
	const bh_ir_func *fn = s->fn;
	const bh_ir_block *tb = &fn->blocks[target->block];
	bool tb_loops = false;
	for (uint32_t k = 0; k < tb->nsuccs; k++)
		tb_loops = tb_loops || s->reach[tb->succs[k]];
	bh_flow_word *f = bh_xmalloc(c->nwords * sizeof(*f));
	uint32_t *stack = bh_xmalloc((fn->nblocks + 1) * sizeof(*stack));
	size_t sp = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		if (!s->reach[b])
			continue;
		memset(f, 0xff, c->nwords * sizeof(*f));
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs && !kills[b]; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in == target && !tb_loops)
				break;
			bh_uninit__step(c, f, in);
			kills[b] = !bh_flow_bit(f, s->loc);
		}
		if (kills[b])
			stack[sp++] = b;
	}
	size_t n = sp;
	while (sp) {
		const bh_ir_block *b = &fn->blocks[stack[--sp]];
		for (uint32_t i = 0; i < b->npreds; i++)
			if (!kills[b->preds[i]]) {
				kills[b->preds[i]] = true;
				stack[sp++] = b->preds[i];
			}
	}
	free(stack);
	free(f);
	return n;
}

// The branch on the path to node `last` that skipped the write: the
// last one whose other side leads to a write before the read.
static void find_branch(const search *s, uint32_t last, const bh_ir_instr *target,
			bh_uninit__witness *w)
{
	const bh_ir_func *fn = s->fn;
	bool *kills = bh_xcalloc(fn->nblocks + 1, sizeof(*kills));
	mark_kills(s, target, kills);
	w->branch = w->taken = BH_UNINIT__NONE;
	for (uint32_t n = last; n != BH_UNINIT__NONE && w->branch == BH_UNINIT__NONE;) {
		uint32_t p = s->nodes.items[n].parent;
		if (p == BH_UNINIT__NONE)
			break;
		const bh_ir_block *from = &fn->blocks[s->nodes.items[p].block];
		uint32_t to = s->nodes.items[n].block;
		for (uint32_t k = 0; k < from->nsuccs && from->nsuccs > 1; k++)
			if (from->succs[k] != to && kills[from->succs[k]]) {
				w->branch = from->id;
				w->taken = to;
				break;
			}
		n = p;
	}
	free(kills);
}

// Walk node `ni`'s block; true if the read is reached with its location set.
static bool walk(search *s, uint32_t ni, const bh_ir_instr *target, bh_flow_word *work,
		 bool *dead)
{
	bh_uninit__fctx *c = s->c;
	node cur = s->nodes.items[ni];
	const bh_ir_block *b = &s->fn->blocks[cur.block];
	*dead = false;
	for (uint32_t i = 0; i < b->ninstrs; i++) {
		const bh_ir_instr *in = &b->instrs[i];
		if (c->search_steps == 0) {
			s->incomplete = true;
			*dead = true;
			return false;
		}
		c->search_steps--;
		if (in->id == target->id && bh_flow_bit(work, s->loc)) {
			s->nodes.items[ni].gen = cur.gen;
			return true;
		}
		bool before = bh_flow_bit(work, s->loc);
		bh_uninit__step(c, work, in);
		// Where the location became uninitialised: a malloc(), a call
		// returning a struct, a struct copy. Each assigns the variable
		// that owns the location, and counts even where its bit was
		// already set (the declaration is no longer the origin).
		bool assigns = in->dst.kind == BH_IR_OPND_VAR && in->dst.var == c->locs[s->loc].var;
		if (bh_flow_bit(work, s->loc) && (!before || assigns))
			cur.gen = in->id;
		bh_uninit__learn(c, &cur, in);
		if (!s->regen && !bh_flow_bit(work, s->loc)) {
			*dead = true;
			return false;
		}
	}
	const bh_ir_instr *t = bh_ir_block_terminator(b);
	for (uint32_t k = b->nsuccs; k-- > 0;) {
		uint32_t to = b->succs[k];
		if (!s->reach[to] || bh_flow_edge_dead(&c->consts, s->fn, cur.block, to))
			continue;
		node child = cur;
		child.block = to;
		child.parent = ni;
		if (!t || !bh_uninit__take_edge(c, s->reach, &child, t, to))
			continue;
		// The block's own temporaries are dead past its end: the
		// values worth their room are the variables' ones.
		bh_uninit__leave_block(c, &child);
		if (admit(s, &child, work))
			push(s, &child, work);
	}
	return false;
}

static void search_dispose(search *s)
{
	bh_vec_dispose(&s->nodes);
	free(s->facts);
	free(s->seen);
	free(s->per_block);
	free(s->first);
	free(s->reach);
	free(s->mask);
}

// An array element is reported only when nothing can have written the
// array before the read, on any path: which element a loop filled and
// which one is read later is beyond this analysis.
static bool array_written_before(const search *s, const bh_ir_instr *target)
{
	bool *kills = bh_xcalloc(s->fn->nblocks + 1, sizeof(*kills));
	size_t writes = mark_kills(s, target, kills);
	free(kills);
	return writes > 0;
}

bh_uninit__outcome bh_uninit__search(bh_uninit__fctx *c, const bh_uninit__cand *cand,
				     bh_uninit__witness *w)
{
	const bh_ir_func *fn = c->fn;
	const bh_ir_instr *target = bh_ir_instr_at(fn, cand->instr);
	if (!target || cand->loc >= c->nlocs || c->sink)
		return BH_UNINIT__UNKNOWN;
	if (!c->cond_useful)
		bh_uninit__prepare_tables(c);
	search s;
	memset(&s, 0, sizeof(s));
	s.c = c;
	s.fn = fn;
	s.loc = cand->loc;
	s.mask = bh_xcalloc(c->nwords, sizeof(*s.mask));
	s.reach = bh_xcalloc(fn->nblocks + 1, sizeof(*s.reach));
	s.per_block = bh_xcalloc(fn->nblocks + 1, sizeof(*s.per_block));
	s.first = bh_xcalloc(fn->nblocks + 1, sizeof(*s.first));
	mark_reach(&s, target->block);
	mark_sources(&s);
	if (c->locs[s.loc].kind == BH_UNINIT__ARRAY && array_written_before(&s, target)) {
		search_dispose(&s);
		return BH_UNINIT__NO_PATH;
	}
	bh_flow_word *work = bh_xmalloc(c->nwords * sizeof(*work));
	node start;
	memset(&start, 0, sizeof(start));
	start.parent = start.gen = BH_UNINIT__NONE;
	bh_uninit__boundary(c, work);
	// (The start is always admitted, a first state; were it not, there is
	// no node to search from and the search ends incomplete.)
	bool started = admit(&s, &start, work);
	if (started)
		push(&s, &start, work);
	BH_VEC(uint32_t) stack = { 0 };
	if (started)
		bh_vec_push(&stack, 0u);
	bh_uninit__outcome res = BH_UNINIT__NO_PATH;
	while (stack.len) {
		uint32_t ni = stack.items[--stack.len];
		size_t before = s.nodes.len;
		memcpy(work, s.facts + (size_t)ni * c->nwords, c->nwords * sizeof(*work));
		bool dead;
		if (walk(&s, ni, target, work, &dead)) {
			if (s.nodes.items[ni].weak)
				continue; // keep looking for a path that assumes nothing
			w->gen = s.nodes.items[ni].gen;
			find_branch(&s, ni, target, w);
			res = BH_UNINIT__FOUND;
			break;
		}
		if (dead && s.incomplete)
			break;
		for (size_t k = before; k < s.nodes.len; k++)
			bh_vec_push(&stack, (uint32_t)k);
	}
	if (res != BH_UNINIT__FOUND && s.incomplete)
		res = BH_UNINIT__UNKNOWN;
	bh_vec_dispose(&stack);
	free(work);
	search_dispose(&s);
	return res;
}
