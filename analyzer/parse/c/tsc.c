// SPDX-License-Identifier: MIT
// The tree-sitter-c fast path (bh_tsc): C files parsed by syntax alone,
// for what libclang does not see. Sits in the parse stage beside the
// libclang front end and runs after it, because it needs to know which
// files libclang analysed (see include/bulkhead/tsc.h for the policy):
//
//   - headers no parsed unit includes, and units libclang could not parse
//     at all, are checked in full (BH_TSC_FULL);
//   - every other C file only for `#define NAME "literal"` macros
//     (BH_TSC_MACROS), which no libclang AST holds.
//
// Each file is read once and parsed once; a file takes microseconds to a
// few milliseconds, a small fraction of what libclang spends on the unit.
// The rule families (rules/c/c_secrets_tsc.c) share their policy with the
// libclang walker (rules/c/c_secret_policy.c), so a secret gets the same
// rule and message from either front end.
//
// Invariants: this module owns the TSParser and every TSTree, created and
// deleted here with tree-sitter's functions; nothing foreign outlives a
// call. The walk is iterative (a TSTreeCursor), so nesting depth costs no
// stack; a time limit bounds each parse.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/ctx.h"
#include "bulkhead/text.h"
#include "parse/c/tsc_internal.h"

const TSLanguage *tree_sitter_c(void);

// A parse that takes longer than this is abandoned (tree-sitter-c parses
// megabytes per second; only pathological input gets near it).
#define PARSE_TIMEOUT_US 10000000

// Secret-like `#define` lines parsed alone in macros scope; a file with
// more is parsed whole.
#define MAX_MACRO_LINES 64

#define NOTE_SOURCE \
	"libclang could not parse this file: found by syntax alone (tree-sitter-c)"
#define NOTE_HEADER \
	"no translation unit libclang parsed includes this header: found by syntax alone (tree-sitter-c)"

// --------------------------------------------------------------- symbols

static TSSymbol symbol(const TSLanguage *lang, const char *name)
{
	return ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name), true);
}

static void load_symbols(bh_tsc__symbols *s, const TSLanguage *lang)
{
	s->preproc_def = symbol(lang, "preproc_def");
	s->init_declarator = symbol(lang, "init_declarator");
	s->declaration = symbol(lang, "declaration");
	s->assignment_expression = symbol(lang, "assignment_expression");
	s->call_expression = symbol(lang, "call_expression");
	s->argument_list = symbol(lang, "argument_list");
	s->identifier = symbol(lang, "identifier");
	s->field_expression = symbol(lang, "field_expression");
	s->field_identifier = symbol(lang, "field_identifier");
	s->string_literal = symbol(lang, "string_literal");
	s->concatenated_string = symbol(lang, "concatenated_string");
	s->cast_expression = symbol(lang, "cast_expression");
	s->parenthesized_expression = symbol(lang, "parenthesized_expression");
	s->comment = symbol(lang, "comment");
	s->function_definition = symbol(lang, "function_definition");
}

// ----------------------------------------------------------------- nodes

const char *bh_tsc__text(bh_tsc__walk *w, TSNode n)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	if (s > e || e > w->len)
		return "";
	return bh_arena_strndup(w->arena, w->text + s, e - s);
}

// The only named child of `n` that is not a comment, or a null node.
static TSNode only_child(bh_tsc__walk *w, TSNode n)
{
	TSNode found = { 0 };
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (ts_node_symbol(c) == w->sym->comment)
			continue;
		if (!ts_node_is_null(found))
			return (TSNode){ 0 };
		found = c;
	}
	return found;
}

TSNode bh_tsc__strip(bh_tsc__walk *w, TSNode n)
{
	// Bounded like any loop over hostile input: each step goes one level
	// down, and the tree is finite, so this always ends.
	while (!ts_node_is_null(n)) {
		TSSymbol s = ts_node_symbol(n);
		TSNode next;
		if (s == w->sym->parenthesized_expression)
			next = only_child(w, n);
		else if (s == w->sym->cast_expression)
			next = ts_node_child_by_field_name(n, "value", 5);
		else
			break;
		if (ts_node_is_null(next))
			break;
		n = next;
	}
	return n;
}

