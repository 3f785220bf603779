// SPDX-License-Identifier: MIT
// Rule family "hard-coded credentials in C" (secret.hardcoded-password,
// secret.hardcoded-key) on tree-sitter-c trees: the bh_tsc fast path's
// counterpart of c_secrets.c, with the same policy (c_secret_policy.c) and
// so the same messages. See include/bulkhead/tsc.h for which files get
// which scope.
//
// In every C file (BH_TSC_MACROS and BH_TSC_FULL):
// - `#define NAME "literal"` where NAME says it holds a password or key
//   (`DB_PASSWORD`, `AES_KEY`); libclang never sees macro definitions.
// Only where libclang did not analyse the file (BH_TSC_FULL):
// - `type name = "literal"` initialisers and `name = "literal"`
//   assignments to a secret-like variable or field;
// - strcmp-family comparisons of a secret-like operand with a literal;
// - the password or key argument of a known API given as a literal.
//
// Without types the walker cannot see through variables: a key passed as
// a constant byte array, or a literal reaching an API through a macro, is
// only found by libclang. Never reported, as for libclang: short literals,
// placeholders, text with blanks or printf directives (`#define
// PASSWORD_PROMPT "Password: "`), names about a secret (`KEY_LEN`), and
// macros whose body is not a string literal (`#define KEY_LEN 32`).
#define _GNU_SOURCE // memmem
#include <string.h>

#include "c_secret_policy.h"
#include "parse/c/tsc_internal.h"

// Longest expression text quoted in a message (as bh_clang__expr_text).
#define MAX_EXPR_TEXT 40

static void report_literal(bh_tsc__walk *w, TSNode at, TSNode end_at, bh_c_secret_site site,
			   bh_c_secret_name kind, const char *subject, const char *api,
			   const char *text, size_t len)
{
	if (!bh_c_secret_literal_fits(kind, text, len))
		return;
	bh_c_secret_report r = bh_c_secret_describe(w->arena, site, kind, subject, api, text, len);
	bh_tsc__report(w, r.rule, at, end_at, r.message, r.snippet);
}

static bool secret_literal(bh_tsc__walk *w, TSNode n, const char **text, size_t *len)
{
	return bh_tsc__string_literal(w, n, text, len) && bh_c_secret_is_secret_literal(*text, *len);
}

// The name an operand refers to, as libclang spells a DeclRefExpr or
// MemberRefExpr: `password`, `cfg.password` and `cfg->password` give
// "password".
static const char *name_of(bh_tsc__walk *w, TSNode e)
{
	e = bh_tsc__strip(w, e);
	if (ts_node_is_null(e))
		return NULL;
	TSSymbol s = ts_node_symbol(e);
	if (s == w->sym->identifier)
		return bh_tsc__text(w, e);
	if (s == w->sym->field_expression) {
		TSNode f = ts_node_child_by_field_name(e, "field", 5);
		return ts_node_is_null(f) ? NULL : bh_tsc__text(w, f);
	}
	return NULL;
}

// The text of `e` for a message: blanks collapsed, long text cut.
static const char *expr_text(bh_tsc__walk *w, TSNode e)
{
	const char *t = bh_tsc__text(w, e);
	const char *norm = bh_finding_normalize_snippet(w->arena, t, strlen(t));
	size_t n = strlen(norm);
	if (n == 0)
		return NULL;
	if (n <= MAX_EXPR_TEXT)
		return norm;
	return bh_arena_sprintf(w->arena, "%.*s...", MAX_EXPR_TEXT - 3, norm);
}

// #define NAME "literal"
static void check_macro(bh_tsc__walk *w, TSNode def)
{
	TSNode name = ts_node_child_by_field_name(def, "name", 4);
	TSNode value = ts_node_child_by_field_name(def, "value", 5);
	if (ts_node_is_null(name) || ts_node_is_null(value))
		return;
	const char *id = bh_tsc__text(w, name);
	bh_c_secret_name nk = bh_c_secret_classify_name(id);
	const char *text;
	size_t len;
	if (nk == BH_C_SECRET_NAME_NONE || !bh_tsc__macro_literal(w, def, &text, &len) ||
	    !bh_c_secret_is_secret_literal(text, len))
		return;
	report_literal(w, def, value, BH_C_SECRET_AT_MACRO, nk, id, NULL, text, len);
}

// `type name = "literal";`, reported at the declaration like libclang's
// VarDecl (whose extent starts at the declaration specifiers).
static void check_init(bh_tsc__walk *w, TSNode init)
{
	TSNode value = ts_node_child_by_field_name(init, "value", 5);
	if (ts_node_is_null(value))
		return;
	TSNode decl = ts_node_child_by_field_name(init, "declarator", 10);
	// Through pointers and arrays to the identifier.
	for (int guard = 0; !ts_node_is_null(decl) && ts_node_symbol(decl) != w->sym->identifier &&
			    guard < 1000; guard++)
		decl = ts_node_child_by_field_name(decl, "declarator", 10);
	if (ts_node_is_null(decl))
		return;
	const char *name = bh_tsc__text(w, decl);
	bh_c_secret_name nk = bh_c_secret_classify_name(name);
	const char *text;
	size_t len;
	if (nk == BH_C_SECRET_NAME_NONE || !secret_literal(w, value, &text, &len))
		return;
	TSNode at = ts_node_parent(init);
	if (ts_node_is_null(at) || ts_node_symbol(at) != w->sym->declaration)
		at = init;
	report_literal(w, at, init, BH_C_SECRET_AT_INIT, nk, name, NULL, text, len);
}

