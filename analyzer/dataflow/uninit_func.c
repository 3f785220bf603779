// SPDX-License-Identifier: MIT
// The uninitialised-read check on one function: which locations it
// tracks, the transfer of every instruction over the "may be
// uninitialised" bitset, the solve, the candidate reads, and the summary
// callers use (struct fields read from a parameter, returned unset).
//
// Requires: a verified bh_ir_func, summaries of its callees.  Provides:
// findings (through uninit_report.c) and the function's summary.
//
// The transfer is one function, bh_uninit__step, used three ways: by the
// solver (facts at block boundaries), by the candidate pass (each block
// once more from its entry fact, noting reads of set bits) and by the
// witness search along one path, so all three agree on what writes and
// what reads.
#include <stdlib.h>
#include <string.h>

#include "dataflow/uninit_internal.h"

// ------------------------------------------------------------- locations

// One field access `v.name` / `v->name`, for numbering the slots.
typedef struct {
	uint32_t var;
	bool arrow;
	const char *name;
} access;

static int access_cmp(const void *pa, const void *pb)
{
	const access *a = pa, *b = pb;
	if (a->var != b->var)
		return a->var < b->var ? -1 : 1;
	if (a->arrow != b->arrow)
		return a->arrow ? 1 : -1;
	return strcmp(a->name, b->name);
}

bool bh_uninit__is_raw_alloc(const char *name)
{
	static const char *const raw[] = { "malloc", "aligned_alloc", "memalign", "valloc",
					   "pvalloc", "alloca", "__builtin_alloca" };
	for (size_t i = 0; name && i < BH_ARRAY_LEN(raw); i++)
		if (strcmp(name, raw[i]) == 0)
			return true;
	return false;
}

static bool is_local_struct(const bh_ir_var *v)
{
	return v->kind == BH_IR_VAR_LOCAL && (v->flags & BH_IR_VAR_RECORD);
}

// A struct parameter whose fields summaries follow (unions are not: a
// read of one member may see what another one wrote).
static bool is_param_struct(const bh_ir_var *v)
{
	return v->kind == BH_IR_VAR_PARAM && (v->flags & BH_IR_VAR_RECORD) &&
	       !(v->flags & BH_IR_VAR_UNION);
}

// A pointer local that receives malloc()'s result somewhere: the fields
// of its block are followed until the pointer escapes.
static bool is_heap_pointer(const bh_ir_var *v, const bool *allocated)
{
	return v->kind == BH_IR_VAR_LOCAL && (v->flags & BH_IR_VAR_POINTER) &&
	       !(v->flags & BH_IR_VAR_ADDRESSED) && allocated[v->id];
}

static uint32_t add_loc(bh_uninit__fctx *c, uint32_t cap, uint8_t kind, uint32_t var,
			const char *field)
{
	bh_assert(c->nlocs < cap);
	(void)cap;
	c->locs[c->nlocs] = (bh_uninit__loc){ kind, var, field };
	return c->nlocs++;
}

// Gather the field accesses (sorted, unique) and mark the pointers that
// receive a raw allocation.
static size_t gather(bh_uninit__fctx *c, access **out, bool *allocated)
{
	const bh_ir_func *fn = c->fn;
	BH_VEC(access) acc = { 0 };
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op == BH_IR_CALL && in->dst.kind == BH_IR_OPND_VAR &&
			    in->callee.kind == BH_IR_OPND_FUNC && bh_uninit__is_raw_alloc(in->callee.str))
				allocated[in->dst.var] = true;
			if ((in->op == BH_IR_FIELD || in->op == BH_IR_FIELD_STORE ||
			     in->op == BH_IR_FIELD_ADDR) && in->args[0].kind == BH_IR_OPND_VAR && in->name)
				bh_vec_push(&acc, ((access){ in->args[0].var, in->arrow, in->name }));
		}
	if (acc.len)
		qsort(acc.items, acc.len, sizeof(*acc.items), access_cmp);
	size_t n = 0;
	for (size_t i = 0; i < acc.len; i++)
		if (n == 0 || access_cmp(&acc.items[n - 1], &acc.items[i]) != 0)
			acc.items[n++] = acc.items[i];
	*out = acc.items;
	return n;
}

