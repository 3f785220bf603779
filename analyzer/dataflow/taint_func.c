// SPDX-License-Identifier: MIT
// Taint analysis of one function: a forward dataflow over its IR with the
// bh_flow solver, then one more walk over every block (the report pass)
// that checks sinks, records the function's summary and turns concrete
// flows into findings with their paths.
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
// sink by replaying blocks up to each witness (taint_path.c). The facts
// computed before solving (slots, points-to, constants, branch edges) are
// taint_prepass.c's.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataflow/taint_func_internal.h"

#define MAX_SUMMARY_SINKS 256 // sinks one summary keeps (the rest are dropped)

// Globals that hold untrusted data program-wide get it back wherever they
// may have been written behind our back: on entry and after each call.
// (A check on a global in between still bounds it.)
static void reload_globals(bh_taint__fctx *c, bh_taint__val *f)
{
	for (size_t i = 0; i < c->tainted_globals.len; i++) {
		uint32_t var = c->tainted_globals.items[i];
		const bh_taint__tainted_global *tg =
			bh_taint__global(c->prog, bh_callgraph_global_key(&c->fn->vars[var]));
		bh_taint__val *v = bh_taint__slot_of(c, f, var);
		bh_taint__val g = bh_taint__val_src(BH_TAINT__NONE);
		g.local = tg && tg->local;
		if (v->labels & BH_TAINT__SRC) {
			v->no_upper |= BH_TAINT__SRC;
			v->no_lower |= BH_TAINT__SRC;
			v->small &= (uint16_t)~BH_TAINT__SMALL_SRC;
			v->local &= g.local;
			continue;
		}
		bh_taint__val_join(v, &g);
		v->witness = BH_TAINT__NONE;
	}
}

// ----------------------------------------------------------- the lattice

static void lat_init(void *fact, void *payload)
{
	bh_taint__fctx *c = payload;
	memset(fact, 0, c->ntracked * sizeof(bh_taint__val));
}

// Fact slot 0 is not a location: its labels say whether the point is
// reachable at all. Bottom (all zero) is "never runs": a block entered
// only through edges that a constant condition never takes stays there,
// whatever sources it calls.
#define REACHABLE 0

static void lat_boundary(void *fact, void *payload)
{
	bh_taint__fctx *c = payload;
	bh_taint__val *f = fact;
	lat_init(fact, payload);
	f[REACHABLE].labels = 1;
	reload_globals(c, f);
	size_t nmodels;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, c->fn->name, &nmodels);
	for (uint32_t i = 0; i < c->fn->nparams; i++) {
		bh_taint__val *v = bh_taint__slot_of(c, f, i);
		if (i < BH_TAINT__MAX_PARAMS) {
			uint64_t l = BH_TAINT__PARAM(i);
			v->labels = v->no_upper = v->no_lower = l;
			v->witness = BH_TAINT__NONE;
		}
		for (size_t k = 0; k < nmodels; k++)
			if (m[k].kind == BH_TAINT_SOURCE && m[k].to.kind == BH_TAINT_PLACE_PARAM &&
			    m[k].to.index == i) {
				bh_taint__val s = bh_taint__val_src(BH_TAINT__NONE);
				s.local = m[k].local;
				bh_taint__val_join(v, &s);
				v->witness = BH_TAINT__NONE;
			}
	}
	// The fields of what a parameter points to get labels of their own
	// (bits after the parameters'), so that callers can tell `p->len`
	// from the rest of *p. Such a field holds just that on entry: what
	// the caller knows of its own `arg->f` (label_values), not all of
	// *arg, so a return that leaves it alone tells the caller it is
	// unchanged. Not for a parameter a model makes a source: all of it
	// is input.
	for (size_t k = 0; k < c->slots.len; k++) {
		if (!c->slot_bits[k])
			continue;
		bh_taint__val *v = bh_taint__slot_of(c, f, c->fn->nvars + (uint32_t)k);
		v->labels = v->no_upper = v->no_lower = (uint64_t)1 << c->slot_bits[k];
		v->witness = BH_TAINT__NONE;
		v->written = !(bh_taint__slot_of(c, f, c->slots.items[k].base)->labels & BH_TAINT__SRC);
	}
}

static void lat_join(void *dst, const void *src, void *payload)
{
	bh_taint__fctx *c = payload;
	bh_taint__val *d = dst;
	const bh_taint__val *s = src;
	// Nothing comes from a point that never runs; into one, all of `src`
	// (byte for byte, as bh_flow_lattice.join must).
	if (!s[REACHABLE].labels)
		return;
	if (!d[REACHABLE].labels) {
		memcpy(dst, src, c->ntracked * sizeof(bh_taint__val));
		return;
	}
	// Most values are the same on both sides, and a join of a value
	// with itself changes nothing (the witness too stays).
	for (uint32_t i = 0; i < c->ntracked; i++)
		if (memcmp(&d[i], &s[i], sizeof(*d)) != 0)
			bh_taint__val_join(&d[i], &s[i]);
}

static bool lat_equal(const void *a, const void *b, void *payload)
{
	bh_taint__fctx *c = payload;
	return memcmp(a, b, c->ntracked * sizeof(bh_taint__val)) == 0;
}

static void lat_copy(void *dst, const void *src, void *payload)
{
	bh_taint__fctx *c = payload;
	memcpy(dst, src, c->ntracked * sizeof(bh_taint__val));
}

static bh_taint__val whole_of(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *base, bool arrow);

static void clear_bounds(bh_taint__fctx *c, bh_taint__val *f, const bh_taint__locs *l, bool upper)
{
	for (uint32_t i = 0; i < l->n; i++) {
		if (c->track[l->locs[i]] == BH_TAINT__NONE)
			continue;
		bh_taint__val *v = &f[c->track[l->locs[i]]];
		if (l->locs[i] >= c->fn->nvars) {
			// A field slot: it holds what its struct holds, now bounded.
			const bh_taint__slot_key *k = &c->slots.items[l->locs[i] - c->fn->nvars];
			bh_ir_opnd base = bh_ir_var_opnd(k->base);
			bool arrow = c->fn->vars[k->base].flags & BH_IR_VAR_POINTER ||
				     c->fn->vars[k->base].kind == BH_IR_VAR_TEMP;
			bh_taint__val w = whole_of(c, f, &base, arrow);
			// As on a read: what the slot knows of bounds wins.
			w.no_upper &= ~v->labels;
			w.no_lower &= ~v->labels;
			bh_taint__val_join(v, &w);
		}
		if (upper)
			v->no_upper = 0;
		else
			v->no_lower = 0;
	}
}

// The side of a branch that a constant decides, bounds or cleans.
static bool lat_edge_acts(const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	bh_taint__fctx *c = payload;
	const bh_taint__edge *e = &c->edges[from];
	const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[from]);
	if (!t || t->op != BH_IR_BR || t->target[0] == t->target[1])
		return false;
	int side = to == t->target[0] ? 0 : 1;
	return e->known >= 0 || e->upper[side].n || e->lower[side].n || e->clean[side].n;
}

static void lat_edge(void *fact, const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	bh_taint__fctx *c = payload;
	const bh_taint__edge *e = &c->edges[from];
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


static void lat_transfer_block(void *fact, const bh_ir_func *fn, const bh_ir_block *b, void *payload)
{
	(void)fn;
	bh_taint__fctx *c = payload;
	if (!((bh_taint__val *)fact)[REACHABLE].labels)
		return;
	for (uint32_t i = 0; i < b->ninstrs; i++)
		bh_taint__transfer(c, fact, &b->instrs[i]);
}

// The taint of operand `o` as a value.
static bh_taint__val read_value(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o)
{
	bh_taint__val none = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	if (o->kind != BH_IR_OPND_VAR)
		return none;
	return bh_taint__value_at(c, f, o->var);
}

// The location pointer `o` certainly points to here, or NONE: then the
// flow-insensitive points-to set says where it may point.
static uint32_t known_target(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_VAR)
		return BH_TAINT__NONE;
	uint32_t t = bh_taint__slot_of(c, f, o->var)->target;
	return t != BH_TAINT__TARGET_NONE && t != BH_TAINT__TARGET_ANY && t - 1 < c->nlocs
		       ? t - 1 : BH_TAINT__NONE;
}

// The taint of `o` and of the memory it may point to: what a callee that
// reads through the pointer sees. `without_own_fields` leaves out what
// the slots of o's own fields hold (returned_value: they are summarized
// one by one).
static bh_taint__val read_memory(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o,
				 bool without_own_fields)
{
	bh_taint__val v = read_value(c, f, o);
	if (o->kind != BH_IR_OPND_VAR)
		return v;
	uint32_t known = known_target(c, f, o);
	const bh_taint__u32s *p = &c->pts[o->var];
	for (size_t i = 0; i < p->len; i++) {
		if (known != BH_TAINT__NONE && p->items[i] != known)
			continue; // it points elsewhere by now
		bh_taint__val t = bh_taint__value_at(c, f, p->items[i]);
		bh_taint__val_join(&v, &t);
	}
	if (known != BH_TAINT__NONE) {
		bh_taint__val t = bh_taint__value_at(c, f, known);
		bh_taint__val_join(&v, &t);
	}
	// The fields of a struct passed by address are its memory too, and
	// so are those of the structs it points to.
	for (size_t i = 0; i < c->slots.len; i++)
		if (c->slots.items[i].base == o->var || bh_taint__has_u32(p, c->slots.items[i].base)) {
			bh_taint__val t = bh_taint__value_at(c, f, c->fn->nvars + (uint32_t)i);
			if (without_own_fields && c->slots.items[i].base == o->var)
				continue;
			bh_taint__val_join(&v, &t);
		}
	return v;
}

static bh_taint__val read_deep(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o)
{
	return read_memory(c, f, o, false);
}

static void record_global_write(bh_taint__fctx *c, bh_taint__val *f, uint32_t loc,
				const bh_taint__val *v, uint32_t at);
static void note_global_params(bh_taint__summary *sum, const char *key, uint64_t labels);
static void summarize_fields(bh_taint__fctx *c, bh_taint__val *f, uint32_t j, const bh_ir_instr *ret);
static bool returns_object(bh_taint__fctx *c, const bh_ir_opnd *o);
static void summarize_returned_fields(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *ret,
				      const bh_taint__val *rest, const bh_taint__val *earlier);
static bh_taint__locs arg_field_slots(bh_taint__fctx *c, const bh_ir_opnd *arg, const char *field, bool create);
static void add_summary_sinks(bh_taint__fctx *c, uint64_t fire, const bh_taint__sink *sk);
static const bh_ir_opnd *pointer_offset(bh_taint__fctx *c, const bh_ir_instr *at, const bh_ir_opnd *o,
					const bh_ir_opnd **param);

// The taint of a struct as a whole (`s` for `s.f`; `*p` for `p->f`).
static bh_taint__val whole_of(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *base, bool arrow)
{
	bh_taint__val v = read_value(c, f, base);
	if (arrow && base->kind == BH_IR_OPND_VAR) {
		const bh_taint__u32s *p = &c->pts[base->var];
		for (size_t i = 0; i < p->len; i++) {
			bh_taint__val t = bh_taint__value_at(c, f, p->items[i]);
			bh_taint__val_join(&v, &t);
		}
	}
	return v;
}

// A pointer that changes, or memory written through it, leaves the fields
// stored through it before no longer the last word on what is there.
static void forget_written_fields(bh_taint__fctx *c, bh_taint__val *f, uint32_t loc)
{
	if (!c->first_slot || loc >= c->nlocs)
		return;
	for (uint32_t k = c->first_slot[loc]; k; k = c->next_slot[k - 1])
		bh_taint__slot_of(c, f, c->fn->nvars + k - 1)->written = 0;
}

