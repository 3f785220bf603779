// SPDX-License-Identifier: MIT
// bh_mem__analyse_function: the memory-state analysis of one function:
// the transfer of each instruction (allocations, calls, returns; the value
// operations and checks they use are in mem_check.c), the summary, and the
// driver. Before solving, mem_prepass.c numbers the locations and objects;
// the solver runs the lattice of mem_lattice.c forward over the CFG; a
// last pass walks each block once more from its fixpoint fact, reports
// findings, and gathers the facts of the function's summary.
//
// Design choices, each against false reports on real code:
// - Unknown values (parameters, loads from memory, results of unmodelled
//   calls) are not NULL: only a literal NULL, a failing allocation or a
//   modelled lookup makes a value maybe-NULL.
// - A block passed to a function that may keep it (unknown code, or a
//   program function whose summary says it keeps or may release it),
//   stored anywhere in memory, or returned is given away: never leaked.
//   A field of a local struct whose address is never taken is no such
//   memory: it holds the block like a variable until the struct is used
//   as a whole (passed, returned, copied).
// - Where an allocation returned NULL, the block does not exist: the
//   failure path of `p = malloc(n); if (!p) return -1;` leaks nothing.
// - After a use-after-free or a NULL dereference is seen, the value counts
//   as valid again, so that one bug is one finding, not one per line.
// - A file descriptor is followed like a block, but arithmetic on it makes
//   a plain number (`maxfd = fd + 1` holds no descriptor), and where it is
//   compared with a constant below 3 it is absent on the low side (the
//   open failed, or it is a standard stream the function did not open).
#include <stdlib.h>
#include <string.h>

#include "dataflow/mem_func_internal.h"

// ------------------------------------------------------------ allocation

// Location `loc` (or nothing, when NULL) receives the new block `k`.
static void new_block(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t loc, uint32_t k,
		      uint16_t prev)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	if (loc != UINT32_MAX && vals[loc].obj) // (the previous iteration's block too)
		bh_mem__check_overwrite(c, f, loc, vals[loc], in);
	// Pointers to an earlier block of this site point to something else now.
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (vals[l].obj == k)
			vals[l] = bh_mem__unknown();
	bh_mem__fact_objs(c, f)[k] = (bh_mem__ostate){ BH_MEM__LIVE, 0, prev, BH_MEM__NONE, 0 };
	bh_mem__val v = { (uint16_t)k,
			  (uint8_t)(c->objs[k].may_fail ? BH_MEM__MAY_NULL | BH_MEM__MAY_NONNULL
							: BH_MEM__MAY_NONNULL),
			  (uint8_t)(!c->objs[k].may_fail ? BH_MEM__SURE
					  : c->objs[k].oom_only ? BH_MEM__OOM : 0), in->id, 0 };
	// A descriptor is an integer, never NULL: its failure is -1, which a
	// test like `fd < 0` tells apart (see mem_lattice.c).
	if (bh_mem__is_fd(c, k))
		v = (bh_mem__val){ (uint16_t)k, BH_MEM__MAY_NONNULL, 0, in->id, 0 };
	if (loc == UINT32_MAX) {
		if (c->objs[k].family != BH_MEM_FAMILY_STACK) {
			bh_finding_step step = bh_mem__alloc_step(c, k);
			bh_mem__report(c, bh_mem__leak_rule(c, k), in, c->objs[k].by, &step, 1, "the result is dropped here",
				       "the result of %s() is not used: %s is never %s",
				       c->objs[k].by, bh_mem__object_text(c, k),
				       bh_mem__is_fd(c, k) ? "closed" : "released");
		}
		bh_mem__fact_objs(c, f)[k].state = BH_MEM__LOST;
		return;
	}
	bh_mem__set_loc(c, f, in, loc, v);
}

// The variable `o` is the address of (`&buf` passed as an out parameter), or UINT32_MAX.
static uint32_t out_var(const bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	bh_mem__val v = bh_mem__read(c, f, in, o);
	if (!v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_LOCAL || (v.flags & BH_MEM__OFFSET))
		return UINT32_MAX;
	uint32_t var = c->objs[v.obj].var;
	return (c->fn->vars[var].flags & BH_IR_VAR_ARRAY) ? UINT32_MAX : var;
}

// ----------------------------------------------------------------- calls

static bool model_covers(const bh_mem_model *m, uint32_t a)
{
	return !m->ret && (m->arg == a || (m->and_after && a >= m->arg));
}

// The arguments a printf format at argument `fmt` reads as strings (`%s`)
// are dereferenced; NULL there prints "(null)" with glibc, so only freed
// memory is reported.
static void deref_format_args(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t fmt,
			      const char *name)
{
	const bh_ir_opnd *o = &in->args[fmt];
	if (o->kind != BH_IR_OPND_STR || !o->str)
		return;
	uint32_t arg = fmt + 1;
	for (size_t i = 0; i < o->len && arg <= in->nargs; i++) {
		if (o->str[i] != '%')
			continue;
		i++;
		if (i < o->len && o->str[i] == '%')
			continue;
		while (i < o->len && strchr("-+ #0'", o->str[i]))
			i++;
		for (; i < o->len && (o->str[i] == '*' || o->str[i] == '.' || (o->str[i] >= '0' && o->str[i] <= '9')); i++)
			if (o->str[i] == '*')
				arg++; // a width or precision argument
		while (i < o->len && strchr("hlLqjzt", o->str[i]))
			i++;
		if (i >= o->len || o->str[i] == 'm')
			continue;
		if (o->str[i] == 's' && arg < in->nargs)
			bh_mem__deref(c, f, in, &in->args[arg], name, NULL, false);
		arg++;
	}
}

static void apply_model_args(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_mem_model *m,
			     size_t n, const char *name, uint16_t *status)
{
	for (uint32_t a = 0; a < in->nargs; a++)
		for (size_t i = 0; i < n; i++) {
			if (!model_covers(&m[i], a))
				continue;
			const bh_ir_opnd *o = &in->args[a];
			if (m[i].out) {
				uint32_t var = out_var(c, f, in, o);
				uint32_t k = c->site_obj[in->id];
				if (var == UINT32_MAX || !k)
					continue;
				bh_mem__val old = bh_mem__fact_vals(f)[var];
				if (m[i].kind == BH_MEM_REALLOC && old.obj && c->objs[old.obj].kind == BH_MEM__OBJ_BLOCK) {
					// getline() reallocates the buffer: the old block is consumed.
					bh_mem__fact_objs(c, f)[old.obj].state = BH_MEM__FREED;
					bh_mem__fact_objs(c, f)[old.obj].freed_at = in->id;
					bh_mem__fact_vals(f)[var] = bh_mem__unknown();
				}
				new_block(c, f, in, var, k, 0);
				*status = (uint16_t)k;
				continue;
			}
			if (m[i].kind == BH_MEM_DEREF || m[i].kind == BH_MEM_BORROW)
				bh_mem__expose_pointee(c, f, bh_mem__read(c, f, in, o));
			switch (m[i].kind) {
			case BH_MEM_DEREF:
				bh_mem__deref(c, f, in, o, name, NULL, true);
				break;
			case BH_MEM_FORMAT:
				deref_format_args(c, f, in, a, name);
				break;
			case BH_MEM_RELEASE:
				bh_mem__release(c, f, in, o, (uint8_t)m[i].family, name);
				break;
			case BH_MEM_REALLOC:
				// The old block is released where the call succeeds; where it
				// fails (the result is NULL) the edge makes it live again.
				bh_mem__release(c, f, in, o, (uint8_t)m[i].family, name);
				break;
			default:
				break;
			}
		}
}

