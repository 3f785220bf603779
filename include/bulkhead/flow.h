/* SPDX-License-Identifier: MIT */
/*
 * The dataflow framework over bh_ir: one generic worklist solver for
 * forward and backward analyses, parameterised by a lattice, and the
 * analyses built on it (reaching definitions, liveness) or beside it
 * (dominators, post-dominators and control dependence). Taint and [E]'s memory-state checkers are further
 * lattices plugged into the same solver.
 *
 * Every analysis is bounded: the solver stops after a number of block
 * visits and says so (BH_FLOW_BUDGET), so that no function can stall a
 * scan. A budget result is not a fixpoint; callers report it as a
 * diagnostic and treat the function's facts as unknown.
 *
 * Lifetime: results live in the arena passed in (the unit's arena), next
 * to the IR they describe.
 */
#ifndef BULKHEAD_FLOW_H
#define BULKHEAD_FLOW_H

#include "common.h"
#include "ir.h"

typedef struct bh_arena bh_arena;

/* ---------------------------------------------------------------- solver */

typedef enum {
	BH_FLOW_FORWARD,   /* facts flow from the entry along edges */
	BH_FLOW_BACKWARD,  /* facts flow from the exits against edges */
} bh_flow_dir;

typedef enum {
	BH_FLOW_DONE = 0,  /* a fixpoint was reached */
	BH_FLOW_BUDGET,    /* the visit budget ran out: facts are not sound */
} bh_flow_outcome;

/**
 * A lattice and its transfer functions. Facts are `fact_size` bytes of
 * caller-defined layout (a bitset, a map, a pointer to one); the solver
 * only copies them with `copy` and compares with `equal`. All callbacks
 * get the `payload` given to bh_flow_solve.
 *
 * Give exactly one of `transfer_block` (the whole block at once) and
 * `transfer_instr` (one instruction; the solver walks the block in the
 * direction of the analysis). Transfer updates `fact` in place.
 */
typedef struct {
	size_t fact_size;
	/** The fact before anything is known (the lattice's bottom); writes all fact_size bytes. */
	void (*init)(void *fact, void *payload);
	/** The fact at the entry (forward) or at each exit (backward). */
	void (*boundary)(void *fact, void *payload);
	/**
	 * `dst` = `dst` join `src`. Joining into a fresh `init` fact must
	 * give `src` byte for byte: the solver copies the first incoming
	 * fact instead of joining it into bottom.
	 */
	void (*join)(void *dst, const void *src, void *payload);
	bool (*equal)(const void *a, const void *b, void *payload);
	void (*copy)(void *dst, const void *src, void *payload);
	void (*transfer_block)(void *fact, const bh_ir_func *fn, const bh_ir_block *b,
			       void *payload);
	void (*transfer_instr)(void *fact, const bh_ir_func *fn, const bh_ir_instr *in,
			       void *payload);
	/**
	 * Optional: `next` = `prev` widen `next`, applied at loop heads once
	 * they have been visited `widen_after` times. Lattices of finite
	 * height (bitsets) need none.
	 */
	void (*widen)(void *next, const void *prev, void *payload);
	/**
	 * Optional: refine the fact that flows along the edge `from` -> `to`
	 * (CFG direction, whatever the analysis' direction) before it is
	 * joined: what a branch condition says on each side (`n < 10` bounds
	 * n on the true edge), or bottom (`init`) for an edge that a constant
	 * condition never takes. `fact` is a copy the callback may change.
	 */
	void (*transfer_edge)(void *fact, const bh_ir_func *fn, uint32_t from, uint32_t to,
			      void *payload);
	/**
	 * Optional, with `transfer_edge`: false when `transfer_edge` would
	 * leave every fact on the edge `from` -> `to` unchanged (an
	 * unconditional jump, a test the lattice does not read). The solver
	 * then joins, or shares, the incoming fact without a copy. Called
	 * before each incoming fact is joined, whether or not transfer_edge
	 * then runs. NULL: every edge may change its fact.
	 */
	bool (*edge_acts)(const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload);
} bh_flow_lattice;

typedef struct {
	bh_flow_dir dir;
	unsigned widen_after;  /* visits of a loop head before widening; 0: default (3) */
	size_t max_steps;      /* work allowed, see below; 0: BH_FLOW_DEFAULT_STEPS */
} bh_flow_options;

#define BH_FLOW_OPTIONS_INIT { BH_FLOW_FORWARD, 0, 0 }

