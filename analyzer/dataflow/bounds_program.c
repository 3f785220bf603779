// SPDX-License-Identifier: MIT
// bh_bounds_run: the whole-program part of the bounds checker. Every
// function is analysed once on its own; calls to program functions then
// bring two things:
// - a result: what the callee returns on its own (a fresh block of a
//   known size, an integer interval), computed on demand so that
//   allocation wrappers and constant sources are known at their calls;
// - a calling context: when the caller passes a buffer of known size or
//   an integer it can bound, the callee is analysed again with those
//   parameters (bounded: depth, count and size of functions), and an
//   overflow inside it is reported with the caller's buffer in its path.
//   The context also holds what the caller keeps behind or inside an
//   argument (`&n`, a struct by value, an array of buffers: its parts),
//   and a caller with no buffer of its own is solved when it hands a
//   callee constants (`sink(10)`) so that the callee's accesses are
//   checked against them.
// A later scan replays each top-level analysis whose reads of the IR and
// of this program-wide state still hold (bounds_trace.c).
#include <stdlib.h>
#include <string.h>

#include "bulkhead/hash.h"
#include "bulkhead/strset.h"
#include "dataflow/bounds_internal.h"

#define MAX_CONTEXTS 4096   // context analyses that did work (see bh_bnd_analyse_function)
#define MAX_KEYS (1u << 18) // contexts remembered, cheap ones included
#define MAX_CONTEXT_INSTRS 4000
// Distinct calling contexts analysed per function. A helper called with
// constants from everywhere (memcached's append_stat(), resp_add_iov():
// 50 each) was a third of the context analyses of a scan; the contexts
// past the first few rarely show what those did not.
#define MAX_CONTEXTS_PER_CALLEE 8
#define MAX_SUMMARY_DEPTH 8

// A calling context's identity: the values, not the caller's wording.
// Its key (key_of) hashes it with the callee's part (p->node_ids).
typedef struct {
	uint8_t known, pointer, storage, ev;
	uint32_t var;
	uint32_t wrap;        // the caller's mark: a context per wrapping site
	uint32_t input;
	bh_bnd_itv v, size, len;
} arg_key;

typedef struct {
	arg_key a[BH_BND_MAX_PARAMS];
	arg_key g[BH_BND_MAX_GLOBALS];
	arg_key part[BH_BND_MAX_PARTS];
	uint64_t part_field[BH_BND_MAX_PARTS]; // a hash: the caller's strings die with it
} context_key;

typedef struct {
	bh_bnd_program base;
	unsigned silent;         // nesting of context_result's analyses
	unsigned depth;          // nesting of context analyses
	unsigned summary_depth;  // nesting of on-demand analyses for results
	bh_findings *top_out;    // where a function's own analysis reports, whoever asks for it
	bh_diags *top_diags;
	void (*top_fits)(const bh_loc *call, void *payload);
} program;

static program *outer(bh_bnd_program *p)
{
	return (program *)p;
}

// The program function a call reaches: a direct call, a call through a
// variable that only ever holds one function, or one whose only target
// the program-wide resolution found.
static size_t callee_node(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	if (in->op != BH_IR_CALL)
		return SIZE_MAX;
	const bh_ir_opnd *callee = bh_callgraph_single_callee(c->prog->graph, c->fn, in, c->fn_value);
	if (!callee || callee->kind != BH_IR_OPND_FUNC)
		return SIZE_MAX;
	size_t node = bh_callgraph_node_of_opnd(c->prog->graph, callee);
	if (node != SIZE_MAX)
		bh_bnd_note_node(c->prog, node);
	return node;
}

const bh_ir_func *bh_bnd_callee_func(const bh_bnd_fctx *c, const bh_ir_instr *in)
{
	size_t node = callee_node(c, in);
	return node == SIZE_MAX ? NULL : c->prog->graph->funcs[node];
}