// What a program function does to one argument, at `at` inside it (or in
// what it calls): a release, or a dereference (`deref_always`: before any
// NULL check, on every path). With `here` (a helper of this caller only)
// its findings stand at `at` (bh_mem__fctx.inside).
static void apply_effect(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o,
			 const char *callee, uint8_t bits, uint8_t family, const bh_loc *at, bool here,
			 bool deref_always)
{
	c->inside = here ? at : NULL;
	c->inside_callee = callee;
	if (bits & BH_MEM__P_FREES)
		bh_mem__release(c, f, in, o, family, callee);
	else if (bits & BH_MEM__P_DEREF)
		bh_mem__deref(c, f, in, o, callee, at, deref_always);
	c->inside = NULL;
	c->inside_callee = NULL;
}

static void apply_summary_args(bh_mem__fctx *c, void *f, const bh_ir_instr *in,
			       const bh_mem__summary *s, const char *name)
{
	// Findings inside a helper called from here only are reported there,
	// unless it checks the parameter for NULL: a function that validates
	// what it is given is written for any caller (printLine()), its
	// caller's use of it is the place to look.
	bool single = bh_mem__single_use(c->prog, s);
	for (uint32_t a = 0; a < in->nargs; a++) {
		const bh_ir_opnd *o = &in->args[a];
		uint8_t bits = a < s->nparams ? s->param[a] : BH_MEM__P_KEEPS;
		bool here = single && !(bits & BH_MEM__P_CHECKS);
		bh_mem__expose_pointee(c, f, bh_mem__read(c, f, in, o));
		// A deallocation wrapper given released memory is a double free
		// (not a use after free of what it dereferences on the way).
		apply_effect(c, f, in, o, name, bits, a < s->nparams ? s->param_family[a] : 0,
			     a < s->nparams ? &s->param_loc[a] : NULL, here,
			     (bits & BH_MEM__P_DEREF_ALWAYS) != 0);
		if (!(bits & BH_MEM__P_FREES) && (bits & (BH_MEM__P_MAY_FREE | BH_MEM__P_KEEPS)))
			bh_mem__give_away(c, f, bh_mem__read(c, f, in, o));
	}
	for (uint32_t i = 0; i < s->nind; i++) {
		const bh_mem__ind *e = &s->ind[i];
		bh_ir_opnd o;
		if (!bh_mem__indirect_operand(c, f, in, e, &o))
			continue;
		apply_effect(c, f, in, &o, name, e->bits, e->family, &e->loc, single,
			     (e->bits & BH_MEM__P_DEREF_ALWAYS) != 0);
		if (!(e->bits & BH_MEM__P_FREES) && (e->bits & BH_MEM__P_MAY_FREE))
			bh_mem__give_away(c, f, bh_mem__read(c, f, in, &o));
	}
}

// After a call to code that may write memory: what fields and globals
// held is no longer known.
// Location `l` may have been changed behind our back: its value is
// unknown, and a block it held is no longer followed.
static void forget_loc(bh_mem__fctx *c, void *f, uint32_t l)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	if (vals[l].obj)
		bh_mem__fact_objs(c, f)[vals[l].obj].state |= BH_MEM__LOST;
	vals[l] = bh_mem__unknown();
}

// `*p` where p is a pointer parameter (or a copy of one) whose memory
// nothing has written yet: what the caller left there (a PDEREF object).
static bh_mem__val entry_pointee(const bh_mem__fctx *c, void *f, bh_mem__val p)
{
	if (!p.obj || p.obj > c->fn->nparams || c->objs[p.obj].kind != BH_MEM__OBJ_PARAM ||
	    (p.flags & BH_MEM__OFFSET))
		return bh_mem__unknown();
	uint32_t k = c->pderef_obj[p.obj - 1];
	if (!k || (bh_mem__fact_objs(c, f)[k].state & BH_MEM__MOVED))
		return bh_mem__unknown();
	return (bh_mem__val){ (uint16_t)k, 0, 0, BH_MEM__NONE, 0 };
}

// `p[2]` where p is an array parameter nothing assigns, while nothing may
// have written its memory: what the caller left there (a PELEM object).
static bh_mem__val entry_element(const bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	uint32_t k = c->elem_obj ? c->elem_obj[in->id] : 0;
	if (!k || (bh_mem__fact_objs(c, f)[k].state & BH_MEM__MOVED))
		return bh_mem__unknown();
	return (bh_mem__val){ (uint16_t)k, 0, 0, BH_MEM__NONE, 0 };
}

// A store through a pointer, or code that may write through one: the
// pointers parameters point to may have changed.
static void pointees_change(const bh_mem__fctx *c, void *f)
{
	for (uint32_t j = 0; j < c->fn->nparams; j++)
		if (c->pderef_obj[j])
			bh_mem__fact_objs(c, f)[c->pderef_obj[j]].state |= BH_MEM__MOVED;
	for (uint32_t i = 0; i < c->npelem_objs; i++)
		bh_mem__fact_objs(c, f)[c->pelem_objs[i]].state |= BH_MEM__MOVED;
}

static void forget_memory(bh_mem__fctx *c, void *f)
{
	pointees_change(c, f);
	for (uint32_t s = 0; s < c->nslots; s++)
		if (!bh_mem__own_record(c, c->slot_base[s]))
			forget_loc(c, f, c->fn->nvars + s);
	for (uint32_t v = 0; v < c->fn->nvars; v++)
		if (bh_ir_var_is_global(&c->fn->vars[v]) || (c->fn->vars[v].flags & BH_IR_VAR_ADDRESSED))
			forget_loc(c, f, v);
}

// A store through a pointer may write any variable whose address is taken.
static void forget_addressed(bh_mem__fctx *c, void *f)
{
	for (uint32_t v = 0; v < c->fn->nvars; v++)
		if (c->fn->vars[v].flags & BH_IR_VAR_ADDRESSED)
			forget_loc(c, f, v);
}

