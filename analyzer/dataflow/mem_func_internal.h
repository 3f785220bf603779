// SPDX-License-Identifier: MIT
// Shared by the files that analyse one function for the memory checkers:
// mem_func.c (objects, lattice, transfer, summary) and mem_report.c
// (findings with their paths and messages).
#ifndef BH_MEM_FUNC_INTERNAL_H
#define BH_MEM_FUNC_INTERNAL_H

#include "dataflow/mem_internal.h"

// Unchecked dereferences of a parameter remembered per function (for
// "dereferenced on every path", see finish_summary).
#define BH_MEM__MAX_DEREF_BLOCKS 8

// The memory-state analysis of one function.
typedef struct {
	bh_mem__program *prog;
	const bh_ir_func *fn;
	bh_mem__summary *sum;
	const bh_mem__context *ctx; // the calling context of a specialised analysis, or NULL
	bh_arena *arena;            // this function's scratch
	bh_findings *out;
	bool reporting;             // the report pass: findings and summary facts are recorded
	// While a program function's summary is applied at a call: where inside
	// it (or inside what it calls) the release or dereference happens, and
	// its name. A finding then stands there, as in a debugger's stack, with
	// the call as a step; else NULL.
	const bh_loc *inside;
	const char *inside_callee;
	// Locations: variables, then field slots (one per base variable and field name).
	uint32_t nlocs;
	uint32_t nslots;
	uint32_t *slot_base;
	const char **slot_field;
	uint32_t *first_slot;       // per variable: its first slot + 1, or 0
	uint32_t *next_slot;        // per slot: the next slot of the same base + 1, or 0
	// Objects (index 0 unused).
	bh_mem__object *objs;
	uint32_t nobjs;
	uint32_t *var_obj;          // variable -> its LOCAL/GLOBAL object, or 0
	uint32_t literal_obj;
	uint32_t *site_obj;         // instruction id -> the BLOCK object it allocates, or 0
	uint32_t *released_obj;     // instruction id -> the RELEASED object of a release call, or 0
	uint8_t *released_args;     // instruction id -> bit a: the call released its argument a (a < 8)
	uint32_t *pderef_obj;       // parameter -> its PDEREF object, or 0
	uint32_t *gentry_obj;       // variable -> the GENTRY object of a global, or 0
	uint32_t *elem_obj;         // instruction id -> the PELEM object an INDEX reads, or 0
				    // (NULL: the function has none)
	uint32_t *pelem_objs;       // the PELEM objects, in order
	uint32_t *stands_for;       // variable -> the local pointer variable it always points to
				    // and is only loaded and stored through, or UINT32_MAX
	uint32_t npelem_objs;
	const bh_ir_opnd **fn_value; // variable -> the function it certainly holds, or NULL
	bool *block_local;          // variable -> a temporary that lives and dies in one block
	uint32_t *live_locs;        // the locations that are no block-local temporary, in order
	uint32_t nlive_locs;
	uint32_t *temp_locs;        // ... and those that are
	uint32_t ntemp_locs;
	uint32_t *ndefs;            // variable -> how many instructions define it
	uint8_t *stable;            // variable -> 0 not known yet, 1 nothing changes it once
				    // set (bh_mem__leak_path_infeasible), 2 it may change
	const bh_mem__summary **call_sum; // instruction id -> the summary a call applies, or NULL
	bh_flow_consts consts;
	size_t fact_size;
	bh_flow_result result;
	// Summary facts gathered by the report pass.
	uint32_t nrets;             // reachable returns
	uint32_t fresh_rets;        // ... returning a new block or NULL
	uint32_t block_rets;        // ... returning a new block
	uint32_t nonstatic_rets;    // ... returning something else than static memory or NULL
	uint32_t static_rets;       // ... returning static memory (a global, a literal)
	uint32_t sure_rets;         // ... returning a pointer that is certainly not NULL
	uint32_t param_rets;        // ... returning parameter `ret_param - 1` unchanged
	uint32_t ret_param;         // 1 + that parameter, or 0 before the first return
	uint32_t other_param_rets;  // ... returning another parameter
	uint32_t realloc_rets;      // ... returning the block that replaced parameter
				    // `realloc_param - 1`'s, or NULL with that one live
	uint32_t realloc_param;     // 1 + that parameter, or 0 before the first such block
	uint32_t other_realloc_rets; // ... returning a block that replaced another's
	uint32_t lookup_null_rets;  // ... returning a NULL that is no failed allocation
	uint32_t freed_rets_any;    // ... returning a block of its own it released
	uint32_t null_rets;         // ... returning a NULL literal and nothing else
	uint32_t *ind_freed_rets;   // per object: PDEREF/GENTRY released at a return
	uint8_t *ind_bits;          // per object: PDEREF/GENTRY's summary bits so far
	uint8_t *ind_family;
	bh_loc *ind_loc;
	uint32_t **ind_deref_blocks; // per PDEREF/GENTRY object: blocks with an unchecked
				     // dereference (for its BH_MEM__P_DEREF_ALWAYS), else NULL
	uint32_t *ind_nderef_blocks;
	uint8_t *freed_rets;        // per parameter: returns where it is released or absent
	uint8_t *released_rets;     // per parameter: returns where it is released
	uint32_t **deref_blocks;    // per parameter: blocks with an unchecked dereference
	uint32_t *nderef_blocks;
	uint32_t *ret_blocks;       // blocks that return
	uint8_t *held[2];           // join scratch: objects some location points to, per side
	uint32_t *rpo_index;        // block -> its place in reverse postorder (loop heads)
	bh_flow_dom *dom;           // dominators, computed when a report needs them
	bh_flow_postdom *pdom;      // post-dominators, computed when a random_only query needs them
	uint8_t random_tests;       // 0 not known yet, 1 some branch tests a pseudo-random value, 2 none
	bh_flow_reach *reach;       // reaching definitions, computed when a branch tests a flag
	bool reach_failed;          // ... over budget: flags are not looked through
} bh_mem__fctx;

