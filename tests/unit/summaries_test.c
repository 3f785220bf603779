// SPDX-License-Identifier: MIT
// Unit tests of summaries as data (bh_summaries in summaries.h):
// a scan of part of a program that reads the summaries written by a scan
// of the rest reports what a scan of the whole reports; the file format
// round-trips byte for byte; summaries of code outside the build context
// are reported at the calls into it; and a corrupt file is diagnosed
// entry by entry, never trusted.
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/mem.h"
#include "bulkhead/taint.h"
#include "program.h"

static bh_arena *arena;
static BH_VEC(bh_findings *) findings; // every run's, freed by teardown
static BH_VEC(bh_diags *) diags;

static void setup(void)
{
	arena = bh_arena_new();
}

static void teardown(void)
{
	for (size_t i = 0; i < findings.len; i++)
		bh_findings_dispose(findings.items[i]);
	for (size_t i = 0; i < diags.len; i++)
		bh_diags_dispose(diags.items[i]);
	bh_vec_dispose(&findings);
	bh_vec_dispose(&diags);
	bh_arena_free(arena);
}

TestSuite(summaries, .init = setup, .fini = teardown);

static bh_diags *new_diags(void)
{
	bh_diags *d = bh_arena_alloc(arena, sizeof(*d));
	bh_diags_init(d, arena);
	bh_vec_push(&diags, d);
	return d;
}

typedef enum { TAINT, MEMORY } analysis;

// Compile `files` (name, text pairs) as one program and run the taint
// analysis or the memory checkers, reading `imported` and writing into
// `exported` (either NULL).
static bh_findings *run_analysis(analysis which, const char *const *files, const bh_summaries *imported,
				 bh_summaries *exported)
{
	bh_findings *f = bh_arena_alloc(arena, sizeof(*f));
	bh_findings_init(f, arena);
	bh_vec_push(&findings, f);
	bh_diags *d = new_diags();
	bh_ir_program prog;
	bh_ir_program_init(&prog);
	cr_assert(bh_test_compile_program(arena, files, &prog, f, d));
	if (which == TAINT) {
		bh_taint_models m;
		bh_taint_models_init(&m);
		bh_taint_models_add_builtin(&m, arena, d);
		bh_taint_options opts = BH_TAINT_OPTIONS_INIT;
		opts.imported = imported;
		opts.exported = exported;
		cr_assert_eq(bh_taint_run(&prog, &m, &opts, f, d), BH_OK);
		bh_taint_models_dispose(&m);
	} else {
		bh_mem_models m;
		bh_mem_models_init(&m);
		bh_mem_models_add_builtin(&m, arena, d);
		bh_mem_options opts = BH_MEM_OPTIONS_INIT;
		opts.imported = imported;
		opts.exported = exported;
		cr_assert_eq(bh_mem_run(&prog, &m, &opts, f, d), BH_OK);
		bh_mem_models_dispose(&m);
	}
	bh_ir_program_dispose(&prog);
	bh_findings_sort_unique(f);
	return f;
}

static bh_findings *run(const char *const *files, const bh_summaries *imported, bh_summaries *exported)
{
	return run_analysis(TAINT, files, imported, exported);
}

static bh_findings *run_mem(const char *const *files, const bh_summaries *imported, bh_summaries *exported)
{
	return run_analysis(MEMORY, files, imported, exported);
}

// Everything a report shows of the findings, one line each.
static char *describe(const bh_findings *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	cr_assert_not_null(out);
	for (size_t i = 0; i < f->items.len; i++) {
		const bh_finding *fd = &f->items.items[i];
		fprintf(out, "%s %s:%u:%u %s | %s |", fd->rule->id, fd->loc.path, fd->loc.line,
			fd->loc.col, fd->message, fd->snippet ? fd->snippet : "");
		for (size_t k = 0; k < fd->nflow; k++)
			fprintf(out, " %s:%u:%u %s;", fd->flow[k].loc.path, fd->flow[k].loc.line,
				fd->flow[k].loc.col, fd->flow[k].message);
		fputc('\n', out);
	}
	fclose(out);
	char *copy = bh_arena_strdup(arena, buf);
	free(buf);
	return copy;
}

static char *write_text(const bh_summaries *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	cr_assert_not_null(out);
	cr_assert_eq(bh_summaries_write(s, out), BH_OK);
	fclose(out);
	char *copy = bh_arena_strdup(arena, buf);
	free(buf);
	return copy;
}

static bh_summaries *read_text(const char *text, bh_diags *d, size_t *added)
{
	bh_summaries *s = bh_summaries_new();
	*added = bh_summaries_read(s, text, strlen(text), "sums.json", d);
	return s;
}

