// SPDX-License-Identifier: MIT
// Unit tests of the taint analysis (bh_taint): the model parser, and the
// engine on small programs compiled by libclang (the IR of real C is the
// engine's only input, so tests write C rather than IR by hand). The
// labelled fixtures of every rule and flow shape are golden cases under
// testdata/taint/; these tests pin the mechanisms one at a time.
#include <criterion/criterion.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/clang.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/taint.h"
#include "program.h"

typedef struct {
	bh_findings findings;
	bh_diags diags;
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
	}
	bh_vec_dispose(&results);
	bh_arena_free(arena);
}

TestSuite(taint, .init = setup, .fini = teardown);

// ----------------------------------------------------------------- models

Test(taint, builtin_models_parse_without_errors)
{
	bh_taint_models m;
	bh_diags d;
	bh_taint_models_init(&m);
	bh_diags_init(&d, arena);
	bh_taint_models_add_builtin(&m, arena, &d);
	cr_assert_eq(d.items.len, 0, "first: %s:%u %s", d.items.len ? d.items.items[0].loc.path : "",
		     d.items.len ? d.items.items[0].loc.line : 0,
		     d.items.len ? d.items.items[0].message : "");
	cr_assert_gt(m.items.len, 200);
	size_t n;
	const bh_taint_model *sys = bh_taint_models_find(&m, "system", &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(sys->kind, BH_TAINT_SINK);
	cr_assert_str_eq(sys->rule->id, "c.command-injection");
	cr_assert_null(bh_taint_models_find(&m, "no_such_function", &n));
	cr_assert_eq(n, 0);
	bh_taint_models_dispose(&m);
	bh_diags_dispose(&d);
}

Test(taint, model_lines_of_every_kind_parse)
{
	static const char text[] =
		"# comment\n"
		"\n"
		"source    read_request  arg1      request body   # trailing comment\n"
		"propagate decode        arg0.. -> ret\n"
		"sink      run_query     arg2      c.command-injection\n"
		"sanitize  shell_quote   ret\n"
		"guard     is_safe_name  arg0\n"
		"source    handler       param0    HTTP request\n"
		"source    parse_opts    global:g_opt   option\n"
		"returns   read_into     arg1\n";
	bh_taint_models m;
	bh_diags d;
	bh_taint_models_init(&m);
	bh_diags_init(&d, arena);
	cr_assert_eq(bh_taint_models_parse(&m, arena, text, "x.models", 1, &d), 0);
	cr_assert_eq(d.items.len, 0);
	size_t n;
	const bh_taint_model *src = bh_taint_models_find(&m, "read_request", &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(src->to.kind, BH_TAINT_PLACE_ARG);
	cr_assert_eq(src->to.index, 1);
	cr_assert_str_eq(src->what, "request body");
	cr_assert_eq(src->origin.line, 3);
	const bh_taint_model *prop = bh_taint_models_find(&m, "decode", &n);
	cr_assert(prop->from.and_after);
	cr_assert_eq(prop->to.kind, BH_TAINT_PLACE_RET);
	const bh_taint_model *g = bh_taint_models_find(&m, "parse_opts", &n);
	cr_assert_eq(g->to.kind, BH_TAINT_PLACE_GLOBAL);
	cr_assert_str_eq(g->to.global, "g_opt");
	cr_assert_eq(bh_taint_models_find(&m, "handler", &n)->to.kind, BH_TAINT_PLACE_PARAM);
	cr_assert_eq(bh_taint_models_find(&m, "is_safe_name", &n)->kind, BH_TAINT_GUARD);
	const bh_taint_model *ret = bh_taint_models_find(&m, "read_into", &n);
	cr_assert_eq(ret->kind, BH_TAINT_RETURNS);
	cr_assert_eq(ret->to.index, 1);
	bh_taint_models_dispose(&m);
	bh_diags_dispose(&d);
}

Test(taint, bad_model_lines_are_diagnosed_and_skipped)
{
	static const char text[] =
		"source getenv ret ok\n"            // 1: fine
		"taint getenv ret\n"                // 2: unknown kind
		"sink system\n"                     // 3: no place
		"sink system arg0\n"                // 4: no rule
		"sink system arg0 c.nope\n"         // 5: unknown rule
		"sink system arg0 docker.root-user\n" // 6: not a C rule
		"propagate strcpy arg1 arg0\n"      // 7: no arrow
		"source f argx\n"                   // 8: bad place
		"sanitize f arg0\n"                 // 9: sanitize needs ret
		"guard f ret\n"                     // 10: guard needs an argument
		"source f arg999 big\n"             // 11: index out of range
		"propagate f param0 -> ret\n"       // 12: params are for sources
		"returns f ret\n"                   // 13: returns an argument
		"returns f arg0..\n";               // 14: ... one argument
	bh_taint_models m;
	bh_diags d;
	bh_taint_models_init(&m);
	bh_diags_init(&d, arena);
	cr_assert_eq(bh_taint_models_parse(&m, arena, text, "cfg.json", 1, &d), 13);
	cr_assert_eq(m.items.len, 1);
	cr_assert_eq(d.items.len, 13);
	for (size_t i = 0; i < d.items.len; i++) {
		cr_assert_str_eq(d.items.items[i].code, "taint.bad-model");
		cr_assert_eq(d.items.items[i].level, BH_LEVEL_ERROR);
		cr_assert_eq(d.items.items[i].loc.line, i + 2);
	}
	bh_taint_models_dispose(&m);
	bh_diags_dispose(&d);
}

// ----------------------------------------------------------------- engine

// Compile `files` (name, text pairs, NULL-terminated) as one program and
// run the taint analysis with the built-in models plus `extra` lines.
static result *run_counting(const char *const *files, const char *extra, size_t *analyses)
{
	result *r = bh_arena_alloc(arena, sizeof(*r));
	bh_vec_push(&results, r);
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_ir_program prog;
	bh_ir_program_init(&prog);
	cr_assert(bh_test_compile_program(arena, files, &prog, &r->findings, &r->diags));
	bh_taint_models m;
	bh_taint_models_init(&m);
	bh_taint_models_add_builtin(&m, arena, &r->diags);
	if (extra)
		bh_taint_models_parse(&m, arena, extra, "extra", 1, &r->diags);
	bh_taint_options opts = BH_TAINT_OPTIONS_INIT;
	opts.analyses = analyses;
	cr_assert_eq(bh_taint_run(&prog, &m, &opts, &r->findings, &r->diags), BH_OK);
	bh_taint_models_dispose(&m);
	bh_ir_program_dispose(&prog);
	bh_findings_sort_unique(&r->findings);
	return r;
}

static result *run(const char *const *files, const char *extra)
{
	return run_counting(files, extra, NULL);
}

static const char *lines_of(const result *r, const char *id)
{
	return bh_test_rule_lines(arena, &r->findings, id);
}

static const bh_finding *first_of(const result *r, const char *id)
{
	return bh_test_first_finding(&r->findings, id);
}

Test(taint, argv_to_system_has_a_path_from_source_to_sink)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"int main(int argc, char **argv) {\n"
		"\tchar *cmd = argv[1];\n"
		"\treturn system(cmd);\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	const bh_finding *f = first_of(r, "c.command-injection");
	cr_assert_not_null(f);
	cr_assert_eq(f->loc.line, 4);
	cr_assert_str_eq(f->message, "system() runs a command built from command-line argument (argv)");
	cr_assert_eq(f->nflow, 3);
	cr_assert_str_eq(f->flow[0].message, "command-line argument 'argv'");
	cr_assert_str_eq(f->flow[1].message, "assigned to 'cmd'");
	cr_assert_eq(f->flow[1].loc.line, 3);
	cr_assert_str_eq(f->flow[2].message, "reaches system()");
}

// A caller's explanation of an argument starts the path of every sink the
// argument reaches in the callee, through calls within calls: the paths
// share it (taint_internal.h, `sub`), and each reads in order.
Test(taint, one_explanation_starts_the_paths_of_every_sink_it_reaches)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"static void run2(const char *a, const char *b) {\n"
		"\tsystem(a);\n"
		"\tsystem(b);\n"
		"}\n"
		"static void mid(const char *cmd) {\n"
		"\tconst char *c = cmd;\n"
		"\trun2(c, c);\n"
		"}\n"
		"int main(int argc, char **argv) {\n"
		"\tchar *arg = argv[1];\n"
		"\tmid(arg);\n"
		"\treturn argc;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "3 4");
	for (size_t i = 0; i < r->findings.items.len; i++) {
		const bh_finding *f = &r->findings.items.items[i];
		bool first = f->loc.line == 3; // system(a), else system(b)
		const char *const want[] = {
			"10 command-line argument 'argv'", "11 assigned to 'arg'",
			"12 passed to mid() as argument 1", "6 parameter 'cmd' of mid()",
			"7 assigned to 'c'",
			first ? "8 passed to run2() as argument 1" : "8 passed to run2() as argument 2",
			first ? "2 parameter 'a' of run2()" : "2 parameter 'b' of run2()",
			first ? "3 reaches system()" : "4 reaches system()",
		};
		cr_assert_eq(f->nflow, BH_ARRAY_LEN(want), "%zu steps", f->nflow);
		for (size_t k = 0; k < f->nflow; k++) {
			char got[128];
			snprintf(got, sizeof(got), "%u %s", f->flow[k].loc.line, f->flow[k].message);
			cr_expect_str_eq(got, want[k], "step %zu", k);
		}
	}
}

