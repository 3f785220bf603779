// SPDX-License-Identifier: MIT
// Unit tests for the IR (bh_ir) and its C lowering: the stage goldens of
// tests/ir/ (each <case>.c dumped and diffed against <case>.expected;
// BH_GOLDEN_UPDATE=1 rewrites them), the verifier on every lowered
// function, exact CFG shapes asserted directly (fall-through, noreturn,
// goto into a loop), the builder by hand, and hostile input (deep nesting,
// huge functions, C that does not compile).
#include <criterion/criterion.h>
#include <signal.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/clang.h"
#include "bulkhead/diag.h"
#include "bulkhead/ir.h"

#define CASES BH_SOURCE_ROOT "/tests/ir"

static bh_arena *arena;

static void setup(void) { arena = bh_arena_new(); }
static void teardown(void) { bh_arena_free(arena); }

TestSuite(ir, .init = setup, .fini = teardown);

// ------------------------------------------------------------------ helpers

// Lower `dir/name` with `dir` as the context root.
static bh_ir_unit *lower_file(const char *dir, const char *name, bh_diags *diags)
{
	char root[PATH_MAX];
	cr_assert_not_null(realpath(dir, root), "realpath(%s)", dir);
	bh_unit u = { 0 };
	u.path = bh_arena_strdup(arena, name);
	u.abs_path = bh_arena_sprintf(arena, "%s/%s", root, name);
	u.flags_source = BH_FLAGS_COMPDB;
	bh_ir_unit *ir = bh_arena_alloc(arena, sizeof(*ir));
	cr_assert_eq(bh_clang_lower(ir, arena, &u, root, diags), BH_OK);
	return ir;
}

// Write `text` to a fresh file `name` in a temporary directory; returns the directory.
static const char *temp_source(const char *name, const char *text)
{
	char *dir = bh_arena_strdup(arena, "/tmp/bh-ir-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	FILE *f = fopen(bh_arena_sprintf(arena, "%s/%s", dir, name), "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return dir;
}

static void remove_temp(const char *dir, const char *name)
{
	unlink(bh_arena_sprintf(arena, "%s/%s", dir, name));
	rmdir(dir);
}

// The unit of source `text` compiled as file `name` (in a temporary
// directory, removed again).
static bh_ir_unit *lower_text(const char *name, const char *text, bh_diags *diags)
{
	const char *dir = temp_source(name, text);
	bh_ir_unit *ir = lower_file(dir, name, diags);
	remove_temp(dir, name);
	return ir;
}

static const bh_ir_func *find_func(const bh_ir_unit *ir, const char *name)
{
	for (const bh_ir_func *fn = ir->first; fn; fn = fn->next)
		if (strcmp(fn->name, name) == 0)
			return fn;
	cr_assert_fail("no function %s", name);
	return NULL;
}

static char *dump(const bh_ir_unit *ir)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	for (const bh_ir_func *fn = ir->first; fn; fn = fn->next)
		bh_ir_print(f, fn);
	fclose(f);
	char *copy = bh_arena_strdup(arena, buf);
	cr_assert_not_null(copy);
	free(buf);
	return copy;
}

// __FILE__ in assert() expands to the absolute path: make it stable.
static char *normalize(const char *text, const char *root)
{
	size_t rn = strlen(root);
	char *out = bh_arena_alloc(arena, strlen(text) + 1);
	size_t n = 0;
	for (const char *p = text; *p;) {
		if (strncmp(p, root, rn) == 0 && p[rn] == '/') {
			p += rn + 1;
			continue;
		}
		out[n++] = *p++;
	}
	out[n] = '\0';
	return out;
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	cr_assert_not_null(m);
	int c;
	while ((c = fgetc(f)) != EOF)
		fputc(c, m);
	fclose(m);
	fclose(f);
	char *copy = bh_arena_strdup(arena, buf);
	free(buf);
	return copy;
}

// First differing line, for a readable failure.
static const char *first_diff(const char *a, const char *b)
{
	unsigned line = 1;
	const char *la = a, *lb = b;
	while (*a && *a == *b) {
		if (*a == '\n') {
			line++;
			la = a + 1;
			lb = b + 1;
		}
		a++;
		b++;
	}
	const char *ea = strchr(la, '\n'), *eb = strchr(lb, '\n');
	return bh_arena_sprintf(arena, "line %u:\n  expected: %.*s\n  actual:   %.*s", line,
				eb ? (int)(eb - lb) : (int)strlen(lb), lb,
				ea ? (int)(ea - la) : (int)strlen(la), la);
}

static void verify_all(const bh_ir_unit *ir)
{
	for (const bh_ir_func *fn = ir->first; fn; fn = fn->next) {
		const char *why = NULL;
		cr_assert(bh_ir_verify(fn, arena, &why), "%s: %s", fn->name, why ? why : "?");
	}
}

// ------------------------------------------------------------------ goldens

Test(ir, goldens_match_expected_dumps)
{
	char root[PATH_MAX];
	cr_assert_not_null(realpath(CASES, root));
	DIR *d = opendir(root);
	cr_assert_not_null(d);
	struct dirent *e;
	const char *names[64];
	size_t n = 0;
	while ((e = readdir(d)) && n < 64) {
		size_t len = strlen(e->d_name);
		if (len > 2 && strcmp(e->d_name + len - 2, ".c") == 0)
			names[n++] = bh_arena_strdup(arena, e->d_name);
	}
	closedir(d);
	cr_assert_geq(n, 6, "expected the IR golden cases in %s", root);
	bool update = getenv("BH_GOLDEN_UPDATE") != NULL;
	unsigned failed = 0;
	for (size_t i = 0; i < n; i++) {
		bh_diags diags;
		bh_diags_init(&diags, arena);
		bh_ir_unit *ir = lower_file(root, names[i], &diags);
		cr_expect_eq(diags.items.len, 0, "%s: %zu diagnostics, first: %s", names[i],
			     diags.items.len, diags.items.len ? diags.items.items[0].message : "");
		verify_all(ir);
		char *got = normalize(dump(ir), root);
		const char *exp_path = bh_arena_sprintf(arena, "%s/%.*s.expected", root,
							(int)(strlen(names[i]) - 2), names[i]);
		if (update) {
			FILE *f = fopen(exp_path, "w");
			cr_assert_not_null(f);
			fputs(got, f);
			fclose(f);
		} else {
			char *want = read_text(exp_path);
			cr_expect_not_null(want, "missing %s (run with BH_GOLDEN_UPDATE=1)", exp_path);
			if (want && strcmp(want, got) != 0) {
				cr_log_error("%s differs at %s", names[i], first_diff(want, got));
				failed++;
			}
		}
		bh_diags_dispose(&diags);
	}
	cr_assert_eq(failed, 0, "%u IR golden(s) differ", failed);
}

// --------------------------------------------------------------- CFG shapes

static const bh_ir_block *block_with_label(const bh_ir_func *fn, const char *label)
{
	for (uint32_t i = 0; i < fn->nblocks; i++)
		if (fn->blocks[i].label && strcmp(fn->blocks[i].label, label) == 0)
			return &fn->blocks[i];
	cr_assert_fail("%s: no block labelled %s", fn->name, label);
	return NULL;
}

static bool has_edge(const bh_ir_func *fn, uint32_t a, uint32_t b)
{
	for (uint32_t i = 0; i < fn->blocks[a].nsuccs; i++)
		if (fn->blocks[a].succs[i] == b)
			return true;
	return false;
}

