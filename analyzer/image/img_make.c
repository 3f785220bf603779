// SPDX-License-Identifier: MIT
// `make` in RUN: the Makefile it reads is found in the stage's provenance
// map (the working directory, `-C DIR`, `-f FILE`, then GNUmakefile,
// makefile, Makefile as make looks), read from the build context and
// interpreted by bh_make_recipes with the command line's VAR=value words as
// overrides. Every program and shared library it links becomes an entry of
// the stage, and so does its install path when the goals install, so that
// image correlation follows make builds as it follows compiler lines.
//
// A make run is taken to build every program of its Makefile: which goals
// reach which targets is not followed. A program that is not copied into
// the target is "not shipped" either way; one built in the target stage
// itself may be claimed present when only another goal builds it.
#include <string.h>

#include "bulkhead/disc.h"
#include "img_internal.h"

typedef BH_VEC(const char *) str_vec;

typedef struct {
	const char *dir;       // -C, resolved
	const char *file;      // -f, as written
	str_vec overrides;     // NAME=value
	bool install;          // a goal installs
} make_args;

static void read_args(bh_img__builder *b, const bh_img_build_cmd *bd, make_args *m)
{
	m->dir = bd->cwd;
	for (size_t i = 0; i < bd->nflags; i++) {
		const char *a = bd->flags[i];
		const char *next = i + 1 < bd->nflags ? bd->flags[i + 1] : NULL;
		if (strcmp(a, "-C") == 0 && next) {
			m->dir = bh_img__resolve(b->arena, m->dir, next);
			i++;
		} else if (strncmp(a, "--directory=", 12) == 0) {
			m->dir = bh_img__resolve(b->arena, m->dir, a + 12);
		} else if (strncmp(a, "-C", 2) == 0 && a[2]) {
			m->dir = bh_img__resolve(b->arena, m->dir, a + 2);
		} else if ((strcmp(a, "-f") == 0 || strcmp(a, "--file") == 0 ||
			    strcmp(a, "--makefile") == 0) && next) {
			m->file = next;
			i++;
		} else if (strncmp(a, "--file=", 7) == 0 || strncmp(a, "--makefile=", 11) == 0) {
			m->file = strchr(a, '=') + 1;
		} else if (strncmp(a, "-f", 2) == 0 && a[2]) {
			m->file = a + 2;
		} else if ((strcmp(a, "-j") == 0 || strcmp(a, "-l") == 0) && next && bh_img__all_digits(next)) {
			i++;
		} else if (a[0] == '-') {
			continue;
		} else if (strchr(a, '=')) {
			bh_vec_push(&m->overrides, a);
		} else if (strncmp(a, "install", 7) == 0) {
			m->install = true;
		}
	}
}

static bool exists_in_context(const char *ctx_path, void *payload)
{
	return bh_ctx_find(payload, ctx_path) != NULL;
}

// The entry at `path` that an earlier `make` run of the stage linked, or NULL.
static const bh_img_file *made_earlier(bh_img__builder *b, const char *path)
{
	const bh_img_file **found;
	size_t n = bh_img__find_files(b, &found, path, false);
	if (!n || found[n - 1]->origin != BH_IMG_FROM_RUN || found[n - 1]->build < 0)
		return NULL;
	const bh_img_build_cmd *bd = &b->builds.items[found[n - 1]->build];
	return bd->kind == BH_IMG_BUILD_MAKE ? found[n - 1] : NULL;
}

static const char *dir_of(bh_arena *arena, const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash == path ? "/" : bh_arena_strndup(arena, path, (size_t)(slash - path));
}

void bh_img__apply_make(bh_img__builder *b, bh_img_build_cmd *bd, size_t index)
{
	if (!b->ctx)
		return;
	make_args m = { 0 };
	read_args(b, bd, &m);
	static const char *const names[] = { "GNUmakefile", "makefile", "Makefile" };
	const char *image_path = NULL, *ctx_path = NULL;
	for (size_t i = 0; i < BH_ARRAY_LEN(names) && !ctx_path; i++) {
		image_path = bh_img__resolve(b->arena, m.dir, m.file ? m.file : names[i]);
		ctx_path = bh_img__context_file_at(b, image_path);
		if (m.file)
			break;
	}
	const bh_source *src = NULL;
	if (!ctx_path || bh_ctx_read(&src, b->arena, b->ctx, ctx_path, b->diags) != BH_OK || !src) {
		// `make install` in a build directory cmake configured.
		if (!ctx_path && m.install)
			bh_img__install_configured(b, m.dir, index, NULL);
		bh_vec_dispose(&m.overrides);
		return;
	}
	bd->build_file = ctx_path;
	bh_img__context_files(b);
	bh_build_recipes rec;
	bh_make_recipes(&rec, b->arena, ctx_path, src->data, src->len, m.overrides.items,
			m.overrides.len, b->ctx_files, b->nctx_files, exists_in_context, b->ctx, b->diags);
	bh_vec_dispose(&m.overrides);
	const char *dir = dir_of(b->arena, image_path);
	bd->made = bh_arena_alloc(b->arena, (rec.n + 1) * sizeof(*bd->made));
	for (size_t i = 0; i < rec.n; i++) {
		const bh_build_artifact *a = &rec.items[i];
		if (a->kind != BH_BUILD_EXECUTABLE && a->kind != BH_BUILD_SHARED_LIB)
			continue;
		const char *path = bh_img__resolve(b->arena, dir, a->path);
		const bh_df_instr *run = b->runs.items[bd->run].instr;
		// `make && make install`: the second run installs what the
		// first linked; the program stays the first run's.
		const bh_img_file *f = made_earlier(b, path);
		if (!f) {
			bh_img_made *made = &bd->made[bd->nmade++];
			*made = (bh_img_made){ .path = path, .sources = a->sources,
					       .nsources = a->nsources, .flags = a->flags,
					       .nflags = a->nflags, .line = a->line,
					       .incomplete = a->incomplete };
			if (m.install && a->install_path)
				made->install_path = bh_img__resolve(b->arena, dir, a->install_path);
			bh_img_file *entry = bh_img__add_file(b, path, BH_IMG_FROM_RUN, "make", run);
			if (!entry)
				return;
			entry->build = (int)index;
			f = entry;
		}
		if (m.install && a->install_path) {
			bh_img_file *g = bh_img__add_file(b, bh_img__resolve(b->arena, dir, a->install_path),
							  BH_IMG_FROM_RUN, "make install", run);
			if (!g)
				return;
			g->build = (int)index;
			g->prev = f;
		}
	}
}
