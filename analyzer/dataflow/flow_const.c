// SPDX-License-Identifier: MIT
// Constants that decide branches (bh_flow_consts), shared by the analyses
// that prune infeasible paths: `if (1)`, `if (MODE == 2)` with a static
// const MODE, a flag set once and tested later, a function that always
// returns 0, also into a status variable assigned elsewhere too when the
// test follows the call in its block (`rc = stub(); if (rc == 0)`).
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/flow.h"

bool bh_flow_const_of(const bh_flow_consts *k, const bh_ir_opnd *o, int64_t *out)
{
	if (o->kind == BH_IR_OPND_INT) {
		*out = o->ival;
		return true;
	}
	if (o->kind == BH_IR_OPND_VAR && k->known[o->var]) {
		*out = k->value[o->var];
		return true;
	}
	return false;
}

bool bh_flow_fold_binop(int op, int64_t a, int64_t b, int64_t *out)
{
	switch (op) {
	case BH_IR_BIN_ADD: *out = (int64_t)((uint64_t)a + (uint64_t)b); return true;
	case BH_IR_BIN_SUB: *out = (int64_t)((uint64_t)a - (uint64_t)b); return true;
	case BH_IR_BIN_MUL: *out = (int64_t)((uint64_t)a * (uint64_t)b); return true;
	case BH_IR_BIN_LT: *out = a < b; return true;
	case BH_IR_BIN_GT: *out = a > b; return true;
	case BH_IR_BIN_LE: *out = a <= b; return true;
	case BH_IR_BIN_GE: *out = a >= b; return true;
	case BH_IR_BIN_EQ: *out = a == b; return true;
	case BH_IR_BIN_NE: *out = a != b; return true;
	case BH_IR_BIN_AND: *out = a & b; return true;
	case BH_IR_BIN_OR: *out = a | b; return true;
	case BH_IR_BIN_XOR: *out = a ^ b; return true;
	default: return false;
	}
}

typedef struct {
	const bh_flow_consts *k;
	const bh_ir_func *fn;
	bool (*call_const)(const bh_ir_instr *, int64_t *, void *);
	void *payload;
} folder;

static bool fold(const folder *fo, const bh_ir_instr *in, int depth, int64_t *r);

// Instructions looked back through for an operand's value in its block.
#define LOCAL_DEPTH 3

// The value of operand `o` at instruction `at`: a constant known for the
// whole function, or, for a local number assigned more than once, what
// its last assignment before `at` in the same block makes (`rc =
// stub(); if (rc == 0)`, the stub always returning 0): nothing else
// changes such a variable in between.
static bool value_at(const folder *fo, const bh_ir_instr *at, const bh_ir_opnd *o, int depth, int64_t *out)
{
	if (bh_flow_const_of(fo->k, o, out))
		return true;
	if (o->kind != BH_IR_OPND_VAR || depth <= 0 || o->var >= fo->fn->nvars)
		return false;
	const bh_ir_var *v = &fo->fn->vars[o->var];
	if (bh_ir_var_is_global(v) || (v->flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)))
		return false;
	const bh_ir_instr *d = bh_ir_def_before(fo->fn, at, o->var);
	return d && fold(fo, d, depth - 1, out);
}

// The constant `in` assigns, if its operands are known.
static bool fold(const folder *fo, const bh_ir_instr *in, int depth, int64_t *r)
{
	int64_t a, x;
	switch (in->op) {
	case BH_IR_ASSIGN:
		return value_at(fo, in, &in->args[0], depth, r);
	case BH_IR_BINOP:
		return value_at(fo, in, &in->args[0], depth, &a) && value_at(fo, in, &in->args[1], depth, &x) &&
		       bh_flow_fold_binop(in->sub, a, x, r);
	case BH_IR_UNOP:
		if (!value_at(fo, in, &in->args[0], depth, &a))
			return false;
		*r = in->sub == BH_IR_UN_LNOT ? !a : in->sub == BH_IR_UN_NEG ? (int64_t)(0 - (uint64_t)a)
		   : in->sub == BH_IR_UN_NOT ? ~a : a;
		return true;
	case BH_IR_CALL:
		return fo->call_const && fo->call_const(in, r, fo->payload);
	default:
		return false;
	}
}

void bh_flow_compute_consts(bh_flow_consts *out, bh_arena *arena, const bh_ir_func *fn,
			    bool (*global_unwritten)(const bh_ir_var *v, void *payload),
			    bool (*call_const)(const bh_ir_instr *call, int64_t *value, void *payload),
			    void *payload)
{
	bh_flow_compute_consts_in(out, arena, fn, global_unwritten, call_const, payload, NULL, NULL);
}

