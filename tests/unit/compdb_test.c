// SPDX-License-Identifier: MIT
// Unit tests for compile_commands.json reading
// (analyzer/discover/disc_compdb.c): both entry forms, shell splitting,
// flag filtering, path resolution, mapping of container paths onto the
// context, hostile databases and discovery of the database file.
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "tmpctx.h"
#include "bulkhead/ctx.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"

static char root[64];
static bh_arena *arena;
static bh_diags diags;
static bh_ctx *ctx;

static void setup(void)
{
	cr_assert(bh_test_mkdtemp(root, sizeof(root), "compdb"));
	arena = bh_arena_new();
	bh_diags_init(&diags, arena);
	ctx = NULL;
}

static void teardown(void)
{
	bh_ctx_free(ctx);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	bh_test_rmtree(root);
}

TestSuite(compdb, .init = setup, .fini = teardown);

/* ------------------------------------------------------------- helpers */

static char *at(const char *rel)
{
	return bh_arena_sprintf(arena, "%s/%s", root, rel);
}

static void write_file(const char *rel, const char *text)
{
	cr_assert(bh_test_write(root, rel, text, strlen(text)), "cannot create %s", rel);
}

static void open_ctx(void)
{
	bh_ctx_options o = BH_CTX_OPTIONS_INIT;
	o.root = root;
	cr_assert_eq(bh_ctx_open(&ctx, &o, &diags), BH_OK);
}

static bh_compdb *parse(const char *json)
{
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_parse(&db, arena, "compile_commands.json", json, strlen(json),
				     ctx, &diags), BH_OK);
	cr_assert_not_null(db);
	return db;
}

// The entry's kept flags joined by spaces, for compact assertions.
static const char *joined(const bh_compdb_entry *e)
{
	const char *s = "";
	for (size_t i = 0; i < e->nargs; i++)
		s = bh_arena_sprintf(arena, "%s%s%s", s, i ? " " : "", e->args[i]);
	return s;
}

static size_t count_diags(const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < diags.items.len; i++)
		n += strcmp(diags.items.items[i].code, code) == 0;
	return n;
}

/* ---------------------------------------------------- shell splitting */

Test(compdb, split_command_follows_posix_quoting)
{
	const char **argv = NULL;
	size_t n = bh_compdb_split_command(&argv, arena,
		"cc  -DA=\"x y\" -I'inc dir' a\\ b \"q\\\"uote\\$\" 'it''s' \"\" \\\n -c\tmain.c");
	static const char *const want[] = {
		"cc", "-DA=x y", "-Iinc dir", "a b", "q\"uote$", "its", "", "-c", "main.c",
	};
	cr_assert_eq(n, BH_ARRAY_LEN(want));
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(argv[i], want[i], "word %zu", i);
	cr_expect_null(argv[n]);

	// In double quotes a backslash before other characters stays.
	n = bh_compdb_split_command(&argv, arena, "\"a\\nb\"");
	cr_assert_eq(n, 1);
	cr_expect_str_eq(argv[0], "a\\nb");
	// Unterminated quotes run to the end rather than failing.
	n = bh_compdb_split_command(&argv, arena, "cc 'open");
	cr_assert_eq(n, 2);
	cr_expect_str_eq(argv[1], "open");
	cr_expect_eq(bh_compdb_split_command(&argv, arena, "   "), 0);
	cr_expect_eq(bh_compdb_split_command(&argv, arena, ""), 0);
	n = bh_compdb_split_command(&argv, arena, "trailing\\");
	cr_assert_eq(n, 1);
	cr_expect_str_eq(argv[0], "trailing\\");
}

/* ------------------------------------------------------------- flags */