// Code the analysis cannot see runs: NULLs already tested are being
// handled there (`if (!p) oom_handler(n); return p;` returns no NULL as
// far as callers are concerned).
static void mark_handled(bh_mem__fctx *c, void *f)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (bh_mem__only_null(vals[l]) && (vals[l].flags & BH_MEM__CHECKED))
			vals[l].flags |= BH_MEM__HANDLED;
}

// `o` is a temporary holding a member's address (`&o->lock`).
static bool is_member_address(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	const bh_ir_instr *d = o->kind == BH_IR_OPND_VAR ? bh_ir_def_before(c->fn, in, o->var) : NULL;
	return d && d->op == BH_IR_FIELD_ADDR && d->arrow;
}

// A modelled library function given the address of a pointer variable
// may store a pointer there (strtol's `&end`, strtok_r's `&saveptr`,
// pthread_join's `&result`): a NULL the variable held is no longer known
// after the call. A block it pointed to stays where it is: the function
// borrows it, or the analysis gave it away with the address. Arguments an
// `outN` model allocates through are that model's. (A function nothing
// models forgets every variable whose address was taken: forget_memory.)
static void library_may_store(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_mem_model *m, size_t n)
{
	for (uint32_t a = 0; a < in->nargs; a++) {
		bool modelled = false;
		for (size_t i = 0; i < n && !modelled; i++)
			modelled = m[i].out && model_covers(&m[i], a);
		uint32_t var = modelled ? UINT32_MAX : out_var(c, f, in, &in->args[a]);
		if (var == UINT32_MAX || !(c->fn->vars[var].flags & BH_IR_VAR_POINTER))
			continue;
		bh_mem__val *v = &bh_mem__fact_vals(f)[var];
		if (!v->obj)
			*v = bh_mem__unknown();
	}
}

static void transfer_call(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *callee = bh_mem__resolve_callee(c, in);
	const bh_mem__summary *s = c->call_sum[in->id];
	size_t n = 0;
	const bh_mem_model *m = bh_mem__models_of(c, callee, &n);
	const char *name = bh_mem__callee_name(callee);
	uint32_t k = c->site_obj[in->id];
	uint16_t prev = 0, status = 0;
	bh_mem__val arg_value = bh_mem__unknown();
	if (s && s->ret_param && s->ret_param <= in->nargs)
		arg_value = bh_mem__read(c, f, in, &in->args[s->ret_param - 1]);
	// Returns its argument or a pointer never NULL (sdsMakeRoomFor): as
	// NULL as the argument; a parameter of ours stays one, for our summary.
	bool through_arg = s && s->ret_sure_param && s->ret_sure_param <= in->nargs && !s->ret_may_null;
	bh_mem__val through = bh_mem__unknown();
	if (through_arg) {
		bh_mem__val a = bh_mem__read(c, f, in, &in->args[s->ret_sure_param - 1]);
		bool param = a.obj && c->objs[a.obj].kind == BH_MEM__OBJ_PARAM;
		through = (bh_mem__val){ (uint16_t)(param ? a.obj : 0), a.null,
					 (uint8_t)(a.flags & (BH_MEM__SURE | BH_MEM__CHECKED | BH_MEM__EXPLICIT)), a.at, 0 };
	}
	if (n) {
		// The old block of realloc() is remembered by the new one, and so
		// is the descriptor fdopen() adopts (given away where it is no
		// descriptor of this function: a parameter's).
		for (size_t i = 0; i < n; i++) {
			if (m[i].kind == BH_MEM_REALLOC && !m[i].out && m[i].arg < in->nargs) {
				bh_mem__val old = bh_mem__read(c, f, in, &in->args[m[i].arg]);
				if (old.obj && !(bh_mem__fact_objs(c, f)[old.obj].state & BH_MEM__FREED))
					prev = old.obj;
			}
			if (m[i].kind == BH_MEM_ADOPT && m[i].arg < in->nargs) {
				bh_mem__val old = bh_mem__read(c, f, in, &in->args[m[i].arg]);
				bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[old.obj];
				if (k && bh_mem__leak_candidate(c, f, old.obj)) {
					prev = old.obj;
					st->state |= BH_MEM__ADOPTED;
				} else {
					bh_mem__give_away(c, f, old);
				}
			}
		}
		apply_model_args(c, f, in, m, n, name, &status);
		if (!s)
			library_may_store(c, f, in, m, n);
	} else if (s) {
		// A realloc() wrapper: the new block remembers the old one.
		if (s->ret_realloc && s->ret_realloc <= in->nargs) {
			bh_mem__val old = bh_mem__read(c, f, in, &in->args[s->ret_realloc - 1]);
			if (old.obj && !(bh_mem__fact_objs(c, f)[old.obj].state & BH_MEM__FREED))
				prev = old.obj;
		}
		apply_summary_args(c, f, in, s, name);
	} else {
		// A library function nothing models may keep what it is given,
		// but one given a member's address (`pthread_mutex_init(&o->lock,
		// NULL)`) initialises or fills that member: the block stays ours.
		for (uint32_t a = 0; a < in->nargs; a++)
			if (!is_member_address(c, in, &in->args[a]))
				bh_mem__give_away(c, f, bh_mem__read(c, f, in, &in->args[a]));
		mark_handled(c, f);
	}
	if (!n)
		forget_memory(c, f);
	bool ret_model_alloc = false, ret_may_null = false;
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind == BH_MEM_MAY_NULL)
			ret_may_null = true;
		if ((m[i].kind == BH_MEM_ALLOC && m[i].ret && bh_mem__model_applies(c, in, &m[i])) ||
		    (m[i].kind == BH_MEM_REALLOC && !m[i].out))
			ret_model_alloc = true;
	}
	if (s && !s->ret_fresh && s->ret_may_null)
		ret_may_null = true;
	uint32_t dst = in->dst.kind == BH_IR_OPND_VAR ? in->dst.var : UINT32_MAX;
	if (k && c->objs[k].kind == BH_MEM__OBJ_RELEASED && s && s->ret_freed) {
		// Released inside the callee before it returned it.
		if (dst != UINT32_MAX)
			bh_mem__set_loc(c, f, in, dst, (bh_mem__val){ (uint16_t)k, BH_MEM__MAY_NONNULL, 0, BH_MEM__NONE, 0 });
		bh_mem__fact_objs(c, f)[k] = (bh_mem__ostate){ BH_MEM__FREED, 0, 0, in->id, 0 };
	} else if (dst != UINT32_MAX && s && s->ret_null && in->callee.kind == BH_IR_OPND_FUNC) {
		// (Only a direct call: a pointer the program-wide resolution ties
		// to one function may hold others, such as a test's failing
		// allocator that always returns NULL.)
		bh_mem__set_loc(c, f, in, dst, (bh_mem__val){ 0, BH_MEM__MAY_NULL, BH_MEM__EXPLICIT, in->id, 0 });
	} else if (k && c->objs[k].kind == BH_MEM__OBJ_GLOBAL) {
		if (dst != UINT32_MAX)
			bh_mem__set_loc(c, f, in, dst, (bh_mem__val){ (uint16_t)k,
				(uint8_t)(s && s->ret_may_null ? BH_MEM__MAY_NULL | BH_MEM__MAY_NONNULL : BH_MEM__MAY_NONNULL),
				(uint8_t)(s && s->ret_may_null ? 0 : BH_MEM__SURE), in->id, 0 });
	} else if (k && (ret_model_alloc || (s && s->ret_fresh)))
		new_block(c, f, in, dst, k, prev);
	else if (dst != UINT32_MAX && status)
		bh_mem__set_loc(c, f, in, dst, (bh_mem__val){ status, BH_MEM__MAY_NONNULL, BH_MEM__STATUS, BH_MEM__NONE, 0 });
	else if (dst != UINT32_MAX && s && s->ret_param && s->ret_param <= in->nargs)
		bh_mem__set_loc(c, f, in, dst, arg_value); // returns its argument: `p = extend(p)`
	else if (dst != UINT32_MAX && through_arg && !s->ret_sure)
		bh_mem__set_loc(c, f, in, dst, through);
	else if (dst != UINT32_MAX && s && s->ret_sure)
		bh_mem__set_loc(c, f, in, dst, (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE, 0 });
	else if (dst != UINT32_MAX)
		bh_mem__set_loc(c, f, in, dst, ret_may_null ? (bh_mem__val){ 0, BH_MEM__MAY_NULL | BH_MEM__MAY_NONNULL,
								    (uint8_t)(s && s->ret_null_oom ? BH_MEM__OOM : 0), in->id, 0 }
						    : bh_mem__unknown());
	if (s && s->noreturn)
		bh_mem__fact_head(f)->reachable = 0;
}

