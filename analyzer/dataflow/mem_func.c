// SPDX-License-Identifier: MIT
// bh_mem__analyse_function: the memory-state analysis of one function.
//
// Before solving, a prepass numbers the locations (variables, then field
// slots `s.f` / `p->f` one level deep) and the objects (what each pointer
// parameter points to, each allocating call site, each local or global
// whose address is taken or that is an array, string literals). The
// solver then runs the lattice of mem_internal.h forward over the CFG;
// branch edges refine nullness (`if (!p) return;`) and drop edges that a
// constant condition never takes. A last pass walks each block once more
// from its fixpoint fact, reports findings, and gathers the facts of the
// function's summary.
//
// Design choices, each against false reports on real code:
// - Unknown values (parameters, loads from memory, results of unmodelled
//   calls) are not NULL: only a literal NULL, a failing allocation or a
//   modelled lookup makes a value maybe-NULL.
// - A block passed to a function that may keep it (unknown code, or a
//   program function whose summary says it keeps or may release it),
//   stored anywhere in memory, or returned is given away: never leaked.
// - Where an allocation returned NULL, the block does not exist: the
//   failure path of `p = malloc(n); if (!p) return -1;` leaks nothing.
// - After a use-after-free or a NULL dereference is seen, the value counts
//   as valid again, so that one bug is one finding, not one per line.
#include <stdlib.h>
#include <string.h>

#include "dataflow/mem_func_internal.h"

#define MAX_DEREF_BLOCKS 8

static const bh_rule *rule(bh_rule_id id)
{
	return bh_rule_get(id);
}

// --------------------------------------------------------------- prepass

static bool is_global_var(const bh_ir_var *v)
{
	return v->kind == BH_IR_VAR_GLOBAL || v->kind == BH_IR_VAR_STATIC;
}

static uint32_t find_slot(const bh_mem__fctx *c, uint32_t base, const char *field)
{
	for (uint32_t s = c->first_slot[base]; s; s = c->next_slot[s - 1])
		if (strcmp(c->slot_field[s - 1], field) == 0)
			return c->fn->nvars + s - 1;
	return UINT32_MAX;
}

static void make_slots(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint32_t n = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			bh_ir_op op = fn->blocks[b].instrs[i].op;
			n += op == BH_IR_FIELD || op == BH_IR_FIELD_STORE;
		}
	c->slot_base = bh_arena_alloc(c->arena, (n + 1) * sizeof(*c->slot_base));
	c->slot_field = bh_arena_alloc(c->arena, (n + 1) * sizeof(*c->slot_field));
	c->next_slot = bh_arena_alloc(c->arena, (n + 1) * sizeof(*c->next_slot));
	c->first_slot = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(*c->first_slot));
	memset(c->first_slot, 0, (fn->nvars + 1) * sizeof(*c->first_slot));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if ((in->op != BH_IR_FIELD && in->op != BH_IR_FIELD_STORE) || !in->name ||
			    in->args[0].kind != BH_IR_OPND_VAR)
				continue;
			uint32_t base = in->args[0].var;
			if (find_slot(c, base, in->name) != UINT32_MAX)
				continue;
			uint32_t s = c->nslots++;
			c->slot_base[s] = base;
			c->slot_field[s] = in->name;
			c->next_slot[s] = c->first_slot[base];
			c->first_slot[base] = s + 1;
		}
	c->nlocs = fn->nvars + c->nslots;
}

static uint32_t add_object(bh_mem__fctx *c, uint8_t kind, uint32_t var, uint32_t site)
{
	if (c->nobjs + 1 >= BH_MEM__MAX_OBJECTS)
		return 0;
	uint32_t k = ++c->nobjs;
	c->objs[k] = (bh_mem__object){ .kind = kind, .var = var, .site = site };
	return k;
}

// The function a call certainly calls: its FUNC operand, or the one a
// function pointer variable was set to once.
static const bh_ir_opnd *resolve_callee(const bh_mem__fctx *c, const bh_ir_instr *in)
{
	if (in->callee.kind == BH_IR_OPND_FUNC)
		return &in->callee;
	if (in->callee.kind == BH_IR_OPND_VAR && in->callee.var < c->fn->nvars)
		return c->fn_value[in->callee.var];
	return NULL;
}

// The summary of a callee, or NULL (library code, or unknown).
static const bh_mem__summary *usable_summary(const bh_mem__fctx *c, const bh_ir_opnd *callee)
{
	const bh_mem__summary *s = callee ? bh_mem__callee_summary(c->prog, callee) : NULL;
	return s && s->analysed && !s->incomplete ? s : NULL;
}

// The summary to apply at call `in`: the callee's, or, when it may
// return NULL and the call fixes some of its integer parameters, the
// callee's in that context (`_sdsnewlen(init, len, 0)` does not try, so
// it never returns NULL).
static const bh_mem__summary *summary_at(bh_mem__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_opnd *callee = resolve_callee(c, in);
	const bh_mem__summary *s = usable_summary(c, callee);
	if (!s || !s->ret_may_null)
		return s;
	bh_mem__context ctx;
	memset(&ctx, 0, sizeof(ctx));
	bool any = false;
	for (uint32_t a = 0; a < in->nargs && a < s->fn->nparams && a < BH_MEM__MAX_CONTEXT; a++)
		if (!(s->fn->vars[a].flags & BH_IR_VAR_POINTER) &&
		    bh_flow_const_of(&c->consts, &in->args[a], &ctx.value[a]))
			any = ctx.known[a] = true;
	if (!any)
		return s;
	const bh_mem__summary *special =
		bh_mem__specialize(c->prog, bh_callgraph_node_of_opnd(c->prog->graph, callee), &ctx);
	return special && special->analysed && !special->incomplete ? special : s;
}

// Fill c->call_sum for every call (before objects: they depend on it).
static void resolve_calls(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->call_sum = bh_arena_alloc(c->arena, (fn->ninstrs + 1) * sizeof(*c->call_sum));
	memset(c->call_sum, 0, (fn->ninstrs + 1) * sizeof(*c->call_sum));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op == BH_IR_CALL)
				c->call_sum[in->id] = summary_at(c, in);
		}
}

// Models apply to functions without a body in the program.
static const bh_mem_model *models_of(const bh_mem__fctx *c, const bh_ir_opnd *callee, size_t *n)
{
	*n = 0;
	if (!callee || !callee->str || bh_mem__callee_summary(c->prog, callee))
		return NULL;
	return bh_mem_models_find(c->prog->models, callee->str, n);
}

static const char *callee_name(const bh_ir_opnd *callee)
{
	return callee && callee->str ? callee->str : "a function pointer";
}

// Does the call at `in` return (or store) a new block? Its family and
// whether it may fail go to the out parameters.
static bool call_allocates(const bh_mem__fctx *c, const bh_ir_instr *in, uint8_t *family,
			   bool *may_fail)
{
	const bh_ir_opnd *callee = resolve_callee(c, in);
	const bh_mem__summary *s = c->call_sum[in->id];
	if (s) {
		*family = s->ret_family;
		*may_fail = s->ret_may_null;
		return s->ret_fresh;
	}
	size_t n;
	const bh_mem_model *m = models_of(c, callee, &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_MEM_ALLOC || m[i].kind == BH_MEM_REALLOC) {
			*family = (uint8_t)m[i].family;
			*may_fail = m[i].may_fail;
			return true;
		}
	return false;
}

// Does the call at `in` allocate through an out parameter and return a
// non-zero status when that fails (posix_memalign)?
static bool status_nonzero(const bh_mem__fctx *c, const bh_ir_instr *in)
{
	size_t n;
	const bh_mem_model *m = models_of(c, resolve_callee(c, in), &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_MEM_ALLOC && m[i].out && m[i].nonzero_fails)
			return true;
	return false;
}

