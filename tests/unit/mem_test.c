// SPDX-License-Identifier: MIT
// Unit tests of the memory checkers (bh_mem): the model parser, and the
// analysis on small programs compiled by libclang. The labelled fixtures of
// every rule and flow shape are golden cases under testdata/mem/; these
// tests pin the mechanisms one at a time, the precision rules that came
// from real code (redis, memcached, lua) included.
#include <criterion/criterion.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/mem.h"
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

TestSuite(mem, .init = setup, .fini = teardown);

// ----------------------------------------------------------------- models

Test(mem, builtin_models_parse_without_errors)
{
	bh_mem_models m;
	bh_diags d;
	bh_mem_models_init(&m);
	bh_diags_init(&d, arena);
	bh_mem_models_add_builtin(&m, arena, &d);
	cr_assert_eq(d.items.len, 0, "first: line %u %s", d.items.len ? d.items.items[0].loc.line : 0,
		     d.items.len ? d.items.items[0].message : "");
	size_t n;
	const bh_mem_model *fr = bh_mem_models_find(&m, "free", &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(fr->kind, BH_MEM_RELEASE);
	cr_assert_eq(fr->family, BH_MEM_FAMILY_HEAP);
	const bh_mem_model *fo = bh_mem_models_find(&m, "fopen", &n);
	cr_assert_eq(n, 2); // alloc ret stream may-fail, deref arg0..
	cr_assert_eq(fo[0].kind, BH_MEM_ALLOC);
	cr_assert(fo[0].may_fail && fo[0].ret);
	cr_assert_str_eq(bh_mem_family_releaser(fo[0].family), "fclose");
	cr_assert_null(bh_mem_models_find(&m, "no_such_function", &n));
	bh_mem_models_dispose(&m);
	bh_diags_dispose(&d);
}

Test(mem, bad_model_lines_are_diagnostics_and_the_rest_is_kept)
{
	static const char text[] = "alloc pool_get ret heap may-fail\n"
				   "alloc\n"                           // too short
				   "grab f ret heap\n"                 // unknown kind
				   "alloc f arg0 heap\n"               // alloc needs ret/outN
				   "release f ret heap\n"              // release needs argN
				   "alloc f ret cloud\n"               // unknown family
				   "may-null f arg1\n"                 // may-null needs ret
				   "release f arg0.. heap\n"           // argN.. only for deref/borrow
				   "deref f arg0 extra\n";             // trailing text
	bh_mem_models m;
	bh_diags d;
	bh_mem_models_init(&m);
	bh_diags_init(&d, arena);
	cr_assert_eq(bh_mem_models_parse(&m, arena, text, "cfg.json", 1, &d), 8);
	cr_assert_eq(m.items.len, 1);
	for (size_t i = 0; i < d.items.len; i++) {
		cr_assert_str_eq(d.items.items[i].code, "mem.bad-model");
		cr_assert_eq(d.items.items[i].loc.line, i + 2);
	}
	bh_mem_models_dispose(&m);
	bh_diags_dispose(&d);
}

Test(mem, descriptor_models_parse_with_when_and_adopt)
{
	static const char text[] = "alloc sock_new ret fd may-fail when arg1=-1\n" // 1
				   "adopt wrap_fd arg0\n"                          // 2
				   "alloc f ret fd when arg0\n"                    // 3: no value
				   "alloc f ret fd when x=1\n"                     // 4: not argN
				   "adopt f ret\n"                                 // 5: adopt needs argN
				   "release f arg0 fd when arg0=1\n";              // 6: when only for alloc
	bh_mem_models m;
	bh_diags d;
	bh_mem_models_init(&m);
	bh_diags_init(&d, arena);
	cr_assert_eq(bh_mem_models_parse(&m, arena, text, "cfg.json", 1, &d), 4);
	cr_assert_eq(d.items.len, 4);
	cr_assert_eq(d.items.items[0].loc.line, 3);
	cr_assert_eq(d.items.items[3].loc.line, 6);
	size_t n;
	const bh_mem_model *s = bh_mem_models_find(&m, "sock_new", &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(s->family, BH_MEM_FAMILY_FD);
	cr_assert(s->has_when && s->when_arg == 1 && s->when_value == -1);
	cr_assert_str_eq(bh_mem_family_releaser(s->family), "close");
	cr_assert_eq(bh_mem_models_find(&m, "wrap_fd", &n)->kind, BH_MEM_ADOPT);
	bh_mem_models_dispose(&m);
	bh_diags_dispose(&d);
}

// ----------------------------------------------------------------- engine

// Compile `files` (name, text pairs, NULL-terminated) as one program and
// run the memory checkers with the built-in models plus `extra` lines.
static result *run_counting(const char *const *files, const char *extra, size_t *analyses)
{
	result *r = bh_arena_alloc(arena, sizeof(*r));
	bh_vec_push(&results, r);
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_ir_program prog;
	bh_ir_program_init(&prog);
	cr_assert(bh_test_compile_program(arena, files, &prog, &r->findings, &r->diags));
	bh_mem_models m;
	bh_mem_models_init(&m);
	bh_mem_models_add_builtin(&m, arena, &r->diags);
	if (extra)
		cr_assert_eq(bh_mem_models_parse(&m, arena, extra, "extra", 1, &r->diags), 0);
	bh_mem_options opts = BH_MEM_OPTIONS_INIT;
	opts.analyses = analyses;
	cr_assert_eq(bh_mem_run(&prog, &m, &opts, &r->findings, &r->diags), BH_OK);
	bh_mem_models_dispose(&m);
	bh_ir_program_dispose(&prog);
	bh_findings_sort_unique(&r->findings);
	return r;
}

static result *run(const char *const *files, const char *extra)
{
	return run_counting(files, extra, NULL);
}

static result *run1(const char *text)
{
	const char *files[] = { "main.c", text, NULL };
	return run(files, NULL);
}

static const char *lines_of(const result *r, const char *id)
{
	return bh_test_rule_lines(arena, &r->findings, id);
}

static const bh_finding *first_of(const result *r, const char *id)
{
	return bh_test_first_finding(&r->findings, id);
}

#define PRELUDE "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"

Test(mem, use_after_free_through_an_alias_has_its_path)
{
	result *r = run1(PRELUDE                                     // 1-3
			 "int f(void) {\n"                           // 4
			 "\tchar *p = malloc(8);\n"                  // 5
			 "\tif (!p) return -1;\n"                    // 6
			 "\tchar *q = p;\n"                          // 7
			 "\tfree(p);\n"                              // 8
			 "\treturn q[0];\n"                          // 9
			 "}\n");
	const bh_finding *f = first_of(r, "c.use-after-free");
	cr_assert_not_null(f);
	cr_assert_eq(f->loc.line, 9);
	cr_assert_str_eq(f->message, "'q' is dereferenced after the memory from malloc() at line 5 was "
				     "released at line 8");
	cr_assert_eq(f->nflow, 3);
	cr_assert_str_eq(f->flow[0].message, "allocated by malloc()");
	cr_assert_eq(f->flow[1].loc.line, 8);
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "");
}

Test(mem, deallocation_wrappers_are_learned_even_when_they_accept_null)
{
	result *r = run1(PRELUDE
			 "struct conn { char *buf; };\n"                             // 4
			 "void conn_free(struct conn *c) {\n"                        // 5
			 "\tif (c) { free(c->buf); free(c); }\n"                     // 6
			 "}\n"                                                       // 7
			 "int f(void) {\n"                                           // 8
			 "\tstruct conn *c = calloc(1, sizeof *c);\n"                // 9
			 "\tif (c == NULL) return -1;\n"                             // 10
			 "\tconn_free(c);\n"                                         // 11
			 "\tconn_free(c);\n"                                         // 12
			 "\treturn 0;\n"                                             // 13
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "12");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "");
}

