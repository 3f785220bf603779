// SPDX-License-Identifier: MIT
// bh_mem_run: the whole-program part of the memory checkers. It walks the
// call graph's strongly connected components callees first and analyses
// each function once its callees have summaries, so that allocation and
// deallocation wrappers, helpers that dereference or keep their
// parameters, and functions that may return NULL are known at every call.
// A recursive component is analysed again until its summaries stop
// changing (bounded), each pass analysing only the members whose reads
// changed (mem_reuse.c); only the last analysis' findings are kept. The
// components come part by part (bh_callgraph_parts), and a finished
// part's summaries are freed before the next starts.
//
// Requires: verified IR of every unit. Provides: findings with paths.
#include <string.h>

#include "dataflow/summaries_internal.h"

#define SCC_ITERATIONS 3

const bh_mem__summary *bh_mem__callee_summary(const bh_mem__program *p, const bh_ir_opnd *callee)
{
	size_t n = bh_callgraph_node_of_opnd(p->graph, callee);
	// A summary read from a file, if the call links to one (no body here,
	// or another shard's definition is the caller's own program's).
	if (callee->kind == BH_IR_OPND_FUNC && callee->usr && p->imported) {
		const bh_summaries__entry *e = bh_summaries__linked(p->imported, p->graph, callee->usr, &n);
		if (e)
			return e->mem;
	}
	if (n != SIZE_MAX) {
		bh_mem__note_read(p, n, p->sums[n]);
		bh_reuse__note_summary(p->reuse, n);
		return p->sums[n];
	}
	return NULL;
}

// Summaries start out absent: a function with a body but no summary yet
// (a recursive call in the first iteration) is unknown code.
static bool same_summary(const bh_mem__summary *a, const bh_mem__summary *b)
{
	if (!a || !b || a->noreturn != b->noreturn || a->ret_fresh != b->ret_fresh ||
	    a->ret_may_null != b->ret_may_null || a->ret_sure != b->ret_sure ||
	    a->ret_null_oom != b->ret_null_oom || a->ret_sure_param != b->ret_sure_param ||
	    a->ret_realloc != b->ret_realloc ||
	    a->ret_static != b->ret_static || a->ret_param != b->ret_param ||
	    a->ret_freed != b->ret_freed || a->ret_null != b->ret_null || a->incomplete != b->incomplete)
		return false;
	for (uint32_t j = 0; j < a->nparams; j++)
		if (a->param[j] != b->param[j])
			return false;
	if (a->nind != b->nind)
		return false;
	for (uint32_t i = 0; i < a->nind; i++)
		if (a->ind[i].kind != b->ind[i].kind || a->ind[i].bits != b->ind[i].bits ||
		    a->ind[i].param != b->ind[i].param || a->ind[i].global != b->ind[i].global)
			return false;
	return true;
}

// Context-specialised analyses are cheap (a function is small) but not
// free: at most this many per scan, functions of at most this many
// instructions.
#define MAX_SPECIAL 4096
#define MAX_SPECIAL_INSTRS 4000
#define MAX_SPECIAL_DEPTH 3

// Two calling contexts fix the same things (compared member by member:
// the struct has padding).
static bool same_context(const bh_mem__context *a, const bh_mem__context *b)
{
	for (int i = 0; i < BH_MEM__MAX_CONTEXT; i++)
		if (a->known[i] != b->known[i] || (a->known[i] && a->value[i] != b->value[i]))
			return false;
	if (a->nglobals != b->nglobals)
		return false;
	for (uint32_t i = 0; i < a->nglobals; i++)
		if (a->global[i] != b->global[i] || a->global_value[i] != b->global_value[i])
			return false;
	return true;
}

const bh_mem__summary *bh_mem__specialize(bh_mem__program *p, size_t node, const bh_mem__context *ctx)
{
	// Its result is a function of the callee's IR (and of the summaries
	// it reads, noted as they are read).
	bh_reuse__note_node(p->reuse, node);
	for (size_t i = 0; i < p->special.len; i++)
		if (p->special.items[i].node == node &&
		    same_context(&p->special.items[i].ctx, ctx))
			return p->special.items[i].sum; // NULL while it is being analysed (recursion)
	const bh_ir_func *fn = p->graph->funcs[node];
	if (p->special.len + p->special_dropped >= MAX_SPECIAL || fn->ninstrs > MAX_SPECIAL_INSTRS ||
	    p->special_depth >= MAX_SPECIAL_DEPTH)
		return NULL;
	size_t slot = p->special.len;
	bh_mem__special sp = { node, *ctx, NULL };
	bh_vec_push(&p->special, sp);
	bh_mem__summary *s = bh_arena_alloc(p->arena, sizeof(*s));
	bh_findings scratch;
	bh_findings_init(&scratch, p->arena);
	bh_diags quiet;
	bh_diags_init(&quiet, p->arena);
	bh_diags *saved = p->diags;
	p->diags = &quiet; // the function's own analysis reports its notes
	p->special_depth++;
	bh_mem__analyse_function(p, fn, s, &scratch, ctx);
	p->special_depth--;
	p->diags = saved;
	bh_diags_dispose(&quiet);
	bh_findings_dispose(&scratch);
	p->special.items[slot].sum = s;
	return s;
}

