// SPDX-License-Identifier: MIT
// Shared by the two halves of the witness search of the uninitialised-read
// check: uninit_cond.c (what a path knows: values and conditions, and
// which branches they decide) and uninit_path.c (the search itself).
//
// A path state is the block, the fact (the bitset of uninit_func.c), and
// what the path has learnt:
//   - values: a variable assigned a constant on the path (`i = 0`, so
//     `i < 8` is true on the first test of a loop; `found = 0`, so a later
//     `if (found)` is false), or a case value a switch chose;
//   - conditions: a comparison whose outcome a branch on the path decided
//     (`c != 0`, `n < len`, `cfg->verbose != 0`), so that a second test of
//     the same condition goes the same way;
//   - the variables the branches it chose freely tested (see weak below).
#ifndef BH_UNINIT_PATH_INTERNAL_H
#define BH_UNINIT_PATH_INTERNAL_H

#include "dataflow/uninit_internal.h"

#define BH_UNINIT__MAX_CONDS 8
#define BH_UNINIT__MAX_VALS 8
#define BH_UNINIT__MAX_ATOMS 8
#define BH_UNINIT__BR_ATOMS 4  // per branch, in bh_uninit__fctx.br_atoms

// Term kinds, and the two comparisons every condition is normalised to.
enum { BH_UNINIT__T_NONE, BH_UNINIT__T_INT, BH_UNINIT__T_VAR, BH_UNINIT__T_FIELD };
enum { BH_UNINIT__C_EQ, BH_UNINIT__C_LT };

// One side of a comparison: a constant, a variable, or a field of one.
typedef struct {
	const char *field;     // T_FIELD
	int64_t ival;          // T_INT
	uint32_t var;          // T_VAR; T_FIELD: the struct or the pointer
	uint8_t kind;
	bool arrow;            // T_FIELD: `p->f` rather than `s.f`
} bh_uninit__term;

typedef struct {
	bh_uninit__term a, b;
	uint8_t op;            // C_EQ (a == b), C_LT (a < b)
	bool holds;
} bh_uninit__cond;

typedef struct {
	uint32_t var;
	int64_t value;
} bh_uninit__val;

// One state of the search: a node of the tree of paths it explores.
typedef struct {
	uint32_t block;
	uint32_t parent;       // node the path came from, or NONE
	uint32_t gen;          // instruction that last made the location uninitialised, or NONE
	uint16_t nconds, nvals;
	bh_uninit__cond conds[BH_UNINIT__MAX_CONDS];
	bh_uninit__val vals[BH_UNINIT__MAX_VALS];
	uint32_t atoms[BH_UNINIT__MAX_ATOMS]; // variables the free branches taken so far test
	uint8_t natoms;
	bool weak;             // a branch that guards the read tests something an
			       // earlier free branch tested too: the path assumes
			       // the two are independent
} bh_uninit__state;

/** Fill c->cond_useful, val_useful, block_local and br_atoms (once per function). */
void bh_uninit__prepare_tables(bh_uninit__fctx *c);

/** What instruction `in` teaches the path in `n`, or makes it forget. */
void bh_uninit__learn(const bh_uninit__fctx *c, bh_uninit__state *n, const bh_ir_instr *in);

/**
 * Can the path go from terminator `t`'s block to `to`? Refines `n` with
 * what taking that edge says. `reach`: blocks that can reach the read.
 */
bool bh_uninit__take_edge(const bh_uninit__fctx *c, const bool *reach, bh_uninit__state *n,
			  const bh_ir_instr *t, uint32_t to);

/** Forget the values of the block's own temporaries (dead past its end). */
void bh_uninit__leave_block(const bh_uninit__fctx *c, bh_uninit__state *n);

/** Keep only the values `n` shares with `first` (widening at a loop head). */
void bh_uninit__widen(bh_uninit__state *n, const bh_uninit__state *first);

/** A hash of what `n` knows (conditions, values, atoms, weak), in any order. */
uint64_t bh_uninit__knowledge_hash(const bh_uninit__state *n);

/** splitmix64's finaliser: sums of mixed items hash sets in any order. */
uint64_t bh_uninit__mix(uint64_t x);

#endif
