// SPDX-License-Identifier: MIT
// The lattice of the memory-state analysis (facts in mem_func_internal.h)
// for the bh_flow solver: bottom, the entry fact, the join (which forgets
// blocks nothing points to on one side), and the branch edges: a NULL test
// (`if (!p)`, `p == NULL`) refines the pointer on each side, a failure
// test (`< 0`, `== MAP_FAILED`) makes an allocation absent where it failed,
// a descriptor compared with a small constant (`fd < 0`, `fd != -1`,
// `fd > 2`) is absent on the side where it is below 3, and a constant
// condition drops the edge it never takes.
#include <stdlib.h>
#include <string.h>

#include "dataflow/mem_func_internal.h"

static void lat_init(void *fact, void *payload)
{
	bh_mem__fctx *c = payload;
	memset(fact, 0, c->fact_size);
}

static void lat_boundary(void *fact, void *payload)
{
	bh_mem__fctx *c = payload;
	memset(fact, 0, c->fact_size);
	bh_mem__fact_head(fact)->reachable = 1;
	bh_mem__val *vals = bh_mem__fact_vals(fact);
	for (uint32_t l = 0; l < c->nlocs; l++)
		vals[l] = bh_mem__unknown();
	// An integer local holds no descriptor before it is assigned: `int
	// sfd; for (...) { sfd = new_socket(); ... }` meets the loop's
	// descriptor with nothing, not with another value.
	for (uint32_t v = c->fn->nparams; v < c->fn->nvars; v++)
		if (c->fn->vars[v].kind == BH_IR_VAR_LOCAL &&
		    !(c->fn->vars[v].flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)))
			vals[v] = bh_mem__no_fd(BH_MEM__NONE);
	bh_mem__ostate *objs = bh_mem__fact_objs(c, fact);
	for (uint32_t k = 0; k <= c->nobjs; k++)
		objs[k] = (bh_mem__ostate){ 0, 0, 0, BH_MEM__NONE, 0 };
	// What a pointer parameter points to is object j + 1; an integer
	// parameter holds object j + 1 (a descriptor the caller may pass:
	// `void conn_close(int fd) { close(fd); }` releases it). Arrays and
	// structs passed by value hold nothing.
	for (uint32_t j = 0; j < c->fn->nparams && j + 1 <= c->nobjs; j++) {
		if (!(c->fn->vars[j].flags & BH_IR_VAR_POINTER) && !bh_mem__is_scalar_param(c, j + 1))
			continue;
		// A pointer the calling context passes as NULL holds NULL.
		if ((c->fn->vars[j].flags & BH_IR_VAR_POINTER) && c->ctx && j < BH_MEM__MAX_CONTEXT &&
		    c->ctx->known[j] && c->ctx->value[j] == 0) {
			vals[j] = (bh_mem__val){ 0, BH_MEM__MAY_NULL, BH_MEM__EXPLICIT, BH_MEM__NONE, 0 };
			objs[j + 1].state = BH_MEM__ABSENT;
			continue;
		}
		vals[j].obj = (uint16_t)(j + 1); // unknown but not NULL, and not checked
		objs[j + 1].state = BH_MEM__LIVE;
	}
	for (uint32_t k = 1; k <= c->nobjs; k++)
		if (c->objs[k].kind == BH_MEM__OBJ_FIELD) {
			vals[c->fn->nvars + c->objs[k].var].obj = (uint16_t)k;
			objs[k].state = BH_MEM__LIVE;
		} else if (c->objs[k].kind == BH_MEM__OBJ_GENTRY) {
			vals[c->objs[k].var].obj = (uint16_t)k; // what the global holds, maybe NULL
			objs[k].state = BH_MEM__LIVE;
		} else if (c->objs[k].kind == BH_MEM__OBJ_PFIELD) {
			vals[c->fn->nvars + c->objs[k].var].obj = (uint16_t)k; // what the caller put there
			objs[k].state = BH_MEM__LIVE;
		} else if (c->objs[k].kind == BH_MEM__OBJ_PDEREF || c->objs[k].kind == BH_MEM__OBJ_PELEM) {
			objs[k].state = BH_MEM__LIVE; // read by `*p`, `p[2]` while p's memory is unchanged
		}
}

