// SPDX-License-Identifier: MIT
// Unit tests for the C unit list (analyzer/discover/disc.c): which files
// become translation units, their database or fallback flags, and the
// run-wide notes about guessed flags.
#include <criterion/criterion.h>
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
static bh_units units;

static void setup(void)
{
	cr_assert(bh_test_mkdtemp(root, sizeof(root), "disc"));
	arena = bh_arena_new();
	bh_diags_init(&diags, arena);
	ctx = NULL;
	memset(&units, 0, sizeof(units));
}

static void teardown(void)
{
	bh_vec_dispose(&units);
	bh_ctx_free(ctx);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	bh_test_rmtree(root);
}

TestSuite(disc, .init = setup, .fini = teardown);

static void write_file(const char *rel, const char *text)
{
	cr_assert(bh_test_write(root, rel, text, strlen(text)), "cannot create %s", rel);
}

static void open_ctx(uint64_t max_size, const char *const *excludes, size_t nexcludes)
{
	bh_ctx_options o = BH_CTX_OPTIONS_INIT;
	o.root = root;
	o.max_file_size = max_size;
	o.excludes = excludes;
	o.nexcludes = nexcludes;
	cr_assert_eq(bh_ctx_open(&ctx, &o, &diags), BH_OK);
}

static const char *joined(const bh_unit *u)
{
	const char *s = "";
	for (size_t i = 0; i < u->nargs; i++)
		s = bh_arena_sprintf(arena, "%s%s%s", s, i ? " " : "", u->args[i]);
	return s;
}

static const bh_diag *find_diag(const char *code)
{
	for (size_t i = 0; i < diags.items.len; i++)
		if (strcmp(diags.items.items[i].code, code) == 0)
			return &diags.items.items[i];
	return NULL;
}

Test(disc, fallback_units_get_root_and_header_dirs)
{
	write_file("main.c", "int main(void){return 0;}\n");
	write_file("src/net.c", "\n");
	write_file("include/app.h", "\n");
	write_file("include/more.h", "\n");
	write_file("src/internal/priv.h", "\n");
	write_file("lib/include/proj/api.h", "\n");
	write_file("top.h", "\n");
	write_file("third_party/z.c", "\n");
	write_file("big.c", "/* a file over the size limit of this test */\n");
	write_file("README.md", "\n");
	static const char *const ex[] = { "third_party" };
	open_ctx(40, ex, 1);
	bh_disc_units(&units, arena, ctx, NULL, &diags);

	cr_assert_eq(units.len, 2, "excluded and too-large sources are not units");
	cr_expect_str_eq(units.items[0].path, "main.c");
	cr_expect_str_eq(units.items[1].path, "src/net.c");
	const char *r = bh_ctx_root(ctx);
	cr_expect_str_eq(units.items[1].abs_path, bh_arena_sprintf(arena, "%s/src/net.c", r));
	for (size_t i = 0; i < units.len; i++) {
		cr_expect_eq(units.items[i].flags_source, BH_FLAGS_FALLBACK);
		cr_expect_str_eq(joined(&units.items[i]),
				 bh_arena_sprintf(arena,
						  "-I%s -I%s/include -I%s/lib/include "
						  "-I%s/lib/include/proj -I%s/src/internal",
						  r, r, r, r, r));
	}
	const bh_diag *d = find_diag("disc.no-compdb");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_NOTE);
	cr_expect_null(d->loc.path);
}

Test(disc, database_entries_win_and_the_rest_fall_back)
{
	write_file("a.c", "\n");
	write_file("b.c", "\n");
	write_file("inc/x.h", "\n");
	open_ctx(0, NULL, 0);
	const char *r = bh_ctx_root(ctx);
	const char *json = bh_arena_sprintf(
		arena,
		"[{\"directory\": \"%s\", \"file\": \"a.c\", \"arguments\": [\"cc\","
		" \"-DFIRST\", \"a.c\"]},"
		" {\"directory\": \"%s\", \"file\": \"a.c\", \"arguments\": [\"cc\","
		" \"-DSECOND\", \"a.c\"]}]",
		r, r);
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_parse(&db, arena, "compile_commands.json", json, strlen(json), ctx,
				     &diags), BH_OK);
	bh_disc_units(&units, arena, ctx, db, &diags);

	cr_assert_eq(units.len, 2);
	cr_expect_str_eq(units.items[0].path, "a.c");
	cr_expect_eq(units.items[0].flags_source, BH_FLAGS_COMPDB);
	cr_expect_str_eq(joined(&units.items[0]), "-DFIRST", "the first entry for a file wins");
	cr_expect_str_eq(units.items[1].path, "b.c");
	cr_expect_eq(units.items[1].flags_source, BH_FLAGS_FALLBACK);
	cr_expect_str_eq(joined(&units.items[1]), bh_arena_sprintf(arena, "-I%s -I%s/inc", r, r));
	cr_expect_null(find_diag("disc.no-compdb"));
	const bh_diag *d = find_diag("disc.no-compdb-entry");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_NOTE);
}

Test(disc, container_database_maps_onto_context_units)
{
	write_file("src/main.c", "\n");
	write_file("include/app.h", "\n");
	open_ctx(0, NULL, 0);
	const char *json = "[{\"directory\": \"/src/app\", \"file\": \"src/main.c\","
			   " \"command\": \"gcc -Iinclude -DAPP=1 -c src/main.c -o main.o\"}]";
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_parse(&db, arena, "compile_commands.json", json, strlen(json), ctx,
				     &diags), BH_OK);
	bh_disc_units(&units, arena, ctx, db, &diags);
	cr_assert_eq(units.len, 1);
	cr_expect_eq(units.items[0].flags_source, BH_FLAGS_COMPDB);
	const char *r = bh_ctx_root(ctx);
	cr_expect_str_eq(joined(&units.items[0]),
			 bh_arena_sprintf(arena, "-I%s/include -DAPP=1", r));
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, binary_and_symlinked_sources_are_not_units)
{
	FILE *f = fopen(bh_arena_sprintf(arena, "%s/bin.c", root), "wb");
	fwrite("x\0y", 1, 3, f);
	fclose(f);
	write_file("real.c", "\n");
	cr_assert_eq(symlink("real.c", bh_arena_sprintf(arena, "%s/alias.c", root)), 0);
	open_ctx(0, NULL, 0);
	bh_disc_units(&units, arena, ctx, NULL, &diags);
	cr_assert_eq(units.len, 1);
	cr_expect_str_eq(units.items[0].path, "real.c");
	cr_expect_str_eq(joined(&units.items[0]),
			 bh_arena_sprintf(arena, "-I%s", bh_ctx_root(ctx)));
}

Test(disc, no_c_files_no_units_no_noise)
{
	write_file("Dockerfile", "FROM scratch\n");
	open_ctx(0, NULL, 0);
	bh_disc_units(&units, arena, ctx, NULL, &diags);
	cr_expect_eq(units.len, 0);
	cr_expect_eq(diags.items.len, 0);
	bh_disc_units(&units, arena, NULL, NULL, &diags);
	cr_expect_eq(units.len, 0);
}
