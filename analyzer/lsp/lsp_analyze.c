// SPDX-License-Identifier: MIT
// The two tiers of analysis behind the LSP server and what it shows.
//
// Full tier: bh_scan_run over the build context with every open buffer as
// an overlay; its diagnostics for every file of the context (workspace
// diagnostics: a finding's flow or image context often lies in a file not
// open). Fast tier: the syntax-only scan of one edited buffer.
//
// What a buffer shows: its full-tier diagnostics while it is as the full
// scan read it; once edited, the fast tier owns the rules it runs itself
// (Dockerfile, secret, and image rules but the one that needs the C code's
// shell calls) and the full tier's other diagnostics stay, moved with the
// edits, until the next save runs the full tier again.
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/cache.h"
#include "bulkhead/clang.h"
#include "bulkhead/common.h"
#include "bulkhead/ctx.h"
#include "bulkhead/json.h"
#include "bulkhead/rule.h"
#include "bulkhead/scan.h"
#include "lsp/lsp_internal.h"

bh_lsp__doc *bh_lsp__find_doc(bh_lsp__server *s, const char *uri)
{
	for (size_t i = 0; uri && i < s->ndocs; i++)
		if (strcmp(s->docs[i]->uri, uri) == 0)
			return s->docs[i];
	return NULL;
}

const char *bh_lsp__under(const char *root, const char *abs)
{
	size_t n = root ? strlen(root) : 0;
	if (!abs || !n || strncmp(abs, root, n) != 0)
		return NULL;
	if (n == 1 && root[0] == '/')
		return abs + 1;
	return abs[n] == '/' ? abs + n + 1 : NULL;
}

// ------------------------------------------------------------ lines

// Lines for range conversion: a buffer's text, else the file as the scan
// read it.
typedef struct {
	const bh_lsp__buffer *bufs;
	size_t nbufs;
	bh_scan *scan;
	const char *root;
	bh_lsp__text last; // the line handed out last (heap)
} line_source;

static const char *line_of(void *payload, const char *path, uint32_t line, size_t *len)
{
	line_source *ls = payload;
	for (size_t i = 0; i < ls->nbufs; i++) {
		const bh_lsp__buffer *b = &ls->bufs[i];
		const char *rel = bh_lsp__under(ls->root, b->path);
		if (!rel || strcmp(rel, path) != 0)
			continue;
		size_t start = bh_lsp__offset(b->text, b->len, line - 1, 0, false);
		if (line > 1 && start == b->len)
			return NULL;
		const char *nl = memchr(b->text + start, '\n', b->len - start);
		size_t n = nl ? (size_t)(nl - b->text) - start : b->len - start;
		bh_lsp__text_set(&ls->last, b->text + start, n);
		*len = n;
		return ls->last.data;
	}
	return bh_scan_line(ls->scan, path, line, len);
}

// ------------------------------------------------------------ running

static json_t *diag_of(const bh_diag *dg, const bh_lsp__lines *lines, bool utf16)
{
	bh_loc loc = dg->loc;
	if (!loc.line)
		loc.line = 1;
	return json_pack("{s:o,s:i,s:s,s:s,s:o}", "range", bh_lsp__range(&loc, lines, utf16),
			 "severity", dg->level == BH_LEVEL_ERROR ? 1 : dg->level == BH_LEVEL_WARNING ? 2 : 3,
			 "code", dg->code ? dg->code : "?", "source", "bulkhead",
			 "message", bh_json_string(dg->message ? dg->message : ""));
}

// Append to `by_uri[uri of path]`.
static void add_to(json_t *by_uri, const char *root, const char *path, json_t *d)
{
	char *uri = bh_lsp__context_uri(root, path);
	json_t *arr = json_object_get(by_uri, uri);
	if (!arr) {
		arr = json_array();
		json_object_set_new(by_uri, uri, arr);
	}
	json_array_append_new(arr, d);
	free(uri);
}

