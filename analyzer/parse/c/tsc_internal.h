// SPDX-License-Identifier: MIT
// Shared inside the tree-sitter-c fast path (bh_tsc) and the C rule
// families that run on its trees. Tree-sitter types never appear in
// include/bulkhead/.
//
// A walk is the state of one file being analysed: its text, the unit
// arena, findings and diagnostics, the scope (macros only, or everything)
// and the grammar symbols the rules dispatch on. Rules receive it with a
// named node and report through bh_tsc__report.
#ifndef BH_TSC_INTERNAL_H
#define BH_TSC_INTERNAL_H

#include <tree_sitter/api.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/rule.h"
#include "bulkhead/tsc.h"

// Grammar symbols the walk and the rules test, resolved once per parser
// (tree-sitter-c 0.23.6 node names).
typedef struct {
	TSSymbol preproc_def, init_declarator, declaration, assignment_expression,
		call_expression, argument_list, identifier, field_expression,
		field_identifier, string_literal, concatenated_string, cast_expression,
		parenthesized_expression, comment, function_definition;
} bh_tsc__symbols;

typedef struct {
	const char *path;          // context-relative, borrowed
	const char *text;          // the file's bytes, borrowed (may hold NULs)
	size_t len;
	bh_tsc_scope scope;
	const char *note;          // for every finding, or NULL (borrowed)
	const bh_tsc__symbols *sym;
	bh_arena *arena;           // the unit's arena: findings, scratch strings
	bh_findings *findings;     // the unit's findings (strings in `arena`)
} bh_tsc__walk;

// ----------------------------------------------------------------- tsc.c

/** A copy of `n`'s source text in the walk arena (never NULL). */
const char *bh_tsc__text(bh_tsc__walk *w, TSNode n);

/** Look through parentheses and casts: `((char *)"abc")` is a literal. */
TSNode bh_tsc__strip(bh_tsc__walk *w, TSNode n);

/**
 * If `n` (after bh_tsc__strip) is a narrow string literal, or a
 * concatenation of them, decode it: `*text` gets the bytes (arena,
 * NUL-terminated) and `*len` the count before the first NUL, as libclang's
 * decoding does. False for wide/UTF-16/32 literals, a macro inside a
 * concatenation, and text that does not decode.
 */
bool bh_tsc__string_literal(bh_tsc__walk *w, TSNode n, const char **text, size_t *len);

/**
 * The decoded string literal(s) of the body of preproc_def `def`
 * (`"abc"`, `("ab" "c")`, comments allowed); false when the body is
 * anything else or missing.
 */
bool bh_tsc__macro_literal(bh_tsc__walk *w, TSNode def, const char **text, size_t *len);

/** The `i`-th argument of an argument_list (comments skipped). */
bool bh_tsc__argument(bh_tsc__walk *w, TSNode args, uint32_t i, TSNode *out);

/**
 * Add a finding for `rule` at `at` (its start; the end of `end_at`) with
 * `message` and `snippet`, the enclosing function and the walk's note.
 */
bh_finding *bh_tsc__report(bh_tsc__walk *w, bh_rule_id rule, TSNode at, TSNode end_at,
			   const char *message, const char *snippet);

// ----------------------------------------------------------- C rule families

/**
 * rules/c/c_secrets_tsc.c: hard-coded passwords and keys. Called for every
 * named node; looks at preproc_def always, and at init_declarator,
 * assignment_expression and call_expression in BH_TSC_FULL scope.
 */
void bh_tsc__rule_secrets(bh_tsc__walk *w, TSNode n);

/**
 * The prefilter of macros scope: how many times "define" is followed by a
 * name the policy calls a secret anywhere in `text` (comments included),
 * or SIZE_MAX when an odd spelling follows one (a comment, a
 * continuation). 0: the file gives rules/c/c_secrets_tsc.c nothing and
 * need not be parsed at all.
 */
size_t bh_tsc__rule_secrets_macro_hits(const char *text, size_t len);

/** Is `name` a macro name the credential rules look at? */
bool bh_tsc__rule_secrets_wants_macro(const char *name);

/**
 * tsc_define_lines.c: the ranges of the `#define NAME` directives of `text`
 * outside comments and literals whose NAME `wanted` accepts and whose text
 * holds a `"` (a value the credential rules could report), continuation
 * lines (and a comment that runs past the line) included, in file order,
 * into `out`. Returns how many, or SIZE_MAX when there are more than
 * `max`.
 */
size_t bh_tsc__define_lines(const char *text, size_t len, bool (*wanted)(const char *name),
			    TSRange *out, size_t max);

#endif
