// SPDX-License-Identifier: MIT
// The .bulkhead.json project configuration: which rules run, at which
// level, which paths are excluded, the file size limit and the --fail-on
// default. It is read once per run, before analysis, and applied to the
// findings after the rules have run (see bh_config_apply).
//
// Invariants: a bad file never stops a run. Invalid JSON is one error
// diagnostic and the defaults apply; a key with a value of the wrong type
// is an error naming the key and only that key keeps its default; unknown
// keys and rule ids are warnings, because a typo must not pass silently.
// jansson handles never leave the function that made them.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "bulkhead/arena.h"
#include "bulkhead/config.h"
#include "bulkhead/diag.h"
#include "bulkhead/ignore.h"
#include "config_internal.h"

// A configuration file is a few hundred bytes; anything over 1 MiB is a
// mistake (or /dev/zero) and is not worth reading.
#define CONFIG_MAX_BYTES (1u << 20)

// The only format version this build reads.
#define CONFIG_VERSION 1

// ------------------------------------------------------------- shared helpers

uint32_t bh_config__byte_column(const char *text, size_t len, int line, int column)
{
	size_t start = 0;

	if (line <= 0 || column <= 0)
		return 0;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(text + start, '\n', len - start);
		if (!nl)
			return (uint32_t)column;
		start = (size_t)(nl - text) + 1;
	}
	// jansson advances its column on every byte that does not continue a
	// UTF-8 sequence.
	int chars = 0;
	for (size_t i = start; i < len && text[i] != '\n'; i++) {
		if (((unsigned char)text[i] & 0xC0) != 0x80 && ++chars == column)
			return (uint32_t)(i - start + 1);
	}
	return (uint32_t)column;
}

int bh_config__suppress_rank(bh_suppress_kind kind)
{
	switch (kind) {
	case BH_SUPPRESS_NONE: return 0;
	case BH_SUPPRESS_BASELINE: return 1;
	case BH_SUPPRESS_CONFIG: return 2;
	case BH_SUPPRESS_INLINE: return 3;
	}
	return 0;
}

// ---------------------------------------------------------------- defaults

void bh_config_init(bh_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	for (size_t i = 0; i < BH_RULE_MAX; i++) {
		cfg->rule_enabled[i] = true;
		cfg->rule_level[i] = BH_LEVEL_NONE;
	}
	cfg->fail_on = BH_LEVEL_NONE;
}

void bh_config_dispose(bh_config *cfg)
{
	bh_vec_dispose(&cfg->excludes);
	bh_vec_dispose(&cfg->taint_models);
}

// ------------------------------------------------------------------ loading

// What one load needs at hand. `text` is the raw file, kept to find the
// line of a key: jansson records positions only for syntax errors.
typedef struct {
	bh_config *cfg;
	bh_arena *arena;
	bh_diags *diags;
	const char *path;
	const char *text;
	size_t len;
	unsigned lookups; // key_line calls so far, see there
} loader;

