// SPDX-License-Identifier: MIT
// Unit tests for the C unit list (analyzer/discover/disc.c): which files
// become translation units, their database or fallback flags, and the
// run-wide notes about guessed flags; the config headers of unconfigured
// autotools trees and the flags they add (disc_autoconf.c).
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
#include "bulkhead/img.h"

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
	cr_assert_not_null(s);
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
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);

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
	bh_disc_units(&units, arena, ctx, db, NULL, 0, &diags);

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
	bh_disc_units(&units, arena, ctx, db, NULL, 0, &diags);
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
	cr_assert_not_null(f);
	fwrite("x\0y", 1, 3, f);
	fclose(f);
	write_file("real.c", "\n");
	cr_assert_eq(symlink("real.c", bh_arena_sprintf(arena, "%s/alias.c", root)), 0);
	open_ctx(0, NULL, 0);
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	cr_assert_eq(units.len, 1);
	cr_expect_str_eq(units.items[0].path, "real.c");
	cr_expect_str_eq(joined(&units.items[0]),
			 bh_arena_sprintf(arena, "-I%s", bh_ctx_root(ctx)));
}

static const char *unit_paths(void)
{
	const char *s = "";
	for (size_t i = 0; i < units.len; i++)
		s = bh_arena_sprintf(arena, "%s%s%s", s, i ? " " : "", units.items[i].path);
	return s;
}

// redis' ae.c picks a backend with `#include "ae_epoll.c"`: the backends
// are compiled as part of it, never alone. A file that only an included
// file includes is reached too; files that only include each other stay
// units; a quoted include of a missing file, of a header, of a file
// outside the context or in angle brackets changes nothing.
Test(disc, c_files_that_other_c_files_include_are_not_units)
{
	write_file("src/ae.c", "#include \"ae.h\"\n#ifdef HAVE_EPOLL\n  #  include \"ae_epoll.c\"\n"
			       "#else\n#include \"ae_select.c\"\n#endif\n#include <other.c>\n"
			       "#include \"../../outside.c\"\n#include \"missing.c\"\n");
	write_file("src/ae.h", "\n");
	write_file("src/ae_epoll.c", "#include \"ae_util.c\"\n");
	write_file("src/ae_util.c", "\n");
	write_file("src/ae_select.c", "\n");
	write_file("src/other.c", "\n");
	write_file("ring/a.c", "#include \"b.c\"\n");
	write_file("ring/b.c", "#include \"a.c\"\n");
	open_ctx(0, NULL, 0);
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	cr_expect_str_eq(unit_paths(), "ring/a.c ring/b.c src/ae.c src/other.c");
	const bh_diag *d = find_diag("disc.included-source");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_NOTE);
	cr_expect_str_eq(d->message, "3 C files included by other C files (src/ae_epoll.c, ...) are "
				     "analysed as part of their includers, not on their own");
}

// Quilt keeps the originals of patched files under .pc/ (every Debian
// source tree has one): no build compiles them. A database entry wins.
Test(disc, c_files_under_hidden_directories_are_not_units_without_an_entry)
{
	write_file("src/main.c", "\n");
	write_file(".pc/01-fix.patch/src/main.c", "\n");
	write_file(".pc/02-fix.patch/src/util.c", "\n");
	write_file(".tool/gen.c", "\n");
	write_file("src/.hidden.c", "\n");
	open_ctx(0, NULL, 0);
	const char *r = bh_ctx_root(ctx);
	const char *json = bh_arena_sprintf(arena, "[{\"directory\": \"%s\", \"file\": \".tool/gen.c\","
					    " \"arguments\": [\"cc\", \"-DGEN\", \".tool/gen.c\"]}]", r);
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_parse(&db, arena, "compile_commands.json", json, strlen(json), ctx,
				     &diags), BH_OK);
	bh_disc_units(&units, arena, ctx, db, NULL, 0, &diags);
	cr_expect_str_eq(unit_paths(), ".tool/gen.c src/.hidden.c src/main.c");
	const bh_diag *d = find_diag("disc.hidden-source");
	cr_assert_not_null(d);
	cr_expect_str_eq(d->message, "2 C files under hidden directories (.pc/01-fix.patch/src/main.c, "
				     "...) are not analysed: no build compiles them; a "
				     "compile_commands.json entry would make each a unit");
}

Test(disc, no_c_files_no_units_no_noise)
{
	write_file("Dockerfile", "FROM scratch\n");
	open_ctx(0, NULL, 0);
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	cr_expect_eq(units.len, 0);
	cr_expect_eq(diags.items.len, 0);
	bh_disc_units(&units, arena, NULL, NULL, NULL, 0, &diags);
	cr_expect_eq(units.len, 0);
}

/* ---------------------------------------------------- Makefile flags */

// bh_disc_make_flags over `text` for a Makefile at `path` of the context
// "/ctx"; the flags joined by spaces.
static const char *make_flags_of(const char *path, const char *text, size_t len)
{
	bh_disc_flags fl;
	bh_disc_make_flags(&fl, arena, "/ctx", path, text, len, &diags);
	cr_assert_not_null(fl.args);
	const char *s = "";
	for (size_t i = 0; i < fl.nargs; i++)
		s = bh_arena_sprintf(arena, "%s%s%s", s, i ? " " : "", fl.args[i]);
	cr_expect_eq(fl.origin == NULL, fl.nargs == 0, "an origin exactly when there are flags");
	return s;
}

static const char *make_flags(const char *text)
{
	return make_flags_of("Makefile", text, strlen(text));
}

Test(disc, makefile_assignment_forms)
{
	cr_expect_str_eq(make_flags("CFLAGS = -DA\n"), "-DA");
	cr_expect_str_eq(make_flags("CFLAGS := -DA\nCFLAGS += -DB\n"), "-DA -DB");
	cr_expect_str_eq(make_flags("CFLAGS ::= -DA\n"), "-DA");
	cr_expect_str_eq(make_flags("CFLAGS = -DA\nCFLAGS ?= -DB\n"), "-DA", "?= keeps a value");
	cr_expect_str_eq(make_flags("CFLAGS ?= -DB\n"), "-DB", "?= sets an undefined one");
	cr_expect_str_eq(make_flags("CFLAGS = -DA\nCFLAGS = -DB\n"), "-DB", "the last = wins");
	cr_expect_str_eq(make_flags("override CFLAGS += -DA\nexport CPPFLAGS=-DB\n"), "-DB -DA",
			 "CPPFLAGS first, then CFLAGS");
	cr_expect_str_eq(make_flags("override export CFLAGS := -std=c11 -UNDEBUG\n"),
			 "-std=c11 -UNDEBUG");
	cr_expect_str_eq(make_flags("CFLAGS != pkg-config --cflags x\n"), "",
			 "!= runs a shell: unknown");
	cr_expect_str_eq(make_flags("CFLAGS+=-DA\nCFLAGS+=-DA -DB\n"), "-DA -DB", "no duplicates");
	cr_expect_str_eq(make_flags("CFLAGS = -O2 -g -Wall -fPIC -pthread -c -o x.o -MD -DKEEP\n"),
			 "-DKEEP", "only flags that change parsing");
	cr_expect_str_eq(make_flags("CFLAGS = -D NAME=1 -U OLD -D'MSG=\"hi there\"'\n"),
			 "-DNAME=1 -UOLD -DMSG=\"hi there\"", "separate values and shell quoting");
	cr_expect_str_eq(make_flags("CFLAGS = -DA # -DB\nCPPFLAGS = -DC\\#D\n"), "-DC#D -DA",
			 "comments end values; an escaped # does not");
	cr_expect_str_eq(make_flags("a b = -DX\nCFLAGS$(S) = -DY\nfoo: CFLAGS += -DZ\n"), "",
			 "odd names and target-specific values are not read");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, makefile_continuation_lines_join_with_one_space)
{
	cr_expect_str_eq(make_flags("CFLAGS = -DA \\\n\t  -DB\\\n-DC\n"), "-DA -DB -DC");
	cr_expect_str_eq(make_flags("CFLAGS = -DA\r\nCFLAGS += \\\r\n   -DB\r\n"), "-DA -DB",
			 "CRLF");
	cr_expect_str_eq(make_flags("CFLAGS = -DA\\\\\n-DB = 1\n"), "-DA\\",
			 "an even number of backslashes does not continue");
	cr_expect_str_eq(make_flags("CFLAGS = -DA \\"), "-DA", "a backslash at the very end");
}

Test(disc, makefile_references_expand_like_make)
{
	cr_expect_str_eq(make_flags("DEFS = -DA\nCFLAGS = $(DEFS) ${DEFS2} $X\n"
				    "DEFS2 = -DB\nX = -DC\n"),
			 "-DA -DB -DC", "recursive variables expand when used");
	cr_expect_str_eq(make_flags("CFLAGS := $(LATER) -DA\nLATER = -DB\n"), "-DA",
			 ":= expands when set");
	cr_expect_str_eq(make_flags("MODE = dbg\nF_dbg = -DDBG\nCFLAGS = $(F_$(MODE))\n"), "-DDBG",
			 "computed names");
	cr_expect_str_eq(make_flags("CFLAGS = -I$(PREFIX)/include -DP=$$HOME -DOK\n"), "-DOK",
			 "undefined is empty; $$ is the shell's");
	cr_expect_str_eq(make_flags("CFLAGS = $(shell echo -DX) $(patsubst %,-D%,A B) "
				    "$(SRCS:.c=.o) -D$@ -DOK\n"),
			 "-DOK", "functions, substitutions and automatic variables are unknown");
	cr_expect_str_eq(make_flags("CFLAGS := -DA\nCFLAGS := $(CFLAGS) -DB\n"), "-DA -DB");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, makefile_recursion_is_guarded)
{
	cr_expect_str_eq(make_flags("A = $(A) -DX\nCFLAGS = $(A)\n"), "-DX",
			 "A = $(A) expands once");
	cr_expect_str_eq(make_flags("B = $(C) -DB\nC = $(B) -DC\nCFLAGS = $(B)\n"), "-DC -DB");
	cr_expect_str_eq(make_flags("CFLAGS = $(CFLAGS) -DSELF\n"), "-DSELF");
	cr_expect_str_eq(make_flags("CFLAGS += $(CFLAGS) -DA\n"), "-DA");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, makefile_paths_resolve_from_its_directory_and_stay_inside)
{
	const char *text = "CFLAGS = -Iinclude -I ../common -I../.. -I../../.. -I../../../x "
			   "-I/usr/include/foo -I/ctx/gen -isystem third -iquote . "
			   "-include cfg.h -include /etc/passwd\n";
	cr_expect_str_eq(make_flags_of("lib/net/Makefile", text, strlen(text)),
			 "-I/ctx/lib/net/include -I/ctx/lib/common -I/ctx -I/ctx/gen "
			 "-isystem/ctx/lib/net/third -iquote/ctx/lib/net "
			 "-include/ctx/lib/net/cfg.h");
}

Test(disc, makefile_recipes_that_run_a_compiler_give_flags)
{
	const char *text = "# recipes\n"
			   "\t$(CC) -DBEFORE_ANY_RULE\n"
			   "all: app\n"
			   "app: main.c\n"
			   "\t$(CC) $(CFLAGS) -DR1 -c $< -o $@\n"
			   "\t@gcc -DR2 \\\n"
			   "\t   -Isrc main.c\n"
			   "\techo -DNOT_A_COMPILER\n"
			   "\tcd sub && clang -DR3 -c x.c; /usr/bin/x86_64-linux-gnu-gcc-12 -DR4\n"
			   "lib.o: lib.c ; cc -DR5 -c lib.c\n"
			   "define BLOCK\n"
			   "\tcc -DIN_DEFINE\n"
			   "CFLAGS = -DIN_DEFINE2\n"
			   "endef\n"
			   "ifdef DEBUG\n"
			   "CFLAGS += -DIN_IFDEF\n"
			   "\tcc -DIN_IFDEF2\n"
			   "else\n"
			   "CFLAGS += -DIN_ELSE\n"
			   "endif\n"
			   "CFLAGS = -DVAR\n";
	bh_disc_flags fl;
	bh_disc_make_flags(&fl, arena, "/ctx", "Makefile", text, strlen(text), &diags);
	const char *s = "";
	for (size_t i = 0; i < fl.nargs; i++)
		s = bh_arena_sprintf(arena, "%s%s%s", s, i ? " " : "", fl.args[i]);
	cr_expect_str_eq(s, "-DVAR -DR1 -DR2 -I/ctx/src -DR3 -DR4 -DR5");
	cr_expect_str_eq(fl.origin, "Makefile:5", "the first line that gave a flag");
}

