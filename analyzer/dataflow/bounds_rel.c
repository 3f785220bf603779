// SPDX-License-Identifier: MIT
// Relations of the bounds checker (bh_bnd_rel in bounds_internal.h): a
// value as k * S + c, or at most that, of a symbol S the intervals know
// nothing of (a parameter `n`, the length of the string `s` points to).
//
// Why symbols. `p = malloc(n); for (i = 0; i <= n; i++) p[i] = 0;` is
// wrong for every n, and no interval of n says so: the size and the index
// are both "any value". With the size exactly n and the index at most n,
// the last write is one byte past the end whatever n is.
//
// When a relation dies. A symbol means the value its variable holds now,
// so every relation to it goes when the variable is assigned; a string
// length symbol also goes when the string may be written, and one of a
// field slot's string when the slot gets another pointer. Which symbols
// have relations stored anywhere is kept per function (sym_used), so that
// assigning a variable nothing relates to costs one test.
#include <stdio.h>
#include <string.h>

#include "dataflow/bounds_internal.h"

// The symbol's variable can stand for its value: a local or a parameter
// the analysis tracks whose address is never taken (nothing writes it
// behind the analysis' back). An integer is a value symbol, a pointer a
// string-length one. A slot's string is one too: whatever may change
// the slot resets it (bounds_func.c), which kills the relations.
void bh_bnd_rel_init(bh_bnd_fctx *c)
{
	uint32_t n = c->fn->nvars;
	size_t nsyms = (size_t)bh_bnd_sym_count(c) + 1;
	c->sym_ok = bh_arena_alloc(c->arena, nsyms);
	c->sym_used = bh_arena_alloc(c->arena, nsyms);
	memset(c->sym_ok, 0, nsyms);
	memset(c->sym_used, 0, nsyms);
	for (uint32_t s = 0; s < c->nslots; s++)
		c->sym_ok[bh_bnd_sym_slot_strlen(c, s)] = 1;
	c->tracked_var = bh_arena_alloc(c->arena, ((size_t)c->ntracked + 1) * sizeof(uint32_t));
	for (uint32_t v = 0; v < n; v++)
		if (c->track[v] != UINT32_MAX && c->track[v] < c->ntracked)
			c->tracked_var[c->track[v]] = v;
	for (uint32_t v = 0; v < n; v++) {
		const bh_ir_var *var = &c->fn->vars[v];
		if ((var->kind != BH_IR_VAR_PARAM && var->kind != BH_IR_VAR_LOCAL) || c->track[v] == UINT32_MAX ||
		    (var->flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY | BH_IR_VAR_RECORD)))
			continue;
		if (var->flags & BH_IR_VAR_POINTER)
			c->sym_ok[bh_bnd_sym_strlen(c->fn, v)] = 1;
		else
			c->sym_ok[bh_bnd_sym_value(c->fn, v)] = 1;
	}
}

bh_bnd_rel bh_bnd_rel_self(const bh_bnd_fctx *c, uint32_t sym)
{
	bh_bnd_rel r = { 0, 0, 0, 0 };
	if (c->sym_ok && sym < bh_bnd_sym_count(c) && c->sym_ok[sym]) {
		r.sym = sym + 1;
		r.k = 1;
	}
	return r;
}

static bh_bnd_rel none(void)
{
	bh_bnd_rel r = { 0, 0, 0, 0 };
	return r;
}

// Offsets and scales stay small: past these the relation is dropped
// rather than risk an overflow in the arithmetic on it.
#define REL_LIMIT (1 << 24)

bh_bnd_rel bh_bnd_rel_shift(bh_bnd_rel r, int64_t d)
{
	if (!r.sym || d <= -REL_LIMIT || d >= REL_LIMIT || r.c + d <= -REL_LIMIT || r.c + d >= REL_LIMIT)
		return none();
	r.c = (int32_t)(r.c + d);
	return r;
}

