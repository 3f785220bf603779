// SPDX-License-Identifier: MIT
// The policy of the hard-coded credential rules, shared by the libclang
// walker (c_secrets.c) and the tree-sitter-c walker (c_secrets_tsc.c):
// which names hold secrets, which literals can be secrets, which APIs take
// a password or key in which argument, and how a finding is worded. See
// c_secret_policy.h; the rule documentation is
// rules/secrets/secret.hardcoded-{password,key}.md.
//
// Invariant: a message or snippet never holds a secret whole, only
// bh_finding_redact's prefix and length.
#include <ctype.h>
#include <string.h>

#include "bulkhead/finding.h"
#include "bulkhead/secret.h"
#include "c_secret_policy.h"

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

bh_c_secret_name bh_c_secret_classify_name(const char *name)
{
	char lower[128];
	if (!name || !*name)
		return BH_C_SECRET_NAME_NONE;
	lowercase(lower, sizeof(lower), name);
	if (is_meta_name(lower) || bh_secret_word_is_other_word(lower, strlen(lower)))
		return BH_C_SECRET_NAME_NONE;
	static const char *const keys[] = {
		"aes_key", "aeskey", "hmac_key", "hmackey", "enc_key", "enckey",
		"encryption_key", "crypt_key", "cipher_key", "secret_key", "secretkey",
		"signing_key", "private_key", "privkey", "priv_key", "master_key",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(keys); i++)
		if (contains(lower, keys[i]))
			return BH_C_SECRET_NAME_KEY;
	static const char *const pwds[] = {
		"passw", "passwd", "pwd", "passphrase", "secret", "api_key",
		"apikey", "credential", "auth_key", "access_key",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(pwds); i++)
		if (contains(lower, pwds[i]))
			return BH_C_SECRET_NAME_PASSWORD;
	return contains(lower, "token") ? BH_C_SECRET_NAME_TOKEN : BH_C_SECRET_NAME_NONE;
}

// -------------------------------------------------------------- literals

bool bh_c_secret_is_secret_literal(const char *text, size_t len)
{
	if (!text || len < BH_C_SECRET_MIN_LEN)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (isspace(c) || c < 0x20)
			return false;
	}
	if (memchr(text, '%', len))
		return false;
	return !bh_secret_is_placeholder(text, len);
}

bool bh_c_secret_literal_fits(bh_c_secret_name kind, const char *text, size_t len)
{
	if (kind != BH_C_SECRET_NAME_TOKEN)
		return true;
	return text && len >= 8 && bh_secret_mixes_classes(text, len) && !bh_secret_is_keyword(text, len);
}

bool bh_c_secret_is_key_literal(const char *text, size_t len)
{
	return text && len > 0 && !bh_secret_is_placeholder(text, len);
}

bool bh_c_secret_conninfo_password(const char *text, const char **pw, size_t *pw_len)
{
	const char *p = text ? strstr(text, "password=") : NULL;
	if (!p)
		return false;
	p += 9;
	if (*p == '\'')
		p++;
	size_t n = 0;
	while (p[n] && p[n] != ' ' && p[n] != '\'' && p[n] != '\t')
		n++;
	if (n < BH_C_SECRET_MIN_LEN || bh_secret_is_placeholder(p, n))
		return false;
	*pw = p;
	*pw_len = n;
	return true;
}

// ------------------------------------------------------------------- APIs

