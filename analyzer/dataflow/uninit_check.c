// SPDX-License-Identifier: MIT
// The uninitialised-read check of one function: the lattice over the
// "may be uninitialised" bitset, the solve, the candidate pass, the
// confirmation of each candidate by a witness path, and the summary.
//
// Requires: a verified bh_ir_func and the summaries of its callees.
// Provides: findings of c.uninitialized-read, the function's summary.
//
// A location is reported once, at its earliest read (in reverse
// postorder) that has a witness; later reads of it on the same paths
// would only repeat the finding.
#include <stdlib.h>
#include <string.h>

#include "dataflow/uninit_internal.h"

// Candidate reads tried per location before giving up on it.
#define MAX_TRIES 6
#define MAX_UNKNOWN 2
// Witness search work per function: instructions stepped.
#define SEARCH_STEPS(ninstrs) (200000u + 64u * (size_t)(ninstrs))

// ---------------------------------------------------------------- lattice

static void lat_init(void *fact, void *payload)
{
	const bh_uninit__fctx *c = payload;
	memset(fact, 0, c->nwords * sizeof(bh_flow_word));
}

static void lat_boundary(void *fact, void *payload)
{
	bh_uninit__boundary(payload, fact);
}

static void lat_join(void *dst, const void *src, void *payload)
{
	const bh_uninit__fctx *c = payload;
	bh_flow_word *d = dst;
	const bh_flow_word *s = src;
	for (size_t i = 0; i < c->nwords; i++)
		d[i] |= s[i];
}

static bool lat_equal(const void *a, const void *b, void *payload)
{
	const bh_uninit__fctx *c = payload;
	return memcmp(a, b, c->nwords * sizeof(bh_flow_word)) == 0;
}

static void lat_copy(void *dst, const void *src, void *payload)
{
	const bh_uninit__fctx *c = payload;
	memcpy(dst, src, c->nwords * sizeof(bh_flow_word));
}

static void lat_transfer(void *fact, const bh_ir_func *fn, const bh_ir_instr *in, void *payload)
{
	(void)fn;
	bh_uninit__step(payload, fact, in);
}

// An edge a constant condition never takes carries nothing.
static void lat_edge(void *fact, const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	const bh_uninit__fctx *c = payload;
	if (bh_flow_edge_dead(&c->consts, fn, from, to))
		memset(fact, 0, c->nwords * sizeof(bh_flow_word));
}

static bool lat_edge_acts(const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload)
{
	const bh_uninit__fctx *c = payload;
	return bh_flow_edge_dead(&c->consts, fn, from, to);
}

static bool global_unwritten(const bh_ir_var *v, void *payload)
{
	const bh_uninit__fctx *c = payload;
	return !bh_callgraph_global_written(c->prog->graph, v);
}

static bool call_const(const bh_ir_instr *call, int64_t *value, void *payload)
{
	const bh_uninit__fctx *c = payload;
	return bh_callgraph_call_const(c->prog->graph, call, value);
}

// ----------------------------------------------------------------- callees

const bh_uninit__summary *bh_uninit__callee(const bh_uninit__fctx *c, const bh_ir_instr *call,
					     const char **name_out, size_t *node_out)
{
	const bh_ir_opnd *callee = &call->callee;
	const bh_ir_func *fn = c->fn;
	*name_out = NULL;
	if (callee->kind == BH_IR_OPND_VAR) {
		const bh_ir_opnd *one = bh_callgraph_single_callee(c->prog->graph, c->fn, call, c->fn_value);
		if (one)
			callee = one;
	}
	size_t node = SIZE_MAX;
	if (callee->kind == BH_IR_OPND_FUNC) {
		*name_out = callee->str;
		node = bh_callgraph_node_of_opnd(c->prog->graph, callee);
	} else if (callee->kind == BH_IR_OPND_VAR) {
		// `ops.run(x)` with `static const struct ops ops = { .run = f }`.
		const bh_ir_instr *d = bh_ir_def_before(fn, call, callee->var);
		if (d && d->op == BH_IR_FIELD && !d->arrow && d->name &&
		    d->args[0].kind == BH_IR_OPND_VAR) {
			const bh_ir_fn_field *ff =
				bh_flow_table_function(&fn->vars[d->args[0].var], d->name);
			if (ff) {
				*name_out = ff->func;
				node = bh_callgraph_node(c->prog->graph, ff->usr ? ff->usr : ff->func);
			}
		}
	}
	if (node_out)
		*node_out = node;
	if (node != SIZE_MAX)
		bh_reuse__note_summary(c->prog->reuse, node);
	return node == SIZE_MAX ? NULL : c->prog->sums[node];
}