static uint32_t min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

// Does location `l` certainly hold nothing to release: NULL in a pointer,
// -1 in an integer? (A 0 in an integer variable is a descriptor, the
// standard input: `fd = path ? open(path, O_RDONLY) : 0;` holds one of two.)
static bool holds_nothing_at(const bh_mem__fctx *c, uint32_t l, bh_mem__val v)
{
	if (!bh_mem__holds_nothing(v))
		return false;
	if ((v.flags & BH_MEM__NOFD) || l >= c->fn->nvars)
		return true;
	const bh_ir_var *var = &c->fn->vars[l];
	return var->kind == BH_IR_VAR_TEMP ||
	       (var->flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD));
}

static void lat_join(void *dst, const void *src, void *payload)
{
	bh_mem__fctx *c = payload;
	if (!bh_mem__fact_head((void *)src)->reachable)
		return;
	if (!bh_mem__fact_head(dst)->reachable) {
		memcpy(dst, src, c->fact_size);
		return;
	}
	bh_mem__fact_head(dst)->oom &= bh_mem__fact_head((void *)src)->oom;
	bh_mem__val *d = bh_mem__fact_vals(dst);
	const bh_mem__val *s = bh_mem__fact_vals((void *)src);
	bh_mem__ostate *dobj = bh_mem__fact_objs(c, dst);
	const bh_mem__ostate *sobj = bh_mem__fact_objs(c, (void *)src);
	memset(c->held[0], 0, c->nobjs + 1);
	memset(c->held[1], 0, c->nobjs + 1);
	for (uint32_t i = 0; i < c->nlive_locs; i++) {
		uint32_t l = c->live_locs[i];
		c->held[0][d[l].obj] = 1;
		c->held[1][s[l].obj] = 1;
	}
	for (uint32_t k = 1; k <= c->nobjs; k++) {
		// A block no location of one side points to is garbage there:
		// its state on that side (released on the path where the pointer
		// was set to NULL) says nothing about the paths that still hold it.
		bool collectable = c->objs[k].kind == BH_MEM__OBJ_BLOCK ||
				   c->objs[k].kind == BH_MEM__OBJ_RELEASED;
		if (collectable && !c->held[0][k])
			dobj[k] = sobj[k];
		else if (collectable && !c->held[1][k])
			continue;
		dobj[k].state |= sobj[k].state;
		dobj[k].freed_at = min_u32(dobj[k].freed_at, sobj[k].freed_at);
		if (!dobj[k].prev)
			dobj[k].prev = sobj[k].prev;
	}
	// A temporary of one block is dead where blocks meet: a copy of
	// `r.buf` read in a loop body is no second pointer to lose track of.
	for (uint32_t i = 0; i < c->ntemp_locs; i++)
		d[c->temp_locs[i]] = bh_mem__unknown();
	for (uint32_t i = 0; i < c->nlive_locs; i++) {
		uint32_t l = c->live_locs[i];
		if (memcmp(&d[l], &s[l], sizeof(d[l])) == 0)
			continue; // the join of a value with itself
		bh_mem__val a = d[l], b = s[l];
		if (a.obj != b.obj) {
			// "NULL or block k" stays block k (and "-1 or descriptor k"
			// descriptor k); two blocks: lost track of both.
			if (holds_nothing_at(c, l, a)) {
				a.obj = b.obj;
			} else if (!holds_nothing_at(c, l, b)) {
				dobj[a.obj].state |= a.obj ? BH_MEM__LOST : 0;
				dobj[b.obj].state |= b.obj ? BH_MEM__LOST : 0;
				a.obj = 0;
			}
		}
		if ((a.null & BH_MEM__MAY_NULL) && (b.null & BH_MEM__MAY_NULL))
			a.at = min_u32(a.at, b.at);
		else if (b.null & BH_MEM__MAY_NULL)
			a.at = b.at;
		a.null |= b.null;
		// Not from the heap on some path: kept through the join (the
		// earliest site, so that the fixpoint settles).
		if (b.nonheap && (!a.nonheap || b.nonheap < a.nonheap))
			a.nonheap = b.nonheap;
		a.flags = (uint8_t)(((a.flags | b.flags) & ~BH_MEM__SURE) | (a.flags & b.flags & BH_MEM__SURE));
		d[l] = a;
	}
	dobj[0].state = 0;
}

