// SPDX-License-Identifier: MIT
// The regions of memory one function's pointers can be proved to point
// into, found once before the dataflow: array variables, variables whose
// address is taken, array fields, allocation sites, string literals and,
// in a calling context, what the caller passed. Anything else a pointer
// may hold is "unknown", and accesses through it are not judged.
#include <string.h>

#include "dataflow/bounds_internal.h"

static uint32_t add_object(bh_bnd_fctx *c, bh_bnd_obj_kind kind, bh_bnd_storage storage,
			   uint32_t var, uint32_t site, int64_t size)
{
	if (c->nobjs >= BH_BND_MAX_OBJECTS)
		return 0;
	bh_bnd_object *o = &c->objs[c->nobjs];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->storage = storage;
	o->var = var;
	o->site = site;
	o->size = size;
	return ++c->nobjs;
}

static bh_bnd_storage storage_of_var(const bh_ir_var *v)
{
	return bh_ir_var_is_global(v) ? BH_BND_STATIC : BH_BND_STACK;
}

// `s.buf` on a local struct lives on the stack, `g.buf` in static memory,
// `p->buf` wherever p points.
static bh_bnd_storage storage_of_field(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	if (in->arrow || in->nargs < 1 || in->args[0].kind != BH_IR_OPND_VAR)
		return BH_BND_UNKNOWN;
	return storage_of_var(&c->fn->vars[in->args[0].var]);
}

static void note_instr(bh_bnd_fctx *c, const bh_ir_instr *in)
{
	const bh_ir_func *fn = c->fn;
	switch (in->op) {
	case BH_IR_ADDR: {
		if (in->nargs < 1 || in->args[0].kind != BH_IR_OPND_VAR)
			return;
		uint32_t v = in->args[0].var;
		const bh_ir_var *var = &fn->vars[v];
		if (c->var_obj[v] || var->kind == BH_IR_VAR_TEMP || var->size == 0)
			return;
		c->var_obj[v] = add_object(c, BH_BND_OBJ_VAR, storage_of_var(var), v, in->id,
					   (int64_t)var->size);
		return;
	}
	case BH_IR_FIELD_ADDR: {
		// Only array members (of more than one element: the front end
		// leaves out the `char data[1]` struct hack).
		if (!in->array_field || in->size <= 1)
			return;
		uint32_t o = add_object(c, BH_BND_OBJ_FIELD, storage_of_field(c, in), UINT32_MAX,
					in->id, in->size);
		if (o)
			c->objs[o - 1].by = in->name;
		c->site_obj[in->id] = o;
		return;
	}
	case BH_IR_CALL: {
		if (in->callee.kind != BH_IR_OPND_FUNC || in->dst.kind != BH_IR_OPND_VAR)
			return;
		const bh_bnd_model *m = bh_bnd_model_find(in->callee.str);
		bool alloc = m && (m->kind == BH_BND_M_ALLOC || m->kind == BH_BND_M_STRDUP);
		bool stack = alloc && strstr(in->callee.str, "alloca") != NULL;
		// A program function is an allocation site when it returns a
		// fresh block (an allocation wrapper).
		if (!alloc && !bh_bnd_returns_fresh(c, in))
			return;
		uint32_t o = add_object(c, alloc ? BH_BND_OBJ_ALLOC : BH_BND_OBJ_RESULT,
					stack ? BH_BND_STACK : BH_BND_HEAP, UINT32_MAX, in->id, -1);
		// `alloca` is `__builtin_alloca` once glibc's header has expanded
		// it: messages name what the user wrote.
		if (o)
			c->objs[o - 1].by = strncmp(in->callee.str, "__builtin_", 10) == 0 ? in->callee.str + 10
											     : in->callee.str;
		c->site_obj[in->id] = o;
		return;
	}
	case BH_IR_ASSIGN:
		// `char buf[] = "..."` initialises the array: no literal object.
		if (in->dst.kind == BH_IR_OPND_VAR && (fn->vars[in->dst.var].flags & BH_IR_VAR_ARRAY))
			return;
		if (in->nargs == 1 && in->args[0].kind == BH_IR_OPND_STR && in->args[0].str) {
			uint32_t o = add_object(c, BH_BND_OBJ_LITERAL, BH_BND_LITERAL, UINT32_MAX,
						in->id, (int64_t)in->args[0].len + 1);
			c->site_obj[in->id] = o;
		}
		return;
	default:
		return;
	}
}


void bh_bnd_find_objects(bh_bnd_fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->objs = bh_arena_alloc(c->arena, BH_BND_MAX_OBJECTS * sizeof(*c->objs));
	c->var_obj = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(*c->var_obj));
	memset(c->var_obj, 0, (fn->nvars + 1) * sizeof(*c->var_obj));
	c->site_obj = bh_arena_alloc(c->arena, (fn->ninstrs + 1) * sizeof(*c->site_obj));
	memset(c->site_obj, 0, (fn->ninstrs + 1) * sizeof(*c->site_obj));
	c->nobjs = 0;
	c->fn_value = bh_flow_function_values(c->arena, fn, NULL);
	// What the caller passed comes first: it is what the context is for.
	for (uint32_t v = 0; c->ctx && v < fn->nvars; v++) {
		const bh_bnd_arg *a = bh_bnd_ctx_arg(c, v);
		if (!a || !a->known || !a->pointer || (fn->vars[v].flags & BH_IR_VAR_ARRAY))
			continue;
		uint32_t o = add_object(c, BH_BND_OBJ_PARAM, a->storage, v, UINT32_MAX, -1);
		if (o) {
			c->objs[o - 1].origin = a->origin;
			c->objs[o - 1].origin_text = a->text;
		}
		c->var_obj[v] = o;
	}
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		// An array parameter is a pointer in C; a declared `extern char
		// buf[];` has no size.
		if (!(var->flags & BH_IR_VAR_ARRAY) || var->kind == BH_IR_VAR_PARAM || var->size == 0)
			continue;
		// A va_list is an array type on x86-64, but no buffer.
		if (var->type && strstr(var->type, "va_list"))
			continue;
		c->var_obj[v] = add_object(c, BH_BND_OBJ_ARRAY, storage_of_var(var), v, UINT32_MAX,
					   (int64_t)var->size);
	}
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++)
			note_instr(c, &fn->blocks[b].instrs[i]);
}

