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
		// (Tested as `more`, not as next != NULL: no flag is NULL.)
		bool more = i + 1 < bd->nflags;
		const char *next = more ? bd->flags[i + 1] : NULL;
		if (strcmp(a, "-C") == 0 && more) {
			m->dir = bh_img__resolve(b->arena, m->dir, next);
			i++;
		} else if (strncmp(a, "--directory=", 12) == 0) {
			m->dir = bh_img__resolve(b->arena, m->dir, a + 12);
		} else if (strncmp(a, "-C", 2) == 0 && a[2]) {
			m->dir = bh_img__resolve(b->arena, m->dir, a + 2);
		} else if ((strcmp(a, "-f") == 0 || strcmp(a, "--file") == 0 ||
			    strcmp(a, "--makefile") == 0) && more) {
			m->file = next;
			i++;
		} else if (strncmp(a, "--file=", 7) == 0 || strncmp(a, "--makefile=", 11) == 0) {
			m->file = strchr(a, '=') + 1;
		} else if (strncmp(a, "-f", 2) == 0 && a[2]) {
			m->file = a + 2;
		} else if ((strcmp(a, "-j") == 0 || strcmp(a, "-l") == 0) && more && bh_img__all_digits(next)) {
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

// Find the Makefile make reads in image directory `dir` (`file`: -f, or
// NULL for GNUmakefile, makefile, Makefile) and read its recipes. False
// when none is in the build context.
static bool read_makefile(bh_img__builder *b, const char *dir, const char *file,
			  const str_vec *overrides, const char **ctx_path_out,
			  const char **image_path_out, bh_build_recipes *rec)
{
	static const char *const names[] = { "GNUmakefile", "makefile", "Makefile" };
	const char *image_path = NULL, *ctx_path = NULL;
	for (size_t i = 0; i < BH_ARRAY_LEN(names) && !ctx_path; i++) {
		image_path = bh_img__resolve(b->arena, dir, file ? file : names[i]);
		ctx_path = bh_img__context_file_at(b, image_path);
		if (file)
			break;
	}
	const bh_source *src = NULL;
	if (!ctx_path || bh_ctx_read(&src, b->arena, b->ctx, ctx_path, b->diags) != BH_OK || !src)
		return false;
	bh_img__context_files(b);
	bh_make_recipes(rec, b->arena, ctx_path, src->data, src->len, overrides->items, overrides->len,
			b->ctx_files, b->nctx_files, exists_in_context, b->ctx, b->diags);
	*ctx_path_out = ctx_path;
	*image_path_out = image_path;
	return true;
}

#define MAX_LIBRARY_DIRS 32 // other Makefiles read for the libraries of one make run

// A directory whose Makefile was read for libraries, and what it makes.
typedef struct {
	const char *dir;        // image path
	bool found;
	bh_build_recipes rec;
} library_dir;

typedef BH_VEC(library_dir) library_dirs;

// The sources of static library or object `lib` (an image path) as the
// Makefile in its own directory builds it (redis links
// ../deps/hiredis/libhiredis.a, which deps/hiredis/Makefile makes), or
// NULL. The Makefiles read are kept in `dirs`.
static const bh_build_artifact *library_from(bh_img__builder *b, library_dirs *dirs,
					     const str_vec *overrides, const char *lib)
{
	const char *dir = dir_of(b->arena, lib);
	library_dir *d = NULL;
	for (size_t i = 0; i < dirs->len && !d; i++)
		if (strcmp(dirs->items[i].dir, dir) == 0)
			d = &dirs->items[i];
	if (!d) {
		if (dirs->len >= MAX_LIBRARY_DIRS)
			return NULL;
		library_dir fresh = { .dir = dir };
		const char *ctx_path, *image_path;
		fresh.found = read_makefile(b, dir, NULL, overrides, &ctx_path, &image_path, &fresh.rec);
		bh_vec_push(dirs, fresh);
		d = &dirs->items[dirs->len - 1];
	}
	for (size_t i = 0; d->found && i < d->rec.n; i++) {
		const bh_build_artifact *a = &d->rec.items[i];
		if ((a->kind == BH_BUILD_STATIC_LIB || a->kind == BH_BUILD_OBJECT) &&
		    strcmp(bh_img__resolve(b->arena, dir, a->path), lib) == 0)
			return a;
	}
	return NULL;
}

// A program's sources and those of the libraries of other Makefiles it
// links, without duplicates; `incomplete` when a library stayed unknown.
static const char **with_libraries(bh_img__builder *b, library_dirs *dirs, const str_vec *overrides,
				   const char *dir, const bh_build_artifact *a, size_t *count,
				   bool *incomplete)
{
	str_vec all = { 0 };
	for (size_t i = 0; i < a->nsources; i++)
		bh_vec_push(&all, a->sources[i]);
	for (size_t k = 0; k < a->nlinks; k++) {
		const bh_build_artifact *lib =
			library_from(b, dirs, overrides, bh_img__resolve(b->arena, dir, a->links[k]));
		if (!lib) {
			*incomplete = true;
			continue;
		}
		*incomplete |= lib->incomplete;
		for (size_t i = 0; i < lib->nsources; i++) {
			bool seen = false;
			for (size_t j = 0; j < all.len && !seen; j++)
				seen = strcmp(all.items[j], lib->sources[i]) == 0;
			if (!seen)
				bh_vec_push(&all, lib->sources[i]);
		}
	}
	const char **out = bh_arena_alloc(b->arena, (all.len + 1) * sizeof(*out));
	if (all.len)
		memcpy(out, all.items, all.len * sizeof(*out));
	*count = all.len;
	bh_vec_dispose(&all);
	return out;
}

void bh_img__apply_make(bh_img__builder *b, bh_img_build_cmd *bd, size_t index)
{
	if (!b->ctx)
		return;
	make_args m = { 0 };
	read_args(b, bd, &m);
	bh_build_recipes rec;
	const char *ctx_path, *image_path;
	if (!read_makefile(b, m.dir, m.file, &m.overrides, &ctx_path, &image_path, &rec)) {
		// `make install` in a build directory cmake configured.
		if (m.install)
			bh_img__install_configured(b, m.dir, index, NULL);
		bh_vec_dispose(&m.overrides);
		return;
	}
	bd->build_file = ctx_path;
	const char *dir = dir_of(b->arena, image_path);
	library_dirs dirs = { 0 };
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
			*made = (bh_img_made){ .path = path, .flags = a->flags, .nflags = a->nflags,
					       .line = a->line, .incomplete = a->incomplete };
			made->sources = with_libraries(b, &dirs, &m.overrides, dir, a, &made->nsources,
						       &made->incomplete);
			if (m.install && a->install_path)
				made->install_path = bh_img__resolve(b->arena, dir, a->install_path);
			bh_img_file *entry = bh_img__add_file(b, path, BH_IMG_FROM_RUN, "make", run);
			if (!entry)
				break;
			entry->build = (int)index;
			f = entry;
		}
		if (m.install && a->install_path) {
			bh_img_file *g = bh_img__add_file(b, bh_img__resolve(b->arena, dir, a->install_path),
							  BH_IMG_FROM_RUN, "make install", run);
			if (!g)
				break;
			g->build = (int)index;
			g->prev = f;
		}
	}
	bh_vec_dispose(&dirs);
	bh_vec_dispose(&m.overrides);
}
