/* SPDX-License-Identifier: MIT */
/*
 * Content hashes of the context's files, remembered across scans (the
 * cache's "files" entry) so that a file is read and hashed again only when
 * its stat changed: on redis, hashing 23 MB was most of a warm rescan.
 *
 * A file whose device, inode, size, modification time and change time are
 * those it had when it was hashed has the same bytes: any write changes
 * the change time, which no program can set back (git trusts the same
 * fields). A file written within two seconds before its hash was taken is
 * not trusted (coarse timestamps could hide a second write in the same
 * tick: git's "racily clean" entries).
 */
#ifndef BULKHEAD_DRIVER_FILE_HASHES_H
#define BULKHEAD_DRIVER_FILE_HASHES_H

#include "bulkhead/cache.h"
#include "bulkhead/scan.h"
#include "driver/scan_cache.h"

typedef struct bh_file_hashes bh_file_hashes;

/** The remembered hashes of context `root` from `cache` (none if it has none). */
bh_file_hashes *bh_file_hashes_load(bh_cache *cache, const char *root);

/**
 * The content hash of context file `path` (bh_scan_content_hash): remembered
 * if its stat is unchanged, else read and hashed. false
 * when it cannot be read.
 */
bool bh_file_hashes_get(bh_file_hashes *fh, bh_scan *scan, const char *path, char out[BH_SCAN_HASH_HEX]);

/** Remember the hashes asked for, if any had to be computed; then free. */
void bh_file_hashes_save_free(bh_file_hashes *fh, bh_cache *cache);

#endif
