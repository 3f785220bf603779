// SPDX-License-Identifier: MIT
// Unit tests of the report writers: the exact text format (colors, tabs
// and caret alignment, quiet mode, hostile bytes), the JSON report's fields
// the SARIF structure GitHub relies on, GitLab's SAST and Code Quality
// reports, and what the HTML page shows and escapes. Each test builds a
// small report in a fresh arena; output is captured with open_memstream
// and, for JSON and SARIF, parsed back with jansson.
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/img.h"
#include "bulkhead/merge.h"
#include "bulkhead/report.h"
#include "bulkhead/source.h"

/* ------------------------------------------------------------- fixture */

static bh_arena *arena;
static bh_findings findings;
static bh_diags diags;
static bh_report report;

// Files of the fake context, served to the writers by line_of().
#define X10 "xxxxxxxxxx"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
static const struct {
	const char *path;
	const char *text;
} files[] = {
	{ "src/main.c", "int main(void)\n{\n\tgets(buf);\n\tx =\tfoo(a, b);\n}\n" },
	{ "src/my file.c", "/* caf\xc3\xa9 \xf0\x9f\x90\xb3 */ printf(msg);\n" },
	{ ".env", "API_TOKEN=hunter2-very-secret\n" },
	// One long line: 200 bytes, an e-acute, the call, 600 bytes.
	{ "gen/min.c", X100 X100 "\xc3\xa9" "gets(buf);" X100 X100 X100 X100 X100 X100 "\n" },
};
static bh_source *sources[BH_ARRAY_LEN(files)];

static const char *line_of(void *payload, const char *path, uint32_t line, size_t *len_out)
{
	(void)payload;
	for (size_t i = 0; i < BH_ARRAY_LEN(files); i++)
		if (strcmp(files[i].path, path) == 0)
			return bh_source_line(sources[i], line, len_out);
	return NULL;
}

static void setup(void)
{
	arena = bh_arena_new();
	for (size_t i = 0; i < BH_ARRAY_LEN(files); i++)
		sources[i] = bh_source_from_bytes(arena, files[i].path, files[i].text,
						  strlen(files[i].text));
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	memset(&report, 0, sizeof(report));
	report.tool_version = "1.2.3";
	report.context_root = "/ctx/root";
	report.findings = &findings;
	report.diags = &diags;
	report.line_fn = line_of;
	report.files_scanned = 4;
	report.units_parsed = 2;
}

static void teardown(void)
{
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

TestSuite(report, .init = setup, .fini = teardown);

static bh_loc loc(const char *path, uint32_t line, uint32_t col, uint32_t end_col)
{
	bh_loc l = { path, line, col, end_col ? line : 0, end_col };
	return l;
}

typedef bh_status (*writer_fn)(FILE *, const bh_report *);

// The writer's whole output as a heap string (caller frees).
static char *render(writer_fn write)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	cr_assert_not_null(out);
	cr_assert_eq(write(out, &report), BH_OK);
	fclose(out);
	return buf;
}

static json_t *render_json(writer_fn write)
{
	char *text = render(write);
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	cr_assert_not_null(root, "output is not JSON: %s (line %d)", err.text, err.line);
	free(text);
	return root;
}

// A gets() finding with a related location, a flow and a note, plus one
// suppressed finding and two diagnostics: the small report most tests use.
static bh_finding *add_small_report(void)
{
	bh_finding *fd = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS),
					loc("src/main.c", 3, 2, 6), "call to gets()");
	fd->function = "main";
	bh_finding_add_related(&findings, fd, loc("src/main.c", 1, 5, 9), "in this function");
	bh_finding_add_flow(&findings, fd, loc("src/main.c", 4, 9, 12), "flows here");
	fd->note = "analysed with fallback flags";

	bh_finding *sup = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_UNBOUNDED_COPY),
					 loc("src/main.c", 4, 2, 3), "hidden");
	sup->suppressed = BH_SUPPRESS_INLINE;
	sup->suppress_reason = "reviewed";

	bh_diag_add(&diags, BH_LEVEL_WARNING, "clang.fallback-flags", "src/main.c", 2, 1,
		    "no compile command");
	bh_diag_add(&diags, BH_LEVEL_NOTE, "disc.no-compdb", NULL, 0, 0,
		    "no compile_commands.json");
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
	bh_diags_sort(&diags);
	return fd;
}

/* ---------------------------------------------------------------- text */

Test(report, text_exact_format)
{
	add_small_report();
	char *out = render(bh_report_text);
	cr_assert_str_eq(out,
		"src/main.c:3:2: error: call to gets() [c.gets]\n"
		"\tgets(buf);\n"
		"\t^~~~\n"
		"    src/main.c:1:5: note: in this function\n"
		"    src/main.c:4:9: note: flows here\n"
		"    note: analysed with fallback flags\n"
		"bulkhead: note: no compile_commands.json [disc.no-compdb]\n"
		"src/main.c:2:1: warning: no compile command [clang.fallback-flags]\n"
		"1 finding (1 error, 0 warnings, 0 notes), 1 suppressed, 2 diagnostics; "
		"4 files, 2 translation units\n");
	free(out);
}

Test(report, text_colors_only_when_asked)
{
	add_small_report();
	report.color = true;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out,
		"\033[1msrc/main.c:3:2:\033[0m \033[1;31merror:\033[0m call to gets() [c.gets]\n"
		"\tgets(buf);\n"
		"\t\033[1;32m^~~~\033[0m\n"
		"    \033[1msrc/main.c:1:5:\033[0m \033[1;36mnote:\033[0m in this function\n"
		"    \033[1msrc/main.c:4:9:\033[0m \033[1;36mnote:\033[0m flows here\n"
		"    \033[1;36mnote:\033[0m analysed with fallback flags\n"
		"\033[1mbulkhead:\033[0m \033[1;36mnote:\033[0m no compile_commands.json [disc.no-compdb]\n"
		"\033[1msrc/main.c:2:1:\033[0m \033[1;35mwarning:\033[0m no compile command [clang.fallback-flags]\n"
		"1 finding (1 error, 0 warnings, 0 notes), 1 suppressed, 2 diagnostics; "
		"4 files, 2 translation units\n");
	free(out);
}

Test(report, text_caret_copies_tabs)
{
	// "\tx =\tfoo(a, b);": foo starts at byte column 6.
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_FORMAT_STRING),
		       loc("src/main.c", 4, 6, 9), "m");
	report.quiet = true;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out,
		"src/main.c:4:6: error: m [c.format-string]\n"
		"\tx =\tfoo(a, b);\n"
		"\t   \t^~~\n");
	free(out);
}

