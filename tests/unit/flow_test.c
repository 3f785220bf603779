// SPDX-License-Identifier: MIT
// Unit tests for the dataflow framework (bh_flow): the generic solver in
// both directions (hand-built CFGs), widening, shared facts and edges
// that leave their fact alone, the visit budget on a
// pathological CFG, reaching definitions on lowered C (tests/ir/reach.c),
// liveness, dominators and post-dominators, and a 10,000-statement
// function end to end.
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/clang.h"
#include "bulkhead/diag.h"
#include "bulkhead/flow.h"
#include "bulkhead/ir.h"
#include "dataflow/flow_random.h"
#include "program.h"

#define CASES BH_SOURCE_ROOT "/tests/ir"

static bh_arena *arena;

static void setup(void) { arena = bh_arena_new(); }
static void teardown(void) { bh_arena_free(arena); }

TestSuite(flow, .init = setup, .fini = teardown);

static const bh_loc LOC = { "t.c", 1, 1, 0, 0 };

// ------------------------------------------------------------------ helpers

static bh_ir_unit *lower_file(const char *dir, const char *name)
{
	char root[PATH_MAX];
	cr_assert_not_null(realpath(dir, root));
	bh_unit u = { 0 };
	u.path = name;
	u.abs_path = bh_arena_sprintf(arena, "%s/%s", root, name);
	bh_ir_unit *ir = bh_arena_alloc(arena, sizeof(*ir));
	bh_diags diags;
	bh_diags_init(&diags, arena);
	cr_assert_eq(bh_clang_lower(ir, arena, &u, root, &diags), BH_OK);
	cr_assert_not(bh_diags_has_error(&diags));
	bh_diags_dispose(&diags);
	return ir;
}

static const bh_ir_func *find_func(const bh_ir_unit *ir, const char *name)
{
	for (const bh_ir_func *fn = ir->first; fn; fn = fn->next)
		if (strcmp(fn->name, name) == 0)
			return fn;
	cr_assert_fail("no function %s", name);
	return NULL;
}

static uint32_t var_named(const bh_ir_func *fn, const char *name)
{
	for (uint32_t i = 0; i < fn->nvars; i++)
		if (strcmp(fn->vars[i].name, name) == 0)
			return i;
	cr_assert_fail("no variable %s", name);
	return 0;
}

// The id of the (only) ret instruction.
static uint32_t ret_of(const bh_ir_func *fn)
{
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (t->op == BH_IR_RET)
			return t->id;
	}
	cr_assert_fail("no ret");
	return 0;
}

// "L7 L9 entry": the source lines of the definitions of `var` reaching
// instruction `at`, in definition order.
static const char *reaching(const bh_flow_reach *r, uint32_t at, const char *var)
{
	uint32_t defs[16];
	size_t n = bh_flow_reach_at(r, at, var_named(r->fn, var), defs, 16);
	char *out = bh_arena_strdup(arena, "");
	for (size_t i = 0; i < n && i < 16; i++) {
		const bh_flow_def *d = &r->defs[defs[i]];
		const char *what = d->instr == UINT32_MAX
			? "entry"
			: bh_arena_sprintf(arena, "L%u%s%s", bh_ir_instr_at(r->fn, d->instr)->loc.line,
					   d->field ? "." : "", d->field ? d->field : "");
		out = bh_arena_sprintf(arena, "%s%s%s", out, i ? " " : "", what);
	}
	return out;
}

// ------------------------------------------------------- reaching definitions

Test(flow, reaching_definitions_through_branches)
{
	bh_ir_unit *ir = lower_file(CASES, "reach.c");
	const bh_ir_func *fn = find_func(ir, "reach");
	bh_flow_reach *r;
	cr_assert_eq(bh_flow_compute_reach(&r, arena, fn, NULL), BH_FLOW_DONE);
	uint32_t ret = ret_of(fn);
	cr_assert_str_eq(reaching(r, ret, "x"), "L12");
	cr_assert_str_eq(reaching(r, ret, "y"), "L11");
	// `int y = x` sees all three assignments of x.
	uint32_t y_def = UINT32_MAX;
	for (uint32_t d = 0; d < r->ndefs; d++)
		if (r->defs[d].var == var_named(fn, "y"))
			y_def = r->defs[d].instr;
	cr_assert_neq(y_def, UINT32_MAX);
	cr_assert_str_eq(reaching(r, y_def, "x"), "L6 L8 L10");
	cr_assert_str_eq(reaching(r, ret, "a"), "entry");
}

