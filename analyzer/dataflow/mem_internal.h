// SPDX-License-Identifier: MIT
// Shared inside the memory-state analysis (bh_mem): the lattice, function
// summaries and the whole-program state that mem_program.c keeps and
// mem_func.c reads and extends while it analyses one function.
//
// Objects. Everything a pointer can point to that the analysis follows is
// an object of the function: the memory each pointer parameter points to
// (the caller's), each block an allocation call returns (one object per
// call site), each local or global variable whose address is taken or
// that is an array, and string literals. Objects are numbered from 1; 0 is
// "no object known".
//
// File descriptors are objects too: a call that opens one (open, socket, a
// wrapper of the program) makes a block of family BH_MEM_FAMILY_FD, and
// the `int` variables that hold the descriptor "point to" it, as pointers
// point to a heap block; -1 plays the part of NULL (BH_MEM__NOFD). Each
// integer parameter has an object like a pointer parameter, so that a
// function that closes or keeps its descriptor parameter gets a summary.
//
// Facts. A fact holds, for every location (each variable, then each field
// slot `s.f` / `p->f`), the value it holds: which object it points to,
// whether it may be NULL and why; and for every object its state: live,
// released (where), given away (stored somewhere, returned, passed to code
// that keeps it), or lost track of (two objects met in one variable).
#ifndef BH_MEM_INTERNAL_H
#define BH_MEM_INTERNAL_H

#include "bulkhead/arena.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/flow.h"
#include "bulkhead/mem.h"
#include "dataflow/reuse_internal.h"

#define BH_MEM__MAX_OBJECTS 1024u
#define BH_MEM__NONE UINT32_MAX

// Object kinds.
enum {
	BH_MEM__OBJ_PARAM = 1, // what parameter `var` points to on entry
	BH_MEM__OBJ_BLOCK,     // allocated at instruction `site`
	BH_MEM__OBJ_LOCAL,     // local variable `var` (its address, or the array)
	BH_MEM__OBJ_GLOBAL,    // global or static variable `var`; with var UINT32_MAX, the
			       // static memory a function returns (its call at `site`)
	BH_MEM__OBJ_LITERAL,   // a string literal
	BH_MEM__OBJ_FIELD,     // what field slot `var` of a pointer parameter points to on entry
	BH_MEM__OBJ_RELEASED,  // an unknown pointer released at `site` (`free(n)` in a list walk)
	BH_MEM__OBJ_PDEREF,    // what `*p` of pointer parameter `var` holds on entry (`&data`)
	BH_MEM__OBJ_GENTRY,    // what global pointer `var` holds on entry
	BH_MEM__OBJ_PELEM,     // what element `index` of the array pointer parameter `var`
			       // points to holds on entry (`sink(int *a[]) { a[2] ... }`)
	BH_MEM__OBJ_PFIELD,    // what field slot `var` of a struct parameter passed by value
			       // holds on entry (`sink(struct s v) { v.first ... }`)
};

// What an object is; fixed for the analysis of one function.
typedef struct {
	uint8_t kind;          // BH_MEM__OBJ_*
	uint8_t family;        // BLOCK: bh_mem_family
	bool may_fail;         // BLOCK: the allocation returns NULL when it fails
	bool oom_only;         // BLOCK: ... and a wrapper checked that and passes the failure on
	bool nonzero_fails;    // BLOCK from an outN model: the status is non-zero when it failed
	uint32_t var;          // PARAM, LOCAL, GLOBAL: the variable
	uint32_t site;         // BLOCK: the allocating instruction's id
	int64_t index;         // PELEM: the element
	const char *by;        // BLOCK: the allocating function ("malloc", "make_buf");
			       // RELEASED: the function that released and returned it
	bh_loc released_in;    // RELEASED by a program function: where it released it
} bh_mem__object;

// Null bits of a value.
#define BH_MEM__MAY_NULL 1u     // NULL on some path
#define BH_MEM__MAY_NONNULL 2u  // not NULL on some path (0: nothing known)

// Value flags.
#define BH_MEM__EXPLICIT 1u // the NULL is a literal written in the code
#define BH_MEM__OFFSET 2u   // points inside its object, not at its start
#define BH_MEM__CHECKED 4u  // compared with NULL on the way here
#define BH_MEM__HANDLED 8u  // NULL, and code the analysis cannot see ran on its
			    // branch (an out-of-memory handler): not a NULL result