Test(report, text_caret_skips_utf8_continuation_bytes)
{
	// printf is at byte column 18 but display cell 14 (plus one for the
	// double-width whale, which a byte-based writer cannot know).
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_FORMAT_STRING),
		       loc("src/my file.c", 1, 18, 24), "m");
	report.quiet = true;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out,
		"src/my file.c:1:18: error: m [c.format-string]\n"
		"/* caf\xc3\xa9 \xf0\x9f\x90\xb3 */ printf(msg);\n"
		"             ^~~~~~\n");
	free(out);
}

Test(report, text_multiline_range_has_caret_only_and_far_column_is_clamped)
{
	bh_loc l = { "src/main.c", 3, 2, 4, 3 };
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), l, "multi");
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), loc("src/main.c", 1, 4000000000u, 0), "far");
	report.quiet = true;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out,
		"src/main.c:3:2: error: multi [c.gets]\n"
		"\tgets(buf);\n"
		"\t^\n"
		"src/main.c:1:4000000000: error: far [c.gets]\n"
		"int main(void)\n"
		"              ^\n");
	free(out);
}

Test(report, text_long_line_is_shown_as_a_window_around_the_column)
{
	// gets() at byte column 203: the window starts 128 bytes before it
	// and holds 512; the e-acute is one cell of the caret line.
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), loc("gen/min.c", 1, 203, 207), "long");
	report.quiet = true;
	char *out = render(bh_report_text);
	char expected[1024];
	snprintf(expected, sizeof expected,
		 "gen/min.c:1:203: error: long [c.gets]\n"
		 "...%.126s\xc3\xa9gets(buf);%.374s...\n"
		 "   %126s ^~~~\n", X100 X100, X100 X100 X100 X100, "");
	cr_assert_str_eq(out, expected);
	free(out);
}

Test(report, text_quiet_keeps_findings_and_error_diagnostics_only)
{
	add_small_report();
	bh_diag_add(&diags, BH_LEVEL_ERROR, "clang.parse-error", "src/b.c", 7, 0, "bad");
	report.quiet = true;
	report.line_fn = NULL;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out,
		"src/main.c:3:2: error: call to gets() [c.gets]\n"
		"    src/main.c:1:5: note: in this function\n"
		"    src/main.c:4:9: note: flows here\n"
		"    note: analysed with fallback flags\n"
		"src/b.c:7: error: bad [clang.parse-error]\n");
	free(out);
}

Test(report, text_escapes_control_bytes)
{
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), loc("src/x\033.c", 0, 0, 0),
		       "two\nlines\tand \033[31mred");
	report.quiet = true;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out,
		"src/x\\x1b.c: error: two\\nlines\\tand \\x1b[31mred [c.gets]\n");
	free(out);
}

// A finding of a registry-shaped secret rule on the .env line that holds
// "hunter2-very-secret", with the redacted message and snippet rules make.
// `rule` is caller storage that must outlive the report.
static bh_finding *add_secret_finding(bh_rule *rule)
{
	*rule = *bh_rule_get(BH_RULE_C_GETS);
	rule->id = "secret.generic-token";
	rule->domain = "secret";
	bh_finding *fd = bh_finding_add(&findings, rule, loc(".env", 1, 11, 30),
					"token 'hunt…' in .env");
	fd->snippet = "API_TOKEN=hunt… (19 chars)";
	return fd;
}

Test(report, text_never_echoes_a_secret_line)
{
	bh_rule secret;
	add_secret_finding(&secret);
	report.quiet = true;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out, ".env:1:11: error: token 'hunt…' in .env [secret.generic-token]\n");
	cr_assert_null(strstr(out, "hunter2"));
	free(out);
}

Test(report, text_summary_of_empty_report)
{
	report.findings = NULL;
	report.diags = NULL;
	report.files_scanned = 1;
	report.units_parsed = 1;
	char *out = render(bh_report_text);
	cr_assert_str_eq(out, "0 findings (0 errors, 0 warnings, 0 notes), 0 suppressed, "
			      "0 diagnostics; 1 file, 1 translation unit\n");
	free(out);
}

Test(report, write_failure_is_eio)
{
	add_small_report();
	FILE *full = fopen("/dev/full", "w");
	cr_assert_not_null(full);
	cr_assert_eq(bh_report_text(full, &report), BH_EIO);
	clearerr(full);
	cr_assert_eq(bh_report_json(full, &report), BH_EIO);
	clearerr(full);
	cr_assert_eq(bh_report_sarif(full, &report), BH_EIO);
	clearerr(full);
	cr_assert_eq(bh_report_gitlab_sast(full, &report), BH_EIO);
	clearerr(full);
	cr_assert_eq(bh_report_codequality(full, &report), BH_EIO);
	clearerr(full);
	cr_assert_eq(bh_report_html(full, &report), BH_EIO);
	fclose(full);
}

/* ---------------------------------------------------------------- JSON */

static const char *jget_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	cr_assert(json_is_string(v), "%s is not a string", key);
	return json_string_value(v);
}

static json_int_t jget_int(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	cr_assert(json_is_integer(v), "%s is not an integer", key);
	return json_integer_value(v);
}

Test(report, json_top_level_and_summary)
{
	add_small_report();
	json_t *root = render_json(bh_report_json);
	cr_assert_str_eq(jget_str(root, "version"), BH_REPORT_JSON_VERSION);
	json_t *tool = json_object_get(root, "tool");
	cr_assert_str_eq(jget_str(tool, "name"), "bulkhead");
	cr_assert_str_eq(jget_str(tool, "version"), "1.2.3");
	cr_assert_str_eq(jget_str(root, "context"), "/ctx/root");
	cr_assert_null(json_object_get(root, "start_time"), "no timestamps unless set");
	json_t *s = json_object_get(root, "summary");
	cr_assert_eq(jget_int(s, "findings"), 1);
	cr_assert_eq(jget_int(s, "errors"), 1);
	cr_assert_eq(jget_int(s, "warnings"), 0);
	cr_assert_eq(jget_int(s, "suppressed"), 1);
	cr_assert_eq(jget_int(s, "diagnostics"), 2);
	cr_assert_eq(jget_int(s, "diagnostic_errors"), 0);
	cr_assert_eq(jget_int(s, "files_scanned"), 4);
	cr_assert_eq(jget_int(s, "units_parsed"), 2);
	json_decref(root);
}

