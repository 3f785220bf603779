// SPDX-License-Identifier: MIT
// Unit tests for policy (include/bulkhead/config.h): .bulkhead.json
// loading and applying, baselines, and inline suppression comments.
// Hostile input is the normal case here: every malformed file must give
// the exact diagnostic and leave the defaults in force, never a crash.
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <criterion/criterion.h>

#include "bulkhead/arena.h"
#include "bulkhead/config.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/rule.h"

// ------------------------------------------------------------------ fixture

static bh_arena *arena;
static bh_diags diags;
static bh_config cfg;
static bh_findings findings;
static char tmpdir[64];

static void setup(void)
{
	arena = bh_arena_new();
	bh_diags_init(&diags, arena);
	bh_config_init(&cfg);
	bh_findings_init(&findings, arena);
	strcpy(tmpdir, "/tmp/bh_config_test.XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown(void)
{
	// Tests create only plain files in tmpdir.
	DIR *d = opendir(tmpdir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char p[512];
			snprintf(p, sizeof(p), "%s/%s", tmpdir, e->d_name);
			if (unlink(p) != 0)
				rmdir(p);
		}
		closedir(d);
	}
	rmdir(tmpdir);
	bh_findings_dispose(&findings);
	bh_config_dispose(&cfg);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

TestSuite(config, .init = setup, .fini = teardown);
TestSuite(baseline, .init = setup, .fini = teardown);
TestSuite(suppress, .init = setup, .fini = teardown);

static const char *tmp_path(const char *name)
{
	return bh_arena_sprintf(arena, "%s/%s", tmpdir, name);
}

static const char *write_bytes(const char *name, const char *data, size_t len)
{
	const char *path = tmp_path(name);
	FILE *fp = fopen(path, "wb");
	cr_assert_not_null(fp);
	cr_assert_eq(fwrite(data, 1, len, fp), len);
	cr_assert_eq(fclose(fp), 0);
	return path;
}

static const char *write_text(const char *name, const char *text)
{
	return write_bytes(name, text, strlen(text));
}

static char *read_text(const char *path)
{
	FILE *fp = fopen(path, "rb");
	cr_assert_not_null(fp, "cannot open %s", path);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return buf;
}

// Load `text` as a .bulkhead.json.
static bh_status load_config(const char *text)
{
	const char *path = write_text(".bulkhead.json", text);
	return bh_config_load(&cfg, arena, path, true, &diags);
}

static size_t count_code(const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < diags.items.len; i++)
		if (strcmp(diags.items.items[i].code, code) == 0)
			n++;
	return n;
}

// The one diagnostic with `code`; fails the test if there is not exactly one.
static const bh_diag *the_diag(const char *code)
{
	cr_assert_eq(count_code(code), 1, "expected one %s diagnostic, got %zu (of %zu)",
		     code, count_code(code), diags.items.len);
	for (size_t i = 0; i < diags.items.len; i++)
		if (strcmp(diags.items.items[i].code, code) == 0)
			return &diags.items.items[i];
	return NULL;
}

static void assert_defaults(void)
{
	for (size_t i = 0; i < BH_RULE__COUNT; i++) {
		cr_assert(cfg.rule_enabled[i], "rule %zu disabled", i);
		cr_assert_eq(cfg.rule_level[i], BH_LEVEL_NONE);
	}
	cr_assert_not(cfg.has_fail_on);
	cr_assert_eq(cfg.excludes.len, 0);
	cr_assert_eq(cfg.max_file_size, 0);
}

static bh_finding *add_finding(bh_rule_id rule, const char *path, uint32_t line,
			       const char *snippet)
{
	bh_loc loc = { path, line, 5, 0, 0 };
	bh_finding *fd = bh_finding_add(&findings, bh_rule_get(rule), loc, "finding %s", snippet);
	fd->snippet = bh_arena_strdup(arena, snippet);
	fd->function = "main";
	return fd;
}

// ------------------------------------------------------------ config: valid

Test(config, missing_optional_file_leaves_config_untouched)
{
	bh_status st = bh_config_load(&cfg, arena, tmp_path("absent.json"), false, &diags);
	cr_assert_eq(st, BH_OK);
	cr_assert_eq(diags.items.len, 0);
	cr_assert_null(cfg.path);
	assert_defaults();
}

// The context's own .bulkhead.json is never read through a symlink (one
// swapped in after the pipeline's lstat() included); a file the user
// named on the command line is.
Test(config, the_contexts_config_is_not_read_through_a_symlink)
{
	const char *real = write_text("elsewhere.json", "{\"fail-on\": \"warning\"}");
	const char *link = tmp_path(".bulkhead.json");
	cr_assert_eq(symlink(real, link), 0);
	cr_assert_eq(bh_config_load(&cfg, arena, link, false, &diags), BH_EIO);
	const bh_diag *d = the_diag("config.io");
	cr_assert_eq(d->level, BH_LEVEL_ERROR);
	assert_defaults();

	bh_diags_dispose(&diags);
	bh_diags_init(&diags, arena);
	cr_assert_eq(bh_config_load(&cfg, arena, link, true, &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	cr_assert(cfg.has_fail_on);
}

Test(config, missing_required_file_is_not_found_with_error)
{
	const char *path = tmp_path("absent.json");
	bh_status st = bh_config_load(&cfg, arena, path, true, &diags);
	cr_assert_eq(st, BH_ENOTFOUND);
	const bh_diag *d = the_diag("config.not-found");
	cr_assert_eq(d->level, BH_LEVEL_ERROR);
	cr_assert_str_eq(d->loc.path, path);
	assert_defaults();
}

Test(config, full_file_sets_every_key)
{
	cr_assert_eq(load_config(
		"{\n"
		"  \"$schema\": \"https://example.com/bulkhead.schema.json\",\n"
		"  \"version\": 1,\n"
		"  \"fail-on\": \"warning\",\n"
		"  \"exclude\": [\"third_party/**\", \"tests/**\"],\n"
		"  \"max-file-size\": 1048576,\n"
		"  \"rules\": {\n"
		"    \"c.format-string\": \"off\",\n"
		"    \"c.unbounded-copy\": {\"level\": \"error\"},\n"
		"    \"c.gets\": {\"enabled\": false}\n"
		"  }\n"
		"}\n"), BH_OK);
	cr_assert_eq(diags.items.len, 0, "unexpected diagnostic: %s",
		     diags.items.len ? diags.items.items[0].message : "");
	cr_assert_not_null(cfg.path);
	cr_assert(cfg.has_fail_on);
	cr_assert_eq(cfg.fail_on, BH_LEVEL_WARNING);
	cr_assert_eq(cfg.excludes.len, 2);
	cr_assert_str_eq(cfg.excludes.items[0], "third_party/**");
	cr_assert_str_eq(cfg.excludes.items[1], "tests/**");
	cr_assert_eq(cfg.max_file_size, 1048576);
	cr_assert_not(cfg.rule_enabled[BH_RULE_C_FORMAT_STRING]);
	cr_assert(cfg.rule_enabled[BH_RULE_C_UNBOUNDED_COPY]);
	cr_assert_eq(cfg.rule_level[BH_RULE_C_UNBOUNDED_COPY], BH_LEVEL_ERROR);
	cr_assert_not(cfg.rule_enabled[BH_RULE_C_GETS]);
	cr_assert(cfg.rule_enabled[BH_RULE_C_COMMAND_INJECTION]);
}

Test(config, version_is_optional)
{
	cr_assert_eq(load_config("{\"fail-on\": \"never\"}"), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	cr_assert(cfg.has_fail_on);
	cr_assert_eq(cfg.fail_on, BH_LEVEL_NONE);
}

Test(config, rule_string_values)
{
	cr_assert_eq(load_config("{\"rules\": {\"c.gets\": \"note\", \"c.format-string\": \"warning\","
				 " \"c.unbounded-copy\": \"error\", \"c.literal-overflow\": \"off\","
				 " \"c.command-injection\": \"on\"}}"), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	cr_assert_eq(cfg.rule_level[BH_RULE_C_GETS], BH_LEVEL_NOTE);
	cr_assert_eq(cfg.rule_level[BH_RULE_C_FORMAT_STRING], BH_LEVEL_WARNING);
	cr_assert_eq(cfg.rule_level[BH_RULE_C_UNBOUNDED_COPY], BH_LEVEL_ERROR);
	cr_assert_not(cfg.rule_enabled[BH_RULE_C_LITERAL_OVERFLOW]);
	cr_assert(cfg.rule_enabled[BH_RULE_C_COMMAND_INJECTION]);
	cr_assert_eq(cfg.rule_level[BH_RULE_C_COMMAND_INJECTION], BH_LEVEL_NONE);
}

Test(config, rule_object_with_both_fields)
{
	cr_assert_eq(load_config("{\"rules\": {\"c.gets\": {\"enabled\": true, \"level\": \"note\"},"
				 " \"c.format-string\": {\"enabled\": false, \"level\": \"error\"}}}"),
		     BH_OK);
	cr_assert_eq(diags.items.len, 0);
	cr_assert(cfg.rule_enabled[BH_RULE_C_GETS]);
	cr_assert_eq(cfg.rule_level[BH_RULE_C_GETS], BH_LEVEL_NOTE);
	cr_assert_not(cfg.rule_enabled[BH_RULE_C_FORMAT_STRING]);
}

Test(config, utf8_bom_is_accepted)
{
	cr_assert_eq(load_config("\xEF\xBB\xBF{\"version\": 1, \"fail-on\": \"error\"}"), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	cr_assert_eq(cfg.fail_on, BH_LEVEL_ERROR);
}

// ------------------------------------------------- config: unknown entries

Test(config, unknown_key_is_warning_with_file_and_line)
{
	cr_assert_eq(load_config("{\n  \"version\": 1,\n  \"fail_on\": \"error\"\n}\n"), BH_OK);
	const bh_diag *d = the_diag("config.unknown-key");
	cr_assert_eq(d->level, BH_LEVEL_WARNING);
	cr_assert_str_eq(d->loc.path, tmp_path(".bulkhead.json"));
	cr_assert_eq(d->loc.line, 3);
	cr_assert_str_eq(d->message, "unknown key \"fail_on\"");
	cr_assert_eq(diags.items.len, 1);
	cr_assert_not(cfg.has_fail_on);
}

Test(config, unknown_rule_is_warning_and_others_apply)
{
	cr_assert_eq(load_config("{\"rules\": {\n"
				 "  \"c.gest\": \"off\",\n"
				 "  \"c.format-string\": \"off\"\n"
				 "}}"), BH_OK);
	const bh_diag *d = the_diag("config.unknown-rule");
	cr_assert_eq(d->level, BH_LEVEL_WARNING);
	cr_assert_eq(d->loc.line, 2);
	cr_assert_str_eq(d->message, "unknown rule \"c.gest\"");
	cr_assert_eq(diags.items.len, 1);
	cr_assert(cfg.rule_enabled[BH_RULE_C_GETS]);
	cr_assert_not(cfg.rule_enabled[BH_RULE_C_FORMAT_STRING]);
}

Test(config, unknown_key_in_rule_object_is_warning)
{
	cr_assert_eq(load_config("{\"rules\": {\"c.gets\": {\"levle\": \"note\"}}}"), BH_OK);
	const bh_diag *d = the_diag("config.unknown-key");
	cr_assert_eq(d->loc.line, 1);
	cr_assert_str_eq(d->message, "unknown key \"levle\" in rule \"c.gets\"");
	cr_assert_eq(cfg.rule_level[BH_RULE_C_GETS], BH_LEVEL_NONE);
}

Test(config, key_written_with_escapes_has_no_line)
{
	// jansson does not record positions of values; the line comes from a
	// text search, which cannot see through escapes. No line is fine.
	cr_assert_eq(load_config("{\"\\u0066oo\": 1}"), BH_OK);
	const bh_diag *d = the_diag("config.unknown-key");
	cr_assert_eq(d->loc.line, 0);
	cr_assert_str_eq(d->message, "unknown key \"foo\"");
}

Test(config, thousands_of_unknown_keys_are_capped)
{
	size_t n = 20000;
	char *text = bh_xmalloc(n * 16 + 8);
	size_t o = 0;
	text[o++] = '{';
	for (size_t i = 0; i < n; i++)
		o += (size_t)sprintf(text + o, "%s\"k%zu\":0", i ? "," : "", i);
	text[o++] = '}';
	text[o] = '\0';
	cr_assert_eq(load_config(text), BH_OK);
	free(text);
	// The per-file cap: 50 warnings and one "too many" note.
	cr_assert_eq(count_code("config.unknown-key"), BH_DIAG_MAX_PER_FILE);
	cr_assert_eq(count_code("diag.too-many"), 1);
}

// -------------------------------------------------------- config: hostile

Test(config, truncated_json_is_malformed_with_position_and_defaults)
{
	cr_assert_eq(load_config("{\n  \"version\": 1,\n  \"rules\": {\"c.gets\": \"off\""), BH_OK);
	const bh_diag *d = the_diag("config.malformed");
	cr_assert_eq(d->level, BH_LEVEL_ERROR);
	cr_assert_str_eq(d->loc.path, tmp_path(".bulkhead.json"));
	cr_assert_eq(d->loc.line, 3);
	cr_assert_gt(d->loc.col, 0);
	cr_assert(strstr(d->message, "invalid JSON: ") == d->message, "%s", d->message);
	cr_assert_eq(diags.items.len, 1);
	assert_defaults();
}

Test(config, syntax_error_reports_line_and_column)
{
	cr_assert_eq(load_config("{\n  \"version\": 1,\n  \"fail-on\" \"error\"\n}\n"), BH_OK);
	const bh_diag *d = the_diag("config.malformed");
	cr_assert_eq(d->loc.line, 3);
	// jansson stops at the end of the token it did not expect.
	cr_assert_eq(d->loc.col, 19);
	cr_assert_str_eq(d->message, "invalid JSON: ':' expected near '\"error\"'; the defaults apply");
	assert_defaults();
}

Test(config, error_column_counts_bytes_not_characters)
{
	// Two 2-byte characters before the error: jansson says column 13,
	// Bulkhead's columns count bytes.
	cr_assert_eq(load_config("{\n  \"a\": \"\xc3\xa9\xc3\xa9\" x\n}"), BH_OK);
	const bh_diag *d = the_diag("config.malformed");
	cr_assert_eq(d->loc.line, 2);
	cr_assert_eq(d->loc.col, 15);
}

Test(config, error_column_after_bom_counts_the_bom)
{
	cr_assert_eq(load_config("\xEF\xBB\xBF{ x }"), BH_OK);
	const bh_diag *d = the_diag("config.malformed");
	cr_assert_eq(d->loc.line, 1);
	cr_assert_eq(d->loc.col, 6);
}

Test(config, empty_file_is_malformed)
{
	cr_assert_eq(load_config(""), BH_OK);
	cr_assert_eq(the_diag("config.malformed")->level, BH_LEVEL_ERROR);
	assert_defaults();
}

Test(config, nul_bytes_are_malformed)
{
	static const char text[] = "{\"fail-on\": \"er\0ror\"}";
	const char *path = write_bytes(".bulkhead.json", text, sizeof(text) - 1);
	cr_assert_eq(bh_config_load(&cfg, arena, path, true, &diags), BH_OK);
	the_diag("config.malformed");
	assert_defaults();
}

Test(config, escaped_nul_in_string_is_malformed)
{
	cr_assert_eq(load_config("{\"exclude\": [\"a\\u0000b\"]}"), BH_OK);
	the_diag("config.malformed");
	assert_defaults();
}

Test(config, non_utf8_is_malformed)
{
	cr_assert_eq(load_config("{\"exclude\": [\"\xff\xfe\"]}"), BH_OK);
	the_diag("config.malformed");
	assert_defaults();
}

Test(config, huge_integer_is_malformed)
{
	cr_assert_eq(load_config("{\"max-file-size\": 999999999999999999999999999}"), BH_OK);
	the_diag("config.malformed");
	cr_assert_eq(cfg.max_file_size, 0);
}

Test(config, huge_real_is_malformed)
{
	cr_assert_eq(load_config("{\"max-file-size\": 1e999}"), BH_OK);
	the_diag("config.malformed");
	cr_assert_eq(cfg.max_file_size, 0);
}

Test(config, duplicate_keys_are_malformed)
{
	cr_assert_eq(load_config("{\"rules\": {\"c.gets\": \"off\"}, \"rules\": {}}"), BH_OK);
	the_diag("config.malformed");
	assert_defaults();
}

Test(config, deep_nesting_does_not_crash)
{
	size_t depth = 100000;
	char *text = bh_xmalloc(depth * 2 + 32);
	size_t o = (size_t)sprintf(text, "{\"rules\": ");
	for (size_t i = 0; i < depth; i++)
		text[o++] = '[';
	for (size_t i = 0; i < depth; i++)
		text[o++] = ']';
	text[o++] = '}';
	text[o] = '\0';
	cr_assert_eq(load_config(text), BH_OK);
	free(text);
	the_diag("config.malformed");
	assert_defaults();
}

Test(config, oversized_file_is_malformed)
{
	size_t n = (1u << 20) + 1;
	char *text = bh_xmalloc(n + 1);
	memset(text, ' ', n);
	text[0] = '{';
	text[n - 1] = '}';
	text[n] = '\0';
	cr_assert_eq(load_config(text), BH_OK);
	free(text);
	cr_assert(strstr(the_diag("config.malformed")->message, "larger than"));
	assert_defaults();
}

Test(config, version_2_ignores_the_whole_file)
{
	cr_assert_eq(load_config("{\"version\": 2, \"rules\": {\"c.gets\": \"off\"},"
				 " \"fail-on\": \"note\"}"), BH_OK);
	const bh_diag *d = the_diag("config.invalid");
	cr_assert_eq(d->level, BH_LEVEL_ERROR);
	cr_assert_eq(d->loc.line, 1);
	cr_assert(strstr(d->message, "\"version\""), "%s", d->message);
	cr_assert_eq(diags.items.len, 1);
	assert_defaults();
}

Test(config, version_as_string_is_invalid)
{
	cr_assert_eq(load_config("{\"version\": \"1\", \"fail-on\": \"note\"}"), BH_OK);
	the_diag("config.invalid");
	assert_defaults();
}

Test(config, top_level_array_is_invalid)
{
	cr_assert_eq(load_config("[1, 2]"), BH_OK);
	cr_assert(strstr(the_diag("config.invalid")->message, "top level"));
	assert_defaults();
}

Test(config, wrong_types_name_the_key_and_the_rest_applies)
{
	cr_assert_eq(load_config("{\n"
				 "  \"fail-on\": 3,\n"
				 "  \"exclude\": \"third_party/**\",\n"
				 "  \"max-file-size\": \"8M\",\n"
				 "  \"rules\": {\n"
				 "    \"c.gets\": 5,\n"
				 "    \"c.format-string\": {\"level\": \"fatal\", \"enabled\": \"no\"},\n"
				 "    \"c.unbounded-copy\": \"maybe\",\n"
				 "    \"c.command-injection\": \"off\"\n"
				 "  }\n"
				 "}\n"), BH_OK);
	static const struct { const char *message; uint32_t line; } want[] = {
		{ "invalid value for \"fail-on\": expected \"note\", \"warning\", \"error\" or \"never\"", 2 },
		{ "invalid value for \"exclude\": expected an array of glob strings", 3 },
		{ "invalid value for \"max-file-size\": expected a positive integer (bytes)", 4 },
		{ "invalid value for \"rules.c.gets\": expected \"off\", \"on\", \"note\", \"warning\", \"error\" or an object", 6 },
		{ "invalid value for \"rules.c.format-string.level\": expected \"note\", \"warning\" or \"error\"", 7 },
		{ "invalid value for \"rules.c.format-string.enabled\": expected true or false", 7 },
		{ "invalid value for \"rules.c.unbounded-copy\": expected \"off\", \"on\", \"note\", \"warning\", \"error\" or an object", 8 },
	};
	cr_assert_eq(diags.items.len, BH_ARRAY_LEN(want));
	for (size_t i = 0; i < BH_ARRAY_LEN(want); i++) {
		const bh_diag *d = &diags.items.items[i];
		cr_assert_str_eq(d->code, "config.invalid");
		cr_assert_eq(d->level, BH_LEVEL_ERROR);
		cr_assert_str_eq(d->message, want[i].message);
		cr_assert_eq(d->loc.line, want[i].line, "%s: line %u", d->message, d->loc.line);
	}
	// The one valid setting still applies; the rest keep their defaults.
	cr_assert_not(cfg.rule_enabled[BH_RULE_C_COMMAND_INJECTION]);
	cr_assert(cfg.rule_enabled[BH_RULE_C_GETS]);
	cr_assert_eq(cfg.rule_level[BH_RULE_C_FORMAT_STRING], BH_LEVEL_NONE);
	cr_assert_not(cfg.has_fail_on);
	cr_assert_eq(cfg.excludes.len, 0);
	cr_assert_eq(cfg.max_file_size, 0);
}

Test(config, rules_must_be_an_object)
{
	cr_assert_eq(load_config("{\"rules\": [\"c.gets\"]}"), BH_OK);
	cr_assert_str_eq(the_diag("config.invalid")->message,
			 "invalid value for \"rules\": expected an object mapping rule ids to settings");
}

Test(config, bad_exclude_elements_are_skipped)
{
	cr_assert_eq(load_config("{\"exclude\": [\"a/**\", 7, \"\", null, \"b\"]}"), BH_OK);
	cr_assert_eq(count_code("config.invalid"), 3);
	cr_assert_str_eq(diags.items.items[0].message,
			 "invalid value for \"exclude[1]\": expected a non-empty glob string");
	cr_assert_eq(cfg.excludes.len, 2);
	cr_assert_str_eq(cfg.excludes.items[0], "a/**");
	cr_assert_str_eq(cfg.excludes.items[1], "b");
}

Test(config, taint_models_are_kept_as_lines_with_their_key_line)
{
	cr_assert_eq(load_config("{\n  \"version\": 1,\n  \"taint\": [\"guard ok arg0\", 3,\n"
				 "    \"source next ret queue\"]\n}\n"), BH_OK);
	cr_assert_eq(count_code("config.invalid"), 1);
	cr_assert_str_eq(diags.items.items[0].message,
			 "invalid value for \"taint[1]\": expected a non-empty taint model string");
	cr_assert_eq(cfg.taint_models.len, 2);
	cr_assert_str_eq(cfg.taint_models.items[1], "source next ret queue");
	cr_assert_eq(cfg.taint_line, 3);
	cr_assert_eq(load_config("{\"taint\": \"source x ret\"}"), BH_OK);
	cr_assert_eq(count_code("config.invalid"), 2);
	cr_assert_str_eq(diags.items.items[diags.items.len - 1].message,
			 "invalid value for \"taint\": expected an array of taint model strings");
}

Test(config, memory_models_are_kept_as_lines_with_their_key_line)
{
	cr_assert_eq(load_config("{\n  \"version\": 1,\n\n  \"memory\": [\"alloc pool_get ret heap\",\n"
				 "    \"\"]\n}\n"), BH_OK);
	cr_assert_eq(count_code("config.invalid"), 1);
	cr_assert_str_eq(diags.items.items[0].message,
			 "invalid value for \"memory[1]\": expected a non-empty memory model string");
	cr_assert_eq(cfg.memory_models.len, 1);
	cr_assert_str_eq(cfg.memory_models.items[0], "alloc pool_get ret heap");
	cr_assert_eq(cfg.memory_line, 4);
}

Test(config, non_positive_and_real_sizes_are_invalid)
{
	// Each in a file of its own (the same message at the same place of
	// one file would be one diagnostic).
	static const char *const texts[] = { "{\"max-file-size\": -1}", "{\"max-file-size\": 0}",
					     "{\"max-file-size\": 1.5}" };
	for (size_t i = 0; i < BH_ARRAY_LEN(texts); i++) {
		diags.items.len = 0;
		cr_assert_eq(load_config(texts[i]), BH_OK);
		cr_assert_eq(count_code("config.invalid"), 1, "%s", texts[i]);
		cr_assert_eq(cfg.max_file_size, 0);
	}
}

Test(config, directory_is_an_io_error)
{
	bh_status st = bh_config_load(&cfg, arena, tmpdir, true, &diags);
	cr_assert_eq(st, BH_EIO);
	cr_assert_eq(the_diag("config.io")->level, BH_LEVEL_ERROR);
	assert_defaults();
}

// -------------------------------------------------------------- config: apply

Test(config, apply_disables_rules_and_overrides_levels)
{
	cr_assert_eq(load_config("{\"rules\": {\"c.gets\": \"off\", \"c.format-string\": \"error\"}}"),
		     BH_OK);
	add_finding(BH_RULE_C_GETS, "a.c", 3, "gets(b)");
	add_finding(BH_RULE_C_FORMAT_STRING, "a.c", 4, "printf(s)");
	add_finding(BH_RULE_C_UNBOUNDED_COPY, "a.c", 5, "strcpy(d, s)");
	bh_config_apply(&cfg, &findings);
	bh_finding *f = findings.items.items;
	cr_assert_eq(f[0].suppressed, BH_SUPPRESS_CONFIG);
	cr_assert_not_null(f[0].suppress_reason);
	cr_assert(strstr(f[0].suppress_reason, "rule disabled in "), "%s", f[0].suppress_reason);
	cr_assert_eq(f[1].suppressed, BH_SUPPRESS_NONE);
	cr_assert_eq(f[1].level, BH_LEVEL_ERROR);
	cr_assert_eq(f[2].suppressed, BH_SUPPRESS_NONE);
	cr_assert_eq(f[2].level, BH_LEVEL_WARNING);
}

Test(config, apply_keeps_inline_suppression_and_overrides_baseline)
{
	cr_assert_eq(load_config("{\"rules\": {\"c.gets\": \"off\"}}"), BH_OK);
	add_finding(BH_RULE_C_GETS, "a.c", 3, "gets(a)");
	add_finding(BH_RULE_C_GETS, "a.c", 4, "gets(b)");
	findings.items.items[0].suppressed = BH_SUPPRESS_INLINE;
	findings.items.items[0].suppress_reason = "reviewed";
	findings.items.items[1].suppressed = BH_SUPPRESS_BASELINE;
	bh_config_apply(&cfg, &findings);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(findings.items.items[0].suppress_reason, "reviewed");
	cr_assert_eq(findings.items.items[1].suppressed, BH_SUPPRESS_CONFIG);
}

Test(config, apply_suppresses_findings_in_excluded_paths)
{
	cr_assert_eq(load_config("{\"exclude\": [\"third_party/**\"]}"), BH_OK);
	add_finding(BH_RULE_C_GETS, "third_party/zlib/inflate.h", 3, "gets(a)");
	add_finding(BH_RULE_C_GETS, "src/main.c", 4, "gets(b)");
	bh_config_apply(&cfg, &findings);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_CONFIG);
	cr_assert(strstr(findings.items.items[0].suppress_reason, "\"third_party/**\""));
	cr_assert_eq(findings.items.items[1].suppressed, BH_SUPPRESS_NONE);
}

Test(config, defaults_change_nothing)
{
	add_finding(BH_RULE_C_GETS, "a.c", 3, "gets(a)");
	bh_config_apply(&cfg, &findings);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_NONE);
	cr_assert_eq(findings.items.items[0].level, BH_LEVEL_ERROR);
}

// ------------------------------------------------------------------ baseline

// Three findings in two files, fingerprinted the way the pipeline does.
static void make_findings(uint32_t line_shift)
{
	add_finding(BH_RULE_C_GETS, "src/b.c", 10 + line_shift, "gets(buf)");
	add_finding(BH_RULE_C_FORMAT_STRING, "src/a.c", 20 + line_shift, "printf(msg)");
	add_finding(BH_RULE_C_GETS, "src/a.c", 30 + line_shift, "gets(line)");
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
}

static size_t count_kind(bh_suppress_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < findings.items.len; i++)
		n += findings.items.items[i].suppressed == kind;
	return n;
}

static void clear_suppressions(void)
{
	for (size_t i = 0; i < findings.items.len; i++) {
		findings.items.items[i].suppressed = BH_SUPPRESS_NONE;
		findings.items.items[i].suppress_reason = NULL;
	}
}

static const bh_finding *find_at(const char *path, bh_rule_id rule)
{
	for (size_t i = 0; i < findings.items.len; i++) {
		const bh_finding *fd = &findings.items.items[i];
		if (strcmp(fd->loc.path, path) == 0 && fd->rule->index == rule)
			return fd;
	}
	cr_assert_fail("no finding %s in %s", bh_rule_get(rule)->id, path);
	return NULL;
}

Test(baseline, round_trip_suppresses_every_finding)
{
	const char *path = tmp_path("baseline.json");
	make_findings(0);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0);

	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(count_kind(BH_SUPPRESS_BASELINE), 3);
}

Test(baseline, written_format_is_sorted_one_entry_per_line_without_lines)
{
	const char *path = tmp_path("baseline.json");
	make_findings(0);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);

	// Sorted by path, then rule, then fingerprint.
	const bh_finding *f1 = find_at("src/a.c", BH_RULE_C_FORMAT_STRING);
	const bh_finding *f2 = find_at("src/a.c", BH_RULE_C_GETS);
	const bh_finding *f3 = find_at("src/b.c", BH_RULE_C_GETS);
	char *want = bh_arena_sprintf(arena,
		"{\n"
		"  \"version\": 1,\n"
		"  \"tool\": \"bulkhead\",\n"
		"  \"findings\": [\n"
		"    {\"fingerprint\": \"%s\", \"rule\": \"c.format-string\", \"path\": \"src/a.c\", \"message\": \"finding printf(msg)\"},\n"
		"    {\"fingerprint\": \"%s\", \"rule\": \"c.gets\", \"path\": \"src/a.c\", \"message\": \"finding gets(line)\"},\n"
		"    {\"fingerprint\": \"%s\", \"rule\": \"c.gets\", \"path\": \"src/b.c\", \"message\": \"finding gets(buf)\"}\n"
		"  ]\n"
		"}\n", f1->fingerprint, f2->fingerprint, f3->fingerprint);
	cr_assert_str_eq(read_text(path), want);
}

Test(baseline, empty_findings_write_an_empty_list)
{
	const char *path = tmp_path("baseline.json");
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	cr_assert_str_eq(read_text(path),
			 "{\n  \"version\": 1,\n  \"tool\": \"bulkhead\",\n  \"findings\": []\n}\n");
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0);
}

