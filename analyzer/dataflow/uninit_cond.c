// SPDX-License-Identifier: MIT
// What one path of the witness search knows (uninit_path_internal.h):
// the values and conditions it learnt, which branches they decide, and
// the function-wide tables that say which of them are worth keeping.
//
// Requires: the function's constants and locations. Provides: the path
// state's transfer (bh_uninit__learn) and its edges (bh_uninit__take_edge).
//
// Everything learnt is forgotten when the path writes what it is about. A
// condition on a global, or on a field through a pointer, is assumed to
// keep its value across calls (the programmer who tests it twice assumes
// so too); a direct write in the function still forgets it.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/strset.h"
#include "dataflow/uninit_path_internal.h"

typedef bh_uninit__state state;
typedef bh_uninit__term term;
typedef bh_uninit__cond cond;

// ---------------------------------------------------------------- values

// Values are kept only for variables no pointer can change behind the
// path's back.
static bool trackable(const bh_ir_func *fn, uint32_t v)
{
	const bh_ir_var *var = &fn->vars[v];
	return !bh_ir_var_is_global(var) && !(var->flags & BH_IR_VAR_ADDRESSED);
}

static bool value_of(const bh_uninit__fctx *c, const state *n, const bh_ir_opnd *o, int64_t *out)
{
	if (o->kind == BH_IR_OPND_VAR)
		for (uint16_t i = 0; i < n->nvals; i++)
			if (n->vals[i].var == o->var) {
				*out = n->vals[i].value;
				return true;
			}
	return bh_flow_const_of(&c->consts, o, out);
}

static void set_val(const bh_uninit__fctx *c, state *n, uint32_t var, int64_t value)
{
	if (!c->val_useful[var])
		return;
	for (uint16_t i = 0; i < n->nvals; i++)
		if (n->vals[i].var == var) {
			n->vals[i].value = value;
			return;
		}
	if (n->nvals == BH_UNINIT__MAX_VALS) { // the oldest goes
		memmove(n->vals, n->vals + 1, (BH_UNINIT__MAX_VALS - 1) * sizeof(*n->vals));
		n->nvals--;
	}
	n->vals[n->nvals++] = (bh_uninit__val){ var, value };
}

static bool term_mentions(const term *t, uint32_t var, const char *field, bool any_base)
{
	if (t->kind == BH_UNINIT__T_VAR)
		return !field && t->var == var;
	if (t->kind != BH_UNINIT__T_FIELD)
		return false;
	if (!field)
		return t->var == var;
	return strcmp(t->field, field) == 0 && (any_base ? t->arrow : t->var == var);
}

// The path wrote `var` (field NULL), or field `field` of `var` (`s.f =`),
// or of whatever a pointer points to (`any_base`: `p->f =`).
static void forget(state *n, uint32_t var, const char *field, bool any_base)
{
	uint16_t k = 0;
	for (uint16_t i = 0; i < n->nconds; i++)
		if (!term_mentions(&n->conds[i].a, var, field, any_base) &&
		    !term_mentions(&n->conds[i].b, var, field, any_base))
			n->conds[k++] = n->conds[i];
	n->nconds = k;
	if (field)
		return;
	k = 0;
	for (uint16_t i = 0; i < n->nvals; i++)
		if (n->vals[i].var != var)
			n->vals[k++] = n->vals[i];
	n->nvals = k;
	// A new value is not related to what earlier branches tested.
	uint8_t m = 0;
	for (uint8_t i = 0; i < n->natoms; i++)
		if (n->atoms[i] != var)
			n->atoms[m++] = n->atoms[i];
	n->natoms = m;
}

