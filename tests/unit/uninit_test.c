// SPDX-License-Identifier: MIT
// Unit tests of the uninitialised-read check (bh_uninit) on small programs
// compiled by libclang: one test per mechanism (what reads, what writes,
// which paths are feasible, what crosses calls), the precision rules that
// came from real code (redis, memcached) included. The labelled fixtures
// of every flow shape are golden cases under testdata/mem/uninitialized-read/.
#include <criterion/criterion.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/uninit.h"
#include "program.h"

#define RULE "c.uninitialized-read"

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

TestSuite(uninit, .init = setup, .fini = teardown);

// Compile `files` (name, text pairs, NULL-terminated) as one program and
// run the check over it.
static result *run(const char *const *files)
{
	result *r = bh_arena_alloc(arena, sizeof(*r));
	bh_vec_push(&results, r);
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_ir_program prog;
	bh_ir_program_init(&prog);
	cr_assert(bh_test_compile_program(arena, files, &prog, &r->findings, &r->diags));
	cr_assert_eq(bh_uninit_run(&prog, NULL, &r->findings, &r->diags), BH_OK);
	bh_ir_program_dispose(&prog);
	bh_findings_sort_unique(&r->findings);
	return r;
}

static result *run1(const char *text)
{
	const char *files[] = { "main.c", text, NULL };
	return run(files);
}

// The lines of the findings of the rule, "" if none.
static const char *lines(const char *text)
{
	return bh_test_rule_lines(arena, &run1(text)->findings, RULE);
}

#define PRELUDE "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"

// ------------------------------------------------------------- scalars

Test(uninit, straight_line_read_has_message_and_path)
{
	result *r = run1(PRELUDE                       // 1-3
			 "int f(void) {\n"             // 4
			 "\tint len;\n"                // 5
			 "\tlen++;\n"                  // 6
			 "\treturn len;\n"             // 7
			 "}\n");
	const bh_finding *f = bh_test_first_finding(&r->findings, RULE);
	cr_assert_not_null(f);
	cr_assert_eq(f->loc.line, 6); // reported once, at the first read
	cr_assert_str_eq(bh_test_rule_lines(arena, &r->findings, RULE), "6");
	cr_assert_str_eq(f->message, "'len' is read here but is not initialised (declared at line 5)");
	cr_assert_eq(f->nflow, 2);
	cr_assert_eq(f->flow[0].loc.line, 5);
	cr_assert_str_eq(f->flow[0].message, "'len' is declared without an initialiser");
	cr_assert_str_eq(f->snippet, "len");
}

Test(uninit, one_sided_if_is_reported_through_the_branch)
{
	result *r = run1(PRELUDE                                // 1-3
			 "int f(const char *s) {\n"             // 4
			 "\tint port;\n"                        // 5
			 "\tif (s != NULL)\n"                   // 6
			 "\t\tport = atoi(s);\n"                // 7
			 "\treturn port;\n"                     // 8
			 "}\n");
	const bh_finding *f = bh_test_first_finding(&r->findings, RULE);
	cr_assert_not_null(f);
	cr_assert_eq(f->loc.line, 8);
	cr_assert_str_eq(f->message, "'port' is read here but is not initialised on the path "
				     "through line 6 (declared at line 5)");
	cr_assert_eq(f->nflow, 3);
	cr_assert_eq(f->flow[1].loc.line, 6);
	cr_assert_str_eq(f->flow[1].message,
			 "the condition is false here, so 'port' is not written on this path");
}

Test(uninit, both_sided_if_and_initialisers_are_quiet)
{
	cr_assert_str_eq(lines("int f(int c) {\n"
			       "\tint x, y = 2;\n"
			       "\tif (c) x = 1; else x = 2;\n"
			       "\treturn x + y;\n"
			       "}\n"),
			 "");
}

Test(uninit, every_kind_of_use_is_a_read)
{
	// Compound assignment, a call argument, a condition, a pointer
	// that is dereferenced: each on its own variable.
	cr_assert_str_eq(lines(PRELUDE                       // 1-3
			       "int f(void) {\n"             // 4
			       "\tint a, b, c; int *p;\n"    // 5
			       "\ta += 1;\n"                 // 6
			       "\tprintf(\"%d\", b);\n"      // 7
			       "\tif (c) return 1;\n"        // 8
			       "\treturn *p;\n"              // 9
			       "}\n"),
			 "6 7 8 9");
}

// ---------------------------------------------------------------- loops