static bool lat_equal(const void *a, const void *b, void *payload)
{
	bh_mem__fctx *c = payload;
	return memcmp(a, b, c->fact_size) == 0;
}

static void lat_copy(void *dst, const void *src, void *payload)
{
	bh_mem__fctx *c = payload;
	memcpy(dst, src, c->fact_size);
}

void bh_mem__transfer_block(void *fact, const bh_ir_func *fn, const bh_ir_block *b, void *payload)
{
	(void)fn;
	bh_mem__fctx *c = payload;
	for (uint32_t i = 0; i < b->ninstrs && bh_mem__fact_head(fact)->reachable; i++)
		bh_mem__transfer(c, fact, &b->instrs[i]);
	bh_mem__fact_objs(c, fact)[0].state = 0;
}

// Which operand of comparison `d` is an integer constant: 1 (`x op k`),
// 0 (`k op x`), or -1 (neither).
static int constant_side(const bh_ir_instr *d)
{
	return d->args[1].kind == BH_IR_OPND_INT ? 1 : d->args[0].kind == BH_IR_OPND_INT ? 0 : -1;
}

// A variable a flag may stand in for: a local or a parameter whose
// address is never taken (nothing changes it behind our back).
static bool plain_variable(const bh_ir_func *fn, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR || o->var >= fn->nvars)
		return false;
	const bh_ir_var *v = &fn->vars[o->var];
	return (v->kind == BH_IR_VAR_LOCAL || v->kind == BH_IR_VAR_PARAM) && !(v->flags & BH_IR_VAR_ADDRESSED);
}

// The one definition of `var` that reaches instruction `at`, as an index
// into c->reach->defs, or UINT32_MAX.
static uint32_t only_reaching_def(bh_mem__fctx *c, uint32_t at, uint32_t var)
{
	uint32_t d;
	return bh_flow_reach_at(c->reach, at, var, &d, 1) == 1 ? d : UINT32_MAX;
}

// Marks in `seen` the blocks reachable from `from` by one edge or more,
// forward along successors or backward along predecessors, never through
// block `barrier`.
static void mark_reachable(const bh_ir_func *fn, uint32_t from, bool forward, uint32_t barrier, bool *seen,
			   uint32_t *stack)
{
	size_t n = 0;
	stack[n++] = from;
	while (n) {
		const bh_ir_block *b = &fn->blocks[stack[--n]];
		uint32_t count = forward ? b->nsuccs : b->npreds;
		const uint32_t *next = forward ? b->succs : b->preds;
		for (uint32_t i = 0; i < count; i++)
			if (!seen[next[i]] && next[i] != barrier) {
				seen[next[i]] = true;
				stack[n++] = next[i];
			}
	}
}

