// SPDX-License-Identifier: MIT
// CMake and meson in RUN. A configure command (`cmake -S . -B build`,
// `cmake ..` in a build directory, `meson setup build`) reads the project's
// CMakeLists.txt or meson.build from the build context (bh_cmake_recipes,
// bh_meson_recipes: read, never run) with the command line's -D options,
// and every program and shared library it declares becomes an entry of the
// stage in the build directory. An install of that build directory
// (`cmake --install build`, `cmake --build build --target install`,
// `meson install -C build`, `ninja -C build install`, `make install` in
// it) adds the install paths, linked to those entries, so that image
// correlation follows the programs into `COPY --from`.
//
// As for make, a configured project is taken to build all its programs;
// `cmake --install --prefix P` reads the project again with that prefix.
#include <string.h>

#include "bulkhead/disc.h"
#include "img_internal.h"

typedef BH_VEC(const char *) str_vec;

static bool read_context_file(const char *ctx_path, const char **text, size_t *len, void *payload)
{
	bh_img__builder *b = payload;
	const bh_source *src = NULL;
	if (bh_ctx_read(&src, b->arena, b->ctx, ctx_path, b->diags) != BH_OK || !src)
		return false;
	*text = src->data;
	*len = src->len;
	return true;
}

// The context's file list, made once per model ($(wildcard), file(GLOB)).
void bh_img__context_files(bh_img__builder *b)
{
	if (b->ctx_files || !b->ctx)
		return;
	size_t n = bh_ctx_file_count(b->ctx);
	b->ctx_files = bh_arena_alloc(b->arena, (n + 1) * sizeof(*b->ctx_files));
	for (size_t i = 0; i < n; i++) {
		const bh_file *f = bh_ctx_file(b->ctx, i);
		if (!f->excluded)
			b->ctx_files[b->nctx_files++] = f->path;
	}
}

// The newest entry at `path` that holds a file of the build context, or NULL.
const char *bh_img__context_file_at(bh_img__builder *b, const char *path)
{
	const bh_img_file **found;
	size_t n = bh_img__find_files(b, &found, path, false);
	if (!n)
		return NULL;
	const bh_img_file *root = bh_img_file_root(found[n - 1]);
	return root->origin == BH_IMG_FROM_CONTEXT ? root->source : NULL;
}

typedef enum { CMAKE, MESON } project_kind;

static const char *option_value(const char *a, const char *name)
{
	size_t n = strlen(name);
	return strncmp(a, name, n) == 0 && a[n] == '=' ? a + n + 1 : NULL;
}

// The last value the configure command gives option `cmake_name` (-D
// NAME=V or NAME:TYPE=V) or `meson_name` (--name=V, --name V, -Dname=V).
static const char *configure_option(project_kind kind, const str_vec *options,
				    const char *cmake_name, const char *meson_name)
{
	const char *value = NULL;
	const char *name = kind == CMAKE ? cmake_name : meson_name;
	size_t n = strlen(name);
	for (size_t i = 0; i < options->len; i++) {
		const char *o = options->items[i];
		const char *v = NULL;
		if (kind == CMAKE) {
			const char *eq = strchr(o, '=');
			if (eq && strncmp(o, name, n) == 0 && (o[n] == '=' || o[n] == ':'))
				v = eq + 1;
		} else if (strncmp(o, "--", 2) == 0 && strncmp(o + 2, name, n) == 0) {
			v = o[n + 2] == '=' ? o + n + 3
			  : !o[n + 2] && i + 1 < options->len ? options->items[i + 1] : NULL;
		} else {
			const char *kv = strncmp(o, "-D", 2) == 0 ? o + 2 : o;
			if (strncmp(kv, name, n) == 0 && kv[n] == '=')
				v = kv + n + 1;
		}
		if (v)
			value = v;
	}
	return value;
}

// The install prefix the configure options give, else both tools' default.
static const char *prefix_of(bh_img__builder *b, project_kind kind, const str_vec *options)
{
	const char *prefix = configure_option(kind, options, "CMAKE_INSTALL_PREFIX", "prefix");
	return bh_img__resolve(b->arena, "/", prefix ? prefix : "/usr/local");
}

// The flags a build type adds: CMake's CMAKE_BUILD_TYPE, meson's buildtype.
// NULL when the command line does not say: the project file may set it,
// or the tool's default applies, and the optimisation is then not known.
static const char *build_type_flags(project_kind kind, const str_vec *options)
{
	const char *type = configure_option(kind, options, "CMAKE_BUILD_TYPE", "buildtype");
	if (!type)
		return NULL;
	static const char *const types[][2] = {
		{ "Release", "-O3 -DNDEBUG" }, { "RelWithDebInfo", "-O2 -g -DNDEBUG" },
		{ "MinSizeRel", "-Os -DNDEBUG" }, { "Debug", "-g" },
		{ "release", "-O3" }, { "debugoptimized", "-O2 -g" }, { "minsize", "-Os -g" },
		{ "debug", "-O0 -g" }, { "plain", "" },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(types); i++)
		if (strcmp(type, types[i][0]) == 0)
			return types[i][1];
	return NULL;
}

