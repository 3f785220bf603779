// SPDX-License-Identifier: MIT
// Unit tests of what ties units into one program: the call graph
// (bh_callgraph) with indirect calls resolved across the program
// (fnptr.c), and the linking of globals (bh_ir_program_link), on small
// programs compiled by libclang.
#include <criterion/criterion.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/ir.h"
#include "program.h"

static bh_arena *arena;
static bh_ir_program prog;
static bh_findings findings;
static bh_diags diags;
static bh_callgraph graph;

static void setup(void)
{
	arena = bh_arena_new();
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	bh_ir_program_init(&prog);
}

static void teardown(void)
{
	bh_callgraph_dispose(&graph);
	bh_ir_program_dispose(&prog);
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

TestSuite(callgraph, .init = setup, .fini = teardown);

static void build(const char *const *files)
{
	cr_assert(bh_test_compile_program(arena, files, &prog, &findings, &diags));
	bh_callgraph_build(&graph, &prog);
}

static const bh_ir_func *call_owner; // of the last call indirect_call_in found

// The indirect call of the function at node n (its first), or NULL.
static const bh_ir_instr *indirect_call_at(size_t n)
{
	const bh_ir_func *f = graph.funcs[n];
	call_owner = f;
	for (uint32_t b = 0; b < f->nblocks; b++)
		for (uint32_t i = 0; i < f->blocks[b].ninstrs; i++)
			if (f->blocks[b].instrs[i].op == BH_IR_CALL &&
			    f->blocks[b].instrs[i].callee.kind == BH_IR_OPND_VAR)
				return &f->blocks[b].instrs[i];
	return NULL;
}

static size_t node_named(const char *fn)
{
	size_t n = bh_callgraph_node(&graph, fn);
	for (size_t k = 0; k < graph.nfuncs && n == SIZE_MAX; k++)
		if (strcmp(graph.funcs[k]->name, fn) == 0)
			n = k;
	cr_assert_neq(n, SIZE_MAX, "no function %s", fn);
	return n;
}

// The indirect call of function `fn` (its first), or NULL.
static const bh_ir_instr *indirect_call_in(const char *fn)
{
	return indirect_call_at(node_named(fn));
}

static bh_callgraph_via via_in(const char *fn)
{
	const bh_ir_instr *call = indirect_call_in(fn);
	return bh_callgraph_indirect_via(&graph, call_owner, call);
}

static const bh_ir_opnd *single_callee_in(const char *fn, const bh_ir_opnd *const *known)
{
	const bh_ir_instr *call = indirect_call_in(fn);
	return bh_callgraph_single_callee(&graph, call_owner, call, known);
}

// The functions the indirect call of the function at `node` may reach, as
// "name" (or "path:name" with `paths`), sorted and joined by blanks.
static const char *targets_at(size_t node, bool paths)
{
	const bh_ir_instr *call = indirect_call_at(node);
	cr_assert_not_null(call, "no indirect call in %s", graph.funcs[node]->name);
	const size_t *t;
	size_t n = bh_callgraph_indirect(&graph, call_owner, call, &t);
	const char *names[BH_CALLGRAPH_MAX_INDIRECT];
	for (size_t i = 0; i < n; i++)
		names[i] = paths ? bh_arena_sprintf(arena, "%s:%s", graph.funcs[t[i]]->loc.path, graph.funcs[t[i]]->name)
				 : graph.funcs[t[i]]->name;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *x = names[j];
			names[j] = names[j - 1];
			names[j - 1] = x;
		}
	char *out = bh_arena_alloc(arena, 512);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, names[i]);
	}
	return out;
}

static const char *targets_of(const char *fn)
{
	return targets_at(node_named(fn), false);
}

Test(callgraph, callback_parameters_are_the_functions_passed_for_them)
{
	static const char *const files[] = {
		"main.c",
		"typedef int (*fn)(int);\n"
		"static int inc(int x) { return x + 1; }\n"
		"static int dec(int x) { return x - 1; }\n"
		"static int neg(int x) { return -x; }\n"
		"static int apply(fn f, int x) { fn g = f; return g(x); }\n"
		"static int twice(fn f, int x) { return apply(f, apply(f, x)); }\n"
		"int main(void) { return twice(inc, 1) + apply(dec, 2) + neg(3); }\n",
		NULL,
	};
	build(files);
	cr_assert_str_eq(targets_of("apply"), "dec inc");
	bh_callgraph_via via = via_in("apply");
	cr_assert_eq(via.param, 1);
	cr_assert_null(via.member);
}

