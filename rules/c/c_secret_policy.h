// SPDX-License-Identifier: MIT
// The policy of the hard-coded credential rules (secret.hardcoded-password,
// secret.hardcoded-key), shared by the two C front ends that apply it: the
// libclang walker (c_secrets.c) and the tree-sitter-c walker
// (c_secrets_tsc.c). Everything here is about names, literal bytes and
// messages, never about a syntax tree, so both front ends decide and word
// a finding the same way: a secret seen by either gives the same rule and
// the same message, and the pipeline's de-duplication (rule, location,
// message) can merge them.
//
// Internal to rules/c: nothing here is part of include/bulkhead/.
#ifndef BH_C_SECRET_POLICY_H
#define BH_C_SECRET_POLICY_H

#include "bulkhead/arena.h"
#include "bulkhead/rule.h"

// Literals shorter than this are never a secret.
#define BH_C_SECRET_MIN_LEN 4

/** What a variable, field, parameter or macro name says it holds. */
typedef enum {
	BH_C_SECRET_NAME_NONE,     // not a secret, or a name about one (`password_prompt`)
	BH_C_SECRET_NAME_PASSWORD, // password, API key, credential
	BH_C_SECRET_NAME_KEY,      // cryptographic key (`aes_key`, `hmac_key`)
	BH_C_SECRET_NAME_TOKEN,    // a token: in C as often a lexer's (`zToken = "true"`) as a
				   // credential, so only a literal that looks generated is one
} bh_c_secret_name;

/**
 * Classify `name` (NULL or empty: NONE). Case-insensitive; names that
 * describe a secret rather than hold it (`*_prompt`, `*_file`, `*_len`,
 * ...) are NONE.
 */
bh_c_secret_name bh_c_secret_classify_name(const char *name);

/**
 * True if the decoded literal `text` (`len` bytes) could be a password or
 * key value: at least BH_C_SECRET_MIN_LEN bytes, no blank or control
 * character (prompts, messages), no printf directive, not a placeholder
 * (bh_secret_is_placeholder).
 */
bool bh_c_secret_is_secret_literal(const char *text, size_t len);

/**
 * True if the literal `text`/`len`, already a secret literal, can be what
 * a name of kind `kind` holds: for TOKEN, it must look generated (at least
 * 8 bytes mixing letter cases and digits, or with symbols), not a word
 * such as "coalesce" or "false" nor a keyword of several words such as
 * "ciphers_tls1.3" (a config parser's `strcmp(token, …)`); any for the
 * other kinds.
 */
bool bh_c_secret_literal_fits(bh_c_secret_name kind, const char *text, size_t len);

/**
 * The looser test for the key argument of a crypto API, where any
 * non-empty literal that is not a placeholder is a key.
 */
bool bh_c_secret_is_key_literal(const char *text, size_t len);

/**
 * The password of a libpq connection string ("host=db password=s3cret"):
 * sets `*pw`/`*pw_len` to the bytes after `password=` (quotes excluded)
 * and returns true when they are long enough and not a placeholder.
 * `text` is NUL-terminated.
 */
bool bh_c_secret_conninfo_password(const char *text, const char **pw, size_t *pw_len);

/** How a known API takes its secret. */
typedef enum {
	BH_C_SECRET_ARG_PASSWORD, // argument `arg` is a password
	BH_C_SECRET_ARG_KEY,      // argument `arg` is a key (literal or constant array)
	BH_C_SECRET_ARG_CONNINFO, // argument `arg` is a connection string with password=
	BH_C_SECRET_ARG_CURLOPT,  // curl_easy_setopt: argument `arg` when option 1 is a password option
	BH_C_SECRET_ARG_COMPARE,  // strcmp family: a secret-named operand against a literal
} bh_c_secret_arg_kind;

typedef struct {
	const char *name;          // the function's name
	int arg;                   // 0-based argument holding the secret; -1 for COMPARE
	bh_c_secret_arg_kind kind;
} bh_c_secret_api;

/** The known API called `fn`, or NULL. */
const bh_c_secret_api *bh_c_secret_find_api(const char *fn);

/**
 * True if `option` (the text of curl_easy_setopt's second argument, as
 * written) names a password option: CURLOPT_PASSWORD, CURLOPT_USERPWD,
 * CURLOPT_KEYPASSWD, ...
 */
bool bh_c_secret_is_curl_password_option(const char *option);

/** Where a secret literal was found; each has its own wording. */
typedef enum {
	BH_C_SECRET_AT_INIT,     // `subject` is the variable initialised with it
	BH_C_SECRET_AT_ASSIGN,   // `subject` is the variable or field assigned
	BH_C_SECRET_AT_COMPARE,  // `subject` is the operand compared, `api` the function
	BH_C_SECRET_AT_ARG,      // the argument of function `api` (kind from the API)
	BH_C_SECRET_AT_CONNINFO, // in the connection string passed to `api`
	BH_C_SECRET_AT_CURLOPT,  // passed to curl_easy_setopt for option `subject`
	BH_C_SECRET_AT_MACRO,    // `subject` is the macro defined as it
} bh_c_secret_site;

/** A finding as the policy words it. */
typedef struct {
	bh_rule_id rule;
	const char *message; // arena; holds the redacted secret only
	const char *snippet; // arena; the redacted secret: the source text would hold it whole
} bh_c_secret_report;

/**
 * Word the finding for the secret `text`/`len` found at `site`. `kind`
 * chooses the rule (KEY: secret.hardcoded-key, else
 * secret.hardcoded-password); `subject` and `api` are the names the site
 * needs (see bh_c_secret_site). The secret itself appears only through
 * bh_finding_redact. Ownership: strings in `arena`.
 */
bh_c_secret_report bh_c_secret_describe(bh_arena *arena, bh_c_secret_site site,
					bh_c_secret_name kind, const char *subject,
					const char *api, const char *text, size_t len);

#endif
