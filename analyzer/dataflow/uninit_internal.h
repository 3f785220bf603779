// SPDX-License-Identifier: MIT
// Shared inside the uninitialised-read check (bh_uninit): locations, the
// per-function context, summaries and candidate reads. uninit_func.c
// numbers the locations and steps the bitset over instructions,
// uninit_check.c solves it and confirms the candidate reads, uninit_path.c
// and uninit_cond.c search witness paths, uninit_report.c turns a witness
// into a finding, and uninit_program.c drives the functions in call-graph
// order.
//
// Locations. Each thing that can be uninitialised is a bit of the fact:
// a scalar local, a local array (as a whole: "no element written yet"), a
// local struct (three kinds of bits: nothing of it written yet, the
// fields without a slot of their own, and one slot per field the function
// names with `s.f`), the fields `p->f` of a block malloc() returned into a
// pointer local p, and, for summaries only, the fields of a struct
// parameter passed by value that still hold the caller's value. A set bit
// means "may be uninitialised here".
#ifndef BH_UNINIT_INTERNAL_H
#define BH_UNINIT_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/flow.h"
#include "bulkhead/uninit.h"
#include "dataflow/reuse_internal.h"

#define BH_UNINIT__NONE UINT32_MAX

// Location kinds.
enum {
	BH_UNINIT__SCALAR = 1, // a local that is neither an array nor a struct
	BH_UNINIT__ARRAY,      // a local array: no element written yet
	BH_UNINIT__WHOLE,      // a local struct: no part of it written yet
	BH_UNINIT__REST,       // a local struct: its fields without a slot
	BH_UNINIT__FIELD,      // a local struct's field `var.field`
	BH_UNINIT__HEAP,       // field `var->field` of the block malloc() put in pointer `var`
	BH_UNINIT__PFIELD,     // a struct parameter's field `var.field`, the caller's value
	BH_UNINIT__PREST,      // ... its fields without a slot
	BH_UNINIT__PSCALAR,    // summaries: a parameter not passed as a struct, the caller's value
	// Values that cross a call in memory (uninit_carry.c):
	BH_UNINIT__PDEREF,     // summaries: what pointer parameter `var` points to, the caller's value
	BH_UNINIT__PGLOBAL,    // summaries: global `var`, the caller's value
	BH_UNINIT__CARRY,      // summaries: scalar local `var` holds one of the caller's values
	BH_UNINIT__GCOPY,      // global `var` holds an unset value this function copied into it
	BH_UNINIT__ECOPY,      // an element of local array `var` holds an unset value copied into it
};

// The field of a summary's read of what a pointer parameter points to.
#define BH_UNINIT__DEREF "*"

/**
 * Per variable: its locations for values that reach a callee through
 * memory rather than as arguments (uninit_carry.c). A copy of an unset
 * value into such memory is no read; the callee's read of it is.
 */
typedef struct {
	uint32_t caller;       // PDEREF (pointer parameter), PGLOBAL (global), or NONE
	uint32_t copy;         // CARRY (scalar local), GCOPY (global), ECOPY (local array), or NONE
	uint32_t from;         // CARRY: the location whose value it carries
	const char *field;     // CARRY from PFIELD/PREST: the field; from PDEREF: BH_UNINIT__DEREF
	uint32_t alias;        // pointer local: the parameter every assignment copies, or NONE
	uint32_t addr_of;      // temporary: the scalar local whose address it holds for the
			       // one call it is passed to, or NONE
	uint32_t points_to;    // pointer local: the scalar local every assignment points it to,
			       // while it is used only to load and store, or NONE
	bh_ir_opnd target;     // points_to as an operand (copies name it)
} bh_uninit__xvar;

typedef struct {
	uint8_t kind;          // BH_UNINIT__*
	uint32_t var;          // the variable (for HEAP, the pointer)
	const char *field;     // FIELD, HEAP, PFIELD: the field name; else NULL
} bh_uninit__loc;

// How a candidate reads its location (message and flow wording).
enum {
	BH_UNINIT__READ_VALUE = 1, // a scalar's value
	BH_UNINIT__READ_FIELD,     // `s.f`
	BH_UNINIT__READ_ELEM,      // `a[i]` of an array nothing was written to
	BH_UNINIT__READ_WHOLE,     // a struct copied, passed or returned with nothing written
	BH_UNINIT__READ_PASSED,    // a struct passed by value to a function that reads field `field`
	BH_UNINIT__READ_HEAP,      // `p->f` of a malloc()ed block
	BH_UNINIT__READ_PARAM,     // summaries: the function reads its parameter's field
	BH_UNINIT__READ_INSIDE,    // a scalar passed to a helper of one caller that reads it at `callee_at`
	BH_UNINIT__RET_UNSET,      // summaries: a returned struct's field is unset
};

/** A field a function reads from a struct parameter, or returns unset. */
typedef struct {
	const char *field;
	bool unset;            // returns: unset on some feasible path (reads: always true)
	bh_loc at;             // where it is read / the return that leaves it unset
	bool forwarded;        // reads: only handed to a library function (printIntLine(x) is
			       // printf("%d", x)): the caller's call is the read that counts
} bh_uninit__field_fact;

