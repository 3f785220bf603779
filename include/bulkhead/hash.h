/* SPDX-License-Identifier: MIT */
/*
 * A 128-bit non-cryptographic hash (two independent 64-bit hashes, FNV-1a
 * and a multiplicative mix): finding fingerprints, and the content of the
 * files that summaries were made from. Collisions between the files
 * or findings of one project are not a practical concern; nothing relies
 * on it against an adversary who picks both inputs.
 */
#ifndef BULKHEAD_HASH_H
#define BULKHEAD_HASH_H

#include "common.h"

typedef struct {
	uint64_t a, b;
} bh_hash128;

#define BH_HASH128_INIT { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL }

/** Mix `len` bytes of `data` into `h`. */
void bh_hash128_bytes(bh_hash128 *h, const void *data, size_t len);

/**
 * A 128-bit checksum of `len` bytes, eight bytes at a time on four lanes
 * (about ten times bh_hash128_bytes' speed): for telling a damaged cache
 * entry from a sound one. Its values may change between versions; what
 * users keep (fingerprints) uses bh_hash128_bytes.
 */
void bh_hash128_fast(bh_hash128 *out, const void *data, size_t len);

/** `h` as 32 lowercase hex digits and a NUL. */
void bh_hash128_hex(const bh_hash128 *h, char out[33]);

#endif
