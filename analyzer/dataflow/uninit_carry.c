// SPDX-License-Identifier: MIT
// Values that reach a callee through memory rather than as arguments,
// for the uninitialised-read check: an unset scalar copied into a global,
// into an element of an array that is then passed, or left in a local
// whose address is passed (`sink(&data)`). Copying an unset value is no
// read (clang's core.uninitialized.Assign would say otherwise, but the
// callee may well overwrite it first); the read that counts is the
// callee's, so it is reported there.
//
// This file numbers the locations involved and fills the per-variable
// table bh_uninit__xvar; uninit_func.c steps them:
//   caller side: GCOPY (a global holds a copied unset value), ECOPY (an
//   element of a local array does), and the temporaries that hold `&v`
//   for the one call they are passed to;
//   callee side (summaries): PDEREF (what a pointer parameter points
//   to), PGLOBAL (a global), both as the caller left them, and CARRY (a
//   scalar local that holds one of those values, or a parameter's, so
//   that `data = *p; data = 5; use(data)` reads nothing of the caller's);
//   inside one function: a pointer local that only ever points to one
//   scalar local, and is only loaded and stored through, stands for it
//   (`int *p1 = &data; *p1 = x; y = *p1;`).
//
// Requires: bh_uninit__prepare's locations. Provides: c->xv.
#include <stdlib.h>
#include <string.h>

#include "dataflow/uninit_internal.h"

static uint32_t add(bh_uninit__fctx *c, uint32_t cap, uint8_t kind, uint32_t var)
{
	bh_assert(c->nlocs < cap);
	(void)cap;
	c->locs[c->nlocs] = (bh_uninit__loc){ kind, var, NULL };
	return c->nlocs++;
}

static bool is_scalar_local(const bh_uninit__fctx *c, const bh_ir_opnd *o)
{
	return o->kind == BH_IR_OPND_VAR && c->var_first[o->var] != BH_UNINIT__NONE &&
	       c->locs[c->var_first[o->var]].kind == BH_UNINIT__SCALAR;
}

// A pointer parameter (`int *p`, `void *p`, `int a[]`) that nothing
// assigns or takes the address of.
static bool is_pointer_param(const bh_ir_var *v)
{
	return v->kind == BH_IR_VAR_PARAM && (v->flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY)) &&
	       !(v->flags & (BH_IR_VAR_RECORD | BH_IR_VAR_ADDRESSED));
}

// A global scalar (no array, struct or constant).
static bool is_global_scalar(const bh_ir_var *v)
{
	return bh_ir_var_is_global(v) &&
	       !(v->flags & (BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD | BH_IR_VAR_CONST));
}

static bool is_local_array(const bh_uninit__fctx *c, uint32_t v)
{
	return c->var_first[v] != BH_UNINIT__NONE && c->locs[c->var_first[v]].kind == BH_UNINIT__ARRAY;
}

// Per variable: the one value every assignment gives it (`q = p`, `q =
// &v`); NONE when none, two different ones, or another kind of write.
typedef struct {
	uint32_t *copies;      // the variable copied, or NONE
	uint32_t *addrs;       // the variable whose address, or NONE
	bool *other;           // some other write, or a conflict
	uint32_t *uses;        // operand uses
	const bh_ir_instr **use_at; // the last instruction using it
	bool *plain;           // used only as the pointer of loads and stores
} var_facts;

static void note_def(var_facts *vf, const bh_ir_instr *in)
{
	uint32_t d = in->dst.var;
	if (in->op == BH_IR_ASSIGN && in->args[0].kind == BH_IR_OPND_VAR) {
		uint32_t s = in->args[0].var;
		if (vf->copies[d] != BH_UNINIT__NONE && vf->copies[d] != s)
			vf->other[d] = true;
		vf->copies[d] = s;
	} else if (in->op == BH_IR_ADDR && in->args[0].kind == BH_IR_OPND_VAR) {
		uint32_t s = in->args[0].var;
		if (vf->addrs[d] != BH_UNINIT__NONE && vf->addrs[d] != s)
			vf->other[d] = true;
		vf->addrs[d] = s;
	} else {
		vf->other[d] = true;
	}
}

static void note_uses(var_facts *vf, const bh_ir_instr *in)
{
	for (uint32_t j = 0; j < in->nargs; j++) {
		if (in->args[j].kind != BH_IR_OPND_VAR)
			continue;
		uint32_t v = in->args[j].var;
		vf->uses[v]++;
		vf->use_at[v] = in;
		bool base = j == 0 && (in->op == BH_IR_LOAD || in->op == BH_IR_STORE);
		if (!base)
			vf->plain[v] = false;
	}
	if (in->callee.kind == BH_IR_OPND_VAR) {
		vf->uses[in->callee.var]++;
		vf->plain[in->callee.var] = false;
	}
}