/**
 * The budget counts steps: one per block visit plus one per incoming fact
 * joined, so that it bounds time even where thousands of edges meet in one
 * block. The default allows each block and edge about 64 visits: generous
 * for any real lattice, yet a pathological function costs milliseconds.
 */
#define BH_FLOW_DEFAULT_STEPS(nblocks, nedges) (64u * ((size_t)(nblocks) + (size_t)(nedges)) + 1024u)

/** Where a result's facts live (flow.c): counted buffers in the arena. */
typedef struct bh_flow_pool bh_flow_pool;

/**
 * Facts at both ends of every block. `in[b]` holds at the start of block
 * b and `out[b]` at its end, in program order, whatever the direction.
 * Blocks share a fact wherever it is the same by construction (a block's
 * only incoming fact, the bottom of blocks not reached yet): never write
 * through these pointers; bh_flow_set replaces one.
 */
typedef struct {
	const bh_ir_func *fn;
	bh_flow_dir dir;
	size_t fact_size;
	unsigned char **in;    /* nblocks pointers to facts (arena) */
	unsigned char **out;   /* nblocks pointers to facts (arena) */
	bh_flow_pool *pool;
	bh_flow_outcome outcome;
	size_t visits;         /* block visits made */
	size_t steps;          /* budget used: visits plus facts joined */
} bh_flow_result;

/**
 * Solve `lat` over `fn` with a worklist in reverse postorder (forward) or
 * postorder (backward). Blocks that cannot reach an exit still get facts
 * in a backward analysis (from `init`).
 * Ownership: the facts live in `arena`; `payload` is borrowed.
 * @return BH_FLOW_DONE, or BH_FLOW_BUDGET when `opts->max_steps` ran out
 * (the result then holds the facts of the last visit of each block).
 */
bh_flow_outcome bh_flow_solve(bh_flow_result *out, bh_arena *arena, const bh_ir_func *fn,
			      const bh_flow_lattice *lat, const bh_flow_options *opts,
			      void *payload);

/**
 * Facts of all blocks may take at most this many bytes (both ends); a
 * bigger problem is not solved at all and gives BH_FLOW_BUDGET with no
 * facts (bounded memory per function).
 */
#define BH_FLOW_MAX_FACT_BYTES ((size_t)64 << 20)

/** The fact at the start / end of block `b`; NULL when the solver kept no facts (budget). */
const void *bh_flow_in(const bh_flow_result *r, uint32_t b);
const void *bh_flow_out(const bh_flow_result *r, uint32_t b);

/**
 * Replace the fact at the start (`at_end` false) or the end of block `b`
 * of a solved result by a copy of `fact_size` bytes of `fact` (a
 * refinement after the fixpoint, such as narrowing). Other blocks that
 * shared the old fact keep it.
 */
void bh_flow_set(bh_flow_result *r, uint32_t b, bool at_end, const void *fact);

/**
 * Which variables carry values across block boundaries: every variable
 * that is not a temporary, and the temporaries written more than once or
 * read outside the block that writes them (the joins of ?:, && and ||
 * values). The others live and die inside one block, and facts at block
 * boundaries need not mention them, which keeps bitsets small.
 * `index_out[v]` gets v's dense index among the tracked ones, or
 * UINT32_MAX. Arena array.
 * @return the number of tracked variables.
 */
uint32_t bh_flow_track_vars(uint32_t **index_out, bh_arena *arena, const bh_ir_func *fn);

/**
 * Blocks in reverse postorder from the entry (a topological order of the
 * acyclic part): `order` gets fn->nblocks entries, `index_out` (may be
 * NULL) the position of each block in it. Arena arrays.
 */
void bh_flow_rpo(uint32_t **order, uint32_t **index_out, bh_arena *arena, const bh_ir_func *fn);

/* --------------------------------------------------------------- bitsets */

/** A fixed-size bitset of `nwords` 64-bit words, the fact of most analyses. */
typedef uint64_t bh_flow_word;
#define BH_FLOW_WORDS(nbits) (((size_t)(nbits) + 63u) / 64u)

static inline bool bh_flow_bit(const bh_flow_word *set, size_t i)
{
	return (set[i / 64u] >> (i % 64u)) & 1u;
}

static inline void bh_flow_set_bit(bh_flow_word *set, size_t i)
{
	set[i / 64u] |= (bh_flow_word)1u << (i % 64u);
}

static inline void bh_flow_clear_bit(bh_flow_word *set, size_t i)
{
	set[i / 64u] &= ~((bh_flow_word)1u << (i % 64u));
}

/* ------------------------------------------------------------- constants */

