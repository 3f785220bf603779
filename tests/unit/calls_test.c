// SPDX-License-Identifier: MIT
// Unit tests of the call checks (bh_calls): the model parser, then
// c.unchecked-return and c.toctou on small programs compiled by libclang,
// one mechanism per test: what counts as reading a result, as a wrong
// comparison, as the same file name, as a branch on a check. The
// labelled fixtures of every flow shape are golden cases under
// testdata/mem/unchecked-return and testdata/mem/toctou.
#include <criterion/criterion.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/call_checks.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
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

TestSuite(calls, .init = setup, .fini = teardown);

// ----------------------------------------------------------------- models

Test(calls, builtin_models_parse_without_errors)
{
	bh_calls_models m;
	bh_diags d;
	bh_calls_models_init(&m);
	bh_diags_init(&d, arena);
	bh_calls_models_add_builtin(&m, arena, &d);
	cr_assert_eq(d.items.len, 0, "first: line %u %s", d.items.len ? d.items.items[0].loc.line : 0,
		     d.items.len ? d.items.items[0].message : "");
	size_t n;
	const bh_calls_model *su = bh_calls_models_find(&m, "setuid", &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(su->kind, BH_CALLS_MUST_CHECK);
	cr_assert_eq(su->failure, BH_CALLS_FAIL_MINUS1);
	cr_assert_str_eq(su->verify[0], "getuid");
	cr_assert_null(su->verify[3]);
	cr_assert_not_null(su->consequence);
	const bh_calls_model *st = bh_calls_models_find(&m, "stat", &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(st->kind, BH_CALLS_CHECK);
	cr_assert_eq(st->arg, 0);
	cr_assert_eq(st->out, 1);
	bh_calls_models_find(&m, "rename", &n);
	cr_assert_eq(n, 2); // both names are used
	const bh_calls_model *fo = bh_calls_models_find(&m, "fopen", &n);
	cr_assert_eq(n, 2); // status null, use arg0
	cr_assert_eq(fo[0].kind, BH_CALLS_STATUS);
	cr_assert_eq(fo[1].kind, BH_CALLS_USE);
	cr_assert_null(bh_calls_models_find(&m, "no_such_function", &n));
	bh_calls_models_dispose(&m);
	bh_diags_dispose(&d);
}

Test(calls, bad_model_lines_are_diagnostics_and_the_rest_is_kept)
{
	static const char text[] = "must-check drop_caps minus1 the process keeps its capabilities\n"
				   "must-check\n"                          // too short
				   "verify setuid minus1\n"                // unknown kind
				   "status f zero\n"                       // unknown failure
				   "count f ret\n"                         // needs argN
				   "check f arg0 buf1\n"                   // trailing text
				   "must-check f minus1 verify=\n"         // empty verify
				   "must-check f minus1 verify=a,,b\n"     // empty name
				   "must-check f minus1 verify=a,b,c,d,e\n" // too many
				   "use f arg999\n";                       // index out of range
	bh_calls_models m;
	bh_diags d;
	bh_calls_models_init(&m);
	bh_diags_init(&d, arena);
	cr_assert_eq(bh_calls_models_parse(&m, arena, text, "cfg.json", 1, &d), 9);
	cr_assert_eq(m.items.len, 1);
	cr_assert_str_eq(m.items.items[0].consequence, "the process keeps its capabilities");
	cr_assert_null(m.items.items[0].verify[0]);
	for (size_t i = 0; i < d.items.len; i++) {
		cr_assert_str_eq(d.items.items[i].code, "calls.bad-model");
		cr_assert_eq(d.items.items[i].loc.line, i + 2);
	}
	bh_calls_models_dispose(&m);
	bh_diags_dispose(&d);
}

// ----------------------------------------------------------------- engine

// Compile `files` (name, text pairs, NULL-terminated) as one program and
// run the call checks with the built-in models.
static result *run(const char *const *files)
{
	result *r = bh_arena_alloc(arena, sizeof(*r));
	bh_vec_push(&results, r);
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_ir_program prog;
	bh_ir_program_init(&prog);
	cr_assert(bh_test_compile_program(arena, files, &prog, &r->findings, &r->diags));
	bh_calls_models m;
	bh_calls_models_init(&m);
	bh_calls_models_add_builtin(&m, arena, &r->diags);
	cr_assert_eq(bh_calls_run(&prog, &m, NULL, &r->findings, &r->diags), BH_OK);
	bh_calls_models_dispose(&m);
	bh_ir_program_dispose(&prog);
	bh_findings_sort_unique(&r->findings);
	return r;
}

static result *run1(const char *text)
{
	const char *files[] = { "main.c", text, NULL };
	return run(files);
}

static const char *lines_of(const result *r, const char *id)
{
	return bh_test_rule_lines(arena, &r->findings, id);
}

static const bh_finding *first_of(const result *r, const char *id)
{
	return bh_test_first_finding(&r->findings, id);
}

#define UR "c.unchecked-return"
#define TT "c.toctou"
#define PRELUDE                                                                                  \
	"#include <fcntl.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <sys/stat.h>\n"  \
	"#include <unistd.h>\n"

Test(calls, run_rejects_null_arguments)
{
	bh_calls_models m;
	bh_calls_models_init(&m);
	bh_findings f;
	bh_findings_init(&f, arena);
	bh_diags d;
	bh_diags_init(&d, arena);
	cr_assert_eq(bh_calls_run(NULL, &m, NULL, &f, &d), BH_EINVAL);
	bh_findings_dispose(&f);
	bh_diags_dispose(&d);
	bh_calls_models_dispose(&m);
}

// ------------------------------------------------------ ignored results

Test(calls, an_ignored_setuid_is_reported_with_its_consequence)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "void f(uid_t u) {\n"                      // 6
			 "\tsetuid(u);\n"                           // 7
			 "\t(void)setgid(u);\n"                     // 8: a cast is no excuse
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "7 8");
	const bh_finding *f = first_of(r, UR);
	cr_assert_str_eq(f->message, "the result of setuid() is ignored: if it fails, the process may "
				     "keep the privileges it meant to give up");
	cr_assert_eq(f->nflow, 1);
	cr_assert_str_eq(f->snippet, "setuid()");
}