static const bh_ir_instr *switch_of(const bh_ir_func *fn)
{
	for (uint32_t i = 0; i < fn->nblocks; i++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[i]);
		if (t->op == BH_IR_SWITCH)
			return t;
	}
	cr_assert_fail("%s: no switch", fn->name);
	return NULL;
}

static uint32_t case_target(const bh_ir_instr *sw, int64_t value)
{
	for (uint32_t i = 0; i < sw->ncases; i++)
		if (sw->cases[i].lo <= value && value <= sw->cases[i].hi)
			return sw->cases[i].target;
	return sw->target[0];
}

Test(ir, switch_falls_through_and_keeps_default_in_the_middle)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "switch.c", &diags);
	const bh_ir_func *fn = find_func(ir, "sw");
	const bh_ir_instr *sw = switch_of(fn);
	cr_assert_eq(sw->ncases, 5);
	uint32_t c0 = case_target(sw, 0), c1 = case_target(sw, 1), c2 = case_target(sw, 2);
	uint32_t c5 = case_target(sw, 5), dflt = sw->target[0];
	// case 0 falls into case 1, which falls into case 2.
	cr_assert(has_edge(fn, c0, c1));
	cr_assert(has_edge(fn, c1, c2));
	// default (written before case 5) falls into case 5.
	cr_assert(has_edge(fn, dflt, c5));
	cr_assert_eq(case_target(sw, 11), case_target(sw, 10), "GNU range 10 ... 12");
	cr_assert_eq(bh_ir_block_terminator(&fn->blocks[case_target(sw, 12)])->op, BH_IR_RET);
	// Duff's device: case 3 is entered both from the switch and from the loop body.
	const bh_ir_func *duff = find_func(ir, "duff");
	const bh_ir_instr *dsw = switch_of(duff);
	uint32_t d3 = case_target(dsw, 3);
	cr_assert_eq(duff->blocks[d3].npreds, 2);
	// `switch (7)` jumps to the default and `switch (6)` to case 6, which
	// falls into case 7: no switch is left, and neither `a = 1` nor
	// `a = 0` is reachable.
	const bh_ir_func *k = find_func(ir, "constant");
	for (uint32_t b = 0; b < k->nblocks; b++) {
		cr_assert_neq(bh_ir_block_terminator(&k->blocks[b])->op, BH_IR_SWITCH);
		for (uint32_t i = 0; i < k->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &k->blocks[b].instrs[i];
			cr_assert_not(in->op == BH_IR_ASSIGN && in->args[0].kind == BH_IR_OPND_INT &&
				      (in->args[0].ival == 1 || in->args[0].ival == 0),
				      "dead case lowered in bb%u", b);
		}
	}
	bh_diags_dispose(&diags);
}

Test(ir, goto_enters_the_middle_of_a_loop)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "goto.c", &diags);
	const bh_ir_func *fn = find_func(ir, "into_loop");
	const bh_ir_block *inside = block_with_label(fn, "inside");
	// Reached from the goto (before the loop) and from the loop body.
	cr_assert_eq(inside->npreds, 2);
	// The loop head is inside's successor and one of its predecessors' successor.
	cr_assert_eq(inside->nsuccs, 1);
	const bh_ir_block *head = &fn->blocks[inside->succs[0]];
	cr_assert_eq(bh_ir_block_terminator(head)->op, BH_IR_BR);
	// `i = 100` after `goto done` is dead and gone.
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t k = 0; k < fn->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[k];
			cr_assert(!(in->nargs == 1 && in->args[0].kind == BH_IR_OPND_INT &&
				    in->args[0].ival == 100), "dead code was kept");
		}
	bh_diags_dispose(&diags);
}

Test(ir, noreturn_calls_end_their_block)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "noreturn.c", &diags);
	const bh_ir_func *fn = find_func(ir, "check");
	const char *expected[] = { "exit", "abort", "die", "fatal", "panic", "longjmp", "err",
				   "__assert_fail" };
	unsigned seen = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_block *blk = &fn->blocks[b];
		for (uint32_t k = 0; k < blk->ninstrs; k++) {
			const bh_ir_instr *in = &blk->instrs[k];
			if (in->op != BH_IR_CALL)
				continue;
			cr_assert(in->noreturn, "%s should be noreturn", in->callee.str);
			cr_assert_eq(k + 2, blk->ninstrs, "%s is not last", in->callee.str);
			cr_assert_eq(blk->instrs[k + 1].op, BH_IR_UNREACHABLE);
			cr_assert_eq(blk->nsuccs, 0);
			for (size_t i = 0; i < BH_ARRAY_LEN(expected); i++)
				if (strcmp(in->callee.str, expected[i]) == 0)
					seen |= 1u << i;
		}
	}
	cr_assert_eq(seen, (1u << BH_ARRAY_LEN(expected)) - 1, "seen mask %x", seen);
	// A program's own function that returns is an ordinary call.
	const bh_ir_func *r = find_func(ir, "returns");
	bool found = false;
	for (uint32_t b = 0; b < r->nblocks; b++)
		for (uint32_t k = 0; k < r->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &r->blocks[b].instrs[k];
			if (in->op == BH_IR_CALL) {
				found = true;
				cr_assert(!in->noreturn);
			}
		}
	cr_assert(found);
	bh_diags_dispose(&diags);
}

Test(ir, short_circuit_conditions_branch_per_operand)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "branches.c", &diags);
	const bh_ir_func *fn = find_func(ir, "branches");
	// `a && b`, `a || !b`, `a ? b : !b` each branch on a and b alone:
	// no BINOP computes a logical value.
	unsigned brs = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[b]);
		if (t->op == BH_IR_BR)
			brs++;
	}
	cr_assert_eq(brs, 10, "branches: %u", brs);
	// `unlikely(p == 0 && n > 0)` and `(n > 2) == 0` branch on the tests
	// themselves: nothing compares a computed truth value with 0.
	const bh_ir_func *h = find_func(ir, "hinted");
	brs = 0;
	for (uint32_t b = 0; b < h->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&h->blocks[b]);
		brs += t->op == BH_IR_BR;
		for (uint32_t i = 0; i < h->blocks[b].ninstrs; i++)
			cr_assert_neq(h->blocks[b].instrs[i].op, BH_IR_ASSIGN,
				      "a truth value was computed in bb%u", b);
	}
	cr_assert_eq(brs, 3, "hinted: %u", brs);
	// `if (0)`, `while (1)` and `do ... while (0)` are folded: no branch
	// on a constant.
	const bh_ir_func *c = find_func(ir, "constants");
	for (uint32_t b = 0; b < c->nblocks; b++) {
		const bh_ir_instr *t = bh_ir_block_terminator(&c->blocks[b]);
		if (t->op == BH_IR_BR)
			cr_assert_neq(t->args[0].kind, BH_IR_OPND_INT);
	}
	bh_diags_dispose(&diags);
}

