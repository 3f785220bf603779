// SPDX-License-Identifier: MIT
// Paths of taint findings. Every tainted value remembers the instruction
// that last made it tainted (its witness); a path is rebuilt backwards from
// the sink: replay the block up to the witness, see which operand carried
// the taint, and go on from there, through callees' summaries (their
// recorded paths) and parameters, until a source.
#include <stdlib.h>
#include <string.h>

#include "dataflow/taint_func_internal.h"

#define MAX_PATH_STEPS 24 // steps rebuilt per path
#define INPUT_STORE_REPLAYS 64 // stores input_store tries per explanation

// ---------------------------------------------------------------- paths


bh_taint__path bh_taint__path_make(bh_arena *arena, const bh_finding_step *steps, size_t n,
				   bh_taint__path tail)
{
	for (size_t i = n; i-- > 0;) {
		bh_taint__pstep *cell = bh_arena_alloc(arena, sizeof(*cell));
		cell->sub = NULL;
		cell->step = steps[i];
		cell->next = tail.head;
		tail.head = cell;
		tail.len++;
	}
	return tail;
}

void bh_taint__path_iter_init(bh_taint__path_iter *it, const bh_taint__path *p)
{
	it->cur = p ? p->head : NULL;
	it->depth = 0;
}

const bh_finding_step *bh_taint__path_next(bh_taint__path_iter *it)
{
	const bh_taint__pstep *c = it->cur;
	// Down the `sub`s first; a cell is yielded once its `sub` is done.
	while (c && c->sub && it->depth < BH_ARRAY_LEN(it->stack)) {
		it->stack[it->depth++] = c;
		c = c->sub;
	}
	if (!c) {
		if (!it->depth)
			return NULL;
		c = it->stack[--it->depth];
	}
	it->cur = c->next;
	return &c->step;
}

void bh_taint__step(bh_taint__fctx *c, bh_taint__path_builder *pb, bh_loc loc, const char *fmt, const char *a,
		 const char *b)
{
	bh_taint__pstep *cell = bh_arena_alloc(c->prog->arena, sizeof(*cell));
	cell->sub = NULL;
	cell->step.loc = loc;
	char text[256];
	int n = snprintf(text, sizeof(text), fmt, a ? a : "", b ? b : "");
	cell->step.message = n >= 0 && (size_t)n < sizeof(text)
				     ? bh_strset_intern(&c->prog->step_messages, text)
				     : bh_arena_sprintf(c->prog->arena, fmt, a ? a : "", b ? b : "");
	cell->next = pb->built.head;
	pb->built.head = cell;
	pb->built.len++;
	pb->fresh = cell;
}

void bh_taint__prepend_path(bh_taint__fctx *c, bh_taint__path_builder *pb, const bh_taint__path *p)
{
	if (!p->len)
		return;
	bh_taint__pstep *head = pb->fresh;
	pb->fresh = NULL;
	// Nothing built yet: `p` is the end of the path, shared as it is.
	if (!pb->built.len) {
		pb->built = *p;
		return;
	}
	// The step this builder just made starts with `p`.
	if (head && head == pb->built.head && !head->sub && p->depth < BH_TAINT__PATH_DEPTH) {
		head->sub = p->head;
		pb->built.len += p->len;
		if (p->depth + 1 > pb->built.depth)
			pb->built.depth = p->depth + 1;
		return;
	}
	bh_finding_step stack[64];
	bh_finding_step *steps = p->len <= 64 ? stack : bh_xmalloc(p->len * sizeof(*steps));
	size_t n = 0;
	bh_taint__path_iter it;
	bh_taint__path_iter_init(&it, p);
	for (const bh_finding_step *s; n < p->len && (s = bh_taint__path_next(&it)) != NULL;)
		steps[n++] = *s;
	pb->built = bh_taint__path_make(c->prog->arena, steps, n, pb->built);
	if (steps != stack)
		free(steps);
}

