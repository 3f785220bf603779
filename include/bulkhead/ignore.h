/* SPDX-License-Identifier: MIT */
/*
 * .dockerignore with Docker's semantics (moby/patternmatcher as used by
 * BuildKit): patterns are cleaned (leading '/' and './' removed, path
 * cleaned), '*' and '?' do not cross '/', '**' matches any number of
 * directories, '[...]' classes, '\\' escapes, a leading '!' re-includes,
 * the last matching pattern wins, and a pattern that matches a directory
 * also matches everything under it. Lines starting with '#' are comments.
 */
#ifndef BULKHEAD_IGNORE_H
#define BULKHEAD_IGNORE_H

#include "common.h"

typedef struct bh_arena bh_arena;
typedef struct bh_ignore bh_ignore;
typedef struct bh_diags bh_diags;


/**
 * Parse the text of a .dockerignore. `path` names it in diagnostics (an
 * invalid pattern becomes a warning and is skipped). Never fails.
 * Ownership: the result lives in `arena`.
 */
bh_ignore *bh_ignore_parse(bh_arena *arena, const char *path, const char *text,
			   size_t len, bh_diags *diags /* may be NULL */);

/**
 * True if `relpath` (context-relative, '/'-separated, no leading "./")
 * is excluded, i.e. would NOT be sent to the Docker daemon. NULL `ig`
 * (no .dockerignore) excludes nothing.
 */
bool bh_ignore_excludes(const bh_ignore *ig, const char *relpath);

/** Number of patterns kept (for tests and dumps). */
size_t bh_ignore_pattern_count(const bh_ignore *ig);

/**
 * Shell-style glob used for --exclude and config "exclude": same syntax as
 * .dockerignore patterns ('**' crosses directories); true when `relpath`
 * or one of its parent directories matches `glob`.
 */
bool bh_glob_match_path(const char *glob, const char *relpath);

/**
 * `globs` compiled once, for matching many paths: the context walk tests
 * every file against every --exclude. A glob that cannot be compiled
 * matches nothing, as in bh_glob_match_path.
 * Ownership: the result lives in `arena`.
 */
bh_ignore *bh_globs_compile(bh_arena *arena, const char *const *globs, size_t n);

/**
 * The index of the first glob of `globs` that matches `relpath` or one of
 * its parent directories (bh_glob_match_path), or -1 when none does.
 */
long bh_globs_match(const bh_ignore *globs, const char *relpath);

#endif
