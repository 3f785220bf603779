// SPDX-License-Identifier: MIT
// The `bulkhead` command: parses the command line, runs the pipeline
// (bh_scan_run) and a report writer, and maps the outcome to an exit code.
// This is the only file that calls exit().
//
// Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
// 2 usage error, or a failure that made the results incomplete (the
// results found so far are still written).
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>

#include "bulkhead/arena.h"
#include "bulkhead/cache.h"
#include "bulkhead/clang.h"
#include "bulkhead/config.h"
#include "bulkhead/img.h"
#include "bulkhead/lsp.h"
#include "bulkhead/dump.h"
#include "bulkhead/report.h"
#include "bulkhead/rule.h"
#include "bulkhead/scan.h"
#include "driver/cli.h"


static const char usage_main[] =
	"usage: bulkhead <command> [options]\n"
	"\n"
	"Static security analysis of containerized C applications: memory-safety\n"
	"bugs, secret leaks and Dockerfile weaknesses in a Docker build context.\n"
	"\n"
	"commands:\n"
	"  scan [CONTEXT] [-- FILE...]  analyse a build context (default: .)\n"
	"  image [CONTEXT]              print what the Dockerfile builds: stages, copies,\n"
	"                               user, ports, entrypoint, files in the image\n"
	"  rules [--format text|json]   list every rule\n"
	"  explain RULE                 print a rule's documentation\n"
	"  lsp [--context DIR]          Language Server Protocol server on stdin/stdout\n"
	"  dump ir|cfg FILE...          print the IR or control-flow graph of C files\n"
	"  merge REPORT.json...         join the JSON reports of a scan's shards\n"
	"\n"
	"--diff and --staged report only what a change brings, to adopt Bulkhead on\n"
	"an existing code base: a finding is shown when its line, a step of its flow\n"
	"or a related location is a line the change added or modified (a new taint\n"
	"source reaching an old sink counts). Findings about a file as a whole count\n"
	"only for new files. Diagnostics are always shown. git is run with the\n"
	"repository's hooks, filters, textconv and external diff turned off.\n"
	"\n"
	"options:\n"
	"  --version                    print the version and exit\n"
	"  -h, --help                   this help; `bulkhead COMMAND --help` for a command\n";

static const char usage_scan[] =
	"usage: bulkhead scan [options] [CONTEXT] [-- FILE...]\n"
	"\n"
	"Analyse the Docker build context CONTEXT (default: .). Files after `--`\n"
	"limit what is reported to those files; the whole context is still read.\n"
	"\n"
	"options:\n"
	"  --format FORMAT              output format: text (default), json, sarif,\n"
	"                               gitlab-sast (GitLab security report),\n"
	"                               codequality (GitLab Code Quality) or html\n"
	"                               (one self-contained page with the image's picture)\n"
	"  -o, --output FILE            write the report to FILE (default: stdout)\n"
	"  --fail-on LEVEL              exit 1 when a finding at or above LEVEL remains:\n"
	"                               note|warning|error|never (default: warning)\n"
	"  -f, --dockerfile FILE        a Dockerfile to analyse (repeatable; default: discover)\n"
	"  --compile-commands FILE      compilation database (default: discover)\n"
	"  --exclude GLOB               do not analyse matching paths (repeatable)\n"
	"  -j, --jobs N                 parallel jobs (default: number of cores)\n"
	"  --config FILE                configuration (default: CONTEXT/.bulkhead.json)\n"
	"  --baseline FILE              do not fail on findings recorded in FILE\n"
	"  --write-baseline FILE        record the current findings in FILE\n"
	"  --summaries FILE             summaries of functions without a body here\n"
	"                               (from --write-summaries; repeatable)\n"
	"  --write-summaries FILE       write the summaries of every function analysed\n"
	"  --shard K/N                  analyse only the Kth of N parts of the translation\n"
	"                               units (with --summaries of the others)\n"
	"  --target STAGE               the stage `docker build --target` builds (default:\n"
	"                               the last one of each Dockerfile)\n"
	"  --only-shipped               hide findings whose code or file never reaches the\n"
	"                               image the Dockerfile builds\n"
	"  --min-exposure N             hide findings whose image exposure (0-100) is below N\n"
	"  --sort location|exposure     order of the findings (default: location)\n"
	"  --diff REV                   report only findings on lines changed since git\n"
	"                               revision REV: commits, staged and unstaged edits,\n"
	"                               and untracked files that are not ignored\n"
	"  --staged                     report only findings on lines staged in the git\n"
	"                               index against HEAD (the pre-commit hook)\n"
	"  --cache-dir DIR              where results are cached: all reused when no\n"
	"                               input changed, else those of the units whose\n"
	"                               files did not (default: $XDG_CACHE_HOME/\n"
	"                               bulkhead/ctx-HASH, or ~/.cache/bulkhead/ctx-HASH)\n"
	"  --ir-memory MIB              decoded function IR kept for reuse while the\n"
	"                               analyses run (default: twice the largest unit's;\n"
	"                               the rest of the IR is held encoded)\n"
	"  --no-cache                   neither reuse nor store results (also when\n"
	"                               BULKHEAD_NO_CACHE is set)\n"
	"  --color auto|always|never    colored text output (default: auto)\n"
	"  -q, --quiet                  text: findings only, no summary; no progress\n"
	"                               line (shown on a terminal's stderr unless\n"
	"                               NO_PROGRESS is set)\n"
	"  -h, --help                   this help\n"
	"\n"
	"exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or\n"
	"incomplete results (see the diagnostics).\n";

