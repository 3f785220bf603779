// SPDX-License-Identifier: MIT
// Unit tests for the Dockerfile front end (analyzer/parse/dockerfile):
// a table of tricky inputs with the exact tree dump each must give
// (bh_df_dump: "line:col-endline:endcol KIND flags [args] {kvs} <<heredocs"
// then "error line:col message"), substitution cases, and hostile input
// that must finish in bounded time without crashing.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bulkhead/arena.h"
#include "bulkhead/df.h"
#include "bulkhead/diag.h"

static bh_arena *arena;

static void setup(void)
{
	arena = bh_arena_new();
}

static void teardown(void)
{
	bh_arena_free(arena);
}

TestSuite(df_parse, .init = setup, .fini = teardown);
TestSuite(df_subst, .init = setup, .fini = teardown);
TestSuite(df_hostile, .init = setup, .fini = teardown, .timeout = 60);

static bh_df_file *parse_len(const char *text, size_t len)
{
	const bh_source *src = bh_source_from_bytes(arena, "Dockerfile", text, len);
	bh_df_file *df = NULL;
	cr_assert_eq(bh_df_parse(&df, arena, src, NULL, NULL), BH_OK);
	return df;
}

static bh_df_file *parse(const char *text)
{
	return parse_len(text, strlen(text));
}

static char *dump(const bh_df_file *df)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	bh_df_dump(df, f);
	fclose(f);
	return buf;
}

typedef struct {
	const char *what;
	const char *input;
	const char *expected;
} parse_case;