Test(calls, a_result_read_anywhere_is_not_reported)
{
	result *r = run1(PRELUDE
			 "int f(uid_t u, const char *d) {\n"
			 "\tif (setuid(u) != 0) return -1;\n"
			 "\tint rc = chdir(d);\n"
			 "\treturn rc;\n"                           // returned: the caller's business
			 "}\n"
			 "int g(uid_t u) { int rc = setgid(u); if (rc < 0) abort(); return 0; }\n");
	cr_assert_str_eq(lines_of(r, UR), "");
}

Test(calls, a_result_stored_and_never_read_is_reported_through_copies)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "void f(const char *d) {\n"                // 6
			 "\tint rc = chroot(d);\n"                  // 7
			 "\tint copy = rc;\n"                       // 8
			 "\tint again = copy;\n"                    // 9
			 "\trc = 0;\n"                              // 10
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "7");
	cr_assert_not_null(strstr(first_of(r, UR)->message, "is stored in 'again', which is never read"));
}

Test(calls, a_read_only_under_a_constant_false_condition_does_not_count)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "static const int CHECK = 0, ALWAYS = 1;\n" // 6
			 "void f(uid_t u) {\n"                      // 7
			 "\tint a = setuid(u);\n"                   // 8: reported
			 "\tif (CHECK && a) abort();\n"             // 9
			 "\tint b = setgid(u);\n"                   // 10: checked
			 "\tif (ALWAYS && b) abort();\n"            // 11
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "8");
}

Test(calls, globals_and_fields_count_as_read_when_any_function_reads_them)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "struct w { int rc, keep; };\n"            // 6
			 "int g_dead, g_read;\n"                    // 7
			 "void f(struct w *w, uid_t u) {\n"         // 8
			 "\tg_dead = setuid(u);\n"                  // 9: nothing reads g_dead
			 "\tg_read = setuid(u);\n"                  // 10
			 "\tw->rc = setgid(u);\n"                   // 11: nothing reads .rc
			 "\tw->keep = setgid(u);\n"                 // 12
			 "}\n"
			 "int ok(const struct w *w) { return g_read == 0 && w->keep == 0; }\n");
	cr_assert_str_eq(lines_of(r, UR), "9 11");
}

Test(calls, a_result_passed_to_a_parameter_the_callee_never_reads_is_reported)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "static void note(const char *what, int rc) { puts(what); }\n" // 6
			 "static void must(const char *what, int rc) { if (rc) abort(); }\n" // 7
			 "void f(uid_t u) {\n"                      // 8
			 "\tnote(\"uid\", setuid(u));\n"            // 9
			 "\tmust(\"gid\", setgid(u));\n"            // 10
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "9");
	cr_assert_not_null(strstr(first_of(r, UR)->message, "is passed to note(), which never reads it"));
}