// `name = "literal";`
static void check_assign(bh_tsc__walk *w, TSNode op)
{
	TSNode o = ts_node_child_by_field_name(op, "operator", 8);
	if (ts_node_is_null(o) || strcmp(ts_node_type(o), "=") != 0)
		return;
	const char *name = name_of(w, ts_node_child_by_field_name(op, "left", 4));
	bh_c_secret_name nk = bh_c_secret_classify_name(name);
	const char *text;
	size_t len;
	if (nk == BH_C_SECRET_NAME_NONE ||
	    !secret_literal(w, ts_node_child_by_field_name(op, "right", 5), &text, &len))
		return;
	report_literal(w, op, op, BH_C_SECRET_AT_ASSIGN, nk, name, NULL, text, len);
}

// strcmp(password, "literal") in either order.
static void check_compare(bh_tsc__walk *w, TSNode call, TSNode args, const char *fn)
{
	TSNode a, b, other;
	if (!bh_tsc__argument(w, args, 0, &a) || !bh_tsc__argument(w, args, 1, &b))
		return;
	const char *text;
	size_t len;
	if (secret_literal(w, b, &text, &len))
		other = a;
	else if (secret_literal(w, a, &text, &len))
		other = b;
	else
		return;
	const char *name = name_of(w, other);
	bh_c_secret_name nk = bh_c_secret_classify_name(name);
	if (nk == BH_C_SECRET_NAME_NONE)
		return;
	report_literal(w, call, call, BH_C_SECRET_AT_COMPARE, nk, name, fn, text, len);
}

static void check_call(bh_tsc__walk *w, TSNode call)
{
	TSNode fn = ts_node_child_by_field_name(call, "function", 8);
	TSNode args = ts_node_child_by_field_name(call, "arguments", 9);
	if (ts_node_is_null(fn) || ts_node_is_null(args) || ts_node_symbol(fn) != w->sym->identifier)
		return;
	const bh_c_secret_api *api = bh_c_secret_find_api(bh_tsc__text(w, fn));
	if (!api)
		return;
	TSNode arg;
	const char *text, *pw;
	size_t len, pw_len;
	if (api->kind != BH_C_SECRET_ARG_COMPARE &&
	    !bh_tsc__argument(w, args, (uint32_t)api->arg, &arg))
		return;
	switch (api->kind) {
	case BH_C_SECRET_ARG_COMPARE:
		check_compare(w, call, args, api->name);
		return;
	case BH_C_SECRET_ARG_PASSWORD:
		if (secret_literal(w, arg, &text, &len))
			report_literal(w, call, call, BH_C_SECRET_AT_ARG, BH_C_SECRET_NAME_PASSWORD,
				       NULL, api->name, text, len);
		return;
	case BH_C_SECRET_ARG_CONNINFO:
		if (bh_tsc__string_literal(w, arg, &text, &len) &&
		    bh_c_secret_conninfo_password(text, &pw, &pw_len))
			report_literal(w, call, call, BH_C_SECRET_AT_CONNINFO,
				       BH_C_SECRET_NAME_PASSWORD, NULL, api->name, pw, pw_len);
		return;
	case BH_C_SECRET_ARG_CURLOPT: {
		TSNode opt;
		if (!bh_tsc__argument(w, args, 1, &opt))
			return;
		const char *o = expr_text(w, opt);
		if (bh_c_secret_is_curl_password_option(o) && secret_literal(w, arg, &text, &len))
			report_literal(w, call, call, BH_C_SECRET_AT_CURLOPT,
				       BH_C_SECRET_NAME_PASSWORD, o, api->name, text, len);
		return;
	}
	case BH_C_SECRET_ARG_KEY:
		if (bh_tsc__string_literal(w, arg, &text, &len) &&
		    bh_c_secret_is_key_literal(text, len))
			report_literal(w, call, call, BH_C_SECRET_AT_ARG, BH_C_SECRET_NAME_KEY, NULL,
				       api->name, text, len);
		return;
	}
}

// The prefilter: in macros scope, a file can only give a finding if some
// "define" is followed by a name the policy calls a secret. Conservative:
// an odd spelling after "define" (a comment, a continuation) counts as
// "parse it all".
size_t bh_tsc__rule_secrets_macro_hits(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t hits = 0;
	while (p < end && (p = memmem(p, (size_t)(end - p), "define", 6)) != NULL) {
		p += 6;
		const char *q = p;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q == p || q == end)
			continue; // "defined(", "#define" at the very end
		if (!(*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
			return SIZE_MAX;
		char name[128];
		size_t n = 0;
		while (q < end && n + 1 < sizeof(name) &&
		       (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			(*q >= '0' && *q <= '9')))
			name[n++] = *q++;
		name[n] = '\0';
		if (bh_tsc__rule_secrets_wants_macro(name))
			hits++;
	}
	return hits;
}

bool bh_tsc__rule_secrets_wants_macro(const char *name)
{
	return bh_c_secret_classify_name(name) != BH_C_SECRET_NAME_NONE;
}

void bh_tsc__rule_secrets(bh_tsc__walk *w, TSNode n)
{
	TSSymbol s = ts_node_symbol(n);
	if (s == w->sym->preproc_def) {
		check_macro(w, n);
		return;
	}
	if (w->scope != BH_TSC_FULL)
		return;
	if (s == w->sym->init_declarator)
		check_init(w, n);
	else if (s == w->sym->assignment_expression)
		check_assign(w, n);
	else if (s == w->sym->call_expression)
		check_call(w, n);
}
