// SPDX-License-Identifier: MIT
// bh_calls_run: the whole-program part of the call checks, and the helpers
// their rules share. It notes which globals and fields any function reads
// (a result stored in one that nothing reads is never checked), then
// walks the call graph's strongly connected components callees first and
// analyses each function once its callees have summaries: wrappers that
// return the result of setuid, helpers that ignore a parameter, check a
// file name or open it. A recursive component is analysed twice, first
// for its summaries only.
//
// Requires: verified IR of every unit. Provides: c.unchecked-return and
// c.toctou findings with their paths.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataflow/call_checks_internal.h"

// ------------------------------------------------------------ resolution

bh_calls__target bh_calls__resolve(const bh_calls__fctx *c, const bh_ir_instr *in)
{
	bh_calls__target t = { NULL, NULL, NULL, 0 };
	const bh_ir_opnd *callee = in->callee.kind == BH_IR_OPND_VAR && in->callee.var >= c->fn->nvars
					   ? NULL
					   : bh_callgraph_single_callee(c->prog->graph, c->fn, in, c->fn_value);
	if (!callee || callee->kind != BH_IR_OPND_FUNC || !callee->str)
		return t;
	t.name = callee->str;
	// A function of the program is analysed, never modelled: the user's
	// own `chdir` is not libc's.
	size_t node = bh_callgraph_node_of_opnd(c->prog->graph, callee);
	if (node != SIZE_MAX) {
		bh_reuse__note_summary(c->prog->reuse, node);
		t.sum = c->prog->sums[node];
		return t;
	}
	t.models = bh_calls_models_find(c->prog->models, callee->str, &t.nmodels);
	return t;
}

const bh_calls_model *bh_calls__model(const bh_calls__target *t, bh_calls_model_kind kind)
{
	for (size_t i = 0; i < t->nmodels; i++)
		if (t->models[i].kind == kind)
			return &t->models[i];
	return NULL;
}


// ---------------------------------------------------------- definitions

// `s.f = v` and `a[i] = v` on a variable write part of it: they do not
// read it (as in flow_live.c).
bool bh_calls__reads(const bh_calls__fctx *c, const bh_ir_instr *in, uint32_t var)
{
	for (uint32_t a = 0; a < in->nargs; a++)
		if (in->args[a].kind == BH_IR_OPND_VAR && in->args[a].var == var &&
		    !bh_ir_stores_in_place(c->fn, in, a))
			return true;
	return in->callee.kind == BH_IR_OPND_VAR && in->callee.var == var;
}

// At most this many reaching definitions are looked at; with more, every
// question gets its conservative answer.
#define MAX_DEFS 32

bool bh_calls__reaches(const bh_calls__fctx *c, const bh_ir_instr *def, const bh_ir_instr *use,
		       uint32_t var)
{
	if (!c->reach)
		return true;
	uint32_t defs[MAX_DEFS];
	size_t n = bh_flow_reach_at(c->reach, use->id, var, defs, MAX_DEFS);
	if (n > MAX_DEFS)
		return true;
	for (size_t k = 0; k < n; k++)
		if (c->reach->defs[defs[k]].instr == def->id)
			return true;
	return false;
}

const bh_ir_instr *bh_calls__only_def(const bh_calls__fctx *c, const bh_ir_instr *at, uint32_t var,
				      bool *entry)
{
	if (entry)
		*entry = false;
	if (var >= c->fn->nvars)
		return NULL;
	if (c->fn->vars[var].kind == BH_IR_VAR_TEMP) {
		const bh_ir_instr *d = bh_ir_def_before(c->fn, at, var);
		if (d)
			return d;
	}
	if (!c->reach)
		return NULL;
	uint32_t defs[2];
	if (bh_flow_reach_at(c->reach, at->id, var, defs, 2) != 1)
		return NULL;
	const bh_flow_def *d = &c->reach->defs[defs[0]];
	if (d->instr == UINT32_MAX) {
		if (entry)
			*entry = true;
		return NULL;
	}
	return d->field ? NULL : bh_ir_instr_at(c->fn, d->instr);
}

// ------------------------------------------------------------------ walk

bool bh_calls__edge_feasible(const bh_calls__fctx *c, uint32_t from, uint32_t to)
{
	return c->feasible[to] && !bh_flow_edge_dead(&c->consts, c->fn, from, to);
}

// Blocks reachable from the entry without crossing an edge that a
// constant condition never takes.
static void find_feasible(bh_calls__fctx *c)
{
	const bh_ir_func *fn = c->fn;
	c->feasible = bh_arena_alloc(c->arena, fn->nblocks + 1);
	memset(c->feasible, 0, fn->nblocks + 1);
	uint32_t *stack = bh_arena_alloc(c->arena, (fn->nblocks + 1) * sizeof(*stack));
	size_t sp = 0;
	if (fn->nblocks) {
		c->feasible[0] = true;
		stack[sp++] = 0;
	}
	while (sp) {
		uint32_t b = stack[--sp];
		for (uint32_t k = 0; k < fn->blocks[b].nsuccs; k++) {
			uint32_t s = fn->blocks[b].succs[k];
			if (!c->feasible[s] && !bh_flow_edge_dead(&c->consts, fn, b, s)) {
				c->feasible[s] = true;
				stack[sp++] = s;
			}
		}
	}
}