bh_taint__path bh_taint__finish_path(bh_taint__path_builder *pb)
{
	bh_taint__path p = pb->built;
	pb->built = (bh_taint__path){ NULL, 0, 0 };
	pb->fresh = NULL;
	return p;
}

const char *bh_taint__var_name(const bh_taint__fctx *c, uint32_t loc)
{
	if (loc >= c->fn->nvars) {
		const bh_taint__slot_key *k = &c->slots.items[loc - c->fn->nvars];
		const char *base = c->fn->vars[k->base].kind == BH_IR_VAR_TEMP ? "..." :
				   c->fn->vars[k->base].name;
		return bh_arena_sprintf(c->prog->arena, "%s.%s", base, k->field);
	}
	const bh_ir_var *v = &c->fn->vars[loc];
	return v->kind == BH_IR_VAR_TEMP ? NULL : v->name;
}

// The fact just before instruction `at`, replayed from its block's entry
// into `f` (ntracked values), with block-local temporaries in c->scratch.
void bh_taint__state_before(bh_taint__fctx *c, bh_taint__val *f, uint32_t at)
{
	const bh_ir_instr *target = bh_ir_instr_of(c->fn, at);
	const bh_ir_block *b = &c->fn->blocks[target->block];
	memcpy(f, bh_flow_in(&c->result, b->id), c->ntracked * sizeof(*f));
	bool saved = c->reporting;
	c->reporting = false;
	for (uint32_t i = 0; i < b->ninstrs && b->instrs[i].id != at; i++)
		bh_taint__transfer(c, f, &b->instrs[i]);
	c->reporting = saved;
}

// The first location behind operand `o` (deep: also what it points to and
// its fields) that carries labels `want` in `f`, or NONE.
static uint32_t loc_with(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bool deep, uint64_t want)
{
	if (o->kind != BH_IR_OPND_VAR)
		return BH_TAINT__NONE;
	if (bh_taint__value_at(c, f, o->var).labels & want)
		return o->var;
	if (!deep)
		return BH_TAINT__NONE;
	const bh_taint__u32s *p = &c->pts[o->var];
	for (size_t i = 0; i < p->len; i++)
		if (bh_taint__value_at(c, f, p->items[i]).labels & want)
			return p->items[i];
	for (size_t i = 0; i < c->slots.len; i++)
		if (c->slots.items[i].base == o->var &&
		    bh_taint__value_at(c, f, c->fn->nvars + (uint32_t)i).labels & want)
			return c->fn->nvars + (uint32_t)i;
	// The fields of a struct it points to (`&s` after `s.f = ...`).
	for (size_t i = 0; i < c->slots.len; i++)
		if (bh_taint__has_u32(p, c->slots.items[i].base) &&
		    bh_taint__value_at(c, f, c->fn->nvars + (uint32_t)i).labels & want)
			return c->fn->nvars + (uint32_t)i;
	return BH_TAINT__NONE;
}

uint32_t bh_taint__tainted_loc(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bool deep)
{
	return loc_with(c, f, o, deep, ~(uint64_t)0);
}

uint32_t bh_taint__src_loc(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bool deep)
{
	uint32_t l = loc_with(c, f, o, deep, BH_TAINT__SRC);
	return l != BH_TAINT__NONE ? l : loc_with(c, f, o, deep, ~(uint64_t)0);
}

