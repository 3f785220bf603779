// SPDX-License-Identifier: MIT
// Questions the memory checkers ask about the paths of one function. The
// fixpoint of mem_lattice.c merges paths, so what holds "on some path" is
// answered here, from the CFG:
// - loops: can a block come back to itself, is it inside a loop;
// - memory-leak: do tests of one unchanging variable rule out the path
//   from an allocation to a return (bh_mem__leak_path_infeasible);
// - null-deref: does every path from a NULL literal reach a dereference
//   (bh_mem__always_reached);
// - the may-rules (a pointer that is NULL on a loop's first pass, one that
//   holds a string literal on some path and is freed): is there a path on
//   which the location keeps that value from where it got it to where it
//   is used, and whose branches agree with what the path knows
//   (bh_mem__path_exists).
// Requires: the fixpoint (c->result), c->rpo_index. Computes c->dom and
// c->stable on first use.
#include <stdlib.h>
#include <string.h>

#include "dataflow/flow_random.h"
#include "dataflow/mem_func_internal.h"

// Does the NULL made at instruction `null_at` survive a pass round the
// loop headed by block `head` (is it still there on a back edge)?
static bool null_survives_loop(const bh_mem__fctx *c, uint32_t head, uint32_t null_at)
{
	const bh_ir_block *h = &c->fn->blocks[head];
	for (uint32_t p = 0; p < h->npreds; p++) {
		if (c->rpo_index[h->preds[p]] < c->rpo_index[head])
			continue; // an entry edge
		void *f = (void *)bh_flow_out(&c->result, h->preds[p]);
		if (!f || !bh_mem__fact_head(f)->reachable)
			continue;
		const bh_mem__val *vals = bh_mem__fact_vals(f);
		for (uint32_t l = 0; l < c->nlocs; l++)
			if ((vals[l].null & BH_MEM__MAY_NULL) && vals[l].at == null_at)
				return true;
	}
	return false;
}

// Can a walk from block `from` come back to block `to`? With `within`
// set, the walk stays in blocks `within` dominates (UINT32_MAX: anywhere).
static bool comes_back(const bh_mem__fctx *c, uint32_t from, uint32_t to, uint32_t within)
{
	const bh_ir_func *fn = c->fn;
	bool *seen = bh_xcalloc(fn->nblocks, sizeof(*seen));
	uint32_t *stack = bh_xcalloc(fn->nblocks, sizeof(*stack));
	size_t sp = 0;
	bool back = false;
	stack[sp++] = from;
	seen[from] = within != UINT32_MAX;
	while (sp && !back) {
		const bh_ir_block *x = &fn->blocks[stack[--sp]];
		for (uint32_t s = 0; s < x->nsuccs && !back; s++) {
			uint32_t y = x->succs[s];
			back = y == to;
			if (!seen[y] && (within == UINT32_MAX || bh_flow_dominates(c->dom, within, y))) {
				seen[y] = true;
				stack[sp++] = y;
			}
		}
	}
	free(seen);
	free(stack);
	return back;
}

// Is block `b` inside the loop headed by `head` (dominated by it and able
// to come back to it)?
static bool in_loop(const bh_mem__fctx *c, uint32_t head, uint32_t b)
{
	return bh_flow_dominates(c->dom, head, b) && comes_back(c, b, head, head);
}

// Can block `b` run again after itself (is it on a cycle)?
bool bh_mem__on_cycle(const bh_mem__fctx *c, uint32_t b)
{
	return comes_back(c, b, b, UINT32_MAX);
}

// Does nothing change variable `x` once it is set: a parameter never
// assigned, or a local assigned once, where no loop can assign it again;
// neither with its address taken? (Its tests then all see one value.)
static bool is_stable(const bh_mem__fctx *c, uint32_t x)
{
	const bh_ir_func *fn = c->fn;
	const bh_ir_var *v = &fn->vars[x];
	if (bh_ir_var_is_global(v) || (v->flags & BH_IR_VAR_ADDRESSED) || v->kind == BH_IR_VAR_TEMP)
		return false;
	if (v->kind == BH_IR_VAR_PARAM)
		return c->ndefs[x] == 0;
	if (c->ndefs[x] != 1)
		return false;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		if (bh_ir_block_last_def(&fn->blocks[b], x))
			return !bh_mem__on_cycle(c, b);
	return false;
}

