// SPDX-License-Identifier: MIT
// Unit tests of the bounds checker (bh_bounds): the interval domain, the
// evidence and congruence of values, the library models, and the analysis
// on small programs compiled by libclang. The labelled fixtures of every
// rule and flow shape are golden cases under testdata/mem/; these tests pin
// the mechanisms one at a time, the precision rules that came from real
// code (redis, memcached, lua) included.
#include <criterion/criterion.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/bounds.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "dataflow/bounds_internal.h"
#include "program.h"

typedef struct {
	bh_findings findings;
	bh_diags diags;
	BH_VEC(bh_loc) fits;
} result;

static bh_arena *arena;
static BH_VEC(result *) results; // every run() of the test, freed by teardown

static void setup(void)
{
	arena = bh_arena_new();
}

static void teardown(void)
{
	for (size_t i = 0; i < results.len; i++) {
		bh_findings_dispose(&results.items[i]->findings);
		bh_diags_dispose(&results.items[i]->diags);
		bh_vec_dispose(&results.items[i]->fits);
	}
	bh_vec_dispose(&results);
	bh_arena_free(arena);
}

TestSuite(bounds, .init = setup, .fini = teardown);

#define NINF BH_BND_NINF
#define PINF BH_BND_PINF

static bh_bnd_itv itv(int64_t lo, int64_t hi)
{
	return bh_bnd_itv_make(lo, hi);
}

#define assert_itv(got, lo_, hi_)                                                            \
	do {                                                                                 \
		bh_bnd_itv g_ = (got);                                                       \
		cr_assert(g_.lo == (lo_) && g_.hi == (hi_), "got [%lld, %lld], want [%lld, %lld]", \
			  (long long)g_.lo, (long long)g_.hi, (long long)(lo_), (long long)(hi_)); \
	} while (0)

// -------------------------------------------------------------- intervals

Test(bounds, interval_arithmetic_saturates_instead_of_wrapping)
{
	assert_itv(bh_bnd_itv_add(itv(1, 2), itv(10, 20)), 11, 22);
	assert_itv(bh_bnd_itv_add(itv(0, INT64_MAX - 1), itv(5, 5)), 5, PINF);
	assert_itv(bh_bnd_itv_sub(itv(0, 10), itv(1, 1)), -1, 9);
	assert_itv(bh_bnd_itv_mul(itv(-2, 3), itv(4, 4)), -8, 12);
	// An overflowing product of non-negative values keeps its lower end.
	assert_itv(bh_bnd_itv_mul(itv(2, INT64_MAX / 2 + 1), itv(2, 2)), 4, PINF);
	assert_itv(bh_bnd_itv_rem(itv(0, 1000), itv(16, 16)), 0, 15);
	assert_itv(bh_bnd_itv_and(itv(NINF, PINF), itv(0x7f, 0x7f)), 0, 0x7f);
	assert_itv(bh_bnd_itv_shr(itv(0, 1024), itv(3, 3)), 0, 128);
	assert_itv(bh_bnd_itv_div(itv(10, 99), itv(10, 10)), 1, 9);
	cr_assert(bh_bnd_itv_is_top(bh_bnd_itv_div(itv(10, 99), itv(0, 1))));
}

Test(bounds, comparisons_decide_or_refine)
{
	assert_itv(bh_bnd_itv_compare(BH_IR_BIN_LT, false, itv(0, 9), itv(10, 10)), 1, 1);
	assert_itv(bh_bnd_itv_compare(BH_IR_BIN_LT, false, itv(0, 10), itv(10, 10)), 0, 1);
	assert_itv(bh_bnd_itv_refine(BH_IR_BIN_LT, false, true, itv(0, PINF), itv(10, 10)), 0, 9);
	assert_itv(bh_bnd_itv_refine(BH_IR_BIN_LT, false, false, itv(0, PINF), itv(10, 10)), 10, PINF);
	assert_itv(bh_bnd_itv_refine(BH_IR_BIN_NE, false, true, itv(0, 5), itv(0, 0)), 1, 5);
	// Unsigned: nothing known below is an unsigned value, at least 0.
	assert_itv(bh_bnd_itv_refine(BH_IR_BIN_LE, true, true, itv(NINF, PINF), itv(4, 4)), 0, 4);
	// Unsigned with a known negative part: `x >= 2` also holds for it.
	assert_itv(bh_bnd_itv_refine(BH_IR_BIN_GE, true, true, itv(-3, 9), itv(2, 2)), -3, 9);
	cr_assert(bh_bnd_itv_is_empty(bh_bnd_itv_refine(BH_IR_BIN_EQ, false, true, itv(0, 3), itv(7, 7))));
	assert_itv(bh_bnd_itv_widen(itv(0, 1), itv(0, 2)), 0, PINF);
	cr_assert_str_eq(bh_bnd_itv_text(arena, itv(0, 9)), "0..9");
	cr_assert_str_eq(bh_bnd_itv_text(arena, itv(3, PINF)), "at least 3");
}

// ---------------------------------------------------------------- values

Test(bounds, only_values_of_paths_are_evidence)
{
	bh_bnd_val i = bh_bnd_const(0);
	cr_assert_eq(i.ev, BH_BND_EV_BOTH);
	// A mask bounds what the type holds, not what the program computes.
	bh_bnd_val masked = bh_bnd_int(itv(0, 127), 0);
	bh_bnd_val ix = bh_bnd_val_add(masked, bh_bnd_const(1));
	cr_assert_eq(ix.ev & BH_BND_EV_HI, 0);
	// Two varying quantities summed: their extremes rarely meet.
	bh_bnd_val a = bh_bnd_int(itv(1, 9), BH_BND_EV_BOTH), b = bh_bnd_int(itv(0, 7), BH_BND_EV_BOTH);
	cr_assert_eq(bh_bnd_val_add(a, b).ev, 0);
	// A loop counter: widened, then bounded by its test, is evidence again.
	bh_bnd_val w = bh_bnd_val_widen(bh_bnd_int(itv(0, 0), BH_BND_EV_BOTH),
					bh_bnd_int(itv(0, 1), BH_BND_EV_BOTH));
	cr_assert_eq(w.v.hi, PINF);
	cr_assert(w.ev & BH_BND_GROW_HI);
	bh_bnd_val r = bh_bnd_val_refine(BH_IR_BIN_LT, false, true, w, bh_bnd_const(10));
	assert_itv(r.v, 0, 9);
	cr_assert(r.ev & BH_BND_EV_HI);
	// A parameter bounded by a test: what the program handles, not what it gets.
	bh_bnd_val p = bh_bnd_val_refine(BH_IR_BIN_LT, false, true, bh_bnd_top(), bh_bnd_const(4096));
	cr_assert_eq(p.v.hi, 4095);
	cr_assert_eq(p.ev & BH_BND_EV_HI, 0);
}

