// SPDX-License-Identifier: MIT
// What the commands of the `bulkhead` CLI share (driver/cli.h).
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "driver/cli.h"

int bh_cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "bulkhead: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n\n%s", usage);
	va_end(ap);
	return EXIT_TROUBLE;
}

bool bh_cli_parse_format(output_format *out, const char *s, bool scan)
{
	if (strcmp(s, "text") == 0)
		*out = FORMAT_TEXT;
	else if (strcmp(s, "json") == 0)
		*out = FORMAT_JSON;
	else if (scan && strcmp(s, "sarif") == 0)
		*out = FORMAT_SARIF;
	else if (scan && strcmp(s, "gitlab-sast") == 0)
		*out = FORMAT_GITLAB_SAST;
	else if (scan && strcmp(s, "codequality") == 0)
		*out = FORMAT_CODEQUALITY;
	else if (scan && strcmp(s, "html") == 0)
		*out = FORMAT_HTML;
	else
		return false;
	return true;
}

bool bh_cli_parse_color(int *out, const char *s)
{
	if (strcmp(s, "auto") == 0)
		*out = -1;
	else if (strcmp(s, "always") == 0)
		*out = 1;
	else if (strcmp(s, "never") == 0)
		*out = 0;
	else
		return false;
	return true;
}

bool bh_cli_fails(const bh_findings *findings, bh_level fail_on)
{
	if (fail_on == BH_LEVEL_NONE)
		return false;
	for (size_t i = 0; i < findings->items.len; i++) {
		const bh_finding *fd = &findings->items.items[i];
		if (!fd->suppressed && fd->level >= fail_on)
			return true;
	}
	return false;
}

bool bh_cli_want_color(int setting, FILE *out)
{
	if (setting >= 0)
		return setting == 1;
	const char *term = getenv("TERM");
	return isatty(fileno(out)) && !getenv("NO_COLOR") && !(term && strcmp(term, "dumb") == 0);
}

bh_status bh_cli_write_report(FILE *out, const bh_report *report, output_format format)
{
	switch (format) {
	case FORMAT_JSON: return bh_report_json(out, report);
	case FORMAT_SARIF: return bh_report_sarif(out, report);
	case FORMAT_GITLAB_SAST: return bh_report_gitlab_sast(out, report);
	case FORMAT_CODEQUALITY: return bh_report_codequality(out, report);
	case FORMAT_HTML: return bh_report_html(out, report);
	case FORMAT_TEXT: break;
	}
	return bh_report_text(out, report);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void bh_cli_progress_start(bh_cli_progress *p)
{
	struct winsize ws;
	p->start = now_seconds();
	p->last = 0;
	p->width = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20 ? ws.ws_col : 80;
	p->shown = false;
}

void bh_cli_progress_update(void *payload, const char *stage, size_t done, size_t total, const char *item)
{
	bh_cli_progress *p = payload;
	double t = now_seconds();
	bool parse = strcmp(stage, "parse") == 0;
	// Units finish many times a second: redraw every 100 ms; a new stage
	// and the last unit always.
	if (parse && done < total && t - p->last < 0.1)
		return;
	p->last = t;
	char head[96];
	if (parse)
		snprintf(head, sizeof(head), "[%zu/%zu] parsing ", done, total);
	else
		snprintf(head, sizeof(head), "%s: ", strcmp(stage, "analyse") == 0 ? "analysing" : stage);
	char tail[32];
	snprintf(tail, sizeof(tail), "  %.1f s", t - p->start);
	// The item, cut from the left to fit one line: the file name matters most.
	int room = p->width - 1 - (int)strlen(head) - (int)strlen(tail);
	const char *shown = item ? item : "";
	size_t len = strlen(shown);
	const char *dots = "";
	if (room < 4) {
		shown = "";
		len = 0;
	} else if (len > (size_t)room) {
		shown += len - (size_t)(room - 3);
		len = (size_t)(room - 3);
		dots = "...";
	}
	fprintf(stderr, "\r\033[K%s%s%.*s%s", head, dots, (int)len, shown, tail);
	fflush(stderr);
	p->shown = true;
}

void bh_cli_progress_end(bh_cli_progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->shown = false;
}