/**
 * Integer constants that decide branches: const-qualified globals,
 * globals initialised and never written anywhere in the program, locals
 * and temporaries assigned once from constants (chains folded), and calls
 * to functions that always return the same constant. The two callbacks
 * bring the whole-program facts: `global_unwritten` (may be NULL: no
 * global counts as unwritten) and `call_const` (may be NULL).
 * Ownership: arrays live in `arena`.
 */
typedef struct {
	bool *known;      /* per variable */
	int64_t *value;
} bh_flow_consts;

void bh_flow_compute_consts(bh_flow_consts *out, bh_arena *arena, const bh_ir_func *fn,
			    bool (*global_unwritten)(const bh_ir_var *v, void *payload),
			    bool (*call_const)(const bh_ir_instr *call, int64_t *value, void *payload),
			    void *payload);

/**
 * The same for one calling context: parameter j is the constant
 * `param_value[j]` where `param_known[j]` (a caller passes a literal flag:
 * `_sdsnewlen(init, len, 0)`). Both arrays have fn->nparams entries.
 */
void bh_flow_compute_consts_in(bh_flow_consts *out, bh_arena *arena, const bh_ir_func *fn,
			       bool (*global_unwritten)(const bh_ir_var *v, void *payload),
			       bool (*call_const)(const bh_ir_instr *call, int64_t *value, void *payload),
			       void *payload, const bool *param_known, const int64_t *param_value);

/** The value of an integer operand or of a variable known constant. */
bool bh_flow_const_of(const bh_flow_consts *k, const bh_ir_opnd *o, int64_t *out);

/** `a op b` for the binary operators whose result is exact on int64; false for others. */
bool bh_flow_fold_binop(int op, int64_t a, int64_t b, int64_t *out);

/**
 * True if the edge `from` -> `to` can never be taken: a BR on a constant
 * condition to its other side, a SWITCH on a constant to a case that does
 * not match. (An edge that is both sides of a BR is feasible.)
 */
bool bh_flow_edge_dead(const bh_flow_consts *k, const bh_ir_func *fn, uint32_t from, uint32_t to);

/**
 * The function each variable certainly holds: a local assigned exactly
 * once, from a function name, whose address is never taken (`void
 * (*cb)(int) = f; cb(x);` calls f). Globals and statics are left out: other
 * code may change them. Returns fn->nvars + 1 entries (arena), NULL where
 * nothing is known; `ndefs`, if non-NULL (fn->nvars entries, zeroed by the
 * caller), receives how many instructions define each variable.
 */
const bh_ir_opnd **bh_flow_function_values(bh_arena *arena, const bh_ir_func *fn, uint32_t *ndefs);

/**
 * The function field `field` of operations table `v` certainly holds: the
 * only one its initialiser names there (every row of an array agrees), or
 * NULL (none, or several). Whether other code may change the table is the
 * caller's question. Borrowed from `v`.
 */
const bh_ir_fn_field *bh_flow_table_function(const bh_ir_var *v, const char *field);

/* --------------------------------------------------- reaching definitions */

/**
 * Reaching definitions.
 * Requires: a verified bh_ir_func. Provides: for every point, which
 * assignments of each variable may have produced its value there.
 *
 * A definition is an instruction whose dst is a variable (a strong
 * update: it kills the variable's other definitions), a store to a field
 * of a struct variable `s.f = v` (strong for the location s.f, and a weak
 * definition of s), or the value a parameter has on entry (`instr` is
 * UINT32_MAX). Stores through pointers define no variable here: that is
 * the alias analysis' business.
 */
typedef struct {
	uint32_t instr;      /* defining instruction id, or UINT32_MAX for a parameter's entry value */
	uint32_t var;        /* variable defined */
	const char *field;   /* field of `var` for `s.f = v`, else NULL */
} bh_flow_def;

typedef struct {
	const bh_ir_func *fn;
	bh_flow_def *defs;   /* arena array: every definition, in instruction order */
	uint32_t ndefs;
	bh_flow_result result; /* facts: bitsets over the definitions of tracked variables (bh_flow_track_vars) */
	size_t nwords;
	void *ctx;           /* internal: per-variable def index for bh_flow_reach_at (arena) */
} bh_flow_reach;

/**
 * Compute reaching definitions of `fn`. `opts` may be NULL (defaults).
 * Ownership: `*out` lives in `arena`.
 * @return the solver's outcome (BH_FLOW_BUDGET: results are incomplete).
 */
bh_flow_outcome bh_flow_compute_reach(bh_flow_reach **out, bh_arena *arena, const bh_ir_func *fn,
				      const bh_flow_options *opts);

