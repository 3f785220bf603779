/* SPDX-License-Identifier: MIT */
/*
 * The whole-program analyses' results in the scan cache (kind "analysis").
 * Taint, memory, initialisation, call checks and bounds read nothing but
 * the program's IR, their models (built in, and the configuration's
 * "taint" and "memory" lines) and each unit's flags (the notes on their
 * findings). A scan whose whole result missed, because a Dockerfile, a
 * configuration file, a comment or a header that changes no function's IR
 * changed, takes their findings, diagnostics and bounds proofs from the
 * entry keyed by those inputs instead of running them again. Internal to
 * the driver.
 */
#ifndef BULKHEAD_DRIVER_ANALYSIS_CACHE_H
#define BULKHEAD_DRIVER_ANALYSIS_CACHE_H

#include "bulkhead/disc.h"
#include "bulkhead/reuse.h"
#include "bulkhead/scan.h"
#include "driver/scan_cache.h"

/** Where the bounds checker proved a string copy fits (pipeline.c). */
typedef BH_VEC(bh_loc) bh_analysis_fits;

/**
 * The key of the analyses over `units` (the program's units, in its
 * order): false when one unit's IR has no digest (parsed without the
 * cache, or not stored), or the scan has no cache.
 */
bool bh_analysis_cache_key(bh_scan_cache *sc, const bh_scan *scan, const bh_units *units,
			   char key[BH_SCAN_HASH_HEX]);

/**
 * Append the stored findings and diagnostics under `key` to the scan's,
 * and the proofs to `fits`; false (nothing appended) on a miss or a
 * damaged entry.
 */
bool bh_analysis_cache_load(bh_scan_cache *sc, const char *key, bh_scan *scan, bh_analysis_fits *fits);

/** Store the analyses' findings, diagnostics and proofs under `key`. */
void bh_analysis_cache_store(bh_scan_cache *sc, const char *key, const bh_findings *findings,
			     const bh_diags *diags, const bh_analysis_fits *fits);

/**
 * The traces an earlier scan of this context left for `analysis`
 * ("memory"; include/bulkhead/reuse.h), keyed by the build, the root and
 * the configuration's models (`key` receives the key to save under); an
 * empty set when there are none or they are damaged; NULL when the scan
 * has no cache.
 */
bh_reuse *bh_analysis_cache_traces(bh_scan_cache *sc, const bh_scan *scan, const char *analysis,
				   char key[BH_SCAN_HASH_HEX]);

/** Save the traces of a completed run under `key`. */
void bh_analysis_cache_save_traces(bh_scan_cache *sc, const char *key, const bh_reuse *r);

#endif