Test(compdb, keep_flag_table)
{
	static const struct {
		const char *args[3];
		bool keep;
		size_t consumed;
	} rows[] = {
		{ { "-Iinclude" }, true, 1 },
		{ { "-I", "include" }, true, 2 },
		{ { "-DNDEBUG" }, true, 1 },
		{ { "-D", "X=1" }, true, 2 },
		{ { "-UX" }, true, 1 },
		{ { "-include", "config.h" }, true, 2 },
		{ { "-isystem", "/opt/inc" }, true, 2 },
		{ { "-isystem/opt/inc" }, true, 1 },
		{ { "-iquote", "q" }, true, 2 },
		{ { "-idirafter", "d" }, true, 2 },
		{ { "-std=c11" }, true, 1 },
		{ { "-fno-strict-aliasing" }, true, 1 },
		{ { "-march=native" }, true, 1 },
		{ { "-m32" }, true, 1 },
		{ { "--target=aarch64-linux-gnu" }, true, 1 },
		{ { "-target", "x86_64-linux-gnu" }, true, 2 },
		{ { "-x", "c" }, true, 2 },
		{ { "-xc" }, true, 1 },
		{ { "-O2" }, true, 1 },
		{ { "-c" }, false, 1 },
		{ { "-o", "main.o" }, false, 2 },
		{ { "-omain.o" }, false, 1 },
		{ { "main.c" }, false, 1 },
		{ { "gcc" }, false, 1 },
		{ { "-MD" }, false, 1 },
		{ { "-MMD" }, false, 1 },
		{ { "-MF", "main.d" }, false, 2 },
		{ { "-MT", "main.o" }, false, 2 },
		{ { "-Wall" }, false, 1 },
		{ { "-Werror=format" }, false, 1 },
		{ { "-Wl,-z,relro" }, false, 1 },
		{ { "-g" }, false, 1 },
		{ { "-fplugin=./evil.so" }, false, 1 },
		{ { "-fpass-plugin=./evil.so" }, false, 1 },
		{ { "-Xclang", "-load" }, false, 2 },
		{ { "-mllvm", "-some-option" }, false, 2 },
		{ { "-include-pch", "x.pch" }, false, 2 },
		{ { "-B", "./bin" }, false, 2 },
		{ { "@args.rsp" }, false, 1 },
		{ { "-" }, false, 1 },
		{ { "-I" }, false, 1 }, // a flag missing its value at the end
		{ { "-I-" }, false, 1 },
	};
	for (size_t r = 0; r < BH_ARRAY_LEN(rows); r++) {
		size_t argc = 0;
		while (argc < 3 && rows[r].args[argc])
			argc++;
		size_t consumed = 99;
		bool keep = bh_compdb_keep_flag(rows[r].args, argc, 0, &consumed);
		cr_expect_eq(keep, rows[r].keep, "%s: keep", rows[r].args[0]);
		cr_expect_eq(consumed, rows[r].consumed, "%s: consumed", rows[r].args[0]);
	}
	size_t consumed = 0;
	cr_expect_not(bh_compdb_keep_flag(NULL, 0, 0, &consumed));
}

/* ------------------------------------------------------------- entries */

Test(compdb, arguments_form_filters_and_absolutises)
{
	bh_compdb *db = parse(
		"[{\"directory\": \"/w/build\", \"file\": \"../src/main.c\","
		" \"output\": \"main.o\", \"arguments\": [\"/usr/bin/gcc\", \"-I../include\","
		" \"-I\", \"gen\", \"-isystem\", \"/opt/inc\","
		" \"-DNAME=\\\"v\\\"\", \"-std=gnu11\","
		" \"-include\", \"cfg.h\", \"-Wall\", \"-c\","
		" \"-o\", \"main.o\", \"../src/main.c\","
		" \"-MD\", \"-MF\", \"main.d\", \"-fPIC\"]}]");
	cr_assert_eq(db->entries.len, 1);
	const bh_compdb_entry *e = &db->entries.items[0];
	cr_expect_str_eq(e->file, "/w/src/main.c");
	cr_expect_str_eq(e->directory, "/w/build");
	cr_expect_str_eq(e->output, "/w/build/main.o");
	cr_expect_str_eq(joined(e), "-I/w/include -I /w/build/gen -isystem /opt/inc -DNAME=\"v\" "
				    "-std=gnu11 -include /w/build/cfg.h -fPIC");
	cr_expect_null(e->ctx_path);
	cr_expect_eq(diags.items.len, 0);
}

