// SPDX-License-Identifier: MIT
// Per-file results kept between scans (analyzer/driver/file_results.h).
// The entry (kind "files") of a stage:
//
//   "BHFR" version stage nrecords
//   per record: its key (32 bytes), then a blob: nfindings, findings,
//               ndiags, diagnostics (include/bulkhead/wire.h)
//
// A record's key is the SHA-256 of the build and root, the stage, the
// file's path, the scope it was checked in and the SHA-256 of its bytes
// (the scan key's, an editor buffer's for an overlaid file). A result
// that a time limit cut short (tsc.timeout) is not kept. Lookups and
// stores take a lock: the secret scanner's workers share one set.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/cache.h"
#include "bulkhead/wire.h"
#include "driver/file_results.h"
#include "driver/scan_cache_entry.h"

#define KIND "files"
#define MAGIC "BHFR"
#define VERSION 1
#define KEY BH_SHA256_LEN
#define KEEP_STAGES 4

typedef struct {
	unsigned char key[KEY];
	const void *blob; // into `loaded`, or `own`
	size_t len;
	bool used;
	bh_bytes own;
} record;

struct bh_file_results {
	bh_scan_cache *sc;
	const char *stage;
	char entry[BH_SCAN_HASH_HEX];
	char *loaded;
	BH_VEC(record) records;
	size_t *slots; // open addressing: 1 + record index
	size_t cap;
	size_t hits, made;
	pthread_mutex_t lock; // lookup and store come from the stage's workers
};

static size_t slot_of(const bh_file_results *fr, const unsigned char key[KEY])
{
	size_t h;
	memcpy(&h, key, sizeof(h));
	size_t j = h & (fr->cap - 1);
	while (fr->slots[j] && memcmp(fr->records.items[fr->slots[j] - 1].key, key, KEY) != 0)
		j = (j + 1) & (fr->cap - 1);
	return j;
}

static void index_all(bh_file_results *fr)
{
	free(fr->slots);
	fr->cap = 64;
	while (fr->cap < fr->records.len * 2 + 2)
		fr->cap *= 2;
	fr->slots = bh_xcalloc(fr->cap, sizeof(*fr->slots));
	for (size_t i = 0; i < fr->records.len; i++)
		fr->slots[slot_of(fr, fr->records.items[i].key)] = i + 1;
}

static void add(bh_file_results *fr, record r)
{
	bh_vec_push(&fr->records, r);
	if (fr->records.len * 2 >= fr->cap)
		index_all(fr);
	else
		fr->slots[slot_of(fr, r.key)] = fr->records.len;
}

static bool load(bh_file_results *fr, const char *data, size_t len)
{
	bh_wire_reader rd = bh_wire_reader_of(data, len);
	const void *magic = bh_wire_get_raw(&rd, 4);
	const char *stage = NULL;
	if (!magic || memcmp(magic, MAGIC, 4) != 0 || bh_wire_get_u(&rd) != VERSION ||
	    !(stage = bh_wire_get_str(&rd)) || strcmp(stage, fr->stage) != 0)
		return false;
	size_t n = (size_t)bh_wire_get_max(&rd, len / (KEY + 1));
	for (size_t i = 0; i < n && rd.ok; i++) {
		record r = { { 0 }, NULL, 0, false, { 0 } };
		const void *key = bh_wire_get_raw(&rd, KEY);
		r.blob = bh_wire_get_blob(&rd, &r.len);
		if (!key)
			break;
		memcpy(r.key, key, KEY);
		add(fr, r);
	}
	if (!bh_wire_done(&rd)) {
		fr->records.len = 0;
		index_all(fr);
		return false;
	}
	return true;
}

bh_file_results *bh_file_results_open(bh_scan_cache *sc, const char *stage)
{
	if (!sc->keyed || !sc->unit_base)
		return NULL;
	bh_file_results *fr = bh_xcalloc(1, sizeof(*fr));
	if (pthread_mutex_init(&fr->lock, NULL) != 0) {
		free(fr);
		return NULL;
	}
	fr->sc = sc;
	fr->stage = stage;
	index_all(fr);
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_scan_cache__mix_str(&h, "bulkhead file results");
	bh_scan_cache__mix_str(&h, stage);
	bh_scan_cache__mix_str(&h, sc->unit_base);
	bh_sha256_hex(&h, fr->entry);
	size_t len = 0;
	fr->loaded = bh_cache_get(sc->cache, KIND, fr->entry, &len);
	if (fr->loaded)
		(void)load(fr, fr->loaded, len); // damaged: none, every file checked
	return fr;
}

// The key of `path` checked in `scope`; false when its bytes are not known.
static bool key_of(const bh_file_results *fr, const char *path, unsigned scope, unsigned char out[KEY])
{
	const char *hash = bh_strmap_get(&fr->sc->hashes, path);
	if (!hash)
		return false;
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_scan_cache__mix_str(&h, fr->sc->unit_base);
	bh_scan_cache__mix_str(&h, fr->stage);
	bh_scan_cache__mix_str(&h, path);
	bh_scan_cache__mix_u64(&h, scope);
	bh_scan_cache__mix_str(&h, hash);
	bh_sha256_digest(&h, out);
	return true;
}