void bh_flow_compute_consts_in(bh_flow_consts *out, bh_arena *arena, const bh_ir_func *fn,
			       bool (*global_unwritten)(const bh_ir_var *v, void *payload),
			       bool (*call_const)(const bh_ir_instr *call, int64_t *value, void *payload),
			       void *payload, const bool *param_known, const int64_t *param_value)
{
	size_t n = fn->nvars ? fn->nvars : 1;
	out->known = bh_arena_alloc(arena, n * sizeof(*out->known));
	out->value = bh_arena_alloc(arena, n * sizeof(*out->value));
	memset(out->known, 0, n * sizeof(*out->known));
	memset(out->value, 0, n * sizeof(*out->value));
	uint32_t *ndefs = bh_xcalloc(n, sizeof(*ndefs));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind == BH_IR_OPND_VAR)
				ndefs[in->dst.var]++;
		}
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		bool init_only = (var->flags & BH_IR_VAR_INIT) && global_unwritten &&
				 global_unwritten(var, payload);
		if ((var->flags & BH_IR_VAR_CONST) || init_only) {
			out->known[v] = true;
			out->value[v] = var->const_value;
		}
	}
	// A parameter the context fixes counts only if the body never assigns it.
	for (uint32_t j = 0; param_known && j < fn->nparams && j < fn->nvars; j++)
		if (param_known[j] && !ndefs[j] && !(fn->vars[j].flags & BH_IR_VAR_ADDRESSED)) {
			out->known[j] = true;
			out->value[j] = param_value[j];
		}
	// Single assignments, in as many sweeps as the chain needs (bounded).
	for (int sweep = 0; sweep < 4; sweep++) {
		bool changed = false;
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
				const bh_ir_instr *in = &fn->blocks[b].instrs[i];
				if (in->dst.kind != BH_IR_OPND_VAR)
					continue;
				uint32_t d = in->dst.var;
				const bh_ir_var *var = &fn->vars[d];
				// (An array or struct is not a number: `s = 0` zero-fills it.)
				if (out->known[d] || ndefs[d] != 1 || bh_ir_var_is_global(var) ||
				    var->kind == BH_IR_VAR_PARAM ||
				    (var->flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)))
					continue;
				int64_t r;
				folder fo = { out, fn, call_const, payload };
				if (fold(&fo, in, LOCAL_DEPTH, &r)) {
					out->known[d] = true;
					out->value[d] = r;
					changed = true;
				}
			}
		if (!changed)
			break;
	}
	free(ndefs);
}

bool bh_flow_edge_dead(const bh_flow_consts *k, const bh_ir_func *fn, uint32_t from, uint32_t to)
{
	const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[from]);
	int64_t v;
	if (!t || (t->op != BH_IR_BR && t->op != BH_IR_SWITCH) || !t->nargs ||
	    !bh_flow_const_of(k, &t->args[0], &v))
		return false;
	if (t->op == BH_IR_BR)
		return t->target[0] != t->target[1] && to == t->target[v ? 1 : 0];
	if (t->op != BH_IR_SWITCH)
		return false;
	uint32_t taken = t->target[0];
	for (uint32_t i = 0; i < t->ncases; i++)
		if (v >= t->cases[i].lo && v <= t->cases[i].hi) {
			taken = t->cases[i].target;
			break;
		}
	return to != taken;
}

const bh_ir_opnd **bh_flow_function_values(bh_arena *arena, const bh_ir_func *fn, uint32_t *ndefs)
{
	const bh_ir_opnd **value = bh_arena_alloc(arena, (fn->nvars + 1) * sizeof(*value));
	memset(value, 0, (fn->nvars + 1) * sizeof(*value));
	uint32_t *count = ndefs ? ndefs : bh_xcalloc(fn->nvars + 1, sizeof(*count));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind != BH_IR_OPND_VAR)
				continue;
			count[in->dst.var]++;
			if (in->op == BH_IR_ASSIGN && in->args[0].kind == BH_IR_OPND_FUNC)
				value[in->dst.var] = &in->args[0];
		}
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (count[v] != 1 || (fn->vars[v].flags & BH_IR_VAR_ADDRESSED) ||
		    bh_ir_var_is_global(&fn->vars[v]))
			value[v] = NULL;
	if (!ndefs)
		free(count);
	return value;
}

const bh_ir_fn_field *bh_flow_table_function(const bh_ir_var *v, const char *field)
{
	const bh_ir_fn_field *found = NULL;
	for (uint32_t k = 0; k < v->nfn_fields; k++)
		if (strcmp(v->fn_fields[k].field, field) == 0) {
			if (found)
				return NULL; // rows disagree
			found = &v->fn_fields[k];
		}
	return found;
}