// Instruction lookups: by id (bh_ir_instr_at answers NULL past the end,
// bh_ir_instr_of only for ids it has) and a variable's only assignment.
Test(ir, instructions_are_found_by_id_and_by_the_one_assignment)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("defs.c",
		"int f(int a) { int once = a + 1; int twice = 0; if (a) twice = 2; return once + twice; }\n",
		&diags);
	const bh_ir_func *fn = find_func(ir, "f");
	for (uint32_t id = 0; id < fn->ninstrs; id++) {
		const bh_ir_instr *in = bh_ir_instr_at(fn, id);
		cr_assert_not_null(in);
		cr_assert_eq(in->id, id);
		cr_assert_eq(bh_ir_instr_of(fn, id), in);
	}
	cr_assert_null(bh_ir_instr_at(fn, fn->ninstrs));
	uint32_t once = UINT32_MAX, twice = UINT32_MAX;
	for (uint32_t v = 0; v < fn->nvars; v++) {
		if (strcmp(fn->vars[v].name, "once") == 0)
			once = v;
		if (strcmp(fn->vars[v].name, "twice") == 0)
			twice = v;
	}
	size_t n;
	const bh_ir_instr *d = bh_ir_only_def(fn, once, &n);
	cr_assert_not_null(d);
	cr_assert_eq(n, 1);
	cr_assert_eq(d->dst.var, once);
	cr_assert_null(bh_ir_only_def(fn, twice, &n));
	cr_assert_eq(n, 2);
	cr_assert_null(bh_ir_only_def(fn, 0, &n), "a parameter nobody assigns");
	cr_assert_eq(n, 0);
	bh_diags_dispose(&diags);
}

// An id the function does not have is a bug of the caller: it stops with
// file and line instead of handing NULL on.
Test(ir, an_instruction_id_the_function_lacks_aborts, .signal = SIGABRT)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("one.c", "int f(void) { return 1; }\n", &diags);
	const bh_ir_func *fn = find_func(ir, "f");
	bh_ir_instr_of(fn, fn->ninstrs);
}

Test(ir, memory_model_fields_indexes_and_strings)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "memory.c", &diags);
	const bh_ir_func *fn = find_func(ir, "memory");
	bool arrow_store = false, dot_read = false, region_store = false, str = false;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t k = 0; k < fn->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[k];
			cr_assert_str_eq(in->loc.path, "memory.c");
			cr_assert_gt(in->loc.line, 0);
			if (in->op == BH_IR_FIELD_STORE && in->arrow && strcmp(in->name, "len") == 0)
				arrow_store = true;
			if (in->op == BH_IR_FIELD && !in->arrow && strcmp(in->name, "len") == 0 &&
			    in->args[0].kind == BH_IR_OPND_VAR)
				dot_read = strcmp(fn->vars[in->args[0].var].name, "v") == 0;
			if (in->op == BH_IR_INDEX_STORE && in->args[0].kind == BH_IR_OPND_VAR &&
			    (fn->vars[in->args[0].var].flags & BH_IR_VAR_ARRAY))
				region_store = true;
			if (in->op == BH_IR_CALL && in->callee.kind == BH_IR_OPND_FUNC &&
			    strcmp(in->callee.str, "strcpy") == 0) {
				cr_assert_eq(in->args[1].kind, BH_IR_OPND_STR);
				cr_assert_eq(in->args[1].len, 4);
				cr_assert(memcmp(in->args[1].str, "hi\nA", 4) == 0);
				cr_assert_not_null(in->callee.usr);
				str = true;
			}
		}
	cr_assert(arrow_store && dot_read && region_store && str);
	// Kinds of variables.
	bool global = false, stat = false, addressed = false;
	for (uint32_t i = 0; i < fn->nvars; i++) {
		const bh_ir_var *v = &fn->vars[i];
		if (strcmp(v->name, "counter") == 0)
			global = v->kind == BH_IR_VAR_GLOBAL && v->usr;
		if (strcmp(v->name, "calls") == 0)
			stat = v->kind == BH_IR_VAR_STATIC && v->usr;
		if (strcmp(v->name, "v") == 0)
			addressed = (v->flags & BH_IR_VAR_ADDRESSED) && (v->flags & BH_IR_VAR_RECORD);
	}
	cr_assert(global && stat && addressed);
	cr_assert_eq(fn->nparams, 4);
	// Every member of a union, named or anonymous, is its first member.
	const bh_ir_func *u = find_func(ir, "unions");
	unsigned fields = 0;
	for (uint32_t b = 0; b < u->nblocks; b++)
		for (uint32_t k = 0; k < u->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &u->blocks[b].instrs[k];
			if (in->op != BH_IR_FIELD && in->op != BH_IR_FIELD_STORE)
				continue;
			fields++;
			cr_assert(strcmp(in->name, "first") == 0 || strcmp(in->name, "a") == 0,
				  "field %s", in->name);
		}
	cr_assert_eq(fields, 5);
	bh_diags_dispose(&diags);
}

// Integer widths: where arithmetic is computed, and conversions that cut.
Test(ir, arithmetic_widths_and_narrowing_conversions)
{
	const char *dir = temp_source("widths.c",
				      "unsigned short f(long n, unsigned char c, short s) {\n"
				      "	unsigned short u = n;\n"   // narrowing: ASSIGN u16
				      "	int i = (int)n + c;\n"     // explicit cut, then int arithmetic
				      "	s += 1;\n"                 // computed in the stored type
				      "	unsigned x = c * 2u;\n"
				      "	long w = c;\n"             // widening: a plain copy
				      "	return u + i + s + x + w;\n"
				      "}\n");
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(dir, "widths.c", &diags);
	const bh_ir_func *fn = find_func(ir, "f");
	unsigned u16 = 0, i32 = 0, narrowing = 0, add16 = 0, mulu32 = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t k = 0; k < fn->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[k];
			if (in->op == BH_IR_ASSIGN && in->bits) {
				narrowing++;
				u16 += in->bits == 16 && in->is_unsigned;
				i32 += in->bits == 32 && !in->is_unsigned;
			}
			if (in->op == BH_IR_BINOP && in->sub == BH_IR_BIN_ADD && in->loc.line == 4)
				add16 += in->bits == 16 && !in->is_unsigned;
			if (in->op == BH_IR_BINOP && in->sub == BH_IR_BIN_MUL)
				mulu32 += in->bits == 32 && in->is_unsigned;
		}
	// `u = n`, `(int)n` and the return's cut to unsigned short; `w = c` is not one.
	cr_assert_eq(narrowing, 3);
	cr_assert_eq(u16, 2);
	cr_assert_eq(i32, 1);
	cr_assert_eq(add16, 1);
	cr_assert_eq(mulu32, 1);
	for (uint32_t v = 0; v < fn->nvars; v++)
		if (strcmp(fn->vars[v].name, "x") == 0 || strcmp(fn->vars[v].name, "c") == 0)
			cr_assert(fn->vars[v].flags & BH_IR_VAR_UNSIGNED, "%s", fn->vars[v].name);
		else if (strcmp(fn->vars[v].name, "s") == 0)
			cr_assert_not(fn->vars[v].flags & BH_IR_VAR_UNSIGNED);
	bh_diags_dispose(&diags);
	remove_temp(dir, "widths.c");
}

// Comparisons of addresses and differences of pointers are marked: the
// taint analysis reads a loop over `p < end` by what moved `end`.
Test(ir, comparisons_and_differences_of_pointers_are_marked)
{
	const char *src = "long f(const char *p, const char *end, unsigned n, char buf[8]) {\n"
			  "	long k = end - p;\n"          // 2: on pointers
			  "	if (p < end && buf <= p)\n"    // 3: two on pointers
			  "		return k;\n"
			  "	if (n < 8u && k > 2)\n"        // 5: numbers
			  "		return n - 1;\n"           // 6: numbers
			  "	return (end - 1) - p;\n"       // 7: `end - 1` moves a pointer; then on pointers
			  "}\n";
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("ptrs.c", src, &diags);
	const bh_ir_func *fn = find_func(ir, "f");
	unsigned marked[8] = { 0 }, binops[8] = { 0 };
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t k = 0; k < fn->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[k];
			if (in->op != BH_IR_BINOP || in->loc.line >= 8)
				continue;
			binops[in->loc.line]++;
			marked[in->loc.line] += in->on_pointers;
		}
	cr_assert_eq(marked[2], 1);
	cr_assert_eq(marked[3], 2);
	cr_assert_eq(marked[5], 0);
	cr_assert_eq(binops[5], 2);
	cr_assert_eq(marked[6], 0);
	cr_assert_eq(binops[7], 2);
	cr_assert_eq(marked[7], 1);
	bh_diags_dispose(&diags);
}