static bool lookup_locked(bh_file_results *fr, const char *path, unsigned scope, bh_findings *found,
			  bh_diags *diags)
{
	unsigned char key[KEY];
	if (!key_of(fr, path, scope, key))
		return false;
	size_t i = fr->slots[slot_of(fr, key)];
	if (!i)
		return false;
	record *r = &fr->records.items[i - 1];
	bh_wire_reader rd = bh_wire_reader_of(r->blob, r->len);
	size_t nf = (size_t)bh_wire_get_max(&rd, r->len);
	bool ok = rd.ok;
	for (size_t k = 0; k < nf && ok; k++)
		ok = bh_wire_get_finding(&rd, found);
	size_t nd = ok ? (size_t)bh_wire_get_max(&rd, r->len) : 0;
	for (size_t k = 0; k < nd && ok; k++)
		ok = bh_wire_get_diag(&rd, diags);
	if (!ok || !bh_wire_done(&rd)) {
		found->items.len = 0;
		diags->items.len = 0;
		return false;
	}
	r->used = true;
	fr->hits++;
	return true;
}

static bool lookup(void *payload, const char *path, unsigned scope, bh_findings *found, bh_diags *diags)
{
	bh_file_results *fr = payload;
	pthread_mutex_lock(&fr->lock);
	bool hit = lookup_locked(fr, path, scope, found, diags);
	pthread_mutex_unlock(&fr->lock);
	return hit;
}

static void store_locked(bh_file_results *fr, const char *path, unsigned scope, const bh_findings *found,
			 const bh_diags *diags)
{
	unsigned char key[KEY];
	for (size_t k = 0; k < diags->items.len; k++)
		if (bh_str_equal(diags->items.items[k].code, "tsc.timeout"))
			return; // the clock's result, not the file's
	if (!key_of(fr, path, scope, key))
		return;
	record r = { { 0 }, NULL, 0, true, { 0 } };
	memcpy(r.key, key, KEY);
	bh_wire_u(&r.own, found->items.len);
	for (size_t k = 0; k < found->items.len; k++)
		bh_wire_finding(&r.own, &found->items.items[k]);
	bh_wire_u(&r.own, diags->items.len);
	for (size_t k = 0; k < diags->items.len; k++)
		bh_wire_diag(&r.own, &diags->items.items[k]);
	size_t i = fr->slots[slot_of(fr, key)];
	if (i) { // (a damaged record read as none)
		record *old = &fr->records.items[i - 1];
		bh_vec_dispose(&old->own);
		old->own = r.own;
		old->blob = old->own.items;
		old->len = old->own.len;
		old->used = true;
	} else {
		r.blob = r.own.items;
		r.len = r.own.len;
		add(fr, r);
		// (`add` may move the records: the blob is the vector's own.)
		record *mine = &fr->records.items[fr->records.len - 1];
		mine->blob = mine->own.items;
	}
	fr->made++;
}

static void store(void *payload, const char *path, unsigned scope, const bh_findings *found,
		  const bh_diags *diags)
{
	bh_file_results *fr = payload;
	pthread_mutex_lock(&fr->lock);
	store_locked(fr, path, scope, found, diags);
	pthread_mutex_unlock(&fr->lock);
}

bh_file_cache bh_file_results_cache(bh_file_results *fr)
{
	return (bh_file_cache){ lookup, store, fr };
}

void bh_file_results_counts(const bh_file_results *fr, size_t *hits, size_t *made)
{
	*hits = fr ? fr->hits : 0;
	*made = fr ? fr->made : 0;
}

void bh_file_results_close(bh_file_results *fr, bool save)
{
	if (!fr)
		return;
	if (save) {
		// The results this scan used, and as many it did not use: a
		// file edited and then restored (a branch switched back, a
		// reverted edit) finds its old bytes' result again.
		size_t used = 0;
		for (size_t i = 0; i < fr->records.len; i++)
			used += fr->records.items[i].used;
		size_t spare = used, n = used;
		for (size_t i = 0; i < fr->records.len && spare; i++)
			if (!fr->records.items[i].used)
				spare--, n++;
		spare = n - used;
		bh_bytes out = { 0 };
		bh_wire_raw(&out, MAGIC, 4);
		bh_wire_u(&out, VERSION);
		bh_wire_str(&out, fr->stage);
		bh_wire_u(&out, n);
		for (size_t i = 0; i < fr->records.len; i++) {
			const record *r = &fr->records.items[i];
			if (!r->used && !spare)
				continue;
			if (!r->used)
				spare--;
			bh_wire_raw(&out, r->key, KEY);
			bh_wire_blob(&out, r->blob, r->len);
		}
		// (One entry per stage and build: those of older builds go.)
		if (bh_cache_put(fr->sc->cache, KIND, fr->entry, (const char *)out.items, out.len))
			bh_cache_prune(fr->sc->cache, KIND, KEEP_STAGES);
		bh_vec_dispose(&out);
	}
	for (size_t i = 0; i < fr->records.len; i++)
		bh_vec_dispose(&fr->records.items[i].own);
	bh_vec_dispose(&fr->records);
	free(fr->slots);
	free(fr->loaded);
	pthread_mutex_destroy(&fr->lock);
	free(fr);
}