static bool fold(const bh_uninit__fctx *c, const state *n, const bh_ir_instr *in, int64_t *r)
{
	int64_t a, b;
	switch (in->op) {
	case BH_IR_ASSIGN:
		return value_of(c, n, &in->args[0], r);
	case BH_IR_BINOP:
		return value_of(c, n, &in->args[0], &a) && value_of(c, n, &in->args[1], &b) &&
		       bh_flow_fold_binop(in->sub, a, b, r);
	case BH_IR_UNOP:
		if (!value_of(c, n, &in->args[0], &a))
			return false;
		*r = in->sub == BH_IR_UN_LNOT ? !a : in->sub == BH_IR_UN_NEG ? (int64_t)(0 - (uint64_t)a)
		   : in->sub == BH_IR_UN_NOT ? ~a : a;
		return true;
	default:
		return false;
	}
}

// A load of a field the path found equal to a constant gets that value.
static void load_field(const bh_uninit__fctx *c, state *n, const bh_ir_instr *in)
{
	if (in->dst.kind != BH_IR_OPND_VAR || in->args[0].kind != BH_IR_OPND_VAR || !in->name)
		return;
	for (uint16_t i = 0; i < n->nconds; i++) {
		const cond *k = &n->conds[i];
		if (k->holds && k->op == BH_UNINIT__C_EQ && k->a.kind == BH_UNINIT__T_FIELD &&
		    k->b.kind == BH_UNINIT__T_INT && k->a.var == in->args[0].var &&
		    k->a.arrow == in->arrow && strcmp(k->a.field, in->name) == 0) {
			set_val(c, n, in->dst.var, k->b.ival);
			return;
		}
	}
}

void bh_uninit__learn(const bh_uninit__fctx *c, state *n, const bh_ir_instr *in)
{
	if (in->dst.kind == BH_IR_OPND_VAR) {
		int64_t v;
		bool known = fold(c, n, in, &v);
		forget(n, in->dst.var, NULL, false);
		if (known && trackable(c->fn, in->dst.var))
			set_val(c, n, in->dst.var, v);
	}
	switch (in->op) {
	case BH_IR_FIELD:
		load_field(c, n, in);
		break;
	case BH_IR_ADDR:
		if (in->args[0].kind == BH_IR_OPND_VAR)
			forget(n, in->args[0].var, NULL, false);
		break;
	case BH_IR_FIELD_STORE:
	case BH_IR_FIELD_ADDR:
		if (in->args[0].kind == BH_IR_OPND_VAR && in->name)
			forget(n, in->args[0].var, in->name, in->arrow);
		break;
	case BH_IR_OPAQUE:
		// The constructs that write their operands (uninit_func.c).
		for (uint32_t j = 0; j < in->nargs; j++)
			if (in->args[j].kind == BH_IR_OPND_VAR && in->name &&
			    (strcmp(in->name, "asm") == 0 || (j == 0 && strcmp(in->name, "store") == 0)))
				forget(n, in->args[j].var, NULL, false);
		break;
	default:
		break;
	}
}

void bh_uninit__leave_block(const bh_uninit__fctx *c, state *n)
{
	uint16_t kept = 0;
	for (uint16_t i = 0; i < n->nvals; i++)
		if (!c->block_local[n->vals[i].var])
			n->vals[kept++] = n->vals[i];
	n->nvals = kept;
}

void bh_uninit__widen(state *n, const state *first)
{
	uint16_t k = 0;
	for (uint16_t i = 0; i < n->nvals; i++)
		for (uint16_t j = 0; j < first->nvals; j++)
			if (first->vals[j].var == n->vals[i].var &&
			    first->vals[j].value == n->vals[i].value) {
				n->vals[k++] = n->vals[i];
				break;
			}
	n->nvals = k;
}

// ------------------------------------------------------------ conditions

