// SPDX-License-Identifier: MIT
// Test helper: builds a realistic report in memory (several rules, related
// locations, flow steps, every kind of suppression, a caveat note,
// diagnostics with and without a location, a path that needs
// percent-encoding, messages with quotes, newlines and non-ASCII text) and
// writes it in one format. The tests/cli validators then check the real
// writer output against the SARIF multitool and report.schema.json.
//
//   report_sample sarif|json|text OUTFILE [--color] [--times]
#include <stdio.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/report.h"
#include "bulkhead/source.h"

// The "build context": file contents the writers read through line_fn.
static const struct {
	const char *path;
	const char *text;
} files[] = {
	{ "src/main.c",
	  "#include <stdio.h>\n"
	  "int main(void)\n"
	  "{\n"
	  "\tchar buf[16];\n"
	  "\tgets(buf);\n"
	  "\tchar tmp[8];\n"
	  "\tstrcpy(tmp, \"much too long\");\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "src/my file.c",
	  "#include <stdio.h>\n"
	  "void log_it(const char *msg)\n"
	  "{\n"
	  "\t/* caf\xc3\xa9 \xf0\x9f\x90\xb3 */ printf(msg);\n"
	  "}\n"
	  "void run(char **argv)\n"
	  "{\n"
	  "\tlog_it(argv[1]);\n"
	  "\tsystem(argv[2]);\n"
	  "\tchar *t = tmpnam(NULL);\n"
	  "}\n" },
};

typedef struct {
	bh_source *src[BH_ARRAY_LEN(files)];
} sample_files;

static const char *line_of(void *payload, const char *path, uint32_t line, size_t *len_out)
{
	sample_files *sf = payload;
	for (size_t i = 0; i < BH_ARRAY_LEN(files); i++)
		if (strcmp(files[i].path, path) == 0)
			return bh_source_line(sf->src[i], line, len_out);
	return NULL;
}

static bh_loc loc(const char *path, uint32_t line, uint32_t col, uint32_t end_col)
{
	bh_loc l = { path, line, col, end_col ? line : 0, end_col };
	return l;
}

static void build(bh_findings *f, bh_diags *d)
{
	bh_finding *fd;

	fd = bh_finding_add(f, bh_rule_get(BH_RULE_C_GETS), loc("src/main.c", 5, 2, 6),
			    "call to gets() cannot limit how much it reads into 'buf'");
	fd->function = "main";
	fd->snippet = "gets(buf);";
	bh_finding_add_related(f, fd, loc("src/main.c", 4, 7, 10), "'buf' is declared here with 16 bytes");

	fd = bh_finding_add(f, bh_rule_get(BH_RULE_C_FORMAT_STRING), loc("src/my file.c", 4, 19, 25),
			    "format string \"msg\" comes from argv[1]\nand may contain %%n \xe2\x80\x94 caf\xc3\xa9");
	fd->function = "log_it";
	fd->snippet = "printf(msg);";
	fd->note = "analysed with fallback compile flags";
	bh_finding_add_flow(f, fd, loc("src/my file.c", 8, 9, 16), "argv[1] enters here");
	bh_finding_add_flow(f, fd, loc("src/my file.c", 2, 25, 28), "passed as 'msg'");
	bh_finding_add_flow(f, fd, loc("src/my file.c", 4, 26, 29), "used as the format");

	fd = bh_finding_add(f, bh_rule_get(BH_RULE_C_COMMAND_INJECTION), loc("src/my file.c", 9, 2, 8),
			    "shell command built from argv[2]");
	fd->function = "run";
	fd->snippet = "system(argv[2]);";
	bh_finding_add_flow(f, fd, loc("src/my file.c", 9, 9, 16), "argv[2] enters here");
	bh_finding_add_flow(f, fd, loc("src/my file.c", 9, 2, 8), "reaches system()");

	fd = bh_finding_add(f, bh_rule_get(BH_RULE_C_LITERAL_OVERFLOW), loc("src/main.c", 7, 2, 8),
			    "14-byte literal copied into 'tmp' of 8 bytes");
	fd->function = "main";
	fd->snippet = "strcpy(tmp, \"much too long\");";
	fd->suppressed = BH_SUPPRESS_INLINE;
	fd->suppress_reason = "test fixture, never built";

	fd = bh_finding_add(f, bh_rule_get(BH_RULE_C_UNBOUNDED_COPY), loc("src/main.c", 7, 2, 8),
			    "unbounded copy into 'tmp'");
	fd->function = "main";
	fd->snippet = "strcpy(tmp, \"much too long\");";
	fd->suppressed = BH_SUPPRESS_BASELINE;

	fd = bh_finding_add(f, bh_rule_get(BH_RULE_C_INSECURE_TEMP_FILE), loc("src/my file.c", 10, 12, 18),
			    "tmpnam() gives a predictable name");
	fd->function = "run";
	fd->snippet = "char *t = tmpnam(NULL);";
	fd->suppressed = BH_SUPPRESS_CONFIG;
	fd->suppress_reason = "rule disabled in .bulkhead.json";

	bh_diag_add(d, BH_LEVEL_WARNING, "clang.fallback-flags", "src/my file.c", 0, 0,
		    "no compile command for this file; analysed with default flags");
	bh_diag_add(d, BH_LEVEL_ERROR, "clang.parse-error", "src/broken.c", 3, 14,
		    "expected ';' after expression");
	bh_diag_add(d, BH_LEVEL_NOTE, "disc.no-compdb", NULL, 0, 0,
		    "no compile_commands.json in the context");
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: report_sample sarif|json|text OUTFILE [--color] [--times]\n");
		return 2;
	}
	const char *format = argv[1];
	bool color = false, times = false;
	for (int i = 3; i < argc; i++) {
		color |= strcmp(argv[i], "--color") == 0;
		times |= strcmp(argv[i], "--times") == 0;
	}

	int rc = 1;
	bh_arena *arena = bh_arena_new();
	sample_files sf;
	for (size_t i = 0; i < BH_ARRAY_LEN(files); i++)
		sf.src[i] = bh_source_from_bytes(arena, files[i].path, files[i].text,
						 strlen(files[i].text));
	bh_findings findings;
	bh_diags diags;
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	build(&findings, &diags);
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
	bh_diags_sort(&diags);

	bh_report r = {
		.tool_version = BH_VERSION,
		.context_root = "/srv/build context/app",
		.findings = &findings,
		.diags = &diags,
		.line_fn = line_of,
		.line_payload = &sf,
		.files_scanned = 4,
		.units_parsed = 2,
		.color = color,
		.start_time = times ? "2024-05-01T12:00:00Z" : NULL,
		.end_time = times ? "2024-05-01T12:00:03Z" : NULL,
	};
	FILE *out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		goto out;
	}
	bh_status st;
	if (strcmp(format, "sarif") == 0)
		st = bh_report_sarif(out, &r);
	else if (strcmp(format, "json") == 0)
		st = bh_report_json(out, &r);
	else if (strcmp(format, "text") == 0)
		st = bh_report_text(out, &r);
	else
		st = BH_EINVAL;
	if (fclose(out) != 0 && st == BH_OK)
		st = BH_EIO;
	if (st != BH_OK) {
		fprintf(stderr, "report_sample: %s: %s\n", format, bh_status_str(st));
		goto out;
	}
	rc = 0;
out:
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return rc;
}
