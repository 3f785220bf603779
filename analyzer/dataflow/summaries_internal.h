// SPDX-License-Identifier: MIT
// Shared by the files behind bh_summaries (summaries.h): the set of
// function summaries read from or written to a summaries file
// (summaries.c), and each analysis' part of a function's entry: taint's
// (taint_summaries.c) and memory's (mem_summaries.c), with what their
// whole-program runs ask of the set.
#ifndef BH_SUMMARIES_INTERNAL_H
#define BH_SUMMARIES_INTERNAL_H

#include <jansson.h>

#include "bulkhead/summaries.h"
#include "dataflow/mem_internal.h"
#include "dataflow/taint_internal.h"

// A unit's file and the hash of its content when the summaries were made.
// One per unit entry of a file read (a path may come twice: each entry
// keeps its own hash) and per unit exported.
typedef struct {
	const char *path;          // interned
	const char *hash;          // 32 hex digits, or NULL when unknown
	bool external;             // not this context's file (bh_summaries_mark_external)
} bh_summaries__unit;

// One function: who it is, where it is defined, and what each analysis
// says of it.
typedef struct {
	bh_summaries__unit *unit;
	size_t order;              // when it was added: the writer keeps this order in a unit
	const char *usr;
	const char *name;
	uint32_t nparams;
	bool has_taint;
	bh_taint__summary taint;   // fn is NULL; vectors owned by the set
	bh_mem__summary *mem;      // fn is NULL; or NULL when there is none
} bh_summaries__entry;

// Paths as a file holds them: each distinct step once ("steps"), and each
// path a chain of nodes (step, next) that paths ending alike share
// ("paths"); an entry names a path by its first node. In redis, 1.2
// million steps of 54,000 paths are 12,800 steps and 105,000 nodes.
typedef struct bh_summaries__paths bh_summaries__paths;

// Decoded tables of the file being read.
typedef struct {
	bh_finding_step *steps;
	size_t nsteps;
	uint32_t *node_step;
	int64_t *node_next;        // -1 at the end of a path, else an earlier node
	size_t nnodes;
} bh_summaries__tables;

struct bh_summaries {
	bh_arena *arena;           // strings, paths, parameter arrays
	bh_strset paths;           // interned file paths (units, locations) and step messages
	bh_strset usrs;            // the functions held
	BH_VEC(bh_summaries__entry *) funcs; // in the order added
	bh_summaries__entry **by_usr;        // the same, sorted by USR for lookups
	size_t nindexed;                     // entries in by_usr
	BH_VEC(bh_summaries__unit *) units;  // every unit entry, in the order seen
	BH_VEC(bh_taint__tainted_global) globals; // globals known to hold untrusted data
	size_t slots_left;         // parameter slots and path steps still allowed (bounds memory)
	const bh_summaries__tables *reading; // during bh_summaries_read
};

// ------------------------------------------------------------ the set

/** The entry of function `usr` defined in unit file `path`, or NULL (the index must be current). */
bh_summaries__entry *bh_summaries__find_in(const bh_summaries *s, const char *usr, const char *path);

/**
 * The entry of function `usr` a call in unit file `from` (NULL: unknown)
 * links to, of those defined in several units (bh_callgraph_nearer), or
 * NULL.
 */
bh_summaries__entry *bh_summaries__find_near(const bh_summaries *s, const char *usr, const char *from);

/**
 * What a call naming key string `key` (of a unit's IR) links to when the
 * run also reads summaries `s` (or NULL): an imported definition nearer
 * to the caller's unit than any with a body here (a shard's summaries of
 * the other shards: the same definition a scan of the whole context
 * links to), or NULL and its node in `*node` (SIZE_MAX: none).
 */
const bh_summaries__entry *bh_summaries__linked(const bh_summaries *s, const bh_callgraph *g,
						const char *key, size_t *node);

/** A new unit entry for `path`. */
bh_summaries__unit *bh_summaries__new_unit(bh_summaries *s, const char *path);

/**
 * A new entry for function `usr` of `unit`, or NULL when the set holds
 * that function of a unit of that path already (the first one wins).
 * Strings are copied.
 */
bh_summaries__entry *bh_summaries__add(bh_summaries *s, bh_summaries__unit *unit, const char *usr,
				       const char *name, uint32_t nparams);

/** A location as JSON (new reference): path, line, col, end_line, end_col. */
json_t *bh_summaries__loc_to_json(bh_loc loc);