Test(callgraph, members_globals_and_returns_carry_functions_across_units)
{
	static const char *const files[] = {
		"ops.h",
		"struct ops { int (*run)(int); };\n"
		"struct other { int (*run)(int); };\n"
		"extern const struct ops table;\n"
		"int dispatch(const struct ops *o, int x);\n",
		"a.c",
		"#include \"ops.h\"\n"
		"static int one(int x) { return x; }\n"
		"static int two(int x) { return 2 * x; }\n"
		"static int three(int x) { return 3 * x; }\n"
		"const struct ops table = { one };\n"           // never read in this unit
		"static const struct other unrelated = { three };\n"
		"int use_unrelated(void) { return unrelated.run(1); }\n"
		"int dispatch(const struct ops *o, int x) { return o->run(x); }\n"
		"int (*pick(void))(int) { return two; }\n",
		"b.c",
		"#include \"ops.h\"\n"
		"static int (*handler)(int);\n"
		"int (*pick(void))(int);\n"
		"void install(void) { handler = pick(); }\n"
		"int fire(int x) { return handler(x); }\n"
		"int main(void) { struct ops local; local.run = 0; install(); return dispatch(&table, 1) + fire(2); }\n",
		NULL,
	};
	build(files);
	// Another struct's member of the same name is another slot.
	cr_assert_str_eq(targets_of("dispatch"), "one");
	cr_assert_eq(via_in("dispatch").param, 1);
	cr_assert_not_null(via_in("dispatch").member);
	cr_assert_str_eq(targets_of("fire"), "two");
	cr_assert_eq(via_in("fire").param, 0);
	cr_assert_not_null(bh_callgraph_table(&graph, "c:@table", NULL));
}

Test(callgraph, a_dispatch_table_of_many_functions_stays_unresolved)
{
	// Nine handlers behind one member: more than BH_CALLGRAPH_MAX_INDIRECT.
	static const char *const files[] = {
		"main.c",
		"struct cmd { int (*proc)(int); };\n"
		"#define H(n) static int h##n(int x) { return x + n; }\n"
		"H(0) H(1) H(2) H(3) H(4) H(5) H(6) H(7) H(8)\n"
		"static const struct cmd cmds[] = { {h0}, {h1}, {h2}, {h3}, {h4}, {h5}, {h6}, {h7}, {h8} };\n"
		"int call(const struct cmd *c, int x) { return c->proc(x); }\n"
		"int main(void) { return call(&cmds[0], 1); }\n",
		NULL,
	};
	build(files);
	cr_assert_str_eq(targets_of("call"), "");
}

Test(callgraph, a_single_callee_is_direct_local_or_the_only_target_found)
{
	static const char *const files[] = {
		"main.c",
		"typedef int (*fn)(int);\n"
		"static int inc(int x) { return x + 1; }\n"
		"static int dec(int x) { return x - 1; }\n"
		"static int once(fn f, int x) { return f(x); }\n"
		"static int both(fn f, int x) { return f(x); }\n"
		"int main(void) { return once(inc, 1) + both(inc, 2) + both(dec, 3) + inc(4); }\n",
		NULL,
	};
	build(files);
	const bh_ir_opnd *one = single_callee_in("once", NULL);
	cr_assert_not_null(one);
	cr_assert_eq(one->kind, BH_IR_OPND_FUNC);
	cr_assert_str_eq(one->str, "inc");
	// Two possible functions: no single callee for a one-summary analysis.
	cr_assert_null(single_callee_in("both", NULL));
	// What the caller knows about its variable comes first.
	const bh_ir_instr *call = indirect_call_in("both");
	cr_assert_lt(call->callee.var, 64);
	const bh_ir_opnd *known[64] = { 0 };
	known[call->callee.var] = one;
	cr_assert_eq(single_callee_in("both", known), one);
}

