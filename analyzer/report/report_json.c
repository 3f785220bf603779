// SPDX-License-Identifier: MIT
// The JSON report: Bulkhead's own documented format, versioned as
// BH_REPORT_JSON_VERSION and described by report.schema.json beside this
// file. It carries everything a finding has (unlike the text report) in a
// shape that is simpler to consume than SARIF.
//
// Compatibility: within one major version fields are only added, never
// removed or retyped. Keys are snake_case and appear in a fixed order, so
// two runs over the same input give byte-identical files (timestamps
// appear only when the caller sets them). Every key the schema lists is
// always present; unknown values are null rather than missing.
#include "report/report_internal.h"

static json_t *location(bh_loc loc)
{
	json_t *o = json_object();
	bh_report__set(o, "path", bh_json_string(loc.path));
	bh_report__set(o, "line", bh_report__jpos(loc.line));
	bh_report__set(o, "col", bh_report__jpos(loc.col));
	bh_report__set(o, "end_line", bh_report__jpos(loc.end_line));
	bh_report__set(o, "end_col", bh_report__jpos(loc.end_col));
	return o;
}

static json_t *steps(const bh_finding_step *s, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		bh_report__set(o, "location", location(s[i].loc));
		bh_report__set(o, "message", bh_json_string(s[i].message));
		bh_report__append(a, o);
	}
	return a;
}

static json_t *suppression(const bh_finding *fd)
{
	const char *kind = bh_report__suppress_name(fd->suppressed);
	if (!kind)
		return json_null();
	json_t *o = json_object();
	bh_report__set(o, "kind", json_string(kind));
	bh_report__set(o, "reason", bh_json_string(fd->suppress_reason));
	return o;
}

static json_t *fix(const bh_finding_fix *x)
{
	if (!x)
		return json_null();
	json_t *o = json_object();
	bh_report__set(o, "title", bh_json_string(x->title));
	bh_report__set(o, "location", location(x->loc));
	bh_report__set(o, "text", bh_json_string(x->text));
	return o;
}

static json_t *finding(const bh_finding *fd)
{
	const bh_rule *rule = fd->rule;
	bh_assert(rule != NULL);
	json_t *o = json_object();
	bh_report__set(o, "rule", json_string(rule->id));
	bh_report__set(o, "level", json_string(bh_level_name(fd->level)));
	bh_report__set(o, "security_severity", json_real(rule->security_severity));
	json_t *cwe = json_array();
	for (size_t i = 0; i < BH_ARRAY_LEN(rule->cwe); i++)
		if (rule->cwe[i] > 0)
			bh_report__append(cwe, json_integer(rule->cwe[i]));
	bh_report__set(o, "cwe", cwe);
	bh_report__set(o, "message", bh_json_string(fd->message));
	bh_report__set(o, "location", location(fd->loc));
	bh_report__set(o, "function", bh_json_string(fd->function));
	bh_report__set(o, "snippet", bh_json_string(fd->snippet));
	bh_report__set(o, "related", steps(fd->related, fd->nrelated));
	bh_report__set(o, "flow", steps(fd->flow, fd->nflow));
	bh_report__set(o, "note", bh_json_string(fd->note));
	bh_report__set(o, "fingerprint",
		       fd->fingerprint[0] ? json_string(fd->fingerprint) : json_null());
	bh_report__set(o, "suppressed", suppression(fd));
	json_t *image = bh_report__image(fd->image);
	if (fd->image)
		bh_report__set(image, "ships", steps(fd->image->ships, fd->image->nships));
	bh_report__set(o, "image", image);
	bh_report__set(o, "fix", fix(fd->fix));
	return o;
}

static json_t *diagnostic(const bh_diag *d)
{
	json_t *o = json_object();
	bh_report__set(o, "level", json_string(bh_level_name(d->level)));
	bh_report__set(o, "code", bh_json_string(d->code));
	bh_report__set(o, "location", d->loc.path ? location(d->loc) : json_null());
	bh_report__set(o, "message", bh_json_string(d->message));
	return o;
}

static json_t *summary(const bh_report *r)
{
	bh_report__counts c;
	bh_report__count(&c, r);
	json_t *o = json_object();
	bh_report__set(o, "findings", json_integer((json_int_t)c.findings));
	bh_report__set(o, "errors", json_integer((json_int_t)c.errors));
	bh_report__set(o, "warnings", json_integer((json_int_t)c.warnings));
	bh_report__set(o, "notes", json_integer((json_int_t)c.notes));
	bh_report__set(o, "suppressed", json_integer((json_int_t)c.suppressed));
	bh_report__set(o, "diagnostics", json_integer((json_int_t)c.diagnostics));
	bh_report__set(o, "diagnostic_errors", json_integer((json_int_t)c.diag_errors));
	bh_report__set(o, "files_scanned", json_integer((json_int_t)r->files_scanned));
	bh_report__set(o, "units_parsed", json_integer((json_int_t)r->units_parsed));
	return o;
}

bh_status bh_report_json(FILE *out, const bh_report *r)
{
	bh_alloc_install();
	json_t *root = json_object();
	bh_report__set(root, "version", json_string(BH_REPORT_JSON_VERSION));
	json_t *tool = json_object();
	bh_report__set(tool, "name", json_string("bulkhead"));
	bh_report__set(tool, "version", bh_json_string(r->tool_version ? r->tool_version : BH_VERSION));
	bh_report__set(root, "tool", tool);
	bh_report__set(root, "context", bh_json_string(r->context_root));
	if (r->start_time)
		bh_report__set(root, "start_time", bh_json_string(r->start_time));
	if (r->end_time)
		bh_report__set(root, "end_time", bh_json_string(r->end_time));
	bh_report__set(root, "summary", summary(r));

	json_t *findings = json_array();
	for (size_t i = 0; i < bh_report__nfindings(r); i++)
		bh_report__append(findings, finding(&r->findings->items.items[i]));
	bh_report__set(root, "findings", findings);

	json_t *diags = json_array();
	for (size_t i = 0; i < bh_report__ndiags(r); i++)
		bh_report__append(diags, diagnostic(&r->diags->items.items[i]));
	bh_report__set(root, "diagnostics", diags);

	bh_status st = bh_report__dump(out, root);
	json_decref(root);
	return st;
}