typedef struct {
	bh_mem__program *p;
	bh_findings *out;
	const volatile int *cancel;
	bool canceled;
} run_state;

static bool analyse_component(const size_t *nodes, size_t n, void *payload)
{
	run_state *rs = payload;
	bh_mem__program *p = rs->p;
	if (rs->cancel && *rs->cancel) {
		rs->canceled = true;
		return false;
	}
	// An earlier scan analysed it and nothing it read changed.
	const bh_reuse__trace *t = bh_reuse__find(p->reuse, nodes, n, 0, NULL, NULL);
	if (t && bh_mem__trace_replay(p, t, nodes, n, rs->out)) {
		bh_reuse__replayed(p->reuse, t, nodes, 0);
		return true;
	}
	bh_mem__trace_mark mark;
	bh_mem__trace_start(p, nodes, n, &mark);
	bool recursive = n > 1 || bh_callgraph_calls_itself(p->graph, nodes[0]);
	// The members' logs live as long as the component's iterations: a
	// program's worth of them would grow with the program.
	bh_mem__member_log *logs = bh_xcalloc(n, sizeof(*logs));
	for (size_t i = 0; i < n; i++) {
		p->sums[nodes[i]] = NULL;
		p->member[nodes[i]] = true;
	}
	for (int iter = 0; iter < (recursive ? SCC_ITERATIONS : 1); iter++) {
		bool stable = true;
		for (size_t i = 0; i < n; i++) {
			bh_mem__member_log *log = &logs[i];
			// Its reads unchanged: the same summary and findings.
			if (bh_mem__replay_member(p, log))
				continue;
			bh_mem__summary *s = bh_arena_alloc(p->arena, sizeof(*s));
			bh_mem__record_member(p, log);
			bh_mem__analyse_function(p, p->graph->funcs[nodes[i]], s, &log->found, NULL);
			bh_mem__record_member(p, NULL);
			log->valid = true;
			p->analyses++;
			if (!same_summary(p->sums[nodes[i]], s))
				stable = false;
			p->sums[nodes[i]] = s;
		}
		if (stable)
			break;
	}
	// The last pass' findings: each member's from its last analysis, in
	// order, one per rule, place and value as bh_mem__report keeps them.
	bh_findings found;
	bh_findings_init(&found, p->arena);
	for (size_t i = 0; i < n; i++) {
		const bh_findings *mine = &logs[i].found;
		for (size_t k = 0; k < mine->items.len; k++) {
			const bh_finding *f = &mine->items.items[k];
			if (!bh_findings_find(&found, f->rule, &f->loc, f->snippet))
				bh_vec_push(&found.items, *f);
		}
		p->member[nodes[i]] = false;
	}
	bh_mem__trace_finish(p, nodes, n, &found, &mark);
	bh_findings_append(rs->out, &found);
	bh_findings_dispose(&found);
	for (size_t i = 0; i < n; i++)
		bh_mem__member_log_dispose(&logs[i]);
	free(logs);
	return true;
}

bool bh_mem__single_use(const bh_mem__program *p, const bh_mem__summary *s)
{
	if (s && !s->fn)
		return s->single_use; // from a summaries file
	size_t n = s && s->fn && s->usr ? bh_callgraph_node(p->graph, s->usr) : SIZE_MAX;
	return n != SIZE_MAX && p->graph->funcs[n] == s->fn && bh_callgraph_single_use(p->graph, n);
}

// Is NULL what the program itself expects of the function whose result
// `checked` places test and `unchecked` use unchecked, so that the
// unchecked uses deviate? At least as many must check as not; and once
// three or more use it unchecked, twice as many: then the checks are as
// likely the exception (`lua_tolstring()` after the caller tested the
// value's type: 9 checked, 6 not, all six safe in lua 5.4). A few uses
// say little either way, and one check beside one unchecked use is how a
// small program shows the bug. (CodeQL's cpp/inconsistent-null-check
// asks for 70 % at any count.)
static bool checks_are_the_rule(uint32_t checked, uint32_t unchecked)
{
	return checked >= unchecked && (unchecked < 3 || checked >= 2 * (uint64_t)unchecked);
}