// Strong update of a location.
static void write_loc(bh_taint__fctx *c, bh_taint__val *f, uint32_t loc, bh_taint__val v, uint32_t at)
{
	if (v.labels)
		v.witness = at;
	forget_written_fields(c, f, loc);
	*bh_taint__slot_of(c, f, loc) = v;
	if (v.labels && c->reporting && loc < c->fn->nvars && bh_ir_var_is_global(&c->fn->vars[loc]))
		record_global_write(c, f, loc, &v, at);
}

// Weak update: `v` may have been written there.
static void add_loc(bh_taint__fctx *c, bh_taint__val *f, uint32_t loc, bh_taint__val v, uint32_t at)
{
	if (!v.labels)
		return;
	v.witness = at;
	forget_written_fields(c, f, loc);
	bh_taint__val *d = bh_taint__slot_of(c, f, loc);
	bh_taint__val keep = *d;
	bh_taint__val_join(d, &v);
	if (d->labels != keep.labels)
		d->witness = at;
	if (c->reporting && loc < c->fn->nvars && bh_ir_var_is_global(&c->fn->vars[loc]))
		record_global_write(c, f, loc, &v, at);
}

// Data written into the memory `o` points to (a buffer filled by fgets).
static void write_through(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bh_taint__val v,
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
		const bh_taint__u32s *p = &c->pts[o->var];
		for (size_t i = 0; i < p->len; i++)
			add_loc(c, f, p->items[i], v, at);
	}
	const bh_taint__u32s *a = &c->aliases[o->var];
	for (size_t i = 0; i < a->len; i++)
		add_loc(c, f, a->items[i], v, at);
}

// A source fills all memory reachable from `loc`: what it points to, the
// fields there and what they point to (recvmsg fills msg.msg_iov[i].iov_base).
// `*left` bounds the locations visited: points-to sets may form cycles.
static void write_reachable(bh_taint__fctx *c, bh_taint__val *f, uint32_t loc, bh_taint__val v,
			    uint32_t at, int depth, unsigned *left)
{
	if (*left == 0)
		return;
	--*left;
	v.target = BH_TAINT__TARGET_NONE; // data, not a new pointer value
	bh_ir_opnd self = bh_ir_var_opnd(loc);
	uint32_t known = loc < c->fn->nvars ? known_target(c, f, &self) : BH_TAINT__NONE;
	add_loc(c, f, loc, v, at);
	if (depth == 0)
		return;
	if (known != BH_TAINT__NONE)
		write_reachable(c, f, known, v, at, depth - 1, left);
	else
		for (size_t i = 0; i < c->pts[loc].len; i++)
			write_reachable(c, f, c->pts[loc].items[i], v, at, depth - 1, left);
	for (size_t i = 0; i < c->aliases[loc].len; i++)
		add_loc(c, f, c->aliases[loc].items[i], v, at);
	// The fields of a struct variable are its own memory, no step further
	// (`struct iovec iov = { buf, n }` reached from msg.msg_iov fills buf);
	// those of a pointer are what it points to.
	bool record = loc < c->fn->nvars && (c->fn->vars[loc].flags & BH_IR_VAR_RECORD);
	for (size_t i = 0; i < c->slots.len; i++)
		if (c->slots.items[i].base == loc)
			write_reachable(c, f, c->fn->nvars + (uint32_t)i, v, at,
					record ? depth : depth - 1, left);
}

// Where the result of `in` points, if it is a pointer we can follow:
// `&x`, `&s.f`, an array used as a value, a copy of a pointer, pointer
// arithmetic on one.
static uint32_t result_target(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *a = in->nargs ? &in->args[0] : NULL;
	if (!a || a->kind != BH_IR_OPND_VAR)
		return BH_TAINT__TARGET_ANY;
	bool array = c->fn->vars[a->var].flags & BH_IR_VAR_ARRAY;
	switch (in->op) {
	case BH_IR_ADDR:
		return a->var + 1;
	case BH_IR_FIELD_ADDR: {
		uint32_t s = in->arrow || !in->name ? BH_TAINT__NONE : bh_taint__find_slot(c, a->var, in->name);
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
			uint32_t t = bh_taint__slot_of(c, f, a->var)->target;
			return t == BH_TAINT__TARGET_NONE ? BH_TAINT__TARGET_ANY : t;
		}
	default:
		return BH_TAINT__TARGET_ANY;
	}
}

// `*out = v`: the slots (out, f) (make_stored_object_slots) now hold the
// fields of v's object: what v->f holds where that is known on every path
// here, else all that v's memory may hold; nothing for `*out = NULL`.
static void store_object_fields(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *p = &in->args[0], *v = &in->args[1];
	if (p->kind != BH_IR_OPND_VAR || !c->first_slot || !c->first_slot[p->var])
		return;
	bool object = v->kind == BH_IR_OPND_VAR && v->var != p->var;
	bh_taint__val whole = object ? read_deep(c, f, v) : bh_taint__clean_val();
	for (uint32_t k = c->first_slot[p->var]; k; k = c->next_slot[k - 1]) {
		uint32_t from = object ? bh_taint__find_slot(c, v->var, c->slots.items[k - 1].field)
				       : BH_TAINT__NONE;
		bh_taint__val w = whole;
		if (from != BH_TAINT__NONE) {
			bh_taint__val t = bh_taint__value_at(c, f, from);
			if (t.written)
				w = t;
			else
				bh_taint__val_join(&w, &t);
		}
		w.written = 1;
		write_loc(c, f, c->fn->nvars + k - 1, w, in->id);
	}
}

static void set_dst(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in, bh_taint__val v)
{
	if (in->dst.kind != BH_IR_OPND_VAR)
		return;
	v.target = result_target(c, f, in);
	write_loc(c, f, in->dst.var, v, in->id);
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

// Whether `rule` is about how much work a value makes (iterations, bytes
// allocated) rather than where it lands: a value at most the extent of
// an object someone sent (`sized`) makes no more work than sending it.
// A length or an index that size still overruns a smaller buffer.
static bool rule_counts_work(const bh_rule *r)
{
	return r->index == (bh_rule_id)BH_RULE_C_TAINTED_LOOP_BOUND ||
	       r->index == (bh_rule_id)BH_RULE_C_TAINTED_ALLOC_SIZE;
}

// The labels of `v` that make a sink of `rule` fire. A small value (a byte)
// does not make a size, a length, an index or a loop unbounded, unless
// the sink's caller said it does (a short array: `small_fires`); a sized
// one (rule_counts_work) no loop or allocation.
static uint64_t firing(const bh_rule *rule, const bh_taint__val *v, bool signed_matters)
{
	// The invoker's own command line is untrusted text for a shell or a
	// format, but choosing sizes, files and loop counts is what it is for.
	uint64_t concrete = v->local && !is_injection_rule(rule) ? BH_TAINT__SRC : 0;
	if (!rule_is_bounded(rule))
		return v->labels & ~concrete;
	uint64_t big = ((v->small & BH_TAINT__SMALL_SRC) ? 0 : BH_TAINT__SRC) |
		       ((v->small & BH_TAINT__SMALL_SYM) ? 0 : ~BH_TAINT__SRC);
	if (rule_counts_work(rule))
		big &= ~v->sized;
	return (v->no_upper | (signed_matters ? v->no_lower : 0)) & big & ~concrete;
}

static const char *sink_message(bh_taint__fctx *c, const bh_rule *rule, const char *callee,
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
		if (!operand)
			return bh_arena_sprintf(a, "an array index comes from %s without a bounds check",
						what);
		return bh_arena_sprintf(a, "array index '%s' comes from %s without a bounds check", op,
					what);
	case BH_RULE_C_TAINTED_LOOP_BOUND:
		if (!operand)
			return bh_arena_sprintf(a, "a loop bound comes from %s without an upper bound",
						what);
		return bh_arena_sprintf(a, "loop bound '%s' comes from %s without an upper bound", op,
					what);
	default:
		return bh_arena_sprintf(a, "%s reaches %s", what, callee ? callee : op);
	}
}

static const char *sink_step(bh_taint__fctx *c, const bh_rule *rule, const char *callee)
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


// How a message names operand `o` of instruction `in`: a variable's name,
// or for a temporary what it was just read from (`req->len`, `*p`,
// `buf[...]`); NULL when there is nothing better than "a value".
static const char *operand_text(bh_taint__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	return bh_ir_operand_text(c->fn, in, o, c->prog->arena);
}

bool bh_taint__guard_equal(const bh_taint__guard *a, const bh_taint__guard *b)
{
	return a == b || (a && b && a->param == b->param && bh_str_equal(a->func, b->func) &&
			  bh_str_equal(a->member, b->member));
}

const bh_taint__guard *bh_taint__guard_new(bh_arena *arena, unsigned param, const char *member,
					   const char *func)
{
	bh_taint__guard *g = bh_arena_alloc(arena, sizeof(*g));
	*g = (bh_taint__guard){ param, member, func };
	return g;
}

// The guard (param, member, func) for our summary: the one made already
// in this analysis if there is one (a callee with dozens of sinks behind
// one callback of ours made a guard for each: 1.4 MB for four copies of
// lua), else a new one.
static const bh_taint__guard *own_guard(bh_taint__fctx *c, unsigned param, const char *member,
					const char *func)
{
	bh_taint__guard want = { param, member, func };
	for (size_t i = 0; i < c->guards.len; i++)
		if (bh_taint__guard_equal(c->guards.items[i], &want))
			return c->guards.items[i];
	const bh_taint__guard *g = bh_taint__guard_new(c->prog->arena, param, member, func);
	bh_vec_push(&c->guards, g);
	return g;
}

// Whether summary sink `k` covers the guard of `g`: it is unguarded, or
// guarded by the same choice.
static bool guard_covers(const bh_taint__sink *k, const bh_taint__sink *g)
{
	return !k->guard || bh_taint__guard_equal(k->guard, g->guard);
}

// Whether two sinks are the same rule at the same place.
static bool same_site(const bh_taint__sink_site *a, const bh_taint__sink_site *b)
{
	return a == b || (a->rule == b->rule && a->loc.line == b->loc.line && a->loc.col == b->loc.col &&
			  bh_str_equal(a->loc.path, b->loc.path));
}

// Whether our summary already has sink `sk` (its rule, place and guard) for
// label `bit`. One entry per (rule, place, label): a function that calls
// the same helper many times, or a chain of wrappers, must not multiply them.
static bool has_sink(const bh_taint__summary *sum, const bh_taint__sink *sk, unsigned bit)
{
	for (size_t i = 0; i < sum->sinks.len; i++) {
		const bh_taint__sink *k = &sum->sinks.items[i];
		if (k->bit == bit && same_site(k->site, sk->site) && guard_covers(k, sk))
			return true;
	}
	return sum->sinks.len >= MAX_SUMMARY_SINKS;
}

static bool has_small_array_arg(const bh_taint__fctx *c, const bh_ir_instr *in)
{
	for (uint32_t a = 0; a < in->nargs; a++) {
		const bh_ir_opnd *o = &in->args[a];
		if (o->kind == BH_IR_OPND_VAR && (c->fn->vars[o->var].flags & BH_IR_VAR_ARRAY) &&
		    c->fn->vars[o->var].size && c->fn->vars[o->var].size < 256)
			return true;
	}
	return false;
}

// The sink at instruction `in`, for summary entries to share.
static const bh_taint__sink_site *new_site(bh_taint__fctx *c, const bh_ir_instr *in, const bh_rule *rule,
					   const char *callee, const char *operand, const char *snippet,
					   bool signed_matters)
{
	bh_taint__sink_site *site = bh_arena_alloc(c->prog->arena, sizeof(*site));
	*site = (bh_taint__sink_site){ .rule = rule, .loc = in->loc, .function = c->fn->name, .callee = callee,
				       .operand = operand, .snippet = snippet,
				       .bounded_sink = rule_is_bounded(rule), .signed_matters = signed_matters };
	return site;
}

