// SPDX-License-Identifier: MIT
// Tests of the secret scanner (bh_secret): every rule of the pack against
// its own true- and false-positive examples, the registry entries the pack
// adds, and the engine's parts: keyword prefilter, entropy, placeholder
// allowlist, redaction, match limits, binary and oversized input, the
// generic detector, decoding and credential files.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/scan.h"
#include "bulkhead/secret.h"
#include "parse/secrets/secret_internal.h"

static bh_arena *arena;
static bh_secret *sec;
static bh_findings findings;
static bh_diags diags;

static void setup(void)
{
	arena = bh_arena_new();
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	cr_assert_eq(bh_secret_new(&sec, NULL, &diags), BH_OK);
	cr_assert_eq(diags.items.len, 0, "pattern problem: %s",
		     diags.items.len ? diags.items.items[0].message : "");
}

static void teardown(void)
{
	bh_secret_free(sec);
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

static void scan_text(const char *path, const char *text, size_t len)
{
	findings.items.len = 0;
	diags.items.len = 0;
	const bh_source *src = bh_source_from_bytes(arena, path, text, len);
	bh_secret_scan_source(sec, src, true, &findings, &diags);
}

static void scan(const char *path, const char *text)
{
	scan_text(path, text, strlen(text));
}

static size_t count_rule(const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < findings.items.len; i++)
		n += strcmp(findings.items.items[i].rule->id, id) == 0;
	return n;
}

static bool has_diag(const char *code)
{
	for (size_t i = 0; i < diags.items.len; i++)
		if (strcmp(diags.items.items[i].code, code) == 0)
			return true;
	return false;
}

// ------------------------------------------------------------- the pack

// Each example is scanned as one line of a config file.
static void check_examples(const bh_secret__pack_rule *pr, const char *list, bool want)
{
	for (const char *p = list; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = bh_arena_strndup(arena, p, len);
		scan("fixture.conf", line);
		size_t n = count_rule(pr->id);
		if (want)
			cr_expect_gt(n, 0, "%s: true-positive example not reported: %s", pr->id, line);
		else
			cr_expect_eq(n, 0, "%s: false-positive example reported: %s", pr->id, line);
		p += len + (nl != NULL);
	}
}

Test(secret, pack_examples_match_their_rules, .init = setup, .fini = teardown)
{
	cr_assert_geq(bh_secret__pack_len, 200);
	for (size_t i = 0; i < bh_secret__pack_len; i++) {
		const bh_secret__pack_rule *pr = &bh_secret__pack[i];
		cr_assert(*pr->tp, "%s has no true-positive example", pr->id);
		cr_assert(*pr->fp, "%s has no false-positive example", pr->id);
		check_examples(pr, pr->tp, true);
		check_examples(pr, pr->fp, false);
	}
}

Test(secret, pack_rules_are_in_the_registry)
{
	cr_assert_geq(bh_rule_count(), (size_t)BH_RULE__COUNT + 200);
	cr_assert_leq(bh_rule_count(), (size_t)BH_RULE_MAX);
	for (size_t i = 0; i < bh_secret__pack_len; i++) {
		const bh_rule *r = bh_rule_find(bh_secret__pack[i].id);
		cr_assert_not_null(r, "%s missing from the registry", bh_secret__pack[i].id);
		cr_assert_eq((size_t)r->index, (size_t)BH_RULE__COUNT + i);
		cr_assert_eq(bh_rule_at(r->index), r);
		cr_assert_str_eq(r->domain, "secret");
		cr_assert(strstr(r->doc, "## How to fix"), "%s: doc lacks a fix", r->id);
		cr_assert(strstr(r->doc, "--mount=type=secret"));
		cr_assert(*bh_rule_summary(r));
		cr_assert_eq(r->cwe[0], 798);
	}
	cr_assert_not_null(bh_rule_find("secret.generic-credential"));
	cr_assert_not_null(bh_rule_find("secret.hardcoded-key"));
}