/**
 * The definitions of variable `var` that reach the point just before
 * instruction `instr` (by id), in definition order: up to `max` indexes
 * into `r->defs` go to `defs_out`. Field definitions of `var` count. A
 * temporary local to one block is found by looking back in that block.
 * @return how many reach (may exceed `max`); 0 when the analysis kept no
 * facts (budget).
 */
size_t bh_flow_reach_at(const bh_flow_reach *r, uint32_t instr, uint32_t var,
			uint32_t *defs_out, size_t max);

/* -------------------------------------------------------------- liveness */

/**
 * Live variables.
 * Requires: a verified bh_ir_func. Provides: at every block boundary, the
 * variables (temporaries included) whose current value may still be read.
 * Globals and statics are live at exits (callers read them); variables
 * whose address is taken are conservatively live everywhere they are
 * reachable through memory (treated as read by every call and load).
 */
typedef struct {
	const bh_ir_func *fn;
	bh_flow_result result; /* facts: bitsets over tracked variables (bh_flow_track_vars) */
	size_t nwords;
	uint32_t *bit;       /* variable -> bit, or UINT32_MAX for a block-local temporary */
} bh_flow_live;

bh_flow_outcome bh_flow_compute_live(bh_flow_live **out, bh_arena *arena, const bh_ir_func *fn,
				     const bh_flow_options *opts);

/**
 * True if `var` is live at the start (`at_end` false) or end of block `b`.
 * Block-local temporaries are never live at a block boundary.
 */
bool bh_flow_live_at(const bh_flow_live *l, uint32_t b, bool at_end, uint32_t var);

/* ------------------------------------------------------------ dominators */

/**
 * Dominator tree (Cooper, Harvey and Kennedy's iterative algorithm).
 * Requires: a verified bh_ir_func (every block reachable). Provides:
 * immediate dominators and a constant-time dominance query, e.g. for "is
 * this use guarded by a dominating check" in the null and bounds rules.
 */
typedef struct {
	const bh_ir_func *fn;
	uint32_t *idom;      /* idom[b]; idom[0] == 0 */
	uint32_t *pre, *post; /* DFS numbers in the dominator tree, for O(1) queries */
	bh_flow_outcome outcome;
} bh_flow_dom;

bh_flow_outcome bh_flow_compute_dom(bh_flow_dom **out, bh_arena *arena, const bh_ir_func *fn);

/** True if block `a` dominates block `b` (every block dominates itself). */
bool bh_flow_dominates(const bh_flow_dom *d, uint32_t a, uint32_t b);

/** True if instruction `a` executes before `b` on every path to `b` (ids). */
bool bh_flow_instr_dominates(const bh_flow_dom *d, uint32_t a, uint32_t b);

/* ------------------------------------------------------- post-dominators */

/** The virtual exit in bh_flow_postdom.ipdom: post-dominates every block. */
#define BH_FLOW_EXIT UINT32_MAX

/**
 * Post-dominator tree, and the control dependence it gives.
 * Requires: a verified bh_ir_func. Provides: immediate post-dominators
 * over a virtual exit that returns, blocks after noreturn calls and
 * blocks that can never return all lead to. `ok` (may be NULL: every
 * edge) leaves out edges, such as those a constant condition never takes;
 * it gets `payload`. Ownership: `*out` lives in `arena`.
 * @return BH_FLOW_DONE, or BH_FLOW_BUDGET for a graph that did not settle
 * (hostile input; the tree is then approximate).
 */
typedef struct {
	const bh_ir_func *fn;
	uint32_t *ipdom;     /* ipdom[b], or BH_FLOW_EXIT */
	bh_flow_outcome outcome;
} bh_flow_postdom;

bh_flow_outcome bh_flow_compute_postdom(bh_flow_postdom **out, bh_arena *arena, const bh_ir_func *fn,
					bool (*ok)(uint32_t from, uint32_t to, void *payload),
					void *payload);

/**
 * Set `decided[b]` (fn->nblocks flags, caller-cleared) for every block
 * whose execution the branch ending block `branch` decides, directly or
 * through the branches it decides in turn: the blocks transitively
 * control dependent on it (Ferrante, Ottenstein and Warren). Code after
 * the two sides of an `if` join is not decided by it. `ok` and `payload`
 * as given to bh_flow_compute_postdom.
 */
void bh_flow_control_dependents(const bh_flow_postdom *pd, uint32_t branch, bool *decided,
				bool (*ok)(uint32_t from, uint32_t to, void *payload), void *payload);

#endif
