// SPDX-License-Identifier: MIT
// GitLab's security report in the "sast" format (security-report-schemas
// version BH_REPORT_GITLAB_SAST_VERSION, dist/sast-report-format.json):
// the `artifacts: reports: sast:` file behind the merge request security
// widget and the vulnerability report.
//
// What the schema requires and where it comes from:
// - scan: analyzer and scanner, each with a non-empty id, name, version and
//   vendor.name; type "sast"; status; start_time and end_time written
//   yyyy-mm-ddThh:mm:ss with no zone. Our ISO 8601 UTC times ("...Z") are
//   cut to that shape; a report without times gets the current time,
//   because GitLab rejects a scan without them.
// - vulnerabilities[]: a non-empty id (the fingerprint, laid out as a
//   UUID as the schema recommends), identifiers (the first is the primary
//   one: the rule id; then one per CWE) and a location {file, start_line,
//   end_line, method}. The name is the rule title, since the schema wants
//   no finding-specific text there; the finding's message is the
//   description; severity is the band of bh_report__finding_band.
//
// Suppressed findings are left out, as in the text report: the format has
// no place for them, and a finding accepted in the baseline must not come
// back as new. Diagnostics become scan.messages; the status stays
// "success" because the report holds everything that was analysed (the
// exit code tells the pipeline about incomplete results).
//
// No raw_source_code_extract: the schema calls it unsanitized source,
// and a secret finding's line holds the secret. Messages are redacted by
// the rules that make them.
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bulkhead/img.h"
#include "report/report_internal.h"

#define CWE_URL "https://cwe.mitre.org/data/definitions/%d.html"

static const char *severity_name(bh_report__band band)
{
	switch (band) {
	case BH_REPORT_BAND_CRITICAL: return "Critical";
	case BH_REPORT_BAND_HIGH: return "High";
	case BH_REPORT_BAND_MEDIUM: return "Medium";
	case BH_REPORT_BAND_LOW: return "Low";
	case BH_REPORT_BAND_INFO: break;
	}
	return "Info";
}

// `iso` ("2024-05-01T12:00:03Z" or any text starting with
// yyyy-mm-ddThh:mm:ss) in the schema's zone-less form; the current UTC
// time when `iso` is NULL or has another shape.
static json_t *scan_time(const char *iso)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	char buf[sizeof(shape)];
	bool ok = iso && strlen(iso) >= sizeof(shape) - 1;
	for (size_t i = 0; ok && i < sizeof(shape) - 1; i++)
		ok = shape[i] == 'd' ? iso[i] >= '0' && iso[i] <= '9' : iso[i] == shape[i];
	if (ok) {
		memcpy(buf, iso, sizeof(shape) - 1);
		buf[sizeof(shape) - 1] = '\0';
	} else {
		time_t now = time(NULL);
		struct tm tm;
		if (!gmtime_r(&now, &tm) || strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
			strcpy(buf, "1970-01-01T00:00:00");
	}
	return json_string(buf);
}

static json_t *component(const char *version)
{
	json_t *o = json_object();
	bh_report__set(o, "id", json_string("bulkhead"));
	bh_report__set(o, "name", json_string("Bulkhead"));
	bh_report__set(o, "version", bh_json_string(version));
	json_t *vendor = json_object();
	bh_report__set(vendor, "name", json_string("Bulkhead"));
	bh_report__set(o, "vendor", vendor);
	return o;
}

static json_t *identifier(const char *type, const char *name, const char *value, const char *url)
{
	json_t *o = json_object();
	bh_report__set(o, "type", json_string(type));
	bh_report__set(o, "name", bh_json_string(name));
	bh_report__set(o, "value", bh_json_string(value));
	if (url)
		bh_report__set(o, "url", json_string(url));
	return o;
}

static json_t *identifiers(const bh_rule *rule)
{
	json_t *a = json_array();
	char name[160];
	snprintf(name, sizeof(name), "Bulkhead %s", rule->id);
	bh_report__append(a, identifier("bulkhead_rule_id", name, rule->id, NULL));
	for (size_t i = 0; i < BH_ARRAY_LEN(rule->cwe); i++) {
		if (rule->cwe[i] <= 0)
			continue;
		char cname[32], value[16], url[96];
		snprintf(cname, sizeof(cname), "CWE-%d", rule->cwe[i]);
		snprintf(value, sizeof(value), "%d", rule->cwe[i]);
		snprintf(url, sizeof(url), CWE_URL, rule->cwe[i]);
		bh_report__append(a, identifier("cwe", cname, value, url));
	}
	return a;
}