Test(disc, makefile_hostile_input_is_survived)
{
	// Binary: every byte value, NULs included.
	char bin[4096];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (char)(i * 131 + 7);
	cr_expect_str_eq(make_flags_of("Makefile", bin, sizeof(bin)), "");

	// NUL bytes read as blanks.
	static const char nul[] = "CFLAGS = -DA\0-DB\nCPP\0FLAGS = -DC\n";
	cr_expect_str_eq(make_flags_of("Makefile", nul, sizeof(nul) - 1), "-DA -DB");

	// A 1 MB line.
	size_t big = 1u << 20;
	char *line = bh_xmalloc(big + 32);
	memcpy(line, "CFLAGS = -DLONG ", 16);
	memset(line + 16, 'x', big);
	memcpy(line + 16 + big, "\n", 2);
	cr_expect_str_eq(make_flags_of("Makefile", line, strlen(line)), "-DLONG");
	free(line);

	// Unterminated references.
	cr_expect_str_eq(make_flags("CFLAGS = -DA $(B -DC\n"), "-DA");
	cr_expect_str_eq(make_flags("CFLAGS = -DA ${\n"), "-DA");
	cr_expect_str_eq(make_flags("CFLAGS = -DA $"), "-DA");
	cr_expect_str_eq(make_flags("CFLAGS = $((((((((((\n"), "");
	cr_expect_str_eq(make_flags(""), "");
	cr_expect_str_eq(make_flags_of("Makefile", NULL, 0), "");
	cr_expect_eq(diags.items.len, 0, "nothing here reaches a limit");
}

Test(disc, makefile_limits_stop_exponential_expansion)
{
	// A28 would expand to 2^28 words.
	const char *text = "A0 = -DX\n";
	for (int i = 1; i <= 28; i++)
		text = bh_arena_sprintf(arena, "%sA%d = $(A%d) $(A%d)\n", text, i, i - 1, i - 1);
	text = bh_arena_sprintf(arena, "%sCFLAGS = $(A28)\n", text);
	cr_expect_str_eq(make_flags(text), "-DX");
	const bh_diag *d = find_diag("disc.makefile-limit");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_WARNING);
	cr_expect_str_eq(d->loc.path, "Makefile");
}

Test(disc, makefile_limits_bound_the_total_work)
{
	// 300 recipes that each expand a 1 MB value twice: 600 MB of text.
	size_t big = 1u << 20, n = 0;
	char *text = bh_xmalloc(big + 300 * 32 + 64);
	n += (size_t)sprintf(text + n, "V = ");
	memset(text + n, 'x', big);
	n += big;
	n += (size_t)sprintf(text + n, "\nall:\n");
	for (int i = 0; i < 300; i++)
		n += (size_t)sprintf(text + n, "\tcc $(V) $(V) -DR\n");
	cr_expect_str_eq(make_flags_of("Makefile", text, n), "-DR");
	cr_expect_not_null(find_diag("disc.makefile-limit"));
	free(text);
}

Test(disc, makefile_limits_bound_nesting)
{
	// 40 levels of references: the deepest are not expanded.
	const char *text = "A0 = -DX\n";
	for (int i = 1; i <= 40; i++)
		text = bh_arena_sprintf(arena, "%sA%d = $(A%d)\n", text, i, i - 1);
	text = bh_arena_sprintf(arena, "%sCFLAGS = -DTOP $(A40)\n", text);
	cr_expect_str_eq(make_flags(text), "-DTOP");
	cr_expect_not_null(find_diag("disc.makefile-limit"));
}

Test(disc, makefile_limits_bound_the_number_of_variables)
{
	const char *text = "";
	char *buf = bh_xmalloc(10000 * 24 + 32);
	size_t n = 0;
	n += (size_t)sprintf(buf + n, "CFLAGS = -DFIRST\n");
	for (int i = 0; i < 10000; i++)
		n += (size_t)sprintf(buf + n, "V%d = -DV%d\n", i, i);
	text = buf;
	cr_expect_str_eq(make_flags_of("Makefile", text, n), "-DFIRST");
	cr_expect_not_null(find_diag("disc.makefile-limit"));
	free(buf);
}

/* ------------------------------------------------- inferred unit flags */

static const bh_unit *unit_at(const char *path)
{
	for (size_t i = 0; i < units.len; i++)
		if (strcmp(units.items[i].path, path) == 0)
			return &units.items[i];
	cr_assert_fail("no unit %s", path);
	return NULL;
}

// The units of the context with the model of its root Dockerfile.
static void units_with_dockerfile(void)
{
	open_ctx(0, NULL, 0);
	bh_img *img = NULL;
	cr_assert_eq(bh_img_load(&img, arena, ctx, NULL, NULL, NULL, &diags), BH_OK);
	bh_img *const images[] = { img };
	bh_disc_units(&units, arena, ctx, NULL, images, 1, &diags);
}

Test(disc, dockerfile_compiler_lines_map_back_through_copy)
{
	write_file("Dockerfile",
		   "FROM gcc:13 AS build\n"
		   "WORKDIR /work\n"
		   "COPY src/ /work/src/\n"
		   "COPY inc/ /work/headers/\n"
		   "ENV CFLAGS=\"-DENVFLAG -I/usr/include/libxml2\"\n"
		   "RUN cd /work && gcc -DNAMED -Iheaders -I/opt/nothing $CFLAGS \\\n"
		   "    -include headers/cfg.h -std=gnu11 -O2 -c src/a.c -o a.o\n"
		   "COPY lib/ /opt/lib/\n"
		   "RUN cd /opt/lib && $CC -DDIRLEVEL -shared *.o -o libx.so\n");
	write_file("src/a.c", "\n");
	write_file("src/b.c", "\n");
	write_file("inc/cfg.h", "\n");
	write_file("lib/x.c", "\n");
	write_file("lib/sub/y.c", "\n");
	write_file("other/z.c", "\n");
	units_with_dockerfile();
	const char *r = bh_ctx_root(ctx);
	const char *fallback = bh_arena_sprintf(arena, "-I%s -I%s/inc", r, r);

	cr_assert_eq(units.len, 5);
	const bh_unit *a = unit_at("src/a.c");
	cr_expect_eq(a->flags_source, BH_FLAGS_INFERRED);
	cr_expect_str_eq(joined(a),
			 bh_arena_sprintf(arena, "-DNAMED -I%s/inc -DENVFLAG -include%s/inc/cfg.h "
					  "-std=gnu11 %s", r, r, fallback),
			 "container paths mapped, outside paths dropped, fallback last");
	cr_expect_str_eq(a->flags_note, "analysed without compile_commands.json: "
					"flags inferred from Dockerfile:6");
	cr_expect_eq(unit_at("src/b.c")->flags_source, BH_FLAGS_FALLBACK,
		     "a line that names a source applies to that source only");
	cr_expect_null(unit_at("src/b.c")->flags_note);
	for (int i = 0; i < 2; i++) {
		const bh_unit *u = unit_at(i ? "lib/sub/y.c" : "lib/x.c");
		cr_expect_eq(u->flags_source, BH_FLAGS_INFERRED);
		cr_expect_str_eq(joined(u), bh_arena_sprintf(arena, "-DDIRLEVEL %s", fallback),
				 "a line naming no source applies below its directory");
		cr_expect_str_eq(u->flags_note, "analysed without compile_commands.json: "
						"flags inferred from Dockerfile:9");
	}
	cr_expect_eq(unit_at("other/z.c")->flags_source, BH_FLAGS_FALLBACK);
	const bh_diag *d = find_diag("disc.inferred-flags");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_NOTE);
	cr_expect_str_eq(d->message,
			 "no compile_commands.json; 3 C files are parsed with flags "
			 "inferred from Makefiles or Dockerfiles, 2 with fallback flags");
	cr_expect_null(find_diag("disc.no-compdb"));
}

Test(disc, named_line_beats_nearest_makefile_beats_directory_line)
{
	write_file("Dockerfile",
		   "FROM gcc:13\n"
		   "COPY . /src/\n"
		   "WORKDIR /src\n"
		   "RUN gcc -DDOCKER -o app a.c\n"
		   "RUN gcc -DDIRLINE -c $(ls *.c)\n");
	write_file("Makefile", "CFLAGS = -DMAKE\n");
	write_file("a.c", "\n");
	write_file("lib/x.c", "\n");
	write_file("quiet/Makefile", "CFLAGS = -O2 -Wall\nall:\n\t$(CC) $(CFLAGS) q.c\n");
	write_file("quiet/q.c", "\n");
	units_with_dockerfile();
	const char *r = bh_ctx_root(ctx);
	cr_expect_str_eq(joined(unit_at("a.c")), bh_arena_sprintf(arena, "-DDOCKER -I%s", r));
	cr_expect_str_eq(joined(unit_at("lib/x.c")), bh_arena_sprintf(arena, "-DMAKE -I%s", r));
	cr_expect_str_eq(unit_at("lib/x.c")->flags_note,
			 "analysed without compile_commands.json: flags inferred from Makefile:1");
	cr_expect_str_eq(joined(unit_at("quiet/q.c")), bh_arena_sprintf(arena, "-DDIRLINE -I%s", r),
			 "a Makefile without flags hides the one above it");
}

Test(disc, directory_line_applies_where_no_makefile_does)
{
	write_file("Dockerfile",
		   "FROM gcc:13\n"
		   "COPY app /src/app\n"
		   "WORKDIR /src/app\n"
		   "RUN gcc -DDIRLINE -c $(ls *.c)\n");
	write_file("app/a.c", "\n");
	write_file("tools/t.c", "\n");
	units_with_dockerfile();
	cr_expect_eq(unit_at("app/a.c")->flags_source, BH_FLAGS_INFERRED);
	cr_expect_eq(unit_at("tools/t.c")->flags_source, BH_FLAGS_FALLBACK);
}

Test(disc, database_entries_beat_inferred_flags)
{
	write_file("Makefile", "CFLAGS = -DMAKE\n");
	write_file("a.c", "\n");
	write_file("b.c", "\n");
	open_ctx(0, NULL, 0);
	const char *json = bh_arena_sprintf(arena, "[{\"directory\": \"%s\", \"file\": \"a.c\","
					    " \"arguments\": [\"cc\", \"-DDB\", \"a.c\"]}]",
					    bh_ctx_root(ctx));
	bh_compdb *db = NULL;
	cr_assert_eq(bh_compdb_parse(&db, arena, "compile_commands.json", json, strlen(json), ctx,
				     &diags), BH_OK);
	bh_disc_units(&units, arena, ctx, db, NULL, 0, &diags);
	cr_expect_str_eq(joined(unit_at("a.c")), "-DDB");
	cr_expect_eq(unit_at("b.c")->flags_source, BH_FLAGS_INFERRED);
	const bh_diag *d = find_diag("disc.inferred-flags");
	cr_assert_not_null(d);
	cr_expect_str_eq(d->message, "1 of 2 C files have no entry in compile_commands.json; 1 is "
				     "parsed with flags inferred from Makefiles or Dockerfiles, "
				     "0 with fallback flags");
	cr_expect_null(find_diag("disc.no-compdb-entry"));
}

Test(disc, makefile_choice_per_directory_follows_make)
{
	write_file("GNUmakefile", "CFLAGS = -DGNU\n");
	write_file("Makefile", "CFLAGS = -DPLAIN\n");
	write_file("a.c", "\n");
	write_file("mk/rules.mk", "CFLAGS = -DMK\n");
	write_file("mk/b.c", "\n");
	// NUL bytes make it binary, no longer a Makefile: the root one applies.
	cr_assert(bh_test_write(root, "bin/Makefile", "\x01\x02\0CFLAGS=-DBIN\n", 15));
	write_file("bin/c.c", "\n");
	open_ctx(0, NULL, 0);
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	cr_expect_str_eq(joined(unit_at("a.c")), bh_arena_sprintf(arena, "-DGNU -I%s",
								    bh_ctx_root(ctx)));
	cr_expect_str_eq(joined(unit_at("mk/b.c")), bh_arena_sprintf(arena, "-DMK -I%s",
								       bh_ctx_root(ctx)));
	cr_expect_str_eq(unit_at("bin/c.c")->flags_note, "analysed without compile_commands.json: "
							   "flags inferred from GNUmakefile:1");
}

