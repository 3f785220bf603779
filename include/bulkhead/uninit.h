/* SPDX-License-Identifier: MIT */
/*
 * Reads of uninitialised memory (rule c.uninitialized-read, CWE-457 and
 * CWE-908): a local variable, a field of a local struct, an element of a
 * local array none of whose elements was written, or a field of a block
 * malloc() returned, read on a feasible path on which nothing wrote it.
 *
 * It is a forward "may be uninitialised" bitset analysis over bh_ir with
 * the bh_flow solver, one function at a time, whose candidate reads are
 * each confirmed by a bounded search for a witness path: a path from where
 * the location became uninitialised (the function's entry, a malloc(), a
 * call that returns a struct with a field unset) to the read, through no
 * write of it, along which every branch is feasible. The search folds
 * constants (bh_flow_consts, plus values assigned on the path itself, so
 * that `for (i = 0; i < 8; i++)` enters its body) and correlates branches
 * on the same unchanged condition (`if (c) x = 1; ... if (c) use(x);`).
 * The witness is the finding's flow: declaration, the branch that skips
 * the assignment, read.
 *
 * Summaries, computed bottom-up over the call graph, carry structs across
 * calls: which fields of a struct parameter passed by value a function
 * reads, and which fields of the struct a function returns it leaves
 * unset.
 *
 * Taking a variable's address (`&x`, an array used as a value, `&s.f`)
 * counts as initialising it there: whatever receives the address may
 * write it (`scanf("%d", &x)`, `memset(&s, 0, sizeof s)`, `init(&s)`).
 */
#ifndef BULKHEAD_UNINIT_H
#define BULKHEAD_UNINIT_H

#include "common.h"
#include "ir.h"

typedef struct bh_diags bh_diags;
typedef struct bh_callgraph bh_callgraph;
typedef struct bh_findings bh_findings;

typedef struct {
	const volatile int *cancel; /* if non-NULL and non-zero, stop early */
	const bh_callgraph *graph;   /* built once for the program and shared, or NULL */
	struct bh_reuse *reuse;      /* traces of an earlier scan to replay, and this one's; or NULL
					(include/bulkhead/reuse.h; needs `graph` and `ids`) */
	const struct bh_callgraph_ids *ids; /* with reuse: bh_callgraph_identify of `graph` */
} bh_uninit_options;

#define BH_UNINIT_OPTIONS_INIT { NULL, NULL, NULL, NULL }

/**
 * Run the uninitialised-read check over `prog` and add its findings to
 * `out`, each with its path (declaration or allocation, the branch that
 * skips the write, the read). A function whose IR is incomplete (the
 * front end's `ir.incomplete` note) has no findings; one whose analysis
 * ran out of budget gets an `uninit.incomplete` note and no findings.
 * Deterministic. Ownership: findings are copied into `out`'s
 * arena.
 * @return BH_OK, BH_EINVAL for NULL arguments, BH_ECANCELED.
 */
bh_status bh_uninit_run(const bh_ir_program *prog, const bh_uninit_options *opts,
			bh_findings *out, bh_diags *diags);

#endif