// The variable the branch ending block `b` tests, if nothing changes it
// once set, with `*flip` when the true edge is the side where it is 0
// (`if (!x)`, `if (x == 0)`); else UINT32_MAX.
static uint32_t stable_test(bh_mem__fctx *c, const bh_ir_block *b, bool *flip)
{
	const bh_ir_instr *t = bh_ir_block_terminator(b);
	*flip = false;
	if (!t || t->op != BH_IR_BR || t->target[0] == t->target[1] || t->args[0].kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	uint32_t x = t->args[0].var;
	const bh_ir_instr *d = c->block_local[x] ? bh_ir_block_last_def(b, x) : NULL;
	if (d && d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT && d->args[0].kind == BH_IR_OPND_VAR) {
		*flip = true;
		x = d->args[0].var;
	} else if (d && d->op == BH_IR_BINOP && (d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE) &&
		   d->args[0].kind == BH_IR_OPND_VAR && d->args[1].kind == BH_IR_OPND_INT &&
		   d->args[1].ival == 0) {
		*flip = d->sub == BH_IR_BIN_EQ;
		x = d->args[0].var;
	} else if (d) {
		return UINT32_MAX;
	}
	if (!c->stable[x])
		c->stable[x] = is_stable(c, x) ? 1 : 2;
	return c->stable[x] == 1 ? x : UINT32_MAX;
}

// The side (0: true, 1: false) of block `d`'s branch that every path to
// block `to` takes, or -1.
static int side_to(const bh_mem__fctx *c, const bh_ir_block *d, uint32_t to)
{
	const bh_ir_instr *t = bh_ir_block_terminator(d);
	for (int s = 0; s < 2; s++) {
		const bh_ir_block *succ = &c->fn->blocks[t->target[s]];
		if (succ->npreds == 1 && bh_flow_dominates(c->dom, succ->id, to))
			return s;
	}
	return -1;
}

bool bh_mem__leak_path_infeasible(bh_mem__fctx *c, uint32_t k, const bh_ir_instr *ret)
{
	const bh_ir_func *fn = c->fn;
	const bh_ir_instr *site = c->objs[k].kind == BH_MEM__OBJ_BLOCK ? bh_ir_instr_at(fn, c->objs[k].site)
								       : NULL;
	if (!site || (!c->dom && bh_flow_compute_dom(&c->dom, c->arena, fn) != BH_FLOW_DONE))
		return false;
	if (!c->stable) {
		c->stable = bh_arena_alloc(c->arena, fn->nvars + 1);
		memset(c->stable, 0, fn->nvars + 1);
	}
	// Per tested variable, its value where the block is made: 0 unknown,
	// 1 true, 2 false. A return only reached with the other value is not
	// on a path from the allocation.
	uint8_t *made = bh_xcalloc(fn->nvars + 1, sizeof(*made));
	bool infeasible = false;
	for (int pass = 0; pass < 2 && !infeasible; pass++)
		for (uint32_t b = 0; b < fn->nblocks && !infeasible; b++) {
			bool flip;
			uint32_t x = stable_test(c, &fn->blocks[b], &flip);
			if (x == UINT32_MAX)
				continue;
			int s = side_to(c, &fn->blocks[b], pass == 0 ? site->block : ret->block);
			if (s < 0)
				continue;
			uint8_t value = (s == 0) != flip ? 1 : 2;
			if (pass == 0)
				made[x] = value;
			else
				infeasible = made[x] && made[x] != value;
		}
	free(made);
	return infeasible;
}

// Does every path from instruction `from` (a NULL literal) to the
// function's end pass through block `to` (does `to` post-dominate it)?
// Paths that end in a noreturn call do not count. A loop on the way counts
// only if the dereference is inside it or the NULL survives a pass round
// it (a search that may find nothing); a
// loop that assigns the pointer on every pass leaves NULL only to a run of
// zero passes, which its code usually rules out (`if (!te) return; e =
// NULL; while (te) { if (!e || ...) e = te; ... } e->when`). (A NULL
// read inside a loop on its first pass, `tail = NULL; for (...) {
// tail->next = x; ... }`, is missed: following only the paths that enter
// the loop made 9 false findings on redis for that one; bh_mem__deref
// asks bh_mem__path_exists for a first pass instead.)
bool bh_mem__always_reached(bh_mem__fctx *c, uint32_t from, uint32_t to)
{
	const bh_ir_instr *at = from != BH_MEM__NONE ? bh_ir_instr_at(c->fn, from) : NULL;
	if (!at)
		return false;
	if (at->block == to)
		return true;
	const bh_ir_func *fn = c->fn;
	if (!c->dom && bh_flow_compute_dom(&c->dom, c->arena, fn) != BH_FLOW_DONE)
		return false;
	bool *seen = bh_xcalloc(fn->nblocks, sizeof(*seen));
	uint32_t *stack = bh_xcalloc(fn->nblocks, sizeof(*stack));
	size_t sp = 0;
	bool escapes = false;
	stack[sp++] = at->block;
	seen[at->block] = true;
	while (sp && !escapes) {
		const bh_ir_block *b = &fn->blocks[stack[--sp]];
		const bh_ir_instr *t = bh_ir_block_terminator(b);
		if (t && t->op == BH_IR_RET)
			escapes = true;
		bool head = false;
		for (uint32_t p = 0; p < b->npreds; p++)
			head |= c->rpo_index[b->preds[p]] >= c->rpo_index[b->id];
		if (head && !in_loop(c, b->id, to) && !null_survives_loop(c, b->id, from))
			escapes = true;
		for (uint32_t s = 0; s < b->nsuccs; s++)
			if (b->succs[s] != to && !seen[b->succs[s]]) {
				seen[b->succs[s]] = true;
				stack[sp++] = b->succs[s];
			}
	}
	free(seen);
	free(stack);
	return !escapes;
}

// ------------------------------------------------------------ path search
//
// bh_mem__path_exists walks the CFG depth-first from the entry, through
// `from` (where the followed location gets its value) to `to`. A node is a
// block, whether `from` lies behind, and what the path knows about a few
// variables: an interval with one excluded value (`i = 0`, `n > 64` taken,
// `p != NULL` taken), or the object a pointer holds (`p = buf`, so `p !=
// buf` is false). A branch the path knows is taken one way only; a branch
// it does not know is a free choice. Past `from`, an assignment to the
// followed location ends the path. A condition it cannot read that way
// (`config->flags & MULTI_ARG`, over variables the function never
// assigns) goes the same way each time the path tests it again: code that
// tests one condition twice means the same paths both times. Nodes are remembered by a hash, and the
// walk gives up after a budget: real functions have many branches, and a
// search that cannot finish says nothing.

#define PATH_FACTS 16     // variables a path remembers
#define PATH_NODES 4096   // nodes expanded before the search gives up
#define PATH_SEEN 16384   // most slots of the visited-node table (a power of 2)
#define PATH_SEEN0 64     // its first size: most searches visit a few nodes
#define PATH_CONDS 4      // other conditions a path remembers

typedef struct {
	uint32_t key;     // location: variable, or nvars + field slot
	uint32_t obj;     // the object it points to, or 0
	int64_t lo, hi;   // its value lies in lo..hi
	int64_t ne;       // ... and is not `ne` (when has_ne)
	bool has_ne;
} path_fact;

typedef struct {
	uint32_t block;
	uint8_t phase;    // 0: `from` not passed yet; 1: passed
	uint8_t nfacts;
	uint8_t nconds;
	path_fact facts[PATH_FACTS]; // sorted by key
	uint64_t conds[PATH_CONDS];  // expression_sig() << 1 | the outcome taken
} path_node;

// A branch condition: `key op k`, `key op key2` (key2 set: `i < n`), or
// (obj set) `key == &obj` / `key != &obj`.
typedef struct {
	uint32_t key;
	int op;           // BH_IR_BIN_EQ, NE, LT, LE, GT, GE: true on the first edge
	int64_t k;
	uint32_t obj;
	uint32_t key2;    // the other location, or UINT32_MAX
} path_test;

typedef struct {
	bh_mem__fctx *c;
	const bh_mem__path_query *q;
	uint8_t *tested;  // per location: some branch tests it (worth remembering)
	bool *to_from;    // per block: can reach `from`'s block
	bool *to_use;     // per block: can reach `to`'s block
	bool *clean;      // per block: can reach `to`'s block without assigning the location
	bool *loop;       // per block: on a cycle with `to`'s block (first_pass)
	uint32_t use_block; // `to`'s block
	uint64_t *seen;
	size_t nseen, cap;
	BH_VEC(path_node) stack;
} path_search;

// Is variable `v` one only this function's own assignments change?
static bool trackable(const bh_mem__fctx *c, uint32_t v)
{
	const bh_ir_var *var = &c->fn->vars[v];
	return (var->kind == BH_IR_VAR_PARAM || var->kind == BH_IR_VAR_LOCAL) &&
	       !(var->flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD));
}