// A library: a sink behind a parameter, a sink behind a field of what a
// parameter points to, a source returned, a value passed through, a
// global it fills with input, and a constructor whose returned object has
// one field parsed from input and one that is not.
static const char lib_c[] =
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"#include <string.h>\n"
	"#include <unistd.h>\n"
	"struct opts { char *cmd; int n; };\n"
	"char g_name[64];\n"
	"int run_cmd(const char *cmd) {\n"
	"\treturn system(cmd);\n"
	"}\n"
	"int run_opts(struct opts *o) {\n"
	"\treturn system(o->cmd);\n"
	"}\n"
	"char *read_line(void) {\n"
	"\tstatic char buf[128];\n"
	"\tif (!fgets(buf, sizeof buf, stdin))\n"
	"\t\treturn NULL;\n"
	"\treturn buf;\n"
	"}\n"
	"char *pass(char *s) {\n"
	"\treturn s;\n"
	"}\n"
	"void load_name(void) {\n"
	"\tfgets(g_name, sizeof g_name, stdin);\n"
	"}\n"
	"struct req { char *body; size_t len; size_t count; };\n"
	"struct req *req_new(char *body, size_t len) {\n"
	"\tstruct req *r = malloc(sizeof *r);\n"
	"\tif (!r)\n"
	"\t\treturn NULL;\n"
	"\tr->body = body;\n"
	"\tr->len = len;\n"
	"\tr->count = strtoul(body, NULL, 10);\n"
	"\treturn r;\n"
	"}\n"
	"int req_load(char *buf, size_t n, struct req **out) {\n"
	"\tif (!fgets(buf, (int)n, stdin))\n"
	"\t\treturn -1;\n"
	"\t*out = req_new(buf, n);\n"
	"\treturn *out ? 0 : -1;\n"
	"}\n"
	"size_t key_len(const char *line) {\n"
	"\tconst char *colon = strchr(line, ':');\n"
	"\treturn colon ? (size_t)(colon - line) : 0;\n"
	"}\n";

static const char main_c[] =
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"struct opts { char *cmd; int n; };\n"
	"extern char g_name[64];\n"
	"int run_cmd(const char *cmd);\n"
	"int run_opts(struct opts *o);\n"
	"char *read_line(void);\n"
	"char *pass(char *s);\n"
	"void load_name(void);\n"
	"int main(int argc, char **argv) {\n"
	"\tif (argc < 2)\n"
	"\t\treturn 1;\n"
	"\trun_cmd(pass(argv[1]));\n"
	"\tchar *line = read_line();\n"
	"\tif (line)\n"
	"\t\tprintf(line);\n"
	"\tstruct opts o;\n"
	"\to.cmd = getenv(\"CMD\");\n"
	"\to.n = 0;\n"
	"\trun_opts(&o);\n"
	"\tload_name();\n"
	"\tsystem(g_name);\n"
	"\trun_cmd(\"ls\");\n"
	"\treturn 0;\n"
	"}\n"
	"struct req { char *body; size_t len; size_t count; };\n"
	"struct req *req_new(char *body, size_t len);\n"
	"int count_req(char *buf, size_t n) {\n"
	"\tif (!fgets(buf, (int)n, stdin))\n"
	"\t\treturn 0;\n"
	"\tstruct req *r = req_new(buf, n);\n"
	"\tif (!r)\n"
	"\t\treturn 0;\n"
	"\tint k = 0;\n"
	"\tfor (size_t i = 0; i < r->len; i++)\n"
	"\t\tk++;\n"
	"\tfor (size_t i = 0; i < r->count; i++)\n"
	"\t\tk++;\n"
	"\tfree(r);\n"
	"\treturn k;\n"
	"}\n"
	"int req_load(char *buf, size_t n, struct req **out);\n"
	"int count_loaded(char *buf, size_t n) {\n"
	"\tstruct req *r = NULL;\n"
	"\tif (req_load(buf, n, &r) != 0)\n"
	"\t\treturn 0;\n"
	"\tint k = 0;\n"
	"\tfor (size_t i = 0; i < r->len; i++)\n"
	"\t\tk++;\n"
	"\tfor (size_t i = 0; i < r->count; i++)\n"
	"\t\tk++;\n"
	"\tfree(r);\n"
	"\treturn k;\n"
	"}\n";

