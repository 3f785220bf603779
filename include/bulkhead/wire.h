/* SPDX-License-Identifier: MIT */
/*
 * A small binary wire format for what the cache keeps between scans
 * (analyses' summaries and traces, include/bulkhead/reuse.h): LEB128
 * integers (signed ones zigzagged), strings as a length, their bytes and a
 * NUL (so that a reader can point into the buffer), raw byte runs. The
 * reader checks every length against the bytes left and remembers the
 * first failure: after one, every read gives zero or NULL and `ok` stays
 * false, so a decoder reads on and checks once at the end.
 */
#ifndef BULKHEAD_WIRE_H
#define BULKHEAD_WIRE_H

#include "common.h"
#include "diag.h"
#include "finding.h"
#include "ir_serial.h"

void bh_wire_u(bh_bytes *b, uint64_t v);
void bh_wire_s(bh_bytes *b, int64_t v);
/** A string or NULL (which reads back as NULL, not ""). */
void bh_wire_str(bh_bytes *b, const char *s);
void bh_wire_raw(bh_bytes *b, const void *p, size_t n);
/** A length, then the bytes. */
void bh_wire_blob(bh_bytes *b, const void *p, size_t n);
void bh_wire_loc(bh_bytes *b, const bh_loc *l);

typedef struct {
	const unsigned char *p, *end;
	bool ok;
} bh_wire_reader;

bh_wire_reader bh_wire_reader_of(const void *data, size_t len);
uint64_t bh_wire_get_u(bh_wire_reader *r);
/** A number of at most `max`. */
uint64_t bh_wire_get_max(bh_wire_reader *r, uint64_t max);
int64_t bh_wire_get_s(bh_wire_reader *r);
/** A string, pointing into the buffer (it ends in the NUL written), or NULL. */
const char *bh_wire_get_str(bh_wire_reader *r);
/** `n` raw bytes, pointing into the buffer, or NULL. */
const void *bh_wire_get_raw(bh_wire_reader *r, size_t n);
/** A blob: its bytes (into the buffer) and length. */
const void *bh_wire_get_blob(bh_wire_reader *r, size_t *n);
bh_loc bh_wire_get_loc(bh_wire_reader *r);
/** The same, with the string (the location's path) copied into `arena`: what outlives the buffer. */
const char *bh_wire_get_str_in(bh_wire_reader *r, bh_arena *arena);
bh_loc bh_wire_get_loc_in(bh_wire_reader *r, bh_arena *arena);
/** True when everything read was well formed and nothing is left. */
bool bh_wire_done(const bh_wire_reader *r);

/** Findings and diagnostics (everything a report shows of them but the
 * image context and the fingerprint, which later stages add). */
void bh_wire_finding(bh_bytes *b, const bh_finding *f);
/** Append the finding at `rd` to `out` (strings into its arena); false if malformed. */
bool bh_wire_get_finding(bh_wire_reader *rd, bh_findings *out);
void bh_wire_diag(bh_bytes *b, const bh_diag *d);
bool bh_wire_get_diag(bh_wire_reader *rd, bh_diags *out);

/**
 * The same with every place written by `put` and read by `get` (which
 * fails the reader when it cannot place it; the path in `a`), for
 * encodings whose places are relative to something the reader knows.
 */
typedef struct {
	void (*put)(bh_bytes *b, const bh_loc *l, const void *payload);
	bh_loc (*get)(bh_wire_reader *rd, bh_arena *a, const void *payload);
	const void *payload;
} bh_wire_places;
void bh_wire_finding_at(bh_bytes *b, const bh_finding *f, const bh_wire_places *p);
bool bh_wire_get_finding_at(bh_wire_reader *rd, bh_findings *out, const bh_wire_places *p);
void bh_wire_diag_at(bh_bytes *b, const bh_diag *d, const bh_wire_places *p);
bool bh_wire_get_diag_at(bh_wire_reader *rd, bh_diags *out, const bh_wire_places *p);

#endif