void bh_uninit__prepare(bh_uninit__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint32_t nv = fn->nvars ? fn->nvars : 1;
	c->var_first = bh_arena_alloc(c->arena, nv * sizeof(uint32_t));
	c->var_count = bh_arena_alloc(c->arena, nv * sizeof(uint32_t));
	c->heap_first = bh_arena_alloc(c->arena, nv * sizeof(uint32_t));
	c->heap_count = bh_arena_alloc(c->arena, nv * sizeof(uint32_t));
	bool *allocated = bh_xcalloc(nv, sizeof(*allocated));
	access *acc = NULL;
	size_t nacc = gather(c, &acc, allocated);
	c->fn_value = bh_flow_function_values(c->arena, fn, NULL);
	// Each variable has at most 3 locations of its own plus its slots,
	// and 2 for values that cross a call in memory (uninit_carry.c).
	uint32_t cap = 5 * nv + (uint32_t)nacc + 1;
	c->locs = bh_arena_alloc(c->arena, cap * sizeof(*c->locs));
	size_t a = 0;
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		c->var_first[v] = c->heap_first[v] = BH_UNINIT__NONE;
		while (a < nacc && acc[a].var < v)
			a++;
		uint32_t first = c->nlocs;
		if (var->kind == BH_IR_VAR_LOCAL && (var->flags & BH_IR_VAR_ARRAY)) {
			add_loc(c, cap, BH_UNINIT__ARRAY, v, NULL);
		} else if (is_local_struct(var)) {
			add_loc(c, cap, BH_UNINIT__WHOLE, v, NULL);
			if (!(var->flags & BH_IR_VAR_UNION)) {
				add_loc(c, cap, BH_UNINIT__REST, v, NULL);
				for (size_t k = a; k < nacc && acc[k].var == v && !acc[k].arrow; k++)
					add_loc(c, cap, BH_UNINIT__FIELD, v, acc[k].name);
			}
		} else if (is_param_struct(var)) {
			add_loc(c, cap, BH_UNINIT__PREST, v, NULL);
			for (size_t k = a; k < nacc && acc[k].var == v && !acc[k].arrow; k++)
				add_loc(c, cap, BH_UNINIT__PFIELD, v, acc[k].name);
		} else if (var->kind == BH_IR_VAR_LOCAL) {
			add_loc(c, cap, BH_UNINIT__SCALAR, v, NULL);
		} else if (var->kind == BH_IR_VAR_PARAM && !(var->flags & (BH_IR_VAR_RECORD | BH_IR_VAR_ADDRESSED))) {
			// (A parameter declared as an array, `char buf[]`, is a pointer.)
			add_loc(c, cap, BH_UNINIT__PSCALAR, v, NULL);
		}
		if (c->nlocs > first) {
			c->var_first[v] = first;
			c->var_count[v] = c->nlocs - first;
		}
		if (!is_heap_pointer(var, allocated))
			continue;
		first = c->nlocs;
		for (size_t k = a; k < nacc && acc[k].var == v; k++)
			if (acc[k].arrow)
				add_loc(c, cap, BH_UNINIT__HEAP, v, acc[k].name);
		if (c->nlocs > first) {
			c->heap_first[v] = first;
			c->heap_count[v] = c->nlocs - first;
		}
	}
	bh_uninit__prepare_carry(c, cap);
	c->nwords = BH_FLOW_WORDS(c->nlocs ? c->nlocs : 1);
	free(acc);
	free(allocated);
}

void bh_uninit__boundary(const bh_uninit__fctx *c, bh_flow_word *f)
{
	memset(f, 0, c->nwords * sizeof(*f));
	// (Copies of unset values start out as none.)
	for (uint32_t i = 0; i < c->nlocs; i++)
		if (c->locs[i].kind != BH_UNINIT__HEAP && c->locs[i].kind != BH_UNINIT__CARRY &&
		    c->locs[i].kind != BH_UNINIT__GCOPY && c->locs[i].kind != BH_UNINIT__ECOPY)
			bh_flow_set_bit(f, i);
}

// The slot of field `name` among locations [first, first + n) (sorted by
// name after `skip` leading non-slot locations), or NONE.
static uint32_t find_slot(const bh_uninit__fctx *c, uint32_t first, uint32_t n, uint32_t skip,
			  const char *name)
{
	if (first == BH_UNINIT__NONE || !name || n <= skip)
		return BH_UNINIT__NONE;
	uint32_t lo = first + skip, hi = first + n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int r = strcmp(c->locs[mid].field, name);
		if (r == 0)
			return mid;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return BH_UNINIT__NONE;
}

// The location that holds field `name` of struct variable `v`: its slot,
// else the bits of the fields without one. NONE for untracked variables.
uint32_t bh_uninit__field_loc(const bh_uninit__fctx *c, uint32_t v, const char *name)
{
	uint32_t first = c->var_first[v];
	if (first == BH_UNINIT__NONE)
		return BH_UNINIT__NONE;
	uint8_t k = c->locs[first].kind;
	if (k == BH_UNINIT__WHOLE && c->var_count[v] == 1)
		return first; // a union: one location
	uint32_t skip = k == BH_UNINIT__WHOLE ? 2 : 1;
	uint32_t s = find_slot(c, first, c->var_count[v], skip, name);
	return s != BH_UNINIT__NONE ? s : first + skip - 1;
}

static void clear_range(bh_flow_word *f, uint32_t first, uint32_t n)
{
	if (first == BH_UNINIT__NONE)
		return;
	for (uint32_t i = 0; i < n; i++)
		bh_flow_clear_bit(f, first + i);
}

// Everything `v` holds is written (or may be, through its address).
static void kill_var(const bh_uninit__fctx *c, bh_flow_word *f, uint32_t v)
{
	clear_range(f, c->var_first[v], c->var_count[v]);
	clear_range(f, c->heap_first[v], c->heap_count[v]);
	clear_range(f, c->xv[v].caller, 1);
	clear_range(f, c->xv[v].copy, 1);
}

// ----------------------------------------------------------------- reads

static void note_read(bh_uninit__fctx *c, const bh_flow_word *f, const bh_ir_instr *in,
		      uint32_t loc, uint8_t how, const bh_uninit__cand *extra)
{
	if (!c->sink || loc == BH_UNINIT__NONE || !bh_flow_bit(f, loc))
		return;
	bh_uninit__cand cand = { 0 };
	if (extra)
		cand = *extra;
	cand.loc = loc;
	cand.instr = in->id;
	cand.how = how;
	cand.order = ((uint64_t)c->rpo_index[in->block] << 32) | in->id;
	bh_vec_push(c->sink, cand);
}