Test(summaries, a_scan_reading_the_summaries_of_the_rest_reports_what_a_whole_scan_does)
{
	static const char *const whole[] = { "lib.c", lib_c, "main.c", main_c, NULL };
	static const char *const lib[] = { "lib.c", lib_c, NULL };
	static const char *const app[] = { "main.c", main_c, NULL };
	char *expected = describe(run(whole, NULL, NULL));
	cr_assert(strstr(expected, "lib.c:8:"), "the whole scan finds the sink in run_cmd:\n%s", expected);
	cr_assert(strstr(expected, "main.c:16:"), "and the format string:\n%s", expected);
	cr_assert(strstr(expected, "main.c:22:"), "and the global:\n%s", expected);
	cr_assert(strstr(expected, "main.c:37:"), "and the count parsed by req_new:\n%s", expected);
	cr_assert_null(strstr(expected, "main.c:35:"), "but not its length:\n%s", expected);
	// The same object handed back through req_load's out parameter.
	cr_assert(strstr(expected, "main.c:50:"), "the count loaded:\n%s", expected);
	cr_assert_null(strstr(expected, "main.c:48:"), "but not its length:\n%s", expected);

	bh_summaries *sums = bh_summaries_new();
	run(lib, NULL, sums);
	cr_assert_eq(bh_summaries_count(sums), 8);
	// Through the file, as another process would get them.
	size_t added;
	bh_diags *d = new_diags();
	bh_summaries *read = read_text(write_text(sums), d, &added);
	cr_assert_eq(d->items.len, 0, "%s", d->items.len ? d->items.items[0].message : "");
	cr_assert_eq(added, 8);
	char *got = describe(run(app, read, NULL));
	cr_assert_str_eq(got, expected);
	// Without them, the library's calls are unknown functions.
	char *alone = describe(run(app, NULL, NULL));
	cr_assert_null(strstr(alone, "lib.c"), "%s", alone);
	bh_summaries_free(sums);
	bh_summaries_free(read);
}

Test(summaries, the_file_round_trips_byte_for_byte)
{
	static const char *const whole[] = { "lib.c", lib_c, "main.c", main_c, NULL };
	bh_summaries *sums = bh_summaries_new();
	run(whole, NULL, sums);
	char *first = write_text(sums);
	size_t added;
	bh_diags *d = new_diags();
	bh_summaries *again = read_text(first, d, &added);
	cr_assert_eq(added, bh_summaries_count(sums));
	cr_assert_str_eq(write_text(again), first);
	// req_new's fields of the object it returns, and req_load's of the
	// object it stores through its out parameter on every return.
	cr_assert(strstr(first, "{\"returned\":true,\"field\":\"len\""), "%s", first);
	cr_assert(strstr(first, "{\"param\":2,\"every_return\":true,\"field\":\"len\""), "%s", first);
	// key_len returns how far into its argument a colon is: sized.
	cr_assert(strstr(first, "\"ret\":{\"labels\":[1],\"no_upper\":[1],\"no_lower\":[1],\"sized\":[1]}"),
		  "%s", first);
	// Units are sorted by path, one function per line.
	cr_assert_lt(strstr(first, "\"unit\":\"lib.c\""), strstr(first, "\"unit\":\"main.c\""));
	cr_assert(strstr(first, "\n{\"usr\":\"c:@F@run_cmd\""), "%s", first);
	// Each step and each path node is written once, however many paths
	// share it.
	json_t *doc = json_loads(first, 0, NULL);
	cr_assert_not_null(doc);
	static const char *const tables[] = { "steps", "paths" };
	for (size_t k = 0; k < 2; k++) {
		json_t *a = json_object_get(doc, tables[k]);
		cr_assert_gt(json_array_size(a), 0, "%s", tables[k]);
		for (size_t i = 0; i < json_array_size(a); i++)
			for (size_t j = 0; j < i; j++)
				cr_assert_not(json_equal(json_array_get(a, i), json_array_get(a, j)),
					      "%s %zu and %zu are the same", tables[k], j, i);
	}
	json_decref(doc);
	bh_summaries_free(sums);
	bh_summaries_free(again);
}

static bool nothing_is_in_context(void *payload, const char *path, const char *hash)
{
	(void)payload;
	(void)path;
	(void)hash;
	return false;
}

static bool hash_of_name(void *payload, const char *path, char out[33])
{
	(void)payload;
	snprintf(out, 33, "%032zx", strlen(path));
	return strcmp(path, "unknown.c") != 0;
}

// Ours when the recorded hash is the one hash_of_name gives.
static bool same_hash(void *payload, const char *path, const char *hash)
{
	char now[33];
	(void)payload;
	return hash && hash_of_name(NULL, path, now) && strcmp(now, hash) == 0;
}