Test(taint, constants_and_untainted_values_do_not_fire)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"static const char *pick(int v) { return v ? \"ls\" : \"true\"; }\n"
		"int main(int argc, char **argv) {\n"
		"\tchar buf[64];\n"
		"\tsnprintf(buf, sizeof buf, \"echo %d\", argc);\n" // a number is not text
		"\tsystem(buf);\n"
		"\tprintf(pick(argc));\n"
		"\tprintf(\"%s\", argv[1]);\n"
		"\treturn system(\"date\");\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_eq(r->findings.items.len, 0, "first: %s at %u",
		     r->findings.items.len ? r->findings.items.items[0].message : "",
		     r->findings.items.len ? r->findings.items.items[0].loc.line : 0);
}

Test(taint, bounds_checks_clear_size_sinks_only_on_the_checked_branch)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n#include <string.h>\n"
		"void f(const char *src) {\n"
		"\tchar buf[16];\n"
		"\tsize_t n = strtoul(getenv(\"N\"), NULL, 10);\n"
		"\tint i = atoi(getenv(\"I\"));\n"
		"\tif (n < sizeof buf)\n"
		"\t\tmemcpy(buf, src, n);\n"  // 8: checked
		"\telse\n"
		"\t\tmemcpy(buf, src, n);\n"  // 10: not checked
		"\tif (i < 16)\n"
		"\t\tbuf[i] = 0;\n"           // 12: signed, no lower bound
		"\tif (i >= 0 && i < 16)\n"
		"\t\tbuf[i] = 1;\n"           // 14: both bounds
		"\tif ((unsigned)i < 16u)\n"
		"\t\tbuf[i] = 2;\n"           // 16: an unsigned compare bounds both ends
		"\tbuf[n % 16] = 3;\n"        // 17: a remainder is bounded
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-length"), "10");
	cr_assert_str_eq(lines_of(r, "c.tainted-index"), "12");
}

Test(taint, a_tested_string_length_bounds_distances_within_the_string)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <string.h>\n"
		"void f(const char *s, int k) {\n"
		"\tchar buf[16];\n"
		"\tconst char *dot = strchr(s, '.');\n"
		"\tif (!dot)\n"
		"\t\treturn;\n"
		"\tbuf[dot - s] = 0;\n"                 // 8: nothing tested yet
		"\tif (k && strlen(s) >= sizeof buf)\n"
		"\t\treturn;\n"
		"\tbuf[dot - s] = 1;\n"                 // 11: the test may be skipped
		"\tsize_t n = strlen(s);\n"
		"\tif (n >= sizeof buf)\n"
		"\t\treturn;\n"
		"\tbuf[dot - s] = 2;\n"                 // 15: tested through n
		"\tmemcpy(buf, s, (size_t)(dot - s));\n" // 16: a length too
		"}\n"
		"void g(const char *s) {\n"
		"\tchar buf[16];\n"
		"\tif (strlen(s) < sizeof buf)\n"
		"\t\treturn;\n"
		"\tconst char *dot = strchr(s, '.');\n"
		"\tif (dot)\n"
		"\t\tbuf[dot - s] = 0;\n"               // 24: tested the other way
		"\ts = dot;\n"
		"}\n"
		"void h(const char *s) {\n"
		"\tchar buf[16];\n"
		"\tif (strlen(s) >= sizeof buf)\n"
		"\t\treturn;\n"
		"\ts = strchr(s, '=');\n"
		"\tconst char *dot = strchr(s, '.');\n"
		"\tbuf[dot - s] = 0;\n"                 // 33: s moved after its test
		"}\n"
		"int main(void) {\n"
		"\tchar line[512];\n"
		"\tif (!fgets(line, sizeof line, stdin))\n"
		"\t\treturn 1;\n"
		"\tf(line, 1);\n"
		"\tg(line);\n"
		"\th(line);\n"
		"\treturn 0;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-index"), "8 11 24 33");
	cr_assert_str_eq(lines_of(r, "c.tainted-length"), "");
}

