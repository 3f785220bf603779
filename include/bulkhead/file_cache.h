/* SPDX-License-Identifier: MIT */
/*
 * Results of files a stage checked in an earlier scan (the driver's cache,
 * analyzer/driver/file_results.c), for a stage whose result for a file is
 * a function of the file's path, its bytes and a small `scope` the stage
 * defines (tree-sitter: macros or full; secrets: whether the file reaches
 * the Docker daemon). `lookup` fills `found` and `diags` (empty) when it
 * holds a result for the file's bytes now; `store` is told what a check
 * gave. Both may be called from several threads at once.
 */
#ifndef BULKHEAD_FILE_CACHE_H
#define BULKHEAD_FILE_CACHE_H

#include "common.h"

typedef struct bh_findings bh_findings;
typedef struct bh_diags bh_diags;

typedef struct bh_file_cache {
	bool (*lookup)(void *payload, const char *path, unsigned scope, bh_findings *found, bh_diags *diags);
	void (*store)(void *payload, const char *path, unsigned scope, const bh_findings *found,
		      const bh_diags *diags);
	void *payload;
} bh_file_cache;

#endif
