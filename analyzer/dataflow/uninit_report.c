// SPDX-License-Identifier: MIT
// Findings of the uninitialised-read check: the message names what is
// read and where it came from (its declaration, the malloc() or the call
// that returned it unset), and the flow retraces the witness path: where
// the location became uninitialised, the branch that skipped its write,
// the read.
#include <stdio.h>
#include <string.h>

#include "dataflow/uninit_internal.h"

// A variable's name as written: the IR tells shadowing variables apart
// with a ".N" suffix, which '.' cannot start in C.
static const char *source_name(const bh_uninit__fctx *c, uint32_t v)
{
	const char *name = c->fn->vars[v].name;
	const char *dot = strchr(name, '.');
	return dot ? bh_arena_strndup(c->prog->arena, name, (size_t)(dot - name)) : name;
}

const char *bh_uninit__loc_text(const bh_uninit__fctx *c, uint32_t loc, const char *field)
{
	const bh_uninit__loc *l = &c->locs[loc];
	const char *name = source_name(c, l->var);
	const char *f = l->field ? l->field : field;
	switch (l->kind) {
	case BH_UNINIT__HEAP:
		return bh_arena_sprintf(c->prog->arena, "%s->%s", name, f);
	case BH_UNINIT__WHOLE:
		// A union read through a member: name the member.
		return f ? bh_arena_sprintf(c->prog->arena, "%s.%s", name, f) : name;
	case BH_UNINIT__ECOPY:
		return bh_arena_sprintf(c->prog->arena, "%s[...]", name);
	case BH_UNINIT__FIELD:
	case BH_UNINIT__PFIELD:
	case BH_UNINIT__REST:
	case BH_UNINIT__PREST:
		return f ? bh_arena_sprintf(c->prog->arena, "%s.%s", name, f) : name;
	default:
		return name;
	}
}

static bh_loc decl_loc(const bh_uninit__fctx *c, uint32_t v)
{
	const bh_ir_var *var = &c->fn->vars[v];
	return var->loc.line ? var->loc : c->fn->loc;
}

// The return of a summarised function that leaves field `field` unset
// (NULL: one of the fields without a slot), or line 0.
static bh_loc ret_loc(const bh_uninit__summary *sum, const char *field)
{
	bh_loc none = { 0 };
	if (!sum || !sum->ret_known)
		return none;
	for (uint32_t i = 0; field && i < sum->nret_fields; i++)
		if (strcmp(sum->ret_fields[i].field, field) == 0)
			return sum->ret_fields[i].unset ? sum->ret_fields[i].at : none;
	return sum->ret_rest_unset ? sum->ret_rest_at : none;
}

// Is `in` a copy of a scalar local's value (uninit_func.c), or `x = s.f`
// from a local struct? Then y or s in `*from`.
static bool scalar_copy(const bh_uninit__fctx *c, const bh_ir_instr *in, uint32_t *from)
{
	const bh_ir_opnd *to;
	const bh_ir_opnd *src = bh_uninit__copy_of(c, in, &to);
	if (!src || src->kind != BH_IR_OPND_VAR || c->var_first[src->var] == BH_UNINIT__NONE)
		return false;
	uint8_t kind = c->locs[c->var_first[src->var]].kind;
	if (kind != BH_UNINIT__SCALAR && !(in->op == BH_IR_FIELD && kind == BH_UNINIT__WHOLE))
		return false;
	*from = src->var;
	return true;
}

// What a copy wrote (`x`, `s.f`) or read from (`y`, `s.f`).
static const char *copy_target(bh_uninit__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_opnd *to;
	bh_uninit__copy_of(c, in, &to);
	if (in->op == BH_IR_FIELD_STORE)
		return bh_arena_sprintf(c->prog->arena, "%s.%s", source_name(c, in->args[0].var), in->name);
	if (in->op == BH_IR_INDEX_STORE)
		return bh_arena_sprintf(c->prog->arena, "%s[...]", source_name(c, to->var));
	return source_name(c, to->var);
}

static const char *copy_source(bh_uninit__fctx *c, const bh_ir_instr *in, uint32_t from)
{
	return in->op == BH_IR_FIELD
		       ? bh_arena_sprintf(c->prog->arena, "%s.%s", source_name(c, from), in->name)
		       : source_name(c, from);
}

// The one instruction that assigns `v`, when it is a scalar copy.
static const bh_ir_instr *sole_copy(const bh_uninit__fctx *c, uint32_t v, uint32_t *from)
{
	const bh_ir_instr *only = NULL;
	for (uint32_t b = 0; b < c->fn->nblocks; b++)
		for (uint32_t i = 0; i < c->fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &c->fn->blocks[b].instrs[i];
			const bh_ir_opnd *d = &in->dst;
			if (in->op == BH_IR_FIELD_STORE || in->op == BH_IR_STORE || in->op == BH_IR_INDEX_STORE)
				bh_uninit__copy_of(c, in, &d);
			if (d->kind != BH_IR_OPND_VAR || d->var != v)
				continue;
			if (only)
				return NULL;
			only = in;
		}
	return only && scalar_copy(c, only, from) ? only : NULL;
}

