// SPDX-License-Identifier: MIT
// GitLab Code Quality: the subset of the Code Climate issue format that
// `artifacts: reports: codequality:` reads, one array of issues:
//
//   [{"type": "issue", "check_name": "c.gets", "description": "...",
//     "categories": ["Security"], "fingerprint": "...", "severity": "critical",
//     "location": {"path": "src/main.c", "lines": {"begin": 12}}}]
//
// GitLab requires description, check_name, fingerprint, severity,
// location.path and location.lines.begin; type and categories make each
// entry a complete Code Climate issue too. GitLab tells new issues from
// old ones by fingerprint, so ours (which survives line shifts) keeps a
// finding from showing up as new when code above it moves.
//
// Severity: info, minor, major, critical, blocker for the bands of
// bh_report__finding_band. Suppressed findings are left out, as in the
// text report. Diagnostics have no place in the format and are not
// written; messages are redacted by the rules that make them.
#include "report/report_internal.h"

static const char *severity_name(bh_report__band band)
{
	switch (band) {
	case BH_REPORT_BAND_CRITICAL: return "blocker";
	case BH_REPORT_BAND_HIGH: return "critical";
	case BH_REPORT_BAND_MEDIUM: return "major";
	case BH_REPORT_BAND_LOW: return "minor";
	case BH_REPORT_BAND_INFO: break;
	}
	return "info";
}

static json_t *issue(const bh_finding *fd)
{
	const bh_rule *rule = fd->rule;
	bh_assert(rule != NULL);
	json_t *o = json_object();
	bh_report__set(o, "type", json_string("issue"));
	bh_report__set(o, "check_name", json_string(rule->id));
	bh_report__set(o, "description", bh_json_string(fd->message ? fd->message : rule->title));
	json_t *categories = json_array();
	bh_report__append(categories, json_string("Security"));
	bh_report__set(o, "categories", categories);
	char key[600];
	bh_report__set(o, "fingerprint", bh_json_string(bh_report__finding_key(key, sizeof(key), fd)));
	bh_report__set(o, "severity", json_string(severity_name(bh_report__finding_band(fd))));

	// A whole-file finding (line 0) points at line 1: `begin` is required.
	json_t *lines = json_object();
	bh_report__set(lines, "begin", json_integer(fd->loc.line ? fd->loc.line : 1));
	if (fd->loc.line && fd->loc.end_line > fd->loc.line)
		bh_report__set(lines, "end", json_integer(fd->loc.end_line));
	json_t *loc = json_object();
	bh_report__set(loc, "path", bh_json_string(fd->loc.path ? fd->loc.path : ""));
	bh_report__set(loc, "lines", lines);
	bh_report__set(o, "location", loc);
	return o;
}

bh_status bh_report_codequality(FILE *out, const bh_report *r)
{
	bh_alloc_install();
	json_t *root = json_array();
	for (size_t i = 0; i < bh_report__nfindings(r); i++) {
		const bh_finding *fd = &r->findings->items.items[i];
		if (fd->suppressed == BH_SUPPRESS_NONE)
			bh_report__append(root, issue(fd));
	}
	bh_status st = bh_report__dump(out, root);
	json_decref(root);
	return st;
}