// A read of scalar local `v` that may hold a caller's value
// (uninit_carry.c) is a read of that value, for the summary: where a
// helper it is passed to reads it, when `at` is set.
static void read_carried(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in, uint32_t v,
			 bool forwarded, const bh_loc *at)
{
	const bh_uninit__xvar *x = &c->xv[v];
	if (x->from == BH_UNINIT__NONE)
		return;
	const bh_uninit__loc *src = &c->locs[x->from];
	bh_uninit__cand extra = { .param = src->var, .field = x->field, .forwarded = forwarded,
				  .global = src->kind == BH_UNINIT__PGLOBAL };
	if (at)
		extra.callee_at = *at;
	note_read(c, f, in, x->copy, BH_UNINIT__READ_PARAM, &extra);
}

// A read of global `v`: of the caller's value (for the summary), or of
// an unset value this function copied into it.
static void read_global(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in, uint32_t v)
{
	const bh_uninit__xvar *x = &c->xv[v];
	if (x->caller != BH_UNINIT__NONE && c->locs[x->caller].kind == BH_UNINIT__PGLOBAL) {
		bh_uninit__cand extra = { .param = v, .global = true };
		note_read(c, f, in, x->caller, BH_UNINIT__READ_PARAM, &extra);
	}
	if (x->copy != BH_UNINIT__NONE && c->locs[x->copy].kind == BH_UNINIT__GCOPY)
		note_read(c, f, in, x->copy, BH_UNINIT__READ_VALUE, NULL);
}

// Does `in` let what pointer `o` points to be written elsewhere? Not a
// load through it, nor a copy into a local that only stands for it.
static bool pointee_escapes(const bh_uninit__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	if (in->op == BH_IR_LOAD || (in->op == BH_IR_INDEX && o == &in->args[0]))
		return false;
	return !(in->op == BH_IR_ASSIGN && in->dst.kind == BH_IR_OPND_VAR &&
		 c->xv[in->dst.var].alias != BH_UNINIT__NONE);
}

// Operand `o` of `in` used as a value. `escape`: a malloc()ed pointer
// used this way leaves the analysis' sight (passed, stored, copied).
static void use(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in, const bh_ir_opnd *o,
		bool escape)
{
	if (o->kind != BH_IR_OPND_VAR)
		return;
	uint32_t v = o->var;
	if (escape)
		clear_range(f, c->heap_first[v], c->heap_count[v]);
	if (escape && pointee_escapes(c, in, o))
		clear_range(f, bh_uninit__deref_loc(c, o), 1);
	if (bh_ir_var_is_global(&c->fn->vars[v]))
		read_global(c, f, in, v);
	uint32_t first = c->var_first[v];
	if (first == BH_UNINIT__NONE)
		return;
	switch (c->locs[first].kind) {
	case BH_UNINIT__SCALAR:
		note_read(c, f, in, first, BH_UNINIT__READ_VALUE, NULL);
		read_carried(c, f, in, v, false, NULL);
		break;
	case BH_UNINIT__ARRAY:
		// An array used as a value is its address: whatever gets it
		// may fill it (`read(fd, buf, n)`).
		bh_flow_clear_bit(f, first);
		clear_range(f, c->xv[v].copy, 1);
		break;
	case BH_UNINIT__WHOLE:
		note_read(c, f, in, first, BH_UNINIT__READ_WHOLE, NULL);
		break;
	case BH_UNINIT__PSCALAR: {
		bh_uninit__cand extra = { .param = v };
		note_read(c, f, in, first, BH_UNINIT__READ_PARAM, &extra);
		break;
	}
	default:
		break;
	}
}

// Does the callee read what the caller passes as argument j (not a
// struct)? Unknown code, a function not analysed yet and variadic
// arguments do, as far as we know.
static bool reads_argument(const bh_uninit__summary *sum, uint32_t j)
{
	if (!sum || !sum->analysed || j >= sum->nparams)
		return true;
	for (uint32_t k = 0; k < sum->nparam_reads[j]; k++)
		if (!sum->param_reads[j][k].field)
			return true;
	return false;
}

static void def(const bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_opnd *dst)
{
	if (dst->kind == BH_IR_OPND_VAR)
		kill_var(c, f, dst->var);
}

static void set_scalar(const bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_opnd *dst, bool unset)
{
	def(c, f, dst);
	if (unset)
		bh_flow_set_bit(f, c->var_first[dst->var]);
}

// Is `o` a variable whose first location is of kind `kind`?
static bool has_kind(const bh_uninit__fctx *c, const bh_ir_opnd *o, uint8_t kind)
{
	return o->kind == BH_IR_OPND_VAR && c->var_first[o->var] != BH_UNINIT__NONE &&
	       c->locs[c->var_first[o->var]].kind == kind;
}