// ------------------------------------------------------------ prefilter

Test(secret, prefilter_finds_keywords_in_any_case)
{
	const char *kws[] = { "ghp_", "xoxb-", "hp_x" };
	uint32_t owner[] = { 0, 1, 2 };
	bh_secret__ac ac;
	bh_secret__ac_build(&ac, kws, owner, 3);
	const char *text = "token GHP_xY and Xoxb- here";
	uint32_t st = 0;
	bool seen[3] = { false };
	for (const char *p = text; *p; p++) {
		uint32_t row = ac.delta[st * ac.nclasses + ac.cls[(unsigned char)*p]];
		st = (row & ~BH_SECRET__AC_OUT) / ac.nclasses;
		cr_assert_eq((row & BH_SECRET__AC_OUT) != 0, ac.out_start[st] != ac.out_start[st + 1]);
		for (uint32_t o = ac.out_start[st]; o < ac.out_start[st + 1]; o++)
			seen[ac.outs[o]] = true;
	}
	cr_assert(seen[0]);
	cr_assert(seen[1]);
	cr_assert(seen[2], "overlapping keyword found through the failure link");
	bh_secret__ac_dispose(&ac);
}

Test(secret, lines_without_keywords_report_nothing, .init = setup, .fini = teardown)
{
	scan("app.conf", "port = 8080\nname = quotes\nx = 4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a\n");
	cr_assert_eq(findings.items.len, 0);
}

// ------------------------------------------------------- value checks

Test(secret, entropy_in_bits_per_byte)
{
	cr_assert_float_eq(bh_secret_entropy("aaaa", 4), 0.0, 1e-9);
	cr_assert_float_eq(bh_secret_entropy("abab", 4), 1.0, 1e-9);
	cr_assert_float_eq(bh_secret_entropy("abcdefgh", 8), 3.0, 1e-9);
	cr_assert_float_eq(bh_secret_entropy("", 0), 0.0, 1e-9);
}

static bool placeholder(const char *s)
{
	return bh_secret_is_placeholder(s, strlen(s));
}

Test(secret, placeholders_are_recognised)
{
	const char *yes[] = {
		"AKIAIOSFODNN7EXAMPLE", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "changeme",
		"<your-token>", "${DB_PASSWORD}", "$(cat /run/secrets/x)", "%s", "{{ .Values.pw }}",
		"$TOKEN", "0000000000000000", "ghp_000000000000000000000000000000000000",
		"abcdefghijklmnop", "1234567890", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
		"your_api_key_here", "********", "@PASSWORD@",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(yes); i++)
		cr_expect(placeholder(yes[i]), "not seen as a placeholder: %s", yes[i]);
	const char *no[] = {
		// bulkhead: ignore[secret.github-pat] a test vector: the test needs a secret the scanner finds
		"ghp_DemoOnly0000000000000000000000000000", "q9Vn2Yd8Lr3Ks0Tp7Wm4Hc1Jx6Bz5Gf2Ea8Nd3Qu",
		// bulkhead: ignore[secret.aws-access-key-id] a test vector: the test needs a secret the scanner finds
		"Sup3rS3cretDemo", "AKIAQ4TJXW2M7DEMOKEY", "hunter2!",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(no); i++)
		cr_expect(!placeholder(no[i]), "wrongly a placeholder: %s", no[i]);
}

// Generated values mix classes; names and words do not.
Test(secret, values_that_mix_character_classes)
{
	static const char *const yes[] = { "unicode61", "Xk29aPqLmZ", "a+b", "ABC123" };
	for (size_t i = 0; i < BH_ARRAY_LEN(yes); i++)
		cr_expect(bh_secret_mixes_classes(yes[i], strlen(yes[i])), "%s", yes[i]);
	static const char *const no[] = { "coalesce", "DB_PASSWORD", "secret_name", "my-token",
					  "12345", "" };
	for (size_t i = 0; i < BH_ARRAY_LEN(no); i++)
		cr_expect(!bh_secret_mixes_classes(no[i], strlen(no[i])), "%s", no[i]);
}

