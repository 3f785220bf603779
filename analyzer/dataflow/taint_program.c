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
// untrusted data into a global, every read of it anywhere is tainted. A
// round that discovers a new tainted global is followed by another round
// (bounded by max_rounds) so that readers analysed earlier see it; only
// the last round's findings are kept.
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
		// Remote data in it too: remote, with the remote path. Not a new
		// tainted global, so no extra round.
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

// Analyse member `i` of a component again? Not if all it read in its last
// analysis (the other members' summaries, globals) is still the same.
static bool member_is_dirty(const bh_taint__program *p, size_t node)
{
	return !bh_taint__log_still_holds(p, &p->member_logs[node]);
}

static bool analyse_component(const size_t *nodes, size_t n, void *payload)
{
	round_state *rs = payload;
	bh_taint__program *p = rs->p;
	if (rs->cancel && *rs->cancel) {
		rs->canceled = true;
		return false;
	}
	// (A component is in one program: its members call each other.)
	p->program = bh_callgraph_program(p->graph, nodes[0]);
	// A later round: what the component read outside itself last round
	// is unchanged, so it would report the same again.
	bh_taint__run_log *log = &p->logs[nodes[0]];
	if (bh_taint__log_still_holds(p, log)) {
		for (size_t i = 0; i < n; i++)
			p->sums[nodes[i]] = p->last_sums[nodes[i]];
		bh_taint__replay(p, log);
		bh_taint__trace_again(p, nodes[0], rs->round);
		return true;
	}
	// An earlier scan's run of it whose reads hold now.
	if (bh_taint__trace_replay(p, nodes, n, rs->round)) {
		log->valid = false;
		return true;
	}
	bool recursive = n > 1 || bh_callgraph_calls_itself(p->graph, nodes[0]);
	// Members start with no summary (nothing flows) and are refined.
	for (size_t i = 0; i < n; i++) {
		p->sums[nodes[i]] = NULL;
		p->member[nodes[i]] = true;
		p->member_logs[nodes[i]].valid = false;
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
			bh_taint__record_member(p, &p->member_logs[nodes[i]]);
			bh_taint__analyse_function(p, p->graph->funcs[nodes[i]], s);
			p->analyses++;
			bh_taint__record_member(p, NULL);
			p->member_logs[nodes[i]].valid = true;
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
	return true;
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
	p.arena = bh_arena_new();
	p.models = models;
	size_t dummy;
	(void)bh_taint_models_find(models, "", &dummy); // seal before use
	bh_callgraph own;
	const bh_callgraph *graph = bh_callgraph_acquire(opts->graph, &own, prog);
	p.graph = graph;
	p.sums = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.sums));
	p.last_sums = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.last_sums));
	p.logs = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.logs));
	p.member_logs = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.member_logs));
	p.member = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.member));
	p.imported = opts->imported;
	bh_taint__import_globals(&p, opts->imported);
	// (A run that imports summaries keeps no traces: its results depend
	// on another scan's functions.)
	bool traced = opts->reuse && opts->ids && !opts->imported;
	bh_taint__trace_begin(&p, traced ? opts->reuse : NULL, opts->ids);

	unsigned max_rounds = opts->max_rounds ? opts->max_rounds : DEFAULT_ROUNDS;
	bh_findings round_findings;
	bh_diags round_diags;
	bh_status st = BH_OK;
	bool sound = true;
	for (unsigned round = 1;; round++) {
		bh_findings_init(&round_findings, p.arena);
		bh_diags_init(&round_diags, p.arena);
		p.findings = &round_findings;
		p.diags = &round_diags;
		p.tainted_at_round_start = p.tainted.len;
		bh_taint__trace_round(&p);
		round_state rs = { &p, opts->cancel, false, round };
		bh_callgraph_components(graph, analyse_component, &rs);
		p.program = NULL;
		if (rs.canceled) {
			st = BH_ECANCELED;
			break;
		}
		bool more = p.tainted.len > p.tainted_at_round_start;
		if (!more || round >= max_rounds) {
			// Exported, every summary is needed: replayed ones are
			// decoded now.
			for (size_t i = 0; opts->exported && i < graph->nfuncs; i++)
				(void)bh_taint__sum(&p, i);
			sound = bh_taint__trace_sound(&p);
			if (sound) {
				bh_findings_append(out, &round_findings);
				bh_diags_append(diags, &round_diags);
			}
			break;
		}
		bh_findings_dispose(&round_findings);
		bh_diags_dispose(&round_diags);
		bh_taint__summary **last = p.last_sums;
		p.last_sums = p.sums;
		p.sums = last;
		memset(p.sums, 0, (graph->nfuncs + 1) * sizeof(*p.sums));
	}
	bh_findings_dispose(&round_findings);
	bh_diags_dispose(&round_diags);
	if (opts->analyses)
		*opts->analyses = p.analyses;
	if (opts->exported && st == BH_OK && sound)
		bh_taint__export(&p, prog, opts->exported);
	for (size_t i = 0; i < graph->nfuncs; i++) {
		bh_taint__log_dispose(&p.logs[i]);
		bh_taint__log_dispose(&p.member_logs[i]);
	}
	bh_callgraph_release(graph, &own);
	free(p.sums);
	free(p.last_sums);
	free(p.logs);
	free(p.member_logs);
	free(p.member);
	bh_vec_dispose(&p.tainted);
	for (size_t i = 0; i < p.all_sums.len; i++) {
		bh_vec_dispose(&p.all_sums.items[i]->sinks);
		bh_vec_dispose(&p.all_sums.items[i]->fields);
		bh_vec_dispose(&p.all_sums.items[i]->globals);
	}
	bh_vec_dispose(&p.all_sums);
	bh_taint__trace_end(&p);
	bh_strset_dispose(&p.step_messages);
	bh_arena_free(p.arena);
	if (!sound) {
		// A stored summary did not decode: the traces are dropped and
		// everything is analysed again.
		bh_taint_options again = *opts;
		again.reuse = NULL;
		return bh_taint_run(prog, models, &again, out, diags);
	}
	return st;
}
