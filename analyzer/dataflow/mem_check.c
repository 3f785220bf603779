// SPDX-License-Identifier: MIT
// The value operations of the memory-state analysis and the checks made on
// them: reading an operand, writing a location (with the leak of the block
// it held, and the garbage it leaves), giving a block away, dereferencing
// (use after free, NULL), releasing (double, mismatched, non-heap, interior
// pointer), and the rules that keep NULL findings precise on real code.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataflow/mem_func_internal.h"

// Nothing known: not NULL as far as the checkers are concerned.
bh_mem__val bh_mem__unknown(void)
{
	return (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, 0, BH_MEM__NONE, 0 };
}

bh_mem__val bh_mem__read(const bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	switch (o->kind) {
	case BH_IR_OPND_VAR:
		if (o->var >= c->fn->nvars)
			return bh_mem__unknown();
		if ((c->fn->vars[o->var].flags & BH_IR_VAR_ARRAY) && c->fn->vars[o->var].kind != BH_IR_VAR_PARAM &&
		    c->var_obj[o->var])
			return (bh_mem__val){ (uint16_t)c->var_obj[o->var], BH_MEM__MAY_NONNULL, BH_MEM__SURE,
					      BH_MEM__NONE, 0 };
		return bh_mem__fact_vals(f)[o->var];
	case BH_IR_OPND_INT:
		if (o->ival == 0)
			return (bh_mem__val){ 0, BH_MEM__MAY_NULL, BH_MEM__EXPLICIT, in->id, 0 };
		if (o->ival < 0)
			return bh_mem__no_fd(in->id); // `fd = -1`, `return -1`
		return bh_mem__unknown();
	case BH_IR_OPND_STR:
		return (bh_mem__val){ (uint16_t)c->literal_obj, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE, 0 };
	case BH_IR_OPND_FUNC:
		return (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE, 0 };
	default:
		return bh_mem__unknown();
	}
}

bool bh_mem__only_null(bh_mem__val v)
{
	return v.null == BH_MEM__MAY_NULL;
}

bh_mem__val bh_mem__no_fd(uint32_t at)
{
	return (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, BH_MEM__NOFD, at, 0 };
}

bool bh_mem__holds_nothing(bh_mem__val v)
{
	return !v.obj && (bh_mem__only_null(v) || (v.flags & BH_MEM__NOFD));
}

bool bh_mem__is_fd(const bh_mem__fctx *c, uint32_t k)
{
	return k && k <= c->nobjs && c->objs[k].kind == BH_MEM__OBJ_BLOCK &&
	       c->objs[k].family == BH_MEM_FAMILY_FD;
}

bool bh_mem__is_scalar_param(const bh_mem__fctx *c, uint32_t k)
{
	return k && k <= c->nobjs && c->objs[k].kind == BH_MEM__OBJ_PARAM &&
	       !(c->fn->vars[c->objs[k].var].flags &
		 (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD));
}

// Some location other than `except` holds object `k`.
static bool held_elsewhere(const bh_mem__fctx *c, void *f, uint32_t k, uint32_t except)
{
	const bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (l != except && vals[l].obj == k)
			return true;
	return false;
}

// A name of a location holding object `k`, for messages, or NULL.
static const char *holder_name(const bh_mem__fctx *c, void *f, uint32_t k)
{
	const bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t l = 0; l < c->fn->nvars; l++)
		if (vals[l].obj == k && c->fn->vars[l].kind != BH_IR_VAR_TEMP)
			return c->fn->vars[l].name;
	for (uint32_t s = 0; s < c->nslots; s++)
		if (vals[c->fn->nvars + s].obj == k && c->fn->vars[c->slot_base[s]].kind != BH_IR_VAR_TEMP)
			return bh_mem__loc_name(c, c->fn->nvars + s);
	return NULL;
}

bool bh_mem__leak_candidate(const bh_mem__fctx *c, void *f, uint32_t k)
{
	const bh_mem__object *o = &c->objs[k];
	const bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[k];
	return o->kind == BH_MEM__OBJ_BLOCK && o->family != BH_MEM_FAMILY_STACK &&
	       (st->state & BH_MEM__LIVE) &&
	       !(st->state & (BH_MEM__GONE | BH_MEM__LOST | BH_MEM__ADOPTED));
}

const bh_rule *bh_mem__leak_rule(const bh_mem__fctx *c, uint32_t k)
{
	return bh_rule_get(c->objs[k].family == BH_MEM_FAMILY_HEAP ? BH_RULE_C_MEMORY_LEAK
							     : BH_RULE_C_RESOURCE_LEAK);
}

bh_finding_step bh_mem__release_step(const bh_mem__fctx *c, uint32_t k, uint32_t at, const char *what)
{
	const bh_mem__object *o = &c->objs[k];
	if (o->kind == BH_MEM__OBJ_RELEASED && o->by && o->released_in.path && o->released_in.line)
		return (bh_finding_step){ o->released_in,
					  bh_arena_sprintf(c->prog->arena, "%s, inside %s()", what, o->by) };
	return (bh_finding_step){ bh_mem__instr_loc(c, at), what };
}

