// SPDX-License-Identifier: MIT
// Taint analysis of one function: a forward dataflow over its IR with the
// bh_flow solver, then one more walk over every block (the report pass)
// that checks sinks, records the function's summary and, in the reporting
// round, turns concrete flows into findings with their paths.
//
// Requires: a verified bh_ir_func; the summaries of its callees (bottom-up
// order, taint_program.c). Provides: its bh_taint__summary.
//
// Memory model. Locations are the function's variables plus field slots:
// `s.f` on a struct variable and `p->f` on a pointer value (keyed by the
// pointer), one level deep. A pointer's taint stands for its value and the
// memory it points to. A flow-insensitive points-to pre-pass (`p = &x`, `p
// = q`, `p = s.buf`, `p = arr`, `p = &s.f`) says where writes through a
// pointer land: `fgets(p, ...)` taints p and everything p may point to.
// Globals and statics are also tainted program-wide once any function
// stores untrusted data into them (taint_program.c).
//
// Path sensitivity. A branch on a constant (`if (0)`, a `static const int`,
// a global initialised once and never written, a local flag assigned once,
// a call to a function that always returns the same constant) makes the
// edge it never takes carry nothing. A comparison bounds its operands on
// the edge where the bound holds (`n < sizeof buf` bounds n from above on
// the true edge), which clears them for the size, length, index and
// loop-bound sinks; a guard model (`guard is_safe arg0`) cleans its
// argument on the true edge.
//
// Paths. Every tainted value remembers the instruction that last made it
// tainted (its witness); a finding's path is rebuilt backwards from the
// sink by replaying blocks up to each witness.
#include <string.h>

#include "dataflow/taint_internal.h"

#define MAX_PTS 32         // targets kept per pointer (more are dropped)
#define MAX_PATH_STEPS 24  // steps rebuilt per path
#define MAX_BOUND_LOCS 4   // locations one comparison bounds
#define MAX_SUMMARY_SINKS 256 // sinks one summary keeps (the rest are dropped)

// ------------------------------------------------------------ structures

typedef struct {
	uint32_t base;      // location the field hangs off (a variable or temp)
	const char *field;
} slot_key;

typedef struct {
	uint32_t locs[MAX_BOUND_LOCS];
	uint32_t n;
} loc_list;

// What a block's conditional branch says on each edge (0: true, 1: false).
typedef struct {
	int known;              // -1: unknown, else the condition's constant value
	loc_list upper[2], lower[2], clean[2];
	bool is_cmp;            // the condition is <, <=, >, >= (loop bounds)
	bh_ir_opnd cmp[2];      // its operands
} edge_info;

typedef BH_VEC(uint32_t) u32_vec;
typedef BH_VEC(const bh_ir_opnd *) opnd_vec;

typedef struct {
	bh_taint__program *prog;
	const bh_ir_func *fn;
	bh_taint__summary *sum;
	bh_arena *arena;          // scratch for this function
	BH_VEC(slot_key) slots;   // slot i is location fn->nvars + i
	uint32_t nlocs;
	u32_vec *pts;             // per location: what it may point to
	u32_vec *aliases;         // per location: pointers whose memory writes through it reach
	opnd_vec *targets;        // per location: functions it may hold
	uint32_t *track;          // location -> fact index, or BH_TAINT__NONE
	uint32_t ntracked;
	bh_taint__val *scratch;   // values of block-local temporaries
	bool *const_known;        // per variable
	int64_t *const_value;
	edge_info *edges;         // per block
	bool *loop_cond;          // per block: its branch decides a loop
	bh_flow_result result;
	u32_vec tainted_globals;  // variables of globals tainted program-wide
	unsigned *slot_bits;      // per slot: its label bit (a parameter's field), or 0
	bool reporting;           // in the report pass
} fctx;

// --------------------------------------------------------------- values

static bool is_global(const bh_ir_var *v)
{
	return v->kind == BH_IR_VAR_GLOBAL || v->kind == BH_IR_VAR_STATIC;
}

static void val_join(bh_taint__val *a, const bh_taint__val *b)
{
	if (a->target == BH_TAINT__TARGET_NONE)
		a->target = b->target;
	else if (b->target != BH_TAINT__TARGET_NONE && b->target != a->target)
		a->target = BH_TAINT__TARGET_ANY;
	if (!b->labels)
		return;
	a->small = a->labels ? (a->small & b->small) : b->small;
	if (!(a->labels & BH_TAINT__SRC))
		a->local = b->local;
	else if (b->labels & BH_TAINT__SRC)
		a->local &= b->local;
	if (!a->labels || b->witness < a->witness)
		a->witness = b->witness;
	a->labels |= b->labels;
	a->no_upper |= b->no_upper;
	a->no_lower |= b->no_lower;
}

static bh_taint__val val_src(uint32_t witness)
{
	bh_taint__val v = { BH_TAINT__SRC, BH_TAINT__SRC, BH_TAINT__SRC, witness, 0, 0, 0, 0 };
	return v;
}

static bh_taint__val *slot_of(fctx *c, bh_taint__val *fact, uint32_t loc)
{
	uint32_t t = c->track[loc];
	return t != BH_TAINT__NONE ? &fact[t] : &c->scratch[loc];
}

static bh_taint__val value_at(fctx *c, bh_taint__val *fact, uint32_t loc)
{
	return *slot_of(c, fact, loc);
}

// Globals that hold untrusted data program-wide get it back wherever they
// may have been written behind our back: on entry and after each call.
// (A check on a global in between still bounds it.)
static void reload_globals(fctx *c, bh_taint__val *f)
{
	for (size_t i = 0; i < c->tainted_globals.len; i++) {
		uint32_t var = c->tainted_globals.items[i];
		const bh_taint__tainted_global *tg =
			bh_taint__global(c->prog, bh_taint__global_key(&c->fn->vars[var]));
		bh_taint__val *v = slot_of(c, f, var);
		bh_taint__val g = val_src(BH_TAINT__NONE);
		g.local = tg && tg->local;
		if (v->labels & BH_TAINT__SRC) {
			v->no_upper |= BH_TAINT__SRC;
			v->no_lower |= BH_TAINT__SRC;
			v->small = 0;
			v->local &= g.local;
			continue;
		}
		val_join(v, &g);
		v->witness = BH_TAINT__NONE;
	}
}

// ----------------------------------------------------------- field slots

static uint32_t find_slot(const fctx *c, uint32_t base, const char *field)
{
	for (size_t i = 0; i < c->slots.len; i++)
		if (c->slots.items[i].base == base && strcmp(c->slots.items[i].field, field) == 0)
			return c->fn->nvars + (uint32_t)i;
	return BH_TAINT__NONE;
}

static void grow_locs(fctx *c)
{
	uint32_t n = c->fn->nvars + (uint32_t)c->slots.len;
	if (n <= c->nlocs)
		return;
	u32_vec *pts = bh_xcalloc(n, sizeof(*pts));
	u32_vec *aliases = bh_xcalloc(n, sizeof(*aliases));
	opnd_vec *targets = bh_xcalloc(n, sizeof(*targets));
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
	c->nlocs = n;
}

static uint32_t make_slot(fctx *c, uint32_t base, const char *field)
{
	uint32_t s = find_slot(c, base, field);
	if (s != BH_TAINT__NONE)
		return s;
	slot_key k = { base, field };
	bh_vec_push(&c->slots, k);
	grow_locs(c);
	return c->fn->nvars + (uint32_t)c->slots.len - 1;
}

// ------------------------------------------------------------- points-to

static bool set_add(u32_vec *v, uint32_t x)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i] == x)
			return false;
	if (v->len >= MAX_PTS)
		return false;
	bh_vec_push(v, x);
	return true;
}

static bool pts_add(fctx *c, uint32_t loc, uint32_t target)
{
	return set_add(&c->pts[loc], target);
}

static bool pts_union(fctx *c, uint32_t dst, uint32_t src)
{
	bool changed = false;
	for (size_t i = 0; i < c->pts[src].len; i++)
		changed |= pts_add(c, dst, c->pts[src].items[i]);
	return changed;
}

static bool targets_add(fctx *c, uint32_t loc, const bh_ir_opnd *fn)
{
	opnd_vec *v = &c->targets[loc];
	for (size_t i = 0; i < v->len; i++)
		if (strcmp(v->items[i]->str, fn->str) == 0)
			return false;
	if (v->len >= MAX_PTS)
		return false;
	bh_vec_push(v, fn);
	return true;
}

static bool targets_union(fctx *c, uint32_t dst, uint32_t src)
{
	bool changed = false;
	for (size_t i = 0; i < c->targets[src].len; i++)
		changed |= targets_add(c, dst, c->targets[src].items[i]);
	return changed;
}

static bool is_array_var(const fctx *c, const bh_ir_opnd *o)
{
	return o->kind == BH_IR_OPND_VAR && (c->fn->vars[o->var].flags & BH_IR_VAR_ARRAY);
}

// dst may point where value `o` points (an array stands for itself).
static bool flow_pointer(fctx *c, uint32_t dst, const bh_ir_opnd *o)
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
	return changed | pts_union(c, dst, o->var) | targets_union(c, dst, o->var);
}

// The field slots an access `base.f` / `base->f` may touch.
static loc_list field_slots(fctx *c, const bh_ir_instr *in, bool create)
{
	loc_list out = { { 0 }, 0 };
	const bh_ir_opnd *base = &in->args[0];
	if (base->kind != BH_IR_OPND_VAR || !in->name)
		return out;
	uint32_t s = create ? make_slot(c, base->var, in->name) : find_slot(c, base->var, in->name);
	if (s != BH_TAINT__NONE)
		out.locs[out.n++] = s;
	if (in->arrow) {
		for (size_t i = 0; i < c->pts[base->var].len && out.n < MAX_BOUND_LOCS; i++) {
			uint32_t t = c->pts[base->var].items[i];
			if (t >= c->fn->nvars)
				continue; // a pointer to a field: one level deep only
			s = create ? make_slot(c, t, in->name) : find_slot(c, t, in->name);
			if (s != BH_TAINT__NONE)
				out.locs[out.n++] = s;
		}
	}
	return out;
}