Test(calls, a_wrapper_returning_the_result_must_be_checked_in_turn)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "static int inner(uid_t u) { return setuid(u); }\n" // 6
			 "static int outer(uid_t u) { int rc = inner(u); return rc; }\n" // 7
			 "static int checked(uid_t u) { return setuid(u) ? -1 : 0; }\n" // 8: a new value
			 "void f(uid_t u) {\n"                      // 9
			 "\touter(u);\n"                            // 10
			 "\tif (inner(u)) abort();\n"               // 11
			 "\tchecked(u);\n"                          // 12
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "10");
	const bh_finding *f = first_of(r, UR);
	cr_assert_str_eq(f->message, "the result of outer() (it returns the result of setuid() at line 6) "
				     "is ignored: if it fails, the process may keep the privileges it "
				     "meant to give up");
	cr_assert_eq(f->nflow, 2);
	cr_assert_eq(f->flow[0].loc.line, 6);
}

Test(calls, a_privilege_change_verified_afterwards_is_not_reported)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "void f(uid_t u) {\n"                      // 6
			 "\tsetuid(u);\n"                           // 7: verified below
			 "\tif (getuid() != u || geteuid() != u) abort();\n" // 8
			 "\tsetgid(u);\n"                           // 9: getuid() does not verify it
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "9");
}

Test(calls, chdir_after_chroot_says_where_the_root_was_set)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *d) {\n"                 // 6
			 "\tif (chroot(d) != 0) return -1;\n"       // 7
			 "\tchdir(\"/\");\n"                        // 8
			 "\treturn 0;\n"
			 "}\n");
	const bh_finding *f = first_of(r, UR);
	cr_assert_not_null(f);
	cr_assert_eq(f->loc.line, 8);
	cr_assert_str_eq(f->message, "the result of chdir() is ignored: if it fails, the working "
				     "directory stays outside the root set by chroot() at line 7");
	cr_assert_eq(f->nflow, 2);
	cr_assert_eq(f->flow[0].loc.line, 7);
}

Test(calls, a_function_of_the_program_shadows_the_model)
{
	result *r = run1("int setuid(int u) { return u; }\n"
			 "void f(void) { setuid(3); }\n");
	cr_assert_str_eq(lines_of(r, UR), "");
}

// --------------------------------------------------------- partial reads

Test(calls, an_ignored_read_count_is_reported_when_the_buffer_is_used_after)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "struct hdr { int len; };\n"               // 6
			 "int f(int fd) {\n"                        // 7
			 "\tstruct hdr h;\n"                        // 8
			 "\tchar junk[64];\n"                       // 9
			 "\tread(fd, junk, sizeof junk);\n"         // 10: drained, never used
			 "\tread(fd, &h, sizeof h);\n"              // 11
			 "\treturn h.len;\n"                        // 12
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "11");
	const bh_finding *f = first_of(r, UR);
	cr_assert_str_eq(f->message, "the result of read() is ignored, but 'h' is used at line 12: a "
				     "short or failed read leaves part of it stale");
	cr_assert_eq(f->nflow, 2);
	cr_assert_eq(f->flow[1].loc.line, 12);
}

Test(calls, a_read_refilled_by_a_checked_read_is_not_reported)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(int fd, char *buf, size_t n) {\n"   // 6
			 "\tread(fd, buf, 1);\n"                    // 7: refilled before use
			 "\tif (read(fd, buf, n) <= 0) return -1;\n" // 8
			 "\treturn buf[0];\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "");
}

// ---------------------------------------------------- wrong comparisons

