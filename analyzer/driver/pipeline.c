// SPDX-License-Identifier: MIT
// The pipeline: the one function that runs every stage over a build context,
// in order. Each stage reads the previous one's output through the public
// types of include/bulkhead/ only.
//
//   config -> context walk -> result cache (scan_cache.c: a stored result
//   of the same inputs skips to the report stages; else units whose files
//   are unchanged are read back instead of parsed) -> compile database ->
//   Dockerfiles, image model, Dockerfile rules -> C units (flags from the
//   database, else inferred from Makefiles and Dockerfile compiler lines)
//   -> libclang + C rules + IR of every function -> taint analysis and
//   memory checkers over the whole program
//   -> tree-sitter-c fast path (C files libclang did not cover, #defines)
//   -> secret scan -> one owner per secret -> restrict to requested files
//   -> order, fingerprint -> inline suppressions -> config policy ->
//   baseline -> restrict to changed lines (--diff, --staged)
#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>

#include "bulkhead/arena.h"
#include "bulkhead/clang.h"
#include "bulkhead/diff.h"
#include "bulkhead/disc.h"
#include "bulkhead/fileio.h"
#include "bulkhead/git.h"
#include "bulkhead/hash.h"
#include "bulkhead/img.h"
#include "bulkhead/ignore.h"
#include "bulkhead/scan.h"
#include "bulkhead/secret.h"
#include "bulkhead/mem.h"
#include "bulkhead/call_checks.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/ir_pack.h"
#include "bulkhead/bounds.h"
#include "bulkhead/taint.h"
#include "bulkhead/tsc.h"
#include "bulkhead/text.h"
#include "bulkhead/uninit.h"
#include "driver/analysis_cache.h"
#include "driver/file_results.h"
#include "driver/scan_cache.h"

// The default config sits in the context; it is read only if it is a
// regular file, so a symlink planted there cannot make us read outside.
static void load_config(bh_scan *scan, const bh_scan_options *opts)
{
	if (opts->config_path) {
		bh_config_load(&scan->config, scan->arena, opts->config_path, true, &scan->diags);
		return;
	}
	const char *path = bh_arena_sprintf(scan->arena, "%s/.bulkhead.json",
					    opts->context ? opts->context : ".");
	// lstat() for the diagnostic; the read itself refuses a symlink or a
	// special file swapped in after this look (bh_config_load, not required).
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (!S_ISREG(st.st_mode)) {
		bh_diag_add(&scan->diags, BH_LEVEL_WARNING, "config.not-regular",
			    ".bulkhead.json", 0, 0,
			    "configuration is not a regular file (a symlink?); it was ignored");
		return;
	}
	bh_config_load(&scan->config, scan->arena, path, false, &scan->diags);
}

static bh_status open_context(bh_scan *scan, const bh_scan_options *opts, const char *unlisted)
{
	// Excludes from the command line and from the config both apply.
	size_t n = opts->nexcludes + scan->config.excludes.len;
	const char **globs = bh_arena_alloc(scan->arena, (n + 1) * sizeof(*globs));
	for (size_t i = 0; i < opts->nexcludes; i++)
		globs[i] = opts->excludes[i];
	for (size_t i = 0; i < scan->config.excludes.len; i++)
		globs[opts->nexcludes + i] = scan->config.excludes.items[i];

	bh_ctx_options copts = BH_CTX_OPTIONS_INIT;
	copts.root = opts->context ? opts->context : ".";
	copts.max_file_size = scan->config.max_file_size;
	copts.excludes = globs;
	copts.nexcludes = n;
	copts.unlisted_dir = unlisted;
	copts.flat = opts->flat_context;
	return bh_ctx_open(&scan->ctx, &copts, &scan->diags);
}

// Paths as the user or a tool gave them (absolute, or relative to the
// current directory) made context-relative (arena); NULL for one outside
// the context.
static const char **context_paths(bh_scan *scan, const char *const *paths, size_t n)
{
	const char **rel = bh_arena_alloc(scan->arena, (n + 1) * sizeof(*rel));
	for (size_t i = 0; i < n; i++)
		rel[i] = bh_ctx_relpath(scan->ctx, scan->arena, paths[i]);
	return rel;
}

static bool listed(const char *const *rel, size_t n, const char *path)
{
	for (size_t i = 0; i < n && path; i++)
		if (rel[i] && strcmp(rel[i], path) == 0)
			return true;
	return false;
}

// `-- FILE...`: report only those files, though everything was analysed
// (the rest of the context still informs correlation).
static void restrict_to_files(bh_scan *scan, const bh_scan_options *opts)
{
	if (!opts->nonly_files)
		return;
	const char **wanted = context_paths(scan, opts->only_files, opts->nonly_files);
	for (size_t i = 0; i < opts->nonly_files; i++)
		if (!wanted[i])
			bh_diag_add(&scan->diags, BH_LEVEL_WARNING, "scan.file-outside-context",
				    NULL, 0, 0, "'%s' is not in the build context; nothing is reported for it",
				    opts->only_files[i]);
	size_t out = 0;
	for (size_t i = 0; i < scan->findings.items.len; i++) {
		const bh_finding *fd = &scan->findings.items.items[i];
		if (listed(wanted, opts->nonly_files, fd->loc.path))
			scan->findings.items.items[out++] = *fd;
	}
	scan->findings.items.len = out;
}

// --only-shipped and --min-exposure: findings whose image context says
// they never reach the image, or rank below the bar, are dropped. Without
// a Dockerfile nothing is known of the image, and everything stays.
static void keep_exposed(bh_scan *scan, const bh_scan_options *opts)
{
	if (!opts->only_shipped && opts->min_exposure <= 0)
		return;
	size_t out = 0;
	for (size_t i = 0; i < scan->findings.items.len; i++) {
		const bh_finding *fd = &scan->findings.items.items[i];
		bool keep = !fd->image || ((!opts->only_shipped || fd->image->shipped != BH_IMG_SHIP_NO) &&
					   fd->image->exposure >= opts->min_exposure);
		if (keep)
			scan->findings.items.items[out++] = *fd;
	}
	scan->findings.items.len = out;
}

static void order_by_exposure(bh_scan *scan, const bh_scan_options *opts)
{
	if (opts->sort_by_exposure)
		bh_img_order_by_exposure(&scan->findings);
}

// Whole-program findings from `first` on that fall in a unit analysed
// without database flags say so, as the front end's findings do.
static void note_unit_flags(bh_scan *scan, size_t first, const bh_units *units)
{
	for (size_t i = first; i < scan->findings.items.len; i++) {
		bh_finding *fd = &scan->findings.items.items[i];
		for (size_t u = 0; u < units->len && fd->loc.path; u++)
			if (strcmp(units->items[u].path, fd->loc.path) == 0) {
				fd->note = bh_unit_flags_note(&units->items[u]);
				break;
			}
	}
}

