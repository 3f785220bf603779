// SPDX-License-Identifier: MIT
// The cache directory and its entries (include/bulkhead/cache.h).
//
// An entry `<kind>-<key>` is one header line and the payload:
//
//   bulkhead-cache <format> <kind> <key> <payload length> <checksum>\n
//
// Everything is done relative to a descriptor of the directory opened with
// O_NOFOLLOW, so swapping the path for a symlink after the open changes
// nothing, and no entry is ever opened through a symlink.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bulkhead/cache.h"
#include "bulkhead/fileio.h"
#include "bulkhead/hash.h"

// Larger entries are refused on read: a scan result of a huge project is a
// few MB; a file this large in a cache directory is not ours.
#define MAX_ENTRY_BYTES (512u << 20)
// A temporary file this old was left by a writer that died.
#define STALE_TEMP_SECONDS 3600

struct bh_cache {
	int dirfd;
};

static const char cachedir_tag[] =
	"Signature: 8a477f597d28d172789f06886806bc55\n"
	"# This file is a cache directory tag created by bulkhead.\n"
	"# For information about cache directory tags, see https://bford.info/cachedir/\n";

static const char gitignore[] = "# Created by bulkhead: its cache, safe to delete.\n*\n";

// Write `text` to a new file `name` in the directory, unless it exists.
static void create_marker(int dirfd, const char *name, const char *text)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (!bh_file_write_all(fd, text, strlen(text)))
		(void)unlinkat(dirfd, name, 0);
	close(fd);
}

char *bh_cache_default_dir(const char *context)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char real[PATH_MAX];
	// XDG: a relative XDG_CACHE_HOME is invalid and is ignored.
	bool use_xdg = xdg && xdg[0] == '/';
	const char *base = use_xdg ? xdg : home && home[0] == '/' ? home : NULL;
	if (!base || !realpath(context ? context : ".", real))
		return NULL;
	bh_hash128 h = BH_HASH128_INIT;
	bh_hash128_bytes(&h, real, strlen(real));
	char hex[33];
	bh_hash128_hex(&h, hex);
	hex[16] = '\0';
	size_t cap = strlen(base) + 64;
	char *dir = bh_xmalloc(cap);
	snprintf(dir, cap, "%s%s/bulkhead/ctx-%s", base, use_xdg ? "" : "/.cache", hex);
	return dir;
}

// The directory `name` of directory `at` (AT_FDCWD: a path), opened to
// read without following a symlink, or NULL.
static DIR *dir_at(int at, const char *name)
{
	int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d && fd >= 0)
		close(fd);
	return d;
}

// What this store writes: its entries, temporary files and markers.
static bool ours(const char *name)
{
	static const char *const prefixes[] = { "scan-", "unit-", "files-", "tmp-" };
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return strcmp(name, "CACHEDIR.TAG") == 0 || strcmp(name, ".gitignore") == 0;
}

// Remove the directory `name` of `parentfd` if it holds only our files.
static void remove_ours(int parentfd, const char *name)
{
	DIR *d = dir_at(parentfd, name);
	if (!d)
		return;
	struct dirent *e;
	bool foreign = false;
	while ((e = readdir(d)) && !foreign)
		foreign = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 && !ours(e->d_name);
	int fd = dirfd(d);
	if (!foreign && fd >= 0) {
		rewinddir(d);
		while ((e = readdir(d)))
			if (ours(e->d_name))
				(void)unlinkat(fd, e->d_name, 0);
	}
	closedir(d);
	if (!foreign)
		(void)unlinkat(parentfd, name, AT_REMOVEDIR);
}

void bh_cache_forget_stale(const char *dir, unsigned days)
{
	const char *slash = dir ? strrchr(dir, '/') : NULL;
	if (!slash || strncmp(slash + 1, "ctx-", 4) != 0)
		return;
	char *parent = bh_xstrndup(dir, (size_t)(slash - dir));
	DIR *d = dir_at(AT_FDCWD, *parent ? parent : "/");
	free(parent);
	if (!d)
		return;
	time_t cutoff = time(NULL) - (time_t)days * 86400;
	int fd = dirfd(d);
	struct dirent *e;
	while (fd >= 0 && (e = readdir(d))) {
		struct stat st;
		if (strncmp(e->d_name, "ctx-", 4) == 0 && strcmp(e->d_name, slash + 1) != 0 &&
		    fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_mtime < cutoff)
			remove_ours(fd, e->d_name);
	}
	closedir(d);
}

bool bh_cache_off_by_env(void)
{
	const char *v = getenv("BULKHEAD_NO_CACHE");
	return v && *v;
}

// mkdir -p of the directories above `dir`, private to the user.
static void make_parents(const char *dir)
{
	char *p = bh_xstrdup(dir);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	free(p);
}

bh_cache *bh_cache_open(const char *dir, bh_diags *diags)
{
	if (!dir || !*dir)
		return NULL;
	struct stat st;
	const char *why = NULL;
	if (lstat(dir, &st) != 0) {
		if (errno != ENOENT) {
			why = strerror(errno);
		} else {
			make_parents(dir);
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				why = strerror(errno);
		}
	} else if (S_ISLNK(st.st_mode)) {
		why = "it is a symlink";
	} else if (!S_ISDIR(st.st_mode)) {
		why = "it is not a directory";
	}
	int fd = why ? -1 : open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		bh_diag_add(diags, BH_LEVEL_NOTE, "cache.unusable", NULL, 0, 0,
			    "the cache directory '%s' is not used (%s); nothing was reused or stored", dir,
			    why ? why : strerror(errno));
		return NULL;
	}
	create_marker(fd, "CACHEDIR.TAG", cachedir_tag);
	create_marker(fd, ".gitignore", gitignore);
	(void)futimens(fd, NULL); // used now: bh_cache_forget_stale keeps it
	bh_cache *c = bh_xcalloc(1, sizeof(*c));
	c->dirfd = fd;
	return c;
}

