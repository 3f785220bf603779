/* SPDX-License-Identifier: MIT */
/*
 * The tree-sitter-c fast path (bh_tsc): C files parsed by syntax alone,
 * without compile flags, types or the preprocessor, for what the libclang
 * front end (bh_clang) cannot see. It runs the hard-coded credential rules
 * (secret.hardcoded-password, secret.hardcoded-key) with the same policy
 * and the same messages as the libclang walker.
 *
 * Which files, and what is checked in each (one parse per file):
 * - a C file (.c or .h) that no translation unit libclang parsed has
 *   visited: a header that nothing includes, a unit libclang could not
 *   parse at all (clang.parse-failed). Everything is checked: initialisers,
 *   assignments, strcmp-family comparisons, arguments of known APIs and
 *   `#define NAME "literal"`. Findings carry a note saying why the file
 *   was analysed by syntax alone.
 * - every other C file: only `#define NAME "literal"` macro definitions,
 *   which never reach a libclang AST; the rest is libclang's, so no
 *   finding is made twice.
 *
 * The TSParser and TSTree live only inside these calls; results are plain
 * findings and diagnostics.
 */
#ifndef BULKHEAD_TSC_H
#define BULKHEAD_TSC_H

#include "common.h"
#include "file_cache.h"

typedef struct bh_ctx bh_ctx;
typedef struct bh_findings bh_findings;
typedef struct bh_diags bh_diags;

/** What the walk of one file checks. */
typedef enum {
	BH_TSC_MACROS = 0, /* only `#define` macro definitions */
	BH_TSC_FULL,       /* every construct the rules know */
} bh_tsc_scope;


typedef struct {
	/* Context-relative paths of the C files libclang analysed (the files
	 * every successfully parsed unit visited, see bh_clang_options);
	 * any order, duplicates allowed. Borrowed during the call. */
	const char *const *covered;
	size_t ncovered;
	const volatile int *cancel; /* if non-NULL and non-zero, stop early (BH_ECANCELED) */
	const bool *wanted;         /* one flag per context file (bh_ctx_file order): only
				       these are checked; NULL: every file */
	const bh_file_cache *cache; /* results kept between scans (scope: bh_tsc_scope), or NULL */
} bh_tsc_options;

#define BH_TSC_OPTIONS_INIT { NULL, 0, NULL, NULL, NULL }

/**
 * Parse every C source and header of `ctx` (not excluded, not over the
 * size limit) once with tree-sitter-c and run the credential rules on it:
 * in BH_TSC_FULL scope when the file is not in `opts->covered`, else in
 * BH_TSC_MACROS scope. Files are visited in path order, so the output is
 * deterministic. A file that cannot be read is skipped silently (the
 * secret scanner diagnoses it); a parse stopped by the time limit becomes
 * a "tsc.timeout" warning, a file over 4 GiB a "tsc.too-large" warning.
 * In macros scope, a file without a secret-like `#define NAME` is not
 * even parsed (a byte-level prefilter).
 * Ownership: findings are copied into `out`'s arena, diagnostics into
 * `diags`' arena.
 * @return BH_OK, BH_EINVAL for a NULL argument, or BH_ECANCELED.
 */
bh_status bh_tsc_scan(bh_ctx *ctx, const bh_tsc_options *opts, bh_findings *out,
		      bh_diags *diags);

/**
 * Parse `len` bytes of C (`path` is the context-relative name findings
 * get) and run the credential rules in `scope`; `note` (or NULL) goes on
 * every finding. Hostile bytes (NUL, invalid UTF-8, unterminated comments
 * and strings, deep nesting, huge lines) are normal input: tree-sitter
 * recovers with error nodes and the walk is not recursive.
 * Ownership: findings are copied into `out`'s arena, diagnostics into
 * `diags`' arena; `text` is borrowed during the call.
 * @return BH_OK, or BH_EINVAL for a NULL argument.
 */
bh_status bh_tsc_check(bh_findings *out, bh_diags *diags, const char *path, const char *text,
		       size_t len, bh_tsc_scope scope, const char *note);

#endif