// bh_scan_hash_file as the summaries' callback.
static bool hash_context_file(void *payload, const char *path, char out[33])
{
	return bh_scan_hash_file(payload, path, out);
}

// Whether a unit of a summaries file is this context's file: the same
// path, and the same content when the file recorded it (another project's
// src/main.c is not ours).
static bool is_context_file(void *payload, const char *path, const char *hash)
{
	char now[33];
	if (!hash)
		return bh_ctx_find(((bh_scan *)payload)->ctx, path) != NULL;
	return hash_context_file(payload, path, now) && strcmp(now, hash) == 0;
}

// Summaries from --summaries files, or NULL when none are given.
// Units that are not files of this context are code outside it.
static bh_summaries *read_summaries(bh_scan *scan, const bh_scan_options *opts)
{
	if (!opts->nsummaries)
		return NULL;
	bh_summaries *s = bh_summaries_new();
	for (size_t i = 0; i < opts->nsummaries; i++) {
		char *text;
		size_t len;
		int errnum = 0;
		bh_status st = bh_file_read_path(&text, &len, opts->summaries[i],
						 BH_SUMMARIES_MAX_BYTES, &errnum);
		if (st != BH_OK) {
			bh_diag_add(&scan->diags, BH_LEVEL_ERROR, "summaries.unreadable", opts->summaries[i],
				    0, 0, "cannot read summaries: %s",
				    st == BH_EINVAL ? "too large for a summaries file" : strerror(errnum ? errnum : ENOENT));
			continue;
		}
		bh_summaries_read(s, text, len, opts->summaries[i], &scan->diags);
		free(text);
	}
	bh_summaries_mark_external(s, is_context_file, scan);
	return s;
}

static void write_summaries(bh_scan *scan, const char *path, const bh_summaries *s)
{
	errno = 0;
	FILE *f = fopen(path, "w");
	bool ok = f && bh_summaries_write(s, f) == BH_OK;
	int errnum = errno;
	if (f && fclose(f) != 0 && ok) {
		ok = false;
		errnum = errno;
	}
	if (!ok)
		bh_diag_add(&scan->diags, BH_LEVEL_ERROR, "summaries.write-failed", path, 0, 0,
			    "cannot write summaries: %s", strerror(errnum ? errnum : EIO));
}

// What the interprocedural analyses share: the summaries of functions
// analysed elsewhere (--summaries) and those they write (--write-summaries).
typedef struct {
	const bh_summaries *imported;
	bh_summaries *exported;
} summaries_io;

// --only-units (the LSP server's save of one file): the units of those
// files are parsed, the others are known through their summaries; like a
// shard, they count as covered so the tree-sitter path does not take them.
static void keep_only_units(bh_scan *scan, bh_units *units, const bh_scan_options *opts,
			    bh_clang_files *covered)
{
	if (!opts->nonly_units)
		return;
	const char **wanted = context_paths(scan, opts->only_units, opts->nonly_units);
	size_t kept = 0;
	for (size_t i = 0; i < units->len; i++) {
		if (listed(wanted, opts->nonly_units, units->items[i].path))
			units->items[kept++] = units->items[i];
		else
			bh_vec_push(covered, bh_arena_strdup(scan->arena, units->items[i].path));
	}
	units->len = kept;
}

// --shard K/N: keep every Nth translation unit from the Kth (in path
// order, so that every machine splits alike). The others are another
// shard's: not parsed here, and not scanned by the fast path either
// (`covered`); their functions are known through --summaries.
static void keep_shard(bh_scan *scan, bh_units *units, const bh_scan_options *opts, bh_clang_files *covered)
{
	keep_only_units(scan, units, opts, covered);
	if (opts->nshards < 2)
		return;
	size_t kept = 0, total = units->len;
	for (size_t i = 0; i < total; i++) {
		if (i % opts->nshards == opts->shard - 1)
			units->items[kept++] = units->items[i];
		else
			bh_vec_push(covered, bh_arena_strdup(scan->arena, units->items[i].path));
	}
	units->len = kept;
	bh_diag_add(&scan->diags, BH_LEVEL_NOTE, "scan.shard", NULL, 0, 0,
		    "shard %u of %u: %zu of %zu translation units analysed here", opts->shard, opts->nshards,
		    kept, total);
}

// Bytes of decoded IR nobody holds that the analyses keep: --ir-memory,
// else BULKHEAD_IR_MEMORY (0 allowed: none, as the golden-packed test
// runs), else twice the largest unit's.
static size_t ir_budget(const bh_scan_options *opts)
{
	if (opts->ir_memory)
		return (size_t)opts->ir_memory << 20;
	const char *env = getenv("BULKHEAD_IR_MEMORY");
	if (env) {
		char *end;
		unsigned long long mib = strtoull(env, &end, 10);
		if (end != env && *end == '\0' && mib <= BH_SCAN_MAX_IR_MEMORY)
			return (size_t)mib << 20;
	}
	return BH_IR_BUDGET_AUTO;
}

// The caller's progress callback for the parse stage (bh_clang_options).
static void parse_progress(void *payload, size_t done, size_t total, const char *path)
{
	const bh_scan_options *opts = payload;
	opts->progress(opts->progress_payload, "parse", done, total, path);
}

static void stage_progress(const bh_scan_options *opts, const char *stage, const char *item)
{
	if (opts->progress)
		opts->progress(opts->progress_payload, stage, 0, 0, item);
}

// BULKHEAD_TRACE=1: the time of each stage on stderr, for finding where a
// scan spends it (the LSP server's tiers, a slow project).
typedef struct {
	bool on;
	struct timespec last;
} tracer;

static tracer trace_start(void)
{
	tracer t = { getenv("BULKHEAD_TRACE") != NULL, { 0, 0 } };
	clock_gettime(CLOCK_MONOTONIC, &t.last);
	return t;
}

static void trace(tracer *t, const char *stage)
{
	if (!t->on)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(stderr, "bulkhead: trace: %-10s %8.1f ms\n", stage,
		(double)(now.tv_sec - t->last.tv_sec) * 1e3 + (double)(now.tv_nsec - t->last.tv_nsec) / 1e6);
	t->last = now;
}

// What the analyses reuse of an earlier scan's work (include/bulkhead/
// reuse.h): each one's traces, loaded from the cache and saved back, and
// the identities and digests of the program's functions they check.
typedef struct {
	bh_callgraph_ids ids;
	bh_reuse *mem, *uninit, *calls, *bounds, *taint;
	char mem_key[BH_SCAN_HASH_HEX], uninit_key[BH_SCAN_HASH_HEX], calls_key[BH_SCAN_HASH_HEX],
		bounds_key[BH_SCAN_HASH_HEX], taint_key[BH_SCAN_HASH_HEX];
} reuse_io;

