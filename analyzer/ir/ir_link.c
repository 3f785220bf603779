// SPDX-License-Identifier: MIT
// bh_ir_program_link: what a unit knows of another unit's globals once
// the whole program is in. Each unit's IR sees only the declarations of
// its own translation unit; a global integer defined `const int LIMIT =
// 5;` in one file and read through `extern const int LIMIT;` in another
// would otherwise be unknown there, and a branch on it both ways.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/ir_pack.h"

static int by_key(const void *a, const void *b)
{
	const bh_ir_global_init *x = *(const bh_ir_global_init *const *)a;
	const bh_ir_global_init *y = *(const bh_ir_global_init *const *)b;
	return strcmp(x->key, y->key);
}

// The one initial value defined for `key`, or NULL (none, or two
// definitions that disagree).
static const bh_ir_global_init *find(const bh_ir_global_init *const *defs, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(defs[mid]->key, key);
		if (c == 0) {
			lo = mid;
			break;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= n || strcmp(defs[lo]->key, key) != 0)
		return NULL;
	while (lo > 0 && strcmp(defs[lo - 1]->key, key) == 0)
		lo--;
	const bh_ir_global_init *d = defs[lo];
	for (size_t i = lo + 1; i < n && strcmp(defs[i]->key, key) == 0; i++)
		if (defs[i]->value != d->value || defs[i]->is_const != d->is_const)
			return NULL;
	return d;
}

struct bh_ir_link {
	const bh_ir_global_init **defs; // sorted by key
	size_t n;
};

void bh_ir_link_apply(const struct bh_ir_link *link, bh_ir_func *fn)
{
	for (uint32_t v = 0; v < fn->nvars; v++) {
		bh_ir_var *var = &fn->vars[v];
		if (var->kind != BH_IR_VAR_GLOBAL || (var->flags & (BH_IR_VAR_CONST | BH_IR_VAR_INIT)))
			continue;
		const bh_ir_global_init *d = find(link->defs, link->n, var->usr ? var->usr : var->name);
		if (!d)
			continue;
		var->flags |= d->is_const ? BH_IR_VAR_CONST : BH_IR_VAR_INIT;
		var->const_value = d->value;
	}
}

void bh_ir_program_link(bh_ir_program *p)
{
	size_t n = 0;
	for (size_t u = 0; u < p->units.len; u++)
		for (const bh_ir_global_init *g = p->units.items[u].inits; g; g = g->next)
			n++;
	if (n == 0 || p->link)
		return;
	struct bh_ir_link *link = bh_xmalloc(sizeof(*link));
	link->defs = bh_xmalloc(n * sizeof(*link->defs));
	link->n = 0;
	for (size_t u = 0; u < p->units.len; u++)
		for (const bh_ir_global_init *g = p->units.items[u].inits; g; g = g->next)
			link->defs[link->n++] = g;
	qsort(link->defs, n, sizeof(*link->defs), by_key);
	// Bodies there now take the facts here, packed ones when decoded.
	for (size_t u = 0; u < p->units.len; u++)
		for (bh_ir_func *fn = p->units.items[u].first; fn; fn = fn->next)
			if (!fn->packed)
				bh_ir_link_apply(link, fn);
	p->link = link;
	if (p->store)
		bh_ir_store_set_link(p->store, link);
}

void bh_ir_link_free(struct bh_ir_link *link)
{
	if (!link)
		return;
	free(link->defs);
	free(link);
}