#define BH_MEM__SURE 32u    // certainly not NULL: an address, a literal, an allocation
			    // that cannot fail, a pointer just checked (kept by a join
			    // only when both sides have it)
#define BH_MEM__OOM 64u     // its NULL is a failure a program function checked and passed
			    // on (`if (sh == NULL) return NULL;`), not "not found"
#define BH_MEM__STATUS 16u  // not a pointer: the status a call that allocates through an
			    // out parameter returns (asprintf); negative when `obj` was
			    // not allocated
#define BH_MEM__NOFD 128u   // with obj 0: a negative integer (`fd = -1`), the "no
			    // descriptor" a failed open() returns; with an object: a
			    // descriptor that may be that (the paths met)

// What a location holds. 12 bytes.
//
// `nonheap` is a may-state that survives joins: where a string literal
// and a strdup() block meet in one variable the object is lost (obj 0),
// but the variable still holds memory that is not from the heap on the
// paths that come from the literal, and free() of it is a bug there
// (c.free-non-heap, reported where bh_mem__path_exists finds such a path).
typedef struct {
	uint16_t obj;     // object, or 0
	uint8_t null;     // BH_MEM__MAY_*
	uint8_t flags;    // BH_MEM__EXPLICIT, ...
	uint32_t at;      // the instruction that made it maybe NULL, or BH_MEM__NONE
	uint32_t nonheap; // 1 + the instruction that stored memory not from the heap (a
			  // literal, a local array, a global) in the named location this
			  // value came from, on some path here; 0: none
} bh_mem__val;

// Object states (may: a set of possibilities over the paths that meet).
#define BH_MEM__LIVE 1u     // exists and is owned here
#define BH_MEM__FREED 2u    // released
#define BH_MEM__GONE 4u     // given away: stored, returned, passed to code that keeps it
#define BH_MEM__LOST 8u     // the analysis lost track of it (no leak reported)
#define BH_MEM__ABSENT 16u  // a parameter that is NULL on this path: nothing to release
#define BH_MEM__ADOPTED 32u // owned by another block where that one exists (a descriptor
			    // given to fdopen(): the stream's `prev`); live again where
			    // the call failed
#define BH_MEM__MOVED 64u   // PDEREF: the parameter's memory may have been written since
			    // entry: `*p` may no longer read this object

// An object's state. 12 bytes.
typedef struct {
	uint8_t state;     // BH_MEM__LIVE, ...
	uint8_t pad;
	uint16_t prev;     // realloc: the old block, live again where this one is NULL;
			   // fdopen: the descriptor it adopted (BH_MEM__ADOPTED)
	uint32_t freed_at; // the releasing instruction, or BH_MEM__NONE
	uint32_t pad2;
} bh_mem__ostate;

// Per-parameter summary bits.
#define BH_MEM__P_FREES 1u        // released on every path that returns
#define BH_MEM__P_MAY_FREE 2u     // released on some path
#define BH_MEM__P_DEREF 4u        // dereferenced on some path
#define BH_MEM__P_DEREF_ALWAYS 8u // dereferenced before any NULL check, on every path
#define BH_MEM__P_KEEPS 16u       // stored somewhere or passed on to code that keeps it
#define BH_MEM__P_CHECKS 32u      // compared with NULL