Test(flow, reaching_definitions_around_a_loop)
{
	bh_ir_unit *ir = lower_file(CASES, "reach.c");
	const bh_ir_func *fn = find_func(ir, "loop_reach");
	bh_flow_reach *r;
	cr_assert_eq(bh_flow_compute_reach(&r, arena, fn, NULL), BH_FLOW_DONE);
	cr_assert_str_eq(reaching(r, ret_of(fn), "i"), "L18 L20");
	const bh_ir_func *p = find_func(ir, "param_reach");
	cr_assert_eq(bh_flow_compute_reach(&r, arena, p, NULL), BH_FLOW_DONE);
	cr_assert_str_eq(reaching(r, ret_of(p), "p"), "entry L27");
}

Test(flow, reaching_definitions_are_field_sensitive)
{
	bh_ir_unit *ir = lower_file(CASES, "reach.c");
	const bh_ir_func *fn = find_func(ir, "field_reach");
	bh_flow_reach *r;
	cr_assert_eq(bh_flow_compute_reach(&r, arena, fn, NULL), BH_FLOW_DONE);
	// s.x = 1 is killed only on the path through s.x = 2; s.y does not
	// kill s.x; the entry value of s is never killed by a field store.
	cr_assert_str_eq(reaching(r, ret_of(fn), "s"), "entry L37.x L39.x L40.y");
}

// ------------------------------------------------------------- liveness

Test(flow, liveness_is_backward_and_sees_loops)
{
	bh_ir_unit *ir = lower_file(CASES, "reach.c");
	const bh_ir_func *fn = find_func(ir, "loop_reach");
	bh_flow_live *l;
	cr_assert_eq(bh_flow_compute_live(&l, arena, fn, NULL), BH_FLOW_DONE);
	uint32_t n = var_named(fn, "n"), i = var_named(fn, "i");
	// n is read by the loop condition: live on entry and around the loop.
	cr_assert(bh_flow_live_at(l, 0, false, n));
	cr_assert_not(bh_flow_live_at(l, 0, false, i), "i is written before any read");
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (t->op == BH_IR_RET) {
			cr_assert(bh_flow_live_at(l, b, false, i));
			cr_assert_not(bh_flow_live_at(l, b, false, n));
			cr_assert_not(bh_flow_live_at(l, b, true, i));
		}
		if (t->op == BH_IR_BR)
			cr_assert(bh_flow_live_at(l, b, false, n) && bh_flow_live_at(l, b, false, i));
	}
}

// ------------------------------------------------------------ dominators

// A diamond then a loop: 0 -> {1, 2} -> 3 -> 4 <-> 5, 4 -> 6.
static bh_ir_func *diamond_loop(void)
{
	bh_ir_builder *b = bh_ir_builder_new(arena, "dl", NULL, LOC);
	uint32_t x = bh_ir_builder_var(b, BH_IR_VAR_PARAM, "x", NULL, "int", 4, 0);
	uint32_t bb[7];
	for (int i = 1; i < 7; i++)
		bb[i] = bh_ir_builder_block(b, NULL);
	bh_ir_opnd c = bh_ir_var_opnd(x);
	bh_ir_builder_br(b, c, bb[1], bb[2], LOC);
	bh_ir_builder_enter(b, bb[1], LOC);
	bh_ir_builder_add(b, BH_IR_ASSIGN, LOC, c, (bh_ir_opnd[]){ bh_ir_int_opnd(1) }, 1);
	bh_ir_builder_jmp(b, bb[3], LOC);
	bh_ir_builder_enter(b, bb[2], LOC);
	bh_ir_builder_jmp(b, bb[3], LOC);
	bh_ir_builder_enter(b, bb[3], LOC);
	bh_ir_builder_jmp(b, bb[4], LOC);
	bh_ir_builder_enter(b, bb[4], LOC);
	bh_ir_builder_br(b, c, bb[5], bb[6], LOC);
	bh_ir_builder_enter(b, bb[5], LOC);
	bh_ir_builder_jmp(b, bb[4], LOC);
	bh_ir_builder_enter(b, bb[6], LOC);
	bh_ir_builder_ret(b, c, LOC);
	bh_ir_func *fn = bh_ir_builder_finish(b);
	cr_assert(bh_ir_verify(fn, arena, NULL));
	cr_assert_eq(fn->nblocks, 7);
	return fn;
}

