// SPDX-License-Identifier: MIT
// The prepass of the memory-state analysis of one function: it numbers the
// locations (variables, then field slots `s.f` / `p->f` one level deep)
// and the objects (what each pointer parameter and each of its fields
// points to, each allocating or releasing call site, each local or global
// whose address is taken or that is an array, string literals), resolves
// each call to its callee (function pointers assigned once, operations
// tables) and to the summary that applies there (in the call's context
// when it fixes integer flags).
#include <stdlib.h>
#include <string.h>

#include "dataflow/mem_func_internal.h"

uint32_t bh_mem__find_slot(const bh_mem__fctx *c, uint32_t base, const char *field)
{
	for (uint32_t s = c->first_slot[base]; s; s = c->next_slot[s - 1])
		if (strcmp(c->slot_field[s - 1], field) == 0)
			return c->fn->nvars + s - 1;
	return UINT32_MAX;
}

bool bh_mem__own_record(const bh_mem__fctx *c, uint32_t var)
{
	const bh_ir_var *v = &c->fn->vars[var];
	return v->kind == BH_IR_VAR_LOCAL && (v->flags & BH_IR_VAR_RECORD) &&
	       !(v->flags & BH_IR_VAR_ADDRESSED);
}

const char *bh_mem__loc_name(const bh_mem__fctx *c, uint32_t loc)
{
	if (loc < c->fn->nvars)
		return c->fn->vars[loc].name;
	uint32_t s = loc - c->fn->nvars;
	const bh_ir_var *base = &c->fn->vars[c->slot_base[s]];
	return bh_arena_sprintf(c->prog->arena, "%s%s%s", base->name,
				(base->flags & BH_IR_VAR_RECORD) ? "." : "->", c->slot_field[s]);
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
			if (bh_mem__find_slot(c, base, in->name) != UINT32_MAX)
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

// The function a call certainly calls: its FUNC operand, the one a
// function pointer variable was set to once, or the only one the program
// ever passes, stores or returns for the pointer (bh_callgraph_single_callee).
const bh_ir_opnd *bh_mem__resolve_callee(const bh_mem__fctx *c, const bh_ir_instr *in)
{
	if (in->callee.kind == BH_IR_OPND_VAR && in->callee.var >= c->fn->nvars)
		return NULL;
	return bh_callgraph_single_callee(c->prog->graph, c->fn, in, c->fn_value);
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
// Is argument `o` of call `in` NULL: a 0, or a variable its block last
// set to 0 before the call (`data = NULL; data = source(data);`)?
static bool null_argument(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	int64_t k;
	if (bh_flow_const_of(&c->consts, o, &k))
		return k == 0;
	// (An array's `= 0` zero-fills it before its initialiser's elements.)
	if (o->kind != BH_IR_OPND_VAR ||
	    (c->fn->vars[o->var].flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)) ||
	    !(c->fn->vars[o->var].flags & BH_IR_VAR_POINTER))
		return false;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, in, o->var);
	return d && d->op == BH_IR_ASSIGN && d->nargs == 1 && d->args[0].kind == BH_IR_OPND_INT &&
	       d->args[0].ival == 0;
}

// Does the callee's own summary leave open what it returns, in a way a
// NULL argument may settle? (`if (flag) { data = malloc(n); ... free(data);
// } return data;` returns its parameter or a released block.)
static bool result_open(const bh_mem__summary *s)
{
	return s->fn->returns_pointer && !s->ret_fresh && !s->ret_freed && !s->ret_static && !s->ret_sure &&
	       !s->ret_param;
}

// Does the callee release or dereference a parameter on some paths only
// (`if (flag) free(data);`), which a flag of the caller's may settle?
static bool effects_open(const bh_mem__summary *s)
{
	for (uint32_t j = 0; j < s->nparams; j++)
		if (((s->param[j] & BH_MEM__P_MAY_FREE) && !(s->param[j] & BH_MEM__P_FREES)) ||
		    ((s->param[j] & BH_MEM__P_DEREF) && !(s->param[j] & BH_MEM__P_DEREF_ALWAYS)))
			return true;
	return false;
}

