/* SPDX-License-Identifier: MIT */
/*
 * The scan's result cache (the pipeline's use of include/bulkhead/cache.h).
 * A scan's findings and diagnostics are a function of its inputs: the
 * bytes of every context file, the files outside the context its units
 * included, the options that change what is analysed, and the build of
 * Bulkhead and libclang. The key hashes all of them but the outside files,
 * which the entry lists with their size and modification time (known only
 * once libclang has parsed). A scan whose key has an entry, and whose
 * outside files are as listed, takes the entry's results instead of
 * analysing; the report stages (suppressions, configuration policy,
 * baseline, --diff, --only-shipped) run as always.
 */
#ifndef BULKHEAD_DRIVER_SCAN_CACHE_H
#define BULKHEAD_DRIVER_SCAN_CACHE_H

#include <pthread.h>

#include "bulkhead/clang.h"
#include "bulkhead/scan.h"

typedef struct bh_cache bh_cache;

/** A content hash or key of the cache: SHA-256 as 64 hex digits and a NUL. */
#define BH_SCAN_HASH_HEX 65

#include "bulkhead/strset.h"

typedef struct {
	bh_cache *cache;        /* NULL: no cache for this scan */
	const char *unlisted;   /* the cache directory relative to the context, when inside it */
	bool keyed;             /* `key` and what follows are this scan's */
	bool whole;             /* the whole result may be stored and reused */
	char key[BH_SCAN_HASH_HEX];
	const char *root;       /* the context's absolute root */
	bh_strmap hashes;       /* context path -> content hash, for the files the key hashed */
	bh_strmap basenames;    /* base name -> how many context files have it (decimal) */
	const char *unit_base;  /* what every unit entry's key starts from */
	bh_clang_unit_cache units;
	size_t units_reused;    /* units taken from the cache (atomic: workers count) */
	bool lock_ready;        /* `lock` is initialised */
	pthread_mutex_t lock;   /* guards ir_digests and stats: the workers add to them */
	bh_strmap ir_digests;   /* unit path -> SHA-256 of its encoded IR (analysis_cache.c) */
	bh_strmap *stats;       /* file -> "size sec nsec" or "-": the stat() each file had,
				   asked once per scan however many unit entries name it */
} bh_scan_cache;

/**
 * Open the cache directory, if the scan can use one, before the context is
 * walked (which must not list it: `unlisted`). Diagnoses a directory it
 * cannot use.
 */
void bh_scan_cache_open(bh_scan_cache *sc, bh_scan *scan, const bh_scan_options *opts);

/**
 * Key this scan, once the context is walked (and its editor buffers
 * overlaid). Returns true when a stored whole result was taken: its findings and diagnostics are appended to the
 * scan's, and units_parsed is set.
 */
bool bh_scan_cache_lookup(bh_scan_cache *sc, bh_scan *scan, const bh_scan_options *opts);

/**
 * When the scan missed: the per-unit cache for the front end
 * (bh_clang_options.unit_cache), or NULL when the scan could not be keyed.
 * Units whose files are as their entry lists are not parsed again.
 */
const bh_clang_unit_cache *bh_scan_cache_units(const bh_scan_cache *sc);

/**
 * A file the units read from memory, not from disk (a config header
 * written for an unconfigured autotools tree), at context path `path`: a
 * unit entry holds it by the hash of `text` as it holds a context file.
 * Nothing when the scan could not be keyed.
 */
void bh_scan_cache_add_written(bh_scan_cache *sc, const char *path, const char *text, size_t len);

/**
 * Store the findings and diagnostics the scan made from `first_finding`
 * and `first_diag` on, with the files its units read (`visited`, context
 * paths, and `outside`: bh_clang_options' lists) that the key does not
 * cover, under the key; prune unit entries beyond `nunits` and some.
 * Nothing when the lookup could not key the scan.
 */
void bh_scan_cache_store(bh_scan_cache *sc, bh_scan *scan, size_t first_finding, size_t first_diag,
			 const bh_clang_files *visited, const bh_clang_files *outside, size_t nunits);

void bh_scan_cache_close(bh_scan_cache *sc);

/**
 * The content hash of context file `path` that summaries files record
 * (bh_hash128, 32 hex digits); false if unreadable.
 */
bool bh_scan_hash_file(bh_scan *scan, const char *path, char out[33]);

/**
 * The content hash the cache keys on (SHA-256: a file made to collide with
 * another must not take its cached results); false if unreadable.
 */
bool bh_scan_content_hash(bh_scan *scan, const char *path, char out[BH_SCAN_HASH_HEX]);

#endif