// The argument of call `w` to follow back, of those in `eligible` (a bit
// per argument): one carrying labels `want` (concrete taint: the data,
// not the arena it is handed to beside it), else one tainted at all; and
// in each case one that is not `loc`, the location being explained (`acc =
// sdscat(acc, buf)` in a loop: what is new comes from `buf`), if there is
// one. BH_TAINT__NONE if no argument is tainted.
static uint32_t pick_argument(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *w, uint64_t eligible,
			      uint64_t want, uint32_t loc)
{
	// Following every label already, the second pass would be the first again.
	int passes = want == ~(uint64_t)0 ? 1 : 2;
	for (int pass = 0; pass < passes; pass++) {
		uint32_t same = BH_TAINT__NONE;
		for (uint32_t a = 0; a < w->nargs && a < 64; a++) {
			if (!(eligible & ((uint64_t)1 << a)))
				continue;
			uint32_t l = pass ? bh_taint__tainted_loc(c, f, &w->args[a], true)
					  : loc_with(c, f, &w->args[a], true, want);
			if (l != BH_TAINT__NONE && l != loc)
				return l;
			if (l != BH_TAINT__NONE && same == BH_TAINT__NONE)
				same = l;
		}
		if (same != BH_TAINT__NONE)
			return same;
	}
	return BH_TAINT__NONE;
}

// Why instruction `w` (a call) made its result or argument tainted, if
// function `target` (one it may reach) did: true with the steps pushed,
// or false with *next_loc set to the argument that brought the taint
// (BH_TAINT__NONE when `target` does not explain it).
static bool explain_callee(bh_taint__fctx *c, bh_taint__path_builder *pb, const bh_ir_instr *w,
			   const bh_ir_opnd *target, bh_taint__val *f, uint64_t want, uint32_t loc,
			   uint32_t *next_loc)
{
	const char *callee = target->str;
	const bh_taint__summary *s = target->usr ? bh_taint__summary_of(c->prog, target->usr) : NULL;
	if (s && s->analysed) {
		if (s->ret.labels & BH_TAINT__SRC) {
			bh_taint__step(c, pb, w->loc, "returned by %s()%s", callee, "");
			bh_taint__prepend_path(c, pb, &s->ret_path);
			if (!pb->what)
				pb->what = s->ret_what;
			return true;
		}
		for (uint32_t j = 0; j < s->nparams && j < w->nargs; j++)
			if (s->param_out && (s->param_out[j].labels & BH_TAINT__SRC)) {
				bh_taint__step(c, pb, w->loc, "written by %s()%s", callee, "");
				bh_taint__prepend_path(c, pb, &s->param_out_path[j]);
				if (!pb->what)
					pb->what = s->param_out_what[j];
				return true;
			}
		for (size_t k = 0; k < s->fields.len; k++)
			if (s->fields.items[k].val.labels & BH_TAINT__SRC) {
				bh_taint__step(c, pb, w->loc, "written by %s()%s", callee, "");
				bh_taint__prepend_path(c, pb, &s->fields.items[k].path);
				if (!pb->what)
					pb->what = s->fields.items[k].what;
				return true;
			}
		// Which of its parameters flow out (to the result or into a
		// pointer argument), and so which argument brought the taint.
		uint64_t out = s->ret.labels;
		for (uint32_t k = 0; s->param_out && k < s->nparams; k++)
			out |= s->param_out[k].labels;
		for (size_t k = 0; k < s->fields.len; k++)
			out |= s->fields.items[k].val.labels;
		uint64_t eligible = 0;
		for (uint32_t j = 0; j < s->nparams && j < w->nargs && j < BH_TAINT__MAX_PARAMS; j++)
			if (out & BH_TAINT__PARAM(j))
				eligible |= (uint64_t)1 << j;
		uint32_t l = pick_argument(c, f, w, eligible, want, loc);
		if (l != BH_TAINT__NONE) {
			bh_taint__step(c, pb, w->loc, "passes through %s()%s", callee, "");
			*next_loc = l;
		}
		return false;
	}
	size_t n;
	const bh_taint_model *m = bh_taint_models_find(c->prog->models, callee, &n);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == BH_TAINT_SOURCE && m[i].to.kind != BH_TAINT_PLACE_PARAM) {
			const char *shown = bh_taint__display_name(c, callee);
			// "input read by fgets" already names the function.
			pb->what = strstr(m[i].what, shown) ? m[i].what
				 : bh_arena_sprintf(c->prog->arena, "%s (%s)", m[i].what, shown);
			bh_taint__step(c, pb, w->loc, "%s%s", pb->what, "");
			return true;
		}
	uint64_t eligible = 0;
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind != BH_TAINT_PROPAGATE || m[i].from.kind != BH_TAINT_PLACE_ARG)
			continue;
		for (uint32_t a = m[i].from.index; a < w->nargs && a < 64; a++) {
			eligible |= (uint64_t)1 << a;
			if (!m[i].from.and_after)
				break;
		}
	}
	uint32_t l = pick_argument(c, f, w, eligible, want, loc);
	if (l != BH_TAINT__NONE) {
		bh_taint__step(c, pb, w->loc, "passes through %s()%s", bh_taint__display_name(c, callee), "");
		*next_loc = l;
	}
	return false;
}

