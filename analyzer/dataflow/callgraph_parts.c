// SPDX-License-Identifier: MIT
// bh_callgraph_parts: the call graph's components grouped into parts that
// an analysis can finish one at a time (see include/bulkhead/callgraph.h).
// Nodes are joined (union-find) with their callees and with the other
// nodes of their program; a part is one class. Linear in nodes and edges.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/callgraph.h"
#include "bulkhead/vec.h"
#include "dataflow/union_find.h"

typedef BH_VEC(size_t) size_vec;

typedef struct {
	size_vec nodes;
	size_vec starts;
} collected;

static bool collect(const size_t *nodes, size_t n, void *payload)
{
	collected *c = payload;
	bh_vec_push(&c->starts, c->nodes.len);
	for (size_t i = 0; i < n; i++)
		bh_vec_push(&c->nodes, nodes[i]);
	return true;
}

// Each node's class: with its callees, and with its program's other nodes
// (they share the program's globals). Without programs, one class.
static size_t *join_nodes(const bh_callgraph *g)
{
	size_t *parent = bh_xcalloc(g->nfuncs + 1, sizeof(*parent));
	for (size_t n = 0; n < g->nfuncs; n++)
		parent[n] = n;
	size_t nunits = 0;
	for (size_t n = 0; g->program_of && n < g->nfuncs; n++)
		if (g->unit_of[n] + 1 > nunits)
			nunits = g->unit_of[n] + 1;
	size_t *first_of_program = bh_xcalloc(nunits + 1, sizeof(*first_of_program));
	for (size_t u = 0; u < nunits; u++)
		first_of_program[u] = SIZE_MAX;
	for (size_t n = 0; n < g->nfuncs; n++) {
		for (size_t e = g->succ_start[n]; e < g->succ_start[n + 1]; e++)
			bh_uf_join(parent, n, g->succ[e]);
		if (!g->program_of) {
			bh_uf_join(parent, n, 0);
			continue;
		}
		// (program_of names the program's first unit, which is at most
		// the node's own; it may define no function, so the program's
		// first node stands for it.)
		size_t *first = &first_of_program[g->program_of[g->unit_of[n]]];
		if (*first == SIZE_MAX)
			*first = n;
		else
			bh_uf_join(parent, n, *first);
	}
	free(first_of_program);
	return parent;
}

void bh_callgraph_parts_build(const bh_callgraph *g, bh_callgraph_parts *out)
{
	memset(out, 0, sizeof(*out));
	collected c = { 0 };
	bh_callgraph_components(g, collect, &c);
	size_t ncomps = c.starts.len;
	bh_vec_push(&c.starts, c.nodes.len);
	size_t *parent = join_nodes(g);
	// Parts numbered in the order their first component comes.
	size_t *part_of_root = bh_xcalloc(g->nfuncs + 1, sizeof(*part_of_root));
	size_t *comp_part = bh_xcalloc(ncomps + 1, sizeof(*comp_part));
	size_t nparts = 0;
	for (size_t k = 0; k < ncomps; k++) {
		size_t root = bh_uf_root(parent, c.nodes.items[c.starts.items[k]]);
		if (!part_of_root[root])
			part_of_root[root] = ++nparts;
		comp_part[k] = part_of_root[root] - 1;
	}
	// A stable counting sort of the components by part.
	out->part_start = bh_xcalloc(nparts + 1, sizeof(*out->part_start));
	for (size_t k = 0; k < ncomps; k++)
		out->part_start[comp_part[k] + 1]++;
	for (size_t p = 0; p < nparts; p++)
		out->part_start[p + 1] += out->part_start[p];
	size_t *slot = bh_xcalloc(nparts + 1, sizeof(*slot));
	memcpy(slot, out->part_start, nparts * sizeof(*slot));
	size_t *order = bh_xcalloc(ncomps + 1, sizeof(*order));
	for (size_t k = 0; k < ncomps; k++)
		order[slot[comp_part[k]]++] = k;
	out->nodes = bh_xcalloc(c.nodes.len + 1, sizeof(*out->nodes));
	out->comp_start = bh_xcalloc(ncomps + 1, sizeof(*out->comp_start));
	size_t at = 0;
	for (size_t i = 0; i < ncomps; i++) {
		size_t k = order[i];
		out->comp_start[i] = at;
		for (size_t j = c.starts.items[k]; j < c.starts.items[k + 1]; j++)
			out->nodes[at++] = c.nodes.items[j];
	}
	out->comp_start[ncomps] = at;
	out->ncomps = ncomps;
	out->nparts = nparts;
	free(order);
	free(slot);
	free(comp_part);
	free(part_of_root);
	free(parent);
	bh_vec_dispose(&c.nodes);
	bh_vec_dispose(&c.starts);
}

void bh_callgraph_parts_dispose(bh_callgraph_parts *parts)
{
	free(parts->nodes);
	free(parts->comp_start);
	free(parts->part_start);
	memset(parts, 0, sizeof(*parts));
}
