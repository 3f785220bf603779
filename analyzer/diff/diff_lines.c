// SPDX-License-Identifier: MIT
// The changed-line set of include/bulkhead/diff.h: files and line ranges
// added in any order, then sorted and merged once (bh_diff_finish) so that
// each finding is looked up by binary search. It restricts reporting at
// the end of the pipeline, after fingerprints and suppressions: dropping
// findings earlier would renumber the fingerprints of the ones kept (the
// ordinal among equal findings is part of a fingerprint) and break baselines.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diff.h"

void bh_diff_init(bh_diff *d, bh_arena *arena)
{
	memset(d, 0, sizeof(*d));
	d->arena = arena;
}

void bh_diff_dispose(bh_diff *d)
{
	for (size_t i = 0; i < d->files.len; i++)
		bh_vec_dispose(&d->files.items[i].ranges);
	bh_vec_dispose(&d->files);
	d->finished = false;
}

// A new entry for `path` (copied). Duplicates are merged by bh_diff_finish.
static bh_diff_file *add_file(bh_diff *d, const char *path)
{
	bh_diff_file *f = bh_vec_grow_one(&d->files);
	f->path = bh_arena_strdup(d->arena, path);
	d->finished = false;
	return f;
}

void bh_diff_add_whole(bh_diff *d, const char *path)
{
	add_file(d, path)->whole = true;
}

void bh_diff_add_range(bh_diff *d, const char *path, uint32_t first, uint32_t last)
{
	// Consecutive hunks of one file go to one entry.
	bh_diff_file *f = d->files.len && strcmp(d->files.items[d->files.len - 1].path, path) == 0
				  ? &d->files.items[d->files.len - 1]
				  : add_file(d, path);
	if (first == 0 || first > last)
		return;
	bh_vec_push(&f->ranges, ((bh_diff_range){ first, last }));
	d->finished = false;
}

void bh_diff_add_paths(bh_diff *d, const char *list, size_t len)
{
	size_t start = 0;
	while (start < len) {
		const char *nul = memchr(list + start, '\0', len - start);
		size_t end = nul ? (size_t)(nul - list) : len;
		if (end > start)
			add_file(d, bh_arena_strndup(d->arena, list + start, end - start))->whole = true;
		start = end + 1;
	}
}

static int compare_files(const void *a, const void *b)
{
	const bh_diff_file *x = a, *y = b;
	return strcmp(x->path, y->path);
}

static int compare_ranges(const void *a, const void *b)
{
	const bh_diff_range *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (x->last > y->last) - (x->last < y->last);
}

// Sort one file's ranges and merge those that overlap or touch.
static void merge_ranges(bh_diff_file *f)
{
	if (f->ranges.len < 2)
		return;
	qsort(f->ranges.items, f->ranges.len, sizeof(*f->ranges.items), compare_ranges);
	size_t out = 0;
	for (size_t i = 1; i < f->ranges.len; i++) {
		bh_diff_range *prev = &f->ranges.items[out];
		const bh_diff_range *r = &f->ranges.items[i];
		if (prev->last == UINT32_MAX || r->first <= prev->last + 1) {
			if (r->last > prev->last)
				prev->last = r->last;
		} else {
			f->ranges.items[++out] = *r;
		}
	}
	f->ranges.len = out + 1;
}

void bh_diff_finish(bh_diff *d)
{
	if (d->files.len > 1)
		qsort(d->files.items, d->files.len, sizeof(*d->files.items), compare_files);
	// One entry per path: later duplicates give their ranges to the first.
	size_t out = 0;
	for (size_t i = 0; i < d->files.len; i++) {
		bh_diff_file *f = &d->files.items[i];
		bh_diff_file *keep = out ? &d->files.items[out - 1] : NULL;
		if (keep && strcmp(keep->path, f->path) == 0) {
			keep->whole |= f->whole;
			for (size_t r = 0; r < f->ranges.len; r++)
				bh_vec_push(&keep->ranges, f->ranges.items[r]);
			bh_vec_dispose(&f->ranges);
			continue;
		}
		d->files.items[out++] = *f;
	}
	d->files.len = out;
	for (size_t i = 0; i < d->files.len; i++)
		merge_ranges(&d->files.items[i]);
	d->finished = true;
}

static const bh_diff_file *find_file(const bh_diff *d, const char *path)
{
	size_t lo = 0, hi = d->files.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->files.items[mid].path, path);
		if (c == 0)
			return &d->files.items[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool bh_diff_has_lines(const bh_diff *d, const char *path, uint32_t first, uint32_t last)
{
	bh_assert(d->finished);
	const bh_diff_file *f = path ? find_file(d, path) : NULL;
	if (!f)
		return false;
	if (f->whole)
		return true;
	if (first == 0)
		return false;
	if (last < first)
		last = first;
	// The first range that ends at or after `first` is the only candidate.
	size_t lo = 0, hi = f->ranges.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->ranges.items[mid].last < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->ranges.len && f->ranges.items[lo].first <= last;
}

// A finding's own location counts with all its lines (a call whose
// arguments span lines, a RUN with continuation lines).
static bool loc_changed(const bh_diff *d, const bh_loc *loc)
{
	uint32_t last = loc->end_line > loc->line ? loc->end_line : loc->line;
	return bh_diff_has_lines(d, loc->path, loc->line, last);
}

// Flow steps and related locations count by their first line only: the
// source of a flow from a parameter spans the whole function, and any edit
// in the function would otherwise bring back every flow through it.
static bool steps_changed(const bh_diff *d, const bh_finding_step *steps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (bh_diff_has_lines(d, steps[i].loc.path, steps[i].loc.line, steps[i].loc.line))
			return true;
	return false;
}

void bh_diff_keep_changed(const bh_diff *d, bh_findings *findings)
{
	size_t out = 0;
	for (size_t i = 0; i < findings->items.len; i++) {
		const bh_finding *fd = &findings->items.items[i];
		if (loc_changed(d, &fd->loc) || steps_changed(d, fd->flow, fd->nflow) ||
		    steps_changed(d, fd->related, fd->nrelated))
			findings->items.items[out++] = *fd;
	}
	findings->items.len = out;
}