// Why instruction `w` (a call) made its result or argument tainted: a
// function it may reach that is where the taint comes from (a source, or
// one returning or writing it), else the first through which an argument
// passes it. True when the path is complete, false with *next_loc the
// argument to follow back (or BH_TAINT__NONE: nothing more is known).
// Through a function pointer (`r->read(r, buf, n)`) the target that reads
// the input explains the bytes, not one that only passes `r` along.
static bool explain_call(bh_taint__fctx *c, bh_taint__path_builder *pb, const bh_ir_instr *w, bh_taint__val *f,
			 uint64_t want, uint32_t loc, uint32_t *next_loc)
{
	bh_taint__callees cs;
	const bh_ir_opnd *const *targets;
	size_t n = bh_taint__call_targets(c, w, &cs, &targets);
	// A target's steps are pushed onto a copy of the builder: cells are
	// immutable once shared, so dropping a copy drops only its own steps.
	const bh_taint__path_builder start = *pb;
	bh_taint__path_builder passed = start;
	uint32_t passed_next = BH_TAINT__NONE;
	bool passes = false;
	for (size_t t = 0; t < n; t++) {
		bh_taint__path_builder tried = start;
		uint32_t next = BH_TAINT__NONE;
		if (explain_callee(c, &tried, w, targets[t], f, want, loc, &next)) {
			*pb = tried;
			return true;
		}
		if (!passes && (next != BH_TAINT__NONE || tried.built.len != start.built.len)) {
			passes = true;
			passed = tried;
			passed_next = next;
		}
	}
	*pb = passed;
	*next_loc = passed_next;
	return !passes && n > 0;
}

static bool is_temp(const bh_taint__fctx *c, uint32_t loc)
{
	return loc < c->fn->nvars && c->fn->vars[loc].kind == BH_IR_VAR_TEMP;
}

// Where to look at `loc` for instruction `at`: there, unless it is a
// temporary another block made (a sink reads the number a pointer was
// moved by at the pointer's only assignment, `end = line + strtoul(...)`,
// blocks before the loop): then just after the instruction that made it,
// where the replay of that block holds its value.
static uint32_t temp_made_at(bh_taint__fctx *c, uint32_t loc, uint32_t at)
{
	if (!is_temp(c, loc) || bh_ir_def_before(c->fn, bh_ir_instr_of(c->fn, at), loc))
		return at;
	size_t ndefs;
	const bh_ir_instr *def = bh_ir_only_def(c->fn, loc, &ndefs);
	const bh_ir_instr *after = def ? bh_ir_instr_at(c->fn, def->id + 1) : NULL;
	return after && after->block == def->block ? after->id : at;
}

// `loc` is a global known to hold untrusted data, read at `at`: its path
// comes first. False for anything else.
static bool explain_global(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at)
{
	if (loc >= c->fn->nvars || !bh_ir_var_is_global(&c->fn->vars[loc]))
		return false;
	const bh_taint__tainted_global *g =
		bh_taint__global(c->prog, bh_callgraph_global_key(&c->fn->vars[loc]));
	if (g) {
		bh_taint__step(c, pb, bh_ir_instr_of(c->fn, at)->loc, "read from global '%s'%s",
			       c->fn->vars[loc].name, "");
		bh_taint__prepend_path(c, pb, &g->path);
		if (!pb->what)
			pb->what = g->what;
	}
	return true;
}

