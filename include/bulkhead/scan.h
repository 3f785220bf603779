/* SPDX-License-Identifier: MIT */
/*
 * The pipeline: one call that runs every stage in order over a build
 * context and returns findings and diagnostics. The CLI and the LSP server
 * are thin front ends over it.
 */
#ifndef BULKHEAD_SCAN_H
#define BULKHEAD_SCAN_H

#include "common.h"
#include "ctx.h"
#include "diag.h"
#include "finding.h"
#include "config.h"

/** A file of the context whose text comes from memory (see bh_ctx_overlay). */
typedef struct {
	const char *path; /* context-relative */
	const char *text; /* borrowed during bh_scan_run */
	size_t len;
} bh_scan_overlay;

/** The largest --ir-memory, in MiB (1 TiB). */
#define BH_SCAN_MAX_IR_MEMORY (1u << 20)

typedef struct bh_scan_options {
	const char *context;                 /* build context root; "." default */
	const char *const *only_files;       /* report only these (paths as given); NULL/0 = all */
	size_t nonly_files;
	const char *const *dockerfiles;      /* -f; NULL/0 = discover */
	size_t ndockerfiles;
	const char *compile_commands;        /* --compile-commands, or NULL */
	const char *const *excludes;         /* --exclude globs */
	size_t nexcludes;
	int jobs;                            /* <= 0: number of cores */
	const char *config_path;             /* --config, or NULL for <context>/.bulkhead.json */
	const char *baseline_path;           /* --baseline, or NULL */
	const char *const *summaries;        /* --summaries: summaries files to read */
	size_t nsummaries;
	const char *write_summaries;         /* --write-summaries, or NULL */
	unsigned shard, nshards;             /* --shard K/N: analyse the Kth of N parts of the
						translation units (1-based); 0/0: all */
	bool only_shipped;                   /* --only-shipped: drop findings whose code or file
						never reaches the image */
	int min_exposure;                    /* --min-exposure: drop findings with an image
						context below this score (0: keep all) */
	const char *target;                  /* --target: the stage `docker build --target`
						builds, for every Dockerfile; NULL: the last */
	bool sort_by_exposure;               /* --sort exposure: most exposed first */
	const bh_scan_overlay *overlays;     /* files read from memory instead of disk (an
						editor's unsaved buffers); NULL/0: none */
	size_t noverlays;
	bool fast;                           /* syntax only: Dockerfiles, the image model, the
						tree-sitter-c rules and secrets, for `only_files`
						(all files when none); no libclang, no dataflow */
	const char *diff_rev;                /* --diff: report only findings on lines changed
						since this git revision (work tree and
						untracked files included); NULL: off */
	bool diff_staged;                    /* --staged: only lines changed in the git index
						against HEAD (what a commit would record) */
	const volatile int *cancel;          /* if non-NULL and set (by another thread), the
						parsing stages stop early and bh_scan_run
						returns BH_ECANCELED with partial results */
	const char *const *only_units;       /* parse only the translation units of these
						source files (paths as given); the others are
						known through `summaries`. NULL/0: all */
	size_t nonly_units;
	struct bh_clang_tu_cache *tu_cache;  /* parse through it (bh_clang_tu_cache): the LSP
						server's saves reparse with a preamble */
	const struct bh_summaries *summaries_in; /* summaries of functions without a body
						here, as --summaries files give them, from
						memory (used when no file is given) */
	struct bh_summaries **summaries_out; /* if non-NULL: gets the summaries of every
						function analysed (free with
						bh_summaries_free), as --write-summaries
						would write them */
	/* if non-NULL: told how the scan goes, one call at a time (a terminal's
	   progress line): `stage` "parse" with `done` of `total` translation
	   units and the one just parsed in `item`, then each later stage
	   ("analyse", "tree-sitter", "secrets") as it starts, `item` naming it */
	void (*progress)(void *payload, const char *stage, size_t done, size_t total, const char *item);
	void *progress_payload;
	const char *cache_dir;               /* the result cache (include/bulkhead/cache.h):
						a scan whose inputs all match a stored one's
						reuses its results, else units whose files are
						unchanged are not parsed again; NULL: no
						cache. Whole results are not reused with
						overlays, only_units, shards or summaries
						(partial results); neither is with fast or
						tu_cache */
	bool flat_context;                   /* the root's own files only, its subdirectories
						not walked (the language server's file outside
						the workspace, analysed in its directory) */
	bool keep_images;                    /* the report draws the image models (html): a
					        whole scan's results from the cache have none,
					        so they are not taken (units' still are) */
	unsigned ir_memory;                  /* --ir-memory: MiB of decoded function IR kept
						for reuse while the analyses run (the IR is
						held encoded, bulkhead/ir_pack.h); 0: the
						environment's BULKHEAD_IR_MEMORY, else twice
						the largest unit's */
} bh_scan_options;

#define BH_SCAN_OPTIONS_INIT { ".", NULL, 0, NULL, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, false, 0, NULL, false, NULL, 0, false, NULL, false, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, false, false, 0 }

typedef struct bh_img bh_img;

typedef struct bh_scan {
	bh_arena *arena;      /* owns everything below */
	bh_ctx *ctx;          /* NULL if the context could not be opened */
	bh_config config;
	bh_findings findings; /* sorted, fingerprinted, suppressions marked */
	bh_diags diags;       /* sorted */
	size_t units_parsed;
	bh_img **images;      /* one image model per Dockerfile analysed ([B]); arena array */
	size_t nimages;
	bh_ctx_lines lines;   /* bh_scan_line's: suppressions and reports read lines */
} bh_scan;

/**
 * Run the whole pipeline. Never stops at bad input: problems become
 * diagnostics and the remaining files are still analysed.
 * Ownership: caller frees `*out` with bh_scan_free (also on failure).
 * With `diff_rev` or `diff_staged`, git is asked for the changed lines
 * first (include/bulkhead/git.h); when it cannot tell, nothing is analysed.
 * @return BH_OK; BH_ENOTFOUND if the context does not exist, or is not in
 * a git work tree, or `diff_rev` is no commit; BH_EIO if git failed (each
 * diagnosed).
 */
bh_status bh_scan_run(bh_scan **out, const bh_scan_options *opts);

void bh_scan_free(bh_scan *scan);

/**
 * Source line accessor over the scan's context, usable as bh_line_fn.
 * Not thread-safe; the returned text is valid until the next call for a
 * different file.
 */
const char *bh_scan_line(void *scan, const char *path, uint32_t line, size_t *len_out);

#endif