// `implied` (space-separated) before `flags`. Ownership: arena.
static const char **with_implied(bh_arena *arena, const char *implied, const char *const *flags,
				 size_t nflags, size_t *count)
{
	size_t n = 0;
	const char **out = bh_arena_alloc(arena, (nflags + 8) * sizeof(*out));
	while (*implied && n < 8) {
		size_t len = strcspn(implied, " ");
		out[n++] = bh_arena_strndup(arena, implied, len);
		implied += len + (implied[len] == ' ');
	}
	for (size_t i = 0; i < nflags; i++)
		out[n++] = flags[i];
	*count = n;
	return out;
}

// Read the project at `source_dir` (an image path) and add its programs
// under `build_dir`. `options` are the configure command's -D words (and
// meson's --prefix...). False when no project file is in the context.
static bool configure(bh_img__builder *b, bh_img_build_cmd *bd, size_t index, project_kind kind,
		      const char *source_dir, const char *build_dir, str_vec *options)
{
	const char *file = kind == CMAKE ? "CMakeLists.txt" : "meson.build";
	const char *ctx_path = bh_img__context_file_at(b, bh_img__resolve(b->arena, source_dir, file));
	const char *text;
	size_t len;
	if (!ctx_path || !read_context_file(ctx_path, &text, &len, b))
		return false;
	bh_img__context_files(b);
	bh_build_recipes rec;
	if (kind == CMAKE)
		bh_cmake_recipes(&rec, b->arena, ctx_path, text, len, options->items, options->len,
				 b->ctx_files, b->nctx_files, read_context_file, b, b->diags);
	else
		bh_meson_recipes(&rec, b->arena, ctx_path, text, len, options->items, options->len,
				 b->ctx_files, b->nctx_files, read_context_file, b, b->diags);
	bd->build_file = ctx_path;
	const char *implied = build_type_flags(kind, options);
	bd->made = bh_arena_alloc(b->arena, (rec.n + 1) * sizeof(*bd->made));
	const bh_df_instr *run = b->runs.items[bd->run].instr;
	for (size_t i = 0; i < rec.n; i++) {
		const bh_build_artifact *a = &rec.items[i];
		if (a->kind != BH_BUILD_EXECUTABLE && a->kind != BH_BUILD_SHARED_LIB)
			continue;
		bh_img_made *made = &bd->made[bd->nmade++];
		*made = (bh_img_made){ .path = bh_img__resolve(b->arena, build_dir, a->path),
				       .install_path = a->install_path
					       ? bh_img__resolve(b->arena, "/", a->install_path) : NULL,
				       .sources = a->sources, .nsources = a->nsources,
				       .line = a->line, .incomplete = a->incomplete || !implied };
		made->flags = with_implied(b->arena, implied ? implied : "", a->flags, a->nflags,
					   &made->nflags);
		bh_img_file *f = bh_img__add_file(b, made->path, BH_IMG_FROM_RUN, bd->tool, run);
		if (!f)
			break;
		f->build = (int)index;
	}
	bh_img__configured c = { b->cur.st.index, build_dir, index, prefix_of(b, kind, options) };
	bh_vec_push(&b->configured, c);
	return true;
}

// `prefix`: a new install prefix (cmake --install --prefix), or NULL.
void bh_img__install_configured(bh_img__builder *b, const char *build_dir, size_t index,
				const char *prefix)
{
	const bh_img__configured *c = NULL;
	for (size_t i = b->configured.len; i-- > 0 && !c;)
		if (b->configured.items[i].stage == b->cur.st.index &&
		    strcmp(b->configured.items[i].dir, build_dir) == 0)
			c = &b->configured.items[i];
	if (!c)
		return;
	const bh_img_build_cmd *conf = &b->builds.items[c->build];
	const bh_df_instr *run = b->runs.items[b->builds.items[index].run].instr;
	for (size_t i = 0; i < conf->nmade; i++) {
		const bh_img_made *made = &conf->made[i];
		if (!made->install_path)
			continue;
		const bh_img_file **found;
		size_t n = bh_img__find_files(b, &found, made->path, false);
		const char *to = made->install_path;
		// --prefix P: what the configured prefix held moves under P.
		size_t pl = strlen(c->prefix);
		if (prefix && strncmp(to, c->prefix, pl) == 0 && to[pl] == '/')
			to = bh_img__resolve(b->arena, prefix, to + pl + 1);
		bh_img_file *g = bh_img__add_file(b, to, BH_IMG_FROM_RUN, "install", run);
		if (!g)
			return;
		g->build = (int)index;
		g->prev = n ? found[n - 1] : NULL;
	}
}