// Around a loop the witness of `loc` can be an instruction that only
// carries it along (`ptr = ptr + 1` for the memory behind ptr), never the
// one that put the input there (`*ptr = c` a line later found it tainted
// already and left the witness as it was). The store other than `not_at`
// that writes labels `want` into `loc` by itself (replayed with `loc`
// clean before it), with the operand it wrote, or NULL. Each candidate
// replays its block: a generated function with thousands of stores is
// searched up to INPUT_STORE_REPLAYS of them.
static const bh_ir_instr *input_store(bh_taint__fctx *c, bh_taint__val *f, uint32_t loc, uint64_t want,
				      uint32_t not_at, uint32_t *value)
{
	bool saved = c->reporting;
	c->reporting = false;
	const bh_ir_instr *found = NULL;
	int replays = INPUT_STORE_REPLAYS;
	for (uint32_t b = 0; b < c->fn->nblocks && !found && replays; b++)
		for (uint32_t i = 0; i < c->fn->blocks[b].ninstrs && !found && replays; i++) {
			const bh_ir_instr *in = &c->fn->blocks[b].instrs[i];
			uint32_t k = in->op == BH_IR_STORE || in->op == BH_IR_FIELD_STORE ? 1
				   : in->op == BH_IR_INDEX_STORE ? 2 : UINT32_MAX;
			if (k >= in->nargs || in->id == not_at)
				continue;
			replays--;
			bh_taint__state_before(c, f, in->id);
			if (!f[0].labels)
				continue; // never runs
			*value = loc_with(c, f, &in->args[k], false, want);
			if (*value == BH_TAINT__NONE)
				continue;
			*bh_taint__slot_of(c, f, loc) = bh_taint__clean_val();
			bh_taint__transfer(c, f, in);
			if (bh_taint__value_at(c, f, loc).labels & want)
				found = in;
		}
	c->reporting = saved;
	return found;
}

// Go on from the store that put the input into `loc`, or else into the
// last named location of the walk so far (seen[0..n], the loop's
// variable when `loc` is a temporary copy of it) (input_store): its step,
// then the operand it wrote, just before it. False if there is none.
static bool resume_at_store(bh_taint__fctx *c, bh_taint__val *f, bh_taint__path_builder *pb, uint32_t *loc,
			    uint32_t *at, uint64_t want, const uint32_t *seen, int n)
{
	uint32_t value, into = *loc;
	for (int k = n; k >= 0 && is_temp(c, into); k--)
		into = seen[k];
	const bh_ir_instr *s = input_store(c, f, into, want, *at, &value);
	if (!s && into != *loc)
		s = input_store(c, f, into = *loc, want, *at, &value);
	if (!s)
		return false;
	const char *name = bh_taint__var_name(c, into);
	if (name)
		bh_taint__step(c, pb, s->loc, "assigned to '%s'%s", name, "");
	*loc = value;
	*at = s->id;
	return true;
}

// The walk came back around a loop to `*loc` (`total -= step`, `*p++ =
// c`), whose witness there only carries the value along: a global's taint
// may have come in with it, or a store in the loop put it there
// (resume_at_store, once per walk: `*resumed`). True when the walk goes
// on from `*loc` before `*at`.
static bool around_loop(bh_taint__fctx *c, bh_taint__val *f, bh_taint__path_builder *pb, uint32_t *loc,
			uint32_t *at, uint64_t want, const uint32_t *seen, int n, bool *resumed)
{
	if (explain_global(c, pb, *loc, *at) || *resumed || !resume_at_store(c, f, pb, loc, at, want, seen, n))
		return false;
	*resumed = true;
	return true;
}

