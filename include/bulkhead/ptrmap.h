/* SPDX-License-Identifier: MIT */
/*
 * A map from addresses to pointer-sized values (open addressing), for
 * answers kept by the address of an IR string: the string at one address
 * never changes while its IR lives, so the address stands for the text
 * without hashing or comparing it (the call graph's callee lookups, the
 * bounds checker's library models).
 */
#ifndef BULKHEAD_PTRMAP_H
#define BULKHEAD_PTRMAP_H

#include "common.h"

/** Zero-initialise it (`bh_ptrmap m = { 0 };`). Not thread-safe while it changes. */
typedef struct {
	const void **keys;  /* NULL: an empty slot */
	uintptr_t *vals;
	size_t cap, len;
} bh_ptrmap;

/** The value of `key` to `*val`; false when the map has none. */
bool bh_ptrmap_get(const bh_ptrmap *m, const void *key, uintptr_t *val);

/** Set the value of `key` (not NULL). */
void bh_ptrmap_put(bh_ptrmap *m, const void *key, uintptr_t val);

/** Free the table; the map is empty and reusable afterwards. */
void bh_ptrmap_dispose(bh_ptrmap *m);

#endif
