// SPDX-License-Identifier: MIT
// Content hashes remembered by stat (analyzer/driver/file_hashes.h).
//
// The entry ("files", keyed by the context root):
//
//   taken <s> <ns>\n                       when the hashing started
//   <dev> <ino> <size> <mtime s> <mtime ns> <ctime s> <ctime ns> <hash> <path>\n
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bulkhead/sha256.h"
#include "bulkhead/strset.h"
#include "driver/file_hashes.h"
#include "driver/scan_cache.h"

#define KIND "files"
// Trusted only when written this long before the hashes were taken.
#define RACY_SECONDS 2

struct bh_file_hashes {
	char key[BH_SCAN_HASH_HEX];
	int rootfd;            // the context root, for fstatat; -1: never trust
	bh_strmap old;         // path -> "<stat fields> <hash>"
	long long old_taken;   // seconds
	struct timespec taken; // now
	FILE *out;             // the new entry, as it is built
	char *buf;
	size_t len;
	size_t computed;       // hashes read and computed, not remembered
};

bh_file_hashes *bh_file_hashes_load(bh_cache *cache, const char *root)
{
	bh_file_hashes *fh = bh_xcalloc(1, sizeof(*fh));
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_sha256_update(&h, root, strlen(root));
	bh_sha256_hex(&h, fh->key);
	fh->rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	clock_gettime(CLOCK_REALTIME, &fh->taken);
	fh->out = open_memstream(&fh->buf, &fh->len);
	if (fh->out)
		fprintf(fh->out, "taken %lld %ld\n", (long long)fh->taken.tv_sec, (long)fh->taken.tv_nsec);
	size_t len = 0;
	char *text = bh_cache_get(cache, KIND, fh->key, &len);
	// "taken SECONDS NANOSECONDS\n" first (strtoll: a damaged entry's
	// out-of-range number is an error, not undefined behaviour).
	char *first_nl = text && strncmp(text, "taken ", 6) == 0 ? strchr(text, '\n') : NULL;
	char *num_end = NULL;
	errno = 0;
	long long taken = first_nl ? strtoll(text + 6, &num_end, 10) : 0;
	if (first_nl && errno == 0 && num_end != text + 6 && *num_end == ' ') {
		fh->old_taken = taken;
		for (char *p = first_nl + 1, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
			*nl = '\0';
			// The path follows the eighth field.
			char *q = p;
			for (int field = 0; field < 8 && q; field++)
				q = strchr(q + (field ? 1 : 0), ' ');
			if (!q)
				break;
			*q = '\0';
			bh_strmap_put(&fh->old, q + 1, p);
		}
	}
	free(text);
	return fh;
}

static void stat_fields(char *buf, size_t cap, const struct stat *st)
{
	snprintf(buf, cap, "%llu %llu %llu %lld %ld %lld %ld", (unsigned long long)st->st_dev,
		 (unsigned long long)st->st_ino, (unsigned long long)st->st_size, (long long)st->st_mtim.tv_sec,
		 (long)st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec, (long)st->st_ctim.tv_nsec);
}

bool bh_file_hashes_get(bh_file_hashes *fh, bh_scan *scan, const char *path, char out[BH_SCAN_HASH_HEX])
{
	struct stat st;
	bool stated = fh->rootfd >= 0 && fstatat(fh->rootfd, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		      S_ISREG(st.st_mode);
	char fields[200] = "";
	if (stated)
		stat_fields(fields, sizeof(fields), &st);
	const char *old = stated ? bh_strmap_get(&fh->old, path) : NULL;
	bool known = false;
	if (old) {
		size_t n = strlen(fields);
		known = strncmp(old, fields, n) == 0 && old[n] == ' ' && strlen(old + n + 1) == BH_SCAN_HASH_HEX - 1 &&
			st.st_mtim.tv_sec + RACY_SECONDS < fh->old_taken && st.st_ctim.tv_sec + RACY_SECONDS < fh->old_taken;
		if (known)
			memcpy(out, old + n + 1, BH_SCAN_HASH_HEX);
	}
	if (!known) {
		if (!bh_scan_content_hash(scan, path, out))
			return false;
		fh->computed++;
	}
	if (stated && fh->out && !strchr(path, '\n'))
		fprintf(fh->out, "%s %s %s\n", fields, out, path);
	return true;
}

void bh_file_hashes_save_free(bh_file_hashes *fh, bh_cache *cache)
{
	if (!fh)
		return;
	if (fh->out && fclose(fh->out) == 0 && fh->computed)
		(void)bh_cache_put(cache, KIND, fh->key, fh->buf, fh->len);
	free(fh->buf);
	bh_strmap_dispose(&fh->old);
	if (fh->rootfd >= 0)
		close(fh->rootfd);
	free(fh);
}