// Steps for a location tainted on entry to the function: a parameter
// (or a source's), a field of one, or a global.
static void explain_entry(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at,
			  const bh_taint__val *v)
{
	const char *name = bh_taint__var_name(c, loc);
	if (explain_global(c, pb, loc, at))
		return;
	if (loc >= c->fn->nvars) {
		const bh_taint__slot_key *k = &c->slots.items[loc - c->fn->nvars];
		if (k->base < c->fn->nparams)
			bh_taint__step(c, pb, c->fn->loc, "field '%s' of parameter '%s'", k->field,
				       c->fn->vars[k->base].name);
	} else if (loc < c->fn->nparams) {
		size_t n;
		const bh_taint_model *m = bh_taint_models_find(c->prog->models, c->fn->name, &n);
		const char *what = NULL;
		for (size_t k = 0; k < n; k++)
			if (m[k].kind == BH_TAINT_SOURCE && m[k].to.kind == BH_TAINT_PLACE_PARAM &&
			    m[k].to.index == loc)
				what = m[k].what;
		if (what && (v->labels & BH_TAINT__SRC)) {
			bh_taint__step(c, pb, c->fn->loc, "%s '%s'", what, name);
			if (!pb->what)
				pb->what = bh_arena_sprintf(c->prog->arena, "%s (%s)", what, name);
		} else {
			bh_taint__step(c, pb, c->fn->loc, "parameter '%s' of %s()", name, c->fn->name);
		}
	}
}

