/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the report writers (report_text.c, report_json.c,
 * report_sarif.c, report_gitlab.c, report_codequality.c) and nothing else:
 * counting for summaries, the jansson plumbing and what the two GitLab
 * formats both need. `json_t` never leaves analyzer/report.
 */
#ifndef BULKHEAD_REPORT_INTERNAL_H
#define BULKHEAD_REPORT_INTERNAL_H

#include <jansson.h>

#include "bulkhead/img.h"
#include "bulkhead/json.h"

#include "bulkhead/report.h"

/** What the summary line, the JSON summary and SARIF's executionSuccessful need. */
typedef struct {
	size_t findings;    /* shown (not suppressed) findings */
	size_t errors;      /* shown findings by level */
	size_t warnings;
	size_t notes;
	size_t suppressed;  /* suppressed findings, of any kind */
	size_t diagnostics;
	size_t diag_errors; /* error-level diagnostics: results are incomplete */
} bh_report__counts;

void bh_report__count(bh_report__counts *out, const bh_report *r);

/** Number of findings / diagnostics in `r` (NULL lists count as empty). */
size_t bh_report__nfindings(const bh_report *r);
size_t bh_report__ndiags(const bh_report *r);

/** A JSON integer for a 1-based line or column; null when it is 0 (unknown). */
json_t *bh_report__jpos(uint32_t v);

/**
 * Set `key` of `obj` to `value`, stealing the reference. A NULL value (which
 * the bh_x* allocator makes impossible short of a bug) is a broken invariant.
 */
void bh_report__set(json_t *obj, const char *key, json_t *value);

/** Append `value` to `arr`, stealing the reference. */
void bh_report__append(json_t *arr, json_t *value);

/**
 * Write `root` indented by 2 with keys in insertion order and a final
 * newline. @return BH_OK or BH_EIO if writing failed.
 */
bh_status bh_report__dump(FILE *out, const json_t *root);

/**
 * A finding's image context as the JSON `image` object (also SARIF's
 * result.properties.image), without its `ships` steps, which each format
 * writes with its own location shape; JSON null when `c` is NULL.
 */
json_t *bh_report__image(const bh_image_context *c);

/** "inline", "config", "baseline"; NULL for BH_SUPPRESS_NONE. */
const char *bh_report__suppress_name(bh_suppress_kind kind);

/**
 * Severity bands of formats that grade findings on one five-step scale
 * (GitLab SAST: Info..Critical; Code Quality: info..blocker).
 */
typedef enum {
	BH_REPORT_BAND_INFO = 0,
	BH_REPORT_BAND_LOW,
	BH_REPORT_BAND_MEDIUM,
	BH_REPORT_BAND_HIGH,
	BH_REPORT_BAND_CRITICAL,
} bh_report__band;

/**
 * The band of `fd`: its rule's security-severity score read as GitHub reads
 * it (>= 9.0 critical, >= 7.0 high, >= 4.0 medium, > 0 low), moved by as
 * many steps as the finding's level differs from the rule's default level
 * (config overrides and image exposure raise or lower it), then clamped.
 */
bh_report__band bh_report__finding_band(const bh_finding *fd);

/**
 * A stable, non-empty identity of `fd` in `buf`: its fingerprint, or
 * "rule:path:line:col" when fingerprints were not computed. Returns `buf`.
 */
const char *bh_report__finding_key(char *buf, size_t cap, const bh_finding *fd);

/**
 * `n` bytes of `s` as HTML or XML text (and attribute values): `& < > " '`
 * as entities; invalid UTF-8, control characters (but tab and newline)
 * and non-characters as U+FFFD.
 */
void bh_report__html_text(FILE *out, const char *s, size_t n);

/** One code point the same way. */
void bh_report__html_char(FILE *out, uint32_t c);

/**
 * The HTML report's picture of each image in `r->images` (an inline SVG
 * per Dockerfile, see report_diagram.h), or a sentence saying there is none.
 */
void bh_report__picture(FILE *out, const bh_report *r, bh_arena *arena);

#endif
