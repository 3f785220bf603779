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