Test(flow, dominators_of_a_diamond_and_a_loop)
{
	bh_ir_func *fn = diamond_loop();
	bh_flow_dom *d;
	cr_assert_eq(bh_flow_compute_dom(&d, arena, fn), BH_FLOW_DONE);
	uint32_t want[7] = { 0, 0, 0, 0, 3, 4, 4 };
	for (int i = 0; i < 7; i++)
		cr_assert_eq(d->idom[i], want[i], "idom[%d] = %u", i, d->idom[i]);
	cr_assert(bh_flow_dominates(d, 0, 6));
	cr_assert(bh_flow_dominates(d, 3, 5));
	cr_assert(bh_flow_dominates(d, 4, 4));
	cr_assert_not(bh_flow_dominates(d, 1, 3), "one arm of a diamond does not dominate the join");
	cr_assert_not(bh_flow_dominates(d, 5, 6));
	// Instructions: the assignment in bb1 does not dominate the ret.
	uint32_t assign = fn->blocks[1].instrs[0].id;
	uint32_t ret = bh_ir_block_terminator(&fn->blocks[6])->id;
	cr_assert_not(bh_flow_instr_dominates(d, assign, ret));
	cr_assert(bh_flow_instr_dominates(d, fn->blocks[0].instrs[0].id, ret));
}

Test(flow, post_dominators_and_control_dependence_of_a_diamond_and_a_loop)
{
	bh_ir_func *fn = diamond_loop();
	bh_flow_postdom *pd;
	cr_assert_eq(bh_flow_compute_postdom(&pd, arena, fn, NULL, NULL), BH_FLOW_DONE);
	uint32_t want[7] = { 3, 3, 3, 4, 6, 4, BH_FLOW_EXIT };
	for (int i = 0; i < 7; i++)
		cr_assert_eq(pd->ipdom[i], want[i], "ipdom[%d] = %u", i, pd->ipdom[i]);
	// The first branch decides only the two arms; the loop test decides
	// the body and itself, not the code after the loop.
	bool decided[7] = { false };
	bh_flow_control_dependents(pd, 0, decided, NULL, NULL);
	bool want0[7] = { false, true, true, false, false, false, false };
	cr_assert_arr_eq(decided, want0, sizeof(decided));
	memset(decided, 0, sizeof(decided));
	bh_flow_control_dependents(pd, 4, decided, NULL, NULL);
	bool want4[7] = { false, false, false, false, true, true, false };
	cr_assert_arr_eq(decided, want4, sizeof(decided));
}

// Edges out of block 0 that the filter refuses.
static bool not_from_entry(uint32_t from, uint32_t to, void *payload)
{
	(void)to;
	(void)payload;
	return from != 0;
}

Test(flow, a_block_that_never_returns_still_has_a_post_dominator)
{
	// bb0: br x, bb1, bb2; bb1: jmp bb1 (for (;;)); bb2: ret
	bh_ir_builder *b = bh_ir_builder_new(arena, "spin", NULL, LOC);
	uint32_t x = bh_ir_builder_var(b, BH_IR_VAR_PARAM, "x", NULL, "int", 4, 0);
	uint32_t spin = bh_ir_builder_block(b, NULL), done = bh_ir_builder_block(b, NULL);
	bh_ir_builder_br(b, bh_ir_var_opnd(x), spin, done, LOC);
	bh_ir_builder_enter(b, spin, LOC);
	bh_ir_builder_jmp(b, spin, LOC);
	bh_ir_builder_enter(b, done, LOC);
	bh_ir_builder_ret(b, bh_ir_none_opnd(), LOC);
	bh_ir_func *fn = bh_ir_builder_finish(b);
	cr_assert(bh_ir_verify(fn, arena, NULL));
	bh_flow_postdom *pd;
	cr_assert_eq(bh_flow_compute_postdom(&pd, arena, fn, NULL, NULL), BH_FLOW_DONE);
	for (uint32_t i = 0; i < fn->nblocks; i++)
		cr_assert_eq(pd->ipdom[i], BH_FLOW_EXIT, "ipdom[%u] = %u", i, pd->ipdom[i]);
	bool decided[3] = { false };
	bh_flow_control_dependents(pd, 0, decided, NULL, NULL);
	cr_assert(decided[1] && decided[2] && !decided[0]);
	// With the entry's edges left out, the entry is an exit of its own
	// and decides nothing.
	cr_assert_eq(bh_flow_compute_postdom(&pd, arena, fn, not_from_entry, NULL), BH_FLOW_DONE);
	memset(decided, 0, sizeof(decided));
	bh_flow_control_dependents(pd, 0, decided, not_from_entry, NULL);
	cr_assert(!decided[0] && !decided[1] && !decided[2]);
}