Test(taint, arithmetic_computed_again_where_a_test_bounded_it_is_bounded)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n"
		"#define MIN(a, b) ((a) < (b) ? (a) : (b))\n"
		"#define MAX(a, b) ((a) > (b) ? (a) : (b))\n"
		"void f(const char *s, size_t len, size_t off, size_t k, int n, int m) {\n"
		"\tchar b[32];\n"
		"\tmemcpy(b, s, MIN(len - off, sizeof b));\n"    // 8: clamped
		"\tmemcpy(b, s, MAX(len - off, sizeof b));\n"    // 9: the other side
		"\tmemcpy(b, s, MIN(n - m, 32));\n"              // 10: signed, may be negative
		"\tif (len - off < sizeof b) {\n"
		"\t\tmemcpy(b, s, len - off);\n"                 // 12: the tested side
		"\t\tmemcpy(b, s, len - k);\n"                   // 13: other arithmetic
		"\t\toff = 0;\n"
		"\t\tmemcpy(b, s, len - off);\n"                 // 15: off changed since
		"\t}\n"
		"}\n"
		"int main(void) {\n"
		"\tchar line[512];\n"
		"\tif (read(0, line, sizeof line) < 4)\n"
		"\t\treturn 1;\n"
		"\tf(line, (size_t)line[0], (size_t)line[1], (size_t)line[2], line[0], line[1]);\n"
		"\treturn 0;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-length"), "9 10 13 15");
}

Test(taint, a_bound_divided_on_every_pass_makes_no_work)
{
	// Each loop its own input: a test that ends one loop bounds its
	// variable for the next.
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"int rare(void);\n"
		"typedef unsigned long u;\n"
		"int f(u a, u b, u c, u e, u g, u h, long s) {\n"
		"\tint d = 0;\n"
		"\twhile (a >= 10) { a /= 10; d++; }\n"          // 7: digits
		"\tdo { d++; b >>= 6; } while (b > 3);\n"        // 8: bits, tested after
		"\twhile (c >= 10) { if (rare()) c /= 10; d++; }\n" // 9: some passes only
		"\twhile (e >= g) { e /= g; d++; }\n"            // 10: a divisor from input
		"\tfor (u i = 0; i < h; i++) h /= 2;\n"          // 11: the bound halves
		"\twhile (s > 1) { s >>= 1; d++; }\n"            // 12: a signed shift
		"\treturn d;\n"
		"}\n"
		"int g(const u *v, u n) {\n"                      // 15
		"\tint d = 0;\n"
		"\tfor (u i = 0; i < 4 && i < n; i++) {\n"
		"\t\tu x = v[i];\n"
		"\t\twhile (x >= 10) { x /= 10; d++; }\n"       // 19: inside another loop
		"\t\tu y = v[i];\n"
		"\t\twhile (y >= 10) { if (y & 1) break; y--; }\n" // 21: counts down by one
		"\t}\n"
		"\treturn d;\n"
		"}\n"
		"int main(void) {\n"
		"\tchar line[64];\n"
		"\tif (!fgets(line, sizeof line, stdin))\n"
		"\t\treturn 1;\n"
		"\tu n = strtoul(line, NULL, 10);\n"
		"\tu v[4] = { n, n, n, n };\n"
		"\treturn f(n, n, n, n, n, n, (long)n) + g(v, n);\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-loop-bound"), "9 10 12 21");
}

// A returned object's fields reach callers one by one: input in its name
// leaves its count as the constructor stored it, and a field stored on
// some paths only holds that or what the rest of the object holds.
// Tests of a loop beyond its head's and back edge's: a test chained to
// them by && or || bounds the loop as much; one capping the counter at a
// constant on every pass bounds it whatever the input says; an `if` that
// returns from the body or breaks on some passes only is no test of the
// loop; a value the loop reads anew from a call counts nothing; and one
// loop whose tests compare one variable is one finding.
Test(taint, loop_tests_chained_capped_and_read_anew)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"typedef unsigned long u;\n"
		"int scan(const long *v, u n) {\n"
		"\tfor (u i = 1; i < 64 && i < n; i++)\n"          // 5: capped
		"\t\tif (v[i] <= v[i - 1]) return 0;\n"          // 6: returns, no test of the loop
		"\treturn 1;\n"
		"}\n"
		"int and(char **p, u n) { int d = 0; for (u i = 0; p[i] && i < n; i++) d++; return d; }\n" // 9
		"int or(int a, u n) { int d = 0; for (u i = 0; a > 5 || i < n; i++) d++; return d; }\n"    // 10
		"int cap(u n) { int d = 0; for (u i = 0; i < n && i < 32; i++) d++; return d; }\n"         // 11
		"int brk(u n) { int d = 0; for (u i = 0; i < n; i++) { if (i >= 32) break; d++; } return d; }\n" // 12
		"int some(int a, u n) { int d = 0; for (u i = 0; i < n; i++) { if (a) { if (i >= 32) break; } d++; } return d; }\n" // 13
		"int above(u n) { u j = 0; while (j < n && j > 2) j++; return (int)j; }\n"                 // 14
		"int down(u n) { int d = 0; long r = (long)n; while (r < 0 || r-- > 0) d++; return d; }\n" // 15
		"int again(char *line) {\n"
		"\tint k = 0;\n"
		"\twhile (k <= 0 || k > 9) { if (!fgets(line, 64, stdin)) break; k = atoi(line); }\n" // 18
		"\treturn k;\n"
		"}\n"
		"int main(int argc, char **argv) {\n"
		"\tchar line[64];\n"
		"\tif (!fgets(line, sizeof line, stdin))\n"
		"\t\treturn 1;\n"
		"\tu n = strtoul(line, NULL, 10);\n"
		"\tlong v[2] = { (long)n, 1 };\n"
		"\treturn scan(v, n) + and(argv, n) + or(argc, n) + cap(n) + brk(n) + some(argc, n) +\n"
		"\t       above(n) + down(n) + again(line);\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-loop-bound"), "9 10 13 14 15");
	size_t on_15 = 0;
	for (size_t i = 0; i < r->findings.items.len; i++)
		on_15 += r->findings.items.items[i].loc.line == 15;
	cr_assert_eq(on_15, 1);
}

