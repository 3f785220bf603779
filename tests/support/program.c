// SPDX-License-Identifier: MIT
// Test support: small C programs compiled into a bh_ir_program (program.h).
#include <stdlib.h>
#include <string.h>

#include "bulkhead/clang.h"
#include "bulkhead/disc.h"
#include "bulkhead/reuse.h"
#include "bulkhead/rule.h"
#include "program.h"
#include "tmpctx.h"

bool bh_test_compile_program(bh_arena *arena, const char *const *files, bh_ir_program *prog,
			     bh_findings *findings, bh_diags *diags)
{
	char root[256];
	if (!bh_test_mkdtemp(root, sizeof root, "program"))
		return false;
	char *canon = realpath(root, NULL);
	bool ok = canon != NULL;
	bh_units units = { 0 };
	for (size_t i = 0; ok && files[i]; i += 2) {
		ok = bh_test_write(root, files[i], files[i + 1], strlen(files[i + 1]));
		if (!ok || !strstr(files[i], ".c"))
			continue;
		bh_unit *u = bh_vec_grow_one(&units);
		u->path = files[i];
		u->abs_path = bh_arena_sprintf(arena, "%s/%s", canon, files[i]);
		const char **args = bh_arena_alloc(arena, sizeof(*args));
		args[0] = bh_arena_sprintf(arena, "-I%s", canon);
		u->args = args;
		u->nargs = 1;
		u->flags_source = BH_FLAGS_COMPDB;
	}
	if (ok) {
		bh_clang_options opts = BH_CLANG_OPTIONS_INIT;
		opts.jobs = 1;
		opts.program = prog;
		ok = bh_clang_scan(&units, canon, &opts, findings, diags) == BH_OK;
	}
	bh_vec_dispose(&units);
	bh_test_rmtree(root);
	free(canon);
	return ok;
}

bool bh_test_traced_open(bh_test_traced *t, bh_arena *arena, const char *analysis, const char *const *files,
			 const bh_bytes *traces, bh_findings *findings, bh_diags *diags)
{
	memset(t, 0, sizeof(*t));
	bh_ir_program_init(&t->prog);
	if (!bh_test_compile_program(arena, files, &t->prog, findings, diags))
		return false;
	bh_callgraph_build(&t->graph, &t->prog);
	bh_callgraph_identify(&t->graph, arena, &t->ids);
	t->reuse = bh_reuse_new(analysis);
	return !traces || bh_reuse_load(t->reuse, traces->items, traces->len);
}

void bh_test_traced_close(bh_test_traced *t, bh_bytes *out, size_t *replayed, size_t *recorded)
{
	out->len = 0;
	bh_reuse_save(t->reuse, out);
	bh_reuse_counts(t->reuse, replayed, recorded);
	bh_reuse_free(t->reuse);
	bh_callgraph_dispose(&t->graph);
	bh_ir_program_dispose(&t->prog);
}

void bh_test_compile_program_or_abort(const char *const *files, bh_ir_program *prog)
{
	bh_arena *a = bh_arena_new();
	bh_findings f;
	bh_diags d;
	bh_findings_init(&f, a);
	bh_diags_init(&d, a);
	bh_ir_program_init(prog);
	if (!bh_test_compile_program(a, files, prog, &f, &d))
		abort();
	bh_findings_dispose(&f);
	bh_diags_dispose(&d);
	bh_arena_free(a);
}

const char *bh_test_rule_lines(bh_arena *arena, const bh_findings *findings, const char *id)
{
	char *out = bh_arena_strdup(arena, "");
	for (size_t i = 0; i < findings->items.len; i++) {
		const bh_finding *f = &findings->items.items[i];
		if (strcmp(f->rule->id, id) == 0)
			out = bh_arena_sprintf(arena, "%s%s%u", out, *out ? " " : "", f->loc.line);
	}
	return out;
}

const bh_finding *bh_test_first_finding(const bh_findings *findings, const char *id)
{
	for (size_t i = 0; i < findings->items.len; i++)
		if (strcmp(findings->items.items[i].rule->id, id) == 0)
			return &findings->items.items[i];
	return NULL;
}
