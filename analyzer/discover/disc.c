// SPDX-License-Identifier: MIT
// Discovery: from the context inventory to the C translation units that the
// libclang front end parses, each with its compile flags. Sits between the
// context walk (bh_ctx) and the C front end (bh_clang).
//
// Every C source of the context that is not excluded and not over the size
// limit is a unit, in inventory (path) order, unless no build compiles it
// on its own and it has no database entry: a file another C file includes
// (`#include "ae_epoll.c"`, disc_included.c), or one under a hidden
// directory (quilt's `.pc/` backups of patched files, an editor's or a
// tool's state). Its flags come from its
// compile_commands.json entry when it has one. Otherwise they are inferred
// from the Makefiles and Dockerfile compiler lines of the context
// (disc_infer.c), followed by the fallback flags; or, when nothing can be
// inferred, the fallback flags alone: -I for the context root and for every
// directory that holds a header (and each ancestor directory named
// "include", for the include/<project>/x.h layout), sorted, which lets most
// projects' quoted and angled includes resolve without a build. The
// fallback list is built once and shared by all units that use it (it is
// arena memory, read-only).
#include <stdlib.h>
#include <string.h>

#include "bulkhead/text.h"
#include "disc_internal.h"

typedef BH_VEC(const char *) str_vec;

// -I<root>, then -I<root>/<dir> for each directory with a header or an
// "include" directory above one, sorted and without duplicates.
static void fallback_flags(const char ***args_out, size_t *nargs_out, bh_arena *arena,
			   const bh_ctx *ctx)
{
	const char *root = bh_ctx_root(ctx);
	str_vec dirs = { 0 };
	for (size_t i = 0; i < bh_ctx_file_count(ctx); i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		if (f->kind != BH_FILE_C_HEADER)
			continue;
		const char *slash = strrchr(f->path, '/');
		if (slash)
			bh_vec_push(&dirs,
				    bh_arena_strndup(arena, f->path, (size_t)(slash - f->path)));
		// include/<project>/x.h is included as <project/x.h>: an
		// ancestor named "include" is a search directory too.
		for (const char *p = f->path; slash && (p = strchr(p, '/')) && p < slash; p++) {
			size_t len = (size_t)(p - f->path);
			if (len >= 7 && memcmp(p - 7, "include", 7) == 0 &&
			    (len == 7 || p[-8] == '/'))
				bh_vec_push(&dirs, bh_arena_strndup(arena, f->path, len));
		}
	}
	if (dirs.len > 1)
		qsort(dirs.items, dirs.len, sizeof(char *), bh_str_compare_ptrs);
	const char **args = bh_arena_alloc(arena, (dirs.len + 2) * sizeof(*args));
	const char *base = strcmp(root, "/") ? root : ""; // a root of "/" has no "//"
	size_t n = 0;
	args[n++] = bh_arena_sprintf(arena, "-I%s", root);
	for (size_t i = 0; i < dirs.len; i++) {
		if (i > 0 && strcmp(dirs.items[i], dirs.items[i - 1]) == 0)
			continue;
		args[n++] = bh_arena_sprintf(arena, "-I%s/%s", base, dirs.items[i]);
	}
	bh_vec_dispose(&dirs);
	*args_out = args;
	*nargs_out = n;
}

// Database entries sorted by context path, the first entry of the
// database winning among duplicates (a file compiled twice).
typedef struct {
	const char *ctx_path;
	size_t order;
	const bh_compdb_entry *entry;
} entry_ref;