// The callee's own result, analysing it now if need be (once).
static const bh_bnd_ret *result_of(bh_bnd_program *p, size_t node)
{
	program *pr = outer(p);
	bh_bnd_note_ret(p, node);
	if (p->ret_state[node] == 2)
		return &p->rets[node];
	if (p->ret_state[node] == 1 || pr->summary_depth >= MAX_SUMMARY_DEPTH)
		return NULL; // recursion, or too deep a chain of helpers
	p->ret_state[node] = 1;
	// The callee's own analysis, made now as its top-level one would be
	// (which is skipped): reported to the program, not into the list of a
	// silent analysis that asked (context_result), and with the whole
	// depth of calling contexts.
	bh_findings *out = p->out;
	bh_diags *diags = p->diags;
	void (*fits)(const bh_loc *, void *) = p->proved_fits;
	unsigned silent = pr->silent, depth = pr->depth;
	p->out = pr->top_out;
	p->diags = pr->top_diags;
	p->proved_fits = pr->top_fits;
	pr->silent = pr->depth = 0;
	pr->summary_depth++;
	bh_bnd_analyse_function(p, p->graph->funcs[node], NULL, &p->rets[node]);
	pr->summary_depth--;
	p->out = out;
	p->diags = diags;
	p->proved_fits = fits;
	pr->silent = silent;
	pr->depth = depth;
	p->ret_state[node] = 2;
	bh_bnd_ret_made(p, node);
	return &p->rets[node];
}

static bh_bnd_arg arg_of_val(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, bh_bnd_val v);

// What argument `o` hands to the callee.
static bh_bnd_arg argument(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o)
{
	bh_bnd_arg a;
	memset(&a, 0, sizeof(a));
	if (o->kind == BH_IR_OPND_STR && o->str) {
		a.known = a.pointer = true;
		a.v = bh_bnd_itv_const(0);
		a.ev = BH_BND_EV_BOTH;
		a.obj.size = bh_bnd_itv_const((int64_t)o->len + 1);
		a.obj.len = bh_bnd_itv_const((int64_t)strnlen(o->str, o->len));
		a.storage = BH_BND_LITERAL;
		a.text = "a string literal";
		a.origin = in->loc;
		return a;
	}
	return arg_of_val(c, f, in, bh_bnd_eval(c, f, o));
}

// What a value of the caller is to the callee: an integer it can bound,
// or a pointer into an object of known size.
static bh_bnd_arg arg_of_val(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, bh_bnd_val v)
{
	bh_bnd_arg a;
	memset(&a, 0, sizeof(a));
	if (!v.obj) {
		a.known = bh_bnd_itv_finite(v.v) || v.wrap || v.input;
		a.v = v.v;
		a.ev = v.ev;
		a.input = v.input != 0;
		a.wrap = v.wrap;
		return a;
	}
	const bh_bnd_object *ob = &c->objs[v.obj - 1];
	const bh_bnd_ostate *st = &bh_bnd_objs_of(f)[v.obj - 1];
	if (ob->kind == BH_BND_OBJ_VAR || bh_bnd_itv_is_empty(st->size) || st->size.hi == BH_BND_PINF ||
	    bh_bnd_itv_is_empty(v.v))
		return a;
	a.known = a.pointer = true;
	a.v = v.v;
	a.ev = v.ev;
	a.obj = *st;
	a.storage = ob->storage;
	a.text = bh_bnd_object_text(c, v.obj);
	if (ob->kind == BH_BND_OBJ_PARAM) {
		a.origin = ob->origin;
	} else if (ob->kind == BH_BND_OBJ_ARRAY) {
		a.origin = c->fn->vars[ob->var].loc;
	} else if (ob->site != UINT32_MAX) {
		const bh_ir_instr *site = bh_ir_instr_at(c->fn, ob->site);
		a.origin = site ? site->loc : in->loc;
	}
	return a;
}

static void key_arg(arg_key *k, const bh_bnd_arg *a, uint32_t var)
{
	if (!a->known)
		return;
	k->known = 1;
	k->pointer = a->pointer;
	k->storage = (uint8_t)a->storage;
	k->ev = (uint8_t)a->ev;
	k->var = var;
	k->wrap = a->wrap;
	k->input = a->input;
	k->v = a->v;
	k->size = a->obj.size;
	k->len = a->obj.len;
}