static bool points_to_step(fctx *c, const bh_ir_instr *in)
{
	bool changed = false;
	uint32_t dst = in->dst.kind == BH_IR_OPND_VAR ? in->dst.var : BH_TAINT__NONE;
	switch (in->op) {
	case BH_IR_ASSIGN:
		if (dst != BH_TAINT__NONE)
			changed |= flow_pointer(c, dst, &in->args[0]);
		break;
	case BH_IR_BINOP:
		if (dst != BH_TAINT__NONE && (in->sub == BH_IR_BIN_ADD || in->sub == BH_IR_BIN_SUB))
			changed |= flow_pointer(c, dst, &in->args[0]);
		break;
	case BH_IR_ADDR:
		if (dst != BH_TAINT__NONE && in->args[0].kind == BH_IR_OPND_VAR)
			changed |= pts_add(c, dst, in->args[0].var);
		break;
	case BH_IR_FIELD_ADDR:
		if (dst != BH_TAINT__NONE) {
			loc_list s = field_slots(c, in, true);
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
				changed |= pts_union(c, dst, t) | targets_union(c, dst, t);
			}
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
		loc_list s = field_slots(c, in, true);
		for (uint32_t i = 0; i < s.n; i++)
			changed |= pts_union(c, dst, s.locs[i]) | targets_union(c, dst, s.locs[i]);
		break;
	}
	case BH_IR_FIELD_STORE: {
		loc_list s = field_slots(c, in, true);
		for (uint32_t i = 0; i < s.n; i++)
			changed |= flow_pointer(c, s.locs[i], &in->args[1]);
		break;
	}
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

static void compute_points_to(fctx *c)
{
	grow_locs(c);
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

// Constants that decide branches: const globals, globals initialised and
// never written, locals and temporaries assigned once from constants, and
// calls to functions that always return the same constant.
static bool opnd_const(const fctx *c, const bh_ir_opnd *o, int64_t *out)
{
	if (o->kind == BH_IR_OPND_INT) {
		*out = o->ival;
		return true;
	}
	if (o->kind == BH_IR_OPND_VAR && c->const_known[o->var]) {
		*out = c->const_value[o->var];
		return true;
	}
	return false;
}

static bool fold_binop(int op, int64_t a, int64_t b, int64_t *out)
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

static void compute_constants(fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint32_t *ndefs = bh_xcalloc(fn->nvars ? fn->nvars : 1, sizeof(*ndefs));
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind == BH_IR_OPND_VAR)
				ndefs[in->dst.var]++;
		}
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		bool init_only = (var->flags & BH_IR_VAR_INIT) &&
				 !bh_taint__global_written(c->prog, bh_taint__global_key(var));
		if ((var->flags & BH_IR_VAR_CONST) || init_only) {
			c->const_known[v] = true;
			c->const_value[v] = var->const_value;
		}
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
				if (c->const_known[d] || ndefs[d] != 1 || is_global(var) ||
				    var->kind == BH_IR_VAR_PARAM || (var->flags & BH_IR_VAR_ADDRESSED))
					continue;
				int64_t a, x, r;
				bool ok = false;
				if (in->op == BH_IR_ASSIGN && opnd_const(c, &in->args[0], &a)) {
					r = a;
					ok = true;
				} else if (in->op == BH_IR_BINOP && opnd_const(c, &in->args[0], &a) &&
					   opnd_const(c, &in->args[1], &x)) {
					ok = fold_binop(in->sub, a, x, &r);
				} else if (in->op == BH_IR_UNOP && opnd_const(c, &in->args[0], &a)) {
					ok = true;
					r = in->sub == BH_IR_UN_LNOT ? !a : in->sub == BH_IR_UN_NEG ? -a
						: in->sub == BH_IR_UN_NOT ? ~a : a;
				} else if (in->op == BH_IR_CALL && in->callee.kind == BH_IR_OPND_FUNC &&
					   in->callee.usr) {
					const bh_taint__summary *s = bh_taint__summary_of(c->prog, in->callee.usr);
					if (s && s->analysed && s->ret_is_const) {
						r = s->ret_const;
						ok = true;
					}
				}
				if (ok) {
					c->const_known[d] = true;
					c->const_value[d] = r;
					changed = true;
				}
			}
		if (!changed)
			break;
	}
	free(ndefs);
}

// --------------------------------------------------------- branch edges

// The instruction of block `b` that defines temporary/variable `var` last
// before its terminator, or NULL.
static const bh_ir_instr *def_in_block(const bh_ir_block *b, uint32_t var)
{
	for (uint32_t i = b->ninstrs; i-- > 0;)
		if (b->instrs[i].dst.kind == BH_IR_OPND_VAR && b->instrs[i].dst.var == var)
			return &b->instrs[i];
	return NULL;
}

static void list_add(loc_list *l, uint32_t loc)
{
	for (uint32_t i = 0; i < l->n; i++)
		if (l->locs[i] == loc)
			return;
	if (l->n < MAX_BOUND_LOCS)
		l->locs[l->n++] = loc;
}

// Locations that hold the value of operand `o` at the end of block `b`:
// the variable, and where a temporary was just read from.
static loc_list value_locs(fctx *c, const bh_ir_block *b, const bh_ir_opnd *o)
{
	loc_list out = { { 0 }, 0 };
	if (o->kind != BH_IR_OPND_VAR)
		return out;
	list_add(&out, o->var);
	const bh_ir_instr *d = def_in_block(b, o->var);
	if (!d)
		return out;
	if (d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_VAR)
		list_add(&out, d->args[0].var);
	if (d->op == BH_IR_FIELD) {
		loc_list s = field_slots(c, d, false);
		for (uint32_t i = 0; i < s.n; i++)
			list_add(&out, s.locs[i]);
	}
	return out;
}

static void add_all(loc_list *dst, const loc_list *src)
{
	for (uint32_t i = 0; i < src->n; i++)
		list_add(dst, src->locs[i]);
}

static bool is_comparison(int op)
{
	return op == BH_IR_BIN_LT || op == BH_IR_BIN_LE || op == BH_IR_BIN_GT ||
	       op == BH_IR_BIN_GE;
}

// What `x op y` being true (side 0) or false (side 1) says about bounds.
static void comparison_bounds(fctx *c, edge_info *e, const bh_ir_block *b, const bh_ir_instr *cmp)
{
	loc_list x = value_locs(c, b, &cmp->args[0]), y = value_locs(c, b, &cmp->args[1]);
	int64_t k;
	bool x_const = opnd_const(c, &cmp->args[0], &k), y_const = opnd_const(c, &cmp->args[1], &k);
	// An unsigned comparison that bounds from above also excludes a
	// negative signed value (it would compare as huge).
	bool u = cmp->is_unsigned;
	for (int side = 0; side < 2; side++) {
		int op = cmp->sub;
		if (side == 1) { // the false edge of x op y is x (negated op) y
			op = op == BH_IR_BIN_LT ? BH_IR_BIN_GE : op == BH_IR_BIN_LE ? BH_IR_BIN_GT
			   : op == BH_IR_BIN_GT ? BH_IR_BIN_LE : op == BH_IR_BIN_GE ? BH_IR_BIN_LT
			   : op == BH_IR_BIN_EQ ? BH_IR_BIN_NE : op == BH_IR_BIN_NE ? BH_IR_BIN_EQ : op;
		}
		switch (op) {
		case BH_IR_BIN_LT:
		case BH_IR_BIN_LE: // x below y
			add_all(&e->upper[side], &x);
			if (u)
				add_all(&e->lower[side], &x);
			if (x_const)
				add_all(&e->lower[side], &y);
			break;
		case BH_IR_BIN_GT:
		case BH_IR_BIN_GE: // y below x
			add_all(&e->upper[side], &y);
			if (u)
				add_all(&e->lower[side], &y);
			if (y_const)
				add_all(&e->lower[side], &x);
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

static void guard_clean(fctx *c, edge_info *e, const bh_ir_block *b, const bh_ir_instr *call, int side)
{
	if (call->callee.kind != BH_IR_OPND_FUNC)
		return;
	size_t n;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, call->callee.str, &n);
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind != BH_TAINT_GUARD || m[i].to.index >= call->nargs)
			continue;
		loc_list l = value_locs(c, b, &call->args[m[i].to.index]);
		add_all(&e->clean[side], &l);
		// A guard on a pointer cleans what it points to as well.
		const bh_ir_opnd *a = &call->args[m[i].to.index];
		if (a->kind == BH_IR_OPND_VAR)
			for (size_t k = 0; k < c->pts[a->var].len; k++)
				list_add(&e->clean[side], c->pts[a->var].items[k]);
	}
}

static void compute_edges(fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint32_t *rpo_index;
	uint32_t *order;
	bh_flow_rpo(&order, &rpo_index, c->arena, fn);
	for (uint32_t bi = 0; bi < fn->nblocks; bi++) {
		const bh_ir_block *b = &fn->blocks[bi];
		edge_info *e = &c->edges[bi];
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
		if (opnd_const(c, &t->args[0], &v)) {
			e->known = v != 0;
			continue;
		}
		if (t->args[0].kind != BH_IR_OPND_VAR)
			continue;
		const bh_ir_instr *d = def_in_block(b, t->args[0].var);
		int side_true = 0;
		if (d && d->op == BH_IR_UNOP && d->sub == BH_IR_UN_LNOT &&
		    d->args[0].kind == BH_IR_OPND_VAR) {
			side_true = 1; // `if (!x)`: x holds on the false edge
			d = def_in_block(b, d->args[0].var);
		}
		if (!d)
			continue;
		if (d->op == BH_IR_BINOP) {
			edge_info tmp;
			memset(&tmp, 0, sizeof(tmp));
			comparison_bounds(c, &tmp, b, d);
			for (int s = 0; s < 2; s++) {
				e->upper[s ^ side_true] = tmp.upper[s];
				e->lower[s ^ side_true] = tmp.lower[s];
			}
			if (is_comparison(d->sub)) {
				e->is_cmp = true;
				e->cmp[0] = d->args[0];
				e->cmp[1] = d->args[1];
			}
		} else if (d->op == BH_IR_CALL) {
			guard_clean(c, e, b, d, side_true);
		}
	}
}

// ----------------------------------------------------------- the lattice

static void lat_init(void *fact, void *payload)
{
	fctx *c = payload;
	memset(fact, 0, c->ntracked * sizeof(bh_taint__val));
}

// Fact slot 0 is not a location: its labels say whether the point is
// reachable at all. Bottom (all zero) is "never runs": a block entered
// only through edges that a constant condition never takes stays there,
// whatever sources it calls.
#define REACHABLE 0

static void lat_boundary(void *fact, void *payload)
{
	fctx *c = payload;
	bh_taint__val *f = fact;
	lat_init(fact, payload);
	f[REACHABLE].labels = 1;
	reload_globals(c, f);
	size_t nmodels;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, c->fn->name, &nmodels);
	// The fields of what a parameter points to get labels of their own
	// (bits after the parameters'), so that callers can tell `p->len`
	// from the rest of *p.
	for (unsigned b = 1u + c->fn->nparams; b < c->sum->nlabels; b++) {
		for (size_t k = 0; k < c->slots.len; k++)
			if (c->slot_bits[k] == b) {
				bh_taint__val *v = slot_of(c, f, c->fn->nvars + (uint32_t)k);
				v->labels = v->no_upper = v->no_lower = (uint64_t)1 << b;
				v->witness = BH_TAINT__NONE;
			}
	}
	for (uint32_t i = 0; i < c->fn->nparams; i++) {
		bh_taint__val *v = slot_of(c, f, i);
		if (i < BH_TAINT__MAX_PARAMS) {
			uint64_t l = BH_TAINT__PARAM(i);
			v->labels = v->no_upper = v->no_lower = l;
			v->witness = BH_TAINT__NONE;
		}
		for (size_t k = 0; k < nmodels; k++)
			if (m[k].kind == BH_TAINT_SOURCE && m[k].to.kind == BH_TAINT_PLACE_PARAM &&
			    m[k].to.index == i) {
				bh_taint__val s = val_src(BH_TAINT__NONE);
				s.local = m[k].local;
				val_join(v, &s);
				v->witness = BH_TAINT__NONE;
			}
	}
}

static void lat_join(void *dst, const void *src, void *payload)
{
	fctx *c = payload;
	bh_taint__val *d = dst;
	const bh_taint__val *s = src;
	for (uint32_t i = 0; i < c->ntracked; i++)
		val_join(&d[i], &s[i]);
}