Test(summaries, units_carry_the_hash_of_their_file_and_another_file_is_external)
{
	static const char *const lib[] = { "lib.c", lib_c, NULL };
	static const char *const app[] = { "main.c", main_c, NULL };
	bh_summaries *sums = bh_summaries_new();
	run(lib, NULL, sums);
	bh_summaries_hash_units(sums, hash_of_name, NULL);
	char *text = write_text(sums);
	cr_assert(strstr(text, "{\"unit\":\"lib.c\",\"hash\":\"00000000000000000000000000000005\","),
		  "%s", text);
	// The same path with other content: not ours.
	size_t added;
	char *other = bh_arena_strdup(arena, text);
	memcpy(strstr(other, "\"hash\":\"") + 9, "f", 1);
	bh_summaries *read = read_text(other, new_diags(), &added);
	bh_summaries_mark_external(read, same_hash, NULL);
	const bh_finding *fd = bh_test_first_finding(run(app, read, NULL), "c.command-injection");
	cr_assert_str_eq(fd->loc.path, "main.c");
	bh_summaries_free(read);
	// The same content: ours, the sink stays where it is.
	read = read_text(text, new_diags(), &added);
	bh_summaries_mark_external(read, same_hash, NULL);
	fd = bh_test_first_finding(run(app, read, NULL), "c.command-injection");
	cr_assert_str_eq(fd->loc.path, "lib.c");
	bh_summaries_free(read);
	bh_summaries_free(sums);
}

Test(summaries, sinks_outside_the_context_are_reported_at_the_call_into_them)
{
	static const char *const lib[] = { "lib.c", lib_c, NULL };
	static const char *const app[] = { "main.c", main_c, NULL };
	bh_summaries *sums = bh_summaries_new();
	run(lib, NULL, sums);
	size_t added;
	bh_summaries *read = read_text(write_text(sums), new_diags(), &added);
	bh_summaries_mark_external(read, nothing_is_in_context, NULL);
	bh_findings *f = run(app, read, NULL);
	const char *lines = bh_test_rule_lines(arena, f, "c.command-injection");
	// run_cmd(pass(argv[1])), run_opts(&o) and system(g_name); not run_cmd("ls").
	cr_assert_str_eq(lines, "13 20 22");
	const bh_finding *fd = bh_test_first_finding(f, "c.command-injection");
	cr_assert_str_eq(fd->loc.path, "main.c");
	cr_assert(strstr(fd->message, "run_cmd()"), "%s", fd->message);
	cr_assert(strstr(fd->message, "system() at lib.c:8, outside the build context"), "%s", fd->message);
	// The path stays in the context: no step in lib.c.
	for (size_t i = 0; i < f->items.len; i++)
		for (size_t k = 0; k < f->items.items[i].nflow; k++)
			cr_assert_str_eq(f->items.items[i].flow[k].loc.path, "main.c");
	cr_assert_str_eq(bh_test_rule_lines(arena, f, "c.format-string"), "16");
	bh_summaries_free(sums);
	bh_summaries_free(read);
}

Test(summaries, a_body_in_the_scan_wins_over_a_summary)
{
	// The file says pass() runs its argument; the program's own pass()
	// does not.
	static const char text[] =
		"{\"format\":\"bulkhead-summaries\",\"version\":1,\"units\":[{\"unit\":\"x.c\",\"functions\":[\n"
		"{\"usr\":\"c:@F@pass\",\"name\":\"pass\",\"params\":1,\"taint\":{\"labels\":[{\"param\":0}],"
		"\"sinks\":[{\"rule\":\"c.command-injection\",\"bit\":1,\"param\":0,"
		"\"loc\":{\"path\":\"x.c\",\"line\":3},\"callee\":\"system\"}]}}]}]}";
	static const char *const own[] = {
		"main.c",
		"char *pass(char *s) { return s; }\n"
		"int main(int argc, char **argv) { (void)argc; pass(argv[1]); return 0; }\n",
		NULL,
	};
	static const char *const without[] = {
		"main.c",
		"char *pass(char *s);\n"
		"int main(int argc, char **argv) { (void)argc; pass(argv[1]); return 0; }\n",
		NULL,
	};
	size_t added;
	bh_summaries *read = read_text(text, new_diags(), &added);
	cr_assert_eq(added, 1);
	cr_assert_str_eq(bh_test_rule_lines(arena, run(own, read, NULL), "c.command-injection"), "");
	cr_assert_str_eq(bh_test_rule_lines(arena, run(without, read, NULL), "c.command-injection"), "3");
	bh_summaries_free(read);
}

Test(summaries, files_that_are_not_summaries_add_nothing)
{
	static const char *const bad[] = {
		"",
		"{not json",
		"[1, 2]",
		"{\"format\":\"bulkhead-baseline\",\"version\":1,\"units\":[]}",
		"{\"format\":\"bulkhead-summaries\",\"version\":99,\"units\":[]}",
		"{\"format\":\"bulkhead-summaries\",\"version\":1,\"units\":{}}",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		bh_diags *d = new_diags();
		size_t added;
		bh_summaries *s = read_text(bad[i], d, &added);
		cr_assert_eq(added, 0, "%s", bad[i]);
		cr_assert_eq(bh_summaries_count(s), 0);
		cr_assert_eq(d->items.len, 1, "%s", bad[i]);
		cr_assert_str_eq(d->items.items[0].code, "summaries.malformed");
		cr_assert_eq(d->items.items[0].level, BH_LEVEL_ERROR);
		bh_summaries_free(s);
	}
}