bool bh_tsc__argument(bh_tsc__walk *w, TSNode args, uint32_t i, TSNode *out)
{
	uint32_t nc = ts_node_named_child_count(args), k = 0;
	for (uint32_t j = 0; j < nc; j++) {
		TSNode c = ts_node_named_child(args, j);
		if (ts_node_symbol(c) == w->sym->comment)
			continue;
		if (k++ == i) {
			*out = c;
			return true;
		}
	}
	return false;
}

// ------------------------------------------------------------- literals

// Decode the quoted pieces gathered in `buf` (blank-separated, each
// "..." as written) into the walk arena.
static bool decode_pieces(bh_tsc__walk *w, const char *buf, const char **text, size_t *len)
{
	char *out = bh_arena_alloc(w->arena, strlen(buf) + 1);
	if (bh_c_string_decode(out, buf) < 0)
		return false;
	*text = out;
	*len = strlen(out); // stops at an embedded NUL, like libclang's decoding
	return true;
}

// Append the piece `s`/`n` (a string_literal as written) to `buf`, without
// a u8 prefix; false for wide and UTF-16/32 literals.
static bool add_piece(char **buf, size_t *blen, const char *s, size_t n)
{
	if (n >= 3 && s[0] == 'u' && s[1] == '8' && s[2] == '"') {
		s += 2;
		n -= 2;
	}
	if (n < 2 || s[0] != '"' || memchr(s, '\0', n))
		return false;
	*buf = bh_xrealloc(*buf, *blen + n + 2);
	memcpy(*buf + *blen, s, n);
	*blen += n;
	(*buf)[(*blen)++] = ' ';
	(*buf)[*blen] = '\0';
	return true;
}

bool bh_tsc__string_literal(bh_tsc__walk *w, TSNode n, const char **text, size_t *len)
{
	n = bh_tsc__strip(w, n);
	if (ts_node_is_null(n))
		return false;
	TSSymbol s = ts_node_symbol(n);
	if (s != w->sym->string_literal && s != w->sym->concatenated_string)
		return false;
	if (ts_node_has_error(n))
		return false;
	char *buf = NULL;
	size_t blen = 0;
	bool ok = true;
	if (s == w->sym->string_literal) {
		uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
		ok = b <= w->len && add_piece(&buf, &blen, w->text + a, b - a);
	} else {
		// "abc" "def": only literal pieces; a macro (PRIu64) is unknown.
		uint32_t nc = ts_node_named_child_count(n);
		for (uint32_t i = 0; i < nc && ok; i++) {
			TSNode c = ts_node_named_child(n, i);
			TSSymbol cs = ts_node_symbol(c);
			if (cs == w->sym->comment)
				continue;
			uint32_t a = ts_node_start_byte(c), b = ts_node_end_byte(c);
			ok = cs == w->sym->string_literal && b <= w->len &&
			     add_piece(&buf, &blen, w->text + a, b - a);
		}
	}
	ok = ok && buf && decode_pieces(w, buf, text, len);
	free(buf);
	return ok;
}

// Skip blanks, line continuations and comments of a macro body from `i`.
static size_t skip_blank(const char *s, size_t n, size_t i)
{
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == '\f' ||
		    s[i] == '\v') {
			i++;
		} else if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
			i += 2;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
			const char *end = NULL;
			for (size_t k = i + 2; k + 1 < n; k++) {
				if (s[k] == '*' && s[k + 1] == '/') {
					end = s + k + 2;
					break;
				}
			}
			i = end ? (size_t)(end - s) : n;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') {
			return n; // a line comment runs to the end of the body
		} else {
			break;
		}
	}
	return i;
}

