// SPDX-License-Identifier: MIT
// SARIF 2.1.0 as GitHub code scanning reads it: one run whose driver lists
// every rule of the registry (so ruleIndex is the registry position and the
// rule set does not depend on what was found), results with
// %SRCROOT%-relative locations, codeFlows for flow steps, our own
// partialFingerprints and suppressions, and Bulkhead's diagnostics as
// invocations[0].toolExecutionNotifications.
//
// Columns: Bulkhead counts bytes; SARIF consumers (GitHub, VS Code) count
// UTF-16 code units, so the run says "columnKind": "utf16CodeUnits" and
// each column is converted using the source line from `line_fn`. Without
// a line (no line_fn, or a file that is gone) the byte column is written
// unchanged, which is exact for ASCII lines.
//
// No region.snippet: SARIF wants the region's exact text, and a finding's
// snippet is the whitespace-normalised statement its fingerprint hashes.
//
// Fingerprints: GitHub only reads partialFingerprints.primaryLocationLineHash
// and computes it itself in upload-sarif. We do not fake it; we add ours as
// "bulkhead/v1", which survives line shifts and is what --baseline uses.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/text.h"
#include "report/report_internal.h"

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"

/* ------------------------------------------------------------------ URIs */

static bool is_unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~' || c == '/';
}

