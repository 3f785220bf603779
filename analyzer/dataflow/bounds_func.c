// SPDX-License-Identifier: MIT
// The bounds analysis of one function: the transfer of each instruction
// and the driver that solves it (lattice in bounds_lattice.c, edges in
// bounds_edge.c) and then walks every block once more to check each
// access (bounds_check.c).
#include <stdlib.h>
#include <string.h>

#include "dataflow/bounds_internal.h"

// ---------------------------------------------------------------- values

bh_bnd_val bh_bnd_eval(const bh_bnd_fctx *c, void *f, const bh_ir_opnd *o)
{
	switch (o->kind) {
	case BH_IR_OPND_INT:
		return bh_bnd_const(o->ival);
	case BH_IR_OPND_VAR: {
		uint32_t v = o->var;
		uint32_t obj = c->var_obj[v];
		if (obj && c->objs[obj - 1].kind == BH_BND_OBJ_ARRAY)
			return bh_bnd_ptr(obj, bh_bnd_itv_const(0), BH_BND_EV_BOTH);
		bh_bnd_val r = c->track[v] != UINT32_MAX ? bh_bnd_vals_of(c, f)[c->track[v]]
							 : c->scratch[v];
		int64_t k;
		if (r.obj == 0 && bh_bnd_itv_is_top(r.v) && bh_flow_const_of(&c->consts, o, &k))
			r = bh_bnd_const(k);
		// An integer nothing relates to is itself: `n` is exactly n.
		if (!r.obj && !r.rel.sym)
			r.rel = bh_bnd_rel_self(c, bh_bnd_sym_value(c->fn, v));
		return r;
	}
	default:
		return bh_bnd_top();
	}
}

static void set_var(const bh_bnd_fctx *c, void *f, uint32_t v, bh_bnd_val val)
{
	// `n = n + 1`: the relation is to the value n had, which goes now.
	if (val.rel.sym && (val.rel.sym - 1) % c->fn->nvars == v)
		val.rel.sym = 0;
	if (!val.rel.sym)
		memset(&val.rel, 0, sizeof(val.rel));
	bh_bnd_rel_kill_var(c, f, v);
	bh_bnd_rel_note(c, val.rel);
	if (c->track[v] != UINT32_MAX)
		bh_bnd_vals_of(c, f)[c->track[v]] = val;
	else
		c->scratch[v] = val;
	// `p = q` makes what was known of p->f stale, `s = t` of s.f.
	if (!c->var_slotted[v])
		return;
	const bh_bnd_val top = bh_bnd_top();
	for (uint32_t s = 0; s < c->nslots; s++)
		if (c->slot_var[s] == v)
			bh_bnd_vals_of(c, f)[c->ntracked + s] = top;
}

// Slot `s` (its index among the slots) gets value `val`: relations to
// the string it pointed to go (a slot's string is a symbol, bounds_rel.c).
static void set_slot(const bh_bnd_fctx *c, void *f, uint32_t s, bh_bnd_val val)
{
	bh_bnd_rel_kill_slot(c, f, s);
	bh_bnd_vals_of(c, f)[c->ntracked + s] = val;
}

// Memory written behind the analysis' back (a call, a store through a
// pointer of unknown target) may hold any field reached through a
// pointer, and the fields of a struct whose address was taken.
static void clobber_slots(const bh_bnd_fctx *c, void *f, const char *field)
{
	const bh_bnd_val top = bh_bnd_top();
	for (uint32_t s = 0; s < c->nslots; s++) {
		const bh_ir_var *v = &c->fn->vars[c->slot_var[s]];
		// (An array is passed by address whenever it is passed.)
		bool exposed = c->slot_arrow[s] || (v->flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY)) ||
			       bh_ir_var_is_global(v);
		if (exposed && (!field || strcmp(field, c->slot_field[s]) == 0))
			set_slot(c, f, s, top);
	}
}

