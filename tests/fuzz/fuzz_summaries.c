// SPDX-License-Identifier: MIT
// libFuzzer entry point for the summaries reader (--summaries files come
// from users, caches and other machines): any bytes as a summaries file;
// what it accepts is then used by the taint analysis and the memory
// checkers of a program whose calls have no body (so a summary that passes
// the checks cannot make an analysis index out of bounds), and written
// back: reading that output must give the same bytes again, else abort().
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/mem.h"
#include "bulkhead/taint.h"
#include "program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Calls to f, g and h (declared, no body) with tainted and clean
// arguments, structs by address, an array and a function pointer: the
// seeds summarise functions of these names.
static const char program_c[] =
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"struct s { char *cmd; int n; char buf[8]; };\n"
	"int f(const char *a, int n);\n"
	"char *g(struct s *p, char *out);\n"
	"void h(struct s *p, int i);\n"
	"extern char g_name[32];\n"
	"int main(int argc, char **argv) {\n"
	"\tstruct s v;\n"
	"\tchar local[16];\n"
	"\tv.cmd = getenv(\"X\");\n"
	"\tv.n = argc;\n"
	"\tf(argv[1], argc);\n"
	"\tchar *r = g(&v, local);\n"
	"\tprintf(r);\n"
	"\th(&v, v.n);\n"
	"\tfree(r);\n"
	"\th(0, 1);\n"
	"\tlocal[v.n & 15] = 0;\n"
	"\tsystem(g_name);\n"
	"\tint (*fp)(const char *, int) = f;\n"
	"\treturn fp(local, v.n);\n"
	"}\n";

static bh_ir_program program;
static bool compiled;

static char *write_text(const bh_summaries *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (!out || bh_summaries_write(s, out) != BH_OK)
		abort();
	fclose(out);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!compiled) {
		// Once per process: libclang is the slow part.
		static const char *const files[] = { "main.c", program_c, NULL };
		bh_test_compile_program_or_abort(files, &program);
		compiled = true;
	}
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_findings findings;
	bh_diags_init(&diags, arena);
	bh_findings_init(&findings, arena);

	bh_summaries *s = bh_summaries_new();
	bh_summaries_read(s, (const char *)data, size, "fuzz.json", &diags);
	char *first = write_text(s);

	bh_taint_models models;
	bh_taint_models_init(&models);
	bh_taint_models_add_builtin(&models, arena, &diags);
	bh_taint_options opts = BH_TAINT_OPTIONS_INIT;
	opts.imported = s;
	bh_taint_run(&program, &models, &opts, &findings, &diags);
	bh_taint_models_dispose(&models);
	bh_mem_models mem_models;
	bh_mem_models_init(&mem_models);
	bh_mem_models_add_builtin(&mem_models, arena, &diags);
	bh_mem_options mem_opts = BH_MEM_OPTIONS_INIT;
	mem_opts.imported = s;
	bh_mem_run(&program, &mem_models, &mem_opts, &findings, &diags);
	bh_mem_models_dispose(&mem_models);

	bh_summaries *again = bh_summaries_new();
	bh_diags_dispose(&diags);
	bh_diags_init(&diags, arena);
	bh_summaries_read(again, first, strlen(first), "again.json", &diags);
	char *second = write_text(again);
	if (strcmp(first, second) != 0 || diags.items.len != 0 ||
	    bh_summaries_count(again) != bh_summaries_count(s))
		abort();

	free(first);
	free(second);
	bh_summaries_free(again);
	bh_summaries_free(s);
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
