// SPDX-License-Identifier: MIT
// bh_taint_run: the whole-program part of the taint analysis. It walks the
// call graph's strongly connected components callees first (bh_callgraph)
// and analyses each function once its callees have summaries; a recursive
// component is iterated until its summaries stop changing (bounded), each
// pass analysing again only the members whose reads changed, and a later
// round replays the components whose reads did not (taint_reuse.c), as a
// later scan replays an earlier one's (taint_trace.c).
//
// Globals are flow-insensitive and program-wide: once any function stores
// untrusted data into a global, every read of it anywhere in its program is
// tainted. A round that discovers a new tainted global (or remote data in
// one that held the command line's) is followed by another round (bounded
// by max_rounds) so that readers analysed earlier see it; only the last
// round's findings are kept.
//
// The graph is analysed part by part (bh_callgraph_parts: whole programs,
// closed under calls), rounds within a part; a finished part's summaries,
// paths and logs are freed before the next starts, so that a context of
// many programs needs the memory of its largest.
//
// Requires: verified IR of every unit. Provides: findings with flows.
#include <stdint.h>
#include <string.h>

#include "dataflow/summaries_internal.h"

#define DEFAULT_ROUNDS 3
#define SCC_ITERATIONS 3

const bh_taint__summary *bh_taint__summary_of(const bh_taint__program *p, const char *usr)
{
	size_t n;
	const bh_summaries__entry *e = bh_summaries__linked(p->imported, p->graph, usr, &n);
	if (n == SIZE_MAX)
		return e && e->has_taint ? &e->taint : NULL;
	const bh_taint__summary *s = bh_taint__sum(p, n);
	bh_taint__note_sum_read(p, n, s);
	return s;
}

bh_taint__tainted_global *bh_taint__find_global(const bh_taint__program *p, const char *key)
{
	for (size_t i = 0; i < p->tainted.len; i++) {
		const bh_taint__tainted_global *g = &p->tainted.items[i];
		if ((!g->program || !p->program || g->program == p->program) && strcmp(g->key, key) == 0)
			return &p->tainted.items[i];
	}
	return NULL;
}

const bh_taint__tainted_global *bh_taint__global(const bh_taint__program *p, const char *key)
{
	const bh_taint__tainted_global *g = bh_taint__find_global(p, key);
	bh_taint__note_global_read(p, key, g);
	return g;
}

void bh_taint__taint_global(bh_taint__program *p, const char *key, bh_taint__path path,
			    const char *what, bool local)
{
	bh_taint__trace_taint(p, key, path, what, local);
	bh_taint__tainted_global *old = bh_taint__find_global(p, key);
	if (old) {
		// Remote data in it too: remote, with the remote path (a change:
		// readers analysed before it get another round).
		if (old->local && !local) {
			old->local = false;
			old->path = path;
			old->what = what;
			old->stamp = ++p->stamp;
		}
		return;
	}
	bh_taint__tainted_global g = { bh_arena_strdup(p->arena, key), path, what, local, ++p->stamp, 0, { 0 },
				       p->program };
	bh_vec_push(&p->tainted, g);
}

// ------------------------------------------------------------- analysis

typedef struct {
	bh_taint__program *p;
	const volatile int *cancel;
	bool canceled;
	unsigned round;
} round_state;

// Do two summaries say the same to callers?
static bool same_summary(const bh_taint__summary *a, const bh_taint__summary *b)
{
	if (!a || !b)
		return false;
	if (a->ret.labels != b->ret.labels || a->ret.no_upper != b->ret.no_upper ||
	    a->sinks.len != b->sinks.len || a->globals.len != b->globals.len)
		return false;
	for (uint32_t j = 0; j < a->nparams; j++)
		if (a->param_out[j].labels != b->param_out[j].labels)
			return false;
	if (a->fields.len != b->fields.len)
		return false;
	for (size_t i = 0; i < a->fields.len; i++)
		if (a->fields.items[i].val.labels != b->fields.items[i].val.labels)
			return false;
	return true;
}

