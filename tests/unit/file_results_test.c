// SPDX-License-Identifier: MIT
// Unit tests for the per-file results kept between scans
// (analyzer/driver/file_results.c): a stored result reads back for the
// same path, scope and bytes, and not for other bytes, another scope or
// another stage; a result a time limit cut short is not kept; a damaged
// entry holds nothing.
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/cache.h"
#include "bulkhead/rule.h"
#include "bulkhead/tsc.h"
#include "driver/file_results.h"
#include "tmpctx.h"

static char root[64];
static bh_arena *arena;
static bh_diags notes;
static bh_scan_cache sc;

static void setup(void)
{
	cr_assert(bh_test_mkdtemp(root, sizeof(root), "file-results"));
	arena = bh_arena_new();
	bh_diags_init(&notes, arena);
	memset(&sc, 0, sizeof(sc));
	cr_assert(pthread_mutex_init(&sc.lock, NULL) == 0);
	sc.lock_ready = true;
	sc.cache = bh_cache_open(bh_arena_sprintf(arena, "%s/cache", root), &notes);
	cr_assert_not_null(sc.cache);
	sc.keyed = true;
	sc.unit_base = "build and root";
	bh_strmap_put(&sc.hashes, "src/a.c", "aaaa");
	bh_strmap_put(&sc.hashes, "src/b.h", "bbbb");
}

static void teardown(void)
{
	bh_scan_cache_close(&sc);
	bh_diags_dispose(&notes);
	bh_arena_free(arena);
	bh_test_rmtree(root);
}

TestSuite(file_results, .init = setup, .fini = teardown);

// One stage's scan: look `path` up; on a miss, store one finding (and
// `timeout`: a tsc.timeout note). Returns whether it was a hit and, on a
// hit, the finding's message.
static bool check_file(bh_file_results *fr, const char *path, bh_tsc_scope scope, bool timeout,
		       const char **message)
{
	bh_file_cache c = bh_file_results_cache(fr);
	bh_findings found;
	bh_findings_init(&found, arena);
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bool hit = c.lookup(c.payload, path, scope, &found, &diags);
	if (hit) {
		cr_assert_eq(found.items.len, 1);
		*message = found.items.items[0].message;
	} else {
		cr_assert_eq(found.items.len + diags.items.len, 0, "a miss leaves nothing behind");
		bh_loc at = { path, 3, 1, 3, 9 };
		bh_finding_add(&found, bh_rule_get(BH_RULE_C_GETS), at, "seen in %s", path);
		if (timeout)
			bh_diag_add(&diags, BH_LEVEL_WARNING, "tsc.timeout", path, 1, 1, "parse stopped");
		c.store(c.payload, path, scope, &found, &diags);
	}
	bh_findings_dispose(&found);
	bh_diags_dispose(&diags);
	return hit;
}

Test(file_results, a_result_reads_back_for_the_same_bytes_only)
{
	const char *msg = NULL;
	bh_file_results *fr = bh_file_results_open(&sc, "tsc");
	cr_assert_not(check_file(fr, "src/a.c", BH_TSC_FULL, false, &msg));
	cr_assert_not(check_file(fr, "src/b.h", BH_TSC_FULL, true, &msg));
	size_t hits, made;
	bh_file_results_counts(fr, &hits, &made);
	cr_assert(hits == 0 && made == 1, "the timed-out result is not kept");
	bh_file_results_close(fr, true);

	fr = bh_file_results_open(&sc, "tsc");
	cr_assert(check_file(fr, "src/a.c", BH_TSC_FULL, false, &msg));
	cr_assert_str_eq(msg, "seen in src/a.c");
	cr_assert_not(check_file(fr, "src/a.c", BH_TSC_MACROS, false, &msg), "another scope");
	cr_assert_not(check_file(fr, "src/b.h", BH_TSC_FULL, false, &msg), "not kept: checked again");
	bh_file_results_close(fr, true);

	bh_file_results *other = bh_file_results_open(&sc, "another stage");
	cr_assert_not(check_file(other, "src/a.c", BH_TSC_FULL, false, &msg));
	bh_file_results_close(other, false);

	bh_strmap_put(&sc.hashes, "src/a.c", "aaab");
	fr = bh_file_results_open(&sc, "tsc");
	cr_assert_not(check_file(fr, "src/a.c", BH_TSC_FULL, false, &msg), "other bytes");
	cr_assert_not(check_file(fr, "src/c.c", BH_TSC_FULL, false, &msg), "bytes unknown");
	bh_file_results_close(fr, false);

	sc.keyed = false;
	cr_assert_null(bh_file_results_open(&sc, "tsc"), "no keyed cache, no results");
}