bh_finding_step bh_mem__alloc_step(const bh_mem__fctx *c, uint32_t k)
{
	const bh_mem__object *o = &c->objs[k];
	return (bh_finding_step){ bh_mem__instr_loc(c, o->site),
				  bh_arena_sprintf(c->prog->arena, "%s by %s()",
						   o->family == BH_MEM_FAMILY_FD ? "opened" : "allocated",
						   o->by) };
}

void bh_mem__report_leak(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t k,
			const char *how)
{
	const char *holder = holder_name(c, f, k);
	bh_finding_step step = bh_mem__alloc_step(c, k);
	const char *snippet = holder ? holder : c->objs[k].by;
	if (bh_mem__is_fd(c, k)) {
		// "file descriptor 'fd' from open() at line 12 is not closed on this path"
		unsigned line = bh_mem__instr_loc(c, c->objs[k].site).line;
		if (holder)
			bh_mem__report(c, bh_mem__leak_rule(c, k), in, snippet, &step, 1,
				       "not closed when the function returns here",
				       "file descriptor '%s' from %s() at line %u is not closed %s", holder,
				       c->objs[k].by, line, how);
		else
			bh_mem__report(c, bh_mem__leak_rule(c, k), in, snippet, &step, 1,
				       "not closed when the function returns here",
				       "%s is not closed %s", bh_mem__object_text(c, k), how);
		return;
	}
	bh_mem__report(c, bh_mem__leak_rule(c, k), in, snippet, &step, 1, "not released when the function returns here",
		       "%s%s%s%s is not released %s", bh_mem__object_text(c, k),
		       holder ? " ('" : "", holder ? holder : "", holder ? "')" : "", how);
}

// Location `loc` is about to lose value `old`: if it was the last pointer
// to a live block, the block leaks here.
void bh_mem__check_overwrite(bh_mem__fctx *c, void *f, uint32_t loc, bh_mem__val old, const bh_ir_instr *in)
{
	uint32_t k = old.obj;
	if (!k || bh_mem__only_null(old) || !bh_mem__leak_candidate(c, f, k) || held_elsewhere(c, f, k, loc))
		return;
	// (A field of a struct of our own is named; through a pointer, it was not.)
	bool named = loc < c->fn->nvars || bh_mem__own_record(c, c->slot_base[loc - c->fn->nvars]);
	const char *name = named ? bh_mem__loc_name(c, loc) : NULL;
	bh_finding_step step = bh_mem__alloc_step(c, k);
	bool fd = bh_mem__is_fd(c, k);
	bh_mem__report(c, bh_mem__leak_rule(c, k), in, name ? name : c->objs[k].by, &step, 1,
		       fd ? "the last copy is overwritten here" : "the last pointer is overwritten here",
		       "%s is lost: '%s', the last %s, is overwritten here",
		       bh_mem__object_text(c, k), name ? name : "?",
		       fd ? "variable that holds it" : "pointer to it");
	bh_mem__fact_objs(c, f)[k].state |= BH_MEM__LOST;
}

static void kill_slots_of(bh_mem__fctx *c, void *f, uint32_t var)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t s = c->first_slot[var]; s; s = c->next_slot[s - 1])
		vals[c->fn->nvars + s - 1] = bh_mem__unknown();
}

void bh_mem__give_away(bh_mem__fctx *c, void *f, bh_mem__val v);

// Code that reads through `&x` sees the pointers x holds (memcpy(node,
// &data, sizeof data) stores `data` in a tree): they are given away.
void bh_mem__expose_pointee(bh_mem__fctx *c, void *f, bh_mem__val v)
{
	if (!v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_LOCAL)
		return;
	uint32_t var = c->objs[v.obj].var;
	const bh_mem__val *vals = bh_mem__fact_vals(f);
	if (vals[var].obj != v.obj)
		bh_mem__give_away(c, f, vals[var]);
	for (uint32_t s = c->first_slot[var]; s; s = c->next_slot[s - 1])
		bh_mem__give_away(c, f, vals[c->fn->nvars + s - 1]);
}

void bh_mem__give_away(bh_mem__fctx *c, void *f, bh_mem__val v)
{
	if (!v.obj || (v.flags & BH_MEM__STATUS))
		return;
	bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[v.obj];
	if (st->state & BH_MEM__GONE)
		return;
	st->state |= BH_MEM__GONE;
	if (c->reporting && c->objs[v.obj].kind == BH_MEM__OBJ_PARAM)
		c->sum->param[c->objs[v.obj].var] |= BH_MEM__P_KEEPS;
	bh_mem__expose_pointee(c, f, v);
}

// `&local` stored where it outlives the function.
void bh_mem__check_stack_escape(bh_mem__fctx *c, const bh_ir_instr *in, bh_mem__val v, const char *where)
{
	if (!v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_LOCAL)
		return;
	const char *name = c->fn->vars[c->objs[v.obj].var].name;
	bh_mem__report(c, bh_rule_get(BH_RULE_C_STACK_ADDRESS_ESCAPE), in, name, NULL, 0, "the address escapes here",
		       "the address of %s %s; it is invalid once %s() returns",
		       bh_mem__object_text(c, v.obj), where, c->fn->name);
}