static const char usage_image[] =
	"usage: bulkhead image [CONTEXT] [-f DOCKERFILE] [--target STAGE] [--format text|json|dot]\n"
	"\n"
	"Print the image model of a Dockerfile, a bill of lading for the image: its\n"
	"stages and how they depend on each other, what each stage copies from where\n"
	"(after .dockerignore), the build commands found in RUN, and for the target\n"
	"stage its user, ports, entrypoint, healthcheck and which files of the build\n"
	"context end up in the image. Nothing is built or executed.\n"
	"\n"
	"options:\n"
	"  -f, --dockerfile FILE        the Dockerfile (default: CONTEXT/Dockerfile)\n"
	"  --target STAGE               the stage to build (default: the last one)\n"
	"  --format text|json|dot       output format (default: text); dot is Graphviz\n"
	"  -h, --help                   this help\n"
	"\n"
	"exit status: 0 printed, 2 usage error, no Dockerfile, or a Dockerfile with\n"
	"syntax errors (the model is still printed; errors go to stderr).\n";

static const char usage_rules[] =
	"usage: bulkhead rules [--format text|json]\n"
	"\n"
	"List every rule: id, default severity, CWE and title.\n";

static const char usage_lsp[] =
	"usage: bulkhead lsp [options]\n"
	"\n"
	"Serve the Language Server Protocol on stdin and stdout for an editor:\n"
	"diagnostics while typing (Dockerfile rules, secrets, tree-sitter-c rules of\n"
	"the edited buffer) and on save (the whole analysis of the build context,\n"
	"unsaved buffers included), hover, and code actions.\n"
	"\n"
	"options:\n"
	"  --context DIR                the build context (default: the workspace root\n"
	"                               the editor sends, or the initialization option\n"
	"                               `context`)\n"
	"  -j, --jobs N                 parallel jobs of the full analysis\n"
	"  --debounce MS                quiet time after an edit before the fast\n"
	"                               analysis runs (default: 40)\n"
	"  --stdio                      accepted for clients that pass it; stdio is the\n"
	"                               only transport\n"
	"  -h, --help                   this help\n";

static const char usage_explain[] =
	"usage: bulkhead explain RULE\n"
	"\n"
	"Print the documentation of RULE (see `bulkhead rules`): what it detects,\n"
	"why it matters, an example, how to fix it and how to suppress it.\n";

static const char usage_dump[] =
	"usage: bulkhead dump ir|cfg [options] FILE...\n"
	"\n"
	"Parse each C file with libclang, lower every function it defines to\n"
	"Bulkhead's IR and print it: `ir` shows the instructions block by block,\n"
	"`cfg` only the control-flow graph. Paths are printed relative to the\n"
	"context. For developers and golden tests; the format may change.\n"
	"\n"
	"options:\n"
	"  --compile-commands FILE      take each file's flags from this database\n"
	"  -C, --context DIR            print paths relative to DIR (default: the\n"
	"                               current directory, else the file's directory)\n"
	"  --format text|dot            cfg only: text (default) or Graphviz dot\n"
	"  -h, --help                   this help\n"
	"\n"
	"exit status: 0 dumped, 2 usage error or diagnostics of level error.\n";