// The fact: a reachability word, then the values of the locations, then
// the objects' states.
typedef struct {
	uint32_t reachable;
	uint32_t oom;       // every path here went through a failure: an allocation or a
			    // call that returned NULL
} bh_mem__head;

static inline bh_mem__head *bh_mem__fact_head(void *f)
{
	return f;
}

static inline bh_mem__val *bh_mem__fact_vals(void *f)
{
	return (bh_mem__val *)((char *)f + sizeof(bh_mem__head));
}

static inline bh_mem__ostate *bh_mem__fact_objs(const bh_mem__fctx *c, void *f)
{
	return (bh_mem__ostate *)((char *)f + sizeof(bh_mem__head) + c->nlocs * sizeof(bh_mem__val));
}

/**
 * Is object `k` memory of the caller's that the function reaches other
 * than through an argument's value (`*pp`, a global, `a[2]`, `s.first`)?
 * Its releases and dereferences are the summary's indirect effects.
 */
static inline bool bh_mem__entry_object(const bh_mem__fctx *c, uint32_t k)
{
	uint8_t kind = c->objs[k].kind;
	return k && (kind == BH_MEM__OBJ_PDEREF || kind == BH_MEM__OBJ_GENTRY || kind == BH_MEM__OBJ_PELEM ||
		     kind == BH_MEM__OBJ_PFIELD);
}

// ------------------------------------------------------------ values

/** Nothing known: not NULL as far as the checkers are concerned. */
bh_mem__val bh_mem__unknown(void);
/** Certainly NULL (and nothing else) on every path here. */
bool bh_mem__only_null(bh_mem__val v);
/** Do `a` and `b` hold the same pointer (the start of one allocated block)? */
bool bh_mem__same_pointer(const bh_mem__fctx *c, bh_mem__val a, bh_mem__val b);
/**
 * Does `v` certainly hold nothing to release: NULL, or a negative integer
 * (the -1 of a failed open())? Where paths meet, such a value and a block
 * make the block.
 */
bool bh_mem__holds_nothing(bh_mem__val v);
/** "No descriptor here" (-1), made at instruction `at` (or BH_MEM__NONE). */
bh_mem__val bh_mem__no_fd(uint32_t at);
/** Is object `k` a file descriptor the function opened? */
bool bh_mem__is_fd(const bh_mem__fctx *c, uint32_t k);
/** Is object `k` what an integer (not pointer) parameter holds on entry? */
bool bh_mem__is_scalar_param(const bh_mem__fctx *c, uint32_t k);