// Whether some instruction on a path from `from` to `to` (after the one,
// before the other) assigns `var`. Paths through block `barrier` (where
// the flag that carries the test is set again) do not count.
static bool assigned_between(bh_mem__fctx *c, const bh_ir_instr *from, const bh_ir_instr *to, uint32_t var,
			     uint32_t barrier)
{
	const bh_ir_func *fn = c->fn;
	bool *after = bh_arena_alloc(c->arena, 2 * (size_t)fn->nblocks * sizeof(bool));
	bool *before = after + fn->nblocks;
	uint32_t *stack = bh_arena_alloc(c->arena, (size_t)fn->nblocks * sizeof(uint32_t));
	mark_reachable(fn, from->block, true, barrier, after, stack);
	mark_reachable(fn, to->block, false, barrier, before, stack);
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind != BH_IR_OPND_VAR || in->dst.var != var)
				continue;
			bool past_from = after[b] || (b == from->block && in->id > from->id);
			bool ahead_of_to = before[b] || (b == to->block && in->id < to->id);
			if (past_from && ahead_of_to)
				return true;
		}
	return false;
}

// An instruction flag_test looks through to what it tests: a copy, `!`,
// or a comparison with a constant.
static bool followed_through(const bh_ir_instr *d)
{
	return d->op == BH_IR_ASSIGN || (d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT) ||
	       (d->op == BH_IR_BINOP && (d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE));
}

// What flag `x` tested at branch `t` holds, when it is a NULL test made
// earlier (`bool ok = p != NULL; ... if (!ok)`; Criterion's
// cr_assert_not_null keeps `!!(p != NULL)` in a bool it tests blocks
// later): `x` becomes p, and `*negated` says the flag is true where p is
// NULL. Only when the test is still what both say at `t`: the flag's only
// reaching definition there is the test, and no path from the test to `t`
// assigns p (which may have had several values before: a pointer found by
// a loop, then checked). The pointer may also be a call's unnamed result
// (`cr_assert_null(make())` keeps `!!(make() == NULL)`): a temporary,
// assigned once, so nothing can change it before `t`.
static bool flag_test(bh_mem__fctx *c, const bh_ir_instr *t, bh_ir_opnd *x, bool *negated)
{
	const bh_ir_func *fn = c->fn;
	if (!plain_variable(fn, x) || fn->vars[x->var].kind != BH_IR_VAR_LOCAL || c->reach_failed)
		return false;
	if (!c->reach && bh_flow_compute_reach(&c->reach, c->arena, fn, NULL) != BH_FLOW_DONE) {
		c->reach = NULL;
		c->reach_failed = true;
		return false;
	}
	uint32_t fd = only_reaching_def(c, t->id, x->var);
	if (fd == UINT32_MAX || c->reach->defs[fd].field || c->reach->defs[fd].instr == UINT32_MAX)
		return false;
	const bh_ir_instr *d = bh_ir_instr_at(fn, c->reach->defs[fd].instr);
	if (!d)
		return false;
	uint32_t flag_block = d->block;
	bool neg = false;
	// Through `!`, copies and `!= 0` / `== 0` of the flag's expression,
	// in the defining instruction's block.
	for (int depth = 0; d && depth < 8; depth++) {
		const bh_ir_opnd *next = NULL;
		if (d->op == BH_IR_ASSIGN) {
			next = &d->args[0];
		} else if (d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT) {
			next = &d->args[0];
			neg = !neg;
		} else if (d->op == BH_IR_BINOP && (d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE)) {
			int side = constant_side(d);
			if (side < 0 || d->args[side].ival != 0)
				return false;
			next = &d->args[1 - side];
			neg ^= d->sub == BH_IR_BIN_EQ;
		}
		if (!next || next->kind != BH_IR_OPND_VAR)
			return false;
		if (fn->vars[next->var].kind == BH_IR_VAR_TEMP) {
			const bh_ir_instr *def = bh_ir_def_before(fn, d, next->var);
			// A compared temporary made by anything else is what is tested.
			if (!(d->op == BH_IR_BINOP && def && !followed_through(def))) {
				d = def;
				continue;
			}
		} else if (!plain_variable(fn, next) || next->var == x->var ||
			   assigned_between(c, d, t, next->var, flag_block)) {
			return false;
		}
		*x = *next;
		*negated = neg;
		return true;
	}
	return false;
}