Test(report, json_key_order_is_fixed)
{
	add_small_report();
	char *out = render(bh_report_json);
	const char *keys[] = { "\"version\"", "\"tool\"", "\"context\"", "\"summary\"",
			       "\"findings\"", "\"rule\"", "\"level\"", "\"security_severity\"",
			       "\"cwe\"", "\"message\"", "\"location\"", "\"function\"",
			       "\"snippet\"", "\"related\"", "\"flow\"", "\"note\"",
			       "\"fingerprint\"", "\"suppressed\"", "\"image\"", "\"fix\"",
			       "\"diagnostics\"" };
	const char *at = out;
	for (size_t i = 0; i < BH_ARRAY_LEN(keys); i++) {
		const char *next = strstr(at, keys[i]);
		cr_assert_not_null(next, "%s missing or out of order", keys[i]);
		at = next;
	}
	cr_assert(strncmp(out, "{\n  \"version\"", 13) == 0, "indented by 2");
	free(out);
}

Test(report, json_finding_fields)
{
	add_small_report();
	json_t *root = render_json(bh_report_json);
	json_t *fs = json_object_get(root, "findings");
	cr_assert_eq(json_array_size(fs), 2, "suppressed findings are listed too");
	json_t *f = json_array_get(fs, 0);
	cr_assert_str_eq(jget_str(f, "rule"), "c.gets");
	cr_assert_str_eq(jget_str(f, "level"), "error");
	cr_assert_float_eq(json_real_value(json_object_get(f, "security_severity")), 9.8, 1e-9);
	json_t *cwe = json_object_get(f, "cwe");
	cr_assert_eq(json_array_size(cwe), 2);
	cr_assert_eq(json_integer_value(json_array_get(cwe, 0)), 242);
	cr_assert_eq(json_integer_value(json_array_get(cwe, 1)), 120);
	json_t *l = json_object_get(f, "location");
	cr_assert_str_eq(jget_str(l, "path"), "src/main.c");
	cr_assert_eq(jget_int(l, "line"), 3);
	cr_assert_eq(jget_int(l, "col"), 2);
	cr_assert_eq(jget_int(l, "end_line"), 3);
	cr_assert_eq(jget_int(l, "end_col"), 6);
	cr_assert_str_eq(jget_str(f, "function"), "main");
	cr_assert(json_is_null(json_object_get(f, "snippet")));
	json_t *rel = json_array_get(json_object_get(f, "related"), 0);
	cr_assert_str_eq(jget_str(rel, "message"), "in this function");
	cr_assert_eq(jget_int(json_object_get(rel, "location"), "line"), 1);
	cr_assert_eq(json_array_size(json_object_get(f, "flow")), 1);
	cr_assert_str_eq(jget_str(f, "note"), "analysed with fallback flags");
	cr_assert_eq(strlen(jget_str(f, "fingerprint")), 32);
	cr_assert(json_is_null(json_object_get(f, "suppressed")));
	cr_assert(json_is_null(json_object_get(f, "image")));

	json_t *sup = json_object_get(json_array_get(fs, 1), "suppressed");
	cr_assert_str_eq(jget_str(sup, "kind"), "inline");
	cr_assert_str_eq(jget_str(sup, "reason"), "reviewed");
	json_decref(root);
}

Test(report, json_suppression_kinds_and_null_reason)
{
	static const struct { bh_suppress_kind kind; const char *name; } kinds[] = {
		{ BH_SUPPRESS_INLINE, "inline" },
		{ BH_SUPPRESS_CONFIG, "config" },
		{ BH_SUPPRESS_BASELINE, "baseline" },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++) {
		bh_finding *fd = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS),
						loc("a.c", (uint32_t)i + 1, 1, 0), "m");
		fd->suppressed = kinds[i].kind;
	}
	json_t *root = render_json(bh_report_json);
	json_t *fs = json_object_get(root, "findings");
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++) {
		json_t *f = json_array_get(fs, i);
		json_t *sup = json_object_get(f, "suppressed");
		cr_assert_str_eq(jget_str(sup, "kind"), kinds[i].name);
		cr_assert(json_is_null(json_object_get(sup, "reason")));
		cr_assert(json_is_null(json_object_get(f, "fingerprint")), "not computed here");
		cr_assert(json_is_null(json_object_get(json_object_get(f, "location"), "end_col")));
	}
	cr_assert_eq(jget_int(json_object_get(root, "summary"), "suppressed"), 3);
	json_decref(root);
}

Test(report, json_diagnostics_and_timestamps)
{
	add_small_report();
	bh_diag_add(&diags, BH_LEVEL_ERROR, "clang.parse-error", "src/b.c", 7, 0, "bad");
	report.start_time = "2024-05-01T12:00:00Z";
	report.end_time = "2024-05-01T12:00:01Z";
	json_t *root = render_json(bh_report_json);
	cr_assert_str_eq(jget_str(root, "start_time"), "2024-05-01T12:00:00Z");
	cr_assert_str_eq(jget_str(root, "end_time"), "2024-05-01T12:00:01Z");
	json_t *ds = json_object_get(root, "diagnostics");
	cr_assert_eq(json_array_size(ds), 3);
	json_t *d0 = json_array_get(ds, 0);
	cr_assert_str_eq(jget_str(d0, "code"), "disc.no-compdb");
	cr_assert(json_is_null(json_object_get(d0, "location")));
	json_t *d2 = json_array_get(ds, 2);
	cr_assert_str_eq(jget_str(d2, "level"), "error");
	json_t *l = json_object_get(d2, "location");
	cr_assert_str_eq(jget_str(l, "path"), "src/b.c");
	cr_assert_eq(jget_int(l, "line"), 7);
	cr_assert(json_is_null(json_object_get(l, "col")));
	cr_assert_eq(jget_int(json_object_get(root, "summary"), "diagnostic_errors"), 1);
	json_decref(root);
}

Test(report, json_repairs_invalid_utf8)
{
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), loc("bad\xff.c", 1, 1, 0),
		       "caf\xc3\xa9 \xc3 \xed\xa0\x80");
	json_t *root = render_json(bh_report_json);
	json_t *f = json_array_get(json_object_get(root, "findings"), 0);
	cr_assert_str_eq(jget_str(f, "message"),
			 "caf\xc3\xa9 \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	cr_assert_str_eq(jget_str(json_object_get(f, "location"), "path"), "bad\xef\xbf\xbd.c");
	json_decref(root);
}

/* --------------------------------------------------------------- SARIF */

static json_t *sarif_run(json_t *root)
{
	cr_assert_str_eq(jget_str(root, "version"), "2.1.0");
	cr_assert_not_null(strstr(jget_str(root, "$schema"), "sarif-schema-2.1.0.json"));
	json_t *runs = json_object_get(root, "runs");
	cr_assert_eq(json_array_size(runs), 1);
	return json_array_get(runs, 0);
}