bh_bnd_rel bh_bnd_rel_scale(bh_bnd_rel r, int64_t k)
{
	// An upper bound times a negative number is a lower bound: not kept.
	if (!r.sym || k <= 0 || k >= REL_LIMIT || (int64_t)r.k * k >= REL_LIMIT ||
	    (int64_t)r.c * k >= REL_LIMIT || (int64_t)r.c * k <= -REL_LIMIT)
		return none();
	r.k = (int32_t)(r.k * k);
	r.c = (int32_t)(r.c * k);
	return r;
}

bh_bnd_rel bh_bnd_rel_join(bh_bnd_rel a, bh_bnd_rel b)
{
	if (!a.sym || a.sym != b.sym || a.k != b.k)
		return none();
	if (a.c == b.c && a.upper == b.upper)
		return a;
	a.upper = 1;
	a.c = a.c > b.c ? a.c : b.c;
	return a;
}

bh_bnd_rel bh_bnd_rel_widen(bh_bnd_rel prev, bh_bnd_rel next)
{
	// A bound that grew from one iteration to the next would grow forever.
	if (!prev.sym || prev.sym != next.sym || prev.k != next.k || next.c > prev.c)
		return none();
	return next;
}

// "r->name", "s.path", "*pp", "argv[1]".
static const char *slot_text(const bh_bnd_fctx *c, uint32_t slot)
{
	const char *base = c->fn->vars[c->slot_var[slot]].name;
	const char *field = c->slot_field[slot];
	if (!base)
		base = "?";
	if (field[0] == '*')
		return bh_arena_sprintf(c->prog->arena, "*%s", base);
	if (field[0] == '[')
		return bh_arena_sprintf(c->prog->arena, "%s%s", base, field);
	return bh_arena_sprintf(c->prog->arena, "%s%s%s", base, c->slot_arrow[slot] ? "->" : ".", field);
}

const char *bh_bnd_rel_text(const bh_bnd_fctx *c, bh_bnd_rel r)
{
	bh_arena *a = c->prog->arena;
	if (!r.sym)
		return "?";
	uint32_t sym = r.sym - 1, n = c->fn->nvars;
	const char *s;
	if (sym >= 2 * n) {
		s = bh_arena_sprintf(a, "strlen(%s)", slot_text(c, sym - 2 * n));
	} else {
		const char *name = c->fn->vars[sym % n].name;
		s = sym >= n ? bh_arena_sprintf(a, "strlen(%s)", name ? name : "?") : (name ? name : "?");
	}
	if (r.k != 1)
		s = bh_arena_sprintf(a, "%s * %d", s, (int)r.k);
	if (r.c > 0)
		s = bh_arena_sprintf(a, "%s + %d", s, (int)r.c);
	else if (r.c < 0)
		s = bh_arena_sprintf(a, "%s - %d", s, (int)-r.c);
	return s;
}

bh_bnd_val bh_bnd_rel_bounds(const bh_bnd_fctx *c, void *f, uint32_t sym)
{
	bh_bnd_val r = bh_bnd_top();
	if (!c->sym_used || sym >= bh_bnd_sym_count(c) || !c->sym_used[sym])
		return r;
	const bh_bnd_val *vals = bh_bnd_vals_of(c, f);
	for (uint32_t t = 0; t < c->nvals; t++) {
		const bh_bnd_val *x = &vals[t];
		if (!x->obj && x->rel.sym == sym + 1 && !x->rel.upper && x->rel.k == 1)
			r = bh_bnd_val_meet(r, bh_bnd_itv_sub(x->v, bh_bnd_itv_const(x->rel.c)), x->ev);
	}
	return r;
}

void bh_bnd_rel_note(const bh_bnd_fctx *c, bh_bnd_rel r)
{
	if (!r.sym || c->sym_used[r.sym - 1])
		return;
	c->sym_used[r.sym - 1] = 1;
	if (r.sym - 1 >= c->fn->nvars)
		c->sym_used[bh_bnd_sym_count(c)] = 1; // some string's length is used
}

