// SPDX-License-Identifier: MIT
// The target model shared by the CMake and meson readers (disc_cmake.c,
// disc_meson.c; declared in disc_internal.h): the readers declare targets
// with their own sources, flags and links; here sources and flags are
// gathered through the libraries each one links, and the result is
// written as bh_build_recipes.
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/fileio.h"
#include "bulkhead/strset.h"
#include "disc_internal.h"

bool bh_disc__file_listed(const char *const *files, size_t nfiles, bh_strset *set,
			  const char *ctx_path)
{
	if (!files)
		return true;
	if (set->len == 0)
		for (size_t i = 0; i < nfiles; i++)
			if (files[i])
				bh_strset_insert(set, files[i]);
	return bh_strset_contains(set, ctx_path);
}

const char *bh_disc__join_clean(bh_arena *arena, const char *dir, const char *p)
{
	const char *joined = p[0] == '/' || !dir[0] ? p : bh_arena_sprintf(arena, "%s/%s", dir, p);
	size_t n = strlen(joined);
	char *out = bh_arena_alloc(arena, n + 2);
	bh_path_clean(out, joined, n);
	return out;
}

bh_disc__target *bh_disc__target_add(bh_disc__targets *t, const char *name, uint32_t line)
{
	if (t->items.len >= BH_DISC__MAX_TARGETS) {
		t->limited = true;
		return NULL;
	}
	bh_disc__target *n = bh_vec_grow_one(&t->items);
	n->name = bh_arena_strdup(t->scratch, name);
	n->line = line;
	n->artifact = true;
	return n;
}

// Count an entry against BH_DISC__MAX_MERGED; false once it is spent.
static bool spend(bh_disc__targets *t)
{
	if (t->merged >= BH_DISC__MAX_MERGED) {
		t->limited = true;
		return false;
	}
	t->merged++;
	return true;
}

static void add_gathered(bh_disc__targets *t, bh_disc__target *n, bh_strset *seen, const char *p)
{
	if (bh_strset_insert(seen, p) && spend(t))
		bh_vec_push(&n->all_sources, p);
}

// Gather the sources and flags of target i through the static, object and
// interface libraries it links (post-order, each once; a cycle, which
// static libraries may form, or a chain deeper than MAX_CHAIN stops).
#define MAX_CHAIN 256
static void gather(bh_disc__targets *t, size_t i, int depth)
{
	bh_disc__target *n = &t->items.items[i];
	if (n->visit)
		return;
	n->visit = 1;
	bh_strset seen = { 0 };
	for (size_t k = 0; k < n->sources.len; k++)
		add_gathered(t, n, &seen, n->sources.items[k]);
	for (size_t k = 0; k < n->links.len; k++) {
		size_t li = n->links.items[k];
		bh_disc__target *l = &t->items.items[li];
		if (l->kind != BH_BUILD_STATIC_LIB && l->kind != BH_BUILD_OBJECT)
			continue;
		if (depth >= MAX_CHAIN) {
			t->limited = true;
			n->incomplete = true;
			continue;
		}
		gather(t, li, depth + 1);
		l = &t->items.items[li];
		n = &t->items.items[i];
		for (size_t j = 0; j < l->all_sources.len; j++)
			add_gathered(t, n, &seen, l->all_sources.items[j]);
		for (size_t j = 0; j < l->all_flags.len && spend(t); j++)
			bh_vec_push(&n->all_flags, l->all_flags.items[j]);
		n->incomplete |= l->incomplete;
	}
	for (size_t k = 0; k < n->flags.len && spend(t); k++)
		bh_vec_push(&n->all_flags, n->flags.items[k]);
	bh_strset_dispose(&seen);
	n->visit = 2;
}

// Options only, an exact repeat kept at its last place (as in the
// Makefile reader). Ownership: t->arena.
static const char **final_flags(bh_disc__targets *t, const bh_disc__target *n, size_t *count)
{
	size_t total = n->all_flags.len;
	const char **out = bh_arena_alloc(t->arena, (total + 1) * sizeof(*out));
	bh_strset seen = { 0 };
	size_t k = total;
	for (size_t i = total; i-- > 0;) {
		const char *f = n->all_flags.items[i];
		if (f[0] == '-' && !strchr(f, BH_DISC__UNKNOWN) && !strstr(f, "$<") &&
		    bh_strset_insert(&seen, f))
			out[--k] = bh_arena_strdup(t->arena, f);
	}
	bh_strset_dispose(&seen);
	memmove(out, out + k, (total - k) * sizeof(*out));
	*count = total - k;
	return out;
}

void bh_disc__targets_output(bh_build_recipes *out, bh_disc__targets *t)
{
	size_t count = 0;
	for (size_t i = 0; i < t->items.len; i++)
		count += t->items.items[i].artifact;
	out->items = count ? bh_arena_alloc(t->arena, count * sizeof(*out->items)) : NULL;
	out->n = 0;
	for (size_t i = 0; i < t->items.len; i++) {
		if (!t->items.items[i].artifact)
			continue;
		gather(t, i, 0);
		const bh_disc__target *n = &t->items.items[i];
		// (out->items has room: one per artifact, counted above.)
		bh_build_artifact *a = &out->items[out->n++];
		a->name = bh_arena_strdup(t->arena, n->name); // NOLINT(clang-analyzer-core.NullDereference)
		a->path = bh_arena_strdup(t->arena, n->path ? n->path : n->name);
		a->kind = n->kind;
		a->nsources = n->all_sources.len;
		a->sources = bh_arena_alloc(t->arena, (a->nsources + 1) * sizeof(*a->sources));
		for (size_t k = 0; k < a->nsources; k++)
			a->sources[k] = bh_arena_strdup(t->arena, n->all_sources.items[k]);
		a->flags = final_flags(t, n, &a->nflags);
		a->install_path = n->install;
		a->links = NULL; // libraries of other projects are not followed
		a->nlinks = 0;
		a->line = n->line;
		a->incomplete = n->incomplete;
	}
}

void bh_disc__targets_dispose(bh_disc__targets *t)
{
	for (size_t i = 0; i < t->items.len; i++) {
		bh_disc__target *n = &t->items.items[i];
		bh_vec_dispose(&n->sources);
		bh_vec_dispose(&n->flags);
		bh_vec_dispose(&n->links);
		bh_vec_dispose(&n->all_sources);
		bh_vec_dispose(&n->all_flags);
	}
	bh_vec_dispose(&t->items);
}