Test(mem, free_then_null_then_free_after_paths_meet_is_no_double_free)
{
	result *r = run1(PRELUDE
			 "void f(int copy, int n) {\n"
			 "\tchar *v = NULL;\n"
			 "\tif (!copy) v = malloc(n);\n"
			 "\tif (!copy) { free(v); v = NULL; }\n"
			 "\tfree(v);\n"
			 "}\n");
	cr_assert_eq(r->findings.items.len, 0, "first: %s",
		     r->findings.items.len ? r->findings.items.items[0].message : "");
}

Test(mem, leaks_are_reported_on_the_path_that_forgets_and_nowhere_else)
{
	result *r = run1(PRELUDE
			 "static char *keep;\n"                                      // 4
			 "int f(int a, int b) {\n"                                   // 5
			 "\tchar *p = malloc(16);\n"                                 // 6
			 "\tif (p == NULL) return -1;\n"                             // 7: failed: no leak
			 "\tif (a) return 1;\n"                                      // 8: leak
			 "\tif (b) { keep = p; return 2; }\n"                        // 9: given away
			 "\tfree(p);\n"
			 "\treturn 0;\n"
			 "}\n"
			 "char *g(void) { char *s = strdup(\"x\"); return s; }\n"    // returned
			 "int main(void) { char *m = malloc(4); return m == NULL; }\n"); // main: no leak
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "8");
	cr_assert_str_eq(first_of(r, "c.memory-leak")->message,
			 "the memory from malloc() at line 6 ('p') is not released on this path");
}

Test(mem, realloc_failure_keeps_the_old_block)
{
	result *r = run1(PRELUDE
			 "int bad(char **out, size_t n) {\n"                         // 4
			 "\tchar *p = malloc(8);\n"                                  // 5
			 "\tif (!p) return -1;\n"                                    // 6
			 "\tp = realloc(p, n);\n"                                    // 7
			 "\tif (!p) return -1;\n"                                    // 8: the old block leaks
			 "\t*out = p;\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int good(char **out, size_t n) {\n"                        // 12
			 "\tchar *p = malloc(8), *t;\n"
			 "\tif (!p) return -1;\n"
			 "\tt = realloc(p, n);\n"
			 "\tif (!t) { free(p); return -1; }\n"
			 "\t*out = t;\n"
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "8");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "");
}

// A realloc() wrapper, plain or behind a limit that fails first, is
// learned as one: where its result is NULL the old block is still the
// caller's (also when the loop made the pointer unknown), where it is not
// the old block is gone.
Test(mem, realloc_wrappers_keep_the_old_block_where_they_fail)
{
	result *r = run1(PRELUDE
			 "static size_t lim, used;\n"                                // 4
			 "void *plain(void *p, size_t n) { void *m = realloc(p, n); return m; }\n"
			 "void *counted(void *p, size_t n) {\n"                      // 6
			 "\tif (lim && used + n > lim) return NULL;\n"
			 "\tvoid *m = realloc(p, n);\n"
			 "\tif (m) used += n;\n"
			 "\treturn m;\n"
			 "}\n"
			 "int more(void);\n"
			 "int grow(int which) {\n"                                   // 13
			 "\tsize_t max = 8, k = 0;\n"
			 "\tchar *b = malloc(max);\n"
			 "\tif (!b) return -1;\n"
			 "\twhile (more()) {\n"
			 "\t\tb[k++] = 1;\n"
			 "\t\tif (k < max) continue;\n"
			 "\t\tchar *t = which ? plain(b, 2 * max) : counted(b, 2 * max);\n"
			 "\t\tif (!t) { free(b); return -1; }\n"                     // 21: quiet
			 "\t\tb = t;\n"
			 "\t\tmax *= 2;\n"
			 "\t}\n"
			 "\tfree(b);\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int twice(void) {\n"                                       // 28
			 "\tchar *b = malloc(8);\n"
			 "\tif (!b) return -1;\n"
			 "\tchar *t = counted(b, 16);\n"
			 "\tif (!t) { free(b); return -1; }\n"
			 "\tfree(b);\n"                                              // 33: released by counted()
			 "\tfree(t);\n"
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "33");
}

Test(mem, out_parameter_allocations_and_their_failure_status)
{
	result *r = run1("#define _GNU_SOURCE\n" PRELUDE
			 "int f(const char *d) {\n"                                  // 5
			 "\tchar *cmd = NULL;\n"
			 "\tif (asprintf(&cmd, \"ls %s\", d) < 0) return -1;\n"      // 7: failed: no leak
			 "\tputs(cmd);\n"
			 "\treturn 0;\n"                                             // 9: leak
			 "}\n"
			 "int g(void) {\n"                                            // 11
			 "\tvoid *p;\n"
			 "\tif (posix_memalign(&p, 64, 128) != 0) return -1;\n"      // 13: failed: no leak
			 "\treturn 0;\n"                                             // 14: leak
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "9 14");
}

Test(mem, unchecked_results_of_library_calls_that_can_fail)
{
	result *r = run1(PRELUDE
			 "int f(void) {\n"                                           // 4
			 "\tchar *p = malloc(8);\n"                                  // 5
			 "\tp[0] = 1;\n"                                             // 6: unchecked
			 "\tp[1] = 2;\n"                                             // 7: one finding per NULL
			 "\tchar *q = malloc(8);\n"
			 "\tif (q == NULL) { free(p); return -1; }\n"
			 "\tq[0] = 1;\n"                                             // checked
			 "\tint n = (int)strlen(getenv(\"HOME\"));\n"                // 11: getenv
			 "\tfree(p); free(q);\n"
			 "\treturn n;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.unchecked-null"), "6 11");
	cr_assert_str_eq(first_of(r, "c.unchecked-null")->message,
			 "'p' is dereferenced without a NULL check; malloc() may return NULL at line 5");
}

Test(mem, null_literal_dereferences_need_every_path_to_reach_them)
{
	result *r = run1(PRELUDE
			 "struct v { int port; };\n"                                 // 4
			 "int a(void) { int *p = NULL; return *p; }\n"              // 5: definite
			 "int b(const struct v *t, int n) {\n"                       // 6
			 "\tconst struct v *found = NULL;\n"                         // 7
			 "\tfor (int i = 0; i < n; i++) if (t[i].port == 80) found = &t[i];\n"
			 "\treturn found->port;\n"                                   // 9: every path reaches it
			 "}\n"
			 "int c(int flag, int *x) {\n"                               // 11
			 "\tint *p = NULL;\n"
			 "\tif (flag) p = x;\n"
			 "\tif (flag) return *p;\n"                                  // 14: correlated: quiet
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "5 9");
}

