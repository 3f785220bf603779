/* SPDX-License-Identifier: MIT */
/*
 * Changed lines: which lines of which files a change added or modified,
 * read from `git diff -U0` output (bh_diff_parse) and lists of new files
 * (bh_diff_add_paths). `bulkhead scan --diff REV` and `--staged` use it to
 * report only the findings a change brings (bh_diff_keep_changed), while
 * the whole context is still analysed.
 *
 * This module only reads text; bh_git (git.h) runs git to get that text.
 * Usage: bh_diff_init, any number of bh_diff_parse / bh_diff_add_*, then
 * bh_diff_finish once before the queries.
 */
#ifndef BULKHEAD_DIFF_H
#define BULKHEAD_DIFF_H

#include "common.h"
#include "diag.h"
#include "finding.h"
#include "vec.h"

typedef struct bh_arena bh_arena;

/** Lines `first`..`last` (inclusive, 1-based) of a file's new version. */
typedef struct {
	uint32_t first, last;
} bh_diff_range;

/** One changed file. */
typedef struct {
	const char *path;               /* relative to the diffed directory, '/'-separated; arena */
	bool whole;                     /* every line counts: a new, untracked or binary file */
	BH_VEC(bh_diff_range) ranges;   /* added or modified lines; sorted and merged by
					   bh_diff_finish */
} bh_diff_file;

/** The changed lines of a set of files. Not thread-safe while being filled. */
typedef struct bh_diff {
	BH_VEC(bh_diff_file) files; /* by path, one entry per path, after bh_diff_finish */
	bh_arena *arena;            /* borrowed: holds the paths */
	bool finished;              /* bh_diff_finish ran and nothing was added since */
} bh_diff;

/** Initialise an empty set whose paths live in `arena` (borrowed). */
void bh_diff_init(bh_diff *d, bh_arena *arena);

/** Free the vectors (the paths belong to the arena). */
void bh_diff_dispose(bh_diff *d);

/**
 * Add the changes described by unified diff `text` (`len` bytes, need not
 * be NUL-terminated), as `git diff -U0 --no-renames --src-prefix=a/
 * --dst-prefix=b/` prints them: the new-side lines of every hunk count, a
 * new file counts whole, so does a binary file that differs, and a deleted
 * file or a pure deletion adds no line. Paths may be C-quoted ("a/t\"ab").
 *
 * Never fails: the first thing that is not such output (a malformed hunk
 * header, a hunk cut short, a path without the b/ prefix) gives one
 * "diff.malformed" warning, and parsing goes on with the next line.
 */
void bh_diff_parse(bh_diff *d, const char *text, size_t len, bh_diags *diags);

/**
 * Add every path of `list` (`len` bytes of NUL-terminated paths, as `git
 * ls-files -z` prints them) as a new file: each of its lines counts.
 */
void bh_diff_add_paths(bh_diff *d, const char *list, size_t len);

/** Add `path` (copied) as a new file. */
void bh_diff_add_whole(bh_diff *d, const char *path);

/** Add lines `first`..`last` of `path` (copied); an empty or inverted range adds the file only. */
void bh_diff_add_range(bh_diff *d, const char *path, uint32_t first, uint32_t last);

/** Sort and merge: one entry per path, sorted disjoint ranges. Call before the queries. */
void bh_diff_finish(bh_diff *d);

/**
 * Whether any of lines `first`..`last` of `path` changed. Line 0 stands
 * for the file as a whole (a finding without a line): it counts only for a
 * whole file, since an edit to an old file does not make a finding about
 * the file new. False for a path that is NULL or not in the set.
 */
bool bh_diff_has_lines(const bh_diff *d, const char *path, uint32_t first, uint32_t last);

/**
 * Keep only the findings a change touches: one whose primary location (any
 * of its lines), or the first line of a flow step or a related location,
 * is a changed line. A taint flow
 * whose source line is new, or an uninitialised read whose declaration
 * lost its initialiser, is the change's doing even where the bug shows on
 * an old line. The image context (the Dockerfile lines that ship the
 * code) does not count: editing a COPY does not make old code new.
 */
void bh_diff_keep_changed(const bh_diff *d, bh_findings *findings);

#endif