// The globals the callee names that the caller's block sets to a
// constant before the call.
static void add_set_globals(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_func *callee,
			    bh_mem__context *ctx)
{
	bh_ir_func_acquire(callee);
	for (uint32_t u = 0; u < c->fn->nvars && ctx->nglobals < BH_MEM__MAX_CONTEXT_GLOBALS; u++) {
		const bh_ir_var *g = &c->fn->vars[u];
		if (!bh_ir_var_is_global(g) || (g->flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)))
			continue;
		const bh_ir_instr *d = bh_ir_def_before(c->fn, in, u);
		if (!d || d->op != BH_IR_ASSIGN || d->nargs != 1 || d->args[0].kind != BH_IR_OPND_INT)
			continue;
		const char *key = bh_callgraph_global_key(g);
		if (bh_callgraph_global_var(callee, key) != UINT32_MAX) {
			ctx->global[ctx->nglobals] = key;
			ctx->global_value[ctx->nglobals++] = d->args[0].ival;
		}
	}
	bh_ir_func_release(callee);
}

static const bh_mem__summary *summary_at(bh_mem__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_opnd *callee = bh_mem__resolve_callee(c, in);
	const bh_mem__summary *s = usable_summary(c, callee);
	if (!s || !s->fn || (!s->ret_may_null && !result_open(s) && !effects_open(s)))
		return s; // (no body: a summary read from a file)
	bh_mem__context ctx;
	memset(&ctx, 0, sizeof(ctx));
	bool any = false;
	for (uint32_t a = 0; a < in->nargs && a < s->fn->nparams && a < BH_MEM__MAX_CONTEXT; a++)
		if (!(bh_ir_func_param(s->fn, a).flags & BH_IR_VAR_POINTER) && s->ret_may_null &&
		    bh_flow_const_of(&c->consts, &in->args[a], &ctx.value[a]))
			any = ctx.known[a] = true;
		else if ((bh_ir_func_param(s->fn, a).flags & BH_IR_VAR_POINTER) && result_open(s) &&
			 null_argument(c, in, &in->args[a]))
			any = ctx.known[a] = true; // value 0
	if (effects_open(s) || result_open(s)) {
		add_set_globals(c, in, s->fn, &ctx);
		any |= ctx.nglobals > 0;
	}
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
const bh_mem_model *bh_mem__models_of(const bh_mem__fctx *c, const bh_ir_opnd *callee, size_t *n)
{
	*n = 0;
	if (!callee || !callee->str || bh_mem__callee_summary(c->prog, callee))
		return NULL;
	return bh_mem_models_find(c->prog->models, callee->str, n);
}

bool bh_mem__model_applies(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_mem_model *m)
{
	if (!m->has_when)
		return true;
	int64_t v;
	return m->when_arg < in->nargs && bh_flow_const_of(&c->consts, &in->args[m->when_arg], &v) &&
	       v == m->when_value;
}

const char *bh_mem__callee_name(const bh_ir_opnd *callee)
{
	return callee && callee->str ? callee->str : "a function pointer";
}

// Does the call at `in` return (or store) a new block? Its family and
// whether it may fail go to the out parameters.
static bool call_allocates(const bh_mem__fctx *c, const bh_ir_instr *in, uint8_t *family,
			   bool *may_fail)
{
	const bh_ir_opnd *callee = bh_mem__resolve_callee(c, in);
	const bh_mem__summary *s = c->call_sum[in->id];
	if (s) {
		*family = s->ret_family;
		*may_fail = s->ret_may_null;
		return s->ret_fresh;
	}
	size_t n;
	const bh_mem_model *m = bh_mem__models_of(c, callee, &n);
	for (size_t i = 0; i < n; i++)
		if ((m[i].kind == BH_MEM_ALLOC || m[i].kind == BH_MEM_REALLOC) &&
		    bh_mem__model_applies(c, in, &m[i])) {
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
	const bh_mem_model *m = bh_mem__models_of(c, bh_mem__resolve_callee(c, in), &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_MEM_ALLOC && m[i].out && m[i].nonzero_fails)
			return true;
	return false;
}

// Does the call at `in` release one of its arguments?
static bool call_releases(const bh_mem__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_opnd *callee = bh_mem__resolve_callee(c, in);
	const bh_mem__summary *s = c->call_sum[in->id];
	if (s) {
		// (A realloc() wrapper's argument is released where the new
		// block is not NULL: the new block's edge gives it back.)
		for (uint32_t j = 0; j < s->nparams; j++)
			if ((s->param[j] & BH_MEM__P_FREES) && j + 1 != s->ret_realloc)
				return true;
		return false;
	}
	size_t n;
	const bh_mem_model *m = bh_mem__models_of(c, callee, &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_MEM_RELEASE)
			return true;
	return false;
}

// Does the function load a pointer through a pointer (`data = *pp`)?
static bool loads_pointers(const bh_ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op == BH_IR_LOAD && in->dst.kind == BH_IR_OPND_VAR &&
			    (fn->vars[in->dst.var].flags & BH_IR_VAR_POINTER))
				return true;
		}
	return false;
}

