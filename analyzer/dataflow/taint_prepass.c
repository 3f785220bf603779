// SPDX-License-Identifier: MIT
// The per-function facts the taint analysis computes once, before solving:
// field slots (`s.f`, `p->f` as locations), a flow-insensitive points-to
// set and function-pointer targets (assigned, stored in fields and arrays,
// or named by an operations table's initialiser), constants that decide
// branches, and what each conditional branch says on its two edges
// (bounds, guards, infeasible paths). See taint_func.c for how they are
// used.
#include <string.h>

#include "bulkhead/strset.h"
#include "dataflow/taint_func_internal.h"

#define MAX_PTS 32 // targets kept per pointer (more are dropped)

// ----------------------------------------------------------- field slots

// Slots are found through a hash index: functions with hundreds of
// fields looked each one up by a walk over all of them.
static size_t slot_hash(uint32_t base, const char *field)
{
	return (size_t)((bh_hash_string(field) ^ base) * 0x9e3779b97f4a7c15ULL >> 17);
}

// The index position of (base, field): its entry, or the free one.
static size_t slot_pos(const bh_taint__fctx *c, uint32_t base, const char *field)
{
	size_t mask = c->slot_index_cap - 1, i = slot_hash(base, field) & mask;
	for (uint32_t e; (e = c->slot_index[i]) != 0; i = (i + 1) & mask) {
		const bh_taint__slot_key *k = &c->slots.items[e - 1];
		if (k->base == base && strcmp(k->field, field) == 0)
			break;
	}
	return i;
}

uint32_t bh_taint__find_slot(const bh_taint__fctx *c, uint32_t base, const char *field)
{
	if (!c->slot_index_cap)
		return BH_TAINT__NONE;
	uint32_t e = c->slot_index[slot_pos(c, base, field)];
	return e ? c->fn->nvars + e - 1 : BH_TAINT__NONE;
}

// Index the last slot made, growing the index to stay at most half full.
static void index_last_slot(bh_taint__fctx *c)
{
	if (2 * c->slots.len > c->slot_index_cap) {
		size_t cap = c->slot_index_cap ? 2 * c->slot_index_cap : 64;
		free(c->slot_index);
		c->slot_index = bh_xcalloc(cap, sizeof(*c->slot_index));
		c->slot_index_cap = cap;
		for (size_t i = 0; i + 1 < c->slots.len; i++)
			c->slot_index[slot_pos(c, c->slots.items[i].base, c->slots.items[i].field)] = (uint32_t)i + 1;
	}
	const bh_taint__slot_key *k = &c->slots.items[c->slots.len - 1];
	c->slot_index[slot_pos(c, k->base, k->field)] = (uint32_t)c->slots.len;
}

void bh_taint__grow_locs(bh_taint__fctx *c)
{
	uint32_t n = c->fn->nvars + (uint32_t)c->slots.len;
	if (n <= c->nlocs)
		return;
	if (n > c->locs_cap) {
		// Room for twice as many: a slot is made at a time, and copying
		// the arrays for each was 7 % of the taint analysis' instructions
		// on redis.
		uint32_t cap = n < 16 ? 16 : n;
		if (cap < 2 * c->locs_cap)
			cap = 2 * c->locs_cap;
		bh_taint__u32s *pts = bh_xcalloc(cap, sizeof(*pts));
		bh_taint__u32s *aliases = bh_xcalloc(cap, sizeof(*aliases));
		bh_taint__opnds *targets = bh_xcalloc(cap, sizeof(*targets));
		if (c->nlocs) {
			memcpy(pts, c->pts, c->nlocs * sizeof(*pts));
			memcpy(aliases, c->aliases, c->nlocs * sizeof(*aliases));
			memcpy(targets, c->targets, c->nlocs * sizeof(*targets));
		}
		free(c->pts);
		free(c->aliases);
		free(c->targets);
		c->pts = pts;
		c->aliases = aliases;
		c->targets = targets;
		c->locs_cap = cap;
	}
	c->nlocs = n;
}