// Variable `name` as function `fn` sees it.
static const bh_ir_var *var_in(const char *fn, const char *name)
{
	for (size_t k = 0; k < graph.nfuncs; k++) {
		const bh_ir_func *f = graph.funcs[k];
		for (uint32_t v = 0; v < f->nvars && strcmp(f->name, fn) == 0; v++)
			if (f->vars[v].name && strcmp(f->vars[v].name, name) == 0)
				return &f->vars[v];
	}
	cr_assert_fail("no variable %s in %s", name, fn);
	return NULL;
}

Test(callgraph, extern_globals_get_the_value_their_defining_unit_gives_them)
{
	static const char *const files[] = {
		"conf.c",
		"const int LIMIT = 5;\n"
		"int verbose = 1;\n"
		"int level = 2;\n"
		"static int hidden = 3;\n"
		"int use_hidden(void) { return hidden; }\n",
		"other.c",
		"int level = 7;\n", // a second program in the context: disagrees
		"main.c",
		"extern const int LIMIT;\n"
		"extern int verbose, level;\n"
		"int main(void) { return LIMIT + verbose + level; }\n",
		NULL,
	};
	build(files);
	const bh_ir_var *limit = var_in("main", "LIMIT");
	cr_assert(limit->flags & BH_IR_VAR_CONST);
	cr_assert_eq(limit->const_value, 5);
	const bh_ir_var *verbose = var_in("main", "verbose");
	cr_assert(verbose->flags & BH_IR_VAR_INIT);
	cr_assert_not(verbose->flags & BH_IR_VAR_CONST);
	cr_assert_eq(verbose->const_value, 1);
	cr_assert_not(var_in("main", "level")->flags & (BH_IR_VAR_INIT | BH_IR_VAR_CONST));
}

Test(callgraph, assigning_a_global_its_initial_value_is_no_write)
{
	static const char *const files[] = {
		"main.c",
		"static int reset = 0;\n"
		"static int raised = 0;\n"
		"static int counted = 0;\n"
		"int f(void) { reset = 0; raised = 1; counted++; return reset + raised + counted; }\n",
		NULL,
	};
	build(files);
	cr_assert_not(bh_callgraph_global_written(&graph, var_in("f", "reset")));
	cr_assert(bh_callgraph_global_written(&graph, var_in("f", "raised")));
	cr_assert(bh_callgraph_global_written(&graph, var_in("f", "counted")));
}

// What some function reads: a global named as an operand (not a struct
// global stored into in place), one whose address is taken, fields read
// or whose address is taken; fields only stored are not read.
Test(callgraph, reads_of_globals_and_fields_are_noted_across_the_program)
{
	static const char *const files[] = {
		"a.c",
		"struct s { int in, out, addr; };\n"
		"struct s only_stored;\n"
		"int used;\n"
		"int pointed;\n"
		"void fill(void) { only_stored.out = 1; }\n",
		"b.c",
		"struct s { int in, out, addr; };\n"
		"extern int used, pointed;\n"
		"int *where(void) { return &pointed; }\n"
		"int read(struct s *p) { int *q = &p->addr; return p->in + used + *q; }\n",
		NULL,
	};
	build(files);
	cr_assert(bh_strset_contains(&graph.read, "c:@used"));
	cr_assert(bh_strset_contains(&graph.read, "c:@pointed"));
	cr_assert_not(bh_strset_contains(&graph.read, "c:@only_stored"));
	cr_assert(bh_strset_contains(&graph.fields_read, "in"));
	cr_assert(bh_strset_contains(&graph.fields_read, "addr"));
	cr_assert_not(bh_strset_contains(&graph.fields_read, "out"));
}

// The calls of the function at node `node`, in block order, at most `max`.
static size_t calls_of(size_t node, const bh_ir_instr **out, size_t max)
{
	size_t n = 0;
	const bh_ir_func *f = graph.funcs[node];
	for (uint32_t b = 0; b < f->nblocks; b++)
		for (uint32_t i = 0; i < f->blocks[b].ninstrs && n < max; i++)
			if (f->blocks[b].instrs[i].op == BH_IR_CALL)
				out[n++] = &f->blocks[b].instrs[i];
	return n;
}