Test(calls, comparisons_that_cannot_see_the_failure_are_reported)
{
	result *r = run1(PRELUDE "#include <pthread.h>\n#include <sys/mman.h>\n#include <errno.h>\n" // 1-8
			 "int f(uid_t u, pthread_mutex_t *m, size_t n, int fd) {\n" // 9
			 "\tif (setuid(u) == 1) return 1;\n"        // 10: reported
			 "\tif (setgid(u) > 0) return 1;\n"         // 11: reported
			 "\tif (seteuid(u) == -1) return 1;\n"      // 12
			 "\tif (setegid(u) < 0) return 1;\n"        // 13
			 "\tif (pthread_mutex_lock(m) == -1) return 1;\n" // 14: reported
			 "\tif (pthread_mutex_trylock(m) == EBUSY) return 1;\n" // 15
			 "\tchar *p = malloc(n);\n"                 // 16
			 "\tif (p < 0) return 1;\n"                 // 17: reported
			 "\tif (p == NULL) return 1;\n"             // 18
			 "\tvoid *a = mmap(0, n, PROT_READ, MAP_PRIVATE, fd, 0);\n" // 19
			 "\tif (!a) return 1;\n"                    // 20: reported
			 "\tif (a == MAP_FAILED) return 1;\n"       // 21
			 "\tif (0 != setuid(u)) return 1;\n"        // 22
			 "\tif (1 == setuid(u)) return 1;\n"        // 23: reported (operands swapped)
			 "\tfree(p);\n"
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, UR), "10 11 14 17 20 23");
	const bh_finding *f = first_of(r, UR);
	cr_assert_str_eq(f->message, "comparing the result of setuid() with '== 1' cannot tell failure "
				     "from success: setuid() returns 0 on success and -1 on failure");
	cr_assert_str_eq(r->findings.items.items[3].message,
			 "comparing the result of malloc() with '< 0' cannot tell failure from success: "
			 "malloc() returns NULL on failure");
	cr_assert_str_eq(r->findings.items.items[4].message,
			 "testing the result of mmap() for NULL cannot tell failure from success: mmap() "
			 "returns MAP_FAILED on failure, not NULL");
}

// ------------------------------------------------------------------ toctou

Test(calls, a_use_after_a_branch_on_a_check_is_reported_with_its_path)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *path) {\n"              // 6
			 "\tif (access(path, W_OK) != 0)\n"         // 7
			 "\t\treturn -1;\n"                         // 8
			 "\treturn open(path, O_WRONLY);\n"         // 9
			 "}\n");
	const bh_finding *f = first_of(r, TT);
	cr_assert_not_null(f);
	cr_assert_eq(f->loc.line, 9);
	cr_assert_str_eq(f->message, "'path' is checked by access() at line 7 and then used by open(): "
				     "the file can be replaced in between");
	cr_assert_eq(f->nflow, 2);
	cr_assert_eq(f->flow[0].loc.line, 7);
	cr_assert_eq(f->flow[1].loc.line, 9);
}

Test(calls, a_use_not_decided_by_the_check_is_not_reported)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "long size_of(const char *path, int *fd) {\n" // 6
			 "\tstruct stat st;\n"                      // 7
			 "\tstat(path, &st);\n"                     // 8: no branch on it
			 "\t*fd = open(path, O_RDONLY);\n"          // 9
			 "\treturn st.st_size;\n"
			 "}\n"
			 "int g(const char *path) {\n"
			 "\tint fd = open(path, O_RDONLY);\n"       // use first
			 "\tif (access(path, R_OK) != 0) { close(fd); return -1; }\n" // then check
			 "\treturn fd;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "");
}

Test(calls, the_stat_buffer_decides_the_branch)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *path) {\n"              // 6
			 "\tstruct stat st;\n"                      // 7
			 "\tstat(path, &st);\n"                     // 8: the result is not tested
			 "\tif (S_ISLNK(st.st_mode)) return -1;\n"  // 9: but what it filled is
			 "\treturn unlink(path);\n"                 // 10
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "10");
}

Test(calls, another_value_in_between_is_another_name)
{
	result *r = run1(PRELUDE "#include <string.h>\n"            // 1-6
			 "struct job { const char *path; };\n"      // 7
			 "int f(const char *path, const char *other, struct job *j, const char *dir) {\n" // 8
			 "\tchar full[256];\n"                      // 9
			 "\tif (access(path, F_OK) == 0) {\n"       // 10
			 "\t\tpath = other;\n"                      // 11: reassigned
			 "\t\tunlink(path);\n"                      // 12
			 "\t}\n"
			 "\tif (access(j->path, F_OK) == 0) {\n"    // 14
			 "\t\tj->path = other;\n"                   // 15: the field is stored
			 "\t\tunlink(j->path);\n"                   // 16
			 "\t}\n"
			 "\tsnprintf(full, sizeof full, \"%s/a\", dir);\n"
			 "\tif (access(full, F_OK) == 0) {\n"       // 19
			 "\t\tsnprintf(full, sizeof full, \"%s/b\", dir);\n" // 20: refilled
			 "\t\tunlink(full);\n"                      // 21
			 "\t}\n"
			 "\tif (access(\"/tmp/a\", F_OK) == 0)\n"   // 23
			 "\t\tunlink(\"/tmp/b\");\n"                // 24: another literal
			 "\tif (access(\"/tmp/c\", F_OK) == 0)\n"   // 25
			 "\t\tunlink(\"/tmp/c\");\n"                // 26: the same literal
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "26");
}