// The taint rules over the whole program: the built-in models and the
// user's own ("taint" in .bulkhead.json).
static bh_status run_taint(bh_scan *scan, const bh_ir_program *program, const bh_callgraph *graph,
			   const bh_units *units, const summaries_io *io, const reuse_io *reuse)
{
	size_t first = scan->findings.items.len;
	bh_taint_models models;
	bh_taint_models_init(&models);
	bh_taint_models_add_builtin(&models, scan->arena, &scan->diags);
	for (size_t i = 0; i < scan->config.taint_models.len; i++)
		bh_taint_models_parse(&models, scan->arena, scan->config.taint_models.items[i],
				      scan->config.path ? scan->config.path : ".bulkhead.json",
				      scan->config.taint_line, &scan->diags);
	bh_taint_options opts = BH_TAINT_OPTIONS_INIT;
	opts.graph = graph;
	opts.imported = io->imported;
	opts.exported = io->exported;
	opts.reuse = reuse->taint;
	opts.ids = &reuse->ids;
	bh_status err = bh_taint_run(program, &models, &opts, &scan->findings, &scan->diags);
	bh_taint_models_dispose(&models);
	note_unit_flags(scan, first, units);
	return err;
}

// The memory checkers over the whole program: built-in models and the
// user's ("memory" in .bulkhead.json).
static bh_status run_mem(bh_scan *scan, const bh_ir_program *program, const bh_callgraph *graph,
			 const bh_units *units, const summaries_io *io, const reuse_io *reuse)
{
	size_t first = scan->findings.items.len;
	bh_mem_models models;
	bh_mem_models_init(&models);
	bh_mem_models_add_builtin(&models, scan->arena, &scan->diags);
	for (size_t i = 0; i < scan->config.memory_models.len; i++)
		bh_mem_models_parse(&models, scan->arena, scan->config.memory_models.items[i],
				    scan->config.path ? scan->config.path : ".bulkhead.json",
				    scan->config.memory_line, &scan->diags);
	bh_mem_options opts = BH_MEM_OPTIONS_INIT;
	opts.graph = graph;
	opts.imported = io->imported;
	opts.exported = io->exported;
	opts.reuse = reuse->mem;
	opts.ids = &reuse->ids;
	bh_status err = bh_mem_run(program, &models, &opts, &scan->findings, &scan->diags);
	bh_mem_models_dispose(&models);
	note_unit_flags(scan, first, units);
	return err;
}

// Reads of uninitialised locals, struct fields and malloc()ed fields, over
// the whole program (summaries carry structs across calls).
static bh_status run_uninit(bh_scan *scan, const bh_ir_program *program, const bh_callgraph *graph,
			    const bh_units *units, const reuse_io *reuse)
{
	size_t first = scan->findings.items.len;
	bh_uninit_options opts = BH_UNINIT_OPTIONS_INIT;
	opts.graph = graph;
	opts.reuse = reuse->uninit;
	opts.ids = &reuse->ids;
	bh_status err = bh_uninit_run(program, &opts, &scan->findings, &scan->diags);
	note_unit_flags(scan, first, units);
	return err;
}

// The call checks over the whole program: results of security-relevant
// calls that are ignored or tested the wrong way, and files checked and
// then used by name (rules/c/calls.models).
static bh_status run_calls(bh_scan *scan, const bh_ir_program *program, const bh_callgraph *graph,
			   const bh_units *units, const reuse_io *reuse)
{
	size_t first = scan->findings.items.len;
	bh_calls_models models;
	bh_calls_models_init(&models);
	bh_calls_models_add_builtin(&models, scan->arena, &scan->diags);
	bh_calls_options opts = BH_CALLS_OPTIONS_INIT;
	opts.graph = graph;
	opts.reuse = reuse->calls;
	opts.ids = &reuse->ids;
	bh_status err = bh_calls_run(program, &models, &opts, &scan->findings, &scan->diags);
	bh_calls_models_dispose(&models);
	note_unit_flags(scan, first, units);
	return err;
}

typedef bh_analysis_fits loc_vec;

// Where the bounds task notes the copies it proved to fit: the places are
// copied, since a replayed proof's live only as long as the run.
typedef struct {
	loc_vec *locs;
	bh_arena *arena;
} fits_note;

static void note_proved_fits(const bh_loc *call, void *payload)
{
	fits_note *n = payload;
	bh_loc at = *call;
	at.path = bh_arena_strdup(n->arena, call->path);
	bh_vec_push(n->locs, at);
}

static bool same_start(const bh_loc *a, const bh_loc *b)
{
	return a->line == b->line && a->col == b->col && a->path && b->path &&
	       strcmp(a->path, b->path) == 0;
}

static bool is_bounds_write(const bh_rule *r)
{
	return r == bh_rule_get(BH_RULE_C_STACK_BUFFER_OVERFLOW) ||
	       r == bh_rule_get(BH_RULE_C_HEAP_BUFFER_OVERFLOW) ||
	       r == bh_rule_get(BH_RULE_C_BUFFER_OVERFLOW);
}

// The bounds checker supersedes the pattern rules for string copies: a
// copy it proved to fit is no finding, and one it proved to overflow is
// its finding, with the sizes; the pattern rules keep what it could not
// decide.
static void supersede_copy_patterns(bh_scan *scan, size_t first, const loc_vec *fits)
{
	bh_findings *fs = &scan->findings;
	const bh_rule *unbounded = bh_rule_get(BH_RULE_C_UNBOUNDED_COPY);
	const bh_rule *literal = bh_rule_get(BH_RULE_C_LITERAL_OVERFLOW);
	size_t out = 0;
	for (size_t i = 0; i < fs->items.len; i++) {
		const bh_finding *fd = &fs->items.items[i];
		bool drop = false;
		if (i < first && (fd->rule == unbounded || fd->rule == literal)) {
			for (size_t j = 0; j < fits->len && !drop; j++)
				drop = fd->rule == unbounded && same_start(&fits->items[j], &fd->loc);
			for (size_t j = first; j < fs->items.len && !drop; j++)
				drop = is_bounds_write(fs->items.items[j].rule) &&
				       same_start(&fs->items.items[j].loc, &fd->loc);
		}
		if (!drop)
			fs->items.items[out++] = *fd;
	}
	fs->items.len = out;
}

// The bounds checker over the whole program; the copies it proved to fit
// go to `fits` (supersede_copy_patterns needs the pattern rules' findings).
static bh_status run_bounds(bh_scan *scan, const bh_ir_program *program, const bh_callgraph *graph,
			    const bh_units *units, const reuse_io *reuse, fits_note *fits)
{
	size_t first = scan->findings.items.len;
	bh_bounds_options opts = BH_BOUNDS_OPTIONS_INIT;
	opts.proved_fits = note_proved_fits;
	opts.payload = fits;
	opts.graph = graph;
	opts.reuse = reuse->bounds;
	opts.ids = &reuse->ids;
	bh_status err = bh_bounds_run(program, &opts, &scan->findings, &scan->diags);
	note_unit_flags(scan, first, units);
	return err;
}

