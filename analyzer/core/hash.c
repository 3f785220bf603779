// SPDX-License-Identifier: MIT
// bh_hash128 (include/bulkhead/hash.h).
#include <stdio.h>
#include <string.h>

#include "bulkhead/hash.h"

void bh_hash128_bytes(bh_hash128 *h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++) {
		h->a = (h->a ^ p[i]) * 0x100000001b3ULL;
		h->b = (h->b + p[i] + 1) * 0x9e3779b97f4a7c15ULL;
		h->b ^= h->b >> 29;
	}
}

// The lane and finishing steps of xxHash64 (public domain constants).
#define P1 0x9e3779b185ebca87ULL
#define P2 0xc2b2ae3d27d4eb4fULL
#define P3 0x165667b19e3779f9ULL
#define P4 0x85ebca77c2b2ae63ULL
#define P5 0x27d4eb2f165667c5ULL

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t lane(uint64_t acc, const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, sizeof(w));
	acc += w * P2;
	return rotl(acc, 31) * P1;
}

static uint64_t avalanche(uint64_t h)
{
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}

void bh_hash128_fast(bh_hash128 *out, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t v[4] = { P1 + P2, P2, 0, 0 - P1 };
	size_t i = 0;
	for (; i + 32 <= len; i += 32)
		for (int k = 0; k < 4; k++)
			v[k] = lane(v[k], p + i + 8 * k);
	// The rest, padded with zeros to a stripe: the length tells
	// "ab" from "ab\0".
	unsigned char tail[32] = { 0 };
	if (len > i)
		memcpy(tail, p + i, len - i);
	for (int k = 0; k < 4; k++)
		v[k] = lane(v[k], tail + 8 * k);
	uint64_t a = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
	uint64_t b = v[0] ^ rotl(v[1], 17) ^ rotl(v[2], 29) ^ rotl(v[3], 43);
	out->a = avalanche(a ^ ((uint64_t)len * P5));
	out->b = avalanche(b + ((uint64_t)len * P4));
}

void bh_hash128_hex(const bh_hash128 *h, char out[33])
{
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h->a, (unsigned long long)h->b);
}