/* ------------------------------------------------------- build recipes */

// The files of the pretend context that bh_make_recipes is shown.
static const char *const *ctx_files;
static size_t nctx_files;
static bh_build_recipes recipes;

static bool in_context(const char *path, void *payload)
{
	(void)payload;
	for (size_t i = 0; i < nctx_files; i++)
		if (strcmp(ctx_files[i], path) == 0)
			return true;
	return false;
}

#define CONTEXT(...)                                                                  \
	do {                                                                          \
		static const char *const files_[] = { __VA_ARGS__ };                  \
		ctx_files = files_;                                                   \
		nctx_files = BH_ARRAY_LEN(files_);                                    \
	} while (0)

static void read_recipes_with(const char *path, const char *text, size_t len,
			      const char *const *overrides, size_t noverrides)
{
	bh_make_recipes(&recipes, arena, path, text, len, overrides, noverrides, ctx_files,
			nctx_files, in_context, NULL, &diags);
}

static void read_recipes(const char *text)
{
	read_recipes_with("Makefile", text, strlen(text), NULL, 0);
}

// The artifact whose path is `path`; fails the test if there is none.
static const bh_build_artifact *artifact(const char *path)
{
	for (size_t i = 0; i < recipes.n; i++)
		if (strcmp(recipes.items[i].path, path) == 0)
			return &recipes.items[i];
	cr_assert_fail("no artifact %s", path);
	return NULL;
}

static bool has_artifact(const char *path)
{
	for (size_t i = 0; i < recipes.n; i++)
		if (strcmp(recipes.items[i].path, path) == 0)
			return true;
	return false;
}

static const char *join_list(const char **items, size_t n)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = bh_arena_sprintf(arena, "%s%s%s", s, i ? " " : "", items[i]);
	return s;
}

static const char *sources_of(const char *path)
{
	const bh_build_artifact *a = artifact(path);
	return join_list(a->sources, a->nsources);
}

static const char *flags_of(const char *path)
{
	const bh_build_artifact *a = artifact(path);
	return join_list(a->flags, a->nflags);
}

Test(disc, recipes_simple_executable_from_its_sources)
{
	CONTEXT("a.c", "b.c", "Makefile");
	read_recipes("app: a.c b.c\n"
		     "\t$(CC) -o $@ $^\n");
	cr_assert_eq(recipes.n, 1);
	const bh_build_artifact *a = &recipes.items[0];
	cr_expect_str_eq(a->name, "app");
	cr_expect_str_eq(a->path, "app");
	cr_expect_eq(a->kind, BH_BUILD_EXECUTABLE);
	cr_expect_str_eq(sources_of("app"), "a.c b.c");
	cr_expect_str_eq(flags_of("app"), "-o");
	cr_expect_eq(a->line, 1);
	cr_expect_null(a->install_path);
	cr_expect_not(a->incomplete);
	cr_expect_str_eq(recipes.file, "Makefile");
	cr_expect_str_eq(recipes.default_goal, "app");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, recipes_objects_from_substitution_and_pattern_rule)
{
	CONTEXT("main.c", "util.c", "util.h");
	read_recipes("CC = gcc\n"
		     "CFLAGS = -O2 -Wall\n"
		     "SRCS = main.c util.c\n"
		     "OBJS = $(SRCS:.c=.o)\n"
		     ".PHONY: all clean\n"
		     "all: server\n"
		     "server: $(OBJS)\n"
		     "\t$(CC) $(LDFLAGS) -o $@ $^ -lpthread\n"
		     "%.o: %.c util.h\n"
		     "\t$(CC) $(CFLAGS) -fstack-protector-strong -c $< -o $@\n"
		     "clean:\n"
		     "\trm -f server $(OBJS)\n");
	cr_assert_eq(recipes.n, 3, "server and its two objects; not all, not clean");
	cr_expect_str_eq(recipes.items[0].path, "server");
	cr_expect_str_eq(recipes.items[1].path, "main.o");
	cr_expect_str_eq(recipes.items[2].path, "util.o");
	cr_expect_str_eq(sources_of("server"), "main.c util.c");
	cr_expect_eq(artifact("server")->line, 7);
	cr_expect_str_eq(sources_of("util.o"), "util.c");
	cr_expect_eq(artifact("util.o")->kind, BH_BUILD_OBJECT);
	cr_expect_eq(artifact("util.o")->line, 9, "the pattern rule builds it");
	cr_expect_str_eq(flags_of("util.o"), "-O2 -Wall -fstack-protector-strong -c -o");
	cr_expect_str_eq(flags_of("server"), "-O2 -Wall -fstack-protector-strong -c -o -lpthread",
			 "the objects' compile flags, then its own link line");
	cr_expect_str_eq(recipes.default_goal, "all");
	cr_expect_not(artifact("server")->incomplete);
}

Test(disc, recipes_implicit_object_rule_needs_the_source)
{
	CONTEXT("main.c", "net.c", "common.h", "tool.c");
	read_recipes("CFLAGS = -DNDEBUG\n"
		     "OBJS = main.o net.o\n"
		     "quotesvc: $(OBJS)\n"
		     "\t$(CC) -o quotesvc $(OBJS)\n"
		     "main.o: main.c common.h\n"
		     "tool: tool.o ghost.o\n");
	cr_expect_str_eq(sources_of("quotesvc"), "main.c net.c");
	cr_expect_str_eq(sources_of("main.o"), "main.c");
	cr_expect_str_eq(flags_of("main.o"), "-DNDEBUG -c -o", "make's COMPILE.c");
	cr_expect_eq(artifact("main.o")->line, 5);
	cr_expect_eq(artifact("net.o")->line, 3, "the rule that needs it");
	cr_expect_str_eq(sources_of("tool"), "tool.c", "tool from tool.o by make's link rule");
	cr_expect_eq(artifact("tool")->kind, BH_BUILD_EXECUTABLE);
	cr_expect_not(has_artifact("ghost.o"), "no ghost.c: nothing makes it");
	cr_expect_eq(recipes.n, 5);
}

Test(disc, recipes_wildcard_matches_the_context_files)
{
	CONTEXT("src/b.c", "src/a.c", "src/a.h", "src/sub/c.c", "lib/d.c", "main.c",
		"src/test_a.c");
	read_recipes("SRCS := $(filter-out src/test_%.c,$(wildcard src/*.c))\n"
		     "app: $(SRCS) $(wildcard main.c missing.c)\n"
		     "\t$(CC) -o $@ $^\n"
		     "tests: $(wildcard ./src/test_*.c)\n"
		     "\tcc -o $@ $^\n"
		     "all: ; cc -o bin/glob src/*.c\n");
	cr_expect_str_eq(sources_of("app"), "src/a.c src/b.c main.c",
			 "sorted, one directory deep, filtered; a plain name if it exists");
	cr_expect_str_eq(sources_of("tests"), "src/test_a.c");
	cr_expect_str_eq(sources_of("bin/glob"), "src/a.c src/b.c src/test_a.c",
			 "a shell glob on a compiler line");
	cr_expect_not(artifact("app")->incomplete);

	// Without the file list a glob is unknown.
	const char *text = "app: $(wildcard src/*.c) main.c\n\t$(CC) -o $@ $^\n";
	bh_make_recipes(&recipes, arena, "Makefile", text, strlen(text), NULL, 0, NULL, 0, NULL,
			NULL, &diags);
	cr_expect_str_eq(sources_of("app"), "main.c");
	cr_expect(artifact("app")->incomplete);
}

Test(disc, recipes_text_functions)
{
	CONTEXT("src/a.c", "src/b.c", "z.c");
	read_recipes("SRCS = src/a.c src/b.c\n"
		     "OBJS = $(patsubst src/%.c,build/%.o,$(SRCS))\n"
		     "app: $(OBJS)\n"
		     "\t$(CC) -o $@ $^\n"
		     "build/%.o: src/%.c\n"
		     "\t$(CC) -c -o $@ $<\n"
		     "NAMES = $(sort z a z)\n"
		     "two: $(addsuffix .c,$(firstword $(NAMES)) $(lastword $(NAMES)))\n"
		     "\tcc -o $@ $(filter %.c,$^)\n"
		     "three: $(addprefix src/,$(notdir $(basename x/a.c.o) b.c))\n"
		     "\tcc -o $@ $^\n"
		     "four: $(subst .x,.c,$(strip   src/a.x   ))$(suffix q)\n"
		     "\tcc -o $@ $^\n");
	cr_expect_str_eq(sources_of("app"), "src/a.c src/b.c");
	cr_expect_str_eq(artifact("build/a.o")->name, "build/a.o");
	cr_expect_str_eq(sources_of("build/b.o"), "src/b.c");
	cr_expect_str_eq(sources_of("two"), "z.c", "a.c does not exist");
	cr_expect_str_eq(sources_of("three"), "src/a.c src/b.c");
	cr_expect_str_eq(sources_of("four"), "src/a.c");
	for (size_t i = 0; i < recipes.n; i++)
		cr_expect_not(recipes.items[i].incomplete, "%s", recipes.items[i].path);
}

Test(disc, recipes_static_library_linked_into_an_executable)
{
	CONTEXT("main.c", "quote.c", "store.c", "z.c");
	read_recipes("LIBOBJS = quote.o store.o\n"
		     "server: main.o libquote.a\n"
		     "\t$(CC) -o $@ main.o -L. -lquote\n"
		     "libquote.a: $(LIBOBJS)\n"
		     "\t$(AR) rcs $@ $^\n"
		     "libz.a:\n"
		     "\tar rcs libz.a z.o\n"
		     "zed: zed.c libz.a\n");
	cr_expect_eq(artifact("libquote.a")->kind, BH_BUILD_STATIC_LIB);
	cr_expect_str_eq(sources_of("libquote.a"), "quote.c store.c");
	cr_expect_str_eq(sources_of("server"), "main.c quote.c store.c");
	cr_expect_str_eq(sources_of("libz.a"), "z.c", "the members of an ar line");
	cr_expect_eq(artifact("zed")->kind, BH_BUILD_EXECUTABLE);
	cr_expect_str_eq(sources_of("zed"), "z.c", "zed.c does not exist");
}

Test(disc, recipes_two_executables_share_a_source)
{
	CONTEXT("main.c", "quote.c", "test_quote.c");
	read_recipes("all: quotesvc test_quote\n"
		     "quotesvc: main.o quote.o\n"
		     "\t$(CC) -o $@ $^\n"
		     "test_quote: test_quote.o quote.o\n"
		     "\t$(CC) -o $@ $^\n");
	cr_expect_str_eq(sources_of("quotesvc"), "main.c quote.c");
	cr_expect_str_eq(sources_of("test_quote"), "test_quote.c quote.c");
	cr_expect_str_eq(recipes.default_goal, "all");
	cr_expect_not(has_artifact("all"));
}

static const char install_makefile[] =
	"PREFIX ?= /usr/local\n"
	"BINDIR = $(PREFIX)/bin\n"
	"quotesvc: main.c\n"
	"\t$(CC) -o $@ $<\n"
	"install: quotesvc\n"
	"\tinstall -d $(DESTDIR)$(BINDIR)\n"
	"\tinstall -m 0755 quotesvc $(DESTDIR)$(BINDIR)\n";

