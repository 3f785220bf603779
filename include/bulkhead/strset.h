/* SPDX-License-Identifier: MIT */
/*
 * A set of strings (open addressing, FNV-1a), for the places that need to
 * know "seen before?": the front end's merge of findings from several
 * units, the taint analysis' set of globals that are written; and a map
 * from strings to strings on the same table.
 */
#ifndef BULKHEAD_STRSET_H
#define BULKHEAD_STRSET_H

#include "common.h"

/** FNV-1a hash of a NUL-terminated string. */
uint64_t bh_hash_string(const char *s);

/** A set of strings; zero-initialise it (`bh_strset s = { 0 };`). Not thread-safe. */
typedef struct {
	char **keys;   /* heap copies, or NULL for an empty slot */
	size_t cap, len;
} bh_strset;

/**
 * Add a copy of `key`.
 * @return true if it was new, false if the set already held it.
 */
bool bh_strset_insert(bh_strset *set, const char *key);

/**
 * The set's own copy of `key`, added if it was not there: equal strings
 * get the same pointer (interning). Valid until the set is disposed.
 */
const char *bh_strset_intern(bh_strset *set, const char *key);

/** True if the set holds `key`. */
bool bh_strset_contains(const bh_strset *set, const char *key);

/** Free the keys and the table; the set is empty and reusable afterwards. */
void bh_strset_dispose(bh_strset *set);

/**
 * A map from strings to strings, both heap copies owned by the map; for
 * caches that outlive the arenas of the work that fills them (the front
 * end's realpath() of each header, kept across the units of a worker).
 * Zero-initialise it. Not thread-safe.
 */
typedef struct {
	char **keys;   /* NULL for an empty slot */
	char **vals;   /* the value of keys[i] */
	size_t cap, len;
} bh_strmap;

/** Set `key` to a copy of `val` (replacing an earlier value). */
void bh_strmap_put(bh_strmap *map, const char *key, const char *val);

/** The map's copy of the value of `key`, or NULL when it has none. */
const char *bh_strmap_get(const bh_strmap *map, const char *key);

/** Free keys, values and tables; the map is empty and reusable afterwards. */
void bh_strmap_dispose(bh_strmap *map);

/**
 * Numbers for strings by their text, 0, 1, 2... in the order first given:
 * the string tables of encoders (the IR's, the taint traces'). The strings
 * are not copied and must outlive the table. Zero-initialise it. Not
 * thread-safe.
 */
typedef struct {
	const char **keys;   /* NULL for an empty slot */
	uint32_t *ids;       /* the number of keys[i] */
	size_t cap, len;
} bh_strids;

/** The number of `s`; `*added` (if not NULL) says whether it was new. */
uint32_t bh_strids_get(bh_strids *t, const char *s, bool *added);

/** The number of `s` if the table has it, else UINT32_MAX (nothing is added). */
uint32_t bh_strids_find(const bh_strids *t, const char *s);

/** Free the table; it is empty and reusable afterwards. */
void bh_strids_dispose(bh_strids *t);

#endif