Test(baseline, survives_lines_moving)
{
	const char *path = tmp_path("baseline.json");
	make_findings(0);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);

	// The same code, 17 lines further down, plus one new finding.
	bh_findings_dispose(&findings);
	bh_findings_init(&findings, arena);
	add_finding(BH_RULE_C_GETS, "src/a.c", 2, "gets(fresh)");
	make_findings(17);

	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(count_kind(BH_SUPPRESS_BASELINE), 3);
	cr_assert_eq(count_kind(BH_SUPPRESS_NONE), 1);
	for (size_t i = 0; i < findings.items.len; i++)
		if (findings.items.items[i].suppressed == BH_SUPPRESS_NONE)
			cr_assert_str_eq(findings.items.items[i].snippet, "gets(fresh)");
}

Test(baseline, inline_and_config_suppressions_are_not_written_and_keep_their_kind)
{
	const char *path = tmp_path("baseline.json");
	make_findings(0);
	findings.items.items[0].suppressed = BH_SUPPRESS_INLINE;
	findings.items.items[1].suppressed = BH_SUPPRESS_CONFIG;
	findings.items.items[2].suppressed = BH_SUPPRESS_BASELINE;
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	const char *text = read_text(path);
	cr_assert_null(strstr(text, findings.items.items[0].fingerprint));
	cr_assert_null(strstr(text, findings.items.items[1].fingerprint));
	// An already-baselined finding stays accepted when the baseline is rewritten.
	cr_assert_not_null(strstr(text, findings.items.items[2].fingerprint));

	// A baseline listing all three does not steal inline or config kinds.
	clear_suppressions();
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	findings.items.items[0].suppressed = BH_SUPPRESS_INLINE;
	findings.items.items[1].suppressed = BH_SUPPRESS_CONFIG;
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_INLINE);
	cr_assert_eq(findings.items.items[1].suppressed, BH_SUPPRESS_CONFIG);
	cr_assert_eq(findings.items.items[2].suppressed, BH_SUPPRESS_BASELINE);
}

