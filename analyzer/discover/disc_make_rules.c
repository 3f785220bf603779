// SPDX-License-Identifier: MIT
// The build recipes of a Makefile (bh_make_recipes): which artifacts it
// makes from which C sources, with which flags, and where `make install`
// copies them. Part of discovery; image correlation uses it to follow a C
// source to the binary it is linked into and on to that binary's path in
// an image.
//
// The Makefile is read by the shared reader of disc_make.c in full mode
// (functions, automatic variables, command-line overrides), never run.
// Reading happens in three steps:
//  1. the reader's hook records rules as make reads them: targets and
//     prerequisites expanded at once (make's "immediate" context), recipe
//     lines kept as text;
//  2. a worklist over targets, in order of appearance, picks each target's
//     recipe (its explicit rule, else a pattern rule, else make's built-in
//     rules), expands it with the automatic variables bound and reads its
//     compiler and `ar` lines: what each line makes from which operands;
//     targets a line needs (objects, libraries) join the worklist;
//  3. sources and flags are gathered through objects and static libraries,
//     then `install`/`cp` lines give install paths.
// A word that kept a '$' is never guessed at: it only marks the artifacts
// that depend on it incomplete. Every loop is bounded by the counts below
// or by the reader's own bounds; reaching one gives one warning.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/fileio.h"
#include "bulkhead/img.h"
#include "bulkhead/strset.h"
#include "bulkhead/text.h"
#include "disc_internal.h"

#define MAX_RULES 16384         // rules kept
#define MAX_LINES 65536         // recipe lines kept
#define MAX_NODES 16384         // targets, objects and outputs considered
#define MAX_MERGED 4000000u     // source and flag entries gathered in all
#define MAX_WORDS 1000000u      // words kept in all: targets, prerequisites, operands, inputs

typedef BH_VEC(size_t) idx_vec;
typedef bh_disc__str_vec str_vec;

typedef struct {
	const char *text;       // scratch: the recipe line as written, without its tab
	uint32_t line;
} recipe_line;

// One rule as read. Words are expanded; strings are in the scratch arena.
typedef struct {
	str_vec targets;
	str_vec prereqs;        // normal prerequisites
	str_vec order;          // order-only prerequisites (after '|')
	const char *tpattern;   // static pattern rules: the target pattern
	str_vec ppatterns;      // static pattern rules: the prerequisite patterns
	size_t first, nlines;   // its recipe: lines.items[first .. first + nlines)
	uint32_t line;
	bool pattern;           // a pattern rule: its targets hold '%'
	bool double_colon;
	bool incomplete;        // a target or prerequisite kept a '$'
} mk_rule;

// A file the Makefile may make: a target, an output of a recipe line, or a
// prerequisite that a built-in rule could make.
typedef struct {
	const char *name;       // as written
	const char *path;       // cleaned, relative to the Makefile's directory
	idx_vec rules;          // explicit rules naming it
	str_vec inputs;         // operands and prerequisites, as paths like `path`
	str_vec flags;          // options of its own compiler lines
	bh_build_kind kind;
	uint32_t line;
	bool artifact;          // a recipe line (or its name) says it is built
	bool incomplete;
	bool prereqs_added;     // its prerequisites are in `inputs`
	const char *install;    // output arena
	int visit;              // gathering: 0 not yet, 1 in progress, 2 done
	str_vec all_sources;    // gathered: context-relative, no duplicates
	str_vec all_flags;      // gathered: before de-duplication
} mk_node;

typedef struct {
	bh_arena *arena;        // the caller's: results
	bh_arena *scratch;      // everything else
	bh_disc__make *mk;
	const char *dir;        // the Makefile's directory, context-relative
	BH_VEC(mk_rule) rules;
	idx_vec patterns;       // the pattern rules among `rules`
	BH_VEC(recipe_line) lines;
	bool open;              // recipe lines go to the last rule
	BH_VEC(mk_node) nodes;
	uint32_t *table;        // open addressing on node paths: index + 1, 0 empty
	size_t table_cap;       // a power of 2, at least twice the nodes
	bh_strset phony;
	const char *default_goal;
	size_t merged;          // entries gathered so far (MAX_MERGED)
	size_t words;           // words kept so far (MAX_WORDS)
	bool limited;
} rules_reader;

/* ---------------------------------------------------------------- words */

static bool is_unresolved(const char *w)
{
	return strchr(w, '$') || strchr(w, '`');
}

static const char *base_name(const char *p)
{
	const char *slash = strrchr(p, '/');
	return slash ? slash + 1 : p;
}

// A path written in the Makefile (relative to `cwd`, itself relative to the
// Makefile's directory), cleaned. Absolute paths stay absolute.
static const char *clean_path(rules_reader *rr, const char *cwd, const char *p)
{
	const char *joined = p[0] == '/' || !cwd || !*cwd ? p
			   : bh_arena_sprintf(rr->scratch, "%s/%s", cwd, p);
	size_t n = strlen(joined);
	char *out = bh_arena_alloc(rr->scratch, n + 2);
	bh_path_clean(out, joined, n);
	return out;
}

// Count one more kept word against MAX_WORDS; false once it is spent.
static bool keep_word(rules_reader *rr)
{
	if (rr->words >= MAX_WORDS) {
		rr->limited = true;
		return false;
	}
	rr->words++;
	return true;
}

// Split an expanded text into words (scratch), each once: make keeps a
// prerequisite once too (so $+ reads like $^ here), and a repeated word
// must not spend MAX_WORDS. False if MAX_WORDS cut the list.
static bool split_words(rules_reader *rr, str_vec *out, const char *s)
{
	bh_strset seen = { 0 };
	bool whole = true;
	while (*s && whole) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		size_t n = 0;
		while (s[n] && s[n] != ' ' && s[n] != '\t' && s[n] != '\n')
			n++;
		if (n) {
			char *w = bh_arena_strndup(rr->scratch, s, n);
			if (bh_strset_insert(&seen, w) && (whole = keep_word(rr)))
				bh_vec_push(out, w);
		}
		s += n;
	}
	bh_strset_dispose(&seen);
	return whole;
}

// Expand s[0..n) and split it. True if a word kept a '$', the words were
// cut short, or the expansion named a variable assigned only inside a
// conditional.
static bool expand_words(rules_reader *rr, str_vec *out, const char *s, size_t n)
{
	size_t cond = bh_disc__make_cond_refs(rr->mk);
	char *e = bh_disc__make_expand(rr->mk, s, n);
	size_t from = out->len;
	bool cut = !split_words(rr, out, e);
	free(e);
	bool unresolved = cut || bh_disc__make_cond_refs(rr->mk) != cond;
	for (size_t i = from; i < out->len; i++)
		unresolved |= is_unresolved(out->items[i]);
	return unresolved;
}

