// SPDX-License-Identifier: MIT
// bh_ptrmap (include/bulkhead/ptrmap.h): linear probing, kept at most
// half full.
#include <stdlib.h>

#include "bulkhead/ptrmap.h"

static size_t slot_of(const void **keys, size_t cap, const void *key)
{
	uint64_t h = (uint64_t)(uintptr_t)key * 0x9e3779b97f4a7c15ULL;
	size_t j = (size_t)(h >> 24) & (cap - 1);
	while (keys[j] && keys[j] != key)
		j = (j + 1) & (cap - 1);
	return j;
}

bool bh_ptrmap_get(const bh_ptrmap *m, const void *key, uintptr_t *val)
{
	if (!m->cap || !key)
		return false;
	size_t j = slot_of(m->keys, m->cap, key);
	if (!m->keys[j])
		return false;
	*val = m->vals[j];
	return true;
}

void bh_ptrmap_put(bh_ptrmap *m, const void *key, uintptr_t val)
{
	bh_assert(key);
	if (2 * (m->len + 1) > m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 64;
		const void **keys = bh_xcalloc(cap, sizeof(*keys));
		uintptr_t *vals = bh_xcalloc(cap, sizeof(*vals));
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i]) {
				size_t j = slot_of(keys, cap, m->keys[i]);
				keys[j] = m->keys[i];
				vals[j] = m->vals[i];
			}
		free(m->keys);
		free(m->vals);
		m->keys = keys;
		m->vals = vals;
		m->cap = cap;
	}
	size_t j = slot_of(m->keys, m->cap, key);
	if (!m->keys[j]) {
		m->keys[j] = key;
		m->len++;
	}
	m->vals[j] = val;
}

void bh_ptrmap_dispose(bh_ptrmap *m)
{
	free(m->keys);
	free(m->vals);
	*m = (bh_ptrmap){ 0 };
}