// The term operand `o` of `at` stands for: a temporary loaded from a
// field or copied from a variable is that field or variable.
static term term_of(const bh_ir_func *fn, const bh_ir_instr *at, const bh_ir_opnd *o)
{
	term t = { 0 };
	if (o->kind == BH_IR_OPND_INT) {
		t.kind = BH_UNINIT__T_INT;
		t.ival = o->ival;
		return t;
	}
	if (o->kind != BH_IR_OPND_VAR)
		return t;
	t.kind = BH_UNINIT__T_VAR;
	t.var = o->var;
	if (fn->vars[o->var].kind != BH_IR_VAR_TEMP)
		return t;
	const bh_ir_instr *d = bh_ir_def_before(fn, at, o->var);
	if (d && d->op == BH_IR_FIELD && d->name && d->args[0].kind == BH_IR_OPND_VAR) {
		t.kind = BH_UNINIT__T_FIELD;
		t.var = d->args[0].var;
		t.field = d->name;
		t.arrow = d->arrow;
	} else if (d && d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_VAR &&
		   fn->vars[d->args[0].var].kind != BH_IR_VAR_TEMP) {
		t.var = d->args[0].var;
	}
	return t;
}

static bool same_term(const term *a, const term *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case BH_UNINIT__T_INT:
		return a->ival == b->ival;
	case BH_UNINIT__T_VAR:
		return a->var == b->var;
	case BH_UNINIT__T_FIELD:
		return a->var == b->var && a->arrow == b->arrow && strcmp(a->field, b->field) == 0;
	default:
		return false;
	}
}

static bool same_cond(const cond *a, const cond *b)
{
	return a->op == b->op && same_term(&a->a, &b->a) && same_term(&a->b, &b->b);
}

// An order for the two sides of `==`, so that `a == b` and `b == a` meet.
static bool term_before(const term *a, const term *b)
{
	if (a->kind != b->kind)
		return a->kind > b->kind;
	if (a->kind == BH_UNINIT__T_INT)
		return a->ival < b->ival;
	if (a->var != b->var)
		return a->var < b->var;
	return a->kind == BH_UNINIT__T_FIELD && strcmp(a->field, b->field) < 0;
}

// `k` from the comparison `d` computes; false for other operators.
static bool compare_key(const bh_ir_func *fn, const bh_ir_instr *d, cond *k, bool *sense)
{
	term a = term_of(fn, d, &d->args[0]), b = term_of(fn, d, &d->args[1]);
	switch (d->sub) {
	case BH_IR_BIN_NE:
		*sense = !*sense;
		/* fall through */
	case BH_IR_BIN_EQ:
		*k = (cond){ a, b, BH_UNINIT__C_EQ, false };
		return true;
	case BH_IR_BIN_GE:
		*sense = !*sense;
		/* fall through */
	case BH_IR_BIN_LT:
		*k = (cond){ a, b, BH_UNINIT__C_LT, false };
		return true;
	case BH_IR_BIN_LE:
		*sense = !*sense;
		/* fall through */
	case BH_IR_BIN_GT:
		*k = (cond){ b, a, BH_UNINIT__C_LT, false };
		return true;
	default:
		return false;
	}
}

// The condition a branch on `o` tests, normalised to `==` or `<`, and
// whether the branch's true side means it holds (`*sense`).
static bool key_of(const bh_ir_func *fn, const bh_ir_instr *br, bh_ir_opnd o, cond *k, bool *sense)
{
	*sense = true;
	const bh_ir_instr *at = br;
	const bh_ir_instr *d = NULL;
	for (int depth = 0; depth < 4; depth++) {
		d = NULL;
		if (o.kind == BH_IR_OPND_VAR && fn->vars[o.var].kind == BH_IR_VAR_TEMP)
			d = bh_ir_def_before(fn, at, o.var);
		if (!d || d->op != BH_IR_UNOP || d->sub != BH_IR_UN_LNOT)
			break;
		*sense = !*sense; // `!x`
		o = d->args[0];
		at = d;
	}
	if (!d || d->op != BH_IR_BINOP || !compare_key(fn, d, k, sense)) {
		// A plain value tested for truth: `x != 0`.
		*sense = !*sense;
		*k = (cond){ term_of(fn, at, &o), { .kind = BH_UNINIT__T_INT }, BH_UNINIT__C_EQ, false };
	}
	if (k->a.kind == BH_UNINIT__T_NONE || k->b.kind == BH_UNINIT__T_NONE)
		return false;
	if (k->op == BH_UNINIT__C_EQ && term_before(&k->b, &k->a)) {
		term t = k->a;
		k->a = k->b;
		k->b = t;
	}
	return true;
}