// A loop bound `p < end` where `end` is our parameter `param`, not moved
// here (or a loop or an allocation sized `end - p`): how far apart the two
// are is for each caller to say by the number it moved the pointer it
// passes by (`f(buf, buf + n)`), not by the bytes the pointer leads to. A
// summary sink marked `via_offset`.
static void reach_offset_sink(bh_taint__fctx *c, const bh_ir_instr *in, const bh_rule *rule,
			      const bh_ir_opnd *param, const char *operand)
{
	uint32_t j = param->var;
	if (j >= BH_TAINT__MAX_PARAMS || 1 + j >= c->sum->nlabels)
		return;
	if (!operand)
		operand = operand_text(c, in, param);
	const char *snippet = bh_arena_sprintf(c->prog->arena, "[](%s)", operand ? operand : "");
	bh_taint__sink sk;
	memset(&sk, 0, sizeof(sk));
	sk.site = new_site(c, in, rule, NULL, operand, snippet, false);
	sk.via_offset = true;
	sk.path = bh_taint__path_to(c, j, in->id, NULL, in->loc, sink_step(c, rule, NULL));
	add_summary_sinks(c, BH_TAINT__PARAM(j), &sk);
}

// A value reaching a sink at instruction `in`: a finding for concrete
// taint, a summary entry for each parameter it comes from.
static void reach_sink(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in, const bh_rule *rule,
		       const char *callee, const bh_ir_opnd *arg, bool deep, bool signed_matters,
		       bool small_fires)
{
	callee = bh_taint__display_name(c, callee);
	bh_taint__val v = deep ? read_deep(c, f, arg) : read_value(c, f, arg);
	if (small_fires)
		v.small = 0;
	uint64_t fire = firing(rule, &v, signed_matters);
	// `end - p` with a pointer parameter of ours: as far apart as the
	// caller moved the pointer it passes.
	uint64_t params = rule_counts_work(rule) ? v.sized & v.no_upper & ~BH_TAINT__SRC : 0;
	if (!fire && !params)
		return;
	const char *operand = operand_text(c, in, arg);
	for (uint32_t j = 0; params && j < c->fn->nparams && j < BH_TAINT__MAX_PARAMS; j++)
		if (params & BH_TAINT__PARAM(j)) {
			bh_ir_opnd param = bh_ir_var_opnd(j);
			reach_offset_sink(c, in, rule, &param, operand);
		}
	if (!fire)
		return;
	uint32_t loc = bh_taint__tainted_loc(c, f, arg, deep);
	if (loc == BH_TAINT__NONE)
		return;
	const char *snippet = bh_arena_sprintf(c->prog->arena, "%s(%s)", callee ? callee : "[]",
					       operand ? operand : "");
	if (fire & BH_TAINT__SRC) {
		const char *what;
		bh_taint__path path = bh_taint__path_to(c, bh_taint__src_loc(c, f, arg, deep), in->id, &what, in->loc,
					      sink_step(c, rule, callee));
		bh_taint__report(c->prog, rule, in->loc, c->fn->name, snippet,
				 sink_message(c, rule, callee, operand, what), &path);
	}
	if (!(fire & ~BH_TAINT__SRC))
		return;
	bh_taint__sink sk;
	memset(&sk, 0, sizeof(sk));
	sk.site = new_site(c, in, rule, callee, operand, snippet, signed_matters);
	sk.small_fires = small_fires;
	sk.path = bh_taint__path_to(c, loc, in->id, NULL, in->loc, sink_step(c, rule, callee));
	add_summary_sinks(c, fire, &sk);
}

// ----------------------------------------------------------------- calls

// The caller's value for each label bit of callee `s` at call `in`: bit 0
// concrete taint, a parameter's bit the argument (its value and what it
// points to), a field's bit that field of what the argument points to.
static void label_values(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in,
			 const bh_taint__summary *s, bh_taint__val *out)
{
	memset(out, 0, 64 * sizeof(*out));
	out[0] = bh_taint__val_src(BH_TAINT__NONE);
	uint32_t np = s->nparams < in->nargs ? s->nparams : in->nargs;
	for (unsigned b = 1; b < s->nlabels; b++) {
		const bh_taint__label *l = &s->labels[b];
		if (l->param >= np)
			continue;
		const bh_ir_opnd *arg = &in->args[l->param];
		if (!l->field) {
			out[b] = whole_of(c, f, arg, true);
			continue;
		}
		bh_taint__locs slots = arg_field_slots(c, arg, l->field, false);
		bool written = slots.n > 0;
		for (uint32_t i = 0; i < slots.n; i++) {
			bh_taint__val t = bh_taint__value_at(c, f, slots.locs[i]);
			written &= t.written != 0;
			bh_taint__val_join(&out[b], &t);
		}
		// Stored on every path here (`node->n = 0`, or by the function
		// that returned the object): the callee reads that, as a field
		// read here would, whatever the rest of the object holds (random
		// bytes written into `node->name`).
		if (written)
			continue;
		// No slot of ours for that field: what we know of the whole.
		bh_taint__val w = whole_of(c, f, arg, true);
		if (slots.n) {
			w.no_upper &= ~out[b].labels;
			w.no_lower &= ~out[b].labels;
		}
		bh_taint__val_join(&out[b], &w);
	}
}