// A variable that is not a pointer: a flag that may hold a test of one
// (`bool ok = p != NULL;`), where a pointer tested is itself the operand.
static bool is_flag(const bh_ir_func *fn, const bh_ir_opnd *o)
{
	return o->kind == BH_IR_OPND_VAR && o->var < fn->nvars && fn->vars[o->var].kind != BH_IR_VAR_TEMP &&
	       !(fn->vars[o->var].flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD));
}

// What a branch compares with a constant: the operand, the constant
// (0: a NULL test, `if (p)`, `if (!p)`, `p == NULL`, or a flag holding
// one; else a sentinel like MAP_FAILED, (void *)-1), and whether the true
// edge is the side where they are equal.
bool bh_mem__null_test(bh_mem__fctx *c, const bh_ir_block *b, const bh_ir_instr *t, bh_ir_opnd *x,
		       int64_t *k, bool *null_if_true)
{
	const bh_ir_opnd *cond = &t->args[0];
	if (cond->kind != BH_IR_OPND_VAR)
		return false;
	*x = *cond;
	*k = 0;
	*null_if_true = false;
	bool negated;
	const bh_ir_instr *d = bh_ir_block_last_def(b, cond->var);
	if (!d || is_flag(c->fn, x)) {
		if (flag_test(c, t, x, &negated)) {
			*null_if_true = negated;
			return true;
		}
		if (!d)
			return true;
	}
	if (d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT) {
		*x = d->args[0];
		*null_if_true = true;
		if (x->kind == BH_IR_OPND_VAR && (!bh_ir_block_last_def(b, x->var) || is_flag(c->fn, x)) &&
		    flag_test(c, t, x, &negated))
			*null_if_true = !negated;
		return x->kind == BH_IR_OPND_VAR;
	}
	if (d->op == BH_IR_BINOP && (d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE)) {
		int side = constant_side(d);
		if (side < 0)
			return false;
		*k = d->args[side].ival;
		*x = d->args[1 - side];
		*null_if_true = d->sub == BH_IR_BIN_EQ;
		return x->kind == BH_IR_OPND_VAR;
	}
	return true;
}

// Does a branch test a status for failure (`x < 0`, `x == -1`, or the
// other side of `x >= 0`, `x != -1`)? The status operand and whether the
// true edge is the failing side.
static bool status_test(const bh_ir_block *b, const bh_ir_instr *t, bh_ir_opnd *x, bool *fail_if_true)
{
	if (t->args[0].kind != BH_IR_OPND_VAR)
		return false;
	const bh_ir_instr *d = bh_ir_block_last_def(b, t->args[0].var);
	if (!d || d->op != BH_IR_BINOP || d->args[1].kind != BH_IR_OPND_INT || d->args[0].kind != BH_IR_OPND_VAR)
		return false;
	int64_t k = d->args[1].ival;
	*x = d->args[0];
	switch (d->sub) {
	case BH_IR_BIN_LT: *fail_if_true = true; return k == 0;
	case BH_IR_BIN_LE: *fail_if_true = true; return k == -1;
	case BH_IR_BIN_EQ: *fail_if_true = true; return k == -1;
	case BH_IR_BIN_GE: *fail_if_true = false; return k == 0;
	case BH_IR_BIN_GT: *fail_if_true = false; return k == -1;
	case BH_IR_BIN_NE: *fail_if_true = false; return k == -1;
	default: return false;
	}
}

static void refine_loc(bh_mem__val *v, bool is_null, uint32_t at)
{
	v->flags |= BH_MEM__CHECKED;
	if (is_null) {
		v->null = BH_MEM__MAY_NULL;
		v->flags &= (uint8_t)~BH_MEM__SURE;
		v->at = at;
	} else {
		v->null = BH_MEM__MAY_NONNULL;
		v->flags |= BH_MEM__SURE;
	}
}