const bh_ir_opnd *bh_uninit__returned_arg(const bh_uninit__summary *sum, const bh_ir_instr *call)
{
	if (!sum || !sum->analysed || !sum->ret_param || sum->ret_param > call->nargs)
		return NULL;
	return &call->args[sum->ret_param - 1];
}

const bh_ir_opnd *bh_uninit__copy_of(const bh_uninit__fctx *c, const bh_ir_instr *in,
				     const bh_ir_opnd **to)
{
	*to = in->op == BH_IR_FIELD_STORE ? &in->args[0] : &in->dst;
	const char *name;
	switch (in->op) {
	case BH_IR_ASSIGN:
		return &in->args[0];
	case BH_IR_FIELD_STORE:
		return in->nargs > 1 && !in->arrow ? &in->args[1] : NULL;
	case BH_IR_FIELD:
		return in->arrow ? NULL : &in->args[0];
	case BH_IR_LOAD: // through a pointer that stands for one local
		if (in->args[0].kind != BH_IR_OPND_VAR || c->xv[in->args[0].var].points_to == BH_UNINIT__NONE)
			return NULL;
		return &c->xv[in->args[0].var].target;
	case BH_IR_STORE:
		if (in->args[0].kind != BH_IR_OPND_VAR || c->xv[in->args[0].var].points_to == BH_UNINIT__NONE)
			return NULL;
		*to = &c->xv[in->args[0].var].target;
		return &in->args[1];
	case BH_IR_INDEX_STORE: // into an array whose elements copies are followed
		if (in->nargs < 3 || in->args[0].kind != BH_IR_OPND_VAR ||
		    c->xv[in->args[0].var].copy == BH_UNINIT__NONE)
			return NULL;
		*to = &in->args[0];
		return &in->args[2];
	case BH_IR_CALL:
		return bh_uninit__returned_arg(bh_uninit__callee(c, in, &name, NULL), in);
	default:
		return NULL;
	}
}

// ------------------------------------------------------------- candidates

static int cand_class(uint8_t how)
{
	return how == BH_UNINIT__READ_PARAM ? 1 : how == BH_UNINIT__RET_UNSET ? 2 : 0;
}

// Group by location, purpose and field; earliest read first.
static int cand_cmp(const void *pa, const void *pb)
{
	const bh_uninit__cand *a = pa, *b = pb;
	if (a->loc != b->loc)
		return a->loc < b->loc ? -1 : 1;
	if (cand_class(a->how) != cand_class(b->how))
		return cand_class(a->how) - cand_class(b->how);
	if ((a->field != NULL) != (b->field != NULL))
		return a->field ? 1 : -1;
	int r = a->field ? strcmp(a->field, b->field) : 0;
	if (r)
		return r;
	return a->order < b->order ? -1 : a->order > b->order;
}

static bool same_group(const bh_uninit__cand *a, const bh_uninit__cand *b)
{
	return a->loc == b->loc && cand_class(a->how) == cand_class(b->how) &&
	       (a->field == b->field || (a->field && b->field && strcmp(a->field, b->field) == 0));
}

// Each block once more from its entry fact, noting reads of set bits.
static void collect(bh_uninit__fctx *c, bh_uninit__cands *cands)
{
	bh_flow_word *f = bh_xmalloc(c->nwords * sizeof(*f));
	c->sink = cands;
	for (uint32_t b = 0; b < c->fn->nblocks; b++) {
		memcpy(f, bh_flow_in(&c->result, b), c->nwords * sizeof(*f));
		for (uint32_t i = 0; i < c->fn->blocks[b].ninstrs; i++)
			bh_uninit__step(c, f, &c->fn->blocks[b].instrs[i]);
	}
	c->sink = NULL;
	free(f);
	if (cands->len)
		qsort(cands->items, cands->len, sizeof(*cands->items), cand_cmp);
}

// ---------------------------------------------------------------- summary

// The struct every return returns, if the function returns one local
// struct variable (temporaries are values it built whole).
static uint32_t returned_var(const bh_uninit__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint32_t rv = BH_UNINIT__NONE;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (!t || t->op != BH_IR_RET || !t->nargs || t->args[0].kind != BH_IR_OPND_VAR)
			continue;
		uint32_t v = t->args[0].var;
		uint32_t first = c->var_first[v];
		if (fn->vars[v].kind == BH_IR_VAR_TEMP)
			continue;
		if (first == BH_UNINIT__NONE || c->locs[first].kind != BH_UNINIT__WHOLE ||
		    c->var_count[v] < 2 || (rv != BH_UNINIT__NONE && rv != v))
			return BH_UNINIT__NONE;
		rv = v;
	}
	return rv;
}