static const parse_case cases[] = {
	{ "comment and blank lines inside a continuation are dropped",
	  "FROM alpine:3.19\nRUN apk add \\\n# comment inside\n    curl \\\n\n    jq\n",
	  "1:1-1:17 FROM [alpine:3.19]\n"
	  "2:1-6:7 RUN [apk add     curl     jq]\n" },
	{ "the escape directive switches continuation to a backtick",
	  "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\ `\n    && echo hi\n",
	  "# escape=`\n"
	  "2:1-2:51 FROM [mcr.microsoft.com/windows/servercore:ltsc2022]\n"
	  "3:1-4:15 RUN [dir c:\\     && echo hi]\n" },
	{ "a directive after an instruction is a comment",
	  "FROM a\n# escape=`\nRUN x `\n",
	  "1:1-1:7 FROM [a]\n"
	  "3:1-3:8 RUN [x `]\n" },
	{ "heredocs: RUN script and COPY with <<- tab stripping",
	  "FROM debian\nRUN <<EOF\napt-get update\nEOF\nCOPY <<-CONF /etc/app.conf\n\tkey=value\n\tCONF\n",
	  "1:1-1:12 FROM [debian]\n"
	  "2:1-4:4 RUN [<<EOF] <<EOF(15 bytes)\n"
	  "5:1-7:6 COPY [<<-CONF] [/etc/app.conf] <<CONF(10 bytes)\n" },
	{ "two heredocs on one line, the second quoted",
	  "FROM alpine\nRUN <<A cat /dev/stdin && <<\"B\" cat\none\nA\ntwo $X\nB\n",
	  "1:1-1:12 FROM [alpine]\n"
	  "2:1-6:2 RUN [<<A cat /dev/stdin && <<\"B\" cat] <<A(4 bytes) <<B(7 bytes)\n" },
	{ "shift operators are not heredocs",
	  "RUN echo $((1<<2)) a<<b\nCMD x\n",
	  "1:1-1:24 RUN [echo $((1<<2)) a<<b]\n"
	  "2:1-2:6 CMD [x]\n" },
	{ "exec form with JSON escapes",
	  "CMD [\"echo\", \"a \\\"q\\\" \\\\ \\u00e9\"]\n",
	  "1:1-1:34 CMD exec [echo] [a \"q\" \\ \xc3\xa9]\n" },
	{ "an empty JSON array is exec form",
	  "ENTRYPOINT []\n",
	  "1:1-1:14 ENTRYPOINT exec\n" },
	{ "unbalanced JSON falls back to shell form with an error",
	  "CMD [\"echo\", \"hi\"\nRUN ok\n",
	  "1:1-1:18 CMD [[\"echo\", \"hi\"] !bad\n"
	  "2:1-2:7 RUN [ok]\n"
	  "error 1:5 CMD looks like exec form but is not valid JSON (missing ']'); "
	  "Docker would run it through a shell\n" },
	{ "SHELL requires JSON",
	  "SHELL /bin/bash -c\n",
	  "1:1-1:19 SHELL !bad\n"
	  "error 1:7 SHELL needs a JSON array of strings (got shell form)\n" },
	{ "unknown instruction: error, and parsing resumes",
	  "FORM debian\nFROM debian\n",
	  "1:1-1:12 ? !bad\n"
	  "2:1-2:12 FROM [debian]\n"
	  "error 1:1 unknown instruction 'FORM'\n" },
	{ "instruction keywords are case-insensitive",
	  "from alpine AS Build\nrun true\n",
	  "1:1-1:21 FROM [alpine] [AS] [Build]\n"
	  "2:1-2:9 RUN [true]\n" },
	{ "unknown flag is an error, the instruction is kept",
	  "RUN --mout=type=cache apt-get update\n",
	  "1:1-1:37 RUN --mout=type=cache [apt-get update] !bad\n"
	  "error 1:5 unknown flag '--mout' for RUN\n" },
	{ "COPY flags, bare and valued",
	  "COPY --from=build --chown=1000:1000 --link /out/app /usr/local/bin/\n",
	  "1:1-1:68 COPY --from=build --chown=1000:1000 --link [/out/app] [/usr/local/bin/]\n" },
	{ "RUN mount, network and security flags",
	  "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc --network=none --security=sandbox npm ci\n",
	  "1:1-1:94 RUN --mount=type=secret,id=npmrc,target=/root/.npmrc --network=none "
	  "--security=sandbox [npm ci]\n" },
	{ "ENV key=value pairs keep quotes and references raw",
	  "ENV A=1 B=\"two words\" C=${A:-x}\n",
	  "1:1-1:32 ENV {A=1} {B=\"two words\"} {C=${A:-x}}\n" },
	{ "legacy ENV form takes the rest of the line",
	  "ENV PATH /usr/local/bin:$PATH  more\n",
	  "1:1-1:36 ENV {PATH=/usr/local/bin:$PATH  more}\n" },
	{ "ENV without = in a pair is an error",
	  "ENV A=1 B\n",
	  "1:1-1:10 ENV {A=1} !bad\n"
	  "error 1:5 ENV argument 'B' is not of the form name=value\n" },
	{ "ARG with and without default",
	  "ARG VERSION=1.2 TOKEN\n",
	  "1:1-1:22 ARG {VERSION=1.2} {TOKEN=(unset)}\n" },
	{ "ONBUILD triggers an instruction",
	  "ONBUILD COPY . /app\n",
	  "1:1-1:20 ONBUILD -> COPY\n" },
	{ "ONBUILD cannot nest",
	  "ONBUILD ONBUILD RUN x\n",
	  "1:1-1:22 ONBUILD -> ONBUILD !bad\n"
	  "error 1:1 ONBUILD cannot be nested\n"
	  "error 1:9 ONBUILD cannot trigger ONBUILD\n" },
	{ "HEALTHCHECK CMD and NONE",
	  "HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n",
	  "1:1-1:67 HEALTHCHECK --interval=30s [curl -f http://localhost/ || exit 1]\n"
	  "2:1-2:17 HEALTHCHECK NONE\n" },
	{ "FROM with AS needs three words",
	  "FROM a AS\n",
	  "1:1-1:10 FROM [a] [AS] !bad\n"
	  "error 1:6 FROM takes an image and optionally 'AS name', not 'a AS'\n" },
	{ "COPY needs a destination",
	  "COPY onlyone\n",
	  "1:1-1:13 COPY [onlyone] !bad\n"
	  "error 1:6 COPY needs a source and a destination\n" },
	{ "CRLF and a byte order mark",
	  "\xEF\xBB\xBF" "FROM alpine\r\nRUN echo hi \\\r\n  there\r\n",
	  "1:4-1:15 FROM [alpine]\n"
	  "2:1-3:8 RUN [echo hi   there]\n" },
	{ "unterminated heredoc",
	  "FROM a\nRUN <<EOF\necho hi\n",
	  "1:1-1:7 FROM [a]\n"
	  "2:1-3:8 RUN [<<EOF] <<EOF(8 bytes, unterminated)\n"
	  "error 2:1 heredoc 'EOF' is not terminated: the file ends before a line 'EOF'\n" },
	{ "a trailing continuation at the end of the file is accepted",
	  "RUN echo \\",
	  "1:1-1:11 RUN [echo]\n" },
	{ "empty RUN is an error",
	  "RUN\n",
	  "1:1-1:4 RUN !bad\n"
	  "error 1:1 RUN needs a command\n" },
	{ "VOLUME in JSON and words",
	  "VOLUME [\"/data\", \"/logs\"]\nVOLUME /a /b\n",
	  "1:1-1:26 VOLUME exec [/data] [/logs]\n"
	  "2:1-2:13 VOLUME [/a] [/b]\n" },
	{ "WORKDIR and USER take the whole argument",
	  "WORKDIR /my app\nUSER app:app\n",
	  "1:1-1:16 WORKDIR [/my app]\n"
	  "2:1-2:13 USER [app:app]\n" },
	{ "syntax and check directives",
	  "# syntax=docker/dockerfile:1.7\n# check=skip=JSONArgsRecommended\nFROM a\n",
	  "# syntax=docker/dockerfile:1.7\n"
	  "3:1-3:7 FROM [a]\n" },
	{ "invalid escape directive",
	  "# escape=x\nFROM a\n",
	  "2:1-2:7 FROM [a]\n"
	  "error 1:10 invalid escape character 'x': use '\\' or '`'\n" },
};