Test(compdb, command_form_is_split_then_filtered)
{
	bh_compdb *db = parse(
		"[{\"directory\": \"/w\", \"file\": \"/w/a.c\","
		" \"command\": \"cc -DMSG=\\\"hello world\\\" -I 'my inc' -O2 -c a.c -o a.o\"}]");
	cr_assert_eq(db->entries.len, 1);
	const bh_compdb_entry *e = &db->entries.items[0];
	cr_expect_str_eq(joined(e), "-DMSG=hello world -I /w/my inc -O2");
	cr_expect_null(e->output);
}

Test(compdb, arguments_win_over_command)
{
	bh_compdb *db = parse(
		"[{\"directory\": \"/w\", \"file\": \"a.c\", \"command\": \"cc -DFROMCMD a.c\","
		" \"arguments\": [\"cc\", \"-DFROMARGS\", \"a.c\"]}]");
	cr_assert_eq(db->entries.len, 1);
	cr_expect_str_eq(joined(&db->entries.items[0]), "-DFROMARGS");
}

Test(compdb, relative_directory_resolves_against_the_database)
{
	open_ctx();
	bh_compdb *db = NULL;
	const char *json =
		"[{\"directory\": \"build\", \"file\": \"../x.c\","
		" \"arguments\": [\"cc\", \"-Iinc\"]}]";
	cr_assert_eq(bh_compdb_parse(&db, arena, "sub/compile_commands.json", json, strlen(json),
				     ctx, &diags), BH_OK);
	cr_assert_eq(db->entries.len, 1);
	const char *r = bh_ctx_root(ctx);
	cr_expect_str_eq(db->entries.items[0].directory,
			 bh_arena_sprintf(arena, "%s/sub/build", r));
	cr_expect_str_eq(db->entries.items[0].file, bh_arena_sprintf(arena, "%s/sub/x.c", r));
	cr_expect_str_eq(joined(&db->entries.items[0]),
			 bh_arena_sprintf(arena, "-I%s/sub/build/inc", r));
}

Test(compdb, dangerous_flags_never_reach_libclang)
{
	bh_compdb *db = parse(
		"[{\"directory\": \"/w\", \"file\": \"a.c\", \"arguments\": [\"cc\","
		" \"-fplugin=/w/evil.so\", \"-Xclang\", \"-load\", \"-Xclang\", \"/w/evil.so\","
		" \"-mllvm\", \"-x\", \"@/w/args.rsp\", \"-B\", \"/w/bin\", \"-fprofile-generate\","
		" \"-ivfsoverlay\", \"/w/o.yaml\", \"-fno-common\", \"a.c\"]}]");
	cr_assert_eq(db->entries.len, 1);
	cr_expect_str_eq(joined(&db->entries.items[0]), "-fno-common");
}

/* ------------------------------------------------------------ mapping */

Test(compdb, entries_inside_the_context_map_directly)
{
	write_file("main.c", "int main(void){return 0;}\n");
	write_file("src/util.c", "\n");
	open_ctx();
	const char *r = bh_ctx_root(ctx);
	const char *json = bh_arena_sprintf(
		arena,
		"[{\"directory\": \"%s\", \"file\": \"main.c\","
		" \"arguments\": [\"cc\", \"main.c\"]},"
		" {\"directory\": \"%s/src\", \"file\": \"util.c\", \"command\": \"cc -c util.c\"},"
		" {\"directory\": \"%s\", \"file\": \"gone.c\", \"command\": \"cc -c gone.c\"}]",
		r, r, r);
	bh_compdb *db = parse(json);
	cr_assert_eq(db->entries.len, 3);
	cr_expect_str_eq(db->entries.items[0].ctx_path, "main.c");
	cr_expect_str_eq(db->entries.items[1].ctx_path, "src/util.c");
	cr_expect_null(db->entries.items[2].ctx_path,
		       "a file under the root that does not exist maps to nothing");
	cr_expect_eq(bh_compdb_find(db, "src/util.c"), &db->entries.items[1]);
	cr_expect_null(bh_compdb_find(db, "nothing.c"));
	cr_expect_null(bh_compdb_find(NULL, "main.c"));
}