// `g` copied the unset value of `from`: back along the copies to the
// declaration that never set it (`int dataCopy = data; int data2 =
// dataCopy;`), then each copy in order.
#define MAX_COPIES 8
static const char *copied_from(bh_uninit__fctx *c, const bh_ir_instr *g, uint32_t from, bh_finding *fd)
{
	bh_arena *a = c->prog->arena;
	const bh_ir_instr *copies[MAX_COPIES];
	uint32_t sources[MAX_COPIES];
	size_t n = 0;
	copies[n] = g;
	sources[n++] = from;
	uint32_t w;
	const bh_ir_instr *prev;
	while (n < MAX_COPIES && (prev = sole_copy(c, sources[n - 1], &w)) != NULL && w != sources[n - 1]) {
		copies[n] = prev;
		sources[n++] = w;
	}
	uint32_t v = sources[n - 1];
	bh_finding_add_flow(c->prog->out, fd, decl_loc(c, v),
			    bh_arena_sprintf(a, "'%s' is declared without an initialiser", source_name(c, v)));
	for (size_t k = n; k-- > 0;) {
		const bh_ir_instr *in = copies[k];
		const char *src = copy_source(c, in, sources[k]), *to = copy_target(c, in);
		bh_finding_add_flow(c->prog->out, fd, in->loc,
				    in->op == BH_IR_CALL
					    ? bh_arena_sprintf(a, "'%s' gets back the unset value of '%s' from %s()",
							       to, src, in->callee.str ? in->callee.str : "the callee")
					    : bh_arena_sprintf(a, "'%s' is copied from '%s', unset", to, src));
	}
	return bh_arena_sprintf(a, "'%s' declared at line %u", source_name(c, v), decl_loc(c, v).line);
}

// Where the value came from, for the message's parenthesis, and the flow
// steps that show it.
static const char *origin(bh_uninit__fctx *c, const bh_uninit__cand *cand, uint32_t gen,
			  const char *what, bh_finding *fd)
{
	bh_findings *out = c->prog->out;
	bh_arena *a = c->prog->arena;
	const bh_uninit__loc *l = &c->locs[cand->loc];
	const bh_ir_instr *g = gen == BH_UNINIT__NONE ? NULL : bh_ir_instr_at(c->fn, gen);
	const char *var = source_name(c, l->var);
	if (g && g->op == BH_IR_CALL && l->kind == BH_UNINIT__HEAP) {
		const char *by = g->callee.str ? g->callee.str : "?";
		bh_finding_add_flow(out, fd, g->loc,
				    bh_arena_sprintf(a, "'%s' points to uninitialised memory from %s()",
						     var, by));
		return bh_arena_sprintf(a, "allocated by %s() at line %u", by, g->loc.line);
	}
	uint32_t from;
	if (g && scalar_copy(c, g, &from))
		return copied_from(c, g, from, fd);
	if (g && g->op == BH_IR_CALL) {
		const char *by = NULL;
		const bh_uninit__summary *sum = bh_uninit__callee(c, g, &by, NULL);
		by = by ? by : "the callee";
		bh_loc at = ret_loc(sum, l->field);
		if (at.line)
			bh_finding_add_flow(out, fd, at,
					    bh_arena_sprintf(a, "%s() returns the struct here without setting '%s'",
							     by, l->field ? l->field : "all of it"));
		bh_finding_add_flow(out, fd, g->loc,
				    bh_arena_sprintf(a, "'%s' gets the struct %s() returns, with '%s' unset",
						     var, by, what));
		return bh_arena_sprintf(a, "%s() at line %u returns it unset", by, g->loc.line);
	}
	uint32_t v = l->var;
	if (g && g->op == BH_IR_ASSIGN && g->args[0].kind == BH_IR_OPND_VAR)
		v = g->args[0].var; // a copy: the original is what was never set
	bh_finding_add_flow(out, fd, decl_loc(c, v),
			    bh_arena_sprintf(a, "'%s' is declared without an initialiser",
					     source_name(c, v)));
	if (v != l->var)
		bh_finding_add_flow(out, fd, g->loc,
				    bh_arena_sprintf(a, "'%s' is copied from '%s' with '%s' unset", var,
						     source_name(c, v), what));
	return bh_arena_sprintf(a, "declared at line %u", decl_loc(c, v).line);
}

// The flow step of the branch that skipped the write.
static void branch_step(bh_uninit__fctx *c, const bh_uninit__witness *w, const char *what,
			bh_finding *fd)
{
	const bh_ir_instr *t = bh_ir_block_terminator(&c->fn->blocks[w->branch]);
	bh_arena *a = c->prog->arena;
	const char *how = "this branch";
	if (t->op == BH_IR_BR) {
		how = w->taken == t->target[0] ? "the condition is true here" : "the condition is false here";
	} else if (t->op == BH_IR_SWITCH) {
		how = "the switch takes the default here";
		uint32_t first;
		if (w->taken != t->target[0] && bh_ir_switch_cases_to(t, w->taken, &first))
			how = bh_arena_sprintf(a, "the switch takes case %lld here",
					       (long long)t->cases[first].lo);
	}
	bh_finding_add_flow(c->prog->out, fd, t->loc,
			    bh_arena_sprintf(a, "%s, so '%s' is not written on this path", how, what));
}

