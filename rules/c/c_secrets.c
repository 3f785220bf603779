// SPDX-License-Identifier: MIT
// Rule family "hard-coded credentials in C": secret.hardcoded-password
// (CWE-259/798) and secret.hardcoded-key (CWE-321/798), on libclang ASTs.
// Called by the libclang walker for every cursor of the context's files,
// top-level declarations included. The policy (names, literals, known
// APIs, wording) lives in c_secret_policy.c and is shared with the
// tree-sitter-c walker (c_secrets_tsc.c), which covers what libclang does
// not see: headers no unit includes, units libclang could not parse, and
// `#define` macros everywhere.
//
// A string literal (or a constant byte array for keys) is reported when
// - it initialises or is assigned to a variable or field whose name says
//   it holds a password, token or key (`db_password`, `api_key`, `aes_key`);
// - it is compared with strcmp/strncmp/strcasecmp/memcmp against such a
//   variable or parameter (a backdoor password);
// - it is the password or key argument of a known API: mysql_real_connect,
//   PQconnectdb / PQsetdbLogin, crypt, ldap_simple_bind_s,
//   curl_easy_setopt(CURLOPT_PASSWORD|USERPWD), EVP_{En,De}cryptInit*,
//   EVP_CipherInit*, AES_set_*_key, HMAC / HMAC_Init_ex, EVP_PKEY_new_*.
//
// Never reported: empty and short literals, placeholders (the secret
// scanner's allowlist), text with blanks or printf directives (prompts and
// messages), and names that describe a secret rather than hold it
// (`password_prompt`, `token_file`). The secret itself never reaches a
// message or a snippet: both use bh_finding_redact.
//
// Known false-positive sources: test programs with fixed credentials and
// crypto test vectors; both deserve an inline suppression with a reason.
#include <string.h>

#include "c_secret_policy.h"
#include "parse/c/clang_internal.h"

// -------------------------------------------------------------- literals

// The decoded literal behind `e` if it could be a secret.
static bool secret_literal(bh_clang__walk *w, CXCursor e, bh_clang__literal *lit)
{
	return bh_clang__string_literal(w->arena, e, lit) && lit->known &&
	       bh_c_secret_is_secret_literal(lit->text, lit->len);
}

