/* SPDX-License-Identifier: MIT */
/*
 * Policy: the .bulkhead.json configuration file, baselines of fingerprints,
 * and inline suppression comments. All of it decides which findings count,
 * never what the analysis finds.
 */
#ifndef BULKHEAD_CONFIG_H
#define BULKHEAD_CONFIG_H

#include "common.h"
#include "vec.h"
#include "finding.h"
#include "report.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;

/* ---------------------------------------------------------------- config */

/**
 * .bulkhead.json:
 *   {
 *     "version": 1,
 *     "fail-on": "warning",                       (optional)
 *     "exclude": ["third_party", "tests"],        (optional, globs as in
 *                                                  bh_glob_match_path)
 *     "max-file-size": 8388608,                   (optional, bytes)
 *     "taint": ["source next_msg ret queue"],     (optional, taint model lines,
 *                                                  see rules/c/taint.models)
 *     "memory": ["alloc pool_get ret heap"],      (optional, memory model lines,
 *                                                  see rules/c/memory.models)
 *     "rules": {                                  (optional)
 *       "c.format-string": "off",                 off | note | warning | error | on
 *       "c.unbounded-copy": {"level": "error"}    or {"enabled": false}
 *     }
 *   }
 * Unknown keys and unknown rule ids are warnings (a typo must not pass
 * silently); a file that is not valid JSON is an error diagnostic and the
 * defaults apply.
 */
typedef BH_VEC(const char *) bh_config_strings;

typedef struct {
	bool rule_enabled[BH_RULE_MAX];    /* indexed by bh_rule.index */
	bh_level rule_level[BH_RULE_MAX]; /* BH_LEVEL_NONE = rule default */
	bool has_fail_on;
	bh_level fail_on;
	bh_config_strings excludes;          /* arena strings */
	bh_config_strings taint_models;      /* "taint": model lines (rules/c/taint.models syntax) */
	uint32_t taint_line;                 /* line of the "taint" key, for diagnostics */
	bh_config_strings memory_models;     /* "memory": model lines (rules/c/memory.models syntax) */
	uint32_t memory_line;                /* line of the "memory" key */
	uint64_t max_file_size;              /* 0 = default */
	const char *path;                    /* file it came from, or NULL */
} bh_config;

/** Defaults: every rule enabled at its default level. */
void bh_config_init(bh_config *cfg);
void bh_config_dispose(bh_config *cfg);

/**
 * Read `path` into `cfg`. If `required` is false (the scanned context's
 * own .bulkhead.json, not a file the user named) a missing file is not an
 * error (returns BH_OK, cfg untouched), and a symlink or a special file
 * is not read, even one swapped in after the caller looked.
 * Ownership: strings in `arena`.
 * @return BH_ENOTFOUND if required and missing (with an error diagnostic);
 * BH_OK otherwise, including for malformed content (diagnosed).
 */
bh_status bh_config_load(bh_config *cfg, bh_arena *arena, const char *path,
			 bool required, bh_diags *diags);

/**
 * Apply the config to findings: drop findings of disabled rules and in
 * excluded paths (marked BH_SUPPRESS_CONFIG) and set overridden levels.
 * An inline suppression is kept; a baseline one is overridden.
 */
void bh_config_apply(const bh_config *cfg, bh_findings *findings);

/* -------------------------------------------------------------- baseline */

typedef struct bh_baseline bh_baseline;

/**
 * Read a baseline written by bh_baseline_write (a JSON file of
 * fingerprints with rule ids and paths for review, and each entry's
 * optional "reason" for accepting it). Malformed content is an
 * error diagnostic. Ownership: arena. `*out` is always a usable baseline
 * (empty on failure).
 * @return BH_ENOTFOUND or BH_EIO (diagnosed) if the file cannot be read;
 * BH_OK otherwise, including for malformed content.
 */
bh_status bh_baseline_load(bh_baseline **out, bh_arena *arena, const char *path, bh_diags *diags);

/**
 * Mark findings whose fingerprint is in the baseline as BH_SUPPRESS_BASELINE,
 * with the entry's reason (copied into the findings' arena) as their
 * suppress_reason. Findings already suppressed inline or by config keep
 * their kind. NULL
 * `bl` is a no-op.
 */
void bh_baseline_apply(const bh_baseline *bl, bh_findings *findings);

/**
 * Write the fingerprints of every finding not suppressed inline or by
 * config, atomically (temporary file beside `path`, then rename). An entry
 * keeps the reason the file at `path` gave its fingerprint, else the
 * reason of the baseline that suppressed its finding.
 * @return BH_EIO with an error diagnostic if the file cannot be written.
 */
bh_status bh_baseline_write(const char *path, const bh_findings *findings, bh_diags *diags);

/* ----------------------------------------------------------- suppression */

/**
 * Mark findings suppressed by an inline comment on their line or the line
 * above: `bulkhead: ignore[RULE-ID] reason` (also `ignore[ID1,ID2]` and
 * `ignore[*]`, and `ignore[c.*]` for a domain), in C comments (`//`,
 * `/ * * /`) and Dockerfile/shell `#` comments. A marker inside a string
 * literal does not count, and the line above counts only if it holds
 * nothing but comments. A suppression with no reason still suppresses; the
 * reason is recorded. Lines come from `line_fn` (NULL: no-op).
 */
void bh_suppress_inline(bh_findings *findings, bh_line_fn line_fn, void *payload);

/**
 * The line comment that opens a suppression in the file `path` ("//" in C,
 * "#" in Dockerfiles, Makefiles, shell and config files), or NULL for a
 * kind of file whose comments are not known: what an editor's quick fix
 * and the HTML report's "suppress" line write.
 */
const char *bh_suppress_comment_for(const char *path);

#endif