// The calls of function `fn` (the last node of that name), as calls_of.
static size_t calls_in(const char *fn, const bh_ir_instr **out, size_t max)
{
	size_t node = SIZE_MAX;
	for (size_t k = 0; k < graph.nfuncs; k++)
		if (strcmp(graph.funcs[k]->name, fn) == 0)
			node = k;
	cr_assert_neq(node, SIZE_MAX, "no function %s", fn);
	return calls_of(node, out, max);
}

Test(callgraph, a_call_returns_a_constant_when_every_return_of_its_callee_does)
{
	static const char *const files[] = {
		"flags.c",
		"int returns_true(void) { return 1; }\n"
		"int always_two(int x) { if (x) return 2; return 2; }\n",
		"main.c",
		"#include <stdlib.h>\n"
		"int returns_true(void);\n"
		"int always_two(int x);\n"
		"static int either(int x) { if (x) return 1; return 0; }\n"
		"static int computed(int x) { return x + 1; }\n"
		"int f(int x) { return returns_true() + always_two(x) + either(x) + computed(x) + rand(); }\n",
		NULL,
	};
	build(files);
	const bh_ir_instr *calls[8];
	cr_assert_eq(calls_in("f", calls, 8), 5);
	int64_t k = 0;
	cr_assert(bh_callgraph_call_const(&graph, calls[0], &k));
	cr_assert_eq(k, 1); // across units
	cr_assert(bh_callgraph_call_const(&graph, calls[1], &k));
	cr_assert_eq(k, 2);
	cr_assert_not(bh_callgraph_call_const(&graph, calls[2], &k)); // 1 or 0
	cr_assert_not(bh_callgraph_call_const(&graph, calls[3], &k)); // not a literal
	cr_assert_not(bh_callgraph_call_const(&graph, calls[4], &k)); // no body
}

Test(callgraph, a_global_is_found_by_its_key_in_another_function)
{
	static const char *const files[] = {
		"a.c", "int shared;\nint setter(void) { shared = 1; return 0; }\n",
		"b.c", "extern int shared;\nint getter(int x) { return shared + x; }\n",
		NULL,
	};
	build(files);
	const char *key = bh_callgraph_global_key(var_in("setter", "shared"));
	size_t n = bh_callgraph_node(&graph, "c:@F@getter");
	cr_assert_neq(n, SIZE_MAX);
	const bh_ir_func *getter = graph.funcs[n];
	uint32_t v = bh_callgraph_global_var(getter, key);
	cr_assert_neq(v, UINT32_MAX);
	cr_assert_str_eq(getter->vars[v].name, "shared");
	cr_assert_eq(bh_callgraph_global_var(getter, "c:@nothing"), UINT32_MAX);
}

// Callees are found by the address of the IR's key string and, for any
// other string, by its content: both give the same node, and a function
// without a body none.
Test(callgraph, a_callee_is_the_same_node_by_its_key_or_a_copy_of_it)
{
	static const char *const files[] = {
		"lib.c", "int helper(int x) { return x * 2; }\n",
		"main.c",
		"#include <stdlib.h>\n"
		"int helper(int x);\n"
		"int f(int x) { return helper(x) + abs(x); }\n",
		NULL,
	};
	build(files);
	const bh_ir_instr *calls[4];
	cr_assert_eq(calls_in("f", calls, 4), 2);
	size_t helper = bh_callgraph_node_of_opnd(&graph, &calls[0]->callee);
	cr_assert_neq(helper, SIZE_MAX);
	cr_assert_str_eq(graph.funcs[helper]->name, "helper");
	const char *key = calls[0]->callee.usr ? calls[0]->callee.usr : calls[0]->callee.str;
	char copy[256];
	snprintf(copy, sizeof(copy), "%s", key);
	cr_assert_eq(bh_callgraph_node(&graph, copy), helper);
	cr_assert_eq(bh_callgraph_node(&graph, key), helper);
	cr_assert_eq(bh_callgraph_node_of_opnd(&graph, &calls[1]->callee), SIZE_MAX, "abs() has no body");
	const char *abs_key = calls[1]->callee.usr ? calls[1]->callee.usr : calls[1]->callee.str;
	snprintf(copy, sizeof(copy), "%s", abs_key);
	cr_assert_eq(bh_callgraph_node(&graph, copy), SIZE_MAX);
	cr_assert_eq(bh_callgraph_node(&graph, "c:@F@no_such_function"), SIZE_MAX);
}