// A store through a pointer or into an array element: what any pointer
// points to (`*p`, `p[2]`) and any array's elements (an array is a
// pointer as soon as it is named) may be what it changed, except the
// elements of other arrays when it writes an array variable's own.
static void clobber_memory_slots(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	uint32_t base = in->args[0].kind == BH_IR_OPND_VAR ? in->args[0].var : UINT32_MAX;
	bool own_array = base != UINT32_MAX && (c->fn->vars[base].flags & BH_IR_VAR_ARRAY) &&
			 c->fn->vars[base].kind != BH_IR_VAR_PARAM;
	const bh_bnd_val top = bh_bnd_top();
	for (uint32_t s = 0; s < c->nslots; s++) {
		if (!bh_bnd_slot_is_memory(c->slot_field[s]))
			continue;
		if (!own_array || c->slot_var[s] == base)
			set_slot(c, f, s, top);
	}
}

// `q = p`: q points where p does, to what p's slots say is there.
static void copy_slots(const bh_bnd_fctx *c, void *f, uint32_t from, uint32_t to)
{
	bh_bnd_val *vals = bh_bnd_vals_of(c, f);
	for (uint32_t s = 0; s < c->nslots; s++) {
		if (c->slot_var[s] != from || !c->slot_arrow[s])
			continue;
		uint32_t d = bh_bnd_find_slot(c, to, c->slot_field[s], true);
		if (d != UINT32_MAX)
			set_slot(c, f, d, vals[c->ntracked + s]);
	}
}

// The value a slot holds now, or top when the instruction has none.
static bh_bnd_val slot_value(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	uint32_t s = bh_bnd_slot_of(c, in);
	return s != UINT32_MAX ? bh_bnd_vals_of(c, f)[s] : bh_bnd_top();
}

void bh_bnd_set_dst(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, bh_bnd_val val)
{
	if (in->dst.kind == BH_IR_OPND_VAR)
		set_var(c, f, in->dst.var, val);
}

// `p + i` and `p - i` on a pointer to elements of `scale` bytes.
static bh_bnd_val pointer_arith(bh_bnd_val a, bh_bnd_val b, int op, uint32_t scale)
{
	bh_bnd_val k = bh_bnd_const(scale);
	if (a.obj && !b.obj) {
		bh_bnd_val off = bh_bnd_as_int(a), step = bh_bnd_val_mul(b, k);
		bh_bnd_val r = op == BH_IR_BIN_ADD ? bh_bnd_val_add(off, step) : bh_bnd_val_sub(off, step);
		r.obj = a.obj;
		return r;
	}
	if (b.obj && !a.obj && op == BH_IR_BIN_ADD) {
		bh_bnd_val r = bh_bnd_val_add(bh_bnd_as_int(b), bh_bnd_val_mul(a, k));
		r.obj = b.obj;
		return r;
	}
	return bh_bnd_top();
}

static bh_bnd_val binop_val(const bh_ir_instr *in, bh_bnd_val a, bh_bnd_val b)
{
	int op = in->sub;
	if (in->size && (op == BH_IR_BIN_ADD || op == BH_IR_BIN_SUB))
		return pointer_arith(a, b, op, in->size);
	switch (op) {
	case BH_IR_BIN_LT: case BH_IR_BIN_LE: case BH_IR_BIN_GT:
	case BH_IR_BIN_GE: case BH_IR_BIN_EQ: case BH_IR_BIN_NE:
		if (a.obj != b.obj)
			return bh_bnd_int(bh_bnd_itv_make(0, 1), BH_BND_EV_BOTH);
		return bh_bnd_int(bh_bnd_itv_compare(op, in->is_unsigned && !a.obj, a.v, b.v),
				  BH_BND_EV_BOTH);
	default:
		break;
	}
	if (a.obj || b.obj)
		return bh_bnd_top();
	// The ends of a quotient are the dividend's divided; a remainder, a
	// mask or a shift only bound what the type can hold: no evidence.
	switch (op) {
	case BH_IR_BIN_ADD: return bh_bnd_val_add(a, b);
	case BH_IR_BIN_SUB: return bh_bnd_val_sub(a, b);
	case BH_IR_BIN_MUL: return bh_bnd_val_mul(a, b);
	case BH_IR_BIN_DIV: return bh_bnd_int(bh_bnd_itv_div(a.v, b.v), b.ev == BH_BND_EV_BOTH ? a.ev : 0);
	case BH_IR_BIN_REM: return bh_bnd_int(bh_bnd_itv_rem(a.v, b.v), 0);
	case BH_IR_BIN_SHL: return bh_bnd_int(bh_bnd_itv_shl(a.v, b.v), b.ev == BH_BND_EV_BOTH ? a.ev : 0);
	case BH_IR_BIN_SHR: return bh_bnd_int(bh_bnd_itv_shr(a.v, b.v), 0);
	case BH_IR_BIN_AND: return bh_bnd_int(bh_bnd_itv_and(a.v, b.v), 0);
	default: return bh_bnd_top();
	}
}