static bool term_value(const bh_uninit__fctx *c, const state *n, const term *t, int64_t *out)
{
	if (t->kind == BH_UNINIT__T_INT) {
		*out = t->ival;
		return true;
	}
	if (t->kind != BH_UNINIT__T_VAR)
		return false;
	bh_ir_opnd o = bh_ir_var_opnd(t->var);
	return value_of(c, n, &o, out);
}

// Does `k` hold on this path: 1 yes, 0 no, -1 unknown.
static int decide(const bh_uninit__fctx *c, const state *n, const cond *k)
{
	int64_t a, b;
	if (term_value(c, n, &k->a, &a) && term_value(c, n, &k->b, &b))
		return k->op == BH_UNINIT__C_EQ ? a == b : a < b;
	for (uint16_t i = 0; i < n->nconds; i++)
		if (same_cond(&n->conds[i], k))
			return n->conds[i].holds;
	return -1;
}

static void assume(const bh_uninit__fctx *c, state *n, const cond *k, bool holds, bool useful)
{
	bool eq_const = holds && k->op == BH_UNINIT__C_EQ && k->b.kind == BH_UNINIT__T_INT;
	// `x == 5` taken: x is 5 from here on.
	if (eq_const && k->a.kind == BH_UNINIT__T_VAR)
		set_val(c, n, k->a.var, k->b.ival);
	// `s.mode == 2` taken: a later load of s.mode is 2 (load_field()).
	bool field_value = eq_const && k->a.kind == BH_UNINIT__T_FIELD;
	if (!useful && !field_value)
		return; // no other branch asks: remembering it would only split states
	if (n->nconds == BH_UNINIT__MAX_CONDS) {
		memmove(n->conds, n->conds + 1, (BH_UNINIT__MAX_CONDS - 1) * sizeof(*n->conds));
		n->nconds--;
	}
	n->conds[n->nconds] = *k;
	n->conds[n->nconds++].holds = holds;
}

// The path chose a side of branch `t` freely (nothing decided it). If
// the branch guards the read (one side cannot reach it) and tests a
// variable an earlier free branch tested too (`if (!of.locked) ... if
// (of.vivify) use(hv)`), the path assumes that the two conditions are
// independent, which the program's invariants often deny: the path is
// weak, and a read only weak paths reach is not reported.
static void note_choice(const bh_uninit__fctx *c, const bool *reach, state *n,
			const bh_ir_instr *t)
{
	const bh_ir_block *b = &c->fn->blocks[t->block];
	bool guard = false;
	for (uint32_t k = 0; k < b->nsuccs; k++)
		guard = guard || !reach[b->succs[k]];
	const uint32_t *atoms = &c->br_atoms[BH_UNINIT__BR_ATOMS * t->block];
	for (uint8_t i = 0; i < c->br_natoms[t->block]; i++) {
		bool seen = false;
		for (uint8_t j = 0; j < n->natoms && !seen; j++)
			seen = n->atoms[j] == atoms[i];
		if (seen) {
			n->weak = n->weak || guard;
			continue;
		}
		if (n->natoms == BH_UNINIT__MAX_ATOMS) {
			memmove(n->atoms, n->atoms + 1, (BH_UNINIT__MAX_ATOMS - 1) * sizeof(*n->atoms));
			n->natoms--;
		}
		n->atoms[n->natoms++] = atoms[i];
	}
}