// The node of the function named `name` defined in unit file `path`.
static size_t node_in(const char *name, const char *path)
{
	for (size_t k = 0; k < graph.nfuncs; k++)
		if (strcmp(graph.funcs[k]->name, name) == 0 && strcmp(graph.funcs[k]->loc.path, path) == 0)
			return k;
	cr_assert_fail("no function %s in %s", name, path);
	return SIZE_MAX;
}

// The node the first call of the function at node `caller` goes to.
static size_t first_callee_of(size_t caller)
{
	const bh_ir_instr *call;
	cr_assert_eq(calls_of(caller, &call, 1), 1, "%s calls nothing", graph.funcs[caller]->name);
	return bh_callgraph_node_of_opnd(&graph, &call->callee);
}

Test(callgraph, a_name_two_programs_define_links_to_the_definition_of_the_callers_program)
{
	static const char *const files[] = {
		"agent/util.c", "void log_line(const char *s) { (void)s; }\n",
		"agent/main.c", "void log_line(const char *s);\nint main(void) { log_line(\"a\"); return 0; }\n",
		"server/util.c", "void log_line(const char *s) { (void)s; }\n",
		"server/main.c", "void log_line(const char *s);\nint main(void) { log_line(\"s\"); return 0; }\n",
		"server/log.c", "void log_line(const char *s);\nvoid flush(void) { log_line(\"f\"); }\n"
				"void log_line_again(void) { log_line(\"g\"); }\n",
		"tools/probe.c", "void log_line(const char *s);\nvoid probe(void) { log_line(\"p\"); }\n",
		NULL,
	};
	build(files);
	size_t agent_log = node_in("log_line", "agent/util.c");
	size_t server_log = node_in("log_line", "server/util.c");
	cr_assert_neq(agent_log, server_log, "both definitions are nodes");
	cr_assert_eq(first_callee_of(node_in("main", "agent/main.c")), agent_log);
	cr_assert_eq(first_callee_of(node_in("main", "server/main.c")), server_log);
	cr_assert_eq(first_callee_of(node_in("flush", "server/log.c")), server_log);
	cr_assert_eq(first_callee_of(node_in("log_line_again", "server/log.c")), server_log);
	// No directory in common with either: the first definition.
	cr_assert_eq(first_callee_of(node_in("probe", "tools/probe.c")), agent_log);
	// A definition's own key is itself; a key of no unit's IR, the first.
	cr_assert_eq(bh_callgraph_node(&graph, graph.funcs[server_log]->usr), server_log);
	char copy[256];
	snprintf(copy, sizeof(copy), "%s", graph.funcs[server_log]->usr);
	cr_assert_eq(bh_callgraph_node(&graph, copy), agent_log);
	// The server's edges go to its own definition only.
	size_t server_main = node_in("main", "server/main.c");
	for (size_t e = graph.succ_start[server_main]; e < graph.succ_start[server_main + 1]; e++)
		cr_assert_neq(graph.succ[e], agent_log);
}

Test(callgraph, a_definition_is_nearer_in_the_same_unit_then_by_shared_directories_then_by_path)
{
	cr_assert(bh_callgraph_nearer("srv/main.c", "srv/main.c", "srv/util.c"));
	cr_assert(bh_callgraph_nearer("srv/net/io.c", "srv/net/util.c", "srv/util.c"));
	cr_assert(bh_callgraph_nearer("srv/io.c", "srv/util.c", "agent/util.c"));
	cr_assert_not(bh_callgraph_nearer("srv/io.c", "agent/util.c", "srv/util.c"));
	// "srv" and "srvx" share no directory.
	cr_assert(bh_callgraph_nearer("srvx/io.c", "agent/util.c", "srv/util.c"));
	cr_assert(bh_callgraph_nearer("tools/p.c", "agent/util.c", "server/util.c"));
	cr_assert_not(bh_callgraph_nearer("tools/p.c", "server/util.c", "agent/util.c"));
	cr_assert_not(bh_callgraph_nearer("a.c", "b.c", "b.c"), "a definition is not nearer than itself");
	cr_assert(bh_callgraph_nearer(NULL, "b.c", "c.c"));
	cr_assert(bh_callgraph_nearer("a.c", "b.c", NULL));
	cr_assert_not(bh_callgraph_nearer("a.c", NULL, "b.c"));
}

