// SPDX-License-Identifier: MIT
// Unit tests for the wire format (analyzer/core/wire.c) and the traces
// analyses reuse across scans (analyzer/dataflow/reuse.c): values read
// back as written and malformed bytes are refused; a saved trace is found
// again only while its members' digests and every read's digest hold;
// every truncation or corruption of saved traces is refused whole; the
// places in traces (analyzer/dataflow/places.c, reuse_results.c) read
// back where their functions are now.
#include <criterion/criterion.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/rule.h"
#include "bulkhead/wire.h"
#include "dataflow/places.h"
#include "dataflow/reuse_internal.h"

Test(wire, values_read_back_as_written)
{
	bh_bytes b = { 0 };
	bh_loc loc = { "src/a b.c", 7, 3, 9, 12 };
	bh_wire_u(&b, 0);
	bh_wire_u(&b, UINT64_MAX);
	bh_wire_s(&b, INT64_MIN);
	bh_wire_s(&b, -5);
	bh_wire_str(&b, NULL);
	bh_wire_str(&b, "");
	bh_wire_str(&b, "héllo");
	bh_wire_blob(&b, "\0\1\2", 3);
	bh_wire_loc(&b, &loc);
	bh_wire_reader r = bh_wire_reader_of(b.items, b.len);
	cr_assert_eq(bh_wire_get_u(&r), 0);
	cr_assert_eq(bh_wire_get_u(&r), UINT64_MAX);
	cr_assert_eq(bh_wire_get_s(&r), INT64_MIN);
	cr_assert_eq(bh_wire_get_s(&r), -5);
	cr_assert_null(bh_wire_get_str(&r));
	cr_assert_str_eq(bh_wire_get_str(&r), "");
	cr_assert_str_eq(bh_wire_get_str(&r), "héllo");
	size_t n;
	const unsigned char *blob = bh_wire_get_blob(&r, &n);
	cr_assert_not_null(blob);
	cr_assert_eq(n, 3);
	cr_assert_eq(blob[2], 2);
	bh_loc back = bh_wire_get_loc(&r);
	cr_assert_str_eq(back.path, "src/a b.c");
	cr_assert(back.line == 7 && back.col == 3 && back.end_line == 9 && back.end_col == 12);
	cr_assert(bh_wire_done(&r));
	// Every truncation fails somewhere, and reads after a failure give nothing.
	for (size_t cut = 0; cut < b.len; cut++) {
		bh_wire_reader t = bh_wire_reader_of(b.items, cut);
		(void)bh_wire_get_u(&t), (void)bh_wire_get_u(&t), (void)bh_wire_get_s(&t), (void)bh_wire_get_s(&t);
		(void)bh_wire_get_str(&t), (void)bh_wire_get_str(&t), (void)bh_wire_get_str(&t);
		(void)bh_wire_get_blob(&t, &n), (void)bh_wire_get_loc(&t);
		cr_assert_not(bh_wire_done(&t), "cut at %zu", cut);
	}
	bh_vec_dispose(&b);
}

