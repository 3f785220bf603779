// SPDX-License-Identifier: MIT
// Rule family "hard-coded credentials in C": secret.hardcoded-password
// (CWE-259/798) and secret.hardcoded-key (CWE-321/798). Called by the
// libclang walker for every cursor of the context's files, top-level
// declarations included.
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
#include <ctype.h>
#include <string.h>

#include "bulkhead/secret.h"
#include "parse/c/clang_internal.h"

#define MIN_SECRET_LEN 4

// ----------------------------------------------------------------- names

static bool contains(const char *lower, const char *word)
{
	return strstr(lower, word) != NULL;
}

static void lowercase(char *out, size_t cap, const char *s)
{
	size_t i = 0;
	for (; s[i] && i + 1 < cap; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

// Names that are about a secret, not the secret: `password_prompt`,
// `token_file`, `key_len`.
static bool is_meta_name(const char *lower)
{
	static const char *const meta[] = {
		"prompt", "msg", "message", "label", "hint", "format", "fmt", "file",
		"path", "name", "url", "env", "len", "size", "error", "err", "help",
		"usage", "field", "type", "header", "_id", "policy", "count", "dir",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(meta); i++)
		if (contains(lower, meta[i]))
			return true;
	return false;
}

typedef enum { NAME_NONE, NAME_PASSWORD, NAME_KEY } name_kind;

static name_kind classify_name(const char *name)
{
	char lower[128];
	if (!name || !*name)
		return NAME_NONE;
	lowercase(lower, sizeof(lower), name);
	if (is_meta_name(lower))
		return NAME_NONE;
	static const char *const keys[] = {
		"aes_key", "aeskey", "hmac_key", "hmackey", "enc_key", "enckey",
		"encryption_key", "crypt_key", "cipher_key", "secret_key", "secretkey",
		"signing_key", "private_key", "privkey", "priv_key", "master_key",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(keys); i++)
		if (contains(lower, keys[i]))
			return NAME_KEY;
	static const char *const pwds[] = {
		"passw", "passwd", "pwd", "passphrase", "secret", "token", "api_key",
		"apikey", "credential", "auth_key", "access_key",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(pwds); i++)
		if (contains(lower, pwds[i]))
			return NAME_PASSWORD;
	return NAME_NONE;
}

// -------------------------------------------------------------- literals

// The decoded literal behind `e` if it could be a secret.
static bool secret_literal(bh_clang__walk *w, CXCursor e, bh_clang__literal *lit)
{
	if (!bh_clang__string_literal(w->arena, e, lit) || !lit->known)
		return false;
	if (lit->len < MIN_SECRET_LEN)
		return false;
	for (size_t i = 0; i < lit->len; i++) {
		unsigned char c = (unsigned char)lit->text[i];
		if (isspace(c) || c < 0x20)
			return false;
	}
	if (strchr(lit->text, '%'))
		return false;
	return !bh_secret_is_placeholder(lit->text, lit->len);
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

static void report_literal(bh_clang__walk *w, bh_rule_id rule, CXCursor at,
			   const bh_clang__literal *lit, const char *how)
{
	const char *red = bh_finding_redact(w->arena, lit->text, lit->len);
	bh_finding *fd = bh_clang__report(w, rule, at, "%s: %s", how, red);
	// The default snippet is the source text, which holds the secret.
	if (fd)
		fd->snippet = red;
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
	name_kind nk = classify_name(name);
	if (nk == NAME_NONE)
		return;
	CXCursor init = clang_Cursor_getVarDeclInitializer(var);
	bh_clang__literal lit;
	if (clang_Cursor_isNull(init) || !secret_literal(w, init, &lit))
		return;
	const char *how = bh_arena_sprintf(w->arena, "'%s' is initialised with a hard-coded %s",
					   name, nk == NAME_KEY ? "key" : "credential");
	report_literal(w, nk == NAME_KEY ? BH_RULE_SECRET_HARDCODED_KEY : BH_RULE_SECRET_HARDCODED_PASSWORD,
		       var, &lit, how);
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
	name_kind nk = classify_name(name);
	bh_clang__literal lit;
	if (nk == NAME_NONE || !secret_literal(w, kids[1], &lit))
		return;
	const char *how = bh_arena_sprintf(w->arena, "'%s' is assigned a hard-coded %s", name,
					   nk == NAME_KEY ? "key" : "credential");
	report_literal(w, nk == NAME_KEY ? BH_RULE_SECRET_HARDCODED_KEY : BH_RULE_SECRET_HARDCODED_PASSWORD,
		       op, &lit, how);
}

// ------------------------------------------------------------------ calls

typedef enum { A_PASSWORD, A_KEY, A_CONNINFO, A_CURLOPT, A_COMPARE } arg_kind;

typedef struct {
	const char *name;
	int arg;          // argument holding the secret (-1 for A_COMPARE)
	arg_kind kind;
} secret_api;

static const secret_api apis[] = {
	{ "strcmp", -1, A_COMPARE },
	{ "strncmp", -1, A_COMPARE },
	{ "strcasecmp", -1, A_COMPARE },
	{ "strncasecmp", -1, A_COMPARE },
	{ "memcmp", -1, A_COMPARE },
	{ "mysql_real_connect", 3, A_PASSWORD },
	{ "mysql_change_user", 2, A_PASSWORD },
	{ "PQconnectdb", 0, A_CONNINFO },
	{ "PQconnectStart", 0, A_CONNINFO },
	{ "PQsetdbLogin", 6, A_PASSWORD },
	{ "crypt", 0, A_PASSWORD },
	{ "crypt_r", 0, A_PASSWORD },
	{ "ldap_simple_bind_s", 2, A_PASSWORD },
	{ "ldap_simple_bind", 2, A_PASSWORD },
	{ "curl_easy_setopt", 2, A_CURLOPT },
	{ "EVP_EncryptInit", 2, A_KEY },
	{ "EVP_EncryptInit_ex", 3, A_KEY },
	{ "EVP_EncryptInit_ex2", 2, A_KEY },
	{ "EVP_DecryptInit", 2, A_KEY },
	{ "EVP_DecryptInit_ex", 3, A_KEY },
	{ "EVP_DecryptInit_ex2", 2, A_KEY },
	{ "EVP_CipherInit", 2, A_KEY },
	{ "EVP_CipherInit_ex", 3, A_KEY },
	{ "EVP_CipherInit_ex2", 2, A_KEY },
	{ "AES_set_encrypt_key", 0, A_KEY },
	{ "AES_set_decrypt_key", 0, A_KEY },
	{ "HMAC", 1, A_KEY },
	{ "HMAC_Init_ex", 1, A_KEY },
	{ "HMAC_Init", 1, A_KEY },
	{ "EVP_PKEY_new_mac_key", 2, A_KEY },
	{ "EVP_PKEY_new_raw_private_key", 2, A_KEY },
};

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
	name_kind nk = classify_name(name);
	if (nk == NAME_NONE)
		return;
	const char *how = bh_arena_sprintf(w->arena, "%s compares '%s' with a hard-coded %s", fn,
					   name, nk == NAME_KEY ? "key" : "password");
	report_literal(w, nk == NAME_KEY ? BH_RULE_SECRET_HARDCODED_KEY : BH_RULE_SECRET_HARDCODED_PASSWORD,
		       call, &lit, how);
}

// "host=db user=app password=s3cret": the value after password=.
static bool conninfo_password(const bh_clang__literal *in, bh_clang__literal *out)
{
	const char *p = strstr(in->text, "password=");
	if (!p)
		return false;
	p += 9;
	if (*p == '\'')
		p++;
	size_t n = 0;
	while (p[n] && p[n] != ' ' && p[n] != '\'' && p[n] != '\t')
		n++;
	if (n < MIN_SECRET_LEN || bh_secret_is_placeholder(p, n))
		return false;
	*out = *in;
	out->text = p;
	out->len = n;
	return true;
}

static void check_call(bh_clang__walk *w, CXCursor call)
{
	CXString sp = clang_getCursorSpelling(call);
	const char *fn = clang_getCString(sp);
	const secret_api *api = NULL;
	for (size_t i = 0; fn && i < BH_ARRAY_LEN(apis) && !api; i++)
		if (strcmp(apis[i].name, fn) == 0)
			api = &apis[i];
	clang_disposeString(sp);
	if (!api)
		return;
	CXCursor arg;
	bh_clang__literal lit, pw;
	const char *how;
	switch (api->kind) {
	case A_COMPARE:
		check_compare(w, call, api->name);
		return;
	case A_PASSWORD:
		if (!get_arg(call, api->arg, &arg) || !secret_literal(w, arg, &lit))
			return;
		how = bh_arena_sprintf(w->arena, "hard-coded password passed to %s", api->name);
		report_literal(w, BH_RULE_SECRET_HARDCODED_PASSWORD, call, &lit, how);
		return;
	case A_CONNINFO:
		if (!get_arg(call, api->arg, &arg) ||
		    !bh_clang__string_literal(w->arena, arg, &lit) || !lit.known ||
		    !conninfo_password(&lit, &pw))
			return;
		how = bh_arena_sprintf(w->arena, "connection string passed to %s holds a hard-coded password",
				       api->name);
		report_literal(w, BH_RULE_SECRET_HARDCODED_PASSWORD, call, &pw, how);
		return;
	case A_CURLOPT: {
		CXCursor opt;
		if (!get_arg(call, 1, &opt) || !get_arg(call, api->arg, &arg))
			return;
		const char *o = bh_clang__expr_text(w, opt);
		if (!o || !(strstr(o, "PASSWORD") || strstr(o, "USERPWD") || strstr(o, "KEYPASSWD")))
			return;
		if (!secret_literal(w, arg, &lit))
			return;
		how = bh_arena_sprintf(w->arena, "hard-coded password passed to curl_easy_setopt(%s)", o);
		report_literal(w, BH_RULE_SECRET_HARDCODED_PASSWORD, call, &lit, how);
		return;
	}
	case A_KEY:
		if (!get_arg(call, api->arg, &arg))
			return;
		if (bh_clang__string_literal(w->arena, arg, &lit) && lit.known && lit.len > 0 &&
		    !bh_secret_is_placeholder(lit.text, lit.len)) {
			how = bh_arena_sprintf(w->arena, "hard-coded key passed to %s", api->name);
			report_literal(w, BH_RULE_SECRET_HARDCODED_KEY, call, &lit, how);
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
