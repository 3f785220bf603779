// SPDX-License-Identifier: MIT
// Shared by the three files of the per-function taint analysis:
// taint_prepass.c (field slots, points-to, constants, branch edges, all
// computed once before solving), taint_func.c (the lattice, the transfer
// functions, sinks, calls and summaries) and taint_path.c (rebuilding a
// finding's path from witnesses). The whole-program side is
// taint_internal.h.
#ifndef BH_TAINT_FUNC_INTERNAL_H
#define BH_TAINT_FUNC_INTERNAL_H

#include "dataflow/taint_internal.h"

#define BH_TAINT__MAX_BOUND_LOCS 4   // locations one comparison bounds
#define BH_TAINT__EXPR_UPPER 1u
#define BH_TAINT__EXPR_LOWER 2u

// ------------------------------------------------------------ structures

typedef struct {
	uint32_t base;      // location the field hangs off (a variable or temp)
	const char *field;
} bh_taint__slot_key;

typedef struct {
	uint32_t locs[BH_TAINT__MAX_BOUND_LOCS];
	uint32_t n;
} bh_taint__locs;

// What a block's conditional branch says on each edge (0: true, 1: false).
typedef struct {
	int known;              // -1: unknown, else the condition's constant value
	bh_taint__locs upper[2], lower[2], clean[2];
	// A pointer variable + 1 (or 0) whose string's length the side
	// bounds from above: `if (strlen(s) > MAX) return;` (never assigned,
	// so the length stays tested wherever the edge dominates).
	uint32_t len_tested[2];
	// The arithmetic the side bounds (`len - off < 32`: `len - off`),
	// computed in the block, or NULL; BH_TAINT__EXPR_* says which ends.
	// The same arithmetic computed again on that side is bounded too
	// (`MIN(len - off, 32)` computes it twice).
	const bh_ir_instr *expr[2];
	uint8_t expr_bounds[2];
	bool is_cmp;            // the condition is <, <=, >, >= (loop bounds)
	int cmp_op;             // ... which, as it holds on the true edge
	bool on_pointers;       // ... of two addresses
	bh_ir_opnd cmp[2];      // its operands
} bh_taint__edge;

typedef BH_VEC(uint32_t) bh_taint__u32s;
typedef BH_VEC(const bh_ir_opnd *) bh_taint__opnds;

typedef struct {
	bh_taint__program *prog;
	const bh_ir_func *fn;
	bh_taint__summary *sum;
	bh_arena *arena;          // scratch for this function
	BH_VEC(bh_taint__slot_key) slots;   // slot i is location fn->nvars + i
	uint32_t *slot_index;      // open addressing over slots by (base, field): slot + 1, or 0
	size_t slot_index_cap;
	uint32_t nlocs;
	uint32_t locs_cap;         // entries pts, aliases and targets have room for (zeroed past nlocs)
	bh_taint__u32s *pts;             // per location: what it may point to
	bh_taint__u32s *aliases;         // per location: pointers whose memory writes through it reach
	bh_taint__opnds *targets;        // per location: functions it may hold
	uint32_t *track;          // location -> fact index, or BH_TAINT__NONE
	uint32_t ntracked;
	bh_taint__val *scratch;   // values of block-local temporaries
	bh_flow_consts consts;    // per variable
	bh_taint__edge *edges;         // per block
	bool len_tests;           // some edge has len_tested
	bh_flow_dom *dom;         // dominators, computed when a distance asks about a length test
	bool *loop_cond;          // per block: its branch decides a loop
	uint8_t *chained_test;    // per block: 0 not asked yet, 1 a test chained to a loop's
				  // condition, 2 not (bh_taint__chained_loop_test)
	bh_flow_result result;
	bh_taint__u32s tainted_globals;  // variables of globals tainted program-wide
	unsigned *slot_bits;      // per slot: its label bit (a parameter's field), or 0
	// The slots hanging off each location, as chains: first_slot[loc] and
	// next_slot[slot] are a slot index + 1, or 0 at the end.
	uint32_t *first_slot, *next_slot;
	bool reporting;           // in the report pass
	uint32_t object_rets;     // report pass: returns of a pointer variable seen so far
	uint32_t rets;            // report pass: returns seen so far
	// The call being applied goes to function `via_func`, chosen by a
	// parameter of ours (see bh_callgraph_via; via.param 0: it is not).
	bh_callgraph_via via;
	const char *via_func;
	const bh_taint__guard *via_guard; // the two as a guard, made when a sink needs it
	// The guards this analysis put in its summary, one of each: a callee's
	// sinks guarded by our parameter's choice all keep the same one.
	BH_VEC(const bh_taint__guard *) guards;
	// The explanation of how location `explained_loc` got its taint before
	// instruction `explained_at` (a path ending there, and what the source
	// is): a call passes one argument on to many sinks of its callee.
	uint32_t explained_at, explained_loc;
	bh_taint__path explained;
	const char *explained_what;
} bh_taint__fctx;