// The whole-program analyses and the tree-sitter-c stage are independent
// tasks over the program and the call graph, which nothing writes any
// more: with more than one job, the main thread and one more take them in
// turn, longest first (redis, a cold scan: taint 0.3 s, bounds 0.35,
// memory 0.35, initialisation 0.17, tree-sitter 0.12, calls 0.09; each
// 10-20 ms when it replays an earlier scan's traces), so that neither
// waits while the other has work. Each task writes a scan
// of its own (a shallow copy: the configuration is shared read-only; the
// arena, findings and diagnostics are its own), joined in a fixed order
// afterwards: the report does not depend on who ran what. Taint and
// memory are one task when they export summaries (one set), and
// tree-sitter runs only when nothing else reads context files meanwhile
// (--write-summaries hashes them; the context's file cache is not shared
// between threads).
typedef enum { TASK_TAINT, TASK_MEM, TASK_UNINIT, TASK_CALLS, TASK_BOUNDS, TASK_TSC, NTASKS } task_kind;

static const char *const task_names[NTASKS] = { "taint", "memory", "initialisation", "calls", "bounds",
						"tree-sitter" };

typedef struct {
	bh_scan local;
	bh_status err;
	bool run;
	bool done;          // under analyses.lock
	double ms;
} task;

typedef struct {
	bh_scan *scan;
	const bh_ir_program *program;
	const bh_callgraph *graph;
	const bh_units *units;
	const bh_tsc_options *tsc;
	const summaries_io *io;
	reuse_io *reuse;
	bh_scan_cache *cache;
	bool together;       // taint runs memory too
	loc_vec fits;
	fits_note fits_to;   // the bounds task's way into `fits`
	task tasks[NTASKS];
	task_kind order[NTASKS];
	size_t ntasks;
	size_t next;         // the next of `order` to take (atomic)
	// Taint, the longest, starts as soon as its own traces are read; the
	// main thread reads the others' meanwhile (`ready` once it has), and
	// saves each analysis' traces as soon as its task is `done`.
	pthread_mutex_t lock;
	pthread_cond_t changed;
	bool ready;
} analyses;

static void wait_ready(analyses *a)
{
	pthread_mutex_lock(&a->lock);
	while (!a->ready)
		pthread_cond_wait(&a->changed, &a->lock);
	pthread_mutex_unlock(&a->lock);
}

static void set_ready(analyses *a)
{
	pthread_mutex_lock(&a->lock);
	a->ready = true;
	pthread_cond_broadcast(&a->changed);
	pthread_mutex_unlock(&a->lock);
}

static void wait_done(analyses *a, const task *t)
{
	pthread_mutex_lock(&a->lock);
	while (!t->done)
		pthread_cond_wait(&a->changed, &a->lock);
	pthread_mutex_unlock(&a->lock);
}

static bh_status run_task(analyses *a, task_kind k)
{
	bh_scan *s = &a->tasks[k].local;
	switch (k) {
	case TASK_TAINT: {
		// Its own traces are loaded first (the others' while it runs).
		bh_status err = run_taint(s, a->program, a->graph, a->units, a->io, a->reuse);
		if (err < 0 || !a->together)
			return err;
		wait_ready(a);
		return run_mem(s, a->program, a->graph, a->units, a->io, a->reuse);
	}
	case TASK_MEM:
		return run_mem(s, a->program, a->graph, a->units, a->io, a->reuse);
	case TASK_UNINIT:
		return run_uninit(s, a->program, a->graph, a->units, a->reuse);
	case TASK_CALLS:
		return run_calls(s, a->program, a->graph, a->units, a->reuse);
	case TASK_BOUNDS:
		return run_bounds(s, a->program, a->graph, a->units, a->reuse, &a->fits_to);
	default:
		return bh_tsc_scan(s->ctx, a->tsc, &s->findings, &s->diags);
	}
}

static void *take_tasks(void *data)
{
	analyses *a = data;
	for (;;) {
		size_t i = __atomic_fetch_add(&a->next, 1, __ATOMIC_RELAXED);
		if (i >= a->ntasks)
			return NULL;
		task *t = &a->tasks[a->order[i]];
		if (a->order[i] != TASK_TAINT)
			wait_ready(a);
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		t->err = run_task(a, a->order[i]);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		t->ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		pthread_mutex_lock(&a->lock);
		t->done = true;
		pthread_cond_broadcast(&a->changed);
		pthread_mutex_unlock(&a->lock);
	}
}

static void analyses_init(analyses *a, bh_scan *scan, const bh_ir_program *program, const bh_callgraph *graph,
			  const bh_units *units, const bh_tsc_options *tsc, const summaries_io *io, reuse_io *reuse,
			  bh_scan_cache *cache)
{
	memset(a, 0, sizeof(*a));
	*a = (analyses){ .scan = scan, .program = program, .graph = graph, .units = units, .tsc = tsc,
			 .io = io, .reuse = reuse, .cache = cache, .together = io->exported != NULL };
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->changed, NULL);
	a->fits_to = (fits_note){ &a->fits, bh_arena_new() };
	// Longest first (see above).
	static const task_kind by_length[] = { TASK_TAINT, TASK_BOUNDS, TASK_MEM, TASK_UNINIT, TASK_TSC, TASK_CALLS };
	for (size_t i = 0; i < NTASKS; i++) {
		task_kind k = by_length[i];
		if ((k == TASK_MEM && a->together) || (k == TASK_TSC && !tsc))
			continue;
		a->order[a->ntasks++] = k;
		task *t = &a->tasks[k];
		t->run = true;
		t->local = *scan;
		t->local.arena = bh_arena_new();
		bh_findings_init(&t->local.findings, t->local.arena);
		bh_diags_init(&t->local.diags, t->local.arena);
	}
}

// Store what the analyses found (every task's but tree-sitter's, in
// order) and the bounds proofs.
static void store_analyses(analyses *a, const char *key)
{
	bh_findings findings;
	bh_findings_init(&findings, a->scan->arena);
	bh_diags diags;
	bh_diags_init(&diags, a->scan->arena);
	for (task_kind k = 0; k < TASK_TSC; k++) {
		const task *t = &a->tasks[k];
		for (size_t i = 0; t->run && i < t->local.findings.items.len; i++)
			bh_vec_push(&findings.items, t->local.findings.items.items[i]);
		for (size_t i = 0; t->run && i < t->local.diags.items.len; i++)
			bh_vec_push(&diags.items, t->local.diags.items.items[i]);
	}
	bh_analysis_cache_store(a->cache, key, &findings, &diags, &a->fits);
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
}

