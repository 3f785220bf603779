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
	char *line = malloc(big + 32);
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
	char *text = malloc(big + 300 * 32 + 64);
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
	char *buf = malloc(10000 * 24 + 32);
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
	char *line = malloc(big + 64);
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
	char *text = malloc(10000 * 48 + 1);
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

	char *chain = malloc(300 * 64 + 64);
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
	char *rules = malloc(many * 24 + 1);
	n = 0;
	for (size_t i = 0; i < many; i++)
		n += (size_t)sprintf(rules + n, "r%zu: r%zu.c\n", i, i);
	read_recipes_with("many/Makefile", rules, n, NULL, 0);
	free(rules);
	cr_expect_eq(recipes.n, 16384, "the rules kept");
	cr_expect_eq(diags.items.len, before + 2);
	cr_expect_str_eq(diags.items.items[before + 1].code, "disc.makefile-limit");
}