uint32_t bh_taint__make_slot(bh_taint__fctx *c, uint32_t base, const char *field)
{
	uint32_t s = bh_taint__find_slot(c, base, field);
	if (s != BH_TAINT__NONE)
		return s;
	bh_taint__slot_key k = { base, field };
	bh_vec_push(&c->slots, k);
	index_last_slot(c);
	bh_taint__grow_locs(c);
	return c->fn->nvars + (uint32_t)c->slots.len - 1;
}

// ------------------------------------------------------------- points-to

static bool set_add(bh_taint__u32s *v, uint32_t x)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i] == x)
			return false;
	if (v->len >= MAX_PTS)
		return false;
	bh_vec_push(v, x);
	return true;
}

static bool pts_add(bh_taint__fctx *c, uint32_t loc, uint32_t target)
{
	return set_add(&c->pts[loc], target);
}

static bool pts_union(bh_taint__fctx *c, uint32_t dst, uint32_t src)
{
	bool changed = false;
	for (size_t i = 0; i < c->pts[src].len; i++)
		changed |= pts_add(c, dst, c->pts[src].items[i]);
	return changed;
}

static bool targets_add(bh_taint__fctx *c, uint32_t loc, const bh_ir_opnd *fn)
{
	bh_taint__opnds *v = &c->targets[loc];
	for (size_t i = 0; i < v->len; i++)
		if (strcmp(v->items[i]->str, fn->str) == 0)
			return false;
	if (v->len >= MAX_PTS)
		return false;
	bh_vec_push(v, fn);
	return true;
}

static bool targets_union(bh_taint__fctx *c, uint32_t dst, uint32_t src)
{
	bool changed = false;
	for (size_t i = 0; i < c->targets[src].len; i++)
		changed |= targets_add(c, dst, c->targets[src].items[i]);
	return changed;
}

static bool is_array_var(const bh_taint__fctx *c, const bh_ir_opnd *o)
{
	return o->kind == BH_IR_OPND_VAR && (c->fn->vars[o->var].flags & BH_IR_VAR_ARRAY);
}

// dst may point where value `o` points (an array stands for itself).
static bool flow_pointer(bh_taint__fctx *c, uint32_t dst, const bh_ir_opnd *o)
{
	if (o->kind == BH_IR_OPND_FUNC)
		return targets_add(c, dst, o);
	if (o->kind != BH_IR_OPND_VAR)
		return false;
	if (is_array_var(c, o))
		return pts_add(c, dst, o->var);
	// `q = p` for pointers: q points where p points, and writes through q
	// land in p's memory too, which p's own taint stands for (a
	// parameter's buffer has no location here). Reads through q do not
	// look at p: q's value was copied from p when it was assigned.
	bool changed = false;
	if (o->var != dst && (c->fn->vars[o->var].flags & BH_IR_VAR_POINTER))
		changed |= set_add(&c->aliases[dst], o->var);
	for (size_t i = 0; i < c->aliases[o->var].len; i++)
		if (c->aliases[o->var].items[i] != dst)
			changed |= set_add(&c->aliases[dst], c->aliases[o->var].items[i]);
	changed |= pts_union(c, dst, o->var);
	changed |= targets_union(c, dst, o->var);
	return changed;
}

// The field slots an access `base.f` / `base->f` may touch.
bh_taint__locs bh_taint__field_slots(bh_taint__fctx *c, const bh_ir_instr *in, bool create)
{
	bh_taint__locs out = { { 0 }, 0 };
	const bh_ir_opnd *base = &in->args[0];
	if (base->kind != BH_IR_OPND_VAR || !in->name)
		return out;
	uint32_t s = create ? bh_taint__make_slot(c, base->var, in->name) : bh_taint__find_slot(c, base->var, in->name);
	if (s != BH_TAINT__NONE)
		out.locs[out.n++] = s;
	if (in->arrow) {
		for (size_t i = 0; i < c->pts[base->var].len && out.n < BH_TAINT__MAX_BOUND_LOCS; i++) {
			uint32_t t = c->pts[base->var].items[i];
			if (t >= c->fn->nvars)
				continue; // a pointer to a field: one level deep only
			s = create ? bh_taint__make_slot(c, t, in->name) : bh_taint__find_slot(c, t, in->name);
			if (s != BH_TAINT__NONE)
				out.locs[out.n++] = s;
		}
	}
	return out;
}

