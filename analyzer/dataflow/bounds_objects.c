// SPDX-License-Identifier: MIT
// The regions of memory one function's pointers can be proved to point
// into, found once before the dataflow: array variables, variables whose
// address is taken, array fields, allocation sites, string literals and,
// in a calling context, what the caller passed. Anything else a pointer
// may hold is "unknown", and accesses through it are not judged.
#include <stdio.h>
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
	o->part = -1;
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
		const bh_bnd_model *m = bh_bnd_model_of(c->prog, in->callee.str);
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
	// Blocks the caller keeps behind or inside an argument (`&data` where
	// data points to a block, a struct of pointers passed by value).
	for (uint32_t i = 0; c->ctx && i < c->ctx->nparts; i++) {
		const bh_bnd_part *pt = &c->ctx->part[i];
		if (!pt->value.known || !pt->value.pointer || pt->param >= fn->nparams)
			continue;
		uint32_t o = add_object(c, BH_BND_OBJ_PARAM, pt->value.storage, pt->param, UINT32_MAX, -1);
		if (!o)
			break;
		bh_bnd_object *ob = &c->objs[o - 1];
		ob->origin = pt->value.origin;
		ob->origin_text = pt->value.text;
		ob->part = (int)i;
		const char *name = fn->vars[pt->param].name;
		bool record = fn->vars[pt->param].flags & BH_IR_VAR_RECORD;
		ob->by = pt->field[0] == '*'   ? bh_arena_sprintf(c->arena, "*%s", name)
			 : pt->field[0] == '[' ? bh_arena_sprintf(c->arena, "%s%s", name, pt->field)
					       : bh_arena_sprintf(c->arena, "%s%s%s", name, record ? "." : "->",
								  pt->field);
		c->part_obj[i] = o;
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

const bh_bnd_arg *bh_bnd_object_arg(const bh_bnd_fctx *c, const bh_bnd_object *ob)
{
	if (ob->part >= 0 && c->ctx && (uint32_t)ob->part < c->ctx->nparts)
		return &c->ctx->part[ob->part].value;
	return bh_bnd_ctx_arg(c, ob->var);
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
					o->part >= 0 && o->by ? o->by : name);
	}
	return "memory";
}

// ----------------------------------------------------------------- slots

uint32_t bh_bnd_find_slot(const bh_bnd_fctx *c, uint32_t var, const char *field, bool arrow)
{
	for (uint32_t i = 0; i < c->nslots; i++)
		if (c->slot_var[i] == var && c->slot_arrow[i] == arrow && strcmp(c->slot_field[i], field) == 0)
			return i;
	return UINT32_MAX;
}

// The slot an instruction reads or writes, as (variable, field, arrow):
// `s.f`, `p->f`, `*p`, `p[2]` and `a[2]` on a variable. `buf` holds the
// field of an element ("[2]"). False for anything else.
static bool slot_key(const bh_bnd_fctx *c, const bh_ir_instr *in, uint32_t *var, const char **field,
		     bool *arrow, char *buf, size_t bufsize)
{
	if (!in->nargs || in->args[0].kind != BH_IR_OPND_VAR)
		return false;
	*var = in->args[0].var;
	const bh_ir_var *v = &c->fn->vars[*var];
	switch (in->op) {
	case BH_IR_FIELD:
	case BH_IR_FIELD_STORE:
		if (!in->name)
			return false;
		*field = in->name;
		*arrow = in->arrow;
		return true;
	case BH_IR_LOAD:
	case BH_IR_STORE:
		if (!(v->flags & BH_IR_VAR_POINTER))
			return false;
		*field = "*";
		*arrow = true;
		return true;
	case BH_IR_INDEX:
	case BH_IR_INDEX_STORE:
		if (in->nargs < 2 || in->args[1].kind != BH_IR_OPND_INT || in->args[1].ival < 0 ||
		    in->args[1].ival > 0xffff || !(v->flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY)))
			return false;
		snprintf(buf, bufsize, "[%d]", (int)in->args[1].ival);
		*field = buf;
		*arrow = !(v->flags & BH_IR_VAR_ARRAY) || v->kind == BH_IR_VAR_PARAM;
		return true;
	default:
		return false;
	}
}

uint32_t bh_bnd_slot_of(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	uint32_t var;
	const char *field;
	bool arrow;
	char buf[16];
	if (!slot_key(c, in, &var, &field, &arrow, buf, sizeof(buf)))
		return UINT32_MAX;
	uint32_t s = bh_bnd_find_slot(c, var, field, arrow);
	return s == UINT32_MAX ? UINT32_MAX : c->ntracked + s;
}

static void add_slot(bh_bnd_fctx *c, uint32_t var, const char *field, bool arrow)
{
	// A base that is a temporary changes with every use: no slot.
	if (c->fn->vars[var].kind == BH_IR_VAR_TEMP || c->nslots >= BH_BND_MAX_SLOTS ||
	    bh_bnd_find_slot(c, var, field, arrow) != UINT32_MAX)
		return;
	c->slot_var[c->nslots] = var;
	c->slot_field[c->nslots] = field;
	c->slot_arrow[c->nslots] = arrow;
	c->nslots++;
}

// `q = p` hands q what p points to: p gets the slots of q, so that a
// value the caller left behind p reaches `*q` (a `void *` parameter cast
// to the pointer the callee reads through).
static void copy_slots_to_sources(bh_bnd_fctx *c)
{
	const bh_ir_func *fn = c->fn;
	for (int round = 0; round < 2; round++)
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
				const bh_ir_instr *in = &fn->blocks[b].instrs[i];
				if (in->op != BH_IR_ASSIGN || in->dst.kind != BH_IR_OPND_VAR || in->nargs != 1 ||
				    in->args[0].kind != BH_IR_OPND_VAR ||
				    !(fn->vars[in->dst.var].flags & BH_IR_VAR_POINTER))
					continue;
				for (uint32_t s = 0, n = c->nslots; s < n; s++)
					if (c->slot_var[s] == in->dst.var && c->slot_arrow[s])
						add_slot(c, in->args[0].var, c->slot_field[s], true);
			}
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
			uint32_t var;
			const char *field;
			bool arrow;
			char buf[16];
			if (!slot_key(c, in, &var, &field, &arrow, buf, sizeof(buf)))
				continue;
			if (field == buf)
				field = bh_arena_strdup(c->arena, buf);
			add_slot(c, var, field, arrow);
		}
	copy_slots_to_sources(c);
	c->nvals = c->ntracked + c->nslots;
	c->var_slotted = bh_arena_alloc(c->arena, fn->nvars + 1); // zeroed
	for (uint32_t s = 0; s < c->nslots; s++)
		c->var_slotted[c->slot_var[s]] = 1;
}
