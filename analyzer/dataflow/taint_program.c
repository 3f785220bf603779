// SPDX-License-Identifier: MIT
// bh_taint_run: the whole-program part of the taint analysis. It indexes
// every function of every translation unit by USR (the call graph's key, so
// that a call in one file reaches the definition in another), orders the
// call graph's strongly connected components callees first (Tarjan), and
// analyses each function once its callees have summaries; a recursive
// component is iterated until its summaries stop changing (bounded).
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

#include "dataflow/taint_internal.h"

#define DEFAULT_ROUNDS 3
#define SCC_ITERATIONS 3

// ------------------------------------------------------------- program

void bh_ir_program_init(bh_ir_program *p)
{
	memset(p, 0, sizeof(*p));
}

void bh_ir_program_dispose(bh_ir_program *p)
{
	for (size_t i = 0; i < p->arenas.len; i++)
		bh_arena_free(p->arenas.items[i]);
	bh_vec_dispose(&p->arenas);
	bh_vec_dispose(&p->units);
}

static const char *func_key(const bh_ir_func *fn)
{
	return fn->usr ? fn->usr : fn->name;
}

// The slot of `usr` in p->by_usr: where its node is, or the empty slot
// where it would go.
static size_t usr_slot(const bh_taint__program *p, const char *usr)
{
	size_t j = bh_hash_string(usr) & (p->cap - 1);
	while (p->by_usr[j] && strcmp(func_key(p->funcs[p->by_usr[j] - 1]), usr) != 0)
		j = (j + 1) & (p->cap - 1);
	return j;
}

// The node of the function called `usr`, or SIZE_MAX.
static size_t node_of(const bh_taint__program *p, const char *usr)
{
	if (!usr || !p->cap)
		return SIZE_MAX;
	size_t j = usr_slot(p, usr);
	return p->by_usr[j] ? p->by_usr[j] - 1 : SIZE_MAX;
}

bh_taint__summary *bh_taint__summary_of(bh_taint__program *p, const char *usr)
{
	size_t n = node_of(p, usr);
	return n == SIZE_MAX ? NULL : p->sums[n];
}

const char *bh_taint__global_key(const bh_ir_var *v)
{
	return v->usr ? v->usr : v->name;
}

const bh_taint__tainted_global *bh_taint__global(const bh_taint__program *p, const char *key)
{
	for (size_t i = 0; i < p->tainted.len; i++)
		if (strcmp(p->tainted.items[i].key, key) == 0)
			return &p->tainted.items[i];
	return NULL;
}

void bh_taint__taint_global(bh_taint__program *p, const char *key, bh_taint__path path,
			    const char *what, bool local)
{
	bh_taint__tainted_global *old = (bh_taint__tainted_global *)bh_taint__global(p, key);
	if (old) {
		// Remote data in it too: remote, with the remote path. Not a new
		// tainted global, so no extra round.
		if (old->local && !local) {
			old->local = false;
			old->path = path;
			old->what = what;
		}
		return;
	}
	bh_taint__tainted_global g = { bh_arena_strdup(p->arena, key), path, what, local };
	bh_vec_push(&p->tainted, g);
}

bool bh_taint__global_written(const bh_taint__program *p, const char *key)
{
	return bh_strset_contains(&p->written, key);
}

// A global is written where it is assigned, stored into, or where its
// address escapes (then anything may write it).
static void note_writes(bh_taint__program *p, const bh_ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			const bh_ir_opnd *w = NULL;
			if (in->dst.kind == BH_IR_OPND_VAR)
				w = &in->dst;
			if (in->op == BH_IR_ADDR || in->op == BH_IR_FIELD_STORE ||
			    in->op == BH_IR_INDEX_STORE || in->op == BH_IR_FIELD_ADDR ||
			    in->op == BH_IR_INDEX_ADDR)
				w = &in->args[0];
			if (w && w->kind == BH_IR_OPND_VAR) {
				const bh_ir_var *v = &fn->vars[w->var];
				if (v->kind == BH_IR_VAR_GLOBAL || v->kind == BH_IR_VAR_STATIC)
					bh_strset_insert(&p->written, bh_taint__global_key(v));
			}
		}
}

static bool same_place(const bh_loc *a, const bh_loc *b)
{
	return a->line == b->line && a->col == b->col && a->path && b->path &&
	       strcmp(a->path, b->path) == 0;
}

