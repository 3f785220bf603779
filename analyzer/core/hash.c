// SPDX-License-Identifier: MIT
// bh_hash128 (include/bulkhead/hash.h).
#include <stdio.h>

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

void bh_hash128_hex(const bh_hash128 *h, char out[33])
{
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h->a, (unsigned long long)h->b);
}