// ---------------------------------------------------------------- return

// At a return: a local's address still stored in a global or in a field of
// what a parameter points to outlives the function. Checked here, not at
// the store, because code often puts it back before returning (lua's
// `L->errorJmp = &lj; ... L->errorJmp = lj.previous;`).
static void escapes_at_return(bh_mem__fctx *c, void *f)
{
	const bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t l = 0; l < c->nlocs; l++) {
		bh_mem__val v = vals[l];
		if (!v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_LOCAL || v.at == BH_MEM__NONE)
			continue;
		const bh_ir_instr *store = bh_ir_instr_at(c->fn, v.at);
		if (!store)
			continue;
		if (l < c->fn->nvars && bh_ir_var_is_global(&c->fn->vars[l]))
			bh_mem__check_stack_escape(c, store, v, "is stored in a global variable");
		else if (l >= c->fn->nvars) {
			uint32_t base = c->slot_base[l - c->fn->nvars];
			bh_mem__val b = vals[base];
			bool param = base < c->fn->nparams && b.obj == base + 1;
			if (param || bh_ir_var_is_global(&c->fn->vars[base]))
				bh_mem__check_stack_escape(c, store, v, "is stored in memory that outlives the function");
		}
	}
}

// A realloc() wrapper (`mem = realloc(ptr, size); return mem;`, maybe
// behind a limit that returns NULL first): each return hands back the
// block that replaced a parameter's (its `prev`), or NULL with that
// parameter's block untouched. Its callers then keep the old block where
// the result is NULL, as after realloc() itself.
static void count_realloc_return(bh_mem__fctx *c, const bh_mem__ostate *objs, bh_mem__val v)
{
	uint32_t j = 0;
	if (v.obj && c->objs[v.obj].kind == BH_MEM__OBJ_BLOCK && objs[v.obj].prev &&
	    objs[v.obj].prev <= c->fn->nparams && c->objs[objs[v.obj].prev].kind == BH_MEM__OBJ_PARAM)
		j = objs[v.obj].prev;
	if (j && (!c->realloc_param || c->realloc_param == j)) {
		c->realloc_param = j;
		c->realloc_rets++;
	} else if (j) {
		c->other_realloc_rets++;
	} else if (bh_mem__only_null(v)) {
		// NULL, with every parameter's block as it came (a release here
		// is one the caller's test of the result does not undo).
		c->realloc_rets++;
		for (uint32_t p = 1; p <= c->fn->nparams && p <= c->nobjs; p++)
			if (c->objs[p].kind == BH_MEM__OBJ_PARAM && (objs[p].state & BH_MEM__FREED))
				c->other_realloc_rets++;
	}
}