// The location operand `o` of block `b` stands for: a variable, or a
// temporary copied in the block from one or from a field of a struct of
// our own; UINT32_MAX otherwise.
static uint32_t operand_key(const bh_mem__fctx *c, const bh_ir_block *b, const bh_ir_opnd *o, int depth)
{
	if (o->kind != BH_IR_OPND_VAR || o->var >= c->fn->nvars || depth > 4)
		return UINT32_MAX;
	if (c->fn->vars[o->var].kind != BH_IR_VAR_TEMP)
		return trackable(c, o->var) ? o->var : UINT32_MAX;
	const bh_ir_instr *d = bh_ir_block_last_def(b, o->var);
	if (!d || !d->nargs || d->args[0].kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	if (d->op == BH_IR_ASSIGN && !d->bits)
		return operand_key(c, b, &d->args[0], depth + 1);
	if (d->op == BH_IR_FIELD && !d->arrow && d->name && d->args[0].var < c->fn->nvars &&
	    bh_mem__own_record(c, d->args[0].var))
		return bh_mem__find_slot(c, d->args[0].var, d->name);
	return UINT32_MAX;
}

// The object whose address operand `o` of block `b` is (`buf`, `&x`), or 0.
static uint32_t operand_object(const bh_mem__fctx *c, const bh_ir_block *b, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR || o->var >= c->fn->nvars)
		return 0;
	const bh_ir_var *v = &c->fn->vars[o->var];
	if ((v->flags & BH_IR_VAR_ARRAY) && v->kind != BH_IR_VAR_PARAM)
		return c->var_obj[o->var];
	const bh_ir_instr *d = v->kind == BH_IR_VAR_TEMP ? bh_ir_block_last_def(b, o->var) : NULL;
	if (d && d->op == BH_IR_ADDR && d->args[0].kind == BH_IR_OPND_VAR)
		return c->var_obj[d->args[0].var];
	return 0;
}