/** The value of operand `o` of `in`. */
bh_mem__val bh_mem__read(const bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o);
/** Write `v` into location `loc` (a block that loses its last pointer leaks here). */
void bh_mem__set_loc(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t loc, bh_mem__val v);
/** Write `v` into `in`'s destination variable, if any. */
void bh_mem__set_dst(bh_mem__fctx *c, void *f, const bh_ir_instr *in, bh_mem__val v);
/** `v`'s block now belongs to someone else (stored, returned, kept by a callee). */
void bh_mem__give_away(bh_mem__fctx *c, void *f, bh_mem__val v);
/** Code that reads through `&x` sees the pointers x holds: they are given away. */
void bh_mem__expose_pointee(bh_mem__fctx *c, void *f, bh_mem__val v);
/** Is block `k` live and owned here (a leak if nothing releases it)? */
bool bh_mem__leak_candidate(const bh_mem__fctx *c, void *f, uint32_t k);
const bh_rule *bh_mem__leak_rule(const bh_mem__fctx *c, uint32_t k);
bh_finding_step bh_mem__alloc_step(const bh_mem__fctx *c, uint32_t k);
// Where object k was released (by the instruction `at`): `what` there, or
// inside the program function that released it and returned it.
bh_finding_step bh_mem__release_step(const bh_mem__fctx *c, uint32_t k, uint32_t at, const char *what);
/**
 * Is the path from block `k`'s allocation to return `ret` infeasible: do
 * they lie on opposite sides of tests of one variable nothing changes in
 * between (`p = NULL; if (c) p = make(); ... if (c) {...} else return;`)?
 */
bool bh_mem__leak_path_infeasible(bh_mem__fctx *c, uint32_t k, const bh_ir_instr *ret);
/**
 * Does every path from instruction `from` (a NULL literal) to the end of
 * the function pass through block `to`, loops aside (see mem_path.c)?
 */
bool bh_mem__always_reached(bh_mem__fctx *c, uint32_t from, uint32_t to);
/** Can block `b` run again after itself (is it on a cycle)? */
bool bh_mem__on_cycle(const bh_mem__fctx *c, uint32_t b);

/** A question for bh_mem__path_exists: can `loc` keep the value `from` gives it up to `to`? */
typedef struct {
	uint32_t from;    // the instruction that gives `loc` its value
	uint32_t to;      // the instruction that uses it
	uint32_t loc;     // the location followed (a variable or a field slot)
	bool is_null;     // the value is NULL; else it is not, and points to `obj`
	uint32_t obj;     // (is_null false) the object, or 0 when not known
	bool first_pass;  // `to` is in a loop: inside it the path may choose freely only at
			  // the loop's exits, outside it only where both sides keep `loc`
	bool random_only; // past `from`, the path may choose freely only at a test of a
			  // pseudo-random value (`if (rand() % 2)`), or where every side
			  // still reaches `to` with `loc` unchanged
} bh_mem__path_query;

/**
 * Is there a path from the entry through `q->from` to `q->to` on which
 * `q->loc` is not assigned after `from` and whose branches agree with what
 * the path knows (constants assigned on it, tests it already took, NULL
 * tests and address comparisons of `loc` itself)?
 * @return 1 yes, 0 no, -1 the search ran out of budget (callers stay quiet).
 */
int bh_mem__path_exists(bh_mem__fctx *c, const bh_mem__path_query *q);

/**
 * Does some branch of the function test a pseudo-random value (`if
 * (rand() % 2)`, `if (coin())` of a program function returning one)?
 * Only then can a random_only query find a path: callers ask first.
 */
bool bh_mem__has_random_tests(bh_mem__fctx *c);

/**
 * The caller's operand an indirect effect `e` of the callee at call `in`
 * reaches (`data` for `sink(&data)`, the global, what the block stored in
 * `a[2]` or `s.first` before the call); false when there is none.
 */
bool bh_mem__indirect_operand(const bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_mem__ind *e,
			      bh_ir_opnd *out);

/** Report block `k` as leaked at `in` (`how`: "on this path"). */
void bh_mem__report_leak(bh_mem__fctx *c, void *f, const bh_ir_instr *in, uint32_t k, const char *how);
/** Location `loc` is about to lose `old`: a leak if it was the last pointer to a live block. */
void bh_mem__check_overwrite(bh_mem__fctx *c, void *f, uint32_t loc, bh_mem__val old,
			     const bh_ir_instr *in);
/** The address of a local in `v` leaves the function (`where`: "is returned"). */
void bh_mem__check_stack_escape(bh_mem__fctx *c, const bh_ir_instr *in, bh_mem__val v,
				const char *where);
/**
 * `o` is dereferenced by `in`, or by `callee` (NULL: directly); `inside` is
 * where a program callee does it. `null_matters`: a NULL there is a bug.
 */