static bh_bnd_val unop_val(const bh_ir_instr *in, bh_bnd_val a)
{
	if (a.obj)
		return bh_bnd_top();
	switch (in->sub) {
	case BH_IR_UN_NEG:
		return bh_bnd_int(bh_bnd_itv_neg(a.v),
				  (a.ev & BH_BND_EV_LO ? BH_BND_EV_HI : 0) | (a.ev & BH_BND_EV_HI ? BH_BND_EV_LO : 0) |
					  (a.ev & BH_BND_GROW_LO ? BH_BND_GROW_HI : 0) |
					  (a.ev & BH_BND_GROW_HI ? BH_BND_GROW_LO : 0));
	case BH_IR_UN_NOT: {
		bh_bnd_itv z = bh_bnd_itv_const(0);
		return bh_bnd_int(bh_bnd_itv_compare(BH_IR_BIN_EQ, false, a.v, z), BH_BND_EV_BOTH);
	}
	default:
		return bh_bnd_top();
	}
}

// The variable object `p` points to exactly (offset 0), for loads and
// stores through `&x`.
static uint32_t var_through(const bh_bnd_fctx *c, bh_bnd_val p, uint32_t size)
{
	int64_t k;
	if (!p.obj || c->objs[p.obj - 1].kind != BH_BND_OBJ_VAR || !bh_bnd_itv_is_const(p.v, &k) || k)
		return UINT32_MAX;
	uint32_t v = c->objs[p.obj - 1].var;
	if (size && c->fn->vars[v].size != size)
		return UINT32_MAX;
	return v;
}

void bh_bnd_store_bytes(bh_bnd_ostate *st, bh_bnd_itv off, int64_t size, bh_bnd_itv val)
{
	bh_bnd_itv len = st->len;
	int64_t k, zero;
	bool is_zero = bh_bnd_itv_is_const(val, &zero) && zero == 0;
	bool nonzero = val.lo > 0 || val.hi < 0;
	if (bh_bnd_itv_is_empty(len) || size <= 0)
		return;
	if (!bh_bnd_itv_is_const(off, &k) || k < 0) {
		// Somewhere in a range: a NUL may now come earlier, or a later one
		// may have gone.
		int64_t from = off.lo < 0 ? 0 : off.lo;
		st->len = bh_bnd_itv_make(len.lo < from ? len.lo : from,
					  len.hi < from ? len.hi : BH_BND_PINF);
		return;
	}
	if (is_zero) {
		st->len = bh_bnd_itv_make(len.lo < k ? len.lo : k, len.hi < k ? len.hi : k);
	} else if (nonzero) {
		int64_t end = k > BH_BND_PINF - size ? BH_BND_PINF : k + size;
		int64_t lo = len.lo < k ? len.lo : (len.lo < end ? end : len.lo);
		st->len = bh_bnd_itv_make(lo, len.hi < k ? len.hi : BH_BND_PINF);
	} else {
		st->len = bh_bnd_itv_make(len.lo < k ? len.lo : k, len.hi < k ? len.hi : BH_BND_PINF);
	}
}

void bh_bnd_clobber_through(const bh_bnd_fctx *c, void *f, bh_bnd_val p)
{
	if (!p.obj)
		return;
	const bh_bnd_object *ob = &c->objs[p.obj - 1];
	if (ob->kind == BH_BND_OBJ_VAR) {
		if (c->track[ob->var] != UINT32_MAX)
			set_var(c, f, ob->var, bh_bnd_top());
	} else if (ob->kind != BH_BND_OBJ_LITERAL) {
		bh_bnd_objs_of(f)[p.obj - 1].len = bh_bnd_itv_make(0, BH_BND_PINF);
		bh_bnd_rel_kill_strings(c, f, p.obj);
	}
}

// A call or construct that may write anything through its pointer arguments.
static void clobber_args(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	for (uint32_t a = 0; a < in->nargs; a++)
		bh_bnd_clobber_through(c, f, bh_bnd_eval(c, f, &in->args[a]));
}

