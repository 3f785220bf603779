// SPDX-License-Identifier: MIT
// Unit tests for the tree-sitter-c fast path (analyzer/parse/c/tsc.c) and
// the credential rules on its trees (rules/c/c_secrets_tsc.c): macro
// definitions in every scope, the full rule set where libclang did not
// look, the same messages as the libclang walker, the choice of scope from
// the covered set, and hostile input (NUL bytes, invalid UTF-8, deep
// nesting, a huge line, unterminated comments and strings).
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/tsc.h"
#include "parse/c/tsc_internal.h"
#include "tmpctx.h"

static bh_arena *arena;
static bh_findings findings;
static bh_diags diags;

static void setup(void)
{
	arena = bh_arena_new();
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
}

static void teardown(void)
{
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

TestSuite(tsc, .init = setup, .fini = teardown, .timeout = 60);

static void check_n(const char *text, size_t len, bh_tsc_scope scope)
{
	cr_assert_eq(bh_tsc_check(&findings, &diags, "a.c", text, len, scope, NULL), BH_OK);
}

static void check(const char *text, bh_tsc_scope scope)
{
	check_n(text, strlen(text), scope);
}

static const bh_finding *at(size_t i)
{
	cr_assert_lt(i, findings.items.len, "only %zu findings", findings.items.len);
	return &findings.items.items[i];
}

static void assert_no_diags(void)
{
	cr_assert_eq(diags.items.len, 0, "unexpected diagnostic: %s",
		     diags.items.len ? diags.items.items[0].message : "");
}

// ---------------------------------------------------------------- macros

Test(tsc, define_of_a_password_is_reported_with_a_redacted_secret)
{
	check("#include <stdio.h>\n#define DB_PASSWORD \"s3cr3t-Value9\"\n", BH_TSC_MACROS);
	cr_assert_eq(findings.items.len, 1);
	const bh_finding *f = at(0);
	cr_assert_str_eq(f->rule->id, "secret.hardcoded-password");
	cr_assert_str_eq(f->loc.path, "a.c");
	cr_assert_eq(f->loc.line, 2);
	cr_assert_eq(f->loc.col, 1);
	cr_assert_eq(f->loc.end_line, 2);
	cr_assert_eq(f->loc.end_col, 36);
	cr_assert_str_eq(f->message,
			 "macro 'DB_PASSWORD' is defined as a hard-coded credential: s3c… (13 chars)");
	cr_assert_str_eq(f->snippet, "s3c… (13 chars)");
	cr_assert_null(f->function);
	cr_assert_null(f->note);
	cr_assert_null(strstr(f->message, "s3cr3t"));
	assert_no_diags();
}

Test(tsc, define_of_a_key_in_parentheses_pieces_and_comments)
{
	check("#define AES_KEY (\"Jx5Rv9Lk\" /* half */ u8\"2Tq7Wm3N\") // 128 bits\n",
	      BH_TSC_MACROS);
	cr_assert_eq(findings.items.len, 1);
	cr_assert_str_eq(at(0)->rule->id, "secret.hardcoded-key");
	cr_assert_str_eq(at(0)->message,
			 "macro 'AES_KEY' is defined as a hard-coded key: Jx5R… (16 chars)");
}

Test(tsc, define_with_escapes_is_decoded)
{
	check("#define API_TOKEN \"Qx\\x37Lm\\1019Vt2Rw\"\n", BH_TSC_MACROS);
	cr_assert_eq(findings.items.len, 1);
	cr_assert_str_eq(at(0)->message,
			 "macro 'API_TOKEN' is defined as a hard-coded credential: Qx7… (12 chars)");
}

Test(tsc, defines_that_are_not_secrets_are_not_reported)
{
	check("#define PASSWORD_PROMPT \"Password: \"\n"
	      "#define KEY_LEN 32\n"
	      "#define API_TOKEN_ENV \"API_TOKEN\"\n"
	      "#define DB_PASSWORD \"changeme\"\n"
	      "#define ADMIN_PASSWORD \"<password>\"\n"
	      "#define SECRET_KEY getenv(\"SECRET_KEY\")\n"
	      "#define TOKEN_FMT \"token=%s\"\n"
	      "#define PWD\n"
	      "#define PASSWORD(x) \"Hq4Zm8Kt3Lw9\"\n"
	      "#define WIDE_PASSWORD L\"Hq4Zm8Kt3Lw9\"\n"
	      "#define SHORT_PASSWORD \"abc\"\n"
	      "#define SERVICE \"Hq4Zm8Kt3Lw9\"\n",
	      BH_TSC_FULL);
	cr_assert_eq(findings.items.len, 0, "first: %s",
		     findings.items.len ? at(0)->message : "");
	assert_no_diags();
}

Test(tsc, macros_scope_leaves_declarations_to_libclang)
{
	check("static const char *db_password = \"Tq8Lz3Vx7Km2\";\n"
	      "int f(const char *password) { return strcmp(password, \"Op3nSesame42\"); }\n",
	      BH_TSC_MACROS);
	cr_assert_eq(findings.items.len, 0);
}

Test(tsc, define_inside_a_function_and_conditionals_is_seen)
{
	check("#ifdef DEBUG\n#  define ROOT_PASSWD \"Gw7Nc3Rk8Yt2\"\n#endif\n"
	      "void f(void) {\n#define SESSION_SECRET \"Zx8Vb2Nm5Lk3\"\n}\n",
	      BH_TSC_MACROS);
	cr_assert_eq(findings.items.len, 2);
	cr_assert_eq(at(0)->loc.line, 2);
	cr_assert_eq(at(0)->loc.col, 1);
	cr_assert_eq(at(1)->loc.line, 5);
	cr_assert_str_eq(at(1)->function, "f");
}

// ------------------------------------------------------------ full scope

// The messages below are those of testdata/secrets/hardcoded-password,
// which come from the libclang walker: one policy, one wording.
Test(tsc, full_scope_matches_the_libclang_wording_and_places)
{
	check("#include <string.h>\n"
	      "\n"
	      "static const char *db_password = \"Tq8Lz3Vx7Km2\";\n"
	      "\n"
	      "int check_login(const char *password)\n"
	      "{\n"
	      "\treturn strcmp(password, \"Op3nSesame42\") == 0;\n"
	      "}\n"
	      "\n"
	      "void connect_all(MYSQL *m)\n"
	      "{\n"
	      "\tmysql_real_connect(m, \"db\", \"app\", \"Rk9Vq2Lx7Zm4\", \"app\", 3306, 0, 0);\n"
	      "\tPQconnectdb(\"host=db user=app password=Wz4Kt8Lq2Xv7 dbname=app\");\n"
	      "\tcrypt(\"Hm6Zq3Lx9Vt2\", \"$6$salt$\");\n"
	      "}\n",
	      BH_TSC_FULL);
	cr_assert_eq(findings.items.len, 5);
	static const struct {
		unsigned line, col;
		const char *function, *message;
	} want[] = {
		{ 3, 1, NULL, "'db_password' is initialised with a hard-coded credential: Tq8… (12 chars)" },
		{ 7, 9, "check_login", "strcmp compares 'password' with a hard-coded password: Op3… (12 chars)" },
		{ 12, 2, "connect_all", "hard-coded password passed to mysql_real_connect: Rk9… (12 chars)" },
		{ 13, 2, "connect_all", "connection string passed to PQconnectdb holds a hard-coded password: Wz4… (12 chars)" },
		{ 14, 2, "connect_all", "hard-coded password passed to crypt: Hm6… (12 chars)" },
	};
	for (size_t i = 0; i < 5; i++) {
		const bh_finding *f = at(i);
		cr_assert_str_eq(f->rule->id, "secret.hardcoded-password");
		cr_assert_eq(f->loc.line, want[i].line, "finding %zu", i);
		cr_assert_eq(f->loc.col, want[i].col, "finding %zu", i);
		cr_assert_str_eq(f->message, want[i].message);
		if (want[i].function)
			cr_assert_str_eq(f->function, want[i].function);
		else
			cr_assert_null(f->function);
	}
	assert_no_diags();
}

Test(tsc, assignments_keys_and_curl_options)
{
	check("void f(struct conf *c, CURL *h, EVP_CIPHER_CTX *x)\n"
	      "{\n"
	      "\tc->password = \"Mf6Tg3Xp9Rb2\";\n"
	      "\t(c->aes_key) = (char *)\"Lq7Zx2Vm9Tk4Rp8W\";\n"
	      "\tc->password += 1;\n"
	      "\tcurl_easy_setopt(h, CURLOPT_USERPWD, \"app:Xv8Lq2Kz7Tm3\");\n"
	      "\tcurl_easy_setopt(h, CURLOPT_URL, \"https://Xv8Lq2Kz7Tm3\");\n"
	      "\tEVP_EncryptInit_ex(x, 0, /* engine */ 0, (const unsigned char *)\"Kd8Lq2Zx7Tm3Vb8N\", 0);\n"
	      "\tHMAC(0, key, 16, 0, 0, 0, 0);\n"
	      "}\n",
	      BH_TSC_FULL);
	cr_assert_eq(findings.items.len, 4);
	cr_assert_str_eq(at(0)->message, "'password' is assigned a hard-coded credential: Mf6… (12 chars)");
	cr_assert_eq(at(0)->loc.col, 2);
	cr_assert_str_eq(at(1)->rule->id, "secret.hardcoded-key");
	cr_assert_str_eq(at(1)->message, "'aes_key' is assigned a hard-coded key: Lq7Z… (16 chars)");
	cr_assert_str_eq(at(2)->message,
			 "hard-coded password passed to curl_easy_setopt(CURLOPT_USERPWD): app:… (16 chars)");
	cr_assert_str_eq(at(3)->rule->id, "secret.hardcoded-key");
	cr_assert_str_eq(at(3)->message, "hard-coded key passed to EVP_EncryptInit_ex: Kd8L… (16 chars)");
}

Test(tsc, literals_that_are_not_secrets_are_not_reported)
{
	check("static const char *password = \"<your-password>\";\n"
	      "static const char *token_file = \"/run/secrets/token\";\n"
	      "static const char password_hint[] = \"at least 12 characters\";\n"
	      "static const wchar_t *api_token = L\"Hq4Zm8Kt3Lw9\";\n"
	      "static const char *api_key = \"Hq4Zm8\" SUFFIX;\n"
	      "int f(const char *password, const char *user)\n"
	      "{\n"
	      "\tchar *secret = getenv(\"SECRET\");\n"
	      "\treturn strcmp(password, \"xxxxxxxx\") || strcmp(user, \"Hq4Zm8Kt3Lw9\") ||\n"
	      "\t       strcmp(password, secret) || (*fp)(password, \"Hq4Zm8Kt3Lw9\");\n"
	      "}\n",
	      BH_TSC_FULL);
	cr_assert_eq(findings.items.len, 0, "first: %s",
		     findings.items.len ? at(0)->message : "");
}

Test(tsc, note_goes_on_every_finding)
{
	const char *src = "static const char *admin_password = \"Zr7Kq2Lm9Vx4\";\n";
	cr_assert_eq(bh_tsc_check(&findings, &diags, "inc/x.h", src, strlen(src), BH_TSC_FULL,
				  "why"), BH_OK);
	cr_assert_eq(findings.items.len, 1);
	cr_assert_str_eq(at(0)->loc.path, "inc/x.h");
	cr_assert_str_eq(at(0)->note, "why");
}

Test(tsc, null_arguments_are_einval)
{
	cr_assert_eq(bh_tsc_check(NULL, &diags, "a.c", "", 0, BH_TSC_FULL, NULL), BH_EINVAL);
	cr_assert_eq(bh_tsc_check(&findings, NULL, "a.c", "", 0, BH_TSC_FULL, NULL), BH_EINVAL);
	cr_assert_eq(bh_tsc_check(&findings, &diags, NULL, "", 0, BH_TSC_FULL, NULL), BH_EINVAL);
	cr_assert_eq(bh_tsc_check(&findings, &diags, "a.c", NULL, 3, BH_TSC_FULL, NULL), BH_EINVAL);
	cr_assert_eq(bh_tsc_check(&findings, &diags, "a.c", NULL, 0, BH_TSC_FULL, NULL), BH_OK);
	cr_assert_eq(bh_tsc_scan(NULL, NULL, &findings, &diags), BH_EINVAL);
}

// --------------------------------------------------------------- hostile

Test(tsc, nul_bytes_do_not_hide_later_macros)
{
	static const char src[] = "int a\0b = \"\0\";\n#define DB_PASSWORD \"Tq8Lz3Vx\0Km2\"\n"
				  "#define API_TOKEN \"Hq4Zm8Kt3Lw9\"\n";
	check_n(src, sizeof src - 1, BH_TSC_FULL);
	// A literal holding a raw NUL byte is not C: it is skipped, and the
	// macros after it are still read.
	cr_assert_geq(findings.items.len, 1);
	const bh_finding *last = at(findings.items.len - 1);
	cr_assert_eq(last->loc.line, 3);
	cr_assert_str_eq(last->message,
			 "macro 'API_TOKEN' is defined as a hard-coded credential: Hq4… (12 chars)");
	assert_no_diags();
}

Test(tsc, invalid_utf8_crlf_and_bom)
{
	static const char src[] = "\xef\xbb\xbf/* \xff\xfe\xc3 */\r\n#define DB_PASSWORD \"\xff\xfeTq8Lz3Vx7Km2\"\r\n"
				  "#define API_TOKEN \"Hq4Zm8Kt3Lw9\"\r\n";
	check_n(src, sizeof src - 1, BH_TSC_MACROS);
	cr_assert_eq(findings.items.len, 2);
	cr_assert_eq(at(1)->loc.line, 3);
	cr_assert_str_eq(at(1)->message,
			 "macro 'API_TOKEN' is defined as a hard-coded credential: Hq4… (12 chars)");
	assert_no_diags();
}

Test(tsc, deeply_nested_input_does_not_exhaust_the_stack)
{
	size_t depth = 200000;
	size_t len = depth * 2 + 128;
	char *src = bh_xmalloc(len);
	size_t n = (size_t)snprintf(src, len, "int x = ");
	for (size_t i = 0; i < depth; i++)
		src[n++] = '(';
	n += (size_t)snprintf(src + n, len - n, "\"Tq8Lz3Vx7Km2\"");
	for (size_t i = 0; i < depth; i++)
		src[n++] = ')';
	n += (size_t)snprintf(src + n, len - n, ";\n#define API_TOKEN \"Hq4Zm8Kt3Lw9\"\n");
	check_n(src, n, BH_TSC_FULL);
	cr_assert_eq(findings.items.len, 1);
	cr_assert_eq(at(0)->loc.line, 2);
	free(src);
}

Test(tsc, huge_line)
{
	size_t big = 4u << 20;
	char *src = bh_xmalloc(big + 256);
	size_t n = (size_t)snprintf(src, 256, "static const char *password = \"");
	for (size_t i = 0; i < big; i++)
		src[n++] = (char)('a' + (i * 7 + i / 26) % 26);
	n += (size_t)snprintf(src + n, 256, "\";\n#define API_TOKEN \"Hq4Zm8Kt3Lw9\"\n");
	check_n(src, n, BH_TSC_FULL);
	cr_assert_eq(findings.items.len, 2);
	cr_assert_str_eq(at(0)->message,
			 "'password' is initialised with a hard-coded credential: ahov… (4194304 chars)");
	cr_assert_eq(at(1)->loc.line, 2);
	free(src);
}

Test(tsc, unterminated_comment_and_string)
{
	check("#define API_TOKEN \"Hq4Zm8Kt3Lw9\"\n/* never closed\n#define DB_PASSWORD \"Tq8Lz3Vx7Km2\"\n",
	      BH_TSC_FULL);
	// Tree-sitter does not take an unclosed /* as a comment: what
	// follows is still read.
	cr_assert_geq(findings.items.len, 1);
	cr_assert_eq(at(0)->loc.line, 1);
	teardown();
	setup();
	check("#define DB_PASSWORD \"Tq8Lz3Vx7Km2\n"
	      "static const char *api_token = \"Hq4Zm8Kt3Lw9\n"
	      "#define API_TOKEN \"Hq4Zm8Kt3Lw9\"\n",
	      BH_TSC_FULL);
	// Nothing broken is reported; tree-sitter's recovery may swallow
	// the good line after it too, but never invents a finding.
	for (size_t i = 0; i < findings.items.len; i++)
		cr_assert_eq(at(i)->loc.line, 3);
	assert_no_diags();
}

Test(tsc, truncated_and_empty_input)
{
	check("", BH_TSC_FULL);
	check("#define", BH_TSC_FULL);
	check("#define API_TOKEN", BH_TSC_FULL);
	check("#define API_TOKEN \"", BH_TSC_FULL);
	check("#define API_TOKEN u8", BH_TSC_FULL);
	check("static const char *password = ", BH_TSC_FULL);
	check("strcmp(password, ", BH_TSC_FULL);
	check("int f() { strcmp(password, \"Op3nSesame42\"", BH_TSC_FULL);
	cr_assert_eq(findings.items.len, 0);
	assert_no_diags();
}

// ------------------------------------------------------------------ scan

Test(tsc, scan_checks_uncovered_files_in_full_and_the_rest_for_macros)
{
	char root[256];
	cr_assert(bh_test_mkdtemp(root, sizeof root, "tsc"));
	static const char covered_c[] = "#define DB_PASSWORD \"Vk3Rt8Lq2Zx6\"\n"
					"static const char *api_token = \"Hq4Zm8Kt3Lw9\";\n";
	static const char orphan_h[] = "static const char *admin_password = \"Zr7Kq2Lm9Vx4\";\n";
	static const char failed_c[] = "static const char *db_password = \"Tq8Lz3Vx7Km2\";\n";
	cr_assert(bh_test_write(root, "main.c", covered_c, sizeof covered_c - 1));
	cr_assert(bh_test_write(root, "inc/orphan.h", orphan_h, sizeof orphan_h - 1));
	cr_assert(bh_test_write(root, "broken.c", failed_c, sizeof failed_c - 1));
	cr_assert(bh_test_write(root, "notes.txt", failed_c, sizeof failed_c - 1));

	bh_ctx *ctx = NULL;
	bh_ctx_options copts = BH_CTX_OPTIONS_INIT;
	copts.root = root;
	cr_assert_eq(bh_ctx_open(&ctx, &copts, &diags), BH_OK);
	const char *covered[] = { "main.c", "main.c" };
	bh_tsc_options opts = BH_TSC_OPTIONS_INIT;
	opts.covered = covered;
	opts.ncovered = 2;
	cr_assert_eq(bh_tsc_scan(ctx, &opts, &findings, &diags), BH_OK);
	assert_no_diags();

	// Path order: broken.c, inc/orphan.h, main.c.
	cr_assert_eq(findings.items.len, 3);
	cr_assert_str_eq(at(0)->loc.path, "broken.c");
	cr_assert_str_eq(at(0)->note,
			 "libclang could not parse this file: found by syntax alone (tree-sitter-c)");
	cr_assert_str_eq(at(1)->loc.path, "inc/orphan.h");
	cr_assert_str_eq(at(1)->note,
			 "no translation unit libclang parsed includes this header: found by syntax alone (tree-sitter-c)");
	cr_assert_str_eq(at(2)->loc.path, "main.c");
	cr_assert_str_eq(at(2)->message,
			 "macro 'DB_PASSWORD' is defined as a hard-coded credential: Vk3… (12 chars)");
	cr_assert_null(at(2)->note);

	volatile int cancel = 1;
	opts.cancel = &cancel;
	cr_assert_eq(bh_tsc_scan(ctx, &opts, &findings, &diags), BH_ECANCELED);
	bh_ctx_free(ctx);
	bh_test_rmtree(root);
}

// Macros scope parses only the secret-like `#define` lines the lexer finds
// outside comments and literals (hits of the prefilter in a comment or a
// string, below, are not such lines): the findings and their places are
// those of a whole-file parse.
Test(tsc, secret_define_lines_are_parsed_alone_and_keep_their_places)
{
	static const char *const tails[] = {
		"",
		"/* #define OLD_PASSWORD \"Xy7Kd2Mq9Pw3\" */\n"
		"char *s = \"#define API_TOKEN \\\"Hq4Zm8Kt3Lw9\\\"\";\n",
	};
	for (size_t t = 0; t < BH_ARRAY_LEN(tails); t++) {
		bh_findings_dispose(&findings);
		bh_findings_init(&findings, arena);
		char *src = bh_arena_sprintf(arena,
					     "int a = 1;\n"                              // 1
					     "#define DB_PASSWORD \\\n"                  // 2
					     "\t\"Tq8Lz3Vx7Km2\" /* spans\n"             // 3
					     "   two lines */\n"                         // 4
					     "struct s { int x; };\n"                    // 5
					     "  #  define SESSION_SECRET \"Zx8Vb2Nm5Lk3\"\r\n" // 6
					     "#define LIMIT 10\n%s", tails[t]);
		check(src, BH_TSC_MACROS);
		cr_assert_eq(findings.items.len, 2, "tail %zu", t);
		cr_assert_eq(at(0)->loc.line, 2);
		cr_assert_eq(at(0)->loc.col, 1);
		cr_assert_str_eq(at(0)->message,
				 "macro 'DB_PASSWORD' is defined as a hard-coded credential: Tq8… (12 chars)");
		cr_assert_eq(at(1)->loc.line, 6);
		cr_assert_eq(at(1)->loc.col, 3);
		assert_no_diags();
	}
}

// The lines macros scope hands tree-sitter: a secret-like name whose value
// holds no string literal is none (`#define XXH_SECRET_SIZE 192`); an
// `extern "C" {` block is file scope; a directive inside a function body
// makes the whole file parsed (its finding names the function).
Test(tsc, define_lines_skip_values_without_literals_and_see_through_extern_c)
{
	TSRange lines[8];
	const char *numbers = "#define XXH_SECRET_SIZE 192\n#define API_TOKEN_LEN (16 + 1)\n";
	cr_assert_eq(bh_tsc__define_lines(numbers, strlen(numbers), bh_tsc__rule_secrets_wants_macro, lines, 8), 0);

	const char *wrapped = "#ifdef __cplusplus\nextern \"C\" {\n#endif\n"    // 1-3
			      "#define DB_PASSWORD \"Tq8Lz3Vx7Km2\"\n"                 // 4
			      "#ifdef __cplusplus\n}\n#endif\n"                        // 5-7
			      "#define API_KEY \"Hq4Zm8Kt3Lw9\"\n";                     // 8
	cr_assert_eq(bh_tsc__define_lines(wrapped, strlen(wrapped), bh_tsc__rule_secrets_wants_macro, lines, 8), 2);
	cr_assert_eq(lines[0].start_point.row, 3);
	cr_assert_eq(lines[1].start_point.row, 7);

	const char *inside = "void f(void) {\n#define DB_PASSWORD \"Tq8Lz3Vx7Km2\"\n}\n";
	cr_assert_eq(bh_tsc__define_lines(inside, strlen(inside), bh_tsc__rule_secrets_wants_macro, lines, 8),
		     SIZE_MAX);
	check(inside, BH_TSC_MACROS);
	cr_assert_eq(findings.items.len, 1);
	cr_assert_str_eq(at(0)->function, "f");
}