// The allocation of block `k` failed on this edge: there is no block (a
// descriptor's holders hold -1), realloc's old one is still live, and
// the descriptor fdopen() would have adopted is still ours.
static void block_failed(bh_mem__fctx *c, void *fact, uint32_t k)
{
	bh_mem__ostate *objs = bh_mem__fact_objs(c, fact);
	bh_mem__val *vals = bh_mem__fact_vals(fact);
	uint16_t prev = objs[k].prev;
	bool fd = bh_mem__is_fd(c, k);
	objs[k] = (bh_mem__ostate){ 0, 0, 0, BH_MEM__NONE, 0 };
	bh_mem__fact_head(fact)->oom = 1;
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (vals[l].obj == k)
			vals[l] = fd ? bh_mem__no_fd(vals[l].at) : (bh_mem__val){ 0, vals[l].null, vals[l].flags,
										    vals[l].at, 0 };
	if (prev && prev != k && (objs[prev].state & BH_MEM__ADOPTED)) {
		objs[prev].state &= (uint8_t)~BH_MEM__ADOPTED;
	} else if (prev && prev != k) {
		objs[prev].state = (uint8_t)((objs[prev].state & ~BH_MEM__FREED) | BH_MEM__LIVE);
		objs[prev].freed_at = BH_MEM__NONE;
	}
}

// Does branch `t` of block `b` compare an integer with a constant of at
// most 2 (`fd < 0`, `fd == -1`, `fd >= 0`, `-1 != fd`, `fd > 2`, `if (fd)`,
// `if (!fd)`)? The operand, and whether the true edge is the side where
// it is certainly below 3: where a call that opens a descriptor failed,
// or a standard stream the function did not open.
static bool fd_test(const bh_ir_block *b, const bh_ir_instr *t, bh_ir_opnd *x, bool *low_if_true)
{
	const bh_ir_opnd *cond = &t->args[0];
	if (cond->kind != BH_IR_OPND_VAR)
		return false;
	const bh_ir_instr *d = bh_ir_block_last_def(b, cond->var);
	if (d && d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT) {
		*x = d->args[0]; // `!fd`: true where it is 0
		*low_if_true = true;
		return x->kind == BH_IR_OPND_VAR;
	}
	bool compare = d && d->op == BH_IR_BINOP &&
		       (d->sub == BH_IR_BIN_LT || d->sub == BH_IR_BIN_LE || d->sub == BH_IR_BIN_GT ||
			d->sub == BH_IR_BIN_GE || d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE);
	if (!compare) {
		*x = *cond; // `if (fd)`: false where it is 0
		*low_if_true = false;
		return true;
	}
	int side = constant_side(d);
	if (side < 0 || d->args[1 - side].kind != BH_IR_OPND_VAR)
		return false;
	*x = d->args[1 - side];
	int64_t k = d->args[side].ival;
	int op = d->sub;
	if (side == 0) // `k op x` is `x op' k`
		op = bh_ir_cmp_mirror(op);
	switch (op) {
	case BH_IR_BIN_LT: *low_if_true = true; return k <= 3;  // x < k: x <= 2
	case BH_IR_BIN_LE: *low_if_true = true; return k <= 2;
	case BH_IR_BIN_EQ: *low_if_true = true; return k <= 2;
	case BH_IR_BIN_GE: *low_if_true = false; return k <= 3; // else x < k
	case BH_IR_BIN_GT: *low_if_true = false; return k <= 2;
	case BH_IR_BIN_NE: *low_if_true = false; return k <= 2;
	default: return false;
	}
}