Test(wire, malformed_bytes_are_refused)
{
	// Eleven continuation bytes: beyond 64 bits.
	static const unsigned char overlong[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
	bh_wire_reader r = bh_wire_reader_of(overlong, sizeof(overlong));
	(void)bh_wire_get_u(&r);
	cr_assert_not(r.ok);
	// A string whose last byte is not a NUL, and one with a NUL inside.
	static const unsigned char no_nul[] = { 4, 'a', 'b', 'c' };
	r = bh_wire_reader_of(no_nul, sizeof(no_nul));
	cr_assert_null(bh_wire_get_str(&r));
	cr_assert_not(r.ok);
	static const unsigned char inner_nul[] = { 4, 'a', 0, 'c', 0 };
	r = bh_wire_reader_of(inner_nul, sizeof(inner_nul));
	cr_assert_null(bh_wire_get_str(&r));
	// A length beyond the bytes left; a number above its bound.
	static const unsigned char long_blob[] = { 9, 1, 2 };
	r = bh_wire_reader_of(long_blob, sizeof(long_blob));
	size_t n;
	cr_assert_null(bh_wire_get_blob(&r, &n));
	static const unsigned char big[] = { 0x80, 0x01 };
	r = bh_wire_reader_of(big, sizeof(big));
	cr_assert_eq(bh_wire_get_max(&r, 100), 0);
	cr_assert_not(r.ok);
}

// ------------------------------------------------------------------ reuse

// A program of three functions, 0 calling 1 and 2 (only the counts and
// the identities matter to bh_reuse).
static bh_callgraph graph;
static bh_callgraph_ids ids;
static const char *names[3] = { "c:@F@main\x1fmain.c", "c:@F@make\x1futil.c", "c:@F@drop\x1futil.c" };
static unsigned char digests[3][BH_SHA256_LEN];

static bh_ir_func funcs[3];
static const bh_ir_func *func_ptrs[3];

static void setup(void)
{
	memset(&graph, 0, sizeof(graph));
	static const bh_loc at[3] = { { "main.c", 3, 1, 9, 2 }, { "util.c", 2, 1, 4, 2 }, { "util.c", 6, 1, 8, 2 } };
	for (int i = 0; i < 3; i++) {
		memset(&funcs[i], 0, sizeof(funcs[i]));
		funcs[i].loc = at[i];
		func_ptrs[i] = &funcs[i];
	}
	graph.funcs = func_ptrs;
	graph.nfuncs = 3;
	for (int i = 0; i < 3; i++)
		memset(digests[i], 'a' + i, BH_SHA256_LEN);
	ids.n = 3;
	ids.names = names;
	ids.digests = digests;
}

TestSuite(reuse, .init = setup);

// The run of a scan: 1 and 2 analysed, then 0, which reads both.
static bh_reuse *first_run(void)
{
	bh_reuse *r = bh_reuse_new("memory");
	bh_reuse__begin(r, &graph, &ids);
	for (size_t n = 1; n <= 2; n++) {
		bh_reuse__start(r, &n, 1, 0);
		bh_reuse__set_summary(r, n, n == 1 ? "make" : "drop", 4);
		bh_bytes out = { 0 };
		bh_wire_str(&out, n == 1 ? "outputs of make" : "outputs of drop");
		bh_reuse__finish(r, &out);
	}
	size_t root = 0;
	bh_reuse__start(r, &root, 1, 0);
	bh_reuse__note_summary(r, 1);
	bh_reuse__note_summary(r, 2);
	bh_reuse__note_summary(r, 1); // twice: once in the trace
	bh_reuse__set_summary(r, 0, "main", 4);
	bh_bytes out = { 0 };
	bh_wire_str(&out, "outputs of main");
	bh_reuse__finish(r, &out);
	return r;
}

static bh_reuse *load_bytes(const bh_bytes *saved, bool *loaded)
{
	bh_reuse *r = bh_reuse_new("memory");
	*loaded = bh_reuse_load(r, saved->items, saved->len);
	bh_reuse__begin(r, &graph, &ids);
	return r;
}

// What `from` saves (its members named and digested as they are now).
static bh_reuse *reload(const bh_reuse *from, bool *loaded)
{
	bh_bytes saved = { 0 };
	bh_reuse_save(from, &saved);
	bh_reuse *r = load_bytes(&saved, loaded);
	bh_vec_dispose(&saved);
	return r;
}

// Replay 1 and 2 as stored (or give them new summaries); then whether
// 0's trace holds (replayed if so).
static bool main_holds(bh_reuse *r)
{
	for (size_t n = 1; n <= 2; n++) {
		const bh_reuse__trace *t = bh_reuse__find(r, &n, 1, 0, NULL, NULL);
		if (t)
			bh_reuse__replayed(r, t, &n, 0);
		else
			bh_reuse__set_summary(r, n, "changed", 7);
	}
	size_t root = 0;
	const bh_reuse__trace *t = bh_reuse__find(r, &root, 1, 0, NULL, NULL);
	if (t)
		bh_reuse__replayed(r, t, &root, 0);
	return t != NULL;
}

Test(reuse, a_trace_holds_while_its_members_and_reads_do)
{
	bh_reuse *r1 = first_run();
	size_t replayed, analysed;
	bh_reuse_counts(r1, &replayed, &analysed);
	cr_assert_eq(analysed, 3);
	bool loaded;
	bh_reuse *r2 = reload(r1, &loaded);
	cr_assert(loaded);
	cr_assert(main_holds(r2), "nothing changed: every trace holds");
	size_t node = 1;
	const bh_reuse__trace *t = bh_reuse__find(r2, &node, 1, 0, NULL, NULL);
	cr_assert_not_null(t);
	size_t len;
	const char *out = bh_reuse__outputs(t, &len);
	bh_wire_reader rd = bh_wire_reader_of(out, len);
	cr_assert_str_eq(bh_wire_get_str(&rd), "outputs of make");
	cr_assert_null(bh_reuse__find(r2, &node, 1, 1, NULL, NULL), "recorded for round 0 only");

	// The replayed run saves what it replayed: a third run finds it all.
	// Everything replayed as stored: saving would write what was loaded.
	cr_assert_not(bh_reuse_as_loaded(r1));
	cr_assert(bh_reuse_as_loaded(r2));
	bh_reuse *r3 = reload(r2, &loaded);
	cr_assert(loaded && main_holds(r3));

	// make()'s IR changed: its trace no longer holds, and main's read of
	// its summary (now another) does not either.
	bh_bytes first = { 0 };
	bh_reuse_save(r1, &first);
	memset(digests[1], 'z', BH_SHA256_LEN);
	bh_reuse *r4 = load_bytes(&first, &loaded);
	cr_assert_not(main_holds(r4));
	cr_assert_not(bh_reuse_as_loaded(r4));
	// ... but main's own IR changing is enough too.
	memset(digests[1], 'b', BH_SHA256_LEN);
	memset(digests[0], 'y', BH_SHA256_LEN);
	bh_reuse *r5 = load_bytes(&first, &loaded);
	cr_assert_not(main_holds(r5));
	memset(digests[0], 'a', BH_SHA256_LEN);
	// A function gone from the program: a read of it never holds.
	static const char *renamed[3] = { "c:@F@main\x1fmain.c", "c:@F@make2\x1futil.c", "c:@F@drop\x1futil.c" };
	ids.names = renamed;
	bh_reuse *r6 = load_bytes(&first, &loaded);
	cr_assert_not(main_holds(r6));
	ids.names = names;
	bh_vec_dispose(&first);
	bh_reuse_free(r1);
	bh_reuse_free(r2);
	bh_reuse_free(r3);
	bh_reuse_free(r4);
	bh_reuse_free(r5);
	bh_reuse_free(r6);
}

Test(reuse, damaged_or_foreign_traces_are_refused_whole)
{
	bh_reuse *r1 = first_run();
	bh_bytes saved = { 0 };
	bh_reuse_save(r1, &saved);
	for (size_t cut = 0; cut < saved.len; cut++) {
		bh_reuse *r = bh_reuse_new("memory");
		cr_assert_not(bh_reuse_load(r, saved.items, cut), "cut at %zu", cut);
		bh_reuse_free(r);
	}
	bh_reuse *other = bh_reuse_new("taint");
	cr_assert_not(bh_reuse_load(other, saved.items, saved.len), "another analysis' traces");
	bh_reuse_free(other);
	// Flipped bytes: refused, or read as other traces (the cache's
	// checksum catches damage first; these must still never crash).
	for (size_t i = 0; i < saved.len; i++) {
		saved.items[i] ^= 0x41;
		bh_reuse *r = bh_reuse_new("memory");
		if (bh_reuse_load(r, saved.items, saved.len)) {
			bh_reuse__begin(r, &graph, &ids);
			(void)main_holds(r);
		}
		bh_reuse_free(r);
		saved.items[i] ^= 0x41;
	}
	// An invalidated run saves no trace.
	bh_reuse__invalidate(r1);
	bool loaded;
	bh_reuse *r2 = reload(r1, &loaded);
	cr_assert(loaded);
	cr_assert_not(main_holds(r2));
	bh_vec_dispose(&saved);
	bh_reuse_free(r1);
	bh_reuse_free(r2);
}

// ----------------------------------------------------------------- places

// Functions as the front end places them: 0 and 1 in a.c, 2 and 3 written
// by one macro on one line of b.c (3 the shorter: inner), in `pgraph`.
static bh_ir_func pfns[4];
static const bh_ir_func *pfn_ptrs[4];
static bh_callgraph pgraph;
static bh_callgraph_ids pids;
static const char *pnames[4] = { "f0\x1f" "a.c", "f1\x1f" "a.c", "g0\x1f" "b.c", "g1\x1f" "b.c" };
static unsigned char pdigests[4][BH_SHA256_LEN];

// Definitions at their lines; `shift` moves a.c's functions down.
static void place_functions(uint32_t shift)
{
	memset(&pgraph, 0, sizeof(pgraph));
	const bh_loc at[4] = { { "a.c", 10 + shift, 1, 20 + shift, 2 },
			       { "a.c", 30 + shift, 1, 40 + shift, 2 },
			       { "b.c", 5, 1, 6, 9 },
			       { "b.c", 5, 20, 5, 40 } };
	for (int i = 0; i < 4; i++) {
		memset(&pfns[i], 0, sizeof(pfns[i]));
		pfns[i].loc = at[i];
		pfn_ptrs[i] = &pfns[i];
	}
	pgraph.funcs = pfn_ptrs;
	pgraph.nfuncs = 4;
	pids.n = 4;
	pids.names = pnames;
	pids.digests = pdigests;
}

Test(places, the_holder_is_the_innermost_definition)
{
	place_functions(0);
	bh_places *p = bh_places_new(&pgraph);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "a.c", 15, 3, 16, 1 }), 0);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "a.c", 10, 1, 0, 0 }), 0);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "a.c", 40, 1, 0, 0 }), 1);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "a.c", 25, 1, 0, 0 }), SIZE_MAX); // between them
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "a.c", 41, 1, 0, 0 }), SIZE_MAX);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "a.c", 15, 1, 25, 1 }), SIZE_MAX); // ends outside
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "b.c", 5, 25, 5, 30 }), 3);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "b.c", 6, 1, 0, 0 }), 2);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "c.c", 15, 1, 0, 0 }), SIZE_MAX);
	bh_places_free(p);
	// A header's function in two units: the first one holds its places.
	pfns[1].loc = pfns[0].loc;
	p = bh_places_new(&pgraph);
	cr_assert_eq(bh_places_holder(p, &(bh_loc){ "a.c", 15, 3, 16, 1 }), 0);
	bh_places_free(p);
}