// Keywords of several words (a config file's settings) are not generated
// values, whatever digits they hold; mixed case or mostly digits are.
Test(secret, keywords_of_several_words)
{
	static const char *const yes[] = { "ciphers_tls1.3", "queue_qos0_messages", "tls_engine_kpass_sha1",
					   "MAX_INFLIGHT_V5", "log-dest.file" };
	for (size_t i = 0; i < BH_ARRAY_LEN(yes); i++)
		cr_expect(bh_secret_is_keyword(yes[i], strlen(yes[i])), "%s", yes[i]);
	static const char *const no[] = { "unicode61", "tok_9fA2kQ7xLm3Z", "a81f-03c9-77d2-4e10", "_leading",
					  "q7Rz2Kx9Lm4Vt8Wp", "ab+cd_ef", "1234_5678", "" };
	for (size_t i = 0; i < BH_ARRAY_LEN(no); i++)
		cr_expect(!bh_secret_is_keyword(no[i], strlen(no[i])), "%s", no[i]);
}

// ------------------------------------------------------------- behaviour

// bulkhead: ignore[secret.github-pat] a test vector: the test needs a secret the scanner finds
static const char token[] = "ghp_R8v2kLq9ZxT4mW7pN1sB5cY3hJ6dF0gA2eK8";

Test(secret, secret_is_never_printed_whole, .init = setup, .fini = teardown)
{
	char line[128];
	snprintf(line, sizeof(line), "admin_token = %s\n", token);
	scan("app.conf", line);
	cr_assert_eq(count_rule("secret.github-pat"), 1);
	cr_assert_eq(count_rule("secret.generic-credential"), 0, "the provider rule wins");
	const bh_finding *fd = &findings.items.items[0];
	cr_assert_null(strstr(fd->message, token + 4));
	cr_assert_null(strstr(fd->snippet, token + 4));
	cr_assert_not_null(strstr(fd->message, "(40 chars)"));
	cr_assert_eq(fd->loc.line, 1);
	cr_assert_eq(fd->loc.col, 15);
	cr_assert_not_null(strstr(fd->note, "sent to the Docker daemon"));
}

Test(secret, match_limit_cuts_a_file_short)
{
	bh_arena *a = bh_arena_new();
	bh_diags d;
	bh_findings f;
	bh_diags_init(&d, a);
	bh_findings_init(&f, a);
	bh_secret *s = NULL;
	bh_secret_options opts = BH_SECRET_OPTIONS_INIT;
	opts.match_limit = 1;
	cr_assert_eq(bh_secret_new(&s, &opts, &d), BH_OK);
	char text[256];
	snprintf(text, sizeof(text), "a = 1\nurl = postgres://u:%s@db/x\ntoken = %s\n", token + 4, token);
	const bh_source *src = bh_source_from_bytes(a, "big.conf", text, strlen(text));
	bh_secret_scan_source(s, src, true, &f, &d);
	bool cut = false;
	for (size_t i = 0; i < d.items.len; i++)
		if (strcmp(d.items.items[i].code, "secret.match-limit") == 0) {
			cut = true;
			cr_assert_eq(d.items.items[i].level, BH_LEVEL_WARNING);
			cr_assert_eq(d.items.items[i].loc.line, 2);
		}
	cr_assert(cut, "no secret.match-limit diagnostic");
	bh_secret_free(s);
	bh_findings_dispose(&f);
	bh_diags_dispose(&d);
	bh_arena_free(a);
}

Test(secret, binary_files_are_skipped_except_key_stores, .init = setup, .fini = teardown)
{
	char bin[200];
	memset(bin, 0, sizeof(bin));
	memcpy(bin + 10, token, sizeof(token) - 1);
	scan_text("blob.bin", bin, sizeof(bin));
	cr_assert_eq(findings.items.len, 0);
	scan_text("certs/server.p12", bin, sizeof(bin));
	cr_assert_eq(count_rule("secret.credential-file"), 1);
	cr_assert_str_eq(findings.items.items[0].message, "PKCS#12 key store");
}