// The edge `to` of a branch that tests a descriptor (an open()'s result,
// an integer parameter): where it is below 3, it is no descriptor of ours
// (the open failed; the parameter holds nothing to close). Other tests of
// a descriptor say nothing. Returns false when `x` holds no descriptor.
static bool fd_edge(bh_mem__fctx *c, void *fact, const bh_ir_block *b, const bh_ir_instr *t,
		    uint32_t to)
{
	bh_ir_opnd x;
	bool low_if_true;
	const bh_ir_opnd *cond = &t->args[0];
	if (cond->kind != BH_IR_OPND_VAR || cond->var >= c->fn->nvars)
		return false;
	bool parsed = fd_test(b, t, &x, &low_if_true) && x.var < c->fn->nvars;
	// (A comparison the test does not recognise still names its operand:
	// `fd == 7` says nothing about a descriptor, but must not be read as
	// a NULL test either.)
	const bh_ir_instr *d = bh_ir_block_last_def(b, cond->var);
	uint32_t var = parsed ? x.var
		     : d && d->op == BH_IR_BINOP && d->args[0].kind == BH_IR_OPND_VAR ? d->args[0].var
		     : d && d->op == BH_IR_BINOP && d->args[1].kind == BH_IR_OPND_VAR ? d->args[1].var
		     : UINT32_MAX;
	if (var >= c->fn->nvars)
		return false;
	uint32_t k = bh_mem__fact_vals(fact)[var].obj;
	if (!bh_mem__is_fd(c, k) && !bh_mem__is_scalar_param(c, k))
		return false;
	if (!parsed || (to == t->target[0]) != low_if_true)
		return true;
	if (bh_mem__is_fd(c, k)) {
		block_failed(c, fact, k);
	} else {
		bh_mem__ostate *st = &bh_mem__fact_objs(c, fact)[k];
		st->state = (uint8_t)((st->state & ~BH_MEM__LIVE) | BH_MEM__ABSENT);
	}
	return true;
}

// Only a branch refines (or kills a side a constant never takes).
static bool lat_edge_acts(const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	bh_mem__fctx *c = payload;
	const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[from]);
	return (t && t->op == BH_IR_BR && t->target[0] != t->target[1]) ||
	       bh_flow_edge_dead(&c->consts, fn, from, to);
}

// `p == q`, where q is certainly not NULL: on the side where they are
// equal, p is not NULL either (`slash = strrchr(dir, '/'); if (slash ==
// dir) slash[1] = 0;`). Nothing is learnt on the other side.
static void equality_edge(bh_mem__fctx *c, void *fact, const bh_ir_block *b, const bh_ir_instr *t,
			  uint32_t to)
{
	const bh_ir_func *fn = c->fn;
	if (t->args[0].kind != BH_IR_OPND_VAR)
		return;
	const bh_ir_instr *d = bh_ir_block_last_def(b, t->args[0].var);
	if (!d || d->op != BH_IR_BINOP || (d->sub != BH_IR_BIN_EQ && d->sub != BH_IR_BIN_NE) ||
	    (to == t->target[0]) != (d->sub == BH_IR_BIN_EQ))
		return;
	bh_mem__val *vals = bh_mem__fact_vals(fact);
	for (int s = 0; s < 2; s++) {
		const bh_ir_opnd *p = &d->args[s], *q = &d->args[1 - s];
		if (p->kind != BH_IR_OPND_VAR || q->kind != BH_IR_OPND_VAR || p->var >= fn->nvars ||
		    q->var >= fn->nvars || !(vals[q->var].flags & BH_MEM__SURE) ||
		    !(vals[p->var].null & BH_MEM__MAY_NULL))
			continue;
		refine_loc(&vals[p->var], false, t->id);
		uint32_t src = bh_mem__copy_source(c, d, p);
		if (src != UINT32_MAX)
			refine_loc(&vals[src], false, t->id);
	}
}