// A block that no variable or field points to any more is forgotten
// (a leak of it was reported when its last pointer went): `free(p); p =
// NULL;` on one path and `if (p) free(p);` after the paths meet is not a
// double free.
static void forget_unreachable(bh_mem__fctx *c, void *f, uint32_t k)
{
	bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[k];
	if (c->objs[k].kind != BH_MEM__OBJ_BLOCK && c->objs[k].kind != BH_MEM__OBJ_RELEASED)
		return;
	const bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (vals[l].obj == k && (l >= c->fn->nvars || c->fn->vars[l].kind != BH_IR_VAR_TEMP))
			return;
	*st = (bh_mem__ostate){ 0, 0, 0, BH_MEM__NONE, 0 };
}

// Is object `k` memory that no release function may be given (a literal,
// a local or global variable, alloca's stack block)?
static bool is_nonheap_object(const bh_mem__fctx *c, uint32_t k)
{
	const bh_mem__object *o = &c->objs[k];
	return k && (o->kind == BH_MEM__OBJ_LOCAL || o->kind == BH_MEM__OBJ_GLOBAL ||
		     o->kind == BH_MEM__OBJ_LITERAL ||
		     (o->kind == BH_MEM__OBJ_BLOCK && o->family == BH_MEM_FAMILY_STACK));
}

void bh_mem__set_loc(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t loc, bh_mem__val v)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	bh_mem__val old = vals[loc];
	// A named location that gets memory not from the heap remembers where
	// (a temporary passes on the site of the variable it copies).
	if ((v.nonheap || is_nonheap_object(c, v.obj)) &&
	    (loc >= c->fn->nvars || c->fn->vars[loc].kind != BH_IR_VAR_TEMP))
		v.nonheap = in->id + 1;
	if (old.obj && old.obj != v.obj)
		bh_mem__check_overwrite(c, f, loc, old, in);
	vals[loc] = v;
	if (old.obj && old.obj != v.obj)
		forget_unreachable(c, f, old.obj);
	if (loc < c->fn->nvars) {
		kill_slots_of(c, f, loc);
		if (bh_ir_var_is_global(&c->fn->vars[loc])) {
			bh_mem__give_away(c, f, v);
			if (v.obj && c->objs[v.obj].kind == BH_MEM__OBJ_LOCAL)
				vals[loc].at = in->id; // where a local's address went (see escapes_at_return)
		}
	}
}

void bh_mem__set_dst(bh_mem__fctx *c, void *f, const bh_ir_instr *in, bh_mem__val v)
{
	if (in->dst.kind == BH_IR_OPND_VAR && in->dst.var < c->fn->nvars)
		bh_mem__set_loc(c, f, in, in->dst.var, v);
}

// --------------------------------------------------------------- checks


static bh_finding_step null_origin_step(const bh_mem__fctx *c, bh_mem__val v)
{
	bh_loc loc = bh_mem__instr_loc(c, v.at);
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	if (v.flags & BH_MEM__EXPLICIT)
		return (bh_finding_step){ loc, "set to NULL here" };
	if (at && at->op == BH_IR_BR)
		return (bh_finding_step){ loc, "compared with NULL here: it may be NULL after this" };
	const char *by = at && at->op == BH_IR_CALL ? bh_mem__callee_name(bh_mem__resolve_callee(c, at)) : "a call";
	return (bh_finding_step){ loc, bh_arena_sprintf(c->prog->arena, "%s() may return NULL", by) };
}

// Do `a` and `b` hold the same pointer? Only a block's start is one value:
// two pointers into a parameter's memory may differ.
bool bh_mem__same_pointer(const bh_mem__fctx *c, bh_mem__val a, bh_mem__val b)
{
	return a.obj && a.obj == b.obj && c->objs[a.obj].kind == BH_MEM__OBJ_BLOCK &&
	       !((a.flags | b.flags) & BH_MEM__OFFSET);
}

static void mark_nonnull(bh_mem__fctx *c, void *f, const bh_ir_opnd *o, bh_mem__val v)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (bh_mem__same_pointer(c, v, vals[l]) || (o->kind == BH_IR_OPND_VAR && l == o->var)) {
			vals[l].null = BH_MEM__MAY_NONNULL;
			vals[l].flags |= BH_MEM__SURE;
		}
}

static void record_param_deref(bh_mem__fctx *c, const bh_ir_instr *in, bh_mem__val v,
			       bool null_matters)
{
	if (c->reporting && bh_mem__entry_object(c, v.obj)) {
		uint32_t *n = &c->ind_nderef_blocks[v.obj];
		// As for a parameter: callers are pointed at the first
		// dereference where NULL matters, and one on every path that
		// returns makes a NULL the caller left there a bug.
		if (!(c->ind_bits[v.obj] & (BH_MEM__P_DEREF | BH_MEM__P_MAY_FREE)) || (null_matters && !*n))
			c->ind_loc[v.obj] = bh_mem__where(c, in);
		c->ind_bits[v.obj] |= BH_MEM__P_DEREF;
		if (null_matters && !(v.flags & BH_MEM__CHECKED) && *n < BH_MEM__MAX_DEREF_BLOCKS)
			c->ind_deref_blocks[v.obj][(*n)++] = in->block;
		return;
	}
	if (!c->reporting || !v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_PARAM)
		return;
	uint32_t j = c->objs[v.obj].var;
	// Where to point callers: the first dereference where NULL matters.
	if (!(c->sum->param[j] & (BH_MEM__P_DEREF | BH_MEM__P_FREES | BH_MEM__P_MAY_FREE)) ||
	    (null_matters && !c->nderef_blocks[j]))
		c->sum->param_loc[j] = bh_mem__where(c, in);
	c->sum->param[j] |= BH_MEM__P_DEREF;
	if (null_matters && !(v.flags & BH_MEM__CHECKED) && c->nderef_blocks[j] < BH_MEM__MAX_DEREF_BLOCKS)
		c->deref_blocks[j][c->nderef_blocks[j]++] = in->block;
}