// The functions an operations table's initialiser puts in the field of
// slot `s` (`static const struct ops o = { .put = pool_put };` for o.put,
// every row's for `handlers[i].run`): what a call through it may call.
static bool table_targets(bh_taint__fctx *c, uint32_t s)
{
	const bh_taint__slot_key *k = &c->slots.items[s - c->fn->nvars];
	const bh_ir_var *v = &c->fn->vars[k->base];
	bool changed = false;
	if (!bh_ir_var_is_global(v))
		return false;
	for (uint32_t i = 0; i < v->nfn_fields; i++) {
		const bh_ir_fn_field *ff = &v->fn_fields[i];
		if (strcmp(ff->field, k->field) != 0)
			continue;
		bool known = false;
		for (size_t j = 0; j < c->targets[s].len && !known; j++)
			known = strcmp(c->targets[s].items[j]->str, ff->func) == 0;
		if (known)
			continue;
		bh_ir_opnd *o = bh_arena_alloc(c->arena, sizeof(*o));
		*o = (bh_ir_opnd){ .kind = BH_IR_OPND_FUNC, .str = ff->func, .usr = ff->usr };
		changed |= targets_add(c, s, o);
	}
	return changed;
}

// `line = fgets(buf, ...)`: a library function that returns one of its
// pointer arguments (a `returns` model) makes its result point there too.
static bool returned_pointer(bh_taint__fctx *c, const bh_ir_instr *in, uint32_t dst)
{
	if (in->callee.kind != BH_IR_OPND_FUNC || !in->callee.str ||
	    (in->callee.usr && bh_taint__summary_of(c->prog, in->callee.usr)))
		return false;
	size_t n;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, in->callee.str, &n);
	bool changed = false;
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_TAINT_RETURNS && m[i].to.index < in->nargs)
			changed |= flow_pointer(c, dst, &in->args[m[i].to.index]);
	return changed;
}