Test(taint, a_returned_objects_fields_reach_callers_one_by_one)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
		"struct o { char *name; unsigned long count, size, len; };\n"
		"static int fill(struct o *p, const char *s) {\n"
		"\tif (!s)\n"
		"\t\treturn 1;\n"
		"\tp->name = strdup(s);\n"
		"\tp->count = 4;\n"                                // 9: constant
		"\tp->size = strtoul(s, NULL, 10);\n"              // 10: input
		"\treturn 0;\n"
		"}\n"
		"static struct o *make(const char *s) {\n"
		"\tstruct o *p = calloc(1, sizeof *p);\n"
		"\tif (p && fill(p, s)) { free(p); return NULL; }\n"
		"\treturn p;\n"
		"}\n"
		"static struct { struct o *cur; } g;\n"
		"int main(void) {\n"                               // 19
		"\tchar line[64];\n"
		"\tif (!fgets(line, sizeof line, stdin))\n"
		"\t\treturn 1;\n"
		"\tstruct o *p = make(line);\n"
		"\tif (!p)\n"
		"\t\treturn 1;\n"
		"\tint d = 0;\n"
		"\tfor (unsigned long i = 0; i < p->count; i++) d++;\n" // 27: quiet
		"\tfor (unsigned long i = 0; i < p->size; i++) d++;\n"  // 28: input
		"\tfor (unsigned long i = 0; i < p->len; i++) d++;\n"   // 29: never stored
		"\tg.cur = make(line);\n"
		"\tfor (unsigned long i = 0; g.cur && i < g.cur->count; i++) d++;\n" // 31: quiet
		"\treturn d;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-loop-bound"), "28");
	const bh_finding *f = first_of(r, "c.tainted-loop-bound");
	cr_assert_str_eq(f->message, "loop bound 'p->size' comes from input read by fgets without an upper bound");
}

// Returns of different objects: a field one object stores and another
// lacks holds, at that other return, what the rest of its object holds;
// the joined field keeps what each return's object held, in either order.
Test(taint, returned_fields_join_the_objects_of_every_return)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"struct o { unsigned long count, size; };\n"
		"static struct o fallback = { 2, 2 };\n"
		"static struct o *first_new(const char *s) {\n"    // 5
		"\tstruct o *p = calloc(1, sizeof *p);\n"
		"\tif (p && s[0]) { p->size = strtoul(s, NULL, 10); p->count = 3; return p; }\n"
		"\tfree(p);\n"
		"\treturn &fallback;\n"
		"}\n"
		"static struct o *first_shared(const char *s) {\n" // 11
		"\tif (!s[0]) return &fallback;\n"
		"\tstruct o *p = calloc(1, sizeof *p);\n"
		"\tif (!p) return NULL;\n"
		"\tp->size = strtoul(s, NULL, 10);\n"
		"\tp->count = 3;\n"
		"\treturn p;\n"
		"}\n"
		"int main(void) {\n"                               // 19
		"\tchar line[64];\n"
		"\tif (!fgets(line, sizeof line, stdin))\n"
		"\t\treturn 1;\n"
		"\tstruct o *a = first_new(line), *b = first_shared(line);\n"
		"\tint d = 0;\n"
		"\tfor (unsigned long i = 0; i < a->size; i++) d++;\n"       // 25: input
		"\tfor (unsigned long i = 0; i < a->count; i++) d++;\n"      // 26: quiet
		"\tfor (unsigned long i = 0; b && i < b->size; i++) d++;\n"  // 27: input
		"\tfor (unsigned long i = 0; b && i < b->count; i++) d++;\n" // 28: quiet
		"\treturn d;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-loop-bound"), "25 27");
}

Test(taint, a_remainder_is_as_bounded_as_its_divisor)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"static int pick(int n, int m) { return n % m; }\n"
		"void f(void) {\n"
		"\tchar buf[16];\n"
		"\tsize_t n = strtoul(getenv(\"N\"), NULL, 10);\n"
		"\tsize_t m = strtoul(getenv(\"M\"), NULL, 10);\n"
		"\tbuf[n & 15] = 0;\n"           // 7: bounded by the constant
		"\tbuf[n & ~7ul] = 0;\n"         // 8: a negative mask keeps n's size
		"\tbuf[n % m] = 0;\n"            // 9: m is unbounded
		"\tbuf[pick(rand(), 16)] = 0;\n" // 10: the caller's divisor is 16
		"\tbuf[pick(5, (int)m)] = 0;\n"  // 11: the caller's divisor is m
		"\tif (m > 0 && m <= 16)\n"
		"\t\tbuf[n % m] = 0;\n"         // 13: m is checked
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-index"), "8 9 11");
}

Test(taint, constant_conditions_make_paths_infeasible)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"static const int MODE = 5;\n"
		"static int debug = 0;\n" // initialised and never written
		"static int always(void) { return 1; }\n"
		"int main(void) {\n"
		"\tconst char *a = \"ls\", *b = \"ls\", *c = \"ls\", *d = \"ls\";\n"
		"\tint flag = 0;\n"
		"\tif (MODE != 5) a = getenv(\"A\");\n"
		"\tif (debug) b = getenv(\"B\");\n"
		"\tif (!always()) c = getenv(\"C\");\n"
		"\tif (flag) d = getenv(\"D\");\n"
		"\tsystem(a); system(b); system(c); system(d);\n"
		"\tif (MODE == 5) a = getenv(\"E\");\n"
		"\treturn system(a);\n" // 14: the taken branch
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "14");
}

Test(taint, flows_cross_files_through_returns_globals_fields_and_callees)
{
	static const char *const files[] = {
		"shared.h",
		"struct req { int len; char *path; };\n"
		"char *read_name(void);\n"
		"void keep(char *s);\n"
		"void use_kept(void);\n"
		"void run(const char *cmd);\n"
		"void fill(struct req *r);\n",
		"a.c",
		"#include <stdio.h>\n#include <stdlib.h>\n#include \"shared.h\"\n"
		"static char *kept;\n"
		"char *read_name(void) { return getenv(\"NAME\"); }\n"
		"void keep(char *s) { kept = s; }\n"
		"void use_kept(void) { printf(kept); }\n" // 7
		"void run(const char *cmd) { system(cmd); }\n" // 8
		"void fill(struct req *r) { r->path = getenv(\"P\"); r->len = 4; }\n",
		"b.c",
		"#include <stdio.h>\n#include \"shared.h\"\n"
		"int main(void) {\n"
		"\tstruct req q;\n"
		"\tfill(&q);\n"
		"\tfopen(q.path, \"r\");\n"   // 6
		"\tkeep(read_name());\n"
		"\tuse_kept();\n"
		"\trun(read_name());\n"
		"\treturn 0;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.format-string"), "7");
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "8");
	cr_assert_str_eq(lines_of(r, "c.path-traversal"), "6");
	const bh_finding *f = first_of(r, "c.command-injection");
	cr_assert_str_eq(f->loc.path, "a.c");
	bool through_call = false;
	for (size_t i = 0; i < f->nflow; i++)
		through_call |= strcmp(f->flow[i].message, "passed to run() as argument 1") == 0 &&
				strcmp(f->flow[i].loc.path, "b.c") == 0;
	cr_assert(through_call);
}