typedef struct {
	BH_VEC(const char *) items;
} str_list;

typedef struct {
	bh_scan_options scan;
	output_format format;
	const char *output;
	bh_level fail_on;
	bool fail_on_given;
	const char *write_baseline;
	int color; /* -1 auto, 0 never, 1 always */
	bool quiet;
	bool no_cache;
	char *default_cache_dir; /* heap */
	str_list dockerfiles, excludes, files, summaries;
} scan_cli;


// An option's decimal value, all of `s`, from lo to hi.
static bool parse_in_range(long *out, const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (errno || end == s || *end || n < lo || n > hi)
		return false;
	*out = n;
	return true;
}

static bool parse_jobs(int *out, const char *s)
{
	long n;
	if (!parse_in_range(&n, s, 1, 1024))
		return false;
	*out = (int)n;
	return true;
}

// `K/N`: shard K of N, 1 <= K <= N <= 1024.
static bool parse_shard(bh_scan_options *opts, const char *s)
{
	char *slash, *end;
	errno = 0;
	long k = strtol(s, &slash, 10);
	if (errno || slash == s || *slash != '/')
		return false;
	long n = strtol(slash + 1, &end, 10);
	if (errno || end == slash + 1 || *end || k < 1 || n < 1 || k > n || n > 1024)
		return false;
	opts->shard = (unsigned)k;
	opts->nshards = (unsigned)n;
	return true;
}

