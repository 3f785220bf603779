// SPDX-License-Identifier: MIT
// Unit tests for the libclang front end and the C call rules: every
// testdata/c case against its expected.findings/expected.diags (with the
// flags its compile_commands.json gives, written out here because these
// tests do not run discovery), the exact fields of one finding, the
// same output for any number of workers, errors of C that does not
// compile, the context boundary, cancellation and hostile input.
#include <criterion/criterion.h>
#include <errno.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/clang.h"
#include "bulkhead/taint.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/rule.h"
#include "program.h"

#define CASES BH_SOURCE_ROOT "/testdata/c"

static bh_arena *arena;

static void setup(void) { arena = bh_arena_new(); }
static void teardown(void) { bh_arena_free(arena); }

TestSuite(clang, .init = setup, .fini = teardown);

// ------------------------------------------------------------------ helpers

// One file of a case and its flags; NULL-terminated arrays.
typedef struct {
	const char *path;         // relative to the context root
	const char *args[8];      // libclang flags, NULL-terminated
	bh_flags_source source;
} test_unit;

typedef struct {
	bh_findings findings;
	bh_diags diags;
	bh_status status;
	bh_units units;
} scan_result;

static const char *canonical(const char *path)
{
	char real[PATH_MAX];
	cr_assert_not_null(realpath(path, real), "realpath(%s): %s", path, strerror(errno));
	return bh_arena_strdup(arena, real);
}

static scan_result *scan(const char *root, const test_unit *tu, size_t n, int jobs,
			 const volatile int *cancel)
{
	scan_result *r = bh_arena_alloc(arena, sizeof(*r));
	const char *croot = canonical(root);
	for (size_t i = 0; i < n; i++) {
		bh_unit *u = bh_vec_grow_one(&r->units);
		u->path = tu[i].path;
		// As given: through symlinks and "..", which the scan resolves.
		u->abs_path = bh_arena_sprintf(arena, "%s/%s", root, tu[i].path);
		size_t k = 0;
		while (tu[i].args[k])
			k++;
		// Fallback units get -I for the root, like discovery gives them.
		bool fb = tu[i].source == BH_FLAGS_FALLBACK;
		const char **args = bh_arena_alloc(arena, (k + 1) * sizeof(*args));
		for (size_t j = 0; j < k; j++)
			args[j] = tu[i].args[j];
		if (fb)
			args[k++] = bh_arena_sprintf(arena, "-I%s", croot);
		u->args = args;
		u->nargs = k;
		u->flags_source = tu[i].source;
	}
	bh_findings_init(&r->findings, arena);
	bh_diags_init(&r->diags, arena);
	bh_clang_options opts = BH_CLANG_OPTIONS_INIT;
	opts.jobs = jobs;
	opts.cancel = cancel;
	// The C rules are the front end's and the taint analysis' over the
	// lowered program, as in the pipeline.
	bh_ir_program program;
	bh_ir_program_init(&program);
	opts.program = &program;
	r->status = bh_clang_scan(&r->units, croot, &opts, &r->findings, &r->diags);
	if (r->status == BH_OK) {
		bh_taint_models models;
		bh_taint_models_init(&models);
		bh_taint_models_add_builtin(&models, arena, &r->diags);
		r->status = bh_taint_run(&program, &models, NULL, &r->findings, &r->diags);
		bh_taint_models_dispose(&models);
	}
	bh_ir_program_dispose(&program);
	return r;
}

static void dispose(scan_result *r)
{
	bh_findings_dispose(&r->findings);
	bh_diags_dispose(&r->diags);
	bh_vec_dispose(&r->units);
}

// The golden format: `<rule>  <path>:<line>:<col>  <level>  <message>`.
static char *format_findings(const bh_findings *f)
{
	char *out = bh_arena_strdup(arena, "");
	for (size_t i = 0; i < f->items.len; i++) {
		const bh_finding *x = &f->items.items[i];
		out = bh_arena_sprintf(arena, "%s%s  %s:%u:%u  %s  %s\n", out, x->rule->id,
				       x->loc.path, x->loc.line, x->loc.col,
				       bh_level_name(x->level), x->message);
	}
	return out;
}

static char *format_diags(const bh_diags *d)
{
	char *out = bh_arena_strdup(arena, "");
	for (size_t i = 0; i < d->items.len; i++) {
		const bh_diag *x = &d->items.items[i];
		out = bh_arena_sprintf(arena, "%s%s  %s:%u:%u  %s  %s\n", out, x->code,
				       x->loc.path ? x->loc.path : "", x->loc.line, x->loc.col,
				       bh_level_name(x->level), x->message);
	}
	return out;
}