Test(df_parse, table_of_tricky_inputs)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(cases); i++) {
		bh_df_file *df = parse(cases[i].input);
		char *got = dump(df);
		cr_expect_str_eq(got, cases[i].expected, "case %zu (%s):\n--- got:\n%s--- expected:\n%s",
				 i, cases[i].what, got, cases[i].expected);
		free(got);
	}
}

Test(df_parse, directives_are_recorded)
{
	bh_df_file *df = parse("# syntax=docker/dockerfile:1\n# check=error=true\nFROM a\n");
	cr_assert_str_eq(df->syntax, "docker/dockerfile:1");
	cr_assert_str_eq(df->check, "error=true");
	cr_assert_eq(df->escape, '\\');
}

Test(df_parse, heredoc_bodies_are_exact)
{
	bh_df_file *df = parse("RUN <<-EOT bash\n\tset -e\n\t\techo \"$HOME\"\nEOT\n");
	cr_assert_eq(df->ninstrs, 1);
	const bh_df_instr *in = &df->instrs[0];
	cr_assert_eq(in->nheredocs, 1);
	cr_assert_str_eq(in->heredocs[0].body, "set -e\necho \"$HOME\"\n");
	cr_assert(in->heredocs[0].strip_tabs);
	cr_assert_not(in->heredocs[0].quoted);
	cr_assert_eq(in->heredocs[0].line, 2);
}

Test(df_parse, positions_map_through_continuations)
{
	bh_df_file *df = parse("FROM a\nRUN apt-get update \\\n  && curl -k https://x\n");
	const bh_df_instr *in = &df->instrs[1];
	const char *curl = strstr(in->text, "curl");
	cr_assert_not_null(curl);
	uint32_t line, col;
	bh_df_instr_position(df, in, (size_t)(curl - in->text), &line, &col);
	cr_assert_eq(line, 3);
	cr_assert_eq(col, 6);
	const bh_df_flag *f = bh_df_flag_get(in, "mount");
	cr_assert_null(f);
}

Test(df_parse, flag_positions)
{
	bh_df_file *df = parse("COPY --chmod=777 \\\n  --from=b a /b\n");
	const bh_df_flag *f = bh_df_flag_get(&df->instrs[0], "from");
	cr_assert_not_null(f);
	cr_assert_eq(f->line, 2);
	cr_assert_eq(f->col, 3);
	cr_assert_str_eq(f->value, "b");
}

Test(df_parse, word_splitting_keeps_quotes)
{
	const char **w;
	size_t n = bh_df_split_words(&w, arena, "a \"b c\" 'd e' f\\ g", '\\');
	cr_assert_eq(n, 4);
	cr_assert_str_eq(w[0], "a");
	cr_assert_str_eq(w[1], "\"b c\"");
	cr_assert_str_eq(w[2], "'d e'");
	cr_assert_str_eq(w[3], "f\\ g");
}

// ------------------------------------------------------------ substitution

typedef struct {
	const char *word;
	const char *expected;
	bool unknown;
} subst_case;

Test(df_subst, docker_forms_and_symbolic_unknowns)
{
	bh_df_vars vars = { 0 };
	bh_df_vars_set(&vars, "A", "1");
	bh_df_vars_set(&vars, "E", "");
	bh_df_vars_set(&vars, "B", "2");
	bh_df_vars_set(&vars, "N", NULL); // declared, value unknown (ARG N)
	static const subst_case cases[] = {
		{ "$A", "1", false },
		{ "${A}b", "1b", false },
		{ "x$A-y", "x1-y", false },
		{ "${U:-def}", "${U:-def}", true },
		{ "${A:-def}", "1", false },
		{ "${E:-def}", "def", false },
		{ "${E-def}", "", false },
		{ "${A:+set}", "set", false },
		{ "${E:+set}", "", false },
		{ "${E+set}", "set", false },
		{ "${E:-${B}}", "2", false },
		{ "\\$A", "$A", false },
		{ "'$A'", "$A", false },
		{ "\"$A x\"", "1 x", false },
		{ "\"a \\\" b\"", "a \" b", false },
		{ "$U", "$U", true },
		{ "${N}", "${N}", true },
		{ "${N:-x}", "${N:-x}", true },
		{ "a$", "a$", false },
		{ "$1x", "$1x", false },
		{ "${A#prefix}", "${A#prefix}", true },
		{ "${A", "${A", true },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(cases); i++) {
		bool unknown = false;
		const char *got = bh_df_expand(arena, cases[i].word, '\\', &vars, &unknown);
		cr_expect_str_eq(got, cases[i].expected, "'%s' gave '%s'", cases[i].word, got);
		cr_expect_eq(unknown, cases[i].unknown, "'%s' unknown flag", cases[i].word);
	}
	bh_vec_dispose(&vars);
}