Test(places, a_place_reads_back_where_its_function_is_now)
{
	place_functions(0);
	bh_reuse *r = bh_reuse_new("memory");
	bh_reuse__begin(r, &pgraph, &pids);
	bh_bytes b = { 0 };
	bh_reuse__put_loc(r, &b, &(bh_loc){ "a.c", 15, 3, 16, 4 });
	bh_reuse__put_loc(r, &b, &(bh_loc){ "a.c", 25, 1, 0, 0 });
	bh_reuse_free(r);
	place_functions(7); // a.c's functions moved seven lines down
	bh_arena *a = bh_arena_new();
	r = bh_reuse_new("memory");
	bh_reuse__begin(r, &pgraph, &pids);
	bh_wire_reader rd = bh_wire_reader_of(b.items, b.len);
	bh_loc held = bh_reuse__get_loc(r, &rd, a), free_place = bh_reuse__get_loc(r, &rd, a);
	cr_assert(bh_wire_done(&rd));
	cr_assert_str_eq(held.path, "a.c");
	cr_assert(held.line == 22 && held.col == 3 && held.end_line == 23 && held.end_col == 4);
	cr_assert(free_place.line == 25, "a place no function holds is written as it is");
	bh_reuse_free(r);
	// Read by a run without that function: refused.
	pids.n = 0;
	r = bh_reuse_new("memory");
	bh_reuse__begin(r, &pgraph, &pids);
	rd = bh_wire_reader_of(b.items, b.len);
	(void)bh_reuse__get_loc(r, &rd, a);
	cr_assert_not(rd.ok);
	bh_reuse_free(r);
	bh_arena_free(a);
	bh_vec_dispose(&b);
}