// Does the call at `in` release one of its arguments?
static bool call_releases(const bh_mem__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_opnd *callee = resolve_callee(c, in);
	const bh_mem__summary *s = c->call_sum[in->id];
	if (s) {
		for (uint32_t j = 0; j < s->fn->nparams; j++)
			if (s->param[j] & BH_MEM__P_FREES)
				return true;
		return false;
	}
	size_t n;
	const bh_mem_model *m = models_of(c, callee, &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_MEM_RELEASE)
			return true;
	return false;
}

static void make_objects(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->objs = bh_arena_alloc(c->arena, BH_MEM__MAX_OBJECTS * sizeof(*c->objs));
	memset(c->objs, 0, sizeof(*c->objs));
	c->var_obj = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(*c->var_obj));
	memset(c->var_obj, 0, (fn->nvars + 1) * sizeof(*c->var_obj));
	c->site_obj = bh_arena_alloc(c->arena, (fn->ninstrs + 1) * sizeof(*c->site_obj));
	memset(c->site_obj, 0, (fn->ninstrs + 1) * sizeof(*c->site_obj));
	c->released_obj = bh_arena_alloc(c->arena, (fn->ninstrs + 1) * sizeof(*c->released_obj));
	memset(c->released_obj, 0, (fn->ninstrs + 1) * sizeof(*c->released_obj));
	// Parameters first: object j + 1 is what parameter j points to.
	for (uint32_t j = 0; j < fn->nparams; j++)
		add_object(c, BH_MEM__OBJ_PARAM, j, 0);
	// What pointer parameters' fields point to on entry (`free(c->buf)`).
	for (uint32_t s = 0; s < c->nslots; s++)
		if (c->slot_base[s] < fn->nparams && (fn->vars[c->slot_base[s]].flags & BH_IR_VAR_POINTER))
			add_object(c, BH_MEM__OBJ_FIELD, s, 0);
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		// (A parameter declared as an array, `char *env[]`, is a pointer.)
		bool array = (var->flags & BH_IR_VAR_ARRAY) && var->kind != BH_IR_VAR_PARAM;
		if (array || (var->flags & BH_IR_VAR_ADDRESSED))
			c->var_obj[v] = add_object(c, is_global_var(var) ? BH_MEM__OBJ_GLOBAL
									 : BH_MEM__OBJ_LOCAL, v, 0);
	}
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			for (uint32_t a = 0; a < in->nargs; a++) {
				const bh_ir_opnd *o = &in->args[a];
				if (o->kind == BH_IR_OPND_STR && !c->literal_obj)
					c->literal_obj = add_object(c, BH_MEM__OBJ_LITERAL, 0, 0);
				if (in->op == BH_IR_ADDR && a == 0 && o->kind == BH_IR_OPND_VAR &&
				    !c->var_obj[o->var])
					c->var_obj[o->var] = add_object(c, is_global_var(&fn->vars[o->var])
						? BH_MEM__OBJ_GLOBAL : BH_MEM__OBJ_LOCAL, o->var, 0);
			}
			if (in->op == BH_IR_CALL && call_releases(c, in))
				c->released_obj[in->id] = add_object(c, BH_MEM__OBJ_RELEASED, 0, in->id);
			uint8_t family;
			bool may_fail;
			const bh_mem__summary *s = in->op == BH_IR_CALL ? c->call_sum[in->id] : NULL;
			if (s && s->ret_static) {
				uint32_t k = add_object(c, BH_MEM__OBJ_GLOBAL, UINT32_MAX, in->id);
				c->site_obj[in->id] = k;
				if (k)
					c->objs[k].by = callee_name(resolve_callee(c, in));
			} else if (in->op == BH_IR_CALL && call_allocates(c, in, &family, &may_fail)) {
				uint32_t k = add_object(c, BH_MEM__OBJ_BLOCK, 0, in->id);
				if (k) {
					c->objs[k].family = family;
					c->objs[k].may_fail = may_fail;
					c->objs[k].oom_only = c->call_sum[in->id] && c->call_sum[in->id]->ret_null_oom;
					c->objs[k].nonzero_fails = status_nonzero(c, in);
					c->objs[k].by = callee_name(resolve_callee(c, in));
					c->site_obj[in->id] = k;
				}
			}
		}
}

// The operations table variable `var` is or is an element of (`ops`, or
// `tab[i]` read in block `b`), if nothing can change it; else NULL.
static const bh_ir_var *table_of(const bh_mem__fctx *c, const bh_ir_block *b, uint32_t var)
{
	const bh_ir_var *v = &c->fn->vars[var];
	if (v->kind == BH_IR_VAR_TEMP) {
		const bh_ir_instr *d = NULL;
		for (uint32_t i = 0; i < b->ninstrs; i++)
			if (b->instrs[i].dst.kind == BH_IR_OPND_VAR && b->instrs[i].dst.var == var)
				d = &b->instrs[i];
		if (!d || (d->op != BH_IR_INDEX && d->op != BH_IR_INDEX_ADDR) ||
		    d->args[0].kind != BH_IR_OPND_VAR)
			return NULL;
		v = &c->fn->vars[d->args[0].var];
	}
	if (!v->nfn_fields || !is_global_var(v))
		return NULL;
	bool constant = v->type && strncmp(v->type, "const ", 6) == 0;
	return constant || !bh_callgraph_global_written(c->prog->graph, v) ? v : NULL;
}

// Function pointer variables assigned once from a function.
static void find_function_values(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->fn_value = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(*c->fn_value));
	memset(c->fn_value, 0, (fn->nvars + 1) * sizeof(*c->fn_value));
	uint32_t *ndefs = bh_xcalloc(fn->nvars + 1, sizeof(*ndefs));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind != BH_IR_OPND_VAR)
				continue;
			ndefs[in->dst.var]++;
			if (in->op == BH_IR_ASSIGN && in->args[0].kind == BH_IR_OPND_FUNC)
				c->fn_value[in->dst.var] = &in->args[0];
		}
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (ndefs[v] != 1 || (fn->vars[v].flags & BH_IR_VAR_ADDRESSED) || is_global_var(&fn->vars[v]))
			c->fn_value[v] = NULL;
	// `ops.release` of an operations table nothing writes, or `tab[i].release`
	// when every row has the same function there.
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op != BH_IR_FIELD || !in->name || in->dst.kind != BH_IR_OPND_VAR ||
			    ndefs[in->dst.var] != 1 || in->args[0].kind != BH_IR_OPND_VAR)
				continue;
			// `ops.put`, or `(&rows[i])->put` for `rows[i].put`
			if (in->arrow != (fn->vars[in->args[0].var].kind == BH_IR_VAR_TEMP))
				continue;
			const bh_ir_var *table = table_of(c, &fn->blocks[b], in->args[0].var);
			for (uint32_t k = 0; table && k < table->nfn_fields; k++)
				if (strcmp(table->fn_fields[k].field, in->name) == 0) {
					bh_ir_opnd *o = bh_arena_alloc(c->arena, sizeof(*o));
					*o = (bh_ir_opnd){ .kind = BH_IR_OPND_FUNC, .str = table->fn_fields[k].func,
							   .usr = table->fn_fields[k].usr };
					c->fn_value[in->dst.var] = o;
				}
		}
	free(ndefs);
}

// ---------------------------------------------------------------- values

// Nothing known: not NULL as far as the checkers are concerned.
static bh_mem__val unknown_val(void)
{
	return (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, 0, BH_MEM__NONE };
}

static bh_mem__val read_opnd(const bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	switch (o->kind) {
	case BH_IR_OPND_VAR:
		if (o->var >= c->fn->nvars)
			return unknown_val();
		if ((c->fn->vars[o->var].flags & BH_IR_VAR_ARRAY) && c->fn->vars[o->var].kind != BH_IR_VAR_PARAM &&
		    c->var_obj[o->var])
			return (bh_mem__val){ (uint16_t)c->var_obj[o->var], BH_MEM__MAY_NONNULL, BH_MEM__SURE,
					      BH_MEM__NONE };
		return bh_mem__fact_vals(f)[o->var];
	case BH_IR_OPND_INT:
		if (o->ival == 0)
			return (bh_mem__val){ 0, BH_MEM__MAY_NULL, BH_MEM__EXPLICIT, in->id };
		return unknown_val();
	case BH_IR_OPND_STR:
		return (bh_mem__val){ (uint16_t)c->literal_obj, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE };
	case BH_IR_OPND_FUNC:
		return (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE };
	default:
		return unknown_val();
	}
}