// What the branch ending block `b` tests, in the terms of path_test.
static bool decode_test(const bh_mem__fctx *c, const bh_ir_block *b, path_test *t)
{
	const bh_ir_instr *br = bh_ir_block_terminator(b);
	if (!br || br->op != BH_IR_BR || br->args[0].kind != BH_IR_OPND_VAR || br->args[0].var >= c->fn->nvars)
		return false;
	*t = (path_test){ UINT32_MAX, BH_IR_BIN_NE, 0, 0, UINT32_MAX };
	const bh_ir_opnd *x = &br->args[0];
	const bh_ir_instr *d = c->fn->vars[x->var].kind == BH_IR_VAR_TEMP ? bh_ir_block_last_def(b, x->var) : NULL;
	if (d && d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT) {
		t->op = BH_IR_BIN_EQ; // `!x`: x == 0
		t->key = operand_key(c, b, &d->args[0], 0);
	} else if (d && d->op == BH_IR_BINOP &&
		   (d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE || d->sub == BH_IR_BIN_LT ||
		    d->sub == BH_IR_BIN_LE || d->sub == BH_IR_BIN_GT || d->sub == BH_IR_BIN_GE)) {
		int64_t k;
		if (bh_flow_const_of(&c->consts, &d->args[1], &k)) {
			t->key = operand_key(c, b, &d->args[0], 0);
			t->op = d->sub;
		} else if (bh_flow_const_of(&c->consts, &d->args[0], &k)) {
			t->key = operand_key(c, b, &d->args[1], 0);
			t->op = bh_ir_cmp_mirror(d->sub);
		} else if (d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE) {
			// `p != buf`: a pointer compared with an address.
			int side = operand_object(c, b, &d->args[1]) ? 1 : operand_object(c, b, &d->args[0]) ? 0 : -1;
			if (side < 0)
				return false;
			t->obj = operand_object(c, b, &d->args[side]);
			t->key = operand_key(c, b, &d->args[1 - side], 0);
			t->op = d->sub;
			k = 0;
		} else {
			// `i < n`: two locations (a loop over n items, n zero on the
			// path where the array was never allocated).
			t->key = operand_key(c, b, &d->args[0], 0);
			t->key2 = operand_key(c, b, &d->args[1], 0);
			t->op = d->sub;
			if (t->key2 == UINT32_MAX)
				return false;
			k = 0;
		}
		t->k = k;
	} else {
		t->key = operand_key(c, b, x, 0); // `if (x)`: x != 0
	}
	return t->key != UINT32_MAX;
}

static uint64_t mix(uint64_t h, uint64_t x)
{
	h ^= x;
	h *= 1099511628211ull;
	return h ^ (h >> 29);
}

// A hash of the expression operand `o` of block `b` computes, through the
// block's temporaries: fields, loads, operators, variables, constants; 0
// when it involves anything else (a call gives a new value each time).
static uint64_t expression_sig(const bh_mem__fctx *c, const bh_ir_block *b, const bh_ir_opnd *o, int depth)
{
	if (depth > 6)
		return 0;
	if (o->kind == BH_IR_OPND_INT)
		return mix(mix(1469598103934665603ull, 1), (uint64_t)o->ival);
	if (o->kind != BH_IR_OPND_VAR || o->var >= c->fn->nvars)
		return 0;
	// (Only variables the function never assigns: `cfg->flags` means
	// the same field twice, `*p` after `p++` does not.)
	if (c->fn->vars[o->var].kind != BH_IR_VAR_TEMP)
		return c->ndefs[o->var] ? 0 : mix(mix(1469598103934665603ull, 2), o->var);
	const bh_ir_instr *d = bh_ir_block_last_def(b, o->var);
	if (!d || !d->nargs ||
	    (d->op != BH_IR_FIELD && d->op != BH_IR_BINOP && d->op != BH_IR_UNOP && d->op != BH_IR_ASSIGN &&
	     d->op != BH_IR_LOAD))
		return 0;
	uint64_t h = mix(mix(1469598103934665603ull, 3 + (uint64_t)d->op), (uint64_t)d->sub);
	for (const char *p = d->op == BH_IR_FIELD && d->name ? d->name : ""; *p; p++)
		h = mix(h, (unsigned char)*p);
	h = mix(h, d->arrow);
	for (uint32_t i = 0; i < d->nargs && i < 2; i++) {
		uint64_t a = expression_sig(c, b, &d->args[i], depth + 1);
		if (!a)
			return 0;
		h = mix(h, a);
	}
	return h;
}

static path_fact *find_fact(path_node *n, uint32_t key)
{
	for (uint8_t i = 0; i < n->nfacts; i++)
		if (n->facts[i].key == key)
			return &n->facts[i];
	return NULL;
}

static void drop_fact(path_node *n, uint32_t key)
{
	path_fact *f = find_fact(n, key);
	if (!f)
		return;
	size_t i = (size_t)(f - n->facts);
	memmove(f, f + 1, (n->nfacts - i - 1) * sizeof(*f));
	n->nfacts--;
}

// A fact about `key` with nothing known yet (NULL when the node is full).
static path_fact *new_fact(path_node *n, uint32_t key)
{
	drop_fact(n, key);
	if (n->nfacts == PATH_FACTS)
		return NULL;
	uint8_t i = 0;
	while (i < n->nfacts && n->facts[i].key < key)
		i++;
	memmove(&n->facts[i + 1], &n->facts[i], (n->nfacts - i) * sizeof(path_fact));
	n->nfacts++;
	n->facts[i] = (path_fact){ key, 0, INT64_MIN, INT64_MAX, 0, false };
	return &n->facts[i];
}