static void index_functions(bh_taint__program *p, const bh_ir_program *prog)
{
	size_t n = 0;
	for (size_t u = 0; u < prog->units.len; u++)
		n += prog->units.items[u].nfuncs;
	p->cap = 16;
	while (p->cap < n * 2)
		p->cap *= 2;
	p->by_usr = bh_xcalloc(p->cap, sizeof(*p->by_usr));
	p->funcs = bh_xcalloc(n + 1, sizeof(*p->funcs));
	p->sums = bh_xcalloc(n + 1, sizeof(*p->sums));
	for (size_t u = 0; u < prog->units.len; u++)
		for (const bh_ir_func *fn = prog->units.items[u].first; fn; fn = fn->next) {
			size_t j = usr_slot(p, func_key(fn));
			if (p->by_usr[j] && same_place(&p->funcs[p->by_usr[j] - 1]->loc, &fn->loc))
				continue; // an inline function of a header, seen again
			note_writes(p, fn);
			p->funcs[p->nfuncs++] = fn;
			if (!p->by_usr[j])
				p->by_usr[j] = p->nfuncs;
		}
}

// ------------------------------------------------------------ call graph

typedef BH_VEC(size_t) size_vec;

typedef struct {
	size_t *succ_start; // CSR adjacency over function slots
	size_t *succ;
	size_t nsucc;
} call_graph;

static void add_callee(const bh_taint__program *p, size_vec *out, const bh_ir_opnd *o)
{
	if (o->kind != BH_IR_OPND_FUNC)
		return;
	size_t n = node_of(p, o->usr ? o->usr : o->str);
	if (n != SIZE_MAX)
		bh_vec_push(out, n);
}

// Edges: direct calls, and every function named as a value (a function
// pointer may call it from here).
static void build_call_graph(call_graph *g, const bh_taint__program *p)
{
	size_vec edges = { 0 };
	g->succ_start = bh_xcalloc(p->nfuncs + 1, sizeof(*g->succ_start));
	for (size_t s = 0; s < p->nfuncs; s++) {
		g->succ_start[s] = edges.len;
		const bh_ir_func *fn = p->funcs[s];
		if (!fn)
			continue;
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
				const bh_ir_instr *in = &fn->blocks[b].instrs[i];
				add_callee(p, &edges, &in->callee);
				for (uint32_t a = 0; a < in->nargs; a++)
					add_callee(p, &edges, &in->args[a]);
			}
	}
	g->succ_start[p->nfuncs] = edges.len;
	g->succ = edges.items;
	g->nsucc = edges.len;
}

// Tarjan's algorithm without recursion; `emit` gets each component,
// callees before callers.
typedef struct {
	size_t *index, *low;
	bool *on_stack;
	size_t *stack, sp;
	size_t next;
} tarjan;

typedef struct {
	size_t node, edge;
} frame;

static void strongly_connected(const call_graph *g, const bh_taint__program *p,
			       void (*emit)(const size_t *nodes, size_t n, void *payload),
			       void *payload)
{
	tarjan t = {
		bh_xcalloc(p->nfuncs + 1, sizeof(size_t)), bh_xcalloc(p->nfuncs + 1, sizeof(size_t)),
		bh_xcalloc(p->nfuncs + 1, sizeof(bool)), bh_xcalloc(p->nfuncs + 1, sizeof(size_t)), 0, 1,
	};
	frame *calls = bh_xcalloc(p->nfuncs + 1, sizeof(*calls));
	for (size_t root = 0; root < p->nfuncs; root++) {
		if (t.index[root])
			continue;
		size_t depth = 0;
		calls[depth++] = (frame){ root, g->succ_start[root] };
		t.index[root] = t.low[root] = t.next++;
		t.stack[t.sp++] = root;
		t.on_stack[root] = true;
		while (depth) {
			frame *f = &calls[depth - 1];
			if (f->edge < g->succ_start[f->node + 1]) {
				size_t w = g->succ[f->edge++];
				if (!t.index[w]) {
					t.index[w] = t.low[w] = t.next++;
					t.stack[t.sp++] = w;
					t.on_stack[w] = true;
					calls[depth++] = (frame){ w, g->succ_start[w] };
				} else if (t.on_stack[w] && t.index[w] < t.low[f->node]) {
					t.low[f->node] = t.index[w];
				}
				continue;
			}
			size_t v = f->node;
			depth--;
			if (depth && t.low[v] < t.low[calls[depth - 1].node])
				t.low[calls[depth - 1].node] = t.low[v];
			if (t.low[v] == t.index[v]) {
				size_t start = t.sp;
				do {
					start--;
					t.on_stack[t.stack[start]] = false;
				} while (t.stack[start] != v);
				emit(&t.stack[start], t.sp - start, payload);
				t.sp = start;
			}
		}
	}
	free(calls);
	free(t.index);
	free(t.low);
	free(t.on_stack);
	free(t.stack);
}

// ------------------------------------------------------------- analysis

typedef struct {
	bh_taint__program *p;
	const call_graph *g;
	const volatile int *cancel;
	bool canceled;
} round_state;

