/* SPDX-License-Identifier: MIT */
/*
 * The bounds checker: out-of-bounds writes and reads of arrays, heap
 * blocks, fields and strings, proved with intervals of values, sizes and
 * string lengths over the IR (see analyzer/dataflow/bounds_internal.h).
 * Rules: c.stack-buffer-overflow, c.heap-buffer-overflow,
 * c.buffer-overflow, c.buffer-underwrite, c.buffer-over-read,
 * c.buffer-under-read.
 *
 * Interprocedural: a call to a program function with arguments whose
 * objects or values are known analyses the callee in that calling context
 * (bounded in depth and number), so that an overflow inside a helper is
 * found with the caller's buffer; a function that returns a fresh block
 * or a known integer gives that to its callers.
 */
#ifndef BULKHEAD_BOUNDS_H
#define BULKHEAD_BOUNDS_H

#include "common.h"
#include "diag.h"
#include "finding.h"
#include "ir.h"

typedef struct bh_callgraph bh_callgraph;

typedef struct {
	const volatile int *cancel; /* if non-NULL and non-zero, stop early */
	/**
	 * If non-NULL, called with the location of each string copy
	 * (strcpy, strcat and their wide and fortified forms) proved to fit
	 * its destination on every path, so that the pattern rule for
	 * unbounded copies can stay quiet there.
	 */
	void (*proved_fits)(const bh_loc *call, void *payload);
	void *payload;
	const bh_callgraph *graph;   /* built once for the program and shared, or NULL */
	struct bh_reuse *reuse;      /* traces of an earlier scan to replay, and this one's; or NULL
					(include/bulkhead/reuse.h; needs `graph` and `ids`) */
	const struct bh_callgraph_ids *ids; /* with reuse: bh_callgraph_identify of `graph` */
} bh_bounds_options;

#define BH_BOUNDS_OPTIONS_INIT { NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Check every function of `prog` and add findings to `out`, each with its
 * path (where the object was made, the call that passed it, the access).
 * A function whose analysis ran out of budget gets a `bounds.incomplete`
 * note. Deterministic. Findings are copied into `out`'s arena.
 * @return BH_OK, BH_EINVAL for NULL arguments, BH_ECANCELED.
 */
bh_status bh_bounds_run(const bh_ir_program *prog, const bh_bounds_options *opts, bh_findings *out,
			bh_diags *diags);

#endif