// A callee's value in the caller's terms.
static bh_taint__val map_labels(const bh_taint__val *callee_val, const bh_taint__val *bits,
				unsigned nbits)
{
	bh_taint__val out = bh_taint__clean_val();
	unsigned small = BH_TAINT__SMALL_ALL;
	uint64_t sized = 0, unsized = 0;
	for (unsigned b = 0; b < nbits; b++) {
		uint64_t bit = (uint64_t)1 << b;
		if (!(callee_val->labels & bit) || !bits[b].labels)
			continue;
		// Each part of ours it brings is small if the callee keeps it
		// small, or it passes on a part of ours that is small. A label
		// of ours is sized if each bit that brings it does: the callee
		// made it a distance, or passes on what is one of ours.
		bool kept = callee_val->small & (b == 0 ? BH_TAINT__SMALL_SRC : BH_TAINT__SMALL_SYM);
		unsigned parts = bh_taint__small_parts(bits[b].labels);
		if (!kept)
			small &= b > 0 ? (bits[b].small | ~parts) : ~parts;
		uint64_t ours = callee_val->sized & bit ? bits[b].labels : b > 0 ? bits[b].sized : 0;
		sized |= ours;
		unsized |= bits[b].labels & ~ours;
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
	out.small = (uint16_t)(small & bh_taint__small_parts(out.labels));
	out.sized = sized & ~unsized;
	return out;
}

// Summary sinks for each of our own labels in `fire`, from template `sk`.
static void add_summary_sinks(bh_taint__fctx *c, uint64_t fire, const bh_taint__sink *sk)
{
	// Concrete taint is a finding wherever the sink can be judged; only
	// an index through an array parameter waits for the caller's array.
	unsigned first = sk->array_param && (fire & BH_TAINT__SRC) ? 0 : 1;
	for (unsigned b = first; b < c->sum->nlabels; b++) {
		if (!(fire & ((uint64_t)1 << b)) || has_sink(c->sum, sk, b))
			continue;
		bh_taint__sink copy = *sk;
		copy.bit = (uint8_t)b;
		copy.param = (uint16_t)c->sum->labels[b].param;
		copy.field = c->sum->labels[b].field;
		bh_vec_push(&c->sum->sinks, copy);
	}
}

static bool names_function(const char *usr, const char *name, const char *key)
{
	return strcmp(usr ? usr : name, key) == 0;
}

// Whether function pointer `arg` holds function `key` (its USR or name):
// 1 yes, 0 no, -1 not known here.
static int pointer_holds(const bh_taint__fctx *c, const bh_ir_opnd *arg, const char *key)
{
	if (arg->kind == BH_IR_OPND_FUNC)
		return names_function(arg->usr, arg->str, key);
	if (arg->kind != BH_IR_OPND_VAR || !c->targets[arg->var].len)
		return -1;
	const bh_taint__opnds *held = &c->targets[arg->var];
	for (size_t i = 0; i < held->len; i++)
		if (names_function(held->items[i]->usr, held->items[i]->str, key))
			return 1;
	return 0;
}

// Whether the struct `arg` points to has function `key` in member
// `member` (USR): 1 yes, 0 no, -1 not known here. Known when it points
// only to operations tables (globals whose initialisers name functions).
static int member_holds(const bh_taint__fctx *c, const bh_ir_opnd *arg, const char *member, const char *key)
{
	if (arg->kind != BH_IR_OPND_VAR || !c->pts[arg->var].len)
		return -1;
	bool found = false;
	const bh_taint__u32s *p = &c->pts[arg->var];
	for (size_t i = 0; i < p->len; i++) {
		if (p->items[i] >= c->fn->nvars)
			return -1;
		const bh_ir_var *t = &c->fn->vars[p->items[i]];
		const bh_ir_fn_field *fields = t->fn_fields;
		uint32_t nfields = t->nfn_fields;
		// Declared `extern` here: its initialiser is in another unit.
		const bh_ir_table *def = nfields || !bh_ir_var_is_global(t) ? NULL
				       : bh_callgraph_table(c->prog->graph, bh_callgraph_global_key(t), c->fn);
		if (def) {
			fields = def->fields;
			nfields = def->nfields;
		}
		bool table = false;
		for (uint32_t k = 0; k < nfields; k++) {
			const bh_ir_fn_field *ff = &fields[k];
			if (!ff->member || strcmp(ff->member, member) != 0)
				continue;
			table = true;
			found |= names_function(ff->usr, ff->func, key);
		}
		if (!table)
			return -1;
	}
	return found;
}

// Whether callee sink `sk`, guarded by the function one of the callee's
// parameters holds, applies at call `in`, and the guard it keeps in our
// summary (`out`): satisfied or refuted by a function we pass, passed on
// when we pass our own parameter. A sink reached through a function our
// own parameter chose (c->via) is guarded by that choice.
static bool resolve_guard(bh_taint__fctx *c, const bh_ir_instr *in, const bh_taint__sink *sk,
			  bh_taint__sink *out)
{
	if (c->via.param && !c->via_guard)
		c->via_guard = own_guard(c, c->via.param, c->via.member, c->via_func);
	out->guard = c->via_guard;
	const bh_taint__guard *kg = sk->guard;
	if (!kg || kg->param - 1 >= in->nargs)
		return true;
	const bh_ir_opnd *arg = &in->args[kg->param - 1];
	int held = kg->member ? member_holds(c, arg, kg->member, kg->func) : pointer_holds(c, arg, kg->func);
	if (held >= 0)
		return held;
	// Not known here: our caller may know, if the choice is our parameter's.
	if (arg->kind == BH_IR_OPND_VAR && arg->var < c->fn->nparams && !out->guard)
		out->guard = own_guard(c, arg->var + 1, kg->member, kg->func);
	return true;
}

// A sink inside a function of code outside the build context (an
// imported summary): the call into it is the last place of ours the flow
// passes, so it becomes the sink, named after the function called.
// Returns where the real sink is, for the message.
static const char *sink_at_call(bh_taint__fctx *c, const bh_ir_instr *in, const bh_taint__sink *sk,
				const char *callee, bh_taint__sink *out)
{
	const bh_ir_opnd *arg = sk->param < in->nargs ? &in->args[sk->param] : NULL;
	const char *operand = arg ? operand_text(c, in, arg) : NULL;
	const bh_taint__sink_site *in_callee = sk->site;
	bh_taint__sink_site *here = bh_arena_alloc(c->prog->arena, sizeof(*here));
	*here = *in_callee;
	here->loc = in->loc;
	here->function = c->fn->name;
	here->callee = callee;
	here->operand = operand;
	here->snippet = bh_arena_sprintf(c->prog->arena, "%s(%s)", callee, operand ? operand : "");
	out->site = here;
	const char *what = in_callee->callee ? bh_arena_sprintf(c->prog->arena, "%s()", in_callee->callee)
			   : (bh_rule_id)in_callee->rule->index == BH_RULE_C_TAINTED_LOOP_BOUND ? "a loop bound"
			   : "an array index";
	return bh_arena_sprintf(c->prog->arena, "it reaches %s at %s:%u, outside the build context",
				what, in_callee->loc.path, in_callee->loc.line);
}

// The slot of field `field` of what `arg` points to that holds taint, or NONE.
static uint32_t tainted_slot(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *arg, const char *field)
{
	bh_taint__locs slots = arg_field_slots(c, arg, field, false);
	for (uint32_t i = 0; i < slots.n; i++)
		if (bh_taint__value_at(c, f, slots.locs[i]).labels)
			return slots.locs[i];
	return BH_TAINT__NONE;
}

// bh_taint__explain for an argument of a call, computed once for all the
// callee's sinks it reaches (lua's API functions reach dozens each).
static void explain_argument(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at)
{
	if (c->explained_at != at || c->explained_loc != loc) {
		bh_taint__path_builder ex;
		memset(&ex, 0, sizeof(ex));
		bh_taint__explain(c, &ex, loc, at);
		c->explained = bh_taint__finish_path(&ex);
		c->explained_what = ex.what;
		c->explained_at = at;
		c->explained_loc = loc;
	}
	bh_taint__prepend_path(c, pb, &c->explained);
	if (!pb->what)
		pb->what = c->explained_what;
}

static void apply_summary(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in,
			  const bh_taint__summary *s, const char *callee)
{
	uint32_t np = s->nparams < in->nargs ? s->nparams : in->nargs;
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
				a.small = sk->small ? BH_TAINT__SMALL_SRC : 0;
			bh_taint__sink resolved = *sk;
			if (!resolve_guard(c, in, sk, &resolved))
				continue;
			if (sk->array_param) {
				// The callee indexes the array we pass: only an array of
				// known extent makes it a finding; our own pointer
				// parameter passes the question on to our callers.
				const bh_ir_opnd *arr = (uint32_t)sk->array_param - 1 < in->nargs
							? &in->args[sk->array_param - 1] : NULL;
				if (!arr || arr->kind != BH_IR_OPND_VAR)
					continue;
				const bh_ir_var *av = &c->fn->vars[arr->var];
				uint32_t elem_size = sk->site->elem_size;
				if (av->flags & BH_IR_VAR_ARRAY) {
					uint64_t elems = elem_size ? av->size / elem_size : 0;
					resolved.array_param = 0;
					resolved.small_fires = elems > 0 && elems < 256;
				} else if (arr->var < c->fn->nparams && arr->var < UINT16_MAX) {
					resolved.array_param = (uint16_t)(arr->var + 1);
				} else {
					continue;
				}
			}
			// A loop bound on the pointer we pass: the number we moved it
			// by, or our own parameter's move left to our callers.
			const bh_ir_opnd *offset = NULL;
			if (sk->via_offset) {
				const bh_ir_opnd *param = NULL;
				offset = pointer_offset(c, in, &in->args[sk->param], &param);
				if (offset) {
					a = read_value(c, f, offset);
				} else if (param && param->var < BH_TAINT__MAX_PARAMS) {
					a = bh_taint__clean_val();
					a.labels = a.no_upper = BH_TAINT__PARAM(param->var);
				} else {
					continue;
				}
				resolved.via_offset = !offset;
			}
			if (resolved.small_fires)
				a.small = 0;
			uint64_t fire = firing(sk->site->rule, &a, sk->site->signed_matters);
			// Still waiting for an array: concrete taint is not a finding yet.
			bool report = (fire & BH_TAINT__SRC) && !resolved.array_param;
			if (!fire)
				continue;
			// Where the taint is here (none for the callee's own data):
			// for a field's label, that field of what we pass.
			uint32_t loc = BH_TAINT__NONE;
			if (offset) {
				loc = bh_taint__tainted_loc(c, f, offset, false);
				if (loc == BH_TAINT__NONE)
					continue;
			} else if (sk->bit != 0) {
				const bh_taint__label *l = &s->labels[sk->bit];
				if (l->field && l->param < np)
					loc = tainted_slot(c, f, &in->args[l->param], l->field);
				if (loc == BH_TAINT__NONE)
					loc = bh_taint__tainted_loc(c, f, &in->args[sk->param], true);
				if (loc == BH_TAINT__NONE)
					continue;
			}
			// Nothing new to say: reported already, or already in our summary.
			bool news = (fire & BH_TAINT__SRC) != 0 &&
				    !(resolved.array_param && has_sink(c->sum, &resolved, 0));
			for (unsigned b = 1; b < c->sum->nlabels && !news; b++)
				news = (fire & ((uint64_t)1 << b)) && !has_sink(c->sum, &resolved, b);
			if (!news)
				continue;
			bh_taint__path_builder pb;
			memset(&pb, 0, sizeof(pb));
			bh_taint__prepend_path(c, &pb, &sk->path);
			char num[16];
			snprintf(num, sizeof(num), "%u", sk->bit == 0 ? sk->array_param : sk->param + 1);
			bh_taint__step(c, &pb, in->loc, "passed to %s() as argument %s", callee, num);
			if (loc != BH_TAINT__NONE)
				explain_argument(c, &pb, loc, in->id);
			const char *what = pb.what ? pb.what : "untrusted input";
			bh_taint__path path = bh_taint__finish_path(&pb);
			const char *note = s->external ? sink_at_call(c, in, sk, callee, &resolved) : NULL;
			if (report) {
				const bh_taint__sink_site *at = resolved.site;
				const char *msg = sink_message(c, at->rule, at->callee, at->operand, what);
				if (note)
					msg = bh_arena_sprintf(c->prog->arena, "%s (%s)", msg, note);
				bh_taint__report(c->prog, at->rule, at->loc, at->function, at->snippet, msg, &path);
			}
			resolved.path = path;
			add_summary_sinks(c, fire, &resolved);
		}
	}

	// What it returns and what it writes through its pointer parameters.
	bh_taint__val r = map_labels(&s->ret, bits, s->nlabels);
	set_dst(c, f, in, r);
	// The fields it stored into what it returns are what our result's
	// fields hold (written: they win over the returned memory as a whole).
	for (size_t k = 0; k < s->fields.len && in->dst.kind == BH_IR_OPND_VAR; k++) {
		const bh_taint__field_out *fo = &s->fields.items[k];
		uint32_t slot = fo->param == BH_TAINT__RET_FIELD
				? bh_taint__find_slot(c, in->dst.var, fo->field) : BH_TAINT__NONE;
		if (slot == BH_TAINT__NONE)
			continue;
		bh_taint__val w = map_labels(&fo->val, bits, s->nlabels);
		w.written = 1;
		write_loc(c, f, slot, w, in->id);
	}
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
		const bh_ir_opnd *arg = &in->args[fo->param];
		bh_taint__locs slots = arg_field_slots(c, arg, fo->field, false);
		// Stored on every return, and the argument points to one
		// place: the field holds that now (`load(&s)` then `s->len`).
		if (fo->val.written && arg->kind == BH_IR_OPND_VAR && c->pts[arg->var].len <= 1) {
			w.written = 1;
			for (uint32_t i = 0; i < slots.n; i++)
				write_loc(c, f, slots.locs[i], w, in->id);
		} else {
			for (uint32_t i = 0; i < slots.n; i++)
				add_loc(c, f, slots.locs[i], w, in->id);
		}
		if (!slots.n && w.labels) // no slot to hold it: the memory as a whole
			write_through(c, f, arg, w, in->id);
	}
	// Globals it writes: concrete taint is recorded program-wide by the
	// callee itself; taint from our arguments is ours to record.
	if (c->reporting)
		for (size_t k = 0; k < s->globals.len; k++) {
			bh_taint__val g = { s->globals.items[k].labels & ~BH_TAINT__SRC, 0, 0, 0, 0, 0, 0, 0, 0 };
			bh_taint__val m = map_labels(&g, bits, s->nlabels);
			if (!m.labels)
				continue;
			if (m.labels & BH_TAINT__SRC) {
				bh_taint__path_builder pb;
				memset(&pb, 0, sizeof(pb));
				bh_taint__step(c, &pb, in->loc, "stored in global '%s' by %s()",
				     s->globals.items[k].key, callee);
				for (uint32_t j = 0; j < np; j++) {
					uint32_t loc = bh_taint__tainted_loc(c, f, &in->args[j], true);
					if (loc != BH_TAINT__NONE) {
						bh_taint__explain(c, &pb, loc, in->id);
						break;
					}
				}
				const char *what = pb.what ? pb.what : "untrusted input";
				bh_taint__taint_global(c->prog, s->globals.items[k].key,
						       bh_taint__finish_path(&pb), what, m.local);
			}
			note_global_params(c->sum, s->globals.items[k].key, m.labels & ~BH_TAINT__SRC);
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
static void apply_models(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in, const char *callee)
{
	size_t n;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, callee, &n);
	bh_taint__val ret = bh_taint__clean_val();
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
				bh_taint__val_join(&props[i], &v);
				if (!m[i].from.and_after)
					break;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		const bh_taint_place *to = &m[i].to;
		bh_taint__val v;
		if (m[i].kind == BH_TAINT_SOURCE && to->kind != BH_TAINT_PLACE_PARAM) {
			v = bh_taint__val_src(in->id);
			v.small = m[i].bounded ? BH_TAINT__SMALL_SRC : 0; // one byte or EOF
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
			bh_taint__val_join(&ret, &v);
			break;
		case BH_TAINT_PLACE_ARG:
			for (uint32_t a = to->index; a < in->nargs; a++) {
				unsigned left = 256;
				if (m[i].kind == BH_TAINT_SOURCE && in->args[a].kind == BH_IR_OPND_VAR)
					write_reachable(c, f, in->args[a].var, v, in->id, 4, &left);
				else
					write_through(c, f, &in->args[a], v, in->id);
				if (!to->and_after)
					break;
			}
			break;
		case BH_TAINT_PLACE_GLOBAL:
			for (uint32_t g = 0; g < c->fn->nvars; g++)
				if (bh_ir_var_is_global(&c->fn->vars[g]) && strcmp(c->fn->vars[g].name, to->global) == 0)
					add_loc(c, f, g, v, in->id);
			if (c->reporting && (v.labels & BH_TAINT__SRC)) {
				bh_taint__path_builder pb;
				memset(&pb, 0, sizeof(pb));
				bh_taint__step(c, &pb, in->loc, "%s from %s()", m[i].what, callee);
				bh_taint__taint_global(c->prog, to->global, bh_taint__finish_path(&pb), m[i].what,
						       m[i].local);
			}
			break;
		case BH_TAINT_PLACE_PARAM:
			break;
		}
	}
	free(props);
	set_dst(c, f, in, sanitized ? bh_taint__clean_val() : ret);
}