// The stem of `name` for a make pattern ("%.o"): when the pattern has no
// '/', the directory of `name` is set aside for the match and put back in
// front of the stem, as make does. NULL if it does not match.
static const char *match_stem(rules_reader *rr, const char *pattern, const char *name)
{
	const char *pct = strchr(pattern, '%');
	if (!pct)
		return NULL;
	const char *base = strchr(pattern, '/') ? name : base_name(name);
	size_t npre = (size_t)(pct - pattern), npost = strlen(pct + 1), n = strlen(base);
	if (n < npre + npost || strncmp(base, pattern, npre) != 0 ||
	    strcmp(base + n - npost, pct + 1) != 0)
		return NULL;
	return bh_arena_sprintf(rr->scratch, "%.*s%.*s", (int)(base - name), name,
				(int)(n - npre - npost), base + npre);
}

// The pattern with its '%' replaced by the stem.
static const char *apply_stem(rules_reader *rr, const char *pattern, const char *stem)
{
	const char *pct = strchr(pattern, '%');
	if (!pct)
		return pattern;
	return bh_arena_sprintf(rr->scratch, "%.*s%s%s", (int)(pct - pattern), pattern, stem,
				pct + 1);
}

/* ---------------------------------------------------------------- nodes */

static uint32_t hash_path(const char *s)
{
	return (uint32_t)bh_hash_string(s);
}

// The node for `path`, or SIZE_MAX.
static size_t node_find(const rules_reader *rr, const char *path)
{
	if (!rr->table_cap)
		return SIZE_MAX;
	size_t mask = rr->table_cap - 1;
	for (size_t slot = hash_path(path) & mask;; slot = (slot + 1) & mask) {
		uint32_t idx = rr->table[slot];
		if (idx == 0)
			return SIZE_MAX;
		if (strcmp(rr->nodes.items[idx - 1].path, path) == 0)
			return idx - 1;
	}
}

static void table_insert(rules_reader *rr, size_t index)
{
	size_t mask = rr->table_cap - 1;
	size_t slot = hash_path(rr->nodes.items[index].path) & mask;
	while (rr->table[slot])
		slot = (slot + 1) & mask;
	rr->table[slot] = (uint32_t)(index + 1);
}

// The node for the file written `name` (relative to `cwd`), made if new;
// SIZE_MAX when MAX_NODES is reached.
static size_t node_get(rules_reader *rr, const char *cwd, const char *name)
{
	const char *path = clean_path(rr, cwd, name);
	size_t found = node_find(rr, path);
	if (found != SIZE_MAX)
		return found;
	if (rr->nodes.len >= MAX_NODES) {
		rr->limited = true;
		return SIZE_MAX;
	}
	if ((rr->nodes.len + 1) * 2 > rr->table_cap) {
		free(rr->table);
		rr->table_cap = rr->table_cap ? rr->table_cap * 2 : 256;
		rr->table = bh_xcalloc(rr->table_cap, sizeof(*rr->table));
		for (size_t i = 0; i < rr->nodes.len; i++)
			table_insert(rr, i);
	}
	mk_node *n = bh_vec_grow_one(&rr->nodes);
	n->name = name;
	n->path = path;
	table_insert(rr, rr->nodes.len - 1);
	return rr->nodes.len - 1;
}

// What a file's name says it is.
static bh_build_kind kind_by_name(const char *path)
{
	const char *base = base_name(path);
	if (bh_str_ends_with(base, ".o"))
		return BH_BUILD_OBJECT;
	if (bh_str_ends_with(base, ".a"))
		return BH_BUILD_STATIC_LIB;
	if (bh_str_ends_with(base, ".so") || strstr(base, ".so."))
		return BH_BUILD_SHARED_LIB;
	return BH_BUILD_EXECUTABLE;
}

// An input worth a node: something a rule may make and link in.
static bool is_linkable(const char *path)
{
	return kind_by_name(path) != BH_BUILD_EXECUTABLE;
}

// An operand a build line may take in: a C source, an object or a library.
static bool is_input(const char *w)
{
	return bh_str_ends_with(w, ".c") || is_linkable(w);
}

/* ---------------------------------------------------------------- rules */