// What a caller needs to know about a function.
typedef struct {
	const bh_ir_func *fn;   // NULL for a summary read from a file (bh_summaries)
	const char *usr;
	const char *name;
	uint32_t nparams;
	bool analysed;
	bool incomplete;        // budget ran out: treat it as unknown code
	bool noreturn;          // no path returns
	uint8_t *param;         // nparams: BH_MEM__P_* bits
	uint8_t *param_family;  // nparams: the family it releases
	bh_loc *param_loc;      // nparams: where it is released or dereferenced
	bool ret_fresh;         // every non-NULL result is a new block of `ret_family`
	uint8_t ret_family;
	bool ret_may_null;      // NULL on some path (a literal, or an unchecked failing call)
	bool ret_null_oom;      // ... only as a NULL literal where a call inside failed
	bool ret_static;        // every non-NULL result is static memory (a global, a literal)
	bool ret_sure;          // never NULL (a failure is handled inside: `if (!p) oom(n);`)
	uint32_t ret_param;     // 1 + the parameter every return returns unchanged, or 0
	uint32_t ret_sure_param; // 1 + the parameter every return returns unchanged or else a
				 // pointer that is certainly not NULL, or 0: not NULL when it is not
	uint32_t ret_realloc;   // 1 + the parameter whose block every result that is not
				// NULL replaced, as realloc() does (a wrapper), or 0: where
				// the result is NULL, the argument's block is still live
	bh_loc ret_null_loc;    // where that NULL comes from
	bool ret_freed;         // every result is a block it allocated and released
	bh_loc ret_freed_loc;   // where it released it
	bool ret_null;          // every result is a NULL literal: the caller gets NULL
	// What it does to memory its caller reaches other than through its
	// arguments' values: the pointer behind a pointer argument (`*pp`),
	// the pointer in a global.
	uint32_t nind;
	struct bh_mem__ind *ind;
	bool single_use;        // read from a file: the function was named in one place of the
				// program that wrote it (bh_callgraph_single_use)
} bh_mem__summary;

// One such effect (BH_MEM__P_FREES, P_MAY_FREE, P_DEREF, P_DEREF_ALWAYS on
// it). Besides `*pp` and globals: an element of an array parameter and a
// field of a struct passed by value (the caller's `a[2]`, `s.first`).
typedef struct bh_mem__ind {
	uint8_t kind;           // BH_MEM__OBJ_PDEREF, GENTRY, PELEM or PFIELD
	uint8_t bits;
	uint8_t family;         // the family it releases
	uint32_t param;         // PDEREF, PELEM, PFIELD: the parameter
	int64_t index;          // PELEM: the element
	const char *field;      // PFIELD: the field's name
	const char *global;     // GENTRY: the global's key (bh_callgraph_global_key)
	bh_loc loc;             // where it is released or dereferenced
} bh_mem__ind;

/**
 * A calling context: which parameters a call fixes to integer constants,
 * which pointer parameters it passes NULL (known, value 0), and which
 * globals the caller set to a constant just before (`flag = 1; sink(p);`).
 */
#define BH_MEM__MAX_CONTEXT 8
#define BH_MEM__MAX_CONTEXT_GLOBALS 4
typedef struct {
	bool known[BH_MEM__MAX_CONTEXT];
	int64_t value[BH_MEM__MAX_CONTEXT];
	uint32_t nglobals;
	const char *global[BH_MEM__MAX_CONTEXT_GLOBALS]; // bh_callgraph_global_key
	int64_t global_value[BH_MEM__MAX_CONTEXT_GLOBALS];
} bh_mem__context;

// The whole-program state.
typedef struct {
	bh_arena *arena;            // summaries, messages
	bh_mem_models *models;
	const bh_callgraph *graph;
	bh_mem__summary **sums;     // parallel to graph->funcs
	bh_diags *diags;
	BH_VEC(struct bh_mem__special) special; // summaries in calling contexts (this part's)
	size_t special_dropped;     // ... made in parts already released (MAX_SPECIAL counts them)
	unsigned special_depth;     // context analyses in progress (they nest)
	// Unchecked NULLs from program functions are reported where most
	// callers check that function's result ("bugs as deviant behaviour"):
	// per call-graph node, results compared with NULL and results used
	// unchecked, and the findings held back until all are counted.
	uint32_t *null_checked;
	uint32_t *null_unchecked;
	bh_findings *held;
	BH_VEC(size_t) held_node;
	const bh_summaries *imported; // for functions without a body, or NULL
	// Reuse inside recursive components (mem_reuse.c): the log being
	// written, or NULL (each member's last log is analyse_component's).
	struct bh_mem__member_log *recording;
	// Reuse across scans (mem_trace.c), or NULL: the nodes' names and
	// digests; the nodes whose null_checked was counted, in order; the
	// analyses in a calling context the replayed components had made.
	bh_reuse *reuse;
	const bh_callgraph_ids *ids;
	BH_VEC(size_t) checked_events;
	size_t replayed_special;
	bool *member;                 // per node: in the component under analysis
	size_t analyses;              // functions analysed (bh_mem_options.analyses)
} bh_mem__program;

