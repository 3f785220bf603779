// SPDX-License-Identifier: MIT
// The scan's result cache (analyzer/driver/scan_cache.h).
//
// An entry's payload:
//
//   outside <size> <mtime s> <mtime ns> <path>\n    one per file outside the context
//   report\n
//   <the JSON report of the stored findings and diagnostics>
//
// The JSON report carries everything a finding has (bulkhead merge reads
// it back the same way), so a result taken from the cache writes the same
// bytes in every format as the scan that stored it.
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bulkhead/arena.h"
#include "bulkhead/cache.h"
#include "bulkhead/ctx.h"
#include "bulkhead/fileio.h"
#include "bulkhead/hash.h"
#include "bulkhead/merge.h"
#include "bulkhead/report.h"
#include "driver/scan_cache.h"

// The newest entries kept: one per set of options a context is scanned
// with (a pre-commit hook's, CI's, an editor's) is enough.
#define KEEP_ENTRIES 8
#define ENTRY_KIND "scan"

bool bh_scan_hash_file(bh_scan *scan, const char *path, char out[33])
{
	bh_arena *arena = bh_arena_new();
	const bh_source *src = NULL;
	bh_diags ignored; // a file that cannot be read has no hash; the scan reports it elsewhere
	bh_diags_init(&ignored, arena);
	bool ok = bh_ctx_find(scan->ctx, path) && bh_ctx_read(&src, arena, scan->ctx, path, &ignored) == BH_OK;
	if (ok) {
		bh_hash128 h = BH_HASH128_INIT;
		bh_hash128_bytes(&h, src->data, src->len);
		bh_hash128_hex(&h, out);
	}
	bh_diags_dispose(&ignored);
	bh_arena_free(arena);
	return ok;
}

// ------------------------------------------------------------------ key

static void mix_str(bh_hash128 *h, const char *s)
{
	static const char none[] = "\x01(none)";
	if (!s)
		bh_hash128_bytes(h, none, sizeof(none));
	else
		bh_hash128_bytes(h, s, strlen(s) + 1); // the NUL separates fields
}

static void mix_u64(bh_hash128 *h, uint64_t v)
{
	bh_hash128_bytes(h, &v, sizeof(v));
}

static void mix_strs(bh_hash128 *h, const char *const *list, size_t n)
{
	mix_u64(h, n);
	for (size_t i = 0; i < n; i++)
		mix_str(h, list[i]);
}

// This build of Bulkhead and the libclang it runs with: a rebuilt binary
// (new rules, a fixed bug) or an upgraded libclang makes every entry
// stale, whatever the version strings say. By the files' identity, so that
// a scan that takes its result from the cache never loads libclang. False
// when they cannot be told.
static bool mix_file_identity(bh_hash128 *h, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	mix_u64(h, (uint64_t)st.st_dev);
	mix_u64(h, (uint64_t)st.st_ino);
	mix_u64(h, (uint64_t)st.st_size);
	mix_u64(h, (uint64_t)st.st_mtim.tv_sec);
	mix_u64(h, (uint64_t)st.st_mtim.tv_nsec);
	return true;
}

static bool mix_build(bh_hash128 *h)
{
	mix_str(h, "bulkhead scan cache");
	mix_u64(h, BH_CACHE_FORMAT);
	mix_str(h, BH_VERSION);
	mix_str(h, bh_clang_library_path());
	return mix_file_identity(h, "/proc/self/exe") && mix_file_identity(h, bh_clang_library_path());
}