Test(compdb, container_paths_map_by_longest_suffix)
{
	write_file("src/main.c", "\n");
	write_file("lib/main.c", "\n");
	write_file("include/app.h", "\n");
	open_ctx();
	bh_compdb *db = parse(
		"[{\"directory\": \"/src/app/build\", \"file\": \"/src/app/src/main.c\","
		" \"arguments\": [\"cc\", \"-I/src/app/include\","
		" \"-I../include\", \"-I/usr/include\","
		" \"-I/src/app/nothere\", \"-c\", \"../src/main.c\"]}]");
	cr_assert_eq(db->entries.len, 1);
	const bh_compdb_entry *e = &db->entries.items[0];
	cr_expect_str_eq(e->ctx_path, "src/main.c");
	cr_expect_str_eq(e->file, "/src/app/src/main.c");
	const char *r = bh_ctx_root(ctx);
	// Paths under the container's name for the root move into the context
	// when the context has them; others stay as written.
	cr_expect_str_eq(joined(e), bh_arena_sprintf(arena,
		"-I%s/include -I%s/include -I/usr/include -I/src/app/nothere", r, r));
}

Test(compdb, ambiguous_suffix_maps_to_nothing)
{
	write_file("a/util.c", "\n");
	write_file("b/util.c", "\n");
	open_ctx();
	bh_compdb *db = parse(
		"[{\"directory\": \"/x\", \"file\": \"/x/util.c\", \"arguments\": [\"cc\"]},"
		" {\"directory\": \"/x\", \"file\": \"/x/b/util.c\", \"arguments\": [\"cc\"]},"
		" {\"directory\": \"/x\", \"file\": \"/x/other.c\", \"arguments\": [\"cc\"]}]");
	cr_assert_eq(db->entries.len, 3);
	cr_expect_null(db->entries.items[0].ctx_path);
	cr_expect_eq(count_diags("compdb.ambiguous"), 1);
	cr_expect_str_eq(db->entries.items[1].ctx_path, "b/util.c");
	cr_expect_null(db->entries.items[2].ctx_path);
}

/* ------------------------------------------------------ hostile input */

Test(compdb, truncated_json_is_an_error_with_line)
{
	bh_compdb *db = parse("[\n {\"directory\": \"/w\",\n  \"file\": \"a.c\"");
	cr_expect_eq(db->entries.len, 0);
	cr_assert_eq(diags.items.len, 1);
	const bh_diag *d = &diags.items.items[0];
	cr_expect_str_eq(d->code, "compdb.malformed");
	cr_expect_eq(d->level, BH_LEVEL_ERROR);
	cr_expect_str_eq(d->loc.path, "compile_commands.json");
	cr_expect_eq(d->loc.line, 3);
}

Test(compdb, top_level_not_an_array)
{
	bh_compdb *db =
		parse("{\"directory\": \"/w\", \"file\": \"a.c\", \"command\": \"cc a.c\"}");
	cr_expect_eq(db->entries.len, 0);
	cr_expect_eq(count_diags("compdb.malformed"), 1);
	db = parse("42");
	cr_expect_eq(db->entries.len, 0);
	db = parse("");
	cr_expect_eq(db->entries.len, 0);
	cr_expect_eq(count_diags("compdb.malformed"), 3);

	// Deep nesting is refused by the parser, not by a stack overflow.
	size_t depth = 200000;
	char *deep = bh_xmalloc(2 * depth + 1);
	memset(deep, '[', depth);
	memset(deep + depth, ']', depth);
	deep[2 * depth] = '\0';
	db = parse(deep);
	free(deep);
	cr_expect_eq(db->entries.len, 0);
	cr_expect_eq(count_diags("compdb.malformed"), 4);
}