// clang drops an initialiser it found an error in; the variable is still set.
Test(ir, dropped_initialiser_still_sets_the_variable)
{
	const char *dir = temp_source("broken.c", "int *make(int, int);\n"
						  "int f(int n) {\n"
						  "	int *p = make(UNDECLARED_MACRO, n);\n"
						  "	int q;\n"
						  "	return p ? *p : q;\n"
						  "}\n");
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(dir, "broken.c", &diags);
	cr_assert_gt(diags.items.len, 0, "the error is a diagnostic");
	const bh_ir_func *fn = find_func(ir, "f");
	bool p_set = false, q_set = false;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t k = 0; k < fn->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[k];
			if (in->dst.kind != BH_IR_OPND_VAR)
				continue;
			p_set |= strcmp(fn->vars[in->dst.var].name, "p") == 0 && in->op == BH_IR_OPAQUE;
			q_set |= strcmp(fn->vars[in->dst.var].name, "q") == 0;
		}
	cr_assert(p_set);
	cr_assert_not(q_set, "a declaration without `=` sets nothing");
	bh_diags_dispose(&diags);
	remove_temp(dir, "broken.c");
}

// The instructions of `fn` that write variable `name` (as dst or as the
// base of a FIELD_STORE / INDEX_STORE), in order, one line each.
static const char *writes_of(const bh_ir_func *fn, const char *name)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t k = 0; k < fn->blocks[b].ninstrs; k++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[k];
			const bh_ir_opnd *w = in->dst.kind == BH_IR_OPND_VAR ? &in->dst : NULL;
			if (in->op == BH_IR_FIELD_STORE || in->op == BH_IR_INDEX_STORE)
				w = &in->args[0];
			if (!w || w->kind != BH_IR_OPND_VAR || strcmp(fn->vars[w->var].name, name) != 0)
				continue;
			bh_ir_print_instr(f, fn, in);
			fputc('\n', f);
		}
	fclose(f);
	char *copy = bh_arena_strdup(arena, buf);
	cr_assert_not_null(copy);
	free(buf);
	return copy;
}

Test(ir, initialiser_lists_zero_fill_then_store_what_they_name)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "init.c", &diags);
	const bh_ir_func *fn = find_func(ir, "structs");
	// Designated members, a call among them.
	cr_assert_str_eq(writes_of(fn, "r"), "r = 0\nr.buf = %0\nr.len = n\n");
	// Positional members; an aggregate member is one value; a string for a
	// byte array member.
	cr_assert_str_eq(writes_of(fn, "d"),
			 "d = 0\nd.buf = p\nd.len = n\nd.in = %1\nd.name = \"ab\"\n");
	// A member named twice keeps the last value; nested designators of one
	// member make one value.
	cr_assert_str_eq(writes_of(fn, "e"), "e = 0\ne.len = n\ne.in = %2\n");
	// `{ 0 }` whatever the first member is.
	cr_assert_str_eq(writes_of(fn, "z"), "z = 0\n");
	cr_assert_str_eq(writes_of(fn, "o"), "o = 0\no.run = @run_it\n");
	// Brace elision and anonymous members keep the generic lowering.
	cr_assert_str_eq(writes_of(fn, "elided"), "elided = opaque InitListExpr(1, 2, 3)\n");
	cr_assert(strstr(writes_of(fn, "an"), "opaque InitListExpr") != NULL);
	fn = find_func(ir, "arrays");
	cr_assert_str_eq(writes_of(fn, "path"), "path = \"/var/lib/\"\n");
	cr_assert_str_eq(writes_of(fn, "bytes"), "bytes = \"hi\"\n");
	// n is an int cut to char on the way: a conversion, then the store.
	cr_assert_str_eq(writes_of(fn, "mixed"), "mixed = 0\nmixed[0] = 120\nmixed[1] = %0\n");
	cr_assert_str_eq(writes_of(fn, "small"), "small = 0\nsmall[0] = 1\nsmall[2] = n\n");
	cr_assert_str_eq(writes_of(fn, "sparse"), "sparse = 0\nsparse[3] = 7\nsparse[9] = n\n");
	cr_assert_str_eq(writes_of(fn, "argv"), "argv = 0\nargv[0] = p\n");
	cr_assert(strstr(writes_of(fn, "range"), "opaque InitListExpr") != NULL);
	cr_assert_str_eq(writes_of(fn, "scalar"), "scalar = n\n");
	// Compound literals are unnamed locals initialised in place.
	fn = find_func(ir, "compound");
	cr_assert_str_eq(writes_of(fn, "(compound literal)"),
			 "(compound literal) = 0\n(compound literal).x = n\n");
	cr_assert_str_eq(writes_of(fn, "(compound literal).1"),
			 "(compound literal).1 = 0\n(compound literal).1[0] = 4\n"
			 "(compound literal).1[1] = n\n");
	bool record = false;
	for (uint32_t i = 0; i < fn->nvars; i++)
		if (strcmp(fn->vars[i].name, "(compound literal)") == 0)
			record = (fn->vars[i].flags & BH_IR_VAR_RECORD) &&
				 (fn->vars[i].flags & BH_IR_VAR_ADDRESSED) && fn->vars[i].size == 16;
	cr_assert(record);
	bh_diags_dispose(&diags);
}

// The functions variable `name` of `fn` is initialised with, as
// "field=function " each, or NULL when `fn` has no such variable.
static const char *fn_fields_of(const bh_ir_func *fn, const char *name)
{
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const bh_ir_var *var = &fn->vars[v];
		if (strcmp(var->name, name) != 0)
			continue;
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		cr_assert_not_null(f);
		for (uint32_t k = 0; k < var->nfn_fields; k++)
			fprintf(f, "%s=%s ", var->fn_fields[k].field, var->fn_fields[k].func);
		fclose(f);
		const char *out = bh_arena_strdup(arena, buf);
		free(buf);
		return out;
	}
	return NULL;
}

Test(ir, operations_tables_list_every_function_of_a_field)
{
	const char *src = "int a(int), b(int);\n"
			  "struct ops { int (*run)(int); int (*stop)(int); };\n"
			  "static const struct ops one = { .run = a, .stop = b };\n"
			  "static const struct ops rows[] = { { a, b }, { b, b }, { a, 0 } };\n"
			  "int f(int i) { return one.run(i) + rows[i].run(i) + rows[i].stop(i); }\n";
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("ops.c", src, &diags);
	const bh_ir_func *fn = find_func(ir, "f");
	cr_assert_str_eq(fn_fields_of(fn, "one"), "run=a stop=b ");
	// Rows that disagree list each function once.
	cr_assert_str_eq(fn_fields_of(fn, "rows"), "run=a stop=b run=b ");
	bh_diags_dispose(&diags);
}