// Each block is queued at most once: the queue never holds more than
// all the blocks.
static void make_walk_scratch(bh_calls__fctx *c)
{
	size_t n = (size_t)c->fn->nblocks + 1;
	c->walk_seen = bh_arena_alloc(c->arena, n);
	c->walk_queue = bh_arena_alloc(c->arena, n * sizeof(uint32_t));
}

// Breadth first, so that what is found first is nearest to `from` (the
// use a finding names is the first one after the check, not one a long
// way down another path).
void bh_calls__walk(const bh_calls__fctx *c, const bh_ir_instr *from,
		    bh_calls__next (*visit)(const bh_ir_instr *in, void *payload), void *payload)
{
	const bh_ir_func *fn = c->fn;
	bool *seen = c->walk_seen;
	memset(seen, 0, (size_t)fn->nblocks + 1);
	uint32_t *queue = c->walk_queue;
	size_t head = 0, tail = 0;
	uint32_t b = from->block;
	uint32_t first = (uint32_t)(from - fn->blocks[b].instrs) + 1;
	for (;;) {
		const bh_ir_block *blk = &fn->blocks[b];
		bool follow = true;
		for (uint32_t i = first; i < blk->ninstrs; i++) {
			const bh_ir_instr *in = &blk->instrs[i];
			if (in == from) { // around a loop, back where we started
				follow = false;
				break;
			}
			bh_calls__next next = visit(in, payload);
			if (next == BH_CALLS__STOP)
				return;
			if (next == BH_CALLS__CUT) {
				follow = false;
				break;
			}
		}
		for (uint32_t k = 0; follow && k < blk->nsuccs; k++) {
			uint32_t s = blk->succs[k];
			if (bh_calls__edge_feasible(c, b, s) && !seen[s]) {
				seen[s] = true;
				queue[tail++] = s;
			}
		}
		if (head == tail)
			return;
		b = queue[head++];
		first = 0;
	}
}

static bool feasible_edge(uint32_t from, uint32_t to, void *payload)
{
	return bh_calls__edge_feasible(payload, from, to);
}

const bh_flow_postdom *bh_calls__postdom(bh_calls__fctx *c)
{
	if (!c->postdom &&
	    bh_flow_compute_postdom(&c->postdom, c->arena, c->fn, feasible_edge, c) != BH_FLOW_DONE)
		c->postdom_failed = true;
	return c->postdom_failed ? NULL : c->postdom;
}

void bh_calls__decided_by(bh_calls__fctx *c, uint32_t branch, bool *decided)
{
	const bh_flow_postdom *pd = bh_calls__postdom(c);
	if (pd)
		bh_flow_control_dependents(pd, branch, decided, feasible_edge, c);
}

// --------------------------------------------------------------- reports

const char *bh_calls__operand_name(const bh_calls__fctx *c, const bh_ir_instr *in,
				   const bh_ir_opnd *o)
{
	if (o->kind == BH_IR_OPND_STR && o->str)
		return bh_arena_sprintf(c->prog->arena, "\"%s\"", o->str);
	return bh_ir_operand_text(c->fn, in, o, c->prog->arena);
}

void bh_calls__report(const bh_calls__fctx *c, bh_rule_id rule, const bh_ir_instr *at,
		      const char *snippet, const bh_finding_step *steps, size_t nsteps,
		      const char *last, const char *fmt, ...)
{
	if (!c->out)
		return;
	const bh_rule *r = bh_rule_get(rule);
	bh_findings *out = c->out;
	if (bh_calls__already_reported(c->prog, out, r, &at->loc, snippet))
		return; // one finding per rule, place and value
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	bh_finding *fd = bh_finding_add(out, r, at->loc, "%s", message);
	fd->function = bh_arena_strdup(out->arena, c->fn->name);
	fd->snippet = snippet ? bh_arena_strdup(out->arena, snippet) : NULL;
	for (size_t i = 0; i < nsteps; i++)
		bh_finding_add_flow(out, fd, steps[i].loc, steps[i].message);
	if (last)
		bh_finding_add_flow(out, fd, at->loc, last);
}

// --------------------------------------------------------- whole program

static bool global_unwritten(const bh_ir_var *v, void *payload)
{
	const bh_calls__program *p = payload;
	return !bh_callgraph_global_written(p->graph, v);
}

static bool call_const(const bh_ir_instr *call, int64_t *value, void *payload)
{
	const bh_calls__program *p = payload;
	return bh_callgraph_call_const(p->graph, call, value);
}