Test(bounds, congruence_keeps_a_stepping_counter_on_its_values)
{
	// i = 1, 3, 5, ...: joined, widened, then `i < 21` ends it at 19.
	bh_bnd_val one = bh_bnd_const(1), three = bh_bnd_const(3);
	bh_bnd_val j = bh_bnd_val_join(one, three);
	cr_assert_eq(j.mod, 2);
	cr_assert_eq(j.rem, 1);
	bh_bnd_val w = bh_bnd_val_widen(j, bh_bnd_val_join(j, bh_bnd_const(5)));
	bh_bnd_val r = bh_bnd_val_refine(BH_IR_BIN_LT, false, true, w, bh_bnd_const(21));
	assert_itv(r.v, 1, 19);
	bh_bnd_val next = bh_bnd_val_add(r, bh_bnd_const(1));
	assert_itv(next.v, 2, 20);
	cr_assert_eq(next.mod, 2);
	cr_assert_eq(next.rem, 0);
}

Test(bounds, models_are_sorted_and_found)
{
	for (size_t i = 1; i < bh_bnd__model_count(); i++)
		cr_assert_lt(strcmp(bh_bnd__model_at(i - 1)->name, bh_bnd__model_at(i)->name), 0,
			     "%s before %s", bh_bnd__model_at(i - 1)->name, bh_bnd__model_at(i)->name);
	for (size_t i = 0; i < bh_bnd__model_count(); i++)
		cr_assert_eq(bh_bnd_model_find(bh_bnd__model_at(i)->name), bh_bnd__model_at(i));
	const bh_bnd_model *copy = bh_bnd_model_find("memcpy"), *wide = bh_bnd_model_find("wcscpy");
	cr_assert_not_null(copy);
	cr_assert_not_null(wide);
	cr_assert_eq(copy->kind, BH_BND_M_COPY);
	cr_assert_eq(wide->unit, 4);
	cr_assert_null(bh_bnd_model_find("no_such_function"));
}

// -------------------------------------------------------------- programs

static void note_fits(const bh_loc *call, void *payload)
{
	result *r = payload;
	bh_vec_push(&r->fits, *call);
}

static result *run(const char *const *files)
{
	result *r = bh_arena_alloc(arena, sizeof(*r));
	memset(r, 0, sizeof(*r));
	bh_vec_push(&results, r);
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_ir_program prog;
	bh_ir_program_init(&prog);
	cr_assert(bh_test_compile_program(arena, files, &prog, &r->findings, &r->diags));
	bh_bounds_options opts = BH_BOUNDS_OPTIONS_INIT;
	opts.proved_fits = note_fits;
	opts.payload = r;
	cr_assert_eq(bh_bounds_run(&prog, &opts, &r->findings, &r->diags), BH_OK);
	bh_ir_program_dispose(&prog);
	bh_findings_sort_unique(&r->findings);
	return r;
}

static result *run1(const char *text)
{
	const char *files[] = { "main.c", text, NULL };
	return run(files);
}

static const char *lines(result *r, const char *rule)
{
	return bh_test_rule_lines(arena, &r->findings, rule);
}

// The lines of the copies proved to fit, "7,10".
static const char *fit_lines(result *r)
{
	char got[256] = "";
	for (size_t i = 0; i < r->fits.len; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%u", i ? "," : "",
			 r->fits.items[i].line);
	return bh_arena_strdup(arena, got);
}