Test(ir, function_pointers_initialised_with_functions_list_them_as_the_variable_itself)
{
	const char *src = "int a(int), b(int);\n"
			  "typedef int (*fn)(int);\n"
			  "static fn one = a;\n"
			  "static int (*const many[])(int) = { a, &b, (fn)a, 0 };\n"
			  "static fn none = 0;\n"
			  "int f(int i) { return one(i) + many[i](i) + none(i); }\n";
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("hooks.c", src, &diags);
	const bh_ir_func *fn = find_func(ir, "f");
	for (uint32_t v = 0; v < fn->nvars; v++)
		for (uint32_t k = 0; k < fn->vars[v].nfn_fields; k++)
			cr_assert_null(fn->vars[v].fn_fields[k].member);
	cr_assert_str_eq(fn_fields_of(fn, "one"), "=a ");
	cr_assert_str_eq(fn_fields_of(fn, "many"), "=a =b ", "each function once");
	cr_assert_str_eq(fn_fields_of(fn, "none"), "");
	// Defined here with an initialiser: also a table of the unit.
	size_t ntables = 0;
	for (const bh_ir_table *t = ir->tables; t; t = t->next)
		ntables++;
	cr_assert_eq(ntables, 2);
	bh_diags_dispose(&diags);
}

Test(ir, a_unit_lists_the_globals_of_external_linkage_it_defines)
{
	const char *src = "int counter;\n"
			  "extern int declared;\n"
			  "static int hidden;\n"
			  "int table[3] = { 1 };\n"
			  "void (*hook)(void) = 0;\n"
			  "int f(void) { static int local; return declared + hidden + local; }\n";
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("globals.c", src, &diags);
	char keys[256] = "";
	for (const bh_ir_global_def *d = ir->defs; d; d = d->next) {
		size_t used = strlen(keys);
		snprintf(keys + used, sizeof(keys) - used, "%s ", d->key);
	}
	// In reverse source order: each is put in front as it is met.
	cr_assert_str_eq(keys, "c:@hook c:@table c:@counter ");
	bh_diags_dispose(&diags);
}

// ------------------------------------------------------------------ builder

Test(ir, builder_drops_unreachable_blocks_and_numbers_in_entry_order)
{
	bh_loc loc = { "x.c", 1, 1, 0, 0 };
	bh_ir_builder *b = bh_ir_builder_new(arena, "f", NULL, loc);
	uint32_t x = bh_ir_builder_var(b, BH_IR_VAR_PARAM, "x", NULL, "int", 4, 0);
	uint32_t later = bh_ir_builder_block(b, NULL);
	uint32_t never = bh_ir_builder_block(b, "never");
	uint32_t first = bh_ir_builder_block(b, NULL);
	bh_ir_builder_br(b, bh_ir_var_opnd(x), first, later, loc);
	bh_ir_builder_enter(b, first, loc);
	bh_ir_builder_ret(b, bh_ir_int_opnd(1), loc);
	// Dead code after a ret goes to a fresh block, then is dropped.
	bh_ir_builder_add(b, BH_IR_ASSIGN, loc, bh_ir_var_opnd(x), (bh_ir_opnd[]){ bh_ir_int_opnd(2) }, 1);
	bh_ir_builder_enter(b, never, loc);
	bh_ir_builder_ret(b, bh_ir_none_opnd(), loc);
	bh_ir_builder_enter(b, later, loc);
	bh_ir_builder_ret(b, bh_ir_int_opnd(0), loc);
	bh_ir_func *fn = bh_ir_builder_finish(b);
	const char *why = NULL;
	cr_assert(bh_ir_verify(fn, arena, &why), "%s", why);
	cr_assert_eq(fn->nblocks, 3);
	// `first` was entered before `later`: bb1 and bb2.
	cr_assert_eq(bh_ir_block_terminator(&fn->blocks[1])->args[0].ival, 1);
	cr_assert_eq(bh_ir_block_terminator(&fn->blocks[2])->args[0].ival, 0);
	cr_assert_eq(fn->ninstrs, 3);
}

Test(ir, builder_merges_repeated_edges)
{
	bh_loc loc = { "x.c", 1, 1, 0, 0 };
	bh_ir_builder *b = bh_ir_builder_new(arena, "f", NULL, loc);
	uint32_t x = bh_ir_builder_var(b, BH_IR_VAR_PARAM, "x", NULL, "int", 4, 0);
	uint32_t j = bh_ir_builder_block(b, NULL);
	bh_ir_builder_br(b, bh_ir_var_opnd(x), j, j, loc);
	bh_ir_builder_enter(b, j, loc);
	uint32_t sw = bh_ir_builder_switch(b, bh_ir_var_opnd(x), j, loc);
	(void)sw;
	bh_ir_func *fn = bh_ir_builder_finish(b);
	cr_assert(bh_ir_verify(fn, arena, NULL));
	cr_assert_eq(fn->blocks[0].nsuccs, 1);
	cr_assert_eq(fn->blocks[1].npreds, 2, "from bb0 and from itself");
}

// Cases sorted by target block, source order kept among one target's, so
// that an edge's cases are found by bisection (bh_ir_switch_cases_to).
Test(ir, switch_cases_are_grouped_by_target)
{
	bh_loc loc = { "x.c", 1, 1, 0, 0 };
	bh_ir_builder *b = bh_ir_builder_new(arena, "f", NULL, loc);
	uint32_t x = bh_ir_builder_var(b, BH_IR_VAR_PARAM, "x", NULL, "int", 4, 0);
	enum { N = 2000 };
	uint32_t arm[N], dflt = bh_ir_builder_block(b, NULL);
	for (uint32_t k = 0; k < N; k++)
		arm[k] = bh_ir_builder_block(b, NULL);
	uint32_t sw = bh_ir_builder_switch(b, bh_ir_var_opnd(x), dflt, loc);
	// Case k goes to arm k, entered last to first; values 5000 and 5001
	// join arm 7 after all the others, as `case 7: case 5000: case 5001:`
	// written far apart (a goto or Duff's device).
	for (uint32_t k = 0; k < N; k++)
		bh_ir_builder_case(b, sw, k, k, arm[k]);
	bh_ir_builder_case(b, sw, 5000, 5001, arm[7]);
	bh_ir_builder_case(b, sw, 6000, 6000, dflt);
	for (uint32_t k = N; k-- > 0;) {
		bh_ir_builder_enter(b, arm[k], loc);
		bh_ir_builder_ret(b, bh_ir_int_opnd(k), loc);
	}
	bh_ir_builder_enter(b, dflt, loc);
	bh_ir_builder_ret(b, bh_ir_int_opnd(-1), loc);
	bh_ir_func *fn = bh_ir_builder_finish(b);
	const char *why = NULL;
	cr_assert(bh_ir_verify(fn, arena, &why), "%s", why);
	const bh_ir_instr *t = bh_ir_block_terminator(&fn->blocks[0]);
	cr_assert_eq(t->ncases, N + 2);
	cr_assert_eq(fn->blocks[0].nsuccs, N + 1, "the arms and the default, once each");
	for (uint32_t k = 1; k < t->ncases; k++)
		cr_assert_leq(t->cases[k - 1].target, t->cases[k].target);
	for (uint32_t k = 0; k < N; k++) {
		// Arm k returns k: find its block through the cases of value k.
		uint32_t first = UINT32_MAX, n = 0, to = UINT32_MAX;
		for (uint32_t i = 0; i < t->ncases; i++)
			if (t->cases[i].lo == k)
				to = t->cases[i].target;
		n = bh_ir_switch_cases_to(t, to, &first);
		cr_assert_eq(n, k == 7 ? 2u : 1u, "arm %u", k);
		cr_assert_eq(t->cases[first].lo, k, "source order within arm %u", k);
		if (k == 7)
			cr_assert_eq(t->cases[first + 1].lo, 5000);
		cr_assert_eq(bh_ir_block_terminator(&fn->blocks[to])->args[0].ival, k);
	}
	uint32_t first;
	cr_assert_eq(bh_ir_switch_cases_to(t, t->target[0], &first), 1, "case 6000 names the default");
	cr_assert_eq(bh_ir_switch_cases_to(t, fn->nblocks, &first), 0);
	cr_assert_eq(first, t->ncases);

	// Out of order cases break the invariant.
	bh_ir_case c = t->cases[0];
	t->cases[0] = t->cases[1];
	t->cases[1] = c;
	cr_assert_not(bh_ir_verify(fn, arena, &why));
	cr_assert_not_null(strstr(why, "do not match its terminator"), "%s", why);
}

