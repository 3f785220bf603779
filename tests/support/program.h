/* SPDX-License-Identifier: MIT */
/*
 * Test support: compile small C programs with libclang into one
 * bh_ir_program, the input of the whole-program analyses (taint, memory).
 */
#ifndef BH_TEST_PROGRAM_H
#define BH_TEST_PROGRAM_H

#include <stdbool.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/ir.h"

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

/** The lines of the findings of rule `id`, joined by blanks ("" if none); arena string. */
const char *bh_test_rule_lines(bh_arena *arena, const bh_findings *findings, const char *id);

/** The first finding of rule `id`, or NULL. */
const bh_finding *bh_test_first_finding(const bh_findings *findings, const char *id);

#endif
