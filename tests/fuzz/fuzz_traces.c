// SPDX-License-Identifier: MIT
// libFuzzer entry point for the analyses' traces (the cache's traces-*
// entries, include/bulkhead/reuse.h): the first byte picks the analysis
// (memory, initialisation, calls, bounds, taint), the rest are its traces. They are
// loaded and used by that analysis over a small program it compiles once:
// traces that name the program's functions with their digests (the seeds,
// which BH_FUZZ_WRITE_SEEDS=DIR writes from a run of each analysis) are
// replayed, so that mutations of their outputs reach the decoders of
// summaries, findings and counts. Whatever the bytes, the analysis runs to
// its end and the traces it saves load again.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/bounds.h"
#include "bulkhead/call_checks.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/mem.h"
#include "bulkhead/reuse.h"
#include "bulkhead/taint.h"
#include "bulkhead/uninit.h"
#include "program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// A double free through a wrapper, a field unset in a caller and read in
// its callee, setuid() ignored through a wrapper, a recursive pair, an
// overflow in a callee's calling context and one of a wrapper's block,
// a command from the environment through a global and a wrapper.
static const char program_c[] =
	"#include <stdlib.h>\n"
	"#include <unistd.h>\n"
	"struct opts { int a; int b; };\n"
	"static int use_b(struct opts o) { return o.b; }\n"
	"void release(char *p) { free(p); }\n"
	"char *make(size_t n) { return malloc(n); }\n"
	"int drop_priv(uid_t u) { return setuid(u); }\n"
	"int odd(int n);\n"
	"int even(int n) { return n == 0 ? 1 : odd(n - 1); }\n"
	"int odd(int n) { return n == 0 ? 0 : even(n - 1); }\n"
	"void put_at(char *b, int i) { b[i] = 1; }\n"
	"char *block(void) { return malloc(16); }\n"
	"char *g_cmd;\n"
	"void set_cmd(void) { g_cmd = getenv(\"CMD\"); }\n"
	"void run(const char *c) { system(c); }\n"
	"int main(int argc, char **argv) {\n"
	"\tchar buf[8];\n"
	"\tput_at(buf, 9);\n"
	"\tchar *q = block();\n"
	"\tq[20] = 1;\n"
	"\tfree(q);\n"
	"\tset_cmd();\n"
	"\trun(g_cmd);\n"
	"\tchar *p = make(8);\n"
	"\trelease(p);\n"
	"\trelease(p);\n"
	"\tstruct opts o;\n"
	"\to.a = argc;\n"
	"\tdrop_priv(1000);\n"
	"\treturn use_b(o) + even(argc) + (argv[0] != 0);\n"
	"}\n";

static const char *const analyses[] = { "memory", "initialisation", "calls", "bounds", "taint" };
#define NANALYSES (sizeof(analyses) / sizeof(analyses[0]))

static bh_ir_program program;
static bh_callgraph graph;
static bh_callgraph_ids ids;
static bh_arena *ids_arena;
static bool compiled;

static void compile_once(void)
{
	if (compiled)
		return;
	// Once per process: libclang is the slow part.
	static const char *const files[] = { "main.c", program_c, NULL };
	bh_test_compile_program_or_abort(files, &program);
	bh_callgraph_build(&graph, &program);
	ids_arena = bh_arena_new();
	bh_callgraph_identify(&graph, ids_arena, &ids);
	compiled = true;
}

// Run analysis `which` with `reuse`.
static void run(unsigned which, bh_reuse *reuse, bh_arena *arena)
{
	bh_findings findings;
	bh_diags diags;
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	if (which == 0) {
		bh_mem_models models;
		bh_mem_models_init(&models);
		bh_mem_models_add_builtin(&models, arena, &diags);
		bh_mem_options o = BH_MEM_OPTIONS_INIT;
		o.graph = &graph;
		o.reuse = reuse;
		o.ids = &ids;
		bh_mem_run(&program, &models, &o, &findings, &diags);
		bh_mem_models_dispose(&models);
	} else if (which == 1) {
		bh_uninit_options o = BH_UNINIT_OPTIONS_INIT;
		o.graph = &graph;
		o.reuse = reuse;
		o.ids = &ids;
		bh_uninit_run(&program, &o, &findings, &diags);
	} else if (which == 2) {
		bh_calls_models models;
		bh_calls_models_init(&models);
		bh_calls_models_add_builtin(&models, arena, &diags);
		bh_calls_options o = BH_CALLS_OPTIONS_INIT;
		o.graph = &graph;
		o.reuse = reuse;
		o.ids = &ids;
		bh_calls_run(&program, &models, &o, &findings, &diags);
		bh_calls_models_dispose(&models);
	} else if (which == 3) {
		bh_bounds_options o = BH_BOUNDS_OPTIONS_INIT;
		o.graph = &graph;
		o.reuse = reuse;
		o.ids = &ids;
		bh_bounds_run(&program, &o, &findings, &diags);
	} else {
		bh_taint_models models;
		bh_taint_models_init(&models);
		bh_taint_models_add_builtin(&models, arena, &diags);
		bh_taint_options o = BH_TAINT_OPTIONS_INIT;
		o.graph = &graph;
		o.reuse = reuse;
		o.ids = &ids;
		bh_taint_run(&program, &models, &o, &findings, &diags);
		bh_taint_models_dispose(&models);
	}
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
}

// BH_FUZZ_WRITE_SEEDS=DIR: the traces a run of each analysis saves, as seeds.
static void write_seeds(const char *dir)
{
	for (unsigned w = 0; w < NANALYSES; w++) {
		bh_arena *arena = bh_arena_new();
		bh_reuse *r = bh_reuse_new(analyses[w]);
		run(w, r, arena);
		bh_bytes out = { 0 };
		bh_reuse_save(r, &out);
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, analyses[w]);
		FILE *f = fopen(path, "wb");
		unsigned char selector = (unsigned char)w;
		if (!f || fwrite(&selector, 1, 1, f) != 1 || fwrite(out.items, 1, out.len, f) != out.len || fclose(f))
			abort();
		// A seed is worth having only if the analysis replays it.
		bh_reuse *again = bh_reuse_new(analyses[w]);
		if (!bh_reuse_load(again, out.items, out.len))
			abort();
		run(w, again, arena);
		size_t replayed, analysed;
		bh_reuse_counts(again, &replayed, &analysed);
		if (!replayed || analysed)
			abort();
		bh_reuse_free(again);
		bh_vec_dispose(&out);
		bh_reuse_free(r);
		bh_arena_free(arena);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	compile_once();
	static bool seeded;
	if (!seeded) {
		seeded = true;
		if (getenv("BH_FUZZ_WRITE_SEEDS"))
			write_seeds(getenv("BH_FUZZ_WRITE_SEEDS"));
	}
	if (size < 1)
		return 0;
	unsigned which = data[0] % NANALYSES;
	bh_arena *arena = bh_arena_new();
	bh_reuse *r = bh_reuse_new(analyses[which]);
	(void)bh_reuse_load(r, data + 1, size - 1);
	run(which, r, arena);
	// What the run saves is whole.
	bh_bytes out = { 0 };
	bh_reuse_save(r, &out);
	bh_reuse *again = bh_reuse_new(analyses[which]);
	if (!bh_reuse_load(again, out.items, out.len))
		abort();
	bh_reuse_free(again);
	bh_vec_dispose(&out);
	bh_reuse_free(r);
	bh_arena_free(arena);
	return 0;
}