static bh_hash128 key_of(const bh_bnd_program *p, size_t node, const bh_bnd_context *ctx, uint32_t nparams)
{
	context_key k;
	memset(&k, 0, sizeof(k));
	for (uint32_t j = 0; j < nparams && j < BH_BND_MAX_PARAMS; j++)
		key_arg(&k.a[j], &ctx->arg[j], j);
	for (uint32_t i = 0; i < ctx->nglobals; i++)
		key_arg(&k.g[i], &ctx->garg[i], ctx->gvar[i]);
	for (uint32_t i = 0; i < ctx->nparts; i++) {
		key_arg(&k.part[i], &ctx->part[i].value, ctx->part[i].param);
		k.part_field[i] = bh_hash_string(ctx->part[i].field);
	}
	bh_hash128 h[2], key;
	bh_hash128_fast(&h[0], &k, sizeof(k));
	h[1] = p->node_ids[node];
	bh_hash128_fast(&key, h, sizeof(h));
	return key;
}

static void add_part(bh_bnd_context *ctx, uint32_t param, const char *field, bh_bnd_arg value)
{
	if (!value.known || ctx->nparts >= BH_BND_MAX_PARTS)
		return;
	bh_bnd_part *pt = &ctx->part[ctx->nparts++];
	pt->param = param;
	pt->field = field;
	pt->value = value;
}

// What argument j keeps for the callee to read: the value of `x` for
// `&x`; the fields of a struct passed by value or by address and the
// elements of an array the caller's slots know.
static void add_parts(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, uint32_t j, bh_bnd_context *ctx)
{
	const bh_ir_opnd *o = &in->args[j];
	uint32_t base = UINT32_MAX;
	if (o->kind == BH_IR_OPND_VAR && (c->fn->vars[o->var].flags & (BH_IR_VAR_RECORD | BH_IR_VAR_ARRAY))) {
		base = o->var;
	} else {
		bh_bnd_val p = bh_bnd_eval(c, f, o);
		int64_t k;
		if (!p.obj || c->objs[p.obj - 1].kind != BH_BND_OBJ_VAR || !bh_bnd_itv_is_const(p.v, &k) || k)
			return;
		uint32_t x = c->objs[p.obj - 1].var;
		if (c->fn->vars[x].flags & BH_IR_VAR_RECORD)
			base = x;
		else if (c->track[x] != UINT32_MAX)
			add_part(ctx, j, "*", arg_of_val(c, f, in, bh_bnd_vals_of(c, f)[c->track[x]]));
	}
	for (uint32_t s = 0; base != UINT32_MAX && s < c->nslots; s++)
		if (c->slot_var[s] == base && !c->slot_arrow[s])
			add_part(ctx, j, c->slot_field[s],
				 arg_of_val(c, f, in, bh_bnd_vals_of(c, f)[c->ntracked + s]));
}

// The globals `callee` uses whose values the caller knows (the same
// global, by its key across units, tracked by the caller).
static bool add_globals(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_ir_func *callee,
			bh_bnd_context *ctx)
{
	bool any = false;
	for (uint32_t v = callee->nparams; v < callee->nvars && ctx->nglobals < BH_BND_MAX_GLOBALS; v++) {
		const bh_ir_var *g = &callee->vars[v];
		if (g->kind != BH_IR_VAR_GLOBAL || (g->flags & BH_IR_VAR_ARRAY))
			continue;
		uint32_t u = bh_callgraph_global_var(c->fn, bh_callgraph_global_key(g));
		if (u == UINT32_MAX || c->fn->vars[u].kind != BH_IR_VAR_GLOBAL || c->track[u] == UINT32_MAX)
			continue;
		bh_ir_opnd o = bh_ir_var_opnd(u);
		bh_bnd_arg a = argument(c, f, in, &o);
		if (a.known) {
			ctx->gvar[ctx->nglobals] = v;
			ctx->garg[ctx->nglobals++] = a;
			any = true;
		}
	}
	return any;
}