// The end of the logical line that starts at `a`: the first newline that
// is neither escaped nor inside a block comment or a string.
static size_t logical_line_end(const char *s, size_t n, size_t a)
{
	bool in_comment = false, in_string = false;
	for (size_t i = a; i < n; i++) {
		char c = s[i];
		if (in_comment) {
			if (c == '*' && i + 1 < n && s[i + 1] == '/') {
				in_comment = false;
				i++;
			}
		} else if (c == '\\' && i + 1 < n) {
			i++; // an escaped newline, or an escape in a string
		} else if (c == '\n') {
			return i;
		} else if (in_string) {
			in_string = c != '"';
		} else if (c == '"') {
			in_string = true;
		} else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			in_comment = true;
			i++;
		} else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
			const char *nl = memchr(s + i, '\n', n - i);
			return nl ? (size_t)(nl - s) : n;
		}
	}
	return n;
}

// macro_body = { "(" | ")" | ["u8"] '"' chars '"' }   (blanks, comments between)
//
// The body is read from the value to the end of the directive's logical
// line: tree-sitter ends the value (preproc_arg) at a block comment, and
// what follows the comment may land in an ERROR node.
bool bh_tsc__macro_literal(bh_tsc__walk *w, TSNode def, const char **text, size_t *len)
{
	TSNode arg = ts_node_child_by_field_name(def, "value", 5);
	if (ts_node_is_null(arg))
		return false;
	size_t a = ts_node_start_byte(arg);
	if (a >= w->len)
		return false;
	size_t b = logical_line_end(w->text, w->len, a);
	if (a >= b)
		return false;
	const char *s = w->text + a;
	size_t n = b - a;
	char *buf = NULL;
	size_t blen = 0;
	bool ok = true;
	for (size_t i = skip_blank(s, n, 0); i < n && ok; i = skip_blank(s, n, i)) {
		if (s[i] == '(' || s[i] == ')') {
			i++;
			continue;
		}
		size_t start = i;
		if (s[i] == 'u' && i + 2 < n && s[i + 1] == '8' && s[i + 2] == '"')
			i += 2;
		if (s[i] != '"') {
			ok = false;
			break;
		}
		// The closing quote; a backslash escapes the next byte.
		for (i++; i < n && s[i] != '"' && s[i] != '\n'; i++)
			if (s[i] == '\\')
				i++;
		if (i >= n || s[i] != '"') {
			ok = false;
			break;
		}
		i++;
		ok = add_piece(&buf, &blen, s + start, i - start);
	}
	ok = ok && buf && decode_pieces(w, buf, text, len);
	free(buf);
	return ok;
}

// ------------------------------------------------------------- findings

// The name a declarator declares: through pointers, arrays, parentheses,
// attributes and function declarators down to the identifier.
static TSNode declared_name(bh_tsc__walk *w, TSNode d)
{
	for (int guard = 0; !ts_node_is_null(d) && guard < 1000; guard++) {
		if (ts_node_symbol(d) == w->sym->identifier)
			return d;
		TSNode next = ts_node_child_by_field_name(d, "declarator", 10);
		if (ts_node_is_null(next))
			next = only_child(w, d); // parenthesized_declarator
		d = next;
	}
	return (TSNode){ 0 };
}

// The name of the function definition enclosing `n`, or NULL.
static const char *enclosing_function(bh_tsc__walk *w, TSNode n)
{
	for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
		if (ts_node_symbol(p) != w->sym->function_definition)
			continue;
		TSNode id = declared_name(w, ts_node_child_by_field_name(p, "declarator", 10));
		return ts_node_is_null(id) ? NULL : bh_tsc__text(w, id);
	}
	return NULL;
}