Test(ir, verify_rejects_broken_invariants)
{
	bh_loc loc = { "x.c", 1, 1, 0, 0 };
	bh_ir_builder *b = bh_ir_builder_new(arena, "f", NULL, loc);
	uint32_t t = bh_ir_builder_temp(b);
	uint32_t next = bh_ir_builder_block(b, NULL);
	bh_ir_builder_jmp(b, next, loc);
	bh_ir_builder_enter(b, next, loc);
	bh_ir_builder_ret(b, bh_ir_var_opnd(t), loc);
	bh_ir_func *fn = bh_ir_builder_finish(b);
	const char *why = NULL;
	cr_assert_not(bh_ir_verify(fn, arena, &why), "a temporary read but never written");
	cr_assert_not_null(strstr(why, "never defined"), "%s", why);

	fn->blocks[1].instrs[0].args[0] = bh_ir_int_opnd(0);
	cr_assert(bh_ir_verify(fn, arena, &why), "%s", why);
	fn->blocks[1].npreds = 0;
	cr_assert_not(bh_ir_verify(fn, arena, &why));
	cr_assert_not_null(strstr(why, "predecessors"), "%s", why);
	fn->blocks[1].npreds = 1;
	fn->blocks[0].instrs[0].target[0] = 0;
	cr_assert_not(bh_ir_verify(fn, arena, &why));
	fn->blocks[0].instrs[0].target[0] = 1;
	fn->blocks[0].instrs[0].op = BH_IR_ASSIGN;
	cr_assert_not(bh_ir_verify(fn, arena, &why));
	cr_assert_not_null(strstr(why, "terminator"), "%s", why);
}

Test(ir, opcode_table_names_every_op)
{
	for (int op = 0; op < BH_IR__OP_COUNT; op++)
		cr_assert_str_neq(bh_ir_op_name((bh_ir_op)op), "?");
	cr_assert_str_eq(bh_ir_op_name(BH_IR__OP_COUNT), "?");
	cr_assert(bh_ir_op_is_terminator(BH_IR_SWITCH));
	cr_assert_not(bh_ir_op_is_terminator(BH_IR_CALL));
	cr_assert_str_eq(bh_ir_binop_spelling(BH_IR_BIN_LE), "<=");
	cr_assert_str_eq(bh_ir_unop_spelling(BH_IR_UN_LNOT), "!");
}

Test(ir, cfg_and_dot_dumps_list_every_edge)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "goto.c", &diags);
	const bh_ir_func *fn = find_func(ir, "backward");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	bh_ir_print_cfg(f, fn);
	bh_ir_print_dot(f, fn);
	fclose(f);
	cr_assert_not_null(strstr(buf, "bb1 -> bb2 bb3  ; label again"), "%s", buf);
	cr_assert_not_null(strstr(buf, "(return)"), "%s", buf);
	cr_assert_not_null(strstr(buf, "digraph \"backward\""), "%s", buf);
	cr_assert_not_null(strstr(buf, "bb2 -> bb1;"), "%s", buf);
	cr_assert_not_null(strstr(buf, "bb1 -> bb2 [label=\"T\"]"), "%s", buf);
	free(buf);
	bh_diags_dispose(&diags);
}

// ---------------------------------------------------------------- hostile

Test(ir, deep_nesting_is_cut_with_a_note)
{
	// 3000 nested ifs and a 5000-deep parenthesised expression.
	size_t cap = 1 << 20;
	char *src = bh_arena_alloc(arena, cap);
	size_t n = (size_t)snprintf(src, cap, "int deep(int x) {\n");
	for (int i = 0; i < 3000; i++)
		n += (size_t)snprintf(src + n, cap - n, "if (x > %d)\n", i);
	n += (size_t)snprintf(src + n, cap - n, "x++;\nreturn ");
	for (int i = 0; i < 5000; i++)
		src[n++] = '(';
	src[n++] = 'x';
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(src + n, cap - n, "+1)");
	n += (size_t)snprintf(src + n, cap - n, ";\n}\n");
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("deep.c", src, &diags);
	const bh_ir_func *fn = find_func(ir, "deep");
	verify_all(ir);
	cr_assert(fn->cut & BH_IR_CUT_DEPTH);
	bool note = false;
	for (size_t i = 0; i < diags.items.len; i++)
		note |= strcmp(diags.items.items[i].code, "ir.incomplete") == 0 &&
			diags.items.items[i].level == BH_LEVEL_NOTE;
	cr_assert(note, "no ir.incomplete note");
	bh_diags_dispose(&diags);
}

Test(ir, ten_thousand_statements_lower_quickly)
{
	size_t cap = 1 << 21;
	char *src = bh_arena_alloc(arena, cap);
	size_t n = (size_t)snprintf(src, cap, "int big(int x, int *p) {\nint s = 0;\n");
	for (int i = 0; i < 10000; i++) {
		switch (i % 4) {
		case 0: n += (size_t)snprintf(src + n, cap - n, "s += x * %d;\n", i); break;
		case 1: n += (size_t)snprintf(src + n, cap - n, "if (s > %d) s = p[%d];\n", i, i % 7); break;
		case 2: n += (size_t)snprintf(src + n, cap - n, "while (x > %d) x--;\n", i); break;
		default: n += (size_t)snprintf(src + n, cap - n, "p[s & 3] = x && s;\n"); break;
		}
	}
	n += (size_t)snprintf(src + n, cap - n, "return s;\n}\n");
	const char *dir = temp_source("big.c", src);
	bh_diags diags;
	bh_diags_init(&diags, arena);
	clock_t t0 = clock();
	bh_ir_unit *ir = lower_file(dir, "big.c", &diags);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	remove_temp(dir, "big.c");
	const bh_ir_func *fn = find_func(ir, "big");
	verify_all(ir);
	cr_assert_eq(fn->cut, 0);
	cr_assert_gt(fn->nblocks, 10000);
	cr_assert_lt(secs, 20.0, "lowering took %.1f s", secs);
	bh_diags_dispose(&diags);
}

Test(ir, code_that_does_not_compile_still_lowers)
{
	const char *src =
		"struct s;\n"
		"int f(struct s *p, int n) {\n"
		"  int a = undeclared + n;\n"
		"  p->missing = 3;\n"
		"  switch (n) { case 1: goto nowhere; case x: break; }\n"
		"  for (;; { }\n"
		"  return a\n"
		"}\n"
		"int g(void) { return 1 + ; }\n"
		"void h(void) { break; continue; case 3: ; default: ; }\n";
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("bad.c", src, &diags);
	verify_all(ir);
	cr_assert(bh_diags_has_error(&diags), "clang errors are diagnosed");
	cr_assert_geq(ir->nfuncs, 1);
	bh_diags_dispose(&diags);
}