/** What a caller needs to know about a function. Arena (program). */
typedef struct {
	bool analysed;
	// Per parameter: the fields of a struct passed by value that the
	// function reads while they still hold the caller's value; for any
	// other parameter, one entry with `field` NULL when it reads the value
	// itself before assigning it (passing an uninitialised value to a
	// function that only overwrites it is no read).
	uint32_t nparams;      // entries of the two arrays below
	bh_uninit__field_fact **param_reads;
	uint32_t *nparam_reads;
	// 1 + the scalar parameter every return gives back unchanged (`int
	// source(int data) { return data; }`), else 0: the caller's argument
	// is copied into the result, not read.
	uint32_t ret_param;
	// The struct it returns: known when every return gives the same
	// local struct variable or a value the function built whole.
	bool ret_known;
	bh_uninit__field_fact *ret_fields; // that variable's slots
	uint32_t nret_fields;
	bool ret_rest_unset;   // its other fields are unset on some path
	bh_loc ret_rest_at;
	// The globals it reads while they still hold the caller's value:
	// `field` is the global's USR, `at` where it reads it.
	bh_uninit__field_fact *global_reads;
	uint32_t nglobal_reads;
} bh_uninit__summary;

/** The whole-program state. */
typedef struct {
	bh_arena *arena;          // summaries
	const bh_callgraph *graph;
	bh_uninit__summary **sums; // parallel to graph->funcs; NULL: not analysed yet
	bh_diags *diags;
	bh_findings *out;
	bh_reuse *reuse;          // traces across scans (uninit_trace.c), or NULL
} bh_uninit__program;

/** The stored trace of component `nodes` that still holds, or NULL. */
const bh_reuse__trace *bh_uninit__trace_find(bh_uninit__program *p, const size_t *nodes, size_t n);
/** Replay it: summaries, findings, notes; false, nothing changed, if unreadable. */
bool bh_uninit__trace_replay(bh_uninit__program *p, const bh_reuse__trace *t, const size_t *nodes, size_t n);
void bh_uninit__trace_start(bh_uninit__program *p, const size_t *nodes, size_t n, bh_reuse__mark *m);
void bh_uninit__trace_finish(bh_uninit__program *p, const size_t *nodes, size_t n, const bh_reuse__mark *m);
/** Is a finding of `rule` at `at` about `what` reported already? (A read of the traces.) */
bool bh_uninit__already_reported(bh_uninit__program *p, const bh_rule *rule, const bh_loc *at, const char *what);

/** A read of a location that may be uninitialised, to be confirmed by a witness. */
typedef struct {
	uint32_t loc;
	uint32_t instr;        // the reading instruction (id)
	uint8_t how;           // BH_UNINIT__READ_*
	const char *field;     // READ_PASSED, READ_PARAM: the field read; RET_UNSET: the slot
	const char *callee;    // READ_PASSED, READ_INSIDE: the function it is passed to
	bh_loc callee_at;      // READ_PASSED, READ_INSIDE: where that function reads it;
			       // READ_PARAM: where a helper of one caller reads it (or none)
	uint32_t param;        // READ_PARAM: which parameter
	bool forwarded;        // READ_PARAM: the value is handed to a library function
	bool global;           // READ_PARAM: `param` is a global variable, not a parameter
	bool inside;           // READ_PASSED: to a helper of one caller: reported at callee_at
	uint64_t order;        // reverse postorder of the block, then instruction: earliest first
} bh_uninit__cand;

typedef BH_VEC(bh_uninit__cand) bh_uninit__cands;

/** The analysis of one function. */
typedef struct {
	bh_uninit__program *prog;
	const bh_ir_func *fn;
	bh_uninit__summary *sum;
	bh_arena *arena;          // this function's scratch
	bh_uninit__loc *locs;     // nlocs
	uint32_t nlocs;
	uint32_t *var_first;      // per variable: its first location, or NONE
	uint32_t *var_count;      // ... and how many it owns (struct: WHOLE, REST, slots)
	uint32_t *heap_first;     // per pointer variable: its first HEAP location, or NONE
	uint32_t *heap_count;
	bh_uninit__xvar *xv;      // per variable (uninit_carry.c)
	const bh_ir_opnd **fn_value; // per variable: the function it certainly holds, or NULL
	size_t nwords;            // of one fact
	bh_flow_consts consts;
	bh_flow_result result;
	uint32_t *rpo_index;      // block -> place in reverse postorder
	bh_uninit__cands *sink;   // where reads of set bits go (the candidate pass), or NULL
	size_t search_steps;      // witness search work left for the function
	// Witness search tables, computed at its first use (uninit_cond.c):
	bool *cond_useful;        // per block: its branch tests a condition another branch tests too
	bool *val_useful;         // per variable: its value can decide a branch
	bool *block_local;        // per variable: a temporary that dies with its block
	uint32_t *br_atoms;       // per block: up to BH_UNINIT__BR_ATOMS variables its branch reads
	uint8_t *br_natoms;
} bh_uninit__fctx;