Test(flow, dominators_on_lowered_goto_into_loop)
{
	// `goto inside` makes a loop with two entries: the loop head does
	// not dominate the label, the entry dominates everything.
	bh_ir_unit *ir = lower_file(CASES, "goto.c");
	const bh_ir_func *fn = find_func(ir, "into_loop");
	bh_flow_dom *d;
	cr_assert_eq(bh_flow_compute_dom(&d, arena, fn), BH_FLOW_DONE);
	uint32_t inside = UINT32_MAX;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		if (fn->blocks[b].label && strcmp(fn->blocks[b].label, "inside") == 0)
			inside = b;
	cr_assert_neq(inside, UINT32_MAX);
	uint32_t head = fn->blocks[inside].succs[0];
	cr_assert_not(bh_flow_dominates(d, head, inside));
	cr_assert_eq(d->idom[inside], 0);
	for (uint32_t b = 0; b < fn->nblocks; b++)
		cr_assert(bh_flow_dominates(d, 0, b));
}

// ------------------------------------------------------- generic solver

// A lattice of "how many times around": fact = visit count seen so far,
// join = max, transfer = +1. It never stabilises around a loop without
// widening; widening jumps to the top (INT_MAX).
static void cnt_init(void *f, void *p) { (void)p; *(int *)f = 0; }
static void cnt_join(void *d, const void *s, void *p)
{
	(void)p;
	if (*(const int *)s > *(int *)d)
		*(int *)d = *(const int *)s;
}
static bool cnt_equal(const void *a, const void *b, void *p)
{
	(void)p;
	return *(const int *)a == *(const int *)b;
}
static void cnt_copy(void *d, const void *s, void *p) { (void)p; *(int *)d = *(const int *)s; }
static void cnt_transfer(void *f, const bh_ir_func *fn, const bh_ir_block *b, void *p)
{
	(void)fn;
	(void)b;
	(void)p;
	if (*(int *)f < INT_MAX)
		(*(int *)f)++;
}
static void cnt_widen(void *next, const void *prev, void *p)
{
	(void)p;
	if (*(int *)next > *(const int *)prev)
		*(int *)next = INT_MAX;
}

Test(flow, budget_stops_a_lattice_that_never_converges)
{
	bh_ir_func *fn = diamond_loop();
	bh_flow_lattice lat = { sizeof(int), cnt_init, NULL, cnt_join, cnt_equal, cnt_copy,
				cnt_transfer, NULL, NULL, NULL, NULL };
	bh_flow_options o = BH_FLOW_OPTIONS_INIT;
	o.max_steps = 500;
	bh_flow_result r;
	cr_assert_eq(bh_flow_solve(&r, arena, fn, &lat, &o, NULL), BH_FLOW_BUDGET);
	cr_assert_geq(r.steps, 500);
	cr_assert_leq(r.steps, 503, "a step is a visit plus at most two joins here");
	cr_assert_eq(r.outcome, BH_FLOW_BUDGET);

	// The same lattice with widening reaches a fixpoint: the loop
	// blocks go to the top, blocks before the loop keep exact counts.
	lat.widen = cnt_widen;
	o.max_steps = 0;
	cr_assert_eq(bh_flow_solve(&r, arena, fn, &lat, &o, NULL), BH_FLOW_DONE);
	cr_assert_eq(*(const int *)bh_flow_out(&r, 0), 1);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 3), 2);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 4), INT_MAX);
	cr_assert_eq(*(const int *)bh_flow_out(&r, 6), INT_MAX);
}

Test(flow, backward_solver_reaches_blocks_from_the_exits)
{
	// Backward "distance from the end": out of an exit is 0, each block
	// adds 1, join takes the max. Widening at the loop makes it stop.
	bh_ir_func *fn = diamond_loop();
	bh_flow_lattice lat = { sizeof(int), cnt_init, NULL, cnt_join, cnt_equal, cnt_copy,
				cnt_transfer, NULL, cnt_widen, NULL, NULL };
	bh_flow_options o = BH_FLOW_OPTIONS_INIT;
	o.dir = BH_FLOW_BACKWARD;
	bh_flow_result r;
	cr_assert_eq(bh_flow_solve(&r, arena, fn, &lat, &o, NULL), BH_FLOW_DONE);
	cr_assert_eq(*(const int *)bh_flow_out(&r, 6), 0);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 6), 1);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 0), INT_MAX, "the loop is above the exit");
}