Test(callgraph, a_header_definition_two_units_lower_is_one_node_beside_another_programs)
{
	static const char *const files[] = {
		"a/x.c", "int twice(int x) { return 2 * x; }\n",
		"b/common.h", "inline int twice(int x) { return x + x; }\n",
		"b/y.c", "#include \"b/common.h\"\nint y(int v) { return twice(v); }\n",
		"b/z.c", "#include \"b/common.h\"\nint z(int v) { return twice(v); }\n",
		NULL,
	};
	build(files);
	size_t n = 0, in_header = SIZE_MAX;
	for (size_t k = 0; k < graph.nfuncs; k++)
		if (strcmp(graph.funcs[k]->name, "twice") == 0) {
			n++;
			if (strcmp(graph.funcs[k]->loc.path, "b/common.h") == 0)
				in_header = k;
		}
	cr_assert_eq(n, 2, "a/x.c's and the header's, lowered twice: %zu nodes", n);
	cr_assert_neq(in_header, SIZE_MAX);
	cr_assert_eq(first_callee_of(node_in("y", "b/y.c")), in_header);
	cr_assert_eq(first_callee_of(node_in("z", "b/z.c")), in_header);
}

// The index of the unit whose main file is `path`.
static size_t unit_named(const char *path)
{
	for (size_t u = 0; u < prog.units.len; u++)
		if (strcmp(prog.units.items[u].path, path) == 0)
			return u;
	cr_assert_fail("no unit %s", path);
	return SIZE_MAX;
}

Test(callgraph, each_program_of_a_context_has_its_own_members_and_globals)
{
	// Two programs, each storing its own callback in `struct handler`'s
	// `run` and in a global of external linkage named alike.
	static const char *const files[] = {
		"handler.h",
		"struct handler { void (*run)(const char *); };\n"
		"void handler_init(struct handler *h);\n"
		"extern void (*on_exit_hook)(const char *);\n",
		"server/main.c",
		"#include \"handler.h\"\n"
		"int main(void) { struct handler h; handler_init(&h); h.run(\"s\"); on_exit_hook(\"x\"); return 0; }\n",
		"server/handler.c",
		"#include \"handler.h\"\n"
		"static void run(const char *a) { (void)a; }\n"
		"static void bye(const char *a) { (void)a; }\n"
		"void (*on_exit_hook)(const char *) = bye;\n"
		"void handler_init(struct handler *h) { h->run = run; }\n",
		"agent/main.c",
		"#include \"handler.h\"\n"
		"int main(void) { struct handler h; handler_init(&h); h.run(\"a\"); on_exit_hook(\"x\"); return 0; }\n",
		"agent/handler.c",
		"#include \"handler.h\"\n"
		"static void run(const char *a) { (void)a; }\n"
		"static void bye(const char *a) { (void)a; }\n"
		"void (*on_exit_hook)(const char *) = 0;\n"
		"void agent_init(void) { on_exit_hook = bye; }\n"
		"void handler_init(struct handler *h) { agent_init(); h->run = run; }\n",
		NULL,
	};
	build(files);
	size_t server = unit_named("server/main.c"), agent = unit_named("agent/main.c");
	cr_assert_eq(graph.program_of[unit_named("server/handler.c")], graph.program_of[server]);
	cr_assert_eq(graph.program_of[unit_named("agent/handler.c")], graph.program_of[agent]);
	cr_assert_neq(graph.program_of[server], graph.program_of[agent]);
	cr_assert_eq(graph.program_of[graph.program_of[agent]], graph.program_of[agent], "a program's root is its own");
	// The member call, then the global's, of each main.
	const bh_ir_instr *calls[8];
	size_t main_s = node_in("main", "server/main.c"), main_a = node_in("main", "agent/main.c");
	cr_assert_str_eq(targets_at(main_s, true), "server/handler.c:run");
	cr_assert_str_eq(targets_at(main_a, true), "agent/handler.c:run");
	size_t n = calls_of(main_s, calls, 8);
	const size_t *t;
	cr_assert_eq(calls[n - 1]->callee.kind, BH_IR_OPND_VAR);
	cr_assert_eq(bh_callgraph_indirect(&graph, graph.funcs[main_s], calls[n - 1], &t), 1);
	cr_assert_eq(t[0], node_in("bye", "server/handler.c"));
	n = calls_of(main_a, calls, 8);
	cr_assert_eq(bh_callgraph_indirect(&graph, graph.funcs[main_a], calls[n - 1], &t), 1);
	cr_assert_eq(t[0], node_in("bye", "agent/handler.c"));
}