// GNU make's special targets: directives, never files or artifacts.
static bool is_special(const char *target)
{
	static const char *const names[] = {
		".PHONY", ".SUFFIXES", ".DEFAULT", ".PRECIOUS", ".INTERMEDIATE", ".NOTINTERMEDIATE",
		".SECONDARY", ".SECONDEXPANSION", ".DELETE_ON_ERROR", ".IGNORE", ".LOW_RESOLUTION_TIME",
		".SILENT", ".EXPORT_ALL_VARIABLES", ".NOTPARALLEL", ".ONESHELL", ".POSIX", ".WAIT",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		if (strcmp(target, names[i]) == 0)
			return true;
	return false;
}

// A target that starts with '.' and has no '/' is never the default goal
// (".make-prerequisites" is an ordinary file target otherwise).
static bool skipped_as_goal(const char *target)
{
	return target[0] == '.' && !strchr(target, '/');
}

// An old-fashioned suffix rule ".c.o:" is the pattern rule "%.o: %.c".
static bool suffix_rule(rules_reader *rr, mk_rule *r)
{
	if (r->targets.len != 1 || r->prereqs.len || r->tpattern)
		return false;
	const char *t = r->targets.items[0];
	const char *second = strchr(t + 1, '.');
	if (t[0] != '.' || !second || strchr(second + 1, '.') || strchr(t, '/') ||
	    second == t + 1 || !second[1])
		return false;
	r->targets.items[0] = bh_arena_sprintf(rr->scratch, "%%%s", second);
	bh_vec_push(&r->prereqs, bh_arena_sprintf(rr->scratch, "%%%.*s", (int)(second - t), t));
	r->pattern = true;
	return true;
}

// The first top-level occurrence of `c` in s[from..n), or n.
static size_t find_top(const char *s, size_t n, size_t from, char c)
{
	int nest = 0;
	for (size_t i = from; i < n; i++) {
		if (s[i] == '$' && i + 1 < n && (s[i + 1] == '(' || s[i + 1] == '{')) {
			nest++;
			i++;
		} else if ((s[i] == ')' || s[i] == '}') && nest > 0) {
			nest--;
		} else if (nest == 0 && s[i] == c) {
			return i;
		}
	}
	return n;
}

// rule = targets ( ":" | "::" ) [ target-pattern ":" ] prerequisites
//        [ "|" order-only ] [ ";" recipe ]
// A target-specific assignment ("app: CFLAGS += -g") is not a rule.
static void read_rule(rules_reader *rr, const char *s, size_t n, size_t colon, uint32_t line)
{
	size_t after = colon + 1;
	bool double_colon = after < n && s[after] == ':';
	after += double_colon;
	size_t semi = find_top(s, n, after, ';');
	size_t eq = find_top(s, semi, after, '=');
	rr->open = false;
	if (eq < semi)
		return;
	if (rr->rules.len >= MAX_RULES) {
		rr->limited = true;
		return;
	}
	mk_rule r = { .line = line, .double_colon = double_colon };
	r.incomplete |= expand_words(rr, &r.targets, s, colon);
	size_t second = find_top(s, semi, after, ':');
	if (second < semi) { // static pattern: targets : %.o : %.c
		str_vec tp = { 0 };
		r.incomplete |= expand_words(rr, &tp, s + after, second - after);
		r.tpattern = tp.len == 1 ? tp.items[0] : NULL;
		r.incomplete |= tp.len != 1;
		bh_vec_dispose(&tp);
		after = second + 1;
	}
	str_vec pre = { 0 };
	r.incomplete |= expand_words(rr, &pre, s + after, semi - after);
	bool order_only = false;
	for (size_t i = 0; i < pre.len; i++) {
		if (strcmp(pre.items[i], "|") == 0)
			order_only = true;
		else if (order_only)
			bh_vec_push(&r.order, pre.items[i]);
		else
			bh_vec_push(r.tpattern ? &r.ppatterns : &r.prereqs, pre.items[i]);
	}
	bh_vec_dispose(&pre);
	for (size_t i = 0; i < r.targets.len; i++)
		r.pattern |= !r.tpattern && strchr(r.targets.items[i], '%') != NULL;
	if (r.targets.len && strcmp(r.targets.items[0], ".PHONY") == 0) {
		for (size_t i = 0; i < r.prereqs.len; i++)
			bh_strset_insert(&rr->phony, clean_path(rr, "", r.prereqs.items[i]));
		goto drop;
	}
	if (!suffix_rule(rr, &r) && r.targets.len && is_special(r.targets.items[0]))
		goto drop;
	for (size_t i = 0; i < r.targets.len && !rr->default_goal && !r.pattern; i++)
		if (!skipped_as_goal(r.targets.items[i]) && !is_unresolved(r.targets.items[i]))
			rr->default_goal = r.targets.items[i];
	r.first = rr->lines.len;
	if (r.pattern)
		bh_vec_push(&rr->patterns, rr->rules.len);
	bh_vec_push(&rr->rules, r);
	rr->open = true;
	if (semi < n) {
		bh_vec_push(&rr->lines, ((recipe_line){
				bh_arena_strndup(rr->scratch, s + semi + 1, n - semi - 1), line }));
		rr->rules.items[rr->rules.len - 1].nlines++;
	}
	return;
drop:
	bh_vec_dispose(&r.targets);
	bh_vec_dispose(&r.prereqs);
	bh_vec_dispose(&r.order);
	bh_vec_dispose(&r.ppatterns);
	rr->open = false;
}

// The reader's hook. Rules inside conditionals are kept (see disc.h).
static void rules_hook(void *payload, bh_disc__make_event ev, const char *s, size_t n,
		       size_t colon, uint32_t line, bool in_cond)
{
	rules_reader *rr = payload;
	(void)in_cond;
	if (ev == BH_DISC__MAKE_RULE) {
		read_rule(rr, s, n, colon, line);
	} else if (ev == BH_DISC__MAKE_OTHER) {
		rr->open = false;
	} else if (rr->open) {
		if (rr->lines.len >= MAX_LINES) {
			rr->limited = true;
			return;
		}
		const char *text = bh_arena_strndup(rr->scratch, s, n);
		bh_vec_push(&rr->lines, ((recipe_line){ text, line }));
		rr->rules.items[rr->rules.len - 1].nlines++;
	}
}

/* ------------------------------------------------------------- commands */

// A command of a recipe line: its words, and the directory it runs in
// (relative to the Makefile's directory; NULL after a `cd` we cannot read).
typedef void (*command_fn)(rules_reader *rr, void *ctx, const char *cwd, const char **argv,
			   size_t argc);

// Call `fn` for each command of an expanded recipe line: commands are
// split at ";", "&&", "||" and "|"; `cd dir` moves the later ones;
// leading VAR=value words and the recipe prefixes @ - + are skipped.
static void for_each_command(rules_reader *rr, const char *text, command_fn fn, void *ctx)
{
	while (*text == '@' || *text == '-' || *text == '+' || *text == ' ' || *text == '\t')
		text++;
	const char **argv = NULL;
	size_t argc = bh_compdb_split_command(&argv, rr->scratch, text);
	const char *cwd = "";
	str_vec cmd = { 0 };
	for (size_t i = 0; i < argc;) {
		cmd.len = 0;
		size_t end = i;
		while (end < argc && !bh_disc__ends_command(argv[end]))
			bh_vec_push(&cmd, argv[end++]);
		if (end < argc) { // "x.c;" ends the command and belongs to it
			size_t n = strlen(argv[end]);
			if (n > 1 && argv[end][n - 1] == ';')
				bh_vec_push(&cmd, bh_arena_strndup(rr->scratch, argv[end], n - 1));
		}
		i = end + 1;
		size_t k = 0;
		while (k < cmd.len && cmd.items[k][0] != '-' && strchr(cmd.items[k], '=') &&
		       !is_unresolved(cmd.items[k]))
			k++;
		if (k >= cmd.len)
			continue;
		if (strcmp(cmd.items[k], "cd") == 0) {
			const char *to = k + 1 < cmd.len ? cmd.items[k + 1] : NULL;
			cwd = cwd && to && !is_unresolved(to) ? clean_path(rr, cwd, to) : NULL;
			if (cwd && (cwd[0] == '/' || strcmp(cwd, ".") == 0))
				cwd = cwd[0] == '/' ? NULL : "";
			continue;
		}
		fn(rr, ctx, cwd, cmd.items + k, cmd.len - k);
	}
	bh_vec_dispose(&cmd);
}

// The target whose recipe is being read.
typedef struct {
	size_t node;
	const str_vec *prereqs; // its prerequisites, joined to `inputs` when a line makes it
	uint32_t line;
	bool unknown;           // a command or output could not be read
} recipe_run;

// The prerequisites of a built target are among its inputs, as paths.
static void add_prereqs(rules_reader *rr, mk_node *n, const str_vec *prereqs)
{
	for (size_t i = 0; i < prereqs->len && keep_word(rr); i++)
		if (is_input(prereqs->items[i]))
			bh_vec_push(&n->inputs, clean_path(rr, "", prereqs->items[i]));
	n->prereqs_added = true;
}

// A recipe line makes `out` (written relative to `cwd`) from the operand
// paths `ops` (relative to the Makefile's directory).
static void add_product(rules_reader *rr, recipe_run *run, const char *cwd, const char *out,
			bh_build_kind kind, const str_vec *ops, const str_vec *flags,
			bool incomplete)
{
	size_t oi = node_get(rr, cwd, out);
	if (oi == SIZE_MAX || bh_strset_contains(&rr->phony, rr->nodes.items[oi].path))
		return;
	for (size_t i = 0; i < ops->len; i++) // inputs that a rule may make are targets too
		if (is_linkable(ops->items[i]))
			node_get(rr, "", ops->items[i]);
	mk_node *o = &rr->nodes.items[oi];
	if (!o->artifact) {
		o->artifact = true;
		o->kind = kind;
		o->line = run->line;
	} else if (kind == BH_BUILD_SHARED_LIB) {
		o->kind = kind;
	}
	if (oi == run->node && !o->prereqs_added) {
		add_prereqs(rr, o, run->prereqs);
	}
	for (size_t i = 0; i < ops->len && keep_word(rr); i++)
		bh_vec_push(&o->inputs, ops->items[i]);
	for (size_t i = 0; i < flags->len && keep_word(rr); i++)
		bh_vec_push(&o->flags, flags->items[i]);
	o->incomplete |= incomplete;
}

// Compiler options whose value is the next word.
static bool takes_value(const char *opt)
{
	static const char *const opts[] = {
		"-I",  "-D",  "-U",  "-include", "-imacros", "-isystem", "-iquote", "-idirafter",
		"-L",  "-l",  "-x",  "-MF",      "-MT",      "-MQ",      "-Xlinker", "-Xassembler",
		"-Xpreprocessor",    "-T",       "-u",       "-z",       "-e",       "-isysroot",
		"--sysroot", "-B",   "-aux-info",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(opts); i++)
		if (strcmp(opt, opts[i]) == 0)
			return true;
	return false;
}

// Operands of a line, as paths relative to the Makefile's directory; a
// shell glob (`*.c`) is matched like $(wildcard). True if one stayed
// unknown.
static bool add_operand(rules_reader *rr, str_vec *ops, const char *cwd, const char *w)
{
	if (!strpbrk(w, "*?[")) {
		if (is_input(w))
			bh_vec_push(ops, clean_path(rr, cwd, w));
		return false;
	}
	if (strpbrk(w, "(){},"))
		return true;
	const char *call = bh_arena_sprintf(rr->scratch, "$(wildcard %s)", clean_path(rr, cwd, w));
	str_vec found = { 0 };
	bool unknown = expand_words(rr, &found, call, strlen(call));
	for (size_t i = 0; i < found.len; i++)
		if (!is_unresolved(found.items[i]) && is_input(found.items[i]))
			bh_vec_push(ops, found.items[i]);
	bh_vec_dispose(&found);
	return unknown;
}

// cc [options] operands: with -c each source makes an object (named by -o
// or after the source), without it the line links -o's file (a.out).
// -E, -S and -M make nothing we follow.
static void compiler_line(rules_reader *rr, recipe_run *run, const char *cwd, const char **argv,
			  size_t argc)
{
	str_vec ops = { 0 }, flags = { 0 };
	const char *out = NULL;
	bool compile = false, no_output = false, shared = false, incomplete = false;
	for (size_t i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (is_unresolved(a)) {
			incomplete = true;
		} else if (a[0] != '-' || !a[1]) {
			incomplete |= add_operand(rr, &ops, cwd, a);
		} else {
			bh_vec_push(&flags, a);
			if (strcmp(a, "-c") == 0)
				compile = true;
			else if (strcmp(a, "-E") == 0 || strcmp(a, "-S") == 0 ||
				 strcmp(a, "-M") == 0 || strcmp(a, "-MM") == 0)
				no_output = true;
			else if (strcmp(a, "-shared") == 0)
				shared = true;
			else if (strcmp(a, "-o") == 0)
				out = i + 1 < argc ? argv[++i] : NULL;
			else if (strncmp(a, "-o", 2) == 0)
				out = a + 2;
			else if (takes_value(a))
				i++;
		}
	}
	if (out && is_unresolved(out))
		run->unknown = true;
	else if (no_output)
		;
	else if (!compile) {
		const char *made = out ? out : "a.out";
		bh_build_kind kind = shared ? BH_BUILD_SHARED_LIB : kind_by_name(made);
		if (kind == BH_BUILD_STATIC_LIB) // linked, whatever the name says
			kind = BH_BUILD_EXECUTABLE;
		add_product(rr, run, cwd, made, kind, &ops, &flags, incomplete);
	} else if (out) {
		add_product(rr, run, cwd, out, BH_BUILD_OBJECT, &ops, &flags, incomplete);
	} else {
		for (size_t i = 0; i < ops.len; i++) {
			const char *src = ops.items[i];
			if (!bh_str_ends_with(src, ".c"))
				continue;
			str_vec one = { 0 };
			bh_vec_push(&one, src);
			const char *base = base_name(src);
			add_product(rr, run, cwd, bh_arena_sprintf(rr->scratch, "%.*s.o",
								   (int)strlen(base) - 2, base),
				    BH_BUILD_OBJECT, &one, &flags, incomplete);
			bh_vec_dispose(&one);
		}
	}
	bh_vec_dispose(&ops);
	bh_vec_dispose(&flags);
}

// ar key archive members...: a key with r or q (and no d, m, p, t, x)
// writes the archive.
static void ar_line(rules_reader *rr, recipe_run *run, const char *cwd, const char **argv,
		    size_t argc)
{
	if (argc < 3 || is_unresolved(argv[1]) || !strpbrk(argv[1], "rq") ||
	    strpbrk(argv[1], "dmptx"))
		return;
	if (is_unresolved(argv[2])) {
		run->unknown = true;
		return;
	}
	str_vec ops = { 0 }, flags = { 0 };
	bool incomplete = false;
	for (size_t i = 3; i < argc; i++) {
		if (is_unresolved(argv[i]))
			incomplete = true;
		else
			incomplete |= add_operand(rr, &ops, cwd, argv[i]);
	}
	add_product(rr, run, cwd, argv[2], BH_BUILD_STATIC_LIB, &ops, &flags, incomplete);
	bh_vec_dispose(&ops);
}

// `$(QUIET_CC)$(CC)`, `$(CROSS)gcc`: an unknown prefix glued to a compiler
// name (a progress printer set in an `ifndef V`, a target triple) leaves
// the command a compiler run. The compiler word after the last unknown
// part, or NULL.
static const char *compiler_after_unknown(const char *w)
{
	const char *last = NULL;
	for (const char *p = strstr(w, "$(?)"); p; p = strstr(p + 1, "$(?)"))
		last = p + 4;
	return last && *last && !is_unresolved(last) && bh_img_is_c_compiler(last) ? last : NULL;
}

static void build_command(rules_reader *rr, void *ctx, const char *cwd, const char **argv,
			  size_t argc)
{
	recipe_run *run = ctx;
	const char *compiler = is_unresolved(argv[0]) ? compiler_after_unknown(argv[0]) : NULL;
	if (compiler)
		argv[0] = compiler;
	const char *tool = base_name(argv[0]);
	bool is_ar = strcmp(tool, "ar") == 0 || bh_str_ends_with(tool, "-ar");
	if (is_unresolved(argv[0]) || (!cwd && (is_ar || bh_img_is_c_compiler(argv[0])))) {
		run->unknown = true;
		return;
	}
	if (bh_img_is_c_compiler(argv[0]))
		compiler_line(rr, run, cwd, argv, argc);
	else if (is_ar)
		ar_line(rr, run, cwd, argv, argc);
}

/* ------------------------------------------------------------- worklist */

#define MAX_PATTERN_TRIES 2000000u // pattern rules tried against targets in all

// The recipe a target gets: from its explicit rules, else the first
// pattern rule whose prerequisites exist or can be made, else one of
// make's built-in rules.
typedef struct {
	str_vec prereqs;       // normal prerequisites, in make's order
	str_vec order;         // order-only prerequisites
	const char *stem;      // $*
	idx_vec recipes;       // rules whose recipe runs (several: double-colon rules)
	const char *builtin;   // a built-in recipe, when no rule gives one
	uint32_t line;
	bool incomplete;
} plan;

// Does the context hold `p` (written in the Makefile)? 1 yes, 0 no (or
// outside the context), -1 when there is no way to know.
static int file_known(rules_reader *rr, const char *p)
{
	char *ctx_path = bh_disc__make_ctx_path(rr->dir, p);
	int known = ctx_path ? bh_disc__make_file_known(rr->mk, ctx_path) : 0;
	free(ctx_path);
	return known;
}

// Could make have the file `p`? A target of the file or an existing file;
// when existence cannot be known, yes.
static bool can_make(rules_reader *rr, const char *p)
{
	size_t ni = node_find(rr, clean_path(rr, "", p));
	if (ni != SIZE_MAX && rr->nodes.items[ni].rules.len)
		return true;
	return file_known(rr, p) != 0;
}

// The target word of rule `r` that names node `n`.
static const char *target_word(rules_reader *rr, const mk_rule *r, const mk_node *n)
{
	for (size_t i = 0; i < r->targets.len; i++)
		if (strcmp(clean_path(rr, "", r->targets.items[i]), n->path) == 0)
			return r->targets.items[i];
	return n->name;
}

static void plan_explicit(rules_reader *rr, const mk_node *n, plan *p)
{
	str_vec from_pattern = { 0 };
	for (size_t k = 0; k < n->rules.len; k++) {
		const mk_rule *r = &rr->rules.items[n->rules.items[k]];
		p->incomplete |= r->incomplete;
		p->line = p->line ? p->line : r->line;
		const char *stem = r->tpattern ? match_stem(rr, r->tpattern, target_word(rr, r, n))
					       : NULL;
		for (size_t i = 0; stem && i < r->ppatterns.len; i++)
			bh_vec_push(&from_pattern, apply_stem(rr, r->ppatterns.items[i], stem));
		p->stem = stem ? stem : p->stem;
		for (size_t i = 0; i < r->prereqs.len; i++)
			bh_vec_push(&p->prereqs, r->prereqs.items[i]);
		for (size_t i = 0; i < r->order.len; i++)
			bh_vec_push(&p->order, r->order.items[i]);
		if (r->nlines) {
			if (!r->double_colon) // a later recipe replaces an earlier one
				p->recipes.len = 0;
			bh_vec_push(&p->recipes, n->rules.items[k]);
			p->line = r->line;
		}
	}
	// A static pattern's prerequisites come first, as $< shows.
	if (from_pattern.len) {
		for (size_t i = 0; i < p->prereqs.len; i++)
			bh_vec_push(&from_pattern, p->prereqs.items[i]);
		bh_vec_dispose(&p->prereqs);
		p->prereqs = from_pattern;
	} else {
		bh_vec_dispose(&from_pattern);
	}
}

// Put `first` in front of the prerequisites: an implicit rule's own
// prerequisite is $<.
static void prepend(str_vec *v, const char *first)
{
	bh_vec_push(v, first);
	memmove(v->items + 1, v->items, (v->len - 1) * sizeof(*v->items));
	v->items[0] = first;
}

static bool plan_pattern(rules_reader *rr, const mk_node *n, plan *p, size_t *tries)
{
	for (size_t k = 0; k < rr->patterns.len; k++) {
		size_t ri = rr->patterns.items[k];
		const mk_rule *r = &rr->rules.items[ri];
		if (!r->nlines)
			continue; // a pattern rule without recipe cancels, it makes nothing
		for (size_t t = 0; t < r->targets.len; t++) {
			if (++*tries > MAX_PATTERN_TRIES) {
				rr->limited = true;
				return false;
			}
			const char *stem = match_stem(rr, r->targets.items[t], n->name);
			if (!stem)
				continue;
			str_vec pre = { 0 };
			bool ok = true;
			for (size_t i = 0; i < r->prereqs.len && ok; i++) {
				const char *q = apply_stem(rr, r->prereqs.items[i], stem);
				ok = can_make(rr, q);
				bh_vec_push(&pre, q);
			}
			if (!ok) {
				bh_vec_dispose(&pre);
				continue;
			}
			for (size_t i = pre.len; i-- > 0;)
				prepend(&p->prereqs, pre.items[i]);
			bh_vec_dispose(&pre);
			bh_vec_push(&p->recipes, ri);
			p->stem = stem;
			p->line = r->line;
			p->incomplete |= r->incomplete;
			return true;
		}
	}
	return false;
}

static bool in_list(const str_vec *v, const char *w)
{
	for (size_t i = 0; i < v->len; i++)
		if (strcmp(v->items[i], w) == 0)
			return true;
	return false;
}

// make's built-in rules that C projects rely on: x.o from x.c, and x from
// x.o or x.c (the name has no suffix). Without a rule, x only comes from
// x.c when x.c surely exists, so that nothing is made up.
static void plan_builtin(rules_reader *rr, const mk_node *n, plan *p)
{
	const char *name = n->name;
	size_t len = strlen(name);
	if (bh_str_ends_with(name, ".o")) {
		const char *src = bh_arena_sprintf(rr->scratch, "%.*s.c", (int)len - 2, name);
		if (can_make(rr, src)) {
			prepend(&p->prereqs, src);
			p->builtin = "$(COMPILE.c) $(OUTPUT_OPTION) $<";
		}
		return;
	}
	if (strchr(base_name(name), '.'))
		return;
	const char *obj = bh_arena_sprintf(rr->scratch, "%s.o", name);
	const char *src = bh_arena_sprintf(rr->scratch, "%s.c", name);
	size_t oi = node_find(rr, clean_path(rr, "", obj));
	if (in_list(&p->prereqs, obj) || (oi != SIZE_MAX && rr->nodes.items[oi].rules.len)) {
		if (!in_list(&p->prereqs, obj))
			prepend(&p->prereqs, obj);
		p->builtin = "$(LINK.o) $^ $(LOADLIBES) $(LDLIBS) -o $@";
	} else if (in_list(&p->prereqs, src) || file_known(rr, src) == 1) {
		if (!in_list(&p->prereqs, src))
			prepend(&p->prereqs, src);
		p->builtin = "$(LINK.c) $^ $(LOADLIBES) $(LDLIBS) -o $@";
	}
}

// Words joined by spaces; without duplicates if `unique`.
static const char *join_words(rules_reader *rr, const str_vec *v, bool unique)
{
	size_t n = 1;
	for (size_t i = 0; i < v->len; i++)
		n += strlen(v->items[i]) + 1;
	char *s = bh_arena_alloc(rr->scratch, n), *at = s;
	bh_strset seen = { 0 };
	for (size_t i = 0; i < v->len; i++) {
		if (unique && !bh_strset_insert(&seen, v->items[i]))
			continue;
		size_t k = strlen(v->items[i]);
		if (at != s)
			*at++ = ' ';
		memcpy(at, v->items[i], k);
		at += k;
	}
	*at = '\0';
	bh_strset_dispose(&seen);
	return s;
}

// The automatic variables of a target with these prerequisites.
static bh_disc__make_auto autos_of(rules_reader *rr, const char *target, const str_vec *prereqs,
				   const str_vec *order, const char *stem)
{
	return (bh_disc__make_auto){
		.target = target,
		.first = prereqs->len ? prereqs->items[0] : "",
		.all = join_words(rr, prereqs, true),
		.all_dups = join_words(rr, prereqs, false),
		.stem = stem,
		.order = join_words(rr, order, false),
	};
}

// Expand one recipe line (automatic variables bound by the caller) and
// hand its commands to `fn`. (A variable assigned only inside conditionals
// expands to an unknown word, which the commands see.)
static void run_line(rules_reader *rr, const char *text, command_fn fn, void *ctx)
{
	char *e = bh_disc__make_expand(rr->mk, text, strlen(text));
	for_each_command(rr, e, fn, ctx);
	free(e);
}

static void run_rule(rules_reader *rr, const mk_rule *r, command_fn fn, void *ctx)
{
	for (size_t i = 0; i < r->nlines; i++)
		run_line(rr, rr->lines.items[r->first + i].text, fn, ctx);
}

// Expand the recipe of node ni with its automatic variables bound, and
// read what its lines build.
static void run_recipe(rules_reader *rr, size_t ni, const plan *p, recipe_run *run)
{
	bh_disc__make_auto autos = autos_of(rr, rr->nodes.items[ni].name, &p->prereqs, &p->order,
					    p->stem);
	bh_disc__make_set_auto(rr->mk, &autos);
	for (size_t k = 0; k < p->recipes.len; k++)
		run_rule(rr, &rr->rules.items[p->recipes.items[k]], build_command, run);
	if (p->builtin)
		run_line(rr, p->builtin, build_command, run);
	bh_disc__make_set_auto(rr->mk, NULL);
}

// Work out node ni: its recipe, what that builds, and which of its
// prerequisites may be made in turn (they join the worklist).
static void analyze_node(rules_reader *rr, size_t ni, size_t *tries)
{
	plan p = { 0 };
	bool phony = bh_strset_contains(&rr->phony, rr->nodes.items[ni].path);
	plan_explicit(rr, &rr->nodes.items[ni], &p);
	if (!p.recipes.len && !phony && !plan_pattern(rr, &rr->nodes.items[ni], &p, tries))
		plan_builtin(rr, &rr->nodes.items[ni], &p);
	if (!p.line)
		p.line = rr->nodes.items[ni].line;
	for (size_t i = 0; i < p.prereqs.len; i++) {
		const char *q = p.prereqs.items[i];
		if (!is_unresolved(q) && (is_linkable(q) || !strchr(base_name(q), '.'))) {
			size_t qi = node_get(rr, "", q);
			if (qi != SIZE_MAX && !rr->nodes.items[qi].line)
				rr->nodes.items[qi].line = p.line;
		}
	}
	recipe_run run = { .node = ni, .prereqs = &p.prereqs, .line = p.line };
	run_recipe(rr, ni, &p, &run);

	mk_node *n = &rr->nodes.items[ni];
	bh_build_kind kind = kind_by_name(n->path);
	bool has_inputs = false;
	for (size_t i = 0; i < p.prereqs.len; i++)
		has_inputs |= is_input(p.prereqs.items[i]) || is_unresolved(p.prereqs.items[i]);
	// No line says how it is built, but its name does (libx.a: a.o b.o),
	// or a line we cannot read builds it from objects or sources (its own
	// rule's, a pattern rule's or a built-in one's).
	bool has_recipe = n->rules.len || p.recipes.len || p.builtin;
	if (!n->artifact && !phony && has_recipe &&
	    (kind != BH_BUILD_EXECUTABLE || (run.unknown && has_inputs))) {
		n->artifact = true;
		n->kind = kind;
		n->line = p.line;
	}
	if (n->artifact) {
		n->incomplete |= p.incomplete || run.unknown;
		if (!n->prereqs_added)
			add_prereqs(rr, n, &p.prereqs);
	}
	bh_vec_dispose(&p.prereqs);
	bh_vec_dispose(&p.order);
	bh_vec_dispose(&p.recipes);
}

// Nodes for every target of the explicit rules, in order, then the
// worklist: analysing a node may add nodes, which are analysed in turn.
static void analyze_all(rules_reader *rr)
{
	for (size_t ri = 0; ri < rr->rules.len; ri++) {
		const mk_rule *r = &rr->rules.items[ri];
		if (r->pattern)
			continue;
		for (size_t t = 0; t < r->targets.len; t++) {
			if (is_unresolved(r->targets.items[t]))
				continue;
			size_t ni = node_get(rr, "", r->targets.items[t]);
			if (ni == SIZE_MAX)
				break;
			idx_vec *rules = &rr->nodes.items[ni].rules;
			if (!rules->len || rules->items[rules->len - 1] != ri)
				bh_vec_push(rules, ri);
		}
	}
	size_t tries = 0;
	for (size_t ni = 0; ni < rr->nodes.len; ni++)
		analyze_node(rr, ni, &tries);
}

/* ------------------------------------------------------------ gathering */

#define MAX_CHAIN 256 // objects and libraries nested in one another

// Count an entry against MAX_MERGED; false once it is spent.
static bool spend(rules_reader *rr)
{
	if (rr->merged >= MAX_MERGED) {
		rr->limited = true;
		return false;
	}
	rr->merged++;
	return true;
}

static void add_source(rules_reader *rr, mk_node *n, bh_strset *seen, const char *ctx_path)
{
	if (bh_strset_insert(seen, ctx_path) && spend(rr))
		bh_vec_push(&n->all_sources, bh_arena_strdup(rr->scratch, ctx_path));
}

// Gather the sources and flags of node ni through the objects and static
// libraries it is built from (post-order, each node once; a cycle or a
// chain deeper than MAX_CHAIN stops the walk).
static void gather(rules_reader *rr, size_t ni, int depth)
{
	mk_node *n = &rr->nodes.items[ni];
	if (n->visit)
		return;
	n->visit = 1;
	bh_strset seen = { 0 };
	for (size_t i = 0; i < n->inputs.len; i++) {
		const char *in = n->inputs.items[i];
		if (bh_str_ends_with(in, ".c")) {
			char *ctx_path = bh_disc__make_ctx_path(rr->dir, in);
			if (ctx_path && bh_disc__make_file_known(rr->mk, ctx_path) != 0)
				add_source(rr, n, &seen, ctx_path);
			free(ctx_path);
			continue;
		}
		size_t ci = node_find(rr, in);
		if (ci == SIZE_MAX || ci == ni || !rr->nodes.items[ci].artifact)
			continue;
		mk_node *c = &rr->nodes.items[ci];
		if (c->kind != BH_BUILD_OBJECT && c->kind != BH_BUILD_STATIC_LIB)
			continue;
		if (depth >= MAX_CHAIN) {
			rr->limited = true;
			n->incomplete = true;
			continue;
		}
		gather(rr, ci, depth + 1);
		for (size_t k = 0; k < c->all_sources.len; k++)
			add_source(rr, n, &seen, c->all_sources.items[k]);
		for (size_t k = 0; k < c->all_flags.len && spend(rr); k++)
			bh_vec_push(&n->all_flags, c->all_flags.items[k]);
		n->incomplete |= c->incomplete;
	}
	for (size_t k = 0; k < n->flags.len && spend(rr); k++)
		bh_vec_push(&n->all_flags, n->flags.items[k]);
	bh_strset_dispose(&seen);
	n->visit = 2;
}

// The flags of an artifact: `common` then its gathered ones, options only,
// an exact repeat kept at its last place. Ownership: `arena`.
static const char **final_flags(rules_reader *rr, const str_vec *common, const mk_node *n,
				size_t *count)
{
	size_t total = common->len + n->all_flags.len;
	const char **out = bh_arena_alloc(rr->arena, (total + 1) * sizeof(*out));
	bh_strset seen = { 0 };
	size_t k = total;
	for (size_t i = total; i-- > 0;) {
		const char *f = i < common->len ? common->items[i]
						: n->all_flags.items[i - common->len];
		if (f[0] == '-' && !is_unresolved(f) && bh_strset_insert(&seen, f))
			out[--k] = bh_arena_strdup(rr->arena, f);
	}
	bh_strset_dispose(&seen);
	memmove(out, out + k, (total - k) * sizeof(*out));
	*count = total - k;
	return out;
}

/* -------------------------------------------------------------- install */

// A copy of a built file by an `install` or `cp` line.
typedef struct {
	const char *src;        // relative to the Makefile's directory, cleaned
	const char *dest;       // cleaned; absolute, or relative like `src`
	bool into_dir;          // dest is surely a directory (-t, "dir/", several sources)
	bool as_file;           // dest is surely the file's new name (-T)
} copy_op;

typedef struct {
	BH_VEC(copy_op) copies;
	bh_strset dirs;         // made by `mkdir` or `install -d`, cleaned
} install_scan;

// Directories that are one on any system an image is built from, so a
// `cp app $(PREFIX)/bin` puts app inside.
static bool is_standard_dir(const char *path)
{
	static const char *const names[] = { "bin", "sbin", "lib", "lib64", "lib32", "libexec" };
	const char *base = base_name(path);
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		if (strcmp(base, names[i]) == 0)
			return true;
	return false;
}

// install [-d] [-m mode] [-o o] [-g g] [-t dir] [-T] [-D] src... dest,
// cp [-t dir] [-T] [-rpf...] src... dest and mkdir [-p] [-m mode] dir...
static void install_command(rules_reader *rr, void *ctx, const char *cwd, const char **argv,
			    size_t argc)
{
	install_scan *scan = ctx;
	const char *tool = base_name(argv[0]);
	bool is_install = strcmp(tool, "install") == 0 || strcmp(tool, "ginstall") == 0;
	bool is_mkdir = strcmp(tool, "mkdir") == 0;
	if (!cwd || (!is_install && !is_mkdir && strcmp(tool, "cp") != 0))
		return;
	const char *tdir = NULL;
	bool dirs_only = is_mkdir, no_target_dir = false, options = true;
	str_vec ops = { 0 };
	for (size_t i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options || a[0] != '-' || !a[1]) {
			bh_vec_push(&ops, a);
		} else if (strcmp(a, "--") == 0) {
			options = false;
		} else if (strncmp(a, "--target-directory=", 19) == 0) {
			tdir = a + 19;
		} else if (strcmp(a, "--no-target-directory") == 0) {
			no_target_dir = true;
		} else if (strcmp(a, "--directory") == 0) {
			dirs_only |= is_install;
		} else if (a[1] != '-') { // a cluster of short options: -Dm755, -pt dir
			for (const char *c = a + 1; *c; c++) {
				if (*c == 'd' && is_install)
					dirs_only = true;
				else if (*c == 'T')
					no_target_dir = true;
				if (*c == 't' || *c == 'm' || (is_install && strchr("ogS", *c))) {
					const char *v = c[1] ? c + 1 : "";
					if (!c[1] && i + 1 < argc)
						v = argv[++i];
					if (*c == 't')
						tdir = v;
					break;
				}
			}
		}
	}
	if (dirs_only) {
		for (size_t i = 0; i < ops.len; i++)
			if (!is_unresolved(ops.items[i]))
				bh_strset_insert(&scan->dirs, clean_path(rr, cwd, ops.items[i]));
	} else if ((tdir || ops.len >= 2) && !is_unresolved(tdir ? tdir : ops.items[ops.len - 1])) {
		const char *dest = tdir ? tdir : ops.items[ops.len - 1];
		size_t nsrc = tdir ? ops.len : ops.len - 1;
		bool into = tdir || (!no_target_dir && (nsrc > 1 || bh_str_ends_with(dest, "/")));
		for (size_t i = 0; i < nsrc; i++)
			if (!is_unresolved(ops.items[i]))
				bh_vec_push(&scan->copies, ((copy_op){
						clean_path(rr, cwd, ops.items[i]),
						clean_path(rr, cwd, dest), into, no_target_dir }));
	}
	bh_vec_dispose(&ops);
}