/**
 * Number the locations of `c->fn` and fill the per-variable tables.
 * Requires: c->prog, c->fn, c->arena.
 */
void bh_uninit__prepare(bh_uninit__fctx *c);

/** The location that holds field `name` of struct variable `v`, or NONE. */
uint32_t bh_uninit__field_loc(const bh_uninit__fctx *c, uint32_t v, const char *name);

/**
 * Number the locations of values that cross a call in memory and fill
 * c->xv. Requires: the other locations numbered; room for 2 more per
 * variable in c->locs (`cap`).
 */
void bh_uninit__prepare_carry(bh_uninit__fctx *c, uint32_t cap);

/**
 * The caller's value that `x = ...` copies (`x = param`, `x = s.f` of a
 * struct parameter, `x = *p`, `x = p[i]`, `x = global`), or NONE; its
 * field in `*field`.
 */
uint32_t bh_uninit__carried_source(const bh_uninit__fctx *c, const bh_ir_instr *in,
				   const char **field);

/** The PDEREF location that `*o` / `o[i]` reads, or NONE. */
uint32_t bh_uninit__deref_loc(const bh_uninit__fctx *c, const bh_ir_opnd *o);

/** Does the summary say the callee reads what argument j points to? Where, in `*at`. */
bool bh_uninit__reads_pointee(const bh_uninit__summary *sum, uint32_t j, bh_loc *at);

/** The fact at the entry: every local's and parameter field's bits set. */
void bh_uninit__boundary(const bh_uninit__fctx *c, bh_flow_word *f);

/**
 * Apply instruction `in` to fact `f`. Reads of set bits go to c->sink
 * when it is set. The same function drives the solver, the candidate
 * pass and the witness search, so they agree on every step.
 */
void bh_uninit__step(bh_uninit__fctx *c, bh_flow_word *f, const bh_ir_instr *in);

/**
 * The summary of the program function a call reaches (directly, through a
 * pointer assigned once, or through an operations table), or NULL; its
 * name in `*name_out` when known, its call-graph node in `*node_out`
 * (SIZE_MAX when none; `node_out` may be NULL).
 */
const bh_uninit__summary *bh_uninit__callee(const bh_uninit__fctx *c, const bh_ir_instr *call,
					     const char **name_out, size_t *node_out);

/** The argument of `call` that `sum` (its callee's) gives back unchanged, or NULL. */
const bh_ir_opnd *bh_uninit__returned_arg(const bh_uninit__summary *sum, const bh_ir_instr *call);

/**
 * What instruction `in` may copy, as the copy rules see it (`x = y`,
 * `s.f = y`, `x = s.f`, `x = f(y)` with f giving y back), with where it
 * goes in `*to` (x, or s); NULL when it copies nothing. The operands are
 * not checked for kinds.
 */
const bh_ir_opnd *bh_uninit__copy_of(const bh_uninit__fctx *c, const bh_ir_instr *in,
				     const bh_ir_opnd **to);

/** Is `name` an allocator whose block starts uninitialised (malloc)? */
bool bh_uninit__is_raw_alloc(const char *name);

/** Witness search outcomes (only FOUND is reported). */
typedef enum {
	BH_UNINIT__NO_PATH,    // every feasible path to the read writes the location first,
			       // or only weak paths (uninit_path_internal.h) do not
	BH_UNINIT__FOUND,      // a feasible path reads it uninitialised
	BH_UNINIT__UNKNOWN,    // the search ran out of budget
} bh_uninit__outcome;

/** A witness: where the location became uninitialised, and the branch that skipped its write. */
typedef struct {
	uint32_t gen;          // instruction that made it uninitialised, or NONE (entry)
	uint32_t branch;       // block whose branch skipped the write, or NONE
	uint32_t taken;        // ... and the successor the path took
} bh_uninit__witness;

/**
 * Search for a feasible path on which candidate `cand` reads its location
 * uninitialised. Consumes c->search_steps.
 */
bh_uninit__outcome bh_uninit__search(bh_uninit__fctx *c, const bh_uninit__cand *cand,
				     bh_uninit__witness *w);

/** Report candidate `cand` with its witness `w` as a finding. */
void bh_uninit__report(bh_uninit__fctx *c, const bh_uninit__cand *cand,
		       const bh_uninit__witness *w);

/** The text of location `loc` for messages: "len", "cfg.host", "p->next". Arena. */
const char *bh_uninit__loc_text(const bh_uninit__fctx *c, uint32_t loc, const char *field);

/**
 * Analyse `fn` with the summaries its callees have so far: solve, confirm
 * the candidate reads, add the findings to p->out, and fill `sum` (in
 * p->arena).
 */
void bh_uninit__analyse_function(bh_uninit__program *p, const bh_ir_func *fn,
				 bh_uninit__summary *sum);

#endif
