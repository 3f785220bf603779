// SPDX-License-Identifier: MIT
// Shared inside the taint analysis (bh_taint): the value lattice, function
// summaries and the whole-program state that taint_program.c keeps and
// taint_func.c reads and extends while it analyses one function.
//
// Labels. A value's taint is a set of labels: bit 0 is "comes from a source
// of the program" (concrete taint); bit 1+i is "comes from parameter i of
// the function being analysed" (symbolic, for summaries). A summary says
// which labels reach the return value, each parameter's memory, globals
// and sinks; a caller maps parameter labels to the taint of its arguments.
//
// Bounds. Alongside the labels, `no_upper` and `no_lower` hold the labels
// of the value that no dominating comparison has bounded from above / from
// below. Size, length, index and loop-bound sinks fire only on labels still
// in `no_upper` (or in `no_lower` for a signed index or length).
#ifndef BH_TAINT_INTERNAL_H
#define BH_TAINT_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/flow.h"
#include "bulkhead/strset.h"
#include "bulkhead/taint.h"

#define BH_TAINT__SRC ((uint64_t)1)
#define BH_TAINT__MAX_PARAMS 62
#define BH_TAINT__PARAM(i) ((uint64_t)1 << (1u + (unsigned)(i)))
#define BH_TAINT__NONE UINT32_MAX // no witness instruction

// Where a pointer points, flow-sensitively: TARGET_NONE (nothing known
// yet, the lattice's bottom), 1 + a location it certainly points to, or
// TARGET_ANY (several or unknown: the flow-insensitive points-to set applies).
#define BH_TAINT__TARGET_NONE 0u
#define BH_TAINT__TARGET_ANY UINT32_MAX

// Which parts of a value are small (bh_taint__val.small): its concrete
// taint, and the taint it has from the function's parameters. Kept apart
// because a field a callee may set to a byte of input still holds what it
// held on entry: joining the two must not make the byte big.
#define BH_TAINT__SMALL_SRC 1u
#define BH_TAINT__SMALL_SYM 2u
#define BH_TAINT__SMALL_ALL 3u

// The taint of one location. 48 bytes; facts are arrays of these.
typedef struct {
	uint64_t labels;
	uint64_t no_upper; // subset of labels not bounded from above
	uint64_t no_lower; // subset of labels not bounded from below
	uint32_t witness;  // instruction that last made it tainted, or BH_TAINT__NONE
	uint16_t small;    // BH_TAINT__SMALL_*: which parts are a byte of input (or EOF), give
			   // or take a small constant
	uint16_t local;    // 1: its concrete taint comes only from the invoker (command line)
	uint32_t target;   // for a pointer: BH_TAINT__TARGET_*, see above
	uint32_t written;  // a field slot: 1 when this function stored the field on every
			   // path, after the last write to its struct's pointer (see
			   // BH_IR_FIELD in taint_func.c); joins keep it where both sides do
	uint64_t sized;    // subset of labels whose part of the value is at most the extent
			   // of one object (`end - p`, two places of one buffer): a loop or
			   // an allocation that size is as large as data someone already sent
} bh_taint__val;

// A path: ordered steps (source first) as a list of immutable arena
// cells, so that paths share their ends: a caller's path into a callee's
// sink is its own steps in front of the callee's path, not a copy of it
// (lua5.4's summaries held 1.7 million copied steps, 60 MB). A cell can
// also start with a whole other path (`sub`), so that paths share their
// beginnings too: a caller's explanation of an argument is one path that
// every sink entry the argument reaches starts with, in the same cell as
// its "passed to f() as argument 1" step.
typedef struct bh_taint__pstep {
	const struct bh_taint__pstep *sub;  // the steps of the path starting there (to its
					    // end) come first, or NULL
	bh_finding_step step;               // then this one
	const struct bh_taint__pstep *next; // then the rest, or NULL
} bh_taint__pstep;

// `sub`s nest at most this deep; a deeper path is copied in (each level
// is an explanation within an explanation: calls within calls).
#define BH_TAINT__PATH_DEPTH 16

typedef struct {
	const bh_taint__pstep *head; // the first step (the source end), or NULL
	uint32_t len;                // steps, counting those of links
	uint32_t depth;              // links within links: 0 for a plain list
} bh_taint__path;

/** The path `steps` (in order, `n` of them) in front of `tail`, cells in `arena`. */
bh_taint__path bh_taint__path_make(bh_arena *arena, const bh_finding_step *steps, size_t n,
				   bh_taint__path tail);

/** Walks a path's steps in order, through the paths cells start with. */
typedef struct {
	const bh_taint__pstep *cur;
	const bh_taint__pstep *stack[BH_TAINT__PATH_DEPTH + 1]; // cells whose `sub` is being walked
	size_t depth;
} bh_taint__path_iter;