Test(summaries, a_bad_function_entry_is_diagnosed_and_the_others_kept)
{
#define HEAD "{\"usr\":\"c:@F@f%d\",\"name\":\"f\",\"params\":1,\"taint\":{\"labels\":[{\"param\":0}]"
	static const char *const entries[] = {
		HEAD "}}",                                                    // fine
		HEAD ",\"ret\":{\"labels\":[5]}}}",                          // label bit not held
		HEAD ",\"ret\":{\"labels\":[1],\"sized\":[7]}}}",           // nor here
		HEAD ",\"sinks\":[{\"rule\":\"c.nope\",\"bit\":1,\"param\":0,\"loc\":{\"path\":\"a.c\",\"line\":1}}]}}",
		HEAD ",\"sinks\":[{\"rule\":\"c.command-injection\",\"bit\":1,\"param\":3,\"loc\":{\"path\":\"a.c\",\"line\":1}}]}}",
		HEAD ",\"sinks\":[{\"rule\":\"c.command-injection\",\"bit\":1,\"param\":0}]}}", // no location
		HEAD ",\"writes\":[{\"param\":-1}]}}",
		// Stored on every return: said of a parameter's field only.
		HEAD ",\"writes\":[{\"param\":0,\"every_return\":true}]}}",
		HEAD ",\"writes\":[{\"returned\":true,\"every_return\":true,\"field\":\"n\"}]}}",
		HEAD ",\"writes\":[{\"param\":0,\"every_return\":1,\"field\":\"n\"}]}}",
		"{\"usr\":\"c:@F@f%d\",\"name\":\"f\",\"params\":1,\"taint\":{\"labels\":[{\"param\":1}]}}", // param out of range
		"{\"usr\":\"c:@F@f%d\",\"params\":1,\"taint\":{\"labels\":[]}}",          // no name
		"{\"usr\":\"c:@F@f%d\",\"name\":\"f\",\"params\":\"1\",\"taint\":{\"labels\":[]}}",
		HEAD ",\"ret_path\":[{\"path\":\"a.c\"}]}}",                  // a step without a line
		"{\"usr\":\"c:@F@f%d\",\"name\":\"f\",\"params\":1}",      // no taint member
		"7",
		HEAD "}}",                                                    // fine
	};
#undef HEAD
	char *text = bh_arena_strdup(arena, "{\"format\":\"bulkhead-summaries\",\"version\":1,"
					    "\"units\":[{\"unit\":\"a.c\",\"functions\":[");
	size_t n = sizeof(entries) / sizeof(entries[0]);
	for (size_t i = 0; i < n; i++)
		text = bh_arena_sprintf(arena, "%s%s%s", text, i ? "," : "",
					strstr(entries[i], "%d") ? bh_arena_sprintf(arena, entries[i], (int)i)
								  : entries[i]);
	text = bh_arena_sprintf(arena, "%s]}]}", text);
	bh_diags *d = new_diags();
	size_t added;
	bh_summaries *s = read_text(text, d, &added);
	cr_assert_eq(added, 2);
	cr_assert_eq(d->items.len, n - 2);
	for (size_t i = 0; i < d->items.len; i++)
		cr_assert_str_eq(d->items.items[i].code, "summaries.malformed");
	cr_assert(strstr(d->items.items[0].message, "function 2 of unit 'a.c' (c:@F@f1)"), "%s",
		  d->items.items[0].message);
	bh_summaries_free(s);
}

Test(summaries, the_first_summary_of_a_function_of_one_unit_wins)
{
	static const char text[] =
		"{\"format\":\"bulkhead-summaries\",\"version\":1,\"units\":["
		"{\"unit\":\"a.c\",\"functions\":[{\"usr\":\"c:@F@f\",\"name\":\"f\",\"params\":0,\"taint\":{\"labels\":[]}}]},"
		"{\"unit\":\"a.c\",\"functions\":[{\"usr\":\"c:@F@f\",\"name\":\"f\",\"params\":0,\"taint\":{\"labels\":[],"
		"\"ret\":{\"labels\":[0]}}}]}]}";
	size_t added;
	bh_diags *d = new_diags();
	bh_summaries *s = read_text(text, d, &added);
	cr_assert_eq(added, 1);
	cr_assert_eq(d->items.len, 0);
	char *out = write_text(s);
	cr_assert(strstr(out, "\"unit\":\"a.c\""), "%s", out);
	cr_assert_null(strstr(out, "\"ret\""), "%s", out);
	bh_summaries_free(s);
}

