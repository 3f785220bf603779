// SPDX-License-Identifier: MIT
// Tests of pseudo-random values (`if (rand() % 2)`, `if (coin())` where a
// function of the program returns one). Two such tests are independent by
// construction, so a path that takes one side of each is as real as any:
// the memory checkers (mem_path.c) and the bounds analysis (bounds_lattice.c)
// let such a path pair an event on one side of the first with a use on a
// side of the second, which they never do for tests of program state
// (`if (flag)`, `if (is_enabled())`, `if (!strcmp(opt, "SET"))`).
#ifndef BH_FLOW_RANDOM_H
#define BH_FLOW_RANDOM_H

#include <stdbool.h>

#include "bulkhead/ir.h"

/** The program's function a call of `fn` calls, or NULL (code outside the program). */
typedef const bh_ir_func *(*bh_flow_callee_fn)(const bh_ir_instr *call, void *payload);

/**
 * Does the branch ending block `b` of `fn` test a pseudo-random value: the
 * result of rand(), random() and their kin, or of a function of the
 * program (found through `callee_of`, one level deep) every return of
 * which is one, through the block's arithmetic and comparisons with
 * constants? A value first stored in a variable does not count: testing
 * it twice gives the same answer twice.
 */
bool bh_flow_tests_random(const bh_ir_func *fn, const bh_ir_block *b, bh_flow_callee_fn callee_of,
			  void *payload);

/**
 * An edge filter for bh_flow_compute_postdom (`payload`: the bh_ir_func):
 * leaves out the edges into a block that ends the program (a noreturn
 * call's), so that the sides of a test meet where they join although one
 * of them may call exit() on the way (`if (!p) exit(1);`).
 */
bool bh_flow_edge_survives(uint32_t from, uint32_t to, void *payload);

#endif