// What the caller's memory holds on entry where the function can reach it
// without an argument's value: the pointer behind each pointer parameter
// (when the function loads pointers through pointers) and the pointer in
// each global it names. Their releases and dereferences are the summary's
// indirect effects (bh_mem__ind), applied to the caller's `data` for
// `sink(&data)` and to the caller's view of the global.
static void add_entry_objects(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->pderef_obj = bh_arena_alloc(c->arena, (fn->nparams + 1) * sizeof(*c->pderef_obj));
	memset(c->pderef_obj, 0, (fn->nparams + 1) * sizeof(*c->pderef_obj));
	c->gentry_obj = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(*c->gentry_obj));
	memset(c->gentry_obj, 0, (fn->nvars + 1) * sizeof(*c->gentry_obj));
	if (loads_pointers(fn))
		for (uint32_t j = 0; j < fn->nparams; j++)
			if (fn->vars[j].flags & BH_IR_VAR_POINTER)
				c->pderef_obj[j] = add_object(c, BH_MEM__OBJ_PDEREF, j, 0);
	for (uint32_t v = fn->nparams; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		if (bh_ir_var_is_global(var) && (var->flags & BH_IR_VAR_POINTER) &&
		    !(var->flags & (BH_IR_VAR_ARRAY | BH_IR_VAR_ADDRESSED)))
			c->gentry_obj[v] = add_object(c, BH_MEM__OBJ_GENTRY, v, 0);
	}
}

// The PELEM object of parameter j's element `index`, made on first need.
static uint32_t element_object(bh_mem__fctx *c, uint32_t j, int64_t index)
{
	for (uint32_t i = 0; i < c->npelem_objs; i++) {
		const bh_mem__object *o = &c->objs[c->pelem_objs[i]];
		if (o->var == j && o->index == index)
			return c->pelem_objs[i];
	}
	uint32_t k = add_object(c, BH_MEM__OBJ_PELEM, j, 0);
	if (k) {
		c->objs[k].index = index;
		c->pelem_objs[c->npelem_objs++] = k;
	}
	return k;
}

// Is parameter `v` a pointer or array the function never assigns, and
// is `in` a read of a pointer from it: `p[2]` at a constant index, or a
// field of a struct `v` passed by value?
static bool reads_entry_part(const bh_ir_func *fn, const bool *assigned, const bh_ir_instr *in, uint32_t v)
{
	// (A temporary has no type flags; C dereferences or releases only
	// what is a pointer, so one that holds an integer never matters.)
	if (v >= fn->nparams || assigned[v] || (fn->vars[v].flags & BH_IR_VAR_ADDRESSED) ||
	    in->dst.kind != BH_IR_OPND_VAR ||
	    !((fn->vars[in->dst.var].flags & BH_IR_VAR_POINTER) || fn->vars[in->dst.var].kind == BH_IR_VAR_TEMP))
		return false;
	if (in->op == BH_IR_INDEX)
		return (fn->vars[v].flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY)) &&
		       !(fn->vars[v].flags & BH_IR_VAR_RECORD) && in->args[1].kind == BH_IR_OPND_INT;
	return in->op == BH_IR_FIELD && !in->arrow && in->name && (fn->vars[v].flags & BH_IR_VAR_RECORD) &&
	       !(fn->vars[v].flags & BH_IR_VAR_POINTER);
}