// `x = param`, `x = global`, `x = *p`, `x = p[i]`, `x = s.f` into a
// scalar local that carries that caller's value (uninit_carry.c): a copy,
// no read of the caller's value; x's own use is.
static bool copy_carried(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	if (!has_kind(c, &in->dst, BH_UNINIT__SCALAR))
		return false;
	const bh_uninit__xvar *x = &c->xv[in->dst.var];
	const char *field;
	if (x->from == BH_UNINIT__NONE || bh_uninit__carried_source(c, in, &field) != x->from)
		return false;
	bool unset = bh_flow_bit(f, x->from);
	if (in->op == BH_IR_LOAD || in->op == BH_IR_INDEX)
		for (uint32_t j = 0; j < in->nargs; j++)
			use(c, f, in, &in->args[j], true);
	else if (in->op == BH_IR_ASSIGN && c->xv[in->args[0].var].copy != BH_UNINIT__NONE)
		note_read(c, f, in, c->xv[in->args[0].var].copy, BH_UNINIT__READ_VALUE, NULL);
	def(c, f, &in->dst);
	if (unset)
		bh_flow_set_bit(f, x->copy);
	return true;
}

// `global = x` with x a scalar local: the global gets x's state; the
// function that reads the global reads it (45, 68 in Juliet).
static bool copy_to_global(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	if (in->dst.kind != BH_IR_OPND_VAR || !has_kind(c, &in->args[0], BH_UNINIT__SCALAR))
		return false;
	uint32_t g = in->dst.var, l = c->xv[g].copy;
	if (l == BH_UNINIT__NONE || c->locs[l].kind != BH_UNINIT__GCOPY)
		return false;
	bool unset = bh_flow_bit(f, c->var_first[in->args[0].var]);
	kill_var(c, f, g);
	if (unset)
		bh_flow_set_bit(f, l);
	return true;
}

// `a[i] = x` with a a local array and x a scalar local: an element gets
// x's state; the function a is passed to reads it.
static bool copy_to_element(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *a = &in->args[0];
	if (in->nargs < 3 || a->kind != BH_IR_OPND_VAR || !has_kind(c, &in->args[2], BH_UNINIT__SCALAR))
		return false;
	uint32_t l = c->xv[a->var].copy;
	if (l == BH_UNINIT__NONE || c->locs[l].kind != BH_UNINIT__ECOPY)
		return false;
	use(c, f, in, &in->args[1], true);
	bool unset = bh_flow_bit(f, c->var_first[in->args[2].var]);
	bh_flow_clear_bit(f, c->var_first[a->var]); // an element is written
	if (unset)
		bh_flow_set_bit(f, l);
	return true;
}

// `x = *q`, `*q = x` with q a pointer local that stands for one scalar
// local v (uninit_carry.c): a copy from or into v.
static bool through_pointer(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *q = &in->args[0];
	if (q->kind != BH_IR_OPND_VAR || c->xv[q->var].points_to == BH_UNINIT__NONE)
		return false;
	const bh_ir_opnd *v = &c->xv[q->var].target;
	if (in->op == BH_IR_LOAD) {
		if (has_kind(c, &in->dst, BH_UNINIT__SCALAR))
			set_scalar(c, f, &in->dst, bh_flow_bit(f, c->var_first[v->var]));
		else {
			use(c, f, in, v, true);
			def(c, f, &in->dst);
		}
		return true;
	}
	if (has_kind(c, &in->args[1], BH_UNINIT__SCALAR))
		set_scalar(c, f, v, bh_flow_bit(f, c->var_first[in->args[1].var]));
	else {
		use(c, f, in, &in->args[1], true);
		def(c, f, v);
	}
	return true;
}

// `&v` that does not write v yet: kept by a pointer local that stands
// for v, or by a temporary for the one call it is passed to, which
// decides (pass_address()).
static bool address_kept(const bh_uninit__fctx *c, const bh_ir_instr *in)
{
	if (in->dst.kind != BH_IR_OPND_VAR || in->args[0].kind != BH_IR_OPND_VAR)
		return false;
	const bh_uninit__xvar *x = &c->xv[in->dst.var];
	return x->points_to == in->args[0].var || x->addr_of == in->args[0].var;
}

// `t = s` between local structs: t's fields get s's state, field by field.
static bool copy_struct(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *src = &in->args[0];
	if (in->dst.kind != BH_IR_OPND_VAR || src->kind != BH_IR_OPND_VAR)
		return false;
	uint32_t s = src->var, t = in->dst.var;
	uint32_t sf = c->var_first[s], tf = c->var_first[t];
	if (sf == BH_UNINIT__NONE || c->locs[sf].kind != BH_UNINIT__WHOLE)
		return false;
	note_read(c, f, in, sf, BH_UNINIT__READ_WHOLE, NULL);
	if (tf == BH_UNINIT__NONE || c->locs[tf].kind != BH_UNINIT__WHOLE || s == t) {
		def(c, f, &in->dst);
		return true;
	}
	bool whole = bh_flow_bit(f, sf);
	for (uint32_t i = 1; i < c->var_count[t]; i++) {
		const bh_uninit__loc *l = &c->locs[tf + i];
		uint32_t from = l->kind == BH_UNINIT__REST
					? (c->var_count[s] > 1 ? sf + 1 : sf)
					: bh_uninit__field_loc(c, s, l->field);
		if (bh_flow_bit(f, from))
			bh_flow_set_bit(f, tf + i);
		else
			bh_flow_clear_bit(f, tf + i);
	}
	if (whole)
		bh_flow_set_bit(f, tf);
	else
		bh_flow_clear_bit(f, tf);
	clear_range(f, c->heap_first[t], c->heap_count[t]);
	return true;
}

