// SPDX-License-Identifier: MIT
// The pipeline: the one function that runs every stage over a build context,
// in order. Each stage reads the previous one's output through the public
// types of include/bulkhead/ only.
//
//   config -> context walk -> compile database -> C units -> libclang + C
//   rules (C secrets included) -> Dockerfiles, image model, Dockerfile
//   rules -> secret scan -> restrict to requested files -> order,
//   fingerprint -> inline suppressions -> config policy -> baseline
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bulkhead/arena.h"
#include "bulkhead/clang.h"
#include "bulkhead/disc.h"
#include "bulkhead/img.h"
#include "bulkhead/ignore.h"
#include "bulkhead/scan.h"
#include "bulkhead/secret.h"

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

static bh_status open_context(bh_scan *scan, const bh_scan_options *opts)
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
	return bh_ctx_open(&scan->ctx, &copts, &scan->diags);
}

// `-- FILE...`: report only those files, though everything was analysed
// (the rest of the context still informs correlation).
static void restrict_to_files(bh_scan *scan, const bh_scan_options *opts)
{
	if (!opts->nonly_files)
		return;
	const char **wanted = bh_arena_alloc(scan->arena, opts->nonly_files * sizeof(*wanted));
	for (size_t i = 0; i < opts->nonly_files; i++) {
		wanted[i] = bh_ctx_relpath(scan->ctx, scan->arena, opts->only_files[i]);
		if (!wanted[i])
			bh_diag_add(&scan->diags, BH_LEVEL_WARNING, "scan.file-outside-context",
				    NULL, 0, 0, "'%s' is not in the build context; nothing is reported for it",
				    opts->only_files[i]);
	}
	size_t out = 0;
	for (size_t i = 0; i < scan->findings.items.len; i++) {
		const bh_finding *fd = &scan->findings.items.items[i];
		bool keep = false;
		for (size_t j = 0; j < opts->nonly_files && !keep; j++)
			keep = wanted[j] && strcmp(wanted[j], fd->loc.path) == 0;
		if (keep)
			scan->findings.items.items[out++] = *fd;
	}
	scan->findings.items.len = out;
}

static void apply_policy(bh_scan *scan, const bh_scan_options *opts)
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
}

bh_status bh_scan_run(bh_scan **out, const bh_scan_options *opts)
{
	bh_alloc_install();
	bh_scan *scan = bh_xcalloc(1, sizeof(*scan));
	*out = scan;
	scan->arena = bh_arena_new();
	bh_diags_init(&scan->diags, scan->arena);
	bh_findings_init(&scan->findings, scan->arena);
	bh_config_init(&scan->config);

	load_config(scan, opts);
	bh_status err = open_context(scan, opts);
	if (err < 0)
		goto out;

	bh_compdb *db = NULL;
	bh_compdb_discover(&db, scan->arena, scan->ctx, opts->compile_commands, &scan->diags);

	bh_units units = { 0 };
	bh_disc_units(&units, scan->arena, scan->ctx, db, &scan->diags);
	bh_clang_options copts = BH_CLANG_OPTIONS_INIT;
	copts.jobs = opts->jobs;
	// IR lowering stays off until a dataflow rule consumes it (issue [D]);
	// `bulkhead dump ir` is its only user so far.
	err = bh_clang_scan(&units, bh_ctx_root(scan->ctx), &copts, &scan->findings, &scan->diags);
	scan->units_parsed = units.len;
	bh_vec_dispose(&units);
	if (err < 0)
		goto out;

	// Dockerfiles and the image model, then secrets in every text file.
	// Each appends to scan->findings and scan->diags.
	bh_img_analyze(scan, opts);
	if ((err = bh_secret_run(scan->ctx, opts->jobs, &scan->findings, &scan->diags)) < 0)
		goto out;

	restrict_to_files(scan, opts);
	apply_policy(scan, opts);
out:
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
	bh_arena_free(scan->line_arena);
	bh_ctx_free(scan->ctx);
	bh_arena_free(scan->arena);
	free(scan);
}

const char *bh_scan_line(void *payload, const char *path, uint32_t line, size_t *len_out)
{
	bh_scan *scan = payload;
	if (!scan->ctx || !path)
		return NULL;
	if (!scan->line_path || strcmp(scan->line_path, path) != 0) {
		bh_arena_free(scan->line_arena);
		scan->line_arena = bh_arena_new();
		scan->line_path = bh_arena_strdup(scan->line_arena, path);
		// Files that cannot be loaded were diagnosed when they were
		// analysed; asking again for a line must not add a second one.
		bh_diags scratch;
		bh_diags_init(&scratch, scan->line_arena);
		if (bh_ctx_read(&scan->line_src, scan->line_arena, scan->ctx, path, &scratch) != BH_OK)
			scan->line_src = NULL;
		bh_diags_dispose(&scratch);
	}
	return scan->line_src ? bh_source_line(scan->line_src, line, len_out) : NULL;
}
