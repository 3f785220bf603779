// SPDX-License-Identifier: MIT
// Shared inside the call checks (bh_calls): the whole-program state that
// call_checks.c keeps, the function summaries, the context of the
// function being analysed, and the helpers both rules use: what a call
// resolves to, which blocks a constant condition leaves dead, whether a
// definition reaches a use, a forward walk over the feasible paths, and
// findings.
//
// Rules: call_unchecked.c (c.unchecked-return), toctou.c (c.toctou).
#ifndef BH_CALL_CHECKS_INTERNAL_H
#define BH_CALL_CHECKS_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/call_checks.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/flow.h"
#include "bulkhead/strset.h"
#include "dataflow/reuse_internal.h"

// What a parameter of a function does with a file name (toctou).
enum {
	BH_CALLS__P_USE = 1u << 0,   // opens, changes or removes the file it names
	BH_CALLS__P_CHECK = 1u << 1, // checks the file it names and returns the outcome
};

// What a function of the program does, as its callers see it. Lives in
// the program's arena.
typedef struct {
	const bh_ir_func *fn;
	// c.unchecked-return: the function returns the result of a call that
	// must be checked (a wrapper of setuid): `must` is that call's model,
	// `must_by` its name and `must_loc` where it is made.
	const bh_calls_model *must;
	const char *must_by;
	bh_loc must_loc;
	bool *param_unread; // per parameter: its value is never read
	// c.toctou, per parameter: BH_CALLS__P_*, and for each the call
	// inside that does it (for the path of a finding in the caller).
	uint8_t *param_path;
	const char **path_by; // "fopen"
	bh_loc *path_loc;
} bh_calls__summary;

typedef struct {
	bh_arena *arena;         // summaries and scratch of the whole run
	bh_calls_models *models; // sealed
	const bh_callgraph *graph;
	bh_calls__summary **sums; // per call graph node; NULL until analysed
	bh_diags *diags;
	bh_findings *out;         // the findings so far
	bh_reuse *reuse;          // traces across scans (call_trace.c), or NULL
} bh_calls__program;

/* Traces across scans (call_trace.c). */
const bh_reuse__trace *bh_calls__trace_find(bh_calls__program *p, const size_t *nodes, size_t n);
bool bh_calls__trace_replay(bh_calls__program *p, const bh_reuse__trace *t, const size_t *nodes, size_t n);
void bh_calls__trace_start(bh_calls__program *p, const size_t *nodes, size_t n, bh_reuse__mark *m);
void bh_calls__trace_finish(bh_calls__program *p, const size_t *nodes, size_t n, const bh_reuse__mark *m);
/** Does some function read global `key` / field `name`? (Reads of the traces.) */
bool bh_calls__global_read(const bh_calls__program *p, const char *key);
bool bh_calls__field_read(const bh_calls__program *p, const char *name);
/** Is a finding of `rule` at `at` with `snippet` in `out` already? (A read of the traces.) */
bool bh_calls__already_reported(const bh_calls__program *p, const bh_findings *out, const bh_rule *rule,
				const bh_loc *at, const char *snippet);

// The function being analysed. Everything lives in `arena`, freed when
// the function is done.
typedef struct {
	bh_calls__program *prog;
	const bh_ir_func *fn;
	bh_arena *arena;
	bh_calls__summary *sum; // being filled
	bh_findings *out;       // NULL while only the summary is wanted
	bh_flow_consts consts;
	bool *feasible;       // per block: reachable from the entry without a dead edge
	bh_flow_reach *reach; // NULL when the analysis ran out of budget
	const bh_ir_opnd *
		*fn_value; // per variable: the function a pointer was set to once, or NULL
	// Scratch of bh_calls__walk, made once per function: a seen flag per
	// block and the work queue. Walks must not nest (no visitor starts one).
	bool *walk_seen;
	uint32_t *walk_queue;
	bh_flow_postdom *postdom; // made on first use
	bool postdom_failed;
} bh_calls__fctx;

// ------------------------------------------------------------ call_checks.c