Test(flow, a_block_with_one_incoming_fact_shares_it)
{
	// Facts are stored once and shared: a block with one predecessor
	// holds its predecessor's fact itself, not a copy; a join makes a
	// fact of its own.
	bh_ir_func *fn = diamond_loop();
	bh_flow_lattice lat = { sizeof(int), cnt_init, NULL, cnt_join, cnt_equal, cnt_copy,
				cnt_transfer, NULL, cnt_widen, NULL, NULL };
	bh_flow_result r;
	cr_assert_eq(bh_flow_solve(&r, arena, fn, &lat, NULL, NULL), BH_FLOW_DONE);
	cr_assert_eq(bh_flow_in(&r, 1), bh_flow_out(&r, 0));
	cr_assert_eq(bh_flow_in(&r, 2), bh_flow_out(&r, 0));
	cr_assert_eq(bh_flow_in(&r, 6), bh_flow_out(&r, 4));
	cr_assert_neq(bh_flow_in(&r, 3), bh_flow_out(&r, 1), "two facts meet in block 3");
	cr_assert_eq(*(const int *)bh_flow_in(&r, 3), 2);

	// Replacing a shared fact leaves the block it came from alone.
	int v = 42;
	bh_flow_set(&r, 1, false, &v);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 1), 42);
	cr_assert_eq(*(const int *)bh_flow_out(&r, 0), 1);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 2), 1);
	// A fact no other block holds is replaced in place.
	const void *own = bh_flow_in(&r, 1);
	v = 43;
	bh_flow_set(&r, 1, false, &v);
	cr_assert_eq(bh_flow_in(&r, 1), own);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 1), 43);
}

// An edge callback that adds 1000 and counts which edges it was given.
typedef struct {
	unsigned calls[7][7];
} edge_log;

static void bump_edge(void *f, const bh_ir_func *fn, uint32_t from, uint32_t to, void *p)
{
	(void)fn;
	edge_log *log = p;
	log->calls[from][to]++;
	if (*(int *)f < INT_MAX - 1000)
		*(int *)f += 1000;
}

static bool only_entry_to_then(const bh_ir_func *fn, uint32_t from, uint32_t to, void *p)
{
	(void)fn;
	(void)p;
	return from == 0 && to == 1;
}

Test(flow, edges_that_do_not_act_are_joined_as_they_are)
{
	bh_ir_func *fn = diamond_loop();
	bh_flow_lattice lat = { sizeof(int), cnt_init, NULL, cnt_join, cnt_equal, cnt_copy,
				cnt_transfer, NULL, cnt_widen, bump_edge, only_entry_to_then };
	edge_log log;
	memset(&log, 0, sizeof(log));
	bh_flow_result r;
	cr_assert_eq(bh_flow_solve(&r, arena, fn, &lat, NULL, &log), BH_FLOW_DONE);
	cr_assert_gt(log.calls[0][1], 0);
	for (int a = 0; a < 7; a++)
		for (int b = 0; b < 7; b++)
			if (a != 0 || b != 1)
				cr_assert_eq(log.calls[a][b], 0, "edge %d -> %d was transferred", a, b);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 1), 1001);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 2), 1);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 3), 1002, "the join takes the bumped side");
	cr_assert_eq(bh_flow_in(&r, 2), bh_flow_out(&r, 0));

	// Without edge_acts every edge goes through transfer_edge.
	lat.edge_acts = NULL;
	memset(&log, 0, sizeof(log));
	cr_assert_eq(bh_flow_solve(&r, arena, fn, &lat, NULL, &log), BH_FLOW_DONE);
	cr_assert_gt(log.calls[0][2], 0);
	cr_assert_gt(log.calls[4][6], 0);
	cr_assert_eq(*(const int *)bh_flow_in(&r, 2), 1001);
}

// Transfers seen: the block and the fact it started from.
typedef struct {
	uint32_t block[256];
	int in[256];
	size_t n;
} transfer_log;

static void logged_transfer(void *f, const bh_ir_func *fn, const bh_ir_block *b, void *p)
{
	transfer_log *log = p;
	if (log->n < 256) {
		log->block[log->n] = (uint32_t)(b - fn->blocks);
		log->in[log->n++] = *(int *)f;
	}
	cnt_transfer(f, fn, b, NULL);
}

Test(flow, a_block_is_not_transferred_twice_from_the_same_fact)
{
	// Round the loop 4 <-> 5 the facts grow until widening; a visit of
	// block 4 whose incoming facts join to what it had last time does
	// not run its transfer again.
	bh_ir_func *fn = diamond_loop();
	bh_flow_lattice lat = { sizeof(int), cnt_init, NULL, cnt_join, cnt_equal, cnt_copy,
				logged_transfer, NULL, cnt_widen, NULL, NULL };
	transfer_log log;
	memset(&log, 0, sizeof(log));
	bh_flow_result r;
	cr_assert_eq(bh_flow_solve(&r, arena, fn, &lat, NULL, &log), BH_FLOW_DONE);
	cr_assert_lt(log.n, 256);
	for (size_t i = 0; i < log.n; i++)
		for (size_t j = 0; j < i; j++)
			cr_assert(log.block[i] != log.block[j] || log.in[i] != log.in[j],
				  "block %u transferred twice from %d", log.block[i], log.in[i]);
	cr_assert_gt(r.visits, log.n, "some visit found its entry unchanged");
	cr_assert_eq(*(const int *)bh_flow_in(&r, 4), INT_MAX);
}

