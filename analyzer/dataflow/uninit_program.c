// SPDX-License-Identifier: MIT
// bh_uninit_run: the whole-program part of the uninitialised-read check.
// It walks the call graph's strongly connected components callees first,
// so that a caller sees the summaries of its callees: which fields of a
// struct passed by value they read, which fields of the struct they
// return are unset. In a recursive component a call to a member not yet
// analysed is unknown code (nothing read, nothing unset): one pass, no
// iteration, since a summary only ever adds findings in callers.
//
// Requires: verified IR of every unit. Provides: findings with paths.
#include <stdlib.h>
#include <string.h>

#include "dataflow/uninit_internal.h"

typedef struct {
	bh_uninit__program *p;
	const volatile int *cancel;
	bool canceled;
} run_state;

static bool analyse_component(const size_t *nodes, size_t n, void *payload)
{
	run_state *rs = payload;
	bh_uninit__program *p = rs->p;
	if (rs->cancel && *rs->cancel) {
		rs->canceled = true;
		return false;
	}
	// An earlier scan analysed it and nothing it read changed.
	const bh_reuse__trace *t = bh_uninit__trace_find(p, nodes, n);
	if (t && bh_uninit__trace_replay(p, t, nodes, n)) {
		bh_reuse__replayed(p->reuse, t, nodes, 0);
		return true;
	}
	bh_reuse__mark mark;
	bh_uninit__trace_start(p, nodes, n, &mark);
	for (size_t i = 0; i < n; i++) {
		bh_uninit__summary *s = bh_arena_alloc(p->arena, sizeof(*s));
		bh_uninit__analyse_function(p, p->graph->funcs[nodes[i]], s);
		p->sums[nodes[i]] = s;
	}
	bh_uninit__trace_finish(p, nodes, n, &mark);
	return true;
}

bh_status bh_uninit_run(const bh_ir_program *prog, const bh_uninit_options *opts,
			bh_findings *out, bh_diags *diags)
{
	bh_uninit_options defaults = BH_UNINIT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!prog || !out || !diags)
		return BH_EINVAL;
	bh_callgraph own;
	const bh_callgraph *graph = bh_callgraph_acquire(opts->graph, &own, prog);
	bh_uninit__program p;
	memset(&p, 0, sizeof(p));
	p.arena = bh_arena_new();
	p.graph = graph;
	p.sums = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.sums));
	p.diags = diags;
	p.out = out;
	if (opts->reuse && opts->ids && opts->ids->n == graph->nfuncs) {
		p.reuse = opts->reuse;
		bh_reuse__begin(p.reuse, graph, opts->ids);
	}
	run_state rs = { &p, opts->cancel, false };
	bh_callgraph_components(graph, analyse_component, &rs);
	free(p.sums);
	bh_callgraph_release(graph, &own);
	bh_arena_free(p.arena);
	return rs.canceled ? BH_ECANCELED : BH_OK;
}