bh_finding *bh_tsc__report(bh_tsc__walk *w, bh_rule_id rule, TSNode at, TSNode end_at,
			   const char *message, const char *snippet)
{
	TSPoint start = ts_node_start_point(at), end = ts_node_end_point(end_at);
	bh_loc loc = { 0 };
	loc.path = w->path;
	loc.line = start.row + 1;
	loc.col = start.column + 1;
	// Tree-sitter's end is one past the last byte: SARIF's exclusive end.
	if (end.row > start.row || (end.row == start.row && end.column > start.column)) {
		loc.end_line = end.row + 1;
		loc.end_col = end.column + 1;
	}
	bh_finding *fd = bh_finding_add(w->findings, bh_rule_get(rule), loc, "%s", message);
	fd->function = enclosing_function(w, at);
	fd->snippet = snippet;
	fd->note = w->note;
	return fd;
}

// ------------------------------------------------------------------ walk

// Every named node, in document order, without recursion.
static void walk_tree(bh_tsc__walk *w, TSNode root)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		if (ts_node_is_named(n))
			bh_tsc__rule_secrets(w, n);
		if (ts_tree_cursor_goto_first_child(&cur))
			continue;
		bool more = false;
		while (!(more = ts_tree_cursor_goto_next_sibling(&cur))) {
			if (!ts_tree_cursor_goto_parent(&cur))
				break;
		}
		if (!more)
			break;
	}
	ts_tree_cursor_delete(&cur);
}

// Parse and check one text with `parser`; findings and diagnostics go to
// the unit lists of the walk.
static void check_text(TSParser *parser, const bh_tsc__symbols *sym, bh_arena *arena,
		       bh_findings *findings, bh_diags *diags, const char *path,
		       const char *text, size_t len, bh_tsc_scope scope, const char *note)
{
	// Most files libclang covered define no secret-like macro: the rule
	// family says so from the raw bytes, and they are not even parsed.
	// The others: only their secret-like `#define` lines with a string
	// literal are, as the lexer of tsc_define_lines.c finds them outside
	// comments and literals; a file with none needs no parse (memcached's
	// xxhash.h, 200 KB parsed whole for `#define XXH_SECRET_DEFAULT_SIZE
	// 192`: half the stage). An odd spelling after "define" (hits
	// SIZE_MAX), too many lines or one inside a function: the whole file.
	size_t hits = scope == BH_TSC_MACROS ? bh_tsc__rule_secrets_macro_hits(text, len) : SIZE_MAX;
	if (hits == 0)
		return;
	if (len > UINT32_MAX) {
		bh_diag_add(diags, BH_LEVEL_WARNING, "tsc.too-large", path, 0, 0,
			    "file too large for tree-sitter-c; its macros were not checked");
		return;
	}
	TSRange lines[MAX_MACRO_LINES];
	size_t nlines = hits != SIZE_MAX ? bh_tsc__define_lines(text, len, bh_tsc__rule_secrets_wants_macro,
								 lines, MAX_MACRO_LINES)
					 : SIZE_MAX;
	if (nlines == 0)
		return;
	bool some_lines = nlines != SIZE_MAX && ts_parser_set_included_ranges(parser, lines, (uint32_t)nlines);
	TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
	if (some_lines)
		ts_parser_set_included_ranges(parser, NULL, 0);
	if (!tree) {
		ts_parser_reset(parser);
		bh_diag_add(diags, BH_LEVEL_WARNING, "tsc.timeout", path, 0, 0,
			    "tree-sitter-c gave up on this file after %d s; its hard-coded "
			    "credentials were not checked", PARSE_TIMEOUT_US / 1000000);
		return;
	}
	bh_tsc__walk w = {
		.path = path,
		.text = text,
		.len = len,
		.scope = scope,
		.note = note,
		.sym = sym,
		.arena = arena,
		.findings = findings,
	};
	walk_tree(&w, ts_tree_root_node(tree));
	ts_tree_delete(tree);
}