// After a call that is not a known library function, globals may have
// changed.
static void clobber_globals(const bh_bnd_fctx *c, void *f)
{
	for (uint32_t v = 0; v < c->fn->nvars; v++)
		if (bh_ir_var_is_global(&c->fn->vars[v]) && c->track[v] != UINT32_MAX)
			set_var(c, f, v, bh_bnd_top());
}

void bh_bnd_input_through(const bh_bnd_fctx *c, void *f, bh_bnd_val p, const bh_ir_instr *in)
{
	if (!p.obj || c->objs[p.obj - 1].kind != BH_BND_OBJ_VAR)
		return;
	uint32_t v = c->objs[p.obj - 1].var;
	if (c->track[v] == UINT32_MAX)
		return;
	bh_bnd_val x = bh_bnd_int(bh_bnd_var_range(&c->fn->vars[v]), 0);
	x.input = in->id + 1;
	set_var(c, f, v, x);
}

// A number the call parsed or a byte it read (atoi(), getc()) in its
// result, and what the scanf family stores through its arguments.
static void note_inputs(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	bh_bnd_val x;
	if (bh_bnd_input_result(in, &x))
		bh_bnd_set_dst(c, f, in, x);
	if (in->callee.kind == BH_IR_OPND_FUNC && bh_bnd_reads_input_into_args(in->callee.str))
		for (uint32_t a = 1; a < in->nargs; a++)
			bh_bnd_input_through(c, f, bh_bnd_eval(c, f, &in->args[a]), in);
}

static void transfer_call(bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	const bh_bnd_model *m =
		in->callee.kind == BH_IR_OPND_FUNC ? bh_bnd_model_of(c->prog, in->callee.str) : NULL;
	if (m) {
		if (c->reporting)
			bh_bnd_check_access(c, f, in);
		bh_bnd_apply_model(c, f, in, m);
		if (m->dst >= 0)
			clobber_slots(c, f, NULL);
		note_inputs(c, f, in);
		return;
	}
	if (!bh_bnd_call_program(c, f, in)) {
		bh_bnd_set_dst(c, f, in, bh_bnd_top());
		clobber_args(c, f, in);
	}
	bh_bnd_rel_kill_strings(c, f, 0); // any string it can reach
	clobber_globals(c, f);
	clobber_slots(c, f, NULL);
	note_inputs(c, f, in);
}

static void note_return(bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	if (!c->reporting)
		return;
	bh_bnd_ret r = { false, false, false, bh_bnd_itv_top(), false };
	if (in->nargs) {
		bh_bnd_val v = bh_bnd_eval(c, f, &in->args[0]);
		const bh_bnd_object *ob = v.obj ? &c->objs[v.obj - 1] : NULL;
		int64_t k;
		if (!v.obj) {
			r.known = !bh_bnd_itv_is_top(v.v) || v.input;
			r.input = v.input != 0;
			r.v = v.v;
		} else if (ob->kind == BH_BND_OBJ_ALLOC && ob->storage == BH_BND_HEAP &&
			   bh_bnd_itv_is_const(v.v, &k) && k == 0) {
			r.known = r.fresh = true;
			r.v = bh_bnd_objs_of(f)[v.obj - 1].size;
		}
	}
	if (c->nrets++ == 0) {
		c->ret = r;
		return;
	}
	bool same = c->ret.known && r.known && c->ret.fresh == r.fresh;
	c->ret.input |= r.input;
	c->ret.known = same || c->ret.input;
	if (same || c->ret.input)
		c->ret.v = bh_bnd_itv_join(c->ret.v, r.v);
}

// The array variable (with an object) an instruction initialises as a
// whole (`char buf[8] = "abc"`, `int a[4] = {0}`), or 0.
static uint32_t initialised_array(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	if (in->dst.kind != BH_IR_OPND_VAR)
		return 0;
	uint32_t o = c->var_obj[in->dst.var];
	return o && c->objs[o - 1].kind == BH_BND_OBJ_ARRAY ? o : 0;
}