static json_t *jpath(json_t *o, const char *path)
{
	// "a.b.0.c": object keys and array indexes separated by dots.
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *tok = strtok(buf, "."); tok && o; tok = strtok(NULL, ".")) {
		if (json_is_array(o))
			o = json_array_get(o, strtoul(tok, NULL, 10));
		else
			o = json_object_get(o, tok);
	}
	cr_assert_not_null(o, "%s missing", path);
	return o;
}

Test(report, sarif_driver_lists_every_rule_in_registry_order)
{
	json_t *root = render_json(bh_report_sarif);
	json_t *run = sarif_run(root);
	json_t *driver = jpath(run, "tool.driver");
	cr_assert_str_eq(jget_str(driver, "name"), "Bulkhead");
	cr_assert_str_eq(jget_str(driver, "semanticVersion"), "1.2.3");
	cr_assert_null(json_object_get(driver, "informationUri"), "no invented URL");
	json_t *rules = json_object_get(driver, "rules");
	cr_assert_eq(json_array_size(rules), bh_rule_count());
	for (size_t i = 0; i < bh_rule_count(); i++) {
		const bh_rule *rule = bh_rule_at(i);
		json_t *d = json_array_get(rules, i);
		cr_assert_str_eq(jget_str(d, "id"), rule->id);
		cr_assert_str_eq(jget_str(jpath(d, "shortDescription"), "text"), rule->title);
		cr_assert(strlen(jget_str(jpath(d, "fullDescription"), "text")) > 0);
		cr_assert_str_eq(jget_str(jpath(d, "defaultConfiguration"), "level"),
				 bh_level_name(rule->level));
		cr_assert(strlen(jget_str(jpath(d, "help"), "text")) > 0);
		cr_assert_str_eq(jget_str(jpath(d, "properties"), "precision"), rule->precision);
		json_t *tags = jpath(d, "properties.tags");
		cr_assert_str_eq(json_string_value(json_array_get(tags, 0)), "security");
		char score[16];
		snprintf(score, sizeof(score), "%.1f", rule->security_severity);
		cr_assert_str_eq(jget_str(jpath(d, "properties"), "security-severity"), score);
	}
	json_t *gets = json_array_get(rules, BH_RULE_C_GETS);
	cr_assert_str_eq(jget_str(gets, "name"), "CGets");
	cr_assert_str_eq(jget_str(jpath(gets, "properties"), "security-severity"), "9.8");
	json_t *tags = jpath(gets, "properties.tags");
	cr_assert_eq(json_array_size(tags), 3);
	cr_assert_str_eq(json_string_value(json_array_get(tags, 1)), "external/cwe/cwe-242");
	cr_assert_str_eq(json_string_value(json_array_get(tags, 2)), "external/cwe/cwe-120");
	cr_assert_str_eq(jget_str(jpath(gets, "help"), "markdown"), bh_rule_get(BH_RULE_C_GETS)->doc);
	cr_assert_str_eq(jget_str(json_array_get(rules, BH_RULE_C_INSECURE_TEMP_FILE), "name"),
			 "CInsecureTempFile");
	json_decref(root);
}

Test(report, sarif_result_structure)
{
	add_small_report();
	json_t *root = render_json(bh_report_sarif);
	json_t *run = sarif_run(root);
	cr_assert_str_eq(jget_str(run, "columnKind"), "utf16CodeUnits");
	cr_assert_str_eq(jget_str(jpath(run, "originalUriBaseIds.%SRCROOT%"), "uri"),
			 "file:///ctx/root/");
	json_t *results = json_object_get(run, "results");
	cr_assert_eq(json_array_size(results), 2);
	json_t *res = json_array_get(results, 0);
	cr_assert_str_eq(jget_str(res, "ruleId"), "c.gets");
	json_t *rules = jpath(run, "tool.driver.rules");
	json_int_t idx = jget_int(res, "ruleIndex");
	cr_assert_str_eq(jget_str(json_array_get(rules, (size_t)idx), "id"), "c.gets");
	cr_assert_str_eq(jget_str(res, "level"), "error");
	cr_assert_str_eq(jget_str(jpath(res, "message"), "text"), "call to gets()");

	json_t *phys = jpath(res, "locations.0.physicalLocation");
	cr_assert_str_eq(jget_str(jpath(phys, "artifactLocation"), "uri"), "src/main.c");
	cr_assert_str_eq(jget_str(jpath(phys, "artifactLocation"), "uriBaseId"), "%SRCROOT%");
	json_t *region = jpath(phys, "region");
	cr_assert_eq(jget_int(region, "startLine"), 3);
	cr_assert_eq(jget_int(region, "startColumn"), 2);
	cr_assert_eq(jget_int(region, "endLine"), 3);
	cr_assert_eq(jget_int(region, "endColumn"), 6);
	cr_assert_str_eq(jget_str(jpath(res, "locations.0.logicalLocations.0"), "name"), "main");

	json_t *rel = jpath(res, "relatedLocations.0");
	cr_assert_eq(jget_int(rel, "id"), 1);
	cr_assert_str_eq(jget_str(jpath(rel, "message"), "text"), "in this function");

	json_t *step = jpath(res, "codeFlows.0.threadFlows.0.locations.0.location");
	cr_assert_eq(jget_int(jpath(step, "physicalLocation.region"), "startLine"), 4);
	cr_assert_str_eq(jget_str(jpath(step, "message"), "text"), "flows here");

	json_t *fp = jpath(res, "partialFingerprints");
	cr_assert_eq(json_object_size(fp), 1, "no faked primaryLocationLineHash");
	cr_assert_eq(strlen(jget_str(fp, "bulkhead/v1")), 32);
	cr_assert_str_eq(jget_str(jpath(res, "properties"), "note"), "analysed with fallback flags");
	cr_assert_str_eq(jget_str(jpath(res, "properties"), "function"), "main");
	cr_assert_null(json_object_get(res, "suppressions"));

	json_t *sup = jpath(json_array_get(results, 1), "suppressions.0");
	cr_assert_str_eq(jget_str(sup, "kind"), "inSource");
	cr_assert_str_eq(jget_str(sup, "justification"), "reviewed");
	json_decref(root);
}