Test(df_subst, backtick_escape_keeps_backslashes)
{
	bh_df_vars vars = { 0 };
	bh_df_vars_set(&vars, "A", "1");
	cr_assert_str_eq(bh_df_expand(arena, "c:\\path\\$A", '`', &vars, NULL), "c:\\path\\1");
	cr_assert_str_eq(bh_df_expand(arena, "`$A", '`', &vars, NULL), "$A");
	bh_vec_dispose(&vars);
}

Test(df_subst, last_definition_wins)
{
	bh_df_vars vars = { 0 };
	bh_df_vars_set(&vars, "A", "1");
	bh_df_vars_set(&vars, "A", "2");
	bool found;
	cr_assert_str_eq(bh_df_vars_get(&vars, "A", &found), "2");
	cr_assert(found);
	cr_assert_eq(vars.len, 1);
	cr_assert_null(bh_df_vars_get(&vars, "Z", &found));
	cr_assert_not(found);
	bh_vec_dispose(&vars);
}

// ----------------------------------------------------------------- hostile

static double seconds_since(struct timespec t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

Test(df_hostile, binary_data_gives_errors_not_crashes)
{
	size_t n = 64 * 1024;
	char *junk = bh_xmalloc(n);
	unsigned x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(x >> 16);
	}
	bh_df_file *df = parse_len(junk, n);
	cr_assert_gt(df->nerrors, 0);
	cr_assert_leq(df->nerrors, 100); // capped
	free(junk);
}

Test(df_hostile, hundred_thousand_lines_in_bounded_time)
{
	size_t lines = 100000;
	char *text = bh_xmalloc(lines * 24 + 16);
	size_t len = (size_t)sprintf(text, "FROM alpine\n");
	for (size_t i = 1; i < lines; i++)
		len += (size_t)sprintf(text + len, i % 3 ? "RUN echo %zu \\\n" : "ENV V%zu=x\n", i);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	bh_df_file *df = parse_len(text, len);
	cr_assert_gt(df->ninstrs, 30000);
	cr_assert_lt(seconds_since(t0), 20.0);
	free(text);
}

Test(df_hostile, one_megabyte_line)
{
	size_t n = 1 << 20;
	char *text = bh_xmalloc(n + 16);
	memcpy(text, "RUN ", 4);
	memset(text + 4, 'a', n);
	text[n + 4] = '\n';
	bh_df_file *df = parse_len(text, n + 5);
	cr_assert_eq(df->ninstrs, 1);
	cr_assert_eq(strlen(df->instrs[0].args[0]), n);
	free(text);
}

Test(df_hostile, unbalanced_json_and_nul_bytes)
{
	static const char text[] = "CMD [\"a\", [\"b\"\nRUN x\0y\nENTRYPOINT [\"\\u12\"]\n";
	bh_df_file *df = parse_len(text, sizeof(text) - 1);
	cr_assert_eq(df->ninstrs, 3);
	cr_assert_geq(df->nerrors, 2);
}

Test(df_hostile, deep_substitution_nesting_is_bounded)
{
	size_t depth = 10000;
	char *w = bh_xmalloc(depth * 8 + 8);
	size_t n = 0;
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(w + n, "${E:-");
	for (size_t i = 0; i < depth; i++)
		w[n++] = '}';
	w[n] = '\0';
	bh_df_vars vars = { 0 };
	bh_df_vars_set(&vars, "E", "");
	const char *r = bh_df_expand(arena, w, '\\', &vars, NULL);
	cr_assert_not_null(r);
	bh_vec_dispose(&vars);
	free(w);
}

Test(df_hostile, instruction_limit_is_diagnosed)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	const bh_source *src = bh_source_from_bytes(arena, "Dockerfile", "RUN a\nRUN b\nRUN c\n", 18);
	bh_df_options opts = { .max_instructions = 2 };
	bh_df_file *df;
	bh_df_parse(&df, arena, src, &opts, &diags);
	cr_assert_eq(df->ninstrs, 2);
	cr_assert_eq(diags.items.len, 1);
	cr_assert_str_eq(diags.items.items[0].code, "df.too-many-instructions");
	bh_diags_dispose(&diags);
}