Test(calls, a_descriptor_check_is_the_fix_not_a_check)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *path) {\n"
			 "\tstruct stat st;\n"
			 "\tint fd = open(path, O_RDONLY | O_NOFOLLOW);\n"
			 "\tif (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return -1;\n"
			 "\treturn fchmod(fd, 0600);\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "");
}

Test(calls, checks_and_uses_in_helpers_of_another_file_are_followed)
{
	const char *files[] = {
		"util.h", "int can_write(const char *p);\nint save(const char *p);\n",
		"util.c", PRELUDE                                   // 1-5
			  "int can_write(const char *p) { return access(p, W_OK) == 0; }\n" // 6
			  "int save(const char *p) {\n"             // 7
			  "\tFILE *f = fopen(p, \"w\");\n"          // 8
			  "\tif (!f) return -1;\n"
			  "\treturn fclose(f);\n"
			  "}\n",
		"main.c", "#include \"util.h\"\n"                   // 1
			  "int f(const char *path) {\n"             // 2
			  "\tif (!can_write(path)) return -1;\n"    // 3
			  "\treturn save(path);\n"                  // 4
			  "}\n",
		NULL,
	};
	result *r = run(files);
	const bh_finding *f = first_of(r, TT);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->loc.path, "main.c");
	cr_assert_eq(f->loc.line, 4);
	cr_assert_str_eq(f->message, "'path' is checked by can_write() at line 3 and then used by "
				     "save(), which passes it to fopen(): the file can be replaced in "
				     "between");
	cr_assert_eq(f->nflow, 4); // access() in can_write, the call, fopen() in save, the use
	cr_assert_str_eq(f->flow[0].loc.path, "util.c");
	cr_assert_eq(f->flow[0].loc.line, 6);
	cr_assert_eq(f->flow[2].loc.line, 8);
}

Test(calls, a_local_copy_is_the_same_name)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *path) {\n"              // 6
			 "\tconst char *p = path;\n"                // 7
			 "\tif (access(p, F_OK) == 0) return -1;\n" // 8
			 "\treturn creat(path, 0600);\n"            // 9
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "9");
}

Test(calls, a_use_after_both_sides_of_the_check_join_is_not_decided_by_it)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *pid) {\n"               // 6
			 "\tif (access(pid, F_OK) == 0)\n"          // 7
			 "\t\tputs(\"replacing the pid file\");\n"  // 8
			 "\tFILE *out = fopen(pid, \"w\");\n"       // 9: runs either way
			 "\tif (!out) return -1;\n"
			 "\treturn fclose(out);\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "");
}

Test(calls, the_nearest_use_is_named)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *p, int deep) {\n"       // 6
			 "\tstruct stat st;\n"                      // 7
			 "\tif (lstat(p, &st) != 0 || !S_ISDIR(st.st_mode)) return -1;\n" // 8
			 "\tif (deep) { puts(\"a\"); puts(\"b\"); puts(\"c\"); }\n" // 9
			 "\tif (deep) return utime(p, NULL);\n"     // 10
			 "\treturn chmod(p, 0700);\n"               // 11
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "10");
}

Test(calls, a_call_that_fails_when_the_name_exists_is_not_a_use)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "int f(const char *dir) {\n"
			 "\tstruct stat st;\n"
			 "\tif (stat(dir, &st) == 0) return 0;\n"
			 "\treturn mkdir(dir, 0700);\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "");
}

Test(calls, a_helper_that_also_uses_the_name_is_not_a_check)
{
	result *r = run1(PRELUDE                                    // 1-5
			 "static int write_all(const char *p) {\n"  // 6
			 "\tstruct stat st;\n"                      // 7
			 "\tif (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) return 1;\n" // 8
			 "\tFILE *f = fopen(p, \"w\");\n"           // 9: reported in here
			 "\tif (!f) return 2;\n"
			 "\treturn fclose(f);\n"
			 "}\n"
			 "int g(const char *p) {\n"                 // 13
			 "\tif (write_all(p) == 2) return write_all(p);\n" // 14: not a check
			 "\treturn 0;\n"
			 "}\n");
	cr_assert_str_eq(lines_of(r, TT), "9");
}