static bool points_to_step(bh_taint__fctx *c, const bh_ir_instr *in)
{
	bool changed = false;
	uint32_t dst = in->dst.kind == BH_IR_OPND_VAR ? in->dst.var : BH_TAINT__NONE;
	switch (in->op) {
	case BH_IR_ASSIGN:
		if (dst != BH_TAINT__NONE)
			changed |= flow_pointer(c, dst, &in->args[0]);
		break;
	case BH_IR_BINOP:
		// `p + n`, `p - n` point into p's object; `q - p` is a number.
		if (dst != BH_TAINT__NONE && (in->sub == BH_IR_BIN_ADD || in->sub == BH_IR_BIN_SUB) &&
		    !in->on_pointers)
			changed |= flow_pointer(c, dst, &in->args[0]);
		break;
	case BH_IR_ADDR:
		if (dst != BH_TAINT__NONE && in->args[0].kind == BH_IR_OPND_VAR)
			changed |= pts_add(c, dst, in->args[0].var);
		break;
	case BH_IR_FIELD_ADDR:
		if (dst != BH_TAINT__NONE) {
			bh_taint__locs s = bh_taint__field_slots(c, in, true);
			for (uint32_t i = 0; i < s.n; i++)
				changed |= pts_add(c, dst, s.locs[i]);
		}
		break;
	case BH_IR_INDEX_ADDR:
		if (dst != BH_TAINT__NONE)
			changed |= flow_pointer(c, dst, &in->args[0]);
		break;
	case BH_IR_LOAD:
		if (dst != BH_TAINT__NONE && in->args[0].kind == BH_IR_OPND_VAR) {
			uint32_t p = in->args[0].var;
			for (size_t i = 0; i < c->pts[p].len; i++) {
				uint32_t t = c->pts[p].items[i];
				changed |= pts_union(c, dst, t);
				changed |= targets_union(c, dst, t);
			}
			// `q = *out` where out leads to memory not known here (a
			// parameter's): writes through q land in what *out points
			// to, which out's own taint stands for (`read(fd, *out,
			// n)` fills the caller's object), as for `q = p`.
			if (!c->pts[p].len && p != dst)
				changed |= set_add(&c->aliases[dst], p);
		}
		break;
	case BH_IR_STORE:
		if (in->args[0].kind == BH_IR_OPND_VAR) {
			uint32_t p = in->args[0].var;
			for (size_t i = 0; i < c->pts[p].len; i++)
				changed |= flow_pointer(c, c->pts[p].items[i], &in->args[1]);
		}
		break;
	case BH_IR_FIELD: {
		if (dst == BH_TAINT__NONE)
			break;
		bh_taint__locs s = bh_taint__field_slots(c, in, true);
		for (uint32_t i = 0; i < s.n; i++) {
			changed |= table_targets(c, s.locs[i]);
			changed |= pts_union(c, dst, s.locs[i]);
			changed |= targets_union(c, dst, s.locs[i]);
		}
		break;
	}
	// An array is one region: its elements may point where any value
	// stored in it points (`char *argv[] = { prog, NULL }`, a table of
	// handlers), and an element read from it anywhere it points.
	case BH_IR_INDEX_STORE:
		if (is_array_var(c, &in->args[0]))
			changed |= flow_pointer(c, in->args[0].var, &in->args[2]);
		break;
	case BH_IR_INDEX:
		if (dst != BH_TAINT__NONE && is_array_var(c, &in->args[0])) {
			changed |= pts_union(c, dst, in->args[0].var);
			changed |= targets_union(c, dst, in->args[0].var);
		}
		break;
	case BH_IR_FIELD_STORE: {
		bh_taint__locs s = bh_taint__field_slots(c, in, true);
		for (uint32_t i = 0; i < s.n; i++)
			changed |= flow_pointer(c, s.locs[i], &in->args[1]);
		break;
	}
	case BH_IR_CALL:
		if (dst != BH_TAINT__NONE)
			changed |= returned_pointer(c, in, dst);
		break;
	case BH_IR_OPAQUE:
		// An initialiser list `{ buf, len }` may hold any of its values.
		if (dst != BH_TAINT__NONE)
			for (uint32_t a = 0; a < in->nargs; a++)
				changed |= flow_pointer(c, dst, &in->args[a]);
		break;
	default:
		break;
	}
	return changed;
}

void bh_taint__compute_points_to(bh_taint__fctx *c)
{
	bh_taint__grow_locs(c);
	for (int round = 0; round < 8; round++) {
		bool changed = false;
		for (uint32_t b = 0; b < c->fn->nblocks; b++)
			for (uint32_t i = 0; i < c->fn->blocks[b].ninstrs; i++)
				changed |= points_to_step(c, &c->fn->blocks[b].instrs[i]);
		if (!changed)
			break;
	}
}

// ------------------------------------------------------------- constants

static bool global_unwritten(const bh_ir_var *v, void *payload)
{
	const bh_taint__fctx *c = payload;
	return !bh_callgraph_global_written(c->prog->graph, v);
}

static bool call_const(const bh_ir_instr *in, int64_t *value, void *payload)
{
	bh_taint__fctx *c = payload;
	if (in->callee.kind != BH_IR_OPND_FUNC || !in->callee.usr)
		return false;
	const bh_taint__summary *s = bh_taint__summary_of(c->prog, in->callee.usr);
	if (!s || !s->analysed || !s->ret_is_const)
		return false;
	*value = s->ret_const;
	return true;
}