// Are `dst` and `src` of `x = y` or `x = f(y)` (f gives back its
// parameter) both scalar locals? Then x gets y's state: a copy of an unset
// value is no read, the use of the copy is (`dataCopy = data; data = 5;`
// reads nothing).
static bool scalar_locals(const bh_uninit__fctx *c, const bh_ir_opnd *dst, const bh_ir_opnd *src)
{
	return has_kind(c, dst, BH_UNINIT__SCALAR) && has_kind(c, src, BH_UNINIT__SCALAR);
}


static bool copy_scalar(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	if (!scalar_locals(c, &in->dst, &in->args[0]))
		return false;
	set_scalar(c, f, &in->dst, bh_flow_bit(f, c->var_first[in->args[0].var]));
	return true;
}

static void field_read(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *base = &in->args[0];
	if (in->arrow) {
		use(c, f, in, base, false);
		if (base->kind == BH_IR_OPND_VAR)
			note_read(c, f, in,
				  find_slot(c, c->heap_first[base->var], c->heap_count[base->var], 0,
					    in->name),
				  BH_UNINIT__READ_HEAP, NULL);
		return;
	}
	if (base->kind != BH_IR_OPND_VAR || c->var_first[base->var] == BH_UNINIT__NONE)
		return;
	// `p.f` on a parameter that is no struct (what clang's recovery
	// makes of code it could not type): a use of the parameter.
	if (c->locs[c->var_first[base->var]].kind == BH_UNINIT__PSCALAR) {
		use(c, f, in, base, false);
		return;
	}
	uint32_t loc = bh_uninit__field_loc(c, base->var, in->name);
	if (c->locs[loc].kind == BH_UNINIT__PFIELD || c->locs[loc].kind == BH_UNINIT__PREST) {
		bh_uninit__cand extra = { .field = in->name, .param = base->var };
		note_read(c, f, in, loc, BH_UNINIT__READ_PARAM, &extra);
		return;
	}
	bh_uninit__cand extra = { .field = in->name };
	note_read(c, f, in, loc, BH_UNINIT__READ_FIELD, &extra);
}

// `s.f = v`, `&s.f`, `p->f = v`, `&p->f`.
static void field_write(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in, bool address)
{
	const bh_ir_opnd *base = &in->args[0];
	if (base->kind != BH_IR_OPND_VAR) {
		use(c, f, in, base, false);
		return;
	}
	uint32_t v = base->var;
	if (in->arrow) {
		use(c, f, in, base, false);
		if (address) // `&p->f` may reach past f (memcpy over the block)
			clear_range(f, c->heap_first[v], c->heap_count[v]);
		else
			clear_range(f, find_slot(c, c->heap_first[v], c->heap_count[v], 0, in->name), 1);
		return;
	}
	uint32_t first = c->var_first[v];
	if (first == BH_UNINIT__NONE || c->locs[first].kind == BH_UNINIT__PSCALAR)
		return;
	if (c->locs[first].kind == BH_UNINIT__WHOLE && c->var_count[v] == 1) {
		bh_flow_clear_bit(f, first); // a union's members share storage
		return;
	}
	uint32_t slot = bh_uninit__field_loc(c, v, in->name);
	if (c->locs[slot].kind == BH_UNINIT__FIELD || c->locs[slot].kind == BH_UNINIT__PFIELD)
		bh_flow_clear_bit(f, slot);
	if (c->locs[first].kind == BH_UNINIT__WHOLE)
		bh_flow_clear_bit(f, first);
}

// `s.f = v` with v a scalar local: the field (a union: all of it) gets
// v's state, as a copy does (`dataCopy = data`); a struct field slot only.
static bool copy_into_field(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *base = &in->args[0], *v = &in->args[1];
	if (in->arrow || !has_kind(c, base, BH_UNINIT__WHOLE) || !has_kind(c, v, BH_UNINIT__SCALAR))
		return false;
	uint32_t first = c->var_first[base->var], src = c->var_first[v->var];
	uint32_t slot = c->var_count[base->var] == 1 ? first : bh_uninit__field_loc(c, base->var, in->name);
	if (c->locs[slot].kind != BH_UNINIT__FIELD && slot != first)
		return false;
	bool unset = bh_flow_bit(f, src);
	field_write(c, f, in, false);
	if (unset)
		bh_flow_set_bit(f, slot);
	return true;
}

// `x = s.f` with s a local struct or union and x a scalar local: x gets
// the field's state (`data = u.second` after `u.first = data`).
static bool copy_from_field(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *base = &in->args[0];
	if (in->arrow || !has_kind(c, base, BH_UNINIT__WHOLE) || !has_kind(c, &in->dst, BH_UNINIT__SCALAR))
		return false;
	uint32_t first = c->var_first[base->var];
	uint32_t loc = c->var_count[base->var] == 1 ? first : bh_uninit__field_loc(c, base->var, in->name);
	set_scalar(c, f, &in->dst, bh_flow_bit(f, loc));
	return true;
}