Test(compdb, bad_entries_are_errors_and_good_ones_kept)
{
	bh_compdb *db = parse(
		"["
		"{\"directory\": \"/w\", \"file\": \"good1.c\", \"command\": \"cc good1.c\"},"
		"\"not an object\","
		"{\"file\": \"nodir.c\", \"command\": \"cc\"},"
		"{\"directory\": \"/w\", \"command\": \"cc\"},"
		"{\"directory\": 7, \"file\": \"a.c\", \"command\": \"cc\"},"
		"{\"directory\": \"/w\", \"file\": [\"a.c\"], \"command\": \"cc\"},"
		"{\"directory\": \"/w\", \"file\": \"a.c\"},"
		"{\"directory\": \"/w\", \"file\": \"a.c\", \"arguments\": \"cc a.c\"},"
		"{\"directory\": \"/w\", \"file\": \"a.c\", \"arguments\": [\"cc\", 3]},"
		"{\"directory\": \"/w\", \"file\": \"a.c\", \"command\": null},"
		"{\"directory\": \"\", \"file\": \"a.c\", \"command\": \"cc\"},"
		"null, [], 1.5,"
		"{\"directory\": \"/w\", \"file\": \"good2.c\","
		" \"arguments\": [\"cc\"], \"output\": 5}"
		"]");
	cr_assert_eq(db->entries.len, 2);
	cr_expect_str_eq(db->entries.items[0].file, "/w/good1.c");
	cr_expect_str_eq(db->entries.items[1].file, "/w/good2.c");
	cr_expect_null(db->entries.items[1].output);
	// 9 bad objects + 4 entries that are not objects + 1 bad "output".
	cr_expect_eq(count_diags("compdb.malformed"), 14);
	cr_expect(bh_diags_has_error(&diags));
	for (size_t i = 0; i < diags.items.len; i++)
		cr_expect_str_eq(diags.items.items[i].loc.path, "compile_commands.json");
}

Test(compdb, nul_bytes_are_rejected)
{
	bh_compdb *db =
		parse("[{\"directory\": \"/w\", \"file\": \"a\\u0000.c\", \"command\": \"cc\"}]");
	cr_expect_eq(db->entries.len, 0);
	cr_expect_eq(count_diags("compdb.malformed"), 1);

	static const char raw[] =
		"[{\"directory\": \"/w\", \"file\": \"a\0.c\", \"command\": \"cc\"}]";
	cr_assert_eq(bh_compdb_parse(&db, arena, "compile_commands.json", raw, sizeof(raw) - 1,
				     ctx, &diags), BH_OK);
	cr_expect_eq(db->entries.len, 0);
	cr_expect_eq(count_diags("compdb.malformed"), 2);
}

// Append text to a growing heap buffer.
typedef struct {
	char *data;
	size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->data = realloc(b->data, b->cap);
		cr_assert_not_null(b->data);
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
	put(b, s, strlen(s));
}

Test(compdb, huge_arguments_are_handled)
{
	// 100k flags and a 1 MiB define in one entry.
	size_t nflags = 100000, big = 1 << 20;
	char *value = bh_xmalloc(big);
	memset(value, 'v', big);
	buf j = { 0 };
	puts_(&j, "[{\"directory\": \"/w\", \"file\": \"a.c\", \"arguments\": [\"cc\"");
	for (size_t i = 0; i < nflags; i++)
		puts_(&j, i % 2 ? ",\"-DX1\"" : ",\"-UY\"");
	puts_(&j, ",\"-DBIG=");
	put(&j, value, big);
	puts_(&j, "\"]}]");
	bh_compdb *db = NULL;
	cr_assert_eq(
		bh_compdb_parse(&db, arena, "compile_commands.json", j.data, j.len, NULL, &diags),
		BH_OK);
	cr_assert_eq(db->entries.len, 1);
	cr_expect_eq(db->entries.items[0].nargs, nflags + 1);
	cr_expect_eq(strlen(db->entries.items[0].args[nflags]), big + 6);
	free(j.data);

	// And a command string of the same size.
	buf c = { 0 };
	puts_(&c, "[{\"directory\":\"/w\",\"file\":\"a.c\",\"command\":\"cc -D");
	put(&c, value, big);
	puts_(&c, " a.c\"}]");
	cr_assert_eq(
		bh_compdb_parse(&db, arena, "compile_commands.json", c.data, c.len, NULL, &diags),
		BH_OK);
	cr_assert_eq(db->entries.len, 1);
	cr_expect_eq(db->entries.items[0].nargs, 1);
	free(c.data);
	free(value);
	cr_expect_eq(diags.items.len, 0);
}

/* ------------------------------------------------------------ discover */