static bool lat_equal(const void *a, const void *b, void *payload)
{
	fctx *c = payload;
	return memcmp(a, b, c->ntracked * sizeof(bh_taint__val)) == 0;
}

static void lat_copy(void *dst, const void *src, void *payload)
{
	fctx *c = payload;
	memcpy(dst, src, c->ntracked * sizeof(bh_taint__val));
}

static bh_taint__val whole_of(fctx *c, bh_taint__val *f, const bh_ir_opnd *base, bool arrow);

static void clear_bounds(fctx *c, bh_taint__val *f, const loc_list *l, bool upper)
{
	for (uint32_t i = 0; i < l->n; i++) {
		if (c->track[l->locs[i]] == BH_TAINT__NONE)
			continue;
		bh_taint__val *v = &f[c->track[l->locs[i]]];
		if (l->locs[i] >= c->fn->nvars) {
			// A field slot: it holds what its struct holds, now bounded.
			const slot_key *k = &c->slots.items[l->locs[i] - c->fn->nvars];
			bh_ir_opnd base = bh_ir_var_opnd(k->base);
			bool arrow = c->fn->vars[k->base].flags & BH_IR_VAR_POINTER ||
				     c->fn->vars[k->base].kind == BH_IR_VAR_TEMP;
			bh_taint__val w = whole_of(c, f, &base, arrow);
			// As on a read: what the slot knows of bounds wins.
			w.no_upper &= ~v->labels;
			w.no_lower &= ~v->labels;
			val_join(v, &w);
		}
		if (upper)
			v->no_upper = 0;
		else
			v->no_lower = 0;
	}
}

static void lat_edge(void *fact, const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	fctx *c = payload;
	const edge_info *e = &c->edges[from];
	const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[from]);
	if (!t || t->op != BH_IR_BR || t->target[0] == t->target[1])
		return;
	int side = to == t->target[0] ? 0 : 1;
	if (e->known >= 0 && (e->known == 1) != (side == 0)) {
		lat_init(fact, payload); // a path that never runs carries nothing
		return;
	}
	bh_taint__val *f = fact;
	clear_bounds(c, f, &e->upper[side], true);
	clear_bounds(c, f, &e->lower[side], false);
	for (uint32_t i = 0; i < e->clean[side].n; i++) {
		uint32_t loc = e->clean[side].locs[i];
		if (c->track[loc] != BH_TAINT__NONE)
			memset(&f[c->track[loc]], 0, sizeof(bh_taint__val));
	}
}

// ------------------------------------------------------------- transfer

static void transfer(fctx *c, bh_taint__val *f, const bh_ir_instr *in);

static void lat_transfer_block(void *fact, const bh_ir_func *fn, const bh_ir_block *b, void *payload)
{
	(void)fn;
	fctx *c = payload;
	if (!((bh_taint__val *)fact)[REACHABLE].labels)
		return;
	for (uint32_t i = 0; i < b->ninstrs; i++)
		transfer(c, fact, &b->instrs[i]);
}

// The taint of operand `o` as a value.
static bh_taint__val read_value(fctx *c, bh_taint__val *f, const bh_ir_opnd *o)
{
	bh_taint__val none = { 0, 0, 0, 0, 0, 0, 0, 0 };
	if (o->kind != BH_IR_OPND_VAR)
		return none;
	return value_at(c, f, o->var);
}

// The taint of `o` and of the memory it may point to: what a callee that
// reads through the pointer sees.
// The location pointer `o` certainly points to here, or NONE: then the
// flow-insensitive points-to set says where it may point.
static uint32_t known_target(fctx *c, bh_taint__val *f, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return BH_TAINT__NONE;
	uint32_t t = slot_of(c, f, o->var)->target;
	return t != BH_TAINT__TARGET_NONE && t != BH_TAINT__TARGET_ANY && t - 1 < c->nlocs
		       ? t - 1 : BH_TAINT__NONE;
}

static bh_taint__val read_deep(fctx *c, bh_taint__val *f, const bh_ir_opnd *o)
{
	bh_taint__val v = read_value(c, f, o);
	if (o->kind != BH_IR_OPND_VAR)
		return v;
	uint32_t known = known_target(c, f, o);
	const u32_vec *p = &c->pts[o->var];
	for (size_t i = 0; i < p->len; i++) {
		if (known != BH_TAINT__NONE && p->items[i] != known)
			continue; // it points elsewhere by now
		bh_taint__val t = value_at(c, f, p->items[i]);
		val_join(&v, &t);
	}
	if (known != BH_TAINT__NONE) {
		bh_taint__val t = value_at(c, f, known);
		val_join(&v, &t);
	}
	// The fields of a struct passed by address are its memory too.
	for (size_t i = 0; i < c->slots.len; i++)
		if (c->slots.items[i].base == o->var) {
			bh_taint__val t = value_at(c, f, c->fn->nvars + (uint32_t)i);
			val_join(&v, &t);
		}
	return v;
}

static void record_global_write(fctx *c, uint32_t loc, const bh_taint__val *v, uint32_t at);
static void summarize_fields(fctx *c, bh_taint__val *f, uint32_t j, const bh_ir_instr *ret);
static loc_list arg_field_slots(fctx *c, const bh_ir_opnd *arg, const char *field, bool create);
static void add_summary_sinks(fctx *c, uint64_t fire, const bh_taint__sink *sk);

// The taint of a struct as a whole (`s` for `s.f`; `*p` for `p->f`).
static bh_taint__val whole_of(fctx *c, bh_taint__val *f, const bh_ir_opnd *base, bool arrow)
{
	bh_taint__val v = read_value(c, f, base);
	if (arrow && base->kind == BH_IR_OPND_VAR) {
		const u32_vec *p = &c->pts[base->var];
		for (size_t i = 0; i < p->len; i++) {
			bh_taint__val t = value_at(c, f, p->items[i]);
			val_join(&v, &t);
		}
	}
	return v;
}

// Strong update of a location.
static void write_loc(fctx *c, bh_taint__val *f, uint32_t loc, bh_taint__val v, uint32_t at)
{
	if (v.labels)
		v.witness = at;
	*slot_of(c, f, loc) = v;
	if (v.labels && c->reporting && loc < c->fn->nvars && is_global(&c->fn->vars[loc]))
		record_global_write(c, loc, &v, at);
}

// Weak update: `v` may have been written there.
static void add_loc(fctx *c, bh_taint__val *f, uint32_t loc, bh_taint__val v, uint32_t at)
{
	if (!v.labels)
		return;
	v.witness = at;
	bh_taint__val *d = slot_of(c, f, loc);
	bh_taint__val keep = *d;
	val_join(d, &v);
	if (d->labels != keep.labels)
		d->witness = at;
	if (c->reporting && loc < c->fn->nvars && is_global(&c->fn->vars[loc]))
		record_global_write(c, loc, &v, at);
}

// Data written into the memory `o` points to (a buffer filled by fgets).
static void write_through(fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bh_taint__val v,
			  uint32_t at)
{
	if (o->kind != BH_IR_OPND_VAR || !v.labels)
		return;
	uint32_t known = known_target(c, f, o);
	v.target = BH_TAINT__TARGET_NONE; // data, not a new pointer value
	add_loc(c, f, o->var, v, at);
	if (known != BH_TAINT__NONE) {
		add_loc(c, f, known, v, at);
	} else {
		const u32_vec *p = &c->pts[o->var];
		for (size_t i = 0; i < p->len; i++)
			add_loc(c, f, p->items[i], v, at);
	}
	const u32_vec *a = &c->aliases[o->var];
	for (size_t i = 0; i < a->len; i++)
		add_loc(c, f, a->items[i], v, at);
}

// A source fills all memory reachable from `loc`: what it points to, the
// fields there and what they point to (recvmsg fills msg.msg_iov[i].iov_base).
static void write_reachable(fctx *c, bh_taint__val *f, uint32_t loc, bh_taint__val v, uint32_t at,
			    int depth)
{
	v.target = BH_TAINT__TARGET_NONE; // data, not a new pointer value
	bh_ir_opnd self = bh_ir_var_opnd(loc);
	uint32_t known = loc < c->fn->nvars ? known_target(c, f, &self) : BH_TAINT__NONE;
	add_loc(c, f, loc, v, at);
	if (depth == 0)
		return;
	if (known != BH_TAINT__NONE)
		write_reachable(c, f, known, v, at, depth - 1);
	else
		for (size_t i = 0; i < c->pts[loc].len; i++)
			write_reachable(c, f, c->pts[loc].items[i], v, at, depth - 1);
	for (size_t i = 0; i < c->aliases[loc].len; i++)
		add_loc(c, f, c->aliases[loc].items[i], v, at);
	for (size_t i = 0; i < c->slots.len; i++)
		if (c->slots.items[i].base == loc)
			write_reachable(c, f, c->fn->nvars + (uint32_t)i, v, at, depth - 1);
}

// Where the result of `in` points, if it is a pointer we can follow:
// `&x`, `&s.f`, an array used as a value, a copy of a pointer, pointer
// arithmetic on one.
static uint32_t result_target(fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *a = in->nargs ? &in->args[0] : NULL;
	if (!a || a->kind != BH_IR_OPND_VAR)
		return BH_TAINT__TARGET_ANY;
	bool array = c->fn->vars[a->var].flags & BH_IR_VAR_ARRAY;
	switch (in->op) {
	case BH_IR_ADDR:
		return a->var + 1;
	case BH_IR_FIELD_ADDR: {
		uint32_t s = in->arrow || !in->name ? BH_TAINT__NONE : find_slot(c, a->var, in->name);
		return s == BH_TAINT__NONE ? BH_TAINT__TARGET_ANY : s + 1;
	}
	case BH_IR_ASSIGN:
	case BH_IR_INDEX_ADDR:
	case BH_IR_BINOP:
		if (in->op == BH_IR_BINOP && in->sub != BH_IR_BIN_ADD && in->sub != BH_IR_BIN_SUB)
			return BH_TAINT__TARGET_ANY;
		if (array)
			return a->var + 1;
		{
			uint32_t t = slot_of(c, f, a->var)->target;
			return t == BH_TAINT__TARGET_NONE ? BH_TAINT__TARGET_ANY : t;
		}
	default:
		return BH_TAINT__TARGET_ANY;
	}
}

static void set_dst(fctx *c, bh_taint__val *f, const bh_ir_instr *in, bh_taint__val v)
{
	if (in->dst.kind != BH_IR_OPND_VAR)
		return;
	v.target = result_target(c, f, in);
	write_loc(c, f, in->dst.var, v, in->id);
}

static bh_taint__val clean_val(void)
{
	bh_taint__val v = { 0, 0, 0, 0, 0, 0, 0, 0 };
	return v;
}

// ---------------------------------------------------------------- paths

typedef struct {
	BH_VEC(bh_finding_step) steps; // built backwards (sink first)
	const char *what;              // the source's description
} path_builder;

static void step(fctx *c, path_builder *pb, bh_loc loc, const char *fmt, const char *a,
		 const char *b)
{
	bh_finding_step s;
	s.loc = loc;
	s.message = bh_arena_sprintf(c->prog->arena, fmt, a ? a : "", b ? b : "");
	bh_vec_push(&pb->steps, s);
}