// The calling context this call gives the callee, and its key; false
// when the caller knows nothing the callee could use, or the callee is
// beyond the limits of context analyses.
static bool make_context(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, size_t node, bh_bnd_context *ctx,
			 bh_hash128 *key)
{
	bh_bnd_program *p = c->prog;
	program *pr = outer(p);
	const bh_ir_func *callee = p->graph->funcs[node];
	if (pr->depth >= BH_BND_MAX_DEPTH || bh_bnd_count_reached(p, BH_BND_COUNT_CONTEXTS, p->contexts, MAX_CONTEXTS) ||
	    callee->ninstrs > MAX_CONTEXT_INSTRS || callee->nparams > BH_BND_MAX_PARAMS || callee->cut)
		return false;
	memset(ctx, 0, sizeof(*ctx));
	bool any = false;
	for (uint32_t j = 0; j < callee->nparams && j < in->nargs; j++) {
		ctx->arg[j] = argument(c, f, in, &in->args[j]);
		any |= ctx->arg[j].known;
		add_parts(c, f, in, j, ctx);
	}
	any |= ctx->nparts > 0;
	bh_ir_func_acquire(callee);
	any |= add_globals(c, f, in, callee, ctx);
	bh_ir_func_release(callee);
	if (!any)
		return false;
	*key = key_of(p, node, ctx, callee->nparams);
	ctx->caller = c->fn->name;
	ctx->call = in->loc;
	ctx->caller_fctx = c;
	return true;
}

// Analyse the callee for what this call passes, once per distinct context.
static void analyse_in_context(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, size_t node)
{
	bh_bnd_program *p = c->prog;
	program *pr = outer(p);
	bh_bnd_context ctx;
	bh_hash128 key;
	// A silent analysis (context_result) only wants a result: the contexts
	// of its callees are analysed, and reported, when a real one meets them.
	if (pr->silent || bh_bnd_count_reached(p, BH_BND_COUNT_DONE, p->done.len, MAX_KEYS) ||
	    bh_bnd_node_count_reached(p, node, p->contexts_of[node], MAX_CONTEXTS_PER_CALLEE) ||
	    !make_context(c, f, in, node, &ctx, &key))
		return;
	const bh_bnd_keyed *seen = bh_bnd_keyset_find(&p->done, &key);
	bh_bnd_note_key(p, &p->done, &key, seen);
	if (seen)
		return;
	p->contexts_of[node]++;
	bh_bnd_keyset_add(&p->done, &key);
	bh_bnd_key_added(p, &p->done, &key);
	pr->depth++;
	bh_bnd_analyse_function(p, p->graph->funcs[node], &ctx, NULL);
	pr->depth--;
}

// What the callee returns in this call's context, when on its own it
// returns a fresh block on some paths only (`if (useSmall) data =
// malloc(50); return data;` with the caller's flag and NULL): analysed
// once per context, silently, since the findings inside it are the
// report pass's business.
static bool context_result(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, size_t node, bh_bnd_ret *ret)
{
	bh_bnd_program *p = c->prog;
	program *pr = outer(p);
	bh_bnd_context ctx;
	bh_hash128 key;
	if (bh_bnd_count_reached(p, BH_BND_COUNT_RESULTS, p->results.len, MAX_KEYS) ||
	    !make_context(c, f, in, node, &ctx, &key))
		return false;
	const bh_bnd_keyed *found = bh_bnd_keyset_find(&p->results, &key);
	bh_bnd_note_key(p, &p->results, &key, found);
	if (found) {
		*ret = found->ret;
		return true;
	}
	bh_findings *out = p->out;
	bh_diags *diags = p->diags;
	void (*proved_fits)(const bh_loc *, void *) = p->proved_fits;
	bh_arena *scratch = bh_arena_new();
	bh_findings quiet_findings;
	bh_diags quiet_diags;
	bh_findings_init(&quiet_findings, scratch);
	bh_diags_init(&quiet_diags, scratch);
	p->out = &quiet_findings;
	p->diags = &quiet_diags;
	p->proved_fits = NULL;
	pr->depth++;
	pr->silent++;
	bh_bnd_analyse_function(p, p->graph->funcs[node], &ctx, ret);
	pr->silent--;
	pr->depth--;
	p->out = out;
	p->diags = diags;
	p->proved_fits = proved_fits;
	bh_findings_dispose(&quiet_findings);
	bh_diags_dispose(&quiet_diags);
	bh_arena_free(scratch);
	// (A context met again inside its own analysis was given a result
	// there first: that one stands.)
	if (!bh_bnd_keyset_find(&p->results, &key)) {
		bh_bnd_keyset_add(&p->results, &key)->ret = *ret;
		bh_bnd_key_added(p, &p->results, &key);
	}
	return true;
}