Test(baseline, duplicate_and_unfingerprinted_findings_are_written_once_or_not_at_all)
{
	const char *path = tmp_path("baseline.json");
	make_findings(0);
	bh_finding copy = findings.items.items[0];
	bh_vec_push(&findings.items, copy);
	add_finding(BH_RULE_C_GETS, "src/c.c", 1, "gets(x)"); // no fingerprint
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	const char *text = read_text(path);
	size_t lines = 0;
	for (const char *p = strstr(text, "\"fingerprint\""); p; p = strstr(p + 1, "\"fingerprint\""))
		lines++;
	cr_assert_eq(lines, 3);
	cr_assert_null(strstr(text, "src/c.c"));
}

Test(baseline, reasons_become_justifications_and_survive_a_rewrite)
{
	make_findings(0);
	const char *path = tmp_path("baseline.json");
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	const bh_finding *a = find_at("src/a.c", BH_RULE_C_GETS);
	char *text = read_text(path);
	// A reviewer's reason for one entry, written by hand.
	char *at = strstr(text, a->fingerprint);
	cr_assert_not_null(at);
	char *close = strchr(at, '}');
	cr_assert_not_null(close);
	*close = '\0';
	write_text("baseline.json", bh_arena_sprintf(arena, "%s, \"reason\": \"stdin is a pipe from \\\"make\\\"\"}%s",
						       text, close + 1));

	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(count_kind(BH_SUPPRESS_BASELINE), 3);
	for (size_t i = 0; i < findings.items.len; i++) {
		const bh_finding *fd = &findings.items.items[i];
		if (fd == a)
			cr_assert_str_eq(fd->suppress_reason, "stdin is a pipe from \"make\"");
		else
			cr_assert_null(fd->suppress_reason);
	}
	// Written elsewhere, the reason comes from the baseline that was applied.
	const char *copy = tmp_path("copy.json");
	cr_assert_eq(bh_baseline_write(copy, &findings, &diags), BH_OK);
	cr_assert_str_eq(read_text(copy), read_text(path));

	// Rewritten after the code moved and gained a finding: the entry
	// still found keeps its reason, the new one has none.
	bh_findings_dispose(&findings);
	bh_findings_init(&findings, arena);
	add_finding(BH_RULE_C_GETS, "src/a.c", 2, "gets(fresh)");
	make_findings(5);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	text = read_text(path);
	cr_assert_eq(diags.items.len, 0);
	size_t with_reason = 0;
	for (size_t i = 0; i < findings.items.len; i++) {
		const bh_finding *fd = &findings.items.items[i];
		const char *entry = strstr(text, fd->fingerprint);
		cr_assert_not_null(entry, "%s not written", fd->snippet);
		const char *eol = strchr(entry, '\n');
		const char *r = strstr(entry, "\"reason\": \"stdin is a pipe from \\\"make\\\"\"}");
		bool has = r && r < eol;
		with_reason += has;
		cr_assert_eq(has, strcmp(fd->snippet, "gets(line)") == 0, "%s", fd->snippet);
	}
	cr_assert_eq(with_reason, 1);
}