static void prepend_path(path_builder *pb, const bh_taint__path *p)
{
	// `pb` is backwards: push the path's steps last first.
	for (size_t i = p->len; i-- > 0;)
		bh_vec_push(&pb->steps, p->steps[i]);
}

static bh_taint__path finish_path(fctx *c, path_builder *pb)
{
	bh_taint__path p = { NULL, pb->steps.len };
	if (p.len) {
		p.steps = bh_arena_alloc(c->prog->arena, p.len * sizeof(*p.steps));
		for (size_t i = 0; i < p.len; i++)
			p.steps[i] = pb->steps.items[p.len - 1 - i];
	}
	bh_vec_dispose(&pb->steps);
	return p;
}

static const char *var_name(const fctx *c, uint32_t loc)
{
	if (loc >= c->fn->nvars) {
		const slot_key *k = &c->slots.items[loc - c->fn->nvars];
		const char *base = c->fn->vars[k->base].kind == BH_IR_VAR_TEMP ? "..." :
				   c->fn->vars[k->base].name;
		return bh_arena_sprintf(c->prog->arena, "%s.%s", base, k->field);
	}
	const bh_ir_var *v = &c->fn->vars[loc];
	return v->kind == BH_IR_VAR_TEMP ? NULL : v->name;
}

// The fact just before instruction `at`, replayed from its block's entry
// into `f` (ntracked values), with block-local temporaries in c->scratch.
static void state_before(fctx *c, bh_taint__val *f, uint32_t at)
{
	const bh_ir_instr *target = bh_ir_instr_at(c->fn, at);
	const bh_ir_block *b = &c->fn->blocks[target->block];
	memcpy(f, bh_flow_in(&c->result, b->id), c->ntracked * sizeof(*f));
	bool saved = c->reporting;
	c->reporting = false;
	for (uint32_t i = 0; i < b->ninstrs && b->instrs[i].id != at; i++)
		transfer(c, f, &b->instrs[i]);
	c->reporting = saved;
}

// The first location behind operand `o` (deep: also what it points to and
// its fields) that carries taint in `f`, or NONE.
static uint32_t tainted_loc(fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bool deep)
{
	if (o->kind != BH_IR_OPND_VAR)
		return BH_TAINT__NONE;
	if (value_at(c, f, o->var).labels)
		return o->var;
	if (!deep)
		return BH_TAINT__NONE;
	const u32_vec *p = &c->pts[o->var];
	for (size_t i = 0; i < p->len; i++)
		if (value_at(c, f, p->items[i]).labels)
			return p->items[i];
	for (size_t i = 0; i < c->slots.len; i++)
		if (c->slots.items[i].base == o->var &&
		    value_at(c, f, c->fn->nvars + (uint32_t)i).labels)
			return c->fn->nvars + (uint32_t)i;
	return BH_TAINT__NONE;
}

static void explain(fctx *c, path_builder *pb, uint32_t loc, uint32_t at);
static const char *display_name(fctx *c, const char *name);

// Why instruction `w` (a call) made its result or argument tainted.
static bool explain_call(fctx *c, path_builder *pb, const bh_ir_instr *w, bh_taint__val *f,
			 uint32_t *next_loc)
{
	const char *callee = w->callee.kind == BH_IR_OPND_FUNC ? w->callee.str : NULL;
	if (!callee)
		return false;
	bh_taint__summary *s = w->callee.usr ? bh_taint__summary_of(c->prog, w->callee.usr) : NULL;
	if (s && s->analysed) {
		if (s->ret.labels & BH_TAINT__SRC) {
			step(c, pb, w->loc, "returned by %s()%s", callee, "");
			prepend_path(pb, &s->ret_path);
			if (!pb->what)
				pb->what = s->ret_what;
			return true;
		}
		for (uint32_t j = 0; j < s->fn->nparams && j < w->nargs; j++)
			if (s->param_out && (s->param_out[j].labels & BH_TAINT__SRC)) {
				step(c, pb, w->loc, "written by %s()%s", callee, "");
				prepend_path(pb, &s->param_out_path[j]);
				if (!pb->what)
					pb->what = s->param_out_what[j];
				return true;
			}
		for (size_t k = 0; k < s->fields.len; k++)
			if (s->fields.items[k].val.labels & BH_TAINT__SRC) {
				step(c, pb, w->loc, "written by %s()%s", callee, "");
				prepend_path(pb, &s->fields.items[k].path);
				if (!pb->what)
					pb->what = s->fields.items[k].what;
				return true;
			}
		// Which of its parameters flow out (to the result or into a
		// pointer argument), and so which argument brought the taint.
		uint64_t out = s->ret.labels;
		for (uint32_t k = 0; s->param_out && k < s->fn->nparams; k++)
			out |= s->param_out[k].labels;
		for (size_t k = 0; k < s->fields.len; k++)
			out |= s->fields.items[k].val.labels;
		for (uint32_t j = 0; j < s->fn->nparams && j < w->nargs && j < BH_TAINT__MAX_PARAMS; j++)
			if (out & BH_TAINT__PARAM(j)) {
				uint32_t l = tainted_loc(c, f, &w->args[j], true);
				if (l != BH_TAINT__NONE) {
					step(c, pb, w->loc, "passes through %s()%s", callee, "");
					*next_loc = l;
					return false;
				}
			}
		return true;
	}
	size_t n;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, callee, &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_TAINT_SOURCE && m[i].to.kind != BH_TAINT_PLACE_PARAM) {
			const char *shown = display_name(c, callee);
			// "input read by fgets" already names the function.
			pb->what = strstr(m[i].what, shown) ? m[i].what
				 : bh_arena_sprintf(c->prog->arena, "%s (%s)", m[i].what, shown);
			step(c, pb, w->loc, "%s%s", pb->what, "");
			return true;
		}
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind != BH_TAINT_PROPAGATE || m[i].from.kind != BH_TAINT_PLACE_ARG)
			continue;
		for (uint32_t a = m[i].from.index; a < w->nargs; a++) {
			uint32_t l = tainted_loc(c, f, &w->args[a], true);
			if (l != BH_TAINT__NONE) {
				step(c, pb, w->loc, "passes through %s()%s", display_name(c, callee), "");
				*next_loc = l;
				return false;
			}
			if (!m[i].from.and_after)
				break;
		}
	}
	return true;
}

// Steps that brought taint to location `loc` just before instruction `at`,
// pushed backwards onto `pb`.
static void explain(fctx *c, path_builder *pb, uint32_t loc, uint32_t at)
{
	bh_taint__val *f = bh_xmalloc((c->ntracked ? c->ntracked : 1) * sizeof(*f));
	bh_taint__val *saved_scratch = c->scratch;
	c->scratch = bh_xcalloc(c->nlocs ? c->nlocs : 1, sizeof(*c->scratch));
	for (int depth = 0; depth < MAX_PATH_STEPS; depth++) {
		state_before(c, f, at);
		bh_taint__val v = value_at(c, f, loc);
		if (!v.labels)
			break;
		if (v.witness == BH_TAINT__NONE) {
			// Tainted on entry: a parameter or a global.
			const char *name = var_name(c, loc);
			if (loc < c->fn->nvars && is_global(&c->fn->vars[loc])) {
				const bh_taint__tainted_global *g = bh_taint__global(c->prog,
					bh_taint__global_key(&c->fn->vars[loc]));
				if (g) {
					step(c, pb, bh_ir_instr_at(c->fn, at)->loc, "read from global '%s'%s", name, "");
					prepend_path(pb, &g->path);
					if (!pb->what)
						pb->what = g->what;
				}
			} else if (loc >= c->fn->nvars) {
				const slot_key *k = &c->slots.items[loc - c->fn->nvars];
				if (k->base < c->fn->nparams)
					step(c, pb, c->fn->loc, "field '%s' of parameter '%s'", k->field,
					     c->fn->vars[k->base].name);
			} else if (loc < c->fn->nparams) {
				size_t n;
				const bh_taint_model *m = bh_taint_models_find(c->prog->models,
									       c->fn->name, &n);
				const char *what = NULL;
				for (size_t k = 0; k < n; k++)
					if (m[k].kind == BH_TAINT_SOURCE &&
					    m[k].to.kind == BH_TAINT_PLACE_PARAM && m[k].to.index == loc)
						what = m[k].what;
				if (what && (v.labels & BH_TAINT__SRC)) {
					step(c, pb, c->fn->loc, "%s '%s'", what, name);
					if (!pb->what)
						pb->what = bh_arena_sprintf(c->prog->arena, "%s (%s)", what, name);
				} else {
					step(c, pb, c->fn->loc, "parameter '%s' of %s()", name, c->fn->name);
				}
			}
			break;
		}
		const bh_ir_instr *w = bh_ir_instr_at(c->fn, v.witness);
		state_before(c, f, w->id);
		const char *name = var_name(c, loc);
		uint32_t next = BH_TAINT__NONE;
		if (w->op == BH_IR_CALL) {
			if (explain_call(c, pb, w, f, &next) || next == BH_TAINT__NONE)
				break;
		} else {
			if (name && w->op != BH_IR_RET)
				step(c, pb, w->loc, "assigned to '%s'%s", name, "");
			// The operand that carried it: for stores the value written.
			uint32_t first = (w->op == BH_IR_STORE || w->op == BH_IR_FIELD_STORE) ? 1
				       : w->op == BH_IR_INDEX_STORE ? 2 : 0;
			bool deep = w->op == BH_IR_LOAD || w->op == BH_IR_INDEX || w->op == BH_IR_FIELD ||
				    w->op == BH_IR_ADDR || w->op == BH_IR_FIELD_ADDR ||
				    w->op == BH_IR_INDEX_ADDR || w->op == BH_IR_OPAQUE;
			for (uint32_t a = first; a < w->nargs && next == BH_TAINT__NONE; a++) {
				if (w->op == BH_IR_FIELD && a == 0 && w->args[0].kind == BH_IR_OPND_VAR) {
					loc_list s = field_slots(c, w, false);
					for (uint32_t k = 0; k < s.n && next == BH_TAINT__NONE; k++)
						if (value_at(c, f, s.locs[k]).labels)
							next = s.locs[k];
				}
				if (next == BH_TAINT__NONE)
					next = tainted_loc(c, f, &w->args[a], deep);
				if (w->op == BH_IR_INDEX || w->op == BH_IR_INDEX_ADDR)
					break; // the index does not carry taint
			}
			if (next == BH_TAINT__NONE)
				break;
		}
		loc = next;
		at = w->id;
	}
	free(c->scratch);
	c->scratch = saved_scratch;
	free(f);
}

static bh_taint__path path_to(fctx *c, uint32_t loc, uint32_t at, const char **what,
			      bh_loc sink_loc, const char *sink_msg)
{
	path_builder pb;
	memset(&pb, 0, sizeof(pb));
	if (sink_msg)
		step(c, &pb, sink_loc, "%s%s", sink_msg, "");
	explain(c, &pb, loc, at);
	if (what)
		*what = pb.what ? pb.what : "untrusted input";
	return finish_path(c, &pb);
}

// ---------------------------------------------------------------- sinks