Test(report, sarif_suppression_kinds)
{
	bh_suppress_kind kinds[] = { BH_SUPPRESS_CONFIG, BH_SUPPRESS_BASELINE };
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++) {
		bh_finding *fd = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS),
						loc("a.c", (uint32_t)i + 1, 1, 0), "m");
		fd->suppressed = kinds[i];
	}
	json_t *root = render_json(bh_report_sarif);
	json_t *results = jpath(sarif_run(root), "results");
	json_t *s0 = jpath(json_array_get(results, 0), "suppressions.0");
	json_t *s1 = jpath(json_array_get(results, 1), "suppressions.0");
	cr_assert_str_eq(jget_str(s0, "kind"), "external");
	cr_assert_str_eq(jget_str(jpath(s0, "properties"), "origin"), "config");
	cr_assert_str_eq(jget_str(s1, "kind"), "external");
	cr_assert_str_eq(jget_str(jpath(s1, "properties"), "origin"), "baseline");
	cr_assert_null(json_object_get(s1, "justification"));
	json_decref(root);
}

Test(report, sarif_percent_encodes_paths_and_counts_utf16_columns)
{
	// printf: byte columns 18..24; UTF-16 columns 15..21 (é is one unit,
	// the whale two).
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_FORMAT_STRING),
		       loc("src/my file.c", 1, 18, 24), "m");
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS),
		       loc("d\xc3\xa9j\xc3\xa0/100%#?.c", 2, 3, 0), "m");
	report.context_root = "/srv/build context/";
	json_t *root = render_json(bh_report_sarif);
	json_t *run = sarif_run(root);
	cr_assert_str_eq(jget_str(jpath(run, "originalUriBaseIds.%SRCROOT%"), "uri"),
			 "file:///srv/build%20context/");
	json_t *r0 = jpath(run, "results.0.locations.0.physicalLocation");
	cr_assert_str_eq(jget_str(jpath(r0, "artifactLocation"), "uri"), "src/my%20file.c");
	cr_assert_eq(jget_int(jpath(r0, "region"), "startColumn"), 15);
	cr_assert_eq(jget_int(jpath(r0, "region"), "endColumn"), 21);
	json_t *r1 = jpath(run, "results.1.locations.0.physicalLocation");
	cr_assert_str_eq(jget_str(jpath(r1, "artifactLocation"), "uri"),
			 "d%C3%A9j%C3%A0/100%25%23%3F.c");
	// Unknown file: the byte column is kept.
	cr_assert_eq(jget_int(jpath(r1, "region"), "startColumn"), 3);
	cr_assert_null(json_object_get(jpath(r1, "region"), "endColumn"));
	json_decref(root);
}

Test(report, sarif_notifications_and_execution_success)
{
	add_small_report();
	json_t *root = render_json(bh_report_sarif);
	json_t *inv = jpath(sarif_run(root), "invocations.0");
	cr_assert(json_is_true(json_object_get(inv, "executionSuccessful")));
	cr_assert_null(json_object_get(inv, "startTimeUtc"));
	json_t *n0 = jpath(inv, "toolExecutionNotifications.0");
	cr_assert_str_eq(jget_str(jpath(n0, "descriptor"), "id"), "disc.no-compdb");
	cr_assert_str_eq(jget_str(n0, "level"), "note");
	cr_assert_str_eq(jget_str(jpath(n0, "message"), "text"), "no compile_commands.json");
	cr_assert_null(json_object_get(n0, "locations"));
	json_t *n1 = jpath(inv, "toolExecutionNotifications.1");
	cr_assert_str_eq(jget_str(jpath(n1, "locations.0.physicalLocation.artifactLocation"), "uri"),
			 "src/main.c");
	cr_assert_eq(jget_int(jpath(n1, "locations.0.physicalLocation.region"), "startLine"), 2);
	json_decref(root);

	bh_diag_add(&diags, BH_LEVEL_ERROR, "clang.parse-error", "src/b.c", 7, 0, "bad");
	report.start_time = "2024-05-01T12:00:00Z";
	root = render_json(bh_report_sarif);
	inv = jpath(sarif_run(root), "invocations.0");
	cr_assert(json_is_false(json_object_get(inv, "executionSuccessful")));
	cr_assert_str_eq(jget_str(inv, "startTimeUtc"), "2024-05-01T12:00:00Z");
	json_decref(root);
}

Test(report, sarif_without_findings_has_empty_results)
{
	report.findings = NULL;
	report.diags = NULL;
	report.context_root = NULL;
	json_t *root = render_json(bh_report_sarif);
	json_t *run = sarif_run(root);
	cr_assert_eq(json_array_size(json_object_get(run, "results")), 0);
	cr_assert_null(json_object_get(run, "originalUriBaseIds"));
	cr_assert_null(json_object_get(jpath(run, "invocations.0"), "toolExecutionNotifications"));
	json_decref(root);
}

/* ------------------------------------------------------ GitLab formats */

Test(report, gitlab_sast_top_level_and_scan)
{
	add_small_report();
	report.start_time = "2024-05-01T12:00:00Z";
	report.end_time = "2024-05-01T12:00:03Z";
	json_t *root = render_json(bh_report_gitlab_sast);
	cr_assert_str_eq(jget_str(root, "version"), BH_REPORT_GITLAB_SAST_VERSION);
	json_t *scan = jpath(root, "scan");
	cr_assert_str_eq(jget_str(scan, "type"), "sast");
	cr_assert_str_eq(jget_str(scan, "status"), "success");
	// GitLab's pattern has no zone: yyyy-mm-ddThh:mm:ss.
	cr_assert_str_eq(jget_str(scan, "start_time"), "2024-05-01T12:00:00");
	cr_assert_str_eq(jget_str(scan, "end_time"), "2024-05-01T12:00:03");
	const char *parts[] = { "analyzer", "scanner" };
	for (size_t i = 0; i < BH_ARRAY_LEN(parts); i++) {
		json_t *c = jpath(scan, parts[i]);
		cr_assert_str_eq(jget_str(c, "id"), "bulkhead");
		cr_assert_str_eq(jget_str(c, "name"), "Bulkhead");
		cr_assert_str_eq(jget_str(c, "version"), "1.2.3");
		cr_assert_str_eq(jget_str(jpath(c, "vendor"), "name"), "Bulkhead");
	}
	json_t *m0 = jpath(scan, "messages.0"), *m1 = jpath(scan, "messages.1");
	cr_assert_str_eq(jget_str(m0, "level"), "info");
	cr_assert_str_eq(jget_str(m0, "value"), "no compile_commands.json [disc.no-compdb]");
	cr_assert_str_eq(jget_str(m1, "level"), "warn");
	cr_assert_str_eq(jget_str(m1, "value"),
			 "src/main.c:2: no compile command [clang.fallback-flags]");
	json_decref(root);
}