void bh_mem__deref(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o,
		   const char *callee, const bh_loc *inside, bool null_matters);
/** What `o` points to is released by `in` with a function of `family`. */
void bh_mem__release(bh_mem__fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o,
		     uint8_t family, const char *callee);
/**
 * The variable or field slot a temporary operand of `in` was copied from
 * in its block (`%1 = n->key; free(%1)`: the slot n->key), or UINT32_MAX.
 */
uint32_t bh_mem__copy_source(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o);
/** Report pass: branch `t` tests a program function's result for NULL. */
void bh_mem__count_null_check(bh_mem__fctx *c, void *f, const bh_ir_instr *t);

// ----------------------------------------------------------- prepass

/** Number locations and objects, resolve callees and their summaries (c->consts first). */
void bh_mem__prepare(bh_mem__fctx *c);
/** The field slot of `base`.`field`, or UINT32_MAX. */
uint32_t bh_mem__find_slot(const bh_mem__fctx *c, uint32_t base, const char *field);
/**
 * Is `var` a local struct whose address is never taken? Only this
 * function can reach its fields: a pointer stored there stays owned here
 * (`struct ctx c = { .buf = malloc(n) };` leaks unless c.buf is released
 * or c escapes), and unknown code cannot change them.
 */
bool bh_mem__own_record(const bh_mem__fctx *c, uint32_t var);
/** The text of location `loc` for messages ("p", "c.buf", "n->key"). */
const char *bh_mem__loc_name(const bh_mem__fctx *c, uint32_t loc);
/** The function a call certainly calls, or NULL. */
const bh_ir_opnd *bh_mem__resolve_callee(const bh_mem__fctx *c, const bh_ir_instr *in);
/** The models of a callee without a body in the program (`*n` of them), or NULL. */
const bh_mem_model *bh_mem__models_of(const bh_mem__fctx *c, const bh_ir_opnd *callee, size_t *n);
/** Does model `m` apply to call `in` (its `when` condition holds, if it has one)? */
bool bh_mem__model_applies(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_mem_model *m);
/** The callee's name for messages ("a function pointer" when unknown). */
const char *bh_mem__callee_name(const bh_ir_opnd *callee);

// ----------------------------------------------------------- lattice

/** The bh_flow lattice of facts of `fact_size` bytes (payload: the bh_mem__fctx). */
void bh_mem__lattice(bh_flow_lattice *lat, size_t fact_size);
/** Run the transfer over block `b` (what the solver and the report pass call). */
void bh_mem__transfer_block(void *fact, const bh_ir_func *fn, const bh_ir_block *b, void *payload);
/** The transfer of one instruction (mem_func.c). */
void bh_mem__transfer(bh_mem__fctx *c, void *f, const bh_ir_instr *in);
/**
 * What branch `t` of block `b` compares with a constant: the operand, the
 * constant (0: a NULL test) and whether the true edge is the equal side.
 */
bool bh_mem__null_test(bh_mem__fctx *c, const bh_ir_block *b, const bh_ir_instr *t, bh_ir_opnd *x,
		       int64_t *k, bool *null_if_true);

// ---------------------------------------------------------- reports

/** A name for what operand `o` of `in` holds ("p", "s->buf"), or NULL. */
const char *bh_mem__operand_name(const bh_mem__fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o);

/** A name for object `obj`'s block ("the block allocated by malloc"), for messages. */
const char *bh_mem__object_text(const bh_mem__fctx *c, uint32_t obj);

/** The location of instruction `id`. */
bh_loc bh_mem__instr_loc(const bh_mem__fctx *c, uint32_t id);

/**
 * Report a finding at `in` (report pass only) with `nsteps` path steps
 * before it and `last` as the step at `in` ("released again here");
 * `snippet` (what is involved, "free(p)") feeds the fingerprint. With
 * c->inside set, the finding is at that place inside the callee: the call
 * is a step ("passed to f() here") and `last` is said there.
 */
/** Where an operation done at `in` happens: c->inside when it is set, else `in`. */
bh_loc bh_mem__where(const bh_mem__fctx *c, const bh_ir_instr *in);

void bh_mem__report(bh_mem__fctx *c, const bh_rule *rule, const bh_ir_instr *in,
		    const char *snippet, const bh_finding_step *steps, size_t nsteps,
		    const char *last, const char *fmt, ...)
	BH_PRINTF(8, 9);

#endif