// 1 + the parameter every `return` gives back, when nothing assigns it or
// takes its address; else 0.
static uint32_t returned_param(const bh_ir_func *fn)
{
	uint32_t p = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op != BH_IR_RET)
				continue;
			if (!in->nargs || in->args[0].kind != BH_IR_OPND_VAR || in->args[0].var >= fn->nparams ||
			    (p && p != in->args[0].var + 1))
				return 0;
			p = in->args[0].var + 1;
		}
	if (!p || (fn->vars[p - 1].flags & (BH_IR_VAR_ADDRESSED | BH_IR_VAR_RECORD)))
		return 0;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_opnd *d = &fn->blocks[b].instrs[i].dst;
			if (d->kind == BH_IR_OPND_VAR && d->var == p - 1)
				return 0;
		}
	return p;
}

static void init_summary(bh_uninit__program *p, const bh_ir_func *fn, bh_uninit__summary *sum)
{
	memset(sum, 0, sizeof(*sum));
	sum->ret_param = returned_param(fn);
	sum->nparams = fn->nparams;
	sum->param_reads = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->param_reads));
	sum->nparam_reads = bh_arena_alloc(p->arena, (fn->nparams + 1) * sizeof(*sum->nparam_reads));
}

static void start_ret_summary(bh_uninit__fctx *c)
{
	uint32_t rv = returned_var(c);
	if (rv == BH_UNINIT__NONE)
		return;
	bh_uninit__summary *sum = c->sum;
	uint32_t first = c->var_first[rv];
	sum->ret_known = true;
	sum->nret_fields = c->var_count[rv] - 2;
	sum->ret_fields = bh_arena_alloc(c->prog->arena,
					 (sum->nret_fields + 1) * sizeof(*sum->ret_fields));
	for (uint32_t i = 0; i < sum->nret_fields; i++)
		sum->ret_fields[i].field = c->locs[first + 2 + i].field;
}

static void add_param_read(bh_uninit__fctx *c, const bh_uninit__cand *cand)
{
	bh_uninit__summary *sum = c->sum;
	uint32_t j = cand->param;
	if (j >= sum->nparams)
		return;
	bh_uninit__field_fact *old = sum->param_reads[j];
	uint32_t n = sum->nparam_reads[j];
	bh_uninit__field_fact *now = bh_arena_alloc(c->prog->arena, (n + 1) * sizeof(*now));
	if (n)
		memcpy(now, old, n * sizeof(*now));
	const bh_ir_instr *in = bh_ir_instr_at(c->fn, cand->instr);
	// (Where a helper of one caller reads it, when it is passed on to one.)
	bh_loc at = cand->callee_at.line ? cand->callee_at : in ? in->loc : c->fn->loc;
	now[n] = (bh_uninit__field_fact){ cand->field, true, at, cand->forwarded };
	sum->param_reads[j] = now;
	sum->nparam_reads[j] = n + 1;
}

static void add_global_read(bh_uninit__fctx *c, const bh_uninit__cand *cand)
{
	bh_uninit__summary *sum = c->sum;
	const char *usr = c->fn->vars[cand->param].usr;
	if (!usr)
		return;
	bh_uninit__field_fact *now =
		bh_arena_alloc(c->prog->arena, (sum->nglobal_reads + 1) * sizeof(*now));
	if (sum->nglobal_reads)
		memcpy(now, sum->global_reads, sum->nglobal_reads * sizeof(*now));
	const bh_ir_instr *in = bh_ir_instr_at(c->fn, cand->instr);
	bh_loc at = cand->callee_at.line ? cand->callee_at : in ? in->loc : c->fn->loc;
	now[sum->nglobal_reads++] = (bh_uninit__field_fact){ usr, true, at, cand->forwarded };
	sum->global_reads = now;
}

static void add_ret_unset(bh_uninit__fctx *c, const bh_uninit__cand *cand)
{
	bh_uninit__summary *sum = c->sum;
	const bh_ir_instr *in = bh_ir_instr_at(c->fn, cand->instr);
	const bh_uninit__loc *l = &c->locs[cand->loc];
	if (!sum->ret_known || !in || in->args[0].var != l->var)
		return;
	if (l->kind == BH_UNINIT__REST) {
		sum->ret_rest_unset = true;
		sum->ret_rest_at = in->loc;
		return;
	}
	for (uint32_t i = 0; i < sum->nret_fields; i++)
		if (strcmp(sum->ret_fields[i].field, l->field) == 0) {
			sum->ret_fields[i].unset = true;
			sum->ret_fields[i].at = in->loc;
		}
}