Test(summaries, two_programs_definitions_of_one_name_are_both_kept)
{
	static const char text[] =
		"{\"format\":\"bulkhead-summaries\",\"version\":1,\"units\":["
		"{\"unit\":\"agent/util.c\",\"functions\":[{\"usr\":\"c:@F@f\",\"name\":\"f\",\"params\":0,\"taint\":{\"labels\":[]}}]},"
		"{\"unit\":\"server/util.c\",\"functions\":[{\"usr\":\"c:@F@f\",\"name\":\"f\",\"params\":0,\"taint\":{\"labels\":[],"
		"\"ret\":{\"labels\":[0]}}}]}]}";
	size_t added;
	bh_diags *d = new_diags();
	bh_summaries *s = read_text(text, d, &added);
	cr_assert_eq(added, 2);
	cr_assert_eq(d->items.len, 0);
	cr_assert_eq(bh_summaries_count(s), 2);
	char *out = write_text(s);
	cr_assert(strstr(out, "\"unit\":\"agent/util.c\""), "%s", out);
	cr_assert(strstr(out, "\"unit\":\"server/util.c\""), "%s", out);
	cr_assert(strstr(out, "\"ret\""), "%s", out);
	bh_summaries_free(s);
}

// A global a summaries file says holds command-line data: each program of
// the scan sees it as the file says, whatever another program (analysed
// first, its memory freed since) wrote into it.
Test(summaries, an_imported_global_is_each_programs_as_the_file_says)
{
	static const char *const lib[] = {
		"lib/main.c",
		"#include <string.h>\n"
		"char g_cmd[64];\n"
		"int main(int argc, char **argv) {\n"
		"\tif (argc > 1)\n"
		"\t\tstrncpy(g_cmd, argv[1], 63);\n"
		"\treturn 0;\n"
		"}\n",
		NULL,
	};
	static const char *const both[] = {
		"server/main.c",
		"#include <stdio.h>\n"
		"#include <stdlib.h>\n"
		"#include <string.h>\n"
		"extern char g_cmd[64];\n"
		"static int run(void) { return system(g_cmd); }\n"
		"int main(void) {\n"
		"\tchar line[64];\n"
		"\tif (!fgets(line, sizeof line, stdin))\n"
		"\t\treturn 1;\n"
		"\tstrcpy(g_cmd, line);\n"
		"\treturn run();\n"
		"}\n",
		"agent/main.c",
		"#include <stdlib.h>\n"
		"extern char g_cmd[64];\n"
		"int main(void) { return system(g_cmd); }\n",
		NULL,
	};
	bh_summaries *sums = bh_summaries_new();
	run(lib, NULL, sums);
	const bh_findings *f = run(both, sums, NULL);
	const bh_finding *server = NULL, *agent = NULL;
	for (size_t i = 0; i < f->items.len; i++) {
		const bh_finding *fd = &f->items.items[i];
		if (strcmp(fd->rule->id, "c.command-injection") != 0)
			continue;
		if (strcmp(fd->loc.path, "server/main.c") == 0)
			server = fd;
		else if (strcmp(fd->loc.path, "agent/main.c") == 0)
			agent = fd;
	}
	cr_assert_not_null(server, "%s", describe(f));
	cr_assert_not_null(agent, "%s", describe(f));
	cr_assert_gt(server->nflow, 0);
	cr_assert_str_eq(server->flow[0].loc.path, "server/main.c", "%s", describe(f));
	cr_assert_gt(agent->nflow, 0);
	cr_assert_str_eq(agent->flow[0].loc.path, "lib/main.c", "%s", describe(f));
	bh_summaries_free(sums);
}

// A library of a buffer type: a constructor that may fail, a destructor
// that checks for NULL, an accessor that dereferences, a realloc()
// wrapper.
static const char buf_c[] =
	"#include <stdlib.h>\n"
	"struct buf { char *data; size_t len; };\n"
	"struct buf *buf_new(size_t n) {\n"
	"\tstruct buf *b = malloc(sizeof *b);\n"
	"\tif (!b)\n"
	"\t\treturn NULL;\n"
	"\tb->data = malloc(n);\n"
	"\tb->len = n;\n"
	"\treturn b;\n"
	"}\n"
	"void buf_free(struct buf *b) {\n"
	"\tif (!b)\n"
	"\t\treturn;\n"
	"\tfree(b->data);\n"
	"\tfree(b);\n"
	"}\n"
	"size_t buf_len(const struct buf *b) {\n"
	"\treturn b->len;\n"
	"}\n"
	"void *mem_grow(void *p, size_t n) {\n"
	"\tvoid *m = realloc(p, n);\n"
	"\treturn m;\n"
	"}\n";

