/* SPDX-License-Identifier: MIT */
/* What the commands of the `bulkhead` CLI share: exit codes, output
 * formats, usage errors, the report writer by format. */
#ifndef BH_DRIVER_CLI_H
#define BH_DRIVER_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "bulkhead/common.h"
#include "bulkhead/report.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

typedef enum {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_SARIF,
	FORMAT_GITLAB_SAST,
	FORMAT_CODEQUALITY,
	FORMAT_HTML,
} output_format;

/** "bulkhead: MESSAGE", then `usage`, on stderr; returns EXIT_TROUBLE. */
int bh_cli_usage_error(const char *usage, const char *fmt, ...) BH_PRINTF(2, 3);

/** `--format`: `scan` (and `merge`) also take the report-only formats; `rules` only text and json. */
bool bh_cli_parse_format(output_format *out, const char *s, bool scan);

/** `--color auto|always|never` as -1, 1, 0 in `*out`; false for another word. */
bool bh_cli_parse_color(int *out, const char *s);

/** `--color`: -1 auto (a terminal, no NO_COLOR, TERM not dumb), 0 never, 1 always. */
bool bh_cli_want_color(int setting, FILE *out);

/** The exit code's question: is an unsuppressed finding at or above `fail_on` left? */
bool bh_cli_fails(const bh_findings *findings, bh_level fail_on);

/** Write `report` in `format`. */
bh_status bh_cli_write_report(FILE *out, const bh_report *report, output_format format);

/** A progress line on a terminal (stderr) for long scans. */
typedef struct {
	double start, last; /* monotonic seconds */
	int width;          /* the terminal's columns */
	bool shown;         /* a line is on the screen */
} bh_cli_progress;

/** Start: the clock and the terminal's width. */
void bh_cli_progress_start(bh_cli_progress *p);

/** bh_scan_options.progress: rewrite the line, at most 10 times a second. */
void bh_cli_progress_update(void *payload, const char *stage, size_t done, size_t total, const char *item);

/** Clear the line, so that the report starts on a clean one. */
void bh_cli_progress_end(bh_cli_progress *p);

/** `bulkhead merge`. */
int bh_cli_merge(int argc, char **argv);

#endif