Test(disc, recipes_install_path_follows_prefix_and_destdir)
{
	CONTEXT("main.c");
	read_recipes(install_makefile);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/usr/local/bin/quotesvc");

	static const char *const opt[] = { "PREFIX=/opt" };
	read_recipes_with("Makefile", install_makefile, strlen(install_makefile), opt, 1);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/opt/bin/quotesvc");

	static const char *const dest[] = { "PREFIX=/usr", "DESTDIR=/x/" };
	read_recipes_with("Makefile", install_makefile, strlen(install_makefile), dest, 2);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/x/usr/bin/quotesvc");

	const char *fixed = "override PREFIX = /fixed\nPREFIX += /more\n";
	fixed = bh_arena_sprintf(arena, "%s%s", fixed, install_makefile);
	read_recipes_with("Makefile", fixed, strlen(fixed), opt, 1);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/fixed/bin/quotesvc",
			 "override beats the command line; a plain += does not change it");

	const char *plain = "PREFIX = /usr/local\nBINDIR = $(PREFIX)/sbin\n"
			    "app: main.c\n\tcc -o app main.c\n"
			    "install:\n\tcp app $(DESTDIR)$(BINDIR)\n";
	read_recipes_with("Makefile", plain, strlen(plain), opt, 1);
	cr_expect_str_eq(artifact("app")->install_path, "/opt/sbin/app",
			 "the command line beats a plain assignment");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, recipes_install_destinations)
{
	CONTEXT("h.c", "t.c", "r.c", "a.c", "b.c", "s.c", "m.c");
	read_recipes("all: helper tool renamed a b libs.so made\n"
		     "helper: h.c ; cc -o $@ $^\n"
		     "tool: t.c ; cc -o $@ $^\n"
		     "renamed: r.c ; cc -o $@ $^\n"
		     "a: a.c ; cc -o $@ $^\n"
		     "b: b.c ; cc -o $@ $^\n"
		     "libs.so: s.c ; cc -shared -fPIC -o $@ $^\n"
		     "made: m.c ; cc -o $@ $^\n"
		     "install: all\n"
		     "\tinstall -t $(DESTDIR)/usr/libexec/app -m 755 helper\n"
		     "\tcp tool /opt/tool\n"
		     "\tinstall -Dm755 renamed /usr/share/x/other-name\n"
		     "\tinstall a b /opt/multi\n"
		     "\tmkdir -p /srv/app && cp libs.so /srv/app\n"
		     "\tcd sub && install made /nowhere/\n"
		     "install-more:\n"
		     "\tinstall -T made /srv/made-more\n");
	cr_expect_str_eq(artifact("helper")->install_path, "/usr/libexec/app/helper");
	cr_expect_str_eq(artifact("tool")->install_path, "/opt/tool");
	cr_expect_str_eq(artifact("renamed")->install_path, "/usr/share/x/other-name");
	cr_expect_str_eq(artifact("a")->install_path, "/opt/multi/a");
	cr_expect_str_eq(artifact("b")->install_path, "/opt/multi/b");
	cr_expect_eq(artifact("libs.so")->kind, BH_BUILD_SHARED_LIB);
	cr_expect_str_eq(artifact("libs.so")->install_path, "/srv/app/libs.so");
	cr_expect_str_eq(artifact("made")->install_path, "/srv/made-more",
			 "sub/made is not made: the next copy of made counts");
}

Test(disc, recipes_unknown_functions_mark_incomplete_and_invent_nothing)
{
	CONTEXT("a.c", "extra.c", "src/t.c");
	read_recipes("SRCS = $(shell find . -name '*.c')\n"
		     "OBJS = $(SRCS:.c=.o)\n"
		     "app: $(OBJS) extra.c\n"
		     "\t$(CC) -o $@ $^\n"
		     "tool: $(foreach d,src,$(d)/t.c)\n"
		     "\t$(CC) -o $@ $^ $(call libs,x)\n"
		     "LIBS != pkg-config --libs x\n"
		     "plain: a.c\n"
		     "\t$(CC) -o $@ $^ $(LIBS)\n"
		     "fine: a.c\n"
		     "\t$(CC) -o $@ $^\n");
	cr_expect(artifact("app")->incomplete);
	cr_expect_str_eq(sources_of("app"), "extra.c");
	cr_expect(artifact("tool")->incomplete);
	cr_expect_str_eq(sources_of("tool"), "");
	cr_expect(artifact("plain")->incomplete, "!= is unknown");
	cr_expect_str_eq(sources_of("plain"), "a.c");
	cr_expect_not(artifact("fine")->incomplete);
	cr_expect_eq(recipes.n, 4, "no object is made up from the unknown list");
}

Test(disc, recipes_of_a_makefile_in_a_subdirectory)
{
	CONTEXT("svc/src/main.c", "svc/src/io.c", "common/log.c", "outside.c");
	const char *text = "bin/app: src/main.o ../common/log.c ../../outside.c\n"
			   "\t$(CC) -o $@ $^\n"
			   "install: bin/app\n"
			   "\tinstall -m 755 bin/app /usr/bin/\n"
			   "lib: ; cd src && $(CC) -c io.c && ar rcs ../libio.a io.o\n";
	read_recipes_with("svc/Makefile", text, strlen(text), NULL, 0);
	cr_expect_str_eq(recipes.file, "svc/Makefile");
	cr_expect_str_eq(artifact("bin/app")->name, "bin/app");
	cr_expect_str_eq(sources_of("bin/app"), "svc/src/main.c common/log.c",
			 "context-relative; a path leaving the context is dropped");
	cr_expect_str_eq(sources_of("src/main.o"), "svc/src/main.c");
	cr_expect_str_eq(artifact("bin/app")->install_path, "/usr/bin/app");
	cr_expect_str_eq(sources_of("src/io.o"), "svc/src/io.c", "cd moves the recipe line");
	cr_expect_str_eq(sources_of("libio.a"), "svc/src/io.c");
}

Test(disc, recipes_rule_forms)
{
	CONTEXT("a.c", "b.c", "c.c", "d.c", "e.c", "lib/f.c");
	read_recipes(".SUFFIXES: .c .o\n"
		     ".c.o:\n"
		     "\t$(CC) -DSUFFIX -c $<\n"
		     "first second: a.o\n"
		     "\t$(CC) -o $@ $<\n"
		     "OBJS = b.o c.o\n"
		     "$(OBJS): %.o: %.c\n"
		     "\t$(CC) -DSTATIC -c $< -o $@\n"
		     "multi:: b.o\n"
		     "\t$(CC) -o $@ b.o\n"
		     "multi:: c.o\n"
		     "\t$(CC) -o $@ c.o\n"
		     "ifdef WITH_D\n"
		     "dee: d.c\n"
		     "\t$(CC) -o $@ $<\n"
		     "else\n"
		     "CFLAGS += -DNOT_TAKEN\n"
		     "endif\n"
		     "app: CFLAGS += -DTARGET_SPECIFIC\n"
		     "eee: e.c | objdir\n"
		     "\t$(CC) -o $(@D)/$(@F) $^ $|\n"
		     "lib/f: lib/f.c\n"
		     "\t$(CC) -o $@ $< && echo $(<F) $*\n");
	cr_expect_str_eq(recipes.default_goal, "first");
	cr_expect_str_eq(sources_of("first"), "a.c");
	cr_expect_str_eq(sources_of("second"), "a.c");
	cr_expect_str_eq(flags_of("a.o"), "-DSUFFIX -c", "a suffix rule");
	cr_expect_str_eq(flags_of("b.o"), "-DSTATIC -c -o", "a static pattern rule");
	cr_expect_str_eq(sources_of("multi"), "b.c c.c", "double-colon recipes all run");
	cr_expect_str_eq(sources_of("dee"), "d.c", "rules inside conditionals are kept");
	cr_expect_str_eq(sources_of("eee"), "e.c", "order-only prerequisites are not inputs");
	cr_expect_str_eq(sources_of("lib/f"), "lib/f.c");
	cr_expect_not(has_artifact("app"), "a target-specific variable makes nothing");
	for (size_t i = 0; i < recipes.n; i++)
		for (size_t k = 0; k < recipes.items[i].nflags; k++)
			cr_expect(strcmp(recipes.items[i].flags[k], "-DNOT_TAKEN"),
				  "assignments inside conditionals are skipped");
}

Test(disc, recipes_conditional_only_variable_marks_incomplete)
{
	CONTEXT("main.c", "win.c");
	read_recipes("ifeq ($(OS),Windows_NT)\n"
		     "EXTRA = win.c\n"
		     "endif\n"
		     "app: main.c $(EXTRA)\n"
		     "\t$(CC) -o $@ $^\n");
	cr_expect_str_eq(sources_of("app"), "main.c");
	cr_expect(artifact("app")->incomplete, "EXTRA has a value in some configuration");
}

Test(disc, recipes_hostile_input_is_survived, .timeout = 20)
{
	CONTEXT("a.c", "b.c");
	// NUL bytes read as blanks.
	static const char nul[] = "app: a.c\0b.c\n\t$(CC) -o $@ $^\n";
	read_recipes_with("Makefile", nul, sizeof(nul) - 1, NULL, 0);
	cr_expect_str_eq(sources_of("app"), "a.c b.c");

	// Binary: every byte value.
	char bin[4096];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (char)(i * 131 + 7);
	read_recipes_with("Makefile", bin, sizeof(bin), NULL, 0);

	// A 1 MB line.
	size_t big = 1u << 20;
	char *line = bh_xmalloc(big + 64);
	size_t n = (size_t)sprintf(line, "app: a.c ");
	memset(line + n, 'x', big);
	n += big;
	n += (size_t)sprintf(line + n, "\n\t$(CC) -o $@ $^\n");
	read_recipes_with("Makefile", line, n, NULL, 0);
	cr_expect_str_eq(sources_of("app"), "a.c");
	free(line);

	// A self-reference expands once.
	read_recipes("A = $(A)$(A) a.c\napp: $(A)\n\t$(CC) -o $@ $^\n");
	cr_expect_str_eq(sources_of("app"), "a.c");
	cr_expect(artifact("app")->incomplete);

	// Unterminated references, empty and NULL text.
	read_recipes("app: a.c $(B\n\t$(CC) -o $@ ${\n");
	read_recipes("");
	cr_expect_eq(recipes.n, 0);
	cr_expect_null(recipes.default_goal);
	read_recipes_with("Makefile", NULL, 0, NULL, 0);
	cr_expect_eq(recipes.n, 0);
	cr_expect_null(recipes.items);
	cr_expect_eq(diags.items.len, 0, "nothing here reaches a limit");
}

Test(disc, recipes_ten_thousand_rules, .timeout = 20)
{
	char *text = bh_xmalloc(10000 * 48 + 1);
	size_t n = 0;
	for (int i = 0; i < 10000; i++)
		n += (size_t)sprintf(text + n, "t%d: t%d.c\n\t$(CC) -o $@ $<\n", i, i);
	bh_make_recipes(&recipes, arena, "Makefile", text, n, NULL, 0, NULL, 0, NULL, NULL,
			&diags);
	free(text);
	cr_assert_eq(recipes.n, 10000);
	cr_expect_str_eq(recipes.items[9999].path, "t9999");
	cr_expect_str_eq(join_list(recipes.items[9999].sources, recipes.items[9999].nsources),
			 "t9999.c", "with no way to check, every .c is taken");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, recipes_limits_give_one_warning, .timeout = 20)
{
	// 2^28 words, a library chain deeper than it may be followed, and
	// more rules than are kept.
	const char *text = "A0 = a.c\n";
	for (int i = 1; i <= 28; i++)
		text = bh_arena_sprintf(arena, "%sA%d = $(A%d) $(A%d)\n", text, i, i - 1, i - 1);
	text = bh_arena_sprintf(arena, "%sapp: $(A28)\n\t$(CC) -o $@ $^\n", text);
	CONTEXT("a.c");
	read_recipes(text);
	cr_expect_str_eq(sources_of("app"), "a.c");
	const bh_diag *d = find_diag("disc.makefile-limit");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_WARNING);
	cr_expect_str_eq(d->loc.path, "Makefile");

	char *chain = bh_xmalloc(300 * 64 + 64);
	size_t n = (size_t)sprintf(chain, "app: l0.a\n\t$(CC) -o $@ $^\n");
	for (int i = 0; i < 300; i++)
		n += (size_t)sprintf(chain + n, "l%d.a: l%d.a\n\tar rcs $@ $^\n", i, i + 1);
	n += (size_t)sprintf(chain + n, "l300.a: a.o\n\tar rcs $@ $^\n");
	size_t before = diags.items.len;
	read_recipes_with("chain/Makefile", chain, n, NULL, 0);
	free(chain);
	cr_expect(artifact("app")->incomplete, "the chain was cut");
	cr_expect_eq(diags.items.len, before + 1);
	cr_expect_str_eq(diags.items.items[before].loc.path, "chain/Makefile");

	size_t many = 20000;
	char *rules = bh_xmalloc(many * 24 + 1);
	n = 0;
	for (size_t i = 0; i < many; i++)
		n += (size_t)sprintf(rules + n, "r%zu: r%zu.c\n", i, i);
	read_recipes_with("many/Makefile", rules, n, NULL, 0);
	free(rules);
	cr_expect_eq(recipes.n, 16384, "the rules kept");
	cr_expect_eq(diags.items.len, before + 2);
	cr_expect_str_eq(diags.items.items[before + 1].code, "disc.makefile-limit");
}