// Join the tasks' findings and diagnostics in task order (the order one
// thread makes), then let the bounds proofs supersede the pattern rules.
// The first error, in task order.
static bh_status analyses_join(analyses *a, tracer *tr)
{
	bh_scan *scan = a->scan;
	size_t first = scan->findings.items.len;
	bh_status err = BH_OK;
	for (task_kind k = 0; k < NTASKS; k++) {
		task *t = &a->tasks[k];
		if (!t->run)
			continue;
		if (tr->on)
			fprintf(stderr, "bulkhead: trace:   %-15s %8.1f ms\n", task_names[k], t->ms);
		if (err >= 0 && t->err < 0)
			err = t->err;
		bh_findings_append(&scan->findings, &t->local.findings);
		bh_diags_append(&scan->diags, &t->local.diags);
		bh_findings_dispose(&t->local.findings);
		bh_diags_dispose(&t->local.diags);
		bh_arena_free(t->local.arena);
	}
	supersede_copy_patterns(scan, first, &a->fits);
	bh_vec_dispose(&a->fits);
	bh_arena_free(a->fits_to.arena);
	pthread_mutex_destroy(&a->lock);
	pthread_cond_destroy(&a->changed);
	return err;
}

// Save an analysis' traces for the next scan (after a complete run).
static void save_traces(bh_scan_cache *cache, const bh_reuse *r, const char *key, const char *analysis,
			tracer *tr)
{
	if (!r)
		return;
	bh_analysis_cache_save_traces(cache, key, r);
	if (tr->on) {
		size_t replayed, analysed;
		bh_reuse_counts(r, &replayed, &analysed);
		fprintf(stderr, "bulkhead: trace: %s: %zu components replayed, %zu analysed\n", analysis, replayed,
			analysed);
	}
	trace(tr, "traces saved");
}

// Whether the analyses' results are a function of this scan's IR alone:
// not when they read summaries of units this scan does not parse (other
// shards', the rest of the project at an editor's save of one file).
// Their traces are kept then, even when they must make summaries.
static bool analyses_own(const bh_scan_options *opts)
{
	return !opts->nsummaries && !opts->summaries_in && !opts->nonly_units && opts->nshards < 2;
}

// Whether their whole result may be taken from the cache: not when they
// must make summaries too.
static bool analyses_reusable(const bh_scan_options *opts)
{
	return analyses_own(opts) && !opts->write_summaries && !opts->summaries_out;
}

// The analyses of a program whose IR an earlier scan analysed: their
// stored findings, then tree-sitter's (the order a run makes), then the
// stored bounds proofs supersede the pattern rules. false on a miss.
static bool replay_analyses(bh_scan *scan, bh_scan_cache *cache, const char *key, const bh_tsc_options *tsc,
			    bh_status *err)
{
	size_t first = scan->findings.items.len;
	loc_vec fits = { 0 };
	if (!bh_analysis_cache_load(cache, key, scan, &fits))
		return false;
	*err = tsc ? bh_tsc_scan(scan->ctx, tsc, &scan->findings, &scan->diags) : BH_OK;
	supersede_copy_patterns(scan, first, &fits);
	bh_vec_dispose(&fits);
	return true;
}

// Every analysis over the whole program, with `jobs` threads (one or two);
// `tsc`: the tree-sitter-c stage too, or NULL. A program whose IR the
// cache has seen takes the analyses' results from it.
static bh_status run_analyses(bh_scan *scan, const bh_scan_options *opts, const bh_ir_program *program,
			      const bh_units *units, const bh_tsc_options *tsc, bh_scan_cache *cache, tracer *tr)
{
	char key[BH_SCAN_HASH_HEX];
	bool keyed = analyses_reusable(opts) && bh_analysis_cache_key(cache, scan, units, key);
	bh_status replayed = BH_OK;
	if (keyed && replay_analyses(scan, cache, key, tsc, &replayed)) {
		trace(tr, "analyses from the cache, tree-sitter");
		return replayed;
	}
	// One call graph for all the analyses: resolving indirect calls
	// and keeping the graph acyclic is a pass over the whole program.
	bh_callgraph graph;
	bh_callgraph_build(&graph, program);
	trace(tr, "call graph");
	bh_summaries *imported = read_summaries(scan, opts);
	summaries_io io = { imported ? imported : opts->summaries_in,
			    opts->write_summaries || opts->summaries_out ? bh_summaries_new() : NULL };
	trace(tr, "summaries");
	reuse_io reuse = { 0 };
	// Taint's traces and the functions' identities first: the taint task
	// starts with them, the others' traces are read while it runs.
	// (The cache gives every analysis' traces or none.)
	bool traced = analyses_own(opts);
	if (traced && (reuse.taint = bh_analysis_cache_traces(cache, scan, "taint", reuse.taint_key))) {
		trace(tr, "taint traces");
		bh_callgraph_identify(&graph, scan->arena, &reuse.ids);
		trace(tr, "identify");
	}
	analyses a;
	analyses_init(&a, scan, program, &graph, units, tsc, &io, &reuse, cache);
	pthread_t thread;
	bool parallel = bh_jobs_or_cores(opts->jobs) > 1 && pthread_create(&thread, NULL, take_tasks, &a) == 0;
	stage_progress(opts, "analyse",
		       tsc ? "taint, memory, initialisation, calls, bounds, tree-sitter"
			   : "taint, memory, initialisation, calls, bounds");
	if (reuse.taint) {
		reuse.mem = bh_analysis_cache_traces(cache, scan, "memory", reuse.mem_key);
		reuse.uninit = bh_analysis_cache_traces(cache, scan, "initialisation", reuse.uninit_key);
		reuse.calls = bh_analysis_cache_traces(cache, scan, "calls", reuse.calls_key);
		reuse.bounds = bh_analysis_cache_traces(cache, scan, "bounds", reuse.bounds_key);
		trace(tr, "traces read");
	}
	set_ready(&a);
	take_tasks(&a);
	// Each analysis' traces, once its run is complete.
	const struct {
		task_kind task;
		bh_reuse *reuse;
		const char *key, *name;
	} saved[] = { { a.together ? TASK_TAINT : TASK_MEM, reuse.mem, reuse.mem_key, "memory" },
		       { TASK_UNINIT, reuse.uninit, reuse.uninit_key, "initialisation" },
		       { TASK_CALLS, reuse.calls, reuse.calls_key, "calls" },
		       { TASK_BOUNDS, reuse.bounds, reuse.bounds_key, "bounds" },
		       { TASK_TAINT, reuse.taint, reuse.taint_key, "taint" } }; // (the longest, last)
	for (size_t k = 0; k < BH_ARRAY_LEN(saved); k++) {
		const task *t = &a.tasks[saved[k].task];
		if (!saved[k].reuse || !t->run)
			continue;
		wait_done(&a, t);
		if (t->err >= 0)
			save_traces(cache, saved[k].reuse, saved[k].key, saved[k].name, tr);
	}
	if (parallel)
		pthread_join(thread, NULL);
	trace(tr, "analyses");
	bh_status err = BH_OK;
	for (task_kind k = 0; k < NTASKS && err >= 0; k++)
		if (a.tasks[k].run && a.tasks[k].err < 0)
			err = a.tasks[k].err;
	bh_reuse_free(reuse.mem);
	bh_reuse_free(reuse.uninit);
	bh_reuse_free(reuse.calls);
	bh_reuse_free(reuse.bounds);
	bh_reuse_free(reuse.taint);
	if (err >= 0 && io.exported && opts->write_summaries) {
		bh_summaries_hash_units(io.exported, hash_context_file, scan);
		write_summaries(scan, opts->write_summaries, io.exported);
		trace(tr, "write-sums");
	}
	if (err >= 0 && opts->summaries_out) {
		*opts->summaries_out = io.exported;
		io.exported = NULL;
	}
	bh_summaries_free(io.exported);
	bh_summaries_free(imported);
	if (keyed && err >= 0)
		store_analyses(&a, key);
	err = analyses_join(&a, tr);
	bh_callgraph_dispose(&graph);
	return err;
}