void bh_taint__compute_constants(bh_taint__fctx *c)
{
	bh_flow_compute_consts(&c->consts, c->arena, c->fn, global_unwritten, call_const, c);
}

// --------------------------------------------------------- branch edges

void bh_taint__list_add(bh_taint__locs *l, uint32_t loc)
{
	for (uint32_t i = 0; i < l->n; i++)
		if (l->locs[i] == loc)
			return;
	if (l->n < BH_TAINT__MAX_BOUND_LOCS)
		l->locs[l->n++] = loc;
}

// Locations that hold the value of operand `o` at the end of block `b`:
// the variable, and where a temporary was just read from.
static bh_taint__locs value_locs(bh_taint__fctx *c, const bh_ir_block *b, const bh_ir_opnd *o)
{
	bh_taint__locs out = { { 0 }, 0 };
	if (o->kind != BH_IR_OPND_VAR)
		return out;
	bh_taint__list_add(&out, o->var);
	const bh_ir_instr *d = bh_ir_block_last_def(b, o->var);
	if (!d)
		return out;
	if (d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_VAR)
		bh_taint__list_add(&out, d->args[0].var);
	if (d->op == BH_IR_FIELD) {
		bh_taint__locs s = bh_taint__field_slots(c, d, false);
		for (uint32_t i = 0; i < s.n; i++)
			bh_taint__list_add(&out, s.locs[i]);
	}
	return out;
}

static void add_all(bh_taint__locs *dst, const bh_taint__locs *src)
{
	for (uint32_t i = 0; i < src->n; i++)
		bh_taint__list_add(dst, src->locs[i]);
}

// The pointer variable + 1 whose string's length operand `o` holds at
// the end of block `b` (`strlen(s)` computed there, or `n` whose one
// assignment is `n = strlen(s)`), or 0. Only a variable nothing assigns
// (a parameter kept as passed, an array) and whose address is not taken:
// its string is the same one wherever a test of its length dominates.
// (What writes into the string, `strcat(s, t)`, is not seen.)
static uint32_t measured_string(const bh_taint__fctx *c, const bh_ir_block *b, const bh_ir_opnd *o)
{
	for (int hops = 0; hops < 3 && o->kind == BH_IR_OPND_VAR; hops++) {
		const bh_ir_instr *d = bh_ir_block_last_def(b, o->var);
		size_t ndefs = 1;
		if (!d)
			d = bh_ir_only_def(c->fn, o->var, &ndefs);
		if (!d || ndefs != 1)
			return 0;
		if (d->op == BH_IR_ASSIGN) {
			o = &d->args[0];
			continue;
		}
		if (d->op != BH_IR_CALL || d->callee.kind != BH_IR_OPND_FUNC || !d->callee.str ||
		    (strcmp(d->callee.str, "strlen") != 0 && strcmp(d->callee.str, "__builtin_strlen") != 0) ||
		    d->nargs < 1 || d->args[0].kind != BH_IR_OPND_VAR)
			return 0;
		uint32_t s = d->args[0].var;
		// `strlen((char *)s)`: the temporary is a copy of s.
		const bh_ir_instr *cast = bh_ir_def_before(c->fn, d, s);
		if (cast && cast->op == BH_IR_ASSIGN && cast->args[0].kind == BH_IR_OPND_VAR &&
		    c->fn->vars[s].kind == BH_IR_VAR_TEMP)
			s = cast->args[0].var;
		const bh_ir_var *v = &c->fn->vars[s];
		// `strtol(s, &s, 10)` moves s without assigning it here.
		if (v->kind == BH_IR_VAR_TEMP || bh_ir_var_is_global(v) ||
		    (v->flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_ARRAY)) == BH_IR_VAR_ADDRESSED)
			return 0;
		bh_ir_only_def(c->fn, s, &ndefs);
		return ndefs == 0 ? s + 1 : 0;
	}
	return 0;
}

