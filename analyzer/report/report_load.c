// SPDX-License-Identifier: MIT
// Reading a JSON report back (bh_report_load_json): the inverse of
// report_json.c, for `bulkhead merge`. Everything a finding carries is in
// the report, so a finding read back writes the same bytes in every format.
// The file is input like any other: a value of the wrong type, a missing
// key or an unknown rule never crashes the reader, it leaves the finding or
// the report out with a diagnostic.
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/fileio.h"
#include "bulkhead/img.h"
#include "bulkhead/json.h"
#include "bulkhead/merge.h"
#include "bulkhead/rule.h"
#include "report/report_internal.h"

// Reports beyond this size are not a Bulkhead report of a build context.
#define REPORT_MAX_BYTES (512u << 20)

typedef struct {
	bh_arena *arena;
	const char *path; // the report, for diagnostics
	bh_diags *diags;
	size_t skipped;   // findings left out
} reader;

static const char *str(reader *r, const json_t *v)
{
	return json_is_string(v) ? bh_arena_strdup(r->arena, json_string_value(v)) : NULL;
}

static uint32_t pos(const json_t *v)
{
	json_int_t i = json_is_integer(v) ? json_integer_value(v) : 0;
	return i > 0 && i <= (json_int_t)UINT32_MAX ? (uint32_t)i : 0;
}

static bh_loc location(reader *r, const json_t *o)
{
	bh_loc loc = { 0 };
	if (!json_is_object(o))
		return loc;
	loc.path = str(r, json_object_get(o, "path"));
	loc.line = pos(json_object_get(o, "line"));
	loc.col = pos(json_object_get(o, "col"));
	loc.end_line = pos(json_object_get(o, "end_line"));
	loc.end_col = pos(json_object_get(o, "end_col"));
	return loc;
}

static bh_finding_step *steps(reader *r, const json_t *a, size_t *n)
{
	*n = json_is_array(a) ? json_array_size(a) : 0;
	if (!*n)
		return NULL;
	bh_finding_step *s = bh_arena_alloc(r->arena, *n * sizeof(*s));
	for (size_t i = 0; i < *n; i++) {
		const json_t *o = json_array_get(a, i);
		s[i].loc = location(r, json_object_get(o, "location"));
		s[i].message = str(r, json_object_get(o, "message"));
	}
	return s;
}

static bool level_of(const json_t *v, bh_level *out)
{
	return json_is_string(v) && bh_level_parse(out, json_string_value(v)) == BH_OK && *out != BH_LEVEL_NONE;
}

static bh_suppress_kind suppression_kind(const char *name)
{
	for (bh_suppress_kind k = BH_SUPPRESS_INLINE; k <= BH_SUPPRESS_BASELINE; k++)
		if (name && bh_str_equal(bh_report__suppress_name(k), name))
			return k;
	return BH_SUPPRESS_NONE;
}

static bh_image_context *image(reader *r, const json_t *o)
{
	if (!json_is_object(o))
		return NULL;
	bh_image_context *c = bh_arena_alloc(r->arena, sizeof(*c));
	memset(c, 0, sizeof(*c));
	const char *shipped = json_string_value(json_object_get(o, "shipped"));
	for (bh_img_ship s = BH_IMG_SHIP_UNKNOWN; s <= BH_IMG_SHIP_YES; s++)
		if (shipped && strcmp(bh_img_ship_name(s), shipped) == 0)
			c->shipped = s;
	c->reason = str(r, json_object_get(o, "reason"));
	c->dockerfile = str(r, json_object_get(o, "dockerfile"));
	c->stage = str(r, json_object_get(o, "stage"));
	c->artifact = str(r, json_object_get(o, "artifact"));
	c->image_path = str(r, json_object_get(o, "path"));
	c->entrypoint = json_is_true(json_object_get(o, "entrypoint"));
	c->user = str(r, json_object_get(o, "user"));
	const json_t *root = json_object_get(o, "root");
	c->root = json_is_boolean(root) ? json_is_true(root) : -1;
	const json_t *ports = json_object_get(o, "ports");
	c->nports = json_is_array(ports) ? json_array_size(ports) : 0;
	c->ports = c->nports ? bh_arena_alloc(r->arena, c->nports * sizeof(*c->ports)) : NULL;
	for (size_t i = 0; i < c->nports; i++)
		c->ports[i] = str(r, json_array_get(ports, i));
	c->base = str(r, json_object_get(o, "base"));
	c->libc = str(r, json_object_get(o, "libc"));
	const json_t *exposure = json_object_get(o, "exposure");
	c->exposure = json_is_integer(exposure) ? (int)json_integer_value(exposure) : 25;
	if (!level_of(json_object_get(o, "original_level"), &c->original_level))
		c->original_level = BH_LEVEL_WARNING;
	c->adjusted = json_is_true(json_object_get(o, "level_adjusted"));
	c->ships = steps(r, json_object_get(o, "ships"), &c->nships);
	return c;
}