// The logs of node `node` of the part being analysed.
static bh_taint__run_log *run_log(const bh_taint__program *p, size_t node)
{
	return &p->logs[p->local[node]];
}

static bh_taint__run_log *member_log(const bh_taint__program *p, size_t node)
{
	return &p->member_logs[p->local[node]];
}

// Analyse member `i` of a component again? Not if all it read in its last
// analysis (the other members' summaries, globals) is still the same.
static bool member_is_dirty(const bh_taint__program *p, size_t node)
{
	return !bh_taint__log_still_holds(p, member_log(p, node));
}

static void analyse_component(round_state *rs, const size_t *nodes, size_t n)
{
	bh_taint__program *p = rs->p;
	if (rs->cancel && *rs->cancel) {
		rs->canceled = true;
		return;
	}
	// (A component is in one program: its members call each other.)
	p->program = bh_callgraph_program(p->graph, nodes[0]);
	// A later round: what the component read outside itself last round
	// is unchanged, so it would report the same again.
	bh_taint__run_log *log = run_log(p, nodes[0]);
	if (bh_taint__log_still_holds(p, log)) {
		for (size_t i = 0; i < n; i++)
			p->sums[nodes[i]] = p->last_sums[nodes[i]];
		bh_taint__replay(p, log);
		bh_taint__trace_again(p, nodes[0], rs->round);
		return;
	}
	// An earlier scan's run of it whose reads hold now.
	if (bh_taint__trace_replay(p, nodes, n, rs->round)) {
		log->valid = false;
		return;
	}
	bool recursive = n > 1 || bh_callgraph_calls_itself(p->graph, nodes[0]);
	// Members start with no summary (nothing flows) and are refined.
	for (size_t i = 0; i < n; i++) {
		p->sums[nodes[i]] = NULL;
		p->member[nodes[i]] = true;
		member_log(p, nodes[i])->valid = false;
	}
	bh_taint__record(p, log);
	bh_taint__trace_start(p, nodes, n, rs->round);
	for (int iter = 0; iter < (recursive ? SCC_ITERATIONS : 1); iter++) {
		bool stable = true;
		for (size_t i = 0; i < n; i++) {
			// The same reads give the same summary and the same
			// reports (dropped as repeats): skip it.
			if (!member_is_dirty(p, nodes[i]))
				continue;
			bh_taint__summary *s = bh_arena_alloc(p->arena, sizeof(*s));
			bh_vec_push(&p->all_sums, s);
			bh_taint__record_member(p, member_log(p, nodes[i]));
			bh_taint__analyse_function(p, p->graph->funcs[nodes[i]], s);
			p->analyses++;
			bh_taint__record_member(p, NULL);
			member_log(p, nodes[i])->valid = true;
			if (!same_summary(p->sums[nodes[i]], s))
				stable = false;
			p->sums[nodes[i]] = s;
		}
		if (stable)
			break;
	}
	bh_taint__record(p, NULL);
	log->valid = true;
	bh_taint__trace_finish(p, nodes, n, log);
	for (size_t i = 0; i < n; i++)
		p->member[nodes[i]] = false;
}

// ------------------------------------------------------------- findings

void bh_taint__report(bh_taint__program *p, const bh_rule *rule, bh_loc loc,
		      const char *function, const char *snippet, const char *message,
		      const bh_taint__path *path)
{
	bh_taint__report_record r = { false, rule, loc, function, snippet, message,
				      path ? *path : (bh_taint__path){ NULL, 0, 0 } };
	bh_taint__note_report(p, &r);
	bh_findings *out = p->findings;
	if (bh_findings_find(out, rule, &loc, NULL))
		return; // one finding per sink, whatever the number of paths
	bh_finding *fd = bh_finding_add(out, rule, loc, "%s", message);
	fd->function = function ? bh_arena_strdup(out->arena, function) : NULL;
	fd->snippet = snippet ? bh_arena_strdup(out->arena, snippet) : NULL;
	bh_taint__path_iter it;
	bh_taint__path_iter_init(&it, path);
	for (const bh_finding_step *s; (s = bh_taint__path_next(&it)) != NULL;)
		bh_finding_add_flow(out, fd, s->loc, s->message);
}