Test(mem, wrappers_that_check_and_pass_failure_on_are_quiet_at_each_use)
{
	// sds-like: _mk(len, try) returns NULL only when asked to try; mk()
	// never tries. A summary in the calling context knows mk() is never NULL.
	result *r = run1(PRELUDE
			 "void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }\n"
			 "char *_mk(size_t n, int try) {\n"
			 "\tchar *s = try ? malloc(n + 1) : xmalloc(n + 1);\n"
			 "\tif (s == NULL) return NULL;\n"
			 "\ts[n] = 0;\n"
			 "\treturn s;\n"
			 "}\n"
			 "char *mk(size_t n) { return _mk(n, 0); }\n"
			 "int f(void) { char *s = mk(3); s[0] = 'a'; free(s); return 0; }\n");
	cr_assert_str_eq(lines_of(r, "c.unchecked-null"), "");
}

Test(mem, program_lookups_are_reported_where_other_callers_check_them)
{
	static const char lookup[] = PRELUDE
		"struct e { const char *k; int v; };\n"                      // 4
		"static struct e tab[2] = { { \"a\", 1 }, { \"b\", 2 } };\n"  // 5
		"struct e *find(const char *k) {\n"                          // 6
		"\tfor (int i = 0; i < 2; i++) if (!strcmp(tab[i].k, k)) return &tab[i];\n"
		"\treturn NULL;\n"                                           // 8
		"}\n"                                                        // 9
		"int get(const char *k) { return find(k)->v; }\n";           // 10
	result *alone = run1(lookup);
	cr_assert_str_eq(lines_of(alone, "c.unchecked-null"), ""); // nobody checks it
	const char *checked = bh_arena_sprintf(arena, "%s%s", lookup,
		"int has(const char *k) { if (find(k) == NULL) return 0; return 1; }\n");
	result *r = run1(checked);
	cr_assert_str_eq(lines_of(r, "c.unchecked-null"), "10");
	// Three unchecked uses need six checked ones; five are not enough.
	const char *many = bh_arena_sprintf(arena, "%s%s", lookup,
		"int g2(const char *k) { return find(k)->v; }\n"           // 11
		"int g3(const char *k) { return find(k)->v; }\n"           // 12
		"int h1(const char *k) { if (find(k) == NULL) return 0; return 1; }\n"
		"int h2(const char *k) { if (find(k) == NULL) return 0; return 1; }\n"
		"int h3(const char *k) { struct e *x = find(k); if (!x) return 0; return x->v; }\n"
		"int h4(const char *k) { if (!find(k)) return 0; return 1; }\n"
		"int h5(const char *k) { if (find(k) == NULL) return 0; return 1; }\n");
	cr_assert_str_eq(lines_of(run1(many), "c.unchecked-null"), "");
	const char *six = bh_arena_sprintf(arena, "%s%s", many,
		"int h6(const char *k) { if (find(k) == NULL) return 0; return 1; }\n");
	cr_assert_str_eq(lines_of(run1(six), "c.unchecked-null"), "10 11 12");
}