Test(taint, user_models_add_sources_sinks_and_guards)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"char *next_message(void);\n"
		"int is_safe(const char *s);\n"
		"void exec_query(const char *q);\n"
		"int main(void) {\n"
		"\tchar *m = next_message();\n"
		"\texec_query(m);\n"               // 7: user sink
		"\tif (is_safe(m))\n"
		"\t\tsystem(m);\n"                 // 9: guarded
		"\treturn system(m);\n"            // 10
		"}\n",
		NULL,
	};
	result *r = run(files, "source next_message ret message queue\n"
			       "sink exec_query arg0 c.command-injection\n"
			       "guard is_safe arg0\n");
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "7 10");
	cr_assert_str_eq(first_of(r, "c.command-injection")->message,
			 "exec_query() runs a command built from message queue (next_message)");
}

Test(taint, recursion_and_function_pointers_terminate_and_resolve)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"static void sink(const char *s) { system(s); }\n" // 2
		"static void ping(const char *s, int n);\n"
		"static void pong(const char *s, int n) { if (n) ping(s, n - 1); else sink(s); }\n"
		"static void ping(const char *s, int n) { pong(s, n); }\n"
		"int main(int argc, char **argv) {\n"
		"\tvoid (*fp)(const char *) = sink;\n"
		"\tfp(\"constant\");\n"
		"\tping(argv[1], argc);\n"
		"\treturn 0;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "2");
}

Test(taint, a_huge_function_is_cut_off_with_a_note_not_a_stall)
{
	// 3,000 chained assignments in one loop: enough for the solver's
	// budget or its fact-size cap; either way a note, never a hang.
	size_t cap = 200000;
	char *src = bh_arena_alloc(arena, cap);
	size_t len = (size_t)snprintf(src, cap, "#include <stdlib.h>\nint main(int c, char **v) {\n"
					"\tchar *p0 = v[1];\n\tfor (int i = 0; i < c; i++) {\n");
	for (int i = 1; i < 3000; i++)
		len += (size_t)snprintf(src + len, cap - len, "\t\tchar *p%d = p%d; if (i == %d) continue;\n",
					i, i - 1, i);
	snprintf(src + len, cap - len, "\t\tsystem(p2999);\n\t}\n\treturn 0;\n}\n");
	const char *files[] = { "big.c", src, NULL };
	result *r = run(files, NULL);
	bool finding = first_of(r, "c.command-injection") != NULL;
	bool note = false;
	for (size_t i = 0; i < r->diags.items.len; i++)
		note |= strcmp(r->diags.items.items[i].code, "taint.incomplete") == 0;
	cr_assert(finding || note, "neither a finding nor a taint.incomplete note");
}

Test(taint, every_program_of_a_context_is_analysed)
{
	// Two programs in one build context, each with its own main.
	static const char *const files[] = {
		"server.c",
		"#include <stdlib.h>\nint main(void) { return system(getenv(\"CMD\")); }\n",
		"client.c",
		"#include <stdio.h>\nint main(int c, char **v) { return printf(v[c - 1]); }\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "2");
	cr_assert_str_eq(lines_of(r, "c.format-string"), "2");
}

Test(taint, the_command_line_reaches_injection_sinks_only)
{
	// The invoker chooses files and sizes on purpose; a shell command or
	// a format built from argv is still a bug.
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"int main(int argc, char **argv) {\n"
		"\tFILE *f = fopen(argv[1], \"r\");\n"          // 4: path: no
		"\tchar *b = malloc(atoi(argv[2]));\n"           // 5: size: no
		"\tprintf(argv[3]);\n"                           // 6: format: yes
		"\tfclose(f); free(b);\n"
		"\treturn system(argv[argc - 1]);\n"             // 8: command: yes
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.path-traversal"), "");
	cr_assert_str_eq(lines_of(r, "c.tainted-alloc-size"), "");
	cr_assert_str_eq(lines_of(r, "c.format-string"), "6");
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "8");
}

Test(taint, bytes_index_full_tables_but_not_short_arrays)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n"
		"static const unsigned char class_of[256] = { 0 };\n"
		"static const int weight[10] = { 0 };\n"
		"int main(void) {\n"
		"\tchar line[64];\n"
		"\tif (!fgets(line, sizeof line, stdin)) return 1;\n"
		"\tint c = getchar();\n"
		"\tint a = class_of[(unsigned char)line[0]];\n"   // 8: a byte into 256: no
		"\tint b = weight[c - '0'];\n"                     // 9: into 10: yes
		"\tfor (int i = 0; i < c; i++) a++;\n"             // 10: a byte bound: no
		"\treturn a + b;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-index"), "9");
	cr_assert_str_eq(lines_of(r, "c.tainted-loop-bound"), "");
}

Test(taint, an_index_through_a_pointer_parameter_needs_the_callers_array)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"static void bump(int *hist, int k) { hist[k]++; }\n"          // 2
		"static void own(int *t) { t[atoi(getenv(\"K\"))] = 1; }\n"    // 3
		"int main(void) {\n"
		"\tint hist[10] = { 0 };\n"
		"\tint *heap = calloc(10, sizeof *heap);\n"
		"\tint k = atoi(getenv(\"N\"));\n"
		"\tbump(hist, k);\n"
		"\tbump(heap, k);\n" // extent unknown: not judged
		"\town(hist);\n"
		"\tfree(heap);\n"
		"\treturn 0;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-index"), "2 3");
}

Test(taint, a_pointer_writes_where_it_points_at_that_point)
{
	// p points to cmd, then to scratch: fgets through p fills scratch
	// only. A flow-insensitive points-to set would taint cmd too.
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"int main(void) {\n"
		"\tchar cmd[32] = \"date\", scratch[32];\n"
		"\tchar *p = cmd;\n"
		"\tp = scratch;\n"
		"\tif (!fgets(p, sizeof scratch, stdin)) return 1;\n"
		"\tsystem(cmd);\n"       // 8: clean
		"\tp = cmd;\n"
		"\tif (!fgets(p, sizeof cmd, stdin)) return 1;\n"
		"\treturn system(cmd);\n" // 11: tainted
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "11");
}