// What clang could not understand (no member `rng`: the build's config
// would define it) is a RecoveryExpr around `w`: an opaque value of its
// own, never `w` itself, so the store below does not write through w. The
// call inside still runs; the function is marked as cut by errors.
Test(ir, code_clang_could_not_understand_is_opaque_not_its_operand)
{
	const char *src =
		"int rand(void);\n"
		"typedef struct { int n; } worker;\n"
		"void fill(worker *w, int x) {\n"
		"  w->rng[x] = rand();\n"
		"  w->n = x;\n"
		"}\n";
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_text("recovery.c", src, &diags);
	verify_all(ir);
	const char *text = dump(ir);
	cr_assert_not_null(text);
	cr_assert(strstr(text, "incomplete: clang-errors"), "%s", text);
	cr_assert(strstr(text, "opaque RecoveryExpr()"), "%s", text);
	cr_assert(strstr(text, "call @rand()"), "%s", text);
	cr_assert(strstr(text, "[x] = %"), "the store stays: %s", text);
	cr_assert_null(strstr(text, "w[x]"), "%s", text);
	cr_assert_null(strstr(text, "x[%"), "%s", text);
	cr_assert(strstr(text, "w->n = x"), "%s", text);
	bh_diags_dispose(&diags);
}

Test(ir, missing_file_is_a_diagnostic)
{
	bh_unit u = { .path = "nope.c", .abs_path = "/nonexistent/nope.c" };
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit ir;
	cr_assert_eq(bh_clang_lower(&ir, arena, &u, "/nonexistent", &diags), BH_OK);
	cr_assert_eq(ir.nfuncs, 0);
	cr_assert(bh_diags_has_error(&diags));
	cr_assert_eq(bh_clang_lower(NULL, arena, &u, "/", &diags), BH_EINVAL);
	bh_diags_dispose(&diags);
}

Test(ir, comparisons_negate_and_mirror)
{
	cr_assert_eq(bh_ir_cmp_negate(BH_IR_BIN_LT), BH_IR_BIN_GE);
	cr_assert_eq(bh_ir_cmp_negate(BH_IR_BIN_LE), BH_IR_BIN_GT);
	cr_assert_eq(bh_ir_cmp_negate(BH_IR_BIN_EQ), BH_IR_BIN_NE);
	cr_assert_eq(bh_ir_cmp_negate(BH_IR_BIN_NE), BH_IR_BIN_EQ);
	cr_assert_eq(bh_ir_cmp_mirror(BH_IR_BIN_LT), BH_IR_BIN_GT);
	cr_assert_eq(bh_ir_cmp_mirror(BH_IR_BIN_GE), BH_IR_BIN_LE);
	cr_assert_eq(bh_ir_cmp_mirror(BH_IR_BIN_EQ), BH_IR_BIN_EQ);
	// Not a comparison: left as it is.
	cr_assert_eq(bh_ir_cmp_negate(BH_IR_BIN_ADD), BH_IR_BIN_ADD);
	cr_assert_eq(bh_ir_cmp_mirror(BH_IR_BIN_SUB), BH_IR_BIN_SUB);
	for (int op = BH_IR_BIN_LT; op <= BH_IR_BIN_NE; op++) {
		cr_assert_eq(bh_ir_cmp_negate(bh_ir_cmp_negate(op)), op);
		cr_assert_eq(bh_ir_cmp_mirror(bh_ir_cmp_mirror(op)), op);
	}
}

// ------------------------------------------------------------ serial form

#include "bulkhead/ir_serial.h"

static BH_VEC(char *) c_files;

// Every *.c under `dir`, recursively (symlinks not followed).
static int collect_c(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = bh_arena_sprintf(arena, "%s/%s", dir, e->d_name);
		struct stat st;
		size_t n = strlen(e->d_name);
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			collect_c(path);
		else if (S_ISREG(st.st_mode) && n > 2 && strcmp(e->d_name + n - 2, ".c") == 0)
			bh_vec_push(&c_files, bh_xstrdup(path));
	}
	closedir(d);
	return 0;
}

// The unit of C file `path` (a path collect_c found).
static bh_ir_unit *lower_path(const char *path, bh_diags *diags)
{
	char *dir = bh_arena_strdup(arena, path);
	char *slash = strrchr(dir, '/');
	cr_assert_not_null(slash);
	*slash = '\0';
	return lower_file(dir, slash + 1, diags);
}

// Encoded, decoded and encoded again: the same bytes, the same dump, and
// every function verified; for every C file of the IR goldens and of the
// memory checkers' fixtures (every construct the lowering makes).
Test(ir, a_unit_decodes_to_what_was_encoded)
{
	cr_assert_eq(collect_c(BH_SOURCE_ROOT "/tests/ir"), 0);
	cr_assert_eq(collect_c(BH_SOURCE_ROOT "/testdata/mem"), 0);
	cr_assert_eq(collect_c(BH_SOURCE_ROOT "/testdata/demo"), 0);
	cr_assert_geq(c_files.len, 100);
	size_t funcs = 0;
	for (size_t i = 0; i < c_files.len; i++) {
		bh_diags diags;
		bh_diags_init(&diags, arena);
		bh_ir_unit *ir = lower_path(c_files.items[i], &diags);
		bh_bytes once = { 0 }, twice = { 0 };
		bh_ir_unit_encode(ir, &once);
		bh_arena *other = bh_arena_new();
		bh_ir_unit back;
		cr_assert(bh_ir_unit_decode(&back, other, once.items, once.len), "%s", c_files.items[i]);
		bh_ir_unit_encode(&back, &twice);
		cr_assert(once.len == twice.len && memcmp(once.items, twice.items, once.len) == 0, "%s",
			  c_files.items[i]);
		cr_assert_str_eq(dump(&back), dump(ir), "%s", c_files.items[i]);
		cr_assert_eq(back.nfuncs, ir->nfuncs);
		funcs += back.nfuncs;
		bh_vec_dispose(&once);
		bh_vec_dispose(&twice);
		bh_arena_free(other);
		bh_diags_dispose(&diags);
		free(c_files.items[i]);
	}
	bh_vec_dispose(&c_files);
	cr_assert_geq(funcs, 300);
}

// Bytes that are not a whole unit: truncated anywhere, or with a byte
// changed, never crash and never give a function the verifier rejects.
Test(ir, damaged_encodings_are_refused_or_still_valid)
{
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(CASES, "switch.c", &diags);
	bh_bytes enc = { 0 };
	bh_ir_unit_encode(ir, &enc);
	unsigned char *copy = bh_xmalloc(enc.len);
	for (size_t cut = 0; cut < enc.len; cut++) {
		bh_arena *a = bh_arena_new();
		bh_ir_unit back;
		cr_assert_not(bh_ir_unit_decode(&back, a, enc.items, cut), "truncated to %zu", cut);
		bh_arena_free(a);
	}
	for (size_t i = 0; i < enc.len; i++) {
		for (unsigned bit = 0; bit < 8; bit += 3) {
			memcpy(copy, enc.items, enc.len);
			copy[i] ^= (unsigned char)(1u << bit);
			bh_arena *a = bh_arena_new();
			bh_ir_unit back;
			if (bh_ir_unit_decode(&back, a, copy, enc.len))
				for (const bh_ir_func *fn = back.first; fn; fn = fn->next)
					cr_assert(bh_ir_verify(fn, a, NULL));
			bh_arena_free(a);
		}
	}
	free(copy);
	bh_vec_dispose(&enc);
	bh_diags_dispose(&diags);
}

