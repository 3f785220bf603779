// SPDX-License-Identifier: MIT
// What the editor offers on a flagged line: hover text that explains the
// rule and how the code reaches the image, and code actions: a suppression
// comment (with a reason to fill in) on the line above the finding, in the
// comment syntax of the file, and the fixes rules attach when they are sure
// of them.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/common.h"
#include "bulkhead/config.h"
#include "bulkhead/json.h"
#include "bulkhead/ctx.h"
#include "bulkhead/rule.h"
#include "bulkhead/text.h"
#include "lsp/lsp_internal.h"

static json_int_t line_of_pos(json_t *pos)
{
	return json_integer_value(json_object_get(pos, "line"));
}

// Does diagnostic `d` cover lines `first`..`last`?
static bool touches(json_t *d, json_int_t first, json_int_t last)
{
	json_t *range = json_object_get(d, "range");
	return line_of_pos(json_object_get(range, "start")) <= last &&
	       line_of_pos(json_object_get(range, "end")) >= first;
}

static const char *rule_of(json_t *d)
{
	json_t *data = json_object_get(d, "data");
	const char *r = json_string_value(json_object_get(data, "rule"));
	return r ? r : json_string_value(json_object_get(d, "code"));
}

json_t *bh_lsp__hover(bh_lsp__server *s, json_t *params)
{
	const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
	json_t *pos = json_object_get(params, "position");
	if (!uri || !json_is_object(pos))
		return NULL;
	json_int_t line = line_of_pos(pos);
	json_t *diags = bh_lsp__merged(s, uri);
	bh_arena *a = bh_arena_new();
	const char *md = NULL;
	json_t *range = NULL;
	for (size_t i = 0; i < json_array_size(diags); i++) {
		json_t *d = json_array_get(diags, i);
		const bh_rule *r = bh_rule_find(rule_of(d) ? rule_of(d) : "");
		if (!touches(d, line, line) || !r)
			continue;
		const char *cwe = r->cwe[0] ? bh_arena_sprintf(a, " (CWE-%d%s)", r->cwe[0],
							       r->cwe[1] ? bh_arena_sprintf(a, ", CWE-%d", r->cwe[1]) : "")
					    : "";
		// The message ends with the image context already.
		const char *part = bh_arena_sprintf(
			a, "**%s**: %s%s\n\n%s\n\n%s\n\n`bulkhead explain %s` prints the whole documentation.",
			r->id, r->title, cwe, json_string_value(json_object_get(d, "message")),
			bh_rule_summary(r), r->id);
		md = md ? bh_arena_sprintf(a, "%s\n\n---\n\n%s", md, part) : part;
		if (!range)
			range = json_object_get(d, "range");
	}
	json_t *out = md ? json_pack("{s:{s:s,s:o},s:O}", "contents", "kind", "markdown", "value",
				     bh_json_string(md), "range", range)
			 : json_null();
	bh_arena_free(a);
	json_decref(diags);
	return out;
}

// The leading blanks of line `line` of the document, or "".
static char *indent_of(bh_lsp__doc *d, json_int_t line)
{
	if (!d)
		return bh_xstrdup("");
	size_t at = bh_lsp__offset(d->text.data, d->text.len, (uint32_t)line, 0, false), k = at;
	while (k < d->text.len && (d->text.data[k] == ' ' || d->text.data[k] == '\t'))
		k++;
	return bh_xstrndup(d->text.data + at, k - at);
}

static json_t *insert_line(const char *uri, json_int_t line, const char *text)
{
	json_t *pos = json_pack("{s:I,s:i}", "line", line, "character", 0);
	json_t *edit = json_pack("{s:{s:O,s:o},s:s}", "range", "start", pos, "end", pos, "newText", text);
	return json_pack("{s:{s:[o]}}", "changes", uri, edit);
}

static json_t *suppress_action(bh_lsp__server *s, const char *uri, const char *path, json_t *d)
{
	const char *comment = bh_suppress_comment_for(path);
	const char *rule = rule_of(d);
	if (!comment || !rule)
		return NULL;
	json_int_t line = line_of_pos(json_object_get(json_object_get(d, "range"), "start"));
	char *indent = indent_of(bh_lsp__find_doc(s, uri), line);
	bh_arena *a = bh_arena_new();
	const char *text = bh_arena_sprintf(a, "%s%s bulkhead: ignore[%s] TODO: say why this is safe\n",
					    indent, comment, rule);
	json_t *act = json_pack("{s:s,s:s,s:[O],s:o}", "title",
				bh_arena_sprintf(a, "Suppress %s on this line (bulkhead: ignore)", rule),
				"kind", "quickfix", "diagnostics", d, "edit", insert_line(uri, line, text));
	bh_arena_free(a);
	free(indent);
	return act;
}

json_t *bh_lsp__code_actions(bh_lsp__server *s, json_t *params)
{
	const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
	json_t *range = json_object_get(params, "range");
	if (!uri || !json_is_object(range))
		return NULL;
	char *path = bh_lsp__uri_to_path(uri);
	json_t *out = json_array();
	if (!path)
		return out;
	json_int_t first = line_of_pos(json_object_get(range, "start"));
	json_int_t last = line_of_pos(json_object_get(range, "end"));
	// Our own diagnostics on those lines: the client's copies may have
	// lost `data`, and a request may come without any.
	json_t *diags = bh_lsp__merged(s, uri);
	for (size_t i = 0; i < json_array_size(diags); i++) {
		json_t *d = json_array_get(diags, i);
		if (!touches(d, first, last) || !bh_rule_find(rule_of(d) ? rule_of(d) : ""))
			continue;
		json_t *act = suppress_action(s, uri, path, d);
		if (act)
			json_array_append_new(out, act);
		json_t *fix = json_object_get(json_object_get(d, "data"), "fix");
		if (json_is_object(fix)) {
			json_t *edit = json_pack("{s:O,s:O}", "range", json_object_get(fix, "range"),
						 "newText", json_object_get(fix, "text"));
			json_array_append_new(out, json_pack("{s:O,s:s,s:[O],s:b,s:{s:{s:[o]}}}", "title",
							     json_object_get(fix, "title"), "kind", "quickfix",
							     "diagnostics", d, "isPreferred", 1, "edit",
							     "changes", uri, edit));
		}
	}
	json_decref(diags);
	free(path);
	return out;
}