// `o` is dereferenced by `in` (directly, or by `callee` when it is not
// NULL: a library function or a program function that dereferences its
// parameter). `null_matters`: a NULL there is a bug (false for program
// functions that check or dereference only on some paths).
// A NULL that only means "out of memory" inside a program function (an
// allocation wrapper, a string builder): not reported at each use. Users
// of redis' sds or hiredis would get hundreds of findings that all say
// "no memory"; a direct malloc() result used unchecked is still reported.
static bool oom_in_callee(const bh_mem__fctx *c, bh_mem__val v)
{
	if (!(v.flags & BH_MEM__OOM) || (v.flags & BH_MEM__EXPLICIT) || v.at == BH_MEM__NONE)
		return false;
	const bh_ir_instr *at = bh_ir_instr_at(c->fn, v.at);
	return at && at->op == BH_IR_CALL && c->call_sum[at->id] != NULL;
}

// The call-graph node of the program function whose result `v` is, or SIZE_MAX.
static size_t origin_node(const bh_mem__fctx *c, bh_mem__val v)
{
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	if (!at || at->op != BH_IR_CALL || !c->call_sum[at->id])
		return SIZE_MAX;
	const bh_ir_opnd *callee = bh_mem__resolve_callee(c, at);
	return callee ? bh_callgraph_node_of_opnd(c->prog->graph, callee) : SIZE_MAX;
}

// c.unchecked-null: a library function's NULL is reported at once; a
// program function's is held back and kept where the places that check
// that function's result outnumber those that do not enough
// (checks_are_the_rule in mem_program.c).
static void report_unchecked(bh_mem__fctx *c, bh_mem__val v, const bh_ir_instr *in, const char *name,
			     const char *how, const char *sep, const bh_finding_step *steps, size_t n)
{
	size_t node = origin_node(c, v);
	bh_findings *out = c->out;
	size_t before = c->prog->held->items.len;
	if (node != SIZE_MAX) {
		if (c->prog->special_depth)
			return;
		c->out = c->prog->held;
	}
	bh_mem__report(c, bh_rule_get(BH_RULE_C_UNCHECKED_NULL), in, name, steps, n, "dereferenced without a check",
		       "'%s' %s%s without a NULL check; %s at line %u", name, how, sep, steps[0].message,
		       steps[0].loc.line);
	c->out = out;
	if (node != SIZE_MAX && c->prog->held->items.len > before) {
		bh_vec_push(&c->prog->held_node, node);
		c->prog->null_unchecked[node]++;
	}
}

// Report pass: a branch that tests a program function's result for NULL
// counts for that function (see report_unchecked).
void bh_mem__count_null_check(bh_mem__fctx *c, void *f, const bh_ir_instr *t)
{
	bh_ir_opnd x;
	int64_t k;
	bool null_if_true;
	const bh_ir_block *b = &c->fn->blocks[t->block];
	if (!c->reporting || c->prog->special_depth || t->target[0] == t->target[1] ||
	    !bh_mem__null_test(c, b, t, &x, &k, &null_if_true) || k || x.var >= c->fn->nvars)
		return;
	size_t node = origin_node(c, bh_mem__fact_vals(f)[x.var]);
	if (node != SIZE_MAX)
		bh_mem__count_checked(c->prog, node);
}

// Is the NULL in `v` known from a comparison (`if (!p) ...`)?
static bool null_from_branch(const bh_mem__fctx *c, bh_mem__val v)
{
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	return at && at->op == BH_IR_BR;
}

// The location operand `o` of `in` reads: its variable, or for a
// temporary the variable or field it was copied from; UINT32_MAX.
static uint32_t followed_location(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR || o->var >= c->fn->nvars)
		return UINT32_MAX;
	return c->fn->vars[o->var].kind != BH_IR_VAR_TEMP ? o->var : bh_mem__copy_source(c, in, o);
}