const bh_bnd_arg *bh_bnd_ctx_arg(const bh_bnd_fctx *c, uint32_t var)
{
	if (!c->ctx)
		return NULL;
	if (var < c->fn->nparams)
		return var < BH_BND_MAX_PARAMS ? &c->ctx->arg[var] : NULL;
	for (uint32_t i = 0; i < c->ctx->nglobals; i++)
		if (c->ctx->gvar[i] == var)
			return &c->ctx->garg[i];
	return NULL;
}

const char *bh_bnd_object_text(const bh_bnd_fctx *c, uint32_t obj)
{
	bh_arena *a = c->prog->arena;
	if (obj == 0 || obj > c->nobjs)
		return "memory";
	const bh_bnd_object *o = &c->objs[obj - 1];
	const bh_ir_func *fn = c->fn;
	const char *name = o->var < fn->nvars ? fn->vars[o->var].name : "?";
	const bh_ir_instr *site = o->site != UINT32_MAX ? bh_ir_instr_at(fn, o->site) : NULL;
	unsigned line = site ? site->loc.line : 0;
	switch (o->kind) {
	case BH_BND_OBJ_ARRAY:
		return bh_arena_sprintf(a, "%s array '%s'",
					fn->vars[o->var].kind == BH_IR_VAR_GLOBAL ? "global"
					: fn->vars[o->var].kind == BH_IR_VAR_STATIC ? "static"
										 : "local",
					name);
	case BH_BND_OBJ_VAR:
		return bh_arena_sprintf(a, "variable '%s'", name);
	case BH_BND_OBJ_FIELD: {
		const char *base = site && site->nargs ? bh_ir_operand_text(fn, site, &site->args[0], a)
						       : NULL;
		if (base)
			return bh_arena_sprintf(a, "field '%s%s%s'", base, site->arrow ? "->" : ".",
						o->by ? o->by : "?");
		return bh_arena_sprintf(a, "field '%s'", o->by ? o->by : "?");
	}
	case BH_BND_OBJ_ALLOC:
		return bh_arena_sprintf(a, "the block %s() allocated at line %u", o->by ? o->by : "?",
					line);
	case BH_BND_OBJ_RESULT:
		return bh_arena_sprintf(a, "the block %s() returned at line %u", o->by ? o->by : "?",
					line);
	case BH_BND_OBJ_LITERAL:
		return "a string literal";
	case BH_BND_OBJ_PARAM:
		return bh_arena_sprintf(a, "%s passed as '%s'", o->origin_text ? o->origin_text : "memory",
					name);
	}
	return "memory";
}

// ----------------------------------------------------------------- slots

static uint32_t find_slot(const bh_bnd_fctx *c, uint32_t var, const char *field, bool arrow)
{
	for (uint32_t i = 0; i < c->nslots; i++)
		if (c->slot_var[i] == var && c->slot_arrow[i] == arrow && strcmp(c->slot_field[i], field) == 0)
			return i;
	return UINT32_MAX;
}

uint32_t bh_bnd_slot_of(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	if ((in->op != BH_IR_FIELD && in->op != BH_IR_FIELD_STORE) || !in->nargs || !in->name ||
	    in->args[0].kind != BH_IR_OPND_VAR)
		return UINT32_MAX;
	uint32_t s = find_slot(c, in->args[0].var, in->name, in->arrow);
	return s == UINT32_MAX ? UINT32_MAX : c->ntracked + s;
}

void bh_bnd_find_slots(bh_bnd_fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->slot_var = bh_arena_alloc(c->arena, BH_BND_MAX_SLOTS * sizeof(*c->slot_var));
	c->slot_field = bh_arena_alloc(c->arena, BH_BND_MAX_SLOTS * sizeof(*c->slot_field));
	c->slot_arrow = bh_arena_alloc(c->arena, BH_BND_MAX_SLOTS * sizeof(*c->slot_arrow));
	c->nslots = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if ((in->op != BH_IR_FIELD && in->op != BH_IR_FIELD_STORE) || !in->nargs ||
			    !in->name || in->args[0].kind != BH_IR_OPND_VAR)
				continue;
			uint32_t v = in->args[0].var;
			// A base that is a temporary changes with every use: no slot.
			if (fn->vars[v].kind == BH_IR_VAR_TEMP || c->nslots >= BH_BND_MAX_SLOTS ||
			    find_slot(c, v, in->name, in->arrow) != UINT32_MAX)
				continue;
			c->slot_var[c->nslots] = v;
			c->slot_field[c->nslots] = in->name;
			c->slot_arrow[c->nslots] = in->arrow;
			c->nslots++;
		}
	c->nvals = c->ntracked + c->nslots;
}