// What a call calls: a function of the program (with its summary, when
// analysed) or a library function (with its models).
typedef struct {
	const char *name; // "setuid", or NULL for an unknown function pointer
	const bh_calls__summary *sum;
	const bh_calls_model *models;
	size_t nmodels;
} bh_calls__target;

/** Resolve the callee of CALL `in`, through a function pointer set once. */
bh_calls__target bh_calls__resolve(const bh_calls__fctx *c, const bh_ir_instr *in);

/** The first model of `kind` of a library callee, or NULL. */
const bh_calls_model *bh_calls__model(const bh_calls__target *t, bh_calls_model_kind kind);

/** True if `in` reads variable `var` (operands and callee; not `s.f = ...` on s). */
bool bh_calls__reads(const bh_calls__fctx *c, const bh_ir_instr *in, uint32_t var);

/**
 * True if the value instruction `def` gave `var` may be the one `use`
 * reads (reaching definitions); also true when that is not known.
 */
bool bh_calls__reaches(const bh_calls__fctx *c, const bh_ir_instr *def, const bh_ir_instr *use,
		       uint32_t var);

/**
 * The single instruction that defined `var` as seen from `at` (a
 * temporary's in-block definition; otherwise the only reaching
 * definition), or NULL: several, none, a parameter's entry value.
 * `*entry` (may be NULL) is set when the value is parameter's entry value.
 */
const bh_ir_instr *bh_calls__only_def(const bh_calls__fctx *c, const bh_ir_instr *at, uint32_t var,
				      bool *entry);

// What the visitor of a walk wants next.
typedef enum {
	BH_CALLS__GO,   // go on along this path
	BH_CALLS__CUT,  // do not follow this path further
	BH_CALLS__STOP, // end the walk
} bh_calls__next;

/** True if the edge `from` -> `to` can be taken (no constant condition forbids it). */
bool bh_calls__edge_feasible(const bh_calls__fctx *c, uint32_t from, uint32_t to);

/**
 * Walk forward from just after instruction `from` over every feasible
 * path, nearest blocks first: `visit` sees each instruction reached,
 * once, and says whether to go on. Loops are followed back to the block of `from`, whose
 * instructions up to `from` are then seen too.
 */
void bh_calls__walk(const bh_calls__fctx *c, const bh_ir_instr *from,
		    bh_calls__next (*visit)(const bh_ir_instr *in, void *payload), void *payload);

/** The post-dominators over feasible edges (made once per function), or NULL. */
const bh_flow_postdom *bh_calls__postdom(bh_calls__fctx *c);

/**
 * Set `decided[b]` for the blocks whose execution the branch ending block
 * `branch` decides (control dependence over feasible edges); nothing when
 * the post-dominators are not known.
 */
void bh_calls__decided_by(bh_calls__fctx *c, uint32_t branch, bool *decided);

/** A name for operand `o` of `in` for messages, or NULL. Arena string. */
const char *bh_calls__operand_name(const bh_calls__fctx *c, const bh_ir_instr *in,
				   const bh_ir_opnd *o);

/**
 * Add a finding of `rule` at `at` with the flow `steps` (`nsteps` of
 * them) and a last step at `at` saying `last` (none when NULL); `snippet` (what the
 * fingerprint hashes: the callee or the file name) may be NULL. One per
 * rule, place and snippet. Nothing when c->out is NULL (a summary-only
 * pass).
 */
void bh_calls__report(const bh_calls__fctx *c, bh_rule_id rule, const bh_ir_instr *at,
		      const char *snippet, const bh_finding_step *steps, size_t nsteps,
		      const char *last, const char *fmt, ...) BH_PRINTF(8, 9);

// ----------------------------------------------------------- the rules

/** c.unchecked-return: fill c->sum's `must` and `param_unread`, report when c->out. */
void bh_calls__unchecked(bh_calls__fctx *c);

/** c.toctou: fill c->sum's `param_path`, report when c->out. */
void bh_calls__toctou(bh_calls__fctx *c);

#endif