// The string an array initialiser leaves: the literal's, the empty one for
// the zero fill of an initialiser list (`a = 0`, before the elements it
// names) or an opaque list of zeros (`{0}` zero-fills the rest), else unknown.
static bh_bnd_itv initialiser_len(const bh_ir_instr *in)
{
	if (in->op == BH_IR_ASSIGN && in->nargs == 1 && in->args[0].kind == BH_IR_OPND_STR &&
	    in->args[0].str)
		return bh_bnd_itv_const((int64_t)strnlen(in->args[0].str, in->args[0].len));
	if (in->op == BH_IR_ASSIGN && in->nargs == 1 && in->args[0].kind == BH_IR_OPND_INT &&
	    in->args[0].ival == 0)
		return bh_bnd_itv_const(0);
	if (in->op == BH_IR_OPAQUE && in->name && strcmp(in->name, "InitListExpr") == 0 && in->nargs &&
	    in->args[0].kind == BH_IR_OPND_INT && in->args[0].ival == 0)
		return bh_bnd_itv_const(0);
	return bh_bnd_itv_make(0, BH_BND_PINF);
}

static void transfer_instr(bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	uint32_t arr = in->op == BH_IR_ASSIGN || in->op == BH_IR_OPAQUE ? initialised_array(c, in) : 0;
	if (arr) {
		bh_bnd_objs_of(f)[arr - 1].len = initialiser_len(in);
		return;
	}
	switch (in->op) {
	case BH_IR_ASSIGN: {
		uint32_t o = c->site_obj[in->id];
		bh_bnd_val v = o ? bh_bnd_ptr(o, bh_bnd_itv_const(0), BH_BND_EV_BOTH) : bh_bnd_eval(c, f, &in->args[0]);
		if (in->bits)
			v = bh_bnd_wrap(c, in, v, v, bh_bnd_top());
		bh_bnd_set_dst(c, f, in, v);
		if (in->dst.kind == BH_IR_OPND_VAR && in->args[0].kind == BH_IR_OPND_VAR &&
		    (c->fn->vars[in->dst.var].flags & BH_IR_VAR_POINTER))
			copy_slots(c, f, in->args[0].var, in->dst.var);
		break;
	}
	case BH_IR_BINOP: {
		bh_bnd_val a = bh_bnd_eval(c, f, &in->args[0]), b = bh_bnd_eval(c, f, &in->args[1]);
		bh_bnd_val r = binop_val(in, a, b);
		if (in->size && c->reporting) // `p + n`: n is an offset
			bh_bnd_check_wrapped(c, in, a.obj ? b : a, "a pointer offset", true, -1);
		if (in->sub < BH_IR_BIN_LT || in->sub > BH_IR_BIN_NE)
			r = bh_bnd_wrap(c, in, r, a, b);
		bh_bnd_set_dst(c, f, in, r);
		break;
	}
	case BH_IR_UNOP:
		bh_bnd_set_dst(c, f, in, unop_val(in, bh_bnd_eval(c, f, &in->args[0])));
		break;
	case BH_IR_ADDR: {
		uint32_t o = in->args[0].kind == BH_IR_OPND_VAR ? c->var_obj[in->args[0].var] : 0;
		bh_bnd_set_dst(c, f, in, o ? bh_bnd_ptr(o, bh_bnd_itv_const(0), BH_BND_EV_BOTH) : bh_bnd_top());
		break;
	}
	case BH_IR_FIELD_ADDR: {
		uint32_t o = c->site_obj[in->id];
		bh_bnd_set_dst(c, f, in, o ? bh_bnd_ptr(o, bh_bnd_itv_const(0), BH_BND_EV_BOTH) : bh_bnd_top());
		break;
	}
	case BH_IR_INDEX_ADDR: {
		bh_bnd_val base = bh_bnd_eval(c, f, &in->args[0]);
		bh_bnd_val ix = bh_bnd_eval(c, f, &in->args[1]);
		if (c->reporting)
			bh_bnd_check_wrapped(c, in, ix, "an index", true, -1);
		bh_bnd_set_dst(c, f, in, in->size && base.obj && !ix.obj
					  ? pointer_arith(base, ix, BH_IR_BIN_ADD, in->size)
					  : bh_bnd_top());
		break;
	}
	case BH_IR_LOAD: {
		if (c->reporting)
			bh_bnd_check_access(c, f, in);
		uint32_t v = var_through(c, bh_bnd_eval(c, f, &in->args[0]), in->size);
		bh_bnd_set_dst(c, f, in,
			v != UINT32_MAX && c->track[v] != UINT32_MAX ? bh_bnd_vals_of(c, f)[c->track[v]]
								     : slot_value(c, f, in));
		break;
	}
	case BH_IR_STORE: {
		if (c->reporting)
			bh_bnd_check_access(c, f, in);
		bh_bnd_val p = bh_bnd_eval(c, f, &in->args[0]);
		bh_bnd_val val = bh_bnd_eval(c, f, &in->args[1]);
		uint32_t v = var_through(c, p, in->size);
		if (!p.obj)
			clobber_slots(c, f, NULL); // `*q = x` may be `p->f = x`
		if (v == UINT32_MAX)
			bh_bnd_rel_kill_strings(c, f, p.obj);
		if (v != UINT32_MAX && c->track[v] != UINT32_MAX)
			set_var(c, f, v, val);
		else if (p.obj && c->objs[p.obj - 1].kind != BH_BND_OBJ_VAR)
			bh_bnd_store_bytes(&bh_bnd_objs_of(f)[p.obj - 1], p.v, in->size,
					   val.obj ? bh_bnd_itv_top() : val.v);
		clobber_memory_slots(c, f, in);
		uint32_t s = bh_bnd_slot_of(c, in);
		if (s != UINT32_MAX)
			set_slot(c, f, s - c->ntracked, val);
		break;
	}
	case BH_IR_INDEX_STORE: {
		if (c->reporting)
			bh_bnd_check_access(c, f, in);
		bh_bnd_val base = bh_bnd_eval(c, f, &in->args[0]);
		bh_bnd_val ix = bh_bnd_eval(c, f, &in->args[1]);
		bh_bnd_val val = bh_bnd_eval(c, f, &in->args[2]);
		bh_bnd_rel_kill_strings(c, f, ix.obj ? 0 : base.obj);
		if (base.obj && !ix.obj && in->size) {
			bh_bnd_val at = pointer_arith(base, ix, BH_IR_BIN_ADD, in->size);
			bh_bnd_store_bytes(&bh_bnd_objs_of(f)[base.obj - 1], at.v, in->size,
					   val.obj ? bh_bnd_itv_top() : val.v);
		}
		clobber_memory_slots(c, f, in);
		uint32_t s = bh_bnd_slot_of(c, in);
		if (s != UINT32_MAX)
			set_slot(c, f, s - c->ntracked, val);
		break;
	}
	case BH_IR_INDEX:
		if (c->reporting)
			bh_bnd_check_access(c, f, in);
		bh_bnd_set_dst(c, f, in, slot_value(c, f, in));
		break;
	case BH_IR_FIELD: {
		if (c->reporting)
			bh_bnd_check_access(c, f, in);
		bh_bnd_set_dst(c, f, in, slot_value(c, f, in));
		break;
	}
	case BH_IR_FIELD_STORE: {
		if (c->reporting)
			bh_bnd_check_access(c, f, in);
		uint32_t s = bh_bnd_slot_of(c, in);
		// Through another pointer, the same field of any struct may change.
		if (in->arrow) {
			clobber_slots(c, f, in->name);
			clobber_memory_slots(c, f, in);
		}
		if (s != UINT32_MAX) {
			bh_bnd_val x = bh_bnd_eval(c, f, &in->args[1]);
			bh_bnd_rel_note(c, x.rel);
			set_slot(c, f, s - c->ntracked, x);
		}
		break;
	}
	case BH_IR_CALL:
		transfer_call(c, f, in);
		break;
	case BH_IR_OPAQUE:
		bh_bnd_set_dst(c, f, in, bh_bnd_top());
		clobber_args(c, f, in);
		bh_bnd_rel_kill_strings(c, f, 0);
		clobber_slots(c, f, NULL);
		break;
	case BH_IR_RET:
		note_return(c, f, in);
		break;
	default:
		bh_bnd_set_dst(c, f, in, bh_bnd_top());
		break;
	}
}