// A switch: the case its operand's known value selects, or else the case
// value a taken edge implies.
static bool take_case(const bh_uninit__fctx *c, const bool *reach, state *n, const bh_ir_instr *t,
		      uint32_t to)
{
	int64_t v;
	if (value_of(c, n, &t->args[0], &v)) {
		uint32_t taken = t->target[0];
		for (uint32_t i = 0; i < t->ncases; i++)
			if (v >= t->cases[i].lo && v <= t->cases[i].hi) {
				taken = t->cases[i].target;
				break;
			}
		return to == taken;
	}
	note_choice(c, reach, n, t);
	uint32_t ncase = 0;
	int64_t value = 0;
	uint32_t first, ncases = bh_ir_switch_cases_to(t, to, &first);
	for (uint32_t i = first; i < first + ncases; i++) {
		ncase += t->cases[i].lo == t->cases[i].hi ? 1 : 2;
		value = t->cases[i].lo;
	}
	if (ncase == 1 && to != t->target[0] && t->args[0].kind == BH_IR_OPND_VAR &&
	    trackable(c->fn, t->args[0].var))
		set_val(c, n, t->args[0].var, value);
	return true;
}

bool bh_uninit__take_edge(const bh_uninit__fctx *c, const bool *reach, state *n,
			  const bh_ir_instr *t, uint32_t to)
{
	if (t->op == BH_IR_SWITCH)
		return take_case(c, reach, n, t, to);
	if (t->op != BH_IR_BR || t->target[0] == t->target[1])
		return true;
	cond k;
	bool sense;
	if (!key_of(c->fn, t, t->args[0], &k, &sense))
		return true;
	bool holds = (to == t->target[0]) == sense;
	int known = decide(c, n, &k);
	if (known >= 0)
		return known == (int)holds;
	assume(c, n, &k, holds, c->cond_useful[t->block]);
	note_choice(c, reach, n, t);
	return true;
}

// ---------------------------------------------------------------- hashes

uint64_t bh_uninit__mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static uint64_t term_hash(const term *t)
{
	uint64_t h = bh_uninit__mix(t->kind);
	h = bh_uninit__mix(h ^ t->var);
	h = bh_uninit__mix(h ^ (uint64_t)t->ival);
	h = bh_uninit__mix(h ^ t->arrow);
	return t->field ? bh_uninit__mix(h ^ bh_hash_string(t->field)) : h;
}

static uint64_t cond_hash(const cond *k)
{
	return bh_uninit__mix(term_hash(&k->a) * 31u + term_hash(&k->b) + k->op);
}

uint64_t bh_uninit__knowledge_hash(const state *n)
{
	uint64_t set = 0;
	for (uint16_t i = 0; i < n->nconds; i++)
		set += bh_uninit__mix(cond_hash(&n->conds[i]) + n->conds[i].holds);
	for (uint16_t i = 0; i < n->nvals; i++)
		set += bh_uninit__mix(bh_uninit__mix(n->vals[i].var) ^ (uint64_t)n->vals[i].value);
	for (uint8_t i = 0; i < n->natoms; i++)
		set += bh_uninit__mix(0xa70u ^ ((uint64_t)n->atoms[i] << 8));
	return bh_uninit__mix(set ^ n->weak);
}

// ---------------------------------------------------- function-wide tables

typedef struct {
	uint64_t hash;
	uint32_t block;
	cond key;
} branch_key;