// The arithmetic instruction that computed operand `o` of comparison
// `cmp` in block `b`, when its operands still hold at the block's end:
// what the comparison bounds, should it be computed again. Else NULL.
static const bh_ir_instr *compared_arithmetic(const bh_taint__fctx *c, const bh_ir_block *b,
					      const bh_ir_instr *cmp, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR || c->fn->vars[o->var].kind != BH_IR_VAR_TEMP)
		return NULL;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, cmp, o->var);
	if (!d || d->op != BH_IR_BINOP || d->nargs != 2 || bh_taint__is_comparison(d->sub) ||
	    d->sub == BH_IR_BIN_EQ || d->sub == BH_IR_BIN_NE)
		return NULL;
	for (uint32_t a = 0; a < 2; a++) {
		if (d->args[a].kind != BH_IR_OPND_VAR)
			continue;
		const bh_ir_instr *last = bh_ir_block_last_def(b, d->args[a].var);
		if (last && last->id > d->id)
			return NULL;
	}
	return d;
}

static void bound_arithmetic(bh_taint__edge *e, int side, const bh_ir_instr *d, unsigned ends)
{
	if (!d || (e->expr[side] && e->expr[side] != d))
		return; // one per side: the first
	e->expr[side] = d;
	e->expr_bounds[side] |= (uint8_t)ends;
}

bool bh_taint__is_comparison(int op)
{
	return op == BH_IR_BIN_LT || op == BH_IR_BIN_LE || op == BH_IR_BIN_GT ||
	       op == BH_IR_BIN_GE;
}

// What `x op y` being true (side 0) or false (side 1) says about bounds.
static void comparison_bounds(bh_taint__fctx *c, bh_taint__edge *e, const bh_ir_block *b, const bh_ir_instr *cmp)
{
	bh_taint__locs x = value_locs(c, b, &cmp->args[0]), y = value_locs(c, b, &cmp->args[1]);
	int64_t k;
	bool x_const = bh_flow_const_of(&c->consts, &cmp->args[0], &k), y_const = bh_flow_const_of(&c->consts, &cmp->args[1], &k);
	// An unsigned comparison that bounds from above also excludes a
	// negative signed value (it would compare as huge).
	bool u = cmp->is_unsigned;
	uint32_t x_len = measured_string(c, b, &cmp->args[0]), y_len = measured_string(c, b, &cmp->args[1]);
	const bh_ir_instr *x_expr = compared_arithmetic(c, b, cmp, &cmp->args[0]);
	const bh_ir_instr *y_expr = compared_arithmetic(c, b, cmp, &cmp->args[1]);
	unsigned both = BH_TAINT__EXPR_UPPER | BH_TAINT__EXPR_LOWER;
	for (int side = 0; side < 2; side++) {
		int op = cmp->sub;
		if (side == 1) // the false edge of x op y is x (negated op) y
			op = bh_ir_cmp_negate(op);
		switch (op) {
		case BH_IR_BIN_LT:
		case BH_IR_BIN_LE: // x below y
			add_all(&e->upper[side], &x);
			e->len_tested[side] = x_len;
			bound_arithmetic(e, side, x_expr, u ? both : BH_TAINT__EXPR_UPPER);
			if (u)
				add_all(&e->lower[side], &x);
			if (x_const) {
				add_all(&e->lower[side], &y);
				bound_arithmetic(e, side, y_expr, BH_TAINT__EXPR_LOWER);
			}
			break;
		case BH_IR_BIN_GT:
		case BH_IR_BIN_GE: // y below x
			add_all(&e->upper[side], &y);
			e->len_tested[side] = y_len;
			bound_arithmetic(e, side, y_expr, u ? both : BH_TAINT__EXPR_UPPER);
			if (u)
				add_all(&e->lower[side], &y);
			if (y_const) {
				add_all(&e->lower[side], &x);
				bound_arithmetic(e, side, x_expr, BH_TAINT__EXPR_LOWER);
			}
			break;
		case BH_IR_BIN_EQ: // equal to a constant: bounded both ways
			if (y_const) {
				add_all(&e->upper[side], &x);
				add_all(&e->lower[side], &x);
			}
			if (x_const) {
				add_all(&e->upper[side], &y);
				add_all(&e->lower[side], &y);
			}
			break;
		default:
			break;
		}
	}
}

