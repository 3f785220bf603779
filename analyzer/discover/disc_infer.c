// SPDX-License-Identifier: MIT
// Inferred compile flags: for a C source without a compile_commands.json
// entry, the flags its build files give it. Part of discovery (bh_disc);
// bh_disc_units asks bh_disc__infer_for once per such unit.
//
// Two build files are read, never run:
//  - Makefiles of the context (disc_make.c). One per directory: the file
//    make itself would pick (GNUmakefile, makefile, Makefile), else the
//    first *.mk. It applies to the sources of its directory and below; the
//    nearest one wins, and one that gives no flag hides those above it.
//  - C compiler lines in Dockerfile RUNs, as the image model recorded them
//    (bh_img_build_cmd). They name container paths; each is mapped back to
//    the context through the provenance map of the stage that ran the line
//    (the COPY that put the file there). A line applies to the sources it
//    names, or, naming none that map (`gcc *.c`, a link step), to the
//    sources under the context directory its working directory came from.
// A line naming a source beats the nearest Makefile, which beats a line
// for a whole directory. Flags whose paths cannot be mapped into the
// context are dropped, never guessed.
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/fileio.h"
#include "bulkhead/img.h"
#include "bulkhead/sh.h"
#include "disc_internal.h"

// Bounds for hostile Dockerfiles: compiler lines kept, and glob matches
// tried against provenance entries, per scan. Past them, lines are
// ignored and globs match nothing (a line then applies to its directory).
#define MAX_DF_LINES 4096
#define MAX_GLOB_TRIES 4000000u

/* ----------------------------------------------------------- flag filter */

// Inferable flags with a value, joined ("-Idir") or separate ("-I dir").
static const struct {
	const char *name;
	int path; // 0: a plain value; 1: an include directory; 2: a file
} inferable[] = {
	{ "-isystem", 1 }, { "-idirafter", 1 }, { "-iquote", 1 }, { "-include", 2 },
	{ "-imacros", 2 }, { "-I", 1 }, { "-D", 0 }, { "-U", 0 },
};

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

// `flag` (scratch memory) copied into `arena` unless `out` has it.
static bool push_unique(bh_disc__str_vec *out, bh_arena *arena, const char *flag)
{
	for (size_t i = 0; i < out->len; i++)
		if (strcmp(out->items[i], flag) == 0)
			return false;
	bh_vec_push(out, bh_arena_strdup(arena, flag));
	return true;
}

size_t bh_disc__take_flags(bh_disc__str_vec *out, bh_arena *arena, const char *const *argv,
			   size_t argc, bh_disc__map_fn map, void *payload)
{
	// Mapped paths and formatted flags go to a scratch arena first, so
	// that a hostile line repeating one flag costs no lasting memory.
	bh_arena *scratch = bh_arena_new();
	size_t added = 0;
	for (size_t i = 0; i < argc && out->len < BH_DISC__MAX_FLAGS;) {
		size_t consumed = 1;
		bool keep = bh_compdb_keep_flag(argv, argc, i, &consumed);
		const char *a = argv[i];
		i += consumed;
		if (!keep || strchr(a, '`'))
			continue;
		if (has_prefix(a, "-std=") || has_prefix(a, "--std=") || strcmp(a, "-ansi") == 0) {
			if (!strchr(a, '$'))
				added += push_unique(out, arena, a);
			continue;
		}
		for (size_t k = 0; k < BH_ARRAY_LEN(inferable); k++) {
			const char *name = inferable[k].name;
			if (!has_prefix(a, name))
				continue;
			const char *value = a[strlen(name)] ? a + strlen(name) : argv[i - 1];
			if (!*value || strchr(value, '$') || strchr(value, '`'))
				break;
			if (inferable[k].path) {
				value = map(scratch, value, inferable[k].path == 1, payload);
				if (!value)
					break;
			}
			added += push_unique(out, arena,
					     bh_arena_sprintf(scratch, "%s%s", name, value));
			break;
		}
	}
	bh_arena_free(scratch);
	return added;
}

/* ---------------------------------------------------------- Dockerfiles */

// One compiler line of a Dockerfile, with its flags mapped to the context.
typedef struct {
	bh_disc_flags flags;
	const char **sources;    // context paths it names (arena)
	size_t nsources;
	const char *dir;         // no source named: the context directory of its cwd ("" root)
} df_line;

