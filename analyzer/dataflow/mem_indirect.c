// SPDX-License-Identifier: MIT
// Where a summary's indirect effects (bh_mem__ind) land in the caller: the
// memory a callee reaches other than through an argument's value. `*pp`
// is the local whose address the call passes, a global is the caller's
// view of it, and an element of an array or a field of a struct passed by
// value is the operand the caller's block stored there before the call
// (`dataArray[2] = data; sink(dataArray);`): the callee's release or
// dereference applies to it.
//
// Requires: the caller's objects (mem_prepass.c). Provides:
// bh_mem__indirect_operand for mem_func.c's calls.
#include <string.h>

#include "dataflow/mem_func_internal.h"

// Is `x` the store `base[e->index] = v` (or `base.field = v`)?
static bool stores_part(const bh_ir_instr *x, uint32_t base, const bh_mem__ind *e)
{
	if (!x->nargs || x->args[0].kind != BH_IR_OPND_VAR || x->args[0].var != base)
		return false;
	if (e->kind == BH_MEM__OBJ_PFIELD)
		return x->op == BH_IR_FIELD_STORE && !x->arrow && x->name && strcmp(x->name, e->field) == 0;
	return x->op == BH_IR_INDEX_STORE && x->args[1].kind == BH_IR_OPND_INT && x->args[1].ival == e->index;
}

// Does `x` store into another element or field of `base` than `e`'s
// (`argv[2] = NULL` after `argv[1] = arg`)?
static bool stores_other_part(const bh_ir_instr *x, uint32_t base, const bh_mem__ind *e)
{
	if (!x->nargs || x->args[0].kind != BH_IR_OPND_VAR || x->args[0].var != base)
		return false;
	if (e->kind == BH_MEM__OBJ_PFIELD)
		return x->op == BH_IR_FIELD_STORE && !x->arrow && x->name && strcmp(x->name, e->field) != 0;
	return x->op == BH_IR_INDEX_STORE && x->args[1].kind == BH_IR_OPND_INT && x->args[1].ival != e->index;
}

// Does `x` write what the search in stored_before_call follows: the
// whole of `base` or the part `e` of it, the operand it found, or memory
// through a pointer or in a call, which may be either?
static bool spoils_store(const bh_ir_instr *x, uint32_t base, const bh_mem__ind *e, const bh_ir_opnd *found)
{
	if (x->dst.kind == BH_IR_OPND_VAR &&
	    (x->dst.var == base || (found->kind == BH_IR_OPND_VAR && x->dst.var == found->var)))
		return true;
	if (stores_other_part(x, base, e))
		return false;
	return x->op == BH_IR_STORE || x->op == BH_IR_CALL || x->op == BH_IR_OPAQUE ||
	       (x->op == BH_IR_FIELD_STORE && x->arrow) ||
	       ((x->op == BH_IR_INDEX_STORE || x->op == BH_IR_FIELD_STORE) &&
		(x->args[0].kind != BH_IR_OPND_VAR || x->args[0].var == base ||
		 (found->kind == BH_IR_OPND_VAR && x->args[0].var == found->var)));
}

// What the call's block stored in element `index` (or field `field`) of
// the local `base` before the call, when neither it nor the operand stored
// changed since (`dataArray[2] = data; sink(dataArray);`): that operand.
static bool stored_before_call(const bh_mem__fctx *c, const bh_ir_instr *call, uint32_t base,
			       const bh_mem__ind *e, bh_ir_opnd *out)
{
	const bh_ir_block *b = &c->fn->blocks[call->block];
	bool found = false;
	for (uint32_t i = 0; i < b->ninstrs && &b->instrs[i] != call; i++) {
		const bh_ir_instr *x = &b->instrs[i];
		if (stores_part(x, base, e)) {
			*out = x->args[x->op == BH_IR_FIELD_STORE ? 1 : 2];
			found = true;
		} else if (found && spoils_store(x, base, e, out)) {
			found = false;
		}
	}
	return found;
}

// The caller's variable an indirect effect reaches: `data` for the
// callee's `*p` when the call passes `&data`, the caller's name for the
// global, what the caller stored in the element or field the callee reads.
bool bh_mem__indirect_operand(const bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_mem__ind *e,
			      bh_ir_opnd *out)
{
	if (e->kind == BH_MEM__OBJ_PELEM || e->kind == BH_MEM__OBJ_PFIELD) {
		const bh_ir_opnd *a = e->param < in->nargs ? &in->args[e->param] : NULL;
		if (!a || a->kind != BH_IR_OPND_VAR || a->var >= c->fn->nvars ||
		    c->fn->vars[a->var].kind != BH_IR_VAR_LOCAL ||
		    !(c->fn->vars[a->var].flags & (e->kind == BH_MEM__OBJ_PFIELD ? BH_IR_VAR_RECORD : BH_IR_VAR_ARRAY)))
			return false;
		return stored_before_call(c, in, a->var, e, out);
	}
	if (e->kind == BH_MEM__OBJ_PDEREF) {
		if (e->param >= in->nargs)
			return false;
		bh_mem__val v = bh_mem__read(c, f, in, &in->args[e->param]);
		if (!v.obj || c->objs[v.obj].kind != BH_MEM__OBJ_LOCAL || (v.flags & BH_MEM__OFFSET) ||
		    !(c->fn->vars[c->objs[v.obj].var].flags & BH_IR_VAR_POINTER))
			return false;
		*out = bh_ir_var_opnd(c->objs[v.obj].var);
		return true;
	}
	uint32_t u = bh_callgraph_global_var(c->fn, e->global);
	if (u == UINT32_MAX)
		return false;
	*out = bh_ir_var_opnd(u);
	return true;
}