Test(secret, huge_minified_line_is_scanned_in_windows, .init = setup, .fini = teardown)
{
	size_t n = 4 << 20;
	char *text = bh_arena_alloc(arena, n + 1);
	for (size_t i = 0; i < n; i++)
		text[i] = "var a=b;function(){return c}"[i % 28];
	text[n / 2 - 1] = '"';
	memcpy(text + n / 2, token, sizeof(token) - 1);
	text[n / 2 + sizeof(token) - 1] = '"';
	scan_text("bundle.min.js", text, n);
	cr_assert_eq(count_rule("secret.github-pat"), 1);
	cr_assert_eq(findings.items.items[0].loc.line, 1);
}

Test(secret, repeated_matches_are_capped, .init = setup, .fini = teardown)
{
	size_t reps = 500;
	char *text = bh_arena_alloc(arena, reps * 64);
	size_t at = 0;
	for (size_t i = 0; i < reps; i++)
		at += (size_t)sprintf(text + at, "t%zu = ghp_R8v2kLq9ZxT4mW7pN1sB5cY3hJ6dFgA%05zu\n", i, i);
	scan_text("dump.txt", text, at);
	cr_assert_eq(count_rule("secret.github-pat"), 20);
	cr_assert(has_diag("secret.too-many"));

	// Far more matches than candidates are kept: bounded work, one note.
	reps = 20000;
	text = bh_arena_alloc(arena, reps * 64);
	at = 0;
	for (size_t i = 0; i < reps; i++)
		at += (size_t)sprintf(text + at, "t = ghp_R8v2kLq9ZxT4mW7pN1sB5cY3hJ6dFgA%05zu\n", i);
	scan_text("huge-dump.txt", text, at);
	cr_assert_eq(count_rule("secret.github-pat"), 20);
	cr_assert(has_diag("secret.too-many"));
}

// Found by fuzzing: on a long line the windows around keyword hits
// overlap, and every window used to report again the matches it shared
// with the one before. A few hundred keys on one line then filled the
// candidate cap with duplicates and hid the real leak on the next line.
Test(secret, long_line_of_keys_does_not_hide_later_secrets, .init = setup, .fini = teardown)
{
	const char *b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	size_t reps = 400;
	char *text = bh_arena_alloc(arena, reps * 21 + 128);
	size_t at = 0;
	uint32_t x = 12345;
	for (size_t i = 0; i < reps; i++) {
		memcpy(text + at, "AKIA", 4);
		at += 4;
		for (int k = 0; k < 16; k++) {
			x = x * 1103515245u + 12345u;
			text[at++] = b32[(x >> 16) % 32];
		}
		text[at++] = ' ';
	}
	at += (size_t)sprintf(text + at, "\ntoken: %s\n", token);
	scan_text("notes.txt", text, at);
	cr_assert_eq(count_rule("secret.github-pat"), 1);
	cr_assert_eq(count_rule("secret.aws-access-key-id"), 20);
	// The note counts each key once: at most 400 - 20 were not reported.
	size_t dropped = 0;
	for (size_t i = 0; i < diags.items.len; i++)
		if (strcmp(diags.items.items[i].code, "secret.too-many") == 0)
			cr_assert_eq(sscanf(diags.items.items[i].message, "%zu", &dropped), 1);
	cr_assert(dropped > 0 && dropped <= reps - 20, "%zu dropped", dropped);
}

Test(secret, hostile_bytes_do_not_break_the_scan, .init = setup, .fini = teardown)
{
	char text[160];
	snprintf(text, sizeof(text), "\xef\xbb\xbfkey=\xff\xfe\r\ntoken: %s\r\n\xc3(", token);
	scan("weird.yaml", text);
	cr_assert_eq(count_rule("secret.github-pat"), 1);
	cr_assert_eq(findings.items.items[0].loc.line, 2);
}