// Is `v`, a NULL literal on some path to `in`, still NULL on the first
// pass of a loop that dereferences it there (`tail = NULL; for (...) {
// tail->next = x; tail = x; }`)? The path search must find a pass that
// reaches `in` from the NULL with the pointer unchanged, choosing freely
// only at the loop's exits: a first pass told apart by a counter, a flag
// or a test of the pointer itself (`if (i > 0)`, `if (tail)`) is quiet.
// So is an element at a varying index (`az[i]` in `for (i = 0; i < n;
// i++)`): an array left NULL with its count at zero is the empty-array
// idiom, and the count that guards it is often beyond what the path
// remembers (on sqlite's tools, all such findings were false).
static bool null_on_first_pass(bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o, bh_mem__val v)
{
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	if (!at || !bh_mem__on_cycle(c, in->block))
		return false;
	if ((in->op == BH_IR_INDEX || in->op == BH_IR_INDEX_STORE || in->op == BH_IR_INDEX_ADDR) &&
	    in->nargs > 1 && in->args[1].kind != BH_IR_OPND_INT)
		return false;
	uint32_t loc = followed_location(c, in, o);
	if (loc == UINT32_MAX || bh_ir_instr_def(at) != loc)
		return false;
	bh_mem__path_query q = { at->id, in->id, loc, true, 0, true, false };
	return bh_mem__path_exists(c, &q) == 1;
}

// Is `v`, a NULL literal on some path to `in`, still NULL on a path whose
// only free choices past the NULL are tests of pseudo-random values (`if
// (coin()) p = NULL; else p = &x; if (coin()) *p`)? Such tests say nothing
// of the pointer, so the path that takes both is as real as any
// (bh_mem__path_exists, random_only).
static bool null_on_random_path(bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o, bh_mem__val v)
{
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	uint32_t loc = at ? followed_location(c, in, o) : UINT32_MAX;
	if (loc == UINT32_MAX || bh_ir_instr_def(at) != loc || !bh_mem__has_random_tests(c))
		return false;
	bh_mem__path_query q = { at->id, in->id, loc, true, 0, false, true };
	return bh_mem__path_exists(c, &q) == 1;
}

// `o`, a pointer whose object the analysis lost where paths met (two
// blocks in one variable), is used or released by `in`: the block released
// on one of those paths, by a release of the same location from which a
// path reaches `in` with the location unchanged, choosing freely only at
// tests of pseudo-random values (bh_mem__path_exists, random_only); 0 when
// none. `if (coin()) { p = malloc(n); free(p); } else p = malloc(n);
// if (coin()) free(p);`
static uint32_t released_on_random_path(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	uint32_t loc = c->reporting ? followed_location(c, in, o) : UINT32_MAX;
	if (loc == UINT32_MAX || !bh_mem__has_random_tests(c))
		return 0;
	const bh_mem__ostate *objs = bh_mem__fact_objs(c, f);
	for (uint32_t k = 1; k <= c->nobjs; k++) {
		const bh_ir_instr *rel = (objs[k].state & BH_MEM__FREED) && (objs[k].state & BH_MEM__LOST) &&
						 objs[k].freed_at != BH_MEM__NONE && objs[k].freed_at != in->id
					 ? bh_ir_instr_at(c->fn, objs[k].freed_at)
					 : NULL;
		bool of_loc = false;
		for (uint32_t i = 0; rel && i < rel->nargs && i < 8 && !of_loc; i++)
			of_loc = (c->released_args[rel->id] & (1u << i)) &&
				 followed_location(c, rel, &rel->args[i]) == loc;
		bh_mem__path_query q = { objs[k].freed_at, in->id, loc, false, 0, false, true };
		if (of_loc && bh_mem__path_exists(c, &q) == 1)
			return k;
	}
	return 0;
}

// The step "f() dereferences it" of a finding at a call: inside the
// callee, or at the call into code outside the context (no location).
// Made only for a finding: a dereference is checked at every pass of the
// solver, and the text of each was most of the memory checkers' arena.
static bh_finding_step deref_in_callee(bh_mem__fctx *c, const bh_ir_instr *in, const char *callee,
				       const bh_loc *inside)
{
	bool known = inside && inside->path && inside->line;
	return (bh_finding_step){ known ? *inside : in->loc,
				  bh_arena_sprintf(c->prog->arena,
						   known ? "%s() dereferences it here" : "%s() dereferences it",
						   callee ? callee : "?") };
}