static void transfer_ret(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	bh_mem__val v = in->nargs ? bh_mem__read(c, f, in, &in->args[0]) : bh_mem__unknown();
	bh_mem__ostate *objs = bh_mem__fact_objs(c, f);
	bh_mem__check_stack_escape(c, in, v, "is returned");
	if (c->reporting) {
		c->nrets++;
		c->ret_blocks[c->nrets - 1] = in->block;
		if (v.obj && c->objs[v.obj].kind == BH_MEM__OBJ_BLOCK && bh_mem__leak_candidate(c, f, v.obj)) {
			if (!c->block_rets)
				c->sum->ret_family = c->objs[v.obj].family;
			else if (c->sum->ret_family != c->objs[v.obj].family)
				c->fresh_rets = UINT32_MAX / 2; // mixed families: not a wrapper
			c->block_rets++;
			c->fresh_rets++;
		} else if (bh_mem__holds_nothing(v)) {
			c->fresh_rets++; // NULL, or the -1 of a descriptor wrapper
		}
		// A block it made and released, returned all the same (a source
		// that frees what it hands back; NULL on other paths, such as the
		// NULL its caller passed in), or NULL and nothing else.
		if (v.obj && (c->objs[v.obj].kind == BH_MEM__OBJ_BLOCK || c->objs[v.obj].kind == BH_MEM__OBJ_RELEASED) &&
		    (objs[v.obj].state & BH_MEM__FREED) && !(objs[v.obj].state & BH_MEM__LIVE)) {
			if (!c->freed_rets_any)
				c->sum->ret_freed_loc = bh_mem__instr_loc(c, objs[v.obj].freed_at);
			c->freed_rets_any++;
		}
		// (A variable the function set to NULL, not `return NULL;` as
		// such: that is how a stub for what this build left out says
		// "not available", `#else connection *connCreateTLS(void) {
		// return NULL; }`, which its callers never reach.)
		if (bh_mem__only_null(v) && (v.flags & BH_MEM__EXPLICIT) && in->nargs &&
		    in->args[0].kind == BH_IR_OPND_VAR && c->fn->vars[in->args[0].var].kind != BH_IR_VAR_TEMP)
			c->null_rets++;
		if (v.obj && c->objs[v.obj].kind != BH_MEM__OBJ_GLOBAL &&
		    c->objs[v.obj].kind != BH_MEM__OBJ_LITERAL)
			c->nonstatic_rets++;
		else if (v.obj)
			c->static_rets++;
		else if (!v.obj && !bh_mem__only_null(v))
			c->nonstatic_rets++;
		if ((v.flags & BH_MEM__SURE) ||
		    ((v.flags & BH_MEM__HANDLED) && !(v.flags & BH_MEM__EXPLICIT)))
			c->sure_rets++;
		if (v.obj && v.obj <= c->fn->nparams && c->objs[v.obj].kind == BH_MEM__OBJ_PARAM &&
		    !(v.flags & BH_MEM__OFFSET)) {
			if (!c->ret_param || c->ret_param == v.obj) {
				c->ret_param = v.obj;
				c->param_rets++;
			} else {
				c->other_param_rets++;
			}
		}
		count_realloc_return(c, objs, v);
		if ((v.null & BH_MEM__MAY_NULL) &&
		    ((v.flags & BH_MEM__EXPLICIT) || !(v.flags & BH_MEM__HANDLED))) {
			if (!c->sum->ret_may_null)
				c->sum->ret_null_loc = bh_mem__instr_loc(c, v.at);
			c->sum->ret_may_null = true;
			// A NULL literal returned where a call failed passes the
			// failure on; any other NULL (not found, or a failing
			// allocation returned unchecked) is the caller's to check.
			bool passed_on = ((v.flags & BH_MEM__EXPLICIT) && bh_mem__fact_head(f)->oom) ||
					 (!(v.flags & BH_MEM__EXPLICIT) && (v.flags & BH_MEM__OOM));
			if (!passed_on)
				c->lookup_null_rets++;
		}
		for (uint32_t k = 1; k <= c->nobjs; k++)
			if (bh_mem__entry_object(c, k) && (objs[k].state & BH_MEM__FREED) &&
			    !(objs[k].state & BH_MEM__LIVE))
				c->ind_freed_rets[k]++;
		// Released here, or NULL on the paths here (`if (c) { ...; free(c); }`).
		for (uint32_t j = 0; j < c->fn->nparams && j + 1 <= c->nobjs; j++) {
			if ((objs[j + 1].state & (BH_MEM__FREED | BH_MEM__ABSENT)) &&
			    !(objs[j + 1].state & BH_MEM__LIVE))
				c->freed_rets[j]++;
			if ((objs[j + 1].state & BH_MEM__FREED) && !(objs[j + 1].state & BH_MEM__LIVE))
				c->released_rets[j]++;
		}
	}
	escapes_at_return(c, f);
	bh_mem__give_away(c, f, v);
	// Returning from main() ends the process: what it holds is not leaked.
	if (strcmp(c->fn->name, "main") == 0)
		return;
	for (uint32_t k = 1; k <= c->nobjs; k++)
		if (c->reporting && bh_mem__leak_candidate(c, f, k) &&
		    !bh_mem__leak_path_infeasible(c, k, in))
			bh_mem__report_leak(c, f, in, k, "on this path");
}

// ------------------------------------------------------------- transfer

static bool is_pointer_value(const bh_mem__fctx *c, const bh_ir_opnd *o)
{
	return !(o->kind == BH_IR_OPND_VAR && o->var < c->fn->nvars &&
		 (c->fn->vars[o->var].flags & (BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)));
}

// A struct of our own used as a whole (copied, passed, returned, stored)
// hands over what its fields point to.
static void give_away_records(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	bool field = in->op == BH_IR_FIELD || in->op == BH_IR_FIELD_STORE || in->op == BH_IR_FIELD_ADDR;
	for (uint32_t a = field ? 1 : 0; a < in->nargs; a++) {
		const bh_ir_opnd *o = &in->args[a];
		if (o->kind != BH_IR_OPND_VAR || o->var >= c->fn->nvars || !bh_mem__own_record(c, o->var))
			continue;
		for (uint32_t s = c->first_slot[o->var]; s; s = c->next_slot[s - 1])
			bh_mem__give_away(c, f, bh_mem__fact_vals(f)[c->fn->nvars + s - 1]);
	}
}

// `x = *p` where p stands for a local (bh_mem__fctx.stands_for): `x = v`.
static bool stand_in_load(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	if (in->args[0].kind != BH_IR_OPND_VAR || c->stands_for[in->args[0].var] == UINT32_MAX)
		return false;
	bh_ir_opnd v = bh_ir_var_opnd(c->stands_for[in->args[0].var]);
	bh_mem__set_dst(c, f, in, bh_mem__read(c, f, in, &v));
	return true;
}

// `*p = x` where p stands for a local: `v = x`.
static bool stand_in_store(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	if (in->args[0].kind != BH_IR_OPND_VAR || c->stands_for[in->args[0].var] == UINT32_MAX)
		return false;
	bh_mem__set_loc(c, f, in, c->stands_for[in->args[0].var], bh_mem__read(c, f, in, &in->args[1]));
	return true;
}