// ------------------------------------------------------ generic detector

Test(secret, generic_detector_needs_name_and_entropy, .init = setup, .fini = teardown)
{
	scan(".env", "DB_PASSWORD=Zq8kP2vLm9Tx4w\n");
	cr_assert_eq(count_rule("secret.generic-credential"), 1);
	const char *quiet[] = {
		"DB_PASSWORD=${DB_PASSWORD}\n", "password_file=/run/secrets/db\n",
		"token_url: https://auth.example.org/token\n", "max_tokens = 4096\n",
		"password: changeme\n", "secret_name: db-credentials\n",
		"api_key = os.environ['API_KEY']\n", "PASSWORD=password\n",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(quiet); i++) {
		scan("settings.yaml", quiet[i]);
		cr_expect_eq(count_rule("secret.generic-credential"), 0, "reported: %s", quiet[i]);
	}
	scan(".env.example", "DB_PASSWORD=Zq8kP2vLm9Tx4w\n");
	cr_assert_eq(count_rule("secret.generic-credential"), 0, "example files document settings");
	// C is left to the AST rules.
	scan("src/a.c", "const char *password = \"Zq8kP2vLm9Tx4w\";\n");
	cr_assert_eq(count_rule("secret.generic-credential"), 0);
}

// The one list of secret words inside other words, for the C rules and
// the text detector alike.
Test(secret, a_secret_word_inside_another_word_is_no_secret_name)
{
	const char *others[] = { "default_tokenizer", "TOKENISE", "secretary_login", "Secretariat" };
	for (size_t i = 0; i < BH_ARRAY_LEN(others); i++)
		cr_expect(bh_secret_word_is_other_word(others[i], strlen(others[i])), "%s", others[i]);
	const char *secrets[] = { "api_token", "client_secret", "SECRET_KEY", "tokens_left" };
	for (size_t i = 0; i < BH_ARRAY_LEN(secrets); i++)
		cr_expect_not(bh_secret_word_is_other_word(secrets[i], strlen(secrets[i])), "%s", secrets[i]);
	cr_expect_not(bh_secret_word_is_other_word("tokeni", 6)); // cut short: no whole word
}

// A secret word in a sentence (`unrecognized token: "x"`) and names
// qualified by `::` are no settings; a key that starts its line, follows a
// quote or is assigned with `=` still is.
Test(secret, generic_detector_skips_sentences_and_qualified_names, .init = setup, .fini = teardown)
{
	const char *quiet[] = {
		"} {1 {unrecognized token: \"123.4e5ghi\"}}\n",
		"Parse error near line 2: unrecognized token: \"'unclosed;\"\n",
		"unset -nocomplain ::quota_pwd ::quota_mapping\n",
		"auth_token = Secrets::api_token\n",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(quiet); i++) {
		scan("t/errors.test", quiet[i]);
		cr_expect_eq(count_rule("secret.generic-credential"), 0, "reported: %s", quiet[i]);
	}
	const char *loud[] = {
		"token: \"Rk4vN8qZ2mX7tL9w\"\n",
		"  api_token: Rk4vN8qZ2mX7tL9w\n",
		"curl -H \"X-Auth-Token: Rk4vN8qZ2mX7tL9w\" https://api.internal\n",
		"export API_TOKEN=Rk4vN8qZ2mX7tL9w\n",
		"String api_token = \"Rk4v::N8qZ2mX7tL9w\"\n",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(loud); i++) {
		scan("deploy/config.sh", loud[i]);
		cr_expect_eq(count_rule("secret.generic-credential"), 1, "not reported: %s", loud[i]);
	}
}

