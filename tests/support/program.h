/* SPDX-License-Identifier: MIT */
/*
 * Test support: compile small C programs with libclang into one
 * bh_ir_program, the input of the whole-program analyses (taint, memory).
 */
#ifndef BH_TEST_PROGRAM_H
#define BH_TEST_PROGRAM_H

#include <stdbool.h>

#include "bulkhead/arena.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/ir.h"
#include "bulkhead/ir_serial.h"

/**
 * Write `files` (name, text pairs, NULL-terminated) into a fresh temporary
 * directory, parse every .c file with `-I` of that directory into `prog`
 * (initialised by the caller), adding the front end's findings and
 * diagnostics, and remove the directory. Strings live in `arena`.
 * @return false when the directory could not be made or parsing failed.
 */
bool bh_test_compile_program(bh_arena *arena, const char *const *files, bh_ir_program *prog,
			     bh_findings *findings, bh_diags *diags);

/**
 * Initialise `prog` and compile `files` into it (bh_test_compile_program),
 * dropping the compile's findings and notes; abort() when it fails. For
 * fuzzers, which compile one fixed program once per process and have no
 * test framework to fail through.
 */
void bh_test_compile_program_or_abort(const char *const *files, bh_ir_program *prog);

/*
 * A program compiled for an analysis that replays traces across scans
 * (include/bulkhead/reuse.h): its call graph, the functions' identities
 * and the traces of `analysis`, loaded from `traces` when not NULL.
 * traced_close saves this run's traces to `out` (emptied first) and
 * gives how many components it replayed and recorded.
 */
typedef struct {
	bh_ir_program prog;
	struct bh_callgraph graph;
	struct bh_callgraph_ids ids;
	struct bh_reuse *reuse;
} bh_test_traced;

bool bh_test_traced_open(bh_test_traced *t, bh_arena *arena, const char *analysis, const char *const *files,
			 const bh_bytes *traces, bh_findings *findings, bh_diags *diags);
void bh_test_traced_close(bh_test_traced *t, bh_bytes *out, size_t *replayed, size_t *recorded);

/** The lines of the findings of rule `id`, joined by blanks ("" if none); arena string. */
const char *bh_test_rule_lines(bh_arena *arena, const bh_findings *findings, const char *id);

/** The first finding of rule `id`, or NULL. */
const bh_finding *bh_test_first_finding(const bh_findings *findings, const char *id);

#endif