Test(taint, sources_fill_the_fields_of_local_structs_and_arrays_hold_functions)
{
	// recvmsg fills what msg.msg_iov points to: iov, whose field points to
	// buf. A struct's fields are its own memory, not one step further.
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n#include <sys/socket.h>\n#include <sys/uio.h>\n"
		"static int run(const char *s) { return system(s); }\n" // 4
		"int main(void) {\n"
		"\tchar buf[64];\n"
		"\tstruct iovec iov;\n"
		"\tstruct msghdr msg = { 0 };\n"
		"\tint (*fns[2])(const char *);\n"
		"\tiov.iov_base = buf;\n"
		"\tiov.iov_len = sizeof buf - 1;\n"
		"\tmsg.msg_iov = &iov;\n"
		"\tmsg.msg_iovlen = 1;\n"
		"\tif (recvmsg(0, &msg, 0) <= 0) return 1;\n"
		"\tbuf[63] = 0;\n"
		"\tfns[0] = run;\n"
		"\treturn fns[0](buf);\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "4");
}

Test(taint, operations_tables_resolve_indirect_calls)
{
	// The functions an operations table's initialiser names are what a
	// call through its field may call: one row or several, through the
	// table, an element, or a pointer to it.
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"struct handler { const char *name; int (*run)(const char *); };\n"
		"static int do_exec(const char *a) { return system(a); }\n" // 4
		"static int do_echo(const char *a) { return puts(a); }\n"
		"static int do_shell(const char *a) { return system(a); }\n" // 6
		"static const struct handler handlers[] = {\n"
		"\t{ \"exec\", do_exec }, { \"echo\", do_echo } };\n"
		"static const struct handler shell = { \"sh\", do_shell };\n"
		"int main(int argc, char **argv) {\n"
		"\tchar buf[64];\n"
		"\tconst struct handler *h = &shell;\n"
		"\tif (!fgets(buf, sizeof buf, stdin)) return 1;\n"
		"\tfor (int i = 0; i < 2; i++)\n"
		"\t\thandlers[i].run(argc > 1 ? argv[1] : \"x\");\n" // the command line: injection
		"\tshell.run(\"uptime\");\n"                         // a constant: nothing
		"\treturn h->run(buf);\n"                           // through a pointer: do_shell
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "4 6");
}

Test(taint, initialiser_lists_taint_only_the_members_they_set)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"struct job { const char *cmd; const char *label; };\n"
		"static int run(const char *s) { return system(s); }\n" // 4
		"int main(void) {\n"
		"\tchar line[64];\n"
		"\tif (!fgets(line, sizeof line, stdin)) return 1;\n"
		"\tstruct job safe = { .cmd = \"uptime\", .label = line };\n"
		"\tstruct job bad = { line, \"user\" };\n"
		"\tint (*fns[])(const char *) = { run };\n"
		"\tsystem(safe.cmd);\n"                 // 11: a constant
		"\tsystem((struct job){ .cmd = line }.cmd);\n" // 12: a compound literal
		"\tfns[0](safe.label);\n"                 // into run(): line 4
		"\treturn system(bad.cmd);\n"             // 14
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "4 12 14");
}

Test(taint, callbacks_and_tables_chosen_by_callers_guard_their_sinks)
{
	// A helper calls a callback parameter and a member of a table passed
	// in; a sink behind them fires only for the callers that chose the
	// function holding it.
	static const char *const files[] = {
		"main.c",
		"#include <stdio.h>\n#include <stdlib.h>\n"
		"typedef int (*fn)(const char *);\n"
		"struct ops { fn run; };\n"
		"static int do_exec(const char *a) { return system(a); }\n" // 5
		"static int do_echo(const char *a) { return puts(a); }\n"
		"static int apply(fn f, const char *s) { return f(s); }\n"
		"static int serve(const struct ops *o, const char *s) { return o->run(s); }\n"
		"static const struct ops exec_ops = { do_exec };\n"
		"static const struct ops echo_ops = { do_echo };\n"
		"int quiet(void) { char b[64]; if (!fgets(b, sizeof b, stdin)) return 1;\n"
		"\treturn apply(do_echo, b) + apply(do_exec, \"ls\") + serve(&echo_ops, b) + serve(&exec_ops, \"ls\"); }\n"
		"int loud(void) { char b[64]; if (!fgets(b, sizeof b, stdin)) return 1; return serve(&exec_ops, b); }\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "5");
	const bh_finding *f = first_of(r, "c.command-injection");
	bool via_serve = false;
	for (size_t i = 0; i < f->nflow; i++)
		via_serve |= f->flow[i].loc.line == 13;
	cr_assert(via_serve, "the path starts in loud()");
}

// ------------------------------------------------------------------ reuse

Test(taint, a_later_round_analyses_only_what_reads_a_new_global)
{
	// use() is analysed before set() taints g (definition order), so a
	// second round is needed for use()'s finding. In it, use() and set()
	// (which looked g up when g was clean) are analysed again; main()
	// read only their summaries, which did not change, and is replayed.
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"char *g;\n"
		"void use(void) { system(g); }\n"
		"void set(void) { g = getenv(\"CMD\"); }\n"
		"int main(void) { use(); set(); return 0; }\n",
		NULL,
	};
	size_t analyses = 0;
	result *r = run_counting(files, NULL, &analyses);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "3");
	cr_assert_eq(analyses, 5, "3 in the first round, 2 in the second, not %zu", analyses);
}

Test(taint, a_later_round_reads_no_summary_through_a_dropped_edge)
{
	// run()'s call of cb would close the cycle handler -> run -> handler,
	// so the graph drops it and run() is analysed before handler(): it
	// reads no summary for handler(), in every round. The second round
	// (for g) analyses use() and set() again and replays run(), handler()
	// and main(); reading handler()'s first-round summary instead would
	// analyse run() again and change its results with the rounds.
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"char *g;\n"
		"void run(void (*cb)(int), int n) { if (n) cb(n - 1); }\n"
		"void handler(int n) { run(handler, n); }\n"
		"void use(void) { system(g); }\n"
		"void set(void) { g = getenv(\"CMD\"); }\n"
		"int main(void) { use(); handler(3); set(); return 0; }\n",
		NULL,
	};
	size_t analyses = 0;
	result *r = run_counting(files, NULL, &analyses);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "5");
	cr_assert_eq(analyses, 7, "5 in the first round, 2 in the second, not %zu", analyses);
}