// The held-back unchecked-NULL findings whose function's checks are the
// rule.
static void release_held(bh_mem__program *p, bh_findings *out)
{
	bh_findings keep;
	bh_findings_init(&keep, p->arena);
	// (held_node grows with held: one node a finding.)
	for (size_t i = 0; i < p->held->items.len && i < p->held_node.len; i++) {
		size_t node = p->held_node.items[i];
		if (checks_are_the_rule(p->null_checked[node], p->null_unchecked[node]))
			bh_vec_push(&keep.items, p->held->items.items[i]);
	}
	bh_findings_append(out, &keep);
	bh_vec_dispose(&keep.items);
}

// Forget a finished part (bh_callgraph_parts: closed under calls, so no
// later part reads its summaries or asks for its functions in a calling
// context): the summaries, contexts and messages in its arena. What
// outlives the parts is in `run_arena`: the held findings.
static void release_part(bh_mem__program *p, const bh_callgraph_parts *parts, size_t part,
			 bh_arena *run_arena)
{
	size_t n;
	const size_t *nodes = bh_callgraph_part_nodes(parts, part, &n);
	for (size_t i = 0; i < n; i++)
		p->sums[nodes[i]] = NULL;
	p->special_dropped += p->special.len;
	p->special.len = 0;
	bh_arena_free(p->arena);
	p->arena = run_arena;
}

// One run over the program; `reuse` replays what it can. Sets
// `*over_budget` when the analyses in a calling context the run made and
// those the replayed components had made might together have reached
// MAX_SPECIAL: a run without reuse would then have refused some, and its
// results could differ.
static bh_status run(const bh_ir_program *prog, bh_mem_models *models, const bh_mem_options *opts,
		     bh_reuse *reuse, bh_findings *out, bh_diags *diags, bool *over_budget)
{
	bh_callgraph own;
	const bh_callgraph *graph = bh_callgraph_acquire(opts->graph, &own, prog);
	bh_mem__program p;
	memset(&p, 0, sizeof(p));
	p.arena = bh_arena_new();
	p.models = models;
	p.graph = graph;
	p.sums = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.sums));
	p.diags = diags;
	p.imported = opts->imported;
	p.null_checked = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.null_checked));
	p.null_unchecked = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.null_unchecked));
	p.member = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.member));
	if (reuse && opts->ids && opts->ids->n == graph->nfuncs) {
		p.reuse = reuse;
		p.ids = opts->ids;
		bh_reuse__begin(reuse, graph, opts->ids);
	}
	bh_findings held;
	bh_findings_init(&held, p.arena);
	p.held = &held;
	run_state rs = { &p, out, opts->cancel, false };
	// Part by part, so that memory grows with the largest program of the
	// context, not with how many it holds; a run that exports summaries
	// keeps every part's until it has written them.
	bh_arena *run_arena = p.arena;
	bh_callgraph_parts parts;
	bh_callgraph_parts_build(graph, &parts);
	for (size_t k = 0; k < parts.nparts && !rs.canceled; k++) {
		if (!opts->exported)
			p.arena = bh_arena_new();
		for (size_t c = parts.part_start[k]; c < parts.part_start[k + 1]; c++)
			if (!analyse_component(parts.nodes + parts.comp_start[c],
					       parts.comp_start[c + 1] - parts.comp_start[c], &rs))
				break;
		if (!opts->exported)
			release_part(&p, &parts, k, run_arena);
	}
	bh_callgraph_parts_dispose(&parts);
	release_held(&p, out);
	*over_budget = p.reuse && p.special.len + p.special_dropped + p.replayed_special >= MAX_SPECIAL;
	if (opts->analyses)
		*opts->analyses = p.analyses;
	// (A run whose results do not stand exports nothing: the next does.)
	if (opts->exported && !rs.canceled && !*over_budget)
		bh_mem__export(&p, prog, opts->exported);
	bh_findings_dispose(&held);
	bh_vec_dispose(&p.held_node);
	bh_vec_dispose(&p.checked_events);
	free(p.member);
	free(p.null_checked);
	free(p.null_unchecked);
	free(p.sums);
	bh_vec_dispose(&p.special);
	bh_callgraph_release(graph, &own);
	bh_arena_free(p.arena);
	return rs.canceled ? BH_ECANCELED : BH_OK;
}

bh_status bh_mem_run(const bh_ir_program *prog, bh_mem_models *models,
		     const bh_mem_options *opts, bh_findings *out, bh_diags *diags)
{
	bh_mem_options defaults = BH_MEM_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!prog || !models || !out || !diags)
		return BH_EINVAL;
	size_t dummy;
	(void)bh_mem_models_find(models, "", &dummy); // seal before use
	size_t nout = out->items.len, ndiags = diags->items.len;
	bool over_budget = false;
	bh_status st = run(prog, models, opts, opts->reuse, out, diags, &over_budget);
	if (st == BH_OK && over_budget) {
		// Again without reuse, and no traces of this run for the next.
		out->items.len = nout;
		diags->items.len = ndiags;
		bh_reuse__invalidate(opts->reuse);
		st = run(prog, models, opts, NULL, out, diags, &over_budget);
	}
	return st;
}