/**
 * Is `s` the summary of a program function named in one place only (a
 * helper of its one caller, like a `badSink()`)? A finding its summary
 * causes is then reported inside it (unless it checks that parameter for
 * NULL, as a utility written for any caller does); one of a function used
 * in many places (an allocator's free wrapper, an API) stays at the call,
 * where the contract was broken, and findings of different callers stay
 * apart.
 */
bool bh_mem__single_use(const bh_mem__program *p, const bh_mem__summary *s);

/** Where the program-wide state stood when a component's analysis began (mem_trace.c). */
typedef struct {
	size_t held, diags, checked, special;
} bh_mem__trace_mark;

/** Begin recording the trace of component `nodes` (no-op without reuse). */
void bh_mem__trace_start(bh_mem__program *p, const size_t *nodes, size_t n, bh_mem__trace_mark *m);
/** End it: the members' summaries, `found` and what changed since `m`. */
void bh_mem__trace_finish(bh_mem__program *p, const size_t *nodes, size_t n, const bh_findings *found,
			  const bh_mem__trace_mark *m);
/**
 * Replay stored trace `t` of component `nodes`: summaries, findings (to
 * `out`), notes, held findings and counts; false, and nothing changed,
 * when its outputs cannot be read.
 */
bool bh_mem__trace_replay(bh_mem__program *p, const bh_reuse__trace *t, const size_t *nodes, size_t n,
			  bh_findings *out);

// A member summary an analysis read.
typedef struct {
	size_t node;
	const bh_mem__summary *sum;
} bh_mem__sum_read;

// What one analysis of a component's member read of the other members and
// did besides its summary: the NULL checks it counted, its findings.
typedef struct bh_mem__member_log {
	bool valid;
	BH_VEC(bh_mem__sum_read) reads;
	BH_VEC(size_t) checked;  // nodes whose null_checked it counted, in order
	bh_findings found;
} bh_mem__member_log;

/** Two summaries a caller cannot tell apart; NULL equals only NULL. */
bool bh_mem__summary_equal(const bh_mem__summary *a, const bh_mem__summary *b);

/** Note a read of member `node`'s summary, if recording. */
void bh_mem__note_read(const bh_mem__program *p, size_t node, const bh_mem__summary *sum);

/** Count a NULL check of node `node`'s result (and note it, if recording). */
void bh_mem__count_checked(bh_mem__program *p, size_t node);

/**
 * Would an analysis of the member `log` belongs to now read what it read?
 * Then it would do the same: its counts are made again and it is not run.
 */
bool bh_mem__replay_member(bh_mem__program *p, const bh_mem__member_log *log);

/** Empty `log` and record the next analysis into it. */
void bh_mem__record_member(bh_mem__program *p, bh_mem__member_log *log);

void bh_mem__member_log_dispose(bh_mem__member_log *log);

typedef struct bh_mem__special {
	size_t node;
	bh_mem__context ctx;
	const bh_mem__summary *sum;
} bh_mem__special;

/**
 * Analyse `fn` with the summaries known so far: fill `sum` and add the
 * function's findings to `out`. `ctx` (may be NULL) fixes parameters.
 */
void bh_mem__analyse_function(bh_mem__program *p, const bh_ir_func *fn, bh_mem__summary *sum,
			      bh_findings *out, const bh_mem__context *ctx);

/**
 * The summary of the function of call-graph node `node` in context `ctx`
 * (analysed once per context, without findings), or NULL when the budget
 * for such analyses is spent.
 */
const bh_mem__summary *bh_mem__specialize(bh_mem__program *p, size_t node, const bh_mem__context *ctx);

/** The summary of the program function a call's callee names, or NULL. */
const bh_mem__summary *bh_mem__callee_summary(const bh_mem__program *p, const bh_ir_opnd *callee);

/** A family's name in the models ("heap", "stream"); "" for none. */
const char *bh_mem__family_name(bh_mem_family f);

/** The family named `word` (not none); false if there is none of that name. */
bool bh_mem__family_parse(const char *word, bh_mem_family *out);

#endif