Test(secret, base64_values_are_decoded_once, .init = setup, .fini = teardown)
{
	// bulkhead: ignore[secret.github-pat] a test vector: the test needs a secret the scanner finds
	// base64 of "ghp_R8v2kLq9ZxT4mW7pN1sB5cY3hJ6dF0gA2eK8" and of "Zq8kP2vLm9Tx4w"
	scan("k8s/secret.yaml",
	     "kind: Secret\ndata:\n"
	     "  gh: Z2hwX1I4djJrTHE5WnhUNG1XN3BOMXNCNWNZM2hKNmRGMGdBMmVLOA==\n"
	     "  password: WnE4a1AydkxtOVR4NHc=\n");
	cr_assert_eq(count_rule("secret.github-pat"), 1);
	cr_assert_eq(count_rule("secret.generic-credential"), 1);
	cr_assert_not_null(strstr(findings.items.items[0].message, "encoded"));
}

Test(secret, credential_files_by_name_and_content, .init = setup, .fini = teardown)
{
	scan(".pgpass", "db.internal:5432:app:app:Zq8kP2vLm9\n");
	cr_assert_eq(count_rule("secret.credential-file"), 1);
	scan(".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
	cr_assert_eq(findings.items.len, 0);
	// The token itself is reported by the generic rule, which stands in
	// for the file-level finding.
	scan("deploy/kubeconfig", "users:\n- name: ci\n  user:\n    token: Zq8kP2vLm9Tx4wRt\n");
	cr_assert_eq(count_rule("secret.generic-credential"), 1);
	cr_assert_eq(count_rule("secret.credential-file"), 0);
	cr_assert_eq(findings.items.items[0].loc.line, 4);
	scan("deploy/kubeconfig", "users:\n- name: ci\n  user:\n    client-key-data: ${KEY}\n    token: ${K8S_TOKEN}\n");
	cr_assert_eq(count_rule("secret.credential-file"), 0);
	scan(".ssh/id_ed25519.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ user@host\n");
	cr_assert_eq(findings.items.len, 0);
}

Test(secret, pem_blocks_span_lines, .init = setup, .fini = teardown)
{
	scan("tls/server.key",
	     "-----BEGIN RSA PRIVATE KEY-----\n"
	     "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
	     "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
	     "-----END RSA PRIVATE KEY-----\n");
	cr_assert_eq(count_rule("secret.private-key-rsa"), 1);
	cr_assert_eq(count_rule("secret.credential-file"), 0);
	scan("docs/keys.md", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n");
	cr_assert_eq(findings.items.len, 0);
}

// ----------------------------------------------------------- the stage

static char *describe(const bh_scan *scan)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	for (size_t i = 0; i < scan->findings.items.len; i++) {
		const bh_finding *fd = &scan->findings.items.items[i];
		fprintf(f, "%s %s:%u:%u %s %s\n", fd->rule->id, fd->loc.path, fd->loc.line,
			fd->loc.col, fd->message, fd->fingerprint);
	}
	fclose(f);
	return buf;
}

Test(secret, result_does_not_depend_on_jobs)
{
	char *first = NULL;
	for (int jobs = 1; jobs <= 4; jobs += 3) {
		bh_scan_options opts = BH_SCAN_OPTIONS_INIT;
		opts.context = BH_SOURCE_ROOT "/testdata/demo";
		opts.jobs = jobs;
		bh_scan *scan = NULL;
		cr_assert_eq(bh_scan_run(&scan, &opts), BH_OK);
		char *text = describe(scan);
		cr_assert_not_null(strstr(text, "secret.aws-access-key-id"));
		if (!first)
			first = text;
		else {
			cr_assert_str_eq(text, first);
			free(text);
		}
		bh_scan_free(scan);
	}
	free(first);
}

Test(secret, match_pack_names_the_provider_rule, .init = setup, .fini = teardown)
{
	const bh_rule *r = bh_secret_match_pack(sec, token, strlen(token));
	cr_assert_not_null(r);
	cr_assert_str_eq(r->id, "secret.github-pat");
	cr_assert_null(bh_secret_match_pack(sec, "Zq8kP2vLm9Tx4w", 14));
}
