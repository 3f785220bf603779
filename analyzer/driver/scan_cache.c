// SPDX-License-Identifier: MIT
// The scan's result cache (analyzer/driver/scan_cache.h).
//
// Two kinds of entries (their format: scan_cache_entry.c). A "scan" entry
// is a whole scan's result; a "unit" entry is one translation unit's
// front-end result (findings, diagnostics, IR), used when the scan as a
// whole missed: only the units whose inputs changed are parsed again, and
// the whole-program analyses run over all of them as always, so the
// results are exactly a cold scan's.
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
#include "bulkhead/ir_serial.h"
#include "bulkhead/sha256.h"
#include "bulkhead/strset.h"
#include "driver/file_hashes.h"
#include "driver/scan_cache.h"
#include "driver/scan_cache_entry.h"

// The newest entries kept: one per set of options a context is scanned
// with (a pre-commit hook's, CI's, an editor's) is enough.
#define KEEP_SCANS 8
// Unit entries are one per unit and flags: those of units that left the
// project go once there are this many more than units in the scan.
#define SPARE_UNITS 64
#define SCAN_KIND "scan"
#define UNIT_KIND "unit"

// The bytes of context file `path` as the scan reads them (an editor
// buffer's for an overlaid file), in `arena`; NULL when it cannot be read
// (the scan reports that elsewhere).
static const bh_source *context_bytes(bh_scan *scan, bh_arena *arena, const char *path)
{
	const bh_source *src = NULL;
	bh_diags ignored;
	bh_diags_init(&ignored, arena);
	bool ok = bh_ctx_find(scan->ctx, path) && bh_ctx_read(&src, arena, scan->ctx, path, &ignored) == BH_OK;
	bh_diags_dispose(&ignored);
	return ok ? src : NULL;
}

bool bh_scan_hash_file(bh_scan *scan, const char *path, char out[33])
{
	bh_arena *arena = bh_arena_new();
	const bh_source *src = context_bytes(scan, arena, path);
	if (src) {
		bh_hash128 h = BH_HASH128_INIT;
		bh_hash128_bytes(&h, src->data, src->len);
		bh_hash128_hex(&h, out);
	}
	bh_arena_free(arena);
	return src != NULL;
}

bool bh_scan_content_hash(bh_scan *scan, const char *path, char out[BH_SCAN_HASH_HEX])
{
	bh_arena *arena = bh_arena_new();
	const bh_source *src = context_bytes(scan, arena, path);
	if (src) {
		bh_sha256 h;
		bh_sha256_init(&h);
		bh_sha256_update(&h, src->data, src->len);
		bh_sha256_hex(&h, out);
	}
	bh_arena_free(arena);
	return src != NULL;
}

// ------------------------------------------------------------------ key

// This build of Bulkhead and the libclang it runs with: a rebuilt binary
// (new rules, a fixed bug) or an upgraded libclang makes every entry
// stale, whatever the version strings say. By the files' identity, so that
// a scan that takes its result from the cache never loads libclang. False
// when they cannot be told.
static bool mix_file_identity(bh_sha256 *h, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	bh_scan_cache__mix_u64(h, (uint64_t)st.st_dev);
	bh_scan_cache__mix_u64(h, (uint64_t)st.st_ino);
	bh_scan_cache__mix_u64(h, (uint64_t)st.st_size);
	bh_scan_cache__mix_u64(h, (uint64_t)st.st_mtim.tv_sec);
	bh_scan_cache__mix_u64(h, (uint64_t)st.st_mtim.tv_nsec);
	return true;
}

static bool mix_build(bh_sha256 *h)
{
	bh_scan_cache__mix_str(h, "bulkhead scan cache");
	bh_scan_cache__mix_u64(h, BH_CACHE_FORMAT);
	bh_scan_cache__mix_str(h, BH_VERSION);
	bh_scan_cache__mix_str(h, bh_clang_library_path());
	return mix_file_identity(h, "/proc/self/exe") && mix_file_identity(h, bh_clang_library_path());
}