Test(flow, pathological_cfg_is_bounded)
{
	// 3000 blocks, each switching back to every 97th block before it:
	// about 46,000 edges, and blocks where 3000 edges meet. Each analysis
	// must finish or stop at its budget, quickly either way.
	enum { N = 3000 };
	bh_ir_builder *b = bh_ir_builder_new(arena, "tangle", NULL, LOC);
	uint32_t x = bh_ir_builder_var(b, BH_IR_VAR_PARAM, "x", NULL, "int", 4, 0);
	uint32_t *heads = bh_arena_alloc(arena, N * sizeof(*heads));
	uint32_t exit = bh_ir_builder_block(b, NULL);
	for (int i = 0; i < N; i++)
		heads[i] = bh_ir_builder_block(b, NULL);
	bh_ir_builder_jmp(b, heads[0], LOC);
	for (int i = 0; i < N; i++) {
		bh_ir_builder_enter(b, heads[i], LOC);
		bh_ir_builder_add(b, BH_IR_ASSIGN, LOC, bh_ir_var_opnd(x),
				  (bh_ir_opnd[]){ bh_ir_int_opnd(i) }, 1);
		uint32_t sw = bh_ir_builder_switch(b, bh_ir_var_opnd(x),
						   i + 1 < N ? heads[i + 1] : exit, LOC);
		for (int k = 0; k < i; k += 97)
			bh_ir_builder_case(b, sw, k, k, heads[k]);
		bh_ir_builder_case(b, sw, -1, -1, exit);
	}
	bh_ir_builder_enter(b, exit, LOC);
	bh_ir_builder_ret(b, bh_ir_var_opnd(x), LOC);
	bh_ir_func *fn = bh_ir_builder_finish(b);
	cr_assert(bh_ir_verify(fn, arena, NULL));
	clock_t t0 = clock();
	bh_flow_reach *r;
	bh_flow_options o = BH_FLOW_OPTIONS_INIT;
	o.max_steps = 20000;
	cr_assert_eq(bh_flow_compute_reach(&r, arena, fn, &o), BH_FLOW_BUDGET);
	cr_assert_lt(r->result.steps, 20000 + N, "one visit past the budget at most");
	// The default budget stops it too: it is a budget of work, and this
	// graph needs a hundred million joins to converge.
	bh_flow_outcome res = bh_flow_compute_reach(&r, arena, fn, NULL);
	cr_assert(res == BH_FLOW_DONE || res == BH_FLOW_BUDGET);
	bh_flow_dom *d;
	cr_assert_eq(bh_flow_compute_dom(&d, arena, fn), BH_FLOW_DONE);
	cr_assert(bh_flow_dominates(d, 0, fn->nblocks - 1));
	bh_flow_live *l;
	cr_assert_eq(bh_flow_compute_live(&l, arena, fn, NULL), BH_FLOW_DONE);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	cr_assert_lt(secs, 5.0, "took %.1f s", secs);
}

Test(flow, tiny_budget_reports_budget_not_a_stall)
{
	bh_ir_unit *ir = lower_file(CASES, "loops.c");
	const bh_ir_func *fn = find_func(ir, "loops");
	bh_flow_reach *r;
	bh_flow_options o = BH_FLOW_OPTIONS_INIT;
	o.max_steps = 3;
	cr_assert_eq(bh_flow_compute_reach(&r, arena, fn, &o), BH_FLOW_BUDGET);
	cr_assert_leq(r->result.visits, 3);
}

Test(flow, rpo_puts_the_entry_first_and_respects_edges)
{
	bh_ir_func *fn = diamond_loop();
	uint32_t *order, *index;
	bh_flow_rpo(&order, &index, arena, fn);
	cr_assert_eq(order[0], 0);
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		cr_assert_eq(order[index[b]], b);
		// Every forward (non-back) edge goes later in RPO.
		for (uint32_t k = 0; k < fn->blocks[b].nsuccs; k++) {
			uint32_t s = fn->blocks[b].succs[k];
			if (!(b == 5 && s == 4))
				cr_assert_lt(index[b], index[s], "%u -> %u", b, s);
		}
	}
}

