// SPDX-License-Identifier: MIT
// `bulkhead merge`: the JSON reports of a scan's shards (or of scans of
// parts of one context) joined into the report a single scan writes, in
// any output format (include/bulkhead/merge.h).
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/merge.h"
#include "driver/cli.h"

static const char usage_merge[] =
	"usage: bulkhead merge [options] REPORT.json...\n"
	"\n"
	"Join the JSON reports of the shards of one scan (`scan --shard K/N --format\n"
	"json`) into the report one scan of the whole context writes: findings that\n"
	"several shards report (Dockerfiles, secrets, shared headers) once, in the\n"
	"same order and with the same fingerprints, unit counts added up.\n"
	"\n"
	"options:\n"
	"  --format FORMAT              text (default), json, sarif, gitlab-sast,\n"
	"                               codequality, html (without the image's picture:\n"
	"                               the reports do not carry the image model)\n"
	"  -o, --output FILE            write the report to FILE (default: stdout)\n"
	"  --fail-on LEVEL              exit 1 when a finding at or above LEVEL remains:\n"
	"                               note|warning|error|never (default: warning)\n"
	"  --sort location|exposure     order of the findings (default: location)\n"
	"  -C, --context DIR            the build context, for source lines in text\n"
	"                               and SARIF (default: the reports' context when\n"
	"                               it exists here)\n"
	"  --color auto|always|never    colored text output (default: auto)\n"
	"  -q, --quiet                  text: findings only, no summary\n"
	"  -h, --help                   this help\n"
	"\n"
	"exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
	"2 a report could not be read (the others are still joined) or a usage error.\n";

typedef struct {
	output_format format;
	const char *output, *context;
	bh_level fail_on;
	bool by_exposure, quiet;
	int color;
} merge_cli;

static int parse_args(merge_cli *cli, int argc, char **argv)
{
	enum { OPT_FORMAT = 256, OPT_FAIL_ON, OPT_SORT, OPT_COLOR };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "context", required_argument, NULL, 'C' },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:C:qh", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (!bh_cli_parse_format(&cli->format, optarg, true))
				return bh_cli_usage_error(usage_merge, "unknown format '%s'", optarg);
			break;
		case 'o': cli->output = optarg; break;
		case OPT_FAIL_ON:
			if (bh_level_parse(&cli->fail_on, optarg) != BH_OK)
				return bh_cli_usage_error(usage_merge, "unknown --fail-on '%s'", optarg);
			break;
		case OPT_SORT:
			if (strcmp(optarg, "exposure") == 0 || strcmp(optarg, "location") == 0)
				cli->by_exposure = optarg[0] == 'e';
			else
				return bh_cli_usage_error(usage_merge, "unknown --sort '%s' (location, exposure)", optarg);
			break;
		case 'C': cli->context = optarg; break;
		case OPT_COLOR:
			if (!bh_cli_parse_color(&cli->color, optarg))
				return bh_cli_usage_error(usage_merge, "unknown --color '%s' (auto, always, never)", optarg);
			break;
		case 'q': cli->quiet = true; break;
		case 'h': fputs(usage_merge, stdout); return EXIT_CLEAN;
		default: fprintf(stderr, "\n%s", usage_merge); return EXIT_TROUBLE;
		}
	}
	if (optind >= argc)
		return bh_cli_usage_error(usage_merge, "%s", "no REPORT given");
	return -1;
}

// Source lines for carets and snippets, from the context if it is here.
typedef struct {
	bh_ctx *ctx;
	bh_ctx_lines lines;
} sources;

static const char *line_of(void *payload, const char *path, uint32_t line, size_t *len_out)
{
	sources *s = payload;
	return bh_ctx_line(&s->lines, s->ctx, path, line, len_out);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int bh_cli_merge(int argc, char **argv)
{
	merge_cli cli = { .format = FORMAT_TEXT, .fail_on = BH_LEVEL_WARNING, .color = -1 };
	int rc = parse_args(&cli, argc, argv);
	if (rc >= 0)
		return rc;
	bh_arena *arena = bh_arena_new();
	bh_findings findings;
	bh_diags diags;
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	bh_report_meta meta = { 0 };
	rc = EXIT_CLEAN;
	for (int i = optind; i < argc; i++)
		if (bh_report_load_json(argv[i], &findings, &diags, &meta) != BH_OK)
			rc = EXIT_TROUBLE;
	bh_merge_finish(&findings, &diags, cli.by_exposure);
	// A report's own error diagnostics (a shard's clang failure) make the
	// joined results incomplete as they made the shard's.
	if (bh_diags_has_error(&diags))
		rc = EXIT_TROUBLE;
	if (rc == EXIT_CLEAN && bh_cli_fails(&findings, cli.fail_on))
		rc = EXIT_FINDINGS;

	sources src = { 0 };
	const char *context = cli.context ? cli.context : is_dir(meta.context_root) ? meta.context_root : NULL;
	if (context) {
		bh_ctx_options copts = BH_CTX_OPTIONS_INIT;
		copts.root = context;
		bh_diags ignored;
		bh_diags_init(&ignored, arena);
		if (bh_ctx_open(&src.ctx, &copts, cli.context ? &diags : &ignored) != BH_OK && cli.context)
			rc = EXIT_TROUBLE;
		bh_diags_dispose(&ignored);
	}
	FILE *out = stdout;
	if (cli.output && !(out = fopen(cli.output, "w"))) {
		fprintf(stderr, "bulkhead: cannot write '%s': %s\n", cli.output, strerror(errno));
		rc = EXIT_TROUBLE;
		out = NULL;
	}
	if (out) {
		bh_report report = {
			.tool_version = meta.tool_version,
			.context_root = meta.context_root ? meta.context_root : "",
			.findings = &findings,
			.diags = &diags,
			.line_fn = line_of,
			.line_payload = &src,
			.files_scanned = meta.files_scanned,
			.units_parsed = meta.units_parsed,
			.color = cli.format == FORMAT_TEXT && bh_cli_want_color(cli.color, out),
			.quiet = cli.quiet,
			.start_time = meta.start_time,
			.end_time = meta.end_time,
		};
		if (bh_cli_write_report(out, &report, cli.format) != BH_OK || fflush(out) != 0 || ferror(out)) {
			fprintf(stderr, "bulkhead: writing the report failed\n");
			rc = EXIT_TROUBLE;
		}
		if (out != stdout)
			fclose(out);
	}
	bh_ctx_lines_dispose(&src.lines);
	bh_ctx_free(src.ctx);
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return rc;
}