static bool is_signed_type(const char *type)
{
	if (!type)
		return false;
	if (strstr(type, "unsigned") || strstr(type, "size_t") || strstr(type, "uint") ||
	    strchr(type, '*'))
		return false;
	return strstr(type, "int") || strstr(type, "long") || strstr(type, "short") ||
	       strstr(type, "ssize_t") || strstr(type, "off_t") || strcmp(type, "char") == 0 ||
	       strstr(type, "signed");
}

static bool rule_is_bounded(const bh_rule *r)
{
	return r->index == (bh_rule_id)BH_RULE_C_TAINTED_ALLOC_SIZE ||
	       r->index == (bh_rule_id)BH_RULE_C_TAINTED_LENGTH ||
	       r->index == (bh_rule_id)BH_RULE_C_TAINTED_INDEX ||
	       r->index == (bh_rule_id)BH_RULE_C_TAINTED_LOOP_BOUND;
}

static bool is_injection_rule(const bh_rule *r)
{
	return r->index == (bh_rule_id)BH_RULE_C_COMMAND_INJECTION ||
	       r->index == (bh_rule_id)BH_RULE_C_FORMAT_STRING;
}

// The labels of `v` that make a sink of `rule` fire. A small value (a byte)
// does not make a size, a length, an index or a loop unbounded, unless
// the sink's caller said it does (a short array: `small_fires`).
static uint64_t firing(const bh_rule *rule, const bh_taint__val *v, bool signed_matters)
{
	// The invoker's own command line is untrusted text for a shell or a
	// format, but choosing sizes, files and loop counts is what it is for.
	uint64_t concrete = v->local && !is_injection_rule(rule) ? BH_TAINT__SRC : 0;
	if (!rule_is_bounded(rule))
		return v->labels & ~concrete;
	if (v->small)
		return 0;
	return (v->no_upper | (signed_matters ? v->no_lower : 0)) & ~concrete;
}

static const char *sink_message(fctx *c, const bh_rule *rule, const char *callee,
				const char *operand, const char *what)
{
	bh_arena *a = c->prog->arena;
	const char *op = operand ? operand : "a value";
	switch ((bh_rule_id)rule->index) {
	case BH_RULE_C_COMMAND_INJECTION:
		return bh_arena_sprintf(a, "%s() runs a command built from %s", callee, what);
	case BH_RULE_C_FORMAT_STRING:
		return bh_arena_sprintf(a, "the format string of %s() comes from %s", callee, what);
	case BH_RULE_C_PATH_TRAVERSAL:
		return bh_arena_sprintf(a, "%s() gets a path built from %s", callee, what);
	case BH_RULE_C_TAINTED_ALLOC_SIZE:
		return bh_arena_sprintf(a, "%s() allocates a size taken from %s without an upper bound",
					callee, what);
	case BH_RULE_C_TAINTED_LENGTH:
		return bh_arena_sprintf(a, "the length passed to %s() comes from %s without a bounds check",
					callee, what);
	case BH_RULE_C_TAINTED_INDEX:
		return bh_arena_sprintf(a, "array index '%s' comes from %s without a bounds check", op,
					what);
	case BH_RULE_C_TAINTED_LOOP_BOUND:
		return bh_arena_sprintf(a, "loop bound '%s' comes from %s without an upper bound", op,
					what);
	default:
		return bh_arena_sprintf(a, "%s reaches %s", what, callee ? callee : op);
	}
}

static const char *sink_step(fctx *c, const bh_rule *rule, const char *callee)
{
	switch ((bh_rule_id)rule->index) {
	case BH_RULE_C_TAINTED_INDEX:
		return "used as an array index";
	case BH_RULE_C_TAINTED_LOOP_BOUND:
		return "used as a loop bound";
	default:
		return bh_arena_sprintf(c->prog->arena, "reaches %s()", callee ? callee : "a call");
	}
}

// The function the user wrote for a name glibc's headers substituted:
// __printf_chk, __builtin___memcpy_chk, __isoc99_sscanf.
static const char *display_name(fctx *c, const char *name)
{
	static const char *const prefixes[] = { "__builtin___", "__builtin_", "__isoc99_",
						"__isoc23_", "__" };
	if (!name)
		return NULL;
	for (size_t i = 0; i < BH_ARRAY_LEN(prefixes); i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(name, prefixes[i], n) != 0)
			continue;
		const char *base = name + n;
		size_t len = strlen(base);
		bool chk = len > 4 && strcmp(base + len - 4, "_chk") == 0;
		if (i == 4 && !chk)
			return name; // some other reserved name
		return bh_arena_strndup(c->prog->arena, base, chk ? len - 4 : len);
	}
	return name;
}

static const char *operand_text(fctx *c, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return NULL;
	return var_name(c, o->var);
}

// Does the summary already know that label `bit` reaches this sink? One
// entry per (rule, place, label): a function that calls the same
// helper many times, or a chain of wrappers, must not multiply them.
static bool has_sink(const bh_taint__summary *sum, const bh_rule *rule, const bh_loc *loc,
		     unsigned bit)
{
	for (size_t i = 0; i < sum->sinks.len; i++) {
		const bh_taint__sink *k = &sum->sinks.items[i];
		if (k->bit == bit && k->rule == rule && k->loc.line == loc->line &&
		    k->loc.col == loc->col && k->loc.path == loc->path)
			return true;
	}
	return sum->sinks.len >= MAX_SUMMARY_SINKS;
}

static bool has_small_array_arg(const fctx *c, const bh_ir_instr *in)
{
	for (uint32_t a = 0; a < in->nargs; a++) {
		const bh_ir_opnd *o = &in->args[a];
		if (o->kind == BH_IR_OPND_VAR && (c->fn->vars[o->var].flags & BH_IR_VAR_ARRAY) &&
		    c->fn->vars[o->var].size && c->fn->vars[o->var].size < 256)
			return true;
	}
	return false;
}

// A value reaching a sink at instruction `in`: a finding for concrete
// taint, a summary entry for each parameter it comes from.
static void reach_sink(fctx *c, bh_taint__val *f, const bh_ir_instr *in, const bh_rule *rule,
		       const char *callee, const bh_ir_opnd *arg, bool deep, bool signed_matters,
		       bool small_fires)
{
	callee = display_name(c, callee);
	bh_taint__val v = deep ? read_deep(c, f, arg) : read_value(c, f, arg);
	if (small_fires)
		v.small = 0;
	uint64_t fire = firing(rule, &v, signed_matters);
	if (!fire)
		return;
	uint32_t loc = tainted_loc(c, f, arg, deep);
	if (loc == BH_TAINT__NONE)
		return;
	const char *operand = operand_text(c, arg);
	const char *snippet = bh_arena_sprintf(c->prog->arena, "%s(%s)", callee ? callee : "[]",
					       operand ? operand : "");
	if (fire & BH_TAINT__SRC) {
		const char *what;
		bh_taint__path path = path_to(c, loc, in->id, &what, in->loc,
					      sink_step(c, rule, callee));
		if (c->prog->reporting)
			bh_taint__report(c->prog, rule, in->loc, c->fn->name, snippet,
					 sink_message(c, rule, callee, operand, what), &path);
	}
	if (!(fire & ~BH_TAINT__SRC))
		return;
	bh_taint__sink sk;
	memset(&sk, 0, sizeof(sk));
	sk.rule = rule;
	sk.bounded_sink = rule_is_bounded(rule);
	sk.signed_matters = signed_matters;
	sk.small_fires = small_fires;
	sk.loc = in->loc;
	sk.function = c->fn->name;
	sk.callee = callee;
	sk.operand = operand;
	sk.snippet = snippet;
	sk.path = path_to(c, loc, in->id, NULL, in->loc, sink_step(c, rule, callee));
	add_summary_sinks(c, fire, &sk);
}

// ----------------------------------------------------------------- calls

// The caller's value for each label bit of callee `s` at call `in`: bit 0
// concrete taint, a parameter's bit the argument (its value and what it
// points to), a field's bit that field of what the argument points to.
static void label_values(fctx *c, bh_taint__val *f, const bh_ir_instr *in,
			 const bh_taint__summary *s, bh_taint__val *out)
{
	memset(out, 0, 64 * sizeof(*out));
	out[0] = val_src(BH_TAINT__NONE);
	uint32_t np = s->fn->nparams < in->nargs ? s->fn->nparams : in->nargs;
	for (unsigned b = 1; b < s->nlabels; b++) {
		const bh_taint__label *l = &s->labels[b];
		if (l->param >= np)
			continue;
		const bh_ir_opnd *arg = &in->args[l->param];
		if (!l->field) {
			out[b] = whole_of(c, f, arg, true);
			continue;
		}
		loc_list slots = arg_field_slots(c, arg, l->field, false);
		for (uint32_t i = 0; i < slots.n; i++) {
			bh_taint__val t = value_at(c, f, slots.locs[i]);
			val_join(&out[b], &t);
		}
		// No slot of ours for that field: what we know of the whole.
		bh_taint__val w = whole_of(c, f, arg, true);
		if (slots.n) {
			w.no_upper &= ~out[b].labels;
			w.no_lower &= ~out[b].labels;
		}
		val_join(&out[b], &w);
	}
}

// A callee's value in the caller's terms.
static bh_taint__val map_labels(const bh_taint__val *callee_val, const bh_taint__val *bits,
				unsigned nbits)
{
	bh_taint__val out = clean_val();
	out.small = 1;
	for (unsigned b = 0; b < nbits; b++) {
		uint64_t bit = (uint64_t)1 << b;
		if (!(callee_val->labels & bit) || !bits[b].labels)
			continue;
		// Small if the callee keeps it small, or it passes a small value on.
		if (!callee_val->small && !(b > 0 && bits[b].small))
			out.small = 0;
		// Local if every concrete part is.
		if (bits[b].labels & BH_TAINT__SRC) {
			bool local = b == 0 ? callee_val->local : bits[b].local;
			if (!(out.labels & BH_TAINT__SRC))
				out.local = local;
			else
				out.local &= local;
		}
		out.labels |= bits[b].labels;
		if (callee_val->no_upper & bit)
			out.no_upper |= bits[b].no_upper;
		if (callee_val->no_lower & bit)
			out.no_lower |= bits[b].no_lower;
	}
	if (!out.labels)
		out.small = 0;
	return out;
}

// Summary sinks for each of our own labels in `fire`, from template `sk`.
static void add_summary_sinks(fctx *c, uint64_t fire, const bh_taint__sink *sk)
{
	// Concrete taint is a finding wherever the sink can be judged; only
	// an index through an array parameter waits for the caller's array.
	unsigned first = sk->array_param && (fire & BH_TAINT__SRC) ? 0 : 1;
	for (unsigned b = first; b < c->sum->nlabels; b++) {
		if (!(fire & ((uint64_t)1 << b)) || has_sink(c->sum, sk->rule, &sk->loc, b))
			continue;
		bh_taint__sink copy = *sk;
		copy.bit = b;
		copy.param = c->sum->labels[b].param;
		copy.field = c->sum->labels[b].field;
		bh_vec_push(&c->sum->sinks, copy);
	}
}