// A constant byte array (`static const unsigned char key[16] = {0x..}`)
// referenced by `e`: its size in bytes, or 0.
static size_t constant_key_array(CXCursor e)
{
	e = bh_clang__strip_casts(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return 0;
	CXCursor decl = clang_getCursorReferenced(e);
	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return 0;
	CXType t = clang_getCursorType(decl);
	if (t.kind != CXType_ConstantArray || !clang_isConstQualifiedType(clang_getArrayElementType(t)))
		return 0;
	CXCursor init = clang_Cursor_getVarDeclInitializer(decl);
	if (clang_Cursor_isNull(init) || clang_getCursorKind(init) != CXCursor_InitListExpr)
		return 0;
	CXCursor kids[4];
	unsigned n = bh_clang__children(init, kids, BH_ARRAY_LEN(kids));
	if (n < 8)
		return 0; // a real key has at least 64 bits
	for (unsigned i = 0; i < n && i < BH_ARRAY_LEN(kids); i++)
		if (clang_getCursorKind(bh_clang__strip_casts(kids[i])) != CXCursor_IntegerLiteral)
			return 0;
	return (size_t)clang_getArraySize(t);
}

// ------------------------------------------------------------- reporting

// Report the secret `text`/`len` at `at`, worded by the shared policy.
static void report_literal(bh_clang__walk *w, CXCursor at, bh_c_secret_site site,
			   bh_c_secret_name kind, const char *subject, const char *api,
			   const char *text, size_t len)
{
	if (!bh_c_secret_literal_fits(kind, text, len))
		return;
	bh_c_secret_report r = bh_c_secret_describe(w->arena, site, kind, subject, api, text, len);
	bh_finding *fd = bh_clang__report(w, r.rule, at, "%s", r.message);
	// The default snippet is the source text, which holds the secret.
	if (fd)
		fd->snippet = r.snippet;
}

static const char *name_of(bh_clang__walk *w, CXCursor e)
{
	e = bh_clang__strip_casts(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr || k == CXCursor_VarDecl ||
	    k == CXCursor_FieldDecl || k == CXCursor_ParmDecl)
		return bh_clang__spelling(w->arena, e);
	return NULL;
}

// `type name = "literal";`
static void check_var(bh_clang__walk *w, CXCursor var)
{
	const char *name = bh_clang__spelling(w->arena, var);
	bh_c_secret_name nk = bh_c_secret_classify_name(name);
	if (nk == BH_C_SECRET_NAME_NONE)
		return;
	CXCursor init = clang_Cursor_getVarDeclInitializer(var);
	bh_clang__literal lit;
	if (clang_Cursor_isNull(init) || !secret_literal(w, init, &lit))
		return;
	report_literal(w, var, BH_C_SECRET_AT_INIT, nk, name, NULL, lit.text, lit.len);
}

// `name = "literal";`
static void check_assign(bh_clang__walk *w, CXCursor op)
{
	if (clang_getCursorBinaryOperatorKind(op) != CXBinaryOperator_Assign)
		return;
	CXCursor kids[2];
	if (bh_clang__children(op, kids, 2) != 2)
		return;
	const char *name = name_of(w, kids[0]);
	bh_c_secret_name nk = bh_c_secret_classify_name(name);
	bh_clang__literal lit;
	if (nk == BH_C_SECRET_NAME_NONE || !secret_literal(w, kids[1], &lit))
		return;
	report_literal(w, op, BH_C_SECRET_AT_ASSIGN, nk, name, NULL, lit.text, lit.len);
}

// ------------------------------------------------------------------ calls

static bool get_arg(CXCursor call, int i, CXCursor *out)
{
	if (i < 0 || i >= clang_Cursor_getNumArguments(call))
		return false;
	*out = clang_Cursor_getArgument(call, (unsigned)i);
	return !clang_Cursor_isNull(*out);
}

// strcmp(password, "literal") in either order.
static void check_compare(bh_clang__walk *w, CXCursor call, const char *fn)
{
	CXCursor a, b;
	if (!get_arg(call, 0, &a) || !get_arg(call, 1, &b))
		return;
	bh_clang__literal lit;
	CXCursor other;
	if (secret_literal(w, b, &lit))
		other = a;
	else if (secret_literal(w, a, &lit))
		other = b;
	else
		return;
	const char *name = name_of(w, other);
	bh_c_secret_name nk = bh_c_secret_classify_name(name);
	if (nk == BH_C_SECRET_NAME_NONE)
		return;
	report_literal(w, call, BH_C_SECRET_AT_COMPARE, nk, name, fn, lit.text, lit.len);
}

static void check_call(bh_clang__walk *w, CXCursor call)
{
	CXString sp = clang_getCursorSpelling(call);
	const bh_c_secret_api *api = bh_c_secret_find_api(clang_getCString(sp));
	clang_disposeString(sp);
	if (!api)
		return;
	CXCursor arg;
	bh_clang__literal lit;
	const char *pw;
	size_t pw_len;
	switch (api->kind) {
	case BH_C_SECRET_ARG_COMPARE:
		check_compare(w, call, api->name);
		return;
	case BH_C_SECRET_ARG_PASSWORD:
		if (!get_arg(call, api->arg, &arg) || !secret_literal(w, arg, &lit))
			return;
		report_literal(w, call, BH_C_SECRET_AT_ARG, BH_C_SECRET_NAME_PASSWORD, NULL,
			       api->name, lit.text, lit.len);
		return;
	case BH_C_SECRET_ARG_CONNINFO:
		if (!get_arg(call, api->arg, &arg) ||
		    !bh_clang__string_literal(w->arena, arg, &lit) || !lit.known ||
		    !bh_c_secret_conninfo_password(lit.text, &pw, &pw_len))
			return;
		report_literal(w, call, BH_C_SECRET_AT_CONNINFO, BH_C_SECRET_NAME_PASSWORD, NULL,
			       api->name, pw, pw_len);
		return;
	case BH_C_SECRET_ARG_CURLOPT: {
		CXCursor opt;
		if (!get_arg(call, 1, &opt) || !get_arg(call, api->arg, &arg))
			return;
		const char *o = bh_clang__expr_text(w, opt);
		if (!bh_c_secret_is_curl_password_option(o) || !secret_literal(w, arg, &lit))
			return;
		report_literal(w, call, BH_C_SECRET_AT_CURLOPT, BH_C_SECRET_NAME_PASSWORD, o,
			       api->name, lit.text, lit.len);
		return;
	}
	case BH_C_SECRET_ARG_KEY:
		if (!get_arg(call, api->arg, &arg))
			return;
		if (bh_clang__string_literal(w->arena, arg, &lit) && lit.known &&
		    bh_c_secret_is_key_literal(lit.text, lit.len)) {
			report_literal(w, call, BH_C_SECRET_AT_ARG, BH_C_SECRET_NAME_KEY, NULL,
				       api->name, lit.text, lit.len);
			return;
		}
		size_t bytes = constant_key_array(arg);
		if (bytes) {
			const char *name = name_of(w, arg);
			bh_finding *fd = bh_clang__report(w, BH_RULE_SECRET_HARDCODED_KEY, call,
							  "%s uses the constant array '%s' (%zu bytes) as its key",
							  api->name, name ? name : "?", bytes);
			if (fd)
				fd->snippet = bh_arena_sprintf(w->arena, "%s(%s)", api->name, name ? name : "?");
		}
		return;
	}
}

void bh_clang__rule_secrets(bh_clang__walk *w, CXCursor c)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_VarDecl:
		check_var(w, c);
		break;
	case CXCursor_BinaryOperator:
		check_assign(w, c);
		break;
	case CXCursor_CallExpr:
		check_call(w, c);
		break;
	default:
		break;
	}
}