static const char use_c[] =
	"#include <stddef.h>\n"
	"struct buf;\n"
	"struct buf *buf_new(size_t n);\n"
	"void buf_free(struct buf *b);\n"
	"size_t buf_len(const struct buf *b);\n"
	"size_t twice(void) {\n"
	"\tstruct buf *b = buf_new(16);\n"
	"\tbuf_free(b);\n"
	"\tbuf_free(b);\n"                 // 9: double free through the wrapper
	"\treturn 0;\n"
	"}\n"
	"size_t after(void) {\n"
	"\tstruct buf *b = buf_new(16);\n"
	"\tbuf_free(b);\n"
	"\treturn buf_len(b);\n"           // 15: used after the wrapper freed it
	"}\n"
	"void lost(void) {\n"
	"\tstruct buf *b = buf_new(16);\n"
	"\t(void)b;\n"
	"}\n"                               // 20: leaked
	"size_t none(void) {\n"
	"\treturn buf_len(NULL);\n"        // 22: NULL dereferenced inside
	"}\n"
	"void *mem_grow(void *p, size_t n);\n"
	"void free(void *p);\n"
	"void *malloc(size_t n);\n"
	"int grown(void) {\n"
	"\tchar *p = malloc(8);\n"
	"\tif (!p)\n"
	"\t\treturn -1;\n"
	"\tchar *q = mem_grow(p, 16);\n"
	"\tif (!q) {\n"
	"\t\tfree(p);\n"                 // 33: p is still ours where q is NULL
	"\t\treturn -1;\n"
	"\t}\n"
	"\tfree(p);\n"                    // 36: released by mem_grow()
	"\tfree(q);\n"
	"\treturn 0;\n"
	"}\n";

Test(summaries, memory_summaries_carry_wrappers_across_scans)
{
	static const char *const whole[] = { "buf.c", buf_c, "use.c", use_c, NULL };
	static const char *const lib[] = { "buf.c", buf_c, NULL };
	static const char *const app[] = { "use.c", use_c, NULL };
	char *expected = describe(run_mem(whole, NULL, NULL));
	cr_assert(strstr(expected, "c.double-free use.c:9:"), "%s", expected);
	cr_assert(strstr(expected, "c.use-after-free use.c:15:"), "%s", expected);
	cr_assert(strstr(expected, "c.null-deref use.c:22:"), "%s", expected);
	cr_assert(strstr(expected, "c.double-free use.c:36:"), "%s", expected);
	cr_assert_null(strstr(expected, "use.c:33:"), "%s", expected);

	bh_summaries *sums = bh_summaries_new();
	run_mem(lib, NULL, sums);
	char *text = write_text(sums);
	cr_assert(strstr(text, "\"memory\":{\"params\":[{\"param\":0,\"frees\":true"), "%s", text);
	size_t added;
	bh_diags *d = new_diags();
	bh_summaries *read = read_text(text, d, &added);
	cr_assert_eq(d->items.len, 0, "%s", d->items.len ? d->items.items[0].message : "");
	cr_assert(strstr(text, "\"realloc_param\":0"), "%s", text);
	cr_assert_eq(added, 4);
	cr_assert_str_eq(write_text(read), text);
	cr_assert_str_eq(describe(run_mem(app, read, NULL)), expected);
	// Without them, nothing is known of the library's functions.
	char *alone = describe(run_mem(app, NULL, NULL));
	cr_assert_null(strstr(alone, "c.double-free"), "%s", alone);
	// From outside the context: the same findings, no step in buf.c.
	bh_summaries_mark_external(read, nothing_is_in_context, NULL);
	bh_findings *f = run_mem(app, read, NULL);
	cr_assert_str_eq(bh_test_rule_lines(arena, f, "c.double-free"), "9 36");
	cr_assert_str_eq(bh_test_rule_lines(arena, f, "c.null-deref"), "22");
	for (size_t i = 0; i < f->items.len; i++)
		for (size_t k = 0; k < f->items.items[i].nflow; k++)
			cr_assert_str_eq(f->items.items[i].flow[k].loc.path, "use.c");
	bh_summaries_free(sums);
	bh_summaries_free(read);
}

static const char sinks_c[] =
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"struct pair { char *first; char *second; };\n"
	"void show_third(char *a[]) { putchar(a[2][0]); }\n"
	"void drop_first(struct pair p) { free(p.first); }\n";