static bool is_recursive(const call_graph *g, size_t node)
{
	for (size_t e = g->succ_start[node]; e < g->succ_start[node + 1]; e++)
		if (g->succ[e] == node)
			return true;
	return false;
}

// Do two summaries say the same to callers?
static bool same_summary(const bh_taint__summary *a, const bh_taint__summary *b)
{
	if (!a || !b)
		return false;
	if (a->ret.labels != b->ret.labels || a->ret.no_upper != b->ret.no_upper ||
	    a->sinks.len != b->sinks.len || a->globals.len != b->globals.len)
		return false;
	for (uint32_t j = 0; j < a->fn->nparams; j++)
		if (a->param_out[j].labels != b->param_out[j].labels)
			return false;
	if (a->fields.len != b->fields.len)
		return false;
	for (size_t i = 0; i < a->fields.len; i++)
		if (a->fields.items[i].val.labels != b->fields.items[i].val.labels)
			return false;
	return true;
}

static void analyse_component(const size_t *nodes, size_t n, void *payload)
{
	round_state *rs = payload;
	bh_taint__program *p = rs->p;
	if (rs->canceled || (rs->cancel && *rs->cancel)) {
		rs->canceled = true;
		return;
	}
	bool recursive = n > 1 || is_recursive(rs->g, nodes[0]);
	// Members start with no summary (nothing flows) and are refined.
	for (size_t i = 0; i < n; i++)
		p->sums[nodes[i]] = NULL;
	for (int iter = 0; iter < (recursive ? SCC_ITERATIONS : 1); iter++) {
		bool stable = true;
		for (size_t i = 0; i < n; i++) {
			bh_taint__summary *s = bh_arena_alloc(p->arena, sizeof(*s));
			bh_vec_push(&p->all_sums, s);
			bh_taint__analyse_function(p, p->funcs[nodes[i]], s);
			if (!same_summary(p->sums[nodes[i]], s))
				stable = false;
			p->sums[nodes[i]] = s;
		}
		if (stable)
			break;
	}
}

// ------------------------------------------------------------- findings

void bh_taint__report(bh_taint__program *p, const bh_rule *rule, bh_loc loc,
		      const char *function, const char *snippet, const char *message,
		      const bh_taint__path *path)
{
	bh_findings *out = p->findings;
	for (size_t i = 0; i < out->items.len; i++) {
		const bh_finding *f = &out->items.items[i];
		if (f->rule == rule && f->loc.line == loc.line && f->loc.col == loc.col &&
		    f->loc.path && loc.path && strcmp(f->loc.path, loc.path) == 0)
			return; // one finding per sink, whatever the number of paths
	}
	bh_finding *fd = bh_finding_add(out, rule, loc, "%s", message);
	fd->function = function ? bh_arena_strdup(out->arena, function) : NULL;
	fd->snippet = snippet ? bh_arena_strdup(out->arena, snippet) : NULL;
	for (size_t i = 0; path && i < path->len; i++)
		bh_finding_add_flow(out, fd, path->steps[i].loc, path->steps[i].message);
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
	index_functions(&p, prog);
	call_graph g;
	build_call_graph(&g, &p);

	unsigned max_rounds = opts->max_rounds ? opts->max_rounds : DEFAULT_ROUNDS;
	bh_findings round_findings;
	bh_diags round_diags;
	bh_status st = BH_OK;
	for (unsigned round = 1;; round++) {
		bh_findings_init(&round_findings, p.arena);
		bh_diags_init(&round_diags, p.arena);
		p.findings = &round_findings;
		p.diags = &round_diags;
		p.tainted_at_round_start = p.tainted.len;
		round_state rs = { &p, &g, opts->cancel, false };
		strongly_connected(&g, &p, analyse_component, &rs);
		if (rs.canceled) {
			st = BH_ECANCELED;
			break;
		}
		bool more = p.tainted.len > p.tainted_at_round_start;
		if (!more || round >= max_rounds) {
			bh_findings_append(out, &round_findings);
			bh_diags_append(diags, &round_diags);
			break;
		}
		bh_findings_dispose(&round_findings);
		bh_diags_dispose(&round_diags);
	}
	bh_findings_dispose(&round_findings);
	bh_diags_dispose(&round_diags);
	free(g.succ_start);
	free(g.succ);
	free(p.funcs);
	free(p.by_usr);
	free(p.sums);
	bh_strset_dispose(&p.written);
	bh_vec_dispose(&p.tainted);
	for (size_t i = 0; i < p.all_sums.len; i++) {
		bh_vec_dispose(&p.all_sums.items[i]->sinks);
		bh_vec_dispose(&p.all_sums.items[i]->fields);
		bh_vec_dispose(&p.all_sums.items[i]->globals);
	}
	bh_vec_dispose(&p.all_sums);
	bh_arena_free(p.arena);
	return st;
}
