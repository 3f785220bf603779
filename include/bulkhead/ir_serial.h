/* SPDX-License-Identifier: MIT */
/*
 * The IR of one translation unit as bytes, and back: what the per-unit
 * cache stores so that a unit whose inputs did not change is not parsed
 * again (analyzer/driver/scan_cache.c). A compact binary form (LEB128
 * integers, one table of the unit's strings) of everything bh_ir_unit
 * holds; decoding checks every count and index against the bytes left and
 * runs bh_ir_verify on every function, so bytes that are not a unit this
 * build wrote give false, never a malformed IR.
 */
#ifndef BULKHEAD_IR_SERIAL_H
#define BULKHEAD_IR_SERIAL_H

#include "ir.h"
#include "sha256.h"
#include "vec.h"

typedef BH_VEC(unsigned char) bh_bytes;

/** Append the encoding of `unit` to `out` (heap; bh_vec_dispose). */
void bh_ir_unit_encode(const bh_ir_unit *unit, bh_bytes *out);

/**
 * Decode `len` bytes at `data` into `*out`, everything in `arena`.
 * @return false when the bytes are not an encoding of a valid unit
 * (`*out` is then empty; what was allocated stays in the arena).
 */
bool bh_ir_unit_decode(bh_ir_unit *out, bh_arena *arena, const unsigned char *data, size_t len);

/**
 * Mix into `h` the encoding of one function as it is now, with the places
 * it holds (bh_ir_func_holds) written relative to its first line: equal
 * digests, functions equal to every analysis but for where they are in
 * their file (which the function's own `loc` gives). A function moved by
 * lines added or removed above it keeps its digest.
 */
void bh_ir_func_digest(const bh_ir_func *fn, bh_sha256 *h);

#endif