size_t bh_taint__call_targets(const bh_taint__fctx *c, const bh_ir_instr *in, bh_taint__callees *cs,
			      const bh_ir_opnd *const **targets)
{
	*targets = cs->ptrs;
	cs->via = (bh_callgraph_via){ 0, NULL };
	if (in->callee.kind == BH_IR_OPND_FUNC) {
		cs->ptrs[0] = &in->callee;
		return 1;
	}
	if (in->callee.kind != BH_IR_OPND_VAR)
		return 0;
	if (c->targets[in->callee.var].len) {
		*targets = c->targets[in->callee.var].items;
		return c->targets[in->callee.var].len;
	}
	const size_t *nodes;
	size_t n = bh_callgraph_indirect(c->prog->graph, c->fn, in, &nodes);
	if (n)
		cs->via = bh_callgraph_indirect_via(c->prog->graph, c->fn, in);
	for (size_t t = 0; t < n; t++)
		cs->ptrs[t] = &c->prog->graph->as_opnd[nodes[t]];
	return n;
}

static void transfer_call(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	bh_taint__callees cs;
	const bh_ir_opnd *const *targets;
	size_t ntargets = bh_taint__call_targets(c, in, &cs, &targets);
	if (ntargets == 0) {
		set_dst(c, f, in, bh_taint__clean_val());
		return;
	}
	// Each target's effect from the same state, joined.
	bh_taint__val *before = ntargets > 1 ? bh_xmalloc(c->ntracked * sizeof(*before) + 1) : NULL;
	bh_taint__val *acc = ntargets > 1 ? bh_xcalloc(c->ntracked + 1, sizeof(*acc)) : NULL;
	if (before)
		memcpy(before, f, c->ntracked * sizeof(*f));
	bh_taint__val dst_acc = bh_taint__clean_val();
	for (size_t t = 0; t < ntargets; t++) {
		const bh_ir_opnd *callee = targets[t];
		if (before && t > 0)
			memcpy(f, before, c->ntracked * sizeof(*f));
		const bh_taint__summary *s = callee->usr ? bh_taint__summary_of(c->prog, callee->usr) : NULL;
		if (s && s->analysed && !s->incomplete)
		{
			c->via = cs.via;
			c->via_func = cs.via.param ? (callee->usr ? callee->usr : callee->str) : NULL;
			c->via_guard = NULL;
			apply_summary(c, f, in, s, callee->str);
			c->via = (bh_callgraph_via){ 0, NULL };
			c->via_func = NULL;
			c->via_guard = NULL;
		}
		else if (!s)
			apply_models(c, f, in, callee->str);
		else
			set_dst(c, f, in, bh_taint__clean_val());
		if (acc) {
			lat_join(acc, f, c);
			if (in->dst.kind == BH_IR_OPND_VAR) {
				bh_taint__val d = *bh_taint__slot_of(c, f, in->dst.var);
				bh_taint__val_join(&dst_acc, &d);
			}
		}
	}
	if (acc) {
		memcpy(f, acc, c->ntracked * sizeof(*f));
		if (in->dst.kind == BH_IR_OPND_VAR)
			*bh_taint__slot_of(c, f, in->dst.var) = dst_acc;
	}
	free(before);
	free(acc);
	reload_globals(c, f);
}

// ---------------------------------------------------------- instructions

static void index_through_param(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in, uint32_t param)
{
	const bh_ir_opnd *ix = &in->args[1];
	bh_taint__val v = read_value(c, f, ix);
	bool signed_matters = ix->kind == BH_IR_OPND_VAR && is_signed_type(c->fn->vars[ix->var].type);
	uint64_t fire = v.no_upper | (signed_matters ? v.no_lower : 0);
	uint32_t loc = bh_taint__tainted_loc(c, f, ix, false);
	if (!fire || loc == BH_TAINT__NONE || param >= UINT16_MAX)
		return;
	const bh_rule *rule = bh_rule_get(BH_RULE_C_TAINTED_INDEX);
	const char *operand = operand_text(c, in, ix);
	bh_taint__sink_site *site = bh_arena_alloc(c->prog->arena, sizeof(*site));
	*site = (bh_taint__sink_site){ .rule = rule, .loc = in->loc, .function = c->fn->name,
				       .operand = operand,
				       .snippet = bh_arena_sprintf(c->prog->arena, "[](%s)", operand ? operand : ""),
				       .bounded_sink = true, .signed_matters = signed_matters,
				       .elem_size = in->size };
	bh_taint__sink sk;
	memset(&sk, 0, sizeof(sk));
	sk.site = site;
	sk.array_param = (uint16_t)(param + 1);
	sk.small = (v.small & BH_TAINT__SMALL_SRC) != 0;
	sk.path = bh_taint__path_to(c, loc, in->id, NULL, in->loc, sink_step(c, rule, NULL));
	add_summary_sinks(c, fire, &sk);
}

// An index into an array whose extent is known (a local, global or static
// array). Through a pointer the extent is unknown and a finding could not
// say what the index overruns; those are left to the memory checkers.
static void check_index(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in)
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

// What a function returns: a pointer or a struct stands for the memory
// it designates, a number only for itself (a byte read from a buffer is
// small even when the buffer's other bytes are not). The fields of a
// returned object (`r->mask = 15; r->seed = rand();`) go to callers as
// returned fields of their own (summarize_returned_fields), so they are
// left out here: otherwise one field holding input (a name copied from a
// config line) would taint every field a caller reads (`obj->count`),
// not just that one.
static bh_taint__val returned_value(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o)
{
	bool scalar = !c->fn->returns_pointer && o->kind == BH_IR_OPND_VAR &&
		      !(c->fn->vars[o->var].flags & (BH_IR_VAR_RECORD | BH_IR_VAR_ARRAY | BH_IR_VAR_POINTER));
	if (scalar)
		return read_value(c, f, o);
	return read_memory(c, f, o, returns_object(c, o));
}

// One byte read from untrusted memory is still untrusted, but small:
// `table[(unsigned char)*s]` indexes a 256-entry table safely, a byte does
// not make a loop or an allocation unbounded. (`small` is not a bound: the
// same byte indexing a 10-entry table is reported.)
static bh_taint__val small_value(const bh_ir_instr *in, bh_taint__val v)
{
	if (in->size == 1 && v.labels)
		v.small = BH_TAINT__SMALL_ALL;
	return v;
}

// `while (random() < threshold)`, `while (atoi(line) > 0)`, `while (n <=
// 0) { …; n = atoi(buf); }`: a value a call makes anew for each test (in
// the test's block, or given to the variable inside the loop), compared
// with a constant, is what the loop reads, not its bound: the input
// decides when to stop, and no count of iterations comes from it. (`i <
// n` with `n` from input is a bound.)
static bool is_fresh_reading(bh_taint__fctx *c, const bh_ir_instr *br, const bh_ir_opnd *v,
			     const bh_ir_opnd *other)
{
	int64_t k;
	if (v->kind != BH_IR_OPND_VAR || !bh_flow_const_of(&c->consts, other, &k))
		return false;
	const bh_ir_instr *d = bh_ir_def_before(c->fn, br, v->var);
	return (d && d->op == BH_IR_CALL) || bh_taint__read_in_loop(c, br, v);
}

// A loop that compares addresses (`p < end`) runs as far as they are
// apart, which nobody chose unless one was moved by a number: `end = buf
// + n` counts n. The taint of a pointer is that of what it points to, so
// the loop bound is that number: the offset operand of the pointer
// arithmetic that made `o` as of instruction `at` (in its block, or the
// only assignment of its variable), looking through moves by a constant
// (`end - 2`), or NULL when `o` was not made by moving a pointer (then
// `*param` is `o` if it is a parameter of ours never assigned).
static const bh_ir_opnd *pointer_offset(bh_taint__fctx *c, const bh_ir_instr *at, const bh_ir_opnd *o,
					const bh_ir_opnd **param)
{
	*param = NULL;
	for (int hops = 0; hops < 4 && o->kind == BH_IR_OPND_VAR; hops++) {
		const bh_ir_instr *d = bh_ir_def_before(c->fn, at, o->var);
		size_t ndefs = 1;
		if (!d)
			d = bh_ir_only_def(c->fn, o->var, &ndefs);
		if (!ndefs && o->var < c->fn->nparams) {
			*param = o; // as the caller passed it
			return NULL;
		}
		if (!d || d->op != BH_IR_BINOP || d->on_pointers || !d->size || d->nargs != 2 ||
		    (d->sub != BH_IR_BIN_ADD && d->sub != BH_IR_BIN_SUB))
			return NULL;
		// `n + p` has the pointer on the right.
		int k = d->args[1].kind == BH_IR_OPND_VAR &&
				(c->fn->vars[d->args[1].var].flags & (BH_IR_VAR_POINTER | BH_IR_VAR_ARRAY))
			? 0 : 1;
		int64_t n;
		if (!bh_flow_const_of(&c->consts, &d->args[k], &n))
			return &d->args[k];
		o = &d->args[1 - k];
		at = d;
	}
	return NULL;
}

// Which labels of `v`, the result of binary operation `in`, stand for a
// part at most the extent of one object. `end - p` is how far apart two
// places of one object are: the input may decide where a delimiter is,
// not how large the object it sent is, unless it moved one of the two by
// a number of its own (`end = buf + n`: then that number counts, as for
// `p < end`). A pointer parameter of ours may be such a moved pointer in
// a caller: its label is sized here, and a loop or an allocation it
// reaches asks each caller what it moved the pointer by (reach_sink).
// Arithmetic that keeps a value within a multiple of what it was (`+`,
// `-`, `/`, `%`, `&`, `>>`, `*` by a constant) keeps the labels sized
// that its operands have sized (joined as values are); anything else
// makes it any size.
static uint64_t object_sized(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in,
			     const bh_taint__val *v)
{
	int64_t k;
	switch (in->sub) {
	case BH_IR_BIN_SUB:
		if (in->on_pointers) {
			uint64_t sized = v->labels;
			for (int i = 0; i < 2; i++) {
				const bh_ir_opnd *param;
				const bh_ir_opnd *off = pointer_offset(c, in, &in->args[i], &param);
				if (off) {
					bh_taint__val t = read_value(c, f, off);
					sized &= ~(t.labels & ~t.sized);
				}
			}
			return sized;
		}
		return v->sized;
	case BH_IR_BIN_ADD:
	case BH_IR_BIN_DIV:
	case BH_IR_BIN_REM:
	case BH_IR_BIN_AND:
	case BH_IR_BIN_SHR:
		return v->sized;
	case BH_IR_BIN_MUL:
		return bh_flow_const_of(&c->consts, &in->args[0], &k) ||
		       bh_flow_const_of(&c->consts, &in->args[1], &k) ? v->sized : 0;
	default:
		return 0;
	}
}

// Does a test of the length of the string one operand of pointer
// difference `in` points into bound the difference? `pdot - s` after `if
// (strlen(s) > MAX) return;` is at most MAX: the edge on which the length
// is bounded dominates `in` (its target has no other way in), and s is
// never assigned (measured_string).
static bool distance_in_tested_string(bh_taint__fctx *c, const bh_ir_instr *in)
{
	if (!c->len_tests)
		return false;
	for (int i = 0; i < 2; i++) {
		const bh_ir_opnd *o = &in->args[i];
		if (o->kind != BH_IR_OPND_VAR)
			continue;
		const bh_ir_instr *d = bh_ir_def_before(c->fn, in, o->var);
		if (d && d->op == BH_IR_ASSIGN && d->args[0].kind == BH_IR_OPND_VAR)
			o = &d->args[0]; // a copy (a cast) of the variable
		for (uint32_t b = 0; b < c->fn->nblocks; b++)
			for (int side = 0; side < 2; side++) {
				if (c->edges[b].len_tested[side] != o->var + 1)
					continue;
				const bh_ir_instr *t = bh_ir_block_terminator(&c->fn->blocks[b]);
				uint32_t to = t->target[side];
				if (c->fn->blocks[to].npreds != 1)
					continue;
				if (!bh_taint__have_dom(c))
					return false;
				if (bh_flow_dominates(c->dom, to, in->block))
					return true;
			}
	}
	return false;
}