static void gather_vars(const bh_uninit__fctx *c, var_facts *vf)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t v = 0; v < fn->nvars; v++) {
		vf->copies[v] = vf->addrs[v] = BH_UNINIT__NONE;
		vf->plain[v] = true;
	}
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind == BH_IR_OPND_VAR)
				note_def(vf, in);
			note_uses(vf, in);
		}
}

// The pointer locals that copy one pointer parameter, the ones that point
// to one scalar local, and the temporaries that hold `&v` for one call.
static void find_aliases(bh_uninit__fctx *c, const var_facts *vf)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		bh_uninit__xvar *x = &c->xv[v];
		if (vf->other[v] || var->kind == BH_IR_VAR_PARAM || (var->flags & BH_IR_VAR_ADDRESSED))
			continue;
		uint32_t s = vf->copies[v], a = vf->addrs[v];
		if (var->kind == BH_IR_VAR_LOCAL && s != BH_UNINIT__NONE && a == BH_UNINIT__NONE &&
		    is_pointer_param(&fn->vars[s]))
			x->alias = s;
		if (s != BH_UNINIT__NONE || a == BH_UNINIT__NONE)
			continue;
		bh_ir_opnd o = { .kind = BH_IR_OPND_VAR, .var = a };
		if (!is_scalar_local(c, &o))
			continue;
		if (var->kind == BH_IR_VAR_LOCAL && (var->flags & BH_IR_VAR_POINTER) && vf->plain[v] &&
		    vf->uses[v]) {
			x->points_to = a;
			x->target = o;
		} else if (var->kind == BH_IR_VAR_TEMP && vf->uses[v] == 1 &&
			   vf->use_at[v]->op == BH_IR_CALL) {
			x->addr_of = a;
		}
	}
}

// Is variable `p` (a pointer parameter or an alias of one) read through?
static void mark_derefs(const bh_uninit__fctx *c, bool *deref)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if ((in->op != BH_IR_LOAD && in->op != BH_IR_INDEX) ||
			    in->args[0].kind != BH_IR_OPND_VAR)
				continue;
			uint32_t p = in->args[0].var;
			if (c->xv[p].alias != BH_UNINIT__NONE)
				p = c->xv[p].alias;
			if (is_pointer_param(&fn->vars[p]))
				deref[p] = true;
		}
}

uint32_t bh_uninit__carried_source(const bh_uninit__fctx *c, const bh_ir_instr *in,
				    const char **field)
{
	const bh_ir_opnd *s = in->nargs ? &in->args[0] : NULL;
	*field = NULL;
	if (!s || s->kind != BH_IR_OPND_VAR)
		return BH_UNINIT__NONE;
	uint32_t first = c->var_first[s->var];
	switch (in->op) {
	case BH_IR_ASSIGN:
		if (first != BH_UNINIT__NONE && c->locs[first].kind == BH_UNINIT__PSCALAR)
			return first;
		return c->xv[s->var].caller != BH_UNINIT__NONE &&
				       c->locs[c->xv[s->var].caller].kind == BH_UNINIT__PGLOBAL
			       ? c->xv[s->var].caller
			       : BH_UNINIT__NONE;
	case BH_IR_LOAD:
	case BH_IR_INDEX:
		*field = BH_UNINIT__DEREF;
		return bh_uninit__deref_loc(c, s);
	case BH_IR_FIELD: {
		if (in->arrow || first == BH_UNINIT__NONE)
			return BH_UNINIT__NONE;
		uint8_t k = c->locs[first].kind;
		if (k != BH_UNINIT__PREST && k != BH_UNINIT__PFIELD)
			return BH_UNINIT__NONE;
		*field = in->name;
		return bh_uninit__field_loc(c, s->var, in->name);
	}
	default:
		return BH_UNINIT__NONE;
	}
}

