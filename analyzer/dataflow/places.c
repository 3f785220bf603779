// SPDX-License-Identifier: MIT
// bh_places (dataflow/places.h): per file, the definitions sorted by
// first line, with the furthest last line reached so far, so that a
// lookup walks back from the last definition starting at or before the
// place only while an earlier one could still reach it.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/strset.h"
#include "dataflow/places.h"

typedef struct {
	uint32_t path; // number in `paths`
	uint32_t first, last;
	uint32_t reach; // the largest `last` of this file's definitions up to this one
	size_t node;
} definition;

struct bh_places {
	const bh_callgraph *g;
	bh_strids paths;
	definition *defs;
	size_t n;
	size_t *start; // per path: its first definition; start[npaths] = n
};

static int by_place(const void *a, const void *b)
{
	const definition *x = a, *y = b;
	if (x->path != y->path)
		return x->path < y->path ? -1 : 1;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	// Of two starting on one line, the shorter (inner) one is met first
	// walking back; of equal ones (a header's function lowered in several
	// units), the first node, whose name (rank 1) outlasts the others'.
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;
	return x->node > y->node ? -1 : x->node < y->node;
}

bh_places *bh_places_new(const bh_callgraph *g)
{
	bh_places *p = bh_xcalloc(1, sizeof(*p));
	p->g = g;
	p->defs = bh_xcalloc(g->nfuncs + 1, sizeof(*p->defs));
	for (size_t n = 0; n < g->nfuncs; n++) {
		const bh_ir_func *fn = g->funcs[n];
		if (!fn->loc.path || !fn->loc.line)
			continue;
		definition *d = &p->defs[p->n++];
		d->path = bh_strids_get(&p->paths, fn->loc.path, NULL);
		d->first = fn->loc.line;
		d->last = fn->loc.end_line > fn->loc.line ? fn->loc.end_line : fn->loc.line;
		d->node = n;
	}
	qsort(p->defs, p->n, sizeof(*p->defs), by_place);
	p->start = bh_xcalloc(p->paths.len + 1, sizeof(*p->start));
	for (size_t i = p->n; i-- > 0;)
		p->start[p->defs[i].path] = i;
	p->start[p->paths.len] = p->n;
	for (size_t i = 0; i < p->n; i++) {
		bool first_of_file = i == p->start[p->defs[i].path];
		uint32_t before = first_of_file ? 0 : p->defs[i - 1].reach;
		p->defs[i].reach = p->defs[i].last > before ? p->defs[i].last : before;
	}
	return p;
}

size_t bh_places_holder(const bh_places *p, const bh_loc *l)
{
	if (!p || !l->path || !l->line)
		return SIZE_MAX;
	uint32_t path = bh_strids_find(&p->paths, l->path);
	if (path == UINT32_MAX)
		return SIZE_MAX;
	size_t lo = p->start[path], hi = p->start[path + 1];
	// The first definition starting after the place.
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->defs[mid].first <= l->line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i-- > p->start[path] && p->defs[i].reach >= l->line;)
		if (bh_ir_func_holds(p->g->funcs[p->defs[i].node], l))
			return p->defs[i].node;
	return SIZE_MAX;
}

void bh_places_free(bh_places *p)
{
	if (!p)
		return;
	bh_strids_dispose(&p->paths);
	free(p->defs);
	free(p->start);
	free(p);
}
