// SPDX-License-Identifier: MIT
// Unit tests for the analyses' entries in the scan cache
// (analyzer/driver/analysis_cache.c): the key covers every unit's IR
// digest, flags note and order and the configuration's models, and needs
// all digests; findings, diagnostics and bounds proofs read back as
// stored; an entry whose proofs are malformed is a miss that appends
// nothing, even with a valid checksum.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/cache.h"
#include "bulkhead/report.h"
#include "bulkhead/rule.h"
#include "driver/analysis_cache.h"
#include "tmpctx.h"

static char root[64];
static bh_arena *arena;
static bh_scan scan;
static bh_scan_cache sc;
static bh_units units;

static void add_unit(const char *path, const char *digest)
{
	bh_unit u = { 0 };
	u.path = path;
	bh_vec_push(&units, u);
	if (digest)
		bh_strmap_put(&sc.ir_digests, path, digest);
}

static void setup(void)
{
	cr_assert(bh_test_mkdtemp(root, sizeof(root), "analysis-cache"));
	arena = bh_arena_new();
	memset(&scan, 0, sizeof(scan));
	scan.arena = arena;
	bh_findings_init(&scan.findings, arena);
	bh_diags_init(&scan.diags, arena);
	bh_config_init(&scan.config);
	memset(&sc, 0, sizeof(sc));
	cr_assert(pthread_mutex_init(&sc.lock, NULL) == 0);
	sc.lock_ready = true;
	sc.cache = bh_cache_open(bh_arena_sprintf(arena, "%s/cache", root), &scan.diags);
	cr_assert_not_null(sc.cache);
	sc.keyed = true;
	sc.unit_base = "build and root";
	memset(&units, 0, sizeof(units));
	add_unit("src/a.c", "aaaa");
	add_unit("src/b.c", "bbbb");
}

static void teardown(void)
{
	bh_vec_dispose(&units);
	bh_scan_cache_close(&sc);
	bh_findings_dispose(&scan.findings);
	bh_diags_dispose(&scan.diags);
	bh_arena_free(arena);
	bh_test_rmtree(root);
}

TestSuite(analysis_cache, .init = setup, .fini = teardown);

static void key_of(char out[BH_SCAN_HASH_HEX])
{
	cr_assert(bh_analysis_cache_key(&sc, &scan, &units, out));
}

Test(analysis_cache, the_key_covers_each_units_ir_flags_order_and_the_models)
{
	char k0[BH_SCAN_HASH_HEX], k[BH_SCAN_HASH_HEX];
	key_of(k0);
	key_of(k);
	cr_assert_str_eq(k, k0, "the same inputs, the same key");

	bh_strmap_put(&sc.ir_digests, "src/b.c", "bbbc");
	key_of(k);
	cr_assert_str_neq(k, k0, "one unit's IR");
	bh_strmap_put(&sc.ir_digests, "src/b.c", "bbbb");

	bh_unit first = units.items[0];
	units.items[0] = units.items[1];
	units.items[1] = first;
	key_of(k);
	cr_assert_str_neq(k, k0, "the units' order");
	units.items[1] = units.items[0];
	units.items[0] = first;

	units.items[0].flags_source = BH_FLAGS_FALLBACK;
	key_of(k);
	cr_assert_str_neq(k, k0, "a unit's flags note");
	units.items[0].flags_source = units.items[1].flags_source;

	bh_vec_push(&scan.config.taint_models, "sink log_line arg0 c.command-injection");
	key_of(k);
	cr_assert_str_neq(k, k0, "the configuration's taint models");
	scan.config.taint_models.len = 0;
	bh_vec_push(&scan.config.memory_models, "free my_free arg0");
	key_of(k);
	cr_assert_str_neq(k, k0, "the configuration's memory models");
	scan.config.memory_models.len = 0;

	key_of(k);
	cr_assert_str_eq(k, k0, "back as it was");
	add_unit("src/c.c", NULL);
	cr_assert_not(bh_analysis_cache_key(&sc, &scan, &units, k), "a unit without an IR digest: no key");
	sc.keyed = false;
	units.len = 2;
	cr_assert_not(bh_analysis_cache_key(&sc, &scan, &units, k), "a scan the cache could not key");
}