static bool only_null(bh_mem__val v)
{
	return v.null == BH_MEM__MAY_NULL;
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
			return bh_arena_sprintf(c->prog->arena, "%s->%s", c->fn->vars[c->slot_base[s]].name,
						c->slot_field[s]);
	return NULL;
}

static bool leak_candidate(const bh_mem__fctx *c, void *f, uint32_t k)
{
	const bh_mem__object *o = &c->objs[k];
	const bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[k];
	return o->kind == BH_MEM__OBJ_BLOCK && o->family != BH_MEM_FAMILY_STACK &&
	       (st->state & BH_MEM__LIVE) && !(st->state & (BH_MEM__GONE | BH_MEM__LOST));
}

static const bh_rule *leak_rule(const bh_mem__fctx *c, uint32_t k)
{
	return rule(c->objs[k].family == BH_MEM_FAMILY_HEAP ? BH_RULE_C_MEMORY_LEAK
							     : BH_RULE_C_RESOURCE_LEAK);
}

static bh_finding_step alloc_step(const bh_mem__fctx *c, uint32_t k)
{
	const bh_mem__object *o = &c->objs[k];
	return (bh_finding_step){ bh_mem__instr_loc(c, o->site),
				  bh_arena_sprintf(c->prog->arena, "allocated by %s()", o->by) };
}

static void report_leak(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t k,
			const char *how)
{
	const char *holder = holder_name(c, f, k);
	bh_finding_step step = alloc_step(c, k);
	bh_mem__report(c, leak_rule(c, k), in, holder ? holder : c->objs[k].by, &step, 1, "not released when the function returns here",
		       "%s%s%s%s is not released %s", bh_mem__object_text(c, k),
		       holder ? " ('" : "", holder ? holder : "", holder ? "')" : "", how);
}

// Location `loc` is about to lose value `old`: if it was the last pointer
// to a live block, the block leaks here.
static void check_overwrite(bh_mem__fctx *c, void *f, uint32_t loc, bh_mem__val old, const bh_ir_instr *in)
{
	uint32_t k = old.obj;
	if (!k || only_null(old) || !leak_candidate(c, f, k) || held_elsewhere(c, f, k, loc))
		return;
	const char *name = loc < c->fn->nvars ? c->fn->vars[loc].name : NULL;
	bh_finding_step step = alloc_step(c, k);
	bh_mem__report(c, leak_rule(c, k), in, name ? name : c->objs[k].by, &step, 1, "the last pointer is overwritten here",
		       "%s is lost: '%s', the last pointer to it, is overwritten here",
		       bh_mem__object_text(c, k), name ? name : "?");
	bh_mem__fact_objs(c, f)[k].state |= BH_MEM__LOST;
}

static void kill_slots_of(bh_mem__fctx *c, void *f, uint32_t var)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t s = c->first_slot[var]; s; s = c->next_slot[s - 1])
		vals[c->fn->nvars + s - 1] = unknown_val();
}

static void give_away(bh_mem__fctx *c, void *f, bh_mem__val v);

// Code that reads through `&x` sees the pointers x holds (memcpy(node,
// &data, sizeof data) stores `data` in a tree): they are given away.
static void expose_pointee(bh_mem__fctx *c, void *f, bh_mem__val v)
{
	if (!v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_LOCAL)
		return;
	uint32_t var = c->objs[v.obj].var;
	const bh_mem__val *vals = bh_mem__fact_vals(f);
	if (vals[var].obj != v.obj)
		give_away(c, f, vals[var]);
	for (uint32_t s = c->first_slot[var]; s; s = c->next_slot[s - 1])
		give_away(c, f, vals[c->fn->nvars + s - 1]);
}

static void give_away(bh_mem__fctx *c, void *f, bh_mem__val v)
{
	if (!v.obj || (v.flags & BH_MEM__STATUS))
		return;
	bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[v.obj];
	if (st->state & BH_MEM__GONE)
		return;
	st->state |= BH_MEM__GONE;
	if (c->reporting && c->objs[v.obj].kind == BH_MEM__OBJ_PARAM)
		c->sum->param[c->objs[v.obj].var] |= BH_MEM__P_KEEPS;
	expose_pointee(c, f, v);
}

// `&local` stored where it outlives the function.
static void check_stack_escape(bh_mem__fctx *c, const bh_ir_instr *in, bh_mem__val v, const char *where)
{
	if (!v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_LOCAL)
		return;
	const char *name = c->fn->vars[c->objs[v.obj].var].name;
	bh_mem__report(c, rule(BH_RULE_C_STACK_ADDRESS_ESCAPE), in, name, NULL, 0, "the address escapes here",
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

static void set_loc(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t loc, bh_mem__val v)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	bh_mem__val old = vals[loc];
	if (old.obj && old.obj != v.obj)
		check_overwrite(c, f, loc, old, in);
	vals[loc] = v;
	if (old.obj && old.obj != v.obj)
		forget_unreachable(c, f, old.obj);
	if (loc < c->fn->nvars) {
		kill_slots_of(c, f, loc);
		if (is_global_var(&c->fn->vars[loc])) {
			give_away(c, f, v);
			if (v.obj && c->objs[v.obj].kind == BH_MEM__OBJ_LOCAL)
				vals[loc].at = in->id; // where a local's address went (see escapes_at_return)
		}
	}
}

static void set_dst(bh_mem__fctx *c, void *f, const bh_ir_instr *in, bh_mem__val v)
{
	if (in->dst.kind == BH_IR_OPND_VAR && in->dst.var < c->fn->nvars)
		set_loc(c, f, in, in->dst.var, v);
}

// --------------------------------------------------------------- checks

static bool null_test(const bh_ir_block *b, const bh_ir_instr *t, bh_ir_opnd *x, int64_t *k,
		      bool *null_if_true);

static bh_finding_step null_origin_step(const bh_mem__fctx *c, bh_mem__val v)
{
	bh_loc loc = bh_mem__instr_loc(c, v.at);
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	if (v.flags & BH_MEM__EXPLICIT)
		return (bh_finding_step){ loc, "set to NULL here" };
	if (at && at->op == BH_IR_BR)
		return (bh_finding_step){ loc, "compared with NULL here: it may be NULL after this" };
	const char *by = at && at->op == BH_IR_CALL ? callee_name(resolve_callee(c, at)) : "a call";
	return (bh_finding_step){ loc, bh_arena_sprintf(c->prog->arena, "%s() may return NULL", by) };
}

// Do `a` and `b` hold the same pointer? Only a block's start is one value:
// two pointers into a parameter's memory may differ.
static bool same_pointer(const bh_mem__fctx *c, bh_mem__val a, bh_mem__val b)
{
	return a.obj && a.obj == b.obj && c->objs[a.obj].kind == BH_MEM__OBJ_BLOCK &&
	       !((a.flags | b.flags) & BH_MEM__OFFSET);
}

static void mark_nonnull(bh_mem__fctx *c, void *f, const bh_ir_opnd *o, bh_mem__val v)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (same_pointer(c, v, vals[l]) || (o->kind == BH_IR_OPND_VAR && l == o->var)) {
			vals[l].null = BH_MEM__MAY_NONNULL;
			vals[l].flags |= BH_MEM__SURE;
		}
}