// The scalar locals that hold one caller's value, and only ever that one.
static void find_carriers(bh_uninit__fctx *c, uint32_t cap)
{
	const bh_ir_func *fn = c->fn;
	bool *conflict = bh_xcalloc(fn->nvars + 1, sizeof(*conflict));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (!is_scalar_local(c, &in->dst))
				continue;
			const char *field;
			uint32_t src = bh_uninit__carried_source(c, in, &field);
			bh_uninit__xvar *x = &c->xv[in->dst.var];
			if (src == BH_UNINIT__NONE)
				continue;
			if (x->from != BH_UNINIT__NONE &&
			    (x->from != src || (x->field != field && (!x->field || !field ||
								      strcmp(x->field, field) != 0))))
				conflict[in->dst.var] = true;
			x->from = src;
			x->field = field;
		}
	for (uint32_t v = 0; v < fn->nvars; v++) {
		if (c->xv[v].from == BH_UNINIT__NONE)
			continue;
		if (conflict[v])
			c->xv[v].from = BH_UNINIT__NONE;
		else
			c->xv[v].copy = add(c, cap, BH_UNINIT__CARRY, v);
	}
	free(conflict);
}

// The globals and local arrays an unset scalar local may be copied into.
static void find_copies(bh_uninit__fctx *c, uint32_t cap)
{
	const bh_ir_func *fn = c->fn;
	bool *into = bh_xcalloc(fn->nvars + 1, sizeof(*into));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op == BH_IR_ASSIGN && in->dst.kind == BH_IR_OPND_VAR &&
			    is_global_scalar(&fn->vars[in->dst.var]) && is_scalar_local(c, &in->args[0]))
				into[in->dst.var] = true;
			if (in->op == BH_IR_INDEX_STORE && in->nargs > 2 &&
			    in->args[0].kind == BH_IR_OPND_VAR && is_local_array(c, in->args[0].var) &&
			    is_scalar_local(c, &in->args[2]))
				into[in->args[0].var] = true;
		}
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (into[v])
			c->xv[v].copy = add(c, cap, is_local_array(c, v) ? BH_UNINIT__ECOPY
									 : BH_UNINIT__GCOPY, v);
	free(into);
}

void bh_uninit__prepare_carry(bh_uninit__fctx *c, uint32_t cap)
{
	const bh_ir_func *fn = c->fn;
	uint32_t nv = fn->nvars ? fn->nvars : 1;
	c->xv = bh_arena_alloc(c->arena, nv * sizeof(*c->xv));
	for (uint32_t v = 0; v < nv; v++)
		c->xv[v] = (bh_uninit__xvar){ .caller = BH_UNINIT__NONE, .copy = BH_UNINIT__NONE,
					      .from = BH_UNINIT__NONE, .alias = BH_UNINIT__NONE,
					      .addr_of = BH_UNINIT__NONE,
					      .points_to = BH_UNINIT__NONE };
	var_facts vf = {
		.copies = bh_xcalloc(nv, sizeof(uint32_t)),
		.addrs = bh_xcalloc(nv, sizeof(uint32_t)),
		.other = bh_xcalloc(nv, sizeof(bool)),
		.uses = bh_xcalloc(nv, sizeof(uint32_t)),
		.use_at = bh_xcalloc(nv, sizeof(*vf.use_at)),
		.plain = bh_xcalloc(nv, sizeof(bool)),
	};
	gather_vars(c, &vf);
	find_aliases(c, &vf);
	bool *deref = bh_xcalloc(nv, sizeof(*deref));
	mark_derefs(c, deref);
	for (uint32_t v = 0; v < fn->nvars; v++) {
		if (deref[v])
			c->xv[v].caller = add(c, cap, BH_UNINIT__PDEREF, v);
		else if (is_global_scalar(&fn->vars[v]) && vf.uses[v])
			c->xv[v].caller = add(c, cap, BH_UNINIT__PGLOBAL, v);
	}
	find_carriers(c, cap);
	find_copies(c, cap);
	free(deref);
	free(vf.copies);
	free(vf.addrs);
	free(vf.other);
	free(vf.uses);
	free(vf.use_at);
	free(vf.plain);
}

uint32_t bh_uninit__deref_loc(const bh_uninit__fctx *c, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return BH_UNINIT__NONE;
	uint32_t p = o->var;
	if (c->xv[p].alias != BH_UNINIT__NONE)
		p = c->xv[p].alias;
	uint32_t l = c->xv[p].caller;
	return l != BH_UNINIT__NONE && c->locs[l].kind == BH_UNINIT__PDEREF ? l : BH_UNINIT__NONE;
}

bool bh_uninit__reads_pointee(const bh_uninit__summary *sum, uint32_t j, bh_loc *at)
{
	if (!sum || !sum->analysed || j >= sum->nparams)
		return false;
	for (uint32_t k = 0; k < sum->nparam_reads[j]; k++) {
		const bh_uninit__field_fact *ff = &sum->param_reads[j][k];
		if (ff->field && strcmp(ff->field, BH_UNINIT__DEREF) == 0 && ff->at.line) {
			*at = ff->at;
			return true;
		}
	}
	return false;
}