// A file named on the command line (--config, --compile-commands): its
// name and its bytes; a file that cannot be read counts as its error.
static void mix_named_file(bh_sha256 *h, const char *path)
{
	bh_scan_cache__mix_str(h, path);
	if (!path)
		return;
	char *text = NULL;
	size_t len = 0;
	int errnum = 0;
	bh_status st = bh_file_read_path(&text, &len, path, UINT64_MAX, &errnum);
	bh_scan_cache__mix_u64(h, (uint64_t)st);
	bh_scan_cache__mix_u64(h, (uint64_t)errnum);
	if (st == BH_OK)
		bh_sha256_update(h, text, len);
	free(text);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// The options that change what is analysed. Those that only filter or
// present the results (--diff, --only-shipped, --baseline, formats) are
// applied after the cache and are not part of the key.
static void mix_options(bh_sha256 *h, bh_scan *scan, const bh_scan_options *opts)
{
	bh_scan_cache__mix_str(h, bh_ctx_root(scan->ctx));
	bh_scan_cache__mix_strs(h, opts->dockerfiles, opts->ndockerfiles);
	bh_scan_cache__mix_strs(h, opts->excludes, opts->nexcludes);
	bh_scan_cache__mix_str(h, opts->target);
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
	bh_scan_cache__mix_strs(h, rel, n);
}

// Kinds whose bytes some stage reads. A binary file is read by none (the
// text rules skip it; image rules look at names).
static bool content_matters(const bh_file *f)
{
	return !f->excluded && !f->too_large && f->kind != BH_FILE_BINARY && f->kind != BH_FILE_SYMLINK &&
	       f->kind != BH_FILE_OTHER;
}

// Every file of the context as the walk listed it, with its bytes; the
// hashes go to sc->hashes for the unit entries, and the number of files
// of each base name to sc->basenames: a new header elsewhere with the name
// of one a unit included may be the one it includes now.
// Is `path` an editor buffer's (whose bytes are not those on disk)?
static bool overlaid(const bh_scan_options *opts, const char *path)
{
	for (size_t i = 0; i < opts->noverlays; i++)
		if (strcmp(opts->overlays[i].path, path) == 0)
			return true;
	return false;
}

static bool mix_files(bh_sha256 *h, bh_scan_cache *sc, bh_scan *scan, const bh_scan_options *opts,
		      bh_file_hashes *fh)
{
	size_t n = bh_ctx_file_count(scan->ctx);
	bh_scan_cache__mix_u64(h, n);
	for (size_t i = 0; i < n; i++) {
		const bh_file *f = bh_ctx_file(scan->ctx, i);
		bh_scan_cache__mix_str(h, f->path);
		bh_scan_cache__mix_u64(h, (uint64_t)f->kind);
		bh_scan_cache__mix_u64(h, f->size);
		bh_scan_cache__mix_u64(h, (uint64_t)f->too_large | (uint64_t)f->excluded << 1 | (uint64_t)f->sent << 2);
		bh_scan_cache__mix_str(h, f->link_target);
		const char *slash = strrchr(f->path, '/');
		const char *base = slash ? slash + 1 : f->path;
		const char *count = bh_strmap_get(&sc->basenames, base);
		char buf[24];
		snprintf(buf, sizeof(buf), "%lu", count ? strtoul(count, NULL, 10) + 1 : 1ul);
		bh_strmap_put(&sc->basenames, base, buf);
		char hex[BH_SCAN_HASH_HEX];
		if (content_matters(f)) {
			// (A buffer is hashed as the scan reads it, never remembered.)
			bool ok = overlaid(opts, f->path) ? bh_scan_content_hash(scan, f->path, hex)
							  : bh_file_hashes_get(fh, scan, f->path, hex);
			if (!ok)
				return false; // unreadable now: its diagnostic is the scan's to make
			bh_scan_cache__mix_str(h, hex);
			bh_strmap_put(&sc->hashes, f->path, hex);
		}
	}
	return true;
}

// Whether units can be taken from the cache: whenever libclang parses
// them, but through the LSP server's kept units (tu_cache), which reparse.
// Editor buffers are fine: a unit's entry lists the hash of the bytes it
// read, a buffer's too.
static bool units_cacheable(const bh_scan_options *opts)
{
	return opts->cache_dir && !opts->fast && !opts->tu_cache;
}

// Whether the whole result can: not for partial results (a shard's, one
// that needs or makes summaries), nor for editor buffers (the LSP server
// wants summaries made, and a buffer's result is not the file's).
static bool scan_cacheable(const bh_scan_options *opts)
{
	return units_cacheable(opts) && !opts->keep_images && !opts->noverlays &&
	       !opts->nonly_units && opts->nshards < 2 && !opts->nsummaries &&
	       !opts->write_summaries && !opts->summaries_in && !opts->summaries_out;
}

// ------------------------------------------------------------- units

// The entry name of `unit`: everything its parse depends on but the files
// it reads, which the entry lists.
static void unit_key(const bh_scan_cache *sc, const bh_unit *unit, char out[BH_SCAN_HASH_HEX])
{
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_scan_cache__mix_str(&h, sc->unit_base);
	bh_scan_cache__mix_str(&h, unit->path);
	bh_scan_cache__mix_str(&h, unit->abs_path);
	bh_scan_cache__mix_strs(&h, unit->args, unit->nargs);
	bh_scan_cache__mix_u64(&h, (uint64_t)unit->flags_source);
	bh_scan_cache__mix_str(&h, unit->flags_note);
	bh_sha256_hex(&h, out);
}

// What the analyses' key knows of a unit: the digest of its IR, whether
// read back or just encoded (encode(decode(bytes)) is those bytes).
static void note_ir_digest(bh_scan_cache *sc, const bh_unit *unit, const void *ir, size_t len)
{
	char hex[BH_SCAN_HASH_HEX];
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_sha256_update(&h, ir, len);
	bh_sha256_hex(&h, hex);
	pthread_mutex_lock(&sc->lock);
	bh_strmap_put(&sc->ir_digests, unit->path, hex);
	pthread_mutex_unlock(&sc->lock);
}

// Each function's bh_ir_func_digest, as the unit entry stores them (32
// bytes each, in unit order): what the analyses' traces check a function
// by (bh_callgraph_identify) without encoding it again. NULL `data`:
// compute them.
static bool set_func_digests(bh_arena *arena, bh_ir_unit *ir, const char *data, size_t len)
{
	size_t n = 0;
	for (bh_ir_func *fn = ir->first; fn; fn = fn->next)
		n++;
	if (data && len != n * BH_SHA256_LEN)
		return false;
	unsigned char *d = bh_arena_alloc(arena, n * BH_SHA256_LEN + 1);
	size_t i = 0;
	for (bh_ir_func *fn = ir->first; fn; fn = fn->next, i++) {
		unsigned char *mine = d + i * BH_SHA256_LEN;
		if (data) {
			memcpy(mine, data + i * BH_SHA256_LEN, BH_SHA256_LEN);
		} else {
			bh_sha256 h;
			bh_sha256_init(&h);
			bh_ir_func_digest(fn, &h);
			bh_sha256_digest(&h, mine);
		}
		fn->digest = mine;
	}
	return true;
}

static bool unit_lookup(void *payload, const bh_unit *unit, bh_clang_unit_result *r)
{
	bh_scan_cache *sc = payload;
	char key[BH_SCAN_HASH_HEX];
	unit_key(sc, unit, key);
	size_t len = 0;
	char *entry = bh_cache_get(sc->cache, UNIT_KIND, key, &len);
	if (!entry)
		return false;
	const char *p = entry, *end = entry + len, *json = NULL, *ir = NULL, *digests = NULL;
	size_t jlen = 0, irlen = 0, dlen = 0;
	bool hit = bh_scan_cache__records_hold(sc, &p, end, r) && bh_scan_cache__section(&p, end, "report", &json, &jlen) &&
		   bh_scan_cache__section(&p, end, "ir", &ir, &irlen) &&
		   bh_scan_cache__section(&p, end, "fdigests", &digests, &dlen) && p == end &&
		   bh_ir_unit_decode(r->ir, r->arena, (const unsigned char *)ir, irlen) &&
		   set_func_digests(r->arena, r->ir, digests, dlen) &&
		   bh_scan_cache__load_report(json, jlen, r->findings, r->diags, NULL);
	if (!hit) {
		r->visited->len = r->outside->len = 0;
		memset(r->ir, 0, sizeof(*r->ir));
	} else {
		note_ir_digest(sc, unit, ir, irlen);
		__atomic_fetch_add(&sc->units_reused, 1, __ATOMIC_RELAXED);
	}
	free(entry);
	return hit;
}

// The name a failed `#include` looked for, from clang's "'NAME' file not
// found" (arena), or NULL.
static const char *missing_include(bh_arena *arena, const char *message)
{
	const char *end = message ? strstr(message, "' file not found") : NULL;
	const char *start = end;
	while (start && start > message && start[-1] != '\'')
		start--;
	return start && start > message ? bh_arena_strndup(arena, start, (size_t)(end - start)) : NULL;
}

// Which file an #include names depends on every file of that name: a new
// one in an earlier -I directory, or the one a failed include looked for,
// changes the unit.
static void put_base_records(FILE *f, const bh_scan_cache *sc, const bh_clang_unit_result *r)
{
	for (size_t i = 0; i < r->visited->len; i++)
		bh_scan_cache__put_base_record(f, sc, r->visited->items[i]);
	for (size_t i = 0; i < r->outside->len; i++)
		bh_scan_cache__put_base_record(f, sc, r->outside->items[i]);
	for (size_t i = 0; i < r->diags->items.len; i++) {
		const char *missing = missing_include(r->arena, r->diags->items.items[i].message);
		if (missing)
			bh_scan_cache__put_base_record(f, sc, missing);
	}
}

static void unit_store(void *payload, const bh_unit *unit, const bh_clang_unit_result *r)
{
	bh_scan_cache *sc = payload;
	// A unit libclang could not parse is not stored: it may have failed
	// for want of memory, and it is cheap to try again.
	for (size_t i = 0; i < r->diags->items.len; i++)
		if (bh_str_equal(r->diags->items.items[i].code, "clang.parse-failed"))
			return;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return;
	bh_bytes ir = { 0 };
	bh_ir_unit_encode(r->ir, &ir);
	note_ir_digest(sc, unit, ir.items, ir.len);
	(void)set_func_digests(r->arena, r->ir, NULL, 0);
	bool ok = bh_scan_cache__put_records(f, sc, r->visited, r->outside, false);
	if (ok)
		put_base_records(f, sc, r);
	ok = ok && bh_scan_cache__put_report(f, r->findings, r->diags, 0);
	if (ok) {
		fprintf(f, "ir %zu\n", ir.len);
		fwrite(ir.items, 1, ir.len, f);
		size_t n = 0;
		for (const bh_ir_func *fn = r->ir->first; fn; fn = fn->next)
			n++;
		fprintf(f, "fdigests %zu\n", n * BH_SHA256_LEN);
		for (const bh_ir_func *fn = r->ir->first; fn; fn = fn->next)
			fwrite(fn->digest, 1, BH_SHA256_LEN, f);
	}
	bh_vec_dispose(&ir);
	ok = fclose(f) == 0 && ok;
	char key[BH_SCAN_HASH_HEX];
	unit_key(sc, unit, key);
	if (ok)
		(void)bh_cache_put(sc->cache, UNIT_KIND, key, buf, len);
	free(buf);
}

// ------------------------------------------------------------- scans

void bh_scan_cache_open(bh_scan_cache *sc, bh_scan *scan, const bh_scan_options *opts)
{
	memset(sc, 0, sizeof(*sc));
	sc->lock_ready = pthread_mutex_init(&sc->lock, NULL) == 0;
	sc->stats = bh_xcalloc(1, sizeof(*sc->stats));
	struct stat st;
	if (!sc->lock_ready || !units_cacheable(opts) || stat(opts->context ? opts->context : ".", &st) != 0 ||
	    !S_ISDIR(st.st_mode))
		return; // (opening the context diagnoses it)
	char root[PATH_MAX], dir[PATH_MAX];
	bool rooted = realpath(opts->context ? opts->context : ".", root) != NULL;
	if (rooted && realpath(opts->cache_dir, dir) && strcmp(dir, root) == 0) {
		// Its entries would be files of the context, changing every key.
		bh_diag_add(&scan->diags, BH_LEVEL_NOTE, "cache.unusable", NULL, 0, 0,
			    "the cache directory '%s' is the build context itself; nothing was reused or stored",
			    opts->cache_dir);
		return;
	}
	sc->cache = bh_cache_open(opts->cache_dir, &scan->diags);
	if (!sc->cache || !rooted || !realpath(opts->cache_dir, dir))
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
	bh_sha256 h;
	bh_sha256_init(&h);
	if (!mix_build(&h))
		return false;
	sc->root = bh_ctx_root(scan->ctx);
	// Units: the build and the root; not the options, which reach a unit
	// through its flags, nor the files, which its entry lists.
	bh_sha256 base = h;
	mix_options(&h, scan, opts);
	bh_file_hashes *fh = bh_file_hashes_load(sc->cache, sc->root);
	bool hashed = mix_files(&h, sc, scan, opts, fh);
	bh_file_hashes_save_free(fh, sc->cache);
	if (!hashed)
		return false;
	bh_sha256_hex(&h, sc->key);
	bh_scan_cache__mix_str(&base, sc->root);
	char base_hex[BH_SCAN_HASH_HEX];
	bh_sha256_hex(&base, base_hex);
	sc->unit_base = bh_arena_strdup(scan->arena, base_hex);
	sc->keyed = true;
	sc->units = (bh_clang_unit_cache){ unit_lookup, unit_store, sc };
	sc->whole = scan_cacheable(opts);
	if (!sc->whole)
		return false;

	size_t len = 0;
	char *payload = bh_cache_get(sc->cache, SCAN_KIND, sc->key, &len);
	if (!payload)
		return false;
	const char *p = payload, *end = payload + len, *json = NULL;
	size_t jlen = 0;
	bool hit = bh_scan_cache__records_hold(sc, &p, end, NULL) && bh_scan_cache__section(&p, end, "report", &json, &jlen) && p == end &&
		   bh_scan_cache__load_report(json, jlen, &scan->findings, &scan->diags, &scan->units_parsed);
	free(payload);
	return hit;
}

void bh_scan_cache_add_written(bh_scan_cache *sc, const char *path, const char *text, size_t len)
{
	if (!sc->keyed)
		return;
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_sha256_update(&h, text, len);
	char hex[BH_SCAN_HASH_HEX];
	bh_sha256_hex(&h, hex);
	bh_strmap_put(&sc->hashes, path, hex);
}

const bh_clang_unit_cache *bh_scan_cache_units(const bh_scan_cache *sc)
{
	return sc->keyed ? &sc->units : NULL;
}

void bh_scan_cache_store(bh_scan_cache *sc, bh_scan *scan, size_t first_finding, size_t first_diag,
			 const bh_clang_files *visited, const bh_clang_files *outside, size_t nunits)
{
	if (!sc->keyed)
		return;
	bh_cache_prune(sc->cache, UNIT_KIND, nunits + SPARE_UNITS);
	if (!sc->whole)
		return;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return;
	// What the key does not cover: context files read but not hashed,
	// files outside the context.
	bool ok = bh_scan_cache__put_records(f, sc, visited, outside, true);
	// The stored part of the lists.
	bh_findings findings = bh_findings_tail(&scan->findings, first_finding);
	bh_diags diags = bh_diags_tail(&scan->diags, first_diag);
	ok = ok && bh_scan_cache__put_report(f, &findings, &diags, scan->units_parsed);
	ok = fclose(f) == 0 && ok;
	if (ok && bh_cache_put(sc->cache, SCAN_KIND, sc->key, buf, len))
		bh_cache_prune(sc->cache, SCAN_KIND, KEEP_SCANS);
	free(buf);
}

void bh_scan_cache_close(bh_scan_cache *sc)
{
	bh_cache_close(sc->cache);
	bh_strmap_dispose(&sc->hashes);
	bh_strmap_dispose(&sc->basenames);
	bh_strmap_dispose(&sc->ir_digests);
	if (sc->stats)
		bh_strmap_dispose(sc->stats);
	free(sc->stats);
	sc->stats = NULL;
	if (sc->lock_ready)
		pthread_mutex_destroy(&sc->lock);
	sc->lock_ready = false;
	sc->cache = NULL;
}
