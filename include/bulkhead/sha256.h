/* SPDX-License-Identifier: MIT */
/*
 * SHA-256 (FIPS 180-4), for what must not collide even when someone
 * chooses the input: the content hashes and keys of the result cache. A
 * cache restored into the scan of a pull request must not take a file
 * crafted to hash like the one it replaces for that file (bh_hash128 is
 * fast, but built for accidental collisions only).
 */
#ifndef BULKHEAD_SHA256_H
#define BULKHEAD_SHA256_H

#include "common.h"

typedef struct {
	uint32_t state[8];
	uint64_t bytes;            /* message length so far */
	unsigned char block[64];   /* a partial block */
	size_t used;               /* bytes of it */
} bh_sha256;

void bh_sha256_init(bh_sha256 *h);
void bh_sha256_update(bh_sha256 *h, const void *data, size_t len);

#define BH_SHA256_LEN 32

/** Finish and write the digest's 32 bytes. */
void bh_sha256_digest(bh_sha256 *h, unsigned char out[BH_SHA256_LEN]);

/** Finish and write the digest as 64 lowercase hex digits and a NUL. */
void bh_sha256_hex(bh_sha256 *h, char out[65]);

/** Tests: use the portable code even where the SHA instructions exist. */
void bh_sha256_portable(bool on);

#endif