static const char callers_c[] =
	"#include <stdlib.h>\n"
	"struct pair { char *first; char *second; };\n"
	"void show_third(char *a[]);\n"
	"void drop_first(struct pair p);\n"
	"void f(void) {\n"
	"\tchar *a[4];\n"
	"\tchar *d = NULL;\n"
	"\ta[2] = d;\n"
	"\tshow_third(a);\n"              // 9: NULL element dereferenced inside
	"}\n"
	"void g(void) {\n"
	"\tstruct pair p;\n"
	"\tchar *d = malloc(4);\n"
	"\tfree(d);\n"
	"\tp.first = d;\n"
	"\tdrop_first(p);\n"              // 16: released again inside
	"}\n";

Test(summaries, effects_on_an_element_or_a_field_of_an_argument_round_trip)
{
	static const char *const whole[] = { "sinks.c", sinks_c, "callers.c", callers_c, NULL };
	static const char *const lib[] = { "sinks.c", sinks_c, NULL };
	static const char *const app[] = { "callers.c", callers_c, NULL };
	char *expected = describe(run_mem(whole, NULL, NULL));
	cr_assert(strstr(expected, "c.null-deref"), "%s", expected);
	cr_assert(strstr(expected, "c.double-free"), "%s", expected);
	bh_summaries *sums = bh_summaries_new();
	run_mem(lib, NULL, sums);
	char *text = write_text(sums);
	cr_assert(strstr(text, "\"through_param\":0,\"element\":2,\"deref\":true,\"deref_always\":true"),
		  "%s", text);
	cr_assert(strstr(text, "\"through_param\":0,\"field\":\"first\",\"frees\":true"), "%s", text);
	size_t added;
	bh_diags *d = new_diags();
	bh_summaries *read = read_text(text, d, &added);
	cr_assert_eq(d->items.len, 0, "%s", d->items.len ? d->items.items[0].message : "");
	cr_assert_str_eq(write_text(read), text);
	bh_summaries_mark_external(read, nothing_is_in_context, NULL);
	bh_findings *f = run_mem(app, read, NULL);
	cr_assert_str_eq(bh_test_rule_lines(arena, f, "c.null-deref"), "9");
	cr_assert_str_eq(bh_test_rule_lines(arena, f, "c.double-free"), "16");
	bh_summaries_free(sums);
	bh_summaries_free(read);
}

Test(summaries, a_bad_memory_member_is_diagnosed)
{
#define ENTRY(m) "{\"usr\":\"c:@F@f%d\",\"name\":\"f\",\"params\":1,\"memory\":" m "}"
	static const char *const entries[] = {
		ENTRY("{\"params\":[{\"param\":0,\"frees\":true,\"family\":\"heap\"}]}"), // fine
		ENTRY("{\"params\":[{\"param\":1,\"frees\":true}]}"),       // no such parameter
		ENTRY("{\"params\":[{\"param\":0,\"family\":\"gold\"}]}"),  // unknown family
		ENTRY("{\"params\":[{\"param\":0,\"deref\":1}]}"),          // not a boolean
		ENTRY("{\"ret\":{\"param\":4}}"),                             // no such parameter
		ENTRY("{\"ret\":{\"null_loc\":{\"path\":\"a.c\"}}}"),         // no line
		ENTRY("[]"),                                                    // not an object
		ENTRY("{\"ret\":{\"fresh\":true,\"family\":\"stream\",\"may_null\":true}}"), // fine
		ENTRY("{\"indirect\":[{\"through_param\":0,\"element\":1,\"field\":\"x\"}]}"), // both
		ENTRY("{\"indirect\":[{\"through_param\":0,\"element\":\"2\"}]}"),   // no integer
		ENTRY("{\"indirect\":[{\"through_param\":0,\"field\":\"\"}]}"),      // no name
		ENTRY("{\"indirect\":[{\"through_param\":0,\"field\":\"first\",\"frees\":true}]}"), // fine
	};
#undef ENTRY
	char *text = bh_arena_strdup(arena, "{\"format\":\"bulkhead-summaries\",\"version\":1,"
					    "\"units\":[{\"unit\":\"a.c\",\"functions\":[");
	size_t n = sizeof(entries) / sizeof(entries[0]);
	for (size_t i = 0; i < n; i++)
		text = bh_arena_sprintf(arena, "%s%s%s", text, i ? "," : "",
					bh_arena_sprintf(arena, entries[i], (int)i));
	text = bh_arena_sprintf(arena, "%s]}]}", text);
	bh_diags *d = new_diags();
	size_t added;
	bh_summaries *s = read_text(text, d, &added);
	cr_assert_eq(added, 3);
	cr_assert_eq(d->items.len, n - 3);
	bh_summaries_free(s);
}