// Has a rule `install` among its targets?
static bool is_install_rule(const mk_rule *r)
{
	for (size_t i = 0; i < r->targets.len; i++)
		if (strcmp(r->targets.items[i], "install") == 0)
			return true;
	return false;
}

// Read the copies of every explicit recipe, those of `install` first (the
// first copy of a file gives its install path), then set install paths.
static void find_installs(rules_reader *rr)
{
	install_scan scan = { 0 };
	for (int pass = 0; pass < 2; pass++) {
		for (size_t ri = 0; ri < rr->rules.len; ri++) {
			const mk_rule *r = &rr->rules.items[ri];
			if (r->pattern || !r->targets.len || is_install_rule(r) != (pass == 0))
				continue;
			bh_disc__make_auto autos = autos_of(rr, r->targets.items[0], &r->prereqs,
							    &r->order, NULL);
			bh_disc__make_set_auto(rr->mk, &autos);
			run_rule(rr, r, install_command, &scan);
			bh_disc__make_set_auto(rr->mk, NULL);
		}
	}
	for (size_t i = 0; i < scan.copies.len; i++) {
		const copy_op *c = &scan.copies.items[i];
		size_t ni = node_find(rr, c->src);
		if (ni == SIZE_MAX || !rr->nodes.items[ni].artifact || rr->nodes.items[ni].install)
			continue;
		bool made_dir = bh_strset_contains(&scan.dirs, c->dest);
		bool into = c->into_dir || (!c->as_file && (made_dir || is_standard_dir(c->dest)));
		const char *to = into ? clean_path(rr, c->dest, base_name(c->src)) : c->dest;
		rr->nodes.items[ni].install = bh_arena_strdup(rr->arena, to);
	}
	bh_vec_dispose(&scan.copies);
	bh_strset_dispose(&scan.dirs);
}