Test(baseline, a_reason_of_the_wrong_type_is_diagnosed_and_the_entry_still_applies)
{
	make_findings(0);
	const bh_finding *a = find_at("src/b.c", BH_RULE_C_GETS);
	const char *path = write_text("baseline.json",
		bh_arena_sprintf(arena, "{\"version\": 1, \"findings\": [{\"fingerprint\": \"%s\", \"reason\": 42},"
				 " {\"fingerprint\": \"%s\", \"reason\": \"\"},"
				 " {\"fingerprint\": \"%s\", \"reason\": \"second copy says why\"}]}",
				 a->fingerprint, a->fingerprint, a->fingerprint));
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	const bh_diag *d = the_diag("baseline.malformed");
	cr_assert_eq(d->level, BH_LEVEL_WARNING);
	cr_assert(strstr(d->message, "findings[0].reason must be a string"), "%s", d->message);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(count_kind(BH_SUPPRESS_BASELINE), 1);
	// A repeated fingerprint keeps the first reason given; an empty one is none.
	cr_assert_str_eq(a->suppress_reason, "second copy says why");
}

Test(baseline, write_to_missing_directory_fails_with_diagnostic)
{
	const char *path = tmp_path("no/such/dir/baseline.json");
	make_findings(0);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_EIO);
	const bh_diag *d = the_diag("baseline.io");
	cr_assert_eq(d->level, BH_LEVEL_ERROR);
	cr_assert_str_eq(d->loc.path, path);
	cr_assert(strstr(d->message, "cannot create temporary file"), "%s", d->message);
}