// `const char *p`, `const struct s *p`: not `char *const p`.
static bool points_to_const(bh_ir_param v)
{
	const char *t = v.type;
	if (!t || !(v.flags & BH_IR_VAR_POINTER))
		return false;
	const char *star = strchr(t, '*');
	// One level of pointer whose pointee is const-qualified.
	return star && !strchr(star + 1, '*') && (strncmp(t, "const ", 6) == 0 || strstr(t, " const *"));
}

bool bh_bnd_returns_fresh(bh_bnd_fctx *c, const bh_ir_instr *in)
{
	size_t node = callee_node(c, in);
	if (node == SIZE_MAX)
		return false;
	const bh_bnd_ret *r = result_of(c->prog, node);
	// (Fresh on some paths: the call's context may make it fresh.)
	return r && ((r->known && r->fresh) || r->some_fresh);
}

// Could `o` be a value the solve will know: a constant, a variable some
// instruction assigns a constant (`data = -1; data = 10;`: the solve
// decides which reaches), or what the calling context fixed? A cheap
// over-approximation: it only decides whether to solve.
static bool may_be_known(const bh_bnd_fctx *c, const uint8_t *assigned_const, const bh_ir_opnd *o)
{
	int64_t k;
	if (bh_flow_const_of(&c->consts, o, &k))
		return true;
	if (o->kind != BH_IR_OPND_VAR)
		return false;
	const bh_bnd_arg *a = bh_bnd_ctx_arg(c, o->var);
	// (A struct passed by value may carry known fields.)
	return assigned_const[o->var] || (a && a->known) || (c->fn->vars[o->var].flags & BH_IR_VAR_RECORD);
}

bool bh_bnd_passes_known_values(const bh_bnd_fctx *c)
{
	const bh_ir_func *fn = c->fn;
	uint8_t *assigned_const = bh_arena_alloc(c->arena, fn->nvars + 1);
	memset(assigned_const, 0, fn->nvars + 1);
	bool global_known = c->ctx && c->ctx->nglobals;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->op != BH_IR_ASSIGN || in->dst.kind != BH_IR_OPND_VAR ||
			    !may_be_known(c, assigned_const, &in->args[0]))
				continue;
			assigned_const[in->dst.var] = 1;
			global_known |= bh_ir_var_is_global(&fn->vars[in->dst.var]);
		}
	}
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (callee_node(c, in) == SIZE_MAX)
				continue;
			if (global_known)
				return true;
			for (uint32_t a = 0; a < in->nargs; a++)
				if (may_be_known(c, assigned_const, &in->args[a]))
					return true;
		}
	}
	return false;
}

