// SPDX-License-Identifier: MIT
// Unit tests for the cache store (analyzer/cache/cache_store.c): entries
// read back as written; truncated, corrupt, foreign and symlinked entries
// are misses; a symlinked or non-directory cache is refused; concurrent
// writers leave a whole entry; old entries and dead writers' temporary
// files are pruned. Each test works in a fresh mkdtemp directory.
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/cache.h"
#include "bulkhead/diag.h"
#include "tmpctx.h"

static char root[64];
static char dir[128];
static bh_arena *arena;
static bh_diags diags;

static const char key[] = "0123456789abcdef0123456789abcdef";

static void setup(void)
{
	cr_assert(bh_test_mkdtemp(root, sizeof(root), "cache"));
	snprintf(dir, sizeof(dir), "%s/a/b/cache", root);
	arena = bh_arena_new();
	bh_diags_init(&diags, arena);
}

static void teardown(void)
{
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	bh_test_rmtree(root);
}

TestSuite(cache, .init = setup, .fini = teardown);

static char *entry_path(const char *kind, const char *k)
{
	return bh_arena_sprintf(arena, "%s/%s-%s", dir, kind, k);
}

static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char *buf = bh_xmalloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void write_whole(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

Test(cache, an_entry_reads_back_as_written_and_the_directory_is_marked)
{
	bh_cache *c = bh_cache_open(dir, &diags);
	cr_assert_not_null(c, "parents are created");
	static const char payload[] = "outside 1 2 3 /x.h\nreport\n{\"a\": \"\\u0000\"}\n\0tail";
	cr_assert(bh_cache_put(c, "scan", key, payload, sizeof(payload)));
	size_t len = 0;
	char *got = bh_cache_get(c, "scan", key, &len);
	cr_assert_not_null(got);
	cr_assert_eq(len, sizeof(payload));
	cr_assert_eq(memcmp(got, payload, len), 0, "NUL bytes and all");
	free(got);
	cr_assert_null(bh_cache_get(c, "scan", "ffffffffffffffffffffffffffffffff", &len), "another key is a miss");
	cr_assert_null(bh_cache_get(c, "other", key, &len), "another kind is a miss");
	cr_assert_null(bh_cache_get(c, "scan", "../../etc/passwd", &len), "a key is no path");
	cr_assert_not(bh_cache_put(c, "scan", "../x", "a", 1));
	struct stat st;
	cr_assert_eq(stat(bh_arena_sprintf(arena, "%s/CACHEDIR.TAG", dir), &st), 0);
	cr_assert_eq(stat(bh_arena_sprintf(arena, "%s/.gitignore", dir), &st), 0);
	cr_assert_eq(stat(dir, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700, "private to the user");
	cr_assert_eq(diags.items.len, 0);
	bh_cache_close(c);
}

Test(cache, truncated_corrupt_padded_and_renamed_entries_are_misses)
{
	bh_cache *c = bh_cache_open(dir, &diags);
	const char payload[] = "report\n{\"findings\": [1, 2, 3]}\n";
	cr_assert(bh_cache_put(c, "scan", key, payload, strlen(payload)));
	size_t len;
	char *whole = read_whole(entry_path("scan", key), &len);
	char *copy = bh_xmalloc(len + 8);

	// Truncated at every length: never a hit.
	for (size_t cut = 0; cut < len; cut++) {
		write_whole(entry_path("scan", key), whole, cut);
		size_t n;
		char *got = bh_cache_get(c, "scan", key, &n);
		cr_assert_null(got, "truncated to %zu of %zu bytes", cut, len);
	}
	// One byte changed anywhere: a miss.
	for (size_t i = 0; i < len; i++) {
		memcpy(copy, whole, len);
		copy[i] ^= 0x20;
		write_whole(entry_path("scan", key), copy, len);
		size_t n;
		char *got = bh_cache_get(c, "scan", key, &n);
		cr_assert_null(got, "byte %zu flipped", i);
	}
	// Bytes appended: a miss.
	memcpy(copy, whole, len);
	memcpy(copy + len, "extra", 5);
	write_whole(entry_path("scan", key), copy, len + 5);
	size_t n;
	cr_assert_null(bh_cache_get(c, "scan", key, &n));
	// A valid entry of another key renamed to this one: a miss.
	const char other[] = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
	cr_assert(bh_cache_put(c, "scan", other, payload, strlen(payload)));
	cr_assert_eq(rename(entry_path("scan", other), entry_path("scan", key)), 0);
	cr_assert_null(bh_cache_get(c, "scan", key, &n));
	// Another format version's header, all else the same: a miss. (The
	// version is the header's second word.)
	const char *after_version = strchr(strchr(whole, ' ') + 1, ' ');
	char *next = bh_arena_sprintf(arena, "bulkhead-cache %d%s", BH_CACHE_FORMAT + 1, after_version);
	cr_assert_str_neq(next, whole);
	write_whole(entry_path("scan", key), next, strlen(next));
	cr_assert_null(bh_cache_get(c, "scan", key, &n));
	// Written whole again: a hit.
	write_whole(entry_path("scan", key), whole, len);
	char *got = bh_cache_get(c, "scan", key, &n);
	cr_assert_not_null(got);
	free(got);
	free(copy);
	free(whole);
	bh_cache_close(c);
}

Test(cache, symlinks_are_never_followed)
{
	bh_cache *c = bh_cache_open(dir, &diags);
	const char payload[] = "report\n{}";
	// An entry that is a symlink to a valid entry elsewhere: a miss.
	char *elsewhere = bh_arena_sprintf(arena, "%s/elsewhere", root);
	bh_cache *e = bh_cache_open(elsewhere, &diags);
	cr_assert(bh_cache_put(e, "scan", key, payload, strlen(payload)));
	cr_assert_eq(symlink(bh_arena_sprintf(arena, "%s/scan-%s", elsewhere, key), entry_path("scan", key)), 0);
	size_t n;
	cr_assert_null(bh_cache_get(c, "scan", key, &n));
	bh_cache_close(e);
	bh_cache_close(c);

	// A cache directory that is a symlink, or a file: refused, with a note.
	char *link = bh_arena_sprintf(arena, "%s/link", root);
	cr_assert_eq(symlink(elsewhere, link), 0);
	cr_assert_null(bh_cache_open(link, &diags));
	cr_assert_eq(diags.items.len, 1);
	cr_assert_str_eq(diags.items.items[0].code, "cache.unusable");
	cr_assert_eq(diags.items.items[0].level, BH_LEVEL_NOTE);
	cr_assert(strstr(diags.items.items[0].message, "symlink"));
	cr_assert(bh_test_write(root, "file", "x", 1));
	cr_assert_null(bh_cache_open(bh_arena_sprintf(arena, "%s/file", root), &diags));
	cr_assert_eq(diags.items.len, 2);
}

typedef struct {
	const char *payload;
	size_t len;
} writer_arg;

static void *writer(void *data)
{
	writer_arg *a = data;
	bh_diags d;
	bh_arena *ar = bh_arena_new();
	bh_diags_init(&d, ar);
	bh_cache *c = bh_cache_open(dir, &d);
	for (int i = 0; i < 50; i++)
		(void)bh_cache_put(c, "scan", key, a->payload, a->len);
	bh_cache_close(c);
	bh_diags_dispose(&d);
	bh_arena_free(ar);
	return NULL;
}

Test(cache, concurrent_writers_leave_one_whole_entry)
{
	// Two payloads of different sizes written 50 times each at once:
	// every read sees one of them whole.
	char *big = bh_xmalloc(200000);
	memset(big, 'b', 200000);
	writer_arg args[2] = { { "small", 5 }, { big, 200000 } };
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		cr_assert_eq(pthread_create(&t[i], NULL, writer, &args[i]), 0);
	bh_cache *c = bh_cache_open(dir, &diags);
	int hits = 0;
	for (int i = 0; i < 200; i++) {
		size_t n;
		char *got = bh_cache_get(c, "scan", key, &n);
		if (got) {
			hits++;
			cr_assert(n == 5 ? memcmp(got, "small", 5) == 0 : n == 200000 && memcmp(got, big, n) == 0);
		}
		free(got);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	size_t n;
	char *got = bh_cache_get(c, "scan", key, &n);
	cr_assert_not_null(got, "the last rename wins, whole");
	cr_assert(n == 5 || n == 200000);
	free(got);
	(void)hits;
	bh_cache_close(c);
	free(big);
}

Test(cache, old_entries_and_dead_writers_files_are_pruned)
{
	bh_cache *c = bh_cache_open(dir, &diags);
	char keys[5][33];
	for (int i = 0; i < 5; i++) {
		snprintf(keys[i], sizeof(keys[i]), "%032d", i);
		cr_assert(bh_cache_put(c, "scan", keys[i], "x", 1));
		// Oldest first, seconds apart: the order does not rest on a clock tick.
		struct timeval tv[2] = { { 1000 + i, 0 }, { 1000 + i, 0 } };
		cr_assert_eq(utimes(entry_path("scan", keys[i]), tv), 0);
	}
	// A temporary file of a writer that died two hours ago, and one of a
	// writer still at work.
	char *dead = bh_arena_sprintf(arena, "%s/tmp-1-2-3", dir), *live = bh_arena_sprintf(arena, "%s/tmp-4-5-6", dir);
	write_whole(dead, "x", 1);
	write_whole(live, "x", 1);
	struct timeval old[2] = { { time(NULL) - 7200, 0 }, { time(NULL) - 7200, 0 } };
	cr_assert_eq(utimes(dead, old), 0);

	const char newest[] = "ffffffffffffffffffffffffffffffff";
	cr_assert(bh_cache_put(c, "scan", newest, "y", 1));
	// The oldest used again without a write: it is as new as one.
	cr_assert(bh_cache_touch(c, "scan", keys[0]));
	cr_assert_not(bh_cache_touch(c, "scan", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"));
	bh_cache_prune(c, "scan", 3);
	size_t n;
	char *got;
	cr_assert_not_null(got = bh_cache_get(c, "scan", newest, &n));
	free(got);
	cr_assert_not_null(got = bh_cache_get(c, "scan", keys[0], &n));
	cr_assert_str_eq(got, "x");
	free(got);
	cr_assert_not_null(got = bh_cache_get(c, "scan", keys[4], &n));
	free(got);
	for (int i = 1; i < 4; i++)
		cr_assert_null(bh_cache_get(c, "scan", keys[i], &n), "entry %d is among the oldest", i);
	struct stat st;
	cr_assert_neq(stat(dead, &st), 0);
	cr_assert_eq(stat(live, &st), 0);
	cr_assert_eq(stat(bh_arena_sprintf(arena, "%s/CACHEDIR.TAG", dir), &st), 0, "markers are no entries");
	bh_cache_close(c);
}

Test(cache, the_default_directory_is_per_context_under_the_users_cache)
{
	cr_assert_eq(setenv("XDG_CACHE_HOME", "/somewhere/cache", 1), 0);
	char *a = bh_cache_default_dir(root);
	char *b = bh_cache_default_dir(bh_arena_sprintf(arena, "%s/./", root));
	cr_assert_not_null(a);
	cr_assert_str_eq(a, b, "one directory per real path");
	cr_assert_eq(strncmp(a, "/somewhere/cache/bulkhead/ctx-", 30), 0, "%s", a);
	char *other = bh_cache_default_dir("/");
	cr_assert_str_neq(a, other);
	// A relative XDG_CACHE_HOME is ignored (the XDG rule): $HOME/.cache.
	cr_assert_eq(setenv("XDG_CACHE_HOME", "relative", 1), 0);
	cr_assert_eq(setenv("HOME", "/home/u", 1), 0);
	char *home = bh_cache_default_dir(root);
	cr_assert_eq(strncmp(home, "/home/u/.cache/bulkhead/ctx-", 28), 0, "%s", home);
	cr_assert_null(bh_cache_default_dir(bh_arena_sprintf(arena, "%s/missing", root)));
	free(a);
	free(b);
	free(other);
	free(home);
}

static void age_dir(const char *path, long days)
{
	struct timeval tv[2] = { { time(NULL) - days * 86400, 0 }, { time(NULL) - days * 86400, 0 } };
	cr_assert_eq(utimes(path, tv), 0, "%s", path);
}

Test(cache, caches_of_contexts_unused_for_a_month_are_removed)
{
	char *base = bh_arena_sprintf(arena, "%s/bulkhead", root);
	char *old = bh_arena_sprintf(arena, "%s/ctx-old", base), *foreign = bh_arena_sprintf(arena, "%s/ctx-foreign", base);
	char *recent = bh_arena_sprintf(arena, "%s/ctx-recent", base), *other = bh_arena_sprintf(arena, "%s/other", base);
	char *current = bh_arena_sprintf(arena, "%s/ctx-current", base);
	const char *dirs[] = { old, foreign, recent, current };
	for (size_t i = 0; i < 4; i++) {
		bh_cache *c = bh_cache_open(dirs[i], &diags);
		cr_assert(bh_cache_put(c, "scan", key, "x", 1));
		bh_cache_close(c);
	}
	cr_assert(bh_test_write(root, "bulkhead/ctx-foreign/notes.txt", "mine", 4));
	cr_assert_eq(mkdir(other, 0700), 0);
	age_dir(old, 40);
	age_dir(foreign, 40);
	age_dir(recent, 5);
	age_dir(other, 40);
	age_dir(current, 40); // the one in use is never removed
	bh_cache_forget_stale(current, 30);
	struct stat st;
	cr_assert_neq(stat(old, &st), 0, "an old cache of our files only goes");
	cr_assert_eq(stat(foreign, &st), 0, "a directory with a file not ours stays");
	cr_assert_eq(stat(bh_arena_sprintf(arena, "%s/notes.txt", foreign), &st), 0);
	cr_assert_eq(stat(recent, &st), 0);
	cr_assert_eq(stat(other, &st), 0, "only ctx-* directories are considered");
	cr_assert_eq(stat(current, &st), 0);
	// Opening a cache marks it used.
	bh_cache *c = bh_cache_open(old, &diags);
	bh_cache_close(c);
	age_dir(recent, 40);
	bh_cache *r = bh_cache_open(recent, &diags);
	bh_cache_close(r);
	bh_cache_forget_stale(current, 30);
	cr_assert_eq(stat(recent, &st), 0, "opened just now");
	// A path that is not of the default layout: nothing happens.
	bh_cache_forget_stale(root, 30);
	bh_cache_forget_stale(NULL, 30);
}