Test(bounds, off_by_one_loop_overflows_a_local_array)
{
	result *r = run1("void f(void) {\n"
			 "	int a[10];\n"
			 "	for (int i = 0; i <= 10; i++)\n"
			 "		a[i] = 0;\n"
			 "	(void)a;\n"
			 "}\n"
			 "void g(void) {\n"
			 "	int a[10];\n"
			 "	for (int i = 0; i < 10; i++)\n"
			 "		a[i] = 0;\n"
			 "	(void)a;\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "4");
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.stack-buffer-overflow");
	cr_assert(strstr(f->message, "local array 'a' (40 bytes)"), "%s", f->message);
	cr_assert(strstr(f->message, "i is 0..10"), "%s", f->message);
}

// `p == buf` compares with the array's address, whatever the analysis
// keeps of the array variable itself (redis' catClientInfoString()).
Test(bounds, a_pointer_tested_against_its_array_start)
{
	result *r = run1("void f(unsigned fl, char *out) {\n"
			 "	char flags[4], *p = flags;\n"
			 "	if (fl & 1) *p++ = 'a';\n"
			 "	if (fl & 2) *p++ = 'b';\n"
			 "	if (fl & 4) *p++ = 'c';\n"
			 "	if (p == flags) *p++ = 'N';\n"
			 "	*p = 0;\n"               // 7: at most offset 3
			 "	out[0] = flags[0];\n"
			 "}\n"
			 "void g(unsigned fl, char *out) {\n"
			 "	char flags[4], *p = flags;\n"
			 "	if (fl & 1) *p++ = 'a';\n"
			 "	if (fl & 2) *p++ = 'b';\n"
			 "	if (fl & 4) *p++ = 'c';\n"
			 "	if (p != flags) *p++ = 'N';\n"
			 "	*p = 0;\n"               // 16: offset 4 when all three are set
			 "	out[0] = flags[0];\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "16");
}

// `len - off` after `off > len` returned is at least 0, whatever len is.
Test(bounds, a_difference_of_two_related_values_keeps_their_order)
{
	bh_bnd_val len = bh_bnd_int(bh_bnd_itv_make(0, 256), BH_BND_EV_BOTH);
	bh_bnd_val off = bh_bnd_int(bh_bnd_itv_make(0, 256), BH_BND_EV_BOTH);
	len.rel = (bh_bnd_rel){ 1, 0, 1, 0 }; // exactly S
	off.rel = (bh_bnd_rel){ 1, 1, 1, 0 }; // at most S
	bh_bnd_val d = bh_bnd_val_sub(len, off);
	cr_assert_eq(d.v.lo, 0);
	cr_assert_eq(d.v.hi, 256);
	off.rel.c = 2; // at most S + 2
	cr_assert_eq(bh_bnd_val_sub(len, off).v.lo, -2);
	bh_bnd_val other = off;
	other.rel.sym = 2; // another symbol says nothing
	cr_assert_eq(bh_bnd_val_sub(len, other).v.lo, -256);
	bh_bnd_itv r = bh_bnd_rel_difference(off, len); // off - len: at most 2
	cr_assert_eq(r.lo, BH_BND_NINF);
	cr_assert_eq(r.hi, 2);
}

Test(bounds, heap_block_of_bytes_filled_with_ints)
{
	result *r = run1("#include <stdlib.h>\n"
			 "void f(void) {\n"
			 "	int *data = malloc(10);\n"
			 "	if (!data) return;\n"
			 "	for (int i = 0; i < 10; i++)\n"
			 "		data[i] = i;\n"
			 "	free(data);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.heap-buffer-overflow"), "6");
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.heap-buffer-overflow");
	cr_assert_eq(f->nflow, 2);
	cr_assert_eq(f->flow[0].loc.line, 3); // where bh_xmalloc() allocated it
}

Test(bounds, callee_is_checked_with_the_callers_buffer)
{
	result *r = run1("#include <string.h>\n"
			 "static void sink(char *data) {\n"
			 "	char source[100];\n"
			 "	memset(source, 'C', 99);\n"
			 "	source[99] = 0;\n"
			 "	strcpy(data, source);\n"
			 "}\n"
			 "void bad(void) { char b[50]; sink(b); }\n"
			 "void good(void) { char b[100]; sink(b); }\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "6");
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.stack-buffer-overflow");
	cr_assert(strstr(f->message, "writes 100 bytes"), "%s", f->message);
	cr_assert(strstr(f->message, "when bad() calls it at line 8"), "%s", f->message);
}

Test(bounds, values_behind_and_inside_arguments_reach_the_callee)
{
	result *r = run1("#include <string.h>\n"
			 "struct pair { int at; char *buf; };\n"
			 "static void by_value(struct pair p) { int t[4] = {0}; t[p.at] = 1; }\n"
			 "static void by_void_pointer(void *v) { int *n = v; int t[4] = {0}; t[*n] = 1; }\n"
			 "static void by_array(char *bufs[]) { memset(bufs[1], 0, 64); }\n"
			 "static void written_first(int *n) { int t[4] = {0}; *n = 0; t[*n] = 1; }\n"
			 "void bad(void) {\n"
			 "	struct pair p; char small[8]; char *bufs[2]; int k = 4;\n"
			 "	p.at = 4; p.buf = small; by_value(p);\n"
			 "	by_void_pointer(&k);\n"
			 "	bufs[0] = 0; bufs[1] = small; by_array(bufs);\n"
			 "	written_first(&k);\n"
			 "}\n"
			 "void stale(void) {\n"
			 "	char small[8], big[64]; char *bufs[2]; int i;\n"
			 "	bufs[1] = small;\n"
			 "	for (i = 0; i < 2; i++) bufs[i] = big;\n"
			 "	by_array(bufs);\n"
			 "}\n"
			 "void aliased(void) {\n"
			 "	char small[8], big[64]; char *bufs[2]; char **q = bufs;\n"
			 "	bufs[1] = small; q[1] = big; by_array(bufs);\n"
			 "}\n");
	// t[p.at], t[*n] and bufs[1] of bad(); not written_first(), which
	// overwrites what it was given, nor stale() and aliased(), whose loop
	// or other pointer replaced slot 1.
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "3 4 5");
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.stack-buffer-overflow");
	cr_assert(strstr(f->message, "p.at is 4"), "%s", f->message);
	for (size_t i = 0; i < r->findings.items.len; i++) {
		const char *m = r->findings.items.items[i].message;
		cr_assert(strstr(m, "when bad() calls"), "%s", m);
	}
}

Test(bounds, buffer_left_in_a_global_for_the_callee)
{
	result *r = run1("#include <string.h>\n"
			 "static char *g_data;\n"
			 "static void sink(void) {\n"
			 "	memset(g_data, 'A', 100);\n"
			 "}\n"
			 "void bad(void) { char b[50]; g_data = b; sink(); }\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "4");
}

Test(bounds, allocation_wrapper_and_constant_source)
{
	result *r = run1("#include <stdlib.h>\n"
			 "#include <string.h>\n"
			 "static char *make(void) { return malloc(16); }\n"
			 "static int size(void) { int n = 32; return n; }\n"
			 "void f(void) {\n"
			 "	char *p = make();\n"
			 "	if (!p) return;\n"
			 "	memset(p, 0, size());\n"
			 "	free(p);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.heap-buffer-overflow"), "8");
}

Test(bounds, struct_member_holding_a_block)
{
	result *r = run1("#include <stdlib.h>\n"
			 "struct h { char *buf; };\n"
			 "void f(struct h *p) {\n"
			 "	p->buf = malloc(10);\n"
			 "	if (!p->buf) return;\n"
			 "	p->buf[10] = 0;\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.heap-buffer-overflow"), "6");
}

Test(bounds, underwrite_through_a_pointer_moved_back)
{
	result *r = run1("#include <string.h>\n"
			 "void f(const char *src) {\n"
			 "	char buf[100];\n"
			 "	char *data = buf - 8;\n"
			 "	memcpy(data, src, 100);\n"
			 "	(void)buf;\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.buffer-underwrite"), "5");
}

Test(bounds, unterminated_string_is_read_past_its_end)
{
	result *r = run1("#include <string.h>\n"
			 "unsigned long f(void) {\n"
			 "	char s[8];\n"
			 "	memset(s, 'A', 8);\n"
			 "	return strlen(s);\n"
			 "}\n"
			 "unsigned long g(void) {\n"
			 "	char s[8];\n"
			 "	memset(s, 'A', 7);\n"
			 "	s[7] = 0;\n"
			 "	return strlen(s);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.buffer-over-read"), "5");
}