void bh_cache_close(bh_cache *cache)
{
	if (!cache)
		return;
	close(cache->dirfd);
	free(cache);
}

// Kinds and keys become file names: letters, digits and '-' only.
static bool name_part_ok(const char *s)
{
	if (!s || !*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static void checksum(const char *payload, size_t len, char out[33])
{
	bh_hash128 h;
	bh_hash128_fast(&h, payload, len);
	bh_hash128_hex(&h, out);
}

static int header_of(char *buf, size_t cap, const char *kind, const char *key, const char *payload,
		     size_t len)
{
	char sum[33];
	checksum(payload, len, sum);
	return snprintf(buf, cap, "bulkhead-cache %d %s %s %zu %s\n", BH_CACHE_FORMAT, kind, key, len, sum);
}

char *bh_cache_get(bh_cache *cache, const char *kind, const char *key, size_t *len)
{
	*len = 0;
	if (!cache || !name_part_ok(kind) || !name_part_ok(key))
		return NULL;
	char name[160];
	snprintf(name, sizeof(name), "%s-%s", kind, key);
	int fd = openat(cache->dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *text = NULL;
	size_t n = 0;
	int errnum;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		  bh_file_read_fd(&text, &n, fd, MAX_ENTRY_BYTES, &errnum) == BH_OK;
	close(fd);
	const char *nl = ok ? memchr(text, '\n', n) : NULL;
	if (!nl) {
		free(text);
		return NULL;
	}
	// The payload's length is what the header says, or the entry is
	// truncated or padded; its checksum the header's, or it is corrupt.
	size_t off = (size_t)(nl - text) + 1, plen = n - off;
	char want[256];
	int hlen = header_of(want, sizeof(want), kind, key, text + off, plen);
	if (hlen < 0 || (size_t)hlen != off || memcmp(want, text, off) != 0) {
		free(text);
		return NULL;
	}
	memmove(text, text + off, plen);
	text[plen] = '\0';
	*len = plen;
	return text;
}

typedef struct {
	char name[160];
	int64_t mtime_ns;
} entry_age;

static int newest_first(const void *a, const void *b)
{
	const entry_age *x = a, *y = b;
	if (x->mtime_ns != y->mtime_ns)
		return x->mtime_ns > y->mtime_ns ? -1 : 1;
	return strcmp(x->name, y->name);
}

void bh_cache_prune(bh_cache *cache, const char *kind, size_t keep)
{
	if (!cache || !name_part_ok(kind))
		return;
	DIR *d = dir_at(cache->dirfd, ".");
	if (!d)
		return;
	BH_VEC(entry_age) entries = { 0 };
	size_t klen = strlen(kind);
	time_t now = time(NULL);
	struct dirent *e;
	while ((e = readdir(d))) {
		struct stat st;
		bool entry = strncmp(e->d_name, kind, klen) == 0 && e->d_name[klen] == '-';
		bool temp = strncmp(e->d_name, "tmp-", 4) == 0;
		if ((!entry && !temp) || strlen(e->d_name) >= sizeof(((entry_age *)0)->name) ||
		    fstatat(cache->dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (temp) {
			if (now - st.st_mtime > STALE_TEMP_SECONDS)
				(void)unlinkat(cache->dirfd, e->d_name, 0);
			continue;
		}
		entry_age a;
		memcpy(a.name, e->d_name, strlen(e->d_name) + 1); // (shorter than a.name: checked above)
		a.mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
		bh_vec_push(&entries, a);
	}
	closedir(d);
	if (entries.len > keep) {
		qsort(entries.items, entries.len, sizeof(*entries.items), newest_first);
		for (size_t i = keep; i < entries.len; i++)
			(void)unlinkat(cache->dirfd, entries.items[i].name, 0);
	}
	bh_vec_dispose(&entries);
}

bool bh_cache_touch(bh_cache *cache, const char *kind, const char *key)
{
	if (!cache || !name_part_ok(kind) || !name_part_ok(key))
		return false;
	char name[160];
	snprintf(name, sizeof(name), "%s-%s", kind, key);
	struct stat st;
	return fstatat(cache->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
	       utimensat(cache->dirfd, name, NULL, AT_SYMLINK_NOFOLLOW) == 0;
}

bool bh_cache_put(bh_cache *cache, const char *kind, const char *key, const char *payload, size_t len)
{
	if (!cache || !name_part_ok(kind) || !name_part_ok(key))
		return false;
	char header[256], name[160], temp[64];
	int hlen = header_of(header, sizeof(header), kind, key, payload, len);
	snprintf(name, sizeof(name), "%s-%s", kind, key);
	// A name no other writer uses: scans of one context at the same time
	// write their own temporary files and rename them over each other.
	static unsigned counter;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(temp, sizeof(temp), "tmp-%ld-%u-%ld", (long)getpid(), __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED),
		 (long)ts.tv_nsec);
	int fd = openat(cache->dirfd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return false;
	bool ok = hlen > 0 && bh_file_write_all(fd, header, (size_t)hlen) && bh_file_write_all(fd, payload, len);
	ok = close(fd) == 0 && ok;
	ok = ok && renameat(cache->dirfd, temp, cache->dirfd, name) == 0;
	if (!ok) {
		(void)unlinkat(cache->dirfd, temp, 0);
		return false;
	}
	return true;
}