static void apply_summary(fctx *c, bh_taint__val *f, const bh_ir_instr *in,
			  const bh_taint__summary *s, const char *callee)
{
	uint32_t np = s->fn->nparams < in->nargs ? s->fn->nparams : in->nargs;
	bh_taint__val bits[64];
	label_values(c, f, in, s, bits);

	// Sinks inside the callee, reached through its parameters.
	if (c->reporting) {
		for (size_t k = 0; k < s->sinks.len; k++) {
			const bh_taint__sink *sk = &s->sinks.items[k];
			if (sk->param >= np || sk->bit >= s->nlabels)
				continue;
			bh_taint__val a = bits[sk->bit];
			if (sk->bit == 0)
				a.small = sk->small;
			bh_taint__sink resolved = *sk;
			if (sk->array_param) {
				// The callee indexes the array we pass: only an array of
				// known extent makes it a finding; our own pointer
				// parameter passes the question on to our callers.
				const bh_ir_opnd *arr = sk->array_param - 1 < in->nargs
							? &in->args[sk->array_param - 1] : NULL;
				if (!arr || arr->kind != BH_IR_OPND_VAR)
					continue;
				const bh_ir_var *av = &c->fn->vars[arr->var];
				if (av->flags & BH_IR_VAR_ARRAY) {
					uint64_t elems = sk->elem_size ? av->size / sk->elem_size : 0;
					resolved.array_param = 0;
					resolved.small_fires = elems > 0 && elems < 256;
				} else if (arr->var < c->fn->nparams) {
					resolved.array_param = arr->var + 1;
				} else {
					continue;
				}
			}
			if (resolved.small_fires)
				a.small = 0;
			uint64_t fire = firing(sk->rule, &a, sk->signed_matters);
			// Still waiting for an array: concrete taint is not a finding yet.
			bool report = (fire & BH_TAINT__SRC) && !resolved.array_param;
			if (!fire)
				continue;
			// Where the taint is here (none for the callee's own data).
			uint32_t loc = BH_TAINT__NONE;
			if (sk->bit != 0) {
				loc = tainted_loc(c, f, &in->args[sk->param], true);
				if (loc == BH_TAINT__NONE)
					continue;
			}
			// Nothing new to say: reported already, or already in our summary.
			bool news = (fire & BH_TAINT__SRC) != 0 &&
				    !(resolved.array_param && has_sink(c->sum, sk->rule, &sk->loc, 0));
			for (unsigned b = 1; b < c->sum->nlabels && !news; b++)
				news = (fire & ((uint64_t)1 << b)) && !has_sink(c->sum, sk->rule, &sk->loc, b);
			if (!news)
				continue;
			path_builder pb;
			memset(&pb, 0, sizeof(pb));
			prepend_path(&pb, &sk->path);
			char num[16];
			snprintf(num, sizeof(num), "%u", sk->bit == 0 ? sk->array_param : sk->param + 1);
			step(c, &pb, in->loc, "passed to %s() as argument %s", callee, num);
			if (loc != BH_TAINT__NONE)
				explain(c, &pb, loc, in->id);
			const char *what = pb.what ? pb.what : "untrusted input";
			bh_taint__path path = finish_path(c, &pb);
			if (report)
				bh_taint__report(c->prog, sk->rule, sk->loc, sk->function, sk->snippet,
						 sink_message(c, sk->rule, sk->callee, sk->operand, what),
						 &path);
			resolved.path = path;
			add_summary_sinks(c, fire, &resolved);
		}
	}

	// What it returns and what it writes through its pointer parameters.
	bh_taint__val r = map_labels(&s->ret, bits, s->nlabels);
	set_dst(c, f, in, r);
	if (s->param_out)
		for (uint32_t j = 0; j < np; j++) {
			bh_taint__val w = map_labels(&s->param_out[j], bits, s->nlabels);
			write_through(c, f, &in->args[j], w, in->id);
		}
	for (size_t k = 0; k < s->fields.len; k++) {
		const bh_taint__field_out *fo = &s->fields.items[k];
		if (fo->param >= np)
			continue;
		bh_taint__val w = map_labels(&fo->val, bits, s->nlabels);
		if (!w.labels)
			continue;
		loc_list slots = arg_field_slots(c, &in->args[fo->param], fo->field, false);
		for (uint32_t i = 0; i < slots.n; i++)
			add_loc(c, f, slots.locs[i], w, in->id);
		if (!slots.n) // no slot to hold it: the memory as a whole
			write_through(c, f, &in->args[fo->param], w, in->id);
	}
	// Globals it writes: concrete taint is recorded program-wide by the
	// callee itself; taint from our arguments is ours to record.
	if (c->reporting)
		for (size_t k = 0; k < s->globals.len; k++) {
			bh_taint__val g = { s->globals.items[k].labels & ~BH_TAINT__SRC, 0, 0, 0, 0, 0, 0, 0 };
			bh_taint__val m = map_labels(&g, bits, s->nlabels);
			if (!m.labels)
				continue;
			if (m.labels & BH_TAINT__SRC) {
				path_builder pb;
				memset(&pb, 0, sizeof(pb));
				step(c, &pb, in->loc, "stored in global '%s' by %s()",
				     s->globals.items[k].key, callee);
				for (uint32_t j = 0; j < np; j++) {
					uint32_t loc = tainted_loc(c, f, &in->args[j], true);
					if (loc != BH_TAINT__NONE) {
						explain(c, &pb, loc, in->id);
						break;
					}
				}
				const char *what = pb.what ? pb.what : "untrusted input";
				bh_taint__taint_global(c->prog, s->globals.items[k].key,
						       finish_path(c, &pb), what, m.local);
			}
			uint64_t params = m.labels & ~BH_TAINT__SRC;
			if (params) {
				bh_taint__global_write gw = { s->globals.items[k].key, params, { NULL, 0 } };
				bh_vec_push(&c->sum->globals, gw);
			}
		}
}

// `execl("/bin/sh", "sh", "-c", cmd, NULL)`: a program's arguments are
// not parsed by a shell, unless the program is a shell running `-c`. The
// index of the argument that is then a shell command, or UINT32_MAX.
static uint32_t shell_command_index(const bh_ir_instr *in)
{
	static const char *const shells[] = { "sh", "bash", "dash", "zsh", "ksh", "ash", "mksh" };
	bool shell = false;
	for (uint32_t a = 0; a + 1 < in->nargs; a++) {
		const bh_ir_opnd *o = &in->args[a];
		if (o->kind != BH_IR_OPND_STR || !o->str)
			continue;
		if (shell && strcmp(o->str, "-c") == 0)
			return a + 1;
		const char *base = strrchr(o->str, '/');
		base = base ? base + 1 : o->str;
		for (size_t i = 0; i < BH_ARRAY_LEN(shells); i++)
			shell |= strcmp(base, shells[i]) == 0;
	}
	return UINT32_MAX;
}

// A call to a function without a body: the models say what it does.
static void apply_models(fctx *c, bh_taint__val *f, const bh_ir_instr *in, const char *callee)
{
	size_t n;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, callee, &n);
	bh_taint__val ret = clean_val();
	bool sanitized = false;
	// Sinks first: they see the arguments before the call changes them.
	if (c->reporting)
		for (size_t i = 0; i < n; i++) {
			if (m[i].kind != BH_TAINT_SINK || m[i].to.kind != BH_TAINT_PLACE_ARG)
				continue;
			for (uint32_t a = m[i].to.index; a < in->nargs; a++) {
				const bh_ir_opnd *arg = &in->args[a];
				bool signed_matters = arg->kind == BH_IR_OPND_VAR &&
					(bh_rule_id)m[i].rule->index == BH_RULE_C_TAINTED_LENGTH &&
					is_signed_type(c->fn->vars[arg->var].type);
				// A byte as the length of an operation on an array
				// smaller than 256 bytes can still overrun it.
				reach_sink(c, f, in, m[i].rule, callee, arg, true, signed_matters,
					   has_small_array_arg(c, in));
				if (!m[i].to.and_after)
					break;
			}
			uint32_t sh = (bh_rule_id)m[i].rule->index == BH_RULE_C_COMMAND_INJECTION
					      ? shell_command_index(in) : UINT32_MAX;
			if (sh != UINT32_MAX && sh != m[i].to.index)
				reach_sink(c, f, in, m[i].rule, callee, &in->args[sh], true, false, false);
		}
	// Propagation reads the inputs before any output is written.
	bh_taint__val *props = bh_xcalloc(n ? n : 1, sizeof(*props));
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind != BH_TAINT_PROPAGATE)
			continue;
		if (m[i].from.kind == BH_TAINT_PLACE_ARG) {
			for (uint32_t a = m[i].from.index; a < in->nargs; a++) {
				bh_taint__val v = read_deep(c, f, &in->args[a]);
				val_join(&props[i], &v);
				if (!m[i].from.and_after)
					break;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		const bh_taint_place *to = &m[i].to;
		bh_taint__val v;
		if (m[i].kind == BH_TAINT_SOURCE && to->kind != BH_TAINT_PLACE_PARAM) {
			v = val_src(in->id);
			v.small = m[i].bounded; // one byte or EOF
			v.local = m[i].local;
		}
		else if (m[i].kind == BH_TAINT_PROPAGATE)
			v = props[i];
		else {
			if (m[i].kind == BH_TAINT_SANITIZE)
				sanitized = true;
			continue;
		}
		if (!v.labels)
			continue;
		switch (to->kind) {
		case BH_TAINT_PLACE_RET:
			val_join(&ret, &v);
			break;
		case BH_TAINT_PLACE_ARG:
			for (uint32_t a = to->index; a < in->nargs; a++) {
				if (m[i].kind == BH_TAINT_SOURCE && in->args[a].kind == BH_IR_OPND_VAR)
					write_reachable(c, f, in->args[a].var, v, in->id, 4);
				else
					write_through(c, f, &in->args[a], v, in->id);
				if (!to->and_after)
					break;
			}
			break;
		case BH_TAINT_PLACE_GLOBAL:
			for (uint32_t g = 0; g < c->fn->nvars; g++)
				if (is_global(&c->fn->vars[g]) && strcmp(c->fn->vars[g].name, to->global) == 0)
					add_loc(c, f, g, v, in->id);
			if (c->reporting && (v.labels & BH_TAINT__SRC)) {
				path_builder pb;
				memset(&pb, 0, sizeof(pb));
				step(c, &pb, in->loc, "%s from %s()", m[i].what, callee);
				bh_taint__taint_global(c->prog, to->global, finish_path(c, &pb), m[i].what,
						       m[i].local);
			}
			break;
		case BH_TAINT_PLACE_PARAM:
			break;
		}
	}
	free(props);
	set_dst(c, f, in, sanitized ? clean_val() : ret);
}