void bh_img__apply_cmake(bh_img__builder *b, bh_img_build_cmd *bd, size_t index)
{
	if (!b->ctx)
		return;
	const char *source = NULL, *build = NULL, *positional = NULL, *built = NULL,
		   *installed = NULL, *prefix = NULL;
	bool target_install = false;
	str_vec defines = { 0 };
	for (size_t i = 0; i < bd->nflags; i++) {
		const char *a = bd->flags[i], *value;
		// (Tested as `more`, not as next != NULL: no flag is NULL.)
		bool more = i + 1 < bd->nflags;
		const char *next = more ? bd->flags[i + 1] : NULL;
		if ((strcmp(a, "-S") == 0 || strcmp(a, "-B") == 0 || strcmp(a, "--build") == 0 ||
		     strcmp(a, "--install") == 0 || strcmp(a, "--target") == 0 ||
		     strcmp(a, "--prefix") == 0 || strcmp(a, "-D") == 0 || strcmp(a, "-G") == 0) && more) {
			const char *dir = bh_img__resolve(b->arena, bd->cwd, next);
			switch (a[1] == '-' ? a[2] : a[1]) {
			case 'S': source = dir; break;
			case 'B': build = dir; break;
			case 'b': built = dir; break;
			case 'i': installed = dir; break;
			case 't': target_install |= strcmp(next, "install") == 0; break;
			case 'p': prefix = dir; break;
			case 'D': bh_vec_push(&defines, next); break;
			default: break;
			}
			i++;
		} else if (strncmp(a, "-S", 2) == 0 || strncmp(a, "-B", 2) == 0) {
			*(a[1] == 'S' ? &source : &build) = bh_img__resolve(b->arena, bd->cwd, a + 2);
		} else if (strncmp(a, "-D", 2) == 0 && a[2]) {
			bh_vec_push(&defines, a + 2);
		} else if ((value = option_value(a, "--prefix"))) {
			prefix = bh_img__resolve(b->arena, bd->cwd, value);
		} else if ((value = option_value(a, "--target"))) {
			target_install |= strcmp(value, "install") == 0;
		} else if (a[0] != '-' && !positional) {
			positional = bh_img__resolve(b->arena, bd->cwd, a);
		}
	}
	if (installed)
		bh_img__install_configured(b, installed, index, prefix);
	else if (built && target_install)
		bh_img__install_configured(b, built, index, NULL);
	else if (!built)
		// `cmake -S src -B build`, or `cmake ..` run in the build directory.
		configure(b, bd, index, CMAKE, source ? source : positional ? positional : bd->cwd,
			  build ? build : bd->cwd, &defines);
	bh_vec_dispose(&defines);
}

void bh_img__apply_meson(bh_img__builder *b, bh_img_build_cmd *bd, size_t index)
{
	if (!b->ctx || !bd->nflags)
		return;
	const char *verb = bd->flags[0];
	const char *dir = NULL;
	str_vec options = { 0 }, positional = { 0 };
	for (size_t i = 0; i < bd->nflags; i++) {
		const char *a = bd->flags[i];
		// (Tested as `more`, not as next != NULL: no flag is NULL.)
		bool more = i + 1 < bd->nflags;
		const char *next = more ? bd->flags[i + 1] : NULL;
		if (strcmp(a, "-C") == 0 && more) {
			dir = bh_img__resolve(b->arena, bd->cwd, next);
			i++;
		} else if ((strcmp(a, "--prefix") == 0 || strcmp(a, "--bindir") == 0 ||
			    strcmp(a, "--libdir") == 0 || strcmp(a, "-D") == 0) && more) {
			bh_vec_push(&options, a);
			bh_vec_push(&options, next);
			i++;
		} else if (a[0] == '-') {
			bh_vec_push(&options, a);
		} else if (i > 0 || strcmp(a, "setup") != 0) {
			bh_vec_push(&positional, a);
		}
	}
	if (strcmp(verb, "install") == 0) {
		bh_img__install_configured(b, dir ? dir : bd->cwd, index, NULL);
	} else if (strcmp(verb, "compile") != 0 && strcmp(verb, "test") != 0 && positional.len) {
		// meson setup BUILD [SOURCE] (or the old `meson BUILD`).
		const char *build = bh_img__resolve(b->arena, bd->cwd, positional.items[0]);
		const char *source = positional.len > 1 ? bh_img__resolve(b->arena, bd->cwd, positional.items[1])
							: bd->cwd;
		configure(b, bd, index, MESON, source, build, &options);
	}
	bh_vec_dispose(&options);
	bh_vec_dispose(&positional);
}