// A struct passed by value to a function of the program: the fields that
// function reads must be set. A helper of one caller (`inside`) is
// reported where it reads the field.
static void pass_struct(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in, uint32_t v,
			const bh_uninit__summary *sum, uint32_t j, const char *callee, bool inside)
{
	uint32_t first = c->var_first[v];
	bool param = c->locs[first].kind == BH_UNINIT__PREST || c->locs[first].kind == BH_UNINIT__PFIELD;
	if (!param)
		note_read(c, f, in, first, BH_UNINIT__READ_WHOLE, NULL);
	if (!sum || j >= sum->nparams)
		return;
	for (uint32_t k = 0; k < sum->nparam_reads[j]; k++) {
		const bh_uninit__field_fact *ff = &sum->param_reads[j][k];
		bh_uninit__cand extra = { .field = ff->field, .callee = callee,
					  .callee_at = ff->at, .param = v, .inside = inside };
		note_read(c, f, in, bh_uninit__field_loc(c, v, ff->field),
			  param ? BH_UNINIT__READ_PARAM : BH_UNINIT__READ_PASSED, &extra);
	}
}

// What a call's struct result leaves unset, from the callee's summary.
static void returned_struct(const bh_uninit__fctx *c, bh_flow_word *f, uint32_t t,
			    const bh_uninit__summary *sum)
{
	uint32_t tf = c->var_first[t];
	if (!sum || !sum->ret_known || tf == BH_UNINIT__NONE || c->locs[tf].kind != BH_UNINIT__WHOLE ||
	    c->var_count[t] == 1)
		return;
	if (sum->ret_rest_unset)
		bh_flow_set_bit(f, tf + 1);
	for (uint32_t i = 2; i < c->var_count[t]; i++) {
		bool unset = sum->ret_rest_unset;
		for (uint32_t k = 0; k < sum->nret_fields; k++)
			if (strcmp(sum->ret_fields[k].field, c->locs[tf + i].field) == 0)
				unset = sum->ret_fields[k].unset;
		if (unset)
			bh_flow_set_bit(f, tf + i);
	}
}

// Where a helper of one caller reads argument j (not a struct), or NULL:
// a read of an uninitialised value passed to it is reported there.
static const bh_loc *read_inside(const bh_uninit__fctx *c, const bh_uninit__summary *sum, size_t node,
				 uint32_t j)
{
	if (!sum || !sum->analysed || j >= sum->nparams || !bh_callgraph_single_use(c->prog->graph, node))
		return NULL;
	// (A helper that only hands the value to a library function, a
	// printIntLine(), is transparent: the call to it is the read.)
	for (uint32_t k = 0; k < sum->nparam_reads[j]; k++)
		if (!sum->param_reads[j][k].field && sum->param_reads[j][k].at.line &&
		    !sum->param_reads[j][k].forwarded)
			return &sum->param_reads[j][k].at;
	return NULL;
}

// A scalar `o` passed to a helper of one caller that reads it at `at`.
static void pass_read_inside(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in,
			     const bh_ir_opnd *o, const char *callee, const bh_loc *at)
{
	uint32_t v = o->var;
	uint32_t first = c->var_first[v];
	clear_range(f, c->heap_first[v], c->heap_count[v]);
	if (c->locs[first].kind == BH_UNINIT__SCALAR) {
		bh_uninit__cand extra = { .callee = callee, .callee_at = *at };
		note_read(c, f, in, first, BH_UNINIT__READ_INSIDE, &extra);
		read_carried(c, f, in, v, false, at);
	} else {
		bh_uninit__cand extra = { .param = v, .callee_at = *at };
		note_read(c, f, in, first, BH_UNINIT__READ_PARAM, &extra);
	}
}

// Parameter `o` handed as it is to a function without a body here.
static void forward_param(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in,
			  const bh_ir_opnd *o)
{
	clear_range(f, c->heap_first[o->var], c->heap_count[o->var]);
	bh_uninit__cand extra = { .param = o->var, .forwarded = true };
	note_read(c, f, in, c->var_first[o->var], BH_UNINIT__READ_PARAM, &extra);
}

// A scalar local handed to a function without a body here: its value is
// read, and a caller's value it carries is forwarded (forward_param()).
static void forward_carried(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in,
			    const bh_ir_opnd *o)
{
	clear_range(f, c->heap_first[o->var], c->heap_count[o->var]);
	note_read(c, f, in, c->var_first[o->var], BH_UNINIT__READ_VALUE, NULL);
	read_carried(c, f, in, o->var, true, NULL);
}

// `f(&v)` through a temporary (address_kept()): a read of v where a
// helper of one caller reads what its parameter points to; after the
// call v counts as written.
static void pass_address(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in, uint32_t v,
			 const bh_uninit__summary *sum, size_t node, uint32_t j, const char *callee)
{
	bh_loc at;
	if (bh_uninit__reads_pointee(sum, j, &at) && bh_callgraph_single_use(c->prog->graph, node)) {
		bh_uninit__cand extra = { .callee = callee, .callee_at = at };
		note_read(c, f, in, c->var_first[v], BH_UNINIT__READ_INSIDE, &extra);
	}
	kill_var(c, f, v);
}

// A local array passed whose element holds a copied unset value: read
// where a helper of one caller reads through its parameter.
static void pass_elements(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in, uint32_t a,
			  const bh_uninit__summary *sum, size_t node, uint32_t j, const char *callee)
{
	uint32_t l = c->xv[a].copy;
	bh_loc at;
	if (l == BH_UNINIT__NONE || c->locs[l].kind != BH_UNINIT__ECOPY)
		return;
	if (bh_uninit__reads_pointee(sum, j, &at) && bh_callgraph_single_use(c->prog->graph, node)) {
		bh_uninit__cand extra = { .callee = callee, .callee_at = at };
		note_read(c, f, in, l, BH_UNINIT__READ_INSIDE, &extra);
	}
}