void bh_mem__transfer(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	give_away_records(c, f, in);
	switch (in->op) {
	case BH_IR_ASSIGN:
		bh_mem__set_dst(c, f, in, bh_mem__read(c, f, in, &in->args[0]));
		break;
	case BH_IR_BINOP: {
		bh_mem__val a = bh_mem__read(c, f, in, &in->args[0]);
		bool moves = in->sub == BH_IR_BIN_ADD || in->sub == BH_IR_BIN_SUB;
		int64_t by;
		bool by_zero = bh_flow_const_of(&c->consts, &in->args[1], &by) && by == 0;
		if (bh_mem__is_fd(c, a.obj) || bh_mem__is_scalar_param(c, a.obj)) {
			bh_mem__set_dst(c, f, in, bh_mem__unknown()); // `fd + 1` is a number, no descriptor
		} else if (moves && by_zero) {
			// `(char *)p + EXTRA` with EXTRA 0 (Lua's tostate) is p.
			bh_mem__set_dst(c, f, in, a);
		} else if (moves && a.obj) {
			// Forward from anywhere, or back from inside, stays inside;
			// back from what is not known to be inside (a member's
			// address, `container_of(&it->node, ...)`) may be the start.
			if (in->sub == BH_IR_BIN_ADD || (a.flags & BH_MEM__OFFSET))
				a.flags |= BH_MEM__OFFSET;
			bh_mem__set_dst(c, f, in, a);
		} else if (moves && (a.flags & BH_MEM__SURE)) {
			// Arithmetic on a pointer that is not NULL (`(char *)newsh + hdrlen`).
			bh_mem__set_dst(c, f, in, (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE, 0 });
		} else {
			bh_mem__set_dst(c, f, in, bh_mem__unknown());
		}
		break;
	}
	case BH_IR_LOAD:
		if (stand_in_load(c, f, in))
			break;
		bh_mem__deref(c, f, in, &in->args[0], NULL, NULL, true);
		bh_mem__set_dst(c, f, in, entry_pointee(c, f, bh_mem__read(c, f, in, &in->args[0])));
		break;
	case BH_IR_STORE: {
		if (stand_in_store(c, f, in))
			break;
		bh_mem__deref(c, f, in, &in->args[0], NULL, NULL, true);
		bh_mem__val v = bh_mem__read(c, f, in, &in->args[1]);
		bh_mem__val to = bh_mem__read(c, f, in, &in->args[0]);
		pointees_change(c, f);
		if (to.obj && c->objs[to.obj].kind == BH_MEM__OBJ_PARAM)
			bh_mem__check_stack_escape(c, in, v, "is stored through a parameter");
		bh_mem__give_away(c, f, v);
		forget_addressed(c, f);
		break;
	}
	case BH_IR_ADDR: {
		uint32_t k = in->args[0].kind == BH_IR_OPND_VAR ? c->var_obj[in->args[0].var] : 0;
		bh_mem__set_dst(c, f, in, (bh_mem__val){ (uint16_t)k, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE, 0 });
		break;
	}
	case BH_IR_FIELD: {
		if (in->arrow)
			bh_mem__deref(c, f, in, &in->args[0], NULL, NULL, true);
		uint32_t slot = in->args[0].kind == BH_IR_OPND_VAR && in->name
					? bh_mem__find_slot(c, in->args[0].var, in->name) : UINT32_MAX;
		bh_mem__set_dst(c, f, in, slot != UINT32_MAX ? bh_mem__fact_vals(f)[slot] : bh_mem__unknown());
		break;
	}
	case BH_IR_FIELD_STORE: {
		if (in->arrow)
			bh_mem__deref(c, f, in, &in->args[0], NULL, NULL, true);
		bh_mem__val v = bh_mem__read(c, f, in, &in->args[1]);
		uint32_t slot = in->args[0].kind == BH_IR_OPND_VAR && in->name
					? bh_mem__find_slot(c, in->args[0].var, in->name) : UINT32_MAX;
		if (slot != UINT32_MAX) {
			bh_mem__set_loc(c, f, in, slot, v);
			if (v.obj && c->objs[v.obj].kind == BH_MEM__OBJ_LOCAL)
				bh_mem__fact_vals(f)[slot].at = in->id; // see escapes_at_return
		}
		bh_mem__val base = bh_mem__read(c, f, in, &in->args[0]);
		bool outlives = (in->arrow && base.obj && c->objs[base.obj].kind == BH_MEM__OBJ_PARAM) ||
				(in->args[0].kind == BH_IR_OPND_VAR && bh_ir_var_is_global(&c->fn->vars[in->args[0].var]));
		if (outlives && slot == UINT32_MAX)
			bh_mem__check_stack_escape(c, in, v, "is stored in memory that outlives the function");
		// A field of a struct of our own keeps what it points to (until the
		// struct is used as a whole); anywhere else the block is handed over.
		if (in->arrow || slot == UINT32_MAX || !bh_mem__own_record(c, in->args[0].var))
			bh_mem__give_away(c, f, v);
		break;
	}
	case BH_IR_FIELD_ADDR: {
		// `&d->base` of an allocated block points into it: stored, returned
		// or passed on, it keeps the block (C's embedded base struct,
		// intrusive list nodes); released, it releases it. A member's
		// offset is not known (the first one's is 0), so it is not marked
		// as an interior pointer.
		bh_mem__val a = in->arrow ? bh_mem__read(c, f, in, &in->args[0]) : bh_mem__unknown();
		bool block = a.obj && c->objs[a.obj].kind == BH_MEM__OBJ_BLOCK;
		bh_mem__set_dst(c, f, in, block ? a : bh_mem__unknown());
		break;
	}
	case BH_IR_INDEX:
		if (is_pointer_value(c, &in->args[0]))
			bh_mem__deref(c, f, in, &in->args[0], NULL, NULL, true);
		bh_mem__set_dst(c, f, in, entry_element(c, f, in));
		break;
	case BH_IR_INDEX_STORE: {
		bh_mem__val v = bh_mem__read(c, f, in, &in->args[2]);
		if (is_pointer_value(c, &in->args[0])) {
			pointees_change(c, f);
			bh_mem__deref(c, f, in, &in->args[0], NULL, NULL, true);
			bh_mem__val to = bh_mem__read(c, f, in, &in->args[0]);
			if (to.obj && c->objs[to.obj].kind == BH_MEM__OBJ_PARAM)
				bh_mem__check_stack_escape(c, in, v, "is stored through a parameter");
		} else if (in->args[0].kind == BH_IR_OPND_VAR &&
			   bh_ir_var_is_global(&c->fn->vars[in->args[0].var])) {
			bh_mem__check_stack_escape(c, in, v, "is stored in a global array");
		}
		bh_mem__give_away(c, f, v);
		break;
	}
	case BH_IR_INDEX_ADDR: {
		bh_mem__val a = bh_mem__read(c, f, in, &in->args[0]);
		if (a.obj && !(in->args[1].kind == BH_IR_OPND_INT && in->args[1].ival == 0))
			a.flags |= BH_MEM__OFFSET;
		bh_mem__set_dst(c, f, in, a.obj ? a : bh_mem__unknown());
		break;
	}
	case BH_IR_CALL:
		transfer_call(c, f, in);
		break;
	case BH_IR_OPAQUE:
		for (uint32_t a = 0; a < in->nargs; a++)
			bh_mem__give_away(c, f, bh_mem__read(c, f, in, &in->args[a]));
		bh_mem__set_dst(c, f, in, bh_mem__unknown());
		break;
	case BH_IR_RET:
		transfer_ret(c, f, in);
		break;
	case BH_IR_BR:
		bh_mem__count_null_check(c, f, in);
		break;
	default:
		bh_mem__set_dst(c, f, in, bh_mem__unknown());
		break;
	}
}

// ------------------------------------------------------------- summary

static bool global_unwritten(const bh_ir_var *v, void *payload)
{
	const bh_mem__fctx *c = payload;
	return !bh_callgraph_global_written(c->prog->graph, v);
}

static bool call_const(const bh_ir_instr *call, int64_t *value, void *payload)
{
	const bh_mem__fctx *c = payload;
	return bh_callgraph_call_const(c->prog->graph, call, value);
}