static const bh_c_secret_api apis[] = {
	{ "strcmp", -1, BH_C_SECRET_ARG_COMPARE },
	{ "strncmp", -1, BH_C_SECRET_ARG_COMPARE },
	{ "strcasecmp", -1, BH_C_SECRET_ARG_COMPARE },
	{ "strncasecmp", -1, BH_C_SECRET_ARG_COMPARE },
	{ "memcmp", -1, BH_C_SECRET_ARG_COMPARE },
	{ "mysql_real_connect", 3, BH_C_SECRET_ARG_PASSWORD },
	{ "mysql_change_user", 2, BH_C_SECRET_ARG_PASSWORD },
	{ "PQconnectdb", 0, BH_C_SECRET_ARG_CONNINFO },
	{ "PQconnectStart", 0, BH_C_SECRET_ARG_CONNINFO },
	{ "PQsetdbLogin", 6, BH_C_SECRET_ARG_PASSWORD },
	{ "crypt", 0, BH_C_SECRET_ARG_PASSWORD },
	{ "crypt_r", 0, BH_C_SECRET_ARG_PASSWORD },
	{ "ldap_simple_bind_s", 2, BH_C_SECRET_ARG_PASSWORD },
	{ "ldap_simple_bind", 2, BH_C_SECRET_ARG_PASSWORD },
	{ "curl_easy_setopt", 2, BH_C_SECRET_ARG_CURLOPT },
	{ "EVP_EncryptInit", 2, BH_C_SECRET_ARG_KEY },
	{ "EVP_EncryptInit_ex", 3, BH_C_SECRET_ARG_KEY },
	{ "EVP_EncryptInit_ex2", 2, BH_C_SECRET_ARG_KEY },
	{ "EVP_DecryptInit", 2, BH_C_SECRET_ARG_KEY },
	{ "EVP_DecryptInit_ex", 3, BH_C_SECRET_ARG_KEY },
	{ "EVP_DecryptInit_ex2", 2, BH_C_SECRET_ARG_KEY },
	{ "EVP_CipherInit", 2, BH_C_SECRET_ARG_KEY },
	{ "EVP_CipherInit_ex", 3, BH_C_SECRET_ARG_KEY },
	{ "EVP_CipherInit_ex2", 2, BH_C_SECRET_ARG_KEY },
	{ "AES_set_encrypt_key", 0, BH_C_SECRET_ARG_KEY },
	{ "AES_set_decrypt_key", 0, BH_C_SECRET_ARG_KEY },
	{ "HMAC", 1, BH_C_SECRET_ARG_KEY },
	{ "HMAC_Init_ex", 1, BH_C_SECRET_ARG_KEY },
	{ "HMAC_Init", 1, BH_C_SECRET_ARG_KEY },
	{ "EVP_PKEY_new_mac_key", 2, BH_C_SECRET_ARG_KEY },
	{ "EVP_PKEY_new_raw_private_key", 2, BH_C_SECRET_ARG_KEY },
};

const bh_c_secret_api *bh_c_secret_find_api(const char *fn)
{
	for (size_t i = 0; fn && i < BH_ARRAY_LEN(apis); i++)
		if (strcmp(apis[i].name, fn) == 0)
			return &apis[i];
	return NULL;
}

bool bh_c_secret_is_curl_password_option(const char *option)
{
	return option && (strstr(option, "PASSWORD") || strstr(option, "USERPWD") ||
			  strstr(option, "KEYPASSWD"));
}

// -------------------------------------------------------------- messages

bh_c_secret_report bh_c_secret_describe(bh_arena *arena, bh_c_secret_site site,
					bh_c_secret_name kind, const char *subject,
					const char *api, const char *text, size_t len)
{
	bool key = kind == BH_C_SECRET_NAME_KEY;
	const char *what = key ? "key" : "credential";
	const char *how;
	if (!subject)
		subject = "?";
	if (!api)
		api = "?";
	switch (site) {
	case BH_C_SECRET_AT_INIT:
		how = bh_arena_sprintf(arena, "'%s' is initialised with a hard-coded %s", subject, what);
		break;
	case BH_C_SECRET_AT_ASSIGN:
		how = bh_arena_sprintf(arena, "'%s' is assigned a hard-coded %s", subject, what);
		break;
	case BH_C_SECRET_AT_COMPARE:
		how = bh_arena_sprintf(arena, "%s compares '%s' with a hard-coded %s", api, subject,
				       key ? "key" : "password");
		break;
	case BH_C_SECRET_AT_ARG:
		how = bh_arena_sprintf(arena, "hard-coded %s passed to %s", key ? "key" : "password",
				       api);
		break;
	case BH_C_SECRET_AT_CONNINFO:
		how = bh_arena_sprintf(arena,
				       "connection string passed to %s holds a hard-coded password",
				       api);
		break;
	case BH_C_SECRET_AT_CURLOPT:
		how = bh_arena_sprintf(arena, "hard-coded password passed to curl_easy_setopt(%s)",
				       subject);
		break;
	case BH_C_SECRET_AT_MACRO:
		how = bh_arena_sprintf(arena, "macro '%s' is defined as a hard-coded %s", subject,
				       what);
		break;
	default: // (every site is a case above)
		how = bh_arena_sprintf(arena, "a hard-coded %s", what);
		break;
	}
	const char *red = bh_finding_redact(arena, text, len);
	bh_c_secret_report r = {
		.rule = key ? BH_RULE_SECRET_HARDCODED_KEY : BH_RULE_SECRET_HARDCODED_PASSWORD,
		.message = bh_arena_sprintf(arena, "%s: %s", how, red),
		.snippet = red,
	};
	return r;
}