static int branch_key_cmp(const void *pa, const void *pb)
{
	const branch_key *a = pa, *b = pb;
	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

// Add to `out` (at most BR_ATOMS) the variables operand `o` of `at` is
// computed from within its block: `%3 = s.mode; %4 = %3 & 1` reads s.
static void collect_atoms(const bh_ir_func *fn, const bh_ir_instr *at, const bh_ir_opnd *o,
			  uint32_t *out, uint8_t *n, int depth)
{
	if (o->kind != BH_IR_OPND_VAR || depth > 4 || *n >= BH_UNINIT__BR_ATOMS)
		return;
	if (fn->vars[o->var].kind != BH_IR_VAR_TEMP) {
		for (uint8_t i = 0; i < *n; i++)
			if (out[i] == o->var)
				return;
		out[(*n)++] = o->var;
		return;
	}
	const bh_ir_instr *d = bh_ir_def_before(fn, at, o->var);
	if (!d)
		return;
	switch (d->op) {
	case BH_IR_BINOP:
		collect_atoms(fn, d, &d->args[1], out, n, depth + 1);
		/* fall through */
	case BH_IR_FIELD:
	case BH_IR_ASSIGN:
	case BH_IR_UNOP:
	case BH_IR_LOAD:
		collect_atoms(fn, d, &d->args[0], out, n, depth + 1);
		break;
	default:
		break;
	}
}

// Which branches test a condition another branch tests too (the only
// ones worth remembering), and what each branch reads.
static void index_branches(bh_uninit__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	branch_key *keys = bh_xcalloc(fn->nblocks + 1, sizeof(*keys));
	size_t nkeys = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (!t || (t->op != BH_IR_BR && t->op != BH_IR_SWITCH) || !t->nargs)
			continue;
		if (t->args[0].kind == BH_IR_OPND_VAR)
			c->val_useful[t->args[0].var] = true;
		collect_atoms(fn, t, &t->args[0], &c->br_atoms[BH_UNINIT__BR_ATOMS * b],
			      &c->br_natoms[b], 0);
		bool sense;
		if (t->op == BH_IR_BR && key_of(fn, t, t->args[0], &keys[nkeys].key, &sense)) {
			keys[nkeys].hash = cond_hash(&keys[nkeys].key);
			keys[nkeys++].block = b;
		}
	}
	qsort(keys, nkeys, sizeof(*keys), branch_key_cmp);
	for (size_t i = 0; i < nkeys; i++)
		for (size_t j = i + 1; j < nkeys && keys[j].hash == keys[i].hash; j++)
			if (same_cond(&keys[i].key, &keys[j].key))
				c->cond_useful[keys[i].block] = c->cond_useful[keys[j].block] = true;
	free(keys);
}

void bh_uninit__prepare_tables(bh_uninit__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->cond_useful = bh_arena_alloc(c->arena, (fn->nblocks + 1) * sizeof(bool));
	c->val_useful = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(bool));
	c->br_atoms = bh_arena_alloc(c->arena,
				     BH_UNINIT__BR_ATOMS * (fn->nblocks + 1) * sizeof(uint32_t));
	c->br_natoms = bh_arena_alloc(c->arena, fn->nblocks + 1);
	index_branches(c);
	// Whatever computes a variable whose value decides a branch has
	// operands whose values do too.
	for (bool changed = true; changed;) {
		changed = false;
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
				const bh_ir_instr *in = &fn->blocks[b].instrs[i];
				if (in->dst.kind != BH_IR_OPND_VAR || !c->val_useful[in->dst.var] ||
				    (in->op != BH_IR_ASSIGN && in->op != BH_IR_BINOP && in->op != BH_IR_UNOP))
					continue;
				for (uint32_t a = 0; a < in->nargs; a++)
					if (in->args[a].kind == BH_IR_OPND_VAR &&
					    !c->val_useful[in->args[a].var]) {
						c->val_useful[in->args[a].var] = true;
						changed = true;
					}
			}
	}
	uint32_t *index;
	bh_flow_track_vars(&index, c->arena, fn);
	c->block_local = bh_arena_alloc(c->arena, (fn->nvars + 1) * sizeof(bool));
	for (uint32_t v = 0; v < fn->nvars; v++) {
		if (!trackable(fn, v))
			c->val_useful[v] = false;
		c->block_local[v] = index[v] == UINT32_MAX;
	}
}
