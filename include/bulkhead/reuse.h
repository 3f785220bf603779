/* SPDX-License-Identifier: MIT */
/*
 * Reusing an analysis' work across scans. A whole-program analysis walks
 * the call graph's components callees first; what it makes of a
 * component (its members' summaries, its findings, what it changed of the
 * program-wide state) is a function of what it read: the members' IR and
 * graph facts (bh_callgraph_ids), the summaries of their callees, and
 * what the analysis reads of its own program-wide state. A run records
 * each component's reads with their digests and what it made (a trace);
 * the next scan replays a component whose members are the same functions
 * with the same digests and whose every read still has its recorded
 * digest, and analyses the others. Since a component whose callee's
 * summary came out the same reads the same, a change stops at the first
 * caller it does not reach: the results are those of analysing everything.
 *
 * This header is the driver's side: a set of traces loaded from the cache
 * and saved back (the analyses' side is analyzer/dataflow/reuse_internal.h).
 */
#ifndef BULKHEAD_REUSE_H
#define BULKHEAD_REUSE_H

#include "common.h"
#include "ir_serial.h"

typedef struct bh_reuse bh_reuse;

/** No traces yet, for the analysis named `analysis` ("memory"). */
bh_reuse *bh_reuse_new(const char *analysis);

/**
 * Take the traces an earlier run saved (copied). false, and none kept,
 * when the bytes are not that analysis' traces in this format, whole.
 */
bool bh_reuse_load(bh_reuse *r, const void *data, size_t len);

/**
 * The traces of the run that used `r` (replayed and new), for the next
 * scan. Only meaningful once that run completed.
 */
void bh_reuse_save(const bh_reuse *r, bh_bytes *out);

/**
 * Whether what bh_reuse_save would write is what bh_reuse_load took: the
 * run replayed every stored trace, in their order and rounds, and nothing
 * else (saving it again can be skipped).
 */
bool bh_reuse_as_loaded(const bh_reuse *r);

/** Components the run replayed and analysed. */
void bh_reuse_counts(const bh_reuse *r, size_t *replayed, size_t *analysed);

void bh_reuse_free(bh_reuse *r);

#endif
