// SPDX-License-Identifier: MIT
// Image model builder: walks the instructions of a parsed Dockerfile the way
// BuildKit would execute them, without executing anything, and records
// stages, their graph, each stage's provenance map and runtime settings.
// Sits after the Dockerfile parser (bh_df) and before the docker.* rules and
// image correlation.
//
// Docker semantics applied here:
//  - global ARGs (before the first FROM) are visible only to FROM lines,
//    unless a stage re-declares them with `ARG NAME`;
//  - ENV wins over ARG of the same name; ENV and USER, WORKDIR, CMD,
//    ENTRYPOINT, HEALTHCHECK are inherited through `FROM <stage>`;
//  - setting ENTRYPOINT drops a CMD inherited from the base;
//  - COPY of a directory copies its contents; a destination ending in '/'
//    (or several sources, or a wildcard) is a directory; relative
//    destinations resolve against WORKDIR; `--from` paths against '/';
//  - context sources are matched against the real context after the
//    .dockerignore that applies to this Dockerfile (bh_ctx_is_sent).
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bulkhead/ignore.h"
#include "img_internal.h"

#define DEFAULT_MAX_FILES 200000
#define MAX_VARS 10000

static const char *expand(bh_img__builder *b, const char *word, const bh_df_vars *vars,
			  bool *unknown)
{
	return bh_df_expand(b->arena, word, b->df->escape, vars, unknown);
}

static void set_var(bh_img__builder *b, bh_df_vars *vars, const char *name, const char *value)
{
	if (vars->len >= MAX_VARS && !bh_df_vars_get(vars, name, NULL)) {
		if (!b->truncated)
			bh_diag_add(b->diags, BH_LEVEL_WARNING, "img.too-many-variables",
				    b->dockerfile, 0, 0, "more than %d variables in one stage; "
				    "later ones stay symbolic", MAX_VARS);
		b->truncated = true;
		return;
	}
	bh_df_vars_set(vars, name, value);
}

bh_img_file *bh_img__add_file(bh_img__builder *b, const char *path, bh_img_origin origin,
			      const char *source, const bh_df_instr *instr)
{
	if (b->nfiles_total >= b->max_files) {
		if (!b->truncated)
			bh_diag_add(b->diags, BH_LEVEL_WARNING, "img.too-many-files",
				    b->dockerfile, 0, 0, "more than %zu image paths; the "
				    "provenance map is incomplete", b->max_files);
		b->truncated = true;
		return NULL;
	}
	b->nfiles_total++;
	bh_img_file *f = bh_arena_alloc(b->arena, sizeof(*f));
	f->path = path;
	f->origin = origin;
	f->source = source;
	f->stage = -1;
	f->build = -1;
	f->instr = instr;
	bh_vec_push(&b->cur.files, f);
	return f;
}

static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return true;
	return strncmp(path, dir, n) == 0 && path[n] == '/';
}

size_t bh_img__find_files(bh_img__builder *b, const bh_img_file ***out, const char *path,
			  bool below)
{
	BH_VEC(const bh_img_file *) found = { 0 };
	bool glob = strpbrk(path, "*?[") != NULL;
	for (size_t i = 0; i < b->cur.files.len; i++) {
		const bh_img_file *f = b->cur.files.items[i];
		if (strcmp(f->path, path) == 0 || (below && under(f->path, path)) ||
		    (glob && fnmatch(path, f->path, FNM_PATHNAME) == 0))
			bh_vec_push(&found, f);
	}
	*out = bh_arena_alloc(b->arena, (found.len + 1) * sizeof(**out));
	if (found.len)
		memcpy(*out, found.items, found.len * sizeof(**out));
	size_t n = found.len;
	bh_vec_dispose(&found);
	return n;
}

// ------------------------------------------------------------------ stages

typedef struct {
	bh_img_file *f;
	size_t seq;
} file_ref;

static int compare_files(const void *a, const void *b)
{
	const file_ref *x = a, *y = b;
	int c = strcmp(x->f->path, y->f->path);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

// Sort the provenance map by path; a later entry for the same path
// replaces the earlier one (the file was overwritten).
static void freeze_files(bh_img__builder *b, bh_img_stage *st)
{
	size_t n = b->cur.files.len;
	file_ref *refs = bh_xmalloc((n ? n : 1) * sizeof(*refs));
	for (size_t i = 0; i < n; i++)
		refs[i] = (file_ref){ b->cur.files.items[i], i };
	if (n > 1)
		qsort(refs, n, sizeof(*refs), compare_files);
	st->files = bh_arena_alloc(b->arena, (n + 1) * sizeof(*st->files));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && strcmp(refs[i].f->path, refs[i + 1].f->path) == 0)
			continue;
		st->files[k++] = refs[i].f;
	}
	st->nfiles = k;
	free(refs);
}

#define FREEZE(arena, vec, out, nout)                                                   \
	do {                                                                             \
		(out) = bh_arena_alloc((arena), ((vec).len + 1) * sizeof(*(vec).items));  \
		if ((vec).len)                                                           \
			memcpy((void *)(out), (vec).items, (vec).len * sizeof(*(vec).items)); \
		(nout) = (vec).len;                                                      \
	} while (0)

static const char *const default_path[] = { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
					    "/usr/bin", "/sbin", "/bin" };