typedef struct {
	const bh_img_stage *stage;
	const char *cwd;         // absolute image path
	const char *root;        // absolute context root
} image_paths;

static const char *clean_abs(bh_arena *arena, const char *cwd, const char *path)
{
	const char *joined = path[0] == '/' ? path : bh_arena_sprintf(arena, "%s/%s", cwd, path);
	size_t n = strlen(joined);
	char *out = bh_arena_alloc(arena, n + 2);
	bh_path_clean(out, joined, n);
	return out;
}

static const char *host_path(bh_arena *arena, const char *root, const char *rel)
{
	if (!*rel)
		return root;
	return bh_arena_sprintf(arena, "%s/%s", strcmp(root, "/") ? root : "", rel);
}

// Index of the first stage entry whose path is >= key.
static size_t lower_bound(const bh_img_stage *st, const char *key)
{
	size_t lo = 0, hi = st->nfiles;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(st->files[mid]->path, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

// The context file an image file came from, or NULL.
static const char *context_file(const bh_img_stage *st, const char *path)
{
	size_t i = lower_bound(st, path);
	if (i >= st->nfiles || strcmp(st->files[i]->path, path) != 0)
		return NULL;
	const bh_img_file *r = bh_img_file_root(st->files[i]);
	return r && r->origin == BH_IMG_FROM_CONTEXT ? r->source : NULL;
}

// The context directory an image directory was copied from ("" for the
// root), found through a file below it whose context path ends with the
// same components; NULL if none does.
static const char *context_dir(bh_arena *arena, const bh_img_stage *st, const char *dir)
{
	const char *prefix = strcmp(dir, "/") ? bh_arena_sprintf(arena, "%s/", dir) : "/";
	size_t plen = strlen(prefix);
	size_t end = st->nfiles;
	for (size_t i = lower_bound(st, prefix), seen = 0; i < end && seen < 256; i++, seen++) {
		const bh_img_file *f = st->files[i];
		if (strncmp(f->path, prefix, plen) != 0)
			break;
		const bh_img_file *r = bh_img_file_root(f);
		if (!r || r->origin != BH_IMG_FROM_CONTEXT)
			continue;
		const char *rest = f->path + plen, *src = r->source;
		size_t rl = strlen(rest), sl = strlen(src);
		if (sl == rl && strcmp(src, rest) == 0)
			return "";
		if (sl > rl && src[sl - rl - 1] == '/' && strcmp(src + sl - rl, rest) == 0)
			return bh_arena_strndup(arena, src, sl - rl - 1);
	}
	return NULL;
}

static const char *map_image_path(bh_arena *arena, const char *value, bool is_dir, void *payload)
{
	const image_paths *ip = payload;
	const char *p = clean_abs(arena, ip->cwd, value);
	const char *rel = is_dir ? context_dir(arena, ip->stage, p) : context_file(ip->stage, p);
	return rel ? host_path(arena, ip->root, rel) : NULL;
}

// The compiler's arguments as written, with $CFLAGS/$CPPFLAGS (and the
// ${...} forms) replaced by their ENV or prefix-assignment value.
static size_t compiler_args(const char ***argv_out, bh_arena *arena, const bh_img_build_cmd *bd)
{
	const bh_sh_cmd *cmd = bd->cmd;
	size_t start = 0;
	while (start < cmd->argc && strcmp(bh_sh_basename(cmd->argv[start]), bd->tool) != 0)
		start++;
	bh_disc__str_vec words = { 0 };
	for (size_t i = start + 1; i < cmd->argc; i++) {
		const char *w = cmd->argv[i];
		const char *name = NULL;
		if (strcmp(w, "$CFLAGS") == 0 || strcmp(w, "${CFLAGS}") == 0)
			name = "CFLAGS=";
		else if (strcmp(w, "$CPPFLAGS") == 0 || strcmp(w, "${CPPFLAGS}") == 0)
			name = "CPPFLAGS=";
		const char *value = NULL;
		for (size_t k = 0; name && k < bd->nenv; k++) // the last one is in force
			if (has_prefix(bd->env[k], name))
				value = bd->env[k] + strlen(name);
		if (!value) {
			bh_vec_push(&words, w);
			continue;
		}
		const char **split = NULL;
		size_t n = bh_compdb_split_command(&split, arena, value);
		for (size_t k = 0; k < n; k++)
			bh_vec_push(&words, split[k]);
	}
	const char **argv = bh_arena_alloc(arena, (words.len + 1) * sizeof(*argv));
	if (words.len)
		memcpy(argv, words.items, words.len * sizeof(*argv));
	*argv_out = argv;
	size_t n = words.len;
	bh_vec_dispose(&words);
	return n;
}

// The context C sources a line names (globs matched against the stage;
// `*glob_tries` counts down the matches still allowed).
static void named_sources(df_line *line, bh_arena *arena, const bh_ctx *ctx,
			  const bh_img_stage *st, const bh_img_build_cmd *bd, size_t *glob_tries)
{
	bh_disc__str_vec found = { 0 };
	for (size_t i = 0; i < bd->ninputs; i++) {
		const char *in = bd->inputs[i];
		if (strpbrk(in, "*?[")) {
			for (size_t k = 0; k < st->nfiles && *glob_tries > 0; k++) {
				--*glob_tries;
				if (fnmatch(in, st->files[k]->path, FNM_PATHNAME) != 0)
					continue;
				const char *rel = context_file(st, st->files[k]->path);
				const bh_file *f = rel ? bh_ctx_find(ctx, rel) : NULL;
				if (f && f->kind == BH_FILE_C_SOURCE)
					bh_vec_push(&found, f->path);
			}
			continue;
		}
		const char *rel = context_file(st, in);
		const bh_file *f = rel ? bh_ctx_find(ctx, rel) : NULL;
		if (f && f->kind == BH_FILE_C_SOURCE)
			bh_vec_push(&found, f->path);
	}
	line->sources = bh_arena_alloc(arena, (found.len + 1) * sizeof(*line->sources));
	if (found.len)
		memcpy(line->sources, found.items, found.len * sizeof(*line->sources));
	line->nsources = found.len;
	bh_vec_dispose(&found);
}

/* --------------------------------------------------------------- lookup */

typedef struct {
	const char *dir;         // context-relative, "" at the root
	const char *path;        // the Makefile that speaks for it
	int rank;                // GNUmakefile 0, makefile 1, Makefile 2, *.mk 3
	bool read;
	bh_disc_flags flags;
} make_dir;

struct bh_disc__infer {
	bh_arena *arena;
	bh_ctx *ctx;
	bh_diags *diags;
	BH_VEC(df_line) lines;
	size_t glob_tries;       // glob matches still allowed (MAX_GLOB_TRIES at first)
	make_dir *makes;         // heap, sorted by dir, one per directory
	size_t nmakes;
};

static int compare_make_dirs(const void *a, const void *b)
{
	const make_dir *x = a, *y = b;
	int c = strcmp(x->dir, y->dir);
	if (c)
		return c;
	return x->rank != y->rank ? x->rank - y->rank : strcmp(x->path, y->path);
}

static void collect_makefiles(bh_disc__infer *inf)
{
	BH_VEC(make_dir) all = { 0 };
	for (size_t i = 0; i < bh_ctx_file_count(inf->ctx); i++) {
		const bh_file *f = bh_ctx_file(inf->ctx, i);
		if (f->kind != BH_FILE_MAKEFILE || f->excluded || f->too_large)
			continue;
		const char *slash = strrchr(f->path, '/');
		const char *base = slash ? slash + 1 : f->path;
		make_dir *m = bh_vec_grow_one(&all);
		m->dir = slash ? bh_arena_strndup(inf->arena, f->path, (size_t)(slash - f->path))
			       : "";
		m->path = f->path;
		m->rank = strcmp(base, "GNUmakefile") == 0 ? 0
			  : strcmp(base, "makefile") == 0  ? 1
			  : strcmp(base, "Makefile") == 0  ? 2
							   : 3;
	}
	if (all.len > 1)
		qsort(all.items, all.len, sizeof(*all.items), compare_make_dirs);
	inf->makes = bh_xmalloc((all.len ? all.len : 1) * sizeof(*inf->makes));
	for (size_t i = 0; i < all.len; i++)
		if (i == 0 || strcmp(all.items[i].dir, all.items[i - 1].dir) != 0)
			inf->makes[inf->nmakes++] = all.items[i];
	bh_vec_dispose(&all);
}

static void collect_lines(bh_disc__infer *inf, const bh_img *img)
{
	const char *root = bh_ctx_root(inf->ctx);
	for (size_t b = 0; b < img->nbuilds && inf->lines.len < MAX_DF_LINES; b++) {
		const bh_img_build_cmd *bd = &img->builds[b];
		if (bd->kind != BH_IMG_BUILD_CC || !bd->cmd || bd->run >= img->nruns)
			continue;
		int s = img->runs[bd->run].stage;
		if (s < 0 || (size_t)s >= img->nstages)
			continue;
		image_paths ip = { &img->stages[s], bd->cwd ? bd->cwd : "/", root };
		const char **argv = NULL;
		size_t argc = compiler_args(&argv, inf->arena, bd);
		bh_disc__str_vec flags = { 0 };
		bh_disc__take_flags(&flags, inf->arena, argv, argc, map_image_path, &ip);
		df_line line = { 0 };
		named_sources(&line, inf->arena, inf->ctx, ip.stage, bd, &inf->glob_tries);
		if (!line.nsources)
			line.dir = context_dir(inf->arena, ip.stage,
					       clean_abs(inf->arena, "/", ip.cwd));
		if (flags.len && (line.nsources || line.dir)) {
			line.flags.args = bh_arena_alloc(inf->arena, flags.len * sizeof(char *));
			memcpy(line.flags.args, flags.items, flags.len * sizeof(char *));
			line.flags.nargs = flags.len;
			line.flags.origin = bh_arena_sprintf(inf->arena, "%s:%u", img->dockerfile,
							     (unsigned)bd->loc.line);
			bh_vec_push(&inf->lines, line);
		}
		bh_vec_dispose(&flags);
	}
}

bh_disc__infer *bh_disc__infer_new(bh_arena *arena, bh_ctx *ctx, bh_img *const *images,
				   size_t nimages, bh_diags *diags)
{
	bh_disc__infer *inf = bh_xcalloc(1, sizeof(*inf));
	inf->arena = arena;
	inf->ctx = ctx;
	inf->diags = diags;
	inf->glob_tries = MAX_GLOB_TRIES;
	collect_makefiles(inf);
	for (size_t i = 0; images && i < nimages; i++)
		if (images[i])
			collect_lines(inf, images[i]);
	return inf;
}

void bh_disc__infer_free(bh_disc__infer *inf)
{
	if (!inf)
		return;
	bh_vec_dispose(&inf->lines);
	free(inf->makes);
	free(inf);
}

// The Makefile for directory `dir`, read on first use.
static const bh_disc_flags *make_flags(bh_disc__infer *inf, const char *dir)
{
	size_t lo = 0, hi = inf->nmakes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(inf->makes[mid].dir, dir) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= inf->nmakes || strcmp(inf->makes[lo].dir, dir) != 0)
		return NULL;
	make_dir *m = &inf->makes[lo];
	if (!m->read) {
		m->read = true;
		// A private copy in a scratch arena: the text is not kept.
		bh_arena *scratch = bh_arena_new();
		const bh_source *src = NULL;
		if (bh_ctx_read(&src, scratch, inf->ctx, m->path, inf->diags) == BH_OK && src)
			bh_disc_make_flags(&m->flags, inf->arena, bh_ctx_root(inf->ctx), m->path,
					   src->data, src->len, inf->diags);
		bh_arena_free(scratch);
	}
	return &m->flags;
}

static bool is_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return n == 0 || (strncmp(path, dir, n) == 0 && path[n] == '/');
}

const bh_disc_flags *bh_disc__infer_for(bh_disc__infer *inf, const char *path)
{
	for (size_t i = 0; i < inf->lines.len; i++) {
		const df_line *l = &inf->lines.items[i];
		for (size_t k = 0; k < l->nsources; k++)
			if (strcmp(l->sources[k], path) == 0)
				return &l->flags;
	}
	// The nearest Makefile, walking up from the source's directory.
	const char *slash = strrchr(path, '/');
	char *dir = bh_xstrndup(path, slash ? (size_t)(slash - path) : 0);
	const bh_disc_flags *mk = NULL;
	for (;;) {
		if ((mk = make_flags(inf, dir)) || !*dir)
			break;
		char *up = strrchr(dir, '/');
		*(up ? up : dir) = '\0';
	}
	free(dir);
	if (mk && mk->nargs)
		return mk;
	const df_line *best = NULL;
	for (size_t i = 0; i < inf->lines.len; i++) {
		const df_line *l = &inf->lines.items[i];
		if (!l->dir || !is_under(path, l->dir))
			continue;
		if (!best || strlen(l->dir) > strlen(best->dir))
			best = l;
	}
	return best ? &best->flags : NULL;
}