static bool is_json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Best-effort line of the first `"key"` that is followed by ':' (an object
// key, not a string value). 0 when not found, e.g. when the key was
// written with escapes: the diagnostic then has no line, which is allowed.
// Each lookup scans the file, so a hostile file with thousands of unknown
// keys would make loading quadratic; past the per-file diagnostic cap the
// diagnostics are dropped anyway, so lookups stop there.
static uint32_t key_line(loader *ld, const char *key)
{
	size_t klen = strlen(key);
	uint32_t line = 1;

	if (++ld->lookups > BH_DIAG_MAX_PER_FILE)
		return 0;

	for (size_t i = 0; i < ld->len; i++) {
		if (ld->text[i] == '\n') {
			line++;
			continue;
		}
		if (ld->text[i] != '"' || i + klen + 2 > ld->len)
			continue;
		if (memcmp(ld->text + i + 1, key, klen) != 0 || ld->text[i + 1 + klen] != '"')
			continue;
		size_t j = i + klen + 2;
		while (j < ld->len && is_json_space(ld->text[j]))
			j++;
		if (j < ld->len && ld->text[j] == ':')
			return line;
	}
	return 0;
}

static void warn_unknown_key(loader *ld, const char *key, const char *where)
{
	bh_diag_add(ld->diags, BH_LEVEL_WARNING, "config.unknown-key", ld->path,
		    key_line(ld, key), 0, "unknown key \"%s\"%s%s", key,
		    where ? " in " : "", where ? where : "");
}

static void invalid(loader *ld, const char *key, const char *line_key,
		    const char *expected)
{
	bh_diag_add(ld->diags, BH_LEVEL_ERROR, "config.invalid", ld->path,
		    line_key ? key_line(ld, line_key) : 0, 0,
		    "invalid value for \"%s\": expected %s", key, expected);
}

// Levels a rule may be set to. "never" is not one: it only makes sense
// for fail-on.
static bool parse_rule_level(bh_level *out, const char *s)
{
	if (strcmp(s, "note") == 0)
		*out = BH_LEVEL_NOTE;
	else if (strcmp(s, "warning") == 0)
		*out = BH_LEVEL_WARNING;
	else if (strcmp(s, "error") == 0)
		*out = BH_LEVEL_ERROR;
	else
		return false;
	return true;
}

// version: 1
static bool load_version(loader *ld, json_t *v)
{
	if (!json_is_integer(v) || json_integer_value(v) != CONFIG_VERSION) {
		bh_diag_add(ld->diags, BH_LEVEL_ERROR, "config.invalid", ld->path,
			    key_line(ld, "version"), 0,
			    "unsupported \"version\": this bulkhead reads version %d; "
			    "the whole file is ignored", CONFIG_VERSION);
		return false;
	}
	return true;
}

// "fail-on": "note" | "warning" | "error" | "never"
static void load_fail_on(loader *ld, json_t *v)
{
	bh_level level;

	if (!json_is_string(v) || bh_level_parse(&level, json_string_value(v)) != BH_OK) {
		invalid(ld, "fail-on", "fail-on", "\"note\", \"warning\", \"error\" or \"never\"");
		return;
	}
	ld->cfg->has_fail_on = true;
	ld->cfg->fail_on = level;
}

// An array of non-empty strings ("exclude": globs, "taint" and "memory": model lines).
// A bad element is reported and skipped; the others still apply.
static void load_strings(loader *ld, json_t *v, const char *name, const char *what,
			 bh_config_strings *out)
{
	size_t i;
	json_t *elem;

	if (!json_is_array(v)) {
		char want[64];
		snprintf(want, sizeof(want), "an array of %ss", what);
		invalid(ld, name, name, want);
		return;
	}
	json_array_foreach(v, i, elem) {
		if (!json_is_string(elem) || json_string_length(elem) == 0) {
			char key[48], want[64];
			snprintf(key, sizeof(key), "%s[%zu]", name, i);
			snprintf(want, sizeof(want), "a non-empty %s", what);
			invalid(ld, key, name, want);
			continue;
		}
		bh_vec_push(out, bh_arena_strdup(ld->arena, json_string_value(elem)));
	}
}

// "max-file-size": positive integer (bytes). Integers beyond 64 bits are
// already rejected by jansson as a syntax error.
static void load_max_file_size(loader *ld, json_t *v)
{
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		invalid(ld, "max-file-size", "max-file-size", "a positive integer (bytes)");
		return;
	}
	ld->cfg->max_file_size = (uint64_t)json_integer_value(v);
}