Test(callgraph, a_table_or_function_pointer_another_unit_defines_links_the_units)
{
	// Nothing in main.c calls into commands.c or hooks.c by name.
	static const char *const files[] = {
		"main.c",
		"struct command { const char *name; void (*run)(const char *); };\n"
		"extern const struct command commands[];\n"
		"extern void (*on_line)(const char *);\n"
		"void dispatch(int i, const char *a) { commands[i].run(a); }\n"
		"void line(const char *a) { on_line(a); }\n",
		"commands.c",
		"struct command { const char *name; void (*run)(const char *); };\n"
		"static void echo(const char *a) { (void)a; }\n"
		"static void sh(const char *a) { (void)a; }\n"
		"const struct command commands[] = { { \"echo\", echo }, { \"sh\", sh }, { 0, 0 } };\n",
		"hooks.c",
		"static void print_line(const char *a) { (void)a; }\n"
		"void (*on_line)(const char *) = print_line;\n",
		"tools/other.c",
		"struct command { const char *name; void (*run)(const char *); };\n"
		"static void unrelated(const char *a) { (void)a; }\n"
		"const struct command commands[] = { { \"u\", unrelated }, { 0, 0 } };\n"
		"void other_run(void) { commands[0].run(\"x\"); }\n",
		NULL,
	};
	build(files);
	size_t main_unit = unit_named("main.c");
	cr_assert_eq(graph.program_of[unit_named("commands.c")], graph.program_of[main_unit]);
	cr_assert_eq(graph.program_of[unit_named("hooks.c")], graph.program_of[main_unit]);
	// Another directory's `commands`: another program's table.
	cr_assert_neq(graph.program_of[unit_named("tools/other.c")], graph.program_of[main_unit]);
	cr_assert_str_eq(targets_of("dispatch"), "echo sh");
	cr_assert_str_eq(targets_of("line"), "print_line");
	cr_assert_str_eq(targets_of("other_run"), "unrelated");
	// Each program's functions see its own `commands`.
	const bh_ir_table *mine = bh_callgraph_table(&graph, "c:@commands", graph.funcs[node_named("dispatch")]);
	const bh_ir_table *other = bh_callgraph_table(&graph, "c:@commands", graph.funcs[node_named("other_run")]);
	cr_assert_not_null(mine);
	cr_assert_not_null(other);
	cr_assert_eq(mine->nfields, 2);
	cr_assert_str_eq(mine->fields[0].func, "echo");
	cr_assert_eq(other->nfields, 1);
	cr_assert_str_eq(other->fields[0].func, "unrelated");
}

Test(callgraph, an_array_of_function_pointers_holds_what_it_is_initialised_with_and_given)
{
	static const char *const files[] = {
		"main.c",
		"typedef void (*handler)(int);\n"
		"static void a(int x) { (void)x; }\n"
		"static void b(int x) { (void)x; }\n"
		"static void c(int x) { (void)x; }\n"
		"static void d(int x) { (void)x; }\n"
		"static handler fixed[] = { a, &b };\n"
		"static handler filled[4];\n"
		"void setup(void) { filled[0] = c; }\n"
		"void run_fixed(int i) { fixed[i](i); }\n"
		"void run_filled(int i) { filled[i](i); }\n"
		"void run_local(int i) { handler mine[2] = { d, d }; mine[i](i); }\n",
		NULL,
	};
	build(files);
	cr_assert_str_eq(targets_of("run_fixed"), "a b");
	cr_assert_str_eq(targets_of("run_filled"), "c");
	// A local array is not followed: no target, not a wrong one.
	cr_assert_str_eq(targets_of("run_local"), "");
}

