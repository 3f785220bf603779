/* SPDX-License-Identifier: MIT */
/*
 * The one growable vector. A vector is a struct with `items`, `len` and
 * `cap`; these macros grow it with bh_xrealloc. Declare one with
 * BH_VEC(type) as a member or typedef:
 *
 *     typedef BH_VEC(int) int_vec;
 *     int_vec v = {0};
 *     bh_vec_push(&v, 42);
 *     bh_vec_dispose(&v);
 *
 * Vectors own heap memory (not arena memory) and are freed with
 * bh_vec_dispose.
 */
#ifndef BULKHEAD_VEC_H
#define BULKHEAD_VEC_H

#include <string.h>
#include "common.h"

#define BH_VEC(type) struct { type *items; size_t len, cap; }

/** Make `v` (a copy of another vector's header) a view of that vector's
 * elements from `from` on: borrowed, not to be grown or disposed. */
#define bh_vec_view_from(v, from) ((v)->items += (from), (v)->len -= (from), (v)->cap = (v)->len)

/** Make room for `extra` more items. */
#define bh_vec_reserve(v, extra) \
	bh__vec_grow((void **)&(v)->items, &(v)->cap, (v)->len + (extra), sizeof(*(v)->items))

/** Append one item (an expression of the element type). */
#define bh_vec_push(v, item) \
	(bh_vec_reserve((v), 1), (v)->items[(v)->len++] = (item))

/** Append a zeroed item and return a pointer to it. */
#define bh_vec_grow_one(v) \
	(bh_vec_reserve((v), 1), \
	 memset(&(v)->items[(v)->len], 0, sizeof(*(v)->items)), \
	 &(v)->items[(v)->len++])

/** Give back the room beyond `len` (a vector that is complete and kept). */
#define bh_vec_fit(v) bh__vec_fit((void **)&(v)->items, &(v)->cap, (v)->len, sizeof(*(v)->items))

#define bh_vec_dispose(v) \
	(free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)

void bh__vec_grow(void **items, size_t *cap, size_t need, size_t elem_size);
void bh__vec_fit(void **items, size_t *cap, size_t len, size_t elem_size);

#include <stdlib.h>

#endif