// A path being rebuilt, backwards.
typedef struct {
	bh_taint__path built;          // built backwards: each step goes in front
	const char *what;              // the source's description
	bh_taint__pstep *fresh;        // built.head when this builder made it and nothing
				       // shares it yet: a path put in front goes in its `sub`
} bh_taint__path_builder;

// taint_loops.c: c->dom, computed on the first question that needs it;
// false when the function is beyond what dominators are computed for.
bool bh_taint__have_dom(bh_taint__fctx *c);

// taint_loops.c: is comparison operand `k` of the loop test `br` divided
// or shifted down on every pass, the loop staying while it is large?
bool bh_taint__shrinks_each_pass(bh_taint__fctx *c, const bh_ir_instr *br, uint32_t k);

// taint_loops.c: is the branch ending `block` a test chained to a loop's
// condition (`while (p && i < n)`)? See there.
bool bh_taint__chained_loop_test(bh_taint__fctx *c, uint32_t block);

// taint_loops.c: does another test leave the loop that the test `br`
// decides, on every pass, once the variable compared with operand `k` (an
// input bound) passes a constant? Then the input does not decide how
// long the loop runs.
bool bh_taint__bounded_elsewhere(bh_taint__fctx *c, const bh_ir_instr *br, uint32_t k);

// taint_loops.c: is the variable operand `o` of the loop test `br` given
// a call's result inside the loop (`while (slots <= 0) { …; slots =
// atoi(buf); }`)? Then the loop reads it anew, it counts nothing.
bool bh_taint__read_in_loop(bh_taint__fctx *c, const bh_ir_instr *br, const bh_ir_opnd *o);

// ------------------------------------------------------------- values

// The parts (BH_TAINT__SMALL_*) that labels `labels` have.
static inline unsigned bh_taint__small_parts(uint64_t labels)
{
	return ((labels & BH_TAINT__SRC) ? BH_TAINT__SMALL_SRC : 0) |
	       ((labels & ~BH_TAINT__SRC) ? BH_TAINT__SMALL_SYM : 0);
}

static inline void bh_taint__val_join(bh_taint__val *a, const bh_taint__val *b)
{
	if (a->target == BH_TAINT__TARGET_NONE)
		a->target = b->target;
	else if (b->target != BH_TAINT__TARGET_NONE && b->target != a->target)
		a->target = BH_TAINT__TARGET_ANY;
	a->written &= b->written;
	if (!b->labels)
		return;
	// A part on both sides is small if both say so; on one side, as it says.
	unsigned pa = bh_taint__small_parts(a->labels), pb = bh_taint__small_parts(b->labels);
	unsigned sa = a->small & pa, sb = b->small & pb;
	a->small = (uint16_t)((sa & sb) | (sa & ~pb) | (sb & ~pa));
	// A label is sized where each side that has it says so.
	a->sized = (a->sized & b->sized) | (a->sized & ~b->labels) | (b->sized & ~a->labels);
	if (!(a->labels & BH_TAINT__SRC))
		a->local = b->local;
	else if (b->labels & BH_TAINT__SRC)
		a->local &= b->local;
	// The witness is what a path goes back to: the instruction that
	// brought concrete taint if either side has some (not one that only
	// brought a parameter's label, a size kept in an allocated block:
	// the path would end at that parameter and lose its source); between
	// two alike, the earlier one.
	bool src_a = (a->labels & BH_TAINT__SRC) != 0, src_b = (b->labels & BH_TAINT__SRC) != 0;
	if (!a->labels || (src_b && !src_a) || (src_b == src_a && b->witness < a->witness))
		a->witness = b->witness;
	a->labels |= b->labels;
	a->no_upper |= b->no_upper;
	a->no_lower |= b->no_lower;
}

static inline bh_taint__val bh_taint__val_src(uint32_t witness)
{
	bh_taint__val v = { BH_TAINT__SRC, BH_TAINT__SRC, BH_TAINT__SRC, witness, 0, 0, 0, 0, 0 };
	return v;
}