static void record_param_deref(bh_mem__fctx *c, const bh_ir_instr *in, bh_mem__val v,
			       bool null_matters)
{
	if (!c->reporting || !v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_PARAM)
		return;
	uint32_t j = c->objs[v.obj].var;
	// Where to point callers: the first dereference where NULL matters.
	if (!(c->sum->param[j] & (BH_MEM__P_DEREF | BH_MEM__P_FREES | BH_MEM__P_MAY_FREE)) ||
	    (null_matters && !c->nderef_blocks[j]))
		c->sum->param_loc[j] = in->loc;
	c->sum->param[j] |= BH_MEM__P_DEREF;
	if (null_matters && !(v.flags & BH_MEM__CHECKED) && c->nderef_blocks[j] < MAX_DEREF_BLOCKS)
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

// Is block `b` inside the loop headed by `head` (dominated by it and able
// to come back to it)?
static bool in_loop(const bh_mem__fctx *c, uint32_t head, uint32_t b)
{
	if (!bh_flow_dominates(c->dom, head, b))
		return false;
	const bh_ir_func *fn = c->fn;
	bool *seen = bh_xcalloc(fn->nblocks, sizeof(*seen));
	uint32_t *stack = bh_xcalloc(fn->nblocks, sizeof(*stack));
	size_t sp = 0;
	bool back = false;
	stack[sp++] = b;
	seen[b] = true;
	while (sp && !back) {
		const bh_ir_block *x = &fn->blocks[stack[--sp]];
		for (uint32_t s = 0; s < x->nsuccs && !back; s++) {
			back = x->succs[s] == head;
			if (!seen[x->succs[s]] && bh_flow_dominates(c->dom, head, x->succs[s])) {
				seen[x->succs[s]] = true;
				stack[sp++] = x->succs[s];
			}
		}
	}
	free(seen);
	free(stack);
	return back;
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
// the loop made 9 false findings on redis for that one.)
static bool always_reached(bh_mem__fctx *c, uint32_t from, uint32_t to)
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

// The call-graph node of the program function whose result `v` is, or SIZE_MAX.
static size_t origin_node(const bh_mem__fctx *c, bh_mem__val v)
{
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	if (!at || at->op != BH_IR_CALL || !c->call_sum[at->id])
		return SIZE_MAX;
	const bh_ir_opnd *callee = resolve_callee(c, at);
	return callee ? bh_callgraph_node_of_opnd(c->prog->graph, callee) : SIZE_MAX;
}

// c.unchecked-null: a library function's NULL is reported at once; a
// program function's is held back and kept if at least as many places
// check that function's result as use it unchecked (bh_mem_run).
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
	bh_mem__report(c, rule(BH_RULE_C_UNCHECKED_NULL), in, name, steps, n, "dereferenced without a check",
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
static void count_null_check(bh_mem__fctx *c, void *f, const bh_ir_instr *t)
{
	bh_ir_opnd x;
	int64_t k;
	bool null_if_true;
	const bh_ir_block *b = &c->fn->blocks[t->block];
	if (!c->reporting || c->prog->special_depth || t->target[0] == t->target[1] ||
	    !null_test(b, t, &x, &k, &null_if_true) || k || x.var >= c->fn->nvars)
		return;
	size_t node = origin_node(c, bh_mem__fact_vals(f)[x.var]);
	if (node != SIZE_MAX)
		c->prog->null_checked[node]++;
}

// Is the NULL in `v` known from a comparison (`if (!p) ...`)?
static bool null_from_branch(const bh_mem__fctx *c, bh_mem__val v)
{
	const bh_ir_instr *at = v.at != BH_MEM__NONE ? bh_ir_instr_at(c->fn, v.at) : NULL;
	return at && at->op == BH_IR_BR;
}

static void deref(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o,
		  const char *callee, const bh_loc *inside, bool null_matters)
{
	bh_mem__val v = read_opnd(c, f, in, o);
	const char *name = bh_mem__operand_name(c, in, o);
	if (!name)
		name = "pointer";
	char how[160];
	if (callee)
		snprintf(how, sizeof(how), "is passed to %s(), which dereferences it", callee);
	else
		snprintf(how, sizeof(how), "is dereferenced");
	// The step inside the callee, when a program function dereferences it.
	bh_finding_step callee_step = { inside ? *inside : in->loc,
					bh_arena_sprintf(c->prog->arena, "%s() dereferences it here",
							 callee ? callee : "?") };
	bh_finding_step steps[3];
	size_t n = 0;
	bh_mem__ostate *objs = bh_mem__fact_objs(c, f);
	if (v.obj && (objs[v.obj].state & BH_MEM__FREED) && !only_null(v)) {
		if (c->objs[v.obj].kind == BH_MEM__OBJ_BLOCK)
			steps[n++] = alloc_step(c, v.obj);
		steps[n++] = (bh_finding_step){ bh_mem__instr_loc(c, objs[v.obj].freed_at), "released here" };
		unsigned line = steps[n - 1].loc.line;
		if (inside)
			steps[n++] = callee_step;
		bh_mem__report(c, rule(BH_RULE_C_USE_AFTER_FREE), in, name, steps, n, "used after release",
			       "'%s' %s%s after %s was released at line %u", name, how, callee ? "," : "",
			       bh_mem__object_text(c, v.obj), line);
		objs[v.obj].state = (uint8_t)((objs[v.obj].state & ~BH_MEM__FREED) | BH_MEM__LOST);
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
	if (null_matters && (v.null & BH_MEM__MAY_NULL) && !oom_in_callee(c, v) &&
	    (from_call || only_null(v) ||
	     ((v.flags & BH_MEM__EXPLICIT) && c->reporting && always_reached(c, v.at, in->block)))) {
		n = 0;
		steps[n++] = null_origin_step(c, v);
		if (inside)
			steps[n++] = callee_step;
		if (v.flags & BH_MEM__EXPLICIT)
			bh_mem__report(c, rule(BH_RULE_C_NULL_DEREF), in, name, steps, n, "dereferenced while NULL",
				       "'%s' %s%s while it %s NULL (set at line %u)", name, how, callee ? "," : "",
				       only_null(v) ? "is" : "may still be", steps[0].loc.line);
		else if (!from_call)
			bh_mem__report(c, rule(BH_RULE_C_NULL_DEREF), in, name, steps, n, "dereferenced while NULL",
				       "'%s' %s, but it %s NULL here: it was compared with NULL at line %u",
				       name, how, only_null(v) ? "is" : "may be", steps[0].loc.line);
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
static uint32_t copy_source(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	const bh_ir_block *b = &c->fn->blocks[in->block];
	const bh_ir_instr *d = NULL;
	for (uint32_t i = 0; i < b->ninstrs && b->instrs[i].id != in->id; i++)
		if (b->instrs[i].dst.kind == BH_IR_OPND_VAR && b->instrs[i].dst.var == o->var)
			d = &b->instrs[i];
	if (!d || !d->nargs || d->args[0].kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	if (d->op == BH_IR_ASSIGN)
		return d->args[0].var;
	if (d->op == BH_IR_FIELD && d->name)
		return find_slot(c, d->args[0].var, d->name);
	return UINT32_MAX;
}

// An unknown pointer `o` is released by `in`: the variable (and the
// variable or field it was copied from) now hold released memory.
static void mark_released(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	uint32_t k = c->released_obj[in->id];
	if (!k || o->kind != BH_IR_OPND_VAR)
		return;
	bh_mem__val *vals = bh_mem__fact_vals(f);
	bh_mem__val v = { (uint16_t)k, BH_MEM__MAY_NONNULL, 0, BH_MEM__NONE };
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (vals[l].obj == k)
			vals[l] = unknown_val(); // an earlier pass through this call
	vals[o->var] = v;
	uint32_t src = copy_source(c, in, o);
	if (src != UINT32_MAX)
		vals[src] = v;
	bh_mem__fact_objs(c, f)[k] = (bh_mem__ostate){ BH_MEM__FREED, 0, 0, in->id, 0 };
}

// Object `k` is released by `in`; report what is wrong with that.
static void release(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o,
		    uint8_t family, const char *callee)
{
	bh_mem__val v = read_opnd(c, f, in, o);
	uint32_t k = v.obj;
	if (only_null(v))
		return; // free(NULL) is fine
	if (!k) {
		// An unknown pointer: from here on, what holds it holds released memory.
		mark_released(c, f, in, o);
		return;
	}
	const char *name = bh_mem__operand_name(c, in, o);
	const char *snippet = bh_arena_sprintf(c->prog->arena, "%s(%s)", callee, name ? name : "");
	const bh_mem__object *ob = &c->objs[k];
	bh_mem__ostate *st = &bh_mem__fact_objs(c, f)[k];
	if (ob->kind == BH_MEM__OBJ_LOCAL || ob->kind == BH_MEM__OBJ_GLOBAL ||
	    ob->kind == BH_MEM__OBJ_LITERAL ||
	    (ob->kind == BH_MEM__OBJ_BLOCK && ob->family == BH_MEM_FAMILY_STACK)) {
		bh_finding_step steps[1];
		size_t n = 0;
		if (ob->kind == BH_MEM__OBJ_BLOCK)
			steps[n++] = alloc_step(c, k);
		bh_mem__report(c, rule(BH_RULE_C_FREE_NON_HEAP), in, snippet, steps, n, "released here",
			       "%s() releases %s, which is not memory from the heap", callee,
			       bh_mem__object_text(c, k));
		return;
	}
	if ((v.flags & BH_MEM__OFFSET) && ob->kind == BH_MEM__OBJ_BLOCK) {
		// (A parameter released at an offset is a wrapper's business:
		// sdsfree() frees the header in front of the string it is given.)
		bh_finding_step steps[1] = { alloc_step(c, k) };
		size_t n = 1;
		bh_mem__report(c, rule(BH_RULE_C_FREE_OFFSET), in, snippet, steps, n, "released here",
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
			steps[n++] = alloc_step(c, k);
		steps[n++] = (bh_finding_step){ bh_mem__instr_loc(c, st->freed_at), "first released here" };
		bh_mem__report(c, rule(BH_RULE_C_DOUBLE_FREE), in, snippet, steps, n, "released again here",
			       "%s is released again by %s(); it was already released at line %u",
			       bh_mem__object_text(c, k), callee, steps[n - 1].loc.line);
		st->state = (uint8_t)((st->state & ~BH_MEM__FREED) | BH_MEM__LOST);
		return;
	}
	if (ob->kind == BH_MEM__OBJ_BLOCK && ob->family && family && ob->family != family) {
		bh_finding_step steps[1] = { alloc_step(c, k) };
		bh_mem__report(c, rule(BH_RULE_C_MISMATCHED_DEALLOC), in, snippet, steps, 1, "released with the wrong function",
			       "%s is released with %s(); it must be released with %s()",
			       bh_mem__object_text(c, k), callee, bh_mem_family_releaser(ob->family));
	}
	st->state = (uint8_t)((st->state & ~BH_MEM__LIVE) | BH_MEM__FREED);
	st->freed_at = in->id;
	if (c->reporting && ob->kind == BH_MEM__OBJ_PARAM) {
		uint32_t j = ob->var;
		if (!(c->sum->param[j] & (BH_MEM__P_FREES | BH_MEM__P_MAY_FREE)))
			c->sum->param_loc[j] = in->loc;
		c->sum->param[j] |= BH_MEM__P_MAY_FREE; // FREES, if on every path, when all is seen
		c->sum->param_family[j] = family;
	}
}

// ------------------------------------------------------------ allocation

// Location `loc` (or nothing, when NULL) receives the new block `k`.
static void new_block(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t loc, uint32_t k,
		      uint16_t prev)
{
	bh_mem__val *vals = bh_mem__fact_vals(f);
	if (loc != UINT32_MAX && vals[loc].obj) // (the previous iteration's block too)
		check_overwrite(c, f, loc, vals[loc], in);
	// Pointers to an earlier block of this site point to something else now.
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (vals[l].obj == k)
			vals[l] = unknown_val();
	bh_mem__fact_objs(c, f)[k] = (bh_mem__ostate){ BH_MEM__LIVE, 0, prev, BH_MEM__NONE, 0 };
	bh_mem__val v = { (uint16_t)k,
			  (uint8_t)(c->objs[k].may_fail ? BH_MEM__MAY_NULL | BH_MEM__MAY_NONNULL
							: BH_MEM__MAY_NONNULL),
			  (uint8_t)(!c->objs[k].may_fail ? BH_MEM__SURE
					  : c->objs[k].oom_only ? BH_MEM__OOM : 0), in->id };
	if (loc == UINT32_MAX) {
		if (c->objs[k].family != BH_MEM_FAMILY_STACK) {
			bh_finding_step step = alloc_step(c, k);
			bh_mem__report(c, leak_rule(c, k), in, c->objs[k].by, &step, 1, "the result is dropped here",
				       "the result of %s() is not used: %s is never released",
				       c->objs[k].by, bh_mem__object_text(c, k));
		}
		bh_mem__fact_objs(c, f)[k].state = BH_MEM__LOST;
		return;
	}
	set_loc(c, f, in, loc, v);
}

// The variable `o` is the address of (`&buf` passed as an out parameter), or UINT32_MAX.
static uint32_t out_var(const bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	bh_mem__val v = read_opnd(c, f, in, o);
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
			deref(c, f, in, &in->args[arg], name, NULL, false);
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
				uint16_t prev = 0;
				if (m[i].kind == BH_MEM_REALLOC && old.obj && c->objs[old.obj].kind == BH_MEM__OBJ_BLOCK) {
					// getline() reallocates the buffer: the old block is consumed.
					bh_mem__fact_objs(c, f)[old.obj].state = BH_MEM__FREED;
					bh_mem__fact_objs(c, f)[old.obj].freed_at = in->id;
					bh_mem__fact_vals(f)[var] = unknown_val();
					prev = 0;
				}
				new_block(c, f, in, var, k, prev);
				*status = (uint16_t)k;
				continue;
			}
			if (m[i].kind == BH_MEM_DEREF || m[i].kind == BH_MEM_BORROW)
				expose_pointee(c, f, read_opnd(c, f, in, o));
			switch (m[i].kind) {
			case BH_MEM_DEREF:
				deref(c, f, in, o, name, NULL, true);
				break;
			case BH_MEM_FORMAT:
				deref_format_args(c, f, in, a, name);
				break;
			case BH_MEM_RELEASE:
				release(c, f, in, o, (uint8_t)m[i].family, name);
				break;
			case BH_MEM_REALLOC:
				// The old block is released where the call succeeds; where it
				// fails (the result is NULL) the edge makes it live again.
				release(c, f, in, o, (uint8_t)m[i].family, name);
				break;
			default:
				break;
			}
		}
}

static void apply_summary_args(bh_mem__fctx *c, void *f, const bh_ir_instr *in,
			       const bh_mem__summary *s, const char *name)
{
	for (uint32_t a = 0; a < in->nargs; a++) {
		const bh_ir_opnd *o = &in->args[a];
		uint8_t bits = a < s->fn->nparams ? s->param[a] : BH_MEM__P_KEEPS;
		expose_pointee(c, f, read_opnd(c, f, in, o));
		// A deallocation wrapper given released memory is a double free
		// (not a use after free of what it dereferences on the way).
		if (bits & BH_MEM__P_FREES)
			release(c, f, in, o, s->param_family[a], name);
		else if (bits & BH_MEM__P_DEREF)
			deref(c, f, in, o, name, &s->param_loc[a], (bits & BH_MEM__P_DEREF_ALWAYS) != 0);
		if (!(bits & BH_MEM__P_FREES) && (bits & (BH_MEM__P_MAY_FREE | BH_MEM__P_KEEPS)))
			give_away(c, f, read_opnd(c, f, in, o));
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
	vals[l] = unknown_val();
}

static void forget_memory(bh_mem__fctx *c, void *f)
{
	for (uint32_t s = 0; s < c->nslots; s++)
		forget_loc(c, f, c->fn->nvars + s);
	for (uint32_t v = 0; v < c->fn->nvars; v++)
		if (is_global_var(&c->fn->vars[v]) || (c->fn->vars[v].flags & BH_IR_VAR_ADDRESSED))
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
		if (only_null(vals[l]) && (vals[l].flags & BH_MEM__CHECKED))
			vals[l].flags |= BH_MEM__HANDLED;
}

static void transfer_call(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *callee = resolve_callee(c, in);
	const bh_mem__summary *s = c->call_sum[in->id];
	size_t n = 0;
	const bh_mem_model *m = models_of(c, callee, &n);
	const char *name = callee_name(callee);
	uint32_t k = c->site_obj[in->id];
	uint16_t prev = 0, status = 0;
	bh_mem__val arg_value = unknown_val();
	if (s && s->ret_param && s->ret_param <= in->nargs)
		arg_value = read_opnd(c, f, in, &in->args[s->ret_param - 1]);
	// Returns its argument or a pointer never NULL (sdsMakeRoomFor): as
	// NULL as the argument; a parameter of ours stays one, for our summary.
	bool through_arg = s && s->ret_sure_param && s->ret_sure_param <= in->nargs && !s->ret_may_null;
	bh_mem__val through = unknown_val();
	if (through_arg) {
		bh_mem__val a = read_opnd(c, f, in, &in->args[s->ret_sure_param - 1]);
		bool param = a.obj && c->objs[a.obj].kind == BH_MEM__OBJ_PARAM;
		through = (bh_mem__val){ (uint16_t)(param ? a.obj : 0), a.null,
					 (uint8_t)(a.flags & (BH_MEM__SURE | BH_MEM__CHECKED | BH_MEM__EXPLICIT)), a.at };
	}
	if (n) {
		// The old block of realloc() is remembered by the new one.
		for (size_t i = 0; i < n; i++)
			if (m[i].kind == BH_MEM_REALLOC && !m[i].out && m[i].arg < in->nargs) {
				bh_mem__val old = read_opnd(c, f, in, &in->args[m[i].arg]);
				if (old.obj && !(bh_mem__fact_objs(c, f)[old.obj].state & BH_MEM__FREED))
					prev = old.obj;
			}
		apply_model_args(c, f, in, m, n, name, &status);
	} else if (s) {
		apply_summary_args(c, f, in, s, name);
	} else {
		for (uint32_t a = 0; a < in->nargs; a++)
			give_away(c, f, read_opnd(c, f, in, &in->args[a]));
		mark_handled(c, f);
	}
	if (!n)
		forget_memory(c, f);
	bool ret_model_alloc = false, ret_may_null = false;
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind == BH_MEM_MAY_NULL)
			ret_may_null = true;
		if ((m[i].kind == BH_MEM_ALLOC && m[i].ret) || (m[i].kind == BH_MEM_REALLOC && !m[i].out))
			ret_model_alloc = true;
	}
	if (s && !s->ret_fresh && s->ret_may_null)
		ret_may_null = true;
	uint32_t dst = in->dst.kind == BH_IR_OPND_VAR ? in->dst.var : UINT32_MAX;
	if (k && c->objs[k].kind == BH_MEM__OBJ_GLOBAL) {
		if (dst != UINT32_MAX)
			set_loc(c, f, in, dst, (bh_mem__val){ (uint16_t)k,
				(uint8_t)(s->ret_may_null ? BH_MEM__MAY_NULL | BH_MEM__MAY_NONNULL : BH_MEM__MAY_NONNULL),
				(uint8_t)(s->ret_may_null ? 0 : BH_MEM__SURE), in->id });
	} else if (k && (ret_model_alloc || (s && s->ret_fresh)))
		new_block(c, f, in, dst, k, prev);
	else if (dst != UINT32_MAX && status)
		set_loc(c, f, in, dst, (bh_mem__val){ status, BH_MEM__MAY_NONNULL, BH_MEM__STATUS, BH_MEM__NONE });
	else if (dst != UINT32_MAX && s && s->ret_param && s->ret_param <= in->nargs)
		set_loc(c, f, in, dst, arg_value); // returns its argument: `p = extend(p)`
	else if (dst != UINT32_MAX && through_arg && !s->ret_sure)
		set_loc(c, f, in, dst, through);
	else if (dst != UINT32_MAX && s && s->ret_sure)
		set_loc(c, f, in, dst, (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE });
	else if (dst != UINT32_MAX)
		set_loc(c, f, in, dst, ret_may_null ? (bh_mem__val){ 0, BH_MEM__MAY_NULL | BH_MEM__MAY_NONNULL,
								    (uint8_t)(s && s->ret_null_oom ? BH_MEM__OOM : 0), in->id }
						    : unknown_val());
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
		if (l < c->fn->nvars && is_global_var(&c->fn->vars[l]))
			check_stack_escape(c, store, v, "is stored in a global variable");
		else if (l >= c->fn->nvars) {
			uint32_t base = c->slot_base[l - c->fn->nvars];
			bh_mem__val b = vals[base];
			bool param = base < c->fn->nparams && b.obj == base + 1;
			if (param || is_global_var(&c->fn->vars[base]))
				check_stack_escape(c, store, v, "is stored in memory that outlives the function");
		}
	}
}

static void transfer_ret(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	bh_mem__val v = in->nargs ? read_opnd(c, f, in, &in->args[0]) : unknown_val();
	bh_mem__ostate *objs = bh_mem__fact_objs(c, f);
	check_stack_escape(c, in, v, "is returned");
	if (c->reporting) {
		c->nrets++;
		c->ret_blocks[c->nrets - 1] = in->block;
		if (v.obj && c->objs[v.obj].kind == BH_MEM__OBJ_BLOCK && leak_candidate(c, f, v.obj)) {
			if (!c->block_rets)
				c->sum->ret_family = c->objs[v.obj].family;
			else if (c->sum->ret_family != c->objs[v.obj].family)
				c->fresh_rets = UINT32_MAX / 2; // mixed families: not a wrapper
			c->block_rets++;
			c->fresh_rets++;
		} else if (only_null(v)) {
			c->fresh_rets++;
		}
		if (v.obj && c->objs[v.obj].kind != BH_MEM__OBJ_GLOBAL &&
		    c->objs[v.obj].kind != BH_MEM__OBJ_LITERAL)
			c->nonstatic_rets++;
		else if (!v.obj && !only_null(v))
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
		// Released here, or NULL on the paths here (`if (c) { ...; free(c); }`).
		for (uint32_t j = 0; j < c->fn->nparams && j + 1 <= c->nobjs; j++)
			if ((objs[j + 1].state & (BH_MEM__FREED | BH_MEM__ABSENT)) &&
			    !(objs[j + 1].state & BH_MEM__LIVE))
				c->freed_rets[j]++;
	}
	escapes_at_return(c, f);
	give_away(c, f, v);
	// Returning from main() ends the process: what it holds is not leaked.
	if (strcmp(c->fn->name, "main") == 0)
		return;
	for (uint32_t k = 1; k <= c->nobjs; k++)
		if (leak_candidate(c, f, k))
			report_leak(c, f, in, k, "on this path");
}

// ------------------------------------------------------------- transfer

static bool is_pointer_value(const bh_mem__fctx *c, const bh_ir_opnd *o)
{
	return !(o->kind == BH_IR_OPND_VAR && o->var < c->fn->nvars &&
		 (c->fn->vars[o->var].flags & (BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)));
}

static void transfer(bh_mem__fctx *c, void *f, const bh_ir_instr *in)
{
	switch (in->op) {
	case BH_IR_ASSIGN:
		set_dst(c, f, in, read_opnd(c, f, in, &in->args[0]));
		break;
	case BH_IR_BINOP: {
		bh_mem__val a = read_opnd(c, f, in, &in->args[0]);
		bool moves = in->sub == BH_IR_BIN_ADD || in->sub == BH_IR_BIN_SUB;
		if (moves && a.obj && !(in->args[1].kind == BH_IR_OPND_INT && in->args[1].ival == 0)) {
			a.flags |= BH_MEM__OFFSET;
			set_dst(c, f, in, a);
		} else if (moves && (a.flags & BH_MEM__SURE)) {
			// Arithmetic on a pointer that is not NULL (`(char *)newsh + hdrlen`).
			set_dst(c, f, in, (bh_mem__val){ 0, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE });
		} else {
			set_dst(c, f, in, unknown_val());
		}
		break;
	}
	case BH_IR_LOAD:
		deref(c, f, in, &in->args[0], NULL, NULL, true);
		set_dst(c, f, in, unknown_val());
		break;
	case BH_IR_STORE: {
		deref(c, f, in, &in->args[0], NULL, NULL, true);
		bh_mem__val v = read_opnd(c, f, in, &in->args[1]);
		bh_mem__val to = read_opnd(c, f, in, &in->args[0]);
		if (to.obj && c->objs[to.obj].kind == BH_MEM__OBJ_PARAM)
			check_stack_escape(c, in, v, "is stored through a parameter");
		give_away(c, f, v);
		forget_addressed(c, f);
		break;
	}
	case BH_IR_ADDR: {
		uint32_t k = in->args[0].kind == BH_IR_OPND_VAR ? c->var_obj[in->args[0].var] : 0;
		set_dst(c, f, in, (bh_mem__val){ (uint16_t)k, BH_MEM__MAY_NONNULL, BH_MEM__SURE, BH_MEM__NONE });
		break;
	}
	case BH_IR_FIELD: {
		if (in->arrow)
			deref(c, f, in, &in->args[0], NULL, NULL, true);
		uint32_t slot = in->args[0].kind == BH_IR_OPND_VAR && in->name
					? find_slot(c, in->args[0].var, in->name) : UINT32_MAX;
		set_dst(c, f, in, slot != UINT32_MAX ? bh_mem__fact_vals(f)[slot] : unknown_val());
		break;
	}
	case BH_IR_FIELD_STORE: {
		if (in->arrow)
			deref(c, f, in, &in->args[0], NULL, NULL, true);
		bh_mem__val v = read_opnd(c, f, in, &in->args[1]);
		uint32_t slot = in->args[0].kind == BH_IR_OPND_VAR && in->name
					? find_slot(c, in->args[0].var, in->name) : UINT32_MAX;
		if (slot != UINT32_MAX) {
			set_loc(c, f, in, slot, v);
			if (v.obj && c->objs[v.obj].kind == BH_MEM__OBJ_LOCAL)
				bh_mem__fact_vals(f)[slot].at = in->id; // see escapes_at_return
		}
		bh_mem__val base = read_opnd(c, f, in, &in->args[0]);
		bool outlives = (in->arrow && base.obj && c->objs[base.obj].kind == BH_MEM__OBJ_PARAM) ||
				(in->args[0].kind == BH_IR_OPND_VAR && is_global_var(&c->fn->vars[in->args[0].var]));
		if (outlives && slot == UINT32_MAX)
			check_stack_escape(c, in, v, "is stored in memory that outlives the function");
		give_away(c, f, v);
		break;
	}
	case BH_IR_FIELD_ADDR:
		set_dst(c, f, in, unknown_val());
		break;
	case BH_IR_INDEX:
		if (is_pointer_value(c, &in->args[0]))
			deref(c, f, in, &in->args[0], NULL, NULL, true);
		set_dst(c, f, in, unknown_val());
		break;
	case BH_IR_INDEX_STORE: {
		bh_mem__val v = read_opnd(c, f, in, &in->args[2]);
		if (is_pointer_value(c, &in->args[0])) {
			deref(c, f, in, &in->args[0], NULL, NULL, true);
			bh_mem__val to = read_opnd(c, f, in, &in->args[0]);
			if (to.obj && c->objs[to.obj].kind == BH_MEM__OBJ_PARAM)
				check_stack_escape(c, in, v, "is stored through a parameter");
		} else if (in->args[0].kind == BH_IR_OPND_VAR &&
			   is_global_var(&c->fn->vars[in->args[0].var])) {
			check_stack_escape(c, in, v, "is stored in a global array");
		}
		give_away(c, f, v);
		break;
	}
	case BH_IR_INDEX_ADDR: {
		bh_mem__val a = read_opnd(c, f, in, &in->args[0]);
		if (a.obj && !(in->args[1].kind == BH_IR_OPND_INT && in->args[1].ival == 0))
			a.flags |= BH_MEM__OFFSET;
		set_dst(c, f, in, a.obj ? a : unknown_val());
		break;
	}
	case BH_IR_CALL:
		transfer_call(c, f, in);
		break;
	case BH_IR_OPAQUE:
		for (uint32_t a = 0; a < in->nargs; a++)
			give_away(c, f, read_opnd(c, f, in, &in->args[a]));
		set_dst(c, f, in, unknown_val());
		break;
	case BH_IR_RET:
		transfer_ret(c, f, in);
		break;
	case BH_IR_BR:
		count_null_check(c, f, in);
		break;
	default:
		set_dst(c, f, in, unknown_val());
		break;
	}
}

// ------------------------------------------------------------- lattice

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
		vals[l] = unknown_val();
	bh_mem__ostate *objs = bh_mem__fact_objs(c, fact);
	for (uint32_t k = 0; k <= c->nobjs; k++)
		objs[k] = (bh_mem__ostate){ 0, 0, 0, BH_MEM__NONE, 0 };
	// What a pointer parameter points to is object j + 1 (integers point
	// to nothing: `if (n == 0)` says nothing about memory).
	for (uint32_t j = 0; j < c->fn->nparams && j + 1 <= c->nobjs; j++) {
		if (!(c->fn->vars[j].flags & BH_IR_VAR_POINTER))
			continue;
		vals[j].obj = (uint16_t)(j + 1); // unknown but not NULL, and not checked
		objs[j + 1].state = BH_MEM__LIVE;
	}
	for (uint32_t k = 1; k <= c->nobjs; k++)
		if (c->objs[k].kind == BH_MEM__OBJ_FIELD) {
			vals[c->fn->nvars + c->objs[k].var].obj = (uint16_t)k;
			objs[k].state = BH_MEM__LIVE;
		}
}

static uint32_t min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
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
	for (uint32_t l = 0; l < c->nlocs; l++) {
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
	for (uint32_t l = 0; l < c->nlocs; l++) {
		bh_mem__val a = d[l], b = s[l];
		if (a.obj != b.obj) {
			// "NULL or block k" stays block k; two blocks: lost track of both.
			if (!a.obj && only_null(a)) {
				a.obj = b.obj;
			} else if (!(!b.obj && only_null(b))) {
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

static void lat_transfer_block(void *fact, const bh_ir_func *fn, const bh_ir_block *b, void *payload)
{
	(void)fn;
	bh_mem__fctx *c = payload;
	for (uint32_t i = 0; i < b->ninstrs && bh_mem__fact_head(fact)->reachable; i++)
		transfer(c, fact, &b->instrs[i]);
	bh_mem__fact_objs(c, fact)[0].state = 0;
}

// The instruction of block `b` that last defines `var` before its terminator, or NULL.
static const bh_ir_instr *def_in_block(const bh_ir_block *b, uint32_t var)
{
	for (uint32_t i = b->ninstrs; i-- > 0;)
		if (b->instrs[i].dst.kind == BH_IR_OPND_VAR && b->instrs[i].dst.var == var)
			return &b->instrs[i];
	return NULL;
}

// What a branch compares with a constant: the operand, the constant
// (0: a NULL test, `if (p)`, `if (!p)`, `p == NULL`; else a sentinel like
// MAP_FAILED, (void *)-1), and whether the true edge is the side where
// they are equal.
static bool null_test(const bh_ir_block *b, const bh_ir_instr *t, bh_ir_opnd *x, int64_t *k,
		      bool *null_if_true)
{
	const bh_ir_opnd *cond = &t->args[0];
	if (cond->kind != BH_IR_OPND_VAR)
		return false;
	*x = *cond;
	*k = 0;
	*null_if_true = false;
	const bh_ir_instr *d = def_in_block(b, cond->var);
	if (!d)
		return true;
	if (d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT) {
		*x = d->args[0];
		*null_if_true = true;
		return x->kind == BH_IR_OPND_VAR;
	}
	if (d->op == BH_IR_BINOP && (d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE)) {
		int side = d->args[1].kind == BH_IR_OPND_INT ? 1 : d->args[0].kind == BH_IR_OPND_INT ? 0 : -1;
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
	const bh_ir_instr *d = def_in_block(b, t->args[0].var);
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

// The allocation of block `k` failed on this edge: there is no block, and
// realloc's old one is still live.
static void block_failed(bh_mem__fctx *c, void *fact, uint32_t k)
{
	bh_mem__ostate *objs = bh_mem__fact_objs(c, fact);
	bh_mem__val *vals = bh_mem__fact_vals(fact);
	uint16_t prev = objs[k].prev;
	objs[k] = (bh_mem__ostate){ 0, 0, 0, BH_MEM__NONE, 0 };
	bh_mem__fact_head(fact)->oom = 1;
	for (uint32_t l = 0; l < c->nlocs; l++)
		if (vals[l].obj == k)
			vals[l].obj = 0;
	if (prev && prev != k) {
		objs[prev].state = (uint8_t)((objs[prev].state & ~BH_MEM__FREED) | BH_MEM__LIVE);
		objs[prev].freed_at = BH_MEM__NONE;
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
	if (t && t->op == BH_IR_BR && t->target[0] != t->target[1] && status_test(b, t, &x, &fail_if_true) &&
	    x.var < fn->nvars) {
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
	if (!t || t->op != BH_IR_BR || t->target[0] == t->target[1] ||
	    !null_test(b, t, &x, &k, &null_if_true) || x.var >= fn->nvars)
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
		if (is_null && same_pointer(c, v, v))
			block_failed(c, fact, v.obj);
		return;
	}
	if ((only_null(v) && !is_null && !v.obj) || ((v.flags & BH_MEM__SURE) && is_null)) {
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
	const bh_ir_instr *d = def_in_block(b, x.var);
	if (d && d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_VAR && d->args[0].var < fn->nvars)
		refine_loc(&vals[d->args[0].var], is_null, t->id);
	if (d && d->op == BH_IR_FIELD && d->args[0].kind == BH_IR_OPND_VAR && d->name) {
		uint32_t slot = find_slot(c, d->args[0].var, d->name);
		if (slot != UINT32_MAX)
			refine_loc(&vals[slot], is_null, t->id);
	}
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
		if (same_pointer(c, v, vals[l]))
			refine_loc(&vals[l], is_null, t->id);
	if (is_null && same_pointer(c, v, v))
		block_failed(c, fact, v.obj);
}

// ------------------------------------------------------------- summary

static bool global_unwritten(const bh_ir_var *v, void *payload)
{
	const bh_mem__fctx *c = payload;
	return !bh_callgraph_global_written(c->prog->graph, v);
}

// Is some unchecked dereference of parameter j on every path that returns?
static bool deref_always(const bh_mem__fctx *c, const bh_flow_dom *dom, uint32_t j)
{
	for (uint32_t i = 0; i < c->nderef_blocks[j]; i++) {
		bool all = true;
		for (uint32_t r = 0; r < c->nrets && all; r++)
			all = bh_flow_dominates(dom, c->deref_blocks[j][i], c->ret_blocks[r]);
		if (all)
			return true;
	}
	return false;
}

static void finish_summary(bh_mem__fctx *c)
{
	bh_mem__summary *sum = c->sum;
	const bh_ir_func *fn = c->fn;
	sum->noreturn = c->nrets == 0;
	if (!fn->returns_pointer)
		sum->ret_may_null = false; // `return 0;` in a function returning int
	sum->ret_null_oom = sum->ret_may_null && !c->lookup_null_rets;
	sum->ret_fresh = c->nrets && c->block_rets && c->fresh_rets == c->nrets;
	sum->ret_static = c->nrets && !c->nonstatic_rets && !sum->ret_fresh;
	sum->ret_sure = fn->returns_pointer && c->nrets && c->sure_rets == c->nrets;
	sum->ret_param = c->nrets && c->param_rets == c->nrets ? c->ret_param : 0;
	// A parameter returned as it came, else something never NULL (the
	// string sdsMakeRoomFor() returns): not NULL when the argument is not.
	// (A parameter returned after it was dereferenced counts as sure.)
	sum->ret_sure_param = c->param_rets && !c->other_param_rets &&
			      c->param_rets + c->sure_rets >= c->nrets ? c->ret_param : 0;
	for (uint32_t j = 0; j < fn->nparams; j++) {
		if (c->freed_rets[j])
			sum->param[j] |= BH_MEM__P_MAY_FREE;
		if (c->nrets && c->freed_rets[j] == c->nrets)
			sum->param[j] |= BH_MEM__P_FREES;
		if (!c->nderef_blocks[j] || !c->nrets)
			continue;
		if (!c->dom && bh_flow_compute_dom(&c->dom, c->arena, fn) != BH_FLOW_DONE)
			break;
		if (deref_always(c, c->dom, j))
			sum->param[j] |= BH_MEM__P_DEREF_ALWAYS;
	}
}

// ------------------------------------------------------------- driver

void bh_mem__analyse_function(bh_mem__program *p, const bh_ir_func *fn, bh_mem__summary *sum,
			      bh_findings *out, const bh_mem__context *ctx)
{
	memset(sum, 0, sizeof(*sum));
	sum->fn = fn;
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
	bh_flow_compute_consts_in(&c.consts, c.arena, fn, global_unwritten, NULL, &c, param_known,
				  param_value);
	find_function_values(&c);
	resolve_calls(&c);
	make_slots(&c);
	make_objects(&c);
	c.fact_size = sizeof(bh_mem__head) + c.nlocs * sizeof(bh_mem__val) +
		      (c.nobjs + 1) * sizeof(bh_mem__ostate);
	uint32_t np = fn->nparams + 1;
	c.freed_rets = bh_arena_alloc(c.arena, np);
	memset(c.freed_rets, 0, np);
	c.nderef_blocks = bh_arena_alloc(c.arena, np * sizeof(*c.nderef_blocks));
	memset(c.nderef_blocks, 0, np * sizeof(*c.nderef_blocks));
	c.deref_blocks = bh_arena_alloc(c.arena, np * sizeof(*c.deref_blocks));
	for (uint32_t j = 0; j < np; j++)
		c.deref_blocks[j] = bh_arena_alloc(c.arena, MAX_DEREF_BLOCKS * sizeof(uint32_t));
	c.ret_blocks = bh_arena_alloc(c.arena, (fn->nblocks + 1) * sizeof(*c.ret_blocks));
	uint32_t *rpo_order;
	bh_flow_rpo(&rpo_order, &c.rpo_index, c.arena, fn);
	c.held[0] = bh_arena_alloc(c.arena, c.nobjs + 1);
	c.held[1] = bh_arena_alloc(c.arena, c.nobjs + 1);

	bh_flow_lattice lat = {
		.fact_size = c.fact_size,
		.init = lat_init,
		.boundary = lat_boundary,
		.join = lat_join,
		.equal = lat_equal,
		.copy = lat_copy,
		.transfer_block = lat_transfer_block,
		.transfer_edge = lat_edge,
	};
	bh_flow_options opts = BH_FLOW_OPTIONS_INIT;
	// A function whose IR was cut short (too big or too deep) would look
	// like it never frees what it allocates: it is skipped.
	if (fn->cut || bh_flow_solve(&c.result, c.arena, fn, &lat, &opts, &c) != BH_FLOW_DONE) {
		sum->incomplete = true;
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
				lat_transfer_block(f, fn, &fn->blocks[b], &c);
		}
		free(f);
		finish_summary(&c);
	}
	sum->analysed = true;
	bh_arena_free(c.arena);
}