// 1: `t` holds on every path with fact `f`; 0: on none; -1: not known.
static int eval_test(const path_fact *f, const path_test *t)
{
	if (!f)
		return -1;
	if (t->obj) {
		bool eq;
		if (f->lo == 0 && f->hi == 0)
			eq = false; // NULL is no object's address
		else if (f->obj)
			eq = f->obj == t->obj;
		else
			return -1;
		return eq == (t->op == BH_IR_BIN_EQ);
	}
	int64_t k = t->k;
	switch (t->op) {
	case BH_IR_BIN_EQ:
		if (f->lo == k && f->hi == k)
			return 1;
		return k < f->lo || k > f->hi || (f->has_ne && f->ne == k) ? 0 : -1;
	case BH_IR_BIN_NE: {
		path_test e = *t;
		e.op = BH_IR_BIN_EQ;
		int r = eval_test(f, &e);
		return r < 0 ? -1 : !r;
	}
	case BH_IR_BIN_LT: return f->hi < k ? 1 : f->lo >= k ? 0 : -1;
	case BH_IR_BIN_LE: return f->hi <= k ? 1 : f->lo > k ? 0 : -1;
	case BH_IR_BIN_GT: return f->lo > k ? 1 : f->hi <= k ? 0 : -1;
	case BH_IR_BIN_GE: return f->lo >= k ? 1 : f->hi < k ? 0 : -1;
	default: return -1;
	}
}

// `t` on node `n`: for `key op key2`, from the two ranges when both are
// known (a range against an exact value is `key op k`).
static int eval_on(path_node *n, const path_test *t)
{
	if (t->key2 == UINT32_MAX)
		return eval_test(find_fact(n, t->key), t);
	const path_fact *a = find_fact(n, t->key), *b = find_fact(n, t->key2);
	if (!a || !b || a->obj || b->obj)
		return -1;
	path_test e = *t;
	e.key2 = UINT32_MAX;
	if (b->lo == b->hi) {
		e.k = b->lo;
		return eval_test(a, &e);
	}
	if (a->lo == a->hi) {
		e.op = bh_ir_cmp_mirror(t->op);
		e.k = a->lo;
		return eval_test(b, &e);
	}
	return -1;
}

// The path takes the edge where `t` is `holds`: remember what that says.
// False if no value is left (the edge is not taken).
static bool learn_test(const path_search *s, path_node *n, const path_test *t, bool holds)
{
	if (t->key2 != UINT32_MAX) {
		// Learnt only against an exact value on the other side.
		const path_fact *a = find_fact(n, t->key), *b = find_fact(n, t->key2);
		path_test e = *t;
		e.key2 = UINT32_MAX;
		if (b && !b->obj && b->lo == b->hi) {
			e.k = b->lo;
			return learn_test(s, n, &e, holds);
		}
		if (a && !a->obj && a->lo == a->hi) {
			e.key = t->key2;
			e.op = bh_ir_cmp_mirror(t->op);
			e.k = a->lo;
			return learn_test(s, n, &e, holds);
		}
		return true;
	}
	if (!s->tested[t->key] && t->key != s->q->loc)
		return true;
	path_fact *f = find_fact(n, t->key);
	if (!f && !(f = new_fact(n, t->key)))
		return true;
	int op = holds ? t->op : bh_ir_cmp_negate(t->op);
	int64_t k = t->k;
	if (t->obj) {
		if (op == BH_IR_BIN_EQ) {
			f->obj = t->obj;
			f->has_ne = true;
			f->ne = 0;
		}
		return true;
	}
	switch (op) {
	case BH_IR_BIN_EQ: f->lo = f->hi = k; break;
	case BH_IR_BIN_NE:
		if (f->lo == k && k < INT64_MAX)
			f->lo++;
		else if (f->hi == k && k > INT64_MIN)
			f->hi--;
		else {
			f->has_ne = true;
			f->ne = k;
		}
		break;
	case BH_IR_BIN_LT: f->hi = k > INT64_MIN && k - 1 < f->hi ? k - 1 : f->hi; break;
	case BH_IR_BIN_LE: f->hi = k < f->hi ? k : f->hi; break;
	case BH_IR_BIN_GT: f->lo = k < INT64_MAX && k + 1 > f->lo ? k + 1 : f->lo; break;
	case BH_IR_BIN_GE: f->lo = k > f->lo ? k : f->lo; break;
	default: break;
	}
	return f->lo <= f->hi && !(f->has_ne && f->lo == f->hi && f->ne == f->lo);
}

// The location a store or an assignment `in` writes as a whole, or UINT32_MAX.
static uint32_t written_loc(const bh_mem__fctx *c, const bh_ir_instr *in)
{
	if (in->op == BH_IR_FIELD_STORE && in->args[0].kind == BH_IR_OPND_VAR && in->name &&
	    in->args[0].var < c->fn->nvars)
		return bh_mem__find_slot(c, in->args[0].var, in->name);
	uint32_t d = bh_ir_instr_def(in);
	return d < c->fn->nvars ? d : UINT32_MAX;
}