Test(report, gitlab_sast_vulnerability_fields_and_no_suppressed)
{
	bh_finding *fd = add_small_report();
	json_t *root = render_json(bh_report_gitlab_sast);
	json_t *vulns = jpath(root, "vulnerabilities");
	cr_assert_eq(json_array_size(vulns), 1, "the suppressed finding is left out");
	json_t *v = json_array_get(vulns, 0);
	// The fingerprint in UUID layout.
	char uuid[37];
	snprintf(uuid, sizeof(uuid), "%.8s-%.4s-%.4s-%.4s-%.12s", fd->fingerprint,
		 fd->fingerprint + 8, fd->fingerprint + 12, fd->fingerprint + 16, fd->fingerprint + 20);
	cr_assert_str_eq(jget_str(v, "id"), uuid);
	cr_assert_str_eq(jget_str(v, "name"), bh_rule_get(BH_RULE_C_GETS)->title);
	cr_assert_str_eq(jget_str(v, "description"), "call to gets()");
	cr_assert_str_eq(jget_str(v, "severity"), "Critical");
	json_t *l = jpath(v, "location");
	cr_assert_str_eq(jget_str(l, "file"), "src/main.c");
	cr_assert_eq(jget_int(l, "start_line"), 3);
	cr_assert_eq(jget_int(l, "end_line"), 3);
	cr_assert_str_eq(jget_str(l, "method"), "main");
	json_t *ids = jpath(v, "identifiers");
	cr_assert_eq(json_array_size(ids), 3);
	cr_assert_str_eq(jget_str(json_array_get(ids, 0), "type"), "bulkhead_rule_id");
	cr_assert_str_eq(jget_str(json_array_get(ids, 0), "value"), "c.gets");
	cr_assert_str_eq(jget_str(json_array_get(ids, 0), "name"), "Bulkhead c.gets");
	json_t *cwe = json_array_get(ids, 1);
	cr_assert_str_eq(jget_str(cwe, "type"), "cwe");
	cr_assert_str_eq(jget_str(cwe, "name"), "CWE-242");
	cr_assert_str_eq(jget_str(cwe, "value"), "242");
	cr_assert_str_eq(jget_str(cwe, "url"), "https://cwe.mitre.org/data/definitions/242.html");
	cr_assert_str_eq(jget_str(json_array_get(ids, 2), "value"), "120");
	cr_assert_null(json_object_get(v, "details"), "no image context, no details");
	cr_assert_null(json_object_get(v, "raw_source_code_extract"));
	json_decref(root);
}

// The severity of each finding added, in order, in both GitLab formats.
static void assert_severities(const char *const *sast, const char *const *cq, size_t n)
{
	json_t *root = render_json(bh_report_gitlab_sast);
	json_t *vulns = jpath(root, "vulnerabilities");
	cr_assert_eq(json_array_size(vulns), n);
	for (size_t i = 0; i < n; i++)
		cr_assert_str_eq(jget_str(json_array_get(vulns, i), "severity"), sast[i], "#%zu", i);
	json_decref(root);
	root = render_json(bh_report_codequality);
	cr_assert_eq(json_array_size(root), n);
	for (size_t i = 0; i < n; i++)
		cr_assert_str_eq(jget_str(json_array_get(root, i), "severity"), cq[i], "#%zu", i);
	json_decref(root);
}

Test(report, gitlab_severity_follows_score_then_level_changes)
{
	// gets 9.8 error; insecure-temp-file 5.5 warning; unbounded-copy 7.8
	// warning; no-healthcheck 1.0 note.
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), loc("a.c", 1, 1, 0), "default");
	bh_finding *lowered = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS),
					     loc("a.c", 2, 1, 0), "never shipped");
	lowered->level = BH_LEVEL_WARNING;
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_INSECURE_TEMP_FILE), loc("a.c", 3, 1, 0), "m");
	bh_finding *raised = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_UNBOUNDED_COPY),
					    loc("a.c", 4, 1, 0), "shipped, root, exposed");
	raised->level = BH_LEVEL_ERROR;
	bh_finding_add(&findings, bh_rule_get(BH_RULE_DOCKER_NO_HEALTHCHECK),
		       loc("Dockerfile", 5, 1, 0), "m");
	bh_finding *twice = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_INSECURE_TEMP_FILE),
					   loc("a.c", 6, 1, 0), "m");
	twice->level = BH_LEVEL_NONE;
	static const char *const sast[] = { "Critical", "High", "Medium", "Critical", "Low", "Info" };
	static const char *const cq[] = { "blocker", "critical", "major", "blocker", "minor", "info" };
	assert_severities(sast, cq, BH_ARRAY_LEN(sast));
}

Test(report, gitlab_sast_without_times_uses_the_clock_and_whole_file_has_no_lines)
{
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), loc("a.c", 0, 0, 0), "whole file");
	json_t *root = render_json(bh_report_gitlab_sast);
	const char *t = jget_str(jpath(root, "scan"), "start_time");
	cr_assert_eq(strlen(t), 19, "yyyy-mm-ddThh:mm:ss, not %s", t);
	cr_assert(t[4] == '-' && t[10] == 'T' && t[13] == ':', "%s", t);
	cr_assert_eq(strlen(jget_str(jpath(root, "scan"), "end_time")), 19);
	json_t *l = jpath(root, "vulnerabilities.0.location");
	cr_assert_str_eq(jget_str(l, "file"), "a.c");
	cr_assert_null(json_object_get(l, "start_line"));
	cr_assert_null(json_object_get(l, "end_line"));
	// No fingerprints computed: the id still identifies the finding.
	cr_assert_str_eq(jget_str(jpath(root, "vulnerabilities.0"), "id"), "c.gets:a.c:0:0");
	json_decref(root);
}

Test(report, gitlab_sast_details_carry_the_image_context)
{
	bh_finding *fd = add_small_report();
	bh_image_context img = { .shipped = BH_IMG_SHIP_YES,
				 .reason = "linked into /usr/bin/app",
				 .root = -1,
				 .exposure = 80 };
	fd->image = &img;
	json_t *root = render_json(bh_report_gitlab_sast);
	json_t *d = jpath(root, "vulnerabilities.0.details.image");
	cr_assert_str_eq(jget_str(d, "name"), "Image");
	cr_assert_str_eq(jget_str(d, "type"), "text");
	cr_assert_str_eq(jget_str(d, "value"),
			 "ships in the image: yes; linked into /usr/bin/app (exposure 80/100)");
	json_decref(root);
}