// Can a return be reached from the entry without passing block `b`, over
// the edges the constants leave (`if (badStatic)` in a calling context
// that set it)?
static bool returns_around(const bh_mem__fctx *c, uint32_t b)
{
	const bh_ir_func *fn = c->fn;
	if (b == 0)
		return false;
	bool *seen = bh_xcalloc(fn->nblocks, sizeof(*seen));
	uint32_t *stack = bh_xmalloc((fn->nblocks + 1) * sizeof(*stack));
	size_t sp = 0;
	bool found = false;
	seen[0] = true;
	stack[sp++] = 0;
	while (sp && !found) {
		uint32_t x = stack[--sp];
		for (uint32_t r = 0; r < c->nrets && !found; r++)
			found = c->ret_blocks[r] == x;
		for (uint32_t s = 0; s < fn->blocks[x].nsuccs; s++) {
			uint32_t y = fn->blocks[x].succs[s];
			if (y != b && !seen[y] && !bh_flow_edge_dead(&c->consts, fn, x, y)) {
				seen[y] = true;
				stack[sp++] = y;
			}
		}
	}
	free(stack);
	free(seen);
	return found;
}

// Is one of the `n` blocks with an unchecked dereference (of a parameter,
// or of what `*p` or a global held on entry) on every path that returns?
// (Dominance, with the edges constants rule out left out.)
static bool deref_always(const bh_mem__fctx *c, const bh_flow_dom *dom, const uint32_t *blocks, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		bool all = true;
		for (uint32_t r = 0; r < c->nrets && all; r++)
			all = bh_flow_dominates(dom, blocks[i], c->ret_blocks[r]);
		if (all || !returns_around(c, blocks[i]))
			return true;
	}
	return false;
}

// The dominators, computed on first need; false when over budget.
static bool have_dom(bh_mem__fctx *c)
{
	return c->dom || bh_flow_compute_dom(&c->dom, c->arena, c->fn) == BH_FLOW_DONE;
}

// The indirect effects (bh_mem__ind) the report pass saw.
static void finish_indirect(bh_mem__fctx *c)
{
	bh_mem__summary *sum = c->sum;
	uint32_t n = 0;
	for (uint32_t k = 1; k <= c->nobjs; k++)
		n += c->ind_bits[k] != 0;
	if (!n)
		return;
	sum->ind = bh_arena_alloc(c->prog->arena, n * sizeof(*sum->ind));
	for (uint32_t k = 1; k <= c->nobjs; k++) {
		if (!c->ind_bits[k])
			continue;
		const bh_mem__object *o = &c->objs[k];
		bh_mem__ind *e = &sum->ind[sum->nind++];
		memset(e, 0, sizeof(*e));
		e->kind = o->kind;
		e->bits = c->ind_bits[k];
		if (c->nrets && c->ind_freed_rets[k] == c->nrets)
			e->bits |= BH_MEM__P_FREES;
		if (c->nrets && c->ind_nderef_blocks[k] && have_dom(c) &&
		    deref_always(c, c->dom, c->ind_deref_blocks[k], c->ind_nderef_blocks[k]))
			e->bits |= BH_MEM__P_DEREF_ALWAYS;
		e->family = c->ind_family[k];
		e->loc = c->ind_loc[k];
		if (o->kind == BH_MEM__OBJ_GENTRY) {
			e->global = bh_callgraph_global_key(&c->fn->vars[o->var]);
		} else if (o->kind == BH_MEM__OBJ_PFIELD) {
			e->param = c->slot_base[o->var];
			e->field = c->slot_field[o->var];
		} else {
			e->param = o->var;
			e->index = o->index;
		}
	}
}

static void finish_summary(bh_mem__fctx *c)
{
	bh_mem__summary *sum = c->sum;
	const bh_ir_func *fn = c->fn;
	finish_indirect(c);
	sum->noreturn = c->nrets == 0;
	if (!fn->returns_pointer)
		sum->ret_may_null = false; // `return 0;` in a function returning int
	sum->ret_null_oom = sum->ret_may_null && !c->lookup_null_rets;
	sum->ret_freed = fn->returns_pointer && c->nrets && c->freed_rets_any == c->nrets;
	sum->ret_null = fn->returns_pointer && c->nrets && c->null_rets == c->nrets;
	sum->ret_fresh = c->nrets && c->block_rets && c->fresh_rets == c->nrets;
	// (A function returning an integer returns no memory: `return 0;`;
	// one that only returns NULL, json-c's json_object_new_null(), none.)
	sum->ret_static = fn->returns_pointer && c->static_rets && !c->nonstatic_rets &&
			  !sum->ret_fresh && !sum->ret_null;
	sum->ret_sure = fn->returns_pointer && c->nrets && c->sure_rets == c->nrets;
	sum->ret_param = c->nrets && c->param_rets == c->nrets ? c->ret_param : 0;
	// A parameter returned as it came, else something never NULL (the
	// string sdsMakeRoomFor() returns): not NULL when the argument is not.
	// (A parameter returned after it was dereferenced counts as sure.)
	sum->ret_sure_param = c->param_rets && !c->other_param_rets &&
			      c->param_rets + c->sure_rets >= c->nrets ? c->ret_param : 0;
	if (fn->returns_pointer && c->realloc_param && !c->other_realloc_rets && c->realloc_rets == c->nrets) {
		sum->ret_realloc = c->realloc_param;
		// Released wherever the result is not NULL: the caller's test
		// of the result gives it back where it is.
		sum->param[c->realloc_param - 1] |= BH_MEM__P_FREES | BH_MEM__P_MAY_FREE;
	}
	for (uint32_t j = 0; j < fn->nparams; j++) {
		// An integer parameter is released where it is closed; a path
		// where it was below 3 (`if (fd < 0) return;`) releases nothing,
		// and no close at all is no release (`if (n == 0) return;`).
		bool counts = !bh_mem__is_scalar_param(c, j + 1) || c->released_rets[j];
		if (counts && c->freed_rets[j])
			sum->param[j] |= BH_MEM__P_MAY_FREE;
		if (counts && c->nrets && c->freed_rets[j] == c->nrets)
			sum->param[j] |= BH_MEM__P_FREES;
		if (!c->nderef_blocks[j] || !c->nrets)
			continue;
		if (!have_dom(c))
			break;
		if (deref_always(c, c->dom, c->deref_blocks[j], c->nderef_blocks[j]))
			sum->param[j] |= BH_MEM__P_DEREF_ALWAYS;
	}
}

// ------------------------------------------------------------- driver

static bool assigned_in(const bh_ir_func *fn, uint32_t v)
{
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++)
			if (fn->blocks[b].instrs[i].dst.kind == BH_IR_OPND_VAR && fn->blocks[b].instrs[i].dst.var == v)
				return true;
	return false;
}