// Does `in` change location `loc` (assign it, or the variable it is a field of)?
static bool changes(const bh_mem__fctx *c, const bh_ir_instr *in, uint32_t loc)
{
	uint32_t w = written_loc(c, in);
	if (w == loc)
		return true;
	if (loc < c->fn->nvars) {
		const bh_ir_var *v = &c->fn->vars[loc];
		// Code elsewhere may write what it can reach.
		return (in->op == BH_IR_CALL || in->op == BH_IR_STORE) &&
		       ((v->flags & BH_IR_VAR_ADDRESSED) || bh_ir_var_is_global(v));
	}
	uint32_t base = c->slot_base[loc - c->fn->nvars];
	return w == base || (!bh_mem__own_record(c, base) && (in->op == BH_IR_CALL || in->op == BH_IR_STORE));
}

// What `in` teaches the path: a remembered variable it assigns gets the
// new value if that is a constant, an address or a copy; else it is forgotten.
static void learn_instr(const path_search *s, path_node *n, const bh_ir_instr *in)
{
	const bh_mem__fctx *c = s->c;
	uint32_t w = written_loc(c, in);
	if (w == UINT32_MAX)
		return;
	drop_fact(n, w);
	for (uint8_t i = 0; i < n->nfacts;)
		if (n->facts[i].key >= c->fn->nvars && c->slot_base[n->facts[i].key - c->fn->nvars] == w)
			drop_fact(n, n->facts[i].key);
		else
			i++;
	if (!s->tested[w])
		return;
	const bh_ir_opnd *src = in->op == BH_IR_FIELD_STORE ? &in->args[1]
			      : in->op == BH_IR_ASSIGN && !in->bits ? &in->args[0] : NULL;
	if (in->op == BH_IR_ADDR) {
		path_fact *f = new_fact(n, w);
		if (f) {
			f->obj = in->args[0].kind == BH_IR_OPND_VAR ? c->var_obj[in->args[0].var] : 0;
			f->has_ne = true; // an address is not NULL
		}
		return;
	}
	if (!src)
		return;
	const bh_ir_block *b = &c->fn->blocks[in->block];
	uint32_t from = operand_key(c, b, src, 0);
	path_fact *known = from != UINT32_MAX ? find_fact(n, from) : NULL;
	path_fact copy = known ? *known : (path_fact){ 0 };
	uint32_t obj = operand_object(c, b, src);
	if (src->kind != BH_IR_OPND_INT && src->kind != BH_IR_OPND_STR && !known && !obj)
		return;
	path_fact *f = new_fact(n, w);
	if (!f)
		return;
	if (known) {
		copy.key = w;
		*f = copy;
	} else if (src->kind == BH_IR_OPND_INT) {
		f->lo = f->hi = src->ival;
	} else {
		f->obj = src->kind == BH_IR_OPND_STR ? c->literal_obj : obj;
		f->has_ne = true;
	}
}

static uint64_t node_hash(const path_node *n)
{
	uint64_t h = 1469598103934665603ull;
	uint64_t words[3 + PATH_FACTS * 6];
	size_t w = 0;
	words[w++] = n->block;
	words[w++] = (uint64_t)n->phase << 8 | n->nfacts;
	for (uint8_t i = 0; i < n->nfacts; i++) {
		const path_fact *f = &n->facts[i];
		words[w++] = f->key;
		words[w++] = f->obj;
		words[w++] = (uint64_t)f->lo;
		words[w++] = (uint64_t)f->hi;
		words[w++] = (uint64_t)f->ne;
		words[w++] = f->has_ne;
	}
	uint64_t conds = 0;
	for (uint8_t i = 0; i < n->nconds; i++)
		conds ^= n->conds[i] * 0x9e3779b97f4a7c15ull; // (in any order)
	words[w++] = conds;
	for (size_t i = 0; i < w; i++) {
		h ^= words[i];
		h *= 1099511628211ull;
		h ^= h >> 29;
	}
	return h | 1; // 0 marks a free slot
}

// Was node `n` seen before? Remembers it. (A hash collision loses a path:
// the search then says less, never more.)
static void seen_insert(uint64_t *seen, size_t cap, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	while (seen[i])
		i = (i + 1) & (cap - 1);
	seen[i] = h;
}

static bool seen_before(path_search *s, const path_node *n)
{
	uint64_t h = node_hash(n);
	size_t i = (size_t)h & (s->cap - 1);
	while (s->seen[i]) {
		if (s->seen[i] == h)
			return true;
		i = (i + 1) & (s->cap - 1);
	}
	// Grown at half full (a table of the full size is 128 KiB, which
	// calloc maps and unmaps for every search).
	if (2 * (s->nseen + 1) > s->cap && s->cap < PATH_SEEN) {
		uint64_t *bigger = bh_xcalloc(2 * s->cap, sizeof(*bigger));
		for (size_t k = 0; k < s->cap; k++)
			if (s->seen[k])
				seen_insert(bigger, 2 * s->cap, s->seen[k]);
		free(s->seen);
		s->seen = bigger;
		s->cap *= 2;
	}
	seen_insert(s->seen, s->cap, h);
	s->nseen++;
	return false;
}