void bh_taint__path_iter_init(bh_taint__path_iter *it, const bh_taint__path *p);

/** The next step, or NULL after the last. */
const bh_finding_step *bh_taint__path_next(bh_taint__path_iter *it);

// Where a sink is and what it is: one per sink instruction (or per call
// into code outside the build context), shared by every summary entry
// that reaches it (lua's API functions reach dozens each, every caller
// keeps its own entries: 120,000 of them for four copies of lua).
typedef struct {
	const bh_rule *rule;
	bh_loc loc;           // the sink itself
	const char *function; // the function holding the sink
	const char *callee;   // "system", or NULL for an index/loop-bound sink
	const char *operand;  // the sunk operand's name, or NULL
	const char *snippet;
	bool bounded_sink;    // fires only on values not bounded from above
	bool signed_matters;  // ... or not bounded from below
	uint32_t elem_size;   // an index through an array parameter: the element size
} bh_taint__sink_site;

// Reached through a call of a function a parameter chose: only when that
// parameter (1 + its index) is function `func` (its USR or name), or with
// `member` points to a struct whose member (that USR) is. A caller passing
// another function or table skips it, so a helper called with two
// callbacks or two operations tables does not mix up their sinks.
typedef struct {
	unsigned param;
	const char *member;
	const char *func;
} bh_taint__guard;

bool bh_taint__guard_equal(const bh_taint__guard *a, const bh_taint__guard *b);

/** A guard in `arena` (sink entries share it; it is never changed). */
const bh_taint__guard *bh_taint__guard_new(bh_arena *arena, unsigned param, const char *member,
					   const char *func);

// A sink that a parameter of a function reaches (possibly through
// callees). 48 bytes: summaries hold one per sink, caller and label
// (90,000 for four copies of lua), so what is rare lives elsewhere (the
// guard) and what belongs to the sink in its site (the element size).
typedef struct {
	const bh_taint__sink_site *site;
	const char *field;    // the parameter's field (`p->cmd`), or NULL for all of it
	bh_taint__path path;  // parameter entry .. sink
	const bh_taint__guard *guard; // NULL: applies whatever the caller passes
	uint16_t param;       // < BH_TAINT__MAX_PARAMS
	uint16_t array_param; // index sinks through a pointer parameter: 1 + its index, else 0;
			      // the caller knows the array's extent
	uint8_t bit;          // the label it depends on: a parameter's or a field's; 0: none,
			      // the callee's own untrusted data (index sinks through an array parameter)
	bool small_fires;     // a byte-sized value fires too (a short array is indexed or filled)
	bool small;           // bit 0 (concrete taint inside the callee): the value is a byte
	// A loop bound on the pointer `param` (`p < end`): what fires is not
	// the argument's taint (that of the bytes it leads to) but that of the
	// number the caller moved its pointer by (`buf + n`).
	bool via_offset;
} bh_taint__sink;
_Static_assert(sizeof(void *) != 8 || sizeof(bh_taint__sink) == 48, "summary sink entries stay small");

// A global that a function writes taint into.
typedef struct {
	const char *key;      // USR or name of the global
	uint64_t labels;
	bh_taint__path path;  // for concrete taint: source .. write
} bh_taint__global_write;

// Taint a function writes into one field of what a parameter points to
// (`p->len = n`): callers taint that field of their argument, not all of
// it. With `param` BH_TAINT__RET_FIELD, a field of what the function
// returns, stored by it on every path that returns a pointer (`s =
// malloc(...); s->len = n; return s;`): callers read that field of their
// result as what was stored there, not as all the returned memory holds.
#define BH_TAINT__RET_FIELD UINT32_MAX
typedef struct {
	unsigned param;
	const char *field;
	bh_taint__val val;    // labels written (witness unused)
	bh_taint__path path;  // for SRC: source .. write
	const char *what;
} bh_taint__field_out;

// What a label bit of a function stands for: bit 0 is concrete taint, bits
// 1..nparams the parameters (their value and all they point to), the bits
// after them single fields of what a parameter points to (`p->len`).
typedef struct {
	unsigned param;
	const char *field;    // NULL for a whole parameter
} bh_taint__label;