// RFC 3986 percent-encoding of a '/'-separated path: "src/my file.c" gives
// "src/my%20file.c". Non-ASCII bytes are encoded one by one, which is the
// URI form of their UTF-8. Heap copy, caller frees.
static char *percent_encode(const char *path, const char *suffix)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), slen = strlen(suffix);
	char *out = bh_xmalloc(3 * n + slen + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (is_unreserved(*p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	memcpy(o, suffix, slen + 1);
	return out;
}

// "file:///" and an encoded absolute path without its leading '/'. Heap
// copy, caller frees.
static char *file_uri(const char *encoded)
{
	size_t n = strlen(encoded);
	char *uri = bh_xmalloc(n + 9);
	snprintf(uri, n + 9, "file:///%s", encoded);
	return uri;
}

static json_t *artifact_location(const char *path)
{
	json_t *o = json_object();
	// Paths are relative to the context root; an absolute one (a file
	// outside the context) becomes a file: URI of its own.
	bool absolute = path[0] == '/';
	char *uri = percent_encode(absolute ? path + 1 : path, "");
	if (absolute) {
		char *full = file_uri(uri);
		free(uri);
		uri = full;
	}
	bh_report__set(o, "uri", json_string(uri));
	if (!absolute)
		bh_report__set(o, "uriBaseId", json_string(SRCROOT));
	free(uri);
	return o;
}

/* --------------------------------------------------------------- columns */

// 1-based byte column `col` of `line` of `path` as a 1-based UTF-16 column.
static uint32_t utf16_col(const bh_report *r, const char *path, uint32_t line, uint32_t col)
{
	if (!r->line_fn || !path || !line || col <= 1)
		return col;
	size_t len = 0;
	const char *text = r->line_fn(r->line_payload, path, line, &len);
	if (!text)
		return col;
	const unsigned char *s = (const unsigned char *)text;
	size_t target = col - 1, i = 0;
	uint64_t units = 0;
	while (i < target && i < len) {
		size_t n;
		int32_t cp = bh_utf8_next(s + i, len - i, &n);
		// An invalid byte is one U+FFFD to an editor: one unit.
		units += cp >= 0x10000 ? 2 : 1;
		i += n;
	}
	if (target > len)
		units += target - len; // past the end: one unit per byte
	return units + 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(units + 1);
}

// A region, or NULL when the line is unknown (a whole-file location).
// End positions that would precede the start are dropped: a region must
// not run backwards.
static json_t *region(const bh_report *r, bh_loc loc)
{
	if (!loc.line)
		return NULL;
	json_t *o = json_object();
	bh_report__set(o, "startLine", json_integer(loc.line));
	uint32_t col = loc.col ? utf16_col(r, loc.path, loc.line, loc.col) : 0;
	if (col)
		bh_report__set(o, "startColumn", json_integer(col));
	uint32_t end_line = loc.end_line >= loc.line ? loc.end_line : 0;
	if (end_line)
		bh_report__set(o, "endLine", json_integer(end_line));
	if (col && loc.end_col) {
		uint32_t eline = end_line ? end_line : loc.line;
		uint32_t ecol = utf16_col(r, loc.path, eline, loc.end_col);
		if (eline > loc.line || ecol >= col)
			bh_report__set(o, "endColumn", json_integer(ecol));
	}
	return o;
}

static json_t *message(const char *text)
{
	json_t *o = json_object();
	bh_report__set(o, "text", bh_json_string(text ? text : ""));
	return o;
}

// A location object; `id` > 0 for related locations, `msg` may be NULL.
static json_t *location(const bh_report *r, bh_loc loc, int id, const char *msg)
{
	json_t *o = json_object();
	if (id > 0)
		bh_report__set(o, "id", json_integer(id));
	if (loc.path) {
		json_t *phys = json_object();
		bh_report__set(phys, "artifactLocation", artifact_location(loc.path));
		json_t *reg = region(r, loc);
		if (reg)
			bh_report__set(phys, "region", reg);
		bh_report__set(o, "physicalLocation", phys);
	}
	if (msg)
		bh_report__set(o, "message", message(msg));
	return o;
}

/* ----------------------------------------------------------------- rules */

// "docker.curl-pipe-shell" gives "DockerCurlPipeShell": SARIF's `name`
// is an identifier-like string, distinct from the id.
static json_t *pascal_name(const char *id)
{
	char buf[256];
	size_t n = 0;
	bool upper = true;
	for (const char *p = id; *p && n + 1 < sizeof(buf); p++) {
		char c = *p;
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9');
		if (!alnum) {
			upper = true;
			continue;
		}
		buf[n++] = upper && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
		upper = false;
	}
	buf[n] = '\0';
	return json_string(buf);
}

static json_t *rule_descriptor(const bh_rule *rule)
{
	json_t *o = json_object();
	bh_report__set(o, "id", json_string(rule->id));
	bh_report__set(o, "name", pascal_name(rule->id));
	bh_report__set(o, "shortDescription", message(rule->title));
	const char *summary = bh_rule_summary(rule);
	bh_report__set(o, "fullDescription", message(summary[0] ? summary : rule->title));
	json_t *conf = json_object();
	bh_report__set(conf, "level", json_string(bh_level_name(rule->level)));
	bh_report__set(o, "defaultConfiguration", conf);

	// GitHub shows help.markdown when present; text is the fallback for
	// other consumers, and the markdown source reads fine as text.
	const char *doc = rule->doc && rule->doc[0] ? rule->doc : NULL;
	json_t *help = json_object();
	bh_report__set(help, "text", bh_json_string(doc ? doc : rule->title));
	if (doc)
		bh_report__set(help, "markdown", bh_json_string(doc));
	bh_report__set(o, "help", help);

	json_t *props = json_object();
	json_t *tags = json_array();
	bh_report__append(tags, json_string("security"));
	for (size_t i = 0; i < BH_ARRAY_LEN(rule->cwe); i++) {
		if (rule->cwe[i] > 0) {
			char tag[48];
			snprintf(tag, sizeof(tag), "external/cwe/cwe-%d", rule->cwe[i]);
			bh_report__append(tags, json_string(tag));
		}
	}
	bh_report__set(props, "tags", tags);
	if (rule->precision)
		bh_report__set(props, "precision", json_string(rule->precision));
	// GitHub wants the score as a string ("9.8"), not a number.
	char score[16];
	snprintf(score, sizeof(score), "%.1f", rule->security_severity);
	bh_report__set(props, "security-severity", json_string(score));
	bh_report__set(o, "properties", props);
	return o;
}

/* --------------------------------------------------------------- results */

static json_t *suppressions(const bh_finding *fd)
{
	json_t *s = json_object();
	// SARIF knows only where a suppression lives: in the source (our
	// inline comments) or outside it (config file, baseline). Which one
	// goes into properties.origin.
	bool in_source = fd->suppressed == BH_SUPPRESS_INLINE;
	bh_report__set(s, "kind", json_string(in_source ? "inSource" : "external"));
	if (fd->suppress_reason)
		bh_report__set(s, "justification", bh_json_string(fd->suppress_reason));
	json_t *props = json_object();
	bh_report__set(props, "origin", json_string(bh_report__suppress_name(fd->suppressed)));
	bh_report__set(s, "properties", props);
	json_t *a = json_array();
	bh_report__append(a, s);
	return a;
}

static json_t *code_flows(const bh_report *r, const bh_finding *fd)
{
	json_t *locs = json_array();
	for (size_t i = 0; i < fd->nflow; i++) {
		json_t *tfl = json_object();
		bh_report__set(tfl, "location",
			       location(r, fd->flow[i].loc, 0, fd->flow[i].message));
		bh_report__append(locs, tfl);
	}
	json_t *thread = json_object();
	bh_report__set(thread, "locations", locs);
	json_t *threads = json_array();
	bh_report__append(threads, thread);
	json_t *flow = json_object();
	bh_report__set(flow, "threadFlows", threads);
	json_t *flows = json_array();
	bh_report__append(flows, flow);
	return flows;
}

static json_t *result(const bh_report *r, const bh_finding *fd)
{
	const bh_rule *rule = fd->rule;
	bh_assert(rule != NULL && (size_t)rule->index < bh_rule_count());
	bh_assert(strcmp(bh_rule_at(rule->index)->id, rule->id) == 0);

	json_t *o = json_object();
	bh_report__set(o, "ruleId", json_string(rule->id));
	bh_report__set(o, "ruleIndex", json_integer(rule->index));
	bh_report__set(o, "level", json_string(bh_level_name(fd->level)));
	bh_report__set(o, "message", message(fd->message));

	json_t *loc = location(r, fd->loc, 0, NULL);
	if (fd->function) {
		json_t *logical = json_object();
		bh_report__set(logical, "name", bh_json_string(fd->function));
		bh_report__set(logical, "kind", json_string("function"));
		json_t *arr = json_array();
		bh_report__append(arr, logical);
		bh_report__set(loc, "logicalLocations", arr);
	}
	json_t *locs = json_array();
	bh_report__append(locs, loc);
	bh_report__set(o, "locations", locs);

	// The Dockerfile lines that build and ship the code follow the rule's
	// own related locations.
	size_t nships = fd->image ? fd->image->nships : 0;
	if (fd->nrelated || nships) {
		json_t *rel = json_array();
		for (size_t i = 0; i < fd->nrelated; i++)
			bh_report__append(rel, location(r, fd->related[i].loc, (int)i + 1,
							fd->related[i].message));
		for (size_t i = 0; i < nships; i++)
			bh_report__append(rel, location(r, fd->image->ships[i].loc,
							(int)(fd->nrelated + i) + 1,
							fd->image->ships[i].message));
		bh_report__set(o, "relatedLocations", rel);
	}
	if (fd->nflow)
		bh_report__set(o, "codeFlows", code_flows(r, fd));
	if (fd->fingerprint[0]) {
		json_t *fp = json_object();
		bh_report__set(fp, "bulkhead/v1", json_string(fd->fingerprint));
		bh_report__set(o, "partialFingerprints", fp);
	}
	if (fd->suppressed != BH_SUPPRESS_NONE)
		bh_report__set(o, "suppressions", suppressions(fd));
	// SARIF's own priority (0-100): the image exposure.
	if (fd->image)
		bh_report__set(o, "rank", json_real(fd->image->exposure));
	if (fd->function || fd->note || fd->image) {
		json_t *props = json_object();
		if (fd->function)
			bh_report__set(props, "function", bh_json_string(fd->function));
		if (fd->note)
			bh_report__set(props, "note", bh_json_string(fd->note));
		if (fd->image)
			bh_report__set(props, "image", bh_report__image(fd->image));
		bh_report__set(o, "properties", props);
	}
	return o;
}

/* ----------------------------------------------------------- invocation */

static json_t *notification(const bh_report *r, const bh_diag *d)
{
	json_t *o = json_object();
	json_t *desc = json_object();
	bh_report__set(desc, "id", bh_json_string(d->code ? d->code : "unknown"));
	bh_report__set(o, "descriptor", desc);
	bh_report__set(o, "level", json_string(bh_level_name(d->level)));
	bh_report__set(o, "message", message(d->message));
	if (d->loc.path) {
		json_t *locs = json_array();
		bh_report__append(locs, location(r, d->loc, 0, NULL));
		bh_report__set(o, "locations", locs);
	}
	return o;
}

static json_t *invocation(const bh_report *r)
{
	bh_report__counts c;
	bh_report__count(&c, r);
	json_t *o = json_object();
	// An error diagnostic means some input was not analysed.
	bh_report__set(o, "executionSuccessful", json_boolean(c.diag_errors == 0));
	if (r->start_time)
		bh_report__set(o, "startTimeUtc", bh_json_string(r->start_time));
	if (r->end_time)
		bh_report__set(o, "endTimeUtc", bh_json_string(r->end_time));
	if (c.diagnostics) {
		json_t *n = json_array();
		for (size_t i = 0; i < bh_report__ndiags(r); i++)
			bh_report__append(n, notification(r, &r->diags->items.items[i]));
		bh_report__set(o, "toolExecutionNotifications", n);
	}
	json_t *a = json_array();
	bh_report__append(a, o);
	return a;
}

/* ------------------------------------------------------------------- run */

static json_t *tool(const bh_report *r)
{
	json_t *driver = json_object();
	const char *version = r->tool_version ? r->tool_version : BH_VERSION;
	bh_report__set(driver, "name", json_string("Bulkhead"));
	bh_report__set(driver, "version", bh_json_string(version));
	bh_report__set(driver, "semanticVersion", bh_json_string(version));
	json_t *rules = json_array();
	for (size_t i = 0; i < bh_rule_count(); i++)
		bh_report__append(rules, rule_descriptor(bh_rule_at(i)));
	bh_report__set(driver, "rules", rules);
	json_t *t = json_object();
	bh_report__set(t, "driver", driver);
	return t;
}

// {"%SRCROOT%": {"uri": "file:///abs/root/"}}; NULL when the root is not
// an absolute path (the URI must be absolute and end with '/').
static json_t *uri_base_ids(const bh_report *r)
{
	const char *root = r->context_root;
	if (!root || root[0] != '/')
		return NULL;
	size_t n = strlen(root);
	char *enc = percent_encode(root + 1, n > 1 && root[n - 1] == '/' ? "" : "/");
	char *uri = file_uri(enc);
	json_t *base = json_object();
	bh_report__set(base, "uri", json_string(uri));
	free(enc);
	free(uri);
	json_t *o = json_object();
	bh_report__set(o, SRCROOT, base);
	return o;
}

bh_status bh_report_sarif(FILE *out, const bh_report *r)
{
	bh_alloc_install();
	json_t *run = json_object();
	bh_report__set(run, "tool", tool(r));
	bh_report__set(run, "invocations", invocation(r));
	json_t *bases = uri_base_ids(r);
	if (bases)
		bh_report__set(run, "originalUriBaseIds", bases);
	json_t *results = json_array();
	for (size_t i = 0; i < bh_report__nfindings(r); i++)
		bh_report__append(results, result(r, &r->findings->items.items[i]));
	bh_report__set(run, "results", results);
	bh_report__set(run, "columnKind", json_string("utf16CodeUnits"));
	json_t *props = json_object();
	bh_report__set(props, "filesScanned", json_integer((json_int_t)r->files_scanned));
	bh_report__set(props, "unitsParsed", json_integer((json_int_t)r->units_parsed));
	bh_report__set(run, "properties", props);

	json_t *runs = json_array();
	bh_report__append(runs, run);
	json_t *root = json_object();
	bh_report__set(root, "$schema", json_string(SARIF_SCHEMA));
	bh_report__set(root, "version", json_string("2.1.0"));
	bh_report__set(root, "runs", runs);

	bh_status st = bh_report__dump(out, root);
	json_decref(root);
	return st;
}