// The part (index) and component position of every node.
static void part_positions(const bh_callgraph_parts *parts, size_t *part_of, size_t *comp_of)
{
	for (size_t n = 0; n < graph.nfuncs; n++)
		part_of[n] = comp_of[n] = SIZE_MAX;
	for (size_t k = 0; k < parts->nparts; k++)
		for (size_t c = parts->part_start[k]; c < parts->part_start[k + 1]; c++)
			for (size_t i = parts->comp_start[c]; i < parts->comp_start[c + 1]; i++) {
				size_t n = parts->nodes[i];
				cr_assert_eq(part_of[n], SIZE_MAX, "%s is in two components", graph.funcs[n]->name);
				part_of[n] = k;
				comp_of[n] = c;
			}
}

static const size_t *walk_parts; // per node: its part
static size_t walk_next;          // parts met so far

static bool note_part_order(const size_t *nodes, size_t n, void *payload)
{
	(void)payload;
	for (size_t i = 0; i < n; i++) {
		size_t k = walk_parts[nodes[i]];
		cr_assert_leq(k, walk_next, "part %zu comes before part %zu", k, walk_next);
		if (k == walk_next)
			walk_next++;
	}
	return true;
}

Test(callgraph, parts_hold_whole_programs_closed_under_calls_callees_first)
{
	// Two programs, the server's third unit linked to it only by the
	// global it sets, and a unit on its own.
	static const char *const files[] = {
		"server/main.c",
		"int verbose;\n"
		"void serve(int fd);\n"
		"int main(void) { serve(0); return verbose; }\n",
		"server/serve.c",
		"static int depth(int n) { return n > 0 ? depth(n - 1) : 0; }\n"
		"void serve(int fd) { (void)depth(fd); }\n",
		"server/flags.c",
		"extern int verbose;\n"
		"void set_verbose(void) { verbose = 1; }\n",
		"agent/main.c",
		"static int ping(void) { return 1; }\n"
		"int main(void) { return ping(); }\n",
		"tools/lone.c",
		"int unused_helper(int x) { return x + 1; }\n",
		NULL,
	};
	build(files);
	bh_callgraph_parts parts;
	bh_callgraph_parts_build(&graph, &parts);
	size_t part_of[16], comp_of[16];
	cr_assert_leq(graph.nfuncs, 16);
	part_positions(&parts, part_of, comp_of);
	cr_assert_eq(parts.nparts, 3);
	cr_assert_eq(parts.comp_start[parts.ncomps], graph.nfuncs, "every node once");
	for (size_t n = 0; n < graph.nfuncs; n++) {
		cr_assert_neq(part_of[n], SIZE_MAX, "%s is in no part", graph.funcs[n]->name);
		// Callees come first, in the same part.
		for (size_t e = graph.succ_start[n]; e < graph.succ_start[n + 1]; e++) {
			size_t m = graph.succ[e];
			cr_assert_eq(part_of[m], part_of[n]);
			cr_assert_leq(comp_of[m], comp_of[n], "%s before its callee %s", graph.funcs[n]->name,
				      graph.funcs[m]->name);
		}
	}
	size_t server = node_in("main", "server/main.c");
	cr_assert_eq(part_of[node_in("set_verbose", "server/flags.c")], part_of[server]);
	cr_assert_eq(part_of[node_in("depth", "server/serve.c")], part_of[server]);
	size_t agent = node_in("main", "agent/main.c"), lone = node_in("unused_helper", "tools/lone.c");
	cr_assert_neq(part_of[agent], part_of[server]);
	cr_assert_neq(part_of[lone], part_of[server]);
	cr_assert_neq(part_of[lone], part_of[agent]);
	// Parts numbered in the order the graph's walk meets them.
	walk_parts = part_of;
	walk_next = 0;
	bh_callgraph_components(&graph, note_part_order, NULL);
	cr_assert_eq(walk_next, parts.nparts);
	bh_callgraph_parts_dispose(&parts);
}