static const bh_img_file *lookup_file(const bh_img_stage *st, const char *path)
{
	size_t lo = 0, hi = st->nfiles;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(st->files[mid]->path, path);
		if (c == 0)
			return st->files[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

// argv[0] of the container resolved to a path in the image.
static void resolve_exe(bh_img__builder *b, bh_img_stage *st)
{
	if (!st->argc)
		return;
	const char *a0 = st->argv[0];
	if (a0[0] == '/') {
		st->exe = bh_img__clean_abs(b->arena, a0, false);
		st->exe_file = lookup_file(st, st->exe);
		return;
	}
	if (strchr(a0, '/')) {
		st->exe = bh_img__resolve(b->arena, st->workdir, a0);
		st->exe_file = lookup_file(st, st->exe);
		return;
	}
	for (size_t i = 0; i < BH_ARRAY_LEN(default_path); i++) {
		const char *p = bh_arena_sprintf(b->arena, "%s/%s", default_path[i], a0);
		const bh_img_file *f = lookup_file(st, p);
		if (f) {
			st->exe = p;
			st->exe_file = f;
			return;
		}
	}
}

static void finish_stage(bh_img__builder *b)
{
	if (!b->in_stage)
		return;
	bh_img__stage_work *w = &b->cur;
	bh_img_stage *st = &w->st;
	freeze_files(b, st);
	FREEZE(b->arena, w->builds, st->builds, st->nbuilds);
	FREEZE(b->arena, w->deps, st->deps, st->ndeps);
	FREEZE(b->arena, w->ports, st->ports, st->nports);
	size_t nexpose; // always equal to nports: the two vectors grow together
	FREEZE(b->arena, w->expose, st->expose_instrs, nexpose);
	bh_assert(nexpose == st->nports);
	FREEZE(b->arena, w->env, st->env, st->nenv);
	// ENTRYPOINT + CMD as Docker combines them: a shell-form ENTRYPOINT
	// ignores CMD; an exec-form one takes CMD as extra arguments.
	size_t n = st->nentrypoint + st->ncmd;
	const char **argv = bh_arena_alloc(b->arena, (n + 1) * sizeof(*argv));
	size_t k = 0;
	for (size_t i = 0; i < st->nentrypoint; i++)
		argv[k++] = st->entrypoint[i];
	if (!st->entrypoint_shell)
		for (size_t i = 0; i < st->ncmd; i++)
			argv[k++] = st->cmd[i];
	st->argv = argv;
	st->argc = k;
	resolve_exe(b, st);
	bh_vec_push(&b->stages, *st);
	bh_vec_dispose(&w->files);
	bh_vec_dispose(&w->builds);
	bh_vec_dispose(&w->deps);
	bh_vec_dispose(&w->ports);
	bh_vec_dispose(&w->expose);
	bh_vec_dispose(&w->vars);
	bh_vec_dispose(&w->env);
	memset(w, 0, sizeof(*w));
	b->in_stage = false;
}

// Stage lookup by name is a binary search over the names sorted once, so
// a Dockerfile with thousands of stages stays linear-logarithmic.
typedef struct {
	const char *name;
	size_t index;
} name_ref;

static int compare_name_refs(const void *a, const void *b)
{
	const name_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static void index_stage_names(bh_img__builder *b)
{
	name_ref *refs = bh_xmalloc((b->nstage_names + 1) * sizeof(*refs));
	size_t n = 0;
	for (size_t i = 0; i < b->nstage_names; i++)
		if (b->stage_names[i])
			refs[n++] = (name_ref){ b->stage_names[i], i };
	if (n > 1)
		qsort(refs, n, sizeof(*refs), compare_name_refs);
	b->name_order = bh_arena_alloc(b->arena, (n + 1) * sizeof(*b->name_order));
	for (size_t i = 0; i < n; i++)
		b->name_order[i] = refs[i].index;
	b->nname_order = n;
	free(refs);
}

static int find_stage_name(bh_img__builder *b, const char *name)
{
	char *want = bh_xstrdup(name);
	for (char *p = want; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	size_t lo = 0, hi = b->nname_order;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(b->stage_names[b->name_order[mid]], want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int found = -1;
	if (lo < b->nname_order && strcmp(b->stage_names[b->name_order[lo]], want) == 0)
		found = (int)b->name_order[lo];
	free(want);
	if (found >= 0)
		return found;
	char *end;
	long n = strtol(name, &end, 10);
	if (*name >= '0' && *name <= '9' && !*end && n >= 0 && (size_t)n < b->nstage_names)
		return (int)n;
	return -1;
}

static const char *lower(bh_arena *arena, const char *s)
{
	char *r = bh_arena_strdup(arena, s);
	for (char *p = r; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return r;
}

static void inherit(bh_img__builder *b, const bh_img_stage *base, const bh_img__stage_work *bw)
{
	bh_img__stage_work *w = &b->cur;
	for (size_t i = 0; i < base->nfiles; i++) {
		if (b->nfiles_total >= b->max_files) {
			if (!b->truncated)
				bh_diag_add(b->diags, BH_LEVEL_WARNING, "img.too-many-files",
					    b->dockerfile, 0, 0, "more than %zu image paths; the "
					    "provenance map is incomplete", b->max_files);
			b->truncated = true;
			break;
		}
		b->nfiles_total++;
		bh_img_file *f = bh_arena_memdup(b->arena, base->files[i], sizeof(*f));
		bh_vec_push(&w->files, f);
	}
	w->st.user = base->user;
	w->st.user_instr = base->user_instr;
	w->st.user_root = base->user_root;
	w->st.workdir = base->workdir;
	w->st.entrypoint = base->entrypoint;
	w->st.entrypoint_shell = base->entrypoint_shell;
	w->st.nentrypoint = base->nentrypoint;
	w->st.cmd = base->cmd;
	w->st.ncmd = base->ncmd;
	w->st.healthcheck = base->healthcheck;
	w->st.healthcheck_none = base->healthcheck_none;
	for (size_t i = 0; i < base->nports; i++) {
		bh_vec_push(&w->ports, base->ports[i]);
		bh_vec_push(&w->expose, base->expose_instrs[i]);
	}
	// The base's names are unique and the new stage is empty: push, don't
	// search. Inherited variables count against the same budget as files
	// so that long FROM chains stay linear.
	for (size_t i = 0; i < base->nenv; i++) {
		if (b->nfiles_total >= b->max_files) {
			b->truncated = true;
			break;
		}
		b->nfiles_total++;
		bh_vec_push(&w->env, base->env[i]);
		bh_vec_push(&w->vars, base->env[i]);
	}
	w->workdir_absolute = bw ? bw->workdir_absolute : base->workdir && strcmp(base->workdir, "/") != 0;
}

static void begin_stage(bh_img__builder *b, const bh_df_instr *in, size_t index)
{
	finish_stage(b);
	b->in_stage = true;
	bh_img__stage_work *w = &b->cur;
	memset(w, 0, sizeof(*w));
	bh_img_stage *st = &w->st;
	st->index = (int)b->stages.len;
	st->from = in;
	st->first_instr = index;
	st->base_stage = -1;
	st->user_root = -1;
	st->workdir = "/";
	static const char *const sh[] = { "/bin/sh", "-c" };
	w->shell = (const char **)sh;
	w->nshell = 2;
	if (in->nargs == 3)
		st->name = lower(b->arena, bh_df_expand(b->arena, in->args[2], b->df->escape,
							&b->globals, NULL));
	const bh_df_flag *pf = bh_df_flag_get(in, "platform");
	if (pf && pf->value)
		st->platform = expand(b, pf->value, &b->globals, NULL);
	if (in->nargs == 0) {
		bh_img_ref_parse(&st->base, b->arena, "", true);
		return;
	}
	bool unknown = false;
	const char *image = expand(b, in->args[0], &b->globals, &unknown);
	bh_img_ref_parse(&st->base, b->arena, image, unknown);
	// FROM <earlier stage>: only stages defined before count, and only
	// by name (a bare number is an image name here).
	int prev = strpbrk(image, ":/@") ? -1 : find_stage_name(b, image);
	if (prev >= 0 && (size_t)prev < b->stages.len && b->stage_names[prev]) {
		st->base_stage = prev;
		inherit(b, &b->stages.items[prev], NULL);
	}
}

// ------------------------------------------------------------- COPY / ADD

static bool is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
	       strncmp(s, "git@", 4) == 0 || strncmp(s, "git://", 6) == 0 ||
	       strncmp(s, "ssh://", 6) == 0;
}

static bool has_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

// A context path as Docker cleans COPY sources: no leading "/" or "./",
// "." for the whole context ("" is returned as ".").
static const char *clean_context_path(bh_arena *arena, const char *src)
{
	const char *abs = bh_img__clean_abs(arena, src, false);
	return abs[1] ? abs + 1 : ".";
}

static const char *basename_of(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static const char *join(bh_arena *arena, const char *dir, const char *rel)
{
	return bh_img__clean_abs(arena, bh_arena_sprintf(arena, "%s/%s", dir, rel), false);
}

static bool excluded_by_flag(const char *const *excl, size_t nexcl, const char *rel, const char *path)
{
	for (size_t i = 0; i < nexcl; i++)
		if (bh_glob_match_path(excl[i], rel) || bh_glob_match_path(excl[i], path))
			return true;
	return false;
}

typedef struct {
	const bh_df_instr *in;
	const char *dest;
	bool dest_dir;
	bool parents;
	const char *mode;
	const char **excl;
	size_t nexcl;
	BH_VEC(bh_img_file *) made;
} copy_job;

static void place(bh_img__builder *b, copy_job *job, const char *path, bh_img_origin origin,
		  const char *source, int stage, const bh_img_file *prev)
{
	bh_img_file *f = bh_img__add_file(b, path, origin, source, job->in);
	if (!f)
		return;
	f->stage = stage;
	f->prev = prev;
	f->mode = job->mode;
	bh_vec_push(&job->made, f);
}

// Match one context source against the inventory.
static void copy_from_context(bh_img__builder *b, copy_job *job, bh_img_src *src)
{
	if (!b->ctx) {
		src->status = BH_IMG_SRC_SYMBOLIC;
		return;
	}
	const char *s = src->path;
	bool all = strcmp(s, ".") == 0;
	bool glob = has_glob(s);
	size_t slen = strlen(s);
	size_t nmatched = 0;
	for (size_t i = 0; i < bh_ctx_file_count(b->ctx); i++) {
		const bh_file *f = bh_ctx_file(b->ctx, i);
		if (f->excluded) // --exclude / config: not part of what we model
			continue;
		const char *rel = NULL;
		bool file_match = false;
		if (all) {
			rel = f->path;
		} else if (glob) {
			// The shortest prefix of the path that matches decides: a
			// matching directory brings its contents.
			char *buf = bh_xstrdup(f->path);
			for (char *p = buf;; p++) {
				if (*p == '/' || *p == '\0') {
					char saved = *p;
					*p = '\0';
					bool m = fnmatch(s, buf, FNM_PATHNAME) == 0;
					*p = saved;
					if (m) {
						file_match = saved == '\0';
						rel = file_match ? basename_of(f->path)
								 : f->path + (p - buf) + 1;
						break;
					}
					if (!saved)
						break;
				}
			}
			free(buf);
		} else if (strcmp(f->path, s) == 0) {
			file_match = true;
			rel = basename_of(f->path);
		} else if (strncmp(f->path, s, slen) == 0 && f->path[slen] == '/') {
			rel = f->path + slen + 1;
		}
		if (!rel)
			continue;
		nmatched++;
		if (!file_match)
			src->is_dir = true;
		if (!bh_ctx_is_sent(b->ctx, b->dockerfile, f->path)) {
			src->nexcluded++;
			continue;
		}
		if (excluded_by_flag(job->excl, job->nexcl, rel, f->path))
			continue;
		const char *dest;
		if (job->parents)
			dest = join(b->arena, job->dest, f->path);
		else if (file_match && !job->dest_dir)
			dest = bh_img__clean_abs(b->arena, job->dest, false);
		else
			dest = join(b->arena, job->dest, rel);
		place(b, job, dest, BH_IMG_FROM_CONTEXT, bh_arena_strdup(b->arena, f->path), -1, NULL);
		src->nfiles++;
	}
	if (src->nfiles || (nmatched && src->is_dir && !src->nexcluded))
		src->status = BH_IMG_SRC_OK;
	else if (src->nexcluded)
		src->status = BH_IMG_SRC_EXCLUDED;
	else
		src->status = BH_IMG_SRC_MISSING;
}

// Copy paths of an earlier stage; what that stage does not know (its base
// image, unrecognised RUN output) becomes one entry with no `prev`.
static void copy_from_stage(bh_img__builder *b, copy_job *job, bh_img_src *src, int stage)
{
	src->status = BH_IMG_SRC_STAGE;
	if (stage < 0 || (size_t)stage >= b->stages.len) {
		const char *dest = job->dest_dir ? join(b->arena, job->dest, basename_of(src->path))
						 : job->dest;
		place(b, job, dest, BH_IMG_FROM_STAGE, src->path, stage, NULL);
		src->nfiles++;
		return;
	}
	const bh_img_stage *st = &b->stages.items[stage];
	const char *p = src->path;
	bool glob = has_glob(p);
	for (size_t i = 0; i < st->nfiles; i++) {
		const bh_img_file *f = st->files[i];
		const char *dest = NULL;
		if (strcmp(f->path, p) == 0) {
			dest = job->dest_dir ? join(b->arena, job->dest, basename_of(f->path)) : job->dest;
		} else if (under(f->path, p)) {
			src->is_dir = true;
			size_t pl = strcmp(p, "/") == 0 ? 0 : strlen(p);
			dest = join(b->arena, job->dest, f->path + pl + 1);
		} else if (glob && fnmatch(p, f->path, FNM_PATHNAME) == 0) {
			dest = join(b->arena, job->dest, basename_of(f->path));
		}
		if (!dest)
			continue;
		place(b, job, bh_img__clean_abs(b->arena, dest, false), BH_IMG_FROM_STAGE, f->path,
		      stage, f);
		src->nfiles++;
	}
	if (!src->nfiles) {
		const char *dest = job->dest_dir ? join(b->arena, job->dest, basename_of(p)) : job->dest;
		place(b, job, bh_img__clean_abs(b->arena, dest, false), BH_IMG_FROM_STAGE, p, stage,
		      NULL);
		src->nfiles++;
	}
}

static const bh_df_heredoc *heredoc_named(const bh_df_instr *in, const char *word)
{
	const char *q = word;
	while (*q >= '0' && *q <= '9')
		q++;
	if (q[0] != '<' || q[1] != '<')
		return NULL;
	q += 2;
	if (*q == '-')
		q++;
	for (size_t i = 0; i < in->nheredocs; i++) {
		size_t n = strlen(in->heredocs[i].word);
		const char *w = q;
		if (*w == '"' || *w == '\'')
			w++;
		if (strncmp(w, in->heredocs[i].word, n) == 0)
			return &in->heredocs[i];
	}
	return NULL;
}

static void process_copy(bh_img__builder *b, const bh_df_instr *in)
{
	bh_img__stage_work *w = &b->cur;
	bh_img_copy *cp = bh_vec_grow_one(&b->copies);
	cp->instr = in;
	cp->stage = w->st.index;
	cp->from_stage = -1;
	if (in->nargs < 2)
		return;
	copy_job job = { .in = in };
	const bh_df_flag *ff = bh_df_flag_get(in, "from");
	const bh_df_flag *fm = bh_df_flag_get(in, "chmod");
	job.parents = bh_df_flag_get(in, "parents") != NULL;
	if (fm && fm->value)
		job.mode = expand(b, fm->value, &w->vars, NULL);
	BH_VEC(const char *) excl = { 0 };
	for (size_t i = 0; i < in->nflags; i++)
		if (strcmp(in->flags[i].name, "exclude") == 0 && in->flags[i].value)
			bh_vec_push(&excl, expand(b, in->flags[i].value, &w->vars, NULL));
	FREEZE(b->arena, excl, job.excl, job.nexcl);
	bh_vec_dispose(&excl);
	bool from_image = false;
	if (ff && ff->value) {
		cp->from = expand(b, ff->value, &w->vars, NULL);
		cp->from_stage = find_stage_name(b, cp->from);
		if (cp->from_stage == w->st.index)
			cp->from_self = true;
		else if (cp->from_stage < 0) {
			from_image = true;
			cp->from_undefined = !strpbrk(cp->from, ":/@.$");
		} else if (cp->from_stage > w->st.index) {
			cp->from_undefined = false; // a later stage: allowed by BuildKit, no files known
		}
	}
	size_t nsrc = in->nargs - 1;
	bool unknown = false;
	const char *dest = expand(b, in->args[nsrc], &w->vars, &unknown);
	size_t dl = strlen(dest);
	job.dest_dir = (dl && dest[dl - 1] == '/') || nsrc > 1 || job.parents;
	cp->dest = bh_img__resolve(b->arena, w->st.workdir, dest);
	job.dest = cp->dest;
	// `.`, `..` and a path that is already a directory of the stage (the
	// WORKDIR, or where earlier files went) are directories too, as Docker
	// copies into an existing directory.
	if (!job.dest_dir) {
		const bh_img_file **below;
		bool dots = strcmp(dest, ".") == 0 || strcmp(dest, "..") == 0 ||
			    (dl >= 2 && strcmp(dest + dl - 2, "/.") == 0) ||
			    (dl >= 3 && strcmp(dest + dl - 3, "/..") == 0);
		job.dest_dir = dots || strcmp(cp->dest, w->st.workdir) == 0 ||
			       bh_img__find_files(b, &below, cp->dest, true) >
				       bh_img__find_files(b, &below, cp->dest, false);
	}
	cp->srcs = bh_arena_alloc(b->arena, nsrc * sizeof(*cp->srcs));
	cp->nsrcs = nsrc;
	for (size_t i = 0; i < nsrc; i++) {
		bh_img_src *src = &cp->srcs[i];
		const bh_df_heredoc *hd = heredoc_named(in, in->args[i]);
		if (hd) {
			src->path = hd->word;
			src->status = BH_IMG_SRC_HEREDOC;
			const char *d = job.dest_dir ? join(b->arena, job.dest, hd->word) : job.dest;
			place(b, &job, d, BH_IMG_FROM_HEREDOC, hd->word, -1, NULL);
			src->nfiles = 1;
			continue;
		}
		bool sym = false;
		const char *s = expand(b, in->args[i], &w->vars, &sym);
		if (has_glob(s))
			job.dest_dir = true;
		if (in->kind == BH_DF_ADD && is_url(s) && !ff) {
			src->path = s;
			src->status = BH_IMG_SRC_URL;
			const char *name = basename_of(s);
			const char *d = job.dest_dir || !*name ? join(b->arena, job.dest, *name ? name : "download")
							       : job.dest;
			place(b, &job, d, BH_IMG_FROM_URL, s, -1, NULL);
			src->nfiles = 1;
			continue;
		}
		if (cp->from_stage >= 0 || from_image) {
			src->path = bh_img__clean_abs(b->arena, s, false);
			if (from_image) {
				src->status = BH_IMG_SRC_STAGE;
				const char *d = job.dest_dir ? join(b->arena, job.dest, basename_of(src->path))
							     : job.dest;
				place(b, &job, d, BH_IMG_FROM_IMAGE,
				      bh_arena_sprintf(b->arena, "%s:%s", cp->from, src->path), -1, NULL);
				src->nfiles = 1;
			} else {
				copy_from_stage(b, &job, src, cp->from_self ? -1 : cp->from_stage);
			}
			continue;
		}
		src->path = clean_context_path(b->arena, s);
		if (sym) {
			src->status = BH_IMG_SRC_SYMBOLIC;
			continue;
		}
		copy_from_context(b, &job, src);
	}
	FREEZE(b->arena, job.made, cp->files, cp->nfiles);
	bh_vec_dispose(&job.made);
	if (cp->from_stage >= 0 && cp->from_stage != w->st.index) {
		bool seen = false;
		for (size_t i = 0; i < w->deps.len; i++)
			seen = seen || w->deps.items[i] == cp->from_stage;
		if (!seen)
			bh_vec_push(&w->deps, cp->from_stage);
	}
}

// -------------------------------------------------------------------- RUN

// mount = key "=" value ( "," key "=" value )*
static void parse_mount(bh_img__builder *b, const char *spec, bh_img_secret *out, bool *is_secret)
{
	char *s = bh_arena_strdup(b->arena, spec);
	const char *type = "bind";
	memset(out, 0, sizeof(*out));
	for (char *tok = s; tok && *tok;) {
		char *comma = strchr(tok, ',');
		if (comma)
			*comma = '\0';
		char *eq = strchr(tok, '=');
		const char *val = eq ? eq + 1 : "";
		if (eq)
			*eq = '\0';
		if (strcmp(tok, "type") == 0)
			type = val;
		else if (strcmp(tok, "id") == 0)
			out->id = val;
		else if (strcmp(tok, "target") == 0 || strcmp(tok, "dst") == 0 ||
			 strcmp(tok, "destination") == 0)
			out->target = val;
		else if (strcmp(tok, "env") == 0)
			out->env = val;
		tok = comma ? comma + 1 : NULL;
	}
	out->type = type;
	*is_secret = strcmp(type, "secret") == 0 || strcmp(type, "ssh") == 0;
	if (*is_secret && !out->target && strcmp(type, "secret") == 0 && !out->env)
		out->target = bh_arena_sprintf(b->arena, "/run/secrets/%s", out->id ? out->id : "");
}

static bool is_shell_name(const char *a0)
{
	const char *n = bh_sh_basename(a0);
	return strcmp(n, "sh") == 0 || strcmp(n, "bash") == 0 || strcmp(n, "dash") == 0 ||
	       strcmp(n, "ash") == 0 || strcmp(n, "zsh") == 0 || strcmp(n, "ksh") == 0;
}

// A heredoc script starting with a shebang for another interpreter is not
// shell code.
static bool is_shell_script(const char *body)
{
	if (strncmp(body, "#!", 2) != 0)
		return true;
	const char *nl = strchr(body, '\n');
	size_t n = nl ? (size_t)(nl - body) : strlen(body);
	char *line = bh_xstrndup(body, n);
	bool sh = strstr(line, "sh") != NULL && !strstr(line, "python") && !strstr(line, "perl");
	free(line);
	return sh;
}

// `RUN <<EOF` or `RUN <<EOF bash -e`: the heredoc is the script (BuildKit
// runs a bare heredoc as the script; a shell reading it from stdin does
// the same).
static bool heredoc_is_script(const bh_df_instr *in, bh_arena *arena, char escape)
{
	const char **words;
	size_t n = bh_df_split_words(&words, arena, in->args_text, escape);
	size_t markers = 0;
	bool shell_seen = false;
	for (size_t i = 0; i < n; i++) {
		if (heredoc_named(in, words[i]))
			markers++;
		else if (!shell_seen && is_shell_name(words[i]))
			shell_seen = true;
		else if (!(shell_seen && words[i][0] == '-' && words[i][1] != 'c'))
			return false;
	}
	return markers == 1 || (markers > 0 && !shell_seen);
}

static void process_run(bh_img__builder *b, const bh_df_instr *in)
{
	bh_img__stage_work *w = &b->cur;
	size_t index = b->runs.len;
	bh_img_run *run = bh_vec_grow_one(&b->runs);
	run->instr = in;
	run->stage = w->st.index;
	run->cwd = w->st.workdir;
	run->body_off = SIZE_MAX;
	BH_VEC(bh_img_secret) secrets = { 0 };
	for (size_t i = 0; i < in->nflags; i++) {
		const bh_df_flag *f = &in->flags[i];
		if (!f->value)
			continue;
		if (strcmp(f->name, "mount") == 0) {
			bh_img_secret m;
			bool is_secret;
			parse_mount(b, expand(b, f->value, &w->vars, NULL), &m, &is_secret);
			if (is_secret)
				bh_vec_push(&secrets, m);
		} else if (strcmp(f->name, "network") == 0) {
			run->network = expand(b, f->value, &w->vars, NULL);
		} else if (strcmp(f->name, "security") == 0) {
			run->security = expand(b, f->value, &w->vars, NULL);
		}
	}
	FREEZE(b->arena, secrets, run->secrets, run->nsecrets);
	bh_vec_dispose(&secrets);
	if (in->bad && !in->nargs)
		return;
	if (in->exec_form) {
		if (in->nargs >= 3 && is_shell_name(in->args[0]) && strcmp(in->args[1], "-c") == 0) {
			run->text = in->args[2];
			run->arg_off = 0;
		} else {
			// Exec form: the argv is the command, no shell involved.
			bh_sh_script *sc = bh_arena_alloc(b->arena, sizeof(*sc));
			sc->cmds = bh_arena_alloc(b->arena, sizeof(*sc->cmds));
			sc->ncmds = in->nargs ? 1 : 0;
			sc->cmds[0].argv = in->args;
			sc->cmds[0].argc = in->nargs;
			sc->cmds[0].pipeline = -1;
			sc->cmds[0].parent = -1;
			sc->cmds[0].assigns = bh_arena_alloc(b->arena, sizeof(bh_sh_assign));
			run->script = sc;
			bh_img__recognise_builds(b, index);
			return;
		}
	} else if (in->nheredocs && heredoc_is_script(in, b->arena, b->df->escape)) {
		// `RUN <<EOF`: BuildKit runs the body as the script.
		if (!is_shell_script(in->heredocs[0].body))
			return;
		run->text = in->heredocs[0].body;
		run->body_off = 0;
		run->body_line = in->heredocs[0].line;
	} else if (in->nheredocs) {
		// `RUN cmd <<EOF`: the line and the bodies go to the shell together.
		size_t cap = strlen(in->args_text) + 2;
		for (size_t i = 0; i < in->nheredocs; i++)
			cap += strlen(in->heredocs[i].body) + strlen(in->heredocs[i].word) + 2;
		char *t = bh_arena_alloc(b->arena, cap);
		size_t n = (size_t)sprintf(t, "%s\n", in->args_text);
		run->body_off = n;
		run->body_line = in->heredocs[0].line;
		for (size_t i = 0; i < in->nheredocs; i++)
			n += (size_t)sprintf(t + n, "%s%s\n", in->heredocs[i].body, in->heredocs[i].word);
		run->text = t;
		run->arg_off = (size_t)(in->args_text - in->text);
	} else {
		run->text = in->args_text;
		run->arg_off = (size_t)(in->args_text - in->text);
	}
	bh_sh_parse(&run->script, b->arena, run->text, strlen(run->text));
	if (run->script && run->script->truncated)
		bh_diag_add(b->diags, BH_LEVEL_NOTE, "img.shell-truncated", b->dockerfile, in->loc.line, in->loc.col,
			    "this RUN's shell is too large or nested too deeply: only part of it is "
			    "analysed");
	bh_img__recognise_builds(b, index);
}

// ---------------------------------------------------------- other instrs

static int root_user(const char *user, bool unknown)
{
	if (unknown)
		return -1;
	size_t n = strcspn(user, ":");
	if ((n == 4 && strncmp(user, "root", 4) == 0) || (n == 1 && user[0] == '0'))
		return 1;
	// "00" or "0000" are uid 0 as well.
	bool zeros = n > 0;
	for (size_t i = 0; i < n; i++)
		zeros = zeros && user[i] == '0';
	return zeros ? 1 : 0;
}

static const char **shell_form(bh_img__builder *b, const char *text, size_t *n)
{
	bh_img__stage_work *w = &b->cur;
	const char **argv = bh_arena_alloc(b->arena, (w->nshell + 2) * sizeof(*argv));
	for (size_t i = 0; i < w->nshell; i++)
		argv[i] = w->shell[i];
	argv[w->nshell] = text;
	*n = w->nshell + 1;
	return argv;
}

// The command of an ENTRYPOINT or CMD as Docker stores it: the exec form's
// words, or the shell form run by the stage's SHELL.
static void command_of(bh_img__builder *b, const bh_df_instr *in, const char ***argv, size_t *n)
{
	if (in->exec_form) {
		*argv = in->args;
		*n = in->nargs;
	} else if (in->nargs) {
		*argv = shell_form(b, in->args[0], n);
	}
}

static void process_instr(bh_img__builder *b, const bh_df_instr *in)
{
	bh_img__stage_work *w = &b->cur;
	bh_img_stage *st = &w->st;
	switch (in->kind) {
	case BH_DF_ARG:
		for (size_t i = 0; i < in->nkvs; i++) {
			const char *name = in->kvs[i].key;
			bool in_env = false;
			bh_df_vars_get(&w->env, name, &in_env);
			if (in_env)
				continue; // ENV wins over ARG
			bool unknown = false;
			const char *v = NULL;
			if (in->kvs[i].value) {
				v = expand(b, in->kvs[i].value, &w->vars, &unknown);
				if (unknown)
					v = NULL;
			} else {
				v = bh_df_vars_get(&b->globals, name, NULL);
			}
			set_var(b, &w->vars, name, v);
		}
		break;
	case BH_DF_ENV:
		for (size_t i = 0; i < in->nkvs; i++) {
			bool unknown = false;
			const char *v = expand(b, in->kvs[i].value ? in->kvs[i].value : "", &w->vars,
					       &unknown);
			set_var(b, &w->env, in->kvs[i].key, v);
			set_var(b, &w->vars, in->kvs[i].key, v);
		}
		break;
	case BH_DF_WORKDIR:
		if (in->nargs) {
			const char *p = expand(b, in->args[0], &w->vars, NULL);
			if (p[0] == '/') {
				w->workdir_absolute = true;
			} else if (!w->workdir_absolute && !st->relative_workdir) {
				st->relative_workdir = in;
			}
			st->workdir = bh_img__resolve(b->arena, st->workdir, p);
		}
		break;
	case BH_DF_USER:
		if (in->nargs) {
			bool unknown = false;
			st->user = expand(b, in->args[0], &w->vars, &unknown);
			st->user_instr = in;
			st->user_root = root_user(st->user, unknown);
		}
		break;
	case BH_DF_EXPOSE:
		for (size_t i = 0; i < in->nargs; i++) {
			bh_vec_push(&w->ports, expand(b, in->args[i], &w->vars, NULL));
			bh_vec_push(&w->expose, in);
		}
		break;
	case BH_DF_ENTRYPOINT:
		command_of(b, in, &st->entrypoint, &st->nentrypoint);
		st->entrypoint_shell = !in->exec_form;
		// A shell-form ENTRYPOINT ignores CMD; and a new ENTRYPOINT drops
		// the CMD inherited from the base.
		if (!in->exec_form || !w->cmd_here) {
			st->cmd = NULL;
			st->ncmd = 0;
		}
		break;
	case BH_DF_CMD:
		command_of(b, in, &st->cmd, &st->ncmd);
		w->cmd_here = true;
		break;
	case BH_DF_HEALTHCHECK:
		st->healthcheck = in;
		st->healthcheck_none = in->healthcheck_none;
		break;
	case BH_DF_SHELL:
		if (in->exec_form && in->nargs) {
			w->shell = in->args;
			w->nshell = in->nargs;
		}
		break;
	case BH_DF_COPY:
	case BH_DF_ADD:
		process_copy(b, in);
		break;
	case BH_DF_RUN:
		process_run(b, in);
		break;
	default:
		break;
	}
}

// ------------------------------------------------------------------ driver

static void mark_target(bh_img *img)
{
	if (img->target < 0)
		return;
	int *queue = bh_xmalloc((img->nstages + 1) * sizeof(*queue));
	size_t head = 0, tail = 0;
	queue[tail++] = img->target;
	img->stages[img->target].in_target = true;
	img->stages[img->target].is_target = true;
	while (head < tail) {
		bh_img_stage *st = &img->stages[queue[head++]];
		for (size_t i = 0; i <= st->ndeps; i++) {
			int d = i < st->ndeps ? st->deps[i] : st->base_stage;
			if (d < 0 || (size_t)d >= img->nstages || img->stages[d].in_target)
				continue;
			img->stages[d].in_target = true;
			queue[tail++] = d;
		}
	}
	free(queue);
	// The target's layers include those of every stage it is built FROM.
	for (int s = img->target, guard = 0; s >= 0 && guard < 10000; guard++) {
		img->stages[s].layers_in_target = true;
		s = img->stages[s].base_stage;
	}
}

bh_status bh_img_build(bh_img **out, bh_arena *arena, bh_ctx *ctx, const char *dockerfile,
		       const bh_df_file *df, const bh_img_options *opts, bh_diags *diags)
{
	bh_img *img = bh_arena_alloc(arena, sizeof(*img));
	img->dockerfile = bh_arena_strdup(arena, dockerfile);
	img->df = df;
	img->target = -1;
	bh_img__builder b = { .arena = arena, .ctx = ctx, .dockerfile = img->dockerfile,
			      .df = df, .diags = diags, .img = img };
	b.max_files = opts && opts->max_files ? opts->max_files : DEFAULT_MAX_FILES;
	b.compdb = opts ? opts->compdb : NULL;

	// Pre-pass: stage names, so that COPY --from can name any stage.
	BH_VEC(const char *) names = { 0 };
	for (size_t i = 0; i < df->ninstrs; i++)
		if (df->instrs[i].kind == BH_DF_FROM)
			bh_vec_push(&names, df->instrs[i].nargs == 3
				    ? lower(arena, df->instrs[i].args[2]) : NULL);
	FREEZE(arena, names, b.stage_names, b.nstage_names);
	bh_vec_dispose(&names);
	index_stage_names(&b);

	for (size_t i = 0; i < df->ninstrs; i++) {
		const bh_df_instr *in = &df->instrs[i];
		if (in->kind == BH_DF_FROM) {
			begin_stage(&b, in, i);
			continue;
		}
		if (!b.in_stage) {
			// Only ARG may come before the first FROM.
			if (in->kind == BH_DF_ARG)
				for (size_t k = 0; k < in->nkvs; k++) {
					bool unknown = false;
					const char *v = in->kvs[k].value
						? expand(&b, in->kvs[k].value, &b.globals, &unknown) : NULL;
					set_var(&b, &b.globals, in->kvs[k].key, unknown ? NULL : v);
				}
			continue;
		}
		b.cur.st.ninstr = i - b.cur.st.first_instr + 1;
		process_instr(&b, in);
	}
	if (b.in_stage)
		b.cur.st.ninstr = df->ninstrs - b.cur.st.first_instr;
	finish_stage(&b);

	FREEZE(arena, b.stages, img->stages, img->nstages);
	FREEZE(arena, b.copies, img->copies, img->ncopies);
	FREEZE(arena, b.runs, img->runs, img->nruns);
	FREEZE(arena, b.builds, img->builds, img->nbuilds);
	FREEZE(arena, b.globals, img->global_args, img->nglobal_args);
	bh_vec_dispose(&b.stages);
	bh_vec_dispose(&b.copies);
	bh_vec_dispose(&b.runs);
	bh_vec_dispose(&b.builds);
	bh_vec_dispose(&b.globals);
	bh_vec_dispose(&b.configured);
	img->truncated = b.truncated;

	if (img->nstages) {
		img->target = (int)img->nstages - 1;
		if (opts && opts->target) {
			img->target_name = bh_arena_strdup(arena, opts->target);
			int t = bh_img_stage_find(img, opts->target);
			if (t < 0)
				bh_diag_add(diags, BH_LEVEL_ERROR, "img.unknown-target", img->dockerfile,
					    0, 0, "target stage '%s' is not defined; the last stage "
					    "is used", opts->target);
			else
				img->target = t;
		}
	}
	mark_target(img);
	bh_img__find_artifacts(img, arena);
	*out = img;
	return BH_OK;
}