// Blocks that can reach block `to` (backward over predecessors); with
// `loc` set, not through blocks that change it.
static void reach_back(const path_search *s, bool *out, uint32_t to, uint32_t loc)
{
	const bh_ir_func *fn = s->c->fn;
	uint32_t *stack = bh_xcalloc(fn->nblocks, sizeof(*stack));
	size_t sp = 0;
	out[to] = true;
	stack[sp++] = to;
	while (sp) {
		const bh_ir_block *b = &fn->blocks[stack[--sp]];
		for (uint32_t p = 0; p < b->npreds; p++) {
			const bh_ir_block *pb = &fn->blocks[b->preds[p]];
			if (out[pb->id])
				continue;
			bool ok = true;
			for (uint32_t i = 0; loc != UINT32_MAX && ok && i < pb->ninstrs; i++)
				ok = !changes(s->c, &pb->instrs[i], loc);
			if (!ok)
				continue;
			out[pb->id] = true;
			stack[sp++] = pb->id;
		}
	}
	free(stack);
}

// The program's function call `call` of the function analysed calls.
static const bh_ir_func *callee_of(const bh_ir_instr *call, void *payload)
{
	const bh_mem__fctx *c = payload;
	const bh_mem__summary *s = c->call_sum[call->id];
	return s ? s->fn : NULL;
}

// Does the branch ending block `b` test a pseudo-random value (`if (coin())`)?
static bool tests_random(bh_mem__fctx *c, const bh_ir_block *b)
{
	return bh_flow_tests_random(c->fn, b, callee_of, c);
}

bool bh_mem__has_random_tests(bh_mem__fctx *c)
{
	for (uint32_t b = 0; !c->random_tests && b < c->fn->nblocks; b++)
		if (tests_random(c, &c->fn->blocks[b]))
			c->random_tests = 1;
	if (!c->random_tests)
		c->random_tests = 2;
	return c->random_tests == 1;
}

// Does every path from block `b` that does not end the program pass
// through block `use`?
static bool post_dominates(bh_mem__fctx *c, uint32_t use, uint32_t b)
{
	if (!c->pdom && bh_flow_compute_postdom(&c->pdom, c->arena, c->fn, bh_flow_edge_survives, (void *)c->fn) != BH_FLOW_DONE)
		return false;
	for (uint32_t x = b, steps = 0; x != BH_FLOW_EXIT && steps <= c->fn->nblocks; steps++) {
		if (x == use)
			return true;
		x = c->pdom->ipdom[x];
	}
	return false;
}

// On a first-pass query, may the path choose freely at block `b` (past
// `from`)? Inside the loop of the use, only at the loop's exits (one
// successor stays in the loop): a test that keeps the path in the loop
// but skips the use, `if (i > 0) tail->next = x;`, `if (!first) ...`,
// is how the code says the first pass is different. Outside it, only
// where every side still reaches the use with the value unchanged.
//
// On a random_only query, a free choice is a test of a pseudo-random
// value: code that sets a pointer to NULL on one side of `if (coin())` and
// dereferences it on one side of another such test has a path doing both.
// A test of anything else (`if (!flag)`, `if (left >= n)` where `left` was
// 0 on the NULL path, `if (!strcasecmp(opt, "SET"))` after the same test
// chose what was looked up) may be how the code says the two never meet,
// beyond what the path knows, unless the use follows whichever way it goes.
static bool free_choice_ok(const path_search *s, const bh_ir_block *b)
{
	const bh_mem__path_query *q = s->q;
	if (q->random_only)
		return tests_random(s->c, b) || post_dominates(s->c, s->use_block, b->id);
	if (!q->first_pass)
		return true;
	uint32_t inside = 0;
	bool all_clean = true;
	for (uint32_t i = 0; i < b->nsuccs; i++) {
		if (bh_flow_edge_dead(&s->c->consts, s->c->fn, b->id, b->succs[i]))
			continue;
		inside += s->loop[b->succs[i]];
		all_clean &= s->clean[b->succs[i]];
	}
	return s->loop[b->id] ? inside <= 1 : all_clean;
}

static void push(path_search *s, const path_node *n, uint32_t to)
{
	bool *reach = n->phase ? s->to_use : s->to_from;
	if (!reach[to])
		return;
	path_node m = *n;
	m.block = to;
	bh_vec_push(&s->stack, m);
}

// The branch ending `n`'s block: push the edges the path can take.
static void branch(path_search *s, const path_node *n, const bh_ir_instr *t)
{
	const bh_mem__fctx *c = s->c;
	const bh_ir_block *b = &c->fn->blocks[n->block];
	if (t->op == BH_IR_JMP || (t->op == BH_IR_BR && t->target[0] == t->target[1])) {
		push(s, n, t->target[0]);
		return;
	}
	path_test test;
	bool decoded = t->op == BH_IR_BR && decode_test(c, b, &test);
	int known = decoded ? eval_on((path_node *)n, &test) : -1;
	// Another condition: as the path took it before, if it did.
	uint64_t sig = !decoded && t->op == BH_IR_BR ? expression_sig(c, b, &t->args[0], 0) << 1 : 0;
	for (uint8_t i = 0; sig && i < n->nconds; i++)
		if ((n->conds[i] | 1) == (sig | 1))
			known = (int)(n->conds[i] & 1);
	uint32_t live = 0;
	for (uint32_t i = 0; i < b->nsuccs; i++)
		live += !bh_flow_edge_dead(&c->consts, c->fn, b->id, b->succs[i]);
	if (known < 0 && live > 1 && n->phase && !free_choice_ok(s, b))
		return;
	for (uint32_t i = 0; i < b->nsuccs; i++) {
		uint32_t to = b->succs[i];
		if (bh_flow_edge_dead(&c->consts, c->fn, b->id, to))
			continue;
		path_node m = *n;
		bool holds = to == t->target[0];
		if (t->op == BH_IR_BR && known >= 0 && known != holds)
			continue;
		if (decoded && !learn_test(s, &m, &test, holds))
			continue;
		if (sig && known < 0 && m.nconds < PATH_CONDS)
			m.conds[m.nconds++] = sig | holds;
		push(s, &m, to);
	}
}

