// SPDX-License-Identifier: MIT
// What the commands of the `bulkhead` CLI share (driver/cli.h).
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	else
		return false;
	return true;
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
	case FORMAT_TEXT: break;
	}
	return bh_report_text(out, report);
}