static void guard_clean(bh_taint__fctx *c, bh_taint__edge *e, const bh_ir_block *b, const bh_ir_instr *call, int side)
{
	if (call->callee.kind != BH_IR_OPND_FUNC)
		return;
	size_t n;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, call->callee.str, &n);
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind != BH_TAINT_GUARD || m[i].to.index >= call->nargs)
			continue;
		bh_taint__locs l = value_locs(c, b, &call->args[m[i].to.index]);
		add_all(&e->clean[side], &l);
		// A guard on a pointer cleans what it points to as well.
		const bh_ir_opnd *a = &call->args[m[i].to.index];
		if (a->kind == BH_IR_OPND_VAR)
			for (size_t k = 0; k < c->pts[a->var].len; k++)
				bh_taint__list_add(&e->clean[side], c->pts[a->var].items[k]);
	}
}

void bh_taint__compute_edges(bh_taint__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint32_t *rpo_index;
	uint32_t *order;
	bh_flow_rpo(&order, &rpo_index, c->arena, fn);
	for (uint32_t bi = 0; bi < fn->nblocks; bi++) {
		const bh_ir_block *b = &fn->blocks[bi];
		bh_taint__edge *e = &c->edges[bi];
		e->known = -1;
		// Loop conditions: a branch at a loop head or on a back edge.
		for (uint32_t k = 0; k < b->nsuccs; k++)
			if (rpo_index[b->succs[k]] <= rpo_index[bi])
				c->loop_cond[bi] = true;
		for (uint32_t k = 0; k < b->npreds; k++)
			if (rpo_index[b->preds[k]] >= rpo_index[bi])
				c->loop_cond[bi] = true;
		const bh_ir_instr *t = bh_ir_block_terminator(b);
		if (!t || t->op != BH_IR_BR || t->target[0] == t->target[1])
			continue;
		int64_t v;
		if (bh_flow_const_of(&c->consts, &t->args[0], &v)) {
			e->known = v != 0;
			continue;
		}
		if (t->args[0].kind != BH_IR_OPND_VAR)
			continue;
		const bh_ir_instr *d = bh_ir_block_last_def(b, t->args[0].var);
		int side_true = 0;
		if (d && d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT &&
		    d->args[0].kind == BH_IR_OPND_VAR) {
			side_true = 1; // `if (!x)`: x holds on the false edge
			d = bh_ir_block_last_def(b, d->args[0].var);
		}
		if (!d)
			continue;
		if (d->op == BH_IR_BINOP) {
			bh_taint__edge tmp;
			memset(&tmp, 0, sizeof(tmp));
			comparison_bounds(c, &tmp, b, d);
			for (int s = 0; s < 2; s++) {
				e->upper[s ^ side_true] = tmp.upper[s];
				e->lower[s ^ side_true] = tmp.lower[s];
				e->len_tested[s ^ side_true] = tmp.len_tested[s];
				c->len_tests |= tmp.len_tested[s] != 0;
				e->expr[s ^ side_true] = tmp.expr[s];
				e->expr_bounds[s ^ side_true] = tmp.expr_bounds[s];
			}
			if (bh_taint__is_comparison(d->sub)) {
				e->is_cmp = true;
				e->cmp_op = side_true ? bh_ir_cmp_negate(d->sub) : d->sub;
				e->on_pointers = d->on_pointers;
				e->cmp[0] = d->args[0];
				e->cmp[1] = d->args[1];
			}
		} else if (d->op == BH_IR_CALL) {
			guard_clean(c, e, b, d, side_true);
		}
	}
}