// Returns -1 when parsing succeeded, else the exit code to use.
static int parse_scan_args(scan_cli *cli, int argc, char **argv)
{
	enum { OPT_FORMAT = 256, OPT_FAIL_ON, OPT_COMPDB, OPT_EXCLUDE, OPT_CONFIG,
	       OPT_BASELINE, OPT_WRITE_BASELINE, OPT_COLOR, OPT_SUMMARIES, OPT_WRITE_SUMMARIES, OPT_SHARD,
	       OPT_ONLY_SHIPPED, OPT_MIN_EXPOSURE, OPT_TARGET, OPT_SORT, OPT_DIFF, OPT_STAGED,
	       OPT_CACHE_DIR, OPT_NO_CACHE, OPT_IR_MEMORY };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "dockerfile", required_argument, NULL, 'f' },
		{ "compile-commands", required_argument, NULL, OPT_COMPDB },
		{ "exclude", required_argument, NULL, OPT_EXCLUDE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "baseline", required_argument, NULL, OPT_BASELINE },
		{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "summaries", required_argument, NULL, OPT_SUMMARIES },
		{ "write-summaries", required_argument, NULL, OPT_WRITE_SUMMARIES },
		{ "shard", required_argument, NULL, OPT_SHARD },
		{ "only-shipped", no_argument, NULL, OPT_ONLY_SHIPPED },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "min-exposure", required_argument, NULL, OPT_MIN_EXPOSURE },
		{ "diff", required_argument, NULL, OPT_DIFF },
		{ "staged", no_argument, NULL, OPT_STAGED },
		{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
		{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
		{ "ir-memory", required_argument, NULL, OPT_IR_MEMORY },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	bool context_given = false;
	optind = 1;
	// '+' stops at the first non-option so that `--` and CONTEXT keep
	// their order; options after CONTEXT are handled by the loop below.
	while (optind < argc) {
		if ((c = getopt_long(argc, argv, "+o:f:j:qh", longopts, NULL)) == -1) {
			if (strcmp(argv[optind - 1], "--") == 0) {
				// getopt consumed "--": the rest are files.
				for (int i = optind; i < argc; i++)
					bh_vec_push(&cli->files.items, argv[i]);
				break;
			}
			if (optind >= argc)
				break;
			if (context_given)
				return bh_cli_usage_error(usage_scan, "more than one CONTEXT given: '%s'", argv[optind]);
			cli->scan.context = argv[optind++];
			context_given = true;
			continue;
		}
		switch (c) {
		case OPT_FORMAT:
			if (!bh_cli_parse_format(&cli->format, optarg, true))
				return bh_cli_usage_error(usage_scan, "unknown format '%s' (text, json, sarif, gitlab-sast, codequality, html)", optarg);
			break;
		case 'o': cli->output = optarg; break;
		case OPT_FAIL_ON:
			if (bh_level_parse(&cli->fail_on, optarg) != BH_OK)
				return bh_cli_usage_error(usage_scan, "unknown --fail-on level '%s' (note, warning, error, never)", optarg);
			cli->fail_on_given = true;
			break;
		case 'f': bh_vec_push(&cli->dockerfiles.items, optarg); break;
		case OPT_COMPDB: cli->scan.compile_commands = optarg; break;
		case OPT_EXCLUDE: bh_vec_push(&cli->excludes.items, optarg); break;
		case 'j':
			if (!parse_jobs(&cli->scan.jobs, optarg))
				return bh_cli_usage_error(usage_scan, "--jobs needs a number from 1 to 1024, not '%s'", optarg);
			break;
		case OPT_CONFIG: cli->scan.config_path = optarg; break;
		case OPT_BASELINE: cli->scan.baseline_path = optarg; break;
		case OPT_WRITE_BASELINE: cli->write_baseline = optarg; break;
		case OPT_SUMMARIES: bh_vec_push(&cli->summaries.items, optarg); break;
		case OPT_WRITE_SUMMARIES: cli->scan.write_summaries = optarg; break;
		case OPT_SHARD:
			if (!parse_shard(&cli->scan, optarg))
				return bh_cli_usage_error(usage_scan, "--shard needs K/N with 1 <= K <= N <= 1024, not '%s'", optarg);
			break;
		case OPT_ONLY_SHIPPED: cli->scan.only_shipped = true; break;
		case OPT_TARGET: cli->scan.target = optarg; break;
		case OPT_SORT:
			if (strcmp(optarg, "exposure") == 0)
				cli->scan.sort_by_exposure = true;
			else if (strcmp(optarg, "location") != 0)
				return bh_cli_usage_error(usage_scan, "--sort needs location or exposure, not '%s'", optarg);
			break;
		case OPT_DIFF:
			// A revision is never an option: `--diff --output=x` would be
			// one to git.
			if (!*optarg || optarg[0] == '-')
				return bh_cli_usage_error(usage_scan, "--diff needs a git revision, not '%s'", optarg);
			cli->scan.diff_rev = optarg;
			break;
		case OPT_STAGED: cli->scan.diff_staged = true; break;
		case OPT_CACHE_DIR:
			if (!*optarg)
				return bh_cli_usage_error(usage_scan, "%s", "--cache-dir needs a directory");
			cli->scan.cache_dir = optarg;
			break;
		case OPT_NO_CACHE: cli->no_cache = true; break;
		case OPT_IR_MEMORY: {
			long mib;
			if (!parse_in_range(&mib, optarg, 1, BH_SCAN_MAX_IR_MEMORY))
				return bh_cli_usage_error(usage_scan, "--ir-memory needs a number of MiB from 1 to %u, not '%s'",
							  BH_SCAN_MAX_IR_MEMORY, optarg);
			cli->scan.ir_memory = (unsigned)mib;
			break;
		}
		case OPT_MIN_EXPOSURE: {
			long v;
			if (!parse_in_range(&v, optarg, 0, 100))
				return bh_cli_usage_error(usage_scan, "--min-exposure needs a number from 0 to 100, not '%s'", optarg);
			cli->scan.min_exposure = (int)v;
			break;
		}
		case OPT_COLOR:
			if (!bh_cli_parse_color(&cli->color, optarg))
				return bh_cli_usage_error(usage_scan, "unknown --color '%s' (auto, always, never)", optarg);
			break;
		case 'q': cli->quiet = true; break;
		case 'h': fputs(usage_scan, stdout); return EXIT_CLEAN;
		default: fprintf(stderr, "\n%s", usage_scan); return EXIT_TROUBLE;
		}
	}
	if (cli->scan.diff_rev && cli->scan.diff_staged)
		return bh_cli_usage_error(usage_scan, "%s", "--diff and --staged cannot be combined");
	// A baseline records every finding; one written under --diff would
	// miss those on unchanged lines.
	if ((cli->scan.diff_rev || cli->scan.diff_staged) && cli->write_baseline)
		return bh_cli_usage_error(usage_scan, "%s", "--write-baseline records every finding; "
				   "it cannot be combined with --diff or --staged");
	cli->scan.dockerfiles = cli->dockerfiles.items.items;
	cli->scan.ndockerfiles = cli->dockerfiles.items.len;
	cli->scan.excludes = cli->excludes.items.items;
	cli->scan.nexcludes = cli->excludes.items.len;
	cli->scan.only_files = cli->files.items.items;
	cli->scan.nonly_files = cli->files.items.len;
	cli->scan.summaries = cli->summaries.items.items;
	cli->scan.nsummaries = cli->summaries.items.len;
	// The result cache: --cache-dir, else the user's cache directory;
	// none with --no-cache or BULKHEAD_NO_CACHE set (to anything but "").
	if (cli->no_cache || bh_cache_off_by_env())
		cli->scan.cache_dir = NULL;
	else if (!cli->scan.cache_dir) {
		cli->scan.cache_dir = cli->default_cache_dir = bh_cache_default_dir(cli->scan.context);
		bh_cache_forget_stale(cli->default_cache_dir, BH_CACHE_STALE_DAYS);
	}
	return -1;
}


// The current time as ISO 8601 UTC, "2024-05-01T12:00:03Z"; "" if the
// clock cannot be read.
static void utc_now(char *buf, size_t cap)
{
	time_t now = time(NULL);
	struct tm tm;
	buf[0] = '\0';
	if (now != (time_t)-1 && gmtime_r(&now, &tm) && strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		buf[0] = '\0';
}


static int cmd_scan(int argc, char **argv)
{
	scan_cli cli = { .scan = BH_SCAN_OPTIONS_INIT, .format = FORMAT_TEXT,
			 .fail_on = BH_LEVEL_WARNING, .color = -1 };
	int rc = parse_scan_args(&cli, argc, argv);
	bh_scan *scan = NULL;
	FILE *out = stdout;
	if (rc >= 0)
		goto done;

	// GitLab's security report requires the scan's start and end times;
	// the other formats leave them out so that two runs give one output.
	char start_time[32] = "", end_time[32] = "";
	if (cli.format == FORMAT_GITLAB_SAST)
		utc_now(start_time, sizeof(start_time));
	// A progress line while it runs, on a terminal and unless --quiet.
	bh_cli_progress progress;
	if (!cli.quiet && isatty(STDERR_FILENO) && !getenv("NO_PROGRESS")) {
		bh_cli_progress_start(&progress);
		cli.scan.progress = bh_cli_progress_update;
		cli.scan.progress_payload = &progress;
	}
	cli.scan.keep_images = cli.format == FORMAT_HTML;
	bh_status st = bh_scan_run(&scan, &cli.scan);
	if (cli.scan.progress)
		bh_cli_progress_end(&progress);
	if (cli.format == FORMAT_GITLAB_SAST)
		utc_now(end_time, sizeof(end_time));
	rc = EXIT_CLEAN;
	if (st < 0 || bh_diags_has_error(&scan->diags))
		rc = EXIT_TROUBLE;

	if (cli.write_baseline) {
		if (bh_baseline_write(cli.write_baseline, &scan->findings, &scan->diags) != BH_OK) {
			rc = EXIT_TROUBLE;
		} else {
			// Everything now recorded is accepted: only trouble fails.
			for (size_t i = 0; i < scan->findings.items.len; i++)
				if (!scan->findings.items.items[i].suppressed)
					scan->findings.items.items[i].suppressed = BH_SUPPRESS_BASELINE;
		}
	}
	bh_level fail_on = cli.fail_on_given ? cli.fail_on
			   : scan->config.has_fail_on ? scan->config.fail_on : cli.fail_on;
	if (rc == EXIT_CLEAN && bh_cli_fails(&scan->findings, fail_on))
		rc = EXIT_FINDINGS;

	if (cli.output && !(out = fopen(cli.output, "w"))) {
		fprintf(stderr, "bulkhead: cannot write '%s': %s\n", cli.output, strerror(errno));
		rc = EXIT_TROUBLE;
		goto done;
	}
	bh_report report = {
		.tool_version = BH_VERSION,
		.context_root = scan->ctx ? bh_ctx_root(scan->ctx) : cli.scan.context,
		.findings = &scan->findings,
		.diags = &scan->diags,
		.line_fn = bh_scan_line,
		.line_payload = scan,
		.files_scanned = scan->ctx ? bh_ctx_file_count(scan->ctx) : 0,
		.units_parsed = scan->units_parsed,
		.color = cli.format == FORMAT_TEXT && bh_cli_want_color(cli.color, out),
		.quiet = cli.quiet,
		.start_time = start_time[0] ? start_time : NULL,
		.end_time = end_time[0] ? end_time : NULL,
		.images = scan->images,
		.nimages = scan->nimages,
		.images_known = true,
	};
	bh_status wst = bh_cli_write_report(out, &report, cli.format);
	if (wst != BH_OK || fflush(out) != 0 || ferror(out)) {
		fprintf(stderr, "bulkhead: writing the report failed\n");
		rc = EXIT_TROUBLE;
	}
done:
	if (out && out != stdout)
		fclose(out);
	bh_scan_free(scan);
	bh_vec_dispose(&cli.dockerfiles.items);
	bh_vec_dispose(&cli.excludes.items);
	bh_vec_dispose(&cli.files.items);
	bh_vec_dispose(&cli.summaries.items);
	free(cli.default_cache_dir);
	return rc;
}

static int cmd_image(int argc, char **argv)
{
	enum { OPT_FORMAT = 256, OPT_TARGET };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "dockerfile", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bh_img_format format = BH_IMG_TEXT;
	const char *context = ".", *dockerfile = NULL, *target = NULL;
	bool context_given = false;
	int c;
	optind = 1;
	while (optind < argc) {
		if ((c = getopt_long(argc, argv, "+f:h", longopts, NULL)) == -1) {
			if (optind >= argc)
				break;
			if (context_given)
				return bh_cli_usage_error(usage_image, "more than one CONTEXT given: '%s'", argv[optind]);
			context = argv[optind++];
			context_given = true;
			continue;
		}
		switch (c) {
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				format = BH_IMG_TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = BH_IMG_JSON;
			else if (strcmp(optarg, "dot") == 0)
				format = BH_IMG_DOT;
			else
				return bh_cli_usage_error(usage_image, "unknown format '%s' (text, json, dot)", optarg);
			break;
		case OPT_TARGET: target = optarg; break;
		case 'f': dockerfile = optarg; break;
		case 'h': fputs(usage_image, stdout); return EXIT_CLEAN;
		default: fprintf(stderr, "\n%s", usage_image); return EXIT_TROUBLE;
		}
	}
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_findings findings;
	bh_diags_init(&diags, arena);
	bh_findings_init(&findings, arena);
	bh_ctx_options copts = BH_CTX_OPTIONS_INIT;
	copts.root = context;
	bh_ctx *ctx = NULL;
	bh_img *img = NULL;
	int rc = EXIT_TROUBLE;
	if (bh_ctx_open(&ctx, &copts, &diags) == BH_OK &&
	    bh_img_load(&img, arena, ctx, dockerfile, target, &findings, &diags) == BH_OK) {
		rc = EXIT_CLEAN;
		if (bh_img_print(stdout, img, format) != BH_OK || fflush(stdout) != 0) {
			fprintf(stderr, "bulkhead: writing the image model failed\n");
			rc = EXIT_TROUBLE;
		}
	}
	// Syntax errors and diagnostics explain an incomplete model.
	bh_findings_sort_unique(&findings);
	for (size_t i = 0; i < findings.items.len; i++) {
		const bh_finding *fd = &findings.items.items[i];
		if (fd->rule->index != BH_RULE_DOCKER_PARSE_ERROR)
			continue;
		fprintf(stderr, "%s:%u:%u: error: %s [%s]\n", fd->loc.path, fd->loc.line, fd->loc.col,
			fd->message, fd->rule->id);
		rc = EXIT_TROUBLE;
	}
	bh_diags_sort(&diags);
	for (size_t i = 0; i < diags.items.len; i++) {
		const bh_diag *d = &diags.items.items[i];
		fprintf(stderr, "bulkhead: %s%s%s: %s [%s]\n", d->loc.path ? d->loc.path : "",
			d->loc.path ? ": " : "", bh_level_name(d->level), d->message, d->code);
		if (d->level == BH_LEVEL_ERROR)
			rc = EXIT_TROUBLE;
	}
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_ctx_free(ctx);
	bh_arena_free(arena);
	return rc;
}

static void format_cwes(char *buf, size_t cap, const bh_rule *r)
{
	buf[0] = '\0';
	size_t n = 0;
	for (size_t i = 0; i < BH_ARRAY_LEN(r->cwe) && r->cwe[i]; i++) {
		int w = snprintf(buf + n, cap - n, "%sCWE-%d", n ? "," : "", r->cwe[i]);
		if (w < 0 || (size_t)w >= cap - n)
			break;
		n += (size_t)w;
	}
}

static int cmd_rules(int argc, char **argv)
{
	output_format format = FORMAT_TEXT;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(usage_rules, stdout);
			return EXIT_CLEAN;
		}
		const char *val = NULL;
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			val = argv[++i];
		else if (strncmp(argv[i], "--format=", 9) == 0)
			val = argv[i] + 9;
		if (!val)
			return bh_cli_usage_error(usage_rules, "unexpected argument '%s'", argv[i]);
		if (!bh_cli_parse_format(&format, val, false))
			return bh_cli_usage_error(usage_rules, "unknown format '%s' (text, json)", val);
	}
	if (format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < bh_rule_count(); i++) {
			const bh_rule *r = bh_rule_at(i);
			json_t *cwe = json_array();
			for (size_t k = 0; k < BH_ARRAY_LEN(r->cwe) && r->cwe[k]; k++)
				json_array_append_new(cwe, json_sprintf("CWE-%d", r->cwe[k]));
			json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:f, s:s, s:o, s:s}",
				"id", r->id, "domain", r->domain, "title", r->title,
				"level", bh_level_name(r->level),
				"security_severity", r->security_severity,
				"precision", r->precision, "cwe", cwe,
				"summary", bh_rule_summary(r)));
		}
		json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
		json_decref(arr);
		return EXIT_CLEAN;
	}
	for (size_t i = 0; i < bh_rule_count(); i++) {
		const bh_rule *r = bh_rule_at(i);
		char cwes[64];
		format_cwes(cwes, sizeof(cwes), r);
		printf("%-26s %-8s %-16s %s\n", r->id, bh_level_name(r->level), cwes, r->title);
	}
	return EXIT_CLEAN;
}