// Drop every relation to a symbol that `dead` says is gone.
static void kill_where(const bh_bnd_fctx *c, void *f, bool (*dead)(const bh_bnd_fctx *, uint32_t, const void *),
		       const void *arg)
{
	bh_bnd_val *vals = bh_bnd_vals_of(c, f);
	for (uint32_t t = 0; t < c->nvals; t++)
		if (vals[t].rel.sym && dead(c, vals[t].rel.sym - 1, arg))
			vals[t].rel = none();
	bh_bnd_ostate *os = bh_bnd_objs_of(f);
	for (uint32_t o = 0; o < c->nobjs; o++)
		if (os[o].srel.sym && dead(c, os[o].srel.sym - 1, arg))
			os[o].srel = none();
	// Temporaries of the block being transferred may hold one too.
	for (uint32_t v = 0; v <= c->fn->nvars; v++)
		if (c->scratch[v].rel.sym && dead(c, c->scratch[v].rel.sym - 1, arg))
			c->scratch[v].rel = none();
}

// The symbols of variable `*arg`: its value, its string's length and the
// lengths of its slots' strings.
static bool of_var(const bh_bnd_fctx *c, uint32_t sym, const void *arg)
{
	uint32_t n = c->fn->nvars, var = *(const uint32_t *)arg;
	return sym < 2 * n ? sym % n == var : c->slot_var[sym - 2 * n] == var;
}

static bool is_sym(const bh_bnd_fctx *c, uint32_t sym, const void *arg)
{
	(void)c;
	return sym == *(const uint32_t *)arg;
}

void bh_bnd_rel_kill_var(const bh_bnd_fctx *c, void *f, uint32_t var)
{
	if (!c->sym_used || var >= c->fn->nvars ||
	    (!c->sym_used[bh_bnd_sym_value(c->fn, var)] && !c->sym_used[bh_bnd_sym_strlen(c->fn, var)] &&
	     !(c->var_slotted[var] && c->sym_used[bh_bnd_sym_count(c)])))
		return;
	kill_where(c, f, of_var, &var);
}

void bh_bnd_rel_kill_slot(const bh_bnd_fctx *c, void *f, uint32_t slot)
{
	uint32_t sym = bh_bnd_sym_slot_strlen(c, slot);
	if (c->sym_used && c->sym_used[sym])
		kill_where(c, f, is_sym, &sym);
}

// A write to object `obj` reaches the string variable v points to when v
// points into the same object; memory nothing is known of (obj 0) may be
// any string; and a pointer of unknown target may point into any object
// but a fresh block, a local array or a literal.
static bool string_reached(const bh_bnd_fctx *c, bh_bnd_val p, uint32_t obj)
{
	if (obj == 0 || p.obj == obj)
		return true;
	if (p.obj != 0)
		return false;
	bh_bnd_obj_kind k = c->objs[obj - 1].kind;
	return k != BH_BND_OBJ_ALLOC && k != BH_BND_OBJ_ARRAY && k != BH_BND_OBJ_LITERAL &&
	       k != BH_BND_OBJ_RESULT;
}

void bh_bnd_rel_kill_strings(const bh_bnd_fctx *c, void *f, uint32_t obj)
{
	if (!c->sym_used || !c->sym_used[bh_bnd_sym_count(c)])
		return;
	for (uint32_t v = 0; v < c->fn->nvars; v++) {
		uint32_t sym = bh_bnd_sym_strlen(c->fn, v);
		if (!c->sym_used[sym])
			continue;
		bh_bnd_val p = c->track[v] != UINT32_MAX ? bh_bnd_vals_of(c, f)[c->track[v]] : c->scratch[v];
		if (string_reached(c, p, obj))
			kill_where(c, f, is_sym, &sym);
	}
	for (uint32_t s = 0; s < c->nslots; s++) {
		uint32_t sym = bh_bnd_sym_slot_strlen(c, s);
		if (c->sym_used[sym] && string_reached(c, bh_bnd_vals_of(c, f)[c->ntracked + s], obj))
			kill_where(c, f, is_sym, &sym);
	}
}
