/* SPDX-License-Identifier: MIT */
/*
 * Per-file results of a stage whose result for a file is a function of the
 * file's path and bytes (the tree-sitter-c fast path, the secret scanner),
 * kept in the scan cache between scans: a file whose bytes were checked
 * before is not read or parsed again. One cache entry per stage and
 * context holds the results the last scan used, and as many older ones.
 * Internal to the driver.
 */
#ifndef BULKHEAD_DRIVER_FILE_RESULTS_H
#define BULKHEAD_DRIVER_FILE_RESULTS_H

#include "bulkhead/file_cache.h"
#include "driver/scan_cache.h"

typedef struct bh_file_results bh_file_results;

/** The results `stage` stored for this context; NULL when the scan has no keyed cache. */
bh_file_results *bh_file_results_open(bh_scan_cache *sc, const char *stage);

/** The stage's view of them (valid while `fr` is open; thread-safe). */
bh_file_cache bh_file_results_cache(bh_file_results *fr);

/** Hits and results made since opened. */
void bh_file_results_counts(const bh_file_results *fr, size_t *hits, size_t *made);

/** Save the results this scan used or made and as many older ones (when `save`), and free. */
void bh_file_results_close(bh_file_results *fr, bool save);

#endif