Test(baseline, write_replaces_atomically_and_leaves_no_temp_file)
{
	const char *path = write_text("baseline.json", "old contents");
	cr_assert_eq(chmod(path, 0640), 0);
	make_findings(0);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	cr_assert(strstr(read_text(path), "\"tool\": \"bulkhead\""));
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0640, "mode %o", (unsigned)(sb.st_mode & 0777));

	size_t entries = 0;
	DIR *d = opendir(tmpdir);
	cr_assert_not_null(d);
	struct dirent *e;
	while ((e = readdir(d)))
		entries += e->d_name[0] != '.';
	closedir(d);
	cr_assert_eq(entries, 1, "a temporary file was left behind");
}

Test(baseline, failed_rename_removes_the_temp_file)
{
	// The target is a non-empty directory: rename() over it fails after
	// the temporary file was written.
	const char *path = tmp_path("target");
	cr_assert_eq(mkdir(path, 0755), 0);
	char *inner = bh_arena_sprintf(arena, "%s/x", path);
	FILE *fp = fopen(inner, "w");
	cr_assert_not_null(fp);
	fclose(fp);

	make_findings(0);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_EIO);
	cr_assert(strstr(the_diag("baseline.io")->message, "cannot rename"));
	size_t entries = 0;
	DIR *d = opendir(tmpdir);
	cr_assert_not_null(d);
	struct dirent *e;
	while ((e = readdir(d)))
		entries += e->d_name[0] != '.';
	closedir(d);
	cr_assert_eq(entries, 1, "a temporary file was left behind");
	unlink(inner);
}