void bh_mem__deref(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o,
		  const char *callee, const bh_loc *inside, bool null_matters)
{
	bh_mem__val v = bh_mem__read(c, f, in, o);
	const char *name = bh_mem__operand_name(c, in, o);
	if (!name)
		name = "pointer";
	char how[160];
	if (callee)
		snprintf(how, sizeof(how), "is passed to %s(), which dereferences it", callee);
	else
		snprintf(how, sizeof(how), "is dereferenced");
	bool known = inside && inside->path && inside->line;
	// Findings inside a helper called from here only stand there, the
	// call a step on the way (bh_mem__single_use, bh_mem__report).
	bool relocated = known && c->inside == inside;
	bool callee_step = inside && !relocated;
	bh_finding_step steps[3];
	size_t n = 0;
	bh_mem__ostate *objs = bh_mem__fact_objs(c, f);
	uint32_t freed = v.obj && (objs[v.obj].state & BH_MEM__FREED) && !bh_mem__only_null(v) ? v.obj : 0;
	bool on_some_path = !v.obj && !bh_mem__only_null(v) && (freed = released_on_random_path(c, f, in, o));
	if (freed) {
		if (c->objs[freed].kind == BH_MEM__OBJ_BLOCK)
			steps[n++] = bh_mem__alloc_step(c, freed);
		steps[n++] = bh_mem__release_step(c, freed, objs[freed].freed_at, "released here");
		unsigned line = steps[n - 1].loc.line;
		if (callee_step)
			steps[n++] = deref_in_callee(c, in, callee, inside);
		bh_mem__report(c, bh_rule_get(BH_RULE_C_USE_AFTER_FREE), in, name, steps, n, "used after release",
			       "'%s' %s%s after %s was released at line %u%s", name, how, callee ? "," : "",
			       bh_mem__object_text(c, freed), line, on_some_path ? ", on the path through that line" : "");
		objs[freed].state = (uint8_t)((objs[freed].state & ~BH_MEM__FREED) | BH_MEM__LOST);
	}
	// A NULL from a comparison is reported where the pointer is NULL on
	// every path here; a NULL literal also where every path from it
	// reaches this dereference without going round a loop (`mode = NULL;
	// switch (op) { case A: mode = "r"; ... } mode[0]`). A "may be NULL"
	// at a dereference that only some paths reach is how code whose
	// branches are correlated (`if (!r || (err = r->type == ERR)) { if
	// (err) r->len; }`, `left = b ? b->size : 0; if (left >= n) b->used`)
	// looks to a path-insensitive analysis, and through a loop it is how a
	// loop known to run once looks (`if (!te) return; e = NULL; while (te)
	// { e = te; ... } e->when`): on redis such findings were all false.
	bool from_call = !(v.flags & BH_MEM__EXPLICIT) && !null_from_branch(c, v);
	bool explicit = (v.flags & BH_MEM__EXPLICIT) && c->reporting;
	bool first_pass = false;
	if (null_matters && (v.null & BH_MEM__MAY_NULL) && !oom_in_callee(c, v) &&
	    (from_call || bh_mem__only_null(v) ||
	     (explicit && bh_mem__always_reached(c, v.at, in->block)) ||
	     (explicit && (first_pass = null_on_first_pass(c, in, o, v))) ||
	     (explicit && null_on_random_path(c, in, o, v)))) {
		n = 0;
		steps[n++] = null_origin_step(c, v);
		if (callee_step)
			steps[n++] = deref_in_callee(c, in, callee, inside);
		if (first_pass)
			bh_mem__report(c, bh_rule_get(BH_RULE_C_NULL_DEREF), in, name, steps, n,
				       "dereferenced while NULL on the first pass",
				       "'%s' %s%s while it is still NULL on the first pass of the loop "
				       "(set at line %u)", name, how, callee ? "," : "", steps[0].loc.line);
		else if (v.flags & BH_MEM__EXPLICIT)
			bh_mem__report(c, bh_rule_get(BH_RULE_C_NULL_DEREF), in, name, steps, n, "dereferenced while NULL",
				       "'%s' %s%s while it %s NULL (set at line %u)", name, how, callee ? "," : "",
				       bh_mem__only_null(v) ? "is" : "may still be", steps[0].loc.line);
		else if (!from_call)
			bh_mem__report(c, bh_rule_get(BH_RULE_C_NULL_DEREF), in, name, steps, n, "dereferenced while NULL",
				       "'%s' %s, but it %s NULL here: it was compared with NULL at line %u",
				       name, how, bh_mem__only_null(v) ? "is" : "may be", steps[0].loc.line);
		else
			report_unchecked(c, v, in, name, how, callee ? "," : "", steps, n);
	}
	record_param_deref(c, in, v, null_matters);
	// Past a dereference the pointer is not NULL (or the program crashed):
	// one finding per NULL, and later checks of it are dead code.
	if (null_matters)
		mark_nonnull(c, f, o, v);
}

// The location a temporary operand of `in` was copied from in its block
// (`%1 = n->key; free(%1)`: the slot n->key), or UINT32_MAX.
uint32_t bh_mem__copy_source(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, in, o->var);
	if (!d || !d->nargs || d->args[0].kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	if (d->op == BH_IR_ASSIGN)
		return d->args[0].var;
	if (d->op == BH_IR_FIELD && d->name)
		return bh_mem__find_slot(c, d->args[0].var, d->name);
	return UINT32_MAX;
}

// An unknown pointer `o` is released by `in`: the variable (and the
// variable or field it was copied from) now hold released memory.
static void mark_released(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	uint32_t k = c->released_obj[in->id];
	if (!k || o->kind != BH_IR_OPND_VAR)
		return;
	// What a realloc() wrapper replaced is live again where its result
	// is NULL; an unknown pointer stays unknown, as after realloc().
	const bh_mem__summary *s = in->op == BH_IR_CALL ? c->call_sum[in->id] : NULL;
	if (s && s->ret_realloc && s->ret_realloc <= in->nargs && o == &in->args[s->ret_realloc - 1])
		return;
	bh_mem__val *vals = bh_mem__fact_vals(f);
	bh_mem__val v = { (uint16_t)k, BH_MEM__MAY_NONNULL, 0, BH_MEM__NONE, 0 };
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (vals[l].obj == k)
			vals[l] = bh_mem__unknown(); // an earlier pass through this call
	vals[o->var] = v;
	uint32_t src = bh_mem__copy_source(c, in, o);
	if (src != UINT32_MAX)
		vals[src] = v;
	bh_mem__fact_objs(c, f)[k] = (bh_mem__ostate){ BH_MEM__FREED, 0, 0, in->id, 0 };
}

