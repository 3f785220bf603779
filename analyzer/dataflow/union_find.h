// SPDX-License-Identifier: MIT
// Union-find over an array of parents (`parent[x] == x` for a root), the
// smaller index the root of a union: the call graph's programs
// (callgraph.c) and its parts (callgraph_parts.c).
#ifndef BULKHEAD_DATAFLOW_UNION_FIND_H
#define BULKHEAD_DATAFLOW_UNION_FIND_H

#include <stddef.h>

/** The root of x's class (paths halved on the way). */
static inline size_t bh_uf_root(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

/** Join the classes of a and b. */
static inline void bh_uf_join(size_t *parent, size_t a, size_t b)
{
	a = bh_uf_root(parent, a);
	b = bh_uf_root(parent, b);
	if (a < b)
		parent[b] = a;
	else
		parent[a] = b;
}

#endif
