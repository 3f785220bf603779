// SPDX-License-Identifier: MIT
// Sets of calling contexts by their 128-bit keys (bh_bnd_keyset): the
// contexts the bounds checker analysed and the results it computed for
// some, program-wide. Programs make tens of thousands of contexts (every
// call with a constant argument), most of them cheap: open addressing.
#include <stdlib.h>
#include <string.h>

#include "dataflow/bounds_internal.h"

static size_t slot_of(const bh_bnd_keyset *s, const bh_hash128 *k)
{
	size_t j = (size_t)(k->a ^ (k->b >> 7)) & (s->cap - 1);
	while (s->slots[j].used && (s->slots[j].key.a != k->a || s->slots[j].key.b != k->b))
		j = (j + 1) & (s->cap - 1);
	return j;
}

bh_bnd_keyed *bh_bnd_keyset_find(const bh_bnd_keyset *s, const bh_hash128 *k)
{
	if (!s->cap)
		return NULL;
	bh_bnd_keyed *e = &s->slots[slot_of(s, k)];
	return e->used ? e : NULL;
}

bh_bnd_keyed *bh_bnd_keyset_add(bh_bnd_keyset *s, const bh_hash128 *k)
{
	if (2 * (s->len + 1) > s->cap) {
		bh_bnd_keyset grown = { bh_xcalloc(s->cap ? 2 * s->cap : 1024, sizeof(bh_bnd_keyed)),
					s->cap ? 2 * s->cap : 1024, s->len };
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i].used)
				grown.slots[slot_of(&grown, &s->slots[i].key)] = s->slots[i];
		free(s->slots);
		*s = grown;
	}
	bh_bnd_keyed *e = &s->slots[slot_of(s, k)];
	if (!e->used) {
		memset(e, 0, sizeof(*e));
		e->used = true;
		e->key = *k;
		s->len++;
	}
	return e;
}

void bh_bnd_keyset_dispose(bh_bnd_keyset *s)
{
	free(s->slots);
	memset(s, 0, sizeof(*s));
}

void bh_bnd_keyset_clear(bh_bnd_keyset *s)
{
	// (A small table is cleared; one a large unit grew is dropped.)
	if (s->cap > 1024)
		bh_bnd_keyset_dispose(s);
	else if (s->len)
		memset(s->slots, 0, s->cap * sizeof(*s->slots));
	s->len = 0;
}