// A file named on the command line (--config, --compile-commands): its
// name and its bytes; a file that cannot be read counts as its error.
static void mix_named_file(bh_hash128 *h, const char *path)
{
	mix_str(h, path);
	if (!path)
		return;
	char *text = NULL;
	size_t len = 0;
	int errnum = 0;
	bh_status st = bh_file_read_path(&text, &len, path, UINT64_MAX, &errnum);
	mix_u64(h, (uint64_t)st);
	mix_u64(h, (uint64_t)errnum);
	if (st == BH_OK)
		bh_hash128_bytes(h, text, len);
	free(text);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// The options that change what is analysed. Those that only filter or
// present the results (--diff, --only-shipped, --baseline, formats) are
// applied after the cache and are not part of the key.
static void mix_options(bh_hash128 *h, bh_scan *scan, const bh_scan_options *opts)
{
	mix_str(h, bh_ctx_root(scan->ctx));
	mix_strs(h, opts->dockerfiles, opts->ndockerfiles);
	mix_strs(h, opts->excludes, opts->nexcludes);
	mix_str(h, opts->target);
	mix_named_file(h, opts->compile_commands);
	mix_named_file(h, opts->config_path);
	// `-- FILE...` narrows what the text stages read: the set of files,
	// whatever their order or spelling.
	const char **rel = bh_arena_alloc(scan->arena, (opts->nonly_files + 1) * sizeof(*rel));
	size_t n = 0;
	for (size_t i = 0; i < opts->nonly_files; i++) {
		const char *r = bh_ctx_relpath(scan->ctx, scan->arena, opts->only_files[i]);
		rel[n++] = r ? r : "\x01(outside)";
	}
	qsort(rel, n, sizeof(*rel), by_string);
	mix_strs(h, rel, n);
}

// Kinds whose bytes some stage reads. A binary file is read by none (the
// text rules skip it; image rules look at names).
static bool content_matters(const bh_file *f)
{
	return !f->excluded && !f->too_large && f->kind != BH_FILE_BINARY && f->kind != BH_FILE_SYMLINK &&
	       f->kind != BH_FILE_OTHER;
}

// Every file of the context as the walk listed it, with its bytes.
static bool mix_files(bh_hash128 *h, bh_scan *scan)
{
	size_t n = bh_ctx_file_count(scan->ctx);
	mix_u64(h, n);
	for (size_t i = 0; i < n; i++) {
		const bh_file *f = bh_ctx_file(scan->ctx, i);
		mix_str(h, f->path);
		mix_u64(h, (uint64_t)f->kind);
		mix_u64(h, f->size);
		mix_u64(h, (uint64_t)f->too_large | (uint64_t)f->excluded << 1 | (uint64_t)f->sent << 2);
		mix_str(h, f->link_target);
		char hex[33];
		if (content_matters(f)) {
			if (!bh_scan_hash_file(scan, f->path, hex))
				return false; // unreadable now: its diagnostic is the scan's to make
			mix_str(h, hex);
		}
	}
	return true;
}

// Whether the scan can use the cache at all: not for partial results.
static bool cacheable(const bh_scan_options *opts)
{
	return opts->cache_dir && !opts->fast && !opts->noverlays && !opts->nonly_units && opts->nshards < 2 &&
	       !opts->nsummaries && !opts->write_summaries && !opts->summaries_in && !opts->summaries_out &&
	       !opts->tu_cache;
}

// ------------------------------------------------------------------ entry

// Do the files outside the context listed at the head of `text` still
// have the size and modification time they had? Advances `*text` past
// the list and the "report" line.
static bool outside_unchanged(const char **text, const char *end)
{
	const char *p = *text;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return false;
		if ((size_t)(nl - p) == 6 && memcmp(p, "report", 6) == 0) {
			*text = nl + 1;
			return true;
		}
		char path[4096];
		unsigned long long size, sec, nsec;
		int used = 0;
		size_t linelen = (size_t)(nl - p);
		if (linelen >= sizeof(path) ||
		    sscanf(p, "outside %llu %llu %llu %n", &size, &sec, &nsec, &used) != 3 || used <= 0 ||
		    (size_t)used >= linelen)
			return false;
		memcpy(path, p + used, linelen - (size_t)used);
		path[linelen - (size_t)used] = '\0';
		struct stat st;
		if (stat(path, &st) != 0 || (unsigned long long)st.st_size != size ||
		    (unsigned long long)st.st_mtim.tv_sec != sec || (unsigned long long)st.st_mtim.tv_nsec != nsec)
			return false;
		p = nl + 1;
	}
	return false;
}