bool bh_bnd_call_program(bh_bnd_fctx *c, void *f, const bh_ir_instr *in)
{
	size_t node = callee_node(c, in);
	if (node == SIZE_MAX)
		return false;
	if (c->reporting)
		analyse_in_context(c, f, in, node);
	const bh_bnd_ret *r = result_of(c->prog, node);
	bh_bnd_ret in_context;
	if (r && !r->known && r->some_fresh && context_result(c, f, in, node, &in_context))
		r = &in_context;
	bh_bnd_val result = bh_bnd_top();
	uint32_t o = c->site_obj[in->id];
	if (r && r->known && r->fresh && o) {
		bh_bnd_ostate *st = &bh_bnd_objs_of(f)[o - 1];
		st->size = r->v;
		st->len = bh_bnd_itv_make(0, BH_BND_PINF);
		c->objs[o - 1].by = c->prog->graph->funcs[node]->name;
		result = bh_bnd_ptr(o, bh_bnd_itv_const(0), BH_BND_EV_BOTH);
	} else if (r && r->known && !r->fresh) {
		// A result that is always one constant is a value; a range (-1 on
		// error, else what was parsed) says nothing of what this call gets.
		result = bh_bnd_int(r->v, r->v.lo == r->v.hi ? BH_BND_EV_BOTH : 0);
	}
	if (r && r->input && !result.obj) // a helper that reads a number
		result.input = in->id + 1;
	// The callee may write through what it is given, except through a
	// pointer to const.
	const bh_ir_func *callee = c->prog->graph->funcs[node];
	for (uint32_t a = 0; a < in->nargs; a++)
		if (!(a < callee->nparams && points_to_const(bh_ir_func_param(callee, a))))
			bh_bnd_clobber_through(c, f, bh_bnd_eval(c, f, &in->args[a]));
	bh_bnd_set_dst(c, f, in, result);
	return true;
}

bh_status bh_bounds_run(const bh_ir_program *prog, const bh_bounds_options *opts, bh_findings *out,
			bh_diags *diags)
{
	if (!prog || !out || !diags)
		return BH_EINVAL;
	program pr;
	memset(&pr, 0, sizeof(pr));
	bh_bnd_program *p = &pr.base;
	p->out = out;
	p->diags = diags;
	p->cancel = opts ? opts->cancel : NULL;
	p->proved_fits = opts ? opts->proved_fits : NULL;
	p->payload = opts ? opts->payload : NULL;
	pr.top_out = out;
	pr.top_diags = diags;
	pr.top_fits = p->proved_fits;
	p->arena = bh_arena_new();
	bh_callgraph own;
	p->graph = bh_callgraph_acquire(opts ? opts->graph : NULL, &own, prog);
	size_t n = p->graph->nfuncs;
	p->rets = bh_arena_alloc(p->arena, (n + 1) * sizeof(*p->rets));
	memset(p->rets, 0, (n + 1) * sizeof(*p->rets));
	p->ret_state = bh_arena_alloc(p->arena, n + 1);
	memset(p->ret_state, 0, n + 1);
	p->contexts_of = bh_arena_alloc(p->arena, n + 1);
	memset(p->contexts_of, 0, n + 1);
	// A callee's part of a context's key: its name when traces need keys
	// that mean the same in the next scan, else its number.
	const bh_callgraph_ids *ids = opts && opts->reuse ? opts->ids : NULL;
	p->node_ids = bh_arena_alloc(p->arena, (n + 1) * sizeof(*p->node_ids));
	for (size_t i = 0; i < n; i++) {
		if (ids)
			bh_hash128_fast(&p->node_ids[i], ids->names[i], strlen(ids->names[i]));
		else
			p->node_ids[i] = (bh_hash128){ i + 1, 0 };
	}
	bh_bnd_trace_begin(p, ids ? opts->reuse : NULL, ids);
	bh_status err = BH_OK;
	for (size_t i = 0; i < n; i++) {
		if (p->cancel && *p->cancel) {
			err = BH_ECANCELED;
			break;
		}
		if (p->ret_state[i])
			continue; // analysed already, for a caller that needed its result
		if (bh_bnd_trace_replay(p, i))
			continue;
		bh_bnd_trace_start(p, i);
		p->ret_state[i] = 1;
		bh_bnd_analyse_function(p, p->graph->funcs[i], NULL, &p->rets[i]);
		p->ret_state[i] = 2;
		bh_bnd_trace_finish(p, i);
	}
	bh_bnd_trace_end(p);
	bh_bnd_keyset_dispose(&p->done);
	bh_bnd_keyset_dispose(&p->results);
	bh_ptrmap_dispose(&p->models);
	bh_callgraph_release(p->graph, &own);
	bh_arena_free(p->arena);
	return err;
}