// Steps that brought taint to location `loc` just before instruction `at`
// (with `writer`: just after `writer`, which wrote concrete taint there),
// pushed backwards onto `pb`.
static void explain_walk(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at,
			 const bh_ir_instr *writer)
{
	bh_taint__val *f = bh_xmalloc((c->ntracked ? c->ntracked : 1) * sizeof(*f));
	bh_taint__val *saved_scratch = c->scratch;
	c->scratch = bh_xcalloc(c->nlocs ? c->nlocs : 1, sizeof(*c->scratch));
	// Concrete taint is followed back to its source, not to a parameter
	// that also reached the same place (a pointer whose memory was filled).
	uint64_t want = ~(uint64_t)0;
	// Where the walk has been: a value carried around a loop (a digest a
	// callee updates in place each iteration) leads back to the same
	// location at the same instruction, and the walk ends there, or goes
	// on from what put the value into the loop (around_loop), rather than
	// repeat one step to its budget.
	uint32_t seen_loc[MAX_PATH_STEPS], seen_at[MAX_PATH_STEPS];
	bool resumed = false; // at a store, once (around_loop)
	for (int depth = 0; depth < MAX_PATH_STEPS; depth++) {
		bool again = false;
		for (int k = 0; k < depth && !again; k++)
			again = seen_loc[k] == loc && seen_at[k] == at;
		seen_loc[depth] = loc;
		seen_at[depth] = at;
		const bh_ir_instr *w = depth == 0 ? writer : NULL;
		if (w) {
			want = BH_TAINT__SRC;
		} else {
			if (again) {
				if (!around_loop(c, f, pb, &loc, &at, want, seen_loc, depth, &resumed))
					break;
				continue;
			}
			at = temp_made_at(c, loc, at);
			bh_taint__state_before(c, f, at);
			bh_taint__val v = bh_taint__value_at(c, f, loc);
			if (!v.labels)
				break;
			if (depth == 0 && (v.labels & BH_TAINT__SRC))
				want = BH_TAINT__SRC;
			if (depth > 0 && v.witness == at) {
				// Made by this same instruction a time around the loop
				// before: its step is there already.
				if (!around_loop(c, f, pb, &loc, &at, want, seen_loc, depth, &resumed))
					break;
				continue;
			}
			if (v.witness == BH_TAINT__NONE) {
				explain_entry(c, pb, loc, at, &v);
				break;
			}
			w = bh_ir_instr_of(c->fn, v.witness);
		}
		bh_taint__state_before(c, f, w->id);
		const char *name = bh_taint__var_name(c, loc);
		uint32_t next = BH_TAINT__NONE;
		if (w->op == BH_IR_CALL) {
			if (explain_call(c, pb, w, f, want, loc, &next) || next == BH_TAINT__NONE)
				break;
		} else {
			if (name && w->op != BH_IR_RET)
				bh_taint__step(c, pb, w->loc, "assigned to '%s'%s", name, "");
			// The operand that carried it: for stores the value written.
			uint32_t first = (w->op == BH_IR_STORE || w->op == BH_IR_FIELD_STORE) ? 1
				       : w->op == BH_IR_INDEX_STORE ? 2 : 0;
			bool deep = w->op == BH_IR_LOAD || w->op == BH_IR_INDEX || w->op == BH_IR_FIELD ||
				    w->op == BH_IR_ADDR || w->op == BH_IR_FIELD_ADDR ||
				    w->op == BH_IR_INDEX_ADDR || w->op == BH_IR_OPAQUE;
			// `*out = obj` gave field f of *out what obj->f held
			// (store_object_fields): that field, not obj as a whole.
			if (w->op == BH_IR_STORE && loc >= c->fn->nvars && w->args[0].kind == BH_IR_OPND_VAR &&
			    w->args[1].kind == BH_IR_OPND_VAR &&
			    c->slots.items[loc - c->fn->nvars].base == w->args[0].var) {
				uint32_t from = bh_taint__find_slot(c, w->args[1].var,
								    c->slots.items[loc - c->fn->nvars].field);
				if (from != BH_TAINT__NONE && (bh_taint__value_at(c, f, from).labels & want))
					next = from;
			}
			// An operand carrying the labels followed first (`n * width`
			// where only width is input), else one tainted at all.
			int passes = want == ~(uint64_t)0 ? 1 : 2;
			for (int pass = 0; pass < passes && next == BH_TAINT__NONE; pass++) {
				uint64_t labels = pass ? ~(uint64_t)0 : want;
				for (uint32_t a = first; a < w->nargs && next == BH_TAINT__NONE; a++) {
					if ((w->op == BH_IR_FIELD || w->op == BH_IR_FIELD_ADDR) && a == 0 &&
					    w->args[0].kind == BH_IR_OPND_VAR) {
						bh_taint__locs s = bh_taint__field_slots(c, w, false);
						for (uint32_t k = 0; k < s.n && next == BH_TAINT__NONE; k++)
							if (bh_taint__value_at(c, f, s.locs[k]).labels & labels)
								next = s.locs[k];
					}
					if (next == BH_TAINT__NONE)
						next = loc_with(c, f, &w->args[a], deep, labels);
					if (w->op == BH_IR_INDEX || w->op == BH_IR_INDEX_ADDR)
						break; // the index does not carry taint
				}
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

void bh_taint__explain(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at)
{
	explain_walk(c, pb, loc, at, NULL);
}

void bh_taint__explain_write(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at)
{
	explain_walk(c, pb, loc, at, bh_ir_instr_of(c->fn, at));
}

bh_taint__path bh_taint__path_to(bh_taint__fctx *c, uint32_t loc, uint32_t at, const char **what,
			      bh_loc sink_loc, const char *sink_msg)
{
	bh_taint__path_builder pb;
	memset(&pb, 0, sizeof(pb));
	if (sink_msg)
		bh_taint__step(c, &pb, sink_loc, "%s%s", sink_msg, "");
	bh_taint__explain(c, &pb, loc, at);
	if (what)
		*what = pb.what ? pb.what : "untrusted input";
	return bh_taint__finish_path(&pb);
}

// The function the user wrote for a name glibc's headers substituted:
// __printf_chk, __builtin___memcpy_chk, __isoc99_sscanf.
const char *bh_taint__display_name(bh_taint__fctx *c, const char *name)
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