/* ------------------------------------------- CMake and meson build recipes */

// The other files of the pretend context, by path, that `read` hands over.
static const char *const *ctx_texts; // pairs: path, text
static size_t nctx_texts;

static bool read_ctx(const char *ctx_path, const char **text, size_t *len, void *payload)
{
	(void)payload;
	for (size_t i = 0; i + 1 < nctx_texts; i += 2) {
		if (strcmp(ctx_texts[i], ctx_path) == 0) {
			*text = ctx_texts[i + 1];
			*len = strlen(ctx_texts[i + 1]);
			return true;
		}
	}
	return false;
}

#define TEXTS(...)                                                                    \
	do {                                                                          \
		static const char *const texts_[] = { __VA_ARGS__ };                  \
		ctx_texts = texts_;                                                   \
		nctx_texts = BH_ARRAY_LEN(texts_);                                    \
	} while (0)

// Diagnostics start over (an equal diagnostic is only added once).
static void reset_diags(void)
{
	bh_diags_dispose(&diags);
	bh_diags_init(&diags, arena);
}

static void read_cmake_with(const char *text, const char *const *defines, size_t ndefines)
{
	bh_cmake_recipes(&recipes, arena, "CMakeLists.txt", text, strlen(text), defines, ndefines,
			 ctx_files, nctx_files, read_ctx, NULL, &diags);
}

static void read_cmake(const char *text)
{
	read_cmake_with(text, NULL, 0);
}

static void read_meson_with(const char *text, const char *const *options, size_t noptions)
{
	bh_meson_recipes(&recipes, arena, "meson.build", text, strlen(text), options, noptions,
			 ctx_files, nctx_files, read_ctx, NULL, &diags);
}

static void read_meson(const char *text)
{
	read_meson_with(text, NULL, 0);
}

Test(disc, cmake_executable_installed_under_the_prefix)
{
	CONTEXT("main.c", "util.c", "util.h", "CMakeLists.txt");
	static const char text[] = "cmake_minimum_required(VERSION 3.16)\n"
				   "project(quotesvc C)\n"
				   "add_executable(quotesvc main.c util.c util.h)\n"
				   "install(TARGETS quotesvc DESTINATION bin)\n";
	read_cmake(text);
	cr_assert_eq(recipes.n, 1);
	const bh_build_artifact *a = &recipes.items[0];
	cr_expect_str_eq(a->name, "quotesvc");
	cr_expect_str_eq(a->path, "quotesvc");
	cr_expect_eq(a->kind, BH_BUILD_EXECUTABLE);
	cr_expect_str_eq(sources_of("quotesvc"), "main.c util.c", "headers are not sources");
	cr_expect_str_eq(a->install_path, "/usr/local/bin/quotesvc");
	cr_expect_eq(a->line, 3);
	cr_expect_not(a->incomplete);
	cr_expect_str_eq(recipes.file, "CMakeLists.txt");
	cr_expect_null(recipes.default_goal);
	cr_expect_eq(diags.items.len, 0);

	static const char *const defines[] = { "-DCMAKE_BUILD_TYPE=Release", "-D",
					       "CMAKE_INSTALL_PREFIX:PATH=/opt/svc" };
	read_cmake_with(text, defines, 3);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/opt/svc/bin/quotesvc");
	static const char *const joined_define[] = { "-DCMAKE_INSTALL_PREFIX=/srv/" };
	read_cmake_with(text, joined_define, 1);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/srv/bin/quotesvc");
}

Test(disc, cmake_sources_from_variables_lists_and_globs)
{
	CONTEXT("src/main.c", "src/net.c", "src/net.h", "src/extra/x.c", "README.md");
	read_cmake("set(CORE src/main.c)\n"
		   "list(APPEND CORE \"src/net.c\")\n"
		   "file(GLOB HEADERS src/*.h)\n"
		   "file(GLOB_RECURSE ALL_C ${CMAKE_CURRENT_SOURCE_DIR}/src/*.c)\n"
		   "add_executable(app ${CORE} ${HEADERS} src/missing.c)\n"
		   "add_executable(every ${ALL_C})\n"
		   "set_target_properties(every PROPERTIES OUTPUT_NAME all-in-one\n"
		   "                      RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)\n"
		   "add_executable(tool [[src/main.c]] # a comment ( )\n"
		   "  #[[ a bracket comment\n ) ]] src/net.c)\n");
	cr_expect_str_eq(sources_of("app"), "src/main.c src/net.c", "nothing that does not exist");
	cr_expect_not(artifact("app")->incomplete);
	cr_expect_str_eq(sources_of("bin/all-in-one"), "src/extra/x.c src/main.c src/net.c");
	cr_expect_str_eq(artifact("bin/all-in-one")->name, "every");
	cr_expect_str_eq(sources_of("tool"), "src/main.c src/net.c");
	cr_expect_eq(artifact("tool")->line, 9);
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, cmake_static_library_gives_its_sources_to_the_executable)
{
	CONTEXT("lib/a.c", "lib/b.c", "main.c", "plugin.c");
	read_cmake("add_library(core STATIC lib/a.c)\n"
		   "target_sources(core PRIVATE lib/b.c)\n"
		   "target_compile_definitions(core PRIVATE CORE_BUILD HAVE_X=1)\n"
		   "add_library(objs OBJECT main.c)\n"
		   "add_executable(app $<TARGET_OBJECTS:objs>)\n"
		   "target_link_libraries(app PRIVATE core m pthread -Wl,-z,now)\n"
		   "add_library(plug SHARED plugin.c)\n"
		   "target_link_libraries(plug PRIVATE core)\n"
		   "install(TARGETS app plug core RUNTIME DESTINATION sbin\n"
		   "        LIBRARY DESTINATION /usr/lib/svc)\n");
	cr_assert_eq(recipes.n, 3, "the object library is no artifact");
	cr_expect_str_eq(sources_of("app"), "main.c lib/a.c lib/b.c");
	cr_expect_str_eq(flags_of("app"), "-DCORE_BUILD -DHAVE_X=1 -Wl,-z,now");
	cr_expect_str_eq(artifact("app")->install_path, "/usr/local/sbin/app");
	cr_expect_eq(artifact("libcore.a")->kind, BH_BUILD_STATIC_LIB);
	cr_expect_str_eq(artifact("libcore.a")->install_path, "/usr/local/lib/libcore.a");
	cr_expect_eq(artifact("libplug.so")->kind, BH_BUILD_SHARED_LIB);
	cr_expect_str_eq(sources_of("libplug.so"), "plugin.c lib/a.c lib/b.c");
	cr_expect_str_eq(artifact("libplug.so")->install_path, "/usr/lib/svc/libplug.so");
	cr_expect_not(artifact("app")->incomplete);
}

Test(disc, cmake_shared_library_and_build_shared_libs)
{
	CONTEXT("foo.c", "main.c");
	static const char text[] = "include(GNUInstallDirs)\n"
				   "add_library(foo foo.c)\n"
				   "add_executable(main main.c)\n"
				   "target_link_libraries(main foo)\n"
				   "install(TARGETS foo main)\n";
	read_cmake(text);
	cr_expect_eq(artifact("libfoo.a")->kind, BH_BUILD_STATIC_LIB);
	cr_expect_str_eq(sources_of("main"), "main.c foo.c");
	cr_expect_str_eq(artifact("main")->install_path, "/usr/local/bin/main");
	static const char *const defines[] = { "-DBUILD_SHARED_LIBS=ON",
					       "-DCMAKE_INSTALL_LIBDIR=lib64" };
	read_cmake_with(text, defines, 2);
	cr_expect_eq(artifact("libfoo.so")->kind, BH_BUILD_SHARED_LIB);
	cr_expect_str_eq(artifact("libfoo.so")->install_path, "/usr/local/lib64/libfoo.so");
	cr_expect_str_eq(sources_of("main"), "main.c", "a shared library keeps its sources");
}

Test(disc, cmake_subdirectories_use_their_own_paths)
{
	CONTEXT("CMakeLists.txt", "src/CMakeLists.txt", "src/main.c", "lib/CMakeLists.txt",
		"lib/util.c");
	TEXTS("src/CMakeLists.txt",
	      "add_executable(server main.c ${PROJECT_SOURCE_DIR}/lib/util.c)\n"
	      "target_link_libraries(server PRIVATE util)\n"
	      "install(TARGETS server DESTINATION ${CMAKE_INSTALL_BINDIR})\n",
	      "lib/CMakeLists.txt",
	      "set(LIBSRC util.c)\n"
	      "add_library(util STATIC ${LIBSRC})\n"
	      "set(FROM_LIB yes PARENT_SCOPE)\n");
	read_cmake("project(p)\n"
		   "include(GNUInstallDirs)\n"
		   "add_subdirectory(lib)\n"
		   "add_subdirectory(src)\n"
		   "add_executable(top ${LIBSRC} ${FROM_LIB}.c)\n");
	cr_expect_str_eq(sources_of("src/server"), "src/main.c lib/util.c");
	cr_expect_str_eq(artifact("src/server")->install_path, "/usr/local/bin/server");
	cr_expect_eq(artifact("src/server")->line, 1);
	cr_expect_str_eq(sources_of("lib/libutil.a"), "lib/util.c");
	cr_expect_str_eq(sources_of("top"), "", "LIBSRC is the subdirectory's; yes.c does not exist");
	cr_expect(artifact("top")->incomplete, "LIBSRC was never set here");
	cr_expect_eq(diags.items.len, 0);

	// Without `read`, a library of a subdirectory is not known.
	static const char top[] = "add_subdirectory(lib)\n"
				  "add_executable(app main.c)\ntarget_link_libraries(app util m)\n";
	bh_cmake_recipes(&recipes, arena, "CMakeLists.txt", top, sizeof(top) - 1, NULL, 0, NULL, 0,
			 NULL, NULL, &diags);
	cr_expect_str_eq(sources_of("app"), "main.c", "without files every .c is taken");
	cr_expect(artifact("app")->incomplete);
}

Test(disc, cmake_compile_options_become_flags)
{
	CONTEXT("main.c");
	read_cmake("set(CMAKE_C_FLAGS \"${CMAKE_C_FLAGS} -O2 -g\")\n"
		   "add_compile_options(-Wall -Wall)\n"
		   "add_definitions(-DGLOBAL)\n"
		   "add_compile_definitions(NDEBUG)\n"
		   "add_executable(app main.c)\n"
		   "target_compile_options(app PRIVATE -fstack-protector-strong\n"
		   "  $<$<CONFIG:Debug>:-O0> INTERFACE -fPIC)\n"
		   "target_link_options(app PRIVATE -pie)\n");
	cr_expect_str_eq(flags_of("app"),
			 "-O2 -g -Wall -DGLOBAL -DNDEBUG -fstack-protector-strong -pie");
	cr_expect_not(artifact("app")->incomplete, "an unknown flag is only dropped");
}

Test(disc, cmake_branches_keep_targets_and_taint_their_variables)
{
	CONTEXT("main.c", "win.c", "posix.c", "extra.c");
	read_cmake("set(SRCS main.c)\n"
		   "if(WIN32)\n"
		   "  list(APPEND SRCS win.c)\n"
		   "  add_compile_options(-DWINDOWS)\n"
		   "elseif(UNIX)\n"
		   "  set(PLATFORM posix.c)\n"
		   "  add_executable(helper extra.c)\n"
		   "else()\n"
		   "endif()\n"
		   "add_executable(app ${SRCS} ${PLATFORM})\n"
		   "add_executable(plain main.c)\n");
	cr_expect_str_eq(sources_of("app"), "main.c", "no branch's assignment is taken");
	cr_expect(artifact("app")->incomplete);
	cr_expect_str_eq(sources_of("helper"), "extra.c", "a target of a branch is kept");
	cr_expect_eq(artifact("helper")->line, 7);
	cr_expect_not(artifact("helper")->incomplete);
	cr_expect_str_eq(flags_of("plain"), "", "flag commands of a branch are skipped");
	cr_expect_not(artifact("plain")->incomplete);
}