// The globals the callee reads as its caller left them: a read of an
// unset value copied into one (inside a helper of one caller), and, for
// this function's summary, of the value its own caller left.
static void callee_globals(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in,
			   const bh_uninit__summary *sum, size_t node, const char *callee)
{
	if (!sum || !sum->nglobal_reads)
		return;
	bool inside = bh_callgraph_single_use(c->prog->graph, node);
	for (uint32_t v = 0; v < c->fn->nvars; v++) {
		const bh_ir_var *var = &c->fn->vars[v];
		if (!bh_ir_var_is_global(var) || !var->usr)
			continue;
		for (uint32_t k = 0; k < sum->nglobal_reads; k++) {
			const bh_uninit__field_fact *g = &sum->global_reads[k];
			if (strcmp(g->field, var->usr) != 0)
				continue;
			bh_uninit__cand outer = { .param = v, .global = true, .callee_at = g->at };
			bh_uninit__cand here = { .callee = callee, .callee_at = g->at };
			// (A global's locations are PGLOBAL and GCOPY, or none.)
			note_read(c, f, in, c->xv[v].caller, BH_UNINIT__READ_PARAM, &outer);
			if (inside)
				note_read(c, f, in, c->xv[v].copy, BH_UNINIT__READ_INSIDE, &here);
		}
	}
}

static void call(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	use(c, f, in, &in->callee, false);
	const char *name = NULL;
	size_t node = SIZE_MAX;
	const bh_uninit__summary *sum = bh_uninit__callee(c, in, &name, &node);
	// `data = source(data)` with source() giving back its parameter: a copy.
	const bh_ir_opnd *back = bh_uninit__returned_arg(sum, in);
	bool through = back && scalar_locals(c, &in->dst, back);
	bool through_unset = through && bh_flow_bit(f, c->var_first[back->var]);
	for (uint32_t j = 0; j < in->nargs; j++) {
		const bh_ir_opnd *o = &in->args[j];
		uint32_t first = o->kind == BH_IR_OPND_VAR ? c->var_first[o->var] : BH_UNINIT__NONE;
		if (through && o == back && !reads_argument(sum, j))
			continue;
		// (Whatever it is, the callee may write through a pointer.)
		clear_range(f, bh_uninit__deref_loc(c, o), 1);
		if (o->kind == BH_IR_OPND_VAR && c->xv[o->var].addr_of != BH_UNINIT__NONE) {
			pass_address(c, f, in, c->xv[o->var].addr_of, sum, node, j, name);
			continue;
		}
		if (o->kind == BH_IR_OPND_VAR)
			pass_elements(c, f, in, o->var, sum, node, j, name);
		bool scalar = has_kind(c, o, BH_UNINIT__SCALAR) || has_kind(c, o, BH_UNINIT__PSCALAR);
		const bh_loc *inside = scalar ? read_inside(c, sum, node, j) : NULL;
		if (first != BH_UNINIT__NONE && !scalar && c->locs[first].kind != BH_UNINIT__ARRAY)
			pass_struct(c, f, in, o->var, sum, j, name,
				    bh_callgraph_single_use(c->prog->graph, node));
		else if (inside)
			pass_read_inside(c, f, in, o, name, inside);
		else if (!sum && has_kind(c, o, BH_UNINIT__PSCALAR))
			forward_param(c, f, in, o); // to a library function
		else if (!sum && o->kind == BH_IR_OPND_VAR && c->xv[o->var].from != BH_UNINIT__NONE)
			forward_carried(c, f, in, o);
		else if (reads_argument(sum, j) || (first != BH_UNINIT__NONE && c->locs[first].kind == BH_UNINIT__ARRAY))
			use(c, f, in, o, true); // (an array passed is its address: the callee may fill it)
		else if (o->kind == BH_IR_OPND_VAR) // (what it points to may be filled, though)
			clear_range(f, c->heap_first[o->var], c->heap_count[o->var]);
	}
	callee_globals(c, f, in, sum, node, name);
	if (through) {
		set_scalar(c, f, &in->dst, through_unset);
		return;
	}
	def(c, f, &in->dst);
	if (in->dst.kind != BH_IR_OPND_VAR)
		return;
	uint32_t t = in->dst.var;
	if (in->callee.kind == BH_IR_OPND_FUNC && bh_uninit__is_raw_alloc(in->callee.str) &&
	    c->heap_first[t] != BH_UNINIT__NONE) {
		for (uint32_t i = 0; i < c->heap_count[t]; i++)
			bh_flow_set_bit(f, c->heap_first[t] + i);
		return;
	}
	returned_struct(c, f, t, sum);
}

static void opaque(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	bool is_asm = in->name && strcmp(in->name, "asm") == 0;
	bool is_store = in->name && strcmp(in->name, "store") == 0;
	for (uint32_t j = 0; j < in->nargs; j++) {
		const bh_ir_opnd *o = &in->args[j];
		// asm operands may be outputs, and a store's first operand is
		// the place written: both count as written, not read.
		if ((is_asm || (is_store && j == 0)) && o->kind == BH_IR_OPND_VAR)
			kill_var(c, f, o->var);
		else
			use(c, f, in, o, true);
	}
	def(c, f, &in->dst);
}