/** Read a location (its path interned in the set): NULL, or what is wrong. */
const char *bh_summaries__loc_from_json(json_t *o, bh_summaries *s, bh_loc *out);

/** A path for a file being written: its first node (new reference), or NULL when empty. */
json_t *bh_summaries__path_ref(bh_summaries__paths *t, const bh_taint__path *p);

/**
 * The path `ref` names in the file being read (absent: empty), its steps
 * in the set's arena within its budget: NULL, or what is wrong.
 */
const char *bh_summaries__path_get(bh_summaries *s, json_t *ref, bh_taint__path *out);

/** A copy of path `p` in the set (locations and messages interned). */
bh_taint__path bh_summaries__path_copy(bh_summaries *s, const bh_taint__path *p);

/**
 * The definitions of `prog` an export writes: each function that is its
 * USR's node in `graph` (a definition repeated in another unit, a header's
 * static inline function, is the first's), with its node, and the entry
 * it has in `out` (made with its unit's when new).
 */
typedef struct {
	const bh_ir_program *prog;
	const bh_callgraph *graph;
	bh_summaries *out;
	size_t unit;               // position: the unit
	const bh_ir_func *fn;      // ... and its function to look at next
	bh_summaries__unit *unit_entry;
} bh_summaries__exporter;

void bh_summaries__export_start(bh_summaries__exporter *x, const bh_ir_program *prog,
				const bh_callgraph *graph, bh_summaries *out);

/** The next definition: its entry, its node in `*node`; NULL at the end. */
bh_summaries__entry *bh_summaries__export_next(bh_summaries__exporter *x, size_t *node);

/** Sort the lookup index after entries were added. */
void bh_summaries__index(bh_summaries *s);

/**
 * `n + 1` zeroed elements of `size` bytes for a parameter array, taken
 * from the set's budget: NULL when it is spent (memory follows the size
 * of a file, not the numbers in it).
 */
void *bh_summaries__param_array(bh_summaries *s, uint32_t n, size_t size);

// ------------------------------------------------------------ taint's part

/** The "taint" member of a function's entry (new reference); its paths go to `t`. */
json_t *bh_taint__summary_to_json(const bh_taint__summary *s, bh_summaries__paths *t);

/**
 * Read a "taint" member into `s` (zeroed first) for the function `id`
 * names: strings, arrays and interned paths in the set. On false,
 * `*error` says what is wrong. Either way bh_taint__summary_dispose.
 */
bool bh_taint__summary_from_json(json_t *o, const bh_summaries__entry *id, bh_summaries *set,
				 bh_taint__summary *s, const char **error);

void bh_taint__summary_dispose(bh_taint__summary *s);

/** Code outside the context: drop every path of `s`. */
void bh_taint__summary_drop_paths(bh_taint__summary *s);

/** The taint summary held for `usr`, or NULL. */

/**
 * Add the summaries of every function `p` analysed, grouped by the unit of
 * `prog` that defines it, and the globals `p` found tainted, to `out`.
 */
void bh_taint__export(const bh_taint__program *p, const bh_ir_program *prog, bh_summaries *out);

/** Seed `p`'s tainted globals with those read into `s`. */
void bh_taint__import_globals(bh_taint__program *p, const bh_summaries *s);

/** A tainted global as JSON (new reference), and back (false when malformed). */
json_t *bh_taint__global_to_json(const bh_taint__tainted_global *g, bh_summaries__paths *t);
bool bh_taint__global_from_json(json_t *o, bh_summaries *set, bh_taint__tainted_global *out);

/** Drop a tainted global's path if a step is outside the context. */
void bh_taint__global_check_path(bh_taint__tainted_global *g,
				 bool (*in_context)(void *payload, const char *path, const char *hash),
				 void *payload);

// ------------------------------------------------------------ memory's part

/** The "memory" member of a function's entry (new reference). */
json_t *bh_mem__summary_to_json(const bh_mem__summary *s);

/** Read a "memory" member into a new summary in the set's arena, or NULL with `*error`. */
bh_mem__summary *bh_mem__summary_from_json(json_t *o, const bh_summaries__entry *id, bh_summaries *set,
					   const char **error);

/** Code outside the context: forget where it releases and dereferences. */
void bh_mem__summary_drop_paths(bh_mem__summary *s);

/** The memory summary held for `usr`, or NULL. */

/** Add the memory summary of every function `p` analysed to `out`. */
void bh_mem__export(const bh_mem__program *p, const bh_ir_program *prog, bh_summaries *out);

#endif