Test(uninit, loop_that_may_not_run_is_reported_and_one_that_runs_is_not)
{
	cr_assert_str_eq(lines("int get(int);\n"                                   // 1
			       "int f(int n) {\n"                                  // 2
			       "\tint last, i;\n"                                  // 3
			       "\tfor (i = 0; i < n; i++) last = get(i);\n"        // 4
			       "\treturn last;\n"                                  // 5
			       "}\n"
			       "int g(void) {\n"                                   // 7
			       "\tint last, i;\n"
			       "\tfor (i = 0; i < 8; i++) last = get(i);\n"        // runs: i = 0 < 8
			       "\treturn last;\n"
			       "}\n"
			       "int h(int n) {\n"
			       "\tint v;\n"
			       "\tdo { v = get(n); } while (v < 0);\n"
			       "\treturn v;\n"
			       "}\n"),
			 "5");
}

Test(uninit, loop_counter_widening_keeps_values_that_do_not_change)
{
	// redis aofLoadManifestFromFile(): lines are skipped with `continue`
	// many times while `argv` stays NULL, and the error path only reads
	// `argc` when `argv` is set.
	cr_assert_str_eq(lines(PRELUDE
			       "char **split(const char *s, int *n);\n"
			       "int f(FILE *fp) {\n"
			       "\tchar buf[64]; char **argv = NULL; int argc; int lines = 0;\n"
			       "\twhile (fgets(buf, sizeof buf, fp)) {\n"
			       "\t\tlines++;\n"
			       "\t\tif (buf[0] == '#') continue;\n"
			       "\t\targv = split(buf, &argc);\n"
			       "\t\tif (argc < 2) goto err;\n"
			       "\t\tfree(argv); argv = NULL;\n"
			       "\t}\n"
			       "\tif (lines == 0) goto err;\n"
			       "\treturn 0;\n"
			       "err:\n"
			       "\tif (argv) printf(\"%d\", argc);\n"
			       "\treturn -1;\n"
			       "}\n"),
			 "");
}

// ------------------------------------------------------- address escape

Test(uninit, taking_the_address_initialises)
{
	cr_assert_str_eq(lines(PRELUDE                                         // 1-3
			       "struct pt { int x, y; };\n"                     // 4
			       "void init(struct pt *p);\n"                     // 5
			       "int f(int c) {\n"                               // 6
			       "\tint z, w; struct pt s, t; char buf[8];\n"     // 7
			       "\tscanf(\"%d\", &z);\n"                         // 8
			       "\tmemset(&s, 0, sizeof s);\n"                   // 9
			       "\tinit(&t);\n"                                  // 10
			       "\tif (fgets(buf, sizeof buf, stdin)) {}\n"      // 11
			       "\tif (c) scanf(\"%d\", &w);\n"                  // 12
			       "\treturn z + s.x + t.y + buf[0] + w;\n"         // 13: only w
			       "}\n"),
			 "13");
}

Test(uninit, asm_outputs_and_unions_do_not_mislead)
{
	cr_assert_str_eq(lines("typedef union { int i; float f; } num;\n"
			       "int f(int c) {\n"
			       "\tint x; num n;\n"
			       "\t__asm__(\"mov %1, %0\" : \"=r\"(x) : \"r\"(c));\n"
			       "\tn.i = 3;\n"
			       "\treturn x + (int)n.f;\n"
			       "}\n"),
			 "");
}

// --------------------------------------------------------------- structs

Test(uninit, struct_fields_are_followed_one_by_one)
{
	result *r = run1("struct cfg { int port; int verbose; const char *host; };\n" // 1
			 "int use(const char *);\n"                                   // 2
			 "int f(void) {\n"                                            // 3
			 "\tstruct cfg c, d;\n"                                       // 4
			 "\tc.port = 80;\n"                                           // 5
			 "\td = c;\n"                                                 // 6
			 "\treturn d.port + use(d.host);\n"                           // 7
			 "}\n");
	const bh_finding *f = bh_test_first_finding(&r->findings, RULE);
	cr_assert_not_null(f);
	cr_assert_str_eq(bh_test_rule_lines(arena, &r->findings, RULE), "7");
	cr_assert_str_eq(f->message, "'d.host' is read here but is not initialised (declared at line 4)");
	cr_assert_str_eq(f->flow[1].message, "'d' is copied from 'c' with 'd.host' unset");
}

Test(uninit, whole_struct_with_nothing_written_is_reported_when_used)
{
	cr_assert_str_eq(lines("struct pt { int x, y; };\n"       // 1
			       "void show(struct pt p);\n"        // 2
			       "void f(void) {\n"                 // 3
			       "\tstruct pt p, q = {0};\n"        // 4
			       "\tshow(q);\n"                     // 5
			       "\tshow(p);\n"                     // 6
			       "}\n"),
			 "6");
}

