// SPDX-License-Identifier: MIT
// Findings of the memory checkers: one per rule and place, with the path
// that explains it (where the block was allocated, released, where the
// NULL came from) as flow steps, and names for what is involved.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dataflow/mem_func_internal.h"

const char *bh_mem__operand_name(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	const char *name = bh_ir_operand_text(c->fn, in, o, c->prog->arena);
	if (name || o->kind != BH_IR_OPND_VAR)
		return name;
	// A call's result used at once: `strlen(getenv("HOME"))`.
	const bh_ir_instr *d = bh_ir_def_before(c->fn, in, o->var);
	if (d && d->op == BH_IR_CALL && d->callee.kind == BH_IR_OPND_FUNC && d->callee.str)
		return bh_arena_sprintf(c->prog->arena, "%s()", d->callee.str);
	// A member's address: `kind_of(&d->base)`.
	const char *base = d && d->op == BH_IR_FIELD_ADDR && d->name
				   ? bh_ir_operand_text(c->fn, d, &d->args[0], c->prog->arena) : NULL;
	if (base)
		return bh_arena_sprintf(c->prog->arena, "&%s%s%s", base, d->arrow ? "->" : ".", d->name);
	return NULL;
}

bh_loc bh_mem__instr_loc(const bh_mem__fctx *c, uint32_t id)
{
	const bh_ir_instr *in = bh_ir_instr_at(c->fn, id);
	if (in)
		return in->loc;
	return c->fn->loc;
}

const char *bh_mem__object_text(const bh_mem__fctx *c, uint32_t obj)
{
	const bh_mem__object *o = &c->objs[obj];
	const char *name = o->var < c->fn->nvars ? c->fn->vars[o->var].name : "?";
	switch (o->kind) {
	case BH_MEM__OBJ_PARAM:
		return bh_arena_sprintf(c->prog->arena, "what parameter '%s' points to", name);
	case BH_MEM__OBJ_BLOCK:
		return bh_arena_sprintf(c->prog->arena, "the %s from %s() at line %u",
					o->family == BH_MEM_FAMILY_STREAM || o->family == BH_MEM_FAMILY_PIPE
						? "stream"
					: o->family == BH_MEM_FAMILY_DIR ? "directory handle"
					: o->family == BH_MEM_FAMILY_MAP ? "mapping"
					: o->family == BH_MEM_FAMILY_FD ? "file descriptor"
					: o->family == BH_MEM_FAMILY_STACK ? "stack block"
									    : "memory",
					o->by ? o->by : "?", bh_mem__instr_loc(c, o->site).line);
	case BH_MEM__OBJ_LOCAL:
		return bh_arena_sprintf(c->prog->arena, "local %s '%s'",
					(c->fn->vars[o->var].flags & BH_IR_VAR_ARRAY) ? "array" : "variable",
					name);
	case BH_MEM__OBJ_FIELD:
		return bh_arena_sprintf(c->prog->arena, "what '%s->%s' points to",
					c->fn->vars[c->slot_base[o->var]].name, c->slot_field[o->var]);
	case BH_MEM__OBJ_GLOBAL:
		if (o->var == UINT32_MAX)
			return bh_arena_sprintf(c->prog->arena, "the static memory %s() returns",
						o->by ? o->by : "?");
		return bh_arena_sprintf(c->prog->arena, "%s '%s'",
					c->fn->vars[o->var].kind == BH_IR_VAR_STATIC ? "static variable"
										      : "global variable",
					name);
	case BH_MEM__OBJ_LITERAL:
		return "a string literal";
	case BH_MEM__OBJ_RELEASED:
		// (What a program function released and then returned.)
		return o->by ? bh_arena_sprintf(c->prog->arena, "the block %s() released and returned", o->by)
			     : "the memory";
	default:
		return "memory";
	}
}

static bool is_known(const bh_loc *l)
{
	return l && l->path && l->line;
}

bh_loc bh_mem__where(const bh_mem__fctx *c, const bh_ir_instr *in)
{
	return is_known(c->inside) ? *c->inside : in->loc;
}

static const char *function_at(const bh_mem__fctx *c, const bh_loc *loc)
{
	const bh_ir_func *fn = bh_callgraph_function_at(c->prog->graph, loc);
	return fn ? fn->name : c->inside_callee; // (inside a summary read from a file)
}

void bh_mem__report(bh_mem__fctx *c, const bh_rule *rule, const bh_ir_instr *in,
		    const char *snippet, const bh_finding_step *steps, size_t nsteps,
		    const char *last, const char *fmt, ...)
{
	if (!c->reporting)
		return;
	// Done inside a callee: reported where it is done, like the flaw a
	// debugger stops at, with the call on the way there.
	// (Summaries of code outside the context have no locations.)
	bool inside = is_known(c->inside);
	const char *where_fn = inside ? function_at(c, c->inside) : NULL;
	bh_loc at = inside ? *c->inside : in->loc;
	bh_findings *out = c->out;
	if (bh_findings_find(out, rule, &at, snippet))
		return; // one finding per rule, place and value
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	bh_finding *fd = bh_finding_add(out, rule, at, "%s", message);
	fd->function = bh_arena_strdup(out->arena, inside ? where_fn : c->fn->name);
	fd->snippet = snippet ? bh_arena_strdup(out->arena, snippet) : NULL;
	for (size_t i = 0; i < nsteps; i++)
		bh_finding_add_flow(out, fd, steps[i].loc, steps[i].message);
	if (inside)
		bh_finding_add_flow(out, fd, in->loc,
				    bh_arena_sprintf(out->arena, "passed to %s() here, in %s()",
						     c->inside_callee ? c->inside_callee : "?", c->fn->name));
	bh_finding_add_flow(out, fd, at, last);
}