Test(report, gitlab_formats_never_print_a_secret)
{
	bh_rule secret;
	add_secret_finding(&secret);
	writer_fn writers[] = { bh_report_gitlab_sast, bh_report_codequality };
	for (size_t i = 0; i < BH_ARRAY_LEN(writers); i++) {
		char *out = render(writers[i]);
		cr_assert_null(strstr(out, "hunter2"), "%s", out);
		cr_assert_not_null(strstr(out, "token 'hunt…' in .env"));
		free(out);
	}
}

Test(report, codequality_issue_fields)
{
	bh_finding *fd = add_small_report();
	json_t *root = render_json(bh_report_codequality);
	cr_assert(json_is_array(root));
	cr_assert_eq(json_array_size(root), 1, "the suppressed finding is left out");
	json_t *issue = json_array_get(root, 0);
	cr_assert_str_eq(jget_str(issue, "type"), "issue");
	cr_assert_str_eq(jget_str(issue, "check_name"), "c.gets");
	cr_assert_str_eq(jget_str(issue, "description"), "call to gets()");
	cr_assert_str_eq(json_string_value(jpath(issue, "categories.0")), "Security");
	cr_assert_str_eq(jget_str(issue, "fingerprint"), fd->fingerprint);
	cr_assert_str_eq(jget_str(issue, "severity"), "blocker");
	cr_assert_str_eq(jget_str(jpath(issue, "location"), "path"), "src/main.c");
	json_t *lines = jpath(issue, "location.lines");
	cr_assert_eq(jget_int(lines, "begin"), 3);
	cr_assert_null(json_object_get(lines, "end"), "one line: no end");
	json_decref(root);
}

Test(report, codequality_multiline_and_whole_file_locations)
{
	bh_loc multi = { "a.c", 3, 2, 5, 1 };
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), multi, "multi");
	bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS), loc("b.c", 0, 0, 0), "whole file");
	json_t *root = render_json(bh_report_codequality);
	json_t *l0 = jpath(root, "0.location.lines"), *l1 = jpath(root, "1.location.lines");
	cr_assert_eq(jget_int(l0, "begin"), 3);
	cr_assert_eq(jget_int(l0, "end"), 5);
	cr_assert_eq(jget_int(l1, "begin"), 1, "begin is required: line 1 for a whole file");
	cr_assert_str_eq(jget_str(json_array_get(root, 1), "fingerprint"), "c.gets:b.c:0:0");
	json_decref(root);

	report.findings = NULL;
	root = render_json(bh_report_codequality);
	cr_assert(json_is_array(root) && json_array_size(root) == 0);
	json_decref(root);
}

/* ---------------------------------------------------------------- HTML */

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

Test(report, html_shows_each_finding_with_its_lines_flow_doc_and_suppression)
{
	add_small_report();
	char *out = render(bh_report_html);
	cr_assert(strncmp(out, "<!DOCTYPE html>", 15) == 0);
	cr_assert_not_null(strstr(out, "<article class=\"finding error\" id=\"f-0\" data-level=\"error\" "
				       "data-domain=\"c\" data-shipped=\"none\">"));
	// Its source lines, the finding's own marked.
	cr_assert_not_null(strstr(out, "<span class=\"hl\">    3  \tgets(buf);\n</span>"));
	cr_assert_not_null(strstr(out, "src/main.c:4:9</span> flows here"));
	cr_assert_not_null(strstr(out, "src/main.c:1:5</span> in this function"));
	cr_assert_not_null(strstr(out, "analysed with fallback flags"));
	cr_assert_not_null(strstr(out, "<code class=\"sup\">// bulkhead: ignore[c.gets] reason</code>"));
	cr_assert_not_null(strstr(out, "<a href=\"#rule-c.gets\">More about c.gets</a>"));
	// Each rule's documentation once, at the end.
	cr_assert_eq(count_of(out, "<details class=\"rule\" id=\"rule-c.gets\"><summary>c.gets: "), 1);
	// The suppressed finding is counted, not shown; the diagnostics are.
	cr_assert_null(strstr(out, "</span> hidden"));
	cr_assert_eq(count_of(out, "<article "), 1);
	cr_assert_not_null(strstr(out, "<b>1</b>suppressed"));
	cr_assert_not_null(strstr(out, "<tr><td>clang.fallback-flags</td><td>1</td></tr>"));
	cr_assert_not_null(strstr(out, "no compile_commands.json [disc.no-compdb]"));
	cr_assert_not_null(strstr(out, "<tr><td>C code</td><td>1</td><td>0</td><td>0</td></tr>"));
	// No image model given (a merged report): said, not drawn; the
	// finding is grouped as having no image context.
	cr_assert_not_null(strstr(out, "which do not carry the image model"));
	cr_assert_not_null(strstr(out, "<li data-finding=\"f-0\">"));
	free(out);
}