static int cmd_explain(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs(usage_explain, stdout);
		return EXIT_CLEAN;
	}
	if (argc != 2)
		return bh_cli_usage_error(usage_explain, "%s", "explain takes exactly one rule id");
	const bh_rule *r = bh_rule_find(argv[1]);
	if (!r)
		return bh_cli_usage_error(usage_explain, "unknown rule '%s' (see `bulkhead rules`)", argv[1]);
	char cwes[64];
	format_cwes(cwes, sizeof(cwes), r);
	fputs(r->doc, stdout);
	printf("\nDefault severity: %s (security severity %.1f). Precision: %s. %s\n",
	       bh_level_name(r->level), r->security_severity, r->precision, cwes);
	return EXIT_CLEAN;
}

static int cmd_lsp(int argc, char **argv)
{
	enum { OPT_CONTEXT = 256, OPT_DEBOUNCE, OPT_STDIO };
	static const struct option longopts[] = {
		{ "context", required_argument, NULL, OPT_CONTEXT },
		{ "jobs", required_argument, NULL, 'j' },
		{ "debounce", required_argument, NULL, OPT_DEBOUNCE },
		{ "stdio", no_argument, NULL, OPT_STDIO },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bh_lsp_options o = BH_LSP_OPTIONS_INIT;
	char *context = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CONTEXT:
			free(context);
			context = realpath(optarg, NULL);
			if (!context)
				return bh_cli_usage_error(usage_lsp, "--context '%s' is not a directory", optarg);
			break;
		case 'j':
			if (!parse_jobs(&o.jobs, optarg))
				return bh_cli_usage_error(usage_lsp, "--jobs needs a number from 1 to 1024, not '%s'", optarg);
			break;
		case OPT_DEBOUNCE: {
			long ms;
			if (!parse_in_range(&ms, optarg, 0, 10000))
				return bh_cli_usage_error(usage_lsp, "--debounce needs milliseconds from 0 to 10000, not '%s'",
						   optarg);
			o.debounce_ms = (int)ms;
			break;
		}
		case OPT_STDIO:
			break;
		case 'h':
			fputs(usage_lsp, stdout);
			return EXIT_CLEAN;
		default:
			return bh_cli_usage_error(usage_lsp, "%s", "unknown option");
		}
	}
	if (optind < argc)
		return bh_cli_usage_error(usage_lsp, "unexpected argument '%s'", argv[optind]);
	o.context = context;
	int status = bh_lsp_serve(STDIN_FILENO, STDOUT_FILENO, &o);
	free(context);
	return status;
}