static const bh_finding_fix *fix(reader *r, const json_t *o)
{
	const char *title = json_is_object(o) ? str(r, json_object_get(o, "title")) : NULL;
	const char *text = title ? str(r, json_object_get(o, "text")) : NULL;
	if (!text)
		return NULL;
	bh_finding_fix *x = bh_arena_alloc(r->arena, sizeof(*x));
	*x = (bh_finding_fix){ title, location(r, json_object_get(o, "location")), text };
	return x;
}

static void finding(reader *r, bh_findings *out, const json_t *o, size_t index)
{
	const char *id = json_string_value(json_object_get(o, "rule"));
	const bh_rule *rule = id ? bh_rule_find(id) : NULL;
	const char *message = str(r, json_object_get(o, "message"));
	bh_level level;
	if (!rule || !message || !level_of(json_object_get(o, "level"), &level)) {
		bh_diag_add(r->diags, BH_LEVEL_WARNING, "merge.unknown-rule", r->path, 0, 0,
			    "finding %zu left out: %s", index,
			    !json_is_object(o) ? "not an object"
			    : !id	       ? "no rule"
			    : !rule	       ? "a rule this build of bulkhead does not know"
					       : "no message or level");
		r->skipped++;
		return;
	}
	bh_vec_push(&out->items, (bh_finding){ 0 });
	bh_finding *fd = &out->items.items[out->items.len - 1];
	fd->rule = rule;
	fd->level = level;
	fd->message = message;
	fd->loc = location(r, json_object_get(o, "location"));
	fd->function = str(r, json_object_get(o, "function"));
	fd->snippet = str(r, json_object_get(o, "snippet"));
	fd->related = steps(r, json_object_get(o, "related"), &fd->nrelated);
	fd->flow = steps(r, json_object_get(o, "flow"), &fd->nflow);
	fd->note = str(r, json_object_get(o, "note"));
	const json_t *fp = json_object_get(o, "fingerprint");
	size_t fplen = json_is_string(fp) ? json_string_length(fp) : sizeof(fd->fingerprint);
	if (fplen < sizeof(fd->fingerprint))
		memcpy(fd->fingerprint, json_string_value(fp), fplen + 1);
	const json_t *sup = json_object_get(o, "suppressed");
	if (json_is_object(sup)) {
		fd->suppressed = suppression_kind(json_string_value(json_object_get(sup, "kind")));
		fd->suppress_reason = str(r, json_object_get(sup, "reason"));
	}
	fd->image = image(r, json_object_get(o, "image"));
	fd->fix = fix(r, json_object_get(o, "fix"));
}

static void diagnostic(reader *r, bh_diags *out, const json_t *o)
{
	bh_level level;
	const char *message = json_string_value(json_object_get(o, "message"));
	const char *code = json_string_value(json_object_get(o, "code"));
	// An entry without a message or a code is not a diagnostic Bulkhead
	// wrote. (A shard's note that it is one says nothing of the joined whole.)
	if (!message || !code || !level_of(json_object_get(o, "level"), &level) || bh_str_equal(code, "scan.shard"))
		return;
	bh_loc loc = location(r, json_object_get(o, "location"));
	size_t before = out->items.len;
	bh_diag_add(out, level, code, loc.path, loc.line, loc.col, "%s", message);
	if (out->items.len > before) {
		out->items.items[before].loc.end_line = loc.end_line;
		out->items.items[before].loc.end_col = loc.end_col;
	}
}