// An expected file without comments and blank lines; "" if it is missing.
// With `only`, just the lines that start with it: expected.diags also
// lists discovery's diagnostics, which these tests do not produce.
static char *read_expected(const char *path, const char *only)
{
	FILE *f = fopen(path, "r");
	char *out = bh_arena_strdup(arena, "");
	if (!f)
		return out;
	char line[1024];
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (only && strncmp(line, only, strlen(only)) != 0)
			continue;
		out = bh_arena_sprintf(arena, "%s%s", out, line);
	}
	fclose(f);
	return out;
}

static const bh_finding *find_at(const bh_findings *f, const char *path, uint32_t line)
{
	for (size_t i = 0; i < f->items.len; i++) {
		const bh_finding *x = &f->items.items[i];
		if (strcmp(x->loc.path, path) == 0 && x->loc.line == line)
			return x;
	}
	return NULL;
}

// A scratch context directory under /tmp, removed by remove_tree().
static char *make_context(void)
{
	char templ[] = "/tmp/bh_clang_test.XXXXXX";
	cr_assert_not_null(mkdtemp(templ));
	return bh_arena_strdup(arena, templ);
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char *path = bh_arena_sprintf(arena, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void remove_files(const char *dir, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		unlink(bh_arena_sprintf(arena, "%s/%s", dir, names[i]));
	rmdir(dir);
}

// ---------------------------------------------------------- the fixtures

#define FORTIFY "-O2", "-D_FORTIFY_SOURCE=2"

typedef struct {
	const char *name;
	test_unit units[4];
	size_t nunits;
} fixture;

// Flags as discovery derives them from each case's compile_commands.json;
// files without an entry get fallback flags.
static const fixture fixtures[] = {
	{ "gets", { { "legacy.c", { "-std=gnu99", FORTIFY, NULL }, BH_FLAGS_COMPDB },
		    { "main.c", { NULL }, BH_FLAGS_FALLBACK } }, 2 },
	{ "gets-negative", { { "config.c", { NULL }, BH_FLAGS_FALLBACK },
			     { "main.c", { NULL }, BH_FLAGS_FALLBACK } }, 2 },
	{ "insecure-temp-file", { { "spool.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "insecure-temp-file-negative", { { "names.c", { NULL }, BH_FLAGS_FALLBACK },
					   { "spool.c", { NULL }, BH_FLAGS_FALLBACK } }, 2 },
	{ "unbounded-copy", { { "session.c", { FORTIFY, NULL }, BH_FLAGS_COMPDB } }, 1 },
	{ "unbounded-copy-negative", { { "session.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "literal-overflow", { { "banner.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "literal-overflow-negative", { { "banner.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "format-string", { { "log.c", { FORTIFY, NULL }, BH_FLAGS_COMPDB } }, 1 },
	{ "format-string-negative", { { "log.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "command-injection", { { "backup.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "command-injection-negative", { { "backup.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "shared-header", { { "client.c", { NULL }, BH_FLAGS_FALLBACK },
			     { "server.c", { NULL }, BH_FLAGS_FALLBACK } }, 2 },
	{ "missing-header", { { "main.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
	{ "outside-context", { { "app/main.c", { NULL }, BH_FLAGS_FALLBACK } }, 1 },
};

Test(clang, every_case_matches_its_expected_files)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(fixtures); i++) {
		const fixture *fx = &fixtures[i];
		const char *dir = bh_arena_sprintf(arena, "%s/%s", CASES, fx->name);
		scan_result *r = scan(dir, fx->units, fx->nunits, 1, NULL);
		cr_assert_eq(r->status, BH_OK, "%s: status %d", fx->name, r->status);
		bh_findings_sort_unique(&r->findings);
		bh_diags_sort(&r->diags);
		// The front end's own findings; a case whose whole-program result
		// differs (the bounds checker supersedes c.literal-overflow) keeps
		// them in expected.frontend.
		const char *front = bh_arena_sprintf(arena, "%s/expected.frontend", dir);
		char *want = read_expected(access(front, R_OK) == 0
						   ? front
						   : bh_arena_sprintf(arena, "%s/expected.findings", dir),
					   NULL);
		char *want_diags = read_expected(bh_arena_sprintf(arena, "%s/expected.diags", dir),
					       "clang.");
		cr_expect_str_eq(format_findings(&r->findings), want, "case %s", fx->name);
		cr_expect_str_eq(format_diags(&r->diags), want_diags, "case %s (diags)", fx->name);
		dispose(r);
	}
}

Test(clang, fortify_source_does_not_change_findings)
{
	// With _FORTIFY_SOURCE glibc turns sprintf into __builtin___sprintf_chk
	// and printf into __printf_chk; the rules map them back.
	static const char *const cases[][2] = {
		{ "unbounded-copy", "session.c" },
		{ "format-string", "log.c" },
		{ "literal-overflow", "banner.c" },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(cases); i++) {
		const char *dir = bh_arena_sprintf(arena, "%s/%s", CASES, cases[i][0]);
		test_unit plain = { cases[i][1], { NULL }, BH_FLAGS_COMPDB };
		test_unit fortified = { cases[i][1], { FORTIFY, NULL }, BH_FLAGS_COMPDB };
		scan_result *a = scan(dir, &plain, 1, 1, NULL);
		scan_result *b = scan(dir, &fortified, 1, 1, NULL);
		cr_assert_gt(a->findings.items.len, 0);
		cr_expect_str_eq(format_findings(&a->findings), format_findings(&b->findings),
				 "case %s", cases[i][0]);
		dispose(a);
		dispose(b);
	}
}

// ------------------------------------------------------------- one finding

Test(clang, gets_finding_has_rule_location_message_function_and_snippet)
{
	test_unit u = { "main.c", { NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(CASES "/gets", &u, 1, 1, NULL);
	cr_assert_eq(r->findings.items.len, 1);
	const bh_finding *f = &r->findings.items.items[0];
	cr_assert_eq(f->rule, bh_rule_get(BH_RULE_C_GETS));
	cr_assert_eq(f->level, BH_LEVEL_ERROR);
	cr_assert_str_eq(f->loc.path, "main.c");
	cr_assert_eq(f->loc.line, 9);
	cr_assert_eq(f->loc.col, 2);
	cr_assert_eq(f->loc.end_line, 9);
	cr_assert_eq(f->loc.end_col, 12); // exclusive: "gets(name)" is 10 bytes
	cr_assert_str_eq(f->message, "gets cannot limit how much it writes into 'name'");
	cr_assert_str_eq(f->function, "main");
	cr_assert_str_eq(f->snippet, "gets(name)");
	cr_assert_null(f->note);
	dispose(r);
}

Test(clang, user_function_named_gets_is_not_reported)
{
	test_unit u = { "config.c", { NULL }, BH_FLAGS_FALLBACK };
	scan_result *r = scan(CASES "/gets-negative", &u, 1, 1, NULL);
	cr_assert_eq(r->status, BH_OK);
	cr_assert_eq(r->findings.items.len, 0);
	cr_assert_eq(r->diags.items.len, 0);
	dispose(r);
}

Test(clang, fallback_units_carry_a_note)
{
	test_unit units[] = {
		{ "legacy.c", { "-std=gnu99", NULL }, BH_FLAGS_COMPDB },
		{ "main.c", { NULL }, BH_FLAGS_FALLBACK },
	};
	scan_result *r = scan(CASES "/gets", units, 2, 1, NULL);
	const bh_finding *compdb = find_at(&r->findings, "legacy.c", 11);
	const bh_finding *guessed = find_at(&r->findings, "main.c", 9);
	cr_assert_not_null(compdb);
	cr_assert_not_null(guessed);
	cr_assert_null(compdb->note);
	cr_assert_not_null(guessed->note);
	cr_assert_not_null(strstr(guessed->note, "without compile_commands.json"));
	dispose(r);
}

Test(clang, snippets_come_from_the_macro_use)
{
	// sprintf is a macro under _FORTIFY_SOURCE: the snippet is what the
	// user wrote, not glibc's expansion.
	test_unit u = { "session.c", { FORTIFY, NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(CASES "/unbounded-copy", &u, 1, 1, NULL);
	const bh_finding *f = find_at(&r->findings, "session.c", 23);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->snippet, "sprintf(tmp.home, \"/home/%s\", user)");
	cr_assert_str_eq(f->function, "set_home");
	dispose(r);
}

Test(clang, sprintf_output_lengths_are_measured_per_conversion)
{
	char *dir = make_context();
	static const char src[] =
		"#include <stdio.h>\n"                                        // 1
		"void f(const char *u, int n, double d, char big[64])\n"      // 2
		"{\n"                                                         // 3
		"\tchar b4[4], b8[8], b16[16], a64[64];\n"                    // 4
		"\tsprintf(b16, \"%d\", n);\n"                                // 5: 12 fits
		"\tsprintf(b8, \"%d\", n);\n"                                 // 6: up to 12
		"\tsprintf(b4, \"%s\", \"hello\");\n"                         // 7: 6
		"\tsprintf(b4, \"hello %d\", n);\n"                           // 8: at least 8
		"\tsprintf(b16, \"%10.5s|\", u);\n"                           // 9: 12 fits
		"\tsprintf(b16, \"%f\", d);\n"                                // 10: 318
		"\tsprintf(b16, \"%*d\", n, n);\n"                            // 11: unknown width
		"\tsprintf(b16, \"%*d\", 3, n);\n"                            // 12: fits
		"\tsprintf(b16, \"%m\");\n"                                   // 13: unknown
		"\tsprintf(b8, \"%s\", a64);\n"                               // 14: up to 64
		"\tsprintf(b16, \"%lu\", (unsigned long)n);\n"                // 15: 21
		"\tsprintf(b8, \"%2$s%1$s%2$s\", \"abc\", \"defg\");\n"       // 16: exactly 12
		"\tsprintf(b8, \"%#x\", 255);\n"                              // 17: "0xff"
		"\tsprintf(b8, \"%+.8d\", -5);\n"                             // 18: 10
		"\tsprintf(b8, n ? \"%s\" : \"x\", \"123456789\");\n"         // 19: up to 10
		"\tsprintf(b8, \"%s\", big);\n"                               // 20: pointer arg
		"\tsprintf(b16, \"%e\", d);\n"                                // 21: 16 fits
		"}\n";
	write_file(dir, "fmt.c", src, sizeof src - 1);
	test_unit u = { "fmt.c", { NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(dir, &u, 1, 1, NULL);
	bh_findings_sort_unique(&r->findings);
	cr_assert_str_eq(format_findings(&r->findings),
		"c.unbounded-copy  fmt.c:6:2  warning  "
		"sprintf into 'b8' (8 bytes) can write up to 12 bytes\n"
		"c.literal-overflow  fmt.c:7:2  error  "
		"sprintf writes 6 bytes into 'b4', which holds 4\n"
		"c.literal-overflow  fmt.c:8:2  error  "
		"sprintf writes at least 8 bytes into 'b4', which holds 4\n"
		"c.unbounded-copy  fmt.c:10:2  warning  "
		"sprintf into 'b16' (16 bytes) can write up to 318 bytes\n"
		"c.unbounded-copy  fmt.c:11:2  warning  "
		"sprintf into 'b16' (16 bytes) with a '*' width of unknown value can overflow it\n"
		"c.unbounded-copy  fmt.c:13:2  warning  "
		"sprintf into 'b16' (16 bytes) with a conversion of unknown length "
		"can overflow it\n"
		"c.unbounded-copy  fmt.c:14:2  warning  "
		"sprintf into 'b8' (8 bytes) can write up to 64 bytes\n"
		"c.unbounded-copy  fmt.c:15:2  warning  "
		"sprintf into 'b16' (16 bytes) can write up to 21 bytes\n"
		"c.literal-overflow  fmt.c:16:2  error  "
		"sprintf writes 12 bytes into 'b8', which holds 8\n"
		"c.literal-overflow  fmt.c:18:2  error  "
		"sprintf writes 10 bytes into 'b8', which holds 8\n"
		"c.unbounded-copy  fmt.c:19:2  warning  "
		"sprintf into 'b8' (8 bytes) can write up to 10 bytes\n"
		"c.unbounded-copy  fmt.c:20:2  warning  "
		"sprintf into 'b8' (8 bytes) with an unbounded %s of 'big' can overflow it\n");
	dispose(r);
	static const char *const names[] = { "fmt.c" };
	remove_files(dir, names, 1);
}

// ------------------------------------------------------------ sizeof

// The program of the c.sizeof-pointer tests: every place the rule looks
// at, and what it must leave alone.
static const char sizeof_src[] =
	"#include <stdio.h>\n"                                              // 1
	"#include <stdlib.h>\n"                                             // 2
	"#include <string.h>\n"                                             // 3
	"#include <unistd.h>\n"                                             // 4
	"struct conn { int fd; char name[40]; char *buf; };\n"             // 5
	"typedef struct conn *conn_p;\n"                                    // 6
	"void f(char arr_param[64], struct conn *c, const char *src, int fd)\n" // 7
	"{\n"                                                               // 8
	"\tchar local[32];\n"                                               // 9
	"\tchar *p = local;\n"                                              // 10
	"\tchar **v = malloc(sizeof(v));\n"                                 // 11: pointee is a pointer
	"\tstruct conn *n = malloc(sizeof(n));\n"                           // 12: reported
	"\tconn_p m = calloc(4, sizeof m);\n"                               // 13: reported (typedef)
	"\tn = realloc(n, 2 * sizeof(n));\n"                                // 14: reported
	"\tmemset(p, 0, sizeof(p));\n"                                      // 15: reported
	"\tmemset(local, 0, sizeof(local));\n"                              // 16: an array
	"\tmemset(p, 0, sizeof(*p));\n"                                     // 17: the pointee
	"\tmemset(p, 0, sizeof(char *));\n"                                 // 18: a type
	"\tmemset(arr_param, 0, sizeof arr_param);\n"                       // 19: reported
	"\tstrncpy(c->buf, src, sizeof(c->buf) - 1);\n"                     // 20: reported
	"\tmemcpy(c->name, src, sizeof(c->name));\n"                        // 21: an array field
	"\tmemcpy(p, src, sizeof(src));\n"                                  // 22: reported (src)
	"\tmemcpy(p, src, sizeof(c));\n"                                    // 23: another pointer
	"\tread(fd, p, _Alignof(char *));\n"                                // 24: not sizeof
	"\tsnprintf(c->buf, sizeof(c->buf), \"%d\", fd);\n"                 // 25: reported
	"\tfree(v); free(n); free(m);\n"                                    // 26
	"}\n";

Test(clang, sizeof_of_a_pointer_is_reported_where_the_pointee_size_was_meant)
{
	char *dir = make_context();
	write_file(dir, "sz.c", sizeof_src, sizeof sizeof_src - 1);
	test_unit u = { "sz.c", { NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(dir, &u, 1, 1, NULL);
	bh_findings_sort_unique(&r->findings);
	cr_assert_str_eq(bh_test_rule_lines(arena, &r->findings, "c.sizeof-pointer"),
			 "12 13 14 15 19 20 22 25");
	const bh_finding *f = find_at(&r->findings, "sz.c", 12);
	cr_assert_str_eq(f->message, "malloc() gets sizeof(n), the size of the pointer (8 bytes), not "
				     "of the 'struct conn' it points to (56 bytes)");
	cr_assert_eq(f->loc.col, 26); // at the sizeof
	cr_assert_str_eq(f->snippet, "sizeof(n)");
	cr_assert_str_eq(find_at(&r->findings, "sz.c", 15)->message,
			 "memset() gets sizeof(p), the size of the pointer (8 bytes), not of the "
			 "buffer it points to");
	cr_assert_str_eq(find_at(&r->findings, "sz.c", 19)->message,
			 "memset() gets sizeof(arr_param), the size of a pointer (8 bytes): parameter "
			 "'arr_param' is declared as an array of 64 bytes, but C passes it as a "
			 "pointer");
	dispose(r);
	static const char *const names[] = { "sz.c" };
	remove_files(dir, names, 1);
}

Test(clang, sizeof_pointer_findings_do_not_depend_on_fortify_source)
{
	// Under _FORTIFY_SOURCE, memcpy and friends are glibc inline wrappers
	// (and snprintf a macro): the rule still sees the user's call.
	char *dir = make_context();
	write_file(dir, "sz.c", sizeof_src, sizeof sizeof_src - 1);
	test_unit plain = { "sz.c", { NULL }, BH_FLAGS_COMPDB };
	test_unit fortified = { "sz.c", { FORTIFY, NULL }, BH_FLAGS_COMPDB };
	scan_result *a = scan(dir, &plain, 1, 1, NULL);
	scan_result *b = scan(dir, &fortified, 1, 1, NULL);
	bh_findings_sort_unique(&a->findings);
	bh_findings_sort_unique(&b->findings);
	cr_assert_str_eq(bh_test_rule_lines(arena, &b->findings, "c.sizeof-pointer"),
			 bh_test_rule_lines(arena, &a->findings, "c.sizeof-pointer"));
	dispose(a);
	dispose(b);
	static const char *const names[] = { "sz.c" };
	remove_files(dir, names, 1);
}

Test(clang, a_program_function_named_like_memset_is_not_the_library)
{
	char *dir = make_context();
	static const char src[] = "void *memset(void *p, int c, unsigned long words);\n"
				  "void f(long *p) { memset(p, 0, sizeof(p)); }\n";
	write_file(dir, "own.c", src, sizeof src - 1);
	test_unit u = { "own.c", { "-fno-builtin", NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(dir, &u, 1, 1, NULL);
	cr_assert_str_eq(bh_test_rule_lines(arena, &r->findings, "c.sizeof-pointer"), "");
	dispose(r);
	static const char *const names[] = { "own.c" };
	remove_files(dir, names, 1);
}

// ------------------------------------------------------- errors and limits

Test(clang, missing_header_is_an_error_diagnostic_and_findings_remain)
{
	test_unit u = { "main.c", { NULL }, BH_FLAGS_FALLBACK };
	scan_result *r = scan(CASES "/missing-header", &u, 1, 1, NULL);
	cr_assert_eq(r->status, BH_OK);
	cr_assert_eq(r->diags.items.len, 1);
	const bh_diag *d = &r->diags.items.items[0];
	cr_assert_eq(d->level, BH_LEVEL_ERROR);
	cr_assert_str_eq(d->code, "clang.error");
	cr_assert_str_eq(d->loc.path, "main.c");
	cr_assert_eq(d->loc.line, 3);
	cr_assert_eq(d->loc.col, 10);
	cr_assert_str_eq(d->message, "'config.h' file not found");
	cr_assert_eq(r->findings.items.len, 1);
	cr_assert_eq(r->findings.items.items[0].rule, bh_rule_get(BH_RULE_C_UNBOUNDED_COPY));
	dispose(r);
}

Test(clang, clang_errors_are_capped_per_unit_with_a_note)
{
	char *dir = make_context();
	static const char src[] = "int f(void)\n{\n"
				  "\treturn a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8;\n}\n";
	write_file(dir, "errs.c", src, sizeof src - 1);
	test_unit u = { "errs.c", { NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(dir, &u, 1, 1, NULL);
	cr_assert_eq(r->diags.items.len, 6);
	for (size_t i = 0; i < 5; i++) {
		cr_assert_str_eq(r->diags.items.items[i].code, "clang.error");
		cr_assert_eq(r->diags.items.items[i].loc.line, 3);
	}
	cr_assert_str_eq(r->diags.items.items[0].message, "use of undeclared identifier 'a1'");
	const bh_diag *note = &r->diags.items.items[5];
	cr_assert_str_eq(note->code, "clang.too-many-errors");
	cr_assert_eq(note->level, BH_LEVEL_NOTE);
	cr_assert_str_eq(note->loc.path, "errs.c");
	cr_assert_str_eq(note->message,
			 "3 more clang errors in this translation unit not shown");
	dispose(r);
	static const char *const names[] = { "errs.c" };
	remove_files(dir, names, 1);
}

// Nesting deeper than clang's recursion has stack for (`clang-19
// -fsyntax-only` dies of it): the parse is abandoned with a diagnostic,
// the other unit is analysed, and libclang parses again after it.
Test(clang, a_parse_that_overflows_the_stack_is_abandoned_not_fatal)
{
	char *dir = make_context();
	size_t n = 200000;
	char *deep = bh_arena_alloc(arena, 2 * n + 64);
	size_t len = (size_t)sprintf(deep, "int chain(void) { return 1");
	for (size_t i = 1; i < n; i++) {
		deep[len++] = '+';
		deep[len++] = '1';
	}
	len += (size_t)sprintf(deep + len, "; }\n");
	write_file(dir, "deep.c", deep, len);
	static const char ok[] = "#include <stdio.h>\nvoid g(char *b) { gets(b); }\n";
	write_file(dir, "ok.c", ok, sizeof ok - 1);
	test_unit u[] = { { "deep.c", { NULL }, BH_FLAGS_COMPDB }, { "ok.c", { NULL }, BH_FLAGS_COMPDB } };
	for (int jobs = 1; jobs <= 2; jobs++) {
		scan_result *r = scan(dir, u, 2, jobs, NULL);
		cr_assert_eq(r->status, BH_OK);
		const bh_diag *failed = NULL;
		for (size_t i = 0; i < r->diags.items.len; i++)
			if (strcmp(r->diags.items.items[i].code, "clang.parse-failed") == 0)
				failed = &r->diags.items.items[i];
		cr_assert_not_null(failed, "jobs %d", jobs);
		cr_assert_eq(failed->level, BH_LEVEL_ERROR);
		cr_assert_str_eq(failed->loc.path, "deep.c");
		cr_assert_not_null(strstr(failed->message, "crashed"), "%s", failed->message);
		cr_assert_not_null(find_at(&r->findings, "ok.c", 2), "jobs %d: ok.c still analysed", jobs);
		dispose(r);
	}
	static const char *const names[] = { "deep.c", "ok.c" };
	remove_files(dir, names, 2);
}

Test(clang, a_projects_werror_does_not_make_its_warnings_errors)
{
	// Built with -Wall -Werror, the unused variable would be an error
	// that marks the function as cut: only real errors count.
	char *dir = make_context();
	static const char src[] = "#include <string.h>\n"
				  "void f(const char *s)\n{\n\tint unused;\n\tchar b[4];\n"
				  "\tstrcpy(b, s);\n}\n";
	write_file(dir, "w.c", src, sizeof src - 1);
	test_unit u = { "w.c", { "-Wall", "-Werror", NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(dir, &u, 1, 1, NULL);
	cr_assert_eq(r->diags.items.len, 0, "first: %s",
		     r->diags.items.len ? r->diags.items.items[0].message : "");
	cr_assert_eq(r->findings.items.len, 1);
	cr_assert_eq(r->findings.items.items[0].rule, bh_rule_get(BH_RULE_C_UNBOUNDED_COPY));
	dispose(r);
	static const char *const names[] = { "w.c" };
	remove_files(dir, names, 1);
}

Test(clang, unit_libclang_cannot_parse_is_a_parse_failed_diagnostic)
{
	test_unit units[] = {
		{ "does-not-exist.c", { NULL }, BH_FLAGS_COMPDB },
		{ "main.c", { NULL }, BH_FLAGS_FALLBACK },
	};
	scan_result *r = scan(CASES "/gets", units, 2, 1, NULL);
	cr_assert_eq(r->status, BH_OK);
	cr_assert_eq(r->diags.items.len, 1);
	cr_assert_str_eq(r->diags.items.items[0].code, "clang.parse-failed");
	cr_assert_eq(r->diags.items.items[0].level, BH_LEVEL_ERROR);
	cr_assert_str_eq(r->diags.items.items[0].loc.path, "does-not-exist.c");
	// The other unit is still analysed.
	cr_assert_eq(r->findings.items.len, 1);
	dispose(r);
}

Test(clang, hostile_sources_do_not_crash)
{
	char *dir = make_context();
	static const char nul[] = "int main(void) { char b[4]; \0 strcpy(b, \"xxxxxxx\"); }\n"
				  "\xff\xfe";
	write_file(dir, "nul.c", nul, sizeof nul - 1);
	write_file(dir, "empty.c", "", 0);
	static const char crlf[] = "\xef\xbb\xbf#include <stdio.h>\r\nint main(int c, char **s)\r\n{\r\n"
				   "\treturn printf(s[c]);\r\n}\r\n";
	write_file(dir, "crlf.c", crlf, sizeof crlf - 1);
	static const char trunc[] = "void f(char *s) { printf(s";
	write_file(dir, "trunc.c", trunc, sizeof trunc - 1);
	// 5000 nested parentheses: clang stops at its bracket limit.
	size_t depth = 5000;
	char *deep = bh_arena_alloc(arena, 2 * depth + 64);
	size_t n = (size_t)sprintf(deep, "int f(int x) { return ");
	memset(deep + n, '(', depth);
	n += depth;
	deep[n++] = 'x';
	memset(deep + n, ')', depth);
	n += depth;
	n += (size_t)sprintf(deep + n, "; }\n");
	write_file(dir, "deep.c", deep, n);
	// Escapes that are not valid C and a literal with every escape kind.
	static const char esc[] = "#include <string.h>\nvoid f(void) { char b[4];\n"
				  "strcpy(b, \"\\q\\x\\u12\\777\\e\\a\\0\");\n"
				  "strcpy(b, u8\"\\u00e9\\U0001F600\"); }\n";
	write_file(dir, "esc.c", esc, sizeof esc - 1);

	static const char *const names[] = { "nul.c", "empty.c", "crlf.c", "trunc.c",
					     "deep.c", "esc.c" };
	test_unit units[BH_ARRAY_LEN(names)];
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		units[i] = (test_unit){ names[i], { NULL }, BH_FLAGS_COMPDB };
	scan_result *r = scan(dir, units, BH_ARRAY_LEN(names), 2, NULL);
	cr_assert_eq(r->status, BH_OK);
	// The strcpy after the NUL byte is still seen; so is the CRLF printf.
	const bh_finding *a = find_at(&r->findings, "nul.c", 1);
	cr_assert_not_null(a);
	cr_assert_eq(a->rule, bh_rule_get(BH_RULE_C_LITERAL_OVERFLOW));
	const bh_finding *b = find_at(&r->findings, "crlf.c", 4);
	cr_assert_not_null(b);
	cr_assert_str_eq(b->snippet, "printf(s[...])");
	// "\u00e9\U0001F600" is 2 + 4 UTF-8 bytes: 7 with the NUL.
	const bh_finding *c = find_at(&r->findings, "esc.c", 4);
	cr_assert_not_null(c);
	cr_assert_str_eq(c->message, "strcpy writes 7 bytes into 'b', which holds 4");
	cr_assert(bh_diags_has_error(&r->diags));
	dispose(r);
	remove_files(dir, names, BH_ARRAY_LEN(names));
}

// ------------------------------------------------------- context boundary

Test(clang, findings_outside_the_context_are_not_reported)
{
	// app/main.c includes ../vendor/lib.h: with app/ as the context, the
	// header's strcpy is outside it.
	test_unit u = { "main.c", { NULL }, BH_FLAGS_FALLBACK };
	scan_result *r = scan(CASES "/outside-context/app", &u, 1, 1, NULL);
	cr_assert_eq(r->findings.items.len, 1);
	cr_assert_str_eq(r->findings.items.items[0].loc.path, "main.c");
	cr_assert_eq(r->findings.items.items[0].rule, bh_rule_get(BH_RULE_C_FORMAT_STRING));
	dispose(r);
}

Test(clang, context_paths_resolve_symlinks_and_dotdot)
{
	// Units are named through a symlink and "..": root/.. is the parent
	// of the link's target, testdata/c. libclang sees these names; the
	// reported paths are still relative to the canonical root.
	char *dir = make_context();
	char *link = bh_arena_sprintf(arena, "%s/root", dir);
	cr_assert_eq(symlink(CASES "/shared-header", link), 0);
	test_unit u = { "server.c", { NULL }, BH_FLAGS_FALLBACK };
	const char *root = bh_arena_sprintf(arena, "%s/../shared-header/", link);
	scan_result *r = scan(root, &u, 1, 1, NULL);
	bh_findings_sort_unique(&r->findings);
	cr_assert_str_eq(format_findings(&r->findings),
			 "c.unbounded-copy  strutil.h:13:2  warning  "
			 "strcpy into 'n->text' (24 bytes) from a non-literal source "
			 "can overflow it\n");
	dispose(r);
	unlink(link);
	rmdir(dir);
}

Test(clang, header_in_two_units_is_reported_once)
{
	test_unit units[] = {
		{ "client.c", { NULL }, BH_FLAGS_FALLBACK },
		{ "server.c", { NULL }, BH_FLAGS_FALLBACK },
	};
	// No bh_findings_sort_unique here: the scan itself must not repeat it.
	scan_result *r = scan(CASES "/shared-header", units, 2, 2, NULL);
	size_t in_header = 0;
	for (size_t i = 0; i < r->findings.items.len; i++)
		in_header += strcmp(r->findings.items.items[i].loc.path, "strutil.h") == 0;
	cr_assert_eq(in_header, 1);
	dispose(r);
}

// -------------------------------------------------------- workers, cancel

// Every case's units under one root: enough work for several workers.
static size_t all_units(test_unit *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < BH_ARRAY_LEN(fixtures); i++) {
		for (size_t k = 0; k < fixtures[i].nunits && n < max; k++) {
			out[n] = fixtures[i].units[k];
			out[n].path = bh_arena_sprintf(arena, "%s/%s", fixtures[i].name,
						       fixtures[i].units[k].path);
			n++;
		}
	}
	return n;
}

Test(clang, output_is_identical_for_any_number_of_jobs)
{
	test_unit units[32];
	size_t n = all_units(units, BH_ARRAY_LEN(units));
	scan_result *one = scan(CASES, units, n, 1, NULL);
	char *want = format_findings(&one->findings);
	char *want_diags = format_diags(&one->diags);
	cr_assert_gt(one->findings.items.len, 12);
	const int jobs[] = { 2, 3, 8, 0 };
	for (size_t j = 0; j < BH_ARRAY_LEN(jobs); j++) {
		// Unsorted on purpose: the merge order itself must not vary.
		scan_result *r = scan(CASES, units, n, jobs[j], NULL);
		cr_expect_str_eq(format_findings(&r->findings), want, "jobs=%d", jobs[j]);
		cr_expect_str_eq(format_diags(&r->diags), want_diags, "jobs=%d", jobs[j]);
		for (size_t i = 0; i < r->findings.items.len; i++)
			cr_expect_str_eq(r->findings.items.items[i].snippet,
					 one->findings.items.items[i].snippet);
		dispose(r);
	}
	dispose(one);
}

Test(clang, cancel_before_start_returns_canceled_without_output)
{
	test_unit units[32];
	size_t n = all_units(units, BH_ARRAY_LEN(units));
	volatile int cancel = 1;
	scan_result *r = scan(CASES, units, n, 2, &cancel);
	cr_assert_eq(r->status, BH_ECANCELED);
	cr_assert_eq(r->findings.items.len, 0);
	dispose(r);
}

// Cancel from another thread while the scan runs: it stops between units
// and returns BH_ECANCELED with at most the units already finished.
static volatile int async_cancel;

static void *cancel_soon(void *unused)
{
	(void)unused;
	usleep(20 * 1000);
	async_cancel = 1;
	return NULL;
}

Test(clang, cancel_during_a_scan_stops_between_units)
{
	test_unit base[32];
	size_t n = all_units(base, BH_ARRAY_LEN(base));
	// Repeat the list so the scan outlasts the delay.
	test_unit units[256];
	size_t total = 0;
	for (size_t rep = 0; rep < 8; rep++)
		for (size_t i = 0; i < n && total < BH_ARRAY_LEN(units); i++)
			units[total++] = base[i];
	async_cancel = 0;
	pthread_t t;
	cr_assert_eq(pthread_create(&t, NULL, cancel_soon, NULL), 0);
	scan_result *r = scan(CASES, units, total, 1, &async_cancel);
	pthread_join(t, NULL);
	cr_assert_eq(r->status, BH_ECANCELED);
	dispose(r);
}

Test(clang, empty_unit_list_is_ok)
{
	scan_result *r = scan(CASES, NULL, 0, 0, NULL);
	cr_assert_eq(r->status, BH_OK);
	cr_assert_eq(r->findings.items.len, 0);
	dispose(r);
}

Test(clang, version_names_clang)
{
	const char *v = bh_clang_version();
	cr_assert_not_null(strstr(v, "clang version"), "%s", v);
	cr_assert_eq(v, bh_clang_version());
}