// What a caller needs to know about a function.
typedef struct bh_taint__summary {
	const bh_ir_func *fn; // NULL for a summary read from a file (bh_summaries)
	const char *usr;
	const char *name;
	uint32_t nparams;
	// Read from the summaries of code outside the build context: its
	// paths are dropped, and flows to its sinks are reported at the calls
	// into it, the last place in the context they pass.
	bool external;
	const bh_taint__label *labels; // nlabels: what each label bit of its values stands for
	unsigned nlabels;           // bits in use (1 + parameters + fields), at most 64
	bool analysed;
	bool incomplete;      // budget ran out: assume nothing flows
	bh_taint__val ret;    // labels reaching the return value (witness unused)
	bh_taint__path ret_path; // for SRC in ret: source .. return
	const char *ret_what; // the source's description for SRC in ret
	bool ret_is_const;    // every return returns the same integer constant
	int64_t ret_const;
	bh_taint__val *param_out; // nparams: labels written into each parameter's memory
	bh_taint__path *param_out_path; // nparams: for SRC: source .. write
	const char **param_out_what;
	BH_VEC(bh_taint__field_out) fields; // per parameter and field written
	BH_VEC(bh_taint__sink) sinks;
	BH_VEC(bh_taint__global_write) globals;
} bh_taint__summary;

// A global known to hold untrusted data, with how it got there.
typedef struct {
	const char *key;
	bh_taint__path path;
	const char *what;
	bool local;           // only from the invoker (command line)
	uint64_t stamp;       // bh_taint__program.stamp when it was added or last changed
	uint64_t digested;    // taint_trace.c: stamp + 1 when `digest` was computed, else 0
	unsigned char digest[32];
	// The program it is of (bh_callgraph_program), NULL for every program
	// (read from a summaries file): two programs of a context may each
	// have their own `config` of external linkage.
	const char *program;
} bh_taint__tainted_global;

// What one run of a component's analysis read of the program's state and
// reported (taint_reuse.c): a later round replays the reports instead of
// analysing again when what it read is unchanged.
typedef struct {
	size_t node;                   // a function outside the component
	const bh_taint__summary *sum;  // its summary then (NULL: none yet)
} bh_taint__sum_read;

typedef struct {
	const char *key;      // a global's key (IR-owned)
	uint64_t stamp;       // its tainted entry's stamp then, 0: not tainted
} bh_taint__global_read;

typedef struct {
	bool incomplete;      // a taint.incomplete note for `function` at `loc`
	const bh_rule *rule;
	bh_loc loc;
	const char *function, *snippet, *message;
	bh_taint__path path;
} bh_taint__report_record;

typedef struct {
	bool valid;           // a complete run was recorded
	BH_VEC(bh_taint__sum_read) sums;
	BH_VEC(bh_taint__global_read) globals;
	BH_VEC(bh_taint__report_record) reports; // in the order they were made
} bh_taint__run_log;

// The whole-program state.
typedef struct bh_taint__program {
	bh_arena *arena;            // summaries, paths, messages
	bh_strset step_messages;    // paths' step messages, one copy each: every caller
				    // of a function with dozens of sinks says "passed to
				    // f() as argument 2" once per sink
	bh_taint_models *models;
	// Every function definition is a node of the call graph (two programs
	// in one context both define main; each is analysed).
	const bh_callgraph *graph;
	// Per node, its summary of this round: NULL until its component is
	// analysed or replayed in this round, so that a call whose edge the
	// graph dropped (bh_callgraph) reads no summary in every round, as in
	// the first, and a later round can replay its caller. `last_sums`:
	// the previous round's, which a replay restores.
	bh_taint__summary **sums, **last_sums;
	// Globals holding concrete taint (program-wide, flow-insensitive).
	BH_VEC(bh_taint__tainted_global) tainted;
	// Findings of the current round, deduplicated by rule and location.
	bh_findings *findings;
	bh_diags *diags;
	BH_VEC(bh_taint__summary *) all_sums; // every summary made, to free their vectors
	const bh_summaries *imported;   // for functions without a body, or NULL
	uint64_t stamp;             // counts changes of `tainted`
	// The program of the component being analysed or replayed: the
	// tainted globals it reads and writes are that program's.
	const char *program;
	// Reuse (taint_reuse.c): per node of the part being analysed (at
	// `local[node]`, its index in the part), the log of the last run of
	// the component it heads (reads outside the component, reports) and of
	// its own last analysis (reads of the component's members and of
	// globals); the logs being written (NULL when none); per node, whether
	// it is a member of the component under analysis.
	bh_taint__run_log *logs, *member_logs;
	size_t *local;
	bh_taint__run_log *recording, *member_recording;
	bool *member;
	size_t analyses;            // functions analysed (bh_taint_options.analyses)
	struct bh_taint__tracer *tracer; // traces across scans (taint_trace.c), or NULL
} bh_taint__program;

/**
 * The summary of the function with USR `usr`: its own when it has a body
 * here (NULL until its component is analysed or replayed in this round),
 * else the one read from a summaries file, else NULL.
 */
const bh_taint__summary *bh_taint__summary_of(const bh_taint__program *p, const char *usr);

/** The concretely tainted global `key`, or NULL, without noting a read. */
bh_taint__tainted_global *bh_taint__find_global(const bh_taint__program *p, const char *key);