// What came from real code: none of these may report.
Test(bounds, precision_rules_from_real_code)
{
	result *r = run1("#include <string.h>\n"
			 "#include <stddef.h>\n"
			 "static const unsigned char modes[83];\n"
			 "int opmode(unsigned i) { return modes[i & 0x7f]; }\n" // a mask is no evidence
			 "size_t walk(void) {\n"
			 "	const char *s = \"abc\";\n"
			 "	size_t i = 0;\n"
			 "	for (i = 0; i < 254 && s[i] != 0; i++)\n" // stops at the NUL
			 "		;\n"
			 "	return i;\n"
			 "}\n"
			 "void pairs(const char *k, const char *v) {\n"
			 "	const char *argv[21];\n"
			 "	for (int i = 1; i < 21; i += 2) {\n" // odd i: i + 1 <= 20
			 "		argv[i] = k;\n"
			 "		argv[i + 1] = v;\n"
			 "	}\n"
			 "	(void)argv;\n"
			 "}\n"
			 "void enc(char *dst, const char *s, size_t len) {\n"
			 "	if (len >= 4096) memcpy(dst, s, len);\n" // len is the caller's
			 "}\n"
			 "void caller(char *out) { char sc[128]; memset(sc, 'a', 127); sc[127] = 0;\n"
			 "	enc(out, sc, strlen(sc)); }\n"
			 "void fill(char *dst, size_t n) {\n"
			 "	size_t filled = 16, to;\n"
			 "	while (filled < 96) {\n" // offset and count vary together
			 "		to = filled < 96 - filled ? filled : 96 - filled;\n"
			 "		memcpy(dst + filled, dst, to);\n"
			 "		filled += to;\n"
			 "	}\n"
			 "	(void)n;\n"
			 "}\n"
			 "void call_fill(void) { char seeds[96]; fill(seeds, 96); }\n");
	for (size_t i = 0; i < r->findings.items.len; i++)
		cr_assert_fail("unexpected %s at line %u: %s", r->findings.items.items[i].rule->id,
			       r->findings.items.items[i].loc.line, r->findings.items.items[i].message);
}

Test(bounds, string_copies_proved_to_fit_are_reported_to_the_caller)
{
	result *r = run1("#include <string.h>\n"
			 "void f(const char *user) {\n"
			 "	char big[64], small[8];\n"
			 "	strcpy(big, \"hello\");\n"
			 "	strcpy(small, user);\n"
			 "	(void)big; (void)small;\n"
			 "}\n");
	cr_assert_eq(r->fits.len, 1);
	cr_assert_eq(r->fits.items[0].line, 4);
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "");
}

// ---------------------------------------------------------- wrap-around

Test(bounds, input_functions_are_sorted)
{
	for (size_t i = 1; i < bh_bnd__input_count(); i++)
		cr_assert(strcmp(bh_bnd__input_name(i - 1), bh_bnd__input_name(i)) < 0, "%s before %s",
			  bh_bnd__input_name(i - 1), bh_bnd__input_name(i));
}

Test(bounds, size_computations_that_wrap)
{
	result *r = run1("#include <stdlib.h>\n"
			 "#include <string.h>\n"
			 "#include <arpa/inet.h>\n"
			 "int k(char *d) { int c = 0x10000000; memset(d, 0, c); return c * 16; }\n" // 4: UB
			 "void *m(const char *s) {\n"
			 "	int n = atoi(s);\n"
			 "	if (n < 0 || n > 100000) return 0;\n"
			 "	return malloc(n * 100000);\n" // 8: a tested input
			 "}\n"
			 "void cut(const char *s) {\n"
			 "	long n = strtol(s, 0, 10);\n"
			 "	if (n < 0) return;\n"
			 "	unsigned short sz = n;\n" // 13: truncation into a size
			 "	free(malloc(sz));\n"
			 "}\n"
			 "void under(const unsigned char *p, char *d) {\n"
			 "	uint32_t len = ntohl(*(const uint32_t *)p);\n"
			 "	if (len < 2) return;\n"
			 "	uint32_t body = len - 4;\n" // 19: below 0 in uint32_t
			 "	memcpy(d, p, body);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.integer-overflow"), "4 8");
	cr_assert_str_eq(lines(r, "c.integer-truncation"), "13");
	cr_assert_str_eq(lines(r, "c.integer-underflow"), "19");
}

// Wraps that are meant, or that the program checks: none may report.
Test(bounds, wraps_that_are_meant_or_checked)
{
	result *r = run1("#include <stdio.h>\n"
			 "#include <stdlib.h>\n"
			 "#include <string.h>\n"
			 "static int table[64];\n"
			 "int hash(FILE *f) {\n"
			 "	unsigned h = 0; int c;\n"
			 "	while ((c = getc(f)) != EOF) h = h * 31 + c;\n" // a hash wraps by design
			 "	return table[h % 64];\n"
			 "}\n"
			 "void *sum(size_t a, size_t b) {\n"
			 "	size_t t = a + b;\n"
			 "	if (t < a) return 0;\n" // checked after the fact
			 "	return malloc(t);\n"
			 "}\n"
			 "void *prod(const char *s) {\n"
			 "	unsigned n = (unsigned)atoi(s);\n"
			 "	unsigned t = n * 16;\n"
			 "	if (t / 16 != n) return 0;\n" // the division check
			 "	return malloc(t);\n"
			 "}\n"
			 "void drain(char *d, const char *s, unsigned n) {\n"
			 "	while (n--) *d++ = *s++;\n" // the last n-- wraps, unused
			 "}\n"
			 "void *small(const char *s) {\n"
			 "	int n = atoi(s);\n"
			 "	if (n < 0 || n > 1000) return 0;\n"
			 "	return malloc(n * 1000);\n" // fits
			 "}\n"
			 "int byte(FILE *f) { unsigned char c = getc(f); return table[c % 64]; }\n");
	for (size_t i = 0; i < r->findings.items.len; i++)
		cr_assert_fail("unexpected %s at line %u: %s", r->findings.items.items[i].rule->id,
			       r->findings.items.items[i].loc.line, r->findings.items.items[i].message);
}