Test(disc, cmake_unknowns_mark_incomplete_and_invent_nothing)
{
	CONTEXT("main.c", "a.c", "gen.c");
	read_cmake("function(collect out)\n"
		   "  set(${out} a.c PARENT_SCOPE)\n"
		   "endfunction()\n"
		   "set(S main.c)\n"
		   "collect(S)\n"
		   "foreach(f a b)\n"
		   "  list(APPEND LOOPED ${f}.c)\n"
		   "endforeach()\n"
		   "add_executable(app ${S})\n"
		   "add_executable(genex main.c $<$<BOOL:${X}>:a.c>)\n"
		   "add_executable(env $ENV{SRC} main.c)\n"
		   "add_executable(looped ${LOOPED})\n"
		   "add_executable(built ${CMAKE_CURRENT_BINARY_DIR}/gen.c)\n"
		   "my_add_program(ghost main.c)\n"
		   "string(REPLACE main a S2 \"${S}\")\n"
		   "add_executable(computed ${S2})\n");
	cr_expect_str_eq(sources_of("app"), "main.c");
	cr_expect(artifact("app")->incomplete, "collect() may have set S");
	cr_expect_str_eq(sources_of("genex"), "main.c");
	cr_expect(artifact("genex")->incomplete);
	cr_expect_str_eq(sources_of("env"), "main.c");
	cr_expect(artifact("env")->incomplete);
	cr_expect_str_eq(sources_of("looped"), "");
	cr_expect(artifact("looped")->incomplete);
	cr_expect_str_eq(sources_of("built"), "", "gen.c of the build tree is not the context's");
	cr_expect(artifact("built")->incomplete);
	cr_expect_str_eq(sources_of("computed"), "");
	cr_expect(artifact("computed")->incomplete);
	cr_expect_not(has_artifact("ghost"), "an unknown function declares nothing we know");
	cr_expect_eq(recipes.n, 6);
}

Test(disc, cmake_hostile_input_is_survived, .timeout = 20)
{
	CONTEXT("a.c", "b.c");
	static const char nul[] = "add_executable(app a.c\0b.c)\n";
	bh_cmake_recipes(&recipes, arena, "CMakeLists.txt", nul, sizeof(nul) - 1, NULL, 0,
			 ctx_files, nctx_files, NULL, NULL, &diags);
	cr_expect_str_eq(sources_of("app"), "a.c b.c", "a NUL byte reads as a blank");

	read_cmake("add_executable(app a.c)\nadd_executable(x [==[ never closed ]=]\n");
	cr_expect_eq(recipes.n, 1, "an unterminated bracket ends the file");
	read_cmake("add_executable(app a.c)\nadd_executable(x \"never closed\n");
	cr_expect_eq(recipes.n, 1);
	read_cmake("add_executable(app a.c ${A ${B}} ${}\nadd_executable(y b.c)");
	read_cmake("");
	cr_expect_eq(recipes.n, 0);
	cr_expect_null(recipes.items);
	bh_cmake_recipes(&recipes, arena, NULL, NULL, 0, NULL, 0, NULL, 0, NULL, NULL, &diags);
	cr_expect_eq(recipes.n, 0);

	char bin[4096];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (char)(i * 131 + 7);
	bh_cmake_recipes(&recipes, arena, "CMakeLists.txt", bin, sizeof(bin), NULL, 0, NULL, 0,
			 NULL, NULL, &diags);

	size_t big = 1u << 20;
	char *line = bh_xmalloc(big + 256);
	size_t n = (size_t)sprintf(line, "add_executable(app a.c ");
	memset(line + n, 'x', big);
	n += big;
	n += (size_t)sprintf(line + n, ")\n#");
	memset(line + n, '(', 64);
	n += 64;
	bh_cmake_recipes(&recipes, arena, "CMakeLists.txt", line, n, NULL, 0, ctx_files,
			 nctx_files, NULL, NULL, &diags);
	cr_expect_str_eq(sources_of("app"), "a.c");
	free(line);

	read_cmake("set(A \"${A}${A}\")\nadd_executable(app a.c ${A_${A}})\n");
	cr_expect_str_eq(sources_of("app"), "a.c");
	cr_expect(artifact("app")->incomplete, "A_ was never set");
	cr_expect_eq(diags.items.len, 0, "nothing here reaches a limit");
}

Test(disc, cmake_limits_give_one_warning, .timeout = 20)
{
	CONTEXT("a.c");
	// A subdirectory that adds itself, through `read`.
	TEXTS("loop/CMakeLists.txt", "add_executable(inner ../a.c)\nadd_subdirectory(.)\n");
	read_cmake("add_subdirectory(loop)\n");
	cr_expect_str_eq(sources_of("loop/inner"), "a.c");
	const bh_diag *d = find_diag("disc.cmake-limit");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_WARNING);
	cr_expect_str_eq(d->loc.path, "CMakeLists.txt");
	cr_expect_eq(diags.items.len, 1);

	// A value doubled 40 times.
	reset_diags();
	const char *text = "set(A a.c)\n";
	for (int i = 0; i < 40; i++)
		text = bh_arena_sprintf(arena, "%sset(A ${A} ${A})\n", text);
	text = bh_arena_sprintf(arena, "%sadd_executable(app ${A})\n", text);
	read_cmake(text);
	cr_expect(artifact("app")->incomplete);
	cr_expect_eq(diags.items.len, 1);
	cr_expect_not_null(find_diag("disc.cmake-limit"));

	// References nested deeper than they are followed.
	reset_diags();
	text = "a.c";
	for (int i = 0; i < 100; i++)
		text = bh_arena_sprintf(arena, "${%s}", text);
	read_cmake(bh_arena_sprintf(arena, "add_executable(app %s)\n", text));
	cr_expect(artifact("app")->incomplete);
	cr_expect_eq(diags.items.len, 1);
	cr_expect_not_null(find_diag("disc.cmake-limit"));
}

Test(disc, cmake_ten_thousand_targets, .timeout = 20)
{
	char *text = bh_xmalloc(10000 * 64 + 1);
	size_t n = 0;
	for (int i = 0; i < 10000; i++)
		n += (size_t)sprintf(text + n, "add_executable(t%d t%d.c)\ninstall(TARGETS t%d)\n",
				     i, i, i);
	bh_cmake_recipes(&recipes, arena, "CMakeLists.txt", text, n, NULL, 0, NULL, 0, NULL, NULL,
			 &diags);
	free(text);
	cr_assert_eq(recipes.n, 10000);
	cr_expect_str_eq(recipes.items[9999].path, "t9999");
	cr_expect_str_eq(recipes.items[9999].install_path, "/usr/local/bin/t9999");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, meson_executable_installed_under_the_prefix)
{
	CONTEXT("main.c", "util.c", "util.h", "meson.build");
	static const char text[] = "project('quotesvc', 'c', version: '1.0')\n"
				   "srcs = ['main.c', 'util.c', 'util.h']\n"
				   "executable('quotesvc', srcs,\n"
				   "  install: true)\n";
	read_meson(text);
	cr_assert_eq(recipes.n, 1);
	const bh_build_artifact *a = &recipes.items[0];
	cr_expect_str_eq(a->name, "quotesvc");
	cr_expect_str_eq(a->path, "quotesvc");
	cr_expect_eq(a->kind, BH_BUILD_EXECUTABLE);
	cr_expect_str_eq(sources_of("quotesvc"), "main.c util.c");
	cr_expect_str_eq(a->install_path, "/usr/local/bin/quotesvc");
	cr_expect_eq(a->line, 3);
	cr_expect_not(a->incomplete);
	cr_expect_str_eq(recipes.file, "meson.build");
	cr_expect_eq(diags.items.len, 0);

	static const char *const prefix[] = { "setup", "--prefix=/opt/svc", "build" };
	read_meson_with(text, prefix, 3);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/opt/svc/bin/quotesvc");
	static const char *const split[] = { "--prefix", "/srv", "-D", "bindir=sbin" };
	read_meson_with(text, split, 4);
	cr_expect_str_eq(artifact("quotesvc")->install_path, "/srv/sbin/quotesvc");
}

Test(disc, meson_sources_from_variables_files_and_paths)
{
	CONTEXT("src/main.c", "src/net.c", "src/net.h", "gen/x.c");
	read_meson("srcs = files('src/main.c')\n"
		   "srcs += ['src' / 'net.c', join_paths('src', 'missing.c')]\n"
		   "more = '''gen/x.c'''  # a multi-line string\n"
		   "executable('app', srcs, sources: [more], install: true,\n"
		   "           install_dir: get_option('libexecdir') / 'svc')\n"
		   "executable('other', 'src/main.c', install: true, install_dir: '/usr/sbin')\n");
	cr_expect_str_eq(sources_of("app"), "src/main.c src/net.c gen/x.c");
	cr_expect_not(artifact("app")->incomplete);
	cr_expect_str_eq(artifact("app")->install_path, "/usr/local/libexec/svc/app");
	cr_expect_str_eq(artifact("other")->install_path, "/usr/sbin/other");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, meson_static_library_linked_into_an_executable)
{
	CONTEXT("lib/a.c", "main.c", "plug.c");
	read_meson("add_project_arguments('-DPROJECT', '-Wall', language: 'c')\n"
		   "core = static_library('core', 'lib/a.c', c_args: ['-DCORE'])\n"
		   "dep = declare_dependency(link_with: core)\n"
		   "executable('app', 'main.c', dependencies: [dep, dependency('zlib')],\n"
		   "           c_args: '-O2', link_args: ['-Wl,-z,relro'])\n"
		   "shared_library('plug', 'plug.c', link_with: core, install: true)\n"
		   "library('def', 'plug.c')\n");
	cr_expect_str_eq(sources_of("app"), "main.c lib/a.c");
	cr_expect_str_eq(flags_of("app"), "-DCORE -DPROJECT -Wall -O2 -Wl,-z,relro",
			 "the library's flags first; a repeat is kept at its last place");
	cr_expect_not(artifact("app")->incomplete);
	cr_expect_eq(artifact("libcore.a")->kind, BH_BUILD_STATIC_LIB);
	cr_expect_null(artifact("libcore.a")->install_path);
	cr_expect_eq(artifact("libplug.so")->kind, BH_BUILD_SHARED_LIB);
	cr_expect_str_eq(sources_of("libplug.so"), "plug.c lib/a.c");
	cr_expect_str_eq(artifact("libplug.so")->install_path, "/usr/local/lib/libplug.so");
	cr_expect_eq(artifact("libdef.so")->kind, BH_BUILD_SHARED_LIB, "library() is shared");
	static const char *const st[] = { "-Ddefault_library=static" };
	read_meson_with("library('def', 'plug.c')\n", st, 1);
	cr_expect_eq(artifact("libdef.a")->kind, BH_BUILD_STATIC_LIB);
}

Test(disc, meson_subdir_uses_its_own_paths)
{
	CONTEXT("meson.build", "src/meson.build", "src/main.c", "lib/meson.build", "lib/u.c");
	TEXTS("lib/meson.build", "util = static_library('util', 'u.c')\n",
	      "src/meson.build", "executable('server', 'main.c', link_with: util, install: true)\n");
	read_meson("project('p', 'c', default_options: ['prefix=/usr', 'bindir=sbin'])\n"
		   "subdir('lib')\n"
		   "subdir('src')\n");
	cr_expect_str_eq(sources_of("src/server"), "src/main.c lib/u.c");
	cr_expect_str_eq(artifact("src/server")->install_path, "/usr/sbin/server");
	cr_expect_eq(artifact("src/server")->line, 1);
	cr_expect_str_eq(sources_of("lib/libutil.a"), "lib/u.c");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, meson_branches_keep_targets_and_taint_their_variables)
{
	CONTEXT("main.c", "win.c", "extra.c", "a.c");
	read_meson("srcs = ['main.c']\n"
		   "if host_machine.system() == 'windows'\n"
		   "  srcs += 'win.c'\n"
		   "  add_project_arguments('-DWINDOWS', language: 'c')\n"
		   "elif get_option('x')\n"
		   "  only = 'a.c'\n"
		   "  executable('helper', 'extra.c')\n"
		   "else\n"
		   "endif\n"
		   "foreach f : ['a']\n"
		   "  looped = f + '.c'\n"
		   "endforeach\n"
		   "executable('app', srcs, only)\n"
		   "executable('loop', looped, 'main.c')\n"
		   "executable('plain', 'main.c')\n");
	cr_expect_str_eq(sources_of("app"), "main.c", "no branch's assignment is taken");
	cr_expect(artifact("app")->incomplete);
	cr_expect_str_eq(sources_of("helper"), "extra.c");
	cr_expect_eq(artifact("helper")->line, 7);
	cr_expect_str_eq(sources_of("loop"), "main.c");
	cr_expect(artifact("loop")->incomplete);
	cr_expect_str_eq(flags_of("plain"), "");
	cr_expect_not(artifact("plain")->incomplete);
}