// The object whose address the instruction at `site` stores (`p =
// "anon"`, `o.user = buf`), or 0 when it is a copy of another pointer.
static uint32_t stored_object(const bh_mem__fctx *c, const bh_ir_instr *site)
{
	const bh_ir_opnd *src = site->op == BH_IR_ASSIGN && site->nargs ? &site->args[0]
			      : site->op == BH_IR_FIELD_STORE && site->nargs > 1 ? &site->args[1] : NULL;
	if (site->op == BH_IR_ADDR && site->args[0].kind == BH_IR_OPND_VAR)
		return c->var_obj[site->args[0].var]; // `argv = &value`
	if (!src)
		return 0;
	if (src->kind == BH_IR_OPND_STR)
		return c->literal_obj;
	if (src->kind != BH_IR_OPND_VAR || src->var >= c->fn->nvars)
		return 0;
	const bh_ir_var *v = &c->fn->vars[src->var];
	if ((v->flags & BH_IR_VAR_ARRAY) && v->kind != BH_IR_VAR_PARAM)
		return c->var_obj[src->var];
	const bh_ir_instr *d = v->kind == BH_IR_VAR_TEMP ? bh_ir_def_before(c->fn, site, src->var) : NULL;
	if (d && d->op == BH_IR_ADDR && d->args[0].kind == BH_IR_OPND_VAR)
		return c->var_obj[d->args[0].var];
	if (d && d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_STR)
		return c->literal_obj;
	return 0;
}

// `in` releases `o`, which holds heap memory or something else, and on
// some path memory not from the heap: what the instruction at
// `v.nonheap - 1` stored in the location `o` was copied from. Reported
// when a path keeps that value from there to here (bh_mem__path_exists):
// `name = "anonymous"; if (cfg) name = strdup(cfg); ... free(name);`,
// but not `if (cfg) free(name);` or `if (own) free(name);`.
static void report_maybe_nonheap(bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o,
				 bh_mem__val v, const char *callee)
{
	const bh_ir_instr *site = bh_ir_instr_at(c->fn, v.nonheap - 1);
	uint32_t loc = followed_location(c, in, o);
	if (!site || loc == UINT32_MAX)
		return;
	uint32_t written = site->op == BH_IR_FIELD_STORE && site->args[0].kind == BH_IR_OPND_VAR && site->name
				   ? bh_mem__find_slot(c, site->args[0].var, site->name)
				   : bh_ir_instr_def(site);
	if (written != loc)
		return;
	uint32_t obj = stored_object(c, site);
	bh_mem__path_query q = { site->id, in->id, loc, false, obj, false, false };
	const char *name = bh_mem__operand_name(c, in, o);
	if (!name || bh_mem__path_exists(c, &q) != 1)
		return;
	const char *snippet = bh_arena_sprintf(c->prog->arena, "%s(%s)", callee, name);
	const char *what = obj ? bh_mem__object_text(c, obj) : "memory not from the heap";
	const bh_mem__object *ob = &c->objs[obj];
	if (obj && (ob->kind == BH_MEM__OBJ_LOCAL || ob->kind == BH_MEM__OBJ_GLOBAL) && ob->var < c->fn->nvars &&
	    !(c->fn->vars[ob->var].flags & BH_IR_VAR_ARRAY))
		what = bh_arena_sprintf(c->prog->arena, "the address of %s", what); // `p = &x`
	bh_finding_step step = { site->loc, bh_arena_sprintf(c->prog->arena, "set to %s here", what) };
	if (obj)
		bh_mem__report(c, bh_rule_get(BH_RULE_C_FREE_NON_HEAP), in, snippet, &step, 1, "released here",
			       "%s() releases '%s', which holds %s on the path from line %u, not memory "
			       "from the heap", callee, name, what, site->loc.line);
	else
		bh_mem__report(c, bh_rule_get(BH_RULE_C_FREE_NON_HEAP), in, snippet, &step, 1, "released here",
			       "%s() releases '%s', which holds memory not from the heap on the path "
			       "from line %u", callee, name, site->loc.line);
}