// Walk block `n` (the node is updated in place); 1: `to` reached, 0: the
// path goes on at the terminator, -1: it ends here.
static int walk_block(path_search *s, path_node *n)
{
	const bh_mem__path_query *q = s->q;
	const bh_ir_block *b = &s->c->fn->blocks[n->block];
	for (uint32_t i = 0; i + 1 < b->ninstrs; i++) {
		const bh_ir_instr *in = &b->instrs[i];
		if (n->phase && in->id == q->to)
			return 1;
		if (!n->phase && in->id == q->from) {
			n->phase = 1;
			path_fact *f = new_fact(n, q->loc);
			if (f && q->is_null)
				f->lo = f->hi = 0;
			else if (f) {
				f->has_ne = true;
				f->obj = q->obj;
			}
			continue;
		}
		if (n->phase && changes(s->c, in, q->loc))
			return -1;
		learn_instr(s, n, in);
	}
	const bh_ir_instr *t = bh_ir_block_terminator(b);
	if (n->phase && t->id == q->to)
		return 1;
	return t->op == BH_IR_RET || t->op == BH_IR_UNREACHABLE ? -1 : 0;
}

static void mark_tested(path_search *s)
{
	const bh_mem__fctx *c = s->c;
	for (uint32_t b = 0; b < c->fn->nblocks; b++) {
		path_test t;
		if (decode_test(c, &c->fn->blocks[b], &t)) {
			s->tested[t.key] = 1;
			if (t.key2 != UINT32_MAX)
				s->tested[t.key2] = 1;
		}
	}
}

int bh_mem__path_exists(bh_mem__fctx *c, const bh_mem__path_query *q)
{
	const bh_ir_func *fn = c->fn;
	const bh_ir_instr *from = bh_ir_instr_at(fn, q->from);
	const bh_ir_instr *to = bh_ir_instr_at(fn, q->to);
	if (!from || !to || q->loc >= c->nlocs)
		return -1;
	path_search s = { .c = c, .q = q, .use_block = to->block };
	s.tested = bh_xcalloc(c->nlocs, 1);
	s.to_from = bh_xcalloc(fn->nblocks, sizeof(bool));
	s.to_use = bh_xcalloc(fn->nblocks, sizeof(bool));
	s.clean = bh_xcalloc(fn->nblocks, sizeof(bool));
	s.loop = bh_xcalloc(fn->nblocks, sizeof(bool));
	s.cap = PATH_SEEN0;
	s.seen = bh_xcalloc(s.cap, sizeof(*s.seen));
	mark_tested(&s);
	reach_back(&s, s.to_from, from->block, UINT32_MAX);
	reach_back(&s, s.to_use, to->block, UINT32_MAX);
	reach_back(&s, s.clean, to->block, q->loc);
	// The loop of the use: the blocks on a cycle with it (reached from it
	// and reaching it).
	bool *fwd = bh_xcalloc(fn->nblocks, sizeof(bool));
	uint32_t *stack = bh_xcalloc(fn->nblocks + 1, sizeof(*stack));
	size_t sp = 0;
	stack[sp++] = to->block;
	while (sp) {
		const bh_ir_block *b = &fn->blocks[stack[--sp]];
		for (uint32_t i = 0; i < b->nsuccs; i++)
			if (!fwd[b->succs[i]]) {
				fwd[b->succs[i]] = true;
				stack[sp++] = b->succs[i];
			}
	}
	for (uint32_t b = 0; b < fn->nblocks; b++)
		s.loop[b] = fwd[b] && s.to_use[b];
	free(fwd);
	free(stack);

	int found = 0;
	size_t nodes = 0;
	path_node start = { 0 };
	bh_vec_push(&s.stack, start);
	while (s.stack.len && !found) {
		path_node n = s.stack.items[--s.stack.len];
		if (seen_before(&s, &n))
			continue;
		if (++nodes > PATH_NODES || s.nseen > PATH_SEEN / 2) {
			found = -1;
			break;
		}
		int r = walk_block(&s, &n);
		if (r > 0)
			found = 1;
		else if (r == 0)
			branch(&s, &n, bh_ir_block_terminator(&fn->blocks[n.block]));
	}
	bh_vec_dispose(&s.stack);
	free(s.tested);
	free(s.to_from);
	free(s.to_use);
	free(s.clean);
	free(s.loop);
	free(s.seen);
	return found;
}
