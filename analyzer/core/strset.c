// SPDX-License-Identifier: MIT
// bh_strset: a set of strings with open addressing and linear probing. The
// table doubles when half full, so probes stay short; keys are heap copies
// owned by the set. bh_strmap: the same table with a value beside each key.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/strset.h"

uint64_t bh_hash_string(const char *s)
{
	uint64_t h = 1469598103934665603ull; // FNV-1a
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

// The slot holding `key`, or the empty slot where it would go. cap > 0.
static size_t slot_of(char *const *keys, size_t cap, const char *key)
{
	size_t j = bh_hash_string(key) & (cap - 1);
	while (keys[j] && strcmp(keys[j], key) != 0)
		j = (j + 1) & (cap - 1);
	return j;
}

// Twice the room: the keys (and the values beside them, when `vals` is
// not NULL) move to fresh tables.
static void grow_tables(char ***keys, char ***vals, size_t *cap)
{
	size_t ncap = *cap ? *cap * 2 : 64;
	char **nkeys = bh_xcalloc(ncap, sizeof(*nkeys));
	char **nvals = vals ? bh_xcalloc(ncap, sizeof(*nvals)) : NULL;
	for (size_t i = 0; i < *cap; i++) {
		if (!(*keys)[i])
			continue;
		size_t j = slot_of(nkeys, ncap, (*keys)[i]);
		nkeys[j] = (*keys)[i];
		if (vals)
			nvals[j] = (*vals)[i];
	}
	free(*keys);
	*keys = nkeys;
	if (vals) {
		free(*vals);
		*vals = nvals;
	}
	*cap = ncap;
}

static void grow(bh_strset *set)
{
	grow_tables(&set->keys, NULL, &set->cap);
}

bool bh_strset_insert(bh_strset *set, const char *key)
{
	if ((set->len + 1) * 2 > set->cap)
		grow(set);
	size_t j = slot_of(set->keys, set->cap, key);
	if (set->keys[j])
		return false;
	set->keys[j] = bh_xstrdup(key);
	set->len++;
	return true;
}

const char *bh_strset_intern(bh_strset *set, const char *key)
{
	if ((set->len + 1) * 2 > set->cap)
		grow(set);
	size_t j = slot_of(set->keys, set->cap, key);
	if (!set->keys[j]) {
		set->keys[j] = bh_xstrdup(key);
		set->len++;
	}
	return set->keys[j];
}

bool bh_strset_contains(const bh_strset *set, const char *key)
{
	return set->cap && set->keys[slot_of(set->keys, set->cap, key)] != NULL;
}

void bh_strset_dispose(bh_strset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->keys[i]);
	free(set->keys);
	memset(set, 0, sizeof(*set));
}

// ------------------------------------------------------------------ map

void bh_strmap_put(bh_strmap *map, const char *key, const char *val)
{
	if ((map->len + 1) * 2 > map->cap)
		grow_tables(&map->keys, &map->vals, &map->cap);
	size_t j = slot_of(map->keys, map->cap, key);
	if (!map->keys[j]) {
		map->keys[j] = bh_xstrdup(key);
		map->len++;
	}
	free(map->vals[j]);
	map->vals[j] = bh_xstrdup(val);
}

const char *bh_strmap_get(const bh_strmap *map, const char *key)
{
	if (!map->cap)
		return NULL;
	size_t j = slot_of(map->keys, map->cap, key);
	return map->keys[j] ? map->vals[j] : NULL;
}

void bh_strmap_dispose(bh_strmap *map)
{
	for (size_t i = 0; i < map->cap; i++) {
		free(map->keys[i]);
		free(map->vals[i]);
	}
	free(map->keys);
	free(map->vals);
	memset(map, 0, sizeof(*map));
}

// ------------------------------------------------------------ numbers

uint32_t bh_strids_get(bh_strids *t, const char *s, bool *added)
{
	if (2 * (t->len + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 256;
		const char **keys = bh_xcalloc(cap, sizeof(*keys));
		uint32_t *ids = bh_xcalloc(cap, sizeof(*ids));
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->keys[i])
				continue;
			size_t j = bh_hash_string(t->keys[i]) & (cap - 1);
			while (keys[j])
				j = (j + 1) & (cap - 1);
			keys[j] = t->keys[i];
			ids[j] = t->ids[i];
		}
		free(t->keys);
		free(t->ids);
		t->keys = keys;
		t->ids = ids;
		t->cap = cap;
	}
	size_t j = bh_hash_string(s) & (t->cap - 1);
	for (; t->keys[j]; j = (j + 1) & (t->cap - 1)) {
		if (t->keys[j] == s || strcmp(t->keys[j], s) == 0) {
			if (added)
				*added = false;
			return t->ids[j];
		}
	}
	t->keys[j] = s;
	t->ids[j] = (uint32_t)t->len++;
	if (added)
		*added = true;
	return t->ids[j];
}

uint32_t bh_strids_find(const bh_strids *t, const char *s)
{
	if (!t->cap)
		return UINT32_MAX;
	for (size_t j = bh_hash_string(s) & (t->cap - 1); t->keys[j]; j = (j + 1) & (t->cap - 1))
		if (t->keys[j] == s || strcmp(t->keys[j], s) == 0)
			return t->ids[j];
	return UINT32_MAX;
}

void bh_strids_dispose(bh_strids *t)
{
	free(t->keys);
	free(t->ids);
	memset(t, 0, sizeof(*t));
}