Test(disc, meson_unknowns_mark_incomplete_and_invent_nothing)
{
	CONTEXT("main.c", "a.c");
	read_meson("conf = {'k': 'a.c'}\n"
		   "executable('dict', 'main.c', conf.get('k'))\n"
		   "executable('fstr', f'@0@.c', 'main.c')\n"
		   "executable('gen', custom_target('g', output: 'g.c'), 'main.c')\n"
		   "executable(meson.project_name(), 'main.c')\n"
		   "ghost_program('ghost', 'main.c')\n");
	cr_expect_str_eq(sources_of("dict"), "main.c");
	cr_expect(artifact("dict")->incomplete);
	cr_expect(artifact("fstr")->incomplete);
	cr_expect(artifact("gen")->incomplete);
	cr_expect_eq(recipes.n, 3, "an unknown name declares nothing");
	cr_expect_eq(diags.items.len, 0);
}

Test(disc, meson_hostile_input_is_survived, .timeout = 20)
{
	CONTEXT("a.c", "b.c");
	static const char nul[] = "executable('app',\0'a.c', 'b.c')\n";
	bh_meson_recipes(&recipes, arena, "meson.build", nul, sizeof(nul) - 1, NULL, 0, ctx_files,
			 nctx_files, NULL, NULL, &diags);
	cr_expect_str_eq(sources_of("app"), "a.c b.c");
	read_meson("executable('app', 'a.c')\nexecutable('x', 'never closed\n");
	cr_expect_eq(recipes.n, 1);
	read_meson("executable('app', 'a.c')\nx = '''never closed\n");
	cr_expect_eq(recipes.n, 1);
	read_meson("executable('app', ['a.c'\nexecutable('y', 'b.c')\n");
	read_meson(") ] = += ? : executable\nexecutable('ok', 'a.c')\n");
	cr_expect_str_eq(sources_of("ok"), "a.c", "a broken line is skipped");
	read_meson("");
	cr_expect_eq(recipes.n, 0);
	cr_expect_null(recipes.items);
	bh_meson_recipes(&recipes, arena, NULL, NULL, 0, NULL, 0, NULL, 0, NULL, NULL, &diags);
	cr_expect_eq(recipes.n, 0);

	char bin[4096];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (char)(i * 131 + 7);
	bh_meson_recipes(&recipes, arena, "meson.build", bin, sizeof(bin), NULL, 0, NULL, 0, NULL,
			 NULL, &diags);

	size_t big = 1u << 20;
	char *line = bh_xmalloc(big + 64);
	size_t n = (size_t)sprintf(line, "executable('app', 'a.c', '");
	memset(line + n, 'x', big);
	n += big;
	n += (size_t)sprintf(line + n, "')\n");
	bh_meson_recipes(&recipes, arena, "meson.build", line, n, NULL, 0, ctx_files, nctx_files,
			 NULL, NULL, &diags);
	cr_expect_str_eq(sources_of("app"), "a.c");
	free(line);

	read_meson("a = ['a.c']\na += a\na += a\nexecutable('app', a)\n");
	cr_expect_str_eq(sources_of("app"), "a.c");
	cr_expect_eq(diags.items.len, 0, "nothing here reaches a limit");
}

Test(disc, meson_limits_give_one_warning, .timeout = 20)
{
	CONTEXT("a.c");
	TEXTS("loop/meson.build", "executable('inner', '../a.c')\nsubdir('.')\n");
	read_meson("subdir('loop')\n");
	cr_expect_str_eq(sources_of("loop/inner"), "a.c");
	const bh_diag *d = find_diag("disc.meson-limit");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_WARNING);
	cr_expect_str_eq(d->loc.path, "meson.build");
	cr_expect_eq(diags.items.len, 1);

	// An array doubled 40 times.
	reset_diags();
	const char *text = "a = ['a.c']\n";
	for (int i = 0; i < 40; i++)
		text = bh_arena_sprintf(arena, "%sa += a\n", text);
	read_meson(bh_arena_sprintf(arena, "%sexecutable('app', a)\n", text));
	cr_expect(artifact("app")->incomplete);
	cr_expect_eq(diags.items.len, 1);

	// Nesting deeper than it is followed.
	reset_diags();
	char *deep = bh_xmalloc(200000 + 64);
	size_t n = 0;
	for (int i = 0; i < 100000; i++)
		deep[n++] = '[';
	n += (size_t)sprintf(deep + n, "\nexecutable('after', 'a.c')\n");
	bh_meson_recipes(&recipes, arena, "meson.build", deep, n, NULL, 0, ctx_files, nctx_files,
			 NULL, NULL, &diags);
	free(deep);
	cr_expect_not_null(find_diag("disc.meson-limit"));
}

Test(disc, meson_ten_thousand_targets, .timeout = 20)
{
	char *text = bh_xmalloc(10000 * 64 + 1);
	size_t n = 0;
	for (int i = 0; i < 10000; i++)
		n += (size_t)sprintf(text + n, "executable('t%d', 't%d.c', install: true)\n", i, i);
	bh_meson_recipes(&recipes, arena, "meson.build", text, n, NULL, 0, NULL, 0, NULL, NULL,
			 &diags);
	free(text);
	cr_assert_eq(recipes.n, 10000);
	cr_expect_str_eq(recipes.items[9999].path, "t9999");
	cr_expect_str_eq(recipes.items[9999].install_path, "/usr/local/bin/t9999");
	cr_expect_eq(diags.items.len, 0);
}

// Found by reading redis's src/Makefile: a dot-target is an ordinary file
// target unless it is one of make's special targets; a progress printer
// glued to $(CC) leaves the line a compiler run; a recipe that names a
// variable assigned only in a conditional is not known.
Test(disc, recipes_dot_targets_quiet_prefixes_and_conditional_recipe_variables)
{
	static const char mk[] = "ifndef V\n"
				 "QUIET_CC = @printf CC;\n"
				 "endif\n"
				 "OPT ?= -O2\n"
				 "REDIS_CC = $(QUIET_CC)$(CC) $(OPT)\n"
				 "app: a.o\n"
				 "\t$(CC) -o $@ $^\n"
				 ".make-prerequisites:\n"
				 "\t@touch $@\n"
				 "%.o: %.c .make-prerequisites\n"
				 "\t$(REDIS_CC) -MMD -o $@ -c $<\n"
				 "tool: t.o\n"
				 "\t$(CC) -o $@ $^\n"
				 "t.o: t.c\n"
				 "\t$(COMP) -c -o $@ $<\n"
				 "ifdef X\n"
				 "COMP = cc\n"
				 "endif\n";
	static const char *const files[] = { "a.c", "t.c" };
	bh_build_recipes r;
	bh_make_recipes(&r, arena, "Makefile", mk, sizeof(mk) - 1, NULL, 0, files, 2, NULL, NULL, &diags);
	const bh_build_artifact *app = NULL, *tool = NULL;
	for (size_t i = 0; i < r.n; i++) {
		if (strcmp(r.items[i].path, "app") == 0)
			app = &r.items[i];
		if (strcmp(r.items[i].path, "tool") == 0)
			tool = &r.items[i];
	}
	cr_assert_not_null(app);
	cr_assert_not_null(tool);
	bool o2 = false;
	for (size_t i = 0; i < app->nflags; i++)
		o2 |= strcmp(app->flags[i], "-O2") == 0;
	cr_assert(o2, "the pattern rule with .make-prerequisites compiles a.c");
	cr_assert_not(app->incomplete);
	cr_assert(tool->incomplete, "t.o's line names COMP, assigned only under ifdef X");
}

Test(disc, recipes_list_the_libraries_other_makefiles_make)
{
	static const char mk[] = "app: main.o libown.a\n"
				 "\t$(CC) -o $@ $^ ../deps/x/libx.a -lm\n"
				 "libown.a: own.o\n"
				 "\t$(AR) rcs $@ $^\n";
	static const char *const files[] = { "src/main.c", "src/own.c" };
	bh_build_recipes r;
	bh_make_recipes(&r, arena, "src/Makefile", mk, sizeof(mk) - 1, NULL, 0, files, 2, NULL, NULL,
			&diags);
	const bh_build_artifact *app = NULL;
	for (size_t i = 0; i < r.n; i++)
		if (strcmp(r.items[i].path, "app") == 0)
			app = &r.items[i];
	cr_assert_not_null(app);
	cr_assert_eq(app->nlinks, 1, "libown.a is this file's; -lm is no file");
	cr_assert_str_eq(app->links[0], "../deps/x/libx.a");
}

// ------------------------------------------- autotools config headers

static bool fake_header(void *payload, const char *path)
{
	(void)payload;
	return strcmp(path, "stdbool.h") == 0;
}

static bool fake_function(void *payload, const char *name)
{
	(void)payload;
	return strcmp(name, "accept4") == 0;
}

static bool fake_library(void *payload, const char *name)
{
	(void)payload;
	(void)name;
	return false;
}

static const bh_disc_host fake = { fake_header, fake_function, fake_library, NULL };

Test(disc, autoconf_a_missing_config_header_is_written_from_its_template)
{
	write_file("configure.ac",
		   "dnl AC_CONFIG_HEADERS([commented.h])\n"
		   "# AC_CONFIG_HEADERS([also-commented.h])\n"
		   "m4_include([m4/version.m4])\n"
		   "AC_INIT([demo], [DEMO_VERSION], [dev@demo.example], [], [https://demo.example])\n"
		   "AS_IF([test x = y], [AC_CONFIG_HEADERS([src/config.h:src/config.in])])\n"
		   "AC_CONFIG_HEADERS([../escape.h /abs.h $(top)/x.h])\n");
	write_file("m4/version.m4", "m4_define([DEMO_VERSION], [3.1.4])\n");
	write_file("src/config.in", "#undef PACKAGE_STRING\n#undef PACKAGE_URL\n#undef HAVE_STDBOOL_H\n");
	write_file("src/main.c", "int main(void) { return 0; }\n");
	write_file("Makefile.am", "SUBDIRS = src\n");
	open_ctx(0, NULL, 0);
	bh_disc_config_headers headers = { 0 };
	bh_disc_find_config_headers(&headers, arena, ctx, &fake, &diags);

	cr_assert_eq(headers.len, 1, "commented calls and paths leaving the tree are not read");
	const bh_disc_config_header *h = &headers.items[0];
	cr_expect_str_eq(h->path, "src/config.h");
	cr_expect_str_eq(h->dir, "");
	cr_expect_str_eq(h->template_path, "src/config.in");
	cr_expect_str_eq(h->abs_path, bh_arena_sprintf(arena, "%s/src/config.h", bh_ctx_root(ctx)));
	cr_expect_str_eq(h->text, "#define PACKAGE_STRING \"demo 3.1.4\"\n"
				  "#define PACKAGE_URL \"https://demo.example\"\n"
				  "#define HAVE_STDBOOL_H 1\n");
	cr_expect_eq(h->ndefined, 3);
	cr_expect_eq(h->len, strlen(h->text));

	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	cr_expect_eq(bh_disc_config_flags(&headers, &units, arena, ctx, &diags), 1);
	cr_expect_eq(headers.items[0].nunits, 1, "libclang reads a written header some unit was given");
	cr_expect(strstr(joined(unit_at("src/main.c")),
			 bh_arena_sprintf(arena, " -DHAVE_CONFIG_H -I%s/src", bh_ctx_root(ctx))) != NULL,
		  "%s", joined(unit_at("src/main.c")));
	bool noted = false;
	for (size_t i = 0; i < diags.items.len; i++)
		if (strcmp(diags.items.items[i].code, "disc.config-header") == 0) {
			noted = true;
			cr_expect_str_eq(diags.items.items[i].loc.path, "src/config.in");
			cr_expect(strstr(diags.items.items[i].message, "1 C file is parsed") != NULL);
		}
	cr_expect(noted);
	bh_vec_dispose(&headers);
}