static bool same_operand(const bh_ir_opnd *a, const bh_ir_opnd *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == BH_IR_OPND_VAR)
		return a->var == b->var;
	return a->kind == BH_IR_OPND_INT && a->ival == b->ival;
}

// Which ends (BH_TAINT__EXPR_*) of arithmetic `in` the branch into its
// block bounds: the block's one way in is a side of a comparison of the
// same arithmetic on the same variables, none assigned since. `MIN(len -
// off, sizeof name)` tests `len - off` and computes it again on the side
// where it is below the size.
static unsigned recomputed_bounds(const bh_taint__fctx *c, const bh_ir_instr *in)
{
	const bh_ir_block *b = &c->fn->blocks[in->block];
	if (b->npreds != 1)
		return 0;
	const bh_ir_instr *t = bh_ir_block_terminator(&c->fn->blocks[b->preds[0]]);
	if (!t || t->op != BH_IR_BR || t->target[0] == t->target[1])
		return 0;
	int side = t->target[0] == in->block ? 0 : 1;
	const bh_taint__edge *e = &c->edges[b->preds[0]];
	const bh_ir_instr *d = e->expr[side];
	if (!d || d->sub != in->sub || d->size != in->size || d->on_pointers != in->on_pointers ||
	    d->is_unsigned != in->is_unsigned || in->nargs != 2)
		return 0;
	bool addressed = false;
	for (uint32_t a = 0; a < 2; a++) {
		if (!same_operand(&d->args[a], &in->args[a]))
			return 0;
		if (in->args[a].kind != BH_IR_OPND_VAR)
			continue;
		if (bh_ir_def_before(c->fn, in, in->args[a].var))
			return 0;
		addressed |= (c->fn->vars[in->args[a].var].flags & BH_IR_VAR_ADDRESSED) != 0;
	}
	// A variable whose address is taken changes through a store or a call.
	for (uint32_t i = 0; addressed && i < b->ninstrs && b->instrs[i].id != in->id; i++)
		if (b->instrs[i].op == BH_IR_STORE || b->instrs[i].op == BH_IR_CALL)
			return 0;
	return e->expr_bounds[side];
}

// `p->n` where `n` still holds its entry label: the caller gives that
// label what it knows of its own `arg->n`, or, knowing nothing of the
// field, all of *arg (label_values). The label of parameter `p` as a
// whole says no more for this read, and would say too much where the
// caller stored `n` itself: the rest of *arg (random bytes in
// `node->name`) is not what `n` holds.
static uint64_t entry_covers(const bh_taint__fctx *c, uint32_t loc, const bh_taint__val *t)
{
	if (loc < c->fn->nvars)
		return 0;
	uint32_t k = loc - c->fn->nvars;
	uint32_t base = c->slots.items[k].base;
	unsigned bit = c->slot_bits[k];
	if (!bit || base >= c->fn->nparams || base >= BH_TAINT__MAX_PARAMS ||
	    !(t->labels & ((uint64_t)1 << bit)))
		return 0;
	return BH_TAINT__PARAM(base);
}

// The labels of operand `o` (whose taint is `t`) that leave it unbounded
// above as the right of `%` or either side of `&`: none for a constant
// (a negative one bounds `%` but not `&`: `n & ~7` is about n), all for
// what is not a variable.
static uint64_t operand_bound(bh_taint__fctx *c, const bh_ir_opnd *o, const bh_taint__val *t,
			      bool negative_bounds)
{
	int64_t k;
	if (bh_flow_const_of(&c->consts, o, &k))
		return k >= 0 || negative_bounds ? 0 : ~(uint64_t)0;
	return o->kind == BH_IR_OPND_VAR ? t->no_upper : ~(uint64_t)0;
}

// Does the comparison ending `br`'s block decide a loop: a branch the
// prepass marked (at a loop's head or on a back edge), or a test chained
// to one (taint_loops.c)? Chained tests are looked for only where an
// operand carries taint (or addresses are compared), since that costs a
// walk of the function per marked neighbour; the answer is kept.
static bool decides_loop(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *br)
{
	uint32_t b = br->block;
	if (c->loop_cond[b])
		return true;
	if (!c->chained_test[b]) {
		const bh_taint__edge *e = &c->edges[b];
		if (!e->on_pointers && !read_value(c, f, &e->cmp[0]).labels && !read_value(c, f, &e->cmp[1]).labels)
			return false;
		c->chained_test[b] = bh_taint__chained_loop_test(c, b) ? 1 : 2;
	}
	return c->chained_test[b] == 1;
}