Test(baseline, non_utf8_path_is_written_as_valid_json)
{
	const char *path = tmp_path("baseline.json");
	add_finding(BH_RULE_C_GETS, "src/caf\xe9.c", 1, "gets(b)");
	bh_findings_fingerprint(&findings);
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	cr_assert(strstr(read_text(path), "src/caf\xEF\xBF\xBD.c"));
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(count_kind(BH_SUPPRESS_BASELINE), 1);
}

Test(baseline, load_tolerates_extra_fields)
{
	make_findings(0);
	char *text = bh_arena_sprintf(arena,
		"{\"version\": 1, \"tool\": \"bulkhead\", \"generated\": \"2024-01-01\",\n"
		" \"findings\": [{\"fingerprint\": \"%s\", \"line\": 42, \"extra\": {\"a\": [1]}},\n"
		"                {\"fingerprint\": \"%s\", \"rule\": \"c.gets\"}]}",
		findings.items.items[0].fingerprint, findings.items.items[1].fingerprint);
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, write_text("b.json", text), &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_BASELINE);
	cr_assert_eq(findings.items.items[1].suppressed, BH_SUPPRESS_BASELINE);
	cr_assert_eq(findings.items.items[2].suppressed, BH_SUPPRESS_NONE);
}

Test(baseline, uppercase_fingerprint_matches)
{
	make_findings(0);
	char *fp = bh_arena_strdup(arena, findings.items.items[0].fingerprint);
	for (char *c = fp; *c; c++)
		if (*c >= 'a' && *c <= 'f')
			*c = (char)(*c - 'a' + 'A');
	char *text = bh_arena_sprintf(arena, "{\"findings\": [{\"fingerprint\": \"%s\"}]}", fp);
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, write_text("b.json", text), &diags), BH_OK);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_BASELINE);
}

Test(baseline, truncated_json_is_malformed_and_suppresses_nothing)
{
	make_findings(0);
	bh_baseline *bl = NULL;
	const char *path = write_text("b.json", "{\n  \"version\": 1,\n  \"findings\": [{\"finger");
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	const bh_diag *d = the_diag("baseline.malformed");
	cr_assert_eq(d->level, BH_LEVEL_ERROR);
	cr_assert_eq(d->loc.line, 3);
	cr_assert_not_null(bl);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(count_kind(BH_SUPPRESS_NONE), 3);
}

Test(baseline, hostile_documents_are_malformed)
{
	static const char *docs[] = {
		"",
		"[]",
		"{}",
		"{\"findings\": {}}",
		"{\"version\": 2, \"findings\": []}",
		"{\"version\": \"1\", \"findings\": []}",
		"{\"findings\": [1e999]}",
		"{\"findings\": [99999999999999999999999]}",
		"{\"findings\": [\"a\\u0000b\"]}",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(docs); i++) {
		bh_diags_dispose(&diags);
		bh_diags_init(&diags, arena);
		bh_baseline *bl = NULL;
		char name[32];
		snprintf(name, sizeof(name), "b%zu.json", i);
		cr_assert_eq(bh_baseline_load(&bl, arena, write_text(name, docs[i]), &diags), BH_OK);
		cr_assert_eq(count_code("baseline.malformed"), 1, "document %zu: %s", i, docs[i]);
		cr_assert_not_null(bl);
	}
}

Test(baseline, nul_bytes_are_malformed)
{
	static const char text[] = "{\"findings\": []}\0garbage";
	bh_baseline *bl = NULL;
	const char *path = write_bytes("b.json", text, sizeof(text) - 1);
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	the_diag("baseline.malformed");
}