Test(disc, autoconf_an_existing_header_is_used_and_only_autotools_units_get_the_flags)
{
	write_file("configure.in", "AC_INIT(tool, 1.0)\nAM_CONFIG_HEADER(config.h)\n");
	write_file("config.h", "#define HAVE_STDBOOL_H 1\n");
	write_file("config.h.in", "#undef HAVE_STDBOOL_H\n");
	write_file("Makefile.in", "DEFS = @DEFS@\n");
	write_file("main.c", "int main(void) { return 0; }\n");
	write_file("tests/check.c", "int check;\n"); // no build file of its own
	write_file("vendor/lib/Makefile", "CFLAGS = -DLIB_OWN\nlib.o: lib.c\n");
	write_file("vendor/lib/lib.c", "int lib;\n");
	// A configure.ac of its own, deeper: its units take its headers.
	write_file("plugins/configure.ac", "AC_CONFIG_HEADERS([pconf.h])\n");
	write_file("plugins/pconf.h.in", "#undef HAVE_ACCEPT4\n");
	write_file("plugins/Makefile.am", "\n");
	write_file("plugins/p.c", "int p;\n");
	// quilt's backup is no configure script.
	write_file(".pc/fix/configure.ac", "AC_CONFIG_HEADERS([pc.h])\n");
	write_file(".pc/fix/pc.h.in", "#undef X\n");
	open_ctx(0, NULL, 0);
	bh_disc_config_headers headers = { 0 };
	bh_disc_find_config_headers(&headers, arena, ctx, &fake, &diags);
	cr_assert_eq(headers.len, 2);
	cr_expect_str_eq(headers.items[0].path, "config.h");
	cr_expect_null(headers.items[0].text, "a header in the context is read as it is");
	cr_expect_null(headers.items[0].template_path);
	cr_expect_str_eq(headers.items[1].path, "plugins/pconf.h");
	cr_expect_str_eq(headers.items[1].text, "#define HAVE_ACCEPT4 1\n");

	const char *compdb_args[] = { "-DFROM_DB" };
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	bh_unit *from_db = (bh_unit *)unit_at("tests/check.c");
	from_db->flags_source = BH_FLAGS_COMPDB; // as if compile_commands.json had it
	from_db->args = compdb_args;
	from_db->nargs = 1;
	cr_expect_eq(bh_disc_config_flags(&headers, &units, arena, ctx, &diags), 2);
	cr_expect_eq(headers.items[0].nunits, 1, "main.c; not the database's unit, not the vendored one");
	const char *r = bh_ctx_root(ctx);
	cr_expect(strstr(joined(unit_at("main.c")), bh_arena_sprintf(arena, "-DHAVE_CONFIG_H -I%s", r)));
	cr_expect_str_eq(joined(unit_at("tests/check.c")), "-DFROM_DB");
	cr_expect_null(strstr(joined(unit_at("vendor/lib/lib.c")), "HAVE_CONFIG_H"),
		       "%s", joined(unit_at("vendor/lib/lib.c")));
	const char *p = joined(unit_at("plugins/p.c"));
	cr_expect(strstr(p, bh_arena_sprintf(arena, "-DHAVE_CONFIG_H -I%s/plugins", r)), "%s", p);
	size_t notes = 0;
	for (size_t i = 0; i < diags.items.len; i++)
		if (strcmp(diags.items.items[i].code, "disc.config-header") == 0) {
			notes++;
			cr_expect_str_eq(diags.items.items[i].loc.path, "plugins/pconf.h.in");
		}
	cr_expect_eq(notes, 1, "only a written header is noted");
	bh_vec_dispose(&headers);
}

Test(disc, autoconf_no_header_and_no_template_give_nothing)
{
	write_file("configure.ac", "AC_INIT([x], [1])\nAC_CONFIG_HEADERS([config.h])\n");
	write_file("main.c", "int main(void) { return 0; }\n");
	open_ctx(0, NULL, 0);
	bh_disc_config_headers headers = { 0 };
	bh_disc_find_config_headers(&headers, arena, ctx, &fake, &diags);
	cr_expect_eq(headers.len, 0);
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	cr_expect_eq(bh_disc_config_flags(&headers, &units, arena, ctx, &diags), 0);
	cr_expect_null(strstr(joined(unit_at("main.c")), "HAVE_CONFIG_H"));
	bh_vec_dispose(&headers);
}

// bh_cmake_config_headers over the context's files, as discovery runs it.
static bool ctx_text(const char *path, const char **text, size_t *len, void *payload)
{
	(void)payload;
	const bh_source *src = NULL;
	if (bh_ctx_read(&src, arena, ctx, path, &diags) != BH_OK)
		return false;
	*text = src->data;
	*len = src->len;
	return true;
}

static void cmake_headers(bh_disc_config_headers *out, const char *path)
{
	const char **files = bh_arena_alloc(arena, (bh_ctx_file_count(ctx) + 1) * sizeof(*files));
	for (size_t i = 0; i < bh_ctx_file_count(ctx); i++)
		files[i] = bh_ctx_file(ctx, i)->path;
	const char *text = NULL;
	size_t len = 0;
	cr_assert(ctx_text(path, &text, &len, NULL));
	bh_cmake_config_headers(out, arena, bh_ctx_root(ctx), path, text, len, files,
				bh_ctx_file_count(ctx), ctx_text, NULL, &fake);
}

Test(disc, cmake_configure_file_writes_what_cmake_would_write_here)
{
	write_file("proj/CMakeLists.txt",
		   "project(demo VERSION 2.7.1 LANGUAGES C)\n"
		   "option(WITH_X \"x\" ON)\n"
		   "option(WITH_Y \"y\" OFF)\n"
		   "set(NAME \"demo server\")\n"
		   "if(UNIX)\n"
		   "  check_include_file(stdbool.h HAVE_STDBOOL_H)\n" // answered inside if() too
		   "  set(SKIPPED yes)\n"
		   "endif()\n"
		   "check_include_files(\"stdbool.h;zz_none.h\" HAVE_BOTH)\n"
		   "check_function_exists(accept4 HAVE_ACCEPT4)\n"
		   "check_symbol_exists(kqueue \"sys/event.h\" HAVE_KQUEUE)\n"
		   "check_library_exists(zz_lib f \"\" HAVE_ZZ_LIB)\n"
		   "check_type_size(\"void *\" SIZEOF_VOID_P)\n"
		   "check_type_size(\"struct zz\" SIZEOF_ZZ)\n"
		   "configure_file(${PROJECT_SOURCE_DIR}/config.h.in ${PROJECT_BINARY_DIR}/gen/config.h)\n"
		   "configure_file(v.h.in v.h @ONLY)\n"
		   "configure_file(copy.in ${CMAKE_CURRENT_SOURCE_DIR}/copied.h COPYONLY)\n"
		   "configure_file(exists.h.in exists.h)\n"
		   "configure_file(${UNKNOWN_DIR}/x.in y.h)\n"
		   "add_subdirectory(sub)\n");
	write_file("proj/config.h.in",
		   "#cmakedefine HAVE_STDBOOL_H 1\n"
		   "#cmakedefine HAVE_BOTH 1\n"
		   "# cmakedefine HAVE_ACCEPT4 @HAVE_ACCEPT4@\n"
		   "#cmakedefine HAVE_KQUEUE\n"
		   "#cmakedefine HAVE_ZZ_LIB\n"
		   "#cmakedefine01 WITH_X\n"
		   "#cmakedefine01 WITH_Y\n"
		   "#cmakedefine SKIPPED\n"
		   "#define SIZEOF_VOID_P ${SIZEOF_VOID_P}\n"
		   "#define SIZEOF_ZZ ${SIZEOF_ZZ}x\n"
		   "#define NAME \"@NAME@\" /* ${NAME} */\n");
	write_file("proj/v.h.in", "#define V \"@PROJECT_VERSION@\" @demo_VERSION_MINOR@ ${PROJECT_VERSION}\n");
	write_file("proj/copy.in", "@NAME@\n");
	write_file("proj/exists.h.in", "x\n");
	write_file("proj/exists.h", "y\n");
	write_file("proj/sub/CMakeLists.txt", "configure_file(s.h.in s.h)\n");
	write_file("proj/sub/s.h.in", "#cmakedefine WITH_X\n");
	open_ctx(0, NULL, 0);
	bh_disc_config_headers headers = { 0 };
	cmake_headers(&headers, "proj/CMakeLists.txt");
	cr_assert_eq(headers.len, 4, "exists.h is in the context; an unknown template is skipped");
	const bh_disc_config_header *h = &headers.items[0];
	cr_expect_str_eq(h->path, "proj/gen/config.h");
	cr_expect_str_eq(h->dir, "proj");
	cr_expect(h->cmake);
	cr_expect_str_eq(h->template_path, "proj/config.h.in");
	cr_expect_str_eq(h->abs_path, bh_arena_sprintf(arena, "%s/proj/gen/config.h", bh_ctx_root(ctx)));
	char want[1024];
	snprintf(want, sizeof(want),
		 "#define HAVE_STDBOOL_H 1\n"
		 "/* #undef HAVE_BOTH */\n"
		 "#define HAVE_ACCEPT4 1\n"
		 "/* #undef HAVE_KQUEUE */\n"
		 "/* #undef HAVE_ZZ_LIB */\n"
		 "#define WITH_X 1\n"
		 "#define WITH_Y 0\n"
		 "/* #undef SKIPPED */\n"
		 "#define SIZEOF_VOID_P %zu\n"
		 "#define SIZEOF_ZZ x\n"
		 "#define NAME \"demo server\" /* demo server */\n",
		 sizeof(void *));
	cr_expect_str_eq(h->text, want);
	cr_expect_eq(h->ndefined, 3);
	cr_expect_str_eq(headers.items[1].path, "proj/v.h");
	cr_expect_str_eq(headers.items[1].text, "#define V \"2.7.1\" 7 ${PROJECT_VERSION}\n");
	cr_expect_str_eq(headers.items[2].path, "proj/copied.h");
	cr_expect_str_eq(headers.items[2].text, "@NAME@\n");
	cr_expect_str_eq(headers.items[3].path, "proj/sub/s.h", "a subdirectory's build directory");
	cr_expect_str_eq(headers.items[3].text, "#define WITH_X\n");

	// Units under the project get -I for each written header's
	// directory, and no -DHAVE_CONFIG_H (a CMake project defines its own).
	write_file("proj/main.c", "int main(void) { return 0; }\n");
	bh_ctx_free(ctx);
	ctx = NULL;
	open_ctx(0, NULL, 0);
	bh_disc_units(&units, arena, ctx, NULL, NULL, 0, &diags);
	cr_expect_eq(bh_disc_config_flags(&headers, &units, arena, ctx, &diags), 1);
	const char *a = joined(unit_at("proj/main.c"));
	cr_expect(strstr(a, bh_arena_sprintf(arena, "-I%s/proj/gen", bh_ctx_root(ctx))) != NULL, "%s", a);
	cr_expect_null(strstr(a, "HAVE_CONFIG_H"), "%s", a);
	bh_vec_dispose(&headers);
}

Test(disc, autoconf_and_cmake_writing_one_header_write_it_once)
{
	write_file("configure.ac", "AC_INIT([x], [1])\nAC_CONFIG_HEADERS([config.h])\n");
	write_file("config.h.in", "#undef HAVE_ACCEPT4\n");
	write_file("CMakeLists.txt", "project(x C)\nconfigure_file(config.h.cmake config.h)\n");
	write_file("config.h.cmake", "#define FROM_CMAKE 1\n");
	write_file("sub/CMakeLists.txt", "configure_file(s.h.in s.h)\n"); // not a top project
	write_file("sub/s.h.in", "\n");
	write_file("Makefile.am", "\n");
	open_ctx(0, NULL, 0);
	bh_disc_config_headers headers = { 0 };
	bh_disc_find_config_headers(&headers, arena, ctx, &fake, &diags);
	cr_assert_eq(headers.len, 1);
	cr_expect_not(headers.items[0].cmake, "configure's is read first");
	cr_expect_str_eq(headers.items[0].text, "#define HAVE_ACCEPT4 1\n");
	bh_vec_dispose(&headers);
}