Test(uninit, struct_passed_to_a_function_that_reads_an_unset_field)
{
	result *r = run1("struct opts { int verbose; const char *path; };\n"      // 1
			 "int use(const char *);\n"                                // 2
			 "static int apply(struct opts o) {\n"                     // 3
			 "\treturn use(o.path);\n"                                 // 4
			 "}\n"                                                     // 5
			 "static int quiet(struct opts o) { return o.verbose; }\n" // 6
			 "int f(void) {\n"                                         // 7
			 "\tstruct opts o;\n"                                      // 8
			 "\to.verbose = 1;\n"                                      // 9
			 "\tquiet(o);\n"                                           // 10: reads verbose only
			 "\treturn apply(o);\n"                                    // 11
			 "}\n");
	// apply() has one caller: reported where it reads the field, the
	// call on the path.
	const bh_finding *f = bh_test_first_finding(&r->findings, RULE);
	cr_assert_not_null(f);
	cr_assert_str_eq(bh_test_rule_lines(arena, &r->findings, RULE), "4");
	cr_assert_str_eq(f->message, "'o.path' is not initialised when 'o' is passed to apply(), "
				     "which reads it at line 4 (declared at line 8)");
	cr_assert_eq(f->flow[f->nflow - 2].loc.line, 11);
}

Test(uninit, struct_returned_with_an_unset_field_is_unset_in_the_caller)
{
	cr_assert_str_eq(lines("struct range { int lo, hi; };\n"                       // 1
			       "static struct range parse(int a, int b) {\n"           // 2
			       "\tstruct range r;\n"                                   // 3
			       "\tr.lo = a;\n"                                         // 4
			       "\tif (b > a) r.hi = b;\n"                              // 5
			       "\treturn r;\n"                                         // 6
			       "}\n"                                                   // 7
			       "int f(int a, int b) {\n"                               // 8
			       "\tstruct range r = parse(a, b);\n"                     // 9
			       "\treturn r.lo;\n"                                      // 10: set
			       "}\n"
			       "int g(int a, int b) {\n"                               // 12
			       "\tstruct range r = parse(a, b);\n"                     // 13
			       "\treturn r.hi;\n"                                      // 14
			       "}\n"),
			 "14");
}

// ------------------------------------------------------------------ heap

Test(uninit, malloc_fields_are_read_before_any_store)
{
	cr_assert_str_eq(lines(PRELUDE                                          // 1-3
			       "struct node { int val; struct node *next; };\n"  // 4
			       "int f(int v) {\n"                                // 5
			       "\tstruct node *n = malloc(sizeof *n);\n"         // 6
			       "\tif (!n) return -1;\n"                          // 7
			       "\tn->val = v;\n"                                 // 8
			       "\tint r = n->val + (n->next != NULL);\n"         // 9: next
			       "\tfree(n);\n"
			       "\treturn r;\n"
			       "}\n"
			       "int g(int v) {\n"                                // 13
			       "\tstruct node *n = calloc(1, sizeof *n);\n"
			       "\tstruct node *m = malloc(sizeof *m);\n"
			       "\tif (!n || !m) return -1;\n"
			       "\tmemset(m, 0, sizeof *m);\n"
			       "\tint r = v + (n->next != NULL) + m->val;\n"
			       "\tfree(n); free(m);\n"
			       "\treturn r;\n"
			       "}\n"),
			 "9");
}

// -------------------------------------------------------------- arrays

Test(uninit, array_elements_only_when_nothing_was_ever_written)
{
	cr_assert_str_eq(lines("int get(int);\n"                                       // 1
			       "int f(void) {\n"                                       // 2
			       "\tint v[4];\n"                                         // 3
			       "\treturn v[0];\n"                                      // 4
			       "}\n"
			       "int g(int n) {\n"                                      // 6
			       "\tint v[8], set[8] = {0}, s = 0, j;\n"
			       "\tfor (j = 0; j < n && j < 8; j++) { v[j] = get(j); set[j] = 1; }\n"
			       "\tfor (j = 0; j < 8; j++) if (set[j]) s += v[j];\n"
			       "\treturn s;\n"
			       "}\n"),
			 "4");
}

// ------------------------------------------------------------- feasibility