Test(baseline, bad_entries_are_skipped_and_good_ones_kept)
{
	make_findings(0);
	char *text = bh_arena_sprintf(arena,
		"{\"findings\": [{\"rule\": \"c.gets\"}, 7, {\"fingerprint\": 12},"
		" {\"fingerprint\": \"xyz\"}, {\"fingerprint\": \"%s\"}]}",
		findings.items.items[1].fingerprint);
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, write_text("b.json", text), &diags), BH_OK);
	cr_assert_eq(count_code("baseline.malformed"), 4);
	cr_assert_str_eq(diags.items.items[0].message,
			 "findings[0] has no valid \"fingerprint\" (32 hex digits); entry ignored");
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(findings.items.items[1].suppressed, BH_SUPPRESS_BASELINE);
	cr_assert_eq(count_kind(BH_SUPPRESS_BASELINE), 1);
}

Test(baseline, missing_file_is_not_found)
{
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, tmp_path("none.json"), &diags), BH_ENOTFOUND);
	the_diag("baseline.not-found");
	cr_assert_not_null(bl);
	bh_baseline_apply(bl, &findings);
	bh_baseline_apply(NULL, &findings);
}

Test(baseline, large_baseline_lookup)
{
	// 5000 accepted findings; lookup is a bsearch, so this stays instant.
	for (unsigned i = 0; i < 5000; i++) {
		char snippet[32];
		snprintf(snippet, sizeof(snippet), "gets(b%u)", i);
		add_finding(BH_RULE_C_GETS, i % 2 ? "x.c" : "y.c", i + 1, snippet);
	}
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
	const char *path = tmp_path("baseline.json");
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	add_finding(BH_RULE_C_GETS, "x.c", 9999, "gets(new)");
	bh_findings_fingerprint(&findings);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(count_kind(BH_SUPPRESS_BASELINE), 5000);
	cr_assert_eq(count_kind(BH_SUPPRESS_NONE), 1);
}

// --------------------------------------------------------------- suppression

// A file's lines for bh_line_fn; `lens` (optional) allows NUL bytes.
typedef struct {
	const char *path;
	const char *const *lines;
	const size_t *lens;
	size_t n;
} text_file;

static const char *lines_fn(void *payload, const char *path, uint32_t line, size_t *len_out)
{
	const text_file *tf = payload;
	if (strcmp(path, tf->path) != 0 || line == 0 || line > tf->n)
		return NULL;
	*len_out = tf->lens ? tf->lens[line - 1] : strlen(tf->lines[line - 1]);
	return tf->lines[line - 1];
}

// Run inline suppression over one finding of `rule` on `line` of `lines`.
static bh_finding *suppress_one(const char *const *lines, size_t n, bh_rule_id rule, uint32_t line)
{
	text_file tf = { "f.c", lines, NULL, n };
	add_finding(rule, "f.c", line, "x");
	bh_suppress_inline(&findings, lines_fn, &tf);
	return &findings.items.items[findings.items.len - 1];
}

#define SUPPRESS(rule, line, ...) \
	suppress_one((const char *const[]){ __VA_ARGS__ }, \
		     BH_ARRAY_LEN(((const char *const[]){ __VA_ARGS__ })), rule, line)

Test(suppress, same_line_comment_with_reason)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 1,
				  "gets(buf); // bulkhead: ignore[c.gets] input is a test fixture  ");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "input is a test fixture");
}

Test(suppress, comment_only_line_above)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 2,
				  "\t// bulkhead: ignore[c.gets] legacy API, see #12",
				  "\tgets(buf);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "legacy API, see #12");
}

Test(suppress, trailing_comment_on_line_above_does_not_apply)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 2,
				  "gets(a); // bulkhead: ignore[c.gets] first call only",
				  "gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, code_after_a_block_comment_above_is_not_comment_only)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 2,
				  "/* init */ gets(a); // bulkhead: ignore[c.gets] first call only",
				  "gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
	fd = SUPPRESS(BH_RULE_C_GETS, 2,
		      "/* note */ /* bulkhead: ignore[c.gets] two comments */",
		      "gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "two comments");
}

Test(suppress, only_the_line_immediately_above)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 3,
				  "// bulkhead: ignore[c.gets] too far",
				  "",
				  "gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, marker_in_string_literal_is_ignored)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 1,
				  "puts(\"// bulkhead: ignore[c.gets] no\"); gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "puts(\"/* x */ bulkhead: ignore[*]\"); gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
	fd = SUPPRESS(BH_RULE_C_GETS, 2,
		      "#define MSG \"bulkhead: ignore[c.gets]\"",
		      "gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, string_before_the_comment_does_not_hide_it)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_FORMAT_STRING, 1,
				  "printf(\"a \\\" // b\" + x, s); // bulkhead: ignore[c.format-string] ok");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "ok");
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "c = '\"'; gets(b); /* bulkhead: ignore[c.gets] char */");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "char");
}

Test(suppress, marker_without_comment_opener_is_ignored)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); bulkhead: ignore[c.gets]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, other_rule_is_not_suppressed)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); // bulkhead: ignore[c.format-string]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
	// A prefix of an id is not the id.
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); // bulkhead: ignore[c.get]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, several_ids)
{
	static const char *const lines[] = {
		"printf(gets(b)); // bulkhead: ignore[ c.gets ,c.format-string] both reviewed",
	};
	text_file tf = { "f.c", lines, NULL, 1 };
	add_finding(BH_RULE_C_GETS, "f.c", 1, "x");
	add_finding(BH_RULE_C_FORMAT_STRING, "f.c", 1, "y");
	add_finding(BH_RULE_C_UNBOUNDED_COPY, "f.c", 1, "z");
	bh_suppress_inline(&findings, lines_fn, &tf);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_INLINE);
	cr_assert_eq(findings.items.items[1].suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(findings.items.items[1].suppress_reason, "both reviewed");
	cr_assert_eq(findings.items.items[2].suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, wildcards)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_UNBOUNDED_COPY, 1, "strcpy(a, b); // bulkhead: ignore[*]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	fd = SUPPRESS(BH_RULE_C_UNBOUNDED_COPY, 1, "strcpy(a, b); // bulkhead: ignore[c.*]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	fd = SUPPRESS(BH_RULE_C_UNBOUNDED_COPY, 1, "strcpy(a, b); // bulkhead: ignore[docker.*]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
	fd = SUPPRESS(BH_RULE_C_UNBOUNDED_COPY, 1, "strcpy(a, b); // bulkhead: ignore[c*]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
	fd = SUPPRESS(BH_RULE_C_UNBOUNDED_COPY, 1, "strcpy(a, b); // bulkhead: ignore[]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, block_comment_reason_drops_the_closer)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 2,
				  "  /* bulkhead: ignore[c.gets] fixed-size test input */  ",
				  "gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "fixed-size test input");
	// A block comment before the code on the same line.
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "/* bulkhead: ignore[c.gets] why */ gets(b);");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "why");
	// An unrelated block comment first, then the marker in a second one.
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "/* a */ gets(b); /* bulkhead: ignore[c.gets] two */");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "two");
	// A stray closer at the end of a line comment is dropped too.
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); // bulkhead: ignore[c.gets] odd */");
	cr_assert_str_eq(fd->suppress_reason, "odd");
}