// A big but ordinary function of `n` statements, lowered from C.
static const bh_ir_func *big_function(int count)
{
	size_t cap = 1 << 21;
	char *src = bh_arena_alloc(arena, cap);
	size_t n = (size_t)snprintf(src, cap, "int big(int x, int *p) {\nint s = 0, t = 1;\n");
	for (int i = 0; i < count; i++) {
		switch (i % 5) {
		case 0: n += (size_t)snprintf(src + n, cap - n, "s += x * %d;\n", i); break;
		case 1: n += (size_t)snprintf(src + n, cap - n, "if (s > %d && t) s = p[%d];\n", i, i % 7); break;
		case 2: n += (size_t)snprintf(src + n, cap - n, "while (x > %d) { x--; if (x == t) break; }\n", i); break;
		case 3: n += (size_t)snprintf(src + n, cap - n, "t = s ? t + 1 : x;\n"); break;
		default: n += (size_t)snprintf(src + n, cap - n, "for (int i = 0; i < t; i++) p[i] = s;\n"); break;
		}
	}
	n += (size_t)snprintf(src + n, cap - n, "return s + t;\n}\n");
	char dir[] = "/tmp/bh-flow-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	const char *path = bh_arena_sprintf(arena, "%s/big.c", dir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(src, f);
	fclose(f);
	bh_ir_unit *ir = lower_file(dir, "big.c");
	unlink(path);
	rmdir(dir);
	return find_func(ir, "big");
}

Test(flow, two_thousand_statements_reach_a_fixpoint)
{
	const bh_ir_func *fn = big_function(2000);
	clock_t t0 = clock();
	bh_flow_reach *r;
	cr_assert_eq(bh_flow_compute_reach(&r, arena, fn, NULL), BH_FLOW_DONE);
	// Loops are finished before the code after them: few visits per block.
	cr_assert_lt(r->result.visits, 3 * (size_t)fn->nblocks, "%zu visits", r->result.visits);
	bh_flow_live *l;
	cr_assert_eq(bh_flow_compute_live(&l, arena, fn, NULL), BH_FLOW_DONE);
	bh_flow_dom *d;
	cr_assert_eq(bh_flow_compute_dom(&d, arena, fn), BH_FLOW_DONE);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	cr_assert_lt(secs, 5.0, "took %.1f s", secs);
	// Only the last assignment of t reaches the return.
	uint32_t defs[4];
	cr_assert_eq(bh_flow_reach_at(r, ret_of(fn), var_named(fn, "t"), defs, 4), 1);
	cr_assert(bh_flow_live_at(l, 0, false, var_named(fn, "x")));
}

Test(flow, ten_thousand_statements_are_bounded)
{
	// Analysed or cut off by the memory bound, never a stall: dense
	// reaching-definition bitsets for 30,000 blocks exceed
	// BH_FLOW_MAX_FACT_BYTES and give a budget result at once.
	const bh_ir_func *fn = big_function(10000);
	cr_assert_gt(fn->nblocks, 10000);
	clock_t t0 = clock();
	bh_flow_reach *r;
	bh_flow_outcome res = bh_flow_compute_reach(&r, arena, fn, NULL);
	cr_assert(res == BH_FLOW_DONE || res == BH_FLOW_BUDGET);
	if (res == BH_FLOW_BUDGET) {
		uint32_t defs[4];
		uint32_t t = var_named(fn, "t");
		cr_assert_eq(bh_flow_reach_at(r, ret_of(fn), t, defs, 4), 0, "no facts, no answer");
	}
	bh_flow_live *l;
	cr_assert_eq(bh_flow_compute_live(&l, arena, fn, NULL), BH_FLOW_DONE);
	bh_flow_dom *d;
	cr_assert_eq(bh_flow_compute_dom(&d, arena, fn), BH_FLOW_DONE);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	cr_assert_lt(secs, 10.0, "took %.1f s", secs);
}

// ------------------------------------------------------- random tests

static const bh_ir_func *program_func(const bh_ir_program *prog, const char *name)
{
	for (size_t u = 0; u < prog->units.len; u++)
		for (const bh_ir_func *fn = prog->units.items[u].first; fn; fn = fn->next)
			if (strcmp(fn->name, name) == 0)
				return fn;
	return NULL;
}

static const bh_ir_func *callee_by_name(const bh_ir_instr *call, void *payload)
{
	return call->callee.kind == BH_IR_OPND_FUNC ? program_func(payload, call->callee.str) : NULL;
}

// The lines of the branches of `name` that test a pseudo-random value.
// The program of in-memory `files` (name, text, ..., NULL), compiled
// without errors.
static void compile_program(const char **files, bh_ir_program *prog)
{
	bh_ir_program_init(prog);
	bh_findings findings;
	bh_diags diags;
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	cr_assert(bh_test_compile_program(arena, files, prog, &findings, &diags));
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
}

static const char *random_test_lines(const bh_ir_program *prog, const char *name)
{
	const bh_ir_func *fn = program_func(prog, name);
	cr_assert_not_null(fn, "no function %s", name);
	char *out = bh_arena_sprintf(arena, "%s", "");
	for (uint32_t b = 0; b < fn->nblocks; b++)
		if (bh_flow_tests_random(fn, &fn->blocks[b], callee_by_name, (void *)prog))
			out = bh_arena_sprintf(arena, "%s%s%u", out, *out ? " " : "",
					       bh_ir_block_terminator(&fn->blocks[b])->loc.line);
	return out;
}