// One owner per secret: a literal secret in a Dockerfile ARG or ENV is
// docker.secret-in-arg-env's finding (it says which stage keeps it and
// where the image records it, and names the secret rule that recognised
// the value); the secret scanner's finding on the same instruction would
// only repeat it.
static void drop_secrets_owned_by_dockerfile_rules(bh_scan *scan)
{
	bh_findings *fs = &scan->findings;
	const bh_rule *owner = bh_rule_get(BH_RULE_DOCKER_SECRET_IN_ARG_ENV);
	BH_VEC(bh_loc) owned = { 0 };
	for (size_t i = 0; i < fs->items.len; i++)
		if (fs->items.items[i].rule == owner && fs->items.items[i].loc.path)
			bh_vec_push(&owned, fs->items.items[i].loc);
	size_t out = 0;
	for (size_t i = 0; i < fs->items.len; i++) {
		const bh_finding *fd = &fs->items.items[i];
		bool drop = false;
		for (size_t j = 0; j < owned.len && !drop && fd->loc.path &&
				   strcmp(fd->rule->domain, "secret") == 0; j++) {
			const bh_loc *o = &owned.items[j];
			uint32_t last = o->end_line > o->line ? o->end_line : o->line;
			drop = strcmp(o->path, fd->loc.path) == 0 && fd->loc.line >= o->line &&
			       fd->loc.line <= last;
		}
		if (!drop)
			fs->items.items[out++] = *fd;
	}
	fs->items.len = out;
	bh_vec_dispose(&owned);
}

// --diff REV / --staged: the lines git says changed, asked before the
// context is even walked, so that a bad revision fails at once. NULL when
// not asked for, or when the context is no directory (open_context then
// says so).
static bh_status read_changes(bh_diff **out, bh_scan *scan, const bh_scan_options *opts)
{
	*out = NULL;
	const char *root = opts->context ? opts->context : ".";
	struct stat st;
	if ((!opts->diff_rev && !opts->diff_staged) || stat(root, &st) != 0 || !S_ISDIR(st.st_mode))
		return BH_OK;
	bh_diff *diff = bh_arena_alloc(scan->arena, sizeof(*diff));
	bh_diff_init(diff, scan->arena);
	bh_status err = bh_git_changes(diff, root, opts->diff_rev, &scan->diags);
	if (err < 0) {
		bh_diff_dispose(diff);
		return err;
	}
	*out = diff;
	return BH_OK;
}

// Fingerprints are computed over every finding, and suppressions and the
// baseline marked, before --diff keeps only the changed lines' findings:
// dropping findings first would renumber the fingerprints of those kept.
static void apply_policy(bh_scan *scan, const bh_scan_options *opts, const bh_diff *diff)
{
	bh_findings_sort_unique(&scan->findings);
	bh_findings_fingerprint(&scan->findings);
	bh_suppress_inline(&scan->findings, bh_scan_line, scan);
	bh_config_apply(&scan->config, &scan->findings);
	if (opts->baseline_path) {
		bh_baseline *bl = NULL;
		if (bh_baseline_load(&bl, scan->arena, opts->baseline_path, &scan->diags) == BH_OK && bl)
			bh_baseline_apply(bl, &scan->findings);
	}
	if (diff)
		bh_diff_keep_changed(diff, &scan->findings);
}

// Editor buffers replace the text on disk of the files they name. A
// buffer of a file the walk did not list (new and unsaved, excluded, a
// symlink) is left out: the context is what is on disk.
static void apply_overlays(bh_scan *scan, const bh_scan_options *opts)
{
	for (size_t i = 0; i < opts->noverlays; i++) {
		const bh_scan_overlay *o = &opts->overlays[i];
		(void)bh_ctx_overlay(scan->ctx, o->path, o->text, o->len);
	}
}

// One flag per context file: is it among `only_files` (NULL: no list,
// every file is). Heap array.
static bool *wanted_files(bh_scan *scan, const bh_scan_options *opts)
{
	if (!opts->nonly_files)
		return NULL;
	size_t n = bh_ctx_file_count(scan->ctx);
	const char **rel = context_paths(scan, opts->only_files, opts->nonly_files);
	bool *wanted = bh_xcalloc(n ? n : 1, sizeof(*wanted));
	for (size_t i = 0; i < n; i++)
		wanted[i] = listed(rel, opts->nonly_files, bh_ctx_file(scan->ctx, i)->path);
	return wanted;
}

// The files the tree-sitter-c and secret stages need to read: with `--
// FILE...` only those, when none is a Dockerfile (only a Dockerfile's
// findings, image.secret-in-layer, depend on what other files hold); NULL:
// every file. A pre-commit hook and the LSP server's saves report a few
// files of a large context.
static bool *text_stages_scope(bh_scan *scan, const bh_scan_options *opts)
{
	bool *wanted = wanted_files(scan, opts);
	for (size_t i = 0; wanted && i < bh_ctx_file_count(scan->ctx); i++)
		if (wanted[i] && bh_ctx_file(scan->ctx, i)->kind == BH_FILE_DOCKERFILE) {
			free(wanted);
			return NULL;
		}
	return wanted;
}