Test(suppress, hash_comments)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_COMMAND_INJECTION, 2,
				  "# bulkhead: ignore[c.command-injection] pinned installer",
				  "RUN curl -fsSL https://example.com/i.sh | sh");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "pinned installer");
	fd = SUPPRESS(BH_RULE_C_COMMAND_INJECTION, 1,
		      "RUN curl https://x/i.sh | sh # bulkhead: ignore[*] don't care");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "don't care");
	// `#` inside a word is not a comment.
	fd = SUPPRESS(BH_RULE_C_COMMAND_INJECTION, 1, "RUN echo a#bulkhead: ignore[*]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

// `-- ` comments (SQL, Lua): at the start of a line or after a blank, and
// followed by one; `x--` and `--x` in C are no comment.
Test(suppress, double_dash_comments)
{
	bh_finding *fd = SUPPRESS(BH_RULE_SECRET_GENERIC_CREDENTIAL, 2,
				  "  -- bulkhead: ignore[secret.*] the test needs a key to find",
				  "local k = 'AKIA...'");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "the test needs a key to find");
	fd = SUPPRESS(BH_RULE_SECRET_GENERIC_CREDENTIAL, 1,
		      "SELECT 'AKIA...'; -- bulkhead: ignore[*] fixture row");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "n--; gets(b); /* x */ i--bulkhead: ignore[*]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); --bulkhead: ignore[*]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE);
}

Test(suppress, crlf_line_endings)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 2,
				  "// bulkhead: ignore[c.gets] windows checkout\r",
				  "gets(b);\r");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(fd->suppress_reason, "windows checkout");
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); // bulkhead: ignore[c.gets]\r\n");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_null(fd->suppress_reason);
}

Test(suppress, missing_reason_still_suppresses)
{
	bh_finding *fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); //bulkhead:ignore[c.gets]");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_null(fd->suppress_reason);
	fd = SUPPRESS(BH_RULE_C_GETS, 1, "gets(b); /* bulkhead: ignore[c.gets] */");
	cr_assert_eq(fd->suppressed, BH_SUPPRESS_INLINE);
	cr_assert_null(fd->suppress_reason);
}

Test(suppress, malformed_markers_do_nothing)
{
	static const char *const bad[] = {
		"gets(b); // bulkhead: ignore[c.gets",
		"gets(b); // bulkhead: ignore c.gets",
		"gets(b); // bulkhead ignore[c.gets]",
		"gets(b); // Bulkhead: ignore[c.gets]",
		"gets(b); // bulkhead:",
		"gets(b); // bulkhead: ignore[",
		"gets(b); //",
		"gets(b); /*",
		"gets(b); \"unterminated // bulkhead: ignore[*]",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(bad); i++) {
		bh_finding *fd = suppress_one(&bad[i], 1, BH_RULE_C_GETS, 1);
		cr_assert_eq(fd->suppressed, BH_SUPPRESS_NONE, "%s", bad[i]);
	}
}

Test(suppress, nul_bytes_in_line)
{
	static const char line[] = "gets(b);\0 // bulkhead: ignore[c.gets] after nul";
	const char *const lines[] = { line };
	const size_t lens[] = { sizeof(line) - 1 };
	text_file tf = { "f.c", lines, lens, 1 };
	add_finding(BH_RULE_C_GETS, "f.c", 1, "x");
	bh_suppress_inline(&findings, lines_fn, &tf);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_INLINE);
	cr_assert_str_eq(findings.items.items[0].suppress_reason, "after nul");
}

Test(suppress, unknown_lines_and_missing_text_are_skipped)
{
	static const char *const lines[] = { "gets(b);" };
	text_file tf = { "f.c", lines, NULL, 1 };
	add_finding(BH_RULE_C_GETS, "f.c", 0, "line unknown");
	add_finding(BH_RULE_C_GETS, "f.c", 7, "past the end");
	add_finding(BH_RULE_C_GETS, "other.c", 1, "no such file");
	add_finding(BH_RULE_C_GETS, "f.c", 1, "first line, nothing above");
	findings.items.items[2].loc.path = NULL;
	bh_suppress_inline(&findings, lines_fn, &tf);
	bh_suppress_inline(&findings, NULL, NULL);
	cr_assert_eq(count_kind(BH_SUPPRESS_NONE), 4);
}

Test(suppress, inline_beats_config_and_baseline)
{
	static const char *const lines[] = { "gets(b); // bulkhead: ignore[c.gets] mine" };
	text_file tf = { "f.c", lines, NULL, 1 };
	add_finding(BH_RULE_C_GETS, "f.c", 1, "a");
	add_finding(BH_RULE_C_GETS, "f.c", 1, "b");
	add_finding(BH_RULE_C_GETS, "f.c", 1, "c");
	findings.items.items[0].suppressed = BH_SUPPRESS_CONFIG;
	findings.items.items[1].suppressed = BH_SUPPRESS_BASELINE;
	findings.items.items[2].suppressed = BH_SUPPRESS_INLINE;
	findings.items.items[2].suppress_reason = "earlier";
	bh_suppress_inline(&findings, lines_fn, &tf);
	cr_assert_eq(count_kind(BH_SUPPRESS_INLINE), 3);
	cr_assert_str_eq(findings.items.items[0].suppress_reason, "mine");
	cr_assert_str_eq(findings.items.items[2].suppress_reason, "earlier");
}

Test(suppress, end_to_end_with_config_and_baseline)
{
	// The pipeline order: inline, config, baseline; a finding suppressed
	// inline is not written to a new baseline.
	static const char *const lines[] = {
		"// bulkhead: ignore[c.gets] reviewed",
		"gets(a);",
		"printf(s);",
		"strcpy(d, s);",
	};
	text_file tf = { "f.c", lines, NULL, 4 };
	add_finding(BH_RULE_C_GETS, "f.c", 2, "gets(a)");
	add_finding(BH_RULE_C_FORMAT_STRING, "f.c", 3, "printf(s)");
	add_finding(BH_RULE_C_UNBOUNDED_COPY, "f.c", 4, "strcpy(d, s)");
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
	cr_assert_eq(load_config("{\"rules\": {\"c.format-string\": \"off\"}}"), BH_OK);
	bh_suppress_inline(&findings, lines_fn, &tf);
	bh_config_apply(&cfg, &findings);
	const char *path = tmp_path("baseline.json");
	cr_assert_eq(bh_baseline_write(path, &findings, &diags), BH_OK);
	const char *text = read_text(path);
	cr_assert_null(strstr(text, "c.gets"));
	cr_assert_null(strstr(text, "c.format-string"));
	cr_assert_not_null(strstr(text, "c.unbounded-copy"));
	bh_baseline *bl = NULL;
	cr_assert_eq(bh_baseline_load(&bl, arena, path, &diags), BH_OK);
	bh_baseline_apply(bl, &findings);
	cr_assert_eq(findings.items.items[0].suppressed, BH_SUPPRESS_INLINE);
	cr_assert_eq(findings.items.items[1].suppressed, BH_SUPPRESS_CONFIG);
	cr_assert_eq(findings.items.items[2].suppressed, BH_SUPPRESS_BASELINE);
}