Test(uninit, correlated_conditions_on_an_unchanged_variable_are_quiet)
{
	cr_assert_str_eq(lines("int get(void); void use(int);\n"                  // 1
			       "void f(int c, int *p) {\n"                         // 2
			       "\tint x, y, z;\n"                                  // 3
			       "\tif (c) x = get();\n"                             // 4
			       "\tget();\n"                                        // 5
			       "\tif (c) use(x);\n"                                // 6: same c
			       "\tint have = 0;\n"                                 // 7
			       "\tif (*p > 3) { y = 1; have = 1; }\n"              // 8
			       "\tif (have) use(y);\n"                             // 9: the flag
			       "\tif (c == 2) z = 1;\n"                            // 10
			       "\tc = get();\n"                                    // 11: c changes
			       "\tif (c == 2) use(z);\n"                           // 12
			       "}\n"),
			 "12");
}

Test(uninit, guard_on_a_related_condition_is_not_trusted_to_be_independent)
{
	// memcached process_mget_command(): `hv` is set when of.locked, and
	// of.vivify implies of.locked; the guard tests the same struct.
	cr_assert_str_eq(lines("struct flags { int locked, vivify; };\n"
			       "void parse(struct flags *f);\n"
			       "int lookup(unsigned *hv); void link_item(unsigned hv);\n"
			       "void f(void) {\n"
			       "\tstruct flags of = {0}; unsigned hv;\n"
			       "\tparse(&of);\n"
			       "\tif (of.locked) lookup(&hv);\n"
			       "\tif (of.vivify) link_item(hv);\n"
			       "}\n"),
			 "");
}

Test(uninit, constant_conditions_prune_paths)
{
	cr_assert_str_eq(lines("static const int MODE = 2;\n"                    // 1
			       "static int strict = 1;\n"                        // 2
			       "static int verbose = 0;\n"                       // 3
			       "int get(void);\n"                                // 4
			       "int f(void) {\n"                                 // 5
			       "\tint a, b, c, d;\n"                             // 6
			       "\tif (MODE == 2) a = get();\n"                   // 7: always
			       "\tif (strict) b = get();\n"                      // 8: never written: 1
			       "\tif (0) c = 1; else c = 2;\n"                   // 9
			       "\tif (verbose) d = get();\n"                     // 10: never runs
			       "\treturn a + b + c + d;\n"                       // 11: d
			       "}\n"),
			 "11");
}

Test(uninit, switch_cases_that_do_not_return_are_not_a_path)
{
	cr_assert_str_eq(lines(PRELUDE
			       "enum kind { K_A, K_B };\n"
			       "int f(enum kind k) {\n"
			       "\tint w;\n"
			       "\tswitch (k) {\n"
			       "\tcase K_A: w = 1; break;\n"
			       "\tcase K_B: w = 2; break;\n"
			       "\tdefault: abort();\n"
			       "\t}\n"
			       "\treturn w;\n"
			       "}\n"),
			 "");
}

Test(uninit, field_found_equal_to_a_constant_decides_a_later_test)
{
	// redis evictionPoolPopulate(): `o` is set unless the policy is
	// VOLATILE_TTL, and read only under a flag VOLATILE_TTL lacks.
	cr_assert_str_eq(lines("struct server { int policy; } server;\n"
			       "void *lookup(void); int idle(void *o);\n"
			       "int f(void) {\n"
			       "\tvoid *o;\n"
			       "\tif (server.policy != 512) o = lookup();\n"
			       "\tif (server.policy & 1) return idle(o);\n"
			       "\treturn 0;\n"
			       "}\n"),
			 "");
}

Test(uninit, function_pointer_callee_is_followed)
{
	cr_assert_str_eq(lines("struct ev { int type; int fd; };\n"              // 1
			       "static int on_event(struct ev e) { return e.fd; }\n" // 2
			       "int f(void) {\n"                                 // 3
			       "\tint (*cb)(struct ev) = on_event;\n"            // 4
			       "\tstruct ev e;\n"                                // 5
			       "\te.type = 1;\n"                                 // 6
			       "\treturn cb(e);\n"                               // 7
			       "}\n"),
			 "2"); // inside on_event(), the one function cb holds
}

// ------------------------------------------------------------ cut functions