// A component of f0 whose findings quote lines: the trace written before
// a.c's functions moved, read after.
static void record_quotes(bh_bytes *saved)
{
	place_functions(0);
	bh_arena *a = bh_arena_new();
	bh_findings out;
	bh_findings_init(&out, a);
	bh_diags diags;
	bh_diags_init(&diags, a);
	bh_reuse *r = bh_reuse_new("memory");
	bh_reuse__begin(r, &pgraph, &pids);
	size_t node = 0;
	bh_reuse__start(r, &node, 1, 0);
	const bh_rule *rule = bh_rule_find("c.double-free");
	cr_assert_not_null(rule);
	bh_finding *f = bh_finding_add(&out, rule, (bh_loc){ "a.c", 18, 2, 0, 0 },
				       "'p' is released again; it was already released at line 15");
	bh_finding_add_related(&out, f, (bh_loc){ "a.c", 15, 2, 0, 0 }, "released here (a.c:15)");
	bh_diag_add(&diags, BH_LEVEL_NOTE, "memory.incomplete", "a.c", 12, 1, "%s", "stopped at line 12");
	bh_bytes outs = { 0 };
	bh_reuse__put_results(r, &outs, &out, 0, &diags, 0);
	bh_reuse__finish(r, &outs);
	// f1's finding quotes a line no place of it has: its trace reads
	// where every function is.
	size_t mark = out.items.len;
	node = 1;
	bh_reuse__start(r, &node, 1, 0);
	bh_finding_add(&out, rule, (bh_loc){ "a.c", 35, 2, 0, 0 }, "released again; first at line 99");
	memset(&outs, 0, sizeof(outs));
	bh_reuse__put_results(r, &outs, &out, mark, &diags, diags.items.len);
	bh_reuse__finish(r, &outs);
	bh_reuse_save(r, saved);
	bh_reuse_free(r);
	bh_findings_dispose(&out);
	bh_diags_dispose(&diags);
	bh_arena_free(a);
}

