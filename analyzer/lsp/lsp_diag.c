// SPDX-License-Identifier: MIT
// Findings as LSP diagnostics: ranges in the client's encoding, the rule
// as `code` with a link to its documentation, flow steps and the
// Dockerfile lines that ship the code as relatedInformation, and the image
// context in the message (most clients show only the message).
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/common.h"
#include "bulkhead/img.h"
#include "bulkhead/json.h"
#include "bulkhead/rule.h"
#include "bulkhead/text.h"
#include "lsp/lsp_internal.h"

// ------------------------------------------------------------------ URIs

char *bh_lsp__uri_to_path(const char *uri)
{
	static const char scheme[] = "file://";
	if (!uri || strncmp(uri, scheme, sizeof(scheme) - 1) != 0)
		return NULL;
	const char *p = uri + sizeof(scheme) - 1;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL; // file://host/path: not a local file
	char *out = bh_xmalloc(strlen(p) + 1), *o = out;
	for (; *p && *p != '?' && *p != '#'; p++) {
		int hi, lo;
		if (*p == '%' && (hi = bh_hex_digit(p[1])) >= 0 && (lo = bh_hex_digit(p[2])) >= 0) {
			char c = (char)(hi * 16 + lo);
			if (c == '\0') {
				free(out);
				return NULL; // a NUL cannot be in a path
			}
			*o++ = c;
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

char *bh_lsp__path_to_uri(const char *path)
{
	static const char keep[] = "/-._~!$&'()*+,;=:@";
	size_t n = strlen(path);
	char *out = bh_xmalloc(7 + 3 * n + 1), *o = out;
	memcpy(o, "file://", 7);
	o += 7;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(keep, *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = '\0';
	return out;
}

// ----------------------------------------------------------------- ranges

static json_t *position(uint32_t line, uint32_t character)
{
	return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)character);
}

// The LSP character of 1-based byte column `col` of `line` of the file.
static uint32_t character_at(const bh_lsp__lines *lines, const char *path, uint32_t line,
			     uint32_t col, bool utf16)
{
	size_t n = 0;
	const char *text = lines && lines->fn && line ? lines->fn(lines->payload, path, line, &n) : NULL;
	if (!text)
		return col ? col - 1 : 0;
	return bh_lsp__character(text, n, col ? col - 1 : 0, utf16);
}

json_t *bh_lsp__range(const bh_loc *loc, const bh_lsp__lines *lines, bool utf16)
{
	uint32_t line = loc->line ? loc->line - 1 : 0;
	uint32_t start = character_at(lines, loc->path, loc->line, loc->col, utf16);
	uint32_t end_line = line, end;
	if (loc->end_line >= loc->line && loc->end_line && (loc->end_line > loc->line || loc->end_col > loc->col)) {
		end_line = loc->end_line - 1;
		end = character_at(lines, loc->path, loc->end_line, loc->end_col, utf16);
	} else {
		// No extent: to the end of the line, which every client shows.
		size_t n = 0;
		const char *text = lines && lines->fn && loc->line
					   ? lines->fn(lines->payload, loc->path, loc->line, &n) : NULL;
		end = text ? bh_lsp__character(text, n, n, utf16) : start;
		if (end < start)
			end = start;
	}
	return json_pack("{s:o,s:o}", "start", position(line, start), "end", position(end_line, end));
}

// The exact range of a fix (an empty one inserts).
static json_t *fix_range(const bh_loc *loc, const bh_lsp__lines *lines, bool utf16)
{
	uint32_t l1 = loc->line ? loc->line - 1 : 0, l2 = loc->end_line ? loc->end_line - 1 : l1;
	return json_pack("{s:o,s:o}", "start",
			 position(l1, character_at(lines, loc->path, loc->line, loc->col, utf16)), "end",
			 position(l2, character_at(lines, loc->path, loc->end_line, loc->end_col, utf16)));
}

char *bh_lsp__context_uri(const char *root, const char *rel)
{
	char *abs = bh_xmalloc(strlen(root) + strlen(rel) + 2);
	sprintf(abs, "%s/%s", root, rel);
	char *uri = bh_lsp__path_to_uri(abs);
	free(abs);
	return uri;
}

static json_t *location(const bh_loc *loc, const char *root, const bh_lsp__lines *lines, bool utf16)
{
	char *uri = bh_lsp__context_uri(root, loc->path);
	json_t *j = json_pack("{s:s,s:o}", "uri", uri, "range", bh_lsp__range(loc, lines, utf16));
	free(uri);
	return j;
}

// ------------------------------------------------------------ documents

// The directory of the documentation files, made on first use; NULL when
// it cannot be. Called under doc_lock.
static const char *docs_dir(void)
{
	static char dir[4096];
	static int state; // 0 unknown, 1 ready, -1 unusable
	if (state)
		return state > 0 ? dir : NULL;
	state = -1;
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int n = xdg && xdg[0] == '/' ? snprintf(dir, sizeof(dir), "%s/bulkhead", xdg)
		: home && home[0] == '/' ? snprintf(dir, sizeof(dir), "%s/.cache/bulkhead", home) : -1;
	if (n < 0 || (size_t)n + 64 >= sizeof(dir))
		return NULL;
	// Each component may exist already; only the last must work.
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			(void)mkdir(dir, 0755);
			*p = '/';
		}
	(void)mkdir(dir, 0755);
	snprintf(dir + n, sizeof(dir) - (size_t)n, "/docs-%s", BH_VERSION);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return NULL;
	state = 1;
	return dir;
}

// The rule's documentation as a file the editor can open: written once per
// version into the user's cache (the documentation is built into the
// binary; nothing is fetched), its URI kept for the process (every
// diagnostic asks). Both analysis threads call this.
char *bh_lsp__doc_href(const bh_rule *rule)
{
	static pthread_mutex_t doc_lock = PTHREAD_MUTEX_INITIALIZER;
	static char *known[BH_RULE_MAX];
	if (!rule || !rule->doc[0] || (size_t)rule->index >= BH_RULE_MAX)
		return NULL;
	pthread_mutex_lock(&doc_lock);
	char *uri = known[rule->index] ? bh_xstrdup(known[rule->index]) : NULL;
	const char *dir = uri ? NULL : docs_dir();
	char path[4096 + 256];
	struct stat st;
	if (dir) {
		snprintf(path, sizeof(path), "%s/%s.md", dir, rule->id);
		if (stat(path, &st) == 0) {
			uri = bh_lsp__path_to_uri(path);
		} else {
			// Written under another name and renamed: a reader never
			// sees half a file, and two servers do not mix theirs.
			char tmp[sizeof(path) + 32];
			snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
			FILE *f = fopen(tmp, "w");
			bool ok = f && fputs(rule->doc, f) >= 0;
			ok = f && fclose(f) == 0 && ok;
			if (ok && rename(tmp, path) == 0)
				uri = bh_lsp__path_to_uri(path);
			else
				remove(tmp);
		}
		if (uri)
			known[rule->index] = bh_xstrdup(uri);
	}
	pthread_mutex_unlock(&doc_lock);
	return uri;
}

// --------------------------------------------------------- diagnostics

static int severity(bh_level level)
{
	switch (level) {
	case BH_LEVEL_ERROR: return 1;
	case BH_LEVEL_WARNING: return 2;
	default: return 3;
	}
}

static void add_related(json_t *arr, const bh_finding_step *steps, size_t n, const char *prefix,
			const char *root, const bh_lsp__lines *lines, bool utf16)
{
	for (size_t i = 0; i < n; i++) {
		if (!steps[i].loc.path)
			continue;
		char msg[1024];
		if (prefix && n > 1)
			snprintf(msg, sizeof(msg), "%s %zu/%zu: %s", prefix, i + 1, n,
				 steps[i].message ? steps[i].message : "");
		else
			snprintf(msg, sizeof(msg), "%s%s%s", prefix ? prefix : "", prefix ? ": " : "",
				 steps[i].message ? steps[i].message : "");
		json_array_append_new(arr, json_pack("{s:o,s:o}", "location",
						     location(&steps[i].loc, root, lines, utf16),
						     "message", bh_json_string(msg)));
	}
}

json_t *bh_lsp__diagnostic(const bh_finding *fd, const char *root, const bh_lsp__lines *lines,
			   bool utf16, const char *tier)
{
	bh_arena *a = bh_arena_new();
	const char *msg = fd->message ? fd->message : "";
	const char *image = bh_report_image_summary(a, fd);
	if (image)
		msg = bh_arena_sprintf(a, "%s\n%s", msg, image);
	if (fd->note)
		msg = bh_arena_sprintf(a, "%s\nnote: %s", msg, fd->note);
	const char *rule = fd->rule ? fd->rule->id : "?";
	json_t *d = json_pack("{s:o,s:i,s:s,s:s,s:o}", "range", bh_lsp__range(&fd->loc, lines, utf16),
			      "severity", severity(fd->level), "code", rule, "source", "bulkhead",
			      "message", bh_json_string(msg));
	char *href = bh_lsp__doc_href(fd->rule);
	if (href)
		json_object_set_new(d, "codeDescription", json_pack("{s:s}", "href", href));
	free(href);
	json_t *rel = json_array();
	add_related(rel, fd->flow, fd->nflow, "step", root, lines, utf16);
	add_related(rel, fd->related, fd->nrelated, NULL, root, lines, utf16);
	if (fd->image)
		add_related(rel, fd->image->ships, fd->image->nships, "image", root, lines, utf16);
	if (json_array_size(rel))
		json_object_set_new(d, "relatedInformation", rel);
	else
		json_decref(rel);
	bool cross_file = false;
	for (size_t i = 0; i < fd->nflow && !cross_file; i++)
		cross_file = fd->flow[i].loc.path && fd->loc.path && strcmp(fd->flow[i].loc.path, fd->loc.path) != 0;
	json_t *data = json_pack("{s:s,s:s,s:s,s:b}", "rule", rule, "fingerprint", fd->fingerprint,
				 "tier", tier, "crossFile", cross_file);
	if (image)
		json_object_set_new(data, "image", bh_json_string(image));
	if (fd->fix)
		json_object_set_new(data, "fix", json_pack("{s:o,s:o,s:o}", "title",
							   bh_json_string(fd->fix->title), "range",
							   fix_range(&fd->fix->loc, lines, utf16), "text",
							   bh_json_string(fd->fix->text)));
	json_object_set_new(d, "data", data);
	bh_arena_free(a);
	return d;
}

void bh_lsp__shift(json_t *diags, uint32_t first, uint32_t last, int64_t delta)
{
	size_t i = 0;
	while (i < json_array_size(diags)) {
		json_t *range = json_object_get(json_array_get(diags, i), "range");
		json_t *s = json_object_get(json_object_get(range, "start"), "line");
		json_t *e = json_object_get(json_object_get(range, "end"), "line");
		json_int_t sl = json_integer_value(s), el = json_integer_value(e);
		if (el >= (json_int_t)first && sl <= (json_int_t)last) {
			json_array_remove(diags, i);
			continue;
		}
		if (sl > (json_int_t)last) {
			json_integer_set(s, sl + delta);
			json_integer_set(e, el + delta);
		}
		i++;
	}
}