void bh_bnd_transfer_block(void *fact, const bh_ir_func *fn, const bh_ir_block *b, void *payload)
{
	(void)fn;
	bh_bnd_fctx *c = payload;
	if (!bh_bnd_head_of(fact)->reached)
		return;
	for (uint32_t i = 0; i < b->ninstrs; i++)
		transfer_instr(c, fact, &b->instrs[i]);
}

// ---------------------------------------------------------------- driver

static bool global_unwritten(const bh_ir_var *v, void *payload)
{
	const bh_bnd_fctx *c = payload;
	return !bh_callgraph_global_written(c->prog->graph, v);
}

static bool call_const(const bh_ir_instr *call, int64_t *value, void *payload)
{
	const bh_bnd_fctx *c = payload;
	return bh_callgraph_call_const(c->prog->graph, call, value);
}

// The constant `o` holds at the end of block `b`: a constant already, or
// a variable the block last assigns one (`data = 10; return data;`, where
// `data` is a parameter and so not one constant throughout).
static bool returned_const(const bh_bnd_fctx *c, const bh_ir_block *b, const bh_ir_opnd *o, int64_t *k)
{
	if (bh_flow_const_of(&c->consts, o, k))
		return true;
	if (o->kind != BH_IR_OPND_VAR || (c->fn->vars[o->var].flags & BH_IR_VAR_ADDRESSED) ||
	    bh_ir_var_is_global(&c->fn->vars[o->var]))
		return false;
	const bh_ir_instr *d = bh_ir_block_last_def(b, o->var);
	return d && d->op == BH_IR_ASSIGN && bh_flow_const_of(&c->consts, &d->args[0], k);
}