json_t *bh_lsp__analyze(const char *root, const bh_lsp__buffer *bufs, size_t nbufs,
			const bh_lsp__settings *st, const bh_lsp__scope *scope)
{
	bool fast = scope->fast;
	const char *only = scope->only;
	BH_VEC(bh_scan_overlay) ov = { 0 };
	for (size_t i = 0; i < nbufs; i++) {
		const char *rel = bh_lsp__under(root, bufs[i].path);
		if (rel)
			bh_vec_push(&ov, ((bh_scan_overlay){ rel, bufs[i].text, bufs[i].len }));
	}
	bh_scan_options o = BH_SCAN_OPTIONS_INIT;
	o.context = root;
	o.flat_context = scope->flat;
	o.jobs = fast ? 1 : st->jobs;
	o.fast = fast;
	o.overlays = ov.items;
	o.noverlays = ov.len;
	o.only_files = only ? &only : NULL;
	o.nonly_files = only ? 1 : 0;
	o.only_shipped = st->only_shipped;
	o.min_exposure = st->min_exposure;
	o.cancel = scope->cancel;
	o.only_units = scope->only_its_unit && only ? &only : NULL;
	o.nonly_units = o.only_units ? 1 : 0;
	o.summaries_in = scope->summaries;
	o.summaries_out = scope->write_summaries;
	o.tu_cache = scope->tu_cache;
	// The full tier parses again only the units whose files changed (the
	// command line's cache of the context: a pre-commit hook and the
	// editor share it). The unit tier reparses its kept unit instead.
	char *cache_dir = !fast && !scope->tu_cache && !bh_cache_off_by_env() ? bh_cache_default_dir(root) : NULL;
	bh_cache_forget_stale(cache_dir, BH_CACHE_STALE_DAYS);
	o.cache_dir = cache_dir;
	bh_scan *sc = NULL;
	(void)bh_scan_run(&sc, &o);
	bh_vec_dispose(&ov);
	free(cache_dir);

	// The scan's unsuppressed findings, and its diagnostics that name a
	// file, as LSP diagnostics grouped by URI.
	json_t *by_uri = json_object();
	if (sc && sc->ctx) {
		line_source ls = { bufs, nbufs, sc, root, { 0 } };
		bh_lsp__lines lines = { line_of, &ls };
		for (size_t i = 0; i < sc->findings.items.len; i++) {
			const bh_finding *fd = &sc->findings.items.items[i];
			if (!fd->suppressed && fd->loc.path)
				add_to(by_uri, root, fd->loc.path,
				       bh_lsp__diagnostic(fd, root, &lines, st->utf16,
							  fast ? "fast" : scope->only_its_unit ? "unit" : "full"));
		}
		for (size_t i = 0; i < sc->diags.items.len; i++) {
			const bh_diag *dg = &sc->diags.items.items[i];
			if (dg->loc.path && dg->level >= BH_LEVEL_WARNING)
				add_to(by_uri, root, dg->loc.path, diag_of(dg, &lines, st->utf16));
		}
		bh_lsp__text_dispose(&ls.last);
	}
	bh_scan_free(sc);
	return by_uri;
}

// Analyse `root` with every open buffer as the analyses read it, and
// return the diagnostics of document `d` (an array, never NULL).
static json_t *analyze_one(bh_lsp__server *s, const char *root, const bh_lsp__doc *d,
			   const bh_lsp__scope *scope)
{
	bh_lsp__buffer *bufs = bh_xcalloc(s->ndocs + 1, sizeof(*bufs));
	size_t n = 0;
	for (size_t i = 0; i < s->ndocs; i++)
		if (s->docs[i]->path)
			bufs[n++] = (bh_lsp__buffer){ s->docs[i]->path, s->docs[i]->text.data,
						      s->docs[i]->text.len };
	bh_lsp__settings st = { s->only_shipped, s->min_exposure, 1, s->utf16 };
	json_t *by_uri = bh_lsp__analyze(root, bufs, n, &st, scope);
	// Keyed by our spelling of the URI; the client may encode it otherwise.
	char *ours = bh_lsp__path_to_uri(d->path);
	json_t *diags = json_incref(json_object_get(by_uri, ours));
	free(ours);
	json_decref(by_uri);
	free(bufs);
	return diags ? diags : json_array();
}

void bh_lsp__run_fast(bh_lsp__server *s, bh_lsp__doc *d)
{
	d->fast_due = false;
	if (!d->path)
		return;
	// A file outside the workspace is analysed in its own directory,
	// without its subdirectories: that may be a home directory or /tmp.
	char *dir = NULL;
	const char *root = bh_lsp__under(s->root, d->path) ? s->root : NULL;
	if (!root) {
		dir = bh_xstrdup(d->path);
		root = dirname(dir);
	}
	bh_lsp__scope scope = { .fast = true, .only = d->path, .flat = dir != NULL };
	json_decref(d->fast);
	d->fast = analyze_one(s, root, d, &scope);
	free(dir);
}