static void lat_edge(void *fact, const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	bh_mem__fctx *c = payload;
	if (!bh_mem__fact_head(fact)->reachable)
		return;
	if (bh_flow_edge_dead(&c->consts, fn, from, to)) {
		lat_init(fact, payload);
		return;
	}
	const bh_ir_block *b = &fn->blocks[from];
	const bh_ir_instr *t = bh_ir_block_terminator(b);
	bh_ir_opnd x;
	int64_t k;
	bool null_if_true, fail_if_true;
	bool two_way = t && t->op == BH_IR_BR && t->target[0] != t->target[1];
	if (two_way && status_test(b, t, &x, &fail_if_true) && x.var < fn->nvars) {
		bh_mem__val s = bh_mem__fact_vals(fact)[x.var];
		bool failing = (to == t->target[0]) == fail_if_true;
		if (failing && x.var >= fn->nparams)
			bh_mem__fact_head(fact)->oom = 1; // a call failed: NULLs returned now pass it on
		if ((s.flags & BH_MEM__STATUS) && s.obj) {
			if (failing)
				block_failed(c, fact, s.obj);
			return;
		}
	}
	if (!two_way || fd_edge(c, fact, b, t, to))
		return;
	equality_edge(c, fact, b, t, to);
	if (!bh_mem__null_test(c, b, t, &x, &k, &null_if_true) || x.var >= fn->nvars)
		return;
	bool is_null = (to == t->target[0]) == null_if_true;
	bh_mem__val *vals = bh_mem__fact_vals(fact);
	bh_mem__val v = vals[x.var];
	if ((v.flags & BH_MEM__STATUS) && v.obj) {
		// `if (posix_memalign(&p, a, n) != 0)`: a non-zero status failed.
		if (!k && !is_null && c->objs[v.obj].nonzero_fails)
			block_failed(c, fact, v.obj);
		return;
	}
	if (k) {
		// Equal to a failure sentinel (mmap's MAP_FAILED): no block there.
		if (is_null && bh_mem__same_pointer(c, v, v))
			block_failed(c, fact, v.obj);
		return;
	}
	if ((bh_mem__only_null(v) && !is_null && !v.obj) || ((v.flags & BH_MEM__SURE) && is_null)) {
		lat_init(fact, payload); // a pointer known (not) to be NULL is never the other
		return;
	}
	refine_loc(&vals[x.var], is_null, t->id);
	// The NULL side of a check of something a call returned is a failure
	// path: a NULL returned there passes a callee's failure on (hiredis'
	// `sh = hi_s_malloc(n); if (sh == NULL) return NULL;`), it is no "not found".
	if (is_null && !(v.obj && (c->objs[v.obj].kind == BH_MEM__OBJ_PARAM ||
				   c->objs[v.obj].kind == BH_MEM__OBJ_FIELD)) &&
	    x.var >= c->fn->nparams)
		bh_mem__fact_head(fact)->oom = 1;
	// The variable or field a tested temporary was copied from.
	uint32_t src = bh_mem__copy_source(c, t, &x);
	if (src != UINT32_MAX)
		refine_loc(&vals[src], is_null, t->id);
	if (!v.obj)
		return;
	if (c->objs[v.obj].kind == BH_MEM__OBJ_PARAM && !(v.flags & BH_MEM__OFFSET)) {
		c->sum->param[c->objs[v.obj].var] |= BH_MEM__P_CHECKS;
		if (is_null) {
			bh_mem__ostate *st = &bh_mem__fact_objs(c, fact)[v.obj];
			st->state = (uint8_t)((st->state & ~BH_MEM__LIVE) | BH_MEM__ABSENT);
		}
	}
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (bh_mem__same_pointer(c, v, vals[l]))
			refine_loc(&vals[l], is_null, t->id);
	if (is_null && bh_mem__same_pointer(c, v, v))
		block_failed(c, fact, v.obj);
}

void bh_mem__lattice(bh_flow_lattice *lat, size_t fact_size)
{
	*lat = (bh_flow_lattice){
		.fact_size = fact_size,
		.init = lat_init,
		.boundary = lat_boundary,
		.join = lat_join,
		.equal = lat_equal,
		.copy = lat_copy,
		.transfer_block = bh_mem__transfer_block,
		.transfer_edge = lat_edge,
		.edge_acts = lat_edge_acts,
	};
}