// rule-setting = "off" | "on" | level
//              | { "enabled": bool, "level": level }
static void load_rule(loader *ld, const bh_rule *rule, json_t *v)
{
	bh_config *cfg = ld->cfg;
	size_t idx = rule->index;
	char key[128];

	snprintf(key, sizeof(key), "rules.%s", rule->id);
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		bh_level level;
		if (strcmp(s, "off") == 0) {
			cfg->rule_enabled[idx] = false;
		} else if (strcmp(s, "on") == 0) {
			cfg->rule_enabled[idx] = true;
			cfg->rule_level[idx] = BH_LEVEL_NONE;
		} else if (parse_rule_level(&level, s)) {
			cfg->rule_enabled[idx] = true;
			cfg->rule_level[idx] = level;
		} else {
			invalid(ld, key, rule->id,
				"\"off\", \"on\", \"note\", \"warning\", \"error\" or an object");
		}
		return;
	}
	if (!json_is_object(v)) {
		invalid(ld, key, rule->id,
			"\"off\", \"on\", \"note\", \"warning\", \"error\" or an object");
		return;
	}

	const char *name;
	json_t *field;
	json_object_foreach(v, name, field) {
		char sub[160];
		snprintf(sub, sizeof(sub), "%s.%s", key, name);
		if (strcmp(name, "enabled") == 0) {
			if (json_is_boolean(field))
				cfg->rule_enabled[idx] = json_is_true(field);
			else
				invalid(ld, sub, rule->id, "true or false");
		} else if (strcmp(name, "level") == 0) {
			bh_level level;
			if (json_is_string(field) && parse_rule_level(&level, json_string_value(field)))
				cfg->rule_level[idx] = level;
			else
				invalid(ld, sub, rule->id, "\"note\", \"warning\" or \"error\"");
		} else {
			char where[160];
			snprintf(where, sizeof(where), "rule \"%s\"", rule->id);
			warn_unknown_key(ld, name, where);
		}
	}
}

// "rules": { rule-id: rule-setting, ... }
static void load_rules(loader *ld, json_t *v)
{
	const char *id;
	json_t *setting;

	if (!json_is_object(v)) {
		invalid(ld, "rules", "rules", "an object mapping rule ids to settings");
		return;
	}
	json_object_foreach(v, id, setting) {
		const bh_rule *rule = bh_rule_find(id);
		if (!rule) {
			bh_diag_add(ld->diags, BH_LEVEL_WARNING, "config.unknown-rule", ld->path,
				    key_line(ld, id), 0, "unknown rule \"%s\"", id);
			continue;
		}
		load_rule(ld, rule, setting);
	}
}

// config = { "version"?, "fail-on"?, "exclude"?, "max-file-size"?,
//            "rules"?, "taint"?, "memory"?, "$schema"? }
static void load_root(loader *ld, json_t *root)
{
	const char *key;
	json_t *v;

	if (!json_is_object(root)) {
		bh_diag_add(ld->diags, BH_LEVEL_ERROR, "config.invalid", ld->path, 0, 0,
			    "the top level must be a JSON object; the whole file is ignored");
		return;
	}
	// The version decides how to read everything else, so it goes first:
	// reading a future format with today's meaning could silently enable
	// or disable the wrong rules.
	v = json_object_get(root, "version");
	if (v && !load_version(ld, v))
		return;

	json_object_foreach(root, key, v) {
		if (strcmp(key, "version") == 0 || strcmp(key, "$schema") == 0)
			continue; // "$schema" lets editors validate the file
		else if (strcmp(key, "fail-on") == 0)
			load_fail_on(ld, v);
		else if (strcmp(key, "exclude") == 0)
			load_strings(ld, v, "exclude", "glob string", &ld->cfg->excludes);
		else if (strcmp(key, "taint") == 0) {
			ld->cfg->taint_line = key_line(ld, "taint");
			load_strings(ld, v, "taint", "taint model string", &ld->cfg->taint_models);
		}
		else if (strcmp(key, "memory") == 0) {
			ld->cfg->memory_line = key_line(ld, "memory");
			load_strings(ld, v, "memory", "memory model string", &ld->cfg->memory_models);
		}
		else if (strcmp(key, "max-file-size") == 0)
			load_max_file_size(ld, v);
		else if (strcmp(key, "rules") == 0)
			load_rules(ld, v);
		else
			warn_unknown_key(ld, key, NULL);
	}
}