Test(taint, recursive_members_are_analysed_again_only_when_a_read_changed)
{
	// First pass: f (g has no summary yet), then g. Second: f again (g's
	// summary is new), not g: f's summary came out the same as the one g
	// read. A full second pass would have analysed g a second time.
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"void g(int n);\n"
		"void f(int n) { if (n) g(n - 1); }\n"
		"void g(int n) { if (n) f(n - 1); }\n"
		"int main(int argc, char **argv) { f(argc); return system(argv[1]); }\n",
		NULL,
	};
	size_t analyses = 0;
	result *r = run_counting(files, NULL, &analyses);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "5");
	cr_assert_eq(analyses, 4, "f, g, f, main, not %zu", analyses);
}

Test(taint, flows_through_recursion_survive_the_skipped_passes)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"void g(const char *s, int n);\n"
		"void f(const char *s, int n) { if (n) g(s, n - 1); else system(s); }\n"
		"void g(const char *s, int n) { if (n) f(s, n - 1); }\n"
		"int main(int argc, char **argv) { g(argv[1], argc); return 0; }\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.command-injection"), "3");
	const bh_finding *fd = first_of(r, "c.command-injection");
	cr_assert_gt(fd->nflow, 2);
	cr_assert_str_eq(fd->flow[0].message, "command-line argument 'argv'");
}

// Taint over `files` with the traces in `in` (NULL: none), saving this
// run's into `out`: its findings; the components it replayed and the
// analyses it made.
static result *traced_run(const char *const *files, const bh_bytes *in, bh_bytes *out, size_t *replayed,
			  size_t *analyses)
{
	result *r = bh_arena_alloc(arena, sizeof(*r));
	bh_vec_push(&results, r);
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_test_traced t;
	cr_assert(bh_test_traced_open(&t, arena, "taint", files, in, &r->findings, &r->diags));
	bh_taint_models m;
	bh_taint_models_init(&m);
	bh_taint_models_add_builtin(&m, arena, &r->diags);
	bh_taint_options opts = BH_TAINT_OPTIONS_INIT;
	opts.graph = &t.graph;
	opts.reuse = t.reuse;
	opts.ids = &t.ids;
	opts.analyses = analyses;
	cr_assert_eq(bh_taint_run(&t.prog, &m, &opts, &r->findings, &r->diags), BH_OK);
	size_t recorded;
	bh_test_traced_close(&t, out, replayed, &recorded);
	bh_taint_models_dispose(&m);
	bh_findings_sort_unique(&r->findings);
	return r;
}

static void assert_same_findings(const result *a, const result *b)
{
	cr_assert_eq(a->findings.items.len, b->findings.items.len);
	for (size_t i = 0; i < a->findings.items.len; i++) {
		const bh_finding *x = &a->findings.items.items[i], *y = &b->findings.items.items[i];
		cr_assert_str_eq(x->message, y->message);
		cr_assert_eq(x->nflow, y->nflow);
		for (size_t k = 0; k < x->nflow; k++)
			cr_assert_str_eq(x->flow[k].message, y->flow[k].message);
	}
}

Test(taint, a_scan_replays_the_components_whose_reads_hold_in_every_round)
{
	// Two rounds (use() reads g before set() taints it); the injection
	// through wrap() is reported in main() from wrap()'s summary.
	static const char base[] = "#include <stdlib.h>\n"
				   "char *g;\n"
				   "void use(void) { system(g); }\n"
				   "void set(void) { g = getenv(\"CMD\"); }\n"
				   "const char *source(void) { return getenv(\"RUN\"); }\n"
				   "void wrap(const char *c) { system(c); }\n"
				   "int main(void) { use(); set(); wrap(source()); return 0; }\n";
	const char *v1[] = { "main.c", base, NULL };
	bh_bytes first = { 0 }, second = { 0 }, third = { 0 };
	size_t replayed, analyses;
	result *a = traced_run(v1, NULL, &first, &replayed, &analyses);
	cr_assert_str_eq(lines_of(a, "c.command-injection"), "3 6");
	cr_assert(replayed == 0 && analyses > 0);
	// Everything replayed, in both rounds, with the same findings and flows.
	result *b = traced_run(v1, &first, &second, &replayed, &analyses);
	cr_assert(replayed > 0 && analyses == 0, "replayed %zu, analysed %zu", replayed, analyses);
	assert_same_findings(a, b);
	// source() no longer reads the environment: main() reads its changed
	// summary and is analysed again, the injection through wrap() is gone;
	// what read nothing of it is replayed.
	char *edited = bh_arena_strdup(arena, base);
	char *at = strstr(edited, "getenv(\"RUN\")");
	cr_assert_not_null(at);
	memcpy(at, "\"ls\"         ", 13);
	const char *v2[] = { "main.c", edited, NULL };
	result *c = traced_run(v2, &second, &third, &replayed, &analyses);
	result *fresh = run(v2, NULL);
	cr_assert(replayed > 0 && analyses > 0, "replayed %zu, analysed %zu", replayed, analyses);
	assert_same_findings(fresh, c);
	cr_assert_str_eq(lines_of(c, "c.command-injection"), "3");
	bh_vec_dispose(&first);
	bh_vec_dispose(&second);
	bh_vec_dispose(&third);
}

// Two programs of one context, each with its own `g` of external linkage:
// the server's environment in its `g` is not in the agent's, whether the
// scan analyses or replays them, and after a unit joins the agent in
// front of its others (its program named by another first unit).
Test(taint, each_program_has_its_own_globals_analysed_or_replayed)
{
	static const char server[] = "#include <stdio.h>\n#include <stdlib.h>\n"
				     "char *g;\n"
				     "int main(void) { g = getenv(\"CMD\"); return puts(g); }\n";
	static const char agent[] = "#include <stdlib.h>\n"
				    "char *g;\n"
				    "void run(void) { system(g); }\n"
				    "int main(void) { g = \"uptime\"; run(); return 0; }\n";
	static const char helper[] = "#include <stdlib.h>\n"
				     "extern char *g;\n"
				     "void from_env(void) { g = getenv(\"AGENT_CMD\"); }\n";
	static const char agent_env[] = "#include <stdlib.h>\n"
					"char *g;\n"
					"void from_env(void);\n"
					"void run(void) { system(g); }\n"
					"int main(void) { from_env(); run(); return 0; }\n";
	const char *v1[] = { "server/main.c", server, "agent/main.c", agent, NULL };
	bh_bytes first = { 0 }, second = { 0 }, third = { 0 };
	size_t replayed, analyses;
	result *a = traced_run(v1, NULL, &first, &replayed, &analyses);
	cr_assert_str_eq(lines_of(a, "c.command-injection"), "");
	result *b = traced_run(v1, &first, &second, &replayed, &analyses);
	cr_assert(replayed > 0 && analyses == 0, "replayed %zu, analysed %zu", replayed, analyses);
	assert_same_findings(a, b);
	// The agent now takes its own command from the environment, set in a
	// unit listed before its main.
	const char *v2[] = { "server/main.c", server, "agent/a_env.c", helper, "agent/main.c", agent_env, NULL };
	result *c = traced_run(v2, &second, &third, &replayed, &analyses);
	result *fresh = run(v2, NULL);
	assert_same_findings(fresh, c);
	cr_assert_str_eq(lines_of(c, "c.command-injection"), "4");
	bh_vec_dispose(&first);
	bh_vec_dispose(&second);
	bh_vec_dispose(&third);
}