/* ---------------------------------------------------------------- entry */

// The words of CFLAGS, CPPFLAGS and LDFLAGS as the file leaves them.
static void common_flags(rules_reader *rr, str_vec *out)
{
	static const char text[] = "$(CFLAGS) $(CPPFLAGS) $(LDFLAGS)";
	expand_words(rr, out, text, strlen(text));
}

// The libraries and objects `n` takes that no rule of this file makes
// (another Makefile's `../deps/x/libx.a`). Ownership: the output arena.
static const char **external_links(rules_reader *rr, const mk_node *n, size_t *count)
{
	const char **out = bh_arena_alloc(rr->arena, (n->inputs.len + 1) * sizeof(*out));
	*count = 0;
	for (size_t i = 0; i < n->inputs.len; i++) {
		const char *in = n->inputs.items[i];
		if (is_unresolved(in) || bh_str_ends_with(in, ".c") || !is_linkable(in))
			continue;
		size_t ci = node_find(rr, in);
		if (ci == SIZE_MAX || !rr->nodes.items[ci].artifact)
			out[(*count)++] = bh_arena_strdup(rr->arena, in);
	}
	return out;
}

static void output(bh_build_recipes *out, rules_reader *rr)
{
	str_vec common = { 0 };
	common_flags(rr, &common);
	size_t count = 0;
	for (size_t i = 0; i < rr->nodes.len; i++)
		count += rr->nodes.items[i].artifact;
	out->items = count ? bh_arena_alloc(rr->arena, count * sizeof(*out->items)) : NULL;
	out->n = 0;
	for (size_t i = 0; i < rr->nodes.len; i++) {
		mk_node *n = &rr->nodes.items[i];
		if (!n->artifact)
			continue;
		gather(rr, i, 0);
		bh_build_artifact *a = &out->items[out->n++];
		a->name = bh_arena_strdup(rr->arena, n->name);
		a->path = bh_arena_strdup(rr->arena, n->path);
		a->kind = n->kind;
		a->nsources = n->all_sources.len;
		a->sources = bh_arena_alloc(rr->arena, (a->nsources + 1) * sizeof(*a->sources));
		for (size_t k = 0; k < a->nsources; k++)
			a->sources[k] = bh_arena_strdup(rr->arena, n->all_sources.items[k]);
		a->flags = final_flags(rr, &common, n, &a->nflags);
		a->links = external_links(rr, n, &a->nlinks);
		a->install_path = n->install;
		a->line = n->line;
		a->incomplete = n->incomplete;
	}
	bh_vec_dispose(&common);
}

