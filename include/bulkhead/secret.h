/* SPDX-License-Identifier: MIT */
/*
 * Secret-leak detection over the raw bytes of the build context's files
 * (bh_secret). The rules are the secret pack (rules/secrets/<family>.rules,
 * compiled into the library) plus the static `secret.*` rules of
 * rules/rules.def: generic secret-named settings, credential files by
 * name and content.
 *
 * Matching: one Aho-Corasick pass over each file finds the rules'
 * lowercase keywords; only the rules whose keyword occurs on a line run
 * their PCRE2 pattern (JIT-compiled) on that line. Each match is then
 * filtered by entropy, the rule's allow-patterns and a placeholder check
 * (EXAMPLE, xxxx, changeme, <...>, ${VAR}, repeated or sequential
 * characters, documented vendor example keys).
 *
 * A pattern that reaches a PCRE2 limit (match_limit, depth_limit below)
 * stops the scan of its file: a `secret.match-limit` diagnostic and a
 * `secret.scan-truncated` finding name the file, the line and the limit.
 *
 * Output rules: a secret is never copied whole into a finding; messages
 * and snippets hold bh_finding_redact's short prefix and length. Each
 * finding's note says whether the file is sent to the Docker daemon.
 *
 * Ownership: every pcre2_code belongs to a bh_secret and is freed with it.
 * A bh_secret is immutable after bh_secret_new and can be shared by
 * threads; scanning state is per call.
 */
#ifndef BULKHEAD_SECRET_H
#define BULKHEAD_SECRET_H

#include "common.h"
#include "file_cache.h"
#include "ctx.h"
#include "diag.h"
#include "finding.h"

typedef struct bh_secret bh_secret;

/** Tuning knobs; the defaults suit source trees. */
typedef struct {
	int jobs;                   /* worker threads; <= 0: number of cores */
	uint32_t match_limit;       /* pcre2_set_match_limit per match; 0: default */
	uint32_t depth_limit;       /* pcre2_set_depth_limit per match; 0: default */
	uint32_t max_per_file;      /* findings kept per file; 0: default (100) */
} bh_secret_options;

#define BH_SECRET_OPTIONS_INIT { 0, 0, 0, 0 }

/**
 * Compile the rule pack and the static secret patterns (JIT where the
 * platform has it).
 * Ownership: caller frees `*out` with bh_secret_free.
 * @return BH_OK; BH_EINVAL (with an error diagnostic naming the rule) if a
 * pattern does not compile, which is a bug in the pack.
 */
bh_status bh_secret_new(bh_secret **out, const bh_secret_options *opts, bh_diags *diags);

/** Free the compiled patterns. NULL is a no-op. */
void bh_secret_free(bh_secret *sec);

/**
 * Scan every readable, non-excluded file of `ctx` with `opts->jobs`
 * workers. Binary files are skipped except key stores known by name.
 * Findings go to `findings` (strings in its arena), problems to `diags`.
 * The result does not depend on the number of workers once sorted.
 * @return BH_OK (bad input is diagnosed, never a status).
 */
bh_status bh_secret_scan_ctx(const bh_secret *sec, bh_ctx *ctx, bh_findings *findings,
			     bh_diags *diags);

/**
 * The pipeline's secret stage: compile the rules, scan `ctx` with `jobs`
 * workers (<= 0: number of cores) and append to `findings`/`diags`. The
 * C rules' secret.hardcoded-* findings that sit on the same line as a pack
 * rule's finding are dropped there: the provider rule names the secret
 * better and one leak is reported once.
 * @return BH_OK, or BH_EINVAL if the built-in rules do not compile (a bug,
 * diagnosed).
 */
bh_status bh_secret_run(bh_ctx *ctx, int jobs, bh_findings *findings, bh_diags *diags);

/**
 * bh_secret_run over the files of `ctx` whose entry in `wanted` (one per
 * context file, in bh_ctx_file order) is true; NULL: every file. `cache`
 * (or NULL) holds the results of files scanned before, by path, bytes and
 * scope (1 when the file reaches the Docker daemon).
 */
bh_status bh_secret_run_files(bh_ctx *ctx, int jobs, const bool *wanted, const bh_file_cache *cache,
			      bh_findings *findings, bh_diags *diags);

/**
 * Scan one in-memory file as if it were `path` in a build context (the
 * name decides which detectors apply). `sent` is reported in each
 * finding's note. For tests, the fuzzer and the LSP.
 */
void bh_secret_scan_source(const bh_secret *sec, const bh_source *src, bool sent,
			   bh_findings *findings, bh_diags *diags);

/**
 * The first rule of the pack that reports something in `text` (as if it
 * were a line of a config file), or NULL. The C rules use it to leave a
 * literal that the text scan already names to the more specific rule.
 */
const bh_rule *bh_secret_match_pack(const bh_secret *sec, const char *text, size_t len);

/** Shannon entropy of `len` bytes in bits per byte (0 for empty input). */
double bh_secret_entropy(const char *s, size_t len);

/**
 * True if `s` looks like a placeholder rather than a secret: EXAMPLE,
 * xxxx, changeme, <...>, ${VAR}, $(...), %s, a run of one character,
 * a sequence such as abcdef or 123456, or a documented vendor example.
 */
bool bh_secret_is_placeholder(const char *s, size_t len);

/**
 * True if `s` mixes character classes as a generated value does: two of
 * lower case, upper case and digits, or a symbol other than `_ - .`.
 * Names of things (`secret_name`, `DB_PASSWORD`, `my-token`) and words
 * ("coalesce") do not.
 */
bool bh_secret_mixes_classes(const char *s, size_t len);

/**
 * True if `s` reads as a keyword of several words: letters of one case
 * and few digits, in parts joined by `_`, `.` or `-` ("ciphers_tls1.3",
 * "queue_qos0_messages", a config file's setting a parser compares its
 * `token` with). Generated values mix cases or are mostly digits.
 */
bool bh_secret_is_keyword(const char *s, size_t len);

/**
 * True if the secret word in name `s` is part of another word: `tokenize`,
 * `tokenizer` and `tokenise` split text (`tokenize = unicode61`), a
 * `secretary` or `secretariat` keeps no secret. The C rules and the
 * generic text detector ask it alike.
 */
bool bh_secret_word_is_other_word(const char *s, size_t len);

#endif