// What a function without objects returns: the constants its returns
// are known to hold (`data = 10; return data;`), without solving it.
static void constant_returns(const bh_bnd_fctx *c, bh_bnd_ret *ret)
{
	bh_bnd_itv all = bh_bnd_itv_make(1, 0);
	for (uint32_t b = 0; b < c->fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&c->fn->blocks[b]);
		int64_t k;
		if (t->op != BH_IR_RET)
			continue;
		if (!t->nargs || !returned_const(c, &c->fn->blocks[b], &t->args[0], &k))
			return;
		all = bh_bnd_itv_join(all, bh_bnd_itv_const(k));
	}
	if (!bh_bnd_itv_is_empty(all)) {
		ret->known = true;
		ret->v = all;
	}
}

// Does the function make a heap block (itself or through a wrapper)?
// Then what it returns may be that block, in some calling context.
static bool allocates(const bh_bnd_fctx *c)
{
	for (uint32_t o = 0; o < c->nobjs; o++)
		if ((c->objs[o].kind == BH_BND_OBJ_ALLOC && c->objs[o].storage == BH_BND_HEAP) ||
		    c->objs[o].kind == BH_BND_OBJ_RESULT)
			return true;
	return false;
}

// A tested string length (`if (strlen(s) >= sizeof buf) return;`) is a
// temporary used only in the block that computes it, which the fact does
// not carry; yet its value on each edge is what bounds the string
// afterwards (bh_bnd_rel_bounds, through its relation to strlen(s)). So
// the results of strlen() are tracked across blocks.
static void track_string_lengths(bh_bnd_fctx *c)
{
	const bh_ir_func *fn = c->fn;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op != BH_IR_CALL || in->callee.kind != BH_IR_OPND_FUNC ||
			    in->dst.kind != BH_IR_OPND_VAR || c->track[in->dst.var] != UINT32_MAX)
				continue;
			const bh_bnd_model *m = bh_bnd_model_of(c->prog, in->callee.str);
			if (m && m->kind == BH_BND_M_STRLEN && m->unit == 1)
				c->track[in->dst.var] = c->ntracked++;
		}
	}
}

// Does `fn` pass a computed size to a library call (`memcpy(d, s, len -
// 4)`), which may have wrapped (bounds_wrap.c), or read input?
static bool computes_library_sizes(const bh_ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			const bh_bnd_model *m = in->op == BH_IR_CALL && in->callee.kind == BH_IR_OPND_FUNC
							? bh_bnd_model_find(in->callee.str)
							: NULL;
			bh_bnd_val x;
			// A helper that reads a number is an input source for its callers.
			if (bh_bnd_input_result(in, &x) ||
			    (in->op == BH_IR_CALL && in->callee.kind == BH_IR_OPND_FUNC &&
			     bh_bnd_reads_input_into_args(in->callee.str)) ||
			    (m && m->kind == BH_BND_M_FILL && !m->fill_zero))
				return true;
			if (!m || m->kind == BH_BND_M_FORMAT) // its n is a value, not a size
				continue;
			int args[2] = { m->n, m->n2 };
			for (int k = 0; k < 2; k++)
				if (args[k] >= 0 && (uint32_t)args[k] < in->nargs &&
				    in->args[args[k]].kind == BH_IR_OPND_VAR)
					return true;
		}
	}
	return false;
}