Test(file_results, a_damaged_entry_holds_nothing)
{
	const char *msg = NULL;
	bh_file_results *fr = bh_file_results_open(&sc, "tsc");
	cr_assert_not(check_file(fr, "src/a.c", BH_TSC_FULL, false, &msg));
	bh_file_results_close(fr, true);
	// Rewrite the entry one byte short (the cache's checksum is made
	// anew: the damage is the format's to find).
	DIR *d = opendir(bh_arena_sprintf(arena, "%s/cache", root));
	cr_assert_not_null(d);
	const char *key = NULL;
	for (struct dirent *e; (e = readdir(d));)
		if (strncmp(e->d_name, "files-", 6) == 0)
			key = bh_arena_strdup(arena, e->d_name + 6);
	closedir(d);
	cr_assert_not_null(key);
	size_t len = 0;
	char *payload = bh_cache_get(sc.cache, "files", key, &len);
	cr_assert_not_null(payload);
	cr_assert(bh_cache_put(sc.cache, "files", key, payload, len - 1));
	free(payload);
	fr = bh_file_results_open(&sc, "tsc");
	cr_assert_not(check_file(fr, "src/a.c", BH_TSC_FULL, false, &msg));
	bh_file_results_close(fr, false);
}

// Two workers, each storing and then finding results of files of its own.
typedef struct {
	bh_file_results *fr;
	int worker;
	int hits;
} worker_args;

static void *worker(void *data)
{
	worker_args *w = data;
	bh_file_cache c = bh_file_results_cache(w->fr);
	bh_arena *a = bh_arena_new();
	for (int round = 0; round < 2; round++)
		for (int i = w->worker; i < 200; i += 2) {
			char path[32];
			snprintf(path, sizeof(path), "src/f%d.c", i);
			bh_findings found;
			bh_findings_init(&found, a);
			bh_diags diags;
			bh_diags_init(&diags, a);
			if (c.lookup(c.payload, path, 1, &found, &diags)) {
				w->hits += found.items.len == 1;
			} else {
				bh_loc at = { path, 1, 1, 1, 2 };
				bh_finding_add(&found, bh_rule_get(BH_RULE_C_GETS), at, "in %s", path);
				c.store(c.payload, path, 1, &found, &diags);
			}
			bh_findings_dispose(&found);
			bh_diags_dispose(&diags);
		}
	bh_arena_free(a);
	return NULL;
}

Test(file_results, workers_share_one_set)
{
	for (int i = 0; i < 200; i++) {
		char path[32], hash[16];
		snprintf(path, sizeof(path), "src/f%d.c", i);
		snprintf(hash, sizeof(hash), "h%d", i);
		bh_strmap_put(&sc.hashes, path, hash);
	}
	bh_file_results *fr = bh_file_results_open(&sc, "secrets");
	worker_args w[2] = { { fr, 0, 0 }, { fr, 1, 0 } };
	pthread_t t;
	cr_assert(pthread_create(&t, NULL, worker, &w[1]) == 0);
	worker(&w[0]);
	pthread_join(t, NULL);
	cr_assert_eq(w[0].hits + w[1].hits, 200, "every file stored in the first round is found in the second");
	size_t hits, made;
	bh_file_results_counts(fr, &hits, &made);
	cr_assert(hits == 200 && made == 200);
	bh_file_results_close(fr, true);
}
