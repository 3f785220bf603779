// SPDX-License-Identifier: MIT
// C files that other C files #include: redis' ae.c picks its event loop
// with `#include "ae_epoll.c"` (or ae_kqueue.c, ae_evport.c, ae_select.c),
// a unity build's all.c includes every file. Such a file is compiled as
// part of its includer, never on its own: parsed alone with guessed flags
// it gives the errors of a file that was never meant to compile by itself
// (the kqueue backend on Linux), and its functions twice. Part of
// discovery (bh_disc_units).
//
// The files are read, never preprocessed: an include under a false `#if`
// counts too, which is right, since such a file is not compiled here at
// all. Only `#include "name.c"` resolved against the includer's directory
// is followed (where the compiler looks first for a quoted include).
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/fileio.h"
#include "bulkhead/source.h"
#include "discover/disc_internal.h"

static const char *past_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

// The context path that the line at `p` (up to `end`) includes, if it is
// `#include "NAME.c"`, resolved from `dir` (the includer's directory, ""
// at the root); NULL otherwise.
static const char *included_path(bh_arena *arena, const char *dir, const char *p, const char *end)
{
	p = past_blanks(p, end);
	if (p == end || *p++ != '#')
		return NULL;
	p = past_blanks(p, end);
	if ((size_t)(end - p) < 8 || memcmp(p, "include", 7) != 0)
		return NULL;
	p = past_blanks(p + 7, end);
	if (p == end || *p++ != '"')
		return NULL;
	const char *name = p;
	while (p < end && *p != '"')
		p++;
	size_t n = (size_t)(p - name);
	if (p == end || n < 3 || memcmp(name + n - 2, ".c", 2) != 0 || name[0] == '/')
		return NULL;
	const char *joined = *dir ? bh_arena_sprintf(arena, "%s/%.*s", dir, (int)n, name)
				  : bh_arena_strndup(arena, name, n);
	char *clean = bh_arena_alloc(arena, strlen(joined) + 2);
	bh_path_clean(clean, joined, strlen(joined));
	return strncmp(clean, "../", 3) == 0 || strcmp(clean, "..") == 0 ? NULL : clean;
}

// The candidates file `i` includes, as file indexes, into `out`.
static void includes_of(bh_disc__size_vec *out, bh_ctx *ctx, size_t i, const bool *candidate,
			bh_arena *scratch)
{
	const bh_file *f = bh_ctx_file(ctx, i);
	bh_diags ignored;
	bh_diags_init(&ignored, scratch);
	const bh_source *src = NULL;
	// The stages that parse the file report what keeps it from being read.
	bh_status st = bh_ctx_read(&src, scratch, ctx, f->path, &ignored);
	bh_diags_dispose(&ignored);
	if (st != BH_OK || !src || !strstr(src->data, ".c\""))
		return;
	const char *slash = strrchr(f->path, '/');
	const char *dir = slash ? bh_arena_strndup(scratch, f->path, (size_t)(slash - f->path)) : "";
	for (uint32_t l = 1; l <= src->nlines; l++) {
		size_t len = 0;
		const char *line = bh_source_line(src, l, &len);
		const char *path = line ? included_path(scratch, dir, line, line + len) : NULL;
		const bh_file *g = path ? bh_ctx_find(ctx, path) : NULL;
		if (g) {
			size_t j = (size_t)(g - bh_ctx_file(ctx, 0));
			if (j != i && candidate[j])
				bh_vec_push(out, j);
		}
	}
}

bool *bh_disc__included_sources(bh_ctx *ctx, const bool *candidate)
{
	size_t n = bh_ctx_file_count(ctx);
	bool *covered = bh_xcalloc(n + 1, sizeof(*covered));
	bh_disc__size_vec *edges = bh_xcalloc(n + 1, sizeof(*edges));
	size_t *indegree = bh_xcalloc(n + 1, sizeof(*indegree));
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (!candidate[i])
			continue;
		bh_arena *scratch = bh_arena_new();
		includes_of(&edges[i], ctx, i, candidate, scratch);
		bh_arena_free(scratch);
		for (size_t k = 0; k < edges[i].len; k++)
			indegree[edges[i].items[k]]++;
		any |= edges[i].len > 0;
	}
	// From every file nobody includes, what it includes, transitively. A
	// ring of files that only include each other has no such start: they
	// stay units, as they were.
	bh_disc__size_vec work = { 0 };
	for (size_t i = 0; any && i < n; i++)
		if (candidate[i] && indegree[i] == 0)
			bh_vec_push(&work, i);
	while (work.len) {
		size_t i = work.items[--work.len];
		for (size_t k = 0; k < edges[i].len; k++) {
			size_t j = edges[i].items[k];
			if (!covered[j]) {
				covered[j] = true;
				bh_vec_push(&work, j);
			}
		}
	}
	bh_vec_dispose(&work);
	for (size_t i = 0; i < n; i++)
		bh_vec_dispose(&edges[i]);
	free(edges);
	free(indegree);
	return covered;
}