static void analyse_acquired(bh_bnd_program *p, const bh_ir_func *fn, const bh_bnd_context *ctx, bh_bnd_ret *ret)
{
	if (ret)
		memset(ret, 0, sizeof(*ret));
	if (fn->cut)
		return;
	bh_bnd_fctx c;
	memset(&c, 0, sizeof(c));
	c.prog = p;
	c.fn = fn;
	c.ctx = ctx;
	c.arena = bh_arena_new();
	bool known[BH_BND_MAX_PARAMS + 1] = { false };
	int64_t values[BH_BND_MAX_PARAMS + 1] = { 0 };
	bool *param_known = NULL;
	int64_t *param_value = NULL;
	if (ctx && fn->nparams <= BH_BND_MAX_PARAMS) {
		for (uint32_t j = 0; j < fn->nparams; j++) {
			const bh_bnd_arg *a = &ctx->arg[j];
			known[j] = a->known && !a->pointer && bh_bnd_itv_is_const(a->v, &values[j]);
		}
		param_known = known;
		param_value = values;
	}
	bh_flow_compute_consts_in(&c.consts, c.arena, fn, global_unwritten, call_const, &c, param_known,
				  param_value);
	bh_bnd_find_objects(&c);
	// Nothing to prove in a function without objects of known size (no
	// array, no allocation, no literal and nothing from a caller) and
	// without a size computed for a library call, unless it passes its
	// callees values to check theirs against.
	if (c.nobjs == 0 && !computes_library_sizes(fn) && !bh_bnd_passes_known_values(&c)) {
		if (ret)
			constant_returns(&c, ret);
		bh_arena_free(c.arena);
		return;
	}
	// The budget of context analyses counts those that get this far.
	if (ctx)
		p->contexts++;
	c.ntracked = bh_flow_track_vars(&c.track, c.arena, fn);
	track_string_lengths(&c);
	bh_bnd_find_slots(&c);
	bh_bnd_find_random_merges(&c);
	c.scratch = bh_arena_alloc(c.arena, (fn->nvars + 1) * sizeof(*c.scratch));
	const bh_bnd_val top = bh_bnd_top();
	for (uint32_t v = 0; v <= fn->nvars; v++)
		c.scratch[v] = top;
	bh_bnd_rel_init(&c);
	c.fact_size = sizeof(bh_bnd_head) + c.nobjs * sizeof(bh_bnd_ostate) +
		      c.nvals * sizeof(bh_bnd_val);
	bh_flow_lattice lat;
	bh_bnd_lattice(&lat, c.fact_size);
	bh_flow_options opts = BH_FLOW_OPTIONS_INIT;
	opts.widen_after = 2;
	if (bh_flow_solve(&c.result, c.arena, fn, &lat, &opts, &c) != BH_FLOW_DONE) {
		bh_diag_add(p->diags, BH_LEVEL_NOTE, "bounds.incomplete", fn->loc.path, fn->loc.line,
			    fn->loc.col, "bounds analysis of %s() stopped at its budget; its findings are not reported",
			    fn->name);
	} else {
		// (Without a widening the fixpoint is already the least one.)
		if (c.widened)
			bh_bnd_narrow(&c, &lat);
		void *f = bh_xmalloc(c.fact_size);
		c.reporting = true;
		for (uint32_t b = 0; b < fn->nblocks; b++) {
			memcpy(f, bh_flow_in(&c.result, b), c.fact_size);
			bh_bnd_transfer_block(f, fn, &fn->blocks[b], &c);
		}
		free(f);
		if (ret && c.nrets)
			*ret = c.ret;
		if (ret && !ret->fresh)
			ret->some_fresh = allocates(&c);
	}
	bh_arena_free(c.arena);
}

// The body of `fn` is there throughout (packed IR: ir_pack.h).
void bh_bnd_analyse_function(bh_bnd_program *p, const bh_ir_func *fn, const bh_bnd_context *ctx,
			     bh_bnd_ret *ret)
{
	bh_ir_func_acquire(fn);
	analyse_acquired(p, fn, ctx, ret);
	bh_ir_func_release(fn);
}