// One part's rounds (bh_callgraph_parts): its findings and diagnostics
// of the last round go to `run_findings` and `run_diags` (a location
// another part reported already is not reported again); *sound is false
// when a stored summary did not decode.
static bh_status analyse_part(bh_taint__program *p, const bh_callgraph_parts *parts, size_t part,
			      const bh_taint_options *opts, bh_findings *run_findings, bh_diags *run_diags,
			      bool *sound)
{
	size_t first = parts->part_start[part], end = parts->part_start[part + 1];
	size_t nnodes;
	const size_t *nodes = bh_callgraph_part_nodes(parts, part, &nnodes);
	unsigned max_rounds = opts->max_rounds ? opts->max_rounds : DEFAULT_ROUNDS;
	// (The logs are the part's: a node's is at its index in the part.)
	p->logs = bh_xcalloc(nnodes + 1, sizeof(*p->logs));
	p->member_logs = bh_xcalloc(nnodes + 1, sizeof(*p->member_logs));
	for (size_t i = 0; i < nnodes; i++)
		p->local[nodes[i]] = i;
	bh_findings round_findings;
	bh_diags round_diags;
	bh_status st = BH_OK;
	for (unsigned round = 1;; round++) {
		bh_findings_init(&round_findings, p->arena);
		bh_diags_init(&round_diags, p->arena);
		p->findings = &round_findings;
		p->diags = &round_diags;
		uint64_t stamp_at_round_start = p->stamp;
		bh_taint__trace_round(p, nodes, nnodes);
		round_state rs = { p, opts->cancel, false, round };
		for (size_t c = first; c < end && !rs.canceled; c++)
			analyse_component(&rs, parts->nodes + parts->comp_start[c],
					  parts->comp_start[c + 1] - parts->comp_start[c]);
		p->program = NULL;
		if (rs.canceled) {
			st = BH_ECANCELED;
			break;
		}
		bool more = p->stamp > stamp_at_round_start;
		if (!more || round >= max_rounds) {
			// Exported, every summary is needed: replayed ones are
			// decoded now.
			for (size_t i = 0; opts->exported && i < nnodes; i++)
				(void)bh_taint__sum(p, nodes[i]);
			*sound = bh_taint__trace_sound(p);
			if (*sound) {
				bh_findings_append_new(run_findings, &round_findings);
				bh_diags_append(run_diags, &round_diags);
			}
			break;
		}
		bh_findings_dispose(&round_findings);
		bh_diags_dispose(&round_diags);
		for (size_t i = 0; i < nnodes; i++) {
			p->last_sums[nodes[i]] = p->sums[nodes[i]];
			p->sums[nodes[i]] = NULL;
		}
	}
	bh_findings_dispose(&round_findings);
	bh_diags_dispose(&round_diags);
	for (size_t i = 0; i < nnodes; i++) {
		bh_taint__log_dispose(&p->logs[i]);
		bh_taint__log_dispose(&p->member_logs[i]);
	}
	free(p->logs);
	free(p->member_logs);
	p->logs = p->member_logs = NULL;
	return st;
}

// The vectors of every summary made (the summaries are in the arena).
static void drop_summaries(bh_taint__program *p)
{
	for (size_t i = 0; i < p->all_sums.len; i++) {
		bh_vec_dispose(&p->all_sums.items[i]->sinks);
		bh_vec_dispose(&p->all_sums.items[i]->fields);
		bh_vec_dispose(&p->all_sums.items[i]->globals);
	}
	p->all_sums.len = 0;
}