Test(places, quoted_lines_follow_their_places)
{
	bh_bytes saved = { 0 };
	record_quotes(&saved);
	place_functions(7);
	bh_reuse *r = bh_reuse_new("memory");
	cr_assert(bh_reuse_load(r, saved.items, saved.len));
	bh_reuse__begin(r, &pgraph, &pids);
	size_t node = 0;
	const bh_reuse__trace *t = bh_reuse__find(r, &node, 1, 0, NULL, NULL);
	cr_assert_not_null(t, "moved functions replay");
	size_t len;
	const void *outs = bh_reuse__outputs(t, &len);
	bh_wire_reader rd = bh_wire_reader_of(outs, len);
	bh_arena *a = bh_arena_new();
	bh_findings found;
	bh_findings_init(&found, a);
	bh_diags notes;
	bh_diags_init(&notes, a);
	cr_assert(bh_reuse__get_results(r, &rd, &found, &notes) && bh_wire_done(&rd));
	cr_assert_eq(found.items.len, 1);
	const bh_finding *f = &found.items.items[0];
	cr_assert_eq(f->loc.line, 25);
	cr_assert_str_eq(f->message, "'p' is released again; it was already released at line 22");
	cr_assert_str_eq(f->related[0].message, "released here (a.c:22)");
	cr_assert_eq(notes.items.items[0].loc.line, 19);
	cr_assert_str_eq(notes.items.items[0].message, "stopped at line 19");
	bh_findings_dispose(&found);
	bh_diags_dispose(&notes);
	bh_arena_free(a);
	bh_reuse_free(r);
	bh_vec_dispose(&saved);
}

Test(places, a_line_quoted_of_no_place_holds_only_where_nothing_moved)
{
	bh_bytes saved = { 0 };
	record_quotes(&saved);
	for (uint32_t shift = 0; shift <= 1; shift++) {
		place_functions(shift);
		bh_reuse *r = bh_reuse_new("memory");
		cr_assert(bh_reuse_load(r, saved.items, saved.len));
		bh_reuse__begin(r, &pgraph, &pids);
		size_t node = 1;
		cr_assert_eq(bh_reuse__find(r, &node, 1, 0, NULL, NULL) != NULL, shift == 0, "shift %u", shift);
		node = 0;
		cr_assert_not_null(bh_reuse__find(r, &node, 1, 0, NULL, NULL));
		bh_reuse_free(r);
	}
	bh_vec_dispose(&saved);
}