static TSParser *new_parser(bh_tsc__symbols *sym)
{
	TSParser *parser = ts_parser_new();
	const TSLanguage *lang = tree_sitter_c();
	ts_parser_set_language(parser, lang);
	ts_parser_set_timeout_micros(parser, PARSE_TIMEOUT_US);
	load_symbols(sym, lang);
	return parser;
}

bh_status bh_tsc_check(bh_findings *out, bh_diags *diags, const char *path, const char *text,
		       size_t len, bh_tsc_scope scope, const char *note)
{
	if (!out || !diags || !path || (!text && len))
		return BH_EINVAL;
	bh_tsc__symbols sym;
	TSParser *parser = new_parser(&sym);
	bh_arena *arena = bh_arena_new();
	bh_findings f;
	bh_findings_init(&f, arena);
	check_text(parser, &sym, arena, &f, diags, path, text ? text : "", len, scope, note);
	bh_findings_append(out, &f);
	bh_findings_dispose(&f);
	bh_arena_free(arena);
	ts_parser_delete(parser);
	return BH_OK;
}

// ------------------------------------------------------------------ scan

bh_status bh_tsc_scan(bh_ctx *ctx, const bh_tsc_options *opts, bh_findings *out,
		      bh_diags *diags)
{
	bh_tsc_options defaults = BH_TSC_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!ctx || !out || !diags || (opts->ncovered && !opts->covered))
		return BH_EINVAL;

	// The covered set, sorted for bsearch.
	const char **covered = bh_xcalloc(opts->ncovered + 1, sizeof(*covered));
	for (size_t i = 0; i < opts->ncovered; i++)
		covered[i] = opts->covered[i];
	qsort(covered, opts->ncovered, sizeof(*covered), bh_str_compare_ptrs);

	bh_tsc__symbols sym;
	TSParser *parser = new_parser(&sym);
	bh_status st = BH_OK;
	size_t nfiles = bh_ctx_file_count(ctx);
	for (size_t i = 0; i < nfiles; i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		if ((f->kind != BH_FILE_C_SOURCE && f->kind != BH_FILE_C_HEADER) || f->excluded ||
		    f->too_large || (opts->wanted && !opts->wanted[i]))
			continue;
		if (opts->cancel && *opts->cancel) {
			st = BH_ECANCELED;
			break;
		}
		bool is_covered = bsearch(&f->path, covered, opts->ncovered, sizeof(*covered),
					  bh_str_compare_ptrs) != NULL;
		bh_tsc_scope scope = is_covered ? BH_TSC_MACROS : BH_TSC_FULL;
		const char *note = is_covered ? NULL
				 : f->kind == BH_FILE_C_SOURCE ? NOTE_SOURCE : NOTE_HEADER;

		// One arena per file: the text, the tree's strings and the
		// findings die together once they are copied out.
		bh_arena *arena = bh_arena_new();
		bh_diags scratch, unit_diags;
		bh_diags_init(&scratch, arena);
		bh_diags_init(&unit_diags, arena);
		bh_findings found;
		bh_findings_init(&found, arena);
		const bh_source *src = NULL;
		const bh_file_cache *cache = opts->cache;
		// A file that cannot be read is diagnosed by the secret scanner,
		// which reads every text file: saying it twice helps nobody.
		if ((!cache || !cache->lookup(cache->payload, f->path, scope, &found, &unit_diags)) &&
		    bh_ctx_read(&src, arena, ctx, f->path, &scratch) == BH_OK && src) {
			check_text(parser, &sym, arena, &found, &unit_diags, f->path, src->data,
				   src->len, scope, note);
			if (cache)
				cache->store(cache->payload, f->path, scope, &found, &unit_diags);
		}
		bh_findings_append(out, &found);
		bh_diags_append(diags, &unit_diags);
		bh_findings_dispose(&found);
		bh_diags_dispose(&unit_diags);
		bh_diags_dispose(&scratch);
		bh_arena_free(arena);
	}
	ts_parser_delete(parser);
	free(covered);
	return st;
}