// A switch bounds its scrutinee on each case edge, also where constant
// folding cannot (the scrutinee is reassigned in one case): the caller's
// op = 0 never reaches case 4..6 (sqlite3_db_status).
Test(bounds, switch_cases_bound_their_scrutinee)
{
	result *r = run1("static int stat_[3];\n"
			 "int status(int op, int *hw) {\n"
			 "	switch (op) {\n"
			 "	case 0: *hw = 1; break;\n"
			 "	case 9: op = 6; /* fall through */\n"
			 "	case 4: case 5: case 6: *hw = stat_[op - 4]; break;\n"
			 "	default: return 1;\n"
			 "	}\n"
			 "	return 0;\n"
			 "}\n"
			 "void show(void) { int hw[2]; status(0, hw); status(5, hw + 1); }\n"
			 "int pick(int k) {\n"
			 "	char t[4] = { 0 };\n"
			 "	switch (k) { case 2: case 3: return t[k + 1]; }\n" // 14: k + 1 is 4
			 "	return 0;\n"
			 "}\n"
			 "int use(void) { char b[2] = { 0 }; return pick(3) + b[1]; }\n");
	cr_assert_str_eq(lines(r, "c.buffer-under-read"), "");
	cr_assert_str_eq(lines(r, "c.buffer-over-read"), "14");
}