void bh_taint__transfer(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in)
{
	switch (in->op) {
	case BH_IR_ASSIGN:
		set_dst(c, f, in, read_value(c, f, &in->args[0]));
		// `s = 0` zero-fills a struct (an initialiser list): its fields
		// too. `p = NULL` leaves no object whose fields hold input, so
		// the fields an out parameter's callee stores on some paths
		// only (`*out = obj` on success) are what `p->f` may hold.
		if (in->dst.kind == BH_IR_OPND_VAR && in->args[0].kind == BH_IR_OPND_INT &&
		    (c->fn->vars[in->dst.var].flags & (BH_IR_VAR_RECORD | BH_IR_VAR_POINTER))) {
			bh_taint__val zero = bh_taint__clean_val();
			zero.written = 1;
			for (uint32_t k = c->first_slot ? c->first_slot[in->dst.var] : 0; k; k = c->next_slot[k - 1])
				write_loc(c, f, c->fn->nvars + k - 1, zero, in->id);
		}
		break;
	case BH_IR_UNOP: {
		bh_taint__val v = in->sub == BH_IR_UN_LNOT ? bh_taint__clean_val() : read_value(c, f, &in->args[0]);
		if (in->sub != BH_IR_UN_PLUS) {
			v.small = 0;
			v.sized = 0;
		}
		set_dst(c, f, in, v);
		break;
	}
	case BH_IR_BINOP: {
		int op = in->sub;
		if (bh_taint__is_comparison(op) || op == BH_IR_BIN_EQ || op == BH_IR_BIN_NE) {
			set_dst(c, f, in, bh_taint__clean_val());
			break;
		}
		bh_taint__val u = read_value(c, f, &in->args[0]);
		bh_taint__val w = read_value(c, f, &in->args[1]);
		bh_taint__val v = u;
		bh_taint__val_join(&v, &w);
		int64_t k;
		// `c - '0'`, `c + 1` keep a byte small; other arithmetic does not.
		bool near = (op == BH_IR_BIN_ADD || op == BH_IR_BIN_SUB) &&
			    (bh_flow_const_of(&c->consts, &in->args[1], &k) || bh_flow_const_of(&c->consts, &in->args[0], &k)) &&
			    k >= -256 && k <= 256;
		if (!near)
			v.small = 0;
		v.sized = object_sized(c, f, in, &v);
		if (in->on_pointers && op == BH_IR_BIN_SUB && v.sized && distance_in_tested_string(c, in))
			v.no_upper &= ~v.sized;
		// A temporary has no type, so its sinks do not ask for a lower
		// bound: signed arithmetic bounded only from above stays
		// unbounded (`MIN(len - off, 32)` in int may be negative).
		unsigned ends = v.labels ? recomputed_bounds(c, in) : 0;
		if ((ends & BH_TAINT__EXPR_UPPER) && (in->is_unsigned || (ends & BH_TAINT__EXPR_LOWER)))
			v.no_upper = 0;
		if (ends & BH_TAINT__EXPR_LOWER)
			v.no_lower = 0;
		// `n % m` is smaller than m, and `n & m` than either: as
		// unbounded as m (and n for `&`), whatever n is. So `n % 16`,
		// `n & 0xff` and `h & (size - 1)` are bounded, `n % m` too when
		// m is trusted or checked (`if (m > 8) m = 8;`), and `n % m` for
		// a parameter m is bounded as far as our callers bound m.
		if (op == BH_IR_BIN_REM || op == BH_IR_BIN_AND) {
			uint64_t unbounded = operand_bound(c, &in->args[1], &w, op == BH_IR_BIN_REM);
			if (op == BH_IR_BIN_AND)
				unbounded &= operand_bound(c, &in->args[0], &u, false);
			v.no_upper &= unbounded;
			if (op == BH_IR_BIN_AND)
				v.no_lower &= unbounded;
			else if (in->is_unsigned)
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
		store_object_fields(c, f, in);
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
		bh_taint__val v = bh_taint__clean_val();
		bh_taint__locs s = bh_taint__field_slots(c, in, false);
		bool written = s.n > 0;
		uint64_t covered = 0;
		for (uint32_t i = 0; i < s.n; i++) {
			bh_taint__val t = bh_taint__value_at(c, f, s.locs[i]);
			written &= t.written != 0;
			bh_taint__val_join(&v, &t);
			covered |= entry_covers(c, s.locs[i], &t);
		}
		whole.labels &= ~covered;
		whole.no_upper &= ~covered;
		whole.no_lower &= ~covered;
		// `r->count = 10; ... r->count`: what this function stored there
		// is what is read, whatever the rest of *r holds (r from an
		// allocator whose bookkeeping is untrusted-sized).
		if (written && in->op == BH_IR_FIELD)
			whole = bh_taint__clean_val();
		// What the field itself knows wins over the struct as a whole:
		// a bounds check on `s.len` holds even if all of s came from a
		// read.
		whole.no_upper &= ~v.labels;
		whole.no_lower &= ~v.labels;
		bh_taint__val_join(&v, &whole);
		set_dst(c, f, in, v);
		break;
	}
	case BH_IR_FIELD_STORE: {
		bh_taint__val v = read_value(c, f, &in->args[1]);
		bh_taint__locs s = bh_taint__field_slots(c, in, false);
		for (uint32_t i = 0; i < s.n; i++) {
			if (i == 0 || s.n == 2) { // the access itself, or its only target
				bh_taint__val w = v;
				w.written = 1;
				write_loc(c, f, s.locs[i], w, in->id);
			} else {
				add_loc(c, f, s.locs[i], v, in->id);
			}
		}
		break;
	}
	case BH_IR_CALL:
		transfer_call(c, f, in);
		break;
	case BH_IR_OPAQUE: {
		bh_taint__val v = bh_taint__clean_val();
		for (uint32_t a = 0; a < in->nargs; a++) {
			bh_taint__val t = read_deep(c, f, &in->args[a]);
			bh_taint__val_join(&v, &t);
		}
		set_dst(c, f, in, v);
		break;
	}
	case BH_IR_RET:
		c->rets += c->reporting;
		if (c->reporting && in->nargs) {
			bh_taint__val v = returned_value(c, f, &in->args[0]);
			if (v.labels & BH_TAINT__SRC && !(c->sum->ret.labels & BH_TAINT__SRC)) {
				uint32_t loc = bh_taint__src_loc(c, f, &in->args[0], true);
				bh_taint__path_builder pb;
				memset(&pb, 0, sizeof(pb));
				bh_taint__step(c, &pb, in->loc, "returned from %s()%s", c->fn->name, "");
				if (loc != BH_TAINT__NONE)
					bh_taint__explain(c, &pb, loc, in->id);
				c->sum->ret_what = pb.what ? pb.what : "untrusted input";
				c->sum->ret_path = bh_taint__finish_path(&pb);
			}
			bh_taint__val earlier = c->sum->ret;
			bh_taint__val_join(&c->sum->ret, &v);
			summarize_returned_fields(c, f, in, &v, &earlier);
		}
		if (c->reporting)
			for (uint32_t j = 0; j < c->fn->nparams; j++) {
				summarize_fields(c, f, j, in);
				bh_taint__val v = *bh_taint__slot_of(c, f, j);
				uint64_t own = j < BH_TAINT__MAX_PARAMS ? BH_TAINT__PARAM(j) : 0;
				v.labels &= ~own;
				v.no_upper &= ~own;
				v.no_lower &= ~own;
				if (!v.labels)
					continue;
				if ((v.labels & BH_TAINT__SRC) && !(c->sum->param_out[j].labels & BH_TAINT__SRC)) {
					bh_taint__path_builder pb;
					memset(&pb, 0, sizeof(pb));
					bh_taint__step(c, &pb, in->loc, "written into parameter '%s'%s",
					     c->fn->vars[j].name, "");
					bh_taint__explain(c, &pb, j, in->id);
					c->sum->param_out_what[j] = pb.what ? pb.what : "untrusted input";
					c->sum->param_out_path[j] = bh_taint__finish_path(&pb);
				}
				bh_taint__val_join(&c->sum->param_out[j], &v);
			}
		break;
	case BH_IR_BR:
		if (c->reporting && c->edges[in->block].is_cmp && decides_loop(c, f, in)) {
			const bh_taint__edge *e = &c->edges[in->block];
			for (int k = 0; k < 2; k++) {
				const bh_ir_opnd *param = NULL;
				const bh_ir_opnd *bound = e->on_pointers ? pointer_offset(c, in, &e->cmp[k], &param)
									 : &e->cmp[k];
				if (bound && !is_fresh_reading(c, in, bound, &e->cmp[1 - k]) &&
				    !(!e->on_pointers && read_value(c, f, bound).labels &&
				      (bh_taint__shrinks_each_pass(c, in, (uint32_t)k) ||
				       bh_taint__bounded_elsewhere(c, in, (uint32_t)k))))
					reach_sink(c, f, in, bh_rule_get(BH_RULE_C_TAINTED_LOOP_BOUND), NULL,
						   bound, false, false, false);
				else if (param)
					reach_offset_sink(c, in, bh_rule_get(BH_RULE_C_TAINTED_LOOP_BOUND), param,
							  NULL);
			}
		}
		break;
	default:
		break;
	}
}

// ------------------------------------------------------ parameter fields

// The labels slot `k` of parameter `j` may hold from the caller: the
// parameter's own (all of *arg) and the field's.
static uint64_t entry_labels(const bh_taint__fctx *c, uint32_t j, size_t k)
{
	return (j < BH_TAINT__MAX_PARAMS ? BH_TAINT__PARAM(j) : 0) |
	       (c->slot_bits[k] ? (uint64_t)1 << c->slot_bits[k] : 0);
}

// The index of the summary's entry for `field` of `param` (or of the
// returned object, BH_TAINT__RET_FIELD); sum->fields.len if none.
static size_t field_out_index(const bh_taint__summary *sum, unsigned param, const char *field)
{
	size_t i = 0;
	while (i < sum->fields.len &&
	       (sum->fields.items[i].param != param || strcmp(sum->fields.items[i].field, field) != 0))
		i++;
	return i;
}

// One return's word on the fields of `param` (a parameter, or
// BH_TAINT__RET_FIELD for the returned object): an entry's `written`
// stays while every return so far has stored the field. `had` entries
// came from earlier returns; `seen` marks those this one met.
typedef struct {
	unsigned param;
	bool first;     // no earlier return counts
	size_t had;
	bool *seen;
} bh_taint__fields_at_return;

static bh_taint__fields_at_return fields_at_return(bh_taint__fctx *c, unsigned param, bool first)
{
	size_t had = c->sum->fields.len;
	return (bh_taint__fields_at_return){ param, first, had, bh_arena_alloc(c->arena, had + 1) };
}

// The entry for `field`, with `v` (what this return leaves there) joined in.
static bh_taint__field_out *field_at_return(bh_taint__fctx *c, bh_taint__fields_at_return *r,
					    const char *field, const bh_taint__val *v)
{
	bh_taint__summary *sum = c->sum;
	size_t at = field_out_index(sum, r->param, field);
	if (at < sum->fields.len) {
		bh_taint__field_out *fo = &sum->fields.items[at];
		bool keep = fo->val.written && v->written;
		bh_taint__val_join(&fo->val, v);
		fo->val.written = keep;
		if (at < r->had)
			r->seen[at] = true;
		return fo;
	}
	bh_taint__field_out *fo = bh_vec_grow_one(&sum->fields);
	memset(fo, 0, sizeof(*fo));
	fo->param = r->param;
	fo->field = field;
	fo->val = *v;
	fo->val.written = r->first && v->written; // an earlier return did not store it
	return fo;
}

// The entries of earlier returns this one did not store: no longer
// stored on every return.
static void fields_at_return_done(bh_taint__fctx *c, const bh_taint__fields_at_return *r)
{
	for (size_t i = 0; i < r->had; i++)
		if (c->sum->fields.items[i].param == r->param && !r->seen[i])
			c->sum->fields.items[i].val.written = 0;
}

// At a return: what each field of what parameter `j` points to holds
// (`p->len = n`; the fields of the object `*out = obj` stored), for
// callers to taint just that field. An entry's `written` says the field
// was stored on every return (or holds what it held on entry, its own
// label, where it was not): callers then take it as the field's value,
// whatever the rest of *arg holds. finish_field_summaries drops what a
// caller needs no word on.
static void summarize_fields(bh_taint__fctx *c, bh_taint__val *f, uint32_t j, const bh_ir_instr *ret)
{
	bh_taint__fields_at_return r = fields_at_return(c, j, c->rets == 1);
	for (size_t k = 0; k < c->slots.len; k++) {
		if (c->slots.items[k].base != j)
			continue;
		uint32_t loc = c->fn->nvars + (uint32_t)k;
		bh_taint__val v = bh_taint__value_at(c, f, loc);
		uint64_t entry = entry_labels(c, j, k);
		if (!(v.labels & ~entry) && !v.written)
			continue;
		bh_taint__field_out *fo = field_at_return(c, &r, c->slots.items[k].field, &v);
		if ((v.labels & ~entry & BH_TAINT__SRC) && !fo->path.len) {
			bh_taint__path_builder pb;
			memset(&pb, 0, sizeof(pb));
			bh_taint__step(c, &pb, ret->loc, "written into '%s' of parameter '%s'",
			     c->slots.items[k].field, c->fn->vars[j].name);
			bh_taint__explain(c, &pb, loc, ret->id);
			fo->what = pb.what ? pb.what : "untrusted input";
			fo->path = bh_taint__finish_path(&pb);
		}
	}
	fields_at_return_done(c, &r);
}

// ------------------------------------------------------ returned fields

// Does the function return an object here (`return r`, r a pointer
// variable), whose fields go to callers one by one? `return NULL` returns
// none.
static bool returns_object(bh_taint__fctx *c, const bh_ir_opnd *o)
{
	int64_t k;
	return c->fn->returns_pointer && o->kind == BH_IR_OPND_VAR && !bh_flow_const_of(&c->consts, o, &k);
}

// The explanation of a returned field's first untrusted value: its source
// (`from`, a location) to the return.
static void explain_returned_field(bh_taint__fctx *c, bh_taint__field_out *fo, const bh_ir_instr *ret,
				   uint32_t from)
{
	bh_taint__path_builder pb;
	memset(&pb, 0, sizeof(pb));
	bh_taint__step(c, &pb, ret->loc, "stored in '%s' of what %s() returns", fo->field, c->fn->name);
	if (from != BH_TAINT__NONE)
		bh_taint__explain(c, &pb, from, ret->id);
	fo->what = pb.what ? pb.what : "untrusted input";
	fo->path = bh_taint__finish_path(&pb);
}

// At a return: what each field of the object it returns holds, for
// callers to read `r->len` as just that field, not as all the returned
// memory may hold (`r->data` bytes from a read; a name copied from a
// config line in another field). A field stored on this path holds what
// was stored; one that was not (stored on some paths only, or read) holds
// that and whatever the rest of the object holds (`rest`, what
// returned_value made of it). returned_value leaves the fields out of the
// object as a whole, so every return of an object speaks for all of them
// and each entry stays `written`, the field's whole value: a field an
// earlier return's object had and this one's has not holds here what the
// rest of this object holds, and one this object has first held there
// what those objects held (`earlier`, their join). `return NULL` returns
// no object: it has no say.
static void summarize_returned_fields(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *ret,
				      const bh_taint__val *rest, const bh_taint__val *earlier)
{
	const bh_ir_opnd *o = &ret->args[0];
	if (!returns_object(c, o))
		return;
	bool first = c->object_rets++ == 0;
	bh_taint__fields_at_return r = fields_at_return(c, BH_TAINT__RET_FIELD, first);
	uint32_t rest_from = rest->labels & BH_TAINT__SRC ? bh_taint__src_loc(c, f, o, true) : BH_TAINT__NONE;
	for (uint32_t e = c->first_slot ? c->first_slot[o->var] : 0; e; e = c->next_slot[e - 1]) {
		uint32_t loc = c->fn->nvars + e - 1;
		bh_taint__val v = bh_taint__value_at(c, f, loc);
		uint32_t from = loc;
		if (!v.written) {
			if (!(v.labels & BH_TAINT__SRC) && (rest->labels & BH_TAINT__SRC))
				from = rest_from;
			bh_taint__val_join(&v, rest);
		}
		v.written = 1;
		bh_taint__field_out *fo = field_at_return(c, &r, c->slots.items[e - 1].field, &v);
		if ((size_t)(fo - c->sum->fields.items) >= r.had && !first) {
			// New here: the earlier objects' field held what they did.
			if (!(fo->val.labels & BH_TAINT__SRC) && (earlier->labels & BH_TAINT__SRC)) {
				fo->path = c->sum->ret_path;
				fo->what = c->sum->ret_what;
			}
			bh_taint__val_join(&fo->val, earlier);
			fo->val.written = 1;
		}
		if ((fo->val.labels & BH_TAINT__SRC) && !fo->path.len)
			explain_returned_field(c, fo, ret, from);
	}
	// The earlier objects' fields this one has not: the rest of it.
	for (size_t i = 0; i < r.had; i++) {
		bh_taint__field_out *fo = &c->sum->fields.items[i];
		if (fo->param != BH_TAINT__RET_FIELD || r.seen[i])
			continue;
		bh_taint__val_join(&fo->val, rest);
		fo->val.written = 1;
		if ((fo->val.labels & BH_TAINT__SRC) && !fo->path.len)
			explain_returned_field(c, fo, ret, rest_from);
	}
}

// Drops the returned fields that tell callers no more than the returned
// object as a whole; of a parameter's fields, those the function leaves
// as they were on entry when nothing else is written through the
// parameter, and what they held on entry from those not stored on every
// return (the caller's own taint, which it keeps: a weak update).
static void finish_field_summaries(bh_taint__fctx *c)
{
	bh_taint__summary *sum = c->sum;
	size_t n = 0;
	for (size_t i = 0; i < sum->fields.len; i++) {
		bh_taint__field_out *fo = &sum->fields.items[i];
		if (fo->param != BH_TAINT__RET_FIELD) {
			uint32_t slot = bh_taint__find_slot(c, fo->param, fo->field);
			uint64_t entry = slot == BH_TAINT__NONE ? 0 : entry_labels(c, fo->param, slot - c->fn->nvars);
			uint64_t bit = entry & ~(fo->param < BH_TAINT__MAX_PARAMS ? BH_TAINT__PARAM(fo->param) : 0);
			bool unchanged = bit && fo->val.labels == bit && fo->val.no_upper == bit &&
					 fo->val.no_lower == bit;
			// Unchanged, and nothing else written through the
			// parameter makes the caller forget what it knows.
			if (fo->val.written && unchanged && !sum->param_out[fo->param].labels)
				continue;
			if (!fo->val.written) {
				fo->val.labels &= ~entry;
				fo->val.no_upper &= ~entry;
				fo->val.no_lower &= ~entry;
				if (!fo->val.labels)
					continue;
			}
		} else if (fo->val.labels == sum->ret.labels && fo->val.no_upper == sum->ret.no_upper &&
			   fo->val.no_lower == sum->ret.no_lower) {
			continue; // what callers read of the object as a whole
		}
		sum->fields.items[n++] = *fo;
	}
	sum->fields.len = n;
}

// The caller's slots for field `field` of what argument `arg` points to:
// the pointer's own `arg->field` and `t.field` for each t it points to.
static bh_taint__locs arg_field_slots(bh_taint__fctx *c, const bh_ir_opnd *arg, const char *field, bool create)
{
	bh_taint__locs out = { { 0 }, 0 };
	if (arg->kind != BH_IR_OPND_VAR)
		return out;
	uint32_t s = create ? bh_taint__make_slot(c, arg->var, field) : bh_taint__find_slot(c, arg->var, field);
	if (s != BH_TAINT__NONE)
		bh_taint__list_add(&out, s);
	for (size_t i = 0; i < c->pts[arg->var].len; i++) {
		uint32_t t = c->pts[arg->var].items[i];
		if (t >= c->fn->nvars)
			continue;
		s = create ? bh_taint__make_slot(c, t, field) : bh_taint__find_slot(c, t, field);
		if (s != BH_TAINT__NONE)
			bh_taint__list_add(&out, s);
	}
	return out;
}

// `*out = obj`, obj a pointer whose fields are known here (`obj->len =
// n`, or stored by the function that returned obj): slots (out, f) stand
// for the fields of the object *out now points to (a pointer has no
// fields of its own, so the name is free), so that the caller of
// `load(&s)` reads `s->len` as obj->len was, not as all obj's memory
// (the bytes `obj->data` points to). Made after the slots of field
// accesses: those get the label bits first.
static void make_stored_object_slots(bh_taint__fctx *c)
{
	for (uint32_t b = 0; b < c->fn->nblocks; b++)
		for (uint32_t i = 0; i < c->fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &c->fn->blocks[b].instrs[i];
			if (in->op != BH_IR_STORE || in->args[0].kind != BH_IR_OPND_VAR ||
			    in->args[1].kind != BH_IR_OPND_VAR || in->args[0].var == in->args[1].var)
				continue;
			for (size_t k = 0; k < c->slots.len; k++)
				if (c->slots.items[k].base == in->args[1].var)
					(void)bh_taint__make_slot(c, in->args[0].var, c->slots.items[k].field);
		}
}

// Before the facts are sized: slots for the fields callees write through
// our arguments.
static void make_callee_field_slots(bh_taint__fctx *c)
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
				else if (s->fields.items[k].param == BH_TAINT__RET_FIELD &&
					 in->dst.kind == BH_IR_OPND_VAR)
					(void)bh_taint__make_slot(c, in->dst.var, s->fields.items[k].field);
		}
}