bh_status bh_config_load(bh_config *cfg, bh_arena *arena, const char *path,
			 bool required, bh_diags *diags)
{
	char *text = NULL;
	size_t len = 0;
	int errnum = 0;
	json_t *root = NULL;
	json_error_t jerr;
	size_t skip;
	loader ld;
	bh_status st;

	st = required ? bh_file_read_path(&text, &len, path, CONFIG_MAX_BYTES, &errnum)
		      : bh_file_read_path_nofollow(&text, &len, path, CONFIG_MAX_BYTES, &errnum);
	if (st == BH_ENOTFOUND) {
		if (!required) {
			st = BH_OK;
			goto out;
		}
		bh_diag_add(diags, BH_LEVEL_ERROR, "config.not-found", path, 0, 0,
			    "configuration file not found");
		goto out;
	}
	if (st == BH_EINVAL) {
		// Too large is bad content, not an operational failure.
		bh_diag_add(diags, BH_LEVEL_ERROR, "config.malformed", path, 0, 0,
			    "file is larger than %u bytes; the defaults apply",
			    (unsigned)CONFIG_MAX_BYTES);
		st = BH_OK;
		goto out;
	}
	if (st != BH_OK) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "config.io", path, 0, 0,
			    "cannot read configuration: %s", strerror(errnum));
		goto out;
	}
	cfg->path = bh_arena_strdup(arena, path);

	// Editors on Windows like to start UTF-8 files with a BOM, which
	// jansson rejects; skipping it costs nothing.
	skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	// Duplicate keys are rejected: with two "rules" objects, the one that
	// silently loses is a policy hole.
	root = json_loadb(text + skip, len - skip, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		uint32_t col = bh_config__byte_column(text + skip, len - skip,
						      jerr.line, jerr.column);
		if (jerr.line == 1 && col)
			col += (uint32_t)skip;
		bh_diag_add(diags, BH_LEVEL_ERROR, "config.malformed", path,
			    jerr.line > 0 ? (uint32_t)jerr.line : 0, col,
			    "invalid JSON: %s; the defaults apply", jerr.text);
		goto out;
	}

	ld = (loader){ cfg, arena, diags, path, text, len, 0 };
	load_root(&ld, root);
out:
	json_decref(root);
	free(text);
	return st;
}

// ---------------------------------------------------------------- applying

void bh_config_apply(const bh_config *cfg, bh_findings *findings)
{
	const char *source = cfg->path ? cfg->path : "the configuration";
	const char *disabled_reason = NULL; // made on first use
	int rank = bh_config__suppress_rank(BH_SUPPRESS_CONFIG);

	for (size_t i = 0; i < findings->items.len; i++) {
		bh_finding *fd = &findings->items.items[i];
		size_t idx = fd->rule->index;

		if (cfg->rule_level[idx] != BH_LEVEL_NONE)
			fd->level = cfg->rule_level[idx];
		if (bh_config__suppress_rank(fd->suppressed) >= rank)
			continue;
		if (!cfg->rule_enabled[idx]) {
			if (!disabled_reason)
				disabled_reason = bh_arena_sprintf(findings->arena,
								   "rule disabled in %s", source);
			fd->suppressed = BH_SUPPRESS_CONFIG;
			fd->suppress_reason = disabled_reason;
			continue;
		}
		// Excluded files are not analysed, but a finding can still land
		// in one: a header under third_party/ seen through an included
		// translation unit. The user asked not to hear about those.
		for (size_t j = 0; fd->loc.path && j < cfg->excludes.len; j++) {
			if (bh_glob_match_path(cfg->excludes.items[j], fd->loc.path)) {
				fd->suppressed = BH_SUPPRESS_CONFIG;
				fd->suppress_reason = bh_arena_sprintf(findings->arena,
					"path excluded by \"%s\" in %s",
					cfg->excludes.items[j], source);
				break;
			}
		}
	}
}