static inline bh_taint__val *bh_taint__slot_of(bh_taint__fctx *c, bh_taint__val *fact, uint32_t loc)
{
	uint32_t t = c->track[loc];
	return t != BH_TAINT__NONE ? &fact[t] : &c->scratch[loc];
}

static inline bh_taint__val bh_taint__value_at(bh_taint__fctx *c, bh_taint__val *fact, uint32_t loc)
{
	return *bh_taint__slot_of(c, fact, loc);
}


static inline bool bh_taint__has_u32(const bh_taint__u32s *v, uint32_t x)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i] == x)
			return true;
	return false;
}

static inline bh_taint__val bh_taint__clean_val(void)
{
	bh_taint__val v = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	return v;
}

// ---------------------------------------------------- taint_prepass.c

uint32_t bh_taint__find_slot(const bh_taint__fctx *c, uint32_t base, const char *field);
uint32_t bh_taint__make_slot(bh_taint__fctx *c, uint32_t base, const char *field);
void bh_taint__grow_locs(bh_taint__fctx *c);
/** The field slots an access `base.f` / `base->f` may touch (made when `create`). */
bh_taint__locs bh_taint__field_slots(bh_taint__fctx *c, const bh_ir_instr *in, bool create);
void bh_taint__list_add(bh_taint__locs *l, uint32_t loc);
bool bh_taint__is_comparison(int op);
/** Requires: slots of field accesses. Provides: c->pts, c->aliases, c->targets. */
void bh_taint__compute_points_to(bh_taint__fctx *c);
/** Requires: callee summaries. Provides: c->consts. */
void bh_taint__compute_constants(bh_taint__fctx *c);
/** Requires: constants, points-to. Provides: c->edges, c->loop_cond. */
void bh_taint__compute_edges(bh_taint__fctx *c);

// ------------------------------------------------------- taint_path.c

void bh_taint__step(bh_taint__fctx *c, bh_taint__path_builder *pb, bh_loc loc, const char *fmt, const char *a, const char *b);
void bh_taint__prepend_path(bh_taint__fctx *c, bh_taint__path_builder *pb, const bh_taint__path *p);
bh_taint__path bh_taint__finish_path(bh_taint__path_builder *pb);
/** Name of a location for messages ("len", "req.path"), or NULL for a temporary. */
const char *bh_taint__var_name(const bh_taint__fctx *c, uint32_t loc);
void bh_taint__state_before(bh_taint__fctx *c, bh_taint__val *f, uint32_t at);
uint32_t bh_taint__tainted_loc(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bool deep);
// The same, preferring a location with concrete taint: where a path from a
// source starts (the pointer itself may carry only its parameter's label).
uint32_t bh_taint__src_loc(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_opnd *o, bool deep);
/** Push (backwards) the steps that brought taint to `loc` before instruction `at`. */
void bh_taint__explain(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at);
/** The same for the concrete taint call `at` wrote into `loc` (a source's, a callee's). */
void bh_taint__explain_write(bh_taint__fctx *c, bh_taint__path_builder *pb, uint32_t loc, uint32_t at);
bh_taint__path bh_taint__path_to(bh_taint__fctx *c, uint32_t loc, uint32_t at, const char **what, bh_loc sink_loc,
		       const char *sink_msg);
const char *bh_taint__display_name(bh_taint__fctx *c, const char *name);

// ------------------------------------------------------- taint_func.c

/** The transfer function of one instruction (also replays blocks for paths). */
void bh_taint__transfer(bh_taint__fctx *c, bh_taint__val *f, const bh_ir_instr *in);

// Room for the functions a call may reach (see bh_taint__call_targets),
// and, when the call graph resolved them, which parameter of ours chose.
typedef struct {
	const bh_ir_opnd *ptrs[BH_CALLGRAPH_MAX_INDIRECT];
	bh_callgraph_via via;
} bh_taint__callees;

/**
 * The functions call `in` may reach: its callee, the functions its pointer
 * holds in this function, or those the call graph resolved across the
 * program (a callback parameter, a member of a struct passed in). Sets
 * `*targets` (into `cs` or the function's own tables) and returns their
 * number.
 */
size_t bh_taint__call_targets(const bh_taint__fctx *c, const bh_ir_instr *in, bh_taint__callees *cs,
			      const bh_ir_opnd *const **targets);

#endif
