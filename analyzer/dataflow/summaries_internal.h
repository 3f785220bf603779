// SPDX-License-Identifier: MIT
// Shared by the files behind bh_summaries (taint.h): the set of
// summaries read from or written to a summaries file, the codec of one
// function's entry (taint_summary_json.c), and what the whole-program
// analysis asks of the set (taint_program.c).
#ifndef BH_SUMMARIES_INTERNAL_H
#define BH_SUMMARIES_INTERNAL_H

#include <jansson.h>

#include "dataflow/taint_internal.h"

// A unit's file and the hash of its content when the summaries were made.
// One per unit entry of a file read (a path may come twice: each entry
// keeps its own hash) and per unit exported.
typedef struct {
	const char *path;          // interned
	const char *hash;          // 32 hex digits, or NULL when unknown
	bool external;             // not this context's file (bh_summaries_mark_external)
} bh_taint__unit;

// One function's summary and the translation unit that defines it.
typedef struct {
	bh_taint__unit *unit;
	size_t order;              // when it was added: the writer keeps this order in a unit
	bh_taint__summary sum;     // fn is NULL; vectors owned by the set
} bh_taint__stored;

struct bh_summaries {
	bh_arena *arena;           // strings, paths, parameter arrays
	bh_strset paths;           // interned file paths: units and locations
	bh_strset usrs;            // the functions held
	BH_VEC(bh_taint__stored *) funcs;  // in the order added
	bh_taint__stored **by_usr; // the same, sorted by USR for lookups
	BH_VEC(bh_taint__unit *) units;    // every unit entry, in the order seen
	BH_VEC(bh_taint__tainted_global) globals; // globals known to hold untrusted data
	size_t slots_left;         // parameter write slots still allowed (bounds memory)
};

/** The summary held for `usr`, or NULL. */
const bh_taint__summary *bh_taint__imported(const bh_summaries *s, const char *usr);

/**
 * Add the summaries of every function `p` analysed, grouped by the unit of
 * `prog` that defines it, and the globals `p` found tainted, to `out`.
 */
void bh_taint__export(const bh_taint__program *p, const bh_ir_program *prog,
		      bh_summaries *out);

/** Seed `p`'s tainted globals with those read into `s`. */
void bh_taint__import_globals(bh_taint__program *p, const bh_summaries *s);

/** One function's entry (new reference). */
json_t *bh_taint__summary_to_json(const bh_taint__summary *s);

/**
 * Read one function's entry into `s` (zeroed first): strings and arrays in
 * `arena`, file paths interned in `paths`. Per-parameter arrays exist only
 * for a function that writes a parameter, and take their slots from
 * `*slots_left`. On false, `*error` says what is wrong. Either way the
 * caller disposes s's vectors.
 */
bool bh_taint__summary_from_json(json_t *o, bh_arena *arena, bh_strset *paths, size_t *slots_left,
				 bh_taint__summary *s, const char **error);

/** A path as a JSON array of steps (new reference); NULL when it is empty. */
json_t *bh_taint__path_to_json(const bh_taint__path *p);

/** Read a path written by bh_taint__path_to_json; false when malformed. */
bool bh_taint__path_from_json(json_t *a, bh_arena *arena, bh_strset *paths, bh_taint__path *out);

#endif
