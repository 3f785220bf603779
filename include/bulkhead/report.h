/* SPDX-License-Identifier: MIT */
/*
 * Report writers: compiler-style text, the versioned JSON report
 * (schema: analyzer/report/report.schema.json), SARIF 2.1.0 as GitHub
 * code scanning reads it, and GitLab's SAST and Code Quality reports. Writers never print a secret whole: they print
 * the finding's message and snippet, which rules redact at creation.
 */
#ifndef BULKHEAD_REPORT_H
#define BULKHEAD_REPORT_H

#include <stdio.h>
#include "common.h"
#include "diag.h"
#include "finding.h"

/** Version of the JSON report format ("bulkhead-report" schema). */
#define BH_REPORT_JSON_VERSION "1.2.0"

/** Version of GitLab's security report schema the gitlab-sast writer follows. */
#define BH_REPORT_GITLAB_SAST_VERSION "15.0.6"

/** Give the text of line `line` of context file `path`, or NULL. */
typedef const char *(*bh_line_fn)(void *payload, const char *path, uint32_t line, size_t *len_out);

typedef struct {
	const char *tool_version;    /* BH_VERSION */
	const char *context_root;    /* absolute path of the context */
	const bh_findings *findings; /* sorted; suppressed ones are flagged, not removed */
	const bh_diags *diags;       /* sorted */
	bh_line_fn line_fn;          /* source lines for carets and snippets; may be NULL */
	void *line_payload;
	size_t files_scanned;        /* for the summary */
	size_t units_parsed;
	bool color;                  /* text only: ANSI colors */
	bool quiet;                  /* text only: no summary line, no notes/diag below errors */
	const char *start_time;      /* ISO 8601 UTC, or NULL (omitted: goldens are stable) */
	const char *end_time;
	struct bh_img *const *images; /* html only: the image models drawn, or NULL */
	size_t nimages;
	bool images_known;           /* html: `images` are the context's (a scan), not
					absent because the report was read back (merge) */
} bh_report;

/**
 * Text: `path:line:col: severity: message [rule-id]`, the source line and a
 * caret under the column, related locations and flow steps indented as
 * notes, then diagnostics, then a summary line. Suppressed findings are not
 * shown (the summary counts them).
 */
bh_status bh_report_text(FILE *out, const bh_report *r);

/**
 * HTML: one self-contained page (inline CSS, SVG and script, a
 * Content-Security-Policy that allows no request): the summary by level
 * and domain, the most exposed findings, what was not analysed, a
 * diagram per image of sources, stages, artifacts, image paths and what
 * runs, and the findings by what ships and by file, each with its source
 * lines, flow, image context, the rule's documentation and the comment
 * that suppresses it. Filters by level, domain and shipping need the
 * script; the page is complete without it.
 */
bh_status bh_report_html(FILE *out, const bh_report *r);

/** The JSON report (bulkhead-report version BH_REPORT_JSON_VERSION). */
bh_status bh_report_json(FILE *out, const bh_report *r);

/**
 * SARIF 2.1.0: one run, every rule in tool.driver.rules (with help text and
 * markdown, tags `security` and `external/cwe/cwe-N`, security-severity),
 * results with ruleIndex, %SRCROOT%-relative locations, codeFlows for flow
 * steps, partialFingerprints, suppressions for suppressed findings, and
 * diagnostics as invocations[0].toolExecutionNotifications.
 */
bh_status bh_report_sarif(FILE *out, const bh_report *r);

/**
 * One line on how a finding's code or file reaches the image ("in image:
 * /usr/local/bin/app, the entrypoint, runs as root, port 8080 (Dockerfile,
 * exposure 100)"), in `arena`; NULL without image context. The text
 * report's note and the LSP server's messages.
 */
const char *bh_report_image_summary(bh_arena *arena, const bh_finding *fd);

/**
 * GitLab's security report, "sast" type, schema version
 * BH_REPORT_GITLAB_SAST_VERSION: unsuppressed findings as vulnerabilities
 * (rule id as primary identifier, then CWEs), diagnostics as scan
 * messages. scan.start_time/end_time come from `r` and are the current
 * time when `r` has none (the schema requires them).
 * @return BH_OK or BH_EIO if writing failed.
 */
bh_status bh_report_gitlab_sast(FILE *out, const bh_report *r);

/**
 * GitLab Code Quality (a Code Climate subset): an array of issues, one per
 * unsuppressed finding, keyed by the finding's fingerprint.
 * @return BH_OK or BH_EIO if writing failed.
 */
bh_status bh_report_codequality(FILE *out, const bh_report *r);

#endif