// The syntax-only scan (opts->fast), for the LSP server while the user
// types: what needs neither compile flags nor libclang. Every Dockerfile
// is read (the image model says what a file's finding means), C and
// text files only where they were asked for; the tree-sitter-c walk
// checks them in full scope, as if libclang had not seen them.
static bh_status run_fast(bh_scan *scan, const bh_scan_options *opts)
{
	bh_img_analyze(scan, opts, NULL);
	bool *wanted = wanted_files(scan, opts);
	bh_status err = BH_OK;
	for (size_t i = 0; i < bh_ctx_file_count(scan->ctx) && err >= 0; i++) {
		const bh_file *f = bh_ctx_file(scan->ctx, i);
		const bh_source *src = NULL;
		if ((wanted && !wanted[i]) || f->excluded || f->too_large ||
		    (f->kind != BH_FILE_C_SOURCE && f->kind != BH_FILE_C_HEADER) ||
		    bh_ctx_load(&src, scan->ctx, f->path, &scan->diags) != BH_OK)
			continue;
		err = bh_tsc_check(&scan->findings, &scan->diags, f->path, src->data, src->len,
				   BH_TSC_FULL, NULL);
	}
	if (err >= 0)
		err = bh_secret_run_files(scan->ctx, opts->jobs, wanted, NULL, &scan->findings, &scan->diags);
	free(wanted);
	if (err < 0)
		return err;
	drop_secrets_owned_by_dockerfile_rules(scan);
	bh_image_check(scan->images, scan->nimages, scan->ctx, NULL, &scan->findings);
	bh_img_correlate(scan->images, scan->nimages, NULL, 0, &scan->findings);
	return BH_OK;
}

// The C files the tree-sitter walk checks only for `#define` secrets:
// those libclang read, and the C sources no build compiles on their own
// (bh_disc_units: an included backend under a false #if, quilt's `.pc/`
// copies), which by syntax alone would be checked as if libclang had
// failed on them.
static void no_unit_sources(bh_clang_files *out, bh_ctx *ctx, const bh_units *units,
			    const bh_clang_files *visited)
{
	for (size_t i = 0; i < visited->len; i++)
		bh_vec_push(out, visited->items[i]);
	const char **paths = bh_xmalloc((units->len + 1) * sizeof(*paths));
	for (size_t i = 0; i < units->len; i++)
		paths[i] = units->items[i].path;
	qsort(paths, units->len, sizeof(*paths), bh_str_compare_ptrs);
	for (size_t i = 0; i < bh_ctx_file_count(ctx); i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		if (bh_disc_is_c_source(f) &&
		    !bsearch(&f->path, paths, units->len, sizeof(*paths), bh_str_compare_ptrs))
			bh_vec_push(out, f->path);
	}
	free(paths);
}