// What the caller put in the parts of its arguments the function reads a
// pointer from: an element of an array at a constant index (`int *a[]`
// read as `a[2]`), a field of a struct passed by value (`v.first`). As
// with `*pp`, their releases and dereferences are indirect effects: a
// caller that stored a released block or NULL there is told
// (`dataArray[2] = data; sink(dataArray);`).
static void add_part_objects(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->elem_obj = NULL;
	c->npelem_objs = 0;
	if (!fn->nparams)
		return;
	bool *assigned = bh_arena_alloc(c->arena, fn->nparams);
	memset(assigned, 0, fn->nparams);
	bool *has_obj = bh_arena_alloc(c->arena, c->nslots + 1); // per slot
	memset(has_obj, 0, c->nslots + 1);
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind == BH_IR_OPND_VAR && in->dst.var < fn->nparams)
				assigned[in->dst.var] = true;
		}
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if ((in->op != BH_IR_INDEX && in->op != BH_IR_FIELD) || !in->nargs ||
			    in->args[0].kind != BH_IR_OPND_VAR || !reads_entry_part(fn, assigned, in, in->args[0].var))
				continue;
			if (in->op == BH_IR_FIELD) {
				uint32_t slot = bh_mem__find_slot(c, in->args[0].var, in->name);
				if (slot != UINT32_MAX && !has_obj[slot - fn->nvars])
					has_obj[slot - fn->nvars] =
						add_object(c, BH_MEM__OBJ_PFIELD, slot - fn->nvars, 0) != 0;
				continue;
			}
			if (!c->elem_obj) {
				c->elem_obj = bh_arena_alloc(c->arena, (fn->ninstrs + 1) * sizeof(*c->elem_obj));
				memset(c->elem_obj, 0, (fn->ninstrs + 1) * sizeof(*c->elem_obj));
				c->pelem_objs = bh_arena_alloc(c->arena, BH_MEM__MAX_OBJECTS * sizeof(*c->pelem_objs));
			}
			c->elem_obj[in->id] = element_object(c, in->args[0].var, in->args[1].ival);
		}
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
	c->released_args = bh_arena_alloc(c->arena, fn->ninstrs + 1);
	memset(c->released_args, 0, fn->ninstrs + 1);
	// Parameters first: object j + 1 is what parameter j points to.
	for (uint32_t j = 0; j < fn->nparams; j++)
		add_object(c, BH_MEM__OBJ_PARAM, j, 0);
	// What pointer parameters' fields point to on entry (`free(c->buf)`).
	for (uint32_t s = 0; s < c->nslots; s++)
		if (c->slot_base[s] < fn->nparams && (fn->vars[c->slot_base[s]].flags & BH_IR_VAR_POINTER))
			add_object(c, BH_MEM__OBJ_FIELD, s, 0);
	add_entry_objects(c);
	add_part_objects(c);
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		// (A parameter declared as an array, `char *env[]`, is a pointer.)
		bool array = (var->flags & BH_IR_VAR_ARRAY) && var->kind != BH_IR_VAR_PARAM;
		if (array || (var->flags & BH_IR_VAR_ADDRESSED))
			c->var_obj[v] = add_object(c, bh_ir_var_is_global(var) ? BH_MEM__OBJ_GLOBAL
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
					c->var_obj[o->var] = add_object(c, bh_ir_var_is_global(&fn->vars[o->var])
						? BH_MEM__OBJ_GLOBAL : BH_MEM__OBJ_LOCAL, o->var, 0);
			}
			if (in->op == BH_IR_CALL && call_releases(c, in))
				c->released_obj[in->id] = add_object(c, BH_MEM__OBJ_RELEASED, 0, in->id);
			uint8_t family;
			bool may_fail;
			const bh_mem__summary *s = in->op == BH_IR_CALL ? c->call_sum[in->id] : NULL;
			if (s && s->ret_freed && in->callee.kind == BH_IR_OPND_FUNC) {
				uint32_t k = add_object(c, BH_MEM__OBJ_RELEASED, 0, in->id);
				c->site_obj[in->id] = k;
				if (k) {
					c->objs[k].by = bh_mem__callee_name(bh_mem__resolve_callee(c, in));
					c->objs[k].released_in = s->ret_freed_loc;
				}
			} else if (s && s->ret_static) {
				uint32_t k = add_object(c, BH_MEM__OBJ_GLOBAL, UINT32_MAX, in->id);
				c->site_obj[in->id] = k;
				if (k)
					c->objs[k].by = bh_mem__callee_name(bh_mem__resolve_callee(c, in));
			} else if (in->op == BH_IR_CALL && call_allocates(c, in, &family, &may_fail)) {
				uint32_t k = add_object(c, BH_MEM__OBJ_BLOCK, 0, in->id);
				if (k) {
					c->objs[k].family = family;
					c->objs[k].may_fail = may_fail;
					c->objs[k].oom_only = c->call_sum[in->id] && c->call_sum[in->id]->ret_null_oom;
					c->objs[k].nonzero_fails = status_nonzero(c, in);
					c->objs[k].by = bh_mem__callee_name(bh_mem__resolve_callee(c, in));
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
	if (!v->nfn_fields || !bh_ir_var_is_global(v))
		return NULL;
	bool constant = v->type && strncmp(v->type, "const ", 6) == 0;
	return constant || !bh_callgraph_global_written(c->prog->graph, v) ? v : NULL;
}

// Function pointer variables assigned once from a function, and the
// fields of operations tables read into a temporary.
static void find_function_values(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint32_t *ndefs = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(*ndefs));
	memset(ndefs, 0, (fn->nvars + 1) * sizeof(*ndefs));
	c->ndefs = ndefs;
	c->fn_value = bh_flow_function_values(c->arena, fn, ndefs);
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
			const bh_ir_fn_field *ff = table ? bh_flow_table_function(table, in->name) : NULL;
			if (ff) {
				bh_ir_opnd *o = bh_arena_alloc(c->arena, sizeof(*o));
				*o = (bh_ir_opnd){ .kind = BH_IR_OPND_FUNC, .str = ff->func, .usr = ff->usr };
				c->fn_value[in->dst.var] = o;
			}
		}
}