// ------------------------------------------------------ globals written

// A global's parameter-labelled write goes into the summary, once per global.
static void note_global_params(bh_taint__summary *sum, const char *key, uint64_t labels)
{
	if (!labels)
		return;
	for (size_t i = 0; i < sum->globals.len; i++)
		if (strcmp(sum->globals.items[i].key, key) == 0) {
			sum->globals.items[i].labels |= labels;
			return;
		}
	bh_taint__global_write gw = { key, labels, { NULL, 0, 0 } };
	bh_vec_push(&sum->globals, gw);
}

// `v` was just written into global `loc` by instruction `at`; `f` still
// holds the instruction's operands. The first path into a global is the
// one kept, but for data from the command line, which remote data
// replaces: rules that only fire on remote data then see it.
static void record_global_write(bh_taint__fctx *c, bh_taint__val *f, uint32_t loc,
				const bh_taint__val *v, uint32_t at)
{
	const char *key = bh_callgraph_global_key(&c->fn->vars[loc]);
	bool concrete = v->labels & BH_TAINT__SRC;
	const bh_taint__tainted_global *was = concrete ? bh_taint__global(c->prog, key) : NULL;
	if (concrete && (!was || (was->local && !v->local))) {
		bh_taint__path_builder pb;
		memset(&pb, 0, sizeof(pb));
		const bh_ir_instr *in = bh_ir_instr_of(c->fn, at);
		bh_taint__step(c, &pb, in->loc, "stored in global '%s'%s", c->fn->vars[loc].name, "");
		if (in->op == BH_IR_CALL) {
			// A call wrote it (a source filling `&g`): what the call read.
			bh_taint__explain_write(c, &pb, loc, at);
		} else {
			// The value came from one of the instruction's operands.
			for (uint32_t a = 0; a < in->nargs; a++) {
				uint32_t src = bh_taint__tainted_loc(c, f, &in->args[a], true);
				if (src != BH_TAINT__NONE && src != loc) {
					bh_taint__explain(c, &pb, src, at);
					break;
				}
			}
		}
		bh_taint__taint_global(c->prog, key, bh_taint__finish_path(&pb),
				       pb.what ? pb.what : "untrusted input", v->local);
	}
	note_global_params(c->sum, key, v->labels & ~BH_TAINT__SRC);
}

// --------------------------------------------------------------- driver

static void summarize_constant_return(const bh_ir_func *fn, bh_taint__summary *sum)
{
	int64_t value = 0;
	sum->ret_is_const = bh_ir_func_returns_constant(fn, &value);
	sum->ret_const = sum->ret_is_const ? value : 0;
}

static void analyse_acquired(bh_taint__program *p, const bh_ir_func *fn, bh_taint__summary *sum)
{
	bh_taint__fctx c;
	memset(&c, 0, sizeof(c));
	c.explained_at = UINT32_MAX;
	c.prog = p;
	c.fn = fn;
	c.sum = sum;
	c.arena = bh_arena_new();
	sum->fn = fn;
	sum->usr = fn->usr;
	sum->name = fn->name;
	sum->nparams = fn->nparams;
	sum->param_out = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_out));
	sum->param_out_path = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_out_path));
	sum->param_out_what = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_out_what));
	summarize_constant_return(fn, sum);

	bh_taint__compute_points_to(&c);
	make_callee_field_slots(&c);
	// Slots named by any field access exist before the facts are sized.
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op == BH_IR_FIELD || in->op == BH_IR_FIELD_STORE ||
			    in->op == BH_IR_FIELD_ADDR)
				(void)bh_taint__field_slots(&c, in, true);
		}
	make_stored_object_slots(&c);
	bh_taint__grow_locs(&c);
	// Label bits: concrete taint, each parameter, then the fields of what
	// parameters point to, as many as fit in 64 bits.
	c.slot_bits = bh_xcalloc(c.slots.len + 1, sizeof(*c.slot_bits));
	bh_taint__label labels[64] = { { 0, NULL } };
	sum->nlabels = 1;
	for (uint32_t j = 0; j < fn->nparams && j < BH_TAINT__MAX_PARAMS; j++)
		labels[sum->nlabels++] = (bh_taint__label){ j, NULL };
	for (size_t k = 0; k < c.slots.len && sum->nlabels < 64; k++)
		if (c.slots.items[k].base < fn->nparams && c.slots.items[k].base < BH_TAINT__MAX_PARAMS) {
			c.slot_bits[k] = sum->nlabels;
			labels[sum->nlabels++] = (bh_taint__label){ c.slots.items[k].base, c.slots.items[k].field };
		}
	sum->labels = bh_arena_memdup(p->arena, labels, sum->nlabels * sizeof(*labels));
	bh_taint__compute_constants(&c);
	c.edges = bh_xcalloc(fn->nblocks + 1, sizeof(*c.edges));
	c.loop_cond = bh_xcalloc(fn->nblocks + 1, sizeof(*c.loop_cond));
	c.chained_test = bh_xcalloc(fn->nblocks + 1, sizeof(*c.chained_test));
	bh_taint__compute_edges(&c);

	// Facts: reachability, every variable that lives across blocks, and
	// every slot.
	uint32_t *var_index;
	bh_flow_track_vars(&var_index, c.arena, fn);
	c.track = bh_xmalloc((c.nlocs + 1) * sizeof(*c.track));
	c.ntracked = REACHABLE + 1;
	for (uint32_t l = 0; l < c.nlocs; l++)
		c.track[l] = l >= fn->nvars || var_index[l] != UINT32_MAX ? c.ntracked++ : BH_TAINT__NONE;
	c.scratch = bh_xcalloc(c.nlocs + 1, sizeof(*c.scratch));
	c.first_slot = bh_xcalloc(c.nlocs + 1, sizeof(*c.first_slot));
	c.next_slot = bh_xcalloc(c.slots.len + 1, sizeof(*c.next_slot));
	for (size_t k = 0; k < c.slots.len; k++) {
		uint32_t base = c.slots.items[k].base;
		if (base < c.nlocs) {
			c.next_slot[k] = c.first_slot[base];
			c.first_slot[base] = (uint32_t)k + 1;
		}
	}
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (bh_ir_var_is_global(&fn->vars[v]) &&
		    bh_taint__global(p, bh_callgraph_global_key(&fn->vars[v])))
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
		.edge_acts = lat_edge_acts,
	};
	bh_flow_options opts = BH_FLOW_OPTIONS_INIT;
	if (bh_flow_solve(&c.result, c.arena, fn, &lat, &opts, &c) != BH_FLOW_DONE) {
		sum->incomplete = true;
		bh_taint__report_incomplete(p, fn);
	} else {
		// The report pass: each block once more from its entry fact.
		bh_taint__val *f = bh_xmalloc(lat.fact_size);
		c.reporting = true;
		for (uint32_t b = 0; b < fn->nblocks; b++) {
			memcpy(f, bh_flow_in(&c.result, b), lat.fact_size);
			if (!f[REACHABLE].labels)
				continue;
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++)
				bh_taint__transfer(&c, f, &fn->blocks[b].instrs[i]);
		}
		c.reporting = false;
		free(f);
	}
	sum->analysed = true;
	finish_field_summaries(&c);
	// Complete: kept until the end of the run, as many as there are
	// functions (most with a few sinks, in vectors grown for 8).
	bh_vec_fit(&sum->sinks);
	bh_vec_fit(&sum->fields);
	bh_vec_fit(&sum->globals);

	for (uint32_t l = 0; l < c.nlocs; l++) {
		bh_vec_dispose(&c.pts[l]);
		bh_vec_dispose(&c.aliases[l]);
		bh_vec_dispose(&c.targets[l]);
	}
	free(c.pts);
	free(c.aliases);
	free(c.targets);
	bh_vec_dispose(&c.slots);
	free(c.slot_index);
	bh_vec_dispose(&c.tainted_globals);
	bh_vec_dispose(&c.guards);
	free(c.slot_bits);
	free(c.first_slot);
	free(c.next_slot);
	free(c.track);
	free(c.scratch);
	free(c.edges);
	free(c.loop_cond);
	free(c.chained_test);
	bh_arena_free(c.arena);
}

// The body of `fn` is there throughout (packed IR: ir_pack.h).
void bh_taint__analyse_function(bh_taint__program *p, const bh_ir_func *fn,
				bh_taint__summary *sum)
{
	bh_ir_func_acquire(fn);
	analyse_acquired(p, fn, sum);
	bh_ir_func_release(fn);
}