// bh_ir_func_digest of function `name` of `text`, lowered as t.c in `dir`
// (one directory: `__FILE__` is the same).
static void digest_of(const char *dir, const char *text, const char *name, unsigned char out[BH_SHA256_LEN])
{
	FILE *f = fopen(bh_arena_sprintf(arena, "%s/t.c", dir), "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_file(dir, "t.c", &diags);
	bh_sha256 h;
	bh_sha256_init(&h);
	bh_ir_func_digest(find_func(ir, name), &h);
	bh_sha256_digest(&h, out);
	bh_diags_dispose(&diags);
}

// A function that only moved in its file keeps its digest: its places
// are written from its first line, and so are what would otherwise tell
// where it is (an assert's __LINE__, a `static`'s USR); a line inside it
// moves what is below and changes it.
Test(ir, a_function_that_only_moved_keeps_its_digest)
{
	static const char body[] =
		"#include <assert.h>\n"
		"#define CHECK(e) ((e) ? (void)0 : fail(#e, __LINE__))\n"
		"void fail(const char *, int);\n"
		"int f(int x)\n"
		"{\n"
		"\tstatic int calls;\n"
		"\tstruct { int a; } s = { x };\n"
		"\tCHECK(x > 1);\n"
		"\tassert(x < 5);\n"
		"\treturn s.a + calls++;\n"
		"}\n";
	unsigned char at_first[BH_SHA256_LEN], moved[BH_SHA256_LEN], inside[BH_SHA256_LEN];
	const char *dir = temp_source("t.c", body);
	digest_of(dir, body, "f", at_first);
	digest_of(dir, bh_arena_sprintf(arena, "/* a line */\n\n%s", body), "f", moved);
	cr_assert_arr_eq(at_first, moved, BH_SHA256_LEN, "a function moved two lines down");
	char *changed = bh_arena_strdup(arena, body);
	char *at = strstr(changed, "\tCHECK");
	cr_assert_not_null(at);
	*at = '\n'; // a line inside the function, above its checks
	digest_of(dir, changed, "f", inside);
	cr_assert_arr_neq(at_first, inside, BH_SHA256_LEN);
	remove_temp(dir, "t.c");
}

// ------------------------------------------------------------ packed form

#include "bulkhead/ir_pack.h"

// The stores the packed-form test runs each unit through: no decoded body
// kept, room for all of them, and none kept with the encoded bytes in a
// spill file (read back at each decode).
enum { STORE_NONE, STORE_ROOM, STORE_SPILL, NSTORES };

static bh_ir_store *new_store(int kind)
{
	bh_ir_store *s = bh_ir_store_new(kind == STORE_ROOM ? 64u << 20 : 0);
	if (kind == STORE_SPILL)
		cr_assert(bh_ir_store_spill(s, getenv("TMPDIR")), "no spill file in TMPDIR or /tmp");
	return s;
}

// Packed, every body decoded on demand gives the dump of the unit as
// lowered; with a budget of 0 a body goes at its last release and comes
// back the same, from memory or from the spill file; with room it stays
// (no second decode); the parameters are there without a decode.
Test(ir, a_packed_unit_decodes_each_body_on_demand)
{
	cr_assert_eq(collect_c(BH_SOURCE_ROOT "/tests/ir"), 0);
	cr_assert_eq(collect_c(BH_SOURCE_ROOT "/testdata/mem"), 0);
	cr_assert_geq(c_files.len, 100);
	for (size_t i = 0; i < c_files.len; i++) {
		bh_diags diags;
		bh_diags_init(&diags, arena);
		bh_ir_unit *ir = lower_path(c_files.items[i], &diags);
		const char *want = dump(ir);
		for (int k = 0; k < NSTORES; k++) {
			bh_ir_store *s = new_store(k);
			bh_arena *packed = bh_arena_new();
			bh_ir_unit copy = *ir;
			bh_ir_unit_pack(&copy, packed, s);
			cr_assert_eq(copy.nfuncs, ir->nfuncs);
			for (const bh_ir_func *fn = copy.first, *orig = ir->first; fn; fn = fn->next, orig = orig->next) {
				cr_assert_null(fn->blocks, "%s: decoded before asked", fn->name);
				for (uint32_t p = 0; p < fn->nparams; p++) {
					bh_ir_param kept = bh_ir_func_param(fn, p);
					cr_assert_eq(kept.flags, orig->vars[p].flags);
					cr_assert_eq(kept.type == NULL, orig->vars[p].type == NULL);
					if (kept.type)
						cr_assert_str_eq(kept.type, orig->vars[p].type);
				}
				bh_ir_func_acquire(fn);
				bh_ir_func_acquire(fn); // nested
				bh_ir_func_release(fn);
				cr_assert_not_null(fn->blocks);
				cr_assert(bh_ir_verify(fn, arena, NULL), "%s", fn->name);
			}
			cr_assert_str_eq(dump(&copy), want, "%s", c_files.items[i]);
			bh_ir_store_stats before, after;
			bh_ir_store_get_stats(s, &before);
			cr_assert_eq(before.spilled_bytes, k == STORE_SPILL ? before.packed_bytes : 0);
			for (const bh_ir_func *fn = copy.first; fn; fn = fn->next)
				bh_ir_func_release(fn);
			for (const bh_ir_func *fn = copy.first; fn; fn = fn->next) {
				cr_assert_eq(fn->blocks == NULL, k != STORE_ROOM, "%s", fn->name);
				bh_ir_func_acquire(fn);
				cr_assert(bh_ir_verify(fn, arena, NULL), "%s decoded again", fn->name);
				bh_ir_func_release(fn);
			}
			bh_ir_store_get_stats(s, &after);
			cr_assert_eq(after.decodes - before.decodes, k != STORE_ROOM ? copy.nfuncs : 0);
			// Bodies go before the arena their bytes are in.
			bh_ir_store_free(s);
			bh_arena_free(packed);
		}
		bh_diags_dispose(&diags);
		free(c_files.items[i]);
	}
	bh_vec_dispose(&c_files);
}

// No spill file where none can be made: the bytes stay in memory and
// decode as before.
Test(ir, a_store_without_a_spill_file_keeps_the_bytes_in_memory)
{
	bh_ir_store *s = bh_ir_store_new(0);
	cr_assert_not(bh_ir_store_spill(s, "/nonexistent/bulkhead-test"));
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_ir_unit *ir = lower_path(BH_SOURCE_ROOT "/testdata/mem/double-free/callee-bad/main.c", &diags);
	const char *want = dump(ir);
	bh_arena *packed = bh_arena_new();
	bh_ir_unit copy = *ir;
	bh_ir_unit_pack(&copy, packed, s);
	bh_ir_store_stats st;
	bh_ir_store_get_stats(s, &st);
	cr_assert_gt(st.packed_bytes, 0);
	cr_assert_eq(st.spilled_bytes, 0);
	for (const bh_ir_func *fn = copy.first; fn; fn = fn->next)
		bh_ir_func_acquire(fn);
	cr_assert_str_eq(dump(&copy), want);
	for (const bh_ir_func *fn = copy.first; fn; fn = fn->next)
		bh_ir_func_release(fn);
	bh_ir_store_free(s);
	bh_arena_free(packed);
	bh_diags_dispose(&diags);
}