Test(uninit, function_with_cut_ir_is_not_analysed)
{
	// Statements nested deeper than the front end's limit cut the IR
	// (and clang has no limit on nested `if`s without braces).
	char *text = bh_arena_strdup(arena, "int f(int c) {\n\tint x, y = 0;\n\tif (c) x = 1;\n\t");
	for (int i = 0; i < 300; i++)
		text = bh_arena_sprintf(arena, "%sif (c) ", text);
	text = bh_arena_sprintf(arena, "%sy = 1;\n\treturn x + y;\n}\n"
				       "int g(int c) {\n\tint x;\n\tif (c) x = 1;\n\treturn x;\n}\n", text);
	result *r = run1(text);
	cr_assert_str_eq(bh_test_rule_lines(arena, &r->findings, RULE), "10"); // g() only
	bool cut = false;
	for (size_t i = 0; i < r->diags.items.len; i++)
		cut = cut || strcmp(r->diags.items.items[i].code, "ir.incomplete") == 0;
	cr_assert(cut, "the front end did not cut f()");
}

Test(uninit, initialiser_lists_initialise_every_member)
{
	// What a list does not name is zero: nothing of these is uninitialised.
	cr_assert_str_eq(lines("struct ep { const char *host; int port; int tries; };\n"
			       "int f(const char *h, int secure) {\n"
			       "\tstruct ep e = { .host = h };\n"
			       "\tint ports[4] = { 80 };\n"
			       "\tchar name[8] = \"x\";\n"
			       "\tstruct ep *p = &(struct ep){ .tries = 1 };\n"
			       "\tif (secure) e.port = 443;\n"
			       "\treturn e.port + e.tries + ports[3] + name[5] + p->port;\n"
			       "}\n"),
			 "");
}

// fill() overwrites n first: no read. show() only hands n to printf(): the
// call is the read (line 10). later(), a helper of one caller, reads it
// in arithmetic: reported there (line 6), with the call as a step.
Test(uninit, passing_a_value_is_a_read_only_when_the_callee_reads_it)
{
	cr_assert_str_eq(lines(PRELUDE                                        // 1-3
			       "static void fill(int n) { n = 5; printf(\"%d\", n); }\n" // 4
			       "static void show(int n) { printf(\"%d\", n); }\n"        // 5
			       "static void later(int n) { int k = 2; k += n; }\n"       // 6
			       "void f(void) {\n"                                       // 7
			       "\tint a, b, c, d;\n"                                    // 8
			       "\tfill(a);\n"                                           // 9
			       "\tshow(b);\n"                                           // 10
			       "\tlater(c);\n"                                          // 11
			       "\tprintf(\"%d\", d);\n"                                 // 12
			       "}\n"),
			 "6 10 12");
}

// Through helpers of one caller each, down to the one that hands the value
// to out(), a printing utility: reported at that call, inside last().
Test(uninit, a_read_through_a_chain_of_helpers_is_reported_where_the_last_one_uses_it)
{
	cr_assert_str_eq(lines(PRELUDE                                 // 1-3
			       "static void out(int v) { printf(\"%d\", v); }\n" // 4
			       "static void last(int v) { out(v); }\n"           // 5
			       "static void mid(int v) { last(v); }\n"           // 6
			       "void f(void) { int x; mid(x); }\n"),             // 7
			 "5");
}

// ------------------------------------------- values that cross in memory

Test(uninit, copy_into_a_global_is_read_where_the_callee_reads_it)
{
	// 7: the helper's use of its copy; the copies at 6 and 9 read nothing,
	// and good() overwrites its copy first.
	cr_assert_str_eq(lines(PRELUDE                                              // 1-3
			       "static int g, h;\n"                                  // 4
			       "void out(int v);\n"                                  // 5
			       "static void sink(void) { int d = g;\n"               // 6
			       "\tout(d); }\n"                                       // 7
			       "static void good(void) { int d = h; d = 1; out(d); }\n" // 8
			       "void f(void) { int x; g = x; sink(); h = x; good(); }\n"), // 9
			 "7");
}

Test(uninit, address_passed_is_read_where_the_callee_reads_through_it)
{
	cr_assert_str_eq(lines(PRELUDE                                              // 1-3
			       "static int twice(const int *p) { int v = *p;\n"      // 4
			       "\treturn v * 2; }\n"                                 // 5
			       "static int set(int *p) { *p = 1; return *p; }\n"     // 6
			       "int f(void) { int x, y; return twice(&x) + set(&y); }\n"), // 7
			 "5");
}

Test(uninit, pointer_that_stands_for_a_local_copies_through_it)
{
	cr_assert_str_eq(lines(PRELUDE                                  // 1-3
			       "int f(int n) {\n"                        // 4
			       "\tint a, b; int *p = &a, *q = &b;\n"     // 5
			       "\t*q = 0;\n"                             // 6
			       "\tint c = *p;\n"                         // 7: a copy, no read
			       "\tif (n) c = *q;\n"                      // 8
			       "\treturn c;\n"                           // 9
			       "}\n"),
			 "9");
}