// The message of the finding, and its last flow steps (the read).
static const char *describe(bh_uninit__fctx *c, const bh_uninit__cand *cand, const bh_ir_instr *in,
			    const char *what, const char *path, const char *from, bh_finding *fd)
{
	bh_findings *out = c->prog->out;
	bh_arena *a = c->prog->arena;
	const char *whole = source_name(c, c->locs[cand->loc].var);
	const char *callee = cand->callee ? cand->callee : "?";
	switch (cand->how) {
	case BH_UNINIT__READ_ELEM:
		bh_finding_add_flow(out, fd, in->loc, "an element is read here");
		return bh_arena_sprintf(a, "'%s' is read here but none of its elements is "
					   "initialised%s (%s)", what, path, from);
	case BH_UNINIT__READ_WHOLE:
		bh_finding_add_flow(out, fd, in->loc, "the whole struct is read here");
		return bh_arena_sprintf(a, "'%s' is used here but none of its fields is "
					   "initialised%s (%s)", what, path, from);
	case BH_UNINIT__READ_INSIDE:
		if (c->locs[cand->loc].kind == BH_UNINIT__GCOPY) {
			bh_finding_add_flow(out, fd, in->loc,
					    bh_arena_sprintf(a, "%s() is called here, in %s()", callee,
							     c->fn->name));
			bh_finding_add_flow(out, fd, cand->callee_at,
					    bh_arena_sprintf(a, "'%s' is read uninitialised", what));
			return bh_arena_sprintf(a, "'%s' is read in %s() but is not initialised%s (%s)",
						what, callee, path, from);
		}
		bh_finding_add_flow(out, fd, in->loc,
				    bh_arena_sprintf(a, "passed to %s() here, in %s()", callee, c->fn->name));
		bh_finding_add_flow(out, fd, cand->callee_at,
				    bh_arena_sprintf(a, "'%s' is read uninitialised", what));
		return bh_arena_sprintf(a, "'%s' is passed to %s() and read there but is not "
					   "initialised%s (%s)", what, callee, path, from);
	case BH_UNINIT__READ_PASSED:
		bh_finding_add_flow(out, fd, in->loc,
				    bh_arena_sprintf(a, "'%s' is passed by value here", whole));
		if (cand->callee_at.line)
			bh_finding_add_flow(out, fd, cand->callee_at,
					    bh_arena_sprintf(a, "%s() reads '%s'", callee,
							     cand->field ? cand->field : what));
		return bh_arena_sprintf(a, "'%s' is not initialised%s when '%s' is passed to %s(), "
					   "which reads it at line %u (%s)", what, path, whole, callee,
					cand->callee_at.line, from);
	default:
		bh_finding_add_flow(out, fd, in->loc,
				    bh_arena_sprintf(a, "'%s' is read uninitialised", what));
		return bh_arena_sprintf(a, "'%s' is read here but is not initialised%s (%s)", what,
					path, from);
	}
}

void bh_uninit__report(bh_uninit__fctx *c, const bh_uninit__cand *cand,
		       const bh_uninit__witness *w)
{
	bh_findings *out = c->prog->out;
	bh_arena *a = c->prog->arena;
	const bh_ir_instr *in = bh_ir_instr_of(c->fn, cand->instr);
	const bh_rule *rule = bh_rule_get(BH_RULE_C_UNINITIALIZED_READ);
	const char *what = bh_uninit__loc_text(c, cand->loc, cand->field);
	// Read inside a helper of one caller: reported where it reads it.
	bool inside = cand->how == BH_UNINIT__READ_INSIDE ||
		      (cand->how == BH_UNINIT__READ_PASSED && cand->inside && cand->callee_at.line);
	bh_loc at = inside ? cand->callee_at : in->loc;
	if (bh_uninit__already_reported(c->prog, rule, &at, what))
		return; // one finding per place and location
	uint32_t through = 0;
	if (w->branch != BH_UNINIT__NONE)
		through = bh_ir_block_terminator(&c->fn->blocks[w->branch])->loc.line;
	const char *path = through ? bh_arena_sprintf(a, " on the path through line %u", through)
				   : "";
	// The message is built once the origin is known; the finding is
	// added first so that the flow steps can go on it in order.
	bh_finding *fd = bh_finding_add(out, rule, at, "-");
	const bh_ir_func *holder = inside ? bh_callgraph_function_at(c->prog->graph, &at) : c->fn;
	fd->function = bh_arena_strdup(out->arena, holder ? holder->name : cand->callee);
	fd->snippet = bh_arena_strdup(out->arena, what);
	const char *from = origin(c, cand, w->gen, what, fd);
	if (w->branch != BH_UNINIT__NONE)
		branch_step(c, w, what, fd);
	fd->message = bh_arena_strdup(out->arena, describe(c, cand, in, what, path, from, fd));
}