// Is there a diagnostic of the same rule on the same range in `list`?
static bool has_same(json_t *list, json_t *d)
{
	size_t i;
	json_t *x;
	json_array_foreach(list, i, x)
		if (json_equal(json_object_get(x, "code"), json_object_get(d, "code")) &&
		    json_equal(json_object_get(x, "range"), json_object_get(d, "range")))
			return true;
	return false;
}

bool bh_lsp__run_unit(bh_lsp__server *s, bh_lsp__doc *d)
{
	if (!d->path || !s->full || !s->summaries || !bh_lsp__under(s->root, d->path) ||
	    bh_file_kind_of_name(d->path) != BH_FILE_C_SOURCE)
		return false;
	if (!s->tu_cache)
		s->tu_cache = bh_clang_tu_cache_new(4);
	bh_lsp__scope scope = { .only = d->path, .only_its_unit = true, .summaries = s->summaries,
				.tu_cache = s->tu_cache };
	json_t *now = analyze_one(s, s->root, d, &scope);
	// A flow that enters this file from another unit is found by analysing
	// that unit, which this analysis did not: the last full analysis' such
	// findings stay (moved with the edits since) until the next one ends.
	json_t *before = json_object_get(s->full, d->uri);
	size_t i;
	json_t *x;
	json_array_foreach(before, i, x)
		if (json_is_true(json_object_get(json_object_get(x, "data"), "crossFile")) && !has_same(now, x))
			json_array_append(now, x);
	json_object_set_new(s->full, d->uri, now);
	d->edited = false;
	d->unit_done = true;
	d->unit_after = s->jobs_started;
	return true;
}

// ------------------------------------------------------------ showing

// Does the fast tier run the rule of diagnostic `d` itself?
static bool fast_owned(json_t *d)
{
	const char *code = json_string_value(json_object_get(d, "code"));
	const bh_rule *r = code ? bh_rule_find(code) : NULL;
	if (!r)
		return false; // a scan diagnostic (clang.parse-failed): the full tier's
	return strcmp(r->domain, "docker") == 0 || strcmp(r->domain, "secret") == 0 ||
	       (strcmp(r->domain, "image") == 0 && r->index != BH_RULE_IMAGE_SHELL_CALL_WITHOUT_SHELL);
}

json_t *bh_lsp__merged(bh_lsp__server *s, const char *uri)
{
	bh_lsp__doc *d = bh_lsp__find_doc(s, uri);
	json_t *full = s->full ? json_object_get(s->full, uri) : NULL;
	json_t *out = json_array();
	bool edited = d && (d->edited || !s->full || !bh_lsp__under(s->root, d->path));
	for (size_t i = 0; i < json_array_size(full); i++) {
		json_t *x = json_array_get(full, i);
		if (!edited || !fast_owned(x))
			json_array_append(out, x);
	}
	if (edited && d->fast)
		json_array_extend(out, d->fast);
	return out;
}

void bh_lsp__publish_all(bh_lsp__server *s)
{
	json_t *uris = json_object();
	const char *key;
	json_t *v;
	if (s->full)
		json_object_foreach(s->full, key, v)
			json_object_set(uris, key, json_true());
	json_object_foreach(s->sent, key, v)
		json_object_set(uris, key, json_true());
	for (size_t i = 0; i < s->ndocs; i++)
		json_object_set(uris, s->docs[i]->uri, json_true());
	json_object_foreach(uris, key, v) {
		json_t *now = bh_lsp__merged(s, key);
		json_t *before = json_object_get(s->sent, key);
		if ((before && json_equal(before, now)) || (!before && !json_array_size(now))) {
			json_decref(now);
			continue;
		}
		json_t *params = json_pack("{s:s,s:O}", "uri", key, "diagnostics", now);
		bh_lsp__doc *d = bh_lsp__find_doc(s, key);
		if (d)
			json_object_set_new(params, "version", json_integer(d->version));
		bh_lsp__notify(s, "textDocument/publishDiagnostics", params);
		if (json_array_size(now))
			json_object_set_new(s->sent, key, now);
		else {
			json_object_del(s->sent, key);
			json_decref(now);
		}
	}
	json_decref(uris);
}