Test(bounds, a_test_against_the_room_left_bounds_the_length)
{
	// `sizeof path - strlen(path)` is a temporary of the test's block: its
	// value there bounds n on the edges.
	result *r = run1("#include <string.h>\n"
			 "#include <stdio.h>\n"
			 "int append(int n, int check) {\n"
			 "	char path[64];\n"
			 "	char pad[256];\n"
			 "	strcpy(path, \"/srv/www/\");\n"
			 "	memset(pad, '.', sizeof pad - 1);\n"
			 "	pad[sizeof pad - 1] = '\\0';\n"
			 "	if (check) {\n"
			 "		if (n < 0 || (size_t)n >= sizeof path - strlen(path))\n"
			 "			return 2;\n"
			 "		strncat(path, pad, (size_t)n);\n"
			 "	} else {\n"
			 "		strncat(path, pad, (size_t)n);\n" // 14: unchecked
			 "	}\n"
			 "	return puts(path);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "14");
}

Test(bounds, a_tested_string_length_bounds_the_string_while_it_holds)
{
	// The test bounds strlen()'s result, a temporary of the test's
	// block, or the variable it went into; through their relation to
	// strlen(s) they bound the string copied. Assigning the pointer, or a
	// write that may reach its string, ends that (each on its own path).
	result *r = run1("#include <string.h>\n"
			 "void modify(char *);\n"
			 "void f(char *s, char *t, int k) {\n"
			 "	char a[32], b[32];\n"
			 "	if (strlen(s) >= sizeof a)\n"
			 "		return;\n"
			 "	strcpy(a, s);\n" // 7: fits
			 "	size_t n = strlen(t);\n"
			 "	if (n < sizeof b)\n"
			 "		strcpy(b, t);\n" // 10: fits
			 "	if (k == 1) { s = t; strcpy(a, s); }\n" // 11: t may be long
			 "	else if (k == 2) { modify(s); strcpy(a, s); }\n" // 12: s may have grown
			 "	else if (k == 3) { strcat(s, t); strcpy(a, s); }\n" // 13: likewise
			 "	else if (k == 4) { strcpy(b, s); strcpy(a, s); }\n" // 14, 14: b is not s's
			 "	(void)a; (void)b;\n"
			 "}\n");
	cr_assert_str_eq(fit_lines(r), "7,10,14,14");
	// One byte short: `> sizeof buf` lets the NUL past the end (CWE-193).
	r = run1("#include <string.h>\n"
		 "void g(const char *s) {\n"
		 "	char a[32];\n"
		 "	if (strlen(s) > sizeof a)\n"
		 "		return;\n"
		 "	strcpy(a, s);\n"
		 "	(void)a;\n"
		 "}\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "6");
	cr_assert_eq(r->fits.len, 0);
}

Test(bounds, a_tested_length_of_a_field_or_element_bounds_the_same_expression)
{
	// `r->name` and `argv[1]` are read anew for each use: the reads of one
	// slot with nothing stored between name the same string. A store to
	// the field, through another pointer too, or a call ends that.
	result *r = run1("#include <string.h>\n"
			 "struct req { char *name; };\n"
			 "void use(struct req *);\n"
			 "void f(struct req *r, struct req *q, char **argv, char *other, int k) {\n"
			 "	char a[32];\n"
			 "	if (strlen(r->name) >= sizeof a || strlen(argv[1]) >= sizeof a)\n"
			 "		return;\n"
			 "	if (k == 1) strcpy(a, r->name);\n" // 8: fits
			 "	else if (k == 2) strcpy(a, argv[1]);\n" // 9: fits
			 "	else if (k == 3) { q->name = other; strcpy(a, r->name); }\n" // 10: q may be r
			 "	else if (k == 4) { use(r); strcpy(a, r->name); }\n" // 11: use() may change it
			 "	else if (k == 5) { argv[1] = other; strcpy(a, argv[1]); }\n" // 12: another string
			 "	else if (k == 6) { argv++; strcpy(a, argv[1]); }\n" // 13: another element
			 "	(void)a;\n"
			 "}\n");
	cr_assert_str_eq(fit_lines(r), "8,9");
	// The relation names the expression: malloc(strlen(r->name)) is one
	// byte short for strcpy().
	r = run1("#include <string.h>\n"
		 "#include <stdlib.h>\n"
		 "struct req { char *name; };\n"
		 "char *dup(struct req *r) {\n"
		 "	char *p = malloc(strlen(r->name));\n"
		 "	if (p) strcpy(p, r->name);\n"
		 "	return p;\n"
		 "}\n");
	cr_assert_str_eq(lines(r, "c.heap-buffer-overflow"), "6");
	cr_assert(strstr(r->findings.items.items[0].message, "strlen(r->name) + 1 bytes"));
}

Test(bounds, a_meet_keeps_the_evidence_of_the_end_that_moved)
{
	bh_bnd_val unknown = bh_bnd_int(itv(0, PINF), 0);
	bh_bnd_val m = bh_bnd_val_meet(unknown, itv(2, 31), BH_BND_EV_LO | BH_BND_TEST_HI);
	assert_itv(m.v, 2, 31);
	cr_assert_eq(m.ev, BH_BND_EV_LO | BH_BND_TEST_HI);
	// An end that did not move keeps its own.
	bh_bnd_val known = bh_bnd_int(itv(4, 10), BH_BND_EV_BOTH);
	m = bh_bnd_val_meet(known, itv(0, 20), 0);
	assert_itv(m.v, 4, 10);
	cr_assert_eq(m.ev, BH_BND_EV_BOTH);
	// Nothing in common: a contradiction leaves the value as it was.
	m = bh_bnd_val_meet(known, itv(11, 20), 0);
	assert_itv(m.v, 4, 10);
}

Test(bounds, initialised_arrays_hold_their_strings)
{
	result *r = run1("#include <string.h>\n"
			 "#include <stdio.h>\n"
			 "void literal(void) {\n"
			 "	char path[20] = \"/var/lib/service/\";\n"
			 "	strcat(path, \"config.json\");\n" // 5: 17 + 11 + 1 > 20
			 "	puts(path);\n"
			 "}\n"
			 "void bytes(void) {\n"
			 "	char a[8] = { 'a', 'b' }, b[8] = { 'a', 'b' };\n"
			 "	strcat(a, \"12345\");\n" // 2 + 5 + 1 = 8 fits
			 "	strcat(b, \"123456\");\n" // 11
			 "	puts(a); puts(b);\n"
			 "}\n"
			 "void zeros(void) {\n"
			 "	char z[4] = { 0 };\n"
			 "	strcat(z, \"abc\");\n" // an empty string: fits
			 "	puts(z);\n"
			 "}\n"
			 "void room(const char *src, size_t n) {\n"
			 "	char path[64] = \"/srv/www/\";\n"
			 "	if (n >= sizeof path - strlen(path))\n" // the room left, tested
			 "		return;\n"
			 "	strncat(path, src, n);\n"
			 "	puts(path);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "5 11");
}

Test(bounds, relations_follow_constant_arithmetic_and_joins)
{
	bh_bnd_rel n = { 3, 0, 1, 0 }; // exactly the symbol 2
	bh_bnd_rel r = bh_bnd_rel_scale(bh_bnd_rel_shift(n, 1), 4); // (n + 1) * 4
	cr_assert_eq(r.sym, 3);
	cr_assert_eq(r.k, 4);
	cr_assert_eq(r.c, 4);
	cr_assert_eq(r.upper, 0);
	// Scaling an upper bound by a negative number would make it a lower one.
	bh_bnd_rel up = { 3, 1, 1, -1 };
	cr_assert_eq(bh_bnd_rel_scale(up, -1).sym, 0);
	// Two exact relations to one symbol join to the larger as a bound...
	bh_bnd_rel j = bh_bnd_rel_join(n, bh_bnd_rel_shift(n, 2));
	cr_assert_eq(j.sym, 3);
	cr_assert_eq(j.upper, 1);
	cr_assert_eq(j.c, 2);
	// ...to different symbols or scales, to nothing.
	bh_bnd_rel m = { 4, 0, 1, 0 };
	cr_assert_eq(bh_bnd_rel_join(n, m).sym, 0);
	cr_assert_eq(bh_bnd_rel_join(n, r).sym, 0);
	// Widening drops a bound that grew, keeps one that held.
	cr_assert_eq(bh_bnd_rel_widen(n, bh_bnd_rel_shift(n, 1)).sym, 0);
	cr_assert_eq(bh_bnd_rel_widen(n, n).sym, 3);
	// Offsets that would overflow the relation's fields drop it.
	cr_assert_eq(bh_bnd_rel_shift(n, INT64_MAX).sym, 0);
	// Values carry them through constant operands only.
	bh_bnd_val v = bh_bnd_int(bh_bnd_itv_top(), 0);
	v.rel = n;
	bh_bnd_val s = bh_bnd_val_mul(bh_bnd_val_add(v, bh_bnd_const(1)), bh_bnd_const(8));
	cr_assert_eq(s.rel.k, 8);
	cr_assert_eq(s.rel.c, 8);
	cr_assert_eq(bh_bnd_val_add(v, v).rel.sym, 0);
	cr_assert_eq(bh_bnd_val_sub(bh_bnd_const(10), v).rel.sym, 0);
}

Test(bounds, tests_on_unknown_values_mark_the_bound_they_set)
{
	// `if (n > 64) return;`: not evidence that n reaches 64, but a bound
	// the program set, kept through a constant offset and a join.
	bh_bnd_val n = bh_bnd_val_refine(BH_IR_BIN_GT, false, false, bh_bnd_top(), bh_bnd_const(64));
	cr_assert_eq(n.v.hi, 64);
	cr_assert_eq(n.ev & BH_BND_EV_HI, 0);
	cr_assert(n.ev & BH_BND_TEST_HI);
	cr_assert(bh_bnd_val_add(n, bh_bnd_const(1)).ev & BH_BND_TEST_HI);
	cr_assert(bh_bnd_val_join(n, bh_bnd_const(3)).ev & BH_BND_TEST_HI);
	// A mask is no test.
	bh_bnd_val masked = bh_bnd_int(itv(0, 127), 0);
	cr_assert_eq(bh_bnd_val_add(masked, bh_bnd_const(1)).ev & BH_BND_TEST_HI, 0);
}

Test(bounds, sizes_and_indexes_related_to_one_unknown_value)
{
	result *r = run1("#include <stdlib.h>\n"
			 "#include <string.h>\n"
			 "char *dup(const char *s) {\n"
			 "	char *p = malloc(strlen(s));\n"
			 "	if (!p) return NULL;\n"
			 "	strcpy(p, s);\n" // 6: strlen(s) + 1 into strlen(s)
			 "	return p;\n"
			 "}\n"
			 "char *dup_ok(const char *s) {\n"
			 "	char *p = malloc(strlen(s) + 1);\n"
			 "	if (!p) return NULL;\n"
			 "	strcpy(p, s);\n"
			 "	return p;\n"
			 "}\n"
			 "int *fill(size_t n) {\n"
			 "	int *p = malloc(n * sizeof *p);\n"
			 "	if (!p) return NULL;\n"
			 "	for (size_t i = 0; i <= n; i++)\n"
			 "		p[i] = 0;\n" // 19: i up to n
			 "	return p;\n"
			 "}\n"
			 "int *fill_ok(size_t n) {\n"
			 "	int *p = malloc(n * sizeof *p);\n"
			 "	if (!p) return NULL;\n"
			 "	for (size_t i = 0; i < n; i++)\n"
			 "		p[i] = 0;\n"
			 "	return p;\n"
			 "}\n"
			 "int *bytes_for_ints(size_t n) {\n"
			 "	int *p = malloc(n);\n"
			 "	if (!p) return NULL;\n"
			 "	memset(p, 0, n * sizeof *p);\n" // 32: 4n into n
			 "	return p;\n"
			 "}\n"
			 "char *moved(const char *s, char *other) {\n"
			 "	char *p = malloc(strlen(s));\n"
			 "	if (!p) return NULL;\n"
			 "	s = other;\n" // the relation to strlen(s) goes
			 "	strcpy(p, s);\n"
			 "	return p;\n"
			 "}\n"
			 "char *rewritten(char *s, size_t n) {\n"
			 "	char *p = malloc(strlen(s));\n"
			 "	if (!p) return NULL;\n"
			 "	s[0] = 0;\n" // the string changed: so did its length
			 "	strcpy(p, s);\n"
			 "	(void)n;\n"
			 "	return p;\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.heap-buffer-overflow"), "6 19 32");
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.heap-buffer-overflow");
	cr_assert(strstr(f->message, "writes strlen(s) + 1 bytes"), "%s", f->message);
	cr_assert(strstr(f->message, "(strlen(s) bytes): 1 byte past its end"), "%s", f->message);
}

Test(bounds, input_indexes_and_string_starts)
{
	result *r = run1("#include <stdio.h>\n"
			 "#include <stdlib.h>\n"
			 "#include <string.h>\n"
			 "void slot(const char *line) {\n"
			 "	int k = atoi(line);\n"
			 "	int *v = calloc(10, sizeof *v);\n"
			 "	if (!v) return;\n"
			 "	if (k >= 0) v[k] = 1;\n" // 8: tested below only
			 "	if (k >= 0 && k < 10) v[k] = 2;\n"
			 "	v[atoi(line + 1)] = 3;\n" // never tested: the taint rules'
			 "	free(v);\n"
			 "}\n"
			 "void starts(char *out) {\n"
			 "	char t[16] = \"abc\";\n"
			 "	strcpy(out, t - 4);\n" // 15
			 "	strcpy(out, t + 1);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.heap-buffer-overflow"), "8");
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.heap-buffer-overflow");
	cr_assert(strstr(f->message, "k is 0..2147483647 (input from atoi() at line 5)"), "%s", f->message);
	cr_assert_eq(f->flow[0].loc.line, 5); // where the input was read
	cr_assert_str_eq(lines(r, "c.buffer-under-read"), "15");
}

Test(bounds, sprintf_formats_are_measured)
{
	result *r = run1("#include <stdio.h>\n"
			 "void f(int port, const char *user, double x) {\n"
			 "	char a[8], b[16], c[4], d[8], e[64];\n"
			 "	sprintf(a, \"port=%d\", 65535);\n" // 4: 11 into 8
			 "	sprintf(b, \"port=%d\", port);\n" // nothing bounds port: unknown
			 "	sprintf(c, \"%x%%\", 255u);\n" // "ff%" + NUL fits 4
			 "	sprintf(c, \"%5s\", \"ab\");\n" // 8: width 5 + NUL
			 "	sprintf(e, \"%.20s:%-8ld|%c\", user, 7L, 'x');\n" // 20 + 1 + 8 + 1 + 1 + 1 fits
			 "	sprintf(c, \"%f\", x);\n" // floats: at least 1, no evidence
			 "	if (port < 0 || port > 999) return;\n"
			 "	sprintf(d, \"%d.%d\", port, port);\n" // at most 8 with the NUL
			 "	puts(a); puts(b); puts(c); puts(d); puts(e);\n"
			 "}\n");
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "4 7");
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.stack-buffer-overflow");
	cr_assert(strstr(f->message, "sprintf() writes 11 bytes into local array 'a' (8 bytes)"), "%s", f->message);
}