static void transfer_call(fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	// Direct call, or through a pointer whose targets are known.
	const bh_ir_opnd *direct[1] = { &in->callee };
	const bh_ir_opnd *const *targets = direct;
	size_t ntargets = 1;
	if (in->callee.kind == BH_IR_OPND_VAR) {
		targets = c->targets[in->callee.var].items;
		ntargets = c->targets[in->callee.var].len;
	} else if (in->callee.kind != BH_IR_OPND_FUNC) {
		ntargets = 0;
	}
	if (ntargets == 0) {
		set_dst(c, f, in, clean_val());
		return;
	}
	// Each target's effect from the same state, joined.
	bh_taint__val *before = ntargets > 1 ? bh_xmalloc(c->ntracked * sizeof(*before) + 1) : NULL;
	bh_taint__val *acc = ntargets > 1 ? bh_xcalloc(c->ntracked + 1, sizeof(*acc)) : NULL;
	if (before)
		memcpy(before, f, c->ntracked * sizeof(*f));
	bh_taint__val dst_acc = clean_val();
	for (size_t t = 0; t < ntargets; t++) {
		const bh_ir_opnd *callee = targets[t];
		if (before && t > 0)
			memcpy(f, before, c->ntracked * sizeof(*f));
		const bh_taint__summary *s = callee->usr ? bh_taint__summary_of(c->prog, callee->usr) : NULL;
		if (s && s->analysed && !s->incomplete)
			apply_summary(c, f, in, s, callee->str);
		else if (!s)
			apply_models(c, f, in, callee->str);
		else
			set_dst(c, f, in, clean_val());
		if (acc) {
			lat_join(acc, f, c);
			if (in->dst.kind == BH_IR_OPND_VAR) {
				bh_taint__val d = *slot_of(c, f, in->dst.var);
				val_join(&dst_acc, &d);
			}
		}
	}
	if (acc) {
		memcpy(f, acc, c->ntracked * sizeof(*f));
		if (in->dst.kind == BH_IR_OPND_VAR)
			*slot_of(c, f, in->dst.var) = dst_acc;
	}
	free(before);
	free(acc);
	reload_globals(c, f);
}

// ---------------------------------------------------------- instructions

static void index_through_param(fctx *c, bh_taint__val *f, const bh_ir_instr *in, uint32_t param)
{
	const bh_ir_opnd *ix = &in->args[1];
	bh_taint__val v = read_value(c, f, ix);
	bool signed_matters = ix->kind == BH_IR_OPND_VAR && is_signed_type(c->fn->vars[ix->var].type);
	uint64_t fire = v.no_upper | (signed_matters ? v.no_lower : 0);
	uint32_t loc = tainted_loc(c, f, ix, false);
	if (!fire || loc == BH_TAINT__NONE)
		return;
	const bh_rule *rule = bh_rule_get(BH_RULE_C_TAINTED_INDEX);
	bh_taint__sink sk;
	memset(&sk, 0, sizeof(sk));
	sk.rule = rule;
	sk.bounded_sink = true;
	sk.signed_matters = signed_matters;
	sk.array_param = param + 1;
	sk.elem_size = in->size;
	sk.small = v.small;
	sk.loc = in->loc;
	sk.function = c->fn->name;
	sk.operand = operand_text(c, ix);
	sk.snippet = bh_arena_sprintf(c->prog->arena, "[](%s)", sk.operand ? sk.operand : "");
	sk.path = path_to(c, loc, in->id, NULL, in->loc, sink_step(c, rule, NULL));
	add_summary_sinks(c, fire, &sk);
}

// An index into an array whose extent is known (a local, global or static
// array). Through a pointer the extent is unknown and a finding could not
// say what the index overruns; those are left to the memory checkers.
static void check_index(fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	if (!c->reporting || in->nargs < 2)
		return;
	const bh_ir_opnd *base = &in->args[0], *ix = &in->args[1];
	if (base->kind != BH_IR_OPND_VAR)
		return;
	if (!(c->fn->vars[base->var].flags & BH_IR_VAR_ARRAY)) {
		// `hist[k]` on a parameter `unsigned *hist`: the caller may know
		// the array it passes; leave it a sink in our summary.
		if (base->var < c->fn->nparams)
			index_through_param(c, f, in, base->var);
		return;
	}
	// A byte indexing a table of 256 entries or more is the ctype-table
	// idiom; into a shorter array it can overrun.
	uint64_t size = c->fn->vars[base->var].size;
	uint64_t elems = in->size && size ? size / in->size : 0;
	bool small_fires = elems > 0 && elems < 256;
	bool signed_matters = ix->kind == BH_IR_OPND_VAR && is_signed_type(c->fn->vars[ix->var].type);
	reach_sink(c, f, in, bh_rule_get(BH_RULE_C_TAINTED_INDEX), NULL, ix, false, signed_matters,
		   small_fires);
}

// One byte read from untrusted memory is still untrusted, but small:
// `table[(unsigned char)*s]` indexes a 256-entry table safely, a byte does
// not make a loop or an allocation unbounded. (`small` is not a bound: the
// same byte indexing a 10-entry table is reported.)
static bh_taint__val small_value(const bh_ir_instr *in, bh_taint__val v)
{
	if (in->size == 1 && v.labels)
		v.small = 1;
	return v;
}

static void transfer(fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	switch (in->op) {
	case BH_IR_ASSIGN:
		set_dst(c, f, in, read_value(c, f, &in->args[0]));
		break;
	case BH_IR_UNOP: {
		bh_taint__val v = in->sub == BH_IR_UN_LNOT ? clean_val() : read_value(c, f, &in->args[0]);
		if (in->sub != BH_IR_UN_PLUS)
			v.small = 0;
		set_dst(c, f, in, v);
		break;
	}
	case BH_IR_BINOP: {
		int op = in->sub;
		if (is_comparison(op) || op == BH_IR_BIN_EQ || op == BH_IR_BIN_NE) {
			set_dst(c, f, in, clean_val());
			break;
		}
		bh_taint__val v = read_value(c, f, &in->args[0]);
		bh_taint__val w = read_value(c, f, &in->args[1]);
		val_join(&v, &w);
		int64_t k;
		// `c - '0'`, `c + 1` keep a byte small; other arithmetic does not.
		bool near = (op == BH_IR_BIN_ADD || op == BH_IR_BIN_SUB) &&
			    (opnd_const(c, &in->args[1], &k) || opnd_const(c, &in->args[0], &k)) &&
			    k >= -256 && k <= 256;
		if (!near)
			v.small = 0;
		// `n % 16`, `n & 0xff` and `h & (size - 1)` are bounded by the
		// trusted operand, whatever n is.
		bool trusted_rhs = (opnd_const(c, &in->args[1], &k) && k >= 0) ||
				   (in->args[1].kind == BH_IR_OPND_VAR && !w.labels);
		bool trusted_lhs = op == BH_IR_BIN_AND && in->args[0].kind == BH_IR_OPND_VAR &&
				   !read_value(c, f, &in->args[0]).labels;
		if ((op == BH_IR_BIN_REM || op == BH_IR_BIN_AND) && (trusted_rhs || trusted_lhs)) {
			v.no_upper = 0;
			if (op == BH_IR_BIN_AND || in->is_unsigned)
				v.no_lower = 0;
		}
		set_dst(c, f, in, v);
		break;
	}
	case BH_IR_LOAD:
		set_dst(c, f, in, small_value(in, read_deep(c, f, &in->args[0])));
		break;
	case BH_IR_STORE:
		write_through(c, f, &in->args[0], read_value(c, f, &in->args[1]), in->id);
		break;
	case BH_IR_ADDR:
		// `&s` stands for s as a whole; its fields stay in their slots,
		// reached through the points-to set (`(&s)->f` is s.f).
		set_dst(c, f, in, read_value(c, f, &in->args[0]));
		break;
	case BH_IR_INDEX_ADDR:
		check_index(c, f, in);
		set_dst(c, f, in, read_deep(c, f, &in->args[0]));
		break;
	case BH_IR_INDEX:
		check_index(c, f, in);
		set_dst(c, f, in, small_value(in, read_deep(c, f, &in->args[0])));
		break;
	case BH_IR_INDEX_STORE:
		check_index(c, f, in);
		write_through(c, f, &in->args[0], read_value(c, f, &in->args[2]), in->id);
		break;
	case BH_IR_FIELD:
	case BH_IR_FIELD_ADDR: {
		bh_taint__val whole = whole_of(c, f, &in->args[0], in->arrow);
		bh_taint__val v = clean_val();
		loc_list s = field_slots(c, in, false);
		for (uint32_t i = 0; i < s.n; i++) {
			bh_taint__val t = value_at(c, f, s.locs[i]);
			val_join(&v, &t);
		}
		// What the field itself knows wins over the struct as a whole:
		// a bounds check on `s.len` holds even if all of s came from a
		// read.
		whole.no_upper &= ~v.labels;
		whole.no_lower &= ~v.labels;
		val_join(&v, &whole);
		set_dst(c, f, in, v);
		break;
	}
	case BH_IR_FIELD_STORE: {
		bh_taint__val v = read_value(c, f, &in->args[1]);
		loc_list s = field_slots(c, in, false);
		for (uint32_t i = 0; i < s.n; i++) {
			if (i == 0 || s.n == 2) // the access itself, or its only target
				write_loc(c, f, s.locs[i], v, in->id);
			else
				add_loc(c, f, s.locs[i], v, in->id);
		}
		break;
	}
	case BH_IR_CALL:
		transfer_call(c, f, in);
		break;
	case BH_IR_OPAQUE: {
		bh_taint__val v = clean_val();
		for (uint32_t a = 0; a < in->nargs; a++) {
			bh_taint__val t = read_deep(c, f, &in->args[a]);
			val_join(&v, &t);
		}
		set_dst(c, f, in, v);
		break;
	}
	case BH_IR_RET:
		if (c->reporting && in->nargs) {
			bh_taint__val v = read_deep(c, f, &in->args[0]);
			if (v.labels & BH_TAINT__SRC && !(c->sum->ret.labels & BH_TAINT__SRC)) {
				uint32_t loc = tainted_loc(c, f, &in->args[0], true);
				path_builder pb;
				memset(&pb, 0, sizeof(pb));
				step(c, &pb, in->loc, "returned from %s()%s", c->fn->name, "");
				if (loc != BH_TAINT__NONE)
					explain(c, &pb, loc, in->id);
				c->sum->ret_what = pb.what ? pb.what : "untrusted input";
				c->sum->ret_path = finish_path(c, &pb);
			}
			val_join(&c->sum->ret, &v);
		}
		if (c->reporting)
			for (uint32_t j = 0; j < c->fn->nparams; j++) {
				summarize_fields(c, f, j, in);
				bh_taint__val v = *slot_of(c, f, j);
				uint64_t own = j < BH_TAINT__MAX_PARAMS ? BH_TAINT__PARAM(j) : 0;
				v.labels &= ~own;
				v.no_upper &= ~own;
				v.no_lower &= ~own;
				if (!v.labels)
					continue;
				if ((v.labels & BH_TAINT__SRC) && !(c->sum->param_out[j].labels & BH_TAINT__SRC)) {
					path_builder pb;
					memset(&pb, 0, sizeof(pb));
					step(c, &pb, in->loc, "written into parameter '%s'%s",
					     c->fn->vars[j].name, "");
					explain(c, &pb, j, in->id);
					c->sum->param_out_what[j] = pb.what ? pb.what : "untrusted input";
					c->sum->param_out_path[j] = finish_path(c, &pb);
				}
				val_join(&c->sum->param_out[j], &v);
			}
		break;
	case BH_IR_BR:
		if (c->reporting && c->loop_cond[in->block] && c->edges[in->block].is_cmp) {
			const edge_info *e = &c->edges[in->block];
			for (int k = 0; k < 2; k++)
				reach_sink(c, f, in, bh_rule_get(BH_RULE_C_TAINTED_LOOP_BOUND), NULL,
					   &e->cmp[k], false, false, false);
		}
		break;
	default:
		break;
	}
}