Test(report, html_escapes_everything_from_the_tree_and_requests_nothing)
{
	const char *evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
	bh_finding *fd = bh_finding_add(&findings, bh_rule_get(BH_RULE_C_GETS),
					loc("src/<script>a.c", 2, 1, 0), "%s", evil);
	fd->function = evil;
	bh_finding_add_flow(&findings, fd, loc("src/\x01\xff.c", 1, 1, 0), evil);
	fd->note = evil;
	bh_diag_add(&diags, BH_LEVEL_ERROR, "clang.parse-error", "src/<b>.c", 1, 1, "%s", evil);
	report.context_root = "/ctx/<script>";
	bh_findings_fingerprint(&findings);
	char *out = render(bh_report_html);
	// The page's own script, once; every planted tag is text.
	cr_assert_eq(count_of(out, "<script"), 1);
	cr_assert_eq(count_of(out, "<img"), 0);
	cr_assert_eq(count_of(out, "<b>.c"), 0);
	cr_assert_gt(count_of(out, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;"), 3);
	// A control byte and invalid UTF-8 become U+FFFD.
	cr_assert_not_null(strstr(out, "src/\xef\xbf\xbd\xef\xbf\xbd.c"));
	// Nothing that would load: no src attribute, no url(), no link to another host.
	cr_assert_eq(count_of(out, " src=\""), 0);
	cr_assert_eq(count_of(out, "url("), 0);
	cr_assert_eq(count_of(out, "href=\"http"), 0);
	cr_assert_not_null(strstr(out, "Content-Security-Policy\" content=\"default-src 'none';"));
	free(out);
}

Test(report, html_never_shows_a_secret_line)
{
	bh_rule secret;
	add_secret_finding(&secret);
	bh_findings_fingerprint(&findings);
	char *out = render(bh_report_html);
	cr_assert_null(strstr(out, "hunter2"));
	cr_assert_not_null(strstr(out, "token &#39;hunt…&#39; in .env"));
	cr_assert_not_null(strstr(out, "<code class=\"sup\"># bulkhead: ignore[secret.generic-token] reason</code>"));
	free(out);
}

Test(report, html_of_an_empty_report)
{
	report.findings = NULL;
	report.diags = NULL;
	report.images_known = true; // a scan without a Dockerfile
	char *out = render(bh_report_html);
	cr_assert_not_null(strstr(out, "No Dockerfile in the build context"));
	cr_assert_not_null(strstr(out, "<p>No findings.</p>"));
	cr_assert_not_null(strstr(out, "Every file was analysed completely."));
	const char *end = strstr(out, "</html>\n");
	cr_assert_not_null(end);
	cr_assert_eq(end[8], '\0');
	free(out);
}

/* ---------------------------------------------------------- read back */

// `text` read back as a JSON report, through a temporary file (the reader
// takes a path), into `back` and `back_diags`, which it initialises.
static bh_status load_back(const char *text, bh_findings *back, bh_diags *back_diags,
			   bh_report_meta *meta)
{
	char path[] = "/tmp/bh-report-XXXXXX";
	int fd_out = mkstemp(path);
	cr_assert(fd_out >= 0);
	cr_assert_eq(write(fd_out, text, strlen(text)), (ssize_t)strlen(text));
	close(fd_out);
	bh_findings_init(back, arena);
	bh_diags_init(back_diags, arena);
	bh_status st = bh_report_load_json(path, back, back_diags, meta);
	unlink(path);
	return st;
}

// The JSON report read back (bh_report_load_json) writes the same bytes in
// every format: what `bulkhead merge` relies on.
Test(report, json_read_back_writes_the_same_report)
{
	bh_finding *fd = add_small_report();
	const char *ports[] = { "8080", "9090/udp" };
	bh_finding_step ships[] = { { loc("Dockerfile", 7, 1, 0), "copied into the image here" } };
	bh_image_context img = { .shipped = BH_IMG_SHIP_YES, .reason = "linked into /usr/bin/app",
				 .dockerfile = "Dockerfile", .stage = "stage 'run'", .artifact = "app",
				 .image_path = "/usr/bin/app", .entrypoint = true, .root = -1,
				 .ports = ports, .nports = 2, .base = "debian:12", .libc = "glibc",
				 .exposure = 80, .original_level = BH_LEVEL_WARNING, .adjusted = true,
				 .ships = ships, .nships = 1 };
	fd->image = &img;
	bh_finding_set_fix(&findings, fd, "use fgets()", loc("src/main.c", 3, 2, 6), "fgets");
	report.start_time = "2026-11-30T10:00:00Z";
	report.end_time = "2026-11-30T10:00:09Z";
	writer_fn writers[] = { bh_report_json, bh_report_sarif, bh_report_text, bh_report_gitlab_sast };
	char *before[BH_ARRAY_LEN(writers)];
	for (size_t i = 0; i < BH_ARRAY_LEN(writers); i++)
		before[i] = render(writers[i]);

	bh_findings back;
	bh_diags back_diags;
	bh_report_meta meta = { 0 };
	cr_assert_eq(load_back(before[0], &back, &back_diags, &meta), BH_OK);
	bh_merge_finish(&back, &back_diags, false);
	cr_assert_str_eq(meta.context_root, "/ctx/root");
	cr_assert_eq(meta.files_scanned, 4);
	cr_assert_eq(meta.units_parsed, 2);
	report.findings = &back;
	report.diags = &back_diags;
	report.tool_version = meta.tool_version;
	report.start_time = meta.start_time;
	report.end_time = meta.end_time;
	for (size_t i = 0; i < BH_ARRAY_LEN(writers); i++) {
		char *after = render(writers[i]);
		cr_assert_str_eq(after, before[i], "writer %zu", i);
		free(after);
		free(before[i]);
	}
	bh_findings_dispose(&back);
	bh_diags_dispose(&back_diags);
}

Test(report, json_read_back_refuses_what_is_no_report)
{
	static const char *const texts[] = {
		"[1, 2]", "{\"runs\": []}", "{\"tool\": {\"name\": \"other\"}}",
		"{\"version\": \"2.0.0\", \"tool\": {\"name\": \"bulkhead\"}, \"findings\": [], \"diagnostics\": []}",
		"{\"version\": \"1.1.0\", \"tool\": {\"name\": \"bulkhead\"}, \"findings\": {}}", "{\"version\":",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(texts); i++) {
		char path[] = "/tmp/bh-report-XXXXXX";
		int fd_out = mkstemp(path);
		cr_assert(fd_out >= 0);
		cr_assert_eq(write(fd_out, texts[i], strlen(texts[i])), (ssize_t)strlen(texts[i]));
		close(fd_out);
		bh_report_meta meta = { 0 };
		cr_assert_eq(bh_report_load_json(path, &findings, &diags, &meta), BH_EINVAL, "%s", texts[i]);
		unlink(path);
		cr_assert_eq(findings.items.len, 0);
		cr_assert_str_eq(diags.items.items[diags.items.len - 1].code, "merge.bad-report");
	}
	bh_report_meta meta = { 0 };
	cr_assert_eq(bh_report_load_json("/nonexistent/report.json", &findings, &diags, &meta), BH_EIO);
}

// A diagnostic entry without a code (a hand-edited or truncated artifact)
// is skipped; the report's other diagnostics are kept.
Test(report, json_read_back_skips_a_diagnostic_without_code)
{
	add_small_report();
	json_t *root = render_json(bh_report_json);
	json_t *list = json_object_get(root, "diagnostics");
	size_t kept = json_array_size(list);
	cr_assert_gt(kept, 0);
	json_array_append_new(list, json_pack("{s:s, s:s, s:n}", "level", "warning", "message", "no code",
					      "location"));
	json_array_append_new(list, json_pack("{s:s, s:n, s:s}", "level", "error", "code", "message",
					      "code null"));
	char *text = json_dumps(root, 0);
	json_decref(root);

	bh_findings back;
	bh_diags back_diags;
	bh_report_meta meta = { 0 };
	cr_assert_eq(load_back(text, &back, &back_diags, &meta), BH_OK);
	free(text);
	cr_assert_eq(back_diags.items.len, kept);
	for (size_t i = 0; i < back_diags.items.len; i++)
		cr_assert_not_null(back_diags.items.items[i].code);
	bh_findings_dispose(&back);
	bh_diags_dispose(&back_diags);
}