// Is `v` a local pointer variable a pointer local may stand for?
static bool stand_in_target(const bh_ir_var *v)
{
	return v->kind == BH_IR_VAR_LOCAL && (v->flags & BH_IR_VAR_POINTER) &&
	       !(v->flags & (BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD));
}

// The pointer locals that stand for one local pointer variable: every
// assignment gives them its address and they are only loaded and stored
// through (`char **p1 = &data; ... *p1 = buf; ... x = *p2;`). A load
// through one reads that variable and a store writes it, as if the code
// named it: a block kept there stays followed (Juliet's variant 32).
static void find_stand_ins(bh_mem__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->stands_for = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(*c->stands_for));
	for (uint32_t v = 0; v < fn->nvars; v++)
		c->stands_for[v] = UINT32_MAX;
	bool *bad = bh_arena_alloc(c->arena, fn->nvars + 1);
	memset(bad, 0, fn->nvars + 1);
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind == BH_IR_OPND_VAR && in->dst.var < fn->nvars) {
				uint32_t d = in->dst.var;
				bool addr = in->op == BH_IR_ADDR && in->args[0].kind == BH_IR_OPND_VAR &&
					    stand_in_target(&fn->vars[in->args[0].var]);
				if (!addr || (c->stands_for[d] != UINT32_MAX && c->stands_for[d] != in->args[0].var))
					bad[d] = true;
				else
					c->stands_for[d] = in->args[0].var;
			}
			for (uint32_t a = 0; a < in->nargs; a++) {
				bool base = a == 0 && (in->op == BH_IR_LOAD || in->op == BH_IR_STORE);
				if (in->args[a].kind == BH_IR_OPND_VAR && in->args[a].var < fn->nvars && !base)
					bad[in->args[a].var] = true;
			}
			if (in->callee.kind == BH_IR_OPND_VAR && in->callee.var < fn->nvars)
				bad[in->callee.var] = true;
		}
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		if (bad[v] || var->kind != BH_IR_VAR_LOCAL || (var->flags & BH_IR_VAR_ADDRESSED))
			c->stands_for[v] = UINT32_MAX;
	}
}

void bh_mem__prepare(bh_mem__fctx *c)
{
	uint32_t *tracked;
	bh_flow_track_vars(&tracked, c->arena, c->fn);
	c->block_local = bh_arena_alloc(c->arena, (c->fn->nvars + 1) * sizeof(*c->block_local));
	for (uint32_t v = 0; v < c->fn->nvars; v++)
		c->block_local[v] = tracked[v] == UINT32_MAX;
	find_function_values(c);
	resolve_calls(c); // before the objects: allocation sites depend on the summaries
	make_slots(c);
	make_objects(c);
	find_stand_ins(c);
	// The join's two lists: where blocks meet, temporaries are dead.
	c->live_locs = bh_arena_alloc(c->arena, (c->nlocs + 1) * sizeof(*c->live_locs));
	c->temp_locs = bh_arena_alloc(c->arena, (c->nlocs + 1) * sizeof(*c->temp_locs));
	for (uint32_t l = 0; l < c->nlocs; l++) {
		if (l < c->fn->nvars && c->block_local[l])
			c->temp_locs[c->ntemp_locs++] = l;
		else
			c->live_locs[c->nlive_locs++] = l;
	}
}