// Forget a finished part: its summaries, paths and tainted globals
// (the imported ones, `shared`, back as they were before it), so that the
// next part starts from the memory the first did.
static void release_part(bh_taint__program *p, const bh_callgraph_parts *parts, size_t part,
			 const bh_taint__tainted_global *shared, size_t nshared)
{
	size_t n;
	const size_t *nodes = bh_callgraph_part_nodes(parts, part, &n);
	for (size_t i = 0; i < n; i++)
		p->sums[nodes[i]] = p->last_sums[nodes[i]] = NULL;
	bh_taint__trace_forget(p, nodes, n);
	drop_summaries(p);
	p->tainted.len = nshared;
	if (nshared)
		memcpy(p->tainted.items, shared, nshared * sizeof(*shared));
	bh_strset_dispose(&p->step_messages);
	bh_arena_free(p->arena);
	p->arena = NULL;
}

bh_status bh_taint_run(const bh_ir_program *prog, bh_taint_models *models,
		       const bh_taint_options *opts, bh_findings *out, bh_diags *diags)
{
	bh_taint_options defaults = BH_TAINT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!prog || !models || !out || !diags)
		return BH_EINVAL;
	bh_taint__program p;
	memset(&p, 0, sizeof(p));
	// (What outlives the parts: imported globals, the findings.)
	bh_arena *run_arena = bh_arena_new();
	p.arena = run_arena;
	p.models = models;
	size_t dummy;
	(void)bh_taint_models_find(models, "", &dummy); // seal before use
	bh_callgraph own;
	const bh_callgraph *graph = bh_callgraph_acquire(opts->graph, &own, prog);
	p.graph = graph;
	p.sums = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.sums));
	p.last_sums = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.last_sums));
	p.local = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.local));
	p.member = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.member));
	p.imported = opts->imported;
	bh_taint__import_globals(&p, opts->imported);
	size_t nshared = p.tainted.len;
	bh_taint__tainted_global *shared = bh_xcalloc(nshared + 1, sizeof(*shared));
	if (nshared)
		memcpy(shared, p.tainted.items, nshared * sizeof(*shared));
	// (A run that imports summaries keeps no traces: its results depend
	// on another scan's functions.)
	bool traced = opts->reuse && opts->ids && !opts->imported;
	bh_taint__trace_begin(&p, traced ? opts->reuse : NULL, opts->ids);

	// Part by part; a run that exports summaries keeps every part's until
	// it has written them.
	bh_callgraph_parts parts;
	bh_callgraph_parts_build(graph, &parts);
	bh_findings run_findings;
	bh_diags run_diags;
	bh_findings_init(&run_findings, run_arena);
	bh_diags_init(&run_diags, run_arena);
	bh_status st = BH_OK;
	bool sound = true;
	for (size_t k = 0; k < parts.nparts && st == BH_OK && sound; k++) {
		if (!opts->exported)
			p.arena = bh_arena_new();
		st = analyse_part(&p, &parts, k, opts, &run_findings, &run_diags, &sound);
		if (!opts->exported) {
			release_part(&p, &parts, k, shared, nshared);
			p.arena = run_arena;
		}
	}
	if (st == BH_OK && sound) {
		bh_findings_append(out, &run_findings);
		bh_diags_append(diags, &run_diags);
	}
	bh_findings_dispose(&run_findings);
	bh_diags_dispose(&run_diags);
	bh_callgraph_parts_dispose(&parts);
	free(shared);
	if (opts->analyses)
		*opts->analyses = p.analyses;
	if (opts->exported && st == BH_OK && sound)
		bh_taint__export(&p, prog, opts->exported);
	bh_callgraph_release(graph, &own);
	free(p.sums);
	free(p.last_sums);
	free(p.local);
	free(p.member);
	bh_vec_dispose(&p.tainted);
	drop_summaries(&p);
	bh_vec_dispose(&p.all_sums);
	bh_taint__trace_end(&p);
	bh_strset_dispose(&p.step_messages);
	bh_arena_free(run_arena);
	if (!sound) {
		// A stored summary did not decode: the traces are dropped and
		// everything is analysed again.
		bh_taint_options again = *opts;
		again.reuse = NULL;
		return bh_taint_run(prog, models, &again, out, diags);
	}
	return st;
}