static int cmd_dump(int argc, char **argv)
{
	enum { OPT_COMPDB = 256, OPT_FORMAT };
	static const struct option longopts[] = {
		{ "compile-commands", required_argument, NULL, OPT_COMPDB },
		{ "context", required_argument, NULL, 'C' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs(usage_dump, stdout);
		return EXIT_CLEAN;
	}
	if (argc < 2 || (strcmp(argv[1], "ir") != 0 && strcmp(argv[1], "cfg") != 0))
		return bh_cli_usage_error(usage_dump, "%s", "dump needs a stage: ir or cfg");
	bh_dump_options opts = BH_DUMP_OPTIONS_INIT;
	opts.kind = strcmp(argv[1], "ir") == 0 ? BH_DUMP_IR : BH_DUMP_CFG;
	int c;
	optind = 1;
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_COMPDB: opts.compile_commands = optarg; break;
		case 'C': opts.context = optarg; break;
		case OPT_FORMAT:
			if (strcmp(optarg, "dot") == 0 && opts.kind != BH_DUMP_IR)
				opts.kind = BH_DUMP_CFG_DOT;
			else if (strcmp(optarg, "text") != 0)
				return bh_cli_usage_error(usage_dump, "unknown format '%s' (text; dot for cfg)", optarg);
			break;
		case 'h': fputs(usage_dump, stdout); return EXIT_CLEAN;
		default: fprintf(stderr, "\n%s", usage_dump); return EXIT_TROUBLE;
		}
	}
	if (optind >= argc)
		return bh_cli_usage_error(usage_dump, "%s", "no FILE given");
	opts.files = (const char *const *)argv + optind;
	opts.nfiles = (size_t)(argc - optind);
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_status st = bh_dump_run(stdout, &opts, &diags);
	for (size_t i = 0; i < diags.items.len; i++) {
		const bh_diag *d = &diags.items.items[i];
		fprintf(stderr, "%s:%u:%u: %s: %s [%s]\n", d->loc.path ? d->loc.path : "bulkhead",
			d->loc.line, d->loc.col, bh_level_name(d->level), d->message, d->code);
	}
	int rc = st != BH_OK || bh_diags_has_error(&diags) ? EXIT_TROUBLE : EXIT_CLEAN;
	if (fflush(stdout) != 0)
		rc = EXIT_TROUBLE;
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return rc;
}

int main(int argc, char **argv)
{
	bh_alloc_install();
	if (argc < 2)
		return bh_cli_usage_error(usage_main, "%s", "no command given");
	const char *cmd = argv[1];
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("bulkhead %s (libclang: %s)\n", BH_VERSION, bh_clang_version());
		return EXIT_CLEAN;
	}
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage_main, stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(cmd, "scan") == 0)
		return cmd_scan(argc - 1, argv + 1);
	if (strcmp(cmd, "image") == 0)
		return cmd_image(argc - 1, argv + 1);
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules(argc - 1, argv + 1);
	if (strcmp(cmd, "explain") == 0)
		return cmd_explain(argc - 1, argv + 1);
	if (strcmp(cmd, "dump") == 0)
		return cmd_dump(argc - 1, argv + 1);
	if (strcmp(cmd, "lsp") == 0)
		return cmd_lsp(argc - 1, argv + 1);
	if (strcmp(cmd, "merge") == 0)
		return bh_cli_merge(argc - 1, argv + 1);
	return bh_cli_usage_error(usage_main, "unknown command '%s'", cmd);
}