// A field this function stored through a pointer is what a later read of
// it sees, whatever the pointer's own taint says (an arena allocator
// whose offset grew by an untrusted size); memory written through the
// pointer afterwards, or a store on one path only, leaves it untrusted.
Test(taint, a_field_stored_through_a_pointer_is_what_is_read_back)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"#include <unistd.h>\n"
		"struct pool { char *mem; size_t used; };\n"
		"static char *pool_take(struct pool *p, size_t n)\n"
		"{\n"
		"\tchar *r = p->mem + p->used;\n"
		"\tp->used += n;\n"
		"\treturn r;\n"
		"}\n"
		"struct rec { size_t count; size_t other; };\n"
		"int use(int fd, struct pool *p)\n"
		"{\n"
		"\tsize_t n;\n"
		"\tif (read(fd, &n, sizeof n) != sizeof n)\n"
		"\t\treturn -1;\n"
		"\tpool_take(p, n);\n"
		"\tstruct rec *r = (struct rec *)pool_take(p, sizeof *r);\n"
		"\tr->count = 10;\n"
		"\tint s = 0;\n"
		"\tfor (size_t i = 0; i < r->count; i++)\n"
		"\t\ts++;\n"
		"\treturn s;\n"
		"}\n"
		"int after_read(int fd)\n"
		"{\n"
		"\tstruct rec *r = malloc(sizeof *r);\n"
		"\tif (!r) return -1;\n"
		"\tr->count = 10;\n"
		"\tif (read(fd, r, sizeof *r) != sizeof *r) { free(r); return -1; }\n"
		"\tint s = 0;\n"
		"\tfor (size_t i = 0; i < r->count; i++)\n"
		"\t\ts++;\n"
		"\tfree(r);\n"
		"\treturn s;\n"
		"}\n"
		"int stored_tainted(int fd)\n"
		"{\n"
		"\tstruct rec *r = malloc(sizeof *r);\n"
		"\tsize_t n;\n"
		"\tif (!r) return -1;\n"
		"\tif (read(fd, &n, sizeof n) != sizeof n) { free(r); return -1; }\n"
		"\tr->count = n;\n"
		"\tint s = 0;\n"
		"\tfor (size_t i = 0; i < r->count; i++)\n"
		"\t\ts++;\n"
		"\tfree(r);\n"
		"\treturn s;\n"
		"}\n"
		"int one_path(int fd, int c)\n"
		"{\n"
		"\tstruct rec *r = malloc(sizeof *r);\n"
		"\tif (!r) return -1;\n"
		"\tif (read(fd, r, sizeof *r) != sizeof *r) { free(r); return -1; }\n"
		"\tif (c)\n"
		"\t\tr->count = 10;\n"
		"\tint s = 0;\n"
		"\tfor (size_t i = 0; i < r->count; i++)\n"
		"\t\ts++;\n"
		"\tfree(r);\n"
		"\treturn s;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.tainted-loop-bound"), "31 44 57");
}

// A constructor's stores into the object it returns are what the caller
// reads of its fields: `len` and `nlines` are not the input `text` holds.
// A field some return of an object did not store is not known, and a
// `return NULL` does not count; nor does a return whose object got the
// field from elsewhere.
Test(taint, the_fields_a_function_stores_into_what_it_returns_are_what_callers_read)
{
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"#include <unistd.h>\n"
		"struct src { char *text; size_t len; size_t nlines; size_t count; };\n"
		"static struct src *make(char *text, size_t len)\n"
		"{\n"
		"\tstruct src *s = malloc(sizeof *s);\n"
		"\tif (!s)\n"
		"\t\treturn NULL;\n"
		"\ts->text = text;\n"
		"\ts->len = len;\n"
		"\ts->nlines = 0;\n"
		"\ts->count = strtoul(text, NULL, 10);\n"
		"\treturn s;\n"
		"}\n"
		"static struct src *make_some(char *text, int c)\n"
		"{\n"
		"\tstruct src *s = malloc(sizeof *s);\n"
		"\tif (!s)\n"
		"\t\treturn NULL;\n"
		"\tif (c) {\n"
		"\t\ts->nlines = 1;\n"
		"\t\treturn s;\n"
		"\t}\n"
		"\ts->len = 4;\n"
		"\ts->nlines = strtoul(text, NULL, 10);\n"
		"\treturn s;\n"
		"}\n"
		"static struct src *wrap(char *text, size_t len)\n"
		"{\n"
		"\treturn make(text, len);\n"
		"}\n"
		"int use(int fd, int c)\n"
		"{\n"
		"\tchar buf[64];\n"
		"\tssize_t n = read(fd, buf, sizeof buf - 1);\n"
		"\tif (n <= 0)\n"
		"\t\treturn 0;\n"
		"\tbuf[n] = 0;\n"
		"\tstruct src *s = wrap(buf, (size_t)n);\n"
		"\tif (!s)\n"
		"\t\treturn 0;\n"
		"\tint k = 0;\n"
		"\tfor (size_t i = 0; i < s->len; i++)\n"
		"\t\tk += s->text[i] == 'x';\n"
		"\tfor (size_t i = 0; i < s->nlines; i++)\n"
		"\t\tk++;\n"
		"\tfor (size_t i = 0; i < s->count; i++)\n"
		"\t\tk++;\n"
		"\tstruct src *t = make_some(buf, c);\n"
		"\tif (!t)\n"
		"\t\treturn k;\n"
		"\tfor (size_t i = 0; i < t->len; i++)\n"
		"\t\tk++;\n"
		"\tfor (size_t i = 0; i < t->nlines; i++)\n"
		"\t\tk++;\n"
		"\treturn k;\n"
		"}\n",
		NULL,
	};
	result *r = run(files, NULL);
	// 47: count parsed from the input; 54: nlines parsed on one return.
	// 43 and 45 are the stored length and line count; 52 is len, stored
	// on one return only: 4, or what malloc left, never the input that
	// another field holds.
	cr_assert_str_eq(lines_of(r, "c.tainted-loop-bound"), "47 54");
}
