/* SPDX-License-Identifier: MIT */
/*
 * The on-disk cache (by default in the user's cache directory, one
 * directory per build context; see bh_cache_default_dir): entries, each a payload stored under a kind ("scan") and
 * a key (32 hex digits: a hash of everything the payload was computed
 * from). The store knows nothing of what the payloads mean; it makes them
 * safe to share:
 *
 *   - an entry is written to a temporary file and renamed into place, so
 *     scans running at the same time see an old entry or a new one, whole;
 *   - every entry carries a header with the format version, its kind, its
 *     key, the payload's length and a checksum: a truncated, corrupt or
 *     foreign file (another version's, a renamed one) is a miss, never
 *     trusted;
 *   - the directory is opened without following symlinks (a build context
 *     may plant `.bulkhead-cache` as a link to anywhere), and entries are
 *     opened relative to it, without following symlinks either;
 *   - a CACHEDIR.TAG and a `.gitignore` of `*` mark it for backup tools and
 *     git; deleting the directory at any time is safe.
 */
#ifndef BULKHEAD_CACHE_H
#define BULKHEAD_CACHE_H

#include <stddef.h>

#include "common.h"
#include "diag.h"

/** Days after which the cache of a context no scan opened is removed. */
#define BH_CACHE_STALE_DAYS 30

/** Version of the entry format; entries of another are misses. */
#define BH_CACHE_FORMAT 2

typedef struct bh_cache bh_cache;

/**
 * The cache directory of build context `context` when the user names
 * none: $XDG_CACHE_HOME/bulkhead/ctx-<hash of the context's real path>
 * ($HOME/.cache when XDG_CACHE_HOME is unset). Outside the context on
 * purpose: a directory inside it would be sent to the Docker daemon and
 * copied into images by `COPY . .` (and change Docker's layer cache key on
 * every scan), and a repository could plant one. Heap string, or NULL
 * when there is no home or the context does not exist.
 */
char *bh_cache_default_dir(const char *context);

/**
 * Remove the context directories beside `dir` (the other ctx-* of the
 * default layout) that no scan opened for `days` days, so that the
 * caches of deleted checkouts and temporary contexts do not pile up. Only
 * what this store writes is removed; a directory holding anything else is
 * left as it is.
 */
void bh_cache_forget_stale(const char *dir, unsigned days);

/** Whether the user turned the cache off: BULKHEAD_NO_CACHE set, and not to "". */
bool bh_cache_off_by_env(void);

/**
 * Open the cache directory `dir`, creating it and its parents (mode 0700)
 * when missing, and mark it used now (bh_cache_forget_stale). A `dir` that is a symlink or not a directory, or that cannot be
 * created, gives NULL and a note "cache.unusable" in `diags` (a scan goes
 * on without a cache; nothing it reports changes).
 */
bh_cache *bh_cache_open(const char *dir, bh_diags *diags);
void bh_cache_close(bh_cache *cache);

/**
 * The payload of the entry `kind`/`key`, if there is one and its header,
 * length and checksum all hold: heap memory, NUL-terminated, that the
 * caller frees; `*len` its length. NULL for a miss.
 */
char *bh_cache_get(bh_cache *cache, const char *kind, const char *key, size_t *len);

/**
 * Mark entry (`kind`, `key`) used now, as a put of the same bytes would
 * (bh_cache_prune keeps the most recently written). false when there is
 * no such entry.
 */
bool bh_cache_touch(bh_cache *cache, const char *kind, const char *key);

/**
 * Store `payload` as the entry `kind`/`key` (replacing one of that name).
 * false if it could not be written (a read-only directory): the cache is
 * an optimisation, a failure changes no result. Safe to call from several
 * threads and processes at once.
 */
bool bh_cache_put(bh_cache *cache, const char *kind, const char *key, const char *payload, size_t len);

/**
 * Remove the oldest entries of `kind` beyond the newest `keep`, and the
 * temporary files of writers that died.
 */
void bh_cache_prune(bh_cache *cache, const char *kind, size_t keep);

#endif