static bh_calls__summary *new_summary(bh_calls__program *p, const bh_ir_func *fn)
{
	bh_calls__summary *s = bh_arena_alloc(p->arena, sizeof(*s));
	memset(s, 0, sizeof(*s));
	s->fn = fn;
	size_t np = (size_t)fn->nparams + 1;
	s->param_unread = bh_arena_alloc(p->arena, np * sizeof(*s->param_unread));
	memset(s->param_unread, 0, np * sizeof(*s->param_unread));
	s->param_path = bh_arena_alloc(p->arena, np * sizeof(*s->param_path));
	memset(s->param_path, 0, np * sizeof(*s->param_path));
	s->path_by = bh_arena_alloc(p->arena, np * sizeof(*s->path_by));
	memset(s->path_by, 0, np * sizeof(*s->path_by));
	s->path_loc = bh_arena_alloc(p->arena, np * sizeof(*s->path_loc));
	memset(s->path_loc, 0, np * sizeof(*s->path_loc));
	return s;
}

static void analyse_acquired(bh_calls__program *p, size_t node, bh_findings *out)
{
	const bh_ir_func *fn = p->graph->funcs[node];
	bh_calls__summary *s = new_summary(p, fn);
	// A function cut short by the IR limits may read anything in the part
	// that is missing: it gets the summary of unknown code and no findings.
	if (fn->cut || !fn->nblocks) {
		p->sums[node] = s;
		return;
	}
	bh_calls__fctx c;
	memset(&c, 0, sizeof(c));
	c.prog = p;
	c.fn = fn;
	c.arena = bh_arena_new();
	c.sum = s;
	c.out = out;
	bh_flow_compute_consts(&c.consts, c.arena, fn, global_unwritten, call_const, p);
	find_feasible(&c);
	make_walk_scratch(&c);
	if (bh_flow_compute_reach(&c.reach, c.arena, fn, NULL) != BH_FLOW_DONE)
		c.reach = NULL;
	// `int (*drop)(uid_t) = setuid; drop(uid);` calls setuid.
	c.fn_value = bh_flow_function_values(c.arena, c.fn, NULL);
	bh_calls__unchecked(&c);
	bh_calls__toctou(&c);
	p->sums[node] = s;
	bh_arena_free(c.arena);
}

// Analyse one function: its summary, and its findings when `out`.
static void analyse(bh_calls__program *p, size_t node, bh_findings *out)
{
	bh_ir_func_acquire(p->graph->funcs[node]);
	analyse_acquired(p, node, out);
	bh_ir_func_release(p->graph->funcs[node]);
}

typedef struct {
	bh_calls__program *p;
	bh_findings *out;
	const volatile int *cancel;
	bool canceled;
} run_state;

static bool analyse_component(const size_t *nodes, size_t n, void *payload)
{
	run_state *rs = payload;
	if (rs->cancel && *rs->cancel) {
		rs->canceled = true;
		return false;
	}
	// Summaries are a few booleans that only grow while callers of the
	// component see more of it: one summary pass, then the real one.
	// An earlier scan analysed it and nothing it read changed.
	const bh_reuse__trace *t = bh_calls__trace_find(rs->p, nodes, n);
	if (t && bh_calls__trace_replay(rs->p, t, nodes, n)) {
		bh_reuse__replayed(rs->p->reuse, t, nodes, 0);
		return true;
	}
	bh_reuse__mark mark;
	bh_calls__trace_start(rs->p, nodes, n, &mark);
	bool recursive = n > 1 || bh_callgraph_calls_itself(rs->p->graph, nodes[0]);
	if (recursive)
		for (size_t i = 0; i < n; i++)
			analyse(rs->p, nodes[i], NULL);
	for (size_t i = 0; i < n; i++)
		analyse(rs->p, nodes[i], rs->out);
	bh_calls__trace_finish(rs->p, nodes, n, &mark);
	return true;
}

bh_status bh_calls_run(const bh_ir_program *prog, bh_calls_models *models,
		       const bh_calls_options *opts, bh_findings *out, bh_diags *diags)
{
	bh_calls_options defaults = BH_CALLS_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!prog || !models || !out || !diags)
		return BH_EINVAL;
	size_t dummy;
	(void)bh_calls_models_find(models, "", &dummy); // seal before use
	bh_callgraph own;
	const bh_callgraph *graph = bh_callgraph_acquire(opts->graph, &own, prog);
	bh_calls__program p;
	memset(&p, 0, sizeof(p));
	p.arena = bh_arena_new();
	p.models = models;
	p.graph = graph;
	p.sums = bh_xcalloc(graph->nfuncs + 1, sizeof(*p.sums));
	p.diags = diags;
	p.out = out;
	if (opts->reuse && opts->ids && opts->ids->n == graph->nfuncs) {
		p.reuse = opts->reuse;
		bh_reuse__begin(p.reuse, graph, opts->ids);
	}
	run_state rs = { &p, out, opts->cancel, false };
	bh_callgraph_components(graph, analyse_component, &rs);
	free(p.sums);
	bh_callgraph_release(graph, &own);
	bh_arena_free(p.arena);
	return rs.canceled ? BH_ECANCELED : BH_OK;
}