static size_t count(const json_t *summary, const char *key)
{
	const json_t *v = json_object_get(summary, key);
	json_int_t i = json_is_integer(v) ? json_integer_value(v) : 0;
	return i > 0 ? (size_t)i : 0;
}

static void join_meta(reader *r, bh_report_meta *meta, const json_t *root)
{
	const json_t *tool = json_object_get(root, "tool");
	if (!meta->tool_version)
		meta->tool_version = str(r, json_object_get(tool, "version"));
	if (!meta->context_root)
		meta->context_root = str(r, json_object_get(root, "context"));
	const json_t *summary = json_object_get(root, "summary");
	size_t files = count(summary, "files_scanned");
	if (files > meta->files_scanned)
		meta->files_scanned = files;
	meta->units_parsed += count(summary, "units_parsed");
	// ISO 8601 UTC strings of one format order as the times they say.
	const char *start = json_string_value(json_object_get(root, "start_time"));
	const char *end = json_string_value(json_object_get(root, "end_time"));
	if (start && (!meta->start_time || strcmp(start, meta->start_time) < 0))
		meta->start_time = bh_arena_strdup(r->arena, start);
	if (end && (!meta->end_time || strcmp(end, meta->end_time) > 0))
		meta->end_time = bh_arena_strdup(r->arena, end);
}

// Is `root` a report this reader understands: Bulkhead's, version 1.x?
static const char *why_foreign(const json_t *root)
{
	if (!json_is_object(root))
		return "the top level is not a JSON object";
	const char *name = json_string_value(json_object_get(json_object_get(root, "tool"), "name"));
	const char *version = json_string_value(json_object_get(root, "version"));
	if (!name || strcmp(name, "bulkhead") != 0)
		return json_object_get(root, "runs") ? "a SARIF file: merge the JSON reports (--format json) instead"
						     : "not a bulkhead JSON report";
	if (!version || strncmp(version, "1.", 2) != 0)
		return "a report version this build does not read (1.x)";
	if (!json_is_array(json_object_get(root, "findings")) || !json_is_array(json_object_get(root, "diagnostics")))
		return "no findings or diagnostics array";
	return NULL;
}

bh_status bh_report_load_buffer(const char *text, size_t len, const char *name, bh_findings *findings,
				bh_diags *diags, bh_report_meta *meta)
{
	if (!text || !name || !findings || !diags || !meta)
		return BH_EINVAL;
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	const char *foreign = root ? why_foreign(root) : NULL;
	if (!root || foreign) {
		if (!root)
			bh_diag_add(diags, BH_LEVEL_ERROR, "merge.bad-report", name, jerr.line > 0 ? (uint32_t)jerr.line : 0,
				    0, "invalid JSON: %s", jerr.text);
		else
			bh_diag_add(diags, BH_LEVEL_ERROR, "merge.bad-report", name, 0, 0, "%s", foreign);
		json_decref(root);
		return BH_EINVAL;
	}
	reader r = { findings->arena, name, diags, 0 };
	join_meta(&r, meta, root);
	const json_t *list = json_object_get(root, "findings");
	for (size_t i = 0; i < json_array_size(list); i++)
		finding(&r, findings, json_array_get(list, i), i);
	list = json_object_get(root, "diagnostics");
	for (size_t i = 0; i < json_array_size(list); i++)
		diagnostic(&r, diags, json_array_get(list, i));
	json_decref(root);
	return BH_OK;
}

bh_status bh_report_load_json(const char *path, bh_findings *findings, bh_diags *diags, bh_report_meta *meta)
{
	if (!path || !findings || !diags || !meta)
		return BH_EINVAL;
	char *text = NULL;
	size_t len = 0;
	int errnum = 0;
	bh_status st = bh_file_read_path(&text, &len, path, REPORT_MAX_BYTES, &errnum);
	if (st != BH_OK) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "merge.bad-report", path, 0, 0, "cannot read the report: %s",
			    st == BH_EINVAL ? "larger than 512 MiB" : strerror(errnum ? errnum : ENOENT));
		return st == BH_EINVAL ? BH_EINVAL : BH_EIO;
	}
	st = bh_report_load_buffer(text, len, path, findings, diags, meta);
	free(text);
	return st;
}