// Object `k` is released by `in`; report what is wrong with that.
void bh_mem__release(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o,
		    uint8_t family, const char *callee)
{
	bh_mem__val v = bh_mem__read(c, f, in, o);
	uint32_t k = v.obj;
	if (bh_mem__only_null(v))
		return; // free(NULL) is fine
	if (v.nonheap && !is_nonheap_object(c, k) && family != BH_MEM_FAMILY_FD && c->reporting)
		report_maybe_nonheap(c, in, o, v, callee);
	if (o >= in->args && o < in->args + in->nargs && o - in->args < 8)
		c->released_args[in->id] |= (uint8_t)(1u << (o - in->args));
	uint32_t earlier = k ? 0 : released_on_random_path(c, f, in, o);
	if (earlier) {
		bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[earlier];
		bh_finding_step steps[2];
		size_t n = 0;
		if (c->objs[earlier].kind == BH_MEM__OBJ_BLOCK)
			steps[n++] = bh_mem__alloc_step(c, earlier);
		steps[n++] = bh_mem__release_step(c, earlier, st->freed_at, "first released here");
		const char *name = bh_mem__operand_name(c, in, o);
		bh_mem__report(c, bh_rule_get(BH_RULE_C_DOUBLE_FREE), in,
			       bh_arena_sprintf(c->prog->arena, "%s(%s)", callee, name ? name : ""), steps, n,
			       "released again here",
			       "%s is released again by %s() on the path through line %u, where it was "
			       "already released", bh_mem__object_text(c, earlier), callee, steps[n - 1].loc.line);
		st->state = (uint8_t)((st->state & ~BH_MEM__FREED) | BH_MEM__LOST);
	}
	if (!k) {
		// An unknown pointer: from here on, what holds it holds released memory.
		mark_released(c, f, in, o);
		return;
	}
	const char *name = bh_mem__operand_name(c, in, o);
	const char *snippet = bh_arena_sprintf(c->prog->arena, "%s(%s)", callee, name ? name : "");
	const bh_mem__object *ob = &c->objs[k];
	bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[k];
	// close() of what is no descriptor of ours (a number from static
	// memory): nothing to say about it.
	if (family == BH_MEM_FAMILY_FD && ob->kind != BH_MEM__OBJ_BLOCK && ob->kind != BH_MEM__OBJ_PARAM &&
	    ob->kind != BH_MEM__OBJ_FIELD && ob->kind != BH_MEM__OBJ_RELEASED)
		return;
	if (ob->kind == BH_MEM__OBJ_LOCAL || ob->kind == BH_MEM__OBJ_GLOBAL ||
	    ob->kind == BH_MEM__OBJ_LITERAL ||
	    (ob->kind == BH_MEM__OBJ_BLOCK && ob->family == BH_MEM_FAMILY_STACK)) {
		bh_finding_step steps[1];
		size_t n = 0;
		if (ob->kind == BH_MEM__OBJ_BLOCK)
			steps[n++] = bh_mem__alloc_step(c, k);
		bh_mem__report(c, bh_rule_get(BH_RULE_C_FREE_NON_HEAP), in, snippet, steps, n, "released here",
			       "%s() releases %s, which is not memory from the heap", callee,
			       bh_mem__object_text(c, k));
		return;
	}
	if ((v.flags & BH_MEM__OFFSET) && ob->kind == BH_MEM__OBJ_BLOCK) {
		// (A parameter released at an offset is a wrapper's business:
		// sdsfree() frees the header in front of the string it is given.)
		bh_finding_step steps[1] = { bh_mem__alloc_step(c, k) };
		size_t n = 1;
		bh_mem__report(c, bh_rule_get(BH_RULE_C_FREE_OFFSET), in, snippet, steps, n, "released here",
			       "'%s' points inside %s, not at its start; %s() needs the pointer the "
			       "allocation returned", name ? name : "pointer", bh_mem__object_text(c, k),
			       callee);
		st->state |= BH_MEM__LOST;
		return;
	}
	if (st->state & BH_MEM__FREED) {
		bh_finding_step steps[2];
		size_t n = 0;
		if (ob->kind == BH_MEM__OBJ_BLOCK)
			steps[n++] = bh_mem__alloc_step(c, k);
		steps[n++] = bh_mem__release_step(c, k, st->freed_at, "first released here");
		bh_mem__report(c, bh_rule_get(BH_RULE_C_DOUBLE_FREE), in, snippet, steps, n, "released again here",
			       "%s is released again by %s(); it was already released at line %u",
			       bh_mem__object_text(c, k), callee, steps[n - 1].loc.line);
		st->state = (uint8_t)((st->state & ~BH_MEM__FREED) | BH_MEM__LOST);
		return;
	}
	if (ob->kind == BH_MEM__OBJ_BLOCK && ob->family && family && ob->family != family) {
		bh_finding_step steps[1] = { bh_mem__alloc_step(c, k) };
		bh_mem__report(c, bh_rule_get(BH_RULE_C_MISMATCHED_DEALLOC), in, snippet, steps, 1, "released with the wrong function",
			       "%s is released with %s(); it must be released with %s()",
			       bh_mem__object_text(c, k), callee, bh_mem_family_releaser(ob->family));
	}
	st->state = (uint8_t)((st->state & ~BH_MEM__LIVE) | BH_MEM__FREED);
	st->freed_at = in->id;
	if (c->reporting && bh_mem__entry_object(c, k)) {
		if (!(c->ind_bits[k] & BH_MEM__P_MAY_FREE))
			c->ind_loc[k] = bh_mem__where(c, in);
		c->ind_bits[k] |= BH_MEM__P_MAY_FREE;
		c->ind_family[k] = family;
	}
	if (c->reporting && ob->kind == BH_MEM__OBJ_PARAM) {
		uint32_t j = ob->var;
		if (!(c->sum->param[j] & (BH_MEM__P_FREES | BH_MEM__P_MAY_FREE)))
			c->sum->param_loc[j] = bh_mem__where(c, in);
		c->sum->param[j] |= BH_MEM__P_MAY_FREE; // FREES, if on every path, when all is seen
		c->sum->param_family[j] = family;
	}
}