void bh_scan_cache_open(bh_scan_cache *sc, bh_scan *scan, const bh_scan_options *opts)
{
	memset(sc, 0, sizeof(*sc));
	struct stat st;
	if (!cacheable(opts) || stat(opts->context ? opts->context : ".", &st) != 0 || !S_ISDIR(st.st_mode))
		return; // (opening the context diagnoses it)
	sc->cache = bh_cache_open(opts->cache_dir, &scan->diags);
	char root[PATH_MAX], dir[PATH_MAX];
	if (!sc->cache || !realpath(opts->context ? opts->context : ".", root) || !realpath(opts->cache_dir, dir))
		return;
	size_t n = strlen(root);
	if (n == 1) // the context is "/"
		n = 0;
	if (strncmp(dir, root, n) == 0 && dir[n] == '/')
		sc->unlisted = bh_arena_strdup(scan->arena, dir + n + 1);
}

bool bh_scan_cache_lookup(bh_scan_cache *sc, bh_scan *scan, const bh_scan_options *opts)
{
	if (!sc->cache || !scan->ctx)
		return false;
	bh_hash128 h = BH_HASH128_INIT;
	if (!mix_build(&h))
		return false;
	mix_options(&h, scan, opts);
	if (!mix_files(&h, scan))
		return false;
	bh_hash128_hex(&h, sc->key);
	sc->keyed = true;
	size_t len = 0;
	char *payload = bh_cache_get(sc->cache, ENTRY_KIND, sc->key, &len);
	if (!payload)
		return false;
	const char *p = payload;
	bool hit = outside_unchanged(&p, payload + len);
	if (hit) {
		// A report that does not load whole leaves the lists as they were
		// (the arena keeps what was read: it is small next to a scan).
		size_t nf = scan->findings.items.len, nd = scan->diags.items.len;
		bh_report_meta meta = { 0 };
		hit = bh_report_load_buffer(p, len - (size_t)(p - payload), "cache entry", &scan->findings,
					    &scan->diags, &meta) == BH_OK;
		for (size_t i = nd; hit && i < scan->diags.items.len; i++)
			hit = !bh_str_equal(scan->diags.items.items[i].code, "merge.bad-report") &&
			      !bh_str_equal(scan->diags.items.items[i].code, "merge.unknown-rule");
		if (hit) {
			scan->units_parsed = meta.units_parsed;
		} else {
			scan->findings.items.len = nf;
			scan->diags.items.len = nd;
		}
	}
	free(payload);
	return hit;
}

void bh_scan_cache_store(bh_scan_cache *sc, bh_scan *scan, size_t first_finding, size_t first_diag,
			 const bh_clang_files *outside)
{
	if (!sc->keyed)
		return;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return;
	bool ok = true;
	for (size_t i = 0; outside && i < outside->len && ok; i++) {
		struct stat st;
		const char *path = outside->items[i];
		// A file that cannot be stated, or whose name the format cannot
		// hold, makes the result one not to store.
		ok = !strchr(path, '\n') && strlen(path) < 4096 && stat(path, &st) == 0;
		if (ok)
			fprintf(f, "outside %llu %llu %llu %s\n", (unsigned long long)st.st_size,
				(unsigned long long)st.st_mtim.tv_sec, (unsigned long long)st.st_mtim.tv_nsec, path);
	}
	fputs("report\n", f);
	// The stored part of the lists, as lists of their own (borrowed).
	bh_findings findings = scan->findings;
	findings.items.items += first_finding;
	findings.items.len -= first_finding;
	bh_diags diags = scan->diags;
	diags.items.items += first_diag;
	diags.items.len -= first_diag;
	bh_report r = { .tool_version = BH_VERSION, .findings = &findings, .diags = &diags,
			.units_parsed = scan->units_parsed };
	ok = ok && bh_report_json(f, &r) == BH_OK;
	ok = fclose(f) == 0 && ok;
	if (ok)
		(void)bh_cache_put(sc->cache, ENTRY_KIND, sc->key, buf, len, KEEP_ENTRIES);
	free(buf);
}

void bh_scan_cache_close(bh_scan_cache *sc)
{
	bh_cache_close(sc->cache);
	sc->cache = NULL;
}
