/* SPDX-License-Identifier: MIT */
/*
 * Function summaries as data: what the interprocedural analyses know of
 * each function (taint: which parameters reach which sinks, the return
 * value, globals, what it writes through its pointer parameters, with the
 * paths; memory: which parameters it releases, dereferences or keeps, what
 * its result is), grouped by the translation unit that defines it, in a
 * versioned JSON file ("format": "bulkhead-summaries"; each function has
 * one member per analysis, "taint" and "memory").
 *
 * A scan can write the summaries of every function it analysed, and read
 * summaries for functions it has no body for: a library scanned on its
 * own, or the units another machine analysed. A function with a body in
 * the scan always uses its own analysis. README: "Summaries as data".
 */
#ifndef BULKHEAD_SUMMARIES_H
#define BULKHEAD_SUMMARIES_H

#include <stdio.h>

#include "common.h"

typedef struct bh_diags bh_diags;

typedef struct bh_summaries bh_summaries;

bh_summaries *bh_summaries_new(void);
void bh_summaries_free(bh_summaries *s);

/** Functions held. */
size_t bh_summaries_count(const bh_summaries *s);

/** Summaries files larger than this are refused. */
#define BH_SUMMARIES_MAX_BYTES (512u << 20)

/**
 * Add the summaries in JSON text `text` (`len` bytes) read from `origin`.
 * A file that is not a summaries file, or of another format version, is
 * an error diagnostic (`summaries.malformed`) and adds nothing; a bad
 * function entry is an error diagnostic naming it and is skipped, the
 * others are kept. A function already held for a unit of the same path
 * keeps its first summary (two programs' definitions of one name are two).
 * @return the number of functions added.
 */
size_t bh_summaries_read(bh_summaries *s, const char *text, size_t len, const char *origin,
			 bh_diags *diags);

/**
 * Record the content hash of each unit's file (bh_hash128 hex of its
 * bytes, as `hash(payload, path, out)` gives it; false: unknown), so that
 * a reader can tell its own file of that path from another project's.
 */
void bh_summaries_hash_units(bh_summaries *s,
			     bool (*hash)(void *payload, const char *path, char out[33]),
			     void *payload);

/**
 * Mark the units that `in_context(payload, path, hash)` denies as code
 * outside the build context (`hash` is the recorded content hash, or NULL):
 * their paths and locations are dropped, and flows into their sinks are
 * reported at the calls into them.
 */
void bh_summaries_mark_external(bh_summaries *s,
				bool (*in_context)(void *payload, const char *path, const char *hash),
				void *payload);

/**
 * Write `s` as JSON: units sorted by path, functions in the order they
 * were added. Reading the output back and writing it again gives the
 * same bytes.
 * @return BH_OK, or BH_EIO when `out` fails.
 */
bh_status bh_summaries_write(const bh_summaries *s, FILE *out);

#endif