// ----------------------------------------------------------------- driver

// Confirm the candidates of each group in order until one has a witness.
static void confirm(bh_uninit__fctx *c, const bh_uninit__cands *cands)
{
	// Searches that run out of room (BH_UNINIT__UNKNOWN) in a row: the
	// function's paths are too many to enumerate, and the next candidates
	// of the same function would run out too (memcached's main(): 23
	// searches of about 3,000 paths each, none conclusive). Two in a row:
	// the findings on lua5.4, redis and memcached are those of four,
	// and memcached's inconclusive searches were two thirds of its
	// search time (uninit 58 -> 42 ms).
	unsigned unknown_in_a_row = 0;
	for (size_t g = 0; g < cands->len && unknown_in_a_row < MAX_UNKNOWN;) {
		size_t end = g + 1;
		while (end < cands->len && same_group(&cands->items[g], &cands->items[end]))
			end++;
		for (size_t i = g; i < end && i < g + MAX_TRIES && c->search_steps &&
				   unknown_in_a_row < MAX_UNKNOWN; i++) {
			const bh_uninit__cand *cand = &cands->items[i];
			bh_uninit__witness w;
			bh_uninit__outcome o = bh_uninit__search(c, cand, &w);
			unknown_in_a_row = o == BH_UNINIT__UNKNOWN ? unknown_in_a_row + 1 : 0;
			if (o != BH_UNINIT__FOUND)
				continue;
			if (cand->how == BH_UNINIT__READ_PARAM && cand->global)
				add_global_read(c, cand);
			else if (cand->how == BH_UNINIT__READ_PARAM)
				add_param_read(c, cand);
			else if (cand->how == BH_UNINIT__RET_UNSET)
				add_ret_unset(c, cand);
			else
				bh_uninit__report(c, cand, &w);
			break;
		}
		g = end;
	}
}

static void note_incomplete(bh_uninit__program *p, const bh_ir_func *fn)
{
	bh_diag_add(p->diags, BH_LEVEL_NOTE, "uninit.incomplete", fn->loc.path, fn->loc.line,
		    fn->loc.col,
		    "uninitialised-read analysis of %s() stopped at its budget; its findings are not "
		    "reported", fn->name);
}

static void analyse_acquired(bh_uninit__program *p, const bh_ir_func *fn, bh_uninit__summary *sum)
{
	init_summary(p, fn, sum);
	bh_uninit__fctx c;
	memset(&c, 0, sizeof(c));
	c.prog = p;
	c.fn = fn;
	c.sum = sum;
	c.arena = bh_arena_new();
	c.search_steps = SEARCH_STEPS(fn->ninstrs);
	bh_uninit__cands cands = { 0 };
	// A function whose IR was cut short would look like it skips writes
	// that its missing part makes: it is not analysed (the front end's
	// ir.incomplete note already says so).
	if (fn->cut)
		goto out;
	bh_flow_compute_consts(&c.consts, c.arena, fn, global_unwritten, call_const, &c);
	bh_uninit__prepare(&c);
	if (!c.nlocs)
		goto out;
	uint32_t *order;
	bh_flow_rpo(&order, &c.rpo_index, c.arena, fn);
	bh_flow_lattice lat = {
		.fact_size = c.nwords * sizeof(bh_flow_word),
		.init = lat_init,
		.boundary = lat_boundary,
		.join = lat_join,
		.equal = lat_equal,
		.copy = lat_copy,
		.transfer_instr = lat_transfer,
		.transfer_edge = lat_edge,
		.edge_acts = lat_edge_acts,
	};
	bh_flow_options opts = BH_FLOW_OPTIONS_INIT;
	if (bh_flow_solve(&c.result, c.arena, fn, &lat, &opts, &c) != BH_FLOW_DONE) {
		note_incomplete(p, fn);
		goto out;
	}
	collect(&c, &cands);
	start_ret_summary(&c);
	confirm(&c, &cands);
out:
	sum->analysed = true;
	bh_vec_dispose(&cands);
	bh_arena_free(c.arena);
}

// The body of `fn` is there throughout (packed IR: ir_pack.h).
void bh_uninit__analyse_function(bh_uninit__program *p, const bh_ir_func *fn,
				 bh_uninit__summary *sum)
{
	bh_ir_func_acquire(fn);
	analyse_acquired(p, fn, sum);
	bh_ir_func_release(fn);
}