static int compare_refs(const void *a, const void *b)
{
	const entry_ref *x = a, *y = b;
	int c = strcmp(x->ctx_path, y->ctx_path);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static const bh_compdb_entry *find_entry(const entry_ref *refs, size_t n, const char *path)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(refs[mid].ctx_path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(refs[lo].ctx_path, path) == 0 ? refs[lo].entry : NULL;
}

// Inferred flags first (their -I directories are searched first), then
// the fallback list.
static void use_inferred(bh_unit *u, bh_arena *arena, const bh_disc_flags *inferred,
			 const char **fallback, size_t nfallback)
{
	size_t n = inferred->nargs + nfallback;
	const char **args = bh_arena_alloc(arena, (n + 1) * sizeof(*args));
	memcpy(args, inferred->args, inferred->nargs * sizeof(*args));
	if (nfallback)
		memcpy(args + inferred->nargs, fallback, nfallback * sizeof(*args));
	u->args = args;
	u->nargs = n;
	u->flags_source = BH_FLAGS_INFERRED;
	u->flags_note = bh_arena_sprintf(arena, "analysed without compile_commands.json: "
				       "flags inferred from %s", inferred->origin);
}

// True if a directory of `path` (not the file itself) starts with '.'.
static bool under_hidden_dir(const char *path)
{
	for (const char *p = path, *slash; (slash = strchr(p, '/')) != NULL; p = slash + 1)
		if (*p == '.')
			return true;
	return false;
}

// The C sources without a database entry that are no units, counted for
// the notes, with the first of each kind as an example.
typedef struct {
	bool *included;      // bh_disc__included_sources, or NULL before it is needed
	size_t nincluded, nhidden;
	const char *first_included, *first_hidden;
} not_compiled;

bool bh_disc_is_c_source(const bh_file *f)
{
	return f->kind == BH_FILE_C_SOURCE && !f->excluded && !f->too_large;
}

static void find_not_compiled(not_compiled *nc, bh_ctx *ctx)
{
	size_t n = bh_ctx_file_count(ctx);
	bool *candidate = bh_xcalloc(n + 1, sizeof(*candidate));
	for (size_t i = 0; i < n; i++)
		candidate[i] = bh_disc_is_c_source(bh_ctx_file(ctx, i)) &&
			       !under_hidden_dir(bh_ctx_file(ctx, i)->path);
	nc->included = bh_disc__included_sources(ctx, candidate);
	free(candidate);
}

// True (and counted) if `f`, which has no database entry, is not a unit.
static bool skip_source(not_compiled *nc, bh_ctx *ctx, size_t i, const bh_file *f)
{
	if (under_hidden_dir(f->path)) {
		if (!nc->nhidden++)
			nc->first_hidden = f->path;
		return true;
	}
	if (!nc->included)
		find_not_compiled(nc, ctx);
	if (!nc->included[i])
		return false;
	if (!nc->nincluded++)
		nc->first_included = f->path;
	return true;
}

static void note_not_compiled(const not_compiled *nc, bh_diags *diags)
{
	bool one = nc->nincluded == 1;
	if (nc->nincluded)
		bh_diag_add(diags, BH_LEVEL_NOTE, "disc.included-source", NULL, 0, 0,
			    "%zu C file%s included by other C files (%s%s) %s analysed as part of "
			    "%s includer%s, not on %s own", nc->nincluded, one ? "" : "s",
			    nc->first_included, one ? "" : ", ...", one ? "is" : "are",
			    one ? "its" : "their", one ? "" : "s", one ? "its" : "their");
	one = nc->nhidden == 1;
	if (nc->nhidden)
		bh_diag_add(diags, BH_LEVEL_NOTE, "disc.hidden-source", NULL, 0, 0,
			    "%zu C file%s under hidden directories (%s%s) %s not analysed: no "
			    "build compiles %s; a compile_commands.json entry would make %s a unit",
			    nc->nhidden, one ? "" : "s", nc->first_hidden, one ? "" : ", ...",
			    one ? "is" : "are", one ? "it" : "them", one ? "it" : "each");
}

void bh_disc_units(bh_units *out, bh_arena *arena, bh_ctx *ctx, const bh_compdb *db,
		   bh_img *const *images, size_t nimages, bh_diags *diags)
{
	if (!ctx)
		return;
	size_t nentries = db ? db->entries.len : 0;
	entry_ref *refs = bh_xmalloc((nentries ? nentries : 1) * sizeof(*refs));
	size_t nrefs = 0;
	for (size_t i = 0; i < nentries; i++) {
		const bh_compdb_entry *e = &db->entries.items[i];
		if (e->ctx_path)
			refs[nrefs++] = (entry_ref){ e->ctx_path, i, e };
	}
	if (nrefs > 1)
		qsort(refs, nrefs, sizeof(*refs), compare_refs);

	const char **fallback = NULL;
	size_t nfallback = 0, without_entry = 0, inferred = 0, units = 0;
	bh_disc__infer *inf = NULL;
	const char *root = bh_ctx_root(ctx);
	if (strcmp(root, "/") == 0)
		root = "";
	not_compiled nc = { 0 };
	for (size_t i = 0; i < bh_ctx_file_count(ctx); i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		if (!bh_disc_is_c_source(f))
			continue;
		const bh_compdb_entry *e = find_entry(refs, nrefs, f->path);
		if (!e && skip_source(&nc, ctx, i, f))
			continue;
		bh_unit *u = bh_vec_grow_one(out);
		u->path = bh_arena_strdup(arena, f->path);
		u->abs_path = bh_arena_sprintf(arena, "%s/%s", root, f->path);
		units++;
		if (e) {
			u->args = e->args;
			u->nargs = e->nargs;
			u->flags_source = BH_FLAGS_COMPDB;
			continue;
		}
		without_entry++;
		if (!fallback)
			fallback_flags(&fallback, &nfallback, arena, ctx);
		if (!inf)
			inf = bh_disc__infer_new(arena, ctx, images, nimages, diags);
		const bh_disc_flags *found = bh_disc__infer_for(inf, f->path);
		if (found) {
			use_inferred(u, arena, found, fallback, nfallback);
			inferred++;
			continue;
		}
		u->args = fallback;
		u->nargs = nfallback;
		u->flags_source = BH_FLAGS_FALLBACK;
	}
	free(refs);
	bh_disc__infer_free(inf);
	free(nc.included);
	note_not_compiled(&nc, diags);

	// Say once, run-wide, when flags were inferred or guessed: parsing
	// without the real flags can miss macros and includes, and users
	// should know.
	size_t guessed = without_entry - inferred;
	if (inferred && !db)
		bh_diag_add(diags, BH_LEVEL_NOTE, "disc.inferred-flags", NULL, 0, 0,
			    "no compile_commands.json; %zu C file%s parsed with flags inferred "
			    "from Makefiles or Dockerfiles, %zu with fallback flags",
			    inferred, inferred == 1 ? " is" : "s are", guessed);
	else if (inferred)
		bh_diag_add(diags, BH_LEVEL_NOTE, "disc.inferred-flags", NULL, 0, 0,
			    "%zu of %zu C files have no entry in %s; %zu %s parsed with flags "
			    "inferred from Makefiles or Dockerfiles, %zu with fallback flags",
			    without_entry, units, db->path, inferred, inferred == 1 ? "is" : "are",
			    guessed);
	else if (!db && units)
		bh_diag_add(diags, BH_LEVEL_NOTE, "disc.no-compdb", NULL, 0, 0,
			    "no compile_commands.json; %zu C file%s parsed with fallback flags",
			    units, units == 1 ? " is" : "s are");
	else if (db && without_entry)
		bh_diag_add(diags, BH_LEVEL_NOTE, "disc.no-compdb-entry", NULL, 0, 0,
			    "%zu of %zu C files have no entry in %s; they are parsed "
			    "with fallback flags", without_entry, units, db->path);
}

const char *bh_unit_flags_note(const bh_unit *unit)
{
	switch (unit->flags_source) {
	case BH_FLAGS_FALLBACK:
		return "analysed without compile_commands.json: include paths and macros were guessed";
	case BH_FLAGS_INFERRED:
		return unit->flags_note; // names the Makefile or Dockerfile line
	default:
		return NULL;
	}
}