static json_t *location(const bh_finding *fd)
{
	json_t *o = json_object();
	bh_report__set(o, "file", bh_json_string(fd->loc.path ? fd->loc.path : ""));
	if (fd->loc.line) {
		uint32_t end = fd->loc.end_line >= fd->loc.line ? fd->loc.end_line : fd->loc.line;
		bh_report__set(o, "start_line", json_integer(fd->loc.line));
		bh_report__set(o, "end_line", json_integer(end));
	}
	if (fd->function)
		bh_report__set(o, "method", bh_json_string(fd->function));
	return o;
}

// The image context as one "details" text field: what GitLab shows beside
// the description, so a reviewer sees whether the code ships.
static json_t *details(const bh_image_context *c)
{
	char text[1024];
	snprintf(text, sizeof(text), "ships in the image: %s%s%s (exposure %d/100)",
		 bh_img_ship_name(c->shipped), c->reason ? "; " : "", c->reason ? c->reason : "",
		 c->exposure);
	json_t *field = json_object();
	bh_report__set(field, "name", json_string("Image"));
	bh_report__set(field, "type", json_string("text"));
	bh_report__set(field, "value", bh_json_string(text));
	json_t *o = json_object();
	bh_report__set(o, "image", field);
	return o;
}

// A 32-hex-digit fingerprint in UUID layout (8-4-4-4-12); any other key
// unchanged.
static json_t *vulnerability_id(const bh_finding *fd)
{
	char key[600];
	bh_report__finding_key(key, sizeof(key), fd);
	if (strlen(key) != 32)
		return bh_json_string(key);
	char uuid[37];
	snprintf(uuid, sizeof(uuid), "%.8s-%.4s-%.4s-%.4s-%.12s", key, key + 8, key + 12,
		 key + 16, key + 20);
	return json_string(uuid);
}

static json_t *vulnerability(const bh_finding *fd)
{
	const bh_rule *rule = fd->rule;
	bh_assert(rule != NULL);
	json_t *o = json_object();
	bh_report__set(o, "id", vulnerability_id(fd));
	bh_report__set(o, "name", bh_json_string(rule->title));
	bh_report__set(o, "description", bh_json_string(fd->message ? fd->message : rule->title));
	bh_report__set(o, "severity", json_string(severity_name(bh_report__finding_band(fd))));
	bh_report__set(o, "location", location(fd));
	bh_report__set(o, "identifiers", identifiers(rule));
	if (fd->image)
		bh_report__set(o, "details", details(fd->image));
	return o;
}

// "path:line: message [code]", the message GitLab shows for the scan.
static json_t *message(const bh_diag *d)
{
	char where[512] = "";
	if (d->loc.path && d->loc.line)
		snprintf(where, sizeof(where), "%s:%u: ", d->loc.path, (unsigned)d->loc.line);
	else if (d->loc.path)
		snprintf(where, sizeof(where), "%s: ", d->loc.path);
	const char *text = d->message && d->message[0] ? d->message : "diagnostic";
	size_t n = strlen(where) + strlen(text) + (d->code ? strlen(d->code) : 0) + 8;
	char *value = bh_xmalloc(n);
	snprintf(value, n, "%s%s%s%s%s", where, text, d->code ? " [" : "", d->code ? d->code : "",
		 d->code ? "]" : "");
	json_t *o = json_object();
	bh_report__set(o, "level", json_string(d->level == BH_LEVEL_NOTE ? "info" : "warn"));
	bh_report__set(o, "value", bh_json_string(value));
	free(value);
	return o;
}

static json_t *scan(const bh_report *r)
{
	const char *version = r->tool_version ? r->tool_version : BH_VERSION;
	json_t *o = json_object();
	bh_report__set(o, "analyzer", component(version));
	bh_report__set(o, "scanner", component(version));
	bh_report__set(o, "type", json_string("sast"));
	bh_report__set(o, "start_time", scan_time(r->start_time));
	bh_report__set(o, "end_time", scan_time(r->end_time ? r->end_time : r->start_time));
	bh_report__set(o, "status", json_string("success"));
	json_t *messages = json_array();
	for (size_t i = 0; i < bh_report__ndiags(r); i++)
		bh_report__append(messages, message(&r->diags->items.items[i]));
	bh_report__set(o, "messages", messages);
	return o;
}

bh_status bh_report_gitlab_sast(FILE *out, const bh_report *r)
{
	bh_alloc_install();
	json_t *root = json_object();
	bh_report__set(root, "version", json_string(BH_REPORT_GITLAB_SAST_VERSION));
	bh_report__set(root, "scan", scan(r));
	json_t *vulns = json_array();
	for (size_t i = 0; i < bh_report__nfindings(r); i++) {
		const bh_finding *fd = &r->findings->items.items[i];
		if (fd->suppressed == BH_SUPPRESS_NONE)
			bh_report__append(vulns, vulnerability(fd));
	}
	bh_report__set(root, "vulnerabilities", vulns);
	bh_status st = bh_report__dump(out, root);
	json_decref(root);
	return st;
}