Test(bounds, cheap_contexts_do_not_spend_the_budget_of_later_callers)
{
	// 5000 calls with distinct constants to a function with nothing to
	// check: each is a context, none of them does any work, and the
	// overflow of a later caller's buffer is still found.
	size_t cap = 200000, len = 0;
	char *text = bh_arena_alloc(arena, cap);
	len += (size_t)snprintf(text + len, cap - len,
				"#include <string.h>\n"
				"static int twice(int k) { return 2 * k; }\n"
				"int many(void) {\n\tint s = 0;\n");
	for (int i = 0; i < 5000; i++)
		len += (size_t)snprintf(text + len, cap - len, "\ts += twice(%d);\n", i);
	snprintf(text + len, cap - len,
		 "\treturn s;\n}\n"
		 "static void fill(char *b) { memset(b, 0, 64); }\n"
		 "void bad(void) { char small[8]; fill(small); }\n");
	result *r = run1(text);
	const bh_finding *f = bh_test_first_finding(&r->findings, "c.stack-buffer-overflow");
	cr_assert_not_null(f);
	cr_assert(strstr(f->message, "when bad() calls it"), "%s", f->message);
}

Test(bounds, a_result_first_asked_for_by_a_silent_analysis_is_still_reported)
{
	// r1..r7 reach H() too deep for H to ask for G()'s result; A's call
	// H(1, q) is then analysed silently for what it returns in that
	// context (a fresh block), and is the first to ask for G()'s result.
	// G()'s own analysis, made then in place of its top-level one, must
	// report its overflow to the program, not into the silent list.
	char text[4096];
	size_t len = (size_t)snprintf(text, sizeof(text),
				      "#include <stdlib.h>\n"
				      "int r1(int n, char *q);\n"
				      "char *H(int small, char *q);\n"
				      "int G(void);\n"
				      "int A(int k, char *q) { char b[2]; b[0] = (char)r1(k, q); "
				      "char *p = H(1, q); return b[0] + (p != 0); }\n");
	for (int i = 1; i < 7; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
					"int r%d(int n, char *q) { char b[2]; b[0] = 0; return r%d(n, q) + b[0]; }\n",
					i, i + 1);
	snprintf(text + len, sizeof(text) - len,
		 "int r7(int n, char *q) { char b[2]; b[0] = 0; char *p = H(n, q); return b[0] + (p != 0); }\n"
		 "char *H(int small, char *q) { char *p = q; if (small) p = malloc(8); G(); return p; }\n"
		 "int G(void) { char b[4]; b[4] = 1; return b[0]; }\n");
	result *r = run1(text);
	cr_assert_str_eq(lines(r, "c.stack-buffer-overflow"), "14");
}

