// SPDX-License-Identifier: MIT
// The whole-program analyses' results in the scan cache
// (analyzer/driver/analysis_cache.h). An entry's payload:
//
//   fits <length>\n<records>     each "<line> <col> <path length>:<path>\n",
//                                a copy the bounds checker proved to fit
//   report <length>\n<JSON>      the analyses' findings and diagnostics
//
// The key is the digest of every unit's encoded IR in the program's
// order, with the units' flags notes, the configuration's models and the
// build (the unit entries' base): the same IR gives the same analyses.
// What reads context files by name (tree-sitter, secrets, the image
// rules) runs as always.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/cache.h"
#include "driver/analysis_cache.h"
#include "driver/scan_cache_entry.h"

#define ANALYSIS_KIND "analysis"
#define TRACES_KIND "traces"
// One per set of inputs a context is scanned with (a pre-commit hook's
// staged tree, the working tree, an editor's) and a few edits back.
#define KEEP_ANALYSES 8

// The build and root, and the configuration's models: what every
// analysis reads besides the program.
static void mix_models(bh_sha256 *h, const bh_scan_cache *sc, const bh_scan *scan)
{
	bh_scan_cache__mix_str(h, sc->unit_base);
	const bh_config *c = &scan->config;
	bh_scan_cache__mix_str(h, c->path);
	bh_scan_cache__mix_strs(h, c->taint_models.items, c->taint_models.len);
	bh_scan_cache__mix_u64(h, c->taint_line);
	bh_scan_cache__mix_strs(h, c->memory_models.items, c->memory_models.len);
	bh_scan_cache__mix_u64(h, c->memory_line);
}

bool bh_analysis_cache_key(bh_scan_cache *sc, const bh_scan *scan, const bh_units *units,
			   char key[BH_SCAN_HASH_HEX])
{
	if (!sc->keyed || !sc->unit_base)
		return false;
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_scan_cache__mix_str(&h, "bulkhead analyses");
	mix_models(&h, sc, scan);
	bh_scan_cache__mix_u64(&h, units->len);
	bool all = true;
	pthread_mutex_lock(&sc->lock);
	for (size_t i = 0; i < units->len && all; i++) {
		const bh_unit *u = &units->items[i];
		const char *digest = bh_strmap_get(&sc->ir_digests, u->path);
		all = digest != NULL;
		bh_scan_cache__mix_str(&h, u->path);
		bh_scan_cache__mix_str(&h, bh_unit_flags_note(u));
		bh_scan_cache__mix_str(&h, digest);
	}
	pthread_mutex_unlock(&sc->lock);
	if (all)
		bh_sha256_hex(&h, key);
	return all;
}

// ------------------------------------------------------------- proofs

static bool put_fits(FILE *f, const bh_analysis_fits *fits)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return false;
	for (size_t i = 0; i < fits->len; i++) {
		const bh_loc *l = &fits->items[i];
		if (!l->path)
			continue; // (never one the pattern rules have)
		fprintf(m, "%u %u %zu:%s\n", l->line, l->col, strlen(l->path), l->path);
	}
	bool ok = fclose(m) == 0;
	if (ok) {
		fprintf(f, "fits %zu\n", len);
		fwrite(buf, 1, len, f);
	}
	free(buf);
	return ok;
}

// A decimal number at `*p` ending in `stop`, moving past both.
static bool read_number(const char **p, const char *end, char stop, unsigned long long max,
			unsigned long long *out)
{
	unsigned long long v = 0;
	const char *s = *p;
	while (s < end && *s >= '0' && *s <= '9') {
		if (v > (max - (unsigned long long)(*s - '0')) / 10)
			return false;
		v = v * 10 + (unsigned long long)(*s++ - '0');
	}
	if (s == *p || s >= end || *s != stop)
		return false;
	*p = s + 1;
	*out = v;
	return true;
}

static bool load_fits(const char *p, const char *end, bh_arena *arena, bh_analysis_fits *fits)
{
	while (p < end) {
		unsigned long long line, col, n;
		if (!read_number(&p, end, ' ', UINT32_MAX, &line) || !read_number(&p, end, ' ', UINT32_MAX, &col) ||
		    !read_number(&p, end, ':', (unsigned long long)(end - p), &n) ||
		    (unsigned long long)(end - p) < n + 1 || p[n] != '\n' || memchr(p, '\0', n))
			return false;
		bh_loc l = { 0 };
		l.path = bh_arena_strndup(arena, p, (size_t)n);
		l.line = (uint32_t)line;
		l.col = (uint32_t)col;
		bh_vec_push(fits, l);
		p += n + 1;
	}
	return true;
}

// ------------------------------------------------------------- entries

bool bh_analysis_cache_load(bh_scan_cache *sc, const char *key, bh_scan *scan, bh_analysis_fits *fits)
{
	size_t len = 0;
	char *entry = bh_cache_get(sc->cache, ANALYSIS_KIND, key, &len);
	if (!entry)
		return false;
	const char *p = entry, *end = entry + len, *proofs = NULL, *json = NULL;
	size_t plen = 0, jlen = 0, nfits = fits->len;
	bool hit = bh_scan_cache__section(&p, end, "fits", &proofs, &plen) &&
		   bh_scan_cache__section(&p, end, "report", &json, &jlen) && p == end &&
		   load_fits(proofs, proofs + plen, scan->arena, fits) &&
		   bh_scan_cache__load_report(json, jlen, &scan->findings, &scan->diags, NULL);
	if (!hit)
		fits->len = nfits;
	free(entry);
	return hit;
}

void bh_analysis_cache_store(bh_scan_cache *sc, const char *key, const bh_findings *findings,
			     const bh_diags *diags, const bh_analysis_fits *fits)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return;
	bool ok = put_fits(f, fits) && bh_scan_cache__put_report(f, findings, diags, 0);
	ok = fclose(f) == 0 && ok;
	if (ok && bh_cache_put(sc->cache, ANALYSIS_KIND, key, buf, len))
		bh_cache_prune(sc->cache, ANALYSIS_KIND, KEEP_ANALYSES);
	free(buf);
}

// ------------------------------------------------------------- traces

bh_reuse *bh_analysis_cache_traces(bh_scan_cache *sc, const bh_scan *scan, const char *analysis,
				   char key[BH_SCAN_HASH_HEX])
{
	if (!sc->keyed || !sc->unit_base)
		return NULL;
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_scan_cache__mix_str(&h, "bulkhead traces");
	bh_scan_cache__mix_str(&h, analysis);
	mix_models(&h, sc, scan);
	bh_sha256_hex(&h, key);
	bh_reuse *r = bh_reuse_new(analysis);
	size_t len = 0;
	char *entry = bh_cache_get(sc->cache, TRACES_KIND, key, &len);
	if (entry)
		(void)bh_reuse_load(r, entry, len); // damaged: none, all analysed
	free(entry);
	return r;
}

void bh_analysis_cache_save_traces(bh_scan_cache *sc, const char *key, const bh_reuse *r)
{
	// (The entry holds these bytes already: an edit that only moved
	// functions, or none that reached this analysis.)
	if (bh_reuse_as_loaded(r) && bh_cache_touch(sc->cache, TRACES_KIND, key))
		return;
	bh_bytes out = { 0 };
	bh_reuse_save(r, &out);
	if (bh_cache_put(sc->cache, TRACES_KIND, key, (const char *)out.items, out.len))
		bh_cache_prune(sc->cache, TRACES_KIND, KEEP_ANALYSES);
	bh_vec_dispose(&out);
}
