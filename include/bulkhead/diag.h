/* SPDX-License-Identifier: MIT */
/*
 * Diagnostics: what Bulkhead says about its own run (a file it could not
 * read, a compile database it could not parse, C that did not compile), as
 * opposed to findings about the user's code. Bad input always becomes a
 * diagnostic, never a crash or an early exit.
 *
 * An error-level diagnostic means results are incomplete: the CLI then
 * exits with 2. Warnings and notes do not change the exit code.
 */
#ifndef BULKHEAD_DIAG_H
#define BULKHEAD_DIAG_H

#include <stdarg.h>
#include "common.h"
#include "vec.h"

typedef struct bh_arena bh_arena;

/** One diagnostic. Strings live in the owning bh_diags' arena. */
typedef struct {
	bh_level level;
	const char *code;    /* stable, e.g. "disc.symlink-outside" */
	bh_loc loc;          /* loc.path may be NULL for run-wide problems */
	const char *message; /* lowercase, one line, no final period */
} bh_diag;

/**
 * A list of diagnostics with a per-file cap: past BH_DIAG_MAX_PER_FILE
 * diagnostics for one path, one "diag.too-many" note is added and the rest
 * dropped. Not thread-safe: each worker fills its own, merged afterwards.
 */
typedef struct bh_diags {
	BH_VEC(bh_diag) items;
	bh_arena *arena; /* borrowed: holds the strings */
} bh_diags;

#define BH_DIAG_MAX_PER_FILE 50

/** Initialise `d` to store its strings in `arena` (borrowed). */
void bh_diags_init(bh_diags *d, bh_arena *arena);

/** Free the item array (strings belong to the arena). */
void bh_diags_dispose(bh_diags *d);

/**
 * Add a diagnostic; `path` may be NULL, `line`/`col` 0 when unknown. One
 * exactly like it (level, code, place, message) already there: nothing.
 */
void bh_diag_add(bh_diags *d, bh_level level, const char *code, const char *path,
		 uint32_t line, uint32_t col, const char *fmt, ...) BH_PRINTF(7, 8);

/** Append copies of every diagnostic of `src` to `dst`. */
void bh_diags_append(bh_diags *dst, const bh_diags *src);

/** A borrowed view of `d`'s diagnostics from index `from` on (not to be grown or disposed). */
static inline bh_diags bh_diags_tail(const bh_diags *d, size_t from)
{
	bh_diags t = *d;
	bh_vec_view_from(&t.items, from);
	return t;
}

/** Sort by path (NULL first), line, col, code: a deterministic order. */
void bh_diags_sort(bh_diags *d);

/** True if any diagnostic is an error (results are incomplete). */
bool bh_diags_has_error(const bh_diags *d);

#endif