Test(compdb, discover_prefers_root_then_build_dirs_by_name)
{
	write_file("main.c", "\n");
	write_file("build-debug/compile_commands.json",
		   "[{\"directory\":\"/d\",\"file\":\"debug.c\",\"command\":\"cc\"}]");
	write_file("build/compile_commands.json",
		   "[{\"directory\":\"/b\",\"file\":\"build.c\",\"command\":\"cc\"}]");
	write_file("other/compile_commands.json", "[]");
	open_ctx();
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_discover(&db, arena, ctx, NULL, &diags), BH_OK);
	cr_assert_not_null(db);
	cr_expect_str_eq(db->path, "build/compile_commands.json");
	cr_expect_str_eq(db->entries.items[0].file, "/b/build.c");
	bh_ctx_free(ctx);

	write_file("compile_commands.json",
		   "[{\"directory\":\"/r\",\"file\":\"root.c\",\"command\":\"cc\"}]");
	open_ctx();
	cr_assert_eq(bh_compdb_discover(&db, arena, ctx, NULL, &diags), BH_OK);
	cr_assert_not_null(db);
	cr_expect_str_eq(db->path, "compile_commands.json");
	cr_expect_str_eq(db->entries.items[0].file, "/r/root.c");
}

Test(compdb, discover_finds_nothing_without_a_database)
{
	write_file("main.c", "\n");
	open_ctx();
	bh_compdb *db = (bh_compdb *)1;
	cr_assert_eq(bh_compdb_discover(&db, arena, ctx, NULL, &diags), BH_OK);
	cr_expect_null(db);
	cr_expect_eq(diags.items.len, 0);
}

Test(compdb, discover_uses_a_root_symlink_into_build)
{
	write_file("build/compile_commands.json",
		   "[{\"directory\":\"/b\",\"file\":\"x.c\",\"command\":\"cc\"}]");
	cr_assert_eq(symlink("build/compile_commands.json", at("compile_commands.json")), 0);
	cr_assert_eq(symlink("/etc/passwd", at("build2")), 0);
	open_ctx();
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_discover(&db, arena, ctx, NULL, &diags), BH_OK);
	cr_assert_not_null(db);
	cr_expect_str_eq(db->path, "compile_commands.json");
	cr_expect_eq(db->entries.len, 1);
}

Test(compdb, discover_ignores_a_symlink_leaving_the_context)
{
	write_file("main.c", "\n");
	cr_assert_eq(symlink("/etc/passwd", at("compile_commands.json")), 0);
	open_ctx();
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_discover(&db, arena, ctx, NULL, &diags), BH_OK);
	cr_expect_null(db);
	cr_expect_eq(count_diags("compdb.symlink"), 1);
}

Test(compdb, discover_explicit_path)
{
	write_file("main.c", "\n");
	open_ctx();
	bh_compdb *db = NULL;
	cr_expect_eq(bh_compdb_discover(&db, arena, ctx, at("missing.json"), &diags), BH_ENOTFOUND);
	cr_expect_null(db);
	cr_expect_eq(count_diags("compdb.not-found"), 1);

	// Outside the context (the user's own choice), relative directory.
	char outside[] = "/tmp/bh-compdb-out-XXXXXX";
	cr_assert_not_null(mkdtemp(outside));
	char *path = bh_arena_sprintf(arena, "%s/cc.json", outside);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fprintf(f,
		"[{\"directory\": \".\", \"file\": \"main.c\", \"command\": \"cc -Iinc main.c\"}]");
	fclose(f);
	cr_assert_eq(bh_compdb_discover(&db, arena, ctx, path, &diags), BH_OK);
	cr_assert_not_null(db);
	cr_expect_str_eq(db->path, path);
	cr_assert_eq(db->entries.len, 1);
	cr_expect_str_eq(db->entries.items[0].file, bh_arena_sprintf(arena, "%s/main.c", outside));
	cr_expect_str_eq(db->entries.items[0].ctx_path, "main.c"); // by suffix
	remove(path);
	rmdir(outside);

	// Inside the context: named by its context path.
	write_file("tools/cc.json", "[]");
	cr_assert_eq(bh_compdb_discover(&db, arena, ctx, at("tools/cc.json"), &diags), BH_OK);
	cr_expect_str_eq(db->path, "tools/cc.json");
}
