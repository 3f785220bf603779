/* SPDX-License-Identifier: MIT */
/*
 * Joining reports (`bulkhead merge`): the JSON reports of the shards of one
 * scan (`--shard K/N`), or of scans of parts of a context, read back into
 * findings and diagnostics and joined into the one report a single scan
 * would have written. The JSON report carries everything a finding has,
 * so any output format can be written from the joined result.
 */
#ifndef BULKHEAD_MERGE_H
#define BULKHEAD_MERGE_H

#include <stddef.h>

#include "common.h"
#include "diag.h"
#include "finding.h"

/** What a JSON report says besides its findings and diagnostics. */
typedef struct {
	const char *tool_version;
	const char *context_root;
	size_t files_scanned; /* every shard walks the whole context: the largest */
	size_t units_parsed;  /* each shard parses its part: the sum */
	const char *start_time, *end_time; /* or NULL: the earliest start, the latest end */
} bh_report_meta;

/**
 * Read the JSON report at `path` (written by Bulkhead, report version 1.x)
 * and append its findings to `findings` and its diagnostics to `diags`;
 * join what it says about the run into `meta` (zeroed by the caller for
 * the first report). Strings live in the lists' arenas. A file that cannot
 * be read, is not JSON, not a Bulkhead report, or of another major
 * version adds an error diagnostic "merge.bad-report" and nothing else; a
 * finding of a rule this build does not know is left out with a warning
 * "merge.unknown-rule".
 * @return BH_OK, or BH_EINVAL / BH_EIO for a report left out.
 */
bh_status bh_report_load_json(const char *path, bh_findings *findings, bh_diags *diags, bh_report_meta *meta);

/**
 * The same for a report held in memory (`len` bytes at `text`); `name`
 * stands for its file in diagnostics.
 */
bh_status bh_report_load_buffer(const char *text, size_t len, const char *name, bh_findings *findings,
				bh_diags *diags, bh_report_meta *meta);

/**
 * Join the findings of several reports: drop exact duplicates (a header's
 * finding, a secret or a Dockerfile finding every shard reports), put them
 * in a single scan's order (path, line, column, rule, message) and compute
 * their fingerprints over the whole set, as a single scan does; then sort
 * the diagnostics. With `by_exposure`, the most exposed findings first
 * (`--sort exposure`).
 */
void bh_merge_finish(bh_findings *findings, bh_diags *diags, bool by_exposure);

#endif