/** The concretely tainted global `key`, or NULL (a read of the analysis). */
const bh_taint__tainted_global *bh_taint__global(const bh_taint__program *p, const char *key);

/** Record that `key` holds untrusted data (first path wins). */
void bh_taint__taint_global(bh_taint__program *p, const char *key, bh_taint__path path,
			    const char *what, bool local);

/**
 * Analyse `fn` with the summaries known so far and fill `sum` (a fresh
 * summary for fn). Concrete flows to sinks become findings in
 * `p->findings` (the current round's; taint_program.c keeps the last).
 */
void bh_taint__analyse_function(bh_taint__program *p, const bh_ir_func *fn,
				bh_taint__summary *sum);

/** Note that the analysis of `fn` ran out of budget (its flows are dropped). */
void bh_taint__report_incomplete(bh_taint__program *p, const bh_ir_func *fn);

/**
 * Two summaries a caller cannot tell apart: every field callers read,
 * paths and texts included. NULL equals only NULL.
 */
bool bh_taint__summary_equal(const bh_taint__summary *a, const bh_taint__summary *b);

/**
 * Reads outside the component and reports of the current run go to `log`,
 * reads of the component's members and of globals by the function being
 * analysed to `member_log` (each emptied first; NULL stops).
 */
void bh_taint__record(bh_taint__program *p, bh_taint__run_log *log);
void bh_taint__record_member(bh_taint__program *p, bh_taint__run_log *member_log);

/** Note a read of node `node`'s summary `sum`, or of global `key`'s entry `g`, if recording. */
void bh_taint__note_sum_read(const bh_taint__program *p, size_t node, const bh_taint__summary *sum);
void bh_taint__note_global_read(const bh_taint__program *p, const char *key,
				const bh_taint__tainted_global *g);

/** Note a report (before deduplication), if recording; strings and paths are copied. */
void bh_taint__note_report(bh_taint__program *p, const bh_taint__report_record *r);

/** Would a run now read exactly what the run `log` recorded read? */
bool bh_taint__log_still_holds(const bh_taint__program *p, const bh_taint__run_log *log);

/** Make again the reports `log` recorded, in order. */
void bh_taint__replay(bh_taint__program *p, const bh_taint__run_log *log);

void bh_taint__log_dispose(bh_taint__run_log *log);

/** The taint.incomplete note for `function` at `loc`. */
void bh_taint__note_incomplete(bh_taint__program *p, bh_loc loc, const char *function);

/*
 * taint_trace.c: traces of components across scans (include/bulkhead/
 * reuse.h). begin (r NULL: none, every call below does nothing), a round
 * at the start of each round of a part (`nodes`, bh_callgraph_parts), then
 * per component: replay, or start, the
 * analysis, finish; `again` when this run's own log replays a component
 * in a later round. sound: false when a stored summary did not decode
 * (the run must be made again without traces).
 */
typedef struct bh_taint__tracer bh_taint__tracer;
struct bh_reuse;
void bh_taint__trace_begin(bh_taint__program *p, struct bh_reuse *r, const bh_callgraph_ids *ids);
bool bh_taint__trace_sound(const bh_taint__program *p);
void bh_taint__trace_end(bh_taint__program *p);
void bh_taint__trace_round(bh_taint__program *p, const size_t *nodes, size_t n);
/** A part whose summaries are freed: its replayed ones are not decoded later. */
void bh_taint__trace_forget(bh_taint__program *p, const size_t *nodes, size_t n);
bool bh_taint__trace_replay(bh_taint__program *p, const size_t *nodes, size_t n, unsigned round);
void bh_taint__trace_start(bh_taint__program *p, const size_t *nodes, size_t n, unsigned round);
void bh_taint__trace_finish(bh_taint__program *p, const size_t *nodes, size_t n, const bh_taint__run_log *log);
/** The component headed by `head` replays its last round's run in `round`. */
void bh_taint__trace_again(bh_taint__program *p, size_t head, unsigned round);
/** Node `node`'s summary this round (a replayed one decoded when first asked for). */
const bh_taint__summary *bh_taint__sum(const bh_taint__program *p, size_t node);
/** Reads and taints of the component being recorded. */
void bh_taint__trace_sum_read(const bh_taint__program *p, size_t node);
void bh_taint__trace_global_read(const bh_taint__program *p, const char *key, const bh_taint__tainted_global *g);
void bh_taint__trace_taint(bh_taint__program *p, const char *key, bh_taint__path path, const char *what,
			   bool local);

/** Add a finding for a flow (deduplicated by rule and location). */
void bh_taint__report(bh_taint__program *p, const bh_rule *rule, bh_loc loc,
		      const char *function, const char *snippet, const char *message,
		      const bh_taint__path *path);

#endif