bh_status bh_scan_run(bh_scan **out, const bh_scan_options *opts)
{
	tracer tr = trace_start();
	bh_alloc_install();
	bh_scan *scan = bh_xcalloc(1, sizeof(*scan));
	*out = scan;
	scan->arena = bh_arena_new();
	bh_diags_init(&scan->diags, scan->arena);
	bh_findings_init(&scan->findings, scan->arena);
	bh_config_init(&scan->config);

	load_config(scan, opts);
	bh_img_shell_calls shell_calls = { 0 };
	bh_clang_files includes = { 0 }; // "header\x1fsource" pairs for image correlation
	bh_clang_files outside = { 0 };  // files outside the context the units read
	bh_clang_files visited = { 0 };  // context files the units read
	bh_clang_files tsc_covered = { 0 }; // visited, and the C sources that are no unit
	bh_scan_cache cache = { 0 };
	bh_diff *diff = NULL;
	bh_status err = read_changes(&diff, scan, opts);
	if (err < 0)
		goto out;
	bh_scan_cache_open(&cache, scan, opts);
	if ((err = open_context(scan, opts, cache.unlisted)) < 0)
		goto out;
	apply_overlays(scan, opts);
	trace(&tr, "context");
	if (opts->fast) {
		if ((err = run_fast(scan, opts)) < 0)
			goto out;
		goto report;
	}
	// A scan of the same inputs stored its results: take them.
	if (bh_scan_cache_lookup(&cache, scan, opts)) {
		trace(&tr, "cache-hit");
		goto report;
	}
	trace(&tr, "cache-key");
	size_t first_finding = scan->findings.items.len, first_diag = scan->diags.items.len;

	bh_compdb *db = NULL;
	bh_compdb_discover(&db, scan->arena, scan->ctx, opts->compile_commands, &scan->diags);

	// Dockerfiles and the image model come first: their compiler lines
	// help infer flags for C units without a database entry. Each stage
	// appends to scan->findings and scan->diags.
	bh_img_analyze(scan, opts, db);
	trace(&tr, "image");
	bh_units units = { 0 };
	bh_disc_units(&units, scan->arena, scan->ctx, db, scan->images, scan->nimages,
		      &scan->diags);
	// An autotools or CMake tree never configured: its config headers,
	// written as configure or CMake would write them here, read by
	// libclang from memory. Only units without a database entry are given
	// them: when every unit has one (every LSP save of a built project),
	// the build files are not read at all.
	bh_disc_config_headers config_headers = { 0 };
	bool guessed = false;
	for (size_t i = 0; i < units.len && !guessed; i++)
		guessed = units.items[i].flags_source != BH_FLAGS_COMPDB;
	if (guessed) {
		bh_disc_find_config_headers(&config_headers, scan->arena, scan->ctx,
					    bh_disc_this_host(), &scan->diags);
		bh_disc_config_flags(&config_headers, &units, scan->arena, scan->ctx, &scan->diags);
	}
	bh_clang_options copts = BH_CLANG_OPTIONS_INIT;
	copts.jobs = opts->jobs;
	copts.cancel = opts->cancel;
	copts.tu_cache = opts->tu_cache;
	if (opts->progress) {
		copts.progress = parse_progress;
		copts.progress_payload = (void *)opts;
	}
	// Every function is lowered to IR for the taint and memory analyses,
	// which run once all units are in: flows cross files.
	bh_ir_program program;
	bh_ir_program_init(&program);
	// Packed: each unit's IR is encoded once lowered and decoded a
	// function at a time as the analyses ask (bulkhead/ir_pack.h).
	program.store = bh_ir_store_new(ir_budget(opts));
	// The encoded bodies too wait on disk, not in memory (where no file
	// can be made, they stay in memory).
	(void)bh_ir_store_spill(program.store, getenv("TMPDIR"));
	copts.program = &program;
	copts.visited = &visited;
	if (scan->nimages)
		copts.includes = &includes;
	if (cache.keyed)
		copts.outside = &outside;
	copts.unit_cache = bh_scan_cache_units(&cache);
	// libclang reads the editor's unsaved buffers too (bh_ctx_overlay
	// serves them to every other stage).
	bh_clang_unsaved *unsaved = bh_arena_alloc(
		scan->arena, (opts->noverlays + config_headers.len + 1) * sizeof(*unsaved));
	for (size_t i = 0; i < opts->noverlays; i++)
		if (bh_ctx_find(scan->ctx, opts->overlays[i].path))
			unsaved[copts.nunsaved++] = (bh_clang_unsaved){
				bh_arena_sprintf(scan->arena, "%s/%s", bh_ctx_root(scan->ctx),
						 opts->overlays[i].path),
				opts->overlays[i].text, opts->overlays[i].len };
	// A written config header is a file the units read like any other:
	// a unit's cache entry holds it by the hash of its text.
	for (size_t i = 0; i < config_headers.len; i++) {
		const bh_disc_config_header *h = &config_headers.items[i];
		if (!h->text || !h->nunits)
			continue;
		unsaved[copts.nunsaved++] = (bh_clang_unsaved){ h->abs_path, h->text, h->len };
		bh_scan_cache_add_written(&cache, h->path, h->text, h->len);
	}
	copts.unsaved = unsaved;
	// Every unit's flags, for the notes of findings the whole-program
	// analyses place in units this scan does not parse (another shard's,
	// known through its summaries): a shard's report says what the
	// whole scan's says.
	bh_units all_units = { 0 };
	for (size_t i = 0; i < units.len; i++)
		bh_vec_push(&all_units, units.items[i]);
	keep_shard(scan, &units, opts, &visited);
	trace(&tr, "units");
	err = bh_clang_scan(&units, bh_ctx_root(scan->ctx), &copts, &scan->findings, &scan->diags);
	if (tr.on && copts.unit_cache)
		fprintf(stderr, "bulkhead: trace: %zu of %zu units from the cache\n", cache.units_reused, units.len);
	trace(&tr, "libclang");
	// The tree-sitter-c fast path: C files libclang did not analyse, and
	// #define macros in every C file (include/bulkhead/tsc.h); it runs
	// beside the analyses unless they read context files too.
	bool *reported = text_stages_scope(scan, opts);
	bh_tsc_options topts = BH_TSC_OPTIONS_INIT;
	topts.wanted = reported;
	topts.cancel = opts->cancel;
	no_unit_sources(&tsc_covered, scan->ctx, &all_units, &visited);
	topts.covered = tsc_covered.items;
	topts.ncovered = tsc_covered.len;
	// Files whose bytes tree-sitter checked in an earlier scan are not
	// checked again.
	bh_file_results *tsc_results = bh_file_results_open(&cache, "tsc");
	bh_file_cache tsc_cache;
	if (tsc_results) {
		tsc_cache = bh_file_results_cache(tsc_results);
		topts.cache = &tsc_cache;
	}
	bool tsc_beside = !opts->write_summaries;
	if (err >= 0)
		err = run_analyses(scan, opts, &program, &all_units, tsc_beside ? &topts : NULL, &cache, &tr);
	// The image rules need the shell calls of the code, not its IR.
	if (err >= 0 && scan->nimages)
		bh_image_shell_calls(&program, scan->arena, &shell_calls);
	if (tr.on) {
		bh_ir_store_stats st;
		bh_ir_store_get_stats(program.store, &st);
		fprintf(stderr,
			"bulkhead: trace: IR packed %zu KB (%zu KB decoded, %zu KB in the spill file), %zu bodies "
			"decoded, at most %zu KB at once\n",
			st.packed_bytes >> 10, st.body_bytes >> 10, st.spilled_bytes >> 10, st.decodes,
			st.peak_decoded >> 10);
	}
	bh_ir_program_dispose(&program);
	scan->units_parsed = units.len;
	bh_vec_dispose(&units);
	bh_vec_dispose(&all_units);
	bh_vec_dispose(&config_headers);
	if (err == BH_OK && !tsc_beside) {
		stage_progress(opts, "tree-sitter", "C files libclang did not parse");
		err = bh_tsc_scan(scan->ctx, &topts, &scan->findings, &scan->diags);
		trace(&tr, "tree-sitter");
	}
	if (tr.on && tsc_results) {
		size_t hits, made;
		bh_file_results_counts(tsc_results, &hits, &made);
		fprintf(stderr, "bulkhead: trace: tree-sitter: %zu files from the cache, %zu checked\n", hits, made);
	}
	bh_file_results_close(tsc_results, err >= 0);
	// Then secrets in every text file (those whose bytes were scanned
	// before from the cache).
	stage_progress(opts, "secrets", "every text file");
	bh_file_results *secret_results = bh_file_results_open(&cache, "secrets");
	bh_file_cache secret_cache;
	if (secret_results)
		secret_cache = bh_file_results_cache(secret_results);
	if (err >= 0)
		err = bh_secret_run_files(scan->ctx, opts->jobs, reported, secret_results ? &secret_cache : NULL,
					  &scan->findings, &scan->diags);
	if (tr.on && secret_results) {
		size_t hits, made;
		bh_file_results_counts(secret_results, &hits, &made);
		fprintf(stderr, "bulkhead: trace: secrets: %zu files from the cache, %zu scanned\n", hits, made);
	}
	bh_file_results_close(secret_results, err >= 0);
	free(reported);
	if (err < 0)
		goto out;
	trace(&tr, "secrets");

	drop_secrets_owned_by_dockerfile_rules(scan);
	// The image rules, then image correlation: how each finding's code or
	// file reaches the image.
	bh_image_check(scan->images, scan->nimages, scan->ctx, &shell_calls, &scan->findings);
	bh_img_correlate(scan->images, scan->nimages, includes.items, includes.len, &scan->findings);
	bh_scan_cache_store(&cache, scan, first_finding, first_diag, &visited, &outside, scan->units_parsed);
	trace(&tr, "cache-store");
report:
	keep_exposed(scan, opts);
	restrict_to_files(scan, opts);
	apply_policy(scan, opts, diff);
	trace(&tr, "report");
	order_by_exposure(scan, opts);
out:
	if (diff)
		bh_diff_dispose(diff);
	bh_vec_dispose(&shell_calls);
	bh_vec_dispose(&includes);
	bh_vec_dispose(&outside);
	bh_vec_dispose(&visited);
	bh_vec_dispose(&tsc_covered);
	bh_scan_cache_close(&cache);
	bh_diags_sort(&scan->diags);
	return err;
}

void bh_scan_free(bh_scan *scan)
{
	if (!scan)
		return;
	bh_findings_dispose(&scan->findings);
	bh_diags_dispose(&scan->diags);
	bh_config_dispose(&scan->config);
	bh_ctx_lines_dispose(&scan->lines);
	bh_ctx_free(scan->ctx);
	bh_arena_free(scan->arena);
	free(scan);
}

const char *bh_scan_line(void *payload, const char *path, uint32_t line, size_t *len_out)
{
	bh_scan *scan = payload;
	return bh_ctx_line(&scan->lines, scan->ctx, path, line, len_out);
}