Test(flow, tests_of_random_values_and_of_helpers_returning_them)
{
	const char *files[] = {
		"coin.c",
		"#include <stdlib.h>\n"
		"int coin(void) { return rand() % 2; }\n"
		"int two(void) { if (coin()) return random() & 1; return (int)lrand48(); }\n"
		"int half(void) { if (coin()) return rand(); return 0; }\n",
		"main.c",
		"#include <stdlib.h>\n"                       // 1
		"int coin(void); int two(void); int half(void);\n" // 2
		"int enabled;\n"                              // 3
		"static int is_enabled(void) { return enabled; }\n" // 4
		"void f(int flag) {\n"                        // 5
		"\tif (rand() % 2) flag++;\n"                // 6
		"\tif (!coin()) flag++;\n"                   // 7
		"\tif (coin() == 0) flag++;\n"               // 8
		"\tint c = coin();\n"                        // 9
		"\tif (c) flag++;\n"                         // 10
		"\tif (is_enabled()) flag++;\n"              // 11
		"\tif (flag) flag--;\n"                      // 12
		"\tif (two()) flag++;\n"                     // 13
		"\tif (half()) flag++;\n"                    // 14
		"\tif (rand() < flag) flag++;\n"             // 15
		"}\n",
		NULL
	};
	bh_ir_program prog;
	compile_program(files, &prog);
	// A helper every return of which is random counts (13); a remembered
	// flip (10), program state (11, 12), a helper that may return a
	// constant (14) and a comparison with a variable (15) do not.
	cr_assert_str_eq(random_test_lines(&prog, "f"), "6 7 8 13");
	cr_assert_str_eq(random_test_lines(&prog, "two"), "3"); // coin.c line 3
	bh_ir_program_dispose(&prog);
}

// ------------------------------------------------------------- constants

static bool stub_returns_zero(const bh_ir_instr *call, int64_t *value, void *payload)
{
	(void)payload;
	if (call->callee.kind != BH_IR_OPND_FUNC || strcmp(call->callee.str, "stub") != 0)
		return false;
	*value = 0;
	return true;
}

// "L:v": the lines of the branches the constants decide, with the value.
static const char *decided_branches(const bh_ir_func *fn, const bh_flow_consts *k)
{
	char *out = bh_arena_strdup(arena, "");
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		int64_t v;
		if (t && t->op == BH_IR_BR && bh_flow_const_of(k, &t->args[0], &v))
			out = bh_arena_sprintf(arena, "%s%s%u:%lld", out, *out ? " " : "", t->loc.line, (long long)v);
	}
	return out;
}

// A status variable assigned more than once is known where its test
// follows the call in the same block (`rc = stub(); if (rc == 0)`), not
// where another block may have assigned it since, nor once its address
// is taken.
Test(flow, a_status_is_known_where_its_test_follows_the_call)
{
	const char *files[] = {
		"main.c",
		"int stub(void); int other(void); void use(int *);\n" // 1
		"void f(int flag) {\n"                          // 2
		"\tint rc = other();\n"                         // 3
		"\tif (rc) flag++;\n"                           // 4: unknown
		"\trc = stub();\n"                              // 5
		"\tif (rc == 0) flag++;\n"                      // 6: decided, 1
		"\trc = stub() + 2;\n"                          // 7
		"\tif (flag) rc = other();\n"                   // 8: (flag unknown)
		"\tif (rc == 2) flag++;\n"                      // 9: another block assigned it
		"}\n"
		"void g(void) {\n"                              // 11
		"\tint rc = other();\n"                         // 12
		"\tuse(&rc);\n"                                 // 13
		"\trc = stub();\n"                              // 14
		"\tif (rc == 0) use(&rc);\n"                    // 15: addressed
		"}\n",
		NULL
	};
	bh_ir_program prog;
	compile_program(files, &prog);
	const char *name[] = { "f", "g" }, *want[] = { "6:1", "" };
	for (int i = 0; i < 2; i++) {
		const bh_ir_func *fn = program_func(&prog, name[i]);
		cr_assert_not_null(fn);
		bh_ir_func_acquire(fn);
		bh_flow_consts k;
		bh_flow_compute_consts(&k, arena, fn, NULL, stub_returns_zero, NULL);
		cr_assert_str_eq(decided_branches(fn, &k), want[i], "%s", name[i]);
		bh_ir_func_release(fn);
	}
	bh_ir_program_dispose(&prog);
}