Test(analysis_cache, findings_diagnostics_and_proofs_read_back)
{
	bh_findings f;
	bh_findings_init(&f, arena);
	bh_loc at = { .path = "src/a.c", .line = 7, .col = 3, .end_line = 7, .end_col = 20 };
	bh_finding *fd = bh_finding_add(&f, bh_rule_get(BH_RULE_C_STACK_BUFFER_OVERFLOW), at, "copies %d bytes", 12);
	fd->function = "copy";
	bh_finding_add_flow(&f, fd, at, "here");
	bh_diags d;
	bh_diags_init(&d, arena);
	bh_diag_add(&d, BH_LEVEL_NOTE, "taint.incomplete", "src/b.c", 4, 1, "stopped at its budget");
	bh_analysis_fits fits = { 0 };
	bh_vec_push(&fits, ((bh_loc){ .path = "dir with space/x:1.c", .line = 9, .col = 5 }));
	bh_vec_push(&fits, ((bh_loc){ .path = "src/a.c", .line = 1, .col = 1 }));

	char k[BH_SCAN_HASH_HEX];
	key_of(k);
	bh_analysis_cache_store(&sc, k, &f, &d, &fits);
	bh_analysis_fits back = { 0 };
	cr_assert(bh_analysis_cache_load(&sc, k, &scan, &back));
	cr_assert_eq(scan.findings.items.len, 1);
	const bh_finding *got = &scan.findings.items.items[0];
	cr_assert_eq(got->rule, fd->rule);
	cr_assert_str_eq(got->message, "copies 12 bytes");
	cr_assert_str_eq(got->function, "copy");
	cr_assert_eq(got->loc.line, 7);
	cr_assert_eq(got->nflow, 1);
	cr_assert_eq(scan.diags.items.len, 1);
	cr_assert_str_eq(scan.diags.items.items[0].code, "taint.incomplete");
	cr_assert_eq(back.len, 2);
	cr_assert_str_eq(back.items[0].path, "dir with space/x:1.c");
	cr_assert_eq(back.items[0].line, 9);
	cr_assert_eq(back.items[0].col, 5);
	cr_assert_str_eq(back.items[1].path, "src/a.c");

	char other[BH_SCAN_HASH_HEX];
	bh_strmap_put(&sc.ir_digests, "src/a.c", "changed");
	key_of(other);
	cr_assert_not(bh_analysis_cache_load(&sc, other, &scan, &back), "another program's key: a miss");
	bh_vec_dispose(&back);
	bh_vec_dispose(&fits);
	bh_findings_dispose(&f);
	bh_diags_dispose(&d);
}

Test(analysis_cache, malformed_proofs_are_a_miss_that_appends_nothing)
{
	// The report an empty scan writes (a valid one: only the proofs are at fault).
	char *report = NULL;
	size_t report_len = 0;
	FILE *m = open_memstream(&report, &report_len);
	cr_assert_not_null(m);
	bh_report r = { .tool_version = BH_VERSION, .findings = &scan.findings, .diags = &scan.diags };
	cr_assert(bh_report_json(m, &r) == BH_OK);
	fclose(m);
	static const char *const fits[] = {
		"1 2 3:abc\n",          // well formed: the one hit
		"1 2 3:abc",            // no newline
		"1 2 9:abc\n",          // longer than the section
		"1 2 2:abc\n",          // shorter: no newline where it ends
		"x 2 3:abc\n",          // not a number
		"1 2 3 abc\n",          // no colon
		"99999999999 2 3:abc\n", // beyond a line number
		"1 2 3:a\0c\n",          // a NUL in the path
	};
	static const size_t lens[] = { 10, 9, 10, 10, 10, 10, 20, 10 };
	for (size_t i = 0; i < sizeof(fits) / sizeof(*fits); i++) {
		char *payload = bh_arena_sprintf(arena, "fits %zu\n", lens[i]);
		size_t head = strlen(payload);
		char *whole = bh_arena_alloc(arena, head + lens[i] + 64 + report_len + 1);
		memcpy(whole, payload, head);
		memcpy(whole + head, fits[i], lens[i]);
		int n = sprintf(whole + head + lens[i], "report %zu\n%s", report_len, report);
		char key[] = "0000000000000000000000000000000000000000000000000000000000000000";
		key[0] = (char)('a' + i);
		cr_assert(bh_cache_put(sc.cache, "analysis", key, whole, head + lens[i] + (size_t)n));
		bh_analysis_fits back = { 0 };
		cr_assert_eq(bh_analysis_cache_load(&sc, key, &scan, &back), i == 0, "record %zu", i);
		cr_assert_eq(back.len, i == 0, "record %zu", i);
		cr_assert_eq(scan.findings.items.len + scan.diags.items.len, 0, "record %zu", i);
		bh_vec_dispose(&back);
	}
	free(report);
}