static void rules_dispose(rules_reader *rr)
{
	for (size_t i = 0; i < rr->rules.len; i++) {
		mk_rule *r = &rr->rules.items[i];
		bh_vec_dispose(&r->targets);
		bh_vec_dispose(&r->prereqs);
		bh_vec_dispose(&r->order);
		bh_vec_dispose(&r->ppatterns);
	}
	for (size_t i = 0; i < rr->nodes.len; i++) {
		mk_node *n = &rr->nodes.items[i];
		bh_vec_dispose(&n->rules);
		bh_vec_dispose(&n->inputs);
		bh_vec_dispose(&n->flags);
		bh_vec_dispose(&n->all_sources);
		bh_vec_dispose(&n->all_flags);
	}
	bh_vec_dispose(&rr->rules);
	bh_vec_dispose(&rr->patterns);
	bh_vec_dispose(&rr->lines);
	bh_vec_dispose(&rr->nodes);
	free(rr->table);
	bh_strset_dispose(&rr->phony);
	bh_disc__make_free(rr->mk);
	bh_arena_free(rr->scratch);
}

void bh_make_recipes(bh_build_recipes *out, bh_arena *arena, const char *path, const char *text,
		     size_t len, const char *const *overrides, size_t noverrides,
		     const char *const *files, size_t nfiles,
		     bool (*exists)(const char *ctx_path, void *payload), void *payload,
		     bh_diags *diags)
{
	memset(out, 0, sizeof(*out));
	rules_reader rr = { .arena = arena, .scratch = bh_arena_new() };
	const char *file = path ? path : "Makefile";
	const char *slash = strrchr(file, '/');
	rr.dir = slash ? bh_arena_strndup(rr.scratch, file, (size_t)(slash - file)) : "";
	bh_disc__make_options o = {
		.full = true,
		.dir = rr.dir,
		.files = files,
		.nfiles = files ? nfiles : 0,
		.exists = exists,
		.payload = payload,
		.hook = rules_hook,
		.hook_payload = &rr,
	};
	rr.mk = bh_disc__make_new(&o);
	for (size_t i = 0; overrides && i < noverrides; i++)
		if (overrides[i])
			bh_disc__make_override(rr.mk, overrides[i]);
	bh_disc__make_read(rr.mk, text, len);
	analyze_all(&rr);
	find_installs(&rr);
	output(out, &rr);
	out->file = bh_arena_strdup(arena, file);
	out->default_goal = rr.default_goal ? bh_arena_strdup(arena, rr.default_goal) : NULL;
	if (rr.limited || bh_disc__make_limited(rr.mk))
		bh_diag_add(diags, BH_LEVEL_WARNING, "disc.makefile-limit", file, 0, 0,
			    "Makefile too large or too convoluted to read completely; "
			    "build recipes read from it may be incomplete");
	rules_dispose(&rr);
}