static void analyse_acquired(bh_mem__program *p, const bh_ir_func *fn, bh_mem__summary *sum, bh_findings *out, const bh_mem__context *ctx)
{
	memset(sum, 0, sizeof(*sum));
	sum->fn = fn;
	sum->usr = fn->usr;
	sum->name = fn->name;
	sum->nparams = fn->nparams;
	sum->param = bh_arena_alloc(p->arena, fn->nparams + 1);
	memset(sum->param, 0, fn->nparams + 1);
	sum->param_family = bh_arena_alloc(p->arena, fn->nparams + 1);
	memset(sum->param_family, 0, fn->nparams + 1);
	sum->param_loc = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_loc));
	memset(sum->param_loc, 0, (fn->nparams + 1) * sizeof(*sum->param_loc));

	bh_mem__fctx c;
	memset(&c, 0, sizeof(c));
	c.prog = p;
	c.fn = fn;
	c.sum = sum;
	c.ctx = ctx;
	c.out = out;
	c.arena = bh_arena_new();
	bool known[BH_MEM__MAX_CONTEXT + 1] = { false };
	int64_t values[BH_MEM__MAX_CONTEXT + 1] = { 0 };
	bool *param_known = NULL;
	int64_t *param_value = NULL;
	if (ctx && fn->nparams <= BH_MEM__MAX_CONTEXT) {
		memcpy(known, ctx->known, sizeof(ctx->known));
		memcpy(values, ctx->value, sizeof(ctx->value));
		param_known = known;
		param_value = values;
	}
	bh_flow_compute_consts_in(&c.consts, c.arena, fn, global_unwritten, call_const, &c, param_known,
				  param_value);
	// Globals the caller set just before the call hold that value on entry;
	// where the function never assigns them, throughout.
	for (uint32_t i = 0; ctx && i < ctx->nglobals; i++) {
		uint32_t v = bh_callgraph_global_var(fn, ctx->global[i]);
		if (v != UINT32_MAX && !assigned_in(fn, v)) {
			c.consts.known[v] = true;
			c.consts.value[v] = ctx->global_value[i];
		}
	}
	bh_mem__prepare(&c);
	c.fact_size = sizeof(bh_mem__head) + c.nlocs * sizeof(bh_mem__val) +
		      (c.nobjs + 1) * sizeof(bh_mem__ostate);
	uint32_t np = fn->nparams + 1;
	c.freed_rets = bh_arena_alloc(c.arena, np);
	memset(c.freed_rets, 0, np);
	c.released_rets = bh_arena_alloc(c.arena, np);
	memset(c.released_rets, 0, np);
	c.nderef_blocks = bh_arena_alloc(c.arena, np * sizeof(*c.nderef_blocks));
	memset(c.nderef_blocks, 0, np * sizeof(*c.nderef_blocks));
	c.deref_blocks = bh_arena_alloc(c.arena, np * sizeof(*c.deref_blocks));
	for (uint32_t j = 0; j < np; j++)
		c.deref_blocks[j] = bh_arena_alloc(c.arena, BH_MEM__MAX_DEREF_BLOCKS * sizeof(uint32_t));
	c.ret_blocks = bh_arena_alloc(c.arena, (fn->nblocks + 1) * sizeof(*c.ret_blocks));
	c.ind_bits = bh_arena_alloc(c.arena, c.nobjs + 1);
	memset(c.ind_bits, 0, c.nobjs + 1);
	c.ind_family = bh_arena_alloc(c.arena, c.nobjs + 1);
	memset(c.ind_family, 0, c.nobjs + 1);
	c.ind_freed_rets = bh_arena_alloc(c.arena, (c.nobjs + 1) * sizeof(*c.ind_freed_rets));
	memset(c.ind_freed_rets, 0, (c.nobjs + 1) * sizeof(*c.ind_freed_rets));
	c.ind_loc = bh_arena_alloc(c.arena, (c.nobjs + 1) * sizeof(*c.ind_loc));
	memset(c.ind_loc, 0, (c.nobjs + 1) * sizeof(*c.ind_loc));
	c.ind_nderef_blocks = bh_arena_alloc(c.arena, (c.nobjs + 1) * sizeof(*c.ind_nderef_blocks));
	memset(c.ind_nderef_blocks, 0, (c.nobjs + 1) * sizeof(*c.ind_nderef_blocks));
	c.ind_deref_blocks = bh_arena_alloc(c.arena, (c.nobjs + 1) * sizeof(*c.ind_deref_blocks));
	for (uint32_t k = 0; k <= c.nobjs; k++)
		c.ind_deref_blocks[k] = bh_mem__entry_object(&c, k)
						? bh_arena_alloc(c.arena, BH_MEM__MAX_DEREF_BLOCKS * sizeof(uint32_t))
						: NULL;
	uint32_t *rpo_order;
	bh_flow_rpo(&rpo_order, &c.rpo_index, c.arena, fn);
	c.held[0] = bh_arena_alloc(c.arena, c.nobjs + 1);
	c.held[1] = bh_arena_alloc(c.arena, c.nobjs + 1);

	bh_flow_lattice lat;
	bh_mem__lattice(&lat, c.fact_size);
	bh_flow_options opts = BH_FLOW_OPTIONS_INIT;
	// A function whose IR was cut short (too big or too deep, or with
	// what clang could not understand dropped) would look like it never
	// frees what it allocates: it is skipped.
	if (fn->cut || bh_flow_solve(&c.result, c.arena, fn, &lat, &opts, &c) != BH_FLOW_DONE) {
		sum->incomplete = true;
		if (fn->cut != BH_IR_CUT_ERRORS) // clang's errors there already say why
			bh_diag_add(p->diags, BH_LEVEL_NOTE, "mem.incomplete", fn->loc.path, fn->loc.line,
				    fn->loc.col,
				    "memory analysis of %s() %s; its findings are not reported", fn->name,
				    fn->cut ? "skipped: its IR is incomplete" : "stopped at its budget");
	} else {
		// The report pass: each block once more from its entry fact.
		void *f = bh_xmalloc(c.fact_size);
		c.reporting = true;
		for (uint32_t b = 0; b < fn->nblocks; b++) {
			memcpy(f, bh_flow_in(&c.result, b), c.fact_size);
			if (bh_mem__fact_head(f)->reachable)
				bh_mem__transfer_block(f, fn, &fn->blocks[b], &c);
		}
		free(f);
		finish_summary(&c);
	}
	sum->analysed = true;
	bh_arena_free(c.arena);
}

// The body of `fn` is there throughout (packed IR: ir_pack.h).
void bh_mem__analyse_function(bh_mem__program *p, const bh_ir_func *fn, bh_mem__summary *sum,
			      bh_findings *out, const bh_mem__context *ctx)
{
	bh_ir_func_acquire(fn);
	analyse_acquired(p, fn, sum, out, ctx);
	bh_ir_func_release(fn);
}