// ------------------------------------------------------ traces across scans

Test(bounds, context_keysets_find_what_was_added)
{
	bh_bnd_keyset s = { 0 };
	for (uint64_t i = 0; i < 5000; i++) {
		bh_hash128 k = { i * 0x9e3779b97f4a7c15ULL, i };
		bh_bnd_keyset_add(&s, &k)->ret.v = itv((int64_t)i, (int64_t)i);
	}
	cr_assert_eq(s.len, 5000);
	for (uint64_t i = 0; i < 5000; i++) {
		bh_hash128 k = { i * 0x9e3779b97f4a7c15ULL, i }, other = { k.a, i + 1 };
		const bh_bnd_keyed *e = bh_bnd_keyset_find(&s, &k);
		cr_assert(e && e->ret.v.lo == (int64_t)i, "key %llu", (unsigned long long)i);
		cr_assert_null(bh_bnd_keyset_find(&s, &other));
	}
	// Added again: the same entry, its result kept.
	bh_hash128 k7 = { 7 * 0x9e3779b97f4a7c15ULL, 7 };
	cr_assert_eq(bh_bnd_keyset_add(&s, &k7)->ret.v.lo, 7);
	cr_assert_eq(s.len, 5000);
	bh_bnd_keyset_clear(&s);
	cr_assert_eq(s.len, 0);
	cr_assert_null(bh_bnd_keyset_find(&s, &k7));
	bh_bnd_keyset_dispose(&s);
}

// Bounds over `files` with the traces in `in` (NULL: none), saving this
// run's into `out`; its components replayed and analysed.
static result *traced_run(const char *const *files, const bh_bytes *in, bh_bytes *out, size_t *replayed,
			  size_t *analysed)
{
	result *r = bh_arena_alloc(arena, sizeof(*r));
	memset(r, 0, sizeof(*r));
	bh_vec_push(&results, r);
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_test_traced t;
	cr_assert(bh_test_traced_open(&t, arena, "bounds", files, in, &r->findings, &r->diags));
	bh_bounds_options opts = BH_BOUNDS_OPTIONS_INIT;
	opts.proved_fits = note_fits;
	opts.payload = r;
	opts.graph = &t.graph;
	opts.reuse = t.reuse;
	opts.ids = &t.ids;
	cr_assert_eq(bh_bounds_run(&t.prog, &opts, &r->findings, &r->diags), BH_OK);
	bh_test_traced_close(&t, out, replayed, analysed);
	return r;
}

static void assert_same_results(const result *a, const result *b)
{
	cr_assert_eq(a->findings.items.len, b->findings.items.len);
	for (size_t i = 0; i < a->findings.items.len; i++)
		cr_assert_str_eq(a->findings.items.items[i].message, b->findings.items.items[i].message);
	cr_assert_eq(a->fits.len, b->fits.len);
	for (size_t i = 0; i < a->fits.len; i++)
		cr_assert(a->fits.items[i].line == b->fits.items[i].line && a->fits.items[i].col == b->fits.items[i].col);
}

Test(bounds, a_scan_replays_the_top_level_analyses_whose_reads_hold)
{
	// put_at() in nine callers' contexts, at most eight per callee: c9's
	// overflow is not analysed until a context before it goes away.
	static const char util[] = "#include <stdlib.h>\n"
				   "#include <string.h>\n"
				   "void put_at(char *b, int i) { b[i] = 1; }\n"
				   "char *block(void) { return malloc(16); }\n"
				   "void name(void) { char n[8]; strcpy(n, \"abc\"); }\n";
	char main_text[2048];
	size_t len = (size_t)snprintf(main_text, sizeof(main_text), "void put_at(char *b, int i);\nchar *block(void);\n");
	for (int k = 1; k <= 8; k++)
		len += (size_t)snprintf(main_text + len, sizeof(main_text) - len,
					"void c%d(void) { char b[16]; put_at(b, %d); }\n", k, k - 1);
	snprintf(main_text + len, sizeof(main_text) - len,
		 "void c9(void) { char b[16]; put_at(b, 16); }\n"
		 "int grow(void) { char *p = block(); p[20] = 1; return p[0]; }\n");
	const char *v1[] = { "util.c", util, "main.c", main_text, NULL };
	bh_bytes first = { 0 }, second = { 0 }, third = { 0 };
	size_t replayed, analysed;
	result *a = traced_run(v1, NULL, &first, &replayed, &analysed);
	cr_assert(replayed == 0 && analysed > 0);
	cr_assert_str_eq(lines(a, "c.heap-buffer-overflow"), "12");
	cr_assert_str_eq(lines(a, "c.stack-buffer-overflow"), "");
	cr_assert_eq(a->fits.len, 1); // name()'s strcpy
	size_t units = analysed;
	// The same program: every top-level analysis replayed, the same results.
	result *b = traced_run(v1, &first, &second, &replayed, &analysed);
	cr_assert(replayed == units && analysed == 0, "replayed %zu analysed %zu of %zu", replayed, analysed, units);
	assert_same_results(a, b);
	// c3 passes nothing now: c9's context is the eighth, and its overflow
	// is found; what read none of it is replayed.
	char *edited = bh_arena_strdup(arena, main_text);
	char *c3 = strstr(edited, "put_at(b, 2);");
	cr_assert_not_null(c3);
	memcpy(c3, "(void)b;     ", 13);
	const char *v2[] = { "util.c", util, "main.c", edited, NULL };
	result *c = traced_run(v2, &second, &third, &replayed, &analysed);
	result *fresh = run(v2);
	cr_assert(replayed > 0 && analysed > 0, "replayed %zu analysed %zu", replayed, analysed);
	bh_findings_sort_unique(&c->findings);
	assert_same_results(fresh, c);
	const bh_finding *f = bh_test_first_finding(&c->findings, "c.stack-buffer-overflow");
	cr_assert(f && strstr(f->message, "when c9() calls it"), "%s", f ? f->message : "(none)");
	bh_vec_dispose(&first);
	bh_vec_dispose(&second);
	bh_vec_dispose(&third);
}