static void ret(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	if (!in->nargs)
		return;
	const bh_ir_opnd *o = &in->args[0];
	// A parameter given back unchanged is copied to the caller's result,
	// not read: the caller's use of that result is (bh_uninit__summary).
	if (c->sum && c->sum->ret_param && o->kind == BH_IR_OPND_VAR && o->var + 1 == c->sum->ret_param)
		return;
	use(c, f, in, o, true);
	uint32_t first = o->kind == BH_IR_OPND_VAR ? c->var_first[o->var] : BH_UNINIT__NONE;
	if (first == BH_UNINIT__NONE || c->locs[first].kind != BH_UNINIT__WHOLE)
		return;
	// The summary: which fields of the returned struct may be unset.
	for (uint32_t i = 1; i < c->var_count[o->var]; i++)
		note_read(c, f, in, first + i, BH_UNINIT__RET_UNSET, NULL);
}

// `*p`, `p[i]` into anything but a local that carries it: a read of
// what the caller left there, for the summary.
static void deref_read(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	uint32_t l = bh_uninit__deref_loc(c, &in->args[0]);
	if (l == BH_UNINIT__NONE)
		return;
	bh_uninit__cand extra = { .param = c->locs[l].var, .field = BH_UNINIT__DEREF };
	note_read(c, f, in, l, BH_UNINIT__READ_PARAM, &extra);
}

void bh_uninit__step(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in)
{
	const bh_ir_opnd *a = in->args;
	switch (in->op) {
	case BH_IR_ASSIGN:
		if (copy_carried(c, f, in) || copy_to_global(c, f, in))
			break;
		if (!copy_struct(c, f, in) && !copy_scalar(c, f, in)) {
			use(c, f, in, &a[0], true);
			def(c, f, &in->dst);
		}
		break;
	case BH_IR_UNOP:
		use(c, f, in, &a[0], true);
		def(c, f, &in->dst);
		break;
	case BH_IR_BINOP: {
		// Comparing a pointer (with NULL) does not let it escape.
		bool cmp = in->sub == BH_IR_BIN_EQ || in->sub == BH_IR_BIN_NE;
		use(c, f, in, &a[0], !cmp);
		use(c, f, in, &a[1], !cmp);
		def(c, f, &in->dst);
		break;
	}
	case BH_IR_LOAD:
		if (copy_carried(c, f, in) || through_pointer(c, f, in))
			break;
		deref_read(c, f, in);
		use(c, f, in, &a[0], true);
		def(c, f, &in->dst);
		break;
	case BH_IR_STORE:
		if (through_pointer(c, f, in))
			break;
		clear_range(f, bh_uninit__deref_loc(c, &a[0]), 1);
		use(c, f, in, &a[0], true);
		use(c, f, in, &a[1], true);
		break;
	case BH_IR_ADDR:
		if (a[0].kind == BH_IR_OPND_VAR && !address_kept(c, in))
			kill_var(c, f, a[0].var);
		def(c, f, &in->dst);
		break;
	case BH_IR_FIELD:
		if (copy_carried(c, f, in))
			break;
		if (!copy_from_field(c, f, in)) {
			field_read(c, f, in);
			def(c, f, &in->dst);
		}
		break;
	case BH_IR_FIELD_STORE:
		if (!copy_into_field(c, f, in)) {
			use(c, f, in, &a[1], true);
			field_write(c, f, in, false);
		}
		break;
	case BH_IR_FIELD_ADDR:
		field_write(c, f, in, true);
		def(c, f, &in->dst);
		break;
	case BH_IR_INDEX:
	case BH_IR_INDEX_STORE:
	case BH_IR_INDEX_ADDR: {
		if (in->op == BH_IR_INDEX ? copy_carried(c, f, in)
		    : in->op == BH_IR_INDEX_STORE && copy_to_element(c, f, in))
			break;
		for (uint32_t j = 1; j < in->nargs; j++)
			use(c, f, in, &a[j], true);
		uint32_t first = a[0].kind == BH_IR_OPND_VAR ? c->var_first[a[0].var] : BH_UNINIT__NONE;
		if (in->op == BH_IR_INDEX)
			deref_read(c, f, in);
		else
			clear_range(f, bh_uninit__deref_loc(c, &a[0]), 1);
		if (first != BH_UNINIT__NONE && c->locs[first].kind == BH_UNINIT__ARRAY) {
			if (in->op == BH_IR_INDEX) {
				note_read(c, f, in, first, BH_UNINIT__READ_ELEM, NULL);
				note_read(c, f, in, c->xv[a[0].var].copy, BH_UNINIT__READ_VALUE, NULL);
			} else {
				bh_flow_clear_bit(f, first);
			}
		} else {
			use(c, f, in, &a[0], true);
		}
		def(c, f, &in->dst);
		break;
	}
	case BH_IR_CALL:
		call(c, f, in);
		break;
	case BH_IR_OPAQUE:
		opaque(c, f, in);
		break;
	case BH_IR_RET:
		ret(c, f, in);
		break;
	case BH_IR_BR:
	case BH_IR_SWITCH:
		use(c, f, in, &a[0], false);
		break;
	default:
		break;
	}
}