// ------------------------------------------------------ parameter fields

// At a return: what the function wrote into each field of what parameter
// `j` points to (`p->len = n`), for callers to taint just that field.
static void summarize_fields(fctx *c, bh_taint__val *f, uint32_t j, const bh_ir_instr *ret)
{
	uint64_t own = j < BH_TAINT__MAX_PARAMS ? BH_TAINT__PARAM(j) : 0;
	for (size_t k = 0; k < c->slots.len; k++) {
		if (c->slots.items[k].base != j)
			continue;
		uint32_t loc = c->fn->nvars + (uint32_t)k;
		bh_taint__val v = value_at(c, f, loc);
		// What it held on entry is not something the function wrote.
		uint64_t entry = own | (c->slot_bits[k] ? (uint64_t)1 << c->slot_bits[k] : 0);
		v.labels &= ~entry;
		v.no_upper &= ~entry;
		v.no_lower &= ~entry;
		if (!v.labels)
			continue;
		bh_taint__field_out *fo = NULL;
		for (size_t i = 0; i < c->sum->fields.len && !fo; i++)
			if (c->sum->fields.items[i].param == j &&
			    strcmp(c->sum->fields.items[i].field, c->slots.items[k].field) == 0)
				fo = &c->sum->fields.items[i];
		if (!fo) {
			fo = bh_vec_grow_one(&c->sum->fields);
			fo->param = j;
			fo->field = c->slots.items[k].field;
		}
		if ((v.labels & BH_TAINT__SRC) && !(fo->val.labels & BH_TAINT__SRC)) {
			path_builder pb;
			memset(&pb, 0, sizeof(pb));
			step(c, &pb, ret->loc, "written into '%s' of parameter '%s'",
			     c->slots.items[k].field, c->fn->vars[j].name);
			explain(c, &pb, loc, ret->id);
			// explain may grow the vector: find the entry again.
			for (size_t i = 0; i < c->sum->fields.len; i++)
				if (c->sum->fields.items[i].param == j &&
				    strcmp(c->sum->fields.items[i].field, c->slots.items[k].field) == 0)
					fo = &c->sum->fields.items[i];
			fo->what = pb.what ? pb.what : "untrusted input";
			fo->path = finish_path(c, &pb);
		}
		val_join(&fo->val, &v);
	}
}

// The caller's slots for field `field` of what argument `arg` points to:
// the pointer's own `arg->field` and `t.field` for each t it points to.
static loc_list arg_field_slots(fctx *c, const bh_ir_opnd *arg, const char *field, bool create)
{
	loc_list out = { { 0 }, 0 };
	if (arg->kind != BH_IR_OPND_VAR)
		return out;
	uint32_t s = create ? make_slot(c, arg->var, field) : find_slot(c, arg->var, field);
	if (s != BH_TAINT__NONE)
		list_add(&out, s);
	for (size_t i = 0; i < c->pts[arg->var].len; i++) {
		uint32_t t = c->pts[arg->var].items[i];
		if (t >= c->fn->nvars)
			continue;
		s = create ? make_slot(c, t, field) : find_slot(c, t, field);
		if (s != BH_TAINT__NONE)
			list_add(&out, s);
	}
	return out;
}

// Before the facts are sized: slots for the fields callees write through
// our arguments.
static void make_callee_field_slots(fctx *c)
{
	for (uint32_t b = 0; b < c->fn->nblocks; b++)
		for (uint32_t i = 0; i < c->fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &c->fn->blocks[b].instrs[i];
			if (in->op != BH_IR_CALL || in->callee.kind != BH_IR_OPND_FUNC || !in->callee.usr)
				continue;
			const bh_taint__summary *s = bh_taint__summary_of(c->prog, in->callee.usr);
			for (size_t k = 0; s && k < s->fields.len; k++)
				if (s->fields.items[k].param < in->nargs)
					(void)arg_field_slots(c, &in->args[s->fields.items[k].param],
							      s->fields.items[k].field, true);
		}
}

// ------------------------------------------------------ globals written

static void record_global_write(fctx *c, uint32_t loc, const bh_taint__val *v, uint32_t at)
{
	const char *key = bh_taint__global_key(&c->fn->vars[loc]);
	if ((v->labels & BH_TAINT__SRC) && !bh_taint__global(c->prog, key)) {
		path_builder pb;
		memset(&pb, 0, sizeof(pb));
		const bh_ir_instr *in = bh_ir_instr_at(c->fn, at);
		step(c, &pb, in->loc, "stored in global '%s'%s", c->fn->vars[loc].name, "");
		// The value came from the instruction's operands.
		bh_taint__val *f = bh_xmalloc((c->ntracked ? c->ntracked : 1) * sizeof(*f));
		bh_taint__val *saved = c->scratch;
		c->scratch = bh_xcalloc(c->nlocs ? c->nlocs : 1, sizeof(*c->scratch));
		state_before(c, f, at);
		uint32_t src = BH_TAINT__NONE;
		for (uint32_t a = 0; a < in->nargs && src == BH_TAINT__NONE; a++)
			src = tainted_loc(c, f, &in->args[a], true);
		free(c->scratch);
		c->scratch = saved;
		free(f);
		if (src != BH_TAINT__NONE && src != loc)
			explain(c, &pb, src, at);
		bh_taint__taint_global(c->prog, key, finish_path(c, &pb),
				       pb.what ? pb.what : "untrusted input", v->local);
	}
	uint64_t params = v->labels & ~BH_TAINT__SRC;
	if (params) {
		for (size_t i = 0; i < c->sum->globals.len; i++)
			if (strcmp(c->sum->globals.items[i].key, key) == 0) {
				c->sum->globals.items[i].labels |= params;
				return;
			}
		bh_taint__global_write gw = { key, params, { NULL, 0 } };
		bh_vec_push(&c->sum->globals, gw);
	}
}

// --------------------------------------------------------------- driver

static void summarize_constant_return(const bh_ir_func *fn, bh_taint__summary *sum)
{
	bool any = false, same = true;
	int64_t value = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (!t || t->op != BH_IR_RET)
			continue;
		if (!t->nargs || t->args[0].kind != BH_IR_OPND_INT) {
			same = false;
			break;
		}
		if (any && t->args[0].ival != value)
			same = false;
		value = t->args[0].ival;
		any = true;
	}
	sum->ret_is_const = any && same;
	sum->ret_const = value;
}

void bh_taint__analyse_function(bh_taint__program *p, const bh_ir_func *fn,
				bh_taint__summary *sum)
{
	fctx c;
	memset(&c, 0, sizeof(c));
	c.prog = p;
	c.fn = fn;
	c.sum = sum;
	c.arena = bh_arena_new();
	sum->fn = fn;
	sum->param_out = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_out));
	sum->param_out_path = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_out_path));
	sum->param_out_what = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_out_what));
	summarize_constant_return(fn, sum);

	compute_points_to(&c);
	make_callee_field_slots(&c);
	// Slots named by any field access exist before the facts are sized.
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op == BH_IR_FIELD || in->op == BH_IR_FIELD_STORE ||
			    in->op == BH_IR_FIELD_ADDR)
				(void)field_slots(&c, in, true);
		}
	grow_locs(&c);
	// Label bits: concrete taint, each parameter, then the fields of what
	// parameters point to, as many as fit in 64 bits.
	c.slot_bits = bh_xcalloc(c.slots.len + 1, sizeof(*c.slot_bits));
	sum->nlabels = 1;
	for (uint32_t j = 0; j < fn->nparams && j < BH_TAINT__MAX_PARAMS; j++)
		sum->labels[sum->nlabels++] = (bh_taint__label){ j, NULL };
	for (size_t k = 0; k < c.slots.len && sum->nlabels < 64; k++)
		if (c.slots.items[k].base < fn->nparams && c.slots.items[k].base < BH_TAINT__MAX_PARAMS) {
			c.slot_bits[k] = sum->nlabels;
			sum->labels[sum->nlabels++] =
				(bh_taint__label){ c.slots.items[k].base, c.slots.items[k].field };
		}
	c.const_known = bh_xcalloc(fn->nvars + 1, sizeof(*c.const_known));
	c.const_value = bh_xcalloc(fn->nvars + 1, sizeof(*c.const_value));
	compute_constants(&c);
	c.edges = bh_xcalloc(fn->nblocks + 1, sizeof(*c.edges));
	c.loop_cond = bh_xcalloc(fn->nblocks + 1, sizeof(*c.loop_cond));
	compute_edges(&c);

	// Facts: reachability, every variable that lives across blocks, and
	// every slot.
	uint32_t *var_index;
	bh_flow_track_vars(&var_index, c.arena, fn);
	c.track = bh_xmalloc((c.nlocs + 1) * sizeof(*c.track));
	c.ntracked = REACHABLE + 1;
	for (uint32_t l = 0; l < c.nlocs; l++)
		c.track[l] = l >= fn->nvars || var_index[l] != UINT32_MAX ? c.ntracked++ : BH_TAINT__NONE;
	c.scratch = bh_xcalloc(c.nlocs + 1, sizeof(*c.scratch));
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (is_global(&fn->vars[v]) &&
		    bh_taint__global(p, bh_taint__global_key(&fn->vars[v])))
			bh_vec_push(&c.tainted_globals, v);

	bh_flow_lattice lat = {
		.fact_size = c.ntracked * sizeof(bh_taint__val),
		.init = lat_init,
		.boundary = lat_boundary,
		.join = lat_join,
		.equal = lat_equal,
		.copy = lat_copy,
		.transfer_block = lat_transfer_block,
		.transfer_edge = lat_edge,
	};
	bh_flow_options opts = BH_FLOW_OPTIONS_INIT;
	if (bh_flow_solve(&c.result, c.arena, fn, &lat, &opts, &c) != BH_FLOW_DONE) {
		sum->incomplete = true;
		if (p->reporting)
			bh_diag_add(p->diags, BH_LEVEL_NOTE, "taint.incomplete", fn->loc.path,
				    fn->loc.line, fn->loc.col,
				    "taint analysis of %s() stopped at its budget; its flows are not reported",
				    fn->name);
	} else {
		// The report pass: each block once more from its entry fact.
		bh_taint__val *f = bh_xmalloc(lat.fact_size);
		c.reporting = true;
		for (uint32_t b = 0; b < fn->nblocks; b++) {
			memcpy(f, bh_flow_in(&c.result, b), lat.fact_size);
			if (!f[REACHABLE].labels)
				continue;
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++)
				transfer(&c, f, &fn->blocks[b].instrs[i]);
		}
		c.reporting = false;
		free(f);
	}
	sum->analysed = true;

	for (uint32_t l = 0; l < c.nlocs; l++) {
		bh_vec_dispose(&c.pts[l]);
		bh_vec_dispose(&c.aliases[l]);
		bh_vec_dispose(&c.targets[l]);
	}
	free(c.pts);
	free(c.aliases);
	free(c.targets);
	bh_vec_dispose(&c.slots);
	bh_vec_dispose(&c.tainted_globals);
	free(c.slot_bits);
	free(c.track);
	free(c.scratch);
	free(c.const_known);
	free(c.const_value);
	free(c.edges);
	free(c.loop_cond);
	bh_arena_free(c.arena);
}
