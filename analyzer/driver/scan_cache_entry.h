/* SPDX-License-Identifier: MIT */
/*
 * Reading and writing the payload of the scan cache's entries (the format
 * is at the top of scan_cache_entry.c): the records of the files a result
 * depends on, checked against the scan's hashes and the disk, and the
 * sections holding the report and the IR. Internal to the driver.
 */
#ifndef BULKHEAD_DRIVER_SCAN_CACHE_ENTRY_H
#define BULKHEAD_DRIVER_SCAN_CACHE_ENTRY_H

#include <stdio.h>

#include "bulkhead/sha256.h"
#include "driver/scan_cache.h"

/**
 * Append the records of the files a scan or a unit read: context files
 * (`visited`; with `unhashed_only`, those the key does not cover) and files
 * outside the context. false when one cannot be stated or named.
 */
bool bh_scan_cache__put_records(FILE *f, const bh_scan_cache *sc, const bh_clang_files *visited,
				const bh_clang_files *outside, bool unhashed_only);

/** Append "base <count> <name>" for the base name of `path`. */
void bh_scan_cache__put_base_record(FILE *f, const bh_scan_cache *sc, const char *path);

/**
 * Check the records at `*p` up to the "report" section; with `r`, the
 * files they name go to its visited and outside lists. Leaves `*p` at the
 * section.
 */
bool bh_scan_cache__records_hold(const bh_scan_cache *sc, const char **p, const char *end,
				 bh_clang_unit_result *r);

/** A section "NAME <length>\n<bytes>" at `*p`: its bytes; `*p` moves past it. */
bool bh_scan_cache__section(const char **p, const char *end, const char *name, const char **data, size_t *len);

/** Append the JSON report of `findings` and `diags` as a "report" section. */
bool bh_scan_cache__put_report(FILE *f, const bh_findings *findings, const bh_diags *diags, size_t units);

/**
 * Read a report section into the lists; on any failure they are left as
 * they were. `units`, if not NULL, gets the report's units_parsed.
 */
bool bh_scan_cache__load_report(const char *json, size_t len, bh_findings *findings, bh_diags *diags,
				size_t *units);

/** Key material: a string with its NUL (NULL has a value of its own). */
void bh_scan_cache__mix_str(bh_sha256 *h, const char *s);
void bh_scan_cache__mix_u64(bh_sha256 *h, uint64_t v);
/** A list of strings, with its length. */
void bh_scan_cache__mix_strs(bh_sha256 *h, const char *const *list, size_t n);

#endif