Test(mem, releases_of_the_wrong_kind_of_memory)
{
	result *r = run1(PRELUDE
			 "static char g[8];\n"                                       // 4
			 "void f(const char *path) {\n"                              // 5
			 "\tchar local[8];\n"
			 "\tchar *p = malloc(8);\n"                                  // 7
			 "\tFILE *fp = fopen(path, \"r\");\n"                       // 8
			 "\tif (!p || !fp) return;\n"                                // 9 (leaks)
			 "\tfree(local);\n"                                          // 10
			 "\tfree(g);\n"                                              // 11
			 "\tfree(p + 1);\n"                                          // 12
			 "\tfree(fp);\n"                                             // 13
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.free-non-heap"), "10 11");
	cr_assert_str_eq(lines_of(r, "c.free-offset"), "12");
	cr_assert_str_eq(lines_of(r, "c.mismatched-dealloc"), "13");
	cr_assert_str_eq(first_of(r, "c.mismatched-dealloc")->message,
			 "the stream from fopen() at line 8 is released with free(); it must be released "
			 "with fclose()");
}

Test(mem, addresses_of_locals_that_outlive_the_function)
{
	result *r = run1(PRELUDE
			 "static int *saved;\n"                                      // 4
			 "int *a(void) { int x = 1; int *p = &x; return p; }\n"      // 5
			 "void b(void) { int y = 2; saved = &y; }\n"                 // 6
			 "void c(const char **out) { char buf[8] = \"x\"; *out = buf; }\n" // 7
			 "int *d(void) { static int s; return &s; }\n");            // 8: static: fine
	cr_assert_str_eq(lines_of(r, "c.stack-address-escape"), "5 6 7");
}

Test(mem, a_freed_string_printed_with_percent_s_is_a_use_after_free)
{
	result *r = run1(PRELUDE
			 "void f(void) {\n"
			 "\tchar *m = strdup(\"bye\");\n"
			 "\tif (!m) return;\n"
			 "\tfree(m);\n"
			 "\tprintf(\"%d %s\\n\", 1, m);\n"                           // 8
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.use-after-free"), "8");
}

Test(mem, user_models_describe_allocators_without_a_body)
{
	static const char *const files[] = {
		"main.c",
		"#include <stddef.h>\n"
		"void *pool_get(size_t n);\n"
		"void pool_put(void *p);\n"
		"int f(void) {\n"
		"\tchar *p = pool_get(8);\n"                                 // 5
		"\tif (!p) return -1;\n"
		"\tpool_put(p);\n"
		"\tpool_put(p);\n"                                           // 8
		"\tchar *q = pool_get(8);\n"                                 // 9
		"\treturn q[0];\n"                                           // 10: unchecked, leaks
		"}\n",
		NULL,
	};
	result *r = run(files, "alloc pool_get ret heap may-fail\nrelease pool_put arg0 heap\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "8");
	cr_assert_str_eq(lines_of(r, "c.unchecked-null"), "10");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "10");
}

Test(mem, recursion_and_function_pointers_terminate)
{
	result *r = run1(PRELUDE
			 "struct n { struct n *next; };\n"
			 "void drop(struct n *x) { if (!x) return; drop(x->next); free(x); }\n"
			 "void f(void) {\n"
			 "\tvoid (*rel)(struct n *) = drop;\n"
			 "\tstruct n *a = calloc(1, sizeof *a);\n"
			 "\tif (!a) return;\n"
			 "\trel(a);\n"
			 "\trel(a);\n"                                                // 11
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "11");
}

Test(mem, operations_tables_are_followed_like_direct_calls)
{
	result *r = run1(PRELUDE
			 "struct ops { void *(*get)(size_t); void (*put)(void *); };\n"   // 4
			 "static void *get(size_t n) { return malloc(n); }\n"             // 5
			 "static void put(void *p) { free(p); }\n"                        // 6
			 "static const struct ops heap = { .put = put, .get = get };\n"  // 7
			 "static const struct ops rows[] = { { get, put }, { get, put } };\n"
			 "int f(int i) {\n"                                              // 9
			 "\tchar *a = heap.get(8);\n"                                    // 10
			 "\tif (!a) return -1;\n"
			 "\theap.put(a);\n"
			 "\trows[i].put(a);\n"                                           // 13
			 "\tchar *b = rows[i].get(8);\n"                                 // 14
			 "\tif (!b) return -1;\n"
			 "\treturn 0;\n"                                                 // 16: b leaks
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "13");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "16");
}

// ------------------------------------------------------ file descriptors

#define FD_PRELUDE "#include <fcntl.h>\n#include <stdio.h>\n#include <unistd.h>\n"

Test(mem, a_descriptor_is_absent_where_a_test_says_the_open_failed)
{
	result *r = run1(FD_PRELUDE
			 "int a(const char *p) {\n"                                   // 4
			 "\tint fd = open(p, O_RDONLY);\n"
			 "\tif (fd < 0) return -1;\n"                                // failed: no leak
			 "\tclose(fd);\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int b(const char *p) {\n"                                   // 10
			 "\tint fd = open(p, O_RDONLY);\n"
			 "\tif (-1 == fd) return -1;\n"
			 "\treturn 0;\n"                                             // 13: leak
			 "}\n"
			 "int c(const char *p, int want) {\n"                         // 15
			 "\tint fd = -1;\n"
			 "\tif (want) fd = open(p, O_RDONLY);\n"
			 "\tif (fd >= 0) close(fd);\n"                               // -1 or closed
			 "\treturn 0;\n"
			 "}\n"
			 "int d(const char *p, int want) {\n"                         // 21
			 "\tint fd = -1;\n"
			 "\tif (want) fd = open(p, O_RDONLY);\n"
			 "\tif (fd != -1) close(fd);\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int e(void) {\n"                                            // 27
			 "\tint fd = open(\"/dev/null\", O_RDWR);\n"
			 "\tif (fd == -1) return -1;\n"
			 "\tdup2(fd, 0);\n"                                          // 0 stays ours: no new fd
			 "\tif (fd > 2) close(fd);\n"                                // below 3: a standard stream
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.resource-leak"), "13");
	cr_assert_str_eq(first_of(r, "c.resource-leak")->message,
			 "file descriptor 'fd' from open() at line 11 is not closed on this path");
	cr_assert_str_eq(first_of(r, "c.resource-leak")->flow[0].message, "opened by open()");
}

Test(mem, descriptors_stored_returned_or_kept_are_not_leaked)
{
	result *r = run1(FD_PRELUDE "#include <sys/socket.h>\n"
			 "static int listen_fd = -1;\n"                               // 5
			 "struct srv { int fd; };\n"
			 "static int fds[8];\n"
			 "void keep(int fd);\n"                                      // no body: unknown
			 "int to_global(void) {\n"                                    // 9
			 "\tint s = socket(AF_INET, SOCK_STREAM, 0);\n"
			 "\tif (s < 0) return -1;\n"
			 "\tlisten_fd = s;\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int to_field(struct srv *v) {\n"                            // 15
			 "\tint s = socket(AF_INET, SOCK_STREAM, 0);\n"
			 "\tif (s < 0) return -1;\n"
			 "\tv->fd = s;\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int to_array(int i) { int s = dup(0); fds[i] = s; return s < 0; }\n"
			 "int returned(void) { int s = socket(AF_INET, SOCK_STREAM, 0); return s; }\n"
			 "int to_unknown(void) { int s = dup(1); if (s < 0) return -1; keep(s); return 0; }\n"
			 "int borrowed(void) {\n"                                     // 24
			 "\tint s = dup(1);\n"
			 "\tif (s < 0) return -1;\n"
			 "\twrite(s, \"x\", 1);\n"
			 "\tfsync(s);\n"
			 "\treturn 0;\n"                                             // 29: leak
			 "}\n"
			 "int main(void) { int fd = open(\"/x\", O_RDONLY); return fd < 0; }\n");
	cr_assert_str_eq(lines_of(r, "c.resource-leak"), "29");
}

Test(mem, descriptor_wrappers_are_learned_from_summaries)
{
	result *r = run1(FD_PRELUDE "#include <sys/socket.h>\n"
			 "static int open_log(const char *p) {\n"                    // 5
			 "\tint fd = open(p, O_WRONLY | O_APPEND);\n"
			 "\tif (fd < 0) { perror(p); return -1; }\n"
			 "\treturn fd;\n"
			 "}\n"
			 "static void safe_close(int fd) { if (fd < 0) return; close(fd); }\n" // 10
			 "static void check_only(int fd) { if (fd < 0) return; fsync(fd); }\n"  // 11
			 "static int g;\n"
			 "static void stash(int fd) { g = fd; }\n"                    // 13
			 "int a(const char *p) {\n"                                   // 14
			 "\tint fd = open_log(p);\n"
			 "\tif (fd < 0) return -1;\n"
			 "\treturn 0;\n"                                             // 17: leak
			 "}\n"
			 "int b(const char *p) { int fd = open_log(p); safe_close(fd); return 0; }\n"
			 "int c(const char *p) { int fd = open_log(p); stash(fd); return 0; }\n"
			 "int d(const char *p) {\n"                                   // 21
			 "\tint fd = open_log(p);\n"
			 "\tcheck_only(fd);\n"
			 "\treturn 0;\n"                                             // 24: leak
			 "}\n"
			 "int e(const char *p) { int fd = open_log(p); safe_close(fd); safe_close(fd); return 0; }\n");
	cr_assert_str_eq(lines_of(r, "c.resource-leak"), "17 24");
	cr_assert_str_eq(first_of(r, "c.resource-leak")->message,
			 "file descriptor 'fd' from open_log() at line 15 is not closed on this path");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "26");
}

Test(mem, fdopen_takes_the_descriptor_over_when_it_succeeds)
{
	result *r = run1(FD_PRELUDE
			 "int a(const char *p) {\n"                                   // 4
			 "\tint fd = open(p, O_RDONLY);\n"
			 "\tif (fd < 0) return -1;\n"
			 "\tFILE *f = fdopen(fd, \"r\");\n"
			 "\tif (!f) { close(fd); return -1; }\n"
			 "\tfclose(f);\n"                                            // closes fd too
			 "\treturn 0;\n"
			 "}\n"
			 "int b(const char *p) {\n"                                   // 12
			 "\tint fd = open(p, O_RDONLY);\n"
			 "\tif (fd < 0) return -1;\n"
			 "\tFILE *f = fdopen(fd, \"r\");\n"
			 "\tif (f == NULL) return -1;\n"                             // 16: fd still ours
			 "\tfclose(f);\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int c(int fd) {\n"                                          // 20
			 "\tFILE *f = fdopen(fd, \"w\");\n"
			 "\tif (!f) return -1;\n"
			 "\tfputs(\"x\", f);\n"
			 "\treturn 0;\n"                                             // 24: the stream leaks
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.resource-leak"), "16 24");
	cr_assert_str_eq(first_of(r, "c.resource-leak")->message,
			 "file descriptor 'fd' from open() at line 13 is not closed on this path");
}

Test(mem, only_some_calls_of_a_conditional_model_open_a_descriptor)
{
	result *r = run1("#include <signal.h>\n#include <sys/signalfd.h>\n#include <fcntl.h>\n"
			 "#include <unistd.h>\n"
			 "int a(int fd, const sigset_t *m) {\n"                      // 5
			 "\tint s = signalfd(fd, m, 0);\n"                           // changes fd
			 "\tint t = signalfd(-1, m, 0);\n"                           // 7: a new one
			 "\tint u = fcntl(fd, F_DUPFD_CLOEXEC, 3);\n"                // 8: a new one
			 "\tint v = fcntl(fd, F_GETFL);\n"                           // flags
			 "\tif (t < 0) return s;\n"                                  // 10: u leaks
			 "\tclose(t);\n"
			 "\treturn v;\n"                                             // 12: u leaks
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.resource-leak"), "10 12");
	cr_assert_str_eq(first_of(r, "c.resource-leak")->message,
			 "file descriptor 'u' from fcntl() at line 8 is not closed on this path");
}

Test(mem, a_number_computed_from_a_descriptor_is_no_copy_of_it)
{
	result *r = run1(FD_PRELUDE
			 "int f(const char *a, const char *b) {\n"                    // 4
			 "\tint fd = open(a, O_RDONLY);\n"                           // 5
			 "\tif (fd < 0) return -1;\n"
			 "\tint maxfd = fd + 1;\n"                                   // a number
			 "\tfd = open(b, O_RDONLY);\n"                               // 8: the first is lost
			 "\tif (fd >= 0) close(fd);\n"
			 "\treturn maxfd;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.resource-leak"), "8");
	cr_assert_str_eq(first_of(r, "c.resource-leak")->message,
			 "the file descriptor from open() at line 5 is lost: 'fd', the last variable that "
			 "holds it, is overwritten here");
}

Test(mem, zero_in_an_integer_is_the_standard_input_not_no_descriptor)
{
	// Paths that meet with 0 (stdin) and a descriptor hold one of two: the
	// analysis keeps neither, as the flag that tells them apart is not
	// correlated with the descriptor. -1 is no descriptor at all.
	result *r = run1(FD_PRELUDE
			 "int a(const char *p, char *buf) {\n"                        // 4
			 "\tint own = 0, fd = 0;\n"
			 "\tif (p) { fd = open(p, O_RDONLY); if (fd < 0) return -1; own = 1; }\n"
			 "\tint n = (int)read(fd, buf, 8);\n"
			 "\tif (own) close(fd);\n"
			 "\treturn n;\n"
			 "}\n"
			 "int b(const char *p, char *buf) {\n"                        // 11
			 "\tint fd = -1;\n"
			 "\tif (p) fd = open(p, O_RDONLY);\n"
			 "\treturn (int)read(fd, buf, 8);\n"                         // 14: leak where p
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.resource-leak"), "14");
}

Test(mem, an_allocator_that_walks_its_block_in_a_loop_is_still_one)
{
	// `&t[i]` made on each pass is a temporary of the loop body: where the
	// paths meet it is dead, not a second pointer to lose track of.
	result *r = run1(PRELUDE
			 "struct db { void *d; };\n"                                    // 4
			 "static struct db *make(int n) {\n"
			 "\tstruct db *t = calloc((size_t)n, sizeof *t);\n"
			 "\tif (!t) return NULL;\n"
			 "\tfor (int i = 0; i < n; i++) t[i].d = NULL;\n"
			 "\treturn t;\n"
			 "}\n"
			 "int f(int n) {\n"                                              // 11
			 "\tstruct db *t = make(n);\n"
			 "\tif (!t) return -1;\n"
			 "\treturn t[0].d != NULL;\n"                                   // 14: leak
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "14");
}

Test(mem, blocks_in_fields_of_local_structs_are_owned_until_the_struct_escapes)
{
	result *r = run1(PRELUDE
			 "struct ctx { char *buf; size_t len; };\n"                     // 4
			 "int use(struct ctx c);\n"
			 "int keep(struct ctx *c);\n"
			 "int leak(size_t n) {\n"                                        // 7
			 "\tstruct ctx c;\n"
			 "\tc.buf = malloc(n);\n"
			 "\tif (!c.buf) return -1;\n"
			 "\tfor (size_t i = 0; i < n; i++) c.buf[i] = 0;\n"
			 "\treturn 0;\n"                                                 // 12: leak
			 "}\n"
			 "int freed(size_t n) {\n"
			 "\tstruct ctx c;\n"
			 "\tc.buf = malloc(n);\n"
			 "\tc.len = n;\n"
			 "\tif (!c.buf) return -1;\n"
			 "\tmemset(c.buf, 0, c.len);\n"
			 "\tfree(c.buf);\n"
			 "\treturn 0;\n"
			 "}\n"
			 "int twice(size_t n) {\n"                                       // 23
			 "\tstruct ctx c;\n"
			 "\tc.buf = malloc(n);\n"
			 "\tfree(c.buf);\n"
			 "\tfree(c.buf);\n"                                              // 27: double free
			 "\treturn 0;\n"
			 "}\n"
			 "int passed(size_t n) { struct ctx c; c.buf = malloc(n); return use(c); }\n"
			 "struct ctx made(size_t n) { struct ctx c; c.buf = malloc(n); return c; }\n"
			 "int kept(size_t n) { struct ctx c; c.buf = malloc(n); return keep(&c); }\n"
			 "int copied(size_t n, struct ctx *out) {\n"
			 "\tstruct ctx c;\n"
			 "\tc.buf = malloc(n);\n"
			 "\t*out = c;\n"
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "12");
	cr_assert_str_eq(first_of(r, "c.memory-leak")->message,
			 "the memory from malloc() at line 9 ('c.buf') is not released on this path");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "27");
}

Test(mem, a_return_on_the_other_side_of_the_same_test_does_not_leak)
{
	result *r = run1(PRELUDE
			 "int flag(void);\n"                                             // 4
			 "int work(void *p);\n"
			 "int correlated(int quick) {\n"                                 // 6
			 "\tint c = flag();\n"
			 "\tchar *p = NULL;\n"
			 "\tif (c && !quick) p = malloc(8);\n"
			 "\tif (work(NULL)) return 1;\n"                                 // 10: leaks p
			 "\tif (!c) return 2;\n"                                         // never p
			 "\tif (quick == 0) { free(p); return 0; }\n"
			 "\treturn 3;\n"                                                 // quick: never p
			 "}\n"
			 "int again(int n) {\n"                                          // 15
			 "\tchar *p = NULL;\n"
			 "\tfor (int i = 0; i < n; i++) {\n"
			 "\t\tint c = flag();\n"
			 "\t\tif (c) { free(p); p = malloc(8); }\n"
			 "\t\tif (!c) return 3;\n"                                       // 20: an earlier pass's p
			 "\t}\n"
			 "\tfree(p);\n"
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "10 20");
}

// ------------------------------------------------ may-states (mem_path.c)

Test(mem, a_literal_on_some_path_is_not_heap_memory_at_free)
{
	result *r = run1(PRELUDE
			 "int bad(FILE *out, const char *conf) {\n"                      // 4
			 "\tchar *name = \"anon\";\n"                                    // 5: the literal
			 "\tif (conf) { name = strdup(conf); if (!name) return -1; }\n"
			 "\tfputs(name, out);\n"
			 "\tfree(name);\n"                                               // 8: literal when !conf
			 "\treturn 0;\n"
			 "}\n"
			 "int local(FILE *out, size_t n, int big) {\n"                   // 11
			 "\tchar buf[64];\n"
			 "\tchar *p = buf;\n"                                            // 13
			 "\tif (big) { p = malloc(n); if (!p) return -1; }\n"
			 "\tfputs(p, out);\n"
			 "\tfree(p);\n"                                                  // 16: buf when !big
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.free-non-heap"), "8 16");
	const bh_finding *f = first_of(r, "c.free-non-heap");
	cr_assert_str_eq(f->message, "free() releases 'name', which holds a string literal on the path "
				     "from line 5, not memory from the heap");
	cr_assert_eq(f->nflow, 2);
	cr_assert_eq(f->flow[0].loc.line, 5);
	cr_assert_str_eq(f->flow[0].message, "set to a string literal here");
}

Test(mem, a_free_guarded_like_the_allocation_is_no_free_of_a_literal)
{
	result *r = run1(PRELUDE
			 "int same_test(FILE *out, const char *conf) {\n"                // 4
			 "\tchar *name = \"anon\";\n"
			 "\tif (conf) { name = strdup(conf); if (!name) return -1; }\n"
			 "\tfputs(name, out);\n"
			 "\tif (conf) free(name);\n"                                     // the same test
			 "\treturn 0;\n"
			 "}\n"
			 "int flag(FILE *out, const char *conf) {\n"                     // 11
			 "\tint own = 0;\n"
			 "\tchar *name = \"anon\";\n"
			 "\tif (conf) { name = strdup(conf); if (!name) return -1; own = 1; }\n"
			 "\tfputs(name, out);\n"
			 "\tif (own) free(name);\n"                                      // a flag
			 "\treturn 0;\n"
			 "}\n"
			 "int address(FILE *out, size_t n) {\n"                          // 19
			 "\tchar buf[64];\n"
			 "\tchar *p = buf;\n"
			 "\tif (n > sizeof buf) { p = malloc(n); if (!p) return -1; }\n"
			 "\tfputs(p, out);\n"
			 "\tif (p != buf) free(p);\n"                                    // the address
			 "\treturn 0;\n"
			 "}\n"
			 "int bound(FILE *out, size_t n) {\n"                            // 27
			 "\tchar buf[64];\n"
			 "\tchar *p = buf;\n"
			 "\tif (n > 64) { p = malloc(n); if (!p) return -1; }\n"
			 "\tfputs(p, out);\n"
			 "\tif (n > 64) free(p);\n"                                      // the same bound
			 "\treturn 0;\n"
			 "}\n"
			 "struct cfg { int flags; int (*set)(char **, int); };\n"       // 35
			 "char **split(char *v, int *n);\n"
			 "void free_split(char **v, int n) { for (int i = 0; i < n; i++) free(v[i]); free(v); }\n"
			 "int twice(struct cfg *cfg, char *value) {\n"                    // a field tested twice
			 "\tchar **argv; int argc;\n"
			 "\tif (cfg->flags & 4) argv = split(value, &argc);\n"
			 "\telse { argv = &value; argc = 1; }\n"
			 "\tint res = cfg->set(argv, argc);\n"
			 "\tif (cfg->flags & 4) free_split(argv, argc);\n"
			 "\treturn res;\n"
			 "}\n"
			 "int reassigned(FILE *out, const char *conf) {\n"
			 "\tchar *name = \"anon\";\n"
			 "\tif (conf) name = strdup(conf); else name = strdup(\"x\");\n"
			 "\tif (!name) return -1;\n"
			 "\tfputs(name, out);\n"
			 "\tfree(name);\n"                                               // heap on every path
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.free-non-heap"), "");
}

Test(mem, a_null_pointer_dereferenced_on_a_loops_first_pass)
{
	result *r = run1(PRELUDE
			 "struct item { struct item *next; };\n"                         // 4
			 "struct item *chain(struct item *items, int n) {\n"             // 5
			 "\tstruct item *tail = NULL;\n"                                 // 6
			 "\tfor (int i = 0; i < n; i++) {\n"
			 "\t\ttail->next = &items[i];\n"                                 // 8
			 "\t\ttail = &items[i];\n"
			 "\t}\n"
			 "\treturn items;\n"
			 "}\n"
			 "struct item *walk(struct item *it) {\n"                        // 13
			 "\tstruct item *prev = NULL;\n"
			 "\twhile (it) {\n"
			 "\t\tif (it->next == it) break;\n"                              // an exit: still free
			 "\t\tprev->next = it;\n"                                        // 17
			 "\t\tprev = it;\n"
			 "\t\tit = it->next;\n"
			 "\t}\n"
			 "\treturn prev;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "8 17");
	const bh_finding *f = first_of(r, "c.null-deref");
	cr_assert_str_eq(f->message, "'tail' is dereferenced while it is still NULL on the first pass of "
				     "the loop (set at line 6)");
	cr_assert_eq(f->flow[0].loc.line, 6);
}

Test(mem, a_first_pass_told_apart_by_a_counter_a_flag_or_a_test_is_quiet)
{
	result *r = run1(PRELUDE
			 "struct item { struct item *next; };\n"                         // 4
			 "int more(void);\n"
			 "void counter(struct item *items, int n) {\n"
			 "\tstruct item *tail = NULL;\n"
			 "\tfor (int i = 0; i < n; i++) {\n"
			 "\t\tif (i > 0) tail->next = &items[i];\n"                      // the counter
			 "\t\ttail = &items[i];\n"
			 "\t}\n"
			 "}\n"
			 "struct item *first(struct item *items, int n) {\n"
			 "\tstruct item *head = NULL, *tail = NULL;\n"
			 "\tint first = 1;\n"
			 "\tfor (int i = 0; i < n; i++) {\n"
			 "\t\tif (first) { head = &items[i]; first = 0; }\n"             // a flag
			 "\t\telse tail->next = &items[i];\n"
			 "\t\ttail = &items[i];\n"
			 "\t}\n"
			 "\treturn head;\n"
			 "}\n"
			 "void tested(struct item *items, int n) {\n"
			 "\tstruct item *tail = NULL;\n"
			 "\tfor (int i = 0; i < n; i++) {\n"
			 "\t\tif (!tail) tail = &items[i];\n"                            // set before use
			 "\t\ttail->next = &items[i];\n"
			 "\t\ttail = &items[i];\n"
			 "\t}\n"
			 "}\n"
			 "void unknown(struct item *items, int n) {\n"
			 "\tstruct item *tail = NULL;\n"
			 "\tfor (int i = 0; i < n; i++) {\n"
			 "\t\tif (more()) tail->next = &items[i];\n"                     // a test it cannot read
			 "\t\ttail = &items[i];\n"
			 "\t}\n"
			 "}\n"
			 "void before(struct item *items, struct item *start, int n, int have) {\n"
			 "\tstruct item *tail = NULL;\n"
			 "\tif (have) tail = start;\n"                                   // set on one side
			 "\tfor (int i = 0; i < n; i++) {\n"
			 "\t\ttail->next = &items[i];\n"
			 "\t\ttail = &items[i];\n"
			 "\t}\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "");
}

Test(mem, an_empty_array_left_null_with_its_count_at_zero_is_quiet)
{
	result *r = run1(PRELUDE
			 "void use(const char *);\n"                                        // 4
			 "void counted(int argc, char **argv) {\n"
			 "\tchar **names = NULL;\n"
			 "\tint n = 0;\n"
			 "\tfor (int i = 1; i < argc; i++) {\n"
			 "\t\tnames = realloc(names, (n + 1) * sizeof *names);\n"
			 "\t\tif (!names) return;\n"
			 "\t\tnames[n++] = argv[i];\n"
			 "\t}\n"
			 "\tfor (int j = 0; j < n; j++)\n"
			 "\t\tuse(names[j]);\n"                                            // NULL only while n is 0
			 "\tfree(names);\n"
			 "}\n"
			 "void zero(char **names) {\n"
			 "\tint n = 0;\n"
			 "\tnames = NULL;\n"
			 "\tfor (int j = 0; j < n; j++)\n"                                 // never entered: 0 < 0
			 "\t\tuse(*names);\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "");
}

Test(mem, a_pointer_moved_by_zero_is_the_block_itself)
{
	// Lua's `tostate(l)` is `(lua_State *)((lu_byte *)l + LUAI_EXTRASPACE)`
	// with the extra space 0: returning it returns the block, and keeping
	// it only in a local loses the block.
	result *r = run1("#include <stdlib.h>\n"
			 "#define EXTRA 0\n"
			 "struct s { int a; };\n"
			 "#define make_s() (struct s *)((unsigned char *)malloc(sizeof(struct s)) + EXTRA)\n"
			 "struct s *make(void) {\n"
			 "\tstruct s *p = make_s();\n"
			 "\treturn p;\n"
			 "}\n"
			 "int lose(void) {\n"
			 "\tstruct s *p = make_s();\n"
			 "\tif (!p) return -1;\n"
			 "\tp->a = 1;\n"
			 "\treturn p->a;\n"                                          // 13: lost
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.memory-leak"), "13");
}

Test(mem, a_source_that_returns_released_memory_or_null)
{
	result *r = run1(PRELUDE                                         // 1-3
			 "static char *gone(void) {\n"                  // 4
			 "\tchar *p = malloc(8);\n"                     // 5
			 "\tif (!p) exit(1);\n"                         // 6
			 "\tfree(p);\n"                                 // 7
			 "\treturn p;\n"                                // 8
			 "}\n"                                          // 9
			 "static int *none(void) { int *q = NULL; return q; }\n" // 10
			 "int f(void) {\n"                              // 11
			 "\tchar *s = gone();\n"                        // 12
			 "\tint *n = none();\n"                         // 13
			 "\tfree(s);\n"                                 // 14
			 "\treturn *n;\n"                               // 15
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "14");
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "15");
	const bh_finding *f = first_of(r, "c.double-free");
	cr_assert_eq(f->flow[0].loc.line, 7, "%u", f->flow[0].loc.line);
	cr_assert(strstr(f->flow[0].message, "inside gone()"), "%s", f->flow[0].message);
}

Test(mem, what_a_callee_does_behind_a_pointer_argument_or_in_a_global)
{
	result *r = run1(PRELUDE                                           // 1-3
			 "static char *g;\n"                               // 4
			 "static void drop(char **pp) { char *p = *pp; free(p); }\n" // 5
			 "static void show(void) { puts(g); }\n"           // 6
			 "static void reset(char **pp) { free(*pp); *pp = NULL; }\n" // 7
			 "void f(void) {\n"                                // 8
			 "\tchar *a = strdup(\"a\"), *b = strdup(\"b\");\n"  // 9
			 "\tif (!a || !b) exit(1);\n"                      // 10
			 "\tfree(a);\n"                                    // 11
			 "\tdrop(&a);\n"                                   // 12
			 "\tg = b;\n"                                      // 13
			 "\tfree(b);\n"                                    // 14
			 "\tshow();\n"                                     // 15
			 "}\n"                                             // 16
			 "void h(void) {\n"                                // 17
			 "\tchar *c = strdup(\"c\");\n"                     // 18
			 "\treset(&c);\n"                                  // 19
			 "\treset(&c);\n"                                  // 20
			 "}\n");
	// drop() and show() are helpers of one caller: reported inside them.
	cr_assert_str_eq(lines_of(r, "c.double-free"), "5");
	cr_assert_str_eq(lines_of(r, "c.use-after-free"), "6");
}

Test(mem, a_null_left_behind_a_pointer_argument_or_in_a_global_for_a_callee)
{
	result *r = run1(PRELUDE                                                     // 1-3
			 "static char *g;\n"                                        // 4
			 "static void show(void) { putchar(g[0]); }\n"              // 5
			 "static void first(char **pp) { char *p = *pp; putchar(p[0]); }\n" // 6
			 "static void maybe(char **pp, int c) { if (c) putchar((*pp)[0]); }\n" // 7
			 "static void guarded(void) { if (g) putchar(g[0]); }\n"    // 8
			 "void f(void) { g = NULL; show(); }\n"                     // 9
			 "void h(void) { char *a = NULL; first(&a); }\n"            // 10
			 "void k(int c) { char *a = NULL; maybe(&a, c); }\n"        // 11
			 "void m(void) { g = NULL; guarded(); }\n");                 // 12
	// Dereferenced on every path (helpers of one caller: reported inside
	// them); on some paths only, or after a check: quiet.
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "5 6");
}

Test(mem, a_pointer_local_that_only_points_to_one_variable_stands_for_it)
{
	result *r = run1(PRELUDE                                       // 1-3
			 "void keep(char **pp);\n"                    // 4
			 "void f(void) {\n"                           // 5
			 "\tchar *d = NULL, **p1 = &d, **p2 = &d;\n"   // 6
			 "\tchar *b = malloc(4);\n"                   // 7
			 "\tif (!b) return;\n"                        // 8
			 "\t*p1 = b;\n"                               // 9
			 "\tfree(b);\n"                               // 10
			 "\tputs(*p2);\n"                             // 11
			 "}\n"                                        // 12
			 "void g(void) {\n"                           // 13
			 "\tchar *d = NULL, **p1 = &d, **p2 = &d;\n"   // 14
			 "\tchar *b = malloc(4);\n"                   // 15
			 "\tif (!b) return;\n"                        // 16
			 "\t*p1 = b;\n"                               // 17
			 "\tfree(b);\n"                               // 18
			 "\tkeep(p2);\n"                              // 19
			 "\tputs(*p2);\n"                             // 20
			 "}\n");
	// In g() p2 is passed on: what it points to may change, it stands
	// for nothing.
	cr_assert_str_eq(lines_of(r, "c.use-after-free"), "11");
}

Test(mem, a_callers_null_argument_and_flag_settle_what_a_callee_does)
{
	result *r = run1(PRELUDE                                              // 1-3
			 "static int flag;\n"                                 // 4
			 "static char *src(char *d) {\n"                      // 5
			 "\tif (flag) { d = malloc(8); if (!d) exit(1); free(d); }\n" // 6
			 "\treturn d;\n"                                      // 7
			 "}\n"                                                // 8
			 "static void sink(char *p) { if (flag) free(p); }\n" // 9
			 "void f(void) {\n"                                   // 10
			 "\tchar *d = NULL;\n"                                // 11
			 "\td = src(d);\n"                                    // 12
			 "\tfree(d);\n"                                       // 13
			 "}\n"                                                // 14
			 "void g(void) {\n"                                   // 15
			 "\tchar *p = malloc(4);\n"                           // 16
			 "\tfree(p);\n"                                       // 17
			 "\tflag = 1;\n"                                      // 18
			 "\tsink(p);\n"                                       // 19
			 "}\n"                                                // 20
			 "void h(void) {\n"                                   // 21
			 "\tchar *p = malloc(4);\n"                           // 22
			 "\tfree(p);\n"                                       // 23
			 "\tflag = 0;\n"                                      // 24
			 "\tsink(p);\n"                                       // 25
			 "}\n"                                                // 26
			 "static int show(const char *s) { return flag ? (int)strlen(s) : 0; }\n" // 27
			 "int k(void) { const char *s = NULL; flag = 1; return show(s); }\n"    // 28
			 "int m(void) { const char *s = NULL; flag = 0; return show(s); }\n");  // 29
	cr_assert_str_eq(lines_of(r, "c.double-free"), "13 19");
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "28");
}

Test(mem, recursive_members_are_analysed_again_only_when_a_read_changed)
{
	// Pass one: f (g has no summary yet), g. Pass two: f again (g's
	// summary is new), not g: f's summary came out the same as the one g
	// read. g's double free, found in pass one, still stands.
	static const char *const files[] = {
		"main.c",
		"#include <stdlib.h>\n"
		"void g(int n);\n"
		"void f(int n) { if (n) g(n - 1); }\n"
		"void g(int n) { char *p = malloc(4); free(p); free(p); if (n) f(n - 1); }\n"
		"int main(void) { f(3); return 0; }\n",
		NULL,
	};
	size_t analyses = 0;
	result *r = run_counting(files, NULL, &analyses);
	cr_assert_str_eq(lines_of(r, "c.double-free"), "4");
	cr_assert_eq(analyses, 4, "f, g, f, main, not %zu", analyses);
}

Test(mem, findings_inside_a_helper_of_one_caller_are_reported_there)
{
	// release() is called from one place: the second free happens in it,
	// and that is where the finding is, with the call on its path.
	result *r = run1("#include <stdlib.h>\n"
			 "static void release(char *p)\n"
			 "{\n"
			 "\tfree(p);\n"
			 "}\n"
			 "void twice(void)\n"
			 "{\n"
			 "\tchar *p = malloc(8);\n"
			 "\tfree(p);\n"
			 "\trelease(p);\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "4");
	const bh_finding *f = first_of(r, "c.double-free");
	cr_assert_str_eq(f->function, "release");
	cr_assert_eq(f->nflow, 4);
	cr_assert_eq(f->flow[2].loc.line, 10);
	cr_assert_str_eq(f->flow[2].message, "passed to release() here, in twice()");
	cr_assert_eq(f->flow[3].loc.line, 4);
}

Test(mem, findings_through_a_function_of_many_callers_stay_at_each_call)
{
	// put() is an API with two callers: each caller's mistake is its own
	// finding, at its call.
	result *r = run1("#include <stdlib.h>\n"
			 "void put(char *p)\n"
			 "{\n"
			 "\tfree(p);\n"
			 "}\n"
			 "void one(void)\n"
			 "{\n"
			 "\tchar *p = malloc(8);\n"
			 "\tfree(p);\n"
			 "\tput(p);\n"
			 "}\n"
			 "void two(void)\n"
			 "{\n"
			 "\tchar *q = malloc(8);\n"
			 "\tput(q);\n"
			 "\tput(q);\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "10 16");
}

Test(mem, a_helper_that_checks_its_parameter_keeps_the_finding_at_the_call)
{
	// show() checks for NULL, as a utility written for any caller does:
	// the use after free is the call that hands it released memory.
	result *r = run1("#include <stdio.h>\n"
			 "#include <stdlib.h>\n"
			 "static void show(const char *s)\n"
			 "{\n"
			 "\tif (s != NULL)\n"
			 "\t\tputs(s);\n"
			 "}\n"
			 "void late(void)\n"
			 "{\n"
			 "\tchar *p = malloc(8);\n"
			 "\tif (!p) return;\n"
			 "\tp[0] = 0;\n"
			 "\tfree(p);\n"
			 "\tshow(p);\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.use-after-free"), "14");
}

// Where two blocks meet in one pointer, a use is reported on a path from a
// release of that pointer only when the path's free choices are tests of
// pseudo-random values (mem_path.c, random_only).
Test(mem, a_release_on_one_random_branch_reaches_a_use_on_another)
{
	result *r = run1(PRELUDE                                            // 1-3
			 "void f(void) {\n"                                 // 4
			 "\tchar *p;\n"                                     // 5
			 "\tif (rand() % 2) { p = malloc(8); if (!p) exit(1); free(p); }\n" // 6
			 "\telse { p = malloc(9); if (!p) exit(1); }\n"     // 7
			 "\tif (rand() & 1) free(p);\n"                     // 8
			 "\tif (!(random() % 3)) puts(p);\n"                // 9
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "8");
	const bh_finding *f = first_of(r, "c.double-free");
	cr_assert_not_null(f);
	cr_assert_eq(f->nflow, 3);
	cr_assert_eq(f->flow[1].loc.line, 6); // first released here
	// A path that skips line 8 still uses the block freed at line 6.
	cr_assert_str_eq(lines_of(r, "c.use-after-free"), "9");
}

Test(mem, tests_of_flags_and_remembered_coins_are_not_free_choices)
{
	result *r = run1(PRELUDE
			 "int verbose;\n"                                       // 4
			 "static int logging(void) { return verbose; }\n"       // 5
			 "void f(int flag) {\n"                                 // 6
			 "\tchar *p;\n"                                         // 7
			 "\tint coin = rand() % 2;\n"                           // 8
			 "\tif (coin) { p = malloc(8); if (!p) exit(1); free(p); }\n" // 9
			 "\telse { p = malloc(9); if (!p) exit(1); }\n"         // 10
			 "\tif (!coin) free(p);\n"                              // 11
			 "\tif (flag) puts(p);\n"                               // 12
			 "\tif (logging()) puts(p);\n"                          // 13
			 "}\n");
	cr_assert_str_eq(lines_of(r, "c.double-free"), "");
	cr_assert_str_eq(lines_of(r, "c.use-after-free"), "");
}

Test(mem, a_helper_returning_a_random_value_in_another_file_is_a_coin)
{
	const char *files[] = { "coin.c", "#include <stdlib.h>\nint coin(void) { return rand() % 2; }\n",
				"main.c",
				PRELUDE                                       // 1-3
				"int coin(void);\n"                           // 4
				"void f(int v) {\n"                           // 5
				"\tint *s;\n"                                 // 6
				"\tif (coin()) s = NULL; else s = &v;\n"      // 7
				"\tif (coin()) printf(\"%d\\n\", *s);\n"      // 8
				"}\n"
				"void g(int v) {\n"                           // 10
				"\tint *s;\n"                                 // 11
				"\tif (coin()) s = NULL; else s = &v;\n"      // 12
				"\tif (coin() && s) printf(\"%d\\n\", *s);\n" // 13
				"}\n",
				NULL };
	result *r = run(files, NULL);
	cr_assert_str_eq(lines_of(r, "c.null-deref"), "8");
}
